# System.Text.StringBuilder: appends, edits in place, Length and Capacity as .NET grows them.
# ==== builder-append-loop
$sb = [System.Text.StringBuilder]::new(); foreach ($i in 1..2000) { [void]$sb.Append("line $i`n") }
$sb.Length; $sb.Capacity; ($sb.ToString() -split "`n" | Where-Object { $_ -match '7$' }).Count
# ==== builder-append-self
$b = [System.Text.StringBuilder]::new('ab'); [void]$b.Append($b); $b.ToString(); $b.Length
# ==== builder-edits
$b = [System.Text.StringBuilder]::new('abab')
[void]$b.AppendLine('x'); $b.Length; [void]$b.Insert(1, 'ZZ'); $b.ToString(); $b.Length
[void]$b.Remove(0, 2); $b.ToString(); $b.Length
[void]$b.Replace('b', 'QQ'); "$b"; $b.Length; [void]$b.Clear(); $b.Length; $b.Capacity
# ==== builder-remove-out-of-range
$b = [System.Text.StringBuilder]::new('abc')
$b.Remove(0, 100)
$b.ToString(); $b.Length
# ==== builder-chained
$b = [System.Text.StringBuilder]::new()
$b.Append('a').Append(1).AppendLine().AppendFormat('{0:N2}', 3.14159).ToString()
$b.Length
# ==== builder-capacity-constructor
$b = [System.Text.StringBuilder]::new('x' * 40); $b.Capacity; [void]$b.Append('y' * 50); $b.Capacity; $b.Length
# ==== builder-in-string
$b = [System.Text.StringBuilder]::new('hello'); "[$b]"; $b | Out-String

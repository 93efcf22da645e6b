# Arrays, ordered dictionaries, generic collections, enums, script blocks, ::new.
# ==== array-subexpression
$a = @(); $a.Count; $a = @(1); $a.Count; $a = @(@(1, 2)); $a.Count
# ==== array-cast-scalar
$a = [array]5; $a.Count; $a.GetType().Name
# ==== object-array-type
(1, 2).GetType().FullName; @().GetType().Name
# ==== typed-array-assign
[int[]]$a = 1, 2; $a += '3'; $a[2].GetType().Name; $a.GetType().Name
# ==== typed-variable-constraint
[int]$x = '5'; $x.GetType().Name; $x = '7'; $x + 1
# ==== typed-variable-bad
[int]$x = 1; $x = 'abc'
'after'; $x
# ==== ordered
$o = [ordered]@{z = 1; a = 2; m = 3}; $o.Keys -join ','; $o.GetType().Name
# ==== ordered-index
$o = [ordered]@{z = 1; a = 2}; $o[0]; $o['a']; $o.a
# ==== ordered-on-non-literal
$h = @{a = 1}; [ordered]$h
# ==== hashtable-keys-order
$h = @{}; $h['one'] = 1; $h.Count; $h.ContainsKey('ONE')
# ==== hashtable-case-insensitive
$h = @{Key = 1}; $h.key; $h['KEY']
# ==== hashtable-duplicate-literal
$h = @{a = 1; A = 2}
# ==== list-int
$l = [System.Collections.Generic.List[int]]::new(); $l.Add(1); $l.Add('2'); $l.Count; $l[1].GetType().Name
# ==== list-from-array
$l = [System.Collections.Generic.List[string]]@('a', 'b'); $l.Add('c'); $l -join ','; $l.GetType().Name
# ==== list-add-bad
$l = [System.Collections.Generic.List[int]]::new(); $l.Add('x')
# ==== list-output-unrolls
$l = [System.Collections.Generic.List[int]]::new(); 1..3 | ForEach-Object { $l.Add($_) }; $l
# ==== list-remove
$l = [System.Collections.Generic.List[string]]('a', 'b', 'c'); [void]$l.Remove('b'); $l.Contains('b'); $l.IndexOf('c')
# ==== dictionary
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['a'] = 1; $d.Add('b', 2); $d.Count; $d['b']
# ==== dictionary-missing-key
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['zz']
# ==== dictionary-case-sensitive
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d['a'] = 1; $d.ContainsKey('A')
# ==== dictionary-add-duplicate
$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d.Add('a', 1); $d.Add('a', 2)
# ==== hashset
$s = [System.Collections.Generic.HashSet[string]]::new(); $s.Add('a'); $s.Add('a'); $s.Count
# ==== hashset-ignorecase
$s = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase); [void]$s.Add('A'); $s.Contains('a')
# ==== arraylist
$al = [System.Collections.ArrayList]::new(); $al.Add('x'); [void]$al.Add('y'); $al.Count
# ==== arraylist-cast
$al = [System.Collections.ArrayList]@(1, 2); $al.Add(3) | Out-Null; $al -join ','
# ==== queue-stack
$q = [System.Collections.Generic.Queue[int]]::new(); $q.Enqueue(1); $q.Enqueue(2); $q.Dequeue(); $s = [System.Collections.Generic.Stack[int]]::new(); $s.Push(1); $s.Push(2); $s.Pop()
# ==== enum-static
[System.DayOfWeek]::Monday; [System.DayOfWeek]::Monday.value__; [int][System.DayOfWeek]::Friday
# ==== enum-from-string
[System.DayOfWeek]'tuesday'; [System.DayOfWeek]3
# ==== enum-bad
[System.DayOfWeek]'Funday'
# ==== enum-getnames
[enum]::GetNames([System.DayOfWeek]) -join ','
# ==== enum-getvalues
[enum]::GetValues([System.ConsoleColor]) | Select-Object -First 3
# ==== enum-compare
[System.DayOfWeek]::Monday -eq 'Monday'; [System.DayOfWeek]::Monday -lt [System.DayOfWeek]::Friday
# ==== enum-flags
[System.IO.FileAttributes]'ReadOnly,Hidden'; [int][System.IO.FileAttributes]'ReadOnly,Hidden'
# ==== enum-hasflag
$f = [System.IO.FileAttributes]'ReadOnly,Hidden'; $f.HasFlag([System.IO.FileAttributes]::Hidden)
# ==== enum-parse
[enum]::Parse([System.DayOfWeek], 'sunday', $true)
# ==== enum-isdefined
[enum]::IsDefined([System.DayOfWeek], 'Monday'); [enum]::IsDefined([System.DayOfWeek], 9)
# ==== enum-defined-in-script
enum Color { Red; Green = 5; Blue }
[Color]::Blue; [int][Color]::Blue; [Color]'green'
# ==== enum-script-bad
enum Color { Red }
[Color]'Purple'
# ==== scriptblock-create
$sb = [scriptblock]::Create('param($x) $x * 2'); & $sb 21; $sb.GetType().Name
# ==== scriptblock-create-bad
$sb = [scriptblock]::Create('1 +')
# ==== scriptblock-tostring
$sb = { 1 + 1 }; $sb.ToString(); "[$sb]"
# ==== scriptblock-invoke
$sb = { param($a, $b) $a + $b }; $sb.Invoke(1, 2); $sb.InvokeReturnAsIs(3, 4)
# ==== new-static
$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a').Append('b'); $sb.ToString()
# ==== new-object
$o = New-Object System.Text.StringBuilder; [void]$o.Append('x'); $o.ToString()
# ==== new-object-args
(New-Object System.Version 1, 2, 3).ToString()
# ==== new-with-args
[System.Version]::new(1, 2).ToString(); [datetime]::new(2024, 2, 29).ToString('yyyy-MM-dd')
# ==== new-bad-args
[datetime]::new('x')
# ==== new-wrong-count
[System.Version]::new(1, 2, 3, 4, 5)
# ==== pscustomobject-cast
$o = [pscustomobject]@{Name = 'n'; Value = 1}; $o.GetType().Name; $o.psobject.Properties.Name -join ','
# ==== pscustomobject-from-ordered
$o = [pscustomobject][ordered]@{b = 1; a = 2}; $o.psobject.Properties.Name -join ','
# ==== hashtable-to-object-cast
class P { [string]$Name; [int]$Age }
$p = [P]@{Name = 'x'; Age = '42'}; $p.Age.GetType().Name; $p.Name
# ==== hashtable-to-object-bad-prop
class P { [string]$Name }
$p = [P]@{Nope = 1}
# ==== class-basic
class Counter { [int]$N = 0; [void] Inc() { $this.N++ } [string] ToString() { return "N=$($this.N)" } }
$c = [Counter]::new(); $c.Inc(); $c.Inc(); $c.N; "$c"
# ==== class-static
class U { static [int] Twice([int]$x) { return $x * 2 } }
[U]::Twice(21)
# ==== class-constructor
class Pt { [int]$X; [int]$Y; Pt([int]$x, [int]$y) { $this.X = $x; $this.Y = $y } }
$p = [Pt]::new(1, 2); "$($p.X),$($p.Y)"
# ==== convert-array-to-list-string
[System.Collections.Generic.List[string]]$l = 1, 2; $l[0].GetType().Name
# ==== cast-null-to-array
$a = [object[]]$null; $null -eq $a
# ==== cast-string-array
[string[]]$s = 1, 2.5, $true; $s -join '|'
# ==== hashtable-from-cast-array
[hashtable]@(1, 2)
# ==== psobject-wrapping
$x = 5; $x.psobject.BaseObject.GetType().Name; ([psobject]5).GetType().Name
# ==== typed-array-assign-bad
[int[]]$a = 1, 2; $a = 'q'; $a.GetType().Name
# ==== typed-array-add-bad
[int[]]$a = 1, 2; $a += 'z'; $a.Count
# ==== typed-array-assign-scalar
[int[]]$a = 1, 2; $a = '7'; $a.GetType().Name; $a
# ==== typed-enum-variable
[System.DayOfWeek]$d = 'mon'; $d; $d = 5; $d; $d = 'x'; $d

# .NET helpers runbooks use: platform variables, [ref] out-parameters, date kinds and formats,
# Stopwatch, StringBuilder, New-Guid.
Set-StrictMode -Version Latest
if ($IsWindows) { $os = 'Windows' } elseif ($IsMacOS) { $os = 'macOS' } else { $os = 'Linux' }
"Edition $PSEdition on $($Host.Name) $($Host.Version)"

$AppId = 'a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8'
$parsed = [guid]::Empty
if ([guid]::TryParse($AppId, [ref]$parsed)) { "Valid AppId: $parsed" }
if (-not [guid]::TryParse('not-a-guid', [ref]$parsed)) { "Invalid AppId, now $parsed" }

$now = Get-Date
"Kind: $($now.Kind)"
"Local: $($now.ToString('o'))"
"UTC:   $($now.ToUniversalTime().ToString('o'))"
"Stamp: $(Get-Date -Format 'yyyy-MM-dd HH:mm:ss K')"
"Day:   $($now.DayOfWeek) ($([int]$now.DayOfWeek))"
if ($now.DayOfWeek -in 'Saturday', 'Sunday') { 'Weekend: skipping' } else { 'Weekday: running' }
"Short: $($now.ToShortDateString()) $($now.ToShortTimeString())"
$due = [datetime]::ParseExact('2026-12-01', 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
"Due in $(($due - $now.Date).Days) days"

$sw = [System.Diagnostics.Stopwatch]::StartNew()
Start-Sleep -Seconds 2
$sw.Stop()
"Took $($sw.Elapsed.TotalSeconds) s ($($sw.ElapsedMilliseconds) ms)"

$sb = [System.Text.StringBuilder]::new()
[void]$sb.AppendLine('Report')
$null = $sb.AppendFormat('{0} policies', 3)
$sb.ToString()
"Run id: $(New-Guid)"
# Not discarded: the builder itself is output.
$sb.Append('!')

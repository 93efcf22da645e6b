# System.TimeSpan as admin scripts use it: timing a run, New-TimeSpan, date arithmetic,
# comparisons, ToString formats, casts and the default list view. The clock is fixed
# (AAPSH_NOW) and Start-Sleep moves it, so every span is reproducible.

# Timing a run
$start = Get-Date
Start-Sleep -Seconds 90
$elapsed = (Get-Date) - $start
"Took {0:N1} s" -f $elapsed.TotalSeconds
Write-Host "Elapsed: $($elapsed.ToString('hh\:mm\:ss'))"
"Elapsed: $elapsed"
"{0}" -f $elapsed
"{0:hh\:mm\:ss}" -f $elapsed
$elapsed.GetType().FullName
$elapsed -is [timespan]

# DateTime - DateTime, and the properties
$d = (Get-Date).AddMinutes(5) - (Get-Date)
$d.Minutes, $d.TotalSeconds, $d.TotalMilliseconds, $d.Ticks
$d.TotalHours
"{0:N2} minutes" -f $d.TotalMinutes
[math]::Round($d.TotalHours, 3)

# New-TimeSpan: the Time set and the Date set (a missing end is now)
$t = New-TimeSpan -Minutes 30
"$t"
"$(New-TimeSpan -Days 1 -Hours 2 -Minutes 3 -Seconds 4 -Milliseconds 5)"
"$(New-TimeSpan -Start (Get-Date).AddHours(-2))"
"$(New-TimeSpan (Get-Date) (Get-Date).AddDays(3))"
"$(New-TimeSpan -Start (Get-Date).AddDays(1))"
"$(New-TimeSpan)"
"$(Get-Date -Date '2026-11-26T09:00:00Z' | New-TimeSpan -End (Get-Date).AddSeconds(45))"

# DateTime +/- TimeSpan, Add and Subtract
(Get-Date).Add((New-TimeSpan -Minutes 30)).ToString('yyyy-MM-dd HH:mm:ss')
((Get-Date) + $t).ToString('HH:mm')
((Get-Date) - $t).ToString('HH:mm')
(Get-Date).Subtract($t).ToString('HH:mm')
"$((Get-Date).AddHours(1).Subtract($start))"

# TimeSpan arithmetic and comparisons
"$($t + $d)"
"$($t - $d)"
"$($d - $t)"
"$($d.Negate()) $($d.Negate().Duration())"
"$($t * 2)"
$t / $d
$t -gt (New-TimeSpan -Minutes 5)
$d -lt (New-TimeSpan -Minutes 5)
$d -le (New-TimeSpan -Minutes 5)
$d -eq (New-TimeSpan -Seconds 300)
$t -ne $d
$t -gt '00:29:59'
(Get-Date).AddMinutes(1) -gt (Get-Date)
"$((New-TimeSpan -Minutes 2), $d, $t | Sort-Object -Descending)"
if ($elapsed -gt (New-TimeSpan -Minutes 1)) { 'slow run' }

# Casts and static members
[timespan]'00:30:00' -eq $t
"$([timespan]'1.02:03:04.5')"
"$([timespan]::FromMinutes(90))"
"$([timespan]::FromSeconds(1.5))"
"$([timespan]::FromHours(2)), $([timespan]::FromDays(0.5)), $([timespan]::FromMilliseconds(250))"
"$([timespan]::Zero)"
"$([timespan]::new(1, 30, 0))"
[timespan]::Parse('01:15:00').TotalMinutes

# ToString formats
$x = [timespan]'1.02:03:04.5'
$x.ToString()
$x.ToString('c')
$x.ToString('g')
$x.ToString('G')
$x.ToString("d\.hh\:mm\:ss")
$x.ToString("%h")
$x.ToString("hh' h 'mm' m'")
$x.ToString('ss\.fff')

# The default list view, a table, and JSON
$t
New-TimeSpan -Hours 1 -Minutes 25 | Format-Table
New-TimeSpan -Seconds 90 | ConvertTo-Json -Compress

# Errors: an unescaped ':' in a custom format, a bad cast, a comparison that cannot convert
$t.ToString('hh:mm')
[timespan]'abc'
$t -gt 'abc'

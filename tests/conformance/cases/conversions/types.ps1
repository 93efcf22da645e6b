# Casts to char, bool, string, dates, timespans, guids, versions, regex.
# ==== char-from-int
[char]65; [char]0x263A
# ==== char-from-string
[char]'x'
# ==== char-from-long-string
[char]'xy'
# ==== char-array
[char[]]'abc'; ([char[]]'abc').Count
# ==== char-ops
[char]'a' -lt [char]'b'; [char]::IsDigit('5'); [char]::ToUpper('q')
# ==== bool-casts
[bool]0; [bool]1; [bool]'false'; [bool]''; [bool]$null; [bool]@(); [bool]@(0); [bool]'0'
# ==== bool-from-string-param
function f([bool]$b) { $b }
f $true
f 0
# ==== bool-param-string
function f([bool]$b) { $b }
f 'true'
# ==== string-of-array
[string](1, 2, 3)
# ==== string-of-array-ofs
$OFS = ','; [string](1, 2, 3)
# ==== string-of-null
[string]$null -eq ''; ([string]$null).Length
# ==== string-of-nested
[string](1, (2, 3))
# ==== string-of-double
[string]1.5; [string]1e20; [string](1/3); [string]0.1
# ==== string-of-bool
[string]$true; "$false"
# ==== string-of-hashtable
[string]@{a = 1}
# ==== string-of-pscustomobject
[string][pscustomobject]@{a = 1; b = 'x'}
"$([pscustomobject]@{a = 1})"
# ==== datetime-parse
$d = [datetime]'2024-01-02'; $d.Year; $d.Month; $d.Day; $d.DayOfWeek
# ==== datetime-default-string
[datetime]'2024-01-02 13:14:15'
# ==== datetime-tostring
([datetime]'2024-01-02 13:14:15').ToString('yyyy-MM-ddTHH:mm:ss'); "$([datetime]'2024-01-02')"
# ==== datetime-us-format
[datetime]'03/04/2024'
# ==== datetime-bad
[datetime]'2024-13-45'
# ==== datetime-iso-z
([datetime]'2024-01-02T03:04:05Z').ToUniversalTime().ToString('o')
# ==== datetime-arith
$d = [datetime]'2024-01-31'; $d.AddMonths(1).ToString('yyyy-MM-dd'); $d.AddDays(-31).ToString('yyyy-MM-dd')
# ==== datetime-subtract
$t = [datetime]'2024-03-01' - [datetime]'2024-02-01'; $t.Days; $t.GetType().Name
# ==== datetime-plus-timespan
([datetime]'2024-01-01' + [timespan]'1.02:00:00').ToString('s')
# ==== datetime-parseexact
[datetime]::ParseExact('02/01/2024', 'dd/MM/yyyy', $null).ToString('yyyy-MM-dd')
# ==== get-date-fixed
Get-Date -Date '2024-05-06 07:08:09' -Format 'yyyy/MM/dd HH:mm'
# ==== get-date-uformat
Get-Date -Date '2024-05-06 07:08:09' -UFormat '%Y-%m-%d %A'
# ==== timespan-parse
[timespan]'1:02:03'; [timespan]'3.04:05:06.5'
# ==== timespan-from-number
[timespan]100000000
# ==== timespan-props
$t = [timespan]'1.02:03:04'; $t.TotalHours; $t.Minutes; $t.TotalSeconds
# ==== timespan-new
New-TimeSpan -Days 1 -Hours 2 | ForEach-Object { $_.ToString() }
New-TimeSpan -Start '2024-01-01' -End '2024-01-03' | ForEach-Object TotalDays
# ==== timespan-bad
[timespan]'abc'
# ==== timespan-format
([timespan]'01:02:03').ToString('hh\:mm'); [timespan]::FromMinutes(90).ToString()
# ==== guid-parse
[guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
# ==== guid-tostring
([guid]'A41D7C2E-5B90-4E3F-8C17-2D6B9F0E4A83').ToString(); ([guid]'a41d7c2e5b904e3f8c172d6b9f0e4a83').ToString('B')
# ==== guid-bad
[guid]'not-a-guid'
# ==== guid-empty
[guid]::Empty; [guid]::Empty -eq '00000000-0000-0000-0000-000000000000'
# ==== guid-tryparse
$g = [guid]::Empty; [guid]::TryParse('xyz', [ref]$g); [guid]::TryParse('a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83', [ref]$g); $g
# ==== version-parse
$v = [version]'1.2.3.4'; $v.Major; $v.Build; $v
# ==== version-compare-sort
'1.10', '1.9', '1.2' | Sort-Object { [version]$_ }
# ==== version-bad
[version]'1.x'
# ==== regex-cast
$r = [regex]'a+'; $r.GetType().Name; $r.Matches('caaab aa').Count; "$r"
# ==== regex-cast-bad
[regex]'('
# ==== uri-cast
$u = [uri]'https://contoso.example/a/b?x=1'; $u.Host; $u.AbsolutePath; $u.Query
# ==== xml-cast
$x = [xml]'<a><b id="1">t</b></a>'; $x.a.b.id; $x.a.b.'#text'
# ==== ipaddress-cast
[ipaddress]'10.0.0.1' | ForEach-Object IPAddressToString
# ==== cast-to-type-not-found
[NoSuchType]'x'
# ==== type-literal
[int]; [string].FullName; [System.Collections.Hashtable].Name
# ==== type-literal-generic
[System.Collections.Generic.List[string]].Name
# ==== as-failures
$null -eq ('x' -as [datetime]); $null -eq ('1.x' -as [version])
# ==== securestring-convert
$s = ConvertTo-SecureString 'p@ss' -AsPlainText -Force; $s.GetType().Name; $s.Length
# ==== pscredential
$c = [pscredential]::new('user', (ConvertTo-SecureString 'pw' -AsPlainText -Force)); $c.UserName; $c.GetNetworkCredential().Password

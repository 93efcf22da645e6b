# Implicit conversions: operands, parameters, method arguments, comparisons, string expansion.
# ==== string-expansion-double
$d = 1.5; "$d"; $d = 1e20; "$d"; $d = 1/3; "$d"
# ==== string-expansion-decimal
$m = 1.50d; "$m"
# ==== string-expansion-date
$t = [datetime]'2024-01-02 03:04:05'; "$t"
# ==== string-expansion-null
$n = $null; "[$n]"
# ==== string-expansion-hashtable
$h = @{a = 1}; "$h"
# ==== string-expansion-list
$l = [System.Collections.Generic.List[int]](1, 2); "$l"
# ==== string-expansion-bool
"$true $false"
# ==== string-expansion-timespan
$t = [timespan]'01:02:03'; "$t"
# ==== method-arg-conversion
'abcdef'.Substring('2'); 'abc'.PadLeft('5', '*')
# ==== method-arg-conversion-bad
'abc'.Substring('x')
# ==== method-overload-double
[math]::Abs(-2.5); [math]::Abs([int]-2)
# ==== method-overload-string-vs-char
'a,b;c'.Split(',;'); 'a,b;c'.Split([char[]]',;')
# ==== param-string-from-array
function f([string]$s) { $s }
f (1, 2, 3)
# ==== param-int-from-array
function f([int]$i) { $i }
f (1, 2)
# ==== param-switch-from-int
function f([switch]$s) { $s.IsPresent }
f -s:1; f -s:0
# ==== param-array-from-scalar
function f([int[]]$a) { $a.GetType().Name; $a.Count }
f 5
# ==== param-hashtable-from-string
function f([hashtable]$h) { $h }
f 'x'
# ==== param-scriptblock-from-string
function f([scriptblock]$sb) { & $sb }
f '1 + 1'
# ==== param-enum
function f([System.DayOfWeek]$d) { $d }
f 'mon'
# ==== param-enum-full
function f([System.DayOfWeek]$d) { $d }
f 1; f 'Sunday'
# ==== param-guid
function f([guid]$g) { $g.ToString('N') }
f 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
# ==== param-guid-bad
function f([guid]$g) { $g }
f 'abc'
# ==== param-datetime-bad
function f([datetime]$d) { $d }
f 'yesterday'
# ==== comparison-left-type-wins
'1.0' -eq 1; 1 -eq '1.0'; '01' -eq 1; 1 -eq '01'
# ==== comparison-bool-left
$false -eq 'false'; $false -eq '0'; $false -eq 0
# ==== comparison-null-array
@() -eq $null; $null -eq @()
# ==== arithmetic-string-left
'3' * 2; '3' + 2; '3' - 2; '6' / '2'
# ==== arithmetic-array-mult-bad
@(1, 2) * 'x'
# ==== arithmetic-hashtable-bad
@{a = 1} + 1
# ==== arithmetic-datetime-plus-int
[datetime]'2024-01-01' + 1
# ==== arithmetic-string-times-negative
'ab' * -1
# ==== cast-pscustomobject-to-hashtable
[hashtable][pscustomobject]@{a = 1}
# ==== convert-via-parse
[int]::Parse('  7 ') + 1; [double]::Parse('2.5') * 2
# ==== boolean-string-conversions
[bool]::Parse('True'); [bool]::Parse('false')
# ==== boolean-parse-bad
[bool]::Parse('yes')
# ==== convertto-type-cmdlet-like
[System.Convert]::ChangeType('42', [int]).GetType().Name; [System.Convert]::ToBoolean('true')
# ==== int-division-conversion-to-int
[int](7 / 2); [int](5 / 2); [math]::Floor(7 / 2)
# ==== string-to-char-array-join
[string]::new([char[]]('h', 'i'))
# ==== psobject-cast-number
[int][psobject]'5' + 1
# ==== array-to-string-conversion-in-compare
'1 2' -eq (1, 2)
# ==== implicit-tostring-of-object
$o = [pscustomobject]@{a = 1}; "obj: $o"; $o.ToString()
# ==== cast-array-of-strings-to-int-sum
$s = '1', '2', '3'; ($s | ForEach-Object { [int]$_ } | Measure-Object -Sum).Sum
# ==== numeric-string-sort-vs-int-sort
'10', '9', '100' | Sort-Object { [int]$_ }
# ==== xml-attribute-conversion
$x = [xml]'<r n="5"/>'; [int]$x.r.n + 1
# ==== cast-to-string-array-from-string
[string[]]'single' | ForEach-Object { $_.GetType().Name }
# ==== param-enum-prefix-ambiguous
function f([System.DayOfWeek]$d) { $d }
f 'tu'; f 't'
# ==== param-enum-bad-name
function f([System.DayOfWeek]$d) { $d }
f 'xyz'
# ==== param-enum-undefined-number
function f([System.DayOfWeek]$d) { $d }
f 9
# ==== param-enum-null
function f([System.DayOfWeek]$d) { $d }
f $null
# ==== param-enum-empty-string
function f([System.DayOfWeek]$d) { $d }
f ''
# ==== param-enum-comma-not-flags
function f([System.DayOfWeek]$d) { $d }
f 'Monday,Tuesday'; f 'Mon,Tue'
# ==== param-enum-flags
function f([System.IO.FileAttributes]$a) { $a; [int]$a }
f 'ReadOnly,Hidden'; f 3; f 'read'
# ==== param-enum-flags-list
function f([System.IO.FileAttributes]$a) { $a }
f ReadOnly, Hidden
# ==== cast-enum-flags-special-prefix
[System.IO.FileAttributes]'r'; [System.IO.FileAttributes]'s'; [System.IO.FileAttributes]'d'
# ==== cast-enum-undefined-combination
[System.DayOfWeek]'Monday,Saturday'
# ==== param-enum-array
function f([System.DayOfWeek[]]$d) { $d.GetType().Name; $d }
f 'mon', 'fri'; f 1
# ==== param-enum-in-param-block
param([System.ConsoleColor]$Color = 'Red')
$Color; $Color.GetType().FullName
# ==== param-int-array-elements
function f([int[]]$a) { $a.GetType().Name; $a.Count; $a }
f 1, '2', 3.6
# ==== param-int-array-bad-scalar
function f([int[]]$a) { $a }
f 'x'
# ==== param-int-array-bad-item
function f([int[]]$a) { $a }
f 1, 'y'
# ==== param-int-array-null
function f([int[]]$a) { $null -eq $a; $a.Count }
f $null; f @()
# ==== param-datetime-array
function f([datetime[]]$d) { $d.GetType().Name; $d[0].Year }
f '2024-01-02'
# ==== param-datetime-array-bad
function f([datetime[]]$d) { $d }
f 'bad'
# ==== param-string-array-type
function f([string[]]$s) { $s.GetType().Name; $s.Count }
f 5; f 1, 2
# ==== param-byte
function f([byte]$b) { $b.GetType().Name; $b }
f '200'; f 300
# ==== cast-int-array-bad-scalar
[int[]]'x'

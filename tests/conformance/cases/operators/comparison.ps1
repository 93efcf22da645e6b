# Comparison operators: scalars, collections on the left, case variants, type coercion.
# ==== eq-basic
1 -eq 1; 1 -eq 2; 'a' -eq 'A'; 'a' -ceq 'A'; 'a' -ieq 'A'
# ==== ne-basic
1 -ne 2; 'a' -ne 'A'; 'a' -cne 'A'
# ==== gt-lt
2 -gt 1; 2 -lt 1; 2 -ge 2; 2 -le 1
# ==== string-gt
'b' -gt 'a'; 'B' -gt 'a'; 'B' -cgt 'a'; 'apple' -lt 'banana'
# ==== string-number-compare
'10' -gt 9; 10 -gt '9'; '10' -gt '9'
# ==== number-string-eq
1 -eq '1'; '1' -eq 1; '1.0' -eq 1; 1 -eq '1.0'
# ==== collection-eq
1, 2, 3, 2 -eq 2
# ==== collection-ne
1, 2, 3 -ne 2
# ==== collection-gt
1, 5, 3, 8 -gt 3
# ==== collection-eq-none
$r = 1, 2, 3 -eq 9; $r.Count; $r.GetType().Name
# ==== collection-eq-in-if
if (@(1, 2) -eq 3) { 'true' } else { 'false' }
if (@(0, 0) -eq 0) { 'true' } else { 'false' }
# ==== null-left-right
$null -eq $null; $null -eq 0; 0 -eq $null; '' -eq $null
# ==== null-in-array
$a = 1, $null, 2, $null
($a -eq $null).Count
$null -eq $a
# ==== bool-compare
$true -eq 'true'; $true -eq 'false'; 'false' -eq $false; $false -eq ''
# ==== bool-number
$true -eq 1; $true -eq 2; 1 -eq $true
# ==== like
'hello' -like 'h*'; 'hello' -like 'H?LLO'; 'hello' -clike 'H*'; 'a[b' -like 'a`[b'
# ==== like-brackets
'cat' -like '[bc]at'; 'rat' -like '[bc]at'; 'bat' -like '[a-c]at'
# ==== notlike
'hello' -notlike '*z*'; 'hello' -cnotlike 'HELLO'
# ==== like-collection
'apple', 'banana', 'avocado' -like 'a*'
# ==== like-number
12345 -like '12*'
# ==== contains
1, 2, 3 -contains 2; 1, 2, 3 -contains '2'; 'a', 'b' -contains 'A'; 'a', 'b' -ccontains 'A'
# ==== notcontains
1, 2 -notcontains 3
# ==== in
2 -in 1, 2, 3; 'x' -in 'a', 'b'; 'A' -cin 'a'; 4 -notin 1, 2
# ==== contains-scalar-left
'abc' -contains 'b'
# ==== is-isnot
1 -is [int]; 1 -is [long]; 'x' -is [string]; $null -is [object]; 1 -isnot [string]
# ==== is-array
@(1) -is [array]; @(1) -is [object[]]; (1, 2) -is [System.Collections.IList]
# ==== is-string-type-name
1 -is 'int'; 1 -is 'System.Int32'
# ==== as
'5' -as [int]; ('x' -as [int]) -eq $null; '3.7' -as [int]; '2024-01-02' -as [datetime] | ForEach-Object { $_.Year }
# ==== as-type-name-string
$t = 'int'; '42' -as $t
# ==== datetime-compare
[datetime]'2024-01-02' -gt [datetime]'2023-12-31'; [datetime]'2024-01-02' -eq '2024-01-02'
# ==== version-compare
[version]'1.10' -gt [version]'1.9'; '1.10' -gt '1.9'
# ==== compare-chars
[char]'a' -eq 'a'; [char]'a' -eq 'A'; [char]'a' -ceq 'A'
# ==== compare-incompatible
[datetime]'2024-01-01' -gt 'notadate'
# ==== compare-hashtable-eq
$h = @{a = 1}; $h -eq $h; @{a = 1} -eq @{a = 1}
# ==== not-operator
-not $true; !$false; -not 0; -not ''; -not 'x'; -not @(); -not @(0); -not @(0, 0)
# ==== and-or-xor
$true -and $false; $true -or $false; $true -xor $true; $false -xor $true
# ==== and-short-circuit
function f { 'called'; $true }
$false -and (f)
$true -or (f)
# ==== truthiness
foreach ($v in 0, 1, '', ' ', '0', 'False', $null, @(), @(1), @($null), 0.0, [char]0) { [bool]$v }
# ==== ternary
$x = 5; $x -gt 3 ? 'big' : 'small'
# ==== null-coalescing
$n = $null; $n ?? 'default'; 0 ?? 'default'; '' ?? 'default'
# ==== null-coalescing-assign
$n = $null; $n ??= 'set'; $n; $n ??= 'again'; $n
# ==== pipeline-chain
Write-Output 'a' && Write-Output 'b'
Write-Error 'x' 2>$null || Write-Output 'recovered'
# ==== eq-array-right
1 -eq @(1)
@(1) -eq 1
# ==== ge-mixed
3 -ge 3.0; '3' -ge 3.5
# ==== compare-decimal-double
0.1 + 0.2 -eq 0.3; 0.1d + 0.2d -eq 0.3d
# ==== case-insensitive-unicode
'STRASSE' -eq 'strasse'; 'Ä' -eq 'ä'

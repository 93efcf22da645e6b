# Select-Object, Sort-Object, Group-Object, Measure-Object, Where-Object, ForEach-Object, Get-Unique.
# ==== select-first
1..10 | Select-Object -First 3
# ==== select-last
1..10 | Select-Object -Last 2
# ==== select-skip
1..5 | Select-Object -Skip 3
# ==== select-skiplast
1..5 | Select-Object -SkipLast 2
# ==== select-first-skip
1..10 | Select-Object -First 2 -Skip 3
# ==== select-first-last-overlap
1..5 | Select-Object -First 4 -Last 3
# ==== select-first-last-disjoint
1..10 | Select-Object -First 2 -Last 2
# ==== select-index
'a', 'b', 'c', 'd' | Select-Object -Index 1, 3
# ==== select-index-out-of-range
'a', 'b' | Select-Object -Index 5, 0
# ==== select-skipindex
'a', 'b', 'c', 'd' | Select-Object -SkipIndex 0, 2
# ==== select-unique
1, 2, 2, 3, 1 | Select-Object -Unique
# ==== select-unique-case
'a', 'A', 'b' | Select-Object -Unique
# ==== select-property
[pscustomobject]@{a = 1; b = 2; c = 3} | Select-Object a, c
# ==== select-property-wildcard
[pscustomobject]@{alpha = 1; beta = 2; apex = 3} | Select-Object a*
# ==== select-exclude
[pscustomobject]@{a = 1; b = 2; c = 3} | Select-Object * -ExcludeProperty b
# ==== select-expand
[pscustomobject]@{list = 1, 2, 3} | Select-Object -ExpandProperty list
# ==== select-expand-missing
[pscustomobject]@{a = 1} | Select-Object -ExpandProperty zz
# ==== select-expand-scalar-string
[pscustomobject]@{Name = 'x'} | Select-Object -ExpandProperty Name | ForEach-Object { $_.GetType().Name }
# ==== select-calculated
[pscustomobject]@{a = 2} | Select-Object @{Name = 'Double'; Expression = { $_.a * 2 }}
# ==== select-calculated-short-keys
[pscustomobject]@{a = 2} | Select-Object @{n = 'D'; e = { $_.a + 1 }}, @{l = 'L'; e = 'a'}
# ==== select-calculated-bad-key
[pscustomobject]@{a = 2} | Select-Object @{Name = 'x'; Bogus = 1}
# ==== select-missing-property
[pscustomobject]@{a = 1} | Select-Object a, nothere | Format-List
# ==== select-from-hashtable
@{a = 1; b = 2} | Select-Object a
# ==== select-type-name
$o = [pscustomobject]@{a = 1} | Select-Object a; $o.GetType().Name; $o.psobject.TypeNames[0]
# ==== select-first-zero
1..3 | Select-Object -First 0; 'none'
# ==== sort-numbers
3, 1, 2, 10 | Sort-Object
# ==== sort-strings-numeric
'10', '9', '1' | Sort-Object
# ==== sort-descending
3, 1, 2 | Sort-Object -Descending
# ==== sort-unique
'b', 'a', 'B', 'a' | Sort-Object -Unique
# ==== sort-case-sensitive
'b', 'a', 'B', 'A' | Sort-Object -CaseSensitive
# ==== sort-property
[pscustomobject]@{n = 'x'; v = 3}, [pscustomobject]@{n = 'y'; v = 1} | Sort-Object v | ForEach-Object n
# ==== sort-multiple-keys
$d = @([pscustomobject]@{g = 'b'; v = 1}, [pscustomobject]@{g = 'a'; v = 2}, [pscustomobject]@{g = 'a'; v = 1})
$d | Sort-Object g, v | ForEach-Object { "$($_.g)$($_.v)" }
# ==== sort-hashtable-keys
$d = @([pscustomobject]@{g = 'b'; v = 1}, [pscustomobject]@{g = 'a'; v = 2}, [pscustomobject]@{g = 'a'; v = 1})
$d | Sort-Object @{Expression = 'g'; Descending = $true}, @{Expression = 'v'; Ascending = $true} | ForEach-Object { "$($_.g)$($_.v)" }
# ==== sort-scriptblock
'ccc', 'a', 'bb' | Sort-Object { $_.Length }
# ==== sort-stable
$d = 1..6 | ForEach-Object { [pscustomobject]@{k = $_ % 2; i = $_} }
$d | Sort-Object k | ForEach-Object i
# ==== sort-mixed-types
3, 'a', 1, 'B' | Sort-Object
# ==== sort-nulls
3, $null, 1 | Sort-Object | ForEach-Object { "[$_]" }
# ==== sort-top
5, 3, 9, 1 | Sort-Object -Top 2
# ==== sort-dates
[datetime]'2024-03-01', [datetime]'2023-01-01' | Sort-Object | ForEach-Object { $_.ToString('yyyy-MM-dd') }
# ==== group-basic
'a', 'b', 'a', 'c', 'a' | Group-Object
# ==== group-property
$d = 'apple', 'avocado', 'banana' | ForEach-Object { [pscustomobject]@{Name = $_; First = $_[0]} }
$d | Group-Object First | ForEach-Object { "$($_.Name): $($_.Count)" }
# ==== group-noelement
1, 2, 3, 4 | Group-Object { $_ % 2 } -NoElement
# ==== group-ashashtable
$h = 'a', 'bb', 'cc' | Group-Object Length -AsHashTable; $h[2] -join ','; $h.GetType().Name
# ==== group-ashashtable-asstring
$h = 1, 2, 3 | Group-Object { $_ % 2 } -AsHashTable -AsString; $h['1'] -join ','
# ==== group-case-sensitive
'a', 'A' | Group-Object -CaseSensitive | ForEach-Object Count
# ==== group-values
$g = 1..4 | Group-Object { $_ -gt 2 }; $g[0].Values; $g[0].Group
# ==== group-empty
@() | Group-Object; 'none'
# ==== measure-numbers
1..10 | Measure-Object -Sum -Average -Minimum -Maximum
# ==== measure-count
'a', 'b' | Measure-Object
# ==== measure-property
[pscustomobject]@{v = 2}, [pscustomobject]@{v = 4} | Measure-Object v -Sum | ForEach-Object Sum
# ==== measure-text
"one two`nthree" | Measure-Object -Line -Word -Character
# ==== measure-text-multiple
'a b', 'c' | Measure-Object -Word -Line
# ==== measure-stddev
2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -StandardDeviation | ForEach-Object StandardDeviation
# ==== measure-all-stats
1, 2 | Measure-Object -AllStats | Format-List
# ==== measure-strings-max
'pear', 'apple' | Measure-Object -Maximum -Minimum | ForEach-Object { $_.Maximum; $_.Minimum }
# ==== measure-non-numeric-sum
'a', 'b' | Measure-Object -Sum
# ==== measure-empty
@() | Measure-Object | ForEach-Object Count
# ==== measure-sum-type
(1, 2 | Measure-Object -Sum).Sum.GetType().Name
# ==== where-scriptblock
1..10 | Where-Object { $_ % 4 -eq 0 }
# ==== where-simplified
[pscustomobject]@{n = 1}, [pscustomobject]@{n = 5} | Where-Object n -gt 2 | ForEach-Object n
# ==== where-simplified-like
'alpha', 'beta' | Where-Object -Like -Value 'a*'
# ==== where-property-only
[pscustomobject]@{ok = $true; n = 1}, [pscustomobject]@{ok = $false; n = 2} | Where-Object ok | ForEach-Object n
# ==== where-not
[pscustomobject]@{ok = $true; n = 1}, [pscustomobject]@{ok = $false; n = 2} | Where-Object -Not ok | ForEach-Object n
# ==== where-in
1..5 | Where-Object { $_ -in 2, 4 }
# ==== where-match-simplified
[pscustomobject]@{s = 'abc'}, [pscustomobject]@{s = 'xyz'} | Where-Object s -Match '^a' | ForEach-Object s
# ==== where-alias
1..4 | ? { $_ -gt 2 }
# ==== foreach-member-name
'a', 'b' | ForEach-Object -MemberName ToUpper
# ==== foreach-member-property
[pscustomobject]@{p = 1}, [pscustomobject]@{p = 2} | ForEach-Object p
# ==== foreach-method-args
'a-b', 'c-d' | ForEach-Object Split '-'
# ==== foreach-begin-end
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'stop' }
# ==== foreach-multiple-scriptblocks
1, 2 | ForEach-Object { 'b' } { "p$_" } { 'e' }
# ==== foreach-alias
1..3 | % { $_ * $_ }
# ==== foreach-null-input
$null | ForEach-Object { "got [$_]" }
# ==== foreach-empty-input
@() | ForEach-Object { 'never' }; 'done'
# ==== foreach-missing-member
'a' | ForEach-Object NoSuchMember
# ==== get-unique
1, 1, 2, 2, 1 | Get-Unique
# ==== get-unique-sorted-strings
'b', 'a', 'b', 'A' | Sort-Object | Get-Unique
# ==== get-unique-case
'a', 'A' | Get-Unique
# ==== get-unique-asstring
1, '1' | Get-Unique -AsString

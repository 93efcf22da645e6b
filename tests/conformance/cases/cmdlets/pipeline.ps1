# Select-Object, Sort-Object, Group-Object, Measure-Object, Where-Object, Get-Unique: edges.
# ==== select-first-last-skip
1..10 | Select-Object -First 2 -Last 2 -Skip 1
# ==== select-last-skip
1..10 | Select-Object -Last 2 -Skip 1
# ==== select-skiplast-skip
1..10 | Select-Object -SkipLast 2 -Skip 3
# ==== select-index-unsorted-duplicates
1..5 | Select-Object -Index 3, 1, 1, 9
# ==== select-skipindex-unsorted
1..5 | Select-Object -SkipIndex 3, 1, 1, 9
# ==== select-unique-caseinsensitive
'a', 'A', 'b' | Select-Object -Unique -CaseInsensitive
# ==== select-first-skiplast-conflict
1..5 | Select-Object -First 2 -SkipLast 1
# ==== select-first-negative
1..5 | Select-Object -First -1
# ==== select-index-negative
1..5 | Select-Object -Index -1
# ==== select-index-first-conflict
1..5 | Select-Object -Index 1 -First 1
# ==== select-null-records
(1, $null, 2 | Select-Object -First 2).Count
# ==== select-skiplast-property
[pscustomobject]@{a = 1; b = 2}, [pscustomobject]@{a = 3; b = 4} | Select-Object a -SkipLast 1
# ==== sort-bottom
5, 3, 9, 1 | Sort-Object -Bottom 2
# ==== sort-top-descending
5, 3, 9, 1 | Sort-Object -Top 2 -Descending
# ==== sort-case-sensitive-descending
'b', 'a', 'B', 'A' | Sort-Object -CaseSensitive -Descending
# ==== sort-null-descending
3, $null, 1 | Sort-Object -Descending | ForEach-Object { "[$_]" }
# ==== sort-null-property
[pscustomobject]@{v = $null}, [pscustomobject]@{v = 2}, [pscustomobject]@{v = 1} | Sort-Object v | ForEach-Object { "[$($_.v)]" }
# ==== sort-null-property-descending
[pscustomobject]@{v = $null}, [pscustomobject]@{v = 2}, [pscustomobject]@{v = 1} | Sort-Object v -Descending | ForEach-Object { "[$($_.v)]" }
# ==== sort-top-bottom-conflict
5, 3, 9, 1 | Sort-Object -Top 2 -Bottom 1
# ==== sort-top-unique
5, 3, 9, 1, 3 | Sort-Object -Top 3 -Unique
# ==== sort-unique-case-sensitive
'a', 'A', 'b' | Sort-Object -Unique -CaseSensitive
# ==== sort-top-zero
5, 3 | Sort-Object -Top 0
# ==== sort-stable-switch
5, 3 | Sort-Object -Stable
# ==== sort-number-string
10, '9', 1 | Sort-Object
# ==== group-sorted-numbers
3, 1, 2, 1, 3 | Group-Object | ForEach-Object { "$($_.Name)x$($_.Count)" }
# ==== group-mixed-types-order
'b', 1, 'a', 1 | Group-Object | ForEach-Object { "$($_.Name)x$($_.Count)" }
# ==== group-case-insensitive-name
'b', 'A', 'a', 'B' | Group-Object | ForEach-Object { "$($_.Name)x$($_.Count)" }
# ==== group-case-sensitive-order
'b', 'A', 'a', 'B' | Group-Object -CaseSensitive | ForEach-Object { "$($_.Name)x$($_.Count)" }
# ==== group-two-properties
$d = @([pscustomobject]@{a = 1; b = 'x'}, [pscustomobject]@{a = 1; b = 'y'}, [pscustomobject]@{a = 1; b = 'x'})
$d | Group-Object a, b | ForEach-Object { "[$($_.Name)] $($_.Count) $($_.Values.Count)" }
# ==== group-array-name
[pscustomobject]@{t = 1, 2}, [pscustomobject]@{t = 1, 2} | Group-Object t | ForEach-Object Name
# ==== group-asstring-without-hashtable
1, 2 | Group-Object -AsString
# ==== group-noelement-list
'x', 'y', 'x' | Group-Object -NoElement | Format-List
# ==== group-values-type
(1, 1 | Group-Object)[0].Values.GetType().Name
# ==== measure-text-ignore-whitespace
'a b  c', 'de' | Measure-Object -Character -IgnoreWhiteSpace -Word
# ==== measure-text-trailing-newline
"one`n", "two`nthree`n" | Measure-Object -Line
# ==== measure-text-null-input
'a b', $null, 'c' | Measure-Object -Word -Line -Character | Format-List
# ==== measure-text-property
'ab', 'cde' | Measure-Object -Line -Property Length
# ==== measure-mixed-max
'pear', 3 | Measure-Object -Maximum -Minimum | Format-List
# ==== measure-object-type
('p' | Measure-Object -Maximum).GetType().FullName; (1, 2 | Measure-Object -Maximum).GetType().FullName
# ==== measure-numeric-string-max
(1, '5' | Measure-Object -Maximum).Maximum.GetType().Name
# ==== measure-missing-property
[pscustomobject]@{a = 1} | Measure-Object b; 'after'
# ==== measure-missing-property-strict
Set-StrictMode -Version 2; [pscustomobject]@{a = 1} | Measure-Object b; 'after'
# ==== measure-wildcard-property
[pscustomobject]@{a1 = 1; a2 = 5; b = 9} | Measure-Object a* -Sum | ForEach-Object { "$($_.Property)=$($_.Sum)" }
# ==== measure-stddev-one
5 | Measure-Object -StandardDeviation | ForEach-Object StandardDeviation
# ==== measure-empty-sum
@() | Measure-Object -Sum -Average | Format-List
# ==== measure-text-generic-conflict
'a' | Measure-Object -Sum -Line
# ==== where-not-missing
[pscustomobject]@{a = 1}, [pscustomobject]@{ok = 1} | Where-Object -Not ok | ForEach-Object { $_.a }
# ==== get-unique-ontype
1, 2, 'a', 'b', 3 | Get-Unique -OnType
# ==== get-unique-caseinsensitive
'a', 'A', 'b' | Get-Unique -CaseInsensitive
# ==== get-unique-asstring-caseinsensitive
'a', 'A', 'B' | Get-Unique -AsString -CaseInsensitive
# ==== get-unique-alias
1, 1, 2 | gu
# ==== get-unique-objects
[pscustomobject]@{a = 1}, [pscustomobject]@{a = 1}, [pscustomobject]@{a = 2} | Get-Unique | ForEach-Object a
# ==== get-unique-inputobject
Get-Unique -InputObject 1, 1, 2

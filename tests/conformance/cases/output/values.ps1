# The default formatter: every value kind as a script's un-captured output.
# ==== int
42
# ==== negative-double
-1.5
# ==== doubles-mixed
1, 2.5, 3
# ==== decimal
1.10d
# ==== large-double
12345678901234.5
# ==== string
'plain'
# ==== empty-string
''
'after'
# ==== whitespace-string
'   '
'after'
# ==== multiline-string
"a`nb"
# ==== crlf-string
"a`r`nb"
# ==== bool
$true; $false
# ==== null
$null
'after null'
# ==== empty-array
@()
'after empty'
# ==== array-of-nulls
@($null, $null)
'after'
# ==== nested-array
1, (2, 3), 4
# ==== char
[char]'x'
# ==== datetime
[datetime]'2024-01-02 03:04:05'
# ==== datetime-two
[datetime]'2024-01-02', [datetime]'2025-06-07'
# ==== timespan
[timespan]'1.02:03:04'
# ==== guid
[guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
# ==== version
[version]'1.2.3'
# ==== hashtable
@{a = 1}
# ==== hashtable-several
[ordered]@{first = 1; second = 'two'; third = $null}
# ==== hashtable-long-key
[ordered]@{('k' * 40) = 'v'}
# ==== hashtable-nested
[ordered]@{a = @{b = 1}; c = 1, 2, 3}
# ==== hashtable-empty
@{}
'after'
# ==== pscustomobject-1
[pscustomobject]@{Name = 'x'}
# ==== pscustomobject-4
[pscustomobject]@{A = 1; B = 'two'; C = $true; D = 4.5}
# ==== pscustomobject-5
[pscustomobject]@{A = 1; B = 'two'; C = $true; D = 4.5; E = 'five'}
# ==== pscustomobject-many
[pscustomobject]@{Alpha = 1; Beta = 2; Gamma = 3; Delta = 4; Epsilon = 5; Zeta = 6; Eta = 7}
# ==== pscustomobject-empty
[pscustomobject]@{}
'after'
# ==== pscustomobject-empty-twice
[pscustomobject]@{}; [pscustomobject]@{}; 'x'
# ==== pscustomobject-empty-between-strings
'a'; [pscustomobject]@{}; 'b'
# ==== pscustomobject-empty-then-object
[pscustomobject]@{}; [pscustomobject]@{a = 1}
# ==== psobject-new-object-empty
New-Object PSObject; 'z'
# ==== psobject-typenames-insert-list
$o = [pscustomobject]@{a = 1}; $o.psobject.TypeNames.Insert(0, 'My.Type'); $o.PSObject.TypeNames -join ','
# ==== psobject-typenames-remove-add
$o = [pscustomobject]@{a = 1}; $o.PSObject.TypeNames.Insert(0, 'My.Type'); $o.PSObject.TypeNames.Remove('My.Type'); $o.PSObject.TypeNames.Add('Extra.Type'); $o.PSObject.TypeNames -join ','
# ==== psobject-typenames-get-member
$r = [pscustomobject]@{Name = 'x'}; $r.PSObject.TypeNames.Insert(0, 'Contoso.Report'); ($r | Get-Member | Select-Object -First 1).TypeName
# ==== psobject-typenames-default
[pscustomobject]@{a = 1} | ForEach-Object { $_.PSObject.TypeNames -join ',' }
# ==== pscustomobject-array-prop
[pscustomobject]@{Name = 'x'; Ids = 1, 2, 3}
# ==== pscustomobject-long-array-prop
[pscustomobject]@{Name = 'x'; Ids = 1..10}
# ==== pscustomobject-nested
[pscustomobject]@{Name = 'x'; Inner = [pscustomobject]@{a = 1}}
# ==== pscustomobject-hashtable-prop
[pscustomobject]@{Name = 'x'; H = @{a = 1}}
# ==== pscustomobject-null-prop
[pscustomobject]@{Name = $null; Value = 1}
# ==== pscustomobject-bool-prop
[pscustomobject]@{On = $true; Off = $false}
# ==== pscustomobject-numbers-right
[pscustomobject]@{Name = 'a'; Count = 5}, [pscustomobject]@{Name = 'b'; Count = 1234}
# ==== pscustomobject-doubles
[pscustomobject]@{v = 0.5}, [pscustomobject]@{v = 10.25}
# ==== pscustomobject-long-string
[pscustomobject]@{Id = 1; Text = 'x' * 120}
# ==== pscustomobject-long-strings-two
[pscustomobject]@{A = 'a' * 60; B = 'b' * 60}
# ==== pscustomobject-long-header
[pscustomobject]@{ThisIsAVeryLongPropertyNameIndeed = 1; Short = 2}
# ==== pscustomobject-multiline-prop
[pscustomobject]@{Name = 'x'; Text = "one`ntwo"}
# ==== pscustomobject-date-prop
[pscustomobject]@{When = [datetime]'2024-01-02 03:04:05'; What = 'x'}
# ==== pscustomobject-list-5-long
[pscustomobject]@{A = 'x' * 100; B = 2; C = 3; D = 4; E = 5}
# ==== mixed-objects-same-shape
[pscustomobject]@{a = 1; b = 2}, [pscustomobject]@{a = 3; b = 4}
# ==== mixed-objects-different-shape
[pscustomobject]@{a = 1}, [pscustomobject]@{b = 2}
# ==== mixed-object-then-string
[pscustomobject]@{a = 1}, 'text', 5
# ==== mixed-string-then-object
'text', [pscustomobject]@{a = 1}
# ==== mixed-number-then-object
1, [pscustomobject]@{a = 1; b = 2}
# ==== mixed-hashtable-then-object
@{k = 1}, [pscustomobject]@{a = 1}
# ==== object-then-hashtable
[pscustomobject]@{a = 1}, @{k = 1}
# ==== many-objects
1..5 | ForEach-Object { [pscustomobject]@{N = $_; Sq = $_ * $_} }
# ==== output-separate-statements
[pscustomobject]@{a = 1}
[pscustomobject]@{a = 2}
# ==== output-object-then-write-host
[pscustomobject]@{a = 1}
Write-Host 'host line'
[pscustomobject]@{a = 2}
# ==== output-object-then-error
[pscustomobject]@{a = 1}
Write-Error 'err'
'end'
# ==== class-instance
class Item { [string]$Name; [int]$Qty }
[Item]@{Name = 'bolt'; Qty = 3}
# ==== class-instance-5
class Item { [string]$A; [int]$B; [int]$C; [int]$D; [int]$E }
[Item]@{A = 'x'}
# ==== enum-value
[System.DayOfWeek]::Friday
# ==== type-object
[int]
# ==== scriptblock-output
{ 1 + 1 }
# ==== regex-match-output
'abc' -match 'b' | Out-Null; $Matches
# ==== dictionary-entry
@{a = 1}.GetEnumerator()
# ==== generic-list
[System.Collections.Generic.List[int]](1, 2)
# ==== select-object-output
[pscustomobject]@{a = 1; b = 2; c = 3} | Select-Object a, b
# ==== group-object-output
1, 1, 2 | Group-Object
# ==== measure-object-output
1..3 | Measure-Object
# ==== compare-object-output
Compare-Object 1 2
# ==== get-item-file
Set-Content -Path f.txt -Value 'abc'
Get-Item f.txt | Select-Object Name, Length
# ==== unicode-table
[pscustomobject]@{Name = 'Zoë'; City = 'Zürich'}, [pscustomobject]@{Name = '日本'; City = 'x'}
# ==== tab-in-value
[pscustomobject]@{v = "a`tb"}
# ==== exact-80-columns
[pscustomobject]@{A = 'x' * 37; B = 'y' * 38}
# ==== array-in-list-view-long
[pscustomobject]@{A = 1; B = 2; C = 3; D = 4; E = 1..30}
# ==== number-formats-in-table
[pscustomobject]@{i = 1; d = 2.5; m = 3.75d; f = [float]0.5}
# ==== int64-and-bigint
[long]::MaxValue; [bigint]::Pow(10, 30)
# ==== nan-and-infinity
[double]::NaN; [double]::PositiveInfinity; -[double]::PositiveInfinity
# ==== negative-zero
-0.0
# ==== small-double
0.000001; 1e-7
# ==== float-value
[float]0.1
# ==== byte-array
[byte[]](1, 2)
# ==== char-array
[char[]]'ab'
# ==== psobject-with-typename
$o = [pscustomobject]@{a = 1}; $o.psobject.TypeNames.Insert(0, 'My.Type'); $o
# ==== xml-node
([xml]'<r><i>1</i><i>2</i></r>').r
# ==== empty-string-in-array
'a', '', 'b'
# ==== null-in-pipeline-table
[pscustomobject]@{a = 1}, $null, [pscustomobject]@{a = 2}

# JSON, CSV, string data, files, variables, members, compare, tee, join-string.
# ==== json-numbers
@{i = 1; l = 5000000000; d = 1.5; m = 1.10d; b = [byte]7; f = [float]0.5} | ConvertTo-Json -Compress
# ==== json-numeric-types
[byte]1, [sbyte]-1, [int16]2, [uint16]3, [int]4, [uint32]5, [long]6, [uint64]7 | ConvertTo-Json -Compress
# ==== json-float-double
[float]0.1, 0.1, 1e20, 1e-7 | ConvertTo-Json -Compress
# ==== json-decimal-bigint
1.50d, [bigint]12345678901234567890 | ConvertTo-Json -Compress
# ==== json-nan
[double]::NaN | ConvertTo-Json; [double]::PositiveInfinity | ConvertTo-Json
# ==== json-string-escapes
"quote `" back \ tab`t nl`n <tag> & é" | ConvertTo-Json
# ==== json-null-bool
$null | ConvertTo-Json; $true | ConvertTo-Json; @{n = $null} | ConvertTo-Json -Compress
# ==== json-array
1, 2, 3 | ConvertTo-Json
# ==== json-array-compress
ConvertTo-Json @(1, 'a', $null) -Compress
# ==== json-single-array
ConvertTo-Json @(1); ConvertTo-Json -InputObject @(1) -Compress; @(1) | ConvertTo-Json -AsArray -Compress
# ==== json-pscustomobject
[pscustomobject]@{Name = 'x'; Tags = @('a', 'b'); Nested = [pscustomobject]@{k = 1}} | ConvertTo-Json
# ==== json-ordered
[ordered]@{z = 1; a = 2} | ConvertTo-Json -Compress
# ==== json-depth-warning
@{a = @{b = @{c = @{d = 1}}}} | ConvertTo-Json -Depth 2 -Compress
# ==== json-depth-default
$o = @{l1 = @{l2 = @{l3 = @{l4 = 1}}}}; $o | ConvertTo-Json -Compress
# ==== json-deep-default-warning
$o = 1; 1..4 | ForEach-Object { $o = @{n = $o} }; $o | ConvertTo-Json -Compress
# ==== json-datetime
[datetime]'2024-01-02T03:04:05' | ConvertTo-Json
# ==== json-enum
[System.DayOfWeek]::Monday | ConvertTo-Json; [System.DayOfWeek]::Monday | ConvertTo-Json -EnumsAsStrings
# ==== json-guid
[guid]'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83' | ConvertTo-Json
# ==== json-char
[char]'x' | ConvertTo-Json
# ==== json-hashtable-pretty
@{key = 'value'} | ConvertTo-Json
# ==== json-empty
@() | ConvertTo-Json; @{} | ConvertTo-Json; 'after'
# ==== from-json-object
$o = '{"a":1,"b":[1,2],"c":{"d":"x"}}' | ConvertFrom-Json; $o.a; $o.b.Count; $o.c.d; $o.GetType().Name
# ==== from-json-types
$o = '{"i":1,"big":5000000000,"f":1.5,"s":"t","n":null,"b":true}' | ConvertFrom-Json
$o.i.GetType().Name; $o.big.GetType().Name; $o.f.GetType().Name; $null -eq $o.n; $o.b.GetType().Name
# ==== from-json-array
$a = '[1,2,3]' | ConvertFrom-Json; $a.Count; $a[2]
# ==== from-json-noenumerate
('[1,2]' | ConvertFrom-Json -NoEnumerate).GetType().Name
# ==== from-json-hashtable
$h = '{"b":1,"a":2}' | ConvertFrom-Json -AsHashtable; $h.GetType().Name; $h.Keys -join ','
# ==== from-json-date
$o = '{"d":"2024-01-02T03:04:05"}' | ConvertFrom-Json; $o.d.GetType().Name
# ==== from-json-invalid
'{bad json' | ConvertFrom-Json
# ==== from-json-output
'{"Name":"n","Value":2}' | ConvertFrom-Json
# ==== from-json-case-duplicate
'{"a":1,"A":2}' | ConvertFrom-Json
# ==== json-roundtrip
$o = [pscustomobject]@{id = 7; tags = 'x', 'y'}; ($o | ConvertTo-Json -Compress | ConvertFrom-Json).tags -join '+'
# ==== csv-to
[pscustomobject]@{Name = 'a'; Count = 1}, [pscustomobject]@{Name = 'b,c'; Count = 2} | ConvertTo-Csv
# ==== csv-to-notypeinfo
[pscustomobject]@{Name = 'a'} | ConvertTo-Csv -NoTypeInformation
# ==== csv-to-delimiter
[pscustomobject]@{A = 1; B = 2} | ConvertTo-Csv -Delimiter ';'
# ==== csv-to-quote-never
[pscustomobject]@{A = 'x y'; B = 2} | ConvertTo-Csv -UseQuotes Never
# ==== csv-to-quote-asneeded
[pscustomobject]@{A = 'x y'; B = 'q"t'; C = 'a,b'} | ConvertTo-Csv -UseQuotes AsNeeded
# ==== csv-to-include-typeinfo
[pscustomobject]@{A = 1} | ConvertTo-Csv -IncludeTypeInformation
# ==== csv-to-hashtable
@{A = 1} | ConvertTo-Csv
# ==== csv-to-array-property
[pscustomobject]@{A = 1, 2} | ConvertTo-Csv
# ==== csv-from
'Name,Count', 'a,1', 'b,2' | ConvertFrom-Csv | ForEach-Object { "$($_.Name)=$($_.Count) $($_.Count.GetType().Name)" }
# ==== csv-from-header
'x;y', '1;2' | ConvertFrom-Csv -Delimiter ';' -Header A, B | ForEach-Object { "$($_.A)|$($_.B)" }
# ==== csv-from-output
'Name,Count', 'a,1' | ConvertFrom-Csv
# ==== csv-from-missing-fields
'a,b,c', '1,2' | ConvertFrom-Csv | Format-List
# ==== csv-from-duplicate-header
'a,a', '1,2' | ConvertFrom-Csv
# ==== csv-export-import
[pscustomobject]@{Upn = 'u1@contoso.com'; Policy = 'P1'}, [pscustomobject]@{Upn = 'u2@contoso.com'; Policy = 'P2'} | Export-Csv -Path users.csv
Get-Content users.csv
Import-Csv users.csv | ForEach-Object { "$($_.Upn) -> $($_.Policy)" }
# ==== csv-export-append
[pscustomobject]@{A = 1} | Export-Csv x.csv; [pscustomobject]@{A = 2} | Export-Csv x.csv -Append; Get-Content x.csv
# ==== csv-import-missing
Import-Csv nofile.csv
# ==== csv-import-quoted-newline
Set-Content -Path q.csv -Value "A,B`n""line1`nline2"",2"
(Import-Csv q.csv).A
# ==== csv-export-noclobber
'a' | Set-Content e.csv; [pscustomobject]@{A = 1} | Export-Csv e.csv -NoClobber
# ==== stringdata
$h = ConvertFrom-StringData "a = 1`nb = two words`n# comment`nc=3"; $h.b; $h.Count; $h.c
# ==== stringdata-duplicate
ConvertFrom-StringData "a = 1`na = 2"
# ==== stringdata-bad-line
ConvertFrom-StringData 'novalue'
# ==== stringdata-escapes
(ConvertFrom-StringData 'p = c:\\temp\\x').p
# ==== join-string
1..3 | Join-String -Separator ', '
# ==== join-string-property
[pscustomobject]@{n = 'a'}, [pscustomobject]@{n = 'b'} | Join-String -Property n -Separator '/'
# ==== join-string-quotes
'a', 'b' | Join-String -SingleQuote -Separator ','; 'a', 'b' | Join-String -DoubleQuote
# ==== join-string-prefix
1, 2 | Join-String -OutputPrefix '[' -OutputSuffix ']' -Separator ';'
# ==== join-string-format
1.5, 2 | Join-String -FormatString '{0:N2}' -Separator ' '
# ==== join-string-scriptblock
1, 2 | Join-String { $_ * 10 } -Separator '+'
# ==== set-get-content
Set-Content -Path f.txt -Value 'line1', 'line2'; Get-Content f.txt; (Get-Content f.txt).Count
# ==== get-content-raw
Set-Content -Path f.txt -Value 'a', 'b'; $r = Get-Content f.txt -Raw; $r.Length; $r.GetType().Name
# ==== add-content
Set-Content f.txt 'one'; Add-Content f.txt 'two'; Add-Content f.txt 'three', 'four'; Get-Content f.txt
# ==== get-content-totalcount-tail
Set-Content f.txt (1..10); Get-Content f.txt -TotalCount 2; Get-Content f.txt -Tail 2
# ==== get-content-missing
Get-Content nofile.txt
'after'
# ==== get-content-single-line-type
Set-Content f.txt 'only'; (Get-Content f.txt).GetType().Name
# ==== set-content-nonewline
Set-Content f.txt 'a', 'b' -NoNewline; Get-Content f.txt -Raw; ''
# ==== out-file
'x', 'y' | Out-File o.txt; Get-Content o.txt; (Get-Item o.txt).Length
# ==== out-file-append
'x' | Out-File o.txt; 'y' | Out-File o.txt -Append; Get-Content o.txt
# ==== out-file-object
[pscustomobject]@{A = 1; B = 'two'} | Out-File o.txt; Get-Content o.txt
# ==== out-file-width
('x' * 100) | Out-File o.txt -Width 20; (Get-Content o.txt).Length
# ==== redirect-to-file
'redirected' > r.txt; 'more' >> r.txt; Get-Content r.txt
# ==== redirect-error-to-file
Write-Error 'to file' 2> e.txt; (Get-Content e.txt) -join '|'
# ==== test-path
Set-Content a.txt 'x'; Test-Path a.txt; Test-Path b.txt; Test-Path a.txt -PathType Container
# ==== new-item-file
New-Item -ItemType File -Path n.txt -Value 'content' | Out-Null; Get-Content n.txt
# ==== new-item-dir-listing
New-Item -ItemType Directory -Path sub | Out-Null; Set-Content sub/x.txt 1; Set-Content sub/y.log 2
Get-ChildItem sub | ForEach-Object Name
Get-ChildItem sub -Filter *.txt | ForEach-Object Name
# ==== remove-item
Set-Content d.txt 'x'; Remove-Item d.txt; Test-Path d.txt; Remove-Item d.txt
# ==== copy-move
Set-Content c.txt 'x'; Copy-Item c.txt c2.txt; Move-Item c2.txt c3.txt; (Get-ChildItem -Name) -join ','
# ==== split-join-path
Join-Path 'a' 'b' 'c'; Split-Path 'dir/sub/file.txt' -Leaf; Split-Path 'dir/sub/file.txt' -Parent; [IO.Path]::GetExtension('x.tar.gz')
# ==== resolve-relative
Set-Content r.txt 1; (Resolve-Path r.txt -Relative)
# ==== get-variable
$myVar = 42; Get-Variable myVar | ForEach-Object { "$($_.Name)=$($_.Value)" }
# ==== get-variable-missing
Get-Variable nosuchvar
# ==== new-variable-readonly
New-Variable -Name ro -Value 1 -Option ReadOnly; $ro = 2
# ==== new-variable-constant
New-Variable -Name k -Value 1 -Option Constant; Remove-Variable k -Force
# ==== new-variable-readonly-increment
New-Variable -Name ro -Value 1 -Option ReadOnly; $ro++; $ro += 1; $ro
# ==== new-variable-readonly-next-statement
New-Variable -Name ro -Value 1 -Option ReadOnly
$ro = 2; 'same line'
'next line'; $ro
# ==== new-variable-readonly-set-force
New-Variable -Name ro -Value 1 -Option ReadOnly; Set-Variable ro 3; Set-Variable ro 4 -Force; $ro
# ==== new-variable-readonly-remove
New-Variable -Name ro -Value 1 -Option ReadOnly; Remove-Variable ro; $ro; Remove-Variable ro -Force; $null -eq (Get-Variable ro -ErrorAction SilentlyContinue)
# ==== new-variable-readonly-clear
New-Variable -Name ro -Value 1 -Option ReadOnly; Clear-Variable ro; $ro; Clear-Variable ro -Force; "[$ro]"
# ==== new-variable-readonly-catch
New-Variable -Name ro -Value 1 -Option ReadOnly
try { $ro = 2 } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.ToString(); $_.Exception.GetType().FullName; $_.TargetObject }
try { Remove-Variable ro -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.ToString() }
# ==== new-variable-readonly-typed
New-Variable -Name ro -Value 1 -Option ReadOnly; [int]$ro = 2; $ro
# ==== new-variable-readonly-child-scope
New-Variable -Name ro -Value 0 -Option ReadOnly; function f { $ro = 1; "inner $ro" }; f; "outer $ro"
# ==== new-variable-constant-assign
New-Variable -Name k -Value 1 -Option Constant; $k = 2; Set-Variable k 3 -Force; Clear-Variable k -Force; $k
# ==== new-variable-constant-new-force
New-Variable -Name k -Value 1 -Option Constant; New-Variable -Name k -Value 5 -Force; $k
# ==== new-variable-options-column
New-Variable -Name k -Value 1 -Option Constant; New-Variable -Name ro -Value 2 -Option ReadOnly, AllScope
Get-Variable k, ro | Select-Object Name, Value, Options
(Get-Variable ro).Options.ToString()
# ==== new-variable-options-list
New-Variable -Name ro -Value 'x' -Option ReadOnly; Get-Variable ro | Format-List Name, Value, Options
# ==== new-variable-private
New-Variable -Name pv -Value 1 -Option Private; function g { "[$pv]" }; g; $pv
# ==== set-variable-option-readonly
Set-Variable -Name opt -Value 1 -Option ReadOnly; $opt = 2; $opt
# ==== set-variable-option-constant-existing
$x9 = 1; Set-Variable -Name x9 -Option Constant; $x9 = 2; $x9
# ==== set-variable-option-none-force
Set-Variable -Name ro -Value 1 -Option ReadOnly; Set-Variable ro -Option None -Force; $ro = 5; $ro
# ==== assign-true-constant
$true = 1; 'after'
# ==== new-variable-exists
$dup = 1; New-Variable -Name dup -Value 2
# ==== set-remove-variable
Set-Variable -Name sv -Value 'a'; $sv; Remove-Variable sv; $null -eq $sv
# ==== get-variable-valueonly
$vv = 'val'; Get-Variable vv -ValueOnly
# ==== add-member-noteproperty
$o = [pscustomobject]@{a = 1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; $o.b
# ==== add-member-scriptproperty
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }; $o.sq
# ==== add-member-scriptmethod
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptMethod -Name Add -Value { param($n) $this.a + $n }; $o.Add(4)
# ==== add-member-aliasproperty
$o = [pscustomobject]@{Name = 'n'}; $o | Add-Member -MemberType AliasProperty -Name Nm -Value Name; $o.Nm
# ==== add-member-scriptproperty-setter
$o = [pscustomobject]@{a = 3}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a } -SecondValue { param($v) $this.a = $v }
$o.sq = 5; $o.a; $o.sq
# ==== add-member-scriptproperty-no-setter
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }; $o.sq = 4; $o.a
# ==== add-member-scriptproperty-live
$o = [pscustomobject]@{First = 'Ada'; Last = 'Lovelace'}
$o | Add-Member -MemberType ScriptProperty -Name Full -Value { "$($this.First) $($this.Last)" }
$o.Full; $o.Last = 'King'; $o.Full
# ==== add-member-scriptproperty-table
$o = [pscustomobject]@{a = 3; b = 'x'}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Add-Member -MemberType AliasProperty -Name bb -Value b
$o
# ==== add-member-scriptproperty-list
$o = [pscustomobject]@{a = 3; b = 'x'}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Format-List
# ==== add-member-scriptproperty-select
$o = [pscustomobject]@{a = 3}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Select-Object a, sq | Format-Table; ($o | Select-Object -ExpandProperty sq) + 1
# ==== add-member-scriptproperty-json
$o = [pscustomobject]@{a = 3}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Add-Member -MemberType AliasProperty -Name al -Value a
$o | ConvertTo-Json
# ==== add-member-scriptproperty-csv
$o = [pscustomobject]@{a = 3}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | ConvertTo-Csv
# ==== add-member-scriptproperty-where
$list = 1..4 | ForEach-Object { [pscustomobject]@{n = $_} | Add-Member -MemberType ScriptProperty -Name Even -Value { $this.n % 2 -eq 0 } -PassThru }
($list | Where-Object { $_.Even }).n -join ','
# ==== add-member-get-member
$o = [pscustomobject]@{a = 3; b = 'x'}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a } -SecondValue { param($v) $this.a = $v }
$o | Add-Member -MemberType AliasProperty -Name bb -Value b
$o | Add-Member -MemberType ScriptMethod -Name Twice -Value { param($n) $this.a * 2 + $n }
$o | Get-Member
# ==== add-member-get-member-scriptproperty-getter-only
$o = [pscustomobject]@{a = 3}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Get-Member -MemberType ScriptProperty | Select-Object -ExpandProperty Definition
# ==== add-member-psobject-properties
$o = [pscustomobject]@{a = 3; b = 'x'}
$o | Add-Member -MemberType ScriptProperty -Name sq -Value { $this.a * $this.a }
$o | Add-Member -MemberType AliasProperty -Name bb -Value b
$o.psobject.Properties | ForEach-Object { "$($_.Name) $($_.MemberType) $($_.Value) $($_.TypeNameOfValue)" }
# ==== add-member-scriptmethod-args
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptMethod -Name M -Value { "args: $($args -join ',') a=$($this.a)" }; $o.M(1, 2); $o.M()
# ==== add-member-scriptmethod-changes-object
$o = [pscustomobject]@{Count = 0}; $o | Add-Member -MemberType ScriptMethod -Name Bump -Value { $this.Count++ }; $o.Bump(); $o.Bump(); $o.Count
# ==== add-member-scriptmethod-tostring
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptMethod -Name ToString -Value { "A is $($this.a)" } -Force; $o.ToString()
# ==== add-member-scriptmethod-positional-passthru
$o = [pscustomobject]@{a = 3}; $o | Add-Member ScriptMethod mm { 'positional' } -PassThru | ForEach-Object { $_.mm() }
# ==== add-member-scriptmethod-second-value
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptMethod -Name m3 -Value { 1 } -SecondValue { 2 }
# ==== add-member-scriptmethod-not-block
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptMethod -Name m2 -Value 'notblock'
# ==== add-member-scriptproperty-duplicate
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptProperty -Name a -Value { 1 }; $o.a
# ==== add-member-scriptproperty-force
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptProperty -Name a -Value { 10 } -Force; $o.a; $o | Format-List
# ==== add-member-scriptproperty-getter-throws
$o = [pscustomobject]@{a = 3}; $o | Add-Member -MemberType ScriptProperty -Name bad -Value { throw 'boom' }; $o.bad; 'next'; $o | Format-List
# ==== add-member-aliasproperty-set
$o = [pscustomobject]@{Name = 'n'}; $o | Add-Member -MemberType AliasProperty -Name Nm -Value Name; $o.Nm = 'm'; $o.Name
# ==== add-member-aliasproperty-missing-target
$o = [pscustomobject]@{Name = 'n'}; $o | Add-Member -MemberType AliasProperty -Name Al -Value NoSuch; "[$($o.Al)]"
# ==== add-member-typename
$o = [pscustomobject]@{a = 1}; $o | Add-Member -TypeName My.Row; $o.PSObject.TypeNames[0]; $o.GetType().Name
# ==== add-member-typename-passthru
([pscustomobject]@{a = 1} | Add-Member -NotePropertyName b -NotePropertyValue 2 -TypeName Contoso.Report -PassThru).PSObject.TypeNames -join ','
# ==== add-member-notepropertymembers-ordered
$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers ([ordered]@{z = 1; y = 2; x = 3}); $o | Format-Table
# ==== add-member-notepropertymembers-duplicate
$o = [pscustomobject]@{x = 0}; $o | Add-Member -NotePropertyMembers ([ordered]@{x = 1; y = 2}); $o.y
# ==== add-member-new-object-chain
$o = New-Object PSObject | Add-Member -MemberType NoteProperty -Name Count -Value 2 -PassThru | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.Count * 2 } -PassThru; $o.Double
# ==== add-member-duplicate
$o = [pscustomobject]@{a = 1}; $o | Add-Member -NotePropertyName a -NotePropertyValue 2
# ==== add-member-force-passthru
$o = [pscustomobject]@{a = 1}; ($o | Add-Member -NotePropertyName a -NotePropertyValue 2 -Force -PassThru).a
# ==== add-member-hashtable
$o = [pscustomobject]@{}; $o | Add-Member -NotePropertyMembers @{x = 1; y = 2}; $o.x + $o.y
# ==== compare-object
Compare-Object 'a', 'b', 'c' 'b', 'c', 'd'
# ==== compare-object-includeequal
Compare-Object 1, 2 2, 3 -IncludeEqual | ForEach-Object { "$($_.InputObject)$($_.SideIndicator)" }
# ==== compare-object-property
$r = [pscustomobject]@{n = 'x'}; $d = [pscustomobject]@{n = 'y'}; Compare-Object $r $d -Property n
# ==== compare-object-passthru
Compare-Object 'a' 'b' -PassThru
# ==== compare-object-null
Compare-Object $null 'a'
# ==== tee-object-variable
1..3 | Tee-Object -Variable t | Measure-Object | ForEach-Object Count; $t -join ','
# ==== tee-object-file
'a', 'b' | Tee-Object -FilePath t.txt | Out-Null; Get-Content t.txt
# ==== write-output-noenumerate
$r = Write-Output @(1, 2) -NoEnumerate; $r.Count; (Write-Output @(1, 2) -NoEnumerate | Measure-Object).Count
# ==== write-output-multiple
Write-Output 1 'two' 3.0
# ==== out-string
$s = 1, 2 | Out-String; $s.Length; "[$s]"
# ==== out-string-stream
$s = 'a', 'b' | Out-String -Stream; $s.Count
# ==== out-string-object
$s = [pscustomobject]@{A = 1} | Out-String; $s
# ==== out-null
1..3 | Out-Null; 'done'
# ==== write-host-array
Write-Host 1, 2, 3; Write-Host (1, 2) -Separator '|'
# ==== write-host-hashtable
Write-Host @{a = 1}
# ==== write-host-object
Write-Host ([pscustomobject]@{a = 1; b = 2})
# ==== write-host-nonewline
Write-Host 'a' -NoNewline; Write-Host 'b'
# ==== write-host-null
Write-Host $null; Write-Host ''; Write-Host 'x'
# ==== get-member-string
'x' | Get-Member -MemberType Property
# ==== get-member-pscustomobject
[pscustomobject]@{a = 1; b = 'x'} | Get-Member -MemberType NoteProperty
# ==== get-member-name
1 | Get-Member -Name CompareTo | ForEach-Object { $_.MemberType.ToString() + ' ' + $_.Name }
# ==== get-member-static
[math] | Get-Member -Static -Name Pi | ForEach-Object Definition
# ==== get-member-typename
Get-Member -InputObject 1 | Select-Object -First 1 | ForEach-Object TypeName
# ==== get-member-no-input
Get-Member

# The writers stream (issue 17): Set-Content, Add-Content, Out-File, `>`/`>>` and Export-Csv write
# each object as it arrives instead of gathering. `len` shows the file's size while the upstream
# command is still running: Out-File and `>` open (and truncate) the file in their begin step and
# write every object at once; Set-Content truncates at its first object and, like Add-Content and
# Export-Csv, buffers its text until the end. ConvertFrom-Csv and Select-String emit as input
# arrives.
# ==== set-content-no-input
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
Set-Content old.txt 'old'
@() | Set-Content old.txt
"old: $(len old.txt)"
@() | Set-Content new1.txt
"new1: $(len new1.txt)"
@() | Add-Content new2.txt
"new2: $(len new2.txt)"
# ==== out-file-export-csv-no-input
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
@() | Out-File new3.txt
"new3: $(len new3.txt)"
@() | Export-Csv new4.csv
"new4: $(len new4.csv)"
Set-Content old5.txt 'old'
@() | Out-File old5.txt
"old5: $(len old5.txt)"
Set-Content old6.csv 'old'
@() | Export-Csv old6.csv
"old6: $(len old6.csv)"
# ==== set-content-truncates-at-first-object
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
Set-Content g1.txt 'previous content'
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g1.txt)"; $_ } | Set-Content g1.txt
"g1: $(len g1.txt) [$((Get-Content g1.txt) -join '|')]"
# ==== add-content-appends-at-end
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
Set-Content g2.txt 'x'
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g2.txt)"; $_ } | Add-Content g2.txt
"g2: [$((Get-Content g2.txt) -join '|')]"
1..2 | ForEach-Object { Write-Host "up $_ len=$(len g2b.txt)"; $_ } | Add-Content g2b.txt
"g2b: [$((Get-Content g2b.txt) -join '|')]"
# ==== out-file-grows-per-object
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g3.txt)"; $_ } | Out-File g3.txt
"g3: [$((Get-Content g3.txt) -join '|')]"
# ==== redirect-grows-per-object
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g4.txt)"; $_ } > g4.txt
"g4: [$((Get-Content g4.txt) -join '|')]"
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g4.txt)"; $_ } >> g4.txt
"g4: [$((Get-Content g4.txt) -join '|')]"
& { 'a'; 'b' } > g5.txt
"g5: [$((Get-Content g5.txt) -join '|')]"
# ==== export-csv-opens-in-begin
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
1..3 | ForEach-Object { Write-Host "up $_ len=$(len g5.csv)"; [pscustomobject]@{ N = $_ } } | Export-Csv g5.csv
Get-Content g5.csv
# ==== out-file-table-grows
function len($p) { if (Test-Path $p) { (Get-Item $p).Length } else { 'missing' } }
1..3 | ForEach-Object { Write-Host "up $_ len=$(len t.txt)"; [pscustomobject]@{ N = $_; M = 'x' } } | Out-File t.txt
Get-Content t.txt
# ==== upstream-fails-midway
try { & { 'a'; 'b'; throw 'boom' } | Set-Content f1.txt } catch { "caught $_" }
"f1: [$((Get-Content f1.txt) -join '|')]"
try { & { 'a'; 'b'; throw 'boom' } | Out-File f2.txt } catch { "caught $_" }
"f2: [$((Get-Content f2.txt) -join '|')]"
try { & { [pscustomobject]@{ A = 1 }; throw 'boom' } | Export-Csv f3.csv } catch { "caught $_" }
"f3: [$((Get-Content f3.csv) -join '|')]"
try { & { 'a'; 'b'; throw 'boom' } > f4.txt } catch { "caught $_" }
"f4: [$((Get-Content f4.txt) -join '|')]"
try { & { 'a'; throw 'boom' } | Add-Content f8.txt } catch { "caught $_" }
"f8: [$((Get-Content f8.txt) -join '|')]"
# ==== upstream-fails-before-first-object
Set-Content f5.txt 'keep'
try { & { throw 'boom' } | Set-Content f5.txt } catch { "caught $_" }
"f5: [$((Get-Content f5.txt) -join '|')]"
Set-Content f6.txt 'keep'
try { & { throw 'boom' } | Out-File f6.txt } catch { "caught $_" }
"f6: [$((Get-Content f6.txt) -join '|')]"
Set-Content f7.csv 'keep'
try { & { throw 'boom' } | Export-Csv f7.csv } catch { "caught $_" }
"f7: [$((Get-Content f7.csv) -join '|')]"
# ==== no-clobber-fails-in-begin
Set-Content nc.txt 'keep'
1..2 | ForEach-Object { Write-Host "up $_"; $_ } | Out-File nc.txt -NoClobber
"nc: [$((Get-Content nc.txt) -join '|')]"
1..2 | ForEach-Object { Write-Host "up $_"; $_ } | Export-Csv nc.txt -NoClobber
"nc: [$((Get-Content nc.txt) -join '|')]"
1..2 | Out-File nc.txt -NoClobber -Append
"nc: [$((Get-Content nc.txt) -join '|')]"
# ==== export-csv-columns-from-first-object
[pscustomobject]@{ A = 1 }, [pscustomobject]@{ A = 2; B = 3 }, 'str', $null, 5 | Export-Csv fp.csv
Get-Content fp.csv
# ==== export-csv-append-streams
[pscustomobject]@{ A = 1; B = 2 } | Export-Csv ap.csv
1..2 | ForEach-Object { Write-Host "up $_"; [pscustomobject]@{ B = $_ * 10; A = $_ } } | Export-Csv ap.csv -Append
Get-Content ap.csv
[pscustomobject]@{ A = 9 } | Export-Csv ap.csv -Append
Get-Content ap.csv
# ==== read-and-write-same-file
Set-Content same.txt 'l1', 'l2', 'l3'
Get-Content same.txt | Set-Content same.txt
"same: [$((Get-Content same.txt) -join '|')]"
Set-Content same2.txt 'l1', 'l2', 'l3'
Get-Content same2.txt | Out-File same2.txt
"same2: [$((Get-Content same2.txt) -join '|')]"
# ==== writers-what-if
1..3 | Set-Content w.txt -WhatIf
1..3 | Add-Content w.txt -WhatIf
1..3 | Out-File w.txt -WhatIf
1..3 | Export-Csv w.txt -WhatIf
"w: $(Test-Path w.txt)"
# ==== writers-skip-null-records
$null, 'a', $null | Set-Content n.txt
"n: [$((Get-Content n.txt) -join '|')] $((Get-Item n.txt).Length)"
$null, 'a' | Out-File n2.txt
"n2: [$((Get-Content n2.txt) -join '|')] $((Get-Item n2.txt).Length)"
# ==== set-content-pass-thru-streams
1..2 | ForEach-Object { Write-Host "up $_"; $_ } | Set-Content p.txt -PassThru | ForEach-Object { Write-Host "got $_" }
# ==== set-content-several-paths
1..2 | Set-Content m1.txt, m2.txt
"m: $((Get-Content m1.txt) -join '|') / $((Get-Content m2.txt) -join '|')"
# ==== writers-no-newline
1..3 | Set-Content nn.txt -NoNewline
"nn: [$(Get-Content nn.txt -Raw)]"
1..3 | Out-File nn2.txt -NoNewline
"nn2: [$(Get-Content nn2.txt -Raw)]"
# ==== writers-missing-directory
1..2 | ForEach-Object { Write-Host "up $_"; $_ } | Set-Content nodir/x.txt
1..2 | ForEach-Object { Write-Host "up $_"; $_ } | Out-File nodir/x.txt
'after'
# ==== writers-stopped-downstream
1..5 | ForEach-Object { Write-Host "up $_"; $_ } | Set-Content s.txt -PassThru | Select-Object -First 2
"s: [$((Get-Content s.txt) -join '|')]"
# ==== file-to-file-pipeline
Set-Content in.txt -Value (1..20)
Get-Content in.txt | Where-Object { $_ % 5 -eq 0 } | Set-Content out.txt
"out: [$((Get-Content out.txt) -join '|')]"
Import-Csv -Path (& { Set-Content in.csv 'A,B', '1,x', '2,y'; 'in.csv' }) | Export-Csv out.csv
Get-Content out.csv
# ==== convertfrom-csv-streams
'a,b', '1,2', '3,4' | ForEach-Object { Write-Host "up $_"; $_ } | ConvertFrom-Csv | ForEach-Object { Write-Host "row $($_.a)" }
"a,b`n1,2", "3,4" | ConvertFrom-Csv | ForEach-Object { "$($_.a)-$($_.b)" }
'#TYPE T.X', 'p,q', '1,2' | ConvertFrom-Csv | ForEach-Object { "$($_.p) $($_.PSObject.TypeNames[0])" }
# ==== convertfrom-csv-stops-upstream
'a', '1', '2', '3' | ForEach-Object { Write-Host "up $_"; $_ } | ConvertFrom-Csv | Select-Object -First 1 | ForEach-Object { "got $($_.a)" }
# ==== select-string-streams
1..3 | ForEach-Object { Write-Host "up $_"; "line $_" } | Select-String 'line [13]' | ForEach-Object { Write-Host "match $($_.Line) at $($_.LineNumber)" }
# ==== select-string-stops-upstream
1..1000000 | ForEach-Object { Write-Host "up $_"; "line $_" } | Select-String 'line [24]' | Select-Object -First 1 | ForEach-Object { "$($_.Line)" }
# ==== select-string-quiet-and-list
1..4 | ForEach-Object { Write-Host "up $_"; "line $_" } | Select-String 'line [24]' -Quiet
1..4 | ForEach-Object { "line $_" } | Select-String 'nothing' -Quiet
1..4 | ForEach-Object { Write-Host "up $_"; "line $_" } | Select-String 'line [24]' -List | ForEach-Object { "list $($_.Line)" }
# ==== select-string-context-streams
1..6 | ForEach-Object { Write-Host "up $_"; "line $_" } | Select-String 'line [25]' -Context 1 | ForEach-Object { Write-Host "ctx $($_.Line) [$($_.Context.PreContext)] [$($_.Context.PostContext)]" }
# ==== select-null-records-stop-rule
1, $null, 2, 3 | Select-Object -First 2 | ForEach-Object { "[$_]" }
1, $null, 2, 3 | Select-Object -Index 1 | ForEach-Object { "[$_]" }
1, $null, $null, 2, 3 | Select-Object -Skip 1 -First 1 | ForEach-Object { "[$_]" }
$null, 1, $null, 1, 2 | Select-Object -Unique -First 2 | ForEach-Object { "[$_]" }

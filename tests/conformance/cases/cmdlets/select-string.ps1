# Select-String over files (issue 17): each file is read a line at a time and each match goes
# down the pipeline as it is found. Paths are resolved before any file is read.
# ==== select-string-file-streams-matches
# A file is searched a line at a time: each match goes down the pipeline as it is found.
Set-Content ss1.txt 'alpha', 'beta', 'alpha two', 'gamma', 'alpha three'
Select-String -Path ss1.txt -Pattern 'alpha' | ForEach-Object { "$($_.LineNumber): $($_.Line) in $($_.Filename)" }
Select-String -Path ss1.txt -Pattern 'alpha' | Select-Object -First 1 | ForEach-Object { "first $($_.LineNumber)" }
# ==== select-string-file-context
Set-Content ss2.txt 'one', 'two', 'hit three', 'four', 'five', 'hit six', 'seven', 'eight', 'nine', 'hit ten'
Select-String -Path ss2.txt -Pattern 'hit' -Context 1, 2 | ForEach-Object { "$($_.LineNumber) [$($_.Context.PreContext -join ',')] [$($_.Context.PostContext -join ',')] [$($_.Context.DisplayPreContext -join ',')] [$($_.Context.DisplayPostContext -join ',')]" }
(Select-String -Path ss2.txt -Pattern 'hit' -Context 2 | Out-String -Width 80).TrimEnd()
# ==== select-string-file-list-quiet
Set-Content ss3a.txt 'x1', 'y', 'x2'
Set-Content ss3b.txt 'y', 'x3', 'x4'
Select-String -Path ss3a.txt, ss3b.txt -Pattern 'x' -List | ForEach-Object { "$($_.Filename):$($_.LineNumber)" }
Select-String -Path ss3a.txt, ss3b.txt -Pattern 'x' -Quiet
Select-String -Path ss3a.txt, ss3b.txt -Pattern 'zzz' -Quiet
Select-String -Path ss3*.txt -Pattern 'x' -NotMatch | ForEach-Object { "$($_.Filename):$($_.LineNumber):$($_.Line)" }
Select-String -Path ss3a.txt -Pattern 'x' -Raw
# ==== select-string-file-missing-between
Set-Content ss4a.txt 'find me'
Set-Content ss4c.txt 'find me too'
Select-String -Path ss4a.txt, ss4missing.txt, ss4c.txt -Pattern 'find' | ForEach-Object { "$($_.Filename): $($_.Line)" }
'after'
# ==== select-string-file-line-endings
[System.IO.File]::WriteAllText("$PWD/ss5.txt", "a1`r`nb`ra2`nc`r`n`r`na3")
Select-String -Path ss5.txt -Pattern 'a' | ForEach-Object { "$($_.LineNumber)=$($_.Line)" }
(Select-String -Path ss5.txt -Pattern '^$').LineNumber
# ==== select-string-file-piped-fileinfo
Set-Content ss6a.txt 'red', 'green'
Set-Content ss6b.txt 'blue', 'green'
Get-ChildItem ss6*.txt | Sort-Object Name | Select-String 'green' | ForEach-Object { "$($_.Filename):$($_.LineNumber)" }
# ==== select-string-file-literal-missing
Set-Content ss7a.txt 'find me'
Select-String -LiteralPath ss7missing.txt, ss7a.txt -Pattern 'find' | ForEach-Object { "$($_.Filename): $($_.Line)" }
'after'
# ==== select-string-file-wildcard-none
Select-String -Path ss8nothing*.txt -Pattern 'find'
"after: $?"
# ==== select-string-fileinfo-quiet-per-file
Set-Content ss9a.txt 'red', 'green'
Set-Content ss9b.txt 'blue'
Set-Content ss9c.txt 'green'
Get-ChildItem ss9*.txt | Sort-Object Name | Select-String 'green' -Quiet
'--'
Get-ChildItem ss9*.txt | Sort-Object Name | Select-String 'green' -Quiet -List | ForEach-Object { "[$_]" }
'--'
Select-String -Path ss9*.txt -Pattern 'green' -Quiet -List | ForEach-Object { "list: $($_.Filename):$($_.LineNumber)" }
Select-String -Path ss9*.txt -Pattern 'zzz' -Quiet -List | ForEach-Object { "null? $($null -eq $_)" }
# ==== select-string-file-list-context
Set-Content ss10.txt 'a', 'hit 1', 'b', 'hit 2', 'c', 'd'
Select-String -Path ss10.txt -Pattern 'hit' -List -Context 1, 2 | ForEach-Object { "$($_.LineNumber) [$($_.Context.PreContext -join ',')] [$($_.Context.PostContext -join ',')]" }
Select-String -Path ss10.txt -Pattern 'hit' -Raw -Context 1

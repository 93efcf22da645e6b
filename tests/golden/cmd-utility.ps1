# Utility cmdlets: Add-Member, Get-Random, Select-String, the variable cmdlets, Tee-Object and
# the static .NET helpers ([Console], [System.IO.Path], [System.IO.File]).

# --- Add-Member ---
$row = [pscustomobject]@{ User = 'adele@contoso.com' }
$row | Add-Member -NotePropertyName Policy -NotePropertyValue 'Bot'
Add-Member -InputObject $row -MemberType NoteProperty -Name Rank -Value 1
$row | Out-Host
$row | Add-Member -NotePropertyName Policy -NotePropertyValue 'Other'
$row | Add-Member -NotePropertyName Policy -NotePropertyValue 'Other' -Force -PassThru | Out-Host
$extra = New-Object PSObject | Add-Member -NotePropertyMembers ([ordered]@{ Count = 3; Name = 'two' }) -PassThru
"$extra"
($row | Add-Member -NotePropertyName Tag -NotePropertyValue x -TypeName Contoso.Row -PassThru).PSObject.TypeNames[0]
$row | Add-Member -MemberType ScriptProperty -Name Upper -Value { $this.User.ToUpper() }
@{ a = 1 } | Add-Member -NotePropertyName b -NotePropertyValue 2

# --- Get-Random (AAPSH_SEED makes these repeat) ---
$n = Get-Random
$n -ge 0 -and $n -lt [int]::MaxValue
Get-Random -Maximum 10
Get-Random -Minimum 1.5 -Maximum 2.5
Get-Random -InputObject 'a', 'b', 'c', 'd' -Count 2
1..10 | Get-Random
(Get-Random -SetSeed 7 -Maximum 100) -eq (Get-Random -SetSeed 7 -Maximum 100)
Get-Random -Minimum 5 -Maximum 1
Get-Random -Count 0

# --- Select-String ---
'abc', 'xyz', 'ABD' | Select-String b | Out-Host
'abc', 'xyz', 'ABD' | Select-String b -CaseSensitive | Out-Host
$m = 'hello world' | Select-String 'o w'
$m.Line, $m.LineNumber, $m.Path, $m.Filename, $m.Pattern, $m.Matches[0].Value, $m.Matches[0].Index
'abc', 'xyz' | Select-String b -NotMatch | Out-Host
'a.c', 'abc' | Select-String '.' -SimpleMatch | Out-Host
'abc' | Select-String b -Quiet
'a1b2' | Select-String '\d' -AllMatches | ForEach-Object { $_.Matches.Value }
Set-Location $HOME
Set-Content -Path grant.log -Value 'granted adele', 'ERROR bob', 'granted carol', 'error dave'
Select-String -Path grant.log -Pattern error | Out-Host
$hit = Select-String -Path grant.log -Pattern carol
$hit.LineNumber, $hit.Filename
"$hit"
Select-String -Path missing.log -Pattern x
'abc' | Select-String '('

# --- variables ---
$PolicyName = 'Bot'
Get-Variable -Name PolicyName | Out-Host
Get-Variable PolicyName -ValueOnly
Set-Variable -Name count_emea -Value 5
$count_emea
New-Variable -Name Tenant -Value contoso
New-Variable -Name Tenant -Value other
Clear-Variable -Name Tenant
$null -eq $Tenant
Remove-Variable -Name Tenant
Get-Variable -Name Tenant
Remove-Variable -Name Tenant
Get-Variable -Name 'count_*' | Out-Host

# --- Tee-Object ---
$sum = 1, 2, 3 | Tee-Object -Variable teed | Measure-Object -Sum
$sum.Sum
$teed
'first' | Tee-Object -FilePath tee.txt
'second' | Tee-Object -FilePath tee.txt -Append | Out-Null
Get-Content tee.txt

# --- static helpers ---
[Console]::WriteLine('to the host')
[Console]::Write('no newline ')
[Console]::WriteLine('{0} of {1}', 1, 2)
[System.IO.Path]::GetFileName('/data/report.csv')
[System.IO.Path]::GetFileNameWithoutExtension('/data/report.final.csv')
[System.IO.Path]::GetExtension('/data/report.csv')
[System.IO.Path]::GetDirectoryName('/data/sub/report.csv')
[System.IO.Path]::Combine('/data', 'sub', 'report.csv')
[System.IO.Path]::IsPathRooted('/data')
[System.IO.Path]::IsPathRooted('data')
$file = Join-Path $HOME 'static.txt'
[System.IO.File]::WriteAllText($file, "one`ntwo`n")
[System.IO.File]::AppendAllText($file, "three`n")
[System.IO.File]::ReadAllLines($file)
([System.IO.File]::ReadAllText($file)).Length
[System.IO.File]::ReadAllText((Join-Path $HOME 'nope.txt'))

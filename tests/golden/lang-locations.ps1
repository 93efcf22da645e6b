# The session location: $PWD, Get-Location, Set-Location (cd), Push-/Pop-Location, and the file
# and folder objects of Get-Item and Get-ChildItem. The run starts in the checkout (<ROOT>);
# $HOME is a fresh temp folder (<TMP>). File times vary, so the table masks them.
$PWD.Path
Get-Location
Set-Location $HOME
"now in $PWD"
New-Item -ItemType Directory -Path work | Out-Null
cd work
Set-Content -Path users.csv -Value 'UPN,Policy', 'adele@contoso.com,Bot', 'megan@contoso.com,Bot'
# Relative paths follow the session location.
(Import-Csv .\users.csv).UPN
Test-Path .\users.csv
Push-Location ..
(Get-Location).Path
Test-Path users.csv
Pop-Location
Split-Path -Leaf $PWD
# A script's own folder does not move.
Split-Path -Leaf $PSScriptRoot
# Missing folders fail without moving.
cd nope
$Error[0].FullyQualifiedErrorId
"$($Error[0].CategoryInfo.Category) $($Error[0].Exception.GetType().FullName)"
Split-Path -Leaf (Get-Location)
cd -
"back: $PWD"
cd +
"forward: $(Split-Path -Leaf $PWD)"
sl ~/work/..
"sl: $PWD"
cd work
# Items.
New-Item -ItemType Directory -Path sub | Out-Null
Set-Content sub/b.txt 'hello'
Set-Content a.txt 'x'
Set-Content .hidden 'h'
$f = Get-Item users.csv
$f.Name, $f.BaseName, $f.Extension, $f.Length, $f.PSIsContainer, $f.Mode, $f.Exists -join ' | '
$f.DirectoryName
$f.Directory.Name
"$f"
$f.LastWriteTime.GetType().FullName
$d = Get-Item sub
$d.Name, $d.PSIsContainer, $d.Mode, $d.FullName -join ' | '
# Folders first, then files, by name; hidden items only with -Force.
Get-ChildItem -Name
Get-ChildItem -Name -Force
Get-ChildItem -Recurse -Name
Get-ChildItem -File | ForEach-Object Name
dir -Directory | Select-Object -ExpandProperty Name
ls -Filter *.csv | ForEach-Object { $_.Name + ' ' + $_.Length }
gci *.txt -Name
(Get-ChildItem -Recurse -File | Measure-Object -Property Length -Sum).Sum
Get-Item missing.txt
Get-ChildItem missing
# The file-system table, times masked.
(Get-ChildItem -Recurse | Out-String) -replace '(?m)^([-d][-a][-r][-h]-  ) .{26}', '$1        MM/DD/YYYY HH:MM XM'
# Select-Object reads properties only: a folder has no Length (the scalar .Length is not one).
Get-ChildItem | Select-Object Name, Length | ForEach-Object { "$($_.Name)=[$($_.Length)]" }

# Files: Import-Csv / Export-Csv, Get-Content / Set-Content / Add-Content / Out-File, paths with
# either slash, relative to the current directory, and pwsh's errors for missing files.
Connect-MicrosoftTeams | Out-Null
$dir = Join-Path $HOME "csv-work"
New-Item -ItemType Directory -Path $dir -Force | Out-Null

# Export-Csv: every field quoted (pwsh 7 default), no #TYPE line, nulls left empty.
$users = Get-CsOnlineUser | Select-Object -First 3 DisplayName, UserPrincipalName, ApplicationAccessPolicy
$csv = Join-Path $dir "users.csv"
$users | Export-Csv -Path $csv -NoTypeInformation
Get-Content $csv
[PSCustomObject]@{ DisplayName = 'Quote "Q"'; UserPrincipalName = "q@contoso.onmicrosoft.com"; ApplicationAccessPolicy = "A, B" } |
    Export-Csv -Path $csv -Append
Get-Content -Path $csv -Tail 1
$users | Export-Csv $csv -UseQuotes AsNeeded -Delimiter ';'
Get-Content $csv -TotalCount 2
$users | ConvertTo-Csv -UseQuotes Never | Select-Object -First 2
"a", "bb" | ConvertTo-Csv

# Import-Csv: header row, quoted fields with commas and quotes, blank lines skipped, string values.
Set-Content -Path $csv -Value @(
    'UPN,Name,Note',
    'megan.bowen@contoso.onmicrosoft.com,Megan Bowen,"Sales, EMEA"',
    '',
    '  lee.gu@contoso.onmicrosoft.com , Lee Gu ,"said ""hi"""',
    'short@contoso.onmicrosoft.com'
)
$rows = Import-Csv $csv
$rows.Count
$rows | Format-Table -AutoSize
$rows[1].Note
$null -eq $rows[2].Name
$rows[0].UPN.GetType().FullName
Import-Csv -Path $csv -Header A, B, C | Select-Object -First 1 | Format-List
"x;y", "1;2" | ConvertFrom-Csv -Delimiter ';'

# Paths: backslashes work on every platform; relative paths start at the current directory.
(Get-Content ($csv -replace '/', '\') | Measure-Object).Count
Test-Path $csv
Test-Path (Join-Path $dir "nothing.txt")
Test-Path $dir -PathType Container
Split-Path $csv -Leaf
Join-Path "a\b" "c/d.txt"

# Add-Content, Out-File, Set-Content -NoNewline.
$log = Join-Path $dir "log.txt"
"first" | Set-Content $log
Add-Content -Path $log -Value "second", "third"
Get-Content $log
(Get-Content $log -Raw).Length
Get-CsApplicationAccessPolicy | Out-File -FilePath $log
Get-Content $log
"no newline" | Set-Content $log -NoNewline
(Get-Content $log -Raw) + "|"

# Missing files.
Get-Content (Join-Path $dir "missing.txt")
Get-Content (Join-Path $dir "missing.txt") -ErrorAction SilentlyContinue
"after a non-terminating error"
Import-Csv (Join-Path $dir "missing.csv")
"after Import-Csv"
try { Import-Csv (Join-Path $dir "missing.csv") } catch { "caught: $($_.FullyQualifiedErrorId)" }
Set-Content -Path (Join-Path $dir "no/such/dir/file.txt") -Value "x"
Remove-Item $csv, $log
Test-Path $csv

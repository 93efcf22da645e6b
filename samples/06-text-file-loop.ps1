# Reads a list of user principal names from recorder-users.txt (one per line, blank lines and
# '#' comments allowed), grants the recorder policy to each, and writes a small log file.
$ErrorActionPreference = 'Stop'

$PolicyName = 'Recorder-Policy'
$AppId      = 'f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20'
$ListFile   = Join-Path $PSScriptRoot 'recorder-users.txt'

Connect-MicrosoftTeams -TenantId 'contoso.onmicrosoft.com' | Out-Null

try {
    $null = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction Stop
    Write-Host "Policy $PolicyName exists."
}
catch {
    if ($_.Exception.Message -notmatch 'not found') { throw }
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId | Out-Null
    Write-Host "Policy $PolicyName created."
}

if (-not (Test-Path $ListFile)) {
    throw "User list $ListFile is missing."
}

$upns = Get-Content -Path $ListFile |
    Where-Object { $_ -and $_.Trim().Length -gt 0 -and -not $_.Trim().StartsWith('#') } |
    ForEach-Object { $_.Trim().ToLower() }

Write-Host "Found $($upns.Count) users in $(Split-Path $ListFile -Leaf)"

$log = @()
foreach ($upn in $upns) {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn
    Write-Host "  granted $upn" -ForegroundColor Green
    $log += "{0:yyyy-MM-dd HH:mm:ss} granted {1} to {2}" -f (Get-Date), $PolicyName, $upn
    Start-Sleep -Seconds 2
}

$logFile = Join-Path $HOME 'recorder-grants.log'
$log | Set-Content -Path $logFile
Write-Host "Log ($((Get-Content $logFile).Count) lines):"
Get-Content $logFile
Remove-Item $logFile -ErrorAction SilentlyContinue

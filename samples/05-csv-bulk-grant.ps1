# Grants the scheduling app's policy to every user listed in users.csv (next to this script),
# counts successes and failures, and reports what went wrong. One row names a user who does not
# exist in the tenant.
param(
    [string]$CsvPath = "$PSScriptRoot\users.csv",
    [string]$PolicyName = "Scheduling-Policy"
)

$AppId = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"

Import-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null

if (-not (Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "Scheduling service" | Out-Null
    Write-Host "Created policy $PolicyName" -ForegroundColor Cyan
}

$users = Import-Csv -Path $CsvPath
Write-Host "Processing $($users.Count) users from $(Split-Path $CsvPath -Leaf)..." -ForegroundColor Cyan

$SuccessCount = 0
$FailCount = 0
$failures = @()

foreach ($user in $users) {
    $upn = $user.UPN.Trim()
    try {
        Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn -ErrorAction Stop
        Write-Host "  OK    $upn ($($user.Department))" -ForegroundColor Green
        $SuccessCount++
    }
    catch {
        Write-Host "  FAIL  $upn : $($_.Exception.Message)" -ForegroundColor Red
        $failures += [PSCustomObject]@{ UPN = $upn; Error = $_.Exception.Message }
        $FailCount++
    }
}

Write-Host ""
Write-Host "Granted: $SuccessCount  Failed: $FailCount" -ForegroundColor $(if ($FailCount -eq 0) { "Green" } else { "Yellow" })
if ($failures.Count -gt 0) {
    $failures | Format-Table -AutoSize
}

Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq $PolicyName } |
    Sort-Object DisplayName |
    Select-Object DisplayName, UserPrincipalName

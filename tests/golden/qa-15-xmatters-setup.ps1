# xMatters Teams meeting integration - setup
$PolicyName = "xMatters-Meetings"
$AppId = "f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f"
$Users = @(
    "megan.bowen@contoso.onmicrosoft.com"
    "alex.wilber@contoso.onmicrosoft.com"
    "former.employee@contoso.onmicrosoft.com"
    "lee.gu@contoso.onmicrosoft.com"
)

Import-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null

Write-Host "Creating policy $PolicyName ..." -ForegroundColor Cyan
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description "xMatters" | Out-Null

$SuccessCount = 0
$FailCount = 0
foreach ($User in $Users) {
    try {
        Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $User -ErrorAction Stop
        Write-Host "  [OK]   $User" -ForegroundColor Green
        $SuccessCount++
    }
    catch {
        Write-Host "  [FAIL] $User - $($_.Exception.Message)" -ForegroundColor Red
        $FailCount++
    }
}

Write-Host "`n== Summary ==" -ForegroundColor Cyan
Write-Host "Succeeded: $SuccessCount" -ForegroundColor Green
Write-Host "Failed:    $FailCount" -ForegroundColor $(if ($FailCount -eq 0) {"Green"} else {"Yellow"})
if ($FailCount -gt 0) { exit 2 }

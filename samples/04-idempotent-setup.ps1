<#
.SYNOPSIS
    Creates (or updates) the application access policy for the meeting bot, grants it to the
    bot's service users, and shows what each user now has.
.DESCRIPTION
    Safe to run again: the policy is only created when it is missing, and the app id is only
    added when the policy does not have it yet.
#>
$ErrorActionPreference = "Stop"

$AppId       = "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"
$PolicyName  = "Meeting-Recorder-Policy"
$Description = "Lets the meeting recorder bot read meetings of its service users"
$Users       = @("megan.bowen@contoso.onmicrosoft.com", "alex.wilber@contoso.onmicrosoft.com")

if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) {
    Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber
}
Import-Module MicrosoftTeams

Write-Host "Connecting to Microsoft Teams..." -ForegroundColor Cyan
Connect-MicrosoftTeams | Out-Null

# 1. Get, then New or Set.
$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($null -eq $policy) {
    Write-Host "Creating policy '$PolicyName'..." -ForegroundColor Cyan
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description $Description | Out-Null
}
elseif ($policy.AppIds -notcontains $AppId) {
    Write-Host "Adding app $AppId to '$PolicyName'..." -ForegroundColor Yellow
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{Add = $AppId}
}
else {
    Write-Host "Policy '$PolicyName' already contains the app." -ForegroundColor Green
}

# 2. Grant it to every service user.
foreach ($upn in $Users) {
    Write-Host "Granting '$PolicyName' to $upn..."
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $upn
}

# 3. Verify.
Write-Host "`n== Verification ==" -ForegroundColor Green
Get-CsApplicationAccessPolicy -Identity $PolicyName | Format-List Identity, AppIds, Description
foreach ($upn in $Users) {
    Get-CsOnlineUser -Identity $upn | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy
}
Write-Host "Done. Changes can take up to 30 minutes to take effect." -ForegroundColor Green

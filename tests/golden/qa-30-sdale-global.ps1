#Requires -Modules MicrosoftTeams
# Tenant-wide grant (allow the app for every user in the tenant)
param(
    [Parameter(Mandatory=$true)][string]$TenantId,
    [string]$PolicyName = "Sdale-Graph-Access",
    [string]$AppId = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"
)

Connect-MicrosoftTeams -TenantId $TenantId | Out-Null

$p = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($p) { Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId } else { New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId | Out-Null }

Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Global
Get-CsApplicationAccessPolicy | Format-Table Identity, AppIds, Description
Get-CsApplicationAccessPolicy -Identity Global
Get-CsUserPolicyAssignment -Identity "patti.fernandez@contoso.onmicrosoft.com" -PolicyType ApplicationAccessPolicy
Get-CsOnlineUser -Identity "patti.fernandez@contoso.onmicrosoft.com" | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy
Write-Host "Propagation can take up to 2 hours."

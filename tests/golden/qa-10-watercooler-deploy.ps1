# Watercooler deployment - Teams part
# (the rest of the deployment is done by the ARM template)

$appId = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
$tenantId = "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58"
$userId = "alex.wilber@contoso.onmicrosoft.com"

Connect-MicrosoftTeams -TenantId $tenantId

$WCPolicy = Get-CsApplicationAccessPolicy -Identity Watercooler-policy
if(!$WCPolicy)
{
    New-CsApplicationAccessPolicy -Identity Watercooler-policy -AppIds $appId -Description "Watercooler app policy"
}
Grant-CsApplicationAccessPolicy -PolicyName Watercooler-policy -Identity $userId
write-host "Application access policy granted for user $userId"

# P11: properties that do not exist
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Sandbox" -AppIds "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e" -Description "Sandbox" | Out-Null

Get-CsApplicationAccessPolicy | Select Identity, AllowedAadAppIds

Get-CsApplicationAccessPolicy | Where-Object {
    $_.AppIds -contains "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"
} | Format-List Identity, AppIds, Description

$grant = Get-CsApplicationAccessPolicy -Identity Sandbox
Write-Host "PolicyName on a policy object: [$($grant.PolicyName)]"

Get-CsApplicationAccessPolicy -Identity Sandbox | Select-Object -ExpandProperty AllowedAadAppIds
Write-Host "next statement runs"
Get-CsApplicationAccessPolicy -Identity Sandbox | Select-Object -ExpandProperty AppIds
$ErrorActionPreference = "Stop"
Get-CsApplicationAccessPolicy -Identity Sandbox | Select-Object -ExpandProperty AllowedAadAppIds
Write-Host "not reached"

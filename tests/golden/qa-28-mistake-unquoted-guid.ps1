# Unquoted GUIDs: fine as arguments, a command lookup after '='.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Unquoted -AppIds 6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d, 7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e
$appId = 8c7d6e5f-4a3b-4c2d-9e1f-0a1b2c3d4e5f
Write-Host "appId is [$appId]"
Set-CsApplicationAccessPolicy -Identity Unquoted -AppIds @{Add=$appId}
Get-CsApplicationAccessPolicy -Identity Unquoted

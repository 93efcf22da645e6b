# Followed an Exchange guide by mistake (P10), then the Teams docs.
$AppId = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
Connect-MicrosoftTeams | Out-Null

New-ApplicationAccessPolicy -AppId $AppId -PolicyScopeGroupId meetingbots@contoso.onmicrosoft.com -AccessRight RestrictAccess -Description "Restrict this app"
Write-Host "Exchange-style policy step finished (it did not)"

New-CsApplicationAccessPolicy -Identity "Graph-Meetings" -AppId $AppId
New-CsApplicationAccessPolicy -Identity "Graph-Meetings" -AppIds $AppId -Description "Graph online meetings"
Grant-CsApplicationAccessPolicy -PolicyName "Graph-Meetings" -Identity "megan.bowen@contoso.onmicrosoft.com"
Test-ApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -AppId $AppId

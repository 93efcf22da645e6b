# Teams cmdlets need Connect-MicrosoftTeams first.
Get-CsApplicationAccessPolicy
Connect-MicrosoftTeams
Get-CsApplicationAccessPolicy
Disconnect-MicrosoftTeams
Grant-CsApplicationAccessPolicy -PolicyName "Anything" -Global

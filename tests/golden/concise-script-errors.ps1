Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Test -Foo bar
Get-CsApplicationAccessPolicy -Identity
Get-CsApplicationAccesPolicy
Get-CsApplicationAccessPolicy -Identity "Missing"

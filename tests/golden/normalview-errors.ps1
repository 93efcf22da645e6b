Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Test -Foo bar
Get-CsApplicationAccessPolicy -Identity
Get-CsApplicationAccesPolicy
New-CsApplicationAccessPolicy -Identity A -Identity B
Remove-CsApplicationAccessPolicy A B
Get-CsApplicationAccessPolicy -Identity "Missing"

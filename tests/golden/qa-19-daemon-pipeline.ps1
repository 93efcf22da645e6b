# Daemon app: grant the policy to every user in the tenant (test tenant only!)
$cred = Get-Credential
Connect-MicrosoftTeams -Credential $cred

New-CsApplicationAccessPolicy -Identity Test-policy -AppIds "ab12cd34-ef56-4a78-9b01-23cd45ef6789" -Description "daemon test"

Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName Test-policy

Get-CsOnlineUser | Select-Object DisplayName, ApplicationAccessPolicy | ft -AutoSize

#Remove-CsApplicationAccessPolicy -Identity Test-policy

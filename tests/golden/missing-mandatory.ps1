# Without a prompt (-NonInteractive, script replay), a missing mandatory parameter is an error.
Connect-MicrosoftTeams | Out-Null
Remove-CsApplicationAccessPolicy
New-CsApplicationAccessPolicy -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
Grant-CsApplicationAccessPolicy -Group
Write-Host "The script goes on after each failed statement."
exit 3

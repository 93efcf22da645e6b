# A runbook's placeholder pasted as is.
Connect-MicrosoftTeams
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds <APP_ID>

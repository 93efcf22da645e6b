# A backtick followed by a space does not continue the line.
Connect-MicrosoftTeams
New-CsApplicationAccessPolicy -Identity "Bot" ` 
    -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"

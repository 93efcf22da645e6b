# P8: wrong identities.
$ErrorActionPreference = "Continue"
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Recorder" -AppIds "3f2e1d0c-9b8a-4776-8554-433221100ffe" | Out-Null

# typo in the domain
Grant-CsApplicationAccessPolicy -PolicyName "Recorder" -Identity "megan.bowen@contoso.onmicrosft.com"
"exit status after typo: $?"

# value typed with quotes at a prompt
$who = '"Ken Myer"'
Grant-CsApplicationAccessPolicy -PolicyName "Recorder" -Identity $who

# display name works
Grant-CsApplicationAccessPolicy -PolicyName "Recorder" -Identity "Lee Gu"
Get-CsOnlineUser -Identity "Lee Gu" | Select-Object DisplayName, ApplicationAccessPolicy

# policy name typo
Grant-CsApplicationAccessPolicy -PolicyName "Recoder" -Identity "lee.gu@contoso.onmicrosoft.com"
$Error.Count
$Error[0].FullyQualifiedErrorId
$Error[0].CategoryInfo.Category

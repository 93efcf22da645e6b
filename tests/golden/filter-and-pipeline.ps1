Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity "Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
New-CsApplicationAccessPolicy -Identity "Recorder" | Out-Null
# Get's -Filter is a wildcard over the Identity.
Get-CsApplicationAccessPolicy -Filter "tag:*"
Get-CsApplicationAccessPolicy -Filter "*rec*"
# Users resolve by object id, UPN (any case), SIP address or display name.
Grant-CsApplicationAccessPolicy -PolicyName "Bot" -Identity "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
Grant-CsApplicationAccessPolicy -PolicyName "tag:bot" -Identity "ALEX.WILBER@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName "Recorder" -Identity "sip:lee.gu@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy "Adele Vance" "Recorder"
Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'Bot'" | Select-Object DisplayName, ApplicationAccessPolicy
Get-CsOnlineUser -Filter {ApplicationAccessPolicy -ne $null} | Select-Object -ExpandProperty UserPrincipalName
# One policy per user: a new grant replaces the old one.
Get-CsOnlineUser -Identity "Lee Gu" | Grant-CsApplicationAccessPolicy -PolicyName "Bot"
Get-CsOnlineUser -Identity "lee.gu@contoso.onmicrosoft.com" | Select-Object DisplayName, ApplicationAccessPolicy
# -ResultSize takes a count or Unlimited, as in the Teams module; anything else fails to bind.
(Get-CsOnlineUser -ResultSize Unlimited).Count
Get-CsOnlineUser -ResultSize 2 | ForEach-Object DisplayName
Get-CsOnlineUser -ResultSize lots

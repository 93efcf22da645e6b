# P3: the Tag: prefix. Output shows Tag:, PolicyName wants the bare name.
$policyName = "CalendarAccess"
Connect-MicrosoftTeams | Out-Null
$p = New-CsApplicationAccessPolicy -Identity $policyName -AppIds "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918"
Write-Host "New returned identity: $($p.Identity)"

# copy-pasted the Identity shown above
Grant-CsApplicationAccessPolicy -PolicyName $p.Identity -Identity "adele.vance@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName "Tag:$policyName" -Identity "pradeep.gupta@contoso.onmicrosoft.com"

Get-CsApplicationAccessPolicy -Identity "Tag:$policyName" | Select-Object Identity
Get-CsApplicationAccessPolicy -Identity "tag:calendaraccess" | Select-Object -ExpandProperty Identity

$tagged = Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'Tag:CalendarAccess'"
Write-Host "Filter on Tag:CalendarAccess found $(@($tagged).Count) user(s)"
$bare = Get-CsOnlineUser -Filter "ApplicationAccessPolicy -eq 'CalendarAccess'"
Write-Host "Filter on CalendarAccess found $(@($bare).Count) user(s)"
Get-CsOnlineUser -Identity adele.vance@contoso.onmicrosoft.com | Format-List DisplayName, ApplicationAccessPolicy

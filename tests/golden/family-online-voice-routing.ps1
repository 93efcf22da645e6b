# The OnlineVoiceRoutingPolicy family, built from its catalog declaration: create, read, change, grant (user,
# group with rank, tenant), the user object and the assignment views, remove; and the errors.
Connect-MicrosoftTeams | Out-Null
$megan = "megan.bowen@contoso.onmicrosoft.com"
New-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy -OnlinePstnUsages "Long Distance" -Description "created by the golden" | Format-List Identity, Description, OnlinePstnUsages
Get-CsOnlineVoiceRoutingPolicy -Identity "Tag:RedmondOnlineVoiceRoutingPolicy" | Format-List Identity, OnlinePstnUsages
Set-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy -OnlinePstnUsages @{Add="Local"}
Get-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy | Format-List Identity, OnlinePstnUsages
(Get-CsOnlineVoiceRoutingPolicy).Identity
Get-CsOnlineVoiceRoutingPolicy -Filter "*Redm*" | Select-Object -ExpandProperty Identity
Grant-CsOnlineVoiceRoutingPolicy -Identity $megan -PolicyName RedmondOnlineVoiceRoutingPolicy
(Get-CsOnlineUser -Identity $megan).OnlineVoiceRoutingPolicy
Get-CsOnlineUser -Filter "OnlineVoiceRoutingPolicy -eq 'RedmondOnlineVoiceRoutingPolicy'" | Select-Object UserPrincipalName
Get-CsUserPolicyAssignment -Identity $megan -PolicyType OnlineVoiceRoutingPolicy | Format-List PolicyType, PolicyName
Grant-CsOnlineVoiceRoutingPolicy -Group "Webinar Hosts" -PolicyName RedmondOnlineVoiceRoutingPolicy -Rank 1
Get-CsGroupPolicyAssignment -PolicyType OnlineVoiceRoutingPolicy | Format-List PolicyType, PolicyName, Rank
Grant-CsOnlineVoiceRoutingPolicy -Global -PolicyName RedmondOnlineVoiceRoutingPolicy
# Only the tenant grant applies to Alex: Get-CsUserPolicyAssignment lists nothing, the user object shows no direct grant.
Get-CsUserPolicyAssignment -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyType OnlineVoiceRoutingPolicy | Format-List PolicyName, PolicySource
# Errors: a value the setting does not take, a policy that does not exist, Global cannot go.
Set-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy -OnlinePstnUsages @{Replace=1}
Grant-CsOnlineVoiceRoutingPolicy -Identity $megan -PolicyName NoSuchPolicy
Remove-CsOnlineVoiceRoutingPolicy -Identity Global
# Unassign everywhere, then remove.
Grant-CsOnlineVoiceRoutingPolicy -Identity $megan -PolicyName $null
Grant-CsOnlineVoiceRoutingPolicy -Group "Webinar Hosts" -PolicyName $null
Grant-CsOnlineVoiceRoutingPolicy -Global -PolicyName $null
"user now: [$((Get-CsOnlineUser -Identity $megan).OnlineVoiceRoutingPolicy)]"
Remove-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy
(Get-CsOnlineVoiceRoutingPolicy).Identity
Get-CsOnlineVoiceRoutingPolicy -Identity RedmondOnlineVoiceRoutingPolicy

# The Graph side of registering an app around the policy: the organization, an app registration
# and its service principal, the application permission consented through an app role
# assignment (which then decides the app's Graph calls), delegated OAuth2 grants, joined teams,
# changes and removal.
Connect-MicrosoftTeams | Out-Null
Connect-MgGraph -Scopes Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All, DelegatedPermissionGrant.ReadWrite.All -NoWelcome
Get-MgOrganization | Format-List Id, DisplayName
$app = New-MgApplication -DisplayName "Recorder bot" -SignInAudience AzureADMyOrg
$sp = New-MgServicePrincipal -AppId $app.AppId
"sp for app: $($sp.AppId -eq $app.AppId)"
Get-MgServicePrincipal -ServicePrincipalId $sp.Id | Format-List DisplayName, ServicePrincipalType
$graph = Get-MgServicePrincipal -Filter "appId eq '00000003-0000-0000-c000-000000000000'"
$graph.DisplayName
$role = $graph.AppRoles | Where-Object Value -eq "OnlineMeetings.ReadWrite.All"
$role.Value
# Before consent, the app's Graph call fails even with a policy.
New-CsApplicationAccessPolicy -Identity Recorder -AppIds $app.AppId | Out-Null
Grant-CsApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -PolicyName Recorder
(Test-EmuAppAccess -AppId $app.AppId -User megan.bowen@contoso.onmicrosoft.com).Write
$assignment = New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $graph.Id -AppRoleId $role.Id
$assignment | Format-List PrincipalDisplayName, ResourceDisplayName, PrincipalType
(Test-EmuAppAccess -AppId $app.AppId -User megan.bowen@contoso.onmicrosoft.com).Write
(Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id).Count
# Delegated grants.
$grant = New-MgOauth2PermissionGrant -ClientId $sp.Id -ConsentType AllPrincipals -ResourceId $graph.Id -Scope "User.Read"
Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id -Scope "User.Read Calendars.Read"
Get-MgOauth2PermissionGrant -Filter "clientId eq '$($sp.Id)'" | Format-List ConsentType, Scope
Remove-MgOauth2PermissionGrant -OAuth2PermissionGrantId $grant.Id
"grants left: $(@(Get-MgOauth2PermissionGrant -Filter "clientId eq '$($sp.Id)'").Count)"
# Teams a user belongs to.
Get-MgUserJoinedTeam -UserId megan.bowen@contoso.onmicrosoft.com | Format-Table DisplayName, IsArchived
# Change and remove the registration; the consent goes with it.
Update-MgApplication -ApplicationId $app.Id -DisplayName "Recorder bot v2" -Notes "renamed"
Get-MgApplication -ApplicationId $app.Id | Format-List DisplayName, Notes
Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -AppRoleAssignmentId $assignment.Id
(Test-EmuAppAccess -AppId $app.AppId -User megan.bowen@contoso.onmicrosoft.com).Write
Remove-MgApplication -ApplicationId $app.Id
Get-MgApplication -ApplicationId $app.Id
"apps named Recorder: $(@(Get-MgApplication | Where-Object DisplayName -like 'Recorder*').Count)"

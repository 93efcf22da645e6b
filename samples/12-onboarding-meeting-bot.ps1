# Onboarding a meeting bot as real setup scripts do: check the modules, register the app in
# Entra ID with the Graph permission it needs, give the organizers it works for a meeting policy
# that lets it record, and allow the app to act for them with an application access policy.
# Safe to run again on the same store: each step checks before it creates.
$ErrorActionPreference = 'Stop'
foreach ($m in 'MicrosoftTeams', 'Microsoft.Graph.Applications') {
    if (-not (Get-Module -ListAvailable -Name $m)) {
        Install-Module $m -Scope CurrentUser -Force
    }
}
Import-Module MicrosoftTeams
Connect-MgGraph -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All' -NoWelcome
Connect-MicrosoftTeams | Out-Null

# 1. The app registration and its service principal.
$appName = 'Contoso meeting recorder'
$app = Get-MgApplication -Filter "displayName eq '$appName'"
if (-not $app) {
    $app = New-MgApplication -DisplayName $appName -SignInAudience AzureADMyOrg
}
$sp = Get-MgServicePrincipal -Filter "appId eq '$($app.AppId)'"
if (-not $sp) {
    $sp = New-MgServicePrincipal -AppId $app.AppId
}

# 2. Admin consent for OnlineMeetings.ReadWrite.All (an app role of Microsoft Graph).
$graph = Get-MgServicePrincipal -Filter "appId eq '00000003-0000-0000-c000-000000000000'"
$role = $graph.AppRoles | Where-Object { $_.Value -eq 'OnlineMeetings.ReadWrite.All' }
$granted = Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id |
    Where-Object { $_.AppRoleId -eq $role.Id }
if (-not $granted) {
    New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id `
        -ResourceId $graph.Id -AppRoleId $role.Id | Out-Null
}

# 3. The meeting policy the organizers get: recording and transcription on, lobby for guests.
$meetingPolicy = 'Recorded-meetings'
if (-not (Get-CsTeamsMeetingPolicy -Identity $meetingPolicy -ErrorAction SilentlyContinue)) {
    New-CsTeamsMeetingPolicy -Identity $meetingPolicy -Description 'Organizers whose meetings the bot records' `
        -AllowCloudRecording $true -AllowTranscription $true -AutoAdmittedUsers EveryoneInCompanyExcludingGuests | Out-Null
}

# 4. The application access policy that lets the app act for them.
$accessPolicy = 'Meeting-recorder'
if (-not (Get-CsApplicationAccessPolicy -Identity $accessPolicy -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $accessPolicy -AppIds $app.AppId -Description $appName | Out-Null
}

# 5. Both policies to the organizers, one by one, as the onboarding list names them.
$organizers = 'megan.bowen@contoso.onmicrosoft.com', 'alex.wilber@contoso.onmicrosoft.com'
foreach ($upn in $organizers) {
    Grant-CsTeamsMeetingPolicy -Identity $upn -PolicyName $meetingPolicy
    Grant-CsApplicationAccessPolicy -Identity $upn -PolicyName $accessPolicy
}

# Check: what each organizer has now.
Get-CsOnlineUser -Filter "TeamsMeetingPolicy -eq '$meetingPolicy'" |
    Sort-Object UserPrincipalName |
    Format-Table UserPrincipalName, TeamsMeetingPolicy, ApplicationAccessPolicy
Get-CsTeamsMeetingPolicy -Identity $meetingPolicy | Format-List Identity, Description, AllowCloudRecording, AllowTranscription, AutoAdmittedUsers
Get-CsApplicationAccessPolicy -Identity $accessPolicy | Format-List Identity, Description
"App registered: $($app.DisplayName) ($((Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id).Count) Graph permission)"

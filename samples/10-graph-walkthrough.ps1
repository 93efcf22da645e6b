# Walkthrough: who may act for whom. A meeting bot, a group of users it serves, a policy granted
# to the group, and the Graph call that finally succeeds.
Connect-MicrosoftTeams | Out-Null
Connect-MgGraph -Scopes "User.ReadWrite.All", "Group.ReadWrite.All", "Application.ReadWrite.All" -NoWelcome

# 1. Register the app and give it the application permission (admin consent, offline). Run again
#    on the same store, the app, group and members of the last run are found and reused.
$app = Get-MgApplication | Where-Object DisplayName -eq "Standup bot" | Select-Object -First 1
if (-not $app) { $app = New-MgApplication -DisplayName "Standup bot" }
Grant-EmuAppPermission -AppId $app.AppId -Permission OnlineMeetings.ReadWrite.All

# 2. A security group of the users the bot schedules for.
$group = Get-MgGroup | Where-Object DisplayName -eq "Standup users" | Select-Object -First 1
if (-not $group) {
    $group = New-MgGroup -DisplayName "Standup users" -MailEnabled:$false -MailNickname standupusers -SecurityEnabled
    New-MgGroupMember -GroupId $group.Id -DirectoryObjectId "dc17674c-81d9-4adb-bfb2-8f6a442e4624"
    New-MgGroupMember -GroupId $group.Id -DirectoryObjectId "7a3c5e91-2d4f-4b68-9e1a-c0b3d5f7e829"
}

# 3. The policy lists the app; granting it to the group reaches every member. (A policy left by
#    the last run is ungranted and removed first.)
if (Get-CsApplicationAccessPolicy -Identity Standup-bot -ErrorAction SilentlyContinue) {
    Remove-CsGroupPolicyAssignment -GroupId $group.Id -PolicyType ApplicationAccessPolicy
    Remove-CsApplicationAccessPolicy -Identity Standup-bot
}
New-CsApplicationAccessPolicy -Identity Standup-bot -AppIds $app.AppId -Description "Standup bot"
Grant-CsApplicationAccessPolicy -PolicyName Standup-bot -Group $group.Id -Rank 1
Get-CsGroupPolicyAssignment -PolicyType ApplicationAccessPolicy | Format-Table GroupId, PolicyName, Rank

# Get-CsOnlineUser shows only direct grants; Get-CsUserPolicyAssignment shows the group route.
Get-CsOnlineUser -Identity alex.wilber@contoso.onmicrosoft.com | Format-Table DisplayName, ApplicationAccessPolicy
Get-CsUserPolicyAssignment -Identity alex.wilber@contoso.onmicrosoft.com -PolicyType ApplicationAccessPolicy | Select-Object -ExpandProperty PolicySource | Format-Table

# 4. Ask before calling: who may the bot act for, and why?
Test-EmuAppAccess -AppId $app.AppId -User alex.wilber@contoso.onmicrosoft.com, megan.bowen@contoso.onmicrosoft.com | Format-List User, Read, Write, Reason, MissingStep

# 5. Sign in as the app and create a meeting for a group member.
Connect-MgGraph -ClientId $app.AppId -TenantId contoso.onmicrosoft.com -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126" -NoWelcome
$meeting = New-MgUserOnlineMeeting -UserId alex.wilber@contoso.onmicrosoft.com -Subject "Daily standup" -StartDateTime "2026-11-27T09:00:00Z" -EndDateTime "2026-11-27T09:15:00Z"
$meeting | Format-List Subject, StartDateTime, EndDateTime
"Join link starts with: " + $meeting.JoinWebUrl.Substring(0, 56)

# The meeting was only a test: delete it, so a second run starts the same way.
Remove-MgUserOnlineMeeting -UserId alex.wilber@contoso.onmicrosoft.com -OnlineMeetingId $meeting.Id

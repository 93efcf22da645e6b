# The directory through the Microsoft Graph PowerShell SDK's cmdlets.
Get-MgUser -Top 1
Connect-MgGraph -Scopes "User.ReadWrite.All", "Group.ReadWrite.All", "Application.ReadWrite.All"
Get-MgUser -Filter "startswith(displayName,'A')"
Get-MgUser -UserId megan.bowen@contoso.onmicrosoft.com | Select-Object Id, DisplayName, AccountEnabled
$user = New-MgUser -DisplayName "Rene Magi" -PasswordProfile @{ Password = "xWwvJ]6NMw+bWH-d" } -AccountEnabled -MailNickname ReneMagi -UserPrincipalName ReneMagi@contoso.onmicrosoft.com
$user
New-MgUser -DisplayName "Rene Magi" -PasswordProfile @{ Password = "x" } -AccountEnabled -MailNickname ReneMagi -UserPrincipalName reneMAGI@contoso.onmicrosoft.com
New-MgUser -DisplayName "Outsider" -PasswordProfile @{ Password = "x" } -AccountEnabled -MailNickname out -UserPrincipalName out@fabrikam.com
$group = New-MgGroup -DisplayName "Meeting Bots Users" -MailEnabled:$false -MailNickname meetingbots -SecurityEnabled
$group
New-MgGroupMember -GroupId $group.Id -DirectoryObjectId $user.Id
New-MgGroupMember -GroupId $group.Id -DirectoryObjectId $user.Id
Get-MgGroupMember -GroupId $group.Id | Select-Object Id, @{ n = "UPN"; e = { $_.AdditionalProperties["userPrincipalName"] } }
Get-MgGroup -Filter "displayName eq 'Webinar Hosts'"
$app = New-MgApplication -DisplayName "Meeting bot"
$app
Get-MgApplication -Filter "appId eq '$($app.AppId)'" | Select-Object DisplayName, AppId
Get-MgApplication | Format-Table DisplayName, AppId
Remove-MgGroupMemberByRef -GroupId $group.Id -DirectoryObjectId $user.Id -PassThru
Remove-MgGroupMemberByRef -GroupId $group.Id -DirectoryObjectId $user.Id
Remove-MgUser -UserId $user.Id -PassThru
Get-MgUser -UserId $user.Id
Get-MgUser -Filter "jobTitle gt 'x'"

# RBAC for Applications: service principal, management scope, role assignment, authorization
# test; and the Graph mailbox calls it decides, with the Exchange propagation delay.
Connect-ExchangeOnline -ShowBanner:$false
$app = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
New-ServicePrincipal -AppId $app -ObjectId "6233fba6-0198-4277-892f-9275bf728bcc" -DisplayName "Scheduling service"
New-ServicePrincipal -AppId $app -ObjectId "6233fba6-0198-4277-892f-9275bf728bcc"
New-ServicePrincipal -AppId "nope" -ObjectId "6233fba6-0198-4277-892f-9275bf728bcc"
Get-ServicePrincipal | Format-Table DisplayName, AppId
New-ManagementScope -Name "Sales mailboxes" -RecipientRestrictionFilter "MemberOfGroup -eq 'Sales Team'"
New-ManagementScope -Name "Broken" -RecipientRestrictionFilter "Department -eq"
New-ManagementRoleAssignment -App "Scheduling service" -Role "Application Calendars.Read" -CustomResourceScope "Sales mailboxes"
New-ManagementRoleAssignment -App "Scheduling service" -Role "Application Teleport.All"
New-ManagementRoleAssignment -App "Nobody" -Role "Application Mail.Read"
New-ManagementRoleAssignment -App $app -Role "Application Mail.Read" -CustomResourceScope "Missing scope"
New-ManagementRoleAssignment -App $app -Role "Application MailboxSettings.Read" -Name "Settings everywhere" | Format-Table Name, Role, CustomResourceScope
Get-ManagementRoleAssignment -RoleAssignee "Scheduling service" | Format-Table Name, Role, RoleAssigneeType
Test-ServicePrincipalAuthorization -Identity "Scheduling service" | Format-Table
Test-ServicePrincipalAuthorization -Identity "Scheduling service" -Resource alex.wilber@contoso.onmicrosoft.com | Format-Table
Test-ServicePrincipalAuthorization -Identity "Scheduling service" -Resource megan.bowen@contoso.onmicrosoft.com | Format-Table RoleName, InScope
Remove-ManagementScope -Identity "Sales mailboxes" -Confirm:$false
Test-EmuAppAccess -AppId $app -User alex.wilber@contoso.onmicrosoft.com, megan.bowen@contoso.onmicrosoft.com -Resource Calendars
# Graph, as the app (it has no Entra mailbox permission: only RBAC decides).
Connect-MgGraph -ClientId $app -TenantId contoso.onmicrosoft.com -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126" -NoWelcome
Get-MgUserEvent -UserId alex.wilber@contoso.onmicrosoft.com
"events for Alex: ok"
Get-MgUserEvent -UserId megan.bowen@contoso.onmicrosoft.com
Get-MgUserMailboxSetting -UserId megan.bowen@contoso.onmicrosoft.com | Format-List TimeZone, DateFormat
Get-MgUserMessage -UserId megan.bowen@contoso.onmicrosoft.com
Send-MgUserMail -UserId alex.wilber@contoso.onmicrosoft.com -BodyParameter @{ message = @{ subject = "Hi" } }
Invoke-MgGraphRequest -Uri "/v1.0/users/nobody@contoso.onmicrosoft.com/events"
Invoke-MgGraphRequest -Uri "/v1.0/users/alex.wilber@contoso.onmicrosoft.com/events/AAMkAD" -SkipHttpErrorCheck -StatusCodeVariable status -OutputType Json
"status $status"
Invoke-MgGraphRequest -Method POST -Uri "/v1.0/users/alex.wilber@contoso.onmicrosoft.com/events" -Body @{ subject = "x" }
# The Exchange propagation delay: a removal reaches Graph an hour later.
Set-EmuPropagationDelay -Service Exchange -Minutes 60
Remove-ManagementRoleAssignment -Identity "Application Calendars.Read-Scheduling service" -Confirm:$false
Get-MgUserEvent -UserId alex.wilber@contoso.onmicrosoft.com
"still allowed: the change has not reached Graph"
Test-EmuAppAccess -AppId $app -User alex.wilber@contoso.onmicrosoft.com -Resource Calendars | Format-List Read, Mechanism, TakesEffect
Start-Sleep -Seconds 3601
Get-MgUserEvent -UserId alex.wilber@contoso.onmicrosoft.com
Remove-ServicePrincipal -Identity "Scheduling service" -Confirm:$false
Get-ManagementRoleAssignment

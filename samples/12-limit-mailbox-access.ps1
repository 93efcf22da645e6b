# Walkthrough: "Limiting application permissions to specific Exchange Online mailboxes" (Microsoft
# Graph docs), step by step, then the same limit with RBAC for Applications and a management
# scope. The mailbox twin of 10-graph-walkthrough: these policies decide mail, calendar, contacts
# and mailbox-settings calls, never online meetings.
Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome

# The daemon app: application permission Mail.Read (admin consent), so by default it can read
# every mailbox in the organization. Run again on the same store, the app and group of the last
# run are found and reused (the end of the script removes what else it made).
$app = Get-MgApplication | Where-Object DisplayName -eq "Mail archiver" | Select-Object -First 1
if (-not $app) { $app = New-MgApplication -DisplayName "Mail archiver" }
Grant-EmuAppPermission -AppId $app.AppId -Permission Mail.Read

# 1. Connect to Exchange Online PowerShell.
Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false

# 2. Identify the app's client ID and a mail-enabled security group to restrict the app's access to.
if (-not (Get-DistributionGroup -Identity evenusers@contoso.onmicrosoft.com -ErrorAction SilentlyContinue)) {
    New-DistributionGroup -Name "EvenUsers" -Alias evenusers -Type Security -Members megan.bowen@contoso.onmicrosoft.com, lee.gu@contoso.onmicrosoft.com | Out-Null
}
Get-DistributionGroup -Identity evenusers@contoso.onmicrosoft.com | Format-Table Name, GroupType, PrimarySmtpAddress
Get-Recipient -Identity evenusers@contoso.onmicrosoft.com | Format-List Name, RecipientTypeDetails, IsValidSecurityPrincipal

# 3. Create an application access policy.
New-ApplicationAccessPolicy -AppId $app.AppId -PolicyScopeGroupId evenusers@contoso.onmicrosoft.com -AccessRight RestrictAccess -Description "Restrict this app to members of distribution group EvenUsers."

# 4. Test the newly created application access policy.
Test-ApplicationAccessPolicy -Identity megan.bowen@contoso.onmicrosoft.com -AppId $app.AppId
Test-ApplicationAccessPolicy -Identity alex.wilber@contoso.onmicrosoft.com -AppId $app.AppId

# The Graph calls, as the app: a mailbox in the group succeeds, one outside it fails with the
# documented body.
Connect-MgGraph -ClientId $app.AppId -TenantId contoso.onmicrosoft.com -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126" -NoWelcome
$inbox = Invoke-MgGraphRequest -Method GET -Uri "/v1.0/users/megan.bowen@contoso.onmicrosoft.com/messages"
"Megan's messages: $($inbox.value.Count)"
try {
    Invoke-MgGraphRequest -Method GET -Uri "/v1.0/users/alex.wilber@contoso.onmicrosoft.com/messages"
} catch {
    # The response body is the last line of the error's details.
    $body = ($_.Exception.Message -split "`n")[-1] | ConvertFrom-Json
    "Alex's mailbox: 403 $($body.error.code): $($body.error.message)"
}
Get-MgUserMessage -UserId alex.wilber@contoso.onmicrosoft.com -ErrorAction SilentlyContinue -ErrorVariable denied
"Get-MgUserMessage: $($denied[0].FullyQualifiedErrorId)"

# Which mechanism decided, and the fix:
Test-EmuAppAccess -AppId $app.AppId -User alex.wilber@contoso.onmicrosoft.com -Resource Mail | Format-List User, Read, Mechanism, Fix

# The same limit with RBAC for Applications: remove the unscoped Entra permission and the policy,
# point Exchange at the app's service principal, scope a role to a management scope.
Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome
Revoke-EmuAppPermission -AppId $app.AppId -Permission Mail.Read
Get-ApplicationAccessPolicy | Remove-ApplicationAccessPolicy -Confirm:$false
New-ServicePrincipal -AppId $app.AppId -ObjectId "6233fba6-0198-4277-892f-9275bf728bcc" -DisplayName "Mail archiver" | Format-Table DisplayName, AppId
New-ManagementScope -Name "EvenUsers mailboxes" -RecipientRestrictionFilter "MemberOfGroup -eq 'EvenUsers'" | Format-Table Name, RecipientFilter
New-ManagementRoleAssignment -App "6233fba6-0198-4277-892f-9275bf728bcc" -Role "Application Mail.Read" -CustomResourceScope "EvenUsers mailboxes" | Format-Table Name, Role, CustomResourceScope
Test-ServicePrincipalAuthorization -Identity "Mail archiver" -Resource lee.gu@contoso.onmicrosoft.com | Format-Table RoleName, AllowedResourceScope, InScope
Test-ServicePrincipalAuthorization -Identity "Mail archiver" -Resource alex.wilber@contoso.onmicrosoft.com | Format-Table RoleName, AllowedResourceScope, InScope

Connect-MgGraph -ClientId $app.AppId -TenantId contoso.onmicrosoft.com -CertificateThumbprint "F8813914053FBFB5D84F1EFA9EDB3205621C1126" -NoWelcome
$inbox = Invoke-MgGraphRequest -Method GET -Uri "/v1.0/users/lee.gu@contoso.onmicrosoft.com/messages"
"Lee's messages: $($inbox.value.Count)"
try {
    Invoke-MgGraphRequest -Method GET -Uri "/v1.0/users/alex.wilber@contoso.onmicrosoft.com/messages"
} catch {
    # The response body is the last line of the error's details.
    $body = ($_.Exception.Message -split "`n")[-1] | ConvertFrom-Json
    "Alex's mailbox: 403 $($body.error.code): $($body.error.message)"
}
Test-EmuAppAccess -AppId $app.AppId -User lee.gu@contoso.onmicrosoft.com, alex.wilber@contoso.onmicrosoft.com -Resource Mail | Format-List User, Read, Mechanism, Fix
# Clean up, so a second run starts the same way.
Connect-MgGraph -Scopes "Application.ReadWrite.All" -NoWelcome
Remove-ManagementRoleAssignment -Identity "Application Mail.Read-Mail archiver" -Confirm:$false
Remove-ManagementScope -Identity "EvenUsers mailboxes" -Confirm:$false
Remove-ServicePrincipal -Identity "Mail archiver" -Confirm:$false
Disconnect-ExchangeOnline -Confirm:$false

# usage.md F1-F8: every way real scripts connect.
# F8: a probe before connecting.
try { Get-CsTenant -ErrorAction Stop | Out-Null; Write-Host "already connected" }
catch { Write-Host "not connected yet: $($_.Exception.Message)"; Connect-MicrosoftTeams | Out-Null }
try { Get-CsTenant -ErrorAction Stop | Out-Null; Write-Host "connected now" } catch { Write-Host "still not connected" }

# F1: interactive (the default output is the account table).
Connect-MicrosoftTeams
# F2: a tenant id.
Connect-MicrosoftTeams -TenantId "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58" | Out-Null
# F3: device code.
Connect-MicrosoftTeams -UseDeviceAuthentication | Out-Null
# F4: a credential, prompted (fixed offline credential under -NonInteractive) or built.
$cred = Get-Credential
Connect-MicrosoftTeams -Credential $cred | Out-Null
$cred.UserName
$pass = ConvertTo-SecureString "P@ssw0rd!" -AsPlainText -Force
$cred2 = New-Object System.Management.Automation.PSCredential ("admin@contoso.onmicrosoft.com", $pass)
$cred3 = New-Object -TypeName PSCredential -ArgumentList "admin@contoso.onmicrosoft.com", $pass
$cred4 = [PSCredential]::new("admin@contoso.onmicrosoft.com", $pass)
Connect-MicrosoftTeams -Credential $cred2 | Out-Null
$cred3.UserName, $cred4.UserName, $pass.GetType().FullName
# F5: app-only with a certificate thumbprint.
Connect-MicrosoftTeams -CertificateThumbprint "0123456789ABCDEF0123456789ABCDEF01234567" -ApplicationId "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" -TenantId "contoso.onmicrosoft.com" | Out-Null
# F6: access tokens.
Connect-MicrosoftTeams -AccessTokens @("graph-token", "teams-token") | Out-Null
# F7: managed identity.
Connect-MicrosoftTeams -Identity | Out-Null
Get-CsTenant | Select-Object DisplayName, TenantId
Disconnect-MicrosoftTeams
# A password in plain text is not a SecureString.
New-Object PSCredential ("admin@contoso.onmicrosoft.com", "P@ssw0rd!")

# Unattended: app-only auth with a certificate, run from the scheduler
$TenantId   = "5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58"
$ClientId   = "13579bdf-2468-4ace-8bdf-0123456789ab"
$Thumbprint = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678"

Connect-MicrosoftTeams -CertificateThumbprint $Thumbprint -ApplicationId $ClientId -TenantId $TenantId | Out-Null
Write-Host "Connected (app-only)"
Disconnect-MicrosoftTeams

# fallback: service account
$user = "svc-teams@contoso.onmicrosoft.com"
$password = ConvertTo-SecureString "P@ssw0rd!" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ($user, $password)
Connect-MicrosoftTeams -Credential $cred | Out-Null
Write-Host "Connected as $($cred.UserName)"

$cred2 = New-Object -TypeName PSCredential -ArgumentList $user, $password
Write-Host "Second credential for $($cred2.UserName): $($cred2.Password.GetType().Name)"

Get-CsApplicationAccessPolicy -Identity Global | Format-List Identity, AppIds
Disconnect-MicrosoftTeams
Get-CsApplicationAccessPolicy
Write-Host "still running after the error"

<#
    teams-access-policy.ps1
    Adds the Bext meeting bot to the existing access policy and grants it to the automation account.
#>
$ErrorActionPreference = 'Stop'

$AppId      = '2b7f4c1e-9a3d-4e6b-8f0a-1c5d7e9b3a24'
$PolicyName = 'Bext-Meetings'
$Account    = 'admin@contoso.onmicrosoft.com'

if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) {
    Write-Host 'Installing MicrosoftTeams module...'
    Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber
}
Import-Module MicrosoftTeams
Connect-MicrosoftTeams | Out-Null

# first run created the policy with the app already in it
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId -Description 'Bext bot' | Out-Null

$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($policy) {
    Write-Host "Policy exists with apps: $($policy.AppIds -join ', ')"
    # add our app (second run: already there)
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{ add = $AppId } -ErrorAction SilentlyContinue
}

Write-Host "Granting $PolicyName to $Account"
Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $Account
Write-Host 'All done' -ForegroundColor Green

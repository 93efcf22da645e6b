# Application access policy for NoteIQ
# Run this once as a Teams admin. Requires the MicrosoftTeams module.
#
#   1. Fill in the variables below
#   2. Run: ./01-noteiq-setup.ps1

$appId      = "6e1c2a9b-4f7d-4e3a-9b8c-0d2f1e3a5b7c"   # NoteIQ bot app registration (client id)
$policyName = "NoteIQ-Policy"
$userId     = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"   # object id of the organiser (Megan)

Import-Module MicrosoftTeams
Connect-MicrosoftTeams -UseDeviceAuthentication

# Create the policy (skip if it already exists)
$existing = Get-CsApplicationAccessPolicy -Identity $policyName -ErrorAction SilentlyContinue
if ($existing) {
    Write-Host "Policy $policyName already exists, adding app id"
    Set-CsApplicationAccessPolicy -Identity $policyName -AppIds @{Add = $appId}
} else {
    New-CsApplicationAccessPolicy `
        -Identity $policyName `
        -AppIds $appId `
        -Description "Allow NoteIQ to read online meetings and transcripts"
}

# Grant to the organiser
Grant-CsApplicationAccessPolicy -Identity $userId -PolicyName $policyName

# Verify
Get-CsOnlineUser -Identity $userId |
    Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy

Write-Host "`nDone. It can take up to 30 minutes for the policy to apply."

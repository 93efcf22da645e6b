# bootstrap-teams-policies.ps1
# Makes sure the meeting fetcher app is in the access policy and the policy is granted to the
# mailboxes we fetch meetings for. Safe to re-run.

$TenantId   = $env:TEAMS_TENANT_ID
$AppId      = "4f9a2c7e-1b3d-4e5f-8a6b-9c0d1e2f3a4b"
$PolicyName = "Meeting-Fetcher-Policy"
$Mailboxes  = "megan.bowen@contoso.onmicrosoft.com", "alex.wilber@contoso.onmicrosoft.com"

# Reuse an existing session if there is one
try {
    Get-CsTenant -ErrorAction Stop | Out-Null
    Write-Host "Already connected to Teams"
}
catch {
    Write-Host "Connecting to Teams..."
    Connect-MicrosoftTeams | Out-Null
}

$policy = $null
try { $policy = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction Stop } catch { }

if ($policy) {
    $existingAppIds = @($policy.AppIds)
    if ($existingAppIds -notcontains $AppId) {
        Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds ($existingAppIds + $AppId)
    }
} else {
    # seed with the old fetcher too so both keep working during the migration
    New-CsApplicationAccessPolicy -Identity $PolicyName `
        -AppIds "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", $AppId `
        -Description "Teams meeting fetcher" | Out-Null
}

$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName
Write-Host "Policy $($policy.Identity) allows: $($policy.AppIds -join ', ')"

foreach ($mb in $Mailboxes) {
    $params = @{
        PolicyName = $PolicyName
        Identity   = $mb
    }
    Grant-CsApplicationAccessPolicy @params
    Write-Host "  granted to $mb"
}

Get-CsUserPolicyAssignment -Identity $Mailboxes[0] -PolicyType ApplicationAccessPolicy

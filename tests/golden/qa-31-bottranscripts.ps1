[CmdletBinding()]
param(
    [string]$AppId = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
    [string]$PolicyName = "Bot-Transcripts",
    [string]$Organiser = "megan.bowen@contoso.onmicrosoft.com"
)

Connect-MicrosoftTeams | Out-Null

# a previous version of the bot used another app id
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds "99999999-8888-4777-8666-555555555555" | Out-Null

$existing = Get-CsApplicationAccessPolicy -Identity $PolicyName -ErrorAction SilentlyContinue
if ($null -eq $existing) {
    Write-Verbose "creating"
    New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $AppId | Out-Null
}
elseif ($existing.AppIds -notcontains $AppId) {
    Write-Warning "Policy $PolicyName exists without $AppId; adding it"
    Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds (@($existing.AppIds) + $AppId)
}
else {
    Write-Output "Policy already correct"
}

$current = Get-CsApplicationAccessPolicy -Identity $PolicyName
if ($current.AppIds.Count -ne 2) {
    Write-Error "Expected 2 app ids, found $($current.AppIds.Count)"
}
$assignment = Get-CsUserPolicyAssignment -Identity $Organiser -PolicyType ApplicationAccessPolicy
if ($assignment.PolicyName -eq $PolicyName) {
    Write-Output "$Organiser already has $PolicyName"
} else {
    Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $Organiser
    Write-Output "Granted $PolicyName to $Organiser"
}
$current
Write-Error "Remember to restart the bot service"
Write-Output "end"

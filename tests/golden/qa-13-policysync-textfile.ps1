# teams-policy-sync: grant the sync app's policy to every user in a text file
param(
    [string]$UserFile = "$PSScriptRoot/qa-policysync-users.txt"
)

$appId = $env:TEAMS_POLICY_APP_ID
if (-not $appId) { $appId = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e" }
$policyName = if ($env:TEAMS_POLICY_NAME) { $env:TEAMS_POLICY_NAME } else { "PolicySync" }

Connect-MicrosoftTeams | Out-Null

if (-not (Get-CsApplicationAccessPolicy -Identity $policyName -ErrorAction SilentlyContinue)) {
    New-CsApplicationAccessPolicy -Identity $policyName -AppIds $appId | Out-Null
}

$users = Get-Content -Path $UserFile | Where-Object { $_ -and $_.Trim().Length -gt 0 }
$ok = 0; $failed = 0
foreach ($user in $users) {
    $user = $user.Trim().ToLower()
    Grant-CsApplicationAccessPolicy -PolicyName $policyName -Identity $user -ErrorAction SilentlyContinue
    if ($?) { $ok++ } else { $failed++; Write-Warning "could not grant to $user" }
}
"{0} granted, {1} failed, {2} errors recorded" -f $ok, $failed, $Error.Count
$Error[0].Exception.Message

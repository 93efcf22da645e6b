# usage.md §3 B: variables, arrays and hashtables (B1-B10; Read-Host in B3 is covered with the
# input cmdlets).
param(
    # B2 values from param() defaults
    [string]$PolicyName = 'AAMC-RPL-TranscriptReader'
)
Connect-MicrosoftTeams | Out-Null

# B1 variables at the top of the script
$appId = "1f0e5a2c-7d4b-4c1e-9a3f-5b8e2d6c0a17"
$userId = "megan.bowen@contoso.onmicrosoft.com"
New-CsApplicationAccessPolicy -Identity $PolicyName -AppIds $appId -Description "Transcripts" | Out-Null

# B3 values from the environment (unset here, so the fallback is used)
$fromEnv = $env:TEAMS_POLICY_APP_ID
if (-not $fromEnv) { $fromEnv = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" }
"env fallback: $fromEnv"

# B4 @() array literal
$orgs = @($userId, 'adele.vance@contoso.onmicrosoft.com')
foreach ($u in @($orgs)) { Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity $u }
"granted to $($orgs.Count) users"

# B5 array concatenation to add an app
$policy = Get-CsApplicationAccessPolicy -Identity $PolicyName
Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds (@($policy.AppIds) + $fromEnv)
$existingAppIds = (Get-CsApplicationAccessPolicy -Identity $PolicyName).AppIds
($existingAppIds + "0d8f2a6c-4b1e-4c3a-9f7d-2e5b8a1c6f30").Count

# B6 PSListModifier hashtable, with the key case used in scripts
Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{ add = "c3e7a9b1-2d4f-4a6c-8e0b-1f3d5a7c9e2b" }
Set-CsApplicationAccessPolicy -Identity $PolicyName -AppIds @{Remove = $fromEnv}
(Get-CsApplicationAccessPolicy -Identity $PolicyName).AppIds -join ', '

# B7 $null as a parameter value
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity $userId
(Get-CsOnlineUser -Identity $userId).ApplicationAccessPolicy -eq $null

# B8 splatting a hashtable
$grantArgs = @{
    PolicyName = $PolicyName
    Identity   = "lee.gu@contoso.onmicrosoft.com"
}
Grant-CsApplicationAccessPolicy @grantArgs
(Get-CsOnlineUser -Identity "lee.gu@contoso.onmicrosoft.com").ApplicationAccessPolicy

# B9 a [string[]] parameter fed by a comma list
function Grant-Many([string[]]$UserPrincipalNames, [string]$Policy) {
    foreach ($upn in $UserPrincipalNames) { Grant-CsApplicationAccessPolicy -PolicyName $Policy -Identity $upn }
    $UserPrincipalNames.Count
}
Grant-Many -UserPrincipalNames "nestor.wilke@contoso.onmicrosoft.com","patti.fernandez@contoso.onmicrosoft.com" -Policy $PolicyName

# B10 property access, .Count, methods, $_.Exception.Message
$User = Get-CsOnlineUser -Identity "  nestor.wilke@contoso.onmicrosoft.com ".Trim()
$User.UserPrincipalName
$GroupMembers = Get-CsOnlineUser
"members: $($GroupMembers.Count)"
$GroupMembers.UserPrincipalName.ToUpper()[0]
try { Grant-CsApplicationAccessPolicy -PolicyName $PolicyName -Identity "ghost@contoso.onmicrosoft.com" -ErrorAction Stop }
catch { "failed: $($_.Exception.Message)" }

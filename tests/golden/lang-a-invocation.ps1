# usage.md §3 A: invocation, quoting and line layout (A1-A13; A3's literal <APP_ID> is the
# parse-app-id-placeholder golden, a backtick followed by a space is parse-backtick-space).
Connect-MicrosoftTeams | Out-Null

# A1 named parameters, double-quoted name and GUID
New-CsApplicationAccessPolicy -Identity "Ops-Bot" -AppIds "1f0e5a2c-7d4b-4c1e-9a3f-5b8e2d6c0a17" -Description "Ops bot access"

# A2 bare policy names; A3 an unquoted GUID in argument mode is a string
New-CsApplicationAccessPolicy -Identity Test-policy -AppIds 6b2f4e1d-3c5a-4f7e-8d9b-0a1c2e3f4b5d | Out-Null
Get-CsApplicationAccessPolicy -Identity Test-policy | Format-List Identity, AppIds

# A4 single-quoted strings
$policy = Get-CsApplicationAccessPolicy -Identity 'Ops-Bot'
Write-Host 'Single-quoted: $policy is not expanded'

# A5 comma-separated -AppIds list
New-CsApplicationAccessPolicy -Identity "Multi" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83", "5817674c-81d9-4adb-bfb2-8f6a442e4622", "c3e7a9b1-2d4f-4a6c-8e0b-1f3d5a7c9e2b" | Format-List Identity, AppIds

# A6 backtick line continuation
Grant-CsApplicationAccessPolicy `
    -PolicyName "Ops-Bot" `
    -Identity "adele.vance@contoso.onmicrosoft.com"

# A7 line break after a pipe
Get-CsOnlineUser -Identity "adele.vance@contoso.onmicrosoft.com" |
    Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy

# A8 multi-line script block in Where-Object
Get-CsApplicationAccessPolicy | Where-Object {
    $_.AppIds -contains "5817674c-81d9-4adb-bfb2-8f6a442e4622"
} | Format-List Identity

# A9 -Identity before -PolicyName on Grant
Grant-CsApplicationAccessPolicy -Identity "alex.wilber@contoso.onmicrosoft.com" -PolicyName "Ops-Bot"

# A10 statements joined by ';' and a one-line if/else
$name = "Ops-Bot"; $found = $false
if (Get-CsApplicationAccessPolicy -Identity $name -ErrorAction SilentlyContinue) { $found = $true } else { $found = $false }; "found: $found"

# A11 case-insensitive command and parameter names, aliases
get-csapplicationaccesspolicy -identity "ops-bot" | SELECT-OBJECT Identity, Description | ft

# A12 positional -Identity
Get-CsApplicationAccessPolicy Multi | Format-List Identity
Remove-CsApplicationAccessPolicy Multi

# A13 string interpolation in names
$Environment = "Prod"
$AppRegistrationId = "0d8f2a6c-4b1e-4c3a-9f7d-2e5b8a1c6f30"
New-CsApplicationAccessPolicy -Identity "Bookme-OnlineMeetingAccess-Policy-$Environment" -AppIds "$AppRegistrationId" | Format-List Identity, AppIds

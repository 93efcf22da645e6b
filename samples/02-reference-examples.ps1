# Every example of the five cmdlet reference pages (New-, Get-, Set-, Grant- and
# Remove-CsApplicationAccessPolicy), verbatim, in an order that works on one tenant.
Connect-MicrosoftTeams | Out-Null
# Run it again on the same store: the last run left ASimplePolicy (ungranted); take it back.
Remove-CsApplicationAccessPolicy -Identity "ASimplePolicy" -ErrorAction SilentlyContinue

# New-CsApplicationAccessPolicy: create a new application access policy with one app ID
New-CsApplicationAccessPolicy -Identity "ASimplePolicy" -AppIds "d39597bf-8407-40ca-92ef-1ec26b885b7b" -Description "Some description"

# Get-CsApplicationAccessPolicy: retrieve all application access policies
Get-CsApplicationAccessPolicy

# Get-CsApplicationAccessPolicy: retrieve specific application access policy
Get-CsApplicationAccessPolicy -Identity "ASimplePolicy"

# Set-CsApplicationAccessPolicy: add new app ID to the policy
Set-CsApplicationAccessPolicy -Identity "ASimplePolicy" -AppIds @{Add="5817674c-81d9-4adb-bfb2-8f6a442e4622"}
Get-CsApplicationAccessPolicy -Identity "ASimplePolicy"

# Set-CsApplicationAccessPolicy: remove app IDs from the policy
Set-CsApplicationAccessPolicy -Identity "ASimplePolicy" -AppIds @{Remove="5817674c-81d9-4adb-bfb2-8f6a442e4622"}
Get-CsApplicationAccessPolicy -Identity "ASimplePolicy"

# Grant-CsApplicationAccessPolicy: assign an application access policy to a user
# (The two Select-Object checks below print as one table, as in pwsh: same columns, same type.)
Grant-CsApplicationAccessPolicy -Identity "dc17674c-81d9-4adb-bfb2-8f6a442e4624" -PolicyName "ASimplePolicy"
Get-CsOnlineUser -Identity "dc17674c-81d9-4adb-bfb2-8f6a442e4624" | Select-Object DisplayName, ApplicationAccessPolicy

# Grant-CsApplicationAccessPolicy: unassign an application access policy from a user
Grant-CsApplicationAccessPolicy -Identity "dc17674c-81d9-4adb-bfb2-8f6a442e4624" -PolicyName $Null

# Grant-CsApplicationAccessPolicy: assign an application access policy to all users in the tenant
Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName "ASimplePolicy"
Get-CsOnlineUser | Select-Object DisplayName, ApplicationAccessPolicy

# Grant-CsApplicationAccessPolicy: assign to users who have not been assigned one
Grant-CsApplicationAccessPolicy -PolicyName "ASimplePolicy" -Global

# A policy still granted cannot be removed: take the grants back first.
Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName $Null
Grant-CsApplicationAccessPolicy -PolicyName $Null -Global

# Remove-CsApplicationAccessPolicy: remove an application access policy
Remove-CsApplicationAccessPolicy -Identity "ASimplePolicy"

# New-CsApplicationAccessPolicy: create a new application access policy with multiple app IDs
New-CsApplicationAccessPolicy -Identity "ASimplePolicy" -AppIds "d39597bf-8407-40ca-92ef-1ec26b885b71", "57caaef9-5ed0-48d5-8862-e5abfa71b3e1", "dc17674c-81d9-4adb-bfb2-8f6a442e4620" -Description "Some description"

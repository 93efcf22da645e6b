# A tour of the mistakes admins really make, and what PowerShell and the Teams module answer.
# Every statement fails on its own; the script goes on, as a real script would.
Connect-MicrosoftTeams | Out-Null
# Run it again on the same store: the last run left Meeting-Bot granted; start without it.
Grant-CsApplicationAccessPolicy -PolicyName $null -Identity "megan.bowen@contoso.onmicrosoft.com"
Remove-CsApplicationAccessPolicy -Identity "Meeting-Bot" -ErrorAction SilentlyContinue
New-CsApplicationAccessPolicy -Identity "Meeting-Bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null

# A typo in the cmdlet name.
Get-CsApplicationAccesPolicy -Identity "Meeting-Bot"

# The Exchange cmdlet of the same name (it has -AppId, not -AppIds).
New-ApplicationAccessPolicy -AppId "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"

# A typo in a parameter name, and a prefix that fits two parameters.
New-CsApplicationAccessPolicy -Identiy "Second" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
Grant-CsApplicationAccessPolicy -P "Meeting-Bot" -Identity "megan.bowen@contoso.onmicrosoft.com"

# -Identity (one user) and -Global (everyone) are different parameter sets.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot" -Identity "megan.bowen@contoso.onmicrosoft.com" -Global

# Forgetting the user: without -Identity (or -Group) the grant would reach the whole tenant, so
# the cmdlet asks first unless -Global says so. A script run with -NonInteractive cannot answer.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot"

# A switch does not take a separate $false: the $false is left over.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot" -Global $false

# Two app ids in one string are one (invalid) app id.
New-CsApplicationAccessPolicy -Identity "Two-Apps" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83, 5817674c-81d9-4adb-bfb2-8f6a442e4622"

# Creating a policy that already exists.
New-CsApplicationAccessPolicy -Identity "meeting-bot" -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"

# Granting a policy that does not exist, and granting to a user who does not exist.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bott" -Identity "megan.bowen@contoso.onmicrosoft.com"
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot" -Identity "megan.bowen@contoso.com"

# An undefined variable is $null, and a mandatory parameter refuses $null.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot" -Identity $UserId

# Adding an app id the policy already has is a terminating error.
Set-CsApplicationAccessPolicy -Identity "Meeting-Bot" -AppIds @{Add="a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"} -ErrorAction SilentlyContinue

# Passing a plain list to Set replaces the list: the first app is gone.
Set-CsApplicationAccessPolicy -Identity "Meeting-Bot" -AppIds "5817674c-81d9-4adb-bfb2-8f6a442e4622"
Get-CsApplicationAccessPolicy -Identity "Meeting-Bot"

# Removing a policy that is still granted.
Grant-CsApplicationAccessPolicy -PolicyName "Meeting-Bot" -Identity "megan.bowen@contoso.onmicrosoft.com"
Remove-CsApplicationAccessPolicy -Identity "Meeting-Bot"

# One argument too many, and a parameter without its value.
Remove-CsApplicationAccessPolicy "Meeting-Bot" "Other"
Get-CsApplicationAccessPolicy -Identity

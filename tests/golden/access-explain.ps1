# What Test-EmuAppAccess tells a person: one 80-column row per user and app (verdict and a short
# reason), and with -Detailed every missing step as a command on a line of its own, narrowest
# first; adding the app to the Global policy comes last, with whom it opens the app to.
Connect-MicrosoftTeams | Out-Null
$scheduler = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"
$recorder = "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20"
$megan = "megan.bowen@contoso.onmicrosoft.com"
$alex = "alex.wilber@contoso.onmicrosoft.com"
# Nothing granted: the Global policy applies; the narrow fix creates a policy for Megan alone.
Test-EmuAppAccess -AppId $scheduler -User $megan -Detailed
# A policy lists the app but is granted to someone else: grant it to Megan.
New-CsApplicationAccessPolicy -Identity Scheduling -AppIds $scheduler | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $alex
(Test-EmuAppAccess -AppId $scheduler -User $megan).MissingStep
# Several causes at once: no permission, and a direct policy that does not list the app.
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity $megan
Revoke-EmuAppPermission -AppId $scheduler -Permission OnlineMeetings.ReadWrite.All
Test-EmuAppAccess -AppId $recorder, $scheduler -User $megan -Detailed
Grant-EmuAppPermission -AppId $scheduler -Permission OnlineMeetings.ReadWrite.All
# A tenant-wide grant: adding the app to it opens it to everyone without a grant of their own.
New-CsApplicationAccessPolicy -Identity Everyone -AppIds $recorder | Out-Null
Grant-CsApplicationAccessPolicy -PolicyName Everyone -Global
Test-EmuAppAccess -AppId $scheduler -User adele.vance@contoso.onmicrosoft.com -Detailed
# A grant on its way: the verdict now, when it changes, and the wait as a command.
Set-EmuPropagationDelay -Minutes 30
Grant-CsApplicationAccessPolicy -PolicyName Scheduling -Identity adele.vance@contoso.onmicrosoft.com
Test-EmuAppAccess -AppId $scheduler -User adele.vance@contoso.onmicrosoft.com -Detailed
# The matrix fits 80 columns; scripts read the booleans.
Test-EmuAppAccess -User $megan, $alex, adele.vance@contoso.onmicrosoft.com
(Test-EmuAppAccess -AppId $scheduler -User $alex) | Format-List User, Access, Why, CanRead, CanCreate, MissingStep

# Grant without -Identity, -Group or -Global would reach the whole tenant: the real Grant cmdlets
# ask first ("If you do not specify the -Global parameter, you will be prompted to confirm the
# operation"). Under -NonInteractive the question is an error and nothing changes.
Connect-MicrosoftTeams | Out-Null
New-CsApplicationAccessPolicy -Identity Bot -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
$lee = "lee.gu@contoso.onmicrosoft.com"
# The user was forgotten. (A lone positional argument is the user: Identity has position 0.)
Grant-CsApplicationAccessPolicy -PolicyName Bot
Grant-CsApplicationAccessPolicy Bot
Get-EmuEffectivePolicy -User $lee | Format-Table Policy, Route
# -WhatIf only reports; -Global grants without a question.
Grant-CsApplicationAccessPolicy -PolicyName Bot -WhatIf
Grant-CsApplicationAccessPolicy -PolicyName Bot -Global
Get-EmuEffectivePolicy -User $lee | Format-Table Policy, Route
# Unassigning the tenant grant asks too, unless -Global says so.
Grant-CsApplicationAccessPolicy -PolicyName $null
Get-EmuEffectivePolicy -User $lee | Format-Table Policy, Route
Grant-CsApplicationAccessPolicy -PolicyName $null -Global
Get-EmuEffectivePolicy -User $lee | Format-Table Policy, Route

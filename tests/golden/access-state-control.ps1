# State control for trainers: snapshots, reset, undo, and the audit log.
Connect-MicrosoftTeams | Out-Null
$app = 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'
$megan = 'megan.bowen@contoso.onmicrosoft.com'

# A scenario: a policy granted to Megan, so the app may act for her.
New-CsApplicationAccessPolicy -Identity Meetings-App -AppIds $app | Out-Null
Save-EmuSnapshot -Name 'policy only'
Grant-CsApplicationAccessPolicy -PolicyName Meetings-App -Identity $megan
Save-EmuSnapshot -Name granted -PassThru | Format-Table Name, Users, Policies
(Test-EmuAppAccess -AppId $app -User $megan).Write

# Names: taken, kept for the undo snapshot, not usable as a file name.
Save-EmuSnapshot -Name GRANTED
Save-EmuSnapshot -Name previous
Save-EmuSnapshot -Name '../escape'
Save-EmuSnapshot -Name granted -Force -WhatIf

# Back to the demo tenant; the Graph side sees it at once.
Reset-EmuState
(Get-CsApplicationAccessPolicy | Measure-Object).Count
(Test-EmuAppAccess -AppId $app -User $megan).Write

# Undo the reset, then go to a named snapshot (any case).
Restore-EmuSnapshot Previous
(Get-CsOnlineUser $megan).ApplicationAccessPolicy
Restore-EmuSnapshot 'POLICY ONLY'
"after restore: '$((Get-CsOnlineUser $megan).ApplicationAccessPolicy)'"
(Test-EmuAppAccess -AppId $app -User $megan).Write
Restore-EmuSnapshot nothing-here

# A scenario file (a store file) instead of the demo tenant.
Reset-EmuState -Path tests/golden/access-group-ranks.setup.json
Get-CsGroupPolicyAssignment -PolicyType ApplicationAccessPolicy | Select-Object GroupId, PolicyName, Rank
# (The messages name the full path, which depends on the checkout: shown relative here.)
$checkout = $PSScriptRoot -replace '[\\/]tests[\\/]golden$', ''
foreach ($bad in 'no/such/file.json', 'tests/golden/access-state-control.ps1') {
    try { Reset-EmuState -Path $bad -ErrorAction Stop }
    catch { $_.Exception.Message.Replace($checkout, '.') }
}

Get-EmuSnapshot | Format-Table Name, Users, Groups, Policies
Remove-EmuSnapshot granted, missing
(Get-EmuSnapshot).Name -join ', '

# What the trainee did, and what failed.
Get-EmuAuditLog -Last 8 | Format-Table Command, Outcome, Parameters
Get-EmuAuditLog -Outcome Failed -Command Save-* | Format-List Command, Parameters, Error, Source, Text
Clear-EmuAuditLog
(Get-EmuAuditLog).Command

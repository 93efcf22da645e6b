# -ErrorVariable / -WarningVariable collect what a command wrote, even when not shown;
# ShouldProcess asks when ConfirmImpact reaches $ConfirmPreference (under -NonInteractive the
# question is an error).
Connect-MicrosoftTeams | Out-Null
Get-CsApplicationAccessPolicy -Identity Nope -ErrorAction SilentlyContinue -ErrorVariable gErr
"count: $($gErr.Count)"
if ($gErr) { "failed: $($gErr[0].Exception.Message)" } else { "found" }
Get-CsApplicationAccessPolicy -Identity Global -ErrorAction SilentlyContinue -ErrorVariable gErr | Out-Null
if ($gErr) { "failed" } else { "found Global" }
Get-CsApplicationAccessPolicy -Identity A -ErrorAction SilentlyContinue -ErrorVariable errs
Get-CsApplicationAccessPolicy -Identity B -ErrorAction SilentlyContinue -ErrorVariable +errs
"collected: $($errs.Count)"
Get-CsApplicationAccessPolicy -Identity C -ErrorAction Ignore -ErrorVariable ignored
"ignored: $($ignored.Count)"
function Get-Checked {
    [CmdletBinding()]
    param($Name)
    Write-Warning "checking $Name"
    Get-CsApplicationAccessPolicy -Identity $Name
}
Get-Checked -Name Missing -ErrorAction SilentlyContinue -ErrorVariable fErr -WarningAction SilentlyContinue -WarningVariable fWarn
"function errors: $($fErr.Count); warnings: $fWarn"
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param($Name)
    if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { "deleted $Name" }
}
Remove-Thing -Name a
Remove-Thing -Name b -Confirm:$false
Remove-Thing -Name c -WhatIf
$ConfirmPreference = 'None'
Remove-Thing -Name d
$ConfirmPreference = 'High'
New-CsApplicationAccessPolicy -Identity Temp -AppIds "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83" | Out-Null
Remove-CsApplicationAccessPolicy -Identity Temp
(Get-CsApplicationAccessPolicy).Identity

# Stub of the MicrosoftTeams module for recording the conformance corpus only (see
# MicrosoftTeams.psm1). Not the real module: its compiled cmdlets declare parameters and do nothing.
@{
    RootModule        = 'MicrosoftTeams.psm1'
    ModuleVersion     = '0.0.1'
    GUID              = '0c4b1e57-3f6a-4d2b-9e8c-7a5d1f2e3b40'
    Author            = 'aapsh conformance corpus'
    Description       = 'Binding-only stub of the Teams cmdlets aapsh emulates (recording only).'
    CmdletsToExport   = @(
        'Connect-MicrosoftTeams', 'Disconnect-MicrosoftTeams',
        'New-CsApplicationAccessPolicy', 'Get-CsApplicationAccessPolicy',
        'Set-CsApplicationAccessPolicy', 'Remove-CsApplicationAccessPolicy',
        'Grant-CsApplicationAccessPolicy', 'Get-CsOnlineUser', 'Get-CsUserPolicyAssignment',
        'New-CsGroupPolicyAssignment', 'Get-CsGroupPolicyAssignment',
        'Set-CsGroupPolicyAssignment', 'Remove-CsGroupPolicyAssignment',
        'New-CsTeamsMeetingPolicy', 'Get-CsTeamsMeetingPolicy', 'Set-CsTeamsMeetingPolicy',
        'Remove-CsTeamsMeetingPolicy', 'Grant-CsTeamsMeetingPolicy'
    )
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}

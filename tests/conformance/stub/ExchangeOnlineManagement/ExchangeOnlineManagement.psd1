# Stub of the ExchangeOnlineManagement module for recording the conformance corpus only (see
# ExchangeOnlineManagement.psm1). Not the real module: its compiled cmdlets declare parameters and
# do nothing.
@{
    RootModule        = 'ExchangeOnlineManagement.psm1'
    ModuleVersion     = '0.0.1'
    GUID              = '5e2a9c71-0b3d-4f68-a1c4-9d7e3b5f2a16'
    Author            = 'aapsh conformance corpus'
    Description       = 'Binding-only stub of the Exchange Online cmdlets aapsh emulates (recording only).'
    CmdletsToExport   = @(
        'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline',
        'New-ApplicationAccessPolicy', 'Get-ApplicationAccessPolicy',
        'Set-ApplicationAccessPolicy', 'Remove-ApplicationAccessPolicy',
        'Test-ApplicationAccessPolicy', 'New-DistributionGroup', 'Add-DistributionGroupMember',
        'Get-DistributionGroupMember', 'New-ManagementRoleAssignment',
        'Test-ServicePrincipalAuthorization'
    )
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}

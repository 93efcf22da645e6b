# Binding-only stub of the MicrosoftTeams cmdlets that aapsh emulates, used ONLY when recording
# the conformance corpus with the reference pwsh (tests/conformance/record puts this folder on
# PSModulePath). pwsh has no Teams module offline, but parameter binding is pwsh's own: these
# advanced functions declare the documented parameters (names, types, positions, parameter sets,
# mandatory, pipeline input, aliases, ShouldProcess) and do nothing, so the recorded binding
# behaviour is what pwsh would do with the real cmdlets. Cases print only what does not depend on
# the emulation (a marker after `| Out-Null`, `$?`, binding errors).
#
# Sources: the MicrosoftTeams reference pages (MicrosoftDocs/office-docs-powershell,
# teams/teams-ps/teams/*.md) and, where the docs leave a choice open, what aapsh chose
# (docs/fidelity.md; src/cmdlets/policy.rs, assignments.rs, teams.rs). Those choices are marked
# "aapsh choice" below. Compiled cmdlets bind positionally only where a position is declared, so
# every function says PositionalBinding = $false. Parameters are declared in the docs'
# alphabetical order, as aapsh declares them (it decides the order of ambiguity lists).

# The module's parameter types that pwsh does not have. Only their names matter to binding
# messages; each converts from a string as the real types do.
# The recorder compiles types.cs once and passes the assembly in AAPSH_STUB_TYPES (compiling it in
# every case costs seconds); without it the source is compiled here.
if (-not ('Microsoft.Rtc.Management.Xds.XdsIdentity' -as [type])) {
    if ($env:AAPSH_STUB_TYPES -and (Test-Path -LiteralPath $env:AAPSH_STUB_TYPES)) {
        Add-Type -Path $env:AAPSH_STUB_TYPES
    }
    else {
        Add-Type -Path (Join-Path $PSScriptRoot 'types.cs')
    }
}

# --- Connection (no-op stubs) ------------------------------------------------------------------

function Connect-MicrosoftTeams {
    # Connect-MicrosoftTeams.md: parameter sets UserCredential (default),
    # ServicePrincipalCertificate, ServicePrincipalCertificateThumbprint, AccessTokens,
    # ManagedServiceLogin.
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'UserCredential', PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'AccessTokens')]
        [string[]]$AccessTokens,

        [Parameter(ParameterSetName = 'UserCredential')]
        [string]$AccountId,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [string]$ApplicationId,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [object]$Certificate,

        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [string]$CertificateThumbprint,

        [Parameter(ParameterSetName = 'UserCredential')]
        [System.Management.Automation.PSCredential]$Credential,

        [Parameter(Mandatory, ParameterSetName = 'ManagedServiceLogin')]
        [Alias('MSI', 'ManagedService')]
        [switch]$Identity,

        [string]$LogFilePath,

        [Microsoft.TeamsCmdlets.Powershell.Connect.Common.LogLevel]$LogLevel,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [string]$ManagedServiceHostName,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [int]$ManagedServicePort,

        [Parameter(ParameterSetName = 'ManagedServiceLogin')]
        [System.Security.SecureString]$ManagedServiceSecret,

        [Parameter(ParameterSetName = 'UserCredential')]
        [string]$TeamsEnvironmentName,

        [Parameter(ParameterSetName = 'UserCredential')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificate')]
        [Parameter(Mandatory, ParameterSetName = 'ServicePrincipalCertificateThumbprint')]
        [Parameter(ParameterSetName = 'AccessTokens')]
        [Alias('Domain', 'TenantDomain')]
        [string]$TenantId,

        [Parameter(ParameterSetName = 'UserCredential')]
        [switch]$UseDeviceAuthentication
    )
}

function Disconnect-MicrosoftTeams {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param()
}

# --- Application access policies ---------------------------------------------------------------

function New-CsApplicationAccessPolicy {
    # New-CsApplicationAccessPolicy.md: Identity <XdsIdentity> (required, position 1 in the docs'
    # numbering: the first positional), AppIds <PSListModifier>, Description <String>.
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [System.Management.Automation.PSListModifier]$AppIds,

        [string]$Description,

        [Parameter(Mandatory, Position = 0)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant
    )
}

function Get-CsApplicationAccessPolicy {
    # Get-CsApplicationAccessPolicy.md: sets Identity (default) and Filter; no pipeline input.
    [CmdletBinding(DefaultParameterSetName = 'Identity', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'Filter')]
        [string]$Filter,

        [Parameter(ParameterSetName = 'Identity', Position = 0)]
        [string]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant,

        # Lync-era parameter, accepted (aapsh choice, fidelity.md).
        [switch]$LocalStore
    )
}

function Set-CsApplicationAccessPolicy {
    # Set-CsApplicationAccessPolicy.md: AppIds <Object>, Description, Identity <String> (position
    # 1 in the docs' numbering). Binding Identity from piped policies by property name is an
    # aapsh choice (Lync analog, fidelity.md).
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [object]$AppIds,

        [string]$Description,

        [Parameter(Position = 0, ValueFromPipelineByPropertyName)]
        [string]$Identity,

        [string]$MsftInternalProcessingMode,

        [guid]$Tenant
    )
    process { }
}

function Remove-CsApplicationAccessPolicy {
    # Remove-CsApplicationAccessPolicy.md: Identity <XdsIdentity>, required. Pipeline binding by
    # property name: aapsh choice (Lync analog, fidelity.md).
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.Xds.XdsIdentity]$Identity,

        [guid]$Tenant
    )
    process { }
}

function Grant-CsApplicationAccessPolicy {
    # Grant-CsApplicationAccessPolicy.md: sets Identity, GrantToTenant (default), GrantToGroup;
    # Identity <UserIdParameter> position 0; Group required in GrantToGroup; Rank <Int32>.
    # aapsh choices (fidelity.md): PolicyName is position 1 (the docs say Named; sibling Grant
    # cmdlets use 1), Identity binds from the pipeline by property name (the documented
    # `Get-CsOnlineUser | Grant-...` example needs it), Global belongs to GrantToTenant only, so
    # that -Identity with -Global is an ambiguous parameter set.
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'GrantToTenant', PositionalBinding = $false)]
    param(
        [Parameter(ParameterSetName = 'GrantToTenant')]
        [switch]$Global,

        [Parameter(Mandatory, ParameterSetName = 'GrantToGroup')]
        [string]$Group,

        [Parameter(Mandatory, ParameterSetName = 'Identity', Position = 0, ValueFromPipelineByPropertyName)]
        [Microsoft.Rtc.Management.AD.UserIdParameter]$Identity,

        [string]$MsftInternalProcessingMode,

        [switch]$PassThru,

        [Parameter(Position = 1)]
        [string]$PolicyName,

        [Parameter(ParameterSetName = 'GrantToGroup')]
        [int]$Rank,

        [guid]$Tenant
    )
    process { }
}

# --- Users and assignments ---------------------------------------------------------------------

function Get-CsOnlineUser {
    # Get-CsOnlineUser.md: Identity <UserIdParameter> position 0; ResultSize <Unlimited> is left
    # out here (pwsh has no such type; cases do not bind it).
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [string]$AccountType,

        [object]$Filter,

        [Parameter(Position = 0)]
        [Microsoft.Rtc.Management.AD.UserIdParameter]$Identity,

        [string]$Properties,

        [switch]$SkipUserPolicies,

        [switch]$SoftDeletedUser,

        [Alias('OrderBy')]
        [string]$Sort
    )
}

function Get-CsUserPolicyAssignment {
    # Get-CsUserPolicyAssignment.md: Identity required, PolicyType.
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$Identity,

        [string]$PolicyType
    )
}

function New-CsGroupPolicyAssignment {
    # New-CsGroupPolicyAssignment.md: GroupId, PolicyType, PolicyName required; Rank; PassThru.
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [Parameter(Mandatory)]
        [string]$PolicyName,

        [int]$Rank,

        [switch]$PassThru
    )
}

function Get-CsGroupPolicyAssignment {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [string]$GroupId,

        [string]$PolicyType
    )
}

function Set-CsGroupPolicyAssignment {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [string]$PolicyName,

        [int]$Rank,

        [switch]$PassThru
    )
}

function Remove-CsGroupPolicyAssignment {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [string]$GroupId,

        [Parameter(Mandatory)]
        [string]$PolicyType,

        [switch]$PassThru
    )
}

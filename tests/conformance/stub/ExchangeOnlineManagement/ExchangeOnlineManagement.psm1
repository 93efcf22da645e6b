# Binding-only stub of the Exchange Online cmdlets that aapsh emulates, used ONLY when recording
# the conformance corpus with the reference pwsh (tests/conformance/record puts the stub folder on
# PSModulePath). Like the MicrosoftTeams stub beside it: advanced functions that declare the
# documented parameters (names, types, positions, parameter sets, mandatory, pipeline input,
# ShouldProcess) and do nothing, so the recorded binding behaviour is pwsh's own.
#
# Sources: the Exchange reference pages (MicrosoftDocs/office-docs-powershell,
# exchange/exchange-ps/ExchangePowerShell/*.md). Parameters typed RecipientIdParameter or
# ApplicationAccessPolicyIdParameter bind from strings; aapsh declares them as String, and so does
# this stub. Only the parameters aapsh declares are here (New-DistributionGroup and
# New-ManagementRoleAssignment have more: aapsh emulates the documented subset, and
# New-ManagementRoleAssignment's -App parameter set only).

if (-not ('Microsoft.Exchange.Data.Directory.SystemConfiguration.ApplicationAccessPolicyRight' -as [type])) {
    if ($env:AAPSH_STUB_TYPES -and (Test-Path -LiteralPath $env:AAPSH_STUB_TYPES)) {
        Add-Type -Path $env:AAPSH_STUB_TYPES
    }
    else {
        Add-Type -Path (Join-Path $PSScriptRoot '../MicrosoftTeams/types.cs')
    }
}

function Connect-ExchangeOnline {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Position = 0)][string]$ConnectionUri,
        [Parameter(Position = 1)][string]$AzureADAuthorizationEndpointUri,
        [Parameter(Position = 2)][Microsoft.Exchange.Management.RestApiClient.ExchangeEnvironment]$ExchangeEnvironmentName,
        [Parameter(Position = 3)][object]$PSSessionOption,
        [Parameter(Position = 4)][string]$DelegatedOrganization,
        [Parameter(Position = 5)][string]$Prefix,
        [Parameter(Position = 6)][string[]]$CommandName,
        [Parameter(Position = 7)][string[]]$FormatTypeName,
        [string]$AccessToken,
        [string]$AppId,
        [switch]$BypassMailboxAnchoring,
        [object]$Certificate,
        [string]$CertificateFilePath,
        [securestring]$CertificatePassword,
        [string]$CertificateThumbprint,
        [pscredential]$Credential,
        [switch]$Device,
        [switch]$DisableWAM,
        [switch]$EnableErrorReporting,
        [string]$EXOModuleBasePath,
        [switch]$InlineCredential,
        [switch]$LoadCmdletHelp,
        [string]$LogDirectoryPath,
        [string]$LogLevel,
        [switch]$ManagedIdentity,
        [string]$ManagedIdentityAccountId,
        [string]$Organization,
        [int]$PageSize,
        [switch]$ShowBanner,
        [bool]$ShowProgress,
        [object]$SigningCertificate,
        [switch]$SkipLoadingCmdletHelp,
        [switch]$SkipLoadingFormatData,
        [bool]$TrackPerformance,
        [bool]$UseMultithreading,
        [string]$UserPrincipalName,
        [switch]$UseRPSSession
    )
}

function Disconnect-ExchangeOnline {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', PositionalBinding = $false)]
    param([string[]]$ConnectionId, [string[]]$ModulePrefix)
}

function New-ApplicationAccessPolicy {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory)]
        [Microsoft.Exchange.Data.Directory.SystemConfiguration.ApplicationAccessPolicyRight]$AccessRight,
        [Parameter(Mandatory, ValueFromPipeline)][string[]]$AppId,
        [Parameter(Mandatory, ValueFromPipeline)][string]$PolicyScopeGroupId,
        [string]$Description
    )
}

function Get-ApplicationAccessPolicy {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [string]$Organization
    )
}

function Set-ApplicationAccessPolicy {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [string]$Description
    )
}

function Remove-ApplicationAccessPolicy {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity
    )
}

function Test-ApplicationAccessPolicy {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [Parameter(Mandatory, ValueFromPipeline)][string]$AppId
    )
}

function New-DistributionGroup {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Name,
        [string]$Alias,
        [string]$DisplayName,
        [string]$PrimarySmtpAddress,
        [Microsoft.Exchange.Data.Directory.Management.GroupType]$Type,
        [string[]]$Members,
        [string[]]$ManagedBy,
        [string]$Notes,
        [switch]$CopyOwnerToMember,
        [switch]$IgnoreNamingPolicy,
        [bool]$RequireSenderAuthenticationEnabled
    )
}

function Add-DistributionGroupMember {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [Parameter(Mandatory)][string]$Member,
        [switch]$BypassSecurityGroupManagerCheck
    )
}

function Get-DistributionGroupMember {
    [CmdletBinding(PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [object]$ResultSize
    )
}

function New-ManagementRoleAssignment {
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'App', PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, ParameterSetName = 'App')][string]$App,
        [Parameter(Mandatory, Position = 0)][string]$Role,
        [string]$CustomResourceScope,
        [string]$Name,
        [string]$RecipientAdministrativeUnitScope
    )
}

function Test-ServicePrincipalAuthorization {
    [CmdletBinding(SupportsShouldProcess, PositionalBinding = $false)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)][string]$Identity,
        [string]$Resource
    )
}

// Binding-only stub of the Exchange Online cmdlets that aapsh emulates, used ONLY when recording
// the conformance corpus with the reference pwsh (tests/conformance/record compiles this file
// once per run; ExchangeOnlineManagement.psm1 imports the assembly). Like the MicrosoftTeams stub
// beside it: compiled cmdlets that declare the documented parameters (names, types, positions,
// parameter sets, mandatory, pipeline input, ShouldProcess) and do nothing, so the recorded
// binding behaviour is pwsh's own for compiled cmdlets, the model aapsh emulates (the real EXO V3
// commands are generated functions whose parameter types are not documented; docs/fidelity.md).
//
// Sources: the Exchange reference pages (MicrosoftDocs/office-docs-powershell,
// exchange/exchange-ps/ExchangePowerShell/*.md). Parameters typed RecipientIdParameter or
// ApplicationAccessPolicyIdParameter bind from strings; aapsh declares them as String, and so does
// this stub. Only the parameters aapsh declares are here (New-DistributionGroup and
// New-ManagementRoleAssignment have more: aapsh emulates the documented subset, and
// New-ManagementRoleAssignment's -App parameter set only). aapsh gives these cmdlets no class
// name, so their FullyQualifiedErrorIds are not compared (cases do not print them); the classes
// here are named after the commands in a stub namespace.
using System.Management.Automation;

// The enum parameter types the cmdlets declare.
namespace Microsoft.Exchange.Data.Directory.SystemConfiguration {
    public enum ApplicationAccessPolicyRight { RestrictAccess, DenyAccess }
}
namespace Microsoft.Exchange.Management.RestApiClient {
    public enum ExchangeEnvironment { O365Default, O365GermanyCloud, O365China, O365USGovGCCHigh, O365USGovDoD }
}
namespace Microsoft.Exchange.Data.Directory.Management {
    public enum GroupType { Distribution, Security }
}

namespace ExchangeOnlineManagementStub {
    [Cmdlet("Connect", "ExchangeOnline")]
    public class ConnectExchangeOnline : PSCmdlet {
        [Parameter(Position = 0)]
        public string ConnectionUri { get; set; }
        [Parameter(Position = 1)]
        public string AzureADAuthorizationEndpointUri { get; set; }
        [Parameter(Position = 2)]
        public Microsoft.Exchange.Management.RestApiClient.ExchangeEnvironment ExchangeEnvironmentName { get; set; }
        [Parameter(Position = 3)]
        public object PSSessionOption { get; set; }
        [Parameter(Position = 4)]
        public string DelegatedOrganization { get; set; }
        [Parameter(Position = 5)]
        public string Prefix { get; set; }
        [Parameter(Position = 6)]
        public string[] CommandName { get; set; }
        [Parameter(Position = 7)]
        public string[] FormatTypeName { get; set; }
        [Parameter]
        public string AccessToken { get; set; }
        [Parameter]
        public string AppId { get; set; }
        [Parameter]
        public SwitchParameter BypassMailboxAnchoring { get; set; }
        [Parameter]
        public object Certificate { get; set; }
        [Parameter]
        public string CertificateFilePath { get; set; }
        [Parameter]
        public System.Security.SecureString CertificatePassword { get; set; }
        [Parameter]
        public string CertificateThumbprint { get; set; }
        [Parameter]
        [Credential]
        public System.Management.Automation.PSCredential Credential { get; set; }
        [Parameter]
        public SwitchParameter Device { get; set; }
        [Parameter]
        public SwitchParameter DisableWAM { get; set; }
        [Parameter]
        public SwitchParameter EnableErrorReporting { get; set; }
        [Parameter]
        public string EXOModuleBasePath { get; set; }
        [Parameter]
        public SwitchParameter InlineCredential { get; set; }
        [Parameter]
        public SwitchParameter LoadCmdletHelp { get; set; }
        [Parameter]
        public string LogDirectoryPath { get; set; }
        [Parameter]
        public string LogLevel { get; set; }
        [Parameter]
        public SwitchParameter ManagedIdentity { get; set; }
        [Parameter]
        public string ManagedIdentityAccountId { get; set; }
        [Parameter]
        public string Organization { get; set; }
        [Parameter]
        public int PageSize { get; set; }
        [Parameter]
        public SwitchParameter ShowBanner { get; set; }
        [Parameter]
        public bool ShowProgress { get; set; }
        [Parameter]
        public object SigningCertificate { get; set; }
        [Parameter]
        public SwitchParameter SkipLoadingCmdletHelp { get; set; }
        [Parameter]
        public SwitchParameter SkipLoadingFormatData { get; set; }
        [Parameter]
        public bool TrackPerformance { get; set; }
        [Parameter]
        public bool UseMultithreading { get; set; }
        [Parameter]
        public string UserPrincipalName { get; set; }
        [Parameter]
        public SwitchParameter UseRPSSession { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Disconnect", "ExchangeOnline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public class DisconnectExchangeOnline : PSCmdlet {
        [Parameter]
        public string[] ConnectionId { get; set; }
        [Parameter]
        public string[] ModulePrefix { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("New", "ApplicationAccessPolicy", SupportsShouldProcess = true)]
    public class NewApplicationAccessPolicy : PSCmdlet {
        [Parameter(Mandatory = true)]
        public Microsoft.Exchange.Data.Directory.SystemConfiguration.ApplicationAccessPolicyRight AccessRight { get; set; }
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string[] AppId { get; set; }
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string PolicyScopeGroupId { get; set; }
        [Parameter]
        public string Description { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Get", "ApplicationAccessPolicy")]
    public class GetApplicationAccessPolicy : PSCmdlet {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter]
        public string Organization { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Set", "ApplicationAccessPolicy", SupportsShouldProcess = true)]
    public class SetApplicationAccessPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter]
        public string Description { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Remove", "ApplicationAccessPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public class RemoveApplicationAccessPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Test", "ApplicationAccessPolicy")]
    public class TestApplicationAccessPolicy : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public string AppId { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("New", "DistributionGroup", SupportsShouldProcess = true)]
    public class NewDistributionGroup : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0)]
        public string Name { get; set; }
        [Parameter]
        public string Alias { get; set; }
        [Parameter]
        public string DisplayName { get; set; }
        [Parameter]
        public string PrimarySmtpAddress { get; set; }
        [Parameter]
        public Microsoft.Exchange.Data.Directory.Management.GroupType Type { get; set; }
        [Parameter]
        public string[] Members { get; set; }
        [Parameter]
        public string[] ManagedBy { get; set; }
        [Parameter]
        public string Notes { get; set; }
        [Parameter]
        public SwitchParameter CopyOwnerToMember { get; set; }
        [Parameter]
        public SwitchParameter IgnoreNamingPolicy { get; set; }
        [Parameter]
        public bool RequireSenderAuthenticationEnabled { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Add", "DistributionGroupMember", SupportsShouldProcess = true)]
    public class AddDistributionGroupMember : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter(Mandatory = true)]
        public string Member { get; set; }
        [Parameter]
        public SwitchParameter BypassSecurityGroupManagerCheck { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Get", "DistributionGroupMember")]
    public class GetDistributionGroupMember : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter]
        public object ResultSize { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("New", "ManagementRoleAssignment", SupportsShouldProcess = true, DefaultParameterSetName = "App")]
    public class NewManagementRoleAssignment : PSCmdlet {
        [Parameter(ParameterSetName = "App", Mandatory = true)]
        public string App { get; set; }
        [Parameter(Mandatory = true, Position = 0)]
        public string Role { get; set; }
        [Parameter]
        public string CustomResourceScope { get; set; }
        [Parameter]
        public string Name { get; set; }
        [Parameter]
        public string RecipientAdministrativeUnitScope { get; set; }
    }
}
namespace ExchangeOnlineManagementStub {
    [Cmdlet("Test", "ServicePrincipalAuthorization", SupportsShouldProcess = true)]
    public class TestServicePrincipalAuthorization : PSCmdlet {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string Identity { get; set; }
        [Parameter]
        public string Resource { get; set; }
    }
}

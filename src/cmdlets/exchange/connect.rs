//! Connect-ExchangeOnline and Disconnect-ExchangeOnline, offline: every documented parameter is
//! accepted, no credentials are needed, and the session connects to the store's tenant.

use super::MODULE;
use crate::cmdlets::service::read_tenant;
use crate::runtime::{BoundParameters, CmdletDef, CommandContext, Connection, Flow};
use crate::vocab::{ConfirmImpact, Fidelity, ParamDef, ParamKind, ParamType, types};

const ENVIRONMENT: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "O365Default",
        "O365GermanyCloud",
        "O365China",
        "O365USGovGCCHigh",
        "O365USGovDoD",
    ]),
    "ExchangeEnvironment",
    "Microsoft.Exchange.Management.RestApiClient.ExchangeEnvironment",
);
const LOG_LEVEL: ParamType = ParamType::new(
    ParamKind::Enum(&["Default", "All"]),
    "LogLevel",
    "Microsoft.Online.CSE.RestApiPowerShellModule.Instrumentation.LogLevel",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Connect-ExchangeOnline", MODULE, connect)
            .synopsis("Use the Connect-ExchangeOnline cmdlet in the Exchange Online PowerShell module to use modern authentication to connect to Exchange Online PowerShell.")
            .description("Offline, connecting needs no credentials: every documented parameter is accepted and the session connects to the store's tenant, as -UserPrincipalName, -Credential's user, -AppId (app-only) or the tenant's admin. The Exchange Online cmdlets (Get-Mailbox, New-ApplicationAccessPolicy, New-ManagementRoleAssignment...) exist only after connecting, as with the real module.")
            .fidelity(Fidelity::StandIn)
            .param(ParamDef::new("ConnectionUri", types::STRING).position(0).ignored_offline().help("The connection endpoint (the default is the only one offline)."))
            .param(ParamDef::new("AzureADAuthorizationEndpointUri", types::STRING).position(1).ignored_offline().help("The Microsoft Entra authorization endpoint."))
            .param(ParamDef::new("ExchangeEnvironmentName", ENVIRONMENT).position(2).ignored_offline().help("O365Default, O365GermanyCloud, O365China, O365USGovGCCHigh or O365USGovDoD."))
            .param(ParamDef::new("PSSessionOption", types::OBJECT).position(3).ignored_offline().help("PowerShell session options (RPS connections only)."))
            .param(ParamDef::new("DelegatedOrganization", types::STRING).position(4).help("The customer organization to manage (offline: the store's tenant)."))
            .param(ParamDef::new("Prefix", types::STRING).position(5).not_emulated().help("A prefix for the imported cmdlet names."))
            .param(ParamDef::new("CommandName", types::STRING_ARRAY).position(6).ignored_offline().help("The commands to import (all are available offline)."))
            .param(ParamDef::new("FormatTypeName", types::STRING_ARRAY).position(7).ignored_offline().help("The output format of the cmdlets."))
            .param(ParamDef::new("AccessToken", types::STRING).help("An OAuth access token (not checked offline)."))
            .param(ParamDef::new("AppId", types::STRING).help("The application ID of the service principal for certificate-based authentication."))
            .param(ParamDef::new("BypassMailboxAnchoring", types::SWITCH).ignored_offline().help("Bypasses the mailbox anchoring hint."))
            .param(ParamDef::new("Certificate", types::OBJECT).help("The certificate for certificate-based authentication (not checked offline)."))
            .param(ParamDef::new("CertificateFilePath", types::STRING).help("The certificate file (not read offline)."))
            .param(ParamDef::new("CertificatePassword", types::SECURE_STRING).help("The certificate file's password (not read offline)."))
            .param(ParamDef::new("CertificateThumbprint", types::STRING).help("The certificate thumbprint (not checked offline)."))
            .param(ParamDef::new("Credential", types::CREDENTIAL).help("The user name and password (the password is not checked offline)."))
            .param(ParamDef::new("Device", types::SWITCH).help("Device code sign-in (no sign-in is needed offline)."))
            .param(ParamDef::new("DisableWAM", types::SWITCH).ignored_offline().help("Disables the Web Account Manager."))
            .param(ParamDef::new("EnableErrorReporting", types::SWITCH).ignored_offline().help("Enables error reporting."))
            .param(ParamDef::new("EXOModuleBasePath", types::STRING).ignored_offline().help("Where the temporary module is created."))
            .param(ParamDef::new("InlineCredential", types::SWITCH).help("Credentials typed in the window (not asked offline)."))
            .param(ParamDef::new("LoadCmdletHelp", types::SWITCH).ignored_offline().help("Loads the cmdlet help (always there offline)."))
            .param(ParamDef::new("LogDirectoryPath", types::STRING).ignored_offline().help("The log folder (no log is written offline)."))
            .param(ParamDef::new("LogLevel", LOG_LEVEL).ignored_offline().help("Default or All."))
            .param(ParamDef::new("ManagedIdentity", types::SWITCH).help("Connect with a managed identity."))
            .param(ParamDef::new("ManagedIdentityAccountId", types::STRING).help("The user-assigned managed identity."))
            .param(ParamDef::new("Organization", types::STRING).help("The organization for app-only connections (offline: the store's tenant)."))
            .param(ParamDef::new("PageSize", types::INT32).ignored_offline().help("The maximum number of entries per page."))
            .param(ParamDef::new("ShowBanner", types::SWITCH).help("Shows the banner (the default); -ShowBanner:$false hides it."))
            .param(ParamDef::new("ShowProgress", types::BOOL).ignored_offline().help("Shows a progress bar."))
            .param(ParamDef::new("SigningCertificate", types::OBJECT).ignored_offline().help("Signs the temporary module."))
            .param(ParamDef::new("SkipLoadingCmdletHelp", types::SWITCH).ignored_offline().help("Skips loading the cmdlet help."))
            .param(ParamDef::new("SkipLoadingFormatData", types::SWITCH).ignored_offline().help("Skips loading the format data."))
            .param(ParamDef::new("TrackPerformance", types::BOOL).ignored_offline().help("Measures events."))
            .param(ParamDef::new("UseMultithreading", types::BOOL).ignored_offline().help("Uses multithreading in the Get-EXO cmdlets."))
            .param(ParamDef::new("UserPrincipalName", types::STRING).help("The account to connect with."))
            .param(ParamDef::new("UseRPSSession", types::SWITCH).ignored_offline().help("Connects with the retired remote PowerShell protocol."))
            .example("Connect as an admin", "Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com", "Connects the session to the store's tenant.")
            .example("App-only", "Connect-ExchangeOnline -AppId a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 -CertificateThumbprint 83213AEAC56D61C97AEE5C1528F4AC5EBA7321C1 -Organization contoso.onmicrosoft.com", "Certificate-based authentication is accepted offline without a certificate store."),
        CmdletDef::new("Disconnect-ExchangeOnline", MODULE, disconnect)
            .synopsis("Use the Disconnect-ExchangeOnline cmdlet in the Exchange Online PowerShell module to disconnect the connections that you created using the Connect-ExchangeOnline cmdlets.")
            .description("Asks first, as the real cmdlet does (ConfirmImpact High): scripts use -Confirm:$false.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .confirm_impact(ConfirmImpact::High)
            .param(ParamDef::new("ConnectionId", types::STRING_ARRAY).help("The connections to disconnect (offline there is one)."))
            .param(ParamDef::new("ModulePrefix", types::STRING_ARRAY).help("The connections by prefix (offline there is one)."))
            .example("Disconnect without a question", "Disconnect-ExchangeOnline -Confirm:$false", "Disconnects the Exchange Online session."),
    ]
}

fn connect(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let tenant = read_tenant(ctx)?;
    let domain = tenant.tenant.domain.clone();
    let tenant_id = tenant.tenant.tenant_id.clone();
    let account = b
        .string("UserPrincipalName")
        .or_else(|| {
            b.get("Credential")
                .and_then(|c| c.property("UserName"))
                .map(|u| u.to_ps_string())
        })
        .or_else(|| b.string("AppId"))
        .or_else(|| {
            b.switch("ManagedIdentity")
                .then(|| "ManagedIdentity".to_string())
        })
        .unwrap_or_else(|| format!("admin@{domain}"));
    let show_banner = b.get("ShowBanner").is_none_or(|v| v.is_truthy());
    if show_banner {
        // Chosen wording (fidelity.md §5): the real banner changes with each module release.
        ctx.write_host(
            "----------------------------------------------------------------------------------------\nThis is an offline Exchange Online session (aapsh): the cmdlets act on the store's tenant.\nUse -ShowBanner:$false to hide this message.\n----------------------------------------------------------------------------------------\n",
        );
    }
    ctx.session.exchange = Some(Connection {
        account,
        environment: "O365Default".to_string(),
        tenant_id,
        tenant_domain: domain,
    });
    Ok(())
}

fn disconnect(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    if ctx.should_process(
        "Exchange Online",
        "Disconnect all connected Exchange Online sessions",
    )? {
        ctx.session.exchange = None;
    }
    Ok(())
}

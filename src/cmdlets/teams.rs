//! The Teams module around the policy cmdlets: Connect-/Disconnect-MicrosoftTeams (offline,
//! every real parameter set, no credentials needed), Get-CsOnlineUser and Get-CsTenant.

use super::service::{ambiguous_user, identity_not_found, online_user_object, read_tenant};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, Connection, Flow, PsObject, Value};
use crate::store::UserLookup;
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, PipelineMode, Requires, types};

const MODULE: &str = "MicrosoftTeams";
const CONTEXT_TYPE: &str = "Microsoft.TeamsCmdlets.Powershell.Connect.Models.PSAzureContext";
const TENANT_TYPE: &str =
    "Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.TenantInformation";

const LOG_LEVEL: ParamType = ParamType::new(
    ParamKind::Enum(&["Info", "Error", "Warning", "None"]),
    "LogLevel",
    "Microsoft.TeamsCmdlets.Powershell.Connect.Common.LogLevel",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Connect-MicrosoftTeams", MODULE, connect)
            .class("Microsoft.TeamsCmdlets.Powershell.Connect.ConnectMicrosoftTeams")
            .synopsis("The Connect-MicrosoftTeams cmdlet connects an authenticated account for use with cmdlets from the MicrosoftTeams module.")
            .description("Offline, connecting needs no credentials: every real parameter set is accepted and the session connects to the store's tenant. The account shown is the one given (-AccountId, -Credential, -ApplicationId) or the tenant's admin.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .default_set("UserCredential")
            .param(ParamDef::new("AccessTokens", types::STRING_ARRAY).sets(&["AccessTokens"]).mandatory().help("Access tokens for \"MS Graph\" and \"Skype and Teams Tenant Admin API\" (not checked offline)."))
            .param(ParamDef::new("AccountId", types::STRING).sets(&["UserCredential"]).help("Specifies the ID of an account."))
            .param(ParamDef::new("ApplicationId", types::STRING).sets(&["ServicePrincipalCertificate", "ServicePrincipalCertificateThumbprint"]).mandatory().help("The application ID of the service principal (app-based authentication)."))
            .param(ParamDef::new("Certificate", types::OBJECT).sets(&["ServicePrincipalCertificate"]).mandatory().help("The certificate object for app-based authentication (not checked offline)."))
            .param(ParamDef::new("CertificateThumbprint", types::STRING).sets(&["ServicePrincipalCertificateThumbprint"]).mandatory().help("The thumbprint of an X.509 certificate (not checked offline)."))
            .param(ParamDef::new("Credential", types::CREDENTIAL).sets(&["UserCredential"]).help("A PSCredential object (the password is not checked offline)."))
            .param(ParamDef::new("Identity", types::SWITCH).sets(&["ManagedServiceLogin"]).mandatory().alias("MSI").alias("ManagedService").help("Log in with a managed service identity."))
            .param(ParamDef::new("LogFilePath", types::STRING).ignored_offline().help("The log file path (no log is written offline)."))
            .param(ParamDef::new("LogLevel", LOG_LEVEL).ignored_offline().help("Info, Error, Warning or None."))
            .param(ParamDef::new("ManagedServiceHostName", types::STRING).sets(&["ManagedServiceLogin"]).help("Host name for managed service login."))
            .param(ParamDef::new("ManagedServicePort", types::INT32).sets(&["ManagedServiceLogin"]).help("Port for managed service login."))
            .param(ParamDef::new("ManagedServiceSecret", types::SECURE_STRING).sets(&["ManagedServiceLogin"]).help("Secret for managed service login."))
            .param(ParamDef::new("TeamsEnvironmentName", types::STRING).sets(&["UserCredential"]).help("TeamsGCCH, TeamsDOD or TeamsChina; leave it out for Commercial and GCC."))
            .param(ParamDef::new("TenantId", types::STRING).sets(&["UserCredential", "ServicePrincipalCertificate", "ServicePrincipalCertificateThumbprint", "AccessTokens"]).mandatory_in("ServicePrincipalCertificate").mandatory_in("ServicePrincipalCertificateThumbprint").alias("Domain").alias("TenantDomain").help("The tenant id or domain. Offline the session always connects to the store's tenant."))
            .param(ParamDef::new("UseDeviceAuthentication", types::SWITCH).sets(&["UserCredential"]).help("Use device code authentication instead of a browser control (no sign-in is needed offline)."))
            .outputs("The connected account, environment and tenant.")
            .example("Connect", "Connect-MicrosoftTeams", "Connects the session to the store's tenant as its administrator.")
            .example(
                "Connect with a certificate (app-only)",
                "Connect-MicrosoftTeams -CertificateThumbprint \"XXXX\" -ApplicationId \"00000000-0000-0000-0000-000000000000\" -TenantId \"contoso.onmicrosoft.com\"",
                "App-based authentication is accepted offline without a certificate store.",
            ),
        CmdletDef::new("Disconnect-MicrosoftTeams", MODULE, disconnect)
            .class("Microsoft.TeamsCmdlets.Powershell.Connect.DisconnectMicrosoftTeams")
            .synopsis("Disconnects from the Microsoft Teams environment.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .example("Disconnect", "Disconnect-MicrosoftTeams", "Disconnects from the Microsoft Teams environment."),
        CmdletDef::new("Get-CsOnlineUser", MODULE, get_online_user)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.GetCsOnlineUser")
            .synopsis("Returns information about users who have accounts homed on Microsoft Teams or Skype for Business Online.")
            .description("Returns the tenant's users, or one by -Identity (object id, UPN, SIP address or display name). ApplicationAccessPolicy shows only a policy granted to the user directly, as the real cmdlet does.")
            .requires(Requires::Teams)
            .param(ParamDef::new("AccountType", types::STRING).help("User, ResourceAccount, Guest, SfBOnPremUser or IneligibleUser. Offline every account is a User."))
            .param(ParamDef::new("Filter", types::OBJECT).help("A filter in Where-Object syntax, as a string or script block: \"ApplicationAccessPolicy -eq 'X'\"."))
            .param(ParamDef::new("Identity", types::USER_ID).position(0).help("The user: object id, UPN, SIP address or display name."))
            .param(ParamDef::new("Properties", types::STRING).ignored_offline().help("Properties to return; all are returned offline."))
            .param(ParamDef::new("ResultSize", types::UNLIMITED).help("The maximum number of users to return: a number, or Unlimited (the default)."))
            .param(ParamDef::new("SkipUserPolicies", types::SWITCH).ignored_offline().help("Skips the policy attributes."))
            .param(ParamDef::new("SoftDeletedUser", types::SWITCH).ignored_offline().help("Returns soft-deleted users (there are none offline)."))
            .param(ParamDef::new("Sort", types::STRING).alias("OrderBy").help("Sorts by a property, e.g. \"DisplayName asc\"."))
            .outputs("Online user objects.")
            .example("Return all users", "Get-CsOnlineUser", "Returns every user of the tenant.")
            .example(
                "Check a user's policy",
                "Get-CsOnlineUser -Identity \"megan.bowen@contoso.onmicrosoft.com\" | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy",
                "Shows the policy granted to the user directly.",
            ),
        CmdletDef::new("Get-CsTenant", MODULE, get_tenant)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.GetCsTenant")
            .synopsis("Returns information about the tenant.")
            .requires(Requires::Teams)
            .param(ParamDef::new("Identity", types::STRING).position(1).ignored_offline().help("Deprecated since 3.0.0."))
            .param(ParamDef::new("Filter", types::STRING).ignored_offline().help("Deprecated since 3.0.0."))
            .param(ParamDef::new("ResultSize", types::INT32).ignored_offline().help("Deprecated since 3.0.0."))
            .param(ParamDef::new("DomainController", types::STRING).ignored_offline().help("Not used."))
            .example("Return the tenant", "Get-CsTenant", "Returns information about your tenant. Organizations will have only one tenant."),
    ]
    .into_iter()
    .map(|d| if d.name.starts_with("Get-Cs") { d.pipeline(PipelineMode::None) } else { d })
    .collect()
}

fn connect(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let tenant = read_tenant(ctx)?;
    let domain = tenant.tenant.domain.clone();
    let tenant_id = tenant.tenant.tenant_id.clone();
    if !ctx.should_process(&domain, "Connect-MicrosoftTeams")? {
        return Ok(());
    }
    let account = b
        .string("AccountId")
        .or_else(|| {
            b.get("Credential")
                .and_then(|c| c.property("UserName"))
                .map(|u| u.to_ps_string())
        })
        .or_else(|| b.string("ApplicationId"))
        .or_else(|| b.switch("Identity").then(|| "ManagedIdentity".to_string()))
        .unwrap_or_else(|| format!("admin@{domain}"));
    let environment = b
        .string("TeamsEnvironmentName")
        .unwrap_or_else(|| "AzureCloud".into());
    ctx.session.connection = Some(Connection {
        account: account.clone(),
        environment: environment.clone(),
        tenant_id: tenant_id.clone(),
        tenant_domain: domain,
    });
    ctx.write_object(Value::object(
        PsObject::new(CONTEXT_TYPE)
            .with("Account", Value::str(account))
            .with("Environment", Value::str(environment))
            .with("Tenant", Value::str(&tenant_id))
            .with("TenantId", Value::str(&tenant_id)),
    ));
    Ok(())
}

fn disconnect(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    if ctx.should_process("Microsoft Teams", "Disconnect-MicrosoftTeams")? {
        ctx.session.connection = None;
    }
    Ok(())
}

fn get_online_user(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let identity = b.string("Identity");
    let filter = b.get("Filter").cloned();
    let limit = b.int("ResultSize").map(|n| n.max(0) as usize);
    let sort = b.string("Sort");
    let parsed_filter = match &filter {
        Some(f) if !f.is_null() => match super::filter::Filter::parse(&filter_text(f), &|name| {
            ctx.session.variable_value(name)
        }) {
            Ok(p) => Some(bare_policy_values(p)),
            Err(message) => {
                let r = super::service::client_error(ctx, &message);
                return ctx.write_error(r);
            }
        },
        _ => None,
    };
    // Offline every account is a User: asking for another kind (ResourceAccount, Guest, ...)
    // finds nobody rather than everybody.
    let account_type = b.string("AccountType");
    let keep = |u: &Value| {
        account_type.as_ref().is_none_or(|kind| {
            u.property("AccountType")
                .is_some_and(|t| t.to_ps_string().eq_ignore_ascii_case(kind.trim()))
        }) && parsed_filter.as_ref().is_none_or(|f| f.matches(u))
    };
    let tenant = read_tenant(ctx)?;
    let users: Result<Vec<Value>, (String, Vec<String>)> = match &identity {
        Some(id) => match tenant.resolve_user(id.trim()) {
            UserLookup::Found(u) => Ok(vec![online_user_object(tenant, u)]
                .into_iter()
                .filter(keep)
                .collect()),
            UserLookup::NotFound => Err((id.clone(), Vec::new())),
            UserLookup::Ambiguous(found) => Err((
                id.clone(),
                found
                    .iter()
                    .map(|u| u.user_principal_name.clone())
                    .collect(),
            )),
        },
        // One user object at a time, kept only if it passes: a filter over a large tenant
        // holds the matches, never every user's object at once.
        None => {
            let enough = |found: usize| sort.is_none() && limit.is_some_and(|n| found >= n);
            let mut found = Vec::new();
            for u in &tenant.users {
                if enough(found.len()) {
                    break;
                }
                let object = online_user_object(tenant, u);
                if keep(&object) {
                    found.push(object);
                }
            }
            Ok(found)
        }
    };
    let mut users = match users {
        Ok(u) => u,
        Err((typed, found)) => {
            let r = if found.is_empty() {
                identity_not_found(ctx, &typed)
            } else {
                ambiguous_user(ctx, &typed, &found)
            };
            return ctx.write_error(r);
        }
    };
    if let Some(s) = sort {
        let mut parts = s.split_whitespace();
        let prop = parts.next().unwrap_or("DisplayName").to_string();
        let desc = parts.next().is_some_and(|d| d.eq_ignore_ascii_case("desc"));
        users.sort_by(|a, b| {
            let o = crate::runtime::operators::sort_order(
                &a.property(&prop).unwrap_or_default(),
                &b.property(&prop).unwrap_or_default(),
                false,
            );
            if desc { o.reverse() } else { o }
        });
    }
    if let Some(n) = limit {
        users.truncate(n);
    }
    for u in users {
        ctx.write_object(u);
    }
    Ok(())
}

/// Admins filter on `ApplicationAccessPolicy -eq "Tag:Name"` as well as on the bare name the
/// property holds (usage.md P3); the `Tag:` prefix is dropped from such values (chosen), for
/// every policy property (`TeamsMeetingPolicy -eq 'Tag:Sales'`).
fn bare_policy_values(f: super::filter::Filter) -> super::filter::Filter {
    use super::filter::Filter;
    match f {
        Filter::Compare {
            property,
            op,
            case,
            value,
        } => {
            let value = match &value {
                Value::String(s) if is_policy_property(&property) => {
                    Value::str(crate::store::bare_policy_name(s))
                }
                _ => value,
            };
            Filter::Compare {
                property,
                op,
                case,
                value,
            }
        }
        Filter::And(a, b) => Filter::And(
            Box::new(bare_policy_values(*a)),
            Box::new(bare_policy_values(*b)),
        ),
        Filter::Or(a, b) => Filter::Or(
            Box::new(bare_policy_values(*a)),
            Box::new(bare_policy_values(*b)),
        ),
        Filter::Not(a) => Filter::Not(Box::new(bare_policy_values(*a))),
    }
}

/// A user property that holds a policy's bare name.
fn is_policy_property(property: &str) -> bool {
    let p = property.to_ascii_lowercase();
    p.ends_with("policy") || p == "callinglineidentity" || p == "tenantdialplan"
}

/// A -Filter given as a script block is its text.
fn filter_text(v: &Value) -> String {
    match v {
        Value::ScriptBlock(sb) => sb.text().to_string(),
        other => other.to_ps_string(),
    }
}

fn get_tenant(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let tenant = read_tenant(ctx)?;
    let info = &tenant.tenant;
    let obj = PsObject::new(TENANT_TYPE)
        .with("TenantId", Value::str(&info.tenant_id))
        .with("DisplayName", Value::str(&info.display_name))
        .with("Domains", Value::array(vec![Value::str(&info.domain)]))
        .with("TenantType", Value::str("Offline emulated tenant"))
        .with("CountryLetterCode", Value::str("US"));
    ctx.write_object(Value::object(obj));
    Ok(())
}

//! The parts of the Teams policy family that are not policies: the compliance recording
//! applications of a TeamsComplianceRecordingPolicy (New-, Get-, Set-,
//! Remove-CsTeamsComplianceRecordingApplication), and the tenant federation configuration
//! (Get-/Set-CsTenantFederationConfiguration) with the objects its domain lists take
//! (New-CsEdgeAllowList, New-CsEdgeDomainPattern, New-CsEdgeAllowAllKnownDomains). Settings come
//! from the catalog (`store::catalog`) as the policies' do. Chosen behaviours are recorded in
//! docs/fidelity.md.

use serde_json::{Value as Json, json};

use super::service::{Decision, client_error, read_tenant, transact};
use super::teams_policies::{
    allow_all_known_domains, allow_list, domain_pattern, recording_app_object, refuse_value,
    setting_param, setting_value, to_stored,
};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value,
};
use crate::store::catalog::{self, SettingKind, json_key};
use crate::store::{Change, ExtraKeys, GLOBAL, bare_policy_name};
use crate::vocab::{Fidelity, ParamDef, PipelineMode, Requires, types};

const MODULE: &str = "MicrosoftTeams";
const RECORDING_POLICY: &str = "TeamsComplianceRecordingPolicy";
const RECORDING_KEY: &str = "complianceRecordingApplications";
const FEDERATION: &str = "TenantFederationConfiguration";

fn tenant_param() -> ParamDef {
    ParamDef::new("Tenant", types::GUID)
        .ignored_offline()
        .help("The tenant to act on. Offline there is one tenant: the store's.")
}

fn force_param() -> ParamDef {
    ParamDef::new("Force", types::SWITCH)
        .ignored_offline()
        .help("Suppresses confirmation prompts (there are none offline but -Confirm's).")
}

fn recording_settings(mut d: CmdletDef) -> CmdletDef {
    let mut settings: Vec<_> = catalog::RECORDING_APPLICATION.iter().collect();
    settings.sort_by_key(|s| s.name.to_ascii_lowercase());
    for s in settings {
        d = d.param(setting_param(s));
    }
    d
}

pub fn definitions() -> Vec<CmdletDef> {
    let identity_help = "The application's identity: the policy's identity and the application instance's object id, Tag:<policy>/<id>.";
    vec![
        recording_settings(
            CmdletDef::new("New-CsTeamsComplianceRecordingApplication", MODULE, new_recording_app)
                .class("Microsoft.Teams.ConfigApi.Cmdlets.NewCsTeamsComplianceRecordingApplication")
                .synopsis("Associates a policy-based recording application with a Teams compliance recording policy.")
                .description("Creates the association of a recording application instance (its object id) with a TeamsComplianceRecordingPolicy: the application is invited to the calls and meetings of users the policy is granted to. When the policy exists (and -InMemory is not given) the application is added to it; either way the application object is returned, so it can be passed to New- or Set-CsTeamsComplianceRecordingPolicy -ComplianceRecordingApplications.")
                .requires(Requires::Teams)
                .should_process()
                .default_set("Identity")
                .param(ParamDef::new("Identity", types::XDS_IDENTITY).sets(&["Identity"]).help(identity_help))
                .param(ParamDef::new("Parent", types::STRING).sets(&["ParentAndRelativeKey"]).mandatory().help("The policy the application belongs to: its name or Tag:<name>."))
                .param(ParamDef::new("Id", types::STRING).sets(&["ParentAndRelativeKey"]).mandatory().help("The object id of the application instance (Get-CsOnlineApplicationInstance)."))
                .param(ParamDef::new("InMemory", types::SWITCH).help("Returns the application without adding it to the policy."))
                .param(force_param())
                .param(tenant_param())
                .example(
                    "Add a recording application to a policy",
                    "New-CsTeamsComplianceRecordingApplication -Parent 'Tag:ContosoPartnerComplianceRecordingPolicy' -Id 'd93fefc7-93cc-4d44-9a5d-344b0fff2899'",
                    "The application instance is invited to the calls and meetings of the policy's users.",
                ),
        ),
        CmdletDef::new("Get-CsTeamsComplianceRecordingApplication", MODULE, get_recording_app)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.GetCsTeamsComplianceRecordingApplication")
            .synopsis("Returns the recording applications of the tenant's compliance recording policies.")
            .requires(Requires::Teams)
            .default_set("Identity")
            .param(ParamDef::new("Identity", types::XDS_IDENTITY).sets(&["Identity"]).position(1).help(identity_help))
            .param(ParamDef::new("Filter", types::STRING).sets(&["Filter"]).help("A wildcard matched against the applications' identities, e.g. \"Tag:Contoso*\"."))
            .param(tenant_param())
            .example("Every recording application", "Get-CsTeamsComplianceRecordingApplication", "Lists the applications of every compliance recording policy."),
        recording_settings(
            CmdletDef::new("Set-CsTeamsComplianceRecordingApplication", MODULE, set_recording_app)
                .class("Microsoft.Teams.ConfigApi.Cmdlets.SetCsTeamsComplianceRecordingApplication")
                .synopsis("Changes a recording application of a compliance recording policy.")
                .requires(Requires::Teams)
                .should_process()
                .pipeline(PipelineMode::PerRecord)
                .param(ParamDef::new("Identity", types::XDS_IDENTITY).position(1).mandatory().by_property_name().help(identity_help))
                .param(force_param())
                .param(tenant_param())
                .example(
                    "Make an application optional in meetings",
                    "Set-CsTeamsComplianceRecordingApplication -Identity 'Tag:ContosoPartnerComplianceRecordingPolicy/d93fefc7-93cc-4d44-9a5d-344b0fff2899' -RequiredBeforeMeetingJoin $false -RequiredDuringMeeting $false",
                    "Users may join meetings without the application.",
                ),
        ),
        CmdletDef::new("Remove-CsTeamsComplianceRecordingApplication", MODULE, remove_recording_app)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.RemoveCsTeamsComplianceRecordingApplication")
            .synopsis("Removes a recording application from a compliance recording policy.")
            .requires(Requires::Teams)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Identity", types::XDS_IDENTITY).position(1).mandatory().by_property_name().help(identity_help))
            .param(force_param())
            .param(tenant_param())
            .example(
                "Remove a recording application",
                "Remove-CsTeamsComplianceRecordingApplication -Identity 'Tag:ContosoPartnerComplianceRecordingPolicy/d93fefc7-93cc-4d44-9a5d-344b0fff2899'",
                "The application is no longer invited.",
            ),
        CmdletDef::new("Get-CsTenantFederationConfiguration", MODULE, get_federation)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.GetCsTenantFederationConfiguration")
            .synopsis("Returns the tenant's federation configuration: which external domains its users may communicate with.")
            .requires(Requires::Teams)
            .default_set("Identity")
            .param(ParamDef::new("Identity", types::XDS_IDENTITY).sets(&["Identity"]).position(2).help("Global, the only instance."))
            .param(ParamDef::new("Filter", types::STRING).sets(&["Filter"]).help("A wildcard matched against the Identity (Global)."))
            .param(ParamDef::new("LocalStore", types::SWITCH).ignored_offline().help("Reads the local replica (every read is local offline)."))
            .param(tenant_param())
            .example("The federation configuration", "Get-CsTenantFederationConfiguration", "Returns the Global federation configuration.")
            .example("The allowed domains", "Get-CsTenantFederationConfiguration | Select-Object -ExpandProperty AllowedDomains", "Shows whether every known domain, or only the listed ones, are allowed."),
        federation_settings(
            CmdletDef::new("Set-CsTenantFederationConfiguration", MODULE, set_federation)
                .class("Microsoft.Teams.ConfigApi.Cmdlets.SetCsTenantFederationConfiguration")
                .synopsis("Changes the tenant's federation configuration.")
                .description("Changes the settings given. AllowedDomains takes New-CsEdgeAllowAllKnownDomains or New-CsEdgeAllowList (or $null: no domain is allowed); BlockedDomains and AllowedDomainsAsAList take a list, or @{Add=...}/@{Remove=...}/@{Replace=...}, of New-CsEdgeDomainPattern objects or domain names.")
                .requires(Requires::Teams)
                .should_process()
                .default_set("Identity")
                .param(ParamDef::new("Identity", types::XDS_IDENTITY).sets(&["Identity"]).position(2).help("Global, the only instance (the default)."))
                .param(ParamDef::new("Instance", types::PSOBJECT).sets(&["Instance"]).help("A configuration object whose settings are written."))
                .param(ParamDef::new("AllowedDomainsAsAList", types::OBJECT).help("The allowed domains as a list of names (or @{Add=...}/@{Remove=...}): the tenant then allows only those."))
                .param(force_param())
                .param(tenant_param())
                .example(
                    "Block a domain",
                    "$x = New-CsEdgeDomainPattern -Domain \"fabrikam.com\"\nSet-CsTenantFederationConfiguration -BlockedDomains @{Add=$x}",
                    "Adds fabrikam.com to the blocked domains.",
                )
                .example(
                    "Allow only two domains",
                    "Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @(\"contoso.com\", \"fabrikam.com\")",
                    "Users may communicate with those two domains only.",
                ),
        ),
        CmdletDef::new("New-CsEdgeAllowList", MODULE, new_allow_list)
            .class("Microsoft.Rtc.Management.Hosted.Edge.NewCsEdgeAllowList")
            .synopsis("Builds an allowed-domains list for Set-CsTenantFederationConfiguration -AllowedDomains.")
            .description("Returns a list of allowed domains (from New-CsEdgeDomainPattern objects or names); with -AllowedDomain $null, an empty list, which allows no domain. Nothing is saved until Set-CsTenantFederationConfiguration takes it.")
            .param(ParamDef::new("AllowedDomain", types::OBJECT).help("The domains: New-CsEdgeDomainPattern objects (or names), or $null."))
            .example(
                "Allow only fabrikam.com",
                "$x = New-CsEdgeDomainPattern -Domain \"fabrikam.com\"\n$newAllowList = New-CsEdgeAllowList -AllowedDomain $x\nSet-CsTenantFederationConfiguration -AllowedDomains $newAllowList",
                "Users may communicate with fabrikam.com only.",
            ),
        CmdletDef::new("New-CsEdgeDomainPattern", MODULE, new_domain_pattern)
            .class("Microsoft.Rtc.Management.Hosted.Edge.NewCsEdgeDomainPattern")
            .synopsis("Builds a domain object for the allowed and blocked domain lists.")
            .param(ParamDef::new("Domain", types::STRING).mandatory().help("The domain name, such as fabrikam.com."))
            .example("A domain object", "$x = New-CsEdgeDomainPattern -Domain \"fabrikam.com\"", "Pass it to New-CsEdgeAllowList or Set-CsTenantFederationConfiguration -BlockedDomains."),
        CmdletDef::new("New-CsEdgeAllowAllKnownDomains", MODULE, new_allow_all)
            .class("Microsoft.Rtc.Management.Hosted.Edge.NewCsEdgeAllowAllKnownDomains")
            .synopsis("Builds the choice that allows every domain not blocked, for Set-CsTenantFederationConfiguration -AllowedDomains.")
            .example(
                "Allow every domain again",
                "$all = New-CsEdgeAllowAllKnownDomains\nSet-CsTenantFederationConfiguration -AllowedDomains $all",
                "Users may communicate with every domain that is not blocked.",
            ),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::Emulated))
    .collect()
}

fn federation_settings(mut d: CmdletDef) -> CmdletDef {
    let mut settings: Vec<_> = catalog::configuration(FEDERATION)
        .map(|c| c.settings.iter().collect())
        .unwrap_or_default();
    settings.sort_by_key(|s| s.name.to_ascii_lowercase());
    for s in settings {
        d = d.param(setting_param(s));
    }
    d
}

fn invalid(ctx: &CommandContext<'_>, reason: &str) -> ErrorRecord {
    let mut r = client_error(ctx, reason);
    r.category = ErrorCategory::InvalidArgument;
    r
}

fn not_found(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    let mut r = client_error(ctx, &format!("\"{typed}\" not found"));
    r.category = ErrorCategory::ObjectNotFound;
    r.target_object = Some(Value::str(typed));
    r
}

// ---------------------------------------------------------------------------------------------
// Compliance recording applications

/// `Tag:Policy/<id>` split into (policy identity, application id); `None` when it is not one.
fn split_app_identity(identity: &str) -> Option<(String, String)> {
    let (policy, id) = identity.trim().rsplit_once('/')?;
    let name = bare_policy_name(policy.trim());
    if name.is_empty() || id.trim().is_empty() {
        return None;
    }
    Some((name.to_string(), id.trim().to_ascii_lowercase()))
}

/// The stored applications of a recording policy (`None`: no such policy), and its identity.
fn policy_apps(
    ctx: &mut CommandContext<'_>,
    policy: &str,
) -> Result<Option<(String, Vec<Json>)>, Flow> {
    let tenant = read_tenant(ctx)?;
    Ok(tenant
        .family(RECORDING_POLICY)
        .and_then(|f| f.find(policy))
        .map(|p| {
            (
                p.identity.clone(),
                p.settings
                    .get(RECORDING_KEY)
                    .and_then(Json::as_array)
                    .cloned()
                    .unwrap_or_default(),
            )
        }))
}

fn app_id(j: &Json) -> String {
    j.get("id")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The application's settings as given (stored form), over `base`.
fn app_settings(
    b: &BoundParameters,
    mut base: serde_json::Map<String, Json>,
) -> Result<Json, String> {
    for s in catalog::RECORDING_APPLICATION {
        if let Some(v) = b.get(s.name) {
            let key = json_key(s.name);
            let now = base.get(&key).cloned();
            base.insert(key, to_stored(s, v, now.as_ref())?);
        }
    }
    Ok(Json::Object(base))
}

fn save_apps(
    ctx: &mut CommandContext<'_>,
    policy_identity: &str,
    apps: Vec<Json>,
) -> Result<Option<()>, Flow> {
    let mut settings = ExtraKeys::new();
    settings.insert(RECORDING_KEY.to_string(), Json::Array(apps));
    let missing = not_found(ctx, policy_identity);
    let identity = policy_identity.to_string();
    transact(ctx, |t| {
        if t.family(RECORDING_POLICY)
            .and_then(|f| f.find(&identity))
            .is_none()
        {
            return Decision::Fail(Box::new(missing));
        }
        Decision::Apply(
            (),
            vec![Change::SetTeamsPolicy {
                policy_type: RECORDING_POLICY.to_string(),
                identity: identity.clone(),
                settings,
            }],
        )
    })
}

fn new_recording_app(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (policy, id) = if b.has("Parent") {
        let parent = b.string("Parent").unwrap_or_default();
        (
            bare_policy_name(parent.trim()).to_string(),
            b.string("Id")
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase(),
        )
    } else {
        let typed = b.string("Identity").unwrap_or_default();
        match split_app_identity(&typed) {
            Some(parts) => parts,
            None => {
                let r = invalid(
                    ctx,
                    &format!(
                        "\"{typed}\" is not a recording application identity: write Tag:<policy>/<application instance id>."
                    ),
                );
                return ctx.write_error(r);
            }
        }
    };
    if uuid::Uuid::try_parse(&id).is_err() {
        let r = invalid(
            ctx,
            &format!("\"{id}\" is not the object id of an application instance (a GUID)."),
        );
        return ctx.write_error(r);
    }
    let stored = match app_settings(b, {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), Json::from(id.clone()));
        m
    }) {
        Ok(s) => s,
        Err(reason) => {
            let r = invalid(ctx, &reason);
            return ctx.write_error(r);
        }
    };
    let existing = policy_apps(ctx, &policy)?;
    let shown_parent = existing.as_ref().map_or_else(
        || crate::store::policy_identity(&policy),
        |(i, _)| i.clone(),
    );
    let object = recording_app_object(&shown_parent, &stored);
    let Some((identity, mut apps)) = existing.filter(|_| !b.switch("InMemory")) else {
        // Not saved: -InMemory, or a policy that does not exist yet (the documented
        // `New-CsTeamsComplianceRecordingPolicy -ComplianceRecordingApplications @(New-...)`).
        ctx.write_object(object);
        return Ok(());
    };
    let target = format!("{identity}/{id}");
    if apps.iter().any(|a| app_id(a) == id) {
        let mut r = client_error(ctx, &format!("\"{target}\" already exists"));
        r.category = ErrorCategory::ResourceExists;
        return ctx.write_error(r);
    }
    if !ctx.should_process(&target, "New-CsTeamsComplianceRecordingApplication")? {
        return Ok(());
    }
    apps.push(stored);
    if save_apps(ctx, &identity, apps)?.is_some() {
        ctx.write_object(object);
    }
    Ok(())
}

/// Every recording application of every recording policy, as objects.
fn all_apps(ctx: &mut CommandContext<'_>) -> Result<Vec<(String, Value)>, Flow> {
    let tenant = read_tenant(ctx)?;
    let mut out = Vec::new();
    if let Some(f) = tenant.family(RECORDING_POLICY) {
        for p in &f.policies {
            for app in p
                .settings
                .get(RECORDING_KEY)
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                out.push((
                    format!("{}/{}", p.identity, app_id(app)),
                    recording_app_object(&p.identity, app),
                ));
            }
        }
    }
    Ok(out)
}

fn same_app_identity(a: &str, b: &str) -> bool {
    match (split_app_identity(a), split_app_identity(b)) {
        (Some((pa, ia)), Some((pb, ib))) => pa.eq_ignore_ascii_case(&pb) && ia == ib,
        _ => false,
    }
}

fn get_recording_app(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let apps = all_apps(ctx)?;
    if let Some(typed) = b.string("Identity") {
        return match apps.into_iter().find(|(i, _)| same_app_identity(i, &typed)) {
            Some((_, o)) => {
                ctx.write_object(o);
                Ok(())
            }
            None => {
                let r = not_found(ctx, &typed);
                ctx.write_error(r)
            }
        };
    }
    let filter = b.string("Filter");
    for (identity, o) in apps {
        if filter
            .as_deref()
            .is_none_or(|f| crate::runtime::operators::wildcard_match(f, &identity, false))
        {
            ctx.write_object(o);
        }
    }
    Ok(())
}

/// The application a -Identity names: (policy identity, every app of the policy, its index).
fn find_app(
    ctx: &mut CommandContext<'_>,
    typed: &str,
) -> Result<Option<(String, Vec<Json>, usize)>, Flow> {
    let Some((policy, id)) = split_app_identity(typed) else {
        return Ok(None);
    };
    Ok(policy_apps(ctx, &policy)?.and_then(|(identity, apps)| {
        let i = apps.iter().position(|a| app_id(a) == id)?;
        Some((identity, apps, i))
    }))
}

fn set_recording_app(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("Identity").unwrap_or_default();
    let Some((identity, mut apps, i)) = find_app(ctx, &typed)? else {
        let r = not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    let base = apps[i].as_object().cloned().unwrap_or_default();
    let changed = match app_settings(b, base) {
        Ok(s) => s,
        Err(reason) => {
            let r = invalid(ctx, &reason);
            return ctx.write_error(r);
        }
    };
    let target = format!("{identity}/{}", app_id(&apps[i]));
    if !ctx.should_process(&target, "Set-CsTeamsComplianceRecordingApplication")? {
        return Ok(());
    }
    apps[i] = changed;
    save_apps(ctx, &identity, apps)?;
    Ok(())
}

fn remove_recording_app(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("Identity").unwrap_or_default();
    let Some((identity, mut apps, i)) = find_app(ctx, &typed)? else {
        let r = not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    let target = format!("{identity}/{}", app_id(&apps[i]));
    if !ctx.should_process(&target, "Remove-CsTeamsComplianceRecordingApplication")? {
        return Ok(());
    }
    apps.remove(i);
    save_apps(ctx, &identity, apps)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The tenant federation configuration

fn federation_object(settings: Option<&serde_json::Map<String, Json>>) -> Value {
    let Some(config) = catalog::configuration(FEDERATION) else {
        return Value::Null;
    };
    let mut o = PsObject::new(config.object_type).with("Identity", Value::str(GLOBAL));
    for s in config.settings {
        o.set(
            s.name,
            setting_value(GLOBAL, s, settings.and_then(|m| m.get(&json_key(s.name)))),
        );
    }
    Value::object(o)
}

fn is_global(typed: &str) -> bool {
    typed.trim().eq_ignore_ascii_case(GLOBAL)
}

fn get_federation(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(typed) = b.string("Identity").filter(|t| !is_global(t)) {
        let r = not_found(ctx, &typed);
        return ctx.write_error(r);
    }
    if let Some(f) = b.string("Filter")
        && !crate::runtime::operators::wildcard_match(&f, GLOBAL, false)
    {
        return Ok(());
    }
    let tenant = read_tenant(ctx)?;
    let object = federation_object(tenant.configuration(FEDERATION));
    ctx.write_object(object);
    Ok(())
}

/// The allowed domains after `-AllowedDomainsAsAList` (a list replaces; Add/Remove change the
/// listed domains; every known domain counts as an empty list to change).
fn allowed_as_list(value: &Value, current: Option<&Json>) -> Json {
    let listed: Vec<String> = current
        .and_then(|c| c.get("allowedDomain"))
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Json::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let names = |v: &Value| -> Vec<String> {
        if v.is_null() {
            return Vec::new();
        }
        v.enumerate()
            .iter()
            .map(|d| match d {
                Value::Object(_) => d
                    .property("Domain")
                    .map(|x| x.to_ps_string())
                    .unwrap_or_else(|| d.to_ps_string()),
                other => other.to_ps_string(),
            })
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let result = match value {
        Value::Hashtable(h) => {
            let h = h.borrow();
            let mut list = listed;
            let mut replaced = None;
            for (k, v) in h.iter() {
                match k.to_ps_string().to_ascii_lowercase().as_str() {
                    "add" => {
                        for d in names(v) {
                            if !list.iter().any(|x| x.eq_ignore_ascii_case(&d)) {
                                list.push(d);
                            }
                        }
                    }
                    "remove" => {
                        let gone = names(v);
                        list.retain(|x| !gone.iter().any(|g| g.eq_ignore_ascii_case(x)));
                    }
                    _ => replaced = Some(names(v)),
                }
            }
            replaced.unwrap_or(list)
        }
        other => names(other),
    };
    json!({ "allowedDomain": result })
}

fn set_federation(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(typed) = b.string("Identity").filter(|t| !is_global(t)) {
        let r = not_found(ctx, &typed);
        return ctx.write_error(r);
    }
    let Some(config) = catalog::configuration(FEDERATION) else {
        return Ok(());
    };
    let current = read_tenant(ctx)?.configuration(FEDERATION).cloned();
    let mut settings = ExtraKeys::new();
    let instance = b.get("Instance").cloned().filter(|v| !v.is_null());
    for s in config.settings {
        let key = json_key(s.name);
        let now = current.as_ref().and_then(|m| m.get(&key));
        let given = match (&instance, b.get(s.name)) {
            (_, Some(v)) => Some(v.clone()),
            (Some(i), None) => i.property(s.name),
            (None, None) => None,
        };
        let Some(v) = given else {
            continue;
        };
        match to_stored(s, &v, now) {
            Ok(j) => {
                settings.insert(key, j);
            }
            Err(reason) => return refuse_value(ctx, s.name, &reason),
        }
    }
    if let Some(v) = b.get("AllowedDomainsAsAList") {
        let key = json_key("AllowedDomains");
        let now = settings
            .get(&key)
            .cloned()
            .or_else(|| current.as_ref().and_then(|m| m.get(&key)).cloned());
        settings.insert(key, allowed_as_list(v, now.as_ref()));
    }
    // Domain names are kept as given, compared without case: no repeats.
    for s in config
        .settings
        .iter()
        .filter(|s| s.kind == SettingKind::Domains)
    {
        if let Some(Json::Array(items)) = settings.get_mut(&json_key(s.name)) {
            let mut seen: Vec<String> = Vec::new();
            items.retain(|d| {
                let k = d.as_str().unwrap_or_default().to_ascii_lowercase();
                let fresh = !seen.contains(&k);
                seen.push(k);
                fresh
            });
        }
    }
    if !ctx.should_process(GLOBAL, "Set-CsTenantFederationConfiguration")? {
        return Ok(());
    }
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::SetConfiguration {
                name: FEDERATION.to_string(),
                settings,
            }],
        )
    })?;
    Ok(())
}

fn new_allow_list(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let domains: Vec<String> = match b.get("AllowedDomain") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => v
            .enumerate()
            .iter()
            .map(|d| match d {
                Value::Object(_) => d
                    .property("Domain")
                    .map(|x| x.to_ps_string())
                    .unwrap_or_else(|| d.to_ps_string()),
                other => other.to_ps_string(),
            })
            .collect(),
    };
    ctx.write_object(allow_list(&domains));
    Ok(())
}

fn new_domain_pattern(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let domain = b.string("Domain").unwrap_or_default();
    ctx.write_object(domain_pattern(domain.trim()));
    Ok(())
}

fn new_allow_all(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    ctx.write_object(allow_all_known_domains());
    Ok(())
}

//! The Teams policy family: New-, Get-, Set-, Remove- and Grant-Cs<Name> for every policy type
//! the catalog declares (`store::catalog`), each built from that one declaration: its settings
//! become New's and Set's parameters (typed by their kind), the properties of the objects the
//! cmdlets return (Identity first, then the settings in declared order, each with its stored
//! value or its default), and the help. Grants go through `policy_kind::grant`, as the
//! application access policy's do. Texts marked "chosen" are recorded in docs/fidelity.md.

use serde_json::{Value as Json, json};

use super::policy_kind::{PolicyKind, grant};
use super::service::{Decision, client_error, policy_not_found, read_tenant, transact};
use crate::runtime::number::Number;
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value,
};
use crate::store::catalog::{
    self, Fallback, PolicyType, Setting, SettingKind, fallback_json, json_key,
};
use crate::store::{Change, ExtraKeys, GLOBAL, TeamsPolicy, bare_policy_name, policy_identity};
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, PipelineMode, Requires, types};

const MODULE: &str = "MicrosoftTeams";
/// The namespace of the Teams module's policy objects and their parts.
pub const CORE: &str = "Microsoft.Teams.Policy.Administration.Cmdlets.Core";

/// Every cmdlet of every catalog policy type.
pub fn definitions() -> Vec<CmdletDef> {
    catalog::POLICY_TYPES
        .iter()
        .flat_map(|ty| family_definitions(ty))
        .collect()
}

/// "Teams meeting policy" for `TeamsMeetingPolicy`.
pub fn friendly(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    // Keep acronyms written as such ("Teams app permission policy", "online voice...").
    out
}

/// The parameter type a setting's kind binds as.
pub fn param_type(kind: SettingKind) -> ParamType {
    match kind {
        SettingKind::Bool => types::BOOL,
        SettingKind::Text | SettingKind::Choice(_) => types::STRING,
        SettingKind::Int32 => types::INT32,
        SettingKind::UInt32 => types::UINT32,
        SettingKind::Int64 => types::INT64,
        SettingKind::Guid => types::GUID,
        SettingKind::TextList | SettingKind::Apps | SettingKind::PinnedApps => types::OBJECT,
        SettingKind::RecordingApps => ParamType::new(
            ParamKind::Object,
            "ComplianceRecordingApplication[]",
            "Microsoft.Teams.Policy.Administration.Cmdlets.Core.ComplianceRecordingApplication[]",
        ),
        SettingKind::AllowedDomains => ParamType::new(
            ParamKind::Object,
            "IAllowedDomainsChoice",
            "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.IAllowedDomainsChoice",
        ),
        SettingKind::Domains => ParamType::new(
            ParamKind::Object,
            "List",
            "System.Collections.Generic.List`1[System.Object]",
        ),
    }
}

/// A setting as a parameter (its help says the default).
pub fn setting_param(s: &Setting) -> ParamDef {
    let default = match s.default {
        Fallback::Bool(b) => format!(" Default: {}.", if b { "$true" } else { "$false" }),
        Fallback::Text("") => String::new(),
        Fallback::Text(t) => format!(" Default: {t}."),
        Fallback::Int(i) => format!(" Default: {i}."),
        _ => String::new(),
    };
    ParamDef::new(s.name, param_type(s.kind)).help(format!("{}{default}", s.help))
}

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

fn class(verb: &str, ty: &PolicyType) -> String {
    format!("Microsoft.Teams.ConfigApi.Cmdlets.{verb}Cs{}", ty.name)
}

fn leak(s: String) -> &'static str {
    // The definitions are built once per session from static declarations; the few strings
    // they format are kept for the process's life, like the declarations themselves.
    Box::leak(s.into_boxed_str())
}

/// The settings as parameters, in the docs' alphabetical order (the binder lists ambiguous
/// matches in declaration order, as aapsh's other cmdlets do).
fn setting_params(ty: &PolicyType) -> Vec<ParamDef> {
    let mut settings: Vec<&Setting> = ty.settings.iter().collect();
    settings.sort_by_key(|s| s.name.to_ascii_lowercase());
    settings.into_iter().map(setting_param).collect()
}

fn family_definitions(ty: &'static PolicyType) -> Vec<CmdletDef> {
    let noun = format!("Cs{}", ty.name);
    let what = friendly(ty.name);
    let about = format!("The {what} {}.", ty.about);
    let mut new = CmdletDef::new(format!("New-{noun}"), MODULE, new_policy)
        .requires(Requires::Teams)
        .should_process()
        .param(
            ParamDef::new("Identity", types::XDS_IDENTITY)
                .position(1)
                .mandatory()
                .help("The name of the new policy (the Tag: prefix is optional)."),
        );
    for p in setting_params(ty) {
        new = new.param(p);
    }
    new = new
        .param(force_param())
        .param(
            ParamDef::new("InMemory", types::SWITCH)
                .help("Returns the new policy without saving it (pass it to Set- with -Instance)."),
        )
        .param(tenant_param())
        .example(
            leak(format!("Create a {what}")),
            leak(format!(
                "New-{noun} -Identity {} {}",
                ty.example_name, ty.example_settings
            )),
            "Creates the policy; every setting not given keeps its default.",
        );
    new.class_name = class("New", ty).into();
    new.synopsis = format!("Creates a new {what}.").into();
    new.description = format!("{about} New- creates a policy with the Identity Tag:<name>; it can then be granted to users, groups or the tenant with Grant-{noun}.").into();
    new.outputs = leak(format!(
        "The new policy (Identity and its {} settings).",
        ty.settings.len()
    ));

    let mut get = CmdletDef::new(format!("Get-{noun}"), MODULE, get_policy)
        .requires(Requires::Teams)
        .default_set("Identity")
        .param(
            ParamDef::new("Filter", types::STRING)
                .sets(&["Filter"])
                .help(
                    "A wildcard matched against the Identity (Global, Tag:<name>), e.g. \"tag:*\".",
                ),
        )
        .param(
            ParamDef::new("Identity", types::XDS_IDENTITY)
                .sets(&["Identity"])
                .position(1)
                .help("The policy to return: its name, Tag:<name>, or Global."),
        )
        .param(
            ParamDef::new("LocalStore", types::SWITCH)
                .ignored_offline()
                .help("Reads the local replica (every read is local offline)."),
        )
        .param(tenant_param())
        .example(
            "Return every policy",
            leak(format!("Get-{noun}")),
            "Returns Global and every Tag: policy, in the order they were created.",
        )
        .example(
            "Return the Global policy",
            leak(format!("Get-{noun} -Identity Global")),
            "Returns the policy that applies to users nothing else is granted to.",
        );
    get.class_name = class("Get", ty).into();
    get.synopsis = format!("Returns the {what} instances of the tenant.").into();
    get.description = format!("{about} Get- returns all of them, one by -Identity, or those whose Identity matches -Filter.").into();
    get.outputs = "Policy objects.";

    let mut set = CmdletDef::new(format!("Set-{noun}"), MODULE, set_policy)
        .requires(Requires::Teams)
        .should_process()
        .pipeline(PipelineMode::PerRecord)
        .default_set("Identity")
        .param(
            ParamDef::new("Identity", types::XDS_IDENTITY)
                .sets(&["Identity"])
                .position(1)
                .by_property_name()
                .help("The policy to change: its name, Tag:<name>, or Global (the default). Binds from piped policies."),
        )
        .param(ParamDef::new("Instance", types::PSOBJECT).sets(&["Instance"]).help("A policy object (from Get- or New- -InMemory) whose settings are written to the policy of its Identity."));
    for p in setting_params(ty) {
        set = set.param(p);
    }
    set = set.param(force_param()).param(tenant_param()).example(
        leak(format!("Change a {what}")),
        leak(format!(
            "Set-{noun} -Identity {} {}",
            ty.example_name, ty.example_settings
        )),
        "Changes the settings given; the others keep their values.",
    );
    set.class_name = class("Set", ty).into();
    set.synopsis = format!("Changes a {what}.").into();
    set.description = format!("{about} Set- changes the settings given, of the policy named by -Identity (Global when it is left out) or of the policy of -Instance's Identity.").into();

    let mut remove = CmdletDef::new(format!("Remove-{noun}"), MODULE, remove_policy)
        .requires(Requires::Teams)
        .should_process()
        .pipeline(PipelineMode::PerRecord)
        .param(
            ParamDef::new("Identity", types::XDS_IDENTITY)
                .position(1)
                .mandatory()
                .by_property_name()
                .help("The policy to remove: its name or Tag:<name>. Removing Global resets it to its defaults."),
        )
        .param(force_param())
        .param(tenant_param())
        .example(
            leak(format!("Remove a {what}")),
            leak(format!("Remove-{noun} -Identity {}", ty.example_name)),
            "Removes the policy; a policy still granted must be unassigned first.",
        );
    remove.class_name = class("Remove", ty).into();
    remove.synopsis = format!("Removes a {what}.").into();
    remove.description = format!("{about} Remove- deletes a Tag: policy that is no longer granted; Global cannot be deleted and is reset to its defaults instead.").into();

    let mut grant_def = CmdletDef::new(format!("Grant-{noun}"), MODULE, grant_policy)
        .requires(Requires::Teams)
        .should_process()
        .pipeline(PipelineMode::PerRecord)
        .default_set("GrantToTenant")
        .param(ParamDef::new("Global", types::SWITCH).sets(&["GrantToTenant"]).help("Grants the policy to every user of the tenant without a policy of their own; a direct or group grant still wins."))
        .param(ParamDef::new("Group", types::STRING).sets(&["GrantToGroup"]).mandatory().help("The group to grant the policy to: object id, display name or e-mail address."))
        .param(ParamDef::new("Identity", types::USER_ID).sets(&["Identity"]).position(0).mandatory().by_property_name().help("The user: object id, UPN, SIP address, alias or display name. Binds from piped users (Get-CsOnlineUser | ...)."))
        .param(ParamDef::new("MsftInternalProcessingMode", types::STRING).ignored_offline().help("For internal use only."))
        .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the user (for -Identity), or $true, when the command succeeds."))
        .param(ParamDef::new("PolicyName", types::STRING).position(1).help("The policy's name, without Tag:. $null unassigns."))
        .param(ParamDef::new("Rank", types::INT32).sets(&["GrantToGroup"]).help("The rank of the group grant among this policy type's group grants (1 wins)."))
        .example(
            "Grant a policy to a user",
            leak(format!("Grant-{noun} -Identity megan.bowen@contoso.onmicrosoft.com -PolicyName {}", ty.example_name)),
            "The user gets the policy directly; it shows in Get-CsOnlineUser.",
        )
        .example(
            "Grant a policy to a group",
            leak(format!("Grant-{noun} -Group \"Webinar Hosts\" -PolicyName {} -Rank 1", ty.example_name)),
            "Members get the policy unless they have one of their own or a lower-ranked group's.",
        )
        .example(
            "Grant a policy to the tenant",
            leak(format!("Grant-{noun} -PolicyName {} -Global", ty.example_name)),
            "Every user without a policy of their own or from a group gets it.",
        )
        .example(
            "Unassign a user's policy",
            leak(format!("Grant-{noun} -Identity megan.bowen@contoso.onmicrosoft.com -PolicyName $null")),
            "The user falls back to a group grant, the tenant grant, or Global.",
        );
    grant_def.class_name = class("Grant", ty).into();
    grant_def.synopsis = format!("Grants a {what} to a user, a group or the whole tenant.").into();
    grant_def.description = format!("{about} A user has one {what} at a time: a direct grant wins over group grants (the lowest rank wins among the user's groups), which win over the tenant grant (-Global), which wins over Global. -PolicyName $null unassigns.").into();

    vec![new, get, set, remove, grant_def]
        .into_iter()
        .map(|d| d.fidelity(Fidelity::Emulated))
        .collect()
}

/// The policy type a family cmdlet serves (from its noun, `Cs<Name>`).
fn policy_type_of(ctx: &CommandContext<'_>) -> &'static PolicyType {
    let noun = ctx.def.noun();
    catalog::policy_type(noun.strip_prefix("Cs").unwrap_or(noun))
        .unwrap_or(catalog::POLICY_TYPES[0])
}

// ---------------------------------------------------------------------------------------------
// Objects

/// The type name of the parts of an app list, by setting.
fn app_type(setting: &str) -> &'static str {
    match setting {
        "DefaultCatalogApps" => "DefaultCatalogApp",
        "GlobalCatalogApps" => "GlobalCatalogApp",
        "PrivateCatalogApps" => "PrivateCatalogApp",
        "AppPresetList" => "AppPreset",
        "AppPresetMeetingList" => "AppPresetMeeting",
        "PinnedAppBarApps" => "PinnedApp",
        "PinnedMessageBarApps" => "PinnedMessageBarApp",
        "PinnedCallingBarApps" => "PinnedCallingBarApp",
        "AdditionalCustomizationApps" => "AdditionalCustomizationApp",
        _ => "App",
    }
}

fn text_of(j: &Json) -> Value {
    match j {
        Json::String(s) => Value::str(s),
        Json::Null => Value::Null,
        other => Value::str(other.to_string()),
    }
}

/// A domain pattern object (New-CsEdgeDomainPattern): `Domain`, shown as `Domain=<name>`.
pub fn domain_pattern(domain: &str) -> Value {
    Value::object(
        PsObject::new("Microsoft.Rtc.Management.WritableConfig.Policy.Edge.DomainPattern")
            .with_text(format!("Domain={domain}"))
            .with("Domain", Value::str(domain)),
    )
}

/// The federation's "every known domain" choice (New-CsEdgeAllowAllKnownDomains).
pub fn allow_all_known_domains() -> Value {
    let ty = "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.AllowAllKnownDomains";
    Value::object(PsObject::new(ty).with_text(ty))
}

/// An allow list (New-CsEdgeAllowList): `AllowedDomain`, the domain patterns.
pub fn allow_list(domains: &[String]) -> Value {
    let ty = "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.AllowList";
    Value::object(PsObject::new(ty).with_text(ty).with(
        "AllowedDomain",
        Value::array(domains.iter().map(|d| domain_pattern(d)).collect()),
    ))
}

/// A compliance recording application as the cmdlets return it (its identity is the policy's
/// and the application's id: `Tag:Policy/<id>`). `ToString` gives its type name, as the real
/// object's does.
pub fn recording_app_object(parent: &str, stored: &Json) -> Value {
    let ty = format!("{CORE}.ComplianceRecordingApplication");
    let id = stored.get("id").and_then(Json::as_str).unwrap_or_default();
    let mut o = PsObject::new(format!("Deserialized.{ty}"))
        .with_text(ty.clone())
        .with("Identity", Value::str(format!("{parent}/{id}")))
        .with("Id", Value::str(id));
    for s in catalog::RECORDING_APPLICATION {
        o.set(
            s.name,
            setting_value(parent, s, stored.get(json_key(s.name))),
        );
    }
    Value::object(o)
}

/// A setting's value as a PowerShell value: the stored one, or its default.
pub fn setting_value(owner: &str, s: &Setting, stored: Option<&Json>) -> Value {
    let fallback;
    let j = match stored {
        Some(j) => j,
        None => {
            fallback = fallback_json(s.default);
            &fallback
        }
    };
    let list = |j: &Json| -> Vec<Json> { j.as_array().cloned().unwrap_or_default() };
    match s.kind {
        SettingKind::Bool => j.as_bool().map_or(Value::Null, Value::Bool),
        SettingKind::Text | SettingKind::Choice(_) => text_of(j),
        SettingKind::Int32 => j
            .as_i64()
            .and_then(|i| i32::try_from(i).ok())
            .map_or(Value::Null, Value::int),
        SettingKind::UInt32 => j
            .as_u64()
            .and_then(|i| u32::try_from(i).ok())
            .map_or(Value::Null, |u| Value::Num(Number::UInt32(u))),
        SettingKind::Int64 => j.as_i64().map_or(Value::Null, Value::long),
        SettingKind::Guid => j
            .as_str()
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
            .map_or(Value::Null, Value::Guid),
        SettingKind::TextList => Value::array(list(j).iter().map(text_of).collect()),
        SettingKind::Domains => Value::array(
            list(j)
                .iter()
                .filter_map(Json::as_str)
                .map(domain_pattern)
                .collect(),
        ),
        SettingKind::Apps | SettingKind::PinnedApps => {
            let part = format!("{CORE}.{}", app_type(s.name));
            Value::array(
                list(j)
                    .iter()
                    .map(|app| {
                        let id = app.get("id").and_then(Json::as_str).unwrap_or_default();
                        let mut o = PsObject::new(format!("Deserialized.{part}"));
                        o.set("Id", Value::str(id));
                        let text = match app.get("order").and_then(Json::as_i64) {
                            Some(order) if s.kind == SettingKind::PinnedApps => {
                                o.set("Order", Value::long(order));
                                format!("Id={id};Order={order}")
                            }
                            _ => format!("Id={id}"),
                        };
                        Value::object(o.with_text(text))
                    })
                    .collect(),
            )
        }
        SettingKind::RecordingApps => Value::array(
            list(j)
                .iter()
                .map(|app| recording_app_object(owner, app))
                .collect(),
        ),
        SettingKind::AllowedDomains => match j {
            Json::Object(map) => {
                let domains: Vec<String> = map
                    .get("allowedDomain")
                    .and_then(Json::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Json::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                allow_list(&domains)
            }
            _ => allow_all_known_domains(),
        },
    }
}

/// A policy as the cmdlets return it: Identity, then every setting in declared order.
pub fn policy_object(ty: &PolicyType, p: &TeamsPolicy) -> Value {
    let mut o = PsObject::new(ty.object_type).with("Identity", Value::str(&p.identity));
    for s in ty.settings {
        o.set(
            s.name,
            setting_value(&p.identity, s, p.settings.get(&json_key(s.name))),
        );
    }
    Value::object(o)
}

// ---------------------------------------------------------------------------------------------
// Values given to New and Set

/// The items a list parameter names, and how they change the current list.
enum ListChange {
    Replace(Vec<Value>),
    Modify { add: Vec<Value>, remove: Vec<Value> },
}

/// `@{Add=...; Remove=...; Replace=...}` (keys case-insensitive) or a list (replace).
fn list_change(value: &Value) -> Result<ListChange, String> {
    if let Value::Hashtable(h) = value {
        let h = h.borrow();
        let modifier_keys = h.iter().all(|(k, _)| {
            matches!(
                k.to_ps_string().to_ascii_lowercase().as_str(),
                "add" | "remove" | "replace"
            )
        });
        if modifier_keys && !h.is_empty() {
            let mut add = Vec::new();
            let mut remove = Vec::new();
            let mut replace = None;
            for (k, v) in h.iter() {
                let items = if v.is_null() {
                    Vec::new()
                } else {
                    v.enumerate()
                };
                match k.to_ps_string().to_ascii_lowercase().as_str() {
                    "add" => add.extend(items),
                    "remove" => remove.extend(items),
                    _ => replace.get_or_insert_with(Vec::new).extend(items),
                }
            }
            return Ok(match replace {
                Some(items) if !items.is_empty() => ListChange::Replace(items),
                _ => ListChange::Modify { add, remove },
            });
        }
    }
    Ok(ListChange::Replace(if value.is_null() {
        Vec::new()
    } else {
        value.enumerate()
    }))
}

/// An app given as an object with Id (and Order), a hashtable, or the id itself.
fn app_item(v: &Value, pinned: bool, index: usize) -> Result<Json, String> {
    let prop = |name: &str| -> Option<Value> {
        match v {
            Value::Hashtable(h) => h
                .borrow()
                .iter()
                .find(|(k, _)| k.to_ps_string().eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            Value::Object(_) => v.property(name),
            _ => None,
        }
    };
    let id = match v {
        Value::String(s) => s.to_string(),
        _ => prop("Id")
            .map(|i| i.to_ps_string())
            .ok_or_else(|| format!("\"{}\" has no Id", v.to_ps_string()))?,
    };
    if id.trim().is_empty() {
        return Err("an app's Id must not be empty".to_string());
    }
    if !pinned {
        return Ok(json!({ "id": id.trim() }));
    }
    let order = prop("Order")
        .and_then(|o| o.to_ps_string().trim().parse::<i64>().ok())
        .unwrap_or(index as i64 + 1);
    Ok(json!({ "id": id.trim(), "order": order }))
}

/// A domain given as a DomainPattern object or a name.
fn domain_item(v: &Value) -> String {
    match v {
        Value::Object(_) => v
            .property("Domain")
            .map(|d| d.to_ps_string())
            .unwrap_or_else(|| v.to_ps_string()),
        other => other.to_ps_string(),
    }
    .trim()
    .to_string()
}

/// A recording application given as an object (New-CsTeamsComplianceRecordingApplication), a
/// hashtable with Id, or the id: stored with its settings (defaults where not given).
fn recording_item(v: &Value) -> Result<Json, String> {
    let prop = |name: &str| -> Option<Value> {
        match v {
            Value::Hashtable(h) => h
                .borrow()
                .iter()
                .find(|(k, _)| k.to_ps_string().eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            Value::Object(_) => v.property(name),
            _ => None,
        }
    };
    let id = match v {
        Value::String(s) => s.to_string(),
        Value::Guid(g) => g.hyphenated().to_string(),
        _ => prop("Id")
            .map(|i| i.to_ps_string())
            .ok_or_else(|| format!("\"{}\" has no Id", v.to_ps_string()))?,
    };
    let id = id.trim().to_ascii_lowercase();
    if uuid::Uuid::try_parse(&id).is_err() {
        return Err(format!(
            "\"{id}\" is not the object id of an application instance (a GUID)"
        ));
    }
    let mut map = serde_json::Map::new();
    map.insert("id".into(), Json::from(id));
    for s in catalog::RECORDING_APPLICATION {
        if let Some(given) = prop(s.name).filter(|v| !v.is_null()) {
            map.insert(json_key(s.name), to_stored(s, &given, None)?);
        }
    }
    Ok(Json::Object(map))
}

/// The stored form of a value given for a setting; `current` is the setting's value now (for
/// `@{Add=...}` and `@{Remove=...}`). The error is the reason, for `invalid_value`.
pub fn to_stored(s: &Setting, v: &Value, current: Option<&Json>) -> Result<Json, String> {
    let number = |v: &Value| -> Option<i64> {
        match v {
            Value::Num(n) => n.as_i128().and_then(|i| i64::try_from(i).ok()),
            other => other.to_ps_string().trim().parse().ok(),
        }
    };
    Ok(match s.kind {
        SettingKind::Bool => match v {
            Value::Null => Json::Null,
            other => Json::Bool(other.is_truthy()),
        },
        SettingKind::Text => match v {
            Value::Null => Json::Null,
            other => Json::from(other.to_ps_string()),
        },
        SettingKind::Choice(choices) => match v {
            Value::Null => Json::Null,
            other => {
                let text = other.to_ps_string();
                let found = choices
                    .iter()
                    .find(|c| c.eq_ignore_ascii_case(text.trim()))
                    .ok_or_else(|| {
                        format!(
                            "\"{text}\" is not a valid value for {}. Valid values: {}.",
                            s.name,
                            choices.join(", ")
                        )
                    })?;
                Json::from(*found)
            }
        },
        SettingKind::Int32 | SettingKind::UInt32 | SettingKind::Int64 => match v {
            Value::Null => Json::Null,
            other => Json::from(
                number(other)
                    .ok_or_else(|| format!("\"{}\" is not a number", other.to_ps_string()))?,
            ),
        },
        SettingKind::Guid => match v {
            Value::Null => Json::Null,
            Value::Guid(g) => Json::from(g.hyphenated().to_string()),
            other => {
                let text = other.to_ps_string();
                let g = uuid::Uuid::try_parse(text.trim())
                    .map_err(|_| format!("\"{text}\" is not a GUID"))?;
                Json::from(g.hyphenated().to_string())
            }
        },
        SettingKind::AllowedDomains => match v {
            Value::Null => json!({ "allowedDomain": [] }),
            Value::Object(o) => {
                let names = o.borrow().type_names.clone();
                if names.iter().any(|n| n.ends_with("AllowAllKnownDomains")) {
                    Json::from("AllowAllKnownDomains")
                } else if names.iter().any(|n| n.ends_with("AllowList")) {
                    let domains: Vec<Json> = v
                        .property("AllowedDomain")
                        .map(|d| {
                            if d.is_null() {
                                Vec::new()
                            } else {
                                d.enumerate()
                            }
                        })
                        .unwrap_or_default()
                        .iter()
                        .map(|d| Json::from(domain_item(d)))
                        .collect();
                    json!({ "allowedDomain": domains })
                } else {
                    return Err(cannot_convert(
                        v,
                        "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.IAllowedDomainsChoice",
                    ));
                }
            }
            other => {
                return Err(cannot_convert(
                    other,
                    "Microsoft.Rtc.Management.WritableConfig.Policy.Edge.IAllowedDomainsChoice",
                ));
            }
        },
        SettingKind::TextList
        | SettingKind::Domains
        | SettingKind::Apps
        | SettingKind::PinnedApps
        | SettingKind::RecordingApps => {
            let item = |v: &Value, i: usize| -> Result<Json, String> {
                match s.kind {
                    SettingKind::Domains => Ok(Json::from(domain_item(v))),
                    SettingKind::Apps => app_item(v, false, i),
                    SettingKind::PinnedApps => app_item(v, true, i),
                    SettingKind::RecordingApps => recording_item(v),
                    _ => Ok(Json::from(v.to_ps_string())),
                }
            };
            // Items compare by their id (apps) or text.
            let key = |j: &Json| -> String {
                j.get("id")
                    .and_then(Json::as_str)
                    .map(str::to_string)
                    .or_else(|| j.as_str().map(str::to_string))
                    .unwrap_or_default()
                    .to_ascii_lowercase()
            };
            match list_change(v)? {
                ListChange::Replace(items) => Json::Array(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| item(v, i))
                        .collect::<Result<_, _>>()?,
                ),
                ListChange::Modify { add, remove } => {
                    let mut list: Vec<Json> = current
                        .cloned()
                        .or_else(|| Some(fallback_json(s.default)))
                        .and_then(|j| j.as_array().cloned())
                        .unwrap_or_default();
                    for r in &remove {
                        let k = key(&item(r, 0)?);
                        if let Some(i) = list.iter().position(|x| key(x) == k) {
                            list.remove(i);
                        }
                    }
                    let start = list.len();
                    for (i, a) in add.iter().enumerate() {
                        let a = item(a, start + i)?;
                        if list.iter().any(|x| key(x) == key(&a)) {
                            return Err(format!(
                                "Cannot add these items to the collection as they conflict or have duplicate key/identity: {}: {}",
                                s.name,
                                key(&a)
                            ));
                        }
                        list.push(a);
                    }
                    Json::Array(list)
                }
            }
        }
    })
}

/// pwsh's conversion failure for an object-typed parameter given the wrong kind of value.
fn cannot_convert(v: &Value, to: &str) -> String {
    format!(
        "Cannot convert the \"{}\" value of type \"{}\" to type \"{to}\".",
        v.to_ps_string(),
        v.type_name()
    )
}

/// A value the service refuses (chosen wording, in the service's framing).
fn invalid_value(ctx: &CommandContext<'_>, reason: &str) -> ErrorRecord {
    let mut r = client_error(ctx, reason);
    r.category = ErrorCategory::InvalidArgument;
    r
}

/// Reports a value `to_stored` refused for the setting `name`: an object of the wrong type is
/// pwsh's parameter binding failure (terminating, as the binder's are); anything else is the
/// service's refusal.
pub fn refuse_value(ctx: &mut CommandContext<'_>, name: &str, reason: &str) -> Result<(), Flow> {
    if reason.starts_with("Cannot convert the ") {
        let r = ctx.error(
            "System.Management.Automation.ParameterBindingException",
            format!("Cannot bind parameter '{name}'. {reason}"),
            "CannotConvertArgumentNoMessage",
            ErrorCategory::InvalidArgument,
        );
        return Err(ctx.terminate(r));
    }
    let r = invalid_value(ctx, reason);
    ctx.write_error(r)
}

/// The settings New or Set was given, in stored form (`current`: the policy they change).
fn given_settings(
    ty: &PolicyType,
    b: &BoundParameters,
    current: Option<&TeamsPolicy>,
) -> Result<ExtraKeys, (&'static str, String)> {
    let mut out = ExtraKeys::new();
    for s in ty.settings {
        if !b.has(s.name) {
            continue;
        }
        let v = b.get(s.name).cloned().unwrap_or(Value::Null);
        let key = json_key(s.name);
        let now = current.and_then(|p| p.settings.get(&key));
        out.insert(key, to_stored(s, &v, now).map_err(|e| (s.name, e))?);
    }
    Ok(out)
}

/// The settings of a policy object (-Instance), in stored form.
fn instance_settings(
    ty: &PolicyType,
    instance: &Value,
) -> Result<ExtraKeys, (&'static str, String)> {
    let mut out = ExtraKeys::new();
    for s in ty.settings {
        if let Some(v) = instance.property(s.name) {
            out.insert(
                json_key(s.name),
                to_stored(s, &v, None).map_err(|e| (s.name, e))?,
            );
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Handlers

/// Why a name cannot name a new policy (as New-CsApplicationAccessPolicy says it).
fn invalid_policy_name(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("the policy name is empty.")
    } else if name.contains(':') {
        Some("a policy name cannot contain ':'. Give the name alone, or Tag:<name>.")
    } else {
        None
    }
}

fn already_exists(ctx: &CommandContext<'_>, identity: &str) -> ErrorRecord {
    let mut r = client_error(ctx, &format!("\"{identity}\" already exists"));
    r.category = ErrorCategory::ResourceExists;
    r.target_object = Some(Value::str(identity));
    r
}

fn new_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ty = policy_type_of(ctx);
    let typed = b.string("Identity").unwrap_or_default();
    let name = bare_policy_name(typed.trim()).trim().to_string();
    if let Some(problem) = invalid_policy_name(&name) {
        let mut r = invalid_value(
            ctx,
            &format!("\"{typed}\" is not a valid policy identity: {problem}"),
        );
        r.target_object = Some(Value::str(&typed));
        return ctx.write_error(r);
    }
    let settings = match given_settings(ty, b, None) {
        Ok(s) => s,
        Err((name, reason)) => return refuse_value(ctx, name, &reason),
    };
    let identity = policy_identity(&name);
    let policy = TeamsPolicy::new(identity.clone(), settings.clone());
    if b.switch("InMemory") {
        ctx.write_object(policy_object(ty, &policy));
        return Ok(());
    }
    if name.eq_ignore_ascii_case(GLOBAL) {
        let r = already_exists(ctx, GLOBAL);
        return ctx.write_error(r);
    }
    if !ctx.should_process(&identity, &format!("New-Cs{}", ty.name))? {
        return Ok(());
    }
    let exists = already_exists(ctx, &identity);
    let created = transact(ctx, |t| {
        if t.family(ty.name).and_then(|f| f.find(&name)).is_some() {
            return Decision::Fail(Box::new(exists));
        }
        Decision::Apply(
            policy.clone(),
            vec![Change::NewTeamsPolicy {
                policy_type: ty.name.to_string(),
                name: name.clone(),
                settings: settings.clone(),
            }],
        )
    })?;
    if let Some(p) = created {
        ctx.write_object(policy_object(ty, &p));
    }
    Ok(())
}

fn get_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ty = policy_type_of(ctx);
    let identity = b.string("Identity");
    let filter = b.string("Filter");
    let tenant = read_tenant(ctx)?;
    let Some(family) = tenant.family(ty.name) else {
        return Ok(());
    };
    let found: Result<Vec<Value>, String> = match (&identity, &filter) {
        (Some(id), _) => family
            .find(id.trim())
            .map(|p| vec![policy_object(ty, p)])
            .ok_or_else(|| id.clone()),
        (None, Some(f)) => Ok(family
            .policies
            .iter()
            .filter(|p| crate::runtime::operators::wildcard_match(f, &p.identity, false))
            .map(|p| policy_object(ty, p))
            .collect()),
        (None, None) => Ok(family
            .policies
            .iter()
            .map(|p| policy_object(ty, p))
            .collect()),
    };
    match found {
        Ok(objects) => {
            for o in objects {
                ctx.write_object(o);
            }
            Ok(())
        }
        Err(typed) => {
            let r = policy_not_found(ctx, &typed);
            ctx.write_error(r)
        }
    }
}

fn set_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ty = policy_type_of(ctx);
    let instance = b.get("Instance").cloned().filter(|v| !v.is_null());
    let typed = match &instance {
        Some(i) => i
            .property("Identity")
            .map(|v| v.to_ps_string())
            .unwrap_or_else(|| GLOBAL.to_string()),
        None => b.string("Identity").unwrap_or_else(|| GLOBAL.to_string()),
    };
    let current = {
        let tenant = read_tenant(ctx)?;
        tenant
            .family(ty.name)
            .and_then(|f| f.find(typed.trim()))
            .cloned()
    };
    let Some(current) = current else {
        let r = policy_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    let mut settings = match &instance {
        Some(i) => match instance_settings(ty, i) {
            Ok(s) => s,
            Err((name, reason)) => return refuse_value(ctx, name, &reason),
        },
        None => ExtraKeys::new(),
    };
    match given_settings(ty, b, Some(&current)) {
        Ok(given) => settings.extend(given),
        Err((name, reason)) => return refuse_value(ctx, name, &reason),
    }
    if !ctx.should_process(&current.identity, &format!("Set-Cs{}", ty.name))? {
        return Ok(());
    }
    let not_found = policy_not_found(ctx, &typed);
    let identity = current.identity.clone();
    transact(ctx, |t| {
        if t.family(ty.name).and_then(|f| f.find(&identity)).is_none() {
            return Decision::Fail(Box::new(not_found));
        }
        Decision::Apply(
            (),
            vec![Change::SetTeamsPolicy {
                policy_type: ty.name.to_string(),
                identity: identity.clone(),
                settings,
            }],
        )
    })?;
    Ok(())
}

fn remove_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ty = policy_type_of(ctx);
    let typed = b.string("Identity").unwrap_or_default();
    let target = {
        let tenant = read_tenant(ctx)?;
        tenant
            .family(ty.name)
            .and_then(|f| f.find(typed.trim()))
            .map(|p| p.identity.clone())
    };
    let Some(identity) = target else {
        let r = policy_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&identity, &format!("Remove-Cs{}", ty.name))? {
        return Ok(());
    }
    let not_found = policy_not_found(ctx, &typed);
    let in_use = client_error(
        ctx,
        &format!(
            "The policy \"{identity}\" is currently assigned to one or more users. Assign a different policy to the users before removing this one."
        ),
    );
    transact(ctx, |t| {
        let Some(p) = t.family(ty.name).and_then(|f| f.find(&identity)) else {
            return Decision::Fail(Box::new(not_found));
        };
        if !p.is_global() && !t.teams_policy_references(ty.name, &p.identity).is_empty() {
            return Decision::Fail(Box::new(in_use));
        }
        Decision::Apply(
            (),
            vec![Change::RemoveTeamsPolicy {
                policy_type: ty.name.to_string(),
                identity: p.identity.clone(),
            }],
        )
    })?;
    Ok(())
}

fn grant_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ty = policy_type_of(ctx);
    grant(ctx, b, PolicyKind::Teams(ty))
}

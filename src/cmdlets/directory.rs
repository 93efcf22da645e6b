//! The directory through the Microsoft Graph PowerShell SDK's cmdlets: New-/Get-/Remove-MgUser,
//! New-/Get-MgGroup, New-/Get-MgGroupMember, Remove-MgGroupMemberByRef and New-/Get-MgApplication,
//! with their real parameter names and output objects, over the store's users, groups and app
//! registrations. Errors are Graph errors (`graph::GraphError`) in the SDK's shape.

use serde_json::Value as Json;

use super::graph::{GraphError, require_graph, to_json, write_sdk_error};
use super::service::{Decision, read_tenant, transact};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, Flow, Hashtable, PsObject, Value};
use crate::store::{Application, Change, ExtraKeys, Group, Tenant, User, keys, same_id};
use crate::vocab::{Fidelity, ParamDef, Requires, types};

const USERS_MODULE: &str = "Microsoft.Graph.Users";
const GROUPS_MODULE: &str = "Microsoft.Graph.Groups";
const APPS_MODULE: &str = "Microsoft.Graph.Applications";
pub const USER_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser";
pub const GROUP_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphGroup";
pub const APPLICATION_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphApplication";
pub const DIRECTORY_OBJECT_TYPE: &str =
    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphDirectoryObject";

pub(super) fn list_params(d: CmdletDef) -> CmdletDef {
    d.param(ParamDef::new("Filter", types::STRING).sets(&["List"]).help(
        "Filter items by property values (OData): displayName eq 'x', startswith(displayName,'A').",
    ))
    .param(
        ParamDef::new("All", types::SWITCH)
            .sets(&["List"])
            .help("List all pages."),
    )
    .param(
        ParamDef::new("Top", types::INT32)
            .sets(&["List"])
            .help("Show only the first n items."),
    )
    .param(
        ParamDef::new("Search", types::STRING)
            .sets(&["List"])
            .ignored_offline()
            .help("Search items by search phrases."),
    )
    .param(
        ParamDef::new("ConsistencyLevel", types::STRING)
            .sets(&["List"])
            .ignored_offline()
            .help("Indicates the requested consistency level."),
    )
    .param(
        ParamDef::new("CountVariable", types::STRING)
            .sets(&["List"])
            .ignored_offline()
            .help("Specifies a count of the total number of items in a collection."),
    )
    .param(
        ParamDef::new("Sort", types::STRING_ARRAY)
            .sets(&["List"])
            .ignored_offline()
            .help("Order items by property values."),
    )
    .param(
        ParamDef::new("Property", types::STRING_ARRAY)
            .ignored_offline()
            .help("Select properties to be returned (all are returned offline)."),
    )
    .param(
        ParamDef::new("ExpandProperty", types::STRING_ARRAY)
            .ignored_offline()
            .help("Expand related entities."),
    )
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("New-MgUser", USERS_MODULE, new_user)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgUser")
            .synopsis("Create a new user object.")
            .description("Creates a user in the store's directory. The userPrincipalName must use the tenant's domain and be unique; the new user gets a generated object id.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("user: a hashtable with accountEnabled, displayName, mailNickname, userPrincipalName, passwordProfile..."))
            .param(ParamDef::new("AccountEnabled", types::SWITCH).sets(&["CreateExpanded"]).help("true if the account is enabled; otherwise, false."))
            .param(ParamDef::new("DisplayName", types::STRING).sets(&["CreateExpanded"]).help("The name displayed in the address book for the user."))
            .param(ParamDef::new("MailNickname", types::STRING).sets(&["CreateExpanded"]).help("The mail alias for the user."))
            .param(ParamDef::new("UserPrincipalName", types::STRING).sets(&["CreateExpanded"]).help("The user principal name (someuser@contoso.com)."))
            .param(ParamDef::new("PasswordProfile", types::HASHTABLE).sets(&["CreateExpanded"]).help("passwordProfile (not kept offline)."))
            .param(ParamDef::new("Mail", types::STRING).sets(&["CreateExpanded"]).help("The SMTP address for the user."))
            .param(ParamDef::new("GivenName", types::STRING).sets(&["CreateExpanded"]).help("The given name (first name) of the user."))
            .param(ParamDef::new("Surname", types::STRING).sets(&["CreateExpanded"]).help("The user's surname."))
            .param(ParamDef::new("JobTitle", types::STRING).sets(&["CreateExpanded"]).help("The user's job title."))
            .param(ParamDef::new("Department", types::STRING).sets(&["CreateExpanded"]).help("The name of the department."))
            .param(ParamDef::new("UsageLocation", types::STRING).sets(&["CreateExpanded"]).help("A two-letter country code."))
            .example(
                "Create a user",
                "$PasswordProfile = @{ Password = 'xWwvJ]6NMw+bWH-d' }\nNew-MgUser -DisplayName 'Rene Magi' -PasswordProfile $PasswordProfile -AccountEnabled -MailNickName 'ReneMagi' -UserPrincipalName 'ReneMagi@contoso.onmicrosoft.com'",
                "Creates the user and returns it.",
            ),
        list_params(
            CmdletDef::new("Get-MgUser", USERS_MODULE, get_user)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUser")
                .synopsis("Retrieve the properties and relationships of user object.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("UserId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of user (object id or UPN).")),
        )
        .example("Get all users", "Get-MgUser -All", "Lists the directory's users."),
        CmdletDef::new("Remove-MgUser", USERS_MODULE, remove_user)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgUser")
            .synopsis("Delete a user object.")
            .description("Deletes the user with their group memberships, their direct application access policy assignment and their online meetings.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds.")),
        CmdletDef::new("New-MgGroup", GROUPS_MODULE, new_group)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgGroup")
            .synopsis("Create a new group as specified in the request body.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("group: a hashtable with displayName, mailEnabled, mailNickname, securityEnabled..."))
            .param(ParamDef::new("DisplayName", types::STRING).sets(&["CreateExpanded"]).help("The display name for the group. Required."))
            .param(ParamDef::new("MailEnabled", types::SWITCH).sets(&["CreateExpanded"]).help("Specifies whether the group is mail-enabled. Required."))
            .param(ParamDef::new("MailNickname", types::STRING).sets(&["CreateExpanded"]).help("The mail alias for the group. Required."))
            .param(ParamDef::new("SecurityEnabled", types::SWITCH).sets(&["CreateExpanded"]).help("Specifies whether the group is a security group. Required."))
            .param(ParamDef::new("Description", types::STRING).sets(&["CreateExpanded"]).help("An optional description for the group."))
            .param(ParamDef::new("GroupTypes", types::STRING_ARRAY).sets(&["CreateExpanded"]).help("Unified for a Microsoft 365 group; empty for a security group."))
            .example(
                "Create a security group",
                "New-MgGroup -DisplayName 'Meeting Bots Users' -MailEnabled:$False -MailNickname 'meetingbots' -SecurityEnabled",
                "Creates a security group and returns it.",
            ),
        list_params(
            CmdletDef::new("Get-MgGroup", GROUPS_MODULE, get_group)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgGroup")
                .synopsis("Get the properties and relationships of a group object.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("GroupId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of group.")),
        ),
        CmdletDef::new("New-MgGroupMember", GROUPS_MODULE, new_group_member)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgGroupMember")
            .synopsis("Add a member to a security or Microsoft 365 group.")
            .default_set("Create")
            .description("Adds a user to a group. Group membership decides group policy assignments; like any access change it reaches Microsoft Graph after the propagation delay.")
            .requires(Requires::Graph)
            .should_process()
            .param(ParamDef::new("GroupId", types::STRING).mandatory().help("The unique identifier of group."))
            .param(ParamDef::new("DirectoryObjectId", types::STRING).mandatory().help("The user's object id."))
            .param(ParamDef::new("AdditionalProperties", types::HASHTABLE).ignored_offline().help("Additional Parameters.")),
        list_params(
            CmdletDef::new("Get-MgGroupMember", GROUPS_MODULE, get_group_member)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgGroupMember")
                .synopsis("The members of this group, who can be users, devices, other groups, or service principals.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("GroupId", types::STRING).mandatory().help("The unique identifier of group.")),
        ),
        CmdletDef::new("Remove-MgGroupMemberByRef", GROUPS_MODULE, remove_group_member)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgGroupMemberByRef")
            .synopsis("Remove a member from a group via the members navigation property.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("GroupId", types::STRING).mandatory().help("The unique identifier of group."))
            .param(ParamDef::new("DirectoryObjectId", types::STRING).mandatory().help("The unique identifier of directoryObject."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds.")),
        CmdletDef::new("New-MgApplication", APPS_MODULE, new_application)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgApplication")
            .synopsis("Create a new application object.")
            .description("Registers an app: it gets a new AppId (client id). It has no application permissions until Grant-EmuAppPermission grants them (admin consent offline).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("application: a hashtable with displayName, signInAudience..."))
            .param(ParamDef::new("DisplayName", types::STRING).sets(&["CreateExpanded"]).help("The display name for the application."))
            .param(ParamDef::new("SignInAudience", types::STRING).sets(&["CreateExpanded"]).help("AzureADMyOrg (default), AzureADMultipleOrgs..."))
            .param(ParamDef::new("Notes", types::STRING).sets(&["CreateExpanded"]).help("Notes relevant for the management of the application."))
            .param(ParamDef::new("RequiredResourceAccess", types::OBJECT_ARRAY).sets(&["CreateExpanded"]).help("The permissions the app requests (granted only when an admin consents)."))
            .example("Register an app", "New-MgApplication -DisplayName 'Meeting bot'", "Creates the app registration and returns it with its AppId."),
        list_params(
            CmdletDef::new("Get-MgApplication", APPS_MODULE, get_application)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgApplication")
                .synopsis("Get the properties and relationships of an application object.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("ApplicationId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier (object id) of application.")),
        )
        .example("Find an app by AppId", "Get-MgApplication -Filter \"appId eq 'a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83'\"", "Returns the app registration."),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::Emulated))
    .collect()
}

pub(super) fn text(extra: &ExtraKeys, key: &str) -> Value {
    extra
        .get(key)
        .and_then(Json::as_str)
        .map_or(Value::Null, Value::str)
}

pub(super) fn flag(extra: &ExtraKeys, key: &str, default: bool) -> Value {
    Value::Bool(extra.get(key).and_then(Json::as_bool).unwrap_or(default))
}

pub fn user_object(u: &User) -> Value {
    Value::object(
        PsObject::new(USER_TYPE)
            .with("Id", Value::str(&u.object_id))
            .with("DisplayName", Value::str(&u.display_name))
            .with("Mail", text(&u.extra, keys::MAIL))
            .with("UserPrincipalName", Value::str(&u.user_principal_name))
            .with(
                "AccountEnabled",
                flag(&u.extra, keys::ACCOUNT_ENABLED, true),
            )
            .with("MailNickname", text(&u.extra, keys::MAIL_NICKNAME))
            .with("GivenName", text(&u.extra, keys::GIVEN_NAME))
            .with("Surname", text(&u.extra, keys::SURNAME))
            .with("JobTitle", text(&u.extra, keys::JOB_TITLE))
            .with("Department", text(&u.extra, keys::DEPARTMENT))
            .with("UsageLocation", text(&u.extra, keys::USAGE_LOCATION)),
    )
}

pub fn group_object(g: &Group) -> Value {
    let types = g
        .extra
        .get(keys::GROUP_TYPES)
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Json::as_str)
                .map(Value::str)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Value::object(
        PsObject::new(GROUP_TYPE)
            .with("DisplayName", Value::str(&g.display_name))
            .with("Id", Value::str(&g.object_id))
            .with("MailNickname", text(&g.extra, keys::MAIL_NICKNAME))
            .with("Description", text(&g.extra, keys::DESCRIPTION))
            .with("GroupTypes", Value::array(types))
            .with("MailEnabled", flag(&g.extra, keys::MAIL_ENABLED, false))
            .with(
                "SecurityEnabled",
                flag(&g.extra, keys::SECURITY_ENABLED, true),
            ),
    )
}

/// An application's object id: the stored `id`, else one derived from the appId (stable).
pub(super) fn application_object_id(a: &Application) -> String {
    if let Some(id) = a.extra.get(keys::ID).and_then(Json::as_str) {
        return id.to_string();
    }
    // FNV-1a over the appId, laid out as a version-4 GUID: stable across sessions.
    let mut bytes = [0u8; 16];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        for b in a.app_id.to_ascii_lowercase().bytes().chain([i as u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        chunk.copy_from_slice(&h.to_be_bytes());
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

pub fn application_object(t: &Tenant, a: &Application) -> Value {
    Value::object(
        PsObject::new(APPLICATION_TYPE)
            .with("DisplayName", Value::str(&a.display_name))
            .with("Id", Value::str(application_object_id(a)))
            .with("AppId", Value::str(&a.app_id))
            .with(
                "SignInAudience",
                match a.extra.get(keys::SIGN_IN_AUDIENCE).and_then(Json::as_str) {
                    Some(s) => Value::str(s),
                    None => Value::str("AzureADMyOrg"),
                },
            )
            .with(
                "PublisherDomain",
                match a.extra.get(keys::PUBLISHER_DOMAIN).and_then(Json::as_str) {
                    Some(s) => Value::str(s),
                    None => Value::str(&t.tenant.domain),
                },
            )
            .with("Notes", text(&a.extra, keys::NOTES))
            .with(
                "RequiredResourceAccess",
                super::graph_apps::required_resource_access(a),
            ),
    )
}

/// A minimal OData `$filter`: `prop eq 'v'`, `prop ne 'v'`, `startswith(prop,'v')`, joined by
/// `and`/`or` (left to right). `None` for anything else.
pub(super) fn odata_matches(filter: &str, get: &dyn Fn(&str) -> Option<String>) -> Option<bool> {
    let lower = filter.to_ascii_lowercase();
    for (sep, is_and) in [(" or ", false), (" and ", true)] {
        if let Some(i) = lower.find(sep) {
            let a = odata_matches(&filter[..i], get)?;
            let b = odata_matches(&filter[i + sep.len()..], get)?;
            return Some(if is_and { a && b } else { a || b });
        }
    }
    let f = filter.trim();
    let unquote = |s: &str| -> Option<String> {
        let s = s.trim();
        s.strip_prefix('\'')
            .and_then(|s| s.strip_suffix('\''))
            .map(|s| s.replace("''", "'"))
    };
    // `get` keeps the slice on a char boundary (a filter may start with any text).
    if let Some(head) = f.get(..11)
        && head.eq_ignore_ascii_case("startswith(")
    {
        let inner = f[11..].strip_suffix(')')?;
        let (prop, value) = inner.split_once(',')?;
        let value = unquote(value)?;
        let actual = get(prop.trim())?;
        return Some(
            actual
                .to_ascii_lowercase()
                .starts_with(&value.to_ascii_lowercase()),
        );
    }
    let parts: Vec<&str> = f.splitn(3, ' ').collect();
    let [prop, op, value] = parts.as_slice() else {
        return None;
    };
    let value = unquote(value)?;
    let actual = get(prop)?;
    let eq = actual.eq_ignore_ascii_case(&value);
    match op.to_ascii_lowercase().as_str() {
        "eq" => Some(eq),
        "ne" => Some(!eq),
        _ => None,
    }
}

fn invalid_filter(filter: &str) -> GraphError {
    GraphError::bad_request(format!("Invalid filter clause: {filter}"))
}

/// Objects filtered by `-Filter` and cut by `-Top`, or the 400 to report.
pub(super) fn listed(
    b: &BoundParameters,
    items: Vec<Value>,
    fields: &dyn Fn(&Value, &str) -> Option<String>,
) -> Result<Vec<Value>, GraphError> {
    let mut out = Vec::new();
    for item in items {
        if let Some(f) = b.string("Filter") {
            match odata_matches(&f, &|p| fields(&item, p)) {
                None => return Err(invalid_filter(&f)),
                Some(false) => continue,
                Some(true) => {}
            }
        }
        out.push(item);
    }
    if let Some(n) = b.int("Top") {
        out.truncate(usize::try_from(n.max(0)).unwrap_or(0));
    }
    Ok(out)
}

/// A property of an output object for OData filters (camelCase names, case-insensitive).
pub(super) fn field(item: &Value, name: &str) -> Option<String> {
    item.property(name.trim()).map(|v| v.to_ps_string())
}

/// The Graph-style target of a request (`{ UserId = ..., ... }`).
pub(super) fn target(kind: &str, id: &str) -> String {
    format!("{{ {kind} = {id}, Headers =  }}")
}

pub(super) fn variant(name: &str, b: &BoundParameters) -> String {
    format!("{name}_{}", b.set)
}

/// Writes the objects, or the Graph error.
pub(super) fn emit(
    ctx: &mut CommandContext<'_>,
    variant: &str,
    target: &str,
    result: Result<Vec<Value>, GraphError>,
) -> Result<(), Flow> {
    match result {
        Ok(items) => {
            for i in items {
                ctx.write_object(i);
            }
            Ok(())
        }
        Err(e) => write_sdk_error(ctx, variant, target, &e, None),
    }
}

/// The body of a Create-set call, or the expanded parameters mapped to Graph property names.
pub(super) fn body(
    b: &BoundParameters,
    expanded: &[(&str, &str)],
) -> serde_json::Map<String, Json> {
    if let Some(v) = b.get("BodyParameter") {
        return match to_json(v) {
            Json::Object(m) => m,
            _ => Default::default(),
        };
    }
    let mut map = serde_json::Map::new();
    for (param, key) in expanded {
        if let Some(v) = b.get(param) {
            map.insert((*key).to_string(), to_json(v));
        }
    }
    map
}

pub(super) fn body_str(map: &serde_json::Map<String, Json>, key: &str) -> Option<String> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| v.as_str().map(str::to_string))
        .filter(|s| !s.trim().is_empty())
}

pub(super) fn body_bool(map: &serde_json::Map<String, Json>, key: &str) -> Option<bool> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| v.as_bool())
}

fn new_user(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgUser", b);
    let map = body(
        b,
        &[
            ("AccountEnabled", "accountEnabled"),
            ("DisplayName", "displayName"),
            ("MailNickname", "mailNickname"),
            ("UserPrincipalName", "userPrincipalName"),
            ("PasswordProfile", "passwordProfile"),
            ("Mail", "mail"),
            ("GivenName", "givenName"),
            ("Surname", "surname"),
            ("JobTitle", "jobTitle"),
            ("Department", "department"),
            ("UsageLocation", "usageLocation"),
        ],
    );
    let tgt = "{ Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser }";
    let domain = read_tenant(ctx)?.tenant.domain.clone();
    let check = (|| {
        for key in ["displayName", "mailNickname", "userPrincipalName"] {
            if body_str(&map, key).is_none() {
                return Err(GraphError::bad_request(format!(
                    "Invalid value specified for property '{key}' of resource 'User'."
                )));
            }
        }
        if !map
            .keys()
            .any(|k| k.eq_ignore_ascii_case("passwordProfile"))
        {
            return Err(GraphError::bad_request(
                "Invalid value specified for property 'passwordProfile' of resource 'User'.",
            ));
        }
        let upn = body_str(&map, "userPrincipalName").unwrap_or_default();
        let upn_domain = upn.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
        if !upn_domain.eq_ignore_ascii_case(&domain) {
            return Err(GraphError::bad_request(
                "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
            ));
        }
        Ok(upn)
    })();
    let upn = match check {
        Ok(upn) => upn,
        Err(e) => return write_sdk_error(ctx, &v, tgt, &e, None),
    };
    if !ctx.should_process(&upn, "New-MgUser")? {
        return Ok(());
    }
    let object_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let mut properties = ExtraKeys::new();
    for key in [
        keys::MAIL,
        keys::MAIL_NICKNAME,
        keys::GIVEN_NAME,
        keys::SURNAME,
        keys::JOB_TITLE,
        keys::DEPARTMENT,
        keys::USAGE_LOCATION,
    ] {
        if let Some(s) = body_str(&map, key) {
            properties.insert(key.to_string(), Json::from(s));
        }
    }
    properties.insert(
        keys::ACCOUNT_ENABLED.to_string(),
        Json::from(body_bool(&map, "accountEnabled").unwrap_or(false)),
    );
    properties.insert(
        keys::CREATED_DATE_TIME.to_string(),
        Json::from(crate::store::format_time(ctx.session.clock.now())),
    );
    let display = body_str(&map, "displayName").unwrap_or_default();
    let dup = GraphError::bad_request(
        "Another object with the same value for property userPrincipalName already exists.",
    );
    let outcome = ctx.session.store.transact(|t| {
        if t.users
            .iter()
            .any(|u| u.user_principal_name.eq_ignore_ascii_case(&upn))
        {
            return Err(dup);
        }
        Ok((
            (),
            vec![Change::NewUser {
                object_id: object_id.clone(),
                user_principal_name: upn.clone(),
                display_name: display.clone(),
                properties: properties.clone(),
            }],
        ))
    });
    match outcome {
        Ok(Ok(())) => {
            let t = read_tenant(ctx)?;
            let obj = t.user_by_id(&object_id).map(user_object);
            if let Some(o) = obj {
                ctx.write_object(o);
            }
            Ok(())
        }
        Ok(Err(e)) => write_sdk_error(ctx, &v, tgt, &e, None),
        Err(e) => Err(super::service::store_failure(ctx, &e)),
    }
}

/// A user by object id or UPN (what Graph's `/users/{id}` accepts).
pub(super) fn graph_user<'t>(t: &'t Tenant, typed: &str) -> Option<&'t User> {
    let typed = typed.trim();
    t.user_by_id(typed).or_else(|| {
        t.users
            .iter()
            .find(|u| u.user_principal_name.eq_ignore_ascii_case(typed))
    })
}

fn get_user(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgUser", b);
    let t = read_tenant(ctx)?;
    let (tgt, result) = match b.string("UserId") {
        Some(id) => (
            target("UserId", &id),
            graph_user(t, &id)
                .map(|u| vec![user_object(u)])
                .ok_or_else(|| GraphError::not_found(&id)),
        ),
        None => (
            "{ Headers =  }".to_string(),
            listed(b, t.users.iter().map(user_object).collect(), &field),
        ),
    };
    emit(ctx, &v, &tgt, result)
}

fn remove_user(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    remove_object(
        ctx,
        b,
        "Remove-MgUser",
        "UserId",
        |t, typed| graph_user(t, typed).map(|u| u.object_id.clone()),
        |user_id| Change::RemoveUser { user_id },
    )
}

/// A `Remove-Mg*` cmdlet: the object named by the id typed for `param` (`find` gives the id the
/// store change takes, or None: the SDK's not-found error), ShouldProcess, the change, and
/// `True` with -PassThru.
pub(super) fn remove_object(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    cmdlet: &str,
    param: &str,
    find: impl Fn(&Tenant, &str) -> Option<String>,
    change: impl Fn(String) -> Change,
) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant(cmdlet, b);
    let typed = b.string(param).unwrap_or_default();
    let tgt = target(param, &typed);
    let Some(id) = find(read_tenant(ctx)?, &typed) else {
        return write_sdk_error(ctx, &v, &tgt, &GraphError::not_found(&typed), None);
    };
    if !ctx.should_process(&typed, cmdlet)? {
        return Ok(());
    }
    let done = transact(ctx, |_| Decision::Apply((), vec![change(id.clone())]))?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn new_group(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgGroup", b);
    let map = body(
        b,
        &[
            ("DisplayName", "displayName"),
            ("MailEnabled", "mailEnabled"),
            ("MailNickname", "mailNickname"),
            ("SecurityEnabled", "securityEnabled"),
            ("Description", "description"),
            ("GroupTypes", "groupTypes"),
        ],
    );
    let tgt = "{ Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphGroup }";
    for key in ["displayName", "mailNickname"] {
        if body_str(&map, key).is_none() {
            let e = GraphError::bad_request(format!(
                "Invalid value specified for property '{key}' of resource 'Group'."
            ));
            return write_sdk_error(ctx, &v, tgt, &e, None);
        }
    }
    let display = body_str(&map, "displayName").unwrap_or_default();
    if !ctx.should_process(&display, "New-MgGroup")? {
        return Ok(());
    }
    let object_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let mut properties = ExtraKeys::new();
    for key in [keys::MAIL_NICKNAME, keys::DESCRIPTION] {
        if let Some(s) = body_str(&map, key) {
            properties.insert(key.to_string(), Json::from(s));
        }
    }
    for key in [keys::MAIL_ENABLED, keys::SECURITY_ENABLED] {
        properties.insert(
            key.to_string(),
            Json::from(body_bool(&map, key).unwrap_or(false)),
        );
    }
    let types: Vec<Json> = map
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("groupTypes"))
        .map(|(_, v)| match v {
            Json::Array(a) => a.clone(),
            Json::String(s) => vec![Json::from(s.as_str())],
            _ => Vec::new(),
        })
        .unwrap_or_default();
    properties.insert(keys::GROUP_TYPES.to_string(), Json::Array(types));
    let done = transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::NewGroup {
                object_id: object_id.clone(),
                display_name: display.clone(),
                properties: properties.clone(),
            }],
        )
    })?;
    if done.is_some() {
        let t = read_tenant(ctx)?;
        let obj = t
            .groups
            .iter()
            .find(|g| same_id(&g.object_id, &object_id))
            .map(group_object);
        if let Some(o) = obj {
            ctx.write_object(o);
        }
    }
    Ok(())
}

pub(super) fn graph_group<'t>(t: &'t Tenant, typed: &str) -> Option<&'t Group> {
    t.groups
        .iter()
        .find(|g| same_id(&g.object_id, typed.trim()))
}

fn get_group(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgGroup", b);
    let t = read_tenant(ctx)?;
    let (tgt, result) = match b.string("GroupId") {
        Some(id) => (
            target("GroupId", &id),
            graph_group(t, &id)
                .map(|g| vec![group_object(g)])
                .ok_or_else(|| GraphError::not_found(&id)),
        ),
        None => (
            "{ Headers =  }".to_string(),
            listed(b, t.groups.iter().map(group_object).collect(), &field),
        ),
    };
    emit(ctx, &v, &tgt, result)
}

fn new_group_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgGroupMember", b);
    let group_typed = b.string("GroupId").unwrap_or_default();
    let member_typed = b.string("DirectoryObjectId").unwrap_or_default();
    let tgt = target("GroupId", &group_typed);
    let found = {
        let t = read_tenant(ctx)?;
        match (
            graph_group(t, &group_typed),
            t.user_by_id(member_typed.trim()),
        ) {
            (None, _) => Err(GraphError::not_found(&group_typed)),
            (_, None) => Err(GraphError::not_found(&member_typed)),
            (Some(g), Some(u)) if g.members.iter().any(|m| same_id(m, &u.object_id)) => {
                Err(GraphError::bad_request(
                    "One or more added object references already exist for the following modified properties: 'members'.",
                ))
            }
            (Some(g), Some(u)) => Ok((g.object_id.clone(), u.object_id.clone())),
        }
    };
    let (group_id, user_id) = match found {
        Ok(ids) => ids,
        Err(e) => return write_sdk_error(ctx, &v, &tgt, &e, None),
    };
    if !ctx.should_process(&group_typed, "New-MgGroupMember")? {
        return Ok(());
    }
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::AddGroupMember {
                group_id: group_id.clone(),
                user_id: user_id.clone(),
            }],
        )
    })?;
    Ok(())
}

fn member_object(u: &User) -> Value {
    let mut extra = Hashtable::new(false);
    extra.insert(
        Value::str("@odata.type"),
        Value::str("#microsoft.graph.user"),
    );
    extra.insert(Value::str("displayName"), Value::str(&u.display_name));
    extra.insert(
        Value::str("userPrincipalName"),
        Value::str(&u.user_principal_name),
    );
    Value::object(
        PsObject::new(DIRECTORY_OBJECT_TYPE)
            .with("Id", Value::str(&u.object_id))
            .with("DeletedDateTime", Value::Null)
            .with("AdditionalProperties", Value::hashtable(extra)),
    )
}

fn get_group_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgGroupMember", b);
    let typed = b.string("GroupId").unwrap_or_default();
    let t = read_tenant(ctx)?;
    let result = match graph_group(t, &typed) {
        None => Err(GraphError::not_found(&typed)),
        Some(g) => {
            let members = g
                .members
                .iter()
                .filter_map(|m| t.user_by_id(m))
                .map(member_object)
                .collect();
            listed(b, members, &field)
        }
    };
    emit(ctx, &v, &target("GroupId", &typed), result)
}

fn remove_group_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Remove-MgGroupMemberByRef", b);
    let group_typed = b.string("GroupId").unwrap_or_default();
    let member_typed = b.string("DirectoryObjectId").unwrap_or_default();
    let tgt = target("GroupId", &group_typed);
    let found = {
        let t = read_tenant(ctx)?;
        match graph_group(t, &group_typed) {
            None => Err(GraphError::not_found(&group_typed)),
            Some(g) => g
                .members
                .iter()
                .find(|m| same_id(m, member_typed.trim()))
                .map(|m| (g.object_id.clone(), m.clone()))
                .ok_or_else(|| GraphError::not_found(&member_typed)),
        }
    };
    let (group_id, user_id) = match found {
        Ok(ids) => ids,
        Err(e) => return write_sdk_error(ctx, &v, &tgt, &e, None),
    };
    if !ctx.should_process(&group_typed, "Remove-MgGroupMemberByRef")? {
        return Ok(());
    }
    let done = transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::RemoveGroupMember {
                group_id: group_id.clone(),
                user_id: user_id.clone(),
            }],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn new_application(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgApplication", b);
    let map = body(
        b,
        &[
            ("DisplayName", "displayName"),
            ("SignInAudience", "signInAudience"),
            ("Notes", "notes"),
            ("RequiredResourceAccess", "requiredResourceAccess"),
        ],
    );
    let Some(display) = body_str(&map, "displayName") else {
        let e = GraphError::bad_request(
            "Invalid value specified for property 'displayName' of resource 'Application'.",
        );
        return write_sdk_error(
            ctx,
            &v,
            "{ Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphApplication }",
            &e,
            None,
        );
    };
    if !ctx.should_process(&display, "New-MgApplication")? {
        return Ok(());
    }
    let app_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let object_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let mut properties = ExtraKeys::new();
    properties.insert(keys::ID.to_string(), Json::from(object_id));
    properties.insert(
        keys::SIGN_IN_AUDIENCE.to_string(),
        Json::from(body_str(&map, "signInAudience").unwrap_or_else(|| "AzureADMyOrg".into())),
    );
    properties.insert(
        keys::CREATED_DATE_TIME.to_string(),
        Json::from(crate::store::format_time(ctx.session.clock.now())),
    );
    if let Some(notes) = body_str(&map, "notes") {
        properties.insert(keys::NOTES.to_string(), Json::from(notes));
    }
    if let Some((_, access)) = map
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("requiredResourceAccess"))
    {
        properties.insert(
            keys::REQUIRED_RESOURCE_ACCESS.to_string(),
            super::graph_apps::resource_access(access),
        );
    }
    let done = transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::NewApplication {
                app_id: app_id.clone(),
                display_name: display.clone(),
                properties: properties.clone(),
            }],
        )
    })?;
    if done.is_some() {
        let t = read_tenant(ctx)?;
        let obj = t
            .find_application(&app_id)
            .map(|a| application_object(t, a));
        if let Some(o) = obj {
            ctx.write_object(o);
        }
    }
    Ok(())
}

fn get_application(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgApplication", b);
    let t = read_tenant(ctx)?;
    let (tgt, result) = match b.string("ApplicationId") {
        Some(id) => (
            target("ApplicationId", &id),
            t.applications
                .iter()
                .find(|a| same_id(&application_object_id(a), id.trim()))
                .map(|a| vec![application_object(t, a)])
                .ok_or_else(|| GraphError::not_found(&id)),
        ),
        None => (
            "{ Headers =  }".to_string(),
            listed(
                b,
                t.applications
                    .iter()
                    .map(|a| application_object(t, a))
                    .collect(),
                &field,
            ),
        ),
    };
    emit(ctx, &v, &tgt, result)
}

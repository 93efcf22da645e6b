//! The Microsoft Graph cmdlets admins run around the policy to register and consent an app:
//! Get-MgOrganization; Update- and Remove-MgApplication (New- and Get- are in `directory`);
//! Get- and New-MgServicePrincipal; New-, Get- and Remove-MgServicePrincipalAppRoleAssignment
//! (granting an application permission such as OnlineMeetings.ReadWrite.All: the app's
//! permissions then decide Graph calls as Grant-EmuAppPermission's do); Get-, New-, Update- and
//! Remove-MgOauth2PermissionGrant (delegated consent); Get-MgUserJoinedTeam.
//!
//! Service principals: an app registration has one once New-MgServicePrincipal made it (the
//! store keeps its object id on the app); Microsoft Graph's own is built in, with the
//! application roles (permissions) the online meeting scenario uses and their real ids. Errors
//! are Graph errors in the SDK's shape (`graph::GraphError`). Chosen behaviours are recorded in
//! docs/fidelity.md.

use serde_json::{Value as Json, json};

use super::directory::{
    application_object_id, body, body_str, emit, field, graph_user, list_params, listed,
    remove_object, target, variant,
};
use super::graph::{GraphError, require_graph, write_sdk_error};
use super::service::{Decision, read_tenant, transact};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, Flow, Hashtable, PsObject, Value,
};
use crate::store::{Application, Change, ExtraKeys, Tenant, keys, same_id};
use crate::vocab::{Fidelity, ParamDef, Requires, types};

const APPS_MODULE: &str = "Microsoft.Graph.Applications";
const DIRECTORY_MODULE: &str = "Microsoft.Graph.Identity.DirectoryManagement";
const SIGNINS_MODULE: &str = "Microsoft.Graph.Identity.SignIns";
const TEAMS_MODULE: &str = "Microsoft.Graph.Teams";

pub const ORGANIZATION_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOrganization";
pub const SERVICE_PRINCIPAL_TYPE: &str =
    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePrincipal";
pub const APP_ROLE_ASSIGNMENT_TYPE: &str =
    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppRoleAssignment";
pub const GRANT_TYPE: &str =
    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant";
pub const TEAM_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphTeam";
const APP_ROLE_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppRole";

/// Microsoft Graph's application id (the same in every tenant).
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";

/// Microsoft Graph's application roles (permissions) that apps of the online meeting scenario
/// ask for: (id, value, display name). The ids are Graph's own, the same in every tenant.
const GRAPH_ROLES: &[(&str, &str, &str)] = &[
    (
        "c1684f21-1984-47fa-9d61-2dc8c296bb70",
        "OnlineMeetings.Read.All",
        "Read online meeting details",
    ),
    (
        "b8bb2037-6e08-44ac-a4ea-4674e010e2a4",
        "OnlineMeetings.ReadWrite.All",
        "Read and create online meetings",
    ),
    (
        "a4a08342-c95d-476b-b943-97e100569c8d",
        "OnlineMeetingRecording.Read.All",
        "Read all recordings of online meetings.",
    ),
    (
        "a4a80d8d-d283-4bd8-8504-555ec3870630",
        "OnlineMeetingTranscript.Read.All",
        "Read all transcripts of online meetings.",
    ),
    (
        "df01ed3b-eb61-4eca-9965-6b3d789751b2",
        "OnlineMeetingArtifact.Read.All",
        "Read online meeting artifacts",
    ),
    (
        "a7a681dc-756e-4909-b988-f160edc6655f",
        "Calls.AccessMedia.All",
        "Access media streams in a call as an app",
    ),
    (
        "f6b49018-60ab-4f81-83bd-22caeabfed2d",
        "Calls.JoinGroupCall.All",
        "Join group calls and meetings as an app",
    ),
    (
        "284383ee-7f6e-4e40-a2a8-e85dcb029101",
        "Calls.Initiate.All",
        "Initiate outgoing 1 to 1 calls from the app",
    ),
    (
        "798ee544-9d2d-430c-a058-570e29e34338",
        "Calendars.Read",
        "Read calendars in all mailboxes",
    ),
    (
        "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
        "Calendars.ReadWrite",
        "Read and write calendars in all mailboxes",
    ),
    (
        "df021288-bdef-4463-88db-98f22de89214",
        "User.Read.All",
        "Read all users' full profiles",
    ),
    (
        "741f803b-c850-494e-b5df-cde7c675a1ca",
        "User.ReadWrite.All",
        "Read and write all users' full profiles",
    ),
    (
        "5b567255-7703-4780-807c-7be8301ae99b",
        "Group.Read.All",
        "Read all groups",
    ),
    (
        "62a82d76-70ea-41e2-9197-370581804d09",
        "Group.ReadWrite.All",
        "Read and write all groups",
    ),
    (
        "7ab1d382-f21e-4acd-a863-ba3e13f7da61",
        "Directory.Read.All",
        "Read directory data",
    ),
    (
        "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
        "Application.ReadWrite.All",
        "Read and write all applications",
    ),
    (
        "06b708a9-e830-4db3-a914-8e69da51d44f",
        "AppRoleAssignment.ReadWrite.All",
        "Manage app permission grants and app role assignments",
    ),
];

/// A deterministic GUID from text (FNV-1a laid out as a version-4 GUID), for ids the store
/// does not keep: Microsoft Graph's service principal in this tenant, the role of a permission
/// Graph's table does not list.
fn derived_guid(seed: &str) -> String {
    let mut bytes = [0u8; 16];
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        for b in seed.to_ascii_lowercase().bytes().chain([i as u8]) {
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

/// Microsoft Graph's service principal in this tenant (its object id differs per tenant).
fn graph_sp_id(t: &Tenant) -> String {
    derived_guid(&format!("graph-service-principal/{}", t.tenant.tenant_id))
}

/// The role id of a permission (Graph's own when listed, else a stable derived one).
fn role_id(permission: &str) -> String {
    GRAPH_ROLES
        .iter()
        .find(|(_, v, _)| v.eq_ignore_ascii_case(permission))
        .map_or_else(
            || derived_guid(&format!("app-role/{permission}")),
            |(id, _, _)| id.to_string(),
        )
}

fn role_by_id(id: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    GRAPH_ROLES
        .iter()
        .find(|(rid, _, _)| same_id(rid, id.trim()))
}

/// An app role assignment's id: 43 characters of base64url, as Graph's are, stable for the
/// service principal and the role.
fn assignment_id(sp: &str, role: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let seed = format!("{sp}/{role}");
    let mut out = String::with_capacity(43);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for i in 0..43u8 {
        for b in seed.bytes().chain([i]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.push(ALPHABET[(h >> 58) as usize] as char);
    }
    out
}

fn sp_of(a: &Application) -> Option<String> {
    a.extra
        .get(keys::SERVICE_PRINCIPAL_ID)
        .and_then(Json::as_str)
        .map(str::to_string)
}

/// The app registration whose service principal has this object id.
fn app_by_sp<'t>(t: &'t Tenant, sp: &str) -> Option<&'t Application> {
    t.applications
        .iter()
        .find(|a| sp_of(a).is_some_and(|id| same_id(&id, sp.trim())))
}

fn app_role_object(id: &str, value: &str, name: &str) -> Value {
    Value::object(
        PsObject::new(APP_ROLE_TYPE)
            .with_text(APP_ROLE_TYPE)
            .with(
                "AllowedMemberTypes",
                Value::array(vec![Value::str("Application")]),
            )
            .with("Description", Value::str(name))
            .with("DisplayName", Value::str(name))
            .with("Id", Value::str(id))
            .with("IsEnabled", Value::Bool(true))
            .with("Origin", Value::str("Application"))
            .with("Value", Value::str(value)),
    )
}

fn graph_sp_object(t: &Tenant) -> Value {
    Value::object(
        PsObject::new(SERVICE_PRINCIPAL_TYPE)
            .with("DisplayName", Value::str("Microsoft Graph"))
            .with("Id", Value::str(graph_sp_id(t)))
            .with("AppId", Value::str(GRAPH_APP_ID))
            .with("SignInAudience", Value::str("AzureADMultipleOrgs"))
            .with("ServicePrincipalType", Value::str("Application"))
            .with("AppDisplayName", Value::str("Microsoft Graph"))
            .with("AccountEnabled", Value::Bool(true))
            .with(
                "AppRoles",
                Value::array(
                    GRAPH_ROLES
                        .iter()
                        .map(|(id, v, n)| app_role_object(id, v, n))
                        .collect(),
                ),
            )
            .with(
                "ServicePrincipalNames",
                Value::array(vec![
                    Value::str(GRAPH_APP_ID),
                    Value::str("https://graph.microsoft.com"),
                ]),
            ),
    )
}

fn app_sp_object(a: &Application, sp: &str) -> Value {
    Value::object(
        PsObject::new(SERVICE_PRINCIPAL_TYPE)
            .with("DisplayName", Value::str(&a.display_name))
            .with("Id", Value::str(sp))
            .with("AppId", Value::str(&a.app_id))
            .with(
                "SignInAudience",
                Value::str(
                    a.extra
                        .get(keys::SIGN_IN_AUDIENCE)
                        .and_then(Json::as_str)
                        .unwrap_or("AzureADMyOrg"),
                ),
            )
            .with("ServicePrincipalType", Value::str("Application"))
            .with("AppDisplayName", Value::str(&a.display_name))
            .with("AccountEnabled", Value::Bool(true))
            .with("AppRoles", Value::array(Vec::new()))
            .with(
                "ServicePrincipalNames",
                Value::array(vec![Value::str(&a.app_id)]),
            ),
    )
}

/// Every service principal: Microsoft Graph's, then the apps' in registration order.
fn all_sps(t: &Tenant) -> Vec<(String, Value)> {
    let mut out = vec![(graph_sp_id(t), graph_sp_object(t))];
    for a in &t.applications {
        if let Some(sp) = sp_of(a) {
            out.push((sp.clone(), app_sp_object(a, &sp)));
        }
    }
    out
}

fn assignment_object(t: &Tenant, a: &Application, sp: &str, permission: &str) -> Value {
    let role = role_id(permission);
    let created = a
        .extra
        .get(keys::CREATED_DATE_TIME)
        .and_then(Json::as_str)
        .and_then(crate::store::parse_time)
        .map_or(Value::Null, Value::DateTime);
    Value::object(
        PsObject::new(APP_ROLE_ASSIGNMENT_TYPE)
            .with("Id", Value::str(assignment_id(sp, &role)))
            .with("AppRoleId", Value::str(&role))
            .with("CreatedDateTime", created)
            .with("DeletedDateTime", Value::Null)
            .with("PrincipalDisplayName", Value::str(&a.display_name))
            .with("PrincipalId", Value::str(sp))
            .with("PrincipalType", Value::str("ServicePrincipal"))
            .with("ResourceDisplayName", Value::str("Microsoft Graph"))
            .with("ResourceId", Value::str(graph_sp_id(t))),
    )
}

fn grant_object(g: &Json) -> Value {
    let s = |k: &str| {
        g.get(k)
            .and_then(Json::as_str)
            .map_or(Value::Null, Value::str)
    };
    Value::object(
        PsObject::new(GRANT_TYPE)
            .with("ClientId", s("clientId"))
            .with("ConsentType", s("consentType"))
            .with("Id", s("id"))
            .with("PrincipalId", s("principalId"))
            .with("ResourceId", s("resourceId"))
            .with("Scope", s("scope")),
    )
}

/// Every delegated permission grant, with the app registration that holds it.
fn all_grants(t: &Tenant) -> Vec<(&Application, Json)> {
    t.applications
        .iter()
        .flat_map(|a| {
            a.extra
                .get(keys::OAUTH2_PERMISSION_GRANTS)
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .map(move |g| (a, g.clone()))
        })
        .collect()
}

pub fn definitions() -> Vec<CmdletDef> {
    let sdk = |d: CmdletDef| {
        d.param(
            ParamDef::new("Headers", types::HASHTABLE)
                .ignored_offline()
                .help("Optional headers that will be added to the request."),
        )
        .param(
            ParamDef::new("ResponseHeadersVariable", types::STRING)
                .ignored_offline()
                .help("Optional Response Headers Variable."),
        )
        .param(
            ParamDef::new("Break", types::SWITCH)
                .ignored_offline()
                .help("Wait for .NET debugger to attach."),
        )
    };
    vec![
        list_params(
            CmdletDef::new("Get-MgOrganization", DIRECTORY_MODULE, get_organization)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgOrganization")
                .synopsis("Retrieve a list of organization objects.")
                .description("Returns the tenant: its id, display name, verified domains and country.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("OrganizationId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of organization (the tenant id).")),
        )
        .example("The tenant id", "(Get-MgOrganization).Id", "Scripts read the tenant id before they connect to Teams."),
        sdk(CmdletDef::new("Update-MgApplication", APPS_MODULE, update_application)
            .class("Microsoft.Graph.PowerShell.Cmdlets.UpdateMgApplication")
            .synopsis("Update the properties of an application object.")
            .description("Changes an app registration (by its object id): display name, sign-in audience, notes, and the permissions it requests (RequiredResourceAccess). Requesting a permission does not grant it: an admin consents with New-MgServicePrincipalAppRoleAssignment.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("UpdateExpanded")
            .param(ParamDef::new("ApplicationId", types::STRING).mandatory().help("The unique identifier (object id) of application."))
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Update"]).mandatory().help("application: a hashtable with displayName, requiredResourceAccess..."))
            .param(ParamDef::new("DisplayName", types::STRING).sets(&["UpdateExpanded"]).help("The display name for the application."))
            .param(ParamDef::new("SignInAudience", types::STRING).sets(&["UpdateExpanded"]).help("AzureADMyOrg, AzureADMultipleOrgs..."))
            .param(ParamDef::new("Notes", types::STRING).sets(&["UpdateExpanded"]).help("Notes relevant for the management of the application."))
            .param(ParamDef::new("RequiredResourceAccess", types::OBJECT_ARRAY).sets(&["UpdateExpanded"]).help("The permissions the app requests: @{ResourceAppId=...; ResourceAccess=@(@{Id=<role id>; Type='Role'})}."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))
            .example(
                "Request OnlineMeetings.ReadWrite.All",
                "$params = @{ RequiredResourceAccess = @(@{ ResourceAppId = \"00000003-0000-0000-c000-000000000000\"; ResourceAccess = @(@{ Id = \"b8bb2037-6e08-44ac-a4ea-4674e010e2a4\"; Type = \"Role\" }) }) }\nUpdate-MgApplication -ApplicationId $app.Id -BodyParameter $params",
                "The app asks for the permission; an admin still has to consent.",
            )),
        sdk(CmdletDef::new("Remove-MgApplication", APPS_MODULE, remove_application)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgApplication")
            .synopsis("Delete an application object.")
            .description("Deletes the app registration with its service principal, its application permissions and its delegated grants. Application access policies that list its AppId keep it (a policy may list any app).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("ApplicationId", types::STRING).mandatory().help("The unique identifier (object id) of application."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))),
        list_params(
            CmdletDef::new("Get-MgServicePrincipal", APPS_MODULE, get_service_principal)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgServicePrincipal")
                .synopsis("Retrieve the properties and relationships of a servicePrincipal object.")
                .description("Lists the service principals: Microsoft Graph's (with its application roles, whose ids New-MgServicePrincipalAppRoleAssignment takes) and those of the tenant's app registrations.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("ServicePrincipalId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier (object id) of servicePrincipal.")),
        )
        .example(
            "Microsoft Graph's service principal",
            "$graph = Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"\n$graph.AppRoles | Where-Object Value -eq 'OnlineMeetings.ReadWrite.All'",
            "The role to assign for OnlineMeetings.ReadWrite.All.",
        ),
        sdk(CmdletDef::new("New-MgServicePrincipal", APPS_MODULE, new_service_principal)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgServicePrincipal")
            .synopsis("Create a new servicePrincipal object.")
            .description("Creates the service principal of a registered app (by its AppId): the app's identity in the tenant, to which permissions are granted.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("servicePrincipal: a hashtable with appId."))
            .param(ParamDef::new("AppId", types::STRING).sets(&["CreateExpanded"]).help("The unique identifier for the associated application (its appId)."))
            .example("Create the app's service principal", "$sp = New-MgServicePrincipal -AppId $app.AppId", "The app can now be granted permissions.")),
        sdk(CmdletDef::new("New-MgServicePrincipalAppRoleAssignment", APPS_MODULE, new_app_role_assignment)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgServicePrincipalAppRoleAssignment")
            .synopsis("Assign an app role to a client service principal.")
            .description("Grants an application permission of Microsoft Graph (admin consent): the app then holds it, and online meeting calls it makes are decided with it (as after Grant-EmuAppPermission). -ResourceId is Microsoft Graph's service principal and -AppRoleId the role's id (Get-MgServicePrincipal shows them).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("ServicePrincipalId", types::STRING).mandatory().help("The unique identifier (object id) of the app's service principal."))
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("appRoleAssignment: principalId, resourceId, appRoleId."))
            .param(ParamDef::new("PrincipalId", types::STRING).sets(&["CreateExpanded"]).help("The service principal granted the role (the same as -ServicePrincipalId)."))
            .param(ParamDef::new("ResourceId", types::STRING).sets(&["CreateExpanded"]).help("Microsoft Graph's service principal object id."))
            .param(ParamDef::new("AppRoleId", types::STRING).sets(&["CreateExpanded"]).help("The id of the app role (permission) to grant."))
            .example(
                "Grant OnlineMeetings.ReadWrite.All",
                "$graph = Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"\n$role = $graph.AppRoles | Where-Object Value -eq 'OnlineMeetings.ReadWrite.All'\nNew-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $sp.Id -PrincipalId $sp.Id -ResourceId $graph.Id -AppRoleId $role.Id",
                "Admin consent for the app's OnlineMeetings.ReadWrite.All permission.",
            )),
        list_params(
            CmdletDef::new("Get-MgServicePrincipalAppRoleAssignment", APPS_MODULE, get_app_role_assignment)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgServicePrincipalAppRoleAssignment")
                .synopsis("App role assignment for another app or service principal granted to this service principal.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("ServicePrincipalId", types::STRING).mandatory().help("The unique identifier (object id) of servicePrincipal."))
                .param(ParamDef::new("AppRoleAssignmentId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of appRoleAssignment.")),
        ),
        sdk(CmdletDef::new("Remove-MgServicePrincipalAppRoleAssignment", APPS_MODULE, remove_app_role_assignment)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgServicePrincipalAppRoleAssignment")
            .synopsis("Delete an app role assignment for a service principal.")
            .description("Revokes the application permission (as Revoke-EmuAppPermission does).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("ServicePrincipalId", types::STRING).mandatory().help("The unique identifier (object id) of servicePrincipal."))
            .param(ParamDef::new("AppRoleAssignmentId", types::STRING).mandatory().help("The unique identifier of appRoleAssignment."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))),
        list_params(
            CmdletDef::new("Get-MgOauth2PermissionGrant", SIGNINS_MODULE, get_grant)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgOauth2PermissionGrant")
                .synopsis("Retrieve the properties of a single delegated permission grant represented by an oAuth2PermissionGrant object.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("OAuth2PermissionGrantId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of oAuth2PermissionGrant.")),
        )
        .example("An app's delegated grants", "Get-MgOauth2PermissionGrant -Filter \"clientId eq '$($sp.Id)'\"", "The delegated permissions consented for the app."),
        sdk(CmdletDef::new("New-MgOauth2PermissionGrant", SIGNINS_MODULE, new_grant)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgOauth2PermissionGrant")
            .synopsis("Create a delegated permission grant represented by an oAuth2PermissionGrant object.")
            .description("Consents delegated permissions (a space-separated -Scope) for an app's service principal, for every user (-ConsentType AllPrincipals) or one (-ConsentType Principal -PrincipalId). Kept with the app; delegated calls are not decided by it offline.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("oAuth2PermissionGrant: clientId, consentType, principalId, resourceId, scope."))
            .param(ParamDef::new("ClientId", types::STRING).sets(&["CreateExpanded"]).help("The object id of the client service principal."))
            .param(ParamDef::new("ConsentType", types::STRING).sets(&["CreateExpanded"]).help("AllPrincipals or Principal."))
            .param(ParamDef::new("PrincipalId", types::STRING).sets(&["CreateExpanded"]).help("The user consented for, with -ConsentType Principal."))
            .param(ParamDef::new("ResourceId", types::STRING).sets(&["CreateExpanded"]).help("Microsoft Graph's service principal object id."))
            .param(ParamDef::new("Scope", types::STRING).sets(&["CreateExpanded"]).help("The delegated permissions, separated by spaces: \"User.Read OnlineMeetings.ReadWrite\"."))
            .example(
                "Consent OnlineMeetings.ReadWrite for everyone",
                "New-MgOauth2PermissionGrant -ClientId $sp.Id -ConsentType AllPrincipals -ResourceId $graph.Id -Scope \"User.Read OnlineMeetings.ReadWrite\"",
                "Every user's sign-in to the app gets those delegated permissions.",
            )),
        sdk(CmdletDef::new("Update-MgOauth2PermissionGrant", SIGNINS_MODULE, update_grant)
            .class("Microsoft.Graph.PowerShell.Cmdlets.UpdateMgOauth2PermissionGrant")
            .synopsis("Update the properties of oAuth2PermissionGrant object, representing a delegated permission grant.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("UpdateExpanded")
            .param(ParamDef::new("OAuth2PermissionGrantId", types::STRING).mandatory().help("The unique identifier of oAuth2PermissionGrant."))
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Update"]).mandatory().help("oAuth2PermissionGrant: scope."))
            .param(ParamDef::new("Scope", types::STRING).sets(&["UpdateExpanded"]).help("The delegated permissions, separated by spaces."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))),
        sdk(CmdletDef::new("Remove-MgOauth2PermissionGrant", SIGNINS_MODULE, remove_grant)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgOauth2PermissionGrant")
            .synopsis("Delete an oAuth2PermissionGrant, representing a delegated permission grant.")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("OAuth2PermissionGrantId", types::STRING).mandatory().help("The unique identifier of oAuth2PermissionGrant."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))),
        list_params(
            CmdletDef::new("Get-MgUserJoinedTeam", TEAMS_MODULE, get_joined_team)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserJoinedTeam")
                .synopsis("The Microsoft Teams teams the user is a member of.")
                .description("Lists the teams (groups with a team, such as the demo tenant's Webinar Hosts) the user is a member of.")
                .requires(Requires::Graph)
                .default_set("List")
                .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN).")),
        ),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::Emulated))
    .collect()
}

// ---------------------------------------------------------------------------------------------
// Organization

fn get_organization(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgOrganization", b);
    let t = read_tenant(ctx)?;
    let info = &t.tenant;
    let domain = Value::object(
        PsObject::new("Microsoft.Graph.PowerShell.Models.MicrosoftGraphVerifiedDomain")
            .with_text("Microsoft.Graph.PowerShell.Models.MicrosoftGraphVerifiedDomain")
            .with(
                "Capabilities",
                Value::str("Email, OfficeCommunicationsOnline"),
            )
            .with("IsDefault", Value::Bool(true))
            .with("IsInitial", Value::Bool(true))
            .with("Name", Value::str(&info.domain))
            .with("Type", Value::str("Managed")),
    );
    let org = Value::object(
        PsObject::new(ORGANIZATION_TYPE)
            .with("Id", Value::str(&info.tenant_id))
            .with("DisplayName", Value::str(&info.display_name))
            .with("TenantType", Value::str("AAD"))
            .with("CountryLetterCode", Value::str("US"))
            .with("PreferredLanguage", Value::str("en"))
            .with(
                "TechnicalNotificationMails",
                Value::array(vec![Value::str(format!("admin@{}", info.domain))]),
            )
            .with("VerifiedDomains", Value::array(vec![domain])),
    );
    let result = match b.string("OrganizationId") {
        Some(id) if !same_id(id.trim(), &info.tenant_id) => Err(GraphError::not_found(&id)),
        Some(_) => Ok(vec![org]),
        None => listed(b, vec![org], &field),
    };
    let tgt = b.string("OrganizationId").map_or_else(
        || "{ Headers =  }".to_string(),
        |id| target("OrganizationId", &id),
    );
    emit(ctx, &v, &tgt, result)
}

// ---------------------------------------------------------------------------------------------
// Applications

/// The app registration with this object id.
fn app_by_object_id<'t>(t: &'t Tenant, id: &str) -> Option<&'t Application> {
    t.applications
        .iter()
        .find(|a| same_id(&application_object_id(a), id.trim()))
}

/// A value given for `requiredResourceAccess`, as the store keeps it (Graph's camelCase JSON).
pub(super) fn resource_access(v: &Json) -> Json {
    fn camel(v: &Json) -> Json {
        match v {
            Json::Object(m) => Json::Object(
                m.iter()
                    .map(|(k, v)| (crate::store::catalog::json_key(k), camel(v)))
                    .collect(),
            ),
            Json::Array(a) => Json::Array(a.iter().map(camel).collect()),
            other => other.clone(),
        }
    }
    match camel(v) {
        Json::Array(a) => Json::Array(a),
        Json::Null => Json::Array(Vec::new()),
        other => Json::Array(vec![other]),
    }
}

fn update_application(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Update-MgApplication", b);
    let typed = b.string("ApplicationId").unwrap_or_default();
    let tgt = target("ApplicationId", &typed);
    let found = app_by_object_id(read_tenant(ctx)?, &typed).map(|a| a.app_id.clone());
    let Some(app_id) = found else {
        return write_sdk_error(ctx, &v, &tgt, &GraphError::not_found(&typed), None);
    };
    let map = body(
        b,
        &[
            ("DisplayName", "displayName"),
            ("SignInAudience", "signInAudience"),
            ("Notes", "notes"),
            ("RequiredResourceAccess", "requiredResourceAccess"),
        ],
    );
    let mut properties = ExtraKeys::new();
    for (key, value) in &map {
        match key.to_ascii_lowercase().as_str() {
            "signinaudience" => {
                properties.insert(keys::SIGN_IN_AUDIENCE.into(), value.clone());
            }
            "notes" => {
                properties.insert(keys::NOTES.into(), value.clone());
            }
            "requiredresourceaccess" => {
                properties.insert(
                    keys::REQUIRED_RESOURCE_ACCESS.into(),
                    resource_access(value),
                );
            }
            _ => {}
        }
    }
    let display_name = body_str(&map, "displayName");
    if !ctx.should_process(&typed, "Update-MgApplication")? {
        return Ok(());
    }
    let done = transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::UpdateApplication {
                app_id: app_id.clone(),
                display_name,
                properties,
            }],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn remove_application(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    remove_object(
        ctx,
        b,
        "Remove-MgApplication",
        "ApplicationId",
        |t, typed| app_by_object_id(t, typed).map(|a| a.app_id.clone()),
        |app_id| Change::RemoveApplication { app_id },
    )
}

// ---------------------------------------------------------------------------------------------
// Service principals and app role assignments

fn get_service_principal(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgServicePrincipal", b);
    let t = read_tenant(ctx)?;
    let sps = all_sps(t);
    let (tgt, result) = match b.string("ServicePrincipalId") {
        Some(id) => (
            target("ServicePrincipalId", &id),
            sps.into_iter()
                .find(|(sp, _)| same_id(sp, id.trim()))
                .map(|(_, o)| vec![o])
                .ok_or_else(|| GraphError::not_found(&id)),
        ),
        None => (
            "{ Headers =  }".to_string(),
            listed(b, sps.into_iter().map(|(_, o)| o).collect(), &field),
        ),
    };
    emit(ctx, &v, &tgt, result)
}

fn new_service_principal(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgServicePrincipal", b);
    let tgt =
        "{ Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePrincipal }";
    let map = body(b, &[("AppId", "appId")]);
    let Some(app_id) = body_str(&map, "appId") else {
        let e = GraphError::bad_request(
            "Invalid value specified for property 'appId' of resource 'ServicePrincipal'.",
        );
        return write_sdk_error(ctx, &v, tgt, &e, None);
    };
    let found = {
        let t = read_tenant(ctx)?;
        t.find_application(app_id.trim())
            .map(|a| (a.app_id.clone(), sp_of(a)))
    };
    let app_id = match found {
        None => {
            let e = GraphError::bad_request(format!(
                "The appId '{}' of the service principal does not reference a valid application object.",
                app_id.trim()
            ));
            return write_sdk_error(ctx, &v, tgt, &e, None);
        }
        Some((_, Some(_))) => {
            let e = GraphError::new(
                409,
                "Request_MultipleObjectsWithSameKeyValue",
                "Another object with the same value for property servicePrincipalNames already exists.",
            );
            return write_sdk_error(ctx, &v, tgt, &e, None);
        }
        Some((id, None)) => id,
    };
    if !ctx.should_process(&app_id, "New-MgServicePrincipal")? {
        return Ok(());
    }
    let sp = ctx.session.ids.new_guid().hyphenated().to_string();
    let mut properties = ExtraKeys::new();
    properties.insert(keys::SERVICE_PRINCIPAL_ID.into(), Json::from(sp.clone()));
    let done = transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::UpdateApplication {
                app_id: app_id.clone(),
                display_name: None,
                properties,
            }],
        )
    })?;
    if done.is_some() {
        let t = read_tenant(ctx)?;
        let obj = t.find_application(&app_id).map(|a| app_sp_object(a, &sp));
        if let Some(o) = obj {
            ctx.write_object(o);
        }
    }
    Ok(())
}

/// The app whose service principal `-ServicePrincipalId` names, or the 404.
fn client_app(t: &Tenant, typed: &str) -> Result<(Application, String), GraphError> {
    app_by_sp(t, typed)
        .map(|a| (a.clone(), sp_of(a).unwrap_or_default()))
        .ok_or_else(|| GraphError::not_found(typed.trim()))
}

fn new_app_role_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgServicePrincipalAppRoleAssignment", b);
    let typed = b.string("ServicePrincipalId").unwrap_or_default();
    let tgt = target("ServicePrincipalId", &typed);
    let map = body(
        b,
        &[
            ("PrincipalId", "principalId"),
            ("ResourceId", "resourceId"),
            ("AppRoleId", "appRoleId"),
        ],
    );
    let checked: Result<(Application, String, &'static str), GraphError> = (|| {
        let t = read_tenant_now(ctx);
        let (app, sp) = client_app(t, &typed)?;
        let principal = body_str(&map, "principalId").unwrap_or_else(|| sp.clone());
        if !same_id(principal.trim(), &sp) {
            return Err(GraphError::bad_request(
                "The principalId must be the service principal the assignment is made for.",
            ));
        }
        let resource = body_str(&map, "resourceId").unwrap_or_default();
        if !same_id(resource.trim(), &graph_sp_id(t)) {
            return Err(GraphError::not_found(resource.trim()));
        }
        let role = body_str(&map, "appRoleId").unwrap_or_default();
        let Some((_, value, _)) = role_by_id(&role) else {
            return Err(GraphError::bad_request(format!(
                "Permission being assigned was not found on application '{GRAPH_APP_ID}'."
            )));
        };
        if app
            .permissions
            .iter()
            .any(|p| p.eq_ignore_ascii_case(value))
        {
            return Err(GraphError::bad_request(
                "Permission being assigned already exists on the object",
            ));
        }
        Ok((app, sp, *value))
    })();
    let (app, sp, value) = match checked {
        Ok(ok) => ok,
        Err(e) => return write_sdk_error(ctx, &v, &tgt, &e, None),
    };
    if !ctx.should_process(
        &format!("{} ({value})", app.display_name),
        "New-MgServicePrincipalAppRoleAssignment",
    )? {
        return Ok(());
    }
    let app_id = app.app_id.clone();
    let done = transact(ctx, |t| {
        let mut permissions = t
            .find_application(&app_id)
            .map(|a| a.permissions.clone())
            .unwrap_or_default();
        permissions.push(value.to_string());
        Decision::Apply(
            (),
            vec![Change::SetAppPermissions {
                app_id: app_id.clone(),
                permissions,
            }],
        )
    })?;
    if done.is_some() {
        let t = read_tenant(ctx)?;
        let obj = t
            .find_application(&app.app_id)
            .map(|a| assignment_object(t, a, &sp, value));
        if let Some(o) = obj {
            ctx.write_object(o);
        }
    }
    Ok(())
}

/// The tenant as last read (for checks inside a closure that cannot return a `Flow`).
fn read_tenant_now<'c>(ctx: &'c CommandContext<'_>) -> &'c Tenant {
    ctx.session.store.cached()
}

fn get_app_role_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgServicePrincipalAppRoleAssignment", b);
    let typed = b.string("ServicePrincipalId").unwrap_or_default();
    let tgt = target("ServicePrincipalId", &typed);
    let t = read_tenant(ctx)?;
    let result = client_app(t, &typed).and_then(|(app, sp)| {
        let rows: Vec<(String, Value)> = app
            .permissions
            .iter()
            .map(|p| {
                (
                    assignment_id(&sp, &role_id(p)),
                    assignment_object(t, &app, &sp, p),
                )
            })
            .collect();
        match b.string("AppRoleAssignmentId") {
            Some(id) => rows
                .into_iter()
                .find(|(rid, _)| rid == id.trim())
                .map(|(_, o)| vec![o])
                .ok_or_else(|| GraphError::not_found(&id)),
            None => listed(b, rows.into_iter().map(|(_, o)| o).collect(), &field),
        }
    });
    emit(ctx, &v, &tgt, result)
}

fn remove_app_role_assignment(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Remove-MgServicePrincipalAppRoleAssignment", b);
    let typed = b.string("ServicePrincipalId").unwrap_or_default();
    let assignment = b.string("AppRoleAssignmentId").unwrap_or_default();
    let tgt = target("ServicePrincipalId", &typed);
    let found = {
        let t = read_tenant(ctx)?;
        client_app(t, &typed).and_then(|(app, sp)| {
            app.permissions
                .iter()
                .find(|p| assignment_id(&sp, &role_id(p)) == assignment.trim())
                .map(|p| (app.app_id.clone(), p.clone()))
                .ok_or_else(|| GraphError::not_found(assignment.trim()))
        })
    };
    let (app_id, permission) = match found {
        Ok(f) => f,
        Err(e) => return write_sdk_error(ctx, &v, &tgt, &e, None),
    };
    if !ctx.should_process(&assignment, "Remove-MgServicePrincipalAppRoleAssignment")? {
        return Ok(());
    }
    let done = transact(ctx, |t| {
        let permissions: Vec<String> = t
            .find_application(&app_id)
            .map(|a| {
                a.permissions
                    .iter()
                    .filter(|p| !p.eq_ignore_ascii_case(&permission))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        Decision::Apply(
            (),
            vec![Change::SetAppPermissions {
                app_id: app_id.clone(),
                permissions,
            }],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Delegated permission grants

fn get_grant(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgOauth2PermissionGrant", b);
    let t = read_tenant(ctx)?;
    let grants: Vec<Json> = all_grants(t).into_iter().map(|(_, g)| g).collect();
    let (tgt, result) = match b.string("OAuth2PermissionGrantId") {
        Some(id) => (
            target("OAuth2PermissionGrantId", &id),
            grants
                .iter()
                .find(|g| g.get("id").and_then(Json::as_str) == Some(id.trim()))
                .map(|g| vec![grant_object(g)])
                .ok_or_else(|| GraphError::not_found(&id)),
        ),
        None => (
            "{ Headers =  }".to_string(),
            listed(b, grants.iter().map(grant_object).collect(), &field),
        ),
    };
    emit(ctx, &v, &tgt, result)
}

/// A grant's id: 43 characters of base64url, as Graph's are.
fn grant_id(ctx: &mut CommandContext<'_>) -> String {
    let seed = ctx.session.ids.new_guid().hyphenated().to_string();
    assignment_id(&seed, "oauth2PermissionGrant")
}

/// Writes the grants of one app back.
fn save_grants(
    ctx: &mut CommandContext<'_>,
    app_id: &str,
    grants: Vec<Json>,
) -> Result<Option<()>, Flow> {
    let mut properties = ExtraKeys::new();
    properties.insert(
        keys::OAUTH2_PERMISSION_GRANTS.into(),
        if grants.is_empty() {
            Json::Null
        } else {
            Json::Array(grants)
        },
    );
    let app_id = app_id.to_string();
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![Change::UpdateApplication {
                app_id: app_id.clone(),
                display_name: None,
                properties,
            }],
        )
    })
}

fn app_grants(a: &Application) -> Vec<Json> {
    a.extra
        .get(keys::OAUTH2_PERMISSION_GRANTS)
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default()
}

fn new_grant(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("New-MgOauth2PermissionGrant", b);
    let tgt = "{ Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant }";
    let map = body(
        b,
        &[
            ("ClientId", "clientId"),
            ("ConsentType", "consentType"),
            ("PrincipalId", "principalId"),
            ("ResourceId", "resourceId"),
            ("Scope", "scope"),
        ],
    );
    let checked: Result<(Application, Json), GraphError> = (|| {
        let t = read_tenant_now(ctx);
        let client = body_str(&map, "clientId").unwrap_or_default();
        let (app, sp) = client_app(t, &client)?;
        let consent = body_str(&map, "consentType").unwrap_or_default();
        let consent = match consent.to_ascii_lowercase().as_str() {
            "allprincipals" => "AllPrincipals",
            "principal" => "Principal",
            _ => {
                return Err(GraphError::bad_request(
                    "Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.",
                ));
            }
        };
        let principal = body_str(&map, "principalId");
        let principal = match (consent, principal) {
            ("Principal", Some(p)) => {
                let u = graph_user(t, &p).ok_or_else(|| GraphError::not_found(p.trim()))?;
                Json::from(u.object_id.clone())
            }
            ("Principal", None) => {
                return Err(GraphError::bad_request(
                    "Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.",
                ));
            }
            _ => Json::Null,
        };
        let resource = body_str(&map, "resourceId").unwrap_or_default();
        if !same_id(resource.trim(), &graph_sp_id(t)) {
            return Err(GraphError::not_found(resource.trim()));
        }
        let scope = body_str(&map, "scope").unwrap_or_default();
        let duplicate = app_grants(&app).iter().any(|g| {
            g.get("consentType").and_then(Json::as_str) == Some(consent)
                && g.get("principalId") == Some(&principal)
        });
        if duplicate {
            return Err(GraphError::new(
                409,
                "Request_MultipleObjectsWithSameKeyValue",
                "Permission entry already exists.",
            ));
        }
        Ok((
            app,
            json!({
                "clientId": sp,
                "consentType": consent,
                "principalId": principal,
                "resourceId": graph_sp_id(t),
                "scope": scope.split_whitespace().collect::<Vec<_>>().join(" "),
            }),
        ))
    })();
    let (app, mut grant) = match checked {
        Ok(ok) => ok,
        Err(e) => return write_sdk_error(ctx, &v, tgt, &e, None),
    };
    if !ctx.should_process(&app.display_name, "New-MgOauth2PermissionGrant")? {
        return Ok(());
    }
    let id = grant_id(ctx);
    if let Json::Object(m) = &mut grant {
        m.insert("id".into(), Json::from(id));
    }
    let mut grants = app_grants(&app);
    grants.push(grant.clone());
    if save_grants(ctx, &app.app_id, grants)?.is_some() {
        ctx.write_object(grant_object(&grant));
    }
    Ok(())
}

/// The grant with this id and the app that holds it.
fn find_grant(t: &Tenant, id: &str) -> Option<(Application, usize)> {
    t.applications.iter().find_map(|a| {
        app_grants(a)
            .iter()
            .position(|g| g.get("id").and_then(Json::as_str) == Some(id.trim()))
            .map(|i| (a.clone(), i))
    })
}

fn update_grant(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Update-MgOauth2PermissionGrant", b);
    let id = b.string("OAuth2PermissionGrantId").unwrap_or_default();
    let tgt = target("OAuth2PermissionGrantId", &id);
    let found = find_grant(read_tenant(ctx)?, &id);
    let Some((app, i)) = found else {
        return write_sdk_error(ctx, &v, &tgt, &GraphError::not_found(&id), None);
    };
    let map = body(b, &[("Scope", "scope")]);
    if !ctx.should_process(&id, "Update-MgOauth2PermissionGrant")? {
        return Ok(());
    }
    let mut grants = app_grants(&app);
    if let (Some(scope), Some(Json::Object(g))) = (body_str(&map, "scope"), grants.get_mut(i)) {
        g.insert(
            "scope".into(),
            Json::from(scope.split_whitespace().collect::<Vec<_>>().join(" ")),
        );
    }
    if save_grants(ctx, &app.app_id, grants)?.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn remove_grant(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Remove-MgOauth2PermissionGrant", b);
    let id = b.string("OAuth2PermissionGrantId").unwrap_or_default();
    let tgt = target("OAuth2PermissionGrantId", &id);
    let found = find_grant(read_tenant(ctx)?, &id);
    let Some((app, i)) = found else {
        return write_sdk_error(ctx, &v, &tgt, &GraphError::not_found(&id), None);
    };
    if !ctx.should_process(&id, "Remove-MgOauth2PermissionGrant")? {
        return Ok(());
    }
    let mut grants = app_grants(&app);
    grants.remove(i);
    if save_grants(ctx, &app.app_id, grants)?.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Teams

fn get_joined_team(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_graph(ctx)?;
    let v = variant("Get-MgUserJoinedTeam", b);
    let typed = b.string("UserId").unwrap_or_default();
    let tgt = target("UserId", &typed);
    let t = read_tenant(ctx)?;
    let result = match graph_user(t, &typed) {
        None => Err(GraphError::not_found(&typed)),
        Some(u) => {
            let teams: Vec<Value> = t
                .groups
                .iter()
                .filter(|g| {
                    g.extra
                        .get(keys::RESOURCE_PROVISIONING_OPTIONS)
                        .and_then(Json::as_array)
                        .is_some_and(|o| o.iter().any(|x| x.as_str() == Some("Team")))
                        && g.members.iter().any(|m| same_id(m, &u.object_id))
                })
                .map(|g| {
                    let mut extra = Hashtable::new(false);
                    extra.insert(
                        Value::str("@odata.type"),
                        Value::str("#microsoft.graph.team"),
                    );
                    Value::object(
                        PsObject::new(TEAM_TYPE)
                            .with("Id", Value::str(&g.object_id))
                            .with("DisplayName", Value::str(&g.display_name))
                            .with(
                                "Description",
                                g.extra
                                    .get(keys::DESCRIPTION)
                                    .and_then(Json::as_str)
                                    .map_or(Value::Null, Value::str),
                            )
                            .with("IsArchived", Value::Bool(false))
                            .with("TenantId", Value::str(&t.tenant.tenant_id))
                            .with("AdditionalProperties", Value::hashtable(extra)),
                    )
                })
                .collect();
            listed(b, teams, &field)
        }
    };
    emit(ctx, &v, &tgt, result)
}

/// `RequiredResourceAccess` of an app, as objects (Get-MgApplication shows it).
pub fn required_resource_access(a: &Application) -> Value {
    let items = a
        .extra
        .get(keys::REQUIRED_RESOURCE_ACCESS)
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    Value::array(
        items
            .iter()
            .map(|r| {
                let access = r
                    .get("resourceAccess")
                    .and_then(Json::as_array)
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|x| {
                        let s = |k: &str| {
                            x.get(k)
                                .and_then(Json::as_str)
                                .map_or(Value::Null, Value::str)
                        };
                        Value::object(
                            PsObject::new(
                                "Microsoft.Graph.PowerShell.Models.MicrosoftGraphResourceAccess",
                            )
                            .with_text(
                                "Microsoft.Graph.PowerShell.Models.MicrosoftGraphResourceAccess",
                            )
                            .with("Id", s("id"))
                            .with("Type", s("type")),
                        )
                    })
                    .collect();
                Value::object(
                    PsObject::new(
                        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphRequiredResourceAccess",
                    )
                    .with_text(
                        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphRequiredResourceAccess",
                    )
                    .with("ResourceAccess", Value::array(access))
                    .with(
                        "ResourceAppId",
                        r.get("resourceAppId")
                            .and_then(Json::as_str)
                            .map_or(Value::Null, Value::str),
                    ),
                )
            })
            .collect(),
    )
}

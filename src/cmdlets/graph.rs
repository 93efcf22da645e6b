//! The Microsoft Graph side: Connect-/Disconnect-MgGraph and Get-MgContext (offline, no token),
//! New-/Get-/Remove-MgUserOnlineMeeting and Invoke-MgGraphRequest on
//! `/v1.0/users/{id}/onlineMeetings[/{meetingId}]`, decided by the real rules: the app's
//! application permission (Read.All for reads, ReadWrite.All for writes), then an effective
//! application access policy that lists the app, as the Graph side sees it after the propagation
//! delay (`store::propagation`). Also how Graph errors look in PowerShell, shared with the
//! directory cmdlets.
//!
//! Error shapes (fidelity.md §1.8, §4.11): the generated SDK cmdlets write a non-terminating
//! record, exception `[code] : message`, ErrorDetails `message / Status: 403 (Forbidden) /
//! ErrorCode / Date / Headers`, FQID `code,Microsoft.Graph.PowerShell.Cmdlets.<Cmdlet>_<Set>`,
//! shown by ConciseView under the `<Cmdlet>_<Set>` name; Invoke-MgGraphRequest throws a
//! terminating `InvokeGraphHttpResponseException` whose details are the HTTP response with its
//! JSON body.

use serde_json::json;
use time::OffsetDateTime;

use super::service::{Decision, read_tenant, transact};
use crate::runtime::CmdletDef;
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, ErrorRecord, Flow, GraphCall, GraphConnection,
    Hashtable, PsObject, Value,
};
use crate::store::{
    AppAccess, Change, GraphErrorStyle, OnlineMeeting, READ_PERMISSION, Tenant, UserLookup,
    WRITE_PERMISSION, format_time, parse_time, same_id,
};
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, Requires, types};

const AUTH_MODULE: &str = "Microsoft.Graph.Authentication";
const COMMS_MODULE: &str = "Microsoft.Graph.CloudCommunications";
pub const GRAPH_ROOT: &str = "https://graph.microsoft.com";
/// Microsoft Graph Command Line Tools: the app delegated sign-ins use.
const GRAPH_CLI_APP: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
const CONTEXT_TYPE: &str = "Microsoft.Graph.PowerShell.Authentication.AuthContext";
pub const MEETING_TYPE: &str = "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOnlineMeeting";

const CONTEXT_SCOPE: ParamType = ParamType::new(
    ParamKind::Enum(&["Process", "CurrentUser"]),
    "ContextScope",
    "Microsoft.Graph.PowerShell.Authentication.ContextScope",
);
const METHOD: ParamType = ParamType::new(
    ParamKind::Enum(&["GET", "POST", "PUT", "PATCH", "DELETE"]),
    "GraphRequestMethod",
    "Microsoft.Graph.PowerShell.Authentication.Models.GraphRequestMethod",
);
const OUTPUT_TYPE: ParamType = ParamType::new(
    ParamKind::Enum(&["HashTable", "PSObject", "HttpResponseMessage", "Json"]),
    "OutputType",
    "Microsoft.Graph.PowerShell.Authentication.Models.OutputType",
);

/// Puts `p` at `pos` in one of its sets only.
fn position_in(mut p: ParamDef, set: &str, pos: u32) -> ParamDef {
    for s in &mut p.sets {
        if s.set.as_deref() == Some(set) {
            s.position = Some(pos);
        }
    }
    p
}

pub(super) fn common_sdk_params(d: CmdletDef) -> CmdletDef {
    d.param(
        ParamDef::new("Break", types::SWITCH)
            .ignored_offline()
            .help("Wait for .NET debugger to attach."),
    )
    .param(
        ParamDef::new("Headers", types::HASHTABLE)
            .ignored_offline()
            .help("Optional headers that will be added to the request."),
    )
    .param(
        ParamDef::new("ResponseHeadersVariable", types::STRING)
            .ignored_offline()
            .help("Optional Response Headers Variable."),
    )
}

pub fn definitions() -> Vec<CmdletDef> {
    let mut defs = vec![
        CmdletDef::new("Connect-MgGraph", AUTH_MODULE, connect)
            .class("Microsoft.Graph.PowerShell.Authentication.Cmdlets.ConnectMgGraph")
            .synopsis("Microsoft Graph PowerShell supports two types of authentication: delegated and app-only access.")
            .description("Offline, no token is requested. App-only sign-in (-ClientId/-AppId with -CertificateThumbprint, -CertificateSubjectName or -Certificate, or -ClientSecretCredential) sets the calling app, which must be registered in the store (Get-MgApplication); its application permissions and the application access policies then decide each online meeting call. A delegated sign-in acts as the connected admin.")
            .fidelity(Fidelity::StandIn)
            .default_set("UserParameterSet")
            .param(position_in(ParamDef::new("Scopes", types::STRING_ARRAY).sets(&["UserParameterSet"]), "UserParameterSet", 1).help("An array of delegated permissions to consent to."))
            .param(position_in(position_in(ParamDef::new("ClientId", types::STRING).sets(&["UserParameterSet", "AppCertificateParameterSet", "IdentityParameterSet"]).mandatory_in("AppCertificateParameterSet").alias("AppId").alias("ApplicationId"), "AppCertificateParameterSet", 1), "UserParameterSet", 99).help("The client id of your application."))
            .param(position_in(ParamDef::new("CertificateSubjectName", types::STRING).sets(&["AppCertificateParameterSet"]).alias("CertificateSubject").alias("CertificateName"), "AppCertificateParameterSet", 2).help("The subject distinguished name of a certificate (not checked offline)."))
            .param(position_in(ParamDef::new("CertificateThumbprint", types::STRING).sets(&["AppCertificateParameterSet"]), "AppCertificateParameterSet", 3).help("The thumbprint of your certificate (not checked offline)."))
            .param(ParamDef::new("Certificate", types::OBJECT).sets(&["AppCertificateParameterSet"]).help("An X.509 certificate supplied during invocation (not checked offline)."))
            .param(ParamDef::new("SendCertificateChain", types::BOOL).sets(&["AppCertificateParameterSet"]).ignored_offline().help("Include x5c header in client claims."))
            .param(ParamDef::new("ClientSecretCredential", types::CREDENTIAL).sets(&["AppSecretCredentialParameterSet"]).alias("SecretCredential").alias("Credential").help("The application ID (user name) and client secret (password) of the service principal."))
            .param(ParamDef::new("AccessToken", types::SECURE_STRING).sets(&["AccessTokenParameterSet"]).mandatory().help("A bearer token for Microsoft Graph (not checked offline)."))
            .param(ParamDef::new("Identity", types::SWITCH).sets(&["IdentityParameterSet"]).alias("ManagedIdentity").alias("ManagedServiceIdentity").alias("MSI").help("Login using a Managed Identity."))
            .param(ParamDef::new("EnvironmentVariable", types::SWITCH).sets(&["EnvironmentVariableParameterSet"]).help("Authenticate with environment variables (not read offline)."))
            .param(position_in(ParamDef::new("TenantId", types::STRING).sets(&["UserParameterSet", "AppCertificateParameterSet", "AppSecretCredentialParameterSet"]).alias("Audience").alias("Tenant"), "UserParameterSet", 2).help("The id of the tenant to connect to. Offline the session connects to the store's tenant."))
            .param(ParamDef::new("UseDeviceCode", types::SWITCH).sets(&["UserParameterSet"]).alias("UseDeviceAuthentication").alias("DeviceCode").alias("DeviceAuth").alias("Device").help("Use device code authentication instead of a browser control."))
            .param(ParamDef::new("ContextScope", CONTEXT_SCOPE).ignored_offline().help("Process or CurrentUser."))
            .param(ParamDef::new("Environment", types::STRING).alias("EnvironmentName").alias("NationalCloud").ignored_offline().help("The national cloud environment (Global offline)."))
            .param(ParamDef::new("ClientTimeout", types::DOUBLE).ignored_offline().help("Sets the HTTP client timeout in seconds."))
            .param(ParamDef::new("NoWelcome", types::SWITCH).help("Hides the welcome message."))
            .param(ParamDef::new("Break", types::SWITCH).ignored_offline().help("Wait for .NET debugger to attach."))
            .example(
                "App-only access with a certificate thumbprint",
                "Connect-MgGraph -ClientId \"a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83\" -TenantId \"5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58\" -CertificateThumbprint \"F8813914053FBFB5D84F1EFA9EDB3205621C1126\"",
                "Connects as the Scheduling service app of the demo tenant.",
            )
            .example("Delegated access", "Connect-MgGraph -Scopes \"User.Read.All\", \"Group.ReadWrite.All\"", "Connects as the signed-in admin."),
        CmdletDef::new("Disconnect-MgGraph", AUTH_MODULE, disconnect)
            .class("Microsoft.Graph.PowerShell.Authentication.Cmdlets.DisconnectMgGraph")
            .synopsis("Once you're signed in, you'll remain signed in until you invoke Disconnect-MgGraph.")
            .fidelity(Fidelity::StandIn)
            .outputs("The context that was signed out."),
        CmdletDef::new("Get-MgContext", AUTH_MODULE, get_context)
            .class("Microsoft.Graph.PowerShell.Authentication.Cmdlets.GetMgContext")
            .synopsis("Retrieve details about your current session.")
            .fidelity(Fidelity::StandIn)
            .outputs("ClientId, TenantId, Scopes, AuthType, Account, AppName, ContextScope, Environment."),
        CmdletDef::new("New-MgUserOnlineMeeting", COMMS_MODULE, new_meeting)
            .class("Microsoft.Graph.PowerShell.Cmdlets.NewMgUserOnlineMeeting")
            .synopsis("Create new navigation property to onlineMeetings for users")
            .description("Creates an online meeting on behalf of a user. With application permissions the app needs OnlineMeetings.ReadWrite.All and an application access policy granted to the user (directly, through a group, or tenant-wide) that lists the app; policy changes reach Graph after the propagation delay (Set-EmuPropagationDelay).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("CreateExpanded")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Create"]).mandatory().help("onlineMeeting: a hashtable with subject, startDateTime, endDateTime..."))
            .param(ParamDef::new("Subject", types::STRING).sets(&["CreateExpanded"]).help("The subject of the online meeting."))
            .param(ParamDef::new("StartDateTime", types::DATETIME).sets(&["CreateExpanded"]).help("The meeting start time in UTC."))
            .param(ParamDef::new("EndDateTime", types::DATETIME).sets(&["CreateExpanded"]).help("The meeting end time in UTC."))
            .param(ParamDef::new("ExternalId", types::STRING).sets(&["CreateExpanded"]).help("The external ID: a custom ID (optional)."))
            .param(ParamDef::new("AdditionalProperties", types::HASHTABLE).sets(&["CreateExpanded"]).ignored_offline().help("Additional Parameters."))
            .outputs("The online meeting (Id, Subject, StartDateTime, EndDateTime, JoinWebUrl...).")
            .example(
                "Create a meeting on behalf of a user",
                "$params = @{\n\tstartDateTime = \"2026-11-26T14:30:00Z\"\n\tendDateTime = \"2026-11-26T15:00:00Z\"\n\tsubject = \"User Token Meeting\"\n}\nNew-MgUserOnlineMeeting -UserId $userId -BodyParameter $params",
                "A UPN can also be used as -UserId.",
            ),
        CmdletDef::new("Get-MgUserOnlineMeeting", COMMS_MODULE, get_meeting)
            .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserOnlineMeeting")
            .synopsis("Information about a meeting, including the URL used to join a meeting, the attendees list, and the description.")
            .description("Gets one online meeting (-OnlineMeetingId) or lists the user's meetings (-Filter \"JoinWebUrl eq '...'\"). With application permissions the app needs OnlineMeetings.Read.All (or ReadWrite.All) and an application access policy that lists it.")
            .requires(Requires::Graph)
            .default_set("List")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("OnlineMeetingId", types::STRING).sets(&["Get"]).mandatory().help("The unique identifier of onlineMeeting."))
            .param(ParamDef::new("Filter", types::STRING).sets(&["List"]).help("Filter items by property values: JoinWebUrl eq '...'."))
            .param(ParamDef::new("All", types::SWITCH).sets(&["List"]).help("List all pages."))
            .param(ParamDef::new("Top", types::INT32).sets(&["List"]).help("Show only the first n items."))
            .param(ParamDef::new("Property", types::STRING_ARRAY).ignored_offline().help("Select properties to be returned."))
            .outputs("Online meetings."),
        CmdletDef::new("Remove-MgUserOnlineMeeting", COMMS_MODULE, remove_meeting)
            .class("Microsoft.Graph.PowerShell.Cmdlets.RemoveMgUserOnlineMeeting")
            .synopsis("Delete navigation property onlineMeetings for users")
            .requires(Requires::Graph)
            .should_process()
            .default_set("Delete")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("OnlineMeetingId", types::STRING).mandatory().help("The unique identifier of onlineMeeting."))
            .param(ParamDef::new("IfMatch", types::STRING).ignored_offline().help("ETag."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds.")),
        CmdletDef::new("Invoke-MgGraphRequest", AUTH_MODULE, invoke_request)
            .class("Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest")
            .synopsis("Invoke-MgGraphRequest issues REST API requests to the Graph API.")
            .description("Offline, the online meeting endpoints are emulated: GET, POST and DELETE on /v1.0/users/{id}/onlineMeetings[/{meetingId}] (beta too), decided like the meeting cmdlets; and the mailbox endpoints /users/{id}/messages, /events, /contacts, /mailboxSettings and /sendMail, decided by the app's permissions, the Exchange application access policies and RBAC for Applications. Other URIs fail with an error. HTTP errors are terminating, with the response and its JSON body as details.")
            .requires(Requires::Graph)
            .param(ParamDef::new("Method", METHOD).position(1).help("HTTP method (default GET)."))
            .param(ParamDef::new("Uri", types::STRING).position(2).mandatory().help("Uri to call: absolute, or relative such as /v1.0/users/{id}/onlineMeetings."))
            .param(ParamDef::new("Body", types::OBJECT).position(3).help("Request body: a hashtable or a JSON string."))
            .param(ParamDef::new("OutputType", OUTPUT_TYPE).help("HashTable (default), PSObject or Json."))
            .param(ParamDef::new("ContentType", types::STRING).ignored_offline().help("Content type (application/json)."))
            .param(ParamDef::new("Headers", types::HASHTABLE).ignored_offline().help("Optional custom headers."))
            .param(ParamDef::new("StatusCodeVariable", types::STRING).help("The variable that receives the HTTP status code."))
            .param(ParamDef::new("SkipHttpErrorCheck", types::SWITCH).help("Return the error body instead of failing."))
            .outputs("The response body (a hashtable by default)."),
    ];
    for d in defs.iter_mut().skip(3) {
        if d.name.starts_with("New-")
            || d.name.starts_with("Get-MgUser")
            || d.name.starts_with("Remove-")
        {
            *d = common_sdk_params(d.clone());
        }
    }
    defs
}

// ---------------------------------------------------------------------------------------------
// Graph errors

/// One Graph HTTP error response.
#[derive(Clone, Debug)]
pub struct GraphError {
    pub status: u16,
    pub code: String,
    pub message: String,
    /// The documented legacy body has no client-request-id in innerError.
    pub client_request_id_in_body: bool,
}

impl GraphError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> GraphError {
        GraphError {
            status,
            code: code.to_string(),
            message: message.into(),
            client_request_id_in_body: true,
        }
    }

    /// 404 `Request_ResourceNotFound` for a directory object that does not exist.
    pub fn not_found(id: &str) -> GraphError {
        GraphError::new(
            404,
            "Request_ResourceNotFound",
            format!(
                "Resource '{id}' does not exist or one of its queried reference-property objects are not present."
            ),
        )
    }

    /// 400 `Request_BadRequest`.
    pub fn bad_request(message: impl Into<String>) -> GraphError {
        GraphError::new(400, "Request_BadRequest", message)
    }
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        409 => "Conflict",
        _ => "InternalServerError",
    }
}

pub(super) fn http_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        _ => "Internal Server Error",
    }
}

/// `2026-11-26T09:00:00` as Graph writes innerError dates.
fn graph_date(t: OffsetDateTime) -> String {
    format_time(t).trim_end_matches('Z').to_string()
}

/// `Thu, 26 Nov 2026 09:00:00 GMT` (the HTTP Date header).
fn http_date(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let day = &t.weekday().to_string()[..3];
    let month = &t.month().to_string()[..3];
    format!(
        "{day}, {:02} {month} {:04} {:02}:{:02}:{:02} GMT",
        t.day(),
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// What the response carries besides the error: ids and date.
pub(super) struct Response {
    request_id: String,
    client_request_id: String,
    at: OffsetDateTime,
}

pub(super) fn response(ctx: &mut CommandContext<'_>) -> Response {
    Response {
        request_id: ctx.session.ids.new_guid().hyphenated().to_string(),
        client_request_id: ctx.session.ids.new_guid().hyphenated().to_string(),
        at: ctx.session.clock.now(),
    }
}

/// The JSON body of an error response.
pub(super) fn error_body(e: &GraphError, r: &Response) -> String {
    let inner = if e.client_request_id_in_body {
        json!({"date": graph_date(r.at), "request-id": r.request_id, "client-request-id": r.client_request_id})
    } else {
        json!({"date": graph_date(r.at), "request-id": r.request_id})
    };
    json!({"error": {"code": e.code, "message": e.message, "innerError": inner}}).to_string()
}

pub(super) fn header_lines(r: &Response) -> Vec<(&'static str, String)> {
    vec![
        ("Cache-Control", "no-cache".to_string()),
        ("Vary", "Accept-Encoding".to_string()),
        ("Strict-Transport-Security", "max-age=31536000".to_string()),
        ("request-id", r.request_id.clone()),
        ("client-request-id", r.client_request_id.clone()),
        ("Date", http_date(r.at)),
    ]
}

/// A record as the generated SDK cmdlets write it. `variant` is the cmdlet with its parameter
/// set (`New-MgUserOnlineMeeting_CreateExpanded`), `target` the anonymous request object.
pub fn sdk_error(
    ctx: &mut CommandContext<'_>,
    variant: &str,
    target: &str,
    e: &GraphError,
) -> ErrorRecord {
    let r = response(ctx);
    let mut details = format!(
        "{}\nStatus: {} ({})\nErrorCode: {}\nDate: {}\n\nHeaders:",
        e.message,
        e.status,
        reason_phrase(e.status),
        e.code,
        graph_date(r.at)
    );
    for (name, value) in header_lines(&r) {
        details.push_str(&format!("\n{name:<30}: {value}"));
    }
    // ErrorDetails.Message is what both error views show; this runtime has no separate
    // ErrorDetails yet, so the details are the message (`[code] : message` in pwsh).
    let mut record = ctx.error(
        "System.Exception",
        details,
        &e.code,
        ErrorCategory::InvalidOperation,
    );
    let class = variant.replacen('-', "", 1);
    record.command_class = format!("Microsoft.Graph.PowerShell.Cmdlets.{class}");
    record.activity = variant.to_string();
    record.target_name = target.to_string();
    record.target_type = "<>f__AnonymousType0`2".to_string();
    if let Some(inv) = record.invocation.as_mut() {
        inv.command_name = Some(variant.to_string());
    }
    record
}

/// Writes a Graph error from a generated SDK cmdlet (non-terminating, as WriteError does).
pub fn write_sdk_error(
    ctx: &mut CommandContext<'_>,
    variant: &str,
    target: &str,
    e: &GraphError,
    suggestion: Option<String>,
) -> Result<(), Flow> {
    let mut record = sdk_error(ctx, variant, target, e);
    record.suggestion = suggestion;
    ctx.write_error(record)
}

/// `Authentication needed. Please call Connect-MgGraph.` when no Graph connection exists.
pub fn require_graph(ctx: &CommandContext<'_>) -> Result<GraphConnection, Flow> {
    match &ctx.session.graph {
        Some(g) => Ok(g.clone()),
        None => {
            let r = ctx.error(
                "System.Management.Automation.ValidationMetadataException",
                "Authentication needed. Please call Connect-MgGraph.",
                "AuthenticationNeeded",
                ErrorCategory::AuthenticationError,
            );
            Err(ctx.terminate(r))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Connect

fn welcome(ctx: &mut CommandContext<'_>, how: &str, client_id: &str) {
    ctx.write_host(&format!(
        "Welcome to Microsoft Graph!\n\nConnected via {how} access using {client_id}\nReadme: https://aka.ms/graph/sdk/powershell\nSDK Docs: https://aka.ms/graph/sdk/powershell/docs\nAPI Docs: https://aka.ms/graph/docs\n\nNOTE: You can use the -NoWelcome parameter to suppress this message.\n\n"
    ));
}

fn connect(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let tenant = read_tenant(ctx)?;
    let tenant_id = tenant.tenant.tenant_id.clone();
    let domain = tenant.tenant.domain.clone();
    let set = b.set.clone();
    let app_only_client = if set.eq_ignore_ascii_case("AppCertificateParameterSet") {
        Some((
            b.string("ClientId").unwrap_or_default(),
            "ClientCertificateCredential",
        ))
    } else if set.eq_ignore_ascii_case("AppSecretCredentialParameterSet") {
        let user = b
            .get("ClientSecretCredential")
            .and_then(|c| c.property("UserName"))
            .map(|u| u.to_ps_string())
            .unwrap_or_default();
        Some((user, "ClientSecretCredential"))
    } else {
        None
    };
    let connection = match app_only_client {
        Some((client_id, credential)) => {
            let client_id = client_id.trim().to_string();
            let known = read_tenant(ctx)?
                .find_application(&client_id)
                .map(|a| a.app_id.clone());
            let Some(app_id) = known else {
                // AADSTS700016: the text Entra ID returns for an app it does not know.
                let r = ctx.error(
                    "Azure.Identity.AuthenticationFailedException",
                    format!(
                        "{credential} authentication failed: AADSTS700016: Application with identifier '{client_id}' was not found in the directory '{domain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
                    ),
                    "Connect-MgGraph",
                    ErrorCategory::AuthenticationError,
                );
                return Err(ctx.terminate(r));
            };
            GraphConnection {
                client_id: Some(app_id),
                tenant_id,
                account: None,
            }
        }
        None => {
            let account = ctx
                .session
                .connection
                .as_ref()
                .map(|c| c.account.clone())
                .unwrap_or_else(|| format!("admin@{domain}"));
            GraphConnection {
                client_id: b.string("ClientId").or(Some(GRAPH_CLI_APP.to_string())),
                tenant_id,
                account: Some(account),
            }
        }
    };
    let how = if connection.account.is_none() {
        "apponly"
    } else {
        "delegated"
    };
    let client = connection.client_id.clone().unwrap_or_default();
    ctx.session.graph = Some(connection);
    if !b.switch("NoWelcome") {
        welcome(ctx, how, &client);
    }
    Ok(())
}

fn context_object(t: &Tenant, g: &GraphConnection) -> Value {
    let client = g.client_id.clone().unwrap_or_default();
    let app = t.find_application(&client);
    let app_only = g.account.is_none();
    let scopes = if app_only {
        Value::array(
            app.map(|a| a.permissions.iter().map(Value::str).collect())
                .unwrap_or_default(),
        )
    } else {
        Value::Null
    };
    let app_name = match app {
        Some(a) => Value::str(&a.display_name),
        None if client == GRAPH_CLI_APP => Value::str("Microsoft Graph Command Line Tools"),
        None => Value::Null,
    };
    Value::object(
        PsObject::new(CONTEXT_TYPE)
            .with("ClientId", Value::str(&client))
            .with("TenantId", Value::str(&g.tenant_id))
            .with("Scopes", scopes)
            .with(
                "AuthType",
                Value::str(if app_only { "AppOnly" } else { "Delegated" }),
            )
            .with(
                "Account",
                g.account.as_deref().map_or(Value::Null, Value::str),
            )
            .with("AppName", app_name)
            .with(
                "ContextScope",
                Value::str(if app_only { "Process" } else { "CurrentUser" }),
            )
            .with("Environment", Value::str("Global")),
    )
}

fn disconnect(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let Some(g) = ctx.session.graph.clone() else {
        let r = ctx.error(
            "System.Exception",
            "No application to sign out from.",
            "Disconnect-MgGraph",
            ErrorCategory::InvalidOperation,
        );
        return Err(ctx.terminate(r));
    };
    let tenant = read_tenant(ctx)?;
    let obj = context_object(tenant, &g);
    ctx.session.graph = None;
    ctx.write_object(obj);
    Ok(())
}

fn get_context(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    if let Some(g) = ctx.session.graph.clone() {
        let tenant = read_tenant(ctx)?;
        let obj = context_object(tenant, &g);
        ctx.write_object(obj);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The access decision

/// What a call does to a user's meetings: the word the legacy error uses, and whether it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Create,
    Get,
    Delete,
}

impl Operation {
    fn word(self) -> &'static str {
        match self {
            Operation::Create => "Create",
            Operation::Get => "Get",
            Operation::Delete => "Delete",
        }
    }

    fn writes(self) -> bool {
        !matches!(self, Operation::Get)
    }
}

/// Why a call was denied, with the Graph error and aapsh's explanation.
struct Denial {
    error: GraphError,
    hint: String,
}

/// Resolves `-UserId` (object id or UPN) to an object id, or the 404 to report.
pub(super) fn resolve_user_id(t: &Tenant, typed: &str) -> Result<String, GraphError> {
    let typed = typed.trim();
    if let Some(u) = t.user_by_id(typed) {
        return Ok(u.object_id.clone());
    }
    match t.resolve_user(typed) {
        UserLookup::Found(u) if u.user_principal_name.eq_ignore_ascii_case(typed) => {
            Ok(u.object_id.clone())
        }
        _ => Err(GraphError::not_found(typed)),
    }
}

/// The decision for the connected caller acting on `user_id`'s meetings.
fn decide(
    t: &Tenant,
    g: &GraphConnection,
    user_id: &str,
    op: Operation,
    now: OffsetDateTime,
) -> Result<(), Denial> {
    let Some(app_id) = g.client_id.as_deref().filter(|_| g.account.is_none()) else {
        // Delegated: the signed-in user may manage their own meetings only.
        let own = g
            .account
            .as_deref()
            .and_then(|a| match t.resolve_user(a) {
                UserLookup::Found(u) => Some(u.object_id.clone()),
                _ => None,
            })
            .is_some_and(|id| same_id(&id, user_id));
        return if own {
            Ok(())
        } else {
            Err(Denial {
                error: GraphError::new(403, "Forbidden", ""),
                hint: "A delegated sign-in acts as the signed-in user, who can reach only their own meetings; connect app-only (Connect-MgGraph -ClientId ... -CertificateThumbprint ...) to act on behalf of other users.".to_string(),
            })
        };
    };
    let view = t.graph_view(now);
    let access: AppAccess = t.app_access(&view, app_id, user_id);
    let style = t.emulator().graph_error_style;
    let (needed, has) = if op.writes() {
        (WRITE_PERMISSION, access.write_permission)
    } else {
        (READ_PERMISSION, access.read_permission)
    };
    if !has {
        return Err(Denial {
            error: GraphError::new(403, "Forbidden", ""),
            hint: format!(
                "The app {app_id} has no {needed} application permission{}. Grant it with Grant-EmuAppPermission -AppId {app_id} -Permission {needed}.",
                if op.writes() {
                    ""
                } else {
                    " (or OnlineMeetings.ReadWrite.All)"
                }
            ),
        });
    }
    if access.policy_allows {
        return Ok(());
    }
    let error = match style {
        GraphErrorStyle::Legacy => GraphError {
            client_request_id_in_body: false,
            ..GraphError::new(
                403,
                "Unauthorized",
                format!(
                    "App {app_id} is not authorized to {} meeting on behalf of user {user_id}",
                    op.word()
                ),
            )
        },
        GraphErrorStyle::Modern => GraphError::new(
            403,
            "Forbidden",
            "No application access policy found for this app.",
        ),
    };
    let current = t.app_access(t, app_id, user_id);
    let hint = if current.policy_allows {
        let arrives = t
            .pending_views(now)
            .into_iter()
            .find(|(_, view)| t.app_access(view, app_id, user_id).policy_allows)
            .map(|(at, _)| at);
        match arrives {
            Some(at) => format!(
                "The policy change that allows this call has not reached Microsoft Graph yet: it takes effect at {} (propagation delay {}). Test-EmuAppAccess explains.",
                crate::format::datetime_short(at, &crate::runtime::culture::INVARIANT),
                delay_text(t.emulator().delay())
            ),
            None => "The policy change that allows this call has not reached Microsoft Graph yet. Test-EmuAppAccess explains.".to_string(),
        }
    } else {
        format!(
            "The user's effective policy ({}) does not list the app: {}. Test-EmuAppAccess explains.",
            access.policy.as_deref().unwrap_or("none"),
            access.reason
        )
    };
    Err(Denial { error, hint })
}

/// Remembers a call Graph answered, for the session (a training lab may require one that
/// succeeded; `runtime::extension`).
fn record_call(
    ctx: &mut CommandContext<'_>,
    command: &str,
    op: Operation,
    typed_user: &str,
    g: &GraphConnection,
    status: u16,
) {
    let user_id = read_tenant(ctx)
        .ok()
        .and_then(|t| resolve_user_id(t, typed_user).ok())
        .unwrap_or_else(|| typed_user.trim().to_string());
    ctx.session.record_graph_call(GraphCall {
        command: command.to_string(),
        operation: op.word(),
        user_id,
        app_id: g.client_id.clone().filter(|_| g.account.is_none()),
        status,
    });
}

/// `30 minutes`, `90 seconds`, `1 hour`...
pub fn delay_text(d: time::Duration) -> String {
    let s = d.whole_seconds();
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    if s % 3600 == 0 && s > 0 {
        plural(s / 3600, "hour")
    } else if s % 60 == 0 {
        plural(s / 60, "minute")
    } else {
        plural(s, "second")
    }
}

// ---------------------------------------------------------------------------------------------
// Meetings

/// Standard base64 without padding (Graph meeting ids are base64 text).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn new_meeting_record(
    ctx: &mut CommandContext<'_>,
    t: &Tenant,
    organizer: &str,
    subject: String,
    start: OffsetDateTime,
    end: OffsetDateTime,
    app: Option<String>,
) -> OnlineMeeting {
    let token = base64(
        ctx.session
            .ids
            .new_guid()
            .hyphenated()
            .to_string()
            .as_bytes(),
    );
    let thread = format!("19:meeting_{token}@thread.v2");
    let id = base64(format!("1*{organizer}*0**{thread}").as_bytes());
    let join = format!(
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{token}%40thread.v2/0?context=%7b%22Tid%22%3a%22{}%22%2c%22Oid%22%3a%22{organizer}%22%7d",
        t.tenant.tenant_id
    );
    let n = ctx.session.ids.next_u64();
    let meeting_id = format!("{:012}", n % 1_000_000_000_000);
    const PASS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let m = ctx.session.ids.next_u64();
    let passcode: String = (0..6)
        .map(|i| char::from(PASS[((m >> (i * 8)) % PASS.len() as u64) as usize]))
        .collect();
    OnlineMeeting {
        id,
        organizer_id: organizer.to_string(),
        subject,
        start_date_time: format_time(start),
        end_date_time: format_time(end),
        creation_date_time: format_time(ctx.session.clock.now()),
        join_web_url: join,
        join_meeting_id: meeting_id,
        passcode,
        thread_id: thread,
        created_by_app: app,
        extra: Default::default(),
    }
}

fn time_of(text: &str) -> Value {
    parse_time(text).map_or(Value::Null, Value::DateTime)
}

/// The meeting as the SDK returns it.
pub fn meeting_object(t: &Tenant, m: &OnlineMeeting) -> Value {
    let upn = t
        .user_by_id(&m.organizer_id)
        .map(|u| Value::str(&u.user_principal_name))
        .unwrap_or(Value::Null);
    let organizer = Value::object(
        PsObject::new("Microsoft.Graph.PowerShell.Models.MicrosoftGraphMeetingParticipantInfo")
            .with("Role", Value::str("presenter"))
            .with("Upn", upn)
            .with(
                "Identity",
                Value::object(
                    PsObject::new("Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentitySet")
                        .with(
                            "User",
                            Value::object(
                                PsObject::new(
                                    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphIdentity",
                                )
                                .with("Id", Value::str(&m.organizer_id)),
                            ),
                        ),
                ),
            ),
    );
    Value::object(
        PsObject::new(MEETING_TYPE)
            .with("Id", Value::str(&m.id))
            .with("Subject", Value::str(&m.subject))
            .with("StartDateTime", time_of(&m.start_date_time))
            .with("EndDateTime", time_of(&m.end_date_time))
            .with("CreationDateTime", time_of(&m.creation_date_time))
            .with("JoinWebUrl", Value::str(&m.join_web_url))
            .with(
                "JoinMeetingIdSettings",
                Value::object(
                    PsObject::new(
                        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphJoinMeetingIdSettings",
                    )
                    .with("JoinMeetingId", Value::str(&m.join_meeting_id))
                    .with("IsPasscodeRequired", Value::Bool(true))
                    .with("Passcode", Value::str(&m.passcode)),
                ),
            )
            .with(
                "ChatInfo",
                Value::object(
                    PsObject::new("Microsoft.Graph.PowerShell.Models.MicrosoftGraphChatInfo")
                        .with("ThreadId", Value::str(&m.thread_id))
                        .with("MessageId", Value::str("0")),
                ),
            )
            .with(
                "Participants",
                Value::object(
                    PsObject::new(
                        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphMeetingParticipants",
                    )
                    .with("Organizer", organizer)
                    .with("Attendees", Value::array(Vec::new())),
                ),
            )
            .with("AllowedPresenters", Value::str("everyone"))
            .with("ExternalId", Value::Null),
    )
}

/// The meeting as JSON (Invoke-MgGraphRequest's response body).
fn meeting_json(t: &Tenant, m: &OnlineMeeting, version: &str) -> serde_json::Value {
    let upn = t
        .user_by_id(&m.organizer_id)
        .map(|u| u.user_principal_name.clone());
    json!({
        "@odata.context": format!("{GRAPH_ROOT}/{version}/$metadata#users('{}')/onlineMeetings/$entity", m.organizer_id),
        "id": m.id,
        "creationDateTime": m.creation_date_time,
        "startDateTime": m.start_date_time,
        "endDateTime": m.end_date_time,
        "joinWebUrl": m.join_web_url,
        "subject": m.subject,
        "allowedPresenters": "everyone",
        "joinMeetingIdSettings": {"isPasscodeRequired": true, "joinMeetingId": m.join_meeting_id, "passcode": m.passcode},
        "chatInfo": {"threadId": m.thread_id, "messageId": "0"},
        "participants": {"organizer": {"upn": upn, "role": "presenter", "identity": {"user": {"id": m.organizer_id}}}, "attendees": []},
    })
}

/// A property of a request body hashtable or JSON object, case-insensitively.
fn body_text(body: &serde_json::Value, key: &str) -> Option<String> {
    body.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        })
}

/// The fields of a create request, or the 400 to report.
fn meeting_fields(
    body: &serde_json::Value,
    now: OffsetDateTime,
) -> Result<(String, OffsetDateTime, OffsetDateTime), GraphError> {
    let when = |key: &str| -> Result<Option<OffsetDateTime>, GraphError> {
        match body_text(body, key) {
            None => Ok(None),
            Some(text) => crate::runtime::conversion::parse_datetime(&text)
                .map(Some)
                .ok_or_else(|| {
                    GraphError::new(
                        400,
                        "BadRequest",
                        format!("Cannot convert the literal '{text}' to the expected type 'Edm.DateTimeOffset'."),
                    )
                }),
        }
    };
    let start = when("startDateTime")?.unwrap_or(now);
    let end = when("endDateTime")?.unwrap_or(start + time::Duration::hours(1));
    Ok((body_text(body, "subject").unwrap_or_default(), start, end))
}

/// A PowerShell value as JSON (hashtables, objects, arrays, scalars, dates).
pub fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => json!(b),
        Value::Num(n) => match v.as_i64() {
            Some(i) => json!(i),
            None => json!(n.to_f64()),
        },
        Value::DateTime(dt) => json!(format_time(*dt)),
        Value::Array(items) => {
            serde_json::Value::Array(items.borrow().iter().map(to_json).collect())
        }
        Value::Hashtable(h) => serde_json::Value::Object(
            h.borrow()
                .iter()
                .map(|(k, v)| (k.to_ps_string(), to_json(v)))
                .collect(),
        ),
        Value::Object(o) => serde_json::Value::Object(
            o.borrow()
                .properties()
                .map(|(k, v)| (k.to_string(), to_json(v)))
                .collect(),
        ),
        other => json!(other.to_ps_string()),
    }
}

/// JSON as a PowerShell value: objects become hashtables (or PSCustomObjects).
pub fn from_json(v: &serde_json::Value, objects: bool) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map(Value::integer)
            .unwrap_or_else(|| Value::double(n.as_f64().unwrap_or_default())),
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(items) => {
            Value::array(items.iter().map(|i| from_json(i, objects)).collect())
        }
        serde_json::Value::Object(map) => {
            if objects {
                let mut o = PsObject::custom();
                for (k, v) in map {
                    o.set(k, from_json(v, objects));
                }
                Value::object(o)
            } else {
                let mut h = Hashtable::new(false);
                for (k, v) in map {
                    h.insert(Value::str(k), from_json(v, objects));
                }
                Value::hashtable(h)
            }
        }
    }
}

const MEETING_TARGET: &str = "{ UserId = , Headers = , body = Microsoft.Graph.PowerShell.Models.MicrosoftGraphOnlineMeeting }";

fn new_meeting(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let g = require_graph(ctx)?;
    let variant = format!("New-MgUserOnlineMeeting_{}", b.set);
    let typed = b.string("UserId").unwrap_or_default();
    let now = ctx.session.clock.now();
    let body = match b.get("BodyParameter") {
        Some(v) => to_json(v),
        None => {
            let mut map = serde_json::Map::new();
            for (param, key) in [
                ("Subject", "subject"),
                ("StartDateTime", "startDateTime"),
                ("EndDateTime", "endDateTime"),
            ] {
                if let Some(v) = b.get(param) {
                    map.insert(key.to_string(), to_json(v));
                }
            }
            serde_json::Value::Object(map)
        }
    };
    if !ctx.should_process(&typed, "New-MgUserOnlineMeeting")? {
        return Ok(());
    }
    let outcome = {
        let t = read_tenant(ctx)?;
        resolve_user_id(t, &typed)
            .map_err(|e| (e, None))
            .and_then(|user| {
                decide(t, &g, &user, Operation::Create, now)
                    .map_err(|d| (d.error, Some(d.hint)))
                    .map(|()| user)
            })
            .and_then(|user| {
                meeting_fields(&body, now)
                    .map_err(|e| (e, None))
                    .map(|f| (user, f))
            })
    };
    let (user, (subject, start, end)) = match outcome {
        Ok(ok) => ok,
        Err((e, hint)) => {
            record_call(
                ctx,
                "New-MgUserOnlineMeeting",
                Operation::Create,
                &typed,
                &g,
                e.status,
            );
            return write_sdk_error(ctx, &variant, MEETING_TARGET, &e, hint);
        }
    };
    let tenant = read_tenant(ctx)?.clone();
    let meeting = new_meeting_record(
        ctx,
        &tenant,
        &user,
        subject,
        start,
        end,
        g.client_id.clone().filter(|_| g.account.is_none()),
    );
    let saved = transact(ctx, |_| {
        Decision::Apply(
            meeting.clone(),
            vec![Change::AddOnlineMeeting {
                meeting: Box::new(meeting.clone()),
            }],
        )
    })?;
    if let Some(m) = saved {
        record_call(
            ctx,
            "New-MgUserOnlineMeeting",
            Operation::Create,
            &typed,
            &g,
            201,
        );
        let t = read_tenant(ctx)?;
        let obj = meeting_object(t, &m);
        ctx.write_object(obj);
    }
    Ok(())
}

/// The meetings organized by `user` matching an OData filter (`JoinWebUrl eq '...'`,
/// `subject eq '...'`), or the 400 for one this emulation does not read.
fn filter_meetings(
    meetings: Vec<OnlineMeeting>,
    user: &str,
    filter: Option<&str>,
) -> Result<Vec<OnlineMeeting>, GraphError> {
    let mut mine: Vec<OnlineMeeting> = meetings
        .into_iter()
        .filter(|m| same_id(&m.organizer_id, user))
        .collect();
    if let Some(f) = filter {
        let parts: Vec<&str> = f.trim().splitn(3, ' ').collect();
        let [prop, op, value] = parts.as_slice() else {
            return Err(GraphError::new(
                400,
                "BadRequest",
                format!("Invalid filter clause: {f}"),
            ));
        };
        let value = value.trim().trim_matches('\'').replace("''", "'");
        if !op.eq_ignore_ascii_case("eq") {
            return Err(GraphError::new(
                400,
                "BadRequest",
                format!("Invalid filter clause: {f}"),
            ));
        }
        let field = |m: &OnlineMeeting| -> Option<String> {
            match prop.to_ascii_lowercase().as_str() {
                "joinweburl" => Some(m.join_web_url.clone()),
                "subject" => Some(m.subject.clone()),
                "id" => Some(m.id.clone()),
                _ => None,
            }
        };
        if mine.first().is_some_and(|m| field(m).is_none())
            || !["joinweburl", "subject", "id"].contains(&prop.to_ascii_lowercase().as_str())
        {
            return Err(GraphError::new(
                400,
                "BadRequest",
                format!("Invalid filter clause: {f}"),
            ));
        }
        // A join URL pasted into a query string unencoded has its own %xx escapes decoded on
        // the way in; it still names the same meeting.
        mine.retain(|m| {
            field(m).is_some_and(|v| {
                v == value
                    || (prop.eq_ignore_ascii_case("joinweburl") && percent_decode(&v) == value)
            })
        });
    }
    Ok(mine)
}

fn meeting_not_found() -> GraphError {
    GraphError::new(404, "NotFound", "The specified meeting was not found.")
}

fn get_meeting(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let g = require_graph(ctx)?;
    let variant = format!("Get-MgUserOnlineMeeting_{}", b.set);
    let typed = b.string("UserId").unwrap_or_default();
    let meeting_id = b.string("OnlineMeetingId");
    let filter = b.string("Filter");
    let top = b.int("Top");
    let now = ctx.session.clock.now();
    let outcome: Result<Vec<Value>, (GraphError, Option<String>)> = {
        let t = read_tenant(ctx)?;
        resolve_user_id(t, &typed)
            .map_err(|e| (e, None))
            .and_then(|user| {
                decide(t, &g, &user, Operation::Get, now)
                    .map_err(|d| (d.error, Some(d.hint)))
                    .map(|()| user)
            })
            .and_then(|user| {
                let meetings = t.emulator().online_meetings;
                match &meeting_id {
                    Some(id) => meetings
                        .iter()
                        .find(|m| m.id == id.trim() && same_id(&m.organizer_id, &user))
                        .map(|m| vec![meeting_object(t, m)])
                        .ok_or((meeting_not_found(), None)),
                    None => filter_meetings(meetings, &user, filter.as_deref())
                        .map(|ms| {
                            let n =
                                top.map_or(usize::MAX, |n| usize::try_from(n.max(0)).unwrap_or(0));
                            ms.iter().take(n).map(|m| meeting_object(t, m)).collect()
                        })
                        .map_err(|e| (e, None)),
                }
            })
    };
    match outcome {
        Ok(objects) => {
            record_call(
                ctx,
                "Get-MgUserOnlineMeeting",
                Operation::Get,
                &typed,
                &g,
                200,
            );
            for o in objects {
                ctx.write_object(o);
            }
            Ok(())
        }
        Err((e, hint)) => {
            record_call(
                ctx,
                "Get-MgUserOnlineMeeting",
                Operation::Get,
                &typed,
                &g,
                e.status,
            );
            write_sdk_error(ctx, &variant, MEETING_TARGET, &e, hint)
        }
    }
}

fn remove_meeting(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let g = require_graph(ctx)?;
    let variant = format!("Remove-MgUserOnlineMeeting_{}", b.set);
    let typed = b.string("UserId").unwrap_or_default();
    let meeting_id = b.string("OnlineMeetingId").unwrap_or_default();
    let now = ctx.session.clock.now();
    if !ctx.should_process(&meeting_id, "Remove-MgUserOnlineMeeting")? {
        return Ok(());
    }
    let outcome: Result<String, (GraphError, Option<String>)> = {
        let t = read_tenant(ctx)?;
        resolve_user_id(t, &typed)
            .map_err(|e| (e, None))
            .and_then(|user| {
                decide(t, &g, &user, Operation::Delete, now)
                    .map_err(|d| (d.error, Some(d.hint)))
                    .map(|()| user)
            })
            .and_then(|user| {
                t.emulator()
                    .online_meetings
                    .iter()
                    .find(|m| m.id == meeting_id.trim() && same_id(&m.organizer_id, &user))
                    .map(|m| m.id.clone())
                    .ok_or((meeting_not_found(), None))
            })
    };
    let id = match outcome {
        Ok(id) => id,
        Err((e, hint)) => {
            record_call(
                ctx,
                "Remove-MgUserOnlineMeeting",
                Operation::Delete,
                &typed,
                &g,
                e.status,
            );
            return write_sdk_error(ctx, &variant, MEETING_TARGET, &e, hint);
        }
    };
    let done = transact(ctx, |_| {
        Decision::Apply((), vec![Change::RemoveOnlineMeeting { id: id.clone() }])
    })?;
    if done.is_some() {
        record_call(
            ctx,
            "Remove-MgUserOnlineMeeting",
            Operation::Delete,
            &typed,
            &g,
            204,
        );
    }
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Invoke-MgGraphRequest

/// `/v1.0/users/{id}/onlineMeetings[/{meetingId}]` split into (version, user, meeting, query).
fn parse_meeting_uri(uri: &str) -> Option<(String, String, Option<String>, Option<String>)> {
    let rest = uri.trim();
    let rest = rest
        .strip_prefix(GRAPH_ROOT)
        .or_else(|| rest.strip_prefix("https://graph.microsoft.com"))
        .unwrap_or(rest);
    let rest = rest.trim_start_matches('/');
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (rest, None),
    };
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        [version, users, user, meetings, tail @ ..]
            if ["v1.0", "beta"].contains(version)
                && users.eq_ignore_ascii_case("users")
                && meetings.eq_ignore_ascii_case("onlineMeetings")
                && tail.len() <= 1 =>
        {
            Some((
                (*version).to_string(),
                percent_decode(user),
                tail.first().map(|m| percent_decode(m)),
                query,
            ))
        }
        _ => None,
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A `$filter=...` from a query string.
fn query_filter(query: Option<&str>) -> Option<String> {
    query?.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (percent_decode(k).eq_ignore_ascii_case("$filter")).then(|| percent_decode(v))
    })
}

fn invoke_request(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let g = require_graph(ctx)?;
    let method = b
        .string("Method")
        .unwrap_or_else(|| "GET".into())
        .to_ascii_uppercase();
    let uri = b.string("Uri").unwrap_or_default();
    let absolute = if uri.trim().starts_with("http") {
        uri.trim().to_string()
    } else {
        format!("{GRAPH_ROOT}/{}", uri.trim().trim_start_matches('/'))
    };
    let output = b.string("OutputType").unwrap_or_else(|| "HashTable".into());
    // Mailbox data (mail, calendars, contacts, mailbox settings): the Exchange side decides.
    if let Some(request) = super::exchange::mail::parse_mail_uri(&uri) {
        return super::exchange::mail::invoke(ctx, b, &g, &method, &absolute, &output, request);
    }
    let Some((version, user_typed, meeting_id, query)) = parse_meeting_uri(&uri) else {
        let r = ctx.error(
            "System.NotSupportedException",
            format!(
                "{method} {absolute} is not emulated offline: aapsh emulates GET, POST and DELETE on /v1.0/users/{{id}}/onlineMeetings[/{{meetingId}}], and /v1.0/users/{{id}}/messages, /events, /contacts, /mailboxSettings and /sendMail."
            ),
            "RequestNotEmulated",
            ErrorCategory::NotImplemented,
        );
        return Err(ctx.terminate(r));
    };
    let op = match (method.as_str(), &meeting_id) {
        ("POST", None) => Operation::Create,
        ("GET", _) => Operation::Get,
        ("DELETE", Some(_)) => Operation::Delete,
        _ => {
            let r = ctx.error(
                "System.NotSupportedException",
                format!("{method} {absolute} is not emulated offline: aapsh emulates GET, POST and DELETE on /v1.0/users/{{id}}/onlineMeetings[/{{meetingId}}], and /v1.0/users/{{id}}/messages, /events, /contacts, /mailboxSettings and /sendMail."),
                "RequestNotEmulated",
                ErrorCategory::NotImplemented,
            );
            return Err(ctx.terminate(r));
        }
    };
    let body = match b.get("Body") {
        None | Some(Value::Null) => serde_json::Value::Object(Default::default()),
        Some(Value::String(s)) => match serde_json::from_str(s) {
            Ok(v) => v,
            Err(_) => serde_json::Value::Null,
        },
        Some(v) => to_json(v),
    };
    let now = ctx.session.clock.now();
    let tenant = read_tenant(ctx)?.clone();
    let result: Result<(u16, Option<serde_json::Value>), (GraphError, Option<String>)> = (|| {
        if op == Operation::Create && !body.is_object() {
            return Err((
                GraphError::new(400, "BadRequest", "Empty Payload. JSON content expected."),
                None,
            ));
        }
        let user = resolve_user_id(&tenant, &user_typed).map_err(|e| (e, None))?;
        decide(&tenant, &g, &user, op, now).map_err(|d| (d.error, Some(d.hint)))?;
        let meetings = tenant.emulator().online_meetings;
        match (op, &meeting_id) {
            (Operation::Create, _) => {
                let f = meeting_fields(&body, now).map_err(|e| (e, None))?;
                Ok((
                    201,
                    Some(json!({"create": [user, f.0, format_time(f.1), format_time(f.2)]})),
                ))
            }
            (Operation::Get, Some(id)) => meetings
                .iter()
                .find(|m| &m.id == id && same_id(&m.organizer_id, &user))
                .map(|m| (200, Some(meeting_json(&tenant, m, &version))))
                .ok_or((meeting_not_found(), None)),
            (Operation::Get, None) => {
                let found =
                    filter_meetings(meetings, &user, query_filter(query.as_deref()).as_deref())
                        .map_err(|e| (e, None))?;
                let value: Vec<serde_json::Value> = found
                    .iter()
                    .map(|m| {
                        let mut j = meeting_json(&tenant, m, &version);
                        if let Some(o) = j.as_object_mut() {
                            o.shift_remove("@odata.context");
                        }
                        j
                    })
                    .collect();
                Ok((
                    200,
                    Some(json!({
                        "@odata.context": format!("{GRAPH_ROOT}/{version}/$metadata#users('{user}')/onlineMeetings"),
                        "value": value,
                    })),
                ))
            }
            (Operation::Delete, Some(id)) => meetings
                .iter()
                .find(|m| &m.id == id && same_id(&m.organizer_id, &user))
                .map(|m| (204, Some(json!({"delete": m.id}))))
                .ok_or((meeting_not_found(), None)),
            (Operation::Delete, None) => Err((meeting_not_found(), None)),
        }
    })();
    let (status, payload) = match result {
        Ok(ok) => ok,
        Err((e, hint)) => {
            record_call(ctx, "Invoke-MgGraphRequest", op, &user_typed, &g, e.status);
            if b.switch("SkipHttpErrorCheck") {
                let r = response(ctx);
                set_status(ctx, b, e.status);
                let body: serde_json::Value =
                    serde_json::from_str(&error_body(&e, &r)).unwrap_or_default();
                return write_json(ctx, &output, &body);
            }
            let r = response(ctx);
            let mut details = format!(
                "{method} {absolute}\nHTTP/2.0 {} {}",
                e.status,
                http_reason(e.status)
            );
            for (name, value) in header_lines(&r) {
                details.push_str(&format!("\n{name}: {value}"));
            }
            details.push_str("\nContent-Type: application/json\n\n");
            details.push_str(&error_body(&e, &r));
            let mut record = ctx.error(
                "Microsoft.Graph.PowerShell.Authentication.Helpers.HttpResponseException",
                details,
                "InvokeGraphHttpResponseException",
                ErrorCategory::InvalidOperation,
            );
            record.target_name = format!("Method: {method}, RequestUri: '{absolute}'");
            record.target_type = "HttpRequestMessage".to_string();
            record.suggestion = hint;
            set_status(ctx, b, e.status);
            return Err(ctx.terminate(record));
        }
    };
    set_status(ctx, b, status);
    record_call(ctx, "Invoke-MgGraphRequest", op, &user_typed, &g, status);
    let Some(payload) = payload else {
        return Ok(());
    };
    if let Some(create) = payload.get("create").and_then(|c| c.as_array()) {
        let text = |i: usize| {
            create
                .get(i)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let (user, subject) = (text(0), text(1));
        let start = parse_time(&text(2)).unwrap_or(now);
        let end = parse_time(&text(3)).unwrap_or(now);
        let meeting = new_meeting_record(
            ctx,
            &tenant,
            &user,
            subject,
            start,
            end,
            g.client_id.clone().filter(|_| g.account.is_none()),
        );
        let saved = transact(ctx, |_| {
            Decision::Apply(
                meeting.clone(),
                vec![Change::AddOnlineMeeting {
                    meeting: Box::new(meeting.clone()),
                }],
            )
        })?;
        if let Some(m) = saved {
            let json = meeting_json(&tenant, &m, &version);
            return write_json(ctx, &output, &json);
        }
        return Ok(());
    }
    if let Some(id) = payload.get("delete").and_then(|d| d.as_str()) {
        let id = id.to_string();
        transact(ctx, |_| {
            Decision::Apply((), vec![Change::RemoveOnlineMeeting { id: id.clone() }])
        })?;
        return Ok(());
    }
    write_json(ctx, &output, &payload)
}

pub(super) fn set_status(ctx: &mut CommandContext<'_>, b: &BoundParameters, status: u16) {
    if let Some(var) = b.string("StatusCodeVariable") {
        ctx.session.scopes.set(
            &var,
            Value::integer(i64::from(status)),
            crate::runtime::scope::Qualifier::None,
        );
    }
}

pub(super) fn write_json(
    ctx: &mut CommandContext<'_>,
    output: &str,
    body: &serde_json::Value,
) -> Result<(), Flow> {
    let value = if output.eq_ignore_ascii_case("Json") {
        Value::str(body.to_string())
    } else {
        from_json(body, output.eq_ignore_ascii_case("PSObject"))
    };
    ctx.write_object(value);
    Ok(())
}

//! The Microsoft Graph mailbox calls: Invoke-MgGraphRequest on `/users/{id}/messages`,
//! `/events`, `/contacts`, `/mailboxSettings` and `/sendMail`, and the SDK cmdlets admins use for
//! them (Get-MgUserMessage, Get-MgUserEvent, Get-MgUserContact, Get-MgUserMailboxSetting,
//! Send-MgUserMail). Each call is decided by `decide` over what Graph sees now (the Exchange
//! propagation delay), with the error body Graph returns for each refusal (fidelity.md §5).
//!
//! Mailboxes hold no items offline: reads of a collection return an empty one, a single item is
//! not found, /sendMail is accepted (nothing is delivered), mailbox settings are the defaults;
//! creating or changing items is refused as not emulated, after the access decision.

use serde_json::json;

use super::decide::{MailOp, MailResource, decide, fix_text, mechanism_text};
use crate::cmdlets::graph::{
    GRAPH_ROOT, GraphError, common_sdk_params, error_body, header_lines, http_reason,
    require_graph, resolve_user_id, response, set_status, write_json, write_sdk_error,
};
use crate::cmdlets::service::read_tenant;
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, GraphConnection,
};
use crate::store::{Tenant, UserLookup, same_id};
use crate::vocab::{ParamDef, Requires, types};

/// What a mailbox URI asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailRequest {
    pub version: String,
    pub user: String,
    pub kind: Kind,
    /// The item id of `/messages/{id}` and the like.
    pub item: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Messages,
    Events,
    Contacts,
    MailboxSettings,
    SendMail,
}

impl Kind {
    fn resource(self) -> MailResource {
        match self {
            Kind::Messages | Kind::SendMail => MailResource::Mail,
            Kind::Events => MailResource::Calendars,
            Kind::Contacts => MailResource::Contacts,
            Kind::MailboxSettings => MailResource::MailboxSettings,
        }
    }

    fn segment(self) -> &'static str {
        match self {
            Kind::Messages => "messages",
            Kind::Events => "events",
            Kind::Contacts => "contacts",
            Kind::MailboxSettings => "mailboxSettings",
            Kind::SendMail => "sendMail",
        }
    }
}

/// `/v1.0/users/{id}/messages[/{id}]`, `.../mailFolders/{f}/messages`, `.../events[/{id}]`,
/// `.../calendar/events`, `.../contacts[/{id}]`, `.../mailboxSettings`, `.../sendMail`.
pub fn parse_mail_uri(uri: &str) -> Option<MailRequest> {
    let rest = uri.trim();
    let rest = rest.strip_prefix(GRAPH_ROOT).unwrap_or(rest);
    let rest = rest.trim_start_matches('/');
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let [version, users, user, tail @ ..] = parts.as_slice() else {
        return None;
    };
    if !["v1.0", "beta"].contains(version) || !users.eq_ignore_ascii_case("users") {
        return None;
    }
    let lower: Vec<String> = tail.iter().map(|s| s.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let (kind, item) = match lower.as_slice() {
        ["messages"] => (Kind::Messages, None),
        ["messages", _] => (Kind::Messages, Some(tail[1])),
        ["mailfolders", _, "messages"] => (Kind::Messages, None),
        ["events"] | ["calendar", "events"] => (Kind::Events, None),
        ["events", _] => (Kind::Events, Some(tail[1])),
        ["contacts"] => (Kind::Contacts, None),
        ["contacts", _] => (Kind::Contacts, Some(tail[1])),
        ["mailboxsettings"] => (Kind::MailboxSettings, None),
        ["sendmail"] => (Kind::SendMail, None),
        _ => return None,
    };
    Some(MailRequest {
        version: (*version).to_string(),
        user: percent_decode(user),
        kind,
        item: item.map(percent_decode),
    })
}

fn percent_decode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let bytes = s.as_bytes();
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
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A refusal: the Graph error and the explanation for the trainee.
struct Refused {
    error: GraphError,
    hint: Option<String>,
}

/// `The requested user '<x>' is invalid.` (chosen, fidelity.md §5).
fn invalid_user(typed: &str) -> GraphError {
    GraphError::new(
        404,
        "ErrorInvalidUser",
        format!("The requested user '{typed}' is invalid."),
    )
}

/// Resolves the user and decides the call for the connected caller.
fn authorize(
    t: &Tenant,
    g: &GraphConnection,
    typed_user: &str,
    resource: MailResource,
    op: MailOp,
    now: time::OffsetDateTime,
) -> Result<String, Refused> {
    let user_id = resolve_user_id(t, typed_user).map_err(|_| Refused {
        error: invalid_user(typed_user),
        hint: None,
    })?;
    let Some(app_id) = g.client_id.as_deref().filter(|_| g.account.is_none()) else {
        // Delegated: the signed-in user reaches their own mailbox only (chosen: no delegates).
        let own = g
            .account
            .as_deref()
            .and_then(|a| match t.resolve_user(a) {
                UserLookup::Found(u) => Some(u.object_id.clone()),
                _ => None,
            })
            .is_some_and(|id| same_id(&id, &user_id));
        if own {
            return Ok(user_id);
        }
        return Err(Refused {
            error: access_denied(),
            hint: Some("A delegated sign-in acts as the signed-in user, who reaches only their own mailbox; connect app-only (Connect-MgGraph -ClientId ... -CertificateThumbprint ...) to act on other mailboxes.".to_string()),
        });
    };
    let x = t.exchange();
    let graph_state = x.graph_state(now);
    let d = decide(t, &graph_state, app_id, &user_id, resource, op);
    if d.is_allowed() {
        return Ok(user_id);
    }
    let error = match &d.allowed {
        Err(super::decide::Refusal::NoMailbox) => GraphError::new(
            404,
            "MailboxNotEnabledForRESTAPI",
            "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        ),
        Err(super::decide::Refusal::Policy { .. }) => {
            GraphError::new(403, "ErrorAccessDenied", "Access to OData is disabled.")
        }
        _ => access_denied(),
    };
    let now_decision = decide(t, &x.access_state(), app_id, &user_id, resource, op);
    let hint = if now_decision.is_allowed() {
        match x.next_arrival(now) {
            Some(at) => format!(
                "The Exchange change that allows this call has not reached Microsoft Graph yet: it takes effect at {} (Exchange propagation delay {}). Test-EmuAppAccess -Resource {} explains.",
                crate::format::datetime_short(at, &crate::runtime::culture::INVARIANT),
                crate::cmdlets::graph::delay_text(x.delay()),
                resource.name()
            ),
            None => {
                "The Exchange change that allows this call has not reached Microsoft Graph yet."
                    .to_string()
            }
        }
    } else {
        let mut text = format!("{}.", mechanism_text(t, &d, resource));
        if let Some(fix) = fix_text(
            t,
            &d,
            app_id,
            &user_id,
            &graph_state.application_access_policies,
            resource,
            op,
        ) {
            text.push_str(&format!(" Fix: {fix}"));
        }
        text
    };
    Err(Refused {
        error,
        hint: Some(hint),
    })
}

/// `Access is denied. Check credentials and try again.` (chosen, fidelity.md §5).
fn access_denied() -> GraphError {
    GraphError::new(
        403,
        "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.",
    )
}

fn item_not_found() -> GraphError {
    GraphError::new(
        404,
        "ErrorItemNotFound",
        "The specified object was not found in the store.",
    )
}

/// The mailbox settings a new mailbox has (chosen defaults).
fn default_settings(version: &str, user_id: &str) -> serde_json::Value {
    json!({
        "@odata.context": format!("{GRAPH_ROOT}/{version}/$metadata#users('{user_id}')/mailboxSettings"),
        "archiveFolder": "",
        "timeZone": "UTC",
        "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly",
        "dateFormat": "M/d/yyyy",
        "timeFormat": "h:mm tt",
        "userPurpose": "user",
        "automaticRepliesSetting": {"status": "disabled", "externalAudience": "all"},
        "language": {"locale": "en-US", "displayName": "English (United States)"},
        "workingHours": {
            "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "startTime": "08:00:00.0000000",
            "endTime": "17:00:00.0000000",
            "timeZone": {"name": "UTC"}
        }
    })
}

/// What the request does once allowed: (status, body).
fn respond(
    req: &MailRequest,
    method: &str,
    user_id: &str,
) -> Result<(u16, Option<serde_json::Value>), GraphError> {
    match (req.kind, method, &req.item) {
        (Kind::MailboxSettings, "GET", _) => {
            Ok((200, Some(default_settings(&req.version, user_id))))
        }
        (Kind::SendMail, "POST", _) => Ok((202, None)),
        (_, "GET", Some(_)) => Err(item_not_found()),
        (_, "GET", None) => Ok((
            200,
            Some(json!({
                "@odata.context": format!("{GRAPH_ROOT}/{}/$metadata#users('{user_id}')/{}", req.version, req.kind.segment()),
                "value": []
            })),
        )),
        _ => Err(GraphError::new(
            501,
            "NotImplemented",
            format!(
                "{method} on /users/{{id}}/{} is allowed for this app, but keeping mailbox items is not emulated offline.",
                req.kind.segment()
            ),
        )),
    }
}

fn op_for(kind: Kind, method: &str) -> Option<MailOp> {
    match (kind, method) {
        (Kind::SendMail, "POST") => Some(MailOp::Send),
        (Kind::SendMail, _) => None,
        (_, "GET") => Some(MailOp::Read),
        (Kind::MailboxSettings, "PATCH") => Some(MailOp::Write),
        (Kind::MailboxSettings, _) => None,
        (_, "POST" | "PATCH" | "PUT" | "DELETE") => Some(MailOp::Write),
        _ => None,
    }
}

/// Invoke-MgGraphRequest on a mailbox URI.
pub(crate) fn invoke(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    g: &GraphConnection,
    method: &str,
    absolute: &str,
    output: &str,
    req: MailRequest,
) -> Result<(), Flow> {
    let Some(op) = op_for(req.kind, method) else {
        let r = ctx.error(
            "System.NotSupportedException",
            format!(
                "{method} {absolute} is not emulated offline: aapsh emulates GET on /users/{{id}}/messages, /events, /contacts and /mailboxSettings, and POST on /users/{{id}}/sendMail."
            ),
            "RequestNotEmulated",
            ErrorCategory::NotImplemented,
        );
        return Err(ctx.terminate(r));
    };
    let now = ctx.session.clock.now();
    let t = read_tenant(ctx)?.clone();
    let outcome = authorize(&t, g, &req.user, req.kind.resource(), op, now).and_then(|user_id| {
        respond(&req, method, &user_id).map_err(|error| Refused { error, hint: None })
    });
    match outcome {
        Ok((status, body)) => {
            set_status(ctx, b, status);
            match body {
                Some(body) => write_json(ctx, output, &body),
                None => Ok(()),
            }
        }
        Err(Refused { error: e, hint }) => {
            let r = response(ctx);
            if b.switch("SkipHttpErrorCheck") {
                set_status(ctx, b, e.status);
                let body: serde_json::Value =
                    serde_json::from_str(&error_body(&e, &r)).unwrap_or_default();
                return write_json(ctx, output, &body);
            }
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
            Err(ctx.terminate(record))
        }
    }
}

const MAIL_MODULE: &str = "Microsoft.Graph.Mail";
const CALENDAR_MODULE: &str = "Microsoft.Graph.Calendar";
const CONTACTS_MODULE: &str = "Microsoft.Graph.PersonalContacts";
const USERS_MODULE: &str = "Microsoft.Graph.Users";
const ACTIONS_MODULE: &str = "Microsoft.Graph.Users.Actions";

fn list_get(def: CmdletDef, item: &'static str, item_help: &'static str) -> CmdletDef {
    def.requires(Requires::Graph)
        .default_set("List")
        .param(
            ParamDef::new("UserId", types::STRING)
                .mandatory()
                .help("The unique identifier of user (object id or UPN)."),
        )
        .param(
            ParamDef::new(item, types::STRING)
                .sets(&["Get"])
                .mandatory()
                .help(item_help),
        )
        .param(
            ParamDef::new("Filter", types::STRING)
                .sets(&["List"])
                .help("Filter items by property values."),
        )
        .param(
            ParamDef::new("Search", types::STRING)
                .sets(&["List"])
                .help("Search items by search phrases."),
        )
        .param(
            ParamDef::new("Sort", types::STRING_ARRAY)
                .sets(&["List"])
                .help("Order items by property values."),
        )
        .param(
            ParamDef::new("Top", types::INT32)
                .sets(&["List"])
                .help("Show only the first n items."),
        )
        .param(
            ParamDef::new("Skip", types::INT32)
                .sets(&["List"])
                .help("Skip the first n items."),
        )
        .param(
            ParamDef::new("All", types::SWITCH)
                .sets(&["List"])
                .help("List all pages."),
        )
        .param(
            ParamDef::new("PageSize", types::INT32)
                .sets(&["List"])
                .ignored_offline()
                .help("Sets the page size of results."),
        )
        .param(
            ParamDef::new("CountVariable", types::STRING)
                .sets(&["List"])
                .ignored_offline()
                .help("Specifies a count of the total number of items in a collection."),
        )
        .param(
            ParamDef::new("Property", types::STRING_ARRAY)
                .ignored_offline()
                .help("Select properties to be returned."),
        )
        .param(
            ParamDef::new("ExpandProperty", types::STRING_ARRAY)
                .ignored_offline()
                .help("Expand related entities."),
        )
}

pub fn definitions() -> Vec<CmdletDef> {
    let defs = vec![
        list_get(
            CmdletDef::new("Get-MgUserMessage", MAIL_MODULE, get_messages)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserMessage")
                .synopsis("The messages in a mailbox or folder. Read-only. Nullable.")
                .description("With application permissions the app needs Mail.Read (or Mail.ReadBasic, Mail.ReadWrite) in Microsoft Entra, within the Exchange application access policies, or an RBAC for Applications role in scope. Mailboxes hold no messages offline: the list is empty."),
            "MessageId",
            "The unique identifier of message.",
        )
        .outputs("Messages (none offline).")
        .example("Read a user's mail app-only", "Get-MgUserMessage -UserId megan.bowen@contoso.onmicrosoft.com -Top 10", "Denied with ErrorAccessDenied when an application access policy leaves the mailbox out."),
        list_get(
            CmdletDef::new("Get-MgUserEvent", CALENDAR_MODULE, get_events)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserEvent")
                .synopsis("The user's events. Default is to show Events under the Default Calendar. Read-only. Nullable.")
                .description("Needs Calendars.Read (or Calendars.ReadWrite), decided like Get-MgUserMessage. Calendars hold no events offline."),
            "EventId",
            "The unique identifier of event.",
        )
        .outputs("Events (none offline)."),
        list_get(
            CmdletDef::new("Get-MgUserContact", CONTACTS_MODULE, get_contacts)
                .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserContact")
                .synopsis("The user's contacts. Read-only. Nullable.")
                .description("Needs Contacts.Read (or Contacts.ReadWrite), decided like Get-MgUserMessage."),
            "ContactId",
            "The unique identifier of contact.",
        )
        .outputs("Contacts (none offline)."),
        CmdletDef::new("Get-MgUserMailboxSetting", USERS_MODULE, get_settings)
            .class("Microsoft.Graph.PowerShell.Cmdlets.GetMgUserMailboxSetting")
            .synopsis("Settings for the primary mailbox of the signed-in user.")
            .description("Needs MailboxSettings.Read (or MailboxSettings.ReadWrite), decided like Get-MgUserMessage. Returns the defaults of a new mailbox.")
            .requires(Requires::Graph)
            .default_set("Get")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("Property", types::STRING_ARRAY).ignored_offline().help("Select properties to be returned."))
            .outputs("The mailbox settings."),
        CmdletDef::new("Send-MgUserMail", ACTIONS_MODULE, send_mail)
            .class("Microsoft.Graph.PowerShell.Cmdlets.SendMgUserMail")
            .synopsis("Send the message specified in the request body using either JSON or MIME format.")
            .description("Needs Mail.Send, decided like Get-MgUserMessage. Accepted offline when allowed (nothing is delivered).")
            .requires(Requires::Graph)
            .should_process()
            .default_set("SendExpanded")
            .param(ParamDef::new("UserId", types::STRING).mandatory().help("The unique identifier of user (object id or UPN)."))
            .param(ParamDef::new("BodyParameter", types::HASHTABLE).sets(&["Send"]).mandatory().help("The request body: @{ message = @{...}; saveToSentItems = $true }."))
            .param(ParamDef::new("Message", types::HASHTABLE).sets(&["SendExpanded"]).help("The message: subject, body, toRecipients..."))
            .param(ParamDef::new("SaveToSentItems", types::SWITCH).sets(&["SendExpanded"]).help("Saves the message in Sent Items."))
            .param(ParamDef::new("AdditionalProperties", types::HASHTABLE).sets(&["SendExpanded"]).ignored_offline().help("Additional Parameters."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))
            .example("Send as a user", "Send-MgUserMail -UserId megan.bowen@contoso.onmicrosoft.com -BodyParameter @{ message = @{ subject = 'Hi'; toRecipients = @(@{ emailAddress = @{ address = 'alex.wilber@contoso.onmicrosoft.com' } }) } }", "Needs Mail.Send for the sender's mailbox."),
    ];
    defs.into_iter().map(common_sdk_params).collect()
}

/// What the SDK cmdlets share: decide, then write nothing (empty mailbox), the record, or the
/// error as the generated cmdlets write it.
fn sdk_call(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    kind: Kind,
    method: &str,
    item_param: Option<&str>,
) -> Result<(), Flow> {
    let g = require_graph(ctx)?;
    let variant = format!("{}_{}", ctx.def.name, b.set);
    let typed = b.string("UserId").unwrap_or_default();
    let now = ctx.session.clock.now();
    let t = read_tenant(ctx)?.clone();
    let op = op_for(kind, method).unwrap_or(MailOp::Read);
    let req = MailRequest {
        version: "v1.0".to_string(),
        user: typed.clone(),
        kind,
        item: item_param.and_then(|p| b.string(p)),
    };
    let outcome = authorize(&t, &g, &typed, kind.resource(), op, now).and_then(|user_id| {
        respond(&req, method, &user_id).map_err(|error| Refused { error, hint: None })
    });
    let target = "{ UserId = , Headers =  }";
    match outcome {
        Ok((_, Some(body))) if kind == Kind::MailboxSettings => {
            let mut body = body;
            if let Some(o) = body.as_object_mut() {
                o.shift_remove("@odata.context");
            }
            let mut value = crate::cmdlets::graph::from_json(&body, true);
            if let crate::runtime::Value::Object(o) = &mut value {
                o.borrow_mut().type_names = vec![
                    "Microsoft.Graph.PowerShell.Models.MicrosoftGraphMailboxSettings".to_string(),
                ];
            }
            ctx.write_object(value);
            Ok(())
        }
        Ok(_) => {
            if kind == Kind::SendMail && b.switch("PassThru") {
                ctx.write_object(crate::runtime::Value::Bool(true));
            }
            Ok(())
        }
        Err(Refused { error, hint }) => write_sdk_error(ctx, &variant, target, &error, hint),
    }
}

fn get_messages(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    sdk_call(ctx, b, Kind::Messages, "GET", Some("MessageId"))
}

fn get_events(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    sdk_call(ctx, b, Kind::Events, "GET", Some("EventId"))
}

fn get_contacts(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    sdk_call(ctx, b, Kind::Contacts, "GET", Some("ContactId"))
}

fn get_settings(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    sdk_call(ctx, b, Kind::MailboxSettings, "GET", None)
}

fn send_mail(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("UserId").unwrap_or_default();
    if !ctx.should_process(&typed, "Send-MgUserMail")? {
        return Ok(());
    }
    sdk_call(ctx, b, Kind::SendMail, "POST", None)
}

/// The Graph decision for one call, as a property test compares it: allowed or not, for the
/// connected app, at `now`.
#[cfg(test)]
pub fn graph_allows(
    t: &Tenant,
    app_id: &str,
    user: &str,
    resource: MailResource,
    op: MailOp,
    now: time::OffsetDateTime,
) -> bool {
    let g = GraphConnection {
        client_id: Some(app_id.to_string()),
        tenant_id: t.tenant.tenant_id.clone(),
        account: None,
    };
    authorize(t, &g, user, resource, op, now).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailbox_uris_are_recognised() {
        let r = parse_mail_uri(
            "https://graph.microsoft.com/v1.0/users/megan%40contoso.com/messages?$top=5",
        )
        .unwrap();
        assert_eq!(r.user, "megan@contoso.com");
        assert_eq!(r.kind, Kind::Messages);
        assert_eq!(
            parse_mail_uri("/v1.0/users/x/calendar/events")
                .unwrap()
                .kind,
            Kind::Events
        );
        assert_eq!(
            parse_mail_uri("v1.0/users/x/sendMail").unwrap().kind,
            Kind::SendMail
        );
        assert_eq!(
            parse_mail_uri("/beta/users/x/mailFolders/inbox/messages")
                .unwrap()
                .kind,
            Kind::Messages
        );
        assert_eq!(
            parse_mail_uri("/v1.0/users/x/events/AAMk")
                .unwrap()
                .item
                .as_deref(),
            Some("AAMk")
        );
        assert!(parse_mail_uri("/v1.0/users/x/onlineMeetings").is_none());
        assert!(parse_mail_uri("/v2/users/x/messages").is_none());
    }

    #[test]
    fn methods_map_to_operations() {
        assert_eq!(op_for(Kind::SendMail, "POST"), Some(MailOp::Send));
        assert_eq!(op_for(Kind::SendMail, "GET"), None);
        assert_eq!(op_for(Kind::Messages, "DELETE"), Some(MailOp::Write));
        assert_eq!(op_for(Kind::MailboxSettings, "POST"), None);
    }
}

//! aapsh's own cmdlets (noun prefix `Emu`, so nobody mistakes them for real ones): application
//! permissions (admin consent offline), the Graph propagation delay, the Graph error wording,
//! and the explaining cmdlets Test-EmuAppAccess and Get-EmuEffectivePolicy, which say which app
//! may act for which user, for reads and writes, why, and when a pending change arrives.

use super::explain;
use super::graph::delay_text;
use super::service::{Decision, read_tenant, transact};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, PsObject, Value};
use crate::store::{
    AccessExplanation, Application, Change, GraphErrorStyle, PolicySource, Tenant, User,
    UserLookup, same_id,
};
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, types};

const MODULE: &str = "aapsh";
pub const ACCESS_TYPE: &str = "aapsh.AppAccess";
pub const EFFECTIVE_TYPE: &str = "aapsh.EffectivePolicy";
pub const DELAY_TYPE: &str = "aapsh.PropagationDelay";

const RESOURCE: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "OnlineMeetings",
        "Mail",
        "Calendars",
        "Contacts",
        "MailboxSettings",
    ]),
    "String",
    "System.String",
);
const SERVICE: ParamType = ParamType::new(
    ParamKind::Enum(&["Teams", "Exchange"]),
    "String",
    "System.String",
);

const STYLE: ParamType = ParamType::new(
    ParamKind::Enum(&["Legacy", "Modern"]),
    "GraphErrorStyle",
    "aapsh.GraphErrorStyle",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Grant-EmuAppPermission", MODULE, grant_permission)
            .class("aapsh.Cmdlets.GrantEmuAppPermission")
            .synopsis("Grants application permissions to an app registration (admin consent, offline).")
            .description("Adds Microsoft Graph application permissions to an app in the store, as an admin consenting in the Entra admin center would. Online meeting calls need OnlineMeetings.Read.All (reads) or OnlineMeetings.ReadWrite.All (reads and writes). Permissions take effect at once (no propagation delay).")
            .should_process()
            .param(ParamDef::new("AppId", types::STRING).position(0).mandatory().help("The app (client) id, or the app's display name."))
            .param(ParamDef::new("Permission", types::STRING_ARRAY).position(1).mandatory().help("Permission names, e.g. OnlineMeetings.ReadWrite.All."))
            .example("Let an app create meetings", "Grant-EmuAppPermission -AppId a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 -Permission OnlineMeetings.ReadWrite.All", "The app may now create and read online meetings for users whose policy lists it."),
        CmdletDef::new("Revoke-EmuAppPermission", MODULE, revoke_permission)
            .class("aapsh.Cmdlets.RevokeEmuAppPermission")
            .synopsis("Removes application permissions from an app registration.")
            .should_process()
            .param(ParamDef::new("AppId", types::STRING).position(0).mandatory().help("The app (client) id, or the app's display name."))
            .param(ParamDef::new("Permission", types::STRING_ARRAY).position(1).mandatory().help("Permission names to remove.")),
        CmdletDef::new("Set-EmuPropagationDelay", MODULE, set_delay)
            .class("aapsh.Cmdlets.SetEmuPropagationDelay")
            .synopsis("Sets how long policy and assignment changes take to reach Microsoft Graph.")
            .description("Real tenants take up to 30 minutes (\"Changes to application access policies can take up to 30 minutes to take effect in Microsoft Graph REST API calls.\"). The delay is measured on the session clock: Start-Sleep advances it at once. Changes made while the delay is 0 arrive at once; setting 0 makes every pending change arrive. Kept in the store.")
            .should_process()
            .param(ParamDef::new("Minutes", types::DOUBLE).position(0).help("The delay in minutes (30 reproduces the documented trap)."))
            .param(ParamDef::new("Seconds", types::INT64).help("The delay in seconds."))
            .param(ParamDef::new("Service", SERVICE).help("Teams (the default: Teams application access policies reaching the online meeting calls) or Exchange (Exchange application access policies and RBAC for Applications reaching the mailbox calls; Microsoft documents \"can take longer than 1 hour\")."))
            .example("Reproduce the 30-minute trap", "Set-EmuPropagationDelay -Minutes 30", "Grants and policy edits reach Graph calls 30 minutes (session clock) after they are made."),
        CmdletDef::new("Get-EmuPropagationDelay", MODULE, get_delay)
            .class("aapsh.Cmdlets.GetEmuPropagationDelay")
            .synopsis("Shows the propagation delay and the changes still on their way to Microsoft Graph.")
            .outputs("Delay, PendingChanges, NextArrival, LastArrival, GraphErrorStyle."),
        CmdletDef::new("Set-EmuGraphErrorStyle", MODULE, set_style)
            .class("aapsh.Cmdlets.SetEmuGraphErrorStyle")
            .synopsis("Chooses the wording of the Graph error when no application access policy allows a call.")
            .description("Legacy (default): 403 {\"code\":\"Unauthorized\",\"message\":\"App <appId> is not authorized to Create meeting on behalf of user <userId>\"}, the documented body until mid-2023. Modern: 403 {\"code\":\"Forbidden\",\"message\":\"No application access policy found for this app.\"}, what the service returns since. Kept in the store.")
            .should_process()
            .param(ParamDef::new("Style", STYLE).position(0).mandatory().help("Legacy or Modern.")),
        CmdletDef::new("Test-EmuAppAccess", MODULE, test_access)
            .class("aapsh.Cmdlets.TestEmuAppAccess")
            .synopsis("Explains whether apps may read or write online meetings on behalf of users, and why.")
            .description("For each app and user (all of them when -AppId or -User is left out): Access as Microsoft Graph decides now (Allowed, Read only or Denied), why in a few words (every missing permission or policy, or the effective policy and its route: direct, group, tenant-wide or Global), and when a pending policy change will reach Graph (TakesEffect). Format-List shows every detail, with MissingStep: the commands that would allow the call. -Detailed explains in words, one command per line, narrowest fix first; a fix that adds the app to the Global policy (or to the one granted tenant-wide) comes last and says that it opens the app to every user without an assignment.")
            .param(ParamDef::new("AppId", types::STRING_ARRAY).position(0).help("App (client) ids or display names; default every app in the store."))
            .param(ParamDef::new("User", types::STRING_ARRAY).position(1).help("Users (object id, UPN, SIP address or display name); default every user."))
            .param(ParamDef::new("Detailed", types::SWITCH).help("Writes the explanation as text for reading: the route, whether Graph sees it yet, and every missing step as a command ready to paste, narrowest first."))
            .outputs("One row per app and user: User, App, Access, Why (and, for Format-List, Read, Write, CanRead, CanCreate, TakesEffect, the route, the reason and MissingStep, the commands that would allow the call). With -Detailed, text. With a mailbox -Resource: User, App, Resource, Read, Write, Send, Mechanism, Fix, TakesEffect.")
            .example("Why is my app denied?", "Test-EmuAppAccess -AppId a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 -User megan.bowen@contoso.onmicrosoft.com -Detailed", "Explains the decision and lists every missing step as a command to paste.")
            .param(ParamDef::new("Resource", RESOURCE).help("OnlineMeetings (the default: Teams application access policies), or a mailbox data set: Mail, Calendars, Contacts, MailboxSettings (Exchange application access policies and RBAC for Applications)."))
            .example("The whole matrix", "Test-EmuAppAccess", "Every app against every user.")
            .example("Which mechanism decides mail access?", "Test-EmuAppAccess -AppId a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 -User megan.bowen@contoso.onmicrosoft.com -Resource Mail | Format-List", "Names the Exchange application access policy or RBAC for Applications assignment that decided, and the fix (mailbox rows: User, App, Resource, Read, Write, Send, Mechanism, Fix, TakesEffect)."),
        CmdletDef::new("Get-EmuEffectivePolicy", MODULE, get_effective)
            .class("aapsh.Cmdlets.GetEmuEffectivePolicy")
            .synopsis("Shows each user's effective application access policy, its route, and what Microsoft Graph sees now.")
            .param(ParamDef::new("User", types::STRING_ARRAY).position(0).help("Users; default every user."))
            .outputs("User, Policy, Route, AppIds, GraphPolicy, GraphRoute, Reason, UserName (the table shows the display name under User, to fit 80 columns)."),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::EmulatorOnly))
    .collect()
}

/// An app by appId or unique display name.
fn find_app<'t>(t: &'t Tenant, typed: &str) -> Option<&'t Application> {
    let typed = typed.trim();
    t.find_application(typed).or_else(|| {
        let mut found = t
            .applications
            .iter()
            .filter(|a| a.display_name.eq_ignore_ascii_case(typed));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    })
}

/// An argument error raised by an Emu cmdlet, aimed at `target`.
pub(super) fn emu_error(
    ctx: &CommandContext<'_>,
    message: String,
    id: &str,
    category: ErrorCategory,
    target: &str,
) -> crate::runtime::ErrorRecord {
    let mut r = ctx.error("System.ArgumentException", message, id, category);
    r.target_object = Some(Value::str(target));
    r
}

fn change_permissions(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    grant: bool,
) -> Result<(), Flow> {
    let typed = b.string("AppId").unwrap_or_default();
    let wanted: Vec<String> = b
        .get("Permission")
        .map(|v| {
            v.enumerate()
                .iter()
                .map(|p| p.to_ps_string().trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    let app = find_app(read_tenant(ctx)?, &typed).cloned();
    let Some(app) = app else {
        let r = emu_error(
            ctx,
            format!(
                "No app registration has the AppId or display name \"{typed}\". Get-MgApplication lists them; New-MgApplication registers one."
            ),
            "AppNotFound",
            ErrorCategory::ObjectNotFound,
            &typed,
        );
        return ctx.write_error(r);
    };
    let verb = if grant {
        "Grant-EmuAppPermission"
    } else {
        "Revoke-EmuAppPermission"
    };
    if !ctx.should_process(&format!("{} ({})", app.display_name, app.app_id), verb)? {
        return Ok(());
    }
    let app_id = app.app_id.clone();
    transact(ctx, |t| {
        let mut permissions = t
            .find_application(&app_id)
            .map(|a| a.permissions.clone())
            .unwrap_or_default();
        for p in &wanted {
            let has = permissions.iter().any(|x| x.eq_ignore_ascii_case(p));
            if grant && !has {
                permissions.push(p.clone());
            } else if !grant {
                permissions.retain(|x| !x.eq_ignore_ascii_case(p));
            }
        }
        Decision::Apply(
            (),
            vec![Change::SetAppPermissions {
                app_id: app_id.clone(),
                permissions,
            }],
        )
    })?;
    Ok(())
}

fn grant_permission(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    change_permissions(ctx, b, true)
}

fn revoke_permission(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    change_permissions(ctx, b, false)
}

fn set_delay(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let minutes = b
        .get("Minutes")
        .map(|v| crate::runtime::conversion::to_double(v, "System.Double").unwrap_or(-1.0));
    let seconds = match (minutes, b.get("Seconds")) {
        (Some(m), _) => m * 60.0,
        (None, Some(s)) if s.as_i64().is_some() => s.as_f64().unwrap_or(0.0),
        _ => 0.0,
    };
    let max = crate::store::MAX_PROPAGATION_DELAY_SECONDS as f64;
    if !(0.0..=max).contains(&seconds) || seconds.is_nan() {
        let r = emu_error(
            ctx,
            format!("The propagation delay must be between 0 and {max} seconds (7 days)."),
            "DelayOutOfRange",
            ErrorCategory::InvalidArgument,
            &seconds.to_string(),
        );
        return ctx.write_error(r);
    }
    let seconds = seconds.round() as u64;
    if !ctx.should_process(&format!("{seconds} seconds"), "Set-EmuPropagationDelay")? {
        return Ok(());
    }
    let exchange = b
        .string("Service")
        .is_some_and(|s| s.eq_ignore_ascii_case("Exchange"));
    let change = if exchange {
        Change::Exchange(crate::store::ExchangeChange::SetPropagationDelay { seconds })
    } else {
        Change::SetPropagationDelay { seconds }
    };
    transact(ctx, |_| Decision::Apply((), vec![change]))?;
    Ok(())
}

fn get_delay(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let now = ctx.session.clock.now();
    let t = read_tenant(ctx)?;
    let state = t.emulator();
    let views = t.pending_views(now);
    let arrival = |v: Option<&(time::OffsetDateTime, _)>| {
        v.map_or(Value::Null, |(at, _)| Value::DateTime(*at))
    };
    let obj = PsObject::new(DELAY_TYPE)
        .with("Delay", Value::str(delay_text(state.delay())))
        .with(
            "Seconds",
            Value::integer(i64::try_from(state.propagation_delay_seconds).unwrap_or(i64::MAX)),
        )
        .with(
            "PendingChanges",
            Value::integer(i64::try_from(views.len()).unwrap_or(i64::MAX)),
        )
        .with("NextArrival", arrival(views.first()))
        .with("LastArrival", arrival(views.last()))
        .with(
            "GraphErrorStyle",
            Value::str(state.graph_error_style.name()),
        );
    ctx.write_object(Value::object(obj));
    Ok(())
}

fn set_style(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let style = match b
        .string("Style")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "modern" => GraphErrorStyle::Modern,
        _ => GraphErrorStyle::Legacy,
    };
    if !ctx.should_process(style.name(), "Set-EmuGraphErrorStyle")? {
        return Ok(());
    }
    transact(ctx, |_| {
        Decision::Apply((), vec![Change::SetGraphErrorStyle { style }])
    })?;
    Ok(())
}

/// `direct`, `group Webinar Hosts (rank 1)`, `tenant (-Global)`, `Global`.
pub fn route_text(t: &Tenant, source: &PolicySource) -> String {
    match source {
        PolicySource::Direct => "direct".to_string(),
        PolicySource::Group { group_id, rank } => {
            let name = t
                .groups
                .iter()
                .find(|g| same_id(&g.object_id, group_id))
                .map_or(group_id.as_str(), |g| g.display_name.as_str());
            format!("group {name} (rank {rank})")
        }
        PolicySource::Tenant => "tenant (-Global)".to_string(),
        PolicySource::Global => "Global".to_string(),
    }
}

fn allowed(b: bool) -> Value {
    Value::str(if b { "Allowed" } else { "Denied" })
}

/// One row of Test-EmuAppAccess.
pub fn access_row(
    t: &Tenant,
    app: &Application,
    user: &User,
    e: &AccessExplanation,
    now: time::OffsetDateTime,
    culture: &crate::runtime::culture::Culture,
) -> Value {
    let fixes = explain::fixes(t, app, user, e, now, culture);
    let obj = PsObject::new(ACCESS_TYPE)
        .with("User", Value::str(&user.user_principal_name))
        .with(
            "App",
            Value::str(if app.display_name.is_empty() {
                &app.app_id
            } else {
                &app.display_name
            }),
        )
        .with("Access", Value::str(explain::verdict(&e.graph)))
        .with("Why", Value::str(explain::short_why(t, e, now, culture)))
        .with("Read", allowed(e.graph.can_read()))
        .with("Write", allowed(e.graph.can_write()))
        .with("CanRead", Value::Bool(e.graph.can_read()))
        .with("CanCreate", Value::Bool(e.graph.can_write()))
        .with(
            "TakesEffect",
            e.takes_effect.map_or(Value::Null, Value::DateTime),
        )
        .with("UserName", Value::str(&user.display_name))
        .with("UserId", Value::str(&user.object_id))
        .with("AppId", Value::str(&app.app_id))
        .with("ReadPermission", Value::Bool(e.graph.read_permission))
        .with("WritePermission", Value::Bool(e.graph.write_permission))
        .with(
            "Policy",
            e.graph.policy.as_deref().map_or(Value::Null, Value::str),
        )
        .with("Route", Value::str(route_text(t, &e.graph.source)))
        .with("PolicyListsApp", Value::Bool(e.graph.policy_allows))
        .with("Reason", Value::str(&e.graph.reason))
        .with(
            "MissingStep",
            explain::missing_commands(&fixes).map_or(Value::Null, Value::str),
        )
        .with(
            "TeamsSidePolicy",
            e.current.policy.as_deref().map_or(Value::Null, Value::str),
        )
        .with(
            "TeamsSideRoute",
            Value::str(route_text(t, &e.current.source)),
        );
    Value::object(obj)
}

/// Resolves `-User` values (all users when absent); unknown ones are reported.
fn users_for(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    param: &str,
) -> Result<Vec<User>, Flow> {
    let typed: Option<Vec<String>> = b
        .get(param)
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect());
    let t = read_tenant(ctx)?.clone();
    let Some(typed) = typed else {
        return Ok(t.users.clone());
    };
    let mut out = Vec::new();
    for u in typed {
        match t.resolve_user(u.trim()) {
            UserLookup::Found(found) => out.push(found.clone()),
            _ => {
                let r = super::service::identity_not_found(ctx, &u);
                ctx.write_error(r)?;
            }
        }
    }
    Ok(out)
}

fn test_access(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let users = users_for(ctx, b, "User")?;
    let now = ctx.session.clock.now();
    let t = read_tenant(ctx)?.clone();
    let apps: Vec<Application> = match b.get("AppId") {
        None => t.applications.clone(),
        Some(v) => {
            let mut out = Vec::new();
            for typed in v.enumerate().iter().map(Value::to_ps_string) {
                match find_app(&t, &typed) {
                    Some(a) => out.push(a.clone()),
                    // An app of another tenant can still be listed in policies.
                    None if uuid::Uuid::try_parse(typed.trim()).is_ok() => out.push(Application {
                        app_id: typed.trim().to_string(),
                        display_name: String::new(),
                        permissions: Vec::new(),
                        extra: Default::default(),
                    }),
                    None => {
                        let r = emu_error(
                            ctx,
                            format!(
                                "No app registration has the AppId or display name \"{typed}\"."
                            ),
                            "AppNotFound",
                            ErrorCategory::ObjectNotFound,
                            &typed,
                        );
                        ctx.write_error(r)?;
                    }
                }
            }
            out
        }
    };
    let mailbox = b
        .string("Resource")
        .and_then(|r| super::exchange::decide::MailResource::parse(&r));
    let detailed = b.switch("Detailed");
    let width = ctx.session.host.width();
    let culture = ctx.session.culture;
    for user in &users {
        for app in &apps {
            if let Some(resource) = mailbox {
                ctx.write_object(super::exchange::explain::mailbox_row(
                    &t, app, user, resource, now,
                ));
                continue;
            }
            let e = t.explain_access(&app.app_id, &user.object_id, now);
            if detailed {
                ctx.write_object(Value::str(explain::detailed_text(
                    &t, app, user, &e, now, culture, width,
                )));
            } else {
                ctx.write_object(access_row(&t, app, user, &e, now, culture));
            }
        }
    }
    Ok(())
}

fn get_effective(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let users = users_for(ctx, b, "User")?;
    let now = ctx.session.clock.now();
    let t = read_tenant(ctx)?.clone();
    let view = t.graph_view(now);
    for user in &users {
        let e = t.effective_policy(&user.object_id);
        let g = view.effective_policy(&user.object_id);
        let obj = PsObject::new(EFFECTIVE_TYPE)
            .with("User", Value::str(&user.user_principal_name))
            .with(
                "Policy",
                e.policy.map_or(Value::Null, |p| Value::str(&p.identity)),
            )
            .with("Route", Value::str(route_text(&t, &e.source)))
            .with(
                "AppIds",
                Value::array(
                    e.policy
                        .map(|p| p.app_ids.iter().map(Value::str).collect())
                        .unwrap_or_default(),
                ),
            )
            .with(
                "GraphPolicy",
                g.policy.map_or(Value::Null, |p| Value::str(&p.identity)),
            )
            .with("GraphRoute", Value::str(route_text(&view, &g.source)))
            .with("Reason", Value::str(&e.reason))
            .with("UserName", Value::str(&user.display_name));
        ctx.write_object(Value::object(obj));
    }
    Ok(())
}

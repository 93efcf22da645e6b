//! Test-EmuAppAccess's mailbox rows: for each app, user and mailbox data set, what Microsoft
//! Graph decides now (reads, writes, and for mail sending), which mechanism decided (a
//! Microsoft Entra permission within the Exchange application access policies, or RBAC for
//! Applications), the fix to paste, and when a pending Exchange change arrives.

use super::decide::{MailOp, MailResource, decide, fix_text, mechanism_text};
use crate::runtime::{PsObject, Value};
use crate::store::{Application, Tenant, User};

pub const MAILBOX_ACCESS_TYPE: &str = "aapsh.MailboxAccess";

fn allowed(yes: bool) -> Value {
    Value::str(if yes { "Allowed" } else { "Denied" })
}

/// One row: `app` on `user`'s `resource`, as Graph decides at `now`.
pub fn mailbox_row(
    t: &Tenant,
    app: &Application,
    user: &User,
    resource: MailResource,
    now: time::OffsetDateTime,
) -> Value {
    let x = t.exchange();
    let graph = x.graph_state(now);
    let current = x.access_state();
    let read = decide(
        t,
        &graph,
        &app.app_id,
        &user.object_id,
        resource,
        MailOp::Read,
    );
    let write = decide(
        t,
        &graph,
        &app.app_id,
        &user.object_id,
        resource,
        MailOp::Write,
    );
    let send = (resource == MailResource::Mail).then(|| {
        decide(
            t,
            &graph,
            &app.app_id,
            &user.object_id,
            resource,
            MailOp::Send,
        )
    });
    let changes_pending = [MailOp::Read, MailOp::Write, MailOp::Send]
        .iter()
        .any(|op| {
            decide(t, &graph, &app.app_id, &user.object_id, resource, *op).is_allowed()
                != decide(t, &current, &app.app_id, &user.object_id, resource, *op).is_allowed()
        });
    let takes_effect = if changes_pending {
        x.next_arrival(now).map_or(Value::Null, Value::DateTime)
    } else {
        Value::Null
    };
    let fix = fix_text(
        t,
        &read,
        &app.app_id,
        &user.object_id,
        &graph.application_access_policies,
        resource,
        MailOp::Read,
    );
    let obj = PsObject::new(MAILBOX_ACCESS_TYPE)
        .with("User", Value::str(&user.user_principal_name))
        .with(
            "App",
            Value::str(if app.display_name.is_empty() {
                &app.app_id
            } else {
                &app.display_name
            }),
        )
        .with("Resource", Value::str(resource.name()))
        .with("Read", allowed(read.is_allowed()))
        .with("Write", allowed(write.is_allowed()))
        .with(
            "Send",
            send.map_or(Value::Null, |s| allowed(s.is_allowed())),
        )
        .with("Mechanism", Value::str(mechanism_text(t, &read, resource)))
        .with("Fix", fix.map_or(Value::Null, Value::str))
        .with("TakesEffect", takes_effect)
        .with("UserId", Value::str(&user.object_id))
        .with("AppId", Value::str(&app.app_id));
    Value::object(obj)
}

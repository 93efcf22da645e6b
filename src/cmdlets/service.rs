//! What the Teams cmdlets share: the records the (emulated) service returns for its errors,
//! the objects it returns (policies, users), AppId validation, and running a store transaction
//! from a cmdlet. Texts marked "chosen" are recorded in docs/fidelity.md.

use crate::runtime::{CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value};
use crate::store::{Change, Policy, StoreError, Tenant, User};

/// The type name policy objects carry (chosen; analog of the Teams module's deserialized
/// Rtc policy types, fidelity.md §1.1). The formatter shows it as a list.
pub const POLICY_TYPE: &str =
    "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.ApplicationAccessPolicy";

/// A service-side failure as the Teams module reports it: `[ClientError] : <message>`,
/// category InvalidOperation, FQID `ClientError,<cmdlet class>` (framing confirmed for Grant
/// in module 4.x, fidelity.md §1.7).
pub fn client_error(ctx: &CommandContext<'_>, message: &str) -> ErrorRecord {
    ctx.error(
        "System.Exception",
        format!("[ClientError] : {message}"),
        "ClientError",
        ErrorCategory::InvalidOperation,
    )
}

/// `"<name>" not found` (confirmed wording for Grant, fidelity.md §1.7; reused for Get, Set,
/// Remove).
pub fn policy_not_found(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    let mut r = client_error(ctx, &format!("\"{typed}\" not found"));
    r.category = ErrorCategory::ObjectNotFound;
    r.target_object = Some(Value::str(typed));
    r
}

/// `Management object not found for identity "<value>".` (classic Cs wording for unknown users).
pub fn identity_not_found(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    let mut r = ctx.error(
        "Microsoft.Rtc.Management.AD.ManagementException",
        format!("Management object not found for identity \"{typed}\"."),
        "MgmtObjectNotFound",
        ErrorCategory::ObjectNotFound,
    );
    r.target_name = typed.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(typed));
    r
}

/// The group was not found (chosen wording in the service's framing), for Grant -Group and the
/// group policy assignment cmdlets alike.
pub fn group_not_found(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    let mut r = client_error(ctx, &format!("Group \"{typed}\" not found"));
    r.category = ErrorCategory::ObjectNotFound;
    r.target_object = Some(Value::str(typed));
    r
}

/// Several users answer to one identity (a shared alias or display name): chosen wording, in
/// the service's framing; it lists their UPNs so the admin can pick an object id or UPN.
pub fn ambiguous_user(ctx: &CommandContext<'_>, typed: &str, upns: &[String]) -> ErrorRecord {
    let names = upns;
    let mut r = client_error(
        ctx,
        &format!(
            "Multiple users found with identity \"{typed}\": {}. Use the user's object id or UPN.",
            names.join(", ")
        ),
    );
    r.target_object = Some(Value::str(typed));
    r
}

/// A store failure (I/O, lock timeout, refused change) during a cmdlet: terminating, with the
/// store's own message, which names the file and how to recover.
pub fn store_failure(ctx: &CommandContext<'_>, e: &StoreError) -> Flow {
    let category = match e {
        StoreError::LockTimeout { .. } => ErrorCategory::ResourceUnavailable,
        StoreError::Conflict { .. } => ErrorCategory::InvalidOperation,
        StoreError::ReadOnly { .. } => ErrorCategory::PermissionDenied,
        _ => ErrorCategory::WriteError,
    };
    ctx.terminate(ctx.error(
        "System.IO.IOException",
        e.to_string(),
        "StoreError",
        category,
    ))
}

/// Reads the tenant for a read-only cmdlet.
pub fn read_tenant<'c>(ctx: &'c mut CommandContext<'_>) -> Result<&'c Tenant, Flow> {
    if let Err(e) = ctx.session.store.tenant().map(|_| ()) {
        return Err(store_failure(ctx, &e));
    }
    Ok(ctx.session.store.cached())
}

/// The outcome of a cmdlet's decision made against the freshest tenant under the store lock.
pub enum Decision<T> {
    /// Apply these changes, then hand back `T`.
    Apply(T, Vec<Change>),
    /// Nothing to change (or refused): the record to report, non-terminating.
    Fail(Box<ErrorRecord>),
}

/// Runs a read-modify-write against the store: `decide` sees the freshest state under the
/// lock; its changes are saved durably before this returns.
pub fn transact<T>(
    ctx: &mut CommandContext<'_>,
    decide: impl FnOnce(&Tenant) -> Decision<T>,
) -> Result<Option<T>, Flow> {
    let stamp = access_stamp(ctx);
    let result = ctx.session.store.transact(|t| match decide(t) {
        Decision::Apply(v, changes) => Ok((v, stamped(stamp, changes))),
        Decision::Fail(r) => Err(r),
    });
    match result {
        Ok(Ok(v)) => Ok(Some(v)),
        Ok(Err(record)) => {
            ctx.write_error(*record)?;
            Ok(None)
        }
        Err(e) => Err(store_failure(ctx, &e)),
    }
}

/// When, by which command and by whom a change is made: what `stamped` records with it.
#[derive(Clone, Debug)]
pub struct Stamp {
    /// RFC 3339 on the session clock.
    pub at: String,
    pub command: String,
    /// The object id of the connected admin (or the account name when it is not a user).
    pub by: String,
}

/// The stamp for changes made now by this command.
pub fn access_stamp(ctx: &CommandContext<'_>) -> Stamp {
    let account = ctx
        .session
        .connection
        .as_ref()
        .map(|c| c.account.clone())
        .unwrap_or_default();
    let by = match ctx.session.store.cached().resolve_user(&account) {
        crate::store::UserLookup::Found(u) => u.object_id.clone(),
        _ => account,
    };
    Stamp {
        at: crate::store::format_time(ctx.session.clock.now()),
        command: ctx.def.name.to_string(),
        by,
    }
}

/// `changes` with what the service records along with them: a `RecordAccessChange` first when
/// any of them affects access (so the Graph side sees it only after the propagation delay), the
/// creation time and author of each group grant, and a renumbering of the group ranks (1, 2,
/// 3...) after a group grant changes, as the service does (New-CsGroupPolicyAssignment docs:
/// ranks "are converted to sequential").
pub fn stamped(stamp: Stamp, mut changes: Vec<Change>) -> Vec<Change> {
    let granted_groups: Vec<String> = changes
        .iter()
        .filter_map(|c| match c {
            Change::GrantGroup {
                group_id,
                policy_name: Some(_),
                ..
            } => Some(group_id.clone()),
            _ => None,
        })
        .collect();
    let group_change = changes
        .iter()
        .any(|c| matches!(c, Change::GrantGroup { .. }));
    // The same for the catalog's policy types: (policy type, group) granted, types changed.
    let mut typed_grants: Vec<(String, String)> = Vec::new();
    let mut typed_changes: Vec<String> = Vec::new();
    for c in &changes {
        if let Change::GrantTeamsGroup {
            policy_type,
            group_id,
            policy_name,
            ..
        } = c
        {
            if policy_name.is_some() {
                typed_grants.push((policy_type.clone(), group_id.clone()));
            }
            if !typed_changes.contains(policy_type) {
                typed_changes.push(policy_type.clone());
            }
        }
    }
    if changes.iter().any(Change::affects_access) {
        changes.insert(
            0,
            Change::RecordAccessChange {
                at: stamp.at.clone(),
                command: stamp.command.clone(),
            },
        );
    }
    for group_id in granted_groups {
        changes.push(Change::StampGroupAssignment {
            group_id,
            created_time: stamp.at.clone(),
            created_by: stamp.by.clone(),
        });
    }
    if group_change {
        changes.push(Change::NormalizeGroupRanks);
    }
    for (policy_type, group_id) in typed_grants {
        changes.push(Change::StampTeamsGroupAssignment {
            policy_type,
            group_id,
            created_time: stamp.at.clone(),
            created_by: stamp.by.clone(),
        });
    }
    for policy_type in typed_changes {
        changes.push(Change::NormalizeTeamsGroupRanks { policy_type });
    }
    changes
}

/// A policy as the cmdlets return it: Identity, AppIds, Description.
pub fn policy_object(p: &Policy) -> Value {
    Value::object(
        PsObject::new(POLICY_TYPE)
            .with("Identity", Value::str(&p.identity))
            .with(
                "AppIds",
                Value::array(p.app_ids.iter().map(Value::str).collect()),
            )
            .with("Description", Value::str(&p.description)),
    )
}

/// A user as Get-CsOnlineUser returns it (`online_user`).
pub fn online_user_object(t: &Tenant, u: &User) -> Value {
    super::online_user::online_user_object(t, u)
}

/// AppIds must be GUIDs (application client ids). Returns the ids in canonical lowercase form,
/// or the first bad value.
pub fn canonical_app_ids<'a>(
    ids: impl IntoIterator<Item = &'a String>,
) -> Result<Vec<String>, String> {
    ids.into_iter()
        .map(|id| {
            uuid::Uuid::try_parse(id.trim())
                .ok()
                .filter(|_| id.trim().len() == 36)
                .map(|g| g.hyphenated().to_string())
                .ok_or_else(|| id.clone())
        })
        .collect()
}

/// The error for a value that is not an AppId (chosen wording; names the bad value and the fix).
pub fn invalid_app_id(ctx: &CommandContext<'_>, bad: &str) -> ErrorRecord {
    let hint = if bad.contains(',') {
        " To give several AppIds, pass them as separate strings: -AppIds \"id1\", \"id2\"."
    } else {
        ""
    };
    let mut r = client_error(
        ctx,
        &format!(
            "\"{bad}\" is not a valid AppId. An AppId is the application (client) ID, a GUID such as a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83.{hint}"
        ),
    );
    r.category = ErrorCategory::InvalidArgument;
    r.target_object = Some(Value::str(bad));
    r
}

//! The Exchange Online application access policies: New-, Get-, Set-, Remove- and
//! Test-ApplicationAccessPolicy (module ExchangeOnlineManagement). They limit which mailboxes an
//! app with Mail/Calendars/Contacts/MailboxSettings application permissions may reach; they do
//! nothing for online meetings (that is Teams' Grant-CsApplicationAccessPolicy).
//!
//! Each policy is one app and one scope (a mail-enabled security group or a user mailbox); its
//! identity is `<tenantId>\<appId>:<scope SID>;<scope object id>` as the service shows it.
//! Changes reach Microsoft Graph after the Exchange propagation delay
//! (Set-EmuPropagationDelay -Service Exchange); Test-ApplicationAccessPolicy answers from the
//! current policies at once, as documented ("even when Test-ApplicationAccessPolicy shows
//! positive results").

use super::decide::scope_name;
use super::{MODULE, Recipient, exo_error, object_not_found, require_exchange, resolve_recipient};
use crate::cmdlets::service::{Decision, access_stamp, read_tenant, transact};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value,
};
use crate::store::{
    AccessRight, Change, ExchangeChange, ExtraKeys, MailboxPolicy, POLICY_SPACE, Tenant, same_id,
    security_id,
};
use crate::vocab::{ConfirmImpact, ParamDef, ParamKind, ParamType, Requires, types};

pub const POLICY_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Management.ApplicationAccessPolicy.ApplicationAccessPolicy";
pub const TEST_TYPE: &str = "Deserialized.Microsoft.Exchange.Management.ApplicationAccessPolicy.ApplicationAccessPolicyTestResult";

const ACCESS_RIGHT: ParamType = ParamType::new(
    ParamKind::Enum(&["RestrictAccess", "DenyAccess"]),
    "ApplicationAccessPolicyRight",
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.ApplicationAccessPolicyRight",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("New-ApplicationAccessPolicy", MODULE, new_policy)
            .requires(Requires::Exchange)
            .synopsis("Use the New-ApplicationAccessPolicy cmdlet to restrict or deny access to a specific set of mailboxes by an application that uses APIs (Outlook REST, Microsoft Graph, or Exchange Web Services (EWS)).")
            .description("Exchange Online's policy, not Teams': it limits the mailboxes (mail, calendars, contacts, mailbox settings) an app with application permissions may reach, and changes nothing for online meetings (Grant-CsApplicationAccessPolicy does that). One policy is created per AppId. The scope must be a security principal: a user mailbox or a mail-enabled security group (New-DistributionGroup -Type Security). Microsoft now recommends RBAC for Applications (New-ManagementRoleAssignment -App) instead. Changes reach Graph after the Exchange propagation delay.")
            .should_process()
            .param(ParamDef::new("AccessRight", ACCESS_RIGHT).mandatory().help("RestrictAccess (only the scope's mailboxes) or DenyAccess (every mailbox but the scope's)."))
            .param(ParamDef::new("AppId", types::STRING_ARRAY).mandatory().from_pipeline().help("The app (client) ids, or * for every app."))
            .param(ParamDef::new("PolicyScopeGroupId", types::STRING).mandatory().from_pipeline().help("The scope: a mail-enabled security group or a user mailbox (name, display name, email address or GUID)."))
            .param(ParamDef::new("Description", types::STRING).help("A description; a one-space description leaves room for the most policies."))
            .outputs("The new policies (ScopeName, ScopeIdentity, Identity, AppId, ScopeIdentityRaw, Description, AccessRight, ShardType, IsValid, ObjectState).")
            .example("Limit an app to a group's mailboxes", "New-ApplicationAccessPolicy -AppId e7e4dbfc-046f-4074-9b3b-2ae8f144f59b -PolicyScopeGroupId EvenUsers@contoso.com -AccessRight RestrictAccess -Description \"Restrict this app to members of distribution group EvenUsers.\"", "The app may reach only the mailboxes of EvenUsers' members."),
        CmdletDef::new("Get-ApplicationAccessPolicy", MODULE, get_policy)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-ApplicationAccessPolicy cmdlet to view the list of application access policies.")
            .param(ParamDef::new("Identity", types::STRING).position(0).from_pipeline().by_property_name().help("The policy's identity (<tenantId>\\<appId>:<scope>); all policies when left out."))
            .param(ParamDef::new("Organization", types::STRING).ignored_offline().help("The organization (offline: the store's tenant)."))
            .outputs("The policies.")
            .example("Every policy", "Get-ApplicationAccessPolicy", "Lists the Exchange application access policies."),
        CmdletDef::new("Set-ApplicationAccessPolicy", MODULE, set_policy)
            .requires(Requires::Exchange)
            .synopsis("Use the Set-ApplicationAccessPolicy cmdlet to modify the description of application access policies.")
            .should_process()
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The policy's identity."))
            .param(ParamDef::new("Description", types::STRING).help("The new description."))
            .example("Describe a policy", "Get-ApplicationAccessPolicy | Set-ApplicationAccessPolicy -Description \" \"", "A one-space description uses the least room."),
        CmdletDef::new("Remove-ApplicationAccessPolicy", MODULE, remove_policy)
            .requires(Requires::Exchange)
            .synopsis("Use the Remove-ApplicationAccessPolicy cmdlet to remove application access policies.")
            .should_process()
            .confirm_impact(ConfirmImpact::High)
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The policy's identity."))
            .example("Remove without a question", "Get-ApplicationAccessPolicy | Remove-ApplicationAccessPolicy -Confirm:$false", "Removes every policy."),
        CmdletDef::new("Test-ApplicationAccessPolicy", MODULE, test_policy)
            .requires(Requires::Exchange)
            .synopsis("Use the Test-ApplicationAccessPolicy cmdlet to test access right of an application to a specific user/mailbox.")
            .description("Answers from the Exchange application access policies alone, as they are now (a change may still be on its way to Microsoft Graph, and the app also needs an application permission or an RBAC for Applications role: Test-EmuAppAccess -Resource Mail explains the whole decision).")
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The recipient: name, display name, email address or GUID."))
            .param(ParamDef::new("AppId", types::STRING).mandatory().from_pipeline().help("The app (client) id."))
            .outputs("AppId, Mailbox, MailboxId, MailboxSid, AccessCheckResult (Granted or Denied).")
            .example("Test a mailbox", "Test-ApplicationAccessPolicy -Identity user1@contoso.com -AppId e7e4dbfc-046f-4074-9b3b-2ae8f144f59b", "Says whether the app may reach User1's mailbox."),
    ]
}

/// `<tenantId>\<appId>:<scope SID>;<scope object id>`.
pub fn policy_identity(t: &Tenant, p: &MailboxPolicy) -> String {
    format!(
        "{}\\{}:{}",
        t.tenant.tenant_id,
        p.app_id,
        scope_raw(t, &p.scope_id)
    )
}

fn scope_raw(t: &Tenant, scope_id: &str) -> String {
    format!(
        "{};{}",
        security_id(&t.tenant.tenant_id, scope_id),
        scope_id
    )
}

pub fn policy_object(t: &Tenant, p: &MailboxPolicy) -> Value {
    let right = p.access_right.name();
    Value::object(
        PsObject::new(POLICY_TYPE)
            .with("ScopeName", Value::str(scope_name(t, &p.scope_id)))
            .with("ScopeIdentity", Value::str(scope_name(t, &p.scope_id)))
            .with("Identity", Value::str(policy_identity(t, p)))
            .with("AppId", Value::str(&p.app_id))
            .with("ScopeIdentityRaw", Value::str(scope_raw(t, &p.scope_id)))
            .with("Description", Value::str(&p.description))
            .with("AccessRight", Value::str(right))
            .with("ShardType", Value::str("All"))
            .with("IsValid", Value::Bool(true))
            .with("ObjectState", Value::str("Unchanged")),
    )
}

/// The policy an -Identity names: the full identity, or the part after the `\`.
fn find_policy(t: &Tenant, typed: &str) -> Option<MailboxPolicy> {
    let typed = typed.trim();
    t.exchange()
        .application_access_policies
        .into_iter()
        .find(|p| {
            let full = policy_identity(t, p);
            full.eq_ignore_ascii_case(typed)
                || full
                    .split_once('\\')
                    .is_some_and(|(_, tail)| tail.eq_ignore_ascii_case(typed))
        })
}

/// An -AppId must be a GUID (or `*`); the app must be known to the tenant (chosen wording,
/// fidelity.md §5).
fn check_app(
    ctx: &CommandContext<'_>,
    t: &Tenant,
    typed: &str,
) -> Result<String, Box<ErrorRecord>> {
    let trimmed = typed.trim();
    if trimmed == "*" {
        return Ok("*".to_string());
    }
    let Some(guid) = uuid::Uuid::try_parse(trimmed)
        .ok()
        .filter(|_| trimmed.len() == 36)
        .map(|g| g.hyphenated().to_string())
    else {
        return Err(Box::new(exo_error(
            ctx,
            "Ex7D1E3C",
            "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException",
            &format!(
                "The value \"{typed}\" of AppId isn't a valid application ID. An application ID is a GUID such as a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83."
            ),
            ErrorCategory::InvalidArgument,
            typed,
        )));
    };
    if t.find_application(&guid).is_none() {
        return Err(Box::new(exo_error(
            ctx,
            "Ex9E1A4B",
            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
            &format!(
                "The application with AppId \"{guid}\" couldn't be found in the directory of this organization. Register it first (New-MgApplication)."
            ),
            ErrorCategory::NotSpecified,
            typed,
        )));
    }
    Ok(guid)
}

fn new_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let typed_scope = b.string("PolicyScopeGroupId").unwrap_or_default();
    let scope = match resolve_recipient(ctx, &t, &x, &typed_scope) {
        Ok(r) => r,
        Err(r) => return ctx.write_error(*r),
    };
    if !scope.is_security_principal() {
        let kind = match &scope {
            Recipient::Group(_) => "a distribution group, not a mail-enabled security group",
            Recipient::Mailbox(..) => "not a user mailbox",
        };
        let r = exo_error(
            ctx,
            "ExD9C5A3",
            "Microsoft.Exchange.Management.ApplicationAccessPolicy.InvalidPolicyScopeGroupException",
            &format!(
                "The PolicyScopeGroupId \"{typed_scope}\" ({}) is {kind}. The scope must be a security principal: a user mailbox or a mail-enabled security group.",
                scope.type_details()
            ),
            ErrorCategory::InvalidArgument,
            &typed_scope,
        );
        return ctx.write_error(r);
    }
    let scope_id = scope.object_id().to_string();
    let access_right = match b
        .string("AccessRight")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "denyaccess" => AccessRight::DenyAccess,
        _ => AccessRight::RestrictAccess,
    };
    let description = b.string("Description").unwrap_or_default();
    let mut policies = Vec::new();
    for typed in b.strings("AppId").unwrap_or_default() {
        match check_app(ctx, &t, &typed) {
            Ok(app_id) => policies.push(MailboxPolicy {
                app_id,
                scope_id: scope_id.clone(),
                access_right,
                description: description.clone(),
                extra: ExtraKeys::new(),
            }),
            Err(r) => return ctx.write_error(*r),
        }
    }
    let target = format!("{} ({})", scope.name(), access_right.name());
    if !ctx.should_process(&target, "New-ApplicationAccessPolicy")? {
        return Ok(());
    }
    let stamp = access_stamp(ctx);
    let space_error = exo_error(
        ctx,
        "Ex5C0E2D",
        "Microsoft.Exchange.Management.ApplicationAccessPolicy.ApplicationAccessPolicyLimitExceededException",
        "The total size of App Access Policies exceeded the limit.",
        ErrorCategory::LimitsExceeded,
        &typed_scope,
    );
    let duplicate = |ctx: &CommandContext<'_>, app: &str| {
        exo_error(
            ctx,
            "Ex3B7F90",
            "Microsoft.Exchange.Management.ApplicationAccessPolicy.ApplicationAccessPolicyAlreadyExistsException",
            &format!(
                "An application access policy for the app \"{app}\" and the scope \"{typed_scope}\" already exists."
            ),
            ErrorCategory::ResourceExists,
            &typed_scope,
        )
    };
    let existing = x.application_access_policies.clone();
    if let Some(p) = policies.iter().find(|p| {
        existing
            .iter()
            .any(|q| same_id(&q.app_id, &p.app_id) && same_id(&q.scope_id, &p.scope_id))
    }) {
        let r = duplicate(ctx, &p.app_id);
        return ctx.write_error(r);
    }
    let mut all = existing;
    all.extend(policies.iter().cloned());
    if crate::store::ExchangeState::policy_space(&all) > POLICY_SPACE {
        return ctx.write_error(space_error);
    }
    let changes = vec![
        Change::Exchange(ExchangeChange::RecordPending {
            at: stamp.at.clone(),
            command: stamp.command.clone(),
        }),
        Change::Exchange(ExchangeChange::NewMailboxPolicies {
            policies: policies.clone(),
        }),
    ];
    let done = transact(ctx, |_| Decision::Apply((), changes))?;
    if done.is_some() {
        let t = read_tenant(ctx)?.clone();
        for p in &policies {
            ctx.write_object(policy_object(&t, p));
        }
    }
    Ok(())
}

fn get_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    match b.string("Identity") {
        Some(id) => match find_policy(&t, &id) {
            Some(p) => ctx.write_object(policy_object(&t, &p)),
            None => {
                let r = object_not_found(ctx, &id);
                return ctx.write_error(r);
            }
        },
        None => {
            for p in t.exchange().application_access_policies {
                ctx.write_object(policy_object(&t, &p));
            }
        }
    }
    Ok(())
}

fn set_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let t = read_tenant(ctx)?.clone();
    let Some(p) = find_policy(&t, &typed) else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    let Some(description) = b.string("Description") else {
        // Nothing to change: the service warns and leaves the policy as it is.
        return ctx.write_warning(&format!(
            "The command completed successfully but no settings of '{}' have been modified.",
            policy_identity(&t, &p)
        ));
    };
    let mut all = t.exchange().application_access_policies;
    if let Some(q) = all
        .iter_mut()
        .find(|q| same_id(&q.app_id, &p.app_id) && same_id(&q.scope_id, &p.scope_id))
    {
        q.description = description.clone();
    }
    if crate::store::ExchangeState::policy_space(&all) > POLICY_SPACE {
        let r = exo_error(
            ctx,
            "Ex5C0E2D",
            "Microsoft.Exchange.Management.ApplicationAccessPolicy.ApplicationAccessPolicyLimitExceededException",
            "The total size of App Access Policies exceeded the limit.",
            ErrorCategory::LimitsExceeded,
            &typed,
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&policy_identity(&t, &p), "Set-ApplicationAccessPolicy")? {
        return Ok(());
    }
    let stamp = access_stamp(ctx);
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![
                Change::Exchange(ExchangeChange::RecordPending {
                    at: stamp.at.clone(),
                    command: stamp.command.clone(),
                }),
                Change::Exchange(ExchangeChange::SetMailboxPolicy {
                    app_id: p.app_id.clone(),
                    scope_id: p.scope_id.clone(),
                    description,
                }),
            ],
        )
    })?;
    Ok(())
}

fn remove_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let t = read_tenant(ctx)?.clone();
    let Some(p) = find_policy(&t, &typed) else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&policy_identity(&t, &p), "Remove-ApplicationAccessPolicy")? {
        return Ok(());
    }
    let stamp = access_stamp(ctx);
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![
                Change::Exchange(ExchangeChange::RecordPending {
                    at: stamp.at.clone(),
                    command: stamp.command.clone(),
                }),
                Change::Exchange(ExchangeChange::RemoveMailboxPolicy {
                    app_id: p.app_id.clone(),
                    scope_id: p.scope_id.clone(),
                }),
            ],
        )
    })?;
    Ok(())
}

/// Test-ApplicationAccessPolicy's answer for an app and a recipient: `Granted` or `Denied`.
pub fn test_result(t: &Tenant, app_id: &str, recipient_id: &str) -> &'static str {
    let x = t.exchange();
    if t.mailbox_policy_verdict(&x.application_access_policies, app_id, recipient_id)
        .granted()
    {
        "Granted"
    } else {
        "Denied"
    }
}

fn test_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let typed = b.string("Identity").unwrap_or_default();
    let recipient = match resolve_recipient(ctx, &t, &x, &typed) {
        Ok(r) => r,
        Err(r) => return ctx.write_error(*r),
    };
    let app_id = match check_app(ctx, &t, &b.string("AppId").unwrap_or_default()) {
        Ok(a) => a,
        Err(r) => return ctx.write_error(*r),
    };
    let result = test_result(&t, &app_id, recipient.object_id());
    ctx.write_object(Value::object(
        PsObject::new(TEST_TYPE)
            .with("AppId", Value::str(&app_id))
            .with("Mailbox", Value::str(recipient.name()))
            .with("MailboxId", Value::str(recipient.guid()))
            .with(
                "MailboxSid",
                Value::str(security_id(&t.tenant.tenant_id, recipient.object_id())),
            )
            .with("AccessCheckResult", Value::str(result)),
    ));
    Ok(())
}

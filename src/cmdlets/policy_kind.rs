//! A policy type as the grant and assignment cmdlets see it: the application access policy or
//! one of the catalog's Teams policy types (`store::catalog`). Grant-Cs<Name>Policy for every
//! type runs `grant` here, and the assignment cmdlets (group, user, batch) take any `-PolicyType`
//! through `PolicyKind`, so a policy type's grants behave the same whichever cmdlet made them.

use super::service::{
    Decision, ambiguous_user, client_error, group_not_found, identity_not_found,
    online_user_object, policy_not_found, read_tenant, transact,
};
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, Value};
use crate::store::catalog::{self, APPLICATION_ACCESS_POLICY, PolicyType};
use crate::store::{Assignments, Change, GroupLookup, Tenant, UserLookup};

/// A policy type that can be granted.
#[derive(Clone, Copy, Debug)]
pub enum PolicyKind {
    AppAccess,
    Teams(&'static PolicyType),
}

/// A policy found by name: its bare name and whether it is Global.
pub struct FoundPolicy {
    pub name: String,
    pub global: bool,
}

impl PolicyKind {
    /// A policy type by its -PolicyType name (any case).
    pub fn from_name(name: &str) -> Option<PolicyKind> {
        if name.trim().eq_ignore_ascii_case(APPLICATION_ACCESS_POLICY) {
            Some(PolicyKind::AppAccess)
        } else {
            catalog::policy_type(name).map(PolicyKind::Teams)
        }
    }

    /// Every policy type, the application access policy first, then the catalog's.
    pub fn all() -> Vec<PolicyKind> {
        std::iter::once(PolicyKind::AppAccess)
            .chain(catalog::POLICY_TYPES.iter().map(|t| PolicyKind::Teams(t)))
            .collect()
    }

    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::AppAccess => APPLICATION_ACCESS_POLICY,
            PolicyKind::Teams(t) => t.name,
        }
    }

    /// The policy named `typed` (`Name`, `Tag:Name` or `Global`).
    pub fn find(self, t: &Tenant, typed: &str) -> Option<FoundPolicy> {
        match self {
            PolicyKind::AppAccess => t.find_policy(typed.trim()).map(|p| FoundPolicy {
                name: p.name().to_string(),
                global: p.is_global(),
            }),
            PolicyKind::Teams(ty) => t.family(ty.name)?.find(typed.trim()).map(|p| FoundPolicy {
                name: p.name().to_string(),
                global: p.is_global(),
            }),
        }
    }

    /// The type's grants (a loaded tenant has them for every kind).
    pub fn grants(self, t: &Tenant) -> Option<&Assignments> {
        t.grants(self.name())
    }

    pub fn user_change(self, user_id: &str, policy_name: Option<String>) -> Change {
        match self {
            PolicyKind::AppAccess => Change::GrantUser {
                user_id: user_id.to_string(),
                policy_name,
            },
            PolicyKind::Teams(ty) => Change::GrantTeamsUser {
                policy_type: ty.name.to_string(),
                user_id: user_id.to_string(),
                policy_name,
            },
        }
    }

    pub fn group_change(
        self,
        group_id: &str,
        policy_name: Option<String>,
        rank: Option<i64>,
    ) -> Change {
        match self {
            PolicyKind::AppAccess => Change::GrantGroup {
                group_id: group_id.to_string(),
                policy_name,
                rank,
            },
            PolicyKind::Teams(ty) => Change::GrantTeamsGroup {
                policy_type: ty.name.to_string(),
                group_id: group_id.to_string(),
                policy_name,
                rank,
            },
        }
    }

    pub fn tenant_change(self, policy_name: Option<String>) -> Change {
        match self {
            PolicyKind::AppAccess => Change::GrantTenant { policy_name },
            PolicyKind::Teams(ty) => Change::GrantTeamsTenant {
                policy_type: ty.name.to_string(),
                policy_name,
            },
        }
    }
}

/// `Policy "Global" is not a user policy...` (analog wording, fidelity.md).
pub fn global_not_user_policy(ctx: &CommandContext<'_>) -> crate::runtime::ErrorRecord {
    client_error(
        ctx,
        "Policy \"Global\" is not a user policy. You can assign only a user policy to a specific user.",
    )
}

/// Where a grant goes.
enum GrantTarget {
    User(String),
    Group(String),
    Tenant,
}

/// Grant-Cs<Name>: to a user (`-Identity`), a group (`-Group`, `-Rank`) or the tenant
/// (`-Global`); `-PolicyName $null` unassigns. The behaviour documented for
/// Grant-CsApplicationAccessPolicy, for every policy type.
pub fn grant(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    kind: PolicyKind,
) -> Result<(), Flow> {
    let cmdlet = ctx.def.name.to_string();
    let policy_typed = b.string("PolicyName");
    let set = b.set.clone();
    // The policy must exist (checked again under the lock); Global cannot be granted to a user.
    let policy_name: Option<String> = match &policy_typed {
        None => None,
        Some(typed) => {
            let tenant = read_tenant(ctx)?;
            match kind.find(tenant, typed) {
                Some(p) if p.global => {
                    let r = global_not_user_policy(ctx);
                    return ctx.write_error(r);
                }
                Some(p) => Some(p.name),
                None => {
                    let r = policy_not_found(ctx, typed);
                    return ctx.write_error(r);
                }
            }
        }
    };
    let (target, shown) = if set.eq_ignore_ascii_case("Identity") {
        let typed = b.string("Identity").unwrap_or_default();
        let tenant = read_tenant(ctx)?;
        match tenant.resolve_user(typed.trim()) {
            UserLookup::Found(u) => (GrantTarget::User(u.object_id.clone()), typed),
            UserLookup::NotFound => {
                let r = identity_not_found(ctx, &typed);
                return ctx.write_error(r);
            }
            UserLookup::Ambiguous(users) => {
                let upns: Vec<String> = users
                    .iter()
                    .map(|u| u.user_principal_name.clone())
                    .collect();
                let r = ambiguous_user(ctx, &typed, &upns);
                return ctx.write_error(r);
            }
        }
    } else if set.eq_ignore_ascii_case("GrantToGroup") {
        let typed = b.string("Group").unwrap_or_default();
        let tenant = read_tenant(ctx)?;
        match tenant.resolve_group(typed.trim()) {
            GroupLookup::Found(g) => (GrantTarget::Group(g.object_id.clone()), typed),
            GroupLookup::NotFound => {
                let r = group_not_found(ctx, &typed);
                return ctx.write_error(r);
            }
            GroupLookup::Ambiguous(_) => {
                let r = client_error(
                    ctx,
                    &format!(
                        "Multiple groups found with identity \"{typed}\". Use the group's object id."
                    ),
                );
                return ctx.write_error(r);
            }
        }
    } else {
        (GrantTarget::Tenant, "Global".to_string())
    };
    if let Some(rank) = b.int("Rank")
        && rank < 1
    {
        let r = client_error(
            ctx,
            &format!(
                "Rank {rank} is not valid: the rank of a group assignment must be 1 or higher."
            ),
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&shown, &cmdlet)? {
        return Ok(());
    }
    if matches!(target, GrantTarget::Tenant)
        && !b.switch("Global")
        && !confirm_tenant_grant(ctx, policy_name.as_deref())?
    {
        return Ok(());
    }
    let change = match &target {
        GrantTarget::User(id) => kind.user_change(id, policy_name.clone()),
        GrantTarget::Group(id) => kind.group_change(id, policy_name.clone(), b.int("Rank")),
        GrantTarget::Tenant => kind.tenant_change(policy_name.clone()),
    };
    let not_found = policy_typed.as_deref().map(|p| policy_not_found(ctx, p));
    let lookup_name = policy_name.clone();
    let done = transact(ctx, move |t| {
        if let (Some(name), Some(err)) = (&lookup_name, not_found)
            && kind.find(t, name).is_none()
        {
            return Decision::Fail(Box::new(err));
        }
        Decision::Apply((), vec![change])
    })?;
    if done.is_some() && b.switch("PassThru") {
        match &target {
            GrantTarget::User(id) => {
                let tenant = read_tenant(ctx)?;
                if let Some(u) = tenant.user_by_id(id) {
                    let obj = online_user_object(tenant, u);
                    ctx.write_object(obj);
                }
            }
            _ => ctx.write_object(Value::Bool(true)),
        }
    }
    Ok(())
}

/// Grant in the tenant set without `-Global` (neither `-Identity` nor `-Group` given, e.g.
/// `Grant-CsApplicationAccessPolicy -PolicyName X` with the user forgotten) asks first, as the
/// real Grant cmdlets do ("If you do not specify the -Global parameter, you will be prompted to
/// confirm the operation", Grant-CsTeamsUpgradePolicy docs); `-Global` skips the question. The
/// layout is pwsh's ShouldContinue (Yes/No, default Yes); the wording is chosen. Under
/// -NonInteractive the question is an error and nothing changes.
fn confirm_tenant_grant(ctx: &mut CommandContext<'_>, policy: Option<&str>) -> Result<bool, Flow> {
    if !ctx.session.can_prompt() {
        // The host's refusal, raised inside the cmdlet (so it points at the command).
        let r = ctx.error(
            "System.Management.Automation.PSInvalidOperationException",
            "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
            "System.Management.Automation.PSInvalidOperationException",
            ErrorCategory::InvalidOperation,
        );
        return Err(ctx.terminate(r));
    }
    let query = match policy {
        Some(name) => format!(
            "No -Identity or -Group was given: the policy \"{name}\" will be granted to the whole tenant, that is to every user without a policy assigned directly. Specify -Global to do this without this question."
        ),
        None => "No -Identity or -Group was given: the tenant-wide grant will be removed, so users without a policy assigned directly get the Global policy. Specify -Global to do this without this question.".to_string(),
    };
    // The caption and question once; the choices again after `?` (pwsh's PromptForChoice).
    ctx.session.write_host(&format!("\nConfirm\n{query}\n"));
    loop {
        let Some(line) = ctx
            .session
            .prompt_line("[Y] Yes  [N] No  [?] Help (default is \"Y\"): ")?
        else {
            return Ok(false);
        };
        match line.trim().to_ascii_lowercase().as_str() {
            "" | "y" => return Ok(true),
            "n" => {
                ctx.note_skipped();
                return Ok(false);
            }
            "?" => ctx.session.write_host(
                "Y - Continue with only the next step of the operation.\nN - Skip this operation and proceed with the next operation.\n",
            ),
            _ => {}
        }
    }
}

//! Policy assignment cmdlets of the Teams module: New-/Get-/Set-/Remove-CsGroupPolicyAssignment,
//! Get-CsUserPolicyAssignment and New-/Get-CsBatchPolicyAssignmentOperation (research-teams.md
//! §5–§6), for every policy type aapsh emulates (`policy_kind::PolicyKind`: the application
//! access policy and the catalog's Teams policies). Other policy types are real but not emulated
//! offline: they fail with a clear error. Texts marked "chosen" are listed in docs/fidelity.md.

use super::policy_kind::{PolicyKind, global_not_user_policy};
use super::service::{
    Decision, access_stamp, client_error, group_not_found, identity_not_found, policy_not_found,
    read_tenant, transact,
};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, ErrorRecord, Flow};
use crate::runtime::{PsObject, Value};
use crate::store::{
    BatchOperation, BatchUserState, Group, GroupAssignment, PolicySource, Tenant, UserLookup, keys,
    parse_time,
};
use crate::vocab::{Fidelity, ParamDef, Requires, types};

const MODULE: &str = "MicrosoftTeams";
const GROUP_ASSIGNMENT_TYPE: &str =
    "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.GroupAssignment";
const EFFECTIVE_POLICY_TYPE: &str =
    "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicy";
const POLICY_SOURCE_TYPE: &str =
    "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.PolicyAssignment";
const BATCH_OPERATION_TYPE: &str =
    "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.BatchAssignmentOperation";
const BATCH_USER_STATE_TYPE: &str =
    "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.BatchAssignmentUserState";
/// Users per batch (New-CsBatchPolicyAssignmentOperation docs).
const MAX_BATCH: usize = 5000;

fn policy_type_param() -> ParamDef {
    ParamDef::new("PolicyType", types::STRING)
        .mandatory()
        .help("The type of policy: ApplicationAccessPolicy, TeamsMeetingPolicy, TeamsMessagingPolicy... (every type aapsh emulates; others fail with an error).")
}

fn group_id_param() -> ParamDef {
    ParamDef::new("GroupId", types::STRING)
        .mandatory()
        .help("The group: its object id, display name or e-mail address (mailNickname@domain).")
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("New-CsGroupPolicyAssignment", MODULE, new_group_assignment)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.NewCsGroupPolicyAssignment")
            .synopsis("This cmdlet is used to assign a policy to a security group or distribution list.")
            .description("Assigns a policy to a group with a rank. Ranks are converted to sequential 1, 2, 3... (1 is highest); without -Rank the assignment goes to the end of the list, and a rank already held pushes that assignment and the ones after it down. A direct user assignment always wins. Grant-CsApplicationAccessPolicy -Group -Rank does the same.")
            .requires(Requires::Teams)
            .should_process()
            .param(group_id_param())
            .param(policy_type_param())
            .param(ParamDef::new("PolicyName", types::STRING).mandatory().help("The name of the policy to be assigned (without Tag:)."))
            .param(ParamDef::new("Rank", types::INT32).help("The rank of the policy assignment, relative to other group policy assignments for the same policy type."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))
            .example(
                "Assign a policy to a group with a rank",
                "New-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -PolicyName Test-policy -Rank 1",
                "Assigns the policy Test-policy to the Webinar Hosts group with rank 1.",
            ),
        CmdletDef::new("Get-CsGroupPolicyAssignment", MODULE, get_group_assignment)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.GetCsGroupPolicyAssignment")
            .synopsis("This cmdlet is used to return group policy assignments.")
            .requires(Requires::Teams)
            .param(ParamDef::new("GroupId", types::STRING).help("The group whose assignments to return."))
            .param(ParamDef::new("PolicyType", types::STRING).help("The policy type to return; every type when left out."))
            .outputs("GroupId, PolicyType, PolicyName, Rank, CreatedTime, CreatedBy.")
            .example("Get all group policy assignments", "Get-CsGroupPolicyAssignment", "Returns all group policy assignments."),
        CmdletDef::new("Set-CsGroupPolicyAssignment", MODULE, set_group_assignment)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.SetCsGroupPolicyAssignment")
            .synopsis("This cmdlet is used to update a group policy assignment.")
            .description("Changes the policy of a group assignment (keeping its rank) or moves it to another rank (the assignment at that rank and those after it move down).")
            .requires(Requires::Teams)
            .should_process()
            .param(group_id_param())
            .param(policy_type_param())
            .param(ParamDef::new("PolicyName", types::STRING).help("The new policy for the group."))
            .param(ParamDef::new("Rank", types::INT32).help("The new rank."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))
            .example(
                "Move a group assignment to rank 1",
                "Set-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy -Rank 1",
                "The assignment moves to rank 1; the one that had rank 1 becomes rank 2.",
            ),
        CmdletDef::new("Remove-CsGroupPolicyAssignment", MODULE, remove_group_assignment)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.RemoveCsGroupPolicyAssignment")
            .synopsis("This cmdlet is used to remove a group policy assignment.")
            .description("A group can only be assigned one policy of a given type, so the name of the policy to be removed does not need to be specified. Ranks below the removed one move up.")
            .requires(Requires::Teams)
            .should_process()
            .param(group_id_param())
            .param(policy_type_param())
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns true when the command succeeds."))
            .example(
                "Remove a group assignment",
                "Remove-CsGroupPolicyAssignment -GroupId 9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69 -PolicyType ApplicationAccessPolicy",
                "Removes the group's application access policy assignment.",
            ),
        CmdletDef::new("Get-CsUserPolicyAssignment", MODULE, get_user_assignment)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.GetCsUserPolicyAssignment")
            .synopsis("This cmdlet is used to return the policy assignments for a user, both directly assigned and inherited from a group.")
            .description("For each policy type (or the one -PolicyType names), returns the user's effective policy (PolicyName) and every assignment that could apply (PolicySource: Direct first, then groups by rank). Nothing is returned for a type no policy of which is assigned to the user or their groups: the effective policy is then the tenant global default (-Global) or the Global policy.")
            .requires(Requires::Teams)
            .param(ParamDef::new("Identity", types::STRING).mandatory().help("The user: object id, UPN or SIP address."))
            .param(ParamDef::new("PolicyType", types::STRING).help("The policy type; every type when left out."))
            .outputs("PolicyType, PolicyName, PolicySource (AssignmentType, PolicyName, Reference).")
            .example(
                "Check a user's application access policy",
                "Get-CsUserPolicyAssignment -Identity megan.bowen@contoso.onmicrosoft.com -PolicyType ApplicationAccessPolicy | Select-Object -ExpandProperty PolicySource",
                "Shows where the user's assignments come from.",
            ),
        CmdletDef::new("New-CsBatchPolicyAssignmentOperation", MODULE, new_batch)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.NewCsBatchPolicyAssignmentOperation")
            .synopsis("This cmdlet is used to submit a batch policy assignment operation.")
            .description("Assigns a policy to up to 5,000 users at once (duplicates are removed) and returns the operation id. Offline the operation completes at once; Get-CsBatchPolicyAssignmentOperation shows each user's result. -PolicyName $null or \"\" unassigns.")
            .requires(Requires::Teams)
            .should_process()
            .param(ParamDef::new("Identity", types::STRING_ARRAY).mandatory().help("The users: object ids, UPNs or SIP addresses."))
            .param(ParamDef::new("OperationName", types::STRING).help("An optional name for the operation."))
            .param(ParamDef::new("PolicyName", types::STRING).help("The policy to assign; $null or \"\" removes the assignment."))
            .param(policy_type_param())
            .param(ParamDef::new("AdditionalParameters", types::HASHTABLE).ignored_offline().help("Extra parameters for some policy types (none of the emulated types needs them)."))
            .outputs("The operation id.")
            .example(
                "Assign a policy to several users",
                "$users_ids = @(\"megan.bowen@contoso.onmicrosoft.com\",\"alex.wilber@contoso.onmicrosoft.com\")\nNew-CsBatchPolicyAssignmentOperation -PolicyType ApplicationAccessPolicy -PolicyName Test-policy -Identity $users_ids -OperationName \"Batch assign Test-policy\"",
                "Assigns Test-policy to both users and returns the operation id.",
            ),
        CmdletDef::new("Get-CsBatchPolicyAssignmentOperation", MODULE, get_batch)
            .class("Microsoft.Teams.ConfigAPI.Cmdlets.GetCsBatchPolicyAssignmentOperation")
            .synopsis("This cmdlet is used to get the status of batch policy assignment operations.")
            .requires(Requires::Teams)
            .default_set("Get")
            .param(ParamDef::new("Identity", types::STRING).sets(&["Get1"]).mandatory().alias("OperationId").help("The operation id."))
            .param(ParamDef::new("Status", types::STRING).sets(&["Get"]).help("Only operations with this status (NotStarted, InProgress, Completed)."))
            .outputs("Operations: OperationId, OperationName, OverallStatus, CreatedTime, CreatedBy, ... UserState.")
            .example("Get all operations", "Get-CsBatchPolicyAssignmentOperation", "Returns all batch operations.")
            .example(
                "Per-user results",
                "Get-CsBatchPolicyAssignmentOperation -OperationId $id | Select-Object -ExpandProperty UserState",
                "Shows the result for each user of the operation.",
            ),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::Emulated))
    .collect()
}

/// Other policy types are real but not emulated offline (chosen wording, fails loudly).
fn not_emulated_type(ctx: &CommandContext<'_>, policy_type: &str) -> ErrorRecord {
    let known: Vec<&str> = PolicyKind::all().iter().map(|k| k.name()).collect();
    let mut r = ctx.error(
        "System.NotSupportedException",
        format!(
            "The policy type \"{policy_type}\" is not emulated offline: aapsh emulates {}.",
            known.join(", ")
        ),
        "PolicyTypeNotEmulated",
        ErrorCategory::NotImplemented,
    );
    r.target_object = Some(Value::str(policy_type));
    r
}

/// The -PolicyType given: `Ok(None)` when left out, the kind it names, or the error to write.
fn given_kind(
    ctx: &CommandContext<'_>,
    b: &BoundParameters,
) -> Result<Option<PolicyKind>, Box<ErrorRecord>> {
    match b.string("PolicyType") {
        None => Ok(None),
        Some(t) => PolicyKind::from_name(&t)
            .map(Some)
            .ok_or_else(|| Box::new(not_emulated_type(ctx, t.trim()))),
    }
}

/// A mandatory -PolicyType (New/Set/Remove-CsGroupPolicyAssignment, batches).
fn required_kind(
    ctx: &CommandContext<'_>,
    b: &BoundParameters,
) -> Result<PolicyKind, Box<ErrorRecord>> {
    Ok(given_kind(ctx, b)?.unwrap_or(PolicyKind::AppAccess))
}

/// A group by object id, display name or `mailNickname@domain` (`None` when ambiguous).
fn find_group<'t>(t: &'t Tenant, typed: &str) -> Option<&'t Group> {
    t.find_group(typed.trim())
}

/// The group's grant of this policy type, if any.
fn group_grant<'t>(t: &'t Tenant, kind: PolicyKind, group_id: &str) -> Option<&'t GroupAssignment> {
    kind.grants(t)?
        .groups
        .iter()
        .find(|g| g.group_id.eq_ignore_ascii_case(group_id))
}

fn no_assignment(ctx: &CommandContext<'_>, kind: PolicyKind, group: &Group) -> ErrorRecord {
    let mut r = client_error(
        ctx,
        &format!(
            "The group \"{}\" has no {} assignment",
            group.object_id,
            kind.name()
        ),
    );
    r.category = ErrorCategory::ObjectNotFound;
    r
}

fn bad_rank(ctx: &CommandContext<'_>, rank: i64) -> ErrorRecord {
    let mut r = client_error(
        ctx,
        &format!("Rank {rank} is not valid: the rank of a group assignment must be 1 or higher."),
    );
    r.category = ErrorCategory::InvalidArgument;
    r
}

/// The policy type, the group and the canonical policy name, or the error to write.
type Resolved = Result<(PolicyKind, Group, Option<String>), Box<ErrorRecord>>;

fn resolve_group_and_policy(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    policy: Option<&str>,
) -> Result<Resolved, Flow> {
    let kind = match required_kind(ctx, b) {
        Ok(k) => k,
        Err(r) => return Ok(Err(r)),
    };
    if let Some(rank) = b.int("Rank")
        && rank < 1
    {
        return Ok(Err(Box::new(bad_rank(ctx, rank))));
    }
    let typed = b.string("GroupId").unwrap_or_default();
    let tenant = read_tenant(ctx)?;
    let group = find_group(tenant, &typed).cloned();
    let policy = policy.map(|p| {
        (
            p.to_string(),
            kind.find(tenant, p).map(|f| (f.global, f.name)),
        )
    });
    let Some(group) = group else {
        return Ok(Err(Box::new(group_not_found(ctx, &typed))));
    };
    let name = match policy {
        None => None,
        Some((_, Some((true, _)))) => {
            return Ok(Err(Box::new(global_not_user_policy(ctx))));
        }
        Some((_, Some((false, name)))) => Some(name),
        Some((typed, None)) => return Ok(Err(Box::new(policy_not_found(ctx, &typed)))),
    };
    Ok(Ok((kind, group, name)))
}

fn new_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed_policy = b.string("PolicyName").unwrap_or_default();
    let (kind, group, name) = match resolve_group_and_policy(ctx, b, Some(&typed_policy))? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "New-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let exists = client_error(
        ctx,
        &format!(
            "The group \"{}\" already has an {} assignment; use Set-CsGroupPolicyAssignment to change it",
            group.object_id,
            kind.name()
        ),
    );
    let rank = b.int("Rank");
    let done = transact(ctx, |t| {
        if group_grant(t, kind, &group.object_id).is_some() {
            return Decision::Fail(Box::new(exists));
        }
        Decision::Apply((), vec![kind.group_change(&group.object_id, name, rank)])
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn set_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed_policy = b.string("PolicyName");
    let (kind, group, name) = match resolve_group_and_policy(ctx, b, typed_policy.as_deref())? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "Set-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let missing = no_assignment(ctx, kind, &group);
    let rank = b.int("Rank");
    let done = transact(ctx, |t| {
        let Some(current) = group_grant(t, kind, &group.object_id) else {
            return Decision::Fail(Box::new(missing));
        };
        let rank = rank.unwrap_or(current.rank);
        let policy_name = name.unwrap_or_else(|| current.policy_name.clone());
        // Keeping the rank: the re-grant frees the group's own rank first.
        Decision::Apply(
            (),
            vec![kind.group_change(&group.object_id, Some(policy_name), Some(rank))],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn remove_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (kind, group, _) = match resolve_group_and_policy(ctx, b, None)? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "Remove-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let missing = no_assignment(ctx, kind, &group);
    let done = transact(ctx, |t| {
        if group_grant(t, kind, &group.object_id).is_none() {
            return Decision::Fail(Box::new(missing));
        }
        Decision::Apply((), vec![kind.group_change(&group.object_id, None, None)])
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

/// A stored RFC 3339 time as a DateTime value (`$null` when absent or unreadable).
pub fn time_value(text: Option<&str>) -> Value {
    text.and_then(parse_time)
        .map_or(Value::Null, Value::DateTime)
}

fn group_assignment_object(kind: PolicyKind, g: &GroupAssignment) -> Value {
    let text = |key: &str| {
        g.extra
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Value::object(
        PsObject::new(GROUP_ASSIGNMENT_TYPE)
            .with("GroupId", Value::str(&g.group_id))
            .with("PolicyType", Value::str(kind.name()))
            .with("PolicyName", Value::str(&g.policy_name))
            .with("Rank", Value::integer(g.rank))
            .with(
                "CreatedTime",
                time_value(text(keys::CREATED_TIME).as_deref()),
            )
            .with(
                "CreatedBy",
                text(keys::CREATED_BY).map_or(Value::Null, Value::str),
            ),
    )
}

fn get_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let kinds = match given_kind(ctx, b) {
        Ok(Some(k)) => vec![k],
        Ok(None) => PolicyKind::all(),
        Err(r) => return ctx.write_error(*r),
    };
    let typed = b.string("GroupId");
    let tenant = read_tenant(ctx)?;
    let group = match &typed {
        None => None,
        Some(typed) => match find_group(tenant, typed) {
            Some(g) => Some(g.object_id.clone()),
            None => {
                let typed = typed.clone();
                let r = group_not_found(ctx, &typed);
                return ctx.write_error(r);
            }
        },
    };
    let mut rows = Vec::new();
    for kind in kinds {
        let Some(grants) = kind.grants(tenant) else {
            continue;
        };
        rows.extend(
            grants
                .groups
                .iter()
                .filter(|g| {
                    group
                        .as_deref()
                        .is_none_or(|id| g.group_id.eq_ignore_ascii_case(id))
                })
                .map(|g| group_assignment_object(kind, g)),
        );
    }
    for r in rows {
        ctx.write_object(r);
    }
    Ok(())
}

fn policy_source(kind: &str, policy: &str, reference: Option<&str>) -> Value {
    Value::object(
        PsObject::new(POLICY_SOURCE_TYPE)
            .with_text(policy)
            .with("AssignmentType", Value::str(kind))
            .with("PolicyName", Value::str(policy))
            .with("Reference", reference.map_or(Value::Null, Value::str)),
    )
}

/// The user's row for one policy type, or `None` when nothing of that type is assigned to the
/// user or their groups (the doc: the effective policy is then the tenant or system global
/// default).
pub fn user_assignment_object(t: &Tenant, kind: PolicyKind, user_id: &str) -> Option<Value> {
    let grants = kind.grants(t)?;
    let user = t.user_by_id(user_id)?;
    let mut sources = Vec::new();
    if let Some(direct) = grants.users.get(&user.object_id) {
        sources.push(policy_source("Direct", direct, None));
    }
    let mut groups: Vec<&GroupAssignment> = grants.groups.iter().collect();
    groups.sort_by_key(|g| g.rank);
    for grant in groups {
        let member = t.group_by_id(&grant.group_id).is_some_and(|g| {
            g.members
                .iter()
                .any(|m| m.eq_ignore_ascii_case(&user.object_id))
        });
        if member {
            sources.push(policy_source(
                "Group",
                &grant.policy_name,
                Some(&grant.group_id),
            ));
        }
    }
    if sources.is_empty() {
        return None;
    }
    let name = match t.effective_grant(kind.name(), &user.object_id) {
        Some((name, PolicySource::Direct | PolicySource::Group { .. })) => Some(name),
        _ => None,
    };
    Some(Value::object(
        PsObject::new(EFFECTIVE_POLICY_TYPE)
            .with("PolicyType", Value::str(kind.name()))
            .with("PolicyName", name.map_or(Value::Null, Value::str))
            .with("PolicySource", Value::array(sources)),
    ))
}

fn get_user_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let kinds = match given_kind(ctx, b) {
        Ok(Some(k)) => vec![k],
        Ok(None) => PolicyKind::all(),
        Err(r) => return ctx.write_error(*r),
    };
    let typed = b.string("Identity").unwrap_or_default();
    let tenant = read_tenant(ctx)?;
    let rows = match tenant.resolve_user(typed.trim()) {
        UserLookup::Found(u) => Ok(kinds
            .into_iter()
            .filter_map(|k| user_assignment_object(tenant, k, &u.object_id))
            .collect::<Vec<_>>()),
        _ => Err(()),
    };
    match rows {
        Ok(rows) => {
            for row in rows {
                ctx.write_object(row);
            }
            Ok(())
        }
        Err(()) => {
            let r = identity_not_found(ctx, &typed);
            ctx.write_error(r)
        }
    }
}

fn new_batch(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let kind = match required_kind(ctx, b) {
        Ok(k) => k,
        Err(r) => return ctx.write_error(*r),
    };
    let identities: Vec<String> = b
        .get("Identity")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let mut unique: Vec<String> = Vec::new();
    for id in identities {
        let id = id.trim().to_string();
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(&id)) {
            unique.push(id);
        }
    }
    if unique.len() > MAX_BATCH {
        let mut r = client_error(
            ctx,
            &format!(
                "A batch can hold at most {MAX_BATCH} users; this one has {}.",
                unique.len()
            ),
        );
        r.category = ErrorCategory::LimitsExceeded;
        return ctx.write_error(r);
    }
    let typed_policy = b.string("PolicyName").filter(|p| !p.trim().is_empty());
    let policy_name = match &typed_policy {
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
    let operation_name = b.string("OperationName").unwrap_or_default();
    if !ctx.should_process(&operation_name, "New-CsBatchPolicyAssignmentOperation")? {
        return Ok(());
    }
    let operation_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let stamp = access_stamp(ctx);
    let done = transact(ctx, |t| {
        let mut changes = Vec::new();
        let mut states = Vec::new();
        for id in &unique {
            let result = match t.resolve_user(id) {
                UserLookup::Found(u) => {
                    changes.push(kind.user_change(&u.object_id, policy_name.clone()));
                    "Success"
                }
                UserLookup::NotFound => "User not found.",
                UserLookup::Ambiguous(_) => "Multiple users found with a given SIP address.",
            };
            states.push(BatchUserState {
                id: id.clone(),
                result: result.to_string(),
                state: "Completed".to_string(),
            });
        }
        changes.push(crate::store::Change::AddBatchOperation {
            operation: Box::new(BatchOperation {
                operation_id: operation_id.clone(),
                operation_name: operation_name.clone(),
                policy_type: kind.name().to_string(),
                policy_name: policy_name.clone(),
                overall_status: "Completed".to_string(),
                created_by: stamp.by.clone(),
                created_time: stamp.at.clone(),
                completed_time: stamp.at.clone(),
                user_state: states,
                extra: Default::default(),
            }),
        });
        Decision::Apply(operation_id.clone(), changes)
    })?;
    if let Some(id) = done {
        ctx.write_object(Value::str(id));
    }
    Ok(())
}

fn batch_object(op: &BatchOperation) -> Value {
    let errors = op
        .user_state
        .iter()
        .filter(|s| s.result != "Success")
        .count();
    let completed = op
        .user_state
        .iter()
        .filter(|s| s.state == "Completed")
        .count();
    let count = Value::count;
    let states = op
        .user_state
        .iter()
        .map(|s| {
            Value::object(
                PsObject::new(BATCH_USER_STATE_TYPE)
                    .with("Id", Value::str(&s.id))
                    .with("Result", Value::str(&s.result))
                    .with("State", Value::str(&s.state)),
            )
        })
        .collect();
    Value::object(
        PsObject::new(BATCH_OPERATION_TYPE)
            .with("OperationId", Value::str(&op.operation_id))
            .with("OperationName", Value::str(&op.operation_name))
            .with("OverallStatus", Value::str(&op.overall_status))
            .with("CreatedBy", Value::str(&op.created_by))
            .with("CreatedTime", time_value(Some(&op.created_time)))
            .with("CompletedTime", time_value(Some(&op.completed_time)))
            .with("CompletedCount", count(completed))
            .with("ErrorCount", count(errors))
            .with("InProgressCount", Value::integer(0))
            .with("NotStartedCount", Value::integer(0))
            .with("UserState", Value::array(states)),
    )
}

fn get_batch(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let id = b.string("Identity");
    let status = b.string("Status");
    let tenant = read_tenant(ctx)?;
    let ops = tenant.emulator().batch_operations;
    match id {
        Some(id) => match ops
            .iter()
            .find(|o| o.operation_id.eq_ignore_ascii_case(id.trim()))
        {
            Some(op) => {
                ctx.write_object(batch_object(op));
                Ok(())
            }
            None => {
                let mut r = client_error(ctx, &format!("Operation \"{id}\" not found"));
                r.category = ErrorCategory::ObjectNotFound;
                ctx.write_error(r)
            }
        },
        None => {
            for op in ops.iter().filter(|o| {
                status
                    .as_deref()
                    .is_none_or(|s| o.overall_status.eq_ignore_ascii_case(s.trim()))
            }) {
                ctx.write_object(batch_object(op));
            }
            Ok(())
        }
    }
}

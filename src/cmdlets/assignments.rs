//! Policy assignment cmdlets of the Teams module, for `-PolicyType ApplicationAccessPolicy`:
//! New-/Get-/Set-/Remove-CsGroupPolicyAssignment, Get-CsUserPolicyAssignment and
//! New-/Get-CsBatchPolicyAssignmentOperation (research-teams.md §5–§6). Other policy types are
//! real but not emulated offline: they fail with a clear error. Texts marked "chosen" are listed
//! in docs/fidelity.md.

use super::service::{
    Decision, access_stamp, client_error, group_not_found, identity_not_found, policy_not_found,
    read_tenant, transact,
};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, ErrorRecord, Flow};
use crate::runtime::{PsObject, Value};
use crate::store::{
    BatchOperation, BatchUserState, Change, Group, PolicySource, Tenant, UserLookup, keys,
    parse_time, same_id,
};
use crate::vocab::{Fidelity, ParamDef, Requires, types};

const MODULE: &str = "MicrosoftTeams";
/// The one policy type aapsh emulates.
pub const APPLICATION_ACCESS_POLICY: &str = "ApplicationAccessPolicy";
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
        .help("The type of policy. aapsh emulates ApplicationAccessPolicy; other types fail with an error.")
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
            .param(ParamDef::new("PolicyType", types::STRING).help("The policy type to return (ApplicationAccessPolicy)."))
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
            .description("Returns the user's effective application access policy (PolicyName) and every assignment that could apply (PolicySource: Direct first, then groups by rank). Nothing is returned when no policy is assigned to the user or their groups: the effective policy is then the tenant global default (-Global) or the Global policy.")
            .requires(Requires::Teams)
            .param(ParamDef::new("Identity", types::STRING).mandatory().help("The user: object id, UPN or SIP address."))
            .param(ParamDef::new("PolicyType", types::STRING).help("The policy type (ApplicationAccessPolicy)."))
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
            .param(ParamDef::new("AdditionalParameters", types::HASHTABLE).ignored_offline().help("Extra parameters for some policy types (not used for ApplicationAccessPolicy)."))
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
    let mut r = ctx.error(
        "System.NotSupportedException",
        format!(
            "The policy type \"{policy_type}\" is not emulated offline: aapsh emulates only ApplicationAccessPolicy."
        ),
        "PolicyTypeNotEmulated",
        ErrorCategory::NotImplemented,
    );
    r.target_object = Some(Value::str(policy_type));
    r
}

/// `Ok(())` for ApplicationAccessPolicy (any case), else the error to write.
fn check_type(ctx: &CommandContext<'_>, b: &BoundParameters) -> Result<(), Box<ErrorRecord>> {
    match b.string("PolicyType") {
        Some(t) if !t.trim().eq_ignore_ascii_case(APPLICATION_ACCESS_POLICY) => {
            Err(Box::new(not_emulated_type(ctx, t.trim())))
        }
        _ => Ok(()),
    }
}

/// A group by object id, display name or `mailNickname@domain` (`None` when ambiguous).
fn find_group<'t>(t: &'t Tenant, typed: &str) -> Option<&'t Group> {
    t.find_group(typed.trim())
}

fn no_assignment(ctx: &CommandContext<'_>, group: &Group) -> ErrorRecord {
    let mut r = client_error(
        ctx,
        &format!(
            "The group \"{}\" has no ApplicationAccessPolicy assignment",
            group.object_id
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

/// The group and the canonical policy name, or the error to write.
type Resolved = Result<(Group, Option<String>), Box<ErrorRecord>>;

/// The group (resolved) and the canonical policy name, or the error to write.
fn resolve_group_and_policy(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    policy: Option<&str>,
) -> Result<Resolved, Flow> {
    if let Err(r) = check_type(ctx, b) {
        return Ok(Err(r));
    }
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
            tenant
                .find_policy(p.trim())
                .map(|p| (p.is_global(), p.name().to_string())),
        )
    });
    let Some(group) = group else {
        return Ok(Err(Box::new(group_not_found(ctx, &typed))));
    };
    let name = match policy {
        None => None,
        Some((_, Some((true, _)))) => {
            return Ok(Err(Box::new(client_error(
                ctx,
                "Policy \"Global\" is not a user policy. You can assign only a user policy to a specific user.",
            ))));
        }
        Some((_, Some((false, name)))) => Some(name),
        Some((typed, None)) => return Ok(Err(Box::new(policy_not_found(ctx, &typed)))),
    };
    Ok(Ok((group, name)))
}

fn new_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed_policy = b.string("PolicyName").unwrap_or_default();
    let (group, name) = match resolve_group_and_policy(ctx, b, Some(&typed_policy))? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "New-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let exists = client_error(
        ctx,
        &format!(
            "The group \"{}\" already has an ApplicationAccessPolicy assignment; use Set-CsGroupPolicyAssignment to change it",
            group.object_id
        ),
    );
    let rank = b.int("Rank");
    let done = transact(ctx, |t| {
        if t.group_assignment(&group.object_id).is_some() {
            return Decision::Fail(Box::new(exists));
        }
        Decision::Apply(
            (),
            vec![Change::GrantGroup {
                group_id: group.object_id.clone(),
                policy_name: name,
                rank,
            }],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn set_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed_policy = b.string("PolicyName");
    let (group, name) = match resolve_group_and_policy(ctx, b, typed_policy.as_deref())? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "Set-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let missing = no_assignment(ctx, &group);
    let rank = b.int("Rank");
    let done = transact(ctx, |t| {
        let Some(current) = t.group_assignment(&group.object_id) else {
            return Decision::Fail(Box::new(missing));
        };
        let rank = rank.unwrap_or(current.rank);
        let policy_name = name.unwrap_or_else(|| current.policy_name.clone());
        // Keeping the rank: drop the assignment first so that its own rank is free.
        Decision::Apply(
            (),
            vec![Change::GrantGroup {
                group_id: group.object_id.clone(),
                policy_name: Some(policy_name),
                rank: Some(rank),
            }],
        )
    })?;
    if done.is_some() && b.switch("PassThru") {
        ctx.write_object(Value::Bool(true));
    }
    Ok(())
}

fn remove_group_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (group, _) = match resolve_group_and_policy(ctx, b, None)? {
        Ok(found) => found,
        Err(r) => return ctx.write_error(*r),
    };
    if !ctx.should_process(&group.object_id, "Remove-CsGroupPolicyAssignment")? {
        return Ok(());
    }
    let missing = no_assignment(ctx, &group);
    let done = transact(ctx, |t| {
        if t.group_assignment(&group.object_id).is_none() {
            return Decision::Fail(Box::new(missing));
        }
        Decision::Apply(
            (),
            vec![Change::GrantGroup {
                group_id: group.object_id.clone(),
                policy_name: None,
                rank: None,
            }],
        )
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

fn group_assignment_object(g: &crate::store::GroupAssignment) -> Value {
    let text = |key: &str| {
        g.extra
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    Value::object(
        PsObject::new(GROUP_ASSIGNMENT_TYPE)
            .with("GroupId", Value::str(&g.group_id))
            .with("PolicyType", Value::str(APPLICATION_ACCESS_POLICY))
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
    if let Err(r) = check_type(ctx, b) {
        return ctx.write_error(*r);
    }
    let typed = b.string("GroupId");
    let tenant = read_tenant(ctx)?;
    let rows: Result<Vec<Value>, String> = match &typed {
        None => Ok(tenant
            .assignments
            .groups
            .iter()
            .map(group_assignment_object)
            .collect()),
        Some(typed) => match find_group(tenant, typed) {
            None => Err(typed.clone()),
            Some(g) => Ok(tenant
                .group_assignment(&g.object_id)
                .map(group_assignment_object)
                .into_iter()
                .collect()),
        },
    };
    match rows {
        Ok(rows) => {
            for r in rows {
                ctx.write_object(r);
            }
            Ok(())
        }
        Err(typed) => {
            let r = group_not_found(ctx, &typed);
            ctx.write_error(r)
        }
    }
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

/// The user's ApplicationAccessPolicy row, or `None` when nothing is assigned to the user or
/// their groups (the doc: the effective policy is then the tenant or system global default).
pub fn user_assignment_object(t: &Tenant, user_id: &str) -> Option<Value> {
    let mut sources = Vec::new();
    if let Some(direct) = t.user_policy(user_id) {
        sources.push(policy_source("Direct", direct, None));
    }
    for grant in &t.assignments.groups {
        let member = t.groups.iter().any(|g| {
            same_id(&g.object_id, &grant.group_id) && g.members.iter().any(|m| same_id(m, user_id))
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
    let effective = t.effective_policy(user_id);
    let name = match effective.source {
        PolicySource::Direct | PolicySource::Group { .. } => {
            effective.policy.map(|p| p.name().to_string())
        }
        _ => None,
    };
    Some(Value::object(
        PsObject::new(EFFECTIVE_POLICY_TYPE)
            .with("PolicyType", Value::str(APPLICATION_ACCESS_POLICY))
            .with("PolicyName", name.map_or(Value::Null, Value::str))
            .with("PolicySource", Value::array(sources)),
    ))
}

fn get_user_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Err(r) = check_type(ctx, b) {
        return ctx.write_error(*r);
    }
    let typed = b.string("Identity").unwrap_or_default();
    let tenant = read_tenant(ctx)?;
    let row = match tenant.resolve_user(typed.trim()) {
        UserLookup::Found(u) => Ok(user_assignment_object(tenant, &u.object_id)),
        _ => Err(()),
    };
    match row {
        Ok(Some(row)) => {
            ctx.write_object(row);
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(()) => {
            let r = identity_not_found(ctx, &typed);
            ctx.write_error(r)
        }
    }
}

fn new_batch(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Err(r) = check_type(ctx, b) {
        return ctx.write_error(*r);
    }
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
            match tenant.find_policy(typed.trim()) {
                Some(p) if p.is_global() => {
                    let r = client_error(
                        ctx,
                        "Policy \"Global\" is not a user policy. You can assign only a user policy to a specific user.",
                    );
                    return ctx.write_error(r);
                }
                Some(p) => Some(p.name().to_string()),
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
                    changes.push(Change::GrantUser {
                        user_id: u.object_id.clone(),
                        policy_name: policy_name.clone(),
                    });
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
        changes.push(Change::AddBatchOperation {
            operation: Box::new(BatchOperation {
                operation_id: operation_id.clone(),
                operation_name: operation_name.clone(),
                policy_type: APPLICATION_ACCESS_POLICY.to_string(),
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

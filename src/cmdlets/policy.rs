//! The five application access policy cmdlets: New-, Get-, Set-, Remove- and
//! Grant-CsApplicationAccessPolicy, with every documented parameter and parameter set
//! (fidelity.md §1.2). Semantics: names compare case-insensitively and `Tag:` is optional;
//! `Global` always exists; AppIds follow PSListModifier and must be GUIDs; one policy per user.

use std::collections::{HashMap, HashSet};

use super::service::{
    Decision, canonical_app_ids, client_error, invalid_app_id, policy_not_found, policy_object,
    read_tenant, transact,
};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, ListModifier, Value};
use crate::store::{Change, Policy, bare_policy_name, policy_identity};
use crate::vocab::{Fidelity, ParamDef, PipelineMode, Requires, types};

const MODULE: &str = "MicrosoftTeams";

fn identity_param(help: &'static str) -> ParamDef {
    ParamDef::new("Identity", types::XDS_IDENTITY)
        .position(1)
        .help(help)
}

fn internal_mode() -> ParamDef {
    ParamDef::new("MsftInternalProcessingMode", types::STRING)
        .ignored_offline()
        .help("For internal use only. Accepted and ignored offline.")
}

fn tenant_param() -> ParamDef {
    ParamDef::new("Tenant", types::GUID)
        .ignored_offline()
        .help("The tenant to act on (2020 parameter). Offline there is one tenant: the store's.")
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("New-CsApplicationAccessPolicy", MODULE, new_policy)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.NewCsApplicationAccessPolicy")
            .synopsis("Creates a new application access policy.")
            .description("Creates a new application access policy. The policy holds a list of application (client) IDs; when the policy is granted to a user, those apps may access online meetings on that user's behalf.")
            .requires(Requires::Teams)
            .should_process()
            .param(ParamDef::new("AppIds", types::LIST_MODIFIER).help("A list of application (client) IDs. Each must be a GUID: -AppIds \"id1\", \"id2\"."))
            .param(ParamDef::new("Description", types::STRING).help("Specifies the description of the policy."))
            .param(identity_param("Unique identifier assigned to the policy when it was created: its name (the Tag: prefix is optional).").mandatory())
            .param(internal_mode())
            .param(tenant_param())
            .outputs("The new policy (Identity, AppIds, Description).")
            .example(
                "Create a new application access policy with one app ID",
                "New-CsApplicationAccessPolicy -Identity \"ASimplePolicy\" -AppIds \"d39597bf-8407-40ca-92ef-1ec26b885b7b\" -Description \"Some description\"",
                "The command shown above shows how to create a new policy with one app IDs configured.",
            )
            .example(
                "Create a new application access policy with multiple app IDs",
                "New-CsApplicationAccessPolicy -Identity \"ASimplePolicy\" -AppIds \"d39597bf-8407-40ca-92ef-1ec26b885b71\", \"57caaef9-5ed0-48d5-8862-e5abfa71b3e1\", \"dc17674c-81d9-4adb-bfb2-8f6a442e4620\" -Description \"Some description\"",
                "The command shown above shows how to create a new policy with a list of (three) app IDs configured.",
            ),
        CmdletDef::new("Get-CsApplicationAccessPolicy", MODULE, get_policy)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.GetCsApplicationAccessPolicy")
            .synopsis("Retrieves information about the application access policy configured for use in the tenant.")
            .description("Retrieves the application access policies of the tenant: all of them, one by -Identity, or those whose Identity matches the -Filter wildcard (for example \"tag:*\").")
            .requires(Requires::Teams)
            .default_set("Identity")
            .param(ParamDef::new("Filter", types::STRING).sets(&["Filter"]).help("A wildcard matched against the Identity (Global, Tag:<name>), e.g. \"tag:*\"."))
            .param(ParamDef::new("Identity", types::STRING).sets(&["Identity"]).position(1).help("The policy to retrieve: its name, Tag:<name>, or Global."))
            .param(internal_mode())
            .param(tenant_param())
            .param(ParamDef::new("LocalStore", types::SWITCH).ignored_offline().help("Retrieves the data from the local replica (Lync-era parameter); offline every read is local."))
            .outputs("Policy objects (Identity, AppIds, Description).")
            .example(
                "Retrieve all application access policies",
                "Get-CsApplicationAccessPolicy",
                "The command shown above returns information of all application access policies that have been configured for use in the tenant.",
            )
            .example(
                "Retrieve specific application access policy",
                "Get-CsApplicationAccessPolicy -Identity \"ASimplePolicy\"",
                "In the command shown above, information is returned for a single application access policy: the policy with the Identity ASimplePolicy.",
            ),
        CmdletDef::new("Set-CsApplicationAccessPolicy", MODULE, set_policy)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.SetCsApplicationAccessPolicy")
            .synopsis("Modifies an existing application access policy.")
            .description("Modifies an existing application access policy. -AppIds takes a list (which replaces the policy's list) or a hashtable with Add, Remove or Replace keys. Without -Identity the Global policy is modified.")
            .requires(Requires::Teams)
            .should_process()
            .param(ParamDef::new("AppIds", types::LIST_MODIFIER_OBJECT).help("A list of application (client) IDs, or @{Add=...}, @{Remove=...}, @{Replace=...}."))
            .param(ParamDef::new("Description", types::STRING).help("Free format text."))
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Identity", types::STRING).position(1).by_property_name().help("The policy to modify: its name, Tag:<name>, or Global (the default). Binds from piped policies (Get-CsApplicationAccessPolicy ... | Set-CsApplicationAccessPolicy ...)."))
            .param(internal_mode())
            .param(tenant_param())
            .example(
                "Add new app ID to the policy",
                "Set-CsApplicationAccessPolicy -Identity \"ASimplePolicy\" -AppIds @{Add=\"5817674c-81d9-4adb-bfb2-8f6a442e4622\"}",
                "The command shown above adds a new app ID \"5817674c-81d9-4adb-bfb2-8f6a442e4622\" to the per-user application access policy ASimplePolicy.",
            )
            .example(
                "Remove app IDs from the policy",
                "Set-CsApplicationAccessPolicy -Identity \"ASimplePolicy\" -AppIds @{Remove=\"5817674c-81d9-4adb-bfb2-8f6a442e4622\"}",
                "The command shown above removes the app ID \"5817674c-81d9-4adb-bfb2-8f6a442e4622\" from the per-user application access policy ASimplePolicy.",
            ),
        CmdletDef::new("Remove-CsApplicationAccessPolicy", MODULE, remove_policy)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.RemoveCsApplicationAccessPolicy")
            .synopsis("Deletes an existing application access policy.")
            .description("Deletes an existing application access policy. A policy still granted to users, groups or the tenant cannot be removed; Global cannot be removed and is reset to its defaults instead.")
            .requires(Requires::Teams)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(identity_param("The policy to delete: its name, Tag:<name>, or Global. Binds from piped policies (Get-CsApplicationAccessPolicy -Filter \"tag:*\" | Remove-CsApplicationAccessPolicy).").mandatory().by_property_name())
            .param(tenant_param())
            .example(
                "Remove an application access policy",
                "Remove-CsApplicationAccessPolicy -Identity \"ASimplePolicy\"",
                "The command shown above deletes the application access policy ASimplePolicy.",
            ),
        CmdletDef::new("Grant-CsApplicationAccessPolicy", MODULE, grant_policy)
            .class("Microsoft.Teams.ConfigApi.Cmdlets.GrantCsApplicationAccessPolicy")
            .synopsis("Assigns a per-user application access policy to one or more users.")
            .description("Assigns an application access policy to a user (-Identity), to a group (-Group, -Rank) or to the whole tenant (-Global). You can assign only one application access policy at a time to a particular user: a new grant overrides the existing one. -PolicyName $null unassigns.")
            .requires(Requires::Teams)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .default_set("GrantToTenant")
            .param(ParamDef::new("Global", types::SWITCH).sets(&["GrantToTenant"]).help("Grants the policy to every user in the tenant without an explicit assignment; a direct assignment still wins."))
            .param(ParamDef::new("Group", types::STRING).sets(&["GrantToGroup"]).mandatory().help("Specifies the group used for the group policy assignment (object id or display name)."))
            .param(ParamDef::new("Identity", types::USER_ID).sets(&["Identity"]).position(0).mandatory().by_property_name().help("The user (object) ID, UPN, SIP address or display name of the user to be assigned the policy."))
            .param(internal_mode())
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the user (for -Identity), or $true, when the command succeeds."))
            .param(ParamDef::new("PolicyName", types::STRING).position(1).help("The name of the policy, without the Tag: prefix (Tag:ASimplePolicy is ASimplePolicy). $null unassigns."))
            .param(ParamDef::new("Rank", types::INT32).sets(&["GrantToGroup"]).help("The rank of the group assignment among the group assignments for this policy type (1 is highest)."))
            .param(tenant_param())
            .example(
                "Assign an application access policy to a user",
                "Grant-CsApplicationAccessPolicy -Identity \"dc17674c-81d9-4adb-bfb2-8f6a442e4624\" -PolicyName \"ASimplePolicy\"",
                "The command shown above assigns the per-user application access policy \"ASimplePolicy\" to the user with object ID \"dc17674c-81d9-4adb-bfb2-8f6a442e4624\".",
            )
            .example(
                "Unassign an application access policy from a user",
                "Grant-CsApplicationAccessPolicy -Identity \"dc17674c-81d9-4adb-bfb2-8f6a442e4624\" -PolicyName $Null",
                "Any per-user application access policy previously assigned to the user is unassigned; the apps in it can no longer access online meetings on behalf of that user.",
            )
            .example(
                "Assign an application access policy to all users in the tenant",
                "Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName \"ASimplePolicy\"",
                "Get-CsOnlineUser returns every user; each is piped to Grant-CsApplicationAccessPolicy, which assigns the policy to them.",
            )
            .example(
                "Assign an application access policy to users who have not been assigned one",
                "Grant-CsApplicationAccessPolicy -PolicyName \"ASimplePolicy\" -Global",
                "Assigns the policy to all the users in the tenant, except any that have an explicit policy assignment.",
            ),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::Emulated))
    .collect()
}

/// The AppIds a list modifier leads to from `current`, validated and in canonical form.
/// `Err(Ok(bad))` for a value that is not a GUID; `Err(Err(dups))` for duplicates. Linear in
/// the number of ids (hash sets, no list scans): a policy with 100,000 AppIds is created in
/// moments.
fn apply_app_ids(
    m: &ListModifier,
    current: &[String],
) -> Result<Vec<String>, Result<String, Vec<String>>> {
    let canon = |ids: &[String]| canonical_app_ids(ids.iter()).map_err(Ok);
    let add = canon(&m.add)?;
    let replace = canon(&m.replace)?;
    /// Each id of `ids` that an earlier one (or one of `before`) already gave.
    fn repeats(before: &[String], ids: &[String]) -> Vec<String> {
        let mut seen: HashSet<&str> = before.iter().map(String::as_str).collect();
        ids.iter()
            .filter(|id| !seen.insert(id.as_str()))
            .cloned()
            .collect()
    }
    if !replace.is_empty() {
        let dups = repeats(&[], &replace);
        return if dups.is_empty() {
            Ok(replace)
        } else {
            Err(Err(dups))
        };
    }
    // Removing compares GUIDs, so case does not matter; a non-GUID can match nothing. Each
    // id removed takes out one occurrence, the first (as ListModifier::apply_to does).
    let mut remove: HashMap<String, usize> = HashMap::new();
    for r in &m.remove {
        *remove.entry(r.trim().to_ascii_lowercase()).or_default() += 1;
    }
    let mut after_remove: Vec<String> = Vec::with_capacity(current.len() + add.len());
    for c in current {
        let c = c.to_ascii_lowercase();
        match remove.get_mut(&c) {
            Some(n) if *n > 0 => *n -= 1,
            _ => after_remove.push(c),
        }
    }
    // Adding an id the list already has is a conflict in the real service (usage.md P5).
    let dups = repeats(&after_remove, &add);
    if !dups.is_empty() {
        return Err(Err(dups));
    }
    after_remove.extend(add);
    Ok(after_remove)
}

fn duplicate_error(ctx: &CommandContext<'_>, dups: &[String]) -> crate::runtime::ErrorRecord {
    let mut r = ctx.error(
        "System.ArgumentException",
        format!(
            "Cannot add these items to the collection as they conflict or have duplicate key/identity: AppIds: {}",
            dups.join(", ")
        ),
        "DuplicateKeyOrIdentity",
        ErrorCategory::InvalidArgument,
    );
    r.target_object = Some(Value::str(dups.join(", ")));
    r
}

fn list_modifier(b: &BoundParameters) -> Option<ListModifier> {
    b.get("AppIds")
        .map(|v| ListModifier::from_value(v).unwrap_or_default())
}

fn new_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("Identity").unwrap_or_default();
    let name = bare_policy_name(typed.trim()).trim().to_string();
    if let Some(problem) = invalid_policy_name(&name) {
        let mut r = client_error(
            ctx,
            &format!("\"{typed}\" is not a valid policy identity: {problem}"),
        );
        r.category = ErrorCategory::InvalidArgument;
        r.target_object = Some(Value::str(&typed));
        return ctx.write_error(r);
    }
    let description = b.string("Description").unwrap_or_default();
    let app_ids = match list_modifier(b) {
        None => Vec::new(),
        Some(m) => match apply_app_ids(&m, &[]) {
            Ok(ids) => ids,
            Err(Ok(bad)) => return ctx.write_error(invalid_app_id(ctx, &bad)),
            Err(Err(dups)) => return Err(ctx.terminate(duplicate_error(ctx, &dups))),
        },
    };
    let identity = policy_identity(&name);
    if name.eq_ignore_ascii_case("global") {
        let r = already_exists(ctx, "Global");
        return ctx.write_error(r);
    }
    if !ctx.should_process(&identity, "New-CsApplicationAccessPolicy")? {
        return Ok(());
    }
    let exists_error = already_exists(ctx, &identity);
    let created = transact(ctx, |t| {
        if t.find_policy(&name).is_some() {
            return Decision::Fail(Box::new(exists_error));
        }
        let policy = Policy::new(policy_identity(&name), app_ids.clone(), description.clone());
        Decision::Apply(
            policy,
            vec![Change::NewPolicy {
                name: name.clone(),
                app_ids: app_ids.clone(),
                description: description.clone(),
            }],
        )
    })?;
    if let Some(p) = created {
        ctx.write_object(policy_object(&p));
    }
    Ok(())
}

/// Why a name (already without its `Tag:` prefix) cannot name a new policy, if it cannot. An
/// identity is `Global` or `Tag:<name>`, so the name is not empty and has no further `:` (which
/// would be another scope: `tag:tag:x`, `Site:Redmond`). Chosen wording; the real service's
/// text for these is unknown.
fn invalid_policy_name(name: &str) -> Option<&'static str> {
    if name.trim().is_empty() {
        Some("the policy name is empty.")
    } else if name.contains(':') {
        Some("a policy name cannot contain ':'. Give the name alone, or Tag:<name>.")
    } else {
        None
    }
}

/// Duplicate New (chosen wording in the service's framing; scripts match "already exists").
fn already_exists(ctx: &CommandContext<'_>, identity: &str) -> crate::runtime::ErrorRecord {
    let mut r = client_error(ctx, &format!("\"{identity}\" already exists"));
    r.category = ErrorCategory::ResourceExists;
    r.target_object = Some(Value::str(identity));
    r
}

fn get_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let identity = b.string("Identity");
    let filter = b.string("Filter");
    let tenant = read_tenant(ctx)?;
    let found: Result<Vec<Value>, String> = match (&identity, &filter) {
        (Some(id), _) => tenant
            .find_policy(id.trim())
            .map(|p| vec![policy_object(p)])
            .ok_or_else(|| id.clone()),
        (None, Some(f)) => Ok(tenant
            .policies
            .iter()
            .filter(|p| crate::runtime::operators::wildcard_match(f, &p.identity, false))
            .map(policy_object)
            .collect()),
        (None, None) => Ok(tenant.policies.iter().map(policy_object).collect()),
    };
    match found {
        Ok(objects) => {
            for o in objects {
                ctx.write_object(o);
            }
            Ok(())
        }
        Err(typed) => {
            let r = policy_not_found(ctx, &typed);
            ctx.write_error(r)
        }
    }
}

fn set_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("Identity").unwrap_or_else(|| "Global".into());
    let modifier = list_modifier(b);
    let description = b
        .string("Description")
        .or_else(|| b.has("Description").then(String::new));
    let target = {
        let tenant = read_tenant(ctx)?;
        tenant.find_policy(typed.trim()).map(|p| p.identity.clone())
    };
    let Some(identity) = target else {
        let r = policy_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&identity, "Set-CsApplicationAccessPolicy")? {
        return Ok(());
    }
    let not_found = policy_not_found(ctx, &typed);
    let stamp = super::service::access_stamp(ctx);
    let dup_template = |d: &[String]| d.to_vec();
    let outcome = ctx.session.store.transact(|t| {
        let Some(p) = t.find_policy(&identity) else {
            return Err(Err(Box::new(not_found)));
        };
        let app_ids = match &modifier {
            None => None,
            Some(m) => match apply_app_ids(m, &p.app_ids) {
                Ok(ids) => Some(ids),
                Err(Ok(bad)) => return Err(Ok(Ok(bad))),
                Err(Err(dups)) => return Err(Ok(Err(dup_template(&dups)))),
            },
        };
        Ok((
            (),
            super::service::stamped(
                stamp,
                vec![Change::SetPolicy {
                    identity: p.identity.clone(),
                    app_ids,
                    description: description.clone(),
                }],
            ),
        ))
    });
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(Err(record))) => ctx.write_error(*record),
        Ok(Err(Ok(Ok(bad)))) => {
            let r = invalid_app_id(ctx, &bad);
            ctx.write_error(r)
        }
        // Adding an id already present is terminating: -ErrorAction does not silence it
        // (usage.md P5).
        Ok(Err(Ok(Err(dups)))) => Err(ctx.terminate(duplicate_error(ctx, &dups))),
        Err(e) => Err(super::service::store_failure(ctx, &e)),
    }
}

fn remove_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("Identity").unwrap_or_default();
    let target = {
        let tenant = read_tenant(ctx)?;
        tenant.find_policy(typed.trim()).map(|p| p.identity.clone())
    };
    let Some(identity) = target else {
        let r = policy_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&identity, "Remove-CsApplicationAccessPolicy")? {
        return Ok(());
    }
    let not_found = policy_not_found(ctx, &typed);
    let in_use = client_error(
        ctx,
        &format!(
            "The policy \"{identity}\" is currently assigned to one or more users. Assign a different policy to the users before removing this one."
        ),
    );
    transact(ctx, |t| {
        let Some(p) = t.find_policy(&identity) else {
            return Decision::Fail(Box::new(not_found));
        };
        if !p.is_global() && !t.policy_references(&p.identity).is_empty() {
            return Decision::Fail(Box::new(in_use));
        }
        Decision::Apply(
            (),
            vec![Change::RemovePolicy {
                identity: p.identity.clone(),
            }],
        )
    })?;
    Ok(())
}

fn grant_policy(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    super::policy_kind::grant(ctx, b, super::policy_kind::PolicyKind::AppAccess)
}

//! Whole-tenant consistency: unique ids and resolvable references, checked after `parse`.
//!
//! Owns the rules that relate entries to each other (store-format.md): no duplicate user object
//! ids, UPNs, group ids, app ids or policy identities (names compare case-insensitively); every
//! group member is a user; every assignment names an existing user, group and policy; `Global`
//! always exists. It also makes references canonical (the id or policy name exactly as its target
//! spells it), so later lookups need no case rules. It must not read files or apply changes.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::catalog::{self, APPLICATION_ACCESS_POLICY};
use super::error::StoreError;
use super::model::{
    Assignments, ExtraKeys, GLOBAL, Group, Policy, TeamsPolicy, Tenant, User, bare_policy_name,
    fold_id, fold_name,
};

/// Checks `tenant` and makes it canonical; returns the first problem found (ids section by
/// section, then group members, then assignments).
pub(crate) fn validate(tenant: &mut Tenant) -> Result<(), StoreError> {
    let users = unique(
        tenant.users.iter().map(|u| u.object_id.as_str()),
        "users",
        "objectId",
        "user object id",
        fold_id,
    )?;
    unique(
        tenant.users.iter().map(|u| u.user_principal_name.as_str()),
        "users",
        "userPrincipalName",
        "userPrincipalName",
        fold_name,
    )?;
    let groups = unique(
        tenant.groups.iter().map(|g| g.object_id.as_str()),
        "groups",
        "objectId",
        "group object id",
        fold_id,
    )?;
    unique(
        tenant.applications.iter().map(|a| a.app_id.as_str()),
        "applications",
        "appId",
        "appId",
        fold_id,
    )?;

    if !tenant.policies.iter().any(Policy::is_global) {
        tenant.policies.insert(0, Policy::global());
    }
    let policies = unique(
        tenant.policies.iter().map(Policy::name),
        &format!("policies.{APPLICATION_ACCESS_POLICY}"),
        "identity",
        "policy name",
        fold_name,
    )?;

    for (g, group) in tenant.groups.iter_mut().enumerate() {
        let mut seen = HashMap::new();
        for (m, member) in group.members.iter_mut().enumerate() {
            let place = format!("groups[{g}].members[{m}]");
            let Some(&u) = users.get(&fold_id(member)) else {
                return Err(dangling(
                    place,
                    format!("no user has objectId \"{member}\""),
                ));
            };
            if let Some(first) = seen.insert(u, m) {
                return Err(duplicate(
                    place,
                    format!("\"{member}\" is already listed at groups[{g}].members[{first}]"),
                ));
            }
            member.clone_from(&tenant.users[u].object_id);
        }
    }

    let policy_names: Vec<String> = tenant
        .policies
        .iter()
        .map(|p| p.name().to_string())
        .collect();
    check_grants(
        &mut tenant.assignments,
        &tenant.users,
        &tenant.groups,
        &users,
        &groups,
        &policies,
        &policy_names,
        &format!("assignments.{APPLICATION_ACCESS_POLICY}"),
    )?;

    // The catalog's policy types: every declared one, in catalog order, each with Global.
    let mut families = std::mem::take(&mut tenant.families);
    for ty in catalog::POLICY_TYPES {
        let mut family = families.shift_remove(ty.name).unwrap_or_default();
        let section = format!("policies.{}", ty.name);
        if !family.policies.iter().any(TeamsPolicy::is_global) {
            family
                .policies
                .insert(0, TeamsPolicy::new(GLOBAL, ExtraKeys::new()));
        }
        let names = unique(
            family.policies.iter().map(TeamsPolicy::name),
            &section,
            "identity",
            "policy name",
            fold_name,
        )?;
        let spelled: Vec<String> = family
            .policies
            .iter()
            .map(|p| p.name().to_string())
            .collect();
        check_grants(
            &mut family.assignments,
            &tenant.users,
            &tenant.groups,
            &users,
            &groups,
            &names,
            &spelled,
            &format!("assignments.{}", ty.name),
        )?;
        tenant.families.insert(ty.name.to_string(), family);
    }
    // A family read for a type the catalog no longer declares cannot happen (the readers only
    // fill declared ones); nothing is left in `families`.
    debug_assert!(families.is_empty());

    // The project's own `emulator` section, when the file has one.
    super::emulator::check(tenant)?;
    // The Exchange Online side, when the file has one.
    super::exchange::check(tenant)
}

/// One policy type's grants: every user, group and policy they name exists (references are made
/// canonical: ids and names as their targets spell them); one direct grant per user; one grant
/// per group. `section` is where they are (`assignments.<PolicyType>`).
#[allow(clippy::too_many_arguments)]
fn check_grants(
    grants: &mut Assignments,
    tenant_users: &[User],
    tenant_groups: &[Group],
    users: &HashMap<String, usize>,
    groups: &HashMap<String, usize>,
    policies: &HashMap<String, usize>,
    policy_names: &[String],
    section: &str,
) -> Result<(), StoreError> {
    let policy_name = |name: &str, place: &str| -> Result<String, StoreError> {
        policies
            .get(&fold_name(bare_policy_name(name)))
            .map(|&p| policy_names[p].clone())
            .ok_or_else(|| dangling(place.to_string(), format!("no policy is named \"{name}\"")))
    };

    // Direct grants are made canonical in place (a large tenant has one per user, so a second
    // map would cost as much again); the map is rebuilt only when a key must change.
    let mut granted: HashSet<usize> = HashSet::with_capacity(grants.users.len());
    let mut rekey = false;
    for (user_id, name) in grants.users.iter_mut() {
        let place = || {
            format!(
                "{section}.users[{}]",
                serde_json::Value::from(user_id.as_str())
            )
        };
        let Some(&u) = users.get(&fold_id(user_id)) else {
            return Err(dangling(
                place(),
                format!("no user has objectId \"{user_id}\""),
            ));
        };
        let canonical_policy = policy_name(name, &place())?;
        if !granted.insert(u) {
            return Err(duplicate(
                place(),
                format!("user \"{user_id}\" has more than one direct assignment"),
            ));
        }
        rekey |= *user_id != tenant_users[u].object_id;
        if *name != canonical_policy {
            *name = canonical_policy;
        }
    }
    drop(granted);
    if rekey {
        let direct: IndexMap<String, String> = std::mem::take(&mut grants.users)
            .into_iter()
            .map(|(user_id, name)| {
                let canonical = users
                    .get(&fold_id(&user_id))
                    .map_or(user_id, |&u| tenant_users[u].object_id.clone());
                (canonical, name)
            })
            .collect();
        grants.users = direct;
    }

    let mut seen_groups = HashMap::new();
    let mut group_grants = grants.groups.clone();
    for (i, grant) in group_grants.iter_mut().enumerate() {
        let place = format!("{section}.groups[{i}]");
        let Some(&g) = groups.get(&fold_id(&grant.group_id)) else {
            return Err(dangling(
                format!("{place}.groupId"),
                format!("no group has objectId \"{}\"", grant.group_id),
            ));
        };
        if let Some(first) = seen_groups.insert(g, i) {
            return Err(duplicate(
                format!("{place}.groupId"),
                format!(
                    "group \"{}\" is already assigned at {section}.groups[{first}]",
                    grant.group_id
                ),
            ));
        }
        grant.group_id.clone_from(&tenant_groups[g].object_id);
        grant.policy_name = policy_name(&grant.policy_name, &format!("{place}.policyName"))?;
    }

    let tenant_grant = match &grants.tenant {
        Some(name) => Some(policy_name(name, &format!("{section}.tenant"))?),
        None => None,
    };

    grants.groups = group_grants;
    grants.tenant = tenant_grant;
    Ok(())
}

/// Maps each folded key to its index, or reports the first repeat at `section[i].key`.
fn unique<'a>(
    keys: impl Iterator<Item = &'a str>,
    section: &str,
    key: &str,
    what: &str,
    fold: fn(&str) -> String,
) -> Result<HashMap<String, usize>, StoreError> {
    let mut seen = HashMap::new();
    for (i, value) in keys.enumerate() {
        if let Some(first) = seen.insert(fold(value), i) {
            return Err(duplicate(
                format!("{section}[{i}].{key}"),
                format!("the {what} \"{value}\" is already used by {section}[{first}]"),
            ));
        }
    }
    Ok(seen)
}

fn duplicate(place: String, message: String) -> StoreError {
    StoreError::Duplicate {
        file: None,
        place,
        message,
    }
}

fn dangling(place: String, message: String) -> StoreError {
    StoreError::Dangling {
        file: None,
        place,
        message,
    }
}

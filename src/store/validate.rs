//! Whole-tenant consistency: unique ids and resolvable references, checked after `parse`.
//!
//! Owns the rules that relate entries to each other (store-format.md): no duplicate user object
//! ids, UPNs, group ids, app ids or policy identities (names compare case-insensitively); every
//! group member is a user; every assignment names an existing user, group and policy; `Global`
//! always exists. It also makes references canonical (the id or policy name exactly as its target
//! spells it), so later lookups need no case rules. It must not read files or apply changes.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::error::StoreError;
use super::model::{Policy, Tenant, bare_policy_name, fold_id, fold_name};

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
        "policies",
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

    let policy_name = |name: &str, place: &str| -> Result<String, StoreError> {
        policies
            .get(&fold_name(bare_policy_name(name)))
            .map(|&p| tenant.policies[p].name().to_string())
            .ok_or_else(|| dangling(place.to_string(), format!("no policy is named \"{name}\"")))
    };

    // Direct grants are made canonical in place (a large tenant has one per user, so a second
    // map would cost as much again); the map is rebuilt only when a key must change.
    let mut granted: HashSet<usize> = HashSet::with_capacity(tenant.assignments.users.len());
    let mut rekey = false;
    for (user_id, name) in tenant.assignments.users.iter_mut() {
        let place = || {
            format!(
                "assignments.users[{}]",
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
        rekey |= *user_id != tenant.users[u].object_id;
        if *name != canonical_policy {
            *name = canonical_policy;
        }
    }
    drop(granted);
    if rekey {
        let direct: IndexMap<String, String> = std::mem::take(&mut tenant.assignments.users)
            .into_iter()
            .map(|(user_id, name)| {
                let canonical = users
                    .get(&fold_id(&user_id))
                    .map_or(user_id, |&u| tenant.users[u].object_id.clone());
                (canonical, name)
            })
            .collect();
        tenant.assignments.users = direct;
    }

    let mut seen_groups = HashMap::new();
    let mut group_grants = tenant.assignments.groups.clone();
    for (i, grant) in group_grants.iter_mut().enumerate() {
        let place = format!("assignments.groups[{i}]");
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
                    "group \"{}\" is already assigned at assignments.groups[{first}]",
                    grant.group_id
                ),
            ));
        }
        grant.group_id.clone_from(&tenant.groups[g].object_id);
        grant.policy_name = policy_name(&grant.policy_name, &format!("{place}.policyName"))?;
    }

    let tenant_grant = match &tenant.assignments.tenant {
        Some(name) => Some(policy_name(name, "assignments.tenant")?),
        None => None,
    };

    tenant.assignments.groups = group_grants;
    tenant.assignments.tenant = tenant_grant;
    // The project's own `emulator` section, when the file has one.
    super::emulator::check(tenant)
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

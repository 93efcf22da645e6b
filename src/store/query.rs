//! Read-only lookups on a `Tenant`: policies by identity, users and groups by any of the ways a
//! cmdlet's `-Identity` may name them, and who references a policy.
//!
//! Owns the matching rules (ids case-insensitive; names case-insensitive; a display name only
//! when it is unique). It must not change state or decide what a cmdlet prints.

use super::index::Keyed;
use super::model::{
    Application, Group, GroupAssignment, Policy, Tenant, User, bare_policy_name, fold_id,
    fold_name, same_id, same_name,
};

/// The result of resolving a user identity.
#[derive(Debug)]
pub enum UserLookup<'a> {
    Found(&'a User),
    NotFound,
    /// Several users match (only possible by alias or display name, or SIP addresses a file
    /// repeats).
    Ambiguous(Vec<&'a User>),
}

/// The result of resolving a group identity.
#[derive(Debug)]
pub enum GroupLookup<'a> {
    Found(&'a Group),
    NotFound,
    /// Several groups share the display name.
    Ambiguous(Vec<&'a Group>),
}

/// Something that refers to a policy, which therefore cannot be removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyReference {
    /// A direct grant to the user with this object id.
    User(String),
    /// A `-Group` grant to the group with this object id.
    Group(String),
    /// The tenant-wide (`-Global`) grant.
    Tenant,
}

impl Tenant {
    /// A policy by `Name`, `Tag:Name` (prefix in any case) or `Global`, case-insensitively.
    pub fn find_policy(&self, identity: &str) -> Option<&Policy> {
        let name = bare_policy_name(identity);
        self.policies.iter().find(|p| same_name(p.name(), name))
    }

    /// The Global policy instance (always present in a loaded tenant).
    pub fn global_policy(&self) -> Option<&Policy> {
        self.policies.iter().find(|p| p.is_global())
    }

    /// A user by object id, UPN, SIP address (with or without `sip:`), alias (Get-CsOnlineUser
    /// accepts "GUID, SIP address, UPN, Alias" since module 3.0) or unique display name, tried
    /// in that order; the first kind of match that finds anyone decides.
    pub fn resolve_user(&self, identity: &str) -> UserLookup<'_> {
        let sip = if identity
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("sip:"))
        {
            identity.to_string()
        } else {
            format!("sip:{identity}")
        };
        let index = self.index.get(&self.users, &self.groups);
        let rules: [UserRule<'_>; 5] = [
            (index.map(|i| &i.user_ids), fold_id(identity), &|u| {
                same_id(&u.object_id, identity)
            }),
            (index.map(|i| &i.user_upns), fold_name(identity), &|u| {
                same_name(&u.user_principal_name, identity)
            }),
            (index.map(|i| &i.user_sips), fold_name(&sip), &|u| {
                same_name(&u.sip_address, &sip)
            }),
            (index.map(|i| &i.user_aliases), fold_name(identity), &|u| {
                !identity.contains('@') && same_name(u.alias(), identity)
            }),
            (index.map(|i| &i.user_names), fold_name(identity), &|u| {
                !u.display_name.is_empty() && same_name(&u.display_name, identity)
            }),
        ];
        for (keyed, folded, rule) in rules {
            let found = matching(&self.users, keyed, &folded, rule);
            match found.len() {
                0 => continue,
                1 => return UserLookup::Found(found[0]),
                _ => return UserLookup::Ambiguous(found),
            }
        }
        UserLookup::NotFound
    }

    /// A user by exact object id (case-insensitive).
    pub fn user_by_id(&self, object_id: &str) -> Option<&User> {
        match self.index.get(&self.users, &self.groups) {
            Some(index) => index
                .user_ids
                .candidates(&fold_id(object_id))
                .map(|i| &self.users[i])
                .find(|u| same_id(&u.object_id, object_id)),
            None => self.users.iter().find(|u| same_id(&u.object_id, object_id)),
        }
    }

    /// A group by exact object id (case-insensitive).
    pub fn group_by_id(&self, object_id: &str) -> Option<&Group> {
        match self.index.get(&self.users, &self.groups) {
            Some(index) => index
                .group_ids
                .candidates(&fold_id(object_id))
                .map(|i| &self.groups[i])
                .find(|g| same_id(&g.object_id, object_id)),
            None => self
                .groups
                .iter()
                .find(|g| same_id(&g.object_id, object_id)),
        }
    }

    /// A group by object id or unique display name (case-insensitive); `None` when ambiguous.
    pub fn find_group(&self, identity: &str) -> Option<&Group> {
        match self.resolve_group(identity) {
            GroupLookup::Found(group) => Some(group),
            GroupLookup::NotFound | GroupLookup::Ambiguous(_) => None,
        }
    }

    /// Like `find_group`, but says when a display name matches several groups. Tried in order:
    /// object id, display name, then the group's e-mail address (`mailNickname@<tenant domain>`,
    /// for groups that keep a `mailNickname`).
    pub fn resolve_group(&self, identity: &str) -> GroupLookup<'_> {
        if let Some(group) = self.group_by_id(identity) {
            return GroupLookup::Found(group);
        }
        let mut found = matching(
            &self.groups,
            self.index
                .get(&self.users, &self.groups)
                .map(|i| &i.group_names),
            &fold_name(identity),
            |g| !g.display_name.is_empty() && same_name(&g.display_name, identity),
        );
        if found.is_empty()
            && let Some((nick, domain)) = identity.split_once('@')
            && same_name(domain, &self.tenant.domain)
        {
            found = self
                .groups
                .iter()
                .filter(|g| {
                    g.extra
                        .get(super::directory::keys::MAIL_NICKNAME)
                        .and_then(|v| v.as_str())
                        .is_some_and(|n| !n.is_empty() && same_name(n, nick))
                })
                .collect();
        }
        match found.len() {
            0 => GroupLookup::NotFound,
            1 => GroupLookup::Found(found[0]),
            _ => GroupLookup::Ambiguous(found),
        }
    }

    /// An app registration by appId (case-insensitive).
    pub fn find_application(&self, app_id: &str) -> Option<&Application> {
        self.applications
            .iter()
            .find(|a| same_id(&a.app_id, app_id))
    }

    /// The bare name of the policy granted directly to this user, if any.
    pub fn user_policy(&self, user_object_id: &str) -> Option<&str> {
        self.user_grant_index(user_object_id)
            .and_then(|i| self.assignments.users.get_index(i))
            .map(|(_, name)| name.as_str())
    }

    /// The position of this user's direct grant in `assignments.users`: a hash lookup, because
    /// loading and `apply` key that map by the object id exactly as `users` spells it (see
    /// `Assignments::users`).
    pub(crate) fn user_grant_index(&self, user_object_id: &str) -> Option<usize> {
        let grants = &self.assignments.users;
        let canonical = self
            .user_by_id(user_object_id)
            .map_or(user_object_id, |u| u.object_id.as_str());
        grants
            .get_index_of(canonical)
            .or_else(|| grants.get_index_of(user_object_id))
    }

    /// The `-Group` grant of this group, if any.
    pub fn group_assignment(&self, group_id: &str) -> Option<&GroupAssignment> {
        self.assignments
            .groups
            .iter()
            .find(|g| same_id(&g.group_id, group_id))
    }

    /// Every assignment that names this policy (by bare name or identity), in file order.
    pub fn policy_references(&self, identity: &str) -> Vec<PolicyReference> {
        let name = bare_policy_name(identity);
        let mut refs: Vec<PolicyReference> = self
            .assignments
            .users
            .iter()
            .filter(|(_, policy)| same_name(policy, name))
            .map(|(user, _)| PolicyReference::User(user.clone()))
            .collect();
        refs.extend(
            self.assignments
                .groups
                .iter()
                .filter(|g| same_name(&g.policy_name, name))
                .map(|g| PolicyReference::Group(g.group_id.clone())),
        );
        if self
            .assignments
            .tenant
            .as_deref()
            .is_some_and(|t| same_name(t, name))
        {
            refs.push(PolicyReference::Tenant);
        }
        refs
    }
}

/// One way `resolve_user` matches: the index to narrow with, the folded key, the real test.
type UserRule<'a> = (Option<&'a Keyed>, String, &'a dyn Fn(&User) -> bool);

/// The items a lookup rule accepts, in file order: through the index when there is one (only
/// the candidates with the key's hash are checked), else by a scan.
fn matching<'a, T>(
    items: &'a [T],
    keyed: Option<&Keyed>,
    folded: &str,
    rule: impl Fn(&T) -> bool,
) -> Vec<&'a T> {
    match keyed {
        Some(keyed) => {
            let mut positions: Vec<usize> = keyed
                .candidates(folded)
                .filter(|&i| rule(&items[i]))
                .collect();
            positions.sort_unstable();
            positions.into_iter().map(|i| &items[i]).collect()
        }
        None => items.iter().filter(|item| rule(item)).collect(),
    }
}

//! The effective application access policy of a user: which policy applies, from which source,
//! and whether it lets an app act for the user.
//!
//! Owns the precedence (fidelity.md §1.5): a direct grant beats any group grant; among the groups
//! the user is a member of, the lowest rank wins (on a tie, the earlier entry); then the
//! tenant-wide `-Global` grant; then the Global instance itself. A pure function of the tenant
//! state: it must not read files, the clock or anything else.

use super::model::{Assignments, GLOBAL, Policy, Tenant, same_id};

/// Where the effective policy came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicySource {
    /// Granted to the user directly (`Grant-CsApplicationAccessPolicy -Identity`).
    Direct,
    /// Granted to a group the user is a member of (`-Group`), the lowest rank among them.
    Group { group_id: String, rank: i64 },
    /// Granted tenant-wide (`-Global`).
    Tenant,
    /// Nothing granted: the Global policy instance applies.
    Global,
}

/// The policy that decides which apps may act for a user, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct EffectivePolicy<'a> {
    /// `None` only when the winning grant names a policy that does not exist, which a validated
    /// tenant rules out (a hand-built in-memory tenant could still do it).
    pub policy: Option<&'a Policy>,
    pub source: PolicySource,
    /// One sentence for people: which source won and why.
    pub reason: String,
}

impl EffectivePolicy<'_> {
    /// Whether the effective policy lists this app (appIds compare case-insensitively).
    pub fn allows_app(&self, app_id: &str) -> bool {
        self.policy
            .is_some_and(|p| p.app_ids.iter().any(|a| same_id(a, app_id)))
    }
}

impl Tenant {
    /// The policy in force for this user: direct > group (lowest rank) > tenant grant > Global.
    pub fn effective_policy(&self, user_object_id: &str) -> EffectivePolicy<'_> {
        if let Some(name) = self.user_policy(user_object_id) {
            return EffectivePolicy {
                policy: self.find_policy(name),
                source: PolicySource::Direct,
                reason: format!("\"{name}\" is granted to the user directly"),
            };
        }

        let best_group = self
            .assignments
            .groups
            .iter()
            .filter_map(|grant| {
                let group = self
                    .groups
                    .iter()
                    .find(|g| same_id(&g.object_id, &grant.group_id))?;
                group
                    .members
                    .iter()
                    .any(|m| same_id(m, user_object_id))
                    .then_some((grant, group))
            })
            // `min_by_key` keeps the first of equal ranks: the earlier entry wins a tie.
            .min_by_key(|(grant, _)| grant.rank);
        if let Some((grant, group)) = best_group {
            return EffectivePolicy {
                policy: self.find_policy(&grant.policy_name),
                source: PolicySource::Group {
                    group_id: grant.group_id.clone(),
                    rank: grant.rank,
                },
                reason: format!(
                    "\"{}\" is granted to the group \"{}\" (rank {}), the lowest-ranked group \
                     grant among the user's groups, and the user has no direct grant",
                    grant.policy_name, group.display_name, grant.rank
                ),
            };
        }

        if let Some(name) = &self.assignments.tenant {
            return EffectivePolicy {
                policy: self.find_policy(name),
                source: PolicySource::Tenant,
                reason: format!(
                    "\"{name}\" is granted tenant-wide (-Global) and the user has no direct or \
                     group grant"
                ),
            };
        }

        EffectivePolicy {
            policy: self.global_policy(),
            source: PolicySource::Global,
            reason: "nothing is granted to the user, their groups or the tenant, so the Global \
                     policy applies"
                .to_string(),
        }
    }

    /// Whether the app may act on behalf of this user (its appId is in the effective policy).
    pub fn app_may_act_for(&self, app_id: &str, user_object_id: &str) -> bool {
        self.effective_policy(user_object_id).allows_app(app_id)
    }
}

impl Tenant {
    /// The effective grant of any policy type (the application access policy or a catalog
    /// type) for a user, by the same precedence: the bare name of the policy in force and where
    /// it came from (`Global` from `PolicySource::Global` when nothing is granted). `None` for a
    /// policy type the tenant does not have.
    pub fn effective_grant(
        &self,
        policy_type: &str,
        user_object_id: &str,
    ) -> Option<(String, PolicySource)> {
        let grants = self.grants(policy_type)?;
        Some(self.effective_in(grants, user_object_id))
    }

    fn effective_in(&self, grants: &Assignments, user_object_id: &str) -> (String, PolicySource) {
        let user = self
            .user_by_id(user_object_id)
            .map_or(user_object_id, |u| u.object_id.as_str());
        if let Some(name) = grants.users.get(user) {
            return (name.clone(), PolicySource::Direct);
        }
        let best_group = grants
            .groups
            .iter()
            .filter(|grant| {
                self.group_by_id(&grant.group_id)
                    .is_some_and(|g| g.members.iter().any(|m| same_id(m, user)))
            })
            .min_by_key(|grant| grant.rank);
        if let Some(grant) = best_group {
            return (
                grant.policy_name.clone(),
                PolicySource::Group {
                    group_id: grant.group_id.clone(),
                    rank: grant.rank,
                },
            );
        }
        match &grants.tenant {
            Some(name) => (name.clone(), PolicySource::Tenant),
            None => (GLOBAL.to_string(), PolicySource::Global),
        }
    }
}

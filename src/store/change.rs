//! `Change`: the only way tenant state changes, and the rules for applying one.
//!
//! Owns what each change does to the model and what it refuses (with `StoreError::Conflict`),
//! so a tenant that passed validation stays valid: nothing ever dangles. A refused change leaves
//! the tenant untouched. It must not resolve `-Identity` text (the cmdlet layer passes object ids
//! and names it already resolved), print anything, or touch files.
//!
//! Chosen behaviours (the cmdlet layer words its own errors on top of these):
//! - `NewPolicy` takes a bare name (a `Tag:` prefix is tolerated and dropped) and keeps its case;
//!   a name used by another policy (case-insensitively), or `Global`, is refused.
//! - `RemovePolicy` of `Global` resets it to empty AppIds and Description (it cannot be removed);
//!   removing a policy that an assignment still names is refused, so the cmdlet decides first
//!   whether to unassign (e.g. Teams' `-Force`-less behaviour) and sends those changes before.
//! - `GrantGroup` with `rank: None` takes the next free rank (one past the highest, or 1); a rank
//!   already held by another group inserts there and moves that group and the ones after it down
//!   by one, keeping ranks unique. Group grants are kept sorted by rank.
//! - Names written into assignments take the policy's canonical case.

use serde::{Deserialize, Serialize};

use super::emulator::{
    BatchOperation, GraphErrorStyle, MAX_PROPAGATION_DELAY_SECONDS, OnlineMeeting,
};
use super::error::StoreError;
use super::model::{
    ExtraKeys, GroupAssignment, Policy, Tenant, bare_policy_name, policy_identity, same_id,
    same_name,
};
use super::query::PolicyReference;

/// What undoes an `apply_logged`: one entry per applied change.
#[derive(Debug)]
pub(crate) struct UndoLog(Vec<Undo>);

#[derive(Debug)]
enum Undo {
    Policies(Vec<Policy>),
    GroupGrants(Vec<GroupAssignment>),
    TenantGrant(Option<String>),
    /// The user's direct grant before: its position in `assignments.users` and policy name.
    UserGrant {
        user_id: String,
        before: Option<(usize, String)>,
    },
    /// Directory changes (rare): users, groups, direct grants and the project keys as before.
    Directory(Box<DirectoryUndo>),
    Applications(Vec<super::model::Application>),
    /// The project's `emulator` section as before (`None`: it was absent).
    Emulator(Option<serde_json::Value>),
    /// The whole tenant as before (`ReplaceState`).
    Whole(Box<Tenant>),
}

#[derive(Debug)]
struct DirectoryUndo {
    users: Vec<super::model::User>,
    groups: Vec<super::model::Group>,
    direct: indexmap::IndexMap<String, String>,
    emulator: Option<serde_json::Value>,
}

/// One state change, as a cmdlet asks for it. Serializable so it can be journaled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    NewPolicy {
        name: String,
        app_ids: Vec<String>,
        description: String,
    },
    /// Replaces the fields that are `Some`.
    SetPolicy {
        identity: String,
        app_ids: Option<Vec<String>>,
        description: Option<String>,
    },
    /// Removing `Global` resets it to empty AppIds/Description instead.
    RemovePolicy {
        identity: String,
    },
    /// `policy_name: None` unassigns.
    GrantUser {
        user_id: String,
        policy_name: Option<String>,
    },
    /// `policy_name: None` removes the group's assignment; `rank: None` = next free rank.
    GrantGroup {
        group_id: String,
        policy_name: Option<String>,
        rank: Option<i64>,
    },
    /// `policy_name: None` clears the tenant-wide grant.
    GrantTenant {
        policy_name: Option<String>,
    },

    // Directory changes (the Microsoft Graph cmdlets), see `directory`.
    NewUser {
        object_id: String,
        user_principal_name: String,
        display_name: String,
        /// Project keys kept on the entry (`mail`, `mailNickname`, `accountEnabled`...).
        properties: ExtraKeys,
    },
    /// Also drops the user's group memberships, direct assignment and meetings.
    RemoveUser {
        user_id: String,
    },
    NewGroup {
        object_id: String,
        display_name: String,
        properties: ExtraKeys,
    },
    AddGroupMember {
        group_id: String,
        user_id: String,
    },
    RemoveGroupMember {
        group_id: String,
        user_id: String,
    },
    NewApplication {
        app_id: String,
        display_name: String,
        properties: ExtraKeys,
    },
    /// Replaces the app's application permissions.
    SetAppPermissions {
        app_id: String,
        permissions: Vec<String>,
    },
    /// When and by whom a group's assignment was made (Get-CsGroupPolicyAssignment).
    StampGroupAssignment {
        group_id: String,
        created_time: String,
        created_by: String,
    },

    /// Renumbers the group grants 1, 2, 3... in their order (rank, then file order), as the
    /// service does after every group assignment change.
    NormalizeGroupRanks,

    // The project's `emulator` section, see `emulator` and `propagation`.
    /// Sent before the access changes of one command: while a propagation delay is set, keeps
    /// the access state as it was, so the Graph side can see it until the change arrives.
    RecordAccessChange {
        at: String,
        command: String,
    },
    /// 0 also forgets pending changes (they arrive at once).
    SetPropagationDelay {
        seconds: u64,
    },
    SetGraphErrorStyle {
        style: GraphErrorStyle,
    },
    AddOnlineMeeting {
        meeting: Box<OnlineMeeting>,
    },
    RemoveOnlineMeeting {
        id: String,
    },
    AddBatchOperation {
        operation: Box<BatchOperation>,
    },

    /// Replaces the whole tenant with a store document (`Reset-EmuState`,
    /// `Restore-EmuSnapshot`). The document gets every check a store file gets; the Graph side
    /// sees the new state at once (its own `emulator` section comes with it).
    ReplaceState {
        document: serde_json::Value,
    },
}

impl Change {
    /// Whether the change can alter which policy applies to a user or what it lists: such
    /// changes reach the Graph side only after the propagation delay.
    pub fn affects_access(&self) -> bool {
        matches!(
            self,
            Change::NewPolicy { .. }
                | Change::SetPolicy { .. }
                | Change::RemovePolicy { .. }
                | Change::GrantUser { .. }
                | Change::GrantGroup { .. }
                | Change::GrantTenant { .. }
                | Change::RemoveUser { .. }
                | Change::AddGroupMember { .. }
                | Change::RemoveGroupMember { .. }
        )
    }
}

impl Tenant {
    /// Applies one change, or refuses it with `StoreError::Conflict` and changes nothing.
    pub fn apply(&mut self, change: &Change) -> Result<(), StoreError> {
        match change {
            Change::NewPolicy {
                name,
                app_ids,
                description,
            } => self.new_policy(name, app_ids, description),
            Change::SetPolicy {
                identity,
                app_ids,
                description,
            } => {
                let policy = self.policy_mut(identity)?;
                if let Some(app_ids) = app_ids {
                    policy.app_ids.clone_from(app_ids);
                }
                if let Some(description) = description {
                    policy.description.clone_from(description);
                }
                Ok(())
            }
            Change::RemovePolicy { identity } => self.remove_policy(identity),
            Change::GrantUser {
                user_id,
                policy_name,
            } => self.grant_user(user_id, policy_name.as_deref()),
            Change::GrantGroup {
                group_id,
                policy_name,
                rank,
            } => self.grant_group(group_id, policy_name.as_deref(), *rank),
            Change::GrantTenant { policy_name } => {
                self.assignments.tenant = match policy_name {
                    Some(name) => Some(self.canonical_policy_name(name)?),
                    None => None,
                };
                Ok(())
            }
            Change::NewUser {
                object_id,
                user_principal_name,
                display_name,
                properties,
            } => self.new_user(object_id, user_principal_name, display_name, properties),
            Change::RemoveUser { user_id } => self.remove_user(user_id),
            Change::NewGroup {
                object_id,
                display_name,
                properties,
            } => self.new_group(object_id, display_name, properties),
            Change::AddGroupMember { group_id, user_id } => {
                self.add_group_member(group_id, user_id)
            }
            Change::RemoveGroupMember { group_id, user_id } => {
                self.remove_group_member(group_id, user_id)
            }
            Change::NewApplication {
                app_id,
                display_name,
                properties,
            } => self.new_application(app_id, display_name, properties),
            Change::SetAppPermissions {
                app_id,
                permissions,
            } => self.set_app_permissions(app_id, permissions),
            Change::StampGroupAssignment {
                group_id,
                created_time,
                created_by,
            } => self.stamp_group_assignment(group_id, created_time, created_by),
            Change::NormalizeGroupRanks => {
                self.normalize_group_ranks();
                Ok(())
            }
            Change::RecordAccessChange { at, command } => self.record_access_change(at, command),
            Change::SetPropagationDelay { seconds } => {
                if *seconds > MAX_PROPAGATION_DELAY_SECONDS {
                    return Err(StoreError::conflict(format!(
                        "The propagation delay must be at most {MAX_PROPAGATION_DELAY_SECONDS} seconds (7 days), not {seconds}."
                    )));
                }
                self.update_emulator(|state| {
                    state.propagation_delay_seconds = *seconds;
                    if *seconds == 0 {
                        state.pending_access_changes.clear();
                    }
                    Ok(())
                })
            }
            Change::SetGraphErrorStyle { style } => self.update_emulator(|state| {
                state.graph_error_style = *style;
                Ok(())
            }),
            Change::AddOnlineMeeting { meeting } => self.update_emulator(|state| {
                if state.online_meetings.iter().any(|m| m.id == meeting.id) {
                    return Err(StoreError::conflict(format!(
                        "An online meeting with id \"{}\" already exists.",
                        meeting.id
                    )));
                }
                state.online_meetings.push((**meeting).clone());
                Ok(())
            }),
            Change::RemoveOnlineMeeting { id } => self.update_emulator(|state| {
                let before = state.online_meetings.len();
                state.online_meetings.retain(|m| &m.id != id);
                if state.online_meetings.len() == before {
                    return Err(StoreError::conflict(format!(
                        "No online meeting has id \"{id}\"."
                    )));
                }
                Ok(())
            }),
            Change::AddBatchOperation { operation } => self.update_emulator(|state| {
                state.batch_operations.push((**operation).clone());
                Ok(())
            }),
            Change::ReplaceState { document } => {
                let bytes = serde_json::to_vec(document).map_err(|e| {
                    StoreError::conflict(format!("The new state could not be read: {e}"))
                })?;
                *self = super::parse::parse_tenant(&bytes)?;
                Ok(())
            }
        }
    }

    /// Applies `changes` in order as one unit: if one is refused, the ones before it are undone
    /// and the tenant is exactly as it was. Costs no copy of the tenant.
    pub fn apply_all(&mut self, changes: &[Change]) -> Result<(), StoreError> {
        self.apply_logged(changes).map(drop)
    }

    /// `apply_all`, returning what undoes it (for a caller that may still fail afterwards, such
    /// as a journal write).
    pub(crate) fn apply_logged(&mut self, changes: &[Change]) -> Result<UndoLog, StoreError> {
        let mut log = UndoLog(Vec::with_capacity(changes.len()));
        for change in changes {
            let undo = self.undo_for(change);
            if let Err(e) = self.apply(change) {
                self.undo(log);
                return Err(e);
            }
            log.0.push(undo);
        }
        Ok(log)
    }

    /// Puts back what an `apply_logged` changed, newest first.
    pub(crate) fn undo(&mut self, log: UndoLog) {
        for undo in log.0.into_iter().rev() {
            match undo {
                Undo::Policies(policies) => self.policies = policies,
                Undo::GroupGrants(groups) => self.assignments.groups = groups,
                Undo::TenantGrant(tenant) => self.assignments.tenant = tenant,
                Undo::Directory(before) => {
                    let DirectoryUndo {
                        users,
                        groups,
                        direct,
                        emulator,
                    } = *before;
                    self.users = users;
                    self.groups = groups;
                    self.assignments.users = direct;
                    self.restore_emulator(emulator);
                    self.reindex();
                }
                Undo::Applications(apps) => self.applications = apps,
                Undo::Emulator(emulator) => self.restore_emulator(emulator),
                Undo::Whole(tenant) => *self = *tenant,
                Undo::UserGrant { user_id, before } => {
                    let grants = &mut self.assignments.users;
                    match before {
                        None => {
                            grants.shift_remove(&user_id);
                        }
                        Some((index, name)) => match grants.get_index_of(&user_id) {
                            Some(now) => {
                                grants[now] = name;
                                grants.move_index(now, index.min(grants.len() - 1));
                            }
                            None => {
                                grants.shift_insert(index.min(grants.len()), user_id, name);
                            }
                        },
                    }
                }
            }
        }
    }

    /// What puts back the part of the tenant `change` may touch (small parts are copied; a
    /// direct grant remembers only that user's entry).
    fn undo_for(&self, change: &Change) -> Undo {
        match change {
            Change::NewPolicy { .. } | Change::SetPolicy { .. } | Change::RemovePolicy { .. } => {
                Undo::Policies(self.policies.clone())
            }
            Change::GrantGroup { .. } => Undo::GroupGrants(self.assignments.groups.clone()),
            Change::GrantTenant { .. } => Undo::TenantGrant(self.assignments.tenant.clone()),
            Change::NewUser { .. }
            | Change::RemoveUser { .. }
            | Change::NewGroup { .. }
            | Change::AddGroupMember { .. }
            | Change::RemoveGroupMember { .. } => Undo::Directory(Box::new(DirectoryUndo {
                users: self.users.clone(),
                groups: self.groups.clone(),
                direct: self.assignments.users.clone(),
                emulator: self.extra.get(super::emulator::EMULATOR_KEY).cloned(),
            })),
            Change::NewApplication { .. } | Change::SetAppPermissions { .. } => {
                Undo::Applications(self.applications.clone())
            }
            Change::StampGroupAssignment { .. } | Change::NormalizeGroupRanks => {
                Undo::GroupGrants(self.assignments.groups.clone())
            }
            Change::RecordAccessChange { .. }
            | Change::SetPropagationDelay { .. }
            | Change::SetGraphErrorStyle { .. }
            | Change::AddOnlineMeeting { .. }
            | Change::RemoveOnlineMeeting { .. }
            | Change::AddBatchOperation { .. } => {
                Undo::Emulator(self.extra.get(super::emulator::EMULATOR_KEY).cloned())
            }
            Change::ReplaceState { .. } => Undo::Whole(Box::new(self.clone())),
            Change::GrantUser { user_id, .. } => {
                let user_id = self
                    .user_by_id(user_id)
                    .map_or_else(|| user_id.clone(), |u| u.object_id.clone());
                let before = self
                    .assignments
                    .users
                    .get_full(&user_id)
                    .map(|(i, _, name)| (i, name.clone()));
                Undo::UserGrant { user_id, before }
            }
        }
    }

    fn new_policy(
        &mut self,
        name: &str,
        app_ids: &[String],
        description: &str,
    ) -> Result<(), StoreError> {
        let name = bare_policy_name(name);
        if name.trim().is_empty() {
            return Err(StoreError::conflict("A policy name must not be empty."));
        }
        if let Some(existing) = self.find_policy(name) {
            return Err(StoreError::conflict(format!(
                "A policy named \"{}\" already exists ({}).",
                name, existing.identity
            )));
        }
        self.policies.push(Policy {
            identity: policy_identity(name),
            app_ids: app_ids.to_vec(),
            description: description.to_string(),
            extra: ExtraKeys::new(),
        });
        Ok(())
    }

    fn remove_policy(&mut self, identity: &str) -> Result<(), StoreError> {
        let index = self.policy_index(identity)?;
        let policy = &mut self.policies[index];
        if policy.is_global() {
            policy.app_ids.clear();
            policy.description.clear();
            return Ok(());
        }
        let refs = self.policy_references(identity);
        if !refs.is_empty() {
            let list = refs
                .iter()
                .map(|r| match r {
                    PolicyReference::User(id) => format!("user {id}"),
                    PolicyReference::Group(id) => format!("group {id}"),
                    PolicyReference::Tenant => "the tenant (-Global)".to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            return Err(StoreError::conflict(format!(
                "The policy \"{}\" is still assigned to {list}; remove those assignments first.",
                self.policies[index].identity
            )));
        }
        self.policies.remove(index);
        Ok(())
    }

    fn grant_user(&mut self, user_id: &str, policy_name: Option<&str>) -> Result<(), StoreError> {
        let user_id = self
            .user_by_id(user_id)
            .map(|u| u.object_id.clone())
            .ok_or_else(|| StoreError::conflict(format!("No user has objectId \"{user_id}\".")))?;
        let existing = self.user_grant_index(&user_id);
        match policy_name {
            Some(name) => {
                let name = self.canonical_policy_name(name)?;
                match existing {
                    Some(i) => {
                        if let Some((_, value)) = self.assignments.users.get_index_mut(i) {
                            *value = name;
                        }
                    }
                    None => {
                        self.assignments.users.insert(user_id, name);
                    }
                }
            }
            None => {
                if let Some(i) = existing {
                    self.assignments.users.shift_remove_index(i);
                }
            }
        }
        Ok(())
    }

    fn grant_group(
        &mut self,
        group_id: &str,
        policy_name: Option<&str>,
        rank: Option<i64>,
    ) -> Result<(), StoreError> {
        let group_id = self
            .group_by_id(group_id)
            .map(|g| g.object_id.clone())
            .ok_or_else(|| {
                StoreError::conflict(format!("No group has objectId \"{group_id}\"."))
            })?;
        let Some(name) = policy_name else {
            self.assignments
                .groups
                .retain(|g| !same_id(&g.group_id, &group_id));
            return Ok(());
        };
        let name = self.canonical_policy_name(name)?;
        if let Some(rank) = rank
            && rank < 1
        {
            return Err(StoreError::conflict(format!(
                "The rank must be 1 or above, not {rank}."
            )));
        }
        // A re-grant replaces the group's old assignment (and frees its rank) first.
        let mut groups: Vec<GroupAssignment> = self
            .assignments
            .groups
            .iter()
            .filter(|g| !same_id(&g.group_id, &group_id))
            .cloned()
            .collect();
        let extra = self
            .group_assignment(&group_id)
            .map(|g| g.extra.clone())
            .unwrap_or_default();
        let next_free = groups
            .iter()
            .map(|g| g.rank)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        let rank = rank.unwrap_or(next_free);
        if groups.iter().any(|g| g.rank == rank) {
            for g in groups.iter_mut().filter(|g| g.rank >= rank) {
                g.rank = g.rank.saturating_add(1);
            }
        }
        groups.push(GroupAssignment {
            group_id,
            policy_name: name,
            rank,
            extra,
        });
        groups.sort_by_key(|g| g.rank);
        self.assignments.groups = groups;
        Ok(())
    }

    fn policy_index(&self, identity: &str) -> Result<usize, StoreError> {
        let name = bare_policy_name(identity);
        self.policies
            .iter()
            .position(|p| same_name(p.name(), name))
            .ok_or_else(|| StoreError::conflict(format!("No policy is named \"{identity}\".")))
    }

    fn policy_mut(&mut self, identity: &str) -> Result<&mut Policy, StoreError> {
        let index = self.policy_index(identity)?;
        Ok(&mut self.policies[index])
    }

    /// The bare name as the policy spells it, for writing into an assignment.
    fn canonical_policy_name(&self, name: &str) -> Result<String, StoreError> {
        let index = self.policy_index(name)?;
        Ok(self.policies[index].name().to_string())
    }
}

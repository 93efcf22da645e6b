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
    Assignments, ExtraKeys, GroupAssignment, Policy, TeamsPolicy, Tenant, bare_policy_name,
    policy_identity, same_id, same_name,
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
    /// A catalog policy type's instances as before.
    FamilyPolicies(String, Vec<TeamsPolicy>),
    /// A catalog policy type's group grants as before.
    FamilyGroupGrants(String, Vec<GroupAssignment>),
    /// A catalog policy type's tenant-wide grant as before.
    FamilyTenantGrant(String, Option<String>),
    /// One user's direct grant of a catalog policy type as before.
    FamilyUserGrant {
        policy_type: String,
        user_id: String,
        before: Option<(usize, String)>,
    },
    /// The configurations as before.
    Configurations(ExtraKeys),
    /// The `exchange` section as before (`None`: it was absent).
    Exchange(Option<serde_json::Value>),
}

#[derive(Debug)]
struct DirectoryUndo {
    users: Vec<super::model::User>,
    groups: Vec<super::model::Group>,
    direct: indexmap::IndexMap<String, String>,
    /// Each catalog policy type's direct grants.
    family_direct: Vec<indexmap::IndexMap<String, String>>,
    emulator: Option<serde_json::Value>,
    exchange: Option<serde_json::Value>,
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
    /// Changes an app registration: a new display name, and these project keys set (a `null`
    /// value removes the key). Update-MgApplication, New-MgServicePrincipal, the OAuth2
    /// permission grant cmdlets.
    UpdateApplication {
        app_id: String,
        display_name: Option<String>,
        properties: ExtraKeys,
    },
    /// Removes an app registration (with its permissions, service principal and grants).
    RemoveApplication {
        app_id: String,
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

    // The catalog's policy types (`store::catalog`): `policy_type` names one, as the catalog
    // spells it. Settings are file keys (`allowCloudRecording`) with values of their kind.
    /// A new `Tag:` instance with these settings (the others keep their defaults).
    NewTeamsPolicy {
        policy_type: String,
        name: String,
        settings: ExtraKeys,
    },
    /// Replaces these settings of an instance (`Global` included).
    SetTeamsPolicy {
        policy_type: String,
        identity: String,
        settings: ExtraKeys,
    },
    /// Removing `Global` resets it (every setting back to its default) instead; an instance
    /// still granted is refused.
    RemoveTeamsPolicy {
        policy_type: String,
        identity: String,
    },
    /// `policy_name: None` unassigns.
    GrantTeamsUser {
        policy_type: String,
        user_id: String,
        policy_name: Option<String>,
    },
    /// As `GrantGroup`, for a catalog policy type (ranks are per type).
    GrantTeamsGroup {
        policy_type: String,
        group_id: String,
        policy_name: Option<String>,
        rank: Option<i64>,
    },
    GrantTeamsTenant {
        policy_type: String,
        policy_name: Option<String>,
    },
    StampTeamsGroupAssignment {
        policy_type: String,
        group_id: String,
        created_time: String,
        created_by: String,
    },
    NormalizeTeamsGroupRanks {
        policy_type: String,
    },
    /// Replaces these settings of a configuration (file keys).
    SetConfiguration {
        name: String,
        settings: ExtraKeys,
    },

    /// Replaces the whole tenant with a store document (`Reset-EmuState`,
    /// `Restore-EmuSnapshot`). The document gets every check a store file gets; the Graph side
    /// sees the new state at once (its own `emulator` section comes with it).
    ReplaceState {
        document: serde_json::Value,
    },

    /// A change to the Exchange Online side (the `exchange` section), see `exchange`.
    Exchange(super::exchange::ExchangeChange),
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
            Change::RemoveUser { user_id } => {
                self.remove_user(user_id)?;
                self.forget_mailbox_user(user_id)
            }
            Change::Exchange(change) => self.apply_exchange(change),
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
            Change::UpdateApplication {
                app_id,
                display_name,
                properties,
            } => self.update_application(app_id, display_name.as_deref(), properties),
            Change::RemoveApplication { app_id } => self.remove_application(app_id),
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
            Change::NewTeamsPolicy {
                policy_type,
                name,
                settings,
            } => {
                let name = bare_policy_name(name).to_string();
                if name.trim().is_empty() {
                    return Err(StoreError::conflict("A policy name must not be empty."));
                }
                let family = self.family_mut(policy_type)?;
                if let Some(existing) = family.find(&name) {
                    return Err(StoreError::conflict(format!(
                        "A policy named \"{name}\" already exists ({}).",
                        existing.identity
                    )));
                }
                family
                    .policies
                    .push(TeamsPolicy::new(policy_identity(&name), settings.clone()));
                Ok(())
            }
            Change::SetTeamsPolicy {
                policy_type,
                identity,
                settings,
            } => {
                let policy = teams_policy_mut(self, policy_type, identity)?;
                for (key, value) in settings {
                    policy.settings.insert(key.clone(), value.clone());
                }
                Ok(())
            }
            Change::RemoveTeamsPolicy {
                policy_type,
                identity,
            } => self.remove_teams_policy(policy_type, identity),
            Change::GrantTeamsUser {
                policy_type,
                user_id,
                policy_name,
            } => {
                let user_id = self
                    .user_by_id(user_id)
                    .map(|u| u.object_id.clone())
                    .ok_or_else(|| {
                        StoreError::conflict(format!("No user has objectId \"{user_id}\"."))
                    })?;
                let name = self.canonical_teams_name(policy_type, policy_name.as_deref())?;
                grant_user_in(
                    &mut self.family_mut(policy_type)?.assignments,
                    user_id,
                    name,
                );
                Ok(())
            }
            Change::GrantTeamsGroup {
                policy_type,
                group_id,
                policy_name,
                rank,
            } => {
                let group_id = self
                    .group_by_id(group_id)
                    .map(|g| g.object_id.clone())
                    .ok_or_else(|| {
                        StoreError::conflict(format!("No group has objectId \"{group_id}\"."))
                    })?;
                let name = self.canonical_teams_name(policy_type, policy_name.as_deref())?;
                grant_group_in(
                    &mut self.family_mut(policy_type)?.assignments,
                    group_id,
                    name,
                    *rank,
                )
            }
            Change::GrantTeamsTenant {
                policy_type,
                policy_name,
            } => {
                let name = self.canonical_teams_name(policy_type, policy_name.as_deref())?;
                self.family_mut(policy_type)?.assignments.tenant = name;
                Ok(())
            }
            Change::StampTeamsGroupAssignment {
                policy_type,
                group_id,
                created_time,
                created_by,
            } => stamp_in(
                &mut self.family_mut(policy_type)?.assignments,
                group_id,
                created_time,
                created_by,
            ),
            Change::NormalizeTeamsGroupRanks { policy_type } => {
                normalize_ranks(&mut self.family_mut(policy_type)?.assignments.groups);
                Ok(())
            }
            Change::SetConfiguration { name, settings } => {
                let Some((_, value)) = self
                    .configurations
                    .iter_mut()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                else {
                    return Err(StoreError::conflict(format!(
                        "The configuration \"{name}\" is not one this store knows."
                    )));
                };
                if !value.is_object() {
                    *value = serde_json::Value::Object(Default::default());
                }
                if let Some(map) = value.as_object_mut() {
                    for (key, v) in settings {
                        map.insert(key.clone(), v.clone());
                    }
                }
                Ok(())
            }
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
                Undo::FamilyPolicies(ty, policies) => {
                    if let Ok(f) = self.family_mut(&ty) {
                        f.policies = policies;
                    }
                }
                Undo::FamilyGroupGrants(ty, groups) => {
                    if let Ok(f) = self.family_mut(&ty) {
                        f.assignments.groups = groups;
                    }
                }
                Undo::FamilyTenantGrant(ty, tenant) => {
                    if let Ok(f) = self.family_mut(&ty) {
                        f.assignments.tenant = tenant;
                    }
                }
                Undo::FamilyUserGrant {
                    policy_type,
                    user_id,
                    before,
                } => {
                    if let Ok(f) = self.family_mut(&policy_type) {
                        restore_user_grant(&mut f.assignments.users, user_id, before);
                    }
                }
                Undo::Configurations(configurations) => self.configurations = configurations,
                Undo::Directory(before) => {
                    let DirectoryUndo {
                        users,
                        groups,
                        direct,
                        family_direct,
                        emulator,
                        exchange,
                    } = *before;
                    self.users = users;
                    self.groups = groups;
                    self.assignments.users = direct;
                    for (family, grants) in self.families.values_mut().zip(family_direct) {
                        family.assignments.users = grants;
                    }
                    self.restore_emulator(emulator);
                    self.restore_exchange(exchange);
                    self.reindex();
                }
                Undo::Applications(apps) => self.applications = apps,
                Undo::Emulator(emulator) => self.restore_emulator(emulator),
                Undo::Exchange(exchange) => self.restore_exchange(exchange),
                Undo::Whole(tenant) => *self = *tenant,
                Undo::UserGrant { user_id, before } => {
                    restore_user_grant(&mut self.assignments.users, user_id, before);
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
                family_direct: self
                    .families
                    .values()
                    .map(|f| f.assignments.users.clone())
                    .collect(),
                emulator: self.extra.get(super::emulator::EMULATOR_KEY).cloned(),
                exchange: self.extra.get(super::exchange::EXCHANGE_KEY).cloned(),
            })),
            Change::NewApplication { .. }
            | Change::SetAppPermissions { .. }
            | Change::UpdateApplication { .. }
            | Change::RemoveApplication { .. } => Undo::Applications(self.applications.clone()),
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
            Change::Exchange(_) => {
                Undo::Exchange(self.extra.get(super::exchange::EXCHANGE_KEY).cloned())
            }
            Change::NewTeamsPolicy { policy_type, .. }
            | Change::SetTeamsPolicy { policy_type, .. }
            | Change::RemoveTeamsPolicy { policy_type, .. } => Undo::FamilyPolicies(
                policy_type.clone(),
                self.family(policy_type)
                    .map(|f| f.policies.clone())
                    .unwrap_or_default(),
            ),
            Change::GrantTeamsGroup { policy_type, .. }
            | Change::StampTeamsGroupAssignment { policy_type, .. }
            | Change::NormalizeTeamsGroupRanks { policy_type } => Undo::FamilyGroupGrants(
                policy_type.clone(),
                self.family(policy_type)
                    .map(|f| f.assignments.groups.clone())
                    .unwrap_or_default(),
            ),
            Change::GrantTeamsTenant { policy_type, .. } => Undo::FamilyTenantGrant(
                policy_type.clone(),
                self.family(policy_type)
                    .and_then(|f| f.assignments.tenant.clone()),
            ),
            Change::GrantTeamsUser {
                policy_type,
                user_id,
                ..
            } => {
                let user_id = self
                    .user_by_id(user_id)
                    .map_or_else(|| user_id.clone(), |u| u.object_id.clone());
                let before = self.family(policy_type).and_then(|f| {
                    f.assignments
                        .users
                        .get_full(&user_id)
                        .map(|(i, _, name)| (i, name.clone()))
                });
                Undo::FamilyUserGrant {
                    policy_type: policy_type.clone(),
                    user_id,
                    before,
                }
            }
            Change::SetConfiguration { .. } => Undo::Configurations(self.configurations.clone()),
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
        let name = match policy_name {
            Some(name) => Some(self.canonical_policy_name(name)?),
            None => None,
        };
        grant_user_in(&mut self.assignments, user_id, name);
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
        let name = match policy_name {
            Some(name) => Some(self.canonical_policy_name(name)?),
            None => None,
        };
        grant_group_in(&mut self.assignments, group_id, name, rank)
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

/// Puts one user's direct grant back where it was (`before`: its position and policy name).
fn restore_user_grant(
    grants: &mut indexmap::IndexMap<String, String>,
    user_id: String,
    before: Option<(usize, String)>,
) {
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

/// A direct grant (the user id and policy name already canonical); `None` unassigns.
fn grant_user_in(grants: &mut Assignments, user_id: String, policy_name: Option<String>) {
    match policy_name {
        Some(name) => match grants.users.get_index_of(&user_id) {
            Some(i) => {
                if let Some((_, value)) = grants.users.get_index_mut(i) {
                    *value = name;
                }
            }
            None => {
                grants.users.insert(user_id, name);
            }
        },
        None => {
            grants.users.shift_remove(&user_id);
        }
    }
}

/// A group grant (ids and names canonical), with the rank rules of `GrantGroup`.
fn grant_group_in(
    grants: &mut Assignments,
    group_id: String,
    policy_name: Option<String>,
    rank: Option<i64>,
) -> Result<(), StoreError> {
    let Some(name) = policy_name else {
        grants.groups.retain(|g| !same_id(&g.group_id, &group_id));
        return Ok(());
    };
    if let Some(rank) = rank
        && rank < 1
    {
        return Err(StoreError::conflict(format!(
            "The rank must be 1 or above, not {rank}."
        )));
    }
    // A re-grant replaces the group's old assignment (and frees its rank) first.
    let extra = grants
        .groups
        .iter()
        .find(|g| same_id(&g.group_id, &group_id))
        .map(|g| g.extra.clone())
        .unwrap_or_default();
    let mut groups: Vec<GroupAssignment> = grants
        .groups
        .iter()
        .filter(|g| !same_id(&g.group_id, &group_id))
        .cloned()
        .collect();
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
    grants.groups = groups;
    Ok(())
}

/// When and by whom a group's grant was made.
fn stamp_in(
    grants: &mut Assignments,
    group_id: &str,
    created_time: &str,
    created_by: &str,
) -> Result<(), StoreError> {
    let grant = grants
        .groups
        .iter_mut()
        .find(|g| same_id(&g.group_id, group_id))
        .ok_or_else(|| {
            StoreError::conflict(format!(
                "The group \"{group_id}\" has no policy assignment."
            ))
        })?;
    grant.extra.insert(
        super::directory::keys::CREATED_TIME.to_string(),
        serde_json::Value::from(created_time),
    );
    grant.extra.insert(
        super::directory::keys::CREATED_BY.to_string(),
        serde_json::Value::from(created_by),
    );
    Ok(())
}

/// Ranks 1, 2, 3... in rank order (a stable sort: the earlier entry wins a tie).
pub(crate) fn normalize_ranks(groups: &mut [GroupAssignment]) {
    groups.sort_by_key(|g| g.rank);
    for (i, g) in groups.iter_mut().enumerate() {
        g.rank = i64::try_from(i).unwrap_or(i64::MAX - 1) + 1;
    }
}

/// An instance of a catalog policy type, to change.
fn teams_policy_mut<'t>(
    tenant: &'t mut Tenant,
    policy_type: &str,
    identity: &str,
) -> Result<&'t mut TeamsPolicy, StoreError> {
    let name = bare_policy_name(identity).to_string();
    tenant
        .family_mut(policy_type)?
        .policies
        .iter_mut()
        .find(|p| same_name(p.name(), &name))
        .ok_or_else(|| StoreError::conflict(format!("No {policy_type} is named \"{identity}\".")))
}

impl Tenant {
    /// The bare name as the instance spells it (`None` stays `None`: an unassignment).
    fn canonical_teams_name(
        &self,
        policy_type: &str,
        name: Option<&str>,
    ) -> Result<Option<String>, StoreError> {
        let Some(name) = name else {
            return Ok(None);
        };
        let family = self.family(policy_type).ok_or_else(|| {
            StoreError::conflict(format!(
                "The policy type \"{policy_type}\" is not one this store knows."
            ))
        })?;
        family
            .find(name)
            .map(|p| Some(p.name().to_string()))
            .ok_or_else(|| StoreError::conflict(format!("No {policy_type} is named \"{name}\".")))
    }

    /// Every grant of a catalog policy type that names this instance.
    pub fn teams_policy_references(
        &self,
        policy_type: &str,
        identity: &str,
    ) -> Vec<PolicyReference> {
        let name = bare_policy_name(identity);
        let Some(grants) = self.family(policy_type).map(|f| &f.assignments) else {
            return Vec::new();
        };
        let mut refs: Vec<PolicyReference> = grants
            .users
            .iter()
            .filter(|(_, policy)| same_name(policy, name))
            .map(|(user, _)| PolicyReference::User(user.clone()))
            .collect();
        refs.extend(
            grants
                .groups
                .iter()
                .filter(|g| same_name(&g.policy_name, name))
                .map(|g| PolicyReference::Group(g.group_id.clone())),
        );
        if grants.tenant.as_deref().is_some_and(|t| same_name(t, name)) {
            refs.push(PolicyReference::Tenant);
        }
        refs
    }

    fn remove_teams_policy(&mut self, policy_type: &str, identity: &str) -> Result<(), StoreError> {
        let refs = self.teams_policy_references(policy_type, identity);
        let policy = teams_policy_mut(self, policy_type, identity)?;
        if policy.is_global() {
            policy.settings.clear();
            return Ok(());
        }
        if !refs.is_empty() {
            return Err(StoreError::conflict(format!(
                "The policy \"{}\" is still assigned; remove those assignments first.",
                policy.identity
            )));
        }
        let name = policy.name().to_string();
        self.family_mut(policy_type)?
            .policies
            .retain(|p| !same_name(p.name(), &name));
        Ok(())
    }
}

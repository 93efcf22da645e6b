//! The Exchange Online side of the tenant: the `exchange` section of a store file (schema 3).
//!
//! Owns the serde shape of that section (mailboxes, Exchange application access policies,
//! Exchange service principals, management scopes and RBAC-for-Applications role
//! assignments, the mailbox-side propagation delay and its pending changes), reading it from and
//! writing it into `Tenant::extra`, its checks (every reference resolves), the changes that edit
//! it (`ExchangeChange`), and the application access policy verdict, which is a pure function
//! of the tenant (the five rules New-ApplicationAccessPolicy documents). Mail-enabled security
//! groups are the directory's `groups` with `mailEnabled` and `securityEnabled` set, so one group
//! serves Graph, Teams and Exchange alike.
//!
//! It must not evaluate recipient filters (management scopes are decided above the store, where
//! the filter language lives), print, or touch files.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::StoreError;
use super::model::{ExtraKeys, Group, Tenant, User, same_id, same_name};

/// The top-level key of the section.
pub const EXCHANGE_KEY: &str = "exchange";

/// Space the application access policies of one organization may use (chosen model of the
/// documented limit): each policy costs `POLICY_BASE_COST` plus its description's length, so
/// about 300 policies fit with a one-space description and about 100 with long ones.
pub const POLICY_SPACE: usize = 30_300;
pub const POLICY_BASE_COST: usize = 100;

/// Pending mailbox-side changes kept at most; older ones count as arrived.
pub const MAX_PENDING_MAILBOX_CHANGES: usize = 64;

/// The `exchange` object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExchangeState {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mailboxes: Vec<Mailbox>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub application_access_policies: Vec<MailboxPolicy>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_principals: Vec<ServicePrincipal>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub management_scopes: Vec<ManagementScope>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_assignments: Vec<RoleAssignment>,
    /// How long a policy or role assignment change takes to reach Microsoft Graph.
    #[serde(skip_serializing_if = "is_zero")]
    pub propagation_delay_seconds: u64,
    /// Mailbox-access changes not yet visible to Graph, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_changes: Vec<PendingMailboxChange>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A mailbox: it belongs to a user (`userId`); the other keys default from that user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mailbox {
    pub user_id: String,
    /// Default: the user's alias (mailNickname, or the UPN before the `@`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Default: the user's UPN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_smtp_address: Option<String>,
    /// `UserMailbox` (default), `SharedMailbox`, `RoomMailbox` or `EquipmentMailbox`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type_details: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

/// The recipient types a mailbox may have.
pub const MAILBOX_TYPES: &[&str] = &[
    "UserMailbox",
    "SharedMailbox",
    "RoomMailbox",
    "EquipmentMailbox",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessRight {
    RestrictAccess,
    DenyAccess,
}

impl AccessRight {
    pub fn name(self) -> &'static str {
        match self {
            AccessRight::RestrictAccess => "RestrictAccess",
            AccessRight::DenyAccess => "DenyAccess",
        }
    }
}

/// One Exchange application access policy: one app and one scope (New- with several AppIds
/// makes one policy per app, as the service does).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailboxPolicy {
    pub app_id: String,
    /// The object id of the scope: a mail-enabled security group or a mailbox's user.
    pub scope_id: String,
    pub access_right: AccessRight,
    #[serde(default)]
    pub description: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

/// An Exchange service principal (`New-ServicePrincipal`): the pointer RBAC for Applications
/// assigns roles to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServicePrincipal {
    pub app_id: String,
    /// The object id of the app's enterprise application (service principal) in Entra ID.
    pub object_id: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagementScope {
    pub name: String,
    /// OPATH recipient filter text (`Department -eq 'Sales'`).
    pub recipient_restriction_filter: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

/// A role assigned to an app (`New-ManagementRoleAssignment -App`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignment {
    pub name: String,
    pub role: String,
    /// The Exchange service principal's object id.
    pub service_principal_id: String,
    /// A management scope's name; `None`: the whole organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_resource_scope: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

/// The parts of the section that decide mailbox access, as they were before a change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MailboxAccessState {
    pub application_access_policies: Vec<MailboxPolicy>,
    pub service_principals: Vec<ServicePrincipal>,
    pub management_scopes: Vec<ManagementScope>,
    pub role_assignments: Vec<RoleAssignment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingMailboxChange {
    /// RFC 3339, session clock.
    pub at: String,
    pub command: String,
    /// What Graph still sees until the change arrives.
    pub before: MailboxAccessState,
}

/// The changes to the section (journaled inside `Change::Exchange`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ExchangeChange {
    NewMailboxPolicies {
        policies: Vec<MailboxPolicy>,
    },
    SetMailboxPolicy {
        app_id: String,
        scope_id: String,
        description: String,
    },
    RemoveMailboxPolicy {
        app_id: String,
        scope_id: String,
    },
    NewServicePrincipal {
        principal: ServicePrincipal,
    },
    RemoveServicePrincipal {
        object_id: String,
    },
    NewManagementScope {
        scope: ManagementScope,
    },
    RemoveManagementScope {
        name: String,
    },
    NewRoleAssignment {
        assignment: RoleAssignment,
    },
    RemoveRoleAssignment {
        name: String,
    },
    /// Remembers what Graph sees until the changes that follow arrive.
    RecordPending {
        at: String,
        command: String,
    },
    SetPropagationDelay {
        seconds: u64,
    },
}

impl ExchangeState {
    pub fn is_empty(&self) -> bool {
        *self == ExchangeState::default()
    }

    pub fn delay(&self) -> time::Duration {
        time::Duration::seconds(
            i64::try_from(
                self.propagation_delay_seconds
                    .min(super::emulator::MAX_PROPAGATION_DELAY_SECONDS),
            )
            .unwrap_or(0),
        )
    }

    /// The parts that decide access, now.
    pub fn access_state(&self) -> MailboxAccessState {
        MailboxAccessState {
            application_access_policies: self.application_access_policies.clone(),
            service_principals: self.service_principals.clone(),
            management_scopes: self.management_scopes.clone(),
            role_assignments: self.role_assignments.clone(),
        }
    }

    /// What Microsoft Graph sees at `now`: the state before the oldest change that has not
    /// arrived yet (every older one has), else the current state.
    pub fn graph_state(&self, now: time::OffsetDateTime) -> MailboxAccessState {
        let delay = self.delay();
        self.pending_changes
            .iter()
            .find(|p| super::emulator::parse_time(&p.at).is_some_and(|at| at + delay > now))
            .map(|p| p.before.clone())
            .unwrap_or_else(|| self.access_state())
    }

    /// When the access Graph sees next changes (the oldest pending change's arrival), if any.
    pub fn next_arrival(&self, now: time::OffsetDateTime) -> Option<time::OffsetDateTime> {
        let delay = self.delay();
        self.pending_changes
            .iter()
            .filter_map(|p| super::emulator::parse_time(&p.at).map(|at| at + delay))
            .find(|t| *t > now)
    }

    pub fn mailbox_of(&self, user_id: &str) -> Option<&Mailbox> {
        self.mailboxes.iter().find(|m| same_id(&m.user_id, user_id))
    }

    pub fn service_principal(&self, object_id: &str) -> Option<&ServicePrincipal> {
        self.service_principals
            .iter()
            .find(|s| same_id(&s.object_id, object_id))
    }

    /// The space the policies use (see `POLICY_SPACE`).
    pub fn policy_space(policies: &[MailboxPolicy]) -> usize {
        policies
            .iter()
            .map(|p| POLICY_BASE_COST + p.description.len())
            .sum()
    }
}

impl Mailbox {
    pub fn new(user_id: impl Into<String>) -> Mailbox {
        Mailbox {
            user_id: user_id.into(),
            alias: None,
            primary_smtp_address: None,
            recipient_type_details: None,
            extra: ExtraKeys::new(),
        }
    }

    pub fn alias<'a>(&'a self, user: &'a User) -> &'a str {
        self.alias.as_deref().unwrap_or_else(|| user.alias())
    }

    pub fn primary_smtp_address<'a>(&'a self, user: &'a User) -> &'a str {
        self.primary_smtp_address
            .as_deref()
            .unwrap_or(&user.user_principal_name)
    }

    pub fn type_details(&self) -> &str {
        self.recipient_type_details
            .as_deref()
            .unwrap_or("UserMailbox")
    }

    /// The mailbox's own GUID (ExchangeGuid/Guid): derived from the user's object id so it is
    /// stable without being stored.
    pub fn guid(&self) -> String {
        derived_guid(&self.user_id, 0x5a)
    }
}

/// A GUID derived from another one (bytes XOR `salt`), keeping the version nibble valid.
pub fn derived_guid(id: &str, salt: u8) -> String {
    match uuid::Uuid::try_parse(id.trim()) {
        Ok(u) => {
            let mut b = *u.as_bytes();
            for (i, x) in b.iter_mut().enumerate() {
                if i != 6 && i != 8 {
                    *x ^= salt.rotate_left(i as u32 % 8);
                }
            }
            uuid::Uuid::from_bytes(b).hyphenated().to_string()
        }
        Err(_) => id.to_string(),
    }
}

/// A Windows security identifier for a directory object, as Exchange shows them
/// (`S-1-5-21-a-b-c-rid`): the domain part from the tenant id, the RID from the object id.
pub fn security_id(tenant_id: &str, object_id: &str) -> String {
    let words = |id: &str| -> [u32; 4] {
        let bytes = uuid::Uuid::try_parse(id.trim())
            .map(|u| *u.as_bytes())
            .unwrap_or([7; 16]);
        let w = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        [w(0), w(4), w(8), w(12)]
    };
    let t = words(tenant_id);
    let o = words(object_id);
    format!(
        "S-1-5-21-{}-{}-{}-{}",
        t[0] % 4_000_000_000,
        t[1] % 4_000_000_000,
        t[2] % 4_000_000_000,
        o[0] % 100_000_000
    )
}

/// Whether a group is a mail-enabled security group (`mailEnabled` and `securityEnabled`).
pub fn is_mail_enabled_security(g: &Group) -> bool {
    is_mail_enabled(g) && flag(g, "securityEnabled")
}

/// Whether a group is a mail-enabled distribution or security group (Microsoft 365 groups,
/// `groupTypes` with `Unified`, are group mailboxes instead and are not counted).
pub fn is_mail_enabled(g: &Group) -> bool {
    let unified = g
        .extra
        .get("groupTypes")
        .and_then(Value::as_array)
        .is_some_and(|types| {
            types.iter().any(|t| {
                t.as_str()
                    .is_some_and(|t| t.eq_ignore_ascii_case("Unified"))
            })
        });
    flag(g, "mailEnabled") && !unified
}

fn flag(g: &Group, key: &str) -> bool {
    g.extra.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// The verdict of the Exchange application access policies for an app and a mailbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyVerdict {
    /// No policy names the app: the policies do not restrict it (rule 5).
    NoPolicy,
    /// A RestrictAccess policy for the app includes the mailbox (rule 3).
    Restricted { scope_id: String },
    /// A DenyAccess policy for the app includes the mailbox (rules 1, 2).
    Denied { scope_id: String },
    /// The app has RestrictAccess policies and the mailbox is in none of them (rule 4).
    OutsideRestriction { scope_ids: Vec<String> },
    /// The app has only DenyAccess policies and the mailbox is in none of them (rule 5).
    NotDenied,
}

impl PolicyVerdict {
    pub fn granted(&self) -> bool {
        matches!(
            self,
            PolicyVerdict::NoPolicy | PolicyVerdict::Restricted { .. } | PolicyVerdict::NotDenied
        )
    }
}

impl Tenant {
    /// The `exchange` section (empty when the file has none). Use `validate` first: a section
    /// that does not read is treated as empty here.
    pub fn exchange(&self) -> ExchangeState {
        self.extra
            .get(EXCHANGE_KEY)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    }

    pub(crate) fn set_exchange(&mut self, state: &ExchangeState) -> Result<(), StoreError> {
        if state.is_empty() {
            self.extra.shift_remove(EXCHANGE_KEY);
            return Ok(());
        }
        let value = serde_json::to_value(state).map_err(|e| {
            StoreError::conflict(format!("The exchange section could not be written: {e}"))
        })?;
        self.extra.insert(EXCHANGE_KEY.to_string(), value);
        Ok(())
    }

    pub(crate) fn restore_exchange(&mut self, value: Option<Value>) {
        match value {
            Some(v) => {
                self.extra.insert(EXCHANGE_KEY.to_string(), v);
            }
            None => {
                self.extra.shift_remove(EXCHANGE_KEY);
            }
        }
    }

    /// Whether a user belongs to the scope of a policy: the scope is that user, or a group the
    /// user is a member of.
    pub fn in_mailbox_scope(&self, scope_id: &str, user_id: &str) -> bool {
        same_id(scope_id, user_id)
            || self
                .group_by_id(scope_id)
                .is_some_and(|g| g.members.iter().any(|m| same_id(m, user_id)))
    }

    /// The five documented rules of New-ApplicationAccessPolicy, over `policies` (the current
    /// ones, or those Graph sees).
    pub fn mailbox_policy_verdict(
        &self,
        policies: &[MailboxPolicy],
        app_id: &str,
        user_id: &str,
    ) -> PolicyVerdict {
        let mine: Vec<&MailboxPolicy> = policies
            .iter()
            .filter(|p| same_id(&p.app_id, app_id) || p.app_id == "*")
            .collect();
        if mine.is_empty() {
            return PolicyVerdict::NoPolicy;
        }
        if let Some(p) = mine.iter().find(|p| {
            p.access_right == AccessRight::DenyAccess && self.in_mailbox_scope(&p.scope_id, user_id)
        }) {
            return PolicyVerdict::Denied {
                scope_id: p.scope_id.clone(),
            };
        }
        if let Some(p) = mine.iter().find(|p| {
            p.access_right == AccessRight::RestrictAccess
                && self.in_mailbox_scope(&p.scope_id, user_id)
        }) {
            return PolicyVerdict::Restricted {
                scope_id: p.scope_id.clone(),
            };
        }
        let restricting: Vec<String> = mine
            .iter()
            .filter(|p| p.access_right == AccessRight::RestrictAccess)
            .map(|p| p.scope_id.clone())
            .collect();
        if restricting.is_empty() {
            PolicyVerdict::NotDenied
        } else {
            PolicyVerdict::OutsideRestriction {
                scope_ids: restricting,
            }
        }
    }

    /// Applies one Exchange change (the section is read, changed and written back whole).
    pub(crate) fn apply_exchange(&mut self, change: &ExchangeChange) -> Result<(), StoreError> {
        let mut state = self.exchange();
        match change {
            ExchangeChange::NewMailboxPolicies { policies } => {
                for p in policies {
                    if self.user_by_id(&p.scope_id).is_none()
                        && self.group_by_id(&p.scope_id).is_none()
                    {
                        return Err(StoreError::conflict(format!(
                            "No user or group has objectId \"{}\".",
                            p.scope_id
                        )));
                    }
                    if state
                        .application_access_policies
                        .iter()
                        .any(|q| same_id(&q.app_id, &p.app_id) && same_id(&q.scope_id, &p.scope_id))
                    {
                        return Err(StoreError::conflict(format!(
                            "An application access policy for app {} and scope {} already exists.",
                            p.app_id, p.scope_id
                        )));
                    }
                    state.application_access_policies.push(p.clone());
                }
                if ExchangeState::policy_space(&state.application_access_policies) > POLICY_SPACE {
                    return Err(StoreError::conflict(
                        "The total size of App Access Policies exceeded the limit.",
                    ));
                }
            }
            ExchangeChange::SetMailboxPolicy {
                app_id,
                scope_id,
                description,
            } => {
                let p = state
                    .application_access_policies
                    .iter_mut()
                    .find(|q| same_id(&q.app_id, app_id) && same_id(&q.scope_id, scope_id))
                    .ok_or_else(|| {
                        StoreError::conflict(format!(
                            "No application access policy for app {app_id} and scope {scope_id}."
                        ))
                    })?;
                p.description = description.clone();
                if ExchangeState::policy_space(&state.application_access_policies) > POLICY_SPACE {
                    return Err(StoreError::conflict(
                        "The total size of App Access Policies exceeded the limit.",
                    ));
                }
            }
            ExchangeChange::RemoveMailboxPolicy { app_id, scope_id } => {
                let before = state.application_access_policies.len();
                state
                    .application_access_policies
                    .retain(|q| !(same_id(&q.app_id, app_id) && same_id(&q.scope_id, scope_id)));
                if state.application_access_policies.len() == before {
                    return Err(StoreError::conflict(format!(
                        "No application access policy for app {app_id} and scope {scope_id}."
                    )));
                }
            }
            ExchangeChange::NewServicePrincipal { principal } => {
                if state.service_principals.iter().any(|s| {
                    same_id(&s.app_id, &principal.app_id)
                        || same_id(&s.object_id, &principal.object_id)
                }) {
                    return Err(StoreError::conflict(format!(
                        "A service principal for app {} already exists.",
                        principal.app_id
                    )));
                }
                state.service_principals.push(principal.clone());
            }
            ExchangeChange::RemoveServicePrincipal { object_id } => {
                let before = state.service_principals.len();
                state
                    .service_principals
                    .retain(|s| !same_id(&s.object_id, object_id));
                if state.service_principals.len() == before {
                    return Err(StoreError::conflict(format!(
                        "No service principal has objectId \"{object_id}\"."
                    )));
                }
                // Its role assignments go with it.
                state
                    .role_assignments
                    .retain(|r| !same_id(&r.service_principal_id, object_id));
            }
            ExchangeChange::NewManagementScope { scope } => {
                if state
                    .management_scopes
                    .iter()
                    .any(|s| same_name(&s.name, &scope.name))
                {
                    return Err(StoreError::conflict(format!(
                        "A management scope named \"{}\" already exists.",
                        scope.name
                    )));
                }
                state.management_scopes.push(scope.clone());
            }
            ExchangeChange::RemoveManagementScope { name } => {
                if state.role_assignments.iter().any(|r| {
                    r.custom_resource_scope
                        .as_deref()
                        .is_some_and(|s| same_name(s, name))
                }) {
                    return Err(StoreError::conflict(format!(
                        "The management scope \"{name}\" is used by a role assignment."
                    )));
                }
                let before = state.management_scopes.len();
                state
                    .management_scopes
                    .retain(|s| !same_name(&s.name, name));
                if state.management_scopes.len() == before {
                    return Err(StoreError::conflict(format!(
                        "No management scope is named \"{name}\"."
                    )));
                }
            }
            ExchangeChange::NewRoleAssignment { assignment } => {
                if state
                    .service_principal(&assignment.service_principal_id)
                    .is_none()
                {
                    return Err(StoreError::conflict(format!(
                        "No service principal has objectId \"{}\".",
                        assignment.service_principal_id
                    )));
                }
                if let Some(scope) = &assignment.custom_resource_scope
                    && !state
                        .management_scopes
                        .iter()
                        .any(|s| same_name(&s.name, scope))
                {
                    return Err(StoreError::conflict(format!(
                        "No management scope is named \"{scope}\"."
                    )));
                }
                if state
                    .role_assignments
                    .iter()
                    .any(|r| same_name(&r.name, &assignment.name))
                {
                    return Err(StoreError::conflict(format!(
                        "A role assignment named \"{}\" already exists.",
                        assignment.name
                    )));
                }
                state.role_assignments.push(assignment.clone());
            }
            ExchangeChange::RemoveRoleAssignment { name } => {
                let before = state.role_assignments.len();
                state.role_assignments.retain(|r| !same_name(&r.name, name));
                if state.role_assignments.len() == before {
                    return Err(StoreError::conflict(format!(
                        "No role assignment is named \"{name}\"."
                    )));
                }
            }
            ExchangeChange::RecordPending { at, command } => {
                if state.propagation_delay_seconds == 0 {
                    return Ok(());
                }
                let before = state.access_state();
                state.pending_changes.push(PendingMailboxChange {
                    at: at.clone(),
                    command: command.clone(),
                    before,
                });
                let excess = state
                    .pending_changes
                    .len()
                    .saturating_sub(MAX_PENDING_MAILBOX_CHANGES);
                state.pending_changes.drain(..excess);
            }
            ExchangeChange::SetPropagationDelay { seconds } => {
                if *seconds > super::emulator::MAX_PROPAGATION_DELAY_SECONDS {
                    return Err(StoreError::conflict(
                        "The propagation delay may be at most 7 days.",
                    ));
                }
                state.propagation_delay_seconds = *seconds;
                if *seconds == 0 {
                    state.pending_changes.clear();
                }
            }
        }
        self.set_exchange(&state)
    }

    /// A removed user takes their mailbox and the policies scoped to them along.
    pub(crate) fn forget_mailbox_user(&mut self, user_id: &str) -> Result<(), StoreError> {
        if !self.extra.contains_key(EXCHANGE_KEY) {
            return Ok(());
        }
        let mut state = self.exchange();
        state.mailboxes.retain(|m| !same_id(&m.user_id, user_id));
        state
            .application_access_policies
            .retain(|p| !same_id(&p.scope_id, user_id));
        for pending in &mut state.pending_changes {
            pending
                .before
                .application_access_policies
                .retain(|p| !same_id(&p.scope_id, user_id));
        }
        self.set_exchange(&state)
    }
}

fn read_section(tenant: &Tenant, value: &Value) -> Result<ExchangeState, String> {
    let state: ExchangeState = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    if state.propagation_delay_seconds > super::emulator::MAX_PROPAGATION_DELAY_SECONDS {
        return Err(format!(
            "propagationDelaySeconds is {}, more than the limit of {} (7 days)",
            state.propagation_delay_seconds,
            super::emulator::MAX_PROPAGATION_DELAY_SECONDS
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, m) in state.mailboxes.iter().enumerate() {
        if tenant.user_by_id(&m.user_id).is_none() {
            return Err(format!(
                "mailboxes[{i}].userId \"{}\" is not a user",
                m.user_id
            ));
        }
        if !seen.insert(m.user_id.to_ascii_lowercase()) {
            return Err(format!(
                "mailboxes[{i}].userId \"{}\" has a mailbox already",
                m.user_id
            ));
        }
        if !MAILBOX_TYPES.contains(&m.type_details()) {
            return Err(format!(
                "mailboxes[{i}].recipientTypeDetails \"{}\" is not one of {}",
                m.type_details(),
                MAILBOX_TYPES.join(", ")
            ));
        }
    }
    let check_policies = |policies: &[MailboxPolicy], place: &str| -> Result<(), String> {
        for (i, p) in policies.iter().enumerate() {
            if tenant.user_by_id(&p.scope_id).is_none() && tenant.group_by_id(&p.scope_id).is_none()
            {
                return Err(format!(
                    "{place}[{i}].scopeId \"{}\" is not a user or group",
                    p.scope_id
                ));
            }
        }
        Ok(())
    };
    check_policies(
        &state.application_access_policies,
        "applicationAccessPolicies",
    )?;
    for (i, r) in state.role_assignments.iter().enumerate() {
        if state.service_principal(&r.service_principal_id).is_none() {
            return Err(format!(
                "roleAssignments[{i}].servicePrincipalId \"{}\" is not a service principal",
                r.service_principal_id
            ));
        }
        if let Some(scope) = &r.custom_resource_scope
            && !state
                .management_scopes
                .iter()
                .any(|s| same_name(&s.name, scope))
        {
            return Err(format!(
                "roleAssignments[{i}].customResourceScope \"{scope}\" is not a management scope"
            ));
        }
    }
    for (i, p) in state.pending_changes.iter().enumerate() {
        if super::emulator::parse_time(&p.at).is_none() {
            return Err(format!(
                "pendingChanges[{i}].at \"{}\" is not an RFC 3339 date-time",
                p.at
            ));
        }
        check_policies(
            &p.before.application_access_policies,
            &format!("pendingChanges[{i}].before.applicationAccessPolicies"),
        )?;
    }
    Ok(state)
}

/// Checks the section of a tenant that has one (called by `validate`).
pub(crate) fn check(tenant: &Tenant) -> Result<(), StoreError> {
    match tenant.extra.get(EXCHANGE_KEY) {
        None | Some(Value::Null) => Ok(()),
        Some(value) => {
            read_section(tenant, value)
                .map(|_| ())
                .map_err(|message| StoreError::Invalid {
                    file: None,
                    place: EXCHANGE_KEY.to_string(),
                    message,
                })
        }
    }
}

/// The demo tenant's Exchange side: a mailbox for every user.
pub(crate) fn demo_section(users: &[User]) -> Value {
    let state = ExchangeState {
        mailboxes: users.iter().map(|u| Mailbox::new(&u.object_id)).collect(),
        ..ExchangeState::default()
    };
    serde_json::to_value(state).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::demo_tenant;

    const APP: &str = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    const MEGAN: &str = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
    const ALEX: &str = "dc17674c-81d9-4adb-bfb2-8f6a442e4624";
    const HOSTS: &str = "9c4e7a21-b35d-4f08-8e6a-1d2f3c4b5a69";

    fn policy(scope: &str, right: AccessRight) -> MailboxPolicy {
        MailboxPolicy {
            app_id: APP.into(),
            scope_id: scope.into(),
            access_right: right,
            description: String::new(),
            extra: ExtraKeys::new(),
        }
    }

    #[test]
    fn the_five_documented_rules() {
        let t = demo_tenant();
        // Rule 5: no policy for the app.
        assert_eq!(
            t.mailbox_policy_verdict(&[], APP, MEGAN),
            PolicyVerdict::NoPolicy
        );
        // Rule 3 and 4: a restriction to Webinar Hosts (Megan is a member, Alex is not).
        let restrict = [policy(HOSTS, AccessRight::RestrictAccess)];
        assert!(t.mailbox_policy_verdict(&restrict, APP, MEGAN).granted());
        assert!(!t.mailbox_policy_verdict(&restrict, APP, ALEX).granted());
        // Rules 1 and 2: deny wins over restrict for the same pair.
        let both = [
            policy(HOSTS, AccessRight::RestrictAccess),
            policy(MEGAN, AccessRight::DenyAccess),
        ];
        assert!(matches!(
            t.mailbox_policy_verdict(&both, APP, MEGAN),
            PolicyVerdict::Denied { .. }
        ));
        // Only deny policies: everyone outside them is allowed.
        let deny = [policy(HOSTS, AccessRight::DenyAccess)];
        assert_eq!(
            t.mailbox_policy_verdict(&deny, APP, ALEX),
            PolicyVerdict::NotDenied
        );
        // Another app is untouched.
        assert_eq!(
            t.mailbox_policy_verdict(&restrict, "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83", ALEX),
            PolicyVerdict::NoPolicy
        );
    }

    #[test]
    fn the_space_limit_and_duplicates_are_refused() {
        let mut t = demo_tenant();
        t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
            policies: vec![policy(HOSTS, AccessRight::RestrictAccess)],
        })
        .unwrap();
        let again = t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
            policies: vec![policy(HOSTS, AccessRight::RestrictAccess)],
        });
        assert!(again.is_err());
        let mut big = policy(MEGAN, AccessRight::DenyAccess);
        big.description = "x".repeat(POLICY_SPACE);
        let before = t.clone();
        assert!(
            t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
                policies: vec![big]
            })
            .unwrap_err()
            .to_string()
            .contains("The total size of App Access Policies exceeded the limit.")
        );
        assert_eq!(t, before);
    }

    #[test]
    fn a_removed_user_takes_the_mailbox_and_its_policies() {
        let mut t = demo_tenant();
        t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
            policies: vec![policy(MEGAN, AccessRight::DenyAccess)],
        })
        .unwrap();
        t.remove_user(MEGAN).unwrap();
        t.forget_mailbox_user(MEGAN).unwrap();
        let x = t.exchange();
        assert!(x.mailbox_of(MEGAN).is_none());
        assert!(x.application_access_policies.is_empty());
        check(&t).unwrap();
    }

    #[test]
    fn dangling_references_are_reported() {
        let mut t = demo_tenant();
        t.extra.insert(
            EXCHANGE_KEY.into(),
            serde_json::json!({"mailboxes": [{"userId": "00000000-0000-4000-8000-000000000000"}]}),
        );
        let e = check(&t).unwrap_err().to_string();
        assert!(e.contains("mailboxes[0].userId"), "{e}");
    }

    #[test]
    fn graph_sees_the_state_before_a_pending_change() {
        let mut t = demo_tenant();
        t.apply_exchange(&ExchangeChange::SetPropagationDelay { seconds: 3600 })
            .unwrap();
        t.apply_exchange(&ExchangeChange::RecordPending {
            at: "2026-11-26T09:00:00Z".into(),
            command: "New-ApplicationAccessPolicy".into(),
        })
        .unwrap();
        t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
            policies: vec![policy(HOSTS, AccessRight::RestrictAccess)],
        })
        .unwrap();
        let x = t.exchange();
        let at = super::super::emulator::parse_time("2026-11-26T09:30:00Z").unwrap();
        assert!(x.graph_state(at).application_access_policies.is_empty());
        let later = super::super::emulator::parse_time("2026-11-26T10:00:01Z").unwrap();
        assert_eq!(x.graph_state(later).application_access_policies.len(), 1);
    }

    #[test]
    fn derived_ids_are_stable_and_distinct() {
        let a = derived_guid(MEGAN, 0x5a);
        assert_eq!(a, derived_guid(MEGAN, 0x5a));
        assert_ne!(a, MEGAN);
        assert!(uuid::Uuid::try_parse(&a).is_ok());
        let s = security_id("5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58", MEGAN);
        assert!(s.starts_with("S-1-5-21-"));
        assert_ne!(s, security_id("5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58", ALEX));
    }
}

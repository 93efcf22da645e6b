//! Propagation delay: policy, assignment and group-membership changes reach the Graph side only
//! `delay` after they were made (session clock). Real tenants take up to 30 minutes
//! (fidelity.md §1.8); the default here is 0.
//!
//! Design (cheap by construction): while a delay is set, every access change first records the
//! access state just before it (`PendingAccessChange`, in the store's `emulator` section). The
//! state Graph sees at time `now` is the `before` of the first recorded change made after
//! `now - delay`, or the current state when there is none. With no delay nothing is recorded and
//! the current tenant is used as is; records that have arrived are dropped whenever a new one is
//! added, and changes made within the same second share one record. App permissions are not
//! delayed (a new token carries them). It must not read the clock: callers pass times.

use std::borrow::Cow;

use time::OffsetDateTime;

use super::emulator::{
    AccessSnapshot, MAX_PENDING_CHANGES, PendingAccessChange, SnapshotGroup, SnapshotGroupGrant,
    SnapshotPolicy, format_time, parse_time,
};
use super::error::StoreError;
use super::model::{ExtraKeys, Group, GroupAssignment, Policy, Tenant, same_id};

impl Tenant {
    /// The access state (policies, groups, assignments) as it is now.
    pub fn access_snapshot(&self) -> AccessSnapshot {
        AccessSnapshot {
            policies: self
                .policies
                .iter()
                .map(|p| SnapshotPolicy {
                    identity: p.identity.clone(),
                    app_ids: p.app_ids.clone(),
                })
                .collect(),
            groups: self
                .groups
                .iter()
                .map(|g| SnapshotGroup {
                    object_id: g.object_id.clone(),
                    members: g.members.clone(),
                })
                .collect(),
            direct: self.assignments.users.clone(),
            group_grants: self
                .assignments
                .groups
                .iter()
                .map(|g| SnapshotGroupGrant {
                    group_id: g.group_id.clone(),
                    policy_name: g.policy_name.clone(),
                    rank: g.rank,
                })
                .collect(),
            tenant_grant: self.assignments.tenant.clone(),
        }
    }

    /// Records that an access change is about to be applied at `at` by `command` (no-op while
    /// the delay is 0). Arrived records are dropped first.
    pub(crate) fn record_access_change(
        &mut self,
        at: &str,
        command: &str,
    ) -> Result<(), StoreError> {
        let when = parse_time(at).ok_or_else(|| {
            StoreError::conflict(format!("\"{at}\" is not an RFC 3339 date-time."))
        })?;
        let current = self.emulator();
        if current.propagation_delay_seconds == 0 {
            // Nothing waits: the common case costs no copy of the access state.
            if current.pending_access_changes.is_empty() {
                return Ok(());
            }
            return self.update_emulator(|state| {
                state.pending_access_changes.clear();
                Ok(())
            });
        }
        let snapshot = self.access_snapshot();
        self.update_emulator(|state| {
            let delay = state.delay();
            state
                .pending_access_changes
                .retain(|c| parse_time(&c.at).is_none_or(|t| t + delay > when));
            let stamp = format_time(when);
            if state
                .pending_access_changes
                .last()
                .is_some_and(|last| last.at == stamp)
            {
                // The record of the same second already holds the state before this change.
                return Ok(());
            }
            state.pending_access_changes.push(PendingAccessChange {
                at: stamp,
                command: command.to_string(),
                before: snapshot,
            });
            let excess = state
                .pending_access_changes
                .len()
                .saturating_sub(MAX_PENDING_CHANGES);
            state.pending_access_changes.drain(..excess);
            Ok(())
        })
    }

    /// The tenant as the Graph side sees it at `now`: the current one when nothing is pending.
    pub fn graph_view(&self, now: OffsetDateTime) -> Cow<'_, Tenant> {
        let state = self.emulator();
        let seen_until = now - state.delay();
        match first_pending_after(&state.pending_access_changes, seen_until) {
            None => Cow::Borrowed(self),
            Some(i) => Cow::Owned(self.with_access(&state.pending_access_changes[i].before)),
        }
    }

    /// The tenant with its access state replaced by `snapshot` (users, apps and everything
    /// else as now).
    pub fn with_access(&self, snapshot: &AccessSnapshot) -> Tenant {
        let mut t = self.clone();
        t.policies = snapshot
            .policies
            .iter()
            .map(|p| Policy::new(p.identity.clone(), p.app_ids.clone(), String::new()))
            .collect();
        let mut groups: Vec<Group> = snapshot
            .groups
            .iter()
            .map(|g| Group {
                display_name: self
                    .groups
                    .iter()
                    .find(|c| same_id(&c.object_id, &g.object_id))
                    .map(|c| c.display_name.clone())
                    .unwrap_or_else(|| g.object_id.clone()),
                object_id: g.object_id.clone(),
                members: g.members.clone(),
                extra: ExtraKeys::new(),
            })
            .collect();
        // Groups created since had no members then.
        for g in &self.groups {
            if !groups.iter().any(|s| same_id(&s.object_id, &g.object_id)) {
                groups.push(Group {
                    members: Vec::new(),
                    ..g.clone()
                });
            }
        }
        t.groups = groups;
        t.assignments.users = snapshot.direct.clone();
        t.assignments.groups = snapshot
            .group_grants
            .iter()
            .map(|g| GroupAssignment {
                group_id: g.group_id.clone(),
                policy_name: g.policy_name.clone(),
                rank: g.rank,
                extra: ExtraKeys::new(),
            })
            .collect();
        t.assignments.tenant = snapshot.tenant_grant.clone();
        t.reindex();
        t
    }

    /// The times at which the Graph side's view changes after `now`, each with the tenant it
    /// sees from then on (the last one is the current tenant). Empty when nothing is pending.
    pub fn pending_views(&self, now: OffsetDateTime) -> Vec<(OffsetDateTime, Cow<'_, Tenant>)> {
        let state = self.emulator();
        let delay = state.delay();
        let changes = &state.pending_access_changes;
        let Some(first) = first_pending_after(changes, now - delay) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for i in first..changes.len() {
            let arrives = parse_time(&changes[i].at).map_or(now, |t| t + delay);
            let view = match changes.get(i + 1) {
                Some(next) => Cow::Owned(self.with_access(&next.before)),
                None => Cow::Borrowed(self),
            };
            out.push((arrives, view));
        }
        out
    }
}

/// The first record made after `seen_until` (records are in the order they were made).
fn first_pending_after(
    changes: &[PendingAccessChange],
    seen_until: OffsetDateTime,
) -> Option<usize> {
    changes
        .iter()
        .position(|c| parse_time(&c.at).is_none_or(|t| t > seen_until))
}

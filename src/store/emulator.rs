//! The project's own keys in a store file: the `emulator` object at the top level, which holds
//! what the real service keeps but the contract (store-format.md) does not name: the Graph
//! propagation delay and its log of access changes still on their way, the Graph error wording,
//! the online meetings apps created, and the batch policy assignment operations.
//!
//! Owns the serde shape of that object (camelCase keys; every key optional; unknown keys kept),
//! reading it from and writing it back into `Tenant::extra`, and its checks. A store without the
//! key behaves as an empty section, so files written by other tools load unchanged; an empty
//! section is never written. It must not decide access (see `access`, `propagation`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::error::StoreError;
use super::model::{ExtraKeys, Tenant};

/// The top-level key of the section.
pub const EMULATOR_KEY: &str = "emulator";

/// The longest propagation delay accepted (a week), so a typo cannot freeze a tenant for years.
pub const MAX_PROPAGATION_DELAY_SECONDS: u64 = 7 * 24 * 3600;

/// Pending access changes kept at most; older ones count as arrived (documented limit).
pub const MAX_PENDING_CHANGES: usize = 256;

/// The `emulator` object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EmulatorState {
    /// How long a policy or assignment change takes to reach the Graph side (session clock).
    #[serde(skip_serializing_if = "is_zero")]
    pub propagation_delay_seconds: u64,
    /// Which service era's wording Graph denials use.
    #[serde(skip_serializing_if = "GraphErrorStyle::is_default")]
    pub graph_error_style: GraphErrorStyle,
    /// Access changes not yet visible on the Graph side, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_access_changes: Vec<PendingAccessChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub online_meetings: Vec<OnlineMeeting>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub batch_operations: Vec<BatchOperation>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The wording of a Graph denial when no effective policy lists the app (fidelity.md §1.8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GraphErrorStyle {
    /// `Unauthorized` / `App <appId> is not authorized to <Operation> meeting on behalf of user
    /// <userId>`: the documented body until mid-2023.
    #[default]
    Legacy,
    /// `Forbidden` / `No application access policy found for this app.`: since mid-2023.
    Modern,
}

impl GraphErrorStyle {
    fn is_default(&self) -> bool {
        *self == GraphErrorStyle::Legacy
    }

    pub fn name(self) -> &'static str {
        match self {
            GraphErrorStyle::Legacy => "Legacy",
            GraphErrorStyle::Modern => "Modern",
        }
    }
}

/// One access change (policy, assignment or group membership) made while a delay was set: when
/// it was made, by which command, and the access state just before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingAccessChange {
    /// RFC 3339, session clock.
    pub at: String,
    pub command: String,
    pub before: AccessSnapshot,
}

/// Everything the Graph decision reads from the tenant apart from users and app permissions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccessSnapshot {
    pub policies: Vec<SnapshotPolicy>,
    pub groups: Vec<SnapshotGroup>,
    pub direct: indexmap::IndexMap<String, String>,
    pub group_grants: Vec<SnapshotGroupGrant>,
    pub tenant_grant: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotPolicy {
    pub identity: String,
    pub app_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotGroup {
    pub object_id: String,
    pub members: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotGroupGrant {
    pub group_id: String,
    pub policy_name: String,
    pub rank: i64,
}

/// An online meeting created through the Graph cmdlets (the Graph `onlineMeeting` resource).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnlineMeeting {
    pub id: String,
    /// The organizer's user object id.
    pub organizer_id: String,
    pub subject: String,
    /// RFC 3339.
    pub start_date_time: String,
    pub end_date_time: String,
    pub creation_date_time: String,
    pub join_web_url: String,
    pub join_meeting_id: String,
    pub passcode: String,
    pub thread_id: String,
    /// The app that created it (app-only calls), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by_app: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

/// A batch policy assignment operation (`New-CsBatchPolicyAssignmentOperation`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchOperation {
    pub operation_id: String,
    #[serde(default)]
    pub operation_name: String,
    pub policy_type: String,
    /// `None` unassigns.
    #[serde(default)]
    pub policy_name: Option<String>,
    pub overall_status: String,
    pub created_by: String,
    pub created_time: String,
    pub completed_time: String,
    pub user_state: Vec<BatchUserState>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchUserState {
    /// The identity as given.
    pub id: String,
    pub result: String,
    pub state: String,
}

impl EmulatorState {
    pub fn is_empty(&self) -> bool {
        *self == EmulatorState::default()
    }

    pub fn delay(&self) -> time::Duration {
        time::Duration::seconds(
            i64::try_from(
                self.propagation_delay_seconds
                    .min(MAX_PROPAGATION_DELAY_SECONDS),
            )
            .unwrap_or(0),
        )
    }
}

/// Parses an RFC 3339 time stored in the section.
pub fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// RFC 3339 in UTC with whole seconds (`2026-11-26T09:00:00Z`), as the section stores times.
pub fn format_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

impl Tenant {
    /// The `emulator` section (empty when the file has none). Use `validate` first: a section
    /// that does not read is treated as empty here.
    pub fn emulator(&self) -> EmulatorState {
        self.extra
            .get(EMULATOR_KEY)
            .and_then(|v| read_section(v).ok())
            .unwrap_or_default()
    }

    /// Writes the section back (removing the key when it is empty).
    pub(crate) fn set_emulator(&mut self, state: &EmulatorState) -> Result<(), StoreError> {
        if state.is_empty() {
            self.extra.shift_remove(EMULATOR_KEY);
            return Ok(());
        }
        let value = serde_json::to_value(state).map_err(|e| {
            StoreError::conflict(format!("The emulator section could not be written: {e}"))
        })?;
        self.extra.insert(EMULATOR_KEY.to_string(), value);
        Ok(())
    }

    /// Puts the section back as it was (`None`: absent).
    pub(crate) fn restore_emulator(&mut self, value: Option<Value>) {
        match value {
            Some(v) => {
                self.extra.insert(EMULATOR_KEY.to_string(), v);
            }
            None => {
                self.extra.shift_remove(EMULATOR_KEY);
            }
        }
    }

    /// Reads, changes and writes back the section.
    pub(crate) fn update_emulator(
        &mut self,
        f: impl FnOnce(&mut EmulatorState) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut state = self.emulator();
        f(&mut state)?;
        self.set_emulator(&state)
    }
}

fn read_section(value: &Value) -> Result<EmulatorState, String> {
    let state: EmulatorState = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    if state.propagation_delay_seconds > MAX_PROPAGATION_DELAY_SECONDS {
        return Err(format!(
            "propagationDelaySeconds is {}, more than the limit of {MAX_PROPAGATION_DELAY_SECONDS} (7 days)",
            state.propagation_delay_seconds
        ));
    }
    for (i, change) in state.pending_access_changes.iter().enumerate() {
        if parse_time(&change.at).is_none() {
            return Err(format!(
                "pendingAccessChanges[{i}].at \"{}\" is not an RFC 3339 date-time",
                change.at
            ));
        }
    }
    for (i, m) in state.online_meetings.iter().enumerate() {
        for (key, text) in [
            ("startDateTime", &m.start_date_time),
            ("endDateTime", &m.end_date_time),
        ] {
            if parse_time(text).is_none() {
                return Err(format!(
                    "onlineMeetings[{i}].{key} \"{text}\" is not an RFC 3339 date-time"
                ));
            }
        }
    }
    Ok(state)
}

/// Checks the section of a tenant that has one (called by `validate`).
pub(crate) fn check(tenant: &Tenant) -> Result<(), StoreError> {
    match tenant.extra.get(EMULATOR_KEY) {
        None | Some(Value::Null) => Ok(()),
        Some(value) => read_section(value)
            .map(|_| ())
            .map_err(|message| StoreError::Invalid {
                file: None,
                place: EMULATOR_KEY.to_string(),
                message,
            }),
    }
}

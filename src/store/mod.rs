//! The tenant model and its JSON file (docs/store-format.md).
//!
//! Owns everything about tenant state: the serde model, reading and validating files, the demo
//! tenant, changes, lookups, effective-policy decisions, and the file protocol (atomic save,
//! lock file, refresh). It must not print, format for users, or know about cmdlets and parameters:
//! callers turn `StoreError`s and lookups into error records themselves.
//!
//! Map: `model` types · `document` the syntax pass (no key given twice) · `parse` bytes → model
//! (`stream` its fast path) · `validate` cross-entry rules · `migrate` older schemas · `demo`
//! built-in tenant · `query` lookups (`index` keeps them off linear scans) · `access` effective policy · `change` mutations · `file` I/O and atomic save
//! · `journal` the change journal · `checksum` FNV-1a · `lock` lock file · `handle` the `Store`
//! (durability, freshness, checkpoints; see docs/performance.md) · `error`;
//! the project's own keys: `emulator` (the `emulator` section: propagation delay, Graph error
//! wording, online meetings, batch operations) · `propagation` (what the Graph side sees, when) ·
//! `directory` (Graph directory changes and the app-for-user access check) · `exchange` (the
//! Exchange Online side: mailboxes, Exchange application access policies, RBAC for Applications); the side files
//! beside the store: `snapshot` (named snapshots) and `audit` (the audit log).

mod access;
mod audit;
pub mod catalog;
mod change;
mod checksum;
mod demo;
mod directory;
mod document;
mod emulator;
mod error;
mod exchange;
mod file;
mod handle;
mod index;
mod journal;
mod lock;
mod migrate;
mod model;
mod parse;
mod propagation;
mod query;
pub mod snapshot;
mod stream;
mod validate;

use std::path::PathBuf;

pub use access::{EffectivePolicy, PolicySource};
pub use audit::{AuditEntry, AuditLog, MAX_LOG_BYTES, audit_path_for, rotated_audit_path_for};
pub use change::Change;
pub use demo::demo_tenant;
pub use directory::{AccessExplanation, AppAccess, READ_PERMISSION, WRITE_PERMISSION, keys};
pub use emulator::{
    AccessSnapshot, BatchOperation, BatchUserState, EMULATOR_KEY, EmulatorState, GraphErrorStyle,
    MAX_PROPAGATION_DELAY_SECONDS, OnlineMeeting, PendingAccessChange, format_time, parse_time,
};
pub use error::{StoreError, escape_controls};
pub use exchange::{
    AccessRight, EXCHANGE_KEY, ExchangeChange, ExchangeState, MAILBOX_TYPES, Mailbox,
    MailboxAccessState, MailboxPolicy, ManagementScope, POLICY_SPACE, PolicyVerdict,
    RoleAssignment, ServicePrincipal, derived_guid, is_mail_enabled, is_mail_enabled_security,
    security_id,
};
pub use handle::{Durability, Store};
pub use journal::journal_path_for;
pub use lock::{DEFAULT_LOCK_TIMEOUT, lock_path_for};
pub use model::{
    Application, Assignments, CURRENT_SCHEMA_VERSION, ExtraKeys, GLOBAL, Group, GroupAssignment,
    Policy, PolicyFamily, TeamsPolicy, Tenant, TenantInfo, User, bare_policy_name, policy_identity,
    same_id, same_name,
};
pub use query::{GroupLookup, PolicyReference, UserLookup};
pub use snapshot::{SnapshotInfo, snapshot_dir_for};

/// `store.json` in the platform data directory for aapsh (`None` if the platform has no home
/// directory). The `AAPSH_STORE` variable and `-Store` option are the command line's business.
pub fn default_store_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aapsh").map(|dirs| dirs.data_dir().join("store.json"))
}

impl Tenant {
    /// Reads a store document from bytes with every check a file gets (syntax, schema version,
    /// types, duplicates, references). Errors name no file; `StoreError::file()` is then `None`.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Tenant, StoreError> {
        parse::parse_tenant(bytes)
    }
}

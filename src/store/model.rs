//! The tenant model: the Rust shape of a store file (docs/store-format.md).
//!
//! Owns the types, their serialization (keys in the documented order, unknown keys kept in
//! `extra` and written back after the known ones) and the small name rules every layer shares.
//! It must not read files or validate: reading goes through `parse` and `validate`, so there is
//! deliberately no `Deserialize` here that could skip those checks.

use indexmap::IndexMap;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::catalog::{self, APPLICATION_ACCESS_POLICY};
use super::index::LookupIndex;

/// Keys a reader did not know, in the order they appeared, written back unchanged.
pub type ExtraKeys = IndexMap<String, Value>;

/// The schema this build reads and writes (the versions and their differences are listed in
/// docs/store-format.md; `migrate` turns every older one into this one).
pub const CURRENT_SCHEMA_VERSION: u32 = 3;

/// One offline tenant: the whole content of a store file. Serialized in the documented layout
/// (see the `Serialize` impl below): `policies`, `assignments` and `configurations` are objects
/// keyed by policy type or configuration name.
#[derive(Clone, Debug, PartialEq)]
pub struct Tenant {
    pub schema_version: u32,
    pub tenant: TenantInfo,
    pub users: Vec<User>,
    pub groups: Vec<Group>,
    pub applications: Vec<Application>,
    /// The application access policies (`policies.ApplicationAccessPolicy`), in creation
    /// order; `Global` always exists.
    pub policies: Vec<Policy>,
    /// Their grants (`assignments.ApplicationAccessPolicy`).
    pub assignments: Assignments,
    /// The catalog's other policy types (`store::catalog`), keyed by type name, in catalog
    /// order; a loaded tenant has every declared type, each with its `Global` instance.
    pub families: IndexMap<String, PolicyFamily>,
    /// The tenant configurations by name: each declared one is an object of the settings given
    /// to it (file keys); other keys are kept as they were read.
    pub configurations: ExtraKeys,
    /// Keys of `policies` and `assignments` that name no declared policy type: kept.
    pub policies_extra: ExtraKeys,
    pub assignments_extra: ExtraKeys,
    pub extra: ExtraKeys,
    /// Lookup index over `users` and `groups` (never serialized; see `index`).
    pub(crate) index: LookupIndex,
}

/// One catalog policy type's instances and grants.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PolicyFamily {
    /// In creation order; `Global` always exists in a loaded tenant.
    pub policies: Vec<TeamsPolicy>,
    pub assignments: Assignments,
}

/// One instance of a catalog policy type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamsPolicy {
    /// `Global` or `Tag:<name>`, with the name in the case it was created with.
    pub identity: String,
    /// The settings given to it, by file key (`allowCloudRecording`), in the order they were
    /// given; a setting left out has its catalog default. Keys the catalog does not declare are
    /// kept as they were read.
    #[serde(flatten)]
    pub settings: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantInfo {
    pub tenant_id: String,
    pub domain: String,
    pub display_name: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub object_id: String,
    pub user_principal_name: String,
    pub display_name: String,
    /// `sip:` + the UPN when the file does not say otherwise.
    pub sip_address: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub object_id: String,
    pub display_name: String,
    /// User object ids.
    pub members: Vec<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    pub app_id: String,
    pub display_name: String,
    pub permissions: Vec<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// `Global` or `Tag:<name>`, with the name in the case it was created with.
    pub identity: String,
    /// May name apps registered in other tenants, so they need not be in `applications`.
    pub app_ids: Vec<String>,
    pub description: String,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assignments {
    /// User object id → bare policy name (the direct grant; one per user). Keys spell the id
    /// exactly as `Tenant::users` does (loading and `apply` make it so, and lookups rely on it).
    pub users: IndexMap<String, String>,
    /// `-Group` grants; the lowest rank wins among a user's groups.
    pub groups: Vec<GroupAssignment>,
    /// The bare name of the policy granted with `-Global`, if any.
    pub tenant: Option<String>,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupAssignment {
    pub group_id: String,
    pub policy_name: String,
    pub rank: i64,
    #[serde(flatten)]
    pub extra: ExtraKeys,
}

impl User {
    /// The user's alias, as Get-CsOnlineUser shows it and `-Identity` accepts it: the
    /// `mailNickname` the entry keeps (New-MgUser), else the UPN's part before the `@`.
    pub fn alias(&self) -> &str {
        match self.extra.get("mailNickname").and_then(Value::as_str) {
            Some(nick) if !nick.trim().is_empty() => nick,
            _ => self
                .user_principal_name
                .split('@')
                .next()
                .unwrap_or_default(),
        }
    }
}

/// The identity of the one policy that always exists.
pub const GLOBAL: &str = "Global";
const TAG_PREFIX: &str = "Tag:";

impl TeamsPolicy {
    pub fn new(identity: impl Into<String>, settings: ExtraKeys) -> TeamsPolicy {
        TeamsPolicy {
            identity: identity.into(),
            settings,
        }
    }

    /// `Global`, or the part after `Tag:`.
    pub fn name(&self) -> &str {
        bare_policy_name(&self.identity)
    }

    pub fn is_global(&self) -> bool {
        same_name(&self.identity, GLOBAL)
    }
}

impl PolicyFamily {
    /// A family with only its `Global` instance and no grants.
    pub fn new() -> PolicyFamily {
        PolicyFamily {
            policies: vec![TeamsPolicy::new(GLOBAL, ExtraKeys::new())],
            assignments: Assignments::default(),
        }
    }

    /// An instance by `Name`, `Tag:Name` or `Global`, case-insensitively.
    pub fn find(&self, identity: &str) -> Option<&TeamsPolicy> {
        let name = bare_policy_name(identity);
        self.policies.iter().find(|p| same_name(p.name(), name))
    }
}

impl Policy {
    /// A policy with no unknown keys.
    pub fn new(identity: impl Into<String>, app_ids: Vec<String>, description: String) -> Policy {
        Policy {
            identity: identity.into(),
            app_ids,
            description,
            extra: ExtraKeys::new(),
        }
    }

    /// The `Global` instance with default (empty) settings.
    pub fn global() -> Policy {
        Policy::new(GLOBAL, Vec::new(), String::new())
    }

    /// `Global`, or the part after `Tag:`: the bare name assignments use.
    pub fn name(&self) -> &str {
        bare_policy_name(&self.identity)
    }

    pub fn is_global(&self) -> bool {
        same_name(&self.identity, GLOBAL)
    }
}

/// The bare name of a policy identity: strips a `Tag:` prefix written in any case.
pub fn bare_policy_name(identity: &str) -> &str {
    match identity.get(..TAG_PREFIX.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(TAG_PREFIX) => &identity[TAG_PREFIX.len()..],
        _ => identity,
    }
}

/// The canonical identity for a bare name: `Global` or `Tag:<name>` (name case kept).
pub fn policy_identity(name: &str) -> String {
    if same_name(name, GLOBAL) {
        GLOBAL.to_string()
    } else {
        format!("{TAG_PREFIX}{name}")
    }
}

/// Policy and display names compare case-insensitively (PowerShell's rule), Unicode-aware.
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || fold_name(a) == fold_name(b)
}

/// The key `same_name` compares: maps and duplicate checks must fold exactly the same way.
pub(crate) fn fold_name(name: &str) -> String {
    name.to_lowercase()
}

/// The key `same_id` compares.
pub(crate) fn fold_id(id: &str) -> String {
    id.to_ascii_lowercase()
}

/// Object ids and app ids are GUIDs, which compare case-insensitively.
pub fn same_id(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

impl Default for TenantInfo {
    /// What a file without a `tenant` section gets: the demo tenant's identity.
    fn default() -> TenantInfo {
        TenantInfo {
            tenant_id: super::demo::DEMO_TENANT_ID.to_string(),
            domain: super::demo::DEMO_DOMAIN.to_string(),
            display_name: super::demo::DEMO_DISPLAY_NAME.to_string(),
            extra: ExtraKeys::new(),
        }
    }
}

impl Default for Tenant {
    /// An empty tenant: default identity, no directory objects, only the Global policy.
    fn default() -> Tenant {
        Tenant {
            schema_version: CURRENT_SCHEMA_VERSION,
            tenant: TenantInfo::default(),
            users: Vec::new(),
            groups: Vec::new(),
            applications: Vec::new(),
            policies: vec![Policy::global()],
            assignments: Assignments::default(),
            families: default_families(),
            configurations: default_configurations(),
            policies_extra: ExtraKeys::new(),
            assignments_extra: ExtraKeys::new(),
            extra: ExtraKeys::new(),
            index: LookupIndex::default(),
        }
    }
}

/// Every catalog policy type with only its `Global` instance.
pub(crate) fn default_families() -> IndexMap<String, PolicyFamily> {
    catalog::POLICY_TYPES
        .iter()
        .map(|t| (t.name.to_string(), PolicyFamily::new()))
        .collect()
}

/// Every catalog configuration with no setting changed.
pub(crate) fn default_configurations() -> ExtraKeys {
    catalog::CONFIGURATIONS
        .iter()
        .map(|c| (c.name.to_string(), Value::Object(Default::default())))
        .collect()
}

impl Serialize for Tenant {
    /// The documented layout: known keys in order, the policy sections keyed by policy type
    /// (the application access policy first, then the catalog's types, then keys read but not
    /// known), then the unknown top-level keys in the order they were read.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Policies<'a>(&'a Tenant);
        impl Serialize for Policies<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let t = self.0;
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry(APPLICATION_ACCESS_POLICY, &t.policies)?;
                for (name, family) in &t.families {
                    map.serialize_entry(name, &family.policies)?;
                }
                for (key, value) in &t.policies_extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
        struct Grants<'a>(&'a Tenant);
        impl Serialize for Grants<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let t = self.0;
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry(APPLICATION_ACCESS_POLICY, &t.assignments)?;
                for (name, family) in &t.families {
                    map.serialize_entry(name, &family.assignments)?;
                }
                for (key, value) in &t.assignments_extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schemaVersion", &self.schema_version)?;
        map.serialize_entry("tenant", &self.tenant)?;
        map.serialize_entry("users", &self.users)?;
        map.serialize_entry("groups", &self.groups)?;
        map.serialize_entry("applications", &self.applications)?;
        map.serialize_entry("policies", &Policies(self))?;
        map.serialize_entry("assignments", &Grants(self))?;
        map.serialize_entry("configurations", &self.configurations)?;
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Tenant {
    /// A catalog policy type's instances and grants (`None` for a type the catalog does not
    /// declare; a loaded tenant has every declared one).
    pub fn family(&self, policy_type: &str) -> Option<&PolicyFamily> {
        self.families
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(policy_type))
            .map(|(_, f)| f)
    }

    pub(crate) fn family_mut(
        &mut self,
        policy_type: &str,
    ) -> Result<&mut PolicyFamily, super::StoreError> {
        self.families
            .iter_mut()
            .find(|(name, _)| name.eq_ignore_ascii_case(policy_type))
            .map(|(_, f)| f)
            .ok_or_else(|| {
                super::StoreError::conflict(format!(
                    "The policy type \"{policy_type}\" is not one this store knows."
                ))
            })
    }

    /// The grants of any policy type, the application access policy's included.
    pub fn grants(&self, policy_type: &str) -> Option<&Assignments> {
        if policy_type.eq_ignore_ascii_case(APPLICATION_ACCESS_POLICY) {
            Some(&self.assignments)
        } else {
            self.family(policy_type).map(|f| &f.assignments)
        }
    }

    /// The settings given to a configuration (file keys), if the tenant has it.
    pub fn configuration(&self, name: &str) -> Option<&serde_json::Map<String, Value>> {
        self.configurations
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_object())
    }

    /// Rebuilds the lookup index over `users` and `groups`. Loading does this; call it after
    /// editing those lists directly (lookups stay correct without it, but may scan).
    pub fn reindex(&mut self) {
        self.index.rebuild(&self.users, &self.groups);
    }

    /// The file content: pretty JSON (2-space indent), documented key order, trailing newline.
    pub fn to_json_bytes(&self) -> Result<Vec<u8>, super::StoreError> {
        // Cannot fail for these plain-data types; an error is still reported, never written.
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| {
            super::StoreError::conflict(format!("The tenant could not be serialized: {e}"))
        })?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

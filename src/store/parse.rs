//! Reading a store file's bytes into a `Tenant`: UTF-8 and JSON syntax, `schemaVersion`,
//! migration, then every key with its type, pointing at the exact place when something is wrong.
//!
//! Owns the shape checks and the spec's defaults (missing sections are empty, `tenant` gets
//! defaults, `sipAddress` defaults to `sip:` + UPN, `null` means "not given"). It must not check
//! relations between entries (duplicates, dangling references): `validate` does that. It must not
//! panic on any input.

use serde_json::{Map, Value};

use indexmap::IndexMap;

use super::catalog::{self, APPLICATION_ACCESS_POLICY};
use super::error::StoreError;
use super::migrate::{migrate, v1_place};
use super::model::{
    Application, Assignments, ExtraKeys, Group, GroupAssignment, Policy, PolicyFamily, TeamsPolicy,
    Tenant, TenantInfo, User, policy_identity,
};
use super::stream;
use super::validate::validate;

/// Parses and validates a whole file. Errors carry no file name; the caller adds it.
pub(crate) fn parse_tenant(bytes: &[u8]) -> Result<Tenant, StoreError> {
    let (mut tenant, version) = read_unchecked(bytes)?;
    validate(&mut tenant).map_err(|e| in_file_layout(e, version))?;
    tenant.reindex();
    Ok(tenant)
}

/// `parse_tenant` for bytes it may drop: they are freed as soon as the model is read, before
/// the checks that relate entries (which need memory of their own), so a large store's peak is
/// its model plus the larger of the file and the checks, not all three.
pub(crate) fn parse_tenant_owned(bytes: Vec<u8>) -> Result<Tenant, StoreError> {
    let (mut tenant, version) = read_unchecked(&bytes)?;
    drop(bytes);
    validate(&mut tenant).map_err(|e| in_file_layout(e, version))?;
    tenant.reindex();
    Ok(tenant)
}

/// An error found after migrating a file of `version`, with its places named as that file
/// names them (a version-1 file has no `policies.ApplicationAccessPolicy`).
fn in_file_layout(e: StoreError, version: u64) -> StoreError {
    if version != 1 {
        return e;
    }
    match e {
        StoreError::Invalid {
            file,
            place,
            message,
        } => StoreError::Invalid {
            file,
            place: v1_place(&place),
            message: v1_place(&message),
        },
        StoreError::Duplicate {
            file,
            place,
            message,
        } => StoreError::Duplicate {
            file,
            place: v1_place(&place),
            message: v1_place(&message),
        },
        StoreError::Dangling {
            file,
            place,
            message,
        } => StoreError::Dangling {
            file,
            place: v1_place(&place),
            message: v1_place(&message),
        },
        other => other,
    }
}

/// The model as the file holds it, with every check of `parse_tenant` but `validate`, and the
/// `schemaVersion` the file was written in.
fn read_unchecked(bytes: &[u8]) -> Result<(Tenant, u64), StoreError> {
    // Windows editors like to start UTF-8 files with a byte order mark; it carries no data.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        StoreError::Syntax {
            file: None,
            line,
            column,
            message: format!("the file is not valid UTF-8 (byte 0x{bad:02X})"),
        }
    })?;
    // Syntax first, for the whole file, without building anything: a syntax error is reported
    // (with its line and column) before any problem with the content, and so is a key given
    // twice in one object (which every later step would silently resolve to its last value).
    super::document::check(text)?;
    Ok(match stream::read_current(text) {
        Some(tenant) => (tenant, u64::from(super::model::CURRENT_SCHEMA_VERSION)),
        None => read_whole(text)?,
    })
}

/// The general path: the whole document as a `Value`, migrated, then read.
fn read_whole(text: &str) -> Result<(Tenant, u64), StoreError> {
    let doc: Value = serde_json::from_str(text).map_err(syntax_error)?;

    let top = Place::root();
    let map = as_object(&doc, &top)?;
    let version_place = top.key("schemaVersion");
    let version = match map.get("schemaVersion") {
        None => return Err(missing(map, "schemaVersion", &top)),
        Some(v) => v.as_u64().ok_or_else(|| {
            invalid(
                &version_place,
                format!("expected a whole number 1 or above, found {v}"),
            )
        })?,
    };
    let doc = migrate(doc, version)?;
    let tenant = read_tenant(as_object(&doc, &top)?).map_err(|e| in_file_layout(e, version))?;
    Ok((tenant, version))
}

pub(super) fn syntax_error(e: serde_json::Error) -> StoreError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    StoreError::Syntax {
        file: None,
        line: e.line(),
        column: e.column(),
        message: format!("invalid JSON: {message}"),
    }
}

/// 1-based line and column of the end of `prefix` (a valid UTF-8 prefix of the file).
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// A JSON path such as `users[2].objectId`, built as the reader descends.
#[derive(Clone, Debug)]
pub(crate) struct Place(String);

impl Place {
    pub(crate) fn root() -> Place {
        Place(String::new())
    }
    pub(crate) fn key(&self, key: &str) -> Place {
        if self.0.is_empty() {
            Place(key.to_string())
        } else {
            Place(format!("{}.{key}", self.0))
        }
    }
    pub(crate) fn index(&self, i: usize) -> Place {
        Place(format!("{}[{i}]", self.0))
    }
    /// A key of a map whose keys are data (ids), quoted so any text reads unambiguously.
    pub(crate) fn entry(&self, key: &str) -> Place {
        Place(format!("{}[{}]", self.0, Value::from(key)))
    }
    pub(crate) fn as_string(&self) -> String {
        if self.0.is_empty() {
            "the top level".to_string()
        } else {
            self.0.clone()
        }
    }
}

pub(super) fn invalid(place: &Place, message: impl Into<String>) -> StoreError {
    StoreError::Invalid {
        file: None,
        place: place.as_string(),
        message: message.into(),
    }
}

/// "a string", "a number"...: how a JSON value's type reads in a message.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn as_object<'v>(
    value: &'v Value,
    place: &Place,
) -> Result<&'v Map<String, Value>, StoreError> {
    value
        .as_object()
        .ok_or_else(|| invalid(place, format!("expected an object, found {}", kind(value))))
}

/// A required key is missing; hints at a key that differs only in case (keys are case-sensitive).
fn missing(map: &Map<String, Value>, key: &str, place: &Place) -> StoreError {
    let hint = map
        .keys()
        .find(|k| k.eq_ignore_ascii_case(key))
        .map(|k| format!(" (found \"{k}\"; keys are case-sensitive)"))
        .unwrap_or_default();
    invalid(
        &place.key(key),
        format!("the required key \"{key}\" is missing{hint}"),
    )
}

/// The value of `key`, treating `null` like a missing key.
fn get<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

pub(super) fn string(value: &Value, place: &Place) -> Result<String, StoreError> {
    value
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| invalid(place, format!("expected a string, found {}", kind(value))))
}

/// A string key that may be missing or null.
fn opt_string(
    map: &Map<String, Value>,
    key: &str,
    place: &Place,
) -> Result<Option<String>, StoreError> {
    get(map, key)
        .map(|v| string(v, &place.key(key)))
        .transpose()
}

/// A required, non-empty string key (ids and names other things refer to).
fn required_id(map: &Map<String, Value>, key: &str, place: &Place) -> Result<String, StoreError> {
    let value = opt_string(map, key, place)?.ok_or_else(|| missing(map, key, place))?;
    if value.trim().is_empty() {
        return Err(invalid(&place.key(key), "must not be empty"));
    }
    Ok(value)
}

fn string_list(
    map: &Map<String, Value>,
    key: &str,
    place: &Place,
) -> Result<Vec<String>, StoreError> {
    let place = place.key(key);
    match get(map, key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| string(item, &place.index(i)))
            .collect(),
        Some(other) => Err(invalid(
            &place,
            format!("expected an array of strings, found {}", kind(other)),
        )),
    }
}

/// The elements of an array section (missing or null: none), each with its place.
fn array<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    place: &Place,
) -> Result<Vec<(&'v Value, Place)>, StoreError> {
    let place = place.key(key);
    match get(map, key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (item, place.index(i)))
            .collect()),
        Some(other) => Err(invalid(
            &place,
            format!("expected an array, found {}", kind(other)),
        )),
    }
}

/// Keys the reader does not know, kept in file order so they are written back.
fn extras(map: &Map<String, Value>, known: &[&str]) -> ExtraKeys {
    map.iter()
        .filter(|(k, _)| !known.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn read_tenant(map: &Map<String, Value>) -> Result<Tenant, StoreError> {
    let top = Place::root();
    let tenant = match get(map, "tenant") {
        None => TenantInfo::default(),
        Some(v) => read_tenant_info(v, &top.key("tenant"))?,
    };
    let users = array(map, "users", &top)?
        .into_iter()
        .map(|(v, p)| read_user(v, &p))
        .collect::<Result<_, _>>()?;
    let groups = array(map, "groups", &top)?
        .into_iter()
        .map(|(v, p)| read_group(v, &p))
        .collect::<Result<_, _>>()?;
    let applications = array(map, "applications", &top)?
        .into_iter()
        .map(|(v, p)| read_application(v, &p))
        .collect::<Result<_, _>>()?;
    let mut policies = Vec::new();
    let mut families: IndexMap<String, PolicyFamily> = IndexMap::new();
    let mut policies_extra = ExtraKeys::new();
    let policies_place = top.key("policies");
    if let Some(section) = get(map, "policies") {
        for (key, value) in as_object(section, &policies_place)? {
            let place = policies_place.key(key);
            if key == APPLICATION_ACCESS_POLICY {
                policies = array_value(value, &place)?
                    .into_iter()
                    .map(|(v, p)| read_policy(v, &p))
                    .collect::<Result<_, _>>()?;
            } else if let Some(ty) = declared_type(key) {
                families.entry(ty.name.to_string()).or_default().policies =
                    array_value(value, &place)?
                        .into_iter()
                        .map(|(v, p)| read_teams_policy(v, &p, ty))
                        .collect::<Result<_, _>>()?;
            } else {
                policies_extra.insert(key.clone(), value.clone());
            }
        }
    }
    let mut assignments = Assignments::default();
    let mut assignments_extra = ExtraKeys::new();
    let assignments_place = top.key("assignments");
    if let Some(section) = get(map, "assignments") {
        for (key, value) in as_object(section, &assignments_place)? {
            let place = assignments_place.key(key);
            if key == APPLICATION_ACCESS_POLICY {
                if !value.is_null() {
                    assignments = read_assignments(value, &place)?;
                }
            } else if let Some(ty) = declared_type(key) {
                if !value.is_null() {
                    families.entry(ty.name.to_string()).or_default().assignments =
                        read_assignments(value, &place)?;
                }
            } else {
                assignments_extra.insert(key.clone(), value.clone());
            }
        }
    }
    let configurations = match get(map, "configurations") {
        None => super::model::default_configurations(),
        Some(v) => read_configurations(v, &top.key("configurations"))?,
    };
    Ok(Tenant {
        schema_version: super::model::CURRENT_SCHEMA_VERSION,
        tenant,
        users,
        groups,
        applications,
        policies,
        assignments,
        families,
        configurations,
        policies_extra,
        assignments_extra,
        extra: extras(
            map,
            &[
                "schemaVersion",
                "tenant",
                "users",
                "groups",
                "applications",
                "policies",
                "assignments",
                "configurations",
            ],
        ),
        index: Default::default(),
    })
}

/// A catalog policy type by its exact key (keys are case-sensitive, as every key of the file).
pub(super) fn declared_type(key: &str) -> Option<&'static catalog::PolicyType> {
    catalog::POLICY_TYPES
        .iter()
        .copied()
        .find(|t| t.name == key)
}

/// The elements of an array value (null: none), each with its place.
fn array_value<'v>(value: &'v Value, place: &Place) -> Result<Vec<(&'v Value, Place)>, StoreError> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| (item, place.index(i)))
            .collect()),
        other => Err(invalid(
            place,
            format!("expected an array, found {}", kind(other)),
        )),
    }
}

/// One instance of a catalog policy type: its identity as for application access policies,
/// and its settings, each declared one with a value of its kind (a `Choice` is read as any text:
/// the cmdlets check the choices, a file may hold a value this build does not list).
pub(super) fn read_teams_policy(
    value: &Value,
    place: &Place,
    ty: &catalog::PolicyType,
) -> Result<TeamsPolicy, StoreError> {
    let map = as_object(value, place)?;
    let identity = policy_identity_at(map, place)?;
    let mut settings = ExtraKeys::new();
    for (key, value) in map {
        if key == "identity" {
            continue;
        }
        if let Some(setting) = ty.setting_for_key(key) {
            check_setting(setting.kind, value, &place.key(key))?;
        }
        settings.insert(key.clone(), value.clone());
    }
    Ok(TeamsPolicy { identity, settings })
}

/// A stored setting's value, checked against its kind.
fn check_setting(
    kind: catalog::SettingKind,
    value: &Value,
    place: &Place,
) -> Result<(), StoreError> {
    let kind = match kind {
        catalog::SettingKind::Choice(_) => catalog::SettingKind::Text,
        other => other,
    };
    match catalog::check_value(kind, value) {
        None => Ok(()),
        Some(problem) => Err(invalid(place, problem)),
    }
}

/// `configurations`: each declared configuration an object of its settings, checked like a
/// policy's; other keys kept as they are.
pub(super) fn read_configurations(value: &Value, place: &Place) -> Result<ExtraKeys, StoreError> {
    let map = as_object(value, place)?;
    let mut out = super::model::default_configurations();
    for (key, value) in map {
        let entry_place = place.key(key);
        match catalog::CONFIGURATIONS
            .iter()
            .find(|c| c.name == key.as_str())
        {
            Some(config) => {
                let settings = match value {
                    Value::Null => Default::default(),
                    v => as_object(v, &entry_place)?.clone(),
                };
                for (k, v) in &settings {
                    if let Some(setting) = config.setting_for_key(k) {
                        check_setting(setting.kind, v, &entry_place.key(k))?;
                    }
                }
                out.insert(key.clone(), Value::Object(settings));
            }
            None => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(out)
}

pub(super) fn read_tenant_info(value: &Value, place: &Place) -> Result<TenantInfo, StoreError> {
    let map = as_object(value, place)?;
    let defaults = TenantInfo::default();
    Ok(TenantInfo {
        tenant_id: opt_string(map, "tenantId", place)?.unwrap_or(defaults.tenant_id),
        domain: opt_string(map, "domain", place)?.unwrap_or(defaults.domain),
        display_name: opt_string(map, "displayName", place)?.unwrap_or(defaults.display_name),
        extra: extras(map, &["tenantId", "domain", "displayName"]),
    })
}

pub(super) fn read_user(value: &Value, place: &Place) -> Result<User, StoreError> {
    let map = as_object(value, place)?;
    let object_id = required_id(map, "objectId", place)?;
    let user_principal_name = required_id(map, "userPrincipalName", place)?;
    Ok(User {
        object_id,
        display_name: opt_string(map, "displayName", place)?.unwrap_or_default(),
        sip_address: opt_string(map, "sipAddress", place)?
            .unwrap_or_else(|| format!("sip:{user_principal_name}")),
        user_principal_name,
        extra: extras(
            map,
            &["objectId", "userPrincipalName", "displayName", "sipAddress"],
        ),
    })
}

pub(super) fn read_group(value: &Value, place: &Place) -> Result<Group, StoreError> {
    let map = as_object(value, place)?;
    Ok(Group {
        object_id: required_id(map, "objectId", place)?,
        display_name: opt_string(map, "displayName", place)?.unwrap_or_default(),
        members: string_list(map, "members", place)?,
        extra: extras(map, &["objectId", "displayName", "members"]),
    })
}

pub(super) fn read_application(value: &Value, place: &Place) -> Result<Application, StoreError> {
    let map = as_object(value, place)?;
    Ok(Application {
        app_id: required_id(map, "appId", place)?,
        display_name: opt_string(map, "displayName", place)?.unwrap_or_default(),
        permissions: string_list(map, "permissions", place)?,
        extra: extras(map, &["appId", "displayName", "permissions"]),
    })
}

/// A policy's `identity`, made canonical (`Global` or `Tag:<name>`).
fn policy_identity_at(map: &Map<String, Value>, place: &Place) -> Result<String, StoreError> {
    let identity = required_id(map, "identity", place)?;
    let name = super::model::bare_policy_name(&identity);
    // A bare name is accepted as `Tag:<name>`, as New-CsApplicationAccessPolicy does; a colon
    // anywhere else means some other prefix, which policies do not have.
    let is_tagged = name.len() != identity.len();
    if name.trim().is_empty() || (!is_tagged && name.contains(':')) {
        return Err(invalid(
            &place.key("identity"),
            format!("\"{identity}\" is not a policy identity; write \"Global\" or \"Tag:<name>\""),
        ));
    }
    Ok(policy_identity(name))
}

pub(super) fn read_policy(value: &Value, place: &Place) -> Result<Policy, StoreError> {
    let map = as_object(value, place)?;
    let identity = policy_identity_at(map, place)?;
    Ok(Policy {
        identity,
        app_ids: string_list(map, "appIds", place)?,
        description: opt_string(map, "description", place)?.unwrap_or_default(),
        extra: extras(map, &["identity", "appIds", "description"]),
    })
}

pub(super) fn read_assignments(value: &Value, place: &Place) -> Result<Assignments, StoreError> {
    let map = as_object(value, place)?;
    let users_place = place.key("users");
    let users = match get(map, "users") {
        None => Default::default(),
        Some(Value::Object(entries)) => entries
            .iter()
            .map(|(user, policy)| Ok((user.clone(), string(policy, &users_place.entry(user))?)))
            .collect::<Result<_, StoreError>>()?,
        Some(other) => {
            return Err(invalid(
                &users_place,
                format!(
                    "expected an object mapping user object ids to policy names, found {}",
                    kind(other)
                ),
            ));
        }
    };
    let groups = array(map, "groups", place)?
        .into_iter()
        .map(|(v, p)| read_group_assignment(v, &p))
        .collect::<Result<_, _>>()?;
    Ok(Assignments {
        users,
        groups,
        tenant: opt_string(map, "tenant", place)?,
        extra: extras(map, &["users", "groups", "tenant"]),
    })
}

pub(super) fn read_group_assignment(
    value: &Value,
    place: &Place,
) -> Result<GroupAssignment, StoreError> {
    let map = as_object(value, place)?;
    let rank_value = get(map, "rank").ok_or_else(|| missing(map, "rank", place))?;
    let rank = rank_value
        .as_i64()
        .filter(|rank| *rank >= 1)
        .ok_or_else(|| {
            invalid(
                &place.key("rank"),
                format!("expected a whole number 1 or above, found {rank_value}"),
            )
        })?;
    Ok(GroupAssignment {
        group_id: required_id(map, "groupId", place)?,
        policy_name: required_id(map, "policyName", place)?,
        rank,
        extra: extras(map, &["groupId", "policyName", "rank"]),
    })
}

//! The catalog of Teams policy types and tenant configurations: one declaration each, data only.
//!
//! Owns what a policy type is (its name, the .NET type of its objects, and its settings with
//! their kinds, Global defaults and a one-line description) and the rules a stored value of each
//! kind must follow. The store reads and checks files with it; the cmdlets build New-, Get-,
//! Set-, Remove- and Grant-Cs<Name> from it, with their parameters, help and output objects; the
//! user object shows one property per type. Adding a policy type is one declaration here (see
//! `teams.rs`, `voice.rs`, `apps.rs`). It must not know about parameters, values of the runtime or
//! files: kinds are described, never converted.
//!
//! The application access policy is a policy type too (`APPLICATION_ACCESS_POLICY`), but its
//! settings (AppIds, Description) and its Graph-side rules live in `model::Policy` and `access`.

mod apps;
mod federation;
mod teams;
mod voice;

use serde_json::Value;

/// The -PolicyType name of the application access policy, and its key in the store's sections.
pub const APPLICATION_ACCESS_POLICY: &str = "ApplicationAccessPolicy";

/// What a setting holds, and so how it is stored, given, checked and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingKind {
    /// `Boolean`: true or false.
    Bool,
    /// `String`: any text.
    Text,
    /// `String` that the service accepts only from a fixed list (compared case-insensitively,
    /// stored in the list's spelling).
    Choice(&'static [&'static str]),
    /// `Int32`.
    Int32,
    /// `UInt32`: 0 to 4294967295.
    UInt32,
    /// `Int64`.
    Int64,
    /// `Guid`, stored in its lowercase hyphenated form.
    Guid,
    /// A list of strings (`List`, `PSListModifier`): a list replaces it, `@{Add=...}` and
    /// `@{Remove=...}` change it.
    TextList,
    /// Teams apps by id (`DefaultCatalogApps`, `AppPresetList`...): stored as `{"id": "..."}`
    /// objects, shown as `Id=<id>`.
    Apps,
    /// Pinned apps: `{"id": "...", "order": n}`, shown as `Id=<id>;Order=<n>`.
    PinnedApps,
    /// Compliance recording applications (New-CsTeamsComplianceRecordingApplication): stored as
    /// objects with the application's settings (see `RECORDING_APPLICATION`).
    RecordingApps,
    /// The federation's allowed domains: `"AllowAllKnownDomains"` or `{"allowedDomain":
    /// ["contoso.com", ...]}` (New-CsEdgeAllowAllKnownDomains, New-CsEdgeAllowList).
    AllowedDomains,
    /// Domain patterns (New-CsEdgeDomainPattern): stored as the domain names.
    Domains,
}

/// A setting's value in a policy nobody changed (the Global instance of a new tenant, and
/// every setting New- is not given).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fallback {
    Bool(bool),
    Text(&'static str),
    Int(i64),
    /// No value (`$null`): shown blank.
    Null,
    /// An empty list (shown `{}`).
    Empty,
    /// The federation's default: every known domain is allowed.
    AllowAllKnownDomains,
    /// Teams apps by id (for `SettingKind::Apps`).
    Apps(&'static [&'static str]),
    /// Pinned Teams apps by id, in order (for `SettingKind::PinnedApps`).
    PinnedApps(&'static [&'static str]),
}

/// One setting of a policy type: a property of its objects and a parameter of New- and Set-.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The property and parameter name (`AllowCloudRecording`).
    pub name: &'static str,
    pub kind: SettingKind,
    /// The value of a policy that was not given one.
    pub default: Fallback,
    /// One line of help (aapsh's words).
    pub help: &'static str,
}

/// One Teams policy type, served by New-, Get-, Set-, Remove- and Grant-Cs<name>.
#[derive(Debug)]
pub struct PolicyType {
    /// `TeamsMeetingPolicy`: the -PolicyType value, the user object's property, the store key,
    /// and (after `Cs`) the cmdlets' noun.
    pub name: &'static str,
    /// What the policy decides, completing "The <name> ..." in help (aapsh's words).
    pub about: &'static str,
    /// The type name of the objects the cmdlets return.
    pub object_type: &'static str,
    /// The settings, in the order the objects show them (Identity comes first, always).
    pub settings: &'static [Setting],
    /// An example value for help: `New-Cs<name> -Identity <example_name> <example_settings>`.
    pub example_name: &'static str,
    pub example_settings: &'static str,
}

/// One tenant-wide configuration (only a `Global` instance), served by Get- and Set-Cs<name>.
#[derive(Debug)]
pub struct Configuration {
    pub name: &'static str,
    pub about: &'static str,
    pub object_type: &'static str,
    pub settings: &'static [Setting],
}

/// Every policy type aapsh emulates besides the application access policy, in help order.
pub const POLICY_TYPES: &[&PolicyType] = &[
    &teams::MEETING,
    &teams::MESSAGING,
    &voice::CALLING,
    &apps::APP_PERMISSION,
    &apps::APP_SETUP,
    &teams::EXTERNAL_ACCESS,
    &voice::ONLINE_VOICE_ROUTING,
    &voice::COMPLIANCE_RECORDING,
    &teams::CHANNELS,
    &apps::UPDATE_MANAGEMENT,
    &voice::EMERGENCY_CALLING,
];

/// The tenant configurations aapsh emulates.
pub const CONFIGURATIONS: &[&Configuration] = &[&federation::TENANT_FEDERATION];

/// The settings of one compliance recording application (New-CsTeamsComplianceRecordingApplication).
pub const RECORDING_APPLICATION: &[Setting] = voice::RECORDING_APPLICATION_SETTINGS;

/// A policy type by name, case-insensitively (`teamsmeetingpolicy`).
pub fn policy_type(name: &str) -> Option<&'static PolicyType> {
    POLICY_TYPES
        .iter()
        .copied()
        .find(|t| t.name.eq_ignore_ascii_case(name.trim()))
}

/// A configuration by name, case-insensitively.
pub fn configuration(name: &str) -> Option<&'static Configuration> {
    CONFIGURATIONS
        .iter()
        .copied()
        .find(|c| c.name.eq_ignore_ascii_case(name.trim()))
}

/// The store key of a setting: its name in camelCase, the way the file spells every key
/// (`AllowCloudRecording` → `allowCloudRecording`, `IPAudioMode` → `ipAudioMode`,
/// `AIInterpreter` → `aiInterpreter`).
pub fn json_key(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let upper_run = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    // In a run of capitals, the last one starts the next word when a lowercase letter follows.
    let lower = match upper_run {
        0 => 0,
        n if n == chars.len() => n,
        1 => 1,
        n if chars.get(n).is_some_and(|c| c.is_ascii_lowercase()) => n - 1,
        n => n,
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < lower {
                c.to_ascii_lowercase()
            } else {
                *c
            }
        })
        .collect()
}

impl PolicyType {
    /// A setting by name, case-insensitively.
    pub fn setting(&self, name: &str) -> Option<&'static Setting> {
        self.settings
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
    }

    /// The setting stored under a file key.
    pub fn setting_for_key(&self, key: &str) -> Option<&'static Setting> {
        self.settings.iter().find(|s| json_key(s.name) == key)
    }
}

impl Configuration {
    pub fn setting(&self, name: &str) -> Option<&'static Setting> {
        self.settings
            .iter()
            .find(|s| s.name.eq_ignore_ascii_case(name))
    }

    pub fn setting_for_key(&self, key: &str) -> Option<&'static Setting> {
        self.settings.iter().find(|s| json_key(s.name) == key)
    }
}

/// Why a stored value does not fit its setting's kind, or `None` when it fits. `null` always
/// fits (the setting then has no value).
pub fn check_value(kind: SettingKind, value: &Value) -> Option<String> {
    let wrong = |expected: &str| Some(format!("expected {expected}, found {}", kind_of(value)));
    match (kind, value) {
        (_, Value::Null) => None,
        (SettingKind::Bool, Value::Bool(_)) => None,
        (SettingKind::Bool, _) => wrong("true or false"),
        (SettingKind::Text, Value::String(_)) => None,
        (SettingKind::Text, _) => wrong("a string"),
        (SettingKind::Choice(choices), Value::String(s)) => {
            if choices.iter().any(|c| c.eq_ignore_ascii_case(s)) {
                None
            } else {
                Some(format!("\"{s}\" is not one of {}", choices.join(", ")))
            }
        }
        (SettingKind::Choice(_), _) => wrong("a string"),
        (SettingKind::Int32, Value::Number(n)) => match n.as_i64() {
            Some(i) if i32::try_from(i).is_ok() => None,
            _ => wrong("a whole number that fits Int32"),
        },
        (SettingKind::UInt32, Value::Number(n)) => match n.as_u64() {
            Some(i) if u32::try_from(i).is_ok() => None,
            _ => wrong("a whole number from 0 to 4294967295"),
        },
        (SettingKind::Int64, Value::Number(n)) if n.as_i64().is_some() => None,
        (SettingKind::Int32 | SettingKind::UInt32 | SettingKind::Int64, _) => {
            wrong("a whole number")
        }
        (SettingKind::Guid, Value::String(s)) => {
            if uuid::Uuid::try_parse(s).is_ok() && s.len() == 36 {
                None
            } else {
                Some(format!("\"{s}\" is not a GUID"))
            }
        }
        (SettingKind::Guid, _) => wrong("a GUID string"),
        (SettingKind::TextList | SettingKind::Domains, Value::Array(items)) => items
            .iter()
            .position(|i| !i.is_string())
            .map(|i| format!("item {i}: expected a string, found {}", kind_of(&items[i]))),
        (
            SettingKind::Apps | SettingKind::PinnedApps | SettingKind::RecordingApps,
            Value::Array(items),
        ) => items.iter().enumerate().find_map(|(i, item)| {
            let id = item.get("id");
            match (item, id) {
                (Value::Object(_), Some(Value::String(id))) if !id.trim().is_empty() => None,
                (Value::Object(_), _) => Some(format!(
                    "item {i}: the key \"id\" must be a non-empty string"
                )),
                _ => Some(format!(
                    "item {i}: expected an object with an \"id\", found {}",
                    kind_of(item)
                )),
            }
        }),
        (
            SettingKind::TextList
            | SettingKind::Domains
            | SettingKind::Apps
            | SettingKind::PinnedApps
            | SettingKind::RecordingApps,
            _,
        ) => wrong("an array"),
        (SettingKind::AllowedDomains, Value::String(s)) if s == "AllowAllKnownDomains" => None,
        (SettingKind::AllowedDomains, Value::Object(map)) => match map.get("allowedDomain") {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => None,
            Some(other) => Some(format!(
                "allowedDomain: expected an array of domain names, found {}",
                kind_of(other)
            )),
        },
        (SettingKind::AllowedDomains, _) => {
            wrong("\"AllowAllKnownDomains\" or an object with \"allowedDomain\"")
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The stored form of a fallback (what a setting holds before anyone sets it).
pub fn fallback_json(default: Fallback) -> Value {
    match default {
        Fallback::Bool(b) => Value::Bool(b),
        Fallback::Text(s) => Value::from(s),
        Fallback::Int(i) => Value::from(i),
        Fallback::Null => Value::Null,
        Fallback::Empty => Value::Array(Vec::new()),
        Fallback::AllowAllKnownDomains => Value::from("AllowAllKnownDomains"),
        Fallback::Apps(ids) => Value::Array(
            ids.iter()
                .map(|id| serde_json::json!({ "id": id }))
                .collect(),
        ),
        Fallback::PinnedApps(ids) => Value::Array(
            ids.iter()
                .enumerate()
                .map(|(i, id)| serde_json::json!({ "id": id, "order": i + 1 }))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_are_camel_case() {
        assert_eq!(json_key("AllowCloudRecording"), "allowCloudRecording");
        assert_eq!(json_key("IPAudioMode"), "ipAudioMode");
        assert_eq!(json_key("AIInterpreter"), "aiInterpreter");
        assert_eq!(json_key("AllowIPVideo"), "allowIPVideo");
        assert_eq!(json_key("Description"), "description");
        assert_eq!(json_key("ID"), "id");
    }

    #[test]
    fn every_declaration_is_consistent() {
        let mut names: Vec<&str> = Vec::new();
        for t in POLICY_TYPES {
            assert!(t.name.ends_with("Policy"), "{}", t.name);
            assert!(!names.contains(&t.name), "{} declared twice", t.name);
            names.push(t.name);
            let mut keys: Vec<String> = Vec::new();
            for s in t.settings {
                let key = json_key(s.name);
                assert!(!keys.contains(&key), "{}.{} declared twice", t.name, s.name);
                assert!(!s.help.is_empty(), "{}.{} has no help", t.name, s.name);
                assert_ne!(s.name, "Identity");
                assert_eq!(
                    check_value(s.kind, &fallback_json(s.default)),
                    None,
                    "{}.{}'s default does not fit its kind",
                    t.name,
                    s.name
                );
                keys.push(key);
            }
            assert!(
                t.setting("Description").is_some(),
                "{} has no Description",
                t.name
            );
        }
        for c in CONFIGURATIONS {
            for s in c.settings {
                assert_eq!(check_value(s.kind, &fallback_json(s.default)), None);
            }
        }
    }
}

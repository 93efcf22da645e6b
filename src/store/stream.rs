//! The fast path of `parse`: reads a current-schema file straight into the model, one entry at
//! a time, instead of building a `serde_json::Value` of the whole file first (which costs about
//! four times the file's size in memory on a 100,000-user tenant).
//!
//! Owns only the streaming: each user, group, application, policy and direct grant is read as
//! a small `Value` and handed to the same `parse` functions the general path uses, so the rules,
//! defaults and checks are the same; a file with a problem is read again the general way, which
//! words the error. It applies only when `"schemaVersion"` is the file's first key and names the
//! current version (as every file this program writes does); anything else goes the general way
//! (which can migrate). It expects text whose JSON syntax was already checked (with no key given
//! twice, see `document`), and must not
//! check relations between entries (`validate`).

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::catalog::APPLICATION_ACCESS_POLICY;
use super::error::StoreError;
use super::model::{
    Assignments, CURRENT_SCHEMA_VERSION, ExtraKeys, Policy, PolicyFamily, Tenant, TenantInfo,
};
use super::parse::{
    Place, declared_type, read_application, read_configurations, read_group, read_group_assignment,
    read_policy, read_teams_policy, read_tenant_info, read_user, string,
};

/// Stops the deserializer: the general path takes over (and words any error).
fn stop<E: de::Error>() -> E {
    E::custom("read the general way")
}

/// Reads `text` (syntax already checked) into a tenant, or `None` if the general path must:
/// not a current-schema file, or one with a problem to report (the general path reports it, so
/// that when a file has several, the one reported does not depend on the order of its sections).
pub(crate) fn read_current(text: &str) -> Option<Tenant> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_any(TopVisitor).ok()
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Tenant;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a store document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tenant, A::Error> {
        let first = map.next_key::<String>()?;
        if first.as_deref() != Some("schemaVersion") {
            return Err(stop());
        }
        let version: Value = map.next_value()?;
        if version.as_u64() != Some(u64::from(CURRENT_SCHEMA_VERSION)) {
            return Err(stop());
        }

        let top = Place::root();
        let mut tenant = Tenant::default();
        tenant.policies.clear();
        tenant.families.clear();
        let mut extra = ExtraKeys::new();
        while let Some(key) = map.next_key::<String>()? {
            let place = top.key(&key);
            // No key comes twice: the syntax pass (`document`) refused such a file already.
            match key.as_str() {
                "schemaVersion" => return Err(stop()),
                "tenant" => {
                    let value: Value = map.next_value()?;
                    tenant.tenant = match value {
                        Value::Null => TenantInfo::default(),
                        v => read_tenant_info(&v, &place).map_err(|_: StoreError| stop())?,
                    };
                }
                "users" => tenant.users = map.next_value_seed(Entries::new(place, read_user))?,
                "groups" => tenant.groups = map.next_value_seed(Entries::new(place, read_group))?,
                "applications" => {
                    tenant.applications =
                        map.next_value_seed(Entries::new(place, read_application))?
                }
                "policies" => map.next_value_seed(PoliciesSeed {
                    place,
                    tenant: &mut tenant,
                })?,
                "assignments" => map.next_value_seed(GrantsSeed {
                    place,
                    tenant: &mut tenant,
                })?,
                "configurations" => {
                    let value: Value = map.next_value()?;
                    tenant.configurations = match value {
                        Value::Null => super::model::default_configurations(),
                        v => read_configurations(&v, &place).map_err(|_: StoreError| stop())?,
                    };
                }
                _ => {
                    let value: Value = map.next_value()?;
                    extra.insert(key, value);
                }
            }
        }
        tenant.extra = extra;
        Ok(tenant)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Tenant, A::Error> {
        Err(stop())
    }
}

/// Everything that is not the expected container: null means "none", the rest is a problem.
/// Shared by the section visitors.
macro_rules! other_values {
    ($empty:expr) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Err(self.wrong(de::Unexpected::Bool(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Err(self.wrong(de::Unexpected::Signed(v)))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Err(self.wrong(de::Unexpected::Unsigned(v)))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Err(self.wrong(de::Unexpected::Float(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Err(self.wrong(de::Unexpected::Str(v)))
        }
    };
}

/// An array section read entry by entry with `read`.
struct Entries<T> {
    place: Place,
    read: fn(&Value, &Place) -> Result<T, StoreError>,
}

impl<T> Entries<T> {
    fn new(place: Place, read: fn(&Value, &Place) -> Result<T, StoreError>) -> Entries<T> {
        Entries { place, read }
    }

    fn wrong<E: de::Error>(&self, _found: de::Unexpected<'_>) -> E {
        stop()
    }
}

impl<'de, T> DeserializeSeed<'de> for Entries<T> {
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T> Visitor<'de> for Entries<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(value) = seq.next_element::<Value>()? {
            let item = (self.read)(&value, &self.place.index(items.len()))
                .map_err(|_: StoreError| stop())?;
            items.push(item);
        }
        items.shrink_to_fit();
        Ok(items)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Err(self.wrong(de::Unexpected::Map))
    }

    other_values!(Vec::new());
}

/// The `policies` section: each policy type's array of instances.
struct PoliciesSeed<'t> {
    place: Place,
    tenant: &'t mut Tenant,
}

impl<'de> DeserializeSeed<'de> for PoliciesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PoliciesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let place = self.place.key(&key);
            if key == APPLICATION_ACCESS_POLICY {
                let policies: Vec<Policy> =
                    map.next_value_seed(Entries::new(place, read_policy))?;
                self.tenant.policies = policies;
            } else if let Some(ty) = declared_type(&key) {
                // A policy type has a few instances: read as a value, then entry by entry.
                let value: Value = map.next_value()?;
                let items = match &value {
                    Value::Null => Vec::new(),
                    Value::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| read_teams_policy(v, &place.index(i), ty))
                        .collect::<Result<Vec<_>, StoreError>>()
                        .map_err(|_| stop())?,
                    _ => return Err(stop()),
                };
                family(self.tenant, ty.name).policies = items;
            } else {
                let value: Value = map.next_value()?;
                self.tenant.policies_extra.insert(key, value);
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(stop())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The `assignments` section: each policy type's grants, direct grants streamed.
struct GrantsSeed<'t> {
    place: Place,
    tenant: &'t mut Tenant,
}

impl<'de> DeserializeSeed<'de> for GrantsSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for GrantsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let place = self.place.key(&key);
            if key == APPLICATION_ACCESS_POLICY {
                self.tenant.assignments = map.next_value_seed(AssignmentsSeed { place })?;
            } else if let Some(ty) = declared_type(&key) {
                let grants = map.next_value_seed(AssignmentsSeed { place })?;
                family(self.tenant, ty.name).assignments = grants;
            } else {
                let value: Value = map.next_value()?;
                self.tenant.assignments_extra.insert(key, value);
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(stop())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The family of a declared type, created empty on first use (validation completes it).
fn family<'t>(tenant: &'t mut Tenant, name: &str) -> &'t mut PolicyFamily {
    tenant.families.entry(name.to_string()).or_default()
}

/// The `assignments` section, with its direct grants (up to one per user) read one by one.
struct AssignmentsSeed {
    place: Place,
}

impl AssignmentsSeed {
    fn wrong<E: de::Error>(&self, _found: de::Unexpected<'_>) -> E {
        stop()
    }
}

impl<'de> DeserializeSeed<'de> for AssignmentsSeed {
    type Value = Assignments;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Assignments, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for AssignmentsSeed {
    type Value = Assignments;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Assignments, A::Error> {
        let mut assignments = Assignments::default();
        while let Some(key) = map.next_key::<String>()? {
            let place = self.place.key(&key);
            match key.as_str() {
                "users" => {
                    assignments.users = map.next_value_seed(DirectGrants { place })?;
                }
                "groups" => {
                    assignments.groups =
                        map.next_value_seed(Entries::new(place, read_group_assignment))?;
                }
                "tenant" => {
                    assignments.tenant = match map.next_value::<Value>()? {
                        Value::Null => None,
                        v => Some(string(&v, &place).map_err(|_: StoreError| stop())?),
                    };
                }
                _ => {
                    let value: Value = map.next_value()?;
                    assignments.extra.insert(key, value);
                }
            }
        }
        Ok(assignments)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Assignments, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Err(self.wrong(de::Unexpected::Seq))
    }

    other_values!(Assignments::default());
}

/// `assignments.users`: user object id → policy name.
struct DirectGrants {
    place: Place,
}

impl DirectGrants {
    fn wrong<E: de::Error>(&self, _found: de::Unexpected<'_>) -> E {
        stop()
    }
}

impl<'de> DeserializeSeed<'de> for DirectGrants {
    type Value = IndexMap<String, String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DirectGrants {
    type Value = IndexMap<String, String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut grants = IndexMap::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(user) = map.next_key::<String>()? {
            let value: Value = map.next_value()?;
            let policy =
                string(&value, &self.place.entry(&user)).map_err(|_: StoreError| stop())?;
            grants.insert(user, policy);
        }
        Ok(grants)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Err(self.wrong(de::Unexpected::Seq))
    }

    other_values!(IndexMap::new());
}

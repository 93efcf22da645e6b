//! Schema migrations: the hook that turns a file of an older `schemaVersion` into the current one.
//!
//! Owns the list of steps, one per version bump, working on raw JSON so an old file never has to
//! fit today's types. It must not validate or touch files: the result is read like any other
//! file, and it reaches disk only when the next change is saved ("migrated when next written").
//!
//! Adding a version (docs/store-format.md, "Adding a schema version"): write the step from the
//! previous version as a function of raw JSON below, append it to `STEPS`, bump
//! `model::CURRENT_SCHEMA_VERSION`, keep a file of every older version in tests/fixtures/store/,
//! and say in `v1_place`'s manner how an error in a moved section is named in the old layout.

use serde_json::{Map, Value};

use super::error::StoreError;
use super::model::CURRENT_SCHEMA_VERSION;

/// One step: the document of version `n` (its `schemaVersion` already checked) → version `n + 1`.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// The policy type whose sections version 1 held directly.
const V1_POLICY_TYPE: &str = "ApplicationAccessPolicy";

/// Version 2 keys `policies` and `assignments` by policy type, so that every Teams policy type
/// has the same two sections (and adds `configurations`, which needs no step: missing means
/// "nothing changed"). Version 1 had only the application access policy: its array of policies
/// and its `{users, groups, tenant}` object move, unchanged, under `ApplicationAccessPolicy`.
/// A `null` or missing section stays as it is ("none"); a section of the wrong type moves too,
/// so the reader reports it (and `v1_place` names it as the old file does).
fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
    let map = doc.as_object_mut().ok_or("the document is not an object")?;
    for section in ["policies", "assignments"] {
        if let Some(value) = map.get_mut(section)
            && !value.is_null()
        {
            let old = std::mem::take(value);
            let mut keyed = Map::new();
            keyed.insert(V1_POLICY_TYPE.to_string(), old);
            *value = Value::Object(keyed);
        }
    }
    Ok(doc)
}

/// Version 3 adds the Exchange Online side (the `exchange` section: mailboxes, Exchange
/// application access policies, RBAC for Applications). A version-2 tenant's users are licensed
/// Teams users, and each of them has an Exchange Online mailbox: the step gives every user whose
/// `objectId` is a string a mailbox (`exchange.mailboxes`), so mail and calendar calls behave
/// as in such a tenant. A file that already carries an `exchange` key (kept as an unknown key
/// by an older build) keeps it as it is; users that are not objects are left for the reader to
/// report.
fn v2_to_v3(mut doc: Value) -> Result<Value, String> {
    let map = doc.as_object_mut().ok_or("the document is not an object")?;
    if map.contains_key("exchange") {
        return Ok(doc);
    }
    let mailboxes: Vec<Value> = map
        .get("users")
        .and_then(Value::as_array)
        .map(|users| {
            users
                .iter()
                .filter_map(|u| u.get("objectId").and_then(Value::as_str))
                .map(|id| {
                    let mut m = Map::new();
                    m.insert("userId".to_string(), Value::from(id));
                    Value::Object(m)
                })
                .collect()
        })
        .unwrap_or_default();
    if !mailboxes.is_empty() {
        let mut section = Map::new();
        section.insert("mailboxes".to_string(), Value::Array(mailboxes));
        map.insert("exchange".to_string(), Value::Object(section));
    }
    Ok(doc)
}

/// A place (or a message naming places) in a migrated version-1 file, as that file spells it:
/// `policies.ApplicationAccessPolicy[2]` was `policies[2]`, `assignments.ApplicationAccessPolicy.users`
/// was `assignments.users`. Errors found after migrating must point at the file the user has.
pub(crate) fn v1_place(text: &str) -> String {
    text.replace(&format!("policies.{V1_POLICY_TYPE}"), "policies")
        .replace(&format!("assignments.{V1_POLICY_TYPE}"), "assignments")
}

// A new schema version without its migration step must not compile.
const _: () = assert!(STEPS.len() + 1 == CURRENT_SCHEMA_VERSION as usize);

/// Brings `doc` from `version` up to the current schema. Refuses versions it does not know.
pub(crate) fn migrate(doc: Value, version: u64) -> Result<Value, StoreError> {
    run_steps(doc, version, STEPS, CURRENT_SCHEMA_VERSION)
}

/// `migrate` over any list of steps, where `steps[i]` takes version `i + 1` to `i + 2` and
/// `current` is `steps.len() + 1` (separate so the chain itself can be tested before a second
/// version exists).
fn run_steps(
    mut doc: Value,
    version: u64,
    steps: &[Step],
    current: u32,
) -> Result<Value, StoreError> {
    if version > u64::from(current) {
        return Err(StoreError::NewerSchema {
            file: None,
            found: version,
            supported: current,
        });
    }
    if version == 0 {
        return Err(StoreError::Invalid {
            file: None,
            place: "schemaVersion".to_string(),
            message: "schemaVersion 0 does not exist; the first version is 1".to_string(),
        });
    }
    // `version` is now in 1..=current, so the slice bounds hold.
    let first = usize::try_from(version - 1).unwrap_or(steps.len());
    for (offset, step) in steps.iter().enumerate().skip(first) {
        doc = step(doc).map_err(|message| StoreError::Invalid {
            file: None,
            place: "schemaVersion".to_string(),
            message: format!(
                "migrating from schemaVersion {} to {} failed: {message}",
                offset + 1,
                offset + 2
            ),
        })?;
    }
    if let Value::Object(map) = &mut doc {
        map.insert("schemaVersion".to_string(), Value::from(current));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A pretend version 2 that renamed `users` to `people`, and a version 3 that dropped a
    /// key; the real chain has the same shape.
    fn rename_users(mut doc: Value) -> Result<Value, String> {
        let map = doc.as_object_mut().ok_or("not an object")?;
        if let Some(users) = map.shift_remove("users") {
            map.insert("people".to_string(), users);
        }
        Ok(doc)
    }

    fn drop_legacy(mut doc: Value) -> Result<Value, String> {
        let map = doc.as_object_mut().ok_or("not an object")?;
        match map.shift_remove("legacy") {
            Some(Value::Bool(true)) | None => Ok(doc),
            Some(other) => Err(format!("\"legacy\" is {other}, expected true")),
        }
    }

    const CHAIN: &[Step] = &[rename_users, drop_legacy];

    #[test]
    fn version_2_users_get_mailboxes_in_version_3() {
        let doc = json!({ "schemaVersion": 2, "users": [{"objectId": "a"}, {"objectId": "b"}, 7] });
        let out = migrate(doc, 2).unwrap();
        assert_eq!(
            out,
            json!({ "schemaVersion": 3, "users": [{"objectId": "a"}, {"objectId": "b"}, 7],
                    "exchange": { "mailboxes": [{"userId": "a"}, {"userId": "b"}] } })
        );
        // A section an older build kept as an unknown key stays as it was.
        let kept =
            json!({ "schemaVersion": 2, "users": [{"objectId": "a"}], "exchange": {"x": 1} });
        assert_eq!(migrate(kept, 2).unwrap()["exchange"], json!({"x": 1}));
        // No users, no section.
        assert!(
            migrate(json!({ "schemaVersion": 2 }), 2)
                .unwrap()
                .get("exchange")
                .is_none()
        );
    }

    #[test]
    fn a_version_1_document_goes_through_every_step_and_keeps_the_rest() {
        let doc = json!({ "schemaVersion": 1, "users": [1], "legacy": true, "note": "kept" });
        let out = run_steps(doc, 1, CHAIN, 3).unwrap();
        assert_eq!(
            out,
            json!({ "schemaVersion": 3, "people": [1], "note": "kept" })
        );
    }

    #[test]
    fn a_later_version_skips_the_steps_it_does_not_need() {
        let doc = json!({ "schemaVersion": 2, "users": [1], "legacy": true });
        let out = run_steps(doc, 2, CHAIN, 3).unwrap();
        // Step 1 did not run: `users` stays (version 2 would not have it anyway).
        assert_eq!(out, json!({ "schemaVersion": 3, "users": [1] }));
    }

    #[test]
    fn a_failing_step_says_which_versions() {
        let doc = json!({ "schemaVersion": 1, "legacy": 7 });
        let err = run_steps(doc, 1, CHAIN, 3).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("migrating from schemaVersion 2 to 3 failed: \"legacy\" is 7"),
            "{text}"
        );
    }

    #[test]
    fn newer_and_impossible_versions_are_refused() {
        assert!(matches!(
            run_steps(json!({}), 4, CHAIN, 3),
            Err(StoreError::NewerSchema {
                found: 4,
                supported: 3,
                ..
            })
        ));
        assert!(matches!(
            run_steps(json!({}), 0, CHAIN, 3),
            Err(StoreError::Invalid { .. })
        ));
    }

    #[test]
    fn the_current_version_needs_no_step() {
        let doc = json!({ "schemaVersion": 3, "users": [] });
        assert_eq!(migrate(doc.clone(), 3).unwrap(), doc);
    }

    #[test]
    fn version_1_policy_sections_move_under_their_type_in_place() {
        let doc = json!({
            "schemaVersion": 1,
            "users": [],
            "policies": [{ "identity": "Global" }],
            "note": 1,
            "assignments": { "users": {}, "tenant": "X", "kept": true }
        });
        let out = migrate(doc, 1).unwrap();
        assert_eq!(
            out,
            json!({
                "schemaVersion": 3,
                "users": [],
                "policies": { "ApplicationAccessPolicy": [{ "identity": "Global" }] },
                "note": 1,
                "assignments": { "ApplicationAccessPolicy": { "users": {}, "tenant": "X", "kept": true } }
            })
        );
        // Keys keep their places in the document.
        let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["schemaVersion", "users", "policies", "note", "assignments"]
        );
    }

    #[test]
    fn missing_and_null_sections_stay_none_and_wrong_types_move_for_the_reader() {
        let out = migrate(json!({ "schemaVersion": 1, "policies": null }), 1).unwrap();
        assert_eq!(out, json!({ "schemaVersion": 3, "policies": null }));
        let out = migrate(json!({ "schemaVersion": 1, "policies": 7 }), 1).unwrap();
        assert_eq!(out["policies"], json!({ "ApplicationAccessPolicy": 7 }));
        assert_eq!(
            v1_place("policies.ApplicationAccessPolicy[1].identity"),
            "policies[1].identity"
        );
        assert_eq!(
            v1_place("assignments.ApplicationAccessPolicy.users[\"x\"]"),
            "assignments.users[\"x\"]"
        );
    }
}

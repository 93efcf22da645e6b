//! Schema migrations: the hook that turns a file of an older `schemaVersion` into the current one.
//!
//! Owns the list of steps, one per version bump, working on raw JSON so an old file never has to
//! fit today's types. It must not validate or touch files: the result is read like any other
//! file, and it reaches disk only when the next change is saved ("migrated when next written").

use serde_json::Value;

use super::error::StoreError;
use super::model::CURRENT_SCHEMA_VERSION;

/// One step: the document of version `n` (its `schemaVersion` already checked) → version `n + 1`.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`. Version 1 is the first, so there are none yet;
/// a version 2 adds its step here and bumps `CURRENT_SCHEMA_VERSION`.
const STEPS: &[Step] = &[];

// A new schema version without its migration step must not compile.
const _: () = assert!(STEPS.len() + 1 == CURRENT_SCHEMA_VERSION as usize);

/// Brings `doc` from `version` up to the current schema. Refuses versions it does not know.
pub(crate) fn migrate(mut doc: Value, version: u64) -> Result<Value, StoreError> {
    if version > u64::from(CURRENT_SCHEMA_VERSION) {
        return Err(StoreError::NewerSchema {
            file: None,
            found: version,
            supported: CURRENT_SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(StoreError::Invalid {
            file: None,
            place: "schemaVersion".to_string(),
            message: "schemaVersion 0 does not exist; the first version is 1".to_string(),
        });
    }
    // `version` is now in 1..=CURRENT, so the slice bounds hold.
    let first = usize::try_from(version - 1).unwrap_or(STEPS.len());
    for (offset, step) in STEPS.iter().enumerate().skip(first) {
        doc = step(doc).map_err(|message| StoreError::Invalid {
            file: None,
            place: "schemaVersion".to_string(),
            message: format!(
                "migrating from schemaVersion {} failed: {message}",
                offset + 1
            ),
        })?;
    }
    if let Value::Object(map) = &mut doc {
        map.insert(
            "schemaVersion".to_string(),
            Value::from(CURRENT_SCHEMA_VERSION),
        );
    }
    Ok(doc)
}

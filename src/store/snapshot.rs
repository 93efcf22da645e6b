//! Named snapshots of a whole tenant (`Save-EmuSnapshot`, `Restore-EmuSnapshot`), kept as files
//! in a folder beside the store: `store.json` → `store.json.snapshots/<name>.json`.
//!
//! Each snapshot is itself a valid store file (store-format.md), so a trainer can open one with
//! `-Store`, hand it to a colleague, or load it with `Reset-EmuState -Path`. The project key
//! `snapshot` (`{"name", "savedAt"}`) names it; it is dropped again when the snapshot is loaded.
//! Files are written atomically and synced like the store itself (`file::write_atomic`), so a
//! saved snapshot survives a crash. Names compare case-insensitively and keep their case.
//!
//! Owns the folder, the file names and the name rules. It must not decide when to snapshot or
//! replace the tenant (see the `ReplaceState` change and the state cmdlets).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::error::StoreError;
use super::file;
use super::model::Tenant;
use super::parse::parse_tenant;

/// The project key a snapshot file carries.
pub const SNAPSHOT_KEY: &str = "snapshot";

/// The snapshot `Reset-EmuState` and `Restore-EmuSnapshot` keep of the state they replace (so
/// either can be undone); users cannot save under this name.
pub const PREVIOUS: &str = "Previous";

/// The longest snapshot name accepted.
pub const MAX_NAME_LEN: usize = 64;

/// `store.json` → `store.json.snapshots`, in the same directory.
pub fn snapshot_dir_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_os_string();
    name.push(".snapshots");
    PathBuf::from(name)
}

/// What `Get-EmuSnapshot` shows about one snapshot.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotInfo {
    pub name: String,
    /// RFC 3339 on the session clock of the session that saved it ("" if the file does not say).
    pub saved_at: String,
    pub users: usize,
    pub groups: usize,
    pub applications: usize,
    pub policies: usize,
    pub path: PathBuf,
}

impl SnapshotInfo {
    fn of(name: String, saved_at: String, tenant: &Tenant, path: PathBuf) -> SnapshotInfo {
        SnapshotInfo {
            name,
            saved_at,
            users: tenant.users.len(),
            groups: tenant.groups.len(),
            applications: tenant.applications.len(),
            policies: tenant.policies.len(),
            path,
        }
    }
}

/// Why a name cannot be used, or `None` when it can. Names become file names on every system,
/// so they keep to letters, digits, spaces and `-_.`, and do not start with a dot or a space.
pub fn check_name(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("A snapshot name must not be empty.".to_string());
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Some(format!(
            "The snapshot name \"{name}\" is longer than {MAX_NAME_LEN} characters."
        ));
    }
    if name.starts_with('.') || name.starts_with(' ') || name.ends_with(' ') {
        return Some(format!(
            "The snapshot name \"{name}\" must not start with a dot or start or end with a space."
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ')))
    {
        return Some(format!(
            "The snapshot name \"{name}\" contains '{bad}'. Use letters, digits, spaces, '-', '_' and '.'."
        ));
    }
    None
}

/// The snapshot files in `dir` by name (from the file name), in name order. A missing folder
/// holds none.
fn entries(dir: &Path, store: &Path) -> Result<Vec<(String, PathBuf)>, StoreError> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::io(
                store,
                format!("listing the snapshot folder '{}'", dir.display()),
                e,
            ));
        }
    };
    let mut found = Vec::new();
    for entry in read.flatten() {
        let path = entry.path();
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(name) = file_name.strip_suffix(".json") else {
            continue;
        };
        if check_name(name).is_none() && path.is_file() {
            found.push((name.to_string(), path));
        }
    }
    found.sort_by_key(|(name, _)| name.to_lowercase());
    Ok(found)
}

/// The file of the snapshot called `name` (any case), if there is one.
pub fn find(dir: &Path, store: &Path, name: &str) -> Result<Option<PathBuf>, StoreError> {
    Ok(entries(dir, store)?
        .into_iter()
        .find(|(n, _)| n.to_lowercase() == name.to_lowercase())
        .map(|(_, path)| path))
}

/// Reads one snapshot file with every check a store file gets. Returns its saved time and the
/// tenant without the `snapshot` key.
pub fn load(path: &Path) -> Result<(String, Tenant), StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, "reading the file", e))?;
    let mut tenant = parse_tenant(&bytes).map_err(|e| e.in_file(path))?;
    let saved_at = tenant
        .extra
        .shift_remove(SNAPSHOT_KEY)
        .and_then(|v| v.get("savedAt").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();
    Ok((saved_at, tenant))
}

/// Every snapshot in `dir`. A file that does not read as a store is listed with zero counts
/// rather than hiding the others (restoring it reports the problem).
pub fn list(dir: &Path, store: &Path) -> Result<Vec<SnapshotInfo>, StoreError> {
    let mut infos = Vec::new();
    for (name, path) in entries(dir, store)? {
        match load(&path) {
            Ok((saved_at, tenant)) => infos.push(SnapshotInfo::of(name, saved_at, &tenant, path)),
            Err(_) => infos.push(SnapshotInfo {
                name,
                saved_at: String::new(),
                users: 0,
                groups: 0,
                applications: 0,
                policies: 0,
                path,
            }),
        }
    }
    Ok(infos)
}

/// Writes `tenant` as the snapshot `name` (replacing a snapshot of that name in any case),
/// atomically and durably.
pub fn save(
    dir: &Path,
    store: &Path,
    name: &str,
    saved_at: &str,
    tenant: &Tenant,
) -> Result<SnapshotInfo, StoreError> {
    if let Some(message) = check_name(name) {
        return Err(StoreError::conflict(message));
    }
    fs::create_dir_all(dir).map_err(|e| {
        StoreError::io(
            store,
            format!("creating the snapshot folder '{}'", dir.display()),
            e,
        )
    })?;
    let document = document_of(tenant, name, saved_at)?;
    let path = dir.join(format!("{name}.json"));
    // Another case of the same name would otherwise survive next to the new file.
    let old = find(dir, store, name)?;
    file::write_atomic_with(&path, store, "a snapshot", |w| {
        serde_json::to_writer_pretty(&mut *w, &document).map_err(std::io::Error::other)?;
        w.write_all(b"\n")
    })?;
    if let Some(old) = old.filter(|old| *old != path) {
        let _ = fs::remove_file(old);
    }
    Ok(SnapshotInfo::of(
        name.to_string(),
        saved_at.to_string(),
        tenant,
        path,
    ))
}

/// Deletes the snapshot `name` (any case); false when there is none.
pub fn remove(dir: &Path, store: &Path, name: &str) -> Result<bool, StoreError> {
    let Some(path) = find(dir, store, name)? else {
        return Ok(false);
    };
    fs::remove_file(&path).map_err(|e| StoreError::io(store, "deleting the snapshot", e))?;
    Ok(true)
}

/// The tenant as a store document with the `snapshot` key added at the end.
fn document_of(tenant: &Tenant, name: &str, saved_at: &str) -> Result<Value, StoreError> {
    let mut document = state_document(tenant)?;
    if let Value::Object(map) = &mut document {
        let mut about = Map::new();
        about.insert("name".into(), Value::String(name.to_string()));
        about.insert("savedAt".into(), Value::String(saved_at.to_string()));
        map.insert(SNAPSHOT_KEY.into(), Value::Object(about));
    }
    Ok(document)
}

/// The whole tenant as the JSON document a store file holds (what a `ReplaceState` change
/// carries in the journal).
pub fn state_document(tenant: &Tenant) -> Result<Value, StoreError> {
    serde_json::to_value(tenant)
        .map_err(|e| StoreError::conflict(format!("The tenant could not be serialized: {e}")))
}

//! The audit log (`Get-EmuAuditLog`): which tenant commands ran, with which bound parameters,
//! and how they ended, so a trainer can review a trainee's session afterwards.
//!
//! Kept beside the store as JSON Lines (`store.json` → `store.json.audit`), one entry per line,
//! appended with a single write so sessions sharing a store do not interleave lines. The log is
//! a record of what happened, not tenant state: it is not synced per command (the journal keeps
//! the state durable), `Reset-EmuState` and `Restore-EmuSnapshot` leave it alone, and a torn
//! last line is skipped when reading. An in-memory store keeps its log in memory.
//!
//! The file is created readable by its owner only (mode 0600, like the history file): it says
//! who did what. It is capped: once it passes `MAX_LOG_BYTES` it is renamed to
//! `store.json.audit.1` (replacing an older one) and a new log starts, so the two files never
//! hold much more than twice the cap; `entries` reads both, oldest first. Rotation happens under
//! the store's lock, and a session whose open file was rotated away reopens the new one before
//! its next append.
//!
//! Owns the entry shape and the files. It must not decide what is audited or how values are
//! written (the runtime does, and masks secrets and cuts long values before they get here).

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::lock;

/// Past this size the log is rotated to `<store>.audit.1` before the next entry.
pub const MAX_LOG_BYTES: u64 = 8 << 20;

/// How long an append waits for the store's lock to rotate the log; when it cannot get it, it
/// appends anyway and rotates at a later entry.
const ROTATE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(500);

/// `store.json` → `store.json.audit`, in the same directory.
pub fn audit_path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_os_string();
    name.push(".audit");
    PathBuf::from(name)
}

/// `store.json.audit` → `store.json.audit.1`: the log before the last rotation.
pub fn rotated_audit_path_for(store: &Path) -> PathBuf {
    let mut name = audit_path_for(store).into_os_string();
    name.push(".1");
    PathBuf::from(name)
}

/// One command as it ran.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    /// RFC 3339 on the session clock, when the command ended.
    pub time: String,
    /// When the session that ran it started (session clock): tells sessions apart.
    pub session: String,
    /// The connected Teams admin, if any.
    #[serde(default)]
    pub account: String,
    /// The cmdlet's canonical name.
    pub command: String,
    /// Bound parameters by canonical name, each written as PowerShell source text.
    #[serde(default)]
    pub parameters: IndexMap<String, String>,
    /// `Succeeded`, `Failed`, `Skipped` (-WhatIf, or a confirmation answered No) or `Stopped`.
    pub outcome: String,
    /// The first error's message, when it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Where it was typed: `script.ps1:12`, or `line:3` at the prompt and in -Command text.
    #[serde(default)]
    pub source: String,
    /// The command as typed (its pipeline element).
    #[serde(default)]
    pub text: String,
}

/// Where a session's audit entries go.
#[derive(Debug, Default)]
pub struct AuditLog {
    /// The store file the log belongs to (its lock guards rotation).
    store: Option<PathBuf>,
    path: Option<PathBuf>,
    /// The file, kept open for appending once the first entry is written, and where our last
    /// append ended.
    file: Option<(File, u64)>,
    memory: Vec<AuditEntry>,
    max_bytes: u64,
}

impl AuditLog {
    /// The log beside the store file at `store`, or in memory for `None`.
    pub fn new(store: Option<&Path>) -> AuditLog {
        AuditLog {
            store: store.map(Path::to_path_buf),
            path: store.map(audit_path_for),
            file: None,
            memory: Vec::new(),
            max_bytes: MAX_LOG_BYTES,
        }
    }

    /// The same log with another size cap (tests).
    pub fn with_max_bytes(mut self, max_bytes: u64) -> AuditLog {
        self.max_bytes = max_bytes;
        self
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Adds one entry at the end, rotating the log first when it has grown past its cap.
    pub fn append(&mut self, entry: AuditEntry) -> Result<(), StoreError> {
        let (Some(path), Some(store)) = (self.path.clone(), self.store.clone()) else {
            self.memory.push(entry);
            return Ok(());
        };
        let mut line = serde_json::to_vec(&entry)
            .map_err(|e| StoreError::conflict(format!("An audit entry was not written: {e}")))?;
        line.push(b'\n');
        let max_bytes = self.max_bytes;
        let file = &mut self.file;
        (|| {
            // Another session rotated the log (or someone removed it): write to the new one.
            if let Some((open, _)) = file.as_ref()
                && !same_file(open, &path)
            {
                *file = None;
            }
            let len = match file.as_ref() {
                Some((f, _)) => f.metadata()?.len(),
                None => current_len(&path)?,
            };
            if len >= max_bytes {
                *file = None;
                rotate(&store, &path, max_bytes)?;
            }
            let (f, end) = match file {
                Some(open) => open,
                None => file.insert((open_log(&path)?, u64::MAX)),
            };
            let len = f.metadata()?.len();
            write_line(f, end, len, line)
        })()
        .map_err(|e: std::io::Error| StoreError::io(&path, "adding to the audit log", e))
    }

    /// Every entry, oldest first (the rotated log, then the current one). Lines that do not
    /// read (a torn last line, a hand edit) are skipped.
    pub fn entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let (Some(path), Some(store)) = (&self.path, &self.store) else {
            return Ok(self.memory.clone());
        };
        let mut entries = Vec::new();
        for file in [rotated_audit_path_for(store), path.clone()] {
            let text = match fs::read(&file) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) if e.kind() == ErrorKind::NotFound => continue,
                Err(e) => return Err(StoreError::io(&file, "reading the audit log", e)),
            };
            entries.extend(
                text.lines()
                    .filter_map(|line| serde_json::from_str::<AuditEntry>(line).ok()),
            );
        }
        Ok(entries)
    }

    /// Empties the log (the rotated one too); returns how many entries it held. The file is
    /// truncated, not deleted, so other sessions appending to it keep writing into the log.
    pub fn clear(&mut self) -> Result<usize, StoreError> {
        let count = self.entries()?.len();
        match (&self.path, &self.store) {
            (Some(path), Some(store)) => {
                match OpenOptions::new().write(true).open(path) {
                    Ok(f) => f
                        .set_len(0)
                        .map_err(|e| StoreError::io(path, "clearing the audit log", e))?,
                    Err(e) if e.kind() == ErrorKind::NotFound => {}
                    Err(e) => return Err(StoreError::io(path, "clearing the audit log", e)),
                }
                let rotated = rotated_audit_path_for(store);
                match fs::remove_file(&rotated) {
                    Ok(()) => {}
                    Err(e) if e.kind() == ErrorKind::NotFound => {}
                    Err(e) => return Err(StoreError::io(&rotated, "clearing the audit log", e)),
                }
            }
            _ => self.memory.clear(),
        }
        Ok(count)
    }
}

/// Appends `line` to the log whose length is `len`, where our last append ended at `end`.
fn write_line(f: &mut File, end: &mut u64, len: u64, mut line: Vec<u8>) -> std::io::Result<()> {
    // Someone else wrote since our last append (another session, or one that crashed mid-line):
    // after a torn line, start on a fresh line so only that entry is lost.
    if len != *end && len > 0 {
        let mut last = [0u8];
        f.seek(SeekFrom::Start(len - 1))?;
        f.read_exact(&mut last)?;
        if last[0] != b'\n' {
            line.insert(0, b'\n');
        }
    }
    f.write_all(&line)?;
    *end = len + line.len() as u64;
    Ok(())
}

/// Opens the log for appending, creating it readable by its owner only.
fn open_log(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).read(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn current_len(path: &Path) -> std::io::Result<u64> {
    match fs::metadata(path) {
        Ok(meta) => Ok(meta.len()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(0),
        Err(e) => Err(e),
    }
}

/// Whether the open file is still the one at `path` (not rotated away or removed).
fn same_file(open: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (open.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = open;
        path.exists()
    }
}

/// Renames the log to `.audit.1` under the store's lock, if it is still past the cap (another
/// session may have rotated it meanwhile). Without the lock (another session is busy), does
/// nothing: the next entry tries again.
fn rotate(store: &Path, path: &Path, max_bytes: u64) -> std::io::Result<()> {
    let Ok(_guard) = lock::acquire(store, ROTATE_LOCK_WAIT) else {
        return Ok(());
    };
    if current_len(path)? >= max_bytes {
        fs::rename(path, rotated_audit_path_for(store))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(command: &str) -> AuditEntry {
        AuditEntry {
            time: "2026-11-26T09:00:00Z".into(),
            session: "2026-11-26T09:00:00Z".into(),
            account: String::new(),
            command: command.into(),
            parameters: IndexMap::new(),
            outcome: "Succeeded".into(),
            error: None,
            source: "line:1".into(),
            text: command.into(),
        }
    }

    #[test]
    fn file_log_appends_skips_torn_lines_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store.json");
        let mut log = AuditLog::new(Some(&store));
        assert!(log.entries().unwrap().is_empty());
        log.append(entry("New-CsApplicationAccessPolicy")).unwrap();
        log.append(entry("Grant-CsApplicationAccessPolicy"))
            .unwrap();
        // A crash in the middle of a write leaves a torn line; it is skipped.
        let mut f = OpenOptions::new()
            .append(true)
            .open(audit_path_for(&store))
            .unwrap();
        f.write_all(b"{\"time\":\"2026").unwrap();
        log.append(entry("Get-CsApplicationAccessPolicy")).unwrap();
        let read = AuditLog::new(Some(&store)).entries().unwrap();
        assert_eq!(
            read.iter().map(|e| e.command.as_str()).collect::<Vec<_>>(),
            [
                "New-CsApplicationAccessPolicy",
                "Grant-CsApplicationAccessPolicy",
                "Get-CsApplicationAccessPolicy"
            ]
        );
        assert_eq!(log.clear().unwrap(), 3);
        assert!(log.entries().unwrap().is_empty());
        // The open handle keeps appending into the emptied file.
        log.append(entry("Get-EmuAuditLog")).unwrap();
        let read = AuditLog::new(Some(&store)).entries().unwrap();
        assert_eq!(read, vec![entry("Get-EmuAuditLog")]);
    }

    #[cfg(unix)]
    #[test]
    fn the_log_is_created_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store.json");
        let mut log = AuditLog::new(Some(&store));
        log.append(entry("Connect-MgGraph")).unwrap();
        let mode = fs::metadata(audit_path_for(&store))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }

    #[test]
    fn the_log_rotates_past_its_cap_and_reads_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store.json");
        let line_len = serde_json::to_vec(&entry("Cmd-000")).unwrap().len() as u64 + 1;
        let cap = line_len * 10;
        let mut log = AuditLog::new(Some(&store)).with_max_bytes(cap);
        // A second session on the same store, writing in turn.
        let mut other = AuditLog::new(Some(&store)).with_max_bytes(cap);
        for i in 0..35 {
            let log = if i % 3 == 0 { &mut other } else { &mut log };
            log.append(entry(&format!("Cmd-{i:03}"))).unwrap();
        }
        let current = fs::metadata(audit_path_for(&store)).unwrap().len();
        let rotated = fs::metadata(rotated_audit_path_for(&store)).unwrap().len();
        assert!(
            current <= cap && rotated <= cap + line_len,
            "{current} {rotated}"
        );
        // The newest entries are all there, in order, in both files together.
        let commands: Vec<String> = log
            .entries()
            .unwrap()
            .into_iter()
            .map(|e| e.command)
            .collect();
        let expected: Vec<String> = (35 - commands.len()..35)
            .map(|i| format!("Cmd-{i:03}"))
            .collect();
        assert_eq!(commands, expected);
        assert!(commands.len() >= 10, "{}", commands.len());
        // No file beyond the two.
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.contains("audit"))
            .collect();
        names.sort();
        assert_eq!(names, ["store.json.audit", "store.json.audit.1"]);
        // Clearing empties both.
        assert_eq!(log.clear().unwrap(), commands.len());
        assert!(log.entries().unwrap().is_empty());
        assert!(!rotated_audit_path_for(&store).exists());
    }

    #[test]
    fn memory_log_keeps_entries_in_order() {
        let mut log = AuditLog::new(None);
        log.append(entry("A")).unwrap();
        log.append(entry("B")).unwrap();
        assert_eq!(log.entries().unwrap(), vec![entry("A"), entry("B")]);
        assert_eq!(log.clear().unwrap(), 2);
        assert!(log.entries().unwrap().is_empty());
    }
}

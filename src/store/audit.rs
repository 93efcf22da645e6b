//! The audit log (`Get-EmuAuditLog`): which tenant commands ran, with which bound parameters,
//! and how they ended, so a trainer can review a trainee's session afterwards.
//!
//! Kept beside the store as JSON Lines (`store.json` → `store.json.audit`), one entry per line,
//! appended with a single write so sessions sharing a store do not interleave lines. The log is
//! a record of what happened, not tenant state: it is not synced per command (the journal keeps
//! the state durable), `Reset-EmuState` and `Restore-EmuSnapshot` leave it alone, and a torn
//! last line is skipped when reading. An in-memory store keeps its log in memory.
//!
//! Owns the entry shape and the file. It must not decide what is audited or how values are
//! written (the runtime does).

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::error::StoreError;

/// `store.json` → `store.json.audit`, in the same directory.
pub fn audit_path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_os_string();
    name.push(".audit");
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
    path: Option<PathBuf>,
    /// The file, kept open for appending once the first entry is written, and where our last
    /// append ended.
    file: Option<(File, u64)>,
    memory: Vec<AuditEntry>,
}

impl AuditLog {
    /// The log beside the store file at `store`, or in memory for `None`.
    pub fn new(store: Option<&Path>) -> AuditLog {
        AuditLog {
            path: store.map(audit_path_for),
            file: None,
            memory: Vec::new(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Adds one entry at the end.
    pub fn append(&mut self, entry: AuditEntry) -> Result<(), StoreError> {
        let Some(path) = &self.path else {
            self.memory.push(entry);
            return Ok(());
        };
        let mut line = serde_json::to_vec(&entry)
            .map_err(|e| StoreError::conflict(format!("An audit entry was not written: {e}")))?;
        line.push(b'\n');
        let file = &mut self.file;
        (|| {
            let (f, end) = match file {
                Some(open) => open,
                None => {
                    let f = OpenOptions::new()
                        .create(true)
                        .read(true)
                        .append(true)
                        .open(path)?;
                    file.insert((f, u64::MAX))
                }
            };
            // Someone else wrote since our last append (another session, or one that crashed
            // mid-line): after a torn line, start on a fresh line so only that entry is lost.
            let len = f.metadata()?.len();
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
        })()
        .map_err(|e: std::io::Error| StoreError::io(path, "adding to the audit log", e))
    }

    /// Every entry, oldest first. Lines that do not read (a torn last line, a hand edit) are
    /// skipped.
    pub fn entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let Some(path) = &self.path else {
            return Ok(self.memory.clone());
        };
        let text = match fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(path, "reading the audit log", e)),
        };
        Ok(text
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect())
    }

    /// Empties the log; returns how many entries it held. The file is truncated, not
    /// deleted, so other sessions appending to it keep writing into the log.
    pub fn clear(&mut self) -> Result<usize, StoreError> {
        let count = self.entries()?.len();
        match &self.path {
            None => self.memory.clear(),
            Some(path) => match OpenOptions::new().write(true).open(path) {
                Ok(f) => f
                    .set_len(0)
                    .map_err(|e| StoreError::io(path, "clearing the audit log", e))?,
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io(path, "clearing the audit log", e)),
            },
        }
        Ok(count)
    }
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

//! `StoreError`: every way opening, reading, changing or saving a store can fail.
//!
//! Owns the error kinds and their user-facing messages. Each message names the file and the place
//! (a JSON path such as `users[2].objectId`, or `line 3, column 7` for syntax errors) and says how
//! to recover. It must not decide anything: the code that detects a problem builds the error.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to tell the user when a file could not be read as a store.
const READ_ADVICE: &str = "The file was left unchanged. Fix the file, or start from the demo tenant \
                           with a new -Store path.";

/// Why a store could not be opened, read, changed or saved.
#[derive(Debug)]
pub enum StoreError {
    /// The file is not valid JSON (or not valid UTF-8); `line`/`column` are 1-based.
    Syntax {
        file: Option<PathBuf>,
        line: usize,
        column: usize,
        message: String,
    },
    /// A value has the wrong type, a required key is missing, or a value is not allowed.
    Invalid {
        file: Option<PathBuf>,
        place: String,
        message: String,
    },
    /// One object gives the same key twice (at `place`, the path of the repeated key).
    DuplicateKey {
        file: Option<PathBuf>,
        place: String,
        message: String,
    },
    /// Two entries share an id that must be unique.
    Duplicate {
        file: Option<PathBuf>,
        place: String,
        message: String,
    },
    /// An assignment or group member points at something that does not exist.
    Dangling {
        file: Option<PathBuf>,
        place: String,
        message: String,
    },
    /// The file was written by a newer aapsh.
    NewerSchema {
        file: Option<PathBuf>,
        found: u64,
        supported: u32,
    },
    /// The operating system refused a read or write; `action` says what we were doing.
    Io {
        file: PathBuf,
        action: String,
        source: io::Error,
    },
    /// Another session held the lock file for longer than we were willing to wait.
    LockTimeout {
        lock_file: PathBuf,
        waited: Duration,
    },
    /// The store file is marked read-only, so we refuse to replace it.
    ReadOnly { file: PathBuf },
    /// The directory the store file should be in does not exist (only the default data
    /// directory is created; a path the user named is never invented).
    NoDirectory { file: PathBuf, dir: PathBuf },
    /// The change journal beside the store file is damaged (not just a torn last record, which
    /// is ignored), or holds a record this aapsh does not know. `offset` is the byte where the
    /// bad record starts and `record` its 1-based number.
    Journal {
        journal: PathBuf,
        offset: u64,
        record: usize,
        message: String,
    },
    /// The journal holds changes made to another version of the store file: the file was edited
    /// or replaced while changes were still waiting in the journal.
    JournalMismatch {
        journal: PathBuf,
        file: PathBuf,
        changes: usize,
    },
    /// A change cannot be applied to the current state (unknown policy, policy still in use...).
    /// Nothing was changed.
    Conflict { message: String },
}

impl StoreError {
    /// The store file the error is about, when there is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            StoreError::Syntax { file, .. }
            | StoreError::Invalid { file, .. }
            | StoreError::DuplicateKey { file, .. }
            | StoreError::Duplicate { file, .. }
            | StoreError::Dangling { file, .. }
            | StoreError::NewerSchema { file, .. } => file.as_deref(),
            StoreError::Io { file, .. }
            | StoreError::ReadOnly { file }
            | StoreError::NoDirectory { file, .. } => Some(file),
            StoreError::LockTimeout { lock_file, .. } => Some(lock_file),
            StoreError::Journal { journal, .. } | StoreError::JournalMismatch { journal, .. } => {
                Some(journal)
            }
            StoreError::Conflict { .. } => None,
        }
    }

    /// The JSON path or `line L, column C` the error points at, when there is one.
    pub fn place(&self) -> Option<String> {
        match self {
            StoreError::Syntax { line, column, .. } => {
                Some(format!("line {line}, column {column}"))
            }
            StoreError::Invalid { place, .. }
            | StoreError::DuplicateKey { place, .. }
            | StoreError::Duplicate { place, .. }
            | StoreError::Dangling { place, .. } => Some(place.clone()),
            StoreError::NewerSchema { .. } => Some("schemaVersion".to_string()),
            StoreError::Journal { offset, record, .. } => {
                Some(format!("record {record} (byte {offset})"))
            }
            _ => None,
        }
    }

    /// Attaches the file name to an error found before the file was known (parsing bytes).
    pub(crate) fn in_file(mut self, path: &Path) -> StoreError {
        match &mut self {
            StoreError::Syntax { file, .. }
            | StoreError::Invalid { file, .. }
            | StoreError::DuplicateKey { file, .. }
            | StoreError::Duplicate { file, .. }
            | StoreError::Dangling { file, .. }
            | StoreError::NewerSchema { file, .. } => *file = Some(path.to_path_buf()),
            _ => {}
        }
        self
    }

    /// The message for a file that was only being loaded (a scenario or a snapshot), not
    /// opened as the store: without the advice about the store file, which does not apply.
    pub fn load_message(&self) -> String {
        let text = self.to_string();
        match text.strip_suffix(READ_ADVICE) {
            Some(head) => format!("{head}The store was not changed."),
            None => text,
        }
    }

    pub(crate) fn io(file: &Path, action: impl Into<String>, source: io::Error) -> StoreError {
        StoreError::Io {
            file: file.to_path_buf(),
            action: action.into(),
            source,
        }
    }

    pub(crate) fn conflict(message: impl Into<String>) -> StoreError {
        StoreError::Conflict {
            message: message.into(),
        }
    }
}

/// `'path'` for a file, or a neutral name for a store that lives only in memory.
fn describe(file: &Option<PathBuf>) -> String {
    match file {
        Some(path) => format!("The store file '{}'", path.display()),
        None => "The store".to_string(),
    }
}

/// Control characters (C0, DEL and C1) as PowerShell's backtick escapes (`` `e ``, `` `n ``,
/// `` `u{9B} ``...): store data and file names end up in these messages, and a raw escape or
/// newline from a file must not reach the terminal, where it could rewrite the screen.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0' => out.push_str("`0"),
            '\x07' => out.push_str("`a"),
            '\x08' => out.push_str("`b"),
            '\x1b' => out.push_str("`e"),
            '\x0c' => out.push_str("`f"),
            '\n' => out.push_str("`n"),
            '\r' => out.push_str("`r"),
            '\t' => out.push_str("`t"),
            '\x0b' => out.push_str("`v"),
            c if c.is_control() => out.push_str(&format!("`u{{{:X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape_controls(&Raw(self).to_string()))
    }
}

/// The message before control characters are escaped.
struct Raw<'a>(&'a StoreError);

impl fmt::Display for Raw<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            StoreError::Syntax {
                file,
                line,
                column,
                message,
            } => write!(
                f,
                "{} could not be read at line {line}, column {column}: {message}. {READ_ADVICE}",
                describe(file)
            ),
            StoreError::Invalid {
                file,
                place,
                message,
            } => write!(
                f,
                "{} is invalid at {place}: {message}. {READ_ADVICE}",
                describe(file)
            ),
            StoreError::DuplicateKey {
                file,
                place,
                message,
            } => write!(
                f,
                "{} has a duplicate key at {place}: {message}. {READ_ADVICE}",
                describe(file)
            ),
            StoreError::Duplicate {
                file,
                place,
                message,
            } => write!(
                f,
                "{} has a duplicate id at {place}: {message}. {READ_ADVICE}",
                describe(file)
            ),
            StoreError::Dangling {
                file,
                place,
                message,
            } => write!(
                f,
                "{} has a dangling reference at {place}: {message}. {READ_ADVICE}",
                describe(file)
            ),
            StoreError::NewerSchema {
                file,
                found,
                supported,
            } => write!(
                f,
                "{} has schemaVersion {found}, but this aapsh understands schemaVersion \
                 {supported} at most. The file was left unchanged. Use a newer aapsh, or start \
                 from the demo tenant with a new -Store path.",
                describe(file)
            ),
            StoreError::Io {
                file,
                action,
                source,
            } => write!(
                f,
                "The store file '{}' could not be used: {action} failed: {source}. The store was \
                 left as it was. Check that the file and its directory exist and are writable \
                 (and that the disk is not full), or use another -Store path.",
                file.display()
            ),
            StoreError::LockTimeout { lock_file, waited } => write!(
                f,
                "Another aapsh session is writing to this store: the lock file '{}' stayed locked \
                 for {:.1} s. Nothing was changed. Try again when the other session has finished, \
                 or use another -Store path.",
                lock_file.display(),
                waited.as_secs_f64()
            ),
            StoreError::ReadOnly { file } => write!(
                f,
                "The store file '{}' is read-only, so the change was not saved and the file was \
                 left unchanged. Make the file writable, or use another -Store path.",
                file.display()
            ),
            StoreError::NoDirectory { file, dir } => write!(
                f,
                "The store file '{}' could not be opened: its directory '{}' does not exist. \
                 Nothing was created. Create the directory first, or use another -Store path.",
                file.display(),
                dir.display()
            ),
            StoreError::Journal {
                journal,
                offset,
                record,
                message,
            } => write!(
                f,
                "The store's journal '{}' is damaged at record {record} (byte {offset}): \
                 {message}. The store file and the journal were left unchanged. Move the journal \
                 aside to open the store as it was last saved (without the changes the journal \
                 holds), or start from the demo tenant with a new -Store path.",
                journal.display()
            ),
            StoreError::JournalMismatch {
                journal,
                file,
                changes,
            } => write!(
                f,
                "The store's journal '{}' holds {changes} change{} made to another version of the \
                 store file '{}': the file was edited or replaced while they were waiting to be \
                 saved into it. Both files were left unchanged. Move the journal aside to keep the \
                 store file as it is now (without those changes), or put back the version of the \
                 file they were made to.",
                journal.display(),
                if *changes == 1 { "" } else { "s" },
                file.display()
            ),
            StoreError::Conflict { message } => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

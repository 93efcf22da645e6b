//! Start-Transcript's log files: the text the host shows (output, Write-Host, warnings, errors,
//! answers typed at prompts), without colour, between a prologue and an epilogue in pwsh's
//! layout (InternalHostUserInterfaceStrings.TranscriptPrologue / TranscriptEpilogue).
//!
//! Transcripts nest as in pwsh: Start-Transcript while one is running opens another, every
//! open one receives the text, and Stop-Transcript closes the newest. The session closes any
//! still open when it ends, as the console host does when it exits.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

const RULE: &str = "**********************";

/// One open transcript file.
#[derive(Debug)]
pub struct Transcript {
    path: PathBuf,
    file: File,
    /// Set once a write failed; the transcript then stays silent rather than failing commands.
    failed: bool,
}

/// What the prologue reports about the machine and the process.
pub struct Prologue<'a> {
    pub start: OffsetDateTime,
    /// `-UseMinimalHeader`: the start time only.
    pub minimal: bool,
    pub user: &'a str,
    pub machine: &'a str,
    pub host_application: &'a str,
    pub process_id: u32,
}

impl Transcript {
    /// Opens (or, with `append`, extends) `path` and writes the prologue.
    pub fn open(path: &Path, append: bool, prologue: &Prologue<'_>) -> std::io::Result<Transcript> {
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(path)?;
        let mut t = Transcript {
            path: path.to_path_buf(),
            file,
            failed: false,
        };
        t.file.write_all(prologue_text(prologue).as_bytes())?;
        Ok(t)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends text the host showed, without its colour codes.
    pub fn write(&mut self, text: &str) {
        if self.failed || text.is_empty() {
            return;
        }
        let plain = strip_ansi(text);
        if self.file.write_all(plain.as_bytes()).is_err() {
            self.failed = true;
        }
    }

    /// Writes the epilogue and closes the file.
    pub fn close(mut self, end: OffsetDateTime) {
        if !self.failed {
            let _ = self.file.write_all(epilogue_text(end).as_bytes());
            let _ = self.file.sync_all();
        }
    }
}

/// `yyyyMMddHHmmss`, the stamp pwsh puts in transcript headers and default file names.
pub fn stamp(t: OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn prologue_text(p: &Prologue<'_>) -> String {
    let start = stamp(p.start);
    if p.minimal {
        return format!("{RULE}\nPowerShell transcript start\nStart time: {start}\n{RULE}\n");
    }
    let os = format!("aapsh {} (offline emulator)", env!("CARGO_PKG_VERSION"));
    let platform = if cfg!(windows) { "Win32NT" } else { "Unix" };
    format!(
        "{RULE}\n\
         PowerShell transcript start\n\
         Start time: {start}\n\
         Username: {user}\n\
         RunAs User: {user}\n\
         Configuration Name: \n\
         Machine: {machine} ({os})\n\
         Host Application: {app}\n\
         Process ID: {pid}\n\
         PSVersion: {version}\n\
         PSEdition: Core\n\
         GitCommitId: {version}\n\
         OS: {os}\n\
         Platform: {platform}\n\
         PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 6.0, 7.0\n\
         PSRemotingProtocolVersion: 2.3\n\
         SerializationVersion: 1.1.0.1\n\
         WSManStackVersion: 3.0\n\
         {RULE}\n",
        user = p.user,
        machine = p.machine,
        app = p.host_application,
        pid = p.process_id,
        version = crate::vocab::powershell_version_text(),
    )
}

fn epilogue_text(end: OffsetDateTime) -> String {
    format!(
        "{RULE}\nPowerShell transcript end\nEnd time: {}\n{RULE}\n",
        stamp(end)
    )
}

/// Removes ANSI escape sequences (CSI `ESC [ ... letter` and OSC `ESC ] ... BEL`).
pub fn strip_ansi(text: &str) -> String {
    if !text.contains('\u{1b}') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('[') => {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                chars.next();
                for c in chars.by_ref() {
                    if c == '\u{7}' {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).unwrap()
    }

    #[test]
    fn colour_codes_are_not_transcribed() {
        assert_eq!(
            strip_ansi("\u{1b}[32;1mIdentity\u{1b}[0m : x"),
            "Identity : x"
        );
        assert_eq!(strip_ansi("plain"), "plain");
        assert_eq!(strip_ansi("a\u{1b}]0;title\u{7}b"), "ab");
    }

    #[test]
    fn prologue_and_epilogue_have_pwsh_layout() {
        let dir = std::env::temp_dir().join(format!("aapsh-transcript-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.txt");
        let p = Prologue {
            start: at("2026-11-26T09:00:00Z"),
            minimal: false,
            user: "CONTOSO\\admin",
            machine: "HOST",
            host_application: "aapsh",
            process_id: 42,
        };
        let mut t = Transcript::open(&path, false, &p).unwrap();
        t.write("\u{1b}[33mWARNING: x\u{1b}[0m\n");
        t.close(at("2026-11-26T09:00:05Z"));
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], RULE);
        assert_eq!(lines[1], "PowerShell transcript start");
        assert_eq!(lines[2], "Start time: 20261126090000");
        assert_eq!(lines[3], "Username: CONTOSO\\admin");
        assert!(lines.contains(&"WARNING: x"));
        assert_eq!(
            &lines[lines.len() - 4..],
            &[
                RULE,
                "PowerShell transcript end",
                "End time: 20261126090005",
                RULE
            ]
        );
        // -Append keeps what was there; -UseMinimalHeader writes the start time only.
        let p = Prologue { minimal: true, ..p };
        Transcript::open(&path, true, &p)
            .unwrap()
            .close(at("2026-11-26T09:01:00Z"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(RULE));
        assert!(text.contains("WARNING: x"));
        assert!(text.contains(&format!(
            "{RULE}\nPowerShell transcript start\nStart time: 20261126090000\n{RULE}\n{RULE}\nPowerShell transcript end"
        )));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

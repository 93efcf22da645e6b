//! Persistent history for the interactive shell. Lines are kept in two places: everything the
//! user typed stays in memory for Up/Down and Ctrl+R, while only lines that do not look like
//! secrets reach the history file. The file lives in the platform's state directory (or
//! `AAPSH_HISTORY`), and is written with rustyline's `append`, which locks the file and merges
//! what other sessions wrote, so several sessions never clobber each other.

use std::path::{Path, PathBuf};

use rustyline::Config;
use rustyline::history::{FileHistory, History, MemHistory, SearchDirection, SearchResult};

/// The environment variable that overrides the history file (tests; an empty value disables
/// the file).
pub const HISTORY_ENV: &str = "AAPSH_HISTORY";

/// How many lines the file and the memory keep (PSReadLine's default MaximumHistoryCount).
pub const MAX_HISTORY: usize = 4096;

/// The history file: `AAPSH_HISTORY`, else `history.txt` in the state directory
/// (`$XDG_STATE_HOME/aapsh`), else in the local data directory (macOS, Windows). `None` when
/// there is no home directory, or `AAPSH_HISTORY` is empty: history then stays in memory.
pub fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(HISTORY_ENV) {
        return (!p.is_empty()).then(|| PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "aapsh")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("history.txt"))
}

/// PSReadLine's default rule (AddToHistoryHandler): a line that mentions a password, token,
/// secret, API key or -AsPlainText is kept in memory only; so is one holding a bearer token
/// (`Bearer ...`, or a JSON Web Token, which starts `eyJ`).
pub fn is_sensitive(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    ["password", "asplaintext", "token", "apikey", "secret"]
        .iter()
        .any(|word| lower.contains(word))
        || lower.contains("bearer ")
        || line.contains("eyJ")
}

/// The editor's history: all lines in memory, the non-sensitive ones also in the file.
pub struct ShellHistory {
    memory: MemHistory,
    file: FileHistory,
}

impl ShellHistory {
    pub fn new(config: &Config) -> ShellHistory {
        ShellHistory {
            memory: MemHistory::with_config(config),
            file: FileHistory::with_config(config),
        }
    }

    /// Every line in memory, oldest first.
    pub fn entries(&self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.memory.len());
        for i in 0..self.memory.len() {
            if let Ok(Some(r)) = self.memory.get(i, SearchDirection::Forward) {
                out.push(r.entry.into_owned());
            }
        }
        out
    }
}

impl History for ShellHistory {
    fn get(
        &self,
        index: usize,
        dir: SearchDirection,
    ) -> rustyline::Result<Option<SearchResult<'_>>> {
        self.memory.get(index, dir)
    }

    fn add(&mut self, line: &str) -> rustyline::Result<bool> {
        self.add_owned(line.to_string())
    }

    fn add_owned(&mut self, line: String) -> rustyline::Result<bool> {
        if !is_sensitive(&line) {
            self.file.add(&line)?;
        }
        self.memory.add_owned(line)
    }

    fn len(&self) -> usize {
        self.memory.len()
    }

    fn is_empty(&self) -> bool {
        self.memory.is_empty()
    }

    fn set_max_len(&mut self, len: usize) -> rustyline::Result<()> {
        self.file.set_max_len(len)?;
        self.memory.set_max_len(len)
    }

    fn ignore_dups(&mut self, yes: bool) -> rustyline::Result<()> {
        self.file.ignore_dups(yes)?;
        self.memory.ignore_dups(yes)
    }

    fn ignore_space(&mut self, yes: bool) {
        self.file.ignore_space(yes);
        self.memory.ignore_space(yes);
    }

    fn save(&mut self, path: &Path) -> rustyline::Result<()> {
        self.file.save(path)
    }

    fn append(&mut self, path: &Path) -> rustyline::Result<()> {
        self.file.append(path)
    }

    /// Reads the file; its lines become the start of the in-memory history.
    fn load(&mut self, path: &Path) -> rustyline::Result<()> {
        self.file.load(path)?;
        for line in self.file.iter() {
            self.memory.add(line)?;
        }
        Ok(())
    }

    fn clear(&mut self) -> rustyline::Result<()> {
        self.file.clear()?;
        self.memory.clear()
    }

    fn search(
        &self,
        term: &str,
        start: usize,
        dir: SearchDirection,
    ) -> rustyline::Result<Option<SearchResult<'_>>> {
        self.memory.search(term, start, dir)
    }

    fn starts_with(
        &self,
        term: &str,
        start: usize,
        dir: SearchDirection,
    ) -> rustyline::Result<Option<SearchResult<'_>>> {
        self.memory.starts_with(term, start, dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        crate::shell::repl::editor_config(false)
    }

    #[test]
    fn sensitive_lines() {
        for (line, secret) in [
            ("$cred = Get-Credential", false),
            ("ConvertTo-SecureString 'x' -AsPlainText -Force", true),
            ("$ClientSecret = 'abc'", true),
            ("Connect-MicrosoftTeams -AccessTokens $Token", true),
            ("$apiKey = 1", true),
            ("Set-Password", true),
            ("$h = @{ Authorization = 'Bearer abc' }", true),
            ("$t = 'eyJ0eXAiOiJKV1Qi.eyJhdWQi.sig'", true),
            ("Get-CsApplicationAccessPolicy", false),
        ] {
            assert_eq!(is_sensitive(line), secret, "{line}");
        }
    }

    #[test]
    fn secrets_stay_in_memory_and_sessions_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.txt");
        let mut first = ShellHistory::new(&config());
        first.add("Get-CsTenant").unwrap();
        first.add("$secret = 'x'").unwrap();
        first.append(&path).unwrap();
        let mut second = ShellHistory::new(&config());
        second.load(&path).unwrap();
        second.add("Get-CsOnlineUser").unwrap();
        second.append(&path).unwrap();
        first.add("Get-Date").unwrap();
        first.append(&path).unwrap();
        assert_eq!(
            first.entries(),
            ["Get-CsTenant", "$secret = 'x'", "Get-Date"]
        );
        let mut third = ShellHistory::new(&config());
        third.load(&path).unwrap();
        assert_eq!(
            third.entries(),
            ["Get-CsTenant", "Get-CsOnlineUser", "Get-Date"]
        );
        // Consecutive duplicates are not added.
        third.add("Get-Date").unwrap();
        assert_eq!(third.len(), 3);
    }
}

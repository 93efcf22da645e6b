//! Driving the real binary at its interactive prompt through a pseudo-terminal, with a screen
//! model (vt100) so tests can read what a person sees, as `tmux capture-pane` shows it. Every
//! wait is on output, with a generous timeout; nothing is timed.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

pub const TIMEOUT_MS: u64 = 60_000;

pub struct Term {
    pub p: PtySession,
    vt: vt100::Parser,
    /// pwsh's default prompt for the folder the shell started in: `PS <dir>> `.
    pub prompt: String,
    pub dir: PathBuf,
}

/// The shell in `dir` (its home, history file and store are there too), no banner, no colour.
pub fn spawn(dir: &Path, extra: &[&str]) -> Term {
    spawn_with_env(dir, extra, &[])
}

/// As `spawn`, with more environment variables.
pub fn spawn_with_env(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Term {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aapsh"));
    cmd.args(["-NoLogo", "-Color", "never"])
        .args(extra)
        .env_clear()
        .env("HOME", dir)
        .env("TERM", "xterm")
        .env("AAPSH_HISTORY", dir.join("history.txt"))
        .env("AAPSH_STORE", dir.join("store.json"))
        .envs(env.iter().copied())
        .current_dir(dir);
    let p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn aapsh in a pty");
    let dir = dir.canonicalize().unwrap();
    Term {
        p,
        vt: vt100::Parser::new(500, 80, 0),
        prompt: format!("PS {}> ", dir.display()),
        dir,
    }
}

impl Term {
    /// Waits for `needle` in the output; everything up to it reaches the screen model.
    pub fn expect(&mut self, needle: &str) {
        let before = self
            .p
            .exp_string(needle)
            .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}\nscreen:\n{}", self.text()));
        self.feed(&before);
        self.feed(needle);
    }

    /// Waits until the screen's last non-empty row is `row` (with the start-up folder written
    /// `<dir>`): for lines being edited, whose redraws split the text in the raw output.
    pub fn wait_row(&mut self, row: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(TIMEOUT_MS);
        loop {
            while let Some(c) = self.p.try_read() {
                let mut buf = [0u8; 4];
                self.feed(c.encode_utf8(&mut buf));
            }
            if self.last_rows(1).first().is_some_and(|r| r == row) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "waiting for the row {row:?}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// The colour of the character at `row` (counted from the last non-empty row, 0 = last)
    /// and `col`: `None` for the default colour, else the 256-colour index.
    pub fn color_at(&self, row_from_end: usize, col: usize) -> Option<u8> {
        let rows = self.rows().len();
        let screen = self.vt.screen();
        let cell = screen.cell((rows - 1 - row_from_end) as u16, col as u16)?;
        match cell.fgcolor() {
            vt100::Color::Idx(i) => Some(i),
            _ => None,
        }
    }

    /// Waits until `check` holds for the screen, reading what arrives meanwhile.
    pub fn wait_until(&mut self, what: &str, check: impl Fn(&Term) -> bool) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(TIMEOUT_MS);
        loop {
            while let Some(c) = self.p.try_read() {
                let mut buf = [0u8; 4];
                self.feed(c.encode_utf8(&mut buf));
            }
            if check(self) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "waiting for {what}; screen:\n{}",
                self.text()
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    /// Waits for the next prompt.
    pub fn prompt(&mut self) {
        let p = self.prompt.clone();
        self.expect(&p);
    }

    fn feed(&mut self, text: &str) {
        // rexpect hands bytes over one char each (Latin-1); give the parser the bytes back.
        let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        self.vt.process(&bytes);
    }

    pub fn send(&mut self, keys: &str) {
        self.p.send(keys).unwrap();
        self.p.flush().unwrap();
    }

    pub fn enter(&mut self, line: &str) {
        self.send(&format!("{line}\r"));
    }

    pub fn ctrl(&mut self, c: char) {
        self.p.send_control(c).unwrap();
        self.p.flush().unwrap();
    }

    /// Bytes as they are, valid UTF-8 or not.
    pub fn bytes(&mut self, b: &[u8]) {
        let mut f = self.p.process().get_file_handle().unwrap();
        f.write_all(b).unwrap();
        f.flush().unwrap();
    }

    /// The screen's rows so far, right-trimmed, without the empty rows below the last text.
    pub fn rows(&self) -> Vec<String> {
        let screen = self.vt.screen();
        let mut rows: Vec<String> = screen
            .rows(0, 80)
            .map(|r| r.trim_end().to_string())
            .collect();
        while rows.last().is_some_and(|r| r.is_empty()) {
            rows.pop();
        }
        rows
    }

    pub fn text(&self) -> String {
        self.rows().join("\n")
    }

    /// The last `n` rows of the screen, with the start-up folder written `<dir>`.
    pub fn last_rows(&self, n: usize) -> Vec<String> {
        let rows = self.rows();
        let dir = self.dir.display().to_string();
        rows[rows.len().saturating_sub(n)..]
            .iter()
            .map(|r| r.replace(&dir, "<dir>"))
            .collect()
    }
}

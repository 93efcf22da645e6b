//! The host: where text goes and where prompts read from. The console host writes to the
//! process's stdout/stderr and reads stdin; tests and the REPL can supply their own. Must not
//! format values (callers pass finished text).

use std::io::{self, BufRead, IsTerminal, Write};

pub trait Host {
    /// Success output (formatted objects) and Write-Host text.
    fn write_out(&mut self, text: &str);
    /// Error records (warnings, verbose and debug lines go to `write_out`, as in pwsh).
    fn write_err(&mut self, text: &str);
    /// Reads one line for a prompt (Read-Host, mandatory parameter, -Confirm); `None` at end
    /// of input. The prompt text has already been written.
    fn read_line(&mut self) -> Option<String>;
    /// Window width used for wrapping and tables.
    fn width(&self) -> usize;
    /// Writes `prompt` and reads one answer. `secret`: the answer is echoed as `*` per
    /// character (Read-Host -AsSecureString, Get-Credential's password), where the host can.
    /// A host that edits lines itself (the REPL's) reports Ctrl+C as `Interrupted`; the
    /// default writes the prompt and reads a line.
    fn read_input(&mut self, prompt: &str, secret: bool) -> HostInput {
        let _ = secret;
        self.write_out(prompt);
        match self.read_line() {
            Some(line) => HostInput::Line(line),
            None => HostInput::End,
        }
    }
}

/// What a prompt read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostInput {
    Line(String),
    /// End of input.
    End,
    /// Ctrl+C at the prompt: the command is stopped, nothing is answered.
    Interrupted,
}

/// The process's own console.
pub struct ConsoleHost {
    width: usize,
}

impl ConsoleHost {
    pub fn new() -> ConsoleHost {
        ConsoleHost {
            width: window_width(),
        }
    }
}

impl Default for ConsoleHost {
    fn default() -> Self {
        ConsoleHost::new()
    }
}

/// The width pwsh's console host uses: the terminal's window width when standard output is a
/// terminal, and 80 columns when it is redirected (whatever `COLUMNS` says), so a replayed
/// script formats tables exactly as pwsh does in a pipe or a file.
pub fn window_width() -> usize {
    if !io::stdout().is_terminal() {
        return REDIRECTED_WIDTH;
    }
    terminal_columns()
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse::<usize>().ok())
        })
        .filter(|w| *w >= 20)
        .unwrap_or(REDIRECTED_WIDTH)
}

/// pwsh's buffer width when output is not a terminal.
pub const REDIRECTED_WIDTH: usize = 80;

/// The terminal's column count (TIOCGWINSZ on standard output).
#[cfg(unix)]
fn terminal_columns() -> Option<usize> {
    // SAFETY: TIOCGWINSZ only writes a `winsize` into the struct we own.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    (ok && size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<usize> {
    None
}

impl Host for ConsoleHost {
    fn write_out(&mut self, text: &str) {
        let mut out = io::stdout().lock();
        // A closed pipe (`aapsh ... | head`) must not panic; the text is simply dropped.
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    fn write_err(&mut self, text: &str) {
        let mut err = io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    fn read_line(&mut self) -> Option<String> {
        let mut line = String::new();
        match io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    fn width(&self) -> usize {
        self.width
    }
}

pub fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// A host that records everything, for unit tests.
#[derive(Default)]
pub struct BufferHost {
    pub out: String,
    pub err: String,
    pub input: Vec<String>,
}

impl Host for BufferHost {
    fn write_out(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn write_err(&mut self, text: &str) {
        self.err.push_str(text);
    }

    fn read_line(&mut self) -> Option<String> {
        if self.input.is_empty() {
            None
        } else {
            Some(self.input.remove(0))
        }
    }

    fn width(&self) -> usize {
        120
    }
}

// ----- the line editor's options (PSReadLine's) -------------------------------------------------

/// PSReadLine's options as Set-PSReadLineOption and Set-PSReadLineKeyHandler leave them. Like
/// PSReadLine's they belong to the console, not to a runspace: one set per process. The REPL
/// reads them before each prompt and applies what changed (`generation` counts changes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineEditorOptions {
    /// `Emacs` (the default on Linux and macOS), `Windows` or `Vi`.
    pub edit_mode: String,
    /// `None`, `History`, `Plugin` or `HistoryAndPlugin` (the default).
    pub prediction_source: String,
    /// `InlineView` (the default) or `ListView`.
    pub prediction_view_style: String,
    /// Token colours set with `-Colors`: PSReadLine's name (`Command`) -> the colour as given.
    pub colors: Vec<(String, String)>,
    /// `None` until set: then the file history is kept in.
    pub history_save_path: Option<String>,
    pub history_no_duplicates: bool,
    pub maximum_history_count: i64,
    pub bell_style: String,
    pub show_tool_tips: bool,
    /// Key bindings set with Set-PSReadLineKeyHandler: chord as typed -> function name.
    pub key_handlers: Vec<(String, String)>,
    pub generation: u64,
}

impl Default for LineEditorOptions {
    fn default() -> Self {
        LineEditorOptions {
            edit_mode: if cfg!(windows) { "Windows" } else { "Emacs" }.into(),
            prediction_source: "HistoryAndPlugin".into(),
            prediction_view_style: "InlineView".into(),
            colors: Vec::new(),
            history_save_path: None,
            history_no_duplicates: true,
            maximum_history_count: 4096,
            bell_style: "Audible".into(),
            show_tool_tips: true,
            key_handlers: Vec::new(),
            generation: 0,
        }
    }
}

static LINE_EDITOR_OPTIONS: std::sync::Mutex<Option<LineEditorOptions>> =
    std::sync::Mutex::new(None);

/// The current line-editor options.
pub fn line_editor_options() -> LineEditorOptions {
    LINE_EDITOR_OPTIONS
        .lock()
        .map(|o| o.clone().unwrap_or_default())
        .unwrap_or_default()
}

/// Changes the line-editor options (and counts the change).
pub fn update_line_editor_options(change: impl FnOnce(&mut LineEditorOptions)) {
    if let Ok(mut guard) = LINE_EDITOR_OPTIONS.lock() {
        let options = guard.get_or_insert_with(LineEditorOptions::default);
        change(options);
        options.generation += 1;
    }
}

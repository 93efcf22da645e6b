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

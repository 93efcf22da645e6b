//! The interactive shell: a rustyline loop with pwsh's prompt and `>> ` continuation lines,
//! tab completion, hints and highlighting generated from the cmdlet table and the store,
//! persistent history, and Ctrl+C that cancels the line or stops the running command.
//!
//! Files: `prompt.rs` (prompt, banner), `helper.rs` (the rustyline helper and the session
//! snapshot it works from), `completer.rs`, `hinter.rs`, `highlighter.rs`, `validator.rs`
//! (when input is complete), `history.rs` (file, secrets, several sessions).

pub mod completer;
pub mod helper;
pub mod highlighter;
pub mod hinter;
pub mod history;
pub mod prompt;
pub mod validator;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::config::{ColorMode, CompletionType};
use rustyline::error::ReadlineError;
use rustyline::{Config, Editor};

use super::options::CliOptions;
use crate::runtime::{HistoryEntry, RunOutcome, Session};
use helper::ShellHelper;
use history::{MAX_HISTORY, ShellHistory};
use validator::Completeness;

pub use prompt::prompt;

/// The line editor's settings: Windows-style Tab (cycle through candidates, as PSReadLine's
/// default on Windows), consecutive duplicates and lines starting with a space stay out of the
/// history, colour only when the session colours its output.
pub fn editor_config(color: bool) -> Config {
    let base = Config::builder()
        .completion_type(CompletionType::Circular)
        .history_ignore_space(true)
        .auto_add_history(false)
        .bracketed_paste(true)
        .color_mode(if color {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        });
    base.history_ignore_dups(true)
        .and_then(|b| b.max_history_size(MAX_HISTORY))
        .map(|b| b.build())
        .unwrap_or_default()
}

type ShellEditor = Editor<ShellHelper, ShellHistory>;

/// Ctrl+C while a command runs: the terminal is in its normal mode then, so the key arrives as
/// SIGINT. The handler only raises the session's interrupt flag, which loops and pipelines
/// check between statements and records; a store write in progress always completes (each is
/// one atomic transaction), so nothing is left half-written. While a line is being edited the
/// terminal is in raw mode and rustyline sees Ctrl+C as a key instead. The flag is cleared
/// before each command.
fn install_interrupt_handler(flag: Arc<AtomicBool>) {
    // A second session in the same process (tests) keeps the first handler.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
}

/// What one prompt produced.
enum Input {
    Line(String),
    /// Ctrl+C: the input so far is dropped.
    Cancelled,
    /// Ctrl+D on an empty line, or the end of standard input.
    End,
    Failed(String),
}

/// Reads one whole input: the first line, then `>> ` lines while the parser says it is
/// incomplete. An empty `>> ` line submits what there is (unless inside a here-string).
fn read_input(editor: &mut ShellEditor, first_prompt: &str) -> Input {
    let mut text = match editor.readline(first_prompt) {
        Ok(line) => line,
        Err(ReadlineError::Interrupted) => return Input::Cancelled,
        Err(ReadlineError::Eof) => return Input::End,
        Err(e) => return Input::Failed(e.to_string()),
    };
    while matches!(validator::check(&text), Completeness::Incomplete { .. }) {
        match editor.readline(prompt::CONTINUATION_PROMPT) {
            Ok(line) => {
                if line.trim().is_empty() && validator::empty_line_submits(&text) {
                    break;
                }
                text.push('\n');
                text.push_str(&line);
            }
            Err(ReadlineError::Interrupted) => return Input::Cancelled,
            // End of input inside a construct: run what there is, so the error shows.
            Err(ReadlineError::Eof) => break,
            Err(e) => return Input::Failed(e.to_string()),
        }
    }
    Input::Line(text)
}

fn remember(editor: &mut ShellEditor, path: Option<&std::path::Path>, line: &str) {
    if editor.add_history_entry(line).unwrap_or(false)
        && let Some(p) = path
    {
        // Another session may have written meanwhile; `append` merges under the file lock.
        let _ = editor.append_history(p);
    }
}

pub fn run(session: &mut Session, opts: &CliOptions) -> i32 {
    let color = session.options.color_out;
    let config = editor_config(color);
    let history = ShellHistory::new(&config);
    let mut editor = match ShellEditor::with_history(config, history) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("aapsh: cannot start the line editor: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(ShellHelper::new(color)));
    let history_file = history::history_path();
    if let Some(path) = &history_file {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if path.exists() {
            let _ = editor.load_history(path);
        }
    }
    install_interrupt_handler(session.interrupt.clone());
    if !opts.no_logo {
        let text = prompt::banner(session);
        session.write_host(&text);
    }
    loop {
        // Idle at the prompt: fold the change journal into the JSON file.
        super::session::checkpoint(session);
        let data = helper::snapshot(session);
        if let Some(h) = editor.helper_mut() {
            h.data = data;
        }
        let line = match read_input(&mut editor, &prompt::prompt(session)) {
            Input::Line(line) => line,
            Input::Cancelled => continue,
            Input::End => return 0,
            Input::Failed(e) => {
                eprintln!("aapsh: {e}");
                return 1;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        remember(&mut editor, history_file.as_deref(), &line);
        // pwsh's console host writes each command line to open transcripts.
        session.transcribe(&format!("PS>{line}\n"));
        let start = session.clock.now();
        session.clear_interrupt();
        let outcome = session.run_text(None, &line, Vec::new());
        let status = match outcome {
            RunOutcome::Completed { last_success: true } => "Completed",
            RunOutcome::Stopped => "Stopped",
            _ => "Failed",
        };
        let id = session.history.last().map_or(1, |e| e.id + 1);
        session.history.push(HistoryEntry {
            id,
            command_line: line,
            status,
            start,
            end: session.clock.now(),
        });
        match outcome {
            RunOutcome::Exit(code) => return code,
            RunOutcome::Stopped => {
                // The terminal echoed ^C on the command's line; start the prompt below it.
                session.write_host("\n");
                session.clear_interrupt();
            }
            _ => {}
        }
    }
}

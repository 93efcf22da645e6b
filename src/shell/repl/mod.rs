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
pub mod host;
pub mod keys;
pub mod prompt;
pub mod validator;

use std::cell::RefCell;
use std::io::{ErrorKind, IsTerminal, Write};
use std::rc::Rc;
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

/// The line editor's settings: Emacs-style Tab (the first Tab completes what all candidates
/// share, the second lists them in a grid, as PSReadLine's default edit mode on Linux and
/// macOS), consecutive duplicates and lines starting with a space stay out of the history.
/// The highlighter is always called on a terminal (it masks secrets); it adds colour only when
/// the session colours its output (`color`).
pub fn editor_config(color: bool) -> Config {
    let _ = color;
    let base = Config::builder()
        .completion_type(CompletionType::List)
        .history_ignore_space(true)
        .auto_add_history(false)
        .bracketed_paste(true)
        // A lone Esc is a key (Windows mode clears the line with it) once 100 ms pass without
        // the rest of an escape sequence: PSReadLine's AnsiEscapeTimeout.
        .keyseq_timeout(Some(100))
        .color_mode(ColorMode::Enabled);
    base.history_ignore_dups(true)
        .and_then(|b| b.max_history_size(MAX_HISTORY))
        .map(|b| b.build())
        .unwrap_or_default()
}

pub type ShellEditor = Editor<ShellHelper, ShellHistory>;

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
    /// A byte that is not UTF-8: the line is dropped and the prompt shown again.
    Undecodable,
    /// F1: show the help of the command under the cursor, then offer the line again.
    Help {
        line: String,
        pos: usize,
    },
    Failed(String),
}

/// Reads one whole input: the first line, then `>> ` lines while the parser says it is
/// incomplete. An empty `>> ` line submits what there is (unless inside a here-string).
fn read_input(
    editor: &mut ShellEditor,
    first_prompt: &str,
    initial: Option<(String, String)>,
    action: &std::sync::Mutex<Option<keys::KeyAction>>,
) -> Input {
    let first = match initial {
        Some((left, right)) => read_line_with(editor, first_prompt, Some((&left, &right))),
        None => read_line(editor, first_prompt),
    };
    if let Some(keys::KeyAction::Help { line, pos }) = action.lock().ok().and_then(|mut a| a.take())
    {
        return Input::Help { line, pos };
    }
    let mut text = match first {
        Ok(line) => line,
        Err(ReadlineError::Interrupted) => return Input::Cancelled,
        Err(ReadlineError::Eof) => return Input::End,
        Err(e) if is_bad_input(&e) => return Input::Undecodable,
        Err(e) => return Input::Failed(e.to_string()),
    };
    while matches!(validator::check(&text), Completeness::Incomplete { .. }) {
        match read_line(editor, prompt::CONTINUATION_PROMPT) {
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
            Err(e) if is_bad_input(&e) => return Input::Undecodable,
            Err(e) => return Input::Failed(e.to_string()),
        }
    }
    Input::Line(text)
}

/// A byte that is not UTF-8 (a mis-set terminal, a binary paste): rustyline gives up the line
/// with "invalid data". The session must not end for that.
fn is_bad_input(e: &ReadlineError) -> bool {
    matches!(e, ReadlineError::Io(io) if io.kind() == ErrorKind::InvalidData)
}

/// One line from the editor; Ctrl+C (see `keys::CancelHandler`) comes back as `Interrupted`.
/// pwsh marks a cancelled line `^C` and starts a new prompt below. Accepting the line redrew
/// it without its hint when there was one, and the highlighter then drew the mark; otherwise
/// the line stands as typed, and the mark is written after it, one row up.
fn read_line(editor: &mut ShellEditor, prompt: &str) -> Result<String, ReadlineError> {
    read_line_with(editor, prompt, None)
}

fn read_line_with(
    editor: &mut ShellEditor,
    prompt: &str,
    initial: Option<(&str, &str)>,
) -> Result<String, ReadlineError> {
    let line = match initial {
        Some(i) => editor.readline_with_initial(prompt, i)?,
        None => editor.readline(prompt)?,
    };
    let (cancelled, drawn) = editor.helper().map_or((false, false), |h| {
        (
            keys::take_cancel(&h.cancel),
            h.cancel_drawn.swap(false, Ordering::Relaxed),
        )
    });
    if !cancelled {
        return Ok(line);
    }
    let cols = editor.dimensions().map_or(80, |(c, _)| c.max(1) as usize);
    let mut out = std::io::stdout().lock();
    if !drawn && out.is_terminal() {
        let col = (prompt.chars().count() + line.chars().count()) % cols;
        let right = if col > 0 {
            format!("\x1b[{col}C")
        } else {
            String::new()
        };
        let _ = write!(out, "\x1b[A\r{right}^C\n");
        let _ = out.flush();
    }
    Err(ReadlineError::Interrupted)
}

fn remember(editor: &mut ShellEditor, path: Option<&std::path::Path>, line: &str) {
    if editor.add_history_entry(line).unwrap_or(false)
        && let Some(p) = path
    {
        // Another session may have written meanwhile; `append` merges under the file lock.
        let _ = editor.append_history(p);
    }
}

/// The keys the REPL binds on top of rustyline's edit mode: its own (Ctrl+C, Alt+., F1), the
/// Windows edit mode's (Esc, Ctrl+Z), and the user's (Set-PSReadLineKeyHandler). Re-applied
/// whenever the line-editor options change.
struct Bindings {
    cancel: Arc<AtomicBool>,
    typed_lines: Arc<std::sync::Mutex<Vec<String>>>,
    action: Arc<std::sync::Mutex<Option<keys::KeyAction>>>,
    /// Keys bound at the last apply, unbound at the next.
    bound: Vec<rustyline::KeyEvent>,
    generation: Option<u64>,
}

impl Bindings {
    fn handler_for(&self, function: &str) -> Option<rustyline::EventHandler> {
        use rustyline::EventHandler::{Conditional, Simple};
        Some(match function {
            "CancelLine" | "CopyOrCancelLine" => Conditional(Box::new(keys::CancelHandler {
                cancel: self.cancel.clone(),
            })),
            "YankLastArg" => {
                Conditional(Box::new(keys::YankLastArg::new(self.typed_lines.clone())))
            }
            "ShowCommandHelp" => Conditional(Box::new(keys::ShowCommandHelp {
                action: self.action.clone(),
            })),
            f => Simple(keys::function_command(f)?),
        })
    }

    fn bind(&mut self, editor: &mut ShellEditor, key: rustyline::KeyEvent, function: &str) {
        if let Some(h) = self.handler_for(function) {
            editor.bind_sequence(key, h);
            self.bound.push(key);
        }
    }

    /// Applies the edit mode, its bindings and the user's key handlers.
    fn apply(&mut self, editor: &mut ShellEditor, o: &crate::runtime::host::LineEditorOptions) {
        use rustyline::config::{Configurer, EditMode};
        use rustyline::{KeyCode, KeyEvent, Modifiers};
        for key in std::mem::take(&mut self.bound) {
            editor.unbind_sequence(key);
        }
        let windows = o.edit_mode.eq_ignore_ascii_case("Windows");
        editor.set_edit_mode(if o.edit_mode.eq_ignore_ascii_case("Vi") {
            EditMode::Vi
        } else {
            EditMode::Emacs
        });
        // set_edit_mode resets the Esc timeout (none for Emacs): keep PSReadLine's 100 ms, so
        // a lone Esc is a key.
        editor.set_keyseq_timeout(Some(100));
        // Windows mode cycles through candidates with Tab (TabCompleteNext); Emacs and Vi
        // complete the common part, then list the candidates on the second Tab.
        editor.set_completion_type(if windows {
            CompletionType::Circular
        } else {
            CompletionType::List
        });
        self.bind(editor, KeyEvent::ctrl('C'), "CopyOrCancelLine");
        self.bind(
            editor,
            KeyEvent(KeyCode::F(1), Modifiers::NONE),
            "ShowCommandHelp",
        );
        if windows {
            self.bind(
                editor,
                KeyEvent(KeyCode::Esc, Modifiers::NONE),
                "RevertLine",
            );
            self.bind(editor, KeyEvent::ctrl('Z'), "Undo");
        } else {
            self.bind(editor, KeyEvent::new('.', Modifiers::ALT), "YankLastArg");
        }
        for (chord, function) in &o.key_handlers {
            if let Some(key) = keys::parse_chord(chord) {
                self.bind(editor, key, function);
            }
        }
        if let Some(h) = editor.helper_mut() {
            h.predictions = !o.prediction_source.eq_ignore_ascii_case("None");
        }
        self.generation = Some(o.generation);
    }
}

/// F1 (ShowCommandHelp): the full help of the command under the cursor, written below the line;
/// the line is then offered again as it was.
fn show_command_help(session: &mut Session, line: &str, pos: usize) {
    let Some(name) = keys::command_at(line, pos) else {
        return;
    };
    if session.commands.get(&name).is_none() {
        return;
    }
    let quoted = name.replace('\'', "''");
    session.run_text(
        None,
        &format!("Get-Help -Name '{quoted}' -Full"),
        Vec::new(),
    );
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
    let helper = ShellHelper::new(color);
    let typed_lines = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut bindings = Bindings {
        cancel: helper.cancel.clone(),
        typed_lines: typed_lines.clone(),
        action: Arc::new(std::sync::Mutex::new(None)),
        bound: Vec::new(),
        generation: None,
    };
    editor.set_helper(Some(helper));
    let editor = Rc::new(RefCell::new(editor));
    // Questions asked by commands are read by this same editor (see `host`).
    if std::io::stdin().is_terminal() {
        session.host = Box::new(host::ReplHost::new(editor.clone()));
    }
    let mut bad_inputs = 0usize;
    let mut history_file = history::history_path();
    if let Some(p) = &history_file {
        let shown = p.display().to_string();
        crate::runtime::host::update_line_editor_options(|o| {
            o.history_save_path.get_or_insert(shown);
        });
    }
    if let Some(path) = &history_file {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if path.exists() {
            let _ = editor.borrow_mut().load_history(path);
        }
    }
    // Alt+. reaches back into earlier sessions too, as PSReadLine's saved history does.
    if let Ok(mut lines) = typed_lines.lock() {
        *lines = editor.borrow().history().entries();
    }
    install_interrupt_handler(session.interrupt.clone());
    let mut initial_text: Option<(String, String)> = None;
    if !opts.no_logo {
        let text = prompt::banner(session);
        session.write_host(&text);
    }
    loop {
        // Idle at the prompt: fold the change journal into the JSON file.
        super::session::checkpoint(session);
        let data = helper::snapshot(session);
        let shown_prompt = prompt::prompt(session);
        let mut editor = editor.borrow_mut();
        let options = crate::runtime::host::line_editor_options();
        if bindings.generation != Some(options.generation) {
            bindings.apply(&mut editor, &options);
            if let Some(p) = &options.history_save_path
                && history_file
                    .as_ref()
                    .is_none_or(|h| h.display().to_string() != *p)
            {
                history_file = Some(std::path::PathBuf::from(p));
            }
        }
        if let Some(h) = editor.helper_mut() {
            h.data = data;
            h.line_has_error.set(false);
        }
        let initial = initial_text.take();
        let input = read_input(&mut editor, &shown_prompt, initial, &bindings.action);
        if !matches!(input, Input::Undecodable) {
            bad_inputs = 0;
        }
        let line = match input {
            Input::Line(line) => line,
            Input::Cancelled => continue,
            Input::Help { line, pos } => {
                drop(editor);
                show_command_help(session, &line, pos);
                initial_text = Some((line[..pos].to_string(), line[pos..].to_string()));
                continue;
            }
            Input::Undecodable => {
                bad_inputs += 1;
                if bad_inputs > 64 {
                    eprintln!("aapsh: the terminal sends only undecodable input; leaving.");
                    return 1;
                }
                println!();
                continue;
            }
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
        if let Ok(mut lines) = typed_lines.lock() {
            lines.push(line.clone());
        }
        drop(editor);
        // pwsh's console host writes each command line to open transcripts.
        session.transcribe(&format!("PS>{line}\n"));
        let start = session.clock.now();
        session.clear_interrupt();
        let entries_before = session.history.len();
        let outcome = session.run_text(None, &line, Vec::new());
        // A running lab checks its steps and shows progress (cmdlets::labs).
        session.after_input(&line);
        let status = match outcome {
            RunOutcome::Completed { last_success: true } => "Completed",
            RunOutcome::Stopped => "Stopped",
            _ => "Failed",
        };
        let id = session.history.last().map_or(1, |e| e.id + 1);
        // Invoke-History (`r`) recorded the line it ran instead, as pwsh does.
        let replayed = session.history.len() > entries_before;
        if !replayed {
            session.history.push(HistoryEntry {
                id,
                command_line: line,
                status,
                start,
                end: session.clock.now(),
            });
        }
        match outcome {
            RunOutcome::Exit(code) => return code,
            RunOutcome::Stopped => {
                // Ctrl+C while the command ran reached us as SIGINT, and the terminal echoed
                // `^C` at the start of a line: pwsh shows nothing there, so it is erased and the
                // prompt takes the line. (Ctrl+C at a question the command asked was read by the
                // editor, which already moved to a new line.)
                if std::io::stdout().is_terminal() {
                    session.write_host("\r\x1b[K");
                }
                session.clear_interrupt();
            }
            _ => {}
        }
    }
}

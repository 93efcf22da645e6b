//! The interactive shell: a rustyline loop with history, a pwsh-style prompt, and multi-line
//! input driven by the parser (incomplete input gets the `>> ` continuation prompt).

use rustyline::error::ReadlineError;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Completer, Helper, Highlighter, Hinter};

use crate::cli::CliOptions;
use crate::runtime::{RunOutcome, Session};
use crate::syntax::{SourceFile, parse_script};

#[derive(Completer, Helper, Highlighter, Hinter)]
struct ShellHelper;

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(match parse_script(SourceFile::new(None, ctx.input())) {
            Err(e) if e.is_incomplete() => ValidationResult::Incomplete,
            _ => ValidationResult::Valid(None),
        })
    }
}

/// The prompt: `PS [offline] > ` before Connect-MicrosoftTeams, the tenant after.
pub fn prompt(session: &Session) -> String {
    match &session.connection {
        Some(c) => format!("PS [{}] > ", c.tenant_domain),
        None => "PS [offline] > ".to_string(),
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    if let Ok(p) = std::env::var("AAPSH_HISTORY") {
        return (!p.is_empty()).then(|| p.into());
    }
    let dirs = directories::ProjectDirs::from("", "", "aapsh")?;
    let dir = dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_local_dir())
        .to_path_buf();
    Some(dir.join("history.txt"))
}

pub fn run(session: &mut Session, opts: &CliOptions) -> i32 {
    let config = rustyline::Config::builder()
        .history_ignore_dups(true)
        .map(|b| b.history_ignore_space(true))
        .and_then(|b| b.max_history_size(10_000))
        .map(|b| b.build())
        .unwrap_or_default();
    let mut editor =
        match rustyline::Editor::<ShellHelper, rustyline::history::FileHistory>::with_config(config)
        {
            Ok(e) => e,
            Err(e) => {
                eprintln!("aapsh: cannot start the line editor: {e}");
                return 1;
            }
        };
    editor.set_helper(Some(ShellHelper));
    let history = history_path();
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.load_history(h);
    }
    if !opts.no_logo {
        println!(
            "aapsh {} - offline Teams application access policy shell",
            env!("CARGO_PKG_VERSION")
        );
        println!("Type Connect-MicrosoftTeams to start, Get-Help for help, exit to leave.\n");
    }
    let mut last_code = 0;
    loop {
        // Idle at the prompt: fold the change journal into the JSON file.
        crate::cli::checkpoint(session);
        match editor.readline(&prompt(session)) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(line.as_str());
                if let Some(h) = &history {
                    let _ = editor.append_history(h);
                }
                match session.run_text(None, &line, Vec::new()) {
                    RunOutcome::Exit(code) => return code,
                    RunOutcome::Completed { last_success } => {
                        last_code = if last_success { 0 } else { 1 }
                    }
                    _ => last_code = 1,
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => return last_code,
            Err(e) => {
                eprintln!("aapsh: {e}");
                return 1;
            }
        }
    }
}

//! The program: parses the command line and runs the mode it names (REPL, script file,
//! -Command) with pwsh's exit codes.

use std::io::{IsTerminal, Read};

use std::ffi::OsString;

use super::options::{CliOptions, Mode, USAGE, parse_args, parse_args_os};
use super::session::{build_session, checkpoint};
use crate::runtime::RunOutcome;
use crate::runtime::pipeline::script_arguments;

fn exit_code(outcome: RunOutcome, command_mode: bool) -> i32 {
    match outcome {
        RunOutcome::Exit(n) => n,
        RunOutcome::Terminated | RunOutcome::ParseFailed | RunOutcome::Stopped => 1,
        RunOutcome::Completed { last_success } => {
            if command_mode && !last_success {
                1
            } else {
                0
            }
        }
    }
}

/// The whole program: returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    run_parsed(parse_args(args))
}

/// The whole program over the arguments as the system passes them (see `parse_args_os`).
pub fn run_os(args: &[OsString]) -> i32 {
    run_parsed(parse_args_os(args))
}

fn run_parsed(parsed: Result<CliOptions, String>) -> i32 {
    let mut o = match parsed {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("Run 'aapsh -Help' for usage.");
            return 64;
        }
    };
    if matches!(o.mode, Mode::Help | Mode::Version) {
        return run_mode(&o);
    }
    if o.lab.is_none() && (o.check.is_some() || o.report.is_some()) {
        eprintln!("aapsh: -Check and -Report go with -Lab NAME (docs/labs.md).");
        return 64;
    }
    // -PathMap targets are folders relative to where aapsh was started.
    let here = std::env::current_dir().unwrap_or_default();
    crate::runtime::files::set_path_map(
        o.path_map
            .iter()
            .map(|(from, to)| (from.clone(), here.join(to)))
            .collect(),
    );
    if o.lab.is_some() {
        return super::lab::run(&o);
    }
    let sandbox = if o.sandbox {
        if o.store.is_some() {
            eprintln!("aapsh: -Sandbox makes its own store; it cannot be used with -Store.");
            return 64;
        }
        match make_sandbox() {
            Ok(dir) => {
                o.store = Some(dir.join("store.json"));
                Some(dir)
            }
            Err(e) => {
                eprintln!("aapsh: cannot create the sandbox folder: {e}");
                return 1;
            }
        }
    } else {
        None
    };
    let code = run_mode(&o);
    if let Some(dir) = sandbox {
        let _ = std::fs::remove_dir_all(&dir);
    }
    code
}

/// A new folder for a `-Sandbox` store (and its journal, audit log and snapshots) in the
/// temporary directory; removed when aapsh exits.
fn make_sandbox() -> std::io::Result<std::path::PathBuf> {
    let base = std::env::temp_dir();
    for _ in 0..16 {
        let dir = base.join(format!(
            "aapsh-sandbox-{}-{:08x}",
            std::process::id(),
            fastrand::u32(..)
        ));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free name"))
}

/// `-WorkingDirectory`: goes there as Set-Location would (a missing folder is Set-Location's
/// error, and the session starts where it was, as in pwsh).
fn enter_working_directory(session: &mut crate::runtime::Session, o: &CliOptions) {
    if let Some(dir) = &o.working_directory {
        let quoted = dir.replace('\'', "''");
        session.run_text(None, &format!("Set-Location -Path '{quoted}'"), Vec::new());
        session.last_success = true;
    }
}

/// After -Command or a script: the interactive prompt with the same session (`-NoExit`), or
/// the exit code.
fn finish(
    session: &mut crate::runtime::Session,
    o: &CliOptions,
    outcome: RunOutcome,
    command: bool,
) -> i32 {
    if o.no_exit && !matches!(outcome, RunOutcome::Exit(_)) {
        return super::repl::run(session, o);
    }
    exit_code(outcome, command)
}

fn run_mode(o: &CliOptions) -> i32 {
    match &o.mode {
        Mode::Help => {
            print!("{USAGE}");
            0
        }
        Mode::Version => {
            println!(
                "aapsh {} (emulates PowerShell 7.4 with the MicrosoftTeams module, offline)",
                env!("CARGO_PKG_VERSION")
            );
            0
        }
        Mode::Repl => {
            let interactive = std::io::stdin().is_terminal();
            let mut session = match build_session(o, interactive) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            enter_working_directory(&mut session, o);
            super::repl::run(&mut session, o)
        }
        Mode::File { path, args } => {
            let mut session = match build_session(o, std::io::stdin().is_terminal()) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            enter_working_directory(&mut session, o);
            if !path.to_ascii_lowercase().ends_with(".ps1") {
                eprintln!(
                    "Processing -File '{path}' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name, and then try again."
                );
                return 64;
            }
            let resolved = session.resolve_path(path);
            let text = match std::fs::read(&resolved) {
                Ok(bytes) => crate::runtime::files::decode_text(&bytes),
                Err(_) => {
                    eprintln!(
                        "The argument '{path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
                    );
                    return 64;
                }
            };
            let outcome = session.run_text(Some(resolved), &text, script_arguments(args));
            checkpoint(&mut session);
            finish(&mut session, o, outcome, false)
        }
        Mode::Command(text) => {
            let text = match text {
                Some(t) => t.clone(),
                None => {
                    let mut buf = Vec::new();
                    if std::io::stdin().read_to_end(&mut buf).is_err() {
                        eprintln!("aapsh: could not read the command text from standard input.");
                        return 1;
                    }
                    // pwsh reads `-Command -` as UTF-8 whatever the bytes start with (a UTF-16
                    // script piped in runs as garbage there too); only script files are decoded
                    // by their byte order mark.
                    String::from_utf8_lossy(&buf).into_owned()
                }
            };
            let interactive =
                matches!(o.mode, Mode::Command(Some(_))) && std::io::stdin().is_terminal();
            let mut session = match build_session(o, interactive) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            enter_working_directory(&mut session, o);
            let outcome = session.run_text(None, &text, Vec::new());
            checkpoint(&mut session);
            finish(&mut session, o, outcome, true)
        }
    }
}

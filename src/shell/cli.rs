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
    let o = match parsed {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("Run 'aapsh -Help' for usage.");
            return 64;
        }
    };
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
            let mut session = match build_session(&o, interactive) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            super::repl::run(&mut session, &o)
        }
        Mode::File { path, args } => {
            let mut session = match build_session(&o, std::io::stdin().is_terminal()) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            if !path.to_ascii_lowercase().ends_with(".ps1") {
                eprintln!(
                    "Processing -File '{path}' failed because the file does not have a '.ps1' extension. Specify a valid PowerShell script file name, and then try again."
                );
                return 64;
            }
            let resolved = session.resolve_path(path);
            let text = match std::fs::read(&resolved) {
                Ok(bytes) => String::from_utf8_lossy(&bytes)
                    .trim_start_matches('\u{feff}')
                    .to_string(),
                Err(_) => {
                    eprintln!(
                        "The argument '{path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
                    );
                    return 64;
                }
            };
            let outcome = session.run_text(Some(resolved), &text, script_arguments(args));
            checkpoint(&mut session);
            exit_code(outcome, false)
        }
        Mode::Command(text) => {
            let text = match text {
                Some(t) => t.clone(),
                None => {
                    let mut buf = String::new();
                    if std::io::stdin().read_to_string(&mut buf).is_err() {
                        eprintln!("aapsh: could not read the command text from standard input.");
                        return 1;
                    }
                    buf
                }
            };
            let interactive =
                matches!(o.mode, Mode::Command(Some(_))) && std::io::stdin().is_terminal();
            let mut session = match build_session(&o, interactive) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            let outcome = session.run_text(None, &text, Vec::new());
            checkpoint(&mut session);
            exit_code(outcome, true)
        }
    }
}

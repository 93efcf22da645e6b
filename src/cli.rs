//! The command line (shared/spec/cli.md): pwsh-style options, the store location, colour and
//! error-view choices, and the run modes (REPL, script file, -Command) with pwsh's exit codes.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use crate::format::ErrorView;
use crate::runtime::clock::{Clock, IdGenerator};
use crate::runtime::host::ConsoleHost;
use crate::runtime::pipeline::script_arguments;
use crate::runtime::{Connection, RunOutcome, Session, SessionOptions};
use crate::store::{self, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Repl,
    File {
        path: String,
        args: Vec<String>,
    },
    /// `-Command TEXT`; `None` means `-Command -` (read standard input).
    Command(Option<String>),
    Version,
    Help,
}

#[derive(Clone, Debug)]
pub struct CliOptions {
    pub mode: Mode,
    pub store: Option<PathBuf>,
    pub connected: bool,
    pub color: ColorChoice,
    pub error_view: ErrorView,
    pub non_interactive: bool,
    pub no_logo: bool,
}

const OPTIONS: &[&str] = &[
    "Command",
    "File",
    "Store",
    "Connected",
    "Color",
    "ErrorView",
    "NoProfile",
    "NonInteractive",
    "NoLogo",
    "Version",
    "Help",
];

/// Resolves an option as typed (`-c`, `--store`, `-NonI`) to its canonical name.
fn option_name(arg: &str) -> Option<Result<&'static str, String>> {
    let body = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-'))?;
    if body.is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let fixed = match lower.as_str() {
        "c" => Some("Command"),
        "f" => Some("File"),
        "?" | "h" => Some("Help"),
        "v" => Some("Version"),
        "nop" => Some("NoProfile"),
        "noni" => Some("NonInteractive"),
        "nol" => Some("NoLogo"),
        _ => None,
    };
    if let Some(f) = fixed {
        return Some(Ok(f));
    }
    let matches: Vec<&&str> = OPTIONS
        .iter()
        .filter(|o| o.to_ascii_lowercase().starts_with(&lower))
        .collect();
    match matches.as_slice() {
        [one] => Some(Ok(one)),
        [] => Some(Err(format!(
            "The argument '{arg}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
        ))),
        _ => {
            if let Some(exact) = matches.iter().find(|o| o.eq_ignore_ascii_case(&lower)) {
                return Some(Ok(exact));
            }
            Some(Err(format!(
                "Cannot process the command because the parameter name '{body}' is ambiguous. Possible matches include: {}.",
                matches
                    .iter()
                    .map(|m| format!("-{m}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )))
        }
    }
}

pub fn parse_args(args: &[String]) -> Result<CliOptions, String> {
    let mut o = CliOptions {
        mode: Mode::Repl,
        store: None,
        connected: false,
        color: ColorChoice::Auto,
        error_view: ErrorView::Concise,
        non_interactive: false,
        no_logo: false,
    };
    let mut i = 0;
    while i < args.len() {
        // `--store=PATH`: GNU-style options may carry their value after `=`.
        let (arg, inline) = match args[i]
            .strip_prefix("--")
            .and_then(|rest| rest.split_once('='))
        {
            Some((name, v)) => (format!("--{name}"), Some(v.to_string())),
            None => (args[i].clone(), None),
        };
        let arg = &arg;
        let value = |i: usize, name: &str| -> Result<String, String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => args.get(i + 1).cloned().ok_or_else(|| {
                    format!("Missing an argument for parameter '{name}'. Specify a parameter of type 'System.String' and try again.")
                }),
            }
        };
        // How many extra arguments an option with a value consumed.
        let consumed = usize::from(inline.is_none());
        match option_name(arg) {
            None => {
                // The first bare argument is the script; the rest are its arguments.
                o.mode = Mode::File {
                    path: arg.clone(),
                    args: args[i + 1..].to_vec(),
                };
                return Ok(o);
            }
            Some(Err(e)) => return Err(e),
            Some(Ok(name)) => match name {
                "Command" => {
                    let rest = &args[i + 1..];
                    if rest.is_empty() {
                        return Err("Missing an argument for parameter 'Command'. Specify a parameter of type 'System.String' and try again.".into());
                    }
                    o.mode = if rest.len() == 1 && rest[0] == "-" {
                        Mode::Command(None)
                    } else {
                        Mode::Command(Some(rest.join(" ")))
                    };
                    return Ok(o);
                }
                "File" => {
                    let path = value(i, "File")?;
                    o.mode = Mode::File {
                        path,
                        args: args[(i + 1 + consumed).min(args.len())..].to_vec(),
                    };
                    return Ok(o);
                }
                "Store" => {
                    o.store = Some(PathBuf::from(value(i, "Store")?));
                    i += consumed;
                }
                "Connected" => o.connected = true,
                "Color" => {
                    let v = value(i, "Color")?;
                    o.color = match v.to_ascii_lowercase().as_str() {
                        "auto" => ColorChoice::Auto,
                        "always" => ColorChoice::Always,
                        "never" => ColorChoice::Never,
                        _ => {
                            return Err(format!(
                                "Cannot process the -Color value '{v}'. Use auto, always or never."
                            ));
                        }
                    };
                    i += consumed;
                }
                "ErrorView" => {
                    let v = value(i, "ErrorView")?;
                    o.error_view = match v.to_ascii_lowercase().as_str() {
                        "concise" | "conciseview" => ErrorView::Concise,
                        "normal" | "normalview" => ErrorView::Normal,
                        _ => {
                            return Err(format!(
                                "Cannot process the -ErrorView value '{v}'. Use concise or normal."
                            ));
                        }
                    };
                    i += consumed;
                }
                "NoProfile" => {}
                "NonInteractive" => o.non_interactive = true,
                "NoLogo" => o.no_logo = true,
                "Version" => o.mode = Mode::Version,
                _ => o.mode = Mode::Help,
            },
        }
        i += 1;
    }
    Ok(o)
}

pub const USAGE: &str = "Usage: aapsh [options] [FILE.ps1 [ARGS...]]
       aapsh [options] -File FILE.ps1 [ARGS...]
       aapsh [options] -Command TEXT | -Command -

An offline shell that emulates the Microsoft Teams application access policy cmdlets
(New-, Get-, Set-, Remove-, Grant-CsApplicationAccessPolicy) over a local JSON store.

Options (case-insensitive; -Name and --name both work):
  -Store PATH                 the store file (default: $AAPSH_STORE, else store.json in the
                              aapsh data directory); a missing file starts from the demo tenant
  -Connected                  start already connected, as after Connect-MicrosoftTeams
  -Color auto|always|never    colour (auto: only on a terminal, and not when NO_COLOR is set)
  -ErrorView concise|normal   pwsh 7 ConciseView (default) or the Windows PowerShell NormalView
  -NonInteractive             prompts (Read-Host, -Confirm, missing mandatory parameters) fail
  -NoProfile, -NoLogo         accepted as in pwsh; -NoLogo hides the banner
  -Version                    print the version
  -Help, -?, -h               this text

Environment: AAPSH_STORE (store path), AAPSH_NOW (RFC 3339 clock), AAPSH_SEED (generated ids),
AAPSH_DURABILITY=disk|os (sync every command to the disk, or hand it to the operating system;
default disk at the prompt, os for scripts and -Command), NO_COLOR.
";

fn color_enabled(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var("NO_COLOR").map_or(true, |v| v.is_empty())
        }
    }
}

/// The store path: `-Store`, else `AAPSH_STORE`, else the platform data directory.
pub fn store_path(option: Option<&PathBuf>) -> Option<PathBuf> {
    if let Some(p) = option {
        return Some(p.clone());
    }
    if let Ok(p) = std::env::var("AAPSH_STORE")
        && !p.is_empty()
    {
        return Some(PathBuf::from(p));
    }
    store::default_store_path()
}

/// How durable each completed command is made before the next one starts (docs/performance.md).
/// Both levels keep the contract (cli.md): a completed command survives a killed process. At the
/// prompt each command is also synced to the disk, so it survives a power cut too (a person
/// typing never notices the sync); scripts and -Command hand each command to the operating
/// system and sync at the checkpoint that ends the run, so a long replay is not bound by the
/// disk's sync latency. `AAPSH_DURABILITY=disk|os` overrides either default.
fn durability(mode: &Mode) -> Result<crate::store::Durability, String> {
    use crate::store::Durability;
    match std::env::var("AAPSH_DURABILITY") {
        Ok(v) if v.eq_ignore_ascii_case("disk") => Ok(Durability::Disk),
        Ok(v) if v.eq_ignore_ascii_case("os") => Ok(Durability::Os),
        Ok(v) if !v.trim().is_empty() => Err(format!(
            "aapsh: AAPSH_DURABILITY must be disk or os, not '{v}'."
        )),
        _ => Ok(match mode {
            Mode::Repl => Durability::Disk,
            _ => Durability::Os,
        }),
    }
}

/// Builds a session for the options (store opened, clock and ids from the environment).
pub fn build_session(o: &CliOptions, interactive: bool) -> Result<Session, String> {
    let path = store_path(o.store.as_ref()).ok_or_else(|| {
        "aapsh: cannot find a data directory for the store; use -Store PATH.".to_string()
    })?;
    let durability = durability(&o.mode)?;
    let mut store = Store::open(&path).map_err(|e| format!("aapsh: {e}"))?;
    store.set_durability(durability);
    let options = SessionOptions {
        error_view: o.error_view,
        color_out: color_enabled(o.color, std::io::stdout().is_terminal()),
        color_err: color_enabled(o.color, std::io::stderr().is_terminal()),
        interactive: interactive && !o.non_interactive,
        non_interactive: o.non_interactive,
    };
    let mut session = Session::new(Box::new(ConsoleHost::new()), store, options);
    session.clock = Clock::from_env_value(std::env::var("AAPSH_NOW").ok().as_deref())?;
    let seed = match std::env::var("AAPSH_SEED") {
        Ok(s) if !s.trim().is_empty() => Some(
            s.trim()
                .parse::<u64>()
                .map_err(|_| format!("aapsh: AAPSH_SEED must be a whole number: {s}"))?,
        ),
        _ => None,
    };
    session.ids = IdGenerator::new(seed);
    if o.connected {
        session.connection = Some(default_connection(&mut session));
    }
    Ok(session)
}

/// The connection `-Connected` (and a bare Connect-MicrosoftTeams) makes: the tenant's admin.
pub fn default_connection(session: &mut Session) -> Connection {
    match session.store.tenant() {
        Ok(t) => Connection {
            account: format!("admin@{}", t.tenant.domain),
            environment: "AzureCloud".into(),
            tenant_id: t.tenant.tenant_id.clone(),
            tenant_domain: t.tenant.domain.clone(),
        },
        Err(_) => Connection {
            account: "admin@contoso.onmicrosoft.com".into(),
            environment: "AzureCloud".into(),
            tenant_id: String::new(),
            tenant_domain: String::new(),
        },
    }
}

/// Folds the change journal into the JSON file at the end of a run. Every completed command is
/// already durable in the journal, so a failure here only delays the fold (it is reported).
pub fn checkpoint(session: &mut Session) {
    if let Err(e) = session.store.checkpoint() {
        eprintln!("aapsh: {e}");
    }
}

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
    let o = match parse_args(args) {
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
            crate::repl::run(&mut session, &o)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn modes() {
        assert_eq!(parse_args(&args(&[])).unwrap().mode, Mode::Repl);
        assert_eq!(
            parse_args(&args(&["-c", "Get-Date"])).unwrap().mode,
            Mode::Command(Some("Get-Date".into()))
        );
        assert_eq!(
            parse_args(&args(&["-Command", "-"])).unwrap().mode,
            Mode::Command(None)
        );
        assert_eq!(
            parse_args(&args(&["--store", "x.json", "s.ps1", "-Name", "a"]))
                .unwrap()
                .mode,
            Mode::File {
                path: "s.ps1".into(),
                args: args(&["-Name", "a"])
            }
        );
        let o = parse_args(&args(&[
            "-NONINTERACTIVE",
            "-ErrorView",
            "normal",
            "-color",
            "never",
        ]))
        .unwrap();
        assert!(o.non_interactive);
        assert_eq!(o.error_view, ErrorView::Normal);
        assert_eq!(o.color, ColorChoice::Never);
        assert!(parse_args(&args(&["-Co", "x"])).is_err());
        assert_eq!(parse_args(&args(&["-?"])).unwrap().mode, Mode::Help);
        let o = parse_args(&args(&["--store=x.json", "--color=never", "-c", "exit"])).unwrap();
        assert_eq!(o.mode, Mode::Command(Some("exit".into())));
        assert_eq!(o.store, Some(PathBuf::from("x.json")));
        assert_eq!(o.color, ColorChoice::Never);
        assert_eq!(
            parse_args(&args(&["--file=s.ps1", "a"])).unwrap().mode,
            Mode::File {
                path: "s.ps1".into(),
                args: args(&["a"])
            }
        );
    }
}

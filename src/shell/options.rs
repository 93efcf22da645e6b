//! The command line as pwsh spells it (the contract is docs/cli.md): options, case-insensitive
//! and prefix-matched, parsed into `CliOptions` and a run mode.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use crate::runtime::output::ErrorView;

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
    /// `-Sandbox`: a store in a new temporary folder, deleted at exit.
    pub sandbox: bool,
    /// `-NoExit`: after -Command or a script file, stay at the interactive prompt.
    pub no_exit: bool,
    /// `-WorkingDirectory`: the folder to start in (as Set-Location would go there).
    pub working_directory: Option<String>,
    /// `-PathMap 'C:\Scripts=./scripts'`: Windows prefixes replaced by local folders.
    pub path_map: Vec<(String, String)>,
    /// Which argument held the store path, and whether after `--store=`: `parse_args_os` takes
    /// the path from that argument unconverted.
    pub store_arg: Option<(usize, bool)>,
    /// `-Lab NAME-or-FILE`, `-Check SOLUTION.ps1`, `-Report FILE.json` (docs/labs.md).
    pub lab: Option<String>,
    pub check: Option<String>,
    pub report: Option<String>,
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
    "Sandbox",
    "NoExit",
    "ExecutionPolicy",
    "WorkingDirectory",
    "OutputFormat",
    "InputFormat",
    "EncodedCommand",
    "PathMap",
    "Lab",
    "Check",
    "Report",
];

/// pwsh's execution policies; `-ExecutionPolicy` takes one and changes nothing here (aapsh
/// signs nothing and blocks nothing).
const EXECUTION_POLICIES: &[&str] = &[
    "AllSigned",
    "Bypass",
    "Default",
    "RemoteSigned",
    "Restricted",
    "Undefined",
    "Unrestricted",
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
        "noe" => Some("NoExit"),
        "ex" | "ep" => Some("ExecutionPolicy"),
        "wd" => Some("WorkingDirectory"),
        "o" | "of" => Some("OutputFormat"),
        "inp" | "if" => Some("InputFormat"),
        "e" | "ec" => Some("EncodedCommand"),
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
        sandbox: false,
        no_exit: false,
        working_directory: None,
        path_map: Vec::new(),
        store_arg: None,
        lab: None,
        check: None,
        report: None,
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
                    o.store_arg = Some((i + consumed, inline.is_some()));
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
                        "normal" | "normalview" => ErrorView::WindowsNormal,
                        _ => {
                            return Err(format!(
                                "Cannot process the -ErrorView value '{v}'. Use concise or normal."
                            ));
                        }
                    };
                    i += consumed;
                }
                "NoProfile" => {}
                "Sandbox" => o.sandbox = true,
                "NoExit" => o.no_exit = true,
                "ExecutionPolicy" => {
                    let v = value(i, "ExecutionPolicy")?;
                    if !EXECUTION_POLICIES
                        .iter()
                        .any(|p| p.eq_ignore_ascii_case(&v))
                    {
                        return Err(format!("Invalid ExecutionPolicy value '{v}'."));
                    }
                    i += consumed;
                }
                "WorkingDirectory" => {
                    let v = value(i, "WorkingDirectory").map_err(|_| {
                        "Cannot process the command because -WorkingDirectory requires an argument that is a directory path.".to_string()
                    })?;
                    o.working_directory = Some(v);
                    i += consumed;
                }
                "OutputFormat" | "InputFormat" => {
                    let v = value(i, name)?;
                    match v.to_ascii_lowercase().as_str() {
                        "text" => {}
                        "xml" => {
                            return Err(format!(
                                "aapsh: -{name} XML (CLIXML) is not emulated; use -{name} Text."
                            ));
                        }
                        _ => {
                            return Err(format!(
                                "Cannot process the command because of an incorrect parameter value. \"{v}\" is not a valid format.\nValid formats are:\nText\nXML"
                            ));
                        }
                    }
                    i += consumed;
                }
                "EncodedCommand" => {
                    let v = value(i, "EncodedCommand")?;
                    let text = decode_encoded_command(&v).ok_or_else(|| {
                        "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.".to_string()
                    })?;
                    o.mode = Mode::Command(Some(text));
                    i += consumed;
                }
                "PathMap" => {
                    let v = value(i, "PathMap")?;
                    for pair in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        let Some((from, to)) = pair.split_once('=') else {
                            return Err(format!(
                                "Cannot process the -PathMap value '{pair}'. Write WINDOWS-PREFIX=FOLDER, for example 'C:\\Scripts=./scripts'."
                            ));
                        };
                        o.path_map
                            .push((from.trim().to_string(), to.trim().to_string()));
                    }
                    i += consumed;
                }
                "Lab" | "Check" | "Report" => {
                    let v = value(i, name)?;
                    *match name {
                        "Lab" => &mut o.lab,
                        "Check" => &mut o.check,
                        _ => &mut o.report,
                    } = Some(v);
                    i += consumed;
                }
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

/// `-EncodedCommand`: Base64 of the command's UTF-16 LE bytes, as pwsh documents it.
pub fn decode_encoded_command(text: &str) -> Option<String> {
    let bytes = crate::runtime::dotnet::encoding::from_base64(text.trim())?;
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// `parse_args` over the arguments as the system passes them. Each is read as UTF-8, a byte
/// that is not becoming U+FFFD (so a script name or text that is not UTF-8 fails as a missing
/// file or in the parser, with a message, never a panic), except the store path, which is
/// kept as the OsString it was: a file name need not be UTF-8.
pub fn parse_args_os(raw: &[OsString]) -> Result<CliOptions, String> {
    let args: Vec<String> = raw
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut o = parse_args(&args)?;
    if let Some((i, inline)) = o.store_arg
        && let Some(arg) = raw.get(i)
    {
        o.store = Some(PathBuf::from(if inline {
            after_equals(arg)
        } else {
            arg.clone()
        }));
    }
    Ok(o)
}

/// What follows the first `=` of `--store=PATH`.
fn after_equals(arg: &OsStr) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = arg.as_bytes();
        let start = bytes.iter().position(|&b| b == b'=').map_or(0, |i| i + 1);
        OsStr::from_bytes(&bytes[start..]).to_os_string()
    }
    #[cfg(not(unix))]
    {
        let text = arg.to_string_lossy();
        OsString::from(text.split_once('=').map_or("", |(_, v)| v))
    }
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
  -NoExit                     after -Command or a script, stay at the interactive prompt
  -EncodedCommand BASE64      -Command given as Base64 of its UTF-16 LE text (also -e, -ec)
  -WorkingDirectory DIR       start in DIR (also -wd)
  -ExecutionPolicy POLICY     accepted, as pwsh's; no effect offline (also -ep, -ex)
  -OutputFormat Text, -InputFormat Text
                              accepted (Text is the only format; XML is not emulated)
  -Sandbox                    a throw-away store in a new temporary folder, deleted at exit
  -PathMap 'C:\\Scripts=./scripts'
                              replay Windows scripts: paths under the Windows prefix go to the
                              local folder (several: 'C:\\A=./a,D:\\B=./b')
  -Lab NAME|FILE.json         a training lab on a fresh copy of its tenant (docs/labs.md);
                              Get-EmuLab -ListAvailable lists the labs built in
  -Check SOLUTION.ps1         with -Lab: grade a script step by step (exit 0: all passed)
  -Report FILE.json           with -Lab: write the lab's report (each step, hints, time)
  -Version                    print the version
  -Help, -?, -h               this text

Environment: AAPSH_STORE (store path), AAPSH_NOW (RFC 3339 clock), AAPSH_SEED (generated ids),
AAPSH_DURABILITY=disk|os (sync every command to the disk, or hand it to the operating system;
default disk at the prompt, os for scripts and -Command), NO_COLOR.
";

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
        assert_eq!(o.error_view, ErrorView::WindowsNormal);
        assert_eq!(o.color, ColorChoice::Never);
        assert!(parse_args(&args(&["-Co", "x"])).is_err());
        assert_eq!(parse_args(&args(&["-?"])).unwrap().mode, Mode::Help);
        let o = parse_args(&args(&["--store=x.json", "--color=never", "-c", "exit"])).unwrap();
        assert_eq!(o.mode, Mode::Command(Some("exit".into())));
        assert_eq!(o.store, Some(PathBuf::from("x.json")));
        assert_eq!(o.color, ColorChoice::Never);
        // pwsh's own spellings of the newer options.
        let o = parse_args(&args(&[
            "-noe",
            "-ep",
            "Bypass",
            "-wd",
            "/tmp",
            "-of",
            "Text",
            "-Sandbox",
            "-PathMap",
            "C:\\Scripts=./scripts, D:\\Data=/data",
            "-e",
            // "'enc' + 1" as UTF-16 LE, Base64 (what pwsh's help shows how to make).
            "JwBlAG4AYwAnACAAKwAgADEA",
        ]))
        .unwrap();
        assert!(o.no_exit && o.sandbox);
        assert_eq!(o.working_directory.as_deref(), Some("/tmp"));
        assert_eq!(o.mode, Mode::Command(Some("'enc' + 1".into())));
        assert_eq!(
            o.path_map,
            [
                ("C:\\Scripts".to_string(), "./scripts".to_string()),
                ("D:\\Data".to_string(), "/data".to_string())
            ]
        );
        assert_eq!(
            parse_args(&args(&["-ExecutionPolicy", "Bogus"])).unwrap_err(),
            "Invalid ExecutionPolicy value 'Bogus'."
        );
        assert!(parse_args(&args(&["-e", "!!"])).is_err());
        assert!(parse_args(&args(&["-OutputFormat", "Bogus"])).is_err());
        assert_eq!(
            parse_args(&args(&["--file=s.ps1", "a"])).unwrap().mode,
            Mode::File {
                path: "s.ps1".into(),
                args: args(&["a"])
            }
        );
    }
}

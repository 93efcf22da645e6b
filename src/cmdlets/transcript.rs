//! Start-Transcript and Stop-Transcript: admin scripts open a log before they touch the tenant
//! and close it at the end. The file receives what the session shows from then on (see
//! runtime::transcript); messages and errors follow StartTranscriptCmdlet.cs,
//! StopTranscriptCmdlet.cs and TranscriptStrings.resx in PowerShell/PowerShell.

use std::path::PathBuf;

use crate::runtime::CmdletDef;
use crate::runtime::transcript::{Prologue, Transcript, stamp};
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, Value};
use crate::vocab::{ParamDef, types};

const HOST: &str = "Microsoft.PowerShell.Host";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Start-Transcript", HOST, start_transcript)
            .class("Microsoft.PowerShell.Commands.StartTranscriptCommand")
            .synopsis("Creates a record of all or part of a PowerShell session to a text file.")
            .description("Writes what the session shows from now on (output, Write-Host text, warnings, errors and answers typed at prompts, without colour) to a text file, between pwsh's transcript header and footer. Without a path the file is PowerShell_transcript.<machine>.<random>.<yyyyMMddHHmmss>.txt in the home folder (or in -OutputDirectory), unless $Transcript names one. Transcripts still open when aapsh exits are closed with their footer.")
            .should_process()
            .default_set("ByPath")
            .param(ParamDef::new("Path", types::STRING).sets(&["ByPath"]).position(0).help("The file to write the transcript to."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["ByLiteralPath"]).alias("PSPath").alias("LP").help("The file, with no wildcard characters interpreted."))
            .param(ParamDef::new("OutputDirectory", types::STRING).sets(&["ByOutputDirectory"]).help("A folder for a transcript with the default file name."))
            .param(ParamDef::new("Append", types::SWITCH).help("Adds to the end of an existing file instead of replacing it."))
            .param(ParamDef::new("Force", types::SWITCH).help("Writes even over a read-only file."))
            .param(ParamDef::new("NoClobber", types::SWITCH).alias("NoOverwrite").help("Fails instead of replacing an existing file."))
            .param(ParamDef::new("IncludeInvocationHeader", types::SWITCH).help("Accepted; aapsh writes no per-command time stamps."))
            .param(ParamDef::new("UseMinimalHeader", types::SWITCH).help("Writes only the start time in the header."))
            .example("Log a whole run", "Start-Transcript -Path \"$PSScriptRoot\\grant-run.log\" -Append", "Transcript started, output file is <path>")
            .outputs("System.String"),
        CmdletDef::new("Stop-Transcript", HOST, stop_transcript)
            .class("Microsoft.PowerShell.Commands.StopTranscriptCommand")
            .synopsis("Stops a transcript.")
            .description("Closes the transcript started last, writing pwsh's footer. With no transcript running it fails with pwsh's error.")
            .example("Close the log at the end of a script", "Stop-Transcript", "Transcript stopped, output file is <full path>")
            .outputs("System.String"),
    ]
}

fn start_transcript(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    // What the user named, echoed as given; the default name otherwise (full path).
    let (shown, path) = match b.string("Path").or_else(|| b.string("LiteralPath")) {
        Some(p) => (p.clone(), ctx.session.resolve_path(&p)),
        None => {
            let from_variable = ctx.session.variable_value("Transcript");
            let named = match from_variable {
                Value::Null => None,
                v => Some(v.to_ps_string()),
            };
            let path = match named {
                Some(p) => ctx.session.resolve_path(&p),
                None => {
                    let dir = match b.string("OutputDirectory") {
                        Some(d) => ctx.session.resolve_path(&d),
                        None => ctx.session.resolve_path("~"),
                    };
                    dir.join(default_file_name(ctx))
                }
            };
            (path.display().to_string(), path)
        }
    };
    let full = path.display().to_string();
    if !ctx.should_process(&full, "Start-Transcript")? {
        return Ok(());
    }
    if path.is_dir() {
        return Err(cannot_start(
            ctx,
            &format!("File path {full} resolves to a directory."),
        ));
    }
    let append = b.switch("Append");
    if path.exists() && b.switch("NoClobber") && !append {
        let r = ctx.error(
            "System.UnauthorizedAccessException",
            format!("File {full} already exists and NoClobber was specified."),
            "NoClobber",
            ErrorCategory::ResourceExists,
        );
        return Err(ctx.terminate(r));
    }
    let user = user_name();
    let machine = machine_name();
    let app = std::env::args().collect::<Vec<_>>().join(" ");
    let prologue = Prologue {
        start: ctx.session.clock.now(),
        minimal: b.switch("UseMinimalHeader"),
        user: &user,
        machine: &machine,
        host_application: &app,
        process_id: std::process::id(),
    };
    match Transcript::open(&path, append, &prologue) {
        Ok(t) => ctx.session.transcripts.push(t),
        Err(e) => {
            let (_, message) = crate::runtime::files::io_message(&path, &e);
            return Err(cannot_start(ctx, &message));
        }
    }
    ctx.write_object(Value::str(format!(
        "Transcript started, output file is {shown}"
    )));
    Ok(())
}

fn stop_transcript(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    match ctx.session.stop_transcript() {
        Some(path) => {
            ctx.write_object(Value::str(format!(
                "Transcript stopped, output file is {}",
                path.display()
            )));
            Ok(())
        }
        None => {
            // StopTranscriptCommand rethrows as a PSInvalidOperationException (error id
            // InvalidOperation) carrying TranscriptStrings.ErrorStoppingTranscript.
            let r = ctx.error(
                "System.Management.Automation.PSInvalidOperationException",
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            );
            Err(ctx.terminate(r))
        }
    }
}

/// TranscriptStrings.CannotStartTranscription, raised as a terminating error.
fn cannot_start(ctx: &CommandContext<'_>, reason: &str) -> Flow {
    let r = ctx.error(
        "System.Management.Automation.PSInvalidOperationException",
        format!("Transcription cannot be started due to the error: {reason}"),
        "CannotStartTranscription",
        ErrorCategory::InvalidOperation,
    );
    ctx.terminate(r)
}

/// `PowerShell_transcript.<machine>.<8 random characters>.<yyyyMMddHHmmss>.txt`, pwsh's
/// default (PSHostUserInterface.GetTranscriptPath); the random part comes from the session's
/// id generator, so AAPSH_SEED makes it reproducible.
fn default_file_name(ctx: &mut CommandContext<'_>) -> PathBuf {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut n = ctx.session.ids.next_u64();
    let random: String = (0..8)
        .map(|_| {
            let c = ALPHABET[(n % ALPHABET.len() as u64) as usize] as char;
            n /= ALPHABET.len() as u64;
            c
        })
        .collect();
    PathBuf::from(format!(
        "PowerShell_transcript.{}.{random}.{}.txt",
        machine_name(),
        stamp(ctx.session.clock.now())
    ))
}

/// `Environment.MachineName`: the host name, or `localhost` when it cannot be read.
fn machine_name() -> String {
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// `Environment.UserDomainName + "\" + Environment.UserName` (on Unix the domain is the
/// machine name).
fn user_name() -> String {
    let user = std::env::var("USERNAME")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "user".into());
    format!("{}\\{user}", machine_name())
}

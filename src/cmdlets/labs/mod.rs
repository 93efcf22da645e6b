//! Training labs (docs/labs.md): a lab file (`model`), the labs shipped inside the binary
//! (`shipped`), a lab running in a session (`run`), and the cmdlets a trainee uses during one:
//! Get-EmuLab (progress, or `-ListAvailable`), Show-EmuLabStep, Show-EmuLabHint,
//! Restart-EmuLab and Export-EmuLabReport. The shell starts labs (`aapsh -Lab`) and grades
//! solutions (`-Check`); see `shell::lab`.

pub mod model;
pub mod run;
pub mod shipped;

use std::path::Path;

pub use model::{LAB_FORMAT, Lab, LabError, parse_lab};
pub use run::{LabRun, Mode, REPORT_FORMAT, lab_of};

use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, PsObject, Value};
use crate::vocab::{Fidelity, ParamDef, types};

const MODULE: &str = "aapsh";
pub const LAB_INFO_TYPE: &str = "aapsh.LabInfo";
pub const LAB_PROGRESS_TYPE: &str = "aapsh.LabProgress";

/// Why `-Lab NAME` found no lab to run.
#[derive(Debug)]
pub enum LoadError {
    /// No such shipped lab or file (the message lists the shipped ones).
    NotFound(String),
    /// The file exists and is not a usable lab.
    Invalid(LabError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound(m) => f.write_str(m),
            LoadError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

/// Finds a lab by what `-Lab` was given: a file (a path, a name ending in `.json`, or a file
/// that exists in `base`), else a shipped lab by name or number.
pub fn load(arg: &str, base: &Path) -> Result<Lab, LoadError> {
    let typed = arg.trim();
    let path = base.join(typed);
    let looks_like_file = typed.contains('/')
        || typed.contains('\\')
        || typed.to_ascii_lowercase().ends_with(".json")
        || path.is_file();
    if !looks_like_file && let Some((name, text)) = shipped::find(typed) {
        return parse_lab(text, &format!("lab {name}"), None, name).map_err(LoadError::Invalid);
    }
    if !path.is_file() {
        return Err(LoadError::NotFound(format!(
            "There is no lab named '{typed}' and no lab file at {}. The labs in aapsh: {}.",
            path.display(),
            shipped::SHIPPED
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let bytes = std::fs::read(&path)
        .map_err(|e| LoadError::NotFound(format!("The lab file '{typed}' cannot be read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        LoadError::Invalid(LabError {
            file: typed.to_string(),
            field: String::new(),
            problem: "it is not UTF-8 text".into(),
        })
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| typed.to_string());
    parse_lab(&text, typed, path.parent(), &stem).map_err(LoadError::Invalid)
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-EmuLab", MODULE, get_lab)
            .class("aapsh.Cmdlets.GetEmuLab")
            .synopsis("Shows the progress of the lab running in this session, or lists the labs aapsh ships.")
            .description("A lab is a lesson with steps that aapsh checks after every command (start one with aapsh -Lab NAME). Without parameters, shows the running lab: its current step, the steps done, the hints used and the time so far. -ListAvailable lists the labs built into aapsh; a trainer's own lab file runs with aapsh -Lab FILE.json (docs/labs.md).")
            .param(ParamDef::new("ListAvailable", types::SWITCH).help("Lists the labs built into aapsh."))
            .outputs("The running lab's progress (Name, Title, Step, StepTitle, StepsDone, Steps, HintsUsed, Elapsed, Completed), or with -ListAvailable one row per lab (Number, Name, Title, Steps).")
            .example("Which labs are there?", "Get-EmuLab -ListAvailable", "Start one with aapsh -Lab NAME (or its number).")
            .example("How far am I?", "Get-EmuLab", "The running lab's progress."),
        CmdletDef::new("Show-EmuLabStep", MODULE, show_step)
            .class("aapsh.Cmdlets.ShowEmuLabStep")
            .synopsis("Shows the current step of the running lab again.")
            .description("Writes the current step's number, title and instruction, as shown when it began."),
        CmdletDef::new("Show-EmuLabHint", MODULE, show_hint)
            .class("aapsh.Cmdlets.ShowEmuLabHint")
            .synopsis("Shows the next hint for the current step of the running lab.")
            .description("Each call reveals one more hint, in order; the summary at the end counts the hints used."),
        CmdletDef::new("Restart-EmuLab", MODULE, restart_lab)
            .class("aapsh.Cmdlets.RestartEmuLab")
            .synopsis("Starts the running lab over, or only its current step.")
            .description("Without -Step: the lab's tenant as it started, its setup, its variables, step 1 (progress and hints are reset). With -Step: the tenant as it was when the current step began, and the step may pass again after a command it does not allow was used.")
            .should_process()
            .param(ParamDef::new("Step", types::SWITCH).help("Restarts only the current step.")),
        CmdletDef::new("Export-EmuLabReport", MODULE, export_report)
            .class("aapsh.Cmdlets.ExportEmuLabReport")
            .synopsis("Writes the running lab's report (JSON, docs/labs.md) to a file.")
            .description("The same report aapsh -Lab NAME -Check SOLUTION.ps1 -Report FILE writes: each step passed or not, the command that made it pass (secrets masked), hints used, time taken.")
            .should_process()
            .param(ParamDef::new("Path", types::STRING).position(0).mandatory().help("The file to write (replaced if it exists)."))
            .example("Hand in your work", "Export-EmuLabReport -Path ./lab1-report.json", "A trainer collects the files of a class."),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::EmulatorOnly))
    .collect()
}

fn no_lab(ctx: &mut CommandContext<'_>) -> Result<(), Flow> {
    let r = ctx.error(
        "System.InvalidOperationException",
        "No lab is running in this session. Start one with aapsh -Lab NAME; Get-EmuLab -ListAvailable lists them.",
        "NoLabRunning",
        ErrorCategory::InvalidOperation,
    );
    ctx.write_error(r)
}

fn get_lab(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if b.switch("ListAvailable") {
        for (i, (name, text)) in shipped::SHIPPED.iter().enumerate() {
            let (title, steps) = match parse_lab(text, name, None, name) {
                Ok(lab) => (lab.title, lab.steps.len()),
                Err(e) => (e.to_string(), 0),
            };
            ctx.write_object(Value::object(
                PsObject::new(LAB_INFO_TYPE)
                    .with("Number", Value::integer(i as i64 + 1))
                    .with("Name", Value::str(name))
                    .with("Title", Value::str(title))
                    .with("Steps", Value::integer(steps as i64)),
            ));
        }
        return Ok(());
    }
    let Some(run) = lab_of(ctx.session) else {
        return no_lab(ctx);
    };
    let step = run.lab.steps.get(run.current);
    let obj = PsObject::new(LAB_PROGRESS_TYPE)
        .with("Name", Value::str(&run.lab.name))
        .with("Title", Value::str(&run.lab.title))
        .with(
            "Step",
            if step.is_some() {
                Value::integer(run.current as i64 + 1)
            } else {
                Value::Null
            },
        )
        .with(
            "StepTitle",
            step.map_or(Value::Null, |s| Value::str(&s.title)),
        )
        .with("StepsDone", Value::integer(run.passed_count() as i64))
        .with("Steps", Value::integer(run.lab.steps.len() as i64))
        .with("HintsUsed", Value::integer(run.hints_used() as i64))
        .with("Elapsed", Value::str(run::duration_text(run.elapsed())))
        .with("Completed", Value::Bool(run.is_complete()));
    ctx.write_object(Value::object(obj));
    Ok(())
}

fn show_step(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    match with_lab(ctx, |run, session| run.step_text(session)) {
        Some(text) => {
            ctx.write_host(&text);
            Ok(())
        }
        None => no_lab(ctx),
    }
}

/// Runs `f` with the lab taken out of the session, then puts it back.
fn with_lab<T>(
    ctx: &mut CommandContext<'_>,
    f: impl FnOnce(&mut LabRun, &mut crate::runtime::Session) -> T,
) -> Option<T> {
    let mut ext = ctx.session.extension.take()?;
    let result = ext
        .as_any_mut()
        .downcast_mut::<LabRun>()
        .map(|run| f(run, ctx.session));
    if ctx.session.extension.is_none() {
        ctx.session.extension = Some(ext);
    }
    result
}

fn show_hint(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let Some(text) = with_lab(ctx, |run, session| {
        let width = crate::runtime::host::Host::width(session.host.as_ref());
        if run.is_complete() {
            return "Every step of this lab is done: no hint needed.\n".to_string();
        }
        let step = run.current + 1;
        match run.next_hint() {
            Some((n, total, hint)) => format!(
                "\nHint {n} of {total} for step {step}:\n{}\n",
                run::wrap(&hint, width, "  ")
            ),
            None => "No more hints for this step: you have seen them all. Show-EmuLabStep shows the step again; Test-EmuAppAccess -Detailed explains what is still missing.\n".to_string(),
        }
    }) else {
        return no_lab(ctx);
    };
    ctx.write_host(&text);
    Ok(())
}

fn restart_lab(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if lab_of(ctx.session).is_none() {
        return no_lab(ctx);
    }
    let step = b.switch("Step");
    let target = if step { "the current step" } else { "the lab" };
    if !ctx.should_process(target, "Restart-EmuLab")? {
        return Ok(());
    }
    let result = with_lab(ctx, |run, session| {
        let r = if step {
            run.restart_step(session)
        } else {
            run.restart(session)
        };
        r.map(|()| {
            if step {
                format!(
                    "\nStep {} starts again: the tenant is as it was when the step began.\n{}",
                    run.current + 1,
                    run.step_text(session)
                )
            } else {
                format!(
                    "\nThe lab starts again on a fresh copy of its tenant.\n{}",
                    run.step_text(session)
                )
            }
        })
    });
    match result {
        Some(Ok(text)) => {
            ctx.write_host(&text);
            Ok(())
        }
        Some(Err(e)) => {
            let r = ctx.error(
                "System.InvalidOperationException",
                format!("The lab could not be restarted: {e}"),
                "LabRestartFailed",
                ErrorCategory::InvalidOperation,
            );
            ctx.write_error(r)
        }
        None => no_lab(ctx),
    }
}

fn export_report(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if lab_of(ctx.session).is_none() {
        return no_lab(ctx);
    }
    let typed = b.string("Path").unwrap_or_default();
    let path = ctx.session.resolve_path(&typed);
    let inside = lab_of(ctx.session).is_some_and(|run| {
        let dir = run.dir.canonicalize().unwrap_or_else(|_| run.dir.clone());
        path.parent()
            .and_then(|p| p.canonicalize().ok())
            .is_some_and(|p| p.starts_with(&dir))
    });
    if inside {
        let mut r = ctx.error(
            "System.IO.IOException",
            format!(
                "The report would be written in the lab's folder, which is removed when aapsh leaves: {}. Give a path outside it, for example ~/lab-report.json.",
                path.display()
            ),
            "LabReportInLabFolder",
            ErrorCategory::InvalidArgument,
        );
        r.target_object = Some(Value::str(&typed));
        return ctx.write_error(r);
    }
    if !ctx.should_process(&path.display().to_string(), "Export-EmuLabReport")? {
        return Ok(());
    }
    let result = with_lab(ctx, |run, _| run.write_report(&path));
    match result {
        Some(Ok(())) => Ok(()),
        Some(Err(e)) => {
            let mut r = ctx.error(
                "System.IO.IOException",
                format!("The report could not be written: {e}"),
                "LabReportNotWritten",
                ErrorCategory::WriteError,
            );
            r.target_object = Some(Value::str(&typed));
            ctx.write_error(r)
        }
        None => no_lab(ctx),
    }
}

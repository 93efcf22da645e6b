//! `aapsh -Lab NAME-or-FILE`: a lab at the interactive prompt, or, with `-Check SOLUTION.ps1`,
//! a solution graded step by step (docs/labs.md). Either way the session works on a fresh copy
//! of the lab's tenant in a new temporary folder, never on the user's own store; the folder is
//! removed when aapsh leaves.
//!
//! Exit codes: 0 when every step passed (grading) or the session ended normally (at the
//! prompt); 1 when a step failed; 64 for a bad command line, a lab or solution that does not
//! exist; 65 for a lab file that cannot be used (nothing ran).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::options::CliOptions;
use super::session::{build_session, checkpoint};
use crate::cmdlets::labs::{self, LabRun, LoadError, Mode, lab_of};
use crate::runtime::Session;

/// A bad lab file: nothing ran.
pub const EXIT_BAD_LAB: i32 = 65;

/// Lab folders left behind by an aapsh that was killed (a closed terminal does not let it clean
/// up): removed when the process named in the folder's name is gone. Only where that can be
/// told (Linux's /proc); elsewhere they stay until the system cleans its temporary folder.
fn remove_stale_lab_dirs() {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix("aapsh-lab-")
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn make_lab_dir() -> std::io::Result<PathBuf> {
    remove_stale_lab_dirs();
    let base = std::env::temp_dir();
    for _ in 0..16 {
        let dir = base.join(format!(
            "aapsh-lab-{}-{:08x}",
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

/// Removes the lab's folder when the run ends, however it ends.
struct LabDir(PathBuf);

impl Drop for LabDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `aapsh -Lab ...` (see the module doc); returns the exit code.
pub fn run(o: &CliOptions) -> i32 {
    let Some(name) = o.lab.as_deref() else {
        return 64;
    };
    if o.store.is_some() || o.sandbox {
        eprintln!(
            "aapsh: -Lab works on a fresh copy of the lab's tenant; it cannot be used with -Store or -Sandbox."
        );
        return 64;
    }
    if !matches!(o.mode, super::options::Mode::Repl) {
        eprintln!(
            "aapsh: -Lab runs a lab at the prompt, or grades a script given with -Check SOLUTION.ps1; it cannot be combined with -Command or a script file."
        );
        return 64;
    }
    let base = std::env::current_dir().unwrap_or_default();
    let lab = match labs::load(name, &base) {
        Ok(lab) => lab,
        Err(LoadError::NotFound(m)) => {
            eprintln!("aapsh: {m}");
            eprintln!(
                "Get-EmuLab -ListAvailable lists the labs; docs/labs.md says how to write one."
            );
            return 64;
        }
        Err(LoadError::Invalid(e)) => {
            eprintln!("aapsh: {e}");
            eprintln!("Nothing was run.");
            return EXIT_BAD_LAB;
        }
    };
    let solution = match &o.check {
        None => None,
        Some(path) => {
            let resolved = base.join(path);
            match std::fs::read(&resolved) {
                Ok(bytes) => Some((
                    path.clone(),
                    resolved,
                    crate::runtime::files::decode_text(&bytes),
                )),
                Err(e) => {
                    eprintln!("aapsh: the solution script '{path}' cannot be read: {e}");
                    return 64;
                }
            }
        }
    };
    let dir = match make_lab_dir() {
        Ok(d) => LabDir(d),
        Err(e) => {
            eprintln!("aapsh: cannot create the lab's folder: {e}");
            return 1;
        }
    };
    let store = dir.0.join("store.json");
    let written = crate::store::snapshot::state_document(&lab.tenant)
        .map_err(|e| e.to_string())
        .and_then(|doc| serde_json::to_vec_pretty(&doc).map_err(|e| e.to_string()))
        .and_then(|bytes| std::fs::write(&store, bytes).map_err(|e| e.to_string()));
    if let Err(e) = written {
        eprintln!("aapsh: the lab's tenant could not be written: {e}");
        return 1;
    }
    let mut opts = o.clone();
    opts.store = Some(store);
    let grading = solution.is_some();
    if grading {
        opts.non_interactive = true;
    }
    let interactive = !grading && std::io::stdin().is_terminal();
    let mut session = match build_session(&opts, interactive) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    if !lab.files.is_empty() {
        session.location = dir.0.clone();
    }
    let mode = if grading {
        Mode::Grading
    } else {
        Mode::Interactive
    };
    let mut run = match LabRun::start(&mut session, Rc::new(lab), mode, dir.0.clone()) {
        Ok(run) => run,
        Err(e) => {
            eprintln!("aapsh: {e}");
            eprintln!("Nothing was run.");
            return EXIT_BAD_LAB;
        }
    };
    run.report = o.report.as_ref().map(|r| base.join(r));
    let code = match solution {
        Some((shown, resolved, text)) => {
            run.solution = Some(shown);
            grade(&mut session, run, resolved, &text)
        }
        None => {
            let intro = run.intro_text(&session);
            session.write_host(&intro);
            session.extension = Some(Box::new(run));
            let mut repl_opts = opts.clone();
            repl_opts.no_logo = true;
            let code = super::repl::run(&mut session, &repl_opts);
            leave(&mut session, name);
            code
        }
    };
    checkpoint(&mut session);
    drop(session);
    drop(dir);
    code
}

/// The end of an interactive lab: where the trainee stopped, and the report if asked for.
fn leave(session: &mut Session, typed: &str) {
    let Some(run) = lab_of(session) else {
        return;
    };
    let mut text = String::new();
    if !run.is_complete() {
        text.push_str(&format!(
            "\nYou left the lab at step {} of {} ({} done, {} used). aapsh -Lab {} starts it again.\n",
            run.current + 1,
            run.lab.steps.len(),
            run.passed_count(),
            match run.hints_used() {
                1 => "1 hint".to_string(),
                n => format!("{n} hints"),
            },
            typed
        ));
    }
    if let Some(path) = run.report.clone() {
        match run.write_report(&path) {
            Ok(()) => text.push_str(&format!("Report written to {}.\n", path.display())),
            Err(e) => text.push_str(&format!("The report could not be written: {e}\n")),
        }
    }
    if !text.is_empty() {
        session.write_host(&text);
    }
}

/// Runs the solution with the lab's checks evaluated after each of its top-level statements,
/// then prints the grade (and writes the report). 0 when every step passed.
fn grade(session: &mut Session, run: LabRun, script: PathBuf, text: &str) -> i32 {
    session.extension = Some(Box::new(run));
    session.run_text(Some(script), text, Vec::new());
    let Some(mut ext) = session.extension.take() else {
        return 1;
    };
    let Some(run) = ext.as_any_mut().downcast_mut::<LabRun>() else {
        return 1;
    };
    // A last look, in case the script ended on an error after its last statement's effect.
    run.evaluate(session, "(the end of the script)");
    let mut out = format!(
        "\nLab: {} ({})\nSolution: {}\n",
        run.lab.title,
        run.lab.name,
        run.solution.as_deref().unwrap_or("")
    );
    for (i, (step, state)) in run.lab.steps.iter().zip(&run.steps).enumerate() {
        let mark = if state.passed {
            "passed "
        } else if i == run.current {
            "FAILED "
        } else {
            "not run"
        };
        out.push_str(&format!("  {mark}  {}. {}\n", i + 1, step.title));
        if i == run.current && !state.passed {
            if let Some(f) = &state.forbidden {
                out.push_str(&format!("           {f}\n"));
            } else if let Some(e) = &state.check_error {
                out.push_str(&format!(
                    "           The check raised an error: {}\n",
                    crate::runtime::audit::mask_literals(e)
                ));
            }
        }
    }
    let passed = run.passed_count();
    let total = run.lab.steps.len();
    out.push_str(&format!("{passed} of {total} steps passed.\n"));
    if let Some(path) = run.report.clone() {
        match run.write_report(&path) {
            Ok(()) => out.push_str(&format!("Report written to {}.\n", path.display())),
            Err(e) => {
                eprintln!("aapsh: the report could not be written: {e}");
                session.write_host(&out);
                return 1;
            }
        }
    }
    session.write_host(&out);
    let code = i32::from(passed != total);
    session.extension = Some(ext);
    code
}

//! A lab running in a session: its progress, the evaluation of its checks after every
//! top-level statement, the text a trainee reads (introduction, step, hint, summary) and the
//! report a trainer collects.
//!
//! The lab rides in the session as its extension (`runtime::extension`). Checks run in a
//! scope of their own holding the lab's variables (so a trainee who reassigns `$BotApp` does
//! not break them), with `$ErrorActionPreference = 'Stop'`, connected to Teams, and leave no
//! trace: no output, no `$Error` entry, no audit entry, `$?` unchanged.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};
use time::OffsetDateTime;

use super::model::{ForbidRule, GraphCallRule, Lab, Step};
use crate::runtime::extension::SessionExtension;
use crate::runtime::scope::{Qualifier, ScopeKind};
use crate::runtime::session::ErrorRedirect;
use crate::runtime::{Flow, Session, Value};
use crate::store::{AuditLog, Change, UserLookup, same_id};

/// The report format version (`"reportFormat": 1`, docs/labs.md).
pub const REPORT_FORMAT: u64 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// At the prompt: progress is shown after each input.
    Interactive,
    /// `-Check SOLUTION.ps1`: the script runs, nothing is shown until the grade.
    Grading,
}

#[derive(Clone, Debug, Default)]
pub struct StepState {
    pub passed: bool,
    /// The statement (or input) after which the step passed.
    pub command: Option<String>,
    pub hints_shown: usize,
    /// The forbidden command used since the step began, as shown to the trainee.
    pub forbidden: Option<String>,
    /// The last error a check raised (for lab authors; shown by -Check).
    pub check_error: Option<String>,
    /// The reminder that hints exist was shown for this step.
    nudged: bool,
    /// "Not complete yet" was said after a change to the tenant.
    told_pending: bool,
}

pub struct LabRun {
    pub lab: Rc<Lab>,
    pub mode: Mode,
    /// The lab's folder (its store and files).
    pub dir: PathBuf,
    /// The step being worked on (`steps.len()` once all passed).
    pub current: usize,
    pub steps: Vec<StepState>,
    started: Instant,
    pub started_at: OffsetDateTime,
    pub finished: Option<Duration>,
    /// Text to show when the input finishes (interactive).
    messages: Vec<String>,
    /// Where the current step began: in the session's Graph calls and in the audit log.
    graph_mark: usize,
    audit_mark: usize,
    /// The tenant when the current step began (for `Restart-EmuLab -Step`).
    step_state: Option<Json>,
    /// Connections as the lab left them after its setup.
    connection: Option<crate::runtime::Connection>,
    graph: Option<crate::runtime::GraphConnection>,
    /// `-Report PATH`: written when the lab completes and when the session ends.
    pub report: Option<PathBuf>,
    /// The solution script graded (`-Check`), for the report.
    pub solution: Option<String>,
    /// Steps passed when the last input finished (to tell an input that made progress).
    passed_before_input: usize,
    /// The tenant when the last input finished (to tell an input that changed it).
    last_state: Option<u64>,
}

/// The lab running in this session, if any.
pub fn lab_of(session: &mut Session) -> Option<&mut LabRun> {
    session
        .extension
        .as_mut()
        .and_then(|e| e.as_any_mut().downcast_mut::<LabRun>())
}

impl SessionExtension for LabRun {
    fn after_statement(&mut self, session: &mut Session, text: &str) {
        self.evaluate(session, text);
    }

    fn after_input(&mut self, session: &mut Session, line: &str) {
        let failed = !session.last_success;
        self.evaluate(session, line);
        let progressed = self.passed_count() > self.passed_before_input;
        self.passed_before_input = self.passed_count();
        let state = tenant_fingerprint(session);
        let changed = state != self.last_state;
        self.last_state = state;
        // An answer the step's check reads, and it was not the one: say so, every time.
        if !progressed
            && !self.is_complete()
            && let Some(name) = assigned_variable(line)
            && is_answer(&session.variable_value(&name))
            && let Some((check, _)) = &self.lab.steps[self.current].check
            && reads_variable(check, &name)
            && !self
                .lab
                .variables
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case(&name))
        {
            self.messages.push(format!(
                "Not yet: that ${name} does not answer step {}. Try again; Show-EmuLabHint gives a hint.\n",
                self.current + 1
            ));
        } else if failed
            && !progressed
            && self.current < self.steps.len()
            && !self.steps[self.current].nudged
            && self.steps[self.current].hints_shown < self.lab.steps[self.current].hints.len()
        {
            self.steps[self.current].nudged = true;
            self.messages.push(
                "Not there yet, and that is fine: Show-EmuLabHint gives a hint, Show-EmuLabStep shows the step again.\n"
                    .to_string(),
            );
        } else if changed
            && !failed
            && !progressed
            && self.current < self.steps.len()
            && !self.steps[self.current].told_pending
        {
            // The tenant changed and the step is still open: say the lab saw it, once a step.
            self.steps[self.current].told_pending = true;
            self.messages.push(format!(
                "(Step {} is not complete yet.)\n",
                self.current + 1
            ));
        }
        self.flush(session);
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// `answer` for an input that is an assignment `$answer = ...` (one statement).
fn assigned_variable(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix('$')?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let after = rest[name.len()..].trim_start();
    (!name.is_empty() && after.starts_with('=') && !after.starts_with("==")).then_some(name)
}

/// A value that reads as an answer to a question (`'Recording'`, `30`), not a list being
/// started (`@()`) or an object kept for later.
fn is_answer(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Num(_) | Value::Bool(_) => true,
        _ => false,
    }
}

/// Whether PowerShell text mentions `$name` (any case, as a whole name).
fn reads_variable(text: &str, name: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let needle = format!("${}", name.to_ascii_lowercase());
    lower.match_indices(&needle).any(|(i, _)| {
        lower[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
    })
}

/// The `$names` a check reads that the trainee sets (not the lab's own variables): what a
/// restart clears, so an old answer does not pass the step again.
fn answer_variables(lab: &Lab, steps: std::ops::Range<usize>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for step in &lab.steps[steps] {
        let Some((check, _)) = &step.check else {
            continue;
        };
        let mut rest = check.as_str();
        let mut locals: Vec<String> = Vec::new();
        while let Some(at) = rest.find('$') {
            rest = &rest[at + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let automatic = [
                "true", "false", "null", "_", "psitem", "this", "args", "input",
            ];
            // A variable the check assigns itself is the check's own.
            let assigned = rest[name.len()..].trim_start().starts_with('=')
                && !rest[name.len()..].trim_start().starts_with("==");
            if assigned {
                locals.push(name.to_ascii_lowercase());
            }
            if !name.is_empty()
                && !assigned
                && !locals.contains(&name.to_ascii_lowercase())
                && !automatic.contains(&name.to_ascii_lowercase().as_str())
                && !lab
                    .variables
                    .iter()
                    .any(|(k, _)| k.eq_ignore_ascii_case(&name))
                && !names.iter().any(|n| n.eq_ignore_ascii_case(&name))
            {
                names.push(name);
            }
        }
    }
    names
}

/// Removes every definition of `name` the running code sees (a graded script's script scope,
/// the global scope at the prompt).
fn forget_variable(session: &mut Session, name: &str) {
    while session.scopes.remove(name, Qualifier::None) {}
}

/// A hash of the tenant's whole state, to tell whether an input changed it.
fn tenant_fingerprint(session: &mut Session) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let doc = crate::store::snapshot::state_document(session.store.tenant().ok()?).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    doc.to_string().hash(&mut h);
    Some(h.finish())
}

/// A lab's JSON variable as a PowerShell value.
fn variable_value(v: &Json) -> Value {
    match v {
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => n
            .as_i64()
            .map(Value::integer)
            .unwrap_or_else(|| Value::double(n.as_f64().unwrap_or_default())),
        Json::String(s) => Value::str(s),
        Json::Array(items) => Value::array(items.iter().map(variable_value).collect()),
        _ => Value::Null,
    }
}

/// A lab variable as PowerShell source, ready to paste: `'text'`, `42`, `$true`, `'a', 'b'`.
fn variable_source(v: &Json) -> String {
    match v {
        Json::Bool(b) => format!("${b}"),
        Json::Number(n) => n.to_string(),
        Json::String(s) => format!("'{}'", s.replace('\'', "''")),
        Json::Array(items) => items
            .iter()
            .map(variable_source)
            .collect::<Vec<_>>()
            .join(", "),
        _ => "$null".to_string(),
    }
}

/// Runs `f` with the session quiet: no audit entries, errors captured instead of shown, `$?`
/// and `$Error` as they were. Returns what `f` returned and the errors it wrote.
fn quietly<T>(session: &mut Session, f: impl FnOnce(&mut Session) -> T) -> (T, Vec<Value>) {
    let last_success = session.last_success;
    let errors = session.errors.borrow().items.clone();
    let audit = std::mem::replace(&mut session.audit_log, AuditLog::new(None));
    session
        .error_redirects
        .push(ErrorRedirect::Capture(Vec::new()));
    let result = f(session);
    let captured = match session.error_redirects.pop() {
        Some(ErrorRedirect::Capture(items)) => items,
        _ => Vec::new(),
    };
    session.audit_log = audit;
    session.errors.borrow_mut().items = errors;
    session.last_success = last_success;
    (result, captured)
}

fn error_text(v: &Value) -> String {
    match v {
        Value::Error(r) => r.exception.message.clone(),
        other => other.to_ps_string(),
    }
}

/// Seconds as `12 s`, `4 min 12 s`, `1 h 3 min`.
pub fn duration_text(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        format!("{s} s")
    } else if s < 3600 {
        format!("{} min {} s", s / 60, s % 60)
    } else {
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    }
}

/// Word-wraps `text` to `width` columns, each line starting with `indent`; the text's own line
/// breaks are kept.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let mut out = String::new();
    for para in text.lines() {
        if para.trim().is_empty() {
            out.push('\n');
            continue;
        }
        // A line that starts with spaces is kept as written (commands, tables).
        if para.starts_with("  ") {
            out.push_str(indent);
            out.push_str(para);
            out.push('\n');
            continue;
        }
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                out.push_str(indent);
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn green(session: &Session, text: &str) -> String {
    if session.options.color_out {
        format!("\x1b[32m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn yellow(session: &Session, text: &str) -> String {
    if session.options.color_out {
        format!("\x1b[33m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

impl LabRun {
    /// Starts `lab` on the session, whose store already holds the lab's tenant: writes its
    /// files, runs its setup, sets its variables. An error names the setup command that failed.
    pub fn start(
        session: &mut Session,
        lab: Rc<Lab>,
        mode: Mode,
        dir: PathBuf,
    ) -> Result<LabRun, String> {
        let mut run = LabRun {
            steps: vec![StepState::default(); lab.steps.len()],
            lab,
            mode,
            dir,
            current: 0,
            started: Instant::now(),
            started_at: session.clock.now(),
            finished: None,
            messages: Vec::new(),
            graph_mark: 0,
            audit_mark: 0,
            step_state: None,
            connection: None,
            graph: None,
            report: None,
            solution: None,
            passed_before_input: 0,
            last_state: None,
        };
        run.prepare(session)?;
        Ok(run)
    }

    /// Files, setup, variables and marks: what a start and a restart share.
    fn prepare(&mut self, session: &mut Session) -> Result<(), String> {
        for (name, content) in &self.lab.files {
            let path = self.dir.join(name);
            std::fs::write(&path, content)
                .map_err(|e| format!("the lab's file '{name}' could not be written: {e}"))?;
        }
        for (i, (text, ast)) in self.lab.setup.iter().enumerate() {
            let (result, errors) = quietly(session, |s| {
                let mut out = Vec::new();
                s.run_block_here(ast, &mut out)
            });
            let failure = match result {
                Err(Flow::Error(rec, _)) => Some(rec.exception.message.clone()),
                Err(Flow::Exit(_)) | Err(Flow::Stopped) => Some("it stopped the lab".into()),
                _ => errors.first().map(error_text),
            };
            if let Some(message) = failure {
                return Err(super::model::LabError {
                    file: self.lab.origin.clone(),
                    field: format!("setup[{i}]"),
                    problem: format!("{text} failed: {message}"),
                }
                .to_string());
            }
        }
        for (name, value) in &self.lab.variables {
            session
                .scopes
                .set(name, variable_value(value), Qualifier::Global);
        }
        self.connection = session.connection.clone();
        self.graph = session.graph.clone();
        self.started = Instant::now();
        self.started_at = session.clock.now();
        self.mark_step_start(session);
        self.last_state = tenant_fingerprint(session);
        Ok(())
    }

    /// Remembers where the current step began.
    fn mark_step_start(&mut self, session: &mut Session) {
        self.graph_mark = session.graph_calls.len();
        self.audit_mark = session.audit_log.entries().map_or(0, |e| e.len());
        self.step_state = session
            .store
            .tenant()
            .ok()
            .and_then(|t| crate::store::snapshot::state_document(t).ok());
    }

    pub fn hints_used(&self) -> usize {
        self.steps.iter().map(|s| s.hints_shown).sum()
    }

    pub fn passed_count(&self) -> usize {
        self.steps.iter().filter(|s| s.passed).count()
    }

    pub fn is_complete(&self) -> bool {
        self.current >= self.lab.steps.len()
    }

    pub fn elapsed(&self) -> Duration {
        self.finished.unwrap_or_else(|| self.started.elapsed())
    }

    /// Evaluates the current step (and the ones after it, while they pass) after `trigger`.
    pub fn evaluate(&mut self, session: &mut Session, trigger: &str) {
        while !self.is_complete() {
            let i = self.current;
            let step = self.lab.steps[i].clone();
            if !step.forbid.is_empty()
                && self.steps[i].forbidden.is_none()
                && let Some(message) = self.forbidden_use(session, &step.forbid)
            {
                self.steps[i].forbidden = Some(message.clone());
                if self.mode == Mode::Interactive {
                    let text = format!(
                        "\n{}\n{}",
                        yellow(session, &format!("Step {} cannot pass now:", i + 1)),
                        wrap(
                            &format!(
                                "{message} Restart-EmuLab -Step puts the tenant back to where this step began; then try again."
                            ),
                            session.host.width(),
                            "  "
                        )
                    );
                    self.messages.push(text);
                }
            }
            if self.steps[i].forbidden.is_some() {
                return;
            }
            if let Some((_, ast)) = &step.check {
                match self.run_check(session, ast) {
                    Ok(true) => self.steps[i].check_error = None,
                    Ok(false) => {
                        self.steps[i].check_error = None;
                        return;
                    }
                    Err(e) => {
                        self.steps[i].check_error = Some(e);
                        return;
                    }
                }
            }
            if let Some(rule) = &step.graph_call
                && !self.graph_call_made(session, rule)
            {
                return;
            }
            self.steps[i].passed = true;
            self.steps[i].command = Some(trigger.trim().to_string());
            self.current += 1;
            if self.mode == Mode::Interactive {
                let mut text = format!(
                    "\n{}\n",
                    green(
                        session,
                        &format!(
                            "Step {} of {} done: {}",
                            i + 1,
                            self.lab.steps.len(),
                            step.title
                        )
                    )
                );
                if let Some(done) = &step.done {
                    text.push_str(&wrap(done, session.host.width(), "  "));
                }
                self.messages.push(text);
            }
            if self.is_complete() {
                self.finished = Some(self.started.elapsed());
                if self.mode == Mode::Interactive {
                    let summary = self.summary_text(session);
                    self.messages.push(summary);
                    if let Some(path) = self.report.clone() {
                        let note = match self.write_report(&path) {
                            Ok(()) => format!("Report written to {}.\n", path.display()),
                            Err(e) => format!("The report could not be written: {e}\n"),
                        };
                        self.messages.push(note);
                    }
                }
                return;
            }
            self.mark_step_start(session);
            if self.mode == Mode::Interactive {
                let next = self.step_text(session);
                self.messages.push(next);
            }
        }
    }

    /// Shows the text gathered since the last input.
    pub fn flush(&mut self, session: &mut Session) {
        for m in std::mem::take(&mut self.messages) {
            session.write_host(&m);
        }
    }

    /// Evaluates a check: true when its output is true as `if` sees it; an error is `Err`.
    fn run_check(
        &self,
        session: &mut Session,
        ast: &Rc<crate::syntax::ast::ScriptBlockAst>,
    ) -> Result<bool, String> {
        let variables = &self.lab.variables;
        let (result, errors) = quietly(session, |s| {
            let connection = s.connection.clone();
            if s.connection.is_none() {
                s.connection = Some(s.default_connection());
            }
            s.scopes.push(ScopeKind::Function);
            for (name, value) in variables {
                s.scopes.set(name, variable_value(value), Qualifier::Local);
            }
            s.scopes.set(
                "ErrorActionPreference",
                Value::str("Stop"),
                Qualifier::Local,
            );
            s.scopes.set(
                "WarningPreference",
                Value::str("SilentlyContinue"),
                Qualifier::Local,
            );
            let mut out = Vec::new();
            let r = s.run_block_here(ast, &mut out);
            s.leave_scope();
            s.connection = connection;
            r.map(|()| out)
        });
        match result {
            Ok(out) if errors.is_empty() => Ok(crate::runtime::collapse(out).is_truthy()),
            Ok(_) => Err(errors.first().map(error_text).unwrap_or_default()),
            Err(Flow::Error(rec, _)) => Err(rec.exception.message.clone()),
            Err(Flow::Stopped) => Err("the check was stopped".into()),
            Err(_) => Err("the check left with break, continue, return or exit".into()),
        }
    }

    /// A lab variable's value as text (`$Name`), or the text itself.
    fn expand(&self, text: &str) -> String {
        match text.strip_prefix('$') {
            Some(name) => self
                .lab
                .variables
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| variable_value(v).to_ps_string())
                .unwrap_or_default(),
            None => text.to_string(),
        }
    }

    /// Whether a Graph call matching `rule` was answered since the step began.
    fn graph_call_made(&self, session: &mut Session, rule: &GraphCallRule) -> bool {
        let user = rule.user.as_deref().map(|u| self.expand(u));
        let app = rule.app.as_deref().map(|a| self.expand(a));
        let (user_id, app_id) = match session.store.tenant() {
            Ok(t) => (
                user.map(|u| match t.resolve_user(u.trim()) {
                    UserLookup::Found(found) => found.object_id.clone(),
                    _ => u,
                }),
                app.map(|a| {
                    t.find_application(a.trim())
                        .or_else(|| {
                            t.applications
                                .iter()
                                .find(|x| x.display_name.eq_ignore_ascii_case(a.trim()))
                        })
                        .map_or(a.clone(), |x| x.app_id.clone())
                }),
            ),
            Err(_) => (user, app),
        };
        let since = self.graph_mark.min(session.graph_calls.len());
        session.graph_calls[since..].iter().any(|c| {
            rule.operation
                .as_deref()
                .is_none_or(|op| op.eq_ignore_ascii_case(c.operation))
                && c.succeeded() == rule.succeeded
                && user_id.as_deref().is_none_or(|u| same_id(u, &c.user_id))
                && app_id
                    .as_deref()
                    .is_none_or(|a| c.app_id.as_deref().is_some_and(|x| same_id(a, x)))
        })
    }

    /// The first forbidden command that succeeded since the step began, as a sentence.
    fn forbidden_use(&self, session: &Session, rules: &[ForbidRule]) -> Option<String> {
        let entries = session.audit_log.entries().ok()?;
        for e in entries.iter().skip(self.audit_mark) {
            if e.outcome != "Succeeded" {
                continue;
            }
            for r in rules {
                if !r.command.eq_ignore_ascii_case(&e.command) {
                    continue;
                }
                let used = match &r.parameter {
                    None => true,
                    Some(p) => e
                        .parameters
                        .iter()
                        .any(|(k, v)| k.eq_ignore_ascii_case(p) && v != "$false"),
                };
                if used {
                    let what = match &r.parameter {
                        Some(p) => format!("{} -{p}", e.command),
                        None => e.command.clone(),
                    };
                    return Some(match &r.reason {
                        Some(reason) => format!("{what} was used. {reason}"),
                        None => format!("{what} was used, and this step asks you not to use it."),
                    });
                }
            }
        }
        None
    }

    /// Starts the lab over: the lab's tenant, its setup and variables, step 1.
    pub fn restart(&mut self, session: &mut Session) -> Result<(), String> {
        let document =
            crate::store::snapshot::state_document(&self.lab.tenant).map_err(|e| e.to_string())?;
        session
            .store
            .commit(vec![Change::ReplaceState { document }])
            .map_err(|e| e.to_string())?;
        session.connection = None;
        session.graph = None;
        for name in answer_variables(&self.lab, 0..self.lab.steps.len()) {
            forget_variable(session, &name);
        }
        self.steps = vec![StepState::default(); self.lab.steps.len()];
        self.current = 0;
        self.finished = None;
        self.passed_before_input = 0;
        self.prepare(session)
    }

    /// Puts the tenant back to where the current step began and forgets what was used since.
    pub fn restart_step(&mut self, session: &mut Session) -> Result<(), String> {
        if let Some(document) = self.step_state.clone() {
            session
                .store
                .commit(vec![Change::ReplaceState { document }])
                .map_err(|e| e.to_string())?;
        }
        self.last_state = tenant_fingerprint(session);
        if let Some(s) = self.steps.get_mut(self.current) {
            s.forbidden = None;
            for name in answer_variables(&self.lab, self.current..self.current + 1) {
                forget_variable(session, &name);
            }
        }
        self.mark_step_start(session);
        Ok(())
    }

    /// The next hint of the current step, or `None` when all were shown.
    pub fn next_hint(&mut self) -> Option<(usize, usize, String)> {
        let i = self.current;
        let step = self.lab.steps.get(i)?;
        let state = &mut self.steps[i];
        let hint = step.hints.get(state.hints_shown)?.clone();
        state.hints_shown += 1;
        Some((state.hints_shown, step.hints.len(), hint))
    }

    fn step(&self) -> Option<&Step> {
        self.lab.steps.get(self.current)
    }

    /// The introduction shown when the lab starts.
    pub fn intro_text(&self, session: &Session) -> String {
        let width = session.host.width();
        let rule = "=".repeat(self.lab.title.chars().count().min(width));
        let mut out = format!("\nLab: {}\n{rule}\n\n", self.lab.title);
        out.push_str(&wrap(&self.lab.introduction, width, ""));
        if !self.lab.variables.is_empty() {
            out.push_str("\nVariables ready for you:\n");
            for (name, value) in &self.lab.variables {
                out.push_str(&format!("  ${name} = {}\n", variable_source(value)));
            }
        }
        if !self.lab.files.is_empty() {
            let text = format!(
                "\nYou start in the lab's folder, {}, which holds its files: {}. The folder is removed when you leave: keep anything you want elsewhere.",
                self.dir.display(),
                self.lab
                    .files
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            out.push_str(&wrap(&text, width, ""));
        }
        out.push_str(&wrap(
            "\nYou work on a throw-away copy of the lab's tenant; your own store is not touched. Show-EmuLabStep shows the step again, Show-EmuLabHint gives a hint, Restart-EmuLab starts over, Get-EmuLab shows your progress; exit leaves.",
            width,
            "",
        ));
        out.push_str(&self.step_text(session));
        out
    }

    /// The current step: its number, title and instruction.
    pub fn step_text(&self, session: &Session) -> String {
        let width = session.host.width();
        let Some(step) = self.step() else {
            return format!(
                "\nEvery step of this lab is done ({} of {}).\n",
                self.passed_count(),
                self.lab.steps.len()
            );
        };
        let mut out = format!(
            "\nStep {} of {}: {}\n",
            self.current + 1,
            self.lab.steps.len(),
            step.title
        );
        out.push_str(&wrap(&step.instruction, width, "  "));
        if let Some(f) = &self.steps[self.current].forbidden {
            out.push_str(&wrap(
                &format!("(This step cannot pass now: {f} Restart-EmuLab -Step puts the tenant back to where it began; then try again.)"),
                width,
                "  ",
            ));
        }
        out.push('\n');
        out
    }

    /// What the trainee reads when the last step passes.
    pub fn summary_text(&self, session: &Session) -> String {
        let width = session.host.width();
        let mut out = format!(
            "\n{}\n",
            green(session, &format!("Lab complete: {}", self.lab.title))
        );
        out.push_str(&format!(
            "  Steps done   {} of {}\n  Hints used   {}\n  Time taken   {}\n\n  What made each step pass:\n",
            self.passed_count(),
            self.lab.steps.len(),
            self.hints_used(),
            duration_text(self.elapsed())
        ));
        for (i, (step, state)) in self.lab.steps.iter().zip(&self.steps).enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, step.title));
            if let Some(c) = &state.command {
                for line in c.lines() {
                    out.push_str(&format!("     {line}\n"));
                }
            }
        }
        out.push_str(&wrap(
            "\nWell done. Keep exploring this tenant, Restart-EmuLab to try again, or exit to leave.",
            width,
            "",
        ));
        out.push('\n');
        out
    }

    /// The report (docs/labs.md): no secret in it (commands are masked as the audit log is).
    pub fn report_json(&self) -> Json {
        let steps: Vec<Json> = self
            .lab
            .steps
            .iter()
            .zip(&self.steps)
            .enumerate()
            .map(|(i, (step, state))| {
                json!({
                    "number": i + 1,
                    "title": step.title,
                    "passed": state.passed,
                    "command": state.command.as_deref().map(crate::runtime::audit::mask_secrets),
                    "hintsUsed": state.hints_shown,
                    "forbiddenUsed": state.forbidden.as_deref().map(crate::runtime::audit::mask_literals),
                    "checkError": if state.passed { None } else { state.check_error.as_deref().map(crate::runtime::audit::mask_literals) },
                })
            })
            .collect();
        json!({
            "reportFormat": REPORT_FORMAT,
            "lab": { "name": self.lab.name, "title": self.lab.title },
            "mode": match self.mode { Mode::Interactive => "interactive", Mode::Grading => "check" },
            "solution": self.solution,
            "passed": self.passed_count() == self.lab.steps.len(),
            "stepsPassed": self.passed_count(),
            "stepCount": self.lab.steps.len(),
            "hintsUsed": self.hints_used(),
            "seconds": (self.elapsed().as_secs_f64() * 10.0).round() / 10.0,
            "startedAt": crate::store::format_time(self.started_at),
            "steps": steps,
        })
    }

    /// Writes the report to `path` (a temporary file renamed over it, so a reader never sees
    /// half a report).
    pub fn write_report(&self, path: &Path) -> Result<(), String> {
        let mut text =
            serde_json::to_string_pretty(&self.report_json()).map_err(|e| e.to_string())?;
        text.push('\n');
        let mut tmp = path.as_os_str().to_os_string();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                format!("{}: {e}", path.display())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_told_from_commands() {
        assert_eq!(
            assigned_variable("$answer = 'x'").as_deref(),
            Some("answer")
        );
        assert_eq!(
            assigned_variable("  $Failed=@()").as_deref(),
            Some("Failed")
        );
        assert_eq!(assigned_variable("$a == 1"), None);
        assert_eq!(assigned_variable("Get-Thing $a = 1"), None);
        assert!(reads_variable("$Answer -eq 'x'", "answer"));
        assert!(!reads_variable("$answers -eq 'x'", "answer"));
    }

    #[test]
    fn a_restart_clears_what_the_trainee_answered_not_the_checks_own_variables() {
        let lab = super::super::parse_lab(
            r#"{"labFormat": 1, "title": "T", "introduction": "I", "variables": {"App": "a"},
               "steps": [{"title": "T", "instruction": "I", "hints": ["h"],
                          "check": "$p = 1; $p -eq 1 -and $answer -eq $App -and $true -and @($failed).Count"}]}"#,
            "t.json",
            None,
            "t",
        )
        .unwrap();
        assert_eq!(answer_variables(&lab, 0..1), ["answer", "failed"]);
    }

    #[test]
    fn text_is_wrapped_and_times_are_short() {
        assert_eq!(wrap("one two three", 28, "  "), "  one two three\n");
        let long = "word ".repeat(10);
        let wrapped = wrap(long.trim(), 20, "  ");
        assert!(
            wrapped
                .lines()
                .all(|l| l.len() <= 22 && l.starts_with("  "))
        );
        assert_eq!(
            wrap("a\n\n  Get-Thing -X   1", 40, ""),
            "a\n\n  Get-Thing -X   1\n"
        );
        assert_eq!(duration_text(Duration::from_secs(12)), "12 s");
        assert_eq!(duration_text(Duration::from_secs(252)), "4 min 12 s");
        assert_eq!(
            duration_text(Duration::from_secs(3 * 3600 + 120)),
            "3 h 2 min"
        );
    }
}

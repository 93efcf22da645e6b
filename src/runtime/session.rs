//! One shell session: options, host, variables, the command table, the store, the Teams
//! connection, the clock, `$Error`, and the Out-Default formatter state. The interpreter's
//! methods live in sibling modules as `impl Session` blocks; this file owns the state and the
//! ways text leaves the session (output, errors, warnings, verbose).

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::clock::{Clock, IdGenerator};
use super::commands::CommandTable;
use super::error_record::ErrorRecord;
use super::flow::{Flow, Termination};
use super::host::Host;
use super::output::{ErrorView, FormatOptions, Formatter};
use super::scope::{Qualifier, Scopes};
use super::value::Value;
use crate::store::Store;
use crate::syntax::{ParseErrors, SourceFile, Span};

#[derive(Clone, Debug)]
pub struct SessionOptions {
    pub error_view: ErrorView,
    pub color_out: bool,
    pub color_err: bool,
    /// An interactive prompt is available (REPL): missing mandatory parameters are prompted.
    pub interactive: bool,
    /// `-NonInteractive`: any prompt is an error.
    pub non_interactive: bool,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            error_view: ErrorView::Concise,
            color_out: false,
            color_err: false,
            interactive: false,
            non_interactive: false,
        }
    }
}

/// The offline Teams connection `Connect-MicrosoftTeams` establishes.
#[derive(Clone, Debug)]
pub struct Connection {
    pub account: String,
    pub environment: String,
    pub tenant_id: String,
    pub tenant_domain: String,
}

/// The Microsoft Graph connection `Connect-MgGraph` establishes (the calling app for the Graph
/// cmdlets that a policy allows or denies).
#[derive(Clone, Debug)]
pub struct GraphConnection {
    /// The app (client) id for app-only connections.
    pub client_id: Option<String>,
    pub tenant_id: String,
    /// Delegated sign-ins name the account.
    pub account: Option<String>,
}

/// One line run at the interactive prompt, for `Get-History` (the REPL records them).
#[derive(Clone, Debug)]
pub struct HistoryEntry {
    pub id: i64,
    pub command_line: String,
    /// `Completed`, `Failed` or `Stopped` (pwsh's PipelineState names).
    pub status: &'static str,
    pub start: time::OffsetDateTime,
    pub end: time::OffsetDateTime,
}

/// Where output goes: the formatter (top level), a collection (assignment, subexpression),
/// the next command of a running pipeline, or nowhere.
pub enum Out<'a> {
    Default,
    Collect(&'a mut Vec<Value>),
    Discard,
    /// Each object goes on to the commands downstream at once (pwsh's pipes): their errors,
    /// and a downstream `Select-Object -First` saying it has enough, come back to the writer.
    Pipe(&'a mut dyn PipeSink),
}

/// The rest of a running pipeline, as seen by a command writing into it.
pub trait PipeSink {
    fn send(&mut self, session: &mut Session, value: Value) -> Result<(), super::flow::Flow>;
}

/// What a `2>` redirection does with error records while it is in effect.
#[derive(Clone, Debug)]
pub enum ErrorRedirect {
    /// `2>&1`: records are gathered and join the command's output afterwards.
    Capture(Vec<Value>),
    /// `2>$null`: records are only remembered in `$Error`.
    Discard,
}

/// The ActionPreference values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionPreference {
    SilentlyContinue,
    Stop,
    Continue,
    Inquire,
    Ignore,
}

impl ActionPreference {
    pub fn parse(text: &str) -> Option<ActionPreference> {
        // Read on every pipeline record ($ErrorActionPreference...): compared without a
        // lowercased copy.
        const NAMES: [(&str, &str, ActionPreference); 5] = [
            ("silentlycontinue", "0", ActionPreference::SilentlyContinue),
            ("stop", "1", ActionPreference::Stop),
            ("continue", "2", ActionPreference::Continue),
            ("inquire", "3", ActionPreference::Inquire),
            ("ignore", "4", ActionPreference::Ignore),
        ];
        let text = text.trim();
        NAMES
            .iter()
            .find(|(name, number, _)| text.eq_ignore_ascii_case(name) || text == *number)
            .map(|(_, _, pref)| *pref)
    }
}

pub struct Session {
    pub options: SessionOptions,
    pub host: Box<dyn Host>,
    pub scopes: Scopes,
    pub store: Store,
    pub connection: Option<Connection>,
    pub graph: Option<GraphConnection>,
    /// The Exchange Online connection (Connect-ExchangeOnline), if any.
    pub exchange: Option<Connection>,
    pub clock: Clock,
    /// The culture dates and numbers are formatted in (invariant unless `LANG` names English).
    pub culture: &'static super::culture::Culture,
    pub ids: IdGenerator,
    /// Get-Random's generator once `-SetSeed` replaced it; until then it draws from `ids`.
    pub random: Option<IdGenerator>,
    pub commands: CommandTable,
    /// Turns output and error records into text (the shell hands it over: `format` lives above
    /// the runtime).
    pub(crate) formatter: Box<dyn Formatter>,
    /// `$?`
    pub last_success: bool,
    /// `$Error`, newest first.
    /// `$Error` (an ArrayList), newest first.
    pub errors: Rc<RefCell<super::value::Array>>,
    /// How many `try` blocks enclose the code running now (statement-terminating errors go to
    /// the catch instead of being reported).
    pub(crate) try_depth: usize,
    pub(crate) call_depth: usize,
    pub interrupt: Arc<AtomicBool>,
    /// Sources of the script blocks being run, innermost last (errors point into them).
    pub(crate) sources: Vec<Rc<SourceFile>>,
    /// The script file being run (`$PSCommandPath`), innermost last.
    pub(crate) script_paths: Vec<PathBuf>,
    /// Set while expanding a variable inside a string (strict mode 1 allows unset ones there).
    pub(crate) in_string: bool,
    pub(crate) error_redirects: Vec<ErrorRedirect>,
    /// `$ErrorView` as a script started from the command line left it when an error ended
    /// it: the error is shown after its scope is gone, in the view the script chose.
    pub(crate) ending_error_view: Option<ErrorView>,
    /// The `-ErrorVariable` / `-WarningVariable` / `-InformationVariable` lists of the commands
    /// running now, outermost first.
    pub(crate) stream_variables: Vec<Rc<super::command_context::StreamVariables>>,
    /// What streaming cmdlets keep between their steps (an open file, a CSV header), by the
    /// pipeline stage running them; dropped when their pipeline ends (`CommandContext::state`).
    pub(crate) command_states: std::collections::HashMap<u64, Box<dyn std::any::Any>>,
    /// Set when the last command wrote an error (for `$?`).
    pub(crate) wrote_error: bool,
    /// How many blocks are running: 1 inside a script's (or an input's) top-level block.
    pub(crate) block_depth: usize,
    /// Lines run at the interactive prompt (`Get-History`); empty outside the REPL.
    pub history: Vec<HistoryEntry>,
    /// The statement (or condition) running now: what pwsh underlines for errors raised by
    /// expressions (a method call on `$null`, a division by zero, a failed conversion).
    pub(crate) sequence_point: Option<Span>,
    /// The errors being handled by the enclosing `catch` blocks, innermost last (a bare
    /// `throw` rethrows the last one).
    pub(crate) catching: Vec<Rc<ErrorRecord>>,
    /// Where tenant commands are logged (`Get-EmuAuditLog`); beside the store file.
    pub audit_log: crate::store::AuditLog,
    /// Set once the audit log failed to write (reported once).
    pub(crate) audit_failed: bool,
    /// Open Start-Transcript files, oldest first; each receives what the host shows.
    pub(crate) transcripts: Vec<super::transcript::Transcript>,
    /// The session's current location (`$PWD`, `Get-Location`, `Set-Location`): relative paths
    /// resolve from here. Like pwsh, changing it leaves the process's working directory alone.
    pub location: PathBuf,
    /// `Push-Location` stacks by name (`default` when no -StackName is given).
    pub(crate) location_stacks: std::collections::HashMap<String, Vec<PathBuf>>,
    /// Locations left by `Set-Location`, for `Set-Location -` (newest last), and the ones
    /// `Set-Location -` left, for `Set-Location +`.
    pub(crate) location_back: Vec<PathBuf>,
    pub(crate) location_forward: Vec<PathBuf>,
    /// What a layer above attached to the session (the training lab; see `extension`).
    pub extension: Option<Box<dyn super::extension::SessionExtension>>,
    /// The calls the Graph cmdlets answered in this session (see `extension::GraphCall`).
    pub graph_calls: Vec<super::extension::GraphCall>,
    /// The classes scripts defined (`class Name { }`), by lowercase name.
    pub(crate) classes: std::collections::HashMap<String, Rc<super::classes::ClassDef>>,
    /// The call depth of each class method running, innermost last: a `return` at that
    /// depth gives the method's value (`classes::invoke_member`).
    pub(crate) method_frames: Vec<usize>,
    /// What the innermost method's `return` gave, with where it was written.
    pub(crate) method_return: Option<(Value, Span)>,
}

/// Guards against runaway recursion in scripts (pwsh's own limit is about 1000 frames).
pub const MAX_CALL_DEPTH: usize = 200;

impl Session {
    /// A session over `store`, running the commands of `commands` and writing through
    /// `formatter` (the layers above the runtime provide both).
    pub fn new(
        host: Box<dyn Host>,
        store: Store,
        options: SessionOptions,
        commands: CommandTable,
        formatter: Box<dyn Formatter>,
    ) -> Session {
        let audit_log = crate::store::AuditLog::new(store.path());
        let mut s = Session {
            options,
            host,
            scopes: Scopes::new(),
            store,
            connection: None,
            graph: None,
            exchange: None,
            clock: Clock::system(),
            culture: &super::culture::INVARIANT,
            ids: IdGenerator::new(None),
            random: None,
            commands,
            formatter,
            last_success: true,
            errors: Rc::new(RefCell::new(super::value::Array {
                kind: super::value::ArrayKind::ArrayList,
                items: Vec::new(),
            })),
            try_depth: 0,
            call_depth: 0,
            interrupt: Arc::new(AtomicBool::new(false)),
            sources: Vec::new(),
            script_paths: Vec::new(),
            in_string: false,
            error_redirects: Vec::new(),
            ending_error_view: None,
            stream_variables: Vec::new(),
            command_states: std::collections::HashMap::new(),
            wrote_error: false,
            block_depth: 0,
            history: Vec::new(),
            sequence_point: None,
            catching: Vec::new(),
            audit_log,
            audit_failed: false,
            transcripts: Vec::new(),
            location: std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
            location_stacks: std::collections::HashMap::new(),
            location_back: Vec::new(),
            location_forward: Vec::new(),
            extension: None,
            graph_calls: Vec::new(),
            classes: std::collections::HashMap::new(),
            method_frames: Vec::new(),
            method_return: None,
        };
        s.init_variables();
        s
    }

    fn init_variables(&mut self) {
        let g = Qualifier::Global;
        self.scopes
            .set("ErrorActionPreference", Value::str("Continue"), g);
        self.scopes
            .set("WarningPreference", Value::str("Continue"), g);
        self.scopes
            .set("VerbosePreference", Value::str("SilentlyContinue"), g);
        self.scopes
            .set("DebugPreference", Value::str("SilentlyContinue"), g);
        self.scopes
            .set("InformationPreference", Value::str("SilentlyContinue"), g);
        self.scopes
            .set("ProgressPreference", Value::str("Continue"), g);
        self.scopes.set("ConfirmPreference", Value::str("High"), g);
        self.scopes.set("WhatIfPreference", Value::Bool(false), g);
        self.scopes
            .set("FormatEnumerationLimit", Value::integer(4), g);
        let view = self.options.error_view;
        self.scopes.set(
            "ErrorView",
            Value::Enum(super::value::EnumValue::new(
                super::output::ERROR_VIEW_TYPE,
                view.number(),
            )),
            g,
        );
        self.scopes
            .set("MaximumHistoryCount", Value::integer(4096), g);
        let home = std::env::var("HOME").unwrap_or_default();
        self.scopes.set("HOME", Value::str(home), g);
        self.scopes
            .set("PID", Value::integer(std::process::id() as i64), g);
        // The platform and edition variables pwsh 7 defines (scripts branch on `$IsMacOS`).
        self.scopes
            .set("IsWindows", Value::Bool(cfg!(target_os = "windows")), g);
        self.scopes
            .set("IsLinux", Value::Bool(cfg!(target_os = "linux")), g);
        self.scopes
            .set("IsMacOS", Value::Bool(cfg!(target_os = "macos")), g);
        self.scopes.set("IsCoreCLR", Value::Bool(true), g);
        self.scopes.set("PSEdition", Value::str("Core"), g);
        self.scopes.set("Host", host_value(), g);
    }

    /// `Set-StrictMode -Version` in effect here: 0 is off, `Latest` is 3.
    pub fn strict_mode(&self) -> u32 {
        self.scopes.strict_mode()
    }

    pub fn is_interrupted(&self) -> bool {
        self.interrupt.load(Ordering::Relaxed)
    }

    pub fn clear_interrupt(&self) {
        self.interrupt.store(false, Ordering::Relaxed);
    }

    pub fn format_options(&self) -> FormatOptions {
        let limit = match self
            .scopes
            .get("FormatEnumerationLimit", Qualifier::Global)
            .map(|v| &v.value)
        {
            Some(v) if v.as_i64().is_some() => v.as_i64().unwrap_or(4),
            Some(other) => super::conversion::to_int(other, "System.Int32").unwrap_or(4),
            None => 4,
        };
        FormatOptions {
            width: self.host.width(),
            color: self.options.color_out,
            enumeration_limit: limit,
            culture: self.culture,
            error_view: self.error_view(),
        }
    }

    /// `$ErrorView` as visible now (a script may set it); a NormalView under aapsh's
    /// `-ErrorView normal` keeps the Windows PowerShell 5.1 block that option asks for.
    pub(crate) fn error_view(&self) -> ErrorView {
        if let Some(view) = self.ending_error_view {
            return view;
        }
        let configured = self.options.error_view;
        let named = self
            .scopes
            .get("ErrorView", Qualifier::None)
            .and_then(|v| ErrorView::from_name(&v.value.to_ps_string()));
        match named {
            Some(ErrorView::Normal) if configured == ErrorView::WindowsNormal => configured,
            Some(view) => view,
            None => configured,
        }
    }

    fn error_format_options(&self) -> FormatOptions {
        FormatOptions {
            color: self.options.color_err,
            ..self.format_options()
        }
    }

    /// Sends one object to the destination. Fails when the commands downstream fail or
    /// have all they need (`Flow::StopUpstream`).
    pub fn emit(&mut self, out: &mut Out<'_>, value: Value) -> Result<(), super::flow::Flow> {
        match out {
            Out::Default => {
                let opts = self.format_options();
                let value = super::dotnet::settled(self, &value);
                let text = self.formatter.write(&value, &opts);
                self.show(&text);
            }
            Out::Collect(items) => items.push(value),
            Out::Discard => {}
            Out::Pipe(sink) => return sink.send(self, value),
        }
        Ok(())
    }

    /// Ends the current Out-Default group (tables are buffered until then).
    pub fn flush_output(&mut self) {
        let opts = self.format_options();
        let text = self.formatter.flush(&opts);
        self.show(&text);
    }

    /// Writes text straight to the host (Write-Host, prompts): never capturable.
    pub fn write_host(&mut self, text: &str) {
        // Not held back by a table Out-Default is still sizing, as in pwsh (where Write-Host
        // text famously appears before a table the script output earlier).
        self.show(text);
    }

    /// Text for standard output, and for every open transcript.
    fn show(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.host.write_out(text);
        self.transcribe(text);
    }

    /// Adds text to every open transcript (what the host showed, or an answer typed at a
    /// prompt).
    pub fn transcribe(&mut self, text: &str) {
        for t in &mut self.transcripts {
            t.write(text);
        }
    }

    /// Closes the newest open transcript (Stop-Transcript); its path, or `None` when none is
    /// open.
    pub fn stop_transcript(&mut self) -> Option<std::path::PathBuf> {
        let t = self.transcripts.pop()?;
        let path = t.path().to_path_buf();
        t.close(self.clock.now());
        Some(path)
    }

    /// Fixes a record's `ScriptStackTrace` (once) from the call frames live now: `at <name>,
    /// <file>: line <n>` for each function call, innermost first (a script file's own code and
    /// the top level are `<ScriptBlock>`; `<No file>` when the code has no file). The innermost
    /// line is where the error happened (its InvocationInfo, else `at`, the statement running);
    /// each caller's line is where it made the call.
    pub fn stamp_script_stack(&self, record: &ErrorRecord, at: crate::syntax::Span) {
        if record.stamp.get().is_some() {
            return;
        }
        // The error's own position when it lies in the statement running (a Write-Error
        // record points at the function's call site instead: then the statement).
        let current = self.current_source();
        let (mut source, mut span) = match &record.invocation {
            Some(inv)
                if inv.has_position()
                    && Rc::ptr_eq(&inv.source, &current)
                    && inv.extent.start >= at.start
                    && inv.extent.start < at.end.max(at.start + 1) =>
            {
                (inv.source.clone(), inv.extent)
            }
            _ if at == crate::syntax::Span::default() => match &record.invocation {
                Some(inv) if inv.has_position() => (inv.source.clone(), inv.extent),
                _ => (current, at),
            },
            _ => (current, at),
        };
        let place = |source: &crate::syntax::SourceFile, span: crate::syntax::Span| {
            let file = source
                .display_name()
                .unwrap_or_else(|| "<No file>".to_string());
            format!("{file}: line {}", source.line_of(span.start))
        };
        let mut lines = Vec::new();
        let mut at_top = true;
        for frame in self.scopes.frames() {
            let name = if frame.is_script {
                "<ScriptBlock>"
            } else {
                frame.command_name.as_str()
            };
            lines.push(format!("at {name}, {}", place(&source, span)));
            match &frame.call_site {
                Some((caller, call)) => {
                    source = caller.clone();
                    span = *call;
                }
                None => {
                    at_top = false;
                    break;
                }
            }
        }
        if at_top {
            lines.push(format!("at <ScriptBlock>, {}", place(&source, span)));
        }
        let _ = record.stamp.set(crate::runtime::error_record::Stamp {
            script_stack: lines.join("\n"),
            history_id: self.history.last().map_or(1, |e| e.id + 1),
        });
    }

    /// Adds a record to `$Error` (newest first) and to the `-ErrorVariable` lists of the
    /// commands running (MshCommandRuntime.AppendErrorToVariables does both).
    pub fn remember_error(&mut self, record: &Rc<ErrorRecord>) {
        let at = self.sequence_point.unwrap_or_default();
        self.stamp_script_stack(record, at);
        {
            let mut list = self.errors.borrow_mut();
            list.insert(0, Value::Error(record.clone()));
            if list.len() > 256 {
                list.truncate(256);
            }
        }
        self.note_error_variables(record);
    }

    /// Displays an error record on the error stream (honouring `2>` redirections) and remembers
    /// it in `$Error`.
    pub fn display_error(&mut self, record: &Rc<ErrorRecord>) {
        self.remember_error(record);
        match self.error_redirects.last_mut() {
            Some(ErrorRedirect::Discard) => {}
            Some(ErrorRedirect::Capture(items)) => items.push(Value::Error(record.clone())),
            None => {
                // Errors go to the host's error stream at once; an open Out-Default document
                // (and a table it is still sizing) carries on, as in pwsh.
                let opts = self.error_format_options();
                // aapsh's "Did you mean ...?" helps at the prompt; a replayed script's error
                // stream stays exactly pwsh's.
                let stripped;
                let record = if record.suggestion.is_some() && !self.options.interactive {
                    let mut copy = (**record).clone();
                    copy.suggestion = None;
                    stripped = Rc::new(copy);
                    &stripped
                } else {
                    record
                };
                let text = self.formatter.error(record, &opts);
                self.host.write_err(&text);
                self.transcribe(&text);
            }
        }
    }

    /// `WARNING: ...`, `VERBOSE: ...` and `DEBUG: ...` lines. pwsh's console host writes them
    /// with `WriteLine`, i.e. to standard output like Write-Host; only error records go to
    /// standard error (ConsoleHostUserInterface.WriteWarningLine / WriteErrorLine).
    pub fn write_warning_text(&mut self, text: &str) {
        let rendered = self.formatter.warning(text, &self.format_options());
        self.write_host(&rendered);
    }

    pub fn write_verbose_text(&mut self, text: &str) {
        let rendered = self.formatter.verbose(text, &self.format_options());
        self.write_host(&rendered);
    }

    pub fn write_debug_text(&mut self, text: &str) {
        let rendered = self.formatter.debug(text, &self.format_options());
        self.write_host(&rendered);
    }

    /// `$ErrorActionPreference` as currently visible.
    pub fn error_action_preference(&self) -> ActionPreference {
        self.preference("ErrorActionPreference", ActionPreference::Continue)
    }

    pub fn preference(&self, name: &str, default: ActionPreference) -> ActionPreference {
        self.scopes
            .get(name, Qualifier::None)
            .and_then(|v| match &v.value {
                Value::String(text) => ActionPreference::parse(text),
                other => ActionPreference::parse(&other.to_ps_string()),
            })
            .unwrap_or(default)
    }

    /// Handles a non-terminating error under an action preference: Stop turns it into a
    /// script-terminating error; SilentlyContinue only records it; Ignore drops it.
    pub fn write_error_with(
        &mut self,
        record: ErrorRecord,
        action: ActionPreference,
    ) -> Result<(), Flow> {
        self.wrote_error = true;
        let record = Rc::new(record);
        match action {
            ActionPreference::Stop => Err(Flow::Error(record, Termination::Script)),
            ActionPreference::SilentlyContinue => {
                self.remember_error(&record);
                Ok(())
            }
            ActionPreference::Ignore => Ok(()),
            ActionPreference::Continue | ActionPreference::Inquire => {
                self.display_error(&record);
                Ok(())
            }
        }
    }

    /// A variable's value as scripts see it (`$null` when unset), for embedded languages such
    /// as `-Filter`.
    pub fn variable_value(&self, name: &str) -> Value {
        self.scopes
            .get(name, Qualifier::None)
            .map(|v| v.value.clone())
            .unwrap_or(Value::Null)
    }

    /// True when a variable is visible from the current scope.
    pub fn has_variable(&self, name: &str) -> bool {
        self.scopes.get(name, Qualifier::None).is_some()
    }

    /// Leaves the innermost scope: the functions defined in it are gone again.
    pub fn leave_scope(&mut self) {
        if let Some(scope) = self.scopes.pop() {
            for undo in scope.functions.into_iter().rev() {
                self.commands
                    .restore_function(&undo.key, undo.previous, undo.alias);
            }
        }
    }

    /// Sets a variable in the current scope (`Set-Item variable:NAME`, `Set-Variable`).
    pub fn set_variable(&mut self, name: &str, value: Value) {
        self.scopes.set(name, value, Qualifier::Local);
    }

    /// The source currently running (for positions in runtime errors).
    pub fn current_source(&self) -> Rc<SourceFile> {
        self.sources
            .last()
            .cloned()
            .unwrap_or_else(|| SourceFile::new(None, ""))
    }

    /// The connection `-Connected` (and a bare Connect-MicrosoftTeams) makes: the tenant's admin.
    pub fn default_connection(&mut self) -> Connection {
        match self.store.tenant() {
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

    /// Reports parse errors of a whole input the way pwsh does (one record, first error).
    pub fn report_parse_errors(&mut self, errors: &ParseErrors) {
        if let Some(record) = super::interpreter::parse_error_record(errors) {
            let record = Rc::new(record);
            self.display_error(&record);
        }
        self.last_success = false;
    }
}

impl Drop for Session {
    /// Transcripts still open when the session ends are closed with their epilogue, as pwsh's
    /// console host does when it exits.
    fn drop(&mut self) {
        while self.stop_transcript().is_some() {}
    }
}

/// `$Host`: the console host's name and version, and a RawUI whose title and colours scripts
/// may set (harmlessly: nothing is drawn from them).
fn host_value() -> Value {
    use super::value::PsObject;
    let text = crate::vocab::powershell_version_text();
    let version = super::expression::parse_version(&text).unwrap_or(Value::str(text));
    let color =
        |_name: &str, n: i64| Value::Enum(super::value::EnumValue::new("System.ConsoleColor", n));
    let raw_ui =
        PsObject::new("System.Management.Automation.Internal.Host.InternalHostRawUserInterface")
            .with("ForegroundColor", color("Gray", 7))
            .with("BackgroundColor", color("Black", 0))
            .with("WindowTitle", Value::str("aapsh"));
    let ui = PsObject::new("System.Management.Automation.Internal.Host.InternalHostUserInterface")
        .with("RawUI", Value::object(raw_ui));
    Value::object(
        PsObject::new("System.Management.Automation.Internal.Host.InternalHost")
            .with("Name", Value::str("ConsoleHost"))
            .with("Version", version)
            .with("InstanceId", Value::Guid(uuid::Uuid::nil()))
            .with("UI", Value::object(ui))
            .with("CurrentCulture", Value::str("en-US"))
            .with("CurrentUICulture", Value::str("en-US"))
            .with_text("System.Management.Automation.Internal.Host.InternalHost"),
    )
}

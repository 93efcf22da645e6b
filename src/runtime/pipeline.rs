//! Runs pipelines: resolves each command (alias, function, cmdlet, script file), evaluates its
//! arguments, binds them (all stages before any runs, as pwsh does), then streams records
//! stage to stage one at a time so output interleaves with host text as in pwsh. Also invokes
//! script functions, script blocks and script files.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::binder::{self, BindFailure, BoundParameters, CommandArg};
use super::command_context::{CommandContext, StreamVariables};
use super::error_record::InvocationInfo;
use super::errors;
use super::flow::{Flow, Termination};
use super::scope::{CallFrame, Qualifier, ScopeKind};
use super::session::{ActionPreference, ErrorRedirect, Out, PipeSink, Session};
use super::value::{Hashtable, Value};
use crate::runtime::{CmdletDef, Implementation};
use crate::syntax::ast::{
    Command, CommandElement, ElementKind, Expr, ExprKind, Pipeline, PipelineElement, QuoteKind,
    RedirectStream, RedirectTarget, ScriptBlockAst, UnaryOp,
};
use crate::syntax::{SourceFile, Span};
use crate::vocab::{ParamKind, PipelineMode, Requires};

/// What a command name resolved to.
#[derive(Clone)]
pub enum CommandTarget {
    Command(Rc<CmdletDef>),
    Script(PathBuf),
    Block(Rc<ScriptBlockAst>),
}

/// Where a function or script is called from: the name as typed and the call's position
/// (none for a script started from the command line).
pub(crate) struct CallSite {
    pub name: String,
    pub position: Option<(Rc<SourceFile>, Span)>,
    /// Dot-sourced (`. ./file.ps1`): the script runs in the caller's scope.
    pub dot: bool,
}

/// Per-stage redirections.
#[derive(Default)]
struct StageRedirect {
    errors_to_output: bool,
    errors_discarded: bool,
    /// `2> file` / `2>> file`: the error records, as the console shows them, go to the file.
    error_file: Option<(PathBuf, bool)>,
    output_file: Option<(PathBuf, bool)>,
    output_discarded: bool,
    /// What the stage wrote so far for its redirection files: they are written once, when
    /// the stage ends (so a table keeps one header across records).
    gathered_output: Vec<Value>,
    gathered_errors: Vec<Value>,
    /// `> file`, opened (and truncated) before the pipeline runs, as pwsh's Out-File opens it
    /// in its begin step: the stage's objects are formatted and written as they come.
    file_writer: Option<RedirectFile>,
}

/// An open `> file` / `>> file`: the file and the Out-Default document formatting into it.
struct RedirectFile {
    file: std::fs::File,
    path: PathBuf,
    doc: Box<dyn super::output::Formatter>,
    /// The first write error (reported once, when the pipeline ends).
    failed: Option<std::io::Error>,
}

impl RedirectFile {
    fn write(&mut self, text: &str) {
        use std::io::Write;
        if self.failed.is_none()
            && !text.is_empty()
            && let Err(e) = self.file.write_all(text.as_bytes())
        {
            self.failed = Some(e);
        }
    }
}

impl PipeSink for RedirectFile {
    /// Each object's text goes to the file at once (pwsh's Out-File flushes every write).
    fn send(&mut self, session: &mut Session, value: Value) -> Result<(), Flow> {
        let opts = session.format_options();
        let text = self.doc.write(&value, &opts);
        self.write(&text);
        Ok(())
    }
}

enum StageKind {
    /// The first element is an expression: its value is enumerated into the pipeline.
    Expression(Value),
    /// The first element is a range (`1..1000000 | ...`): pwsh enumerates it lazily
    /// (Compiler.GetRangeEnumerator), one number at a time, holding no array.
    Range(RangeIter),
    Command {
        def: Rc<CmdletDef>,
        bound: BoundParameters,
        collected: Vec<Value>,
        /// A function with a process block keeps its scope between records.
        began: bool,
    },
    Script {
        path: PathBuf,
        args: Vec<CommandArg>,
        collected: Vec<Value>,
        /// `. ./file.ps1`: runs in the caller's scope.
        dot: bool,
    },
    Block {
        block: Rc<ScriptBlockAst>,
        /// A dot-sourced function (`. f`): its definition, for its parameters.
        def: Option<Rc<CmdletDef>>,
        args: Vec<CommandArg>,
        collected: Vec<Value>,
        dot: bool,
    },
}

struct Stage {
    kind: StageKind,
    invocation_name: String,
    span: Span,
    redirect: StageRedirect,
    position: usize,
    /// Saved function scope between begin/process/end calls.
    saved_scope: Option<super::scope::Scope>,
    /// `-ErrorVariable` / `-WarningVariable` / `-InformationVariable` lists, filled while the
    /// stage runs.
    stream_variables: Option<Rc<StreamVariables>>,
    /// Names this stage in a `Flow::StopUpstream` it raises.
    id: u64,
    /// A command that needs only the first records (`Select-Object -First`): how it takes
    /// them and when it has enough.
    take: Option<TakePlan>,
}

/// Stage ids, unique in the process (a nested pipeline never shares one with its caller).
static NEXT_STAGE_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The integers of `a..b`, one at a time (RangeEnumerator).
pub(crate) struct RangeIter {
    next: i64,
    last: i64,
    down: bool,
    done: bool,
    /// `'a'..'e'`: the items are Chars.
    chars: bool,
}

impl RangeIter {
    pub(crate) fn new(first: i32, last: i32) -> RangeIter {
        RangeIter {
            next: i64::from(first),
            last: i64::from(last),
            down: first > last,
            done: false,
            chars: false,
        }
    }

    /// The characters of `'a'..'e'`, one at a time.
    pub(crate) fn chars(first: u16, last: u16) -> RangeIter {
        RangeIter {
            chars: true,
            ..RangeIter::new(i32::from(first), i32::from(last))
        }
    }
}

impl Iterator for RangeIter {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        let n = self.next;
        if n == self.last {
            self.done = true;
        } else if self.down {
            self.next -= 1;
        } else {
            self.next += 1;
        }
        Some(if self.chars {
            Value::Char(n as u16)
        } else {
            Value::integer(n)
        })
    }
}

/// How a command declared with a `StopRule` takes its first records as they arrive (what
/// Select-Object's SelectObjectQueue and ProcessIndexed do), then stops the commands upstream.
struct TakePlan {
    /// Records taken as they arrive: positions `start..end`, or the listed positions.
    pick: Pick,
    /// After this many records the command has everything it needs.
    limit: usize,
    /// `-Unique`: the records are kept and the command runs once, at the limit.
    whole: bool,
    /// The parameters for one record's run (without the counting parameters).
    per_record: BoundParameters,
    /// Records received so far.
    seen: usize,
}

enum Pick {
    Span(usize, usize),
    Positions(Vec<usize>),
}

impl Pick {
    fn picks(&self, k: usize) -> bool {
        match self {
            Pick::Span(start, end) => (*start..*end).contains(&k),
            Pick::Positions(list) => list.binary_search(&k).is_ok(),
        }
    }
}

/// What a stage runs: its begin step, one record (or, first in the pipeline, no record), or its
/// end step.
enum Phase {
    Begin,
    Process(Option<Value>),
    End,
}

/// The commands after a writer in a running pipeline, and where the last one's output goes.
struct Downstream<'s, 'o> {
    stages: &'s mut [Stage],
    out: &'s mut Out<'o>,
}

impl PipeSink for Downstream<'_, '_> {
    fn send(&mut self, session: &mut Session, value: Value) -> Result<(), Flow> {
        session.push_one(self.stages, value, self.out)
    }
}

impl Session {
    /// Runs one pipeline, sending the last stage's output to `out`.
    pub(crate) fn run_pipeline(
        &mut self,
        pipeline: &Pipeline,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        self.wrote_error = false;
        // The common case, an expression with nothing after it.
        if let [only] = pipeline.elements.as_slice()
            && let ElementKind::Expression(expr) = &only.kind
            && only.redirections.is_empty()
        {
            if let Some(range) = self.lazy_range(expr)? {
                for item in range {
                    if self.is_interrupted() {
                        return Err(Flow::Stopped);
                    }
                    self.emit(out, item)?;
                }
                self.last_success = !self.wrote_error;
                return Ok(());
            }
            let value = self.eval(expr)?;
            // `$i++` and `++$i` as statements write nothing (`($i++)` does).
            let silent = matches!(
                &expr.kind,
                ExprKind::Unary {
                    op: UnaryOp::PreIncrement
                        | UnaryOp::PreDecrement
                        | UnaryOp::PostIncrement
                        | UnaryOp::PostDecrement,
                    ..
                }
            );
            if !silent {
                for item in value.enumerate_for_output() {
                    self.emit(out, item)?;
                }
            }
            self.last_success = !self.wrote_error;
            return Ok(());
        }
        let mut stages = Vec::with_capacity(pipeline.elements.len());
        for (i, element) in pipeline.elements.iter().enumerate() {
            stages.push(self.prepare_stage(element, i)?);
        }
        let result = self.execute_stages(&mut stages, out);
        // What the stages kept between their steps goes with them (a writer's file closes),
        // whether the pipeline ended, failed or was stopped.
        for stage in &mut stages {
            self.command_states.remove(&stage.id);
            if let Some(writer) = stage.redirect.file_writer.take() {
                self.close_redirect_file(writer);
            }
        }
        self.last_success = result.is_ok() && !self.wrote_error;
        result
    }

    fn prepare_stage(&mut self, element: &PipelineElement, index: usize) -> Result<Stage, Flow> {
        let redirect = self.stage_redirect(element)?;
        let (kind, invocation_name) = match &element.kind {
            ElementKind::Expression(expr) if element.redirections.is_empty() => {
                match self.lazy_range(expr)? {
                    Some(range) => (StageKind::Range(range), String::new()),
                    None => (StageKind::Expression(self.eval(expr)?), String::new()),
                }
            }
            ElementKind::Expression(expr) => {
                (StageKind::Expression(self.eval(expr)?), String::new())
            }
            ElementKind::Command(cmd) => self.prepare_command(cmd, index)?,
        };
        let stream_variables = match &kind {
            StageKind::Command { bound, .. } => self.setup_stream_variables(bound),
            _ => None,
        };
        let take = match &kind {
            StageKind::Command { def, bound, .. } if index > 0 => take_plan(def, bound),
            _ => None,
        };
        Ok(Stage {
            kind,
            invocation_name,
            span: element_span(element),
            redirect,
            position: index + 1,
            saved_scope: None,
            stream_variables,
            id: NEXT_STAGE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            take,
        })
    }

    /// `a..b` written where pwsh enumerates it lazily (first in a pipeline, the collection
    /// of `foreach`): its numbers one at a time. `None` for any other expression.
    pub(crate) fn lazy_range(&mut self, expr: &Expr) -> Result<Option<RangeIter>, Flow> {
        let ExprKind::Binary {
            op: crate::syntax::ast::BinaryOp::Range,
            op_span,
            left,
            right,
        } = &expr.kind
        else {
            return Ok(None);
        };
        let l = self.eval(left)?;
        let r = self.eval(right)?;
        if let Some((a, b)) = super::operators::char_range_bounds(&l, &r) {
            return Ok(Some(RangeIter::chars(a, b)));
        }
        let (a, b) = super::operators::range_bounds(self, &l, &r, *op_span)?;
        Ok(Some(RangeIter::new(a, b)))
    }

    fn stage_redirect(&mut self, element: &PipelineElement) -> Result<StageRedirect, Flow> {
        let mut r = StageRedirect::default();
        for red in &element.redirections {
            match (&red.target, red.from) {
                (RedirectTarget::MergeToOutput, RedirectStream::Error | RedirectStream::All) => {
                    r.errors_to_output = true
                }
                (RedirectTarget::MergeToOutput, _) => {}
                (RedirectTarget::File { path, append }, stream) => {
                    let target = self.eval(path)?;
                    let discard = target.is_null();
                    match stream {
                        RedirectStream::Error if discard => r.errors_discarded = true,
                        RedirectStream::Error => {
                            r.error_file =
                                Some((self.resolve_path(&target.to_ps_string()), *append));
                        }
                        RedirectStream::Output | RedirectStream::All => {
                            if stream == RedirectStream::All {
                                r.errors_discarded = true;
                            }
                            if discard {
                                r.output_discarded = true;
                            } else {
                                let path = self.resolve_path(&target.to_ps_string());
                                r.file_writer = self.open_redirect_file(&path, *append);
                                // Streamed into when it opened; else written (and its error
                                // reported) when the stage ends.
                                if r.file_writer.is_none() {
                                    r.output_file = Some((path, *append));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        Ok(r)
    }

    /// Opens a `> file` target before the pipeline runs. `None` when it cannot be opened: the
    /// stage then gathers its output and the write reports the error.
    fn open_redirect_file(&mut self, path: &Path, append: bool) -> Option<RedirectFile> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(path)
            .ok()?;
        Some(RedirectFile {
            file,
            path: path.to_path_buf(),
            doc: self.formatter.document(),
            failed: None,
        })
    }

    /// Ends a `> file` once its pipeline is over: what its document held back (a table being
    /// sized) is written, and a write that failed is reported.
    fn close_redirect_file(&mut self, mut writer: RedirectFile) {
        let opts = self.format_options();
        let text = writer.doc.flush(&opts);
        writer.write(&text);
        if let Some(e) = writer.failed.take() {
            let r = errors::runtime(
                "FileOpenFailure",
                format!("Could not open file '{}': {e}", writer.path.display()),
                super::ErrorCategory::WriteError,
            );
            let _ = self.write_error_with(r, ActionPreference::Continue);
        }
    }

    /// Resolves a command name and binds its arguments.
    fn prepare_command(
        &mut self,
        cmd: &Command,
        index: usize,
    ) -> Result<(StageKind, String), Flow> {
        // Strict mode 2+: `Name(a, b)` (no space before the parenthesis, a comma list inside)
        // is a method-style call. pwsh checks it while building the arguments, before it looks
        // the command up (Compiler.GetCommandArgumentExpressions).
        if self.strict_mode() >= 2 && is_method_style_call(cmd) {
            return Err(self.runtime_error(
                "StrictModeFunctionCallWithParens",
                "The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.",
                super::ErrorCategory::InvalidOperation,
                cmd.span,
            ));
        }
        let (target, typed_name) = self.resolve_command_expr(&cmd.name, cmd)?;
        let mut args = self.eval_command_args(&cmd.elements)?;
        // `Cmdlet -?` shows the command's help instead of running it, as in pwsh.
        let mut target = target;
        if let CommandTarget::Command(def) = &target
            && args
                .iter()
                .any(|a| matches!(a, CommandArg::Param { name, .. } if name == "?"))
            && let Some(help) = self.commands.get("Get-Help")
        {
            let name = Value::str(def.name.as_ref());
            args = vec![CommandArg::Value {
                value: name,
                span: cmd.span,
            }];
            target = CommandTarget::Command(help);
        }
        // `. f`: the function's body runs in the caller's scope, as a dot-sourced block.
        if cmd.invocation == crate::syntax::ast::InvocationOperator::DotSource
            && let CommandTarget::Command(def) = &target
            && let Implementation::Function(func) = &def.implementation
            && !func.is_filter
        {
            return Ok((
                StageKind::Block {
                    block: func.body.clone(),
                    def: Some(def.clone()),
                    args,
                    collected: Vec::new(),
                    dot: true,
                },
                typed_name,
            ));
        }
        match target {
            CommandTarget::Command(def) => {
                let bound = match self.bind_command(
                    &def,
                    args,
                    index > 0,
                    cmd.span,
                    index + 1,
                    &typed_name,
                ) {
                    Ok(bound) => bound,
                    Err(flow) => {
                        if super::audit::audited(&def)
                            && let Flow::Error(rec, _) = &flow
                        {
                            let message = rec.exception.message.clone();
                            self.audit(
                                &def,
                                None,
                                cmd.span,
                                super::audit::Outcome::Failed,
                                Some(message),
                            );
                        }
                        return Err(flow);
                    }
                };
                Ok((
                    StageKind::Command {
                        def,
                        bound,
                        collected: Vec::new(),
                        began: false,
                    },
                    typed_name,
                ))
            }
            CommandTarget::Script(path) => Ok((
                StageKind::Script {
                    path,
                    args,
                    collected: Vec::new(),
                    dot: cmd.invocation == crate::syntax::ast::InvocationOperator::DotSource,
                },
                typed_name,
            )),
            CommandTarget::Block(block) => Ok((
                StageKind::Block {
                    block,
                    def: None,
                    args,
                    collected: Vec::new(),
                    dot: cmd.invocation == crate::syntax::ast::InvocationOperator::DotSource,
                },
                typed_name,
            )),
        }
    }

    fn resolve_command_expr(
        &mut self,
        name: &Expr,
        cmd: &Command,
    ) -> Result<(CommandTarget, String), Flow> {
        let typed = match &name.kind {
            ExprKind::StringLiteral {
                value,
                quote: QuoteKind::Bare,
            } => value.clone(),
            _ => match self.eval(name)? {
                Value::ScriptBlock(sb) => return Ok((CommandTarget::Block(sb), String::new())),
                other => other.to_ps_string(),
            },
        };
        let resolved = self.resolve_command(&typed);
        // The Exchange Online cmdlets exist only once Connect-ExchangeOnline has run.
        let hidden = match &resolved {
            Some(CommandTarget::Command(d)) if d.requires == Requires::Exchange => {
                self.exchange.is_none().then(|| d.name.to_string())
            }
            _ => None,
        };
        match resolved.filter(|_| hidden.is_none()) {
            Some(t) => Ok((t, typed)),
            None => {
                // An alias to a missing command reports the command it names, as pwsh does.
                let missing = self
                    .commands
                    .alias_target(&typed)
                    .map_or_else(|| typed.clone(), str::to_string);
                let mut record = errors::command_not_found(&missing);
                // `& 'x'` / `. 'x'`: the error is headed by the operator, at the name.
                let invocation_name = match cmd.invocation {
                    crate::syntax::ast::InvocationOperator::None => typed.clone(),
                    crate::syntax::ast::InvocationOperator::DotSource => ".".to_string(),
                    _ => "&".to_string(),
                };
                record.invocation = Some(InvocationInfo {
                    command_name: None,
                    invocation_name: Some(invocation_name),
                    source: self.current_source(),
                    extent: name.span,
                    command_kind: Default::default(),
                });
                let suggestion = super::commands::suggest_command(&self.commands, &typed);
                record.suggestion = match hidden {
                    // The Teams look-alike first (a trainee who meant the meetings policy),
                    // then what the Exchange cmdlet needs.
                    Some(name) => Some(format!(
                        "{}{name} is an Exchange Online cmdlet (mailboxes): it exists once Connect-ExchangeOnline has run (module ExchangeOnlineManagement).",
                        suggestion.map(|s| format!("{s} ")).unwrap_or_default()
                    )),
                    None => suggestion,
                };
                Err(Flow::statement_error(record))
            }
        }
    }

    /// Alias, function or cmdlet by name (module-qualified names allowed), or a script path.
    pub fn resolve_command(&self, name: &str) -> Option<CommandTarget> {
        let bare = name.rsplit_once('\\').map_or(name, |(module, n)| {
            if module.contains('.') || module.contains(':') || module.is_empty() {
                name
            } else {
                n
            }
        });
        if let Some(def) = self.commands.get(bare) {
            return Some(CommandTarget::Command(def));
        }
        let looks_like_path = name.contains('/')
            || name.contains('\\')
            || name.to_ascii_lowercase().ends_with(".ps1");
        if looks_like_path {
            let path = self.resolve_path(name);
            if path.is_file() {
                return Some(CommandTarget::Script(path));
            }
        }
        None
    }

    /// Resolves a path as pwsh does on any OS: `\` and `/` both separate, relative paths are
    /// relative to the session's current location (`Set-Location`), not the process's.
    pub fn resolve_path(&self, text: &str) -> PathBuf {
        let normalized = super::files::map_path(text).replace('\\', "/");
        // `~` is the home directory, as the FileSystem provider has it.
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let joined = match (normalized.strip_prefix('~'), home) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                home.join(rest.trim_start_matches('/'))
            }
            _ => {
                let p = Path::new(&normalized);
                if p.is_absolute() {
                    p.to_path_buf()
                } else {
                    self.location.join(p)
                }
            }
        };
        lexically_normal(&joined)
    }

    /// Evaluates command elements in argument mode, expanding splats.
    pub(crate) fn eval_command_args(
        &mut self,
        elements: &[CommandElement],
    ) -> Result<Vec<CommandArg>, Flow> {
        let mut args = Vec::with_capacity(elements.len());
        for el in elements {
            match el {
                // `--` (parsed as a parameter named "-") only ends parameter parsing.
                CommandElement::Parameter(p) if p.name == "-" && p.argument.is_none() => {}
                CommandElement::Parameter(p) => {
                    let colon_value = match &p.argument {
                        Some(expr) => Some((self.eval(expr)?, expr.span)),
                        None => None,
                    };
                    args.push(CommandArg::Param {
                        name: p.name.clone(),
                        span: p.span,
                        colon_value,
                    });
                }
                CommandElement::Argument(expr) => {
                    if let ExprKind::Splat(var) = &expr.kind {
                        let value = self.read_variable(var, expr.span)?;
                        match value {
                            Value::Hashtable(h) => {
                                for (k, v) in h.borrow().iter() {
                                    args.push(CommandArg::Param {
                                        name: k.to_ps_string(),
                                        span: expr.span,
                                        colon_value: Some((v.clone(), expr.span)),
                                    });
                                }
                            }
                            other => {
                                for item in other.enumerate() {
                                    args.push(CommandArg::Value {
                                        value: item,
                                        span: expr.span,
                                    });
                                }
                            }
                        }
                        continue;
                    }
                    let value = self.eval(expr)?;
                    args.push(CommandArg::Value {
                        value,
                        span: expr.span,
                    });
                }
            }
        }
        Ok(args)
    }

    /// Binds a command's arguments, prompting for missing mandatory parameters when a prompt
    /// is possible.
    pub(crate) fn bind_command(
        &mut self,
        def: &Rc<CmdletDef>,
        args: Vec<CommandArg>,
        expects_input: bool,
        span: Span,
        position: usize,
        typed_name: &str,
    ) -> Result<BoundParameters, Flow> {
        let fail = |s: &Session, f: BindFailure| -> Flow {
            let mut record = *f.record;
            if record.error_id == "NamedParameterNotFound"
                && let Some(span) = f.span
            {
                let typed = s
                    .current_source()
                    .slice(span)
                    .trim_start_matches('-')
                    .trim_end_matches(':')
                    .to_string();
                record.suggestion = super::commands::suggest_parameter(def, &typed);
            }
            record.invocation = Some(InvocationInfo {
                command_name: Some(def.name.to_string()),
                invocation_name: Some(typed_name.to_string()),
                source: s.current_source(),
                extent: f.span.unwrap_or(span),
                command_kind: Default::default(),
            });
            Flow::statement_error(record)
        };
        let mut bound =
            binder::bind_arguments(def, args, expects_input).map_err(|f| fail(self, f))?;
        self.run_validation_scripts(def, &bound, span)
            .map_err(|f| fail(self, f))?;
        let missing: Vec<String> = if expects_input {
            binder::missing_before_input(def, &bound)
        } else {
            binder::missing_mandatory(def, &bound)
        }
        .iter()
        .map(|p| p.name.to_string())
        .collect();
        if missing.is_empty() {
            return Ok(bound);
        }
        if self.can_prompt()
            && let Some(values) = self.prompt_mandatory(&def.name, position, &missing)?
        {
            for (name, value) in missing.iter().zip(values) {
                if let Some(p) = def.params.iter().find(|p| p.name == *name) {
                    binder::bind_prompted(def, &mut bound, p, value, span)
                        .map_err(|f| fail(self, f))?;
                }
            }
            if !expects_input {
                binder::resolve_set(def, &mut bound).map_err(|f| fail(self, f))?;
            }
            return Ok(bound);
        }
        let params: Vec<&crate::vocab::ParamDef> = def
            .params
            .iter()
            .filter(|p| missing.iter().any(|m| *m == *p.name))
            .collect();
        Err(fail(self, binder::missing_mandatory_error(def, &params)))
    }

    /// Runs the stages as pwsh's PipelineProcessor does: every begin step first (what they
    /// write is delivered once all have begun), then the first command, whose objects go down
    /// the pipeline one at a time as they are written, then the end steps in order. A
    /// `Flow::StopUpstream` raised by stage k skips the end steps of stages 0..=k
    /// (DoCompleteCore); the stages after k still end.
    fn execute_stages(&mut self, stages: &mut [Stage], out: &mut Out<'_>) -> Result<(), Flow> {
        let result = self.execute_stages_inner(stages, out);
        let cleaned = self.clean_unfinished_stages(stages);
        result.and(cleaned)
    }

    /// The `clean` blocks of the function stages that began but never reached their end
    /// (an error, or a stop, ended the pipeline first), run in the scope their begin and
    /// process blocks used, in pipeline order. A stage that ended ran its clean block then.
    fn clean_unfinished_stages(&mut self, stages: &mut [Stage]) -> Result<(), Flow> {
        let mut result = Ok(());
        for stage in stages.iter_mut() {
            let StageKind::Command { def, .. } = &stage.kind else {
                continue;
            };
            let Implementation::Function(func) = &def.implementation else {
                continue;
            };
            if func.body.clean.is_none() {
                continue;
            }
            let Some(scope) = stage.saved_scope.take() else {
                continue;
            };
            let body = func.body.clone();
            self.scopes.put_top(scope);
            self.call_depth += 1;
            let r = self.run_clean_block(&body);
            self.scopes.pop();
            self.call_depth -= 1;
            if result.is_ok() {
                result = r;
            }
        }
        result
    }

    fn execute_stages_inner(
        &mut self,
        stages: &mut [Stage],
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let mut stopped: Option<usize> = None;
        let mut begun = Vec::with_capacity(stages.len());
        for stage in stages.iter_mut() {
            let mut items = Vec::new();
            self.run_stage(stage, &mut [], Phase::Begin, &mut Out::Collect(&mut items))?;
            begun.push(items);
        }
        for (i, items) in begun.into_iter().enumerate() {
            if stopped.is_some() {
                break;
            }
            let r = self.push_all(&mut stages[i + 1..], items, out);
            self.absorb_stop(stages, r, &mut stopped)?;
        }
        if stopped.is_none() {
            let (first, rest) = stages.split_at_mut(1);
            let r = self.run_stage(&mut first[0], rest, Phase::Process(None), out);
            self.absorb_stop(stages, r, &mut stopped)?;
        }
        for i in 0..stages.len() {
            if stopped.is_some_and(|k| i <= k) {
                continue;
            }
            let (head, rest) = stages.split_at_mut(i + 1);
            let r = self.run_stage(&mut head[i], rest, Phase::End, out);
            self.absorb_stop(stages, r, &mut stopped)?;
        }
        Ok(())
    }

    /// A stop requested by one of this pipeline's stages ends its upstream part here; any
    /// other outcome passes on (a stop requested further out unwinds this nested pipeline).
    fn absorb_stop(
        &self,
        stages: &[Stage],
        result: Result<(), Flow>,
        stopped: &mut Option<usize>,
    ) -> Result<(), Flow> {
        match result {
            Err(Flow::StopUpstream(id)) => match stages.iter().position(|s| s.id == id) {
                Some(k) => {
                    *stopped = Some(stopped.map_or(k, |old| old.max(k)));
                    Ok(())
                }
                None => Err(Flow::StopUpstream(id)),
            },
            other => other,
        }
    }

    fn push_all(
        &mut self,
        stages: &mut [Stage],
        records: Vec<Value>,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        for r in records {
            self.push_one(stages, r, out)?;
        }
        Ok(())
    }

    /// Sends one record into the first of `stages` (or to `out` past the last stage).
    fn push_one(
        &mut self,
        stages: &mut [Stage],
        record: Value,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let Some((stage, rest)) = stages.split_first_mut() else {
            return self.emit(out, record);
        };
        if self.is_interrupted() {
            return Err(Flow::Stopped);
        }
        self.run_stage(stage, rest, Phase::Process(Some(record)), out)
    }

    /// Runs one phase of a stage. Without redirections its objects go to the stages after it
    /// (`rest`, then `out`) as they are written; with redirections they are gathered first.
    fn run_stage(
        &mut self,
        stage: &mut Stage,
        rest: &mut [Stage],
        phase: Phase,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let mut produced = Vec::new();
        if stage.redirect.is_plain() {
            let mut down = Downstream { stages: rest, out };
            let mut pipe = Out::Pipe(&mut down);
            let vars = self.enter_stream_variables(stage);
            let result = self.run_phase(stage, phase, &mut produced, &mut pipe);
            self.leave_stream_variables(vars, &result);
            result?;
            for v in produced {
                self.emit(&mut pipe, v)?;
            }
            return Ok(());
        }
        if let Some(mut writer) = stage.redirect.file_writer.take() {
            let is_end = matches!(phase, Phase::End);
            // `> file`: objects are formatted into the file as they are written; errors a
            // `2>&1` captured follow the phase's objects.
            self.begin_redirect(&stage.redirect);
            let vars = self.enter_stream_variables(stage);
            let result = {
                let mut pipe = Out::Pipe(&mut writer);
                let r = self.run_phase(stage, phase, &mut produced, &mut pipe);
                r.and_then(|()| {
                    for v in std::mem::take(&mut produced) {
                        self.emit(&mut pipe, v)?;
                    }
                    Ok(())
                })
            };
            self.leave_stream_variables(vars, &result);
            let mut captured = Vec::new();
            let ended = self.end_redirect(&mut stage.redirect, &mut captured);
            // A `2> file` beside it is written when the stage ends (or fails).
            if is_end || result.is_err() || ended.is_err() {
                self.flush_error_file(&mut stage.redirect);
            }
            ended?;
            for v in produced.into_iter().chain(captured) {
                writer.send(self, v)?;
            }
            stage.redirect.file_writer = Some(writer);
            return result;
        }
        let mut direct = Vec::new();
        let is_end = matches!(phase, Phase::End);
        self.begin_redirect(&stage.redirect);
        let vars = self.enter_stream_variables(stage);
        let result = self.run_phase(stage, phase, &mut produced, &mut Out::Collect(&mut direct));
        self.leave_stream_variables(vars, &result);
        self.end_redirect(&mut stage.redirect, &mut produced)?;
        // A command that has taken all it needs still hands on what it wrote.
        let own_stop = matches!(&result, Err(Flow::StopUpstream(id)) if *id == stage.id);
        if !own_stop && result.is_err() {
            self.flush_redirect_files(&mut stage.redirect);
            result.clone()?;
        }
        direct.append(&mut produced);
        let items = self.redirect_output(&mut stage.redirect, direct);
        if is_end || own_stop {
            self.flush_redirect_files(&mut stage.redirect);
        }
        self.push_all(rest, items, out)?;
        result
    }

    fn run_phase(
        &mut self,
        stage: &mut Stage,
        phase: Phase,
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        match phase {
            Phase::Begin => self.begin_stage_inner(stage, produced, sink),
            Phase::Process(input) => self.run_stage_inner(stage, input, produced, sink),
            Phase::End => self.end_stage_inner(stage, produced, sink),
        }
    }

    /// The begin step, run for every stage before any record moves: a function's `begin`
    /// block (its scope is kept for the records), a streaming cmdlet's begin step.
    fn begin_stage_inner(
        &mut self,
        stage: &mut Stage,
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let span = stage.span;
        let position = stage.position;
        let id = stage.id;
        let name = stage.invocation_name.clone();
        let StageKind::Command {
            def, bound, began, ..
        } = &mut stage.kind
        else {
            return Ok(());
        };
        let def = def.clone();
        let mut call_bound = bound.clone();
        if call_bound.set.is_empty() {
            let _ = binder::resolve_set(&def, &mut call_bound);
        }
        match (&def.implementation, def.pipeline) {
            (Implementation::Function(func), _) => {
                let body = func.body.clone();
                let Some(block) = &body.begin else {
                    return Ok(());
                };
                *began = true;
                let site = self.call_site(&name, span);
                self.enter_function_scope(&def, &call_bound, Vec::new(), Some(site))?;
                let r = self.exec_block_in_source(&body, block, sink);
                stage.saved_scope = Some(self.scopes.take_top());
                self.call_depth -= 1;
                r.or_else(end_of_call)
            }
            (Implementation::Builtin(_), PipelineMode::Collect) => Ok(()),
            (Implementation::Builtin(_), _) => {
                let Some(begin) = def.begin else {
                    return Ok(());
                };
                *began = true;
                self.call_builtin_with(
                    &def,
                    begin,
                    &call_bound,
                    None,
                    Vec::new(),
                    (&name, span, position, id),
                    produced,
                    sink,
                )
            }
        }
    }

    fn run_stage_inner(
        &mut self,
        stage: &mut Stage,
        input: Option<Value>,
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let span = stage.span;
        let position = stage.position;
        let id = stage.id;
        let name = stage.invocation_name.clone();
        match &mut stage.kind {
            StageKind::Expression(value) => {
                for item in std::mem::take(value).enumerate_for_output() {
                    self.emit(sink, item)?;
                }
                Ok(())
            }
            StageKind::Range(range) => {
                for item in range.by_ref() {
                    if self.is_interrupted() {
                        return Err(Flow::Stopped);
                    }
                    self.emit(sink, item)?;
                }
                Ok(())
            }
            StageKind::Command {
                def,
                bound,
                collected,
                began,
            } => {
                let def = def.clone();
                match (&def.implementation, def.pipeline) {
                    (Implementation::Function(_), _) => self.run_function_stage_to(
                        &def,
                        bound,
                        input,
                        collected,
                        began,
                        &mut stage.saved_scope,
                        sink,
                        (&name, span),
                    ),
                    (Implementation::Builtin(_), PipelineMode::Collect) => {
                        // First in the pipeline: runs at end with no input.
                        let Some(v) = input else {
                            return Ok(());
                        };
                        let Some(plan) = stage.take.as_mut() else {
                            collected.push(v);
                            return Ok(());
                        };
                        // Select-Object takes no $null record: it neither counts nor keeps it
                        // (SelectObjectCommand.ProcessRecord skips a null InputObject).
                        if v.is_null() {
                            return Ok(());
                        }
                        let k = plan.seen;
                        plan.seen += 1;
                        let enough = plan.seen >= plan.limit;
                        let site = (name.as_str(), span, position, id);
                        if plan.whole {
                            collected.push(v);
                            if !enough {
                                return Ok(());
                            }
                            let items = std::mem::take(collected);
                            let mut call_bound = bound.clone();
                            if call_bound.set.is_empty() {
                                let _ = binder::resolve_set(&def, &mut call_bound);
                            }
                            self.call_builtin(
                                &def,
                                &call_bound,
                                None,
                                items,
                                site,
                                produced,
                                sink,
                            )?;
                        } else if plan.pick.picks(k) {
                            let b = plan.per_record.clone();
                            self.call_builtin(&def, &b, None, vec![v], site, produced, sink)?;
                        }
                        if enough {
                            for v in std::mem::take(produced) {
                                self.emit(sink, v)?;
                            }
                            // The command has what it needs (its EndProcessing wrote the
                            // rest): the commands upstream stop.
                            return Err(Flow::StopUpstream(id));
                        }
                        Ok(())
                    }
                    (Implementation::Builtin(_), mode) => {
                        if !*began {
                            *began = true;
                            if let Some(begin) = def.begin {
                                self.call_builtin_with(
                                    &def,
                                    begin,
                                    bound,
                                    None,
                                    Vec::new(),
                                    (&name, span, position, id),
                                    produced,
                                    sink,
                                )?;
                            }
                        }
                        let call_bound = match &input {
                            None => bound.clone(),
                            Some(record) => {
                                if mode == PipelineMode::None {
                                    let mut r = errors::input_object_not_bound(&def);
                                    r.invocation = Some(self.invocation_for(&def, &name, span));
                                    return self.write_error_with(r, ActionPreference::Continue);
                                }
                                match binder::bind_record(&def, bound, record, span) {
                                    Ok(b) => b,
                                    Err(f) => {
                                        let mut r = *f.record;
                                        r.invocation = Some(self.invocation_for(&def, &name, span));
                                        r.target_object = Some(record.clone());
                                        return self
                                            .write_error_with(r, self.command_error_action(bound));
                                    }
                                }
                            }
                        };
                        self.call_builtin(
                            &def,
                            &call_bound,
                            input,
                            Vec::new(),
                            (&name, span, position, id),
                            produced,
                            sink,
                        )
                    }
                }
            }
            StageKind::Script { collected, .. } | StageKind::Block { collected, .. } => {
                if let Some(v) = input {
                    collected.push(v);
                }
                Ok(())
            }
        }
    }

    /// End of input for a stage.
    fn end_stage_inner(
        &mut self,
        stage: &mut Stage,
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let span = stage.span;
        let position = stage.position;
        let id = stage.id;
        let name = stage.invocation_name.clone();
        match &mut stage.kind {
            StageKind::Expression(_) | StageKind::Range(_) => Ok(()),
            StageKind::Command {
                def,
                bound,
                collected,
                began,
            } => {
                let def = def.clone();
                match (&def.implementation, def.pipeline) {
                    (Implementation::Function(_), _) => self.end_function_stage_to(
                        &def,
                        bound,
                        collected,
                        began,
                        &mut stage.saved_scope,
                        sink,
                        (&name, span),
                        position == 1,
                    ),
                    (Implementation::Builtin(_), PipelineMode::Collect) => {
                        // A command taking its first records wrote each as it came.
                        if stage.take.as_ref().is_some_and(|p| !p.whole && p.seen > 0) {
                            return Ok(());
                        }
                        let items = std::mem::take(collected);
                        let mut call_bound = bound.clone();
                        if call_bound.set.is_empty() {
                            binder::resolve_set(&def, &mut call_bound).map_err(|f| {
                                let mut r = *f.record;
                                r.invocation = Some(self.invocation_for(&def, &name, span));
                                Flow::statement_error(r)
                            })?;
                        }
                        self.call_builtin(
                            &def,
                            &call_bound,
                            None,
                            items,
                            (&name, span, position, id),
                            produced,
                            sink,
                        )
                    }
                    // Streaming cmdlets with begin/end steps (`ForEach-Object -Begin/-End`):
                    // begin runs even when no record arrived, then end.
                    (Implementation::Builtin(_), _) => {
                        if def.begin.is_none() && def.end.is_none() {
                            return Ok(());
                        }
                        let mut call_bound = bound.clone();
                        if call_bound.set.is_empty() {
                            let _ = binder::resolve_set(&def, &mut call_bound);
                        }
                        if !*began {
                            *began = true;
                            if let Some(begin) = def.begin {
                                self.call_builtin_with(
                                    &def,
                                    begin,
                                    &call_bound,
                                    None,
                                    Vec::new(),
                                    (&name, span, position, id),
                                    produced,
                                    sink,
                                )?;
                            }
                        }
                        match def.end {
                            Some(end) => self.call_builtin_with(
                                &def,
                                end,
                                &call_bound,
                                None,
                                Vec::new(),
                                (&name, span, position, id),
                                produced,
                                sink,
                            ),
                            None => Ok(()),
                        }
                    }
                }
            }
            StageKind::Script {
                path,
                args,
                collected,
                dot,
            } => {
                let path = path.clone();
                let args = std::mem::take(args);
                let input = std::mem::take(collected);
                let mut site = self.call_site(&name, span);
                site.dot = *dot;
                self.run_script_file(&path, args, input, sink, Some(site))
            }
            StageKind::Block {
                block,
                def,
                args,
                collected,
                dot,
            } => {
                let block = block.clone();
                let def = def.clone();
                let args = std::mem::take(args);
                let input = std::mem::take(collected);
                let dot = *dot;
                // `& { Write-Error x }` reports the block's call as the error's position.
                let site = self.call_site(if name.is_empty() { "&" } else { &name }, span);
                self.invoke_block_as(&block, def, args, input, dot, sink, Some(site))
            }
        }
    }

    /// Makes the stage's stream variables collect while it runs.
    fn enter_stream_variables(&mut self, stage: &Stage) -> bool {
        match &stage.stream_variables {
            Some(v) => {
                self.stream_variables.push(v.clone());
                true
            }
            None => false,
        }
    }

    /// A terminating error leaving the command is added to its `-ErrorVariable` (and those of
    /// the commands running it) before it stops collecting (MshCommandRuntime.ManageException).
    fn leave_stream_variables<T>(&mut self, entered: bool, result: &Result<T, Flow>) {
        if let Err(Flow::Error(rec, _)) = result {
            self.note_error_variables(rec);
        }
        if entered {
            self.stream_variables.pop();
        }
    }

    fn begin_redirect(&mut self, r: &StageRedirect) {
        if r.errors_to_output || r.error_file.is_some() {
            self.error_redirects
                .push(ErrorRedirect::Capture(Vec::new()));
        } else if r.errors_discarded {
            self.error_redirects.push(ErrorRedirect::Discard);
        }
    }

    fn end_redirect(
        &mut self,
        r: &mut StageRedirect,
        produced: &mut Vec<Value>,
    ) -> Result<(), Flow> {
        if r.error_file.is_some() {
            if let Some(ErrorRedirect::Capture(items)) = self.error_redirects.pop() {
                r.gathered_errors.extend(items);
            }
            return Ok(());
        }
        if (r.errors_to_output || r.errors_discarded)
            && let Some(ErrorRedirect::Capture(items)) = self.error_redirects.pop()
        {
            produced.extend(items);
        }
        Ok(())
    }

    /// Writes what a `>` / `2>` redirection gathered to its file, as Out-File formats it.
    fn write_redirect_file(&mut self, path: &Path, append: bool, items: &[Value]) {
        let opts = self.format_options();
        let text = self.formatter.out_string(items, &opts);
        let result = if append {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(path, text)
        };
        if let Err(e) = result {
            let r = errors::runtime(
                "FileOpenFailure",
                format!("Could not open file '{}': {e}", path.display()),
                super::ErrorCategory::WriteError,
            );
            let _ = self.write_error_with(r, ActionPreference::Continue);
        }
    }

    fn redirect_output(&mut self, r: &mut StageRedirect, produced: Vec<Value>) -> Vec<Value> {
        if r.output_discarded {
            return Vec::new();
        }
        if r.output_file.is_some() {
            r.gathered_output.extend(produced);
            return Vec::new();
        }
        produced
    }

    /// Writes the stage's redirection files (each once: later calls find nothing to write).
    fn flush_redirect_files(&mut self, r: &mut StageRedirect) {
        if let Some((path, append)) = r.output_file.take() {
            let items = std::mem::take(&mut r.gathered_output);
            self.write_redirect_file(&path, append, &items);
        }
        self.flush_error_file(r);
    }

    /// Writes a stage's `2> file` (once).
    fn flush_error_file(&mut self, r: &mut StageRedirect) {
        if let Some((path, append)) = r.error_file.take() {
            let items = std::mem::take(&mut r.gathered_errors);
            self.write_redirect_file(&path, append, &items);
        }
    }

    pub(crate) fn invocation_for(
        &self,
        def: &CmdletDef,
        typed: &str,
        span: Span,
    ) -> InvocationInfo {
        InvocationInfo {
            command_name: Some(def.name.to_string()),
            invocation_name: Some(if typed.is_empty() {
                def.name.to_string()
            } else {
                typed.to_string()
            }),
            source: self.current_source(),
            extent: span,
            command_kind: Default::default(),
        }
    }

    /// The command's own -ErrorAction, else `$ErrorActionPreference`.
    pub(crate) fn command_error_action(&self, bound: &BoundParameters) -> ActionPreference {
        binder::error_action(bound)
            .and_then(|a| ActionPreference::parse(&a))
            .unwrap_or_else(|| self.error_action_preference())
    }

    #[allow(clippy::too_many_arguments)]
    fn call_builtin(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
        input: Option<Value>,
        collected: Vec<Value>,
        site: (&str, Span, usize, u64),
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let Implementation::Builtin(handler) = def.implementation else {
            return Ok(());
        };
        self.call_builtin_with(def, handler, bound, input, collected, site, produced, sink)
    }

    /// Runs a cmdlet step. What it writes with `write_object` is gathered in `produced`;
    /// what it sends (`CommandContext::send`) goes down the pipeline at once.
    #[allow(clippy::too_many_arguments)]
    fn call_builtin_with(
        &mut self,
        def: &Rc<CmdletDef>,
        handler: crate::runtime::Handler,
        bound: &BoundParameters,
        input: Option<Value>,
        collected: Vec<Value>,
        (typed, span, position, stage_id): (&str, Span, usize, u64),
        produced: &mut Vec<Value>,
        sink: &mut Out<'_>,
    ) -> Result<(), Flow> {
        if def.requires == Requires::Teams && self.connection.is_none() {
            let mut r = errors::not_connected(def);
            r.invocation = Some(self.invocation_for(def, typed, span));
            if super::audit::audited(def) {
                let message = r.exception.message.clone();
                self.audit(
                    def,
                    Some(bound),
                    span,
                    super::audit::Outcome::Failed,
                    Some(message),
                );
            }
            return Err(Flow::statement_error(r));
        }
        if let Some(mut r) = super::files::drive_not_found(def, bound) {
            r.invocation = Some(self.invocation_for(def, typed, span));
            return Err(Flow::statement_error(r));
        }
        let error_action = self.command_error_action(bound);
        let warning_action = bound
            .string("WarningAction")
            .and_then(|a| ActionPreference::parse(&a))
            .unwrap_or_else(|| self.preference("WarningPreference", ActionPreference::Continue));
        let verbose = match bound.get("Verbose") {
            Some(v) => v.is_truthy(),
            None => {
                self.preference("VerbosePreference", ActionPreference::SilentlyContinue)
                    == ActionPreference::Continue
            }
        };
        let what_if = match bound.get("WhatIf") {
            Some(v) => v.is_truthy(),
            None => {
                def.supports_should_process
                    && self
                        .scopes
                        .get("WhatIfPreference", Qualifier::None)
                        .is_some_and(|v| v.value.is_truthy())
            }
        };
        let confirm = self.should_confirm(def, bound);
        let source = self.current_source();
        // `-OutVariable` keeps everything the command wrote, so its output is gathered.
        let pipe: Option<&mut dyn PipeSink> = match sink {
            Out::Pipe(p) if !bound.has("OutVariable") => Some(&mut **p),
            _ => None,
        };
        let mut ctx = CommandContext {
            session: self,
            pipe,
            stage_id,
            def: def.clone(),
            output: Vec::new(),
            input,
            collected,
            error_action,
            warning_action,
            verbose,
            what_if,
            confirm,
            invocation_name: if typed.is_empty() {
                def.name.to_string()
            } else {
                typed.to_string()
            },
            source,
            command_span: span,
            pipeline_position: position,
            track: Default::default(),
        };
        let result = handler(&mut ctx, bound);
        let output = std::mem::take(&mut ctx.output);
        let track = std::mem::take(&mut ctx.track);
        if super::audit::audited(def) {
            use super::audit::Outcome;
            let (outcome, error) = match &result {
                Err(Flow::Error(rec, _)) => (
                    Outcome::Failed,
                    Some(
                        track
                            .first_error
                            .unwrap_or_else(|| rec.exception.message.clone()),
                    ),
                ),
                Err(Flow::Return) | Ok(()) if track.first_error.is_some() => {
                    (Outcome::Failed, track.first_error)
                }
                Err(Flow::Return) | Ok(()) if track.skipped => (Outcome::Skipped, None),
                Err(Flow::Return) | Ok(()) => (Outcome::Succeeded, None),
                Err(_) => (Outcome::Stopped, track.first_error),
            };
            self.audit(def, Some(bound), span, outcome, error);
        }
        if let Some(var) = bound.string("OutVariable") {
            let value = match output.len() {
                1 => output[0].clone(),
                _ => Value::array(output.clone()),
            };
            self.scopes.set(&var, value, Qualifier::None);
        }
        produced.extend(output);
        match result {
            // A terminating error from a cmdlet still ends only the statement, unless the
            // preference says Stop.
            Err(Flow::Error(rec, Termination::Statement)) => {
                self.wrote_error = true;
                Err(Flow::Error(rec, Termination::Statement))
            }
            other => other,
        }
    }

    // ----- script functions -----------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    fn run_function_stage_to(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &mut BoundParameters,
        input: Option<Value>,
        collected: &mut Vec<Value>,
        began: &mut bool,
        saved: &mut Option<super::scope::Scope>,
        sink: &mut Out<'_>,
        (name, span): (&str, Span),
    ) -> Result<(), Flow> {
        let Implementation::Function(func) = &def.implementation else {
            return Ok(());
        };
        let body = func.body.clone();
        let Some(record) = input else {
            // First in the pipeline: everything runs at end.
            return Ok(());
        };
        // Bind the record to pipeline parameters when the function declares any.
        let takes_pipeline = def.params.iter().any(|p| {
            p.sets
                .iter()
                .any(|m| m.from_pipeline || m.from_pipeline_by_property_name)
        });
        if body.process.is_none() && !func.is_filter {
            collected.push(record);
            return Ok(());
        }
        // An advanced function without pipeline parameters takes no input at all.
        if !takes_pipeline && binder::is_advanced(def) {
            let mut r = errors::input_object_not_bound(def);
            r.invocation = Some(self.invocation_for(def, "", span));
            return self.write_error_with(r, ActionPreference::Continue);
        }
        let call_bound = if takes_pipeline {
            let checked = binder::bind_record(def, bound, &record, span).and_then(|b| {
                self.run_validation_scripts(def, &b, span)?;
                Ok(b)
            });
            match checked {
                Ok(b) => b,
                Err(f) => {
                    let mut r = *f.record;
                    r.invocation = Some(self.invocation_for(def, "", span));
                    return self.write_error_with(r, ActionPreference::Continue);
                }
            }
        } else {
            bound.clone()
        };
        if !*began {
            *began = true;
            let site = self.call_site(name, span);
            self.enter_function_scope(def, &call_bound, Vec::new(), Some(site))?;
            let r = match &body.begin {
                Some(b) => self.exec_block_in_source(&body, b, sink),
                None => Ok(()),
            };
            *saved = Some(self.scopes.take_top());
            self.call_depth -= 1;
            r.or_else(end_of_call)?;
        }
        if let Some(scope) = saved.take() {
            self.scopes.put_top(scope);
        }
        self.call_depth += 1;
        if takes_pipeline {
            self.set_parameter_variables(def, &call_bound)?;
        }
        self.scopes.set("_", record.clone(), Qualifier::Local);
        self.scopes.set("PSItem", record, Qualifier::Local);
        let block = if func.is_filter && body.process.is_none() {
            body.end.as_ref()
        } else {
            body.process.as_ref()
        };
        let r = match block {
            Some(b) => self.exec_block_in_source(&body, b, sink),
            None => Ok(()),
        };
        *saved = Some(self.scopes.take_top());
        self.call_depth -= 1;
        r.or_else(end_of_call)
    }

    #[allow(clippy::too_many_arguments)]
    fn end_function_stage_to(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &mut BoundParameters,
        collected: &mut Vec<Value>,
        began: &mut bool,
        saved: &mut Option<super::scope::Scope>,
        sink: &mut Out<'_>,
        (name, span): (&str, Span),
        first: bool,
    ) -> Result<(), Flow> {
        let Implementation::Function(func) = &def.implementation else {
            return Ok(());
        };
        let body = func.body.clone();
        if *began {
            // begin/process already ran in the saved scope; run end there.
            if let Some(scope) = saved.take() {
                self.scopes.put_top(scope);
            }
            self.call_depth += 1;
            let mut r = Ok(());
            if body.process.is_none() && !func.is_filter {
                // The records it received are its `$input`.
                let input = std::mem::take(collected);
                self.scopes
                    .set("input", Value::array(input), Qualifier::Local);
            } else if first
                && !func.is_filter
                && let Some(b) = &body.process
            {
                // First in the pipeline: the process block runs once, with no record.
                r = self.exec_block_in_source(&body, b, sink);
            }
            if r.is_ok()
                && !func.is_filter
                && let Some(b) = &body.end
            {
                r = self.exec_block_in_source(&body, b, sink);
            }
            let cleaned = self.run_clean_block(&body);
            if r.is_ok() {
                r = cleaned;
            }
            self.leave_scope();
            self.call_depth -= 1;
            return r.or_else(end_of_call);
        }
        let mut b = bound.clone();
        let input = std::mem::take(collected);
        // A function with no process block still binds each record it receives to its
        // pipeline parameters: the end block sees the last one (`1, 2 | f` gives `$x` 2).
        if !first && body.process.is_none() && !func.is_filter {
            for record in &input {
                match binder::bind_record(def, bound, record, span) {
                    Ok(rb) => b = rb,
                    Err(f) if binder::is_advanced(def) || takes_pipeline_input(def) => {
                        let mut r = *f.record;
                        r.invocation = Some(self.invocation_for(def, "", span));
                        self.write_error_with(r, ActionPreference::Continue)?;
                    }
                    Err(_) => {}
                }
            }
        }
        if b.set.is_empty() {
            let _ = binder::resolve_set(def, &mut b);
        }
        let site = self.call_site(name, span);
        // Not first in the pipeline and no record came: the process block never runs.
        let run_process = first || body.process.is_none() || func.is_filter;
        self.invoke_function_with(def, &b, input, sink, Some(site), run_process)
    }

    /// Calls a script function with bound parameters and all its input at once.
    pub(crate) fn invoke_function(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
        input: Vec<Value>,
        out: &mut Out<'_>,
        site: Option<CallSite>,
    ) -> Result<(), Flow> {
        self.invoke_function_with(def, bound, input, out, site, true)
    }

    /// `invoke_function`; `run_process` false skips the process block (a function downstream
    /// of commands that wrote nothing runs only its begin and end blocks).
    fn invoke_function_with(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
        input: Vec<Value>,
        out: &mut Out<'_>,
        site: Option<CallSite>,
        run_process: bool,
    ) -> Result<(), Flow> {
        let Implementation::Function(func) = &def.implementation else {
            return Ok(());
        };
        let body = func.body.clone();
        self.enter_function_scope(def, bound, input.clone(), site)?;
        let mut result = Ok(());
        if let Some(b) = &body.begin {
            result = self.exec_block_in_source(&body, b, out);
        }
        if result.is_ok()
            && run_process
            && let Some(b) = &body.process
        {
            if input.is_empty() {
                result = self.exec_block_in_source(&body, b, out);
            } else {
                for item in &input {
                    self.scopes.set("_", item.clone(), Qualifier::Local);
                    self.scopes.set("PSItem", item.clone(), Qualifier::Local);
                    result = self.exec_block_in_source(&body, b, out);
                    if result.is_err() {
                        break;
                    }
                }
            }
        }
        if result.is_ok()
            && let Some(b) = &body.end
        {
            if func.is_filter && body.process.is_none() {
                for item in &input {
                    self.scopes.set("_", item.clone(), Qualifier::Local);
                    result = self.exec_block_in_source(&body, b, out);
                    if result.is_err() {
                        break;
                    }
                }
            } else {
                result = self.exec_block_in_source(&body, b, out);
            }
        }
        let cleaned = self.run_clean_block(&body);
        if result.is_ok() {
            result = cleaned;
        }
        self.leave_scope();
        self.call_depth -= 1;
        result.or_else(end_of_call)
    }

    /// Where a command is being called: the name as typed and the command's extent in the
    /// running source.
    fn call_site(&self, name: &str, span: Span) -> CallSite {
        CallSite {
            name: name.to_string(),
            position: Some((self.current_source(), span)),
            dot: false,
        }
    }

    /// The frame `$MyInvocation` and `$PSCmdlet` describe for a call.
    fn call_frame(
        &self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
        site: CallSite,
        is_script: bool,
    ) -> CallFrame {
        let inherited_what_if = self
            .scopes
            .get("WhatIfPreference", Qualifier::None)
            .is_some_and(|v| v.value.is_truthy());
        let what_if = match bound.get("WhatIf") {
            Some(v) => v.is_truthy(),
            None => inherited_what_if,
        };
        let command_name = if is_script {
            Path::new(&*def.name)
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_else(|| def.name.to_string())
        } else {
            def.name.to_string()
        };
        CallFrame {
            def: def.clone(),
            invocation_name: if site.name.is_empty() {
                command_name.clone()
            } else {
                site.name
            },
            command_name,
            bound: bound.clone(),
            call_site: site.position,
            is_script,
            block_text: (!is_script)
                .then(|| super::functions::block_text(def))
                .flatten(),
            what_if: def.supports_should_process && what_if,
            confirm: def.supports_should_process && bound.switch("Confirm"),
        }
    }

    /// Pushes a function scope and sets its parameter variables.
    fn enter_function_scope(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
        input: Vec<Value>,
        site: Option<CallSite>,
    ) -> Result<(), Flow> {
        if self.call_depth >= super::session::MAX_CALL_DEPTH {
            // ScriptCallDepthException; the limit itself is aapsh's (see MAX_CALL_DEPTH).
            let mut r = errors::runtime(
                "CallDepthOverflow",
                "The script failed due to call depth overflow.",
                super::ErrorCategory::InvalidOperation,
            );
            r.exception.type_name = "System.Management.Automation.ScriptCallDepthException".into();
            if let Some(CallSite {
                position: Some((source, span)),
                ..
            }) = &site
            {
                r.invocation = Some(InvocationInfo {
                    command_name: None,
                    invocation_name: None,
                    source: source.clone(),
                    extent: *span,
                    command_kind: Default::default(),
                });
            }
            return Err(Flow::statement_error(r));
        }
        self.call_depth += 1;
        match site {
            Some(site) => {
                let frame = self.call_frame(def, bound, site, false);
                self.scopes.push_frame(ScopeKind::Function, frame);
            }
            None => self.scopes.push(ScopeKind::Function),
        }
        self.set_parameter_variables(def, bound)?;
        self.scopes.set(
            "args",
            Value::array(bound.unbound.clone()),
            Qualifier::Local,
        );
        self.scopes
            .set("input", Value::array(input), Qualifier::Local);
        self.apply_common_preferences(bound);
        Ok(())
    }

    /// `-ErrorAction`, `-WarningAction`, `-InformationAction`, `-Verbose`, `-Debug` and `-WhatIf`
    /// given to an advanced function or script set its own (local) preference variables.
    fn apply_common_preferences(&mut self, bound: &BoundParameters) {
        if let Some(a) = bound.string("ErrorAction") {
            self.scopes
                .set("ErrorActionPreference", Value::str(a), Qualifier::Local);
        }
        if let Some(a) = bound.string("WarningAction") {
            self.scopes
                .set("WarningPreference", Value::str(a), Qualifier::Local);
        }
        if let Some(a) = bound.string("InformationAction") {
            self.scopes
                .set("InformationPreference", Value::str(a), Qualifier::Local);
        }
        // -Verbose / -Debug, and their `:$false` forms, set the function's own preference.
        for (switch, variable) in [
            ("Verbose", "VerbosePreference"),
            ("Debug", "DebugPreference"),
        ] {
            if let Some(v) = bound.get(switch) {
                let pref = if v.is_truthy() {
                    "Continue"
                } else {
                    "SilentlyContinue"
                };
                self.scopes
                    .set(variable, Value::str(pref), Qualifier::Local);
            }
        }
        if bound.switch("WhatIf") {
            self.scopes
                .set("WhatIfPreference", Value::Bool(true), Qualifier::Local);
        }
    }

    /// `$Name` for every declared parameter (bound value, evaluated default, or `$null`), and
    /// `$PSBoundParameters`.
    fn set_parameter_variables(
        &mut self,
        def: &Rc<CmdletDef>,
        bound: &BoundParameters,
    ) -> Result<(), Flow> {
        let Implementation::Function(func) = &def.implementation else {
            return Ok(());
        };
        let decls: Vec<&crate::syntax::ast::ParamDecl> = match &func.body.param_block {
            Some(pb) => pb.params.iter().collect(),
            None => func.parameters.iter().collect(),
        };
        let mut psbound = Hashtable::new(false);
        for (decl, p) in decls.iter().zip(def.params.iter()) {
            let value = match bound.get(&p.name) {
                // A `[switch]` parameter holds a SwitchParameter, in $PSBoundParameters too.
                Some(v) if p.ty.kind == ParamKind::Switch => {
                    let v = Value::switch(v.is_truthy());
                    psbound.insert(Value::str(&*p.name), v.clone());
                    v
                }
                Some(v) => {
                    psbound.insert(Value::str(&*p.name), v.clone());
                    v.clone()
                }
                None => match &decl.default {
                    Some(expr) => {
                        let v = self.eval(expr)?;
                        match super::conversion::to_param_type(&v, &p.ty) {
                            Ok(b) if p.ty.kind == ParamKind::Switch => Value::switch(b.is_truthy()),
                            converted => converted.unwrap_or(v),
                        }
                    }
                    // An unbound typed parameter holds its type's default value.
                    None => match p.ty.kind {
                        ParamKind::Switch => Value::switch(false),
                        ParamKind::Bool => Value::Bool(false),
                        ParamKind::String => Value::str(""),
                        ParamKind::Int32 | ParamKind::Int64 => Value::integer(0),
                        ParamKind::Double => Value::double(0.0),
                        _ => Value::Null,
                    },
                },
            };
            self.scopes
                .set_constrained(&p.name, value, p.ty, Qualifier::Local);
        }
        // Common parameters given to an advanced function or script (`-Verbose`,
        // `-ErrorAction Stop`) are bound parameters too.
        for (name, v) in bound.iter() {
            if !def.params.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
                psbound.insert(Value::str(name), v.clone());
            }
        }
        self.scopes.set(
            "PSBoundParameters",
            Value::hashtable(psbound),
            Qualifier::Local,
        );
        Ok(())
    }

    /// Runs a script block (`& { }`, `. { }`) with arguments bound to its param block.
    pub(crate) fn invoke_block_with_args(
        &mut self,
        block: &Rc<ScriptBlockAst>,
        args: Vec<CommandArg>,
        input: Vec<Value>,
        dot: bool,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        self.invoke_block_as(block, None, args, input, dot, out, None)
    }

    /// `invoke_block_with_args` with the block's command definition when it has one (a
    /// dot-sourced function's, whose parameters may be declared outside the body) and where
    /// it was called from.
    #[allow(clippy::too_many_arguments)]
    fn invoke_block_as(
        &mut self,
        block: &Rc<ScriptBlockAst>,
        def: Option<Rc<CmdletDef>>,
        args: Vec<CommandArg>,
        input: Vec<Value>,
        dot: bool,
        out: &mut Out<'_>,
        site: Option<CallSite>,
    ) -> Result<(), Flow> {
        let def =
            def.unwrap_or_else(|| Rc::new(super::functions::function_definition_for_block(block)));
        let fail = |s: &Session, f: BindFailure| {
            let mut r = *f.record;
            r.invocation = Some(s.invocation_for(&def, "", f.span.unwrap_or(block.span)));
            Flow::statement_error(r)
        };
        let bound = binder::bind_arguments(&def, args, false).map_err(|f| fail(self, f))?;
        self.run_validation_scripts(&def, &bound, block.span)
            .map_err(|f| fail(self, f))?;
        if dot {
            // Dot-sourced: the parameters become variables of the current scope.
            self.set_parameter_variables(&def, &bound)?;
            self.scopes.set(
                "args",
                Value::array(bound.unbound.clone()),
                Qualifier::Local,
            );
            let r = self.exec_script_body(block, out);
            return r.or_else(catch_return);
        }
        self.invoke_function(&def, &bound, input, out, site)
    }

    /// Runs a `.ps1` file in a new script scope with its own `param()` binding.
    pub(crate) fn run_script_file(
        &mut self,
        path: &Path,
        args: Vec<CommandArg>,
        input: Vec<Value>,
        out: &mut Out<'_>,
        site: Option<CallSite>,
    ) -> Result<(), Flow> {
        let text = match super::files::read_text(path) {
            Ok(t) => t,
            Err(e) => {
                let r = errors::runtime(
                    "ScriptReadError",
                    format!("Could not read the script file '{}': {e}", path.display()),
                    super::ErrorCategory::ReadError,
                );
                return Err(Flow::statement_error(r));
            }
        };
        let source = SourceFile::new(Some(path.to_path_buf()), text);
        let ast = crate::syntax::parse_script(source).map_err(|e| {
            let r = super::interpreter::parse_error_record(&e).unwrap_or_else(|| {
                errors::runtime(
                    "ParseError",
                    "Parse error",
                    super::ErrorCategory::ParserError,
                )
            });
            Flow::script_error(r)
        })?;
        if let Err(e) = self.define_types(&ast) {
            let r = super::interpreter::parse_error_record(&e).unwrap_or_else(|| {
                errors::runtime(
                    "ParseError",
                    "Parse error",
                    super::ErrorCategory::ParserError,
                )
            });
            return Err(Flow::script_error(r));
        }
        self.run_script_ast_from(&ast, Some(path.to_path_buf()), args, input, out, site)
    }

    /// Binds arguments to a parsed script's `param()` block and runs it in a new script scope.
    pub fn run_script_ast(
        &mut self,
        ast: &Rc<ScriptBlockAst>,
        path: Option<PathBuf>,
        args: Vec<CommandArg>,
        input: Vec<Value>,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        self.run_script_ast_from(ast, path, args, input, out, None)
    }

    /// Runs a parsed script; `site` is where it was called from (none: the command line).
    pub(crate) fn run_script_ast_from(
        &mut self,
        ast: &Rc<ScriptBlockAst>,
        path: Option<PathBuf>,
        args: Vec<CommandArg>,
        input: Vec<Value>,
        out: &mut Out<'_>,
        site: Option<CallSite>,
    ) -> Result<(), Flow> {
        let def = Rc::new(super::functions::function_definition_for_block(ast));
        let file_name = path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let site = site.unwrap_or(CallSite {
            name: path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            position: None,
            dot: false,
        });
        let dot = site.dot;
        let nested = site.position.is_some();
        // Binding errors point at the call, or nowhere for a script started from the command
        // line (ConciseView then prints `name.ps1: message` on one line).
        let fail = |f: BindFailure| -> Flow {
            let mut r = *f.record;
            r.activity = file_name.clone();
            let (source, extent) = match &site.position {
                Some((src, span)) => (src.clone(), f.span.unwrap_or(*span)),
                None => (SourceFile::new(None, ""), Span::new(0, 0)),
            };
            r.invocation = Some(InvocationInfo {
                command_name: Some(file_name.clone()),
                invocation_name: Some(site.name.clone()),
                source,
                extent,
                command_kind: super::CommandKind::ExternalScript(
                    path.as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                ),
            });
            Flow::statement_error(r)
        };
        // A script file's `#requires` is checked before its parameters are bound.
        if path.is_some()
            && let Some(req) = ast.source.requires.borrow().as_ref()
            && let Some(mut r) = super::requirements::unmet(self, req, &file_name)
        {
            r.target_name = file_name.clone();
            if let Some((source, span)) = &site.position {
                let (label, extent) = script_name_extent(&source.text, *span);
                r.invocation = Some(InvocationInfo {
                    command_name: None,
                    invocation_name: Some(label),
                    source: source.clone(),
                    extent,
                    command_kind: super::CommandKind::Command,
                });
            }
            return Err(Flow::statement_error(r));
        }
        self.script_param_types_defined(ast)?;
        let mut bound = binder::bind_arguments(&def, args, false).map_err(&fail)?;
        self.run_validation_scripts(&def, &bound, Span::new(0, 0))
            .map_err(&fail)?;
        let missing: Vec<String> = binder::missing_mandatory(&def, &bound)
            .iter()
            .map(|p| p.name.to_string())
            .collect();
        if !missing.is_empty() {
            let prompted = if self.can_prompt() {
                self.prompt_mandatory(&file_name, 1, &missing)?
            } else {
                None
            };
            match prompted {
                Some(values) => {
                    for (name, value) in missing.iter().zip(values) {
                        if let Some(p) = def.params.iter().find(|p| p.name == *name) {
                            binder::bind_prompted(&def, &mut bound, p, value, Span::new(0, 0))
                                .map_err(&fail)?;
                        }
                    }
                    binder::resolve_set(&def, &mut bound).map_err(&fail)?;
                }
                None => {
                    let params: Vec<&crate::vocab::ParamDef> = def
                        .params
                        .iter()
                        .filter(|p| missing.iter().any(|m| *m == *p.name))
                        .collect();
                    return Err(fail(binder::missing_mandatory_error(&def, &params)));
                }
            }
        }
        if self.call_depth >= super::session::MAX_CALL_DEPTH {
            let mut r = errors::runtime(
                "CallDepthOverflow",
                "The script failed due to call depth overflow.",
                super::ErrorCategory::InvalidOperation,
            );
            r.exception.type_name = "System.Management.Automation.ScriptCallDepthException".into();
            if let Some((source, span)) = &site.position {
                r.invocation = Some(InvocationInfo {
                    command_name: None,
                    invocation_name: None,
                    source: source.clone(),
                    extent: *span,
                    command_kind: Default::default(),
                });
            }
            return Err(Flow::statement_error(r));
        }
        let frame = self.call_frame(&def, &bound, site, true);
        if let Some(p) = &path {
            self.script_paths.push(p.clone());
        }
        self.call_depth += 1;
        if dot {
            let result = (|| {
                self.set_parameter_variables(&def, &bound)?;
                self.exec_script_body(ast, out)
            })();
            self.call_depth -= 1;
            if path.is_some() {
                self.script_paths.pop();
            }
            return self.end_of_script(result, nested);
        }
        self.scopes.push_frame(ScopeKind::Script, frame);
        let result = (|| {
            self.set_parameter_variables(&def, &bound)?;
            self.scopes.set(
                "args",
                Value::array(bound.unbound.clone()),
                Qualifier::Local,
            );
            self.scopes
                .set("input", Value::array(input), Qualifier::Local);
            self.apply_common_preferences(&bound);
            self.exec_script_body(ast, out)
        })();
        if !nested && matches!(result, Err(Flow::Error(..))) {
            self.ending_error_view = Some(self.error_view());
        }
        self.leave_scope();
        self.call_depth -= 1;
        if path.is_some() {
            self.script_paths.pop();
        }
        self.end_of_script(result, nested)
    }

    /// A script called from another one: `exit N` ends only it, setting `$LASTEXITCODE`.
    fn end_of_script(&mut self, result: Result<(), Flow>, nested: bool) -> Result<(), Flow> {
        match result.or_else(end_of_call) {
            Err(Flow::Exit(code)) if nested => {
                self.scopes.set(
                    "LASTEXITCODE",
                    Value::integer(code as i64),
                    Qualifier::Global,
                );
                Ok(())
            }
            other => other,
        }
    }
}

/// `a/./b/../c` → `a/c`: pwsh resolves provider paths without touching the file system, so
/// `$PSCommandPath` and error headers never show `.` or `..` components.
fn lexically_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The end of a function or script call: `return` ends it normally, and a terminating error
/// the command threw (`$PSCmdlet.ThrowTerminatingError`) ends only the caller's statement.
/// True when a parameter of the command takes pipeline input (by value or property name).
fn takes_pipeline_input(def: &CmdletDef) -> bool {
    def.params.iter().any(|p| {
        p.sets
            .iter()
            .any(|m| m.from_pipeline || m.from_pipeline_by_property_name)
    })
}

/// Where pwsh points an error about a script it could not start: the script's name as written
/// in the command at `span`, labelled with the invocation operator (`&`, `.`) or, without one,
/// the name itself.
fn script_name_extent(text: &str, span: Span) -> (String, Span) {
    let start = span.start as usize;
    let command = text.get(start..span.end as usize).unwrap_or("");
    let (label, skipped) = match command.chars().next() {
        Some(op @ ('&' | '.')) if command[1..].starts_with(char::is_whitespace) => {
            let rest = command[1..].trim_start();
            (Some(op.to_string()), command.len() - rest.len())
        }
        _ => (None, 0),
    };
    let name = &command[skipped..];
    let len = match name.chars().next() {
        Some(q @ ('\'' | '"')) => name[1..].find(q).map_or(name.len(), |i| i + 2),
        _ => name.find(char::is_whitespace).unwrap_or(name.len()),
    };
    let extent = Span::new(start + skipped, start + skipped + len);
    (label.unwrap_or_else(|| name[..len].to_string()), extent)
}

pub(crate) fn end_of_call(flow: Flow) -> Result<(), Flow> {
    match flow {
        Flow::Return => Ok(()),
        Flow::Error(rec, Termination::Command) => Err(Flow::Error(rec, Termination::Statement)),
        other => Err(other),
    }
}

/// `return` ends a function or script normally.
pub(crate) fn catch_return(flow: Flow) -> Result<(), Flow> {
    match flow {
        Flow::Return => Ok(()),
        other => Err(other),
    }
}

/// How a gathering command with a `StopRule` takes its first records, when its parameters
/// allow it (`None`: it gathers every record, as before).
fn take_plan(def: &CmdletDef, bound: &BoundParameters) -> Option<TakePlan> {
    let crate::vocab::StopRule::SelectFirst = def.stop_rule?;
    if def.pipeline != PipelineMode::Collect
        || ["Last", "SkipLast", "SkipIndex", "Wait"]
            .iter()
            .any(|p| bound.has(p))
    {
        return None;
    }
    let whole = bound.switch("Unique");
    let (pick, limit) = if let Some(index) = bound.get("Index") {
        if whole {
            return None;
        }
        let mut list: Vec<usize> = index
            .enumerate()
            .iter()
            .filter_map(|i| super::conversion::to_int(i, "System.Int32").ok())
            .filter_map(|i| usize::try_from(i).ok())
            .collect();
        list.sort_unstable();
        list.dedup();
        let limit = list.last()? + 1;
        (Pick::Positions(list), limit)
    } else {
        // `-First 0` never has all it needs: it reads everything (AllRequestedObjectsProcessed).
        let first = usize::try_from(bound.int("First")?)
            .ok()
            .filter(|n| *n > 0)?;
        let skip = bound
            .int("Skip")
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0);
        (Pick::Span(skip, skip + first), skip + first)
    };
    let mut per_record = bound.clone();
    for p in ["First", "Skip", "Index"] {
        per_record.remove(p);
    }
    if per_record.set.is_empty() {
        let _ = binder::resolve_set(def, &mut per_record);
    }
    Some(TakePlan {
        pick,
        limit,
        whole,
        per_record,
        seen: 0,
    })
}

impl StageRedirect {
    /// No redirection: the stage's objects can go down the pipeline as they are written.
    fn is_plain(&self) -> bool {
        !self.errors_to_output
            && !self.errors_discarded
            && self.error_file.is_none()
            && self.output_file.is_none()
            && self.file_writer.is_none()
            && !self.output_discarded
    }
}

/// The span a command element covers (what pwsh underlines for whole-command errors).
fn element_span(element: &PipelineElement) -> Span {
    match &element.kind {
        ElementKind::Command(c) => c.span,
        ElementKind::Expression(e) => e.span,
    }
}

/// Arguments of the command line (`aapsh script.ps1 -Name value x`) as pwsh's `-File` passes
/// them: `-Name` is a parameter, `-Name:value` binds the value, everything else is a string.
pub fn script_arguments(raw: &[String]) -> Vec<CommandArg> {
    raw.iter()
        .map(|a| {
            if let Some(rest) = a.strip_prefix('-')
                && rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
            {
                match rest.split_once(':') {
                    Some((name, value)) => {
                        let v = match value.to_ascii_lowercase().as_str() {
                            "$true" => Value::Bool(true),
                            "$false" => Value::Bool(false),
                            _ => Value::str(value),
                        };
                        CommandArg::Param {
                            name: name.to_string(),
                            span: Span::default(),
                            colon_value: Some((v, Span::default())),
                        }
                    }
                    None => CommandArg::Param {
                        name: rest.to_string(),
                        span: Span::default(),
                        colon_value: None,
                    },
                }
            } else {
                CommandArg::Value {
                    value: Value::str(a),
                    span: Span::default(),
                }
            }
        })
        .collect()
}

impl Value {
    /// How a value written to the pipeline is enumerated: arrays unroll one level.
    pub fn enumerate_for_output(self) -> Vec<Value> {
        match self {
            Value::Array(items) => items.borrow().items.clone(),
            other => vec![other],
        }
    }
}

/// `Name(a, b)`: a bare command name directly followed by one parenthesised comma list, the
/// shape strict mode 2+ refuses (and that a misplaced `param(...)` block has).
fn is_method_style_call(cmd: &Command) -> bool {
    use crate::syntax::ast::{InvocationOperator, StatementKind};
    if cmd.invocation != InvocationOperator::None {
        return false;
    }
    let [CommandElement::Argument(arg)] = cmd.elements.as_slice() else {
        return false;
    };
    let ExprKind::Paren(stmt) = &arg.kind else {
        return false;
    };
    let StatementKind::Pipeline(p) = &stmt.kind else {
        return false;
    };
    let [only] = p.elements.as_slice() else {
        return false;
    };
    matches!(&only.kind, ElementKind::Expression(e) if matches!(e.kind, ExprKind::ArrayLiteral(_)))
        && only.redirections.is_empty()
        && cmd.name.span.end == arg.span.start
}

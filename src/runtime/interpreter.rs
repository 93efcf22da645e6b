//! Statements: blocks, assignments, if/loops/switch, functions, try/catch/finally, throw,
//! return, exit, break and continue; and how statement-terminating errors are reported while
//! the script goes on. Top-level entry points for scripts, `-Command` text and REPL input.

use std::path::PathBuf;
use std::rc::Rc;

use super::binder::CommandArg;
use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo, InvocationInfo};
use super::errors;
use super::flow::{Flow, Termination};
use super::scope::Qualifier;
use super::session::{ActionPreference, Out, Session};
use super::value::Value;
use crate::syntax::ast::{
    AssignOp, Block, DataStatement, ElementKind, Expr, ExprKind, ScriptBlockAst, Statement,
    StatementKind, SwitchStatement, TrapStatement, TryStatement,
};
use crate::syntax::{ParseErrors, SourceFile, Span};

/// How a top-level run ended, for exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// Ran to the end; `last_success` is `$?` after the last statement.
    Completed { last_success: bool },
    /// `exit N`.
    Exit(i32),
    /// An uncaught script-terminating error (already reported).
    Terminated,
    /// The input did not parse (already reported); nothing ran.
    ParseFailed,
    /// Ctrl-C.
    Stopped,
}

/// The record pwsh shows for parse errors: category ParserError, the first error's id,
/// message and position.
pub fn parse_error_record(errors: &ParseErrors) -> Option<ErrorRecord> {
    let first = errors.errors.first()?;
    let mut r = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.ParseException",
            first.message.clone(),
        ),
        first.id,
        ErrorCategory::ParserError,
    );
    // pwsh's CategoryInfo for parse errors: `ParserError: (:) [], ParentContainsErrorRecordException`.
    r.exception = ExceptionInfo::new(
        "System.Management.Automation.ParentContainsErrorRecordException",
        first.message.clone(),
    );
    r.invocation = Some(InvocationInfo {
        command_name: None,
        invocation_name: None,
        source: errors.source.clone(),
        extent: first.span,
        command_kind: Default::default(),
    });
    r.parse_errors = errors
        .errors
        .iter()
        .map(|e| {
            (
                (e.id != "TooManyErrors").then_some(e.span),
                e.message.clone(),
            )
        })
        .collect();
    Some(r)
}

impl Session {
    /// Parses and runs text at top level: a script file's content, `-Command` text or one
    /// REPL input. Parse errors run nothing.
    pub fn run_text(
        &mut self,
        path: Option<PathBuf>,
        text: &str,
        args: Vec<CommandArg>,
    ) -> RunOutcome {
        let source = SourceFile::new(path.clone(), text);
        let ast = match crate::syntax::parse_script(source) {
            Ok(ast) => ast,
            Err(errors) => {
                self.report_parse_errors(&errors);
                return RunOutcome::ParseFailed;
            }
        };
        if let Err(errors) = self.define_types(&ast) {
            self.report_parse_errors(&errors);
            return RunOutcome::ParseFailed;
        }
        self.run_toplevel(&ast, path, args)
    }

    /// Runs a parsed top-level script. A script file gets its own script scope; `-Command`
    /// text and REPL input run in the global scope, as in pwsh.
    pub fn run_toplevel(
        &mut self,
        ast: &Rc<ScriptBlockAst>,
        path: Option<PathBuf>,
        args: Vec<CommandArg>,
    ) -> RunOutcome {
        self.clear_interrupt();
        self.ending_error_view = None;
        let mut out = Out::Default;
        let result = if path.is_some() {
            self.run_script_ast(ast, path, args, Vec::new(), &mut out)
        } else {
            self.exec_script_body(ast, &mut out)
        };
        let outcome = match result {
            Ok(()) => RunOutcome::Completed {
                last_success: self.last_success,
            },
            Err(Flow::Exit(code)) => RunOutcome::Exit(code),
            Err(Flow::Error(rec, _)) => {
                self.display_error(&rec);
                self.ending_error_view = None;
                self.last_success = false;
                RunOutcome::Terminated
            }
            Err(Flow::Stopped) => RunOutcome::Stopped,
            // break/continue outside a loop end the script quietly, as in pwsh.
            // (A stop always belongs to a pipeline that is running; none reaches here.)
            Err(Flow::Break(_))
            | Err(Flow::Continue(_))
            | Err(Flow::Return)
            | Err(Flow::StopUpstream(_)) => RunOutcome::Completed {
                last_success: self.last_success,
            },
        };
        self.flush_output();
        outcome
    }

    /// Runs a script block's named blocks (begin, process, end) in order.
    pub(crate) fn exec_script_body(
        &mut self,
        sb: &Rc<ScriptBlockAst>,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        let mut result = Ok(());
        for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
            result = self.exec_block_in_source(sb, block, out);
            if result.is_err() {
                break;
            }
        }
        self.run_clean_block(sb)?;
        result
    }

    /// `data [name] { }` (kept out of `exec_statement_inner`, which recurses).
    #[inline(never)]
    fn exec_data_section(&mut self, d: &DataStatement, out: &mut Out<'_>) -> Result<(), Flow> {
        match &d.name {
            None => self.exec_block(&d.body, out),
            Some(name) => {
                let mut items = Vec::new();
                self.exec_block(&d.body, &mut Out::Collect(&mut items))?;
                self.scopes.set(name, collapse(items), Qualifier::Local);
                Ok(())
            }
        }
    }

    /// `break (expr)` / `continue $label`: the label is the value's text (none when empty).
    #[inline(never)]
    fn flow_to_label(&mut self, is_break: bool, label: &Expr) -> Result<(), Flow> {
        let text = self.eval(label)?.to_ps_string();
        let label = (!text.is_empty()).then_some(text);
        Err(if is_break {
            Flow::Break(label)
        } else {
            Flow::Continue(label)
        })
    }

    /// A script block's `clean { }` block, run after its other blocks whatever became of them
    /// (pwsh 7.3+): what it writes to the output is discarded, and an error it raises is
    /// written to the error stream instead of ending the caller. A script block with nothing
    /// but a clean block never runs it (pwsh does not invoke such a block at all).
    pub(crate) fn run_clean_block(&mut self, sb: &ScriptBlockAst) -> Result<(), Flow> {
        let Some(clean) = &sb.clean else {
            return Ok(());
        };
        if sb.begin.is_none() && sb.process.is_none() && sb.end.is_none() {
            return Ok(());
        }
        match self.exec_block_in_source(sb, clean, &mut Out::Discard) {
            Err(Flow::Error(record, _)) => {
                self.write_error_with((*record).clone(), ActionPreference::Continue)
            }
            Err(flow @ (Flow::Exit(_) | Flow::Stopped)) => Err(flow),
            _ => Ok(()),
        }
    }

    /// Runs a script block in the current scope (ForEach-Object, Where-Object, calculated
    /// properties), collecting its output.
    pub fn run_block_here(
        &mut self,
        sb: &Rc<ScriptBlockAst>,
        out: &mut Vec<Value>,
    ) -> Result<(), Flow> {
        self.exec_script_body(sb, &mut Out::Collect(out))
            .or_else(super::pipeline::catch_return)
    }

    /// Runs a script block as `&` (a new scope) or `.` (`dot`, the current scope) would, with
    /// these arguments bound to its param block (or `$args`) and `input` as `$input`,
    /// collecting its output (Invoke-Command).
    pub fn invoke_block_collect(
        &mut self,
        sb: &Rc<ScriptBlockAst>,
        args: Vec<Value>,
        input: Vec<Value>,
        dot: bool,
        span: crate::syntax::Span,
        out: &mut Vec<Value>,
    ) -> Result<(), Flow> {
        let args = args
            .into_iter()
            .map(|value| super::binder::CommandArg::Value { value, span })
            .collect();
        self.invoke_block_with_args(sb, args, input, dot, &mut Out::Collect(out))
            .or_else(super::pipeline::catch_return)
    }

    /// Runs a block with `sb`'s source as the current source (for error positions).
    pub(crate) fn exec_block_in_source(
        &mut self,
        sb: &ScriptBlockAst,
        block: &Block,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        self.sources.push(sb.source.clone());
        let r = self.exec_block(block, out);
        self.sources.pop();
        r
    }

    pub(crate) fn exec_block(&mut self, block: &Block, out: &mut Out<'_>) -> Result<(), Flow> {
        if block
            .statements
            .iter()
            .any(|s| matches!(s.kind, StatementKind::Trap(_)))
        {
            return self.exec_block_with_traps(block, out);
        }
        self.block_depth += 1;
        let top_level = self.block_depth == 1;
        let mut result = Ok(());
        for stmt in &block.statements {
            if top_level {
                // Out-Default releases a table it is sizing when a later statement's output
                // arrives (pwsh: after 300 ms; each top-level statement counts as later).
                self.formatter.statement_boundary();
            }
            result = self.exec_statement(stmt, out);
            if top_level && self.extension.is_some() {
                let text = self.current_source().slice(stmt.span).to_string();
                self.after_top_level_statement(&text);
            }
            if result.is_err() {
                break;
            }
        }
        self.block_depth -= 1;
        result
    }

    /// A statement list with `trap` statements (about_Trap): a terminating error in any of its
    /// statements, wherever the trap is written, runs the matching trap with `$_` set to the
    /// error. `continue` in the trap goes on silently with the next statement; `break` (or an
    /// error in the trap) ends the list with the error; falling off the end of the trap body
    /// reports the error and goes on. An error no trap matches propagates as before.
    fn exec_block_with_traps(&mut self, block: &Block, out: &mut Out<'_>) -> Result<(), Flow> {
        let traps: Vec<&TrapStatement> = block
            .statements
            .iter()
            .filter_map(|s| match &s.kind {
                StatementKind::Trap(t) => Some(t),
                _ => None,
            })
            .collect();
        self.block_depth += 1;
        let top_level = self.block_depth == 1;
        let mut result = Ok(());
        for stmt in &block.statements {
            if matches!(stmt.kind, StatementKind::Trap(_)) {
                continue;
            }
            if top_level {
                self.formatter.statement_boundary();
            }
            // Errors must reach the trap instead of being reported where they happen.
            self.try_depth += 1;
            let r = self.exec_statement(stmt, out);
            self.try_depth -= 1;
            result = match r {
                Err(Flow::Error(rec, termination)) => match find_trap(&traps, &rec) {
                    Some(trap) => self.run_trap(trap, rec, out),
                    None => Err(Flow::Error(rec, termination)),
                },
                other => other,
            };
            if top_level && self.extension.is_some() {
                let text = self.current_source().slice(stmt.span).to_string();
                self.after_top_level_statement(&text);
            }
            if result.is_err() {
                break;
            }
        }
        self.block_depth -= 1;
        result
    }

    /// Runs a trap body for `rec` and decides what happens to the error.
    fn run_trap(
        &mut self,
        trap: &TrapStatement,
        rec: Rc<ErrorRecord>,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        self.last_success = false;
        // The trap body runs in a scope of its own (about_Trap: scripts write `$script:x`).
        self.scopes.push(super::scope::ScopeKind::Function);
        self.scopes
            .set("_", Value::Error(rec.clone()), Qualifier::Local);
        self.scopes
            .set("PSItem", Value::Error(rec.clone()), Qualifier::Local);
        self.catching.push(rec.clone());
        let r = self.exec_block(&trap.body, out);
        self.catching.pop();
        self.leave_scope();
        match r {
            // `continue`: the error is handled; it is still recorded in `$Error`.
            Err(Flow::Continue(None)) => {
                self.remember_error(&rec);
                Ok(())
            }
            // `break`: the error goes on to the caller, terminating.
            Err(Flow::Break(None)) => Err(Flow::Error(rec, Termination::Script)),
            Ok(()) => {
                self.display_error(&rec);
                Ok(())
            }
            other => other,
        }
    }

    /// Runs one statement. A statement-terminating error outside any `try` is reported here
    /// and the script goes on, unless `$ErrorActionPreference` is Stop.
    pub(crate) fn exec_statement(
        &mut self,
        stmt: &Statement,
        out: &mut Out<'_>,
    ) -> Result<(), Flow> {
        if self.is_interrupted() {
            return Err(Flow::Stopped);
        }
        let saved_point = self.sequence_point;
        if matches!(
            stmt.kind,
            StatementKind::Pipeline(_)
                | StatementKind::Assignment(_)
                | StatementKind::Throw(_)
                | StatementKind::Exit(_)
        ) {
            self.sequence_point = Some(stmt.span);
        }
        let result = self.exec_statement_inner(stmt, out);
        self.sequence_point = saved_point;
        if let Err(Flow::Error(rec, _)) = &result {
            self.stamp_script_stack(rec, stmt.span);
        }
        match result {
            Err(Flow::Error(rec, Termination::Statement)) => {
                self.last_success = false;
                if self.try_depth > 0 {
                    return Err(Flow::Error(rec, Termination::Statement));
                }
                match self.error_action_preference() {
                    ActionPreference::Stop => Err(Flow::Error(rec, Termination::Script)),
                    ActionPreference::SilentlyContinue => {
                        self.remember_error(&rec);
                        Ok(())
                    }
                    ActionPreference::Ignore => Ok(()),
                    _ => {
                        self.display_error(&rec);
                        Ok(())
                    }
                }
            }
            other => other,
        }
    }

    fn exec_statement_inner(&mut self, stmt: &Statement, out: &mut Out<'_>) -> Result<(), Flow> {
        match &stmt.kind {
            StatementKind::Pipeline(p) => self.run_pipeline(p, out),
            // `a && b` runs b when `$?` is true after a; `a || b` when it is false.
            StatementKind::PipelineChain(c) => {
                self.exec_statement_inner(&c.left, out)?;
                if self.last_success == c.and {
                    self.exec_statement_inner(&c.right, out)?;
                }
                Ok(())
            }
            // A data section's body passed the restricted-language check when parsed; it runs
            // like a block. With a name, its output becomes `$name` instead of being written.
            StatementKind::Data(d) => self.exec_data_section(d, out),
            StatementKind::Assignment(a) => {
                if self.coalesce_keeps(a)? {
                    self.last_success = true;
                    return Ok(());
                }
                let value = self.statement_value(&a.value)?;
                self.assign(&a.target, a.op, value, a.op_span)?;
                self.last_success = !self.wrote_error;
                Ok(())
            }
            StatementKind::If(s) => {
                for clause in &s.clauses {
                    if self.condition(&clause.condition)? {
                        return self.exec_block(&clause.body, out);
                    }
                }
                match &s.else_body {
                    Some(b) => self.exec_block(b, out),
                    None => Ok(()),
                }
            }
            StatementKind::While(w) => loop {
                if !self.condition(&w.condition)? {
                    return Ok(());
                }
                match self.loop_body(&w.body, w.label.as_deref(), out)? {
                    LoopControl::Break => return Ok(()),
                    LoopControl::Next => {}
                }
            },
            StatementKind::DoLoop(d) => loop {
                match self.loop_body(&d.body, d.label.as_deref(), out)? {
                    LoopControl::Break => return Ok(()),
                    LoopControl::Next => {}
                }
                let c = self.condition(&d.condition)?;
                if c == d.until {
                    return Ok(());
                }
            },
            StatementKind::For(f) => {
                if let Some(init) = &f.init {
                    self.exec_statement(init, &mut Out::Discard)?;
                }
                loop {
                    if let Some(c) = &f.condition
                        && !self.condition(c)?
                    {
                        return Ok(());
                    }
                    match self.loop_body(&f.body, f.label.as_deref(), out)? {
                        LoopControl::Break => return Ok(()),
                        LoopControl::Next => {}
                    }
                    if let Some(step) = &f.iterator {
                        self.exec_statement(step, &mut Out::Discard)?;
                    }
                }
            }
            StatementKind::Foreach(f) => {
                // `foreach ($i in 1..N)` counts without building the array, as pwsh does
                // (Compiler.GetRangeEnumerator): no element-count limit.
                if let Some(range) = self.foreach_range(&f.iterable)? {
                    for item in range {
                        self.write_variable(&f.variable, item, f.variable_span)?;
                        match self.loop_body(&f.body, f.label.as_deref(), out)? {
                            LoopControl::Break => break,
                            LoopControl::Next => {}
                        }
                    }
                    return Ok(());
                }
                let (collection, watched) = self.foreach_collection(&f.iterable)?;
                for item in collection.enumerate() {
                    self.write_variable(&f.variable, item, f.variable_span)?;
                    match self.loop_body(&f.body, f.label.as_deref(), out)? {
                        LoopControl::Break => break,
                        LoopControl::Next => {}
                    }
                    // The next MoveNext of a hashtable's Keys or Values after a change throws.
                    if let Some((table, version)) = &watched
                        && table.borrow().version() != *version
                    {
                        let rec = super::error_record::ErrorRecord::new(
                            super::error_record::ExceptionInfo::new(
                                "System.InvalidOperationException",
                                "Collection was modified; enumeration operation may not execute.",
                            ),
                            "System.InvalidOperationException",
                            ErrorCategory::OperationStopped,
                        );
                        return Err(self.runtime_error_at_record(rec, f.variable_span));
                    }
                }
                Ok(())
            }
            StatementKind::Switch(s) => self.exec_switch(s, out),
            StatementKind::Function(f) => {
                let def = super::functions::function_definition(f.clone());
                let key = def.name.to_ascii_lowercase();
                let (previous, alias) = self.commands.define_function(def);
                self.scopes.note_function(super::scope::FunctionUndo {
                    key,
                    previous,
                    alias,
                });
                Ok(())
            }
            StatementKind::Try(t) => self.exec_try(t, out),
            // Defined before the script ran (`Session::define_types`).
            StatementKind::TypeDefinition(_) => Ok(()),
            // Traps act when the statement list they are in runs (exec_block_with_traps).
            StatementKind::Trap(_) => Ok(()),
            StatementKind::Throw(value) => {
                let v = match value {
                    Some(s) => self.statement_value(s)?,
                    // A bare `throw` in a catch block rethrows the error being handled.
                    None => match self.catching.last() {
                        Some(rec) => {
                            return Err(Flow::Error(rec.clone(), Termination::Script));
                        }
                        None => Value::Null,
                    },
                };
                let mut rec = errors::thrown(&v);
                if rec.invocation.is_none() {
                    rec.invocation = Some(InvocationInfo {
                        command_name: None,
                        invocation_name: None,
                        source: self.current_source(),
                        extent: stmt.span,
                        command_kind: Default::default(),
                    });
                }
                Err(Flow::Error(Rc::new(rec), Termination::Script))
            }
            StatementKind::Return(value) => {
                if self.method_return_here() {
                    // A class method: the value is returned, not written to the output.
                    if let Some(s) = value {
                        let v = self.statement_value(s)?;
                        self.set_method_return(v, s.span);
                    }
                    return Err(Flow::Return);
                }
                if let Some(s) = value {
                    self.exec_statement(s, out)?;
                }
                Err(Flow::Return)
            }
            StatementKind::Exit(value) => {
                let code = match value {
                    Some(s) => {
                        let v = self.statement_value(s)?;
                        super::conversion::to_int(&v, "System.Int32").unwrap_or(0) as i32
                    }
                    None => 0,
                };
                Err(Flow::Exit(code))
            }
            StatementKind::Break(label) => Err(Flow::Break(label.clone())),
            StatementKind::FlowToLabel { is_break, label } => self.flow_to_label(*is_break, label),
            StatementKind::Continue(label) => Err(Flow::Continue(label.clone())),
        }
    }

    /// Runs a statement and gives its value the way an assignment sees it: a plain expression
    /// keeps its value as is; a pipeline's output is `$null`, one object, or an array.
    pub(crate) fn statement_value(&mut self, stmt: &Statement) -> Result<Value, Flow> {
        if let StatementKind::Pipeline(p) = &stmt.kind
            && let [only] = p.elements.as_slice()
            && only.redirections.is_empty()
            && let ElementKind::Expression(expr) = &only.kind
        {
            let v = self.eval(expr)?;
            self.last_success = true;
            return Ok(v);
        }
        if let StatementKind::Assignment(a) = &stmt.kind {
            if self.coalesce_keeps(a)? {
                return self.eval(&a.target);
            }
            let value = self.statement_value(&a.value)?;
            self.assign(&a.target, a.op, value, a.op_span)?;
            return self.eval(&a.target);
        }
        let mut items = Vec::new();
        // A statement-terminating error inside an expression context propagates to the
        // enclosing statement, which reports it.
        self.exec_statement_inner(stmt, &mut Out::Collect(&mut items))?;
        Ok(collapse(items))
    }

    fn condition(&mut self, stmt: &Statement) -> Result<bool, Flow> {
        Ok(self.point_value(stmt)?.is_truthy())
    }

    /// The value of a condition, a `foreach` collection or a `switch` subject, which pwsh
    /// treats as a statement of its own for error positions.
    /// The collection of a `foreach` when it is a bare range (`GetPureExpression` is `a..b`).
    fn foreach_range(
        &mut self,
        stmt: &Statement,
    ) -> Result<Option<super::pipeline::RangeIter>, Flow> {
        let StatementKind::Pipeline(p) = &stmt.kind else {
            return Ok(None);
        };
        let [only] = p.elements.as_slice() else {
            return Ok(None);
        };
        let ElementKind::Expression(expr) = &only.kind else {
            return Ok(None);
        };
        if !only.redirections.is_empty() {
            return Ok(None);
        }
        let saved = self.sequence_point;
        self.sequence_point = Some(stmt.span);
        let r = self.lazy_range(expr);
        self.sequence_point = saved;
        r
    }

    /// What `foreach` walks: the iterable's value and, for a hashtable's `.Keys` or `.Values`
    /// (a live view in .NET), the table and its version, so that a change in the body ends
    /// the loop with .NET's error.
    #[allow(clippy::type_complexity)]
    fn foreach_collection(
        &mut self,
        stmt: &Statement,
    ) -> Result<
        (
            Value,
            Option<(Rc<std::cell::RefCell<super::value::Hashtable>>, u64)>,
        ),
        Flow,
    > {
        if let StatementKind::Pipeline(p) = &stmt.kind
            && let [only] = p.elements.as_slice()
            && only.redirections.is_empty()
            && let ElementKind::Expression(expr) = &only.kind
            && let crate::syntax::ast::ExprKind::Member {
                target,
                member,
                is_static: false,
                null_conditional: false,
            } = &expr.kind
            && let crate::syntax::ast::ExprKind::StringLiteral { value: name, .. } = &member.kind
            && (name.eq_ignore_ascii_case("keys") || name.eq_ignore_ascii_case("values"))
        {
            let saved = self.sequence_point;
            self.sequence_point = Some(stmt.span);
            let result = self.eval(target).and_then(|t| {
                let v = super::dotnet::get_member(self, &t, name, false, expr.span)?;
                Ok((v, t))
            });
            self.sequence_point = saved;
            let (value, table) = result?;
            self.last_success = true;
            let watched = match &table {
                Value::Hashtable(h) if h.borrow().generic.is_none() => {
                    let version = h.borrow().version();
                    Some((h.clone(), version))
                }
                _ => None,
            };
            return Ok((value, watched));
        }
        Ok((self.point_value(stmt)?, None))
    }

    fn point_value(&mut self, stmt: &Statement) -> Result<Value, Flow> {
        let saved = self.sequence_point;
        self.sequence_point = Some(stmt.span);
        let r = self.statement_value(stmt);
        self.sequence_point = saved;
        r
    }

    fn loop_body(
        &mut self,
        body: &Block,
        label: Option<&str>,
        out: &mut Out<'_>,
    ) -> Result<LoopControl, Flow> {
        // An empty body runs no statement, so the loop itself must notice Ctrl-C.
        if self.is_interrupted() {
            return Err(Flow::Stopped);
        }
        match self.exec_block(body, out) {
            Ok(()) => Ok(LoopControl::Next),
            Err(Flow::Break(l)) if label_matches(&l, label) => Ok(LoopControl::Break),
            Err(Flow::Continue(l)) if label_matches(&l, label) => Ok(LoopControl::Next),
            Err(other) => Err(other),
        }
    }

    fn exec_switch(&mut self, s: &SwitchStatement, out: &mut Out<'_>) -> Result<(), Flow> {
        let value = self.point_value(&s.value)?;
        let items = if s.flags.file {
            self.switch_file_lines(&value, s.value.span)?
        } else {
            match &value {
                Value::Array(_) => value.enumerate(),
                other => vec![other.clone()],
            }
        };
        'items: for item in items {
            let mut matched = false;
            for clause in &s.clauses {
                if self.switch_clause_matches(s, &clause.condition, &item)? {
                    matched = true;
                    self.scopes.set("_", item.clone(), Qualifier::Local);
                    match self.exec_block(&clause.body, out) {
                        Ok(()) => {}
                        Err(Flow::Break(l)) if label_matches(&l, s.label.as_deref()) => {
                            return Ok(());
                        }
                        Err(Flow::Continue(l)) if label_matches(&l, s.label.as_deref()) => {
                            continue 'items;
                        }
                        Err(other) => return Err(other),
                    }
                }
            }
            if !matched && let Some(d) = &s.default {
                self.scopes.set("_", item.clone(), Qualifier::Local);
                match self.exec_block(d, out) {
                    Ok(()) => {}
                    Err(Flow::Break(l)) if label_matches(&l, s.label.as_deref()) => return Ok(()),
                    Err(Flow::Continue(l)) if label_matches(&l, s.label.as_deref()) => {
                        continue 'items;
                    }
                    Err(other) => return Err(other),
                }
            }
        }
        Ok(())
    }

    /// `switch -file path`: the lines of the file (resolved from the current location), or
    /// pwsh's ItemNotFoundException pointing at the path.
    fn switch_file_lines(&mut self, value: &Value, span: Span) -> Result<Vec<Value>, Flow> {
        let text = value.to_ps_string();
        let path = self.resolve_path(&text);
        let shown = super::files::shown(&path);
        let content = if path.is_file() {
            super::files::read_text(&path).ok()
        } else {
            None
        };
        let Some(content) = content else {
            let mut rec = ErrorRecord::new(
                ExceptionInfo::new(
                    "System.Management.Automation.ItemNotFoundException",
                    format!("Cannot find path '{shown}' because it does not exist."),
                ),
                "PathNotFound",
                ErrorCategory::ObjectNotFound,
            );
            rec.target_name = shown.clone();
            rec.target_object = Some(Value::str(shown));
            rec.invocation = Some(InvocationInfo {
                command_name: None,
                invocation_name: None,
                source: self.current_source(),
                extent: span,
                command_kind: Default::default(),
            });
            return Err(Flow::statement_error(rec));
        };
        Ok(content.lines().map(Value::str).collect())
    }

    fn switch_clause_matches(
        &mut self,
        s: &SwitchStatement,
        cond: &Expr,
        item: &Value,
    ) -> Result<bool, Flow> {
        if let ExprKind::ScriptBlock(sb) = &cond.kind {
            self.scopes.set("_", item.clone(), Qualifier::Local);
            let mut items = Vec::new();
            self.exec_script_body(sb, &mut Out::Collect(&mut items))?;
            return Ok(collapse(items).is_truthy());
        }
        let pattern = self.eval(cond)?;
        let case = s.flags.case_sensitive;
        if s.flags.regex {
            return super::operators::regex_match(self, item, &pattern, case, cond.span);
        }
        if s.flags.wildcard {
            return Ok(super::operators::wildcard_match(
                &pattern.to_ps_string(),
                &item.to_ps_string(),
                case,
            ));
        }
        Ok(super::operators::values_equal(item, &pattern, case))
    }

    fn exec_try(&mut self, t: &TryStatement, out: &mut Out<'_>) -> Result<(), Flow> {
        self.try_depth += 1;
        let body = self.exec_block(&t.body, out);
        self.try_depth -= 1;
        let after_catch = match body {
            Err(Flow::Error(rec, _)) => match self.find_catch(t, &rec) {
                Some(i) => {
                    // A caught error is still recorded in `$Error`.
                    self.remember_error(&rec);
                    let previous = self
                        .scopes
                        .get("_", Qualifier::Local)
                        .map(|v| v.value.clone());
                    let previous_item = self
                        .scopes
                        .get("PSItem", Qualifier::Local)
                        .map(|v| v.value.clone());
                    self.scopes
                        .set("_", Value::Error(rec.clone()), Qualifier::Local);
                    self.scopes
                        .set("PSItem", Value::Error(rec.clone()), Qualifier::Local);
                    // `$?` is false in the catch block (and after it, when it runs nothing).
                    self.last_success = false;
                    self.catching.push(rec.clone());
                    let r = self.exec_block(&t.catches[i].body, out);
                    self.catching.pop();
                    match previous {
                        Some(p) => self.scopes.set("_", p, Qualifier::Local),
                        None => {
                            self.scopes.remove("_", Qualifier::Local);
                        }
                    }
                    match previous_item {
                        Some(p) => self.scopes.set("PSItem", p, Qualifier::Local),
                        None => {
                            self.scopes.remove("PSItem", Qualifier::Local);
                        }
                    }
                    r
                }
                None => Err(Flow::Error(rec, Termination::Script)),
            },
            other => other,
        };
        if let Some(f) = &t.finally {
            // finally runs whatever happened; its own failure wins.
            let was_interrupted = self.is_interrupted();
            self.clear_interrupt();
            self.exec_block(f, out)?;
            if was_interrupted {
                self.interrupt
                    .store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        after_catch
    }

    /// The catch clause that takes the error. As pwsh does (FindMatchingHandler), a typed
    /// clause for the inner exception wins (a division by zero is a RuntimeException around a
    /// DivideByZeroException); otherwise the first clause for the exception itself.
    fn find_catch(&self, t: &TryStatement, rec: &ErrorRecord) -> Option<usize> {
        let typed_match = |type_name: &str| {
            t.catches.iter().position(|c| {
                c.types
                    .iter()
                    .any(|ty| exception_matches(&ty.name, type_name))
            })
        };
        if let Some(inner) = &rec.exception.inner
            && let Some(i) = typed_match(&inner.type_name)
        {
            return Some(i);
        }
        t.catches.iter().position(|c| {
            c.types.is_empty()
                || c.types
                    .iter()
                    .any(|ty| exception_matches(&ty.name, &rec.exception.type_name))
        })
    }

    /// Builds an error record for a runtime failure (statement-terminating). pwsh points at the
    /// statement running (its sequence point); `span` is used only outside any statement.
    pub(crate) fn runtime_error(
        &self,
        id: &str,
        message: impl Into<String>,
        category: ErrorCategory,
        span: Span,
    ) -> Flow {
        self.runtime_record_error(errors::runtime(id, message, category), span)
    }

    /// Positions a runtime record at the current statement and makes it statement-terminating.
    pub(crate) fn runtime_record_error(&self, mut rec: ErrorRecord, span: Span) -> Flow {
        rec.invocation = Some(InvocationInfo {
            command_name: None,
            invocation_name: None,
            source: self.current_source(),
            extent: self.sequence_point.unwrap_or(span),
            command_kind: Default::default(),
        });
        Flow::statement_error(rec)
    }

    /// A runtime error that points at `span` itself (an undefined variable under strict mode).
    pub(crate) fn runtime_error_at(
        &self,
        id: &str,
        message: impl Into<String>,
        category: ErrorCategory,
        span: Span,
    ) -> Flow {
        self.runtime_error_at_record(errors::runtime(id, message, category), span)
    }

    /// A record that points at `span` itself, statement-terminating.
    pub(crate) fn runtime_error_at_record(&self, mut rec: ErrorRecord, span: Span) -> Flow {
        rec.invocation = Some(InvocationInfo {
            command_name: None,
            invocation_name: None,
            source: self.current_source(),
            extent: span,
            command_kind: Default::default(),
        });
        Flow::statement_error(rec)
    }

    /// Compound and plain assignment to a variable, property or index.
    /// `$x ??= v` with `$x` already set: nothing is assigned and `v` is not evaluated.
    fn coalesce_keeps(&mut self, a: &crate::syntax::ast::Assignment) -> Result<bool, Flow> {
        if a.op != AssignOp::Coalesce {
            return Ok(false);
        }
        Ok(!self.eval(&a.target)?.is_null())
    }

    fn assign(
        &mut self,
        target: &Expr,
        op: AssignOp,
        value: Value,
        op_span: Span,
    ) -> Result<(), Flow> {
        let value = if matches!(op, AssignOp::Assign | AssignOp::Coalesce) {
            value
        } else {
            let current = self.eval(target)?;
            let bin = match op {
                AssignOp::Add => crate::syntax::ast::BinaryOp::Add,
                AssignOp::Subtract => crate::syntax::ast::BinaryOp::Subtract,
                AssignOp::Multiply => crate::syntax::ast::BinaryOp::Multiply,
                AssignOp::Divide => crate::syntax::ast::BinaryOp::Divide,
                AssignOp::Remainder => crate::syntax::ast::BinaryOp::Remainder,
                AssignOp::Assign | AssignOp::Coalesce => unreachable_assign(),
            };
            super::operators::binary(self, bin, current, value, op_span)?
        };
        self.assign_value(target, value)
    }
}

fn unreachable_assign() -> crate::syntax::ast::BinaryOp {
    crate::syntax::ast::BinaryOp::Add
}

enum LoopControl {
    Break,
    Next,
}

fn label_matches(flow_label: &Option<String>, loop_label: Option<&str>) -> bool {
    match flow_label {
        None => true,
        Some(l) => loop_label.is_some_and(|ll| ll.eq_ignore_ascii_case(l)),
    }
}

/// `catch [T]` matches the exception's own type or one of its base types. The type is written
/// as pwsh resolves it: full name, or without `System.` (`[Exception]`, `[IO.IOException]`).
fn exception_matches(catch_type: &str, actual: &str) -> bool {
    let wanted = normalize_type(catch_type);
    let mut current = Some(actual.to_string());
    while let Some(t) = current {
        if normalize_type(&t) == wanted {
            return true;
        }
        current = exception_base(&t).map(str::to_string);
    }
    false
}

fn normalize_type(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    if lower.starts_with("system.") {
        lower
    } else {
        format!("system.{lower}")
    }
}

/// The base class of the exception types aapsh raises (System.Exception is the root).
pub(crate) fn exception_base(type_name: &str) -> Option<&'static str> {
    const SMA: &str = "System.Management.Automation.";
    let short = type_name.strip_prefix(SMA);
    Some(match (type_name, short) {
        ("System.Exception", _) => return None,
        (_, Some("RuntimeException")) => "System.SystemException",
        (_, Some("MethodInvocationException")) => "System.Management.Automation.MethodException",
        (_, Some("PropertyNotFoundException")) => {
            "System.Management.Automation.ExtendedTypeSystemException"
        }
        (_, Some("ItemNotFoundException")) => "System.Management.Automation.SessionStateException",
        (_, Some("PSInvalidOperationException")) => "System.InvalidOperationException",
        (_, Some("PSArgumentException")) => "System.ArgumentException",
        (_, Some(_)) => "System.Management.Automation.RuntimeException",
        ("System.ArgumentNullException" | "System.ArgumentOutOfRangeException", _) => {
            "System.ArgumentException"
        }
        ("System.DivideByZeroException" | "System.OverflowException", _) => {
            "System.ArithmeticException"
        }
        ("System.IO.FileNotFoundException" | "System.IO.DirectoryNotFoundException", _) => {
            "System.IO.IOException"
        }
        ("System.UnauthorizedAccessException", _) => "System.SystemException",
        ("Microsoft.PowerShell.Commands.WriteErrorException", _) => "System.SystemException",
        ("System.SystemException" | "System.ApplicationException", _) => "System.Exception",
        (t, _) if t.starts_with("System.") => "System.SystemException",
        _ => "System.Exception",
    })
}

/// Pipeline output as a value: nothing is `$null`, one object is itself, more is an array.
pub fn collapse(mut items: Vec<Value>) -> Value {
    match items.len() {
        0 => Value::Null,
        1 => items.pop().unwrap_or(Value::Null),
        _ => Value::array(items),
    }
}

/// The trap that takes an error: a typed trap for the exception (or its inner exception)
/// before a trap for every error, as with catch clauses.
fn find_trap<'a>(traps: &[&'a TrapStatement], rec: &ErrorRecord) -> Option<&'a TrapStatement> {
    let typed = |type_name: &str| {
        traps.iter().copied().find(|t| {
            t.type_name
                .as_ref()
                .is_some_and(|ty| exception_matches(&ty.name, type_name))
        })
    };
    if let Some(inner) = &rec.exception.inner
        && let Some(t) = typed(&inner.type_name)
    {
        return Some(t);
    }
    typed(&rec.exception.type_name)
        .or_else(|| traps.iter().copied().find(|t| t.type_name.is_none()))
}

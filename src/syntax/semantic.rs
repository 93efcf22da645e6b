//! The checks pwsh runs on a parsed script before anything executes (SemanticChecks.cs): a
//! script that fails one runs nothing, like a script with a parse error. Run only when the
//! parse found no error, as pwsh does. Owns: assignment targets (`1 = 2`, `$a + 1 = 2`,
//! `(1,2) = 3`, `[ref][int]$a = 1`), `++`/`--` operands, control flow leaving a `finally`
//! block, and the order of `catch` clauses. Must not evaluate anything.

use super::ast::*;
use super::messages::{self as msg, Diag};
use super::span::Span;

/// Every semantic error of `sb`, in the order pwsh's visitor finds them.
pub(crate) fn check(sb: &ScriptBlockAst) -> Vec<Diag> {
    let mut c = Checker {
        diags: Vec::new(),
        frames: Vec::new(),
        text: sb.source.text.clone(),
    };
    c.script_block(sb);
    c.diags
}

/// What encloses the statement being checked, innermost last, up to the nearest named block,
/// script block or trap (flow cannot be traced past those).
#[derive(Clone)]
enum Frame {
    /// A loop or switch with its label (empty when it has none).
    Loop(String),
    Finally,
}

struct Checker {
    diags: Vec<Diag>,
    frames: Vec<Frame>,
    text: String,
}

impl Checker {
    fn report(&mut self, span: Span, template: msg::Template, args: &[&str]) {
        self.diags.push(Diag::error(span, template, args));
    }

    /// Runs `f` in a fresh flow context (a script block, function body or trap).
    fn boundary(&mut self, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::take(&mut self.frames);
        f(self);
        self.frames = saved;
    }

    fn within(&mut self, frame: Frame, f: impl FnOnce(&mut Self)) {
        self.frames.push(frame);
        f(self);
        self.frames.pop();
    }

    fn script_block(&mut self, sb: &ScriptBlockAst) {
        self.boundary(|c| {
            for a in &sb.attributes {
                c.attribute(a);
            }
            if let Some(p) = &sb.param_block {
                c.params(&p.params);
            }
            for block in [&sb.begin, &sb.process, &sb.end].into_iter().flatten() {
                c.boundary(|c| c.block(block));
            }
        });
    }

    fn params(&mut self, params: &[ParamDecl]) {
        for p in params {
            for a in &p.attributes {
                self.attribute(a);
            }
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
    }

    fn attribute(&mut self, a: &Attribute) {
        for e in &a.positional {
            self.expr(e);
        }
        for e in a.named.iter().filter_map(|(_, e)| e.as_ref()) {
            self.expr(e);
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.statements {
            self.statement(s);
        }
    }

    fn loop_label(label: &Option<String>) -> Frame {
        Frame::Loop(label.clone().unwrap_or_default())
    }

    fn statement(&mut self, s: &Statement) {
        match &s.kind {
            StatementKind::Pipeline(p) => self.pipeline(p),
            StatementKind::Assignment(a) => {
                self.expr(&a.target);
                self.assignment_target(&a.target, a.op == AssignOp::Assign, &|c, at| {
                    c.report(at, msg::INVALID_LEFT_HAND_SIDE, &[])
                });
                self.statement(&a.value);
            }
            StatementKind::If(i) => {
                for clause in &i.clauses {
                    self.statement(&clause.condition);
                    self.block(&clause.body);
                }
                if let Some(b) = &i.else_body {
                    self.block(b);
                }
            }
            StatementKind::Foreach(f) => {
                self.statement(&f.iterable);
                self.within(Self::loop_label(&f.label), |c| c.block(&f.body));
            }
            StatementKind::For(f) => {
                for part in [&f.init, &f.condition, &f.iterator].into_iter().flatten() {
                    self.within(Self::loop_label(&f.label), |c| c.statement(part));
                }
                self.within(Self::loop_label(&f.label), |c| c.block(&f.body));
            }
            StatementKind::While(w) => {
                self.within(Self::loop_label(&w.label), |c| {
                    c.statement(&w.condition);
                    c.block(&w.body);
                });
            }
            StatementKind::DoLoop(d) => {
                self.within(Self::loop_label(&d.label), |c| {
                    c.block(&d.body);
                    c.statement(&d.condition);
                });
            }
            StatementKind::Switch(sw) => {
                self.statement(&sw.value);
                self.within(Self::loop_label(&sw.label), |c| {
                    for clause in &sw.clauses {
                        c.expr(&clause.condition);
                        c.block(&clause.body);
                    }
                    if let Some(b) = &sw.default {
                        c.block(b);
                    }
                });
            }
            StatementKind::Function(f) => {
                self.boundary(|c| {
                    c.params(&f.parameters);
                    c.script_block(&f.body);
                });
            }
            StatementKind::Try(t) => {
                self.block(&t.body);
                self.catch_order(&t.catches);
                for catch in &t.catches {
                    self.block(&catch.body);
                }
                if let Some(f) = &t.finally {
                    self.within(Frame::Finally, |c| c.block(f));
                }
            }
            StatementKind::Trap(t) => self.boundary(|c| c.block(&t.body)),
            StatementKind::Throw(p) | StatementKind::Exit(p) => {
                if let Some(p) = p {
                    self.statement(p);
                }
            }
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    self.statement(p);
                }
                self.flow_out_of_finally(s.span, None);
            }
            StatementKind::Break(label) | StatementKind::Continue(label) => {
                self.flow_out_of_finally(s.span, Some(label.as_deref().unwrap_or("")));
            }
            StatementKind::PipelineChain(c) => {
                self.statement(&c.left);
                self.statement(&c.right);
            }
        }
    }

    /// `return` (label None), or `break`/`continue` with a label known when parsing (empty
    /// for none), must not leave a `finally` block (ControlLeavingFinally).
    fn flow_out_of_finally(&mut self, at: Span, label: Option<&str>) {
        for frame in self.frames.iter().rev() {
            match frame {
                Frame::Loop(loop_label) => {
                    if let Some(l) = label
                        && (l.is_empty() || l.eq_ignore_ascii_case(loop_label))
                    {
                        return;
                    }
                }
                Frame::Finally => {
                    self.report(at, msg::CONTROL_LEAVING_FINALLY, &[]);
                    return;
                }
            }
        }
    }

    /// A catch-all must come last (EmptyCatchNotLast); a type already caught by an earlier
    /// clause, or a subclass of it, is reported (ExceptionTypeAlreadyCaught).
    fn catch_order(&mut self, catches: &[CatchClause]) {
        for (i, first) in catches.iter().enumerate() {
            for second in &catches[i + 1..] {
                if first.types.is_empty() {
                    self.report(before(second.span), msg::EMPTY_CATCH_NOT_LAST, &[]);
                    break;
                }
                if second.types.is_empty() {
                    continue;
                }
                for t1 in first.types.iter().filter_map(|t| exception_type(&t.name)) {
                    for t2 in &second.types {
                        let Some(full) = exception_type(&t2.name) else {
                            continue;
                        };
                        if is_same_or_subclass(full, t1) {
                            let at = bracketed(&self.text, t2.span);
                            self.report(at, msg::EXCEPTION_TYPE_ALREADY_CAUGHT, &[full]);
                        }
                    }
                }
            }
        }
    }

    fn pipeline(&mut self, p: &Pipeline) {
        for e in &p.elements {
            match &e.kind {
                ElementKind::Expression(x) => self.expr(x),
                ElementKind::Command(c) => {
                    self.expr(&c.name);
                    for el in &c.elements {
                        match el {
                            CommandElement::Parameter(p) => {
                                if let Some(a) = &p.argument {
                                    self.expr(a);
                                }
                            }
                            CommandElement::Argument(a) => self.expr(a),
                        }
                    }
                }
            }
            for r in &e.redirections {
                if let RedirectTarget::File { path, .. } = &r.target {
                    self.expr(path);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Number(_)
            | ExprKind::StringLiteral { .. }
            | ExprKind::Variable(_)
            | ExprKind::Splat(_)
            | ExprKind::TypeLiteral(_) => {}
            ExprKind::ExpandableString { parts, .. } => {
                for p in parts {
                    if let StringPart::Expr(x) = p {
                        self.expr(x);
                    }
                }
            }
            ExprKind::ArrayLiteral(items) => {
                for x in items {
                    self.expr(x);
                }
            }
            ExprKind::ArraySubexpression(b) | ExprKind::Subexpression(b) => self.block(b),
            ExprKind::Paren(s) => self.statement(s),
            ExprKind::Hashtable(entries) => {
                for h in entries {
                    self.expr(&h.key);
                    self.statement(&h.value);
                }
            }
            ExprKind::ScriptBlock(sb) => self.script_block(sb),
            ExprKind::Binary { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Unary {
                op,
                op_span: _,
                operand,
            } => {
                self.expr(operand);
                let text = match op {
                    UnaryOp::PreIncrement | UnaryOp::PostIncrement => "++",
                    UnaryOp::PreDecrement | UnaryOp::PostDecrement => "--",
                    _ => return,
                };
                self.assignment_target(operand, false, &|c, at| {
                    c.report(at, msg::OPERATOR_REQUIRES_VARIABLE_OR_PROPERTY, &[text])
                });
            }
            ExprKind::Convert { operand, .. } => self.expr(operand),
            ExprKind::Member { target, member, .. } => {
                self.expr(target);
                self.expr(member);
            }
            ExprKind::InvokeMember {
                target,
                member,
                args,
                ..
            } => {
                self.expr(target);
                self.expr(member);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::Index { target, index, .. } => {
                self.expr(target);
                self.expr(index);
            }
            ExprKind::Coalesce { left, right } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Ternary {
                condition,
                if_true,
                if_false,
            } => {
                self.expr(condition);
                self.expr(if_true);
                self.expr(if_false);
            }
        }
    }

    /// PowerShell's `CheckAssignmentTarget`: variables, properties, indexes, method calls
    /// (parameterized properties), `$a, $b` (with `=` only), `( x )` of one of them, and casts
    /// of one of them; `[ref]` must be the only cast. `simple` is true for `=`.
    fn assignment_target(&mut self, e: &Expr, simple: bool, report: &dyn Fn(&mut Self, Span)) {
        match &e.kind {
            ExprKind::ArrayLiteral(items) => {
                if simple {
                    for x in items {
                        self.assignment_target(x, true, report);
                    }
                } else {
                    report(self, e.span);
                }
            }
            ExprKind::Paren(s) => match pure_expression(s) {
                Some(inner) => self.assignment_target(inner, simple, report),
                None => report(self, paren_pipeline_span(s)),
            },
            ExprKind::Variable(_) => {}
            // What error recovery put in place of a missing expression: already reported.
            ExprKind::StringLiteral { value, quote }
                if value.is_empty() && *quote == QuoteKind::Bare => {}
            ExprKind::Member {
                null_conditional, ..
            }
            | ExprKind::InvokeMember {
                null_conditional, ..
            }
            | ExprKind::Index {
                null_conditional, ..
            } => {
                if *null_conditional {
                    report(self, e.span);
                }
            }
            ExprKind::Convert { .. } => {
                let mut inner = e;
                let mut converts = 0;
                let mut reference = None;
                while let ExprKind::Convert { type_name, operand } = &inner.kind {
                    converts += 1;
                    if type_name.name.eq_ignore_ascii_case("ref") {
                        reference = Some(bracketed(&self.text, type_name.span));
                    }
                    inner = operand;
                }
                match reference {
                    Some(at) if converts > 1 => {
                        self.report(at, msg::REFERENCE_NEEDS_TO_BE_BY_ITSELF, &[]);
                    }
                    _ => self.assignment_target(inner, simple, report),
                }
            }
            _ => report(self, e.span),
        }
    }
}

/// The one expression a `( ... )` holds, when it holds just that (`GetPureExpression`).
fn pure_expression(s: &Statement) -> Option<&Expr> {
    match &s.kind {
        StatementKind::Pipeline(p) => match p.elements.as_slice() {
            [only] if only.redirections.is_empty() => match &only.kind {
                ElementKind::Expression(e) => Some(e),
                ElementKind::Command(_) => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn paren_pipeline_span(s: &Statement) -> Span {
    s.span
}

/// A type literal's extent with its brackets (`[System.Exception]`), when they are right
/// around the name as written.
fn bracketed(text: &str, t: Span) -> Span {
    let (start, end) = (t.start as usize, t.end as usize);
    let open = start
        .checked_sub(1)
        .filter(|&i| text.get(i..start) == Some("["));
    let close = text.get(end..end + 1) == Some("]");
    match open {
        Some(open) if close => Span {
            start: open as u32,
            end: t.end + 1,
        },
        _ => t,
    }
}

/// PowerShell's `Before(extent)`: an empty span one character before `s`.
fn before(s: Span) -> Span {
    let at = s.start.saturating_sub(1);
    Span { start: at, end: at }
}

/// The exception types a `catch` can name that aapsh knows, each with its base class: the
/// type's full name for a name as written (`Exception`, `System.IO.IOException`), or None
/// for a type pwsh would not resolve here either way (then nothing is reported).
const EXCEPTION_TYPES: [(&str, &str); 22] = [
    ("System.Exception", ""),
    ("System.SystemException", "System.Exception"),
    ("System.ApplicationException", "System.Exception"),
    ("System.ArgumentException", "System.SystemException"),
    ("System.ArgumentNullException", "System.ArgumentException"),
    (
        "System.ArgumentOutOfRangeException",
        "System.ArgumentException",
    ),
    ("System.ArithmeticException", "System.SystemException"),
    ("System.DivideByZeroException", "System.ArithmeticException"),
    ("System.OverflowException", "System.ArithmeticException"),
    ("System.FormatException", "System.SystemException"),
    ("System.InvalidCastException", "System.SystemException"),
    ("System.InvalidOperationException", "System.SystemException"),
    ("System.NotImplementedException", "System.SystemException"),
    ("System.NotSupportedException", "System.SystemException"),
    ("System.NullReferenceException", "System.SystemException"),
    ("System.IndexOutOfRangeException", "System.SystemException"),
    (
        "System.UnauthorizedAccessException",
        "System.SystemException",
    ),
    ("System.TimeoutException", "System.SystemException"),
    ("System.IO.IOException", "System.SystemException"),
    ("System.IO.FileNotFoundException", "System.IO.IOException"),
    (
        "System.IO.DirectoryNotFoundException",
        "System.IO.IOException",
    ),
    (
        "System.Management.Automation.RuntimeException",
        "System.SystemException",
    ),
];

fn exception_type(written: &str) -> Option<&'static str> {
    let name = written.trim();
    EXCEPTION_TYPES.iter().map(|(full, _)| *full).find(|full| {
        full.eq_ignore_ascii_case(name)
            || full
                .strip_prefix("System.")
                .is_some_and(|short| short.eq_ignore_ascii_case(name))
    })
}

fn is_same_or_subclass(t: &str, base: &str) -> bool {
    let mut cur = t;
    loop {
        if cur == base {
            return true;
        }
        match EXCEPTION_TYPES.iter().find(|(full, _)| *full == cur) {
            Some((_, parent)) if !parent.is_empty() => cur = parent,
            _ => return false,
        }
    }
}

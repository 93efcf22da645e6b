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
        methods: Vec::new(),
        locals: Vec::new(),
        in_static: false,
    };
    // A type name is defined once in a script (pwsh: MemberAlreadyDefined on the later one).
    for (i, def) in sb.type_definitions.iter().enumerate() {
        if sb.type_definitions[..i]
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(&def.name))
        {
            c.report(def.span, msg::MEMBER_ALREADY_DEFINED, &[&def.name]);
        }
    }
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
    /// For each script block being checked, innermost last: `Some(returns_void)` for a class
    /// method's body, `None` for any other block (`return` is checked only in a method).
    methods: Vec<Option<bool>>,
    /// The variables assigned so far in the class method being checked (textually before the
    /// read), one set per method; empty outside methods.
    locals: Vec<Vec<String>>,
    /// Checking a static method or a static property's initializer (`$this` is an error).
    in_static: bool,
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
        self.methods.push(None);
        self.script_block_body(sb);
        self.methods.pop();
    }

    fn script_block_body(&mut self, sb: &ScriptBlockAst) {
        self.boundary(|c| {
            for a in &sb.attributes {
                c.attribute(a);
            }
            if let Some(p) = &sb.param_block {
                c.params(&p.params);
            }
            for block in [&sb.begin, &sb.process, &sb.end, &sb.clean]
                .into_iter()
                .flatten()
            {
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
            StatementKind::Assignment(a) if self.in_method_body() => {
                // A method's variable is assigned once its value is computed: `$x = $x + 1`
                // reads it first.
                self.statement(&a.value);
                let mut target = &a.target;
                while let ExprKind::Convert { operand, .. } = &target.kind {
                    target = operand;
                }
                match (&target.kind, a.op) {
                    (ExprKind::Variable(v), AssignOp::Assign) => self.declare(v),
                    _ => self.expr(&a.target),
                }
                self.assignment_target(&a.target, a.op == AssignOp::Assign, &|c, at| {
                    c.report(at, msg::INVALID_LEFT_HAND_SIDE, &[])
                });
            }
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
                self.declare(&f.variable);
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
                match (self.methods.last(), p) {
                    (Some(Some(true)), Some(_)) => {
                        self.report(s.span, msg::VOID_METHOD_HAS_RETURN, &[])
                    }
                    (Some(Some(false)), None) => {
                        self.report(s.span, msg::NON_VOID_METHOD_MISSING_RETURN_VALUE, &[])
                    }
                    _ => {}
                }
            }
            StatementKind::TypeDefinition(def) => self.type_definition(def),
            // A label known only at run time: like `return`, any finally around it is left.
            StatementKind::FlowToLabel { label, .. } => {
                self.expr(label);
                self.flow_out_of_finally(s.span, None);
            }
            StatementKind::Break(label) | StatementKind::Continue(label) => {
                self.flow_out_of_finally(s.span, Some(label.as_deref().unwrap_or("")));
            }
            StatementKind::PipelineChain(c) => {
                self.statement(&c.left);
                self.statement(&c.right);
            }
            StatementKind::Data(d) => self.data_section(d),
        }
    }

    /// An enum's or a class's members: names defined once (MemberAlreadyDefined; methods by
    /// name and parameter types), and every method with a return type returning a value on
    /// each path (MethodHasCodePathNotReturn).
    #[inline(never)]
    fn type_definition(&mut self, def: &TypeDefinition) {
        match &def.kind {
            TypeDefinitionKind::Enum { members, .. } => {
                for (i, m) in members.iter().enumerate() {
                    if members[..i]
                        .iter()
                        .any(|e| e.name.eq_ignore_ascii_case(&m.name))
                    {
                        self.report(m.span, msg::MEMBER_ALREADY_DEFINED, &[&m.name]);
                    }
                    if let Some(v) = &m.value {
                        self.expr(v);
                    }
                }
                use super::type_definition::{EnumValueError, enum_values_checked};
                for e in enum_values_checked(def).1 {
                    match e {
                        EnumValueError::NotConstant(at) => {
                            self.report(at, msg::ENUMERATOR_VALUE_MUST_BE_CONSTANT, &[])
                        }
                        EnumValueError::CannotConvert(at, ty) => {
                            self.report(at, msg::CANNOT_CONVERT_VALUE, &[ty])
                        }
                        EnumValueError::OutOfBounds(at, ty) => {
                            self.report(at, msg::ENUMERATOR_VALUE_OUT_OF_BOUNDS, &[ty])
                        }
                    }
                }
            }
            TypeDefinitionKind::Class {
                properties,
                methods,
                ..
            } => {
                for (i, p) in properties.iter().enumerate() {
                    if properties[..i]
                        .iter()
                        .any(|e| e.name.eq_ignore_ascii_case(&p.name))
                    {
                        self.report(p.span, msg::MEMBER_ALREADY_DEFINED, &[&p.name]);
                    }
                    if let Some(d) = &p.default {
                        let was_static = std::mem::replace(&mut self.in_static, p.is_static);
                        self.expr(d);
                        self.in_static = was_static;
                    }
                }
                for (i, m) in methods.iter().enumerate() {
                    if methods[..i].iter().any(|e| same_signature(e, m)) {
                        self.report(m.name_span, msg::MEMBER_ALREADY_DEFINED, &[&m.name]);
                    }
                    self.method(m);
                }
            }
        }
    }

    fn in_method_body(&self) -> bool {
        matches!(self.methods.last(), Some(Some(_)))
    }

    fn declare(&mut self, v: &VariableRef) {
        if let Some(set) = self.locals.last_mut() {
            set.push(v.name.to_ascii_lowercase());
        }
    }

    /// A variable read in a class method must be assigned in it first (VariableNotLocal),
    /// unless it is scoped (`$script:x`, `$env:X`), automatic or one of the few pwsh lets
    /// methods read; `$this` may not be read in a static member.
    fn variable_read(&mut self, v: &VariableRef, at: Span) {
        if v.name.eq_ignore_ascii_case("this") && self.in_static && self.methods_or_static() {
            self.report(
                at,
                msg::NON_STATIC_MEMBER_ACCESS_IN_STATIC_MEMBER,
                &["this"],
            );
            return;
        }
        if !self.in_method_body() || v.scope.is_some() {
            return;
        }
        const ALLOWED: &[&str] = &[
            "this",
            "_",
            "psitem",
            "args",
            "input",
            "true",
            "false",
            "null",
            "pscmdlet",
            "psboundparameters",
            "myinvocation",
            "psscriptroot",
            "pscommandpath",
            "lastexitcode",
            "error",
            "stacktrace",
            "outputencoding",
            "nestedpromptlevel",
            "pwd",
            "matches",
            "psapplicationoutputencoding",
        ];
        let lower = v.name.to_ascii_lowercase();
        if ALLOWED.contains(&lower.as_str()) {
            return;
        }
        if self.locals.last().is_some_and(|set| set.contains(&lower)) {
            return;
        }
        self.report(at, msg::VARIABLE_NOT_LOCAL, &[]);
    }

    fn methods_or_static(&self) -> bool {
        self.in_method_body() || self.methods.is_empty() || self.in_static
    }

    fn method(&mut self, m: &MethodMember) {
        let returns_void = m.is_constructor
            || m.return_type
                .as_ref()
                .is_none_or(|t| t.name.eq_ignore_ascii_case("void"));
        self.boundary(|c| c.params(&m.parameters));
        if let Some(args) = &m.base_args {
            for a in args {
                self.expr(a);
            }
        }
        self.methods.push(Some(returns_void));
        self.locals.push(
            m.parameters
                .iter()
                .map(|p| p.name.to_ascii_lowercase())
                .collect(),
        );
        let was_static = std::mem::replace(&mut self.in_static, m.is_static);
        self.script_block_body(&m.body);
        self.in_static = was_static;
        self.locals.pop();
        self.methods.pop();
        let body = m.body.end.as_ref();
        if !returns_void && !body.is_some_and(|b| block_returns(&b.statements)) {
            self.report(m.name_span, msg::METHOD_HAS_CODE_PATH_NOT_RETURN, &[]);
        }
    }

    /// A data section's body in the restricted language (kept out of `statement`, which
    /// recurses, so that its frame stays small).
    #[inline(never)]
    fn data_section(&mut self, d: &DataStatement) {
        // Names written as constants join ConvertFrom-StringData; any other name
        // (`-SupportedCommand $cmds`) lets every command through the check.
        let mut allowed = vec!["ConvertFrom-StringData".to_string()];
        for c in &d.commands {
            match &c.kind {
                ExprKind::StringLiteral { value, .. } => allowed.push(value.clone()),
                _ => {
                    allowed.clear();
                    break;
                }
            }
        }
        let allowed = (!allowed.is_empty()).then_some(allowed);
        Restricted {
            checker: self,
            allowed,
        }
        .block(&d.body);
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
            ExprKind::Variable(v) => self.variable_read(v, e.span),
            ExprKind::Number(_)
            | ExprKind::StringLiteral { .. }
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

/// PowerShell's `RestrictedLanguageChecker` over a `data` section's body: the restricted
/// language allows literals, arrays, hashtables, `if`, most operators, casts to simple types,
/// the variables `$PSCulture`, `$PSUICulture`, `$true`, `$false`, `$null`, and the commands
/// `allowed` names (`None`: any command, when a `-SupportedCommand` name is not a constant).
struct Restricted<'a> {
    checker: &'a mut Checker,
    allowed: Option<Vec<String>>,
}

impl Restricted<'_> {
    fn report(&mut self, span: Span, template: msg::Template, args: &[&str]) {
        self.checker.report(span, template, args);
    }

    fn block(&mut self, b: &Block) {
        for s in &b.statements {
            self.statement(s);
        }
    }

    fn statement(&mut self, s: &Statement) {
        match &s.kind {
            StatementKind::Pipeline(p) => self.pipeline(p),
            StatementKind::PipelineChain(c) => {
                self.statement(&c.left);
                self.statement(&c.right);
            }
            StatementKind::Assignment(a) => {
                self.report(s.span, msg::ASSIGNMENT_IN_DATA_SECTION, &[]);
                self.expr(&a.target);
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
            StatementKind::Foreach(_) => self.report(s.span, msg::FOREACH_IN_DATA_SECTION, &[]),
            StatementKind::For(_) | StatementKind::While(_) => {
                self.report(s.span, msg::FOR_WHILE_IN_DATA_SECTION, &[])
            }
            StatementKind::DoLoop(_) => self.report(s.span, msg::DO_WHILE_IN_DATA_SECTION, &[]),
            StatementKind::Switch(_) => self.report(s.span, msg::SWITCH_IN_DATA_SECTION, &[]),
            StatementKind::Function(_) => self.report(s.span, msg::FUNCTION_IN_DATA_SECTION, &[]),
            StatementKind::Try(_) => self.report(s.span, msg::TRY_IN_DATA_SECTION, &[]),
            StatementKind::Trap(_) => self.report(s.span, msg::TRAP_IN_DATA_SECTION, &[]),
            StatementKind::Data(_) => self.report(s.span, msg::DATA_IN_DATA_SECTION, &[]),
            // pwsh accepts a type definition in a data section (it is defined with the script).
            StatementKind::TypeDefinition(_) => {}
            StatementKind::Throw(_)
            | StatementKind::Return(_)
            | StatementKind::Exit(_)
            | StatementKind::Break(_)
            | StatementKind::FlowToLabel { .. }
            | StatementKind::Continue(_) => {
                self.report(s.span, msg::FLOW_CONTROL_IN_DATA_SECTION, &[])
            }
        }
    }

    fn pipeline(&mut self, p: &Pipeline) {
        for e in &p.elements {
            match &e.kind {
                ElementKind::Expression(x) => self.expr(x),
                ElementKind::Command(c) => self.command(c),
            }
            for r in &e.redirections {
                self.report(r.span, msg::REDIRECTION_IN_DATA_SECTION, &[]);
            }
        }
    }

    fn command(&mut self, c: &Command) {
        if c.invocation == InvocationOperator::DotSource {
            self.report(c.span, msg::DOT_SOURCING_IN_DATA_SECTION, &[]);
            return;
        }
        if let Some(allowed) = &self.allowed {
            let name = match &c.name.kind {
                ExprKind::StringLiteral { value, .. } => Some(value.as_str()),
                _ => None,
            };
            match name {
                Some(n) if allowed.iter().any(|a| a.eq_ignore_ascii_case(n)) => {}
                Some(n) => {
                    let n = n.to_string();
                    self.report(c.span, msg::COMMAND_NOT_ALLOWED_IN_DATA_SECTION, &[&n]);
                }
                None if c.invocation == InvocationOperator::Call => {
                    self.report(c.span, msg::OPERATOR_IN_DATA_SECTION, &["&"]);
                }
                None => {
                    let text =
                        self.checker.text[c.span.start as usize..c.span.end as usize].to_string();
                    self.report(c.span, msg::COMMAND_NOT_ALLOWED_IN_DATA_SECTION, &[&text]);
                }
            }
        } else if !matches!(c.name.kind, ExprKind::StringLiteral { .. }) {
            self.expr(&c.name);
        }
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

    fn type_name(&mut self, t: &TypeName) {
        if !is_simple_type(&t.name) {
            let at = bracketed(&self.checker.text, t.span);
            self.report(at, msg::TYPE_IN_DATA_SECTION, &[t.name.trim()]);
        }
    }

    fn operator(&mut self, at: Span) {
        let text = self
            .checker
            .text
            .get(at.start as usize..at.end as usize)
            .unwrap_or_default()
            .to_ascii_lowercase();
        self.report(at, msg::OPERATOR_IN_DATA_SECTION, &[&text]);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Number(_) | ExprKind::StringLiteral { .. } => {}
            ExprKind::Variable(v) | ExprKind::Splat(v) => {
                let path = match &v.scope {
                    Some(s) => format!("{s}:{}", v.name),
                    None => v.name.clone(),
                };
                let allowed = ["PSCulture", "PSUICulture", "true", "false", "null"];
                if !allowed.iter().any(|a| a.eq_ignore_ascii_case(&path)) {
                    self.report(
                        e.span,
                        msg::VARIABLE_IN_DATA_SECTION,
                        &[msg::DEFAULT_ALLOWED_VARIABLES_IN_DATA_SECTION],
                    );
                }
            }
            ExprKind::TypeLiteral(t) => self.type_name(t),
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
            ExprKind::ScriptBlock(_) => self.report(e.span, msg::SCRIPT_BLOCK_IN_DATA_SECTION, &[]),
            ExprKind::Binary {
                op,
                op_span,
                left,
                right,
            } => {
                let disallowed = matches!(
                    op,
                    BinaryOp::Range
                        | BinaryOp::Format
                        | BinaryOp::Join
                        | BinaryOp::As
                        | BinaryOp::Compare(
                            CompareOp::Match
                                | CompareOp::NotMatch
                                | CompareOp::Replace
                                | CompareOp::Split,
                            _
                        )
                );
                if disallowed {
                    self.operator(*op_span);
                }
                self.expr(left);
                self.expr(right);
            }
            ExprKind::Unary {
                op,
                op_span,
                operand,
            } => {
                if matches!(
                    op,
                    UnaryOp::PreIncrement
                        | UnaryOp::PreDecrement
                        | UnaryOp::PostIncrement
                        | UnaryOp::PostDecrement
                        | UnaryOp::Join
                        | UnaryOp::Split
                ) {
                    let text = match op {
                        UnaryOp::PreIncrement | UnaryOp::PostIncrement => "++".to_string(),
                        UnaryOp::PreDecrement | UnaryOp::PostDecrement => "--".to_string(),
                        _ => self
                            .checker
                            .text
                            .get(op_span.start as usize..op_span.end as usize)
                            .unwrap_or_default()
                            .to_ascii_lowercase(),
                    };
                    self.report(e.span, msg::OPERATOR_IN_DATA_SECTION, &[&text]);
                }
                self.expr(operand);
            }
            ExprKind::Convert { type_name, operand } => {
                self.type_name(type_name);
                self.expr(operand);
            }
            ExprKind::Member { target, member, .. } => {
                self.report(e.span, msg::PROPERTY_REFERENCE_IN_DATA_SECTION, &[]);
                self.expr(target);
                self.expr(member);
            }
            ExprKind::InvokeMember {
                target,
                member,
                args,
                ..
            } => {
                self.report(e.span, msg::METHOD_CALL_IN_DATA_SECTION, &[]);
                self.expr(target);
                self.expr(member);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::Index { target, index, .. } => {
                self.report(e.span, msg::ARRAY_REFERENCE_IN_DATA_SECTION, &[]);
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
}

/// A type the restricted language may name: one whose .NET TypeCode is not Object (the
/// primitives, decimal, string, DateTime, DBNull), or an array of one.
fn is_simple_type(written: &str) -> bool {
    let name = written.trim().to_ascii_lowercase();
    let name = name.strip_suffix("[]").unwrap_or(&name).trim();
    let name = name.strip_prefix("system.").unwrap_or(name);
    matches!(
        name,
        "int"
            | "int32"
            | "long"
            | "int64"
            | "short"
            | "int16"
            | "byte"
            | "sbyte"
            | "ushort"
            | "uint16"
            | "uint"
            | "uint32"
            | "ulong"
            | "uint64"
            | "float"
            | "single"
            | "double"
            | "decimal"
            | "bool"
            | "boolean"
            | "char"
            | "string"
            | "datetime"
            | "dbnull"
    )
}

/// Two methods with the same name and parameter types (as written) cannot both be defined.
fn same_signature(a: &MethodMember, b: &MethodMember) -> bool {
    let types = |m: &MethodMember| -> Vec<String> {
        m.parameters
            .iter()
            .map(|p| {
                p.type_constraint
                    .as_ref()
                    .map_or("object".to_string(), |t| t.name.to_ascii_lowercase())
            })
            .collect()
    };
    a.is_static == b.is_static && a.name.eq_ignore_ascii_case(&b.name) && types(a) == types(b)
}

/// Does every path through these statements end in `return`, `throw` or `exit`? (pwsh's
/// VariableAnalysis on a method body, for the statements that end flow on every path: an `if`
/// with an `else` whose branches all return, a `try` whose body and catches all return or whose
/// `finally` returns, a `switch` with a `default` whose clauses all return, and an infinite
/// `while ($true)` without `break`.)
fn block_returns(statements: &[Statement]) -> bool {
    statements.iter().any(statement_returns)
}

fn statement_returns(s: &Statement) -> bool {
    match &s.kind {
        StatementKind::Return(_) | StatementKind::Throw(_) | StatementKind::Exit(_) => true,
        StatementKind::If(i) => {
            i.else_body
                .as_ref()
                .is_some_and(|b| block_returns(&b.statements))
                && i.clauses.iter().all(|c| block_returns(&c.body.statements))
        }
        StatementKind::Try(t) => {
            t.finally
                .as_ref()
                .is_some_and(|f| block_returns(&f.statements))
                || (block_returns(&t.body.statements)
                    && t.catches.iter().all(|c| block_returns(&c.body.statements)))
        }
        StatementKind::Switch(sw) => {
            sw.default
                .as_ref()
                .is_some_and(|b| block_returns(&b.statements))
                && sw.clauses.iter().all(|c| block_returns(&c.body.statements))
        }
        StatementKind::DoLoop(d) => block_returns(&d.body.statements),
        _ => false,
    }
}

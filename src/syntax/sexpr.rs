//! A compact S-expression dump of a syntax tree (casey/just's `tree!` style), so table-driven
//! parser tests stay short: `(script (cmd Get-X (-Name) b"foo"))`. Owns the printing format
//! only; it must not parse or evaluate.
//!
//! Format: strings print as `b"bare"`, `'single'`, `"double"`, `@'here'`, `@"here"`;
//! expandable strings as `(bare ...)`, `(dq ...)`, `(here-dq ...)`; variables as `$name`,
//! `$script:name`, `${odd name}`, splats as `@name`; numbers as written by Rust (`1`, `1.5`).

use std::fmt::Write;

use super::ast::*;

/// The tree as one line of nested lists.
pub fn sexpr(ast: &ScriptBlockAst) -> String {
    let mut out = String::new();
    script(&mut out, "script", ast);
    out
}

fn script(out: &mut String, head: &str, sb: &ScriptBlockAst) {
    out.push('(');
    out.push_str(head);
    for u in &sb.usings {
        let _ = write!(out, " (using namespace {u})");
    }
    let simple = sb.attributes.is_empty()
        && sb.param_block.is_none()
        && sb.begin.is_none()
        && sb.process.is_none()
        && sb.clean.is_none();
    if simple {
        if let Some(end) = &sb.end {
            for s in &end.statements {
                out.push(' ');
                statement(out, s);
            }
        }
        out.push(')');
        return;
    }
    for a in &sb.attributes {
        out.push(' ');
        attribute(out, a);
    }
    if let Some(pb) = &sb.param_block {
        out.push_str(" (param");
        for p in &pb.params {
            out.push(' ');
            param(out, p);
        }
        out.push(')');
    }
    for (name, b) in [
        ("begin", &sb.begin),
        ("process", &sb.process),
        ("end", &sb.end),
        ("clean", &sb.clean),
    ] {
        if let Some(b) = b {
            out.push_str(" (");
            out.push_str(name);
            for s in &b.statements {
                out.push(' ');
                statement(out, s);
            }
            out.push(')');
        }
    }
    out.push(')');
}

fn block(out: &mut String, b: &Block) {
    out.push_str("(block");
    for s in &b.statements {
        out.push(' ');
        statement(out, s);
    }
    out.push(')');
}

fn opt_statement(out: &mut String, s: &Option<Box<Statement>>) {
    match s {
        Some(s) => statement(out, s),
        None => out.push('_'),
    }
}

fn label(out: &mut String, l: &Option<String>) {
    if let Some(l) = l {
        let _ = write!(out, " :{l}");
    }
}

/// `(enum Name : byte [Flags] (A 1) B)` or `(class Name : Base (prop [int] $X = 1) (method ...))`.
fn type_definition(out: &mut String, d: &TypeDefinition) {
    match &d.kind {
        TypeDefinitionKind::Enum {
            underlying,
            members,
        } => {
            let _ = write!(out, "(enum {}", d.name);
            if let Some(t) = underlying {
                let _ = write!(out, " : {}", t.name);
            }
            for a in &d.attributes {
                let _ = write!(out, " [{}]", a.name);
            }
            for m in members {
                match &m.value {
                    Some(v) => {
                        let _ = write!(out, " ({} ", m.name);
                        expr(out, v);
                        out.push(')');
                    }
                    None => {
                        let _ = write!(out, " {}", m.name);
                    }
                }
            }
        }
        TypeDefinitionKind::Class {
            bases,
            properties,
            methods,
        } => {
            let _ = write!(out, "(class {}", d.name);
            for b in bases {
                let _ = write!(out, " : {}", b.name);
            }
            for p in properties {
                out.push_str(" (prop");
                if p.is_static {
                    out.push_str(" static");
                }
                if p.hidden {
                    out.push_str(" hidden");
                }
                if let Some(t) = &p.type_name {
                    let _ = write!(out, " [{}]", t.name);
                }
                let _ = write!(out, " ${}", p.name);
                if let Some(v) = &p.default {
                    out.push_str(" = ");
                    expr(out, v);
                }
                out.push(')');
            }
            for m in methods {
                out.push_str(if m.is_constructor {
                    " (ctor"
                } else {
                    " (method"
                });
                if m.is_static {
                    out.push_str(" static");
                }
                if let Some(t) = &m.return_type {
                    let _ = write!(out, " [{}]", t.name);
                }
                let _ = write!(out, " {} (", m.name);
                for (i, p) in m.parameters.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "${}", p.name);
                }
                out.push(')');
                if let Some(args) = &m.base_args {
                    out.push_str(" (base");
                    for a in args {
                        out.push(' ');
                        expr(out, a);
                    }
                    out.push(')');
                }
                out.push(')');
            }
        }
    }
    out.push(')');
}

fn statement(out: &mut String, s: &Statement) {
    match &s.kind {
        StatementKind::Pipeline(p) => pipeline(out, p),
        StatementKind::PipelineChain(c) => {
            out.push_str(if c.and { "(&& " } else { "(|| " });
            statement(out, &c.left);
            out.push(' ');
            statement(out, &c.right);
            out.push(')');
        }
        StatementKind::Assignment(a) => {
            let op = match a.op {
                AssignOp::Assign => "=",
                AssignOp::Add => "+=",
                AssignOp::Subtract => "-=",
                AssignOp::Multiply => "*=",
                AssignOp::Divide => "/=",
                AssignOp::Remainder => "%=",
                AssignOp::Coalesce => "??=",
            };
            let _ = write!(out, "({op} ");
            expr(out, &a.target);
            out.push(' ');
            statement(out, &a.value);
            out.push(')');
        }
        StatementKind::TypeDefinition(d) => type_definition(out, d),
        StatementKind::Data(d) => {
            out.push_str("(data");
            if let Some(n) = &d.name {
                let _ = write!(out, " :{n}");
            }
            for c in &d.commands {
                out.push_str(" (supported ");
                expr(out, c);
                out.push(')');
            }
            out.push(' ');
            block(out, &d.body);
            out.push(')');
        }
        StatementKind::If(i) => {
            out.push_str("(if");
            for c in &i.clauses {
                out.push_str(" (clause ");
                statement(out, &c.condition);
                out.push(' ');
                block(out, &c.body);
                out.push(')');
            }
            if let Some(e) = &i.else_body {
                out.push_str(" (else ");
                block(out, e);
                out.push(')');
            }
            out.push(')');
        }
        StatementKind::Foreach(f) => {
            out.push_str("(foreach");
            label(out, &f.label);
            out.push(' ');
            variable(out, &f.variable);
            out.push(' ');
            statement(out, &f.iterable);
            out.push(' ');
            block(out, &f.body);
            out.push(')');
        }
        StatementKind::For(f) => {
            out.push_str("(for");
            label(out, &f.label);
            for part in [&f.init, &f.condition, &f.iterator] {
                out.push(' ');
                opt_statement(out, part);
            }
            out.push(' ');
            block(out, &f.body);
            out.push(')');
        }
        StatementKind::While(w) => {
            out.push_str("(while");
            label(out, &w.label);
            out.push(' ');
            statement(out, &w.condition);
            out.push(' ');
            block(out, &w.body);
            out.push(')');
        }
        StatementKind::DoLoop(d) => {
            out.push_str(if d.until { "(do-until" } else { "(do-while" });
            label(out, &d.label);
            out.push(' ');
            block(out, &d.body);
            out.push(' ');
            statement(out, &d.condition);
            out.push(')');
        }
        StatementKind::Switch(sw) => {
            out.push_str("(switch");
            label(out, &sw.label);
            for (on, name) in [
                (sw.flags.regex, " -regex"),
                (sw.flags.wildcard, " -wildcard"),
                (sw.flags.exact, " -exact"),
                (sw.flags.case_sensitive, " -casesensitive"),
                (sw.flags.file, " -file"),
            ] {
                if on {
                    out.push_str(name);
                }
            }
            out.push(' ');
            statement(out, &sw.value);
            for c in &sw.clauses {
                out.push_str(" (case ");
                expr(out, &c.condition);
                out.push(' ');
                block(out, &c.body);
                out.push(')');
            }
            if let Some(d) = &sw.default {
                out.push_str(" (default ");
                block(out, d);
                out.push(')');
            }
            out.push(')');
        }
        StatementKind::Function(f) => {
            let head = if f.is_filter { "filter" } else { "function" };
            let _ = write!(out, "({head} {}", f.name);
            if !f.parameters.is_empty() {
                out.push_str(" (params");
                for p in &f.parameters {
                    out.push(' ');
                    param(out, p);
                }
                out.push(')');
            }
            out.push(' ');
            script(out, "sb", &f.body);
            out.push(')');
        }
        StatementKind::Trap(t) => {
            out.push_str("(trap");
            if let Some(ty) = &t.type_name {
                let _ = write!(out, " [{}]", ty.name);
            }
            out.push(' ');
            block(out, &t.body);
            out.push(')');
        }
        StatementKind::Try(t) => {
            out.push_str("(try ");
            block(out, &t.body);
            for c in &t.catches {
                out.push_str(" (catch");
                for ty in &c.types {
                    let _ = write!(out, " [{}]", ty.name);
                }
                out.push(' ');
                block(out, &c.body);
                out.push(')');
            }
            if let Some(f) = &t.finally {
                out.push_str(" (finally ");
                block(out, f);
                out.push(')');
            }
            out.push(')');
        }
        StatementKind::Throw(p) | StatementKind::Return(p) | StatementKind::Exit(p) => {
            let head = match &s.kind {
                StatementKind::Throw(_) => "throw",
                StatementKind::Return(_) => "return",
                _ => "exit",
            };
            let _ = write!(out, "({head}");
            if let Some(p) = p {
                out.push(' ');
                statement(out, p);
            }
            out.push(')');
        }
        StatementKind::FlowToLabel { is_break, label } => {
            out.push_str(if *is_break { "(break " } else { "(continue " });
            expr(out, label);
            out.push(')');
        }
        StatementKind::Break(l) | StatementKind::Continue(l) => {
            let head = if matches!(s.kind, StatementKind::Break(_)) {
                "break"
            } else {
                "continue"
            };
            let _ = write!(out, "({head}");
            if let Some(l) = l {
                let _ = write!(out, " {l}");
            }
            out.push(')');
        }
    }
}

fn pipeline(out: &mut String, p: &Pipeline) {
    if p.elements.len() == 1 {
        element(out, &p.elements[0]);
        return;
    }
    out.push_str("(pipe");
    for e in &p.elements {
        out.push(' ');
        element(out, e);
    }
    out.push(')');
}

fn element(out: &mut String, e: &PipelineElement) {
    match &e.kind {
        ElementKind::Expression(x) if e.redirections.is_empty() => expr(out, x),
        ElementKind::Expression(x) => {
            out.push_str("(expr ");
            expr(out, x);
            redirections(out, &e.redirections);
            out.push(')');
        }
        ElementKind::Command(c) => {
            out.push_str("(cmd ");
            match c.invocation {
                InvocationOperator::Call => out.push_str("& "),
                InvocationOperator::DotSource => out.push_str(". "),
                InvocationOperator::None => {}
            }
            match &c.name.kind {
                ExprKind::StringLiteral {
                    value,
                    quote: QuoteKind::Bare,
                } if c.invocation == InvocationOperator::None => out.push_str(value),
                _ => expr(out, &c.name),
            }
            for el in &c.elements {
                out.push(' ');
                match el {
                    CommandElement::Argument(a) => expr(out, a),
                    CommandElement::Parameter(p) => {
                        let colon = if p.colon { ":" } else { "" };
                        match &p.argument {
                            None => {
                                let _ = write!(out, "(-{}{colon})", p.name);
                            }
                            Some(a) => {
                                let _ = write!(out, "(-{}{colon} ", p.name);
                                expr(out, a);
                                out.push(')');
                            }
                        }
                    }
                }
            }
            redirections(out, &e.redirections);
            out.push(')');
        }
    }
}

fn redirections(out: &mut String, rs: &[Redirection]) {
    for r in rs {
        let from = match r.from {
            RedirectStream::All => "*",
            RedirectStream::Output => "1",
            RedirectStream::Error => "2",
            RedirectStream::Warning => "3",
            RedirectStream::Verbose => "4",
            RedirectStream::Debug => "5",
            RedirectStream::Information => "6",
        };
        match &r.target {
            RedirectTarget::MergeToOutput => {
                let _ = write!(out, " (redir {from}>&1)");
            }
            RedirectTarget::File { path, append } => {
                let op = if *append { ">>" } else { ">" };
                let _ = write!(out, " (redir {from}{op} ");
                expr(out, path);
                out.push(')');
            }
        }
    }
}

fn variable(out: &mut String, v: &VariableRef) {
    out.push('$');
    variable_name(out, v);
}

fn variable_name(out: &mut String, v: &VariableRef) {
    let plain = !v.name.is_empty()
        && v.name.chars().all(|c| {
            c.is_alphanumeric() || c == '_' || c == '?' || (v.name.len() == 1 && "$^".contains(c))
        });
    if !plain {
        out.push('{');
    }
    if let Some(s) = &v.scope {
        let _ = write!(out, "{s}:");
    }
    out.push_str(&v.name);
    if !plain {
        out.push('}');
    }
}

fn quoted(out: &mut String, prefix: &str, value: &str) {
    let _ = write!(out, "{prefix}{value:?}");
}

fn type_name(t: &TypeName) -> String {
    format!("[{}]", t.name)
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Number(Number::Double(d)) => {
            let _ = write!(out, "{d:?}");
        }
        ExprKind::Number(n) => out.push_str(&n.text()),
        ExprKind::StringLiteral { value, quote } => match quote {
            QuoteKind::Bare => quoted(out, "b", value),
            QuoteKind::Single => {
                let inner = format!("{value:?}");
                let inner = &inner[1..inner.len() - 1];
                let _ = write!(out, "'{}'", inner.replace('\'', "\\'"));
            }
            QuoteKind::Double => quoted(out, "", value),
            QuoteKind::HereSingle => quoted(out, "@'", value),
            QuoteKind::HereDouble => quoted(out, "@", value),
        },
        ExprKind::ExpandableString { parts, quote } => {
            let head = match quote {
                QuoteKind::Bare => "bare",
                QuoteKind::HereDouble | QuoteKind::HereSingle => "here-dq",
                _ => "dq",
            };
            let _ = write!(out, "({head}");
            for p in parts {
                out.push(' ');
                match p {
                    StringPart::Literal(s) => quoted(out, "", s),
                    StringPart::Expr(x) => expr(out, x),
                }
            }
            out.push(')');
        }
        ExprKind::Variable(v) => variable(out, v),
        ExprKind::Splat(v) => {
            out.push('@');
            variable_name(out, v);
        }
        ExprKind::ArrayLiteral(items) => list(out, "array", items),
        ExprKind::ArraySubexpression(b) | ExprKind::Subexpression(b) => {
            out.push_str(if matches!(e.kind, ExprKind::Subexpression(_)) {
                "($"
            } else {
                "(@"
            });
            for s in &b.statements {
                out.push(' ');
                statement(out, s);
            }
            out.push(')');
        }
        ExprKind::Paren(s) => {
            out.push_str("(paren ");
            statement(out, s);
            out.push(')');
        }
        ExprKind::Hashtable(entries) => {
            out.push_str("(hash");
            for en in entries {
                out.push_str(" (");
                expr(out, &en.key);
                out.push(' ');
                statement(out, &en.value);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::ScriptBlock(sb) => script(out, "sb", sb),
        ExprKind::Binary {
            op, left, right, ..
        } => {
            let _ = write!(out, "({} ", binary_name(*op));
            expr(out, left);
            out.push(' ');
            expr(out, right);
            out.push(')');
        }
        ExprKind::Unary { op, operand, .. } => {
            let name = match op {
                UnaryOp::Not => "-not",
                UnaryOp::Negate => "neg",
                UnaryOp::Plus => "plus",
                UnaryOp::BitNot => "-bnot",
                UnaryOp::PreIncrement => "++pre",
                UnaryOp::PreDecrement => "--pre",
                UnaryOp::PostIncrement => "post++",
                UnaryOp::PostDecrement => "post--",
                UnaryOp::Comma => ",",
                UnaryOp::Join => "-join",
                UnaryOp::Split => "-split",
            };
            let _ = write!(out, "({name} ");
            expr(out, operand);
            out.push(')');
        }
        ExprKind::Convert {
            type_name: t,
            operand,
        } => {
            let _ = write!(out, "(cast {} ", type_name(t));
            expr(out, operand);
            out.push(')');
        }
        ExprKind::TypeLiteral(t) => out.push_str(&type_name(t)),
        ExprKind::Member {
            target,
            member,
            is_static,
            null_conditional,
        } => {
            out.push_str(match (*is_static, *null_conditional) {
                (true, _) => "(:: ",
                (false, true) => "(?. ",
                (false, false) => "(. ",
            });
            expr(out, target);
            out.push(' ');
            member_name(out, member);
            out.push(')');
        }
        ExprKind::InvokeMember {
            target,
            member,
            args,
            is_static,
            null_conditional,
        } => {
            out.push_str(match (*is_static, *null_conditional) {
                (true, _) => "(call:: ",
                (false, true) => "(call?. ",
                (false, false) => "(call ",
            });
            expr(out, target);
            out.push(' ');
            member_name(out, member);
            for a in args {
                out.push(' ');
                expr(out, a);
            }
            out.push(')');
        }
        ExprKind::Index {
            target,
            index,
            null_conditional,
        } => {
            out.push_str(if *null_conditional {
                "(index? "
            } else {
                "(index "
            });
            expr(out, target);
            out.push(' ');
            expr(out, index);
            out.push(')');
        }
        ExprKind::Coalesce { left, right } => {
            out.push_str("(?? ");
            expr(out, left);
            out.push(' ');
            expr(out, right);
            out.push(')');
        }
        ExprKind::Ternary {
            condition,
            if_true,
            if_false,
        } => {
            out.push_str("(? ");
            expr(out, condition);
            out.push(' ');
            expr(out, if_true);
            out.push(' ');
            expr(out, if_false);
            out.push(')');
        }
    }
}

fn member_name(out: &mut String, m: &Expr) {
    match &m.kind {
        ExprKind::StringLiteral {
            value,
            quote: QuoteKind::Bare,
        } => out.push_str(value),
        _ => expr(out, m),
    }
}

fn list(out: &mut String, head: &str, items: &[Expr]) {
    let _ = write!(out, "({head}");
    for i in items {
        out.push(' ');
        expr(out, i);
    }
    out.push(')');
}

fn binary_name(op: BinaryOp) -> String {
    let s = match op {
        BinaryOp::Add => "+",
        BinaryOp::Subtract => "-",
        BinaryOp::Multiply => "*",
        BinaryOp::Divide => "/",
        BinaryOp::Remainder => "%",
        BinaryOp::Range => "..",
        BinaryOp::Format => "-f",
        BinaryOp::And => "-and",
        BinaryOp::Or => "-or",
        BinaryOp::Xor => "-xor",
        BinaryOp::BitAnd => "-band",
        BinaryOp::BitOr => "-bor",
        BinaryOp::BitXor => "-bxor",
        BinaryOp::ShiftLeft => "-shl",
        BinaryOp::ShiftRight => "-shr",
        BinaryOp::Join => "-join",
        BinaryOp::Is => "-is",
        BinaryOp::IsNot => "-isnot",
        BinaryOp::As => "-as",
        BinaryOp::Compare(c, case) => {
            let base = match c {
                CompareOp::Eq => "eq",
                CompareOp::Ne => "ne",
                CompareOp::Gt => "gt",
                CompareOp::Ge => "ge",
                CompareOp::Lt => "lt",
                CompareOp::Le => "le",
                CompareOp::Like => "like",
                CompareOp::NotLike => "notlike",
                CompareOp::Match => "match",
                CompareOp::NotMatch => "notmatch",
                CompareOp::Contains => "contains",
                CompareOp::NotContains => "notcontains",
                CompareOp::In => "in",
                CompareOp::NotIn => "notin",
                CompareOp::Replace => "replace",
                CompareOp::Split => "split",
            };
            let prefix = match case {
                CaseMode::Default => "",
                CaseMode::Insensitive => "i",
                CaseMode::Sensitive => "c",
            };
            return format!("-{prefix}{base}");
        }
    };
    s.to_string()
}

fn attribute(out: &mut String, a: &Attribute) {
    let _ = write!(out, "(attr {}", a.name);
    for p in &a.positional {
        out.push(' ');
        expr(out, p);
    }
    for (name, value) in &a.named {
        match value {
            None => {
                let _ = write!(out, " {name}");
            }
            Some(v) => {
                let _ = write!(out, " ({name}= ");
                expr(out, v);
                out.push(')');
            }
        }
    }
    out.push(')');
}

fn param(out: &mut String, p: &ParamDecl) {
    let simple = p.attributes.is_empty() && p.type_constraint.is_none() && p.default.is_none();
    if simple {
        let _ = write!(out, "${}", p.name);
        return;
    }
    out.push('(');
    for a in &p.attributes {
        attribute(out, a);
        out.push(' ');
    }
    if let Some(t) = &p.type_constraint {
        out.push_str(&type_name(t));
        out.push(' ');
    }
    let _ = write!(out, "${}", p.name);
    if let Some(d) = &p.default {
        out.push_str(" = ");
        expr(out, d);
    }
    out.push(')');
}

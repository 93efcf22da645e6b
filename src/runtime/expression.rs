//! Expressions: literals, variables (automatic ones included), strings with `$var` and `$()`,
//! arrays, hashtables, script blocks, casts, and assignment targets. Operators live in
//! `operators`, member/index access in `members`.

use super::error_record::ErrorCategory;
use super::flow::Flow;
use super::interpreter::collapse;
use super::operators;
use super::scope::Qualifier;
use super::session::{Out, Session};
use super::value::{Hashtable, PsObject, Value};
use crate::syntax::Span;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, StringPart, UnaryOp, VariableRef};

impl Session {
    pub(crate) fn eval(&mut self, expr: &Expr) -> Result<Value, Flow> {
        if self.is_interrupted() {
            return Err(Flow::Stopped);
        }
        match &expr.kind {
            ExprKind::Number(n) => Ok(Value::Num(n.into())),
            ExprKind::StringLiteral { value, .. } => Ok(Value::str(value)),
            ExprKind::ExpandableString { parts, .. } => {
                let mut s = String::new();
                for part in parts {
                    match part {
                        StringPart::Literal(text) => s.push_str(text),
                        StringPart::Expr(e) => {
                            // Strict mode 1 allows unset variables inside strings.
                            let v = match &e.kind {
                                ExprKind::Variable(var) if self.strict_mode() == 1 => {
                                    self.read_variable_lenient(var, e.span)?
                                }
                                _ => self.eval(e)?,
                            };
                            let v = self.with_class_text(v, e.span)?;
                            s.push_str(&self.stringify(&v));
                        }
                    }
                }
                Ok(Value::str(s))
            }
            ExprKind::Variable(var) | ExprKind::Splat(var) => self.read_variable(var, expr.span),
            ExprKind::ArrayLiteral(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.eval(item)?);
                }
                Ok(Value::array(values))
            }
            ExprKind::ArraySubexpression(block) => {
                let mut items = Vec::new();
                self.exec_block(block, &mut Out::Collect(&mut items))?;
                Ok(Value::array(items))
            }
            ExprKind::Subexpression(block) => {
                let mut items = Vec::new();
                self.exec_block(block, &mut Out::Collect(&mut items))?;
                Ok(collapse(items))
            }
            ExprKind::Paren(stmt) => self.statement_value(stmt),
            ExprKind::Hashtable(entries) => {
                let mut table = Hashtable::new(false);
                for entry in entries {
                    let key = self.eval(&entry.key)?;
                    let value = self.statement_value(&entry.value)?;
                    table.insert(key, value);
                }
                Ok(Value::hashtable(table))
            }
            ExprKind::ScriptBlock(sb) => Ok(Value::ScriptBlock(sb.clone())),
            ExprKind::Binary {
                op,
                op_span,
                left,
                right,
            } => {
                let l = self.eval(left)?;
                match op {
                    BinaryOp::And => {
                        if !l.is_truthy() {
                            return Ok(Value::Bool(false));
                        }
                        let r = self.eval(right)?;
                        Ok(Value::Bool(r.is_truthy()))
                    }
                    BinaryOp::Or => {
                        if l.is_truthy() {
                            return Ok(Value::Bool(true));
                        }
                        let r = self.eval(right)?;
                        Ok(Value::Bool(r.is_truthy()))
                    }
                    _ => {
                        let r = self.eval(right)?;
                        operators::binary(self, *op, l, r, *op_span)
                    }
                }
            }
            ExprKind::Unary {
                op,
                op_span,
                operand,
            } => match op {
                UnaryOp::PreIncrement
                | UnaryOp::PreDecrement
                | UnaryOp::PostIncrement
                | UnaryOp::PostDecrement => {
                    let old = self.eval(operand)?;
                    let delta = if matches!(op, UnaryOp::PreIncrement | UnaryOp::PostIncrement) {
                        1
                    } else {
                        -1
                    };
                    let base = if old.is_null() {
                        Value::int(0)
                    } else {
                        old.clone()
                    };
                    let new = operators::binary(
                        self,
                        BinaryOp::Add,
                        base,
                        Value::integer(delta),
                        *op_span,
                    )?;
                    self.assign_value(operand, new.clone())?;
                    Ok(
                        if matches!(op, UnaryOp::PostIncrement | UnaryOp::PostDecrement) {
                            if old.is_null() {
                                Value::integer(0)
                            } else {
                                old
                            }
                        } else {
                            new
                        },
                    )
                }
                _ => {
                    let v = self.eval(operand)?;
                    operators::unary(self, *op, v, *op_span)
                }
            },
            ExprKind::Convert { type_name, operand } => {
                // `[ordered]@{}` and `[PSCustomObject]@{}` are literal forms, not casts.
                let lower = type_name.name.to_ascii_lowercase();
                if let ExprKind::Hashtable(_) = operand.kind {
                    if lower == "ordered"
                        || lower == "system.collections.specialized.ordereddictionary"
                    {
                        let v = self.eval(operand)?;
                        if let Value::Hashtable(h) = &v {
                            h.borrow_mut().ordered = true;
                        }
                        return Ok(v);
                    }
                    if lower == "pscustomobject"
                        || lower == "system.management.automation.pscustomobject"
                    {
                        let v = self.eval(operand)?;
                        return Ok(hashtable_to_object(&v));
                    }
                }
                // `[ref]$var` refers to the variable itself, not its value.
                if let ExprKind::Variable(var) = &operand.kind
                    && super::dotnet::is_ref_type(&type_name.name)
                {
                    return super::dotnet::variable_ref(self, var, expr.span);
                }
                let v = self.eval(operand)?;
                let name = self.using_qualified(&type_name.name);
                super::dotnet::cast(self, v, &name, expr.span)
            }
            ExprKind::TypeLiteral(t) => {
                let name = self.using_qualified(&t.name);
                super::dotnet::type_literal(self, &name, expr.span)
            }
            ExprKind::Member {
                target,
                member,
                is_static,
                null_conditional,
            } => {
                let t = self.eval(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(member)?;
                super::dotnet::get_member(self, &t, &name, *is_static, expr.span)
            }
            ExprKind::InvokeMember {
                target,
                member,
                args,
                is_static,
                null_conditional,
            } => {
                // `$obj.PSObject.TypeNames.Insert(0, 'My.Type')` changes the object's type
                // names (the collection is live in pwsh).
                let mut type_names_of = None;
                let t = match &target.kind {
                    ExprKind::Member {
                        target: inner,
                        member: m,
                        is_static: false,
                        null_conditional: false,
                    } if matches!(&m.kind, ExprKind::StringLiteral { value, .. } if value.eq_ignore_ascii_case("typenames")) =>
                    {
                        let set = self.eval(inner)?;
                        if let Value::Object(o) = &set
                            && let Some(super::value::Native::MemberSet(owner)) = &o.borrow().native
                        {
                            type_names_of = Some(owner.clone());
                        }
                        super::dotnet::get_member(self, &set, "TypeNames", false, target.span)?
                    }
                    _ => self.eval(target)?,
                };
                // `$null?.M(args)`: neither the method nor its arguments run.
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let name = self.member_name(member)?;
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval(a)?);
                }
                if let Some(owner) = type_names_of
                    && !*is_static
                    && let Some(result) = change_type_names(&owner, &name, &values)
                {
                    return Ok(result);
                }
                super::dotnet::invoke_method(self, &t, &name, values, *is_static, expr.span)
            }
            ExprKind::Index {
                target,
                index,
                null_conditional,
            } => {
                let t = self.eval(target)?;
                if *null_conditional && t.is_null() {
                    return Ok(Value::Null);
                }
                let i = self.eval(index)?;
                super::dotnet::index(self, &t, &i, expr.span)
            }
            ExprKind::Coalesce { left, right } => {
                let l = self.eval(left)?;
                if l.is_null() { self.eval(right) } else { Ok(l) }
            }
            ExprKind::Ternary {
                condition,
                if_true,
                if_false,
            } => {
                if self.eval(condition)?.is_truthy() {
                    self.eval(if_true)
                } else {
                    self.eval(if_false)
                }
            }
        }
    }

    /// A type name as written, qualified by the first `using namespace` of the running text
    /// under which it denotes a type this shell knows (`List[string]` after
    /// `using namespace System.Collections.Generic`). Unchanged when none does.
    fn using_qualified(&self, name: &str) -> String {
        let usings = self.current_source().usings.borrow().clone();
        if usings.is_empty() || super::dotnet::type_literal(self, name, Span::default()).is_ok() {
            return name.to_string();
        }
        for ns in usings {
            let candidate = format!("{ns}.{name}");
            // Known to this shell: a generic list, or a name the type table rewrites (a name it
            // leaves as written is not known, so the next namespace is tried).
            let full = super::dotnet::full_type_name(&candidate);
            if super::dotnet::lists::list_kind_for(&candidate).is_some()
                || full != candidate.trim()
                || super::dotnet::is_known_type(&full)
            {
                return candidate;
            }
        }
        name.to_string()
    }

    fn member_name(&mut self, member: &Expr) -> Result<String, Flow> {
        match &member.kind {
            ExprKind::StringLiteral { value, .. } => Ok(value.clone()),
            _ => Ok(self.eval(member)?.to_ps_string()),
        }
    }

    /// String conversion as interpolation does it (arrays join with `$OFS`).
    pub(crate) fn stringify(&self, v: &Value) -> String {
        match v {
            Value::Array(items) => {
                let sep = self
                    .scopes
                    .get("OFS", Qualifier::None)
                    .map(|o| o.value.to_ps_string())
                    .unwrap_or_else(|| " ".into());
                // Each element is its own ToString(): a nested collection shows its type name
                // (`"$(1,(2,3))"` is `1 System.Object[]`), so no walk goes deeper than one level.
                items
                    .borrow()
                    .iter()
                    .map(Value::element_string)
                    .collect::<Vec<_>>()
                    .join(&sep)
            }
            other => other.to_ps_string(),
        }
    }

    fn read_variable_lenient(&mut self, var: &VariableRef, span: Span) -> Result<Value, Flow> {
        self.in_string = true;
        let r = self.read_variable(var, span);
        self.in_string = false;
        r
    }

    /// Reads a variable, including the automatic ones.
    pub(crate) fn read_variable(&mut self, var: &VariableRef, span: Span) -> Result<Value, Flow> {
        let scope = var.scope.as_deref().map(str::to_ascii_lowercase);
        if scope.as_deref() == Some("env") {
            return Ok(std::env::var(&var.name)
                .map(Value::str)
                .unwrap_or(Value::Null));
        }
        // `${function:Name}`: a script function's body as a script block.
        if scope.as_deref() == Some("function") {
            return Ok(
                match self
                    .commands
                    .get(&var.name)
                    .map(|d| d.implementation.clone())
                {
                    Some(super::Implementation::Function(f)) => Value::ScriptBlock(f.body.clone()),
                    _ => Value::Null,
                },
            );
        }
        let q = Qualifier::parse(scope.as_deref());
        let lower = var.name.to_ascii_lowercase();
        if q == Qualifier::None {
            match lower.as_str() {
                "null" => return Ok(Value::Null),
                "true" => return Ok(Value::Bool(true)),
                "false" => return Ok(Value::Bool(false)),
                "?" => return Ok(Value::Bool(self.last_success)),
                "error" => return Ok(Value::Array(self.errors.clone())),
                // `$input` is an enumerator: reading it once uses it up (a second
                // `@($input)` is empty), as pwsh's ArrayListEnumeratorSimple.
                "input" => {
                    if let Some(idx) = self.scopes.locate("input", Qualifier::None)
                        && let Some(var) = self.scopes.get_at(idx, "input")
                        && matches!(var.value, Value::Array(_))
                    {
                        let v = var.value.clone();
                        self.scopes.set_at(idx, "input", Value::array(Vec::new()));
                        return Ok(v);
                    }
                }
                "psitem" => {
                    return Ok(self
                        .scopes
                        .get("_", Qualifier::None)
                        .map(|v| v.value.clone())
                        .unwrap_or(Value::Null));
                }
                // The file the running code was written in (a function keeps its file's).
                "psscriptroot" => {
                    return Ok(Value::str(
                        self.running_script_path()
                            .as_deref()
                            .and_then(|p| p.parent())
                            .map(|p| p.display().to_string())
                            .unwrap_or_default(),
                    ));
                }
                "pscommandpath" => {
                    return Ok(Value::str(
                        self.running_script_path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_default(),
                    ));
                }
                "pwd" => return Ok(super::files::path_info(&self.location)),
                "psversiontable" => return Ok(ps_version_table()),
                "pscmdlet" => return Ok(self.ps_cmdlet_value()),
                "myinvocation" => return Ok(self.my_invocation_value()),
                _ => {}
            }
        }
        if let Some(v) = self.scopes.get(&var.name, q) {
            return Ok(v.value.clone());
        }
        if self.strict_mode() >= 1 && !self.in_string && lower != "_" {
            return Err(self.runtime_error_at(
                "VariableIsUndefined",
                format!(
                    "The variable '${}' cannot be retrieved because it has not been set.",
                    var.name
                ),
                ErrorCategory::InvalidOperation,
                span,
            ));
        }
        Ok(Value::Null)
    }

    /// The script file the running code comes from, if any.
    fn running_script_path(&self) -> Option<std::path::PathBuf> {
        match self.sources.last() {
            Some(source) => source.path.clone(),
            None => self.script_paths.last().cloned(),
        }
    }

    /// Assigns to a variable, honouring an existing type constraint.
    pub(crate) fn write_variable(
        &mut self,
        var: &VariableRef,
        value: Value,
        span: Span,
    ) -> Result<(), Flow> {
        let scope = var.scope.as_deref().map(str::to_ascii_lowercase);
        if scope.as_deref() == Some("env") {
            let text = if value.is_null() {
                None
            } else {
                Some(value.to_ps_string())
            };
            set_env_var(&var.name, text.as_deref());
            return Ok(());
        }
        // `${function:Name} = { ... }` defines (or redefines) the function Name.
        if scope.as_deref() == Some("function")
            && let Value::ScriptBlock(body) = &value
        {
            let f = std::rc::Rc::new(crate::syntax::ast::FunctionDef {
                name: var.name.clone(),
                name_span: span,
                is_filter: false,
                parameters: Vec::new(),
                body: body.clone(),
                span,
            });
            let def = super::functions::function_definition(f);
            self.commands.define_function(def);
            return Ok(());
        }
        let q = Qualifier::parse(scope.as_deref());
        self.check_writable(&var.name, q, span)?;
        let value = match self.scopes.target(&var.name, q).and_then(|v| v.constraint) {
            Some(ty) => {
                let v = super::conversion::to_param_type(&value, &ty).map_err(|inner| {
                    self.runtime_record_error(super::errors::argument_transformation(inner), span)
                })?;
                if ty.kind == crate::vocab::ParamKind::Switch {
                    Value::switch(v.is_truthy())
                } else {
                    v
                }
            }
            None => value,
        };
        // `$ErrorView` converts what it is given to an ErrorView (its ArgumentTypeConverter).
        let value = if var.name.eq_ignore_ascii_case("ErrorView") {
            super::output::error_view_value(&value).map_err(|m| {
                self.runtime_record_error(super::errors::argument_transformation(m), span)
            })?
        } else {
            value
        };
        if var.name.eq_ignore_ascii_case("ErrorActionPreference")
            && super::session::ActionPreference::parse(&value.to_ps_string()).is_none()
        {
            return Err(self.runtime_error(
                "RuntimeException",
                super::conversion::to_enum(
                    &value,
                    &[
                        "SilentlyContinue",
                        "Stop",
                        "Continue",
                        "Inquire",
                        "Ignore",
                        "Suspend",
                        "Break",
                    ],
                    "System.Management.Automation.ActionPreference",
                )
                .err()
                .unwrap_or_default(),
                ErrorCategory::MetadataError,
                span,
            ));
        }
        self.scopes.set(&var.name, value, q);
        Ok(())
    }

    /// A ReadOnly or Constant variable where a write with `q` would land refuses the write
    /// (`$true` and `$false` are constants in every scope).
    pub(crate) fn check_writable(&self, name: &str, q: Qualifier, span: Span) -> Result<(), Flow> {
        let constant_automatic =
            name.eq_ignore_ascii_case("true") || name.eq_ignore_ascii_case("false");
        if constant_automatic
            || self
                .scopes
                .target(name, q)
                .is_some_and(|v| !v.options.writable())
        {
            return Err(self.runtime_record_error(super::errors::variable_not_writable(name), span));
        }
        Ok(())
    }

    /// Stores a value into an assignable expression.
    pub(crate) fn assign_value(&mut self, target: &Expr, value: Value) -> Result<(), Flow> {
        match &target.kind {
            ExprKind::Variable(var) => self.write_variable(var, value, target.span),
            ExprKind::Convert { type_name, operand } => {
                if let ExprKind::Variable(var) = &operand.kind {
                    // A value that does not convert is the variable's ArgumentTransformation
                    // error (MetadataError), not the cast's InvalidArgument.
                    // A type that does not exist is reported at the type constraint itself
                    // (`[NoSuchType]`), as pwsh does.
                    // An enum constraint takes a unique prefix of a name as every enum
                    // conversion does (EnumMinimumDisambiguation: `[Level]$l = 'hi'`).
                    let converted = super::dotnet::cast(self, value, &type_name.name, target.span);
                    let converted = match converted {
                        Err(Flow::Error(r, _)) if r.error_id == "TypeNotFound" => {
                            let at = Span {
                                start: type_name.span.start.saturating_sub(1),
                                end: type_name.span.end + 1,
                            };
                            return Err(self.runtime_error_at(
                                "TypeNotFound",
                                r.exception.message.clone(),
                                ErrorCategory::InvalidOperation,
                                at,
                            ));
                        }
                        other => other.map_err(super::errors::as_argument_transformation)?,
                    };
                    match super::conversion::param_type_for(&type_name.name) {
                        Some(ty) if var.scope.as_deref() != Some("env") => {
                            let q = Qualifier::parse(var.scope.as_deref());
                            self.check_writable(&var.name, q, target.span)?;
                            self.scopes.set_constrained(&var.name, converted, ty, q);
                            Ok(())
                        }
                        _ => self.write_variable(var, converted, target.span),
                    }
                } else {
                    Err(invalid_left_hand_side(self, target.span))
                }
            }
            ExprKind::Member {
                target: obj,
                member,
                ..
            } => {
                let o = self.eval(obj)?;
                let name = self.member_name(member)?;
                super::dotnet::set_member(self, &o, &name, value, target.span)
            }
            ExprKind::Index {
                target: obj, index, ..
            } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                super::dotnet::set_index(self, &o, &i, value, target.span)
            }
            // `$a.Foo() = 1` is a parameterized property to pwsh: the method is looked up as
            // for a call (a null target or a missing method is the call's error); the types
            // aapsh emulates have no settable parameterized property, so nothing is stored.
            ExprKind::InvokeMember { .. } => self.eval(target).map(drop),
            ExprKind::ArrayLiteral(targets) => {
                let items = value.enumerate();
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    let v = if i + 1 == n && items.len() > n {
                        Value::array(items[i..].to_vec())
                    } else {
                        items.get(i).cloned().unwrap_or(Value::Null)
                    };
                    self.assign_value(t, v)?;
                }
                Ok(())
            }
            ExprKind::Paren(stmt) => {
                if let crate::syntax::ast::StatementKind::Pipeline(p) = &stmt.kind
                    && let [only] = p.elements.as_slice()
                    && let crate::syntax::ast::ElementKind::Expression(e) = &only.kind
                {
                    return self.assign_value(e, value);
                }
                Err(invalid_left_hand_side(self, target.span))
            }
            _ => Err(invalid_left_hand_side(self, target.span)),
        }
    }
}

/// `PSObject.TypeNames.Insert(i, name)`, `.Add(name)`, `.Remove(name)` and `.Clear()` on the
/// object's own type names; `None` for other calls (and an Insert index out of range, which
/// the copy then reports).
fn change_type_names(
    owner: &std::rc::Rc<std::cell::RefCell<PsObject>>,
    method: &str,
    args: &[Value],
) -> Option<Value> {
    let mut o = owner.borrow_mut();
    let lower = method.to_ascii_lowercase();
    if !matches!(lower.as_str(), "insert" | "add" | "remove" | "clear") {
        return None;
    }
    // The list as pwsh shows it ends with System.Object (see `dotnet::get_member`).
    if o.is_custom() && !o.type_names.iter().any(|t| t == "System.Object") {
        o.type_names.push("System.Object".into());
    }
    match (lower.as_str(), args) {
        ("insert", [index, name]) => {
            let i = usize::try_from(index.as_i64()?).ok()?;
            if i > o.type_names.len() {
                return None;
            }
            o.type_names.insert(i, name.to_ps_string());
            Some(Value::Null)
        }
        ("add", [name]) => {
            o.type_names.push(name.to_ps_string());
            Some(Value::Null)
        }
        ("remove", [name]) => {
            let name = name.to_ps_string();
            let at = o.type_names.iter().position(|t| *t == name);
            if let Some(i) = at {
                o.type_names.remove(i);
            }
            Some(Value::Bool(at.is_some()))
        }
        ("clear", []) => {
            o.type_names.clear();
            Some(Value::Null)
        }
        _ => None,
    }
}

fn invalid_left_hand_side(s: &Session, span: Span) -> Flow {
    s.runtime_error(
        "InvalidLeftHandSide",
        "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
        ErrorCategory::ParserError,
        span,
    )
}

/// `[PSCustomObject]@{...}`: a custom object with the hashtable's keys in written order.
pub fn hashtable_to_object(v: &Value) -> Value {
    match v {
        Value::Hashtable(h) => {
            let mut o = PsObject::custom();
            for (k, v) in h.borrow().iter() {
                o.set(&k.to_ps_string(), v.clone());
            }
            Value::object(o)
        }
        other => other.clone(),
    }
}

/// Sets (or, for `None` or '', removes) a process environment variable, as `$env:NAME = ...`
/// does. Names and values the OS cannot hold (empty, `=`, NUL) are ignored rather than allowed
/// to panic in `std::env`.
pub fn set_env_var(name: &str, value: Option<&str>) {
    if name.is_empty() || name.contains(['=', '\0']) || value.is_some_and(|v| v.contains('\0')) {
        return;
    }
    // SAFETY of intent: environment changes are process-wide, as in pwsh.
    unsafe {
        match value {
            Some(v) if !v.is_empty() => std::env::set_var(name, v),
            _ => std::env::remove_var(name),
        }
    }
}

/// A `System.Version` (`$PSVersionTable.PSVersion`, `[version]'5.1'`): Major, Minor, Build and
/// Revision (-1 when not given), shown as the text it was written as. `None` for text that is not
/// a version.
pub fn parse_version(text: &str) -> Option<Value> {
    let parts: Vec<&str> = text.trim().split('.').collect();
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let mut numbers = [-1i64; 4];
    for (slot, part) in numbers.iter_mut().zip(&parts) {
        *slot = part.parse::<u32>().ok()?.into();
    }
    let shown: Vec<String> = numbers[..parts.len()].iter().map(i64::to_string).collect();
    let mut o = PsObject::new("System.Version").with_text(shown.join("."));
    for (name, n) in ["Major", "Minor", "Build", "Revision"].iter().zip(numbers) {
        o.set(name, Value::integer(n));
    }
    Some(Value::object(o))
}

/// `$PSVersionTable.PSVersion`: pwsh 6+ reports a `SemanticVersion` (Major, Minor, Patch,
/// PreReleaseLabel, BuildLabel), shown as `7.6.10`.
fn semantic_version(major: i64, minor: i64, patch: i64) -> Value {
    let o = PsObject::new("System.Management.Automation.SemanticVersion")
        .with_text(format!("{major}.{minor}.{patch}"))
        .with("Major", Value::integer(major))
        .with("Minor", Value::integer(minor))
        .with("Patch", Value::integer(patch))
        .with("PreReleaseLabel", Value::Null)
        .with("BuildLabel", Value::Null);
    Value::object(o)
}

fn ps_version_table() -> Value {
    let mut h = Hashtable::new(false);
    let (major, minor, patch) = crate::vocab::POWERSHELL_VERSION;
    h.insert(
        Value::str("PSVersion"),
        semantic_version(major.into(), minor.into(), patch.into()),
    );
    h.insert(Value::str("PSEdition"), Value::str("Core"));
    // pwsh reports `Unix` on Linux and macOS, `Win32NT` on Windows.
    let platform = if cfg!(windows) { "Win32NT" } else { "Unix" };
    h.insert(Value::str("Platform"), Value::str(platform));
    h.insert(
        Value::str("OS"),
        Value::str(format!(
            "aapsh {} (offline emulator)",
            env!("CARGO_PKG_VERSION")
        )),
    );
    Value::hashtable(h)
}

//! Script-defined types at run time (about_Classes, about_Enum): defining a script's enums and
//! classes before it runs (as pwsh does when it compiles a script), then what a class does —
//! constructing instances (`[C]::new()`, `New-Object C`, `[C]@{...}`), property defaults and
//! typed assignment, method and constructor calls with overloads by arity, static members,
//! inheritance and `ToString` overrides. Enum values and names live in the type table
//! (`vocab::script_types`), where every enum is looked up. Must not parse or format.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::syntax::ast::{
    MethodMember, PropertyMember, ScriptBlockAst, TypeDefinition, TypeDefinitionKind,
};
use crate::syntax::type_definition::{enum_is_flags, enum_underlying, enum_values};
use crate::syntax::{ParseError, ParseErrors, SourceFile};

use super::session::Session;

/// A class a script defined: its definition, its base class, and its static properties.
#[derive(Debug)]
pub struct ClassDef {
    pub name: String,
    pub base: Option<Rc<ClassDef>>,
    pub def: Rc<TypeDefinition>,
    /// The file the class was written in (errors in its methods point into it).
    pub source: Rc<SourceFile>,
    /// Static property values, by name as declared.
    pub statics: RefCell<IndexMap<String, super::value::Value>>,
}

impl ClassDef {
    fn own_properties(&self) -> &[PropertyMember] {
        match &self.def.kind {
            TypeDefinitionKind::Class { properties, .. } => properties,
            TypeDefinitionKind::Enum { .. } => &[],
        }
    }

    fn own_methods(&self) -> &[MethodMember] {
        match &self.def.kind {
            TypeDefinitionKind::Class { methods, .. } => methods,
            TypeDefinitionKind::Enum { .. } => &[],
        }
    }

    /// This class, then its bases, nearest first.
    pub fn chain(self: &Rc<Self>) -> Vec<Rc<ClassDef>> {
        let mut out = vec![self.clone()];
        let mut at = self.base.clone();
        while let Some(c) = at {
            at = c.base.clone();
            out.push(c);
        }
        out
    }

    /// The class's name then its bases' names.
    pub fn type_names(self: &Rc<Self>) -> Vec<String> {
        let mut names: Vec<String> = self.chain().iter().map(|c| c.name.clone()).collect();
        names.push("System.Object".to_string());
        names
    }
}

/// The property declared (here or in a base) under `name`.
pub fn find_property<'a>(
    class: &'a Rc<ClassDef>,
    name: &str,
    is_static: bool,
) -> Option<(Rc<ClassDef>, &'a PropertyMember)> {
    let mut at: Option<&'a Rc<ClassDef>> = Some(class);
    while let Some(c) = at {
        if let Some(p) = c
            .own_properties()
            .iter()
            .find(|p| p.is_static == is_static && p.name.eq_ignore_ascii_case(name))
        {
            return Some((c.clone(), p));
        }
        at = c.base.as_ref();
    }
    None
}

/// Every method (or constructor) named `name`: the most derived overrides first.
pub fn find_methods<'a>(
    class: &'a Rc<ClassDef>,
    name: &str,
    is_static: bool,
    constructors: bool,
) -> Vec<(Rc<ClassDef>, &'a MethodMember)> {
    let mut out: Vec<(Rc<ClassDef>, &'a MethodMember)> = Vec::new();
    let mut at: Option<&'a Rc<ClassDef>> = Some(class);
    while let Some(c) = at {
        for m in c.own_methods() {
            if m.is_constructor != constructors
                || m.is_static != is_static
                || !m.name.eq_ignore_ascii_case(name)
            {
                continue;
            }
            // An override hides the base method with the same number of parameters.
            if out
                .iter()
                .any(|(_, o)| o.parameters.len() == m.parameters.len())
            {
                continue;
            }
            out.push((c.clone(), m));
        }
        if constructors {
            break;
        }
        at = c.base.as_ref();
    }
    out
}

impl Session {
    /// Defines every enum and class of a parsed script before it runs (pwsh defines them when
    /// it compiles the script, so a type may be used above its definition). A base class that
    /// is neither defined by the script nor earlier is reported as pwsh's parser does
    /// (TypeNotFound), and then nothing runs.
    pub fn define_types(&mut self, ast: &ScriptBlockAst) -> Result<(), ParseErrors> {
        if ast.type_definitions.is_empty() {
            return Ok(());
        }
        let mut errors = Vec::new();
        for def in &ast.type_definitions {
            if let TypeDefinitionKind::Enum { .. } = &def.kind {
                crate::vocab::script_types::define_enum(
                    &def.name,
                    enum_is_flags(def),
                    enum_underlying(def),
                    enum_values(def),
                );
            }
        }
        // A base class must be defined before the class deriving from it (earlier in the
        // script, or by an earlier script).
        let mut defined: HashMap<String, Rc<ClassDef>> = HashMap::new();
        for def in &ast.type_definitions {
            let TypeDefinitionKind::Class { bases, .. } = &def.kind else {
                continue;
            };
            let base = match bases.first() {
                None => None,
                Some(b) if is_object(&b.name) => None,
                Some(b) => {
                    let key = b.name.to_ascii_lowercase();
                    match defined.get(&key).or_else(|| self.classes.get(&key)) {
                        Some(c) => Some(c.clone()),
                        None => {
                            errors.push(ParseError {
                                id: "TypeNotFound",
                                message: format!("Unable to find type [{}].", b.name),
                                span: b.span,
                                incomplete: false,
                            });
                            continue;
                        }
                    }
                }
            };
            let class = Rc::new(ClassDef {
                name: def.name.clone(),
                base,
                def: def.clone(),
                source: ast.source.clone(),
                statics: RefCell::new(IndexMap::new()),
            });
            defined.insert(def.name.to_ascii_lowercase(), class);
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span.start);
            return Err(ParseErrors {
                source: ast.source.clone(),
                errors,
            });
        }
        let mut new_classes = Vec::new();
        for def in &ast.type_definitions {
            let key = def.name.to_ascii_lowercase();
            if let Some(class) = defined.remove(&key) {
                crate::vocab::script_types::define_class(
                    class.chain().iter().map(|c| c.name.clone()).collect(),
                );
                self.classes.insert(key, class.clone());
                new_classes.push(class);
            } else {
                self.classes.remove(&key);
            }
        }
        // Static properties get their initial values once every type exists; an error there
        // is reported and the script still runs (pwsh: a type initializer exception later).
        for class in new_classes {
            if let Err(super::flow::Flow::Error(rec, _)) = self.initialize_statics(&class) {
                self.display_error(&rec);
            }
        }
        Ok(())
    }

    /// pwsh resolves a script's parameter types before the script's own types exist: a
    /// parameter typed with an enum or class the same script defines fails with TypeNotFound
    /// at the type (terminating the script).
    pub(crate) fn script_param_types_defined(
        &mut self,
        ast: &ScriptBlockAst,
    ) -> Result<(), super::flow::Flow> {
        let Some(block) = &ast.param_block else {
            return Ok(());
        };
        for p in &block.params {
            let Some(t) = &p.type_constraint else {
                continue;
            };
            let element = t.name.trim_end_matches("[]");
            if ast
                .type_definitions
                .iter()
                .any(|d| d.name.eq_ignore_ascii_case(element))
            {
                let at = crate::syntax::Span {
                    start: t.span.start.saturating_sub(1),
                    end: t.span.end + 1,
                };
                self.sources.push(ast.source.clone());
                let flow = self.runtime_error_at(
                    "TypeNotFound",
                    format!("Unable to find type [{}].", t.name),
                    super::error_record::ErrorCategory::InvalidOperation,
                    at,
                );
                self.sources.pop();
                return Err(match flow {
                    super::flow::Flow::Error(r, _) => {
                        super::flow::Flow::Error(r, super::flow::Termination::Script)
                    }
                    other => other,
                });
            }
        }
        Ok(())
    }

    /// A class the session defined, by name (case-insensitively).
    pub fn class(&self, name: &str) -> Option<Rc<ClassDef>> {
        self.classes.get(&name.to_ascii_lowercase()).cloned()
    }
}

fn is_object(name: &str) -> bool {
    name.eq_ignore_ascii_case("object") || name.eq_ignore_ascii_case("System.Object")
}

/// The hidden state of a script class's instance: its class, and its `hidden` properties
/// (kept out of the property bag so that tables, lists and Select-Object do not show them).
#[derive(Clone, Debug)]
pub struct Instance {
    pub class: Rc<ClassDef>,
    pub hidden: IndexMap<String, Value>,
}

use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::flow::Flow;
use super::scope::Qualifier;
use super::session::Out;
use super::value::{Native, PsObject, Value};
use crate::syntax::Span;
use crate::syntax::ast::ParamDecl;

/// The script class behind a value, if it is an instance of one.
pub fn instance_class(v: &Value) -> Option<Rc<ClassDef>> {
    match v {
        Value::Object(o) => match &o.borrow().native {
            Some(Native::ScriptInstance(i)) => Some(i.class.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The default value of a property with no initializer: 0 (of the type), `$false`, the enum's
/// zero, or `$null`.
fn type_default(type_name: Option<&str>) -> Value {
    use super::number::{NumKind, Number};
    let Some(t) = type_name else {
        return Value::Null;
    };
    let full = super::dotnet::full_type_name(t);
    if full == "System.Boolean" || full == "System.Management.Automation.SwitchParameter" {
        return Value::Bool(false);
    }
    if let Some(kind) = NumKind::from_full_name(&full) {
        return Number::Int32(0)
            .convert(kind)
            .map_or(Value::int(0), Value::Num);
    }
    if let Some(info) = crate::vocab::dotnet::enum_info(&full) {
        return Value::Enum(super::value::EnumValue::new(info.name, 0));
    }
    Value::Null
}

fn param_type_name(p: &ParamDecl) -> String {
    p.type_constraint
        .as_ref()
        .map_or_else(|| "System.Object".to_string(), |t| t.name.clone())
}

/// A method's signature as Get-Member shows it: `string Show(int w)`.
pub fn method_definition(m: &MethodMember) -> String {
    let ret = m
        .return_type
        .as_ref()
        .map_or("void".to_string(), |t| definition_type(&t.name));
    let params: Vec<String> = m
        .parameters
        .iter()
        .map(|p| format!("{} {}", definition_type(&param_type_name(p)), p.name))
        .collect();
    let prefix = if m.is_static { "static " } else { "" };
    format!("{prefix}{ret} {}({})", m.name, params.join(", "))
}

/// A type as Get-Member's definitions write it (`int`, `string`, `System.Object`).
pub fn definition_type(written: &str) -> String {
    let full = super::dotnet::full_type_name(written);
    let short = match full.as_str() {
        "System.Int32" => "int",
        "System.Int64" => "long",
        "System.String" => "string",
        "System.Boolean" => "bool",
        "System.Double" => "double",
        "System.Object" => "System.Object",
        "System.Byte" => "byte",
        "System.Char" => "char",
        "System.Decimal" => "decimal",
        "System.Single" => "float",
        "System.Void" => "void",
        "System.Collections.Hashtable" => "hashtable",
        "System.DateTime" => "datetime",
        "System.Object[]" => "System.Object[]",
        "System.String[]" => "string[]",
        "System.Int32[]" => "int[]",
        other => return other.to_string(),
    };
    short.to_string()
}

impl ClassDef {
    /// Every instance property, in the order an instance lists them (this class's own, then
    /// each base's), with the class declaring it.
    pub fn instance_properties(self: &Rc<Self>) -> Vec<(Rc<ClassDef>, usize)> {
        let mut out = Vec::new();
        for c in self.chain() {
            for (i, p) in c.own_properties().iter().enumerate() {
                if !p.is_static {
                    out.push((c.clone(), i));
                }
            }
        }
        out
    }

    pub fn property(&self, i: usize) -> &PropertyMember {
        &self.own_properties()[i]
    }

    /// Every method an instance answers (not constructors, not static), for Get-Member:
    /// the most derived definition of each name and arity.
    pub fn instance_methods(self: &Rc<Self>) -> Vec<(Rc<ClassDef>, usize)> {
        let mut out: Vec<(Rc<ClassDef>, usize)> = Vec::new();
        for c in self.chain() {
            for (i, m) in c.own_methods().iter().enumerate() {
                if m.is_static || m.is_constructor || m.hidden {
                    continue;
                }
                let shadowed = out.iter().any(|(oc, oi)| {
                    let o = &oc.own_methods()[*oi];
                    o.name.eq_ignore_ascii_case(&m.name) && o.parameters.len() == m.parameters.len()
                });
                if !shadowed {
                    out.push((c.clone(), i));
                }
            }
        }
        out
    }

    pub fn method(&self, i: usize) -> &MethodMember {
        &self.own_methods()[i]
    }

    /// True when the class (or a base) overrides `ToString()`.
    pub fn overrides_to_string(self: &Rc<Self>) -> bool {
        !find_methods(self, "ToString", false, false)
            .into_iter()
            .filter(|(_, m)| m.parameters.is_empty())
            .collect::<Vec<_>>()
            .is_empty()
    }

    fn has_parameterless_constructor(&self) -> bool {
        let ctors: Vec<&MethodMember> = self
            .own_methods()
            .iter()
            .filter(|m| m.is_constructor)
            .collect();
        ctors.is_empty() || ctors.iter().any(|m| m.parameters.is_empty())
    }
}

impl Session {
    /// Sets the static properties of newly defined classes to their initial values.
    pub(crate) fn initialize_statics(&mut self, class: &Rc<ClassDef>) -> Result<(), Flow> {
        for p in class.own_properties().iter().filter(|p| p.is_static) {
            let ty = p.type_name.as_ref().map(|t| t.name.clone());
            let value = match &p.default {
                Some(e) => {
                    self.sources.push(class.source.clone());
                    let v = self.eval(e);
                    self.sources.pop();
                    let v = v?;
                    self.convert_for_property(v, ty.as_deref(), &p.name, e.span)?
                }
                None => type_default(ty.as_deref()),
            };
            class.statics.borrow_mut().insert(p.name.clone(), value);
        }
        Ok(())
    }

    fn convert_for_property(
        &mut self,
        v: Value,
        ty: Option<&str>,
        _name: &str,
        span: Span,
    ) -> Result<Value, Flow> {
        match ty {
            None => Ok(v),
            Some(t) => super::dotnet::cast(self, v, t, span),
        }
    }

    /// `[C]::new(args)`: a new instance, its properties set to their defaults, then the
    /// constructor chosen by the number of arguments (a class without one has a parameterless
    /// one), after its base class's constructor.
    pub fn construct(
        &mut self,
        class: &Rc<ClassDef>,
        args: Vec<Value>,
        span: Span,
    ) -> Result<Value, Flow> {
        let ctors = find_methods(class, &class.name, false, true);
        let fits = (ctors.is_empty() && args.is_empty())
            || ctors.iter().any(|(_, m)| m.parameters.len() == args.len());
        if !fits {
            return Err(super::dotnet::overload_error_at(
                self,
                "new",
                args.len(),
                span,
            ));
        }
        let mut obj = PsObject::new(class.name.clone());
        obj.type_names = class.type_names();
        let mut hidden = IndexMap::new();
        // Defaults: a base's properties before its derived class's.
        let mut values: Vec<(String, bool, Value)> = Vec::new();
        for c in class.chain().into_iter().rev() {
            for p in c.own_properties().iter().filter(|p| !p.is_static) {
                let ty = p.type_name.as_ref().map(|t| t.name.clone());
                let v = match &p.default {
                    Some(e) => {
                        self.sources.push(c.source.clone());
                        let v = self.eval(e);
                        self.sources.pop();
                        let v = v?;
                        self.convert_for_property(v, ty.as_deref(), &p.name, e.span)?
                    }
                    None => type_default(ty.as_deref()),
                };
                values.push((p.name.clone(), p.hidden, v));
            }
        }
        // Listed as the instance lists them: the class's own properties first.
        for (c, i) in class.instance_properties() {
            let p = c.property(i);
            if let Some((_, _, v)) = values.iter().find(|(n, _, _)| n == &p.name) {
                if p.hidden {
                    hidden.insert(p.name.clone(), v.clone());
                } else {
                    obj.set(&p.name, v.clone());
                }
            }
        }
        obj.native = Some(Native::ScriptInstance(Box::new(Instance {
            class: class.clone(),
            hidden,
        })));
        let this = Value::object(obj);
        self.run_constructor(class, &this, args, span)?;
        Ok(this)
    }

    /// Runs the constructor of `class` that takes `args` (its base's first).
    fn run_constructor(
        &mut self,
        class: &Rc<ClassDef>,
        this: &Value,
        args: Vec<Value>,
        span: Span,
    ) -> Result<(), Flow> {
        let ctors = find_methods(class, &class.name, false, true);
        let chosen = ctors
            .into_iter()
            .find(|(_, m)| m.parameters.len() == args.len());
        let Some((owner, ctor)) = chosen else {
            // The implicit parameterless constructor: the base's parameterless one.
            if let Some(base) = &class.base {
                self.run_constructor(base, this, Vec::new(), span)?;
            }
            return Ok(());
        };
        let index = owner
            .own_methods()
            .iter()
            .position(|m| std::ptr::eq(m, ctor))
            .unwrap_or(0);
        self.invoke_member(&owner, index, Some(this.clone()), args, span, true)?;
        Ok(())
    }

    /// Calls a method (or constructor) with `this`: binds the arguments to its parameters
    /// (converted to their types), runs the body in a scope of its own with its output
    /// discarded, and gives what `return` returned, converted to the return type.
    fn invoke_member(
        &mut self,
        owner: &Rc<ClassDef>,
        index: usize,
        this: Option<Value>,
        args: Vec<Value>,
        span: Span,
        is_constructor: bool,
    ) -> Result<Value, Flow> {
        let m = owner.method(index);
        let shown_name = if is_constructor {
            ".ctor"
        } else {
            m.name.as_str()
        };
        let mut bound = Vec::with_capacity(args.len());
        for (p, a) in m.parameters.iter().zip(args) {
            let v = match &p.type_constraint {
                None => a,
                Some(t) => {
                    let ofs = " ";
                    match super::dotnet::convert_to(a.clone(), &t.name, ofs) {
                        Ok(v) => v,
                        Err(failure) => {
                            let inner = match failure {
                                super::dotnet::CastFailure::Message(m) => m,
                                super::dotnet::CastFailure::TypeNotFound => {
                                    format!("Unable to find type [{}].", t.name)
                                }
                            };
                            let full = super::dotnet::full_type_name(&t.name);
                            let rec = ErrorRecord::new(
                                ExceptionInfo::new(
                                    "System.Management.Automation.MethodException",
                                    format!(
                                        "Cannot convert argument \"{}\", with value: \"{}\", for \"{shown_name}\" to type \"{full}\": \"{inner}\"",
                                        p.name,
                                        a.to_ps_string()
                                    ),
                                ),
                                "MethodArgumentConversionInvalidCastArgument",
                                ErrorCategory::NotSpecified,
                            );
                            return Err(self.runtime_record_error(rec, span));
                        }
                    }
                }
            };
            bound.push((p.name.clone(), v));
        }
        if self.call_depth >= super::session::MAX_CALL_DEPTH {
            return Err(self.runtime_error(
                "CallDepthOverflow",
                "The script failed due to call depth overflow.",
                ErrorCategory::InvalidOperation,
                span,
            ));
        }
        self.scopes.push(super::scope::ScopeKind::Function);
        if let Some(t) = &this {
            self.scopes.set("this", t.clone(), Qualifier::Local);
        }
        for (name, v) in bound {
            self.scopes.set(&name, v, Qualifier::Local);
        }
        self.call_depth += 1;
        self.method_frames.push(self.call_depth);
        let saved_return = self.method_return.take();
        // A base constructor call runs first, with this constructor's parameters in scope.
        let mut result = Ok(());
        if is_constructor {
            let base_args = m.base_args.as_deref();
            match (&owner.base, base_args) {
                (Some(base), Some(exprs)) => {
                    self.sources.push(owner.source.clone());
                    let mut values = Vec::new();
                    for e in exprs {
                        match self.eval(e) {
                            Ok(v) => values.push(v),
                            Err(f) => {
                                result = Err(f);
                                break;
                            }
                        }
                    }
                    self.sources.pop();
                    if result.is_ok()
                        && let Some(t) = &this
                    {
                        result = self.run_constructor(base, t, values, span);
                    }
                }
                (Some(base), None) => {
                    if let Some(t) = &this {
                        result = self.run_constructor(base, t, Vec::new(), span);
                    }
                }
                _ => {}
            }
        }
        if result.is_ok()
            && let Some(body) = &m.body.end
        {
            let body_sb = m.body.clone();
            result = self.exec_block_in_source(&body_sb, body, &mut Out::Discard);
        }
        let returned = self.method_return.take();
        self.method_return = saved_return;
        self.method_frames.pop();
        self.call_depth -= 1;
        self.leave_scope();
        match result {
            Ok(()) | Err(Flow::Return) => {}
            Err(other) => return Err(other),
        }
        let returns_void = is_constructor
            || m.return_type
                .as_ref()
                .is_none_or(|t| t.name.eq_ignore_ascii_case("void"));
        if returns_void {
            return Ok(Value::Null);
        }
        let Some((value, at)) = returned else {
            return Ok(Value::Null);
        };
        let ty = m
            .return_type
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default();
        self.sources.push(owner.source.clone());
        let saved_point = self.sequence_point.take();
        let converted = super::dotnet::cast(self, value, &ty, at);
        self.sequence_point = saved_point;
        // The error points into the class, where the value was returned.
        let converted = converted.map_err(|f| match f {
            Flow::Error(r, t) => {
                let mut r = (*r).clone();
                if let Some(inv) = &mut r.invocation {
                    inv.extent = at;
                }
                Flow::Error(Rc::new(r), t)
            }
            other => other,
        });
        self.sources.pop();
        converted
    }

    /// `return value` inside a method body (not inside a script block or function it calls):
    /// the value is what the method returns; the rest of its output is discarded.
    pub(crate) fn method_return_here(&self) -> bool {
        self.method_frames.last() == Some(&self.call_depth)
    }

    pub(crate) fn set_method_return(&mut self, value: Value, at: Span) {
        self.method_return = Some((value, at));
    }

    /// `$obj.Name(args)` on a script class instance: the overload taking that many arguments.
    /// None when the class has no method by that name (the common members then answer).
    pub fn call_instance_method(
        &mut self,
        this: &Value,
        class: &Rc<ClassDef>,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Option<Result<Value, Flow>> {
        let methods = find_methods(class, name, false, false);
        if methods.is_empty() {
            return None;
        }
        Some(self.call_overload(methods, Some(this.clone()), name, args, span))
    }

    fn call_overload(
        &mut self,
        methods: Vec<(Rc<ClassDef>, &MethodMember)>,
        this: Option<Value>,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Result<Value, Flow> {
        let Some((owner, m)) = methods
            .iter()
            .find(|(_, m)| m.parameters.len() == args.len())
            .cloned()
        else {
            return Err(super::dotnet::overload_error_at(
                self,
                name,
                args.len(),
                span,
            ));
        };
        let index = owner
            .own_methods()
            .iter()
            .position(|x| std::ptr::eq(x, m))
            .unwrap_or(0);
        self.invoke_member(&owner, index, this, args, span, false)
    }

    /// `[C]::Name(args)`: a static method of a script class (`new` constructs).
    pub fn call_static_method(
        &mut self,
        class: &Rc<ClassDef>,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Option<Result<Value, Flow>> {
        if name.eq_ignore_ascii_case("new") {
            return Some(self.construct(class, args, span));
        }
        let methods = find_methods(class, name, true, false);
        if methods.is_empty() {
            return None;
        }
        Some(self.call_overload(methods, None, name, args, span))
    }

    /// `[C]::Name`: a static property of a script class (or a base).
    pub fn class_static(&self, class: &Rc<ClassDef>, name: &str) -> Option<Value> {
        for c in class.chain() {
            if let Some((_, v)) = c
                .statics
                .borrow()
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                return Some(v.clone());
            }
        }
        None
    }

    /// `[C]::Name = value`, converted to the property's type. False when there is no such
    /// static property.
    pub fn set_class_static(
        &mut self,
        class: &Rc<ClassDef>,
        name: &str,
        value: Value,
        span: Span,
    ) -> Result<bool, Flow> {
        let Some((owner, p)) = find_property(class, name, true) else {
            return Ok(false);
        };
        let ty = p.type_name.as_ref().map(|t| t.name.clone());
        let pname = p.name.clone();
        let v = self.convert_property_value(value, ty.as_deref(), &pname, span)?;
        owner.statics.borrow_mut().insert(pname, v);
        Ok(true)
    }

    /// A value assigned to a typed property, converted; pwsh's SetValueInvocationException
    /// when it does not convert.
    fn convert_property_value(
        &mut self,
        value: Value,
        ty: Option<&str>,
        name: &str,
        span: Span,
    ) -> Result<Value, Flow> {
        let Some(t) = ty else {
            return Ok(value);
        };
        match super::dotnet::convert_to(value, t, " ") {
            Ok(v) => Ok(v),
            Err(f) => {
                let inner = match f {
                    super::dotnet::CastFailure::Message(m) => m,
                    super::dotnet::CastFailure::TypeNotFound => {
                        format!("Unable to find type [{t}].")
                    }
                };
                let r = super::errors::set_value_failed(
                    name,
                    "System.Management.Automation.PSInvalidCastException",
                    inner,
                );
                Err(self.runtime_record_error(r, span))
            }
        }
    }

    /// `$obj.Name = value` on an instance: the property's type converts the value. None when
    /// the class declares no such property.
    pub fn set_instance_property(
        &mut self,
        target: &Value,
        name: &str,
        value: Value,
        span: Span,
    ) -> Option<Result<(), Flow>> {
        let Value::Object(o) = target else {
            return None;
        };
        let class = instance_class(target)?;
        let (_, p) = find_property(&class, name, false)?;
        let ty = p.type_name.as_ref().map(|t| t.name.clone());
        let pname = p.name.clone();
        let hidden = p.hidden;
        let v = match self.convert_property_value(value, ty.as_deref(), &pname, span) {
            Ok(v) => v,
            Err(f) => return Some(Err(f)),
        };
        let mut o = o.borrow_mut();
        if hidden {
            if let Some(Native::ScriptInstance(i)) = &mut o.native {
                i.hidden.insert(pname, v);
            }
        } else {
            o.set(&pname, v);
        }
        Some(Ok(()))
    }

    /// `$obj.Name` for a hidden property of an instance.
    pub fn hidden_property(target: &Value, name: &str) -> Option<Value> {
        let Value::Object(o) = target else {
            return None;
        };
        match &o.borrow().native {
            Some(Native::ScriptInstance(i)) => i
                .hidden
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            _ => None,
        }
    }

    /// `[C]value`: an instance as is; a hashtable (or a PSCustomObject) sets the properties of
    /// a new instance made with the parameterless constructor; another value goes to a
    /// constructor taking one argument. pwsh's messages when none applies.
    pub fn convert_to_class(
        &mut self,
        class: &Rc<ClassDef>,
        value: Value,
        span: Span,
    ) -> Result<Value, Flow> {
        if let Some(c) = instance_class(&value)
            && c.chain().iter().any(|x| Rc::ptr_eq(x, class))
        {
            return Ok(value);
        }
        if value.is_null() {
            return Ok(Value::Null);
        }
        let pairs: Option<Vec<(String, Value)>> = match &value {
            Value::Hashtable(h) => Some(
                h.borrow()
                    .iter()
                    .map(|(k, v)| (k.to_ps_string(), v.clone()))
                    .collect(),
            ),
            Value::Object(o) if o.borrow().is_custom() => Some(
                o.borrow()
                    .properties()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            ),
            _ => None,
        };
        let cannot = |s: &Session, value: &Value| {
            let shown = match value {
                Value::Hashtable(_) => "System.Collections.Hashtable".to_string(),
                other => other.to_ps_string(),
            };
            s.runtime_error(
                "ConvertToFinalInvalidCastException",
                format!(
                    "Cannot convert the \"{shown}\" value of type \"{}\" to type \"{}\".",
                    value.type_name(),
                    class.name
                ),
                ErrorCategory::InvalidArgument,
                span,
            )
        };
        if let Some(pairs) = pairs {
            if !class.has_parameterless_constructor() {
                return Err(cannot(self, &value));
            }
            let obj = self.construct(class, Vec::new(), span)?;
            for (k, v) in pairs {
                let Some((_, p)) = find_property(class, &k, false) else {
                    let settable: Vec<String> = class
                        .instance_properties()
                        .iter()
                        .map(|(c, i)| {
                            let p = c.property(*i);
                            let ty = p
                                .type_name
                                .as_ref()
                                .map_or("System.Object".to_string(), |t| {
                                    super::dotnet::full_type_name(&t.name)
                                });
                            format!("[{} <{ty}>]", p.name)
                        })
                        .collect();
                    return Err(self.runtime_error(
                        "ObjectCreationError",
                        format!(
                            "Cannot create object of type \"{}\". The property '{k}' was not found for the '{}' object. The settable properties are: {}.",
                            class.name,
                            class.name,
                            settable.join(" ")
                        ),
                        ErrorCategory::InvalidArgument,
                        span,
                    ));
                };
                let ty = p.type_name.as_ref().map(|t| t.name.clone());
                let pname = p.name.clone();
                let converted = match ty {
                    None => v,
                    Some(t) => match super::dotnet::convert_to(v, &t, " ") {
                        Ok(c) => c,
                        Err(f) => {
                            let inner = match f {
                                super::dotnet::CastFailure::Message(m) => m,
                                super::dotnet::CastFailure::TypeNotFound => {
                                    format!("Unable to find type [{t}].")
                                }
                            };
                            return Err(self.runtime_error(
                                "ObjectCreationError",
                                format!("Cannot create object of type \"{}\". {inner}", class.name),
                                ErrorCategory::InvalidArgument,
                                span,
                            ));
                        }
                    },
                };
                if let Some(Err(f)) = self.set_instance_property(&obj, &pname, converted, span) {
                    return Err(f);
                }
            }
            return Ok(obj);
        }
        let one_arg = find_methods(class, &class.name, false, true)
            .iter()
            .any(|(_, m)| m.parameters.len() == 1);
        if one_arg {
            return self.construct(class, vec![value], span);
        }
        Err(cannot(self, &value))
    }

    /// `v` with each instance whose class overrides `ToString()` replaced by that text (for
    /// string expansion and `-join`, which take an object's ToString).
    pub(crate) fn with_class_text(&mut self, v: Value, span: Span) -> Result<Value, Flow> {
        match &v {
            Value::Object(_) => match self.class_to_string(&v, span) {
                Some(text) => Ok(Value::str(text?)),
                None => Ok(v),
            },
            Value::Array(items) => {
                let any = items.borrow().iter().any(|i| instance_class(i).is_some());
                if !any {
                    return Ok(v);
                }
                let elements = items.borrow().items.clone();
                let mut out = Vec::with_capacity(elements.len());
                for e in elements {
                    out.push(match self.class_to_string(&e, span) {
                        Some(text) => Value::str(text?),
                        None => e,
                    });
                }
                Ok(Value::array(out))
            }
            _ => Ok(v),
        }
    }

    /// What `ToString()` gives for an instance whose class overrides it; None otherwise.
    pub fn class_to_string(&mut self, v: &Value, span: Span) -> Option<Result<String, Flow>> {
        let class = instance_class(v)?;
        if !class.overrides_to_string() {
            return None;
        }
        Some(
            self.call_instance_method(v, &class, "ToString", Vec::new(), span)?
                .map(|r| r.to_ps_string()),
        )
    }
}

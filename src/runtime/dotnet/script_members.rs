//! The members Add-Member adds besides note properties: AliasProperty (reads and writes go to
//! the member it names), ScriptProperty (a getter and an optional setter script block) and
//! ScriptMethod (a script block called with arguments), each run with `$this` as the object.
//! Also the display copy that formatting, Select-Object and the converters read, in which every
//! computed property holds its value.

use std::rc::Rc;

use crate::runtime::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use crate::runtime::flow::Flow;
use crate::runtime::interpreter::collapse;
use crate::runtime::scope::Qualifier;
use crate::runtime::session::Session;
use crate::runtime::value::{EnumValue, ExtraMember, PsObject, Value};
use crate::syntax::Span;
use crate::syntax::ast::ScriptBlockAst;

/// The extra member `name` of `target`, when it is an object that has one.
fn extra_of(target: &Value, name: &str) -> Option<ExtraMember> {
    match target {
        Value::Object(o) => o.borrow().extra(name).cloned(),
        _ => None,
    }
}

/// Runs `sb` in a new scope with `$this` as `this` and `args` bound to its parameters (or
/// `$args`), giving its output as one value.
fn run_with_this(
    s: &mut Session,
    this: &Value,
    sb: &Rc<ScriptBlockAst>,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let saved = s
        .scopes
        .target("this", Qualifier::Local)
        .map(|v| v.value.clone());
    s.scopes.set("this", this.clone(), Qualifier::Local);
    let mut out = Vec::new();
    let result = s.invoke_block_collect(sb, args, Vec::new(), false, span, &mut out);
    match saved {
        Some(v) => s.scopes.set("this", v, Qualifier::Local),
        None => {
            s.scopes.remove("this", Qualifier::Local);
        }
    }
    result.map(|()| collapse(out))
}

/// `$obj.Name` for an alias or script property: `None` when `name` is neither. A getter that
/// fails gives `$null` without an error, as pwsh's member access does.
pub(super) fn get_extra(
    s: &mut Session,
    target: &Value,
    name: &str,
    span: Span,
) -> Option<Result<Value, Flow>> {
    match extra_of(target, name)? {
        ExtraMember::Alias(to) => Some(super::get_member(s, target, &to, false, span)),
        ExtraMember::Script { getter, .. } => Some(Ok(match getter {
            Some(sb) => run_with_this(s, target, &sb, Vec::new(), span).unwrap_or(Value::Null),
            None => Value::Null,
        })),
        ExtraMember::Method(_) => None,
    }
}

/// `$obj.Name = value` for an alias or script property: `None` when `name` is neither. The
/// setter's output is discarded; a script property without one refuses the assignment.
pub(super) fn set_extra(
    s: &mut Session,
    target: &Value,
    name: &str,
    value: Value,
    span: Span,
) -> Option<Result<(), Flow>> {
    match extra_of(target, name)? {
        ExtraMember::Alias(to) => Some(super::set_member(s, target, &to, value, span)),
        ExtraMember::Script {
            setter: Some(sb), ..
        } => Some(run_with_this(s, target, &sb, vec![value], span).map(drop)),
        ExtraMember::Script { setter: None, .. } => {
            let shown = match target {
                Value::Object(o) => o
                    .borrow()
                    .extras()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(n, _)| n.to_string()),
                _ => None,
            }
            .unwrap_or_else(|| name.to_string());
            let rec = ErrorRecord::new(
                ExceptionInfo::new(
                    "System.Management.Automation.SetValueException",
                    format!("Set accessor for property \"{shown}\" is unavailable."),
                ),
                "ScriptPropertySetterNotFound",
                ErrorCategory::NotSpecified,
            );
            Some(Err(s.runtime_record_error(rec, span)))
        }
        ExtraMember::Method(_) => None,
    }
}

/// `$obj.Name(args)` for a script method: `None` when `name` is not one.
pub(super) fn call_extra(
    s: &mut Session,
    target: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    match extra_of(target, name)? {
        ExtraMember::Method(sb) => Some(run_with_this(s, target, &sb, args.to_vec(), span)),
        _ => None,
    }
}

/// The object as formatting and the converters see it: a copy in which every alias and
/// script property is a note property holding its current value. Other values (and objects
/// without computed properties) are given back as they are.
pub fn settled(s: &mut Session, value: &Value) -> Value {
    let Value::Object(o) = value else {
        return value.clone();
    };
    if !o.borrow().has_computed_properties() {
        return value.clone();
    }
    let names: Vec<String> = o
        .borrow()
        .extras()
        .filter(|(_, m)| m.is_property())
        .map(|(n, _)| n.to_string())
        .collect();
    let span = Span::default();
    let values: Vec<(String, Value)> = names
        .into_iter()
        .map(|n| {
            let v = super::get_member(s, value, &n, false, span).unwrap_or(Value::Null);
            (n, v)
        })
        .collect();
    let mut copy = o.borrow().clone();
    copy.settle(values);
    Value::object(copy)
}

/// `settled` for each value.
pub fn settle_all(s: &mut Session, values: &[Value]) -> Vec<Value> {
    values.iter().map(|v| settled(s, v)).collect()
}

/// `$obj.PSObject.Properties`: a PSNoteProperty, PSAliasProperty or PSScriptProperty for each
/// property, in order, with its current value and the members pwsh lists for that kind.
pub(super) fn property_members(s: &mut Session, target: &Value) -> Vec<Value> {
    let Value::Object(o) = target else {
        return Vec::new();
    };
    let rows: Vec<(String, Value, Option<ExtraMember>)> = o
        .borrow()
        .properties()
        .map(|(n, v)| (n.to_string(), v.clone(), o.borrow().extra(n).cloned()))
        .collect();
    let span = Span::default();
    rows.into_iter()
        .map(|(name, stored, extra)| {
            let value = match &extra {
                Some(_) => super::get_member(s, target, &name, false, span).unwrap_or(Value::Null),
                None => stored,
            };
            let value_type = |v: &Value| {
                if v.is_null() {
                    "System.Object".to_string()
                } else {
                    v.type_name()
                }
            };
            let member = match extra {
                Some(ExtraMember::Script { getter, setter }) => {
                    let text = |b: &Option<Rc<ScriptBlockAst>>| match b {
                        Some(b) => Value::ScriptBlock(b.clone()),
                        None => Value::Null,
                    };
                    PsObject::new("System.Management.Automation.PSScriptProperty")
                        .with("GetterScript", text(&getter))
                        .with("SetterScript", text(&setter))
                        .with("MemberType", member_type("ScriptProperty"))
                        .with("IsSettable", Value::Bool(setter.is_some()))
                        .with("IsGettable", Value::Bool(getter.is_some()))
                        .with("Value", value)
                        .with("TypeNameOfValue", Value::str("System.Object"))
                }
                Some(ExtraMember::Alias(to)) => {
                    let shown = value_type(&value);
                    PsObject::new("System.Management.Automation.PSAliasProperty")
                        .with("ReferencedMemberName", Value::str(to))
                        .with("ConversionType", Value::Null)
                        .with("MemberType", member_type("AliasProperty"))
                        .with("TypeNameOfValue", Value::str(shown))
                        .with("IsSettable", Value::Bool(true))
                        .with("IsGettable", Value::Bool(true))
                        .with("Value", value)
                }
                _ => {
                    let shown = value_type(&value);
                    PsObject::new("System.Management.Automation.PSNoteProperty")
                        .with("MemberType", member_type("NoteProperty"))
                        .with("IsSettable", Value::Bool(true))
                        .with("IsGettable", Value::Bool(true))
                        .with("Value", value)
                        .with("TypeNameOfValue", Value::str(shown))
                }
            };
            Value::object(
                member
                    .with("Name", Value::str(&name))
                    .with("IsInstance", Value::Bool(true)),
            )
        })
        .collect()
}

/// A `System.Management.Automation.PSMemberTypes` value.
fn member_type(name: &str) -> Value {
    EnumValue::named("System.Management.Automation.PSMemberTypes", name)
        .map(Value::Enum)
        .unwrap_or_else(|| Value::str(name))
}

//! The generic collections of `System.Collections.Generic` beyond `List[T]`:
//! `Dictionary[K,V]` (a `Value::Hashtable` that knows its type arguments and comparer),
//! `HashSet[T]`, `Queue[T]` and `Stack[T]` (a `Value::Array` of their own kind, so the
//! pipeline, `-join` and `.Count` treat them as the enumerables they are). Every value stored is
//! converted to the type argument first, with the error pwsh's method binder gives when it
//! cannot be (`Cannot convert argument "item", with value: "x", for "Add" to type ...`).

use std::cell::RefCell;
use std::rc::Rc;

use super::*;
use crate::runtime::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::value::{
    Array, ArrayKind, DictionaryTypes, Hashtable, Native, PsObject, Value,
};
use crate::syntax::Span;

/// A generic collection type written in script, with its type arguments as full names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GenericType {
    Dictionary(String, String),
    HashSet(String),
    Queue(String),
    Stack(String),
}

/// The generic type a name written in script denotes (`System.Collections.Generic.HashSet[int]`,
/// with or without `System.`), or `None`.
pub fn generic_type_for(type_name: &str) -> Option<GenericType> {
    let trimmed = type_name.trim();
    let open = trimmed.find('[')?;
    let inner = trimmed[open + 1..].strip_suffix(']')?;
    let base = trimmed[..open].to_ascii_lowercase();
    let base = base.strip_prefix("system.").unwrap_or(&base);
    let base = base.strip_prefix("collections.generic.")?;
    let args: Vec<String> = split_type_args(inner)
        .into_iter()
        .map(|a| element_type_name(&a))
        .collect();
    match (base, args.as_slice()) {
        ("dictionary", [k, v]) => Some(GenericType::Dictionary(k.clone(), v.clone())),
        ("hashset", [t]) => Some(GenericType::HashSet(t.clone())),
        ("queue", [t]) => Some(GenericType::Queue(t.clone())),
        ("stack", [t]) => Some(GenericType::Stack(t.clone())),
        _ => None,
    }
}

/// A type argument's full name: `[int]` → `System.Int32`; a generic list or collection its
/// `GetType().FullName`.
fn element_type_name(arg: &str) -> String {
    let arg = arg.trim();
    let arg = arg
        .strip_prefix('[')
        .and_then(|a| a.strip_suffix(']'))
        .unwrap_or(arg);
    if let Some(kind) = super::lists::list_kind_for(arg) {
        return kind.type_name();
    }
    if let Some(g) = generic_type_for(arg) {
        return g.type_name();
    }
    full_type_name(arg)
}

/// `Dictionary[string, List[int]]`'s arguments: split at the commas outside brackets.
fn split_type_args(inner: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in inner.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out
}

impl GenericType {
    /// `GetType().FullName` of a value of this type (without assembly qualification).
    pub fn type_name(&self) -> String {
        match self {
            GenericType::Dictionary(k, v) => DictionaryTypes {
                key: Rc::from(k.as_str()),
                value: Rc::from(v.as_str()),
                ignore_case: false,
            }
            .type_name(),
            GenericType::HashSet(t) => ArrayKind::HashSet(Rc::from(t.as_str()), false).type_name(),
            GenericType::Queue(t) => ArrayKind::Queue(Rc::from(t.as_str())).type_name(),
            GenericType::Stack(t) => ArrayKind::Stack(Rc::from(t.as_str())).type_name(),
        }
    }
}

/// The short name `Type.Name` gives a generic type written in script (`List`1`,
/// `Dictionary`2`), or `None` for other names.
pub fn generic_short_name(type_name: &str) -> Option<&'static str> {
    if super::lists::list_kind_for(type_name).is_some_and(|k| k != ArrayKind::ArrayList) {
        return Some("List`1");
    }
    Some(match generic_type_for(type_name)? {
        GenericType::Dictionary(..) => "Dictionary`2",
        GenericType::HashSet(_) => "HashSet`1",
        GenericType::Queue(_) => "Queue`1",
        GenericType::Stack(_) => "Stack`1",
    })
}

/// The type names `[StringComparer]::X` gives, and whether each ignores case.
const COMPARERS: &[(&str, &str, bool)] = &[
    ("ordinal", "System.OrdinalCaseSensitiveComparer", false),
    (
        "ordinalignorecase",
        "System.OrdinalIgnoreCaseComparer",
        true,
    ),
    ("invariantculture", "System.CultureAwareComparer", false),
    (
        "invariantcultureignorecase",
        "System.CultureAwareComparer",
        true,
    ),
    ("currentculture", "System.CultureAwareComparer", false),
    (
        "currentcultureignorecase",
        "System.CultureAwareComparer",
        true,
    ),
];

/// `[System.StringComparer]::OrdinalIgnoreCase` and its siblings: an object of the comparer's
/// type that the collections' constructors read.
pub fn string_comparer(name: &str) -> Option<Value> {
    let lower = name.to_ascii_lowercase();
    let (_, type_name, ignore_case) = COMPARERS.iter().find(|(n, _, _)| *n == lower)?;
    let mut o = PsObject::new(*type_name).with_text(*type_name);
    o.type_names.push("System.StringComparer".into());
    o.type_names.push("System.Object".into());
    o.native = Some(Native::StringComparer {
        ignore_case: *ignore_case,
    });
    Some(Value::object(o))
}

/// True when the value is a string comparer (`Some(ignores case)`).
fn comparer_ignores_case(v: &Value) -> Option<bool> {
    match v {
        Value::Object(o) => match o.borrow().native {
            Some(Native::StringComparer { ignore_case }) => Some(ignore_case),
            _ => None,
        },
        _ => None,
    }
}

/// Converts a value stored into a collection to its type argument; the error is the method
/// binder's (`Cannot convert argument "item", ...`).
pub(crate) fn element_arg(
    s: &Session,
    value: &Value,
    ty: &str,
    param: &str,
    method: &str,
    span: Span,
) -> Result<Value, Flow> {
    converted(value, ty).map_err(|inner| {
        let shown = match value {
            Value::Null => "".to_string(),
            other => other.to_ps_string(),
        };
        let mut rec = ErrorRecord::new(
            ExceptionInfo::new(
                "System.Management.Automation.MethodException",
                format!(
                    "Cannot convert argument \"{param}\", with value: \"{shown}\", for \"{method}\" to type \"{ty}\": \"{inner}\""
                ),
            ),
            "MethodArgumentConversionInvalidCastArgument",
            ErrorCategory::NotSpecified,
        );
        rec.exception.inner = Some(Box::new(ExceptionInfo::new(
            "System.Management.Automation.PSInvalidCastException",
            "",
        )));
        s.runtime_record_error(rec, span)
    })
}

/// A value as the type argument `ty` (the conversion message on failure).
pub(crate) fn converted(value: &Value, ty: &str) -> Result<Value, String> {
    if ty == "System.Object" || ty == "System.Management.Automation.PSObject" {
        return Ok(value.clone());
    }
    if crate::runtime::number::NumKind::from_full_name(ty).is_some()
        || matches!(ty, "System.String" | "System.Char" | "System.Boolean")
    {
        if value.is_null() && crate::runtime::number::NumKind::from_full_name(ty).is_some() {
            return crate::runtime::dotnet::overloads::convert_argument(&Value::integer(0), ty);
        }
        return crate::runtime::dotnet::overloads::convert_argument(value, ty);
    }
    super::types::convert_to(value.clone(), ty, " ").map_err(|f| match f {
        super::types::CastFailure::TypeNotFound => {
            crate::runtime::conversion::cast_error(value, ty)
        }
        super::types::CastFailure::Message(m) => m,
    })
}

/// `[Dictionary[K,V]]::new(...)`, `[HashSet[T]]::new(...)`, ...: `None` when `ty` is not one of
/// these types.
pub(crate) fn construct(
    s: &mut Session,
    ty: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let generic = generic_type_for(ty)?;
    let ignore_case = args.iter().find_map(comparer_ignores_case).unwrap_or(false);
    // The items a collection starts with: an enumerable argument (a capacity is a number).
    let initial: Vec<Value> = args
        .iter()
        .find(|a| comparer_ignores_case(a).is_none() && !matches!(a, Value::Num(_) | Value::Null))
        .map(Value::enumerate)
        .unwrap_or_default();
    Some(build(s, generic, ignore_case, initial, "new", span))
}

fn build(
    s: &mut Session,
    generic: GenericType,
    ignore_case: bool,
    initial: Vec<Value>,
    method: &str,
    span: Span,
) -> Result<Value, Flow> {
    Ok(match generic {
        GenericType::Dictionary(k, v) => {
            let mut table = Hashtable::dictionary(DictionaryTypes {
                key: Rc::from(k.as_str()),
                value: Rc::from(v.as_str()),
                ignore_case,
            });
            for item in initial {
                if let Value::Hashtable(h) = item {
                    for (key, value) in h.borrow().iter() {
                        let key = element_arg(s, key, &k, "key", method, span)?;
                        let value = element_arg(s, value, &v, "value", method, span)?;
                        table.insert(key, value);
                    }
                }
            }
            Value::hashtable(table)
        }
        GenericType::HashSet(t) => {
            let kind = ArrayKind::HashSet(Rc::from(t.as_str()), ignore_case);
            let mut items: Vec<Value> = Vec::new();
            for item in initial {
                let item = element_arg(s, &item, &t, "collection", method, span)?;
                if !items.iter().any(|x| same_item(x, &item, ignore_case)) {
                    items.push(item);
                }
            }
            Value::array_of(kind, items)
        }
        GenericType::Queue(t) => {
            let mut items = Vec::new();
            for item in initial {
                items.push(element_arg(s, &item, &t, "collection", method, span)?);
            }
            Value::array_of(ArrayKind::Queue(Rc::from(t.as_str())), items)
        }
        GenericType::Stack(t) => {
            let mut items = Vec::new();
            for item in initial {
                items.insert(0, element_arg(s, &item, &t, "collection", method, span)?);
            }
            Value::array_of(ArrayKind::Stack(Rc::from(t.as_str())), items)
        }
    })
}

/// `[HashSet[string]]@('a', 'b')`, `[Stack[int]](1, 2)`: the collection constructed from the
/// value, each item converted (the conversion message on failure).
pub(crate) fn cast_to(v: &Value, ty: &str) -> Option<Result<Value, String>> {
    let generic = generic_type_for(ty)?;
    Some((|| {
        let items = v.enumerate();
        let mut out = Vec::with_capacity(items.len());
        let element = match &generic {
            GenericType::HashSet(t) | GenericType::Queue(t) | GenericType::Stack(t) => t.clone(),
            GenericType::Dictionary(..) => {
                // pwsh sets the hashtable's keys as properties of a new Dictionary, which has
                // none.
                let shown = qualified_full_name(&generic.type_name());
                let first = match v {
                    Value::Hashtable(h) => h.borrow().iter().next().map(|(k, _)| k.to_ps_string()),
                    _ => None,
                };
                let name = dotnet_name(&generic);
                return Err(match (v, first) {
                    (Value::Hashtable(_), Some(key)) => format!(
                        "Cannot create object of type \"{name}\". The property '{key}' was not found for the '{shown}' object. There is no settable property available."
                    ),
                    _ => crate::runtime::conversion::cast_error(v, &name),
                });
            }
        };
        for item in &items {
            out.push(converted(item, &element)?);
        }
        Ok(match generic {
            GenericType::HashSet(t) => {
                let mut unique: Vec<Value> = Vec::new();
                for item in out {
                    if !unique.iter().any(|x| same_item(x, &item, false)) {
                        unique.push(item);
                    }
                }
                Value::array_of(ArrayKind::HashSet(Rc::from(t.as_str()), false), unique)
            }
            GenericType::Queue(t) => Value::array_of(ArrayKind::Queue(Rc::from(t.as_str())), out),
            GenericType::Stack(t) => {
                out.reverse();
                Value::array_of(ArrayKind::Stack(Rc::from(t.as_str())), out)
            }
            GenericType::Dictionary(..) => Value::Null,
        })
    })())
}

/// The assembly-qualified form .NET gives the type arguments of a generic type's FullName:
/// `List`1[[System.Int32]]` → `List`1[[System.Int32, System.Private.CoreLib, Version=...]]` for
/// the arguments that live in System.Private.CoreLib; other names are left as they are.
pub fn qualified_full_name(full: &str) -> String {
    let Some(open) = full.find("[[") else {
        return full.to_string();
    };
    let Some(inner) = full[open + 2..].strip_suffix("]]") else {
        return full.to_string();
    };
    let args: Vec<String> = inner
        .split("],[")
        .map(|a| {
            if in_core_lib(a) {
                format!("{a}, {CORE_LIB}")
            } else {
                a.to_string()
            }
        })
        .collect();
    format!("{}[[{}]]", &full[..open], args.join("],["))
}

const CORE_LIB: &str =
    "System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e";

fn in_core_lib(full: &str) -> bool {
    crate::runtime::number::NumKind::from_full_name(full)
        .is_some_and(|k| k != crate::runtime::number::NumKind::BigInt)
        || matches!(
            full,
            "System.String"
                | "System.Object"
                | "System.Boolean"
                | "System.Char"
                | "System.DateTime"
                | "System.TimeSpan"
                | "System.Guid"
                | "System.DayOfWeek"
                | "System.Version"
        )
}

/// `Type.ToString()` of a generic type: `System.Collections.Generic.Dictionary`2[System.String,System.Int32]`.
fn dotnet_name(g: &GenericType) -> String {
    match g {
        GenericType::Dictionary(k, v) => {
            format!("System.Collections.Generic.Dictionary`2[{k},{v}]")
        }
        GenericType::HashSet(t) => format!("System.Collections.Generic.HashSet`1[{t}]"),
        GenericType::Queue(t) => format!("System.Collections.Generic.Queue`1[{t}]"),
        GenericType::Stack(t) => format!("System.Collections.Generic.Stack`1[{t}]"),
    }
}

/// Two items of a set are the same element: equal values of the same type (strings by the
/// set's comparer).
fn same_item(a: &Value, b: &Value, ignore_case: bool) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            if ignore_case {
                x.to_lowercase() == y.to_lowercase()
            } else {
                x == y
            }
        }
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        _ => a.type_name() == b.type_name() && a.to_ps_string() == b.to_ps_string(),
    }
}

/// `$set.Method(args)`, `$queue.Method(args)`, `$stack.Method(args)`; `None` when the
/// collection has no such method.
pub(crate) fn collection_method(
    s: &mut Session,
    kind: &ArrayKind,
    items: &Rc<RefCell<Array>>,
    name: &str,
    lower: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let element = kind.element().unwrap_or("System.Object").to_string();
    let arg = |s: &Session, i: usize, param: &str| -> Result<Value, Flow> {
        element_arg(s, &args[i], &element, param, name, span)
    };
    let empty = |s: &Session, what: &str| -> Flow {
        method_exception(
            s,
            name,
            args.len(),
            "System.InvalidOperationException",
            what,
            span,
        )
    };
    let ignore_case = matches!(kind, ArrayKind::HashSet(_, true));
    let contains = |items: &Rc<RefCell<Array>>, v: &Value| {
        items.borrow().iter().any(|x| same_item(x, v, ignore_case))
    };
    let result = (|| -> Result<Option<Value>, Flow> {
        Ok(Some(match (kind, lower, args.len()) {
            (_, "clear", 0) => {
                items.borrow_mut().clear();
                Value::Null
            }
            (_, "contains", 1) => match converted(&args[0], &element) {
                Ok(v) => Value::Bool(contains(items, &v)),
                Err(_) => Value::Bool(false),
            },
            (_, "toarray", 0) => Value::array_of(
                if element == "System.Object" {
                    ArrayKind::Object
                } else {
                    ArrayKind::Typed(Rc::from(element.as_str()))
                },
                items.borrow().items.clone(),
            ),
            (ArrayKind::HashSet(..), "add", 1) => {
                let v = arg(s, 0, "item")?;
                if contains(items, &v) {
                    Value::Bool(false)
                } else {
                    items.borrow_mut().push(v);
                    Value::Bool(true)
                }
            }
            (ArrayKind::HashSet(..), "remove", 1) => {
                let v = arg(s, 0, "item")?;
                let mut list = items.borrow_mut();
                match list.iter().position(|x| same_item(x, &v, ignore_case)) {
                    Some(i) => {
                        list.remove(i);
                        Value::Bool(true)
                    }
                    None => Value::Bool(false),
                }
            }
            (
                ArrayKind::HashSet(..),
                "unionwith" | "intersectwith" | "exceptwith" | "issubsetof" | "issupersetof"
                | "overlaps" | "setequals",
                1,
            ) => {
                let mut other = Vec::new();
                for item in args[0].enumerate() {
                    other.push(element_arg(s, &item, &element, "other", name, span)?);
                }
                let in_other = |v: &Value| other.iter().any(|x| same_item(x, v, ignore_case));
                let mine = items.borrow().items.clone();
                let in_mine = |v: &Value| mine.iter().any(|x| same_item(x, v, ignore_case));
                match lower {
                    "unionwith" => {
                        let mut list = items.borrow_mut();
                        for v in &other {
                            if !list.iter().any(|x| same_item(x, v, ignore_case)) {
                                list.push(v.clone());
                            }
                        }
                        Value::Null
                    }
                    "intersectwith" => {
                        items.borrow_mut().retain(|v| in_other(v));
                        Value::Null
                    }
                    "exceptwith" => {
                        items.borrow_mut().retain(|v| !in_other(v));
                        Value::Null
                    }
                    "issubsetof" => Value::Bool(mine.iter().all(in_other)),
                    "issupersetof" => Value::Bool(other.iter().all(in_mine)),
                    "overlaps" => Value::Bool(mine.iter().any(in_other)),
                    _ => Value::Bool(mine.iter().all(in_other) && other.iter().all(in_mine)),
                }
            }
            (ArrayKind::Queue(_), "enqueue", 1) => {
                let v = arg(s, 0, "item")?;
                items.borrow_mut().push(v);
                Value::Null
            }
            (ArrayKind::Stack(_), "push", 1) => {
                let v = arg(s, 0, "item")?;
                items.borrow_mut().insert(0, v);
                Value::Null
            }
            (ArrayKind::Queue(_), "dequeue" | "peek", 0) => {
                if items.borrow().is_empty() {
                    return Err(empty(s, "Queue empty."));
                }
                if lower == "peek" {
                    items.borrow()[0].clone()
                } else {
                    items.borrow_mut().remove(0)
                }
            }
            (ArrayKind::Stack(_), "pop" | "peek", 0) => {
                if items.borrow().is_empty() {
                    return Err(empty(s, "Stack empty."));
                }
                if lower == "peek" {
                    items.borrow()[0].clone()
                } else {
                    items.borrow_mut().remove(0)
                }
            }
            _ => return Ok(None),
        }))
    })();
    result.transpose()
}

/// `$dict.Method(args)` for a generic Dictionary; `None` when it has no such method.
pub(crate) fn dictionary_method(
    s: &mut Session,
    types: &DictionaryTypes,
    table: &Rc<RefCell<Hashtable>>,
    name: &str,
    lower: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let key = |s: &Session| element_arg(s, &args[0], &types.key, "key", name, span);
    let result = (|| -> Result<Option<Value>, Flow> {
        Ok(Some(match (lower, args.len()) {
            ("add" | "tryadd", 2) => {
                let k = key(s)?;
                let v = element_arg(s, &args[1], &types.value, "value", name, span)?;
                if table.borrow().contains_key(&k) {
                    if lower == "tryadd" {
                        return Ok(Some(Value::Bool(false)));
                    }
                    return Err(method_exception(
                        s,
                        name,
                        2,
                        "System.ArgumentException",
                        &format!(
                            "An item with the same key has already been added. Key: {}",
                            k.to_ps_string()
                        ),
                        span,
                    ));
                }
                table.borrow_mut().insert(k, v);
                if lower == "tryadd" {
                    Value::Bool(true)
                } else {
                    Value::Null
                }
            }
            ("remove", 1) => {
                let k = key(s)?;
                Value::Bool(table.borrow_mut().remove(&k).is_some())
            }
            ("containskey", 1) => {
                let k = key(s)?;
                Value::Bool(table.borrow().contains_key(&k))
            }
            ("trygetvalue", 2) => {
                let k = key(s)?;
                let found = table.borrow().get(&k);
                let out = match &found {
                    Some(v) => v.clone(),
                    None => converted(&Value::Null, &types.value).unwrap_or(Value::Null),
                };
                super::set_reference(s, &args[1], out);
                Value::Bool(found.is_some())
            }
            ("getenumerator", 0) => Value::array(key_value_pairs(types, &table.borrow())),
            _ => return Ok(None),
        }))
    })();
    result.transpose()
}

/// The `KeyValuePair[K,V]` objects a Dictionary enumerates to (and the formatter shows).
pub fn key_value_pairs(types: &DictionaryTypes, table: &Hashtable) -> Vec<Value> {
    let type_name = format!(
        "System.Collections.Generic.KeyValuePair`2[[{}],[{}]]",
        types.key, types.value
    );
    table
        .iter()
        .map(|(k, v)| {
            Value::object(
                PsObject::new(type_name.as_str())
                    .with("Key", k.clone())
                    .with("Value", v.clone())
                    .with_text(format!("[{}, {}]", k.to_ps_string(), v.to_ps_string())),
            )
        })
        .collect()
}

/// `$dict[key] = value` on a generic Dictionary: key and value converted as a cast converts
/// them (the cast's message on failure).
pub(crate) fn dictionary_set(
    types: &DictionaryTypes,
    key: &Value,
    value: &Value,
) -> Result<(Value, Value), String> {
    let k = converted(key, &types.key)?;
    let v = converted(value, &types.value)?;
    Ok((k, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_names_parse() {
        assert_eq!(
            generic_type_for("System.Collections.Generic.Dictionary[string, int]"),
            Some(GenericType::Dictionary(
                "System.String".into(),
                "System.Int32".into()
            ))
        );
        assert_eq!(
            generic_type_for("collections.generic.hashset[int]"),
            Some(GenericType::HashSet("System.Int32".into()))
        );
        assert_eq!(
            generic_type_for(
                "System.Collections.Generic.Dictionary[string, System.Collections.Generic.List[int]]"
            ),
            Some(GenericType::Dictionary(
                "System.String".into(),
                "System.Collections.Generic.List`1[[System.Int32]]".into()
            ))
        );
        assert_eq!(
            generic_type_for("System.Collections.Generic.Queue[int, int]"),
            None
        );
        assert_eq!(generic_type_for("System.Int32"), None);
        assert_eq!(
            generic_short_name("System.Collections.Generic.List[string]"),
            Some("List`1")
        );
    }

    #[test]
    fn full_names_are_assembly_qualified() {
        assert_eq!(
            qualified_full_name("System.Collections.Generic.List`1[[System.Int32]]"),
            format!("System.Collections.Generic.List`1[[System.Int32, {CORE_LIB}]]")
        );
        assert_eq!(qualified_full_name("System.Int32"), "System.Int32");
    }

    #[test]
    fn conversion_to_type_arguments() {
        assert_eq!(
            converted(&Value::str("2"), "System.Int32")
                .unwrap()
                .type_name(),
            "System.Int32"
        );
        assert!(converted(&Value::str("x"), "System.Int32").is_err());
        assert_eq!(
            converted(&Value::Null, "System.Int32")
                .unwrap()
                .to_ps_string(),
            "0"
        );
    }
}

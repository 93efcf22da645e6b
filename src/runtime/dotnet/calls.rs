//! Method calls: each call is bound against the recorded type table (`vocab::dotnet`) by
//! `overloads`, then dispatched to the family that implements the type.

use super::datetime::{add_months, min_date, not_a_date, try_parse_result};
use super::native::native_method;
use super::string::string_method;
use super::timespan_members::timespan_method;
use super::types::timespan_arg;
use super::*;
use crate::runtime::conversion;
use crate::runtime::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use crate::runtime::flow::Flow;
use crate::runtime::interpreter::collapse;
use crate::runtime::number::{NumKind, Number};
use crate::runtime::session::{Out, Session};
use crate::runtime::timespan::{self, TimeSpan};
use crate::runtime::value::{ArrayKind, DateKind, PsObject, Value, with_kind};
use crate::syntax::Span;
use std::rc::Rc;

/// `target.Method(args)` (or `[type]::Method(args)`).
pub fn invoke_method(
    s: &mut Session,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    is_static: bool,
    span: Span,
) -> Result<Value, Flow> {
    if is_static {
        if let Value::Type(t) = target
            && let Some(class) = s.class(t)
        {
            return match s.call_static_method(&class, name, args, span) {
                Some(r) => r,
                None => Err(super::method_not_found(s, &class.name, name, span)),
            };
        }
        return static_method(s, target, name, args, span);
    }
    if let Some(r) = super::script_members::call_extra(s, target, name, &args, span) {
        return r;
    }
    if let Some(r) = crate::runtime::regex::dotnet::instance_call(s, target, name, &args, span) {
        return r;
    }
    if let Value::Object(o) = target
        && o.borrow().type_names.first().map(String::as_str)
            == Some(crate::runtime::PS_SCRIPT_CMDLET)
    {
        return s.ps_cmdlet_method(name, args, span);
    }
    let lower = name.to_ascii_lowercase();
    let (args, returns) = match bind_recorded(s, &receiver_type(target), name, false, args, span)? {
        Binding::Bound(args, returns) => (args, Some(returns)),
        Binding::Unknown(args) => (args, None),
    };
    let result = invoke_instance(s, target, name, &lower, args, span)?;
    Ok(match returns {
        Some(returns) => as_declared(result, &returns),
        None => result,
    })
}

/// `GetType()`: a PSCustomObject stays one whatever names `PSObject.TypeNames` lists first
/// (`Add-Member -TypeName`, Select-Object's `Selected.*`).
fn runtime_type(target: &Value) -> String {
    match target {
        Value::Object(o) if o.borrow().is_custom() => crate::runtime::value::PSCUSTOMOBJECT.into(),
        other => other.type_name(),
    }
}

/// The recorded type whose members a call on `target` looks up.
pub(super) fn receiver_type(target: &Value) -> String {
    match target {
        Value::Array(a)
            if !a.borrow().kind.is_list() && !a.borrow().kind.is_generic_collection() =>
        {
            "System.Object[]".into()
        }
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSCustomObject".into()
        }
        other => other.type_name(),
    }
}

/// What binding a call against the recorded type table gave.
pub(super) enum Binding {
    /// The arguments converted for the chosen overload, and its declared return type.
    Bound(Vec<Value>, String),
    /// The type or the method is not recorded: the arguments as given.
    Unknown(Vec<Value>),
}

/// Binds a call to the overloads recorded for the receiver's type (`vocab::dotnet`): the
/// arguments converted as pwsh's method binder converts them, or pwsh's error when no overload
/// takes them.
pub(super) fn bind_recorded(
    s: &Session,
    type_full: &str,
    name: &str,
    is_static: bool,
    args: Vec<Value>,
    span: Span,
) -> Result<Binding, Flow> {
    let Some(member) = crate::vocab::dotnet::type_info(type_full)
        .and_then(|t| t.member(name, is_static))
        .filter(|m| m.is_method())
    else {
        return Ok(Binding::Unknown(args));
    };
    let overloads = member.overloads();
    if overloads.is_empty() {
        return Ok(Binding::Unknown(args));
    }
    match super::overloads::bind(member.name, overloads, &args) {
        Ok(bound) => {
            let returns = crate::vocab::dotnet::full_name_of(&bound.signature.return_type);
            Ok(Binding::Bound(bound.args, returns))
        }
        Err(super::overloads::BindError::Count) => {
            Err(overload_error(s, member.name, args.len(), span))
        }
        Err(super::overloads::BindError::Ambiguous) => {
            let rec = ErrorRecord::new(
                ExceptionInfo::new(
                    "System.Management.Automation.MethodException",
                    format!(
                        "Multiple ambiguous overloads found for \"{}\" and the argument count: \"{}\".",
                        member.name,
                        args.len()
                    ),
                ),
                "MethodCountCouldNotFindBest",
                ErrorCategory::NotSpecified,
            );
            Err(s.runtime_record_error(rec, span))
        }
        Err(super::overloads::BindError::Convert(message)) => {
            // A constructor reports itself as `.ctor` when an argument does not convert.
            let message = match message.split_once(&format!("for \"{}\" to type", member.name)) {
                Some((head, tail)) if member.name == "new" => {
                    format!("{head}for \".ctor\" to type{tail}")
                }
                _ => message,
            };
            let mut rec = ErrorRecord::new(
                ExceptionInfo::new("System.Management.Automation.MethodException", message),
                "MethodArgumentConversionInvalidCastArgument",
                ErrorCategory::NotSpecified,
            );
            rec.exception.inner = Some(Box::new(ExceptionInfo::new(
                "System.Management.Automation.PSInvalidCastException",
                "",
            )));
            Err(s.runtime_record_error(rec, span))
        }
    }
}

/// A method's result as its declared return type: a numeric result becomes the declared number
/// type (`[math]::Max(1, 2)` is an Int32), anything else is left as the member made it.
pub(super) fn as_declared(result: Value, returns: &str) -> Value {
    match (&result, NumKind::from_full_name(returns)) {
        (Value::Num(n), Some(kind)) => n.convert(kind).map(Value::Num).unwrap_or(result),
        _ => result,
    }
}

pub(super) fn invoke_instance(
    s: &mut Session,
    target: &Value,
    name: &str,
    lower: &str,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let lower = lower.to_string();
    if lower == "gettype" && args.is_empty() && !target.is_null() {
        return Ok(Value::Type(Rc::from(runtime_type(target))));
    }
    if let Some(r) = native_method(s, target, &lower, name, &args, span) {
        return r;
    }
    // Members every object has.
    match lower.as_str() {
        // Numbers are .NET values here, not PowerShell conversions: a double gives its
        // shortest round-trip text (`(0.1+0.2).ToString()` is 0.30000000000000004), and
        // `ToString('N2')` / `ToString('0.00')` use the numeric format strings of `-f`.
        "tostring" if matches!(target, Value::Num(Number::Double(_))) && args.is_empty() => {
            if let Value::Num(Number::Double(d)) = target {
                return Ok(Value::str(crate::runtime::value::format_double_roundtrip(
                    *d,
                )));
            }
        }
        "tostring" if matches!(target, Value::Num(_)) && args.len() == 1 => {
            let format = args[0].to_ps_string();
            return crate::runtime::dotnet_format::format_value(target, &format, s.culture)
                .map(Value::str)
                .map_err(|e| {
                    method_exception(s, name, 1, "System.FormatException", &e.message(), span)
                });
        }
        // A date's ToString() is the current culture's general format; only PowerShell's own
        // conversion (`"$d"`) is invariant.
        "tostring" if matches!(target, Value::DateTime(_)) && args.is_empty() => {
            if let Value::DateTime(dt) = target {
                return Ok(Value::str(crate::runtime::dotnet_format::format_date(
                    *dt, "G", s.culture,
                )));
            }
        }
        // The object's own ToString(): an array's type name, a PSCustomObject's empty text.
        "tostring" if !matches!(target, Value::Null) && args.is_empty() => {
            return Ok(Value::str(target.element_string()));
        }
        // Guid.ToString(format): N (32 digits), D (hyphens), B (braces), P (parentheses),
        // X (hexadecimal groups).
        "tostring" if args.len() == 1 && matches!(target, Value::Guid(_)) => {
            if let Value::Guid(g) = target {
                let d = g.hyphenated().to_string();
                let f = args[0].to_ps_string();
                let text = match f.as_str() {
                    "" | "D" | "d" => d,
                    "N" | "n" => g.simple().to_string(),
                    "B" | "b" => format!("{{{d}}}"),
                    "P" | "p" => format!("({d})"),
                    "X" | "x" => {
                        let b = g.as_bytes();
                        let hex = |r: std::ops::Range<usize>| {
                            b[r].iter().map(|x| format!("{x:02x}")).collect::<String>()
                        };
                        let tail: Vec<String> =
                            b[8..].iter().map(|x| format!("0x{x:02x}")).collect();
                        format!(
                            "{{0x{},0x{},0x{},{{{}}}}}",
                            hex(0..4),
                            hex(4..6),
                            hex(6..8),
                            tail.join(",")
                        )
                    }
                    _ => {
                        return Err(method_exception(
                            s,
                            name,
                            1,
                            "System.FormatException",
                            "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".",
                            span,
                        ));
                    }
                };
                return Ok(Value::str(text));
            }
        }
        "getaddressbytes" if args.is_empty() => {
            if let Some(a) = super::ipaddress::address_of(target) {
                let bytes = a
                    .bytes()
                    .into_iter()
                    .map(|b| Value::Num(crate::runtime::number::Number::Byte(b)))
                    .collect();
                return Ok(Value::array_of(
                    crate::runtime::value::ArrayKind::Typed(Rc::from("System.Byte")),
                    bytes,
                ));
            }
        }
        "tobool" if args.is_empty() && target.as_switch().is_some() => {
            return Ok(Value::Bool(target.as_switch() == Some(true)));
        }
        "gettype" if !matches!(target, Value::Null) => {
            return Ok(Value::Type(Rc::from(runtime_type(target))));
        }
        // String.Equals(object) is ordinal and true only for another string.
        "equals" if matches!(target, Value::String(_)) && args.len() == 1 => {
            let same = matches!((target, &args[0]), (Value::String(a), Value::String(b)) if a == b);
            return Ok(Value::Bool(same));
        }
        "equals" if !matches!(target, Value::Null) && args.len() == 1 => {
            return Ok(Value::Bool(crate::runtime::operators::values_equal(
                target, &args[0], false,
            )));
        }
        _ => {}
    }
    // The intrinsic Where and ForEach: a scalar is a collection of one, $null of none.
    if !matches!(target, Value::Array(_)) && matches!(lower.as_str(), "where" | "foreach") {
        let items = if target.is_null() {
            Vec::new()
        } else {
            vec![target.clone()]
        };
        return if lower == "where" {
            super::array_methods::where_method(s, items, name, &args, span)
        } else {
            super::array_methods::foreach_method(s, items, name, &args, span)
        };
    }
    if lower == "getnetworkcredential"
        && args.is_empty()
        && let Value::Object(o) = target
        && o.borrow().type_names.first().map(String::as_str)
            == Some("System.Management.Automation.PSCredential")
    {
        let o = o.borrow();
        let user = o.get("UserName").unwrap_or_default();
        let secure = o.get("Password").unwrap_or_default();
        let plain = match &secure {
            Value::SecureString(p) => p.to_string(),
            other => other.to_ps_string(),
        };
        return Ok(Value::object(
            PsObject::new("System.Net.NetworkCredential")
                .with("UserName", user)
                .with("Password", Value::str(plain))
                .with("SecurePassword", secure)
                .with("Domain", Value::str("")),
        ));
    }
    if let Value::Hashtable(h) = target {
        let generic = h.borrow().generic.clone();
        if let Some(types) = generic
            && let Some(v) =
                super::generic::dictionary_method(s, &types, h, name, &lower, &args, span)
        {
            return v;
        }
    }
    match target {
        Value::Null => Err(s.runtime_error(
            "InvokeMethodOnNull",
            "You cannot call a method on a null-valued expression.",
            ErrorCategory::InvalidOperation,
            span,
        )),
        Value::String(text) => string_method(s, text, &lower, name, &args, span),
        Value::Array(items) => {
            let kind = items.borrow().kind.clone();
            if kind.is_list()
                && let Some(v) =
                    super::lists::list_method(s, &kind, items, name, &lower, &args, span)
            {
                return v;
            }
            if kind.is_generic_collection()
                && let Some(v) =
                    super::generic::collection_method(s, &kind, items, name, &lower, &args, span)
            {
                return v;
            }
            let snapshot = items.borrow().clone();
            match lower.as_str() {
                "contains" if args.len() == 1 => {
                    Ok(Value::Bool(snapshot.iter().any(|x| {
                        crate::runtime::operators::values_equal(x, &args[0], true)
                    })))
                }
                "indexof" if args.len() == 1 => Ok(Value::integer(
                    snapshot
                        .iter()
                        .position(|x| crate::runtime::operators::values_equal(x, &args[0], true))
                        .map_or(-1, |i| i as i64),
                )),
                "where" => super::array_methods::where_method(s, snapshot.items, name, &args, span),
                "foreach" => {
                    super::array_methods::foreach_method(s, snapshot.items, name, &args, span)
                }
                "clone" if args.is_empty() => Ok(Value::array_of(kind, snapshot.items)),
                "add" | "remove" | "clear" | "insert" => Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.NotSupportedException",
                    "Collection was of a fixed size.",
                    span,
                )),
                _ if kind.is_generic_collection() => {
                    Err(method_not_found(s, &target.type_name(), name, span))
                }
                // Member enumeration for methods: the method of every element.
                _ if !snapshot.is_empty() => {
                    let mut out = Vec::new();
                    for item in &snapshot {
                        let v = invoke_method(s, item, name, args.clone(), false, span)?;
                        match v {
                            Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                            Value::Null => {}
                            other => out.push(other),
                        }
                    }
                    Ok(collapse(out))
                }
                _ => Err(method_not_found(s, "System.Object[]", name, span)),
            }
        }
        Value::Hashtable(h) => match lower.as_str() {
            "containskey" | "contains" if args.len() == 1 => {
                Ok(Value::Bool(h.borrow().contains_key(&args[0])))
            }
            "containsvalue" if args.len() == 1 => {
                Ok(Value::Bool(h.borrow().iter().any(|(_, v)| {
                    crate::runtime::operators::values_equal(v, &args[0], false)
                })))
            }
            "add" if args.len() == 2 => {
                if h.borrow().contains_key(&args[0]) {
                    let k = args[0].to_ps_string();
                    return Err(method_exception(
                        s,
                        name,
                        2,
                        "System.ArgumentException",
                        &format!(
                            "Item has already been added. Key in dictionary: '{k}'  Key being added: '{k}'"
                        ),
                        span,
                    ));
                }
                h.borrow_mut().insert(args[0].clone(), args[1].clone());
                Ok(Value::Null)
            }
            "remove" if args.len() == 1 => {
                h.borrow_mut().remove(&args[0]);
                Ok(Value::Null)
            }
            "clear" => {
                h.borrow_mut().clear();
                Ok(Value::Null)
            }
            "clone" => Ok(Value::hashtable(h.borrow().clone())),
            // DictionaryEntry objects, one per key (`foreach ($kv in $h.GetEnumerator())`).
            "getenumerator" if args.is_empty() => Ok(Value::array(
                h.borrow()
                    .iter()
                    .map(|(k, v)| {
                        Value::object(
                            PsObject::new("System.Collections.DictionaryEntry")
                                .with("Name", k.clone())
                                .with("Key", k.clone())
                                .with("Value", v.clone())
                                .with_text("System.Collections.DictionaryEntry"),
                        )
                    })
                    .collect(),
            )),
            _ => Err(method_not_found(s, &target.type_name(), name, span)),
        },
        Value::DateTime(dt) => {
            let n = args
                .first()
                .and_then(|v| conversion::to_double(v, "System.Double").ok())
                .unwrap_or(0.0);
            let moved = |s: &Session, d: Option<time::OffsetDateTime>| {
                d.map(Value::DateTime).ok_or_else(|| {
                    method_exception(
                        s,
                        name,
                        args.len(),
                        "System.ArgumentOutOfRangeException",
                        "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')",
                        span,
                    )
                })
            };
            let add = |s: &Session, seconds: f64| {
                let d = time::Duration::checked_seconds_f64(seconds);
                moved(s, d.and_then(|d| dt.checked_add(d)))
            };
            match lower.as_str() {
                "adddays" => add(s, n * 86400.0),
                "addhours" => add(s, n * 3600.0),
                "addminutes" => add(s, n * 60.0),
                "addseconds" => add(s, n),
                "addmilliseconds" => add(s, n / 1000.0),
                "addmonths" | "addyears" => {
                    let months = arg_int(&args, 0) * if lower == "addyears" { 12 } else { 1 };
                    moved(s, add_months(*dt, months))
                }
                "addticks" => moved(
                    s,
                    dt.checked_add(TimeSpan::from_ticks(arg_int64(&args, 0)).to_duration()),
                ),
                "add" if args.len() == 1 => {
                    let ts = timespan_arg(s, &args, 0, name, "value", span)?;
                    moved(s, dt.checked_add(ts.to_duration()))
                }
                "subtract" if args.len() == 1 => match &args[0] {
                    Value::DateTime(other) => TimeSpan::between(*dt, *other)
                        .map(Value::TimeSpan)
                        .ok_or_else(|| overload_error(s, name, 1, span)),
                    _ => {
                        let ts = timespan_arg(s, &args, 0, name, "value", span)?;
                        moved(s, dt.checked_sub(ts.to_duration()))
                    }
                },
                "add" | "subtract" => Err(overload_error(s, name, args.len(), span)),
                // The session's time zone is UTC: only the kind changes.
                "touniversaltime" => Ok(Value::DateTime(with_kind(*dt, DateKind::Utc))),
                "tolocaltime" => Ok(Value::DateTime(with_kind(*dt, DateKind::Local))),
                // `ToString()` is the current culture's general format, `G`; only
                // PowerShell's own conversion (`"$d"`) is invariant.
                "tostring" => {
                    let format = match arg_string(&args, 0) {
                        f if f.is_empty() => "G".to_string(),
                        f => f,
                    };
                    Ok(Value::str(crate::runtime::dotnet_format::format_date(
                        *dt, &format, s.culture,
                    )))
                }
                "toshortdatestring" | "tolongdatestring" | "toshorttimestring"
                | "tolongtimestring" => {
                    let f = match lower.as_str() {
                        "toshortdatestring" => "d",
                        "tolongdatestring" => "D",
                        "toshorttimestring" => "t",
                        _ => "T",
                    };
                    Ok(Value::str(crate::runtime::dotnet_format::format_date(
                        *dt, f, s.culture,
                    )))
                }

                _ => Err(method_not_found(s, "System.DateTime", name, span)),
            }
        }
        Value::TimeSpan(ts) => timespan_method(s, *ts, &lower, name, &args, span),
        Value::Enum(e) => enum_method(s, e, &lower, name, &args, span),
        Value::ScriptBlock(sb) if lower == "invoke" || lower == "invokereturnasis" => {
            let mut produced = Vec::new();
            let args: Vec<crate::runtime::binder::CommandArg> = args
                .into_iter()
                .map(|v| crate::runtime::binder::CommandArg::Value { value: v, span })
                .collect();
            s.invoke_block_with_args(
                sb,
                args,
                Vec::new(),
                false,
                &mut Out::Collect(&mut produced),
            )?;
            Ok(collapse(produced))
        }
        Value::SecureString(_) if lower == "dispose" || lower == "makereadonly" => Ok(Value::Null),
        other => Err(method_not_found(s, &other.type_name(), name, span)),
    }
}

pub fn static_method(
    s: &mut Session,
    target: &Value,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let ty = match target {
        Value::Type(t) => t.to_string(),
        other => full_type_name(&other.to_ps_string()),
    };
    if ty == crate::runtime::regex::dotnet::REGEX
        && let Some(r) = crate::runtime::regex::dotnet::static_call(s, name, &args, span)
    {
        return r;
    }
    let (args, returns) = match bind_recorded(s, &ty, name, true, args, span)? {
        Binding::Bound(args, returns) => (args, Some(returns)),
        Binding::Unknown(args) => (args, None),
    };
    let result = static_call(s, &ty, name, args, span)?;
    Ok(match returns {
        Some(returns) => as_declared(result, &returns),
        None => result,
    })
}

pub(super) fn static_call(
    s: &mut Session,
    ty: &str,
    name: &str,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let ty = ty.to_string();
    if let Some(v) = super::statics::static_method(s, &ty, name, &args, span)? {
        return Ok(v);
    }
    let lower = name.to_ascii_lowercase();
    if lower == "new"
        && let Some(made) = super::generic::construct(s, &ty, &args, span)
    {
        return made;
    }
    if lower == "new"
        && let Some(kind) = super::lists::list_kind_for(&ty)
    {
        let items = match args.first() {
            Some(Value::Array(a)) => a.borrow().items.clone(),
            Some(Value::Num(_)) | None => Vec::new(),
            Some(other) => other.enumerate(),
        };
        return Ok(s.new_list(kind, items));
    }
    let num = |i: usize| {
        args.get(i)
            .and_then(|v| conversion::to_double(v, "System.Double").ok())
            .unwrap_or(0.0)
    };
    if ty == "System.Enum" {
        return enum_static(s, &lower, name, &args, span);
    }
    if let Some(result) = super::numeric_statics::call(s, &ty, &lower, name, &args, span) {
        return result;
    }
    if (ty == "System.Array" || ty == "System.Object[]")
        && let Some(result) = super::array_methods::array_static(s, &lower, name, &args, span)
    {
        return result;
    }
    if ty == "System.Management.Automation.ScriptBlock" && lower == "create" {
        return create_script_block(s, name, &args, span);
    }
    Ok(match (ty.as_str(), lower.as_str()) {
        ("System.Guid", "newguid") => Value::Guid(s.ids.new_guid()),
        (super::ipaddress::IPADDRESS, "parse") if args.len() == 1 => {
            match super::ipaddress::parse(&arg_string(&args, 0)) {
                Some(a) => super::ipaddress::ip_object(a),
                None => {
                    return Err(method_exception(
                        s,
                        name,
                        1,
                        "System.FormatException",
                        super::ipaddress::INVALID,
                        span,
                    ));
                }
            }
        }
        (super::ipaddress::IPADDRESS, "isloopback") if args.len() == 1 => {
            Value::Bool(match super::ipaddress::address_of(&args[0]) {
                Some(super::ipaddress::Address::V4(a)) => a.is_loopback(),
                Some(super::ipaddress::Address::V6(a, _)) => a.is_loopback(),
                None => false,
            })
        }
        ("System.Guid", "parse") => Value::Guid(
            conversion::to_guid(&args.first().cloned().unwrap_or_default()).map_err(|_| {
                method_exception(
                    s,
                    name,
                    args.len(),
                    "System.FormatException",
                    conversion::guid_format_error(&arg_string(&args, 0)),
                    span,
                )
            })?,
        ),
        ("System.Guid", "tryparse") => {
            let parsed = conversion::to_guid(&args.first().cloned().unwrap_or_default()).ok();
            try_parse_result(
                s,
                &args,
                1,
                parsed.map(Value::Guid),
                Value::Guid(uuid::Uuid::nil()),
            )
        }
        ("System.DateTime", "tryparse") => {
            let parsed = conversion::parse_datetime(&arg_string(&args, 0));
            try_parse_result(s, &args, 1, parsed.map(Value::DateTime), min_date())
        }
        ("System.DateTime", "tryparseexact") if args.len() >= 4 => {
            let parsed = parse_exact(&arg_string(&args, 0), &arg_string(&args, 1));
            let out = args.len() - 1;
            try_parse_result(s, &args, out, parsed.map(Value::DateTime), min_date())
        }
        ("System.DateTime", "parseexact") if args.len() >= 2 => {
            let text = arg_string(&args, 0);
            Value::DateTime(
                parse_exact(&text, &arg_string(&args, 1))
                    .ok_or_else(|| not_a_date(s, name, args.len(), &text, span))?,
            )
        }
        ("System.DateTime", "new") if (3..=7).contains(&args.len()) => {
            let n = |i: usize| arg_int(&args, i);
            let made = time::Month::try_from(n(1) as u8)
                .ok()
                .and_then(|m| time::Date::from_calendar_date(n(0) as i32, m, n(2) as u8).ok())
                .and_then(|d| {
                    let t =
                        time::Time::from_hms_milli(n(3) as u8, n(4) as u8, n(5) as u8, n(6) as u16)
                            .ok()?;
                    Some(time::PrimitiveDateTime::new(d, t).assume_utc())
                });
            Value::DateTime(with_kind(
                made.ok_or_else(|| {
                    method_exception(
                        s,
                        name,
                        args.len(),
                        "System.ArgumentOutOfRangeException",
                        "Year, Month, and Day parameters describe an un-representable DateTime.",
                        span,
                    )
                })?,
                DateKind::Unspecified,
            ))
        }
        (super::types::WILDCARD_PATTERN, "new") if (1..=2).contains(&args.len()) => {
            let pattern = arg_string(&args, 0);
            let options = args.get(1).map(Value::to_ps_string).unwrap_or_default();
            let mut o = crate::runtime::value::PsObject::new(super::types::WILDCARD_PATTERN)
                .with_text(super::types::WILDCARD_PATTERN);
            o.native = Some(crate::runtime::value::Native::Wildcard {
                pattern,
                ignore_case: options.to_ascii_lowercase().contains("ignorecase"),
            });
            Value::object(o)
        }
        (super::types::WILDCARD_PATTERN, "escape") if args.len() == 1 => {
            let mut out = String::new();
            for c in arg_string(&args, 0).chars() {
                if matches!(c, '*' | '?' | '[' | ']' | '`') {
                    out.push('`');
                }
                out.push(c);
            }
            Value::str(out)
        }
        (super::types::WILDCARD_PATTERN, "containswildcardcharacters") if args.len() == 1 => {
            let text = arg_string(&args, 0);
            let mut escaped = false;
            let mut found = false;
            for c in text.chars() {
                if escaped {
                    escaped = false;
                } else if c == '`' {
                    escaped = true;
                } else if matches!(c, '*' | '?' | '[' | ']') {
                    found = true;
                    break;
                }
            }
            Value::Bool(found)
        }
        // String(char[]), String(char[], start, length), String(char, count).
        ("System.String", "new") if (1..=3).contains(&args.len()) => {
            let units: Vec<u16> = match &args[0] {
                Value::Char(c) if args.len() == 2 => {
                    let count = usize::try_from(arg_int(&args, 1)).unwrap_or(0);
                    vec![*c; count]
                }
                Value::String(t) if args.len() == 2 => {
                    let c = t.encode_utf16().next().unwrap_or(0);
                    let count = usize::try_from(arg_int(&args, 1)).unwrap_or(0);
                    vec![c; count]
                }
                other => {
                    let all: Vec<u16> = other
                        .enumerate()
                        .iter()
                        .flat_map(|v| match v {
                            Value::Char(c) => vec![*c],
                            other => other.to_ps_string().encode_utf16().collect(),
                        })
                        .collect();
                    if args.len() == 3 {
                        let start = usize::try_from(arg_int(&args, 1))
                            .unwrap_or(0)
                            .min(all.len());
                        let len = usize::try_from(arg_int(&args, 2))
                            .unwrap_or(0)
                            .min(all.len() - start);
                        all[start..start + len].to_vec()
                    } else {
                        all
                    }
                }
            };
            Value::str(String::from_utf16_lossy(&units))
        }
        ("System.Version", "new") => {
            let parts: Vec<i64> = (0..args.len()).map(|i| arg_int(&args, i)).collect();
            match args.len() {
                0 => crate::runtime::expression::parse_version("0.0").unwrap_or_default(),
                1 => super::types::convert_to(args[0].clone(), "System.Version", " ").map_err(
                    |e| {
                        let m = match e {
                            super::types::CastFailure::Message(m) => m,
                            super::types::CastFailure::TypeNotFound => String::new(),
                        };
                        method_exception(s, ".ctor", 1, "System.ArgumentException", &m, span)
                    },
                )?,
                2..=4 => {
                    if let Some(bad) = parts.iter().position(|p| *p < 0) {
                        let param = ["major", "minor", "build", "revision"][bad];
                        return Err(method_exception(
                            s,
                            ".ctor",
                            args.len(),
                            "System.ArgumentOutOfRangeException",
                            &format!(
                                "{param} ('{}') must be a non-negative value. (Parameter '{param}')\nActual value was {}.",
                                parts[bad], parts[bad]
                            ),
                            span,
                        ));
                    }
                    let text: Vec<String> = parts.iter().map(i64::to_string).collect();
                    crate::runtime::expression::parse_version(&text.join(".")).unwrap_or_default()
                }
                n => return Err(overload_error(s, name, n, span)),
            }
        }
        ("System.Management.Automation.ScriptBlock", "create") if args.len() == 1 => {
            let text = arg_string(&args, 0);
            let source = crate::syntax::SourceFile::new(None, &text);
            match crate::syntax::parse_script(source) {
                Ok(ast) => Value::ScriptBlock(ast),
                Err(errors) => {
                    // The ParseException's message: each error with its position.
                    let message = errors
                        .errors
                        .iter()
                        .map(|e| {
                            let inv = crate::runtime::InvocationInfo {
                                command_name: None,
                                invocation_name: None,
                                source: errors.source.clone(),
                                extent: e.span,
                                command_kind: Default::default(),
                            };
                            let at = crate::runtime::error_record::position_message(&inv);
                            format!("{at}\n{}", e.message)
                        })
                        .collect::<Vec<_>>()
                        .join("\n\n");
                    return Err(method_exception(
                        s,
                        name,
                        1,
                        "System.Management.Automation.ParseException",
                        &message,
                        span,
                    ));
                }
            }
        }
        ("System.DateTime", "specifykind") if args.len() == 2 => {
            let Value::DateTime(dt) = &args[0] else {
                return Err(overload_error(s, name, 2, span));
            };
            let kind = match &args[1] {
                Value::Enum(e) => e.text(),
                other => other.to_ps_string(),
            };
            let kind = match kind.to_ascii_lowercase().as_str() {
                "utc" | "1" => DateKind::Utc,
                "local" | "2" => DateKind::Local,
                _ => DateKind::Unspecified,
            };
            Value::DateTime(with_kind(*dt, kind))
        }
        (STOPWATCH, "startnew") if args.is_empty() => new_stopwatch(s, true),
        (STOPWATCH, "new") if args.is_empty() => new_stopwatch(s, false),
        (STRING_BUILDER, "new") if args.len() <= 1 => match args.first() {
            Some(Value::Num(_)) | None => new_string_builder(""),
            Some(v) => new_string_builder(&v.to_ps_string()),
        },
        ("System.String", "compare") if (2..=3).contains(&args.len()) => {
            let ignore_case = args.get(2).is_some_and(|v| match v {
                Value::Bool(b) => *b,
                other => other
                    .to_ps_string()
                    .to_ascii_lowercase()
                    .contains("ignorecase"),
            });
            Value::integer(crate::runtime::operators::compare_strings(
                &arg_string(&args, 0),
                &arg_string(&args, 1),
                ignore_case,
            ) as i64)
        }
        ("System.String", "equals") if (2..=3).contains(&args.len()) => {
            let ignore_case = args
                .get(2)
                .is_some_and(|v| v.to_ps_string().to_ascii_lowercase().contains("ignorecase"));
            let (a, b) = (arg_string(&args, 0), arg_string(&args, 1));
            Value::Bool(if ignore_case {
                a.to_lowercase() == b.to_lowercase()
            } else {
                a == b
            })
        }
        ("System.String", "isnullorempty") => Value::Bool(
            args.first()
                .is_none_or(|v| v.is_null() || v.to_ps_string().is_empty()),
        ),
        ("System.String", "isnullorwhitespace") => Value::Bool(
            args.first()
                .is_none_or(|v| v.is_null() || v.to_ps_string().trim().is_empty()),
        ),
        ("System.String", "join") if args.len() == 4 && matches!(args[2], Value::Num(_)) => {
            // Join(separator, value[], startIndex, count), with .NET's argument checks.
            let sep = arg_string(&args, 0);
            let items = args[1].enumerate();
            let start = args[2].as_i64().unwrap_or(0);
            let count = args[3].as_i64().unwrap_or(0);
            let fail = |s: &Session, m: String| {
                method_exception(s, name, 4, "System.ArgumentOutOfRangeException", &m, span)
            };
            if start < 0 {
                return Err(fail(
                    s,
                    format!(
                        "startIndex ('{start}') must be a non-negative value. (Parameter 'startIndex')\nActual value was {start}."
                    ),
                ));
            }
            if count < 0 {
                return Err(fail(
                    s,
                    format!(
                        "count ('{count}') must be a non-negative value. (Parameter 'count')\nActual value was {count}."
                    ),
                ));
            }
            let limit = items.len() as i64 - count;
            if start > limit {
                return Err(fail(
                    s,
                    format!(
                        "startIndex ('{start}') must be less than or equal to '{limit}'. (Parameter 'startIndex')\nActual value was {start}."
                    ),
                ));
            }
            let picked: Vec<String> = items[start as usize..(start + count) as usize]
                .iter()
                .map(Value::to_ps_string)
                .collect();
            Value::str(picked.join(&sep))
        }
        ("System.String", "join") => {
            let sep = arg_string(&args, 0);
            let items: Vec<String> = args
                .iter()
                .skip(1)
                .flat_map(|a| a.enumerate())
                .map(|v| v.to_ps_string())
                .collect();
            Value::str(items.join(&sep))
        }
        ("System.String", "format") => {
            let fmt = arg_string(&args, 0);
            let rest = Value::array(args.iter().skip(1).cloned().collect());
            Value::str(crate::runtime::operators::format_operator(
                s, &fmt, &rest, span,
            )?)
        }
        ("System.String", "concat") => {
            Value::str(args.iter().map(Value::to_ps_string).collect::<String>())
        }
        ("System.Math", "round") => {
            let digits = args
                .get(1)
                .and_then(|v| conversion::to_int(v, "System.Int32").ok())
                .unwrap_or(0);
            let f = 10f64.powi(digits as i32);
            let x = num(0) * f;
            Value::double(crate::runtime::number::round_half_even(x) / f)
        }
        ("System.Math", "floor") => Value::double(num(0).floor()),
        ("System.Math", "ceiling") => Value::double(num(0).ceil()),
        ("System.Math", "abs") => Value::double(num(0).abs()),
        ("System.Math", "max") => Value::double(num(0).max(num(1))),
        ("System.Math", "min") => Value::double(num(0).min(num(1))),
        ("System.Math", "sqrt") => Value::double(num(0).sqrt()),
        ("System.Math", "pow") => Value::double(num(0).powf(num(1))),
        ("System.DateTime", "parse") => {
            let text = arg_string(&args, 0);
            Value::DateTime(
                conversion::parse_datetime(&text)
                    .ok_or_else(|| not_a_date(s, name, args.len(), &text, span))?,
            )
        }
        (
            "System.TimeSpan",
            "fromdays" | "fromhours" | "fromminutes" | "fromseconds" | "frommilliseconds",
        ) if args.len() == 1 => {
            let per = match lower.as_str() {
                "fromdays" => timespan::TICKS_PER_DAY,
                "fromhours" => timespan::TICKS_PER_HOUR,
                "fromminutes" => timespan::TICKS_PER_MINUTE,
                "fromseconds" => timespan::TICKS_PER_SECOND,
                _ => timespan::TICKS_PER_MILLISECOND,
            };
            let value = conversion::to_double(&args[0], "System.Double").map_err(|m| {
                s.runtime_error(
                    "MethodArgumentConversionInvalidCastArgument",
                    format!(
                        "Cannot convert argument \"value\", with value: \"{}\", for \"{name}\" to type \"System.Double\": \"{m}\"",
                        args[0].to_ps_string()
                    ),
                    ErrorCategory::NotSpecified,
                    span,
                )
            })?;
            let inner_type = if value.is_nan() {
                "System.ArgumentException"
            } else {
                "System.OverflowException"
            };
            Value::TimeSpan(
                TimeSpan::from_units(value, per)
                    .map_err(|m| method_exception(s, name, 1, inner_type, m, span))?,
            )
        }
        ("System.TimeSpan", "fromticks") if args.len() == 1 => {
            Value::TimeSpan(TimeSpan::from_ticks(arg_int64(&args, 0)))
        }
        ("System.TimeSpan", "parse") if !args.is_empty() => {
            let text = arg_string(&args, 0);
            Value::TimeSpan(TimeSpan::parse(&text).map_err(|m| {
                let inner_type = if m.contains("out of range") {
                    "System.OverflowException"
                } else {
                    "System.FormatException"
                };
                method_exception(s, name, args.len(), inner_type, &m, span)
            })?)
        }
        ("System.TimeSpan", "new") => {
            let n = |i: usize| arg_int64(&args, i);
            let t = match args.len() {
                0 => Some(TimeSpan::ZERO),
                1 => Some(TimeSpan::from_ticks(n(0))),
                3 => TimeSpan::from_parts(0, n(0), n(1), n(2), 0),
                4 => TimeSpan::from_parts(n(0), n(1), n(2), n(3), 0),
                5 => TimeSpan::from_parts(n(0), n(1), n(2), n(3), n(4)),
                count => return Err(overload_error(s, name, count, span)),
            };
            Value::TimeSpan(t.ok_or_else(|| {
                method_exception(
                    s,
                    name,
                    args.len(),
                    "System.ArgumentOutOfRangeException",
                    timespan::OVERFLOW,
                    span,
                )
            })?)
        }
        ("System.Environment", "getenvironmentvariable") => std::env::var(arg_string(&args, 0))
            .map(Value::str)
            .unwrap_or(Value::Null),
        // `[Environment]::SetEnvironmentVariable($name, $value)` (the .env loaders' idiom): the
        // process environment, as `$env:NAME = ...`; `$null` or '' removes the variable.
        ("System.Environment", "setenvironmentvariable") => {
            let value = args.get(1).map(Value::to_ps_string);
            crate::runtime::expression::set_env_var(&arg_string(&args, 0), value.as_deref());
            Value::Null
        }
        ("System.IO.Path", "combine") => {
            let mut p = std::path::PathBuf::new();
            for a in &args {
                p.push(a.to_ps_string().replace('\\', "/"));
            }
            Value::str(p.display().to_string())
        }
        ("System.IO.Path", "getfilename") => Value::str(
            std::path::Path::new(&arg_string(&args, 0).replace('\\', "/"))
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
        ("System.IO.Path", "getextension") => Value::str(
            std::path::Path::new(&arg_string(&args, 0))
                .extension()
                .map(|f| format!(".{}", f.to_string_lossy()))
                .unwrap_or_default(),
        ),
        // .NET resolves a relative path from the process's directory, not Set-Location's
        // (as ReadAllText and the other [System.IO.File] methods do).
        ("System.IO.File", "exists") => {
            let text = arg_string(&args, 0).replace('\\', "/");
            Value::Bool(!text.is_empty() && super::statics::absolute(&text).is_file())
        }
        (t, "new") if t.ends_with("Exception") => {
            let (message, param_name) = exception_message(t, &args);
            let mut ex = PsObject::new(t)
                .with("Message", Value::str(&message))
                .with_text(format!("{t}: {message}"));
            if let Some(p) = param_name {
                ex.set("ParamName", Value::str(p));
            }
            if let Some(inner @ Value::Object(_)) = args.get(1) {
                ex.set("InnerException", inner.clone());
            }
            Value::object(ex)
        }
        ("System.Management.Automation.ErrorRecord", "new") => {
            if args.len() != 4 {
                return Err(overload_error(s, name, args.len(), span));
            }
            let category =
                crate::runtime::error_record::ErrorCategory::parse(&args[2].to_ps_string())
                    .unwrap_or(ErrorCategory::NotSpecified);
            let exception = match &args[0] {
                Value::Object(o) => {
                    let o = o.borrow();
                    crate::runtime::error_record::ExceptionInfo::new(
                        o.type_names.first().cloned().unwrap_or_default(),
                        o.get("Message")
                            .map(|m| m.to_ps_string())
                            .unwrap_or_default(),
                    )
                }
                Value::Error(rec) => rec.exception.clone(),
                other => crate::runtime::error_record::ExceptionInfo::new(
                    "System.Exception",
                    other.to_ps_string(),
                ),
            };
            let mut rec = crate::runtime::error_record::ErrorRecord::new(
                exception,
                args[1].to_ps_string(),
                category,
            );
            if !args[3].is_null() {
                rec.target_name = args[3].to_ps_string();
                rec.target_type = crate::runtime::errors::short_type_name(&args[3].type_name());
                rec.target_object = Some(args[3].clone());
            }
            Value::Error(Rc::new(rec))
        }
        ("System.Management.Automation.PSCredential", "new") => {
            let user = arg_string(&args, 0);
            let pass = match args.get(1) {
                Some(Value::SecureString(p)) => p.to_string(),
                Some(other) => other.to_ps_string(),
                None => String::new(),
            };
            Value::object(conversion::credential(&user, &pass))
        }
        ("System.Convert", "toint32") => Value::integer(
            conversion::to_int(&args.first().cloned().unwrap_or_default(), "System.Int32")
                .unwrap_or(0),
        ),
        ("System.Convert", "tostring") => Value::str(arg_string(&args, 0)),
        ("System.Convert", "toboolean") => Value::Bool(args.first().is_some_and(Value::is_truthy)),
        _ => return Err(method_not_found(s, &ty, name, span)),
    })
}

/// An enum value's methods: HasFlag, ToString (with the G, D, X and F formats), CompareTo,
/// GetTypeCode.
fn enum_method(
    s: &mut Session,
    e: &crate::runtime::value::EnumValue,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let other = |s: &Session, v: &Value| {
        conversion::to_enum_value(v, &e.type_name).map_err(|m| {
            method_exception(s, name, args.len(), "System.ArgumentException", &m, span)
        })
    };
    match (lower, args.len()) {
        ("hasflag", 1) => {
            let flag = other(s, &args[0])?;
            Ok(Value::Bool(e.value & flag.value == flag.value))
        }
        ("tostring", 0) => Ok(Value::str(e.text())),
        ("tostring", 1) => {
            let format = args[0].to_ps_string();
            Ok(Value::str(match format.as_str() {
                "" | "G" | "g" | "F" | "f" => e.text(),
                "D" | "d" => e.value.to_string(),
                "X" | "x" => format!("{:08X}", e.value as u32),
                _ => {
                    return Err(method_exception(
                        s,
                        name,
                        1,
                        "System.FormatException",
                        "Format String can be only 'G', 'g', 'X', 'x', 'F', 'f', 'D' or 'd'.",
                        span,
                    ));
                }
            }))
        }
        ("compareto", 1) => {
            let o = other(s, &args[0])?;
            Ok(Value::int(e.value.cmp(&o.value) as i32))
        }
        ("gettypecode", 0) => Ok(Value::Enum(crate::runtime::value::EnumValue::new(
            "System.TypeCode",
            9,
        ))),
        _ => Err(method_not_found(s, &e.type_name, name, span)),
    }
}

/// `[enum]::GetNames(T)`, `GetValues`, `GetName`, `Parse`, `TryParse`, `IsDefined`, `ToObject`,
/// `GetUnderlyingType`.
fn enum_static(
    s: &mut Session,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let argc = args.len();
    let type_arg = |s: &Session| -> Result<&'static crate::vocab::dotnet::EnumInfo, Flow> {
        let ty = match args.first() {
            Some(Value::Type(t)) => t.to_string(),
            Some(other) => full_type_name(&other.to_ps_string()),
            None => String::new(),
        };
        crate::vocab::dotnet::enum_info(&ty).ok_or_else(|| {
            method_exception(
                s,
                name,
                argc,
                "System.ArgumentException",
                "Type provided must be an Enum. (Parameter 'enumType')",
                span,
            )
        })
    };
    let value_of = |info: &crate::vocab::dotnet::EnumInfo, v: i64| {
        Value::Enum(crate::runtime::value::EnumValue::new(info.name, v))
    };
    Ok(match (lower, argc) {
        ("getnames", 1) => {
            let info = type_arg(s)?;
            Value::array_of(
                ArrayKind::Typed(Rc::from("System.String")),
                info.members.iter().map(|(n, _)| Value::str(n)).collect(),
            )
        }
        ("getvalues", 1) => {
            let info = type_arg(s)?;
            let mut values: Vec<i64> = info.members.iter().map(|(_, v)| *v).collect();
            // GetValues sorts by the unsigned value and lists each value once per name.
            values.sort_by_key(|v| *v as u64);
            Value::array_of(
                ArrayKind::Typed(Rc::from(info.name)),
                values.into_iter().map(|v| value_of(info, v)).collect(),
            )
        }
        ("getname", 2) => {
            let info = type_arg(s)?;
            let v = conversion::to_enum_value(&args[1], info.name)
                .map(|e| e.value)
                .unwrap_or(i64::MIN);
            info.name_of(v).map_or(Value::Null, Value::str)
        }
        ("isdefined", 2) => {
            let info = type_arg(s)?;
            Value::Bool(match &args[1] {
                Value::String(t) => info.members.iter().any(|(n, _)| *n == &**t),
                other => {
                    conversion::to_int(other, "System.Int64").is_ok_and(|v| info.is_defined(v))
                }
            })
        }
        ("parse", 2 | 3) => {
            let info = type_arg(s)?;
            let text = args[1].to_ps_string();
            let ignore_case = args.get(2).is_some_and(Value::is_truthy);
            match parse_enum(info, &text, ignore_case) {
                Some(v) => value_of(info, v),
                None => {
                    return Err(method_exception(
                        s,
                        name,
                        argc,
                        "System.ArgumentException",
                        &format!("Requested value '{}' was not found.", text.trim()),
                        span,
                    ));
                }
            }
        }
        ("toobject", 2) => {
            let info = type_arg(s)?;
            let v = conversion::to_int(&args[1], "System.Int64").map_err(|m| {
                method_exception(s, name, argc, "System.ArgumentException", &m, span)
            })?;
            value_of(info, v)
        }
        ("getunderlyingtype", 1) => Value::Type(Rc::from(type_arg(s)?.underlying)),
        _ => return Err(method_not_found(s, "System.Enum", name, span)),
    })
}

/// Enum.Parse: names (comma-separated), exactly or ignoring case, or a number.
fn parse_enum(info: &crate::vocab::dotnet::EnumInfo, text: &str, ignore_case: bool) -> Option<i64> {
    let mut total = 0i64;
    for part in text.split(',') {
        let part = part.trim();
        let found = info
            .members
            .iter()
            .find(|(n, _)| {
                if ignore_case {
                    n.eq_ignore_ascii_case(part)
                } else {
                    *n == part
                }
            })
            .map(|(_, v)| *v)
            .or_else(|| part.parse::<i64>().ok())?;
        total |= found;
    }
    Some(total)
}

/// `[scriptblock]::Create(text)`: the text parsed as a script block; text that does not parse
/// is the method's ParseException, its errors in NormalView's "At line:L char:C" form.
fn create_script_block(
    s: &mut Session,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let text = args.first().map(Value::to_ps_string).unwrap_or_default();
    let source = crate::syntax::SourceFile::new(None, text);
    match crate::syntax::parse_script(source) {
        Ok(ast) => Ok(Value::ScriptBlock(ast)),
        Err(e) => {
            let inner = e
                .errors
                .iter()
                .map(|err| {
                    let line = e.source.line_of(err.span.start);
                    let col = e.source.column_of(err.span.start);
                    let width = (err.span.end - err.span.start).max(1) as usize;
                    format!(
                        "At line:{line} char:{col}\n+ {}\n+ {}{}\n{}",
                        e.source.line_text(line),
                        " ".repeat(col - 1),
                        "~".repeat(width),
                        err.message
                    )
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            Err(super::method_exception(
                s,
                name,
                args.len(),
                "System.Management.Automation.ParseException",
                &inner,
                span,
            ))
        }
    }
}

/// An exception's Message (and ParamName) from its constructor's arguments. The Argument
/// exceptions append `(Parameter 'name')` as .NET does; ArgumentNullException and
/// ArgumentOutOfRangeException take the parameter name first and have default messages.
fn exception_message(type_full: &str, args: &[Value]) -> (String, Option<String>) {
    let text = |i: usize| args.get(i).map(Value::to_ps_string);
    let with_param = |m: String, p: Option<String>| match p.filter(|p| !p.is_empty()) {
        Some(p) => (format!("{m} (Parameter '{p}')"), Some(p)),
        None => (m, None),
    };
    match type_full {
        "System.ArgumentNullException" | "System.ArgumentOutOfRangeException" => {
            let default = if type_full == "System.ArgumentNullException" {
                "Value cannot be null."
            } else {
                "Specified argument was out of the range of valid values."
            };
            match args {
                [] => (default.to_string(), None),
                [p] => with_param(default.to_string(), Some(p.to_ps_string())),
                // (paramName, message) or, for ArgumentNullException, (message, inner).
                [_, Value::Object(_)] => (text(0).unwrap_or_default(), None),
                _ => with_param(text(1).unwrap_or_default(), text(0)),
            }
        }
        "System.ArgumentException" => match args {
            [] => (
                "Value does not fall within the expected range.".to_string(),
                None,
            ),
            [m] => (m.to_ps_string(), None),
            [m, Value::String(p), ..] => with_param(m.to_ps_string(), Some(p.to_string())),
            [m, ..] => (m.to_ps_string(), None),
        },
        _ => match args.first() {
            Some(m) => (m.to_ps_string(), None),
            None => (format!("Exception of type '{type_full}' was thrown."), None),
        },
    }
}

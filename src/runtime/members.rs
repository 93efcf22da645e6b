//! Member access: properties (with member enumeration over collections), the .NET methods
//! scripts use on strings, arrays and hashtables, static members of the common types
//! (`[guid]::NewGuid()`, `[string]::IsNullOrEmpty()`, ...), indexing, and casts.

use std::rc::Rc;

use super::conversion;
use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::flow::Flow;
use super::interpreter::collapse;
use super::number::{NumKind, Number};
use super::session::{Out, Session};
use super::timespan::{self, TimeSpan};
use super::value::{ArrayKind, DateKind, Native, PsObject, Value, with_kind};
use crate::syntax::Span;

fn method_not_found(s: &Session, type_name: &str, name: &str, span: Span) -> Flow {
    s.runtime_error(
        "MethodNotFound",
        format!("Method invocation failed because [{type_name}] does not contain a method named '{name}'."),
        ErrorCategory::InvalidOperation,
        span,
    )
}

fn overload_error(s: &Session, name: &str, count: usize, span: Span) -> Flow {
    let rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.MethodException",
            format!("Cannot find an overload for \"{name}\" and the argument count: \"{count}\"."),
        ),
        "MethodCountCouldNotFindBest",
        ErrorCategory::NotSpecified,
    );
    s.runtime_record_error(rec, span)
}

fn property_not_found_strict(s: &Session, name: &str, span: Span) -> Flow {
    let mut rec = super::errors::runtime(
        "PropertyNotFoundStrict",
        format!(
            "The property '{name}' cannot be found on this object. Verify that the property exists."
        ),
        ErrorCategory::NotSpecified,
    );
    rec.exception.type_name = "System.Management.Automation.PropertyNotFoundException".into();
    s.runtime_record_error(rec, span)
}

/// A .NET method threw: `Exception calling "M" with "n" argument(s): "inner"`.
fn method_exception(
    s: &Session,
    method: &str,
    argc: usize,
    inner_type: &str,
    inner: &str,
    span: Span,
) -> Flow {
    s.runtime_record_error(
        super::errors::method_invocation(method, argc, inner_type, inner),
        span,
    )
}

/// The full .NET type name a type literal refers to (`[string]` → `System.String`).
pub fn full_type_name(name: &str) -> String {
    let trimmed = name.trim();
    if let Some(element) = trimmed.strip_suffix("[]")
        && !element.eq_ignore_ascii_case("object")
        && !element.eq_ignore_ascii_case("system.object")
    {
        return format!("{}[]", full_type_name(element));
    }
    let lower = trimmed.to_ascii_lowercase();
    let bare = lower.strip_prefix("system.").unwrap_or(&lower);
    match bare {
        "string" => "System.String",
        "int" | "int32" => "System.Int32",
        "long" | "int64" => "System.Int64",
        "double" => "System.Double",
        "decimal" => "System.Decimal",
        "byte" => "System.Byte",
        "sbyte" => "System.SByte",
        "short" | "int16" => "System.Int16",
        "ushort" | "uint16" => "System.UInt16",
        "uint" | "uint32" => "System.UInt32",
        "ulong" | "uint64" => "System.UInt64",
        "float" | "single" => "System.Single",
        "bigint" | "numerics.biginteger" => "System.Numerics.BigInteger",
        "bool" | "boolean" => "System.Boolean",
        "char" => "System.Char",
        "switch" | "management.automation.switchparameter" => {
            "System.Management.Automation.SwitchParameter"
        }
        "object" => "System.Object",
        "array" | "object[]" => "System.Object[]",
        "string[]" => "System.String[]",
        "int[]" => "System.Int32[]",
        "hashtable" | "collections.hashtable" => "System.Collections.Hashtable",
        "ordered" | "collections.specialized.ordereddictionary" => {
            "System.Collections.Specialized.OrderedDictionary"
        }
        "pscustomobject" | "management.automation.pscustomobject" => {
            "System.Management.Automation.PSCustomObject"
        }
        "psobject" | "management.automation.psobject" => "System.Management.Automation.PSObject",
        "guid" => "System.Guid",
        "datetime" => "System.DateTime",
        "timespan" => "System.TimeSpan",
        "scriptblock" | "management.automation.scriptblock" => {
            "System.Management.Automation.ScriptBlock"
        }
        "pscredential" | "management.automation.pscredential" => {
            "System.Management.Automation.PSCredential"
        }
        "securestring" | "security.securestring" => "System.Security.SecureString",
        "math" => "System.Math",
        "environment" => "System.Environment",
        "io.path" => "System.IO.Path",
        "io.file" => "System.IO.File",
        "convert" => "System.Convert",
        "regex" | "text.regularexpressions.regex" => "System.Text.RegularExpressions.Regex",
        "void" => "System.Void",
        "exception" => "System.Exception",
        "management.automation.errorcategory" | "errorcategory" => {
            "System.Management.Automation.ErrorCategory"
        }
        "management.automation.errorrecord" | "errorrecord" => {
            "System.Management.Automation.ErrorRecord"
        }
        "uri" => "System.Uri",
        "version" => "System.Version",
        "ref" | "management.automation.psreference" => PS_REFERENCE,
        "diagnostics.stopwatch" => STOPWATCH,
        "text.stringbuilder" => STRING_BUILDER,
        "cultureinfo" | "globalization.cultureinfo" => "System.Globalization.CultureInfo",
        "dayofweek" => "System.DayOfWeek",
        "datetimekind" => "System.DateTimeKind",
        _ => {
            return super::statics::type_alias(name)
                .map_or_else(|| name.trim().to_string(), str::to_string);
        }
    }
    .to_string()
}

const KNOWN_TYPES: &[&str] = &[
    "System.String",
    "System.Byte",
    "System.SByte",
    "System.Int16",
    "System.UInt16",
    "System.UInt32",
    "System.UInt64",
    "System.Single",
    "System.Numerics.BigInteger",
    "System.Int32",
    "System.Int64",
    "System.Double",
    "System.Decimal",
    "System.Boolean",
    "System.Char",
    "System.Management.Automation.SwitchParameter",
    "System.Object",
    "System.Object[]",
    "System.String[]",
    "System.Int32[]",
    "System.Collections.Hashtable",
    "System.Collections.Specialized.OrderedDictionary",
    "System.Management.Automation.PSCustomObject",
    "System.Management.Automation.PSObject",
    "System.Guid",
    "System.DateTime",
    "System.TimeSpan",
    "System.Management.Automation.ScriptBlock",
    "System.Management.Automation.PSCredential",
    "System.Security.SecureString",
    "System.Math",
    "System.Environment",
    "System.IO.Path",
    "System.IO.File",
    "System.Convert",
    "System.Text.RegularExpressions.Regex",
    "System.Void",
    "System.Exception",
    "System.Management.Automation.ErrorRecord",
    "System.Management.Automation.ErrorCategory",
    "System.Uri",
    "System.Version",
    PS_REFERENCE,
    "System.Globalization.CultureInfo",
    "System.DayOfWeek",
    "System.DateTimeKind",
    "System.Text.StringBuilder",
    "System.Diagnostics.Stopwatch",
];

/// True for a full type name this shell emulates (for `using namespace` lookups).
pub fn is_known_type(full: &str) -> bool {
    KNOWN_TYPES.contains(&full)
        || full
            .strip_suffix("[]")
            .is_some_and(|element| KNOWN_TYPES.contains(&element))
}

fn type_not_found(s: &Session, name: &str, span: Span) -> Flow {
    s.runtime_error(
        "TypeNotFound",
        format!("Unable to find type [{name}]."),
        ErrorCategory::InvalidOperation,
        span,
    )
}

pub fn type_literal(s: &Session, name: &str, span: Span) -> Result<Value, Flow> {
    let full = full_type_name(name);
    if is_known_type(&full) || full.contains('.') {
        Ok(Value::Type(Rc::from(full)))
    } else {
        Err(type_not_found(s, name, span))
    }
}

/// `-is`: the value's type or one of its bases by name.
pub fn value_is_type(v: &Value, ty: &str) -> bool {
    let full = full_type_name(ty);
    let actual = v.type_name();
    if full == actual || full == "System.Object" && !v.is_null() {
        return true;
    }
    match (&full[..], v) {
        ("System.Array", Value::Array(a)) => !a.borrow().kind.is_list(),
        ("System.Collections.IList" | "System.Collections.IEnumerable", Value::Array(_)) => true,
        // Array covariance: an array of a reference type is an Object[]; of a value type not.
        ("System.Object[]", Value::Array(a)) => match &a.borrow().kind {
            ArrayKind::Object => true,
            ArrayKind::Typed(e) => !is_value_type(e),
            _ => false,
        },
        (
            "System.Management.Automation.PSObject" | "System.Management.Automation.PSCustomObject",
            Value::Object(_),
        ) => true,
        (
            "System.ValueType",
            Value::Num(_)
            | Value::Char(_)
            | Value::Bool(_)
            | Value::DateTime(_)
            | Value::TimeSpan(_)
            | Value::Guid(_),
        ) => true,
        ("System.Numerics.BigInteger" | "System.Decimal", _) => false,
        ("System.Collections.IDictionary", Value::Hashtable(_)) => true,
        ("System.Exception", Value::Error(_)) => false,
        (_, Value::Object(o)) => o
            .borrow()
            .type_names
            .iter()
            .any(|t| t.eq_ignore_ascii_case(&full)),
        _ => false,
    }
}

/// True for the .NET value types aapsh knows (numbers, Boolean, Char, DateTime, TimeSpan,
/// Guid): their arrays are not `Object[]`.
fn is_value_type(full: &str) -> bool {
    NumKind::from_full_name(full).is_some()
        || matches!(
            full,
            "System.Boolean"
                | "System.Char"
                | "System.DateTime"
                | "System.TimeSpan"
                | "System.Guid"
        )
}

/// `[type] value`.
pub fn cast(s: &mut Session, v: Value, type_name: &str, span: Span) -> Result<Value, Flow> {
    if let Some(kind) = super::lists::list_kind_for(type_name) {
        let items = v.enumerate();
        let mut converted = Vec::with_capacity(items.len());
        for item in items {
            converted.push(match kind.element() {
                Some(e) => cast(s, item, e, span)?,
                None => item,
            });
        }
        return Ok(s.new_list(kind, converted));
    }
    let full = full_type_name(type_name);
    let err = |s: &Session, m: String| {
        s.runtime_error(
            "InvalidCastException",
            m,
            ErrorCategory::InvalidArgument,
            span,
        )
    };
    Ok(match full.as_str() {
        "System.String" => {
            if v.is_null() {
                Value::str("")
            } else {
                Value::str(s.stringify(&v))
            }
        }
        numeric if NumKind::from_full_name(numeric).is_some() => {
            let kind = NumKind::from_full_name(numeric).unwrap_or(NumKind::Int32);
            Value::Num(conversion::to_number(&v, kind).map_err(|m| err(s, m))?)
        }
        "System.Boolean" | "System.Management.Automation.SwitchParameter" => {
            Value::Bool(v.is_truthy())
        }
        "System.Char" => Value::Char(conversion::to_char(&v).map_err(|m| err(s, m))?),
        "System.Object" | "System.Management.Automation.PSObject" => v,
        "System.Object[]" => match v {
            Value::Array(_) => v,
            Value::Null => Value::array(Vec::new()),
            other => Value::array(vec![other]),
        },
        "System.String[]" => Value::array_of(
            ArrayKind::Typed(Rc::from("System.String")),
            v.enumerate()
                .iter()
                .map(|x| Value::str(x.to_ps_string()))
                .collect(),
        ),
        // A typed array of a known element type: each item is cast to it.
        typed if typed.ends_with("[]") && is_known_type(typed.trim_end_matches("[]")) => {
            let element = typed.trim_end_matches("[]").to_string();
            // A string becomes its characters (String.ToCharArray).
            if let (Value::String(text), "System.Char") = (&v, element.as_str()) {
                let chars = text.encode_utf16().map(Value::Char).collect();
                return Ok(Value::array_of(ArrayKind::Typed(Rc::from(element)), chars));
            }
            let mut out = Vec::new();
            for x in v.enumerate() {
                out.push(cast(s, x, &element, span)?);
            }
            Value::array_of(ArrayKind::Typed(Rc::from(element)), out)
        }
        "System.Collections.Hashtable" => match v {
            Value::Hashtable(_) => v,
            other => return Err(err(s, conversion::cast_error(&other, &full))),
        },
        "System.Collections.Specialized.OrderedDictionary" => match v {
            Value::Hashtable(h) => {
                let mut copy = h.borrow().clone();
                copy.ordered = true;
                Value::hashtable(copy)
            }
            other => return Err(err(s, conversion::cast_error(&other, &full))),
        },
        "System.Management.Automation.PSCustomObject" => super::expression::hashtable_to_object(&v),
        "System.Guid" => Value::Guid(conversion::to_guid(&v).map_err(|m| err(s, m))?),
        "System.DateTime" => match v {
            Value::DateTime(_) => v,
            other => {
                let text = other.to_ps_string();
                Value::DateTime(conversion::parse_datetime(&text).ok_or_else(|| {
                    err(
                        s,
                        conversion::cast_error_with_inner(
                            &text,
                            &full,
                            &format!("String '{text}' was not recognized as a valid DateTime."),
                        ),
                    )
                })?)
            }
        },
        "System.TimeSpan" => Value::TimeSpan(to_timespan(&v).map_err(|m| err(s, m))?),
        "System.Management.Automation.ScriptBlock" => match v {
            Value::ScriptBlock(_) => v,
            other => return Err(err(s, conversion::cast_error(&other, &full))),
        },
        "System.Security.SecureString" => match v {
            Value::SecureString(_) => v,
            other => return Err(err(s, conversion::cast_error(&other, &full))),
        },
        "System.Version" => match &v {
            Value::Object(o)
                if o.borrow()
                    .type_names
                    .first()
                    .is_some_and(|t| t == "System.Version") =>
            {
                v
            }
            other => {
                let text = other.to_ps_string();
                super::expression::parse_version(&text).ok_or_else(|| {
                    err(
                        s,
                        conversion::cast_error_with_inner(
                            &text,
                            &full,
                            "Version string portion was too short or too long.",
                        ),
                    )
                })?
            }
        },
        "System.Void" => Value::Null,
        PS_REFERENCE => reference_object(v, None),
        "System.DayOfWeek" => {
            const DAYS: [&str; 7] = [
                "Sunday",
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
            ];
            let v = match &v {
                Value::Object(o) => o
                    .borrow()
                    .as_enum()
                    .map_or(v.clone(), |(_, n)| Value::integer(n)),
                _ => v,
            };
            let name = conversion::to_enum(&v, &DAYS, &full).map_err(|m| err(s, m))?;
            let n = DAYS.iter().position(|d| *d == name).unwrap_or(0) as i64;
            Value::object(PsObject::enum_value(&full, &name, n))
        }
        "System.Text.RegularExpressions.Regex" => Value::str(v.to_ps_string()),
        _ => {
            if !KNOWN_TYPES.contains(&full.as_str()) && !full.contains('.') {
                return Err(type_not_found(s, type_name, span));
            }
            v
        }
    })
}

/// A value as `[timespan]` converts it: a time span, a number of ticks (the `TimeSpan(Int64)`
/// constructor), `$null` as zero, or a string `TimeSpan.Parse` accepts. The error is the
/// conversion message.
pub fn to_timespan(v: &Value) -> Result<TimeSpan, String> {
    match v {
        Value::TimeSpan(t) => Ok(*t),
        Value::Null => Ok(TimeSpan::ZERO),
        Value::Num(n) if n.kind().is_integer() => {
            Ok(TimeSpan::from_ticks(v.as_i64().ok_or_else(|| {
                conversion::cast_error(v, "System.TimeSpan")
            })?))
        }
        Value::Array(items) if items.borrow().len() == 1 => {
            let first = items.borrow()[0].clone();
            to_timespan(&first)
        }
        Value::String(text) => TimeSpan::parse(text)
            .map_err(|inner| conversion::cast_error_with_inner(text, "System.TimeSpan", &inner)),
        other => Err(conversion::cast_error(other, "System.TimeSpan")),
    }
}

/// A method argument that must be a TimeSpan: pwsh's MethodArgumentConversionInvalidCastArgument
/// when it cannot be converted.
fn timespan_arg(
    s: &Session,
    args: &[Value],
    i: usize,
    method: &str,
    param: &str,
    span: Span,
) -> Result<TimeSpan, Flow> {
    let v = args.get(i).cloned().unwrap_or_default();
    to_timespan(&v).map_err(|inner| {
        s.runtime_error(
            "MethodArgumentConversionInvalidCastArgument",
            format!(
                "Cannot convert argument \"{param}\", with value: \"{}\", for \"{method}\" to type \"System.TimeSpan\": \"{inner}\"",
                v.to_ps_string()
            ),
            ErrorCategory::NotSpecified,
            span,
        )
    })
}

/// `target.Name` (or `[type]::Name` when `is_static`).
pub fn get_member(
    s: &mut Session,
    target: &Value,
    name: &str,
    is_static: bool,
    span: Span,
) -> Result<Value, Flow> {
    if is_static {
        return static_member(s, target, name, span);
    }
    let lower = name.to_ascii_lowercase();
    let found = match target {
        Value::Null => None,
        Value::String(text) => match lower.as_str() {
            "length" => Some(Value::integer(text.chars().count() as i64)),
            _ => None,
        },
        Value::Array(items) => match lower.as_str() {
            "count" | "length" | "longlength" => Some(Value::integer(items.borrow().len() as i64)),
            "rank" => Some(Value::integer(1)),
            _ => {
                // Member enumeration: the property of every element that has it.
                let items = items.borrow().clone();
                let mut out = Vec::new();
                for item in &items {
                    if let Ok(v) = get_member(s, item, name, false, span)
                        && !v.is_null()
                    {
                        match v {
                            Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                            other => out.push(other),
                        }
                    }
                }
                return Ok(collapse(out));
            }
        },
        Value::Hashtable(h) => {
            let h = h.borrow();
            match h.get(&Value::str(name)) {
                Some(v) => Some(v),
                None => match lower.as_str() {
                    "count" => Some(Value::integer(h.len() as i64)),
                    "keys" => Some(Value::array(h.iter().map(|(k, _)| k.clone()).collect())),
                    "values" => Some(Value::array(h.iter().map(|(_, v)| v.clone()).collect())),
                    _ => None,
                },
            }
        }
        Value::Object(o) => {
            if o.borrow().native.is_some() {
                refresh_native(s, o);
            }
            let o = o.borrow();
            match o.get(name) {
                Some(v) => Some(v),
                None if lower == "psobject" => Some(Value::object(
                    PsObject::new("System.Management.Automation.PSMemberSet")
                        .with(
                            "TypeNames",
                            Value::array(o.type_names.iter().map(Value::str).collect()),
                        )
                        .with(
                            "Properties",
                            Value::array(
                                o.properties()
                                    .map(|(n, v)| {
                                        Value::object(
                                            PsObject::new(
                                                "System.Management.Automation.PSNoteProperty",
                                            )
                                            .with("Name", Value::str(n))
                                            .with("Value", v.clone()),
                                        )
                                    })
                                    .collect(),
                            ),
                        ),
                )),
                None => None,
            }
        }
        Value::Error(e) => e.property(name),
        Value::DateTime(dt) => match lower.as_str() {
            "year" => Some(Value::integer(dt.year() as i64)),
            "month" => Some(Value::integer(dt.month() as u8 as i64)),
            "day" => Some(Value::integer(dt.day() as i64)),
            "hour" => Some(Value::integer(dt.hour() as i64)),
            "minute" => Some(Value::integer(dt.minute() as i64)),
            "second" => Some(Value::integer(dt.second() as i64)),
            "dayofweek" => Some(Value::object(PsObject::enum_value(
                "System.DayOfWeek",
                &dt.weekday().to_string(),
                i64::from(dt.weekday().number_days_from_sunday()),
            ))),
            "kind" => {
                let kind = super::value::date_kind(*dt);
                Some(Value::object(PsObject::enum_value(
                    "System.DateTimeKind",
                    kind.name(),
                    kind.number(),
                )))
            }
            "ticks" => Some(Value::integer(date_ticks(*dt))),
            "millisecond" => Some(Value::integer(i64::from(dt.millisecond()))),
            "dayofyear" => Some(Value::integer(i64::from(dt.ordinal()))),
            "timeofday" => {
                TimeSpan::between(*dt, dt.replace_time(time::Time::MIDNIGHT)).map(Value::TimeSpan)
            }
            "date" => Some(Value::DateTime(with_kind(
                dt.replace_time(time::Time::MIDNIGHT),
                super::value::date_kind(*dt),
            ))),
            _ => None,
        },
        Value::TimeSpan(ts) => ts.property(name),
        Value::Type(t) => match lower.as_str() {
            "name" => {
                let base = t.split("[[").next().unwrap_or(t);
                Some(Value::str(base.rsplit('.').next().unwrap_or(base)))
            }
            "fullname" => Some(Value::str(&**t)),
            _ => None,
        },
        Value::Guid(g) => match lower.as_str() {
            "guid" => Some(Value::str(g.hyphenated().to_string())),
            _ => None,
        },
        _ => None,
    };
    match found {
        Some(v) => Ok(v),
        // Every value has a Count and a Length (PowerShell 3+): 1 for a scalar, 0 for $null.
        None if lower == "count" || lower == "length" => {
            Ok(Value::integer(i64::from(!target.is_null())))
        }
        None if s.strict_mode() >= 2 => Err(property_not_found_strict(s, name, span)),
        None => Ok(Value::Null),
    }
}

fn static_member(s: &mut Session, target: &Value, name: &str, span: Span) -> Result<Value, Flow> {
    let ty = match target {
        Value::Type(t) => t.to_string(),
        other => full_type_name(&other.to_ps_string()),
    };
    let lower = name.to_ascii_lowercase();
    Ok(match (ty.as_str(), lower.as_str()) {
        ("System.Environment", "newline") => Value::str("\n"),
        ("System.Management.Automation.ErrorCategory", _) => {
            match super::error_record::ErrorCategory::parse(name) {
                Some(c) => Value::str(c.name()),
                None => Value::Null,
            }
        }
        ("System.Environment", "machinename") => Value::str("AAPSH"),
        ("System.Environment", "username") => Value::str(std::env::var("USER").unwrap_or_default()),
        ("System.String", "empty") => Value::str(""),
        ("System.Int32", "maxvalue") => Value::integer(i32::MAX as i64),
        ("System.Int32", "minvalue") => Value::integer(i32::MIN as i64),
        ("System.Int64", "maxvalue") => Value::integer(i64::MAX),
        ("System.Int64", "minvalue") => Value::integer(i64::MIN),
        ("System.Double", "maxvalue") => Value::double(f64::MAX),
        ("System.Double", "minvalue") => Value::double(f64::MIN),
        ("System.Double", "epsilon") => Value::double(f64::from_bits(1)),
        ("System.Double", "nan") => Value::double(f64::NAN),
        ("System.Double", "positiveinfinity") => Value::double(f64::INFINITY),
        ("System.Double", "negativeinfinity") => Value::double(f64::NEG_INFINITY),
        ("System.DateTime", "maxvalue") => max_date(),
        ("System.Guid", "empty") => Value::Guid(uuid::Uuid::nil()),
        ("System.DateTime", "now") => Value::DateTime(s.clock.now()),
        ("System.DateTime", "utcnow") => Value::DateTime(with_kind(s.clock.now(), DateKind::Utc)),
        ("System.Environment", "osversion") => os_version(),
        ("System.Environment", "is64bitprocess" | "is64bitoperatingsystem") => Value::Bool(true),
        ("System.Globalization.CultureInfo", "invariantculture") => culture(""),
        ("System.Globalization.CultureInfo", "currentculture" | "currentuiculture") => {
            culture("en-US")
        }
        ("System.Diagnostics.Stopwatch", "frequency") => Value::integer(1_000_000_000),
        ("System.Diagnostics.Stopwatch", "ishighresolution") => Value::Bool(true),
        ("System.DateTime", "today") => {
            Value::DateTime(s.clock.now().replace_time(time::Time::MIDNIGHT))
        }
        ("System.DateTime", "minvalue") => min_date(),
        ("System.Math", "pi") => Value::double(std::f64::consts::PI),
        ("System.TimeSpan", "zero") => Value::TimeSpan(TimeSpan::ZERO),
        ("System.TimeSpan", "maxvalue") => Value::TimeSpan(TimeSpan::MAX),
        ("System.TimeSpan", "minvalue") => Value::TimeSpan(TimeSpan::MIN),
        ("System.TimeSpan", "ticksperday") => Value::integer(timespan::TICKS_PER_DAY),
        ("System.TimeSpan", "ticksperhour") => Value::integer(timespan::TICKS_PER_HOUR),
        ("System.TimeSpan", "ticksperminute") => Value::integer(timespan::TICKS_PER_MINUTE),
        ("System.TimeSpan", "tickspersecond") => Value::integer(timespan::TICKS_PER_SECOND),
        ("System.TimeSpan", "tickspermillisecond") => {
            Value::integer(timespan::TICKS_PER_MILLISECOND)
        }
        ("System.Management.Automation.PSCustomObject", _)
        | ("System.Management.Automation.PSObject", _) => Value::Null,
        _ => {
            return Err(s.runtime_error(
                "PropertyNotFound",
                format!("The property '{name}' cannot be found on this object. Verify that the property exists."),
                ErrorCategory::InvalidOperation,
                span,
            ));
        }
    })
}

/// `target.Name = value`.
pub fn set_member(
    s: &mut Session,
    target: &Value,
    name: &str,
    value: Value,
    span: Span,
) -> Result<(), Flow> {
    match target {
        Value::Hashtable(h) => {
            h.borrow_mut().insert(Value::str(name), value);
            Ok(())
        }
        Value::Object(o)
            if name.eq_ignore_ascii_case("value")
                && o.borrow().type_names.first().map(String::as_str) == Some(PS_REFERENCE) =>
        {
            set_reference(s, target, value);
            Ok(())
        }
        Value::Object(o) => {
            let mut o = o.borrow_mut();
            if o.has(name) {
                o.set(name, value);
                Ok(())
            } else {
                Err(s.runtime_error(
                    "PropertyNotFound",
                    format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
                    ErrorCategory::InvalidOperation,
                    span,
                ))
            }
        }
        Value::Null => Err(s.runtime_error(
            "PropertyNotFound",
            format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
            ErrorCategory::InvalidOperation,
            span,
        )),
        _ => Err(s.runtime_error(
            "PropertyAssignmentException",
            format!("'{name}' is a ReadOnly property."),
            ErrorCategory::InvalidOperation,
            span,
        )),
    }
}

/// `target[index]`.
pub fn index(s: &mut Session, target: &Value, idx: &Value, span: Span) -> Result<Value, Flow> {
    match target {
        Value::Null => Err(s.runtime_error(
            "NullArray",
            "Cannot index into a null array.",
            ErrorCategory::InvalidOperation,
            span,
        )),
        Value::Hashtable(h) => {
            if let Value::Array(keys) = idx {
                let h = h.borrow();
                return Ok(Value::array(
                    keys.borrow()
                        .iter()
                        .map(|k| h.get(k).unwrap_or(Value::Null))
                        .collect(),
                ));
            }
            Ok(h.borrow().get(idx).unwrap_or(Value::Null))
        }
        Value::Array(items) => {
            let items = items.borrow();
            if s.strict_mode() >= 3 {
                // Strict mode 3 refuses indexes past either end.
                let len = items.len() as i64;
                for i in idx.enumerate() {
                    let n = conversion::to_int(&i, "System.Int32").unwrap_or(0);
                    if n >= len || n < -len {
                        let mut rec = super::errors::runtime(
                            "System.IndexOutOfRangeException",
                            "Index was outside the bounds of the array.",
                            ErrorCategory::OperationStopped,
                        );
                        rec.exception.type_name = "System.IndexOutOfRangeException".into();
                        return Err(s.runtime_record_error(rec, span));
                    }
                }
            }
            let pick = |i: &Value| -> Value {
                match conversion::to_int(i, "System.Int32") {
                    Ok(n) => {
                        let len = items.len() as i64;
                        let n = if n < 0 { len + n } else { n };
                        if n >= 0 && n < len {
                            items[n as usize].clone()
                        } else {
                            Value::Null
                        }
                    }
                    Err(_) => Value::Null,
                }
            };
            match idx {
                Value::Array(many) => Ok(Value::array(many.borrow().iter().map(pick).collect())),
                one => Ok(pick(one)),
            }
        }
        // A string indexes its UTF-16 code units, each a Char.
        Value::String(text) => {
            let units: Vec<u16> = text.encode_utf16().collect();
            let pick = |i: &Value| -> Value {
                let Ok(n) = conversion::to_int(i, "System.Int32") else {
                    return Value::Null;
                };
                let n = if n < 0 { units.len() as i64 + n } else { n };
                usize::try_from(n)
                    .ok()
                    .and_then(|n| units.get(n))
                    .map_or(Value::Null, |c| Value::Char(*c))
            };
            Ok(match idx {
                Value::Array(many) => Value::array(many.borrow().iter().map(pick).collect()),
                one => pick(one),
            })
        }
        // Anything without an indexer is a one-element collection: `[0]` and `[-1]` give the
        // object itself, any other index `$null` (an error under strict mode 3).
        other => {
            let position = match idx {
                Value::Array(_) => None,
                one => conversion::to_int(one, "System.Int32").ok(),
            };
            match position {
                Some(0 | -1) => Ok(other.clone()),
                _ if s.strict_mode() >= 3 => Err(s.runtime_error(
                    "CannotIndex",
                    format!(
                        "Unable to index into an object of type \"{}\".",
                        receiver_type(other)
                    ),
                    ErrorCategory::InvalidOperation,
                    span,
                )),
                _ => Ok(Value::Null),
            }
        }
    }
}

/// `target[index] = value`.
pub fn set_index(
    s: &mut Session,
    target: &Value,
    idx: &Value,
    value: Value,
    span: Span,
) -> Result<(), Flow> {
    match target {
        Value::Hashtable(h) => {
            h.borrow_mut().insert(idx.clone(), value);
            Ok(())
        }
        Value::Array(items) => {
            let mut items = items.borrow_mut();
            let n = conversion::to_int(idx, "System.Int32").unwrap_or(i64::MAX);
            let len = items.len() as i64;
            let i = if n < 0 { len + n } else { n };
            if i >= 0 && i < len {
                items[i as usize] = value;
                Ok(())
            } else {
                Err(s.runtime_error(
                    "IndexOutOfRange",
                    format!("Array assignment failed because index '{n}' was out of range."),
                    ErrorCategory::InvalidOperation,
                    span,
                ))
            }
        }
        Value::Null => Err(s.runtime_error(
            "NullArray",
            "Cannot index into a null array.",
            ErrorCategory::InvalidOperation,
            span,
        )),
        other => Err(s.runtime_error(
            "CannotIndex",
            format!(
                "Unable to index into an object of type \"{}\".",
                other.type_name()
            ),
            ErrorCategory::InvalidOperation,
            span,
        )),
    }
}

fn arg_string(args: &[Value], i: usize) -> String {
    args.get(i).map(Value::to_ps_string).unwrap_or_default()
}

fn arg_int64(args: &[Value], i: usize) -> i64 {
    args.get(i)
        .and_then(|v| conversion::to_int(v, "System.Int64").ok())
        .unwrap_or(0)
}

fn arg_int(args: &[Value], i: usize) -> i64 {
    args.get(i)
        .and_then(|v| conversion::to_int(v, "System.Int32").ok())
        .unwrap_or(0)
}

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
        return static_method(s, target, name, args, span);
    }
    if let Value::Object(o) = target
        && o.borrow().type_names.first().map(String::as_str) == Some(super::PS_SCRIPT_CMDLET)
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

/// The recorded type whose members a call on `target` looks up.
fn receiver_type(target: &Value) -> String {
    match target {
        Value::Array(a) if !a.borrow().kind.is_list() => "System.Object[]".into(),
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSCustomObject".into()
        }
        other => other.type_name(),
    }
}

/// What binding a call against the recorded type table gave.
enum Binding {
    /// The arguments converted for the chosen overload, and its declared return type.
    Bound(Vec<Value>, String),
    /// The type or the method is not recorded: the arguments as given.
    Unknown(Vec<Value>),
}

/// Binds a call to the overloads recorded for the receiver's type (`vocab::dotnet`): the
/// arguments converted as pwsh's method binder converts them, or pwsh's error when no overload
/// takes them.
fn bind_recorded(
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
    match super::overloads::bind(member.name, &overloads, &args) {
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
fn as_declared(result: Value, returns: &str) -> Value {
    match (&result, NumKind::from_full_name(returns)) {
        (Value::Num(n), Some(kind)) => n.convert(kind).map(Value::Num).unwrap_or(result),
        _ => result,
    }
}

fn invoke_instance(
    s: &mut Session,
    target: &Value,
    name: &str,
    lower: &str,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let lower = lower.to_string();
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
                return Ok(Value::str(super::value::format_double_roundtrip(*d)));
            }
        }
        "tostring" if matches!(target, Value::Num(_)) && args.len() == 1 => {
            let format = args[0].to_ps_string();
            return super::dotnet_format::format_value(target, &format, s.culture)
                .map(Value::str)
                .map_err(|e| {
                    method_exception(s, name, 1, "System.FormatException", &e.message(), span)
                });
        }
        // A date's ToString() is the current culture's general format; only PowerShell's own
        // conversion (`"$d"`) is invariant.
        "tostring" if matches!(target, Value::DateTime(_)) && args.is_empty() => {
            if let Value::DateTime(dt) = target {
                return Ok(Value::str(super::dotnet_format::format_date(
                    *dt, "G", s.culture,
                )));
            }
        }
        // The object's own ToString(): an array's type name, a PSCustomObject's empty text.
        "tostring" if !matches!(target, Value::Null) && args.is_empty() => {
            return Ok(Value::str(target.element_string()));
        }
        "gettype" if !matches!(target, Value::Null) => {
            return Ok(Value::Type(Rc::from(target.type_name())));
        }
        "equals" if !matches!(target, Value::Null) && args.len() == 1 => {
            return Ok(Value::Bool(super::operators::values_equal(
                target, &args[0], false,
            )));
        }
        _ => {}
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
                && let Some(v) = super::lists::list_method(s, &kind, items, &lower, &args)
            {
                return Ok(v);
            }
            let snapshot = items.borrow().clone();
            match lower.as_str() {
                "contains" if args.len() == 1 => {
                    Ok(Value::Bool(snapshot.iter().any(|x| {
                        super::operators::values_equal(x, &args[0], true)
                    })))
                }
                "indexof" if args.len() == 1 => Ok(Value::integer(
                    snapshot
                        .iter()
                        .position(|x| super::operators::values_equal(x, &args[0], true))
                        .map_or(-1, |i| i as i64),
                )),
                "where" | "foreach" => {
                    let Some(Value::ScriptBlock(sb)) = args.first() else {
                        return Err(overload_error(s, name, args.len(), span));
                    };
                    let mut out = Vec::new();
                    for item in snapshot {
                        s.scopes
                            .set("_", item.clone(), super::scope::Qualifier::Local);
                        let mut produced = Vec::new();
                        s.exec_script_body(sb, &mut Out::Collect(&mut produced))?;
                        if lower == "where" {
                            if collapse(produced).is_truthy() {
                                out.push(item);
                            }
                        } else {
                            out.extend(produced);
                        }
                    }
                    Ok(Value::array(out))
                }
                "add" | "remove" | "clear" | "insert" => Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.NotSupportedException",
                    "Collection was of a fixed size.",
                    span,
                )),
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
                    super::operators::values_equal(v, &args[0], false)
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
                    Ok(Value::str(super::dotnet_format::format_date(
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
                    Ok(Value::str(super::dotnet_format::format_date(
                        *dt, f, s.culture,
                    )))
                }

                _ => Err(method_not_found(s, "System.DateTime", name, span)),
            }
        }
        Value::TimeSpan(ts) => timespan_method(s, *ts, &lower, name, &args, span),
        Value::ScriptBlock(sb) if lower == "invoke" || lower == "invokereturnasis" => {
            let mut produced = Vec::new();
            let args: Vec<super::binder::CommandArg> = args
                .into_iter()
                .map(|v| super::binder::CommandArg::Value { value: v, span })
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

fn timespan_method(
    s: &Session,
    ts: TimeSpan,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let overflow = |s: &Session| {
        method_exception(
            s,
            name,
            args.len(),
            "System.OverflowException",
            timespan::OVERFLOW,
            span,
        )
    };
    let result =
        |s: &Session, t: Option<TimeSpan>| t.map(Value::TimeSpan).ok_or_else(|| overflow(s));
    match (lower, args.len()) {
        ("tostring", 1 | 2) => {
            let format = arg_string(args, 0);
            ts.format(&format).map(Value::str).ok_or_else(|| {
                method_exception(
                    s,
                    name,
                    args.len(),
                    "System.FormatException",
                    timespan::BAD_FORMAT,
                    span,
                )
            })
        }
        ("add", 1) => {
            let other = timespan_arg(s, args, 0, name, "ts", span)?;
            result(s, ts.checked_add(other))
        }
        ("subtract", 1) => {
            let other = timespan_arg(s, args, 0, name, "ts", span)?;
            result(s, ts.checked_sub(other))
        }
        ("negate", 0) => result(s, ts.checked_neg()),
        ("duration", 0) => result(s, ts.checked_abs()),
        ("compareto", 1) => {
            let other = timespan_arg(s, args, 0, name, "value", span)?;
            Ok(Value::integer(match ts.cmp(&other) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }))
        }
        ("add" | "subtract" | "negate" | "duration" | "compareto" | "tostring", n) => {
            Err(overload_error(s, name, n, span))
        }
        _ => Err(method_not_found(s, "System.TimeSpan", name, span)),
    }
}

/// `String.Split` for the overload the binder chose: a string separator splits on the whole
/// string (an empty one not at all), a char or char array on any of its characters (none:
/// white space); an Int32 argument caps the number of parts; StringSplitOptions remove empty
/// entries and trim them.
fn string_split(text: &str, args: &[Value]) -> Value {
    enum Sep {
        Whole(String),
        Chars(Vec<char>),
    }
    let sep = match args.first() {
        Some(Value::String(s)) => Sep::Whole(s.to_string()),
        Some(Value::Char(c)) => Sep::Chars(super::value::char_text(*c).chars().collect()),
        Some(Value::Array(items)) => Sep::Chars(
            items
                .borrow()
                .iter()
                .flat_map(|c| c.to_ps_string().chars().collect::<Vec<_>>())
                .collect(),
        ),
        Some(Value::Null) | None => Sep::Chars(Vec::new()),
        Some(other) => Sep::Whole(other.to_ps_string()),
    };
    let mut count: Option<usize> = None;
    let (mut remove_empty, mut trim) = (false, false);
    for a in args.iter().skip(1) {
        match a {
            Value::Num(n) => count = n.as_i128().map(|v| v.max(0) as usize),
            other => {
                let text = other.to_ps_string();
                for flag in text.split(',') {
                    match flag.trim().to_ascii_lowercase().as_str() {
                        "removeemptyentries" | "1" => remove_empty = true,
                        "trimentries" | "2" => trim = true,
                        "3" => {
                            remove_empty = true;
                            trim = true;
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    let mut parts: Vec<String> = match &sep {
        Sep::Whole(s) if s.is_empty() => vec![text.to_string()],
        Sep::Whole(s) => text.split(s.as_str()).map(str::to_string).collect(),
        Sep::Chars(chars) if chars.is_empty() => text
            .split(char::is_whitespace)
            .map(str::to_string)
            .collect(),
        Sep::Chars(chars) => text
            .split(|c| chars.contains(&c))
            .map(str::to_string)
            .collect(),
    };
    if let Some(limit) = count
        && limit > 0
        && parts.len() > limit
    {
        // The last part keeps the rest of the text, separators included.
        let head: Vec<String> = parts[..limit - 1].to_vec();
        let consumed: usize = head.iter().map(|p| p.len()).sum::<usize>()
            + (limit - 1)
                * match &sep {
                    Sep::Whole(s) => s.len(),
                    Sep::Chars(_) => 1,
                };
        let mut head = head;
        head.push(text.get(consumed..).unwrap_or_default().to_string());
        parts = head;
    }
    if count == Some(0) {
        parts.clear();
    }
    Value::array(
        parts
            .into_iter()
            .map(|p| if trim { p.trim().to_string() } else { p })
            .filter(|p| !remove_empty || !p.is_empty())
            .map(Value::str)
            .collect(),
    )
}

fn string_method(
    s: &Session,
    text: &str,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let cs_arg = |i: usize| -> bool {
        // StringComparison.OrdinalIgnoreCase and friends as the last argument.
        args.get(i)
            .map(|v| v.to_ps_string().to_ascii_lowercase().contains("ignorecase"))
            .unwrap_or(false)
    };
    let v = match (lower, args.len()) {
        ("trim", 0) => Value::str(text.trim()),
        ("trim", _) => {
            let chars: Vec<char> = args
                .iter()
                .flat_map(|a| a.to_ps_string().chars().collect::<Vec<_>>())
                .collect();
            Value::str(text.trim_matches(|c| chars.contains(&c)))
        }
        ("trimstart", 0) => Value::str(text.trim_start()),
        ("trimstart", _) => {
            let chars: Vec<char> = arg_string(args, 0).chars().collect();
            Value::str(text.trim_start_matches(|c| chars.contains(&c)))
        }
        ("trimend", 0) => Value::str(text.trim_end()),
        ("trimend", _) => {
            let chars: Vec<char> = arg_string(args, 0).chars().collect();
            Value::str(text.trim_end_matches(|c| chars.contains(&c)))
        }
        ("tolower" | "tolowerinvariant", 0) => Value::str(text.to_lowercase()),
        ("toupper" | "toupperinvariant", 0) => Value::str(text.to_uppercase()),
        ("split", _) => string_split(text, args),
        ("replace", 2) => {
            let from = arg_string(args, 0);
            if from.is_empty() {
                return Err(method_exception(
                    s,
                    name,
                    2,
                    "System.ArgumentException",
                    "String cannot be of zero length. (Parameter 'oldValue')",
                    span,
                ));
            }
            Value::str(text.replace(&from, &arg_string(args, 1)))
        }
        ("startswith", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().starts_with(&p.to_lowercase())
            } else {
                text.starts_with(&p)
            })
        }
        ("endswith", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().ends_with(&p.to_lowercase())
            } else {
                text.ends_with(&p)
            })
        }
        ("contains", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().contains(&p.to_lowercase())
            } else {
                text.contains(&p)
            })
        }
        ("indexof", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::integer(
                text.find(&p)
                    .map_or(-1, |b| text[..b].chars().count() as i64),
            )
        }
        ("lastindexof", 1) => {
            let p = arg_string(args, 0);
            Value::integer(
                text.rfind(&p)
                    .map_or(-1, |b| text[..b].chars().count() as i64),
            )
        }
        ("substring", 1 | 2) => {
            let chars: Vec<char> = text.chars().collect();
            let start = arg_int(args, 0);
            let len = if args.len() == 2 {
                arg_int(args, 1)
            } else {
                chars.len() as i64 - start
            };
            if start < 0 || len < 0 || start + len > chars.len() as i64 {
                let inner = if start < 0 {
                    "StartIndex cannot be less than zero. (Parameter 'startIndex')"
                } else if start > chars.len() as i64 {
                    "startIndex cannot be larger than length of string. (Parameter 'startIndex')"
                } else if len < 0 {
                    "Length cannot be less than zero. (Parameter 'length')"
                } else {
                    "Index and length must refer to a location within the string. (Parameter 'length')"
                };
                return Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.ArgumentOutOfRangeException",
                    inner,
                    span,
                ));
            }
            Value::str(
                chars[start as usize..(start + len) as usize]
                    .iter()
                    .collect::<String>(),
            )
        }
        ("padleft", 1 | 2) => {
            let w = arg_int(args, 0).max(0) as usize;
            let c = arg_string(args, 1).chars().next().unwrap_or(' ');
            let n = text.chars().count();
            Value::str(format!(
                "{}{text}",
                c.to_string().repeat(w.saturating_sub(n))
            ))
        }
        ("padright", 1 | 2) => {
            let w = arg_int(args, 0).max(0) as usize;
            let c = arg_string(args, 1).chars().next().unwrap_or(' ');
            let n = text.chars().count();
            Value::str(format!(
                "{text}{}",
                c.to_string().repeat(w.saturating_sub(n))
            ))
        }
        ("insert", 2) => {
            let chars: Vec<char> = text.chars().collect();
            let at = (arg_int(args, 0).max(0) as usize).min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.push_str(&arg_string(args, 1));
            out.extend(&chars[at..]);
            Value::str(out)
        }
        ("remove", 1 | 2) => {
            let chars: Vec<char> = text.chars().collect();
            let at = (arg_int(args, 0).max(0) as usize).min(chars.len());
            let len = if args.len() == 2 {
                arg_int(args, 1).max(0) as usize
            } else {
                chars.len() - at
            };
            let end = (at + len).min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.extend(&chars[end..]);
            Value::str(out)
        }
        ("tochararray", 0) => {
            Value::array(text.chars().map(|c| Value::str(c.to_string())).collect())
        }
        ("normalize", _) | ("clone", 0) => Value::str(text),
        ("compareto", 1) => Value::integer(match text.cmp(&arg_string(args, 0)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        _ => {
            let known = [
                "trim",
                "trimstart",
                "trimend",
                "tolower",
                "toupper",
                "split",
                "replace",
                "startswith",
                "endswith",
                "contains",
                "indexof",
                "substring",
                "padleft",
                "padright",
                "insert",
                "remove",
            ];
            if known.contains(&lower) {
                return Err(overload_error(s, name, args.len(), span));
            }
            return Err(method_not_found(s, "System.String", name, span));
        }
    };
    Ok(v)
}

fn static_method(
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

fn static_call(
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
    Ok(match (ty.as_str(), lower.as_str()) {
        ("System.Guid", "newguid") => Value::Guid(s.ids.new_guid()),
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
        ("System.Int32" | "System.Int64", "tryparse") => {
            let text = arg_string(&args, 0);
            let t = text.trim();
            let parsed = t.parse::<i64>().ok();
            let parsed = parsed.filter(|i| ty == "System.Int64" || i32::try_from(*i).is_ok());
            try_parse_result(s, &args, 1, parsed.map(Value::integer), Value::integer(0))
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
            Value::integer(super::operators::compare_strings(
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
            Value::str(super::operators::format_operator(s, &fmt, &rest, span)?)
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
            Value::double(super::number::round_half_even(x) / f)
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
            super::expression::set_env_var(&arg_string(&args, 0), value.as_deref());
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
            let message = match args.first() {
                Some(m) => m.to_ps_string(),
                None => format!("Exception of type '{t}' was thrown."),
            };
            let mut ex = PsObject::new(t)
                .with("Message", Value::str(&message))
                .with_text(format!("{t}: {message}"));
            if let Some(inner @ Value::Object(_)) = args.get(1) {
                ex.set("InnerException", inner.clone());
            }
            Value::object(ex)
        }
        ("System.Management.Automation.ErrorRecord", "new") => {
            if args.len() != 4 {
                return Err(overload_error(s, name, args.len(), span));
            }
            let category = super::error_record::ErrorCategory::parse(&args[2].to_ps_string())
                .unwrap_or(ErrorCategory::NotSpecified);
            let exception = match &args[0] {
                Value::Object(o) => {
                    let o = o.borrow();
                    super::error_record::ExceptionInfo::new(
                        o.type_names.first().cloned().unwrap_or_default(),
                        o.get("Message")
                            .map(|m| m.to_ps_string())
                            .unwrap_or_default(),
                    )
                }
                Value::Error(rec) => rec.exception.clone(),
                other => super::error_record::ExceptionInfo::new(
                    "System.Exception",
                    other.to_ps_string(),
                ),
            };
            let mut rec =
                super::error_record::ErrorRecord::new(exception, args[1].to_ps_string(), category);
            if !args[3].is_null() {
                rec.target_name = args[3].to_ps_string();
                rec.target_type = super::errors::short_type_name(&args[3].type_name());
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
        ("System.Text.RegularExpressions.Regex", "escape") => {
            Value::str(regex::escape(&arg_string(&args, 0)))
        }
        ("System.Text.RegularExpressions.Regex", "ismatch") => Value::Bool(
            regex::Regex::new(&arg_string(&args, 1))
                .map(|r| r.is_match(&arg_string(&args, 0)))
                .unwrap_or(false),
        ),
        ("System.Convert", "toint32") => Value::integer(
            conversion::to_int(&args.first().cloned().unwrap_or_default(), "System.Int32")
                .unwrap_or(0),
        ),
        ("System.Convert", "tostring") => Value::str(arg_string(&args, 0)),
        ("System.Convert", "toboolean") => Value::Bool(args.first().is_some_and(Value::is_truthy)),
        _ => return Err(method_not_found(s, &ty, name, span)),
    })
}

pub const PS_REFERENCE: &str = "System.Management.Automation.PSReference";
pub const STOPWATCH: &str = "System.Diagnostics.Stopwatch";
pub const STRING_BUILDER: &str = "System.Text.StringBuilder";

/// `[ref]` names PSReference.
pub fn is_ref_type(name: &str) -> bool {
    full_type_name(name) == PS_REFERENCE
}

fn reference_object(value: Value, native: Option<Native>) -> Value {
    let mut o = PsObject::new(PS_REFERENCE).with("Value", value);
    o.native = native;
    Value::object(o)
}

/// `[ref]$name`: a reference to the variable, which must exist (`[ref]$null` refers to nothing).
pub fn variable_ref(
    s: &mut Session,
    var: &crate::syntax::ast::VariableRef,
    span: Span,
) -> Result<Value, Flow> {
    if var.scope.is_none() && var.name.eq_ignore_ascii_case("null") {
        return Ok(reference_object(Value::Null, None));
    }
    let q = super::scope::Qualifier::parse(var.scope.as_deref());
    match s.scopes.locate(&var.name, q) {
        Some(scope) => {
            let value = s
                .scopes
                .get_at(scope, &var.name)
                .map(|v| v.value.clone())
                .unwrap_or_default();
            let native = Native::VarRef {
                name: var.name.clone(),
                scope,
            };
            Ok(reference_object(value, Some(native)))
        }
        None => Err(s.runtime_error(
            "NonExistingVariableReference",
            "[ref] cannot be applied to a variable that does not exist.",
            ErrorCategory::InvalidOperation,
            span,
        )),
    }
}

/// Writes through a `[ref]` argument (TryParse's out parameter); anything else is ignored.
pub fn set_reference(s: &mut Session, target: &Value, value: Value) {
    let Value::Object(o) = target else { return };
    let mut o = o.borrow_mut();
    if o.type_names.first().map(String::as_str) != Some(PS_REFERENCE) {
        return;
    }
    if let Some(Native::VarRef { name, scope }) = &o.native {
        s.scopes.set_at(*scope, name, value.clone());
    }
    o.set("Value", value);
}

/// Brings the computed properties of a native object up to date (a reference's variable, a
/// stopwatch's elapsed time on the session clock).
fn refresh_native(s: &Session, o: &Rc<std::cell::RefCell<PsObject>>) {
    let mut o = o.borrow_mut();
    match o.native.clone() {
        Some(Native::VarRef { name, scope }) => {
            if let Some(v) = s.scopes.get_at(scope, &name) {
                let v = v.value.clone();
                o.set("Value", v);
            }
        }
        Some(Native::Stopwatch { banked, started }) => {
            let elapsed = stopwatch_elapsed(s, banked, started);
            o.set("IsRunning", Value::Bool(started.is_some()));
            o.set("Elapsed", Value::TimeSpan(elapsed));
            o.set(
                "ElapsedMilliseconds",
                Value::integer(elapsed.ticks() / timespan::TICKS_PER_MILLISECOND),
            );
            // Stopwatch.Frequency is 1 000 000 000 on Linux and macOS (nanosecond ticks).
            o.set(
                "ElapsedTicks",
                Value::integer(elapsed.ticks().saturating_mul(100)),
            );
        }
        _ => {}
    }
}

fn stopwatch_elapsed(
    s: &Session,
    banked: TimeSpan,
    started: Option<time::OffsetDateTime>,
) -> TimeSpan {
    let running = started
        .and_then(|t| TimeSpan::between(s.clock.now(), t))
        .unwrap_or(TimeSpan::ZERO);
    TimeSpan::from_ticks(banked.ticks().saturating_add(running.ticks()))
}

/// `[System.Diagnostics.Stopwatch]::new()` (stopped) or `::StartNew()`.
pub fn new_stopwatch(s: &Session, running: bool) -> Value {
    let o = Rc::new(std::cell::RefCell::new(PsObject::new(STOPWATCH)));
    o.borrow_mut().native = Some(Native::Stopwatch {
        banked: TimeSpan::ZERO,
        started: running.then(|| s.clock.now()),
    });
    refresh_native(s, &o);
    Value::Object(o)
}

/// `[System.Text.StringBuilder]::new([text])`: capacity 16, or the text's length if longer.
pub fn new_string_builder(text: &str) -> Value {
    let mut o = PsObject::new(STRING_BUILDER);
    let len = text.chars().count() as i64;
    o.native = Some(Native::StringBuilder {
        text: text.to_string(),
        capacity: len.max(16),
    });
    sync_builder(&mut o);
    Value::object(o)
}

/// Copies a StringBuilder's state to its visible properties and its `ToString()`.
fn sync_builder(o: &mut PsObject) {
    if let Some(Native::StringBuilder { text, capacity }) = o.native.clone() {
        o.set("Capacity", Value::integer(capacity));
        o.set("MaxCapacity", Value::integer(i64::from(i32::MAX)));
        o.set("Length", Value::integer(text.chars().count() as i64));
        o.text = Some(text);
    }
}

/// .NET's StringBuilder growth: text that does not fit fills the last chunk, then a new chunk
/// of `max(rest, min(Length, 8000))` characters is added (StringBuilder.ExpandByABlock).
fn builder_capacity(capacity: i64, old_len: i64, new_len: i64) -> i64 {
    if new_len <= capacity {
        return capacity;
    }
    let rest = new_len - capacity;
    let _ = old_len;
    capacity + rest.max(capacity.min(8000))
}

/// Methods of the native objects; `None` when the object is not one of them.
fn native_method(
    s: &mut Session,
    target: &Value,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let Value::Object(o) = target else {
        return None;
    };
    let native = o.borrow().native.clone()?;
    Some(match native {
        Native::Stopwatch { banked, started } => {
            let now = s.clock.now();
            let (banked, started, out) = match lower {
                "start" => (banked, started.or(Some(now)), Value::Null),
                "stop" => (stopwatch_elapsed(s, banked, started), None, Value::Null),
                "reset" => (TimeSpan::ZERO, None, Value::Null),
                "restart" => (TimeSpan::ZERO, Some(now), Value::Null),
                _ => return Some(Err(method_not_found(s, STOPWATCH, name, span))),
            };
            o.borrow_mut().native = Some(Native::Stopwatch { banked, started });
            refresh_native(s, o);
            Ok(out)
        }
        Native::StringBuilder { mut text, capacity } => {
            let old_len = text.chars().count() as i64;
            match lower {
                "append" if args.len() == 1 => text.push_str(&args[0].to_ps_string()),
                "appendline" if args.len() <= 1 => {
                    if let Some(a) = args.first() {
                        text.push_str(&a.to_ps_string());
                    }
                    text.push('\n');
                }
                "appendformat" if !args.is_empty() => {
                    let rest = Value::array(args[1..].to_vec());
                    match super::operators::format_operator(s, &args[0].to_ps_string(), &rest, span)
                    {
                        Ok(t) => text.push_str(&t),
                        Err(e) => return Some(Err(e)),
                    }
                }
                "insert" if args.len() == 2 => {
                    let at = arg_int(args, 0).max(0) as usize;
                    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                    text.insert_str(byte, &args[1].to_ps_string());
                }
                "replace" if args.len() == 2 => {
                    let from = args[0].to_ps_string();
                    if !from.is_empty() {
                        text = text.replace(&from, &args[1].to_ps_string());
                    }
                }
                "remove" if args.len() == 2 => {
                    let (start, count) = (arg_int(args, 0).max(0), arg_int(args, 1).max(0));
                    if start + count > old_len {
                        return Some(Err(method_exception(
                            s,
                            name,
                            2,
                            "System.ArgumentOutOfRangeException",
                            "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'length')",
                            span,
                        )));
                    }
                    text = text
                        .chars()
                        .enumerate()
                        .filter(|(i, _)| (*i as i64) < start || (*i as i64) >= start + count)
                        .map(|(_, c)| c)
                        .collect();
                }
                "clear" if args.is_empty() => text.clear(),
                "tostring" if args.is_empty() => return Some(Ok(Value::str(text))),
                "append" | "appendline" | "appendformat" | "insert" | "replace" | "remove"
                | "clear" | "tostring" => {
                    return Some(Err(overload_error(s, name, args.len(), span)));
                }
                _ => return Some(Err(method_not_found(s, STRING_BUILDER, name, span))),
            }
            let new_len = text.chars().count() as i64;
            let capacity = builder_capacity(capacity, old_len, new_len);
            let mut b = o.borrow_mut();
            b.native = Some(Native::StringBuilder { text, capacity });
            sync_builder(&mut b);
            drop(b);
            // Append and the like return the builder itself.
            Ok(target.clone())
        }
        Native::VarRef { .. } => return None,
    })
}

/// `[datetime]::ParseExact(text, format, provider)` for the custom patterns `format_date` writes
/// (numeric fields, `MMM`/`MMMM` month names, `tt`, literal text); Unspecified kind.
pub fn parse_exact(text: &str, format: &str) -> Option<time::OffsetDateTime> {
    let pattern = super::culture::INVARIANT
        .date_pattern(format)
        .unwrap_or_else(|| format.to_string());
    let f: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut year, mut month, mut day) = (1i32, 1u8, 1u8);
    let (mut hour, mut minute, mut second, mut nanos) = (0u8, 0u8, 0u8, 0u32);
    let mut pm: Option<bool> = None;
    let (mut i, mut j) = (0usize, 0usize);
    let digits = |j: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *j;
        while *j < t.len() && *j - start < max && t[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j - start < min {
            return None;
        }
        t[start..*j].iter().collect::<String>().parse().ok()
    };
    while i < f.len() {
        let c = f[i];
        let mut n = 1;
        while i + n < f.len() && f[i + n] == c {
            n += 1;
        }
        match c {
            'y' => {
                let v = digits(&mut j, n.min(4), if n <= 2 { 2 } else { n.max(4) })?;
                year = if n <= 2 { 2000 + v as i32 } else { v as i32 };
            }
            'M' if n >= 3 => {
                let rest: String = t[j..].iter().collect();
                let (m, len) = (1..=12u8).find_map(|m| {
                    let full = time::Month::try_from(m).ok()?.to_string();
                    let name = if n == 3 { full[..3].to_string() } else { full };
                    rest.to_ascii_lowercase()
                        .starts_with(&name.to_ascii_lowercase())
                        .then_some((m, name.len()))
                })?;
                month = m;
                j += len;
            }
            'd' if n >= 3 => {
                let rest: String = t[j..].iter().collect::<String>().to_ascii_lowercase();
                let len = [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .iter()
                .find_map(|d| {
                    let name = if n == 3 { &d[..3] } else { d };
                    rest.starts_with(name).then_some(name.len())
                })?;
                j += len;
            }
            'M' | 'd' | 'H' | 'h' | 'm' | 's' => {
                let v = u8::try_from(digits(&mut j, n, 2)?).ok()?;
                match c {
                    'M' => month = v,
                    'd' => day = v,
                    'H' | 'h' => hour = v,
                    'm' => minute = v,
                    _ => second = v,
                }
            }
            'f' | 'F' => {
                let start = j;
                let v = digits(&mut j, if c == 'f' { n } else { 0 }, n)?;
                let width = (j - start) as u32;
                nanos = if width == 0 {
                    0
                } else {
                    v * 10u32.pow(9 - width)
                };
            }
            't' => {
                let rest: String = t[j..].iter().take(n.min(2)).collect();
                let upper = rest.to_ascii_uppercase();
                pm = Some(upper.starts_with('P'));
                if !upper.starts_with('A') && !upper.starts_with('P') {
                    return None;
                }
                j += rest.chars().count();
            }
            '\'' | '"' => {
                let close = f[i + 1..].iter().position(|x| *x == c)? + i + 1;
                for lit in &f[i + 1..close] {
                    if t.get(j) != Some(lit) {
                        return None;
                    }
                    j += 1;
                }
                i = close + 1;
                continue;
            }
            '\\' => {
                if t.get(j) != f.get(i + 1) {
                    return None;
                }
                j += 1;
                i += 2;
                continue;
            }
            other => {
                for _ in 0..n {
                    if t.get(j) != Some(&other) {
                        return None;
                    }
                    j += 1;
                }
            }
        }
        i += n;
    }
    if j != t.len() {
        return None;
    }
    if let Some(pm) = pm {
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, h) if h < 12 => h + 12,
            (_, h) => h,
        };
    }
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let time = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(with_kind(
        time::PrimitiveDateTime::new(date, time).assume_utc(),
        DateKind::Unspecified,
    ))
}

/// A TryParse result: writes the parsed value (or the type's default) through the `[ref]`
/// argument at `out` and returns whether it parsed.
fn try_parse_result(
    s: &mut Session,
    args: &[Value],
    out: usize,
    parsed: Option<Value>,
    default: Value,
) -> Value {
    let ok = parsed.is_some();
    if let Some(target) = args.get(out) {
        set_reference(s, target, parsed.unwrap_or(default));
    }
    Value::Bool(ok)
}

/// `[datetime]::MinValue`: 1/1/0001, Unspecified.
/// DateTime.MaxValue: 12/31/9999 23:59:59.9999999, Unspecified.
fn max_date() -> Value {
    let last = time::Date::from_calendar_date(9999, time::Month::December, 31)
        .unwrap_or(time::Date::MAX)
        .with_hms_nano(23, 59, 59, 999_999_900)
        .map(|d| d.assume_utc())
        .unwrap_or_else(|_| time::Date::MAX.midnight().assume_utc());
    Value::DateTime(with_kind(last, DateKind::Unspecified))
}

/// DateTime.Parse / ParseExact on text that is not a date.
fn not_a_date(s: &Session, name: &str, argc: usize, text: &str, span: Span) -> Flow {
    method_exception(
        s,
        name,
        argc,
        "System.FormatException",
        &format!("String '{text}' was not recognized as a valid DateTime."),
        span,
    )
}

fn min_date() -> Value {
    let first = time::Date::from_calendar_date(1, time::Month::January, 1)
        .unwrap_or(time::Date::MIN)
        .midnight()
        .assume_utc();
    Value::DateTime(with_kind(first, DateKind::Unspecified))
}

/// DateTime.Ticks: 100 ns intervals since 1/1/0001.
fn date_ticks(dt: time::OffsetDateTime) -> i64 {
    let epoch = time::Date::from_calendar_date(1, time::Month::January, 1)
        .map(|d| time::PrimitiveDateTime::new(d, time::Time::MIDNIGHT).assume_utc());
    epoch
        .ok()
        .and_then(|e| TimeSpan::between(dt.to_offset(time::UtcOffset::UTC), e))
        .map_or(0, TimeSpan::ticks)
}

/// AddMonths: the same day, clamped to the target month's last day.
fn add_months(dt: time::OffsetDateTime, months: i64) -> Option<time::OffsetDateTime> {
    let index = i64::from(dt.year()) * 12 + i64::from(dt.month() as u8) - 1 + months;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let day = dt.day().min(month.length(year));
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    Some(dt.replace_date(date))
}

/// `[Environment]::OSVersion` on the host: .NET reports the Unix platform with the kernel
/// version (`Unix 6.8.0.0`).
fn os_version() -> Value {
    let platform = if cfg!(windows) { "Win32NT" } else { "Unix" };
    let release = if cfg!(windows) {
        String::from("10.0.0")
    } else {
        std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default()
    };
    let numbers: Vec<u64> = release
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    let part = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let version = format!("{}.{}.{}.0", part(0), part(1), part(2));
    let version_value = super::expression::parse_version(&version).unwrap_or(Value::str(&version));
    let text = format!("{platform} {version}");
    Value::object(
        PsObject::new("System.OperatingSystem")
            .with(
                "Platform",
                Value::object(PsObject::enum_value(
                    "System.PlatformID",
                    platform,
                    if cfg!(windows) { 2 } else { 4 },
                )),
            )
            .with("ServicePack", Value::str(""))
            .with("Version", version_value)
            .with("VersionString", Value::str(&text))
            .with_text(text),
    )
}

/// A CultureInfo stand-in (`[cultureinfo]::InvariantCulture` passed to ParseExact/ToString).
fn culture(name: &str) -> Value {
    let display = if name.is_empty() {
        "Invariant Language (Invariant Country)"
    } else {
        "English (United States)"
    };
    Value::object(
        PsObject::new("System.Globalization.CultureInfo")
            .with(
                "LCID",
                Value::integer(if name.is_empty() { 127 } else { 1033 }),
            )
            .with("Name", Value::str(name))
            .with("DisplayName", Value::str(display))
            .with_text(name),
    )
}

//! Type names and casts: the full .NET name a type literal refers to (`[int]` is
//! `System.Int32`), which types exist, `-is`, and `[type] value` conversions.

use super::native::reference_object;
use super::*;
use crate::runtime::conversion;
use crate::runtime::error_record::ErrorCategory;
use crate::runtime::flow::Flow;
use crate::runtime::number::NumKind;
use crate::runtime::session::Session;
use crate::runtime::timespan::TimeSpan;
use crate::runtime::value::{ArrayKind, Value};
use crate::syntax::Span;
use std::rc::Rc;

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
        "enum" => "System.Enum",
        "management.automation.errorcategory" => "System.Management.Automation.ErrorCategory",
        "management.automation.errorrecord" | "errorrecord" => {
            "System.Management.Automation.ErrorRecord"
        }
        "uri" => "System.Uri",
        "ipaddress" | "net.ipaddress" => super::ipaddress::IPADDRESS,
        "version" => "System.Version",
        "ref" | "management.automation.psreference" => PS_REFERENCE,
        "diagnostics.stopwatch" => STOPWATCH,
        "text.stringbuilder" => STRING_BUILDER,
        "text.encoding" => super::encoding::ENCODING,
        "cultureinfo" | "globalization.cultureinfo" => "System.Globalization.CultureInfo",
        "dayofweek" => "System.DayOfWeek",
        "datetimekind" => "System.DateTimeKind",
        "stringcomparer" => "System.StringComparer",
        "wildcardpattern" | "management.automation.wildcardpattern" => WILDCARD_PATTERN,
        // An enum the table records, by its full name or with `System.` left out (pwsh looks
        // in the System namespace implicitly).
        _ if crate::vocab::dotnet::enum_info(&format!("System.{}", trimmed)).is_some() => {
            return format!("System.{trimmed}");
        }
        // A class a script defined, by the name it was defined with.
        _ if let Some(chain) = crate::vocab::script_types::class_chain(trimmed) => {
            return chain[0].clone();
        }
        _ if crate::vocab::dotnet::enum_info(trimmed).is_some() => {
            return crate::vocab::dotnet::enum_info(trimmed)
                .map_or_else(|| trimmed.to_string(), |e| e.name.to_string());
        }
        _ => {
            return super::statics::type_alias(name)
                .map_or_else(|| name.trim().to_string(), str::to_string);
        }
    }
    .to_string()
}

pub(super) const KNOWN_TYPES: &[&str] = &[
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
    super::ipaddress::IPADDRESS,
    PS_REFERENCE,
    "System.Globalization.CultureInfo",
    "System.DayOfWeek",
    "System.DateTimeKind",
    "System.Text.StringBuilder",
    "System.Diagnostics.Stopwatch",
    "System.Text.Encoding",
    "System.StringComparer",
    WILDCARD_PATTERN,
];

/// `[WildcardPattern]`.
pub const WILDCARD_PATTERN: &str = "System.Management.Automation.WildcardPattern";

/// True for a full type name this shell emulates (for `using namespace` lookups).
pub fn is_known_type(full: &str) -> bool {
    KNOWN_TYPES.contains(&full)
        || crate::vocab::script_types::class_chain(full).is_some()
        || full == "System.Enum"
        || crate::vocab::dotnet::enum_info(full).is_some()
        || full.strip_suffix("[]").is_some_and(|element| {
            KNOWN_TYPES.contains(&element) || crate::vocab::dotnet::enum_info(element).is_some()
        })
}

pub(super) fn type_not_found(s: &Session, name: &str, span: Span) -> Flow {
    s.runtime_error(
        "TypeNotFound",
        format!("Unable to find type [{name}]."),
        ErrorCategory::InvalidOperation,
        span,
    )
}

pub fn type_literal(s: &Session, name: &str, span: Span) -> Result<Value, Flow> {
    let full = full_type_name(name);
    // `[pscustomobject]` is the accelerator for PSObject (`[pscustomobject].Name` is PSObject);
    // only `[pscustomobject]@{}` makes a custom object, and that is no type literal.
    if full == "System.Management.Automation.PSCustomObject" {
        return Ok(Value::Type(Rc::from(
            "System.Management.Automation.PSObject",
        )));
    }
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
        ("System.Collections.Hashtable", Value::Hashtable(h)) => h.borrow().ordered_hashtable,
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
pub(super) fn is_value_type(full: &str) -> bool {
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

/// `Type.Name` of a type by its full name: `Int32`, `Int32[]`, `List`1`.
pub fn type_short_name(full: &str) -> String {
    if let Some(short) = super::generic::generic_short_name(full) {
        return short.to_string();
    }
    let base = full.split("[[").next().unwrap_or(full);
    base.rsplit('.').next().unwrap_or(base).to_string()
}

/// A type object as the formatter shows it (pwsh's RuntimeType table: IsPublic, IsSerial, Name,
/// BaseType).
pub fn type_object(full: &str) -> crate::runtime::value::PsObject {
    let base_type = base_type_of(full);
    let base_type = base_type.as_str();
    let not_serializable = crate::vocab::script_types::class_chain(full).is_some()
        || matches!(
            full,
            "System.Management.Automation.PSObject"
                | "System.Management.Automation.PSCustomObject"
                | "System.Management.Automation.ScriptBlock"
                | "System.Text.RegularExpressions.Regex"
                | "System.Diagnostics.Stopwatch"
                | "System.Management.Automation.ErrorRecord"
                | "System.Security.SecureString"
                | "System.Math"
                | "System.Convert"
                | "System.Environment"
                | "System.IO.Path"
                | "System.IO.File"
                | "System.Console"
                | "System.Text.Encoding"
                | "System.Void"
        );
    // [pscustomobject] is an accelerator for PSObject.
    let shown = if full == "System.Management.Automation.PSCustomObject" {
        "System.Management.Automation.PSObject"
    } else {
        full
    };
    crate::runtime::value::PsObject::new("System.RuntimeType")
        .with("IsPublic", Value::Bool(true))
        .with("IsSerial", Value::Bool(!not_serializable))
        .with("Name", Value::str(type_short_name(shown)))
        .with("BaseType", Value::Type(Rc::from(base_type)))
        .with_text(full)
}

/// `Type.BaseType` by full name: arrays derive from Array, enums from Enum, a script class
/// from its base class, everything else here from Object (value types from ValueType).
pub fn base_type_of(full: &str) -> String {
    if full.ends_with("[]") {
        "System.Array"
    } else if full == "System.Void" || full == "System.Enum" || is_value_type(full) {
        "System.ValueType"
    } else if crate::vocab::dotnet::enum_info(full).is_some() {
        "System.Enum"
    } else if let Some(chain) = crate::vocab::script_types::class_chain(full)
        && let Some(base) = chain.get(1)
    {
        return base.clone();
    } else {
        "System.Object"
    }
    .to_string()
}

/// `[type] value`.
pub fn cast(s: &mut Session, v: Value, type_name: &str, span: Span) -> Result<Value, Flow> {
    if let Some(class) = s.class(type_name.trim()) {
        return s.convert_to_class(&class, v, span);
    }
    // `[string]$obj` takes a script class's ToString() override.
    let v = if full_type_name(type_name) == "System.String" {
        s.with_class_text(v, span)?
    } else {
        v
    };
    let ofs = s
        .scopes
        .get("OFS", crate::runtime::scope::Qualifier::None)
        .map(|o| o.value.to_ps_string())
        .unwrap_or_else(|| " ".into());
    let id = crate::runtime::errors::cast_error_id(&v, &full_type_name(type_name));
    convert_to(v, type_name, &ofs).map_err(|failure| match failure {
        CastFailure::TypeNotFound => type_not_found(s, type_name, span),
        CastFailure::Message(m) => s.runtime_error(id, m, ErrorCategory::InvalidArgument, span),
    })
}

/// Why a conversion to a type failed.
#[derive(Debug)]
pub enum CastFailure {
    /// The type does not exist (`Unable to find type [X].`).
    TypeNotFound,
    /// LanguagePrimitives' message.
    Message(String),
}

/// LanguagePrimitives.ConvertTo `type_name` (as written or full), without a session: `ofs`
/// joins a collection converted to a string. Casts and typed parameters of script functions
/// both convert through here.
pub fn convert_to(v: Value, type_name: &str, ofs: &str) -> Result<Value, CastFailure> {
    use CastFailure::Message;
    if let Some(made) = super::generic::cast_to(&v, type_name) {
        return made.map_err(Message);
    }
    if let Some(kind) = super::lists::list_kind_for(type_name) {
        let items = v.enumerate();
        let mut converted = Vec::with_capacity(items.len());
        for item in items {
            converted.push(match kind.element() {
                Some(e) => convert_to(item, e, ofs)?,
                None => item,
            });
        }
        return Ok(Value::array_of(kind, converted));
    }
    let full = full_type_name(type_name);
    Ok(match full.as_str() {
        "System.String" => match &v {
            Value::Null => Value::str(""),
            Value::Array(items) => Value::str(
                items
                    .borrow()
                    .iter()
                    .map(Value::element_string)
                    .collect::<Vec<_>>()
                    .join(ofs),
            ),
            other => Value::str(other.to_ps_string()),
        },
        numeric if NumKind::from_full_name(numeric).is_some() => {
            let kind = NumKind::from_full_name(numeric).unwrap_or(NumKind::Int32);
            Value::Num(conversion::to_number(&v, kind).map_err(Message)?)
        }
        "System.Management.Automation.SwitchParameter" => Value::switch(v.is_truthy()),
        "System.Boolean" => Value::Bool(v.is_truthy()),
        "System.Char" => Value::Char(conversion::to_char(&v).map_err(Message)?),
        "System.Object" | "System.Management.Automation.PSObject" => v,
        "System.Object[]" => match v {
            Value::Array(_) => v,
            Value::Null => Value::Null,
            other => Value::array(vec![other]),
        },
        "System.String[]" => Value::array_of(
            ArrayKind::Typed(Rc::from("System.String")),
            v.enumerate()
                .iter()
                .map(|x| Value::str(x.to_ps_string()))
                .collect(),
        ),
        // A typed array of a known element type: each item is converted to it.
        typed if typed.ends_with("[]") && is_known_type(typed.trim_end_matches("[]")) => {
            let element = typed.trim_end_matches("[]").to_string();
            // A string becomes its characters (String.ToCharArray).
            if let (Value::String(text), "System.Char") = (&v, element.as_str()) {
                let chars = text.encode_utf16().map(Value::Char).collect();
                return Ok(Value::array_of(ArrayKind::Typed(Rc::from(element)), chars));
            }
            if v.is_null() {
                return Ok(Value::Null);
            }
            // A scalar that does not convert is reported against the array type, the
            // element's message inside (InvalidCastExceptionScalarToArray); an item of a
            // collection with the element's message alone.
            if !matches!(v, Value::Array(_)) {
                let item =
                    convert_to(v.clone(), &element, ofs).map_err(|failure| match failure {
                        Message(inner) => Message(conversion::cast_error_with_inner(
                            &v.to_ps_string(),
                            &full,
                            &inner,
                        )),
                        other => other,
                    })?;
                return Ok(Value::array_of(
                    ArrayKind::Typed(Rc::from(element)),
                    vec![item],
                ));
            }
            let mut out = Vec::new();
            for x in v.enumerate() {
                out.push(convert_to(x, &element, ofs)?);
            }
            Value::array_of(ArrayKind::Typed(Rc::from(element)), out)
        }
        "System.Collections.Hashtable" => match v {
            Value::Hashtable(_) => v,
            // A custom object goes through PSObject's converter, which wraps the plain message;
            // IConvertible values (bool, DateTime) report an invalid cast; the rest the plain one.
            other => {
                let inner = match &other {
                    Value::Bool(_) | Value::DateTime(_) => {
                        format!("Invalid cast from '{}' to '{full}'.", other.type_name())
                    }
                    Value::Object(_) => conversion::cast_error(&other, &full),
                    _ => return Err(Message(conversion::cast_error(&other, &full))),
                };
                return Err(Message(conversion::cast_error_with_inner(
                    &other.to_ps_string(),
                    &full,
                    &inner,
                )));
            }
        },
        "System.Collections.Specialized.OrderedDictionary" => match v {
            Value::Hashtable(h) => {
                let mut copy = h.borrow().clone();
                copy.ordered = true;
                Value::hashtable(copy)
            }
            other => return Err(Message(conversion::cast_error(&other, &full))),
        },
        "System.Management.Automation.PSCustomObject" => {
            crate::runtime::expression::hashtable_to_object(&v)
        }
        "System.Guid" => Value::Guid(conversion::to_guid(&v).map_err(Message)?),
        "System.DateTime" => match v {
            Value::DateTime(_) => v,
            other => {
                let text = other.to_ps_string();
                Value::DateTime(conversion::parse_datetime(&text).ok_or_else(|| {
                    Message(conversion::cast_error_with_inner(
                        &text,
                        &full,
                        &conversion::datetime_parse_message(&text),
                    ))
                })?)
            }
        },
        "System.TimeSpan" => Value::TimeSpan(to_timespan(&v).map_err(Message)?),
        "System.Management.Automation.ScriptBlock" => match v {
            Value::ScriptBlock(_) => v,
            other => return Err(Message(conversion::cast_error(&other, &full))),
        },
        "System.Security.SecureString" => match v {
            Value::SecureString(_) => v,
            other => return Err(Message(conversion::cast_error(&other, &full))),
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
                crate::runtime::expression::parse_version(&text).ok_or_else(|| {
                    // Version.Parse: the part count first, then each part as an Int32.
                    let parts: Vec<&str> = text.trim().split('.').collect();
                    let inner = match parts.iter().find(|p| p.trim().parse::<i64>().is_err()) {
                        Some(bad) if (2..=4).contains(&parts.len()) => {
                            format!("The input string '{bad}' was not in a correct format.")
                        }
                        _ => "Version string portion was too short or too long.".to_string(),
                    };
                    Message(conversion::cast_error_with_inner(&text, &full, &inner))
                })?
            }
        },
        "System.Uri" => match &v {
            Value::Object(o)
                if o.borrow()
                    .type_names
                    .first()
                    .is_some_and(|t| t == "System.Uri") =>
            {
                v
            }
            Value::Null => Value::Null,
            other => super::uri::uri_object(&other.to_ps_string()),
        },
        "System.Void" => Value::Null,
        super::ipaddress::IPADDRESS => match v {
            Value::Null => Value::Null,
            other => super::ipaddress::cast(&other).map_err(Message)?,
        },
        PS_REFERENCE => reference_object(v, None),
        // An enum type: by name or number, as LanguagePrimitives converts to enums.
        e if crate::vocab::dotnet::enum_info(e).is_some() => {
            Value::Enum(conversion::to_enum_value(&v, e).map_err(Message)?)
        }
        "System.Text.RegularExpressions.Regex" => {
            crate::runtime::regex::dotnet::cast(&v).map_err(Message)?
        }
        _ => {
            if !KNOWN_TYPES.contains(&full.as_str()) && !full.contains('.') {
                return Err(CastFailure::TypeNotFound);
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
pub(super) fn timespan_arg(
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

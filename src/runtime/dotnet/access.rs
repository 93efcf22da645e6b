//! Property access: instance properties (with member enumeration over collections), static
//! properties of the common types, and property assignment.

use super::datetime::{date_ticks, max_date, min_date};
use super::environment::{culture, os_version};
use super::native::refresh_native;
use super::*;
use crate::runtime::error_record::ErrorCategory;
use crate::runtime::flow::Flow;
use crate::runtime::interpreter::collapse;
use crate::runtime::number::{NumKind, Number};
use crate::runtime::session::Session;
use crate::runtime::timespan::{self, TimeSpan};
use crate::runtime::value::{DateKind, EnumValue, PsObject, Value, with_kind};
use crate::syntax::Span;

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
    if let Some(r) = super::script_members::get_extra(s, target, name, span) {
        return r;
    }
    let lower = name.to_ascii_lowercase();
    let property_members = match target {
        Value::Object(_) if lower == "psobject" => {
            Some(super::script_members::property_members(s, target))
        }
        _ => None,
    };
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
                // Member enumeration: the property of every element that has it (a $null
                // value too), and $null for a PSCustomObject without it.
                let items = items.borrow().clone();
                let mut out = Vec::new();
                for item in &items {
                    let has_member = match item {
                        Value::Object(o) => {
                            let o = o.borrow();
                            o.is_custom() || o.has(name)
                        }
                        Value::Hashtable(h) => h.borrow().get(&Value::str(name)).is_some(),
                        _ => false,
                    };
                    if let Ok(v) = get_member(s, item, name, false, span)
                        && (!v.is_null() || has_member)
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
            if let Some(v) = Session::hidden_property(target, name) {
                return Ok(v);
            }
            let owner = o.clone();
            let o = o.borrow();
            match o.get(name) {
                Some(v) => Some(v),
                None if lower == "psobject" => Some(Value::object(
                    PsObject::new("System.Management.Automation.PSMemberSet")
                        .with_native(crate::runtime::value::Native::MemberSet(owner))
                        // A PSCustomObject's properties live on its wrapper: the base
                        // object has none.
                        .with(
                            "BaseObject",
                            if o.is_custom() {
                                Value::object(PsObject::custom())
                            } else {
                                target.clone()
                            },
                        )
                        .with("TypeNames", {
                            // A PSCustomObject's list ends with System.Object, as pwsh's does.
                            let mut names: Vec<Value> =
                                o.type_names.iter().map(Value::str).collect();
                            if o.is_custom() && !o.type_names.iter().any(|t| t == "System.Object") {
                                names.push(Value::str("System.Object"));
                            }
                            Value::array(names)
                        })
                        .with(
                            "Properties",
                            Value::array(property_members.clone().unwrap_or_default()),
                        ),
                )),
                None => None,
            }
        }
        Value::Error(e) => e.property(name),
        Value::Enum(e) if lower == "value__" => Some(Value::Num(e.number())),
        Value::DateTime(dt) => match lower.as_str() {
            "year" => Some(Value::integer(dt.year() as i64)),
            "month" => Some(Value::integer(dt.month() as u8 as i64)),
            "day" => Some(Value::integer(dt.day() as i64)),
            "hour" => Some(Value::integer(dt.hour() as i64)),
            "minute" => Some(Value::integer(dt.minute() as i64)),
            "second" => Some(Value::integer(dt.second() as i64)),
            "dayofweek" => Some(Value::Enum(EnumValue::new(
                "System.DayOfWeek",
                i64::from(dt.weekday().number_days_from_sunday()),
            ))),
            "kind" => {
                let kind = crate::runtime::value::date_kind(*dt);
                Some(Value::Enum(EnumValue::new(
                    "System.DateTimeKind",
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
                crate::runtime::value::date_kind(*dt),
            ))),
            _ => None,
        },
        Value::TimeSpan(ts) => ts.property(name),
        Value::SecureString(text) if lower == "length" => {
            Some(Value::count(text.encode_utf16().count()))
        }
        // Every value's PSObject wrapper: its base object and type names.
        _ if lower == "psobject" && !target.is_null() => Some(Value::object(
            PsObject::new("System.Management.Automation.PSMemberSet")
                .with("BaseObject", target.clone())
                .with(
                    "TypeNames",
                    Value::array(
                        crate::vocab::dotnet::type_info(&target.type_name())
                            .map(|t| t.type_names.iter().map(Value::str).collect())
                            .unwrap_or_else(|| match target {
                                Value::Enum(e) => [
                                    &*e.type_name,
                                    "System.Enum",
                                    "System.ValueType",
                                    "System.Object",
                                ]
                                .into_iter()
                                .map(Value::str)
                                .collect(),
                                _ => vec![
                                    Value::str(target.type_name()),
                                    Value::str("System.Object"),
                                ],
                            }),
                    ),
                ),
        )),
        Value::Type(t) => match lower.as_str() {
            "name" => Some(Value::str(super::type_short_name(t))),
            "fullname" => Some(Value::str(super::generic::qualified_full_name(t))),
            "basetype" if t.as_ref() != "System.Object" => Some(Value::Type(std::rc::Rc::from(
                super::types::base_type_of(t),
            ))),
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
        // Every value has a Count and a Length (PowerShell 3+): 1 for a scalar, 0 for $null;
        // strict mode 2+ leaves them to PSObjects (a PSCustomObject's Count is 1).
        None if (lower == "count" || lower == "length")
            && (s.strict_mode() < 2 || matches!(target, Value::Object(_))) =>
        {
            Ok(Value::integer(i64::from(!target.is_null())))
        }
        None if s.strict_mode() >= 2 => Err(property_not_found_strict(s, name, span)),
        None => Ok(Value::Null),
    }
}

/// The static fields of a numeric type: MinValue and MaxValue, and for the binary floats
/// Epsilon, NaN and the infinities, for Decimal Zero, One and MinusOne.
fn numeric_static(kind: NumKind, lower: &str) -> Option<Number> {
    use rust_decimal::Decimal;
    Some(match (kind, lower) {
        (NumKind::SByte, "maxvalue") => Number::SByte(i8::MAX),
        (NumKind::SByte, "minvalue") => Number::SByte(i8::MIN),
        (NumKind::Byte, "maxvalue") => Number::Byte(u8::MAX),
        (NumKind::Byte, "minvalue") => Number::Byte(0),
        (NumKind::Int16, "maxvalue") => Number::Int16(i16::MAX),
        (NumKind::Int16, "minvalue") => Number::Int16(i16::MIN),
        (NumKind::UInt16, "maxvalue") => Number::UInt16(u16::MAX),
        (NumKind::UInt16, "minvalue") => Number::UInt16(0),
        (NumKind::Int32, "maxvalue") => Number::Int32(i32::MAX),
        (NumKind::Int32, "minvalue") => Number::Int32(i32::MIN),
        (NumKind::UInt32, "maxvalue") => Number::UInt32(u32::MAX),
        (NumKind::UInt32, "minvalue") => Number::UInt32(0),
        (NumKind::Int64, "maxvalue") => Number::Int64(i64::MAX),
        (NumKind::Int64, "minvalue") => Number::Int64(i64::MIN),
        (NumKind::UInt64, "maxvalue") => Number::UInt64(u64::MAX),
        (NumKind::UInt64, "minvalue") => Number::UInt64(0),
        (NumKind::Single, "maxvalue") => Number::Single(f32::MAX),
        (NumKind::Single, "minvalue") => Number::Single(f32::MIN),
        (NumKind::Single, "epsilon") => Number::Single(f32::from_bits(1)),
        (NumKind::Single, "nan") => Number::Single(f32::NAN),
        (NumKind::Single, "positiveinfinity") => Number::Single(f32::INFINITY),
        (NumKind::Single, "negativeinfinity") => Number::Single(f32::NEG_INFINITY),
        (NumKind::Double, "maxvalue") => Number::Double(f64::MAX),
        (NumKind::Double, "minvalue") => Number::Double(f64::MIN),
        (NumKind::Double, "epsilon") => Number::Double(f64::from_bits(1)),
        (NumKind::Double, "nan") => Number::Double(f64::NAN),
        (NumKind::Double, "positiveinfinity") => Number::Double(f64::INFINITY),
        (NumKind::Double, "negativeinfinity") => Number::Double(f64::NEG_INFINITY),
        (NumKind::Decimal, "maxvalue") => Number::Decimal(Decimal::MAX),
        (NumKind::Decimal, "minvalue") => Number::Decimal(Decimal::MIN),
        (NumKind::Decimal, "zero") => Number::Decimal(Decimal::ZERO),
        (NumKind::Decimal, "one") => Number::Decimal(Decimal::ONE),
        (NumKind::Decimal, "minusone") => Number::Decimal(Decimal::NEGATIVE_ONE),
        (NumKind::BigInt, "zero") => Number::big(0.into()),
        (NumKind::BigInt, "one") => Number::big(1.into()),
        (NumKind::BigInt, "minusone") => Number::big((-1).into()),
        _ => return None,
    })
}

pub(super) fn static_member(
    s: &mut Session,
    target: &Value,
    name: &str,
    span: Span,
) -> Result<Value, Flow> {
    let ty = match target {
        Value::Type(t) => t.to_string(),
        other => full_type_name(&other.to_ps_string()),
    };
    let lower = name.to_ascii_lowercase();
    if let Some(class) = s.class(&ty) {
        return Ok(s.class_static(&class, name).unwrap_or(Value::Null));
    }
    // An enum's members are its static properties.
    if let Some(info) = crate::vocab::dotnet::enum_info(&ty)
        && let Some(v) = info.value_of(name)
    {
        return Ok(Value::Enum(EnumValue::new(info.name, v)));
    }
    if let Some(kind) = NumKind::from_full_name(&ty)
        && let Some(v) = numeric_static(kind, &lower)
    {
        return Ok(Value::Num(v));
    }
    Ok(match (ty.as_str(), lower.as_str()) {
        ("System.Environment", "newline") => Value::str("\n"),
        ("System.Environment", "machinename") => Value::str("AAPSH"),
        ("System.Environment", "username") => Value::str(std::env::var("USER").unwrap_or_default()),
        ("System.String", "empty") => Value::str(""),
        ("System.DateTime", "maxvalue") => max_date(),
        ("System.Guid", "empty") => Value::Guid(uuid::Uuid::nil()),
        ("System.DateTime", "now") => Value::DateTime(s.clock.now()),
        ("System.DateTime", "utcnow") => Value::DateTime(with_kind(s.clock.now(), DateKind::Utc)),
        ("System.Environment", "osversion") => os_version(),
        ("System.Environment", "is64bitprocess" | "is64bitoperatingsystem") => Value::Bool(true),
        ("System.Globalization.CultureInfo", "invariantculture") => culture(""),
        ("System.Globalization.CultureInfo", "currentculture" | "currentuiculture") => {
            culture(s.culture.name)
        }
        ("System.Diagnostics.Stopwatch", "frequency") => Value::integer(1_000_000_000),
        ("System.Diagnostics.Stopwatch", "ishighresolution") => Value::Bool(true),
        ("System.DateTime", "today") => {
            Value::DateTime(s.clock.now().replace_time(time::Time::MIDNIGHT))
        }
        ("System.DateTime", "minvalue") => min_date(),
        ("System.Math", "pi") => Value::double(std::f64::consts::PI),
        (super::ipaddress::IPADDRESS, p) if super::ipaddress::static_property(p).is_some() => {
            super::ipaddress::static_property(p).unwrap_or_default()
        }
        ("System.StringComparer", p) if super::generic::string_comparer(p).is_some() => {
            super::generic::string_comparer(p).unwrap_or_default()
        }
        (super::encoding::ENCODING, p)
            if super::encoding::EncodingKind::from_property(p).is_some() =>
        {
            super::encoding::encoding_object(
                super::encoding::EncodingKind::from_property(p)
                    .unwrap_or(super::encoding::EncodingKind::Utf8),
            )
        }
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
        // pwsh: a static property a type does not have is $null, an error only in strict
        // mode 2 and later.
        _ if s.strict_mode() >= 2 => return Err(super::property_not_found_strict(s, name, span)),
        _ => Value::Null,
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
    if let Value::Object(_) = target
        && let Some(r) = super::script_members::set_extra(s, target, name, value.clone(), span)
    {
        return r;
    }
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
        Value::Type(t) if s.class(t).is_some() => {
            let class = s.class(t).expect("checked");
            if s.set_class_static(&class, name, value, span)? {
                Ok(())
            } else {
                Err(s.runtime_error(
                    "PropertyAssignmentException",
                    format!("'{name}' is a ReadOnly property."),
                    ErrorCategory::InvalidOperation,
                    span,
                ))
            }
        }
        Value::Object(_) if crate::runtime::classes::instance_class(target).is_some() => {
            match s.set_instance_property(target, name, value, span) {
                Some(r) => r,
                None => Err(s.runtime_error(
                    "PropertyNotFound",
                    format!("The property '{name}' cannot be found on this object. Verify that the property exists and can be set."),
                    ErrorCategory::InvalidOperation,
                    span,
                )),
            }
        }
        Value::Object(o) => {
            let mut o = o.borrow_mut();
            if o.has(name) {
                o.set(name, value);
                Ok(())
            } else if o.type_names.first().map(String::as_str)
                == Some(crate::runtime::value::PSCUSTOMOBJECT)
            {
                // The PSObject adapter wraps the failure (SetValueInvocationException).
                Err(s.runtime_record_error(
                    crate::runtime::errors::set_value_invocation(name),
                    span,
                ))
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

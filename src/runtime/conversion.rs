//! Type conversion as PowerShell's LanguagePrimitives does it, for parameter binding and casts:
//! strings to numbers, values to switches, enum names, GUIDs, dates. Errors are the inner text
//! pwsh shows after `Cannot bind parameter 'X'.` (ExtendedTypeSystem.resx templates).

use super::list_modifier::ListModifier;
use super::value::{PsObject, Value};
use crate::vocab::{ParamKind, ParamType, types};

/// `Cannot convert value "{0}" to type "{1}". Error: "{2}"`
pub fn cast_error_with_inner(value: &str, type_full: &str, inner: &str) -> String {
    format!("Cannot convert value \"{value}\" to type \"{type_full}\". Error: \"{inner}\"")
}

/// `Cannot convert the "{0}" value of type "{1}" to type "{2}".`
pub fn cast_error(value: &Value, type_full: &str) -> String {
    format!(
        "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
        value.to_ps_string(),
        value.type_name(),
        type_full
    )
}

/// Parses an integer the way PowerShell's string-to-number conversion accepts it.
pub fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() {
        return Some(0);
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let magnitude = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        i64::from_str_radix(hex, 16).ok()?
    } else if let Ok(i) = body.parse::<i64>() {
        i
    } else {
        let d = body.parse::<f64>().ok()?;
        if !d.is_finite() {
            return None;
        }
        round_half_even(d) as i64
    };
    Some(if neg { -magnitude } else { magnitude })
}

/// .NET's Convert.ToInt32 rounds to even.
pub fn round_half_even(d: f64) -> f64 {
    let r = d.round();
    if (d - d.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - d.signum()
    } else {
        r
    }
}

pub fn to_int(value: &Value, type_full: &str) -> Result<i64, String> {
    let not_format = |s: &str| {
        cast_error_with_inner(
            s,
            type_full,
            &format!("The input string '{s}' was not in a correct format."),
        )
    };
    match value {
        Value::Null => Ok(0),
        Value::Bool(b) => Ok(*b as i64),
        Value::Int(i) => Ok(*i),
        Value::Double(d) => {
            if d.is_finite() {
                Ok(round_half_even(*d) as i64)
            } else {
                Err(cast_error(value, type_full))
            }
        }
        Value::String(s) => parse_int(s).ok_or_else(|| not_format(s)),
        Value::Object(o) if o.borrow().as_enum().is_some() => {
            Ok(o.borrow().as_enum().map_or(0, |(_, n)| n))
        }
        Value::Array(items) => {
            let items = items.borrow();
            if items.len() == 1 {
                to_int(&items[0], type_full)
            } else {
                Err(cast_error(value, type_full))
            }
        }
        other => Err(cast_error(other, type_full)),
    }
}

fn check_range(i: i64, lo: i64, hi: i64, value: &Value, type_full: &str) -> Result<i64, String> {
    if i < lo || i > hi {
        Err(cast_error_with_inner(
            &value.to_ps_string(),
            type_full,
            "Value was either too large or too small for an Int32.",
        ))
    } else {
        Ok(i)
    }
}

pub fn to_double(value: &Value, type_full: &str) -> Result<f64, String> {
    match value {
        Value::Null => Ok(0.0),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Int(i) => Ok(*i as f64),
        Value::Double(d) => Ok(*d),
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Ok(0.0);
            }
            t.parse::<f64>()
                .ok()
                .or_else(|| parse_int(t).map(|i| i as f64))
                .ok_or_else(|| {
                    cast_error_with_inner(
                        s,
                        type_full,
                        &format!("The input string '{s}' was not in a correct format."),
                    )
                })
        }
        Value::Object(o) if o.borrow().as_enum().is_some() => {
            Ok(o.borrow().as_enum().map_or(0, |(_, n)| n) as f64)
        }
        other => Err(cast_error(other, type_full)),
    }
}

/// Switches and bools take only booleans and numbers (and `$null`).
pub fn to_switch(value: &Value, type_full: &str) -> Result<bool, String> {
    match value {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::Int(i) => Ok(*i != 0),
        Value::Double(d) => Ok(*d != 0.0),
        Value::Array(items) if items.borrow().len() == 1 => {
            let first = items.borrow()[0].clone();
            to_switch(&first, type_full)
        }
        other => Err(format!(
            "Cannot convert value \"{}\" to type \"{type_full}\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
            other.type_name()
        )),
    }
}

pub fn to_enum(value: &Value, names: &[&str], type_full: &str) -> Result<String, String> {
    let text = value.to_ps_string();
    if let Some(i) = parse_int(&text).filter(|_| !text.trim().is_empty())
        && let Some(name) = usize::try_from(i).ok().and_then(|i| names.get(i))
    {
        return Ok(name.to_string());
    }
    names
        .iter()
        .find(|n| n.eq_ignore_ascii_case(text.trim()))
        .map(|n| n.to_string())
        .ok_or_else(|| {
            cast_error_with_inner(
                &text,
                type_full,
                &format!(
                    "Unable to match the identifier name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
                    names.join(", ")
                ),
            )
        })
}

pub fn to_guid(value: &Value) -> Result<uuid::Uuid, String> {
    match value {
        Value::Guid(g) => Ok(*g),
        other => {
            let text = other.to_ps_string();
            uuid::Uuid::parse_str(text.trim())
                .map_err(|_| cast_error_with_inner(&text, "System.Guid", guid_format_error(&text)))
        }
    }
}

/// .NET 8's Guid.Parse failure text for a string (the common cases).
pub fn guid_format_error(text: &str) -> &'static str {
    let t: Vec<char> = text.trim().chars().collect();
    let hex_or_dash = |c: &char| c.is_ascii_hexdigit() || *c == '-';
    let dashed = t.len() == 36 && [8, 13, 18, 23].iter().all(|&i| t[i] == '-');
    if (dashed && t.iter().all(hex_or_dash))
        || t.len() == 32
        || (dashed && !t.iter().all(hex_or_dash))
    {
        return "Guid string should only contain hexadecimal characters.";
    }
    if t.len() == 36 && t.contains(&'-') {
        return "Dashes are in the wrong position for GUID parsing.";
    }
    "Unrecognized Guid format."
}

/// A string that is a GUID in the `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` form pwsh prints.
pub fn is_guid_string(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok()
}

pub fn parse_datetime(text: &str) -> Option<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    let t = text.trim();
    if let Ok(dt) = time::OffsetDateTime::parse(t, &Rfc3339) {
        // A time with an offset (or Z) becomes local time, DateTimeKind.Local, as
        // DateTime.Parse gives it; the session's local time zone is UTC.
        return Some(super::value::with_kind(
            dt.to_offset(time::UtcOffset::UTC),
            super::value::DateKind::Local,
        ));
    }
    // `yyyy-MM-dd` and `M/d/yyyy [H:mm[:ss]]` (invariant culture), kept as UTC clock time.
    let (date, time_part) = t.split_once([' ', 'T']).unwrap_or((t, ""));
    let (y, m, d) = if date.contains('-') {
        let mut it = date.split('-');
        (it.next()?, it.next()?, it.next()?)
    } else {
        let mut it = date.split('/');
        let m = it.next()?;
        let d = it.next()?;
        (it.next()?, m, d)
    };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()?;
    let mut hms = [0u8; 3];
    if !time_part.is_empty() {
        for (i, part) in time_part.split(':').take(3).enumerate() {
            hms[i] = part.trim().parse().ok()?;
        }
    }
    let time = time::Time::from_hms(hms[0], hms[1], hms[2]).ok()?;
    // No offset in the text: DateTimeKind.Unspecified, as DateTime.Parse gives.
    Some(super::value::with_kind(
        time::PrimitiveDateTime::new(date, time).assume_utc(),
        super::value::DateKind::Unspecified,
    ))
}

/// Converts a bound argument to a parameter's type. The error is the inner message pwsh shows
/// after `Cannot bind parameter 'X'.`.
pub fn to_param_type(value: &Value, ty: &ParamType) -> Result<Value, String> {
    Ok(match ty.kind {
        ParamKind::String => match value {
            Value::Null => Value::Null,
            Value::String(_) => value.clone(),
            other => Value::str(other.to_ps_string()),
        },
        ParamKind::StringArray => match value {
            Value::Null => Value::Null,
            other => Value::array(
                other
                    .enumerate()
                    .iter()
                    .map(|v| Value::str(v.to_ps_string()))
                    .collect(),
            ),
        },
        ParamKind::Int32 => {
            let i = to_int(value, ty.full)?;
            Value::Int(check_range(
                i,
                i32::MIN as i64,
                i32::MAX as i64,
                value,
                ty.full,
            )?)
        }
        ParamKind::Int64 => Value::Int(to_int(value, ty.full)?),
        ParamKind::Unlimited => match value {
            Value::String(s) if s.trim().eq_ignore_ascii_case("unlimited") => {
                Value::str("Unlimited")
            }
            other => Value::Int(to_int(other, ty.full)?),
        },
        ParamKind::Double => Value::Double(to_double(value, ty.full)?),
        ParamKind::Bool | ParamKind::Switch => Value::Bool(to_switch(value, ty.full)?),
        ParamKind::Object => value.clone(),
        ParamKind::ObjectArray => match value {
            Value::Null => Value::Null,
            Value::Array(_) => value.clone(),
            other => Value::array(vec![other.clone()]),
        },
        ParamKind::ListModifier => {
            ListModifier::from_value(value).map_err(|inner| {
                let shown = match value {
                    Value::Hashtable(_) => "System.Collections.Hashtable".to_string(),
                    other => other.to_ps_string(),
                };
                cast_error_with_inner(&shown, types::LIST_MODIFIER.full, &inner)
            })?;
            value.clone()
        }
        ParamKind::ScriptBlock => match value {
            Value::ScriptBlock(_) | Value::Null => value.clone(),
            other => return Err(cast_error(other, ty.full)),
        },
        ParamKind::Hashtable => match value {
            Value::Hashtable(_) | Value::Null => value.clone(),
            other => return Err(cast_error(other, ty.full)),
        },
        ParamKind::Credential => match value {
            Value::Object(o)
                if o.borrow()
                    .type_names
                    .iter()
                    .any(|t| t.ends_with("PSCredential")) =>
            {
                value.clone()
            }
            Value::Null => Value::Null,
            // pwsh's credential attribute turns a user name into a credential by prompting for
            // the password; offline the password is not needed.
            Value::String(s) => Value::object(credential(s, "")),
            other => return Err(cast_error(other, ty.full)),
        },
        ParamKind::SecureString => match value {
            Value::SecureString(_) | Value::Null => value.clone(),
            other => return Err(cast_error(other, ty.full)),
        },
        ParamKind::DateTime => match value {
            Value::DateTime(_) => value.clone(),
            other => {
                let text = other.to_ps_string();
                Value::DateTime(parse_datetime(&text).ok_or_else(|| {
                    cast_error_with_inner(
                        &text,
                        ty.full,
                        &format!("String '{text}' was not recognized as a valid DateTime."),
                    )
                })?)
            }
        },
        ParamKind::Guid => Value::Guid(to_guid(value)?),
        ParamKind::Enum(names) => Value::str(to_enum(value, names, ty.full)?),
    })
}

/// A `System.Management.Automation.PSCredential` object.
pub fn credential(user: &str, password: &str) -> PsObject {
    PsObject::new("System.Management.Automation.PSCredential")
        .with("UserName", Value::str(user))
        .with("Password", Value::SecureString(std::rc::Rc::from(password)))
}

/// Maps a type name as written in script (`string`, `[int]`, `System.String[]`, `switch`) to a
/// parameter type; `None` for types the binder treats as plain objects.
pub fn param_type_for(name: &str) -> Option<ParamType> {
    let lower = name.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("system.").unwrap_or(&lower);
    Some(match lower {
        "string" => types::STRING,
        "string[]" => types::STRING_ARRAY,
        "int" | "int32" => types::INT32,
        "long" | "int64" => types::INT64,
        "double" | "single" | "float" | "decimal" => types::DOUBLE,
        "bool" | "boolean" => types::BOOL,
        "switch" | "management.automation.switchparameter" => types::SWITCH,
        "object" | "psobject" | "management.automation.psobject" => types::OBJECT,
        "object[]" | "array" => types::OBJECT_ARRAY,
        "scriptblock" | "management.automation.scriptblock" => types::SCRIPTBLOCK,
        "hashtable" | "collections.hashtable" => types::HASHTABLE,
        "pscredential" | "management.automation.pscredential" => types::CREDENTIAL,
        "securestring" | "security.securestring" => types::SECURE_STRING,
        "datetime" => types::DATETIME,
        "guid" => types::GUID,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_conversion_messages() {
        assert_eq!(to_int(&Value::str(" 42 "), "System.Int32"), Ok(42));
        assert_eq!(to_int(&Value::str("0x10"), "System.Int32"), Ok(16));
        assert_eq!(to_int(&Value::Double(2.5), "System.Int32"), Ok(2));
        assert_eq!(
            to_int(&Value::str("abc"), "System.Int32").unwrap_err(),
            "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""
        );
    }

    #[test]
    fn enum_names_are_case_insensitive() {
        let names = ["SilentlyContinue", "Stop"];
        assert_eq!(to_enum(&Value::str("stop"), &names, "T").unwrap(), "Stop");
        assert!(
            to_enum(&Value::str("Foo"), &names, "T")
                .unwrap_err()
                .contains("Unable to match the identifier name Foo to a valid enumerator name.")
        );
    }

    #[test]
    fn dates() {
        let d = parse_datetime("2026-11-26T05:33:01Z").unwrap();
        assert_eq!(d.year(), 2026);
        assert!(parse_datetime("1/25/2022 11:59:59").is_some());
        assert!(parse_datetime("nope").is_none());
    }
}

//! Type conversion as PowerShell's LanguagePrimitives does it, for parameter binding and casts:
//! strings to numbers, values to switches, enum names, GUIDs, dates. Errors are the inner text
//! pwsh shows after `Cannot bind parameter 'X'.` (ExtendedTypeSystem.resx templates).

use super::list_modifier::ListModifier;
use super::number::{NumKind, Number};
use super::value::{EnumValue, PsObject, Value};
use crate::vocab::{ParamKind, ParamType, types};

/// `Cannot convert value "{0}" to type "{1}". Error: "{2}"`
pub fn cast_error_with_inner(value: &str, type_full: &str, inner: &str) -> String {
    format!("Cannot convert value \"{value}\" to type \"{type_full}\". Error: \"{inner}\"")
}

/// `Cannot convert the "{0}" value of type "{1}" to type "{2}".`
pub fn cast_error(value: &Value, type_full: &str) -> String {
    let shown = match value {
        Value::Array(_) => value.type_name(),
        other => other.to_ps_string(),
    };
    format!(
        "Cannot convert the \"{shown}\" value of type \"{}\" to type \"{}\".",
        value.type_name(),
        type_full
    )
}

/// A string as a number of any type, as the runtime reads text for arithmetic and casts
/// (Parser.ScanNumber): trimmed, empty is Int32 0, otherwise exactly one number literal
/// (signs, hex, binary, suffixes and multipliers included). None when it is not one.
pub fn scan_number(text: &str) -> Option<Number> {
    crate::syntax::scan_number(text).map(|lit| Number::from(&lit))
}

/// .NET's `Double.Parse` with the invariant culture (leading/trailing white space, a sign,
/// thousands separators, a decimal point and an exponent; `Infinity`, `NaN`).
fn parse_invariant_double(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t {
        "Infinity" | "+Infinity" | "∞" => return Some(f64::INFINITY),
        "-Infinity" | "-∞" => return Some(f64::NEG_INFINITY),
        "NaN" => return Some(f64::NAN),
        _ => {}
    }
    let (int_part, rest) = match t.find(['.', 'e', 'E']) {
        Some(at) => t.split_at(at),
        None => (t, ""),
    };
    // Thousands separators only in the integer part, never first.
    let digits_start = int_part.trim_start_matches(['+', '-']);
    if digits_start.starts_with(',') {
        return None;
    }
    let cleaned = format!("{}{}", int_part.replace(',', ""), rest);
    if cleaned
        .chars()
        .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// `Cannot convert value "x" to type "T". Error: "The input string 'x' was not in a correct
/// format."`
fn not_a_number(text: &str, type_full: &str) -> String {
    cast_error_with_inner(
        text,
        type_full,
        &format!("The input string '{text}' was not in a correct format."),
    )
}

/// LanguagePrimitives' conversion of text to a number type: the number the text spells,
/// converted to `kind`; integer types also take what the framework's parser takes (`1,000`);
/// text that is not a number at all fails with .NET's format message.
fn string_to_number(text: &str, kind: NumKind) -> Result<Number, String> {
    let full = kind.full_name();
    if text.is_empty() {
        return Ok(Number::Int32(0).convert(kind).unwrap_or(Number::Int32(0)));
    }
    if let Some(n) = scan_number(text) {
        return n
            .convert(kind)
            .map_err(|e| cast_error_with_inner(text, full, e.message()));
    }
    // The framework's own parsers: integers (also through Double, for `1,000`), reals.
    match parse_invariant_double(text) {
        Some(d) => Number::Double(d)
            .convert(kind)
            .map_err(|e| cast_error_with_inner(text, full, e.message())),
        None => Err(not_a_number(text, full)),
    }
}

/// LanguagePrimitives.ConvertTo a numeric type: `$null` is 0, booleans 0 or 1, numbers convert
/// as .NET's `Convert` does (rounding half to even, overflow errors), chars by their code,
/// text as `string_to_number`, enums by value, a one-item array by its item. The error is
/// pwsh's message.
pub fn to_number(value: &Value, kind: NumKind) -> Result<Number, String> {
    let full = kind.full_name();
    let convert = |n: Number, shown: &str| {
        n.convert(kind)
            .map_err(|e| cast_error_with_inner(shown, full, e.message()))
    };
    match value {
        Value::Null => convert(Number::Int32(0), ""),
        Value::Bool(b) => convert(
            Number::Int32(i32::from(*b)),
            if *b { "True" } else { "False" },
        ),
        Value::Num(n) => convert(n.clone(), &n.to_ps_string()),
        Value::Char(c) => convert(Number::Int32(i32::from(*c)), &super::value::char_text(*c)),
        Value::String(s) => string_to_number(s, kind),
        Value::Enum(e) => convert(e.number(), &e.text()),
        other => Err(cast_error(other, full)),
    }
}

/// An integer from a value (for indexes, counts and integer parameters), converted through
/// `type_full` (`System.Int32` or `System.Int64`, which sets the range and the messages).
pub fn to_int(value: &Value, type_full: &str) -> Result<i64, String> {
    let kind = NumKind::from_full_name(type_full).unwrap_or(NumKind::Int64);
    let n = to_number(value, kind)?;
    n.as_i128()
        .and_then(|v| i64::try_from(v).ok())
        .ok_or_else(|| cast_error(value, type_full))
}

pub fn to_double(value: &Value, type_full: &str) -> Result<f64, String> {
    let kind = NumKind::from_full_name(type_full).unwrap_or(NumKind::Double);
    Ok(to_number(value, kind)?.to_f64())
}

/// .NET's FormatException text for a string DateTime.Parse cannot read: a word it does not
/// know is named by its index, an hour or day out of range is outside the calendar, anything
/// else is not a valid DateTime.
pub fn datetime_parse_message(text: &str) -> String {
    const WORDS: [&str; 9] = ["am", "pm", "t", "z", "gmt", "utc", "a", "p", "m"];
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            let known = WORDS.contains(&word.as_str())
                || months
                    .iter()
                    .any(|m| m.starts_with(&word) && word.len() >= 3)
                || days.iter().any(|d| d.starts_with(&word) && word.len() >= 3);
            if !known {
                return format!(
                    "The string '{text}' was not recognized as a valid DateTime. There is an unknown word starting at index '{start}'."
                );
            }
        } else {
            i += 1;
        }
    }
    // `HH:mm` with an hour past 23 parses but is outside the calendar.
    if let Some(colon) = text.find(':') {
        let hour: String = text[..colon]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if hour.parse::<u32>().is_ok_and(|h| h > 23) {
            return format!(
                "The DateTime represented by the string '{text}' is not supported in calendar 'System.Globalization.GregorianCalendar'."
            );
        }
    }
    format!("String '{text}' was not recognized as a valid DateTime.")
}

/// `[char]`: a one-character string, or a number in 0..=65535 (Convert.ToChar).
pub fn to_char(value: &Value) -> Result<u16, String> {
    const FULL: &str = "System.Char";
    match value {
        Value::Char(c) => Ok(*c),
        Value::String(s) => {
            let mut units = s.encode_utf16();
            match (units.next(), units.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(cast_error_with_inner(
                    s,
                    FULL,
                    "String must be exactly one character long.",
                )),
            }
        }
        Value::Num(n) if n.kind().is_integer() => match n.as_i128() {
            Some(v) if (0..=0xFFFF).contains(&v) => Ok(v as u16),
            _ => Err(cast_error_with_inner(
                &n.to_ps_string(),
                FULL,
                "Value was either too large or too small for a character.",
            )),
        },
        Value::Num(n) => Err(cast_error_with_inner(
            &n.to_ps_string(),
            FULL,
            &format!(
                "Invalid cast from '{}' to 'Char'.",
                n.type_name().trim_start_matches("System.")
            ),
        )),
        Value::Array(items) if items.borrow().len() == 1 => {
            let first = items.borrow()[0].clone();
            to_char(&first)
        }
        Value::Null => Ok(0),
        other => Err(cast_error(other, FULL)),
    }
}

/// LanguagePrimitives' conversion to an enum type: a number that is a member (any combination
/// of members for a flags enum); another value of the enum; a string as `Enum.Parse` reads it
/// (a number, or member names separated by commas, case-insensitively), else the one member
/// whose name starts with it (EnumMinimumDisambiguation); a collection as its items joined by
/// commas. The errors are pwsh's.
pub fn to_enum_value(value: &Value, full: &str) -> Result<EnumValue, String> {
    let Some(info) = crate::vocab::dotnet::enum_info(full) else {
        return Err(cast_error(value, full));
    };
    let names = || info.members.iter().map(|(n, _)| *n).collect::<Vec<_>>();
    let not_valid = |shown: &str| {
        format!(
            "Cannot convert value \"{shown}\" to type \"{full}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
            names().join(",")
        )
    };
    let from_number = |n: i64, shown: &str| -> Result<EnumValue, String> {
        if info.is_defined_value(n) {
            Ok(EnumValue::new(info.name, n))
        } else {
            Err(not_valid(shown))
        }
    };
    match value {
        Value::Enum(e) => from_number(e.value, &e.text()),
        Value::Num(n) if n.kind().is_integer() => {
            let v = n.as_i128().unwrap_or(0) as i64;
            from_number(v, &n.to_ps_string())
        }
        Value::String(text) => {
            let total = match parse_enum_text(info, text) {
                Some(v) => v,
                None => {
                    let name = enum_disambiguate(info, text)
                        .map_err(|inner| cast_error_with_inner(text, full, &inner))?;
                    info.value_of(name).unwrap_or(0)
                }
            };
            from_number(total, text)
        }
        Value::Null => Err(format!(
            "Cannot convert null to type \"{full}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
            names().join(",")
        )),
        Value::Array(items) => {
            let items = items.borrow().clone();
            if let [only] = items.as_slice() {
                return to_enum_value(only, full);
            }
            // ConvertEnumerableToEnum: strings as they are, other items through the enum.
            let mut parts = Vec::with_capacity(items.len());
            for item in &items {
                parts.push(match item {
                    Value::String(s) => s.to_string(),
                    other => to_enum_value(other, full)?.text(),
                });
            }
            to_enum_value(&Value::str(parts.join(",")), full)
        }
        other => Err(cast_error(other, full)),
    }
}

/// `Enum.Parse(type, text, ignoreCase: true)`: a number when the text starts like one, else
/// member names separated by commas (their values or-ed); None when it does not parse.
fn parse_enum_text(info: &crate::vocab::dotnet::EnumInfo, text: &str) -> Option<i64> {
    let t = text.trim();
    if t.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
        return t.parse::<i64>().ok();
    }
    let mut total = 0i64;
    for part in t.split(',') {
        total |= info.value_of(part.trim())?;
    }
    Some(total)
}

/// EnumMinimumDisambiguation: the one member whose name starts with `text`; among several, an
/// exact match, then (for FileAttributes) Directory, ReadOnly or System.
fn enum_disambiguate<'a>(
    info: &'a crate::vocab::dotnet::EnumInfo,
    text: &str,
) -> Result<&'a str, String> {
    let lower = text.to_lowercase();
    let matching: Vec<&str> = info
        .members
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| n.to_lowercase().starts_with(&lower))
        .collect();
    match matching.as_slice() {
        [] => Err(format!(
            "Unable to match the identifier name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:\n{}",
            info.members
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        [one] => Ok(one),
        several => {
            if let Some(exact) = several.iter().find(|n| n.eq_ignore_ascii_case(text)) {
                return Ok(exact);
            }
            if info.name == "System.IO.FileAttributes"
                && let Some(special) = ["Directory", "ReadOnly", "System"]
                    .into_iter()
                    .find(|n| n.to_lowercase().starts_with(&lower))
            {
                return Ok(special);
            }
            Err(format!(
                "The identifier name {text} cannot be processed because it is either too similar or identical to the following enumerator names: {}. Use a more specific identifier name.",
                several.join(", ")
            ))
        }
    }
}

/// Switches and bools take only booleans and numbers (and `$null`).
pub fn to_switch(value: &Value, type_full: &str) -> Result<bool, String> {
    match value {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::Num(n) => Ok(!n.is_zero()),
        Value::Object(_) if value.as_switch().is_some() => Ok(value.as_switch() == Some(true)),
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
    if let Some(i) = scan_number(&text)
        .filter(|_| !text.trim().is_empty())
        .and_then(|n| n.as_i128())
    {
        // A number names the value with that index; any other number is no value of the enum.
        return match usize::try_from(i).ok().and_then(|i| names.get(i)) {
            Some(name) => Ok(name.to_string()),
            None => Err(format!(
                "Cannot convert value \"{text}\" to type \"{type_full}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
                names.join(",")
            )),
        };
    }
    if text.trim().is_empty() {
        // An empty name is a prefix of every name (EnumSingleTypeConverter).
        return Err(cast_error_with_inner(
            &text,
            type_full,
            &format!(
                "The identifier name {text} cannot be processed because it is either too similar or identical to the following enumerator names: {}. Use a more specific identifier name.",
                names.join(", ")
            ),
        ));
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
        // A String[] (`$s.GetType().Name` is String[] in a script's `[string[]]` parameter).
        ParamKind::StringArray => match value {
            Value::Null => Value::Null,
            other => Value::array_of(
                super::value::ArrayKind::Typed(std::rc::Rc::from("System.String")),
                other
                    .enumerate()
                    .iter()
                    .map(|v| Value::str(v.to_ps_string()))
                    .collect(),
            ),
        },
        ParamKind::Int32 => Value::Num(to_number(value, NumKind::Int32)?),
        ParamKind::Int64 => Value::Num(to_number(value, NumKind::Int64)?),
        ParamKind::UInt32 => Value::Num(to_number(value, NumKind::UInt32)?),
        ParamKind::Unlimited => match value {
            Value::String(s) if s.trim().eq_ignore_ascii_case("unlimited") => {
                Value::str("Unlimited")
            }
            // The message names the parameter's own type (`Unlimited`), not Int32.
            other => Value::Num(
                to_number(other, NumKind::Int32)
                    .map_err(|m| m.replace("\"System.Int32\"", &format!("\"{}\"", ty.full)))?,
            ),
        },
        ParamKind::Double => Value::Num(to_number(value, NumKind::Double)?),
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
                    cast_error_with_inner(&text, ty.full, &datetime_parse_message(&text))
                })?)
            }
        },
        ParamKind::Guid => Value::Guid(to_guid(value)?),
        ParamKind::Enum(names) => Value::str(to_enum(value, names, ty.full)?),
        ParamKind::Cast => super::dotnet::convert_to(value.clone(), ty.full, " ").map_err(
            |failure| match failure {
                super::dotnet::CastFailure::Message(m) => m,
                super::dotnet::CastFailure::TypeNotFound => cast_error(value, ty.full),
            },
        )?,
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
        _ => return cast_param_type(name),
    })
}

/// A type the .NET type table converts to that has no binder kind of its own: a typed array of
/// a known element type, an enum, a numeric type, `[char]`, `[timespan]`, `[version]`,
/// `[ipaddress]`. Other names stay plain objects.
fn cast_param_type(name: &str) -> Option<ParamType> {
    use super::dotnet::{full_type_name, is_known_type};
    let full = full_type_name(name);
    let element = full.strip_suffix("[]");
    let convertible = |t: &str| {
        crate::vocab::dotnet::enum_info(t).is_some()
            || NumKind::from_full_name(t).is_some()
            || matches!(
                t,
                "System.Char" | "System.TimeSpan" | "System.Version" | "System.Net.IPAddress"
            )
    };
    let known = match element {
        Some(e) => is_known_type(&full) && e != "System.Object",
        None => convertible(&full),
    };
    if !known {
        return None;
    }
    let short = full.rsplit('.').next().unwrap_or(&full).to_string();
    Some(ParamType::new(
        ParamKind::Cast,
        interned(short),
        interned(full),
    ))
}

/// A type name kept for the life of the process: parameter types hold `&'static str` names, and
/// a script names few distinct types, each stored once however often it is declared.
fn interned(text: String) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashSet;
    thread_local! {
        static NAMES: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
    }
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(known) = names.get(text.as_str()) {
            return *known;
        }
        let stored: &'static str = Box::leak(text.into_boxed_str());
        names.insert(stored);
        stored
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_conversion_messages() {
        assert_eq!(to_int(&Value::str(" 42 "), "System.Int32"), Ok(42));
        assert_eq!(to_int(&Value::str("0x10"), "System.Int32"), Ok(16));
        assert_eq!(to_int(&Value::double(2.5), "System.Int32"), Ok(2));
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

    #[test]
    fn enum_number_out_of_range_and_empty_name() {
        let names = ["Info", "Error"];
        assert_eq!(to_enum(&Value::str("1"), &names, "T").unwrap(), "Error");
        let e = to_enum(&Value::str("9"), &names, "T").unwrap_err();
        assert!(
            e.contains("due to enumeration values that are not valid"),
            "{e}"
        );
        assert!(e.ends_with("\"Info,Error\"."), "{e}");
        let e = to_enum(&Value::str(""), &names, "T").unwrap_err();
        assert!(
            e.contains("too similar or identical to the following enumerator names: Info, Error."),
            "{e}"
        );
    }
}

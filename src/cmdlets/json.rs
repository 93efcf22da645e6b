//! ConvertTo-Json and ConvertFrom-Json as pwsh 7.4 has them (Newtonsoft.Json underneath):
//! two-space indentation, `"name": value`, `-Depth` 2 by default with the truncation warning,
//! `-Compress`, pwsh's escaping, and JSON objects read back as PSCustomObjects (or hashtables
//! with `-AsHashtable`).

use crate::runtime::CmdletDef;
use crate::runtime::number::Number;
use crate::runtime::timespan::PROPERTIES;
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, Flow, Hashtable, PsObject, Value,
};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, Validation, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

const ESCAPE_HANDLING: ParamType = ParamType::new(
    ParamKind::Enum(&["Default", "EscapeNonAscii", "EscapeHtml"]),
    "StringEscapeHandling",
    "Newtonsoft.Json.StringEscapeHandling",
);

pub fn definitions() -> Vec<CmdletDef> {
    let mut depth = ParamDef::new("Depth", types::INT32)
        .help("How many levels of contained objects are included (default 2, at most 100).");
    depth.validations.push(Validation::Range(0, 100));
    vec![
        CmdletDef::new("ConvertTo-Json", UTILITY, convert_to_json)
            .class("Microsoft.PowerShell.Commands.ConvertToJsonCommand")
            .synopsis("Converts an object to a JSON-formatted string.")
            .pipeline(PipelineMode::Collect)
            .param(
                ParamDef::new("InputObject", types::OBJECT)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The objects to convert."),
            )
            .param(depth)
            .param(
                ParamDef::new("Compress", types::SWITCH).help("Omits white space and indentation."),
            )
            .param(
                ParamDef::new("EnumsAsStrings", types::SWITCH)
                    .help("Writes enumeration values as their names."),
            )
            .param(
                ParamDef::new("AsArray", types::SWITCH)
                    .help("Always writes a JSON array, even for one object."),
            )
            .param(
                ParamDef::new("EscapeHandling", ESCAPE_HANDLING)
                    .help("Default, EscapeNonAscii or EscapeHtml."),
            )
            .example(
                "A policy as JSON",
                "Get-CsApplicationAccessPolicy -Identity Bot | ConvertTo-Json",
                "Identity, AppIds and Description as a JSON object.",
            ),
        CmdletDef::new("ConvertFrom-Json", UTILITY, convert_from_json)
            .class("Microsoft.PowerShell.Commands.ConvertFromJsonCommand")
            .synopsis("Converts a JSON-formatted string to a custom object or a hash table.")
            .pipeline(PipelineMode::Collect)
            .param(
                ParamDef::new("InputObject", types::STRING)
                    .position(0)
                    .mandatory()
                    .from_pipeline()
                    .help("The JSON text."),
            )
            .param(
                ParamDef::new("AsHashtable", types::SWITCH)
                    .help("Returns hashtables instead of PSCustomObjects."),
            )
            .param(
                ParamDef::new("Depth", types::INT32)
                    .help("The deepest nesting allowed (default 1024)."),
            )
            .param(
                ParamDef::new("NoEnumerate", types::SWITCH)
                    .help("Writes a JSON array as one object."),
            ),
    ]
}

// ----- ConvertTo-Json ------------------------------------------------------------------------

/// The JSON tree ConvertTo-Json writes.
#[derive(Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A number written as this text (UInt64, Decimal, BigInteger: beyond Int64 or exact).
    Raw(String),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A number as Newtonsoft's writer gives it: integers as digits, Single and Double as their
/// shortest round-trip text, Decimal with its scale.
fn json_number(n: &Number) -> Json {
    match n {
        // NaN and the infinities are written as strings ("NaN", "-Infinity").
        Number::Single(f) if !f.is_finite() => Json::Str(n.to_ps_string()),
        Number::Double(d) if !d.is_finite() => Json::Str(n.to_ps_string()),
        // A Single keeps its own shortest text (0.1, not 0.10000000149011612).
        Number::Single(_) => {
            let text = n.to_ps_string();
            Json::Raw(if text.contains(['.', 'E']) {
                text
            } else {
                format!("{text}.0")
            })
        }
        Number::Double(d) => Json::Float(*d),
        Number::Decimal(d) => Json::Raw(d.to_string()),
        other => match other.as_i128().and_then(|v| i64::try_from(v).ok()) {
            Some(i) => Json::Int(i),
            None => Json::Raw(other.to_ps_string()),
        },
    }
}

struct ToJson {
    max_depth: i64,
    warned: bool,
    enums_as_strings: bool,
    /// The value being converted is an array's item.
    in_array: bool,
}

impl ToJson {
    /// ProcessValue: scalars as they are; containers deeper than `-Depth` become their string
    /// form (with one warning per call).
    /// The error is the message for a dictionary with a key that is not a string.
    fn value(&mut self, v: &Value, depth: i64) -> Result<Json, String> {
        Ok(match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Num(n) => json_number(n),
            Value::Char(c) => Json::Str(crate::runtime::value::char_text(*c)),
            Value::Enum(e) if self.enums_as_strings => Json::Str(e.text()),
            Value::Enum(e) => json_number(&e.number()),
            Value::String(s) => Json::Str(s.to_string()),
            // A Guid written from the pipeline (or as an array item) is a PSObject: its value
            // and the Guid property pwsh's type data adds; inside a dictionary, the bare text.
            Value::Guid(g) if depth == 0 || self.in_array => {
                let text = g.hyphenated().to_string();
                Json::Object(vec![
                    ("value".into(), Json::Str(text.clone())),
                    ("Guid".into(), Json::Str(text)),
                ])
            }
            Value::Guid(g) => Json::Str(g.hyphenated().to_string()),
            Value::DateTime(dt) => Json::Str(json_date(*dt)),
            Value::Type(t) => Json::Str(t.to_string()),
            Value::ScriptBlock(sb) => Json::Str(sb.text().to_string()),
            Value::SecureString(s) => {
                Json::Object(vec![("Length".into(), Json::Int(s.chars().count() as i64))])
            }
            Value::Error(e) => Json::Str(e.exception.message.clone()),
            Value::Array(_) | Value::Hashtable(_) | Value::Object(_) | Value::TimeSpan(_)
                if depth > self.max_depth =>
            {
                self.warned = true;
                Json::Str(v.to_ps_string())
            }
            // A .NET struct: every public property, as reflection lists them.
            Value::TimeSpan(ts) => {
                let mut out = Vec::with_capacity(PROPERTIES.len());
                for name in PROPERTIES {
                    let val = ts.property(name).unwrap_or_default();
                    out.push((name.to_string(), self.value(&val, depth + 1)?));
                }
                Json::Object(out)
            }
            Value::Array(items) => {
                let items = items.borrow().clone();
                let mut out = Vec::with_capacity(items.len());
                for item in &items {
                    self.in_array = true;
                    let converted = self.value(item, depth + 1);
                    self.in_array = false;
                    out.push(converted?);
                }
                Json::Array(out)
            }
            Value::Hashtable(h) => {
                let entries: Vec<(Value, Value)> = h
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut out = Vec::with_capacity(entries.len());
                for (k, val) in &entries {
                    let Value::String(key) = k else {
                        return Err(format!(
                            "The type '{}' is not supported for serialization or deserialization of a dictionary. Keys must be strings.",
                            v.type_name()
                        ));
                    };
                    self.in_array = false;
                    out.push((key.to_string(), self.value(val, depth + 1)?));
                }
                Json::Object(out)
            }
            Value::Object(o) => {
                let props: Vec<(String, Value)> = o
                    .borrow()
                    .properties()
                    .map(|(n, v)| (n.to_string(), v.clone()))
                    .collect();
                let mut out = Vec::with_capacity(props.len());
                for (n, val) in &props {
                    self.in_array = false;
                    out.push((n.clone(), self.value(val, depth + 1)?));
                }
                Json::Object(out)
            }
        })
    }
}

/// Newtonsoft's ISO form for a local DateTime: `2026-11-26T09:00:00+00:00`, fractional seconds
/// only when present (up to 7 digits, trailing zeros dropped).
fn json_date(dt: time::OffsetDateTime) -> String {
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month() as u8,
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    );
    let ticks = dt.nanosecond() / 100;
    if ticks > 0 {
        let frac = format!("{ticks:07}");
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    // The kind decides the ending: Local its offset, Utc `Z`, Unspecified nothing.
    match crate::runtime::value::date_kind(dt) {
        crate::runtime::value::DateKind::Local => {
            let off = dt.offset();
            let (h, m, _) = off.as_hms();
            let sign = if off.is_negative() { '-' } else { '+' };
            s.push_str(&format!("{sign}{:02}:{:02}", h.abs(), m.abs()));
        }
        crate::runtime::value::DateKind::Utc => s.push('Z'),
        crate::runtime::value::DateKind::Unspecified => {}
    }
    s
}

/// Newtonsoft's double text: round-trip digits, always with a decimal point or exponent.
fn json_double(d: f64) -> String {
    let s = crate::runtime::value::format_double_roundtrip(d);
    if s.contains(['.', 'E', 'N', 'I']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// JSON string escaping as Newtonsoft does it for each StringEscapeHandling.
fn escape(s: &str, handling: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            '<' | '>' | '\'' | '&' if handling == "EscapeHtml" => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c if (c as u32) > 0x7f && handling != "Default" => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_json(j: &Json, indent: usize, compress: bool, handling: &str, out: &mut String) {
    let pad = |n: usize, out: &mut String| {
        if !compress {
            out.push('\n');
            out.push_str(&"  ".repeat(n));
        }
    };
    match j {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(i) => out.push_str(&i.to_string()),
        Json::Float(d) => out.push_str(&json_double(*d)),
        Json::Raw(text) => out.push_str(text),
        Json::Str(s) => escape(s, handling, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(indent + 1, out);
                write_json(item, indent + 1, compress, handling, out);
            }
            if !items.is_empty() {
                pad(indent, out);
            }
            out.push(']');
        }
        Json::Object(props) => {
            out.push('{');
            for (i, (k, v)) in props.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(indent + 1, out);
                escape(k, handling, out);
                out.push(':');
                if !compress {
                    out.push(' ');
                }
                write_json(v, indent + 1, compress, handling, out);
            }
            if !props.is_empty() {
                pad(indent, out);
            }
            out.push('}');
        }
    }
}

fn convert_to_json(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let from_pipeline = !ctx.collected.is_empty();
    let items: Vec<Value> = if from_pipeline {
        ctx.collected.clone()
    } else {
        match b.get("InputObject") {
            Some(v) => vec![v.clone()],
            None => return Ok(()),
        }
    };
    // Alias and script properties are written with their values (top-level objects).
    let items = crate::runtime::dotnet::settle_all(ctx.session, &items);
    let target = if items.len() == 1 && !b.switch("AsArray") {
        items[0].clone()
    } else {
        Value::array(items)
    };
    let max_depth = b.int("Depth").unwrap_or(2);
    let handling = b
        .string("EscapeHandling")
        .unwrap_or_else(|| "Default".into());
    let mut conv = ToJson {
        max_depth,
        warned: false,
        enums_as_strings: b.switch("EnumsAsStrings"),
        in_array: false,
    };
    let tree = match conv.value(&target, 0) {
        Ok(t) => t,
        Err(message) => {
            let r = ctx.error(
                "System.InvalidOperationException",
                message,
                "NonStringKeyInDictionary",
                ErrorCategory::InvalidOperation,
            );
            return Err(ctx.terminate(r));
        }
    };
    let warned = conv.warned;
    if warned {
        ctx.write_warning(&format!(
            "Resulting JSON is truncated as serialization has exceeded the set depth of {max_depth}."
        ))?;
    }
    let mut out = String::new();
    write_json(&tree, 0, b.switch("Compress"), &handling, &mut out);
    ctx.write_object(Value::str(out));
    Ok(())
}

// ----- ConvertFrom-Json ----------------------------------------------------------------------

/// A JSON value as pwsh returns it: objects become PSCustomObjects (or hashtables), arrays
/// `Object[]`, integers Int64, ISO date strings DateTime (Newtonsoft's date handling).
fn from_serde(v: &serde_json::Value, as_hashtable: bool) -> Result<Value, String> {
    Ok(match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::long(i)
            } else if let Some(u) = n.as_u64() {
                // Beyond Int64: Newtonsoft reads a BigInteger.
                Value::Num(Number::big(u.into()))
            } else {
                Value::double(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        serde_json::Value::String(s) => match iso_date(s) {
            Some(dt) => Value::DateTime(dt),
            None => Value::str(s),
        },
        serde_json::Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(from_serde(item, as_hashtable)?);
            }
            Value::array(out)
        }
        serde_json::Value::Object(map) => {
            if as_hashtable {
                let mut h = Hashtable::ordered_hashtable();
                for (k, val) in map {
                    h.insert(Value::str(k), from_serde(val, true)?);
                }
                Value::hashtable(h)
            } else {
                let mut o = PsObject::custom();
                let mut seen: Vec<&str> = Vec::new();
                for (k, val) in map {
                    if let Some(existing) = seen.iter().find(|s| s.eq_ignore_ascii_case(k)) {
                        return Err(format!(
                            "Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '{existing}' was '{k}'."
                        ));
                    }
                    seen.push(k);
                    o.set(k, from_serde(val, false)?);
                }
                Value::object(o)
            }
        }
    })
}

/// `yyyy-MM-ddTHH:mm[:ss[.f]][Z|±hh:mm]`, which Newtonsoft reads as a DateTime.
fn iso_date(s: &str) -> Option<time::OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = digits(0..4)? as i32;
    let month = digits(5..7)? as u8;
    let day = digits(8..10)? as u8;
    let hour = digits(11..13)? as u8;
    let minute = digits(14..16)? as u8;
    let mut rest = &s[16..];
    let mut second = 0u8;
    let mut nanos = 0u32;
    if let Some(r) = rest.strip_prefix(':') {
        second = r
            .get(0..2)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()?;
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.') {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            let frac = &r[..n];
            let padded: String = format!("{frac:0<9}").chars().take(9).collect();
            nanos = padded.parse().ok()?;
            rest = &r[n..];
        }
    }
    let offset = match rest {
        "" | "Z" => time::UtcOffset::UTC,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let body = &rest[1..];
            if body.len() != 5 || body.as_bytes()[2] != b':' {
                return None;
            }
            let h: i8 = body[0..2].parse().ok()?;
            let m: i8 = body[3..5].parse().ok()?;
            time::UtcOffset::from_hms(sign * h, sign * m, 0).ok()?
        }
    };
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let t = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    // Newtonsoft converts offsets to local time; the session's local time is UTC.
    Some(
        time::PrimitiveDateTime::new(date, t)
            .assume_offset(offset)
            .to_offset(time::UtcOffset::UTC),
    )
}

fn json_error(ctx: &CommandContext<'_>, message: String) -> Flow {
    let r = ctx.error(
        "System.ArgumentException",
        message,
        "System.ArgumentException",
        ErrorCategory::ParserError,
    );
    ctx.terminate(r)
}

fn parse_json(text: &str) -> Result<serde_json::Value, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map_err(|e| format!("Conversion from JSON failed with error: {e}"))
}

fn convert_from_json(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let inputs: Vec<String> = if ctx.collected.is_empty() {
        b.string("InputObject").into_iter().collect()
    } else {
        ctx.collected.iter().map(Value::to_ps_string).collect()
    };
    let as_hashtable = b.switch("AsHashtable");
    // Several pipeline strings: each must be a whole JSON text, or together they are one.
    let texts: Vec<String> = if inputs.len() > 1 && parse_json(&inputs[0]).is_err() {
        vec![inputs.join("\n")]
    } else {
        inputs
    };
    for text in texts {
        if text.trim().is_empty() {
            continue;
        }
        let parsed = parse_json(&text).map_err(|m| json_error(ctx, m))?;
        let value = from_serde(&parsed, as_hashtable).map_err(|m| {
            let r = ctx.error(
                "System.InvalidOperationException",
                m,
                "DuplicateKeysInJsonString",
                ErrorCategory::InvalidOperation,
            );
            ctx.terminate(r)
        })?;
        if b.switch("NoEnumerate") {
            ctx.write_object(value);
        } else {
            ctx.write_enumerated(value);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(j: &Json, compress: bool) -> String {
        let mut s = String::new();
        write_json(j, 0, compress, "Default", &mut s);
        s
    }

    #[test]
    fn newtonsoft_layout() {
        let j = Json::Object(vec![
            ("a".into(), Json::Int(1)),
            (
                "b".into(),
                Json::Array(vec![Json::Str("x".into()), Json::Null]),
            ),
            ("c".into(), Json::Object(vec![])),
            ("d".into(), Json::Array(vec![])),
            ("e".into(), Json::Float(3.0)),
        ]);
        assert_eq!(
            text(&j, false),
            "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    null\n  ],\n  \"c\": {},\n  \"d\": [],\n  \"e\": 3.0\n}"
        );
        assert_eq!(
            text(&j, true),
            "{\"a\":1,\"b\":[\"x\",null],\"c\":{},\"d\":[],\"e\":3.0}"
        );
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        escape("a\"b\\c\n\u{1}é<", "Default", &mut s);
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u0001é<\"");
        let mut s = String::new();
        escape("é<", "EscapeHtml", &mut s);
        assert_eq!(s, "\"\\u00e9\\u003c\"");
    }

    #[test]
    fn dates_both_ways() {
        let dt = iso_date("2026-11-26T09:00:00Z").unwrap();
        assert_eq!(json_date(dt), "2026-11-26T09:00:00+00:00");
        let dt = iso_date("2026-11-26T10:30:00.5+01:00").unwrap();
        assert_eq!(json_date(dt), "2026-11-26T09:30:00.5+00:00");
        assert!(iso_date("2026-11-26").is_none());
        assert!(iso_date("not a date at all").is_none());
    }

    #[test]
    fn json_objects_become_custom_objects() {
        let v = from_serde(
            &parse_json("{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null}}").unwrap(),
            false,
        )
        .unwrap();
        let a = v.property("a").unwrap().enumerate();
        assert_eq!(a[0].type_name(), "System.Int64");
        assert_eq!(a[1].type_name(), "System.Double");
        assert!(v.property("b").unwrap().property("c").unwrap().is_null());
        assert!(from_serde(&parse_json("{\"a\":1,\"A\":2}").unwrap(), false).is_err());
        assert!(from_serde(&parse_json("{\"a\":1,\"A\":2}").unwrap(), true).is_ok());
    }
}

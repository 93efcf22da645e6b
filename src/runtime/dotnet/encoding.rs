//! `System.Text.Encoding` (UTF8, Unicode, BigEndianUnicode, UTF32, ASCII, Latin1, Default) with
//! `GetBytes`/`GetString`/`GetByteCount`, and Base64 as `System.Convert` does it: what admin
//! scripts use to build a Basic authorization header or read the payload of a token.

use std::rc::Rc;

use super::{method_exception, method_not_found, overload_error};
use crate::runtime::flow::Flow;
use crate::runtime::number::Number;
use crate::runtime::session::Session;
use crate::runtime::value::{ArrayKind, Native, PsObject, Value};
use crate::syntax::Span;

pub const ENCODING: &str = "System.Text.Encoding";

/// FromBase64String's FormatException.
pub const BAD_BASE64: &str = "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.";

/// The encodings `[System.Text.Encoding]::X` gives, by code page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingKind {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32,
    Ascii,
    Latin1,
}

impl EncodingKind {
    /// The static property's encoding (`UTF8`, `Unicode`, ...).
    pub fn from_property(lower: &str) -> Option<EncodingKind> {
        Some(match lower {
            "utf8" | "default" => EncodingKind::Utf8,
            "unicode" => EncodingKind::Utf16Le,
            "bigendianunicode" => EncodingKind::Utf16Be,
            "utf32" => EncodingKind::Utf32,
            "ascii" => EncodingKind::Ascii,
            "latin1" => EncodingKind::Latin1,
            _ => return None,
        })
    }

    /// (GetType().FullName, WebName, CodePage, EncodingName), as .NET 10 reports them.
    fn describe(self) -> (&'static str, &'static str, i32, &'static str) {
        match self {
            EncodingKind::Utf8 => (
                "System.Text.UTF8Encoding+UTF8EncodingSealed",
                "utf-8",
                65001,
                "Unicode (UTF-8)",
            ),
            EncodingKind::Utf16Le => ("System.Text.UnicodeEncoding", "utf-16", 1200, "Unicode"),
            EncodingKind::Utf16Be => (
                "System.Text.UnicodeEncoding",
                "utf-16BE",
                1201,
                "Unicode (Big-Endian)",
            ),
            EncodingKind::Utf32 => (
                "System.Text.UTF32Encoding",
                "utf-32",
                12000,
                "Unicode (UTF-32)",
            ),
            EncodingKind::Ascii => (
                "System.Text.ASCIIEncoding+ASCIIEncodingSealed",
                "us-ascii",
                20127,
                "US-ASCII",
            ),
            EncodingKind::Latin1 => (
                "System.Text.Latin1Encoding+Latin1EncodingSealed",
                "iso-8859-1",
                28591,
                "Western European (ISO)",
            ),
        }
    }

    fn encode(self, text: &str) -> Vec<u8> {
        match self {
            EncodingKind::Utf8 => text.as_bytes().to_vec(),
            EncodingKind::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            EncodingKind::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            EncodingKind::Utf32 => text
                .chars()
                .flat_map(|c| (c as u32).to_le_bytes())
                .collect(),
            // Characters the encoding lacks become '?' (the replacement fallback).
            EncodingKind::Ascii => text
                .encode_utf16()
                .map(|u| if u < 0x80 { u as u8 } else { b'?' })
                .collect(),
            EncodingKind::Latin1 => text
                .encode_utf16()
                .map(|u| if u < 0x100 { u as u8 } else { b'?' })
                .collect(),
        }
    }

    fn decode(self, bytes: &[u8]) -> String {
        match self {
            EncodingKind::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            EncodingKind::Utf16Le | EncodingKind::Utf16Be => {
                let units = bytes.chunks(2).map(|c| match (self, c) {
                    (EncodingKind::Utf16Le, [a, b]) => u16::from_le_bytes([*a, *b]),
                    (_, [a, b]) => u16::from_be_bytes([*a, *b]),
                    _ => 0xFFFD,
                });
                char::decode_utf16(units)
                    .map(|r| r.unwrap_or('\u{FFFD}'))
                    .collect()
            }
            EncodingKind::Utf32 => bytes
                .chunks(4)
                .map(|c| {
                    let mut b = [0u8; 4];
                    b[..c.len()].copy_from_slice(c);
                    char::from_u32(u32::from_le_bytes(b)).unwrap_or('\u{FFFD}')
                })
                .collect(),
            EncodingKind::Ascii => bytes
                .iter()
                .map(|b| if *b < 0x80 { *b as char } else { '?' })
                .collect(),
            EncodingKind::Latin1 => bytes.iter().map(|b| *b as char).collect(),
        }
    }
}

/// `[System.Text.Encoding]::UTF8` and the others: an object with the encoding's properties.
pub fn encoding_object(kind: EncodingKind) -> Value {
    let (full, web, code_page, name) = kind.describe();
    let mut o = PsObject::new(full)
        .with("BodyName", Value::str(web))
        .with("EncodingName", Value::str(name))
        .with("WebName", Value::str(web))
        .with("CodePage", Value::int(code_page))
        .with(
            "IsSingleByte",
            Value::Bool(matches!(kind, EncodingKind::Ascii | EncodingKind::Latin1)),
        )
        .with_text(full.to_string());
    o.type_names.push(ENCODING.to_string());
    o.type_names.push("System.Object".to_string());
    o.native = Some(Native::Encoding(kind));
    Value::object(o)
}

/// A `System.Byte[]` of `bytes`.
pub fn byte_array(bytes: &[u8]) -> Value {
    Value::array_of(
        ArrayKind::Typed(Rc::from("System.Byte")),
        bytes.iter().map(|b| Value::Num(Number::Byte(*b))).collect(),
    )
}

/// The bytes of a value bound to a `byte[]` parameter.
pub fn bytes_of(v: &Value) -> Vec<u8> {
    v.enumerate()
        .iter()
        .map(|b| b.as_i64().unwrap_or(0) as u8)
        .collect()
}

/// An encoding's own instance methods; `None` for the ones every object has (GetType, ...).
pub(super) fn encoding_method(
    s: &mut Session,
    kind: EncodingKind,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    if matches!(lower, "gettype" | "tostring" | "equals" | "gethashcode") {
        return None;
    }
    Some(encoding_dispatch(s, kind, lower, name, args, span))
}

fn encoding_dispatch(
    s: &mut Session,
    kind: EncodingKind,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let text_arg = |i: usize| match args.get(i) {
        None | Some(Value::Null) => String::new(),
        Some(v) => v.to_ps_string(),
    };
    match (lower, args.len()) {
        ("getbytes", 1) => Ok(byte_array(&kind.encode(&text_arg(0)))),
        ("getbytecount", 1) => Ok(Value::int(kind.encode(&text_arg(0)).len() as i32)),
        ("getstring", 1) => Ok(Value::str(kind.decode(&bytes_of(&args[0])))),
        ("getstring", 3) => {
            let bytes = bytes_of(&args[0]);
            let (index, count) = (args[1].as_i64().unwrap_or(0), args[2].as_i64().unwrap_or(0));
            if index < 0 || count < 0 || index + count > bytes.len() as i64 {
                let param = if index < 0 {
                    "index"
                } else if count < 0 {
                    "count"
                } else {
                    "bytes"
                };
                let message = if index < 0 || count < 0 {
                    format!("Non-negative number required. (Parameter '{param}')")
                } else {
                    "Index and count must refer to a location within the buffer. (Parameter 'bytes')"
                        .to_string()
                };
                return Err(method_exception(
                    s,
                    name,
                    3,
                    "System.ArgumentOutOfRangeException",
                    &message,
                    span,
                ));
            }
            let slice = &bytes[index as usize..(index + count) as usize];
            Ok(Value::str(kind.decode(slice)))
        }
        ("getpreamble", 0) => Ok(byte_array(match kind {
            EncodingKind::Utf8 => &[0xEF, 0xBB, 0xBF],
            EncodingKind::Utf16Le => &[0xFF, 0xFE],
            EncodingKind::Utf16Be => &[0xFE, 0xFF],
            EncodingKind::Utf32 => &[0xFF, 0xFE, 0, 0],
            _ => &[],
        })),
        ("getbytes" | "getstring" | "getbytecount", _) => {
            Err(overload_error(s, name, args.len(), span))
        }
        _ => Err(method_not_found(s, kind.describe().0, name, span)),
    }
}

/// `Convert.ToBase64String(bytes)`.
pub fn to_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `Convert.FromBase64String(text)`: white space is skipped; the rest must be whole groups of
/// four, with at most two `=` at the end. `None` where .NET throws its FormatException.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let body: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .collect();
    if !body.len().is_multiple_of(4) {
        return None;
    }
    let padding = body.iter().rev().take_while(|b| **b == b'=').count();
    if padding > 2 {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let groups = body.len() / 4;
    for (g, chunk) in body.chunks(4).enumerate() {
        let pad = if g + 1 == groups { padding } else { 0 };
        let mut n = 0u32;
        for (k, c) in chunk.iter().enumerate() {
            let v = if k >= 4 - pad { 0 } else { value(*c)? };
            n |= v << (18 - 6 * k);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_is_strict() {
        assert_eq!(to_base64(b"user:pass"), "dXNlcjpwYXNz");
        assert_eq!(to_base64(b"a"), "YQ==");
        assert_eq!(to_base64(b"ab"), "YWI=");
        assert_eq!(from_base64("YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(from_base64("YW I=").as_deref(), Some(&b"ab"[..]));
        assert_eq!(from_base64("abc"), None);
        assert_eq!(from_base64("a!bc"), None);
        assert_eq!(from_base64("Y==="), None);
        assert_eq!(from_base64("").as_deref(), Some(&b""[..]));
    }
}

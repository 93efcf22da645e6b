//! Static methods of the numeric types, `System.Boolean`, `System.Char`, `System.Math` and
//! `System.Convert` that scripts call: `Parse`/`TryParse` with .NET's NumberStyles rules and
//! messages, the character classes, typed `Math` results and its overflow, `Convert` with a
//! base. The arguments arrive converted for the overload the binder chose (`vocab::dotnet`).

use super::datetime::try_parse_result;
use super::method_exception;
use crate::runtime::flow::Flow;
use crate::runtime::number::{NumKind, Number};
use crate::runtime::session::Session;
use crate::runtime::value::Value;
use crate::syntax::Span;

const FORMAT: &str = "System.FormatException";
const OVERFLOW: &str = "System.OverflowException";

/// The call, or `None` when the method is not one of these.
pub(super) fn call(
    s: &mut Session,
    ty: &str,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let fail = |s: &Session, inner_type: &str, message: &str| {
        Err(method_exception(
            s,
            name,
            args.len(),
            inner_type,
            message,
            span,
        ))
    };
    let text = |i: usize| match args.get(i) {
        None | Some(Value::Null) => String::new(),
        Some(v) => v.to_ps_string(),
    };
    if ty == "System.Numerics.BigInteger" {
        return bigint_static(s, lower, name, args, span);
    }
    if let Some(kind) = NumKind::from_full_name(ty)
        && kind != NumKind::BigInt
    {
        return match (lower, args.len()) {
            ("parse", 1..=3) => Some(match parse_number(&text(0), kind) {
                Ok(n) => Ok(Value::Num(n)),
                Err(ParseError::Format) => fail(s, FORMAT, &format_message(&text(0))),
                Err(ParseError::Overflow) => fail(s, OVERFLOW, kind.overflow_message()),
            }),
            ("tryparse", 2..=4) => {
                let parsed = parse_number(&text(0), kind).ok().map(Value::Num);
                let zero = Number::Int32(0).convert(kind).map(Value::Num);
                let zero = zero.unwrap_or(Value::integer(0));
                Some(Ok(try_parse_result(s, args, args.len() - 1, parsed, zero)))
            }
            _ => None,
        };
    }
    match (ty, lower, args.len()) {
        ("System.Boolean", "parse", 1) => Some(match parse_bool(&text(0)) {
            Some(b) => Ok(Value::Bool(b)),
            None => fail(s, FORMAT, &bool_message(&text(0))),
        }),
        ("System.Boolean", "tryparse", 2) => {
            let parsed = parse_bool(&text(0)).map(Value::Bool);
            Some(Ok(try_parse_result(s, args, 1, parsed, Value::Bool(false))))
        }
        ("System.Convert", "toboolean", 1) => Some(match &args[0] {
            Value::String(t) => match parse_bool(t) {
                Some(b) => Ok(Value::Bool(b)),
                None => fail(s, FORMAT, &bool_message(t)),
            },
            other => Ok(Value::Bool(other.is_truthy())),
        }),
        ("System.Convert", "toint16" | "toint32" | "toint64" | "tobyte", 2)
            if matches!(args[0], Value::String(_)) =>
        {
            let kind = match lower {
                "toint16" => NumKind::Int16,
                "toint32" => NumKind::Int32,
                "tobyte" => NumKind::Byte,
                _ => NumKind::Int64,
            };
            let base = args[1].as_i64().unwrap_or(10);
            Some(match parse_in_base(&text(0), base, kind) {
                Ok(n) => Ok(Value::Num(n)),
                Err(BaseError::InvalidBase) => fail(s, "System.ArgumentException", "Invalid Base."),
                Err(BaseError::NoDigits) => {
                    fail(s, FORMAT, "Could not find any recognizable digits.")
                }
                Err(BaseError::Overflow) => fail(s, OVERFLOW, kind.overflow_message()),
            })
        }
        ("System.Convert", "tostring", 2) if matches!(args[0], Value::Num(_)) => {
            let base = args[1].as_i64().unwrap_or(10);
            let Value::Num(n) = &args[0] else {
                return None;
            };
            let v = n.as_i128()?;
            // Negative numbers print their two's complement in the value's own width.
            let bits = match n.kind() {
                NumKind::Byte | NumKind::SByte => 8,
                NumKind::Int16 | NumKind::UInt16 => 16,
                NumKind::Int64 | NumKind::UInt64 => 64,
                _ => 32,
            };
            let unsigned = if v < 0 {
                (v + (1i128 << bits)) as u128
            } else {
                v as u128
            };
            Some(match base {
                2 => Ok(Value::str(format!("{unsigned:b}"))),
                8 => Ok(Value::str(format!("{unsigned:o}"))),
                10 => Ok(Value::str(v.to_string())),
                16 => Ok(Value::str(format!("{unsigned:x}"))),
                _ => fail(s, "System.ArgumentException", "Invalid Base."),
            })
        }
        ("System.Convert", "tobase64string", 1) => Some(Ok(Value::str(
            super::encoding::to_base64(&super::encoding::bytes_of(&args[0])),
        ))),
        ("System.Convert", "frombase64string", 1) => {
            Some(match super::encoding::from_base64(&text(0)) {
                Some(bytes) => Ok(super::encoding::byte_array(&bytes)),
                None => fail(s, FORMAT, super::encoding::BAD_BASE64),
            })
        }
        ("System.Convert", "changetype", 2) => {
            let target = match &args[1] {
                Value::Type(t) => t.to_string(),
                other => other.to_ps_string(),
            };
            Some(
                super::types::convert_to(args[0].clone(), &target, " ").or_else(|e| {
                    let message = match e {
                        super::types::CastFailure::TypeNotFound => {
                            format!("Unable to find type [{target}].")
                        }
                        super::types::CastFailure::Message(m) => m,
                    };
                    fail(s, "System.InvalidCastException", &message)
                }),
            )
        }
        ("System.Char", _, 1 | 2) => char_static(s, lower, name, args, span),
        ("System.Math", "abs", 1) => match &args[0] {
            Value::Num(n) if n.kind().is_signed_integer() && n.kind() != NumKind::BigInt => {
                let v = n.as_i128()?;
                let (lo, _) = n.kind().integer_range()?;
                if v == lo {
                    return Some(fail(
                        s,
                        OVERFLOW,
                        "Negating the minimum value of a twos complement number is invalid.",
                    ));
                }
                Some(Ok(Value::Num(
                    Number::Int64(v.abs() as i64).convert(n.kind()).ok()?,
                )))
            }
            _ => None,
        },
        ("System.Math", "truncate", 1) => math_unary(&args[0], f64::trunc),
        ("System.Math", "sign", 1) => {
            let v = args[0].as_f64()?;
            if v.is_nan() {
                return Some(fail(
                    s,
                    "System.ArithmeticException",
                    "Function does not accept floating point Not-a-Number values.",
                ));
            }
            Some(Ok(Value::int(if v > 0.0 {
                1
            } else if v < 0.0 {
                -1
            } else {
                0
            })))
        }
        ("System.Math", "log", 1) => math_unary(&args[0], f64::ln),
        ("System.Math", "log", 2) => {
            let (x, b) = (args[0].as_f64()?, args[1].as_f64()?);
            Some(Ok(Value::double(x.ln() / b.ln())))
        }
        ("System.Math", "log10", 1) => math_unary(&args[0], f64::log10),
        ("System.Math", "log2", 1) => math_unary(&args[0], f64::log2),
        ("System.Math", "exp", 1) => math_unary(&args[0], f64::exp),
        ("System.Math", "sin", 1) => math_unary(&args[0], f64::sin),
        ("System.Math", "cos", 1) => math_unary(&args[0], f64::cos),
        ("System.Math", "tan", 1) => math_unary(&args[0], f64::tan),
        ("System.Math", "atan", 1) => math_unary(&args[0], f64::atan),
        ("System.Math", "cbrt", 1) => math_unary(&args[0], f64::cbrt),
        ("System.Math", "round", 2 | 3) if is_midpoint(args.last()) => {
            let x = args[0].as_f64()?;
            let digits = if args.len() == 3 {
                args[1].as_i64().unwrap_or(0)
            } else {
                0
            };
            let away = args
                .last()
                .is_some_and(|m| m.to_ps_string().eq_ignore_ascii_case("AwayFromZero"));
            let f = 10f64.powi(digits as i32);
            let scaled = x * f;
            let rounded = if away {
                scaled.round()
            } else {
                match args.last().map(Value::to_ps_string).as_deref() {
                    Some("ToZero") => scaled.trunc(),
                    Some("ToNegativeInfinity") => scaled.floor(),
                    Some("ToPositiveInfinity") => scaled.ceil(),
                    _ => crate::runtime::number::round_half_even(scaled),
                }
            };
            Some(Ok(Value::double(rounded / f)))
        }
        _ => None,
    }
}

fn is_midpoint(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Enum(e)) if &*e.type_name == "System.MidpointRounding")
}

fn math_unary(v: &Value, f: fn(f64) -> f64) -> Option<Result<Value, Flow>> {
    match v {
        Value::Num(Number::Decimal(_)) => None,
        other => Some(Ok(Value::double(f(other.as_f64()?)))),
    }
}

/// `Char.IsDigit(c)`, `IsDigit(s, i)`, the other classes, `ToUpper`/`ToLower`,
/// `GetNumericValue`.
fn char_static(
    s: &mut Session,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let c = match (args.len(), &args[0]) {
        (1, Value::Char(c)) => char::from_u32(u32::from(*c)).unwrap_or('\u{fffd}'),
        (2, v) => {
            let text: Vec<char> = v.to_ps_string().chars().collect();
            let i = args[1].as_i64().unwrap_or(0);
            match usize::try_from(i).ok().and_then(|i| text.get(i)) {
                Some(c) => *c,
                None => {
                    return Some(Err(method_exception(
                        s,
                        name,
                        2,
                        "System.ArgumentOutOfRangeException",
                        "Specified argument was out of the range of valid values. (Parameter 'index')",
                        span,
                    )));
                }
            }
        }
        _ => return None,
    };
    let class = |b: bool| Some(Ok(Value::Bool(b)));
    match lower {
        // Decimal digits (ASCII; other scripts' digits are not classified).
        "isdigit" => class(c.is_ascii_digit()),
        "isnumber" => class(c.is_numeric()),
        "isletter" => class(c.is_alphabetic() && !c.is_numeric()),
        "isletterordigit" => class(c.is_alphanumeric()),
        "iswhitespace" => class(c.is_whitespace()),
        "isupper" => class(c.is_uppercase()),
        "islower" => class(c.is_lowercase()),
        "iscontrol" => class(c.is_control()),
        "ispunctuation" => class(is_punctuation(c)),
        "issymbol" => class(matches!(
            c,
            '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~'
        )),
        "isseparator" => class(c == ' ' || c == '\u{a0}'),
        "toupper" if args.len() == 1 => {
            Some(Ok(Value::Char(single_utf16(c.to_uppercase().next()?))))
        }
        "tolower" if args.len() == 1 => {
            Some(Ok(Value::Char(single_utf16(c.to_lowercase().next()?))))
        }
        "getnumericvalue" => Some(Ok(Value::double(c.to_digit(10).map_or(-1.0, f64::from)))),
        _ => None,
    }
}

fn single_utf16(c: char) -> u16 {
    let mut buf = [0u16; 2];
    c.encode_utf16(&mut buf)[0]
}

/// Unicode's punctuation categories for ASCII, as .NET classifies them.
fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '!' | '"'
            | '#'
            | '%'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | ','
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '_'
            | '{'
            | '}'
    ) || (!c.is_ascii() && c.is_ascii_punctuation())
}

enum ParseError {
    Format,
    Overflow,
}

fn format_message(text: &str) -> String {
    format!("The input string '{text}' was not in a correct format.")
}

fn bool_message(text: &str) -> String {
    format!("String '{text}' was not recognized as a valid Boolean.")
}

/// Boolean.Parse: `True`/`False` in any case, with white space (and NULs) around.
fn parse_bool(text: &str) -> Option<bool> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\0');
    if t.eq_ignore_ascii_case("true") {
        Some(true)
    } else if t.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// `T.Parse(s)` with the default NumberStyles: `Integer` for the integer types (white space, a
/// leading sign, digits), `Float | AllowThousands` for Single and Double, `Number` for Decimal;
/// the invariant culture's symbols.
fn parse_number(text: &str, kind: NumKind) -> Result<Number, ParseError> {
    let t = text.trim();
    if kind.is_integer() {
        let (negative, digits) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseError::Format);
        }
        let mut v: i128 = 0;
        for b in digits.bytes() {
            v = v.saturating_mul(10).saturating_add(i128::from(b - b'0'));
        }
        if negative {
            v = -v;
        }
        return Number::Int64(0)
            .convert(kind)
            .ok()
            .and_then(|_| from_i128(v, kind))
            .ok_or(ParseError::Overflow);
    }
    let bytes = t.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let mut cleaned = String::from(&t[..i]);
    let mut seen_digit = false;
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {
                seen_digit = true;
                cleaned.push(bytes[i] as char);
            }
            b',' if !seen_point => {}
            b'.' if !seen_point => {
                seen_point = true;
                cleaned.push('.');
            }
            b'e' | b'E' if seen_digit && kind != NumKind::Decimal => break,
            _ => return Err(ParseError::Format),
        }
        i += 1;
    }
    if i < bytes.len() {
        // The exponent: a sign and digits.
        cleaned.push('e');
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            cleaned.push(bytes[i] as char);
            i += 1;
        }
        if i >= bytes.len() || !bytes[i..].iter().all(u8::is_ascii_digit) {
            return Err(ParseError::Format);
        }
        cleaned.push_str(&t[i..]);
    }
    if !seen_digit {
        return match t {
            "NaN" => Ok(Number::Double(f64::NAN)
                .convert(kind)
                .map_err(|_| ParseError::Format)?),
            "Infinity" | "∞" => Ok(Number::Double(f64::INFINITY)
                .convert(kind)
                .map_err(|_| ParseError::Format)?),
            "-Infinity" | "-∞" => Ok(Number::Double(f64::NEG_INFINITY)
                .convert(kind)
                .map_err(|_| ParseError::Format)?),
            _ => Err(ParseError::Format),
        };
    }
    let v: f64 = cleaned.parse().map_err(|_| ParseError::Format)?;
    Number::Double(v)
        .convert(kind)
        .map_err(|_| ParseError::Overflow)
}

fn from_i128(v: i128, kind: NumKind) -> Option<Number> {
    Some(match kind {
        NumKind::SByte => Number::SByte(i8::try_from(v).ok()?),
        NumKind::Byte => Number::Byte(u8::try_from(v).ok()?),
        NumKind::Int16 => Number::Int16(i16::try_from(v).ok()?),
        NumKind::UInt16 => Number::UInt16(u16::try_from(v).ok()?),
        NumKind::Int32 => Number::Int32(i32::try_from(v).ok()?),
        NumKind::UInt32 => Number::UInt32(u32::try_from(v).ok()?),
        NumKind::Int64 => Number::Int64(i64::try_from(v).ok()?),
        NumKind::UInt64 => Number::UInt64(u64::try_from(v).ok()?),
        _ => return None,
    })
}

enum BaseError {
    InvalidBase,
    NoDigits,
    Overflow,
}

/// `Convert.ToInt32(s, base)` (and ToInt16/ToInt64/ToByte): base 2, 8, 10 or 16; a `0x`
/// prefix is allowed in base 16; a leading `-` only in base 10; in the other bases the digits
/// are the value's bits (`ffffffff` is -1 as an Int32).
fn parse_in_base(text: &str, base: i64, kind: NumKind) -> Result<Number, BaseError> {
    if !matches!(base, 2 | 8 | 10 | 16) {
        return Err(BaseError::InvalidBase);
    }
    let mut t = text;
    let mut negative = false;
    if base == 10 && t.starts_with('-') {
        negative = true;
        t = &t[1..];
    }
    if base == 16 && (t.starts_with("0x") || t.starts_with("0X")) {
        t = &t[2..];
    }
    if t.is_empty() {
        return Err(BaseError::NoDigits);
    }
    let mut v: u128 = 0;
    for c in t.chars() {
        let d = c.to_digit(base as u32).ok_or(BaseError::NoDigits)?;
        v = v
            .checked_mul(base as u128)
            .and_then(|v| v.checked_add(u128::from(d)))
            .ok_or(BaseError::Overflow)?;
    }
    let bits = match kind {
        NumKind::Byte => 8,
        NumKind::Int16 => 16,
        NumKind::Int64 => 64,
        _ => 32,
    };
    if base == 10 {
        let signed = if negative { -(v as i128) } else { v as i128 };
        return from_i128(signed, kind).ok_or(BaseError::Overflow);
    }
    if v >= (1u128 << bits) {
        return Err(BaseError::Overflow);
    }
    // The bits of the value, read as the signed type.
    let signed = if kind != NumKind::Byte && v >= (1u128 << (bits - 1)) {
        v as i128 - (1i128 << bits)
    } else {
        v as i128
    };
    from_i128(signed, kind).ok_or(BaseError::Overflow)
}

/// BigInteger's static arithmetic (`[bigint]::Pow(2, 100)`): arguments arrive converted to
/// BigInteger (an exponent to Int32) by the binder.
fn bigint_static(
    s: &mut Session,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    use num_bigint::BigInt;
    use num_traits::{Signed, Zero};
    let big = |i: usize| -> Option<BigInt> {
        match args.get(i)? {
            Value::Num(n) => n.to_bigint(),
            other => other.to_ps_string().trim().parse::<BigInt>().ok(),
        }
    };
    let fail = |s: &Session, inner_type: &str, message: &str| {
        Some(Err(method_exception(
            s,
            name,
            args.len(),
            inner_type,
            message,
            span,
        )))
    };
    let ok = |b: BigInt| Some(Ok(Value::Num(Number::big(b))));
    match (lower, args.len()) {
        ("pow", 2) => {
            let exponent = args[1].as_i64()?;
            if exponent < 0 {
                return fail(
                    s,
                    "System.ArgumentOutOfRangeException",
                    &format!(
                        "The number must be greater than or equal to zero. (Parameter 'exponent')\nActual value was {exponent}."
                    ),
                );
            }
            ok(num_traits::pow::Pow::pow(big(0)?, exponent as u64))
        }
        ("parse", 1..=3) => {
            let text = args[0].to_ps_string();
            match text.trim().parse::<BigInt>() {
                Ok(b) => ok(b),
                Err(_) => fail(s, FORMAT, "The value could not be parsed."),
            }
        }
        ("abs", 1) => ok(big(0)?.abs()),
        ("negate", 1) => ok(-big(0)?),
        ("add", 2) => ok(big(0)? + big(1)?),
        ("subtract", 2) => ok(big(0)? - big(1)?),
        ("multiply", 2) => ok(big(0)? * big(1)?),
        ("divide" | "remainder", 2) => {
            let d = big(1)?;
            if d.is_zero() {
                return fail(
                    s,
                    "System.DivideByZeroException",
                    "Attempted to divide by zero.",
                );
            }
            ok(if lower == "divide" {
                big(0)? / d
            } else {
                big(0)? % d
            })
        }
        ("max", 2) => ok(big(0)?.max(big(1)?)),
        ("min", 2) => ok(big(0)?.min(big(1)?)),
        ("compare", 2) => Some(Ok(Value::int(big(0)?.cmp(&big(1)?) as i32))),
        ("greatestcommondivisor", 2) => ok(num_integer_gcd(big(0)?.abs(), big(1)?.abs())),
        ("modpow", 3) => {
            let m = big(2)?;
            if m.is_zero() {
                return fail(
                    s,
                    "System.DivideByZeroException",
                    "Attempted to divide by zero.",
                );
            }
            ok(big(0)?.modpow(&big(1)?, &m))
        }
        _ => None,
    }
}

fn num_integer_gcd(mut a: num_bigint::BigInt, mut b: num_bigint::BigInt) -> num_bigint::BigInt {
    use num_traits::Zero;
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

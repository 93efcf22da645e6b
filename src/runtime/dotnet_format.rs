//! .NET's format strings: composite formatting (`'{0,-10:N2}' -f $x`, `[string]::Format`),
//! the standard numeric formats (C D E F G N P R X, with a precision) and custom numeric formats
//! (`0.00`, `#,##0`, `0.0%`, `00.00E+0`, sections with `;`), as .NET Core 3.0+ produces them:
//! standard formats round the exact binary value (half to even on a true tie), custom formats
//! round the value's 15 significant digits half away from zero; Decimal rounds half away from
//! zero. Widths and precisions follow .NET's limits (a width of up to seven digits, a precision
//! below 1,000,000,000) and are padded by hand, never through `format!`'s own width.
//!
//! Dates use the culture's patterns (see `culture`) and the custom date specifiers.

use num_traits::Signed;
use rust_decimal::Decimal;

use super::culture::Culture;
use super::number::{NumKind, Number};
use super::value::{DateKind, Value, date_kind};

/// Why a format string could not be applied, with .NET's FormatException text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// "Format specifier was invalid."
    Specifier,
    /// Composite format syntax: "Input string was not in a correct format. ..." (the full
    /// message).
    Composite(String),
    /// "Index (zero based) must be greater than or equal to zero and less than the size of the
    /// argument list."
    Index,
}

impl FormatError {
    pub fn message(&self) -> String {
        match self {
            FormatError::Specifier => "Format specifier was invalid.".into(),
            FormatError::Composite(m) => m.clone(),
            FormatError::Index => "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.".into(),
        }
    }
}

/// The largest precision a standard format accepts.
const MAX_PRECISION: u64 = 999_999_999;
/// Past this many fraction digits a Double's exact decimal expansion is all zeros.
const DOUBLE_DIGITS: usize = 1100;

fn pad(text: String, width: i64) -> String {
    let len = text.chars().count();
    let w = width.unsigned_abs() as usize;
    if len >= w {
        return text;
    }
    let fill = " ".repeat(w - len);
    if width < 0 {
        text + &fill
    } else {
        fill + &text
    }
}

// ----- composite formatting ----------------------------------------------------------------

/// `String.Format(format, args)`: `{index[,alignment][:formatString]}` items, `{{` and `}}`
/// escapes; each argument formatted by its own type.
pub fn composite(format: &str, args: &[Value], culture: &Culture) -> Result<String, FormatError> {
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let syntax = |pos: usize, what: &str| {
        FormatError::Composite(format!(
            "Input string was not in a correct format. Failure to parse near offset {pos}. {what}"
        ))
    };
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => {
                out.push('{');
                i += 2;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                out.push('}');
                i += 2;
            }
            '}' => {
                return Err(syntax(
                    i,
                    "Unexpected closing brace without a corresponding opening brace.",
                ));
            }
            '{' => {
                i += 1;
                // The index: digits.
                let start = i;
                let mut index: usize = 0;
                while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    index = index.saturating_mul(10).saturating_add(d as usize);
                    i += 1;
                    if index >= 1_000_000 {
                        break;
                    }
                }
                if i == start {
                    return Err(syntax(i, "Expected an ASCII digit."));
                }
                while chars.get(i) == Some(&' ') {
                    i += 1;
                }
                // The alignment: `,` then an optional `-` and digits (up to seven).
                let mut width: i64 = 0;
                if chars.get(i) == Some(&',') {
                    i += 1;
                    while chars.get(i) == Some(&' ') {
                        i += 1;
                    }
                    let negative = chars.get(i) == Some(&'-');
                    if negative {
                        i += 1;
                    }
                    let digits_start = i;
                    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                        width = width * 10 + d as i64;
                        i += 1;
                        if width >= 1_000_000 {
                            break;
                        }
                    }
                    if i == digits_start {
                        return Err(syntax(i, "Expected an ASCII digit."));
                    }
                    if negative {
                        width = -width;
                    }
                    while chars.get(i) == Some(&' ') {
                        i += 1;
                    }
                }
                // The format string: up to the closing brace (`}}` is a literal brace).
                let mut item_format = String::new();
                if chars.get(i) == Some(&':') {
                    i += 1;
                    loop {
                        match chars.get(i) {
                            None => {
                                return Err(syntax(i, "Format item ends prematurely."));
                            }
                            Some('}') if chars.get(i + 1) == Some(&'}') => {
                                item_format.push('}');
                                i += 2;
                            }
                            Some('}') => break,
                            Some('{') if chars.get(i + 1) == Some(&'{') => {
                                item_format.push('{');
                                i += 2;
                            }
                            Some('{') => {
                                return Err(syntax(
                                    i,
                                    "Braces inside the argument hole must be escaped.",
                                ));
                            }
                            Some(c) => {
                                item_format.push(*c);
                                i += 1;
                            }
                        }
                    }
                }
                if chars.get(i) != Some(&'}') {
                    return Err(syntax(i, "Format item ends prematurely."));
                }
                i += 1;
                let arg = args.get(index).ok_or(FormatError::Index)?;
                let text = format_value(arg, &item_format, culture)?;
                out.push_str(&pad(text, width));
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// One argument with its format string: numbers and dates by their formats, time spans by
/// theirs, anything else by its own ToString (a string ignores the format).
pub fn format_value(v: &Value, format: &str, culture: &Culture) -> Result<String, FormatError> {
    match v {
        Value::Null => Ok(String::new()),
        Value::Num(n) => format_number(n, format, culture),
        Value::DateTime(dt) => Ok(format_date(*dt, format, culture)),
        Value::TimeSpan(ts) if !format.is_empty() => {
            ts.format(format).ok_or(FormatError::Specifier)
        }
        // Object.ToString(): a Double round-trips here, unlike PowerShell's own conversion.
        other => Ok(other.element_string()),
    }
}

// ----- numbers -------------------------------------------------------------------------------

/// A number's `ToString(format)`.
pub fn format_number(n: &Number, format: &str, culture: &Culture) -> Result<String, FormatError> {
    if format.is_empty() {
        return Ok(default_text(n));
    }
    let mut chars = format.chars();
    let first = chars.next().unwrap_or('G');
    let rest = chars.as_str();
    let precision = if first.is_ascii_alphabetic() {
        if rest.is_empty() {
            Some(None)
        } else if rest.chars().all(|c| c.is_ascii_digit()) {
            match rest.parse::<u64>() {
                Ok(p) if p <= MAX_PRECISION => Some(Some(p as usize)),
                _ => return Err(FormatError::Specifier),
            }
        } else {
            None
        }
    } else {
        None
    };
    match precision {
        Some(p) => standard(n, first, p, culture),
        None => Ok(custom(n, format, culture)),
    }
}

/// `ToString()` with no format: Double and Single round-trip, Decimal keeps its scale.
fn default_text(n: &Number) -> String {
    match n {
        Number::Double(d) => super::value::format_double_roundtrip(*d),
        Number::Single(f) => single_roundtrip(*f),
        other => other.to_ps_string(),
    }
}

/// A Double's shortest round-trip text (.NET Core 3.0+ `ToString()` and `R`): the fewest
/// digits that read back as the same value, scientific from an exponent of 15 or below -5.
pub fn roundtrip(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let text = format!("{d:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    scientific_or_fixed(mantissa, exp, 15)
}

/// A Single's shortest round-trip text (.NET Core 3.0+ `ToString()`).
fn single_roundtrip(f: f32) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let text = format!("{f:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    scientific_or_fixed(mantissa, exp, 15)
}

/// Digits `d.ddd` with exponent `exp` in .NET's "R"/"G" layout: fixed while
/// `-5 < exp < limit`, else `d.dddE+XX`.
fn scientific_or_fixed(mantissa: &str, exp: i32, limit: i32) -> String {
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if exp <= -5 || exp >= limit {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        return format!(
            "{sign}{first}{rest}E{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        );
    }
    let point = exp + 1;
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{text}")
}

/// The value as (negative, integer digits, fraction digits) with exactly `decimals` fraction
/// digits, rounded as a standard format rounds (exact value, ties to even for binary floats;
/// half away from zero for Decimal; integers exactly).
fn fixed_digits(n: &Number, decimals: usize) -> (bool, String, String) {
    let text = match n {
        Number::Double(d) => exact_fixed(*d, decimals),
        Number::Single(f) => exact_fixed(f64::from(*f), decimals),
        Number::Decimal(d) => {
            let r = d.round_dp_with_strategy(
                decimals.min(28) as u32,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            );
            let mut t = r.abs().to_string();
            let have = t.split_once('.').map_or(0, |(_, f)| f.len());
            if have < decimals {
                if have == 0 {
                    t.push('.');
                }
                t.push_str(&"0".repeat(decimals - have));
            }
            if r.is_sign_negative() && !r.is_zero() {
                format!("-{t}")
            } else {
                t
            }
        }
        Number::BigInt(b) => {
            let mut t = b.to_string();
            if decimals > 0 {
                t.push('.');
                t.push_str(&"0".repeat(decimals));
            }
            t
        }
        other => {
            let mut t = other.as_i128().unwrap_or(0).to_string();
            if decimals > 0 {
                t.push('.');
                t.push_str(&"0".repeat(decimals));
            }
            t
        }
    };
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (body, String::new()),
    };
    // `-0.00` shows as `-0.00` only for a truly negative value that rounded to zero: .NET
    // Core 3.0+ keeps the sign of negative values.
    (negative, int, frac)
}

/// A Double with `decimals` fraction digits from its exact binary value (Rust's formatting is
/// exact and rounds ties to even, as .NET Core 3.0+ does), padded by hand past the digits a
/// Double can have.
fn exact_fixed(d: f64, decimals: usize) -> String {
    if !d.is_finite() {
        return if d.is_nan() {
            "NaN".into()
        } else if d > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let shown = decimals.min(DOUBLE_DIGITS);
    let mut t = format!("{d:.shown$}");
    if decimals > shown {
        t.push_str(&"0".repeat(decimals - shown));
    }
    t
}

/// Inserts `,` every three digits of an integer part.
fn group(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    let len = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn join_number(int: &str, frac: &str) -> String {
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

fn non_finite(n: &Number) -> Option<String> {
    let f = match n {
        Number::Double(d) => *d,
        Number::Single(f) => f64::from(*f),
        _ => return None,
    };
    if f.is_nan() {
        Some("NaN".into())
    } else if f.is_infinite() {
        Some(if f > 0.0 { "Infinity" } else { "-Infinity" }.into())
    } else {
        None
    }
}

fn standard(
    n: &Number,
    kind: char,
    precision: Option<usize>,
    culture: &Culture,
) -> Result<String, FormatError> {
    let upper = kind.to_ascii_uppercase();
    if let Some(text) = non_finite(n)
        && matches!(upper, 'C' | 'E' | 'F' | 'G' | 'N' | 'P' | 'R')
    {
        return Ok(text);
    }
    let is_integer = n.kind().is_integer();
    Ok(match upper {
        'C' => {
            let (neg, int, frac) = fixed_digits(n, precision.unwrap_or(2));
            let body = format!(
                "{}{}",
                culture.currency_symbol,
                join_number(&group(&int), &frac)
            );
            if neg {
                if culture.currency_negative_parens {
                    format!("({body})")
                } else {
                    format!("-{body}")
                }
            } else {
                body
            }
        }
        'D' => {
            if !is_integer {
                return Err(FormatError::Specifier);
            }
            let v = match n {
                Number::BigInt(b) => b.abs().to_string(),
                other => other.as_i128().unwrap_or(0).unsigned_abs().to_string(),
            };
            let width = precision.unwrap_or(0);
            let digits = if v.len() < width {
                format!("{}{v}", "0".repeat(width - v.len()))
            } else {
                v
            };
            if n.is_negative() {
                format!("-{digits}")
            } else {
                digits
            }
        }
        'E' => {
            let p = precision.unwrap_or(6);
            scientific(n, p, 3, kind.is_ascii_lowercase(), true)
        }
        'F' => {
            let (neg, int, frac) = fixed_digits(n, precision.unwrap_or(2));
            format!("{}{}", if neg { "-" } else { "" }, join_number(&int, &frac))
        }
        'N' => {
            let (neg, int, frac) = fixed_digits(n, precision.unwrap_or(2));
            format!(
                "{}{}",
                if neg { "-" } else { "" },
                join_number(&group(&int), &frac)
            )
        }
        'P' => {
            let scaled =
                super::number::arithmetic(super::number::ArithOp::Mul, n, &Number::Int32(100))
                    .unwrap_or(Number::Double(n.to_f64() * 100.0));
            let (neg, int, frac) =
                fixed_digits(&scaled, precision.unwrap_or(culture.percent_decimals));
            let body = join_number(&group(&int), &frac);
            let body = if culture.percent_space {
                format!("{body} %")
            } else {
                format!("{body}%")
            };
            if neg { format!("-{body}") } else { body }
        }
        'G' => general(n, precision, kind.is_ascii_lowercase()),
        'R' => match n {
            Number::Double(_) | Number::Single(_) | Number::BigInt(_) => default_text(n),
            _ => return Err(FormatError::Specifier),
        },
        'X' => {
            if !is_integer {
                return Err(FormatError::Specifier);
            }
            let bits: u128 = match n {
                Number::SByte(v) => *v as u8 as u128,
                Number::Byte(v) => *v as u128,
                Number::Int16(v) => *v as u16 as u128,
                Number::UInt16(v) => *v as u128,
                Number::Int32(v) => *v as u32 as u128,
                Number::UInt32(v) => *v as u128,
                Number::Int64(v) => *v as u64 as u128,
                Number::UInt64(v) => *v as u128,
                Number::BigInt(b) => b.to_string().parse::<i128>().unwrap_or(0) as u128,
                _ => 0,
            };
            let hex = if kind == 'X' {
                format!("{bits:X}")
            } else {
                format!("{bits:x}")
            };
            let width = precision.unwrap_or(0);
            if hex.len() < width {
                format!("{}{hex}", "0".repeat(width - hex.len()))
            } else {
                hex
            }
        }
        _ => return Err(FormatError::Specifier),
    })
}

/// `E`: `d.dddE+ddd` with `precision` digits after the point and at least `exp_digits`
/// exponent digits (the sign always when `always_sign`).
fn scientific(
    n: &Number,
    precision: usize,
    exp_digits: usize,
    lower: bool,
    always_sign: bool,
) -> String {
    let (negative, digits, exp) = significant(n, precision + 1);
    let (first, rest) = digits.split_at(1.min(digits.len()));
    let mut body = first.to_string();
    if precision > 0 {
        body.push('.');
        body.push_str(rest);
        let have = rest.len();
        if have < precision {
            body.push_str(&"0".repeat(precision - have));
        }
    }
    let e = if lower { 'e' } else { 'E' };
    let sign = if exp < 0 {
        "-"
    } else if always_sign {
        "+"
    } else {
        ""
    };
    let exp_text = exp.unsigned_abs().to_string();
    let exp_text = if exp_text.len() < exp_digits {
        format!("{}{exp_text}", "0".repeat(exp_digits - exp_text.len()))
    } else {
        exp_text
    };
    format!(
        "{}{body}{e}{sign}{exp_text}",
        if negative { "-" } else { "" }
    )
}

/// The value's first `count` significant digits (rounded as a standard format rounds) and the
/// decimal exponent of the first: `1234.5` with 3 gives ("123", 3).
fn significant(n: &Number, count: usize) -> (bool, String, i32) {
    let count = count.max(1);
    match n {
        Number::Double(_) | Number::Single(_) => {
            let d = n.to_f64();
            if d == 0.0 {
                return (d.is_sign_negative(), "0".repeat(count), 0);
            }
            let shown = (count - 1).min(DOUBLE_DIGITS);
            let text = format!("{:.*e}", shown, d.abs());
            let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
            let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            if digits.len() < count {
                digits.push_str(&"0".repeat(count - digits.len()));
            }
            (d < 0.0, digits, exp.parse().unwrap_or(0))
        }
        other => {
            // Integers and decimals: from their exact decimal text, rounded half away from zero.
            let text = match other {
                Number::Decimal(d) => d.abs().normalize().to_string(),
                Number::BigInt(b) => b.abs().to_string(),
                o => o.as_i128().unwrap_or(0).unsigned_abs().to_string(),
            };
            let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
            let all = format!("{int}{frac}");
            let lead = all.len() - all.trim_start_matches('0').len();
            let mut digits: Vec<u8> = all.trim_start_matches('0').bytes().collect();
            let exp = if digits.is_empty() {
                0
            } else {
                int.len() as i32 - 1 - lead as i32
            };
            if digits.is_empty() {
                return (false, "0".repeat(count), 0);
            }
            let mut exp = exp;
            if digits.len() > count {
                let round_up = digits[count] >= b'5';
                digits.truncate(count);
                if round_up {
                    let mut i = count;
                    loop {
                        if i == 0 {
                            digits.insert(0, b'1');
                            digits.truncate(count);
                            exp += 1;
                            break;
                        }
                        i -= 1;
                        if digits[i] == b'9' {
                            digits[i] = b'0';
                        } else {
                            digits[i] += 1;
                            break;
                        }
                    }
                }
            }
            let mut s = String::from_utf8(digits).unwrap_or_default();
            if s.len() < count {
                s.push_str(&"0".repeat(count - s.len()));
            }
            (other.is_negative(), s, exp)
        }
    }
}

/// `G` and `G<n>`: the shortest form with `n` significant digits (default: round-trip for
/// binary floats, 29 for Decimal, all digits for integers), scientific past the precision.
fn general(n: &Number, precision: Option<usize>, lower: bool) -> String {
    let default_digits = match n.kind() {
        NumKind::Double | NumKind::Single => None,
        NumKind::Decimal => Some(29),
        NumKind::BigInt => None,
        _ => None,
    };
    let p = precision.filter(|p| *p > 0).or(default_digits);
    let Some(p) = p else {
        return match n {
            Number::Double(_) | Number::Single(_) => default_text(n),
            other => other.to_ps_string(),
        };
    };
    if matches!(n, Number::Decimal(_)) && precision.is_none() {
        return n.to_ps_string();
    }
    let (negative, digits, exp) = significant(n, p);
    let trimmed = digits.trim_end_matches('0');
    let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
    let sign = if negative { "-" } else { "" };
    let limit = p as i32;
    if exp > -5 && exp < limit {
        let text = scientific_or_fixed(trimmed, exp, i32::MAX);
        return format!("{sign}{text}");
    }
    let (first, rest) = trimmed.split_at(1);
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(".{rest}")
    };
    format!(
        "{sign}{first}{rest}{}{}{:02}",
        if lower { 'e' } else { 'E' },
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

/// A custom numeric format (`#,##0.00`, `0.0%`, `00.00E+0`, `pos;neg;zero`).
fn custom(n: &Number, format: &str, culture: &Culture) -> String {
    let sections = split_sections(format);
    let is_zero_after = |section: &str| -> bool {
        let spec = parse_custom(section);
        let (_, int, frac) = custom_digits(n, &spec);
        int.chars().all(|c| c == '0') && frac.chars().all(|c| c == '0')
    };
    let negative = n.is_negative();
    let (section, negative_shown) = match sections.len() {
        1 => (sections[0].clone(), negative),
        2 => {
            if negative {
                (sections[1].clone(), false)
            } else {
                (sections[0].clone(), false)
            }
        }
        _ => {
            if is_zero_after(&sections[0]) && !negative || n.is_zero() {
                (sections[2].clone(), false)
            } else if negative {
                (sections[1].clone(), false)
            } else {
                (sections[0].clone(), false)
            }
        }
    };
    let spec = parse_custom(&section);
    let (_, int_digits, frac_digits) = custom_digits(n, &spec);
    let mut out = render_custom(&spec, &int_digits, &frac_digits, culture);
    let all_zero = int_digits.chars().all(|c| c == '0') && frac_digits.chars().all(|c| c == '0');
    if negative_shown && !all_zero {
        out.insert(0, '-');
    }
    out
}

fn split_sections(format: &str) -> Vec<String> {
    let mut sections = vec![String::new()];
    let mut chars = format.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if quote.is_none() && c == ';' && sections.len() < 3 {
            sections.push(String::new());
            continue;
        }
        let current = sections.last_mut().expect("one section");
        current.push(c);
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            _ => {}
        }
    }
    sections
}

/// One piece of a custom format section.
#[derive(Clone, Debug)]
enum Piece {
    Digit,
    Point,
    Literal(String),
    Percent,
    PerMille,
    Exponent {
        lower: bool,
        plus: bool,
        digits: usize,
    },
}

#[derive(Clone, Debug)]
struct CustomSpec {
    pieces: Vec<Piece>,
    grouping: bool,
    /// Commas right before the point (or the end): each divides by 1000.
    scale: u32,
    /// Placeholders before and after the point, and the zeros among them.
    int_zeros: usize,
    frac_places: usize,
    frac_zeros: usize,
    exponent: bool,
}

fn parse_custom(section: &str) -> CustomSpec {
    let chars: Vec<char> = section.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    let mut seen_point = false;
    let mut grouping = false;
    let mut scale = 0u32;
    let (mut int_zeros, mut frac_places, mut frac_zeros) = (0, 0, 0);
    let mut exponent = false;
    let mut first_zero: Option<usize> = None;
    let mut int_placeholders = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '0' | '#' => {
                if seen_point {
                    frac_places += 1;
                    if c == '0' {
                        frac_zeros = frac_places;
                    }
                } else {
                    int_placeholders += 1;
                    if c == '0' && first_zero.is_none() {
                        first_zero = Some(int_placeholders);
                    }
                }
                pieces.push(Piece::Digit);
                i += 1;
            }
            '.' if !seen_point => {
                seen_point = true;
                pieces.push(Piece::Point);
                i += 1;
            }
            '.' => i += 1,
            ',' => {
                // Commas right before the point or the end of the digits scale; between digit
                // placeholders they group.
                let mut j = i;
                while j < chars.len() && chars[j] == ',' {
                    j += 1;
                }
                let next_is_digit = chars.get(j).is_some_and(|c| *c == '0' || *c == '#');
                let has_digit_before = pieces.iter().any(|p| matches!(p, Piece::Digit));
                if !seen_point && next_is_digit && has_digit_before {
                    grouping = true;
                } else if !seen_point && has_digit_before {
                    scale += (j - i) as u32;
                }
                i = j;
            }
            '%' => {
                pieces.push(Piece::Percent);
                i += 1;
            }
            '‰' => {
                pieces.push(Piece::PerMille);
                i += 1;
            }
            'E' | 'e'
                if chars.get(i + 1).is_some_and(|n| *n == '0')
                    || (chars.get(i + 1).is_some_and(|n| *n == '+' || *n == '-')
                        && chars.get(i + 2) == Some(&'0')) =>
            {
                let mut j = i + 1;
                let plus = chars[j] == '+';
                if chars[j] == '+' || chars[j] == '-' {
                    j += 1;
                }
                let start = j;
                while j < chars.len() && chars[j] == '0' {
                    j += 1;
                }
                pieces.push(Piece::Exponent {
                    lower: c == 'e',
                    plus,
                    digits: j - start,
                });
                exponent = true;
                i = j;
            }
            '\\' => {
                if let Some(next) = chars.get(i + 1) {
                    pieces.push(Piece::Literal(next.to_string()));
                }
                i += 2;
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|x| *x == c)
                    .map_or(chars.len(), |p| i + 1 + p);
                pieces.push(Piece::Literal(
                    chars[i + 1..end.min(chars.len())].iter().collect(),
                ));
                i = end + 1;
            }
            other => {
                pieces.push(Piece::Literal(other.to_string()));
                i += 1;
            }
        }
    }
    if let Some(z) = first_zero {
        int_zeros = int_placeholders - z + 1;
    }
    CustomSpec {
        pieces,
        grouping,
        scale,
        int_zeros,
        frac_places,
        frac_zeros,
        exponent,
    }
}

/// The digits a custom format shows: the value (scaled by `%`, `‰` and scaling commas) rounded
/// to the section's fraction places, after 15 significant digits for a Double.
fn custom_digits(n: &Number, spec: &CustomSpec) -> (bool, String, String) {
    let mut value: Decimal = match n {
        Number::Double(d) => {
            let text = format!("{:.14e}", d);
            Decimal::from_scientific(&text.replace('e', "E")).unwrap_or_default()
        }
        Number::Single(f) => {
            let text = format!("{:.6e}", f);
            Decimal::from_scientific(&text.replace('e', "E")).unwrap_or_default()
        }
        other => other.to_decimal().unwrap_or_default(),
    };
    for p in &spec.pieces {
        match p {
            Piece::Percent => value *= Decimal::from(100),
            Piece::PerMille => value *= Decimal::from(1000),
            _ => {}
        }
    }
    for _ in 0..spec.scale {
        value /= Decimal::from(1000);
    }
    let negative = value.is_sign_negative() && !value.is_zero();
    if spec.exponent {
        return (negative, value.abs().to_string(), String::new());
    }
    let rounded = value.abs().round_dp_with_strategy(
        spec.frac_places.min(28) as u32,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    let text = rounded.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    (negative, int.to_string(), frac.to_string())
}

fn render_custom(
    spec: &CustomSpec,
    int_digits: &str,
    frac_digits: &str,
    culture: &Culture,
) -> String {
    if spec.exponent {
        return render_exponent(spec, int_digits);
    }
    // Integer part: at least `int_zeros` digits, leading zeros trimmed otherwise.
    let mut int = int_digits.trim_start_matches('0').to_string();
    if int.len() < spec.int_zeros {
        int = format!("{}{int}", "0".repeat(spec.int_zeros - int.len()));
    }
    if spec.grouping {
        int = group(&int);
    }
    // Fraction: up to `frac_places`, at least `frac_zeros`.
    let mut frac: String = frac_digits.chars().take(spec.frac_places).collect();
    while frac.len() > spec.frac_zeros && frac.ends_with('0') {
        frac.pop();
    }
    while frac.len() < spec.frac_zeros {
        frac.push('0');
    }
    let mut out = String::new();
    let mut int_written = false;
    let mut frac_iter = frac.chars();
    let mut after_point = false;
    for piece in &spec.pieces {
        match piece {
            Piece::Digit if !after_point => {
                if !int_written {
                    out.push_str(&int);
                    int_written = true;
                }
            }
            Piece::Digit => {
                if let Some(c) = frac_iter.next() {
                    out.push(c);
                }
            }
            Piece::Point => {
                if !int_written {
                    out.push_str(&int);
                    int_written = true;
                }
                after_point = true;
                if !frac.is_empty() {
                    out.push('.');
                }
            }
            Piece::Literal(text) => out.push_str(text),
            Piece::Percent => out.push('%'),
            Piece::PerMille => out.push('‰'),
            Piece::Exponent { .. } => {}
        }
    }
    let _ = culture;
    if !int_written && !int.is_empty() && spec.pieces.iter().all(|p| !matches!(p, Piece::Digit)) {
        // No placeholder at all: the format is only literals.
        return out;
    }
    out
}

fn render_exponent(spec: &CustomSpec, value_text: &str) -> String {
    let value: Decimal = value_text.parse().unwrap_or_default();
    let int_places = spec
        .pieces
        .iter()
        .take_while(|p| !matches!(p, Piece::Point | Piece::Exponent { .. }))
        .filter(|p| matches!(p, Piece::Digit))
        .count()
        .max(1);
    let (digits, exp) = if value.is_zero() {
        ("0".to_string(), 0)
    } else {
        let n = Number::Decimal(value);
        let (_, d, e) = significant(&n, int_places + spec.frac_places);
        (d, e - (int_places as i32 - 1))
    };
    let (int, frac) = digits.split_at(int_places.min(digits.len()));
    let mut frac = frac.to_string();
    while frac.len() > spec.frac_zeros && frac.ends_with('0') {
        frac.pop();
    }
    let mut out = String::new();
    let mut point_done = false;
    let mut int_done = false;
    for piece in &spec.pieces {
        match piece {
            Piece::Digit if !point_done => {
                if !int_done {
                    out.push_str(int);
                    int_done = true;
                }
            }
            Piece::Digit => {}
            Piece::Point => {
                point_done = true;
                if !frac.is_empty() {
                    out.push('.');
                    out.push_str(&frac);
                }
            }
            Piece::Exponent {
                lower,
                plus,
                digits,
            } => {
                out.push(if *lower { 'e' } else { 'E' });
                if exp < 0 {
                    out.push('-');
                } else if *plus {
                    out.push('+');
                }
                let e = exp.unsigned_abs().to_string();
                if e.len() < *digits {
                    out.push_str(&"0".repeat(digits - e.len()));
                }
                out.push_str(&e);
            }
            Piece::Literal(t) => out.push_str(t),
            Piece::Percent => out.push('%'),
            Piece::PerMille => out.push('‰'),
        }
    }
    out
}

// ----- dates ---------------------------------------------------------------------------------

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date's `ToString(format)` in `culture`: standard formats through the culture's patterns,
/// `o`/`s`/`u`/`r` as .NET fixes them, anything else as a custom pattern.
pub fn format_date(dt: time::OffsetDateTime, format: &str, culture: &Culture) -> String {
    let format = if format.is_empty() { "G" } else { format };
    match format {
        "o" | "O" => {
            return format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:07}{}",
                dt.year(),
                dt.month() as u8,
                dt.day(),
                dt.hour(),
                dt.minute(),
                dt.second(),
                dt.nanosecond() / 100,
                kind_suffix(dt)
            );
        }
        "s" => return custom_date(dt, "yyyy'-'MM'-'dd'T'HH':'mm':'ss", culture),
        "r" | "R" => return custom_date(dt, "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", culture),
        "u" => return custom_date(dt, "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", culture),
        "U" => {
            let utc = dt.to_offset(time::UtcOffset::UTC);
            return custom_date(
                utc,
                &format!("{} {}", culture.long_date, culture.long_time),
                culture,
            );
        }
        _ => {}
    }
    match culture.date_pattern(format) {
        Some(pattern) => custom_date(dt, &pattern, culture),
        None if format.chars().count() == 1 => custom_date(dt, &format!("%{format}"), culture),
        None => custom_date(dt, format, culture),
    }
}

/// A custom date pattern (`yyyy-MM-dd HH:mm:ss`, `dddd`, `tt`, `K`, quoted literals).
pub fn custom_date(dt: time::OffsetDateTime, pattern: &str, _culture: &Culture) -> String {
    let mut out = String::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '%' && i + 1 < chars.len() {
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        let hour12 = match dt.hour() % 12 {
            0 => 12,
            h => h,
        };
        let two = |v: u32, n: usize| {
            if n == 1 {
                v.to_string()
            } else {
                format!("{v:02}")
            }
        };
        let piece = match c {
            'y' => Some(match n {
                1 => (dt.year() % 100).to_string(),
                2 => format!("{:02}", dt.year() % 100),
                _ => format!("{:0width$}", dt.year(), width = n),
            }),
            'M' => Some(match n {
                1 | 2 => two(dt.month() as u32, n),
                3 => MONTHS[(dt.month() as usize) - 1][..3].to_string(),
                _ => MONTHS[(dt.month() as usize) - 1].to_string(),
            }),
            'd' => Some(match n {
                1 | 2 => two(dt.day() as u32, n),
                3 => DAYS[dt.weekday().number_days_from_monday() as usize][..3].to_string(),
                _ => DAYS[dt.weekday().number_days_from_monday() as usize].to_string(),
            }),
            'H' => Some(two(dt.hour() as u32, n.min(2))),
            'h' => Some(two(hour12 as u32, n.min(2))),
            'm' => Some(two(dt.minute() as u32, n.min(2))),
            's' => Some(two(dt.second() as u32, n.min(2))),
            'f' | 'F' => {
                let digits = format!("{:07}", dt.nanosecond() / 100);
                let take = n.min(7);
                let mut text = digits[..take].to_string();
                if c == 'F' {
                    text = text.trim_end_matches('0').to_string();
                }
                Some(text)
            }
            't' => Some(if dt.hour() < 12 { "AM" } else { "PM" }[..n.min(2)].to_string()),
            'g' => Some("A.D.".to_string()),
            'K' => Some(kind_suffix(dt)),
            'z' => Some({
                let (h, m, _) = dt.offset().as_hms();
                let sign = if h < 0 || m < 0 { '-' } else { '+' };
                match n {
                    1 => format!("{sign}{}", h.abs()),
                    2 => format!("{sign}{:02}", h.abs()),
                    _ => format!("{sign}{:02}:{:02}", h.abs(), m.abs()),
                }
            }),
            ':' | '/' => Some(c.to_string().repeat(n)),
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|x| *x == c)
                    .map_or(chars.len(), |p| i + 1 + p);
                out.extend(&chars[i + 1..end.min(chars.len())]);
                i = end + 1;
                continue;
            }
            '\\' => {
                if let Some(next) = chars.get(i + 1) {
                    out.push(*next);
                }
                i += 2;
                continue;
            }
            _ => None,
        };
        match piece {
            Some(p) => {
                out.push_str(&p);
                i += n;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// `K` and the end of `o`: the local offset for a Local date, `Z` for Utc, nothing for
/// Unspecified (DateTimeFormat.FormatCustomizedRoundripTimeZone).
fn kind_suffix(dt: time::OffsetDateTime) -> String {
    match date_kind(dt) {
        DateKind::Local => {
            let (h, m, _) = dt.offset().as_hms();
            format!(
                "{}{:02}:{:02}",
                if h < 0 || m < 0 { '-' } else { '+' },
                h.abs(),
                m.abs()
            )
        }
        DateKind::Utc => "Z".to_string(),
        DateKind::Unspecified => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::culture::{EN_US, INVARIANT};

    fn f(v: Value, format: &str) -> String {
        format_value(&v, format, &INVARIANT).unwrap_or_else(|e| format!("error {}", e.message()))
    }

    /// Each expectation printed by pwsh 7.6.10 under the invariant culture.
    #[test]
    fn numeric_formats_as_pwsh() {
        let x = || Value::double(1234.5678);
        assert_eq!(f(x(), "N2"), "1,234.57");
        assert_eq!(f(x(), "F3"), "1234.568");
        assert_eq!(f(x(), "D5"), "error Format specifier was invalid.");
        assert_eq!(f(x(), "P1"), "123,456.8 %");
        assert_eq!(f(x(), "C"), "¤1,234.57");
        assert_eq!(f(x(), "E3"), "1.235E+003");
        assert_eq!(f(x(), "0.00"), "1234.57");
        assert_eq!(f(x(), "#,##0.0"), "1,234.6");
        assert_eq!(f(x(), "00000"), "01235");
        assert_eq!(f(Value::int(42), "D5"), "00042");
        assert_eq!(f(Value::int(42), "X"), "2A");
        assert_eq!(f(Value::int(42), "G3"), "42");
        assert_eq!(f(Value::int(-1), "X"), "FFFFFFFF");
        assert_eq!(f(Value::long(-1), "x"), "ffffffffffffffff");
        assert_eq!(f(Value::double(2.5), "N0"), "2");
        assert_eq!(f(Value::double(3.5), "N0"), "4");
        assert_eq!(f(Value::double(2.5), "0"), "3");
        assert_eq!(f(Value::double(-2.5), "0"), "-3");
        assert_eq!(f(Value::int(-5), "C"), "(¤5.00)");
        assert_eq!(f(Value::double(-0.5), "P"), "-50.00 %");
        assert_eq!(
            f(Value::double(-1234.5), "#,##0.00;(#,##0.00);zero"),
            "(1,234.50)"
        );
        assert_eq!(f(Value::int(0), "#,##0.00;(#,##0.00);zero"), "zero");
        assert_eq!(f(Value::int(12345), "e"), "1.234500e+004");
        assert_eq!(f(Value::double(0.1), "G"), "0.1");
        assert_eq!(f(Value::double(1e20), "G"), "1E+20");
        assert_eq!(f(Value::int(123456789), "G5"), "1.2346E+08");
        assert_eq!(f(Value::double(-0.000123), "E"), "-1.230000E-004");
        assert_eq!(f(Value::double(2.345), "F2"), "2.35");
        assert_eq!(f(Value::double(2.675), "F2"), "2.67");
        assert_eq!(f(Value::double(0.05), "N1"), "0.1");
        assert_eq!(f(Value::int(0), "#.##"), "");
        assert_eq!(f(Value::double(0.123), "0.0%"), "12.3%");
        assert_eq!(f(Value::int(1234567), "#,#"), "1,234,567");
        assert_eq!(f(Value::long(1234567890), "#,,"), "1235");
        assert_eq!(f(Value::int(12345), "00.00E+0"), "12.35E+3");
        assert_eq!(f(Value::int(255), "X8"), "000000FF");
        assert_eq!(f(Value::int(-5), "D3"), "-005");
        assert_eq!(f(Value::double(1234.565), "N2"), "1,234.57");
        assert_eq!(f(Value::double(1.005), "0.00"), "1.01");
        assert_eq!(f(Value::double(0.1), "F20"), "0.10000000000000000555");
        assert_eq!(f(Value::int(0), "E2"), "0.00E+000");
        assert_eq!(f(Value::str("1234.5"), "N2"), "1234.5");
        assert_eq!(f(Value::Null, "N2"), "");
        assert_eq!(f(Value::Bool(true), "N2"), "True");
        assert_eq!(f(Value::double(1.5), "F70000").len(), 70002);
        assert_eq!(f(Value::int(5), "D70000").len(), 70000);
        assert_eq!(
            f(Value::double(1.5), "F1000000000"),
            "error Format specifier was invalid."
        );
        let dec = |t: &str| Value::Num(Number::Decimal(t.parse().unwrap()));
        assert_eq!(f(dec("2.345"), "F2"), "2.35");
        assert_eq!(f(dec("1234.565"), "N2"), "1,234.57");
    }

    #[test]
    fn composite_formatting_as_pwsh() {
        let c = |fmt: &str, args: &[Value]| {
            composite(fmt, args, &INVARIANT).unwrap_or_else(|e| format!("error {}", e.message()))
        };
        assert_eq!(
            c("{0,-8}|{1,8}|", &[Value::str("ab"), Value::str("cd")]),
            "ab      |      cd|"
        );
        assert_eq!(c("{{0}}", &[Value::int(1)]), "{0}");
        assert_eq!(c("{0,65536}", &[Value::int(1)]).len(), 65536);
        assert_eq!(c("{0,1000000}", &[Value::int(1)]).len(), 1_000_000);
        assert_eq!(
            c("{0,10000000}", &[Value::int(1)]),
            "error Input string was not in a correct format. Failure to parse near offset 10. Format item ends prematurely."
        );
        assert_eq!(
            c("{1}", &[Value::int(1)]),
            "error Index (zero based) must be greater than or equal to zero and less than the size of the argument list."
        );
        assert_eq!(c("{0,5:N1}|", &[Value::double(3.25)]), "  3.2|");
    }

    #[test]
    fn dates_in_both_cultures() {
        let dt = time::macros::datetime!(2024-03-05 14:07:09.1234567 UTC);
        let dt = crate::runtime::value::with_kind(dt, DateKind::Unspecified);
        assert_eq!(format_date(dt, "d", &INVARIANT), "03/05/2024");
        assert_eq!(format_date(dt, "D", &INVARIANT), "Tuesday, 05 March 2024");
        assert_eq!(format_date(dt, "g", &INVARIANT), "03/05/2024 14:07");
        assert_eq!(format_date(dt, "M", &INVARIANT), "March 05");
        assert_eq!(format_date(dt, "Y", &INVARIANT), "2024 March");
        assert_eq!(
            format_date(dt, "o", &INVARIANT),
            "2024-03-05T14:07:09.1234567"
        );
        assert_eq!(format_date(dt, "G", &EN_US), "3/5/2024 2:07:09 PM");
        assert_eq!(format_date(dt, "D", &EN_US), "Tuesday, March 5, 2024");
        assert_eq!(
            format_date(
                dt,
                "dddd ddd MMMM MMM h hh H HH m mm s ss f ff fffffff F FF t tt yy yyyy yyyyy g",
                &INVARIANT
            ),
            "Tuesday Tue March Mar 2 02 14 14 7 07 9 09 1 12 1234567 1 12 P PM 24 2024 02024 A.D."
        );
    }
}

//! .NET's numeric types as PowerShell sees them: `Number` is one value of SByte, Byte, Int16,
//! UInt16, Int32, UInt32, Int64, UInt64, Single, Double, Decimal or BigInteger, and this module
//! owns their arithmetic, comparison, bitwise and shift rules, their conversions into one another
//! and their invariant text.
//!
//! The rules are PowerShell's own (the engine's numeric binder and its Int/UInt/Long/ULong/
//! Decimal/Double operation classes): the wider operand's type decides the operation; anything up
//! to Int32 is done in Int32; an integer result that overflows becomes a Double; an inexact
//! integer division is a Double; a negative signed operand meeting an unsigned one moves the
//! operation to Int64 (UInt32) or Decimal (UInt64); Single is computed as Double; Decimal
//! overflow is an error. Must not know about `Value` (see `value`) or sessions.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;

/// One .NET number.
#[derive(Clone, Debug)]
pub enum Number {
    SByte(i8),
    Byte(u8),
    Int16(i16),
    UInt16(u16),
    Int32(i32),
    UInt32(u32),
    Int64(i64),
    UInt64(u64),
    Single(f32),
    Double(f64),
    Decimal(Decimal),
    BigInt(Rc<BigInt>),
}

/// The numeric types, in the order of .NET's `TypeCode` (which decides the operation type of
/// a binary operator); BigInteger, which has no type code, comes last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NumKind {
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    BigInt,
}

impl NumKind {
    pub const ALL: [NumKind; 12] = [
        NumKind::SByte,
        NumKind::Byte,
        NumKind::Int16,
        NumKind::UInt16,
        NumKind::Int32,
        NumKind::UInt32,
        NumKind::Int64,
        NumKind::UInt64,
        NumKind::Single,
        NumKind::Double,
        NumKind::Decimal,
        NumKind::BigInt,
    ];

    /// `System.Int32`, ...
    pub fn full_name(self) -> &'static str {
        match self {
            NumKind::SByte => "System.SByte",
            NumKind::Byte => "System.Byte",
            NumKind::Int16 => "System.Int16",
            NumKind::UInt16 => "System.UInt16",
            NumKind::Int32 => "System.Int32",
            NumKind::UInt32 => "System.UInt32",
            NumKind::Int64 => "System.Int64",
            NumKind::UInt64 => "System.UInt64",
            NumKind::Single => "System.Single",
            NumKind::Double => "System.Double",
            NumKind::Decimal => "System.Decimal",
            NumKind::BigInt => "System.Numerics.BigInteger",
        }
    }

    /// The type for a full .NET name (`System.Int32`), case-insensitively.
    pub fn from_full_name(name: &str) -> Option<NumKind> {
        NumKind::ALL
            .into_iter()
            .find(|k| k.full_name().eq_ignore_ascii_case(name))
    }

    pub fn is_integer(self) -> bool {
        !matches!(self, NumKind::Single | NumKind::Double | NumKind::Decimal)
    }

    pub fn is_signed_integer(self) -> bool {
        matches!(
            self,
            NumKind::SByte | NumKind::Int16 | NumKind::Int32 | NumKind::Int64 | NumKind::BigInt
        )
    }

    pub fn is_float(self) -> bool {
        matches!(self, NumKind::Single | NumKind::Double)
    }

    /// The `OverflowException` text .NET's `Convert` gives for this type.
    pub fn overflow_message(self) -> &'static str {
        match self {
            NumKind::SByte => "Value was either too large or too small for a signed byte.",
            NumKind::Byte => "Value was either too large or too small for an unsigned byte.",
            NumKind::Int16 => "Value was either too large or too small for an Int16.",
            NumKind::UInt16 => "Value was either too large or too small for a UInt16.",
            NumKind::Int32 => "Value was either too large or too small for an Int32.",
            NumKind::UInt32 => "Value was either too large or too small for a UInt32.",
            NumKind::Int64 => "Value was either too large or too small for an Int64.",
            NumKind::UInt64 => "Value was either too large or too small for a UInt64.",
            NumKind::Decimal => "Value was either too large or too small for a Decimal.",
            NumKind::Single | NumKind::Double | NumKind::BigInt => {
                "Arithmetic operation resulted in an overflow."
            }
        }
    }

    /// The inclusive range of an integer type (BigInteger has none).
    pub fn integer_range(self) -> Option<(i128, i128)> {
        Some(match self {
            NumKind::SByte => (i8::MIN as i128, i8::MAX as i128),
            NumKind::Byte => (0, u8::MAX as i128),
            NumKind::Int16 => (i16::MIN as i128, i16::MAX as i128),
            NumKind::UInt16 => (0, u16::MAX as i128),
            NumKind::Int32 => (i32::MIN as i128, i32::MAX as i128),
            NumKind::UInt32 => (0, u32::MAX as i128),
            NumKind::Int64 => (i64::MIN as i128, i64::MAX as i128),
            NumKind::UInt64 => (0, u64::MAX as i128),
            _ => return None,
        })
    }
}

/// Why an operation or conversion failed, with .NET's exception and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `System.DivideByZeroException`: "Attempted to divide by zero."
    DivideByZero,
    /// `System.OverflowException` with its message.
    Overflow(&'static str),
}

impl NumError {
    pub fn exception_type(&self) -> &'static str {
        match self {
            NumError::DivideByZero => "System.DivideByZeroException",
            NumError::Overflow(_) => "System.OverflowException",
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            NumError::DivideByZero => "Attempted to divide by zero.",
            NumError::Overflow(m) => m,
        }
    }
}

/// The arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

/// `-band`, `-bor`, `-bxor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitOp {
    And,
    Or,
    Xor,
}

impl Number {
    pub fn kind(&self) -> NumKind {
        match self {
            Number::SByte(_) => NumKind::SByte,
            Number::Byte(_) => NumKind::Byte,
            Number::Int16(_) => NumKind::Int16,
            Number::UInt16(_) => NumKind::UInt16,
            Number::Int32(_) => NumKind::Int32,
            Number::UInt32(_) => NumKind::UInt32,
            Number::Int64(_) => NumKind::Int64,
            Number::UInt64(_) => NumKind::UInt64,
            Number::Single(_) => NumKind::Single,
            Number::Double(_) => NumKind::Double,
            Number::Decimal(_) => NumKind::Decimal,
            Number::BigInt(_) => NumKind::BigInt,
        }
    }

    pub fn type_name(&self) -> &'static str {
        self.kind().full_name()
    }

    pub fn big(b: BigInt) -> Number {
        Number::BigInt(Rc::new(b))
    }

    /// The value of an integer type (not BigInteger) as an `i128`, which holds them all.
    pub fn as_i128(&self) -> Option<i128> {
        Some(match self {
            Number::SByte(v) => *v as i128,
            Number::Byte(v) => *v as i128,
            Number::Int16(v) => *v as i128,
            Number::UInt16(v) => *v as i128,
            Number::Int32(v) => *v as i128,
            Number::UInt32(v) => *v as i128,
            Number::Int64(v) => *v as i128,
            Number::UInt64(v) => *v as i128,
            Number::BigInt(b) => b.to_i128()?,
            _ => return None,
        })
    }

    /// The nearest Double (exact for every integer type up to 2^53).
    pub fn to_f64(&self) -> f64 {
        match self {
            Number::Single(v) => *v as f64,
            Number::Double(v) => *v,
            Number::Decimal(d) => d.to_f64().unwrap_or(0.0),
            Number::BigInt(b) => b.to_f64().unwrap_or(f64::NAN),
            other => other.as_i128().unwrap_or(0) as f64,
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Number::Single(v) => *v == 0.0,
            Number::Double(v) => *v == 0.0,
            Number::Decimal(d) => d.is_zero(),
            Number::BigInt(b) => b.is_zero(),
            other => other.as_i128() == Some(0),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Number::Single(v) => *v < 0.0,
            Number::Double(v) => *v < 0.0,
            Number::Decimal(d) => d.is_sign_negative() && !d.is_zero(),
            Number::BigInt(b) => b.is_negative(),
            other => other.as_i128().is_some_and(|v| v < 0),
        }
    }

    /// An integer result of an integer type, narrowed to `kind` (which must hold it).
    fn from_i128(kind: NumKind, v: i128) -> Number {
        match kind {
            NumKind::SByte => Number::SByte(v as i8),
            NumKind::Byte => Number::Byte(v as u8),
            NumKind::Int16 => Number::Int16(v as i16),
            NumKind::UInt16 => Number::UInt16(v as u16),
            NumKind::Int32 => Number::Int32(v as i32),
            NumKind::UInt32 => Number::UInt32(v as u32),
            NumKind::Int64 => Number::Int64(v as i64),
            NumKind::UInt64 => Number::UInt64(v as u64),
            NumKind::BigInt => Number::big(BigInt::from(v)),
            NumKind::Single => Number::Single(v as f32),
            NumKind::Double => Number::Double(v as f64),
            NumKind::Decimal => Number::Decimal(Decimal::from_i128(v).unwrap_or_default()),
        }
    }

    /// The value as a Decimal, exactly (None for a float or BigInteger out of Decimal's range,
    /// NaN or an infinity).
    pub fn to_decimal(&self) -> Option<Decimal> {
        match self {
            Number::Decimal(d) => Some(*d),
            Number::Single(v) => Decimal::from_f32(*v),
            Number::Double(v) => Decimal::from_f64(*v),
            Number::BigInt(b) => b.to_i128().and_then(Decimal::from_i128),
            other => Decimal::from_i128(other.as_i128()?),
        }
    }

    /// The value as a BigInteger: floats and decimals truncate toward zero (BigInteger's
    /// explicit conversions); None for NaN and the infinities.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Number::BigInt(b) => Some((**b).clone()),
            Number::Single(v) => BigInt::from_f32(v.trunc()),
            Number::Double(v) => BigInt::from_f64(v.trunc()),
            Number::Decimal(d) => BigInt::from_i128(d.trunc().to_i128()?),
            other => Some(BigInt::from(other.as_i128()?)),
        }
    }

    /// `ToString()` as PowerShell converts a number to text (culture-invariant): Double with
    /// 15 significant digits and Single with 7, as PowerShell formats them; Decimal keeps its
    /// scale (`1.50`).
    pub fn to_ps_string(&self) -> String {
        match self {
            Number::Single(v) => format_general(*v as f64, 7),
            Number::Double(v) => format_general(*v, 15),
            Number::Decimal(d) => d.to_string(),
            Number::BigInt(b) => b.to_string(),
            other => other.as_i128().unwrap_or(0).to_string(),
        }
    }

    // ----- conversions ------------------------------------------------------------------------

    /// .NET's `Convert.ChangeType` into `kind` (what a cast does to a number): floats and
    /// decimals round half to even into integers; a value out of range is an overflow.
    pub fn convert(&self, kind: NumKind) -> Result<Number, NumError> {
        if self.kind() == kind {
            return Ok(self.clone());
        }
        let overflow = NumError::Overflow(kind.overflow_message());
        match kind {
            NumKind::Single => Ok(Number::Single(match self {
                Number::Double(v) => *v as f32,
                other => other.to_f64() as f32,
            })),
            NumKind::Double => Ok(Number::Double(self.to_f64())),
            NumKind::Decimal => self.to_decimal_checked().map(Number::Decimal),
            NumKind::BigInt => match self {
                // BigInteger's explicit conversions refuse NaN and the infinities.
                Number::Single(_) | Number::Double(_) if !self.to_f64().is_finite() => Err(
                    NumError::Overflow("Value was either too large or too small for a BigInteger."),
                ),
                other => other.to_bigint().map(Number::big).ok_or(overflow),
            },
            _ => {
                let (lo, hi) = kind.integer_range().ok_or(overflow.clone())?;
                let v: i128 = match self {
                    Number::Single(f) => round_float_to_i128(*f as f64, kind)?,
                    Number::Double(f) => round_float_to_i128(*f, kind)?,
                    Number::Decimal(d) => d
                        .round_dp_with_strategy(
                            0,
                            rust_decimal::RoundingStrategy::MidpointNearestEven,
                        )
                        .to_i128()
                        .ok_or(overflow.clone())?,
                    Number::BigInt(b) => b.to_i128().ok_or(overflow.clone())?,
                    other => other.as_i128().unwrap_or(0),
                };
                if v < lo || v > hi {
                    return Err(overflow);
                }
                Ok(Number::from_i128(kind, v))
            }
        }
    }

    /// To Decimal as .NET converts: floats are rounded to 15 (Double) or 7 (Single) significant
    /// digits first, and a value beyond Decimal's range is an overflow.
    fn to_decimal_checked(&self) -> Result<Decimal, NumError> {
        let overflow = NumError::Overflow(NumKind::Decimal.overflow_message());
        match self {
            Number::Single(v) => float_to_decimal(*v as f64, 7).ok_or(overflow),
            Number::Double(v) => float_to_decimal(*v, 15).ok_or(overflow),
            other => other.to_decimal().ok_or(overflow),
        }
    }

    /// The narrowest of Int32, Int64, Decimal and Double that holds an integer, as PowerShell
    /// types an unsuffixed literal.
    pub fn from_integer_literal(v: &BigInt) -> Number {
        if let Some(i) = v.to_i32() {
            Number::Int32(i)
        } else if let Some(i) = v.to_i64() {
            Number::Int64(i)
        } else if let Some(d) = v.to_i128().and_then(Decimal::from_i128) {
            Number::Decimal(d)
        } else {
            Number::Double(v.to_f64().unwrap_or(f64::INFINITY))
        }
    }
}

/// Rounds a float half to even into an integer type's range (Convert.ToInt32(double) and
/// friends); NaN, infinities and values out of range overflow.
fn round_float_to_i128(f: f64, kind: NumKind) -> Result<i128, NumError> {
    // Convert.ToInt64/ToUInt64(double) overflow in a checked cast, with the generic message.
    let overflow = NumError::Overflow(match kind {
        NumKind::Int64 | NumKind::UInt64 => "Arithmetic operation resulted in an overflow.",
        _ => kind.overflow_message(),
    });
    if !f.is_finite() {
        return Err(overflow);
    }
    let r = round_half_even(f);
    let (lo, hi) = kind.integer_range().unwrap_or((i128::MIN, i128::MAX));
    if r.abs() >= 1.8e38 || (r as i128) < lo || (r as i128) > hi {
        return Err(overflow);
    }
    Ok(r as i128)
}

/// Banker's rounding, as .NET's `Math.Round` and its integer conversions do.
pub fn round_half_even(d: f64) -> f64 {
    let r = d.round();
    if (d - d.trunc()).abs() == 0.5 {
        2.0 * (d / 2.0).round()
    } else {
        r
    }
}

/// A float as .NET's `(decimal)` conversion gives it: rounded to `digits` significant digits.
fn float_to_decimal(f: f64, digits: usize) -> Option<Decimal> {
    if !f.is_finite() || f.abs() >= 7.922_816_251_426_434e28 {
        return None;
    }
    if f == 0.0 {
        return Some(Decimal::ZERO);
    }
    let text = format!("{:.*e}", digits - 1, f);
    let (mantissa, exp) = text.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    let digits_only: String = mantissa.chars().filter(|c| *c != '.').collect();
    let negative = digits_only.starts_with('-');
    let digits_only = digits_only.trim_start_matches('-');
    let mantissa = digits_only.parse::<i128>().ok()?;
    let scale = digits as i32 - 1 - exp;
    let value = if scale >= 0 {
        if scale > 28 {
            // Too small for Decimal's 28 places: round away the extra digits.
            let d = Decimal::from_i128_with_scale(mantissa, 28.min(scale as u32));
            let shift = scale - 28;
            let mut d = d;
            for _ in 0..shift {
                d /= Decimal::TEN;
            }
            d.round_dp(28)
        } else {
            Decimal::from_i128_with_scale(mantissa, scale as u32)
        }
    } else {
        let mut d = Decimal::from_i128(mantissa)?;
        for _ in 0..(-scale) {
            d = d.checked_mul(Decimal::TEN)?;
        }
        d
    };
    let value = value.normalize();
    Some(if negative { -value } else { value })
}

/// .NET's general ("G") format with `precision` significant digits, as PowerShell prints
/// Doubles (15) and Singles (7): fixed notation unless the exponent is -5 or below, or at least
/// the precision, then `d.dddE+XX`.
pub fn format_general(d: f64, precision: usize) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if d == 0.0 {
        return if d.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let sci = format!("{:.*e}", precision - 1, d);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    if exp <= -5 || exp >= precision as i32 {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{rest}E{exp_sign}{:02}", exp.abs());
    }
    let point = exp + 1; // digits before the decimal point
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

impl From<&crate::syntax::ast::Number> for Number {
    /// A literal's value (the tokenizer has already typed it).
    fn from(n: &crate::syntax::ast::Number) -> Number {
        use crate::syntax::ast::Number as Lit;
        match n {
            Lit::SByte(v) => Number::SByte(*v),
            Lit::Byte(v) => Number::Byte(*v),
            Lit::Int16(v) => Number::Int16(*v),
            Lit::UInt16(v) => Number::UInt16(*v),
            Lit::Int32(v) => Number::Int32(*v),
            Lit::UInt32(v) => Number::UInt32(*v),
            Lit::Int64(v) => Number::Int64(*v),
            Lit::UInt64(v) => Number::UInt64(*v),
            Lit::Double(v) => Number::Double(*v),
            Lit::Decimal(v) => Number::Decimal(*v),
            Lit::BigInt(v) => Number::big(v.clone()),
        }
    }
}

// ----- arithmetic ---------------------------------------------------------------------------

/// Which implementation a binary operator runs in (the engine's *Ops classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OpType {
    Int,
    UInt,
    Long,
    ULong,
    /// Decimal, falling back to Double when the Decimal operation overflows (a negative signed
    /// operand with a UInt64).
    DecimalOrDouble,
    Decimal,
    Double,
    BigInt,
}

fn op_type(l: &Number, r: &Number) -> OpType {
    let (lk, rk) = (l.kind(), r.kind());
    if lk == NumKind::BigInt || rk == NumKind::BigInt {
        return OpType::BigInt;
    }
    let widest = lk.max(rk);
    let negative_signed = |n: &Number| n.kind().is_signed_integer() && n.is_negative();
    match widest {
        k if k <= NumKind::Int32 => OpType::Int,
        NumKind::UInt32 => {
            if negative_signed(l) || negative_signed(r) {
                OpType::Long
            } else {
                OpType::UInt
            }
        }
        NumKind::Int64 => OpType::Long,
        NumKind::UInt64 => {
            if negative_signed(l) || negative_signed(r) {
                OpType::DecimalOrDouble
            } else {
                OpType::ULong
            }
        }
        NumKind::Decimal => OpType::Decimal,
        _ => OpType::Double,
    }
}

/// An integer operation's exact result in its type, or a Double when it does not fit (the
/// Int/UInt/Long/ULong rules).
fn fit_or_double(kind: NumKind, v: i128) -> Number {
    match kind.integer_range() {
        Some((lo, hi)) if v >= lo && v <= hi => Number::from_i128(kind, v),
        _ => Number::Double(v as f64),
    }
}

fn integer_op(kind: NumKind, op: ArithOp, a: i128, b: i128) -> Result<Number, NumError> {
    Ok(match op {
        ArithOp::Add => fit_or_double(kind, a + b),
        ArithOp::Sub => fit_or_double(kind, a - b),
        ArithOp::Mul => match a.checked_mul(b) {
            // Long and ULong multiply through a BigInteger, whose conversion to Double
            // truncates toward zero (`[long]::MaxValue * 2` is 1.84467440737095E+19).
            Some(p) if kind >= NumKind::Int64 => match kind.integer_range() {
                Some((lo, hi)) if p >= lo && p <= hi => Number::from_i128(kind, p),
                _ => Number::Double(truncating_f64(p)),
            },
            Some(p) => fit_or_double(kind, p),
            None => Number::Double(a as f64 * b as f64),
        },
        ArithOp::Div => {
            if b == 0 {
                return Err(NumError::DivideByZero);
            }
            if a % b == 0 {
                fit_or_double(kind, a / b)
            } else {
                Number::Double(a as f64 / b as f64)
            }
        }
        ArithOp::Rem => {
            if b == 0 {
                return Err(NumError::DivideByZero);
            }
            // MinValue % -1 overflows in the CLR; PowerShell answers 0.
            Number::from_i128(kind, a % b)
        }
    })
}

/// The Double nearest to `v` on the side of zero (BigInteger's explicit conversion).
fn truncating_f64(v: i128) -> f64 {
    let f = v as f64;
    let back = f as i128;
    if back.unsigned_abs() > v.unsigned_abs() {
        // Rounded away from zero: step one Double toward zero.
        let bits = f.to_bits();
        f64::from_bits(bits - 1)
    } else {
        f
    }
}

fn decimal_op(op: ArithOp, a: Decimal, b: Decimal) -> Result<Number, NumError> {
    let overflow = NumError::Overflow(NumKind::Decimal.overflow_message());
    let r = match op {
        ArithOp::Add => a.checked_add(b),
        ArithOp::Sub => a.checked_sub(b),
        ArithOp::Mul => a.checked_mul(b),
        ArithOp::Div => {
            if b.is_zero() {
                return Err(NumError::DivideByZero);
            }
            a.checked_div(b)
        }
        ArithOp::Rem => {
            if b.is_zero() {
                return Err(NumError::DivideByZero);
            }
            a.checked_rem(b)
        }
    };
    r.map(Number::Decimal).ok_or(overflow)
}

fn double_op(op: ArithOp, a: f64, b: f64) -> Number {
    Number::Double(match op {
        ArithOp::Add => a + b,
        ArithOp::Sub => a - b,
        ArithOp::Mul => a * b,
        ArithOp::Div => a / b,
        ArithOp::Rem => a % b,
    })
}

fn bigint_op(op: ArithOp, a: BigInt, b: BigInt) -> Result<Number, NumError> {
    Ok(Number::big(match op {
        ArithOp::Add => a + b,
        ArithOp::Sub => a - b,
        ArithOp::Mul => a * b,
        ArithOp::Div => {
            if b.is_zero() {
                return Err(NumError::DivideByZero);
            }
            a / b
        }
        ArithOp::Rem => {
            if b.is_zero() {
                return Err(NumError::DivideByZero);
            }
            a % b
        }
    }))
}

/// `l op r` for two numbers, with PowerShell's operation type and overflow rules.
pub fn arithmetic(op: ArithOp, l: &Number, r: &Number) -> Result<Number, NumError> {
    let ints = || (l.as_i128().unwrap_or(0), r.as_i128().unwrap_or(0));
    match op_type(l, r) {
        OpType::Int => {
            let (a, b) = ints();
            integer_op(NumKind::Int32, op, a, b)
        }
        OpType::UInt => {
            let (a, b) = ints();
            integer_op(NumKind::UInt32, op, a, b)
        }
        OpType::Long => {
            let (a, b) = ints();
            integer_op(NumKind::Int64, op, a, b)
        }
        OpType::ULong => {
            let (a, b) = ints();
            integer_op(NumKind::UInt64, op, a, b)
        }
        OpType::DecimalOrDouble => {
            let (a, b) = ints();
            let (Some(x), Some(y)) = (Decimal::from_i128(a), Decimal::from_i128(b)) else {
                return Ok(double_op(op, a as f64, b as f64));
            };
            match decimal_op(op, x, y) {
                Err(NumError::Overflow(_)) => Ok(double_op(op, a as f64, b as f64)),
                other => other,
            }
        }
        OpType::Decimal => {
            let x = l.to_decimal_checked()?;
            let y = r.to_decimal_checked()?;
            decimal_op(op, x, y)
        }
        OpType::Double => Ok(double_op(op, l.to_f64(), r.to_f64())),
        OpType::BigInt => {
            let overflow =
                NumError::Overflow("Value was either too large or too small for a BigInteger.");
            let a = l.to_bigint().ok_or(overflow.clone())?;
            let b = r.to_bigint().ok_or(overflow)?;
            bigint_op(op, a, b)
        }
    }
}

/// Compares two numbers as `-eq`/`-lt` do (in the operation type; a Decimal meets a float
/// through Decimal when the float converts, else through Double). `None` when NaN is involved.
pub fn compare(l: &Number, r: &Number) -> Option<Ordering> {
    let (lk, rk) = (l.kind(), r.kind());
    if lk == NumKind::BigInt || rk == NumKind::BigInt {
        if lk.is_float() || rk.is_float() {
            let (a, b) = (l.to_f64(), r.to_f64());
            return a.partial_cmp(&b);
        }
        return Some(l.to_bigint()?.cmp(&r.to_bigint()?));
    }
    if lk.max(rk) == NumKind::Decimal {
        if let (Some(a), Some(b)) = (l.to_decimal(), r.to_decimal()) {
            return Some(a.cmp(&b));
        }
        return l.to_f64().partial_cmp(&r.to_f64());
    }
    if lk.is_float() || rk.is_float() {
        return l.to_f64().partial_cmp(&r.to_f64());
    }
    Some(l.as_i128()?.cmp(&r.as_i128()?))
}

/// Numeric equality (`-eq`): NaN equals nothing.
pub fn equal(l: &Number, r: &Number) -> bool {
    compare(l, r) == Some(Ordering::Equal)
}

// ----- bitwise operators and shifts --------------------------------------------------------

/// The type `-band`, `-bor`, `-bxor` and `-bnot` work in for an integer type.
fn bitwise_kind(kind: NumKind) -> NumKind {
    match kind {
        k if k <= NumKind::Int32 => NumKind::Int32,
        NumKind::UInt32 => NumKind::UInt32,
        NumKind::Int64 => NumKind::Int64,
        _ => NumKind::UInt64,
    }
}

/// An integer reinterpreted (two's complement, truncating) in an integer type, as C#'s
/// unchecked casts do.
fn wrap_to(kind: NumKind, v: i128) -> Number {
    Number::from_i128(kind, v)
}

/// A float or decimal as the engine's `ConvertToUlong`: a negative value through Int64, then
/// reinterpreted.
fn to_u64_bits(n: &Number) -> Result<u64, NumError> {
    if n.is_negative() {
        match n.convert(NumKind::Int64)? {
            Number::Int64(v) => Ok(v as u64),
            _ => Ok(0),
        }
    } else {
        match n.convert(NumKind::UInt64)? {
            Number::UInt64(v) => Ok(v),
            _ => Ok(0),
        }
    }
}

/// `l -band r` and friends.
pub fn bitwise(op: BitOp, l: &Number, r: &Number) -> Result<Number, NumError> {
    let (lk, rk) = (l.kind(), r.kind());
    let apply = |a: i128, b: i128| match op {
        BitOp::And => a & b,
        BitOp::Or => a | b,
        BitOp::Xor => a ^ b,
    };
    if lk == NumKind::BigInt || rk == NumKind::BigInt {
        let overflow =
            NumError::Overflow("Value was either too large or too small for a BigInteger.");
        let a = l.to_bigint().ok_or(overflow.clone())?;
        let b = r.to_bigint().ok_or(overflow)?;
        return Ok(Number::big(match op {
            BitOp::And => a & b,
            BitOp::Or => a | b,
            BitOp::Xor => a ^ b,
        }));
    }
    let widest = lk.max(rk);
    if !widest.is_integer() {
        // DoubleOps / DecimalOps: through UInt64 bits; signed result when either is negative.
        let a = to_u64_bits(l)?;
        let b = to_u64_bits(r)?;
        let bits = apply(a as i128, b as i128) as u64;
        return Ok(if l.is_negative() || r.is_negative() {
            Number::Int64(bits as i64)
        } else {
            Number::UInt64(bits)
        });
    }
    let kind = bitwise_kind(widest);
    let a = l.as_i128().unwrap_or(0);
    let b = r.as_i128().unwrap_or(0);
    // Each operand is cast (unchecked) to the operation type first.
    let a = wrap_to(kind, a).as_i128().unwrap_or(0);
    let b = wrap_to(kind, b).as_i128().unwrap_or(0);
    Ok(wrap_to(kind, apply(a, b)))
}

/// `-bnot n`.
pub fn bnot(n: &Number) -> Result<Number, NumError> {
    match n {
        Number::BigInt(b) => Ok(Number::big(!(**b).clone())),
        Number::Single(_) | Number::Double(_) | Number::Decimal(_) => {
            let kind = narrowest_holding(n)
                .ok_or(NumError::Overflow(NumKind::UInt64.overflow_message()))?;
            let v = n.convert(kind)?.as_i128().unwrap_or(0);
            Ok(wrap_to(kind, !v))
        }
        other => {
            let kind = bitwise_kind(other.kind());
            let v = wrap_to(kind, other.as_i128().unwrap_or(0))
                .as_i128()
                .unwrap_or(0);
            Ok(wrap_to(kind, !v))
        }
    }
}

/// Int32, UInt32, Int64 or UInt64: the first whose range holds a float or decimal (the
/// engine's BNot and shifts on non-integers).
fn narrowest_holding(n: &Number) -> Option<NumKind> {
    let in_range = |lo: f64, hi: f64| {
        let v = n.to_f64();
        v >= lo && v <= hi
    };
    [
        (NumKind::Int32, i32::MIN as f64, i32::MAX as f64),
        (NumKind::UInt32, 0.0, u32::MAX as f64),
        (NumKind::Int64, i64::MIN as f64, i64::MAX as f64),
        (NumKind::UInt64, 0.0, u64::MAX as f64),
    ]
    .into_iter()
    .find(|(_, lo, hi)| in_range(*lo, *hi))
    .map(|(k, _, _)| k)
}

/// `n -shl count` (`left`) or `n -shr count`: in the number's own type, the count masked to
/// 5 bits (6 for 64-bit types); floats and decimals first narrow to the smallest of
/// Int32/UInt32/Int64/UInt64 that holds them.
pub fn shift(n: &Number, count: i32, left: bool) -> Result<Number, NumError> {
    if let Number::BigInt(b) = n {
        let b = (**b).clone();
        let c = count.unsigned_abs() as usize;
        let shifted = if (count >= 0) == left { b << c } else { b >> c };
        return Ok(Number::big(shifted));
    }
    let (kind, value) = if n.kind().is_integer() {
        (n.kind(), n.as_i128().unwrap_or(0))
    } else {
        let kind =
            narrowest_holding(n).ok_or(NumError::Overflow(NumKind::UInt64.overflow_message()))?;
        (kind, n.convert(kind)?.as_i128().unwrap_or(0))
    };
    let mask = if kind >= NumKind::Int64 { 0x3f } else { 0x1f };
    let c = (count & mask) as u32;
    let bits = if kind >= NumKind::Int64 { 64 } else { 32 };
    let shifted = if left {
        // Shift in the (at least 32-bit) working width, then truncate to the type.
        let wide = (value << c) & ((1i128 << bits) - 1);
        if kind.is_signed_integer() && wide & (1i128 << (bits - 1)) != 0 {
            wide - (1i128 << bits)
        } else {
            wide
        }
    } else {
        value >> c
    };
    Ok(wrap_to(kind, shifted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: i32) -> Number {
        Number::Int32(v)
    }

    fn show(r: Result<Number, NumError>) -> String {
        match r {
            Ok(n) => format!("{} {}", n.kind().full_name(), n.to_ps_string()),
            Err(e) => format!("error {}", e.message()),
        }
    }

    #[test]
    fn int32_overflow_becomes_double() {
        assert_eq!(
            show(arithmetic(ArithOp::Add, &i(i32::MAX), &i(1))),
            "System.Double 2147483648"
        );
        assert_eq!(
            show(arithmetic(
                ArithOp::Add,
                &Number::Int64(i64::MAX),
                &Number::Int32(1)
            )),
            "System.Double 9.22337203685478E+18"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Mul, &i(i32::MAX), &i(2))),
            "System.Double 4294967294"
        );
        // pwsh 7.6.10: a product truncates, a sum rounds.
        let max = Number::Int64(i64::MAX);
        assert_eq!(
            show(arithmetic(ArithOp::Mul, &max, &i(2))),
            "System.Double 1.84467440737095E+19"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Add, &max, &max)),
            "System.Double 1.84467440737096E+19"
        );
    }

    #[test]
    fn small_types_widen_to_int32() {
        assert_eq!(
            show(arithmetic(
                ArithOp::Add,
                &Number::Byte(255),
                &Number::Byte(1)
            )),
            "System.Int32 256"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Add, &Number::Int16(1), &i(1))),
            "System.Int32 2"
        );
    }

    #[test]
    fn unsigned_meets_signed() {
        assert_eq!(
            show(arithmetic(ArithOp::Add, &Number::UInt32(1), &i(1))),
            "System.UInt32 2"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Add, &Number::UInt64(1), &i(1))),
            "System.UInt64 2"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Add, &Number::UInt64(1), &i(-1))),
            "System.Decimal 0"
        );
    }

    #[test]
    fn division() {
        assert_eq!(
            show(arithmetic(ArithOp::Div, &i(4), &i(2))),
            "System.Int32 2"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Div, &i(5), &i(2))),
            "System.Double 2.5"
        );
        assert_eq!(
            show(arithmetic(
                ArithOp::Div,
                &Number::Int64(i64::MIN),
                &Number::Int32(-1)
            )),
            "System.Double 9.22337203685478E+18"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Div, &i(i32::MIN), &i(-1))),
            "System.Double 2147483648"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Div, &i(1), &i(0))),
            "error Attempted to divide by zero."
        );
        assert_eq!(
            show(arithmetic(ArithOp::Rem, &i(7), &i(-3))),
            "System.Int32 1"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Rem, &i(-7), &i(3))),
            "System.Int32 -1"
        );
        assert_eq!(
            show(arithmetic(
                ArithOp::Div,
                &Number::Decimal(Decimal::ONE),
                &i(3)
            )),
            "System.Decimal 0.3333333333333333333333333333"
        );
    }

    #[test]
    fn floats_and_decimals() {
        assert_eq!(
            show(arithmetic(ArithOp::Add, &Number::Single(1.5), &i(1))),
            "System.Double 2.5"
        );
        assert_eq!(Number::Single(1.0 / 3.0).to_ps_string(), "0.3333333");
        assert_eq!(Number::Single(1e20).to_ps_string(), "1E+20");
        assert_eq!(Number::Single(123456789.0).to_ps_string(), "1.234568E+08");
        assert_eq!(
            show(arithmetic(
                ArithOp::Add,
                &Number::Single(0.1),
                &Number::Single(0.2)
            )),
            "System.Double 0.300000004470348"
        );
        assert_eq!(
            show(arithmetic(
                ArithOp::Add,
                &Number::Decimal(Decimal::MAX),
                &i(1)
            )),
            "error Value was either too large or too small for a Decimal."
        );
        assert_eq!(
            show(Number::Double(1.1).convert(NumKind::Decimal)),
            "System.Decimal 1.1"
        );
        assert_eq!(
            show(arithmetic(
                ArithOp::Add,
                &Number::Decimal(Decimal::new(11, 1)),
                &i(1)
            )),
            "System.Decimal 2.1"
        );
    }

    #[test]
    fn conversions() {
        assert_eq!(
            show(Number::Double(2.5).convert(NumKind::Int32)),
            "System.Int32 2"
        );
        assert_eq!(
            show(Number::Double(3.5).convert(NumKind::Int32)),
            "System.Int32 4"
        );
        assert_eq!(
            show(Number::Int32(300).convert(NumKind::Byte)),
            "error Value was either too large or too small for an unsigned byte."
        );
        assert_eq!(
            show(Number::Double(1e10).convert(NumKind::Int32)),
            "error Value was either too large or too small for an Int32."
        );
        assert_eq!(
            show(Number::Double(1e19).convert(NumKind::Int64)),
            "error Arithmetic operation resulted in an overflow."
        );
        assert_eq!(
            show(Number::Decimal(Decimal::from(-1)).convert(NumKind::UInt64)),
            "error Value was either too large or too small for a UInt64."
        );
        assert_eq!(
            show(Number::Double(1e30).convert(NumKind::Decimal)),
            "error Value was either too large or too small for a Decimal."
        );
    }

    #[test]
    fn bitwise_and_shifts() {
        assert_eq!(show(bnot(&i(5))), "System.Int32 -6");
        assert_eq!(show(bnot(&Number::Byte(5))), "System.Int32 -6");
        assert_eq!(
            show(bnot(&Number::UInt64(5))),
            "System.UInt64 18446744073709551610"
        );
        assert_eq!(show(bitwise(BitOp::Xor, &i(5), &i(3))), "System.Int32 6");
        assert_eq!(
            show(bitwise(BitOp::And, &Number::Double(2.7), &i(1))),
            "System.UInt64 1"
        );
        assert_eq!(show(shift(&i(1), 33, true)), "System.Int32 2");
        assert_eq!(
            show(shift(&Number::Int64(1), 33, true)),
            "System.Int64 8589934592"
        );
        assert_eq!(show(shift(&Number::Byte(1), 9, true)), "System.Byte 0");
        assert_eq!(
            show(shift(&Number::Double(5.0), 1, true)),
            "System.Int32 10"
        );
        assert_eq!(show(shift(&i(-8), 1, false)), "System.Int32 -4");
    }

    #[test]
    fn bigints() {
        let two = Number::big(BigInt::from(2));
        assert_eq!(
            show(arithmetic(ArithOp::Mul, &two, &Number::Int64(i64::MAX))),
            "System.Numerics.BigInteger 18446744073709551614"
        );
        assert_eq!(
            show(arithmetic(ArithOp::Add, &two, &Number::Double(1.5))),
            "System.Numerics.BigInteger 3"
        );
    }

    #[test]
    fn literal_types() {
        let lit = |s: &str| Number::from_integer_literal(&s.parse::<BigInt>().unwrap());
        assert_eq!(lit("2147483647").kind(), NumKind::Int32);
        assert_eq!(lit("2147483648").kind(), NumKind::Int64);
        assert_eq!(lit("9223372036854775808").kind(), NumKind::Decimal);
        assert_eq!(lit("1".repeat(40).as_str()).kind(), NumKind::Double);
    }
}

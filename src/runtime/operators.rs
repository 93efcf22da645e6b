//! PowerShell's operators: arithmetic with its type rules (string + x concatenates, array + x
//! appends, int division yields a double when inexact), comparisons that filter when the left
//! side is a collection, -like wildcards, -match with `$Matches`, -replace, -split, -join, -f,
//! ranges, -is/-as. Case-insensitive unless the `c` variant is used.

use std::cmp::Ordering;

use super::conversion;
use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::flow::Flow;
use super::number::{self, ArithOp, BitOp, NumError, NumKind, Number};
use super::session::Session;
use super::timespan::{NAN as TIMESPAN_NAN, OVERFLOW as TIMESPAN_OVERFLOW, TimeSpan};
use super::value::{Hashtable, Value, ticks_of};
use crate::syntax::Span;
use crate::syntax::ast::{BinaryOp, CaseMode, CompareOp, UnaryOp};

pub fn binary(
    s: &mut Session,
    op: BinaryOp,
    l: Value,
    r: Value,
    span: Span,
) -> Result<Value, Flow> {
    match op {
        BinaryOp::Add => add(s, l, r, span),
        BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::Divide | BinaryOp::Remainder => {
            arithmetic(s, op, l, r, span)
        }
        BinaryOp::Range => range(s, &l, &r, span),
        BinaryOp::Format => Ok(Value::str(format_operator(s, &l.to_ps_string(), &r, span)?)),
        BinaryOp::And => Ok(Value::Bool(l.is_truthy() && r.is_truthy())),
        BinaryOp::Or => Ok(Value::Bool(l.is_truthy() || r.is_truthy())),
        BinaryOp::Xor => Ok(Value::Bool(l.is_truthy() != r.is_truthy())),
        BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
            let bit = match op {
                BinaryOp::BitAnd => BitOp::And,
                BinaryOp::BitOr => BitOp::Or,
                _ => BitOp::Xor,
            };
            bitwise_operator(s, bit, &l, &r, span)
        }
        BinaryOp::ShiftLeft | BinaryOp::ShiftRight => {
            shift_operator(s, op == BinaryOp::ShiftLeft, &l, &r, span)
        }
        BinaryOp::Join => join(&s.with_class_text(l, span)?, &r)
            .map(Value::str)
            .map_err(|m| s.runtime_record_error(super::memory::out_of_memory(m), span)),
        BinaryOp::Is | BinaryOp::IsNot => {
            let ty = match &r {
                Value::Type(t) => t.to_string(),
                other => other.to_ps_string(),
            };
            let is = super::dotnet::value_is_type(&l, &ty);
            Ok(Value::Bool(if op == BinaryOp::Is { is } else { !is }))
        }
        BinaryOp::As => {
            let ty = match &r {
                Value::Type(t) => t.to_string(),
                other => other.to_ps_string(),
            };
            Ok(super::dotnet::cast(s, l, &ty, span).unwrap_or(Value::Null))
        }
        BinaryOp::Compare(cmp, case) => compare(s, cmp, case, l, r, span),
    }
}

pub fn unary(s: &mut Session, op: UnaryOp, v: Value, span: Span) -> Result<Value, Flow> {
    match op {
        UnaryOp::Not => Ok(Value::Bool(!v.is_truthy())),
        // pwsh's UnaryMinus: numbers negate (integers through `0 - x`, so Int32.MinValue
        // widens); anything else is `0 - x` (PSUnaryOperationBinder).
        UnaryOp::Negate => match &v {
            Value::Num(Number::Single(f)) => Ok(Value::Num(Number::Single(-f))),
            Value::Num(Number::Double(d)) => Ok(Value::double(-d)),
            Value::Num(Number::Decimal(d)) => Ok(Value::Num(Number::Decimal(-d))),
            _ => arithmetic(s, BinaryOp::Subtract, Value::int(0), v, span),
        },
        UnaryOp::Plus => match &v {
            Value::Num(Number::Byte(b)) => Ok(Value::int(i32::from(*b))),
            Value::Num(Number::SByte(b)) => Ok(Value::int(i32::from(*b))),
            Value::Num(_) => Ok(v),
            _ => add(s, Value::int(0), v, span),
        },
        UnaryOp::BitNot => {
            let n = match &v {
                Value::Null => Number::Int32(0),
                Value::String(_) => string_operand(s, &v, NumKind::Int32, span)?,
                other => match plain_number(other) {
                    Some(n) => n,
                    None => {
                        let m = conversion::cast_error(other, "System.Int32");
                        return Err(s.runtime_error(
                            "InvalidCastIConvertible",
                            m,
                            ErrorCategory::InvalidArgument,
                            span,
                        ));
                    }
                },
            };
            number_result(s, number::bnot(&n), span)
        }
        UnaryOp::Comma => Ok(Value::array(vec![v])),
        UnaryOp::Join => join(&v, &Value::str(""))
            .map(Value::str)
            .map_err(|m| s.runtime_record_error(super::memory::out_of_memory(m), span)),
        UnaryOp::Split => Ok(super::regex::dotnet::unary_split(&v)),
        // Increment and decrement need an assignable operand; the expression evaluator
        // handles them before calling here.
        UnaryOp::PreIncrement | UnaryOp::PostIncrement => step(s, v, 1, span),
        UnaryOp::PreDecrement | UnaryOp::PostDecrement => step(s, v, -1, span),
    }
}

fn op_error(s: &Session, op: &str, v: &Value, span: Span) -> Flow {
    s.runtime_error(
        "OperatorRequiresNumber",
        format!(
            "The '{op}' operator works only on numbers. The operand is a '{}'.",
            v.type_name()
        ),
        ErrorCategory::InvalidOperation,
        span,
    )
}

/// The number a non-string operand stands for in arithmetic: numbers themselves, `$null` 0,
/// booleans 0 or 1, chars their code, enums their value. None for anything else.
fn plain_number(v: &Value) -> Option<Number> {
    Some(match v {
        Value::Null => Number::Int32(0),
        Value::Bool(b) => Number::Int32(i32::from(*b)),
        Value::Num(n) => n.clone(),
        Value::Char(c) => Number::Int32(i32::from(*c)),
        Value::Enum(e) => e.number(),
        _ => return None,
    })
}

/// A string operand of a numeric operation (BinaryNumericStringOp): the number it spells,
/// else converted to the other operand's type (`'1,000' - 1`); the error names that type.
fn string_operand(s: &Session, v: &Value, other: NumKind, span: Span) -> Result<Number, Flow> {
    let text = v.to_ps_string();
    if let Some(n) = conversion::scan_number(&text) {
        return Ok(n);
    }
    let target = if other == NumKind::BigInt || other.is_integer() || other.is_float() {
        other
    } else {
        NumKind::Int32
    };
    conversion::to_number(v, target)
        .map_err(|m| s.runtime_error("InvalidArgument", m, ErrorCategory::InvalidArgument, span))
}

/// `[X] does not contain a method named 'op_Y'`: an operator between values that have none.
fn no_operator(s: &Session, culprit: &Value, method: &str, span: Span) -> Flow {
    let type_name = match culprit {
        Value::Object(o) if o.borrow().is_custom() => {
            "System.Management.Automation.PSObject".to_string()
        }
        other => other.type_name(),
    };
    s.runtime_error(
        "MethodNotFound",
        format!(
            "Method invocation failed because [{type_name}] does not contain a method named '{method}'."
        ),
        ErrorCategory::InvalidOperation,
        span,
    )
}

fn op_method(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "op_Addition",
        ArithOp::Sub => "op_Subtraction",
        ArithOp::Mul => "op_Multiply",
        ArithOp::Div => "op_Division",
        ArithOp::Rem => "op_Modulus",
    }
}

/// A numeric result, or the .NET exception it raised as pwsh reports it
/// (`RuntimeException: Attempted to divide by zero.`).
fn number_result(s: &Session, result: Result<Number, NumError>, span: Span) -> Result<Value, Flow> {
    result.map(Value::Num).map_err(|e| {
        s.runtime_record_error(
            super::errors::runtime_wrapping(e.exception_type(), e.message()),
            span,
        )
    })
}

/// `l op r` once the left side is known to be a number: the right side converts as pwsh's
/// binder converts it (strings are scanned as numbers; non-numbers have no operator).
fn numeric_with(
    s: &Session,
    op: ArithOp,
    left: Number,
    r: &Value,
    span: Span,
) -> Result<Value, Flow> {
    let right = match r {
        Value::String(_) => string_operand(s, r, left.kind(), span)?,
        other => plain_number(other).ok_or_else(|| no_operator(s, other, op_method(op), span))?,
    };
    number_result(s, number::arithmetic(op, &left, &right), span)
}

/// `++` and `--`: `$null` becomes the step; numbers add it; anything else has no such operator.
fn step(s: &mut Session, v: Value, by: i32, span: Span) -> Result<Value, Flow> {
    let symbol = if by > 0 { "++" } else { "--" };
    match &v {
        Value::Null => Ok(Value::int(by)),
        Value::Num(n) => number_result(
            s,
            number::arithmetic(ArithOp::Add, n, &Number::Int32(by)),
            span,
        ),
        _ => Err(op_error(s, symbol, &v, span)),
    }
}

fn add(s: &mut Session, l: Value, r: Value, span: Span) -> Result<Value, Flow> {
    match &l {
        Value::Null => Ok(r),
        Value::String(a) => {
            let b = s.stringify(&r);
            if let Err(m) = super::memory::check_concat(&[a, &b]) {
                return Err(s.runtime_record_error(super::memory::out_of_memory(m), span));
            }
            Ok(Value::str(format!("{a}{b}")))
        }
        Value::Array(items) => {
            let more = match &r {
                Value::Array(more) => more.borrow().len(),
                _ => 1,
            };
            if let Err(m) = super::memory::check_array(items.borrow().len().saturating_add(more)) {
                return Err(s.runtime_record_error(super::memory::out_of_memory(m), span));
            }
            let mut out = items.borrow().items.clone();
            match &r {
                Value::Array(more) => out.extend(more.borrow().iter().cloned()),
                other => out.push(other.clone()),
            }
            Ok(Value::array(out))
        }
        Value::Hashtable(a) => match &r {
            Value::Hashtable(b) => {
                let mut merged: Hashtable = a.borrow().clone();
                merged.ordered = a.borrow().ordered;
                for (k, v) in b.borrow().iter() {
                    if merged.contains_key(k) {
                        // Hashtable.Add's ArgumentException, as the operator lets it out.
                        let message = format!(
                            "Item has already been added. Key in dictionary: '{0}'  Key being added: '{0}'",
                            k.to_ps_string()
                        );
                        return Err(s.runtime_record_error(
                            ErrorRecord::new(
                                ExceptionInfo::new("System.ArgumentException", message),
                                "System.ArgumentException",
                                ErrorCategory::OperationStopped,
                            ),
                            span,
                        ));
                    }
                    merged.insert(k.clone(), v.clone());
                }
                Ok(Value::hashtable(merged))
            }
            _ => Err(s.runtime_error(
                "AddHashTableToNonHashTable",
                "A hash table can only be added to another hash table.",
                ErrorCategory::InvalidOperation,
                span,
            )),
        },
        Value::DateTime(_) | Value::TimeSpan(_) => time_arithmetic(s, BinaryOp::Add, &l, &r, span)?
            .ok_or_else(|| not_defined(s, "+", &l, &r, span)),
        // A char on the left concatenates, as a one-character string.
        Value::Char(c) => Ok(Value::str(format!(
            "{}{}",
            super::value::char_text(*c),
            s.stringify(&r)
        ))),
        other => match plain_number(other) {
            Some(left) => as_left_enum(other, numeric_with(s, ArithOp::Add, left, &r, span)),
            None => Err(no_operator(s, other, "op_Addition", span)),
        },
    }
}

/// Date and time-span arithmetic as .NET's operators define it: DateTime ± TimeSpan,
/// DateTime − DateTime, TimeSpan ± TimeSpan, TimeSpan × or ÷ a number, TimeSpan ÷ TimeSpan.
/// `None` when the left operand is not a date or time span, or the pair has no operator.
fn time_arithmetic(
    s: &Session,
    op: BinaryOp,
    l: &Value,
    r: &Value,
    span: Span,
) -> Result<Option<Value>, Flow> {
    let overflow = |ty: &str, message: &str| {
        s.runtime_record_error(super::errors::runtime_wrapping(ty, message), span)
    };
    let date_overflow = || {
        overflow(
            "System.ArgumentOutOfRangeException",
            "The added or subtracted value results in an un-representable DateTime. (Parameter 't')",
        )
    };
    let span_overflow = || overflow("System.OverflowException", TIMESPAN_OVERFLOW);
    let number = |v: &Value| plain_number(v).map(|n| n.to_f64());
    Ok(Some(match (l, op, r) {
        (Value::DateTime(dt), BinaryOp::Add | BinaryOp::Subtract, Value::TimeSpan(ts)) => {
            let d = ts.to_duration();
            let moved = if op == BinaryOp::Add {
                dt.checked_add(d)
            } else {
                dt.checked_sub(d)
            };
            Value::DateTime(moved.ok_or_else(date_overflow)?)
        }
        // DateTime's op_Addition takes a TimeSpan: an integer converts as ticks, a string as
        // TimeSpan.Parse reads it (`+ '1'` is a day).
        (Value::DateTime(dt), BinaryOp::Add, Value::Num(n)) if n.kind().is_integer() => {
            let ticks = n.as_i128().and_then(|t| i64::try_from(t).ok());
            let moved = ticks.and_then(|t| dt.checked_add(TimeSpan::from_ticks(t).to_duration()));
            Value::DateTime(moved.ok_or_else(date_overflow)?)
        }
        (Value::DateTime(dt), BinaryOp::Add, Value::String(text))
            if TimeSpan::parse(text).is_ok() =>
        {
            let ts = TimeSpan::parse(text).unwrap_or(TimeSpan::ZERO);
            Value::DateTime(dt.checked_add(ts.to_duration()).ok_or_else(date_overflow)?)
        }
        (Value::DateTime(a), BinaryOp::Subtract, Value::DateTime(b)) => {
            Value::TimeSpan(TimeSpan::between(*a, *b).ok_or_else(span_overflow)?)
        }
        (Value::TimeSpan(a), BinaryOp::Add, Value::TimeSpan(b)) => {
            Value::TimeSpan(a.checked_add(*b).ok_or_else(span_overflow)?)
        }
        (Value::TimeSpan(a), BinaryOp::Subtract, Value::TimeSpan(b)) => {
            Value::TimeSpan(a.checked_sub(*b).ok_or_else(span_overflow)?)
        }
        (Value::TimeSpan(a), BinaryOp::Divide, Value::TimeSpan(b)) => {
            Value::double(a.ticks() as f64 / b.ticks() as f64)
        }
        (Value::TimeSpan(a), BinaryOp::Multiply | BinaryOp::Divide, other) => {
            let Some(n) = number(other) else {
                return Ok(None);
            };
            let ticks = if op == BinaryOp::Multiply {
                (a.ticks() as f64 * n).round()
            } else {
                if n == 0.0 {
                    return Err(overflow("System.OverflowException", TIMESPAN_OVERFLOW));
                }
                (a.ticks() as f64 / n).round()
            };
            if ticks.is_nan() {
                return Err(overflow("System.ArgumentException", TIMESPAN_NAN));
            }
            if !(i64::MIN as f64..=i64::MAX as f64).contains(&ticks) {
                return Err(span_overflow());
            }
            Value::TimeSpan(TimeSpan::from_ticks(ticks as i64))
        }
        _ => return Ok(None),
    }))
}

fn not_defined(s: &Session, op: &str, l: &Value, r: &Value, span: Span) -> Flow {
    s.runtime_error(
        "OperatorNotDefined",
        format!(
            "The operation '[{}] {op} [{}]' is not defined.",
            l.type_name(),
            r.type_name()
        ),
        ErrorCategory::InvalidOperation,
        span,
    )
}

fn arithmetic(
    s: &mut Session,
    op: BinaryOp,
    l: Value,
    r: Value,
    span: Span,
) -> Result<Value, Flow> {
    let arith = match op {
        BinaryOp::Subtract => ArithOp::Sub,
        BinaryOp::Multiply => ArithOp::Mul,
        BinaryOp::Divide => ArithOp::Div,
        _ => ArithOp::Rem,
    };
    if arith == ArithOp::Mul {
        match &l {
            // Multiplication with `$null` on the left is `$null`.
            Value::Null => return Ok(Value::Null),
            Value::String(text) => {
                if let Some(times) = negative_count(&r) {
                    let message = format!(
                        "times ('{times}') must be a non-negative value. (Parameter 'times')\nActual value was {times}."
                    );
                    return Err(s.runtime_record_error(
                        ErrorRecord::new(
                            ExceptionInfo::new("System.ArgumentOutOfRangeException", message),
                            "System.ArgumentOutOfRangeException",
                            ErrorCategory::OperationStopped,
                        ),
                        span,
                    ));
                }
                let n = repeat_count(s, &r, NumKind::Int32, span)?;
                // The length is computed as an Int32 first (StringBuilder's capacity check).
                let units = text.encode_utf16().count() as u64 * n as u64;
                if units > i32::MAX as u64 {
                    return Err(engine_exception(
                        s,
                        "System.ArgumentOutOfRangeException",
                        "Specified argument was out of the range of valid values. (Parameter 'length')",
                        span,
                    ));
                }
                if let Err(m) = super::memory::check_string(text.len().saturating_mul(n)) {
                    return Err(s.runtime_record_error(super::memory::out_of_memory(m), span));
                }
                return Ok(Value::str(text.repeat(n)));
            }
            Value::Array(items) => {
                let n = repeat_count(s, &r, NumKind::UInt32, span)?;
                let items = items.borrow();
                // ArrayOps.Multiply converts the new length to Int32 first.
                let total = items.len() as u64 * n as u64;
                if total > i32::MAX as u64 {
                    return Err(s.runtime_error(
                        "ConvertToFinalInvalidCastException",
                        format!(
                            "Cannot convert the \"{total}\" value of type \"System.Int64\" to type \"System.Int32\"."
                        ),
                        ErrorCategory::InvalidArgument,
                        span,
                    ));
                }
                if let Err(m) = super::memory::check_array(items.len().saturating_mul(n)) {
                    return Err(s.runtime_record_error(super::memory::out_of_memory(m), span));
                }
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                return Ok(Value::array(out));
            }
            _ => {}
        }
    }
    if let Some(v) = time_arithmetic(s, op, &l, &r, span)? {
        return Ok(v);
    }
    let left = match &l {
        Value::String(_) => {
            let other = r.as_number().map_or(NumKind::Int32, Number::kind);
            string_operand(s, &l, other, span)?
        }
        other => {
            plain_number(other).ok_or_else(|| no_operator(s, other, op_method(arith), span))?
        }
    };
    as_left_enum(&l, numeric_with(s, arith, left, &r, span))
}

/// An arithmetic or bitwise result with an enum on the left is a value of that enum
/// (`[DayOfWeek]::Monday + 1` is Tuesday), as pwsh's binder casts it back.
fn as_left_enum(left: &Value, result: Result<Value, Flow>) -> Result<Value, Flow> {
    match (left, result) {
        (Value::Enum(e), Ok(Value::Num(n))) => Ok(Value::Enum(super::value::EnumValue::new(
            &e.type_name,
            n.as_i128().unwrap_or(n.to_f64() as i128) as i64,
        ))),
        (_, other) => other,
    }
}

/// How many times `*` repeats a string (Int32) or an array (UInt32).
/// A repeat count below zero (as an Int32), for String's ArgumentOutOfRangeException.
fn negative_count(r: &Value) -> Option<i64> {
    let n = conversion::to_int(r, "System.Int32").ok()?;
    (n < 0).then_some(n)
}

fn repeat_count(s: &Session, r: &Value, kind: NumKind, span: Span) -> Result<usize, Flow> {
    let n = match r {
        Value::String(_) => string_operand(s, r, NumKind::Int32, span)?
            .convert(kind)
            .map_err(|e| {
                s.runtime_error(
                    "InvalidArgument",
                    conversion::cast_error_with_inner(
                        &r.to_ps_string(),
                        kind.full_name(),
                        e.message(),
                    ),
                    ErrorCategory::InvalidArgument,
                    span,
                )
            })?,
        other => conversion::to_number(other, kind).map_err(|m| {
            s.runtime_error("InvalidArgument", m, ErrorCategory::InvalidArgument, span)
        })?,
    };
    Ok(n.as_i128().map_or(0, |v| v.max(0) as usize))
}

/// `-band`, `-bor`, `-bxor`: strings are scanned as numbers, `$null` is 0.
fn bitwise_operator(
    s: &Session,
    op: BitOp,
    l: &Value,
    r: &Value,
    span: Span,
) -> Result<Value, Flow> {
    let method = match op {
        BitOp::And => "op_BitwiseAnd",
        BitOp::Or => "op_BitwiseOr",
        BitOp::Xor => "op_ExclusiveOr",
    };
    let operand = |v: &Value, other: &Value| -> Result<Number, Flow> {
        match v {
            Value::String(_) => {
                let kind = other.as_number().map_or(NumKind::Int32, Number::kind);
                string_operand(s, v, kind, span)
            }
            _ => plain_number(v).ok_or_else(|| no_operator(s, v, method, span)),
        }
    };
    let a = operand(l, r)?;
    let b = operand(r, l)?;
    as_left_enum(l, number_result(s, number::bitwise(op, &a, &b), span))
}

/// `-shl` and `-shr`: in the left operand's type; the count converts to Int32.
fn shift_operator(
    s: &Session,
    left: bool,
    l: &Value,
    r: &Value,
    span: Span,
) -> Result<Value, Flow> {
    let method = if left {
        "op_LeftShift"
    } else {
        "op_RightShift"
    };
    if l.is_null() {
        return Ok(Value::int(0));
    }
    let value = match l {
        Value::String(_) => string_operand(s, l, NumKind::Int32, span)?,
        other => plain_number(other).ok_or_else(|| no_operator(s, other, method, span))?,
    };
    let count = match r {
        Value::String(_) => string_operand(s, r, NumKind::Int32, span)?,
        other => conversion::to_number(other, NumKind::Int32).map_err(|m| {
            s.runtime_error("InvalidArgument", m, ErrorCategory::InvalidArgument, span)
        })?,
    };
    let count = match count.convert(NumKind::Int32) {
        Ok(Number::Int32(c)) => c,
        _ => {
            let m = conversion::cast_error(r, "System.Int32");
            return Err(s.runtime_error(
                "InvalidArgument",
                m,
                ErrorCategory::InvalidArgument,
                span,
            ));
        }
    };
    number_result(s, number::shift(&value, count, left), span)
}

/// The two ends of a character range (`'a'..'e'`, `[char]'a'..'e'`): both operands are chars
/// or one-character strings (pwsh 7's RangeOperator); `None` for a numeric range.
pub(crate) fn char_range_bounds(l: &Value, r: &Value) -> Option<(u16, u16)> {
    let one = |v: &Value| -> Option<u16> {
        match v {
            Value::Char(c) => Some(*c),
            Value::String(text) => {
                let mut units = text.encode_utf16();
                let first = units.next()?;
                units.next().is_none().then_some(first)
            }
            _ => None,
        }
    };
    let (a, b) = (one(l)?, one(r)?);
    // Two digits are numbers ('1'..'3' is 1, 2, 3).
    if matches!(l, Value::String(_))
        && matches!(r, Value::String(_))
        && (a as u8 as u16 == a && (a as u8).is_ascii_digit())
        && (b as u8 as u16 == b && (b as u8).is_ascii_digit())
    {
        return None;
    }
    Some((a, b))
}

/// The two ends of `a..b`, each converted as pwsh's RangeOperator does (Convert.ToInt32).
pub(crate) fn range_bounds(
    s: &Session,
    l: &Value,
    r: &Value,
    span: Span,
) -> Result<(i32, i32), Flow> {
    // Convert.ToInt32 throws a plain .NET exception, reported like the engine's own.
    let bound = |v: &Value| -> Result<i32, Flow> {
        const OVERFLOW: &str = "Value was either too large or too small for an Int32.";
        match conversion::to_int(v, "System.Int32") {
            Ok(n) => i32::try_from(n)
                .map_err(|_| engine_exception(s, "System.OverflowException", OVERFLOW, span)),
            Err(m) => {
                // Convert.ToInt32 throws the inner exception itself, not the cast's wrapper.
                let m = match m.split_once("Error: \"") {
                    Some((_, inner)) => inner.strip_suffix('"').unwrap_or(inner).to_string(),
                    None => m,
                };
                let ty = if m.contains("correct format") {
                    "System.FormatException"
                } else if m.contains("too large or too small") {
                    "System.OverflowException"
                } else {
                    "System.InvalidCastException"
                };
                Err(engine_exception(s, ty, &m, span))
            }
        }
    };
    Ok((bound(l)?, bound(r)?))
}

/// An exception raised while the statement runs, as pwsh reports a .NET exception thrown by
/// the engine: category OperationStopped, the exception's type as ErrorId, the statement's
/// extent.
fn engine_exception(s: &Session, type_name: &str, message: &str, span: Span) -> Flow {
    let mut rec = super::errors::runtime(type_name, message, ErrorCategory::OperationStopped);
    rec.exception.type_name = type_name.into();
    s.runtime_record_error(rec, span)
}

/// `a..b` as an array (IntOps.Range): the element count is computed in Int32 arithmetic with
/// its overflows, an array longer than .NET allows fails as in pwsh, and an array that does
/// not fit in memory fails with .NET's OutOfMemoryException instead of ending the process.
fn range(s: &Session, l: &Value, r: &Value, span: Span) -> Result<Value, Flow> {
    if let Some((a, b)) = char_range_bounds(l, r) {
        let items: Vec<Value> = if a <= b {
            (a..=b).map(Value::Char).collect()
        } else {
            (b..=a).rev().map(Value::Char).collect()
        };
        return Ok(Value::array(items));
    }
    let (a, b) = range_bounds(s, l, r, span)?;
    let Some(diff) = b.checked_sub(a) else {
        return Err(engine_exception(
            s,
            "System.OverflowException",
            "Arithmetic operation resulted in an overflow.",
            span,
        ));
    };
    let Some(abs) = diff.checked_abs() else {
        return Err(engine_exception(
            s,
            "System.OverflowException",
            "Negating the minimum value of a twos complement number is invalid.",
            span,
        ));
    };
    // `absRange + 1` wraps to a negative length for 0..Int32.MaxValue.
    let Some(count) = abs.checked_add(1) else {
        return Err(engine_exception(
            s,
            "System.OverflowException",
            "Arithmetic operation resulted in an overflow.",
            span,
        ));
    };
    if let Err(m) = super::memory::check_array(count as usize) {
        return Err(s.runtime_record_error(super::memory::out_of_memory(m), span));
    }
    let mut items = Vec::with_capacity(count as usize);
    if a <= b {
        items.extend((a..=b).map(Value::int));
    } else {
        items.extend((b..=a).rev().map(Value::int));
    }
    Ok(Value::array(items))
}

/// `-join`: the result's size is checked before the parts are joined.
fn join(l: &Value, r: &Value) -> Result<String, &'static str> {
    let sep = r.to_ps_string();
    let parts: Vec<String> = l.enumerate().iter().map(Value::element_string).collect();
    let mut pieces: Vec<&str> = parts.iter().map(String::as_str).collect();
    let seps = vec![sep.as_str(); parts.len().saturating_sub(1)];
    pieces.extend(seps);
    super::memory::check_concat(&pieces)?;
    Ok(parts.join(&sep))
}

fn case_sensitive(case: CaseMode) -> bool {
    case == CaseMode::Sensitive
}

fn compare(
    s: &mut Session,
    op: CompareOp,
    case: CaseMode,
    l: Value,
    r: Value,
    span: Span,
) -> Result<Value, Flow> {
    let cs = case_sensitive(case);
    match op {
        CompareOp::Contains | CompareOp::NotContains => {
            let found = l.enumerate().iter().any(|item| values_equal(item, &r, cs));
            return Ok(Value::Bool(found == (op == CompareOp::Contains)));
        }
        CompareOp::In | CompareOp::NotIn => {
            let found = r.enumerate().iter().any(|item| values_equal(item, &l, cs));
            return Ok(Value::Bool(found == (op == CompareOp::In)));
        }
        CompareOp::Replace => return super::regex::dotnet::replace_operator(s, &l, &r, cs, span),
        CompareOp::Split => return super::regex::dotnet::split_operator(s, &l, &r, cs, span),
        _ => {}
    }
    if let Value::Array(items) = &l {
        // A collection on the left filters: the elements for which the comparison holds.
        let items = items.borrow().clone();
        let mut out = Vec::new();
        for item in items {
            if compare_scalar(s, op, cs, &item, &r, span, false)? {
                out.push(item);
            }
        }
        return Ok(Value::array(out));
    }
    Ok(Value::Bool(compare_scalar(s, op, cs, &l, &r, span, true)?))
}

#[allow(clippy::too_many_arguments)]
fn compare_scalar(
    s: &mut Session,
    op: CompareOp,
    cs: bool,
    l: &Value,
    r: &Value,
    span: Span,
    set_matches: bool,
) -> Result<bool, Flow> {
    Ok(match op {
        CompareOp::Eq => values_equal(l, r, cs),
        CompareOp::Ne => !values_equal(l, r, cs),
        CompareOp::Gt | CompareOp::Ge | CompareOp::Lt | CompareOp::Le => {
            let ord = order(s, l, r, cs, span)?;
            match op {
                CompareOp::Gt => ord == Ordering::Greater,
                CompareOp::Ge => ord != Ordering::Less,
                CompareOp::Lt => ord == Ordering::Less,
                _ => ord != Ordering::Greater,
            }
        }
        CompareOp::Like => wildcard_match(&r.to_ps_string(), &l.to_ps_string(), cs),
        CompareOp::NotLike => !wildcard_match(&r.to_ps_string(), &l.to_ps_string(), cs),
        CompareOp::Match | CompareOp::NotMatch => {
            let matched = super::regex::dotnet::match_operator(s, l, r, cs, set_matches, span)?;
            matched == (op == CompareOp::Match)
        }
        _ => false,
    })
}

/// PowerShell equality: the right side is converted to the left side's type.
pub fn values_equal(l: &Value, r: &Value, cs: bool) -> bool {
    if let Some(a) = version_parts(l) {
        let b = version_parts(r).or_else(|| {
            super::expression::parse_version(&r.to_ps_string())
                .as_ref()
                .and_then(version_parts)
        });
        return b == Some(a);
    }
    if let Some(a) = l.as_switch() {
        return values_equal(&Value::Bool(a), r, cs);
    }
    // IPAddress.Equals, the right side converted to an IPAddress first.
    if let Some(a) = super::dotnet::ipaddress::address_of(l) {
        let b = super::dotnet::ipaddress::cast(r)
            .ok()
            .and_then(|v| super::dotnet::ipaddress::address_of(&v));
        return b == Some(a);
    }
    match (l, r) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::String(a), _) => {
            let b = r.to_ps_string();
            if cs {
                **a == *b
            } else {
                a.to_lowercase() == b.to_lowercase()
            }
        }
        (Value::Num(a), _) => {
            let b = match r {
                Value::String(t) => {
                    conversion::scan_number(t).or_else(|| conversion::to_number(r, a.kind()).ok())
                }
                other => plain_number(other),
            };
            b.is_some_and(|b| number::equal(a, &b))
        }
        (Value::Char(a), _) => match r {
            Value::String(t) => {
                let mut units = t.encode_utf16();
                match (units.next(), units.next()) {
                    (Some(b), None) => {
                        if cs {
                            *a == b
                        } else {
                            super::value::char_text(*a).to_lowercase()
                                == super::value::char_text(b).to_lowercase()
                        }
                    }
                    _ => false,
                }
            }
            other => plain_number(other)
                .is_some_and(|b| number::equal(&Number::Int32(i32::from(*a)), &b)),
        },
        (Value::Bool(a), _) => *a == r.is_truthy(),
        (Value::Guid(a), _) => {
            uuid::Uuid::parse_str(r.to_ps_string().trim()).is_ok_and(|b| *a == b)
        }
        (Value::DateTime(a), Value::DateTime(b)) => ticks_of(*a) == ticks_of(*b),
        // The right side converts to a DateTime (`[datetime]'2024-01-02' -eq '2024-01-02'`).
        (Value::DateTime(a), Value::String(text)) => {
            conversion::parse_datetime(text).is_some_and(|b| ticks_of(*a) == ticks_of(b))
        }
        // An enum converts the right side to itself: its name or its number.
        // An enum converts the right side to its own type: a name or a number.
        (Value::Enum(a), _) => match r {
            Value::Num(n) => n.to_f64() == a.value as f64,
            other => {
                conversion::to_enum_value(other, &a.type_name).is_ok_and(|b| b.value == a.value)
            }
        },
        (Value::TimeSpan(a), _) => to_timespan(r).is_some_and(|b| *a == b),
        (Value::Object(a), Value::Object(b)) => std::rc::Rc::ptr_eq(a, b),
        (Value::Hashtable(a), Value::Hashtable(b)) => std::rc::Rc::ptr_eq(a, b),
        (Value::Array(a), Value::Array(b)) => std::rc::Rc::ptr_eq(a, b),
        (Value::Error(a), Value::Error(b)) => std::rc::Rc::ptr_eq(a, b),
        _ => {
            let a = l.to_ps_string();
            let b = r.to_ps_string();
            if cs {
                a == b
            } else {
                a.to_lowercase() == b.to_lowercase()
            }
        }
    }
}

/// A `System.Version`'s Major, Minor, Build and Revision (-1 where not given, which .NET orders
/// before 0).
pub fn version_parts(v: &Value) -> Option<[i64; 4]> {
    let Value::Object(o) = v else {
        return None;
    };
    let o = o.borrow();
    if o.type_names.first().is_none_or(|t| t != "System.Version") {
        return None;
    }
    let part = |name: &str| o.get(name).and_then(|p| p.as_i64()).unwrap_or(-1);
    Some([
        part("Major"),
        part("Minor"),
        part("Build"),
        part("Revision"),
    ])
}

fn order(s: &Session, l: &Value, r: &Value, cs: bool, span: Span) -> Result<Ordering, Flow> {
    // A version compares with a version, or with text that converts to one.
    if let Some(a) = version_parts(l) {
        let b = match version_parts(r) {
            Some(b) => Some(b),
            None => super::expression::parse_version(&r.to_ps_string())
                .as_ref()
                .and_then(version_parts),
        };
        if let Some(b) = b {
            return Ok(a.cmp(&b));
        }
    }
    match l {
        Value::Num(_) | Value::Bool(_) | Value::Char(_) => {
            let a = plain_number(l).unwrap_or(Number::Int32(0));
            let b = match r {
                Value::String(_) => string_operand(s, r, a.kind(), span)?,
                other => plain_number(other).ok_or_else(|| not_defined(s, "-gt", l, r, span))?,
            };
            Ok(number::compare(&a, &b).unwrap_or(Ordering::Equal))
        }
        Value::Null => Ok(if r.is_null() {
            Ordering::Equal
        } else {
            Ordering::Less
        }),
        Value::DateTime(a) => {
            let b = match r {
                Value::DateTime(b) => Some(*b),
                Value::Null => return Ok(Ordering::Greater),
                other => conversion::parse_datetime(&other.to_ps_string()),
            };
            match b {
                Some(b) => Ok(ticks_of(*a).cmp(&ticks_of(b))),
                None => {
                    let text = r.to_ps_string();
                    let inner = conversion::cast_error_with_inner(
                        &text,
                        "System.DateTime",
                        &conversion::datetime_parse_message(&text),
                    );
                    Err(s.runtime_error(
                        "ComparisonFailure",
                        format!(
                            "Could not compare \"{}\" to \"{text}\". Error: \"{inner}\"",
                            l.to_ps_string()
                        ),
                        ErrorCategory::InvalidOperation,
                        span,
                    ))
                }
            }
        }
        // An enum orders by value, the right side converted to the enum.
        Value::Enum(a) if !r.is_null() => {
            match conversion::to_enum_value(r, &a.type_name) {
                Ok(b) => Ok(a.value.cmp(&b.value)),
                // The conversion's own error, as a cast reports it.
                Err(m) => Err(s.runtime_error(
                    "InvalidCastFromStringToEnum",
                    m,
                    ErrorCategory::InvalidArgument,
                    span,
                )),
            }
        }
        Value::TimeSpan(a) => match to_timespan(r) {
            Some(b) => Ok(a.cmp(&b)),
            None if r.is_null() => Ok(Ordering::Greater),
            None => {
                let inner = match r {
                    Value::String(text) => conversion::cast_error_with_inner(
                        text,
                        "System.TimeSpan",
                        &TimeSpan::parse(text).err().unwrap_or_default(),
                    ),
                    other => conversion::cast_error(other, "System.TimeSpan"),
                };
                Err(s.runtime_error(
                    "ComparisonFailure",
                    format!(
                        "Could not compare \"{}\" to \"{}\". Error: \"{inner}\"",
                        l.to_ps_string(),
                        r.to_ps_string()
                    ),
                    ErrorCategory::InvalidOperation,
                    span,
                ))
            }
        },
        _ => Ok(culture_order(&l.to_ps_string(), &r.to_ps_string(), !cs)),
    }
}

/// The right operand of a comparison with a TimeSpan, converted as pwsh converts it: a time
/// span, a number of ticks, or a string TimeSpan.Parse accepts.
fn to_timespan(v: &Value) -> Option<TimeSpan> {
    match v {
        Value::TimeSpan(t) => Some(*t),
        Value::Num(_) => v.as_i64().map(TimeSpan::from_ticks),
        Value::String(text) => TimeSpan::parse(text).ok(),
        _ => None,
    }
}

/// `[string]::Compare(a, b[, ignoreCase])` under the culture's rules (ICU's root collation, as
/// .NET uses on Linux): see [`culture_order`].
pub fn compare_strings(a: &str, b: &str, ignore_case: bool) -> i32 {
    match culture_order(a, b, ignore_case) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

/// ASCII punctuation and symbols in the root collation's order (confirmed by sorting every
/// printable ASCII character with pwsh 7.6.10): all of them sort before the digits, which sort
/// before the letters.
const PUNCTUATION_ORDER: &str = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

/// One character's collation weights: primary (the base character), secondary (its accent),
/// tertiary (1 for an uppercase letter).
fn collation_weights(c: char) -> (u32, u32, u32) {
    const LETTERS: u32 = 0x200;
    let upper = u32::from(c.is_uppercase());
    let lower = c.to_lowercase().next().unwrap_or(c);
    // Latin-1 letters with accents: the base letter, then the accent.
    let accented = |base: char, accent: u32| (LETTERS + base as u32, accent, upper);
    match lower {
        '\t' => (1, 0, 0),
        '\n' => (2, 0, 0),
        '\u{b}' => (3, 0, 0),
        '\u{c}' => (4, 0, 0),
        '\r' => (5, 0, 0),
        ' ' => (6, 0, 0),
        '0'..='9' => (0x100 + (lower as u32 - '0' as u32), 0, 0),
        'a'..='z' => (LETTERS + lower as u32, 0, upper),
        'à' | 'è' | 'ì' | 'ò' | 'ù' => accented(base_letter(lower), 1),
        'á' | 'é' | 'í' | 'ó' | 'ú' | 'ý' => accented(base_letter(lower), 2),
        'â' | 'ê' | 'î' | 'ô' | 'û' => accented(base_letter(lower), 3),
        'ã' | 'ñ' | 'õ' => accented(base_letter(lower), 4),
        'ä' | 'ë' | 'ï' | 'ö' | 'ü' | 'ÿ' => accented(base_letter(lower), 5),
        'å' => accented('a', 6),
        'ç' => accented('c', 7),
        _ => match PUNCTUATION_ORDER.find(lower) {
            Some(i) => (0x10 + i as u32, 0, 0),
            None => (0x1000 + lower as u32, 0, upper),
        },
    }
}

fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ñ' => 'n',
        other => other,
    }
}

/// Culture-sensitive string order as .NET with ICU compares (String.Compare, Sort-Object, `-lt`):
/// first the base characters (punctuation, then digits, then letters, whatever their case or
/// accent; a prefix sorts first), then the accents, then, unless `ignore_case`, the case (a
/// lowercase letter before its uppercase form).
pub fn culture_order(a: &str, b: &str, ignore_case: bool) -> Ordering {
    let wa: Vec<(u32, u32, u32)> = a.chars().map(collation_weights).collect();
    let wb: Vec<(u32, u32, u32)> = b.chars().map(collation_weights).collect();
    let level = |f: fn(&(u32, u32, u32)) -> u32| wa.iter().map(f).cmp(wb.iter().map(f));
    level(|w| w.0).then_with(|| level(|w| w.1)).then_with(|| {
        if ignore_case {
            Ordering::Equal
        } else {
            level(|w| w.2)
        }
    })
}

/// Ordering for Sort-Object: numbers numerically, everything else as text, `$null` first.
pub fn sort_order(l: &Value, r: &Value, cs: bool) -> Ordering {
    if let (Some(a), Some(b)) = (version_parts(l), version_parts(r)) {
        return a.cmp(&b);
    }
    match (l, r) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Num(a), Value::Num(b)) => number::compare(a, b).unwrap_or(Ordering::Equal),
        (Value::DateTime(a), Value::DateTime(b)) => ticks_of(*a).cmp(&ticks_of(*b)),
        (Value::TimeSpan(a), Value::TimeSpan(b)) => a.cmp(b),
        _ => culture_order(&l.to_ps_string(), &r.to_ps_string(), !cs),
    }
}

/// PowerShell wildcards: `*`, `?`, `[abc]`, `[a-z]`, backtick escapes.
pub fn wildcard_match(pattern: &str, text: &str, case_sensitive: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = if case_sensitive {
        (pattern.chars().collect(), text.chars().collect())
    } else {
        (
            pattern.to_lowercase().chars().collect(),
            text.to_lowercase().chars().collect(),
        )
    };
    // Iterative matcher with backtracking on the last `*`.
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, ti));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = class_match(&p, pi, t[ti])
                        && matched
                    {
                        pi = next;
                        ti += 1;
                        continue;
                    }
                }
                '`' if pi + 1 < p.len() => {
                    if p[pi + 1] == t[ti] {
                        pi += 2;
                        ti += 1;
                        continue;
                    }
                }
                c => {
                    if c == t[ti] {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// `[...]` at `start`: whether `c` is in the class, and the index after `]`.
fn class_match(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let end = p[start + 1..].iter().position(|&x| x == ']')? + start + 1;
    let body = &p[start + 1..end];
    let mut i = 0;
    let mut hit = false;
    while i < body.len() {
        if i + 2 < body.len() && body[i + 1] == '-' {
            if body[i] <= c && c <= body[i + 2] {
                hit = true;
            }
            i += 3;
        } else {
            if body[i] == c {
                hit = true;
            }
            i += 1;
        }
    }
    Some((hit, end + 1))
}

/// True when the text contains wildcard characters.
pub fn has_wildcards(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// `switch -regex` and `-match` on one value.
pub fn regex_match(
    s: &mut Session,
    item: &Value,
    pattern: &Value,
    cs: bool,
    span: Span,
) -> Result<bool, Flow> {
    compare_scalar(s, CompareOp::Match, cs, item, pattern, span, true)
}

/// The `-f` operator: .NET composite formatting (`{0}`, `{0,-10}`, `{0:N2}`, `{{`).
pub fn format_operator(s: &Session, fmt: &str, args: &Value, span: Span) -> Result<String, Flow> {
    // `'{0}' -f $null` formats one null argument.
    let args = match args {
        Value::Null => vec![Value::Null],
        other => other.enumerate(),
    };
    super::dotnet_format::composite(fmt, &args, s.culture).map_err(|e| {
        s.runtime_error(
            "FormatError",
            format!("Error formatting a string: {}.", e.message()),
            ErrorCategory::InvalidOperation,
            span,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("tag:*", "Tag:Test", false));
        assert!(!wildcard_match("tag:*", "Tag:Test", true));
        assert!(wildcard_match("a?c", "abc", false));
        assert!(wildcard_match("[a-c]x*", "bxyz", false));
        assert!(wildcard_match("*policy", "Test-Policy", false));
        assert!(!wildcard_match("*policy", "Test-Policyx", false));
    }

    #[test]
    fn equality_converts_right_to_left() {
        assert!(values_equal(&Value::integer(5), &Value::str("5"), false));
        assert!(values_equal(&Value::str("ABC"), &Value::str("abc"), false));
        assert!(!values_equal(&Value::str("ABC"), &Value::str("abc"), true));
        assert!(!values_equal(&Value::Null, &Value::str(""), false));
    }
}

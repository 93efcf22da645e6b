//! `System.TimeSpan` instance methods.

use super::types::timespan_arg;
use super::*;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::timespan::{self, TimeSpan};
use crate::runtime::value::Value;
use crate::syntax::Span;

pub(super) fn timespan_method(
    s: &Session,
    ts: TimeSpan,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let overflow = |s: &Session| {
        method_exception(
            s,
            name,
            args.len(),
            "System.OverflowException",
            timespan::OVERFLOW,
            span,
        )
    };
    let result =
        |s: &Session, t: Option<TimeSpan>| t.map(Value::TimeSpan).ok_or_else(|| overflow(s));
    match (lower, args.len()) {
        ("tostring", 1 | 2) => {
            let format = arg_string(args, 0);
            ts.format(&format).map(Value::str).ok_or_else(|| {
                method_exception(
                    s,
                    name,
                    args.len(),
                    "System.FormatException",
                    timespan::BAD_FORMAT,
                    span,
                )
            })
        }
        ("add", 1) => {
            let other = timespan_arg(s, args, 0, name, "ts", span)?;
            result(s, ts.checked_add(other))
        }
        ("subtract", 1) => {
            let other = timespan_arg(s, args, 0, name, "ts", span)?;
            result(s, ts.checked_sub(other))
        }
        ("negate", 0) => result(s, ts.checked_neg()),
        ("duration", 0) => result(s, ts.checked_abs()),
        ("compareto", 1) => {
            let other = timespan_arg(s, args, 0, name, "value", span)?;
            Ok(Value::integer(match ts.cmp(&other) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }))
        }
        ("add" | "subtract" | "negate" | "duration" | "compareto" | "tostring", n) => {
            Err(overload_error(s, name, n, span))
        }
        _ => Err(method_not_found(s, "System.TimeSpan", name, span)),
    }
}

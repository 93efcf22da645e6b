//! The few .NET objects scripts create and mutate: `[ref]`, Stopwatch and StringBuilder.

use super::*;
use crate::runtime::error_record::ErrorCategory;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::timespan::{self, TimeSpan};
use crate::runtime::value::{Native, PsObject, Value};
use crate::syntax::Span;
use std::rc::Rc;

pub const PS_REFERENCE: &str = "System.Management.Automation.PSReference";

pub const STOPWATCH: &str = "System.Diagnostics.Stopwatch";

pub const STRING_BUILDER: &str = "System.Text.StringBuilder";

/// `[ref]` names PSReference.
pub fn is_ref_type(name: &str) -> bool {
    full_type_name(name) == PS_REFERENCE
}

pub(super) fn reference_object(value: Value, native: Option<Native>) -> Value {
    let mut o = PsObject::new(PS_REFERENCE).with("Value", value);
    o.native = native;
    Value::object(o)
}

/// `[ref]$name`: a reference to the variable, which must exist (`[ref]$null` refers to nothing).
pub fn variable_ref(
    s: &mut Session,
    var: &crate::syntax::ast::VariableRef,
    span: Span,
) -> Result<Value, Flow> {
    if var.scope.is_none() && var.name.eq_ignore_ascii_case("null") {
        return Ok(reference_object(Value::Null, None));
    }
    let q = crate::runtime::scope::Qualifier::parse(var.scope.as_deref());
    match s.scopes.locate(&var.name, q) {
        Some(scope) => {
            let value = s
                .scopes
                .get_at(scope, &var.name)
                .map(|v| v.value.clone())
                .unwrap_or_default();
            let native = Native::VarRef {
                name: var.name.clone(),
                scope,
            };
            Ok(reference_object(value, Some(native)))
        }
        None => Err(s.runtime_error(
            "NonExistingVariableReference",
            "[ref] cannot be applied to a variable that does not exist.",
            ErrorCategory::InvalidOperation,
            span,
        )),
    }
}

/// Writes through a `[ref]` argument (TryParse's out parameter); anything else is ignored.
pub fn set_reference(s: &mut Session, target: &Value, value: Value) {
    let Value::Object(o) = target else { return };
    let mut o = o.borrow_mut();
    if o.type_names.first().map(String::as_str) != Some(PS_REFERENCE) {
        return;
    }
    if let Some(Native::VarRef { name, scope }) = &o.native {
        s.scopes.set_at(*scope, name, value.clone());
    }
    o.set("Value", value);
}

/// Brings the computed properties of a native object up to date (a reference's variable, a
/// stopwatch's elapsed time on the session clock).
pub(super) fn refresh_native(s: &Session, o: &Rc<std::cell::RefCell<PsObject>>) {
    let mut o = o.borrow_mut();
    match o.native.clone() {
        Some(Native::VarRef { name, scope }) => {
            if let Some(v) = s.scopes.get_at(scope, &name) {
                let v = v.value.clone();
                o.set("Value", v);
            }
        }
        Some(Native::Stopwatch { banked, started }) => {
            let elapsed = stopwatch_elapsed(s, banked, started);
            o.set("IsRunning", Value::Bool(started.is_some()));
            o.set("Elapsed", Value::TimeSpan(elapsed));
            o.set(
                "ElapsedMilliseconds",
                Value::integer(elapsed.ticks() / timespan::TICKS_PER_MILLISECOND),
            );
            // Stopwatch.Frequency is 1 000 000 000 on Linux and macOS (nanosecond ticks).
            o.set(
                "ElapsedTicks",
                Value::integer(elapsed.ticks().saturating_mul(100)),
            );
        }
        _ => {}
    }
}

pub(super) fn stopwatch_elapsed(
    s: &Session,
    banked: TimeSpan,
    started: Option<time::OffsetDateTime>,
) -> TimeSpan {
    let running = started
        .and_then(|t| TimeSpan::between(s.clock.now(), t))
        .unwrap_or(TimeSpan::ZERO);
    TimeSpan::from_ticks(banked.ticks().saturating_add(running.ticks()))
}

/// `[System.Diagnostics.Stopwatch]::new()` (stopped) or `::StartNew()`.
pub fn new_stopwatch(s: &Session, running: bool) -> Value {
    let o = Rc::new(std::cell::RefCell::new(PsObject::new(STOPWATCH)));
    o.borrow_mut().native = Some(Native::Stopwatch {
        banked: TimeSpan::ZERO,
        started: running.then(|| s.clock.now()),
    });
    refresh_native(s, &o);
    Value::Object(o)
}

/// `[System.Text.StringBuilder]::new([text])`: capacity 16, or the text's length if longer.
pub fn new_string_builder(text: &str) -> Value {
    let mut o = PsObject::new(STRING_BUILDER);
    let len = text.chars().count() as i64;
    o.native = Some(Native::StringBuilder {
        capacity: len.max(16),
        len,
    });
    o.text = Some(text.to_string());
    sync_builder(&mut o);
    Value::object(o)
}

/// Copies a StringBuilder's state to its visible properties (its text is the object's own).
pub(super) fn sync_builder(o: &mut PsObject) {
    if let Some(Native::StringBuilder { capacity, len }) = o.native {
        o.set("Capacity", Value::integer(capacity));
        o.set("MaxCapacity", Value::integer(i64::from(i32::MAX)));
        o.set("Length", Value::integer(len));
    }
}

/// .NET's StringBuilder growth: text that does not fit fills the last chunk, then a new chunk
/// of `max(rest, min(Length, 8000))` characters is added (StringBuilder.ExpandByABlock).
pub(super) fn builder_capacity(capacity: i64, old_len: i64, new_len: i64) -> i64 {
    if new_len <= capacity {
        return capacity;
    }
    let rest = new_len - capacity;
    let _ = old_len;
    capacity + rest.max(capacity.min(8000))
}

/// Methods of the native objects; `None` when the object is not one of them.
pub(super) fn native_method(
    s: &mut Session,
    target: &Value,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let Value::Object(o) = target else {
        return None;
    };
    let native = o.borrow().native.clone()?;
    Some(match native {
        Native::ScriptInstance(i) => {
            return s.call_instance_method(target, &i.class, name, args.to_vec(), span);
        }
        Native::Stopwatch { banked, started } => {
            let now = s.clock.now();
            let (banked, started, out) = match lower {
                "start" => (banked, started.or(Some(now)), Value::Null),
                "stop" => (stopwatch_elapsed(s, banked, started), None, Value::Null),
                "reset" => (TimeSpan::ZERO, None, Value::Null),
                "restart" => (TimeSpan::ZERO, Some(now), Value::Null),
                _ => return Some(Err(method_not_found(s, STOPWATCH, name, span))),
            };
            o.borrow_mut().native = Some(Native::Stopwatch { banked, started });
            refresh_native(s, o);
            Ok(out)
        }
        Native::StringBuilder { capacity, len } => {
            // Arguments become text before the builder's own text is taken out, so that
            // `$sb.Append($sb)` reads the builder as it was.
            let texts: Vec<String> = match lower {
                "appendformat" if !args.is_empty() => {
                    let rest = Value::array(args[1..].to_vec());
                    match crate::runtime::operators::format_operator(
                        s,
                        &args[0].to_ps_string(),
                        &rest,
                        span,
                    ) {
                        Ok(t) => vec![t],
                        Err(e) => return Some(Err(e)),
                    }
                }
                "insert" => args.get(1).map(Value::to_ps_string).into_iter().collect(),
                _ => args.iter().map(Value::to_ps_string).collect(),
            };
            let old_len = len;
            let mut text = o.borrow_mut().text.take().unwrap_or_default();
            // The length changes by what is appended; edits in the middle count again.
            let mut new_len = None;
            let outcome: Result<Option<Value>, Flow> = match lower {
                "append" if args.len() == 1 => {
                    text.push_str(&texts[0]);
                    new_len = Some(old_len + texts[0].chars().count() as i64);
                    Ok(None)
                }
                "appendline" if args.len() <= 1 => {
                    let added = texts.first().map_or("", String::as_str);
                    text.push_str(added);
                    text.push('\n');
                    new_len = Some(old_len + added.chars().count() as i64 + 1);
                    Ok(None)
                }
                "appendformat" if !args.is_empty() => {
                    text.push_str(&texts[0]);
                    new_len = Some(old_len + texts[0].chars().count() as i64);
                    Ok(None)
                }
                "insert" if args.len() == 2 => {
                    let at = arg_int(args, 0).max(0) as usize;
                    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
                    text.insert_str(byte, &texts[0]);
                    Ok(None)
                }
                "replace" if args.len() == 2 => {
                    if !texts[0].is_empty() {
                        text = text.replace(&texts[0], &texts[1]);
                    }
                    Ok(None)
                }
                "remove" if args.len() == 2 => {
                    let (start, count) = (arg_int(args, 0).max(0), arg_int(args, 1).max(0));
                    if start + count > old_len {
                        Err(method_exception(
                            s,
                            name,
                            2,
                            "System.ArgumentOutOfRangeException",
                            "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'length')",
                            span,
                        ))
                    } else {
                        text = text
                            .chars()
                            .enumerate()
                            .filter(|(i, _)| (*i as i64) < start || (*i as i64) >= start + count)
                            .map(|(_, c)| c)
                            .collect();
                        Ok(None)
                    }
                }
                "clear" if args.is_empty() => {
                    text.clear();
                    new_len = Some(0);
                    Ok(None)
                }
                "tostring" if args.is_empty() => Ok(Some(Value::str(text.clone()))),
                "append" | "appendline" | "appendformat" | "insert" | "replace" | "remove"
                | "clear" | "tostring" => Err(overload_error(s, name, args.len(), span)),
                _ => Err(method_not_found(s, STRING_BUILDER, name, span)),
            };
            let new_len = new_len.unwrap_or_else(|| text.chars().count() as i64);
            let mut b = o.borrow_mut();
            b.text = Some(text);
            match outcome {
                Err(e) => Err(e),
                Ok(Some(v)) => Ok(v),
                Ok(None) => {
                    let capacity = builder_capacity(capacity, old_len, new_len);
                    b.native = Some(Native::StringBuilder {
                        capacity,
                        len: new_len,
                    });
                    sync_builder(&mut b);
                    drop(b);
                    // Append and the like return the builder itself.
                    Ok(target.clone())
                }
            }
        }
        Native::Encoding(kind) => {
            return super::encoding::encoding_method(s, kind, lower, name, args, span);
        }
        Native::VarRef { .. } | Native::MemberSet(_) => return None,
        Native::Wildcard {
            pattern,
            ignore_case,
        } => match (lower, args.len()) {
            ("ismatch", 1) => Ok(Value::Bool(crate::runtime::operators::wildcard_match(
                &pattern,
                &args[0].to_ps_string(),
                !ignore_case,
            ))),
            ("towql", 0) => Ok(Value::str(pattern.replace('*', "%").replace('?', "_"))),
            _ => return None,
        },
        Native::Regex(_) | Native::RegexMatch { .. } | Native::StringComparer { .. } => {
            return None;
        }
    })
}

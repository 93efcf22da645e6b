//! The intrinsic `.Where()` and `.ForEach()` every value has (a scalar counts as a collection
//! of one), an array's own `Clone()`, and the `[array]` statics scripts call (`Sort`, `Reverse`,
//! `IndexOf`, `LastIndexOf`, `Clear`).

use super::{method_exception, overload_error};
use crate::runtime::Out;
use crate::runtime::flow::Flow;
use crate::runtime::interpreter::collapse;
use crate::runtime::session::Session;
use crate::runtime::value::Value;
use crate::syntax::Span;

/// `.Where(filter [, mode [, count]])` over `items`: the modes of WhereOperatorSelectionMode.
pub(super) fn where_method(
    s: &mut Session,
    items: Vec<Value>,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let Some(Value::ScriptBlock(sb)) = args.first() else {
        return Err(overload_error(s, name, args.len(), span));
    };
    if args.len() > 3 {
        return Err(overload_error(s, name, args.len(), span));
    }
    let mode = match args.get(1) {
        None => "default".to_string(),
        Some(m) => m.to_ps_string().to_ascii_lowercase(),
    };
    if !matches!(
        mode.as_str(),
        "default" | "first" | "last" | "skipuntil" | "until" | "split"
    ) {
        let message = format!(
            "Cannot convert value \"{}\" to type \"System.Management.Automation.WhereOperatorSelectionMode\". Error: \"Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\nDefault, First, Last, SkipUntil, Until, Split\"",
            args[1].to_ps_string(),
            args[1].to_ps_string()
        );
        return Err(s.runtime_error(
            "ConvertToFinalInvalidCastException",
            message,
            crate::runtime::error_record::ErrorCategory::InvalidArgument,
            span,
        ));
    }
    let count = match args.get(2) {
        None => 0,
        Some(v) => crate::runtime::conversion::to_int(v, "System.Int32").unwrap_or(0),
    };
    if count < 0 {
        return Err(method_exception(
            s,
            name,
            args.len(),
            "System.ArgumentOutOfRangeException",
            "The 'numberToReturn' argument must be greater than or equal to zero. (Parameter 'numberToReturn')",
            span,
        ));
    }
    let count = count as usize;
    let sb = sb.clone();
    let test = |s: &mut Session, item: &Value| -> Result<bool, Flow> {
        s.scopes
            .set("_", item.clone(), crate::runtime::scope::Qualifier::Local);
        let mut produced = Vec::new();
        s.exec_script_body(&sb, &mut Out::Collect(&mut produced))?;
        Ok(collapse(produced).is_truthy())
    };
    let mut out = Vec::new();
    match mode.as_str() {
        "default" => {
            for item in items {
                if test(s, &item)? {
                    out.push(item);
                    if count > 0 && out.len() == count {
                        break;
                    }
                }
            }
        }
        "first" => {
            let want = count.max(1);
            for item in items {
                if test(s, &item)? {
                    out.push(item);
                    if out.len() == want {
                        break;
                    }
                }
            }
        }
        "last" => {
            let want = count.max(1);
            for item in items {
                if test(s, &item)? {
                    out.push(item);
                }
            }
            let skip = out.len().saturating_sub(want);
            out.drain(..skip);
        }
        "skipuntil" => {
            let mut on = false;
            for item in items {
                if !on && test(s, &item)? {
                    on = true;
                }
                if on {
                    out.push(item);
                    if count > 0 && out.len() == count {
                        break;
                    }
                }
            }
        }
        "until" => {
            for item in items {
                if test(s, &item)? {
                    break;
                }
                out.push(item);
                if count > 0 && out.len() == count {
                    break;
                }
            }
        }
        _ => {
            // Split: the matches (up to `count`) and everything else, as two collections.
            let (mut yes, mut no) = (Vec::new(), Vec::new());
            for item in items {
                if (count == 0 || yes.len() < count) && test(s, &item)? {
                    yes.push(item);
                } else {
                    no.push(item);
                }
            }
            return Ok(Value::array(vec![Value::array(yes), Value::array(no)]));
        }
    }
    Ok(Value::array(out))
}

/// `.ForEach(expression [, arguments...])`: a script block run for each item (the arguments are
/// its `$args`), a type each item converts to, or the name of a property (no arguments) or
/// method (with them) of each item.
pub(super) fn foreach_method(
    s: &mut Session,
    items: Vec<Value>,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let Some(first) = args.first() else {
        return Err(overload_error(s, name, 0, span));
    };
    let mut out = Vec::new();
    match first {
        Value::ScriptBlock(sb) => {
            for item in items {
                s.scopes
                    .set("_", item.clone(), crate::runtime::scope::Qualifier::Local);
                s.scopes.set(
                    "args",
                    Value::array(args[1..].to_vec()),
                    crate::runtime::scope::Qualifier::Local,
                );
                s.exec_script_body(sb, &mut Out::Collect(&mut out))?;
            }
        }
        Value::Type(t) => {
            for item in items {
                out.push(super::types::cast(s, item, t.as_ref(), span)?);
            }
        }
        other => {
            let member = other.to_ps_string();
            for item in items {
                let v = if args.len() == 1 {
                    // A property by that name, else a method taking no arguments.
                    match super::access::get_member(s, &item, &member, false, span)? {
                        Value::Null => {
                            super::calls::invoke_method(s, &item, &member, Vec::new(), false, span)
                                .unwrap_or(Value::Null)
                        }
                        v => v,
                    }
                } else {
                    super::calls::invoke_method(s, &item, &member, args[1..].to_vec(), false, span)?
                };
                match v {
                    Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                    Value::Null if args.len() > 1 => {}
                    v => out.push(v),
                }
            }
        }
    }
    Ok(Value::array(out))
}

/// `[array]::M(...)`: the System.Array statics that work on one array in place or search it.
pub(super) fn array_static(
    s: &mut Session,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let Some(Value::Array(items)) = args.first() else {
        return None;
    };
    let eq = |a: &Value, b: &Value| crate::runtime::operators::values_equal(a, b, true);
    Some(match (lower, args.len()) {
        ("sort", 1) => {
            let mut sorted = items.borrow().items.clone();
            sorted.sort_by(|a, b| crate::runtime::operators::sort_order(a, b, false));
            items.borrow_mut().items = sorted;
            Ok(Value::Null)
        }
        ("reverse", 1) => {
            items.borrow_mut().items.reverse();
            Ok(Value::Null)
        }
        ("indexof", 2) => Ok(Value::int(
            items
                .borrow()
                .iter()
                .position(|x| eq(x, &args[1]))
                .map_or(-1, |i| i as i32),
        )),
        ("lastindexof", 2) => Ok(Value::int(
            items
                .borrow()
                .iter()
                .rposition(|x| eq(x, &args[1]))
                .map_or(-1, |i| i as i32),
        )),
        ("clear", 3) => {
            let (from, n) = (args[1].as_i64().unwrap_or(0), args[2].as_i64().unwrap_or(0));
            let len = items.borrow().len() as i64;
            if from < 0 || n < 0 || from + n > len {
                return Some(Err(method_exception(
                    s,
                    name,
                    3,
                    "System.IndexOutOfRangeException",
                    "Index was outside the bounds of the array.",
                    span,
                )));
            }
            let mut b = items.borrow_mut();
            for slot in &mut b.items[from as usize..(from + n) as usize] {
                *slot = Value::Null;
            }
            Ok(Value::Null)
        }
        _ => return None,
    })
}

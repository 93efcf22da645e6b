//! Indexing: `$a[i]`, slices, negative indexes, hashtable keys, strings as chars, and values
//! without an indexer as one-element collections; index assignment.

use super::calls::receiver_type;
use crate::runtime::conversion;
use crate::runtime::error_record::ErrorCategory;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::value::Value;
use crate::syntax::Span;

/// `target[index]`.
pub fn index(s: &mut Session, target: &Value, idx: &Value, span: Span) -> Result<Value, Flow> {
    match target {
        Value::Null => Err(s.runtime_error(
            "NullArray",
            "Cannot index into a null array.",
            ErrorCategory::InvalidOperation,
            span,
        )),
        Value::Hashtable(h) => {
            if let Value::Array(keys) = idx {
                let h = h.borrow();
                return Ok(Value::array(
                    keys.borrow()
                        .iter()
                        .map(|k| h.get(k).unwrap_or(Value::Null))
                        .collect(),
                ));
            }
            if idx.is_null() {
                return Err(null_index(s, span));
            }
            let h = h.borrow();
            // An ordered dictionary's Int32 indexer is positional (OrderedDictionary[int]):
            // `$o[1]` is the second entry whatever the keys; past either end, nothing.
            if h.ordered
                && h.generic.is_none()
                && let Value::Num(crate::runtime::number::Number::Int32(n)) = idx
            {
                let len = h.len() as i64;
                let i = if *n < 0 { len + *n as i64 } else { *n as i64 };
                return Ok(if i >= 0 && i < len {
                    h.iter()
                        .nth(i as usize)
                        .map(|(_, v)| v.clone())
                        .unwrap_or(Value::Null)
                } else {
                    Value::Null
                });
            }
            Ok(h.get(idx).unwrap_or(Value::Null))
        }
        Value::Array(items) => {
            let items = items.borrow();
            // A regex GroupCollection is indexed by group name too (`$m.Groups['name']`).
            if let Some(group) = crate::runtime::regex::dotnet::group_index(&items, idx) {
                return Ok(group);
            }
            if s.strict_mode() >= 3 {
                // Strict mode 3 refuses indexes past either end.
                let len = items.len() as i64;
                for i in idx.enumerate() {
                    let n = conversion::to_int(&i, "System.Int32").unwrap_or(0);
                    if n >= len || n < -len {
                        let mut rec = crate::runtime::errors::runtime(
                            "System.IndexOutOfRangeException",
                            "Index was outside the bounds of the array.",
                            ErrorCategory::OperationStopped,
                        );
                        rec.exception.type_name = "System.IndexOutOfRangeException".into();
                        return Err(s.runtime_record_error(rec, span));
                    }
                }
            }
            let pick = |i: &Value| -> Value {
                match conversion::to_int(i, "System.Int32") {
                    Ok(n) => {
                        let len = items.len() as i64;
                        let n = if n < 0 { len + n } else { n };
                        if n >= 0 && n < len {
                            items[n as usize].clone()
                        } else {
                            Value::Null
                        }
                    }
                    Err(_) => Value::Null,
                }
            };
            match idx {
                Value::Array(many) => Ok(Value::array(many.borrow().iter().map(pick).collect())),
                one => Ok(pick(one)),
            }
        }
        // A string indexes its UTF-16 code units, each a Char.
        Value::String(text) => {
            let units: Vec<u16> = text.encode_utf16().collect();
            let pick = |i: &Value| -> Value {
                let Ok(n) = conversion::to_int(i, "System.Int32") else {
                    return Value::Null;
                };
                let n = if n < 0 { units.len() as i64 + n } else { n };
                usize::try_from(n)
                    .ok()
                    .and_then(|n| units.get(n))
                    .map_or(Value::Null, |c| Value::Char(*c))
            };
            Ok(match idx {
                Value::Array(many) => Value::array(many.borrow().iter().map(pick).collect()),
                one => pick(one),
            })
        }
        // Anything without an indexer is a one-element collection: `[0]` and `[-1]` give the
        // object itself, any other index `$null` (an error under strict mode 3).
        other => {
            let position = match idx {
                Value::Array(_) => None,
                one => conversion::to_int(one, "System.Int32").ok(),
            };
            match position {
                Some(0 | -1) => Ok(other.clone()),
                _ if s.strict_mode() >= 3 => Err(s.runtime_error(
                    "CannotIndex",
                    format!(
                        "Unable to index into an object of type \"{}\".",
                        receiver_type(other)
                    ),
                    ErrorCategory::InvalidOperation,
                    span,
                )),
                _ => Ok(Value::Null),
            }
        }
    }
}

/// `target[index] = value`.
pub fn set_index(
    s: &mut Session,
    target: &Value,
    idx: &Value,
    value: Value,
    span: Span,
) -> Result<(), Flow> {
    match target {
        Value::Hashtable(h) => {
            if idx.is_null() {
                return Err(null_index(s, span));
            }
            let generic = h.borrow().generic.clone();
            let (key, value) = match generic {
                Some(types) => {
                    super::generic::dictionary_set(&types, idx, &value).map_err(|m| {
                        let id = crate::runtime::errors::cast_error_id(&value, &types.value);
                        s.runtime_error(id, m, ErrorCategory::InvalidArgument, span)
                    })?
                }
                None => (idx.clone(), value),
            };
            h.borrow_mut().insert(key, value);
            Ok(())
        }
        Value::Array(items) => {
            let mut items = items.borrow_mut();
            let n = conversion::to_int(idx, "System.Int32").unwrap_or(i64::MAX);
            let len = items.len() as i64;
            let i = if n < 0 { len + n } else { n };
            if i >= 0 && i < len {
                items[i as usize] = value;
                Ok(())
            } else {
                // The .NET exception the store raises, reported as pwsh 7.6 does
                // (OperationStopped, the exception's type as the error id).
                let (ty, message) = if items.kind.is_list() {
                    (
                        "System.ArgumentOutOfRangeException",
                        "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
                    )
                } else {
                    (
                        "System.IndexOutOfRangeException",
                        "Index was outside the bounds of the array.",
                    )
                };
                let mut ex = crate::runtime::ExceptionInfo::new(ty, message);
                if items.kind.is_list() {
                    ex.param_name = Some("index".into());
                }
                let rec = crate::runtime::ErrorRecord::new(ex, ty, ErrorCategory::OperationStopped);
                Err(s.runtime_record_error(rec, span))
            }
        }
        Value::Null => Err(s.runtime_error(
            "NullArray",
            "Cannot index into a null array.",
            ErrorCategory::InvalidOperation,
            span,
        )),
        other => Err(s.runtime_error(
            "CannotIndex",
            format!(
                "Unable to index into an object of type \"{}\".",
                other.type_name()
            ),
            ErrorCategory::InvalidOperation,
            span,
        )),
    }
}

/// `$h[$null]`: a dictionary has no null key (pwsh's NullArrayIndex).
fn null_index(s: &Session, span: Span) -> Flow {
    s.runtime_error(
        "NullArrayIndex",
        "Index operation failed; the array index evaluated to null.",
        ErrorCategory::InvalidOperation,
        span,
    )
}

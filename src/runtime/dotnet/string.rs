//! `System.String` instance methods.

use super::*;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::value::Value;
use crate::syntax::Span;

/// `String.Split` for the overload the binder chose: a string separator splits on the whole
/// string (an empty one not at all), a char or char array on any of its characters (none:
/// white space); an Int32 argument caps the number of parts; StringSplitOptions remove empty
/// entries and trim them.
pub(super) fn string_split(text: &str, args: &[Value]) -> Value {
    enum Sep {
        Whole(String),
        Chars(Vec<char>),
    }
    let sep = match args.first() {
        Some(Value::String(s)) => Sep::Whole(s.to_string()),
        Some(Value::Char(c)) => Sep::Chars(crate::runtime::value::char_text(*c).chars().collect()),
        Some(Value::Array(items)) => Sep::Chars(
            items
                .borrow()
                .iter()
                .flat_map(|c| c.to_ps_string().chars().collect::<Vec<_>>())
                .collect(),
        ),
        Some(Value::Null) | None => Sep::Chars(Vec::new()),
        Some(other) => Sep::Whole(other.to_ps_string()),
    };
    let mut count: Option<usize> = None;
    let (mut remove_empty, mut trim) = (false, false);
    for a in args.iter().skip(1) {
        match a {
            Value::Num(n) => count = n.as_i128().map(|v| v.max(0) as usize),
            other => {
                let text = other.to_ps_string();
                for flag in text.split(',') {
                    match flag.trim().to_ascii_lowercase().as_str() {
                        "removeemptyentries" | "1" => remove_empty = true,
                        "trimentries" | "2" => trim = true,
                        "3" => {
                            remove_empty = true;
                            trim = true;
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    let mut parts: Vec<String> = match &sep {
        Sep::Whole(s) if s.is_empty() => vec![text.to_string()],
        Sep::Whole(s) => text.split(s.as_str()).map(str::to_string).collect(),
        Sep::Chars(chars) if chars.is_empty() => text
            .split(char::is_whitespace)
            .map(str::to_string)
            .collect(),
        Sep::Chars(chars) => text
            .split(|c| chars.contains(&c))
            .map(str::to_string)
            .collect(),
    };
    if let Some(limit) = count
        && limit > 0
        && parts.len() > limit
    {
        // The last part keeps the rest of the text, separators included.
        let head: Vec<String> = parts[..limit - 1].to_vec();
        let consumed: usize = head.iter().map(|p| p.len()).sum::<usize>()
            + (limit - 1)
                * match &sep {
                    Sep::Whole(s) => s.len(),
                    Sep::Chars(_) => 1,
                };
        let mut head = head;
        head.push(text.get(consumed..).unwrap_or_default().to_string());
        parts = head;
    }
    if count == Some(0) {
        parts.clear();
    }
    Value::array(
        parts
            .into_iter()
            .map(|p| if trim { p.trim().to_string() } else { p })
            .filter(|p| !remove_empty || !p.is_empty())
            .map(Value::str)
            .collect(),
    )
}

pub(super) fn string_method(
    s: &Session,
    text: &str,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let cs_arg = |i: usize| -> bool {
        // StringComparison.OrdinalIgnoreCase and friends as the last argument.
        args.get(i)
            .map(|v| v.to_ps_string().to_ascii_lowercase().contains("ignorecase"))
            .unwrap_or(false)
    };
    let v = match (lower, args.len()) {
        // Equals(value, comparisonType): ordinal unless the comparison ignores case.
        ("equals", 2) => {
            let other = match &args[0] {
                Value::Null => return Ok(Value::Bool(false)),
                v => v.to_ps_string(),
            };
            Value::Bool(if cs_arg(1) {
                text.to_lowercase() == other.to_lowercase()
            } else {
                text == other
            })
        }
        ("trim", 0) => Value::str(text.trim()),
        ("trim", _) => {
            let chars: Vec<char> = args
                .iter()
                .flat_map(|a| a.to_ps_string().chars().collect::<Vec<_>>())
                .collect();
            Value::str(text.trim_matches(|c| chars.contains(&c)))
        }
        ("trimstart", 0) => Value::str(text.trim_start()),
        ("trimstart", _) => {
            let chars: Vec<char> = arg_string(args, 0).chars().collect();
            Value::str(text.trim_start_matches(|c| chars.contains(&c)))
        }
        ("trimend", 0) => Value::str(text.trim_end()),
        ("trimend", _) => {
            let chars: Vec<char> = arg_string(args, 0).chars().collect();
            Value::str(text.trim_end_matches(|c| chars.contains(&c)))
        }
        ("tolower" | "tolowerinvariant", 0) => Value::str(text.to_lowercase()),
        ("toupper" | "toupperinvariant", 0) => Value::str(text.to_uppercase()),
        ("split", _) => string_split(text, args),
        ("replace", 2) => {
            let from = arg_string(args, 0);
            if from.is_empty() {
                return Err(method_exception(
                    s,
                    name,
                    2,
                    "System.ArgumentException",
                    "String cannot be of zero length. (Parameter 'oldValue')",
                    span,
                ));
            }
            Value::str(text.replace(&from, &arg_string(args, 1)))
        }
        ("startswith", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().starts_with(&p.to_lowercase())
            } else {
                text.starts_with(&p)
            })
        }
        ("endswith", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().ends_with(&p.to_lowercase())
            } else {
                text.ends_with(&p)
            })
        }
        ("contains", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::Bool(if cs_arg(1) {
                text.to_lowercase().contains(&p.to_lowercase())
            } else {
                text.contains(&p)
            })
        }
        ("indexof", 1 | 2) => {
            let p = arg_string(args, 0);
            Value::integer(
                text.find(&p)
                    .map_or(-1, |b| text[..b].chars().count() as i64),
            )
        }
        ("lastindexof", 1) => {
            let p = arg_string(args, 0);
            Value::integer(
                text.rfind(&p)
                    .map_or(-1, |b| text[..b].chars().count() as i64),
            )
        }
        ("substring", 1 | 2) => {
            let chars: Vec<char> = text.chars().collect();
            let start = arg_int(args, 0);
            let len = if args.len() == 2 {
                arg_int(args, 1)
            } else {
                chars.len() as i64 - start
            };
            if start < 0 || len < 0 || start + len > chars.len() as i64 {
                let inner = if start < 0 {
                    "StartIndex cannot be less than zero. (Parameter 'startIndex')"
                } else if start > chars.len() as i64 {
                    "startIndex cannot be larger than length of string. (Parameter 'startIndex')"
                } else if len < 0 {
                    "Length cannot be less than zero. (Parameter 'length')"
                } else {
                    "Index and length must refer to a location within the string. (Parameter 'length')"
                };
                return Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.ArgumentOutOfRangeException",
                    inner,
                    span,
                ));
            }
            Value::str(
                chars[start as usize..(start + len) as usize]
                    .iter()
                    .collect::<String>(),
            )
        }
        ("padleft", 1 | 2) => {
            let w = arg_int(args, 0).max(0) as usize;
            if let Err(m) = crate::runtime::memory::check_string(w) {
                return Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.OutOfMemoryException",
                    m,
                    span,
                ));
            }
            let c = arg_string(args, 1).chars().next().unwrap_or(' ');
            let n = text.chars().count();
            Value::str(format!(
                "{}{text}",
                c.to_string().repeat(w.saturating_sub(n))
            ))
        }
        ("padright", 1 | 2) => {
            let w = arg_int(args, 0).max(0) as usize;
            if let Err(m) = crate::runtime::memory::check_string(w) {
                return Err(method_exception(
                    s,
                    name,
                    args.len(),
                    "System.OutOfMemoryException",
                    m,
                    span,
                ));
            }
            let c = arg_string(args, 1).chars().next().unwrap_or(' ');
            let n = text.chars().count();
            Value::str(format!(
                "{text}{}",
                c.to_string().repeat(w.saturating_sub(n))
            ))
        }
        ("insert", 2) => {
            let chars: Vec<char> = text.chars().collect();
            let at = (arg_int(args, 0).max(0) as usize).min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.push_str(&arg_string(args, 1));
            out.extend(&chars[at..]);
            Value::str(out)
        }
        ("remove", 1 | 2) => {
            let chars: Vec<char> = text.chars().collect();
            let at = (arg_int(args, 0).max(0) as usize).min(chars.len());
            let len = if args.len() == 2 {
                arg_int(args, 1).max(0) as usize
            } else {
                chars.len() - at
            };
            let end = (at + len).min(chars.len());
            let mut out: String = chars[..at].iter().collect();
            out.extend(&chars[end..]);
            Value::str(out)
        }
        ("tochararray", 0) => {
            Value::array(text.chars().map(|c| Value::str(c.to_string())).collect())
        }
        ("normalize", _) | ("clone", 0) => Value::str(text),
        ("compareto", 1) => Value::integer(match text.cmp(&arg_string(args, 0)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        _ => {
            let known = [
                "trim",
                "trimstart",
                "trimend",
                "tolower",
                "toupper",
                "split",
                "replace",
                "startswith",
                "endswith",
                "contains",
                "indexof",
                "substring",
                "padleft",
                "padright",
                "insert",
                "remove",
            ];
            if known.contains(&lower) {
                return Err(overload_error(s, name, args.len(), span));
            }
            return Err(method_not_found(s, "System.String", name, span));
        }
    };
    Ok(v)
}

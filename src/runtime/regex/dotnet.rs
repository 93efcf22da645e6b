//! The engine as PowerShell sees it: `[regex]` objects and statics, Match, Group and Capture
//! objects with .NET's properties, `$Matches`, and the `-match`, `-replace` and `-split`
//! operators (after PowerShell's ParserOps: IgnoreCase unless `-c...`, a `[regex]` operand used
//! as it is, script block replacements with `$_` as the Match, `-split`'s limit, options and
//! predicate).

use std::rc::Rc;

use super::{Match, Regex, Replacement, TIMEOUT_MESSAGE, opt, text, units};
use crate::runtime::binder::CommandArg;
use crate::runtime::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use crate::runtime::errors;
use crate::runtime::flow::Flow;
use crate::runtime::scope::Qualifier;
use crate::runtime::session::{Out, Session};
use crate::runtime::value::{Array, ArrayKind, EnumValue, Hashtable, Native, PsObject, Value};
use crate::syntax::Span;

pub const REGEX: &str = "System.Text.RegularExpressions.Regex";
pub const MATCH: &str = "System.Text.RegularExpressions.Match";
pub const GROUP: &str = "System.Text.RegularExpressions.Group";
pub const CAPTURE: &str = "System.Text.RegularExpressions.Capture";
pub const OPTIONS: &str = "System.Text.RegularExpressions.RegexOptions";
const PARSE_EXCEPTION: &str = "System.Text.RegularExpressions.RegexParseException";
const TIMEOUT_EXCEPTION: &str = "System.Text.RegularExpressions.RegexMatchTimeoutException";

fn collection(name: &str, items: Vec<Value>) -> Value {
    Value::array_of(
        ArrayKind::Collection(Rc::from(format!("System.Text.RegularExpressions.{name}"))),
        items,
    )
}

/// A `[regex]` object.
pub fn regex_object(re: Rc<Regex>) -> Value {
    let mut o = PsObject::new(REGEX).with_text(re.pattern.clone());
    o.type_names.push("System.Object".into());
    o.set(
        "Options",
        Value::Enum(EnumValue::new(OPTIONS, i64::from(re.options))),
    );
    o.set("RightToLeft", Value::Bool(re.right_to_left()));
    // Regex.InfiniteMatchTimeout: -1 ms.
    o.set(
        "MatchTimeout",
        Value::TimeSpan(crate::runtime::timespan::TimeSpan::from_ticks(-10_000)),
    );
    o.native = Some(Native::Regex(re));
    Value::object(o)
}

/// The compiled pattern behind a `[regex]` value.
pub fn regex_of(v: &Value) -> Option<Rc<Regex>> {
    match v {
        Value::Object(o) => match &o.borrow().native {
            Some(Native::Regex(re)) => Some(re.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn capture_object(input: &[u16], cap: (usize, usize)) -> PsObject {
    let value = text(input, cap);
    let mut o = PsObject::new(CAPTURE).with_text(value.clone());
    o.type_names.push("System.Object".into());
    o.set("Index", Value::count(cap.0));
    o.set("Length", Value::count(cap.1));
    o.set("Value", Value::str(value));
    o.set("ValueSpan", Value::Null);
    o
}

/// A Group (or, with `groups`, the Match) object: Success, Name, Captures, Index, Length,
/// Value, ValueSpan. The last of a group's captures is the group itself in .NET; here it is a
/// copy of it without its own captures (no reference cycles).
fn group_object(
    re: &Regex,
    input: &[u16],
    m: Option<&Match>,
    slot: usize,
    groups: Option<Value>,
) -> Value {
    let caps: &[(usize, usize)] = m
        .and_then(|m| m.caps.get(slot))
        .map_or(&[], |c| c.as_slice());
    let last = caps.last().copied().unwrap_or((0, 0));
    let value = if caps.is_empty() {
        String::new()
    } else {
        text(input, last)
    };
    let name = re.names.get(slot).cloned().unwrap_or_else(|| "0".into());
    let ty = if groups.is_some() { MATCH } else { GROUP };
    let make = |captures: Value| {
        let mut o = PsObject::new(ty).with_text(value.clone());
        if let Some(g) = &groups {
            o.type_names.push(GROUP.into());
            o.set("Groups", g.clone());
        }
        o.type_names.push(CAPTURE.into());
        o.type_names.push("System.Object".into());
        o.set("Success", Value::Bool(!caps.is_empty()));
        o.set("Name", Value::str(&name));
        o.set("Captures", captures);
        o.set("Index", Value::count(last.0));
        o.set("Length", Value::count(last.1));
        o.set("Value", Value::str(&value));
        o.set("ValueSpan", Value::Null);
        o
    };
    let mut items: Vec<Value> = caps[..caps.len().saturating_sub(1)]
        .iter()
        .map(|c| Value::object(capture_object(input, *c)))
        .collect();
    if !caps.is_empty() {
        items.push(Value::object(make(collection(
            "CaptureCollection",
            Vec::new(),
        ))));
    }
    Value::object(make(collection("CaptureCollection", items)))
}

/// A Match object (`Match.Empty`-like when `m` is `None`), able to continue with NextMatch.
pub fn match_object(re: &Rc<Regex>, input: &Rc<[u16]>, m: Option<&Match>) -> Value {
    // A failed match is Match.Empty: group 0 only.
    let count = if m.is_some() { re.names.len() } else { 1 };
    let groups: Vec<Value> = (0..count)
        .map(|slot| group_object(re, input, m, slot, None))
        .collect();
    let v = group_object(re, input, m, 0, Some(collection("GroupCollection", groups)));
    if let Value::Object(o) = &v {
        o.borrow_mut().native = Some(Native::RegexMatch {
            regex: re.clone(),
            input: input.clone(),
            next: m.and_then(|m| re.next_start(input, m)),
        });
    }
    v
}

/// `$Matches` after a successful `-match`: each group that took part, by name, numbers as
/// Int32 keys. pwsh's Hashtable order follows string hash codes that change from run to run;
/// aapsh lists the groups in the reverse of GetGroupNames (see docs/fidelity.md).
fn matches_table(re: &Regex, input: &[u16], m: &Match) -> Value {
    let mut table = Hashtable::new(false);
    for slot in (0..re.names.len()).rev() {
        if let Some(g) = m.group(slot) {
            let name = &re.names[slot];
            let key = match name.parse::<i32>() {
                Ok(n) => Value::int(n),
                Err(_) => Value::str(name),
            };
            table.insert(key, Value::str(text(input, g)));
        }
    }
    Value::hashtable(table)
}

fn timeout_record() -> ErrorRecord {
    let mut r = errors::runtime(
        TIMEOUT_EXCEPTION,
        TIMEOUT_MESSAGE,
        ErrorCategory::OperationStopped,
    );
    r.exception.type_name = TIMEOUT_EXCEPTION.into();
    r
}

fn timeout(s: &Session, span: Span) -> Flow {
    s.runtime_record_error(timeout_record(), span)
}

/// The pattern of a `-match` operand: a `[regex]` as it is, else the text compiled with
/// IgnoreCase unless case-sensitive. A bad pattern stops the statement with .NET's message.
fn operand_regex(s: &Session, pattern: &Value, cs: bool, span: Span) -> Result<Rc<Regex>, Flow> {
    if let Some(re) = regex_of(pattern) {
        return Ok(re);
    }
    let options = if cs { 0 } else { opt::IGNORE_CASE };
    Regex::cached(&pattern.to_ps_string(), options).map_err(|message| {
        let mut r = errors::runtime(PARSE_EXCEPTION, message, ErrorCategory::OperationStopped);
        r.exception.type_name = PARSE_EXCEPTION.into();
        s.runtime_record_error(r, span)
    })
}

/// `value -match pattern` on one value; sets `$Matches` when it matches and `set_matches`.
pub fn match_operator(
    s: &mut Session,
    value: &Value,
    pattern: &Value,
    cs: bool,
    set_matches: bool,
    span: Span,
) -> Result<bool, Flow> {
    let re = operand_regex(s, pattern, cs, span)?;
    let input = units(&if value.is_null() {
        String::new()
    } else {
        value.to_ps_string()
    });
    let m = re.find(&input).map_err(|_| timeout(s, span))?;
    if let Some(m) = &m
        && set_matches
    {
        let table = matches_table(&re, &input, m);
        s.scopes.set("Matches", table, Qualifier::None);
    }
    Ok(m.is_some())
}

/// Runs `block` with `$_` set to `item` in the current scope, returning its output as text
/// (a MatchEvaluator or a `-split` predicate).
fn run_with_item(
    s: &mut Session,
    block: &Rc<crate::syntax::ast::ScriptBlockAst>,
    item: Value,
    args: Vec<Value>,
) -> Result<Value, Flow> {
    let saved: Vec<(&str, Option<Value>)> = ["_", "PSItem"]
        .into_iter()
        .map(|n| {
            (
                n,
                s.scopes
                    .target(n, Qualifier::Local)
                    .map(|v| v.value.clone()),
            )
        })
        .collect();
    s.scopes.set("_", item.clone(), Qualifier::Local);
    s.scopes.set("PSItem", item, Qualifier::Local);
    if !args.is_empty() {
        s.scopes.set("args", Value::array(args), Qualifier::Local);
    }
    let mut out = Vec::new();
    let result = s.run_block_here(block, &mut out);
    for (name, value) in saved {
        match value {
            Some(v) => s.scopes.set(name, v, Qualifier::Local),
            None => {
                s.scopes.remove(name, Qualifier::Local);
            }
        }
    }
    result?;
    Ok(crate::runtime::collapse(out))
}

fn evaluator_text(s: &Session, v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let ofs = s
                .scopes
                .get("OFS", Qualifier::None)
                .map(|o| o.value.to_ps_string())
                .unwrap_or_else(|| " ".into());
            items
                .borrow()
                .iter()
                .map(Value::to_ps_string)
                .collect::<Vec<_>>()
                .join(&ofs)
        }
        other => other.to_ps_string(),
    }
}

/// What replaces each match: a replacement pattern or a script block.
enum Substitute {
    Pattern(Replacement),
    Block(Rc<crate::syntax::ast::ScriptBlockAst>),
}

fn substitute(re: &Regex, v: &Value) -> Substitute {
    match v {
        Value::ScriptBlock(b) => Substitute::Block(b.clone()),
        other => Substitute::Pattern(Replacement::parse(re, &other.to_ps_string())),
    }
}

/// Replaces up to `limit` matches in `input`; a block runs with `$_` (or its first argument)
/// as the Match.
fn replace_in(
    s: &mut Session,
    re: &Rc<Regex>,
    input: &str,
    sub: &Substitute,
    limit: Option<usize>,
    as_argument: bool,
    span: Span,
) -> Result<String, Flow> {
    let u: Rc<[u16]> = units(input).into();
    let result = match sub {
        Substitute::Pattern(r) => re.replace(&u, r, limit).map_err(|_| timeout(s, span))?,
        Substitute::Block(b) => {
            let out = re.replace_with(&u, limit, |m| {
                let obj = match_object(re, &u, Some(m));
                let r = if as_argument {
                    invoke_with_args(s, b, vec![obj], span)
                } else {
                    run_with_item(s, b, obj, Vec::new())
                };
                match r {
                    Ok(v) => Ok(units(&evaluator_text(s, &v))),
                    Err(f) => Err(super::ReplaceError::Evaluator(Box::new(f))),
                }
            });
            match out {
                Ok(o) => o,
                Err(super::ReplaceError::Timeout) => return Err(timeout(s, span)),
                Err(super::ReplaceError::Evaluator(f)) => {
                    return Err(*f.downcast::<Flow>().map_err(|_| timeout(s, span))?);
                }
            }
        }
    };
    Ok(String::from_utf16_lossy(&result))
}

fn invoke_with_args(
    s: &mut Session,
    b: &Rc<crate::syntax::ast::ScriptBlockAst>,
    args: Vec<Value>,
    span: Span,
) -> Result<Value, Flow> {
    let mut produced = Vec::new();
    let args = args
        .into_iter()
        .map(|value| CommandArg::Value { value, span })
        .collect();
    s.invoke_block_with_args(b, args, Vec::new(), false, &mut Out::Collect(&mut produced))?;
    Ok(crate::runtime::collapse(produced))
}

/// The `-replace` operator.
pub fn replace_operator(
    s: &mut Session,
    l: &Value,
    r: &Value,
    cs: bool,
    span: Span,
) -> Result<Value, Flow> {
    let parts = match r {
        Value::Array(items) => items.borrow().items.clone(),
        other => vec![other.clone()],
    };
    if parts.len() > 2 {
        return Err(s.runtime_error_at(
            "BadReplaceArgument",
            format!(
                "The {} operator allows only two elements to follow it, not {}.",
                if cs { "-creplace" } else { "-replace" },
                parts.len()
            ),
            ErrorCategory::InvalidOperation,
            span,
        ));
    }
    let pattern = parts.first().cloned().unwrap_or_else(|| Value::str(""));
    let re = match regex_of(&pattern) {
        Some(re) => re,
        None => {
            let text = pattern.to_ps_string();
            Regex::cached(&text, if cs { 0 } else { opt::IGNORE_CASE }).map_err(|inner| {
                let mut rec = errors::runtime(
                    "InvalidRegularExpression",
                    format!("The regular expression pattern {text} is not valid."),
                    ErrorCategory::InvalidOperation,
                );
                rec.exception.inner = Some(Box::new(ExceptionInfo::new(PARSE_EXCEPTION, inner)));
                rec.target_object = Some(pattern.clone());
                s.runtime_record_error(rec, span)
            })?
        }
    };
    let sub = substitute(&re, parts.get(1).unwrap_or(&Value::str("")));
    match l {
        Value::Array(items) => {
            let items = items.borrow().items.clone();
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(Value::str(replace_in(
                    s,
                    &re,
                    &item.to_ps_string(),
                    &sub,
                    None,
                    false,
                    span,
                )?));
            }
            Ok(Value::array(out))
        }
        other => {
            let text = if other.is_null() {
                String::new()
            } else {
                other.to_ps_string()
            };
            Ok(Value::str(replace_in(
                s, &re, &text, &sub, None, false, span,
            )?))
        }
    }
}

// SplitOptions.
const SIMPLE_MATCH: u32 = 1;
const REGEX_MATCH: u32 = 2;
const CULTURE_INVARIANT: u32 = 4;
const IGNORE_PATTERN_WHITESPACE: u32 = 8;
const MULTILINE: u32 = 16;
const SINGLELINE: u32 = 32;
const IGNORE_CASE: u32 = 64;
const EXPLICIT_CAPTURE: u32 = 128;

fn split_options(s: &Session, v: &Value, span: Span) -> Result<u32, Flow> {
    if let Value::Num(_) = v {
        return Ok(crate::runtime::conversion::to_int(v, "System.Int32").unwrap_or(0) as u32);
    }
    let text = v.to_ps_string();
    let mut o = 0;
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        o |= match part.to_ascii_lowercase().as_str() {
            "none" => 0,
            "simplematch" => SIMPLE_MATCH,
            "regexmatch" => REGEX_MATCH,
            "cultureinvariant" => CULTURE_INVARIANT,
            "ignorepatternwhitespace" => IGNORE_PATTERN_WHITESPACE,
            "multiline" => MULTILINE,
            "singleline" => SINGLELINE,
            "ignorecase" => IGNORE_CASE,
            "explicitcapture" => EXPLICIT_CAPTURE,
            _ => {
                return Err(s.runtime_error(
                    "InvalidCastFromStringToEnum",
                    format!(
                        "Cannot convert value \"{text}\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name {part} to a valid enumerator name. Specify one of the following enumerator names and try again:\nSimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture\""
                    ),
                    ErrorCategory::InvalidArgument,
                    span,
                ));
            }
        };
    }
    Ok(o)
}

/// The binary `-split` operator (ParserOps.SplitOperatorImpl).
pub fn split_operator(
    s: &mut Session,
    l: &Value,
    r: &Value,
    cs: bool,
    span: Span,
) -> Result<Value, Flow> {
    let args = match r {
        Value::Array(items) => items.borrow().items.clone(),
        other => vec![other.clone()],
    };
    let content: Vec<String> = l
        .enumerate()
        .iter()
        .map(|v| {
            if v.is_null() {
                String::new()
            } else {
                v.to_ps_string()
            }
        })
        .collect();
    let Some(first) = args.first() else {
        return Err(s.runtime_error(
            "BadOperatorArgument",
            "The argument to operator '-split' is not valid: .",
            ErrorCategory::InvalidOperation,
            span,
        ));
    };
    let limit = match args.get(1) {
        Some(v) => crate::runtime::conversion::to_int(v, "System.Int32").unwrap_or(0) as i32,
        None => 0,
    };
    let mut options = 0;
    let mut given = false;
    if let Some(o) = args.get(2)
        && !(matches!(o, Value::String(t) if t.is_empty()))
        && !o.is_null()
    {
        options = split_options(s, o, span)?;
        given = true;
    }
    if !cs {
        options |= IGNORE_CASE;
    }
    if let Value::ScriptBlock(block) = first {
        if given {
            return Err(s.runtime_error_at(
                "InvalidSplitOptionWithPredicate",
                "Options are not allowed on the -split operator with a predicate.",
                ErrorCategory::ParserError,
                span,
            ));
        }
        let block = block.clone();
        return split_with_predicate(s, &content, &block, limit);
    }
    if options & SIMPLE_MATCH == 0 {
        options |= REGEX_MATCH;
    }
    let mut pattern = first.to_ps_string();
    if options & SIMPLE_MATCH != 0 {
        if options & !(SIMPLE_MATCH | IGNORE_CASE) != 0 {
            return Err(s.runtime_error_at(
                "InvalidSplitOptionCombination",
                "The combination of options with the -split operator is not valid.",
                ErrorCategory::ParserError,
                span,
            ));
        }
        pattern = super::escape(&pattern);
    }
    let mut ro = 0;
    for (from, to) in [
        (CULTURE_INVARIANT, opt::CULTURE_INVARIANT),
        (IGNORE_PATTERN_WHITESPACE, opt::IGNORE_PATTERN_WHITESPACE),
        (MULTILINE, opt::MULTILINE),
        (SINGLELINE, opt::SINGLELINE),
        (IGNORE_CASE, opt::IGNORE_CASE),
        (EXPLICIT_CAPTURE, opt::EXPLICIT_CAPTURE),
    ] {
        if options & from != 0 {
            ro |= to;
        }
    }
    let mut count = limit;
    if count < 0 {
        ro |= opt::RIGHT_TO_LEFT;
        count = -count;
    }
    let re = Regex::cached(&pattern, ro).map_err(|message| {
        let mut r = errors::runtime(PARSE_EXCEPTION, message, ErrorCategory::OperationStopped);
        r.exception.type_name = PARSE_EXCEPTION.into();
        s.runtime_record_error(r, span)
    })?;
    let mut out = Vec::new();
    for item in content {
        let u = units(&item);
        let parts = re
            .split_ranges(&u, count as usize)
            .map_err(|_| timeout(s, span))?;
        out.reserve(parts.len());
        out.extend(
            parts
                .into_iter()
                .map(|r| Value::str(String::from_utf16_lossy(&u[r]))),
        );
    }
    Ok(Value::array(out))
}

fn split_with_predicate(
    s: &mut Session,
    content: &[String],
    block: &Rc<crate::syntax::ast::ScriptBlockAst>,
    limit: i32,
) -> Result<Value, Flow> {
    let mut results = Vec::new();
    if limit == 1 || limit == -1 {
        return Ok(Value::array(content.iter().map(Value::str).collect()));
    }
    for item in content {
        let u = units(item);
        let unit_text = |i: usize| String::from_utf16_lossy(&u[i..i + 1]);
        let mut split: Vec<String> = Vec::new();
        let mut len = 0usize;
        if limit >= 0 {
            let mut cursor = 0usize;
            while cursor < u.len() {
                let hit = run_with_item(
                    s,
                    block,
                    Value::str(unit_text(cursor)),
                    vec![Value::str(item), Value::count(cursor)],
                )?;
                if !hit.is_truthy() {
                    len += 1;
                    cursor += 1;
                    continue;
                }
                split.push(String::from_utf16_lossy(&u[cursor - len..cursor]));
                len = 0;
                cursor += 1;
                if limit as usize == split.len() + 1 {
                    break;
                }
            }
            if cursor == u.len() {
                split.push(String::from_utf16_lossy(&u[cursor - len..cursor]));
            } else {
                split.push(String::from_utf16_lossy(&u[cursor..]));
            }
        } else {
            let mut cursor = u.len() as isize - 1;
            while cursor >= 0 {
                let c = cursor as usize;
                let hit = run_with_item(
                    s,
                    block,
                    Value::str(unit_text(c)),
                    vec![Value::str(item), Value::count(c)],
                )?;
                if !hit.is_truthy() {
                    len += 1;
                    cursor -= 1;
                    continue;
                }
                split.push(String::from_utf16_lossy(&u[c + 1..c + 1 + len]));
                len = 0;
                cursor -= 1;
                if limit.unsigned_abs() as usize == split.len() + 1 {
                    break;
                }
            }
            if cursor == -1 {
                split.push(String::from_utf16_lossy(&u[..len]));
            } else {
                split.push(String::from_utf16_lossy(&u[..cursor as usize + 1]));
            }
            split.reverse();
        }
        results.extend(split.into_iter().map(Value::str));
    }
    Ok(Value::array(results))
}

/// The unary `-split`: runs of whitespace, leading and trailing whitespace ignored.
pub fn unary_split(v: &Value) -> Value {
    let mut out = Vec::new();
    for item in v.enumerate() {
        let text = item.to_ps_string();
        let trimmed = text.trim_matches(|c: char| c.is_whitespace());
        if trimmed.is_empty() {
            out.push(Value::str(""));
            continue;
        }
        out.extend(
            trimmed
                .split(char::is_whitespace)
                .filter(|p| !p.is_empty())
                .map(Value::str),
        );
    }
    Value::array(out)
}

// ---- [regex] members ----

fn method_error(
    s: &Session,
    method: &str,
    argc: usize,
    inner_type: &str,
    message: &str,
    span: Span,
) -> Flow {
    s.runtime_record_error(
        errors::method_invocation(method, argc, inner_type, message),
        span,
    )
}

fn arg_text(args: &[Value], i: usize) -> String {
    args.get(i)
        .map(|v| {
            if v.is_null() {
                String::new()
            } else {
                v.to_ps_string()
            }
        })
        .unwrap_or_default()
}

fn arg_int(args: &[Value], i: usize) -> Option<i64> {
    args.get(i)
        .and_then(|v| crate::runtime::conversion::to_int(v, "System.Int32").ok())
}

/// RegexOptions from an argument: the enum, a number or names.
fn options_arg(
    s: &Session,
    method: &str,
    args: &[Value],
    i: usize,
    span: Span,
) -> Result<u32, Flow> {
    match args.get(i) {
        None | Some(Value::Null) => Ok(0),
        Some(Value::Enum(e)) => Ok(e.value as u32),
        Some(v) => crate::runtime::conversion::to_enum_value(v, OPTIONS)
            .map(|e| e.value as u32)
            .map_err(|m| {
                s.runtime_record_error(
                    {
                        let mut r = ErrorRecord::new(
                            ExceptionInfo::new(
                                "System.Management.Automation.MethodException",
                                format!("Cannot convert argument \"options\", with value: \"{}\", for \"{method}\" to type \"{OPTIONS}\": \"{m}\"", v.to_ps_string()),
                            ),
                            "MethodArgumentConversionInvalidCastArgument",
                            ErrorCategory::NotSpecified,
                        );
                        r.exception.inner = Some(Box::new(ExceptionInfo::new(
                            "System.Management.Automation.PSInvalidCastException",
                            m,
                        )));
                        r
                    },
                    span,
                )
            }),
    }
}

fn compile_for(
    s: &Session,
    method: &str,
    argc: usize,
    pattern: &str,
    options: u32,
    span: Span,
) -> Result<Rc<Regex>, Flow> {
    Regex::cached(pattern, options)
        .map_err(|m| method_error(s, method, argc, PARSE_EXCEPTION, &m, span))
}

/// `[regex]'pattern'`: a Regex, or LanguagePrimitives' message for a bad pattern.
pub fn cast(pattern: &Value) -> Result<Value, String> {
    if regex_of(pattern).is_some() {
        return Ok(pattern.clone());
    }
    let text = pattern.to_ps_string();
    Regex::cached(&text, 0)
        .map(regex_object)
        .map_err(|inner| crate::runtime::conversion::cast_error_with_inner(&text, REGEX, &inner))
}

fn all_matches(
    s: &Session,
    re: &Rc<Regex>,
    input: &str,
    start: Option<usize>,
    span: Span,
) -> Result<Value, Flow> {
    let u: Rc<[u16]> = units(input).into();
    let start = start.unwrap_or(if re.right_to_left() { u.len() } else { 0 });
    let found = re.find_all(&u, start, None).map_err(|_| timeout(s, span))?;
    Ok(collection(
        "MatchCollection",
        found
            .iter()
            .map(|m| match_object(re, &u, Some(m)))
            .collect(),
    ))
}

fn one_match(
    s: &Session,
    re: &Rc<Regex>,
    input: &str,
    start: Option<usize>,
    span: Span,
) -> Result<Value, Flow> {
    let u: Rc<[u16]> = units(input).into();
    let start = start.unwrap_or(if re.right_to_left() { u.len() } else { 0 });
    let m = re.find_at(&u, start).map_err(|_| timeout(s, span))?;
    Ok(match_object(re, &u, m.as_ref()))
}

fn split_value(
    s: &Session,
    re: &Regex,
    input: &str,
    count: usize,
    span: Span,
) -> Result<Value, Flow> {
    let parts = re
        .split(&units(input), count)
        .map_err(|_| timeout(s, span))?;
    Ok(Value::array_of(
        ArrayKind::Typed(Rc::from("System.String")),
        parts
            .iter()
            .map(|p| Value::str(String::from_utf16_lossy(p)))
            .collect(),
    ))
}

/// `[regex]::Method(...)`; `None` for members aapsh does not model.
pub fn static_call(
    s: &mut Session,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let lower = name.to_ascii_lowercase();
    let argc = args.len();
    let method = match lower.as_str() {
        "new" => ".ctor",
        _ => name,
    };
    let r = (|| -> Result<Value, Flow> {
        match (lower.as_str(), argc) {
            ("escape", 1) => Ok(Value::str(super::escape(&arg_text(args, 0)))),
            ("unescape", 1) => super::unescape(&arg_text(args, 0))
                .map(Value::str)
                .map_err(|m| method_error(s, name, 1, PARSE_EXCEPTION, &m, span)),
            ("new", 1..=3) => {
                let o = options_arg(s, method, args, 1, span)?;
                let re = compile_for(s, method, argc, &arg_text(args, 0), o, span)?;
                Ok(regex_object(re))
            }
            ("ismatch" | "match" | "matches" | "split" | "count", 2..=4) => {
                let o = options_arg(s, name, args, 2, span)?;
                let re = compile_for(s, name, argc, &arg_text(args, 1), o, span)?;
                let input = arg_text(args, 0);
                instance(s, &re, &lower, name, &[Value::str(input)], span)
            }
            ("replace", 3..=5) => {
                let o = options_arg(s, name, args, 3, span)?;
                let re = compile_for(s, name, argc, &arg_text(args, 1), o, span)?;
                instance(
                    s,
                    &re,
                    "replace",
                    name,
                    &[args[0].clone(), args[2].clone()],
                    span,
                )
            }
            _ => Err(crate::runtime::dotnet::method_not_found(
                s, REGEX, name, span,
            )),
        }
    })();
    Some(r)
}

/// A method of a `[regex]` object or of a Match; `None` when `target` is neither.
pub fn instance_call(
    s: &mut Session,
    target: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<Result<Value, Flow>> {
    let Value::Object(o) = target else {
        return None;
    };
    let native = o.borrow().native.clone()?;
    let lower = name.to_ascii_lowercase();
    match native {
        Native::Regex(re) => match lower.as_str() {
            "ismatch"
            | "match"
            | "matches"
            | "split"
            | "replace"
            | "count"
            | "getgroupnames"
            | "getgroupnumbers"
            | "groupnamefromnumber"
            | "groupnumberfromname" => Some(instance(s, &re, &lower, name, args, span)),
            _ => None,
        },
        Native::RegexMatch { regex, input, next } => match (lower.as_str(), args.len()) {
            ("nextmatch", 0) => Some(match next {
                None => Ok(match_object(&regex, &input, None)),
                Some(at) => regex
                    .find_at(&input, at)
                    .map(|m| match_object(&regex, &input, m.as_ref()))
                    .map_err(|_| timeout(s, span)),
            }),
            _ => None,
        },
        _ => None,
    }
}

fn instance(
    s: &mut Session,
    re: &Rc<Regex>,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Value, Flow> {
    let argc = args.len();
    let start = |i: usize| arg_int(args, i).map(|n| n.max(0) as usize);
    match (lower, argc) {
        ("ismatch", 1 | 2) => {
            let u = units(&arg_text(args, 0));
            let at = start(1).unwrap_or(if re.right_to_left() { u.len() } else { 0 });
            re.find_at(&u, at)
                .map(|m| Value::Bool(m.is_some()))
                .map_err(|_| timeout(s, span))
        }
        ("match", 1 | 2) => one_match(s, re, &arg_text(args, 0), start(1), span),
        ("matches", 1 | 2) => all_matches(s, re, &arg_text(args, 0), start(1), span),
        ("count", 1) => {
            let u = units(&arg_text(args, 0));
            let at = if re.right_to_left() { u.len() } else { 0 };
            re.find_all(&u, at, None)
                .map(|m| Value::count(m.len()))
                .map_err(|_| timeout(s, span))
        }
        ("split", 1 | 2) => {
            let count = arg_int(args, 1).unwrap_or(0);
            if count < 0 {
                return Err(method_error(
                    s,
                    name,
                    argc,
                    "System.ArgumentOutOfRangeException",
                    &format!(
                        "Count cannot be less than -1. (Parameter 'count')\nActual value was {count}."
                    ),
                    span,
                ));
            }
            split_value(s, re, &arg_text(args, 0), count as usize, span)
        }
        ("replace", 2 | 3) => {
            let limit = match arg_int(args, 2) {
                None | Some(-1) => None,
                Some(n) if n < -1 => {
                    return Err(method_error(
                        s,
                        name,
                        argc,
                        "System.ArgumentOutOfRangeException",
                        &format!(
                            "Count cannot be less than -1. (Parameter 'count')\nActual value was {n}."
                        ),
                        span,
                    ));
                }
                Some(n) => Some(n as usize),
            };
            let sub = substitute(re, &args[1]);
            let input = arg_text(args, 0);
            replace_in(s, re, &input, &sub, limit, true, span).map(Value::str)
        }
        ("getgroupnames", 0) => Ok(Value::array_of(
            ArrayKind::Typed(Rc::from("System.String")),
            re.names.iter().map(Value::str).collect(),
        )),
        ("getgroupnumbers", 0) => Ok(Value::array_of(
            ArrayKind::Typed(Rc::from("System.Int32")),
            re.numbers.iter().map(|n| Value::int(*n)).collect(),
        )),
        ("groupnamefromnumber", 1) => {
            let n = arg_int(args, 0).unwrap_or(-1) as i32;
            Ok(Value::str(
                re.slot_by_number(n)
                    .map(|i| re.names[i].clone())
                    .unwrap_or_default(),
            ))
        }
        ("groupnumberfromname", 1) => {
            let name = arg_text(args, 0);
            Ok(Value::int(
                re.names
                    .iter()
                    .position(|n| *n == name)
                    .map_or(-1, |i| re.numbers[i]),
            ))
        }
        _ => Err(crate::runtime::dotnet::method_not_found(
            s, REGEX, name, span,
        )),
    }
}

/// `$m.Groups[key]` on a GroupCollection: a group by name or number; a name or number the
/// pattern lacks gives .NET's empty group (Success False, Name and Value empty). `None` for
/// other collections and keys (ordinary indexing).
pub fn group_index(items: &Array, key: &Value) -> Option<Value> {
    match &items.kind {
        ArrayKind::Collection(name) if name.ends_with(".GroupCollection") => {}
        _ => return None,
    }
    let by_name = |name: &str| {
        items.items.iter().find_map(|g| match g {
            Value::Object(o)
                if o.borrow()
                    .get("Name")
                    .is_some_and(|n| n.to_ps_string() == name) =>
            {
                Some(g.clone())
            }
            _ => None,
        })
    };
    let found = match key {
        Value::String(name) => by_name(name),
        Value::Num(_) => {
            let n = crate::runtime::conversion::to_int(key, "System.Int32").ok()?;
            usize::try_from(n)
                .ok()
                .and_then(|i| items.items.get(i).cloned())
        }
        _ => return None,
    };
    Some(found.unwrap_or_else(empty_group))
}

/// .NET's `Group.s_emptyGroup`.
fn empty_group() -> Value {
    let mut o = PsObject::new(GROUP).with_text("");
    o.type_names.push(CAPTURE.into());
    o.type_names.push("System.Object".into());
    o.set("Success", Value::Bool(false));
    o.set("Name", Value::str(""));
    o.set("Captures", collection("CaptureCollection", Vec::new()));
    o.set("Index", Value::int(0));
    o.set("Length", Value::int(0));
    o.set("Value", Value::str(""));
    o.set("ValueSpan", Value::Null);
    Value::object(o)
}

//! Static .NET helpers scripts call directly: `[Console]::WriteLine/Write`, `[System.IO.Path]`
//! (file name parts, Combine, GetTempPath, IsPathRooted) and `[System.IO.File]` text reading and
//! writing. `members::static_method` asks here first; `None` means "not one of these", and the
//! caller goes on with its own table. Must not hold state: everything goes through the session.
//!
//! Like .NET in pwsh, `[System.IO.File]` resolves a relative path from the process's working
//! directory, not from the session location `Set-Location` moves (pwsh#9829, "by design").

use std::path::{Path, PathBuf};

use crate::runtime::error_record::ErrorCategory;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::value::Value;
use crate::syntax::Span;

/// Short type names pwsh resolves that the member table does not list (`[Console]`).
pub fn type_alias(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    Some(match lower.strip_prefix("system.").unwrap_or(&lower) {
        "console" => "System.Console",
        "io.directory" => "System.IO.Directory",
        _ => return None,
    })
}

fn arg(args: &[Value], i: usize) -> String {
    args.get(i).map(Value::to_ps_string).unwrap_or_default()
}

/// `[type]::Method(args)` for the helpers this file owns; `Ok(None)` for anything else.
pub fn static_method(
    s: &mut Session,
    ty: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Option<Value>, Flow> {
    let lower = name.to_ascii_lowercase();
    let v = match (ty, lower.as_str()) {
        ("System.Console", "writeline" | "write") => {
            let mut text = console_text(s, args, span)?;
            if lower == "writeline" {
                text.push('\n');
            }
            s.write_host(&text);
            Value::Null
        }
        ("System.IO.Path", _) => match path_method(&lower, args) {
            Some(v) => v,
            None => return Ok(None),
        },
        ("System.IO.File", _) => return file_method(s, &lower, name, args, span),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// `[Console]::WriteLine(format, args...)` formats like `-f`; one argument is its text
/// (`$null` prints an empty line).
fn console_text(s: &mut Session, args: &[Value], span: Span) -> Result<String, Flow> {
    match args {
        [] => Ok(String::new()),
        [one] => Ok(s.stringify(one)),
        [fmt, rest @ ..] => {
            let rest = Value::array(rest.to_vec());
            crate::runtime::operators::format_operator(s, &fmt.to_ps_string(), &rest, span)
        }
    }
}

/// .NET path text with `\` read as a separator, as pwsh on any OS accepts it.
fn slashes(text: &str) -> String {
    text.replace('\\', "/")
}

fn path_method(lower: &str, args: &[Value]) -> Option<Value> {
    let text = slashes(&arg(args, 0));
    let file_name = || text.rsplit('/').next().unwrap_or("").to_string();
    Some(match lower {
        "getfilename" => Value::str(file_name()),
        "getfilenamewithoutextension" => {
            let f = file_name();
            Value::str(match f.rfind('.') {
                Some(i) => &f[..i],
                None => &f,
            })
        }
        "getextension" => {
            let f = file_name();
            Value::str(match f.rfind('.') {
                Some(i) if i + 1 < f.len() => &f[i..],
                _ => "",
            })
        }
        // .NET: `$null` for a root or an empty path, else everything before the last separator.
        "getdirectoryname" => match text.rfind('/') {
            _ if text.is_empty() || text == "/" => Value::Null,
            Some(0) => Value::str("/"),
            Some(i) => Value::str(&text[..i]),
            None => Value::str(""),
        },
        "combine" | "join" => {
            let mut out = String::new();
            for part in args.iter().flat_map(Value::enumerate) {
                let p = slashes(&part.to_ps_string());
                if p.is_empty() {
                    continue;
                }
                if lower == "combine" && p.starts_with('/') {
                    out = p;
                } else if out.is_empty() || out.ends_with('/') {
                    out.push_str(&p);
                } else {
                    out.push('/');
                    out.push_str(&p);
                }
            }
            Value::str(out)
        }
        "gettemppath" => {
            let mut t = std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp/".into());
            if !t.ends_with('/') {
                t.push('/');
            }
            Value::str(t)
        }
        "ispathrooted" => Value::Bool(text.starts_with('/')),
        "directoryseparatorchar" => Value::str("/"),
        _ => return None,
    })
}

/// The absolute path .NET would report for `text` (relative to the process's directory).
pub(crate) fn absolute(text: &str) -> PathBuf {
    let p = Path::new(text);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

fn file_method(
    s: &mut Session,
    lower: &str,
    name: &str,
    args: &[Value],
    span: Span,
) -> Result<Option<Value>, Flow> {
    let need = match lower {
        "readalltext" | "readalllines" => 1,
        "writealltext" | "appendalltext" | "writealllines" | "appendalllines" => 2,
        _ => return Ok(None),
    };
    if args.len() < need {
        return Err(s.runtime_error(
            "MethodCountCouldNotFindBest",
            format!(
                "Cannot find an overload for \"{name}\" and the argument count: \"{}\".",
                args.len()
            ),
            ErrorCategory::InvalidOperation,
            span,
        ));
    }
    let path = absolute(&slashes(&arg(args, 0)));
    let fail = |s: &Session, e: std::io::Error| {
        let (ty, message) = crate::runtime::files::io_message(&path, &e);
        s.runtime_record_error(
            crate::runtime::errors::method_invocation(name, args.len(), &ty, &message),
            span,
        )
    };
    let lines_text = |v: &Value| {
        v.enumerate()
            .iter()
            .map(|l| format!("{}\n", l.to_ps_string()))
            .collect::<String>()
    };
    Ok(Some(match lower {
        "readalltext" | "readalllines" => {
            let bytes = std::fs::read(&path).map_err(|e| fail(s, e))?;
            let text = crate::runtime::files::decode_text(&bytes);
            if lower == "readalltext" {
                Value::str(text)
            } else {
                Value::array(text.lines().map(Value::str).collect())
            }
        }
        _ => {
            let text = match lower {
                "writealllines" | "appendalllines" => lines_text(&args[1]),
                _ => args[1].to_ps_string(),
            };
            let append = lower.starts_with("append");
            crate::runtime::files::write_text_to(&path, &text, append).map_err(|e| fail(s, e))?;
            Value::Null
        }
    }))
}

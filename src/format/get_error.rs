//! Get-Error's view of an error record (pwsh's `GetErrorInstance` custom control,
//! PowerShellCore_format_ps1xml.cs `Show-ErrorRecord`), also `$ErrorView = 'DetailedView'`:
//! every non-empty property as `Name : value` with the names padded to the longest, nested
//! exceptions and the InvocationInfo indented by four more spaces, multi-line values continued
//! under their first line. Lines longer than the layout width are cut there, as pwsh's console
//! writer does with a custom view.
//!
//! aapsh models the parts of a record that do not depend on .NET internals: the exception's
//! type, message, inner exception and HResult (for the common types), the RuntimeException's
//! own record and `WasThrownFromThrowStatement`, TargetObject, CategoryInfo,
//! FullyQualifiedErrorId, the InvocationInfo and the ScriptStackTrace. TargetSite, StackTrace,
//! Source and Data of .NET exceptions describe .NET frames aapsh does not have and are not
//! shown (docs/fidelity.md).

use crate::runtime::output::FormatOptions;
use crate::runtime::{CommandKind, ErrorCategory, ErrorRecord, ExceptionInfo};

use super::collection::cell_text;
use super::position::{EllipsisStyle, position_message};
use super::wrap::{char_len, take_chars};

/// `Show-ErrorRecord`'s nesting limit (`$maxDepth`).
const MAX_DEPTH: usize = 10;

/// One property of a shown object: its name and what follows ` : `.
enum Shown {
    /// Text; lines after the first are indented under it.
    Text(String),
    /// A nested object (an exception, an error record, an InvocationInfo).
    Nested(Vec<(String, Shown)>),
    /// A property that has a value but is not drawn (it still counts for the name width,
    /// like pwsh's empty dictionaries).
    Hidden,
}

/// The text Get-Error shows for a record (without a final newline), lines cut at the layout
/// width.
pub fn get_error_text(record: &ErrorRecord, opts: &FormatOptions) -> String {
    let props = record_properties(record, opts, true);
    let text = show(&props, 0, 1);
    cut_lines(&text, opts.layout_width())
}

/// The record's properties in PSObject order: Exception, TargetObject, CategoryInfo,
/// FullyQualifiedErrorId, InvocationInfo.
fn record_properties(
    record: &ErrorRecord,
    opts: &FormatOptions,
    with_invocation: bool,
) -> Vec<(String, Shown)> {
    let mut props = vec![(
        "Exception".to_string(),
        Shown::Nested(exception_properties(&record.exception, record, opts)),
    )];
    if let Some(target) = &record.target_object {
        let text = cell_text(target, opts);
        if !text.is_empty() {
            props.push(("TargetObject".into(), Shown::Text(text)));
        }
    }
    props.push(("CategoryInfo".into(), Shown::Text(record.category_info())));
    props.push((
        "FullyQualifiedErrorId".into(),
        Shown::Text(record.fully_qualified_error_id()),
    ));
    if with_invocation && let Some(inv) = &record.invocation {
        let mut inv_props = Vec::new();
        if let Some(name) = inv.command_name.as_ref().filter(|n| !n.is_empty()) {
            inv_props.push(("MyCommand".to_string(), Shown::Text(name.clone())));
        }
        // BoundParameters: an empty dictionary still counts for the name width.
        inv_props.push(("BoundParameters".into(), Shown::Hidden));
        let script = inv.source.path.as_ref().map(|p| p.display().to_string());
        if inv.has_position() {
            inv_props.push((
                "ScriptLineNumber".into(),
                Shown::Text(inv.line().to_string()),
            ));
            inv_props.push(("OffsetInLine".into(), Shown::Text(inv.column().to_string())));
        }
        inv_props.push(("HistoryId".into(), Shown::Text("1".into())));
        if let Some(script) = &script {
            inv_props.push(("ScriptName".into(), Shown::Text(script.clone())));
        }
        if inv.has_position() {
            let line = inv.source.line_text(inv.line());
            inv_props.push(("Line".into(), Shown::Text(format!("{line}\n"))));
            let statement = inv.source.slice(inv.extent);
            if !statement.is_empty() {
                inv_props.push(("Statement".into(), Shown::Text(statement.to_string())));
            }
            inv_props.push((
                "PositionMessage".into(),
                Shown::Text(position_message(inv, EllipsisStyle::Unicode).text()),
            ));
        }
        if let Some(script) = &script {
            let root = std::path::Path::new(script)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            inv_props.push(("PSScriptRoot".into(), Shown::Text(root)));
            inv_props.push(("PSCommandPath".into(), Shown::Text(script.clone())));
        }
        let typed = inv.invocation_name.clone().unwrap_or_default();
        let typed = match &inv.command_kind {
            CommandKind::ExternalScript(path) if typed.is_empty() => path.clone(),
            _ => typed,
        };
        if !typed.is_empty() {
            inv_props.push(("InvocationName".into(), Shown::Text(typed)));
        }
        inv_props.push(("CommandOrigin".into(), Shown::Text("Internal".into())));
        props.push(("InvocationInfo".into(), Shown::Nested(inv_props)));
    }
    if with_invocation && let Some(trace) = record.script_stack.get().filter(|t| !t.is_empty()) {
        props.push(("ScriptStackTrace".into(), Shown::Text(trace.clone())));
    }
    props
}

/// An exception's properties: Type (Get-Error's note property, first), the ErrorRecord of a
/// RuntimeException, WasThrownFromThrowStatement, Message, InnerException, HResult.
fn exception_properties(
    ex: &ExceptionInfo,
    record: &ErrorRecord,
    opts: &FormatOptions,
) -> Vec<(String, Shown)> {
    let mut props = vec![("Type".to_string(), Shown::Text(ex.type_name.clone()))];
    let runtime = is_runtime_exception(&ex.type_name);
    if runtime && std::ptr::eq(ex, &record.exception) {
        // A RuntimeException's own ErrorRecord wraps it in ParentContainsErrorRecordException.
        let mut own = ErrorRecord::new(
            ExceptionInfo::new(
                "System.Management.Automation.ParentContainsErrorRecordException",
                ex.message.clone(),
            ),
            own_error_id(record),
            if record.thrown {
                ErrorCategory::NotSpecified
            } else {
                record.category
            },
        );
        if !record.thrown {
            own.target_name = record.target_name.clone();
            own.target_type = record.target_type.clone();
            own.target_object = record.target_object.clone();
        }
        props.push((
            "ErrorRecord".into(),
            Shown::Nested(record_properties(&own, opts, false)),
        ));
    }
    if runtime && record.thrown && std::ptr::eq(ex, &record.exception) {
        props.push((
            "WasThrownFromThrowStatement".into(),
            Shown::Text("True".into()),
        ));
    }
    props.push(("Message".into(), Shown::Text(ex.message.clone())));
    if let Some(inner) = &ex.inner {
        props.push((
            "InnerException".into(),
            Shown::Nested(exception_properties(inner, record, opts)),
        ));
    }
    if let Some(h) = hresult(&ex.type_name) {
        props.push(("HResult".into(), Shown::Text(h.to_string())));
    }
    props
}

/// The ErrorId of a RuntimeException's own record: `RuntimeException` for `throw`, else the
/// record's id.
fn own_error_id(record: &ErrorRecord) -> String {
    if record.thrown {
        "RuntimeException".into()
    } else {
        record.error_id.clone()
    }
}

/// PowerShell's own exceptions derive from RuntimeException (and carry an ErrorRecord).
fn is_runtime_exception(type_name: &str) -> bool {
    matches!(
        type_name,
        "System.Management.Automation.RuntimeException"
            | "System.Management.Automation.ParameterBindingException"
            | "System.Management.Automation.CommandNotFoundException"
            | "System.Management.Automation.ItemNotFoundException"
            | "System.Management.Automation.MethodInvocationException"
            | "System.Management.Automation.SetValueInvocationException"
            | "System.Management.Automation.GetValueInvocationException"
            | "System.Management.Automation.ParseException"
            | "System.Management.Automation.ArgumentTransformationMetadataException"
            | "System.Management.Automation.ValidationMetadataException"
            | "System.Management.Automation.PSArgumentException"
            | "System.Management.Automation.SessionStateException"
            | "System.Management.Automation.DriveNotFoundException"
            | "System.Management.Automation.ActionPreferenceStopException"
            | "System.Management.Automation.ScriptCallDepthException"
    )
}

/// `Exception.HResult` of the common exception types (.NET's COR_E_* values).
fn hresult(type_name: &str) -> Option<i64> {
    let short = type_name.rsplit('.').next().unwrap_or(type_name);
    Some(match short {
        "Exception" => -2146233088,
        "InvalidOperationException" | "PSInvalidOperationException" => -2146233079,
        "ArgumentException" => -2147024809,
        "ArgumentNullException" | "NullReferenceException" => -2147467261,
        "ArgumentOutOfRangeException" => -2146233086,
        "FormatException" => -2146233033,
        "DivideByZeroException" => -2147352558,
        "NotSupportedException" => -2146233067,
        "NotImplementedException" => -2147467263,
        "InvalidCastException" => -2147467262,
        "OverflowException" => -2146233066,
        "IndexOutOfRangeException" => -2146233080,
        "KeyNotFoundException" => -2146232969,
        "TimeoutException" => -2146233083,
        "UnauthorizedAccessException" => -2147024891,
        "IOException" => -2146232800,
        "FileNotFoundException" => -2147024894,
        "DirectoryNotFoundException" => -2147024893,
        _ if type_name.starts_with("System.Management.Automation.")
            || type_name.starts_with("Microsoft.PowerShell.") =>
        {
            -2146233087
        }
        "SystemException" => -2146233087,
        _ => return None,
    })
}

/// `Show-ErrorRecord`: one `Name : value` line per property, names padded to the longest.
fn show(props: &[(String, Shown)], indent: usize, depth: usize) -> String {
    let prefix = " ".repeat(indent);
    let width = props.iter().map(|(n, _)| char_len(n)).max().unwrap_or(0);
    let mut lines: Vec<String> = Vec::new();
    for (name, value) in props {
        let head = format!("{prefix}{name}{} : ", " ".repeat(width - char_len(name)));
        match value {
            Shown::Hidden => {}
            Shown::Nested(_) if depth >= MAX_DEPTH => lines.push(format!("{head}\u{2026}")),
            Shown::Nested(inner) => {
                lines.push(head);
                lines.push(show(inner, indent + 4, depth + 1));
            }
            Shown::Text(text) => {
                let continuation = format!("{prefix}{}", " ".repeat(width + 3));
                let mut entry = head;
                for (i, line) in text.split('\n').enumerate() {
                    if i > 0 {
                        entry.push('\n');
                        entry.push_str(&continuation);
                    }
                    entry.push_str(line.trim());
                }
                lines.push(entry);
            }
        }
    }
    lines.join("\n")
}

/// Cuts every line longer than `width` characters into pieces of `width`.
fn cut_lines(text: &str, width: usize) -> String {
    if width == 0 {
        return text.to_string();
    }
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut rest = line;
        while char_len(rest) > width {
            let piece = take_chars(rest, width);
            out.push(piece.to_string());
            rest = &rest[piece.len()..];
        }
        out.push(rest.to_string());
    }
    out.join("\n")
}

/// A record as its properties, in pwsh's order (what `Format-List * -Force` lists): the
/// exception and the InvocationInfo as their `ToString()` texts, empty ErrorDetails and
/// PSMessageDetails, the ScriptStackTrace and an empty PipelineIterationInfo (`{}`).
pub fn record_as_object(record: &ErrorRecord) -> crate::runtime::Value {
    use crate::runtime::Value;
    use crate::runtime::value::PsObject;
    let exception = format!(
        "{}: {}",
        record.exception.type_name, record.exception.message
    );
    let mut o = PsObject::new("System.Management.Automation.ErrorRecord")
        .with("PSMessageDetails", Value::Null)
        .with("Exception", Value::str(exception))
        .with(
            "TargetObject",
            record.target_object.clone().unwrap_or(Value::Null),
        )
        .with("CategoryInfo", Value::str(record.category_info()))
        .with(
            "FullyQualifiedErrorId",
            Value::str(record.fully_qualified_error_id()),
        );
    o.set(
        "ErrorDetails",
        record
            .recommended_action
            .as_ref()
            .map_or(Value::Null, |_| Value::str("")),
    );
    o.set(
        "InvocationInfo",
        if record.invocation.is_some() {
            Value::str("System.Management.Automation.InvocationInfo")
        } else {
            Value::Null
        },
    );
    o.set(
        "ScriptStackTrace",
        Value::str(record.script_stack.get().map_or("", String::as_str)),
    );
    o.set("PipelineIterationInfo", Value::str("{}"));
    Value::object(o)
}

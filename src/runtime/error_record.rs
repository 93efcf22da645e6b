//! `ErrorRecord`: every failure a user can see, with PowerShell's category, FullyQualifiedErrorId
//! and the source position it points at. Owns the data and its `$_.Property` view; rendering
//! (ConciseView / NormalView) lives in `format::error_view`.

use std::rc::Rc;

use super::value::{PsObject, Value};
use crate::syntax::{SourceFile, Span};

/// `System.Management.Automation.ErrorCategory`, in the enum's own order (values 0-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCategory {
    NotSpecified,
    OpenError,
    CloseError,
    DeviceError,
    DeadlockDetected,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    InvalidType,
    MetadataError,
    NotImplemented,
    NotInstalled,
    ObjectNotFound,
    OperationStopped,
    OperationTimeout,
    SyntaxError,
    ParserError,
    PermissionDenied,
    ResourceBusy,
    ResourceExists,
    ResourceUnavailable,
    ReadError,
    WriteError,
    FromStdErr,
    SecurityError,
    ProtocolError,
    ConnectionError,
    AuthenticationError,
    LimitsExceeded,
    QuotaExceeded,
    NotEnabled,
}

const CATEGORIES: [ErrorCategory; 32] = [
    ErrorCategory::NotSpecified,
    ErrorCategory::OpenError,
    ErrorCategory::CloseError,
    ErrorCategory::DeviceError,
    ErrorCategory::DeadlockDetected,
    ErrorCategory::InvalidArgument,
    ErrorCategory::InvalidData,
    ErrorCategory::InvalidOperation,
    ErrorCategory::InvalidResult,
    ErrorCategory::InvalidType,
    ErrorCategory::MetadataError,
    ErrorCategory::NotImplemented,
    ErrorCategory::NotInstalled,
    ErrorCategory::ObjectNotFound,
    ErrorCategory::OperationStopped,
    ErrorCategory::OperationTimeout,
    ErrorCategory::SyntaxError,
    ErrorCategory::ParserError,
    ErrorCategory::PermissionDenied,
    ErrorCategory::ResourceBusy,
    ErrorCategory::ResourceExists,
    ErrorCategory::ResourceUnavailable,
    ErrorCategory::ReadError,
    ErrorCategory::WriteError,
    ErrorCategory::FromStdErr,
    ErrorCategory::SecurityError,
    ErrorCategory::ProtocolError,
    ErrorCategory::ConnectionError,
    ErrorCategory::AuthenticationError,
    ErrorCategory::LimitsExceeded,
    ErrorCategory::QuotaExceeded,
    ErrorCategory::NotEnabled,
];

impl ErrorCategory {
    pub fn name(self) -> &'static str {
        match self {
            ErrorCategory::NotSpecified => "NotSpecified",
            ErrorCategory::OpenError => "OpenError",
            ErrorCategory::CloseError => "CloseError",
            ErrorCategory::DeviceError => "DeviceError",
            ErrorCategory::DeadlockDetected => "DeadlockDetected",
            ErrorCategory::InvalidArgument => "InvalidArgument",
            ErrorCategory::InvalidData => "InvalidData",
            ErrorCategory::InvalidOperation => "InvalidOperation",
            ErrorCategory::InvalidResult => "InvalidResult",
            ErrorCategory::InvalidType => "InvalidType",
            ErrorCategory::MetadataError => "MetadataError",
            ErrorCategory::NotImplemented => "NotImplemented",
            ErrorCategory::NotInstalled => "NotInstalled",
            ErrorCategory::ObjectNotFound => "ObjectNotFound",
            ErrorCategory::OperationStopped => "OperationStopped",
            ErrorCategory::OperationTimeout => "OperationTimeout",
            ErrorCategory::SyntaxError => "SyntaxError",
            ErrorCategory::ParserError => "ParserError",
            ErrorCategory::PermissionDenied => "PermissionDenied",
            ErrorCategory::ResourceBusy => "ResourceBusy",
            ErrorCategory::ResourceExists => "ResourceExists",
            ErrorCategory::ResourceUnavailable => "ResourceUnavailable",
            ErrorCategory::ReadError => "ReadError",
            ErrorCategory::WriteError => "WriteError",
            ErrorCategory::FromStdErr => "FromStdErr",
            ErrorCategory::SecurityError => "SecurityError",
            ErrorCategory::ProtocolError => "ProtocolError",
            ErrorCategory::ConnectionError => "ConnectionError",
            ErrorCategory::AuthenticationError => "AuthenticationError",
            ErrorCategory::LimitsExceeded => "LimitsExceeded",
            ErrorCategory::QuotaExceeded => "QuotaExceeded",
            ErrorCategory::NotEnabled => "NotEnabled",
        }
    }

    /// A category by name (case-insensitive) or by its numeric value, as a cast to
    /// `[System.Management.Automation.ErrorCategory]` accepts it.
    pub fn parse(text: &str) -> Option<ErrorCategory> {
        let t = text.trim();
        if let Ok(i) = t.parse::<usize>() {
            return CATEGORIES.get(i).copied();
        }
        CATEGORIES
            .iter()
            .copied()
            .find(|c| c.name().eq_ignore_ascii_case(t))
    }

    /// Every category name, in enum order (conversion error messages list them).
    pub fn names() -> Vec<&'static str> {
        CATEGORIES.iter().map(|c| c.name()).collect()
    }
}

/// The exception inside a record (`$_.Exception`).
#[derive(Clone, Debug)]
pub struct ExceptionInfo {
    /// Full .NET type name, e.g. `System.Management.Automation.ParameterBindingException`.
    pub type_name: String,
    pub message: String,
    pub inner: Option<Box<ExceptionInfo>>,
    /// `ParamName` of the Argument exceptions, when given.
    pub param_name: Option<String>,
}

impl ExceptionInfo {
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> ExceptionInfo {
        ExceptionInfo {
            type_name: type_name.into(),
            message: message.into(),
            inner: None,
            param_name: None,
        }
    }

    /// The short type name shown as CategoryInfo's Reason (`ParameterBindingException`).
    pub fn short_name(&self) -> &str {
        self.type_name.rsplit('.').next().unwrap_or(&self.type_name)
    }
}

/// What `$MyInvocation.MyCommand` is (its CommandType), as the error views tell them apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CommandKind {
    /// A cmdlet or function, which `Get-Command` finds by its name.
    #[default]
    Command,
    /// A `.ps1` file (ExternalScript) at this full path.
    ExternalScript(String),
    /// A script block run with `&` or `.` (CommandType Script), with its text.
    ScriptBlock(String),
}

/// Where an error happened: the command and the source extent pwsh underlines.
#[derive(Clone, Debug)]
pub struct InvocationInfo {
    /// `$_.InvocationInfo.MyCommand` (the resolved command name), when a command is known.
    pub command_name: Option<String>,
    /// The name as typed (alias or prefix spelling), used by NormalView's prefix.
    pub invocation_name: Option<String>,
    pub source: Rc<SourceFile>,
    /// What the `~~~` underline covers.
    pub extent: Span,
    /// The kind of `command_name`.
    pub command_kind: CommandKind,
}

impl InvocationInfo {
    pub fn line(&self) -> usize {
        self.source.line_of(self.extent.start)
    }

    pub fn column(&self) -> usize {
        self.source.column_of(self.extent.start)
    }

    /// False for the invocation of a script started from the command line: it has no source
    /// position (ScriptLineNumber 0, an empty PositionMessage).
    pub fn has_position(&self) -> bool {
        !self.source.text.is_empty() || self.source.path.is_some()
    }
}

#[derive(Clone, Debug)]
pub struct ErrorRecord {
    pub exception: ExceptionInfo,
    pub category: ErrorCategory,
    /// The ErrorId, first part of the FullyQualifiedErrorId (`NamedParameterNotFound`).
    pub error_id: String,
    /// The command class appended to the FQID after a comma (empty for none, as for
    /// `CommandNotFoundException`).
    pub command_class: String,
    /// CategoryInfo's Activity (`[Get-CsApplicationAccessPolicy]`); usually the command name.
    pub activity: String,
    /// CategoryInfo's TargetName and TargetType.
    pub target_name: String,
    pub target_type: String,
    pub target_object: Option<Value>,
    pub invocation: Option<InvocationInfo>,
    /// True when raised by the `throw` statement (ConciseView shows `Exception:`).
    pub thrown: bool,
    /// `ErrorDetails.RecommendedAction`, shown as `Recommendation:` in ConciseView.
    pub recommended_action: Option<String>,
    /// aapsh's own hint ("Did you mean ...?"), printed after the record.
    pub suggestion: Option<String>,
    /// For a ParseException: every error the parser reported, in order (the extent, or None
    /// for "Not all parse errors were reported"), which NormalView lists one after another.
    pub parse_errors: Vec<(Option<Span>, String)>,
    /// Set on the records Get-Error returns (`ErrorRecord#PSExtendedError`): they show in its
    /// view, with the `PSErrorIndex` it numbered them by when it returned several.
    pub extended: Option<ExtendedError>,
    /// What is fixed the first time the record passes a statement or is written (see
    /// `Session::stamp_script_stack`): the call stack and the history id of the command line.
    pub stamp: std::cell::OnceCell<Stamp>,
}

/// Where an error happened, in terms of the session: fixed once per record.
#[derive(Clone, Debug, Default)]
pub struct Stamp {
    /// `ScriptStackTrace`: `at <name>, <file>: line <n>` lines, innermost first.
    pub script_stack: String,
    /// `InvocationInfo.HistoryId`: the id the running command line gets in the history.
    pub history_id: i64,
}

impl ErrorRecord {
    /// `ScriptStackTrace` (empty until stamped).
    pub fn script_stack_trace(&self) -> &str {
        self.stamp.get().map_or("", |s| s.script_stack.as_str())
    }

    /// `InvocationInfo.HistoryId` (1 until stamped: a script's first and only command line).
    pub fn history_id(&self) -> i64 {
        self.stamp.get().map_or(1, |s| s.history_id)
    }

    /// The record's PSTypeNames: Get-Error's records put `ErrorRecord#PSExtendedError` in
    /// place of `ErrorRecord`.
    pub fn type_names(&self) -> Vec<&'static str> {
        if self.extended.is_some() {
            vec![
                "System.Management.Automation.ErrorRecord#PSExtendedError",
                "System.Object",
            ]
        } else {
            vec!["System.Management.Automation.ErrorRecord", "System.Object"]
        }
    }
}

/// Get-Error's mark on a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtendedError {
    pub index: Option<i64>,
}

impl ErrorRecord {
    pub fn new(
        exception: ExceptionInfo,
        error_id: impl Into<String>,
        category: ErrorCategory,
    ) -> ErrorRecord {
        ErrorRecord {
            exception,
            category,
            error_id: error_id.into(),
            command_class: String::new(),
            activity: String::new(),
            target_name: String::new(),
            target_type: String::new(),
            target_object: None,
            invocation: None,
            thrown: false,
            recommended_action: None,
            suggestion: None,
            parse_errors: Vec::new(),
            extended: None,
            stamp: std::cell::OnceCell::new(),
        }
    }

    /// `NamedParameterNotFound,Microsoft.Rtc.Management...NewCsApplicationAccessPolicy`.
    pub fn fully_qualified_error_id(&self) -> String {
        if self.command_class.is_empty() {
            self.error_id.clone()
        } else {
            format!("{},{}", self.error_id, self.command_class)
        }
    }

    /// `ErrorCategoryInfo.GetMessage()` (its `ToString()`, CategoryView, NormalView):
    /// `InvalidArgument: (:) [New-CsApplicationAccessPolicy], ParameterBindingException`, with
    /// Activity, TargetName and TargetType longer than 40 characters cut to 19 + `…` + 19.
    pub fn category_info(&self) -> String {
        let category = match self.category {
            ErrorCategory::DeadlockDetected => "Deadlock detected",
            other => other.name(),
        };
        format!(
            "{category}: ({}:{}) [{}], {}",
            ellipsize(&self.target_name),
            ellipsize(&self.target_type),
            ellipsize(&self.activity),
            self.exception.short_name()
        )
    }

    /// `$_.Exception`, `$_.CategoryInfo`, ... as script code reads them.
    pub fn property(&self, name: &str) -> Option<Value> {
        let value = match name.to_ascii_lowercase().as_str() {
            "pserrorindex" => Value::integer(self.extended?.index?),
            "psobject" => Value::object(
                PsObject::new("System.Management.Automation.PSMemberSet").with(
                    "TypeNames",
                    Value::array(self.type_names().into_iter().map(Value::str).collect()),
                ),
            ),
            "exception" => {
                let mut ex = PsObject::new(self.exception.type_name.clone())
                    .with("Message", Value::str(&self.exception.message))
                    .with_text(format!(
                        "{}: {}",
                        self.exception.type_name, self.exception.message
                    ));
                if let Some(inner) = &self.exception.inner {
                    ex.set(
                        "InnerException",
                        Value::object(
                            PsObject::new(inner.type_name.clone())
                                .with("Message", Value::str(&inner.message))
                                .with_text(format!("{}: {}", inner.type_name, inner.message)),
                        ),
                    );
                }
                if let Some(p) = &self.exception.param_name {
                    ex.set("ParamName", Value::str(p));
                }
                ex.set("ErrorRecord", Value::Error(std::rc::Rc::new(self.clone())));
                Value::object(ex)
            }
            "fullyqualifiederrorid" => Value::str(self.fully_qualified_error_id()),
            "categoryinfo" => Value::object(
                PsObject::new("System.Management.Automation.ErrorCategoryInfo")
                    .with("Category", Value::str(self.category.name()))
                    .with("Activity", Value::str(&self.activity))
                    .with("Reason", Value::str(self.exception.short_name()))
                    .with("TargetName", Value::str(&self.target_name))
                    .with("TargetType", Value::str(&self.target_type))
                    .with_text(self.category_info()),
            ),
            "targetobject" => self.target_object.clone().unwrap_or(Value::Null),
            "scriptstacktrace" => Value::str(self.script_stack_trace()),
            "errordetails" => match &self.recommended_action {
                Some(a) => Value::object(
                    PsObject::new("System.Management.Automation.ErrorDetails")
                        .with("RecommendedAction", Value::str(a)),
                ),
                None => Value::Null,
            },
            "invocationinfo" => match &self.invocation {
                Some(inv) => Value::object(
                    PsObject::new("System.Management.Automation.InvocationInfo")
                        .with(
                            "MyCommand",
                            inv.command_name.as_deref().map_or(Value::Null, |n| {
                                Value::object(
                                    PsObject::new("System.Management.Automation.CommandInfo")
                                        .with("Name", Value::str(n))
                                        .with_text(n),
                                )
                            }),
                        )
                        .with(
                            "InvocationName",
                            inv.invocation_name
                                .as_deref()
                                .map_or(Value::Null, Value::str),
                        )
                        .with("PositionMessage", Value::str(position_message(inv)))
                        .with(
                            "ScriptName",
                            Value::str(inv.source.display_name().unwrap_or_default()),
                        )
                        // No position (a script started from the command line): 0, as pwsh.
                        .with(
                            "ScriptLineNumber",
                            Value::integer(if inv.has_position() {
                                inv.line() as i64
                            } else {
                                0
                            }),
                        )
                        .with(
                            "OffsetInLine",
                            Value::integer(if inv.has_position() {
                                inv.column() as i64
                            } else {
                                0
                            }),
                        )
                        .with("HistoryId", Value::integer(self.history_id()))
                        .with("Line", Value::str(inv.source.line_text(inv.line()))),
                ),
                None => Value::Null,
            },
            _ => return None,
        };
        Some(value)
    }
}

/// pwsh's `ErrorCategoryInfo.Ellipsize`: a text longer than 40 characters keeps its first and
/// last 19 characters around `…` (ErrorPackage.resx `Ellipsize`).
pub fn ellipsize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 40 {
        return s.to_string();
    }
    let first: String = chars[..19].iter().collect();
    let last: String = chars[chars.len() - 19..].iter().collect();
    format!("{first}\u{2026}{last}")
}

/// `At {file}:{line} char:{col}` + `+ {line}` + `+ ~~~` (TextForPositionMessage), or
/// `At line:{line} char:{col}` without a file.
pub(crate) fn position_message(inv: &InvocationInfo) -> String {
    let line = inv.line();
    let col = inv.column();
    let text = inv.source.line_text(line);
    let head = match inv.source.display_name() {
        Some(name) => format!("At {name}:{line} char:{col}"),
        None => format!("At line:{line} char:{col}"),
    };
    let width = inv
        .source
        .slice(inv.extent)
        .lines()
        .next()
        .map_or(1, |l| l.chars().count().max(1));
    format!(
        "{head}\n+ {}\n+ {}{}",
        text.trim_end(),
        " ".repeat(col.saturating_sub(1)),
        "~".repeat(width)
    )
}

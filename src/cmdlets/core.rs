//! Host and stream cmdlets every script uses: Write-Host, Write-Output, Write-Warning,
//! Write-Error, Write-Verbose, Out-Null.

use crate::runtime::CmdletDef;
use crate::runtime::{
    ActionPreference, BoundParameters, CommandContext, ErrorCategory, Flow, Value,
};
use crate::vocab::{AllowKind, ParamDef, ParamKind, ParamType, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

pub const CONSOLE_COLORS: &[&str] = &[
    "Black",
    "DarkBlue",
    "DarkGreen",
    "DarkCyan",
    "DarkRed",
    "DarkMagenta",
    "DarkYellow",
    "Gray",
    "DarkGray",
    "Blue",
    "Green",
    "Cyan",
    "Red",
    "Magenta",
    "Yellow",
    "White",
];

const CONSOLE_COLOR: ParamType = ParamType::new(
    ParamKind::Enum(CONSOLE_COLORS),
    "ConsoleColor",
    "System.ConsoleColor",
);

const ERROR_CATEGORY: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "NotSpecified",
        "OpenError",
        "CloseError",
        "DeviceError",
        "DeadlockDetected",
        "InvalidArgument",
        "InvalidData",
        "InvalidOperation",
        "InvalidResult",
        "InvalidType",
        "MetadataError",
        "NotImplemented",
        "NotInstalled",
        "ObjectNotFound",
        "OperationStopped",
        "OperationTimeout",
        "SyntaxError",
        "ParserError",
        "PermissionDenied",
        "ResourceBusy",
        "ResourceExists",
        "ResourceUnavailable",
        "ReadError",
        "WriteError",
        "FromStdErr",
        "SecurityError",
        "ProtocolError",
        "ConnectionError",
        "AuthenticationError",
        "LimitsExceeded",
        "QuotaExceeded",
        "NotEnabled",
    ]),
    "ErrorCategory",
    "System.Management.Automation.ErrorCategory",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Write-Host", UTILITY, write_host)
            .class("Microsoft.PowerShell.Commands.WriteHostCommand")
            .synopsis("Writes customized output to a host.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Object", types::OBJECT).position(0).from_pipeline().remaining().help("Objects to display in the host."))
            .param(ParamDef::new("NoNewline", types::SWITCH).help("The string representations of the input objects are concatenated to form the output."))
            .param(ParamDef::new("Separator", types::OBJECT).help("Separator string to insert between objects output to the host."))
            .param(ParamDef::new("ForegroundColor", CONSOLE_COLOR).help("The text color."))
            .param(ParamDef::new("BackgroundColor", CONSOLE_COLOR).help("The background color."))
            .example("Write with a color", "Write-Host \"Granting policy...\" -ForegroundColor Cyan", "Writes the text in cyan to the console."),
        CmdletDef::new("Write-Output", UTILITY, write_output)
            .class("Microsoft.PowerShell.Commands.WriteOutputCommand")
            .synopsis("Writes the specified objects to the pipeline.")
            .alias("echo")
            .pipeline(PipelineMode::PerRecord)
            // [AllowNull] [AllowEmptyCollection] as in pwsh: `Write-Output $null` writes
            // one $null, `Write-Output @()` nothing.
            .param(ParamDef::new("InputObject", types::OBJECT_ARRAY).position(0).mandatory().from_pipeline().remaining().allow(AllowKind::Null).allow(AllowKind::EmptyCollection).help("The objects to send down the pipeline."))
            .param(ParamDef::new("NoEnumerate", types::SWITCH).help("Writes a collection as a single object.")),
        CmdletDef::new("Out-Null", CORE, out_null)
            .class("Microsoft.PowerShell.Commands.OutNullCommand")
            .synopsis("Hides the output instead of sending it down the pipeline or displaying it.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The object to discard.")),
        CmdletDef::new("Write-Warning", UTILITY, write_warning)
            .class("Microsoft.PowerShell.Commands.WriteWarningCommand")
            .synopsis("Writes a warning message.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Message", types::STRING).position(0).mandatory().from_pipeline().alias("Msg").help("The warning message.")),
        CmdletDef::new("Write-Verbose", UTILITY, write_verbose)
            .class("Microsoft.PowerShell.Commands.WriteVerboseCommand")
            .synopsis("Writes text to the verbose message stream.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Message", types::STRING).position(0).mandatory().from_pipeline().alias("Msg").help("The verbose message.")),
        CmdletDef::new("Write-Debug", UTILITY, write_debug)
            .class("Microsoft.PowerShell.Commands.WriteDebugCommand")
            .synopsis("Writes a debug message to the console.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Message", types::STRING).position(0).mandatory().from_pipeline().alias("Msg").help("The debug message (shown with -Debug or $DebugPreference = 'Continue').")),
        CmdletDef::new("Write-Information", UTILITY, write_information)
            .class("Microsoft.PowerShell.Commands.WriteInformationCommand")
            .synopsis("Specifies how PowerShell handles information stream data for a command.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("MessageData", types::OBJECT).position(0).mandatory().from_pipeline().alias("Msg").alias("Message").help("The message (shown with -InformationAction Continue or $InformationPreference = 'Continue')."))
            .param(ParamDef::new("Tags", types::STRING_ARRAY).position(1).help("Tags for filtering.")),
        CmdletDef::new("Get-Error", UTILITY, get_error)
            .class("Microsoft.PowerShell.Commands.GetErrorCommand")
            .synopsis("Gets and displays the most recent error messages from the current session.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The error record to show in detail."))
            .param(ParamDef::new("Newest", types::INT32).alias("Last").help("How many of the newest errors in $Error to show (1 by default).")),
        CmdletDef::new("Write-Error", UTILITY, write_error)
            .class("Microsoft.PowerShell.Commands.WriteErrorCommand")
            .synopsis("Writes an object to the error stream.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Message", types::STRING).position(0).from_pipeline().alias("Msg").help("The message text of the error."))
            .param(ParamDef::new("Category", ERROR_CATEGORY).help("The category of the error."))
            .param(ParamDef::new("ErrorId", types::STRING).help("An ID string to identify the error."))
            .param(ParamDef::new("TargetObject", types::OBJECT).help("The object that was being processed."))
            .param(ParamDef::new("Exception", types::OBJECT).help("An exception object that represents the error."))
            .param(ParamDef::new("ErrorRecord", types::OBJECT).help("An error record object that represents the error."))
            .param(ParamDef::new("RecommendedAction", types::STRING).help("The action the user should take."))
            .param(ParamDef::new("CategoryActivity", types::STRING).alias("Activity").help("The action that caused the error."))
            .param(ParamDef::new("CategoryReason", types::STRING).alias("Reason").help("Why the error happened."))
            .param(ParamDef::new("CategoryTargetName", types::STRING).alias("TargetName").help("The name of the object being processed."))
            .param(ParamDef::new("CategoryTargetType", types::STRING).alias("TargetType").help("The type of the object being processed.")),
    ]
}

fn write_host(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let sep = b
        .get("Separator")
        .map(|v| ctx.session.stringify(v))
        .unwrap_or_else(|| " ".into());
    let text = match b.get("Object") {
        None | Some(Value::Null) => String::new(),
        Some(v) => host_text(ctx, v, &sep, 0),
    };
    let fg = b.string("ForegroundColor");
    let bg = b.string("BackgroundColor");
    ctx.session.note_information_variables(&text, true);
    let painted = if ctx.session.options.color_out && (fg.is_some() || bg.is_some()) {
        crate::format::paint_console(&text, fg.as_deref(), bg.as_deref())
    } else {
        text
    };
    let newline = if b.switch("NoNewline") { "" } else { "\n" };
    ctx.write_host(&format!("{painted}{newline}"));
    Ok(())
}

/// How deep Write-Host follows collections inside collections. pwsh has no limit and
/// overflows its stack on a list that contains itself; aapsh prints the type name instead
/// (docs/fidelity.md).
const HOST_TEXT_DEPTH: usize = 64;

/// Write-Host prints collections item by item with the separator, nested ones flattened,
/// and a dictionary's entries as `[key, value]`.
fn host_text(ctx: &CommandContext<'_>, v: &Value, sep: &str, depth: usize) -> String {
    match v {
        Value::Array(_) if depth >= HOST_TEXT_DEPTH => v.type_name(),
        Value::Array(items) => {
            let items = items.borrow().items.clone();
            items
                .iter()
                .map(|i| host_text(ctx, i, sep, depth + 1))
                .collect::<Vec<_>>()
                .join(sep)
        }
        Value::Hashtable(h) => h
            .borrow()
            .iter()
            .map(|(k, v)| format!("[{}, {}]", k.to_ps_string(), v.element_string()))
            .collect::<Vec<_>>()
            .join(sep),
        other => ctx.session.stringify(other),
    }
}

fn write_output(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    match b.get("InputObject") {
        Some(v) if b.switch("NoEnumerate") => ctx.write_object(v.clone()),
        Some(v) => ctx.write_enumerated(v.clone()),
        None => {}
    }
    Ok(())
}

fn out_null(_: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    Ok(())
}

fn write_warning(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let text = b.string("Message").unwrap_or_default();
    ctx.write_warning(&text)
}

fn write_verbose(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let text = b.string("Message").unwrap_or_default();
    ctx.write_verbose(&text);
    Ok(())
}

fn write_debug(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let shown = match b.get("Debug") {
        Some(v) => v.is_truthy(),
        None => {
            ctx.session
                .preference("DebugPreference", ActionPreference::SilentlyContinue)
                == ActionPreference::Continue
        }
    };
    if shown {
        let text = b.string("Message").unwrap_or_default();
        ctx.session.write_debug_text(&text);
    }
    Ok(())
}

fn write_information(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let action = b
        .string("InformationAction")
        .and_then(|a| ActionPreference::parse(&a))
        .unwrap_or_else(|| {
            ctx.session
                .preference("InformationPreference", ActionPreference::SilentlyContinue)
        });
    let text = b
        .get("MessageData")
        .map(|v| ctx.session.stringify(v))
        .unwrap_or_default();
    if action == ActionPreference::Continue {
        ctx.write_host(&format!("{text}\n"));
    }
    ctx.session.note_information_variables(&text, false);
    Ok(())
}

fn error_category(name: &str) -> ErrorCategory {
    match name.to_ascii_lowercase().as_str() {
        "invalidargument" => ErrorCategory::InvalidArgument,
        "invalidoperation" => ErrorCategory::InvalidOperation,
        "invaliddata" => ErrorCategory::InvalidData,
        "invalidtype" => ErrorCategory::InvalidType,
        "objectnotfound" => ErrorCategory::ObjectNotFound,
        "permissiondenied" => ErrorCategory::PermissionDenied,
        "resourceexists" => ErrorCategory::ResourceExists,
        "resourceunavailable" => ErrorCategory::ResourceUnavailable,
        "notimplemented" => ErrorCategory::NotImplemented,
        "operationstopped" => ErrorCategory::OperationStopped,
        "connectionerror" => ErrorCategory::ConnectionError,
        "authenticationerror" => ErrorCategory::AuthenticationError,
        "securityerror" => ErrorCategory::SecurityError,
        "metadataerror" => ErrorCategory::MetadataError,
        "writeerror" => ErrorCategory::WriteError,
        "readerror" => ErrorCategory::ReadError,
        "openerror" => ErrorCategory::OpenError,
        "limitsexceeded" => ErrorCategory::LimitsExceeded,
        "parsererror" => ErrorCategory::ParserError,
        _ => ErrorCategory::NotSpecified,
    }
}

/// Get-Error (GetErrorCommand): the piped record, else the newest `-Newest` (1) records of
/// `$Error`, each marked `ErrorRecord#PSExtendedError` so that it shows in Get-Error's view;
/// numbered (`PSErrorIndex`) when there are several.
fn get_error(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let records: Vec<std::rc::Rc<crate::runtime::ErrorRecord>> = match b.get("InputObject") {
        Some(value) => match value {
            Value::Error(record) => vec![record.clone()],
            _ => Vec::new(),
        },
        None => {
            let newest = b.int("Newest").unwrap_or(1).max(0) as usize;
            let errors = ctx.session.errors.borrow();
            errors
                .iter()
                .take(newest)
                .filter_map(|v| match v {
                    Value::Error(record) => Some(record.clone()),
                    _ => None,
                })
                .collect()
        }
    };
    let numbered = records.len() > 1;
    for (index, record) in records.iter().enumerate() {
        let mut copy = (**record).clone();
        copy.extended = Some(crate::runtime::ExtendedError {
            index: numbered.then_some(index as i64),
        });
        ctx.write_object(Value::Error(std::rc::Rc::new(copy)));
    }
    Ok(())
}

fn write_error(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(Value::Error(rec)) = b.get("ErrorRecord") {
        return ctx.write_error((**rec).clone());
    }
    let (exception_type, message) = match b.get("Exception") {
        Some(Value::Error(rec)) => (
            rec.exception.type_name.clone(),
            b.string("Message")
                .unwrap_or_else(|| rec.exception.message.clone()),
        ),
        Some(e) if b.string("Message").is_none() => (
            "System.Exception".to_string(),
            e.property("Message")
                .unwrap_or_else(|| e.clone())
                .to_ps_string(),
        ),
        _ => (
            "Microsoft.PowerShell.Commands.WriteErrorException".to_string(),
            b.string("Message").unwrap_or_default(),
        ),
    };
    let id = b
        .string("ErrorId")
        .unwrap_or_else(|| exception_type.clone());
    let category = b
        .string("Category")
        .map(|c| error_category(&c))
        .unwrap_or(ErrorCategory::NotSpecified);
    let mut record = ctx.error(&exception_type, message, &id, category);
    // Write-Error reports the caller's $MyInvocation (WriteErrorCommand): inside a function the
    // call of that function, named after it; at the top of a script the script itself (started
    // from the command line it has no position, and ConciseView, which names only commands
    // Get-Command finds, heads it `Write-Error:`); at the prompt or in -Command text, Write-Error
    // itself. The FQID ends with the caller's name.
    record.command_class = String::new();
    let mut classed = true;
    match ctx.session.scopes.current_frame() {
        // In a script block (`& { Write-Error x }`): the block's call, which ConciseView heads
        // with the activity (`Write-Error:`) and NormalView with the block's text.
        Some(frame) if !frame.is_script && frame.block_text.is_some() => {
            if let Some(mut inv) = ctx.session.caller_invocation() {
                inv.command_name = None;
                inv.command_kind = crate::runtime::CommandKind::ScriptBlock(
                    frame.block_text.clone().unwrap_or_default(),
                );
                record.invocation = Some(inv);
                classed = false;
            }
        }
        Some(frame) if !frame.is_script => {
            if let Some(inv) = ctx.session.caller_invocation() {
                record.command_class = frame.command_name.clone();
                record.invocation = Some(inv);
            }
        }
        Some(frame) => {
            let (source, extent) = match &frame.call_site {
                Some((source, span)) => (source.clone(), *span),
                None => (
                    crate::syntax::SourceFile::new(None, ""),
                    crate::syntax::Span::new(0, 0),
                ),
            };
            let path = frame.def.name.to_string();
            record.command_class = frame.command_name.clone();
            record.invocation = Some(crate::runtime::InvocationInfo {
                command_name: Some(frame.command_name.clone()),
                invocation_name: Some(frame.invocation_name.clone()),
                source,
                extent,
                command_kind: crate::runtime::CommandKind::ExternalScript(path),
            });
        }
        None => {}
    }
    record.activity = b
        .string("CategoryActivity")
        .unwrap_or_else(|| "Write-Error".into());
    if let Some(target) = b.get("TargetObject").filter(|t| !t.is_null()) {
        record.target_name = ctx.session.stringify(target);
        record.target_type = crate::runtime::errors::short_type_name(&target.type_name());
        record.target_object = Some(target.clone());
    }
    if let Some(t) = b.string("CategoryTargetName") {
        record.target_name = t;
    }
    if let Some(t) = b.string("CategoryTargetType") {
        record.target_type = t;
    }
    record.recommended_action = b.string("RecommendedAction");
    ctx.write_error_classed(record, classed)
}

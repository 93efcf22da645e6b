//! Host and stream cmdlets every script uses: Write-Host, Write-Output, Write-Warning,
//! Write-Error, Write-Verbose, Out-Null.

use super::def::{CmdletDef, ParamDef, ParamKind, ParamType, PipelineMode, types};
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, Value};

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
            .param(ParamDef::new("InputObject", types::OBJECT_ARRAY).position(0).mandatory().from_pipeline().remaining().help("The objects to send down the pipeline."))
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
        CmdletDef::new("Write-Error", UTILITY, write_error)
            .class("Microsoft.PowerShell.Commands.WriteErrorCommand")
            .synopsis("Writes an object to the error stream.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Message", types::STRING).position(0).from_pipeline().alias("Msg").help("The message text of the error."))
            .param(ParamDef::new("Category", types::STRING).help("The category of the error."))
            .param(ParamDef::new("ErrorId", types::STRING).help("An ID string to identify the error."))
            .param(ParamDef::new("TargetObject", types::OBJECT).help("The object that was being processed."))
            .param(ParamDef::new("Exception", types::OBJECT).help("An exception object that represents the error."))
            .param(ParamDef::new("ErrorRecord", types::OBJECT).help("An error record object that represents the error.")),
    ]
}

fn write_host(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let sep = b
        .get("Separator")
        .map(|v| ctx.session.stringify(v))
        .unwrap_or_else(|| " ".into());
    let text = match b.get("Object") {
        None | Some(Value::Null) => String::new(),
        Some(Value::Array(items)) => items
            .borrow()
            .iter()
            .map(|v| host_text(ctx, v, &sep))
            .collect::<Vec<_>>()
            .join(&sep),
        Some(v) => host_text(ctx, v, &sep),
    };
    let fg = b.string("ForegroundColor");
    let bg = b.string("BackgroundColor");
    let painted = if ctx.session.options.color_out && (fg.is_some() || bg.is_some()) {
        crate::format::paint_console(&text, fg.as_deref(), bg.as_deref())
    } else {
        text
    };
    let newline = if b.switch("NoNewline") { "" } else { "\n" };
    ctx.write_host(&format!("{painted}{newline}"));
    Ok(())
}

/// Write-Host prints collections item by item with the separator.
fn host_text(ctx: &CommandContext<'_>, v: &Value, sep: &str) -> String {
    match v {
        Value::Array(items) => items
            .borrow()
            .iter()
            .map(|i| host_text(ctx, i, sep))
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

fn write_error(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(Value::Error(rec)) = b.get("ErrorRecord") {
        return ctx.write_error((**rec).clone());
    }
    let message = b
        .string("Message")
        .or_else(|| {
            b.get("Exception").map(|e| {
                e.property("Message")
                    .unwrap_or_else(|| e.clone())
                    .to_ps_string()
            })
        })
        .unwrap_or_default();
    let id = b
        .string("ErrorId")
        .unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
    let category = match b
        .string("Category")
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("invalidargument") => ErrorCategory::InvalidArgument,
        Some("invalidoperation") => ErrorCategory::InvalidOperation,
        Some("objectnotfound") => ErrorCategory::ObjectNotFound,
        Some("permissiondenied") => ErrorCategory::PermissionDenied,
        Some("resourceexists") => ErrorCategory::ResourceExists,
        Some("invaliddata") => ErrorCategory::InvalidData,
        _ => ErrorCategory::NotSpecified,
    };
    let mut record = ctx.error(
        "Microsoft.PowerShell.Commands.WriteErrorException",
        message,
        &id,
        category,
    );
    // Write-Error at top level has no command class in its FQID; inside a function pwsh
    // appends the function's name.
    record.command_class = String::new();
    record.target_object = b.get("TargetObject").cloned();
    ctx.write_error(record)
}

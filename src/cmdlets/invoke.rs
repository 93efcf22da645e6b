//! Invoke-Command in its local form (pwsh's InProcess parameter set): runs a script block with
//! arguments bound to its param block, in a child scope or, with -NoNewScope, in the caller's;
//! pipeline input is the block's `$input`. Remote execution (-ComputerName, -Session, ...) is
//! not emulated offline and fails loudly.

use crate::runtime::{BoundParameters, CmdletDef, CommandContext, Flow, Value};
use crate::vocab::{ParamDef, PipelineMode, types};

const CORE: &str = "Microsoft.PowerShell.Core";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Invoke-Command", CORE, invoke_command)
            .class("Microsoft.PowerShell.Commands.InvokeCommandCommand")
            .synopsis("Runs commands on local and remote computers.")
            .description("Offline: runs the script block locally, as pwsh does without -ComputerName or -Session. -ArgumentList values bind to the block's param() (or $args); piped objects are its $input. The block runs in a child scope unless -NoNewScope is given.")
            .alias("icm")
            .pipeline(PipelineMode::Collect)
            .default_set("InProcess")
            .param(ParamDef::new("ScriptBlock", types::SCRIPTBLOCK).sets(&["InProcess", "ComputerName", "Session"]).position(0).mandatory().alias("Command").help("The commands to run."))
            .param(ParamDef::new("ArgumentList", types::OBJECT_ARRAY).alias("Args").help("Values for the script block's parameters, in order."))
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("Objects the script block reads as $input."))
            .param(ParamDef::new("NoNewScope", types::SWITCH).sets(&["InProcess"]).help("Runs the block in the current scope: its variables stay."))
            .param(ParamDef::new("ComputerName", types::STRING_ARRAY).sets(&["ComputerName"]).mandatory().alias("Cn").not_emulated().help("Remote computers (not emulated offline)."))
            .param(ParamDef::new("Session", types::OBJECT_ARRAY).sets(&["Session"]).mandatory().not_emulated().help("Remote sessions (not emulated offline)."))
            .param(ParamDef::new("FilePath", types::STRING).sets(&["FilePath"]).mandatory().alias("PSPath").not_emulated().help("A script to run remotely (not emulated offline)."))
            .param(ParamDef::new("Credential", types::CREDENTIAL).not_emulated().help("The account for remote commands (not emulated offline)."))
            .param(ParamDef::new("AsJob", types::SWITCH).not_emulated().help("Runs as a background job (not emulated offline)."))
            .example("Run a block with arguments", "Invoke-Command -ScriptBlock { param($upn) Get-CsOnlineUser -Identity $upn } -ArgumentList 'adele@contoso.com'", "The user, as if the block had been called with &."),
    ]
}

/// The parameters of remote execution, refused loudly.
const REMOTE: &[&str] = &["ComputerName", "Session", "FilePath", "Credential", "AsJob"];

fn invoke_command(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(name) = REMOTE.iter().find(|p| b.has(p)) {
        let def = ctx.def.clone();
        let what = format!("Invoke-Command -{name} (remote execution)");
        return Err(ctx.terminate(crate::runtime::errors::not_emulated(&def, &what)));
    }
    let Some(Value::ScriptBlock(sb)) = b.get("ScriptBlock").cloned() else {
        return Ok(());
    };
    let args = b
        .get("ArgumentList")
        .map(Value::enumerate)
        .unwrap_or_default();
    let input = if ctx.collected.is_empty() {
        b.get("InputObject")
            .map(Value::enumerate)
            .unwrap_or_default()
    } else {
        ctx.collected.clone()
    };
    let span = ctx.command_span;
    let mut out = Vec::new();
    let result =
        ctx.session
            .invoke_block_collect(&sb, args, input, b.switch("NoNewScope"), span, &mut out);
    ctx.output.extend(out);
    result
}

//! Invoke-History (`r`, `ihy`): runs a line of this session's history again, as pwsh's console
//! does: the line is echoed, run, and recorded in the history as itself (not as `r`).

use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, HistoryEntry};
use crate::vocab::{ParamDef, types};

const CORE: &str = "Microsoft.PowerShell.Core";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Invoke-History", CORE, invoke_history)
            .class("Microsoft.PowerShell.Commands.InvokeHistoryCommand")
            .synopsis("Runs commands from the session history.")
            .description("Runs a line of this session's history again: the most recent one, the one with the given Id, or the most recent one that starts with the given text. The line is shown, then run, and the history records it as it was run.")
            .alias("r")
            .alias("ihy")
            .param(ParamDef::new("Id", types::STRING).position(0).help("The Id of a history entry, or the start of its command line. Without it, the most recent entry runs."))
            .example("Run the last line again", "r", "Shows the line, then runs it.")
            .example("Run a line by its Id", "Invoke-History 3", "The Id is the one Get-History shows.")
            .example("Run the last Grant again", "r Grant", "The most recent line that starts with Grant."),
    ]
}

/// Which history line `spec` names (pwsh's rules: none is the newest, a number is an Id, other
/// text is the start of a command line, newest first).
pub fn find_entry<'h>(
    history: &'h [HistoryEntry],
    spec: Option<&str>,
) -> Result<&'h HistoryEntry, String> {
    match spec.map(str::trim).filter(|s| !s.is_empty()) {
        None => history
            .last()
            .ok_or_else(|| "Cannot locate the history for Id 0.".to_string()),
        Some(s) => match s.parse::<i64>() {
            Ok(id) => history
                .iter()
                .find(|e| e.id == id)
                .ok_or_else(|| format!("Cannot locate the history for Id {id}.")),
            Err(_) => history
                .iter()
                .rev()
                .find(|e| {
                    e.command_line.len() >= s.len()
                        && e.command_line.is_char_boundary(s.len())
                        && e.command_line[..s.len()].eq_ignore_ascii_case(s)
                })
                .ok_or_else(|| format!("Cannot locate the history for command line {s}.")),
        },
    }
}

fn invoke_history(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let spec = b.string("Id");
    let line = match find_entry(&ctx.session.history, spec.as_deref()) {
        Ok(e) => e.command_line.clone(),
        Err(message) => {
            let r = ctx.error(
                "System.ArgumentException",
                message,
                "InvokeHistoryNoHistoryFound",
                ErrorCategory::ObjectNotFound,
            );
            return Err(ctx.terminate(r));
        }
    };
    ctx.write_host(&format!("{line}\n"));
    let source = crate::syntax::SourceFile::new(None, &line);
    let ast = match crate::syntax::parse_script(source) {
        Ok(ast) => ast,
        Err(errors) => {
            ctx.session.report_parse_errors(&errors);
            return Ok(());
        }
    };
    let start = ctx.session.clock.now();
    let mut out = Vec::new();
    let result = ctx.session.run_block_here(&ast, &mut out);
    for v in out {
        ctx.write_object(v);
    }
    // The history keeps the line that ran; the REPL sees the new entry and does not add `r`.
    let id = ctx.session.history.last().map_or(1, |e| e.id + 1);
    let status = match &result {
        Ok(()) => "Completed",
        Err(Flow::Stopped) => "Stopped",
        Err(_) => "Failed",
    };
    ctx.session.history.push(HistoryEntry {
        id,
        command_line: line,
        status,
        start,
        end: ctx.session.clock.now(),
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, line: &str) -> HistoryEntry {
        let now = time::OffsetDateTime::UNIX_EPOCH;
        HistoryEntry {
            id,
            command_line: line.into(),
            status: "Completed",
            start: now,
            end: now,
        }
    }

    #[test]
    fn entries_by_id_prefix_or_newest() {
        let h = [
            entry(1, "\"abc\" + 1"),
            entry(2, "Get-Date"),
            entry(3, "\"abd\""),
        ];
        assert_eq!(find_entry(&h, None).unwrap().id, 3);
        assert_eq!(find_entry(&h, Some("1")).unwrap().id, 1);
        assert_eq!(find_entry(&h, Some("\"ab")).unwrap().id, 3);
        assert_eq!(find_entry(&h, Some("get-")).unwrap().id, 2);
        assert_eq!(
            find_entry(&h, Some("9999")).unwrap_err(),
            "Cannot locate the history for Id 9999."
        );
        assert_eq!(
            find_entry(&h, Some("zzz")).unwrap_err(),
            "Cannot locate the history for command line zzz."
        );
    }
}

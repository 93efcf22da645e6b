//! PSReadLine's own cmdlets, so that an admin's profile and habits run: Get-/Set-PSReadLineOption
//! and Get-/Set-/Remove-PSReadLineKeyHandler. The options live in `runtime::host` (one set per
//! process, as PSReadLine's); the REPL applies them to its line editor before each prompt (edit
//! mode and its bindings, key handlers, the history file).

use crate::runtime::errors;
use crate::runtime::host::{line_editor_options, update_line_editor_options};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, PsObject, Value,
};
use crate::vocab::{ParamDef, ParamKind, ParamType, Validation, types};

const MODULE: &str = "PSReadLine";
const OPTIONS_TYPE: &str = "Microsoft.PowerShell.PSConsoleReadLineOptions";
const KEY_HANDLER_TYPE: &str = "Microsoft.PowerShell.KeyHandler";

const EDIT_MODE: ParamType = ParamType::new(
    ParamKind::Enum(&["Windows", "Emacs", "Vi"]),
    "EditMode",
    "Microsoft.PowerShell.EditMode",
);
const PREDICTION_SOURCE: ParamType = ParamType::new(
    ParamKind::Enum(&["None", "History", "Plugin", "HistoryAndPlugin"]),
    "PredictionSource",
    "Microsoft.PowerShell.PredictionSource",
);
const PREDICTION_VIEW_STYLE: ParamType = ParamType::new(
    ParamKind::Enum(&["InlineView", "ListView"]),
    "PredictionViewStyle",
    "Microsoft.PowerShell.PredictionViewStyle",
);
const BELL_STYLE: ParamType = ParamType::new(
    ParamKind::Enum(&["None", "Visual", "Audible"]),
    "BellStyle",
    "Microsoft.PowerShell.BellStyle",
);

/// The token colours `-Colors` takes (PSReadLine 2.3), in the order Get-PSReadLineOption shows
/// their `...Color` properties.
pub const COLOR_NAMES: &[&str] = &[
    "ContinuationPrompt",
    "Default",
    "Comment",
    "Keyword",
    "String",
    "Operator",
    "Variable",
    "Command",
    "Parameter",
    "Type",
    "Number",
    "Member",
    "Emphasis",
    "Error",
    "Selection",
    "InlinePrediction",
    "ListPrediction",
    "ListPredictionSelected",
    "ListPredictionTooltip",
];

/// Every function Set-PSReadLineKeyHandler -Function accepts (PSReadLine 2.3's ValidateSet).
pub const FUNCTIONS: &[&str] = &[
    "Abort",
    "AcceptAndGetNext",
    "AcceptLine",
    "AcceptNextSuggestionWord",
    "AcceptSuggestion",
    "AddLine",
    "BackwardChar",
    "BackwardDeleteChar",
    "BackwardDeleteInput",
    "BackwardDeleteLine",
    "BackwardDeleteWord",
    "BackwardKillInput",
    "BackwardKillLine",
    "BackwardKillWord",
    "BackwardWord",
    "BeginningOfHistory",
    "BeginningOfLine",
    "CancelLine",
    "CapitalizeWord",
    "CaptureScreen",
    "CharacterSearch",
    "CharacterSearchBackward",
    "ClearHistory",
    "ClearScreen",
    "Complete",
    "Copy",
    "CopyOrCancelLine",
    "Cut",
    "DeleteChar",
    "DeleteCharOrExit",
    "DeleteEndOfBuffer",
    "DeleteEndOfWord",
    "DeleteLine",
    "DeleteLineToFirstChar",
    "DeletePreviousLines",
    "DeleteToEnd",
    "DeleteWord",
    "DigitArgument",
    "DowncaseWord",
    "EndOfHistory",
    "EndOfLine",
    "ExchangePointAndMark",
    "ForwardChar",
    "ForwardDeleteInput",
    "ForwardDeleteLine",
    "ForwardSearchHistory",
    "ForwardWord",
    "GotoBrace",
    "GotoColumn",
    "GotoFirstNonBlankOfLine",
    "HistorySearchBackward",
    "HistorySearchForward",
    "InsertLineAbove",
    "InsertLineBelow",
    "InvertCase",
    "InvokePrompt",
    "KillLine",
    "KillRegion",
    "KillWord",
    "MenuComplete",
    "MoveToEndOfLine",
    "NextHistory",
    "NextLine",
    "NextSuggestion",
    "NextWord",
    "NextWordEnd",
    "Paste",
    "PasteAfter",
    "PasteBefore",
    "PossibleCompletions",
    "PrependAndAccept",
    "PreviousHistory",
    "PreviousLine",
    "PreviousSuggestion",
    "Redo",
    "RepeatLastCharSearch",
    "RepeatLastCharSearchBackwards",
    "RepeatLastCommand",
    "RepeatSearch",
    "RepeatSearchBackward",
    "ReverseSearchHistory",
    "RevertLine",
    "ScrollDisplayDown",
    "ScrollDisplayDownLine",
    "ScrollDisplayToCursor",
    "ScrollDisplayTop",
    "ScrollDisplayUp",
    "ScrollDisplayUpLine",
    "SearchChar",
    "SearchCharBackward",
    "SearchCharBackwardWithBackoff",
    "SearchCharWithBackoff",
    "SearchForward",
    "SelectAll",
    "SelectBackwardChar",
    "SelectBackwardsLine",
    "SelectBackwardWord",
    "SelectCommandArgument",
    "SelectForwardChar",
    "SelectForwardWord",
    "SelectLine",
    "SelectNextWord",
    "SelectShellBackwardWord",
    "SelectShellForwardWord",
    "SelectShellNextWord",
    "SelfInsert",
    "SetMark",
    "ShellBackwardKillWord",
    "ShellBackwardWord",
    "ShellForwardWord",
    "ShellKillWord",
    "ShellNextWord",
    "ShowCommandHelp",
    "ShowFullPredictionTooltip",
    "ShowKeyBindings",
    "ShowParameterHelp",
    "SwapCharacters",
    "SwitchPredictionView",
    "TabCompleteNext",
    "TabCompletePrevious",
    "Undo",
    "UndoAll",
    "UnixWordRubout",
    "UpcaseWord",
    "ValidateAndAcceptLine",
    "ViAcceptLine",
    "ViAcceptLineOrExit",
    "ViAppendLine",
    "ViBackwardChar",
    "ViBackwardDeleteGlob",
    "ViBackwardGlob",
    "ViBackwardWord",
    "ViCommandMode",
    "ViDeleteBrace",
    "ViDeleteEndOfGlob",
    "ViDeleteGlob",
    "ViDeleteToBeforeChar",
    "ViDeleteToBeforeCharBackward",
    "ViDeleteToChar",
    "ViDeleteToCharBackward",
    "ViDigitArgumentInChord",
    "ViEditVisually",
    "ViEndOfGlob",
    "ViEndOfPreviousGlob",
    "ViExit",
    "ViForwardChar",
    "ViGotoBrace",
    "ViInsertAtBegining",
    "ViInsertAtEnd",
    "ViInsertLine",
    "ViInsertMode",
    "ViInsertWithAppend",
    "ViInsertWithDelete",
    "ViJoinLines",
    "ViNextGlob",
    "ViNextWord",
    "ViReplaceLine",
    "ViReplaceToBeforeChar",
    "ViReplaceToBeforeCharBackward",
    "ViReplaceToChar",
    "ViReplaceToCharBackward",
    "ViSearchHistoryBackward",
    "ViTabCompleteNext",
    "ViTabCompletePrevious",
    "ViYankBeginningOfLine",
    "ViYankEndOfGlob",
    "ViYankEndOfWord",
    "ViYankLeft",
    "ViYankLine",
    "ViYankNextGlob",
    "ViYankNextWord",
    "ViYankPercent",
    "ViYankPreviousGlob",
    "ViYankPreviousWord",
    "ViYankRight",
    "ViYankToEndOfLine",
    "ViYankToFirstChar",
    "WhatIsKey",
    "Yank",
    "YankLastArg",
    "YankNthArg",
    "YankPop",
];

fn function_param() -> ParamDef {
    let mut p = ParamDef::new("Function", types::STRING)
        .sets(&["Function"])
        .mandatory()
        .help("The PSReadLine function the chord runs (Complete, HistorySearchBackward, MenuComplete, ...).");
    p.validations.push(Validation::Set(
        FUNCTIONS.iter().map(|f| f.to_string()).collect(),
    ));
    p
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-PSReadLineOption", MODULE, get_option)
            .class("Microsoft.PowerShell.GetPSReadLineOption")
            .synopsis("Gets values for the options that can be configured.")
            .description("Returns the line editor's options: the edit mode, prediction settings, colours, the history file.")
            .outputs(OPTIONS_TYPE),
        CmdletDef::new("Set-PSReadLineOption", MODULE, set_option)
            .class("Microsoft.PowerShell.SetPSReadLineOption")
            .synopsis("Customizes the behavior of command line editing in PSReadLine.")
            .description("Sets the line editor's options. -EditMode switches the key bindings at the next prompt (Emacs: Tab lists candidates on a second press; Windows: Tab cycles, Esc clears the line, Ctrl+Z undoes; Vi: vi keys).")
            .param(ParamDef::new("EditMode", EDIT_MODE).help("Windows, Emacs or Vi key bindings."))
            .param(ParamDef::new("PredictionSource", PREDICTION_SOURCE).help("Where suggestions come from; None turns the history suggestion off."))
            .param(ParamDef::new("PredictionViewStyle", PREDICTION_VIEW_STYLE).help("InlineView or ListView (shown inline here)."))
            .param(ParamDef::new("Colors", types::HASHTABLE).help("Token colours: a hashtable of PSReadLine colour names (Command, Parameter, String, ...) and colours."))
            .param(ParamDef::new("HistorySavePath", types::STRING).help("The file the history is kept in."))
            .param(ParamDef::new("HistoryNoDuplicates", types::SWITCH).help("Keeps a line out of the history when it repeats the one before."))
            .param(ParamDef::new("MaximumHistoryCount", types::INT32).help("How many lines the history keeps."))
            .param(ParamDef::new("BellStyle", BELL_STYLE).help("None, Visual or Audible."))
            .param(ParamDef::new("ShowToolTips", types::SWITCH).help("Shows descriptions in completion lists."))
            .param(ParamDef::new("ContinuationPrompt", types::STRING).help("The prompt of continuation lines (`>> `)."))
            .example("Use the Windows key bindings", "Set-PSReadLineOption -EditMode Windows", "Esc clears the line, Ctrl+Z undoes, Tab cycles through candidates.")
            .example("Colour commands green", "Set-PSReadLineOption -Colors @{ Command = 'Green' }", "Later prompts colour command names green."),
        CmdletDef::new("Get-PSReadLineKeyHandler", MODULE, get_key_handler)
            .class("Microsoft.PowerShell.GetKeyHandlerCommand")
            .synopsis("Gets the key bindings for the PSReadLine module.")
            .param(ParamDef::new("Chord", types::STRING_ARRAY).position(0).alias("Key").help("Only the bindings of these chords."))
            .param(ParamDef::new("Bound", types::SWITCH).help("Bound keys (the default)."))
            .param(ParamDef::new("Unbound", types::SWITCH).help("Functions without a key (none are listed here).")),
        CmdletDef::new("Set-PSReadLineKeyHandler", MODULE, set_key_handler)
            .class("Microsoft.PowerShell.SetPSReadLineKeyHandlerCommand")
            .synopsis("Binds keys to user-defined or PSReadLine key handler functions.")
            .default_set("ScriptBlock")
            .param(ParamDef::new("Chord", types::STRING_ARRAY).position(0).mandatory().alias("Key").help("The key or sequence of keys, such as Ctrl+Spacebar, Alt+., UpArrow or F1."))
            .param(function_param())
            .param(ParamDef::new("ScriptBlock", types::SCRIPTBLOCK).sets(&["ScriptBlock"]).mandatory().position(1).help("A script block to run for the key (not emulated: use -Function)."))
            .param(ParamDef::new("BriefDescription", types::STRING).sets(&["ScriptBlock"]).help("A short description of the handler."))
            .param(ParamDef::new("Description", types::STRING).alias("LongDescription").sets(&["ScriptBlock"]).help("A longer description of the handler."))
            .param(ParamDef::new("ViMode", types::STRING).help("Insert or Command: the Vi mode the binding is for."))
            .example("Search the history by what was typed", "Set-PSReadLineKeyHandler -Key UpArrow -Function HistorySearchBackward", "Up arrow finds the previous line that starts with the text before the cursor."),
        CmdletDef::new("Remove-PSReadLineKeyHandler", MODULE, remove_key_handler)
            .class("Microsoft.PowerShell.RemoveKeyHandlerCommand")
            .synopsis("Removes a key binding.")
            .param(ParamDef::new("Chord", types::STRING_ARRAY).position(0).mandatory().alias("Key").help("The chords to unbind.")),
    ]
}

fn get_option(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let o = line_editor_options();
    let color = |name: &str| {
        o.colors
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let mut obj = PsObject::new(OPTIONS_TYPE)
        .with("EditMode", Value::str(&o.edit_mode))
        .with("ContinuationPrompt", Value::str(">> "))
        .with(
            "ContinuationPromptColor",
            Value::str(color("ContinuationPrompt")),
        )
        .with("ExtraPromptLineCount", Value::integer(0))
        .with("HistoryNoDuplicates", Value::Bool(o.history_no_duplicates))
        .with(
            "MaximumHistoryCount",
            Value::integer(o.maximum_history_count),
        )
        .with("MaximumKillRingCount", Value::integer(10))
        .with("HistorySearchCursorMovesToEnd", Value::Bool(false))
        .with("ShowToolTips", Value::Bool(o.show_tool_tips))
        .with("CompletionQueryItems", Value::integer(100))
        .with("BellStyle", Value::str(&o.bell_style))
        .with("HistorySearchCaseSensitive", Value::Bool(false))
        .with(
            "HistorySavePath",
            Value::str(o.history_save_path.clone().unwrap_or_default()),
        )
        .with("HistorySaveStyle", Value::str("SaveIncrementally"))
        .with("PredictionSource", Value::str(&o.prediction_source))
        .with("PredictionViewStyle", Value::str(&o.prediction_view_style));
    for name in COLOR_NAMES.iter().filter(|n| **n != "ContinuationPrompt") {
        let property = if *name == "Default" {
            "DefaultTokenColor".to_string()
        } else {
            format!("{name}Color")
        };
        obj = obj.with(&property, Value::str(color(name)));
    }
    ctx.write_object(Value::object(obj));
    Ok(())
}

fn set_option(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let mut colors = Vec::new();
    if let Some(Value::Hashtable(h)) = b.get("Colors") {
        for (k, v) in h.borrow().iter() {
            let key = k.to_ps_string();
            let Some(name) = COLOR_NAMES.iter().find(|n| n.eq_ignore_ascii_case(&key)) else {
                // pwsh 7.6.10: "'Bogus' is not a valid color property".
                let r = ctx.error(
                    "System.ArgumentException",
                    format!("'{key}' is not a valid color property"),
                    "System.ArgumentException,Microsoft.PowerShell.SetPSReadLineOption",
                    ErrorCategory::NotSpecified,
                );
                return Err(ctx.terminate(r));
            };
            colors.push((name.to_string(), v.to_ps_string()));
        }
    }
    update_line_editor_options(|o| {
        if let Some(v) = b.string("EditMode") {
            o.edit_mode = v;
        }
        if let Some(v) = b.string("PredictionSource") {
            o.prediction_source = v;
        }
        if let Some(v) = b.string("PredictionViewStyle") {
            o.prediction_view_style = v;
        }
        if let Some(v) = b.string("HistorySavePath") {
            o.history_save_path = Some(v);
        }
        if b.get("HistoryNoDuplicates").is_some() {
            o.history_no_duplicates = b.switch("HistoryNoDuplicates");
        }
        if let Some(v) = b.int("MaximumHistoryCount") {
            o.maximum_history_count = v;
        }
        if let Some(v) = b.string("BellStyle") {
            o.bell_style = v;
        }
        if b.get("ShowToolTips").is_some() {
            o.show_tool_tips = b.switch("ShowToolTips");
        }
        for (name, value) in colors {
            o.colors.retain(|(n, _)| *n != name);
            o.colors.push((name, value));
        }
    });
    Ok(())
}

/// The bindings the REPL has in an edit mode (the main ones), as Get-PSReadLineKeyHandler lists
/// them: key, function, group.
fn default_bindings(mode: &str) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut v = vec![
        ("Enter", "AcceptLine", "Basic"),
        ("Ctrl+c", "CopyOrCancelLine", "Basic"),
        ("LeftArrow", "BackwardChar", "Cursor movement"),
        ("RightArrow", "ForwardChar", "Cursor movement"),
        ("Home", "BeginningOfLine", "Cursor movement"),
        ("End", "EndOfLine", "Cursor movement"),
        ("UpArrow", "PreviousHistory", "History"),
        ("DownArrow", "NextHistory", "History"),
        ("Ctrl+r", "ReverseSearchHistory", "History"),
        ("Ctrl+s", "ForwardSearchHistory", "History"),
        ("Backspace", "BackwardDeleteChar", "Basic"),
        ("Delete", "DeleteChar", "Basic"),
        ("F1", "ShowCommandHelp", "Miscellaneous"),
    ];
    match mode {
        "Windows" => v.extend([
            ("Tab", "TabCompleteNext", "Completion"),
            ("Shift+Tab", "TabCompletePrevious", "Completion"),
            ("Escape", "RevertLine", "Basic"),
            ("Ctrl+z", "Undo", "Basic"),
            ("Ctrl+l", "ClearScreen", "Miscellaneous"),
        ]),
        _ => v.extend([
            ("Tab", "Complete", "Completion"),
            ("Ctrl+a", "BeginningOfLine", "Cursor movement"),
            ("Ctrl+e", "EndOfLine", "Cursor movement"),
            ("Ctrl+d", "DeleteCharOrExit", "Basic"),
            ("Ctrl+k", "KillLine", "Basic"),
            ("Ctrl+u", "BackwardKillInput", "Basic"),
            ("Ctrl+_", "Undo", "Basic"),
            ("Ctrl+l", "ClearScreen", "Miscellaneous"),
            ("Alt+.", "YankLastArg", "Basic"),
        ]),
    }
    v
}

fn key_handler(key: &str, function: &str, group: &str) -> Value {
    Value::object(
        PsObject::new(KEY_HANDLER_TYPE)
            .with("Key", Value::str(key))
            .with("Function", Value::str(function))
            .with("Description", Value::str(""))
            .with("Group", Value::str(group)),
    )
}

fn get_key_handler(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let o = line_editor_options();
    let chords = b.strings("Chord");
    let wanted = |key: &str| {
        chords
            .as_ref()
            .is_none_or(|c| c.iter().any(|k| k.eq_ignore_ascii_case(key)))
    };
    let mut rows: Vec<(String, String, String)> = default_bindings(&o.edit_mode)
        .into_iter()
        .filter(|(k, _, _)| {
            !o.key_handlers
                .iter()
                .any(|(user, _)| user.eq_ignore_ascii_case(k))
        })
        .map(|(k, f, g)| (k.to_string(), f.to_string(), g.to_string()))
        .collect();
    rows.extend(
        o.key_handlers
            .iter()
            .map(|(k, f)| (k.clone(), f.clone(), "Custom".to_string())),
    );
    for (k, f, g) in rows.iter().filter(|(k, _, _)| wanted(k)) {
        ctx.write_object(key_handler(k, f, g));
    }
    Ok(())
}

fn set_key_handler(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if b.get("ScriptBlock").is_some() {
        let def = ctx.def.clone();
        return Err(ctx.terminate(errors::not_emulated(
            &def,
            "A script block key handler (Set-PSReadLineKeyHandler -ScriptBlock)",
        )));
    }
    let function = b.string("Function").unwrap_or_default();
    let function = FUNCTIONS
        .iter()
        .find(|f| f.eq_ignore_ascii_case(&function))
        .map_or(function, |f| f.to_string());
    let chords = b.strings("Chord").unwrap_or_default();
    update_line_editor_options(|o| {
        for chord in chords {
            o.key_handlers
                .retain(|(k, _)| !k.eq_ignore_ascii_case(&chord));
            o.key_handlers.push((chord, function.clone()));
        }
    });
    Ok(())
}

fn remove_key_handler(_: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let chords = b.strings("Chord").unwrap_or_default();
    update_line_editor_options(|o| {
        o.key_handlers
            .retain(|(k, _)| !chords.iter().any(|c| c.eq_ignore_ascii_case(k)));
    });
    Ok(())
}

//! Discovery cmdlets, all generated from the one cmdlet table: Get-Help (pwsh's help layout:
//! NAME, SYNOPSIS, SYNTAX, DESCRIPTION, PARAMETERS, EXAMPLES; `-Examples`, `-Detailed`, `-Full`,
//! `-Parameter`; the `about_aapsh` topic; `Cmdlet -?` lands here), Get-Command (`-Name`,
//! `-Verb`, `-Noun`, `-Module` wildcards, `-Syntax`, pwsh's CommandInfo objects), Get-History
//! (the interactive lines the REPL recorded) and Clear-Host. The syntax lines here are also
//! the REPL's hints. Nothing about a cmdlet is written here: it all comes from `CmdletDef`.

use std::io::IsTerminal;

use crate::runtime::binder::{is_advanced, should_process_parameters};
use crate::runtime::operators::wildcard_match;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, PsObject, Value};
use crate::runtime::{CmdletDef, Implementation};
use crate::vocab::{ParamDef, PipelineMode, types};

const CORE: &str = "Microsoft.PowerShell.Core";

/// The module versions Get-Command reports. pwsh's own modules are those of pwsh 7.4; the
/// MicrosoftTeams version is the one Get-Module reports.
fn module_version(module: &str) -> &'static str {
    match module {
        CORE => "7.4.6",
        "aapsh" => env!("CARGO_PKG_VERSION"),
        m if super::modules::module_version(m).is_some() => {
            super::modules::module_version(m).unwrap_or_default()
        }
        m if m.starts_with("Microsoft.PowerShell.") => "7.0.0.0",
        _ => "1.0.0",
    }
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Help", CORE, get_help)
            .class("Microsoft.PowerShell.Commands.GetHelpCommand")
            .synopsis("Displays information about PowerShell commands and concepts.")
            .description("Shows the help of a command (generated from the same table that the parameter binder and tab completion use) or of a conceptual topic such as about_aapsh. Without -Name it explains how to get help. A name with wildcards lists the matching commands and topics.")
            .alias("help")
            .default_set("AllUsersView")
            .param(ParamDef::new("Name", types::STRING).position(0).help("Gets help about the specified command or concept: a cmdlet, function or alias name, or a topic such as about_aapsh. Wildcards are permitted."))
            .param(ParamDef::new("Full", types::SWITCH).sets(&["AllUsersView"]).help("Displays the entire help article: parameters with their attributes, inputs, outputs and examples."))
            .param(ParamDef::new("Detailed", types::SWITCH).sets(&["DetailedView"]).mandatory().help("Adds parameter descriptions and examples to the basic help display."))
            .param(ParamDef::new("Examples", types::SWITCH).sets(&["Examples"]).mandatory().help("Displays only the name, synopsis, and examples."))
            .param(ParamDef::new("Parameter", types::STRING_ARRAY).sets(&["Parameters"]).mandatory().help("Displays only the detailed descriptions of the specified parameters. Wildcards are permitted."))
            .param(ParamDef::new("Online", types::SWITCH).sets(&["Online"]).mandatory().help("Offline, prints the address of the online version of the help article (Microsoft Learn) instead of opening a browser."))
            .example("Display the help of a policy cmdlet", "Get-Help Grant-CsApplicationAccessPolicy", "Shows the name, synopsis, syntax and description of the cmdlet.")
            .example("Display one parameter", "Get-Help New-CsApplicationAccessPolicy -Parameter AppIds", "Shows the description and attributes of the -AppIds parameter.")
            .example("Read about the emulator", "Get-Help about_aapsh", "Explains what aapsh emulates and where its behaviour is a documented choice."),
        CmdletDef::new("Get-Command", CORE, get_command)
            .class("Microsoft.PowerShell.Commands.GetCommandCommand")
            .synopsis("Gets all commands.")
            .description("Gets the cmdlets, functions and aliases of the session. -Name, -Verb, -Noun and -Module take wildcards; -Syntax shows each command's parameter sets, one line per set.")
            .alias("gcm")
            .default_set("CmdletSet")
            .param(ParamDef::new("Name", types::STRING_ARRAY).sets(&["AllCommandSet"]).position(0).help("Specifies an array of names. Wildcard characters are permitted."))
            .param(ParamDef::new("Verb", types::STRING_ARRAY).sets(&["CmdletSet"]).help("Gets commands that have the specified verbs. Wildcard characters are permitted."))
            .param(ParamDef::new("Noun", types::STRING_ARRAY).sets(&["CmdletSet"]).help("Gets commands that have the specified nouns. Wildcard characters are permitted."))
            .param(ParamDef::new("Module", types::STRING_ARRAY).alias("PSSnapin").help("Gets the commands that came from the specified modules. Wildcard characters are permitted."))
            .param(ParamDef::new("Syntax", types::SWITCH).help("Gets only the syntax of the command: one line per parameter set."))
            .param(ParamDef::new("TotalCount", types::INT32).help("Gets only the specified number of commands."))
            .example("Find the policy cmdlets", "Get-Command -Noun CsApplicationAccessPolicy", "Lists New-, Get-, Set-, Remove- and Grant-CsApplicationAccessPolicy.")
            .example("Show the syntax of a cmdlet", "Get-Command Grant-CsApplicationAccessPolicy -Syntax", "One line per parameter set, as Get-Help shows under SYNTAX."),
        CmdletDef::new("Get-History", CORE, get_history)
            .class("Microsoft.PowerShell.Commands.GetHistoryCommand")
            .synopsis("Gets a list of the commands entered during the current session.")
            .description("Gets the lines run at the interactive prompt in this session, oldest first. Scripts and -Command text have no history.")
            .alias("h")
            .alias("history")
            .alias("ghy")
            .param(ParamDef::new("Id", types::INT64).position(0).help("Specifies the ID number of an entry in the session history."))
            .param(ParamDef::new("Count", types::INT32).position(1).help("Displays the specified number of the most recent history entries.")),
        CmdletDef::new("Clear-Host", CORE, clear_host)
            .class("Microsoft.PowerShell.Commands.ClearHostCommand")
            .synopsis("Clears the display in the host program.")
            .alias("cls")
            .alias("clear"),
    ]
}

// ---------------------------------------------------------------------------------------------
// Syntax lines (Get-Command -Syntax, Get-Help SYNTAX, REPL hints)

/// The parameter sets in display order: the default set first, then the others as declared.
pub fn ordered_sets(def: &CmdletDef) -> Vec<String> {
    let mut sets: Vec<String> = def.set_names().iter().map(|s| s.to_string()).collect();
    if let Some(default) = &def.default_set
        && let Some(i) = sets.iter().position(|s| s.eq_ignore_ascii_case(default))
    {
        let d = sets.remove(i);
        sets.insert(0, d);
    }
    sets
}

/// One parameter of a set as the syntax line shows it.
struct SetParam<'a> {
    param: &'a ParamDef,
    position: Option<u32>,
    mandatory: bool,
}

/// The parameters of one set in pwsh's display order: positional ones by position, then named
/// mandatory ones, then the other named ones (declaration order), then -WhatIf/-Confirm.
fn set_parameters<'a>(def: &'a CmdletDef, set: &str) -> Vec<SetParam<'a>> {
    let mut positional: Vec<SetParam> = Vec::new();
    let mut mandatory = Vec::new();
    let mut named = Vec::new();
    for p in &def.params {
        let Some(m) = p.in_set(set) else { continue };
        let sp = SetParam {
            param: p,
            position: m.position,
            mandatory: m.mandatory,
        };
        match (sp.position, sp.mandatory) {
            (Some(_), _) => positional.push(sp),
            (None, true) => mandatory.push(sp),
            (None, false) => named.push(sp),
        }
    }
    positional.sort_by_key(|p| p.position);
    let mut all = positional;
    all.extend(mandatory);
    all.extend(named);
    if def.supports_should_process && is_advanced(def) {
        all.extend(should_process_parameters().iter().map(|p| SetParam {
            param: p,
            position: None,
            mandatory: false,
        }));
    }
    all
}

fn format_parameter(p: &SetParam) -> String {
    let name = &p.param.name;
    if p.param.is_switch() {
        return if p.mandatory {
            format!("-{name}")
        } else {
            format!("[-{name}]")
        };
    }
    let ty = p.param.ty.short;
    match (p.mandatory, p.position.is_some()) {
        (true, true) => format!("[-{name}] <{ty}>"),
        (true, false) => format!("-{name} <{ty}>"),
        (false, true) => format!("[[-{name}] <{ty}>]"),
        (false, false) => format!("[-{name} <{ty}>]"),
    }
}

/// The parameters of one set as a syntax line without the command name, leaving out those
/// already typed (`skip`, lowercase names).
pub fn set_syntax(def: &CmdletDef, set: &str, skip: &[String]) -> String {
    let mut parts: Vec<String> = set_parameters(def, set)
        .iter()
        .filter(|p| !skip.contains(&p.param.name.to_ascii_lowercase()))
        .map(format_parameter)
        .collect();
    if is_advanced(def) {
        parts.push("[<CommonParameters>]".into());
    }
    parts.join(" ")
}

/// `Get-Command -Syntax`: one line per parameter set.
pub fn syntax_lines(def: &CmdletDef) -> Vec<String> {
    ordered_sets(def)
        .iter()
        .map(|set| {
            let params = set_syntax(def, set, &[]);
            if params.is_empty() {
                def.name.to_string()
            } else {
                format!("{} {params}", def.name)
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Get-Help

/// Word-wraps a paragraph to `width` columns with `indent` spaces before every line.
fn wrap(text: &str, indent: usize, width: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let room = width.saturating_sub(indent).max(20);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
                lines.push(format!("{pad}{line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(if line.is_empty() {
            String::new()
        } else {
            format!("{pad}{line}")
        });
    }
    lines
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HelpView {
    Default,
    Detailed,
    Full,
    Examples,
}

const COMMON_PARAMETERS_TEXT: &str = "This cmdlet supports the common parameters: Verbose, Debug,\nErrorAction, ErrorVariable, WarningAction, WarningVariable,\nOutBuffer, PipelineVariable, and OutVariable. For more information, see\nabout_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).";

fn pipeline_input(p: &ParamDef) -> &'static str {
    let by_value = p.sets.iter().any(|s| s.from_pipeline);
    let by_name = p.sets.iter().any(|s| s.from_pipeline_by_property_name);
    match (by_value, by_name) {
        (true, true) => "true (ByValue, ByPropertyName)",
        (true, false) => "true (ByValue)",
        (false, true) => "true (ByPropertyName)",
        (false, false) => "false",
    }
}

/// One parameter's block: `-Name <Type>`, its description, then (for -Full and -Parameter)
/// pwsh's attribute table.
fn parameter_block(p: &ParamDef, indent: usize, attributes: bool, width: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let mut out = Vec::new();
    if p.is_switch() {
        out.push(format!("{pad}-{} [<SwitchParameter>]", p.name));
    } else {
        out.push(format!("{pad}-{} <{}>", p.name, p.ty.short));
    }
    let mut help = p.help.to_string();
    if p.ignored_offline && !help.to_ascii_lowercase().contains("offline") {
        help.push_str(" Accepted and ignored offline.");
    }
    if p.not_emulated {
        help.push_str(" Not emulated offline: aapsh refuses it.");
    }
    if !help.is_empty() {
        out.extend(wrap(&help, indent + 4, width));
    }
    if attributes {
        let inner = " ".repeat(indent + 4);
        let required = p.sets.iter().any(|s| s.mandatory);
        let position = p
            .sets
            .iter()
            .find_map(|s| s.position)
            .map_or("named".to_string(), |n| n.to_string());
        let default = if p.is_switch() { "False" } else { "None" };
        out.push(String::new());
        out.push(format!("{inner}Required?                    {required}"));
        out.push(format!("{inner}Position?                    {position}"));
        out.push(format!("{inner}Default value                {default}"));
        out.push(format!(
            "{inner}Accept pipeline input?       {}",
            pipeline_input(p)
        ));
        out.push(format!("{inner}Accept wildcard characters?  false"));
    }
    out.push(String::new());
    out
}

fn example_title(n: usize, title: &str) -> String {
    let text = if title.is_empty() {
        format!("Example {n}")
    } else {
        format!("Example {n}: {title}")
    };
    let dashes = "-".repeat(64usize.saturating_sub(text.chars().count() + 2).max(4) / 2);
    format!("{dashes} {text} {dashes}")
}

fn examples_section(def: &CmdletDef, width: usize, out: &mut Vec<String>) {
    for (i, ex) in def.examples.iter().enumerate() {
        out.push(format!("    {}", example_title(i + 1, ex.title)));
        out.push(String::new());
        for line in ex.code.lines() {
            out.push(format!("    PS C:\\> {line}"));
        }
        out.push(String::new());
        if !ex.remarks.is_empty() {
            out.extend(wrap(ex.remarks, 4, width));
        }
        out.push(String::new());
        out.push(String::new());
    }
}

fn remarks(def: &CmdletDef, out: &mut Vec<String>) {
    let name = &def.name;
    out.push("REMARKS".into());
    if !def.examples.is_empty() {
        out.push(format!(
            "    To see the examples, type: \"Get-Help {name} -Examples\""
        ));
    }
    out.push(format!(
        "    For more information, type: \"Get-Help {name} -Detailed\""
    ));
    out.push(format!(
        "    For technical information, type: \"Get-Help {name} -Full\""
    ));
    out.push(String::new());
}

/// The whole help text of a command for one view.
fn command_help(def: &CmdletDef, view: HelpView, width: usize) -> String {
    let mut out = vec![String::new(), "NAME".into(), format!("    {}", def.name)];
    out.push(String::new());
    if !def.synopsis.is_empty() {
        out.push("SYNOPSIS".into());
        out.extend(wrap(&def.synopsis, 4, width));
        out.push(String::new());
    }
    if view == HelpView::Examples {
        out.push(String::new());
        examples_section(def, width, &mut out);
        return out.join("\n");
    }
    out.push(String::new());
    out.push("SYNTAX".into());
    for line in syntax_lines(def) {
        out.extend(wrap(&line, 4, width));
        out.push(String::new());
    }
    out.push(String::new());
    let mut description = def.description.to_string();
    if let Implementation::Builtin(_) = def.implementation
        && def.fidelity == crate::vocab::Fidelity::StandIn
    {
        description
            .push_str("\n\nThis is an offline stand-in for the real cmdlet (see about_aapsh).");
    }
    if !description.is_empty() {
        out.push("DESCRIPTION".into());
        out.extend(wrap(&description, 4, width));
        out.push(String::new());
        out.push(String::new());
    }
    if matches!(view, HelpView::Detailed | HelpView::Full) {
        out.push("PARAMETERS".into());
        for p in &def.params {
            out.extend(parameter_block(p, 4, view == HelpView::Full, width));
        }
        if def.supports_should_process && is_advanced(def) {
            for p in should_process_parameters() {
                let mut p = p.clone();
                p.help = if p.name == "WhatIf" {
                    "Shows what would happen if the cmdlet runs. The cmdlet is not run.".into()
                } else {
                    "Prompts you for confirmation before running the cmdlet.".into()
                };
                out.extend(parameter_block(&p, 4, view == HelpView::Full, width));
            }
        }
        if is_advanced(def) {
            out.push("    <CommonParameters>".into());
            out.extend(
                COMMON_PARAMETERS_TEXT
                    .lines()
                    .map(|l| format!("        {l}")),
            );
            out.push(String::new());
        }
    }
    if view == HelpView::Full {
        out.push("INPUTS".into());
        if def.pipeline != PipelineMode::None {
            let inputs: Vec<String> = def
                .params
                .iter()
                .filter(|p| pipeline_input(p) != "false")
                .map(|p| format!("    {} (-{})", p.ty.full, p.name))
                .collect();
            out.extend(inputs);
        }
        out.push(String::new());
        out.push("OUTPUTS".into());
        if !def.outputs.is_empty() {
            out.extend(wrap(def.outputs, 4, width));
        }
        out.push(String::new());
        out.push("NOTES".into());
        out.extend(wrap(
            "Emulated offline by aapsh over its local store. Type \"Get-Help about_aapsh\" for what is emulated and what is chosen.",
            4,
            width,
        ));
        out.push(String::new());
        out.push(String::new());
    }
    if matches!(view, HelpView::Detailed | HelpView::Full) {
        examples_section(def, width, &mut out);
    }
    if def.aliases.is_empty() {
        if view == HelpView::Default && !is_advanced(def) {
            out.push("ALIASES".into());
            out.push("    None".into());
            out.push(String::new());
            out.push(String::new());
        }
    } else {
        out.push("ALIASES".into());
        out.extend(def.aliases.iter().map(|a| format!("    {a}")));
        out.push(String::new());
        out.push(String::new());
    }
    if matches!(view, HelpView::Default | HelpView::Detailed) {
        remarks(def, &mut out);
    }
    out.join("\n")
}

/// `Get-Help X -Parameter P`: the matching parameter blocks, not indented.
fn parameter_help(def: &CmdletDef, patterns: &[String], width: usize) -> Option<String> {
    let mut all: Vec<ParamDef> = def.params.clone();
    if def.supports_should_process && is_advanced(def) {
        all.extend(should_process_parameters().iter().cloned());
    }
    let mut out = vec![String::new()];
    let mut found = false;
    for p in &all {
        if patterns
            .iter()
            .any(|pat| wildcard_match(pat, &p.name, false))
        {
            found = true;
            out.extend(parameter_block(p, 0, true, width));
        }
    }
    found.then(|| out.join("\n"))
}

pub const ABOUT_AAPSH: &str = "about_aapsh";

fn about_aapsh(width: usize) -> String {
    let mut out = vec![
        String::new(),
        "TOPIC".into(),
        "    about_aapsh".into(),
        String::new(),
        "SHORT DESCRIPTION".into(),
    ];
    out.extend(wrap(
        "Explains aapsh, an offline shell that emulates the Microsoft Teams application access policy cmdlets over a local JSON store.",
        4,
        width,
    ));
    out.push(String::new());
    out.push("LONG DESCRIPTION".into());
    let paragraphs = [
        "aapsh behaves like PowerShell 7.4 with the MicrosoftTeams module, but it never connects to Microsoft 365: Connect-MicrosoftTeams needs no credentials, and every change is written to a local store file (a JSON document with the tenant, its users, groups, apps, policies and grants). Scripts written for the real module run unchanged, and their output, errors and exit codes are meant to match the real shell's.",
        "WHAT IS EMULATED",
        "    New-, Get-, Set-, Remove- and Grant-CsApplicationAccessPolicy with every documented parameter and parameter set; Connect-/Disconnect-MicrosoftTeams, Get-CsOnlineUser and Get-CsTenant; the PowerShell language that admin scripts use (variables, pipelines, hashtables, splatting, loops, try/catch and trap, functions with validation attributes, pwsh 7's ??, ternary and && / || operators); the script cmdlets around them (CSV, JSON and text files, Start-Transcript, Set-Location and Get-ChildItem, Compare-Object, ConvertTo-Html, dates and time spans); parameter binding with pwsh's error messages; -WhatIf and -Confirm; -ErrorAction; list and table output; ConciseView and NormalView errors.",
        "WHO MAY ACT FOR WHOM",
        "    A policy decides whether app A may create or read online meetings on behalf of user U through Microsoft Graph. The directory comes with the Graph SDK's cmdlets (New-/Get-MgUser, New-/Get-MgGroup, New-/Get-MgGroupMember, New-/Get-MgApplication); grants go to a user, a group (-Group -Rank, or the *-CsGroupPolicyAssignment cmdlets) or the tenant (-Global), and the strongest wins: direct, then the group with the lowest rank, then the tenant, then Global. After Connect-MgGraph as the app, New-/Get-/Remove-MgUserOnlineMeeting and Invoke-MgGraphRequest on /v1.0/users/{id}/onlineMeetings succeed or fail by those rules and the app's permissions. The Emu cmdlets are the emulator's own, with no real counterpart: Test-EmuAppAccess explains a decision, Get-EmuEffectivePolicy shows the winning grant, Grant-/Revoke-EmuAppPermission consent to OnlineMeetings.Read.All or ReadWrite.All, Set-EmuPropagationDelay reproduces the wait of up to 30 minutes before Graph sees a change (Start-Sleep advances the clock at once), and Set-EmuGraphErrorStyle picks the legacy or the modern 403 wording. For trainers, Save-EmuSnapshot and Restore-EmuSnapshot keep and bring back the whole tenant, Reset-EmuState returns to the demo tenant or a scenario file (Restore-EmuSnapshot Previous undoes either), and Get-EmuAuditLog shows every tenant command run against the store, with its parameters and outcome. A trainer can run a whole lesson from aapsh: aapsh -Lab NAME starts a lab (Get-EmuLab -ListAvailable lists the six built in) that checks every step as the trainee types, and aapsh -Lab NAME -Check SCRIPT.ps1 grades a script (docs/labs.md).",
        "WHAT IS CHOSEN",
        "    Where Microsoft does not document the real behaviour (for example the position of Grant's -PolicyName, the error text for an unknown policy, or what -PassThru returns), aapsh makes a choice and records it. Every emulated behaviour is listed in docs/fidelity.md in the aapsh sources as either confirmed, with its source, or chosen. If the real service behaves differently from a chosen line, please report it.",
        "WHAT IS NOT EMULATED",
        "    Cmdlets and parameters that aapsh does not know fail loudly: an unknown cmdlet gives PowerShell's \"is not recognized\" error with a suggestion, and a real parameter that cannot work offline (such as Get-Help -Online) is refused. Nothing is silently accepted.",
        "GETTING STARTED",
        "    Connect-MicrosoftTeams\n    Get-CsApplicationAccessPolicy\n    New-CsApplicationAccessPolicy -Identity \"MeetingBots\" -AppIds \"<app id>\"\n    Grant-CsApplicationAccessPolicy -Identity user@contoso.com -PolicyName MeetingBots\n    Get-Command -Noun CsApplicationAccessPolicy\n    Get-Help Grant-CsApplicationAccessPolicy -Full",
        "At the interactive prompt, Tab completes cmdlet names (also *AccessPolicy), parameters and values (policy names, users, enum values, files and variables); Ctrl+R searches the history; Ctrl+C cancels the line or stops a running command; Ctrl+D or exit leaves.",
    ];
    for p in paragraphs {
        if let Some(body) = p.strip_prefix("    ") {
            if body.contains('\n') {
                out.extend(
                    p.lines()
                        .map(|l| format!("        {}", l.trim_start_matches(' '))),
                );
            } else {
                out.extend(wrap(body, 8, width));
            }
        } else if p.chars().all(|c| c.is_ascii_uppercase() || c == ' ') {
            out.push(format!("  {p}"));
            continue;
        } else {
            out.extend(wrap(p, 4, width));
        }
        out.push(String::new());
    }
    out.push("SEE ALSO".into());
    out.push("    docs/fidelity.md (what is confirmed and what is chosen)".into());
    out.push("    Get-Help Get-Help".into());
    out.push("    Get-Command -Module MicrosoftTeams".into());
    out.push(String::new());
    out.join("\n")
}

fn default_help(width: usize) -> String {
    let mut out = vec![
        String::new(),
        "TOPIC".into(),
        "    aapsh Help System".into(),
        String::new(),
        "SHORT DESCRIPTION".into(),
    ];
    out.extend(wrap(
        "Displays help about aapsh cmdlets and concepts.",
        4,
        width,
    ));
    out.push(String::new());
    out.push("LONG DESCRIPTION".into());
    out.push("  SYNTAX".into());
    out.push("      Get-Help <CmdletName> | <TopicName>".into());
    out.push("      help <CmdletName> | <TopicName>".into());
    out.push("      <CmdletName> -?".into());
    out.push(String::new());
    out.push("  EXAMPLES".into());
    out.push("      Get-Help Grant-CsApplicationAccessPolicy".into());
    out.push("      Get-Help New-CsApplicationAccessPolicy -Examples".into());
    out.push("      Get-Help Set-CsApplicationAccessPolicy -Parameter AppIds".into());
    out.push("      Get-Help *AccessPolicy".into());
    out.push("      Get-Help about_aapsh".into());
    out.push(String::new());
    out.extend(wrap(
        "Get-Command lists every command aapsh knows; Get-Command -Syntax shows how to call one. The help comes with aapsh: Update-Help is not needed offline, and -Online prints the address of the Microsoft Learn page.",
        4,
        width,
    ));
    out.push(String::new());
    out.join("\n")
}

fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

fn help_not_found(ctx: &CommandContext<'_>, name: &str) -> Flow {
    let mut r = ctx.error(
        "Microsoft.PowerShell.Commands.HelpNotFoundException",
        format!(
            "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116."
        ),
        "HelpNotFound",
        ErrorCategory::ResourceUnavailable,
    );
    r.target_name = name.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(name));
    ctx.terminate(r)
}

/// The Microsoft Learn address of a command's online help: the page of its module's reference
/// (`learn.microsoft.com/powershell/module/<module>/<command>`), for the Teams, Graph and
/// PowerShell modules. The emulator's own cmdlets and script functions have none.
pub fn online_help_uri(def: &CmdletDef) -> Option<String> {
    let module = def.module.to_ascii_lowercase();
    let known = module == "microsoftteams"
        || module.starts_with("microsoft.graph")
        || module.starts_with("microsoft.powershell")
        || module == "powershellget"
        || module == "psreadline";
    if !known || def.name.is_empty() {
        return None;
    }
    Some(format!(
        "https://learn.microsoft.com/powershell/module/{module}/{}",
        def.name.to_ascii_lowercase()
    ))
}

/// `Get-Help NAME -Online`: a browser cannot be opened offline, so the address is written out
/// (one string, so it can be piped or copied). A command without an address gets pwsh's error.
fn help_online(ctx: &mut CommandContext<'_>, bound: &BoundParameters) -> Result<(), Flow> {
    let name = bound.string("Name").unwrap_or_default();
    let Some(def) = ctx.session.commands.get(&name) else {
        return Err(help_not_found(ctx, &name));
    };
    match online_help_uri(&def) {
        Some(uri) => {
            ctx.write_object(Value::str(uri));
            Ok(())
        }
        None => {
            // pwsh 7.6.10 for a function without a help URI.
            let r = ctx.error(
                "System.InvalidOperationException",
                "The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.",
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            );
            Err(ctx.terminate(r))
        }
    }
}

fn get_help(ctx: &mut CommandContext<'_>, bound: &BoundParameters) -> Result<(), Flow> {
    let result = get_help_text(ctx, bound);
    // `help` is Get-Help through a pager, as pwsh's `help` function: on a terminal the text
    // goes to $PAGER, else `less -s` with pwsh's page prompt; with no pager it is written out.
    if result.is_ok()
        && ctx.invocation_name.eq_ignore_ascii_case("help")
        && !bound.switch("Online")
        && std::io::stdout().is_terminal()
        && !ctx.output.is_empty()
    {
        let text: String = ctx
            .output
            .iter()
            .map(|v| format!("{}\n", v.to_ps_string()))
            .collect();
        if page(&text) {
            ctx.output.clear();
        }
    }
    result
}

/// Shows `text` through the pager pwsh's `help` uses; false when there is none to run.
fn page(text: &str) -> bool {
    use std::io::Write;
    let (program, args): (String, Vec<String>) = match std::env::var("PAGER") {
        Ok(p) if !p.trim().is_empty() => {
            let mut words = p.split_whitespace().map(str::to_string);
            let program = words.next().unwrap_or_default();
            (program, words.collect())
        }
        _ => (
            "less".into(),
            vec![
                "-s".into(),
                "-P".into(),
                "Page %db?B of %D:.\\. Press h for help or q to quit\\.".into(),
            ],
        ),
    };
    let Ok(mut child) = std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::piped())
        .spawn()
    else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

fn get_help_text(ctx: &mut CommandContext<'_>, bound: &BoundParameters) -> Result<(), Flow> {
    let width = ctx.session.host.width().saturating_sub(1).max(40);
    if bound.switch("Online") {
        return help_online(ctx, bound);
    }
    let Some(name) = bound.string("Name").filter(|n| !n.is_empty()) else {
        ctx.write_object(Value::str(default_help(width)));
        return Ok(());
    };
    let view = if bound.switch("Full") {
        HelpView::Full
    } else if bound.switch("Detailed") {
        HelpView::Detailed
    } else if bound.switch("Examples") {
        HelpView::Examples
    } else {
        HelpView::Default
    };
    let wildcard = has_wildcard(&name);
    // An exact command or alias name, or the topic.
    if !wildcard {
        if name.eq_ignore_ascii_case(ABOUT_AAPSH) {
            ctx.write_object(Value::str(about_aapsh(width)));
            return Ok(());
        }
        if name.eq_ignore_ascii_case(super::exchange::about::TOPIC) {
            ctx.write_object(Value::str(super::exchange::about::text(width, wrap)));
            return Ok(());
        }
        if let Some(def) = ctx.session.commands.get(&name) {
            return show_command_help(ctx, bound, &def, view, width);
        }
        return Err(help_not_found(ctx, &name));
    }
    let mut matches: Vec<std::rc::Rc<CmdletDef>> = ctx
        .session
        .commands
        .iter()
        .filter(|d| wildcard_match(&name, &d.name, false))
        .cloned()
        .collect();
    matches.sort_by_key(|d| d.name.to_ascii_lowercase());
    let topic = wildcard_match(&name, ABOUT_AAPSH, false);
    match (matches.len(), topic) {
        (0, false) => Err(help_not_found(ctx, &name)),
        (0, true) => {
            ctx.write_object(Value::str(about_aapsh(width)));
            Ok(())
        }
        (1, false) => {
            let def = matches.remove(0);
            show_command_help(ctx, bound, &def, view, width)
        }
        _ => {
            for def in &matches {
                let category = match def.implementation {
                    Implementation::Builtin(_) => "Cmdlet",
                    Implementation::Function(_) => "Function",
                };
                let obj = PsObject::new("HelpInfoShort")
                    .with("Name", Value::str(def.name.as_ref()))
                    .with("Category", Value::str(category))
                    .with("Module", Value::str(def.module))
                    .with("Synopsis", Value::str(def.synopsis.as_ref()));
                ctx.write_object(Value::object(obj));
            }
            if topic {
                let obj = PsObject::new("HelpInfoShort")
                    .with("Name", Value::str(ABOUT_AAPSH))
                    .with("Category", Value::str("HelpFile"))
                    .with("Module", Value::str(""))
                    .with(
                        "Synopsis",
                        Value::str("Explains what aapsh emulates and what it chose."),
                    );
                ctx.write_object(Value::object(obj));
            }
            Ok(())
        }
    }
}

fn show_command_help(
    ctx: &mut CommandContext<'_>,
    bound: &BoundParameters,
    def: &CmdletDef,
    view: HelpView,
    width: usize,
) -> Result<(), Flow> {
    if bound.has("Parameter") {
        let patterns = bound.strings("Parameter").unwrap_or_default();
        return match parameter_help(def, &patterns, width) {
            Some(text) => {
                ctx.write_object(Value::str(text));
                Ok(())
            }
            None => {
                let joined = patterns.join(", ");
                let r = ctx.error(
                    "System.ArgumentException",
                    format!("No parameter matches criteria {joined}."),
                    "NoParmsFound",
                    ErrorCategory::InvalidArgument,
                );
                Err(ctx.terminate(r))
            }
        };
    }
    ctx.write_object(Value::str(command_help(def, view, width)));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Get-Command

const CMDLET_INFO: &str = "System.Management.Automation.CmdletInfo";
const FUNCTION_INFO: &str = "System.Management.Automation.FunctionInfo";
const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";
/// The base type every command object carries (the table view is keyed on it).
pub const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";

fn command_object(def: &CmdletDef, alias: Option<&str>) -> Value {
    let (type_name, command_type) = match (&def.implementation, alias) {
        (_, Some(_)) => (ALIAS_INFO, "Alias"),
        (Implementation::Builtin(_), None) => (CMDLET_INFO, "Cmdlet"),
        (Implementation::Function(_), None) => (FUNCTION_INFO, "Function"),
    };
    let function = matches!(def.implementation, Implementation::Function(_));
    let (source, version) = if function || alias.is_some() {
        (String::new(), String::new())
    } else {
        (
            def.module.to_string(),
            module_version(def.module).to_string(),
        )
    };
    let definition = match alias {
        Some(_) => def.name.to_string(),
        None => syntax_lines(def)
            .iter()
            .map(|l| {
                l.strip_prefix(def.name.as_ref())
                    .unwrap_or(l)
                    .trim()
                    .to_string()
            })
            .map(|l| format!("\n{} {l}\n", def.name))
            .collect::<String>(),
    };
    let mut obj = PsObject::new(type_name)
        .with("CommandType", Value::str(command_type))
        .with("Name", Value::str(alias.unwrap_or(&def.name)))
        .with("Version", Value::str(version))
        .with("Source", Value::str(&source));
    if alias.is_none() {
        obj = obj
            .with("Verb", Value::str(def.verb()))
            .with("Noun", Value::str(def.noun()));
    } else {
        obj = obj
            .with("ResolvedCommandName", Value::str(def.name.as_ref()))
            .with(
                "DisplayName",
                Value::str(format!("{} -> {}", alias.unwrap_or_default(), def.name)),
            );
    }
    obj = obj
        .with("ModuleName", Value::str(&source))
        .with("Definition", Value::str(definition));
    if alias.is_none() {
        obj = obj.with("Parameters", parameter_dictionary(def));
    }
    obj.type_names.push(COMMAND_INFO.to_string());
    obj.type_names.push("System.Object".to_string());
    Value::object(obj)
}

/// `CommandInfo.Parameters`: a case-insensitive `Dictionary[string, ParameterMetadata]` of
/// every parameter the command takes (declared ones, then the common parameters of a cmdlet or
/// advanced function), each with its name, type, aliases and whether it is a switch.
fn parameter_dictionary(def: &CmdletDef) -> Value {
    use crate::runtime::value::{DictionaryTypes, Hashtable};
    let mut table = Hashtable::dictionary(DictionaryTypes {
        key: "System.String".into(),
        value: "System.Management.Automation.ParameterMetadata".into(),
        ignore_case: true,
    });
    for p in crate::runtime::binder::all_parameters(def) {
        let switch = p.ty.kind == crate::vocab::ParamKind::Switch;
        let metadata = PsObject::new("System.Management.Automation.ParameterMetadata")
            .with("Name", Value::str(p.name.as_ref()))
            .with("ParameterType", Value::Type(p.ty.full.into()))
            .with("IsDynamic", Value::Bool(false))
            .with(
                "Aliases",
                Value::array(p.aliases.iter().map(|a| Value::str(a.as_ref())).collect()),
            )
            .with("SwitchParameter", Value::Bool(switch))
            .with_text(p.name.to_string());
        table.insert(Value::str(p.name.as_ref()), Value::object(metadata));
    }
    Value::hashtable(table)
}

fn any_match(patterns: &[String], text: &str) -> bool {
    patterns.is_empty() || patterns.iter().any(|p| wildcard_match(p, text, false))
}

fn get_command(ctx: &mut CommandContext<'_>, bound: &BoundParameters) -> Result<(), Flow> {
    let names = bound.strings("Name").unwrap_or_default();
    let verbs = bound.strings("Verb").unwrap_or_default();
    let nouns = bound.strings("Noun").unwrap_or_default();
    let modules = bound.strings("Module").unwrap_or_default();
    let syntax = bound.switch("Syntax");
    let limit = bound.int("TotalCount").filter(|n| *n >= 0);
    let by_name = bound.has("Name");
    // (sort rank, name, def, alias) — pwsh lists aliases, then functions, then cmdlets.
    let mut found: Vec<(u8, String, std::rc::Rc<CmdletDef>, Option<String>)> = Vec::new();
    // The Exchange Online cmdlets exist only once Connect-ExchangeOnline has run.
    let exchange = ctx.session.exchange.is_some();
    let defs: Vec<std::rc::Rc<CmdletDef>> = ctx
        .session
        .commands
        .iter()
        .filter(|d| exchange || d.requires != crate::vocab::Requires::Exchange)
        .cloned()
        .collect();
    for def in &defs {
        if !any_match(&modules, def.module) || !any_match(&names, &def.name) {
            continue;
        }
        if !any_match(&verbs, def.verb()) || !any_match(&nouns, def.noun()) {
            continue;
        }
        let rank = match def.implementation {
            Implementation::Function(_) => 1,
            Implementation::Builtin(_) => 2,
        };
        found.push((rank, def.name.to_string(), def.clone(), None));
    }
    // Aliases are listed by -Name (or with no filter at all), never by -Verb/-Noun.
    if verbs.is_empty() && nouns.is_empty() {
        let aliases: Vec<(String, String)> = ctx
            .session
            .commands
            .aliases()
            .map(|(a, c)| (a.clone(), c.clone()))
            .collect();
        for (alias, target) in aliases {
            let Some(def) = ctx.session.commands.get(&target) else {
                continue;
            };
            if !any_match(&names, &alias) || !any_match(&modules, def.module) {
                continue;
            }
            found.push((0, alias.clone(), def, Some(alias)));
        }
    }
    found.sort_by_key(|a| (a.0, a.1.to_ascii_lowercase()));
    // A name without wildcards that matched nothing is an error, as in pwsh.
    if by_name {
        for n in &names {
            let matched = found
                .iter()
                .any(|(_, name, _, _)| wildcard_match(n, name, false));
            if !has_wildcard(n) && !matched {
                let mut r = crate::runtime::errors::command_not_found(n);
                r.command_class = ctx.def.class_name.to_string();
                ctx.complete(&mut r);
                r.suggestion = crate::runtime::commands::suggest_command(&ctx.session.commands, n);
                ctx.write_error(r)?;
            }
        }
    }
    let take = limit.map_or(found.len(), |n| n as usize);
    for (_, _, def, alias) in found.into_iter().take(take) {
        if syntax {
            let text = match &alias {
                Some(a) => format!("{a} (alias) -> {}", def.name),
                None => syntax_lines(&def)
                    .iter()
                    .map(|l| format!("\n{l}\n"))
                    .collect::<String>(),
            };
            ctx.write_object(Value::str(text));
        } else {
            ctx.write_object(command_object(&def, alias.as_deref()));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Get-History, Clear-Host

pub const HISTORY_INFO: &str = "Microsoft.PowerShell.Commands.HistoryInfo";

fn get_history(ctx: &mut CommandContext<'_>, bound: &BoundParameters) -> Result<(), Flow> {
    let mut entries = ctx.session.history.clone();
    if let Some(id) = bound.int("Id") {
        entries.retain(|e| e.id == id);
        if entries.is_empty() {
            let r = ctx.error(
                "System.ArgumentException",
                format!("Cannot locate history for Id {id}."),
                "GetHistoryObjectNotFound",
                ErrorCategory::ObjectNotFound,
            );
            return ctx.write_error(r);
        }
    }
    if let Some(count) = bound.int("Count") {
        let keep = usize::try_from(count.max(0)).unwrap_or(0);
        let skip = entries.len().saturating_sub(keep);
        entries.drain(..skip);
    }
    for e in entries {
        let duration = crate::runtime::timespan::TimeSpan::between(e.end, e.start)
            .map_or(Value::Null, Value::TimeSpan);
        let obj = PsObject::new(HISTORY_INFO)
            .with("Id", Value::integer(e.id))
            .with("CommandLine", Value::str(&e.command_line))
            .with("ExecutionStatus", Value::str(e.status))
            .with("StartExecutionTime", Value::DateTime(e.start))
            .with("EndExecutionTime", Value::DateTime(e.end))
            .with("Duration", duration);
        ctx.write_object(Value::object(obj));
    }
    Ok(())
}

/// What Clear-Host writes on a terminal: erase the screen and the scrollback, cursor home.
pub const CLEAR_SEQUENCE: &str = "\x1b[2J\x1b[3J\x1b[H";

fn clear_host(ctx: &mut CommandContext<'_>, _bound: &BoundParameters) -> Result<(), Flow> {
    // Escape codes in a redirected file would only be noise.
    if std::io::stdout().is_terminal() {
        ctx.write_host(CLEAR_SEQUENCE);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str) -> std::rc::Rc<CmdletDef> {
        crate::cmdlets::command_table().get(name).unwrap()
    }

    #[test]
    fn syntax_lines_follow_pwsh_rules() {
        assert_eq!(
            syntax_lines(&def("Get-CsApplicationAccessPolicy")),
            vec![
                "Get-CsApplicationAccessPolicy [[-Identity] <String>] [-MsftInternalProcessingMode <String>] [-Tenant <Guid>] [-LocalStore] [<CommonParameters>]",
                "Get-CsApplicationAccessPolicy [-Filter <String>] [-MsftInternalProcessingMode <String>] [-Tenant <Guid>] [-LocalStore] [<CommonParameters>]",
            ]
        );
        let grant = syntax_lines(&def("Grant-CsApplicationAccessPolicy"));
        assert_eq!(grant.len(), 3);
        assert!(
            grant[0]
                .starts_with("Grant-CsApplicationAccessPolicy [[-PolicyName] <String>] [-Global]"),
            "{}",
            grant[0]
        );
        assert!(grant.iter().any(|l| l.contains(" -Group <String> ")));
        assert!(
            grant
                .iter()
                .any(|l| l.contains("[-Identity] <UserIdParameter> [[-PolicyName] <String>]"))
        );
        assert!(
            grant
                .iter()
                .all(|l| l.ends_with("[-WhatIf] [-Confirm] [<CommonParameters>]"))
        );
        let new = syntax_lines(&def("New-CsApplicationAccessPolicy"));
        assert!(new[0].starts_with(
            "New-CsApplicationAccessPolicy [-Identity] <XdsIdentity> [-AppIds <PSListModifier>]"
        ));
    }

    #[test]
    fn help_layout() {
        let text = command_help(
            &def("Remove-CsApplicationAccessPolicy"),
            HelpView::Full,
            119,
        );
        for needle in [
            "\nNAME\n    Remove-CsApplicationAccessPolicy\n",
            "\nSYNOPSIS\n    Deletes an existing application access policy.\n",
            "\nSYNTAX\n    Remove-CsApplicationAccessPolicy [-Identity] <XdsIdentity>",
            "\nPARAMETERS\n    -Identity <XdsIdentity>\n",
            "        Required?                    true\n        Position?                    1\n        Default value                None\n        Accept pipeline input?       true (ByPropertyName)\n        Accept wildcard characters?  false\n",
            "    -Tenant <Guid>\n        The tenant to act on (2020 parameter). Offline there is one tenant: the store's.\n\n        Required?                    false\n        Position?                    named\n        Default value                None\n        Accept pipeline input?       false\n",
            "    -WhatIf [<SwitchParameter>]\n",
            "    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n",
            "PS C:\\> Remove-CsApplicationAccessPolicy -Identity \"ASimplePolicy\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        let short = command_help(
            &def("Remove-CsApplicationAccessPolicy"),
            HelpView::Default,
            119,
        );
        assert!(!short.contains("PARAMETERS"));
        assert!(short.contains("REMARKS\n    To see the examples, type: \"Get-Help Remove-CsApplicationAccessPolicy -Examples\""));
        let p = parameter_help(
            &def("Grant-CsApplicationAccessPolicy"),
            &["Ident*".into()],
            119,
        )
        .unwrap();
        assert!(p.starts_with("\n-Identity <UserIdParameter>\n"), "{p}");
        assert!(p.contains("Accept pipeline input?       true (ByPropertyName)"));
        assert!(
            parameter_help(
                &def("Grant-CsApplicationAccessPolicy"),
                &["Nope".into()],
                119
            )
            .is_none()
        );
    }

    #[test]
    fn wrapping_keeps_indent_and_width() {
        let lines = wrap("aaa bbb ccc ddd", 4, 28);
        assert_eq!(lines, vec!["    aaa bbb ccc ddd"]);
        let lines = wrap(&"word ".repeat(30), 8, 40);
        assert!(
            lines
                .iter()
                .all(|l| l.len() <= 40 && l.starts_with("        word"))
        );
    }
}

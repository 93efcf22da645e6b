//! Aliases: Get-Alias, Set-Alias, New-Alias and Remove-Alias over the session's command table
//! (`CommandTable::set_alias`). The built-in aliases come from the cmdlet definitions; their
//! options (ReadOnly, AllScope) are pwsh 7.6.10's, so `Set-Alias gci ...` fails as it does
//! there. Output objects are `System.Management.Automation.AliasInfo`, shown with pwsh's
//! CommandInfo table (`gci -> Get-ChildItem` in the Name column).

use crate::runtime::commands::AliasInfo;
use crate::runtime::operators::{culture_order, has_wildcards, wildcard_match};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, PsObject, Value,
};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";
const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";

const OPTIONS: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "None",
        "ReadOnly",
        "Constant",
        "Private",
        "AllScope",
        "Unspecified",
    ]),
    "ScopedItemOptions",
    "System.Management.Automation.ScopedItemOptions",
);

/// pwsh 7.6.10's built-in aliases by option (`Get-Alias | Group-Object Options`); the rest are
/// `None`.
const READ_ONLY_ALL_SCOPE: &[&str] = &["?", "%", "foreach", "select", "where"];
const ALL_SCOPE: &[&str] = &[
    "cd", "copy", "del", "dir", "echo", "md", "move", "popd", "pushd",
];
const READ_ONLY: &[&str] = &[
    "clc", "clhy", "cli", "clp", "clv", "cpi", "cvpa", "dbp", "ebp", "epal", "epcsv", "fc", "fl",
    "ft", "fw", "gal", "gbp", "gc", "gci", "gcm", "gcs", "gdr", "gerr", "ghy", "gi", "gl", "gm",
    "gmo", "gp", "gps", "gpv", "group", "gu", "gv", "iex", "ihy", "ii", "ipal", "ipcsv", "ipmo",
    "irm", "iwr", "measure", "mi", "mp", "nal", "ndr", "ni", "nmo", "nv", "oh", "rbp", "rcsn",
    "rdr", "ri", "rmo", "rni", "rnp", "rp", "rv", "rvpa", "sal", "saps", "sbp", "si", "sl", "sp",
    "spps", "sv",
];

fn builtin_options(name: &str) -> &'static str {
    let is = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(name));
    if is(READ_ONLY_ALL_SCOPE) {
        "ReadOnly, AllScope"
    } else if is(READ_ONLY) {
        "ReadOnly"
    } else if is(ALL_SCOPE) {
        "AllScope"
    } else {
        "None"
    }
}

fn set_params(def: CmdletDef, verb: &str) -> CmdletDef {
    def.should_process()
        .param(ParamDef::new("Name", types::STRING).position(0).mandatory().by_property_name().help(format!("The alias to {verb}.")))
        .param(ParamDef::new("Value", types::STRING).position(1).mandatory().by_property_name().help("The command the alias runs."))
        .param(ParamDef::new("Description", types::STRING).by_property_name().help("A description of the alias."))
        .param(ParamDef::new("Option", OPTIONS).by_property_name().help("None, ReadOnly (changed only with -Force), Constant (never changed), Private or AllScope."))
        .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the alias."))
        .param(ParamDef::new("Scope", types::STRING).by_property_name().help("Accepted: aliases live in the session offline."))
        .param(ParamDef::new("Force", types::SWITCH).help("Changes a read-only alias."))
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Alias", UTILITY, get_alias)
            .class("Microsoft.PowerShell.Commands.GetAliasCommand")
            .synopsis("Gets the aliases for the current session.")
            .alias("gal")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Default")
            .param(ParamDef::new("Name", types::STRING_ARRAY).sets(&["Default"]).position(0).from_pipeline().by_property_name().help("Alias names; wildcards allowed. All when left out."))
            .param(ParamDef::new("Definition", types::STRING_ARRAY).sets(&["Definition"]).help("The aliases of these commands; wildcards allowed."))
            .param(ParamDef::new("Exclude", types::STRING_ARRAY).help("Leaves out aliases whose names match."))
            .param(ParamDef::new("Scope", types::STRING).help("Accepted: aliases live in the session offline."))
            .outputs("System.Management.Automation.AliasInfo")
            .example("What does % run", "(Get-Alias %).Definition", "ForEach-Object.")
            .example("Every alias of a cmdlet", "Get-Alias -Definition Get-ChildItem", "dir and gci."),
        set_params(
            CmdletDef::new("Set-Alias", UTILITY, set_alias)
                .class("Microsoft.PowerShell.Commands.SetAliasCommand")
                .synopsis("Creates or changes an alias for a cmdlet or other command in the current PowerShell session.")
                .alias("sal"),
            "create or change",
        )
        .example("A short name for a cmdlet", "Set-Alias -Name gpol -Value Get-CsApplicationAccessPolicy\ngpol", "gpol runs Get-CsApplicationAccessPolicy."),
        set_params(
            CmdletDef::new("New-Alias", UTILITY, new_alias)
                .class("Microsoft.PowerShell.Commands.NewAliasCommand")
                .synopsis("Creates a new alias.")
                .alias("nal"),
            "create",
        )
        .example("A new alias", "New-Alias -Name list -Value Get-ChildItem", "An error if list is already an alias (unless -Force)."),
        CmdletDef::new("Remove-Alias", UTILITY, remove_alias)
            .class("Microsoft.PowerShell.Commands.RemoveAliasCommand")
            .synopsis("Remove an alias from the current session.")
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The aliases to remove."))
            .param(ParamDef::new("Scope", types::STRING).help("Accepted: aliases live in the session offline."))
            .param(ParamDef::new("Force", types::SWITCH).help("Removes a read-only alias.")),
    ]
}

/// Every alias as (name, definition, options, description), in pwsh's order (by name, culture
/// rules: `?` before `%` before letters).
fn all_aliases(ctx: &CommandContext<'_>) -> Vec<(String, String, String, String)> {
    let commands = &ctx.session.commands;
    let mut out: Vec<(String, String, String, String)> = commands
        .aliases()
        .map(|(key, target)| match commands.alias_info(key) {
            Some(info) => (
                info.name.clone(),
                target.clone(),
                info.options.clone(),
                info.description.clone(),
            ),
            None => (
                key.clone(),
                target.clone(),
                builtin_options(key).to_string(),
                String::new(),
            ),
        })
        .collect();
    out.sort_by(|a, b| culture_order(&a.0, &b.0, true));
    out
}

fn alias_object(name: &str, definition: &str, options: &str, description: &str) -> Value {
    let mut o = PsObject::new(ALIAS_INFO)
        .with("CommandType", Value::str("Alias"))
        .with("Name", Value::str(name))
        .with("Version", Value::str(""))
        .with("Source", Value::str(""))
        .with("Definition", Value::str(definition))
        .with("ResolvedCommandName", Value::str(definition))
        .with("DisplayName", Value::str(format!("{name} -> {definition}")))
        .with("Options", Value::str(options))
        .with("Description", Value::str(description))
        .with("ModuleName", Value::str(""))
        .with_text(name.to_string());
    o.type_names.push(COMMAND_INFO.to_string());
    o.type_names.push("System.Object".to_string());
    Value::object(o)
}

fn get_alias(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let exclude = b.strings("Exclude").unwrap_or_default();
    let excluded = |name: &str| exclude.iter().any(|p| wildcard_match(p, name, false));
    let aliases = all_aliases(ctx);
    if let Some(definitions) = b.strings("Definition") {
        for (name, def, options, desc) in &aliases {
            if definitions.iter().any(|p| wildcard_match(p, def, false)) && !excluded(name) {
                ctx.write_object(alias_object(name, def, options, desc));
            }
        }
        return Ok(());
    }
    let names = b.strings("Name").unwrap_or_else(|| vec!["*".into()]);
    for pattern in names {
        let mut found = false;
        for (name, def, options, desc) in &aliases {
            if wildcard_match(&pattern, name, false) && !excluded(name) {
                found = true;
                ctx.write_object(alias_object(name, def, options, desc));
            }
        }
        if !found && !has_wildcards(&pattern) {
            let mut r = ctx.error(
                "System.Management.Automation.ItemNotFoundException",
                format!(
                    "This command cannot find a matching alias because an alias with the name '{pattern}' does not exist."
                ),
                "AliasNotFound",
                ErrorCategory::ObjectNotFound,
            );
            r.target_object = Some(Value::str(&pattern));
            ctx.write_error(r)?;
        }
    }
    Ok(())
}

/// The options an alias has now (None when there is no such alias).
fn current_options(ctx: &CommandContext<'_>, name: &str) -> Option<String> {
    let commands = &ctx.session.commands;
    commands.alias_target(name)?;
    Some(match commands.alias_info(name) {
        Some(info) => info.options.clone(),
        None => builtin_options(name).to_string(),
    })
}

fn define(ctx: &mut CommandContext<'_>, b: &BoundParameters, new: bool) -> Result<(), Flow> {
    let name = b.string("Name").unwrap_or_default();
    let value = b.string("Value").unwrap_or_default();
    let force = b.switch("Force");
    let action = if new { "New Alias" } else { "Set Alias" };
    if !ctx.should_process(&format!("Name: {name} Value: {value}"), action)? {
        return Ok(());
    }
    if let Some(options) = current_options(ctx, &name) {
        let constant = options.contains("Constant");
        let read_only = options.contains("ReadOnly");
        if new && !force {
            let mut r = ctx.error(
                "System.Management.Automation.SessionStateException",
                format!(
                    "The alias is not allowed, because an alias with the name '{name}' already exists."
                ),
                "AliasAlreadyExists",
                ErrorCategory::ResourceExists,
            );
            r.target_object = Some(Value::str(&name));
            return ctx.write_error(r);
        }
        if constant || (read_only && !force) {
            let mut r = ctx.error(
                "System.Management.Automation.SessionStateUnauthorizedAccessException",
                format!(
                    "Alias is not writeable because alias {name} is read-only or constant and cannot be written to."
                ),
                "AliasNotWritable",
                ErrorCategory::WriteError,
            );
            r.target_object = Some(Value::str(&name));
            return ctx.write_error(r);
        }
    }
    let options = b.string("Option").unwrap_or_else(|| "None".into());
    let description = b.string("Description").unwrap_or_default();
    ctx.session.commands.set_alias(
        AliasInfo {
            name: name.clone(),
            options: options.clone(),
            description: description.clone(),
        },
        &value,
    );
    if b.switch("PassThru") {
        // pwsh resolves an alias's command when it is first looked up: the object Set-Alias
        // and New-Alias pass through has no ResolvedCommandName yet (pwsh 7.6.10).
        let alias = alias_object(&name, &value, &options, &description);
        if let Value::Object(o) = &alias {
            o.borrow_mut().set("ResolvedCommandName", Value::str(""));
        }
        ctx.write_object(alias);
    }
    Ok(())
}

fn set_alias(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    define(ctx, b, false)
}

fn new_alias(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    define(ctx, b, true)
}

fn remove_alias(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for name in b.strings("Name").unwrap_or_default() {
        match current_options(ctx, &name) {
            None => {
                let mut r = ctx.error(
                    "System.Management.Automation.ItemNotFoundException",
                    format!(
                        "This command cannot find a matching alias because an alias with the name '{name}' does not exist."
                    ),
                    "ItemNotFoundException",
                    ErrorCategory::ObjectNotFound,
                );
                r.target_object = Some(Value::str(&name));
                ctx.write_error(r)?;
            }
            Some(options)
                if options.contains("Constant")
                    || (options.contains("ReadOnly") && !b.switch("Force")) =>
            {
                let mut r = ctx.error(
                    "System.Management.Automation.SessionStateUnauthorizedAccessException",
                    format!("Alias was not removed because alias {name} is constant or read-only."),
                    "AliasNotRemovable",
                    ErrorCategory::WriteError,
                );
                r.target_object = Some(Value::str(&name));
                ctx.write_error(r)?;
            }
            Some(_) => {
                ctx.session.commands.remove_alias(&name);
            }
        }
    }
    Ok(())
}

//! Get-Culture and Get-UICulture: the session's culture as a `System.Globalization.CultureInfo`
//! (LCID, Name, DisplayName). aapsh formats in two cultures, as .NET on Linux picks them from
//! `LANG`: the invariant culture (Name '') and en-US; `-Name` accepts those two.

use crate::runtime::{BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, Value};
use crate::vocab::{ParamDef, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Culture", UTILITY, get_culture)
            .class("Microsoft.PowerShell.Commands.GetCultureCommand")
            .synopsis("Gets the current culture set in the operating system.")
            .description("Returns the culture dates and numbers are formatted in: the invariant culture (Name '') unless LANG or LC_ALL names English, then en-US. -Name looks up one of those two.")
            .default_set("CurrentCultureSet")
            .param(ParamDef::new("Name", types::STRING).sets(&["NameSet"]).position(0).from_pipeline().help("A culture name: '' (invariant) or en-US offline."))
            .param(ParamDef::new("NoUserOverrides", types::SWITCH).sets(&["NameSet"]).help("Accepted: offline cultures have no user overrides."))
            .param(ParamDef::new("ListAvailable", types::SWITCH).sets(&["ListAvailableSet"]).help("Lists the cultures known offline."))
            .outputs("System.Globalization.CultureInfo")
            .example("Which culture formats dates", "(Get-Culture).Name", "'' (invariant) when LANG is unset, as in CI."),
        CmdletDef::new("Get-UICulture", UTILITY, get_ui_culture)
            .class("Microsoft.PowerShell.Commands.GetUICultureCommand")
            .synopsis("Gets the current UI culture settings in the operating system.")
            .outputs("System.Globalization.CultureInfo"),
    ]
}

fn get_culture(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if b.switch("ListAvailable") {
        for name in ["", "en-US"] {
            ctx.write_object(crate::runtime::dotnet::culture_object(name));
        }
        return Ok(());
    }
    let Some(name) = b.string("Name") else {
        return get_ui_culture(ctx, b);
    };
    let known = ["", "en-US"].iter().find(|n| n.eq_ignore_ascii_case(&name));
    match known {
        Some(&"") => ctx.write_object(crate::runtime::dotnet::culture_object("")),
        Some(_) => ctx.write_object(crate::runtime::dotnet::culture_object("en-US")),
        None => {
            let mut r = ctx.error(
                "System.Globalization.CultureNotFoundException",
                format!("Culture '{name}' is not available offline: aapsh knows the invariant culture ('') and en-US."),
                "ItemNotFoundException",
                ErrorCategory::ObjectNotFound,
            );
            r.target_object = Some(Value::str(&name));
            ctx.write_error(r)?;
        }
    }
    Ok(())
}

fn get_ui_culture(ctx: &mut CommandContext<'_>, _b: &BoundParameters) -> Result<(), Flow> {
    let name = ctx.session.culture.name;
    ctx.write_object(crate::runtime::dotnet::culture_object(name));
    Ok(())
}

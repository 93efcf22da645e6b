//! Engine switches scripts set with a cmdlet: `Set-StrictMode`.

use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow};
use crate::vocab::{ParamDef, ParamKind, ParamType, types};

const CORE: &str = "Microsoft.PowerShell.Core";

/// `System.Version`, bound from `Latest`, `1`, `2`, `3` or `3.0` (ArgumentToVersionTransformation).
const VERSION: ParamType = ParamType::new(ParamKind::String, "Version", "System.Version");

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Set-StrictMode", CORE, set_strict_mode)
            .class("Microsoft.PowerShell.Commands.SetStrictModeCommand")
            .synopsis("Establishes and enforces coding rules in expressions, scripts, and script blocks.")
            .description("Version 1 prohibits references to uninitialized variables (except inside strings); version 2 also prohibits references to non-existent properties; version 3 (and Latest) also prohibits out-of-bounds array indexes. -Off turns strict mode off. The setting applies to the current scope and its children.")
            .default_set("Version")
            .param(ParamDef::new("Version", VERSION).sets(&["Version"]).mandatory().alias("v").help("The strict mode version: 1.0, 2.0, 3.0 or Latest."))
            .param(ParamDef::new("Off", types::SWITCH).sets(&["Off"]).mandatory().help("Turns strict mode off."))
            .example("Strict mode for a script", "Set-StrictMode -Version Latest", "Reading an unset variable or a missing property is then an error."),
    ]
}

/// The strict-mode level a `-Version` argument asks for: `Latest` is the running version
/// (7.4, which acts as 3); a valid PowerShell version's major number otherwise.
fn parse_version(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("latest") {
        return Some(7);
    }
    let mut parts = t.split('.');
    let major: u32 = parts.next()?.trim().parse().ok()?;
    let minor: u32 = match parts.next() {
        Some(m) => m.trim().parse().ok()?,
        None => 0,
    };
    if parts
        .next()
        .is_some_and(|p| p.trim().parse::<u32>().is_err())
    {
        return None;
    }
    let valid = match major {
        1..=4 => minor == 0,
        5 => minor <= 1,
        6 => minor <= 2,
        7 => minor <= 4,
        _ => false,
    };
    valid.then_some(major)
}

fn set_strict_mode(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if b.switch("Off") {
        ctx.session.scopes.set_strict_mode(0);
        return Ok(());
    }
    let text = b.string("Version").unwrap_or_default();
    let Some(version) = parse_version(&text) else {
        let shown = if text.contains('.') {
            text.clone()
        } else {
            format!("{}.0", text.trim())
        };
        let record = ctx.error(
            "System.Management.Automation.ParameterBindingException",
            format!(
                "Cannot validate argument on parameter 'Version'. The {shown} version is not valid. Specify a valid PowerShell version, such as 1.0, 2.0, 3.0 or Latest."
            ),
            "ParameterArgumentValidationError",
            ErrorCategory::InvalidData,
        );
        return Err(ctx.terminate(record));
    };
    ctx.session.scopes.set_strict_mode(version);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_version;

    #[test]
    fn versions() {
        assert_eq!(parse_version("Latest"), Some(7));
        assert_eq!(parse_version("latest"), Some(7));
        assert_eq!(parse_version("1"), Some(1));
        assert_eq!(parse_version("2.0"), Some(2));
        assert_eq!(parse_version("3"), Some(3));
        assert_eq!(parse_version("5.1"), Some(5));
        assert_eq!(parse_version("9"), None);
        assert_eq!(parse_version("3.5"), None);
        assert_eq!(parse_version("x"), None);
    }
}

//! Checks a script file's `#requires` (CommandDiscovery.VerifyScriptRequirements) before it
//! runs: elevation, PowerShell version, edition, then modules, each failure pwsh's error. Only
//! script files are checked: `-Command` text, script blocks and Invoke-Expression run whatever
//! their `#requires` says, as in pwsh (whose format errors the parser has already reported).

use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo};
use super::session::Session;
use crate::syntax::requires::Requirements;

const SCRIPT_REQUIRES: &str = "System.Management.Automation.ScriptRequiresException";

/// PSVersionInfo.IsValidPSVersion: the versions this PowerShell satisfies.
fn version_satisfied(major: u32, minor: u32) -> bool {
    let (_, current_minor, _) = crate::vocab::POWERSHELL_VERSION;
    match major {
        1..=4 => minor == 0,
        5 => minor <= 1,
        6 => minor <= 2,
        7 => minor <= current_minor,
        _ => false,
    }
}

/// True when the process runs as the superuser (pwsh's Utils.IsAdministrator on Unix); an
/// offline Windows session counts as not elevated.
fn is_administrator() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

fn requires_error(id: &str, message: String, category: ErrorCategory) -> ErrorRecord {
    ErrorRecord::new(ExceptionInfo::new(SCRIPT_REQUIRES, message), id, category)
}

/// The first requirement of `req` this session does not meet, as pwsh reports it for the
/// script `name` (its file name).
pub(crate) fn unmet(s: &Session, req: &Requirements, name: &str) -> Option<ErrorRecord> {
    if req.elevation && !is_administrator() {
        return Some(requires_error(
            "ScriptRequiresElevation",
            format!(
                "The script '{name}' cannot be run because it contains a \"#requires\" statement for running as Administrator. The current PowerShell session is not running as Administrator. Start PowerShell by using the Run as Administrator option, and then try running the script again."
            ),
            ErrorCategory::PermissionDenied,
        ));
    }
    if let Some(v) = &req.version
        && !version_satisfied(v.major, v.minor)
    {
        return Some(requires_error(
            "ScriptRequiresUnmatchedPSVersion",
            format!(
                "The script '{name}' cannot be run because it contained a \"#requires\" statement for PowerShell {}. The version of PowerShell that is required by the script does not match the currently running version of PowerShell {}.",
                v.text,
                crate::vocab::powershell_version_text()
            ),
            ErrorCategory::ResourceUnavailable,
        ));
    }
    if !req.editions.is_empty() && !req.editions.iter().any(|e| e.eq_ignore_ascii_case("Core")) {
        // A RuntimeException without a record of its own: its record's exception is a
        // ParentContainsErrorRecordException, which ConciseView names.
        return Some(ErrorRecord::new(
            ExceptionInfo::new(
                "System.Management.Automation.ParentContainsErrorRecordException",
                format!(
                    "The script '{name}' cannot be run because it contained a \"#requires\" statement for PowerShell editions '{}'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition.",
                    req.editions.join(",")
                ),
            ),
            "ScriptRequiresUnmatchedPSEdition",
            ErrorCategory::NotSpecified,
        ));
    }
    for m in &req.modules {
        let known = s
            .commands
            .iter()
            .any(|def| def.module.eq_ignore_ascii_case(&m.name));
        if !known {
            return Some(requires_error(
                "ScriptRequiresMissingModules",
                format!(
                    "The script '{name}' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: {}.",
                    m.not_found_message()
                ),
                ErrorCategory::ResourceUnavailable,
            ));
        }
    }
    if req.shell_id.is_some() {
        return Some(requires_error(
            "RequiresShellIDInvalidForSingleShell",
            "A #requires statement has specified only a shellID. #Requires statements must specify a required PowerShell snap-in when running in PowerShell.".to_string(),
            ErrorCategory::ResourceUnavailable,
        ));
    }
    None
}

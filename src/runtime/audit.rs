//! What goes into the audit log (`Get-EmuAuditLog`): every run of a tenant command (the Teams,
//! Microsoft Graph and `Emu` cmdlets), with its bound parameters written back as PowerShell
//! source text and its outcome. Language cmdlets (`ForEach-Object`, `Write-Host`...) are not
//! logged: a trainer reviews what was done to the tenant, not how the script looped.
//!
//! Owns the choice of commands, the outcome words and the rendering of values. Secrets (a
//! parameter named like a secret, a password or a credential, and every SecureString) are
//! written as `***`. The entries themselves live in `store::AuditLog`.

use super::binder::BoundParameters;
use super::session::Session;
use super::value::Value;
use crate::runtime::CmdletDef;
use crate::store::{AuditEntry, format_time};
use crate::syntax::Span;

/// Longest command text kept per entry (a pasted script block can be long).
const MAX_TEXT: usize = 400;

/// Whether runs of this cmdlet are logged: the tenant's cmdlets, not the language's.
pub fn audited(def: &CmdletDef) -> bool {
    def.module == "MicrosoftTeams"
        || def.module.starts_with("Microsoft.Graph")
        || def.module == "aapsh"
}

/// How one run ended, in the log's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    /// An error was written or raised (including a parameter that did not bind).
    Failed,
    /// ShouldProcess said no: -WhatIf, or a confirmation answered No.
    Skipped,
    /// Ctrl-C, `exit` or `break` ended it.
    Stopped,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Succeeded => "Succeeded",
            Outcome::Failed => "Failed",
            Outcome::Skipped => "Skipped",
            Outcome::Stopped => "Stopped",
        }
    }
}

impl Session {
    /// Logs one run of `def` (`bound` is `None` when the arguments did not bind). A log that
    /// cannot be written is reported once as a warning; the command's own result stands.
    pub(crate) fn audit(
        &mut self,
        def: &CmdletDef,
        bound: Option<&BoundParameters>,
        span: Span,
        outcome: Outcome,
        error: Option<String>,
    ) {
        let source = self.current_source();
        let line = source.line_of(span.start);
        // The script's file name (not its full path, which says more about the machine).
        let place = match source.path.as_ref().and_then(|p| p.file_name()) {
            Some(name) => format!("{}:{line}", name.to_string_lossy()),
            None => format!("line:{line}"),
        };
        let mut text = source.slice(span).trim().to_string();
        if text.chars().count() > MAX_TEXT {
            text = text.chars().take(MAX_TEXT).collect::<String>() + "…";
        }
        let parameters = bound
            .map(|b| {
                b.iter()
                    .map(|(name, value)| {
                        let switch = def
                            .params
                            .iter()
                            .any(|p| p.name.eq_ignore_ascii_case(name) && p.is_switch())
                            || super::binder::common_parameters()
                                .iter()
                                .chain(super::binder::should_process_parameters())
                                .any(|p| p.name.eq_ignore_ascii_case(name) && p.is_switch());
                        let rendered = if is_secret(name) {
                            "***".to_string()
                        } else if switch && value.is_truthy() {
                            // A switch that is on shows as `-Name` alone.
                            String::new()
                        } else {
                            source_text(value)
                        };
                        (name.to_string(), rendered)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let entry = AuditEntry {
            time: format_time(self.clock.now()),
            session: format_time(self.clock.start()),
            account: self
                .connection
                .as_ref()
                .map(|c| c.account.clone())
                .unwrap_or_default(),
            command: def.name.to_string(),
            parameters,
            outcome: outcome.name().to_string(),
            error,
            source: place,
            text,
        };
        if let Err(e) = self.audit_log.append(entry)
            && !self.audit_failed
        {
            self.audit_failed = true;
            self.write_warning_text(&format!(
                "The audit log could not be written, so Get-EmuAuditLog will miss commands from this session: {e}"
            ));
        }
    }
}

/// The bound parameters of an entry as one line: `-Name value -Switch -Other:$false`.
pub fn parameter_line(entry: &AuditEntry) -> String {
    entry
        .parameters
        .iter()
        .map(|(name, text)| {
            if text.is_empty() {
                format!("-{name}")
            } else if text.starts_with('$') && matches!(text.as_str(), "$true" | "$false") {
                format!("-{name}:{text}")
            } else {
                format!("-{name} {text}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["secret", "password", "credential", "token"]
        .iter()
        .any(|s| name.contains(s))
}

/// A value written back as PowerShell source text that would bind the same way.
pub fn source_text(value: &Value) -> String {
    match value {
        Value::Null => "$null".to_string(),
        Value::Bool(true) => "$true".to_string(),
        Value::Bool(false) => "$false".to_string(),
        Value::Num(_) | Value::Char(_) | Value::Guid(_) => value.to_ps_string(),
        Value::String(s) => word(s),
        Value::Array(items) => {
            let items = items.borrow();
            if items.is_empty() {
                "@()".to_string()
            } else {
                items.iter().map(source_text).collect::<Vec<_>>().join(",")
            }
        }
        Value::Hashtable(h) => {
            let h = h.borrow();
            let pairs: Vec<String> = h
                .iter()
                .map(|(k, v)| format!("{}={}", word(&k.to_ps_string()), source_text(v)))
                .collect();
            format!("@{{{}}}", pairs.join("; "))
        }
        Value::ScriptBlock(sb) => format!("{{{}}}", sb.text()),
        Value::SecureString(_) => "***".to_string(),
        Value::Type(name) => format!("[{name}]"),
        other => word(&other.to_ps_string()),
    }
}

/// A string as an argument: bare when PowerShell would read it back unchanged, else quoted.
fn word(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(['-', '@', '#', '$', '<', '>'])
        && s.chars().all(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\'' | '"'
                        | '`'
                        | '$'
                        | ';'
                        | ','
                        | '|'
                        | '&'
                        | '('
                        | ')'
                        | '{'
                        | '}'
                        | '<'
                        | '>'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{201C}'
                        | '\u{201D}'
                )
        });
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_source() {
        assert_eq!(source_text(&Value::str("Test-policy")), "Test-policy");
        assert_eq!(source_text(&Value::str("two words")), "'two words'");
        assert_eq!(source_text(&Value::str("it's")), "'it''s'");
        assert_eq!(source_text(&Value::str("")), "''");
        assert_eq!(source_text(&Value::str("-dash")), "'-dash'");
        assert_eq!(source_text(&Value::Null), "$null");
        assert_eq!(
            source_text(&Value::array(vec![Value::str("a"), Value::integer(2)])),
            "a,2"
        );
        assert_eq!(source_text(&Value::array(vec![])), "@()");
        assert_eq!(source_text(&Value::SecureString("pw".into())), "***");
    }

    #[test]
    fn secrets_are_recognised_by_name() {
        assert!(is_secret("ClientSecret"));
        assert!(is_secret("CertificatePassword"));
        assert!(is_secret("ClientSecretCredential"));
        assert!(!is_secret("PolicyName"));
    }
}

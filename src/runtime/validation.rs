//! `[ValidateScript({ ... })]` on script parameters: the one validation attribute that needs
//! the engine, so it runs here after the binder has converted the argument. Each item of the
//! argument is `$_` in turn; a result that is not true, or an error the script raises, fails
//! the binding with ParameterArgumentValidationError (ValidateScriptAttribute.ValidateElement).

use super::binder::{BindFailure, BoundParameters};
use super::commands::CmdletDef;
use super::flow::Flow;
use super::interpreter::collapse;
use super::scope::Qualifier;
use super::session::Session;
use super::value::Value;
use crate::syntax::{SourceFile, Span};
use crate::vocab::Validation;

impl Session {
    /// Runs the parameters' validation scripts on what was bound.
    pub(crate) fn run_validation_scripts(
        &mut self,
        def: &CmdletDef,
        bound: &BoundParameters,
        fallback: Span,
    ) -> Result<(), BindFailure> {
        for p in &def.params {
            let Some(value) = bound.get(&p.name) else {
                continue;
            };
            for check in &p.validations {
                let (text, custom) = match check {
                    Validation::Script(text) => (text, None),
                    Validation::WithMessage(inner, message) => match &**inner {
                        Validation::Script(text) => (text, Some(message)),
                        _ => continue,
                    },
                    _ => continue,
                };
                for item in value.enumerate() {
                    if let Err(stock) = self.validation_script_passes(text, &item) {
                        let inner = match custom {
                            Some(m) => m.replace("{0}", &item.to_ps_string()).replace("{1}", text),
                            None => stock,
                        };
                        let record = super::errors::validation_error(def, &p.name, &inner);
                        return Err(BindFailure::at(
                            record,
                            bound.span_of(&p.name).unwrap_or(fallback),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// `Ok` when the script returns true for `item`; otherwise the inner message.
    fn validation_script_passes(&mut self, text: &str, item: &Value) -> Result<(), String> {
        let failed = || {
            format!(
                "The \"{text}\" validation script for the argument with value \"{}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
                item.to_ps_string()
            )
        };
        let source = SourceFile::new(None, text.to_string());
        let Ok(block) = crate::syntax::parse_script(source) else {
            return Err(failed());
        };
        let saved: Vec<(&str, Option<Value>)> = ["_", "PSItem"]
            .into_iter()
            .map(|n| {
                let v = self
                    .scopes
                    .target(n, Qualifier::Local)
                    .map(|v| v.value.clone());
                (n, v)
            })
            .collect();
        self.scopes.set("_", item.clone(), Qualifier::Local);
        self.scopes.set("PSItem", item.clone(), Qualifier::Local);
        let mut out = Vec::new();
        let result = self.run_block_here(&block, &mut out);
        for (name, value) in saved {
            match value {
                Some(v) => self.scopes.set(name, v, Qualifier::Local),
                None => {
                    self.scopes.remove(name, Qualifier::Local);
                }
            }
        }
        match result {
            Ok(()) if collapse(out).is_truthy() => Ok(()),
            Ok(()) => Err(failed()),
            // `throw "Path not found"` in the script: its message is the reason shown.
            Err(Flow::Error(record, _)) => Err(record.exception.message.clone()),
            Err(_) => Err(failed()),
        }
    }
}

const NULL_ARGUMENT: &str = "The argument is null. Provide a valid value for the argument, and then try running the command again.";

/// The inner message pwsh shows after `Cannot validate argument on parameter 'X'.`.
pub fn validate(check: &Validation, value: &Value) -> Result<(), String> {
    match check {
        // Read by the binder's mandatory checks.
        Validation::Allow(_) => {}
        Validation::NotNull => {
            if value.is_null() {
                return Err("The argument is null. Provide a valid value for the argument, and then try running the command again.".into());
            }
        }
        Validation::NotNullOrEmpty => {
            let empty = match value {
                Value::Null => true,
                Value::String(s) => s.is_empty(),
                Value::Array(a) => a.borrow().is_empty(),
                _ => false,
            };
            if empty {
                return Err("The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.".into());
            }
        }
        Validation::Set(allowed) => {
            for item in value.enumerate() {
                let text = item.to_ps_string();
                if !allowed.iter().any(|a| a.eq_ignore_ascii_case(&text)) {
                    return Err(format!(
                        "The argument \"{text}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                        allowed.join(",")
                    ));
                }
            }
        }
        Validation::Range(lo, hi) => {
            for item in value.enumerate() {
                // Compared as the value's own number (a Double stays fractional), printed as
                // the argument reads.
                let n = super::conversion::to_double(&item, "System.Double").unwrap_or(*lo as f64);
                let shown = item.to_ps_string();
                if n < *lo as f64 {
                    let n = shown;
                    return Err(format!(
                        "The {n} argument is less than the minimum allowed range of {lo}. Supply an argument that is greater than or equal to {lo} and then try the command again."
                    ));
                }
                if n > *hi as f64 {
                    let n = shown;
                    return Err(format!(
                        "The {n} argument is greater than the maximum allowed range of {hi}. Supply an argument that is less than or equal to {hi} and then try the command again."
                    ));
                }
            }
        }
        Validation::Pattern(_) | Validation::Script(_) if value.is_null() => {
            return Err(NULL_ARGUMENT.into());
        }
        Validation::RangeKind(kind) => {
            for item in value.enumerate() {
                let n = super::conversion::to_double(&item, "System.Double").unwrap_or(0.0);
                let failure = match kind.to_ascii_lowercase().as_str() {
                    "positive" if n <= 0.0 => Some("greater than zero"),
                    "nonnegative" if n < 0.0 => Some("greater than or equal to zero"),
                    "negative" if n >= 0.0 => Some("less than zero"),
                    "nonpositive" if n > 0.0 => Some("less than or equal to zero"),
                    _ => None,
                };
                if let Some(what) = failure {
                    return Err(format!(
                        "The argument \"{}\" cannot be validated because its value is not {what}.",
                        item.to_ps_string()
                    ));
                }
            }
        }
        Validation::WithMessage(inner, message) => {
            // A null argument keeps the stock "The argument is null" text.
            if value.is_null() {
                return validate(inner, value);
            }
            if matches!(**inner, Validation::Script(_)) {
                return Ok(());
            }
            let detail = inner.detail();
            for item in value.enumerate() {
                if validate(inner, &item).is_err() {
                    return Err(message
                        .replace("{0}", &item.to_ps_string())
                        .replace("{1}", &detail));
                }
            }
        }
        Validation::Pattern(pattern) => {
            // ValidatePatternAttribute: `Regex(pattern, IgnoreCase)` against each item's
            // string form. A pattern .NET refuses fails every item rather than none.
            let re = super::regex::Regex::cached(pattern, super::regex::opt::IGNORE_CASE).ok();
            for item in value.enumerate() {
                let text = item.to_ps_string();
                if !re
                    .as_ref()
                    .is_some_and(|r| r.is_match(&text).unwrap_or(false))
                {
                    return Err(format!(
                        "The argument \"{text}\" does not match the \"{pattern}\" pattern. Supply an argument that matches \"{pattern}\" and try the command again."
                    ));
                }
            }
        }
        Validation::Length(min, max) => {
            for item in value.enumerate() {
                let len = item.to_ps_string().chars().count() as i64;
                if len < *min {
                    return Err(format!(
                        "The character length ({len}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{min}\", and then try the command again."
                    ));
                }
                if len > *max {
                    return Err(format!(
                        "The character length of the {len} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{max}\" characters, and then try the command again."
                    ));
                }
            }
        }
        Validation::Count(min, max) => {
            let n = match value {
                Value::Null => 0,
                v => v.enumerate().len() as i64,
            };
            if n < *min || n > *max {
                return Err(if min == max {
                    format!(
                        "The parameter requires exactly {min} value(s) - {n} value(s) were provided."
                    )
                } else {
                    format!(
                        "The parameter requires at least {min} value(s) and no more than {max} value(s) - {n} value(s) were provided."
                    )
                });
            }
        }
        Validation::Script(_) => {}
    }
    Ok(())
}

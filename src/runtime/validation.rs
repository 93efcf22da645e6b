//! `[ValidateScript({ ... })]` on script parameters: the one validation attribute that needs
//! the engine, so it runs here after the binder has converted the argument. Each item of the
//! argument is `$_` in turn; a result that is not true, or an error the script raises, fails
//! the binding with ParameterArgumentValidationError (ValidateScriptAttribute.ValidateElement).

use super::binder::{BindFailure, BoundParameters};
use super::flow::Flow;
use super::interpreter::collapse;
use super::scope::Qualifier;
use super::session::Session;
use super::value::Value;
use crate::cmdlets::def::{CmdletDef, Validation};
use crate::syntax::{SourceFile, Span};

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

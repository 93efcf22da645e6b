//! What an advanced function sees of the engine: `$PSCmdlet` (ShouldProcess, WriteError,
//! ThrowTerminatingError, WriteVerbose, ...) and `$MyInvocation`, both built from the innermost
//! call frame. Also the hook cmdlets use to attribute their errors to the calling function
//! (`Session::caller_invocation`, what Write-Error does with `$MyInvocation`).

use std::rc::Rc;

use super::error_record::{ErrorRecord, InvocationInfo};
use super::flow::{Flow, Termination};
use super::scope::CallFrame;
use super::session::{ActionPreference, Session};
use super::value::{Hashtable, PsObject, Value};
use crate::syntax::{SourceFile, Span};

/// The type name `$PSCmdlet` reports.
pub const PS_SCRIPT_CMDLET: &str = "System.Management.Automation.PSScriptCmdlet";

impl Session {
    /// The innermost advanced function or script (`[CmdletBinding()]`), whose `$PSCmdlet` is
    /// visible here through dynamic scoping.
    pub(crate) fn advanced_frame(&self) -> Option<Rc<CallFrame>> {
        self.scopes
            .frames()
            .into_iter()
            .find(|f| crate::runtime::binder::is_advanced(&f.def))
    }

    /// `$PSCmdlet`: `$null` outside an advanced function.
    pub(crate) fn ps_cmdlet_value(&self) -> Value {
        match self.advanced_frame() {
            Some(frame) => Value::object(
                PsObject::new(PS_SCRIPT_CMDLET)
                    .with("ParameterSetName", Value::str(parameter_set(&frame)))
                    .with("MyInvocation", invocation_value(&frame))
                    .with_text(PS_SCRIPT_CMDLET),
            ),
            None => Value::Null,
        }
    }

    /// `$MyInvocation` of the innermost function or script call.
    pub(crate) fn my_invocation_value(&self) -> Value {
        match self.scopes.current_frame() {
            Some(frame) => invocation_value(&frame),
            None => Value::object(
                PsObject::new("System.Management.Automation.InvocationInfo")
                    .with("MyCommand", Value::Null)
                    .with("InvocationName", Value::str(""))
                    .with("BoundParameters", Value::hashtable(Hashtable::new(false)))
                    .with("ScriptName", Value::str(""))
                    .with("PSScriptRoot", Value::str(""))
                    .with("PSCommandPath", Value::str("")),
            ),
        }
    }

    /// Where an error written by a cmdlet running inside a script function is reported: the
    /// call of that function, named after it (pwsh's Write-Error takes the caller's
    /// `$MyInvocation`, so `function f { Write-Error x }; f` shows `f: ...` pointing at `f`).
    /// `None` outside functions (top level of a script, REPL input).
    pub fn caller_invocation(&self) -> Option<InvocationInfo> {
        let frame = self.scopes.current_frame().filter(|f| !f.is_script)?;
        Some(frame_invocation(&frame))
    }

    /// `$PSCmdlet.Method(args)`.
    pub(crate) fn ps_cmdlet_method(
        &mut self,
        name: &str,
        args: Vec<Value>,
        span: Span,
    ) -> Result<Value, Flow> {
        let Some(frame) = self.advanced_frame() else {
            return Err(self.runtime_error(
                "InvokeMethodOnNull",
                "You cannot call a method on a null-valued expression.",
                super::ErrorCategory::InvalidOperation,
                span,
            ));
        };
        let text = |i: usize| args.get(i).map(Value::to_ps_string).unwrap_or_default();
        match (name.to_ascii_lowercase().as_str(), args.len()) {
            ("shouldprocess", 1..=4) => {
                let description = match args.len() {
                    1 => should_process_message(&frame.command_name, &text(0)),
                    2 => should_process_message(&text(1), &text(0)),
                    _ => text(0),
                };
                let argc = args.len();
                Ok(Value::Bool(self.script_should_process(
                    &frame,
                    &description,
                    (name, argc, span),
                )?))
            }
            ("shouldcontinue", 2..=5) => {
                if !self.can_prompt() {
                    return Err(cannot_prompt_in_method(self, name, args.len(), span));
                }
                let query = text(0);
                Ok(Value::Bool(self.confirm(&query, &frame.command_name)?))
            }
            ("writeerror", 1) => {
                let record = frame_record(&frame, &args[0]);
                let action = self.error_action_preference();
                self.write_error_with(record, action)?;
                Ok(Value::Null)
            }
            ("throwterminatingerror", 1) => {
                let record = frame_record(&frame, &args[0]);
                self.wrote_error = true;
                Err(Flow::Error(Rc::new(record), Termination::Command))
            }
            ("writeverbose", 1) => {
                if self.preference("VerbosePreference", ActionPreference::SilentlyContinue)
                    == ActionPreference::Continue
                {
                    self.write_verbose_text(&text(0));
                }
                Ok(Value::Null)
            }
            ("writewarning", 1) => {
                self.note_warning_variables(&text(0));
                match self.preference("WarningPreference", ActionPreference::Continue) {
                    ActionPreference::SilentlyContinue | ActionPreference::Ignore => {}
                    _ => self.write_warning_text(&text(0)),
                }
                Ok(Value::Null)
            }
            ("writedebug", 1) => {
                if self.preference("DebugPreference", ActionPreference::SilentlyContinue)
                    == ActionPreference::Continue
                {
                    self.write_debug_text(&text(0));
                }
                Ok(Value::Null)
            }
            // The returned object joins the output like any other expression value.
            ("writeobject", 1 | 2) => Ok(args.into_iter().next().unwrap_or(Value::Null)),
            ("gettype", 0) => Ok(Value::Type(Rc::from(PS_SCRIPT_CMDLET))),
            ("tostring", 0) => Ok(Value::str(PS_SCRIPT_CMDLET)),
            (
                "shouldprocess" | "shouldcontinue" | "writeerror" | "throwterminatingerror"
                | "writeverbose" | "writewarning" | "writedebug" | "writeobject",
                n,
            ) => Err(self.runtime_error(
                "MethodCountCouldNotFindBest",
                format!("Cannot find an overload for \"{name}\" and the argument count: \"{n}\"."),
                super::ErrorCategory::InvalidOperation,
                span,
            )),
            _ => Err(self.runtime_error(
                "MethodNotFound",
                format!(
                    "Method invocation failed because [{PS_SCRIPT_CMDLET}] does not contain a method named '{name}'."
                ),
                super::ErrorCategory::InvalidOperation,
                span,
            )),
        }
    }

    /// ShouldProcess for a script function: `What if:` under -WhatIf (false); a Confirm prompt
    /// when the function must confirm (`-Confirm`, or its ConfirmImpact reaches
    /// `$ConfirmPreference`); otherwise a verbose line under -Verbose and true. Without
    /// `SupportsShouldProcess` it always answers true. A prompt that cannot be shown fails the
    /// way a .NET method call does (`Exception calling "ShouldProcess" ...`).
    fn script_should_process(
        &mut self,
        frame: &CallFrame,
        description: &str,
        (method, argc, span): (&str, usize, Span),
    ) -> Result<bool, Flow> {
        if !frame.def.supports_should_process {
            return Ok(true);
        }
        if frame.what_if {
            self.write_host(&format!("What if: {description}\n"));
            return Ok(false);
        }
        if !self.should_confirm(&frame.def, &frame.bound) {
            if self.preference("VerbosePreference", ActionPreference::SilentlyContinue)
                == ActionPreference::Continue
            {
                self.write_verbose_text(description);
            }
            return Ok(true);
        }
        if !self.can_prompt() {
            return Err(cannot_prompt_in_method(self, method, argc, span));
        }
        self.confirm(description, &frame.command_name)
    }
}

/// The host's NonInteractive refusal as a `$PSCmdlet` method call reports it: a
/// MethodInvocationException around the PSInvalidOperationException (as field reports show
/// for ShouldProcess and ShouldContinue).
fn cannot_prompt_in_method(s: &Session, method: &str, argc: usize, span: Span) -> Flow {
    let inner = super::errors::non_interactive("");
    let name = match method.to_ascii_lowercase().as_str() {
        "shouldprocess" => "ShouldProcess",
        "shouldcontinue" => "ShouldContinue",
        _ => method,
    };
    s.runtime_record_error(
        super::errors::method_invocation(
            name,
            argc,
            &inner.exception.type_name,
            &inner.exception.message,
        ),
        span,
    )
}

/// `Performing the operation "{0}" on target "{1}".` (CommandBaseStrings.ShouldProcessMessage)
fn should_process_message(action: &str, target: &str) -> String {
    format!("Performing the operation \"{action}\" on target \"{target}\".")
}

fn parameter_set(frame: &CallFrame) -> String {
    if frame.bound.set.is_empty() {
        "__AllParameterSets".into()
    } else {
        frame.bound.set.clone()
    }
}

/// The record an advanced function writes or throws, attributed to its own call.
fn frame_record(frame: &CallFrame, value: &Value) -> ErrorRecord {
    let mut record = match value {
        Value::Error(rec) => (**rec).clone(),
        other => {
            let mut r = super::errors::thrown(other);
            r.thrown = false;
            r
        }
    };
    if record.invocation.is_none() {
        record.invocation = Some(frame_invocation(frame));
    }
    if record.activity.is_empty() {
        record.activity = frame.command_name.clone();
    }
    if record.command_class.is_empty() {
        record.command_class = frame.command_name.clone();
    }
    record
}

fn frame_invocation(frame: &CallFrame) -> InvocationInfo {
    let (source, extent) = match &frame.call_site {
        Some((src, span)) => (src.clone(), *span),
        None => (SourceFile::new(None, ""), Span::new(0, 0)),
    };
    let command_kind = if frame.is_script {
        super::CommandKind::ExternalScript(frame.def.name.to_string())
    } else {
        super::CommandKind::Command
    };
    InvocationInfo {
        command_name: Some(frame.command_name.clone()),
        invocation_name: Some(frame.invocation_name.clone()),
        source,
        extent,
        command_kind,
    }
}

fn invocation_value(frame: &CallFrame) -> Value {
    let mut bound = Hashtable::new(false);
    for (name, value) in frame.bound.iter() {
        bound.insert(Value::str(name), value.clone());
    }
    let (kind, type_name) = if frame.is_script {
        (
            "ExternalScript",
            "System.Management.Automation.ExternalScriptInfo",
        )
    } else {
        ("Function", "System.Management.Automation.FunctionInfo")
    };
    let mut command = PsObject::new(type_name)
        .with("Name", Value::str(&frame.command_name))
        .with("CommandType", Value::str(kind))
        .with_text(frame.command_name.clone());
    if frame.is_script {
        command.set("Path", Value::str(&*frame.def.name));
        command.set("Source", Value::str(&*frame.def.name));
    }
    let (script_name, line, line_text) = match &frame.call_site {
        Some((src, span)) => {
            let line = src.line_of(span.start);
            (
                src.display_name().unwrap_or_default(),
                line as i64,
                src.line_text(line).to_string(),
            )
        }
        None => (String::new(), 0, String::new()),
    };
    let root = std::path::Path::new(&script_name)
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    Value::object(
        PsObject::new("System.Management.Automation.InvocationInfo")
            .with("MyCommand", Value::object(command))
            .with("BoundParameters", Value::hashtable(bound))
            .with(
                "UnboundArguments",
                Value::array(frame.bound.unbound.clone()),
            )
            .with("ScriptLineNumber", Value::integer(line))
            .with("Line", Value::str(line_text))
            .with("ScriptName", Value::str(&script_name))
            .with("PSScriptRoot", Value::str(root))
            .with("PSCommandPath", Value::str(&script_name))
            .with("InvocationName", Value::str(&frame.invocation_name))
            .with("PipelineLength", Value::integer(1))
            .with("PipelinePosition", Value::integer(1)),
    )
}

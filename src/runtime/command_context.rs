//! What a cmdlet handler sees while it runs: its output, the error/warning/verbose streams
//! with the command's own action preferences, ShouldProcess (-WhatIf/-Confirm), the store,
//! and the session. Handlers never print directly.

use std::rc::Rc;

use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo, InvocationInfo};
use super::flow::Flow;
use super::session::{ActionPreference, Session};
use super::value::Value;
use crate::cmdlets::def::CmdletDef;
use crate::syntax::{SourceFile, Span};

pub struct CommandContext<'a> {
    pub session: &'a mut Session,
    pub def: Rc<CmdletDef>,
    /// Objects written by this invocation (sent downstream after the handler returns).
    pub output: Vec<Value>,
    /// The current pipeline record (PerRecord mode), if any.
    pub input: Option<Value>,
    /// Every record received (Collect mode).
    pub collected: Vec<Value>,
    pub error_action: ActionPreference,
    pub warning_action: ActionPreference,
    pub verbose: bool,
    pub what_if: bool,
    pub confirm: bool,
    pub invocation_name: String,
    pub source: Rc<SourceFile>,
    pub command_span: Span,
    /// 1-based position in the pipeline (for prompts).
    pub pipeline_position: usize,
    /// How the invocation went so far, for the audit log.
    pub(crate) track: Track,
}

/// What the audit log needs to know about how an invocation went.
#[derive(Debug, Default)]
pub(crate) struct Track {
    /// The first error written or raised.
    pub(crate) first_error: Option<String>,
    /// ShouldProcess said no (-WhatIf, or a confirmation answered No).
    pub(crate) skipped: bool,
}

impl CommandContext<'_> {
    pub fn write_object(&mut self, value: Value) {
        self.output.push(value);
    }

    /// Writes every item of a collection (what `WriteObject(x, true)` does).
    pub fn write_enumerated(&mut self, value: Value) {
        for item in value.enumerate() {
            self.output.push(item);
        }
    }

    fn invocation(&self) -> InvocationInfo {
        InvocationInfo {
            command_name: Some(self.def.name.to_string()),
            invocation_name: Some(self.invocation_name.clone()),
            source: self.source.clone(),
            extent: self.command_span,
        }
    }

    /// A record raised by this command, filled with its activity, class and position.
    pub fn error(
        &self,
        exception_type: &str,
        message: impl Into<String>,
        error_id: &str,
        category: ErrorCategory,
    ) -> ErrorRecord {
        let mut r = ErrorRecord::new(
            ExceptionInfo::new(exception_type, message),
            error_id,
            category,
        );
        self.complete(&mut r);
        r
    }

    /// Fills in what the command knows about a record built elsewhere.
    pub fn complete(&self, record: &mut ErrorRecord) {
        if record.command_class.is_empty() {
            record.command_class = self.def.class_name.to_string();
        }
        if record.activity.is_empty() {
            record.activity = self.def.name.to_string();
        }
        if record.invocation.is_none() {
            record.invocation = Some(self.invocation());
        }
    }

    /// A non-terminating error under this command's ErrorAction.
    pub fn write_error(&mut self, mut record: ErrorRecord) -> Result<(), Flow> {
        self.complete(&mut record);
        if self.track.first_error.is_none() {
            self.track.first_error = Some(record.exception.message.clone());
        }
        self.session.write_error_with(record, self.error_action)
    }

    /// A terminating error (ThrowTerminatingError): ends the statement, ignores ErrorAction.
    pub fn terminate(&self, mut record: ErrorRecord) -> Flow {
        self.complete(&mut record);
        Flow::statement_error(record)
    }

    pub fn write_warning(&mut self, text: &str) -> Result<(), Flow> {
        match self.warning_action {
            ActionPreference::SilentlyContinue | ActionPreference::Ignore => Ok(()),
            ActionPreference::Stop => {
                self.session.write_warning_text(text);
                let r = self.error(
                    "System.Management.Automation.ActionPreferenceStopException",
                    format!(
                        "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {text}"
                    ),
                    "ActionPreferenceStop",
                    ErrorCategory::OperationStopped,
                );
                Err(Flow::script_error(r))
            }
            _ => {
                self.session.write_warning_text(text);
                Ok(())
            }
        }
    }

    pub fn write_verbose(&mut self, text: &str) {
        if self.verbose {
            self.session.write_verbose_text(text);
        }
    }

    pub fn write_host(&mut self, text: &str) {
        self.session.write_host(text);
    }

    /// ShouldProcess: `What if:` under -WhatIf (returns false), a Confirm prompt under -Confirm,
    /// otherwise true. `action` is the operation (pwsh uses the command name by default).
    pub fn should_process(&mut self, target: &str, action: &str) -> Result<bool, Flow> {
        let description = format!("Performing the operation \"{action}\" on target \"{target}\".");
        if self.what_if {
            self.session
                .write_host(&format!("What if: {description}\n"));
            self.track.skipped = true;
            return Ok(false);
        }
        if self.verbose {
            self.session.write_verbose_text(&description);
        }
        if !self.confirm {
            return Ok(true);
        }
        let go = self
            .session
            .confirm(&description, self.invocation_name.as_str())?;
        self.track.skipped |= !go;
        Ok(go)
    }

    /// Notes that the command did nothing because the user said no to a question of its own
    /// (for the audit log; `should_process` notes its own).
    pub fn note_skipped(&mut self) {
        self.track.skipped = true;
    }
}

//! What a cmdlet handler sees while it runs: its output, the error/warning/verbose streams
//! with the command's own action preferences, ShouldProcess (-WhatIf/-Confirm), the store,
//! and the session. Handlers never print directly.

use std::cell::RefCell;
use std::rc::Rc;

use super::binder::BoundParameters;
use super::error_record::{ErrorCategory, ErrorRecord, ExceptionInfo, InvocationInfo};
use super::flow::Flow;
use super::scope::Qualifier;
use super::session::{ActionPreference, PipeSink, Session};
use super::value::{Array, ArrayKind, PsObject, Value};
use crate::runtime::CmdletDef;
use crate::syntax::{SourceFile, Span};
use crate::vocab::ConfirmImpact;

/// A list behind `-ErrorVariable`, `-WarningVariable` or `-InformationVariable` (an ArrayList
/// the variable holds, so later additions show through it).
pub(crate) type VariableList = Rc<RefCell<Array>>;

/// The stream variables of one running command (MshCommandRuntime.SetupErrorVariable & co.).
/// While the command runs, everything its own code and the commands it calls write to those
/// streams is added (errors only when not `Ignore`).
#[derive(Debug, Default)]
pub(crate) struct StreamVariables {
    errors: Option<VariableList>,
    warnings: Option<VariableList>,
    information: Option<VariableList>,
}

impl StreamVariables {
    fn is_empty(&self) -> bool {
        self.errors.is_none() && self.warnings.is_none() && self.information.is_none()
    }
}

impl Session {
    /// Sets up the stream variables a command was given (in the caller's scope, before the
    /// command runs): a new empty ArrayList, or with a `+` prefix the variable's current items
    /// kept and added to. `None` when the command names none.
    pub(crate) fn setup_stream_variables(
        &mut self,
        bound: &BoundParameters,
    ) -> Option<Rc<StreamVariables>> {
        let mut vars = StreamVariables::default();
        let list = |s: &mut Session, name: &str| {
            bound
                .string(name)
                .filter(|n| !n.is_empty())
                .map(|n| s.variable_list(&n))
        };
        vars.errors = list(self, "ErrorVariable");
        vars.warnings = list(self, "WarningVariable");
        vars.information = list(self, "InformationVariable");
        (!vars.is_empty()).then(|| Rc::new(vars))
    }

    /// SetupVariable: `name`, `scope:name`, or `+name` to append.
    fn variable_list(&mut self, spec: &str) -> VariableList {
        let (append, name) = match spec.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, spec),
        };
        let (qualifier, name) = match name.split_once(':') {
            Some((scope, rest)) => (Qualifier::parse(Some(scope)), rest),
            None => (Qualifier::None, name),
        };
        let mut items = Vec::new();
        if append {
            match self.scopes.get(name, qualifier).map(|v| v.value.clone()) {
                // An existing ArrayList keeps growing; an array is copied into a new one.
                Some(Value::Array(rc)) if rc.borrow().kind == ArrayKind::ArrayList => {
                    return rc;
                }
                Some(Value::Null) | None => {}
                Some(Value::Array(rc)) => items = rc.borrow().items.clone(),
                Some(other) => items.push(other),
            }
        }
        let value = self.new_list(ArrayKind::ArrayList, items);
        let write = if qualifier == Qualifier::None {
            Qualifier::Local
        } else {
            qualifier
        };
        self.scopes.set(name, value.clone(), write);
        match value {
            Value::Array(rc) => rc,
            _ => Rc::new(RefCell::new(Array {
                kind: ArrayKind::ArrayList,
                items: Vec::new(),
            })),
        }
    }

    /// An error the running commands wrote or raised joins their `-ErrorVariable` lists (once).
    pub(crate) fn note_error_variables(&mut self, record: &Rc<ErrorRecord>) {
        for vars in &self.stream_variables {
            if let Some(list) = &vars.errors {
                let mut list = list.borrow_mut();
                let known = list
                    .iter()
                    .any(|v| matches!(v, Value::Error(r) if Rc::ptr_eq(r, record)));
                if !known {
                    list.push(Value::Error(record.clone()));
                }
            }
        }
    }

    /// A warning joins the running commands' `-WarningVariable` lists, whatever the
    /// WarningAction (MshCommandRuntime.WriteWarning appends after the preference check).
    pub(crate) fn note_warning_variables(&mut self, text: &str) {
        if self.stream_variables.iter().all(|v| v.warnings.is_none()) {
            return;
        }
        let record = Value::object(
            PsObject::new("System.Management.Automation.WarningRecord")
                .with("Message", Value::str(text))
                .with_text(text.to_string()),
        );
        for vars in &self.stream_variables {
            if let Some(list) = &vars.warnings {
                list.borrow_mut().push(record.clone());
            }
        }
    }

    /// Write-Information and Write-Host records join the running commands'
    /// `-InformationVariable` lists, whatever the InformationAction.
    pub(crate) fn note_information_variables(&mut self, text: &str, host: bool) {
        if self
            .stream_variables
            .iter()
            .all(|v| v.information.is_none())
        {
            return;
        }
        let tags = if host {
            vec![Value::str("PSHOST")]
        } else {
            Vec::new()
        };
        let record = Value::object(
            PsObject::new("System.Management.Automation.InformationRecord")
                .with("MessageData", Value::str(text))
                .with("Tags", Value::array(tags))
                .with_text(text.to_string()),
        );
        for vars in &self.stream_variables {
            if let Some(list) = &vars.information {
                list.borrow_mut().push(record.clone());
            }
        }
    }

    /// `$ConfirmPreference` as ShouldProcess reads it (High when unset or not a ConfirmImpact).
    pub(crate) fn confirm_preference(&self) -> ConfirmImpact {
        self.scopes
            .get("ConfirmPreference", Qualifier::None)
            .and_then(|v| match &v.value {
                Value::String(text) => ConfirmImpact::parse(text),
                other => ConfirmImpact::parse(&other.to_ps_string()),
            })
            .unwrap_or(ConfirmImpact::High)
    }

    /// Whether ShouldProcess must ask (MshCommandRuntime.ConfirmPreference and
    /// CanShouldProcessAutoConfirm): `-Confirm` asks, `-Confirm:$false` never does, `-Debug`
    /// asks; otherwise it asks when the command's ConfirmImpact is at least
    /// `$ConfirmPreference` (and `$ConfirmPreference` is not None).
    pub(crate) fn should_confirm(&self, def: &CmdletDef, bound: &BoundParameters) -> bool {
        if !def.supports_should_process {
            return false;
        }
        let threshold = match (bound.get("Confirm"), bound.get("Debug")) {
            (Some(c), _) if c.is_truthy() => ConfirmImpact::Low,
            (Some(_), _) => ConfirmImpact::None,
            (None, Some(d)) if d.is_truthy() => ConfirmImpact::Low,
            _ => self.confirm_preference(),
        };
        threshold != ConfirmImpact::None && threshold <= def.confirm_impact
    }
}

pub struct CommandContext<'a> {
    pub session: &'a mut Session,
    /// The rest of the running pipeline, when objects can go down it as they are written
    /// (see `send`).
    pub(crate) pipe: Option<&'a mut dyn PipeSink>,
    /// The pipeline stage running this command (named by `Flow::StopUpstream`).
    pub(crate) stage_id: u64,
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
    /// ShouldProcess asks before going ahead (see `Session::should_confirm`).
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

    /// Writes an object and, in a pipeline, hands it to the next command at once (pwsh's
    /// WriteObject), so a command reading a large input holds one object at a time. Fails
    /// when a command downstream fails, or has all it needs (`Flow::StopUpstream`): the loop
    /// writing stops there.
    pub fn send(&mut self, value: Value) -> Result<(), Flow> {
        let Some(pipe) = self.pipe.as_deref_mut() else {
            self.output.push(value);
            return Ok(());
        };
        for earlier in std::mem::take(&mut self.output) {
            pipe.send(self.session, earlier)?;
        }
        pipe.send(self.session, value)
    }

    /// The stop a command raises when it has all the input it needs (pwsh's
    /// StopUpstreamCommandsException): the commands upstream of it stop.
    pub fn stop_upstream(&self) -> Flow {
        Flow::StopUpstream(self.stage_id)
    }

    /// The state this command keeps between its steps (begin, each record, end) in this
    /// pipeline: an open file, a header. Made with `make` the first time; dropped (a file
    /// closed) when the pipeline ends, however it ends.
    pub fn state<T: 'static>(&mut self, make: impl FnOnce() -> T) -> &mut T {
        let states = &mut self.session.command_states;
        if !states.get(&self.stage_id).is_some_and(|s| s.is::<T>()) {
            states.insert(self.stage_id, Box::new(make()));
        }
        states
            .get_mut(&self.stage_id)
            .and_then(|s| s.downcast_mut::<T>())
            .expect("the state was just made of this type")
    }

    /// Takes this command's state out (its end step), if it has one of this type.
    pub fn take_state<T: 'static>(&mut self) -> Option<T> {
        let slot = self.session.command_states.remove(&self.stage_id)?;
        slot.downcast::<T>().ok().map(|b| *b)
    }

    /// Keeps this command's state for its next step.
    pub fn put_state<T: 'static>(&mut self, value: T) {
        self.session
            .command_states
            .insert(self.stage_id, Box::new(value));
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
            command_kind: Default::default(),
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
    pub fn write_error(&mut self, record: ErrorRecord) -> Result<(), Flow> {
        self.write_error_classed(record, true)
    }

    /// `write_error`; `classed` false leaves the FQID without the command's class (Write-Error
    /// inside a script block, whose caller is no command).
    pub fn write_error_classed(
        &mut self,
        mut record: ErrorRecord,
        classed: bool,
    ) -> Result<(), Flow> {
        self.complete(&mut record);
        if !classed {
            record.command_class.clear();
        }
        if self.track.first_error.is_none() {
            self.track.first_error = Some(record.exception.message.clone());
        }
        // Stop makes it terminating: an error with no position (Write-Error at the top of a
        // script) takes the command's, as pwsh gives a thrown record the extent it passed.
        if self.error_action == ActionPreference::Stop
            && let Some(inv) = record.invocation.as_mut()
            && !inv.has_position()
        {
            let here = self.invocation();
            inv.source = here.source;
            inv.extent = here.extent;
        }
        self.session.write_error_with(record, self.error_action)
    }

    /// A terminating error (ThrowTerminatingError): ends the statement, ignores ErrorAction.
    pub fn terminate(&self, mut record: ErrorRecord) -> Flow {
        self.complete(&mut record);
        Flow::statement_error(record)
    }

    pub fn write_warning(&mut self, text: &str) -> Result<(), Flow> {
        self.session.note_warning_variables(text);
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

    /// ShouldProcess: `What if:` under -WhatIf (returns false), a Confirm prompt when the
    /// command must confirm (`-Confirm`, or its ConfirmImpact reaches `$ConfirmPreference`),
    /// otherwise true. `action` is the operation (pwsh uses the command name by default).
    pub fn should_process(&mut self, target: &str, action: &str) -> Result<bool, Flow> {
        let description = format!("Performing the operation \"{action}\" on target \"{target}\".");
        if self.what_if {
            self.session
                .write_host(&format!("What if: {description}\n"));
            self.track.skipped = true;
            return Ok(false);
        }
        if !self.confirm {
            // The auto-confirm path is the only one that writes the verbose line.
            if self.verbose {
                self.session.write_verbose_text(&description);
            }
            return Ok(true);
        }
        if !self.session.can_prompt() {
            // The host's refusal, raised inside the cmdlet (so it points at the command).
            let r = super::errors::non_interactive("");
            return Err(self.terminate(r));
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

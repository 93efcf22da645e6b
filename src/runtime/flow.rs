//! Non-local control flow: what unwinds the interpreter (terminating errors, break/continue,
//! return, exit, Ctrl-C). Owns the enum only; the interpreter decides where each one stops.

use std::rc::Rc;

use super::error_record::ErrorRecord;

/// How far a terminating error unwinds when nothing catches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Termination {
    /// Ends only the current statement (binding errors, unknown commands, runtime exceptions,
    /// a cmdlet's ThrowTerminatingError): the script goes on with the next statement.
    Statement,
    /// Ends the whole script (`throw`, `-ErrorAction Stop`, `$ErrorActionPreference = 'Stop'`).
    Script,
    /// Ends the running function or script, then only the statement that called it
    /// (`$PSCmdlet.ThrowTerminatingError` in an advanced function).
    Command,
}

#[derive(Clone, Debug)]
pub enum Flow {
    Error(Rc<ErrorRecord>, Termination),
    Break(Option<String>),
    Continue(Option<String>),
    /// `return`: the value has already been written to the output.
    Return,
    Exit(i32),
    /// Ctrl-C: stop everything and go back to the prompt.
    Stopped,
    /// A command downstream has all the input it needs (`Select-Object -First`): the commands
    /// upstream of it, up to the pipeline that holds it (identified by the stage id), stop
    /// without running their `end` blocks (pwsh's StopUpstreamCommandsException).
    StopUpstream(u64),
}

impl Flow {
    pub fn statement_error(record: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(record), Termination::Statement)
    }

    pub fn script_error(record: ErrorRecord) -> Flow {
        Flow::Error(Rc::new(record), Termination::Script)
    }
}

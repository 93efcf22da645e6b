//! Executes syntax trees: values, scopes, the interpreter, the parameter binder and error
//! records. Must not know how text is laid out on screen (see `format`).

pub mod audit;
pub mod binder;
pub mod classes;
pub mod clock;
pub mod command_context;
pub mod commands;
pub mod conversion;
pub mod culture;
pub mod dotnet;
pub mod dotnet_format;
pub mod error_record;
pub mod errors;
mod expression;
pub mod extension;
pub mod files;
pub mod flow;
pub mod functions;
pub mod host;
pub mod interpreter;
pub mod list_modifier;
pub mod memory;
pub mod number;
pub mod operators;
pub mod output;
pub mod pipeline;
mod prompt;
pub mod regex;
mod requirements;
pub mod scope;
mod script_cmdlet;
pub mod session;
pub mod timespan;
pub mod transcript;
mod validation;
pub mod value;

pub use binder::{BoundParameters, CommandArg};
pub use command_context::CommandContext;
pub use commands::{CmdletDef, CommandTable, Handler, Implementation};
pub use error_record::{
    CommandKind, ErrorCategory, ErrorRecord, ExceptionInfo, ExtendedError, InvocationInfo,
};
pub use expression::{hashtable_to_object, set_env_var};
pub use extension::{GraphCall, SessionExtension};
pub use flow::{Flow, Termination};
pub use interpreter::{RunOutcome, collapse};
pub use list_modifier::ListModifier;
pub use script_cmdlet::PS_SCRIPT_CMDLET;
pub use session::{
    ActionPreference, Connection, GraphConnection, HistoryEntry, Out, Session, SessionOptions,
};
pub use value::{Hashtable, PsObject, Value};

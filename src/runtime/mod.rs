//! Executes syntax trees: values, scopes, the interpreter, the parameter binder and error
//! records. Must not know how text is laid out on screen (see `format`).

pub mod error_record;
pub mod value;

pub use error_record::{ErrorCategory, ErrorRecord, ExceptionInfo, InvocationInfo};
pub use value::{Hashtable, PsObject, Value};

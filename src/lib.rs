//! aapsh: an offline PowerShell-style shell that emulates the Teams application access policy
//! cmdlets over a local JSON store. Text flows syntax → runtime → format; cmdlets and the store
//! sit under the runtime.

pub mod cli; // command line options (shared/spec/cli.md) and the entry point's logic
pub mod cmdlets; // the one table of cmdlet definitions, and one file per cmdlet family
pub mod format; // list/table views, collection rendering, ConciseView/NormalView, colour
pub mod repl; // rustyline loop: prompt, history, multi-line input
pub mod runtime; // values, scopes, interpreter, parameter binder, error records
pub mod store; // tenant model, JSON file load/validate/save, locking, access decisions
pub mod syntax; // nom parser: spans, AST, parse errors

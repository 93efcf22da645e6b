//! aapsh: an offline PowerShell-style shell that emulates the Teams application access policy
//! cmdlets over a local JSON store. Text flows syntax → runtime → format. The modules are
//! floors, and imports only run down: shell, cmdlets, format, runtime, vocab, then syntax and
//! store at the bottom (docs/architecture.md; tests/architecture.rs checks it).

pub mod cmdlets; // the one table of cmdlet definitions, and one file per cmdlet family
pub mod format; // list/table views, collection rendering, ConciseView/NormalView, colour
pub mod runtime; // values, scopes, interpreter, parameter binder, error records
pub mod shell; // the command line and the rustyline REPL (the top floor)
pub mod store; // tenant model, JSON file load/validate/save, locking, access decisions
pub mod syntax; // nom parser: spans, AST, parse errors
pub mod vocab; // data only: the shape of command definitions

//! The shell: the command line and the interactive REPL. The top floor: it reads every layer
//! below and nothing imports it. `session` wires a runtime session to the built-in cmdlets and
//! the console formatter; `options` parses the command line; `cli` runs a mode; `repl` is the
//! interactive loop.

pub mod cli;
pub mod lab;
pub mod options;
pub mod repl;
pub mod session;

pub use cli::{run, run_os};
pub use options::{CliOptions, ColorChoice, Mode, parse_args, parse_args_os};
pub use session::{StorePath, build_session, checkpoint, new_session, store_path};

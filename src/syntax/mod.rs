//! PowerShell source text to syntax tree. Owns tokenizing and parsing (nom) and the grammar
//! (`grammar/powershell.ebnf` documents exactly what is accepted). Must not evaluate anything.

pub mod ast;
pub mod parse_error;
mod parser;
pub mod span;

use std::rc::Rc;

pub use parse_error::{ParseError, ParseErrors};
pub use span::{SourceFile, Span};

/// Parses a whole script (file, `-Command` text or one REPL input). Nothing runs if this fails.
pub fn parse_script(source: Rc<SourceFile>) -> Result<Rc<ast::ScriptBlockAst>, ParseErrors> {
    parser::parse_script(source)
}

//! PowerShell source text to syntax tree. Owns tokenizing and parsing (nom) and the grammar
//! (`grammar/powershell.ebnf` documents exactly what is accepted). Must not evaluate anything.
//!
//! Files: `chars.rs` (character classes), `token.rs` (token kinds, modes, operator and keyword
//! tables), `lexer.rs` (the mode-dependent tokenizer), `string.rs` (strings, here-strings,
//! barewords), `parser.rs` (lookahead, errors, script blocks), `statement.rs`, `command.rs`
//! (pipelines, commands, arguments), `expression.rs`, `type_definition.rs` (`enum` and `class`), `messages.rs` (pwsh's error texts) and
//! `sexpr.rs` (a compact tree dump for tests).

pub mod ast;
mod chars;
mod command;
mod expression;
pub mod highlight;
mod lexer;
mod messages;
pub mod parse_error;
mod parser;
pub mod requires;
mod semantic;
mod sexpr;
pub mod span;
mod statement;
mod string;
mod token;
pub mod type_definition;

use std::rc::Rc;

pub use lexer::scan_number;
pub use parse_error::{ParseError, ParseErrors};
pub use sexpr::sexpr;
pub use span::{SourceFile, Span};

/// Parses a whole script (file, `-Command` text or one REPL input). Nothing runs if this fails.
pub fn parse_script(source: Rc<SourceFile>) -> Result<Rc<ast::ScriptBlockAst>, ParseErrors> {
    parser::parse_script(source)
}

/// `parse_script`, also returning how much scanning it took: the bytes of text covered by
/// every token scan, rescans included. It grows linearly with the input (tests/parser_linear.rs).
pub fn parse_script_counting(
    source: Rc<SourceFile>,
) -> (Result<Rc<ast::ScriptBlockAst>, ParseErrors>, u64) {
    parser::parse_script_counting(source)
}

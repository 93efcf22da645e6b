//! Parse errors with PowerShell's ErrorIds and message texts. Owns the error type only; the
//! parser creates them, the runtime turns them into `ErrorRecord`s, the REPL validator reads
//! `incomplete`.

use std::rc::Rc;

use super::span::{SourceFile, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// PowerShell's ErrorId, e.g. `TerminatorExpectedAtEndOfString`.
    pub id: &'static str,
    /// PowerShell's message text, e.g. `The string is missing the terminator: ".`
    pub message: String,
    /// What pwsh underlines; may be empty (a point) at end of input.
    pub span: Span,
    /// True when more input could complete the construct (open quote, brace, paren,
    /// here-string, trailing backtick or pipe): the REPL asks for more instead of reporting.
    pub incomplete: bool,
}

/// Every error found in one source text (pwsh reports up to 10, in order).
#[derive(Clone, Debug)]
pub struct ParseErrors {
    pub source: Rc<SourceFile>,
    pub errors: Vec<ParseError>,
}

impl ParseErrors {
    /// Incomplete input, as pwsh's `IncompleteParseException`: judged by the first error.
    pub fn is_incomplete(&self) -> bool {
        self.errors.first().is_some_and(|e| e.incomplete)
    }
}

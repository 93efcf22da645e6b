//! How the runtime hands objects and records to the formatter without importing it: the
//! `Formatter` trait the shell implements (with `format::ConsoleFormatter`) and gives the session,
//! and the settings every formatter reads (`FormatOptions`: window width, colour,
//! `$FormatEnumerationLimit`; `ErrorView`). The runtime decides *when* text is written; the
//! formatter decides *what* it looks like.

use super::culture::Culture;
use super::error_record::ErrorRecord;
use super::value::Value;

/// pwsh's `$FormatEnumerationLimit` default (InitialSessionState.DefaultFormatEnumerationLimit).
pub const DEFAULT_ENUMERATION_LIMIT: i64 = 4;

/// Widest layout the list and table writers accept (far beyond any real terminal).
pub const MAX_LAYOUT_WIDTH: usize = 4096;

/// Window width pwsh assumes when it cannot ask the host.
pub const DEFAULT_WIDTH: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatOptions {
    /// The terminal's window width in columns (default 120).
    pub width: usize,
    /// Emit ANSI colour sequences (pwsh's `$PSStyle` roles).
    pub color: bool,
    /// `$FormatEnumerationLimit`: how many items of a collection a cell shows before `…`;
    /// negative means unlimited.
    pub enumeration_limit: i64,
    /// The culture dates and numbers are shown in.
    pub culture: &'static Culture,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            width: DEFAULT_WIDTH,
            color: false,
            enumeration_limit: DEFAULT_ENUMERATION_LIMIT,
            culture: &super::culture::INVARIANT,
        }
    }
}

impl FormatOptions {
    /// Columns the list and table writers lay out to. pwsh's console `LineOutput` reports the
    /// buffer width minus one (`ConsoleLineOutput.ColumnNumber`, `_forceNewLine`) so the last
    /// screen column is never written; error views use the full `width`.
    /// Capped at `MAX_LAYOUT_WIDTH` so a bogus width cannot ask for gigabytes of padding.
    pub fn layout_width(&self) -> usize {
        self.width.saturating_sub(1).min(MAX_LAYOUT_WIDTH)
    }
}

/// `$ErrorView`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorView {
    /// pwsh 7's default.
    #[default]
    Concise,
    /// The Windows PowerShell 5.1 block (`At line:…`, `+ CategoryInfo`, …).
    Normal,
}

impl ErrorView {
    /// Parses `-ErrorView concise|normal` (also pwsh's `ConciseView`/`NormalView`).
    pub fn parse(s: &str) -> Option<ErrorView> {
        match s.to_ascii_lowercase().as_str() {
            "concise" | "conciseview" => Some(ErrorView::Concise),
            "normal" | "normalview" => Some(ErrorView::Normal),
            _ => None,
        }
    }
}

/// Turns what the session writes into text (pwsh's Out-Default, error views and stream lines).
pub trait Formatter {
    /// Out-Default's text for one more object; tables may hold it back until `flush`.
    fn write(&mut self, value: &Value, opts: &FormatOptions) -> String;
    /// A statement ended at the top level (pwsh starts a new table after it in some cases).
    fn statement_boundary(&mut self);
    /// Ends the current Out-Default group and returns what was held back.
    fn flush(&mut self, opts: &FormatOptions) -> String;
    /// The whole text of an error record for the error stream.
    fn error(&self, record: &ErrorRecord, view: ErrorView, opts: &FormatOptions) -> String;
    /// `WARNING: ...`, `VERBOSE: ...` and `DEBUG: ...` lines.
    fn warning(&self, text: &str, opts: &FormatOptions) -> String;
    fn verbose(&self, text: &str, opts: &FormatOptions) -> String;
    fn debug(&self, text: &str, opts: &FormatOptions) -> String;
    /// What `Out-String` and `> file` produce for these objects.
    fn out_string(&self, values: &[Value], opts: &FormatOptions) -> String;
}

//! `FormatOptions`: the few session settings the formatter reads (window width, colour,
//! `$FormatEnumerationLimit`). Owns their defaults and the width arithmetic shared by the list
//! and table writers. Must not read the environment or the terminal itself: the caller decides.

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
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            width: DEFAULT_WIDTH,
            color: false,
            enumeration_limit: DEFAULT_ENUMERATION_LIMIT,
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

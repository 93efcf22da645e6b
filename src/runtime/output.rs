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
    /// `$ErrorView` when the text is made: error records on the error stream and in
    /// Out-Default are drawn in it.
    pub error_view: ErrorView,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            width: DEFAULT_WIDTH,
            color: false,
            enumeration_limit: DEFAULT_ENUMERATION_LIMIT,
            culture: &super::culture::INVARIANT,
            error_view: ErrorView::Concise,
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

/// `$ErrorView` (`System.Management.Automation.ErrorView`), plus the layout aapsh's own
/// `-ErrorView normal` command-line option asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorView {
    /// pwsh 7's NormalView: the message, the PositionMessage, then `+ CategoryInfo` and
    /// `+ FullyQualifiedErrorId` at the left margin.
    Normal,
    /// `ErrorCategoryInfo.GetMessage()` alone.
    Category,
    /// pwsh 7's default.
    #[default]
    Concise,
    /// Get-Error's view of the record.
    Detailed,
    /// The Windows PowerShell 5.1 block (`At line:…`, indented `+ CategoryInfo` lines wrapped at
    /// the width, a closing line holding a space): `-ErrorView normal` on aapsh's command line.
    WindowsNormal,
}

/// The enumerator names of `System.Management.Automation.ErrorView`, in value order.
pub const ERROR_VIEW_NAMES: [&str; 4] =
    ["NormalView", "CategoryView", "ConciseView", "DetailedView"];

/// The .NET type of `$ErrorView`.
pub const ERROR_VIEW_TYPE: &str = "System.Management.Automation.ErrorView";

impl ErrorView {
    /// Parses `-ErrorView concise|normal` on aapsh's command line.
    pub fn parse(s: &str) -> Option<ErrorView> {
        match s.to_ascii_lowercase().as_str() {
            "concise" | "conciseview" => Some(ErrorView::Concise),
            "normal" | "normalview" => Some(ErrorView::WindowsNormal),
            _ => None,
        }
    }

    /// The view an enumerator name of `$ErrorView` selects (`NormalView`, ...).
    pub fn from_name(name: &str) -> Option<ErrorView> {
        match name.trim().to_ascii_lowercase().as_str() {
            "normalview" => Some(ErrorView::Normal),
            "categoryview" => Some(ErrorView::Category),
            "conciseview" => Some(ErrorView::Concise),
            "detailedview" => Some(ErrorView::Detailed),
            _ => None,
        }
    }

    /// The enumerator name `$ErrorView` holds for this view (the 5.1 block is a NormalView).
    pub fn name(self) -> &'static str {
        match self {
            ErrorView::Normal | ErrorView::WindowsNormal => "NormalView",
            ErrorView::Category => "CategoryView",
            ErrorView::Concise => "ConciseView",
            ErrorView::Detailed => "DetailedView",
        }
    }

    /// The enumerator's value.
    pub fn number(self) -> i64 {
        match self {
            ErrorView::Normal | ErrorView::WindowsNormal => 0,
            ErrorView::Category => 1,
            ErrorView::Concise => 2,
            ErrorView::Detailed => 3,
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
    /// The whole text of an error record for the error stream, in `opts.error_view`.
    fn error(&self, record: &ErrorRecord, opts: &FormatOptions) -> String;
    /// `WARNING: ...`, `VERBOSE: ...` and `DEBUG: ...` lines.
    fn warning(&self, text: &str, opts: &FormatOptions) -> String;
    fn verbose(&self, text: &str, opts: &FormatOptions) -> String;
    fn debug(&self, text: &str, opts: &FormatOptions) -> String;
    /// What `Out-String` and `> file` produce for these objects.
    fn out_string(&self, values: &[Value], opts: &FormatOptions) -> String;
    /// A fresh formatter of the same kind with its own Out-Default document (what `> file`
    /// formats into, object by object).
    fn document(&self) -> Box<dyn Formatter>;
}

/// A value assigned to `$ErrorView` as its ArgumentTypeConverter makes it an `ErrorView`: an
/// enumerator name (any case, or a prefix that names one enumerator), or its number. The error
/// is the conversion message.
pub fn error_view_value(value: &Value) -> Result<Value, String> {
    let enum_value = |name: &str| {
        let view = ErrorView::from_name(name).unwrap_or_default();
        Value::Enum(super::value::EnumValue::new(ERROR_VIEW_TYPE, view.number()))
    };
    if value.is_null() {
        return Err(format!(
            "Cannot convert null to type \"{ERROR_VIEW_TYPE}\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"{}\".",
            ERROR_VIEW_NAMES.join(",")
        ));
    }
    let text = value.to_ps_string();
    let typed = text.trim();
    if !typed.is_empty() {
        let lower = typed.to_ascii_lowercase();
        let matches: Vec<&str> = ERROR_VIEW_NAMES
            .iter()
            .copied()
            .filter(|n| n.to_ascii_lowercase().starts_with(&lower))
            .collect();
        if let Some(exact) = matches.iter().find(|n| n.eq_ignore_ascii_case(typed)) {
            return Ok(enum_value(exact));
        }
        match matches.as_slice() {
            [one] => return Ok(enum_value(one)),
            [] => {}
            several => {
                return Err(super::conversion::cast_error_with_inner(
                    &text,
                    ERROR_VIEW_TYPE,
                    &format!(
                        "The identifier name {text} cannot be processed because it is either too similar or identical to the following enumerator names: {}. Use a more specific identifier name.",
                        several.join(", ")
                    ),
                ));
            }
        }
    }
    super::conversion::to_enum(value, &ERROR_VIEW_NAMES, ERROR_VIEW_TYPE).map(|n| enum_value(&n))
}

//! Turns values and error records into text the way pwsh's formatter does. Owns views, collection
//! rendering, error views and colour. Must not evaluate script or touch the store.
//!
//! Map: `palette` (colour roles), `wrap` (char-counted text helpers),
//! `collection` (cell text / SmartToString), `scalar` (lone values, dates), `views` (type name →
//! view), `list` and `table` (the two writers), `position` (PositionMessage), `out_default`
//! (grouping, Format-List/-Table), `error_view` (ConciseView, NormalView, stream prefixes).

mod collection;
mod error_view;
mod get_error;
mod list;
mod out_default;
mod palette;
mod position;
mod scalar;
mod table;
mod views;
mod wide;
mod wrap;

pub use collection::{ELLIPSIS, cell_text, dotnet_to_string};
pub use error_view::{
    SUGGESTION_LABEL, render_debug, render_error, render_error_output, render_verbose,
    render_warning, render_what_if,
};
pub use get_error::get_error_text;
pub use out_default::{ListOptions, OutDefault, TableOptions, format_list, format_table};
pub use palette::{Palette, RESET, console_color_name, is_console_color};
pub use position::{EllipsisStyle, PositionMessage, position_message};
pub use scalar::{datetime_long, datetime_short};
pub use views::{Columns, PROPERTY_COUNT_FOR_TABLE, Shape, VIEWS, ViewDef};
pub use wide::format_wide;

/// Write-Host colours (ConsoleColor names) for text known to go to a colour terminal.
pub fn paint_console(text: &str, fg: Option<&str>, bg: Option<&str>) -> String {
    Palette::new(true).console_color(text, fg, bg)
}

use crate::runtime::output::{FormatOptions, Formatter};
use crate::runtime::{ErrorRecord, Value};

/// The formatter the shell gives a session: pwsh's console Out-Default and error views.
#[derive(Default)]
pub struct ConsoleFormatter {
    out: OutDefault,
}

impl ConsoleFormatter {
    pub fn new() -> ConsoleFormatter {
        ConsoleFormatter::default()
    }
}

impl Formatter for ConsoleFormatter {
    fn write(&mut self, value: &Value, opts: &FormatOptions) -> String {
        self.out.write(value, opts)
    }

    fn statement_boundary(&mut self) {
        self.out.statement_boundary();
    }

    fn flush(&mut self, opts: &FormatOptions) -> String {
        self.out.flush(opts)
    }

    fn error(&self, record: &ErrorRecord, opts: &FormatOptions) -> String {
        render_error(record, opts.error_view, opts)
    }

    fn warning(&self, text: &str, opts: &FormatOptions) -> String {
        render_warning(text, opts)
    }

    fn verbose(&self, text: &str, opts: &FormatOptions) -> String {
        render_verbose(text, opts)
    }

    fn debug(&self, text: &str, opts: &FormatOptions) -> String {
        render_debug(text, opts)
    }

    fn out_string(&self, values: &[Value], opts: &FormatOptions) -> String {
        out_string(values, opts)
    }

    fn document(&self) -> Box<dyn Formatter> {
        Box::new(ConsoleFormatter::new())
    }
}

/// What `Out-String` (and `> file`) produce for a list of objects: Out-Default's text.
pub fn out_string(values: &[Value], opts: &FormatOptions) -> String {
    let mut out = OutDefault::new();
    let mut text = String::new();
    for v in values {
        text.push_str(&out.write(v, opts));
    }
    text.push_str(&out.flush(opts));
    text
}

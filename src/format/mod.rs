//! Turns values and error records into text the way pwsh's formatter does. Owns views, collection
//! rendering, error views and colour. Must not evaluate script or touch the store.
//!
//! Map: `options` (FormatOptions), `palette` (colour roles), `wrap` (char-counted text helpers),
//! `collection` (cell text / SmartToString), `scalar` (lone values, dates), `views` (type name →
//! view), `list` and `table` (the two writers), `position` (PositionMessage), `out_default`
//! (grouping, Format-List/-Table), `error_view` (ConciseView, NormalView, stream prefixes).

mod collection;
mod error_view;
mod list;
mod options;
mod out_default;
mod palette;
mod position;
mod scalar;
mod table;
mod views;
mod wrap;

pub use collection::{ELLIPSIS, cell_text, dotnet_to_string};
pub use error_view::{
    ErrorView, SUGGESTION_LABEL, render_debug, render_error, render_verbose, render_warning,
    render_what_if,
};
pub use options::{DEFAULT_ENUMERATION_LIMIT, DEFAULT_WIDTH, FormatOptions};
pub use out_default::{OutDefault, format_list, format_table};
pub use palette::{Palette, RESET, console_color_name, is_console_color};
pub use position::{EllipsisStyle, PositionMessage, position_message};
pub use scalar::{datetime_long, datetime_short};
pub use views::{Columns, PROPERTY_COUNT_FOR_TABLE, Shape, VIEWS, ViewDef};

/// Write-Host colours (ConsoleColor names) for text known to go to a colour terminal.
pub fn paint_console(text: &str, fg: Option<&str>, bg: Option<&str>) -> String {
    Palette::new(true).console_color(text, fg, bg)
}

/// What `Out-String` (and `> file`) produce for a list of objects: Out-Default's text.
pub fn out_string(values: &[crate::runtime::Value], opts: &FormatOptions) -> String {
    let mut out = OutDefault::new();
    let mut text = String::new();
    for v in values {
        text.push_str(&out.write(v, opts));
    }
    text.push_str(&out.flush(opts));
    text
}

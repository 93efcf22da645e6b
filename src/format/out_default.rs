//! Out-Default's state machine and the Format-List / Format-Table entry points built on it,
//! following pwsh's formatter (BaseFormattingCommand, OutCommandInner, OutOfBandFormatViewManager):
//!
//! - One *document* per Out-Default run (a whole script, or one REPL input). Its first object
//!   that has properties picks the view (the type's format-data view, else a table for up to four
//!   properties and a list for more) and starts the document with a blank line.
//! - Later objects the view applies to join it: any object when the view was generated from the
//!   first object's properties (so a table keeps the first object's columns), only objects of the
//!   same type when it came from format data. Any other object is drawn *out of band*: a list of
//!   its properties framed by blank lines, without ending the document.
//! - Strings, numbers and other property-less values, and error records, are out of band too:
//!   their text, inline.
//! - Lists write each entry followed by a blank line; a table writes a blank line when the
//!   document ends; a list does not (pwsh 7.4).
//! - pwsh buffers a table's first rows (300 ms) to size its columns and releases them when a
//!   later object arrives after that, or when the document ends; host text (Write-Host, warnings,
//!   errors) is not held back. aapsh is deterministic: it releases the buffer when an object
//!   arrives from a later top-level statement (`statement_boundary`), or at the end.
//!
//! Must not evaluate script or decide colour (the caller passes options).

use std::rc::Rc;

use crate::runtime::value::Array;
use crate::runtime::{ErrorRecord, Value};

use super::collection::cell_text;
use super::error_view::render_error_output;
use super::get_error::get_error_text;
use super::list::list_entry;
use super::palette::Palette;
use super::scalar::{datetime_long, scalar_text};
use super::table::{Cell, TableData, TableLayout, render_row};
use super::views::{
    CellFn, Column, Shape, View, default_view, display_items, explicit_columns, property,
    property_names, table_view,
};
use super::wrap::culture_word_wraps;
use crate::runtime::output::FormatOptions;

/// The type name Get-Error gives the records it returns.
const GET_ERROR_VIEW: &str = "System.Management.Automation.ErrorRecord#PSExtendedError";

/// How objects are laid out: Out-Default's own choice, or forced by Format-List/-Table.
#[derive(Clone, Debug)]
enum Mode {
    Default,
    List {
        properties: Option<Vec<String>>,
        /// `-Force`: strings and numbers are shown by their properties too.
        force: bool,
        group_by: Option<String>,
    },
    Table {
        properties: Option<Vec<String>>,
        autosize: bool,
        hide_headers: bool,
        /// `-Wrap`: long cells continue on the next lines.
        wrap: bool,
        /// `-GroupBy`: a new group (`   Name: value` and its own table) whenever the
        /// property's value changes.
        group_by: Option<String>,
    },
}

/// What a buffered table holds until it is released, in arrival order.
#[derive(Debug)]
enum Queued {
    Row(Vec<Cell>),
    Text(String),
}

#[derive(Debug)]
struct TableDoc {
    /// False for auto-generated tables: numeric cells are right-aligned.
    from_format_data: bool,
    data: TableData,
    queue: Vec<Queued>,
    /// Set once the buffered rows have been written: later rows reuse its widths.
    layout: Option<TableLayout>,
    /// The statement whose object started the buffer.
    statement: u64,
    /// The layout failed (no room): rows are dropped, as pwsh's disabled TableWriter does.
    disabled: bool,
    /// The view's computed cells.
    cells: Option<CellFn>,
    /// The group this table belongs to (views with a GroupBy).
    group: Option<String>,
}

#[derive(Debug)]
enum Doc {
    /// A list, with the group (GroupBy) its last entry belongs to.
    List(Option<String>),
    Table(Box<TableDoc>),
    /// Custom-control entries, with the group the last one belongs to.
    Dates(Option<String>),
}

#[derive(Debug)]
struct Document {
    /// The type key the view applies to; `None` when any object applies (a view generated
    /// from the first object, or a view forced by Format-List/-Table).
    applies_to: Option<String>,
    doc: Doc,
}

/// Out-Default for one pipeline or script: feed values with `write`, then `flush`.
#[derive(Debug)]
pub struct OutDefault {
    mode: Mode,
    document: Option<Document>,
    statement: u64,
}

impl Default for OutDefault {
    fn default() -> Self {
        Self::new()
    }
}

impl OutDefault {
    pub fn new() -> Self {
        Self::with_mode(Mode::Default)
    }

    fn with_mode(mode: Mode) -> Self {
        OutDefault {
            mode,
            document: None,
            statement: 0,
        }
    }

    /// Takes one pipeline value (collections are enumerated, as Out-Default does) and returns
    /// the text that can be written now; a table's first rows are held until it is released.
    pub fn write(&mut self, value: &Value, opts: &FormatOptions) -> String {
        let mut out = String::new();
        self.write_value(value, opts, 0, &mut out);
        out
    }

    /// A new top-level statement starts: its objects arrive "later" than the buffered ones.
    pub fn statement_boundary(&mut self) {
        self.statement += 1;
    }

    /// Ends the document and returns what it still owes (a buffered table, the closing blank
    /// line). The next `write` starts a new document.
    pub fn flush(&mut self, opts: &FormatOptions) -> String {
        let mut out = String::new();
        if let Some(document) = self.document.take() {
            match document.doc {
                Doc::Table(mut table) => {
                    release(&mut table, &self.mode, opts, &mut out);
                    out.push('\n');
                }
                Doc::Dates(_) => out.push('\n'),
                Doc::List(_) => {}
            }
        }
        out
    }

    fn write_value(&mut self, value: &Value, opts: &FormatOptions, depth: usize, out: &mut String) {
        match value {
            Value::Null => {}
            // Out-Default enumerates the collection it is given, once: a collection inside it
            // is shown as an object (an array's Length, Rank, ...), as pwsh's formatter does,
            // so even a list that contains itself is drawn in finite time.
            Value::Array(items) if depth == 0 => {
                let items = items.borrow().items.clone();
                for item in &items {
                    self.write_value(item, opts, depth + 1, out);
                }
            }
            Value::Array(items) => {
                let object = Value::object(Array::as_object(items));
                self.write_object(&object, opts, out);
            }
            // `Format-List -Force` shows a record's properties instead of its error view.
            Value::Error(record) if matches!(self.mode, Mode::List { force: true, .. }) => {
                let object = super::get_error::record_as_object(record);
                self.write_object(&object, opts, out);
            }
            Value::Error(record) => self.write_error(record, opts, out),
            Value::DateTime(dt) => {
                self.write_custom(
                    "System.DateTime",
                    &datetime_long(*dt, opts.culture),
                    opts,
                    out,
                );
            }
            Value::Object(o)
                if matches!(self.mode, Mode::Default) && o.borrow().display.is_some() =>
            {
                let (key, text) = {
                    let o = o.borrow();
                    let key = o.type_names.first().cloned().unwrap_or_default();
                    (key, o.display.clone().unwrap_or_default())
                };
                self.write_custom(&key, &text, opts, out);
            }
            // A PSCustomObject without properties has no view: pwsh writes its ToString(),
            // an empty line.
            Value::Object(o)
                if matches!(self.mode, Mode::Default) && {
                    let o = o.borrow();
                    o.is_custom() && o.is_empty() && o.text.is_none()
                } =>
            {
                self.out_of_band("\n".to_string(), opts, out);
            }
            other => {
                let forced = matches!(self.mode, Mode::List { force: true, .. });
                if let Some(text) = scalar_text(other).filter(|_| !forced) {
                    self.out_of_band(format!("{text}\n"), opts, out);
                    return;
                }
                for item in display_items(other) {
                    self.write_object(&item, opts, out);
                }
            }
        }
    }

    /// One entry of a custom-control view (a lone date, a MatchInfo): the document starts and
    /// ends with a blank line (OutCommandInner's format start and end) and holds one text per
    /// object of the same type; inside another document the entry is drawn out of band.
    fn write_custom(&mut self, key: &str, text: &str, opts: &FormatOptions, out: &mut String) {
        self.write_custom_grouped(key, None, text, opts, out);
    }

    /// A custom-control entry in a group (a view's GroupBy): a new group starts with a blank
    /// line and its header (`   Label: value`), then a blank line.
    fn write_custom_grouped(
        &mut self,
        key: &str,
        group: Option<String>,
        text: &str,
        opts: &FormatOptions,
        out: &mut String,
    ) {
        let header = |group: &Option<String>, out: &mut String| {
            if let Some(header) = group {
                out.push_str(&hard_wrap(header, opts.width));
                out.push_str("\n\n");
            }
        };
        match &mut self.document {
            None => {
                out.push('\n');
                header(&group, out);
                out.push_str(text);
                out.push('\n');
                self.document = Some(Document {
                    applies_to: Some(key.to_string()),
                    doc: Doc::Dates(group),
                });
            }
            Some(Document {
                doc: Doc::Dates(current),
                applies_to,
            }) if applies_to.as_deref() == Some(key) => {
                // (an entry without a group value continues the document as it is).
                if *current != group {
                    if group.is_some() {
                        out.push('\n');
                        header(&group, out);
                    }
                    *current = group;
                }
                out.push_str(text);
                out.push('\n');
            }
            Some(_) => self.out_of_band(format!("\n{text}\n\n"), opts, out),
        }
    }

    /// An error record: the ErrorRecord view (in `$ErrorView`) out of band, or Get-Error's
    /// view for the records it returned (grouped by their `PSErrorIndex`).
    fn write_error(&mut self, record: &Rc<ErrorRecord>, opts: &FormatOptions, out: &mut String) {
        if let Some(mark) = record.extended {
            let text = get_error_text(record, opts);
            let group = mark.index.map(|i| format!("   ErrorIndex: {i}"));
            self.write_custom_grouped(GET_ERROR_VIEW, group, &text, opts, out);
            return;
        }
        let text = render_error_output(record, opts);
        self.out_of_band(text, opts, out);
    }

    /// Text drawn out of band: inline, but behind a table's rows while they are buffered.
    fn out_of_band(&mut self, text: String, opts: &FormatOptions, out: &mut String) {
        self.release_if_later(opts, out);
        match &mut self.document {
            Some(Document {
                doc: Doc::Table(table),
                ..
            }) if table.layout.is_none() && !table.disabled => table.queue.push(Queued::Text(text)),
            _ => out.push_str(&text),
        }
    }

    /// Releases a buffered table when an object arrives from a later statement.
    fn release_if_later(&mut self, opts: &FormatOptions, out: &mut String) {
        let statement = self.statement;
        if let Some(Document {
            doc: Doc::Table(table),
            ..
        }) = &mut self.document
            && table.layout.is_none()
            && table.statement != statement
        {
            release(table, &self.mode, opts, out);
        }
    }

    /// The view this mode gives an object; `None` = nothing to show.
    fn view_for(&self, item: &Value, opts: &FormatOptions) -> Option<View> {
        let mut view = self.mode_view(item)?;
        if let Mode::Table {
            group_by: Some(name),
            ..
        }
        | Mode::List {
            group_by: Some(name),
            ..
        } = &self.mode
        {
            let value = property(item, name)
                .map(|v| cell_text(&v, opts))
                .unwrap_or_default();
            view.group = Some(format!("   {name}: {value}"));
        }
        Some(view)
    }

    fn mode_view(&self, item: &Value) -> Option<View> {
        let forced = |shape, columns, from_format_data| View {
            key: String::new(),
            shape,
            columns,
            from_format_data,
            right: Vec::new(),
            cells: None,
            group: None,
        };
        match &self.mode {
            Mode::Default => default_view(item),
            Mode::List { properties, .. } => Some(forced(
                Shape::List,
                explicit_columns(item, properties.as_deref(), Shape::List),
                false,
            )),
            Mode::Table {
                properties: Some(props),
                ..
            } => Some(forced(
                Shape::Table,
                explicit_columns(item, Some(props), Shape::Table),
                false,
            )),
            Mode::Table { autosize, .. } => Some(match table_view(item) {
                Some(view) => {
                    let from_format_data = view.from_format_data && view.shape == Shape::Table;
                    let mut columns = view.columns;
                    if *autosize || !from_format_data {
                        columns.iter_mut().for_each(|c| c.width = 0);
                    }
                    let mut table = forced(Shape::Table, columns, from_format_data);
                    if from_format_data {
                        table.right = view.right;
                        table.cells = view.cells;
                        table.group = view.group;
                    }
                    table
                }
                None => forced(
                    Shape::Table,
                    explicit_columns(item, None, Shape::Table),
                    false,
                ),
            }),
        }
    }

    fn write_object(&mut self, item: &Value, opts: &FormatOptions, out: &mut String) {
        let Some(view) = self.view_for(item, opts) else {
            return;
        };
        self.release_if_later(opts, out);
        let wrap = self.wraps();
        let Some(document) = &mut self.document else {
            self.start_document(item, view, opts, out);
            return;
        };
        // A view applies to its type and to types derived from it (their type names list it:
        // GroupInfoNoElement rows join a GroupInfo table).
        let applies = document.applies_to.as_ref().is_none_or(|key| {
            *key == view.key || super::views::type_names(item).iter().any(|t| t == key)
        });
        match &mut document.doc {
            Doc::List(group) if applies => {
                if *group != view.group {
                    // A new group: a blank line, its header, then its entries.
                    out.push('\n');
                    if let Some(header) = &view.group {
                        out.push_str(&hard_wrap(header, opts.width));
                        out.push_str("\n\n");
                    }
                    *group = view.group.clone();
                }
                out.push_str(&list_text(item, &view.columns, opts));
                out.push('\n');
            }
            // A new group (GroupBy): the table so far ends and the group starts its own.
            Doc::Table(table) if applies && table.group != view.group => {
                release(table, &self.mode, opts, out);
                out.push('\n');
                let statement = self.statement;
                **table = new_table(item, &view, statement, wrap, opts, out);
            }
            Doc::Table(table) if applies => {
                let row = make_row(
                    &mut table.data,
                    item,
                    table.from_format_data,
                    table.cells,
                    opts,
                );
                match &table.layout {
                    Some(layout) => {
                        out.push_str(&render_row(layout, &row, &Palette::new(opts.color)))
                    }
                    None if !table.disabled => table.queue.push(Queued::Row(row)),
                    None => {}
                }
            }
            // Not for this view: a list of the object's own properties, framed by blank lines.
            _ => {
                let columns: Vec<Column> = property_names(item)
                    .into_iter()
                    .map(|label| Column { label, width: 0 })
                    .collect();
                let text = format!("\n{}\n", list_text(item, &columns, opts));
                self.out_of_band(text, opts, out);
            }
        }
    }

    /// Whether table rows wrap (`Format-Table -Wrap`).
    fn wraps(&self) -> bool {
        matches!(self.mode, Mode::Table { wrap: true, .. })
    }

    fn start_document(&mut self, item: &Value, view: View, opts: &FormatOptions, out: &mut String) {
        let applies_to = match (&self.mode, view.from_format_data) {
            (Mode::Default, true) => Some(view.key.clone()),
            _ => None,
        };
        out.push('\n');
        let doc = match view.shape {
            Shape::List => {
                if let Some(header) = &view.group {
                    out.push_str(&hard_wrap(header, opts.width));
                    out.push_str("\n\n");
                }
                out.push_str(&list_text(item, &view.columns, opts));
                out.push('\n');
                Doc::List(view.group.clone())
            }
            Shape::Table => Doc::Table(Box::new(new_table(
                item,
                &view,
                self.statement,
                self.wraps(),
                opts,
                out,
            ))),
        };
        self.document = Some(Document { applies_to, doc });
    }
}

/// A table (and, for a view with a GroupBy, its group header) started by `item`.
fn new_table(
    item: &Value,
    view: &View,
    statement: u64,
    wrap: bool,
    opts: &FormatOptions,
    out: &mut String,
) -> TableDoc {
    if let Some(header) = &view.group {
        out.push_str(&hard_wrap(header, opts.width));
        out.push_str("\n\n");
    }
    let mut data = TableData {
        labels: view.columns.iter().map(|c| c.label.clone()).collect(),
        fixed_widths: view.columns.iter().map(|c| c.width).collect(),
        right_align: view.right.clone(),
        rows: Vec::new(),
        word_wrap: culture_word_wraps(opts.culture.name),
        wrap_rows: wrap,
    };
    let row = make_row(&mut data, item, view.from_format_data, view.cells, opts);
    TableDoc {
        from_format_data: view.from_format_data,
        data,
        queue: vec![Queued::Row(row)],
        layout: None,
        statement,
        disabled: false,
        cells: view.cells,
        group: view.group.clone(),
    }
}

/// Writes a buffered table: header sized from its buffered rows, then the rows and the
/// out-of-band text that arrived between them, in order.
fn release(table: &mut TableDoc, mode: &Mode, opts: &FormatOptions, out: &mut String) {
    if table.layout.is_some() || table.disabled {
        return;
    }
    let palette = Palette::new(opts.color);
    table.data.rows = table
        .queue
        .iter()
        .filter_map(|q| match q {
            Queued::Row(r) => Some(r.clone()),
            Queued::Text(_) => None,
        })
        .collect();
    let hide = matches!(
        mode,
        Mode::Table {
            hide_headers: true,
            ..
        }
    );
    match table.data.layout(opts.layout_width()) {
        Some(layout) => {
            out.push_str(&table.data.render_header(&layout, hide, &palette));
            for q in table.queue.drain(..) {
                match q {
                    Queued::Row(row) => out.push_str(&render_row(&layout, &row, &palette)),
                    Queued::Text(text) => out.push_str(&text),
                }
            }
            table.data.rows.clear();
            table.layout = Some(layout);
        }
        None => {
            for q in table.queue.drain(..) {
                if let Queued::Text(text) = q {
                    out.push_str(&text);
                }
            }
            table.disabled = true;
        }
    }
}

/// One list entry's text (without the blank line after it).
fn list_text(item: &Value, columns: &[Column], opts: &FormatOptions) -> String {
    let pairs = list_pairs(item, columns, opts);
    list_entry(
        &pairs,
        opts.layout_width(),
        culture_word_wraps(opts.culture.name),
        &Palette::new(opts.color),
    )
}

/// Label/value text pairs of one list entry; properties the object does not have are skipped.
fn list_pairs(item: &Value, columns: &[Column], opts: &FormatOptions) -> Vec<(String, String)> {
    columns
        .iter()
        .filter_map(|c| property(item, &c.label).map(|v| (c.label.clone(), cell_text(&v, opts))))
        .collect()
}

/// One object as a table row under the table's labels (missing properties are empty). The
/// first row fixes each column's alignment (the header's, which every cell of an
/// auto-generated table keeps): right when its value is a scalar type other than a string
/// (pwsh's ComputeDefaultAlignment over DefaultScalarTypes). Auto-generated tables show
/// Double, Single and Decimal cells with `ToString("F")` (FieldFormattingDirective.isTable).
fn make_row(
    data: &mut TableData,
    item: &Value,
    from_format_data: bool,
    cells: Option<CellFn>,
    opts: &FormatOptions,
) -> Vec<Cell> {
    let values: Vec<Option<Value>> = data
        .labels
        .iter()
        .map(|l| cells.and_then(|f| f(item, l)).or_else(|| property(item, l)))
        .collect();
    if data.right_align.is_empty() {
        data.right_align = values
            .iter()
            .map(|v| !from_format_data && v.as_ref().is_some_and(right_aligned_scalar))
            .collect();
    }
    values
        .iter()
        .zip(&data.right_align)
        .map(|(v, column_right)| Cell {
            text: v
                .as_ref()
                .map(|v| match v {
                    Value::Num(n) if !from_format_data => table_number(n, opts),
                    other => cell_text(other, opts),
                })
                .unwrap_or_default(),
            right: *column_right,
        })
        .collect()
}

/// DefaultScalarTypes without String: numbers, Boolean, Char, enums (pwsh also lists IntPtr and
/// SecureString).
fn right_aligned_scalar(value: &Value) -> bool {
    matches!(
        value,
        Value::Num(_) | Value::Bool(_) | Value::Enum(_) | Value::Char(_)
    )
}

/// A number in an auto-generated table: floating types with two decimals in the culture
/// (`ToString("F")`), the rest as they print.
fn table_number(n: &crate::runtime::number::Number, opts: &FormatOptions) -> String {
    use crate::runtime::number::Number;
    match n {
        Number::Double(_) | Number::Single(_) | Number::Decimal(_) => {
            crate::runtime::dotnet_format::format_number(n, "F", opts.culture)
                .unwrap_or_else(|_| cell_text(&Value::Num(n.clone()), opts))
        }
        _ => cell_text(&Value::Num(n.clone()), opts),
    }
}

fn run(mode: Mode, values: &[Value], opts: &FormatOptions) -> String {
    let mut od = OutDefault::with_mode(mode);
    let mut out = String::new();
    for v in values {
        out.push_str(&od.write(v, opts));
    }
    out.push_str(&od.flush(opts));
    out
}

/// Format-List's switches.
#[derive(Clone, Debug, Default)]
pub struct ListOptions {
    pub force: bool,
    pub group_by: Option<String>,
}

/// Format-List: every object as a list entry (`None` = the type's view properties, `*` = all).
pub fn format_list(
    values: &[Value],
    properties: Option<&[String]>,
    list: &ListOptions,
    opts: &FormatOptions,
) -> String {
    let mode = Mode::List {
        properties: properties.map(<[String]>::to_vec),
        force: list.force,
        group_by: list.group_by.clone(),
    };
    run(mode, values, opts)
}

/// Format-Table's switches.
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    pub autosize: bool,
    pub hide_headers: bool,
    pub wrap: bool,
    pub group_by: Option<String>,
}

/// Format-Table: all objects in one table with the first object's columns.
pub fn format_table(
    values: &[Value],
    properties: Option<&[String]>,
    table: &TableOptions,
    opts: &FormatOptions,
) -> String {
    let mode = Mode::Table {
        properties: properties.map(<[String]>::to_vec),
        autosize: table.autosize,
        hide_headers: table.hide_headers,
        wrap: table.wrap,
        group_by: table.group_by.clone(),
    };
    run(mode, values, opts)
}

/// A group header longer than the line, cut into lines of the width less one (pwsh breaks a
/// long `TypeName:` line mid-word, leaving the last column free).
fn hard_wrap(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let width = width.saturating_sub(1);
    if width == 0 || chars.len() <= width {
        return text.to_string();
    }
    chars
        .chunks(width)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

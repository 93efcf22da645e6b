//! Out-Default's state machine and the Format-List / Format-Table entry points built on it.
//! Objects arrive one at a time; consecutive objects with the same view share a group (one
//! table header, one list frame); a change of type or shape closes the group. Framing follows
//! pwsh 7.4: a blank line before a list group's first entry and after every entry (no extra
//! one at the end), a blank line before and after a table, dates framed the same way, scalars
//! one per line. Must not evaluate script or decide colour (the caller passes options).
//!
//! pwsh buffers table rows for up to 300 ms to size columns; we buffer a whole group until it
//! ends or `flush` is called, which is the same result whenever the output is not interleaved
//! with slow producers, and is deterministic.

use std::rc::Rc;

use crate::runtime::{ErrorRecord, Value};

use super::collection::cell_text;
use super::error_view::{ErrorView, render_error};
use super::list::list_entry;
use super::options::FormatOptions;
use super::palette::Palette;
use super::scalar::{datetime_long, scalar_text};
use super::table::{Cell, TableData};
use super::views::{Column, Shape, View, default_view, display_items, explicit_columns, property};

/// Collections nested deeper than this are printed by type name instead of enumerated.
const MAX_ENUMERATION_DEPTH: usize = 32;

/// How objects are laid out: Out-Default's own choice, or forced by Format-List/-Table.
#[derive(Clone, Debug)]
enum Mode {
    Default,
    List(Option<Vec<String>>),
    Table {
        properties: Option<Vec<String>>,
        autosize: bool,
        hide_headers: bool,
    },
}

#[derive(Debug)]
enum Group {
    List {
        key: String,
    },
    Table {
        key: String,
        /// False for auto-generated tables, whose numeric cells are right-aligned.
        from_format_data: bool,
        data: TableData,
    },
    Scalars,
    Dates,
}

/// Out-Default for one pipeline or script: feed values with `write`, then `flush`.
#[derive(Debug)]
pub struct OutDefault {
    mode: Mode,
    group: Option<Group>,
}

impl Default for OutDefault {
    fn default() -> Self {
        Self::new()
    }
}

impl OutDefault {
    pub fn new() -> Self {
        OutDefault {
            mode: Mode::Default,
            group: None,
        }
    }

    fn with_mode(mode: Mode) -> Self {
        OutDefault { mode, group: None }
    }

    /// Takes one pipeline value (collections are enumerated, as Out-Default does) and returns
    /// the text that can be written now; table rows are held until their group ends.
    pub fn write(&mut self, value: &Value, opts: &FormatOptions) -> String {
        let mut out = String::new();
        self.write_value(value, opts, 0, &mut out);
        out
    }

    /// Ends the current group and returns what it still owes (a buffered table, a closing
    /// blank line). The next `write` starts a new group.
    pub fn flush(&mut self, opts: &FormatOptions) -> String {
        let mut out = String::new();
        self.close(opts, &mut out);
        out
    }

    fn write_value(&mut self, value: &Value, opts: &FormatOptions, depth: usize, out: &mut String) {
        match value {
            Value::Null => {}
            Value::Array(items) if depth < MAX_ENUMERATION_DEPTH => {
                let items = items.borrow().clone();
                for item in &items {
                    self.write_value(item, opts, depth + 1, out);
                }
            }
            Value::Array(_) => self.write_scalar(&value.type_name(), opts, out),
            Value::Error(record) => self.write_error(record, opts, out),
            Value::DateTime(dt) => {
                if !matches!(self.group, Some(Group::Dates)) {
                    self.close(opts, out);
                    out.push('\n');
                    self.group = Some(Group::Dates);
                }
                out.push_str(&datetime_long(*dt));
                out.push('\n');
            }
            other => {
                if let Some(text) = scalar_text(other) {
                    self.write_scalar(&text, opts, out);
                    return;
                }
                for item in display_items(other) {
                    self.write_object(&item, opts, out);
                }
            }
        }
    }

    fn write_scalar(&mut self, text: &str, opts: &FormatOptions, out: &mut String) {
        if !matches!(self.group, Some(Group::Scalars)) {
            self.close(opts, out);
            self.group = Some(Group::Scalars);
        }
        out.push_str(text);
        out.push('\n');
    }

    fn write_error(&mut self, record: &Rc<ErrorRecord>, opts: &FormatOptions, out: &mut String) {
        self.close(opts, out);
        out.push_str(&render_error(record, ErrorView::Concise, opts));
    }

    /// The view this mode gives an object; `None` = nothing to show. Forced modes use one
    /// empty key so every object joins the same group.
    fn view_for(&self, item: &Value) -> Option<View> {
        let forced = |shape, columns, from_format_data| View {
            key: String::new(),
            shape,
            columns,
            from_format_data,
        };
        match &self.mode {
            Mode::Default => default_view(item),
            Mode::List(props) => Some(forced(
                Shape::List,
                explicit_columns(item, props.as_deref(), Shape::List),
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
            Mode::Table { autosize, .. } => Some(match default_view(item) {
                Some(view) => {
                    let from_format_data = view.from_format_data && view.shape == Shape::Table;
                    let mut columns = view.columns;
                    if *autosize || !from_format_data {
                        columns.iter_mut().for_each(|c| c.width = 0);
                    }
                    forced(Shape::Table, columns, from_format_data)
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
        let Some(view) = self.view_for(item) else {
            return;
        };
        let joins = match &self.group {
            Some(Group::List { key }) | Some(Group::Table { key, .. }) => *key == view.key,
            _ => false,
        };
        if !joins {
            self.close(opts, out);
            self.group = Some(match view.shape {
                Shape::List => {
                    out.push('\n');
                    Group::List { key: view.key }
                }
                Shape::Table => Group::Table {
                    key: view.key,
                    from_format_data: view.from_format_data,
                    data: TableData {
                        labels: view.columns.iter().map(|c| c.label.clone()).collect(),
                        fixed_widths: view.columns.iter().map(|c| c.width).collect(),
                        right_align: Vec::new(),
                        rows: Vec::new(),
                    },
                },
            });
        }
        match &mut self.group {
            Some(Group::List { .. }) => {
                let pairs = list_pairs(item, &view.columns, opts);
                let palette = Palette::new(opts.color);
                out.push_str(&list_entry(&pairs, opts.layout_width(), &palette));
                out.push('\n');
            }
            Some(Group::Table {
                from_format_data,
                data,
                ..
            }) => add_row(data, item, *from_format_data, opts),
            _ => {}
        }
    }

    fn close(&mut self, opts: &FormatOptions, out: &mut String) {
        match self.group.take() {
            Some(Group::Table { data, .. }) => {
                let hide = matches!(
                    self.mode,
                    Mode::Table {
                        hide_headers: true,
                        ..
                    }
                );
                out.push('\n');
                out.push_str(&data.render(opts.layout_width(), hide, &Palette::new(opts.color)));
                out.push('\n');
            }
            Some(Group::Dates) => out.push('\n'),
            Some(Group::List { .. }) | Some(Group::Scalars) | None => {}
        }
    }
}

/// Label/value text pairs of one list entry; properties the object does not have are skipped.
fn list_pairs(item: &Value, columns: &[Column], opts: &FormatOptions) -> Vec<(String, String)> {
    columns
        .iter()
        .filter_map(|c| property(item, &c.label).map(|v| (c.label.clone(), cell_text(&v, opts))))
        .collect()
}

/// Adds one object as a table row under the group's labels (missing properties are empty).
/// The first row fixes each column's alignment: right for numbers in auto-generated tables.
fn add_row(data: &mut TableData, item: &Value, from_format_data: bool, opts: &FormatOptions) {
    let values: Vec<Option<Value>> = data.labels.iter().map(|l| property(item, l)).collect();
    let numeric = |v: &Option<Value>| {
        !from_format_data && matches!(v, Some(Value::Int(_)) | Some(Value::Double(_)))
    };
    if data.right_align.is_empty() {
        data.right_align = values.iter().map(numeric).collect();
    }
    let row = values
        .iter()
        .zip(&data.right_align)
        .map(|(v, column_right)| Cell {
            text: v.as_ref().map(|v| cell_text(v, opts)).unwrap_or_default(),
            right: numeric(v) || *column_right,
        })
        .collect();
    data.rows.push(row);
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

/// Format-List: every object as a list entry (`None` = the type's view properties, `*` = all).
pub fn format_list(
    values: &[Value],
    properties: Option<&[String]>,
    opts: &FormatOptions,
) -> String {
    run(Mode::List(properties.map(<[String]>::to_vec)), values, opts)
}

/// Format-Table: all objects in one table with the first object's columns.
pub fn format_table(
    values: &[Value],
    properties: Option<&[String]>,
    autosize: bool,
    hide_headers: bool,
    opts: &FormatOptions,
) -> String {
    let mode = Mode::Table {
        properties: properties.map(<[String]>::to_vec),
        autosize,
        hide_headers,
    };
    run(mode, values, opts)
}

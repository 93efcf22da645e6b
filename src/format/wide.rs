//! Format-Wide (pwsh's `WideOutputContext`): one value per object laid out in rows of
//! `itemsPerRow` left-aligned columns that share the width equally (TableWriter with every
//! column auto-sized, no header): two per row by default, `-Column n`, or with `-AutoSize` as
//! many as fit the widest value (`ComputeWideViewBestItemsPerRowFit`). Values pwsh prints on
//! their own (strings, numbers) stay one per line. Must not pick properties.

use crate::runtime::Value;
use crate::runtime::output::FormatOptions;

use super::collection::cell_text;
use super::palette::Palette;
use super::scalar::scalar_text;
use super::table::{Cell, TableLayout, render_row, wide_layout};
use super::views::{property, property_names};
use super::wrap::char_len;

/// TableWriter.ComputeWideViewBestItemsPerRowFit: add columns of `len` characters (one space
/// between) while they fit in fewer than `screen` characters.
fn best_items_per_row(len: usize, screen: usize) -> usize {
    if len == 0 || screen < 1 || len >= screen {
        return 1;
    }
    let mut columns = 1;
    loop {
        let next = columns + 1;
        if len * next + (next - 1) >= screen {
            return columns;
        }
        columns = next;
    }
}

/// The text Format-Wide shows for one object: the named property, else its first property.
fn wide_value(item: &Value, property_name: Option<&str>, opts: &FormatOptions) -> String {
    let name = match property_name {
        Some(n) => Some(n.to_string()),
        None => property_names(item).into_iter().next(),
    };
    name.and_then(|n| property(item, &n))
        .map(|v| cell_text(&v, opts))
        .unwrap_or_default()
}

/// Format-Wide's text for these objects.
pub fn format_wide(
    values: &[Value],
    property_name: Option<&str>,
    columns: Option<usize>,
    autosize: bool,
    opts: &FormatOptions,
) -> String {
    let palette = Palette::new(opts.color);
    let mut out = String::new();
    let mut pending: Vec<String> = Vec::new();
    let flush = |pending: &mut Vec<String>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let width = opts.layout_width();
        let per_row = if autosize {
            let widest = pending.iter().map(|s| char_len(s)).max().unwrap_or(0);
            best_items_per_row(widest, width)
        } else {
            columns.filter(|c| *c > 0).unwrap_or(2)
        };
        out.push('\n');
        if let Some(layout) = wide_layout(per_row, width) {
            for chunk in pending.chunks(per_row) {
                out.push_str(&wide_row(&layout, chunk, per_row, &palette));
            }
        }
        out.push('\n');
        pending.clear();
    };
    for value in values.iter().flat_map(|v| match v {
        Value::Array(items) => items.borrow().items.clone(),
        other => vec![other.clone()],
    }) {
        if value.is_null() {
            continue;
        }
        if let Some(text) = scalar_text(&value) {
            flush(&mut pending, &mut out);
            out.push_str(&text);
            out.push('\n');
            continue;
        }
        pending.push(wide_value(&value, property_name, opts));
    }
    flush(&mut pending, &mut out);
    out
}

/// One row of values, the missing ones empty.
fn wide_row(layout: &TableLayout, values: &[String], per_row: usize, palette: &Palette) -> String {
    let cells: Vec<Cell> = (0..per_row)
        .map(|k| Cell {
            text: values.get(k).cloned().unwrap_or_default(),
            right: false,
        })
        .collect();
    render_row(layout, &cells, palette)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_per_row_fit_the_screen() {
        assert_eq!(best_items_per_row(5, 80), 13);
        assert_eq!(best_items_per_row(1, 80), 40);
        assert_eq!(best_items_per_row(80, 80), 1);
        assert_eq!(best_items_per_row(39, 80), 2);
        assert_eq!(best_items_per_row(40, 80), 1);
        assert_eq!(best_items_per_row(0, 80), 1);
    }
}

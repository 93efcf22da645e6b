//! Table view (pwsh's `TableWriter` and `ColumnWidthManager`): column widths from the
//! labels and buffered cells, squeezed to the layout width by shrinking then hiding columns
//! from the right, a header row (wrapped when a label is wider than its column), a row of
//! dashes (as many as the label is long, at most the column width), one space between columns,
//! the last column unpadded, over-long cells cut with `…`, numbers right-aligned. Framing
//! belongs to `out_default`. Must not pick properties or stringify values.

use super::collection::ELLIPSIS;
use super::palette::Palette;
use super::wrap::{cell_len, generate_lines, last_cells, spaces, take_cells, truncate_at_newline};

/// Below this many columns pwsh's TableWriter disables itself.
const MIN_SCREEN_COLUMNS: usize = 5;
const MIN_COLUMN_WIDTH: i64 = 1;
const SEPARATOR_WIDTH: i64 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub right: bool,
}

/// Everything a table needs, cells already stringified.
#[derive(Clone, Debug, Default)]
pub struct TableData {
    pub labels: Vec<String>,
    /// Fixed widths from format data (0 = size from the data).
    pub fixed_widths: Vec<usize>,
    /// Column alignment (header, dashes and cells without their own alignment).
    pub right_align: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
    /// Long labels (and wrapped cells) break at words (the culture's choice), else anywhere.
    pub word_wrap: bool,
    /// `Format-Table -Wrap`: cells longer than their column continue on the next lines.
    pub wrap_rows: bool,
}

/// Column widths and alignment, computed once from the rows seen when a table is laid out
/// (pwsh sizes its columns from the rows it buffered; later rows reuse the widths).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableLayout {
    widths: Vec<i64>,
    align: Vec<bool>,
    word_wrap: bool,
    wrap_rows: bool,
}

impl TableData {
    /// Header (unless hidden), dashes and rows, each line ending in `\n`; "" when the width
    /// leaves no room for any column.
    #[cfg(test)]
    pub fn render(&self, width: usize, hide_headers: bool, palette: &Palette) -> String {
        let Some(layout) = self.layout(width) else {
            return String::new();
        };
        let mut out = self.render_header(&layout, hide_headers, palette);
        for row in &self.rows {
            out.push_str(&render_row(&layout, row, palette));
        }
        out
    }

    /// The layout for the rows buffered so far; `None` when the width leaves no room.
    pub fn layout(&self, width: usize) -> Option<TableLayout> {
        if self.labels.is_empty() || width < MIN_SCREEN_COLUMNS {
            return None;
        }
        let mut widths = self.natural_widths();
        fit_widths(&mut widths, i64::try_from(width).unwrap_or(i64::MAX));
        if !widths.iter().any(|w| *w >= MIN_COLUMN_WIDTH) {
            return None;
        }
        Some(TableLayout {
            widths,
            align: self.right_align.clone(),
            word_wrap: self.word_wrap,
            wrap_rows: self.wrap_rows,
        })
    }

    /// The header rows and the dashes (nothing when hidden).
    pub fn render_header(
        &self,
        layout: &TableLayout,
        hide_headers: bool,
        palette: &Palette,
    ) -> String {
        let mut out = String::new();
        if hide_headers {
            return out;
        }
        let layout = Layout {
            widths: layout.widths.clone(),
            align: layout.align.clone(),
            word_wrap: layout.word_wrap,
            palette,
        };
        let labels: Vec<Cell> = self
            .labels
            .iter()
            .enumerate()
            .map(|(k, label)| Cell {
                text: label.clone(),
                right: layout.right(k),
            })
            .collect();
        for line in layout.multi_line_rows(&labels, true) {
            out.push_str(&line);
            out.push('\n');
        }
        let dashes: Vec<Cell> = self
            .labels
            .iter()
            .zip(&layout.widths)
            .zip(&layout.align)
            .map(|((label, w), right)| {
                let mut count = (*w).max(0) as usize;
                if !label.is_empty() {
                    count = count.min(cell_len(label));
                }
                Cell {
                    text: "-".repeat(count),
                    right: *right,
                }
            })
            .collect();
        out.push_str(&layout.single_row(&dashes, true));
        out.push('\n');
        out
    }

    fn natural_widths(&self) -> Vec<i64> {
        self.labels
            .iter()
            .enumerate()
            .map(|(k, label)| {
                let fixed = self.fixed_widths.get(k).copied().unwrap_or(0);
                if fixed > 0 {
                    return fixed as i64;
                }
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|row| row.get(k))
                    .map(|c| cell_len(&truncate_at_newline(&c.text)))
                    .max()
                    .unwrap_or(0);
                cells.max(cell_len(label)) as i64
            })
            .collect()
    }
}

/// The layout of a wide view: `columns` left-aligned columns sharing `width` (every column
/// auto-sized, as WideOutputContext initializes its TableWriter); `None` when they do not fit.
pub fn wide_layout(columns: usize, width: usize) -> Option<TableLayout> {
    if columns == 0 || width < MIN_SCREEN_COLUMNS {
        return None;
    }
    let mut widths = vec![0i64; columns];
    fit_widths(&mut widths, i64::try_from(width).unwrap_or(i64::MAX));
    if !widths.iter().any(|w| *w >= MIN_COLUMN_WIDTH) {
        return None;
    }
    Some(TableLayout {
        widths,
        align: vec![false; columns],
        word_wrap: false,
        wrap_rows: false,
    })
}

/// One data row under a layout, ending in `\n`.
pub fn render_row(layout: &TableLayout, row: &[Cell], palette: &Palette) -> String {
    let wrap = layout.wrap_rows;
    let layout = Layout {
        widths: layout.widths.clone(),
        align: layout.align.clone(),
        word_wrap: layout.word_wrap,
        palette,
    };
    if wrap {
        let mut out = String::new();
        for line in layout.multi_line_rows(row, false) {
            out.push_str(&line);
            out.push('\n');
        }
        return out;
    }
    let mut line = layout.single_row(row, false);
    line.push('\n');
    line
}

/// ColumnWidthManager: give unsized (0) columns the spare width; if the columns do not fit,
/// shrink the last visible column, hiding it (-1) when it would drop below one character.
fn fit_widths(widths: &mut [i64], table_width: i64) {
    if assign_widths(widths, table_width) {
        return;
    }
    loop {
        let excess = current_width(widths) - table_width;
        if excess <= 0 {
            return;
        }
        let Some(last) = last_visible(widths) else {
            return;
        };
        let shrunk = widths[last] - excess;
        if shrunk < MIN_COLUMN_WIDTH {
            widths[last] = -1;
        } else {
            widths[last] = shrunk;
        }
    }
}

fn assign_widths(widths: &mut [i64], table_width: i64) -> bool {
    if widths.iter().all(|w| *w > 0) {
        return current_width(widths) <= table_width;
    }
    let fixed: Vec<bool> = widths.iter().map(|w| *w > 0).collect();
    for w in widths.iter_mut() {
        if *w == 0 {
            *w = MIN_COLUMN_WIDTH;
        }
    }
    let available = table_width - current_width(widths);
    if available < 0 {
        return false;
    }
    // pwsh hands out the spare width one column at a time, left to right; the same result
    // computed in one pass.
    let open = fixed.iter().filter(|f| !**f).count() as i64;
    let (each, mut extra) = (available / open, available % open);
    for (k, w) in widths.iter_mut().enumerate() {
        if fixed[k] {
            continue;
        }
        *w += each;
        if extra > 0 {
            *w += 1;
            extra -= 1;
        }
    }
    true
}

fn current_width(widths: &[i64]) -> i64 {
    let visible: Vec<i64> = widths.iter().copied().filter(|w| *w > 0).collect();
    visible.iter().sum::<i64>() + SEPARATOR_WIDTH * (visible.len() as i64 - 1)
}

fn last_visible(widths: &[i64]) -> Option<usize> {
    match widths.iter().position(|w| *w < 0) {
        Some(0) => None,
        Some(k) => Some(k - 1),
        None => widths.len().checked_sub(1),
    }
}

struct Layout<'a> {
    widths: Vec<i64>,
    align: Vec<bool>,
    word_wrap: bool,
    palette: &'a Palette,
}

impl Layout<'_> {
    fn right(&self, k: usize) -> bool {
        self.align.get(k).copied().unwrap_or(false)
    }

    /// TableWriter.GenerateRow: one line; hidden columns skipped; the last column of the
    /// table is never padded (even when it is hidden, as pwsh does).
    fn single_row(&self, cells: &[Cell], is_header: bool) -> String {
        let mut line = String::new();
        let count = self.widths.len();
        for (k, width) in self.widths.iter().enumerate() {
            if *width <= 0 {
                continue;
            }
            if k > 0 {
                line.push(' ');
            }
            let (text, right) = match cells.get(k) {
                Some(c) => (c.text.as_str(), c.right),
                None => ("", self.right(k)),
            };
            let field = row_field(text, *width as usize, right, k + 1 != count);
            if is_header {
                line.push_str(&self.palette.table_header_code());
                line.push_str(&field);
                line.push_str(self.palette.reset());
            } else {
                line.push_str(&field);
            }
        }
        line
    }

    /// TableWriter.GenerateTableRow (the header, and rows under `-Wrap`): values wrap inside
    /// their column; the last column with content on each screen row is trimmed when the row
    /// spans screen rows.
    fn multi_line_rows(&self, cells: &[Cell], is_header: bool) -> Vec<String> {
        let valid: Vec<usize> = (0..self.widths.len())
            .filter(|k| self.widths[*k] > 0)
            .collect();
        if valid.is_empty() {
            return Vec::new();
        }
        let mut columns: Vec<Vec<String>> = Vec::new();
        for (pos, &k) in valid.iter().enumerate() {
            let width = self.widths[k] as usize;
            let pad = pos + 1 != valid.len();
            let (label, right) = match cells.get(k) {
                Some(c) => (c.text.as_str(), c.right),
                None => ("", self.right(k)),
            };
            let mut lines = generate_lines(label, width, width, self.word_wrap);
            if pad || right {
                for line in lines.iter_mut() {
                    if cell_len(line) < width {
                        *line = row_field(line, width, right, pad);
                    }
                }
            }
            if pos > 0 {
                for line in lines.iter_mut() {
                    line.insert(0, ' ');
                }
            }
            columns.push(lines);
        }
        let screen_rows = columns.iter().map(Vec::len).max().unwrap_or(0);
        let last_with_content: Vec<usize> = (0..screen_rows)
            .map(|row| {
                (0..columns.len())
                    .filter(|col| columns[*col].len() > row)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let last = columns.len() - 1;
        for (col, lines) in columns.iter_mut().enumerate() {
            let blanks = if col < last {
                self.widths[valid[col]] as usize + usize::from(col > 0)
            } else {
                0
            };
            let have = lines.len();
            for last in &last_with_content[have.min(screen_rows)..] {
                lines.push(if col > *last {
                    String::new()
                } else {
                    spaces(blanks)
                });
            }
        }
        (0..screen_rows)
            .map(|row| {
                let mut line = String::new();
                for (col, lines) in columns.iter().enumerate() {
                    let mut value = lines[row].as_str();
                    if col == last_with_content[row] && screen_rows > 1 {
                        value = value.trim_end();
                    }
                    if is_header {
                        line.push_str(&self.palette.table_header_code());
                        line.push_str(value);
                        line.push_str(self.palette.reset());
                    } else {
                        line.push_str(value);
                    }
                }
                line
            })
            .collect()
    }
}

/// TableWriter.GenerateRowField: cut at the first line break, pad to the width (left-aligned
/// cells only when `pad`), or truncate with `…` (kept on the aligned side). Widths are screen
/// cells: a wide character takes two.
fn row_field(value: &str, width: usize, right: bool, pad: bool) -> String {
    let s = truncate_at_newline(value);
    let len = cell_len(&s);
    if len < width {
        let fill = spaces(width - len);
        if right {
            format!("{fill}{s}")
        } else if pad {
            format!("{s}{fill}")
        } else {
            s
        }
    } else if len > width {
        let keep = width - 1;
        match (keep > 0, right) {
            (true, true) => format!("{ELLIPSIS}{}", last_cells(&s, keep)),
            (true, false) => format!("{}{ELLIPSIS}", take_cells(&s, keep)),
            (false, true) => last_cells(&s, width).to_string(),
            (false, false) => take_cells(&s, width).to_string(),
        }
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> Cell {
        Cell {
            text: s.into(),
            right: false,
        }
    }

    fn table(labels: &[&str], rows: &[&[&str]]) -> TableData {
        TableData {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            fixed_widths: vec![0; labels.len()],
            right_align: vec![false; labels.len()],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| cell(s)).collect())
                .collect(),
            word_wrap: true,
            wrap_rows: false,
        }
    }

    #[test]
    fn wrapped_rows_continue_under_their_column() {
        let mut t = table(&["A", "B"], &[&["x", "abcdefghij"]]);
        t.wrap_rows = true;
        t.word_wrap = false;
        assert_eq!(
            t.render(8, false, &Palette::new(false)),
            "A B\n- -\nx abcdef\n  ghij\n"
        );
        // Without -Wrap the cell is cut.
        t.wrap_rows = false;
        assert_eq!(
            t.render(8, false, &Palette::new(false)),
            "A B\n- -\nx abcde…\n"
        );
    }

    #[test]
    fn widths_dashes_and_unpadded_last_column() {
        let t = table(&["Name", "Value"], &[&["alpha", "1"], &["b", "22"]]);
        assert_eq!(
            t.render(119, false, &Palette::new(false)),
            "Name  Value\n----  -----\nalpha 1\nb     22\n"
        );
    }

    #[test]
    fn wide_characters_take_two_cells() {
        // pwsh 7.6.10 (output/values/unicode-table): 日本 fills the 4-cell Name column.
        let t = table(&["Name", "City"], &[&["Zoë", "Zürich"], &["日本", "x"]]);
        assert_eq!(
            t.render(80, false, &Palette::new(false)),
            "Name City\n---- ----\nZoë  Zürich\n日本 x\n"
        );
        // Truncation keeps whole characters and never overflows the cells.
        for right in [false, true] {
            for width in 1..8 {
                let cut = row_field("日本語x", width, right, true);
                assert!(cell_len(&cut) <= width, "{width}: {cut}");
            }
        }
    }

    #[test]
    fn squeezes_then_hides_columns() {
        let t = table(&["A", "Description"], &[&["x", "a very long description"]]);
        assert_eq!(
            t.render(12, false, &Palette::new(false)),
            "A Descriptio\n  n\n- ----------\nx a very lo\u{2026}\n"
        );
        let mut widths = vec![3, 4, 5];
        fit_widths(&mut widths, 6);
        assert_eq!(widths, vec![3, 2, -1]);
        let mut open = vec![5, 0, 0];
        fit_widths(&mut open, 12);
        assert_eq!(open, vec![5, 3, 2]);
        assert_eq!(t.render(4, false, &Palette::new(false)), "");
    }

    #[test]
    fn right_alignment_and_fixed_widths() {
        let mut t = table(&["n", "Name"], &[&["12345", "x"]]);
        t.right_align[0] = true;
        t.rows[0][0].right = true;
        assert_eq!(
            t.render(119, false, &Palette::new(false)),
            "    n Name\n    - ----\n12345 x\n"
        );
        let mut fixed = table(&["Name", "Value"], &[&["a", "1"]]);
        fixed.fixed_widths = vec![30, 0];
        assert_eq!(
            fixed.render(40, false, &Palette::new(false)),
            format!(
                "Name{}Value\n----{}-----\na{}1\n",
                spaces(27),
                spaces(27),
                spaces(30)
            )
        );
        assert_eq!(row_field("abcdef", 1, false, true), "a");
        assert_eq!(row_field("abcdef", 3, true, true), "\u{2026}ef");
    }

    #[test]
    fn header_colour_per_column() {
        let t = table(&["A", "B"], &[&["1", "2"]]);
        assert_eq!(
            t.render(119, false, &Palette::new(true)),
            "\x1b[32;1mA\x1b[0m\x1b[32;1m B\x1b[0m\n\x1b[32;1m-\x1b[0m \x1b[32;1m-\x1b[0m\n1 2\n"
        );
    }
}

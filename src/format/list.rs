//! List view (pwsh's `ListWriter`): labels padded to the longest label plus ` : `, values
//! word-wrapped into the remaining width with continuation lines indented under the value
//! column, labels painted FormatAccent. Renders one object's entry; framing (the blank lines
//! around entries) belongs to `out_default`. Must not pick properties or stringify values.

use super::palette::Palette;
use super::wrap::{char_len, generate_lines, spaces, split_lines, take_chars};

const SEPARATOR: &str = " : ";
const MIN_LABEL_WIDTH: usize = 1;
const MIN_FIELD_WIDTH: usize = 1;

/// The lines of one list entry, each ending in `\n`. `width` is the layout width; below
/// 5 columns pwsh's ListWriter disables itself and writes nothing. `word` wraps values at word
/// boundaries (the culture's choice, `generate_lines`).
pub fn list_entry(
    pairs: &[(String, String)],
    width: usize,
    word: bool,
    palette: &Palette,
) -> String {
    let mut out = String::new();
    if pairs.is_empty() || width < SEPARATOR.len() + MIN_FIELD_WIDTH + MIN_LABEL_WIDTH {
        return out;
    }
    let max_label = width - SEPARATOR.len() - MIN_FIELD_WIDTH;
    let label_width = pairs
        .iter()
        .map(|(label, _)| char_len(label))
        .max()
        .unwrap_or(0)
        .min(max_label);
    let indent = label_width + SEPARATOR.len();
    let field = width - indent;
    let padding = spaces(indent);
    for (label, value) in pairs {
        let shown = take_chars(label, label_width);
        let head = format!(
            "{shown}{}{SEPARATOR}",
            spaces(label_width - char_len(shown))
        );
        for (i, line) in split_lines(value).iter().enumerate() {
            for (k, piece) in generate_lines(line, field, field, word).iter().enumerate() {
                if i == 0 && k == 0 {
                    out.push_str(&palette.format_accent(&head));
                } else {
                    out.push_str(&padding);
                }
                out.push_str(piece);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn pads_labels_and_keeps_trailing_space_for_empty_values() {
        let p = Palette::new(false);
        let text = list_entry(
            &pairs(&[("Identity", "Global"), ("Description", "")]),
            119,
            true,
            &p,
        );
        assert_eq!(text, "Identity    : Global\nDescription : \n");
    }

    #[test]
    fn wraps_and_indents_continuations() {
        let p = Palette::new(false);
        let text = list_entry(&pairs(&[("A", "one two three\nfour")]), 10, true, &p);
        assert_eq!(text, "A : one \n    two \n    three\n    four\n");
    }

    #[test]
    fn narrow_widths_never_panic() {
        let p = Palette::new(false);
        assert_eq!(list_entry(&pairs(&[("Long", "v")]), 4, true, &p), "");
        assert_eq!(
            list_entry(&pairs(&[("Long", "value")]), 5, true, &p),
            "L : v\n    a\n    l\n    u\n    e\n"
        );
        assert_eq!(list_entry(&[], 80, true, &p), "");
    }
}

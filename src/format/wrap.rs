//! Character-counted text helpers shared by the list, table and error writers: splitting on
//! embedded newlines, pwsh's word wrap (`StringManipulationHelper.GenerateLinesWithWordWrap`),
//! padding and truncation. Widths count `char`s, never bytes. Must not know about values,
//! views or colour.

/// The number of characters (the unit every width here is measured in).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The first `n` characters of `s` (all of it when shorter).
pub fn take_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `s` without its first `n` characters.
pub fn skip_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[i..],
        None => "",
    }
}

/// The screen cells a character takes in pwsh's table writer (CharLengthInBufferCells): two
/// for East Asian wide and fullwidth characters, one for others. A character outside the
/// Basic Multilingual Plane is two UTF-16 units in .NET, each counted as one cell.
pub fn char_cells(c: char) -> usize {
    let u = c as u32;
    if u > 0xFFFF {
        return 2;
    }
    let wide = u >= 0x1100
        && (u <= 0x115F
            || u == 0x2329
            || u == 0x232A
            || ((0x2E80..=0xA4CF).contains(&u) && u != 0x303F)
            || (0xAC00..=0xD7A3).contains(&u)
            || (0xF900..=0xFAFF).contains(&u)
            || (0xFE10..=0xFE19).contains(&u)
            || (0xFE30..=0xFE6F).contains(&u)
            || (0xFF00..=0xFF60).contains(&u)
            || (0xFFE0..=0xFFE6).contains(&u));
    if wide { 2 } else { 1 }
}

/// The screen cells of a text (table column widths and padding).
pub fn cell_len(s: &str) -> usize {
    s.chars().map(char_cells).sum()
}

/// The longest start of `s` that fits in `n` cells.
pub fn take_cells(s: &str, n: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += char_cells(c);
        if used > n {
            return &s[..i];
        }
    }
    s
}

/// The longest end of `s` that fits in `n` cells.
pub fn last_cells(s: &str, n: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        used += char_cells(c);
        if used > n {
            return &s[i + c.len_utf8()..];
        }
    }
    s
}

pub fn spaces(n: usize) -> String {
    " ".repeat(n)
}

/// Splits on `\n`, dropping `\r` (pwsh's `SplitLines` honours both `\n` and `\r\n`).
pub fn split_lines(s: &str) -> Vec<String> {
    s.split('\n').map(|l| l.replace('\r', "")).collect()
}

/// The text before the first line break, with `…` when something was cut
/// (`StringManipulationHelper.TruncateAtNewLine`, used by table cells).
pub fn truncate_at_newline(s: &str) -> String {
    match s.find(['\n', '\r']) {
        Some(i) => format!("{}\u{2026}", &s[..i]),
        None => s.to_string(),
    }
}

/// `StringManipulationHelper.GenerateLines`: word wrap (below) in the cultures pwsh word-wraps
/// (English, French, German, Italian, Portuguese, Spanish), else every line cut into pieces of
/// `first`, then `following`, characters (the invariant culture).
pub fn generate_lines(val: &str, first: usize, following: usize, word: bool) -> Vec<String> {
    if word {
        return word_wrap(val, first, following);
    }
    let mut out = Vec::new();
    if val.is_empty() {
        out.push(String::new());
        return out;
    }
    for line in split_lines(val) {
        if char_len(&line) <= first {
            out.push(line);
            continue;
        }
        let mut rest = line.as_str();
        let mut width = first;
        while !rest.is_empty() {
            // A zero width still takes one character, as pwsh's corner case does.
            let piece = take_chars(rest, width.max(1));
            out.push(piece.to_string());
            rest = &rest[piece.len()..];
            width = following;
        }
    }
    out
}

/// Whether pwsh word-wraps text in this culture (`(Get-Culture).TwoLetterISOLanguageName`).
pub fn culture_word_wraps(culture_name: &str) -> bool {
    let lang = culture_name.split('-').next().unwrap_or("");
    ["en", "fr", "de", "it", "pt", "es"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(lang))
}

/// Word-wraps `val` the way pwsh does for en-US: embedded newlines start new lines; a line
/// longer than the available width breaks after a space or tab (the delimiter stays at the end
/// of the earlier line); a word wider than a whole line is split by characters. The first line
/// may be `first` wide, the rest `following`. Never returns an empty vector.
pub fn word_wrap(val: &str, first: usize, following: usize) -> Vec<String> {
    let mut out = Vec::new();
    if val.is_empty() {
        out.push(String::new());
        return out;
    }
    for line in split_lines(val) {
        if char_len(&line) <= first {
            out.push(line);
            continue;
        }
        wrap_one_line(&line, first, following, &mut out);
    }
    out
}

fn wrap_one_line(line: &str, first: usize, following: usize, out: &mut Vec<String>) {
    let mut spaces_left = first;
    let mut line_width = first;
    let mut first_line = true;
    let mut current = String::new();
    for word in words(line) {
        let word_width = char_len(&word);
        if line_width == 0 {
            if first_line {
                first_line = false;
                line_width = following;
            }
            if line_width == 0 {
                break;
            }
            spaces_left = line_width;
        }
        if word_width > line_width {
            // A word wider than a whole line: fill character by character.
            for ch in word.chars() {
                if spaces_left < 1 {
                    out.push(std::mem::take(&mut current));
                    current.push(ch);
                    if first_line {
                        first_line = false;
                        line_width = following;
                    }
                    spaces_left = line_width.saturating_sub(1);
                } else {
                    current.push(ch);
                    spaces_left -= 1;
                }
            }
        } else if word_width > spaces_left {
            out.push(std::mem::replace(&mut current, word));
            if first_line {
                first_line = false;
                line_width = following;
            }
            spaces_left = line_width.saturating_sub(word_width);
        } else {
            current.push_str(&word);
            spaces_left -= word_width;
        }
    }
    out.push(current);
}

/// Words with their delimiter (space or tab) attached, as pwsh's `GetWords` yields them; the
/// last word has none.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in line.chars() {
        word.push(ch);
        if ch == ' ' || ch == '\t' {
            out.push(std::mem::take(&mut word));
        }
    }
    out.push(word);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_after_spaces_keeping_them() {
        assert_eq!(word_wrap("aa bb cc", 6, 6), vec!["aa bb ", "cc"]);
        assert_eq!(word_wrap("aa bb cc", 8, 8), vec!["aa bb cc"]);
        // The trailing space counts: "bb " needs 3 columns.
        assert_eq!(word_wrap("aa bb", 4, 4), vec!["aa ", "bb"]);
    }

    #[test]
    fn splits_long_words_and_honours_newlines() {
        assert_eq!(word_wrap("abcdefgh", 3, 3), vec!["abc", "def", "gh"]);
        assert_eq!(word_wrap("a\r\nb", 5, 5), vec!["a", "b"]);
        assert_eq!(word_wrap("", 5, 5), vec![""]);
        assert_eq!(word_wrap("ab cd", 0, 0), vec![""]);
        assert_eq!(word_wrap("ab cd", 0, 3), vec!["ab ", "cd"]);
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(word_wrap("ééé ééé", 4, 4), vec!["ééé ", "ééé"]);
        assert_eq!(
            generate_lines("word word wo", 5, 3, false),
            vec!["word ", "wor", "d w", "o"]
        );
        assert_eq!(generate_lines("a\nbcd", 2, 2, false), vec!["a", "bc", "d"]);
        assert_eq!(generate_lines("", 2, 2, false), vec![""]);
        assert!(culture_word_wraps("en-US") && !culture_word_wraps(""));
        assert_eq!(take_chars("héllo", 2), "hé");
        assert_eq!(skip_chars("héllo", 2), "llo");
        assert_eq!(last_cells("héllo", 4), "éllo");
        assert_eq!(cell_len("日本x😀"), 7);
        assert_eq!(take_cells("日本x", 3), "日");
        assert_eq!(last_cells("日本x", 3), "本x");
        assert_eq!(truncate_at_newline("ab\ncd"), "ab\u{2026}");
    }
}

//! Character classes of the PowerShell tokenizer (what ends a token, what starts a variable
//! name, which dashes and quotes count). Owns only pure `char -> bool` predicates; it must not
//! scan or build tokens.

/// Whitespace that separates tokens. Newlines are not whitespace: they end statements.
pub(crate) fn is_ws(c: char) -> bool {
    match c {
        ' ' | '\t' | '\u{0b}' | '\u{0c}' | '\u{a0}' | '\u{85}' => true,
        c if (c as u32) > 256 => c.is_whitespace() && !is_newline(c),
        _ => false,
    }
}

pub(crate) fn is_newline(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// `-` and the typographic dashes (en dash, em dash, horizontal bar) that pasted text carries.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

/// `'` and the smart single quotes.
pub(crate) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}')
}

/// `"` and the smart double quotes.
pub(crate) fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}')
}

/// A character that ends a bareword in any mode (`a#b` is one token, `a{` is two).
/// `None` stands for the end of input.
pub(crate) fn forces_new_token(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => match c {
            '\0' | '\t' | '\n' | '\u{0b}' | '\u{0c}' | '\r' | ' ' | '&' | '(' | ')' | ',' | ';'
            | '{' | '|' | '}' => true,
            c if (c as u32) < 128 => false,
            c => is_ws(c),
        },
    }
}

/// A character that may follow a number in expression mode (`7+1` is three tokens, `7z` one).
pub(crate) fn ends_number_in_expression(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            matches!(
                c,
                '!' | '#' | '%' | '*' | '+' | '-' | '.' | '/' | '<' | '=' | '>' | ']'
            ) || is_dash(c)
        }
    }
}

/// First character of an unbraced variable name (`$_`, `$?`, `$^`, `$$`, `$env:x`, `$1`).
pub(crate) fn is_var_start(c: char) -> bool {
    if (c as u32) < 128 {
        c.is_ascii_alphanumeric() || matches!(c, '$' | ':' | '?' | '^' | '_')
    } else {
        c.is_alphanumeric()
    }
}

pub(crate) fn is_ident_start(c: char) -> bool {
    if (c as u32) < 128 {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        c.is_alphabetic()
    }
}

pub(crate) fn is_ident_follow(c: char) -> bool {
    if (c as u32) < 128 {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// Characters allowed in a type name between brackets (`System.Collections.Generic.List`).
pub(crate) fn is_type_name_char(c: char) -> bool {
    matches!(c, '.' | '`' | '_' | '+' | '#' | '\\') || c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_ws('\t') && !is_ws('\n'));
        assert!(forces_new_token(None) && forces_new_token(Some('|')));
        assert!(!forces_new_token(Some('-')) && !forces_new_token(Some('>')));
        assert!(is_var_start(':') && !is_var_start('-'));
        assert!(is_double_quote('\u{201c}') && is_single_quote('\u{2019}'));
    }
}

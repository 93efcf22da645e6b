//! Source positions. Owns `Span` (byte offsets) and `SourceFile` (the text a span points into),
//! and turns offsets into PowerShell's 1-based line/column pairs. It must not know about tokens
//! or errors.

use std::path::PathBuf;
use std::rc::Rc;

/// A half-open byte range `[start, end)` into one `SourceFile`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// One unit of source text: a script file, a `-Command` string or one REPL input.
#[derive(Debug)]
pub struct SourceFile {
    /// The script path as the user gave it (made absolute by the caller); `None` for
    /// interactive input and `-Command` text, which pwsh reports as `line:N`.
    pub path: Option<PathBuf>,
    pub text: String,
    /// Byte offset of the start of every line, for line/column lookups.
    line_starts: Vec<usize>,
    /// The namespaces of the `using namespace` statements at the top of this text, recorded
    /// by the parser; short type names written in this text resolve against them.
    pub usings: std::cell::RefCell<Vec<String>>,
    /// What the text's `#requires` comments ask for, recorded by the parser (None without any).
    pub requires: std::cell::RefCell<Option<super::requires::Requirements>>,
}

impl SourceFile {
    pub fn new(path: Option<PathBuf>, text: impl Into<String>) -> Rc<SourceFile> {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Rc::new(SourceFile {
            path,
            text,
            line_starts,
            usings: Default::default(),
            requires: Default::default(),
        })
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        let offset = (offset as usize).min(self.text.len());
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based column (in characters) of a byte offset, as pwsh's `char:` counts.
    pub fn column_of(&self, offset: u32) -> usize {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_of(offset as u32);
        let start = self.line_starts[line - 1];
        self.text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1)
    }

    /// The text of a 1-based line, without its line terminator.
    pub fn line_text(&self, line: usize) -> &str {
        if line == 0 || line > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Byte offset at which a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// How the source is named in error headers: the path, or `None` for interactive text.
    pub fn display_name(&self) -> Option<String> {
        self.path.as_ref().map(|p| p.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let f = SourceFile::new(None, "ab\ncdé\r\nx");
        assert_eq!(f.line_of(0), 1);
        assert_eq!(f.line_of(3), 2);
        assert_eq!(f.column_of(4), 2);
        assert_eq!(f.line_text(2), "cdé");
        assert_eq!(f.line_of(10), 3);
        assert_eq!(f.column_of(9), 1);
        assert_eq!(f.column_of(10), 2);
    }
}

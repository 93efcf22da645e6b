//! An error-tolerant token classifier for the REPL: colours for the highlighter and the
//! command structure (which command a word belongs to, which parameters were typed) for tab
//! completion and hints. It drives the real lexer, choosing the lexer mode (command, expression,
//! type name) the way the parser would at each point, but it never fails: unbalanced brackets,
//! unknown characters and unfinished strings still give tokens. Parse errors that are not
//! "incomplete input" come from the real parser, so what is marked is what would be reported.
//! It must not evaluate anything nor change how the parser reads text.

use std::ops::Range;

use super::lexer::Lexer;
use super::token::{LexContext, Mode, Tok};
use super::{SourceFile, parse_script};

/// The roles PSReadLine colours (`Set-PSReadLineOption -Colors`), plus plain arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Command,
    Parameter,
    String,
    Variable,
    Number,
    Operator,
    Keyword,
    Comment,
    Type,
    Member,
    /// A bareword argument or anything PSReadLine paints in the default colour.
    Default,
    /// A character the lexer could not use at all.
    Error,
}

/// One classified piece of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classified {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub class: TokenClass,
    /// The token's value: a bareword or string without quotes and escapes, a parameter name
    /// without the dash, a variable name without `$`; otherwise the text itself.
    pub value: String,
    /// The command (index into `Classification::commands`) this token is an element of, or
    /// whose name it is.
    pub command: Option<usize>,
    /// Strings and barewords: the quote that opened it (`'`, `"`) or `None` for a bareword.
    pub quote: Option<char>,
}

/// One command invocation found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandUse {
    /// The command name as typed (value of its token).
    pub name: String,
    /// Index (into `Classification::tokens`) of the name token.
    pub name_token: usize,
    /// Indexes of the argument tokens that follow, parameters included, in order.
    pub elements: Vec<usize>,
}

/// Where a new word typed at the end of the text would go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// A command name (start of a statement or pipeline element).
    CommandName,
    /// An argument of this command (index into `commands`).
    Argument(usize),
    /// Inside an expression.
    Expression,
    /// A hashtable key.
    HashKey,
    /// A member name after `.` or `::`.
    Member,
    /// A type name inside `[ ]`.
    TypeName,
}

#[derive(Clone, Debug)]
pub struct Classification {
    /// Tokens and comments in text order; whitespace is left out.
    pub tokens: Vec<Classified>,
    pub commands: Vec<CommandUse>,
    /// What a word starting at the end of the text would be.
    pub at_end: Position,
    /// Byte ranges the parser rejects (not counting input that is merely incomplete).
    pub errors: Vec<Range<usize>>,
}

impl Classification {
    /// The class of the token covering byte `pos`, if any.
    pub fn class_at(&self, pos: usize) -> Option<TokenClass> {
        self.tokens
            .iter()
            .find(|t| t.range.contains(&pos))
            .map(|t| t.class)
    }
}

/// What the classifier expects next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    StatementStart,
    Arguments(usize),
    Expression,
    HashKey,
    Member,
    TypeName,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrameKind {
    /// `( )`, `$( )`, `@( )`: statements inside, a value after.
    Group,
    /// `{ }`: a script block or statement block.
    Block,
    /// `@{ }`: key = value pairs.
    Hash,
    /// `[ ]` after a value: an index.
    Index,
    /// `[ ]` starting a type literal or cast.
    Type,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    kind: FrameKind,
    /// What to expect after the closing bracket.
    resume: Expect,
}

/// Guards the classifier against pathological input (the REPL calls it on every key).
const MAX_TOKENS: usize = 20_000;

/// Classifies the whole text. Never fails.
pub fn classify(text: &str) -> Classification {
    let mut c = Classifier {
        text,
        lexer: Lexer::new(text),
        tokens: Vec::new(),
        commands: Vec::new(),
        frames: Vec::new(),
        expect: Expect::StatementStart,
    };
    c.run();
    let at_end = match c.expect {
        Expect::StatementStart => Position::CommandName,
        Expect::Arguments(i) => Position::Argument(i),
        Expect::Expression => Position::Expression,
        Expect::HashKey => Position::HashKey,
        Expect::Member => Position::Member,
        Expect::TypeName => Position::TypeName,
    };
    Classification {
        tokens: c.tokens,
        commands: c.commands,
        at_end,
        errors: parse_error_ranges(text),
    }
}

/// Ranges of the parser's errors, unless the input is only incomplete (more lines would fix
/// it). An empty span marks the character at its start, when there is one.
pub fn parse_error_ranges(text: &str) -> Vec<Range<usize>> {
    let Err(errors) = parse_script(SourceFile::new(None, text)) else {
        return Vec::new();
    };
    if errors.is_incomplete() {
        return Vec::new();
    }
    errors
        .errors
        .iter()
        .filter(|e| !e.incomplete)
        .filter_map(|e| {
            let start = (e.span.start as usize).min(text.len());
            let end = (e.span.end as usize).min(text.len());
            if end > start {
                return Some(start..end);
            }
            let len = text.get(start..)?.chars().next()?.len_utf8();
            Some(start..start + len)
        })
        .collect()
}

struct Classifier<'s> {
    text: &'s str,
    lexer: Lexer<'s>,
    tokens: Vec<Classified>,
    commands: Vec<CommandUse>,
    frames: Vec<Frame>,
    expect: Expect,
}

impl Classifier<'_> {
    fn context(&self) -> LexContext {
        let (mode, simple) = match self.expect {
            Expect::StatementStart | Expect::Arguments(_) => (Mode::Command, false),
            Expect::Expression => (Mode::Expression, false),
            Expect::HashKey | Expect::Member => (Mode::Expression, true),
            Expect::TypeName => (Mode::TypeName, false),
        };
        LexContext {
            mode,
            allow_signed_numbers: self.expect == Expect::StatementStart,
            want_simple_name: simple,
        }
    }

    fn run(&mut self) {
        let mut pos = 0;
        let mut diags = Vec::new();
        while self.tokens.len() < MAX_TOKENS {
            // A statement may start with a type literal or cast even though `[x` is a bareword
            // in command mode (the parser looks for `[` first too).
            let bracket = match self.expect {
                Expect::StatementStart => self.lexer.lbracket_at(pos, self.context(), &mut diags),
                _ => None,
            };
            // `${a}?.b` / `${a}?[0]`: null-conditional access glued to the value before it.
            let glued_question = bracket.is_none()
                && pos > 0
                && self.expect != Expect::StatementStart
                && (self.text[pos..].starts_with("?.") || self.text[pos..].starts_with("?["))
                && !self.text[..pos].ends_with(char::is_whitespace);
            let member = if glued_question {
                self.lexer.member_access_at(pos, self.context(), true)
            } else {
                None
            };
            let token = match bracket.or(member) {
                Some(t) => t,
                None => self.lexer.next_token(pos, self.context(), &mut diags),
            };
            self.gap(pos, token.start());
            if matches!(token.kind, Tok::Eof) {
                break;
            }
            let (start, end) = (token.start(), token.end().max(token.start()));
            let glued = start == pos && start > 0;
            self.token(token.kind, start, end, glued);
            pos = if end > pos {
                end
            } else {
                // No progress (cannot happen with a sane lexer): step one character.
                match self.text.get(pos..).and_then(|r| r.chars().next()) {
                    Some(c) => pos + c.len_utf8(),
                    None => break,
                }
            };
        }
    }

    /// Comments between tokens (the lexer skips them).
    fn gap(&mut self, from: usize, to: usize) {
        let Some(gap) = self.text.get(from..to) else {
            return;
        };
        let mut i = 0;
        while i < gap.len() {
            let rest = &gap[i..];
            if rest.starts_with("<#") {
                let len = rest.find("#>").map_or(rest.len(), |e| e + 2);
                self.push(from + i, from + i + len, TokenClass::Comment, None);
                i += len;
            } else if rest.starts_with('#') {
                let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
                self.push(from + i, from + i + len, TokenClass::Comment, None);
                i += len;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }

    fn push(&mut self, start: usize, end: usize, class: TokenClass, command: Option<usize>) {
        let value = self.text.get(start..end).unwrap_or("").to_string();
        self.tokens.push(Classified {
            range: start..end,
            class,
            value,
            command,
            quote: None,
        });
    }

    fn push_value(
        &mut self,
        start: usize,
        end: usize,
        class: TokenClass,
        value: String,
        quote: Option<char>,
    ) {
        let command = match self.expect {
            Expect::Arguments(i) => Some(i),
            _ => None,
        };
        let index = self.tokens.len();
        self.tokens.push(Classified {
            range: start..end,
            class,
            value,
            command,
            quote,
        });
        if let Some(i) = command
            && let Some(cmd) = self.commands.get_mut(i)
        {
            cmd.elements.push(index);
        }
    }

    fn open(&mut self, kind: FrameKind, inside: Expect) {
        let resume = match (kind, self.expect) {
            (FrameKind::Block, Expect::StatementStart) => Expect::StatementStart,
            (_, Expect::StatementStart) => Expect::Expression,
            (_, other) => other,
        };
        self.frames.push(Frame { kind, resume });
        self.expect = inside;
    }

    fn close(&mut self, kinds: &[FrameKind], start: usize, end: usize) {
        let found = self.frames.iter().rposition(|f| kinds.contains(&f.kind));
        match found {
            Some(i) => {
                let frame = self.frames[i];
                self.frames.truncate(i);
                self.push(start, end, TokenClass::Operator, None);
                self.expect = frame.resume;
            }
            None => self.push(start, end, TokenClass::Error, None),
        }
    }

    /// After a statement separator: the next statement of the enclosing construct.
    fn statement_end(&mut self) {
        self.expect = match self.frames.last() {
            Some(f) if f.kind == FrameKind::Hash => Expect::HashKey,
            _ => Expect::StatementStart,
        };
    }

    fn token(&mut self, kind: Tok, start: usize, end: usize, glued: bool) {
        use TokenClass as C;
        let text = self.text.get(start..end).unwrap_or("");
        let was = self.expect;
        match kind {
            Tok::Eof => {}
            Tok::NewLine => {
                // A newline inside ( ) or [ ] does not end the expression there.
                let in_group = matches!(
                    self.frames.last(),
                    Some(f) if matches!(f.kind, FrameKind::Index | FrameKind::Type)
                );
                if !in_group {
                    self.statement_end();
                }
            }
            Tok::Semi => {
                self.push(start, end, C::Operator, None);
                self.statement_end();
            }
            Tok::Pipe | Tok::AndAnd | Tok::OrOr => {
                self.push(start, end, C::Operator, None);
                self.expect = Expect::StatementStart;
            }
            Tok::LParen | Tok::DollarParen | Tok::AtParen => {
                self.push_value(start, end, C::Operator, text.to_string(), None);
                self.open(FrameKind::Group, Expect::StatementStart);
            }
            Tok::LCurly => {
                self.push_value(start, end, C::Operator, text.to_string(), None);
                self.open(FrameKind::Block, Expect::StatementStart);
            }
            Tok::AtCurly => {
                self.push_value(start, end, C::Operator, text.to_string(), None);
                self.open(FrameKind::Hash, Expect::HashKey);
            }
            Tok::RParen => self.close(&[FrameKind::Group], start, end),
            Tok::RCurly => self.close(&[FrameKind::Block, FrameKind::Hash], start, end),
            Tok::RBracket => self.close(&[FrameKind::Index, FrameKind::Type], start, end),
            Tok::LBracket => {
                self.push(start, end, C::Operator, None);
                let after_value = glued
                    && self.tokens.len() >= 2
                    && matches!(
                        self.tokens[self.tokens.len() - 2].class,
                        C::Variable | C::String | C::Member
                    );
                if after_value || was == Expect::Member {
                    self.open(FrameKind::Index, Expect::Expression);
                } else {
                    self.open(FrameKind::Type, Expect::TypeName);
                }
            }
            Tok::QuestionLBracket => {
                self.push(start, end, C::Operator, None);
                self.open(FrameKind::Index, Expect::Expression);
            }
            Tok::Dot | Tok::ColonColon | Tok::QuestionDot => {
                self.push(start, end, C::Operator, None);
                if was == Expect::StatementStart {
                    // Dot-sourcing: a command name follows.
                } else {
                    self.expect = Expect::Member;
                }
            }
            Tok::Ampersand => {
                self.push(start, end, C::Operator, None);
                if was != Expect::StatementStart {
                    self.expect = Expect::StatementStart;
                }
            }
            Tok::Equals
            | Tok::PlusEquals
            | Tok::MinusEquals
            | Tok::MultiplyEquals
            | Tok::DivideEquals
            | Tok::RemainderEquals
            | Tok::QuestionQuestionEquals => {
                self.push(start, end, C::Operator, None);
                self.expect = Expect::StatementStart;
            }
            Tok::Comma
            | Tok::DotDot
            | Tok::Colon
            | Tok::QuestionMark
            | Tok::QuestionQuestion
            | Tok::PlusPlus
            | Tok::MinusMinus
            | Tok::Plus
            | Tok::Minus
            | Tok::Multiply
            | Tok::Divide
            | Tok::Rem
            | Tok::Exclaim
            | Tok::Op(_) => {
                self.push(start, end, C::Operator, None);
                if matches!(was, Expect::StatementStart | Expect::Member) {
                    self.expect = Expect::Expression;
                }
            }
            Tok::FileRedirect { .. } | Tok::MergeRedirect { .. } | Tok::InputRedirect => {
                self.push(start, end, C::Operator, None);
            }
            Tok::Parameter { name, .. } => match was {
                Expect::Arguments(_) => {
                    self.push_value(start, end, C::Parameter, name, None);
                }
                _ => {
                    // `-not $x` at a statement start, or an unknown operator.
                    self.push(start, end, C::Operator, None);
                    self.expect = Expect::Expression;
                }
            },
            Tok::Variable { var, .. } => {
                self.push_value(start, end, C::Variable, var.name, None);
                self.after_value(was);
            }
            Tok::Number(_) => {
                self.push_value(start, end, C::Number, text.to_string(), None);
                self.after_value(was);
            }
            Tok::Str(s) => {
                let quote = text.chars().find(|c| *c != '@');
                let quote = quote.map(|q| {
                    if super::chars::is_double_quote(q) {
                        '"'
                    } else {
                        '\''
                    }
                });
                self.push_value(start, end, C::String, s.value, quote);
                self.after_value(was);
            }
            Tok::Generic(s) => self.word(start, end, s.value, was),
            Tok::Identifier(name) => match was {
                Expect::Member => {
                    self.push(start, end, C::Member, None);
                    self.expect = Expect::Expression;
                }
                Expect::TypeName => self.push(start, end, C::Type, None),
                Expect::HashKey => self.push_value(start, end, C::Member, name, None),
                Expect::Expression => {
                    let class = if super::token::Keyword::from_name(&name).is_some() {
                        C::Keyword
                    } else {
                        C::Default
                    };
                    self.push(start, end, class, None);
                }
                _ => self.word(start, end, name, was),
            },
            Tok::Keyword(_) if matches!(was, Expect::Arguments(_)) => {
                self.word(start, end, text.to_string(), was);
            }
            Tok::Keyword(_) => {
                self.push(start, end, C::Keyword, None);
                self.expect = Expect::StatementStart;
            }
            Tok::Label(_) => self.push(start, end, C::Default, None),
            Tok::Unknown => self.push(start, end, C::Error, None),
        }
    }

    /// A value at a statement start begins an expression; as an argument it stays one.
    fn after_value(&mut self, was: Expect) {
        match was {
            Expect::StatementStart | Expect::Member => self.expect = Expect::Expression,
            Expect::HashKey => self.expect = Expect::Expression,
            _ => {}
        }
    }

    /// A bareword: a command name at a statement start, else an argument.
    fn word(&mut self, start: usize, end: usize, value: String, was: Expect) {
        match was {
            Expect::StatementStart => {
                let index = self.commands.len();
                self.commands.push(CommandUse {
                    name: value.clone(),
                    name_token: self.tokens.len(),
                    elements: Vec::new(),
                });
                self.tokens.push(Classified {
                    range: start..end,
                    class: TokenClass::Command,
                    value,
                    command: Some(index),
                    quote: None,
                });
                self.expect = Expect::Arguments(index);
            }
            Expect::HashKey => {
                self.push_value(start, end, TokenClass::Member, value, None);
            }
            _ => self.push_value(start, end, TokenClass::Default, value, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TokenClass as C;
    use super::*;

    /// Classes of the non-whitespace tokens, with their text.
    fn classes(text: &str) -> Vec<(String, C)> {
        classify(text)
            .tokens
            .iter()
            .map(|t| (text[t.range.clone()].to_string(), t.class))
            .collect()
    }

    #[test]
    fn table_of_classes() {
        let cases: &[(&str, &[(&str, C)])] = &[
            (
                "Get-CsApplicationAccessPolicy -Identity 'Tag:X'",
                &[
                    ("Get-CsApplicationAccessPolicy", C::Command),
                    ("-Identity", C::Parameter),
                    ("'Tag:X'", C::String),
                ],
            ),
            (
                "$a = 1 + 2 # sum",
                &[
                    ("$a", C::Variable),
                    ("=", C::Operator),
                    ("1", C::Number),
                    ("+", C::Operator),
                    ("2", C::Number),
                    ("# sum", C::Comment),
                ],
            ),
            (
                "Get-X | Where-Object { $_.Name -eq \"a\" }",
                &[
                    ("Get-X", C::Command),
                    ("|", C::Operator),
                    ("Where-Object", C::Command),
                    ("{", C::Operator),
                    ("$_", C::Variable),
                    (".", C::Operator),
                    ("Name", C::Member),
                    ("-eq", C::Operator),
                    ("\"a\"", C::String),
                    ("}", C::Operator),
                ],
            ),
            (
                "if ($x) { Write-Host hi }",
                &[
                    ("if", C::Keyword),
                    ("(", C::Operator),
                    ("$x", C::Variable),
                    (")", C::Operator),
                    ("{", C::Operator),
                    ("Write-Host", C::Command),
                    ("hi", C::Default),
                    ("}", C::Operator),
                ],
            ),
            (
                "[int]$n = 5",
                &[
                    ("[", C::Operator),
                    ("int", C::Type),
                    ("]", C::Operator),
                    ("$n", C::Variable),
                    ("=", C::Operator),
                    ("5", C::Number),
                ],
            ),
            (
                "@{ Add = 'x' }",
                &[
                    ("@{", C::Operator),
                    ("Add", C::Member),
                    ("=", C::Operator),
                    ("'x'", C::String),
                    ("}", C::Operator),
                ],
            ),
            (
                "<# c #> Get-X",
                &[("<# c #>", C::Comment), ("Get-X", C::Command)],
            ),
            // Unfinished input still classifies.
            (
                "New-X -Description \"open",
                &[
                    ("New-X", C::Command),
                    ("-Description", C::Parameter),
                    ("\"open", C::String),
                ],
            ),
            ("Get-X )", &[("Get-X", C::Command), (")", C::Error)]),
        ];
        for (text, expected) in cases {
            let got = classes(text);
            let want: Vec<(String, C)> =
                expected.iter().map(|(s, c)| (s.to_string(), *c)).collect();
            assert_eq!(got, want, "classes of {text:?}");
        }
    }

    #[test]
    fn command_structure() {
        let c = classify("Grant-X -Identity u1 -PolicyName ");
        assert_eq!(c.commands.len(), 1);
        assert_eq!(c.commands[0].name, "Grant-X");
        let values: Vec<&str> = c.commands[0]
            .elements
            .iter()
            .map(|i| c.tokens[*i].value.as_str())
            .collect();
        assert_eq!(values, ["Identity", "u1", "PolicyName"]);
        assert_eq!(c.at_end, Position::Argument(0));
        assert_eq!(classify("Get-X | ").at_end, Position::CommandName);
        assert_eq!(classify("$a.").at_end, Position::Member);
        assert_eq!(classify("Get-X (Get-Y").at_end, Position::Argument(1));
        assert_eq!(classify("Get-X (Get-Y) ").at_end, Position::Argument(0));
        assert_eq!(classify("@{").at_end, Position::HashKey);
    }

    #[test]
    fn parse_errors_are_marked_but_incomplete_input_is_not() {
        assert_eq!(classify("Get-X )").errors, vec![6..7]);
        assert!(classify("Get-X -Name (").errors.is_empty());
        assert!(classify("'open").errors.is_empty());
        assert!(classify("Get-X").errors.is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "`",
            "@",
            "$",
            "${",
            "$(",
            "@'",
            "\"$(",
            "[",
            "]]]",
            "-",
            "--%",
            "\u{2013}x",
            "a\r\nb",
            "#",
            "<#",
            "1..",
            "&",
            ".",
            "::",
            "\"`u{",
            "é$é",
        ] {
            let c = classify(text);
            for t in &c.tokens {
                assert!(t.range.end <= text.len() && t.range.start <= t.range.end);
                assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
            }
        }
    }
}

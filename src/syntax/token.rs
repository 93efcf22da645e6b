//! Token kinds, tokenizer modes and the operator and keyword tables. Owns the vocabulary the
//! lexer produces and the parser consumes; it must not scan text or build syntax trees.

use super::ast::{CaseMode, CompareOp, Number, QuoteKind, RedirectStream, VariableRef};
use super::span::Span;

/// PowerShell tokenizes the same text differently by context: `-AppIds a,b` is a parameter and
/// two barewords in argument (command) mode, while `1,2` and `-eq` are operators in expression
/// mode; type names between brackets have their own mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Command,
    Expression,
    TypeName,
}

/// Everything that changes how a token is scanned. A looked-ahead token is scanned again when
/// it is needed under a different context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LexContext {
    pub mode: Mode,
    /// `-1` is a number (only while an operand is expected), not `-` then `1`.
    pub allow_signed_numbers: bool,
    /// Only letters, digits and `_` make a name (member names, hash keys, labels).
    pub want_simple_name: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Token {
    pub kind: Tok,
    pub span: Span,
    pub context: LexContext,
}

impl Token {
    pub fn start(&self) -> usize {
        self.span.start as usize
    }

    pub fn end(&self) -> usize {
        self.span.end as usize
    }
}

/// A part of a string token: literal text, a `$var` or an unparsed `$( ... )`.
#[derive(Clone, Debug)]
pub(crate) enum StrPart {
    Literal(String),
    Variable(VariableRef, Span),
    /// `$( ... )`: `span` covers the whole construct; its inside is parsed when the token
    /// becomes an expression.
    SubExpression(Span),
}

#[derive(Clone, Debug)]
pub(crate) struct StrToken {
    /// The text with escapes processed and quotes removed; `$var` parts kept as written.
    pub value: String,
    pub parts: Vec<StrPart>,
    pub quote: QuoteKind,
}

impl StrToken {
    pub fn is_expandable(&self) -> bool {
        self.parts.iter().any(|p| !matches!(p, StrPart::Literal(_)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Operator {
    Not,
    Bnot,
    Compare(CompareOp, CaseMode),
    Join,
    Is,
    IsNot,
    As,
    Format,
    And,
    Or,
    Xor,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
}

impl Operator {
    /// Operators written after a dash, by their lowercase name.
    pub fn from_name(name: &str) -> Option<Operator> {
        use CaseMode::{Default as D, Insensitive as I, Sensitive as S};
        use CompareOp::*;
        let lower = name.to_ascii_lowercase();
        let simple = match lower.as_str() {
            "not" => Some(Operator::Not),
            "bnot" => Some(Operator::Bnot),
            "join" => Some(Operator::Join),
            "is" => Some(Operator::Is),
            "isnot" => Some(Operator::IsNot),
            "as" => Some(Operator::As),
            "f" => Some(Operator::Format),
            "and" => Some(Operator::And),
            "or" => Some(Operator::Or),
            "xor" => Some(Operator::Xor),
            "band" => Some(Operator::Band),
            "bor" => Some(Operator::Bor),
            "bxor" => Some(Operator::Bxor),
            "shl" => Some(Operator::Shl),
            "shr" => Some(Operator::Shr),
            _ => None,
        };
        if simple.is_some() {
            return simple;
        }
        let compare = |base: &str| -> Option<CompareOp> {
            Some(match base {
                "eq" => Eq,
                "ne" => Ne,
                "gt" => Gt,
                "ge" => Ge,
                "lt" => Lt,
                "le" => Le,
                "like" => Like,
                "notlike" => NotLike,
                "match" => Match,
                "notmatch" => NotMatch,
                "contains" => Contains,
                "notcontains" => NotContains,
                "in" => In,
                "notin" => NotIn,
                "replace" => Replace,
                "split" => Split,
                _ => return None,
            })
        };
        if let Some(op) = compare(&lower) {
            return Some(Operator::Compare(op, D));
        }
        let (case, base) = match lower.split_at_checked(1) {
            Some(("i", rest)) => (I, rest),
            Some(("c", rest)) => (S, rest),
            _ => return None,
        };
        compare(base).map(|op| Operator::Compare(op, case))
    }

    pub fn is_unary(self) -> bool {
        matches!(
            self,
            Operator::Not
                | Operator::Bnot
                | Operator::Join
                | Operator::Compare(CompareOp::Split, _)
        )
    }

    /// Binding strength of a binary operator (higher binds tighter), from PowerShell's
    /// `TokenFlags.BinaryPrecedence*`: logical 1, bitwise 2, comparison 5.
    pub fn precedence(self) -> Option<u8> {
        match self {
            Operator::Not | Operator::Bnot => None,
            Operator::And | Operator::Or | Operator::Xor => Some(1),
            Operator::Band | Operator::Bor | Operator::Bxor => Some(2),
            Operator::Format => Some(12),
            _ => Some(5),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keyword {
    ElseIf,
    If,
    Else,
    Switch,
    Foreach,
    From,
    In,
    For,
    While,
    Until,
    Do,
    Try,
    Catch,
    Finally,
    Trap,
    Data,
    Return,
    Continue,
    Break,
    Exit,
    Throw,
    Begin,
    Process,
    End,
    DynamicParam,
    Function,
    Filter,
    Param,
    Class,
    Define,
    Var,
    Using,
    Workflow,
    Parallel,
    Sequence,
    InlineScript,
    Configuration,
    Public,
    Private,
    Static,
    Interface,
    Enum,
    Namespace,
    Module,
    Type,
    Assembly,
    Command,
    Hidden,
    Base,
    Default,
    Clean,
}

impl Keyword {
    const TABLE: [(&'static str, Keyword); 51] = [
        ("elseif", Keyword::ElseIf),
        ("if", Keyword::If),
        ("else", Keyword::Else),
        ("switch", Keyword::Switch),
        ("foreach", Keyword::Foreach),
        ("from", Keyword::From),
        ("in", Keyword::In),
        ("for", Keyword::For),
        ("while", Keyword::While),
        ("until", Keyword::Until),
        ("do", Keyword::Do),
        ("try", Keyword::Try),
        ("catch", Keyword::Catch),
        ("finally", Keyword::Finally),
        ("trap", Keyword::Trap),
        ("data", Keyword::Data),
        ("return", Keyword::Return),
        ("continue", Keyword::Continue),
        ("break", Keyword::Break),
        ("exit", Keyword::Exit),
        ("throw", Keyword::Throw),
        ("begin", Keyword::Begin),
        ("process", Keyword::Process),
        ("end", Keyword::End),
        ("dynamicparam", Keyword::DynamicParam),
        ("function", Keyword::Function),
        ("filter", Keyword::Filter),
        ("param", Keyword::Param),
        ("class", Keyword::Class),
        ("define", Keyword::Define),
        ("var", Keyword::Var),
        ("using", Keyword::Using),
        ("workflow", Keyword::Workflow),
        ("parallel", Keyword::Parallel),
        ("sequence", Keyword::Sequence),
        ("inlinescript", Keyword::InlineScript),
        ("configuration", Keyword::Configuration),
        ("public", Keyword::Public),
        ("private", Keyword::Private),
        ("static", Keyword::Static),
        ("interface", Keyword::Interface),
        ("enum", Keyword::Enum),
        ("namespace", Keyword::Namespace),
        ("module", Keyword::Module),
        ("type", Keyword::Type),
        ("assembly", Keyword::Assembly),
        ("command", Keyword::Command),
        ("hidden", Keyword::Hidden),
        ("base", Keyword::Base),
        ("default", Keyword::Default),
        ("clean", Keyword::Clean),
    ];

    /// Keywords are case-insensitive (`If`, `FOREACH`).
    pub fn from_name(name: &str) -> Option<Keyword> {
        Self::TABLE
            .iter()
            .find(|(text, _)| text.eq_ignore_ascii_case(name))
            .map(|&(_, kw)| kw)
    }

    /// The keyword in lowercase, as PowerShell's messages print `TokenKind.Text()`.
    pub fn text(self) -> &'static str {
        Self::TABLE
            .iter()
            .find(|(_, kw)| *kw == self)
            .map_or("", |(text, _)| text)
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Tok {
    Eof,
    NewLine,
    Semi,
    Comma,
    Pipe,
    Ampersand,
    AndAnd,
    OrOr,
    LParen,
    RParen,
    LCurly,
    RCurly,
    LBracket,
    RBracket,
    AtParen,
    AtCurly,
    DollarParen,
    Dot,
    DotDot,
    ColonColon,
    Colon,
    /// `?` in expression mode: the ternary operator (pwsh's `QuestionMark`).
    QuestionMark,
    /// `??`: null-coalescing (binary precedence 7, between comparison and `+ -`).
    QuestionQuestion,
    /// `??=`: null-coalescing assignment.
    QuestionQuestionEquals,
    /// `?.` directly after a value: null-conditional member access.
    QuestionDot,
    /// `?[` directly after a value: null-conditional index.
    QuestionLBracket,
    Equals,
    PlusEquals,
    MinusEquals,
    MultiplyEquals,
    DivideEquals,
    RemainderEquals,
    PlusPlus,
    MinusMinus,
    Plus,
    Minus,
    Multiply,
    Divide,
    Rem,
    Exclaim,
    Op(Operator),
    Parameter {
        name: String,
        colon: bool,
    },
    Variable {
        var: VariableRef,
        splat: bool,
    },
    Number(Number),
    /// A quoted string or here-string.
    Str(StrToken),
    /// A bareword (argument-mode text); its quote kind is `Bare`.
    Generic(StrToken),
    Identifier(String),
    Keyword(Keyword),
    Label(String),
    FileRedirect {
        stream: RedirectStream,
        append: bool,
    },
    MergeRedirect {
        from: RedirectStream,
        to_output: bool,
        same: bool,
    },
    InputRedirect,
    Unknown,
}

impl Tok {
    /// Tokens scanned identically in every mode; they need no rescan after a mode change.
    pub fn is_mode_invariant(&self) -> bool {
        matches!(
            self,
            Tok::Eof
                | Tok::NewLine
                | Tok::Semi
                | Tok::Comma
                | Tok::Pipe
                | Tok::LParen
                | Tok::RParen
                | Tok::LCurly
                | Tok::RCurly
                | Tok::AtParen
                | Tok::AtCurly
                | Tok::DollarParen
                | Tok::Str(_)
        )
    }

    pub fn is_assignment(&self) -> bool {
        matches!(
            self,
            Tok::Equals
                | Tok::PlusEquals
                | Tok::MinusEquals
                | Tok::MultiplyEquals
                | Tok::DivideEquals
                | Tok::RemainderEquals
                | Tok::QuestionQuestionEquals
        )
    }

    pub fn is_redirection(&self) -> bool {
        matches!(
            self,
            Tok::FileRedirect { .. } | Tok::MergeRedirect { .. } | Tok::InputRedirect
        )
    }

    /// Binding strength when this token is a binary operator (`..` 13, `-f` 12, `* / %` 10,
    /// `+ -` 9, `??` 7, comparison 5, bitwise 2, logical 1).
    pub fn binary_precedence(&self) -> Option<u8> {
        match self {
            Tok::DotDot => Some(13),
            Tok::Multiply | Tok::Divide | Tok::Rem => Some(10),
            Tok::Plus | Tok::Minus => Some(9),
            Tok::QuestionQuestion => Some(7),
            Tok::Op(op) => op.precedence(),
            _ => None,
        }
    }

    pub fn is_unary_operator(&self) -> bool {
        match self {
            Tok::Exclaim
            | Tok::Plus
            | Tok::Minus
            | Tok::PlusPlus
            | Tok::MinusMinus
            | Tok::Comma => true,
            Tok::Op(op) => op.is_unary(),
            _ => false,
        }
    }

    pub fn is_keyword(&self, kw: Keyword) -> bool {
        matches!(self, Tok::Keyword(k) if *k == kw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names() {
        assert_eq!(
            Operator::from_name("CEQ"),
            Some(Operator::Compare(CompareOp::Eq, CaseMode::Sensitive))
        );
        assert_eq!(
            Operator::from_name("inotmatch"),
            Some(Operator::Compare(
                CompareOp::NotMatch,
                CaseMode::Insensitive
            ))
        );
        assert_eq!(Operator::from_name("is"), Some(Operator::Is));
        assert_eq!(Operator::from_name("cjoin"), None);
        assert_eq!(Keyword::from_name("FOREACH"), Some(Keyword::Foreach));
        assert_eq!(Keyword::Foreach.text(), "foreach");
    }
}

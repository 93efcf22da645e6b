//! The syntax tree the parser produces and the interpreter walks. Owns only data: no parsing,
//! no evaluation. Every node carries the `Span` of the source text it came from, so any runtime
//! error can point back at the exact characters (pwsh's `~~~~` underline).
//!
//! Naming follows PowerShell's own AST (`PipelineAst`, `CommandAst`, ...) without the suffix.

use std::rc::Rc;

use super::span::{SourceFile, Span};

/// A whole script, a `{ ... }` script block, or a function body.
#[derive(Debug)]
pub struct ScriptBlockAst {
    pub span: Span,
    /// The file or input this block was parsed from; spans index into it.
    pub source: Rc<SourceFile>,
    /// `[CmdletBinding()]` and other attributes written before `param(...)`.
    pub attributes: Vec<Attribute>,
    pub param_block: Option<ParamBlock>,
    pub begin: Option<Block>,
    pub process: Option<Block>,
    /// The `end { }` block, or the unnamed body (PowerShell treats both the same).
    pub end: Option<Block>,
    /// The `clean { }` block (PowerShell 7.3+): runs after `end`, also when the command failed
    /// or its pipeline was stopped; what it writes to the output is discarded.
    pub clean: Option<Block>,
    /// `using namespace X` at the start of a script, in order (only a whole script has them).
    pub usings: Vec<String>,
    /// Every `enum` and `class` in a whole script, wherever written (only a whole script has
    /// them): pwsh defines them all before the script runs.
    pub type_definitions: Vec<Rc<TypeDefinition>>,
}

/// A `{ ... }` list of statements (or a whole file's top level).
#[derive(Debug, Default)]
pub struct Block {
    pub statements: Vec<Statement>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StatementKind {
    Pipeline(Pipeline),
    Assignment(Assignment),
    If(IfStatement),
    Foreach(ForeachStatement),
    For(ForStatement),
    While(WhileStatement),
    DoLoop(DoLoopStatement),
    Switch(SwitchStatement),
    Function(Rc<FunctionDef>),
    Try(TryStatement),
    /// `trap [Type] { }`: handles the terminating errors of the statement list it is in.
    Trap(TrapStatement),
    /// `throw [pipeline]`
    Throw(Option<Box<Statement>>),
    /// `return [pipeline]`
    Return(Option<Box<Statement>>),
    /// `exit [pipeline]`
    Exit(Option<Box<Statement>>),
    /// `break [label]`
    Break(Option<String>),
    /// `continue [label]`
    Continue(Option<String>),
    /// `break (expr)` / `continue $label`: a label known only when it runs (its value's
    /// text names the loop).
    FlowToLabel {
        is_break: bool,
        label: Box<Expr>,
    },
    /// `a && b`, `a || b` (left-associative: `a && b || c` is `(a && b) || c`).
    PipelineChain(PipelineChain),
    /// `data [name] [-SupportedCommand a, b] { ... }`: a restricted-language section.
    Data(DataStatement),
    /// `enum` or `class`: defined before the script runs, so the statement itself does nothing.
    TypeDefinition(Rc<TypeDefinition>),
}

/// A `data` section: its body was checked against the restricted language when parsed; its
/// output is the statement's value, or is assigned to `$name` when a name is given.
#[derive(Debug)]
pub struct DataStatement {
    pub name: Option<String>,
    /// The `-SupportedCommand` names (command-name expressions), beyond ConvertFrom-StringData.
    pub commands: Vec<Expr>,
    pub body: Block,
}

/// Two pipelines joined by `&&` or `||`; `left` may itself be a chain.
#[derive(Debug)]
pub struct PipelineChain {
    pub left: Box<Statement>,
    /// True for `&&` (run `right` when `left` succeeded), false for `||`.
    pub and: bool,
    pub op_span: Span,
    pub right: Box<Statement>,
}

/// `a | b | c`. The first element may be an expression; the others are commands.
#[derive(Debug)]
pub struct Pipeline {
    pub elements: Vec<PipelineElement>,
    pub span: Span,
}

#[derive(Debug)]
pub struct PipelineElement {
    pub kind: ElementKind,
    pub redirections: Vec<Redirection>,
    pub span: Span,
}

#[derive(Debug)]
pub enum ElementKind {
    Expression(Expr),
    Command(Command),
}

/// `2>$null`, `*> file.txt`, `2>&1`, `>> log.txt`.
#[derive(Debug)]
pub struct Redirection {
    /// The stream redirected: `*` is `RedirectStream::All`; plain `>` is output (1).
    pub from: RedirectStream,
    pub target: RedirectTarget,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectStream {
    All,
    Output,
    Error,
    Warning,
    Verbose,
    Debug,
    Information,
}

#[derive(Debug)]
pub enum RedirectTarget {
    /// `> path` (`append` for `>>`). The path is an argument-mode expression (`$null` included).
    File { path: Expr, append: bool },
    /// `2>&1`: merge into the output stream.
    MergeToOutput,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvocationOperator {
    /// A plain `Name args`.
    None,
    /// `& expr args`
    Call,
    /// `. expr args` (dot-sourcing)
    DotSource,
}

/// `Get-Thing -Name value positional`.
#[derive(Debug)]
pub struct Command {
    pub invocation: InvocationOperator,
    /// The command name: a `StringLiteral { quote: Bare }` for an ordinary name; any expression
    /// after `&` or `.` (a string, a variable, a script block).
    pub name: Expr,
    pub elements: Vec<CommandElement>,
    pub span: Span,
}

#[derive(Debug)]
pub enum CommandElement {
    Parameter(ParameterToken),
    Argument(Expr),
}

/// `-Name` or `-Name:value`.
#[derive(Debug)]
pub struct ParameterToken {
    /// The name as typed, without the dash and without a trailing colon.
    pub name: String,
    /// The span of the token itself (`-Name` or `-Name:`), which pwsh underlines in binding
    /// errors.
    pub span: Span,
    /// True for the `-Name:value` form.
    pub colon: bool,
    /// The value joined with a colon (`-Switch:$false`); `None` for the plain form, where the
    /// binder takes the next argument itself.
    pub argument: Option<Expr>,
}

#[derive(Debug)]
pub struct Assignment {
    pub target: Expr,
    pub op: AssignOp,
    pub op_span: Span,
    pub value: Box<Statement>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    /// `??=`: assigns only when the current value is `$null`.
    Coalesce,
}

#[derive(Debug)]
pub struct IfStatement {
    /// `if` and every `elseif`, in order.
    pub clauses: Vec<IfClause>,
    pub else_body: Option<Block>,
}

#[derive(Debug)]
pub struct IfClause {
    /// A pipeline or an assignment (`if ($p = Get-Thing) { }`).
    pub condition: Box<Statement>,
    pub body: Block,
}

#[derive(Debug)]
pub struct ForeachStatement {
    pub label: Option<String>,
    pub variable: VariableRef,
    pub variable_span: Span,
    pub iterable: Box<Statement>,
    pub body: Block,
}

#[derive(Debug)]
pub struct ForStatement {
    pub label: Option<String>,
    pub init: Option<Box<Statement>>,
    pub condition: Option<Box<Statement>>,
    pub iterator: Option<Box<Statement>>,
    pub body: Block,
}

#[derive(Debug)]
pub struct WhileStatement {
    pub label: Option<String>,
    pub condition: Box<Statement>,
    pub body: Block,
}

/// `do { } while (...)` or `do { } until (...)`.
#[derive(Debug)]
pub struct DoLoopStatement {
    pub label: Option<String>,
    pub body: Block,
    pub condition: Box<Statement>,
    pub until: bool,
}

#[derive(Debug)]
pub struct SwitchStatement {
    pub label: Option<String>,
    pub flags: SwitchFlags,
    pub value: Box<Statement>,
    pub clauses: Vec<SwitchClause>,
    pub default: Option<Block>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct SwitchFlags {
    pub regex: bool,
    pub wildcard: bool,
    pub exact: bool,
    pub case_sensitive: bool,
    /// `-file path`: the value is the path, and the switch runs over the file's lines.
    pub file: bool,
}

#[derive(Debug)]
pub struct SwitchClause {
    /// A value (bareword, string, number, variable) or a `{ script block }` condition.
    pub condition: Expr,
    pub body: Block,
}

#[derive(Debug)]
pub struct TryStatement {
    pub body: Block,
    pub catches: Vec<CatchClause>,
    pub finally: Option<Block>,
}

#[derive(Debug)]
pub struct TrapStatement {
    /// `trap [System.Exception] { }`; `None` traps every error.
    pub type_name: Option<TypeName>,
    pub body: Block,
}

#[derive(Debug)]
pub struct CatchClause {
    /// `catch [System.Exception] { }`; empty for a catch-all.
    pub types: Vec<TypeName>,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub name: String,
    pub name_span: Span,
    pub is_filter: bool,
    /// Parameters written as `function Name($a, [int]$b = 2) { }`. Empty when the body has its
    /// own `param()` block (the body's block then applies).
    pub parameters: Vec<ParamDecl>,
    pub body: Rc<ScriptBlockAst>,
    pub span: Span,
}

/// `[CmdletBinding()] param( ... )`.
#[derive(Debug)]
pub struct ParamBlock {
    pub params: Vec<ParamDecl>,
    pub span: Span,
}

/// One parameter: `[Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string] $Name = 'x'`.
#[derive(Debug)]
pub struct ParamDecl {
    /// Without the `$`.
    pub name: String,
    pub attributes: Vec<Attribute>,
    /// The first type literal written on the parameter (`[string]`, `[string[]]`, `[switch]`).
    pub type_constraint: Option<TypeName>,
    pub default: Option<Expr>,
    pub span: Span,
}

/// `[Name(positional, Named = value, Flag)]`.
#[derive(Debug)]
pub struct Attribute {
    pub name: String,
    pub positional: Vec<Expr>,
    /// `Mandatory` alone gives `("Mandatory", None)`; `Mandatory = $true` gives `Some(expr)`.
    pub named: Vec<(String, Option<Expr>)>,
    pub span: Span,
}

/// A type as written between brackets, without them: `string`, `string[]`,
/// `System.Management.Automation.PSCredential`, `ordered`.
#[derive(Clone, Debug)]
pub struct TypeName {
    pub name: String,
    pub span: Span,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum ExprKind {
    Number(Number),
    /// A string with nothing to expand: `'single'`, a double-quoted string without `$`, a
    /// here-string, or an argument-mode bareword (`Test-policy`, an unquoted GUID).
    StringLiteral {
        value: String,
        quote: QuoteKind,
    },
    /// A double-quoted string (or here-string, or bareword) with `$var` / `$(...)` parts.
    ExpandableString {
        parts: Vec<StringPart>,
        quote: QuoteKind,
    },
    Variable(VariableRef),
    /// `@name` in argument position (splatting).
    Splat(VariableRef),
    /// `a, b, c`
    ArrayLiteral(Vec<Expr>),
    /// `@( ... )`
    ArraySubexpression(Block),
    /// `$( ... )`
    Subexpression(Block),
    /// `( pipeline )` or `( $a = 1 )`.
    Paren(Box<Statement>),
    /// `@{ key = value; ... }`
    Hashtable(Vec<HashEntry>),
    ScriptBlock(Rc<ScriptBlockAst>),
    Binary {
        op: BinaryOp,
        op_span: Span,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        op_span: Span,
        operand: Box<Expr>,
    },
    /// `[type] operand`: a cast, `[ordered]@{}`, `[PSCustomObject]@{}`.
    Convert {
        type_name: TypeName,
        operand: Box<Expr>,
    },
    /// `[type]` on its own (`[guid]::NewGuid()` has it as the target of a static member).
    TypeLiteral(TypeName),
    /// `target.Name`, `target::Name`, `target.$name`, `target?.Name`.
    Member {
        target: Box<Expr>,
        /// Usually a bare `StringLiteral`; may be a variable or a parenthesised expression.
        member: Box<Expr>,
        is_static: bool,
        /// `?.`: `$null` when the target is `$null`.
        null_conditional: bool,
    },
    /// `target.Method(args)` or `[type]::Method(args)` (or `target?.Method(args)`).
    InvokeMember {
        target: Box<Expr>,
        member: Box<Expr>,
        args: Vec<Expr>,
        is_static: bool,
        null_conditional: bool,
    },
    /// `target[index]`, or `target?[index]` (`null_conditional`).
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
        null_conditional: bool,
    },
    /// `left ?? right`: `right` is evaluated only when `left` is `$null`.
    Coalesce {
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `condition ? if_true : if_false`; only the chosen branch is evaluated.
    Ternary {
        condition: Box<Expr>,
        if_true: Box<Expr>,
        if_false: Box<Expr>,
    },
}

/// A numeric literal's value, typed as PowerShell's tokenizer types it: an unsuffixed integer
/// is the narrowest of Int32, Int64, Decimal and Double that holds it; suffixes choose the
/// type (`y` SByte, `uy` Byte, `s` Int16, `us` UInt16, `u` UInt32 or UInt64, `l` Int64,
/// `ul` UInt64, `n` BigInteger, `d` Decimal); a real number is a Double.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    SByte(i8),
    Byte(u8),
    Int16(i16),
    UInt16(u16),
    Int32(i32),
    UInt32(u32),
    Int64(i64),
    UInt64(u64),
    Double(f64),
    Decimal(rust_decimal::Decimal),
    BigInt(num_bigint::BigInt),
}

impl Number {
    /// The literal's value as invariant text (`5`, `1.5`, `2.50`).
    pub fn text(&self) -> String {
        match self {
            Number::SByte(v) => v.to_string(),
            Number::Byte(v) => v.to_string(),
            Number::Int16(v) => v.to_string(),
            Number::UInt16(v) => v.to_string(),
            Number::Int32(v) => v.to_string(),
            Number::UInt32(v) => v.to_string(),
            Number::Int64(v) => v.to_string(),
            Number::UInt64(v) => v.to_string(),
            Number::Double(v) => v.to_string(),
            Number::Decimal(v) => v.to_string(),
            Number::BigInt(v) => v.to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// An argument-mode bareword.
    Bare,
    Single,
    Double,
    HereSingle,
    HereDouble,
}

#[derive(Debug)]
pub enum StringPart {
    Literal(String),
    /// `$var`, `${var}`, `$env:X` or `$( ... )` inside an expandable string.
    Expr(Expr),
}

/// `$name`, `$script:name`, `$env:NAME`, `${any name}`, `$_`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableRef {
    /// The name without `$`, scope or braces (`_` for `$_`, `PSItem` for `$PSItem`).
    pub name: String,
    /// `script`, `global`, `local`, `private`, `using`, `env`, or another drive name, lowercase.
    pub scope: Option<String>,
}

#[derive(Debug)]
pub struct HashEntry {
    /// A bareword key is a `StringLiteral { quote: Bare }`.
    pub key: Expr,
    pub value: Box<Statement>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    /// `1..5`
    Range,
    /// `"{0}" -f $x`
    Format,
    And,
    Or,
    Xor,
    BitAnd,
    BitOr,
    BitXor,
    ShiftLeft,
    ShiftRight,
    /// `-join` with a left operand.
    Join,
    Is,
    IsNot,
    As,
    /// Every comparison-like operator with its case variant (`-eq`, `-ieq`, `-ceq`, ...).
    Compare(CompareOp, CaseMode),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
    Replace,
    Split,
}

/// `-eq` is `Default` (case-insensitive), `-ieq` is `Insensitive`, `-ceq` is `Sensitive`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMode {
    Default,
    Insensitive,
    Sensitive,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-not` and `!`
    Not,
    Negate,
    Plus,
    BitNot,
    PreIncrement,
    PreDecrement,
    PostIncrement,
    PostDecrement,
    /// Unary comma: `,$x` makes a one-element array.
    Comma,
    /// `-join $list`
    Join,
    /// `-split $text`
    Split,
}

impl ScriptBlockAst {
    /// The source text between the braces (what `$sb.ToString()` gives), or the whole script.
    pub fn text(&self) -> &str {
        let text = self.source.slice(self.span);
        text.strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or(text)
    }
}

/// `enum Name [: type] { ... }` or `class Name [: Base] { ... }`, with the attributes written
/// before it (`[Flags()]`). PowerShell defines the types of a whole script before running any
/// of it, so the parser also lists them on the script (`ScriptBlockAst::type_definitions`).
#[derive(Debug)]
pub struct TypeDefinition {
    pub name: String,
    pub name_span: Span,
    pub attributes: Vec<Attribute>,
    pub kind: TypeDefinitionKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum TypeDefinitionKind {
    Enum {
        /// `: byte`; `None` for Int32.
        underlying: Option<TypeName>,
        members: Vec<EnumMember>,
    },
    Class {
        /// `: Base, IInterface`: the types after the colon, in order.
        bases: Vec<TypeName>,
        properties: Vec<PropertyMember>,
        methods: Vec<MethodMember>,
    },
}

/// `Name` or `Name = expression` in an enum.
#[derive(Debug)]
pub struct EnumMember {
    pub name: String,
    pub value: Option<Expr>,
    pub span: Span,
}

/// `[hidden] [static] [type] $Name [= default]` in a class.
#[derive(Debug)]
pub struct PropertyMember {
    pub name: String,
    pub type_name: Option<TypeName>,
    pub is_static: bool,
    pub hidden: bool,
    pub default: Option<Expr>,
    pub span: Span,
}

/// A method or constructor: `[static] [type] Name(params) [: base(args)] { body }`.
#[derive(Debug)]
pub struct MethodMember {
    pub name: String,
    pub name_span: Span,
    /// The return type written before the name; `None` for a constructor or an untyped method
    /// (which returns nothing, as `[void]`).
    pub return_type: Option<TypeName>,
    pub is_static: bool,
    pub hidden: bool,
    pub is_constructor: bool,
    pub parameters: Vec<ParamDecl>,
    /// `: base(args)` on a constructor.
    pub base_args: Option<Vec<Expr>>,
    pub body: Rc<ScriptBlockAst>,
    pub span: Span,
}

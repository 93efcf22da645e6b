//! `enum` and `class` definitions (PowerShell's `EnumDefinitionRule`, `ClassDefinitionRule`,
//! `ClassMemberRule` and `MethodDeclarationRule`): names, underlying and base types, members,
//! constructors with `: base(...)`. The checks that need the whole definition (duplicate members,
//! enum values, return paths) are in `semantic.rs`; this file must not evaluate anything.

use std::rc::Rc;

use super::ast::{
    Attribute, EnumMember, Expr, MethodMember, PropertyMember, Statement, StatementKind,
    TypeDefinition, TypeDefinitionKind, TypeName,
};
use super::expression::AttributeOrType;
use super::messages as msg;
use super::parser::{Parser, after, placeholder_statement};
use super::span::Span;
use super::statement::statement;
use super::token::{Keyword, Mode, Tok, Token};

impl Parser<'_> {
    /// After the `enum` or `class` keyword (and the attributes written before it).
    pub fn type_definition(&mut self, attributes: Vec<Attribute>, keyword: &Token) -> Statement {
        let is_enum = keyword.kind.is_keyword(Keyword::Enum);
        self.skip_newlines();
        let Some((name, name_span)) = self.simple_name() else {
            let text = self.token_text(keyword).to_string();
            self.incomplete(
                after(keyword.span),
                msg::MISSING_NAME_AFTER_KEYWORD,
                &[&text],
            );
            return placeholder_statement(keyword.span);
        };
        let start = attributes.first().map_or(keyword.span, |a| a.span);
        let keyword_text = if is_enum { "enum" } else { "class" };
        self.with_mode(Mode::Expression, |p| {
            p.skip_newlines();
            let mut bases = Vec::new();
            let colon = p.peek().clone();
            if matches!(colon.kind, Tok::Colon) {
                p.skip();
                p.skip_newlines();
                let mut comma: Option<Span> = None;
                loop {
                    let Some(t) = p.type_name_only() else {
                        let at = comma.unwrap_or(colon.span);
                        p.incomplete(after(at), msg::TYPE_NAME_EXPECTED, &[]);
                        break;
                    };
                    bases.push(t);
                    if is_enum {
                        break;
                    }
                    p.skip_newlines();
                    let c = p.peek().clone();
                    if !matches!(c.kind, Tok::Comma) {
                        break;
                    }
                    p.skip();
                    p.skip_newlines();
                    comma = Some(c.span);
                }
            }
            if is_enum
                && let Some(t) = bases.first()
                && !is_integral_type(&t.name)
            {
                p.error(t.span, msg::INVALID_UNDERLYING_TYPE, &[&t.name]);
            }
            p.skip_newlines();
            let lcurly = p.next_token();
            if !matches!(lcurly.kind, Tok::LCurly) {
                p.unget(lcurly);
                let last = bases.last().map_or(name_span, |b| b.span);
                p.incomplete(after(last), msg::MISSING_TYPE_BODY, &[keyword_text]);
                return placeholder_statement(keyword.span.to(last));
            }
            let kind = if is_enum {
                TypeDefinitionKind::Enum {
                    underlying: bases.into_iter().next(),
                    members: p.nested(lcurly.span, |p| p.enum_members()),
                }
            } else {
                let (properties, methods) = p.nested(lcurly.span, |p| p.class_members(&name));
                TypeDefinitionKind::Class {
                    bases,
                    properties,
                    methods,
                }
            };
            let rcurly = p.next_token();
            let end = if matches!(rcurly.kind, Tok::RCurly) {
                rcurly.span
            } else {
                let detected = rcurly.span;
                p.unget(rcurly);
                p.incomplete_at(after(lcurly.span), detected, msg::MISSING_END_CURLY, &[]);
                lcurly.span
            };
            let span = start.to(end);
            let def = Rc::new(TypeDefinition {
                name,
                name_span,
                attributes,
                kind,
                span,
            });
            p.type_definitions.push(def.clone());
            statement(StatementKind::TypeDefinition(def), span)
        })
    }

    /// `[type]` alone, as written after `:` (a base class or an enum's underlying type).
    fn type_name_only(&mut self) -> Option<TypeName> {
        self.type_name_rule()
    }

    fn enum_members(&mut self) -> Vec<EnumMember> {
        let mut members = Vec::new();
        loop {
            self.skip_newlines();
            let Some((name, name_span)) = self.simple_name() else {
                break;
            };
            let mut end = name_span;
            let mut value = None;
            let mut missing = false;
            if matches!(self.peek().kind, Tok::Equals) {
                let eq = self.next_token();
                match self.expression_rule() {
                    Some(e) => {
                        end = e.span;
                        value = Some(e);
                    }
                    None => {
                        self.error(after(eq.span), msg::EXPECTED_VALUE_EXPRESSION, &["="]);
                        end = eq.span;
                        missing = true;
                    }
                }
            }
            self.member_terminator(end, missing);
            members.push(EnumMember {
                name,
                value,
                span: name_span.to(end),
            });
        }
        members
    }

    /// A newline, `;` or `}` must follow a property or an enum member.
    fn member_terminator(&mut self, end: Span, quiet: bool) {
        let t = self.peek().clone();
        if !matches!(t.kind, Tok::NewLine | Tok::Semi | Tok::RCurly) && !quiet {
            self.incomplete(after(end), msg::MISSING_PROPERTY_TERMINATOR, &[]);
        }
        self.skip_newlines_and_semicolons();
    }

    fn class_members(&mut self, class_name: &str) -> (Vec<PropertyMember>, Vec<MethodMember>) {
        let mut properties = Vec::new();
        let mut methods = Vec::new();
        loop {
            let mut start: Option<Span> = None;
            let mut type_name: Option<TypeName> = None;
            let mut is_static: Option<Span> = None;
            let mut hidden: Option<Span> = None;
            let mut last: Option<Span> = None;
            let token = loop {
                self.skip_newlines();
                if let Some(a) = self.attribute_rule() {
                    start.get_or_insert(a.span());
                    last = Some(a.span());
                    match a {
                        AttributeOrType::Attribute(_) => {}
                        AttributeOrType::Type(t, at) => {
                            if type_name.is_none() {
                                type_name = Some(t);
                            } else {
                                self.error(at, msg::TOO_MANY_TYPES, &[]);
                            }
                        }
                    }
                    continue;
                }
                let t = self.peek().clone();
                start.get_or_insert(t.span);
                let word = match &t.kind {
                    Tok::Identifier(w) => w.to_ascii_lowercase(),
                    _ => String::new(),
                };
                let slot = match word.as_str() {
                    "static" => &mut is_static,
                    "hidden" => &mut hidden,
                    _ => break t,
                };
                if slot.is_some() {
                    let text = self.token_text(&t).to_string();
                    self.error(t.span, msg::DUPLICATE_QUALIFIER, &[&text]);
                }
                *slot = Some(t.span);
                last = Some(t.span);
                self.skip();
            };
            let start = start.unwrap_or(token.span);
            match &token.kind {
                Tok::Variable { var, .. } => {
                    self.skip();
                    let mut default = None;
                    if matches!(self.peek().kind, Tok::Equals) {
                        self.skip();
                        self.skip_newlines();
                        default = self.expression_rule();
                    }
                    let end = default.as_ref().map_or(token.span, |d| d.span);
                    self.member_terminator(end, false);
                    if !var.name.is_empty() {
                        properties.push(PropertyMember {
                            name: var.name.clone(),
                            type_name,
                            is_static: is_static.is_some(),
                            hidden: hidden.is_some(),
                            default,
                            span: start.to(end),
                        });
                    }
                }
                Tok::Identifier(name) => {
                    let name = name.clone();
                    self.skip();
                    match self.method_declaration(&token, name, class_name, is_static.is_some()) {
                        Some(mut m) => {
                            m.return_type = type_name;
                            m.hidden = hidden.is_some();
                            m.span = start.to(m.span);
                            methods.push(m);
                        }
                        None => {
                            self.sync_to_closing_curly_of_member();
                            break;
                        }
                    }
                }
                _ => {
                    if let Some(at) = last {
                        self.incomplete(after(at), msg::INCOMPLETE_MEMBER_DEFINITION, &[]);
                    }
                    break;
                }
            }
        }
        (properties, methods)
    }

    /// Error recovery after a broken method: skip to the `}` that closes the class (pwsh's
    /// `SyncOnError` on `}`), leaving it to be read.
    fn sync_to_closing_curly_of_member(&mut self) {
        let mut depth = 0usize;
        loop {
            let t = self.peek().clone();
            match t.kind {
                Tok::Eof => return,
                Tok::LCurly | Tok::AtCurly => depth += 1,
                Tok::RCurly => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            self.skip();
        }
    }

    /// `Name(params) [: base(args)] { body }` after the name.
    fn method_declaration(
        &mut self,
        name_token: &Token,
        name: String,
        class_name: &str,
        is_static: bool,
    ) -> Option<MethodMember> {
        let mut end_error: Option<Span> = None;
        let mut rparen_span: Option<Span> = None;
        let mut parameters = Vec::new();
        if matches!(self.peek().kind, Tok::LParen) {
            let lparen = self.next_token();
            parameters = self.nested(lparen.span, |p| p.parameter_list_rule());
            self.skip_newlines();
            let rparen = self.next_token();
            if matches!(rparen.kind, Tok::RParen) {
                rparen_span = Some(rparen.span);
            } else {
                self.unget(rparen);
                let at = parameters.last().map_or(lparen.span, |d| d.span);
                end_error = Some(at);
                self.incomplete(after(at), msg::MISSING_END_PAREN_IN_PARAMETER_LIST, &[]);
            }
        } else {
            self.incomplete(
                after(name_token.span),
                msg::MISSING_METHOD_PARAMETER_LIST,
                &[],
            );
        }
        let is_constructor = name.eq_ignore_ascii_case(class_name) && !is_static;
        let mut base_args = None;
        if is_constructor && end_error.is_none() {
            self.skip_newlines();
            let colon = self.peek().clone();
            if matches!(colon.kind, Tok::Colon) {
                self.skip();
                self.skip_newlines();
                let base = self.peek().clone();
                let is_base =
                    matches!(&base.kind, Tok::Identifier(w) if w.eq_ignore_ascii_case("base"));
                if is_base {
                    self.skip();
                    self.skip_newlines();
                    if matches!(self.peek().kind, Tok::LParen) {
                        let lparen = self.next_token();
                        base_args = Some(self.nested(lparen.span, |p| p.base_arguments(&lparen)));
                        self.skip_newlines();
                    } else {
                        end_error = Some(base.span);
                        self.incomplete(after(base.span), msg::MISSING_METHOD_PARAMETER_LIST, &[]);
                    }
                } else {
                    end_error = Some(colon.span);
                    self.incomplete(after(colon.span), msg::MISSING_BASE_CTOR_CALL, &[]);
                }
            }
        }
        self.skip_newlines();
        let lcurly = self.next_token();
        if !matches!(lcurly.kind, Tok::LCurly) {
            self.unget(lcurly.clone());
            if end_error.is_none() {
                let at = rparen_span.unwrap_or(name_token.span);
                self.incomplete(after(at), msg::MISSING_FUNCTION_BODY, &[]);
                end_error = Some(at);
            }
        }
        if end_error.is_some() {
            return None;
        }
        let body = self.with_mode(Mode::Command, |p| {
            p.nested(lcurly.span, |p| p.script_block_rule(Some(&lcurly)))
        });
        let span = name_token.span.to(body.span);
        Some(MethodMember {
            name,
            name_span: name_token.span,
            return_type: None,
            is_static,
            hidden: false,
            is_constructor,
            parameters,
            base_args,
            body: Rc::new(body),
            span,
        })
    }

    /// `(a, b)` after `base`: the arguments, up to and including `)`.
    fn base_arguments(&mut self, lparen: &Token) -> Vec<Expr> {
        let mut args = Vec::new();
        let old = self.disable_comma;
        self.disable_comma = true;
        let mut last = lparen.span;
        loop {
            self.skip_newlines();
            if matches!(self.peek().kind, Tok::RParen) {
                break;
            }
            let Some(e) = self.expression_rule() else {
                break;
            };
            last = e.span;
            args.push(e);
            self.skip_newlines();
            if !matches!(self.peek().kind, Tok::Comma) {
                break;
            }
            let comma = self.next_token();
            last = comma.span;
        }
        self.disable_comma = old;
        self.skip_newlines();
        let rparen = self.next_token();
        if !matches!(rparen.kind, Tok::RParen) {
            self.unget(rparen);
            self.incomplete(after(last), msg::MISSING_END_PAREN_IN_METHOD_CALL, &[]);
        }
        args
    }
}

/// The types an enum may be based on (pwsh's ValidUnderlyingTypeCodes), as written.
fn is_integral_type(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let short = lower.strip_prefix("system.").unwrap_or(&lower);
    matches!(
        short,
        "byte"
            | "sbyte"
            | "short"
            | "int16"
            | "ushort"
            | "uint16"
            | "int"
            | "int32"
            | "uint"
            | "uint32"
            | "long"
            | "int64"
            | "ulong"
            | "uint64"
    )
}

/// The full .NET name of an enum's underlying type as written (`byte` is `System.Byte`).
pub(crate) fn underlying_full_name(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    let short = lower.strip_prefix("system.").unwrap_or(&lower);
    match short {
        "byte" => "System.Byte",
        "sbyte" => "System.SByte",
        "short" | "int16" => "System.Int16",
        "ushort" | "uint16" => "System.UInt16",
        "uint" | "uint32" => "System.UInt32",
        "long" | "int64" => "System.Int64",
        "ulong" | "uint64" => "System.UInt64",
        _ => "System.Int32",
    }
}

/// PowerShell's short name for an enum's underlying type, as its messages write it.
fn underlying_short_name(full: &str) -> &'static str {
    match full {
        "System.Byte" => "byte",
        "System.SByte" => "sbyte",
        "System.Int16" => "short",
        "System.UInt16" => "ushort",
        "System.UInt32" => "uint",
        "System.Int64" => "long",
        "System.UInt64" => "ulong",
        _ => "int",
    }
}

/// The range of an underlying type.
fn underlying_range(full: &str) -> (i128, i128) {
    match full {
        "System.Byte" => (0, u8::MAX as i128),
        "System.SByte" => (i8::MIN as i128, i8::MAX as i128),
        "System.Int16" => (i16::MIN as i128, i16::MAX as i128),
        "System.UInt16" => (0, u16::MAX as i128),
        "System.UInt32" => (0, u32::MAX as i128),
        "System.Int64" => (i64::MIN as i128, i64::MAX as i128),
        "System.UInt64" => (0, u64::MAX as i128),
        _ => (i32::MIN as i128, i32::MAX as i128),
    }
}

/// A folded constant (pwsh's `IsConstantValueVisitor` and constant folding).
enum Const {
    Int(i128),
    Float(f64),
    Text(String),
}

/// What is wrong with an enum member's value expression.
pub(crate) enum EnumValueError {
    NotConstant(Span),
    CannotConvert(Span, &'static str),
    OutOfBounds(Span, &'static str),
}

/// An enum's underlying type's full .NET name (`System.Int32` when none is written).
pub fn enum_underlying(def: &TypeDefinition) -> &'static str {
    match &def.kind {
        TypeDefinitionKind::Enum {
            underlying: Some(t),
            ..
        } => underlying_full_name(&t.name),
        _ => "System.Int32",
    }
}

/// True when the enum is marked `[Flags()]` (or `[System.FlagsAttribute()]`).
pub fn enum_is_flags(def: &TypeDefinition) -> bool {
    def.attributes.iter().any(|a| {
        let lower = a.name.to_ascii_lowercase();
        let short = lower.strip_prefix("system.").unwrap_or(&lower);
        short == "flags" || short == "flagsattribute"
    })
}

/// An enum's members with their values: a written value is folded as a constant, an omitted
/// one is the previous value plus one (the first is 0). A value in error counts as 0.
pub fn enum_values(def: &TypeDefinition) -> Vec<(String, i64)> {
    enum_values_checked(def).0
}

pub(crate) fn enum_values_checked(
    def: &TypeDefinition,
) -> (Vec<(String, i64)>, Vec<EnumValueError>) {
    let TypeDefinitionKind::Enum { members, .. } = &def.kind else {
        return (Vec::new(), Vec::new());
    };
    let underlying = enum_underlying(def);
    let short = underlying_short_name(underlying);
    let (min, max) = underlying_range(underlying);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut next: i128 = 0;
    for m in members {
        let value = match &m.value {
            None => next,
            Some(e) => match fold(e) {
                Err(at) => {
                    errors.push(EnumValueError::NotConstant(at));
                    0
                }
                Ok(c) => {
                    let number = match c {
                        Const::Int(i) => Some(i),
                        Const::Float(f) if f.is_finite() => Some(f.round_ties_even() as i128),
                        Const::Float(_) => None,
                        Const::Text(t) => t.trim().parse::<i128>().ok(),
                    };
                    match number {
                        None => {
                            errors.push(EnumValueError::CannotConvert(e.span, short));
                            0
                        }
                        Some(n) if n < min || n > max => {
                            errors.push(EnumValueError::OutOfBounds(e.span, short));
                            0
                        }
                        Some(n) => n,
                    }
                }
            },
        };
        out.push((m.name.clone(), value as i64));
        next = value + 1;
    }
    (out, errors)
}

/// Folds a constant expression; Err gives the part that is not constant.
fn fold(e: &Expr) -> Result<Const, Span> {
    use super::ast::{BinaryOp, ExprKind, Number, UnaryOp};
    match &e.kind {
        ExprKind::Number(n) => Ok(match n {
            Number::SByte(v) => Const::Int(*v as i128),
            Number::Byte(v) => Const::Int(*v as i128),
            Number::Int16(v) => Const::Int(*v as i128),
            Number::UInt16(v) => Const::Int(*v as i128),
            Number::Int32(v) => Const::Int(*v as i128),
            Number::UInt32(v) => Const::Int(*v as i128),
            Number::Int64(v) => Const::Int(*v as i128),
            Number::UInt64(v) => Const::Int(*v as i128),
            Number::Double(v) => Const::Float(*v),
            Number::Decimal(v) => Const::Float(v.to_string().parse().unwrap_or(f64::NAN)),
            Number::BigInt(v) => match i128::try_from(v) {
                Ok(i) => Const::Int(i),
                Err(_) => Const::Float(f64::INFINITY),
            },
        }),
        ExprKind::StringLiteral { value, .. } => Ok(Const::Text(value.clone())),
        ExprKind::Paren(s) => match &s.kind {
            StatementKind::Pipeline(p) => match p.elements.as_slice() {
                [only] if only.redirections.is_empty() => match &only.kind {
                    super::ast::ElementKind::Expression(x) => fold(x),
                    _ => Err(e.span),
                },
                _ => Err(e.span),
            },
            _ => Err(e.span),
        },
        ExprKind::Unary { op, operand, .. } => {
            let v = fold(operand)?;
            match (op, v) {
                (UnaryOp::Negate, Const::Int(i)) => Ok(Const::Int(-i)),
                (UnaryOp::Negate, Const::Float(f)) => Ok(Const::Float(-f)),
                (UnaryOp::Plus, v) => Ok(v),
                (UnaryOp::BitNot, Const::Int(i)) => Ok(Const::Int(!i)),
                (UnaryOp::Not, Const::Int(i)) => Ok(Const::Int((i == 0) as i128)),
                _ => Err(e.span),
            }
        }
        ExprKind::Binary {
            op, left, right, ..
        } => {
            let l = fold(left)?;
            let r = fold(right)?;
            let (Const::Int(a), Const::Int(b)) = (&l, &r) else {
                let f = |c: &Const| match c {
                    Const::Int(i) => Some(*i as f64),
                    Const::Float(f) => Some(*f),
                    Const::Text(_) => None,
                };
                let (Some(a), Some(b)) = (f(&l), f(&r)) else {
                    return Err(e.span);
                };
                return match op {
                    BinaryOp::Add => Ok(Const::Float(a + b)),
                    BinaryOp::Subtract => Ok(Const::Float(a - b)),
                    BinaryOp::Multiply => Ok(Const::Float(a * b)),
                    BinaryOp::Divide => Ok(Const::Float(a / b)),
                    _ => Err(e.span),
                };
            };
            let (a, b) = (*a, *b);
            let v = match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Subtract => a.checked_sub(b),
                BinaryOp::Multiply => a.checked_mul(b),
                BinaryOp::Divide => {
                    if b == 0 {
                        return Err(e.span);
                    }
                    if a % b != 0 {
                        return Ok(Const::Float(a as f64 / b as f64));
                    }
                    Some(a / b)
                }
                BinaryOp::Remainder => a.checked_rem(b),
                BinaryOp::BitAnd => Some(a & b),
                BinaryOp::BitOr => Some(a | b),
                BinaryOp::BitXor => Some(a ^ b),
                BinaryOp::ShiftLeft => Some(((a as i64) << (b & 63)) as i128),
                BinaryOp::ShiftRight => Some(((a as i64) >> (b & 63)) as i128),
                _ => return Err(e.span),
            };
            v.map(Const::Int).ok_or(e.span)
        }
        _ => Err(e.span),
    }
}

//! Turns a script's `function` (or a script's own `param()` block) into a command definition,
//! so script functions bind exactly like cmdlets: positions, `[Parameter(Mandatory)]`, aliases,
//! validation attributes and `[CmdletBinding()]`.

use std::rc::Rc;

use crate::runtime::conversion::param_type_for;
use crate::runtime::{BoundParameters, CommandContext, Flow};
use crate::runtime::{CmdletDef, Implementation};
use crate::syntax::ast::{
    Attribute, Expr, ExprKind, FunctionDef, ParamDecl, ScriptBlockAst, UnaryOp,
};
use crate::vocab::{AllowKind, Name, ParamDef, ParamType, Validation, types};

/// Never called: functions run through `Implementation::Function`.
fn no_handler(_: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    Ok(())
}

/// A constant attribute argument (`$true`, `1`, `'x'`, `-1`).
fn constant(expr: &Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Variable(v) => match v.name.to_ascii_lowercase().as_str() {
            "true" => Some("true".into()),
            "false" => Some("false".into()),
            "null" => Some(String::new()),
            _ => None,
        },
        ExprKind::Number(n) => Some(n.text()),
        ExprKind::StringLiteral { value, .. } => Some(value.clone()),
        ExprKind::Unary {
            op: UnaryOp::Negate,
            operand,
            ..
        } => constant(operand).map(|c| format!("-{c}")),
        ExprKind::ArrayLiteral(items) => Some(
            items
                .iter()
                .filter_map(constant)
                .collect::<Vec<_>>()
                .join("\u{1f}"),
        ),
        _ => None,
    }
}

fn flag(value: &Option<Expr>) -> bool {
    match value {
        None => true,
        Some(e) => constant(e).is_some_and(|c| c != "false" && c != "0" && !c.is_empty()),
    }
}

fn named<'a>(attr: &'a Attribute, name: &str) -> Option<&'a Option<Expr>> {
    attr.named
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// An attribute's positional arguments that are integer constants (`[ValidateRange(1, 5)]`).
fn int_arguments(attr: &Attribute) -> Vec<i64> {
    attr.positional
        .iter()
        .filter_map(constant)
        .filter_map(|c| c.parse().ok())
        .collect()
}

fn is_attr(attr: &Attribute, name: &str) -> bool {
    let n = attr.name.to_ascii_lowercase();
    n == name || n == format!("{name}attribute") || n.ends_with(&format!(".{name}"))
}

fn param_type(decl: &ParamDecl) -> ParamType {
    match &decl.type_constraint {
        Some(t) => param_type_for(&t.name).unwrap_or(types::OBJECT),
        None => types::OBJECT,
    }
}

/// Builds the parameters of a param list; returns them and whether the list makes the command
/// advanced.
fn parameters(decls: &[ParamDecl]) -> (Vec<ParamDef>, bool) {
    let mut advanced = false;
    let any_position = decls.iter().any(|d| {
        d.attributes
            .iter()
            .any(|a| is_attr(a, "parameter") && named(a, "Position").is_some())
    });
    let mut params = Vec::new();
    let mut next_position = 0u32;
    for decl in decls {
        let ty = param_type(decl);
        let mut p = ParamDef::new(Name::Owned(decl.name.clone()), ty);
        let mut position: Option<u32> = None;
        let mut set: Option<String> = None;
        let mut mandatory = false;
        let mut by_value = false;
        let mut by_name = false;
        let mut remaining = false;
        let mut help = None;
        for attr in &decl.attributes {
            let validations_before = p.validations.len();
            if is_attr(attr, "parameter") {
                advanced = true;
                mandatory |= named(attr, "Mandatory").is_some_and(flag);
                by_value |= named(attr, "ValueFromPipeline").is_some_and(flag);
                by_name |= named(attr, "ValueFromPipelineByPropertyName").is_some_and(flag);
                remaining |= named(attr, "ValueFromRemainingArguments").is_some_and(flag);
                if let Some(Some(e)) = named(attr, "Position") {
                    position = constant(e).and_then(|c| c.parse().ok());
                }
                if let Some(Some(e)) = named(attr, "ParameterSetName") {
                    set = constant(e);
                }
                if let Some(Some(e)) = named(attr, "HelpMessage") {
                    help = constant(e);
                }
            } else if is_attr(attr, "alias") {
                for a in &attr.positional {
                    if let Some(c) = constant(a) {
                        for name in c.split('\u{1f}') {
                            p = p.alias(Name::Owned(name.to_string()));
                        }
                    }
                }
            } else if is_attr(attr, "allownull") {
                p.validations.push(Validation::Allow(AllowKind::Null));
            } else if is_attr(attr, "allowemptystring") {
                p.validations
                    .push(Validation::Allow(AllowKind::EmptyString));
            } else if is_attr(attr, "allowemptycollection") {
                p.validations
                    .push(Validation::Allow(AllowKind::EmptyCollection));
            } else if is_attr(attr, "validatenotnullorempty") {
                p.validations.push(Validation::NotNullOrEmpty);
            } else if is_attr(attr, "validatenotnull") {
                p.validations.push(Validation::NotNull);
            } else if is_attr(attr, "validateset") {
                let allowed: Vec<String> = attr
                    .positional
                    .iter()
                    .filter_map(constant)
                    .flat_map(|c| c.split('\u{1f}').map(str::to_string).collect::<Vec<_>>())
                    .collect();
                p.validations.push(Validation::Set(allowed));
            } else if is_attr(attr, "validaterange") {
                let nums = int_arguments(attr);
                if let [lo, hi] = nums[..] {
                    p.validations.push(Validation::Range(lo, hi));
                } else if let [Some(kind)] = attr
                    .positional
                    .iter()
                    .map(constant)
                    .collect::<Vec<_>>()
                    .as_slice()
                    && nums.is_empty()
                {
                    p.validations.push(Validation::RangeKind(kind.clone()));
                }
            } else if is_attr(attr, "validatepattern") {
                if let Some(pattern) = attr.positional.first().and_then(constant) {
                    p.validations.push(Validation::Pattern(pattern));
                }
            } else if is_attr(attr, "validatelength") || is_attr(attr, "validatecount") {
                let nums = int_arguments(attr);
                if let [lo, hi] = nums[..] {
                    p.validations.push(if is_attr(attr, "validatelength") {
                        Validation::Length(lo, hi)
                    } else {
                        Validation::Count(lo, hi)
                    });
                }
            } else if is_attr(attr, "validatescript")
                && let Some(ExprKind::ScriptBlock(sb)) = attr.positional.first().map(|e| &e.kind)
            {
                p.validations
                    .push(Validation::Script(sb.text().to_string()));
            }
            // `ErrorMessage = '...'` replaces the stock text of the validation just added.
            if p.validations.len() > validations_before
                && let Some(Some(e)) = named(attr, "ErrorMessage")
                && let Some(message) = constant(e)
                && let Some(last) = p.validations.pop()
            {
                p.validations
                    .push(Validation::WithMessage(Box::new(last), message));
            }
        }
        if let Some(s) = set {
            p.sets[0].set = Some(Name::Owned(s));
        }
        // A ValueFromRemainingArguments parameter takes what no position takes.
        p.remaining = remaining;
        let positional = p.ty.kind != crate::vocab::ParamKind::Switch
            && !remaining
            && (!any_position || position.is_some());
        if positional {
            p.sets[0].position = Some(position.unwrap_or(next_position));
            next_position += 1;
        }
        p.sets[0].mandatory = mandatory;
        p.sets[0].from_pipeline = by_value;
        p.sets[0].from_pipeline_by_property_name = by_name;
        if let Some(h) = help {
            p.help = Name::Owned(h);
        }
        params.push(p);
    }
    (params, advanced)
}

fn build(
    name: String,
    decls: &[ParamDecl],
    body: &ScriptBlockAst,
    implementation: Implementation,
) -> CmdletDef {
    let (params, mut advanced) = parameters(decls);
    let mut should_process = false;
    let mut impact = crate::vocab::ConfirmImpact::Medium;
    let mut default_set: Option<String> = None;
    for attr in &body.attributes {
        if is_attr(attr, "cmdletbinding") {
            advanced = true;
            should_process |= named(attr, "SupportsShouldProcess").is_some_and(flag);
            if let Some(Some(e)) = named(attr, "DefaultParameterSetName") {
                default_set = constant(e);
            }
            if let Some(Some(e)) = named(attr, "ConfirmImpact")
                && let Some(i) = constant(e).and_then(|c| crate::vocab::ConfirmImpact::parse(&c))
            {
                impact = i;
            }
        }
    }
    let mut def = CmdletDef::new(Name::Owned(name.clone()), "", no_handler);
    def.class_name = Name::Owned(name);
    def.params = params;
    def.advanced = advanced;
    def.supports_should_process = should_process;
    def.confirm_impact = impact;
    def.default_set = default_set.map(Name::Owned);
    def.pipeline = crate::vocab::PipelineMode::PerRecord;
    def.fidelity = crate::vocab::Fidelity::EmulatorOnly;
    def.implementation = implementation;
    def
}

/// The command a `function` statement defines.
pub fn function_definition(f: Rc<FunctionDef>) -> CmdletDef {
    let decls: &[ParamDecl] = match &f.body.param_block {
        Some(pb) => &pb.params,
        None => &f.parameters,
    };
    build(
        f.name.clone(),
        decls,
        &f.body,
        Implementation::Function(f.clone()),
    )
}

/// For the command of a script block (`function_definition_for_block`, not a `function`
/// statement): the block's text between its braces.
pub fn block_text(def: &CmdletDef) -> Option<String> {
    let Implementation::Function(f) = &def.implementation else {
        return None;
    };
    // A `function` statement's extent is wider than its body; a block's is the body itself.
    if f.span != f.body.span {
        return None;
    }
    let text = f.body.source.slice(f.body.span);
    let inner = text
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(text);
    Some(inner.to_string())
}

/// A command for a script file or script block, from its own `param()` block.
pub fn function_definition_for_block(sb: &Rc<ScriptBlockAst>) -> CmdletDef {
    let f = Rc::new(FunctionDef {
        name: sb
            .source
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        name_span: sb.span,
        is_filter: false,
        parameters: Vec::new(),
        body: sb.clone(),
        span: sb.span,
    });
    let decls: &[ParamDecl] = match &sb.param_block {
        Some(pb) => &pb.params,
        None => &[],
    };
    build(
        f.name.clone(),
        decls,
        sb,
        Implementation::Function(f.clone()),
    )
}

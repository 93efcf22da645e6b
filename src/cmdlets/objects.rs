//! Object pipeline cmdlets: ForEach-Object, Where-Object, Select-Object, Sort-Object,
//! Measure-Object, Group-Object. Script blocks run in the caller's scope with `$_` set, as in
//! pwsh, so `$count++` inside ForEach-Object counts.

use std::rc::Rc;

use crate::runtime::CmdletDef;
use crate::runtime::operators::{sort_order, values_equal, wildcard_match};
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, Flow, Hashtable, PsObject, Value, collapse,
};
use crate::syntax::ast::{CaseMode, CompareOp, ScriptBlockAst};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

/// Where-Object's comparison switches: (parameter, operator, case).
const WHERE_OPERATORS: &[(&str, CompareOp, CaseMode)] = &[
    ("EQ", CompareOp::Eq, CaseMode::Default),
    ("CEQ", CompareOp::Eq, CaseMode::Sensitive),
    ("NE", CompareOp::Ne, CaseMode::Default),
    ("CNE", CompareOp::Ne, CaseMode::Sensitive),
    ("GT", CompareOp::Gt, CaseMode::Default),
    ("CGT", CompareOp::Gt, CaseMode::Sensitive),
    ("LT", CompareOp::Lt, CaseMode::Default),
    ("CLT", CompareOp::Lt, CaseMode::Sensitive),
    ("GE", CompareOp::Ge, CaseMode::Default),
    ("CGE", CompareOp::Ge, CaseMode::Sensitive),
    ("LE", CompareOp::Le, CaseMode::Default),
    ("CLE", CompareOp::Le, CaseMode::Sensitive),
    ("Like", CompareOp::Like, CaseMode::Default),
    ("CLike", CompareOp::Like, CaseMode::Sensitive),
    ("NotLike", CompareOp::NotLike, CaseMode::Default),
    ("CNotLike", CompareOp::NotLike, CaseMode::Sensitive),
    ("Match", CompareOp::Match, CaseMode::Default),
    ("CMatch", CompareOp::Match, CaseMode::Sensitive),
    ("NotMatch", CompareOp::NotMatch, CaseMode::Default),
    ("CNotMatch", CompareOp::NotMatch, CaseMode::Sensitive),
    ("Contains", CompareOp::Contains, CaseMode::Default),
    ("CContains", CompareOp::Contains, CaseMode::Sensitive),
    ("NotContains", CompareOp::NotContains, CaseMode::Default),
    ("CNotContains", CompareOp::NotContains, CaseMode::Sensitive),
    ("In", CompareOp::In, CaseMode::Default),
    ("CIn", CompareOp::In, CaseMode::Sensitive),
    ("NotIn", CompareOp::NotIn, CaseMode::Default),
    ("CNotIn", CompareOp::NotIn, CaseMode::Sensitive),
];

/// Where-Object's -FilterScript: shown as ScriptBlock, bound without conversion so that a lone
/// property name (`Where-Object Enabled`) falls through to the comparison form, as pwsh's
/// binder does when the string cannot become a script block.
const FILTER_SCRIPT: ParamType = ParamType::new(
    ParamKind::Object,
    "ScriptBlock",
    "System.Management.Automation.ScriptBlock",
);

pub fn definitions() -> Vec<CmdletDef> {
    let mut where_object = CmdletDef::new("Where-Object", CORE, where_object)
        .class("Microsoft.PowerShell.Commands.WhereObjectCommand")
        .synopsis("Selects objects from a collection based on their property values.")
        .alias("where")
        .alias("?")
        .pipeline(PipelineMode::PerRecord)
        .default_set("ScriptBlockSet")
        .param(
            ParamDef::new("InputObject", types::PSOBJECT)
                .from_pipeline()
                .help("The objects to filter."),
        )
        .param(
            ParamDef::new("FilterScript", FILTER_SCRIPT)
                .sets(&["ScriptBlockSet"])
                .position(0)
                .mandatory()
                .help("The script block that decides, with $_ as the object."),
        )
        .param(
            ParamDef::new("Property", types::STRING)
                .sets(&["ComparisonSet"])
                .position(0)
                .mandatory()
                .help("The property to compare."),
        )
        .param(
            ParamDef::new("Value", types::OBJECT)
                .sets(&["ComparisonSet"])
                .position(1)
                .help("The value to compare the property with."),
        )
        .example(
            "Filter with a script block",
            "Get-CsOnlineUser | Where-Object { $_.ApplicationAccessPolicy -eq \"Bot\" }",
            "Users granted the Bot policy directly.",
        )
        .example(
            "Filter with the comparison form",
            "Get-CsApplicationAccessPolicy | Where-Object Description -like \"*bot*\"",
            "Policies whose description mentions bot.",
        );
    for (name, _, _) in WHERE_OPERATORS {
        where_object = where_object.param(
            ParamDef::new(*name, types::SWITCH)
                .sets(&["ComparisonSet"])
                .help("A comparison operator."),
        );
    }
    vec![
        CmdletDef::new("ForEach-Object", CORE, foreach_process)
            .class("Microsoft.PowerShell.Commands.ForEachObjectCommand")
            .synopsis("Performs an operation against each item in a collection of input objects.")
            .alias("foreach")
            .alias("%")
            .pipeline(PipelineMode::PerRecord)
            .on_begin(foreach_begin)
            .on_end(foreach_end)
            .default_set("ScriptBlockSet")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The input objects."))
            .param(ParamDef::new("Process", types::OBJECT_ARRAY).sets(&["ScriptBlockSet"]).position(0).mandatory().remaining().help("The script block run for each object, with $_ as the object."))
            .param(ParamDef::new("Begin", types::SCRIPTBLOCK).sets(&["ScriptBlockSet"]).help("A script block run before the first object."))
            .param(ParamDef::new("End", types::SCRIPTBLOCK).sets(&["ScriptBlockSet"]).help("A script block run after the last object."))
            .param(ParamDef::new("MemberName", types::STRING).sets(&["PropertyAndMethodSet"]).position(0).mandatory().help("The property to get (or method to call) on each object."))
            .param(ParamDef::new("ArgumentList", types::OBJECT_ARRAY).sets(&["PropertyAndMethodSet"]).alias("Args").help("Arguments for the method named by -MemberName."))
            .example("Grant to every member", "$members | ForEach-Object { Grant-CsApplicationAccessPolicy -PolicyName \"Bot\" -Identity $_.UserPrincipalName }", "Runs the grant once per member."),
        where_object,
        CmdletDef::new("Select-Object", UTILITY, select_object)
            .class("Microsoft.PowerShell.Commands.SelectObjectCommand")
            .synopsis("Selects objects or object properties.")
            .alias("select")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to select from."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("Properties to keep: names, wildcards, or @{Name=...; Expression={...}}."))
            .param(ParamDef::new("ExcludeProperty", types::STRING_ARRAY).help("Properties to leave out."))
            .param(ParamDef::new("ExpandProperty", types::STRING).help("A property whose value (or items) to output instead of the object."))
            .param(ParamDef::new("First", types::INT32).help("How many objects from the start."))
            .param(ParamDef::new("Last", types::INT32).help("How many objects from the end."))
            .param(ParamDef::new("Skip", types::INT32).help("How many objects to skip from the start."))
            .param(ParamDef::new("Unique", types::SWITCH).help("Drops duplicates (case-sensitive, as pwsh)."))
            .param(ParamDef::new("Index", types::OBJECT_ARRAY).help("The positions of the objects to select.")),
        CmdletDef::new("Sort-Object", UTILITY, sort_object)
            .class("Microsoft.PowerShell.Commands.SortObjectCommand")
            .synopsis("Sorts objects by property values.")
            .alias("sort")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to sort."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("Properties (or script blocks) to sort by."))
            .param(ParamDef::new("Descending", types::SWITCH).help("Sorts in descending order."))
            .param(ParamDef::new("Unique", types::SWITCH).help("Drops duplicates."))
            .param(ParamDef::new("CaseSensitive", types::SWITCH).help("Sorts case-sensitively.")),
        CmdletDef::new("Measure-Object", UTILITY, measure_object)
            .class("Microsoft.PowerShell.Commands.MeasureObjectCommand")
            .synopsis("Calculates the numeric properties of objects, and the characters, words, and lines in string objects.")
            .alias("measure")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to measure."))
            .param(ParamDef::new("Property", types::STRING_ARRAY).position(0).help("Numeric properties to measure."))
            .param(ParamDef::new("Sum", types::SWITCH).help("Adds the values."))
            .param(ParamDef::new("Average", types::SWITCH).help("Averages the values."))
            .param(ParamDef::new("Maximum", types::SWITCH).help("The largest value."))
            .param(ParamDef::new("Minimum", types::SWITCH).help("The smallest value."))
            .param(ParamDef::new("StandardDeviation", types::SWITCH).help("The sample standard deviation."))
            .param(ParamDef::new("AllStats", types::SWITCH).help("All of -Sum, -Average, -Maximum, -Minimum and -StandardDeviation.")),
        CmdletDef::new("Group-Object", UTILITY, group_object)
            .class("Microsoft.PowerShell.Commands.GroupObjectCommand")
            .synopsis("Groups objects that contain the same value for specified properties.")
            .alias("group")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to group."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties to group by."))
            .param(ParamDef::new("NoElement", types::SWITCH).help("Leaves the Group property out."))
            .param(ParamDef::new("AsHashTable", types::SWITCH).help("Returns a hashtable of name to group."))
            .param(ParamDef::new("AsString", types::SWITCH).help("Uses string keys with -AsHashTable.")),
    ]
}

/// Runs a script block in the caller's scope with `$_` set to `item`, collecting its output.
pub fn run_with_item(
    ctx: &mut CommandContext<'_>,
    sb: &Rc<ScriptBlockAst>,
    item: &Value,
) -> Result<Vec<Value>, Flow> {
    use crate::runtime::scope::Qualifier;
    let session = &mut *ctx.session;
    // `$_` is the item only while the block runs: the caller's `$_` (a catch block's error
    // record, an outer pipeline's object) comes back afterwards, as in pwsh.
    let saved: Vec<(&str, Option<Value>)> = ["_", "PSItem"]
        .into_iter()
        .map(|n| {
            (
                n,
                session
                    .scopes
                    .target(n, Qualifier::Local)
                    .map(|v| v.value.clone()),
            )
        })
        .collect();
    session.scopes.set("_", item.clone(), Qualifier::Local);
    session.scopes.set("PSItem", item.clone(), Qualifier::Local);
    let mut out = Vec::new();
    let result = session.run_block_here(sb, &mut out);
    for (name, value) in saved {
        match value {
            Some(v) => session.scopes.set(name, v, Qualifier::Local),
            None => {
                session.scopes.remove(name, Qualifier::Local);
            }
        }
    }
    result?;
    Ok(out)
}

fn input_items(ctx: &CommandContext<'_>, b: &BoundParameters) -> Vec<Value> {
    if !ctx.collected.is_empty() {
        return ctx.collected.clone();
    }
    match b.get("InputObject") {
        Some(Value::Null) | None => Vec::new(),
        Some(v) => vec![v.clone()],
    }
}

// ----- ForEach-Object ----------------------------------------------------------------------

/// The -Process blocks, and the begin and end blocks given positionally: with two or more
/// blocks and no -Begin the first is the begin block; with three or more and no -End the last
/// is the end block (pwsh's RemainingScripts rule).
struct Blocks {
    begin: Option<Value>,
    process: Vec<Value>,
    end: Option<Value>,
}

fn blocks(b: &BoundParameters) -> Blocks {
    // Flattened one level: the binder gathers extra positional blocks around the first one.
    let mut process: Vec<Value> = b
        .get("Process")
        .map(Value::enumerate)
        .unwrap_or_default()
        .iter()
        .flat_map(Value::enumerate)
        .collect();
    let all_blocks = process.iter().all(|v| matches!(v, Value::ScriptBlock(_)));
    let mut begin = b.get("Begin").cloned();
    let mut end = b.get("End").cloned();
    if all_blocks && process.len() >= 2 && begin.is_none() {
        begin = Some(process.remove(0));
        if process.len() >= 2 && end.is_none() {
            end = process.pop();
        }
    }
    Blocks {
        begin,
        process,
        end,
    }
}

fn process_blocks(b: &BoundParameters) -> Vec<Value> {
    blocks(b).process
}

fn foreach_begin(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(Value::ScriptBlock(sb)) = blocks(b).begin {
        let out = run_with_item(ctx, &sb, &Value::Null)?;
        ctx.output.extend(out);
    }
    Ok(())
}

fn foreach_end(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(Value::ScriptBlock(sb)) = blocks(b).end {
        let out = run_with_item(ctx, &sb, &Value::Null)?;
        ctx.output.extend(out);
    }
    Ok(())
}

fn foreach_process(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let item = ctx
        .input
        .clone()
        .or_else(|| b.get("InputObject").cloned())
        .unwrap_or(Value::Null);
    // `% Name` binds the name to -Process here (the table types it Object[]): a lone value
    // that is not a script block is the -MemberName form, as pwsh's binder decides.
    let blocks = process_blocks(b);
    let member = b.string("MemberName").or_else(|| match blocks.as_slice() {
        [Value::ScriptBlock(_), ..] | [] => None,
        [first, ..] => Some(first.to_ps_string()),
    });
    if let Some(member) = member {
        let args: Vec<Value> = if b.has("MemberName") {
            b.get("ArgumentList")
                .map(Value::enumerate)
                .unwrap_or_default()
        } else {
            blocks.iter().skip(1).cloned().collect()
        };
        if !args.is_empty() {
            let v = crate::runtime::dotnet::invoke_method(
                ctx.session,
                &item,
                &member,
                args,
                false,
                ctx.command_span,
            )?;
            ctx.write_enumerated(v);
            return Ok(());
        }
        // A property first; otherwise a method of that name is called without arguments.
        if item.property(&member).is_none()
            && let Ok(v) = crate::runtime::dotnet::invoke_method(
                ctx.session,
                &item,
                &member,
                Vec::new(),
                false,
                ctx.command_span,
            )
        {
            ctx.write_enumerated(v);
            return Ok(());
        }
        let v = crate::runtime::dotnet::get_member(
            ctx.session,
            &item,
            &member,
            false,
            ctx.command_span,
        )?;
        ctx.write_enumerated(v);
        return Ok(());
    }
    for block in blocks {
        match block {
            Value::ScriptBlock(sb) => {
                let out = run_with_item(ctx, &sb, &item)?;
                ctx.output.extend(out);
            }
            other => {
                let r = ctx.error(
                    "System.Management.Automation.PSArgumentException",
                    format!("Cannot bind parameter 'Process'. Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".", other.to_ps_string(), other.type_name()),
                    "CannotConvertArgumentNoMessage",
                    ErrorCategory::InvalidArgument,
                );
                return Err(ctx.terminate(r));
            }
        }
    }
    Ok(())
}

// ----- Where-Object ------------------------------------------------------------------------

fn where_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(item) = ctx.input.clone().or_else(|| b.get("InputObject").cloned()) else {
        return Ok(());
    };
    let keep = if let Some(Value::ScriptBlock(sb)) = b.get("FilterScript") {
        collapse(run_with_item(ctx, sb, &item)?).is_truthy()
    } else {
        let prop = b
            .string("Property")
            .or_else(|| b.string("FilterScript"))
            .unwrap_or_default();
        let actual = item.property(&prop).unwrap_or(Value::Null);
        let op = WHERE_OPERATORS.iter().find(|(n, _, _)| b.switch(n));
        match (op, b.get("Value")) {
            (None, _) => actual.is_truthy(),
            (Some((_, op, case)), value) => {
                let value = value.cloned().unwrap_or(Value::Null);
                compare(ctx, *op, *case, &actual, &value)?
            }
        }
    };
    if keep {
        ctx.write_object(item);
    }
    Ok(())
}

fn compare(
    ctx: &mut CommandContext<'_>,
    op: CompareOp,
    case: CaseMode,
    l: &Value,
    r: &Value,
) -> Result<bool, Flow> {
    let cs = case == CaseMode::Sensitive;
    Ok(match op {
        CompareOp::Eq => values_equal(l, r, cs),
        CompareOp::Ne => !values_equal(l, r, cs),
        CompareOp::Like => wildcard_match(&r.to_ps_string(), &l.to_ps_string(), cs),
        CompareOp::NotLike => !wildcard_match(&r.to_ps_string(), &l.to_ps_string(), cs),
        CompareOp::Contains => l.enumerate().iter().any(|x| values_equal(x, r, cs)),
        CompareOp::NotContains => !l.enumerate().iter().any(|x| values_equal(x, r, cs)),
        CompareOp::In => r.enumerate().iter().any(|x| values_equal(x, l, cs)),
        CompareOp::NotIn => !r.enumerate().iter().any(|x| values_equal(x, l, cs)),
        _ => {
            let op_expr = crate::syntax::ast::BinaryOp::Compare(op, case);
            let span = ctx.command_span;
            crate::runtime::operators::binary(ctx.session, op_expr, l.clone(), r.clone(), span)?
                .is_truthy()
        }
    })
}

// ----- Select-Object -----------------------------------------------------------------------

/// One entry of a `-Property` list.
#[derive(Clone)]
pub enum PropertySpec {
    /// A name, possibly with wildcards.
    Name(String),
    /// `@{Name = 'x'; Expression = { ... }}` (or an expression that is a property name).
    Calculated { name: String, expression: Value },
}

/// Reads `-Property` values: strings, and hashtables with Name/N/Label/L and Expression/E.
pub fn property_specs(
    ctx: &CommandContext<'_>,
    value: Option<&Value>,
) -> Result<Vec<PropertySpec>, Flow> {
    let mut specs = Vec::new();
    for v in value.map(Value::enumerate).unwrap_or_default() {
        match &v {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut name = None;
                let mut expression = None;
                for (k, val) in h.iter() {
                    let key = k.to_ps_string().to_ascii_lowercase();
                    if "name".starts_with(&key) || "label".starts_with(&key) {
                        name = Some(val.to_ps_string());
                    } else if "expression".starts_with(&key) {
                        expression = Some(val.clone());
                    } else if !matches!(
                        key.as_str(),
                        "width" | "alignment" | "formatstring" | "align"
                    ) {
                        let r = ctx.error(
                            "System.NotSupportedException",
                            format!("The {} key is not valid.", k.to_ps_string()),
                            "IllegalKey",
                            ErrorCategory::InvalidArgument,
                        );
                        return Err(ctx.terminate(r));
                    }
                }
                let expression = expression.unwrap_or(Value::Null);
                let name = name.unwrap_or_else(|| match &expression {
                    Value::ScriptBlock(sb) => sb.text().trim().to_string(),
                    other => other.to_ps_string(),
                });
                specs.push(PropertySpec::Calculated { name, expression });
            }
            Value::ScriptBlock(sb) => specs.push(PropertySpec::Calculated {
                name: sb.text().trim().to_string(),
                expression: v.clone(),
            }),
            other => specs.push(PropertySpec::Name(other.to_ps_string())),
        }
    }
    Ok(specs)
}

/// The names a value exposes as properties, in order.
pub fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o.borrow().property_names(),
        Value::Hashtable(h) => h.borrow().iter().map(|(k, _)| k.to_ps_string()).collect(),
        Value::String(_) => vec!["Length".into()],
        _ => Vec::new(),
    }
}

/// Evaluates a property list against one object: `(name, value)` pairs.
pub fn compute_properties(
    ctx: &mut CommandContext<'_>,
    item: &Value,
    specs: &[PropertySpec],
) -> Result<Vec<(String, Value)>, Flow> {
    let mut out: Vec<(String, Value)> = Vec::new();
    for spec in specs {
        match spec {
            PropertySpec::Name(pattern) if crate::runtime::operators::has_wildcards(pattern) => {
                for name in property_names(item) {
                    if wildcard_match(pattern, &name, false)
                        && !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name))
                    {
                        let v = item.property(&name).unwrap_or(Value::Null);
                        out.push((name, v));
                    }
                }
            }
            PropertySpec::Name(name) => {
                let span = ctx.command_span;
                // Select-Object reads the object's properties: the engine's scalar
                // `.Count`/`.Length` (1 for any single object) is not one of them, so a
                // folder has no Length here.
                let scalar_member = matches!(item, Value::Object(_))
                    && (name.eq_ignore_ascii_case("Length") || name.eq_ignore_ascii_case("Count"))
                    && !property_names(item)
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(name));
                let v = if scalar_member {
                    Value::Null
                } else {
                    crate::runtime::dotnet::get_member(ctx.session, item, name, false, span)
                        .unwrap_or(Value::Null)
                };
                // Keep the object's own spelling of the name when it has the property.
                let shown = property_names(item)
                    .into_iter()
                    .find(|n| n.eq_ignore_ascii_case(name))
                    .unwrap_or_else(|| name.clone());
                out.push((shown, v));
            }
            PropertySpec::Calculated { name, expression } => {
                let v = match expression {
                    Value::ScriptBlock(sb) => collapse(run_with_item(ctx, sb, item)?),
                    other => item.property(&other.to_ps_string()).unwrap_or(Value::Null),
                };
                out.push((name.clone(), v));
            }
        }
    }
    Ok(out)
}

fn select_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let mut items = input_items(ctx, b);
    if let Some(skip) = b.int("Skip") {
        let n = (skip.max(0) as usize).min(items.len());
        items.drain(..n);
    }
    if let Some(index) = b.get("Index") {
        let picks: Vec<usize> = index
            .enumerate()
            .iter()
            .filter_map(|i| crate::runtime::conversion::to_int(i, "System.Int32").ok())
            .filter_map(|i| usize::try_from(i).ok())
            .collect();
        items = picks
            .into_iter()
            .filter_map(|i| items.get(i).cloned())
            .collect();
    }
    let first = b.int("First").map(|n| n.max(0) as usize);
    let last = b.int("Last").map(|n| n.max(0) as usize);
    if first.is_some() || last.is_some() {
        let mut chosen = Vec::new();
        if let Some(f) = first {
            chosen.extend(items.iter().take(f).cloned());
        }
        if let Some(l) = last {
            let start = items.len().saturating_sub(l);
            chosen.extend(items[start..].iter().cloned());
        }
        items = chosen;
    }
    let specs = property_specs(ctx, b.get("Property"))?;
    let excluded: Vec<String> = b
        .get("ExcludeProperty")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let expand = b.string("ExpandProperty");
    let mut out: Vec<Value> = Vec::new();
    let emit = |out: &mut Vec<Value>, v: Value| out.push(v);
    for item in items {
        if specs.is_empty() && expand.is_none() && excluded.is_empty() {
            emit(&mut out, item);
            continue;
        }
        let specs = if specs.is_empty() && !excluded.is_empty() {
            vec![PropertySpec::Name("*".into())]
        } else {
            specs.clone()
        };
        if let Some(name) = &expand {
            let value = match item.property(name) {
                Some(v) => v,
                None => {
                    let mut r = ctx.error(
                        "System.Management.Automation.PSArgumentException",
                        format!("Property \"{name}\" cannot be found."),
                        "ExpandPropertyNotFound",
                        ErrorCategory::InvalidArgument,
                    );
                    r.target_object = Some(item.clone());
                    r.target_name = ctx.session.stringify(&item);
                    r.target_type = crate::runtime::errors::short_type_name(&item.type_name());
                    ctx.write_error(r)?;
                    continue;
                }
            };
            if specs.is_empty() {
                for v in value.enumerate() {
                    emit(&mut out, v);
                }
            } else {
                // -Property with -ExpandProperty adds the selected properties to each item.
                let props = compute_properties(ctx, &item, &specs)?;
                for v in value.enumerate() {
                    match v {
                        Value::Object(o) => {
                            let mut copy = o.borrow().clone();
                            for (n, pv) in &props {
                                copy.set(n, pv.clone());
                            }
                            emit(&mut out, Value::object(copy));
                        }
                        other => emit(&mut out, other),
                    }
                }
            }
            continue;
        }
        let props = compute_properties(ctx, &item, &specs)?;
        let mut obj = PsObject::new(format!("Selected.{}", item.type_name()));
        obj.type_names
            .push(crate::runtime::value::PSCUSTOMOBJECT.to_string());
        for (n, v) in props {
            if excluded.iter().any(|e| wildcard_match(e, &n, false)) {
                continue;
            }
            obj.set(&n, v);
        }
        emit(&mut out, Value::object(obj));
    }
    // -Unique compares what is written, case-sensitively, by its string form (pwsh compares
    // the selected PSObjects, whose ToString is `@{Name=value}`).
    if b.switch("Unique") {
        let mut seen: Vec<(String, String)> = Vec::new();
        out.retain(|v| {
            let text = match v {
                Value::Object(o) => {
                    let o = o.borrow();
                    let inner: Vec<String> = o
                        .properties()
                        .map(|(n, pv)| {
                            format!(
                                "{n}={}",
                                crate::format::dotnet_to_string(pv, ctx.session.culture)
                            )
                        })
                        .collect();
                    format!("@{{{}}}", inner.join("; "))
                }
                other => crate::format::dotnet_to_string(other, ctx.session.culture),
            };
            let key = (v.type_name(), text);
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
    }
    for v in out {
        ctx.write_object(v);
    }
    Ok(())
}

// ----- Sort-Object -------------------------------------------------------------------------

fn sort_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items = input_items(ctx, b);
    let (property, directions) = sort_directions(b.get("Property"), b.switch("Descending"));
    let specs = property_specs(ctx, property.as_ref())?;
    let cs = b.switch("CaseSensitive");
    let descending_all = b.switch("Descending");
    let mut keyed: Vec<(Vec<Value>, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let keys = if specs.is_empty() {
            vec![item.clone()]
        } else {
            compute_properties(ctx, &item, &specs)?
                .into_iter()
                .map(|(_, v)| v)
                .collect()
        };
        keyed.push((keys, item));
    }
    keyed.sort_by(|a, b| {
        for (i, (x, y)) in a.0.iter().zip(b.0.iter()).enumerate() {
            let o = sort_order(x, y, cs);
            let descending = directions.get(i).copied().unwrap_or(descending_all);
            if o.is_ne() {
                return if descending { o.reverse() } else { o };
            }
        }
        std::cmp::Ordering::Equal
    });
    let mut last: Option<Vec<Value>> = None;
    for (keys, item) in keyed {
        if b.switch("Unique")
            && let Some(prev) = &last
            && prev.len() == keys.len()
            && prev.iter().zip(&keys).all(|(a, b)| values_equal(a, b, cs))
        {
            continue;
        }
        last = Some(keys);
        ctx.write_object(item);
    }
    Ok(())
}

/// Sort-Object's calculated properties may carry `Ascending`/`Descending` keys (any unique
/// prefix, like the other keys): each property's own direction, defaulting to `-Descending`.
/// Returns the property list without those keys, and one direction per entry.
fn sort_directions(property: Option<&Value>, descending: bool) -> (Option<Value>, Vec<bool>) {
    let Some(property) = property else {
        return (None, Vec::new());
    };
    let mut items = Vec::new();
    let mut directions = Vec::new();
    for v in property.enumerate() {
        let mut direction = descending;
        let item = match &v {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut copy = crate::runtime::Hashtable::new(h.ordered);
                for (k, val) in h.iter() {
                    let key = k.to_ps_string().to_ascii_lowercase();
                    if !key.is_empty() && "descending".starts_with(&key) {
                        direction = val.is_truthy();
                    } else if !key.is_empty() && "ascending".starts_with(&key) {
                        direction = !val.is_truthy();
                    } else {
                        copy.insert(k.clone(), val.clone());
                    }
                }
                Value::hashtable(copy)
            }
            other => other.clone(),
        };
        items.push(item);
        directions.push(direction);
    }
    (Some(Value::array(items)), directions)
}

// ----- Measure-Object ----------------------------------------------------------------------

fn measure_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items = input_items(ctx, b);
    let props: Vec<String> = b
        .get("Property")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let wants = |n: &str| b.switch(n) || (b.switch("AllStats") && n != "AllStats");
    let targets: Vec<Option<String>> = if props.is_empty() {
        vec![None]
    } else {
        props.into_iter().map(Some).collect()
    };
    for prop in targets {
        // With -Property, objects without the property (or with $null there) are not counted.
        let values: Vec<Value> = match &prop {
            Some(p) => items
                .iter()
                .filter_map(|i| i.property(p))
                .filter(|v| !v.is_null())
                .collect(),
            None => items.iter().filter(|v| !v.is_null()).cloned().collect(),
        };
        if let Some(p) = &prop
            && values.is_empty()
            && !items.is_empty()
        {
            let mut r = ctx.error(
                "System.Management.Automation.PSArgumentException",
                format!("The property \"{p}\" cannot be found in the input for any objects."),
                "GenericMeasurePropertyNotFound",
                ErrorCategory::InvalidArgument,
            );
            r.target_name = p.clone();
            r.target_type = "String".into();
            r.target_object = Some(Value::str(p));
            ctx.write_error(r)?;
            continue;
        }
        let numeric = wants("Sum") || wants("Average") || wants("StandardDeviation");
        let mut nums: Vec<f64> = Vec::with_capacity(values.len());
        for v in &values {
            match crate::runtime::conversion::to_double(v, "System.Double") {
                Ok(x) => nums.push(x),
                Err(_) if numeric || wants("Maximum") || wants("Minimum") => {
                    let mut r = ctx.error(
                        "System.Management.Automation.PSInvalidOperationException",
                        format!("Input object \"{}\" is not numeric.", v.to_ps_string()),
                        "NonNumericInputObject",
                        ErrorCategory::InvalidType,
                    );
                    r.target_object = Some(v.clone());
                    ctx.write_error(r)?;
                }
                Err(_) => {}
            }
        }
        let sum: f64 = nums.iter().sum();
        let count = values.len();
        let stat = |on: bool, f: &dyn Fn() -> Option<f64>| -> Value {
            if on {
                f().map(Value::double).unwrap_or(Value::Null)
            } else {
                Value::Null
            }
        };
        let average = || (!nums.is_empty()).then(|| sum / nums.len() as f64);
        let std_dev = || {
            (nums.len() > 1).then(|| {
                let mean = sum / nums.len() as f64;
                let var =
                    nums.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (nums.len() - 1) as f64;
                var.sqrt()
            })
        };
        let mut o = PsObject::new("Microsoft.PowerShell.Commands.GenericMeasureInfo")
            .with("Count", Value::integer(count as i64))
            .with("Average", stat(wants("Average"), &average))
            .with("Sum", stat(wants("Sum"), &|| Some(sum)))
            .with(
                "Maximum",
                stat(wants("Maximum"), &|| nums.iter().cloned().reduce(f64::max)),
            )
            .with(
                "Minimum",
                stat(wants("Minimum"), &|| nums.iter().cloned().reduce(f64::min)),
            )
            .with(
                "StandardDeviation",
                stat(wants("StandardDeviation"), &std_dev),
            );
        o.set("Property", prop.map(Value::str).unwrap_or(Value::Null));
        ctx.write_object(Value::object(o));
    }
    Ok(())
}

// ----- Group-Object ------------------------------------------------------------------------

fn group_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items = input_items(ctx, b);
    let specs = property_specs(ctx, b.get("Property"))?;
    let mut groups: Vec<(String, Vec<Value>, Vec<Value>)> = Vec::new();
    for item in items {
        let keys: Vec<Value> = if specs.is_empty() {
            vec![item.clone()]
        } else {
            compute_properties(ctx, &item, &specs)?
                .into_iter()
                .map(|(_, v)| v)
                .collect()
        };
        let name = keys
            .iter()
            .map(|k| ctx.session.stringify(k))
            .collect::<Vec<_>>()
            .join(", ");
        match groups
            .iter_mut()
            .find(|(n, _, _)| n.eq_ignore_ascii_case(&name))
        {
            Some(g) => g.1.push(item),
            None => groups.push((name, vec![item], keys)),
        }
    }
    if b.switch("AsHashTable") {
        let mut h = Hashtable::new(false);
        for (name, members, keys) in groups {
            let key = if b.switch("AsString") || keys.len() != 1 {
                Value::str(name)
            } else {
                keys[0].clone()
            };
            h.insert(key, Value::array(members));
        }
        ctx.write_object(Value::hashtable(h));
        return Ok(());
    }
    for (name, members, keys) in groups {
        let type_name = if b.switch("NoElement") {
            "Microsoft.PowerShell.Commands.GroupInfoNoElement"
        } else {
            "Microsoft.PowerShell.Commands.GroupInfo"
        };
        let mut o = PsObject::new(type_name)
            .with("Count", Value::integer(members.len() as i64))
            .with("Name", Value::str(name));
        if !b.switch("NoElement") {
            o.set("Group", Value::array(members));
        } else {
            o.type_names
                .push("Microsoft.PowerShell.Commands.GroupInfo".to_string());
        }
        o.set("Values", Value::array(keys));
        ctx.write_object(Value::object(o));
    }
    Ok(())
}

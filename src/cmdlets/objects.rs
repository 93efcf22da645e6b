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
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, Validation, types};

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

/// `int[]` parameters (Select-Object -Index): bound as a list, each item read as an Int32.
const INT32_ARRAY: ParamType = ParamType::new(ParamKind::ObjectArray, "Int32[]", "System.Int32[]");

/// `[ValidateRange(min, int.MaxValue)]`.
fn ranged(mut p: ParamDef, min: i64) -> ParamDef {
    p.validations.push(Validation::Range(min, i32::MAX as i64));
    p
}

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
    where_object = where_object.param(
        ParamDef::new("Not", types::SWITCH)
            .sets(&["ComparisonSet"])
            .help("Keeps the objects whose property is false, empty or missing."),
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
            .description("Selects the first, last or indexed objects of its input, or skips some (-Skip from the start, -SkipLast from the end, -SkipIndex by position); with -Property it makes new objects with only the chosen properties (names, wildcards or calculated @{Name=...; Expression={...}}); -ExpandProperty writes a property's value instead; -Unique drops duplicates.")
            .alias("select")
            .pipeline(PipelineMode::Collect)
            .stops_upstream(crate::vocab::StopRule::SelectFirst)
            .default_set("DefaultParameter")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to select from."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).sets(&["DefaultParameter", "SkipLastParameter"]).position(0).help("Properties to keep: names, wildcards, or @{Name=...; Expression={...}}."))
            .param(ParamDef::new("ExcludeProperty", types::STRING_ARRAY).sets(&["DefaultParameter", "SkipLastParameter"]).help("Properties to leave out."))
            .param(ParamDef::new("ExpandProperty", types::STRING).sets(&["DefaultParameter", "SkipLastParameter"]).help("A property whose value (or items) to output instead of the object."))
            .param(ParamDef::new("Unique", types::SWITCH).help("Drops duplicates (case-sensitive unless -CaseInsensitive)."))
            .param(ParamDef::new("CaseInsensitive", types::SWITCH).help("With -Unique, compares strings without case."))
            .param(ranged(ParamDef::new("Last", types::INT32).sets(&["DefaultParameter"]).help("How many objects from the end."), 0))
            .param(ranged(ParamDef::new("First", types::INT32).sets(&["DefaultParameter"]).help("How many objects from the start."), 0))
            .param(ranged(ParamDef::new("Skip", types::INT32).sets(&["DefaultParameter", "SkipLastParameter"]).help("How many objects to skip from the start (from the end with -Last)."), 0))
            .param(ranged(ParamDef::new("SkipLast", types::INT32).sets(&["SkipLastParameter"]).help("How many objects to skip from the end."), 0))
            .param(ParamDef::new("Wait", types::SWITCH).sets(&["DefaultParameter", "IndexParameter"]).help("Reads all input even after -First or -Index have what they need (aapsh always reads all input)."))
            .param(ranged(ParamDef::new("Index", INT32_ARRAY).sets(&["IndexParameter"]).help("The positions of the objects to select (from 0)."), 0))
            .param(ranged(ParamDef::new("SkipIndex", INT32_ARRAY).sets(&["SkipIndexParameter"]).help("The positions of the objects to leave out (from 0)."), 0))
            .example("The three newest", "Get-ChildItem | Sort-Object LastWriteTime | Select-Object -Last 3", "The last three objects of the sorted list.")
            .example("Chosen properties", "Get-CsOnlineUser | Select-Object DisplayName, ApplicationAccessPolicy", "New objects with only those two properties."),
        CmdletDef::new("Sort-Object", UTILITY, sort_object)
            .class("Microsoft.PowerShell.Commands.SortObjectCommand")
            .synopsis("Sorts objects by property values.")
            .description("Sorts its input by the given properties (names, script blocks, or hashtables with Expression and Ascending/Descending), or by the objects themselves. Strings compare without case unless -CaseSensitive; $null values sort first. -Top and -Bottom keep only the first or last N of the sorted order; -Unique drops duplicates.")
            .alias("sort")
            .pipeline(PipelineMode::Collect)
            .default_set("Default")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to sort."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("Properties (or script blocks) to sort by."))
            .param(ParamDef::new("Stable", types::SWITCH).sets(&["Default"]).help("Keeps objects that compare equal in their input order (aapsh's sort is always stable)."))
            .param(ParamDef::new("Descending", types::SWITCH).help("Sorts in descending order."))
            .param(ParamDef::new("Unique", types::SWITCH).help("Drops duplicates."))
            .param(ranged(ParamDef::new("Top", types::INT32).sets(&["Top"]).mandatory().help("How many objects to keep from the start of the sorted order."), 1))
            .param(ranged(ParamDef::new("Bottom", types::INT32).sets(&["Bottom"]).mandatory().help("How many objects to keep from the end of the sorted order."), 1))
            .param(ParamDef::new("Culture", types::STRING).not_emulated().help("The culture for string comparisons (aapsh compares as the session's culture)."))
            .param(ParamDef::new("CaseSensitive", types::SWITCH).help("Sorts case-sensitively.")),
        CmdletDef::new("Measure-Object", UTILITY, measure_object)
            .class("Microsoft.PowerShell.Commands.MeasureObjectCommand")
            .synopsis("Calculates the numeric properties of objects, and the characters, words, and lines in string objects.")
            .description("Counts its input and, for the values (or the given properties), their sum, average, maximum, minimum and standard deviation; -Maximum and -Minimum also compare text. -Line, -Word and -Character count the lines, words and characters of the input as text.")
            .alias("measure")
            .pipeline(PipelineMode::Collect)
            .default_set("GenericMeasure")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to measure."))
            .param(ParamDef::new("Property", types::STRING_ARRAY).position(0).help("Properties to measure (wildcards allowed)."))
            .param(ParamDef::new("StandardDeviation", types::SWITCH).sets(&["GenericMeasure"]).help("The sample standard deviation."))
            .param(ParamDef::new("Sum", types::SWITCH).sets(&["GenericMeasure"]).help("Adds the values."))
            .param(ParamDef::new("AllStats", types::SWITCH).sets(&["GenericMeasure"]).help("All of -Sum, -Average, -Maximum, -Minimum and -StandardDeviation."))
            .param(ParamDef::new("Average", types::SWITCH).sets(&["GenericMeasure"]).help("Averages the values."))
            .param(ParamDef::new("Maximum", types::SWITCH).sets(&["GenericMeasure"]).help("The largest value (numbers, else text)."))
            .param(ParamDef::new("Minimum", types::SWITCH).sets(&["GenericMeasure"]).help("The smallest value (numbers, else text)."))
            .param(ParamDef::new("Line", types::SWITCH).sets(&["TextMeasure"]).help("Counts the lines of text."))
            .param(ParamDef::new("Word", types::SWITCH).sets(&["TextMeasure"]).help("Counts the words (runs of non-space characters)."))
            .param(ParamDef::new("Character", types::SWITCH).sets(&["TextMeasure"]).help("Counts the characters."))
            .param(ParamDef::new("IgnoreWhiteSpace", types::SWITCH).sets(&["TextMeasure"]).help("Leaves white space out of the character count.")),
        CmdletDef::new("Group-Object", UTILITY, group_object)
            .class("Microsoft.PowerShell.Commands.GroupObjectCommand")
            .synopsis("Groups objects that contain the same value for specified properties.")
            .description("Groups its input by the values of the given properties (or the objects themselves). When every value has the same type the groups come sorted by it, otherwise in the order they first appear. Strings group without case unless -CaseSensitive.")
            .alias("group")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to group."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties to group by."))
            .param(ParamDef::new("NoElement", types::SWITCH).help("Leaves the Group property out."))
            .param(ParamDef::new("AsHashTable", types::SWITCH).sets(&["HashTable"]).help("Returns a hashtable of name to group."))
            .param(ParamDef::new("AsString", types::SWITCH).sets(&["HashTable"]).help("Uses string keys with -AsHashTable."))
            .param(ParamDef::new("Culture", types::STRING).not_emulated().help("The culture for string comparisons."))
            .param(ParamDef::new("CaseSensitive", types::SWITCH).help("Groups strings case-sensitively.")),
        CmdletDef::new("Get-Unique", UTILITY, get_unique)
            .class("Microsoft.PowerShell.Commands.GetUniqueCommand")
            .synopsis("Returns unique items from a sorted list.")
            .description("Drops each object that equals the one before it (so sort the list first). Objects compare as Sort-Object compares them, case-sensitively unless -CaseInsensitive; -AsString compares their text, -OnType their type.")
            .alias("gu")
            .pipeline(PipelineMode::Collect)
            .default_set("AsString")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to filter."))
            .param(ParamDef::new("AsString", types::SWITCH).sets(&["AsString"]).help("Compares the objects as text."))
            .param(ParamDef::new("OnType", types::SWITCH).sets(&["UniqueByType"]).help("Keeps only the first object of each run of the same type."))
            .param(ParamDef::new("CaseInsensitive", types::SWITCH).help("Compares strings without case."))
            .example("Unique names", "'b', 'a', 'b' | Sort-Object | Get-Unique", "a and b, once each."),
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
        if b.switch("Not") {
            !actual.is_truthy()
        } else {
            match (op, b.get("Value")) {
                (None, _) => actual.is_truthy(),
                (Some((_, op, case)), value) => {
                    let value = value.cloned().unwrap_or(Value::Null);
                    compare(ctx, *op, *case, &actual, &value)?
                }
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
    // `$null` records are not selected (ProcessRecord skips them).
    let items: Vec<Value> = input_items(ctx, b)
        .into_iter()
        .filter(|v| !v.is_null())
        .collect();
    let items = if let Some(index) = b.get("Index").or_else(|| b.get("SkipIndex")) {
        let mut picks: Vec<usize> = index
            .enumerate()
            .iter()
            .filter_map(|i| crate::runtime::conversion::to_int(i, "System.Int32").ok())
            .filter_map(|i| usize::try_from(i).ok())
            .collect();
        picks.sort_unstable();
        picks.dedup();
        let include = b.has("Index");
        items
            .into_iter()
            .enumerate()
            .filter(|(i, _)| picks.binary_search(i).is_ok() == include)
            .map(|(_, v)| v)
            .collect()
    } else {
        let count = |name: &str| b.int(name).map(|n| n.max(0) as usize);
        let mut window = SelectWindow::new(
            count("First"),
            count("Last"),
            count("Skip").unwrap_or(0),
            count("SkipLast").unwrap_or(0),
        );
        let mut chosen = Vec::new();
        for v in items {
            chosen.extend(window.push(v));
            if window.done() {
                break;
            }
        }
        chosen.extend(window.finish());
        chosen
    };
    let specs = property_specs(ctx, b.get("Property"))?;
    let excluded: Vec<String> = b
        .get("ExcludeProperty")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let expand = b.string("ExpandProperty");
    // Each object written, with the note properties Select-Object added to it (what -Unique
    // compares besides the object itself).
    let mut out: Vec<(Value, Vec<(String, Value)>)> = Vec::new();
    let emit = |out: &mut Vec<(Value, Vec<(String, Value)>)>, v: Value| out.push((v, Vec::new()));
    for item in items {
        if specs.is_empty() && expand.is_none() && excluded.is_empty() {
            emit(&mut out, item);
            continue;
        }
        // Alias and script properties are selected by their values.
        let item = crate::runtime::dotnet::settled(ctx.session, &item);
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
                            out.push((Value::object(copy), props.clone()));
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
        let mut added = Vec::new();
        for (n, v) in props {
            if excluded.iter().any(|e| wildcard_match(e, &n, false)) {
                continue;
            }
            obj.set(&n, v.clone());
            added.push((n, v));
        }
        out.push((Value::object(obj), added));
    }
    // -Unique keeps an object unless an earlier one compares equal to it (as Sort-Object
    // compares: two custom objects always do) with the same added properties, each equal too.
    if b.switch("Unique") {
        let cs = !b.switch("CaseInsensitive");
        let mut kept: Vec<(Value, Vec<(String, Value)>)> = Vec::new();
        for (v, notes) in out {
            let duplicate = kept.iter().any(|(k, k_notes)| {
                compare_values(&v, k, cs).is_eq()
                    && k_notes.len() == notes.len()
                    && notes.iter().all(|(n, nv)| {
                        k_notes
                            .iter()
                            .find(|(kn, _)| kn.eq_ignore_ascii_case(n))
                            .is_some_and(|(_, kv)| compare_values(nv, kv, cs).is_eq())
                    })
            });
            if !duplicate {
                kept.push((v, notes));
            }
        }
        out = kept;
    }
    for (v, _) in out {
        ctx.write_object(v);
    }
    Ok(())
}

/// Which input objects Select-Object's -First, -Last, -Skip and -SkipLast let through, fed one
/// object at a time, in pwsh's order (`1..5 | Select-Object -First 4 -Last 3` writes 1 to 5 once
/// each; with -Last, -Skip counts from the end). It is kept apart from the property work so that
/// a streaming pipeline can feed it object by object and stop the upstream once [`Self::done`]
/// says no later input can be written.
pub(crate) struct SelectWindow {
    first: usize,
    last: usize,
    /// Objects still to skip (from the start, or with -Last alone from the end).
    skip: usize,
    skip_last: usize,
    /// -First or -Last was given (else everything after -Skip passes).
    counted: bool,
    /// Objects passed on by -First so far.
    passed: usize,
    held: std::collections::VecDeque<Value>,
}

impl SelectWindow {
    pub(crate) fn new(
        first: Option<usize>,
        last: Option<usize>,
        skip: usize,
        skip_last: usize,
    ) -> Self {
        SelectWindow {
            first: first.unwrap_or(0),
            last: last.unwrap_or(0),
            skip,
            skip_last,
            counted: first.is_some() || last.is_some(),
            passed: 0,
            held: std::collections::VecDeque::new(),
        }
    }

    /// Takes the next input object; returns the object to write now, if any.
    pub(crate) fn push(&mut self, v: Value) -> Option<Value> {
        // -Last keeps a window of the newest objects (plus those -Skip drops from the end when
        // there is no -First).
        let window = if self.first == 0 {
            self.last + self.skip
        } else {
            self.last
        };
        if self.last > 0 && self.held.len() >= window {
            self.held.pop_front();
        }
        self.held.push_back(v);
        if self.skip > 0 {
            // -Skip drops from the start, unless -Last alone makes it count from the end.
            if self.last == 0 || self.first != 0 {
                self.held.pop_front();
                self.skip -= 1;
            }
            return None;
        }
        if self.skip_last > 0 {
            // Written once more than -SkipLast objects follow it.
            return if self.held.len() > self.skip_last {
                self.held.pop_front()
            } else {
                None
            };
        }
        if !self.counted || self.passed < self.first {
            self.passed += 1;
            return self.held.pop_front();
        }
        if self.last == 0 {
            self.held.pop_front();
        }
        None
    }

    /// True once no later input object can be written (-First alone has passed its count): a
    /// streaming pipeline may stop its upstream here.
    pub(crate) fn done(&self) -> bool {
        self.counted && self.last == 0 && self.first != 0 && self.passed >= self.first
    }

    /// At the end of input: the objects still to write (what -Last kept).
    pub(crate) fn finish(mut self) -> Vec<Value> {
        if self.skip_last > 0 {
            return Vec::new();
        }
        if self.first == 0 {
            let keep = self.held.len().saturating_sub(self.skip);
            self.held.truncate(keep);
        }
        self.held.into()
    }
}

// ----- Sort-Object -------------------------------------------------------------------------

fn sort_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    // `$null` records are not sorted (OrderObjectBase skips them).
    let items: Vec<Value> = input_items(ctx, b)
        .into_iter()
        .filter(|v| !v.is_null())
        .collect();
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
    let compare = |a: &[Value], b: &[Value]| {
        for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
            let o = compare_values(x, y, cs);
            let descending = directions.get(i).copied().unwrap_or(descending_all);
            if o.is_ne() {
                return if descending { o.reverse() } else { o };
            }
        }
        std::cmp::Ordering::Equal
    };
    if b.switch("Stable") || b.has("Top") || b.has("Bottom") {
        // pwsh's heap sort for these breaks ties by input order: a stable sort.
        keyed.sort_by(|a, b| compare(&a.0, &b.0));
    } else {
        // Otherwise List<T>.Sort: .NET's unstable introspective sort, whose order of equal
        // keys scripts see.
        super::introsort::introsort(&mut keyed, &mut |a, b| compare(&a.0, &b.0));
    }
    if b.switch("Unique") {
        keyed.dedup_by(|later, earlier| compare(&later.0, &earlier.0).is_eq());
    }
    // -Top keeps the start of the sorted order, -Bottom its end (still in sorted order).
    if let Some(top) = b.int("Top") {
        keyed.truncate(top.max(0) as usize);
    } else if let Some(bottom) = b.int("Bottom") {
        let start = keyed.len().saturating_sub(bottom.max(0) as usize);
        keyed.drain(..start);
    }
    for (_, item) in keyed {
        ctx.write_object(item);
    }
    Ok(())
}

/// How Sort-Object, Group-Object and Get-Unique compare two values (ObjectCommandComparer over
/// LanguagePrimitives.Compare): `$null` first, numbers as numbers (the right side converted to
/// the left's kind when it can be), text by the culture's rules, without case unless `cs` (then
/// a lowercase letter sorts before its uppercase form).
pub fn compare_values(l: &Value, r: &Value, cs: bool) -> std::cmp::Ordering {
    use crate::runtime::conversion::to_double;
    // Versions are IComparable: they compare part by part.
    if let (Some(a), Some(b)) = (
        crate::runtime::operators::version_parts(l),
        crate::runtime::operators::version_parts(r),
    ) {
        return a.cmp(&b);
    }
    match (l, r) {
        (Value::Null, _) | (_, Value::Null) => sort_order(l, r, cs),
        // Enums are IComparable: by their numbers.
        (Value::Enum(a), Value::Enum(b)) if a.type_name == b.type_name => a.value.cmp(&b.value),
        (Value::Num(_), Value::String(_)) => match to_double(r, "System.Double") {
            Ok(y) => l
                .as_f64()
                .and_then(|x| x.partial_cmp(&y))
                .unwrap_or(std::cmp::Ordering::Equal),
            Err(_) => text_order(&l.to_ps_string(), &r.to_ps_string(), cs),
        },
        (Value::Num(_), Value::Num(_))
        | (Value::DateTime(_), Value::DateTime(_))
        | (Value::TimeSpan(_), Value::TimeSpan(_)) => sort_order(l, r, cs),
        _ => text_order(&base_text(l), &base_text(r), cs),
    }
}

/// The text ObjectCommandComparer falls back to: the base object's ToString(), which for a
/// custom object is empty (its properties live on the PSObject wrapper, not the base).
fn base_text(v: &Value) -> String {
    match v {
        Value::Object(o) if o.borrow().is_custom() => String::new(),
        other => other.to_ps_string(),
    }
}

fn text_order(a: &str, b: &str, cs: bool) -> std::cmp::Ordering {
    crate::runtime::operators::compare_strings(a, b, !cs).cmp(&0)
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

/// One property's running statistics (Measure-Object's `Statistics`).
#[derive(Default)]
struct MeasureStats {
    count: i64,
    sum: f64,
    sum_previous: f64,
    variance: f64,
    max: Option<Value>,
    min: Option<Value>,
    lines: i64,
    words: i64,
    characters: i64,
}

fn measure_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items: Vec<Value> = input_items(ctx, b)
        .into_iter()
        .filter(|v| !v.is_null())
        .collect();
    let all = b.switch("AllStats");
    let wants = |n: &str| b.switch(n) || all;
    let (sum_on, average_on, std_on) = (wants("Sum"), wants("Average"), wants("StandardDeviation"));
    let (max_on, min_on) = (wants("Maximum"), wants("Minimum"));
    let (lines_on, words_on, chars_on) =
        (b.switch("Line"), b.switch("Word"), b.switch("Character"));
    let text_mode = b.set == "TextMeasure";
    let ignore_ws = b.switch("IgnoreWhiteSpace");
    let properties = b.strings("Property");
    let mut stats: indexmap::IndexMap<String, (String, MeasureStats)> = indexmap::IndexMap::new();
    let mut non_numeric = false;
    let this = "$_".to_string();
    for item in &items {
        // (name, value) pairs to analyse for this object.
        let mut values: Vec<(String, Value)> = Vec::new();
        match &properties {
            None => values.push((this.clone(), item.clone())),
            Some(props) => {
                for p in props {
                    let names: Vec<String> = if crate::runtime::operators::has_wildcards(p) {
                        property_names(item)
                            .into_iter()
                            .filter(|n| wildcard_match(p, n, false))
                            .collect()
                    } else {
                        property_names(item)
                            .into_iter()
                            .filter(|n| n.eq_ignore_ascii_case(p))
                            .chain(
                                (!matches!(item, Value::Object(_) | Value::Hashtable(_)))
                                    .then(|| p.clone())
                                    .filter(|n| item.property(n).is_some()),
                            )
                            .collect()
                    };
                    if names.is_empty() {
                        if !crate::runtime::operators::has_wildcards(p) {
                            stats
                                .entry(p.to_ascii_lowercase())
                                .or_insert_with(|| (p.clone(), MeasureStats::default()));
                        }
                        continue;
                    }
                    for n in names {
                        if values.iter().any(|(v, _)| v.eq_ignore_ascii_case(&n)) {
                            continue;
                        }
                        // .NET properties (a string's Length) come through the member lookup.
                        let v = item
                            .property(&n)
                            .or_else(|| {
                                crate::runtime::dotnet::get_member(
                                    ctx.session,
                                    item,
                                    &n,
                                    false,
                                    ctx.command_span,
                                )
                                .ok()
                            })
                            .unwrap_or(Value::Null);
                        values.push((n, v));
                    }
                }
            }
        }
        for (name, value) in values {
            let (_, stat) = stats
                .entry(name.to_ascii_lowercase())
                .or_insert_with(|| (name.clone(), MeasureStats::default()));
            stat.count += 1;
            if lines_on || words_on || chars_on {
                let text = value.to_ps_string();
                if chars_on {
                    stat.characters += text
                        .encode_utf16()
                        .filter(|c| {
                            !ignore_ws
                                || !char::from_u32(*c as u32).is_some_and(char::is_whitespace)
                        })
                        .count() as i64;
                }
                if words_on {
                    stat.words += text.split_whitespace().count() as i64;
                }
                if lines_on && !text.is_empty() {
                    let newlines = text.matches('\n').count() as i64;
                    stat.lines += newlines + i64::from(!text.ends_with('\n'));
                }
            }
            if sum_on || average_on || std_on {
                match crate::runtime::conversion::to_double(&value, "System.Double") {
                    Ok(x) => {
                        stat.sum_previous = stat.sum;
                        stat.sum += x;
                        if std_on && stat.count > 1 {
                            let n = stat.count as f64;
                            let avg_previous = stat.sum_previous / (n - 1.0);
                            stat.variance *= (n - 2.0) / (n - 1.0);
                            stat.variance += (x - avg_previous) * (x - avg_previous) / n;
                        }
                    }
                    Err(_) => {
                        non_numeric = true;
                        let mut r = ctx.error(
                            "System.Management.Automation.PSInvalidOperationException",
                            format!("Input object \"{}\" is not numeric.", value.to_ps_string()),
                            "NonNumericInputObject",
                            ErrorCategory::InvalidType,
                        );
                        r.target_object = Some(value.clone());
                        ctx.write_error(r)?;
                        continue;
                    }
                }
            }
            if min_on {
                stat.min = Some(measure_pick(&value, stat.min.take(), true));
            }
            if max_on {
                stat.max = Some(measure_pick(&value, stat.max.take(), false));
            }
        }
    }
    if items.is_empty() && properties.is_none() {
        stats.insert(this.clone(), (this.clone(), MeasureStats::default()));
    }
    for (_, (name, stat)) in stats {
        if stat.count == 0 && properties.is_some() {
            if ctx.session.strict_mode() >= 2 {
                let r = ctx.error(
                    "System.Management.Automation.PSArgumentException",
                    // Under strict mode pwsh raises PSArgumentException(name): the generic
                    // invalid-argument text (confirmed with pwsh 7.6.10).
                    format!(
                        "Cannot process argument because the value of argument \"{name}\" is not valid. Change the value of the \"{name}\" argument and run the operation again."
                    ),
                    if text_mode {
                        "TextMeasurePropertyNotFound"
                    } else {
                        "GenericMeasurePropertyNotFound"
                    },
                    ErrorCategory::ObjectNotFound,
                );
                ctx.write_error(r)?;
            }
            continue;
        }
        let property = if properties.is_some() {
            Value::str(&name)
        } else {
            Value::Null
        };
        let optional = |on: bool, v: i64| if on { Value::integer(v) } else { Value::Null };
        if text_mode {
            let o = PsObject::new("Microsoft.PowerShell.Commands.TextMeasureInfo")
                .with("Lines", optional(lines_on, stat.lines))
                .with("Words", optional(words_on, stat.words))
                .with("Characters", optional(chars_on, stat.characters))
                .with("Property", property);
            ctx.write_object(Value::object(o));
            continue;
        }
        let numeric = |v: &Option<Value>| {
            v.as_ref()
                .is_none_or(|v| crate::runtime::conversion::to_double(v, "System.Double").is_ok())
        };
        let generic = numeric(&stat.min) && numeric(&stat.max);
        let stat_value = |on: bool, v: f64| {
            if on && !non_numeric {
                Value::double(v)
            } else {
                Value::Null
            }
        };
        let average = if average_on && stat.count > 0 && !non_numeric {
            Value::double(stat.sum / stat.count as f64)
        } else {
            Value::Null
        };
        let extreme = |v: Option<Value>| match v {
            None => Value::Null,
            Some(v) if generic => crate::runtime::conversion::to_double(&v, "System.Double")
                .map(Value::double)
                .unwrap_or(Value::Null),
            Some(v) => v,
        };
        let type_name = if generic {
            "Microsoft.PowerShell.Commands.GenericMeasureInfo"
        } else {
            "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
        };
        let mut o = PsObject::new(type_name)
            .with("Count", Value::integer(stat.count))
            .with("Average", average)
            .with("Sum", stat_value(sum_on, stat.sum))
            .with(
                "Maximum",
                if max_on {
                    extreme(stat.max)
                } else {
                    Value::Null
                },
            )
            .with(
                "Minimum",
                if min_on {
                    extreme(stat.min)
                } else {
                    Value::Null
                },
            )
            .with(
                "StandardDeviation",
                if generic {
                    stat_value(std_on, stat.variance.sqrt())
                } else {
                    Value::Null
                },
            );
        o.set("Property", property);
        ctx.write_object(Value::object(o));
    }
    Ok(())
}

/// Measure-Object's Compare: numbers compare as doubles; values of different types compare as
/// text (so `'pear', 3` has the maximum `pear`); the value kept is the original object.
fn measure_pick(value: &Value, kept: Option<Value>, is_min: bool) -> Value {
    let Some(kept) = kept else {
        return value.clone();
    };
    let as_num = |v: &Value| {
        crate::runtime::conversion::to_double(v, "System.Double")
            .ok()
            .map(Value::double)
    };
    let mut current = as_num(value).unwrap_or_else(|| value.clone());
    let mut stat = as_num(&kept).unwrap_or_else(|| kept.clone());
    if current.type_name() != stat.type_name() {
        current = Value::str(current.to_ps_string());
        stat = Value::str(stat.to_ps_string());
    }
    let o = compare_values(&stat, &current, true);
    let o = if is_min { o } else { o.reverse() };
    if o.is_gt() { value.clone() } else { kept }
}

// ----- Group-Object ------------------------------------------------------------------------

fn group_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items: Vec<Value> = input_items(ctx, b)
        .into_iter()
        .filter(|v| !v.is_null())
        .collect();
    if items.is_empty() {
        return Ok(());
    }
    if b.switch("AsString") && !b.switch("AsHashTable") {
        let mut r = ctx.error(
            "System.ArgumentException",
            "The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.",
            "ArgumentException",
            ErrorCategory::InvalidArgument,
        );
        r.target_object = Some(Value::Bool(true));
        return Err(ctx.terminate(r));
    }
    let specs = property_specs(ctx, b.get("Property"))?;
    if b.switch("AsHashTable") && !b.switch("AsString") && specs.len() > 1 {
        let mut r = ctx.error(
            "System.ArgumentException",
            "The command cannot be run because using the AsHashTable parameter with more than one property requires adding the AsString parameter.",
            "ArgumentException",
            ErrorCategory::InvalidArgument,
        );
        r.target_object = b.get("Property").cloned();
        return Err(ctx.terminate(r));
    }
    let cs = b.switch("CaseSensitive");
    let mut entries: Vec<(Vec<Value>, Value)> = Vec::with_capacity(items.len());
    for item in items {
        let keys: Vec<Value> = if specs.is_empty() {
            vec![item.clone()]
        } else {
            compute_properties(ctx, &item, &specs)?
                .into_iter()
                .map(|(_, v)| v)
                .collect()
        };
        entries.push((keys, item));
    }
    let same = |a: &[Value], b: &[Value]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| compare_values(x, y, cs).is_eq())
    };
    // When every key has one type (nulls aside), the groups come out sorted by their keys
    // (a stable sort, then runs of equal keys); otherwise in order of first appearance.
    let mut types: Vec<Option<String>> = Vec::new();
    let mut one_type = true;
    for (keys, _) in &entries {
        if types.is_empty() {
            types = keys
                .iter()
                .map(|k| (!k.is_null()).then(|| k.type_name()))
                .collect();
            continue;
        }
        if types.len() != keys.len() {
            one_type = false;
            break;
        }
        for (slot, k) in types.iter_mut().zip(keys) {
            if k.is_null() {
                continue;
            }
            match slot {
                None => *slot = Some(k.type_name()),
                Some(t) if *t != k.type_name() => one_type = false,
                Some(_) => {}
            }
        }
        if !one_type {
            break;
        }
    }
    let mut groups: Vec<(Vec<Value>, Vec<Value>)> = Vec::new();
    if one_type {
        entries.sort_by(|a, b| {
            for (x, y) in a.0.iter().zip(&b.0) {
                let o = compare_values(x, y, cs);
                if o.is_ne() {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        });
        for (keys, item) in entries {
            match groups.last_mut() {
                Some(g) if same(&g.0, &keys) => g.1.push(item),
                _ => groups.push((keys, vec![item])),
            }
        }
    } else {
        for (keys, item) in entries {
            match groups.iter_mut().find(|g| same(&g.0, &keys)) {
                Some(g) => g.1.push(item),
                None => groups.push((keys, vec![item])),
            }
        }
    }
    let culture = ctx.session.culture;
    let name_of = |keys: &[Value]| {
        let mut parts = Vec::new();
        for k in keys {
            match k {
                Value::Null => {}
                Value::Array(a) => parts.push(format!(
                    "{{{}}}",
                    a.borrow()
                        .iter()
                        .map(|v| crate::format::dotnet_to_string(v, culture))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                other => parts.push(crate::format::dotnet_to_string(other, culture)),
            }
        }
        parts.join(", ")
    };
    if b.switch("AsHashTable") {
        let mut h = Hashtable::new(false);
        for (keys, members) in groups {
            let key = if b.switch("AsString") {
                Value::str(name_of(&keys))
            } else {
                keys.first().cloned().unwrap_or(Value::Null)
            };
            h.insert(key, Value::array(members));
        }
        ctx.write_object(Value::hashtable(h));
        return Ok(());
    }
    let no_element = b.switch("NoElement");
    for (keys, members) in groups {
        let type_name = if no_element {
            "Microsoft.PowerShell.Commands.GroupInfoNoElement"
        } else {
            "Microsoft.PowerShell.Commands.GroupInfo"
        };
        // Format-List shows them as pwsh does: Name, Count, Group, Values.
        let mut o = PsObject::new(type_name)
            .with("Name", Value::str(name_of(&keys)))
            .with("Count", Value::integer(members.len() as i64));
        if !no_element {
            o.set("Group", Value::array(members));
        } else {
            o.type_names
                .push("Microsoft.PowerShell.Commands.GroupInfo".to_string());
        }
        o.set(
            "Values",
            Value::array_of(crate::runtime::value::ArrayKind::ArrayList, keys),
        );
        ctx.write_object(Value::object(o));
    }
    Ok(())
}

// ----- Get-Unique --------------------------------------------------------------------------

fn get_unique(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let ci = b.switch("CaseInsensitive");
    let mut last: Option<Value> = None;
    for item in input_items(ctx, b) {
        let unique = match &last {
            None => true,
            Some(last) if b.switch("OnType") => item.type_name() != last.type_name(),
            Some(last) if b.switch("AsString") => {
                let (a, b) = (item.to_ps_string(), last.to_ps_string());
                if ci {
                    crate::runtime::operators::compare_strings(&a, &b, true) != 0
                } else {
                    a != b
                }
            }
            Some(last) => compare_values(&item, last, !ci).is_ne(),
        };
        if unique {
            ctx.write_object(item.clone());
            last = Some(item);
        }
    }
    Ok(())
}

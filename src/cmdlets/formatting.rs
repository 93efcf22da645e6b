//! Format-List, Format-Table and Out-String: the formatter's views on request. Their output is
//! the formatted text itself (pwsh emits format records; the text is what any later Out-Default
//! or Out-String shows).

use super::objects::{PropertySpec, compute_properties, property_specs};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, Flow, PsObject, Value};
use crate::vocab::{ParamDef, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";
const CORE: &str = "Microsoft.PowerShell.Core";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Format-List", UTILITY, format_list)
            .class("Microsoft.PowerShell.Commands.FormatListCommand")
            .synopsis("Formats the output as a list of properties in which each property appears on a new line.")
            .alias("fl")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to format."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties to show (names, wildcards, calculated properties); * for all."))
            .param(ParamDef::new("GroupBy", types::OBJECT).help("Starts a new group, headed by the property's value, whenever it changes."))
            .param(ParamDef::new("Force", types::SWITCH).help("Shows strings and numbers by their properties too.")),
        CmdletDef::new("Format-Custom", UTILITY, format_custom)
            .class("Microsoft.PowerShell.Commands.FormatCustomCommand")
            .synopsis("Uses a customized view to format the output.")
            .description("Shows each object as pwsh's default custom view does: `class <Type>`, then its properties as `name = value` inside braces, nested objects and collections indented below their property, down to -Depth levels (default 5). Strings and numbers print as themselves.")
            .alias("fc")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to format."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties to show (names, wildcards, calculated properties)."))
            .param(ParamDef::new("Depth", types::INT32).help("How many levels of nested objects to expand (default 5)."))
            .example("See a nested object whole", "$policy | Format-Custom", "Every property, with nested objects expanded."),
        CmdletDef::new("Format-Table", UTILITY, format_table)
            .class("Microsoft.PowerShell.Commands.FormatTableCommand")
            .synopsis("Formats the output as a table.")
            .alias("ft")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to format."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties to show (names, wildcards, calculated properties)."))
            .param(ParamDef::new("AutoSize", types::SWITCH).help("Sizes the columns to the data."))
            .param(ParamDef::new("HideTableHeaders", types::SWITCH).help("Leaves out the header rows."))
            .param(ParamDef::new("Wrap", types::SWITCH).help("Wraps long values instead of truncating them."))
            .param(ParamDef::new("GroupBy", types::OBJECT).help("Starts a new table, headed by the property's value, whenever it changes.")),
        CmdletDef::new("Format-Wide", UTILITY, format_wide)
            .class("Microsoft.PowerShell.Commands.FormatWideCommand")
            .synopsis("Formats objects as a wide table that displays only one property of each object.")
            .alias("fw")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to format."))
            .param(ParamDef::new("Property", types::OBJECT).position(0).help("The property (or calculated property) to show."))
            .param(ParamDef::new("AutoSize", types::SWITCH).help("Fits as many columns as the widest value allows."))
            .param(ParamDef::new("Column", types::INT32).help("The number of columns.")),
        CmdletDef::new("Out-Host", CORE, out_host)
            .class("Microsoft.PowerShell.Commands.OutHostCommand")
            .synopsis("Sends output to the command line.")
            .alias("oh")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to display."))
            .param(ParamDef::new("Paging", types::SWITCH).ignored_offline().help("Shows one page at a time (not offline).")),
        CmdletDef::new("Out-String", UTILITY, out_string)
            .class("Microsoft.PowerShell.Commands.OutStringCommand")
            .synopsis("Outputs input objects as a string.")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to write as text."))
            .param(ParamDef::new("Stream", types::SWITCH).help("Sends one string per line."))
            .param(ParamDef::new("Width", types::INT32).help("The line width.")),
    ]
}

/// The input, with alias and script properties holding their values (display copies).
fn items(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Vec<Value> {
    let all = if !ctx.collected.is_empty() {
        ctx.collected.clone()
    } else {
        b.get("InputObject")
            .map(|v| v.enumerate())
            .unwrap_or_default()
    };
    crate::runtime::dotnet::settle_all(ctx.session, &all)
}

/// Calculated properties become real properties of stand-in objects; plain names pass through.
fn prepare(
    ctx: &mut CommandContext<'_>,
    items: Vec<Value>,
    b: &BoundParameters,
) -> Result<(Vec<Value>, Option<Vec<String>>), Flow> {
    let specs = property_specs(ctx, b.get("Property"))?;
    if specs.is_empty() {
        return Ok((items, None));
    }
    if specs.iter().all(|s| matches!(s, PropertySpec::Name(_))) {
        // Wildcards expand against the properties of the objects, in their order; `*` alone
        // is handled by the formatter.
        let mut names: Vec<String> = Vec::new();
        for spec in &specs {
            let PropertySpec::Name(n) = spec else {
                continue;
            };
            if n == "*" || !crate::runtime::operators::has_wildcards(n) {
                names.push(n.clone());
                continue;
            }
            for item in &items {
                for p in super::objects::property_names(item) {
                    if crate::runtime::operators::wildcard_match(n, &p, false)
                        && !names.iter().any(|x| x.eq_ignore_ascii_case(&p))
                    {
                        names.push(p);
                    }
                }
            }
        }
        return Ok((items, Some(names)));
    }
    let mut out = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for item in items {
        let props = compute_properties(ctx, &item, &specs)?;
        let mut o = PsObject::custom();
        for (n, v) in props {
            if !names.iter().any(|x| x.eq_ignore_ascii_case(&n)) {
                names.push(n.clone());
            }
            o.set(&n, v);
        }
        out.push(Value::object(o));
    }
    Ok((out, Some(names)))
}

/// The text as one output string, without its final newline (Out-Default adds it back).
/// Nothing for no input.
fn emit_text(ctx: &mut CommandContext<'_>, text: String) {
    if text.is_empty() {
        return;
    }
    let text = text.strip_suffix('\n').map(str::to_string).unwrap_or(text);
    ctx.write_object(Value::str(text));
}

fn format_list(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let (values, props) = prepare(ctx, all, b)?;
    let opts = ctx.session.format_options();
    let list = crate::format::ListOptions {
        force: b.switch("Force"),
        group_by: b.get("GroupBy").map(|v| v.to_ps_string()),
    };
    let text = crate::format::format_list(&values, props.as_deref(), &list, &opts);
    emit_text(ctx, text);
    Ok(())
}

fn format_custom(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let (values, props) = prepare(ctx, all, b)?;
    let depth = b.int("Depth").unwrap_or(5).max(0) as usize;
    let culture = ctx.session.culture;
    let mut text = String::new();
    let mut any_class = false;
    for v in &values {
        if custom_expands(v) {
            any_class = true;
            text.push('\n');
            custom_class(v, props.as_deref(), 0, depth, culture, &mut text);
        } else if let Value::Hashtable(h) = v {
            for (k, val) in h.borrow().iter() {
                any_class = true;
                let entry = PsObject::new("System.Collections.DictionaryEntry")
                    .with("Key", k.clone())
                    .with("Value", val.clone())
                    .with("Name", k.clone());
                text.push('\n');
                custom_class(&Value::object(entry), None, 0, depth, culture, &mut text);
            }
        } else {
            text.push_str(&crate::format::dotnet_to_string(v, culture));
            text.push('\n');
        }
    }
    if any_class {
        text.push_str("\n\n");
    }
    emit_text(ctx, text);
    Ok(())
}

/// Whether Format-Custom shows a value as a `class` block (an object with properties).
fn custom_expands(v: &Value) -> bool {
    matches!(v, Value::Object(o) if !o.borrow().is_empty())
}

/// `class <Type>` and its properties in braces, indented by `indent` spaces.
fn custom_class(
    v: &Value,
    only: Option<&[String]>,
    indent: usize,
    depth: usize,
    culture: &crate::runtime::culture::Culture,
    out: &mut String,
) {
    let Value::Object(o) = v else {
        return;
    };
    let o = o.borrow();
    let type_name = o.type_names.first().cloned().unwrap_or_default();
    let short = type_name.rsplit('.').next().unwrap_or_default().to_string();
    let pad = " ".repeat(indent);
    out.push_str(&format!("{pad}class {short}\n{pad}{{\n"));
    for (name, value) in o.properties() {
        if let Some(only) = only
            && !only
                .iter()
                .any(|n| n == "*" || n.eq_ignore_ascii_case(name))
        {
            continue;
        }
        custom_property(name, value, indent + 2, depth, culture, out);
    }
    out.push_str(&format!("{pad}}}\n"));
}

fn custom_property(
    name: &str,
    value: &Value,
    indent: usize,
    depth: usize,
    culture: &crate::runtime::culture::Culture,
    out: &mut String,
) {
    let pad = " ".repeat(indent);
    if depth > 0 && custom_expands(value) {
        out.push_str(&format!("{pad}{name} = \n"));
        custom_class(value, None, indent + 2, depth - 1, culture, out);
        return;
    }
    if depth > 0
        && let Value::Array(a) = value
    {
        let inner = " ".repeat(indent + 2);
        out.push_str(&format!("{pad}{name} = \n{inner}[\n"));
        for item in a.borrow().items.iter() {
            if custom_expands(item) {
                custom_class(item, None, indent + 4, depth - 1, culture, out);
            } else {
                let text = crate::format::dotnet_to_string(item, culture);
                out.push_str(&format!("{inner}  {text}\n"));
            }
        }
        out.push_str(&format!("{inner}]\n{inner}\n"));
        return;
    }
    let text = crate::format::dotnet_to_string(value, culture);
    out.push_str(&format!("{pad}{name} = {text}\n"));
}

fn format_table(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let (values, props) = prepare(ctx, all, b)?;
    let opts = ctx.session.format_options();
    let table = crate::format::TableOptions {
        autosize: b.switch("AutoSize"),
        hide_headers: b.switch("HideTableHeaders"),
        wrap: b.switch("Wrap"),
        group_by: b.get("GroupBy").map(|v| v.to_ps_string()),
    };
    let text = crate::format::format_table(&values, props.as_deref(), &table, &opts);
    emit_text(ctx, text);
    Ok(())
}

fn format_wide(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let (values, props) = prepare(ctx, all, b)?;
    let opts = ctx.session.format_options();
    let column = b.int("Column").map(|c| c.max(1) as usize);
    let property = props.as_ref().and_then(|p| p.first()).map(String::as_str);
    let text = crate::format::format_wide(&values, property, column, b.switch("AutoSize"), &opts);
    emit_text(ctx, text);
    Ok(())
}

fn out_string(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let mut opts = ctx.session.format_options();
    if let Some(w) = b.int("Width") {
        opts.width = w.max(10) as usize;
    }
    let text = crate::format::out_string(&all, &opts);
    if b.switch("Stream") {
        for line in text.lines() {
            ctx.write_object(Value::str(line));
        }
    } else {
        ctx.write_object(Value::str(text));
    }
    Ok(())
}

/// Out-Host: the objects formatted as Out-Default would, straight to the host (nothing is
/// written to the pipeline).
fn out_host(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let all = items(ctx, b);
    let opts = ctx.session.format_options();
    let text = crate::format::out_string(&all, &opts);
    if !text.is_empty() {
        ctx.write_host(&text);
    }
    Ok(())
}

//! ConvertTo-Html: the HTML report at the end of many admin scripts (`$report | ConvertTo-Html
//! -Title ... -PreContent ... | Out-File report.html`). Line for line as ConvertToHtmlCommand
//! writes it (PowerShell/PowerShell ConvertTo-Html.cs): a DOCTYPE, head and body frame unless
//! -Fragment, then a table whose columns come from the first object (or -Property), each value
//! HTML-encoded; -As List writes name/value rows per object, separated by a rule.

use super::objects::{PropertySpec, compute_properties, property_names, property_specs};
use crate::runtime::CmdletDef;
use crate::runtime::{BoundParameters, CommandContext, Flow, Value};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

const AS: ParamType = ParamType::new(
    ParamKind::Enum(&["Table", "List"]),
    "String",
    "System.String",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("ConvertTo-Html", UTILITY, convert_to_html)
            .class("Microsoft.PowerShell.Commands.ConvertToHtmlCommand")
            .synopsis("Converts .NET objects into HTML that can be displayed in a Web browser.")
            .description("Writes an HTML page (or, with -Fragment, just the table) as lines of text: one table row per input object, the columns from -Property or from the first object's properties, every value HTML-encoded.")
            .default_set("Page")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to convert."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).position(0).help("The properties (or calculated properties) to show; all by default."))
            .param(ParamDef::new("Head", types::STRING_ARRAY).sets(&["Page"]).position(1).help("The content of the <head> element (replaces the title)."))
            .param(ParamDef::new("Title", types::STRING).sets(&["Page"]).position(2).help("The page title (default: HTML TABLE)."))
            .param(ParamDef::new("Body", types::STRING_ARRAY).sets(&["Page"]).position(3).help("Text after the opening <body> tag."))
            .param(ParamDef::new("As", AS).help("Table (default) or List."))
            .param(ParamDef::new("CssUri", types::STRING).sets(&["Page"]).alias("cu").alias("uri").help("A style sheet to link."))
            .param(ParamDef::new("Fragment", types::SWITCH).sets(&["Fragment"]).help("Writes only the table, without the page around it."))
            .param(ParamDef::new("PreContent", types::STRING_ARRAY).help("Text before the table."))
            .param(ParamDef::new("PostContent", types::STRING_ARRAY).help("Text after the table."))
            .param(ParamDef::new("Meta", types::HASHTABLE).sets(&["Page"]).help("<meta> elements for the head."))
            .param(ParamDef::new("Charset", types::STRING).sets(&["Page"]).help("A <meta charset> element."))
            .param(ParamDef::new("Transitional", types::SWITCH).sets(&["Page"]).help("Uses the XHTML Transitional DOCTYPE."))
            .outputs("System.String")
            .example(
                "A report of who has which policy",
                "Get-CsOnlineUser | Select-Object DisplayName, ApplicationAccessPolicy | ConvertTo-Html -Title 'Policy report' | Out-File report.html",
                "Writes an HTML page with one row per user.",
            ),
    ]
}

/// A resolved column: its header and how to get its value.
struct Column {
    header: String,
    spec: PropertySpec,
}

fn convert_to_html(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items: Vec<Value> = if ctx.collected.is_empty() {
        match b.get("InputObject") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => vec![v.clone()],
        }
    } else {
        ctx.collected.clone()
    };
    let specs = property_specs(ctx, b.get("Property"))?;
    let fragment = b.switch("Fragment");
    let mut out: Vec<String> = Vec::new();
    if !fragment {
        out.push(if b.switch("Transitional") {
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">".into()
        } else {
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">".into()
        });
        out.push("<html xmlns=\"http://www.w3.org/1999/xhtml\">".into());
        out.push("<head>".into());
        if let Some(charset) = b.string("Charset") {
            out.push(format!("<meta charset=\"{charset}\">"));
        }
        if let Some(Value::Hashtable(meta)) = b.get("Meta") {
            for (k, v) in meta.borrow().iter() {
                let name = k.to_ps_string();
                let kind = match name.to_ascii_lowercase().as_str() {
                    "content-type" | "default-style" | "x-ua-compatible" => "http-equiv",
                    _ => "name",
                };
                out.push(format!(
                    "<meta {kind}=\"{name}\" content=\"{}\">",
                    v.to_ps_string()
                ));
            }
        }
        match b.strings("Head") {
            Some(head) => out.extend(head),
            // pwsh writes the title as given (its HtmlEncode result is discarded).
            None => out.push(format!(
                "<title>{}</title>",
                b.string("Title").unwrap_or_else(|| "HTML TABLE".into())
            )),
        }
        if let Some(css) = b.string("CssUri") {
            out.push(format!(
                "<link rel=\"stylesheet\" type=\"text/css\" href=\"{css}\" />"
            ));
        }
        out.push("</head><body>".into());
        if let Some(body) = b.strings("Body") {
            out.extend(body);
        }
    }
    if let Some(pre) = b.strings("PreContent") {
        out.extend(pre);
    }
    out.push("<table>".into());
    let as_list = b
        .string("As")
        .is_some_and(|a| a.eq_ignore_ascii_case("List"));
    let mut columns: Option<Vec<Column>> = None;
    for (n, item) in items.iter().enumerate() {
        if item.is_null() {
            continue;
        }
        if as_list {
            // The columns are resolved again for every object in a list.
            let cols = resolve_columns(item, &specs);
            if n > 0 {
                out.push("<tr><td><hr></td></tr>".into());
            }
            for c in &cols {
                let value = cell(ctx, item, c)?;
                out.push(format!("<tr><td>{}:</td><td>{value}</td></tr>", c.header));
            }
            continue;
        }
        if columns.is_none() {
            let cols = resolve_columns(item, &specs);
            if cols.is_empty() {
                continue;
            }
            out.push(format!(
                "<colgroup>{}</colgroup>",
                "<col/>".repeat(cols.len())
            ));
            let headers: String = cols
                .iter()
                .map(|c| format!("<th>{}</th>", c.header))
                .collect();
            out.push(format!("<tr>{headers}</tr>"));
            columns = Some(cols);
        }
        if let Some(cols) = &columns {
            let mut row = String::from("<tr>");
            for c in cols {
                row.push_str(&format!("<td>{}</td>", cell(ctx, item, c)?));
            }
            row.push_str("</tr>");
            out.push(row);
        }
    }
    out.push("</table>".into());
    if let Some(post) = b.strings("PostContent") {
        out.extend(post);
    }
    if !fragment {
        out.push("</body></html>".into());
    }
    for line in out {
        ctx.write_object(Value::str(line));
    }
    Ok(())
}

/// -Property (default `*`) against the first object: wildcards expand to its property names.
fn resolve_columns(item: &Value, specs: &[PropertySpec]) -> Vec<Column> {
    let wanted: Vec<PropertySpec> = if specs.is_empty() {
        vec![PropertySpec::Name("*".into())]
    } else {
        specs.to_vec()
    };
    let mut cols = Vec::new();
    for spec in wanted {
        match &spec {
            PropertySpec::Name(pattern) if crate::runtime::operators::has_wildcards(pattern) => {
                if matches!(item, Value::String(_)) {
                    // A string's only property is its Length, shown under the `*` header
                    // (the well-known surprise of piping text to ConvertTo-Html).
                    cols.push(Column {
                        header: pattern.clone(),
                        spec: PropertySpec::Name("Length".into()),
                    });
                    continue;
                }
                for name in property_names(item) {
                    if crate::runtime::operators::wildcard_match(pattern, &name, false) {
                        cols.push(Column {
                            header: name.clone(),
                            spec: PropertySpec::Name(name),
                        });
                    }
                }
            }
            PropertySpec::Name(name) => cols.push(Column {
                header: name.clone(),
                spec: spec.clone(),
            }),
            PropertySpec::Calculated { name, .. } => cols.push(Column {
                header: name.clone(),
                spec: spec.clone(),
            }),
        }
    }
    cols
}

/// One value, as .NET's ToString() gives it, HTML-encoded.
fn cell(ctx: &mut CommandContext<'_>, item: &Value, c: &Column) -> Result<String, Flow> {
    let value = compute_properties(ctx, item, std::slice::from_ref(&c.spec))?
        .into_iter()
        .next()
        .map(|(_, v)| v)
        .unwrap_or(Value::Null);
    let text = match &value {
        Value::Null => String::new(),
        Value::Array(_) => "System.Object[]".into(),
        Value::Hashtable(_) => "System.Collections.Hashtable".into(),
        Value::DateTime(dt) => {
            super::host_cmdlets::dotnet_date_format(*dt, "G", ctx.session.culture)
        }
        other => ctx.session.stringify(other),
    };
    Ok(html_encode(&text))
}

/// WebUtility.HtmlEncode: `& < > " '` and the Latin-1 range U+00A0–U+00FF as entities.
pub fn html_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{a0}'..='\u{ff}' => out.push_str(&format!("&#{};", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_encode;

    #[test]
    fn encodes_like_webutility() {
        assert_eq!(html_encode("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(html_encode("café"), "caf&#233;");
        assert_eq!(html_encode("Ω"), "Ω");
    }
}

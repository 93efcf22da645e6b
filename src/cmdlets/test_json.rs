//! Test-Json: whether a string (or a file) is valid JSON, and optionally whether it meets a
//! JSON schema. Messages, error ids and the order of schema errors are pwsh 7.6.10's
//! (TestJsonCommand). The schema check covers the keywords admin scripts use: `type`,
//! `required`, `properties`, `items` and `enum`; other keywords are accepted and not checked
//! (docs/fidelity.md).

use serde_json::Value as Json;

use crate::runtime::{BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, Value};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

const OPTIONS: ParamType = ParamType::new(
    ParamKind::Enum(&["IgnoreComments", "AllowTrailingCommas"]),
    "String[]",
    "System.String[]",
);

const JSON_SETS: &[&str] = &[
    "JsonString",
    "JsonStringWithSchemaString",
    "JsonStringWithSchemaFile",
];
const PATH_SETS: &[&str] = &[
    "JsonPath",
    "JsonPathWithSchemaString",
    "JsonPathWithSchemaFile",
];
const LITERAL_SETS: &[&str] = &[
    "JsonLiteralPath",
    "JsonLiteralPathWithSchemaString",
    "JsonLiteralPathWithSchemaFile",
];
const SCHEMA_SETS: &[&str] = &[
    "JsonStringWithSchemaString",
    "JsonPathWithSchemaString",
    "JsonLiteralPathWithSchemaString",
];
const SCHEMA_FILE_SETS: &[&str] = &[
    "JsonStringWithSchemaFile",
    "JsonPathWithSchemaFile",
    "JsonLiteralPathWithSchemaFile",
];

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Test-Json", UTILITY, test_json)
            .class("Microsoft.PowerShell.Commands.TestJsonCommand")
            .synopsis("Tests whether a string is a valid JSON document.")
            .description("Writes True when the text parses as JSON (and meets -Schema or -SchemaFile), else an error and False. The schema check covers type, required, properties, items and enum.")
            .pipeline(PipelineMode::PerRecord)
            .default_set("JsonString")
            .param(ParamDef::new("Json", types::STRING).sets(JSON_SETS).position(0).mandatory().from_pipeline().help("The JSON text to test."))
            .param(ParamDef::new("Path", types::STRING).sets(PATH_SETS).position(0).mandatory().help("A file holding the JSON to test."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(LITERAL_SETS).mandatory().alias("PSPath").alias("LP").help("The file, used exactly as typed."))
            .param(ParamDef::new("Schema", types::STRING).sets(SCHEMA_SETS).position(1).mandatory().help("A JSON schema the JSON must meet."))
            .param(ParamDef::new("SchemaFile", types::STRING).sets(SCHEMA_FILE_SETS).mandatory().help("A file holding the JSON schema."))
            .param(ParamDef::new("Options", OPTIONS).help("IgnoreComments and/or AllowTrailingCommas."))
            .outputs("System.Boolean")
            .example("Check a settings file", "Get-Content .\\settings.json -Raw | Test-Json", "True, or an error and False."),
    ]
}

fn invalid(
    ctx: &CommandContext<'_>,
    message: &str,
    id: &str,
    target: Option<Value>,
) -> crate::runtime::ErrorRecord {
    let mut r = ctx.error("System.Exception", message, id, ErrorCategory::InvalidData);
    r.target_object = target;
    r
}

fn test_json(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let options = b.strings("Options").unwrap_or_default();
    let has = |o: &str| options.iter().any(|x| x.eq_ignore_ascii_case(o));
    let (comments, commas) = (has("IgnoreComments"), has("AllowTrailingCommas"));
    let mut schema = None;
    if let Some(text) = b.string("Schema") {
        match serde_json::from_str::<Json>(&text) {
            Ok(s) => schema = Some(s),
            Err(_) => {
                let r = invalid(
                    ctx,
                    "Cannot parse the JSON schema.",
                    "InvalidJsonSchema",
                    Some(Value::str(&text)),
                );
                ctx.write_error(r)?;
            }
        }
    } else if let Some(file) = b.string("SchemaFile") {
        let path = ctx.session.resolve_path(&file);
        match std::fs::read_to_string(&path) {
            Ok(text) => match serde_json::from_str::<Json>(&text) {
                Ok(s) => schema = Some(s),
                Err(_) => {
                    let r = invalid(
                        ctx,
                        "Cannot parse the JSON schema.",
                        "InvalidJsonSchema",
                        Some(Value::str(&file)),
                    );
                    ctx.write_error(r)?;
                }
            },
            Err(_) => {
                let shown = crate::runtime::files::shown(&path);
                let r = ctx.error(
                    "System.Exception",
                    format!("Cannot open JSON schema file: {shown}"),
                    "JsonSchemaFileOpenFailure",
                    ErrorCategory::OpenError,
                );
                return Err(ctx.terminate(r));
            }
        }
    }
    let text = match b.string("LiteralPath").or_else(|| b.string("Path")) {
        Some(p) => {
            let path = ctx.session.resolve_path(&p);
            match std::fs::read_to_string(&path) {
                Ok(t) if path.is_file() => t,
                _ => {
                    let r = super::io::path_not_found(ctx, &path);
                    return Err(ctx.terminate(r));
                }
            }
        }
        None => b.string("Json").unwrap_or_default(),
    };
    let cleaned = relax(&text, comments, commas);
    let parsed = match serde_json::from_str::<Json>(&cleaned) {
        Ok(v) => v,
        Err(_) => {
            let target = b.string("Json").map(Value::str);
            let r = invalid(ctx, "Cannot parse the JSON.", "InvalidJson", target);
            ctx.write_error(r)?;
            ctx.write_object(Value::Bool(false));
            return Ok(());
        }
    };
    let mut errors = Vec::new();
    if let Some(schema) = &schema {
        check(schema, &parsed, "", &mut errors);
    }
    for (message, at) in &errors {
        let r = ctx.error(
            "System.Exception",
            format!("The JSON is not valid with the schema: {message} at '{at}'"),
            "InvalidJsonAgainstSchemaDetailed",
            ErrorCategory::InvalidData,
        );
        ctx.write_error(r)?;
    }
    ctx.write_object(Value::Bool(errors.is_empty()));
    Ok(())
}

/// The text without comments (`IgnoreComments`) and trailing commas (`AllowTrailingCommas`),
/// leaving strings alone, so a strict parser reads what System.Text.Json would.
fn relax(text: &str, comments: bool, commas: bool) -> String {
    if !comments && !commas {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut in_string = false;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            out.push(c);
            if c == '\\' && i + 1 < chars.len() {
                out.push(chars[i + 1]);
                i += 1;
            } else if c == '"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if comments && chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if comments && chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
                out.push(' ');
                continue;
            }
            ',' if commas => {
                // A comma whose next meaningful character closes the container is dropped.
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if !matches!(next, Some('}' | ']')) {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Json::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => "integer",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

fn type_matches(want: &str, v: &Json) -> bool {
    let have = type_name(v);
    want == have || (want == "number" && have == "integer")
}

/// JSON pointer text for a child of `at`.
fn child(at: &str, key: &str) -> String {
    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// Schema errors for `v` at `at` (its own, then its children's), as (message, location).
fn check(schema: &Json, v: &Json, at: &str, errors: &mut Vec<(String, String)>) {
    let Json::Object(s) = schema else {
        // `false` rejects everything; `true` accepts everything.
        if schema == &Json::Bool(false) {
            errors.push(("All values fail against the false schema".into(), at.into()));
        }
        return;
    };
    match s.get("type") {
        Some(Json::String(t)) if !type_matches(t, v) => errors.push((
            format!("Value is \"{}\" but should be \"{t}\"", type_name(v)),
            at.into(),
        )),
        Some(Json::Array(ts))
            if !ts
                .iter()
                .any(|t| t.as_str().is_some_and(|t| type_matches(t, v))) =>
        {
            let list = serde_json::to_string(ts).unwrap_or_default();
            errors.push((
                format!("Value is \"{}\" but should be {list}", type_name(v)),
                at.into(),
            ));
        }
        _ => {}
    }
    if let Some(Json::Array(values)) = s.get("enum")
        && !values.contains(v)
    {
        errors.push((
            "Value should match one of the values specified by the enum".into(),
            at.into(),
        ));
    }
    if let (Some(Json::Array(required)), Json::Object(o)) = (s.get("required"), v) {
        let missing: Vec<&Json> = required
            .iter()
            .filter(|k| k.as_str().is_some_and(|k| !o.contains_key(k)))
            .collect();
        if !missing.is_empty() {
            let list = serde_json::to_string(&missing).unwrap_or_default();
            errors.push((
                format!("Required properties {list} are not present"),
                at.into(),
            ));
        }
    }
    if let (Some(Json::Object(props)), Json::Object(o)) = (s.get("properties"), v) {
        for (key, sub) in props {
            if let Some(value) = o.get(key) {
                check(sub, value, &child(at, key), errors);
            }
        }
    }
    if let (Some(items), Json::Array(list)) = (s.get("items"), v) {
        for (i, item) in list.iter().enumerate() {
            check(items, item, &child(at, &i.to_string()), errors);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relax_drops_comments_and_trailing_commas_outside_strings() {
        assert_eq!(relax("{\"a\":1 /* c */}", true, false), "{\"a\":1  }");
        assert_eq!(relax("[1,2,]", false, true), "[1,2]");
        assert_eq!(relax("[\"a,]\",]", false, true), "[\"a,]\"]");
    }

    #[test]
    fn schema_errors_come_parent_first() {
        let schema: Json = serde_json::from_str(
            r#"{"type":"object","properties":{"age":{"type":"integer"}},"required":["name"]}"#,
        )
        .unwrap();
        let v: Json = serde_json::from_str(r#"{"age":"x"}"#).unwrap();
        let mut errors = Vec::new();
        check(&schema, &v, "", &mut errors);
        assert_eq!(
            errors,
            vec![
                (
                    "Required properties [\"name\"] are not present".to_string(),
                    String::new()
                ),
                (
                    "Value is \"string\" but should be \"integer\"".to_string(),
                    "/age".to_string()
                ),
            ]
        );
    }
}

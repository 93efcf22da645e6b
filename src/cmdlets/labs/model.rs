//! A lab file (docs/labs.md): JSON with a format version, read field by field so that every
//! mistake is reported with the file, the field (`steps[2].check`) and the problem, before
//! anything runs. Checks and setup commands are parsed here too: one that does not parse is a
//! mistake in the file, not a failed step.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value as Json};

use crate::store::Tenant;
use crate::syntax::{SourceFile, ast::ScriptBlockAst, parse_script};

/// The lab format this aapsh reads (`"labFormat": 1`).
pub const LAB_FORMAT: u64 = 1;

/// A lab file that cannot be used, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabError {
    /// The file as the user named it (or `lab NAME` for a shipped one).
    pub file: String,
    /// The field (`steps[2].check`), empty for the file as a whole.
    pub field: String,
    pub problem: String,
}

impl std::fmt::Display for LabError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.file.strip_prefix("lab ") {
            Some(name) => format!("The built-in lab '{name}'"),
            None => format!("The lab file '{}'", self.file),
        };
        if self.field.is_empty() {
            write!(f, "{what} cannot be used: {}", self.problem)
        } else {
            write!(f, "{what} cannot be used: {}: {}", self.field, self.problem)
        }
    }
}

/// Where the starting tenant comes from.
#[derive(Clone, Debug)]
pub enum TenantSource {
    Demo,
    /// A store file beside the lab (its path as resolved).
    File(PathBuf),
    Inline,
}

/// A Graph call a step requires (see `GraphCall` in the runtime).
#[derive(Clone, Debug)]
pub struct GraphCallRule {
    /// `Create`, `Get`, `Delete`, or `None` for any.
    pub operation: Option<String>,
    /// A user as typed (UPN, object id, display name) or `$Variable`.
    pub user: Option<String>,
    /// An app (appId or display name) or `$Variable`.
    pub app: Option<String>,
    /// The call must have succeeded (true) or failed (false).
    pub succeeded: bool,
}

/// A command a step does not allow.
#[derive(Clone, Debug)]
pub struct ForbidRule {
    pub command: String,
    pub parameter: Option<String>,
    pub reason: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Step {
    pub title: String,
    pub instruction: String,
    pub hints: Vec<String>,
    pub check: Option<(String, Rc<ScriptBlockAst>)>,
    pub graph_call: Option<GraphCallRule>,
    pub forbid: Vec<ForbidRule>,
    pub done: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Lab {
    /// The name `-Lab` finds it by (a shipped lab's name, else the file's name without
    /// `.json`).
    pub name: String,
    /// The file as named, or `lab NAME` for a shipped lab (for messages).
    pub origin: String,
    pub title: String,
    pub introduction: String,
    pub tenant_source: TenantSource,
    pub tenant: Tenant,
    /// In the order written.
    pub variables: Vec<(String, Json)>,
    pub files: Vec<(String, String)>,
    pub setup: Vec<(String, Rc<ScriptBlockAst>)>,
    pub steps: Vec<Step>,
}

const TOP_FIELDS: &[&str] = &[
    "labFormat",
    "name",
    "title",
    "introduction",
    "tenant",
    "variables",
    "files",
    "setup",
    "steps",
];
const STEP_FIELDS: &[&str] = &[
    "title",
    "instruction",
    "hints",
    "check",
    "graphCall",
    "forbid",
    "done",
];
const GRAPH_FIELDS: &[&str] = &["operation", "user", "app", "succeeded"];
const FORBID_FIELDS: &[&str] = &["command", "parameter", "reason"];
const OPERATIONS: &[&str] = &["Create", "Get", "Delete", "Any"];

struct Reader<'a> {
    file: &'a str,
}

impl Reader<'_> {
    fn err(&self, field: &str, problem: impl Into<String>) -> LabError {
        LabError {
            file: self.file.to_string(),
            field: field.to_string(),
            problem: problem.into(),
        }
    }

    fn object<'j>(&self, v: &'j Json, field: &str) -> Result<&'j Map<String, Json>, LabError> {
        v.as_object().ok_or_else(|| {
            self.err(
                field,
                format!("expected an object {{...}}, found {}", kind(v)),
            )
        })
    }

    /// Refuses keys the format does not have (a typo would otherwise be ignored silently).
    fn known(&self, m: &Map<String, Json>, field: &str, allowed: &[&str]) -> Result<(), LabError> {
        for key in m.keys() {
            if !allowed.contains(&key.as_str()) {
                let at = join(field, key);
                let hint = closest(key, allowed)
                    .map(|c| format!("; did you mean \"{c}\"?"))
                    .unwrap_or_else(|| format!("; the fields here are {}", allowed.join(", ")));
                return Err(self.err(&at, format!("unknown field{hint}")));
            }
        }
        Ok(())
    }

    fn string(
        &self,
        m: &Map<String, Json>,
        field: &str,
        key: &str,
    ) -> Result<Option<String>, LabError> {
        match m.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.err(
                &join(field, key),
                format!("expected a string in double quotes, found {}", kind(other)),
            )),
        }
    }

    fn required(&self, m: &Map<String, Json>, field: &str, key: &str) -> Result<String, LabError> {
        match self.string(m, field, key)? {
            Some(s) if !s.trim().is_empty() => Ok(s),
            Some(_) => Err(self.err(&join(field, key), "must not be empty")),
            None => Err(self.err(&join(field, key), "this field is required and missing")),
        }
    }

    fn strings(
        &self,
        m: &Map<String, Json>,
        field: &str,
        key: &str,
    ) -> Result<Vec<String>, LabError> {
        let at = join(field, key);
        match m.get(key) {
            None | Some(Json::Null) => Ok(Vec::new()),
            Some(Json::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Json::String(s) => Ok(s.clone()),
                    other => Err(self.err(
                        &format!("{at}[{i}]"),
                        format!("expected a string, found {}", kind(other)),
                    )),
                })
                .collect(),
            Some(other) => Err(self.err(
                &at,
                format!(
                    "expected a list of strings [\"...\", \"...\"], found {}",
                    kind(other)
                ),
            )),
        }
    }

    /// Parses PowerShell text; a parse error is the file's mistake.
    fn script(&self, text: &str, field: &str) -> Result<Rc<ScriptBlockAst>, LabError> {
        parse_script(SourceFile::new(None, text)).map_err(|errors| {
            let first = errors.errors.first();
            let message = first.map_or("it does not parse".to_string(), |e| e.message.clone());
            let column = first.map_or(1, |e| {
                text.get(..e.span.start as usize)
                    .map_or(1, |before| before.chars().count() + 1)
            });
            self.err(
                field,
                format!("the PowerShell does not parse (at character {column}): {message}"),
            )
        })
    }
}

fn join(field: &str, key: &str) -> String {
    if field.is_empty() {
        key.to_string()
    } else {
        format!("{field}.{key}")
    }
}

/// What a JSON value is, in words.
fn kind(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("{b} (true/false)"),
        Json::Number(n) => format!("the number {n}"),
        Json::String(_) => "a string".into(),
        Json::Array(_) => "a list [...]".into(),
        Json::Object(_) => "an object {...}".into(),
    }
}

/// The allowed name nearest to `typed` (case, a letter or two), if any is near.
fn closest<'a>(typed: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = typed.to_ascii_lowercase();
    allowed
        .iter()
        .map(|a| (edit_distance(&lower, &a.to_ascii_lowercase()), *a))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn valid_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A file name for `files`: a plain name, no folders, nothing hidden.
fn valid_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '))
}

/// Reads a lab from its text. `origin` names it in messages; `dir` is where a tenant file
/// named by the lab is looked for (none for a shipped lab); `default_name` is the name used
/// when the file gives none.
pub fn parse_lab(
    text: &str,
    origin: &str,
    dir: Option<&Path>,
    default_name: &str,
) -> Result<Lab, LabError> {
    let r = Reader { file: origin };
    let json: Json = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        r.err(
            "",
            format!(
                "it is not valid JSON (line {}, column {}): {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ),
        )
    })?;
    let top = r.object(&json, "")?;
    match top.get("labFormat") {
        None => {
            return Err(r.err(
                "labFormat",
                format!("this field is required and missing; write \"labFormat\": {LAB_FORMAT}"),
            ));
        }
        Some(Json::Number(n)) if n.as_u64() == Some(LAB_FORMAT) => {}
        Some(Json::Number(n)) if n.as_u64().is_some_and(|v| v > LAB_FORMAT) => {
            return Err(r.err(
                "labFormat",
                format!("version {n} is newer than this aapsh reads ({LAB_FORMAT}); update aapsh"),
            ));
        }
        Some(other) => {
            return Err(r.err(
                "labFormat",
                format!("expected the number {LAB_FORMAT}, found {}", kind(other)),
            ));
        }
    }
    r.known(top, "", TOP_FIELDS)?;
    let name = r
        .string(top, "", "name")?
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| default_name.to_string());
    let title = r.required(top, "", "title")?;
    let introduction = r.required(top, "", "introduction")?;

    let (tenant_source, tenant) = match top.get("tenant") {
        None | Some(Json::Null) => (TenantSource::Demo, crate::store::demo_tenant()),
        Some(Json::String(s)) if s.eq_ignore_ascii_case("demo") => {
            (TenantSource::Demo, crate::store::demo_tenant())
        }
        Some(Json::String(s)) => {
            let Some(dir) = dir else {
                return Err(r.err(
                    "tenant",
                    "a built-in lab cannot name a tenant file; put the tenant inline",
                ));
            };
            let path = dir.join(s);
            let bytes = std::fs::read(&path).map_err(|e| {
                r.err(
                    "tenant",
                    if e.kind() == std::io::ErrorKind::NotFound {
                        format!(
                            "the tenant file '{s}' does not exist (looked for {})",
                            path.display()
                        )
                    } else {
                        format!("the tenant file '{s}' cannot be read: {e}")
                    },
                )
            })?;
            let tenant = Tenant::from_json_bytes(&bytes).map_err(|e| {
                r.err(
                    "tenant",
                    format!("the tenant file '{s}' is not a valid store file: {e}"),
                )
            })?;
            (TenantSource::File(path), tenant)
        }
        Some(doc @ Json::Object(_)) => {
            let bytes = serde_json::to_vec(doc).unwrap_or_default();
            let tenant = Tenant::from_json_bytes(&bytes).map_err(|e| {
                r.err(
                    "tenant",
                    format!("not a valid store document (docs/store-format.md): {e}"),
                )
            })?;
            (TenantSource::Inline, tenant)
        }
        Some(other) => {
            return Err(r.err(
                "tenant",
                format!(
                    "expected \"demo\", a store file name or a store document {{...}}, found {}",
                    kind(other)
                ),
            ));
        }
    };

    let mut variables = Vec::new();
    if let Some(v) = top.get("variables").filter(|v| !v.is_null()) {
        for (k, value) in r.object(v, "variables")? {
            if !valid_variable_name(k) {
                return Err(r.err(
                    &format!("variables.{k}"),
                    "a variable name is letters, digits and _ (written without the $)",
                ));
            }
            if value.is_null() || value.is_object() {
                return Err(r.err(
                    &format!("variables.{k}"),
                    format!(
                        "expected a string, number, true/false or a list, found {}",
                        kind(value)
                    ),
                ));
            }
            variables.push((k.clone(), value.clone()));
        }
    }

    let mut files = Vec::new();
    if let Some(v) = top.get("files").filter(|v| !v.is_null()) {
        for (k, value) in r.object(v, "files")? {
            if !valid_file_name(k) {
                return Err(r.err(
                    &format!("files.{k}"),
                    "a file name is letters, digits, spaces, '-', '_' and '.', with no folder",
                ));
            }
            let Json::String(content) = value else {
                return Err(r.err(
                    &format!("files.{k}"),
                    format!(
                        "expected the file's text as a string, found {}",
                        kind(value)
                    ),
                ));
            };
            files.push((k.clone(), content.clone()));
        }
    }

    let mut setup = Vec::new();
    for (i, command) in r.strings(top, "", "setup")?.into_iter().enumerate() {
        let ast = r.script(&command, &format!("setup[{i}]"))?;
        setup.push((command, ast));
    }

    let declared = |name: &str| variables.iter().any(|(k, _)| k.eq_ignore_ascii_case(name));
    let steps_json = match top.get("steps") {
        None | Some(Json::Null) => {
            return Err(r.err("steps", "this field is required and missing"));
        }
        Some(Json::Array(items)) if items.is_empty() => {
            return Err(r.err("steps", "a lab needs at least one step"));
        }
        Some(Json::Array(items)) => items,
        Some(other) => {
            return Err(r.err(
                "steps",
                format!(
                    "expected a list of steps [{{...}}, ...], found {}",
                    kind(other)
                ),
            ));
        }
    };
    let mut steps = Vec::new();
    for (i, s) in steps_json.iter().enumerate() {
        let at = format!("steps[{i}]");
        let m = r.object(s, &at)?;
        r.known(m, &at, STEP_FIELDS)?;
        let title = r.required(m, &at, "title")?;
        let instruction = r.required(m, &at, "instruction")?;
        let hints = r.strings(m, &at, "hints")?;
        if hints.is_empty() {
            return Err(r.err(
                &join(&at, "hints"),
                "each step needs at least one hint: [\"...\"]",
            ));
        }
        let check = match r.string(m, &at, "check")? {
            Some(text) if text.trim().is_empty() => {
                return Err(r.err(&join(&at, "check"), "must not be empty"));
            }
            Some(text) => {
                let ast = r.script(&text, &join(&at, "check"))?;
                Some((text, ast))
            }
            None => None,
        };
        let graph_call = match m.get("graphCall") {
            None | Some(Json::Null) => None,
            Some(g) => {
                let gat = join(&at, "graphCall");
                let gm = r.object(g, &gat)?;
                r.known(gm, &gat, GRAPH_FIELDS)?;
                let operation = match r.string(gm, &gat, "operation")? {
                    None => Some("Create".to_string()),
                    Some(op) => match OPERATIONS.iter().find(|o| o.eq_ignore_ascii_case(&op)) {
                        Some(&"Any") => None,
                        Some(o) => Some((*o).to_string()),
                        None => {
                            return Err(r.err(
                                &join(&gat, "operation"),
                                format!(
                                    "expected one of {}, found \"{op}\"",
                                    OPERATIONS.join(", ")
                                ),
                            ));
                        }
                    },
                };
                let user = r.string(gm, &gat, "user")?;
                let app = r.string(gm, &gat, "app")?;
                for (key, value) in [("user", &user), ("app", &app)] {
                    if let Some(name) = value.as_deref().and_then(|v| v.strip_prefix('$'))
                        && !declared(name)
                    {
                        return Err(r.err(
                            &join(&gat, key),
                            format!("${name} is not one of the lab's variables"),
                        ));
                    }
                }
                let succeeded = match gm.get("succeeded") {
                    None | Some(Json::Null) => true,
                    Some(Json::Bool(b)) => *b,
                    Some(other) => {
                        return Err(r.err(
                            &join(&gat, "succeeded"),
                            format!("expected true or false, found {}", kind(other)),
                        ));
                    }
                };
                Some(GraphCallRule {
                    operation,
                    user,
                    app,
                    succeeded,
                })
            }
        };
        if check.is_none() && graph_call.is_none() {
            return Err(r.err(
                &at,
                "a step needs a \"check\" (a PowerShell expression), a \"graphCall\", or both",
            ));
        }
        let mut forbid = Vec::new();
        match m.get("forbid") {
            None | Some(Json::Null) => {}
            Some(Json::Array(items)) => {
                for (k, f) in items.iter().enumerate() {
                    let fat = format!("{at}.forbid[{k}]");
                    let fm = r.object(f, &fat)?;
                    r.known(fm, &fat, FORBID_FIELDS)?;
                    forbid.push(ForbidRule {
                        command: r.required(fm, &fat, "command")?,
                        parameter: r
                            .string(fm, &fat, "parameter")?
                            .map(|p| p.trim().trim_start_matches('-').to_string()),
                        reason: r.string(fm, &fat, "reason")?,
                    });
                }
            }
            Some(other) => {
                return Err(r.err(
                    &join(&at, "forbid"),
                    format!(
                        "expected a list [{{\"command\": ..., \"parameter\": ...}}], found {}",
                        kind(other)
                    ),
                ));
            }
        }
        steps.push(Step {
            title,
            instruction,
            hints,
            check,
            graph_call,
            forbid,
            done: r.string(m, &at, "done")?,
        });
    }
    Ok(Lab {
        name,
        origin: origin.to_string(),
        title,
        introduction,
        tenant_source,
        tenant,
        variables,
        files,
        setup,
        steps,
    })
}

/// serde_json's message without its own ` at line L column C` (we say it first).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> LabError {
        parse_lab(text, "t.json", None, "t").unwrap_err()
    }

    const STEP: &str = r#"{"title": "T", "instruction": "I", "hints": ["h"], "check": "$true"}"#;

    fn lab_with(step: &str) -> String {
        format!(r#"{{"labFormat": 1, "title": "T", "introduction": "I", "steps": [{step}]}}"#)
    }

    #[test]
    fn a_minimal_lab_reads() {
        let lab = parse_lab(&lab_with(STEP), "t.json", None, "t").unwrap();
        assert_eq!(lab.steps.len(), 1);
        assert_eq!(lab.name, "t");
    }

    #[test]
    fn mistakes_name_the_field() {
        let e = err(r#"{"labFormat": 1, "introduction": "I", "steps": []}"#);
        assert_eq!(e.field, "title");
        assert!(e.problem.contains("required"), "{e}");
        let e = err(&lab_with(
            r#"{"title": "T", "instruction": "I", "hints": "h", "check": "1"}"#,
        ));
        assert_eq!(e.field, "steps[0].hints");
        assert!(e.problem.contains("list of strings"), "{e}");
        let e = err(&lab_with(
            r#"{"title": "T", "instruction": "I", "hint": ["h"], "check": "1"}"#,
        ));
        assert_eq!(e.field, "steps[0].hint");
        assert!(e.problem.contains("did you mean \"hints\""), "{e}");
        let e = err(&lab_with(
            r#"{"title": "T", "instruction": "I", "hints": ["h"], "check": "(1 +"}"#,
        ));
        assert_eq!(e.field, "steps[0].check");
        assert!(e.problem.contains("does not parse"), "{e}");
        let e = err(&lab_with(
            r#"{"title": "T", "instruction": "I", "hints": ["h"]}"#,
        ));
        assert_eq!(e.field, "steps[0]");
        let e = err(r#"{"labFormat": 2, "title": "T", "introduction": "I", "steps": []}"#);
        assert!(e.problem.contains("newer"), "{e}");
        let e = err("{\"labFormat\": 1,\n \"title\": }");
        assert!(e.problem.contains("line 2"), "{e}");
    }
}

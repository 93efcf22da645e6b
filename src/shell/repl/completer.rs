//! Tab completion, generated from the cmdlet table and the live store. Works from the text
//! before the cursor with the error-tolerant classifier (`syntax::highlight`), so unfinished
//! quotes, brackets and pipelines still complete: cmdlet names by prefix or wildcard
//! (`*AccessPolicy`), parameter names of the parameter sets still possible, and values (policy
//! names, users, groups, app ids, enum values, `$true`/`$false`, files, variables). Candidates
//! that need quoting come out single-quoted. Must not run anything.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustyline::completion::Pair;

use crate::runtime::CmdletDef;
use crate::runtime::CommandTable;
use crate::runtime::binder::{all_parameters, resolve_parameter};
use crate::runtime::operators::wildcard_match;
use crate::syntax::highlight::{Classification, Classified, Position, TokenClass, classify};
use crate::vocab::{ParamDef, ParamKind, Validation};

/// A user as completion offers it.
#[derive(Clone, Debug, Default)]
pub struct UserEntry {
    pub upn: String,
    pub object_id: String,
    pub display_name: String,
}

/// What completion knows about the session, refreshed before each prompt.
#[derive(Clone)]
pub struct CompletionData {
    pub commands: CommandTable,
    /// Policy identities as stored (`Global`, `Tag:Name`).
    pub policies: Vec<String>,
    pub users: Vec<UserEntry>,
    /// `(display name, object id)`.
    pub groups: Vec<(String, String)>,
    /// `(app id, display name)`.
    pub apps: Vec<(String, String)>,
    /// Variable names without `$`.
    pub variables: Vec<String>,
    /// Relative paths complete from here.
    pub cwd: PathBuf,
    /// Variables whose value is known now, with its member names (`$x.<Tab>`), without `$`.
    pub members: Vec<(String, Vec<String>)>,
}

impl Default for CompletionData {
    fn default() -> Self {
        CompletionData {
            // A fresh session: the Exchange Online cmdlets come with Connect-ExchangeOnline.
            commands: crate::cmdlets::command_table().without(crate::vocab::Requires::Exchange),
            policies: Vec::new(),
            users: Vec::new(),
            groups: Vec::new(),
            apps: Vec::new(),
            variables: Vec::new(),
            cwd: std::env::current_dir().unwrap_or_default(),
            members: Vec::new(),
        }
    }
}

/// The completion of the word before `pos`: where the replaced text starts, and the candidates.
pub fn complete(line: &str, pos: usize, data: &CompletionData) -> (usize, Vec<Pair>) {
    let pos = floor_boundary(line, pos);
    let before = &line[..pos];
    if let Some(found) = member_completion(before, data) {
        return found;
    }
    let c = classify(before);
    // A lone `-` after a space starts a parameter name (the lexer sees a minus sign).
    if let Position::Argument(k) = c.at_end
        && let Some(dash) = before.chars().next_back().filter(|ch| is_dash(*ch))
        && before[..pos - dash.len_utf8()].ends_with([' ', '\t'])
    {
        let Some(def) = command_def(&c, k, data) else {
            return (pos, Vec::new());
        };
        return (
            pos - dash.len_utf8(),
            parameter_names(&c, k, &def, "", None),
        );
    }
    let word = current_word(&c, pos);
    match word {
        Some(i) => complete_word(&c, i, data),
        None => (pos, complete_new_word(&c, data)),
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

fn floor_boundary(s: &str, mut pos: usize) -> usize {
    pos = pos.min(s.len());
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The token that ends at the cursor and can be completed (not a bracket or operator).
fn current_word(c: &Classification, pos: usize) -> Option<usize> {
    let i = c.tokens.len().checked_sub(1)?;
    let t = &c.tokens[i];
    let completable = !matches!(
        t.class,
        TokenClass::Operator | TokenClass::Comment | TokenClass::Error
    ) || t.value.starts_with('$');
    (t.range.end == pos && completable).then_some(i)
}

fn complete_word(c: &Classification, i: usize, data: &CompletionData) -> (usize, Vec<Pair>) {
    let t = &c.tokens[i];
    let start = t.range.start;
    let raw = t.value.as_str();
    if t.class == TokenClass::Variable || (t.quote.is_none() && raw.starts_with('$')) {
        let prefix = if t.class == TokenClass::Variable {
            raw
        } else {
            raw.trim_start_matches('$')
        };
        return (start, variables(prefix, data));
    }
    match (t.class, t.command) {
        (TokenClass::Command, _) => {
            if looks_like_path(raw) {
                return (start, paths(raw, t.quote, data, true));
            }
            (start, command_names(raw, data))
        }
        (TokenClass::Parameter, Some(k)) => {
            let Some(def) = command_def(c, k, data) else {
                return (start, Vec::new());
            };
            (start, parameter_names(c, k, &def, raw, Some(i)))
        }
        (_, Some(k)) => (start, argument_values(c, k, Some(i), t, data)),
        _ => (start, Vec::new()),
    }
}

fn complete_new_word(c: &Classification, data: &CompletionData) -> Vec<Pair> {
    match c.at_end {
        Position::CommandName => command_names("", data),
        Position::Argument(k) => {
            let empty = Classified {
                range: 0..0,
                class: TokenClass::Default,
                value: String::new(),
                command: Some(k),
                quote: None,
            };
            let values = argument_values(c, k, None, &empty, data);
            if !values.is_empty() || expects_value(c, k, data) {
                return values;
            }
            match command_def(c, k, data) {
                Some(def) => parameter_names(c, k, &def, "", None),
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

fn command_def(c: &Classification, k: usize, data: &CompletionData) -> Option<Rc<CmdletDef>> {
    let name = &c.commands.get(k)?.name;
    data.commands.get(name)
}

fn looks_like_path(s: &str) -> bool {
    s.contains(['/', '\\']) || s.starts_with('.') || s.starts_with('~')
}

fn pair(text: String) -> Pair {
    Pair {
        display: text.clone(),
        replacement: text,
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

fn command_names(typed: &str, data: &CompletionData) -> Vec<Pair> {
    let wildcard = typed.contains(['*', '?']);
    let pattern = if wildcard {
        // `*AccessPolicy<Tab>` means "ending in AccessPolicy"; a trailing `*` is implied.
        if typed.ends_with('*') {
            typed.to_string()
        } else {
            format!("{typed}*")
        }
    } else {
        String::new()
    };
    let lower = typed.to_ascii_lowercase();
    let mut names: Vec<String> = data
        .commands
        .iter()
        .map(|d| d.name.to_string())
        .chain(data.commands.aliases().map(|(a, _)| a.clone()))
        .filter(|n| {
            if wildcard {
                wildcard_match(&pattern, n, false)
            } else {
                n.to_ascii_lowercase().starts_with(&lower)
            }
        })
        .collect();
    // Commands before aliases when both match; each group alphabetical.
    names.sort_by_key(|n| (!n.contains('-'), n.to_ascii_lowercase()));
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names.into_iter().map(pair).collect()
}

// ---------------------------------------------------------------------------------------------
// Parameters

/// Parameter names typed in the command so far (except the token `skip`), as the table knows
/// them.
fn typed_parameters<'a>(
    c: &Classification,
    k: usize,
    def: &'a CmdletDef,
    skip: Option<usize>,
) -> Vec<&'a ParamDef> {
    let Some(cmd) = c.commands.get(k) else {
        return Vec::new();
    };
    cmd.elements
        .iter()
        .filter(|i| Some(**i) != skip)
        .filter_map(|i| c.tokens.get(*i))
        .filter(|t| t.class == TokenClass::Parameter)
        .filter_map(|t| resolve_parameter(def, &t.value).ok())
        .collect()
}

/// The parameter sets still possible once these parameters are given.
fn possible_sets(def: &CmdletDef, given: &[&ParamDef]) -> Vec<String> {
    def.set_names()
        .iter()
        .filter(|set| {
            given.iter().all(|p| {
                let declared = def.params.iter().any(|d| std::ptr::eq(d, *p));
                !declared || p.in_set(set).is_some()
            })
        })
        .map(|s| s.to_string())
        .collect()
}

fn parameter_names(
    c: &Classification,
    k: usize,
    def: &CmdletDef,
    typed: &str,
    skip: Option<usize>,
) -> Vec<Pair> {
    let given = typed_parameters(c, k, def, skip);
    let sets = possible_sets(def, &given);
    let lower = typed.trim_start_matches('-').to_ascii_lowercase();
    all_parameters(def)
        .into_iter()
        .filter(|p| !given.iter().any(|g| std::ptr::eq(*g, *p)))
        .filter(|p| {
            let declared = def.params.iter().any(|d| std::ptr::eq(d, *p));
            !declared || sets.iter().any(|s| p.in_set(s).is_some())
        })
        .filter(|p| p.name.to_ascii_lowercase().starts_with(&lower))
        .map(|p| pair(format!("-{}", p.name)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Values

/// The parameter an argument at element index `at` (or a new word at the end) binds to: the
/// parameter just before it, or else the positional parameter for its position.
fn target_parameter<'a>(
    c: &Classification,
    k: usize,
    def: &'a CmdletDef,
    at: Option<usize>,
) -> Option<&'a ParamDef> {
    let cmd = c.commands.get(k)?;
    let before: Vec<&Classified> = cmd
        .elements
        .iter()
        .take_while(|i| Some(**i) != at)
        .filter_map(|i| c.tokens.get(*i))
        .collect();
    if let Some(last) = before.last()
        && last.class == TokenClass::Parameter
        && let Ok(p) = resolve_parameter(def, &last.value)
        && !p.is_switch()
    {
        return Some(p);
    }
    // Count the positional arguments before this one.
    let mut positional = 0u32;
    let mut i = 0;
    while i < before.len() {
        let t = before[i];
        if t.class == TokenClass::Parameter {
            // A parameter that takes a value consumes the next element (`-Name x`, `-Name:x`).
            if resolve_parameter(def, &t.value).is_ok_and(|p| !p.is_switch()) {
                i += 1;
            }
        } else if !matches!(t.value.as_str(), "(" | "{" | "@(" | "$(" | "@{") {
            positional += 1;
        }
        i += 1;
    }
    let given = typed_parameters(c, k, def, at);
    let sets = possible_sets(def, &given);
    let mut candidates: Vec<(&ParamDef, u32)> = def
        .params
        .iter()
        .filter(|p| !given.iter().any(|g| std::ptr::eq(*g, *p)))
        .filter_map(|p| {
            let pos = sets
                .iter()
                .filter_map(|s| p.in_set(s).and_then(|m| m.position))
                .min()?;
            Some((p, pos))
        })
        .collect();
    candidates.sort_by_key(|(_, pos)| *pos);
    candidates.get(positional as usize).map(|(p, _)| *p)
}

/// True when the last element is a parameter that still wants its value.
fn expects_value(c: &Classification, k: usize, data: &CompletionData) -> bool {
    let Some(def) = command_def(c, k, data) else {
        return false;
    };
    let Some(cmd) = c.commands.get(k) else {
        return false;
    };
    cmd.elements
        .last()
        .and_then(|i| c.tokens.get(*i))
        .filter(|t| t.class == TokenClass::Parameter)
        .and_then(|t| resolve_parameter(&def, &t.value).ok())
        .is_some_and(|p| !p.is_switch())
}

fn is_policy_cmdlet(def: &CmdletDef) -> bool {
    def.noun().eq_ignore_ascii_case("CsApplicationAccessPolicy")
}

fn is_path_parameter(p: &ParamDef) -> bool {
    ["Path", "LiteralPath", "FilePath", "File"]
        .iter()
        .any(|n| p.name.eq_ignore_ascii_case(n))
}

fn argument_values(
    c: &Classification,
    k: usize,
    at: Option<usize>,
    word: &Classified,
    data: &CompletionData,
) -> Vec<Pair> {
    let typed = word.value.as_str();
    let quote = word.quote;
    let Some(def) = command_def(c, k, data) else {
        // A script or an unknown command: its arguments are usually files.
        let is_script = c
            .commands
            .get(k)
            .is_some_and(|cmd| cmd.name.to_ascii_lowercase().ends_with(".ps1"));
        if is_script || looks_like_path(typed) {
            return paths(typed, quote, data, false);
        }
        return Vec::new();
    };
    let Some(p) = target_parameter(c, k, &def, at) else {
        return if looks_like_path(typed) {
            paths(typed, quote, data, false)
        } else {
            Vec::new()
        };
    };
    let mut values: Vec<String> = Vec::new();
    if let ParamKind::Enum(names) = p.ty.kind {
        values.extend(names.iter().map(|s| s.to_string()));
    }
    for v in &p.validations {
        let v = match v {
            Validation::WithMessage(inner, _) => inner,
            other => other,
        };
        if let Validation::Set(names) = v {
            values.extend(names.iter().cloned());
        }
    }
    if p.ty.kind == ParamKind::Bool {
        values.extend(["$true".to_string(), "$false".to_string()]);
    }
    if p.ty.kind == ParamKind::Unlimited {
        values.push("Unlimited".to_string());
    }
    let name = p.name.to_ascii_lowercase();
    let noun = def.noun().to_ascii_lowercase();
    // A user wherever a parameter names one: Grant's -Identity, -User, -UserId, and -Identity
    // of the user cmdlets (Get-CsOnlineUser, Get-CsUserPolicyAssignment, ...).
    let user_parameter = p.ty.short == "UserIdParameter"
        || matches!(name.as_str(), "user" | "userid" | "userprincipalname")
        || (name == "identity" && noun.contains("user"));
    if matches!(name.as_str(), "appid" | "clientid" | "applicationid") {
        return apps(typed, quote, data);
    }
    if name == "permission" {
        values.extend(
            [
                crate::store::READ_PERMISSION,
                crate::store::WRITE_PERMISSION,
            ]
            .map(String::from),
        );
    }
    if name == "policytype" {
        values.push("ApplicationAccessPolicy".to_string());
    }
    if def.name.eq_ignore_ascii_case("Get-Help") && name == "name" {
        let mut topics = command_names(typed, data);
        let lower = typed.to_ascii_lowercase();
        for topic in HELP_TOPICS {
            if topic.to_ascii_lowercase().starts_with(&lower) {
                topics.push(pair(topic.to_string()));
            }
        }
        return topics;
    }
    // Property names after Select-Object, Where-Object, Sort-Object, Group-Object, Format-*.
    if takes_property_names(&def, p)
        && let Some(props) = pipeline_properties(c, k, data)
    {
        let lower = typed.to_ascii_lowercase();
        return props
            .into_iter()
            .filter(|v| v.to_ascii_lowercase().starts_with(&lower))
            .map(|v| pair(quote_if_needed(&v, quote)))
            .collect();
    }
    if (name == "identity" && is_policy_cmdlet(&def) && !user_parameter) || name == "policyname" {
        for identity in &data.policies {
            let bare = crate::store::bare_policy_name(identity);
            let is_global = bare.eq_ignore_ascii_case("Global");
            // New takes a new name (Global exists already); Grant names a tag policy.
            if is_global && (def.verb().eq_ignore_ascii_case("New") || name == "policyname") {
                continue;
            }
            values.push(bare.to_string());
        }
    }
    if user_parameter {
        return users(typed, quote, data);
    }
    if name == "group" {
        for (display, id) in &data.groups {
            values.push(display.clone());
            values.push(id.clone());
        }
    }
    if name == "appids" {
        values.extend(data.apps.iter().map(|(id, _)| id.clone()));
    }
    if is_path_parameter(p) {
        return paths(typed, quote, data, false);
    }
    let lower = typed.to_ascii_lowercase();
    let mut seen: Vec<String> = Vec::new();
    values
        .into_iter()
        .filter(|v| v.to_ascii_lowercase().starts_with(&lower))
        .filter(|v| {
            let fresh = !seen.iter().any(|s| s.eq_ignore_ascii_case(v));
            seen.push(v.clone());
            fresh
        })
        .map(|v| {
            let text = if v.starts_with('$') {
                v
            } else {
                quote_if_needed(&v, quote)
            };
            pair(text)
        })
        .collect()
}

/// The conceptual help topics Get-Help knows.
const HELP_TOPICS: &[&str] = &["about_aapsh"];

/// Registered applications by app id, or by display name (the app id is inserted).
fn apps(typed: &str, quote: Option<char>, data: &CompletionData) -> Vec<Pair> {
    let lower = typed.to_ascii_lowercase();
    let mut out: Vec<Pair> = data
        .apps
        .iter()
        .filter(|(id, name)| {
            id.to_ascii_lowercase().starts_with(&lower)
                || name.to_ascii_lowercase().starts_with(&lower)
        })
        .map(|(id, name)| Pair {
            display: format!("{id} ({name})"),
            replacement: quote_if_needed(id, quote),
        })
        .collect();
    out.sort_by(|a, b| {
        a.display
            .to_ascii_lowercase()
            .cmp(&b.display.to_ascii_lowercase())
    });
    out
}

/// Whether parameter `p` of `def` takes property names of the objects piped in.
fn takes_property_names(def: &CmdletDef, p: &ParamDef) -> bool {
    let name = def.name.to_ascii_lowercase();
    // Where-Object's first position is FilterScript in one set and Property in the others: a
    // bare word there is a property name.
    let property = p.name.eq_ignore_ascii_case("Property")
        || p.name.eq_ignore_ascii_case("ExpandProperty")
        || (name == "where-object" && p.name.eq_ignore_ascii_case("FilterScript"));
    property
        && (matches!(
            name.as_str(),
            "select-object" | "where-object" | "sort-object" | "group-object" | "measure-object"
        ) || name.starts_with("format-"))
}

/// What the objects piped into command `k` look like: the members of a variable at the start
/// of the pipeline (`$users | Sort-Object <Tab>`), or the properties of what a known cmdlet
/// writes (`Get-CsOnlineUser | Select-Object <Tab>`).
fn pipeline_properties(c: &Classification, k: usize, data: &CompletionData) -> Option<Vec<String>> {
    let first = k.checked_sub(1).and_then(|prev| c.commands.get(prev));
    // A variable (or expression) before the first `|`: the first token of the line.
    let source = match first {
        Some(cmd) => {
            // Follow back through commands that pass objects on unchanged.
            let mut j = k - 1;
            let mut name = cmd.name.clone();
            while matches!(
                name.to_ascii_lowercase().as_str(),
                "where-object" | "sort-object" | "select-object" | "?" | "where" | "sort"
            ) && j > 0
            {
                j -= 1;
                name = c.commands.get(j)?.name.clone();
            }
            return output_properties(&name, data);
        }
        None => c.tokens.first()?,
    };
    if source.class != TokenClass::Variable {
        return None;
    }
    let var = source.value.trim_start_matches('$');
    data.members
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(var))
        .map(|(_, m)| m.clone())
}

/// The properties a known cmdlet's output objects have (as aapsh writes them).
fn output_properties(command: &str, data: &CompletionData) -> Option<Vec<String>> {
    let def = data.commands.get(command)?;
    let list: &[&str] = match def.name.as_ref() {
        "Get-CsApplicationAccessPolicy" | "New-CsApplicationAccessPolicy" => {
            &["Identity", "AppIds", "Description"]
        }
        "Get-CsOnlineUser" => &[
            "Identity",
            "UserPrincipalName",
            "Alias",
            "AccountEnabled",
            "DisplayName",
            "SipAddress",
            "AccountType",
            "TenantId",
            "ApplicationAccessPolicy",
        ],
        "Get-MgUser" | "New-MgUser" => &[
            "Id",
            "DisplayName",
            "Mail",
            "UserPrincipalName",
            "AccountEnabled",
            "MailNickname",
            "GivenName",
            "Surname",
            "JobTitle",
            "Department",
            "UsageLocation",
        ],
        "Get-MgApplication" | "New-MgApplication" => &[
            "DisplayName",
            "Id",
            "AppId",
            "SignInAudience",
            "PublisherDomain",
        ],
        "Get-MgGroup" | "New-MgGroup" => &[
            "DisplayName",
            "Id",
            "MailNickname",
            "Description",
            "GroupTypes",
            "MailEnabled",
            "SecurityEnabled",
        ],
        "Get-EmuEffectivePolicy" => &[
            "User",
            "Policy",
            "Route",
            "AppIds",
            "GraphPolicy",
            "GraphRoute",
            "Reason",
        ],
        "Test-EmuAppAccess" => &[
            "User",
            "App",
            "Read",
            "Write",
            "Why",
            "TakesEffect",
            "UserId",
            "AppId",
            "ReadPermission",
            "WritePermission",
            "Policy",
            "Route",
            "PolicyListsApp",
            "Reason",
            "MissingStep",
            "TeamsSidePolicy",
            "TeamsSideRoute",
        ],
        "Get-History" => &[
            "Id",
            "CommandLine",
            "ExecutionStatus",
            "StartExecutionTime",
            "EndExecutionTime",
            "Duration",
        ],
        _ => return None,
    };
    Some(list.iter().map(|s| s.to_string()).collect())
}

/// `$x.<Tab>` / `$x.Na<Tab>`: the members of a variable whose value is known.
fn member_completion(before: &str, data: &CompletionData) -> Option<(usize, Vec<Pair>)> {
    let dot = before.rfind('.')?;
    let typed = &before[dot + 1..];
    if !typed.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let head = &before[..dot];
    let start = head.rfind('$')?;
    let var = &head[start + 1..];
    if var.is_empty() || !var.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let (_, members) = data
        .members
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(var))?;
    let lower = typed.to_ascii_lowercase();
    let found: Vec<Pair> = members
        .iter()
        .filter(|m| m.to_ascii_lowercase().starts_with(&lower))
        .map(|m| pair(m.clone()))
        .collect();
    Some((dot + 1, found))
}

fn users(typed: &str, quote: Option<char>, data: &CompletionData) -> Vec<Pair> {
    let lower = typed.to_ascii_lowercase();
    let mut out = Vec::new();
    for u in &data.users {
        for value in [&u.upn, &u.object_id] {
            if !value.is_empty() && value.to_ascii_lowercase().starts_with(&lower) {
                out.push(Pair {
                    display: if value == &u.upn {
                        format!("{} ({})", u.upn, u.display_name)
                    } else {
                        format!("{} ({})", u.object_id, u.upn)
                    },
                    replacement: quote_if_needed(value, quote),
                });
            }
        }
    }
    // UPNs first, then object ids.
    out.sort_by_key(|p| {
        (
            p.replacement
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_hexdigit() && p.replacement.len() == 36),
            p.replacement.to_ascii_lowercase(),
        )
    });
    out
}

fn variables(typed: &str, data: &CompletionData) -> Vec<Pair> {
    let lower = typed.to_ascii_lowercase();
    let mut names: Vec<&String> = data
        .variables
        .iter()
        .filter(|v| v.to_ascii_lowercase().starts_with(&lower))
        .collect();
    names.sort_by_key(|v| v.to_ascii_lowercase());
    names.dedup();
    names
        .into_iter()
        .map(|v| {
            let simple = v
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '?');
            pair(if simple {
                format!("${v}")
            } else {
                format!("${{{v}}}")
            })
        })
        .collect()
}

/// Characters that make a bareword argument mean something else.
fn needs_quotes(s: &str) -> bool {
    s.is_empty()
        || s.chars().any(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '\'' | '"' | '$' | '`' | '(' | ')' | '{' | '}' | ';' | ',' | '|' | '&' | '<'
                        | '>' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}'
                )
        })
        // `@`, `#`, `-` and `[` mean something only at the start of a word.
        || s.starts_with(['-', '[', '@', '#'])
}

/// The text to insert for a value: as is, or quoted (the quote the user opened, else single).
pub fn quote_if_needed(value: &str, opened: Option<char>) -> String {
    match opened {
        Some('"') => format!(
            "\"{}\"",
            value
                .replace('`', "``")
                .replace('"', "`\"")
                .replace('$', "`$")
        ),
        Some(_) => format!("'{}'", value.replace('\'', "''")),
        None if needs_quotes(value) => format!("'{}'", value.replace('\'', "''")),
        None => value.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Paths

fn paths(typed: &str, quote: Option<char>, data: &CompletionData, scripts_only: bool) -> Vec<Pair> {
    let (dir_part, file_part) = match typed.rfind(['/', '\\']) {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir: PathBuf = if dir_part.is_empty() {
        data.cwd.clone()
    } else {
        let normalized = dir_part.replace('\\', "/");
        let expanded = match normalized.strip_prefix("~/") {
            Some(rest) => std::env::var_os("HOME")
                .map_or(PathBuf::from(&normalized), |h| Path::new(&h).join(rest)),
            None => PathBuf::from(&normalized),
        };
        if expanded.is_absolute() {
            expanded
        } else {
            data.cwd.join(expanded)
        }
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let lower = file_part.to_lowercase();
    let mut found: Vec<(bool, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (name.to_lowercase().starts_with(&lower)
                && (!name.starts_with('.') || file_part.starts_with('.'))
                && (!scripts_only || is_dir || name.to_ascii_lowercase().ends_with(".ps1")))
            .then_some((is_dir, name))
        })
        .collect();
    found.sort_by_key(|(_, n)| n.to_lowercase());
    let sep = if dir_part.contains('\\') { '\\' } else { '/' };
    found
        .into_iter()
        .map(|(is_dir, name)| {
            let mut text = format!("{dir_part}{name}");
            // A script in the current directory runs as ./name.ps1.
            if scripts_only && dir_part.is_empty() && !is_dir {
                text = format!(".{sep}{text}");
            }
            if is_dir {
                text.push(sep);
            }
            pair(quote_if_needed(&text, quote))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> CompletionData {
        let dir = std::env::temp_dir().join(format!("aapsh-completer-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("scripts dir"));
        let _ = std::fs::write(dir.join("users.csv"), "x");
        let _ = std::fs::write(dir.join("grant.ps1"), "x");
        CompletionData {
            policies: vec![
                "Global".into(),
                "Tag:MeetingBots".into(),
                "Tag:Sales Bots".into(),
            ],
            users: vec![UserEntry {
                upn: "adele@contoso.com".into(),
                object_id: "11111111-2222-3333-4444-555555555555".into(),
                display_name: "Adele Vance".into(),
            }],
            groups: vec![(
                "Sales Team".into(),
                "99999999-2222-3333-4444-555555555555".into(),
            )],
            variables: vec![
                "policy".into(),
                "PSVersionTable".into(),
                "ErrorActionPreference".into(),
            ],
            apps: vec![(
                "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83".into(),
                "Scheduling service".into(),
            )],
            members: vec![(
                "policy".into(),
                vec!["Identity".into(), "AppIds".into(), "Description".into()],
            )],
            cwd: dir,
            ..CompletionData::default()
        }
    }

    fn replacements(line: &str) -> (usize, Vec<String>) {
        let (start, pairs) = complete(line, line.len(), &data());
        (start, pairs.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn table_of_completions() {
        let cases: &[(&str, &[&str])] = &[
            ("Get-CsApp", &["Get-CsApplicationAccessPolicy"]),
            ("get-csapp", &["Get-CsApplicationAccessPolicy"]),
            (
                "*ApplicationAccessPolicy",
                &[
                    "Get-CsApplicationAccessPolicy",
                    "Grant-CsApplicationAccessPolicy",
                    "New-CsApplicationAccessPolicy",
                    "Remove-CsApplicationAccessPolicy",
                    "Set-CsApplicationAccessPolicy",
                ],
            ),
            ("$x | Where-Obj", &["Where-Object"]),
            ("New-CsApplicationAccessPolicy -Id", &["-Identity"]),
            (
                "New-CsApplicationAccessPolicy -Identity X -De",
                &["-Description", "-Debug"],
            ),
            // -Identity and -Global are in different sets: once -Global is typed, no -Identity.
            (
                "Grant-CsApplicationAccessPolicy -Global -I",
                &["-InformationAction", "-InformationVariable"],
            ),
            ("Grant-CsApplicationAccessPolicy -Gr", &["-Group"]),
            (
                "Get-CsApplicationAccessPolicy -Identity M",
                &["MeetingBots"],
            ),
            (
                "Get-CsApplicationAccessPolicy -Identity ",
                &["Global", "MeetingBots", "'Sales Bots'"],
            ),
            ("Get-CsApplicationAccessPolicy S", &["'Sales Bots'"]),
            (
                "Grant-CsApplicationAccessPolicy -PolicyName 'Sa",
                &["'Sales Bots'"],
            ),
            (
                "Grant-CsApplicationAccessPolicy -Identity ad",
                &["adele@contoso.com"],
            ),
            (
                "Grant-CsApplicationAccessPolicy -Identity 1111",
                &["11111111-2222-3333-4444-555555555555"],
            ),
            (
                "Grant-CsApplicationAccessPolicy adele@contoso.com Me",
                &["MeetingBots"],
            ),
            (
                "Grant-CsApplicationAccessPolicy -Group S",
                &["'Sales Team'"],
            ),
            (
                "Get-CsOnlineUser -Identity ",
                &["adele@contoso.com", "11111111-2222-3333-4444-555555555555"],
            ),
            ("Get-CsTenant -ErrorAction St", &["Stop"]),
            // Members of a variable whose value is known, and property names downstream.
            ("$policy.", &["Identity", "AppIds", "Description"]),
            ("$policy.App", &["AppIds"]),
            ("$policy | Select-Object D", &["Description"]),
            ("Get-CsOnlineUser | Where-Object Dis", &["DisplayName"]),
            (
                "Get-CsOnlineUser | Sort-Object DisplayName | Format-Table App",
                &["ApplicationAccessPolicy"],
            ),
            (
                "Get-CsApplicationAccessPolicy | Select-Object -ExpandProperty A",
                &["AppIds"],
            ),
            // Apps by id or by display name; users and permissions wherever they are asked for.
            (
                "Test-EmuAppAccess -AppId Sch",
                &["a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"],
            ),
            (
                "Test-EmuAppAccess -AppId a41",
                &["a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83"],
            ),
            ("Test-EmuAppAccess -User ade", &["adele@contoso.com"]),
            (
                "Get-CsUserPolicyAssignment -Identity ade",
                &["adele@contoso.com"],
            ),
            (
                "Grant-EmuAppPermission -AppId x -Permission OnlineMeetings.ReadW",
                &["OnlineMeetings.ReadWrite.All"],
            ),
            (
                "Get-CsGroupPolicyAssignment -PolicyType A",
                &["ApplicationAccessPolicy"],
            ),
            ("Get-Help about_", &["about_aapsh"]),
            (
                "Get-Help Get-CsTen",
                &["Get-CsTenant", "Get-CsTenantFederationConfiguration"],
            ),
            ("Get-CsTenant -ea si", &["SilentlyContinue"]),
            ("Get-CsOnlineUser -ResultSize u", &["Unlimited"]),
            ("$pol", &["$policy"]),
            ("Write-Host $Err", &["$ErrorActionPreference"]),
            (
                "$",
                &["$ErrorActionPreference", "$policy", "$PSVersionTable"],
            ),
            ("./gr", &["./grant.ps1"]),
            ("./grant.ps1 u", &["users.csv"]),
            ("./grant.ps1 s", &["'scripts dir/'"]),
            // Unfinished constructs still complete.
            (
                "if ($true) { Get-CsApplicationAccessPolicy -Id",
                &["-Identity"],
            ),
            (
                "Get-CsOnlineUser | ForEach-Object { Grant-CsApplicationAccessPolicy -Pol",
                &["-PolicyName"],
            ),
            ("Nope-Command -X", &[]),
        ];
        for (line, expected) in cases {
            let (start, got) = replacements(line);
            assert_eq!(got, *expected, "candidates for {line:?}");
            // The word being completed starts after the last space.
            let mut word_start = line.rfind(' ').map_or(0, |i| i + 1);
            // A member (`$policy.App`) starts after its dot.
            if line[word_start..].starts_with('$')
                && let Some(dot) = line[word_start..].rfind('.')
            {
                word_start += dot + 1;
            }
            if !expected.is_empty() {
                assert_eq!(start, word_start, "start for {line:?}");
            }
        }
    }

    #[test]
    fn a_lone_dash_offers_the_possible_parameters() {
        let (start, got) = replacements("Grant-CsApplicationAccessPolicy -Global -");
        assert_eq!(start, 40);
        assert!(got.contains(&"-PolicyName".to_string()), "{got:?}");
        assert!(
            !got.contains(&"-Identity".to_string()) && !got.contains(&"-Group".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn parameter_after_space_offers_the_next_parameters() {
        let (_, got) = replacements("Remove-CsApplicationAccessPolicy -Identity X ");
        assert!(
            got.contains(&"-WhatIf".to_string()) && !got.contains(&"-Identity".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(quote_if_needed("plain", None), "plain");
        assert_eq!(quote_if_needed("two words", None), "'two words'");
        assert_eq!(quote_if_needed("it's", None), "'it''s'");
        assert_eq!(quote_if_needed("a$b", Some('"')), "\"a`$b\"");
        assert_eq!(quote_if_needed("x", Some('\'')), "'x'");
    }
}

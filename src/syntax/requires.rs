//! `#requires` comments (pwsh's Tokenizer.GetScriptRequirements): the lexer notes every line
//! comment that starts with `#requires`; after the parse each is read as a command
//! (`requires -Version 7.0 -Modules A, @{ModuleName = 'B'; ModuleVersion = '1.0'}`), its format
//! errors become parse errors with pwsh's ids and texts, and what it asks for is kept on the
//! source file. Checking the requirements (version, edition, modules, elevation) belongs to the
//! runtime, which does it only when a script file runs, as pwsh does.

use super::ast::{CommandElement, ElementKind, Expr, ExprKind, StatementKind};
use super::messages::{Diag, Template};
use super::parser::{ErrorSink, Parser};

const INVALID_FORMAT: Template = (
    "ScriptRequiresInvalidFormat",
    "Cannot process the #requires statement because it is not in the correct format.\nThe #requires statement must be in one of the following formats:\n \"#requires -shellid <shellID>\"\n \"#requires -version <major.minor>\"\n \"#requires -psedition <edition>\"\n \"#requires -pssnapin <psSnapInName> [-version <major.minor>]\"\n \"#requires -modules <ModuleSpecification>\"\n \"#requires -runasadministrator\"",
);
const CANNOT_HAVE_ARGUMENT: Template = (
    "ParameterCannotHaveArgument",
    "Parameter {0} cannot have an argument.",
);
const REQUIRES_ARGUMENT: Template = (
    "ParameterRequiresArgument",
    "Parameter {0} requires an argument.",
);
const MUST_BE_CONSTANT: Template = (
    "RequiresArgumentMustBeConstant",
    "Argument must be constant.",
);
const VERSION_INVALID: Template = (
    "RequiresVersionInvalid",
    "The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.",
);
const INVALID_STRING: Template = (
    "RequiresInvalidStringArgument",
    "The argument for the {0} parameter is not valid. Specify a valid string argument.",
);
const ALREADY_BOUND: Template = (
    "ParameterAlreadyBound",
    "Cannot bind parameter because parameter '{0}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
);
const MODULE_INVALID: Template = (
    "RequiresModuleInvalid",
    "The argument for the Module parameter is not valid. {0}",
);

/// What a script's `#requires` comments ask for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Requirements {
    /// `-Version`: the version as .NET prints it (`99.0`, `7.7`) and its major and minor parts.
    pub version: Option<RequiredVersion>,
    /// `-PSEdition`, in order, each once.
    pub editions: Vec<String>,
    pub modules: Vec<RequiredModule>,
    /// `-RunAsAdministrator`.
    pub elevation: bool,
    /// `-ShellId`.
    pub shell_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredVersion {
    pub text: String,
    pub major: u32,
    pub minor: u32,
}

/// A ModuleSpecification: a name, or a hashtable with ModuleName and a version key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequiredModule {
    pub name: String,
    pub module_version: Option<String>,
    pub required_version: Option<String>,
    pub maximum_version: Option<String>,
}

impl RequiredModule {
    /// ModuleSpecification.GetRequiredModuleNotFoundVersionMessage (Modules.resx).
    pub fn not_found_message(&self) -> String {
        let name = &self.name;
        match (
            &self.required_version,
            &self.module_version,
            &self.maximum_version,
        ) {
            (Some(v), _, _) => {
                format!("The module '{name}' cannot be found with RequiredVersion '{v}'.")
            }
            (None, Some(v), Some(max)) => format!(
                "The module '{name}' cannot be found with ModuleVersion '{v}' and MaximumVersion '{max}'."
            ),
            (None, Some(v), None) => {
                format!("The module '{name}' cannot be found with ModuleVersion '{v}'.")
            }
            (None, None, Some(max)) => {
                format!("The module '{name}' cannot be found with MaximumVersion '{max}'.")
            }
            (None, None, None) => format!("The module '{name}' cannot be found."),
        }
    }
}

/// A constant argument (IsConstantValueVisitor with forRequires): strings, numbers, arrays and
/// hashtables of them.
#[derive(Clone, Debug)]
enum Constant {
    Text(String),
    Number(String),
    List(Vec<Constant>),
    Table(Vec<(String, Constant)>),
}

fn constant(e: &Expr) -> Option<Constant> {
    Some(match &e.kind {
        ExprKind::StringLiteral { value, .. } => Constant::Text(value.clone()),
        ExprKind::Number(n) => Constant::Number(n.text()),
        ExprKind::ArrayLiteral(items) => {
            Constant::List(items.iter().map(constant).collect::<Option<_>>()?)
        }
        ExprKind::Hashtable(entries) => {
            let mut out = Vec::new();
            for entry in entries {
                let key = match constant(&entry.key)? {
                    Constant::Text(t) | Constant::Number(t) => t,
                    _ => return None,
                };
                let value = match &entry.value.kind {
                    StatementKind::Pipeline(p) => match p.elements.as_slice() {
                        [only] => match &only.kind {
                            ElementKind::Expression(e) => constant(e)?,
                            ElementKind::Command(_) => return None,
                        },
                        _ => return None,
                    },
                    _ => return None,
                };
                out.push((key, value));
            }
            Constant::Table(out)
        }
        _ => return None,
    })
}

/// Utils.StringToVersion: `7` is 7.0; two to four numeric parts.
fn version(text: &str) -> Option<RequiredVersion> {
    let t = text.trim();
    let t = if t.contains('.') {
        t.to_string()
    } else {
        format!("{t}.0")
    };
    let parts: Vec<&str> = t.split('.').collect();
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse::<u32>().ok().filter(|_| !p.starts_with('+')))
        .collect::<Option<_>>()?;
    Some(RequiredVersion {
        text: nums
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("."),
        major: nums[0],
        minor: nums[1],
    })
}

fn starts(full: &str, written: &str) -> bool {
    !written.is_empty()
        && full.len() >= written.len()
        && full[..written.len()].eq_ignore_ascii_case(written)
}

/// Reads the `#requires` comments the lexer noted, reports their errors and stores what they
/// ask for on the source file. The parser calls this once, after the whole script is parsed.
pub(crate) fn read(parser: &mut Parser<'_>) {
    let comments = parser.lexer.requires_comments();
    if comments.is_empty() {
        return;
    }
    let source = parser.source.clone();
    let text: &str = &source.text;
    let mut req = Requirements::default();
    let mut diags = Vec::new();
    for c in comments {
        let (start, end) = (c.start as usize + 1, c.end as usize);
        let mut p = Parser::new(source.clone(), text, end, start, ErrorSink::default());
        let Some(statement) = p.pipeline_chain_rule() else {
            continue;
        };
        let StatementKind::Pipeline(pipeline) = &statement.kind else {
            continue;
        };
        let Some(ElementKind::Command(command)) = pipeline.elements.first().map(|e| &e.kind) else {
            continue;
        };
        read_command(&command.elements, text, &mut req, &mut diags);
    }
    for d in diags {
        parser.emit(d);
    }
    *source.requires.borrow_mut() = Some(req);
}

fn read_command(
    elements: &[CommandElement],
    text: &str,
    req: &mut Requirements,
    diags: &mut Vec<Diag>,
) {
    let mut version_seen: Option<RequiredVersion> = None;
    let mut editions_seen = false;
    let mut i = 0;
    while i < elements.len() {
        let parameter = match &elements[i] {
            CommandElement::Parameter(p) => p,
            CommandElement::Argument(a) => {
                diags.push(Diag::error(a.span, INVALID_FORMAT, &[]));
                i += 1;
                continue;
            }
        };
        let name = parameter.name.as_str();
        let argument: Option<&Expr> = match &parameter.argument {
            Some(a) => Some(a),
            None => match elements.get(i + 1) {
                Some(CommandElement::Argument(a)) => {
                    i += 1;
                    Some(a)
                }
                _ => None,
            },
        };
        i += 1;
        if starts("runasadministrator", name) {
            req.elevation = true;
            if argument.is_some() {
                diags.push(Diag::error(parameter.span, CANNOT_HAVE_ARGUMENT, &[name]));
            }
            continue;
        }
        let Some(argument) = argument else {
            diags.push(Diag::error(parameter.span, REQUIRES_ARGUMENT, &[name]));
            continue;
        };
        let Some(value) = constant(argument) else {
            diags.push(Diag::error(argument.span, MUST_BE_CONSTANT, &[]));
            continue;
        };
        if starts("shellid", name) {
            if req.shell_id.is_some() {
                diags.push(Diag::error(parameter.span, ALREADY_BOUND, &["shellid"]));
            } else if let Constant::Text(t) = value {
                req.shell_id = Some(t);
            } else {
                diags.push(Diag::error(argument.span, INVALID_STRING, &["shellid"]));
            }
        } else if starts("pssnapin", name) || starts("assembly", name) {
            // Snap-ins do not exist in PowerShell 7 and assemblies load nothing offline: pwsh
            // runs such a script as it is.
        } else if starts("psedition", name) {
            if editions_seen {
                diags.push(Diag::error(parameter.span, ALREADY_BOUND, &["psedition"]));
                continue;
            }
            editions_seen = true;
            let items = match value {
                Constant::List(items) => items,
                one => vec![one],
            };
            for item in items {
                match item {
                    Constant::Text(t) => {
                        if !req.editions.iter().any(|e| e.eq_ignore_ascii_case(&t)) {
                            req.editions.push(t);
                        }
                    }
                    _ => diags.push(Diag::error(argument.span, INVALID_STRING, &["psedition"])),
                }
            }
        } else if starts("version", name) {
            let written = match &value {
                Constant::Text(t) => t.clone(),
                _ => text
                    .get(argument.span.start as usize..argument.span.end as usize)
                    .unwrap_or("")
                    .to_string(),
            };
            let Some(v) = version(&written) else {
                diags.push(Diag::error(argument.span, VERSION_INVALID, &[]));
                continue;
            };
            if version_seen.as_ref().is_some_and(|seen| *seen != v) {
                diags.push(Diag::error(parameter.span, ALREADY_BOUND, &["version"]));
                continue;
            }
            version_seen = Some(v.clone());
            req.version = Some(v);
        } else if starts("modules", name) {
            let items = match value {
                Constant::List(items) => items,
                one => vec![one],
            };
            for item in items {
                match module(item) {
                    Ok(m) => req.modules.push(m),
                    Err(inner) => {
                        diags.push(Diag::error(argument.span, MODULE_INVALID, &[&inner]));
                        break;
                    }
                }
            }
        } else {
            diags.push(Diag::error(parameter.span, INVALID_FORMAT, &[]));
        }
    }
}

/// LanguagePrimitives.ConvertTo<ModuleSpecification>: a name, or a hashtable with ModuleName
/// and at most one of ModuleVersion/RequiredVersion (MaximumVersion may join ModuleVersion).
fn module(c: Constant) -> Result<RequiredModule, String> {
    match c {
        Constant::Text(name) | Constant::Number(name) => Ok(RequiredModule {
            name,
            ..Default::default()
        }),
        Constant::Table(entries) => {
            // ModuleSpecificationInitHelper's checks, inside the conversion's message.
            let wrap = |inner: &str| {
                format!(
                    "Cannot convert value \"System.Collections.Hashtable\" to type \"Microsoft.PowerShell.Commands.ModuleSpecification\". Error: \"{inner}\""
                )
            };
            let mut m = RequiredModule::default();
            let mut bad = Vec::new();
            for (key, value) in entries {
                let text = match value {
                    Constant::Text(t) | Constant::Number(t) => t,
                    _ => String::new(),
                };
                match key.to_ascii_lowercase().as_str() {
                    "modulename" => m.name = text,
                    "moduleversion" => m.module_version = Some(text),
                    "requiredversion" => m.required_version = Some(text),
                    "maximumversion" => m.maximum_version = Some(text),
                    "guid" => {}
                    _ => bad.push(format!("'{key}'")),
                }
            }
            if !bad.is_empty() {
                return Err(wrap(&format!(
                    "The hashtable describing a module contains one or more members that are not valid. The valid members are (ModuleName, ModuleVersion, RequiredVersion, GUID). Remove the members that are not valid ({}), then try again.",
                    bad.join(", ")
                )));
            }
            if m.name.is_empty() {
                return Err(wrap(
                    "The 'ModuleName' member does not exist in the hashtable that describes this module.",
                ));
            }
            if m.module_version.is_none()
                && m.required_version.is_none()
                && m.maximum_version.is_none()
            {
                return Err(wrap(
                    "The 'ModuleVersion', 'MaximumVersion' and 'RequiredVersion' members do not exist in the hashtable that describes this module. One of these three members must exist, and be assigned a version number in the format 'n.n.n.n'.",
                ));
            }
            Ok(m)
        }
        Constant::List(_) => Err(String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{SourceFile, parse_script};

    fn read_text(text: &str) -> (Option<Requirements>, Vec<(String, String)>) {
        let source = SourceFile::new(None, text);
        let errors = match parse_script(source.clone()) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .errors
                .iter()
                .map(|e| {
                    let at = &text[e.span.start as usize..e.span.end as usize];
                    (e.id.to_string(), at.to_string())
                })
                .collect(),
        };
        let req = source.requires.borrow().clone();
        (req, errors)
    }

    #[test]
    fn reads_version_modules_and_edition() {
        let (req, errors) = read_text(
            "#Requires -Version 7 -PSEdition Core\n#requires -Modules A, @{ModuleName='B'; ModuleVersion='1.0'}\n'x'",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let req = req.unwrap();
        assert_eq!(req.version.unwrap().text, "7.0");
        assert_eq!(req.editions, ["Core"]);
        assert_eq!(req.modules.len(), 2);
        assert_eq!(
            req.modules[1].not_found_message(),
            "The module 'B' cannot be found with ModuleVersion '1.0'."
        );
    }

    #[test]
    fn reports_format_errors_where_pwsh_does() {
        let cases = [
            (
                "#requires -Bogus 1",
                "ScriptRequiresInvalidFormat",
                "-Bogus",
            ),
            ("#requires 'x'", "ScriptRequiresInvalidFormat", "'x'"),
            (
                "#requires -Version",
                "ParameterRequiresArgument",
                "-Version",
            ),
            ("#requires -Version abc", "RequiresVersionInvalid", "abc"),
            (
                "#requires -Version $x",
                "RequiresArgumentMustBeConstant",
                "$x",
            ),
            (
                "#requires -RunAsAdministrator 1",
                "ParameterCannotHaveArgument",
                "-RunAsAdministrator",
            ),
            (
                "#requires -Version 3 -Version 4",
                "ParameterAlreadyBound",
                "-Version",
            ),
        ];
        for (text, id, at) in cases {
            let (_, errors) = read_text(text);
            assert_eq!(errors, [(id.to_string(), at.to_string())], "{text}");
        }
    }

    #[test]
    fn other_comments_and_strings_are_not_requirements() {
        for text in [
            "# requires -Version 99",
            "'#requires -Bogus 1'",
            "<#requires -Bogus 1#>",
        ] {
            let (req, errors) = read_text(text);
            assert!(errors.is_empty() && req.is_none(), "{text}");
        }
    }
}

//! The rustyline helper: completion, hints and highlighting for the line being typed, from a
//! snapshot of the session (commands, store, variables) taken before each prompt. Validation
//! of multi-line input happens in the loop (see `validator`), so the rustyline Validator is
//! the default one.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::{Context, Helper, Validator};

use super::completer::{self, CompletionData, UserEntry};
use super::highlighter;
use super::hinter::{self, ShellHint};
use crate::runtime::scope::Qualifier;
use crate::runtime::{Session, Value};

#[derive(Helper, Validator)]
pub struct ShellHelper {
    pub data: CompletionData,
    /// Colour on (`-Color`, `NO_COLOR`, terminal): highlighting and dim hints.
    pub color: bool,
    /// What the line being read is: a command, or an answer to a prompt inside a command.
    pub mode: InputMode,
    /// Raised by Ctrl+C (`keys::CancelHandler`) until the reader takes it.
    pub cancel: Arc<AtomicBool>,
    /// Set when the highlighter drew the `^C` mark of a cancelled line.
    pub cancel_drawn: AtomicBool,
    /// History suggestions (`Set-PSReadLineOption -PredictionSource None` turns them off).
    pub predictions: bool,
    /// The line as last seen does not parse (an error, or unfinished): PSReadLine shows the
    /// prompt's `> ` in its error colour then. Set by the hinter, which sees each edit before
    /// the line is drawn.
    pub line_has_error: std::cell::Cell<bool>,
}

/// What the editor is reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    /// A command at the `PS` prompt: completion, hints, highlighting.
    Command,
    /// An answer to Read-Host, a mandatory parameter, a confirmation: plain text.
    Answer,
    /// A secret (Read-Host -AsSecureString, a password): each character shows as `*`.
    Secret,
}

impl ShellHelper {
    pub fn new(color: bool) -> ShellHelper {
        ShellHelper {
            data: CompletionData::default(),
            color,
            mode: InputMode::Command,
            cancel: Arc::new(AtomicBool::new(false)),
            cancel_drawn: AtomicBool::new(false),
            predictions: true,
            line_has_error: std::cell::Cell::new(false),
        }
    }
}

/// The prompt with its last `> ` (PSReadLine's PromptText) in the error colour, as PSReadLine
/// draws it while the input does not parse (pwsh 7.6.10 drew `P` + red `> ` for `PS>` and the
/// input `Get-Date )`).
pub fn error_prompt(prompt: &str) -> String {
    let cut = prompt
        .rfind("> ")
        .or_else(|| prompt.rfind('>'))
        .unwrap_or(prompt.len());
    let (head, tail) = prompt.split_at(cut);
    if tail.is_empty() {
        return prompt.to_string();
    }
    format!("{head}\x1b[91m{tail}\x1b[0m")
}

/// The masked form of what was typed: one `*` per character, as pwsh's console host echoes a
/// secure string.
pub fn mask(line: &str) -> String {
    "*".repeat(line.chars().count())
}

/// What completion needs from the session right now.
pub fn snapshot(session: &mut Session) -> CompletionData {
    let mut data = CompletionData {
        // The Exchange Online cmdlets exist only once Connect-ExchangeOnline has run.
        commands: if session.exchange.is_some() {
            session.commands.clone()
        } else {
            session.commands.without(crate::vocab::Requires::Exchange)
        },
        variables: session
            .scopes
            .visible()
            .iter()
            .map(|v| v.name.clone())
            .collect(),
        cwd: session.location.clone(),
        ..CompletionData::default()
    };
    data.members = session
        .scopes
        .visible()
        .iter()
        .filter_map(|v| member_names(&v.value).map(|m| (v.name.clone(), m)))
        .collect();
    // `$_`-style automatic names and preferences are useful too; keep what scopes have.
    if session.scopes.get("true", Qualifier::None).is_none() {
        data.variables
            .extend(["true", "false", "null"].map(String::from));
    }
    if let Ok(t) = session.store.tenant() {
        data.policies = t.policies.iter().map(|p| p.identity.clone()).collect();
        data.users = t
            .users
            .iter()
            .map(|u| UserEntry {
                upn: u.user_principal_name.clone(),
                object_id: u.object_id.clone(),
                display_name: u.display_name.clone(),
            })
            .collect();
        data.groups = t
            .groups
            .iter()
            .map(|g| (g.display_name.clone(), g.object_id.clone()))
            .collect();
        data.apps = t
            .applications
            .iter()
            .map(|a| (a.app_id.clone(), a.display_name.clone()))
            .collect();
    }
    data
}

/// The member names completion offers after `$x.`: an object's properties, a hashtable's keys
/// (and its own members), an array's `Count`/`Length` and its first object's properties (pwsh
/// enumerates members of the elements), a string's `Length`.
fn member_names(value: &Value) -> Option<Vec<String>> {
    let mut names: Vec<String> = match value {
        Value::Object(o) => o.borrow().property_names(),
        Value::Hashtable(h) => {
            let mut keys: Vec<String> = h.borrow().iter().map(|(k, _)| k.to_ps_string()).collect();
            keys.extend(["Count", "Keys", "Values"].map(String::from));
            keys
        }
        Value::Array(items) => {
            let mut names = vec!["Count".to_string(), "Length".to_string()];
            if let Some(Value::Object(o)) = items.borrow().first() {
                names.extend(o.borrow().property_names());
            }
            names
        }
        Value::String(_) => vec!["Length".to_string()],
        _ => return None,
    };
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.to_ascii_lowercase()));
    Some(names)
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        if self.mode != InputMode::Command {
            return Ok((pos, Vec::new()));
        }
        Ok(completer::complete(line, pos, &self.data))
    }
}

impl Hinter for ShellHelper {
    type Hint = ShellHint;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<ShellHint> {
        if self.mode != InputMode::Command {
            return None;
        }
        let error = !line.trim().is_empty()
            && crate::syntax::parse_script(crate::syntax::SourceFile::new(None, line)).is_err();
        self.line_has_error.set(error);
        hinter::hint(line, pos, ctx.history(), &self.data, self.predictions)
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        match self.mode {
            InputMode::Secret => return Cow::Owned(mask(line)),
            InputMode::Answer => return Cow::Borrowed(line),
            InputMode::Command => {}
        }
        let mut text = if self.color {
            highlighter::highlight(line)
        } else {
            line.to_string()
        };
        // The last drawing of a line cancelled with Ctrl+C carries PSReadLine's mark (drawn
        // after the text, so the cursor, placed by the text alone, stays before it).
        if self.cancel.load(Ordering::Relaxed) {
            text.push_str("^C");
            self.cancel_drawn.store(true, Ordering::Relaxed);
        }
        Cow::Owned(text)
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if default && self.color && self.mode == InputMode::Command && self.line_has_error.get() {
            return Cow::Owned(error_prompt(prompt));
        }
        Cow::Borrowed(prompt)
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("{}{hint}{}", highlighter::HINT, highlighter::RESET))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Re-colour after every edit; moving the cursor changes nothing. A secret is redrawn
        // masked after every key.
        match self.mode {
            InputMode::Secret => true,
            InputMode::Answer => false,
            InputMode::Command => self.color && kind != CmdKind::MoveCursor,
        }
    }
}

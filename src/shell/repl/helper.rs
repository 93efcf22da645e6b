//! The rustyline helper: completion, hints and highlighting for the line being typed, from a
//! snapshot of the session (commands, store, variables) taken before each prompt. Validation
//! of multi-line input happens in the loop (see `validator`), so the rustyline Validator is
//! the default one.

use std::borrow::Cow;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::{Context, Helper, Validator};

use super::completer::{self, CompletionData, UserEntry};
use super::highlighter;
use super::hinter::{self, ShellHint};
use crate::runtime::Session;
use crate::runtime::scope::Qualifier;

#[derive(Helper, Validator)]
pub struct ShellHelper {
    pub data: CompletionData,
    /// Colour on (`-Color`, `NO_COLOR`, terminal): highlighting and dim hints.
    pub color: bool,
}

impl ShellHelper {
    pub fn new(color: bool) -> ShellHelper {
        ShellHelper {
            data: CompletionData::default(),
            color,
        }
    }
}

/// What completion needs from the session right now.
pub fn snapshot(session: &mut Session) -> CompletionData {
    let mut data = CompletionData {
        commands: session.commands.clone(),
        variables: session
            .scopes
            .visible()
            .iter()
            .map(|v| v.name.clone())
            .collect(),
        cwd: session.location.clone(),
        ..CompletionData::default()
    };
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

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(completer::complete(line, pos, &self.data))
    }
}

impl Hinter for ShellHelper {
    type Hint = ShellHint;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<ShellHint> {
        hinter::hint(line, pos, ctx.history(), &self.data)
    }
}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(highlighter::highlight(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("{}{hint}{}", highlighter::HINT, highlighter::RESET))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Re-colour after every edit; moving the cursor changes nothing.
        self.color && kind != CmdKind::MoveCursor
    }
}

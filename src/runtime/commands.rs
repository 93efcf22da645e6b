//! The command table the runtime is given: every command the session knows (built-in cmdlets,
//! which the cmdlets layer registers at start-up, script functions and aliases), the handler
//! type the runtime calls them through, and the "Did you mean" suggestions drawn from it.
//!
//! The runtime never imports a cmdlet: it calls the function pointer the table holds.

use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::binder::BoundParameters;
use super::command_context::CommandContext;
use super::flow::Flow;

/// Runs one cmdlet invocation (once, or once per pipeline record for `PipelineMode::PerRecord`).
pub type Handler = fn(&mut CommandContext<'_>, &BoundParameters) -> Result<(), Flow>;

/// A command definition whose handlers this runtime calls.
pub type CmdletDef = crate::vocab::command::CmdletDef<Handler>;

/// What runs when a command is invoked: a built-in handler or a script function.
pub type Implementation = crate::vocab::command::Implementation<Handler>;

/// Every command the session knows: built-in cmdlets, script functions and aliases.
#[derive(Clone)]
pub struct CommandTable {
    commands: IndexMap<String, Rc<CmdletDef>>,
    aliases: HashMap<String, String>,
    /// Aliases made in the session (Set-Alias, New-Alias) and their options; the built-in ones
    /// (from the definitions) are not listed here.
    alias_info: HashMap<String, AliasInfo>,
}

/// An alias made in the session: the name as typed, its options and description.
#[derive(Clone, Debug, Default)]
pub struct AliasInfo {
    pub name: String,
    /// pwsh's ScopedItemOptions text: `None`, `ReadOnly`, `Constant`, `AllScope`, ...
    pub options: String,
    pub description: String,
}

/// How many aliases of aliases `get` follows before giving up (a loop resolves to nothing).
const ALIAS_CHAIN_LIMIT: usize = 32;

impl CommandTable {
    /// A table of these definitions (the cmdlets layer hands the built-in ones over at start-up).
    pub fn new(definitions: Vec<CmdletDef>) -> CommandTable {
        let mut t = CommandTable {
            commands: IndexMap::new(),
            aliases: HashMap::new(),
            alias_info: HashMap::new(),
        };
        for def in definitions {
            for alias in &def.aliases {
                t.aliases
                    .insert(alias.to_ascii_lowercase(), def.name.to_string());
            }
            t.commands
                .insert(def.name.to_ascii_lowercase(), Rc::new(def));
        }
        t
    }

    /// The table without the commands that need this connection (the Exchange Online cmdlets
    /// before Connect-ExchangeOnline), for completion.
    pub fn without(&self, requires: crate::vocab::Requires) -> CommandTable {
        let mut t = self.clone();
        t.commands.retain(|_, d| d.requires != requires);
        let known: Vec<String> = t.commands.keys().cloned().collect();
        t.aliases
            .retain(|_, target| known.contains(&target.to_ascii_lowercase()));
        t
    }

    /// A command by name or alias, case-insensitively.
    pub fn get(&self, name: &str) -> Option<Rc<CmdletDef>> {
        let mut key = name.to_ascii_lowercase();
        // An alias may name another alias (Set-Alias a b; Set-Alias b Get-Date).
        for _ in 0..ALIAS_CHAIN_LIMIT {
            match self.aliases.get(&key) {
                Some(target) => {
                    let target = target.to_ascii_lowercase();
                    if let Some(def) = self.commands.get(&target) {
                        return Some(def.clone());
                    }
                    key = target;
                }
                None => return self.commands.get(&key).cloned(),
            }
        }
        None
    }

    /// What an alias stands for (its Definition), case-insensitively.
    pub fn alias_target(&self, name: &str) -> Option<&str> {
        self.aliases
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The session's own record of an alias (None for a built-in one).
    pub fn alias_info(&self, name: &str) -> Option<&AliasInfo> {
        self.alias_info.get(&name.to_ascii_lowercase())
    }

    /// Makes or changes an alias (Set-Alias, New-Alias).
    pub fn set_alias(&mut self, info: AliasInfo, target: &str) {
        let key = info.name.to_ascii_lowercase();
        self.aliases.insert(key.clone(), target.to_string());
        self.alias_info.insert(key, info);
    }

    /// Removes an alias (Remove-Alias, `Remove-Item alias:x`); false when there was none.
    pub fn remove_alias(&mut self, name: &str) -> bool {
        let key = name.to_ascii_lowercase();
        self.alias_info.remove(&key);
        self.aliases.remove(&key).is_some()
    }

    /// Defines (or redefines) a script function; it shadows a cmdlet of the same name.
    /// Hands back what the name meant before: the command and the alias it replaced.
    pub fn define_function(&mut self, def: CmdletDef) -> (Option<Rc<CmdletDef>>, Option<String>) {
        let key = def.name.to_ascii_lowercase();
        let alias = self.aliases.remove(&key);
        let previous = self.commands.insert(key, Rc::new(def));
        (previous, alias)
    }

    /// Undoes a `define_function`: the name means what it meant before (nothing, a cmdlet, an
    /// outer function, an alias).
    pub fn restore_function(
        &mut self,
        key: &str,
        previous: Option<Rc<CmdletDef>>,
        alias: Option<String>,
    ) {
        match previous {
            Some(def) => {
                self.commands.insert(key.to_string(), def);
            }
            None => {
                self.commands.shift_remove(key);
            }
        }
        if let Some(target) = alias {
            self.aliases.insert(key.to_string(), target);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Rc<CmdletDef>> {
        self.commands.values()
    }

    /// `(alias, command)` pairs.
    pub fn aliases(&self) -> impl Iterator<Item = (&String, &String)> {
        self.aliases.iter()
    }
}

/// "Did you mean ...?" for an unknown command: the closest known name by edit distance, or the
/// Teams cmdlet for an Exchange look-alike (`New-ApplicationAccessPolicy`).
pub fn suggest_command(table: &CommandTable, typed: &str) -> Option<String> {
    // A name longer than any command (a pasted blob, a runaway string) gets no suggestion:
    // comparing it with every command would cost its length times each name's, for nothing.
    if typed.chars().count() > SUGGEST_MAX_LEN {
        return None;
    }
    let lower = typed.to_ascii_lowercase();
    // The Graph page links Grant-ApplicationAccessPolicy, which neither product has: Exchange's
    // policies apply to their scope when created, Teams' are granted with the Cs cmdlet.
    if lower == "grant-applicationaccesspolicy"
        && table.get("Grant-CsApplicationAccessPolicy").is_some()
    {
        return Some("Did you mean Grant-CsApplicationAccessPolicy? Grant-ApplicationAccessPolicy exists in neither product: Teams application access policies (online meetings) are granted with Grant-CsApplicationAccessPolicy; Exchange Online application access policies (mailboxes) apply to their -PolicyScopeGroupId when New-ApplicationAccessPolicy creates them.".to_string());
    }
    let limit = (typed.len() / 4).clamp(1, 4);
    let mut best: Option<(usize, &str)> = None;
    for def in table.iter() {
        let name = def.name.as_ref();
        // Lengths further apart than the limit cannot be within it.
        if name.len().abs_diff(lower.len()) > limit + 2 {
            continue;
        }
        let candidate = name.to_ascii_lowercase();
        // A command that exists but is hidden (an Exchange Online cmdlet before
        // Connect-ExchangeOnline) is not its own suggestion.
        if candidate == lower {
            continue;
        }
        // The Exchange cmdlets lack the `Cs` noun prefix of the Teams ones.
        let without_cs = candidate.replacen("-cs", "-", 1);
        let d = edit_distance(&lower, &candidate).min(edit_distance(&lower, &without_cs));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, name));
        }
    }
    let (d, name) = best?;
    (d <= limit).then(|| format!("Did you mean {name}?"))
}

/// Names longer than this get no "Did you mean" (no command name comes near it).
pub const SUGGEST_MAX_LEN: usize = 100;

/// "Did you mean -X?" for an unknown parameter: the closest parameter of the command.
pub fn suggest_parameter(def: &CmdletDef, typed: &str) -> Option<String> {
    let lower = typed.to_ascii_lowercase();
    let (d, name) = def
        .params
        .iter()
        .map(|p| {
            (
                edit_distance(&lower, &p.name.to_ascii_lowercase()),
                p.name.as_ref(),
            )
        })
        .min_by_key(|(d, _)| *d)?;
    let limit = (typed.len() / 3).clamp(1, 3);
    (d <= limit).then(|| format!("Did you mean -{name}?"))
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

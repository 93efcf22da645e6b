//! The one table of cmdlet definitions (`def` describes the shape) and the implementations, one
//! file per family. The binder, `Get-Help`, `Get-Command` and tab completion read the table; a
//! script's `function` definitions join it at run time.

mod assignments;
mod compare;
mod core;
pub mod coverage;
pub mod def;
mod directory;
mod emulator;
pub mod filter;
mod formatting;
mod functions;
mod graph;
pub mod help;
mod host_cmdlets;
mod html;
mod io;
mod json;
mod language;
mod location;
mod objects;
mod policy;
mod service;
mod standins;
mod state;
mod teams;
mod transcript;
mod utility;

use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use def::CmdletDef;
pub use functions::{function_definition, function_definition_for_block};
pub(crate) use io::{io_message, write_text_to};
pub use location::{item_object, path_info};

/// Every command the session knows: built-in cmdlets, script functions and aliases.
#[derive(Clone)]
pub struct CommandTable {
    commands: IndexMap<String, Rc<CmdletDef>>,
    aliases: HashMap<String, String>,
}

/// All built-in cmdlet definitions, in help order.
pub fn builtin_definitions() -> Vec<CmdletDef> {
    let mut all = Vec::new();
    all.extend(policy::definitions());
    all.extend(teams::definitions());
    all.extend(assignments::definitions());
    all.extend(graph::definitions());
    all.extend(directory::definitions());
    all.extend(emulator::definitions());
    all.extend(state::definitions());
    all.extend(core::definitions());
    all.extend(objects::definitions());
    all.extend(compare::definitions());
    all.extend(html::definitions());
    all.extend(utility::definitions());
    all.extend(formatting::definitions());
    all.extend(io::definitions());
    all.extend(location::definitions());
    all.extend(json::definitions());
    all.extend(host_cmdlets::definitions());
    all.extend(transcript::definitions());
    all.extend(standins::definitions());
    all.extend(help::definitions());
    all.extend(language::definitions());
    all
}

impl CommandTable {
    pub fn builtin() -> CommandTable {
        let mut t = CommandTable {
            commands: IndexMap::new(),
            aliases: HashMap::new(),
        };
        for def in builtin_definitions() {
            for alias in &def.aliases {
                t.aliases
                    .insert(alias.to_ascii_lowercase(), def.name.to_string());
            }
            t.commands
                .insert(def.name.to_ascii_lowercase(), Rc::new(def));
        }
        t
    }

    /// A command by name or alias, case-insensitively.
    pub fn get(&self, name: &str) -> Option<Rc<CmdletDef>> {
        let key = name.to_ascii_lowercase();
        if let Some(target) = self.aliases.get(&key) {
            return self.commands.get(&target.to_ascii_lowercase()).cloned();
        }
        self.commands.get(&key).cloned()
    }

    /// Defines (or redefines) a script function; it shadows a cmdlet of the same name.
    pub fn define_function(&mut self, def: CmdletDef) {
        self.aliases.remove(&def.name.to_ascii_lowercase());
        self.commands
            .insert(def.name.to_ascii_lowercase(), Rc::new(def));
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
    let lower = typed.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for def in table.iter() {
        let name = def.name.as_ref();
        let candidate = name.to_ascii_lowercase();
        // The Exchange cmdlets lack the `Cs` noun prefix of the Teams ones.
        let without_cs = candidate.replacen("-cs", "-", 1);
        let d = edit_distance(&lower, &candidate).min(edit_distance(&lower, &without_cs));
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, name));
        }
    }
    let (d, name) = best?;
    let limit = (typed.len() / 4).clamp(1, 4);
    (d <= limit).then(|| format!("Did you mean {name}?"))
}

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

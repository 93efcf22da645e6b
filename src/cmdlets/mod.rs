//! The built-in cmdlets: one file per family, each declaring its definitions (the shape is
//! `vocab::command`) with the handlers that implement them. `command_table()` hands them to a
//! new session; the binder, `Get-Help`, `Get-Command` and tab completion read that one table,
//! and a script's `function` definitions join it at run time.

mod aliases;
mod assignments;
mod clixml;
mod compare;
mod core;
pub mod coverage;
mod culture;
mod directory;
mod emulator;
mod exchange;
mod explain;
pub mod filter;
mod formatting;
mod graph;
mod graph_apps;
pub mod help;
mod history;
mod host_cmdlets;
mod html;
mod introsort;
mod invoke;
mod io;
mod items;
mod json;
pub mod labs;
mod language;
mod location;
mod members;
mod modules;
mod objects;
mod online_user;
mod policy;
mod policy_kind;
mod psreadline;
mod service;
mod standins;
mod state;
mod teams;
mod teams_config;
mod teams_policies;
mod test_json;
mod transcript;
mod utility;

use crate::runtime::{CmdletDef, CommandTable};

/// All built-in cmdlet definitions, in help order.
pub fn builtin_definitions() -> Vec<CmdletDef> {
    let mut all = Vec::new();
    all.extend(policy::definitions());
    all.extend(teams::definitions());
    all.extend(teams_policies::definitions());
    all.extend(teams_config::definitions());
    all.extend(assignments::definitions());
    all.extend(graph::definitions());
    all.extend(directory::definitions());
    all.extend(graph_apps::definitions());
    all.extend(exchange::definitions());
    all.extend(emulator::definitions());
    all.extend(state::definitions());
    all.extend(labs::definitions());
    all.extend(core::definitions());
    all.extend(objects::definitions());
    all.extend(members::definitions());
    all.extend(compare::definitions());
    all.extend(html::definitions());
    all.extend(utility::definitions());
    all.extend(formatting::definitions());
    all.extend(io::definitions());
    all.extend(clixml::definitions());
    all.extend(test_json::definitions());
    all.extend(invoke::definitions());
    all.extend(culture::definitions());
    all.extend(aliases::definitions());
    all.extend(items::definitions());
    all.extend(location::definitions());
    all.extend(json::definitions());
    all.extend(host_cmdlets::definitions());
    all.extend(transcript::definitions());
    all.extend(standins::definitions());
    all.extend(modules::definitions());
    all.extend(help::definitions());
    all.extend(history::definitions());
    all.extend(psreadline::definitions());
    all.extend(language::definitions());
    all
}

/// The command table of every built-in cmdlet, for a new session.
pub fn command_table() -> CommandTable {
    CommandTable::new(builtin_definitions())
}

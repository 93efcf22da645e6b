//! State control for trainers (noun prefix `Emu`): put the tenant back to the demo or to a
//! scenario file (`Reset-EmuState`), keep and bring back named snapshots (`Save-`, `Get-`,
//! `Restore-`, `Remove-EmuSnapshot`), and review what was run (`Get-EmuAuditLog`,
//! `Clear-EmuAuditLog`).
//!
//! Replacing the tenant is one journaled change (`Change::ReplaceState`), so it is as durable as
//! any other command. Before it replaces anything, Reset and Restore keep the state they replace
//! as the snapshot `Previous` (under the store lock, so nothing lands in between), which makes
//! either one undoable with `Restore-EmuSnapshot Previous`. Snapshots and the audit log are files
//! beside the store (see `store::snapshot`, `store::audit`).

use super::emulator::emu_error;
use super::service::{read_tenant, store_failure};
use crate::runtime::CmdletDef;
use crate::runtime::audit::parameter_line;
use crate::runtime::operators::wildcard_match;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, PsObject, Value};
use crate::store::snapshot::{self, PREVIOUS, SnapshotInfo};
use crate::store::{
    AuditEntry, Change, StoreError, Tenant, demo_tenant, format_time, parse_time, snapshot_dir_for,
};
use crate::vocab::{Fidelity, ParamDef, types};

const MODULE: &str = "aapsh";
pub const SNAPSHOT_TYPE: &str = "aapsh.Snapshot";
pub const AUDIT_TYPE: &str = "aapsh.AuditEntry";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Reset-EmuState", MODULE, reset_state)
            .class("aapsh.Cmdlets.ResetEmuState")
            .synopsis("Puts the tenant back to the built-in demo tenant, or to the tenant in a store file.")
            .description("Replaces everything in the store (directory, policies, assignments, app permissions, the propagation delay and pending changes, online meetings) with the demo tenant, or with the tenant in the file given by -Path (checked like any store file). The state it replaces is kept as the snapshot \"Previous\", so Restore-EmuSnapshot Previous undoes it. Snapshots, the audit log and the session (connections, variables, the session clock) are kept.")
            .should_process()
            .param(ParamDef::new("Path", types::STRING).position(0).help("A store file (store-format.md) to load instead of the demo tenant, e.g. a trainer's scenario or a saved snapshot."))
            .example("Start an exercise from scratch", "Reset-EmuState", "The store holds the demo tenant again (Contoso, eight users, no policies but Global).")
            .example("Load a scenario", "Reset-EmuState -Path .\\scenarios\\webinar.json", "The store holds the tenant from webinar.json."),
        CmdletDef::new("Save-EmuSnapshot", MODULE, save_snapshot)
            .class("aapsh.Cmdlets.SaveEmuSnapshot")
            .synopsis("Saves the whole tenant under a name, to bring it back later with Restore-EmuSnapshot.")
            .description("Writes the current state to <store>.snapshots/<Name>.json, itself a valid store file. Names compare case-insensitively and use letters, digits, spaces, '-', '_' and '.'. An existing snapshot is replaced only with -Force. The name \"Previous\" is kept for the state before the last Reset-EmuState or Restore-EmuSnapshot.")
            .should_process()
            .param(ParamDef::new("Name", types::STRING).position(0).mandatory().help("The snapshot's name."))
            .param(ParamDef::new("Force", types::SWITCH).help("Replaces a snapshot of the same name."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the saved snapshot."))
            .example("Before an exercise", "Save-EmuSnapshot -Name before-exercise", "Restore-EmuSnapshot before-exercise brings this state back."),
        CmdletDef::new("Get-EmuSnapshot", MODULE, get_snapshot)
            .class("aapsh.Cmdlets.GetEmuSnapshot")
            .synopsis("Lists the saved snapshots of this store.")
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).help("Names; wildcards allowed. Default: every snapshot."))
            .outputs("Name, SavedAt, Users, Groups, Applications, Policies, Path."),
        CmdletDef::new("Restore-EmuSnapshot", MODULE, restore_snapshot)
            .class("aapsh.Cmdlets.RestoreEmuSnapshot")
            .synopsis("Brings back the tenant saved under a name.")
            .description("Replaces the whole tenant with the snapshot (its emulator settings, pending changes and meetings included); the Graph side sees it at once. The state it replaces is kept as the snapshot \"Previous\", so Restore-EmuSnapshot Previous goes back.")
            .should_process()
            .param(ParamDef::new("Name", types::STRING).position(0).mandatory().help("The snapshot's name (any case)."))
            .example("Undo an exercise", "Restore-EmuSnapshot -Name before-exercise", "The tenant is as it was when the snapshot was saved."),
        CmdletDef::new("Remove-EmuSnapshot", MODULE, remove_snapshot)
            .class("aapsh.Cmdlets.RemoveEmuSnapshot")
            .synopsis("Deletes saved snapshots.")
            .should_process()
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().help("Names; wildcards allowed.")),
        CmdletDef::new("Get-EmuAuditLog", MODULE, get_audit_log)
            .class("aapsh.Cmdlets.GetEmuAuditLog")
            .synopsis("Shows the tenant commands run against this store: their bound parameters and how they ended.")
            .description("Every run of a Teams, Microsoft Graph or Emu cmdlet is logged beside the store (<store>.audit), from every session, with the time on the session clock, the bound parameters (secrets shown as ***), the outcome (Succeeded, Failed, Skipped for -WhatIf or a No, Stopped) and the first error. Language cmdlets are not logged. Format-List shows the command as typed and where, with secrets masked (tokens, passwords, credentials, bearer and client secrets). A value longer than 1 KiB is cut, with a note of how much was cut; past 8 MiB the log moves to <store>.audit.1, so the two files keep about the last 16 MiB of entries. The log is readable by its owner only.")
            .param(ParamDef::new("Last", types::INT32).help("Only the newest N entries."))
            .param(ParamDef::new("Command", types::STRING_ARRAY).help("Only these cmdlets; wildcards allowed."))
            .param(ParamDef::new("Outcome", types::STRING_ARRAY).help("Only these outcomes: Succeeded, Failed, Skipped, Stopped."))
            .outputs("Time, Command, Outcome, Parameters, Error, Source, Text, Account, Session.")
            .example("Review a trainee's session", "Get-EmuAuditLog", "One row per command, oldest first.")
            .example("What went wrong?", "Get-EmuAuditLog -Outcome Failed | Format-List", "The failed commands with their errors."),
        CmdletDef::new("Clear-EmuAuditLog", MODULE, clear_audit_log)
            .class("aapsh.Cmdlets.ClearEmuAuditLog")
            .synopsis("Empties the audit log of this store.")
            .should_process(),
    ]
    .into_iter()
    .map(|d| d.fidelity(Fidelity::EmulatorOnly))
    .collect()
}

/// The snapshot folder and the store file, or a terminating error for an in-memory store.
fn snapshot_place(
    ctx: &CommandContext<'_>,
) -> Result<(std::path::PathBuf, std::path::PathBuf), Flow> {
    match ctx.session.store.path() {
        Some(path) => Ok((snapshot_dir_for(path), path.to_path_buf())),
        None => Err(ctx.terminate(ctx.error(
            "System.InvalidOperationException",
            "Snapshots are kept beside the store file, and this session has no store file.",
            "NoStoreFile",
            ErrorCategory::InvalidOperation,
        ))),
    }
}

/// Replaces the whole tenant with `new`, first keeping the current state as `Previous` (both
/// under the store lock). An in-memory store keeps no `Previous`.
fn replace_state(ctx: &mut CommandContext<'_>, new: &Tenant) -> Result<(), Flow> {
    let document = match snapshot::state_document(new) {
        Ok(d) => d,
        Err(e) => return Err(store_failure(ctx, &e)),
    };
    let place = ctx
        .session
        .store
        .path()
        .map(|p| (snapshot_dir_for(p), p.to_path_buf()));
    let saved_at = format_time(ctx.session.clock.now());
    let result = ctx.session.store.transact(|current| {
        if let Some((dir, store)) = &place {
            snapshot::save(dir, store, PREVIOUS, &saved_at, current)?;
        }
        Ok::<_, StoreError>(((), vec![Change::ReplaceState { document }]))
    });
    match result {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) | Err(e) => Err(store_failure(ctx, &e)),
    }
}

fn reset_state(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (tenant, target) = match b.string("Path").filter(|p| !p.trim().is_empty()) {
        None => (demo_tenant(), "the demo tenant".to_string()),
        Some(typed) => {
            let path = ctx.session.resolve_path(&typed);
            if !path.is_file() {
                let r = emu_error(
                    ctx,
                    format!(
                        "Cannot find path '{}' because it does not exist.",
                        path.display()
                    ),
                    "PathNotFound",
                    ErrorCategory::ObjectNotFound,
                    &typed,
                );
                return ctx.write_error(r);
            }
            match snapshot::load(&path) {
                Ok((_, tenant)) => (tenant, path.display().to_string()),
                Err(e) => {
                    let r = emu_error(
                        ctx,
                        e.load_message(),
                        "InvalidStoreFile",
                        ErrorCategory::InvalidData,
                        &typed,
                    );
                    return ctx.write_error(r);
                }
            }
        }
    };
    if !ctx.should_process(&target, "Reset-EmuState")? {
        return Ok(());
    }
    replace_state(ctx, &tenant)
}

fn save_snapshot(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let name = b.string("Name").unwrap_or_default().trim().to_string();
    let (dir, store) = snapshot_place(ctx)?;
    if let Some(message) = snapshot::check_name(&name) {
        let r = emu_error(
            ctx,
            message,
            "InvalidSnapshotName",
            ErrorCategory::InvalidArgument,
            &name,
        );
        return ctx.write_error(r);
    }
    if name.eq_ignore_ascii_case(PREVIOUS) {
        let r = emu_error(
            ctx,
            format!(
                "The snapshot name \"{PREVIOUS}\" is kept for the state before the last Reset-EmuState or Restore-EmuSnapshot. Choose another name."
            ),
            "ReservedSnapshotName",
            ErrorCategory::InvalidArgument,
            &name,
        );
        return ctx.write_error(r);
    }
    let existing = snapshot::find(&dir, &store, &name).map_err(|e| store_failure(ctx, &e))?;
    if existing.is_some() && !b.switch("Force") {
        let r = emu_error(
            ctx,
            format!("A snapshot named \"{name}\" already exists. Use -Force to replace it."),
            "SnapshotExists",
            ErrorCategory::ResourceExists,
            &name,
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&name, "Save-EmuSnapshot")? {
        return Ok(());
    }
    let saved_at = format_time(ctx.session.clock.now());
    let tenant = read_tenant(ctx)?;
    let info = snapshot::save(&dir, &store, &name, &saved_at, tenant)
        .map_err(|e| store_failure(ctx, &e))?;
    if b.switch("PassThru") {
        ctx.write_object(snapshot_object(&info));
    }
    Ok(())
}

fn snapshot_object(info: &SnapshotInfo) -> Value {
    let count = Value::count;
    let obj = PsObject::new(SNAPSHOT_TYPE)
        .with_text(info.name.clone())
        .with("Name", Value::str(&info.name))
        .with(
            "SavedAt",
            parse_time(&info.saved_at).map_or(Value::Null, Value::DateTime),
        )
        .with("Users", count(info.users))
        .with("Groups", count(info.groups))
        .with("Applications", count(info.applications))
        .with("Policies", count(info.policies))
        .with("Path", Value::str(info.path.display().to_string()));
    Value::object(obj)
}

/// The snapshots whose names match any of `patterns` (wildcards; every one for `None`).
fn matching(
    ctx: &CommandContext<'_>,
    patterns: Option<&[String]>,
) -> Result<Vec<SnapshotInfo>, Flow> {
    let (dir, store) = snapshot_place(ctx)?;
    let all = snapshot::list(&dir, &store).map_err(|e| store_failure(ctx, &e))?;
    Ok(match patterns {
        None => all,
        Some(patterns) => all
            .into_iter()
            .filter(|s| patterns.iter().any(|p| wildcard_match(p, &s.name, false)))
            .collect(),
    })
}

fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

fn get_snapshot(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let patterns = b.strings("Name");
    let found = matching(ctx, patterns.as_deref())?;
    for p in patterns.iter().flatten() {
        if !has_wildcard(p) && !found.iter().any(|s| s.name.eq_ignore_ascii_case(p)) {
            let r = not_found(ctx, p);
            ctx.write_error(r)?;
        }
    }
    for info in &found {
        ctx.write_object(snapshot_object(info));
    }
    Ok(())
}

fn not_found(ctx: &CommandContext<'_>, name: &str) -> crate::runtime::ErrorRecord {
    emu_error(
        ctx,
        format!("No snapshot is named \"{name}\". Get-EmuSnapshot lists the saved snapshots."),
        "SnapshotNotFound",
        ErrorCategory::ObjectNotFound,
        name,
    )
}

fn restore_snapshot(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let name = b.string("Name").unwrap_or_default().trim().to_string();
    let (dir, store) = snapshot_place(ctx)?;
    let Some(path) = snapshot::find(&dir, &store, &name).map_err(|e| store_failure(ctx, &e))?
    else {
        let r = not_found(ctx, &name);
        return ctx.write_error(r);
    };
    let tenant = match snapshot::load(&path) {
        Ok((_, tenant)) => tenant,
        Err(e) => {
            let r = emu_error(
                ctx,
                e.load_message(),
                "InvalidSnapshot",
                ErrorCategory::InvalidData,
                &name,
            );
            return ctx.write_error(r);
        }
    };
    if !ctx.should_process(&name, "Restore-EmuSnapshot")? {
        return Ok(());
    }
    replace_state(ctx, &tenant)
}

fn remove_snapshot(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let patterns = b.strings("Name").unwrap_or_default();
    let (dir, store) = snapshot_place(ctx)?;
    for pattern in &patterns {
        let found = matching(ctx, Some(std::slice::from_ref(pattern)))?;
        if found.is_empty() && !has_wildcard(pattern) {
            let r = not_found(ctx, pattern);
            ctx.write_error(r)?;
            continue;
        }
        for info in found {
            if !ctx.should_process(&info.name, "Remove-EmuSnapshot")? {
                continue;
            }
            snapshot::remove(&dir, &store, &info.name).map_err(|e| store_failure(ctx, &e))?;
        }
    }
    Ok(())
}

fn audit_object(entry: &AuditEntry) -> Value {
    let obj = PsObject::new(AUDIT_TYPE)
        .with(
            "Time",
            parse_time(&entry.time).map_or_else(|| Value::str(&entry.time), Value::DateTime),
        )
        .with("Command", Value::str(&entry.command))
        .with("Outcome", Value::str(&entry.outcome))
        .with("Parameters", Value::str(parameter_line(entry)))
        .with(
            "Error",
            entry.error.as_ref().map_or(Value::Null, Value::str),
        )
        .with("Source", Value::str(&entry.source))
        .with("Text", Value::str(&entry.text))
        .with("Account", Value::str(&entry.account))
        .with(
            "Session",
            parse_time(&entry.session).map_or_else(|| Value::str(&entry.session), Value::DateTime),
        );
    Value::object(obj)
}

fn get_audit_log(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let entries = ctx
        .session
        .audit_log
        .entries()
        .map_err(|e| store_failure(ctx, &e))?;
    let commands = b.strings("Command");
    let outcomes = b.strings("Outcome");
    let mut kept: Vec<&AuditEntry> = entries
        .iter()
        .filter(|e| {
            commands
                .as_ref()
                .is_none_or(|c| c.iter().any(|p| wildcard_match(p, &e.command, false)))
        })
        .filter(|e| {
            outcomes
                .as_ref()
                .is_none_or(|o| o.iter().any(|p| wildcard_match(p, &e.outcome, false)))
        })
        .collect();
    if let Some(last) = b.int("Last") {
        let last = usize::try_from(last.max(0)).unwrap_or(0);
        let skip = kept.len().saturating_sub(last);
        kept.drain(..skip);
    }
    for entry in kept {
        ctx.write_object(audit_object(entry));
    }
    Ok(())
}

fn clear_audit_log(ctx: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    let target = ctx
        .session
        .audit_log
        .path()
        .map_or_else(|| "the audit log".to_string(), |p| p.display().to_string());
    if !ctx.should_process(&target, "Clear-EmuAuditLog")? {
        return Ok(());
    }
    ctx.session
        .audit_log
        .clear()
        .map(drop)
        .map_err(|e| store_failure(ctx, &e))
}

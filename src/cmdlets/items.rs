//! The FileSystem provider's item cmdlets beyond Get-Item and New-Item: Copy-Item, Move-Item,
//! Rename-Item, Clear-Content, Resolve-Path and Convert-Path. Paths are resolved from the
//! session's location (`Session::resolve_path`); wildcards in the last part of a `-Path` match
//! several items as in Get-Item (`-LiteralPath` never expands). Messages, error ids and the
//! ShouldProcess texts are pwsh 7.6.10's (FileSystemProviderStrings), checked against it.

use std::path::{Path, PathBuf};

use super::io::path_not_found;
use super::location::{item_object, resolve_items};
use crate::runtime::CmdletDef;
use crate::runtime::files::{io_message, path_info, shown};
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, Value};
use crate::vocab::{ParamDef, PipelineMode, types};

const MANAGEMENT: &str = "Microsoft.PowerShell.Management";

fn path_params(def: CmdletDef, what: &str) -> CmdletDef {
    def.default_set("Path")
        .param(
            ParamDef::new("Path", types::STRING_ARRAY)
                .sets(&["Path"])
                .position(0)
                .mandatory()
                .from_pipeline()
                .by_property_name()
                .help(format!("{what}; wildcards allowed.")),
        )
        .param(
            ParamDef::new("LiteralPath", types::STRING_ARRAY)
                .sets(&["LiteralPath"])
                .mandatory()
                .by_property_name()
                .alias("PSPath")
                .alias("LP")
                .help("The path, used exactly as typed."),
        )
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        path_params(
            CmdletDef::new("Copy-Item", MANAGEMENT, copy_item)
                .class("Microsoft.PowerShell.Commands.CopyItemCommand")
                .synopsis("Copies an item from one location to another.")
                .description("Offline: copies files and folders on the local disk. A folder is copied without its contents unless -Recurse is given; into an existing folder the item keeps its name.")
                .alias("copy")
                .alias("cpi")
                .should_process()
                .pipeline(PipelineMode::PerRecord),
            "The items to copy",
        )
        .param(ParamDef::new("Destination", types::STRING).position(1).by_property_name().help("Where to copy to: a new name, or an existing folder to copy into (default: the current location)."))
        .param(ParamDef::new("Recurse", types::SWITCH).help("Copies folders with everything in them."))
        .param(ParamDef::new("Force", types::SWITCH).help("Overwrites read-only files."))
        .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the copied items."))
        .example("Keep a backup before editing", "Copy-Item .\\users.csv .\\users.bak.csv", "users.bak.csv holds the old content."),
        path_params(
            CmdletDef::new("Move-Item", MANAGEMENT, move_item)
                .class("Microsoft.PowerShell.Commands.MoveItemCommand")
                .synopsis("Moves an item from one location to another.")
                .description("Offline: moves or renames files and folders on the local disk; into an existing folder the item keeps its name. An existing file at the destination is an error unless -Force is given.")
                .alias("mv")
                .alias("move")
                .alias("mi")
                .should_process()
                .pipeline(PipelineMode::PerRecord),
            "The items to move",
        )
        .param(ParamDef::new("Destination", types::STRING).position(1).by_property_name().help("Where to move to: a new path, or an existing folder to move into (default: the current location)."))
        .param(ParamDef::new("Force", types::SWITCH).help("Replaces an existing file at the destination."))
        .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the moved items."))
        .example("Archive an export", "Move-Item .\\export.csv .\\archive\\", "export.csv now lives in archive."),
        CmdletDef::new("Rename-Item", MANAGEMENT, rename_item)
            .class("Microsoft.PowerShell.Commands.RenameItemCommand")
            .synopsis("Renames an item in a PowerShell provider namespace.")
            .description("Offline: renames a file or folder on the local disk, in its own folder; the new name cannot be a path.")
            .alias("ren")
            .alias("rni")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .default_set("ByPath")
            .param(ParamDef::new("Path", types::STRING).sets(&["ByPath"]).position(0).mandatory().from_pipeline().by_property_name().help("The item to rename."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["ByLiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The item, used exactly as typed."))
            .param(ParamDef::new("NewName", types::STRING).position(1).mandatory().by_property_name().help("The new name (a name, not a path)."))
            .param(ParamDef::new("Force", types::SWITCH).help("Renames read-only items too."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the renamed item."))
            .example("Date-stamp a report", "Rename-Item .\\report.csv \"report-$(Get-Date -Format yyyyMMdd).csv\"", "The file keeps its folder."),
        path_params(
            CmdletDef::new("Clear-Content", MANAGEMENT, clear_content)
                .class("Microsoft.PowerShell.Commands.ClearContentCommand")
                .synopsis("Deletes the contents of an item, but does not delete the item.")
                .description("Offline: empties files on the local disk (their length becomes 0); folders are an error.")
                .alias("clc")
                .should_process()
                .pipeline(PipelineMode::PerRecord),
            "The files to empty",
        )
        .param(ParamDef::new("Force", types::SWITCH).help("Empties read-only files too.")),
        path_params(
            CmdletDef::new("Resolve-Path", MANAGEMENT, resolve_path)
                .class("Microsoft.PowerShell.Commands.ResolvePathCommand")
                .synopsis("Resolves the wildcard characters in a path, and displays the path contents.")
                .description("Returns a PathInfo object for every existing item the path names (wildcards expand to every match), or with -Relative the path relative to the current location (or -RelativeBasePath) as a string.")
                .alias("rvpa")
                .pipeline(PipelineMode::PerRecord)
                .outputs("System.Management.Automation.PathInfo, or System.String with -Relative"),
            "The paths to resolve",
        )
        .param(ParamDef::new("Relative", types::SWITCH).help("Returns paths relative to the current location, such as ./users.csv."))
        .param(ParamDef::new("RelativeBasePath", types::STRING).by_property_name().help("The folder relative paths start from, instead of the current location."))
        .param(ParamDef::new("Force", types::SWITCH).help("Also matches hidden items (names starting with '.')."))
        .example("Full path of a file", "(Resolve-Path .\\users.csv).Path", "The absolute path; an error when the file does not exist."),
        path_params(
            CmdletDef::new("Convert-Path", MANAGEMENT, convert_path)
                .class("Microsoft.PowerShell.Commands.ConvertPathCommand")
                .synopsis("Converts a path from a PowerShell path to a PowerShell provider path.")
                .description("Returns the file-system path of every existing item the path names, as a string (wildcards expand to every match).")
                .alias("cvpa")
                .pipeline(PipelineMode::PerRecord)
                .outputs("System.String"),
            "The paths to convert",
        )
        .example("The current folder as text", "Convert-Path .", "The same text as \"$PWD\"."),
    ]
}

/// The paths of -Path (wildcards expanded) or -LiteralPath; each missing one is reported.
fn sources(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    force: bool,
) -> Result<Vec<PathBuf>, Flow> {
    let (texts, literal) = match b.strings("LiteralPath") {
        Some(p) => (p, true),
        None => (b.strings("Path").unwrap_or_default(), false),
    };
    let mut out = Vec::new();
    for text in texts {
        let found = resolve_items(ctx, &text, literal, force)?;
        if found.is_empty() && !literal && crate::runtime::operators::has_wildcards(&text) {
            // A wildcard that matches nothing is silent for Copy/Move, as in pwsh.
            continue;
        }
        out.extend(found);
    }
    Ok(out)
}

fn with_target(mut r: crate::runtime::ErrorRecord, path: &Path) -> crate::runtime::ErrorRecord {
    let text = shown(path);
    r.target_name = text.clone();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(text));
    r
}

fn io_error(
    ctx: &mut CommandContext<'_>,
    target: &Path,
    about: &Path,
    e: &std::io::Error,
    id: &str,
) -> Result<(), Flow> {
    let (ty, message) = io_message(about, e);
    let r = ctx.error(&ty, message, id, ErrorCategory::WriteError);
    let r = with_target(r, target);
    ctx.write_error(r)
}

/// Where an item goes: into `dest` when it is an existing folder, else `dest` itself.
fn destination_for(ctx: &CommandContext<'_>, b: &BoundParameters, source: &Path) -> PathBuf {
    let dest = match b.string("Destination") {
        Some(d) => ctx.session.resolve_path(&d),
        None => ctx.session.location.clone(),
    };
    match source.file_name() {
        Some(name) if dest.is_dir() => dest.join(name),
        _ => dest,
    }
}

// ----- Copy-Item ---------------------------------------------------------------------------

fn copy_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for source in sources(ctx, b, b.switch("Force"))? {
        let target = destination_for(ctx, b, &source);
        let dir = source.is_dir();
        let action = if dir { "Copy Directory" } else { "Copy File" };
        let what = format!("Item: {} Destination: {}", shown(&source), shown(&target));
        if !ctx.should_process(&what, action)? {
            continue;
        }
        if target == source {
            let text = shown(&source);
            let r = ctx.error(
                "System.IO.IOException",
                format!("Cannot overwrite the item {text} with itself."),
                "CopyError",
                ErrorCategory::WriteError,
            );
            ctx.write_error(with_target(r, &source))?;
            continue;
        }
        if dir {
            // The listing is taken before anything is written, so copying a folder into itself
            // copies it once (pwsh recurses until the path is too long).
            let entries = if b.switch("Recurse") {
                tree(&source)
            } else {
                Vec::new()
            };
            if let Err(e) = std::fs::create_dir_all(&target) {
                io_error(ctx, &source, &target, &e, "CopyDirectoryInfoItemIOError")?;
                continue;
            }
            for entry in entries {
                let Ok(rel) = entry.strip_prefix(&source) else {
                    continue;
                };
                let to = target.join(rel);
                let result = if entry.is_dir() {
                    std::fs::create_dir_all(&to)
                } else {
                    std::fs::copy(&entry, &to).map(|_| ())
                };
                if let Err(e) = result {
                    io_error(ctx, &entry, &to, &e, "CopyFileInfoItemIOError")?;
                }
            }
        } else if let Err(e) = copy_file(&source, &target, b.switch("Force")) {
            io_error(ctx, &source, &target, &e, "CopyFileInfoItemIOError")?;
            continue;
        }
        if b.switch("PassThru") {
            ctx.write_object(item_object(&target));
        }
    }
    Ok(())
}

fn copy_file(source: &Path, target: &Path, force: bool) -> std::io::Result<()> {
    if force && let Ok(meta) = std::fs::metadata(target) {
        let mut perms = meta.permissions();
        if perms.readonly() {
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            std::fs::set_permissions(target, perms)?;
        }
    }
    std::fs::copy(source, target).map(|_| ())
}

/// Every folder and file under `dir`, parents before their contents, by name.
fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return out,
    };
    entries.sort();
    for e in entries {
        let is_dir = std::fs::symlink_metadata(&e).is_ok_and(|m| m.is_dir());
        out.push(e.clone());
        if is_dir {
            out.extend(tree(&e));
        }
    }
    out
}

// ----- Move-Item / Rename-Item ---------------------------------------------------------------

fn move_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for source in sources(ctx, b, true)? {
        let target = destination_for(ctx, b, &source);
        let dir = source.is_dir();
        let action = if dir { "Move Directory" } else { "Move File" };
        let what = format!("Item: {} Destination: {}", shown(&source), shown(&target));
        if !ctx.should_process(&what, action)? {
            continue;
        }
        let id = if dir {
            "MoveDirectoryItemIOError"
        } else {
            "MoveFileInfoItemIOError"
        };
        if target != source && target.exists() && !(b.switch("Force") && !dir && target.is_file()) {
            let r = already_exists(ctx, &target, dir, id);
            ctx.write_error(with_target(r, &source))?;
            continue;
        }
        if let Err(e) = std::fs::rename(&source, &target) {
            io_error(ctx, &source, &target, &e, id)?;
            continue;
        }
        if b.switch("PassThru") {
            ctx.write_object(item_object(&target));
        }
    }
    Ok(())
}

/// `The file '...' already exists.` or, for a folder, .NET's directory message.
fn already_exists(
    ctx: &CommandContext<'_>,
    target: &Path,
    dir: bool,
    id: &str,
) -> crate::runtime::ErrorRecord {
    let text = shown(target);
    let message = if dir {
        format!(
            "Cannot create '{text}' because a file or directory with the same name already exists."
        )
    } else {
        format!("The file '{text}' already exists.")
    };
    ctx.error(
        "System.IO.IOException",
        message,
        id,
        ErrorCategory::WriteError,
    )
}

fn rename_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (text, literal) = match b.string("LiteralPath") {
        Some(p) => (p, true),
        None => (b.string("Path").unwrap_or_default(), false),
    };
    let new_name = b.string("NewName").unwrap_or_default();
    for source in resolve_items(ctx, &text, literal, true)? {
        if new_name.contains(['/', '\\']) {
            let r = ctx.error(
                "System.Management.Automation.PSArgumentException",
                "Cannot rename the specified target, because it represents a path or device name.",
                "Argument",
                ErrorCategory::InvalidArgument,
            );
            ctx.write_error(r)?;
            continue;
        }
        let target = source
            .parent()
            .map_or_else(|| PathBuf::from(&new_name), |p| p.join(&new_name));
        let dir = source.is_dir();
        let action = if dir {
            "Rename Directory"
        } else {
            "Rename File"
        };
        let what = format!("Item: {} Destination: {}", shown(&source), shown(&target));
        if !ctx.should_process(&what, action)? {
            continue;
        }
        if target != source && target.exists() {
            let r = already_exists(ctx, &target, dir, "RenameItemIOError");
            ctx.write_error(with_target(r, &source))?;
            continue;
        }
        if let Err(e) = std::fs::rename(&source, &target) {
            io_error(ctx, &source, &target, &e, "RenameItemIOError")?;
            continue;
        }
        if b.switch("PassThru") {
            ctx.write_object(item_object(&target));
        }
    }
    Ok(())
}

// ----- Clear-Content -----------------------------------------------------------------------

fn clear_content(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for path in sources(ctx, b, b.switch("Force"))? {
        let text = shown(&path);
        if path.is_dir() {
            let r = ctx.error(
                "System.NotSupportedException",
                format!(
                    "Unable to clear content of '{text}' because it is a directory. Clear-Content is only supported on files."
                ),
                "ClearDirectoryContent",
                ErrorCategory::InvalidOperation,
            );
            ctx.write_error(with_target(r, &path))?;
            continue;
        }
        if !ctx.should_process(&format!("Item: {text}"), "Clear Content")? {
            continue;
        }
        if let Err(e) = std::fs::write(&path, b"") {
            io_error(ctx, &path, &path, &e, "ClearContentIOError")?;
        }
    }
    Ok(())
}

// ----- Resolve-Path / Convert-Path -----------------------------------------------------------

fn resolve_path(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let base = match b.string("RelativeBasePath") {
        Some(p) => Some(ctx.session.resolve_path(&p)),
        None => None,
    };
    let relative = b.switch("Relative");
    let (texts, literal) = match b.strings("LiteralPath") {
        Some(p) => (p, true),
        None => (b.strings("Path").unwrap_or_default(), false),
    };
    for text in texts {
        let found = match &base {
            // -RelativeBasePath is also where relative -Path arguments start.
            Some(dir) if !Path::new(&text.replace('\\', "/")).is_absolute() => {
                let saved = std::mem::replace(&mut ctx.session.location, dir.clone());
                let r = resolve_items(ctx, &text, literal, b.switch("Force"));
                ctx.session.location = saved;
                r?
            }
            _ => resolve_items(ctx, &text, literal, b.switch("Force"))?,
        };
        if found.is_empty() && !literal && crate::runtime::operators::has_wildcards(&text) {
            let path = ctx.session.resolve_path(&text);
            let r = path_not_found(ctx, &path);
            ctx.write_error(r)?;
            continue;
        }
        for path in found {
            if relative {
                let from = base.clone().unwrap_or_else(|| ctx.session.location.clone());
                ctx.write_object(Value::str(relative_path(&from, &path)));
            } else {
                ctx.write_object(path_info(&path));
            }
        }
    }
    Ok(())
}

/// `./name` for an item under `from`, else a path climbing with `..` (on Windows `.\name`).
fn relative_path(from: &Path, to: &Path) -> String {
    let sep = if cfg!(windows) { "\\" } else { "/" };
    let from: Vec<_> = from.components().collect();
    let to_parts: Vec<_> = to.components().collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let rest: Vec<String> = to_parts[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if common == from.len() {
        if rest.is_empty() {
            return ".".into();
        }
        return format!(".{sep}{}", rest.join(sep));
    }
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(rest);
    parts.join(sep)
}

fn convert_path(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for path in sources(ctx, b, true)? {
        ctx.write_object(Value::str(shown(&path)));
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::relative_path;
    use std::path::Path;

    #[test]
    fn relative_paths_start_with_dot_or_climb() {
        assert_eq!(
            relative_path(Path::new("/a/b"), Path::new("/a/b/c.txt")),
            "./c.txt"
        );
        assert_eq!(
            relative_path(Path::new("/a/b"), Path::new("/a/x/c.txt")),
            "../x/c.txt"
        );
        assert_eq!(relative_path(Path::new("/a/b"), Path::new("/a/b")), ".");
    }
}

//! The session's location and the file-system items scripts look at: Get-Location,
//! Set-Location, Push-Location, Pop-Location, Get-Item and Get-ChildItem.
//!
//! The location lives in the session (`Session::location`); `Session::resolve_path` resolves
//! relative paths from it, so every file cmdlet follows `Set-Location`. As in pwsh, the process's
//! working directory (`[Environment]::CurrentDirectory`) does not change.
//!
//! Items are `System.IO.FileInfo` / `System.IO.DirectoryInfo` objects with the properties
//! scripts read (Name, FullName, Length, LastWriteTime, Extension, BaseName, DirectoryName,
//! Directory, PSIsContainer, Mode, Exists, PSParentPath, ...); the formatter shows them with
//! pwsh's file-system table (see `format::views`).

use std::path::{Path, PathBuf};

use super::io::path_not_found;
use crate::runtime::CmdletDef;
use crate::runtime::files::{PROVIDER, path_info, shown};
use crate::runtime::operators::{has_wildcards, wildcard_match};
use crate::runtime::{BoundParameters, CommandContext, Flow, PsObject, Value};
use crate::vocab::{ParamDef, PipelineMode, types};

const MANAGEMENT: &str = "Microsoft.PowerShell.Management";
const DEFAULT_STACK: &str = "default";
/// How many locations `Set-Location -` can walk back.
const HISTORY: usize = 20;

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Location", MANAGEMENT, get_location)
            .class("Microsoft.PowerShell.Commands.GetLocationCommand")
            .synopsis("Gets information about the current working location or a location stack.")
            .description("Returns the session's current location as a PathInfo object (its Path property, and its text, is the folder). Offline there is only the FileSystem provider.")
            .alias("gl")
            .alias("pwd")
            .outputs("System.Management.Automation.PathInfo")
            .example("Where am I", "Get-Location", "A table with one column, Path.")
            .example("The folder as text", "$here = (Get-Location).Path", "The same text as \"$PWD\"."),
        CmdletDef::new("Set-Location", MANAGEMENT, set_location)
            .class("Microsoft.PowerShell.Commands.SetLocationCommand")
            .synopsis("Sets the current working location to a specified location.")
            .description("Changes the session's current location, which relative paths in every cmdlet (Import-Csv, Get-Content, Export-Csv, Test-Path, ...) are resolved from. Without a path it goes to the home folder; '-' goes back to the previous location and '+' forward again. The process's working directory is left alone, as in pwsh.")
            .alias("cd")
            .alias("chdir")
            .alias("sl")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Path")
            .param(ParamDef::new("Path", types::STRING).sets(&["Path"]).position(0).from_pipeline().by_property_name().help("The folder to go to, absolute or relative to the current location."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["LiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The folder, used exactly as typed."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns a PathInfo object for the new location."))
            .example("Work next to the script", "Set-Location $PSScriptRoot\nImport-Csv .\\users.csv", "users.csv is read from the script's folder.")
            .example("Go back", "cd -", "Returns to the location before the last Set-Location."),
        CmdletDef::new("Push-Location", MANAGEMENT, push_location)
            .class("Microsoft.PowerShell.Commands.PushLocationCommand")
            .synopsis("Adds the current location to the top of a location stack.")
            .description("Saves the current location on a stack (the default one, or -StackName) and, with a path, moves there; Pop-Location comes back.")
            .alias("pushd")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Path")
            .param(ParamDef::new("Path", types::STRING).sets(&["Path"]).position(0).from_pipeline().by_property_name().help("The folder to go to after saving the current location."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["LiteralPath"]).by_property_name().alias("PSPath").alias("LP").help("The folder, used exactly as typed."))
            .param(ParamDef::new("StackName", types::STRING).by_property_name().help("The stack to use instead of the default one."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns a PathInfo object for the new location."))
            .example("Visit a folder and come back", "Push-Location .\\exports\nExport-Csv -InputObject $rows -Path .\\out.csv\nPop-Location", "out.csv is written in exports; the location is restored afterwards."),
        CmdletDef::new("Pop-Location", MANAGEMENT, pop_location)
            .class("Microsoft.PowerShell.Commands.PopLocationCommand")
            .synopsis("Changes the current location to the location most recently pushed onto the stack.")
            .description("Moves to the location on top of the stack (the default one, or -StackName) and removes it from the stack. An empty stack leaves the location as it is.")
            .alias("popd")
            .param(ParamDef::new("StackName", types::STRING).by_property_name().help("The stack to use instead of the default one."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns a PathInfo object for the new location."))
            .example("Come back", "Pop-Location", "The location saved by the last Push-Location."),
        CmdletDef::new("Get-Item", MANAGEMENT, get_item)
            .class("Microsoft.PowerShell.Commands.GetItemCommand")
            .synopsis("Gets the item at the specified location.")
            .description("Offline: returns the file (System.IO.FileInfo) or folder (System.IO.DirectoryInfo) at each path; wildcards in the last part of a path match several items.")
            .alias("gi")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Path")
            .param(ParamDef::new("Path", types::STRING_ARRAY).sets(&["Path"]).position(0).mandatory().from_pipeline().by_property_name().help("The item's path; wildcards allowed."))
            .param(ParamDef::new("LiteralPath", types::STRING_ARRAY).sets(&["LiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The path, used exactly as typed."))
            .param(ParamDef::new("Force", types::SWITCH).help("Also matches hidden items (names starting with '.')."))
            .outputs("System.IO.FileInfo, System.IO.DirectoryInfo")
            .example("A file's size and age", "$f = Get-Item .\\users.csv\n\"$($f.Name): $($f.Length) bytes, written $($f.LastWriteTime)\"", "Name, Length and LastWriteTime of the file."),
        CmdletDef::new("Get-ChildItem", MANAGEMENT, get_child_item)
            .class("Microsoft.PowerShell.Commands.GetChildItemCommand")
            .synopsis("Gets the items and child items in one or more specified locations.")
            .description("Offline: lists the folders, then the files, of each folder (by name, ignoring case), as pwsh's FileSystem provider does; with -Recurse it then goes into each subfolder. Hidden items (names starting with '.') are left out unless -Force is given.")
            .alias("gci")
            .alias("dir")
            .alias("ls")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Items")
            .param(ParamDef::new("Path", types::STRING_ARRAY).sets(&["Items"]).position(0).from_pipeline().by_property_name().help("The folders (or files) to list; wildcards allowed. Default: the current location."))
            .param(ParamDef::new("LiteralPath", types::STRING_ARRAY).sets(&["LiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The paths, used exactly as typed."))
            .param(ParamDef::new("Filter", types::STRING).position(1).help("A wildcard the names must match, such as *.csv."))
            .param(ParamDef::new("Include", types::STRING_ARRAY).help("Only items whose names match one of these wildcards."))
            .param(ParamDef::new("Exclude", types::STRING_ARRAY).help("Leaves out items whose names match one of these wildcards."))
            .param(ParamDef::new("Recurse", types::SWITCH).alias("s").alias("r").help("Also lists the contents of every subfolder."))
            .param(ParamDef::new("Depth", types::INT32).help("How many levels of subfolders to go into (implies -Recurse)."))
            .param(ParamDef::new("File", types::SWITCH).alias("af").help("Only files."))
            .param(ParamDef::new("Directory", types::SWITCH).alias("ad").alias("d").help("Only folders."))
            .param(ParamDef::new("Name", types::SWITCH).help("Returns the names (relative paths with -Recurse) as strings."))
            .param(ParamDef::new("Force", types::SWITCH).help("Also lists hidden items (names starting with '.')."))
            .outputs("System.IO.FileInfo, System.IO.DirectoryInfo, or System.String with -Name")
            .example("Every CSV file here", "Get-ChildItem -Filter *.csv | ForEach-Object { Import-Csv $_.FullName }", "Reads every CSV file in the current location.")
            .example("Newest export", "Get-ChildItem .\\exports -File | Sort-Object LastWriteTime | Select-Object -Last 1", "The file written last."),
    ]
}

// ----- locations --------------------------------------------------------------------------

fn get_location(ctx: &mut CommandContext<'_>, _b: &BoundParameters) -> Result<(), Flow> {
    let here = path_info(&ctx.session.location);
    ctx.write_object(here);
    Ok(())
}

/// The folder a Set-Location / Push-Location argument names, or the PathNotFound error.
fn target_folder(ctx: &mut CommandContext<'_>, text: &str) -> Result<Option<PathBuf>, Flow> {
    let path = ctx.session.resolve_path(text);
    let path = if has_wildcards(text) {
        match expand(&path, true).into_iter().find(|p| p.is_dir()) {
            Some(p) => p,
            None => path,
        }
    } else {
        path
    };
    if path.is_dir() {
        Ok(Some(path))
    } else {
        let r = path_not_found(ctx, &path);
        ctx.write_error(r)?;
        Ok(None)
    }
}

fn path_argument(b: &BoundParameters) -> Option<String> {
    b.string("LiteralPath").or_else(|| b.string("Path"))
}

fn move_to(ctx: &mut CommandContext<'_>, b: &BoundParameters, folder: PathBuf) {
    ctx.session.location = folder;
    if b.switch("PassThru") {
        let here = path_info(&ctx.session.location);
        ctx.write_object(here);
    }
}

fn set_location(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let here = ctx.session.location.clone();
    let folder = match path_argument(b).as_deref() {
        // pwsh 7: `cd -` and `cd +` walk the location history.
        Some("-") if b.string("LiteralPath").is_none() => {
            match ctx.session.location_back.pop() {
                Some(previous) => {
                    ctx.session.location_forward.push(here);
                    move_to(ctx, b, previous);
                }
                None => move_to(ctx, b, here),
            }
            return Ok(());
        }
        Some("+") if b.string("LiteralPath").is_none() => {
            match ctx.session.location_forward.pop() {
                Some(next) => {
                    ctx.session.location_back.push(here);
                    move_to(ctx, b, next);
                }
                None => move_to(ctx, b, here),
            }
            return Ok(());
        }
        Some(text) => target_folder(ctx, text)?,
        None => target_folder(ctx, "~")?,
    };
    if let Some(folder) = folder {
        let back = &mut ctx.session.location_back;
        back.push(here);
        // The docs: "a history of the last 20 locations".
        if back.len() > HISTORY {
            back.remove(0);
        }
        ctx.session.location_forward.clear();
        move_to(ctx, b, folder);
    }
    Ok(())
}

fn stack_name(b: &BoundParameters) -> String {
    b.string("StackName")
        .unwrap_or_else(|| DEFAULT_STACK.to_string())
        .to_ascii_lowercase()
}

fn push_location(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let here = ctx.session.location.clone();
    let folder = match path_argument(b) {
        Some(text) => match target_folder(ctx, &text)? {
            Some(folder) => folder,
            None => return Ok(()),
        },
        None => here.clone(),
    };
    ctx.session
        .location_stacks
        .entry(stack_name(b))
        .or_default()
        .push(here);
    move_to(ctx, b, folder);
    Ok(())
}

fn pop_location(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let top = ctx
        .session
        .location_stacks
        .get_mut(&stack_name(b))
        .and_then(Vec::pop);
    if let Some(folder) = top {
        move_to(ctx, b, folder);
    }
    Ok(())
}

// ----- items ------------------------------------------------------------------------------

/// Hidden as .NET sees it on Linux and macOS: the name starts with a dot.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// .NET's `Path.GetExtension`: from the last dot of the name, empty when the name ends in one.
fn extension(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i + 1 < name.len() => &name[i..],
        _ => "",
    }
}

/// The file or folder object for an existing path (`System.IO.FileInfo` /
/// `System.IO.DirectoryInfo`).
pub fn item_object(path: &Path) -> Value {
    item(path, true)
}

fn item(path: &Path, with_parent: bool) -> Value {
    let meta = std::fs::metadata(path).ok();
    let dir = meta.as_ref().is_some_and(std::fs::Metadata::is_dir);
    let full = shown(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| full.clone());
    let parent = path.parent().map(shown).unwrap_or_default();
    let ext = extension(&name).to_string();
    let base = if dir {
        name.clone()
    } else {
        name[..name.len() - ext.len()].to_string()
    };
    let time = |t: Option<std::io::Result<std::time::SystemTime>>| match t {
        Some(Ok(t)) => Value::DateTime(crate::runtime::value::ticks_of(
            time::OffsetDateTime::from(t),
        )),
        _ => Value::Null,
    };
    let written = time(meta.as_ref().map(|m| m.modified()));
    let readonly = meta.as_ref().is_some_and(|m| m.permissions().readonly());
    let mode = format!(
        "{}{}{}{}-",
        if dir { 'd' } else { '-' },
        if dir { '-' } else { 'a' },
        if readonly { 'r' } else { '-' },
        if is_hidden(path) { 'h' } else { '-' },
    );
    let (type_name, net_names): (&str, &[&str]) = if dir {
        ("System.IO.DirectoryInfo", &["System.IO.DirectoryInfo"])
    } else {
        ("System.IO.FileInfo", &["System.IO.FileInfo"])
    };
    let mut o = PsObject::new(type_name);
    for extra in &net_names[1..] {
        o.type_names.push((*extra).to_string());
    }
    o.type_names.push("System.IO.FileSystemInfo".into());
    o.type_names.push("System.MarshalByRefObject".into());
    o.type_names.push("System.Object".into());
    o.set("PSPath", Value::str(format!("{PROVIDER}::{full}")));
    o.set("PSParentPath", Value::str(format!("{PROVIDER}::{parent}")));
    o.set("PSChildName", Value::str(&name));
    o.set("PSIsContainer", Value::Bool(dir));
    o.set("Mode", Value::str(mode));
    o.set("BaseName", Value::str(base));
    o.set("Name", Value::str(&name));
    if dir {
        let parent_value = match path.parent() {
            Some(p) if with_parent => item(p, false),
            _ => Value::Null,
        };
        o.set("Parent", parent_value);
    } else {
        let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
        o.set(
            "Length",
            Value::integer(i64::try_from(len).unwrap_or(i64::MAX)),
        );
        o.set("DirectoryName", Value::str(&parent));
        let directory = match path.parent() {
            Some(p) if with_parent => item(p, false),
            _ => Value::Null,
        };
        o.set("Directory", directory);
        o.set("IsReadOnly", Value::Bool(readonly));
    }
    o.set("Exists", Value::Bool(meta.is_some()));
    o.set("FullName", Value::str(&full));
    o.set("Extension", Value::str(ext));
    o.set("LastWriteTime", written.clone());
    o.set("LastAccessTime", time(meta.as_ref().map(|m| m.accessed())));
    o.set("CreationTime", time(meta.as_ref().map(|m| m.created())));
    o.text = Some(full);
    Value::object(o)
}

/// The paths a wildcard path matches (its last part may hold `*`, `?` or `[...]`), by name.
fn expand(path: &Path, force: bool) -> Vec<PathBuf> {
    let Some(pattern) = path.file_name().map(|n| n.to_string_lossy().to_string()) else {
        return Vec::new();
    };
    let parent = path.parent().unwrap_or(Path::new("/"));
    let mut found: Vec<PathBuf> = children(parent)
        .into_iter()
        .filter(|p| force || !is_hidden(p))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| wildcard_match(&pattern, &n.to_string_lossy(), false))
        })
        .collect();
    found.sort_by_key(|p| name_key(p));
    found
}

fn name_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A folder's entries (unsorted); unreadable folders have none.
fn children(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => Vec::new(),
    }
}

/// The paths one Path argument stands for; a missing path is reported and gives none.
pub(super) fn resolve_items(
    ctx: &mut CommandContext<'_>,
    text: &str,
    literal: bool,
    force: bool,
) -> Result<Vec<PathBuf>, Flow> {
    let path = ctx.session.resolve_path(text);
    if !literal && has_wildcards(text) {
        return Ok(expand(&path, force));
    }
    if path.exists() {
        Ok(vec![path])
    } else {
        let r = path_not_found(ctx, &path);
        ctx.write_error(r)?;
        Ok(Vec::new())
    }
}

fn path_arguments(b: &BoundParameters) -> (Vec<String>, bool) {
    match b.strings("LiteralPath") {
        Some(paths) => (paths, true),
        None => (b.strings("Path").unwrap_or_default(), false),
    }
}

fn get_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (paths, literal) = path_arguments(b);
    for text in paths {
        for path in resolve_items(ctx, &text, literal, b.switch("Force"))? {
            ctx.write_object(item_object(&path));
        }
    }
    Ok(())
}

/// What Get-ChildItem keeps, from its parameters.
struct Listing {
    filter: Option<String>,
    include: Vec<String>,
    exclude: Vec<String>,
    files_only: bool,
    dirs_only: bool,
    names: bool,
    force: bool,
    /// Levels of subfolders still to visit (`None` = no recursion, `u32::MAX` = all).
    depth: Option<u32>,
}

impl Listing {
    fn matches(&self, path: &Path, dir: bool) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let any = |patterns: &[String]| patterns.iter().any(|p| wildcard_match(p, &name, false));
        (self.force || !is_hidden(path))
            && self
                .filter
                .as_deref()
                .is_none_or(|f| wildcard_match(f, &name, false))
            && (self.include.is_empty() || any(&self.include))
            && !any(&self.exclude)
            && !(self.files_only && dir)
            && (!self.dirs_only || dir)
    }
}

fn get_child_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (mut paths, literal) = path_arguments(b);
    if paths.is_empty() {
        paths.push(".".into());
    }
    let depth = match b.int("Depth") {
        Some(d) => Some(u32::try_from(d.max(0)).unwrap_or(u32::MAX)),
        None if b.switch("Recurse") => Some(u32::MAX),
        None => None,
    };
    let listing = Listing {
        filter: b.string("Filter"),
        include: b.strings("Include").unwrap_or_default(),
        exclude: b.strings("Exclude").unwrap_or_default(),
        files_only: b.switch("File"),
        dirs_only: b.switch("Directory"),
        names: b.switch("Name"),
        force: b.switch("Force"),
        depth,
    };
    for text in paths {
        let wildcard = !literal && has_wildcards(&text);
        for path in resolve_items(ctx, &text, literal, listing.force)? {
            if path.is_dir() {
                list_folder(ctx, &listing, &path, &path, listing.depth);
            } else if !wildcard || listing.matches(&path, false) {
                emit(ctx, &listing, &path, path.parent().unwrap_or(Path::new("")));
            }
        }
    }
    Ok(())
}

fn emit(ctx: &mut CommandContext<'_>, listing: &Listing, path: &Path, root: &Path) {
    if listing.names {
        let relative = path.strip_prefix(root).unwrap_or(path);
        ctx.write_object(Value::str(shown(relative)));
    } else {
        ctx.write_object(item_object(path));
    }
}

/// pwsh's FileSystemProvider.Dir: the folders, then the files, each by name ignoring case;
/// then, when recursing, each subfolder in turn.
fn list_folder(
    ctx: &mut CommandContext<'_>,
    listing: &Listing,
    dir: &Path,
    root: &Path,
    depth: Option<u32>,
) {
    if ctx.session.is_interrupted() {
        return;
    }
    let mut entries = children(dir);
    entries.sort_by_key(|p| name_key(p));
    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = entries.into_iter().partition(|p| p.is_dir());
    for path in dirs.iter().chain(files.iter()) {
        if listing.matches(path, path.is_dir()) {
            emit(ctx, listing, path, root);
        }
    }
    if let Some(levels) = depth
        && levels > 0
    {
        for sub in &dirs {
            // Symbolic links to folders are not followed (no -FollowSymlink offline).
            let link = std::fs::symlink_metadata(sub).is_ok_and(|m| m.file_type().is_symlink());
            if (listing.force || !is_hidden(sub)) && !link {
                list_folder(ctx, listing, sub, root, Some(levels - 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_follow_dotnet() {
        assert_eq!(extension("a.csv"), ".csv");
        assert_eq!(extension("a.tar.gz"), ".gz");
        assert_eq!(extension("noext"), "");
        assert_eq!(extension("trailing."), "");
        assert_eq!(extension(".gitignore"), ".gitignore");
    }
}

//! File input and output: Get-Content, Set-Content, Add-Content, Out-File, Import-Csv,
//! Export-Csv, ConvertTo-Csv, ConvertFrom-Csv, Set-Item (env: and variable:), Test-Path,
//! Join-Path and Split-Path. Paths accept `\` and `/` and are relative to the session's
//! location (`Set-Location`; `Session::resolve_path`). Files are written as pwsh 7 writes them:
//! UTF-8 without a BOM, `\n` line ends on Linux and macOS.

use std::path::{Path, PathBuf};

use crate::format::dotnet_to_string;
use crate::runtime::CmdletDef;
use crate::runtime::culture::Culture;
use crate::runtime::files::{TextChars, TextLines, io_message, shown};
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value,
};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, types};

const MANAGEMENT: &str = "Microsoft.PowerShell.Management";
const UTILITY: &str = "Microsoft.PowerShell.Utility";

const NEWLINE: &str = if cfg!(windows) { "\r\n" } else { "\n" };

const QUOTE_KIND: ParamType = ParamType::new(
    ParamKind::Enum(&["Never", "Always", "AsNeeded"]),
    "QuoteKind",
    "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind",
);

const PATH_TYPE: ParamType = ParamType::new(
    ParamKind::Enum(&["Any", "Container", "Leaf"]),
    "TestPathType",
    "Microsoft.PowerShell.Commands.TestPathType",
);

const ENCODING: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "ascii",
        "ansi",
        "bigendianunicode",
        "bigendianutf32",
        "oem",
        "unicode",
        "utf7",
        "utf8",
        "utf8BOM",
        "utf8NoBOM",
        "utf32",
        "Default",
    ]),
    "Encoding",
    "System.Text.Encoding",
);

fn encoding_param() -> ParamDef {
    ParamDef::new("Encoding", ENCODING)
        .ignored_offline()
        .help("The text encoding (files are always read and written as UTF-8 offline).")
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Content", MANAGEMENT, get_content)
            .class("Microsoft.PowerShell.Commands.GetContentCommand")
            .synopsis("Gets the content of the item at the specified location.")
            .alias("gc")
            .alias("cat")
            .alias("type")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Path")
            .param(ParamDef::new("Path", types::STRING_ARRAY).sets(&["Path"]).position(0).mandatory().by_property_name().help("The path to the file."))
            .param(ParamDef::new("LiteralPath", types::STRING_ARRAY).sets(&["LiteralPath"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("The path, used exactly as typed."))
            .param(ParamDef::new("Raw", types::SWITCH).help("Returns the whole file as one string instead of one string per line."))
            .param(ParamDef::new("TotalCount", types::INT64).alias("First").alias("Head").help("How many lines from the start."))
            .param(ParamDef::new("Tail", types::INT32).alias("Last").help("How many lines from the end (read from the end of the file)."))
            .param(ParamDef::new("ReadCount", types::INT64).help("How many lines go down the pipeline at a time, as one array (0: all at once)."))
            .param(encoding_param())
            .example("Read a list of users", "Get-Content -Path .\\users.txt | Where-Object { $_.Trim() }", "One string per line, blank lines dropped."),
        CmdletDef::new("Set-Content", MANAGEMENT, set_content)
            .class("Microsoft.PowerShell.Commands.SetContentCommand")
            .synopsis("Writes new content or replaces existing content in a file.")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .on_end(end_content)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("The file to write."))
            .param(ParamDef::new("Value", types::OBJECT_ARRAY).position(1).mandatory().from_pipeline().by_property_name().help("The content: each object becomes one line."))
            .param(ParamDef::new("NoNewline", types::SWITCH).help("Writes the values without line breaks between or after them."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the content written."))
            .param(ParamDef::new("Force", types::SWITCH).help("Writes even to a read-only file."))
            .param(encoding_param()),
        CmdletDef::new("Add-Content", MANAGEMENT, add_content)
            .class("Microsoft.PowerShell.Commands.AddContentCommand")
            .synopsis("Adds content to the specified items, such as adding words to a file.")
            .alias("ac")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .on_end(end_content)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("The file to append to (created when missing)."))
            .param(ParamDef::new("Value", types::OBJECT_ARRAY).position(1).mandatory().from_pipeline().by_property_name().help("The content: each object becomes one line."))
            .param(ParamDef::new("NoNewline", types::SWITCH).help("Writes the values without line breaks between or after them."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the content written."))
            .param(ParamDef::new("Force", types::SWITCH).help("Writes even to a read-only file."))
            .param(encoding_param()),
        CmdletDef::new("Out-File", UTILITY, out_file)
            .class("Microsoft.PowerShell.Commands.OutFileCommand")
            .synopsis("Sends output to a file.")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .on_begin(begin_out_file)
            .on_end(end_out_file)
            .param(ParamDef::new("FilePath", types::STRING).position(0).mandatory().alias("Path").help("The file to write."))
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to write, formatted as on screen."))
            .param(ParamDef::new("Append", types::SWITCH).help("Adds to the end of the file."))
            .param(ParamDef::new("NoClobber", types::SWITCH).alias("NoOverwrite").help("Does not overwrite an existing file."))
            .param(ParamDef::new("NoNewline", types::SWITCH).help("Writes no line breaks."))
            .param(ParamDef::new("Width", types::INT32).help("The line width for formatted output."))
            .param(ParamDef::new("Force", types::SWITCH).help("Writes even to a read-only file."))
            .param(encoding_param()),
        CmdletDef::new("Import-Csv", UTILITY, import_csv)
            .class("Microsoft.PowerShell.Commands.ImportCsvCommand")
            .synopsis("Creates table-like custom objects from the items in a character-separated value (CSV) file.")
            .alias("ipcsv")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The CSV file to read."))
            .param(ParamDef::new("Delimiter", types::STRING).position(1).help("The field separator (default comma)."))
            .param(ParamDef::new("Header", types::STRING_ARRAY).help("Column names to use instead of the file's first line."))
            .param(encoding_param())
            .example("Grant from a CSV", "Import-Csv .\\users.csv | ForEach-Object { Grant-CsApplicationAccessPolicy -PolicyName Bot -Identity $_.UPN }", "One object per row; every property is a string."),
        CmdletDef::new("Export-Csv", UTILITY, export_csv)
            .class("Microsoft.PowerShell.Commands.ExportCsvCommand")
            .synopsis("Converts objects into a series of character-separated value (CSV) strings and saves the strings to a file.")
            .alias("epcsv")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .on_begin(begin_export_csv)
            .on_end(end_export_csv)
            .param(ParamDef::new("InputObject", types::PSOBJECT).mandatory().from_pipeline().help("The objects to export."))
            .param(ParamDef::new("Path", types::STRING).position(0).help("The CSV file to write."))
            .param(ParamDef::new("Delimiter", types::STRING).position(1).help("The field separator (default comma)."))
            .param(ParamDef::new("NoTypeInformation", types::SWITCH).alias("NTI").help("Leaves out the #TYPE line (the default in pwsh 7)."))
            .param(ParamDef::new("IncludeTypeInformation", types::SWITCH).alias("ITI").help("Writes the #TYPE line first."))
            .param(ParamDef::new("Append", types::SWITCH).help("Adds rows to an existing file."))
            .param(ParamDef::new("Force", types::SWITCH).help("Appends even when the columns do not match."))
            .param(ParamDef::new("NoClobber", types::SWITCH).alias("NoOverwrite").help("Does not overwrite an existing file."))
            .param(ParamDef::new("UseQuotes", QUOTE_KIND).alias("UQ").help("Always (default), AsNeeded or Never."))
            .param(ParamDef::new("QuoteFields", types::STRING_ARRAY).alias("QF").help("Only these columns are quoted."))
            .param(ParamDef::new("NoHeader", types::SWITCH).help("Leaves out the header line."))
            .param(encoding_param()),
        CmdletDef::new("ConvertTo-Csv", UTILITY, convert_to_csv)
            .class("Microsoft.PowerShell.Commands.ConvertToCsvCommand")
            .synopsis("Converts .NET objects into a series of character-separated value (CSV) strings.")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).position(0).mandatory().from_pipeline().help("The objects to convert."))
            .param(ParamDef::new("Delimiter", types::STRING).position(1).help("The field separator (default comma)."))
            .param(ParamDef::new("NoTypeInformation", types::SWITCH).alias("NTI").help("Leaves out the #TYPE line (the default in pwsh 7)."))
            .param(ParamDef::new("IncludeTypeInformation", types::SWITCH).alias("ITI").help("Writes the #TYPE line first."))
            .param(ParamDef::new("UseQuotes", QUOTE_KIND).alias("UQ").help("Always (default), AsNeeded or Never."))
            .param(ParamDef::new("QuoteFields", types::STRING_ARRAY).alias("QF").help("Only these columns are quoted."))
            .param(ParamDef::new("NoHeader", types::SWITCH).help("Leaves out the header line.")),
        CmdletDef::new("ConvertFrom-Csv", UTILITY, convert_from_csv)
            .class("Microsoft.PowerShell.Commands.ConvertFromCsvCommand")
            .synopsis("Converts object properties in character-separated value (CSV) format into CSV versions of the original objects.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("InputObject", types::OBJECT_ARRAY).position(0).mandatory().from_pipeline().help("The CSV lines."))
            .param(ParamDef::new("Delimiter", types::STRING).position(1).help("The field separator (default comma)."))
            .param(ParamDef::new("Header", types::STRING_ARRAY).help("Column names to use instead of the first line.")),
        CmdletDef::new("New-Item", MANAGEMENT, new_item)
            .class("Microsoft.PowerShell.Commands.NewItemCommand")
            .synopsis("Creates a new item.")
            .description("Offline: creates files and directories on the local disk.")
            .alias("ni")
            .should_process()
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).by_property_name().help("Where to create the item."))
            .param(ParamDef::new("Name", types::STRING).by_property_name().help("The name of the new item (joined to -Path)."))
            .param(ParamDef::new("ItemType", ParamType::new(ParamKind::Enum(&["File", "Directory"]), "String", "System.String")).alias("Type").help("File (default) or Directory."))
            .param(ParamDef::new("Value", types::OBJECT).from_pipeline().by_property_name().help("The content of a new file."))
            .param(ParamDef::new("Force", types::SWITCH).help("Overwrites a file; returns an existing directory.")),
        CmdletDef::new("Remove-Item", MANAGEMENT, remove_item)
            .class("Microsoft.PowerShell.Commands.RemoveItemCommand")
            .synopsis("Deletes the specified items.")
            .description("Offline: deletes files (and, with -Recurse, directories) on the local disk.")
            .alias("rm")
            .alias("del")
            .alias("ri")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The items to delete."))
            .param(ParamDef::new("Recurse", types::SWITCH).help("Deletes directories with their contents."))
            .param(ParamDef::new("Force", types::SWITCH).help("Deletes read-only and hidden items too.")),
        CmdletDef::new("Set-Item", MANAGEMENT, set_item)
            .class("Microsoft.PowerShell.Commands.SetItemCommand")
            .synopsis("Changes the value of an item to the value specified in the command.")
            .description("Offline: sets environment variables (`env:NAME`) and variables (`variable:NAME`); the FileSystem provider does not support it, as in pwsh.")
            .alias("si")
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("The item to set, such as env:TEAMS_APP_ID."))
            .param(ParamDef::new("Value", types::OBJECT).position(1).from_pipeline().by_property_name().help("The new value."))
            .param(ParamDef::new("Force", types::SWITCH).help("Sets items that cannot otherwise be changed."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the item.")),
        CmdletDef::new("Test-Path", MANAGEMENT, test_path)
            .class("Microsoft.PowerShell.Commands.TestPathCommand")
            .synopsis("Determines whether all elements of a path exist.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The paths to test."))
            .param(ParamDef::new("PathType", PATH_TYPE).alias("Type").help("Any, Container (a directory) or Leaf (a file)."))
            .param(ParamDef::new("IsValid", types::SWITCH).help("Tests only that the path is well formed.")),
        CmdletDef::new("Join-Path", MANAGEMENT, join_path)
            .class("Microsoft.PowerShell.Commands.JoinPathCommand")
            .synopsis("Combines a path and a child path into a single path.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().alias("PSPath").help("The main path."))
            .param(ParamDef::new("ChildPath", types::STRING).position(1).by_property_name().help("The path to append."))
            .param(ParamDef::new("AdditionalChildPath", types::STRING_ARRAY).position(2).remaining().help("More path elements to append.")),
        CmdletDef::new("Split-Path", MANAGEMENT, split_path)
            .class("Microsoft.PowerShell.Commands.SplitPathCommand")
            .synopsis("Returns the specified part of a path.")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Path", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The path to split."))
            .param(ParamDef::new("Parent", types::SWITCH).help("The parent folder (the default)."))
            .param(ParamDef::new("Leaf", types::SWITCH).help("The last element."))
            .param(ParamDef::new("LeafBase", types::SWITCH).help("The last element without its extension."))
            .param(ParamDef::new("Extension", types::SWITCH).help("The extension of the last element.")),
    ]
}

// ----- paths and their errors ----------------------------------------------------------------

/// `Cannot find path '...' because it does not exist.` (ItemNotFoundException, PathNotFound).
pub fn path_not_found(ctx: &CommandContext<'_>, path: &Path) -> ErrorRecord {
    let text = shown(path);
    let mut r = ctx.error(
        "System.Management.Automation.ItemNotFoundException",
        format!("Cannot find path '{text}' because it does not exist."),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
    );
    r.target_name = text.clone();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(text));
    r
}

/// A .NET file error turned into pwsh's FileOpenFailure (terminating, as PathUtils reports it).
fn file_open_failure(ctx: &CommandContext<'_>, path: &Path, err: &std::io::Error) -> ErrorRecord {
    let (ty, message) = io_message(path, err);
    ctx.error(&ty, message, "FileOpenFailure", ErrorCategory::OpenError)
}

fn delimiter(b: &BoundParameters) -> char {
    b.string("Delimiter")
        .and_then(|d| d.chars().next())
        .unwrap_or(',')
}

#[cfg(test)]
fn split_lines(text: &str) -> Vec<String> {
    crate::runtime::files::split_lines(text)
}

fn read_text(path: &Path) -> std::io::Result<String> {
    crate::runtime::files::read_text(path)
}

// ----- Get-Content / Set-Content / Add-Content / Out-File ------------------------------------

fn get_content(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    // -TotalCount and -Tail default to -1: everything (GetContentCommand).
    let total = b.get("TotalCount").and_then(Value::as_i64).unwrap_or(-1);
    let tail = b.int("Tail").unwrap_or(-1);
    if total != -1 && tail != -1 {
        let r = ctx.error(
            "System.InvalidOperationException",
            "The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.",
            "TailAndHeadCannotCoexist",
            ErrorCategory::InvalidOperation,
        );
        return ctx.write_error(r);
    }
    if total == 0 {
        // Reads nothing, not even the paths.
        return Ok(());
    }
    // -ReadCount: lines go down the pipeline in arrays of this many (all at once for 0 or
    // less); 1, the default, sends each line as a string.
    let read_count = b.get("ReadCount").and_then(Value::as_i64).unwrap_or(1);
    let mut paths = b.strings("Path").unwrap_or_default();
    paths.extend(b.strings("LiteralPath").unwrap_or_default());
    for text in paths {
        let path = ctx.session.resolve_path(&text);
        if path.is_dir() {
            let shown_path = shown(&path);
            let mut r = ctx.error(
                "System.UnauthorizedAccessException",
                format!(
                    "Unable to get content because it is a directory: '{shown_path}'. Please use 'Get-ChildItem' instead."
                ),
                "GetContainerContentException",
                ErrorCategory::InvalidOperation,
            );
            r.target_name = shown_path.clone();
            r.target_type = "String".into();
            r.target_object = Some(Value::str(shown_path));
            ctx.write_error(r)?;
            continue;
        }
        let opened = if b.switch("Raw") {
            // -Raw is the one whole-file read.
            match read_text(&path) {
                Ok(content) => {
                    if !content.is_empty() {
                        ctx.send(Value::str(content))?;
                    }
                    continue;
                }
                Err(e) => Err(e),
            }
        } else if tail >= 0 {
            TextLines::open_tail(&path, tail as usize)
        } else {
            TextLines::open(&path)
        };
        let lines = match opened {
            Ok(lines) => lines,
            Err(e) => {
                read_failure(ctx, &path, &e)?;
                continue;
            }
        };
        let mut batch = Vec::new();
        for (written, line) in (0_i64..).zip(lines) {
            if total > 0 && written >= total {
                break;
            }
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    read_failure(ctx, &path, &e)?;
                    break;
                }
            };
            if read_count == 1 {
                ctx.send(Value::str(line))?;
                continue;
            }
            batch.push(Value::str(line));
            if read_count > 1 && batch.len() as i64 >= read_count {
                ctx.send(Value::array(std::mem::take(&mut batch)))?;
            }
        }
        if !batch.is_empty() {
            ctx.send(Value::array(batch))?;
        }
    }
    Ok(())
}

/// A file Get-Content cannot open or read.
fn read_failure(ctx: &mut CommandContext<'_>, path: &Path, e: &std::io::Error) -> Result<(), Flow> {
    if e.kind() == std::io::ErrorKind::NotFound {
        let r = path_not_found(ctx, path);
        return ctx.write_error(r);
    }
    let (ty, message) = io_message(path, e);
    let r = ctx.error(
        &ty,
        message,
        "GetContentReaderIOError",
        ErrorCategory::ReadError,
    );
    ctx.write_error(r)
}

/// Values to lines as Set-Content writes them (each object's ToString on its own line).
fn content_text(values: &[Value], no_newline: bool, culture: &Culture) -> String {
    let mut out = String::new();
    for v in values {
        out.push_str(&dotnet_to_string(v, culture));
        if !no_newline {
            out.push_str(NEWLINE);
        }
    }
    out
}

/// The files a Set-Content or Add-Content writes, opened at its first object (pwsh's
/// WriteContentCommandBase opens its writers in the first ProcessRecord; Set-Content clears the
/// file then) and written as objects arrive. The text is buffered, as pwsh's StreamWriter
/// buffers it, and flushed in the end step (or when the pipeline ends some other way).
#[derive(Default)]
struct ContentWriters {
    /// Each path seen, with its open file (`None` when ShouldProcess said no or it failed to
    /// open: it is not tried again).
    files: Vec<(PathBuf, Option<std::io::BufWriter<std::fs::File>>)>,
    /// The -Path texts last resolved, and where they led (records rarely change them).
    resolved: Vec<(String, PathBuf)>,
}

fn set_or_add(ctx: &mut CommandContext<'_>, b: &BoundParameters, append: bool) -> Result<(), Flow> {
    // A $null record writes nothing (pwsh skips it).
    if matches!(ctx.input, Some(Value::Null)) {
        return Ok(());
    }
    let values = b.get("Value").map(Value::enumerate).unwrap_or_default();
    let (action, error_id) = if append {
        ("Add Content", "AddContentWriterDirectoryNotFoundError")
    } else {
        ("Set Content", "GetContentWriterDirectoryNotFoundError")
    };
    let mut writers = ctx.take_state::<ContentWriters>().unwrap_or_default();
    let result = (|| {
        let texts = b.strings("Path").unwrap_or_default();
        if writers.resolved.len() != texts.len()
            || writers
                .resolved
                .iter()
                .zip(&texts)
                .any(|((t, _), p)| t != p)
        {
            writers.resolved = texts
                .into_iter()
                .map(|t| {
                    let path = ctx.session.resolve_path(&t);
                    (t, path)
                })
                .collect();
        }
        let text = content_text(&values, b.switch("NoNewline"), ctx.session.culture);
        for (_, path) in &writers.resolved {
            let path = path.clone();
            if !writers.files.iter().any(|(known, _)| *known == path) {
                let target = format!("Path: {}", shown(&path));
                let file = if ctx.should_process(&target, action)? {
                    open_writer(ctx, &path, append, error_id)?
                } else {
                    None
                };
                writers.files.push((path.clone(), file));
            }
            let Some((_, Some(file))) = writers.files.iter_mut().find(|(known, _)| *known == path)
            else {
                continue;
            };
            if let Err(e) = std::io::Write::write_all(file, text.as_bytes()) {
                write_failure(ctx, &path, &e, error_id)?;
                continue;
            }
            if b.switch("PassThru") {
                for v in &values {
                    ctx.write_object(v.clone());
                }
            }
        }
        Ok(())
    })();
    ctx.put_state(writers);
    result
}

/// Set-Content's and Add-Content's end step: the buffered text reaches the files.
fn end_content(ctx: &mut CommandContext<'_>, _b: &BoundParameters) -> Result<(), Flow> {
    let Some(writers) = ctx.take_state::<ContentWriters>() else {
        return Ok(());
    };
    for (path, file) in writers.files {
        if let Some(mut file) = file
            && let Err(e) = std::io::Write::flush(&mut file)
        {
            write_failure(ctx, &path, &e, "WriteError")?;
        }
    }
    Ok(())
}

/// Opens a file for Set-Content (truncated) or Add-Content (appended, created when missing);
/// a failure is the command's non-terminating error.
fn open_writer(
    ctx: &mut CommandContext<'_>,
    path: &Path,
    append: bool,
    error_id: &str,
) -> Result<Option<std::io::BufWriter<std::fs::File>>, Flow> {
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(path);
    match opened {
        Ok(f) => Ok(Some(std::io::BufWriter::new(f))),
        Err(e) => {
            write_failure(ctx, path, &e, error_id)?;
            Ok(None)
        }
    }
}

fn write_failure(
    ctx: &mut CommandContext<'_>,
    path: &Path,
    e: &std::io::Error,
    error_id: &str,
) -> Result<(), Flow> {
    let (ty, message) = io_message(path, e);
    let category = if e.kind() == std::io::ErrorKind::NotFound {
        ErrorCategory::ObjectNotFound
    } else {
        ErrorCategory::WriteError
    };
    let mut r = ctx.error(&ty, message, error_id, category);
    let text = shown(path);
    r.target_name = text.clone();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(text));
    ctx.write_error(r)
}

fn set_content(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    set_or_add(ctx, b, false)
}

fn add_content(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    set_or_add(ctx, b, true)
}

/// An open Out-File: the file (opened in the begin step, as pwsh's OutFileCommand does) and
/// the Out-Default document formatting into it. Each object's text is written at once (pwsh
/// flushes every write); a table's rows wait until it is sized, as on screen.
struct OutFileWriter {
    file: Option<std::fs::File>,
    path: PathBuf,
    doc: crate::format::OutDefault,
    opts: crate::runtime::output::FormatOptions,
    no_newline: bool,
}

impl OutFileWriter {
    fn write(&mut self, ctx: &mut CommandContext<'_>, text: &str) -> Result<(), Flow> {
        let text = if self.no_newline {
            text.replace(NEWLINE, "")
        } else {
            text.to_string()
        };
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        if let Err(e) = std::io::Write::write_all(file, text.as_bytes()) {
            self.file = None;
            let r = file_open_failure(ctx, &self.path, &e);
            return Err(ctx.terminate(r));
        }
        Ok(())
    }
}

fn begin_out_file(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let file_path = b.string("FilePath").unwrap_or_default();
    let path = ctx.session.resolve_path(&file_path);
    if b.switch("NoClobber") && !b.switch("Append") && path.exists() {
        let text = shown(&path);
        let r = ctx.error(
            "System.IO.IOException",
            format!("The file '{text}' already exists."),
            "NoClobber",
            ErrorCategory::ResourceExists,
        );
        return Err(ctx.terminate(r));
    }
    let mut opts = ctx.session.format_options();
    if let Some(w) = b.int("Width") {
        opts.width = w.clamp(2, 10_000) as usize;
    }
    // The target is the path as given (ShouldProcess(FilePath)).
    let file = if ctx.should_process(&file_path, "Output to File")? {
        let append = b.switch("Append");
        let opened = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(&path);
        match opened {
            Ok(f) => Some(f),
            Err(e) => {
                let r = file_open_failure(ctx, &path, &e);
                return Err(ctx.terminate(r));
            }
        }
    } else {
        None
    };
    ctx.put_state(OutFileWriter {
        file,
        path,
        doc: crate::format::OutDefault::new(),
        opts,
        no_newline: b.switch("NoNewline"),
    });
    Ok(())
}

fn out_file(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(mut writer) = ctx.take_state::<OutFileWriter>() else {
        return Ok(());
    };
    let result = (|| {
        let items = match (&ctx.input, b.get("InputObject")) {
            // A $null record writes nothing.
            (Some(Value::Null), _) | (_, None) => Vec::new(),
            // Given with -InputObject, a collection is written as one object (its items).
            (_, Some(v)) => vec![v.clone()],
        };
        for item in items {
            let text = writer.doc.write(&item, &writer.opts);
            writer.write(ctx, &text)?;
        }
        Ok(())
    })();
    ctx.put_state(writer);
    result
}

fn end_out_file(ctx: &mut CommandContext<'_>, _b: &BoundParameters) -> Result<(), Flow> {
    let Some(mut writer) = ctx.take_state::<OutFileWriter>() else {
        return Ok(());
    };
    let opts = writer.opts;
    let text = writer.doc.flush(&opts);
    writer.write(ctx, &text)
}

// ----- CSV -----------------------------------------------------------------------------------

/// pwsh's CSV reader (ImportCsvHelper.ParseNextRecord): quoted fields may hold delimiters,
/// doubled quotes and line breaks; leading blanks are skipped; text after a closing quote is
/// kept only when it is not blank.
struct CsvReader<I: Iterator<Item = char>> {
    chars: std::iter::Peekable<I>,
    delimiter: char,
}

#[cfg(test)]
impl<'a> CsvReader<std::str::Chars<'a>> {
    fn new(text: &'a str, delimiter: char) -> Self {
        CsvReader::over(text.chars(), delimiter)
    }
}

impl<I: Iterator<Item = char>> CsvReader<I> {
    /// A reader over any characters (a file read as it goes: `files::TextChars`).
    fn over(chars: I, delimiter: char) -> Self {
        CsvReader {
            chars: chars.peekable(),
            delimiter,
        }
    }

    fn eof(&mut self) -> bool {
        self.chars.peek().is_none()
    }

    /// A newline at `c` (consuming `\r\n` as one), as text.
    fn newline(&mut self, c: char) -> Option<&'static str> {
        match c {
            '\r' => {
                if self.chars.peek() == Some(&'\n') {
                    self.chars.next();
                    Some("\r\n")
                } else {
                    Some("\r")
                }
            }
            '\n' => Some("\n"),
            _ => None,
        }
    }

    /// Reads to the next delimiter or line end; returns true at the end of the record.
    fn read_till_delimiter(&mut self, current: &mut String, eat_trailing_blanks: bool) -> bool {
        let mut temp = String::new();
        let mut non_white = false;
        let mut end_of_record = false;
        loop {
            let Some(c) = self.chars.next() else {
                end_of_record = true;
                break;
            };
            if c == self.delimiter {
                break;
            }
            if self.newline(c).is_some() {
                end_of_record = true;
                break;
            }
            temp.push(c);
            if c != ' ' && c != '\t' {
                non_white = true;
            }
        }
        if eat_trailing_blanks && !non_white {
            current.push_str(temp.trim());
        } else {
            current.push_str(&temp);
        }
        end_of_record
    }

    /// The fields of the next record (empty at the end of the text).
    fn next_record(&mut self) -> Vec<String> {
        let mut result = Vec::new();
        let mut current = String::new();
        let mut in_quotes = false;
        while let Some(c) = self.chars.next() {
            if c == self.delimiter {
                if in_quotes {
                    current.push(c);
                } else {
                    result.push(std::mem::take(&mut current));
                }
            } else if c == '"' {
                if in_quotes {
                    if self.chars.peek() == Some(&'"') {
                        self.chars.next();
                        current.push('"');
                    } else {
                        in_quotes = false;
                        let end = self.read_till_delimiter(&mut current, true);
                        result.push(std::mem::take(&mut current));
                        if end {
                            return result;
                        }
                    }
                } else if current.is_empty() {
                    in_quotes = true;
                } else {
                    current.push(c);
                    let end = self.read_till_delimiter(&mut current, false);
                    result.push(std::mem::take(&mut current));
                    if end {
                        return result;
                    }
                }
            } else if c == ' ' || c == '\t' {
                if in_quotes {
                    current.push(c);
                } else if current.is_empty() {
                    continue;
                } else {
                    current.push(c);
                    let end = self.read_till_delimiter(&mut current, true);
                    result.push(std::mem::take(&mut current));
                    if end {
                        return result;
                    }
                }
            } else if let Some(nl) = self.newline(c) {
                if in_quotes {
                    current.push_str(nl);
                } else {
                    result.push(std::mem::take(&mut current));
                    return result;
                }
            } else {
                current.push(c);
            }
        }
        if !current.is_empty() {
            result.push(current);
        }
        result
    }
}

/// Parses CSV text into objects; `header` overrides the first line. Returns the objects and
/// whether any column had no name (pwsh then names it H1, H2, ... and warns once).
#[cfg(test)]
fn parse_csv(
    text: &str,
    delim: char,
    header: Option<Vec<String>>,
) -> Result<(Vec<Value>, bool), String> {
    let rows = CsvRows::start(text.chars(), delim, header)?;
    let unnamed = rows.unnamed();
    let objects: Vec<Value> = rows.collect();
    let unnamed = unnamed && !objects.is_empty();
    Ok((objects, unnamed))
}

type Pushback<I> = std::iter::Chain<std::vec::IntoIter<char>, std::iter::Peekable<I>>;

/// CSV records as objects, one at a time (ImportCsvHelper): the optional `#TYPE` line, the
/// header (the first record that is not a comment, unless given), then one object per record.
struct CsvRows<I: Iterator<Item = char>> {
    reader: CsvReader<Pushback<I>>,
    header: Vec<String>,
    type_name: Option<String>,
    /// With `-Header`, comment lines before the first record are still skipped.
    leading_comments: bool,
}

impl<I: Iterator<Item = char>> CsvRows<I> {
    fn start(chars: I, delim: char, header: Option<Vec<String>>) -> Result<Self, String> {
        let mut chars = chars.peekable();
        let mut first: Vec<char> = Vec::new();
        let mut type_name: Option<String> = None;
        if chars.peek() == Some(&'#') {
            // The first line: a `#TYPE` line is read here, any other is read again below.
            while let Some(&c) = chars.peek() {
                if c == '\n' || c == '\r' {
                    break;
                }
                first.push(c);
                chars.next();
            }
            let line: String = first.iter().collect();
            if line.len() >= 5
                && line.is_char_boundary(5)
                && line[..5].eq_ignore_ascii_case("#type")
            {
                let t = line[5..].trim();
                if !t.is_empty() {
                    type_name = Some(t.to_string());
                }
                first.clear();
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
        }
        let mut reader = CsvReader::over(first.into_iter().chain(chars), delim);
        let leading_comments = header.is_some();
        let mut header = header;
        while header.is_none() && !reader.eof() {
            let mut values = reader.next_record();
            while values.len() > 1 && values.last().is_some_and(String::is_empty) {
                values.pop();
            }
            if let Some(first) = values.first()
                && let Some(rest) = first.strip_prefix("#Fields: ")
            {
                values[0] = rest.to_string();
                header = Some(values);
            } else if values.first().is_some_and(|v| v.starts_with('#')) {
                continue;
            } else {
                header = Some(values);
            }
        }
        let header = header.unwrap_or_default();
        let mut seen: Vec<&String> = Vec::new();
        for h in &header {
            if h.is_empty() {
                continue;
            }
            if seen.iter().any(|s| s.eq_ignore_ascii_case(h)) {
                return Err(format!("The member \"{h}\" is already present."));
            }
            seen.push(h);
        }
        Ok(CsvRows {
            reader,
            header,
            type_name,
            leading_comments,
        })
    }

    /// Rows typed by a `#TYPE` line an earlier text gave (when this one has none).
    fn with_type_name(mut self, type_name: Option<String>) -> Self {
        if self.type_name.is_none() {
            self.type_name = type_name;
        }
        self
    }

    /// Some column has no name (pwsh names it H1, H2, ... and warns once).
    fn unnamed(&self) -> bool {
        self.header.iter().any(String::is_empty)
    }
}

impl<I: Iterator<Item = char>> Iterator for CsvRows<I> {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        loop {
            let values = self.reader.next_record();
            if values.is_empty() {
                return None;
            }
            if values.len() == 1 && values[0].is_empty() {
                continue;
            }
            if self.leading_comments {
                if values.first().is_some_and(|v| v.starts_with('#')) {
                    continue;
                }
                self.leading_comments = false;
            }
            let mut o = PsObject::custom();
            if let Some(t) = &self.type_name {
                o.type_names = vec![t.clone(), format!("CSV:{t}")];
            }
            let mut next_unnamed = 1;
            for (i, name) in self.header.iter().enumerate() {
                let name = if name.is_empty() {
                    let n = format!("H{next_unnamed}");
                    next_unnamed += 1;
                    n
                } else {
                    name.clone()
                };
                let value = values.get(i).map(Value::str).unwrap_or(Value::Null);
                o.set(&name, value);
            }
            return Some(Value::object(o));
        }
    }
}

/// Writes the objects of CSV text as they are read (the warning about unnamed columns first,
/// once there is a record).
fn emit_csv_objects<I: Iterator<Item = char>>(
    ctx: &mut CommandContext<'_>,
    chars: I,
    delim: char,
    header: Option<Vec<String>>,
) -> Result<(), Flow> {
    match CsvRows::start(chars, delim, header) {
        Ok(rows) => {
            let mut warn = rows.unnamed();
            for o in rows {
                if warn {
                    warn = false;
                    ctx.write_warning("One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers.")?;
                }
                ctx.send(o)?;
            }
            Ok(())
        }
        Err(message) => Err(duplicate_member(ctx, message)),
    }
}

/// A header that names a column twice (terminating, as in ImportCsvHelper).
fn duplicate_member(ctx: &CommandContext<'_>, message: String) -> Flow {
    let r = ctx.error(
        "System.Management.Automation.ExtendedTypeSystemException",
        message,
        "AlreadyPresentPSMemberInfoInternalCollectionAdd",
        ErrorCategory::NotSpecified,
    );
    ctx.terminate(r)
}

fn header_param(b: &BoundParameters) -> Option<Vec<String>> {
    b.get("Header")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
}

fn import_csv(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let delim = delimiter(b);
    let paths = match &ctx.input {
        Some(Value::String(s)) => vec![s.to_string()],
        _ => b.strings("Path").unwrap_or_default(),
    };
    for p in paths {
        let path = ctx.session.resolve_path(&p);
        // Read as it goes: one record in memory at a time.
        let chars = match TextChars::open(&path) {
            Ok(c) => c,
            Err(e) => {
                let r = file_open_failure(ctx, &path, &e);
                return Err(ctx.terminate(r));
            }
        };
        emit_csv_objects(ctx, chars, delim, header_param(b))?;
    }
    Ok(())
}

/// What ConvertFrom-Csv carries from one input string to the next: the header (from the first
/// string unless `-Header` gave it), the `#TYPE` name, and whether it has warned about unnamed
/// columns.
#[derive(Default)]
struct CsvConversion {
    header: Option<Vec<String>>,
    type_name: Option<String>,
    warned: bool,
}

/// Each input string is parsed as CSV text of its own as it arrives (ConvertFromCsvCommand's
/// ProcessRecord), its rows written at once.
fn convert_from_csv(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let mut state = ctx.take_state::<CsvConversion>().unwrap_or_default();
    if state.header.is_none() {
        state.header = header_param(b);
    }
    let delim = delimiter(b);
    let result = (|| {
        for item in b
            .get("InputObject")
            .map(Value::enumerate)
            .unwrap_or_default()
        {
            let text = dotnet_to_string(&item, ctx.session.culture);
            let rows = match CsvRows::start(text.chars(), delim, state.header.clone()) {
                Ok(rows) => rows,
                Err(message) => return Err(duplicate_member(ctx, message)),
            };
            let mut rows = rows.with_type_name(state.type_name.clone());
            let unnamed = rows.unnamed();
            if state.header.is_none() && !rows.header.is_empty() {
                state.header = Some(rows.header.clone());
            }
            if state.type_name.is_none() {
                state.type_name = rows.type_name.clone();
            }
            for o in rows.by_ref() {
                if unnamed && !state.warned {
                    state.warned = true;
                    ctx.write_warning("One or more headers were not specified. Default names starting with \"H\" have been used in place of any missing headers.")?;
                }
                ctx.send(o)?;
            }
        }
        Ok(())
    })();
    ctx.put_state(state);
    result
}

/// How a CSV writer quotes.
struct CsvWriter {
    delimiter: char,
    culture: &'static Culture,
    quote: String,
    quote_fields: Option<Vec<String>>,
}

impl CsvWriter {
    fn from(b: &BoundParameters, culture: &'static Culture) -> CsvWriter {
        CsvWriter {
            delimiter: delimiter(b),
            culture,
            quote: b.string("UseQuotes").unwrap_or_else(|| "Always".into()),
            quote_fields: b
                .get("QuoteFields")
                .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect()),
        }
    }

    fn field(&self, column: &str, value: &str, out: &mut String) {
        let quoted = match &self.quote_fields {
            Some(fields) => fields.iter().any(|f| f.eq_ignore_ascii_case(column)),
            None => match self.quote.as_str() {
                "Never" => false,
                "AsNeeded" => value.contains([self.delimiter, '\n', '"']),
                _ => true,
            },
        };
        if quoted {
            out.push('"');
            out.push_str(&value.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(value);
        }
    }

    fn header(&self, names: &[String]) -> String {
        let mut out = String::new();
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.push(self.delimiter);
            }
            self.field(n, n, &mut out);
        }
        out
    }

    fn row(&self, item: &Value, names: &[String]) -> String {
        let mut out = String::new();
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.push(self.delimiter);
            }
            // A missing or null property writes nothing, not even quotes.
            if let Some(v) = csv_property(item, n)
                && !v.is_null()
            {
                self.field(n, &dotnet_to_string(&v, self.culture), &mut out);
            }
        }
        out
    }
}

/// The columns an object exports: its properties (a hashtable's keys; a string's Length).
fn csv_names(item: &Value) -> Vec<String> {
    match item {
        Value::Hashtable(h) => h.borrow().iter().map(|(k, _)| k.to_ps_string()).collect(),
        Value::String(_) => vec!["Length".into()],
        other => super::objects::property_names(other),
    }
}

fn csv_property(item: &Value, name: &str) -> Option<Value> {
    match item {
        Value::String(s) if name.eq_ignore_ascii_case("Length") => {
            Some(Value::integer(s.chars().count() as i64))
        }
        other => other.property(name),
    }
}

fn type_line(item: &Value) -> String {
    let t = item.type_name();
    let t = t.strip_prefix("CSV:").unwrap_or(&t);
    format!("#TYPE {t}")
}

/// The input rows, with alias and script properties holding their values.
fn csv_items(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Vec<Value> {
    let items = if !ctx.collected.is_empty() {
        ctx.collected.clone()
    } else {
        match b.get("InputObject") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => vec![v.clone()],
        }
    };
    crate::runtime::dotnet::settle_all(ctx.session, &items)
}

/// The CSV lines for items: header (and type line) from the first item, one row each.
fn csv_lines(
    items: &[Value],
    b: &BoundParameters,
    names: Option<Vec<String>>,
    header: bool,
    culture: &'static Culture,
) -> Vec<String> {
    let writer = CsvWriter::from(b, culture);
    let Some(first) = items.iter().find(|v| !v.is_null()) else {
        return Vec::new();
    };
    let names = names.unwrap_or_else(|| csv_names(first));
    let mut lines = Vec::new();
    if header && !b.switch("NoHeader") {
        if b.switch("IncludeTypeInformation") {
            lines.push(type_line(first));
        }
        lines.push(writer.header(&names));
    }
    for item in items.iter().filter(|v| !v.is_null()) {
        lines.push(writer.row(item, &names));
    }
    lines
}

fn convert_to_csv(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items = csv_items(ctx, b);
    for line in csv_lines(&items, b, None, true, ctx.session.culture) {
        if !line.is_empty() {
            ctx.write_object(Value::str(line));
        }
    }
    Ok(())
}

/// An open Export-Csv: the file (opened in the begin step, as pwsh's ExportCsvCommand does),
/// the columns (locked in by the first object) and, when appending to a file that has rows,
/// that file's columns. Rows are buffered as pwsh's StreamWriter buffers them.
struct CsvExport {
    file: Option<std::io::BufWriter<std::fs::File>>,
    path: PathBuf,
    path_text: String,
    writer: CsvWriter,
    names: Option<Vec<String>>,
    existing: Option<Vec<String>>,
}

fn begin_export_csv(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(path_text) = b.string("Path") else {
        let r = ctx.error(
            "System.InvalidOperationException",
            "Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.",
            "CannotSpecifyPathAndLiteralPath",
            ErrorCategory::InvalidData,
        );
        return Err(ctx.terminate(r));
    };
    let path: PathBuf = ctx.session.resolve_path(&path_text);
    // The target is the path as given (ShouldProcess(Path)).
    if !ctx.should_process(&path_text, "Export-Csv")? {
        return Ok(());
    }
    if b.switch("NoClobber") && !b.switch("Append") && path.exists() {
        let text = shown(&path);
        let r = ctx.error(
            "System.IO.IOException",
            format!("The file '{text}' already exists."),
            "NoClobber",
            ErrorCategory::ResourceExists,
        );
        return Err(ctx.terminate(r));
    }
    // Appending to a file with rows keeps its columns and writes no header; only its header is
    // read.
    let existing = if b.switch("Append") {
        existing_header(&path, delimiter(b))
    } else {
        None
    };
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(existing.is_some())
        .truncate(existing.is_none())
        .open(&path);
    let file = match opened {
        Ok(f) => std::io::BufWriter::new(f),
        Err(e) => {
            let r = file_open_failure(ctx, &path, &e);
            return Err(ctx.terminate(r));
        }
    };
    let writer = CsvWriter::from(b, ctx.session.culture);
    ctx.put_state(CsvExport {
        file: Some(file),
        path,
        path_text,
        writer,
        names: None,
        existing,
    });
    Ok(())
}

/// The header of a CSV file being appended to (its first record, after a `#TYPE` line);
/// `None` when the file is missing or holds nothing but blanks.
fn existing_header(path: &Path, delim: char) -> Option<Vec<String>> {
    let chars = TextChars::open(path).ok()?;
    let mut chars = chars.peekable();
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
    chars.peek()?;
    let mut reader = CsvReader::over(chars, delim);
    let mut header = reader.next_record();
    if header.first().is_some_and(|h| h.starts_with('#')) {
        header = reader.next_record();
    }
    Some(header)
}

fn export_csv(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(mut export) = ctx.take_state::<CsvExport>() else {
        return Ok(());
    };
    let result = export_record(ctx, b, &mut export);
    ctx.put_state(export);
    result
}

fn export_record(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    export: &mut CsvExport,
) -> Result<(), Flow> {
    let item = match b.get("InputObject") {
        // A $null record fails to bind: -InputObject is mandatory and does not allow null.
        Some(Value::Null) if matches!(ctx.input, Some(Value::Null)) => {
            let r = crate::runtime::errors::null_not_allowed(&ctx.def, "InputObject");
            return ctx.write_error(r);
        }
        None | Some(Value::Null) => return Ok(()),
        Some(v) => v.clone(),
    };
    let mut text = String::new();
    if export.names.is_none() {
        // The first object locks in the columns.
        let have = csv_names(&item);
        let names = match &export.existing {
            Some(header) => {
                if let Some(missing) = header
                    .iter()
                    .find(|h| !have.iter().any(|n| n.eq_ignore_ascii_case(h)))
                    && !b.switch("Force")
                {
                    let mut r = ctx.error(
                        "System.InvalidOperationException",
                        format!(
                            "Cannot append CSV content to the following file: {}. The appended object does not have a property that corresponds to the following column: {missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command.",
                            export.path_text
                        ),
                        "CannotAppendCsvWithMismatchedPropertyNames",
                        ErrorCategory::InvalidData,
                    );
                    r.target_object = Some(Value::str(missing));
                    return Err(ctx.terminate(r));
                }
                header.clone()
            }
            None => {
                if !b.switch("NoHeader") {
                    if b.switch("IncludeTypeInformation") {
                        text.push_str(&type_line(&item));
                        text.push_str(NEWLINE);
                    }
                    text.push_str(&export.writer.header(&have));
                    text.push_str(NEWLINE);
                }
                have
            }
        };
        export.names = Some(names);
    }
    let names = export.names.as_deref().unwrap_or_default();
    text.push_str(&export.writer.row(&item, names));
    text.push_str(NEWLINE);
    if let Some(file) = export.file.as_mut()
        && let Err(e) = std::io::Write::write_all(file, text.as_bytes())
    {
        export.file = None;
        let r = file_open_failure(ctx, &export.path, &e);
        return Err(ctx.terminate(r));
    }
    Ok(())
}

fn end_export_csv(ctx: &mut CommandContext<'_>, _b: &BoundParameters) -> Result<(), Flow> {
    let Some(export) = ctx.take_state::<CsvExport>() else {
        return Ok(());
    };
    if let Some(mut file) = export.file
        && let Err(e) = std::io::Write::flush(&mut file)
    {
        let r = file_open_failure(ctx, &export.path, &e);
        return Err(ctx.terminate(r));
    }
    Ok(())
}

fn new_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let mut paths = b.strings("Path").unwrap_or_default();
    if paths.is_empty() {
        paths.push(".".into());
    }
    let dir = b
        .string("ItemType")
        .is_some_and(|t| t.eq_ignore_ascii_case("Directory"));
    for p in paths {
        let full = match b.string("Name") {
            Some(n) => join_parts(&[p, n]),
            None => p,
        };
        let path = ctx.session.resolve_path(&full);
        let text = shown(&path);
        let action = if dir {
            "Create Directory"
        } else {
            "Create File"
        };
        if !ctx.should_process(&format!("Destination: {text}"), action)? {
            continue;
        }
        if path.exists() && !(b.switch("Force") && (dir == path.is_dir())) {
            let (message, id) = if dir {
                (
                    format!("An item with the specified name {text} already exists."),
                    "DirectoryExist",
                )
            } else {
                (
                    format!("The file '{text}' already exists."),
                    "NewItemIOError",
                )
            };
            let mut r = ctx.error(
                "System.IO.IOException",
                message,
                id,
                ErrorCategory::ResourceExists,
            );
            r.target_object = Some(Value::str(&text));
            ctx.write_error(r)?;
            continue;
        }
        let result = if dir {
            std::fs::create_dir_all(&path)
        } else {
            let content = b
                .get("Value")
                .map(|v| dotnet_to_string(v, ctx.session.culture))
                .unwrap_or_default();
            std::fs::write(&path, content)
        };
        if let Err(e) = result {
            let (ty, message) = io_message(&path, &e);
            let mut r = ctx.error(&ty, message, "NewItemIOError", ErrorCategory::WriteError);
            r.target_object = Some(Value::str(&text));
            ctx.write_error(r)?;
            continue;
        }
        ctx.write_object(super::location::item_object(&path));
    }
    Ok(())
}

fn remove_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for p in b.strings("Path").unwrap_or_default() {
        let path = ctx.session.resolve_path(&p);
        if !path.exists() {
            let r = path_not_found(ctx, &path);
            ctx.write_error(r)?;
            continue;
        }
        let text = shown(&path);
        let dir = path.is_dir();
        if !ctx.should_process(
            &text,
            if dir {
                "Remove Directory"
            } else {
                "Remove File"
            },
        )? {
            continue;
        }
        let result = if dir {
            if b.switch("Recurse") {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_dir(&path)
            }
        } else {
            std::fs::remove_file(&path)
        };
        if let Err(e) = result {
            let (ty, message) = io_message(&path, &e);
            let id = if e.kind() == std::io::ErrorKind::PermissionDenied {
                "RemoveFileSystemItemUnAuthorizedAccess"
            } else {
                "RemoveFileSystemItemIOError"
            };
            let mut r = ctx.error(&ty, message, id, ErrorCategory::WriteError);
            r.target_object = Some(Value::str(&text));
            ctx.write_error(r)?;
        }
    }
    Ok(())
}

// ----- Test-Path / Join-Path / Split-Path ----------------------------------------------------

/// The Environment and Variable providers' paths: `env:NAME`, `Env:\NAME`, `variable:/NAME`.
enum ProviderPath {
    Env(String),
    Variable(String),
}

fn provider_path(text: &str) -> Option<ProviderPath> {
    let (drive, rest) = text.split_once(':')?;
    let name = rest.trim_start_matches(['\\', '/']).to_string();
    match drive.to_ascii_lowercase().as_str() {
        "env" => Some(ProviderPath::Env(name)),
        "variable" => Some(ProviderPath::Variable(name)),
        _ => None,
    }
}

fn set_item(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let value = b.get("Value").cloned().unwrap_or(Value::Null);
    for p in b.strings("Path").unwrap_or_default() {
        match provider_path(&p) {
            Some(ProviderPath::Env(name)) if !name.is_empty() => {
                let text = ctx.session.stringify(&value);
                if !ctx.should_process(&format!("Item: {name} Value: {text}"), "Set Item")? {
                    continue;
                }
                crate::runtime::set_env_var(&name, Some(&text));
                if b.switch("PassThru") {
                    let item = PsObject::new("System.Collections.DictionaryEntry")
                        .with("Name", Value::str(&name))
                        .with("Key", Value::str(&name))
                        .with("Value", Value::str(&text));
                    ctx.write_object(Value::object(item));
                }
            }
            Some(ProviderPath::Variable(name)) if !name.is_empty() => {
                let shown_value = ctx.session.stringify(&value);
                if !ctx.should_process(
                    &format!("Name: {name} Value: {shown_value}"),
                    "Set variable",
                )? {
                    continue;
                }
                ctx.session.set_variable(&name, value.clone());
            }
            _ => {
                // FileSystem items have no value to set (SessionStateStrings.
                // ProviderOperationStoppedNotSupported... via NotSupportedException).
                let r = ctx.error(
                    "System.Management.Automation.PSNotSupportedException",
                    "Provider operation stopped because the provider does not support this operation.",
                    "NotSupported",
                    ErrorCategory::NotImplemented,
                );
                ctx.write_error(r)?;
            }
        }
    }
    Ok(())
}

fn test_path(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let kind = b.string("PathType").unwrap_or_else(|| "Any".into());
    for p in b.strings("Path").unwrap_or_default() {
        if b.switch("IsValid") {
            ctx.write_object(Value::Bool(!p.contains('\0')));
            continue;
        }
        if p.is_empty() {
            ctx.write_object(Value::Bool(false));
            continue;
        }
        match provider_path(&p) {
            Some(ProviderPath::Env(name)) => {
                // `env:` itself is a container; `env:NAME` a leaf.
                let ok = if name.is_empty() {
                    kind != "Leaf"
                } else {
                    kind != "Container" && std::env::var_os(&name).is_some()
                };
                ctx.write_object(Value::Bool(ok));
                continue;
            }
            Some(ProviderPath::Variable(name)) => {
                let exists = name.is_empty() || ctx.session.has_variable(&name);
                ctx.write_object(Value::Bool(exists));
                continue;
            }
            None => {}
        }
        let path = ctx.session.resolve_path(&p);
        let ok = match kind.as_str() {
            "Container" => path.is_dir(),
            "Leaf" => path.is_file(),
            _ => path.exists(),
        };
        ctx.write_object(Value::Bool(ok));
    }
    Ok(())
}

fn separator() -> char {
    if cfg!(windows) { '\\' } else { '/' }
}

/// Joins path parts with one separator between them, as the FileSystem provider does
/// (either slash in the input becomes the platform's separator).
pub fn join_parts(parts: &[String]) -> String {
    let sep = separator();
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let part = part.replace(['/', '\\'], &sep.to_string());
        if i == 0 {
            out = part;
            continue;
        }
        if part.is_empty() {
            continue;
        }
        let trimmed_out = out.trim_end_matches(sep).to_string();
        let trimmed_part = part.trim_start_matches(sep);
        out = if trimmed_out.is_empty() && out.starts_with(sep) {
            format!("{sep}{trimmed_part}")
        } else {
            format!("{trimmed_out}{sep}{trimmed_part}")
        };
    }
    out
}

fn join_path(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let child = b.string("ChildPath").unwrap_or_default();
    let more = b.strings("AdditionalChildPath").unwrap_or_default();
    for p in b.strings("Path").unwrap_or_default() {
        let mut parts = vec![p, child.clone()];
        parts.extend(more.iter().cloned());
        ctx.write_object(Value::str(join_parts(&parts)));
    }
    Ok(())
}

fn split_path(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let sep = separator();
    for p in b.strings("Path").unwrap_or_default() {
        let normalized = p.replace(['/', '\\'], &sep.to_string());
        let trimmed = if normalized.len() > 1 {
            normalized.trim_end_matches(sep)
        } else {
            normalized.as_str()
        };
        let (parent, leaf) = match trimmed.rfind(sep) {
            Some(0) => (sep.to_string(), trimmed[1..].to_string()),
            Some(i) => (trimmed[..i].to_string(), trimmed[i + 1..].to_string()),
            None => (String::new(), trimmed.to_string()),
        };
        let value = if b.switch("Leaf") {
            leaf
        } else if b.switch("LeafBase") {
            match leaf.rfind('.') {
                Some(i) if i > 0 => leaf[..i].to_string(),
                _ => leaf,
            }
        } else if b.switch("Extension") {
            match leaf.rfind('.') {
                Some(i) if i > 0 => leaf[i..].to_string(),
                _ => String::new(),
            }
        } else {
            parent
        };
        ctx.write_object(Value::str(value));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        let mut r = CsvReader::new(text, ',');
        let mut out = Vec::new();
        loop {
            let rec = r.next_record();
            if rec.is_empty() {
                break;
            }
            out.push(rec);
        }
        out
    }

    #[test]
    fn csv_records_follow_pwsh_rules() {
        assert_eq!(
            rows("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n  lead,trail  \n"),
            vec![
                vec!["a".to_string(), "b".into()],
                vec!["x, y".into(), "say \"hi\"".into()],
                // The blank that ends a word is kept, later blanks are not (ParseNextRecord).
                vec!["lead".into(), "trail ".into()],
            ]
        );
        // A line break inside quotes belongs to the field.
        assert_eq!(
            rows("\"a\nb\",c"),
            vec![vec!["a\nb".to_string(), "c".into()]]
        );
        // Text after a closing quote is kept when it is not blank.
        assert_eq!(
            rows("\"foo bar\" ab,c"),
            vec![vec!["foo bar ab".to_string(), "c".into()]]
        );
    }

    #[test]
    fn csv_objects_have_string_properties_and_nulls_for_missing_fields() {
        let (objs, unnamed) = parse_csv("UPN,Name\nu@x,\nv@x\n\n", ',', None).unwrap();
        assert!(!unnamed);
        assert_eq!(objs.len(), 2);
        assert_eq!(objs[0].property("Name").unwrap().to_ps_string(), "");
        assert!(matches!(objs[0].property("Name"), Some(Value::String(_))));
        assert!(objs[1].property("Name").unwrap().is_null());
        assert!(parse_csv("a,A\n1,2", ',', None).is_err());
        let (objs, unnamed) = parse_csv("a,,c\n1,2,3", ',', None).unwrap();
        assert!(unnamed);
        assert_eq!(objs[0].property("H1").unwrap().to_ps_string(), "2");
    }

    #[test]
    fn paths_join_with_one_separator() {
        let sep = separator();
        assert_eq!(
            join_parts(&["a/".into(), "/b\\c".into()]),
            format!("a{sep}b{sep}c")
        );
        assert_eq!(join_parts(&["a".into(), "".into()]), "a".to_string());
        assert_eq!(split_lines("x\r\ny\rz\n"), vec!["x", "y", "z"]);
        assert_eq!(split_lines("x\n\ny"), vec!["x", "", "y"]);
    }
}

//! Building a session from the command line: the store (and its durability), colour, the
//! clock and id seed from the environment, and the wiring of the layers below (the built-in
//! cmdlets' table and the console formatter are handed to the runtime here).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::options::{CliOptions, ColorChoice, Mode};
use crate::runtime::clock::{Clock, IdGenerator};
use crate::runtime::host::{ConsoleHost, Host};
use crate::runtime::{Session, SessionOptions};
use crate::store::{self, Store};

/// A session over `store` with every built-in cmdlet and pwsh's console formatter.
pub fn new_session(host: Box<dyn Host>, store: Store, options: SessionOptions) -> Session {
    Session::new(
        host,
        store,
        options,
        crate::cmdlets::command_table(),
        Box::new(crate::format::ConsoleFormatter::new()),
    )
}

fn color_enabled(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var("NO_COLOR").map_or(true, |v| v.is_empty())
        }
    }
}

/// Where the store path came from: a path the user named, or the platform's default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorePath {
    /// `-Store PATH`, else `AAPSH_STORE`: used as given; its directory must exist.
    Named(PathBuf),
    /// `store.json` in the platform data directory, which is created when missing.
    Default(PathBuf),
}

impl StorePath {
    pub fn path(&self) -> &Path {
        match self {
            StorePath::Named(p) | StorePath::Default(p) => p,
        }
    }
}

/// The store path: `-Store`, else `AAPSH_STORE` (read as an OsString: a path that is not UTF-8
/// is still a path; an empty value counts as unset), else the platform data directory. An
/// empty `-Store` is refused: it names no file.
pub fn store_path(option: Option<&PathBuf>) -> Result<StorePath, String> {
    if let Some(p) = option {
        if p.as_os_str().is_empty() {
            return Err(
                "aapsh: -Store needs a file path, and '' names no file. Nothing was written."
                    .to_string(),
            );
        }
        return Ok(StorePath::Named(p.clone()));
    }
    if let Some(p) = std::env::var_os("AAPSH_STORE")
        && !p.is_empty()
    {
        return Ok(StorePath::Named(PathBuf::from(p)));
    }
    store::default_store_path()
        .map(StorePath::Default)
        .ok_or_else(|| {
            "aapsh: cannot find a data directory for the store; use -Store PATH.".to_string()
        })
}

/// Opens the store: for the default path the data directory is created first; for a path the
/// user named, a missing directory is an error (`Store::open` says so), so a typo never starts
/// a new tenant somewhere unexpected.
fn open_store(path: &StorePath) -> Result<Store, String> {
    if let StorePath::Default(file) = path
        && let Some(dir) = file.parent()
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            format!(
                "aapsh: {}",
                store::escape_controls(&format!(
                    "the data directory '{}' could not be created: {e}. Use -Store PATH.",
                    dir.display()
                ))
            )
        })?;
    }
    Store::open(path.path()).map_err(|e| format!("aapsh: {e}"))
}

/// An environment variable as text (`None` when unset); a value that is not UTF-8 is an
/// error naming the variable, never silently taken for unset.
fn env_text(name: &str) -> Result<Option<String>, String> {
    match std::env::var(name) {
        Ok(v) => Ok(Some(v)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(format!("aapsh: {name} is not valid UTF-8 text."))
        }
    }
}

/// How durable each completed command is made before the next one starts (docs/performance.md).
/// Both levels keep the contract (cli.md): a completed command survives a killed process. At the
/// prompt each command is also synced to the disk, so it survives a power cut too (a person
/// typing never notices the sync); scripts and -Command hand each command to the operating
/// system and sync at the checkpoint that ends the run, so a long replay is not bound by the
/// disk's sync latency. `AAPSH_DURABILITY=disk|os` overrides either default.
fn durability(mode: &Mode) -> Result<crate::store::Durability, String> {
    use crate::store::Durability;
    match env_text("AAPSH_DURABILITY")? {
        Some(v) if v.eq_ignore_ascii_case("disk") => Ok(Durability::Disk),
        Some(v) if v.eq_ignore_ascii_case("os") => Ok(Durability::Os),
        Some(v) if !v.trim().is_empty() => Err(format!(
            "aapsh: AAPSH_DURABILITY must be disk or os, not '{}'.",
            store::escape_controls(&v)
        )),
        _ => Ok(match mode {
            Mode::Repl => Durability::Disk,
            _ => Durability::Os,
        }),
    }
}

/// Builds a session for the options (store opened, clock and ids from the environment).
pub fn build_session(o: &CliOptions, interactive: bool) -> Result<Session, String> {
    let path = store_path(o.store.as_ref())?;
    let durability = durability(&o.mode)?;
    let is_new = !path.path().exists();
    let mut store = open_store(&path)?;
    if is_new && announce_new_store(o, interactive) {
        eprintln!(
            "aapsh: created a new store from the demo tenant (Contoso): {}",
            path.path().display()
        );
    }
    store.set_durability(durability);
    let options = SessionOptions {
        error_view: o.error_view,
        color_out: color_enabled(o.color, std::io::stdout().is_terminal()),
        color_err: color_enabled(o.color, std::io::stderr().is_terminal()),
        interactive: interactive && !o.non_interactive,
        non_interactive: o.non_interactive,
    };
    let mut session = new_session(Box::new(ConsoleHost::new()), store, options);
    session.culture = crate::runtime::culture::Culture::from_env();
    session.clock = Clock::from_env_value(env_text("AAPSH_NOW")?.as_deref())?;
    let seed = match env_text("AAPSH_SEED")? {
        Some(s) if !s.trim().is_empty() => Some(
            s.trim()
                .parse::<u64>()
                .map_err(|_| format!("aapsh: AAPSH_SEED must be a whole number: {s}"))?,
        ),
        _ => None,
    };
    session.ids = IdGenerator::new(seed);
    if o.connected {
        session.connection = Some(session.default_connection());
    }
    Ok(session)
}

/// Whether to say on stderr that a new store was made. Said once, when the file is created,
/// and only where it tells the user something: at the interactive prompt (whatever the store's
/// source), or when the path was not given with `-Store` (the default location, or
/// `AAPSH_STORE`), so that a first `aapsh -c ...` shows where its state went. A script run with
/// an explicit `-Store` (golden tests, CI) stays silent: its stderr is only pwsh's.
fn announce_new_store(o: &CliOptions, interactive: bool) -> bool {
    if o.sandbox {
        return false;
    }
    (interactive && matches!(o.mode, Mode::Repl)) || o.store.is_none()
}

/// Folds the change journal into the JSON file at the end of a run. Every completed command is
/// already durable in the journal, so a failure here only delays the fold (it is reported).
pub fn checkpoint(session: &mut Session) {
    if let Err(e) = session.store.checkpoint() {
        eprintln!("aapsh: {e}");
    }
}

//! Building a session from the command line: the store (and its durability), colour, the
//! clock and id seed from the environment, and the wiring of the layers below (the built-in
//! cmdlets' table and the console formatter are handed to the runtime here).

use std::io::IsTerminal;
use std::path::PathBuf;

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

/// The store path: `-Store`, else `AAPSH_STORE`, else the platform data directory.
pub fn store_path(option: Option<&PathBuf>) -> Option<PathBuf> {
    if let Some(p) = option {
        return Some(p.clone());
    }
    if let Ok(p) = std::env::var("AAPSH_STORE")
        && !p.is_empty()
    {
        return Some(PathBuf::from(p));
    }
    store::default_store_path()
}

/// How durable each completed command is made before the next one starts (docs/performance.md).
/// Both levels keep the contract (cli.md): a completed command survives a killed process. At the
/// prompt each command is also synced to the disk, so it survives a power cut too (a person
/// typing never notices the sync); scripts and -Command hand each command to the operating
/// system and sync at the checkpoint that ends the run, so a long replay is not bound by the
/// disk's sync latency. `AAPSH_DURABILITY=disk|os` overrides either default.
fn durability(mode: &Mode) -> Result<crate::store::Durability, String> {
    use crate::store::Durability;
    match std::env::var("AAPSH_DURABILITY") {
        Ok(v) if v.eq_ignore_ascii_case("disk") => Ok(Durability::Disk),
        Ok(v) if v.eq_ignore_ascii_case("os") => Ok(Durability::Os),
        Ok(v) if !v.trim().is_empty() => Err(format!(
            "aapsh: AAPSH_DURABILITY must be disk or os, not '{v}'."
        )),
        _ => Ok(match mode {
            Mode::Repl => Durability::Disk,
            _ => Durability::Os,
        }),
    }
}

/// Builds a session for the options (store opened, clock and ids from the environment).
pub fn build_session(o: &CliOptions, interactive: bool) -> Result<Session, String> {
    let path = store_path(o.store.as_ref()).ok_or_else(|| {
        "aapsh: cannot find a data directory for the store; use -Store PATH.".to_string()
    })?;
    let durability = durability(&o.mode)?;
    let is_new = !path.exists();
    let mut store = Store::open(&path).map_err(|e| format!("aapsh: {e}"))?;
    if is_new && announce_new_store(o, interactive) {
        eprintln!(
            "aapsh: created a new store from the demo tenant (Contoso): {}",
            path.display()
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
    session.clock = Clock::from_env_value(std::env::var("AAPSH_NOW").ok().as_deref())?;
    let seed = match std::env::var("AAPSH_SEED") {
        Ok(s) if !s.trim().is_empty() => Some(
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

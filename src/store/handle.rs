//! `Store`: one open store file (or an in-memory tenant), kept fresh and changed transactionally.
//!
//! Owns the session-level protocol over two files (the lock file aside):
//!
//! - the store file (`store.json`), the documented contract, replaced only atomically;
//! - its change journal (`store.json.journal`, see `journal`), where `transact` appends one
//!   record per completed command and waits for `fdatasync` before returning, so a command's
//!   cost does not grow with the store and a completed command survives `kill -9` and power loss.
//!
//! `checkpoint` folds the journal into the store file (atomic replace), then deletes it. It runs
//! when asked (the command line calls it at the end of a run and when the REPL is idle), on
//! `open` when a journal is left over, when a `Store` is dropped, and by itself once the
//! journal outgrows the store file, which keeps replay time in proportion to the store.
//!
//! Freshness: before each command, a session compares the store file's fingerprint and the
//! journal's identity and length with what it last saw (two `stat`s). If only the journal grew,
//! it reads and applies just the new records; if the file was replaced, it reads everything again.
//! Reads take no lock: a reader checks afterwards that the store file was not replaced while it
//! read, and retries if it was. Every write (append or checkpoint) holds the lock file, so
//! appends are serialized and each session writes on top of the latest state: the last
//! completed command wins and none is lost.
//!
//! Crash safety: a checkpoint appends a `folded` marker naming the new file's content before it
//! renames the file in, so a journal is never applied twice; a torn last record is ignored. It
//! must not decide what a change means (`change`) or how records look (`journal`).

use std::convert::Infallible;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::change::Change;
use super::checksum::ContentId;
use super::demo::demo_tenant;
use super::error::StoreError;
use super::file::{self, Fingerprint};
use super::journal::{self, Damage, Record, Stamp, journal_path_for};
use super::lock::{self, DEFAULT_LOCK_TIMEOUT};
use super::model::Tenant;
use super::parse::parse_tenant_owned;
use super::validate::validate;

/// The journal is folded by itself once it is larger than the store file and at least this big,
/// so replaying it never costs more than reading the store, while small stores are not
/// rewritten every few commands.
const AUTO_CHECKPOINT_MIN_BYTES: u64 = 4 << 20;

/// How often a reader retries when writers keep replacing the store file under it, before it
/// takes the lock to read.
const READ_RETRIES: usize = 20;

/// How far `transact` writes a completed command before it returns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// On the disk: the journal record is synced (`fdatasync`) before `transact` returns, so the
    /// command survives `kill -9`, a system crash and a power cut. The default; each command
    /// then costs at least one sync of the disk (from tens of microseconds on a fast SSD to
    /// milliseconds on a slow disk).
    #[default]
    Disk,
    /// Handed to the operating system: the command survives `kill -9` and any crash of aapsh,
    /// but a power cut or a system crash may lose the last commands (whole commands, from the
    /// end: the store still opens to a prefix of them). For bulk scripts on disks with slow
    /// syncs. Checkpoints are synced either way.
    Os,
}

/// One open store.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    tenant: Tenant,
    /// The files as our state last matched them; `None` for an in-memory store, or when the
    /// state must be read again from scratch.
    disk: Option<Disk>,
    /// The journal, kept open between appends.
    appender: Option<journal::Appender>,
    lock_timeout: Duration,
    durability: Durability,
}

/// What our state was read from.
#[derive(Clone, Debug)]
struct Disk {
    file: Fingerprint,
    /// Size and hash of the store file's bytes: what a journal's `base` record names.
    file_id: ContentId,
    journal: Journal,
}

/// The journal as our state last matched it.
#[derive(Clone, Debug)]
enum Journal {
    /// There was no journal: the state is the store file's.
    Absent,
    /// A journal with nothing for us (already folded, holding no change, or torn before its
    /// first record was complete); the next write replaces it.
    Stale { stamp: Stamp },
    /// A journal on our store file; the records before byte `end` are in our state.
    Live {
        stamp: Stamp,
        end: u64,
        /// Intact records before `end` (the base included), to number records in messages.
        records: usize,
        /// How many of them are commands not yet folded into the store file.
        changes: usize,
    },
}

impl Journal {
    fn unfolded_changes(&self) -> usize {
        match self {
            Journal::Live { changes, .. } => *changes,
            Journal::Absent | Journal::Stale { .. } => 0,
        }
    }
}

/// How one attempt to catch up with the files ended.
enum Refreshed {
    /// Nothing changed since our last look.
    Fresh,
    /// We read what changed (to be checked for a race when read without the lock).
    Read,
    /// The store file does not exist.
    Missing,
    /// The store file was replaced while we read (only without the lock): try again.
    Raced,
}

impl Store {
    /// Opens the store at `path`. A missing file is created from the demo tenant; a missing
    /// directory is an error (`StoreError::NoDirectory`): the caller creates the default data
    /// directory itself, and a path the user named is never invented. A file (or journal) that
    /// cannot be read is an error and stays untouched.
    ///
    /// A symbolic link is followed: the store is the file it points at, with its journal, lock
    /// file, audit log and snapshots beside that file (so a session through the link and one
    /// on the file itself share them), and saves replace that file, never the link.
    ///
    /// If no other session holds the lock, opening also cleans up after sessions that ended
    /// badly: it removes the temporary files a checkpoint cut short left beside the store, and
    /// folds a journal left over by a session that ended without folding it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let path = file::resolve_links(path)
            .map_err(|e| StoreError::io(path, "following the symbolic link", e))?;
        let mut store = Store {
            path: Some(path.clone()),
            tenant: Tenant::default(),
            disk: None,
            appender: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            durability: Durability::Disk,
        };
        store.refresh()?;
        // Best effort: a stale temporary file only takes space, and the journal keeps every
        // change safe until a later checkpoint.
        if let Ok(Some(_guard)) = lock::try_acquire(&path) {
            file::remove_stale_temps(&path);
            if store.unfolded_changes() > 0 {
                let _ = store
                    .refresh_locked(&path)
                    .and_then(|()| store.checkpoint_locked(&path));
            }
        }
        Ok(store)
    }

    /// A store without a file, for tests and scratch sessions; changes stay in memory.
    pub fn in_memory(mut tenant: Tenant) -> Store {
        if tenant.global_policy().is_none() {
            tenant.policies.insert(0, super::model::Policy::global());
        }
        tenant.reindex();
        Store {
            path: None,
            tenant,
            disk: None,
            appender: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
            durability: Durability::Disk,
        }
    }

    /// The state as last read or written, without checking the files again (callers that just
    /// called `tenant()` use this to avoid a second check).
    pub fn cached(&self) -> &Tenant {
        &self.tenant
    }

    /// The store file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The lock file guarding writes (`<store file>.lock`), or `None` for an in-memory store.
    pub fn lock_path(&self) -> Option<PathBuf> {
        self.path.as_deref().map(lock::lock_path_for)
    }

    /// The change journal (`<store file>.journal`), or `None` for an in-memory store.
    pub fn journal_path(&self) -> Option<PathBuf> {
        self.path.as_deref().map(journal_path_for)
    }

    /// How long `transact` and `checkpoint` wait for another session's lock before failing
    /// (default 10 s).
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    /// How far a completed command is written before `transact` returns (default
    /// `Durability::Disk`).
    pub fn set_durability(&mut self, durability: Durability) {
        self.durability = durability;
    }

    /// How many completed commands wait in the journal to be folded into the store file, as
    /// far as this session knows.
    pub fn unfolded_changes(&self) -> usize {
        self.disk
            .as_ref()
            .map_or(0, |disk| disk.journal.unfolded_changes())
    }

    /// The current state. Catches up first with what other sessions did since our last look (a
    /// cheap check of the files' metadata; no lock needed).
    pub fn tenant(&mut self) -> Result<&Tenant, StoreError> {
        if self.path.is_some() {
            self.refresh()?;
        }
        Ok(&self.tenant)
    }

    /// Runs `f` on the freshest state under the write lock, then applies the changes it returns
    /// and makes them durable (one journal record, synced) before returning. If `f` fails, or
    /// returns no changes, nothing is written. If a change is refused or the write fails, the
    /// files and this store's state are left as they were.
    pub fn transact<T, E>(
        &mut self,
        f: impl FnOnce(&Tenant) -> Result<(T, Vec<Change>), E>,
    ) -> Result<Result<T, E>, StoreError> {
        let Some(path) = self.path.clone() else {
            let (value, changes) = match f(&self.tenant) {
                Ok(done) => done,
                Err(e) => return Ok(Err(e)),
            };
            self.tenant.apply_all(&changes)?;
            return Ok(Ok(value));
        };

        let _guard = lock::acquire(&path, self.lock_timeout)?;
        self.refresh_locked(&path)?;
        let (value, changes) = match f(&self.tenant) {
            Ok(done) => done,
            Err(e) => return Ok(Err(e)),
        };
        if changes.is_empty() {
            return Ok(Ok(value));
        }
        if self.disk.as_ref().is_some_and(|disk| disk.file.read_only) {
            return Err(StoreError::ReadOnly { file: path });
        }
        let undo = self.tenant.apply_logged(&changes)?;
        if let Err(e) = self.append(&path, &journal::changes_line(&changes)) {
            self.tenant.undo(undo);
            return Err(e);
        }
        if self.journal_outgrew_store() {
            // The command is already durable; a failed fold is retried at the next checkpoint.
            let _ = self.checkpoint_locked(&path);
        }
        Ok(Ok(value))
    }

    /// Applies `changes` in one transaction (a shorthand for `transact` without a closure).
    pub fn commit(&mut self, changes: Vec<Change>) -> Result<(), StoreError> {
        match self.transact(|_| Ok::<_, Infallible>(((), changes)))? {
            Ok(()) => Ok(()),
            Err(never) => match never {},
        }
    }

    /// Folds the journal into the store file: writes the whole state to a temporary file,
    /// syncs it, marks the journal as folded, renames the file over the store and deletes the
    /// journal. Does nothing when no change is waiting. Costs one write of the whole store, so
    /// call it at the end of a run or when the user is idle, not after every command. On failure
    /// nothing is lost: the journal still holds every change.
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        self.refresh()?;
        if self.unfolded_changes() == 0 {
            return Ok(());
        }
        let _guard = lock::acquire(&path, self.lock_timeout)?;
        self.refresh_locked(&path)?;
        self.checkpoint_locked(&path)
    }

    /// `checkpoint`, unless another session holds the lock (it, or a later open, will fold).
    fn checkpoint_if_free(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let Some(_guard) = lock::try_acquire(&path)? else {
            return Ok(());
        };
        self.refresh_locked(&path)?;
        self.checkpoint_locked(&path)
    }

    fn checkpoint_locked(&mut self, path: &Path) -> Result<(), StoreError> {
        let Some(disk) = self.disk.clone() else {
            return Ok(());
        };
        let Journal::Live {
            stamp,
            end,
            changes,
            ..
        } = disk.journal
        else {
            return Ok(());
        };
        if changes == 0 {
            return Ok(());
        }
        if disk.file.read_only {
            return Err(StoreError::ReadOnly {
                file: path.to_path_buf(),
            });
        }
        // A bug in a change must never produce a file that would be refused when read back.
        validate(&mut self.tenant).map_err(|e| {
            StoreError::conflict(format!(
                "The journal was not folded into the store file because the result would be \
                 invalid: {e}"
            ))
        })?;
        let tenant = &self.tenant;
        let prepared = file::prepare(path, path, "the store file", |w| {
            serde_json::to_writer_pretty(&mut *w, tenant).map_err(std::io::Error::other)?;
            w.write_all(b"\n")
        })?;
        let file_id = prepared.content;
        let jpath = journal_path_for(path);
        // From here on the journal says the new file holds its changes, so if we crash after
        // the rename, the next reader will not apply them twice.
        let line = journal::folded_line(file_id);
        journal::append(&mut self.appender, &jpath, path, stamp, end, &line, true)?;
        self.appender = None;
        let fingerprint = prepared.commit()?;
        let journal = match journal::remove(&jpath, path) {
            Ok(()) => Journal::Absent,
            Err(_) => match journal::stamp(&jpath, path) {
                Ok(Some(stamp)) => Journal::Stale { stamp },
                _ => Journal::Absent,
            },
        };
        self.disk = Some(Disk {
            file: fingerprint,
            file_id,
            journal,
        });
        Ok(())
    }

    fn journal_outgrew_store(&self) -> bool {
        match &self.disk {
            Some(Disk {
                file_id,
                journal: Journal::Live { end, .. },
                ..
            }) => *end > file_id.size.max(AUTO_CHECKPOINT_MIN_BYTES),
            _ => false,
        }
    }

    /// Appends one record (under the lock, state fresh), starting a new journal if there is
    /// none on our store file.
    fn append(&mut self, path: &Path, line: &[u8]) -> Result<(), StoreError> {
        let jpath = journal_path_for(path);
        let Some(disk) = self.disk.as_mut() else {
            return Err(StoreError::conflict(
                "The store's state is unknown after an earlier error; nothing was saved. Try \
                 the command again.",
            ));
        };
        disk.journal = match disk.journal {
            Journal::Live {
                stamp,
                end,
                records,
                changes,
            } => {
                let sync = self.durability == Durability::Disk;
                let stamp =
                    journal::append(&mut self.appender, &jpath, path, stamp, end, line, sync)?;
                Journal::Live {
                    stamp,
                    end: end + line.len() as u64,
                    records: records + 1,
                    changes: changes + 1,
                }
            }
            Journal::Absent | Journal::Stale { .. } => {
                let base = journal::base_line(disk.file_id);
                let stamp = journal::create(&jpath, path, &[&base, line])?;
                Journal::Live {
                    stamp,
                    end: (base.len() + line.len()) as u64,
                    records: 2,
                    changes: 1,
                }
            }
        };
        Ok(())
    }

    /// Catches up without the lock, retrying while writers replace the file under us.
    fn refresh(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        for _ in 0..READ_RETRIES {
            match self.refresh_once(&path, false)? {
                Refreshed::Fresh | Refreshed::Read => return Ok(()),
                Refreshed::Raced => std::thread::sleep(Duration::from_millis(1)),
                Refreshed::Missing => break,
            }
        }
        // Missing (it is created under the lock), or too busy to read consistently without it.
        let dir = file::parent_dir(&path);
        match fs::metadata(&dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NoDirectory {
                    file: path.clone(),
                    dir,
                });
            }
            _ => {}
        }
        let _guard = lock::acquire(&path, self.lock_timeout)?;
        self.refresh_locked(&path)
    }

    /// Catches up under the lock; a missing store file becomes the demo tenant.
    fn refresh_locked(&mut self, path: &Path) -> Result<(), StoreError> {
        match self.refresh_once(path, true)? {
            Refreshed::Fresh | Refreshed::Read | Refreshed::Raced => Ok(()),
            Refreshed::Missing => {
                let mut demo = demo_tenant();
                demo.reindex();
                let bytes = demo.to_json_bytes()?;
                let fingerprint = file::write_atomic(path, &bytes)?;
                // A journal of a store file that was deleted belongs to nothing any more.
                journal::remove(&journal_path_for(path), path)?;
                self.tenant = demo;
                self.disk = Some(Disk {
                    file: fingerprint,
                    file_id: ContentId::of(&bytes),
                    journal: Journal::Absent,
                });
                Ok(())
            }
        }
    }

    fn refresh_once(&mut self, path: &Path, locked: bool) -> Result<Refreshed, StoreError> {
        let Some(now) = file::fingerprint(path)? else {
            return Ok(Refreshed::Missing);
        };
        let outcome = match &self.disk {
            Some(disk) if disk.file == now => self.catch_up_journal(path),
            _ => self.reload(path),
        };
        let outcome = match outcome {
            Ok(outcome) => outcome,
            Err(e) => {
                // Our state may hold part of what we read: read everything next time.
                self.disk = None;
                return Err(e);
            }
        };
        if !locked && matches!(outcome, Refreshed::Read) {
            // Whatever we read must belong to the store file still in place (a checkpoint by
            // another session may have replaced both files meanwhile).
            let still = self.disk.as_ref().map(|d| &d.file);
            if file::fingerprint(path)?.as_ref() != still {
                self.disk = None;
                return Ok(Refreshed::Raced);
            }
        }
        Ok(outcome)
    }

    /// The store file is the one we know: applies what was appended to its journal since.
    fn catch_up_journal(&mut self, path: &Path) -> Result<Refreshed, StoreError> {
        let jpath = journal_path_for(path);
        let Some(disk) = self.disk.clone() else {
            return self.reload(path);
        };
        let current = journal::stamp(&jpath, path)?;
        let (stamp, end, records, changes) = match (&disk.journal, &current) {
            (Journal::Absent, None) => return Ok(Refreshed::Fresh),
            (Journal::Stale { stamp } | Journal::Live { stamp, .. }, Some(now))
                if stamp.same_file(now) && stamp.len == now.len =>
            {
                return Ok(Refreshed::Fresh);
            }
            (
                Journal::Live {
                    stamp,
                    end,
                    records,
                    changes,
                },
                Some(now),
            ) if stamp.same_file(now) && now.len > stamp.len => (*stamp, *end, *records, *changes),
            // A journal started on our file (our state is the file's), or one we let go by.
            (Journal::Absent | Journal::Stale { .. }, Some(_)) => {
                let read = journal::read_from(&jpath, path, 0)?;
                let journal = resolve_journal(&mut self.tenant, read, disk.file_id, path)?;
                self.disk = Some(Disk { journal, ..disk });
                return Ok(Refreshed::Read);
            }
            // Replaced, cut short or deleted while the store file stayed: start over.
            _ => return self.reload(path),
        };
        let Some((now, bytes)) = journal::read_from(&jpath, path, end)? else {
            return self.reload(path);
        };
        if !now.same_file(&stamp) {
            return self.reload(path);
        }
        let scan = journal::scan(&bytes, end).map_err(|d| damaged(path, records, d))?;
        let (end, new_changes) =
            apply_records(&mut self.tenant, &scan.records, scan.end, records, path)?;
        let added = scan.records.len();
        self.disk = Some(Disk {
            journal: Journal::Live {
                stamp: now,
                end,
                records: records + added,
                changes: changes + new_changes,
            },
            ..disk
        });
        Ok(Refreshed::Read)
    }

    /// Reads the store file and its journal from scratch.
    fn reload(&mut self, path: &Path) -> Result<Refreshed, StoreError> {
        let Some(snapshot) = file::read(path)? else {
            return Ok(Refreshed::Missing);
        };
        let file_id = ContentId::of(&snapshot.bytes);
        // The same bytes as the file our state was read from, and nothing applied on top: no
        // need to parse again (a file saved again unchanged, or touched).
        let same = self
            .disk
            .as_ref()
            .is_some_and(|disk| disk.file_id == file_id && disk.journal.unfolded_changes() == 0);
        if !same {
            // The state we hold is replaced whatever happens (on an error it is read again from
            // scratch next time), so free it first: a reload costs one tenant, not two.
            self.tenant = Tenant::default();
            self.disk = None;
            let mut tenant = parse_tenant_owned(snapshot.bytes).map_err(|e| e.in_file(path))?;
            let read = journal::read_from(&journal_path_for(path), path, 0)?;
            let journal = resolve_journal(&mut tenant, read, file_id, path)?;
            self.tenant = tenant;
            self.disk = Some(Disk {
                file: snapshot.fingerprint,
                file_id,
                journal,
            });
        } else {
            let read = journal::read_from(&journal_path_for(path), path, 0)?;
            let journal = resolve_journal(&mut self.tenant, read, file_id, path)?;
            self.disk = Some(Disk {
                file: snapshot.fingerprint,
                file_id,
                journal,
            });
        }
        Ok(Refreshed::Read)
    }
}

impl Drop for Store {
    /// Folds what this session left in the journal, if no other session is writing (that one,
    /// or the next open, will fold it otherwise). Errors cannot be reported here and lose
    /// nothing: the journal keeps the changes.
    fn drop(&mut self) {
        if self.unfolded_changes() > 0 {
            let _ = self.checkpoint_if_free();
        }
    }
}

/// Decides what a whole journal means for the store file with content `file_id` (whose state
/// `tenant` holds), applies its changes when they belong to that file, and returns its state.
fn resolve_journal(
    tenant: &mut Tenant,
    read: Option<(Stamp, Vec<u8>)>,
    file_id: ContentId,
    path: &Path,
) -> Result<Journal, StoreError> {
    let Some((stamp, bytes)) = read else {
        return Ok(Journal::Absent);
    };
    let scan = journal::scan(&bytes, 0).map_err(|d| damaged(path, 0, d))?;
    let base = match scan.records.first() {
        None => return Ok(Journal::Stale { stamp }),
        Some((Record::Base(base), _)) => base,
        Some((_, offset)) => {
            return Err(damaged(
                path,
                0,
                damage(*offset, "the journal does not start with its base record"),
            ));
        }
    };
    if base.format > journal::FORMAT {
        return Err(damaged(
            path,
            0,
            damage(
                0,
                format!(
                    "it was written by a newer aapsh (journal format {}; this aapsh reads format \
                     {})",
                    base.format,
                    journal::FORMAT
                ),
            ),
        ));
    }
    let changes = scan
        .records
        .iter()
        .filter(|(r, _)| matches!(r, Record::Changes(_)))
        .count();
    if base.file == file_id {
        let (end, changes) = apply_records(tenant, &scan.records[1..], scan.end, 1, path)?;
        return Ok(Journal::Live {
            stamp,
            end,
            records: scan.records.len(),
            changes,
        });
    }
    let folded_into_file =
        matches!(scan.records.last(), Some((Record::Folded(id), _)) if *id == file_id);
    if folded_into_file || changes == 0 {
        return Ok(Journal::Stale { stamp });
    }
    Err(StoreError::JournalMismatch {
        journal: journal_path_for(path),
        file: path.to_path_buf(),
        changes,
    })
}

/// Applies `records` (intact, ending at byte `end`, following `before` records of the journal)
/// to `tenant`. Returns where the next append goes (before a trailing `folded` marker: that of
/// a checkpoint that did not finish, void since the store file was not replaced) and how many
/// of the records were commands.
fn apply_records(
    tenant: &mut Tenant,
    records: &[(Record, u64)],
    end: u64,
    before: usize,
    path: &Path,
) -> Result<(u64, usize), StoreError> {
    let mut end = end;
    let mut changes = 0;
    for (i, (record, offset)) in records.iter().enumerate() {
        let fail = |message: String| damaged(path, before + i, damage(*offset, message));
        match record {
            Record::Changes(list) => {
                tenant.apply_all(list).map_err(|e| {
                    fail(format!("its changes cannot be applied to the store: {e}"))
                })?;
                changes += 1;
            }
            Record::Folded(_) if i + 1 == records.len() => end = *offset,
            Record::Folded(_) => {
                return Err(fail(
                    "a record follows the marker of a finished checkpoint".to_string(),
                ));
            }
            Record::Base(_) => return Err(fail("a second base record".to_string())),
        }
    }
    Ok((end, changes))
}

/// The error for damage found after `before` intact records of the journal.
fn damaged(path: &Path, before: usize, damage: Damage) -> StoreError {
    StoreError::Journal {
        journal: journal_path_for(path),
        offset: damage.offset,
        record: before + damage.intact + 1,
        message: damage.message,
    }
}

/// Damage at `offset` that is not about the bytes (what the records say).
fn damage(offset: u64, message: impl Into<String>) -> Damage {
    Damage {
        offset,
        intact: 0,
        message: message.into(),
    }
}

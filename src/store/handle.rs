//! `Store`: one open store file (or an in-memory tenant), kept fresh and changed transactionally.
//!
//! Owns the session-level protocol: open (a missing file becomes the demo tenant), refresh when
//! another process changed the file, and `transact`, which runs a read-modify-write under the
//! lock file, re-reading first if the file changed, and saves atomically before returning, so a
//! completed command is on disk and two sessions never lose each other's changes. It must not
//! decide what a change means (`change`) or how bytes reach the disk (`file`).

use std::convert::Infallible;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::change::Change;
use super::demo::demo_tenant;
use super::error::StoreError;
use super::file::{self, Fingerprint, Snapshot};
use super::lock::{self, DEFAULT_LOCK_TIMEOUT};
use super::model::Tenant;
use super::parse::parse_tenant;
use super::validate::validate;

/// One open store.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    tenant: Tenant,
    /// The file as we last read or wrote it; `None` for an in-memory store.
    seen: Option<Snapshot>,
    lock_timeout: Duration,
}

impl Store {
    /// Opens the store at `path`. A missing file is created from the demo tenant (parent
    /// directories too). A file that cannot be read as a store is an error and stays untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut store = Store {
            path: Some(path.to_path_buf()),
            tenant: Tenant::default(),
            seen: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        };
        match file::read(path)? {
            Some(snapshot) => store.load(path, snapshot)?,
            None => {
                let dir = file::parent_dir(path);
                fs::create_dir_all(&dir).map_err(|e| {
                    StoreError::io(
                        path,
                        format!("creating the directory '{}'", dir.display()),
                        e,
                    )
                })?;
                let _guard = lock::acquire(path, store.lock_timeout)?;
                store.refresh_locked(path)?;
            }
        }
        Ok(store)
    }

    /// A store without a file, for tests and scratch sessions; changes stay in memory.
    pub fn in_memory(mut tenant: Tenant) -> Store {
        if tenant.global_policy().is_none() {
            tenant.policies.insert(0, super::model::Policy::global());
        }
        Store {
            path: None,
            tenant,
            seen: None,
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        }
    }

    /// The store file, or `None` for an in-memory store.
    /// The state as last read or written, without checking the file again (callers that just
    /// called `tenant()` use this to avoid a second metadata check).
    pub fn cached(&self) -> &Tenant {
        &self.tenant
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The lock file guarding writes (`<store file>.lock`), or `None` for an in-memory store.
    pub fn lock_path(&self) -> Option<PathBuf> {
        self.path.as_deref().map(lock::lock_path_for)
    }

    /// How long `transact` waits for another session's lock before failing (default 10 s).
    pub fn set_lock_timeout(&mut self, timeout: Duration) {
        self.lock_timeout = timeout;
    }

    /// The current state. Re-reads the file first if it changed since our last read or write
    /// (a cheap metadata check; no lock needed, since saves replace the file atomically).
    pub fn tenant(&mut self) -> Result<&Tenant, StoreError> {
        if let Some(path) = self.path.clone() {
            let current = file::fingerprint(&path)?;
            let unchanged = matches!(
                (&current, &self.seen),
                (Some(now), Some(seen)) if *now == seen.fingerprint
            );
            if !unchanged {
                match file::read(&path)? {
                    Some(snapshot) => self.absorb(&path, snapshot)?,
                    None => {
                        // Deleted behind our back: like at open, a missing store is the demo.
                        let _guard = lock::acquire(&path, self.lock_timeout)?;
                        self.refresh_locked(&path)?;
                    }
                }
            }
        }
        Ok(&self.tenant)
    }

    /// Runs `f` on the freshest state under the write lock, then applies the changes it returns
    /// and saves them atomically and durably before returning. If `f` fails, or returns no
    /// changes, nothing is written. If a change is refused or the save fails, the file and this
    /// store's state are left as they were.
    pub fn transact<T, E>(
        &mut self,
        f: impl FnOnce(&Tenant) -> Result<(T, Vec<Change>), E>,
    ) -> Result<Result<T, E>, StoreError> {
        let Some(path) = self.path.clone() else {
            let (value, changes) = match f(&self.tenant) {
                Ok(done) => done,
                Err(e) => return Ok(Err(e)),
            };
            self.tenant = applied(&self.tenant, &changes)?;
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
        let next = applied(&self.tenant, &changes)?;
        let bytes = next.to_json_bytes()?;
        let fingerprint = file::write_atomic(&path, &bytes)?;
        self.remember(next, bytes, fingerprint);
        Ok(Ok(value))
    }

    /// Applies `changes` in one transaction (a shorthand for `transact` without a closure).
    pub fn commit(&mut self, changes: Vec<Change>) -> Result<(), StoreError> {
        match self.transact(|_| Ok::<_, Infallible>(((), changes)))? {
            Ok(()) => Ok(()),
            Err(never) => match never {},
        }
    }

    /// Under the lock: makes our state match the file, reading it only if its bytes differ from
    /// what we last saw; a missing file is (re)created from the demo tenant.
    fn refresh_locked(&mut self, path: &Path) -> Result<(), StoreError> {
        match file::read(path)? {
            Some(snapshot) => self.absorb(path, snapshot),
            None => {
                let demo = demo_tenant();
                let bytes = demo.to_json_bytes()?;
                let fingerprint = file::write_atomic(path, &bytes)?;
                self.remember(demo, bytes, fingerprint);
                Ok(())
            }
        }
    }

    /// Makes a freshly read snapshot our state, parsing it only if its bytes differ from what we
    /// last saw (a file replaced with the same content needs no parse).
    fn absorb(&mut self, path: &Path, snapshot: Snapshot) -> Result<(), StoreError> {
        match &mut self.seen {
            Some(seen) if seen.bytes == snapshot.bytes => {
                seen.fingerprint = snapshot.fingerprint;
                Ok(())
            }
            _ => self.load(path, snapshot),
        }
    }

    /// Parses a snapshot and makes it our state; on error our state stays as it was.
    fn load(&mut self, path: &Path, snapshot: Snapshot) -> Result<(), StoreError> {
        self.tenant = parse_tenant(&snapshot.bytes).map_err(|e| e.in_file(path))?;
        self.seen = Some(snapshot);
        Ok(())
    }

    fn remember(&mut self, tenant: Tenant, bytes: Vec<u8>, fingerprint: Fingerprint) {
        self.tenant = tenant;
        self.seen = Some(Snapshot { bytes, fingerprint });
    }
}

/// `tenant` with `changes` applied in order, checked again so a bug in a change can never write
/// a file that would be refused when read back.
fn applied(tenant: &Tenant, changes: &[Change]) -> Result<Tenant, StoreError> {
    let mut next = tenant.clone();
    for change in changes {
        next.apply(change)?;
    }
    validate(&mut next).map_err(|e| {
        StoreError::conflict(format!(
            "The changes were not saved because they would make the store invalid: {e}"
        ))
    })?;
    Ok(next)
}

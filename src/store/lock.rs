//! The lock file that serializes writers: `<store file>.lock`, beside the store.
//!
//! Owns acquiring an exclusive `std::fs::File::lock` with a bounded wait (`try_lock` plus short
//! sleeps, so a stuck session produces an error, never a hang) and releasing it on drop. It locks
//! a separate file, never the store itself: the atomic rename replaces the store's inode, so a
//! lock on it would guard a file no longer in use. Known limits (documented, not engineered
//! around): the lock is advisory, and unreliable on network file systems.
//! It must not read or write the store.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use super::error::StoreError;

/// How long a writer waits for another session before giving up.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// Holds the exclusive lock until dropped.
#[derive(Debug)]
pub(crate) struct LockGuard {
    file: File,
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first just makes it prompt.
        let _ = self.file.unlock();
    }
}

/// `store.json` → `store.json.lock`, in the same directory.
pub fn lock_path_for(store: &Path) -> PathBuf {
    let mut name = store.as_os_str().to_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the lock for `store` if it is free right now; `None` if another session holds it.
pub(crate) fn try_acquire(store: &Path) -> Result<Option<LockGuard>, StoreError> {
    let (path, file) = open(store)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(LockGuard { file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(StoreError::io(
            store,
            format!("locking the lock file '{}'", path.display()),
            e,
        )),
    }
}

/// Takes the lock for `store`, waiting at most `timeout`.
pub(crate) fn acquire(store: &Path, timeout: Duration) -> Result<LockGuard, StoreError> {
    let (path, file) = open(store)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(LockGuard { file }),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) => {
                return Err(StoreError::io(
                    store,
                    format!("locking the lock file '{}'", path.display()),
                    e,
                ));
            }
        }
        let waited = start.elapsed();
        if waited >= timeout {
            return Err(StoreError::LockTimeout {
                lock_file: path,
                waited,
            });
        }
        // Jitter keeps two waiting sessions from retrying in lockstep.
        let jitter = Duration::from_micros(fastrand::u64(0..1000));
        thread::sleep((pause + jitter).min(timeout - waited));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// Opens (creating if needed) the lock file for `store`.
fn open(store: &Path) -> Result<(PathBuf, File), StoreError> {
    let path = lock_path_for(store);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| {
            StoreError::io(
                store,
                format!("opening the lock file '{}'", path.display()),
                e,
            )
        })?;
    Ok((path, file))
}

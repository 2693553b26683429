//! A read cache for SQLite workspaces, so the web app does not read ten thousand people
//! from disk for every page.
//!
//! Whole lists (people, last contacts, wins…) are kept after the first read and handed out
//! again while the database is unchanged. "Unchanged" is asked of SQLite itself: `PRAGMA
//! data_version` on a connection of the cache's own, which never writes, changes whenever
//! any other connection commits — this process's pool as much as a `fanclub` command run
//! in another terminal. The version is read before the list, so a commit that lands while
//! the list is being read makes the entry stale at once rather than hiding the change.
//!
//! PostgreSQL (server mode, many accounts) has no such cheap signal and is not cached.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use fanclub_core::CoreResult;
use sqlx::{AnyConnection, Connection};
use tokio::sync::Mutex as AsyncMutex;

use crate::violation::DbResult;

/// Entries are few (one per list, filter and account); past this many, all are dropped.
const MAX_ENTRIES: usize = 64;

type Entry = (i64, Arc<dyn Any + Send + Sync>);

pub(crate) struct ReadCache {
    url: String,
    /// The connection that asks for `data_version`; opened on first use, and opened again
    /// (with every entry dropped, as versions of two connections do not compare) if a
    /// query on it fails.
    watcher: AsyncMutex<Option<AnyConnection>>,
    /// How many times the watcher was opened: a new connection counts its versions
    /// afresh, so the epoch goes into every version handed out.
    epoch: AtomicI64,
    /// Checks started so far, and the last one's number with its answer: a caller may
    /// take the answer of any check that started after it asked (it saw every commit
    /// made before), so callers waiting together share one check.
    started: AtomicU64,
    last: Mutex<(u64, i64)>,
    entries: Mutex<HashMap<(i64, String), Entry>>,
}

impl ReadCache {
    pub(crate) fn new(url: &str) -> ReadCache {
        ReadCache {
            url: url.to_string(),
            watcher: AsyncMutex::new(None),
            epoch: AtomicI64::new(0),
            started: AtomicU64::new(0),
            last: Mutex::new((0, 0)),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The database's version as the watcher sees it, with the watcher's epoch: two calls
    /// give the same number only if nothing was committed in between.
    pub(crate) async fn version(&self) -> CoreResult<i64> {
        let asked = self.started.load(Ordering::SeqCst);
        let epoch = |v: i64| (self.epoch.load(Ordering::SeqCst) << 32) + (v & 0xFFFF_FFFF);
        let mut watcher = self.watcher.lock().await;
        let last = *self.last_lock();
        if last.0 > asked {
            return Ok(last.1);
        }
        let check = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(conn) = watcher.as_mut() {
            match sqlx::query_scalar::<_, i64>("PRAGMA data_version")
                .fetch_one(&mut *conn)
                .await
            {
                Ok(v) => {
                    let version = epoch(v);
                    *self.last_lock() = (check, version);
                    return Ok(version);
                }
                Err(_) => *watcher = None,
            }
        }
        self.forget();
        let mut conn = AnyConnection::connect(&self.url).await.db()?;
        let v = sqlx::query_scalar::<_, i64>("PRAGMA data_version")
            .fetch_one(&mut conn)
            .await
            .db()?;
        *watcher = Some(conn);
        self.epoch.fetch_add(1, Ordering::SeqCst);
        let version = epoch(v);
        *self.last_lock() = (check, version);
        Ok(version)
    }

    fn last_lock(&self) -> std::sync::MutexGuard<'_, (u64, i64)> {
        self.last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Drop every entry.
    pub(crate) fn forget(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(i64, String), Entry>> {
        // A panic while holding the lock cannot leave the map half-updated (each change
        // is one insert or clear), so a poisoned lock is still safe to use.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The value under `key` for `account` if the database has not changed since it was
    /// read; otherwise `load` it and keep it.
    pub(crate) async fn get_or_load<T, F, Fut>(
        &self,
        account: i64,
        key: String,
        load: F,
    ) -> CoreResult<T>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = CoreResult<T>>,
    {
        let version = self.version().await?;
        let slot = (account, key);
        if let Some((v, value)) = self.lock().get(&slot)
            && *v == version
            && let Some(hit) = value.downcast_ref::<T>()
        {
            return Ok(hit.clone());
        }
        let value = load().await?;
        let mut entries = self.lock();
        // Entries of older versions can never be served again.
        entries.retain(|_, (v, _)| *v == version);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(slot, (version, Arc::new(value.clone())));
        Ok(value)
    }
}

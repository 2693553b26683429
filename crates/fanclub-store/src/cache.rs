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
    entries: Mutex<HashMap<(i64, String), Entry>>,
}

impl ReadCache {
    pub(crate) fn new(url: &str) -> ReadCache {
        ReadCache {
            url: url.to_string(),
            watcher: AsyncMutex::new(None),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The database's version as the watcher sees it.
    async fn version(&self) -> CoreResult<i64> {
        let mut watcher = self.watcher.lock().await;
        if let Some(conn) = watcher.as_mut() {
            match sqlx::query_scalar::<_, i64>("PRAGMA data_version")
                .fetch_one(&mut *conn)
                .await
            {
                Ok(v) => return Ok(v),
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
        Ok(v)
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

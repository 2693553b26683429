//! fanclub's `Store` on sqlx: one code path (`AnyPool`, runtime queries with `$n`
//! placeholders) for SQLite and PostgreSQL, with per-backend migrations chosen by the URL.
//!
//! A `SqlStore` is scoped to one account: every query filters by it, and every reference
//! between records is a composite foreign key `(account_id, id)`, so a record can only point
//! at a record of its own account.

mod bulk;
mod cache;
mod change_log;
mod connections;
mod deletion;
mod documents;
mod error;
mod feed;
mod imports;
mod interactions;
mod merge;
mod people;
mod records;
mod rooms;
mod rows;
mod search;
mod sql;
mod store;
mod violation;
mod wins;
mod workspace;
mod workspace_import;

use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use fanclub_core::CoreResult;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Connection, Executor};

use cache::ReadCache;
pub(crate) use change_log::{Changed, Reads, ids};
pub use error::StoreError;
use error::redact;
use violation::DbResult;

/// The local member's account, created by the first migration.
const LOCAL_ACCOUNT: i64 = 1;

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a URL names, by its scheme.
    fn of_url(url: &str) -> Option<Backend> {
        let lower = url.trim_start().to_ascii_lowercase();
        if lower.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// The one `Store` implementation: a connection pool and the account it is scoped to.
/// Cloning is cheap (the pool is shared).
#[derive(Clone)]
pub struct SqlStore {
    pool: AnyPool,
    account: i64,
    backend: Backend,
    /// Whole lists kept while the database is unchanged (SQLite only, see `cache.rs`).
    cache: Option<Arc<ReadCache>>,
}

// By hand: the pool's options hold the URL, whose password must never be printed.
impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlStore")
            .field("backend", &self.backend)
            .field("account", &self.account)
            .finish_non_exhaustive()
    }
}

impl SqlStore {
    /// Connects (`sqlite:` or `postgres://` / `postgresql://`), creates the SQLite file if
    /// missing, runs the migrations, scoped to the local account (id 1).
    #[tracing::instrument(skip_all, fields(url = %redact(url)))]
    pub async fn open(url: &str) -> Result<SqlStore, StoreError> {
        let backend = Backend::of_url(url)
            .ok_or_else(|| StoreError::UnsupportedScheme { url: redact(url) })?;
        sqlx::any::install_default_drivers();
        // One plain connection first: the pool retries a refused connection until its
        // timeout and then reports only "timed out", where this names the real reason.
        let probe = sqlx::AnyConnection::connect(url)
            .await
            .map_err(|e| StoreError::connect(url, &e))?;
        probe.close().await.ok();
        let pool = match backend {
            Backend::Sqlite => sqlite_pool(url).await,
            Backend::Postgres => AnyPoolOptions::new()
                .max_connections(10)
                .acquire_timeout(Duration::from_secs(30))
                .connect(url)
                .await
                .map_err(|e| StoreError::connect(url, &e)),
        }?;
        let migrated = match backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&pool).await,
            Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&pool).await,
        };
        if let Err(e) = migrated {
            pool.close().await;
            return Err(StoreError::migrate(url, &e));
        }
        let cache = (backend == Backend::Sqlite).then(|| Arc::new(ReadCache::new(url)));
        Ok(SqlStore {
            pool,
            account: LOCAL_ACCOUNT,
            backend,
            cache,
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The account this store reads and writes.
    pub fn account(&self) -> i64 {
        self.account
    }

    /// The same database, scoped to another account.
    pub fn for_account(&self, account: i64) -> SqlStore {
        SqlStore {
            account,
            ..self.clone()
        }
    }

    /// Add an account (server mode) and return its id.
    #[tracing::instrument(skip_all)]
    pub async fn create_account(&self, name: &str) -> CoreResult<i64> {
        let created_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO accounts (name, created_at) VALUES ($1, $2) RETURNING id",
        )
        .bind(name)
        .bind(created_at)
        .fetch_one(&self.pool)
        .await
        .db()
    }

    /// Close every connection of the pool (shared by all clones) and, on SQLite, the
    /// cache's watcher: the last one to close writes the WAL into the database file.
    pub async fn close(&self) {
        self.pool.close().await;
        if let Some(cache) = &self.cache {
            cache.close().await;
        }
    }

    /// `load`, or the list it returned before if nothing it `reads` changed since.
    /// `key` names the list and any filter it was read with.
    pub(crate) async fn cached<T, F, Fut>(
        &self,
        key: impl Into<String>,
        reads: Reads,
        load: F,
    ) -> CoreResult<T>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = CoreResult<T>>,
    {
        self.cached_rows(
            key,
            Reads {
                rows_of: None,
                ..reads
            },
            |_| load(),
        )
        .await
    }

    /// As `cached`, for a list whose `load` can take the list as kept and the ids of
    /// the records of `reads.rows_of` that changed, and put those in place.
    pub(crate) async fn cached_rows<T, F, Fut>(
        &self,
        key: impl Into<String>,
        reads: Reads,
        load: F,
    ) -> CoreResult<T>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce(Option<(T, Vec<Changed>)>) -> Fut,
        Fut: Future<Output = CoreResult<T>>,
    {
        Ok(Arc::unwrap_or_clone(
            self.shared_rows(key, reads, load).await?,
        ))
    }

    /// As `cached_rows`, sharing the list with the cache instead of copying it.
    pub(crate) async fn shared_rows<T, F, Fut>(
        &self,
        key: impl Into<String>,
        reads: Reads,
        load: F,
    ) -> CoreResult<Arc<T>>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce(Option<(T, Vec<Changed>)>) -> Fut,
        Fut: Future<Output = CoreResult<T>>,
    {
        match &self.cache {
            Some(cache) => {
                cache
                    .get_or_load(self.account, key.into(), reads, load)
                    .await
            }
            None => Ok(Arc::new(load(None).await?)),
        }
    }

    pub(crate) fn read_cache(&self) -> Option<&ReadCache> {
        self.cache.as_deref()
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Start a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a deferred transaction that reads and then writes can fail with
    /// SQLITE_BUSY when another writer got in between, whatever the busy timeout.
    pub(crate) async fn begin(&self) -> CoreResult<sqlx::Transaction<'static, sqlx::Any>> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await.db(),
            Backend::Postgres => self.pool.begin().await.db(),
        }
    }
}

/// The SQLite pool: WAL (readers do not block the writer), foreign keys enforced and a
/// busy timeout, set on every connection because SQLite keeps them per connection.
async fn sqlite_pool(url: &str) -> Result<AnyPool, StoreError> {
    AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("PRAGMA busy_timeout = 10000").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                conn.execute("PRAGMA journal_mode = WAL").await?;
                // Safe with WAL: a power cut may lose the last commits, never corrupt.
                conn.execute("PRAGMA synchronous = NORMAL").await?;
                Ok(())
            })
        })
        .connect(url)
        .await
        .map_err(|e| StoreError::connect(url, &e))
}

/// A `sqlite:` URL for a file path, created if missing (`mode=rwc`). The path is made
/// absolute and percent-encoded, so spaces, `?`, `#` and `%` in it survive.
pub fn sqlite_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("sqlite://");
    if !absolute.is_absolute() {
        // `sqlite://name` would read `name` as a host: use the `sqlite:name` form.
        out = String::from("sqlite:");
    }
    for &b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("?mode=rwc");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_are_absolute_and_encoded() {
        let url = sqlite_url(Path::new("/tmp/my data/fan#club?.db"));
        assert_eq!(url, "sqlite:///tmp/my%20data/fan%23club%3F.db?mode=rwc");
        let relative = sqlite_url(Path::new("fanclub.db"));
        assert!(relative.starts_with("sqlite:///"), "{relative}");
        assert!(relative.ends_with("/fanclub.db?mode=rwc"), "{relative}");
    }

    #[test]
    fn backends_by_scheme() {
        assert_eq!(Backend::of_url("sqlite:///x.db"), Some(Backend::Sqlite));
        assert_eq!(Backend::of_url("SQLITE:x.db"), Some(Backend::Sqlite));
        assert_eq!(
            Backend::of_url("postgres://u@h/db"),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db"),
            Some(Backend::Postgres)
        );
        assert_eq!(Backend::of_url("mysql://u@h/db"), None);
    }
}

//! Test support: a fresh, empty store per test, on SQLite always and on PostgreSQL when
//! `TEST_DATABASE_URL` names a server (each test gets its own database on it).
//!
//! With `FANCLUB_TEST_REQUIRE_POSTGRES` set (the test script sets it), a missing or
//! unreachable PostgreSQL fails the test instead of skipping it.

use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use fanclub_store::{SqlStore, sqlite_url};
use sqlx::{AssertSqlSafe, Connection, PgConnection};
use tempfile::TempDir;

/// The server tests may create databases on: `postgres://user@host:port/maintenance-db`.
pub const DATABASE_ENV: &str = "TEST_DATABASE_URL";
/// When set, PostgreSQL is required: tests fail rather than skip it.
pub const REQUIRE_POSTGRES_ENV: &str = "FANCLUB_TEST_REQUIRE_POSTGRES";

/// A store on a database of its own, deleted with it. Reads like the `SqlStore` it holds.
pub struct TestStore {
    store: SqlStore,
    url: String,
    /// Keeps the SQLite file's directory alive as long as the store.
    _dir: Option<TempDir>,
    postgres: Option<ScratchDatabase>,
}

/// A database created for one test on the `TEST_DATABASE_URL` server.
struct ScratchDatabase {
    admin_url: String,
    name: String,
}

impl Deref for TestStore {
    type Target = SqlStore;
    fn deref(&self) -> &SqlStore {
        &self.store
    }
}

impl TestStore {
    /// The URL the store was opened with.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Close the store's connections and delete its database now.
    pub async fn cleanup(mut self) {
        self.store.close().await;
        if let Some(db) = self.postgres.take() {
            drop_database(&db).await;
        }
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        // Without an explicit cleanup: drop the database from a thread of its own, since
        // Drop cannot wait on the test's runtime. `WITH (FORCE)` closes the pool's
        // connections on the server side.
        if let Some(db) = self.postgres.take() {
            let dropped = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(runtime) = runtime {
                    runtime.block_on(drop_database(&db));
                }
            })
            .join();
            if dropped.is_err() {
                eprintln!("testkit: could not drop a scratch database; the throwaway server will");
            }
        }
    }
}

/// A fresh SQLite store in a temporary directory.
pub async fn sqlite_store() -> TestStore {
    let dir = tempfile::Builder::new()
        .prefix("fanclub-test-")
        .tempdir()
        .expect("testkit: cannot create a temporary directory");
    let url = sqlite_url(&dir.path().join("fanclub.db"));
    let store = SqlStore::open(&url)
        .await
        .unwrap_or_else(|e| panic!("testkit: cannot open a SQLite store: {e}"));
    TestStore {
        store,
        url,
        _dir: Some(dir),
        postgres: None,
    }
}

/// A fresh PostgreSQL store in a new database on the `TEST_DATABASE_URL` server, or
/// `None` when that variable is not set (a failure when PostgreSQL is required).
pub async fn postgres_store() -> Option<TestStore> {
    let admin_url = match std::env::var(DATABASE_ENV) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => {
            if postgres_required() {
                panic!("testkit: {REQUIRE_POSTGRES_ENV} is set but {DATABASE_ENV} is not");
            }
            return None;
        }
    };
    let name = scratch_name();
    let mut admin = PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("testkit: cannot connect to {DATABASE_ENV}: {e}"));
    // The name is ours (letters, digits, underscores): safe to write into the statement.
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("testkit: cannot create database {name}: {e}"));
    admin.close().await.ok();
    let db = ScratchDatabase { admin_url, name };
    let url = with_database(&db.admin_url, &db.name);
    let store = match SqlStore::open(&url).await {
        Ok(store) => store,
        Err(e) => {
            drop_database(&db).await;
            panic!("testkit: cannot open a PostgreSQL store: {e}");
        }
    };
    Some(TestStore {
        store,
        url,
        _dir: None,
        postgres: Some(db),
    })
}

/// SQLite always, then PostgreSQL when configured; each named (`sqlite`, `postgres`).
pub async fn every_backend() -> Vec<(&'static str, TestStore)> {
    let mut stores = vec![("sqlite", sqlite_store().await)];
    if let Some(pg) = postgres_store().await {
        stores.push(("postgres", pg));
    }
    stores
}

/// Is PostgreSQL configured for this test run?
pub fn postgres_configured() -> bool {
    std::env::var(DATABASE_ENV).is_ok_and(|v| !v.trim().is_empty())
}

fn postgres_required() -> bool {
    std::env::var(REQUIRE_POSTGRES_ENV).is_ok_and(|v| !v.trim().is_empty() && v != "0")
}

/// A database name no other test (or test process) uses.
fn scratch_name() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(
        "fanclub_t_{:x}_{:x}_{n}",
        std::process::id(),
        nanos & 0xffff_ffff_ffff
    )
}

/// The server URL with its database replaced by `name` (query parameters kept).
fn with_database(url: &str, name: &str) -> String {
    let authority = url.find("://").map_or(0, |i| i + 3);
    let path = url[authority..]
        .find('/')
        .map_or(url.len(), |i| authority + i);
    let rest = url[path..].find('?').map_or(url.len(), |i| path + i);
    format!("{}/{name}{}", &url[..path], &url[rest..])
}

async fn drop_database(db: &ScratchDatabase) {
    if let Ok(mut admin) = PgConnection::connect(&db.admin_url).await {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", db.name);
        if let Err(e) = sqlx::query(AssertSqlSafe(sql)).execute(&mut admin).await {
            eprintln!("testkit: cannot drop database {}: {e}", db.name);
        }
        admin.close().await.ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_swapped_in_the_url() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
            "postgres://u:p@h/t2?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:5432", "t3"),
            "postgres://u@h:5432/t3"
        );
        assert!(
            scratch_name()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        );
    }

    #[tokio::test]
    async fn a_sqlite_store_lives_in_a_directory_that_goes_with_it() {
        let store = sqlite_store().await;
        let dir = store._dir.as_ref().unwrap().path().to_path_buf();
        assert!(dir.join("fanclub.db").exists());
        assert!(store.url().starts_with("sqlite://"));
        drop(store);
        assert!(!dir.exists());
    }

    async fn exists(admin_url: &str, name: &str) -> bool {
        let mut admin = PgConnection::connect(admin_url).await.unwrap();
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
            .bind(name)
            .fetch_one(&mut admin)
            .await
            .unwrap();
        n == 1
    }

    #[tokio::test]
    async fn a_postgres_store_takes_its_database_with_it() {
        for explicit in [true, false] {
            let Some(store) = postgres_store().await else {
                return;
            };
            let db = store.postgres.as_ref().unwrap();
            let (admin, name) = (db.admin_url.clone(), db.name.clone());
            assert!(exists(&admin, &name).await);
            if explicit {
                store.cleanup().await;
            } else {
                drop(store);
            }
            assert!(
                !exists(&admin, &name).await,
                "{name} is gone (explicit cleanup: {explicit})"
            );
        }
    }
}

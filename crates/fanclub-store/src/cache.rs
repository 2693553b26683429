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
//! Asking costs a round trip through the driver's worker thread, so most of the time it
//! is not asked: SQLite in WAL mode keeps, at the start of the database's `-shm` file, the
//! header of its write-ahead-log index, which every commit rewrites (the number of the
//! last valid frame grows, or the log restarts with new salt values). A 96-byte read of
//! that file says whether anything was committed since the last check; only when it was
//! is `data_version` asked again. The header is written twice, the second copy first,
//! and a read whose two copies differ caught a commit mid-way and asks SQLite. The layout
//! is SQLite's, shared by every process that opens the database
//! (<https://www.sqlite.org/walformat.html>); when the file is missing or not in WAL
//! mode, every check asks `data_version`. A `-shm` file opened here is never closed while
//! the process runs: closing a descriptor would drop SQLite's own locks on the file.
//!
//! A change does not throw every list away. Triggers on every table write a change log
//! (migration `0005_change_log.sql`): the kind of record each commit touched and its id.
//! When the version moves, the cache reads the log rows it has not seen, and a list is read
//! again only if a kind it is read from changed; those that know how (people, last
//! contacts, open follow-ups, the counts) re-read only the records that changed and put
//! them in place.
//! A commit the log does not explain (a version change with no new rows, or rows missing
//! because the log was pruned past the cache) counts as a change to everything.
//!
//! PostgreSQL (server mode, many accounts) has no such cheap signal and is not cached.

use std::any::Any;
use std::collections::HashMap;
use std::fs::File;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use fanclub_core::CoreResult;
use fanclub_core::sync::lock;
use sqlx::{AnyConnection, Connection};
use tokio::sync::Mutex as AsyncMutex;

use crate::change_log::{Changed, EVERYTHING, Log, Reads, Since};
use crate::violation::DbResult;

/// Entries are few (one per list, filter and account); past this many, all are dropped.
const MAX_ENTRIES: usize = 64;

/// The two copies of the WAL-index header at the start of the `-shm` file.
const SHM_HEADER: usize = 96;

/// A kept list: the number of the last change it reflects, and the list.
struct Entry {
    n: u64,
    value: Arc<dyn Any + Send + Sync>,
}

/// The last check: its number, the version it answered, and the WAL-index header read
/// just before it (when there is one to read).
#[derive(Clone, Copy)]
struct Checked {
    number: u64,
    version: i64,
    header: Option<[u8; SHM_HEADER / 2]>,
}

pub(crate) struct ReadCache {
    url: String,
    /// The connection that asks for `data_version`; opened on first use, and opened again
    /// (with every entry dropped, as versions of two connections do not compare) if a
    /// query on it fails.
    watcher: AsyncMutex<Option<AnyConnection>>,
    /// The path of the watcher's database's `-shm` file, and the file (see `shm_file`).
    /// While the watcher is open the file stays in place: SQLite removes it only when the
    /// last connection to the database closes.
    shm: Mutex<Option<(PathBuf, Arc<File>)>>,
    /// How many times the watcher was opened: a new connection counts its versions
    /// afresh, so the epoch goes into every version handed out.
    epoch: AtomicI64,
    /// Checks started so far, and the last one: a caller may take the answer of any
    /// check that started after it asked (it saw every commit made before), so callers
    /// waiting together share one check.
    started: AtomicU64,
    last: Mutex<Checked>,
    log: Mutex<Log>,
    entries: Mutex<HashMap<(i64, String), Entry>>,
}

/// The WAL-index header, when the file holds a complete one (both copies alike and
/// initialised): any commit since it was read changes it.
fn wal_header(shm: &File) -> Option<[u8; SHM_HEADER / 2]> {
    let mut both = [0_u8; SHM_HEADER];
    read_start(shm, &mut both)?;
    let (first, second) = both.split_at(SHM_HEADER / 2);
    // Byte 12 is `isInit`: zero until a connection has built the index.
    (first == second && first[12] != 0).then(|| first.try_into().ok())?
}

/// Fill `buf` from the start of `file`, without moving a shared cursor.
#[cfg(unix)]
fn read_start(file: &File, buf: &mut [u8]) -> Option<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, 0).ok()
}

#[cfg(windows)]
fn read_start(file: &File, buf: &mut [u8]) -> Option<()> {
    let n = std::os::windows::fs::FileExt::seek_read(file, buf, 0).ok()?;
    (n == buf.len()).then_some(())
}

#[cfg(not(any(unix, windows)))]
fn read_start(_: &File, _: &mut [u8]) -> Option<()> {
    None
}

/// The `-shm` file of the database `conn` has open, if it is a file in WAL mode.
async fn open_shm(conn: &mut AnyConnection) -> Option<(PathBuf, Arc<File>)> {
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .ok()?;
    let file: String =
        sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .fetch_one(&mut *conn)
            .await
            .ok()?;
    if !mode.eq_ignore_ascii_case("wal") || file.is_empty() {
        return None;
    }
    let path = PathBuf::from(format!("{file}-shm"));
    let opened = kept_shm_file(&path)?;
    Some((path, opened))
}

/// Every `-shm` file this process opened to read a header, by path. None is ever closed
/// while the process runs: closing any descriptor of a file drops every POSIX lock the
/// process holds on that file, SQLite's own WAL locks included (sqlite.org/howtocorrupt,
/// 2.2). There is one per database file the process watches, and one more each time such
/// a file was removed and created again.
static SHM_FILES: Mutex<Vec<(PathBuf, Arc<File>)>> = Mutex::new(Vec::new());

/// The open `-shm` file at `path`: the one opened before if it still is the file at that
/// path, else a new one (kept beside the old, never closed).
fn kept_shm_file(path: &Path) -> Option<Arc<File>> {
    let mut files = lock(&SHM_FILES);
    let now = std::fs::metadata(path).ok()?;
    if let Some((_, file)) = files.iter().rev().find(|(p, _)| p == path)
        && file.metadata().is_ok_and(|m| same_file(&m, &now))
    {
        return Some(file.clone());
    }
    let file = Arc::new(File::open(path).ok()?);
    files.push((path.to_path_buf(), file.clone()));
    Some(file)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Elsewhere a file cannot be told from one created again at the same path: never the
/// same, so the header is not read from a file SQLite no longer uses.
#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

impl ReadCache {
    /// Close the watcher, after the pool: the last connection to close checkpoints the
    /// WAL into the database file and removes it, so that the file alone holds every
    /// commit (a copy of it is a whole backup). The `-shm` file itself stays open in
    /// `SHM_FILES`, as always.
    pub(crate) async fn close(&self) {
        let watcher = self.watcher.lock().await.take();
        if let Some(conn) = watcher {
            // Nothing to do when it fails: the next opening recovers the WAL.
            let _ = conn.close().await;
        }
        self.forget();
        *lock(&self.shm) = None;
    }

    pub(crate) fn new(url: &str) -> ReadCache {
        ReadCache {
            url: url.to_string(),
            watcher: AsyncMutex::new(None),
            shm: Mutex::new(None),
            epoch: AtomicI64::new(0),
            started: AtomicU64::new(0),
            last: Mutex::new(Checked {
                number: 0,
                version: 0,
                header: None,
            }),
            log: Mutex::new(Log::default()),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The database's version as the watcher sees it, with the watcher's epoch: two calls
    /// give the same number only if nothing was committed in between.
    pub(crate) async fn version(&self) -> CoreResult<i64> {
        if let Some(version) = self.unchanged() {
            return Ok(version);
        }
        let asked = self.started.load(Ordering::SeqCst);
        let epoch = |v: i64| (self.epoch.load(Ordering::SeqCst) << 32) + (v & 0xFFFF_FFFF);
        let mut watcher = self.watcher.lock().await;
        let last = *lock(&self.last);
        if last.number > asked {
            return Ok(last.version);
        }
        let check = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(conn) = watcher.as_mut() {
            // The header first: a commit between the two reads changes the header, so
            // the pair can only under-promise.
            let header = self.current_shm().and_then(|f| wal_header(&f));
            let read = match sqlx::query_scalar::<_, i64>("PRAGMA data_version")
                .fetch_one(&mut *conn)
                .await
            {
                // The log after the version: a commit in between is then learned now
                // and seen again as a change with nothing new (safe, as everything).
                Ok(v) if epoch(v) != last.version => self.learn(conn).await.map(|()| epoch(v)),
                Ok(v) => Ok(epoch(v)),
                Err(e) => Err(e),
            };
            match read {
                Ok(version) => {
                    *lock(&self.last) = Checked {
                        number: check,
                        version,
                        header,
                    };
                    return Ok(version);
                }
                Err(_) => *watcher = None,
            }
        }
        self.forget();
        *lock(&self.shm) = None;
        let mut conn = AnyConnection::connect(&self.url).await.db()?;
        let v = sqlx::query_scalar::<_, i64>("PRAGMA data_version")
            .fetch_one(&mut conn)
            .await
            .db()?;
        // A new watcher starts from the log's end, and everything read before is stale.
        let seq = sqlx::query_scalar::<_, i64>("SELECT coalesce(max(seq), 0) FROM change_log")
            .fetch_one(&mut conn)
            .await
            .db()?;
        {
            let mut log = lock(&self.log);
            log.seq = seq;
            log.push(EVERYTHING, None, b'U');
        }
        let shm = open_shm(&mut conn).await;
        *watcher = Some(conn);
        self.epoch.fetch_add(1, Ordering::SeqCst);
        let version = epoch(v);
        // No header with this answer: the next call asks again, and records one.
        *lock(&self.last) = Checked {
            number: check,
            version,
            header: None,
        };
        *lock(&self.shm) = shm;
        Ok(version)
    }

    /// Read the change-log rows not seen yet. No new row (a commit the log does not
    /// name) or a gap before them (rows pruned before they were read) is a change to
    /// everything.
    async fn learn(&self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        let from = lock(&self.log).seq;
        let rows: Vec<(i64, String, Option<i64>, String)> = sqlx::query_as(
            "SELECT seq, kind, row_id, op FROM change_log WHERE seq > $1 ORDER BY seq",
        )
        .bind(from)
        .fetch_all(&mut *conn)
        .await?;
        let mut log = lock(&self.log);
        if rows.first().is_none_or(|(first, ..)| *first != from + 1) {
            log.push(EVERYTHING, None, b'U');
        }
        for (seq, kind, id, op) in rows {
            log.push(&kind, id, op.bytes().next().unwrap_or(b'U'));
            log.seq = seq;
        }
        Ok(())
    }

    /// The last check's version, when the WAL-index header shows no commit since.
    fn unchanged(&self) -> Option<i64> {
        let shm = self.shm_file()?;
        let now = wal_header(&shm)?;
        let last = *lock(&self.last);
        (last.header == Some(now)).then_some(last.version)
    }

    /// How many times `data_version` was asked (for tests of the shared-memory check).
    #[cfg(test)]
    pub(crate) fn checks(&self) -> u64 {
        self.started.load(Ordering::SeqCst)
    }

    /// The kept `-shm` file, as it was at the last check.
    fn shm_file(&self) -> Option<Arc<File>> {
        lock(&self.shm).as_ref().map(|(_, f)| f.clone())
    }

    /// The `-shm` file at the kept path now, kept for the next reads: a check records
    /// the header of the file SQLite uses, even if it was removed and created again.
    fn current_shm(&self) -> Option<Arc<File>> {
        let mut kept = lock(&self.shm);
        let (path, file) = kept.as_mut()?;
        *file = kept_shm_file(path)?;
        Some(file.clone())
    }

    /// Drop every entry.
    pub(crate) fn forget(&self) {
        lock(&self.entries).clear();
    }

    /// The value under `key` for `account`, as kept if nothing it `reads` changed since;
    /// otherwise `load` it. `load` gets the kept value and the changed records when only
    /// records of `reads.rows_of` changed, to put them in place; `None` asks for a whole
    /// read. The value is shared with the cache: no copy is made.
    pub(crate) async fn get_or_load<T, F, Fut>(
        &self,
        account: i64,
        key: String,
        reads: Reads,
        load: F,
    ) -> CoreResult<Arc<T>>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce(Option<(T, Vec<Changed>)>) -> Fut,
        Fut: Future<Output = CoreResult<T>>,
    {
        self.version().await?;
        let slot = (account, key);
        let (now, kept) = {
            let log = lock(&self.log);
            let mut entries = lock(&self.entries);
            let since = match entries.get(&slot) {
                Some(entry) if entry.value.is::<T>() => log.since(entry.n, reads),
                _ => Since::Everything,
            };
            let kept = match since {
                Since::Nothing => {
                    if let Some(entry) = entries.get_mut(&slot) {
                        entry.n = log.n;
                        if let Ok(hit) = entry.value.clone().downcast::<T>() {
                            return Ok(hit);
                        }
                    }
                    None
                }
                Since::Rows(ids) => entries
                    .remove(&slot)
                    .and_then(|entry| entry.value.downcast::<T>().ok())
                    .map(|value| (value, ids)),
                Since::Everything => None,
            };
            (log.n, kept)
        };
        // Patched in place when no reader holds the list any more, else on a copy.
        let kept = kept.map(|(value, ids)| (Arc::unwrap_or_clone(value), ids));
        let value = Arc::new(load(kept).await?);
        let mut entries = lock(&self.entries);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        // Numbered as of before the read: a change made while it ran is applied again
        // next time, which re-reads what may already be current.
        entries.insert(
            slot,
            Entry {
                n: now,
                value: value.clone(),
            },
        );
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use sqlx::{AnyConnection, Connection, Executor};

    use super::{ReadCache, SHM_HEADER, kept_shm_file, wal_header};

    async fn wal_database(dir: &std::path::Path) -> (String, AnyConnection) {
        sqlx::any::install_default_drivers();
        let url = crate::sqlite_url(&dir.join("w.db"));
        let mut writer = AnyConnection::connect(&url).await.unwrap();
        writer.execute("PRAGMA journal_mode = WAL").await.unwrap();
        writer
            .execute("CREATE TABLE t (n INTEGER NOT NULL)")
            .await
            .unwrap();
        // The log the migrations create, without triggers: every commit is unexplained.
        writer
            .execute(
                "CREATE TABLE change_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, \
                 kind TEXT NOT NULL, row_id BIGINT, op TEXT NOT NULL)",
            )
            .await
            .unwrap();
        (url, writer)
    }

    #[tokio::test]
    async fn the_wal_header_answers_until_a_commit_and_every_commit_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let (url, mut writer) = wal_database(dir.path()).await;
        let cache = ReadCache::new(&url);

        // The watcher's first answer has no header yet; the second records one.
        let v = cache.version().await.unwrap();
        assert_eq!(cache.version().await.unwrap(), v);
        let asked = cache.checks();
        for _ in 0..100 {
            assert_eq!(cache.version().await.unwrap(), v);
        }
        assert_eq!(cache.checks(), asked, "unchanged: answered from the header");

        let mut seen = v;
        for n in 0..50 {
            sqlx::query("INSERT INTO t (n) VALUES ($1)")
                .bind(n)
                .execute(&mut writer)
                .await
                .unwrap();
            let now = cache.version().await.unwrap();
            assert_ne!(now, seen, "commit {n} is seen at once");
            seen = now;
        }
        // A checkpoint that restarts the log is a change of header, not of data.
        writer
            .execute("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .unwrap();
        sqlx::query("INSERT INTO t (n) VALUES (1)")
            .execute(&mut writer)
            .await
            .unwrap();
        assert_ne!(cache.version().await.unwrap(), seen);
    }

    #[test]
    fn a_header_caught_mid_write_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x-shm");
        let mut header = [7_u8; SHM_HEADER];
        std::fs::write(&path, header).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        assert!(wal_header(&file).is_some());
        header[60] = 8; // the second copy differs: a commit is writing it
        std::fs::write(&path, header).unwrap();
        assert!(wal_header(&file).is_none());
        header[60] = 7;
        header[12] = 0; // not initialised
        header[60] = 0;
        std::fs::write(&path, header).unwrap();
        assert!(wal_header(&file).is_none());
        std::fs::write(&path, [7_u8; 10]).unwrap(); // too short
        assert!(wal_header(&file).is_none());
    }

    #[test]
    fn a_shm_file_created_again_is_opened_again_and_the_first_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("again-shm");
        std::fs::write(&path, [1_u8; SHM_HEADER]).unwrap();
        let first = kept_shm_file(&path).unwrap();
        assert!(std::sync::Arc::ptr_eq(
            &first,
            &kept_shm_file(&path).unwrap()
        ));
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, [2_u8; SHM_HEADER]).unwrap();
        let second = kept_shm_file(&path).unwrap();
        assert!(!std::sync::Arc::ptr_eq(&first, &second));
        assert_eq!(wal_header(&second).unwrap()[0], 2);
        // The old descriptor is still open (the registry holds it), on the old file.
        assert!(std::sync::Arc::strong_count(&first) >= 2);
        assert_eq!(wal_header(&first).unwrap()[0], 1);
    }
}

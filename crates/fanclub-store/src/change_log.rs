//! The change log (SQLite, migration `0005_change_log.sql`): its triggers set aside for a
//! bulk write, and what a reader learned from it (`Log`, read by the cache in `cache.rs`).
//!
//! A row per record changed is what lets the read cache re-read only what
//! changed; an import or a restore changes everything, and a row per record would only
//! slow it down. So a bulk writer drops the triggers inside its transaction, writes one
//! row saying everything changed, and creates them again before it commits: no other
//! connection ever sees them missing, and a failed write rolls the whole back.

use std::collections::{HashMap, VecDeque};

use fanclub_core::CoreResult;
use sqlx::{AnyConnection, AssertSqlSafe, Executor};

use crate::violation::DbResult;

/// The triggers set aside, to be created again by `restore`.
#[must_use = "the change log stays off until restored"]
pub(crate) struct Muted {
    triggers: Vec<String>,
}

/// Drop the change log's per-table triggers (not its pruning) on the `tables` a bulk
/// write fills (`None`: every table), on `conn`, which must be in the bulk write's
/// transaction. Each dropped trigger costs a schema change twice, so an import sets aside
/// only those it would fire by the thousand; a table left out still logs its rows,
/// which is only slower. Nothing to do on PostgreSQL, which has no log.
pub(crate) async fn mute(conn: &mut AnyConnection, tables: Option<&[&str]>) -> CoreResult<Muted> {
    if conn.backend_name() != "SQLite" {
        return Ok(Muted {
            triggers: Vec::new(),
        });
    }
    let mut triggers: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger' \
         AND name LIKE 'change\\_log\\_%' ESCAPE '\\' AND tbl_name <> 'change_log' \
         ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
    .db()?;
    if let Some(tables) = tables {
        triggers.retain(|(_, _, table)| tables.contains(&table.as_str()));
    }
    for (name, _, _) in &triggers {
        // The names come from sqlite_master and match the pattern above: quoted anyway.
        let drop = format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\""));
        conn.execute(AssertSqlSafe(drop)).await.db()?;
    }
    Ok(Muted {
        triggers: triggers.into_iter().map(|(_, sql, _)| sql).collect(),
    })
}

impl Muted {
    /// Create the triggers again and log that everything changed, in the same
    /// transaction as the bulk write.
    pub(crate) async fn restore(self, conn: &mut AnyConnection) -> CoreResult<()> {
        if conn.backend_name() != "SQLite" {
            return Ok(());
        }
        for sql in self.triggers {
            conn.execute(AssertSqlSafe(sql)).await.db()?;
        }
        conn.execute("INSERT INTO change_log (kind, row_id, op) VALUES ('*', NULL, 'U')")
            .await
            .db()?;
        Ok(())
    }
}

// What a reader learned from the log: the changes since it last looked, and for each kept
// list what of it they made stale.

/// Changes kept in memory; an entry older than all of them is read again whole.
const MAX_CHANGES: usize = 8192;

/// Past this many changed records, a list is read again whole rather than patched.
const MAX_PATCH: usize = 256;

/// The change-log kind that stands for every kind.
pub(crate) const EVERYTHING: &str = "*";

/// What a list is read from: the change-log kinds whose changes make it stale, and the
/// one kind (if any) whose changed records its loader can re-read alone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reads {
    pub(crate) kinds: &'static [&'static str],
    pub(crate) rows_of: Option<&'static str>,
}

impl Reads {
    /// Read from these kinds, again whole after any change to one of them.
    pub(crate) const fn kinds(kinds: &'static [&'static str]) -> Reads {
        Reads {
            kinds,
            rows_of: None,
        }
    }

    /// Read from one kind, whose changed records the loader re-reads alone.
    pub(crate) const fn rows(kinds: &'static [&'static str], rows_of: &'static str) -> Reads {
        Reads {
            kinds,
            rows_of: Some(rows_of),
        }
    }
}

/// One change learned from the log, numbered in the order the cache learned them.
struct Change {
    n: u64,
    kind: Box<str>,
    id: Option<i64>,
    /// The log's `op`: 'I' inserted, 'U' updated, 'D' deleted.
    op: u8,
}

/// A record changed since a list was read: its id, whether it was there when the list
/// was read, and whether it is there now (as far as the log tells: a record added and
/// removed since was neither).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Changed {
    pub(crate) id: i64,
    pub(crate) existed: bool,
    pub(crate) exists: bool,
}

/// The ids of `changed`, in order.
pub(crate) fn ids(changed: &[Changed]) -> Vec<i64> {
    changed.iter().map(|c| c.id).collect()
}

/// The changes learned so far.
#[derive(Default)]
pub(crate) struct Log {
    /// The last `change_log.seq` read.
    pub(crate) seq: i64,
    /// The number of the last change learned (0 before any).
    pub(crate) n: u64,
    /// Every change numbered above this is in `recent`.
    kept_after: u64,
    recent: VecDeque<Change>,
}

/// What changed for a list since it was read.
#[derive(Debug, PartialEq)]
pub(crate) enum Since {
    Nothing,
    Rows(Vec<Changed>),
    Everything,
}

impl Log {
    pub(crate) fn push(&mut self, kind: &str, id: Option<i64>, op: u8) {
        self.n += 1;
        self.recent.push_back(Change {
            n: self.n,
            kind: kind.into(),
            id,
            op,
        });
        while self.recent.len() > MAX_CHANGES {
            if let Some(old) = self.recent.pop_front() {
                self.kept_after = old.n;
            }
        }
    }

    /// The changes after number `n` that concern a list read as `reads`.
    pub(crate) fn since(&self, n: u64, reads: Reads) -> Since {
        if n < self.kept_after {
            return Since::Everything;
        }
        // Newest first: the first op seen for an id is its last, the last seen its first.
        let mut changed: HashMap<i64, (u8, u8)> = HashMap::new();
        for change in self.recent.iter().rev().take_while(|c| c.n > n) {
            let kind = &*change.kind;
            if kind == EVERYTHING || reads.kinds.contains(&EVERYTHING) {
                return Since::Everything;
            }
            if !reads.kinds.contains(&kind) {
                continue;
            }
            match change.id {
                Some(id) if reads.rows_of == Some(kind) => {
                    changed
                        .entry(id)
                        .and_modify(|(first, _)| *first = change.op)
                        .or_insert((change.op, change.op));
                }
                _ => return Since::Everything,
            }
            if changed.len() > MAX_PATCH {
                return Since::Everything;
            }
        }
        if changed.is_empty() {
            return Since::Nothing;
        }
        let mut rows: Vec<Changed> = changed
            .into_iter()
            .map(|(id, (first, last))| Changed {
                id,
                existed: first != b'I',
                exists: last != b'D',
            })
            .collect();
        rows.sort_unstable_by_key(|c| c.id);
        Since::Rows(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::{Changed, EVERYTHING, Log, MAX_CHANGES, MAX_PATCH, Reads, Since};

    #[test]
    fn a_list_learns_only_the_changes_it_reads_and_since_when() {
        let people = Reads::rows(&["people"], "people");
        let wins = Reads::kinds(&["wins", "goals"]);
        let rows = |since: Since| match since {
            Since::Rows(changed) => super::ids(&changed),
            other => panic!("expected rows, got {other:?}"),
        };
        let mut log = Log::default();
        assert_eq!(log.since(0, people), Since::Nothing);
        log.push("people", Some(7), b'U');
        log.push("wins", Some(1), b'I');
        log.push("people", Some(3), b'U');
        log.push("people", Some(7), b'U');
        assert_eq!(rows(log.since(0, people)), [3, 7], "in order, once each");
        assert_eq!(rows(log.since(2, people)), [3, 7]);
        assert_eq!(rows(log.since(3, people)), [7]);
        assert_eq!(log.since(4, people), Since::Nothing);
        assert_eq!(log.since(1, wins), Since::Everything, "no rows to patch");
        assert_eq!(log.since(2, wins), Since::Nothing);
        assert_eq!(log.since(4, Reads::kinds(&[EVERYTHING])), Since::Nothing);
        assert_eq!(log.since(3, Reads::kinds(&[EVERYTHING])), Since::Everything);

        log.push("people", None, b'U');
        assert_eq!(log.since(4, people), Since::Everything, "a whole kind");
        log.push(EVERYTHING, None, b'U');
        assert_eq!(log.since(5, wins), Since::Everything);

        let mut many = Log::default();
        for id in 0..=i64::try_from(MAX_PATCH).unwrap() {
            many.push("people", Some(id), b'U');
        }
        assert_eq!(
            many.since(0, people),
            Since::Everything,
            "too many to patch"
        );
        assert_eq!(rows(many.since(1, people)).len(), MAX_PATCH);

        let mut long = Log::default();
        for _ in 0..MAX_CHANGES + 10 {
            long.push("wins", Some(1), b'U');
        }
        assert_eq!(long.recent.len(), MAX_CHANGES);
        assert_eq!(
            long.since(5, people),
            Since::Everything,
            "changes were dropped"
        );
        assert_eq!(long.since(10, people), Since::Nothing);
    }

    #[test]
    fn a_record_was_there_unless_its_first_change_added_it_and_is_unless_its_last_removed_it() {
        let people = Reads::rows(&["people"], "people");
        let mut log = Log::default();
        log.push("people", Some(1), b'I'); // added
        log.push("people", Some(1), b'U'); // and given an address
        log.push("people", Some(2), b'U'); // edited
        log.push("people", Some(3), b'U'); // an address removed,
        log.push("people", Some(3), b'D'); // then the person
        log.push("people", Some(4), b'I'); // added and removed again
        log.push("people", Some(4), b'D');
        let changed = |id: i64, existed: bool, exists: bool| Changed {
            id,
            existed,
            exists,
        };
        assert_eq!(
            log.since(0, people),
            Since::Rows(vec![
                changed(1, false, true),
                changed(2, true, true),
                changed(3, true, false),
                changed(4, false, false),
            ])
        );
        assert_eq!(
            log.since(1, people),
            Since::Rows(vec![
                changed(1, true, true),
                changed(2, true, true),
                changed(3, true, false),
                changed(4, false, false),
            ])
        );
    }
}

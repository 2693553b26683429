//! Dynamic SQL (placeholders written for the connection's database), batched inserts, and the
//! reference checks every write makes before it touches a row.
//!
//! Why not `sqlx::QueryBuilder`: with the `Any` driver its `push_bind` writes `?`, which
//! PostgreSQL rejects (sqlx issue #3000). `Sql` writes the placeholders when it runs, for
//! the connection's database: `$1, $2, …` on PostgreSQL, `?` on SQLite, which looks up a
//! numbered parameter by a linear scan and so spends quadratic time binding a batch of
//! thousands of `$n`. It takes only `&'static str` fragments, so data can only reach the
//! database as a bound value.

use std::collections::HashSet;

use fanclub_core::{CoreError, CoreResult};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::encode::Encode;
use sqlx::error::BoxDynError;
use sqlx::{Any, AnyConnection, Arguments, AssertSqlSafe, FromRow, Type};

use crate::bulk::{JSON_ROWS, JsonBatch, Packed, insert_packed, next_id, parse_rows, split_head};
use crate::violation::{DbResult, to_core};

/// Bound values per statement: under SQLite's limit (32766) and PostgreSQL's (65535).
const MAX_PARAMS: usize = 30_000;
/// Rows per multi-row INSERT: big enough to save round trips, small enough to prepare fast.
const MAX_ROWS: usize = 1000;
/// Ids per `IN (…)` list.
pub(crate) const IN_CHUNK: usize = 500;

/// A statement being built: its text, where its placeholders go, and its bound values.
pub(crate) struct Sql {
    text: String,
    /// Byte offsets in `text` of each placeholder, in the order of `args`.
    slots: Vec<usize>,
    args: AnyArguments,
    error: Option<BoxDynError>,
}

impl Sql {
    pub(crate) fn new(head: &'static str) -> Sql {
        Sql {
            text: head.to_string(),
            slots: Vec::new(),
            args: AnyArguments::default(),
            error: None,
        }
    }

    pub(crate) fn push(&mut self, fragment: &'static str) -> &mut Self {
        self.text.push_str(fragment);
        self
    }

    /// Append the placeholder of a new bound value.
    pub(crate) fn bind<'t, T: Encode<'t, Any> + Type<Any>>(&mut self, value: T) -> &mut Self {
        self.slots.push(self.text.len());
        if let Err(e) = self.args.add(value)
            && self.error.is_none()
        {
            self.error = Some(e);
        }
        self
    }

    /// ` VALUES (…), (…)`: one tuple per row, its values bound by `each`.
    pub(crate) fn values<I: IntoIterator>(
        &mut self,
        rows: I,
        mut each: impl FnMut(&mut Tuple<'_>, I::Item),
    ) -> &mut Self {
        self.text.push_str(" VALUES ");
        for (i, row) in rows.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.text.push('(');
            each(
                &mut Tuple {
                    out: Out::Sql(self),
                    first: true,
                },
                row,
            );
            self.text.push(')');
        }
        self
    }

    /// `(…)`: one parenthesised list of values, bound by `each` (a row-value `SET`).
    pub(crate) fn tuple(&mut self, each: impl FnOnce(&mut Tuple<'_>)) -> &mut Self {
        self.text.push('(');
        each(&mut Tuple {
            out: Out::Sql(self),
            first: true,
        });
        self.text.push(')');
        self
    }

    /// `(v1, v2, …)` for an `IN` list; the list must not be empty.
    pub(crate) fn list(&mut self, ids: &[i64]) -> &mut Self {
        self.text.push('(');
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.bind(*id);
        }
        self.text.push(')');
        self
    }

    /// The statement's text for this connection's database, and its values.
    fn parts(self, conn: &AnyConnection) -> CoreResult<(String, AnyArguments)> {
        if let Some(e) = self.error {
            return Err(CoreError::Storage(format!("cannot bind a value: {e}")));
        }
        let numbered = conn.backend_name() != "SQLite";
        let mut text = String::with_capacity(self.text.len() + self.slots.len() * 6);
        let mut from = 0;
        for (i, &at) in self.slots.iter().enumerate() {
            text.push_str(&self.text[from..at]);
            if numbered {
                text.push('$');
                text.push_str(&(i + 1).to_string());
            } else {
                text.push('?');
            }
            from = at;
        }
        text.push_str(&self.text[from..]);
        Ok((text, self.args))
    }

    /// Run it; returns how many rows it changed.
    pub(crate) async fn execute(self, conn: &mut AnyConnection) -> CoreResult<u64> {
        let (text, args) = self.parts(conn)?;
        let done = sqlx::query_with(AssertSqlSafe(text), args)
            .execute(conn)
            .await
            .db()?;
        Ok(done.rows_affected())
    }

    /// As `execute`, naming what the write is about (a handle) in a conflict error.
    pub(crate) async fn execute_about(
        self,
        conn: &mut AnyConnection,
        subject: &str,
    ) -> CoreResult<u64> {
        let (text, args) = self.parts(conn)?;
        let done = sqlx::query_with(AssertSqlSafe(text), args)
            .execute(conn)
            .await
            .map_err(|e| to_core(e, Some(subject)))?;
        Ok(done.rows_affected())
    }

    pub(crate) async fn fetch_all<O>(self, conn: &mut AnyConnection) -> CoreResult<Vec<O>>
    where
        O: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
    {
        let (text, args) = self.parts(conn)?;
        sqlx::query_as_with(AssertSqlSafe(text), args)
            .fetch_all(conn)
            .await
            .db()
    }

    /// Every row the query selects, read as ONE JSON text rather than one driver row per
    /// record (as `bulk::read_rows` reads whole tables): thousands of rows cost one text
    /// to parse instead of a hand-over between threads and a conversion per row.
    /// `columns` are the plain names of the query's select list (`i.id` selects `id`), in
    /// the order `T` reads them from a JSON array. Neither database promises that the
    /// aggregate keeps the query's order: callers that need one sort. `what` names the
    /// rows in an error.
    pub(crate) async fn fetch_json<T: DeserializeOwned>(
        self,
        conn: &mut AnyConnection,
        columns: &'static str,
        what: &str,
    ) -> CoreResult<Vec<T>> {
        let sqlite = conn.backend_name() == "SQLite";
        let (inner, args) = self.parts(conn)?;
        let text = if sqlite {
            format!("SELECT json_group_array(json_array({columns})) FROM ({inner})")
        } else {
            format!("SELECT json_agg(json_build_array({columns}))::text FROM ({inner}) AS q")
        };
        let (json,): (Option<String>,) = sqlx::query_as_with(AssertSqlSafe(text), args)
            .fetch_one(conn)
            .await
            .db()?;
        match json {
            Some(json) => parse_rows(what, &json),
            // PostgreSQL's aggregate of no rows.
            None => Ok(Vec::new()),
        }
    }

    /// The first column of every row, as integers (ids, counts).
    pub(crate) async fn fetch_ints(self, conn: &mut AnyConnection) -> CoreResult<Vec<i64>> {
        let (text, args) = self.parts(conn)?;
        let rows: Vec<(i64,)> = sqlx::query_as_with(AssertSqlSafe(text), args)
            .fetch_all(conn)
            .await
            .db()?;
        Ok(rows.into_iter().map(|(n,)| n).collect())
    }
}

/// One row of a ` VALUES` list, or of a JSON batch (see `insert_rows`): each `bind` adds
/// a value, separated by commas.
pub(crate) struct Tuple<'a> {
    out: Out<'a>,
    first: bool,
}

enum Out<'a> {
    Sql(&'a mut Sql),
    Json(&'a mut JsonBatch),
}

/// The kinds of value a `Tuple` binds: each comes back as the same SQL value whether it
/// is bound through the driver or carried in a JSON batch (a blob or a float would not).
pub(crate) trait Plain {}

impl Plain for i64 {}
impl Plain for String {}
impl Plain for &str {}
impl<T: Plain> Plain for Option<T> {}

impl Tuple<'_> {
    pub(crate) fn bind<'t, T>(&mut self, value: T) -> &mut Self
    where
        T: Encode<'t, Any> + Type<Any> + Serialize + Plain,
    {
        let first = std::mem::replace(&mut self.first, false);
        match &mut self.out {
            Out::Sql(sql) => {
                if !first {
                    sql.text.push_str(", ");
                }
                sql.bind(value);
            }
            Out::Json(batch) => batch.value(&value),
        }
        self
    }
}

/// Insert `rows`. `head` is `INSERT INTO t (c1, …)` with `columns` columns, each bound by
/// `bind`. With `returning`, gives the new ids in the order of `rows`; `subject` names what
/// the write is about in a conflict error (a handle). Called inside a write transaction.
///
/// On SQLite each batch of rows travels as one JSON text unpacked inside the database, and
/// new ids are numbered here rather than returned row by row (see `bulk.rs`): under the
/// transaction's write lock the next id of an `AUTOINCREMENT` table is known, and SQLite
/// moves the table's sequence past the ids it is given. On PostgreSQL (and for a SQLite
/// batch that JSON cannot carry), rows are bound value by value in multi-row `VALUES`
/// lists, new ids by `RETURNING`.
pub(crate) async fn insert_rows<T: Sync>(
    conn: &mut AnyConnection,
    head: &'static str,
    columns: usize,
    rows: &[T],
    returning: bool,
    subject: Option<&str>,
    mut bind: impl FnMut(&mut Tuple<'_>, &T) + Send,
) -> CoreResult<Vec<i64>> {
    if conn.backend_name() != "SQLite" {
        return insert_values(conn, head, columns, rows, returning, subject, bind).await;
    }
    let (table, list) = split_head(head)?;
    let mut ids = Vec::with_capacity(if returning { rows.len() } else { 0 });
    let mut chunks = rows.chunks(JSON_ROWS);
    let mut next = chunks
        .next()
        .map(|chunk| (chunk, json_batch(columns, chunk, &mut bind)));
    while let Some((chunk, packed)) = next.take() {
        let Some(packed) = packed? else {
            let got =
                insert_values(conn, head, columns, chunk, returning, subject, &mut bind).await?;
            ids.extend(got);
            next = chunks
                .next()
                .map(|chunk| (chunk, json_batch(columns, chunk, &mut bind)));
            continue;
        };
        let first = if returning {
            Some(next_id(conn, table).await?)
        } else {
            None
        };
        // SQLite runs the statement on the driver's own thread: the next batch is packed
        // here meanwhile. `biased` polls the insert first, so that it is handed to that
        // thread before the packing starts.
        let following = chunks.next();
        let (done, packed_next) = tokio::join!(
            biased;
            insert_packed(conn, table, list, packed, chunk.len(), first, subject),
            async { following.map(|chunk| (chunk, json_batch(columns, chunk, &mut bind))) },
        );
        done?;
        if let Some(first) = first {
            ids.extend((0..chunk.len() as i64).map(|k| first + k));
        }
        next = packed_next;
    }
    Ok(ids)
}

/// One chunk of rows as a JSON batch ready to bind, or `None` when JSON cannot carry it
/// (see `JsonBatch::pack`).
fn json_batch<T>(
    columns: usize,
    chunk: &[T],
    bind: &mut impl FnMut(&mut Tuple<'_>, &T),
) -> CoreResult<Option<Packed>> {
    let mut batch = JsonBatch::new(columns, chunk.len());
    for row in chunk {
        batch.start_row();
        bind(
            &mut Tuple {
                out: Out::Json(&mut batch),
                first: true,
            },
            row,
        );
        batch.end_row();
    }
    batch.pack()
}

/// `insert_rows` bound value by value: as few multi-row `VALUES` statements as the
/// parameter limits allow, new ids by `RETURNING`.
async fn insert_values<T: Sync>(
    conn: &mut AnyConnection,
    head: &'static str,
    columns: usize,
    rows: &[T],
    returning: bool,
    subject: Option<&str>,
    mut bind: impl FnMut(&mut Tuple<'_>, &T) + Send,
) -> CoreResult<Vec<i64>> {
    let per_statement = (MAX_PARAMS / columns.max(1)).clamp(1, MAX_ROWS);
    let mut ids = Vec::with_capacity(if returning { rows.len() } else { 0 });
    for chunk in rows.chunks(per_statement) {
        let mut q = Sql::new(head);
        q.values(chunk, |t, row| bind(t, row));
        let (text, args) = q.parts(conn)?;
        let fail = |e| to_core(e, subject);
        if returning {
            let text = text + " RETURNING id";
            let rows: Vec<(i64,)> = sqlx::query_as_with(AssertSqlSafe(text), args)
                .fetch_all(&mut *conn)
                .await
                .map_err(fail)?;
            let mut got: Vec<i64> = rows.into_iter().map(|(n,)| n).collect();
            // Neither database promises RETURNING's row order, but both hand out ids in
            // increasing order within one statement (SQLite under its write lock, PostgreSQL
            // from a sequence), so the sorted ids follow the VALUES order.
            got.sort_unstable();
            if got.len() != chunk.len() {
                return Err(CoreError::Storage(format!(
                    "inserted {} rows but got {} ids back",
                    chunk.len(),
                    got.len()
                )));
            }
            ids.extend(got);
        } else {
            sqlx::query_with(AssertSqlSafe(text), args)
                .execute(&mut *conn)
                .await
                .map_err(fail)?;
        }
    }
    Ok(ids)
}

/// A kind of record: its table, its name in messages, and where to look for valid ids.
pub(crate) struct Kind {
    pub table: &'static str,
    pub noun: &'static str,
    pub hint: &'static str,
}

pub(crate) const PERSON: Kind = Kind {
    table: "people",
    noun: "person",
    hint: "see `fanclub person list`",
};
pub(crate) const CONNECTION: Kind = Kind {
    table: "connections",
    noun: "connection",
    hint: "see `fanclub connection list`",
};
pub(crate) const INTERACTION: Kind = Kind {
    table: "interactions",
    noun: "interaction",
    hint: "see `fanclub interaction list`",
};
pub(crate) const GOAL: Kind = Kind {
    table: "goals",
    noun: "goal",
    hint: "see `fanclub goal list`",
};
pub(crate) const WIN: Kind = Kind {
    table: "wins",
    noun: "win",
    hint: "see `fanclub win list`",
};
pub(crate) const EVIDENCE: Kind = Kind {
    table: "evidence",
    noun: "evidence",
    hint: "see `fanclub evidence list`",
};
pub(crate) const PERCEPTION: Kind = Kind {
    table: "perception_checks",
    noun: "perception check",
    hint: "see `fanclub perception list`",
};
pub(crate) const OPPORTUNITY: Kind = Kind {
    table: "opportunities",
    noun: "opportunity",
    hint: "see `fanclub opportunity list`",
};
pub(crate) const DECISION: Kind = Kind {
    table: "decisions",
    noun: "decision",
    hint: "see `fanclub decision list`",
};

impl Kind {
    pub(crate) fn not_found(&self, id: i64) -> CoreError {
        CoreError::NotFound {
            kind: self.noun,
            key: format!("#{id}"),
            hint: self.hint.to_string(),
        }
    }
}

/// Every id must name a record of `kind` in this account; the first that does not is the
/// error. Checked before writing, inside the write's transaction.
pub(crate) async fn ensure_exist(
    conn: &mut AnyConnection,
    account: i64,
    kind: &Kind,
    ids: &[i64],
) -> CoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let wanted: Vec<i64> = {
        let mut seen = HashSet::new();
        ids.iter().copied().filter(|id| seen.insert(*id)).collect()
    };
    let mut found = HashSet::with_capacity(wanted.len());
    for chunk in wanted.chunks(IN_CHUNK) {
        let mut q = Sql::new("SELECT id FROM ");
        q.push(kind.table)
            .push(" WHERE account_id = ")
            .bind(account)
            .push(" AND id IN ")
            .list(chunk);
        found.extend(q.fetch_ints(conn).await?);
    }
    match wanted.iter().find(|id| !found.contains(id)) {
        Some(missing) => Err(kind.not_found(*missing)),
        None => Ok(()),
    }
}

/// Delete one record of a table without dependants; NotFound when it is not there.
pub(crate) async fn delete_one(
    conn: &mut AnyConnection,
    account: i64,
    kind: &Kind,
    id: i64,
) -> CoreResult<()> {
    let mut q = Sql::new("DELETE FROM ");
    q.push(kind.table)
        .push(" WHERE account_id = ")
        .bind(account)
        .push(" AND id = ")
        .bind(id);
    match q.execute(conn).await? {
        0 => Err(kind.not_found(id)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use sqlx::{AnyConnection, Connection};

    use super::*;

    /// A row of the scratch table: a text, which may hold a NUL, and a number.
    struct Row {
        text: String,
        n: i64,
    }

    /// Rows over several batches, the second of which JSON cannot carry, come back with
    /// consecutive ids in their order, after every id the table ever gave, each id on its
    /// own row.
    #[tokio::test]
    async fn rows_over_several_batches_get_their_ids_in_order() {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::raw_sql(
            "CREATE TABLE scratch (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, \
             n BIGINT NOT NULL); \
             INSERT INTO scratch (text, n) VALUES ('before', -1), ('deleted', -2); \
             DELETE FROM scratch WHERE n = -2;",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        let total = 2 * JSON_ROWS + 7;
        let rows: Vec<Row> = (0..total)
            .map(|i| Row {
                text: if i == JSON_ROWS + 3 {
                    "nul \0 inside".to_string()
                } else {
                    format!("row {i}")
                },
                n: i as i64,
            })
            .collect();
        let mut tx = crate::bulk::begin_write(&mut conn).await.unwrap();
        let ids = insert_rows(
            &mut tx,
            "INSERT INTO scratch (text, n)",
            2,
            &rows,
            true,
            None,
            |t, r| {
                t.bind(r.text.as_str()).bind(r.n);
            },
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let expected: Vec<i64> = (3..3 + total as i64).collect();
        assert_eq!(
            ids, expected,
            "ids follow the row order, after the deleted id 2"
        );
        let stored: Vec<(i64, String, i64)> =
            sqlx::query_as("SELECT id, text, n FROM scratch WHERE n >= 0 ORDER BY id")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        assert_eq!(stored.len(), total);
        for ((id, text, n), (row, given)) in stored.iter().zip(rows.iter().zip(&ids)) {
            assert_eq!((id, text, n), (given, &row.text, &row.n));
        }
    }
}

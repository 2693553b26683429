//! Bulk inserts on SQLite: a batch of rows bound as ONE JSON text and unpacked inside the
//! database by `jsonb_each`, instead of thousands of values each bound through the `Any`
//! driver (each copied twice and freed one by one). New ids are numbered here, under the
//! write transaction's lock, instead of coming back one `RETURNING` row at a time.
//!
//! A column whose value is the same in every row of a batch (the account, a default
//! circle, a NULL) is bound once beside the rows instead of repeated in each of them:
//! reading a value out of a JSON row costs more the further along the row it sits, so
//! rows that carry only what varies are cheaper to unpack.

use fanclub_core::{CoreError, CoreResult};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AssertSqlSafe, Connection, Executor};

use crate::violation::{DbResult, to_core};

/// Rows per statement: fewer, larger statements mean fewer flushes of the full-text
/// index's pending terms (one per statement) and fewer pages copied to statement
/// journals; a batch stays within some MB of JSON.
pub(crate) const JSON_ROWS: usize = 50_000;

/// A batch of rows being written: each value serialised as JSON, back to back.
pub(crate) struct JsonBatch {
    values: Vec<u8>,
    /// Where each value ends in `values`, row after row.
    ends: Vec<usize>,
    columns: usize,
    /// Values given for the row being written.
    in_row: usize,
    error: Option<String>,
}

/// What one column of a batch turned out to be.
enum Column {
    /// NULL in every row.
    Null,
    /// The same value in every row: the index of the value in the shared array.
    Shared(usize),
    /// Varies: its index within each row's array.
    Varies(usize),
}

/// A batch ready to bind: the rows (only their varying values), the values every row
/// shares, and the select list that puts each column back in place.
pub(crate) struct Packed {
    rows: String,
    /// `None` when no column is shared.
    shared: Option<String>,
    select: String,
}

impl JsonBatch {
    pub(crate) fn new(columns: usize, rows: usize) -> JsonBatch {
        JsonBatch {
            values: Vec::with_capacity(rows * columns * 12),
            ends: Vec::with_capacity(rows * columns),
            columns,
            in_row: 0,
            error: None,
        }
    }

    /// Add one value to the row being written.
    pub(crate) fn value(&mut self, value: &impl Serialize) {
        self.in_row += 1;
        if let Err(e) = serde_json::to_writer(&mut self.values, value)
            && self.error.is_none()
        {
            self.error = Some(format!("cannot encode a value as JSON: {e}"));
        }
        self.ends.push(self.values.len());
    }

    /// Start a row; `end_row` checks it got a value for every column.
    pub(crate) fn start_row(&mut self) {
        self.in_row = 0;
    }

    pub(crate) fn end_row(&mut self) {
        if self.in_row != self.columns && self.error.is_none() {
            self.error = Some(format!(
                "a row has {} values for {} columns",
                self.in_row, self.columns
            ));
        }
    }

    fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.values[start..self.ends[i]]
    }

    /// The batch as texts to bind, or `None` when a text holds a NUL character, which
    /// SQLite's JSON functions would cut short (such a batch is bound value by value).
    pub(crate) fn pack(self) -> CoreResult<Option<Packed>> {
        if let Some(e) = self.error {
            return Err(CoreError::Storage(e));
        }
        // serde_json writes a NUL as `\u0000` (a backslash in a text is `\\`, so this can
        // match too often, never too rarely).
        if self.values.windows(6).any(|w| w == b"\\u0000") {
            return Ok(None);
        }
        let n = self.columns;
        let rows = self.ends.len() / n.max(1);
        let mut kinds = Vec::with_capacity(n);
        let (mut shared, mut varying) = (Vec::new(), Vec::new());
        for c in 0..n {
            let first = self.get(c);
            let same = (1..rows).all(|r| self.get(r * n + c) == first);
            kinds.push(if same && first == b"null" {
                Column::Null
            } else if same {
                shared.push(c);
                Column::Shared(shared.len() - 1)
            } else {
                varying.push(c);
                Column::Varies(varying.len() - 1)
            });
        }
        let mut out = Vec::with_capacity(self.values.len() + rows * (varying.len() + 2) + 2);
        out.push(b'[');
        for r in 0..rows {
            if r > 0 {
                out.push(b',');
            }
            out.push(b'[');
            for (k, c) in varying.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(self.get(r * n + c));
            }
            out.push(b']');
        }
        out.push(b']');
        let mut common = Vec::from(*b"[");
        for (k, c) in shared.iter().enumerate() {
            if k > 0 {
                common.push(b',');
            }
            common.extend_from_slice(self.get(*c));
        }
        common.push(b']');
        let select = kinds
            .iter()
            .map(|k| match k {
                Column::Null => "NULL".to_string(),
                Column::Shared(i) => format!("?2 ->> '$[{i}]'"),
                Column::Varies(i) => format!("value ->> '$[{i}]'"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let text = |bytes: Vec<u8>| {
            String::from_utf8(bytes)
                .map_err(|e| CoreError::Storage(format!("cannot encode rows as JSON: {e}")))
        };
        Ok(Some(Packed {
            rows: text(out)?,
            shared: (!shared.is_empty()).then(|| text(common)).transpose()?,
            select,
        }))
    }
}

/// `INSERT INTO t (c1, …)` → (`t`, `c1, …)`). The head is always a constant of this
/// crate; anything else is refused rather than spliced into SQL.
pub(crate) fn split_head(head: &'static str) -> CoreResult<(&'static str, &'static str)> {
    let parsed = head.strip_prefix("INSERT INTO ").and_then(|rest| {
        let (table, list) = rest.split_once(" (")?;
        let plain = !table.is_empty()
            && table.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && list.ends_with(')');
        plain.then_some((table, list))
    });
    parsed.ok_or_else(|| CoreError::Storage(format!("not a plain INSERT head: {head}")))
}

/// Insert one packed batch into `table`; with `first_id`, the rows get the ids
/// `first_id`, `first_id + 1`, … in order.
pub(crate) async fn insert_packed(
    conn: &mut AnyConnection,
    table: &'static str,
    list: &'static str,
    batch: Packed,
    expected: usize,
    first_id: Option<i64>,
    subject: Option<&str>,
) -> CoreResult<()> {
    let Packed {
        rows,
        shared,
        select,
    } = batch;
    // Numbered parameters, each one used: ?1 the rows, ?2 the shared values when there
    // are any, then the first id.
    let id_param = if shared.is_some() { 3 } else { 2 };
    let text = match first_id {
        Some(_) => format!(
            "INSERT INTO {table} (id, {list} SELECT ?{id_param} + key, {select} FROM jsonb_each(?1)"
        ),
        None => format!("INSERT INTO {table} ({list} SELECT {select} FROM jsonb_each(?1)"),
    };
    let mut q = sqlx::query(AssertSqlSafe(text)).bind(rows);
    if let Some(shared) = shared {
        q = q.bind(shared);
    }
    if let Some(first) = first_id {
        q = q.bind(first);
    }
    let done = q
        .execute(&mut *conn)
        .await
        .map_err(|e| to_core(e, subject))?;
    if done.rows_affected() != expected as u64 {
        return Err(CoreError::Storage(format!(
            "{table}: wrote {} rows of {expected}",
            done.rows_affected()
        )));
    }
    Ok(())
}

/// The id SQLite would give the next row of an `AUTOINCREMENT` table: one past both the
/// largest id it ever handed out and the largest id in the table. Only valid while this
/// connection holds the write lock (`BEGIN IMMEDIATE`), so no one else can take it.
pub(crate) async fn next_id(conn: &mut AnyConnection, table: &'static str) -> CoreResult<i64> {
    let text = format!(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), \
         coalesce((SELECT max(id) FROM {table}), 0)) + 1"
    );
    sqlx::query_scalar::<_, i64>(AssertSqlSafe(text))
        .bind(table)
        .fetch_one(&mut *conn)
        .await
        .db()
}

/// Rows per chunk when a table is read as JSON.
const READ_ROWS: i64 = 10_000;

/// Every row of `table` in this account, by id, read as JSON: each chunk of rows crosses
/// the driver as ONE text (`json_group_array` on SQLite, `json_agg` on PostgreSQL) instead
/// of one driver row per record. `columns` are plain column names; `T` deserialises one
/// row from the JSON array of those columns, in that order, and `id` gives its id.
pub(crate) async fn read_rows<T: DeserializeOwned>(
    conn: &mut AnyConnection,
    account: i64,
    table: &'static str,
    columns: &'static str,
    id: fn(&T) -> i64,
) -> CoreResult<Vec<T>> {
    // Each chunk is the next READ_ROWS ids (a range of the primary key); the rows are put
    // in order here, as neither aggregate promises one.
    let text = match conn.backend_name() {
        "SQLite" => format!(
            "SELECT json_group_array(json_array({columns})), max(id), count(*) \
             FROM (SELECT {columns} FROM {table} WHERE account_id = $1 AND id > $2 \
             ORDER BY id LIMIT $3)"
        ),
        _ => format!(
            "SELECT json_agg(json_build_array({columns}))::text, max(id), count(*) \
             FROM (SELECT {columns} FROM {table} WHERE account_id = $1 AND id > $2 \
             ORDER BY id LIMIT $3) AS chunk"
        ),
    };
    let mut out = Vec::new();
    let mut after = 0_i64;
    loop {
        let (json, last, count): (Option<String>, Option<i64>, i64) =
            sqlx::query_as(AssertSqlSafe(text.clone()))
                .bind(account)
                .bind(after)
                .bind(READ_ROWS)
                .fetch_one(&mut *conn)
                .await
                .db()?;
        if let Some(json) = json.filter(|_| count > 0) {
            out.extend(parse_rows::<T>(table, &json)?);
        }
        match last {
            Some(last) if count == READ_ROWS => after = last,
            _ => break,
        }
    }
    // Stable, and linear on rows already in order.
    out.sort_by_key(id);
    Ok(out)
}

/// Rows read as one JSON array, or an error naming the table.
pub(crate) fn parse_rows<T: DeserializeOwned>(table: &str, json: &str) -> CoreResult<Vec<T>> {
    serde_json::from_str(json)
        .map_err(|e| CoreError::Storage(format!("the rows of {table} cannot be read: {e}")))
}

/// A table read by `read_children`: rows of `columns`, chosen by their `parent` column.
pub(crate) struct Children {
    pub table: &'static str,
    pub columns: &'static str,
    pub parent: &'static str,
}

/// The rows of a child table whose parent id lies in `from..=to`, read as one JSON text
/// (see `read_rows`), in the order of `key`.
pub(crate) async fn read_children<T: DeserializeOwned, K: Ord>(
    conn: &mut AnyConnection,
    account: i64,
    child: &Children,
    (from, to): (i64, i64),
    key: fn(&T) -> K,
) -> CoreResult<Vec<T>> {
    let Children {
        table,
        columns,
        parent,
    } = child;
    let text = match conn.backend_name() {
        "SQLite" => format!(
            "SELECT json_group_array(json_array({columns})) FROM {table} \
             WHERE account_id = $1 AND {parent} BETWEEN $2 AND $3"
        ),
        _ => format!(
            "SELECT json_agg(json_build_array({columns}))::text FROM {table} \
             WHERE account_id = $1 AND {parent} BETWEEN $2 AND $3"
        ),
    };
    let (json,): (Option<String>,) = sqlx::query_as(AssertSqlSafe(text))
        .bind(account)
        .bind(from)
        .bind(to)
        .fetch_one(&mut *conn)
        .await
        .db()?;
    let mut rows: Vec<T> = match json {
        Some(json) => parse_rows(table, &json)?,
        None => Vec::new(),
    };
    rows.sort_by_key(key);
    Ok(rows)
}

/// Settings of one SQLite connection for a bulk write, as they were before it: a bulk
/// write changes them for its own transaction and puts them back after, so the pooled
/// connection serves everyone else as usual.
pub(crate) struct Tuning {
    cache_size: i64,
    temp_store: i64,
    foreign_keys: i64,
}

/// What a bulk write asks of its connection.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Wanted {
    /// A page cache of this many KiB, instead of the connection's own.
    pub(crate) cache_kib: Option<i64>,
    /// Leave SQLite's foreign-key checks off for the transaction. Only for a writer that
    /// maps every reference it writes itself (a restore into an empty workspace does:
    /// each id it writes was given by the same transaction, and a reference to nothing is
    /// refused before anything is written). On a million-row restore the checks are half
    /// of SQLite's work: a lookup in the parent's index for every reference.
    pub(crate) references_mapped: bool,
}

impl Tuning {
    /// Before a bulk write's `BEGIN` (SQLite ignores `foreign_keys` inside a transaction):
    /// what `wanted` asks, and temporary files in memory. The one that matters is the
    /// statement journal, where each multi-row INSERT keeps the pages it changes until it
    /// completes; on disk it costs a write system call per page. The commit writes and
    /// syncs as always.
    pub(crate) async fn apply(
        conn: &mut PoolConnection<Any>,
        wanted: Wanted,
    ) -> CoreResult<Tuning> {
        let read = |pragma: &'static str| sqlx::query_scalar::<_, i64>(pragma);
        let before = Tuning {
            cache_size: read("PRAGMA cache_size")
                .fetch_one(&mut **conn)
                .await
                .db()?,
            temp_store: read("PRAGMA temp_store")
                .fetch_one(&mut **conn)
                .await
                .db()?,
            foreign_keys: read("PRAGMA foreign_keys")
                .fetch_one(&mut **conn)
                .await
                .db()?,
        };
        let tuned = Tuning {
            cache_size: wanted.cache_kib.map_or(before.cache_size, |kib| -kib),
            temp_store: 2,
            foreign_keys: if wanted.references_mapped {
                0
            } else {
                before.foreign_keys
            },
        };
        if let Err(e) = tuned.set(conn).await {
            conn.close_on_drop();
            return Err(e);
        }
        Ok(before)
    }

    /// Put the settings back. A connection that cannot be put back is closed rather than
    /// returned to the pool.
    pub(crate) async fn restore(self, conn: &mut PoolConnection<Any>) -> CoreResult<()> {
        let reset = self.set(conn).await;
        if reset.is_err() {
            conn.close_on_drop();
        }
        reset
    }

    async fn set(&self, conn: &mut AnyConnection) -> CoreResult<()> {
        // Integers formatted here: no text from outside reaches the statements.
        for pragma in [
            format!("PRAGMA cache_size = {}", self.cache_size),
            format!("PRAGMA temp_store = {}", self.temp_store),
            format!("PRAGMA foreign_keys = {}", self.foreign_keys),
        ] {
            conn.execute(AssertSqlSafe(pragma)).await.db()?;
        }
        Ok(())
    }
}

/// Begin a write transaction on `conn`, as `SqlStore::begin` does on a pooled one: on
/// SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), which is also what lets
/// `insert_rows` number new ids itself.
pub(crate) async fn begin_write(
    conn: &mut AnyConnection,
) -> CoreResult<sqlx::Transaction<'_, Any>> {
    match conn.backend_name() {
        "SQLite" => conn.begin_with("BEGIN IMMEDIATE").await.db(),
        _ => conn.begin().await.db(),
    }
}

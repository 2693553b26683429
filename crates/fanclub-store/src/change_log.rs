//! The change log's triggers (SQLite, migration `0005_change_log.sql`) set aside for a
//! bulk write. A row per record changed is what lets the read cache re-read only what
//! changed; an import or a restore changes everything, and a row per record would only
//! slow it down. So a bulk writer drops the triggers inside its transaction, writes one
//! row saying everything changed, and creates them again before it commits: no other
//! connection ever sees them missing, and a failed write rolls the whole back.

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

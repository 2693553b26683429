//! The whole workspace of an account: counts, export and clear. (The import, which maps
//! ids, lives in `workspace_import`.)

use fanclub_core::{CoreResult, Counts, Workspace};
use sqlx::AnyConnection;

use crate::bulk::read_rows;
use crate::change_log;
use crate::connections::{CONNECTION_READ, ConnectionRow};
use crate::documents::{load_framework, load_reviews, load_settings};
use crate::interactions::load_interactions;
use crate::people::{STANCE_READ, StanceRow, load_people};
use crate::records::{
    EvidenceRow, OpportunityRow, PerceptionRow, select_evidence, select_opportunity,
    select_perception,
};
use crate::rooms::load_decisions;
use crate::violation::DbResult;
use crate::wins::{load_all_wins, load_goals};
use crate::{Backend, SqlStore};
use crate::{Changed, Reads};

pub(crate) async fn count_on(conn: &mut AnyConnection, account: i64) -> CoreResult<Counts> {
    type Row = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);
    let row: Row = sqlx::query_as(
        "SELECT \
         (SELECT COUNT(*) FROM people WHERE account_id = $1), \
         (SELECT COUNT(*) FROM connections WHERE account_id = $1), \
         (SELECT COUNT(*) FROM interactions WHERE account_id = $1), \
         (SELECT COUNT(*) FROM goals WHERE account_id = $1), \
         (SELECT COUNT(*) FROM wins WHERE account_id = $1), \
         (SELECT COUNT(*) FROM evidence WHERE account_id = $1), \
         (SELECT COUNT(*) FROM perception_checks WHERE account_id = $1), \
         (SELECT COUNT(*) FROM opportunities WHERE account_id = $1), \
         (SELECT COUNT(*) FROM decisions WHERE account_id = $1), \
         (SELECT COUNT(*) FROM reviews WHERE account_id = $1)",
    )
    .bind(account)
    .fetch_one(conn)
    .await
    .db()?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(Counts {
        people: n(row.0),
        connections: n(row.1),
        interactions: n(row.2),
        goals: n(row.3),
        wins: n(row.4),
        evidence: n(row.5),
        perceptions: n(row.6),
        opportunities: n(row.7),
        decisions: n(row.8),
        reviews: n(row.9),
    })
}

/// What `Counts` counts: per field, the change-log kind (and table) and its count.
const COUNTED: [(&[&str], &str); 10] = [
    (
        &["people"],
        "SELECT COUNT(*) FROM people WHERE account_id = $1",
    ),
    (
        &["connections"],
        "SELECT COUNT(*) FROM connections WHERE account_id = $1",
    ),
    (
        &["interactions"],
        "SELECT COUNT(*) FROM interactions WHERE account_id = $1",
    ),
    (
        &["goals"],
        "SELECT COUNT(*) FROM goals WHERE account_id = $1",
    ),
    (&["wins"], "SELECT COUNT(*) FROM wins WHERE account_id = $1"),
    (
        &["evidence"],
        "SELECT COUNT(*) FROM evidence WHERE account_id = $1",
    ),
    (
        &["perception_checks"],
        "SELECT COUNT(*) FROM perception_checks WHERE account_id = $1",
    ),
    (
        &["opportunities"],
        "SELECT COUNT(*) FROM opportunities WHERE account_id = $1",
    ),
    (
        &["decisions"],
        "SELECT COUNT(*) FROM decisions WHERE account_id = $1",
    ),
    (
        &["reviews"],
        "SELECT COUNT(*) FROM reviews WHERE account_id = $1",
    ),
];

/// Children before parents, so no foreign key is ever left dangling mid-way.
const CLEAR: &[&str] = &[
    "DELETE FROM room_seats WHERE account_id = $1",
    "DELETE FROM decisions WHERE account_id = $1",
    "DELETE FROM win_shares WHERE account_id = $1",
    "DELETE FROM win_goals WHERE account_id = $1",
    "DELETE FROM evidence WHERE account_id = $1",
    "DELETE FROM wins WHERE account_id = $1",
    "DELETE FROM contact_summary WHERE account_id = $1",
    "DELETE FROM interaction_people WHERE account_id = $1",
    "DELETE FROM interactions WHERE account_id = $1",
    "DELETE FROM goals WHERE account_id = $1",
    "DELETE FROM perception_checks WHERE account_id = $1",
    "DELETE FROM opportunities WHERE account_id = $1",
    "DELETE FROM connections WHERE account_id = $1",
    "DELETE FROM stance_changes WHERE account_id = $1",
    "DELETE FROM person_emails WHERE account_id = $1",
    // Introductions point inside the table: detach them first.
    "UPDATE people SET introduced_by = NULL WHERE account_id = $1 AND introduced_by IS NOT NULL",
    "DELETE FROM people WHERE account_id = $1",
    "DELETE FROM reviews WHERE account_id = $1",
    "DELETE FROM documents WHERE account_id = $1",
    // A reset turns the private calendar link off too.
    "DELETE FROM calendar_feeds WHERE account_id = $1",
];

impl SqlStore {
    pub(crate) async fn counts_tx(&self) -> CoreResult<Counts> {
        let mut conn = self.pool().acquire().await.db()?;
        count_on(&mut conn, self.account()).await
    }

    /// The counts, each kept on its own and moved by the records added and removed since
    /// (see `cache.rs`): logging an interaction does not count a million of them again.
    pub(crate) async fn counts_kept(&self) -> CoreResult<Counts> {
        let mut n = [0_u64; COUNTED.len()];
        for (slot, &(kinds, sql)) in n.iter_mut().zip(&COUNTED) {
            let reads = Reads::rows(kinds, kinds[0]);
            let load = |kept: Option<(u64, Vec<Changed>)>| async move {
                if let Some((count, changed)) = kept {
                    let added = changed.iter().filter(|c| c.exists && !c.existed).count();
                    let removed = changed.iter().filter(|c| c.existed && !c.exists).count();
                    return Ok((count + added as u64).saturating_sub(removed as u64));
                }
                let count: i64 = sqlx::query_scalar(sql)
                    .bind(self.account())
                    .fetch_one(self.pool())
                    .await
                    .db()?;
                Ok(u64::try_from(count).unwrap_or(0))
            };
            *slot = *self
                .shared_rows(format!("count {}", kinds[0]), reads, load)
                .await?;
        }
        let [
            people,
            connections,
            interactions,
            goals,
            wins,
            evidence,
            perceptions,
            opportunities,
            decisions,
            reviews,
        ] = n;
        Ok(Counts {
            people,
            connections,
            interactions,
            goals,
            wins,
            evidence,
            perceptions,
            opportunities,
            decisions,
            reviews,
        })
    }

    pub(crate) async fn export_workspace_tx(&self) -> CoreResult<Workspace> {
        let account = self.account();
        // One snapshot for every table, so the export is consistent with itself.
        let mut tx = match self.backend() {
            Backend::Sqlite => self.pool().begin().await.db()?,
            Backend::Postgres => self
                .pool()
                .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await
                .db()?,
        };
        let people = load_people(&mut tx, account).await?;
        let stance_rows: Vec<StanceRow> = read_rows(
            &mut tx,
            account,
            "stance_changes",
            STANCE_READ,
            StanceRow::id,
        )
        .await?;
        let connection_rows: Vec<ConnectionRow> = read_rows(
            &mut tx,
            account,
            "connections",
            CONNECTION_READ,
            ConnectionRow::id,
        )
        .await?;
        let evidence_rows: Vec<EvidenceRow> =
            sqlx::query_as(select_evidence!("WHERE account_id = $1 ORDER BY id"))
                .bind(account)
                .fetch_all(&mut *tx)
                .await
                .db()?;
        let perception_rows: Vec<PerceptionRow> =
            sqlx::query_as(select_perception!("WHERE account_id = $1 ORDER BY id"))
                .bind(account)
                .fetch_all(&mut *tx)
                .await
                .db()?;
        let opportunity_rows: Vec<OpportunityRow> =
            sqlx::query_as(select_opportunity!("WHERE account_id = $1 ORDER BY id"))
                .bind(account)
                .fetch_all(&mut *tx)
                .await
                .db()?;
        let ws = Workspace {
            settings: load_settings(&mut tx, account).await?,
            framework: load_framework(&mut tx, account).await?,
            people,
            stance_changes: stance_rows
                .into_iter()
                .map(StanceRow::into_record)
                .collect::<CoreResult<_>>()?,
            connections: connection_rows
                .into_iter()
                .map(ConnectionRow::into_record)
                .collect::<CoreResult<_>>()?,
            goals: load_goals(&mut tx, account).await?,
            interactions: load_interactions(&mut tx, account).await?,
            wins: load_all_wins(&mut tx, account).await?,
            evidence: evidence_rows
                .into_iter()
                .map(EvidenceRow::into_record)
                .collect::<CoreResult<_>>()?,
            perceptions: perception_rows
                .into_iter()
                .map(PerceptionRow::into_record)
                .collect::<CoreResult<_>>()?,
            opportunities: opportunity_rows
                .into_iter()
                .map(OpportunityRow::into_record)
                .collect::<CoreResult<_>>()?,
            decisions: load_decisions(&mut tx, account, None, false).await?,
            reviews: load_reviews(&mut tx, account, true).await?,
        };
        tx.rollback().await.db()?;
        Ok(ws)
    }

    pub(crate) async fn clear_workspace_tx(&self) -> CoreResult<()> {
        let mut tx = self.begin().await?;
        let muted = change_log::mute(&mut tx, None).await?;
        for &sql in CLEAR {
            sqlx::query(sql)
                .bind(self.account())
                .execute(&mut *tx)
                .await
                .db()?;
        }
        muted.restore(&mut tx).await?;
        tx.commit().await.db()
    }
}

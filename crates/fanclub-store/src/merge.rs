//! Merging a duplicate person into the one kept, in one transaction: every record that
//! points at the duplicate moves (dropping what a unique rule says would then be there
//! twice), the kept person's empty fields are filled, and the duplicate is removed.

use fanclub_core::import::{PersonMerge, fill_person};
use fanclub_core::{CoreError, CoreResult, PersonId};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::imports::write_filled;
use crate::interactions::refresh_contacts;
use crate::people::load_people;
use crate::sql::{PERSON, ensure_exist};
use crate::violation::DbResult;

/// Run `sql` with `$1` the account, `$2` the person kept, `$3` the duplicate; rows changed.
async fn run(
    conn: &mut AnyConnection,
    sql: &'static str,
    account: i64,
    keep: i64,
    dup: i64,
) -> CoreResult<u64> {
    let done = sqlx::query(sql)
        .bind(account)
        .bind(keep)
        .bind(dup)
        .execute(conn)
        .await
        .db()?;
    Ok(done.rows_affected())
}

/// Move the duplicate's connections, keeping the lower id first; a connection the kept
/// person already has with the same someone, or one between the two, is dropped.
async fn move_connections(
    conn: &mut AnyConnection,
    account: i64,
    keep: i64,
    dup: i64,
) -> CoreResult<(u64, u64)> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, person_a, person_b FROM connections \
         WHERE account_id = $1 AND (person_a = $2 OR person_b = $2) ORDER BY id",
    )
    .bind(account)
    .bind(dup)
    .fetch_all(&mut *conn)
    .await
    .db()?;
    let kept: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT person_a, person_b FROM connections \
         WHERE account_id = $1 AND (person_a = $2 OR person_b = $2)",
    )
    .bind(account)
    .bind(keep)
    .fetch_all(&mut *conn)
    .await
    .db()?;
    let mut known: Vec<i64> = kept
        .iter()
        .map(|(a, b)| if *a == keep { *b } else { *a })
        .collect();
    let (mut moved, mut dropped) = (0, 0);
    for (cid, a, b) in rows {
        let other = if a == dup { b } else { a };
        if other == keep || known.contains(&other) {
            sqlx::query("DELETE FROM connections WHERE account_id = $1 AND id = $2")
                .bind(account)
                .bind(cid)
                .execute(&mut *conn)
                .await
                .db()?;
            dropped += 1;
        } else {
            let (lo, hi) = (other.min(keep), other.max(keep));
            sqlx::query(
                "UPDATE connections SET person_a = $1, person_b = $2 WHERE account_id = $3 AND id = $4",
            )
            .bind(lo)
            .bind(hi)
            .bind(account)
            .bind(cid)
            .execute(&mut *conn)
            .await
            .db()?;
            known.push(other);
            moved += 1;
        }
    }
    Ok((moved, dropped))
}

impl SqlStore {
    pub(crate) async fn merge_people_tx(
        &self,
        keep: PersonId,
        duplicate: PersonId,
    ) -> CoreResult<PersonMerge> {
        if keep == duplicate {
            return Err(CoreError::Conflict(
                "a person cannot be merged into themselves; name two different people".into(),
            ));
        }
        let (account, k, d) = (self.account(), keep.get(), duplicate.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &PERSON, &[k, d]).await?;
        let people = load_people(&mut tx, account).await?;
        let (Some(kept), Some(dup)) = (
            people.iter().find(|p| p.id == keep),
            people.iter().find(|p| p.id == duplicate),
        ) else {
            return Err(PERSON.not_found(d));
        };

        let mut report = PersonMerge {
            interactions_shared: run(
                &mut tx,
                "DELETE FROM interaction_people WHERE account_id = $1 AND person_id = $3 \
                 AND interaction_id IN (SELECT interaction_id FROM interaction_people \
                 WHERE account_id = $1 AND person_id = $2)",
                account,
                k,
                d,
            )
            .await?,
            ..PersonMerge::default()
        };
        report.interactions_moved = run(
            &mut tx,
            "UPDATE interaction_people SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        run(
            &mut tx,
            "DELETE FROM contact_summary WHERE account_id = $1 AND person_id IN ($2, $3)",
            account,
            k,
            d,
        )
        .await?;
        refresh_contacts(&mut tx, account, &[k]).await?;

        let (moved, dropped) = move_connections(&mut tx, account, k, d).await?;
        report.connections_moved = moved;
        report.connections_dropped = dropped;

        report.shares_moved = run(
            &mut tx,
            "UPDATE win_shares SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        report.room_seats_dropped = run(
            &mut tx,
            "DELETE FROM room_seats WHERE account_id = $1 AND person_id = $3 \
             AND decision_id IN (SELECT decision_id FROM room_seats \
             WHERE account_id = $1 AND person_id = $2)",
            account,
            k,
            d,
        )
        .await?;
        report.room_seats_moved = run(
            &mut tx,
            "UPDATE room_seats SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        report.evidence_moved = run(
            &mut tx,
            "UPDATE evidence SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        // The duplicate's first stance ("unknown → …", recorded when it was added) is not
        // a change of the person kept, who has a first stance of their own.
        run(
            &mut tx,
            "DELETE FROM stance_changes WHERE account_id = $1 AND person_id = $3 \
             AND from_stance IS NULL AND EXISTS (SELECT 1 FROM stance_changes \
             WHERE account_id = $1 AND person_id = $2 AND from_stance IS NULL)",
            account,
            k,
            d,
        )
        .await?;
        report.stance_changes_moved = run(
            &mut tx,
            "UPDATE stance_changes SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        report.perception_checks_moved = run(
            &mut tx,
            "UPDATE perception_checks SET person_id = $2 WHERE account_id = $1 AND person_id = $3",
            account,
            k,
            d,
        )
        .await?;
        report.opportunities_moved = run(
            &mut tx,
            "UPDATE opportunities SET sponsor_id = $2 WHERE account_id = $1 AND sponsor_id = $3",
            account,
            k,
            d,
        )
        .await?;
        report.introductions_moved = run(
            &mut tx,
            "UPDATE people SET introduced_by = $2 WHERE account_id = $1 AND introduced_by = $3 \
             AND id <> $2",
            account,
            k,
            d,
        )
        .await?;

        // Neither may end up introduced by themselves.
        let mut merged = kept.value.clone();
        if merged.introduced_by == Some(duplicate) {
            merged.introduced_by = None;
        }
        let mut from = dup.value.clone();
        if from.introduced_by == Some(keep) {
            from.introduced_by = None;
        }
        report.fields_filled = fill_person(&mut merged, &from);
        merged.validate()?;
        sqlx::query("DELETE FROM person_emails WHERE account_id = $1 AND person_id = $2")
            .bind(account)
            .bind(d)
            .execute(&mut *tx)
            .await
            .db()?;
        write_filled(&mut tx, account, &[(keep, &merged)]).await?;
        sqlx::query("DELETE FROM people WHERE account_id = $1 AND id = $2")
            .bind(account)
            .bind(d)
            .execute(&mut *tx)
            .await
            .db()?;
        tx.commit().await.db()?;
        Ok(report)
    }
}

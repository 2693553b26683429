//! Deleting a person: what is only about them is removed, what merely mentions them is
//! detached, all in one transaction, and every step is counted for the member.

use fanclub_core::{CoreResult, PersonDeletion, PersonId};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::sql::{IN_CHUNK, PERSON, Sql, ensure_exist};
use crate::violation::DbResult;

/// The interactions person `$2` was the only participant of.
macro_rules! solo {
    () => {
        "SELECT ip.interaction_id FROM interaction_people ip \
         WHERE ip.account_id = $1 AND ip.person_id = $2 AND NOT EXISTS (\
         SELECT 1 FROM interaction_people other WHERE other.account_id = ip.account_id \
         AND other.interaction_id = ip.interaction_id AND other.person_id <> $2)"
    };
}

/// Run a statement of the form `… WHERE account_id = $1 AND … $2`; how many rows it changed.
async fn run(
    conn: &mut AnyConnection,
    sql: &'static str,
    account: i64,
    person: i64,
) -> CoreResult<u64> {
    let done = sqlx::query(sql)
        .bind(account)
        .bind(person)
        .execute(conn)
        .await
        .db()?;
    Ok(done.rows_affected())
}

async fn count(
    conn: &mut AnyConnection,
    sql: &'static str,
    account: i64,
    person: i64,
) -> CoreResult<u64> {
    let (n,): (i64,) = sqlx::query_as(sql)
        .bind(account)
        .bind(person)
        .fetch_one(conn)
        .await
        .db()?;
    Ok(u64::try_from(n).unwrap_or(0))
}

impl SqlStore {
    pub(crate) async fn delete_person_tx(&self, person: PersonId) -> CoreResult<PersonDeletion> {
        let (account, p) = (self.account(), person.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &PERSON, &[p]).await?;

        let solo: Vec<i64> = sqlx::query_as::<_, (i64,)>(solo!())
            .bind(account)
            .bind(p)
            .fetch_all(&mut *tx)
            .await
            .db()?
            .into_iter()
            .map(|(id,)| id)
            .collect();
        // Evidence that names them, or an interaction that goes with them, is kept but
        // detached; counted once even when it did both.
        let evidence_detached = count(
            &mut tx,
            concat!(
                "SELECT COUNT(*) FROM evidence WHERE account_id = $1 AND (person_id = $2 OR interaction_id IN (",
                solo!(),
                "))"
            ),
            account,
            p,
        )
        .await?;
        run(
            &mut tx,
            concat!(
                "UPDATE evidence SET interaction_id = NULL WHERE account_id = $1 AND interaction_id IN (",
                solo!(),
                ")"
            ),
            account,
            p,
        )
        .await?;
        run(
            &mut tx,
            // Witnessed and endorsed evidence names who saw or said it; without them it is
            // only my word again, so it becomes claimed (the quote stays).
            "UPDATE evidence SET person_id = NULL, strength = 'claimed' \
             WHERE account_id = $1 AND person_id = $2",
            account,
            p,
        )
        .await?;

        run(
            &mut tx,
            "DELETE FROM contact_summary WHERE account_id = $1 AND person_id = $2",
            account,
            p,
        )
        .await?;
        let participations = run(
            &mut tx,
            "DELETE FROM interaction_people WHERE account_id = $1 AND person_id = $2",
            account,
            p,
        )
        .await?;
        for chunk in solo.chunks(IN_CHUNK) {
            let mut q = Sql::new("DELETE FROM interactions WHERE account_id = ");
            q.bind(account).push(" AND id IN ").list(chunk);
            q.execute(&mut tx).await?;
        }

        let report = PersonDeletion {
            stance_changes_removed: run(
                &mut tx,
                "DELETE FROM stance_changes WHERE account_id = $1 AND person_id = $2",
                account,
                p,
            )
            .await?,
            connections_removed: run(
                &mut tx,
                "DELETE FROM connections WHERE account_id = $1 AND (person_a = $2 OR person_b = $2)",
                account,
                p,
            )
            .await?,
            interactions_removed: solo.len() as u64,
            interactions_detached: participations.saturating_sub(solo.len() as u64),
            shares_removed: run(&mut tx, "DELETE FROM win_shares WHERE account_id = $1 AND person_id = $2", account, p)
                .await?,
            room_seats_removed: run(&mut tx, "DELETE FROM room_seats WHERE account_id = $1 AND person_id = $2", account, p)
                .await?,
            perception_checks_removed: run(
                &mut tx,
                "DELETE FROM perception_checks WHERE account_id = $1 AND person_id = $2",
                account,
                p,
            )
            .await?,
            evidence_detached,
            opportunities_detached: run(
                &mut tx,
                "UPDATE opportunities SET sponsor_id = NULL WHERE account_id = $1 AND sponsor_id = $2",
                account,
                p,
            )
            .await?,
            introductions_detached: run(
                &mut tx,
                "UPDATE people SET introduced_by = NULL WHERE account_id = $1 AND introduced_by = $2",
                account,
                p,
            )
            .await?,
        };
        run(
            &mut tx,
            "DELETE FROM person_emails WHERE account_id = $1 AND person_id = $2",
            account,
            p,
        )
        .await?;
        run(
            &mut tx,
            "DELETE FROM people WHERE account_id = $1 AND id = $2",
            account,
            p,
        )
        .await?;
        tx.commit().await.db()?;
        Ok(report)
    }
}

//! Decisions and their rooms: who sits in them, as decider or voice.

use fanclub_core::{CoreResult, Decision, DecisionId, Record, Seat, Title};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::rows::{At, day_text, group, id, record};
use crate::sql::{DECISION, PERSON, Sql, ensure_exist, insert_rows};
use crate::violation::DbResult;

#[derive(sqlx::FromRow)]
struct DecisionRow {
    id: i64,
    title: String,
    kind: String,
    on_day: String,
    notes: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SeatRow {
    decision_id: i64,
    person_id: i64,
    role: String,
}

impl DecisionRow {
    fn into_record(self, seats: Vec<SeatRow>) -> CoreResult<Record<Decision>> {
        let at = At::new("decisions", self.id);
        let room = seats
            .into_iter()
            .map(|s| {
                Ok(Seat {
                    person: id(s.person_id),
                    role: At::new("room_seats", s.decision_id).parse("role", &s.role)?,
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        Ok(record(
            self.id,
            Decision {
                title: at.ok("title", Title::parse(&self.title))?,
                kind: at.parse("kind", &self.kind)?,
                on: at.parse("on_day", &self.on_day)?,
                notes: self.notes,
                room,
            },
        ))
    }
}

/// Insert decisions (seat person ids already this account's) with their rooms.
pub(crate) async fn insert_decisions(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Decision],
) -> CoreResult<Vec<i64>> {
    let ids = insert_rows(
        conn,
        "INSERT INTO decisions (account_id, title, kind, on_day, notes)",
        5,
        rows,
        true,
        None,
        |t, d| {
            t.bind(account)
                .bind(d.title.as_str().to_string())
                .bind(d.kind.as_str())
                .bind(day_text(d.on))
                .bind(d.notes.clone());
        },
    )
    .await?;
    let seats: Vec<(i64, i64, &Seat)> = ids
        .iter()
        .zip(rows)
        .flat_map(|(did, d)| {
            d.room
                .iter()
                .enumerate()
                .map(move |(pos, s)| (*did, pos as i64, s))
        })
        .collect();
    insert_seats(conn, account, &seats).await?;
    Ok(ids)
}

async fn insert_seats(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[(i64, i64, &Seat)],
) -> CoreResult<()> {
    insert_rows(
        conn,
        "INSERT INTO room_seats (account_id, decision_id, person_id, position, role)",
        5,
        rows,
        false,
        None,
        |t, (decision, position, seat)| {
            t.bind(account)
                .bind(*decision)
                .bind(seat.person.get())
                .bind(*position)
                .bind(seat.role.as_str());
        },
    )
    .await?;
    Ok(())
}

/// Decisions with their rooms: one decision, every decision by date, or (for the export)
/// by id.
pub(crate) async fn load_decisions(
    conn: &mut AnyConnection,
    account: i64,
    only: Option<i64>,
    by_date: bool,
) -> CoreResult<Vec<Record<Decision>>> {
    let mut q =
        Sql::new("SELECT id, title, kind, on_day, notes FROM decisions WHERE account_id = ");
    q.bind(account);
    if let Some(d) = only {
        q.push(" AND id = ").bind(d);
    }
    q.push(if by_date {
        " ORDER BY on_day, id"
    } else {
        " ORDER BY id"
    });
    let rows: Vec<DecisionRow> = q.fetch_all(conn).await?;
    let mut q = Sql::new("SELECT decision_id, person_id, role FROM room_seats WHERE account_id = ");
    q.bind(account);
    if let Some(d) = only {
        q.push(" AND decision_id = ").bind(d);
    }
    q.push(" ORDER BY decision_id, position");
    let seats: Vec<SeatRow> = q.fetch_all(conn).await?;
    let mut seats = group(seats.into_iter().map(|s| (s.decision_id, s)));
    rows.into_iter()
        .map(|r| {
            let mine = seats.remove(&r.id).unwrap_or_default();
            r.into_record(mine)
        })
        .collect()
}

fn seat_people(d: &Decision) -> Vec<i64> {
    d.room.iter().map(|s| s.person.get()).collect()
}

impl SqlStore {
    pub(crate) async fn create_decision_tx(&self, d: &Decision) -> CoreResult<Record<Decision>> {
        d.validate()?;
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &PERSON, &seat_people(d)).await?;
        let ids = insert_decisions(&mut tx, self.account(), &[d]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), d.clone()))
    }

    pub(crate) async fn update_decision_tx(
        &self,
        d: &Record<Decision>,
    ) -> CoreResult<Record<Decision>> {
        d.validate()?;
        let (account, did) = (self.account(), d.id.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &DECISION, &[did]).await?;
        ensure_exist(&mut tx, account, &PERSON, &seat_people(d)).await?;
        sqlx::query(
            "UPDATE decisions SET title = $3, kind = $4, on_day = $5, notes = $6 WHERE account_id = $1 AND id = $2",
        )
        .bind(account)
        .bind(did)
        .bind(d.title.as_str())
        .bind(d.kind.as_str())
        .bind(day_text(d.on))
        .bind(d.notes.clone())
        .execute(&mut *tx)
        .await
        .db()?;
        sqlx::query("DELETE FROM room_seats WHERE account_id = $1 AND decision_id = $2")
            .bind(account)
            .bind(did)
            .execute(&mut *tx)
            .await
            .db()?;
        let seats: Vec<(i64, i64, &Seat)> = d
            .room
            .iter()
            .enumerate()
            .map(|(pos, s)| (did, pos as i64, s))
            .collect();
        insert_seats(&mut tx, account, &seats).await?;
        tx.commit().await.db()?;
        Ok(d.clone())
    }

    pub(crate) async fn get_decision_tx(&self, d: DecisionId) -> CoreResult<Record<Decision>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_decisions(&mut conn, self.account(), Some(d.get()), false)
            .await?
            .pop()
            .ok_or_else(|| DECISION.not_found(d.get()))
    }

    pub(crate) async fn list_decisions_tx(&self) -> CoreResult<Vec<Record<Decision>>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_decisions(&mut conn, self.account(), None, true).await
    }

    pub(crate) async fn delete_decision_tx(&self, d: DecisionId) -> CoreResult<()> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &DECISION, &[d.get()]).await?;
        for sql in [
            "DELETE FROM room_seats WHERE account_id = $1 AND decision_id = $2",
            "DELETE FROM decisions WHERE account_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(self.account())
                .bind(d.get())
                .execute(&mut *tx)
                .await
                .db()?;
        }
        tx.commit().await.db()
    }
}

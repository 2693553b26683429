//! Connections: who knows whom. Stored with the lower person id first, so (a, b) and
//! (b, a) are one row and the unique index catches the duplicate either way round.

use fanclub_core::{Connection, ConnectionId, CoreError, CoreResult, PersonId, Record};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::rows::{At, id, record};
use crate::sql::{CONNECTION, PERSON, delete_one, ensure_exist, insert_rows};
use crate::violation::DbResult;

/// A row of `connections`, from a query or from a JSON array of `CONNECTION_READ`'s
/// columns.
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct ConnectionRow {
    id: i64,
    person_a: i64,
    person_b: i64,
    strength: i64,
    note: Option<String>,
}

macro_rules! select_connection {
    ($tail:literal) => {
        concat!(
            "SELECT id, person_a, person_b, strength, note FROM connections ",
            $tail
        )
    };
}

/// The columns of `ConnectionRow`, in its order.
pub(crate) const CONNECTION_READ: &str = "id, person_a, person_b, strength, note";

impl ConnectionRow {
    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    pub(crate) fn into_record(self) -> CoreResult<Record<Connection>> {
        let at = At::new("connections", self.id);
        Ok(record(
            self.id,
            Connection {
                a: id(self.person_a),
                b: id(self.person_b),
                strength: at.strength(self.strength)?,
                note: self.note,
            },
        ))
    }
}

/// Insert normalised connections whose people are this account's.
pub(crate) async fn insert_connections(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[Connection],
) -> CoreResult<Vec<i64>> {
    insert_rows(
        conn,
        "INSERT INTO connections (account_id, person_a, person_b, strength, note)",
        5,
        rows,
        true,
        None,
        |t, c| {
            t.bind(account)
                .bind(c.a.get())
                .bind(c.b.get())
                .bind(i64::from(c.strength.get()))
                .bind(c.note.as_deref());
        },
    )
    .await
}

/// The id of the connection between two people, if any.
async fn existing(
    conn: &mut AnyConnection,
    account: i64,
    c: &Connection,
) -> CoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM connections WHERE account_id = $1 AND person_a = $2 AND person_b = $3",
    )
    .bind(account)
    .bind(c.a.get())
    .bind(c.b.get())
    .fetch_optional(conn)
    .await
    .db()?;
    Ok(row.map(|(id,)| id))
}

fn already(c: &Connection, other: i64) -> CoreError {
    CoreError::Conflict(format!(
        "people #{} and #{} are already connected (connection #{other}); update that connection instead",
        c.a, c.b
    ))
}

impl SqlStore {
    pub(crate) async fn create_connection_tx(
        &self,
        c: &Connection,
    ) -> CoreResult<Record<Connection>> {
        let c = c.clone().normalized()?;
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &PERSON, &[c.a.get(), c.b.get()]).await?;
        if let Some(other) = existing(&mut tx, self.account(), &c).await? {
            return Err(already(&c, other));
        }
        let ids = insert_connections(&mut tx, self.account(), std::slice::from_ref(&c)).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), c))
    }

    pub(crate) async fn update_connection_tx(
        &self,
        c: &Record<Connection>,
    ) -> CoreResult<Record<Connection>> {
        let value = c.value.clone().normalized()?;
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &CONNECTION, &[c.id.get()]).await?;
        ensure_exist(
            &mut tx,
            self.account(),
            &PERSON,
            &[value.a.get(), value.b.get()],
        )
        .await?;
        if let Some(other) = existing(&mut tx, self.account(), &value).await?
            && other != c.id.get()
        {
            return Err(already(&value, other));
        }
        sqlx::query(
            "UPDATE connections SET person_a = $3, person_b = $4, strength = $5, note = $6 \
             WHERE account_id = $1 AND id = $2",
        )
        .bind(self.account())
        .bind(c.id.get())
        .bind(value.a.get())
        .bind(value.b.get())
        .bind(i64::from(value.strength.get()))
        .bind(value.note.clone())
        .execute(&mut *tx)
        .await
        .db()?;
        tx.commit().await.db()?;
        Ok(Record::new(c.id, value))
    }

    pub(crate) async fn get_connection_tx(
        &self,
        c: ConnectionId,
    ) -> CoreResult<Record<Connection>> {
        let row: Option<ConnectionRow> =
            sqlx::query_as(select_connection!("WHERE account_id = $1 AND id = $2"))
                .bind(self.account())
                .bind(c.get())
                .fetch_optional(self.pool())
                .await
                .db()?;
        row.ok_or_else(|| CONNECTION.not_found(c.get()))?
            .into_record()
    }

    pub(crate) async fn list_connections_tx(&self) -> CoreResult<Vec<Record<Connection>>> {
        let rows: Vec<ConnectionRow> =
            sqlx::query_as(select_connection!("WHERE account_id = $1 ORDER BY id"))
                .bind(self.account())
                .fetch_all(self.pool())
                .await
                .db()?;
        rows.into_iter().map(ConnectionRow::into_record).collect()
    }

    pub(crate) async fn connections_of_tx(
        &self,
        person: PersonId,
    ) -> CoreResult<Vec<Record<Connection>>> {
        let mut conn = self.pool().acquire().await.db()?;
        ensure_exist(&mut conn, self.account(), &PERSON, &[person.get()]).await?;
        // Two index searches (a person is stored as either end of a pair).
        let rows: Vec<ConnectionRow> = sqlx::query_as(select_connection!(
            "WHERE account_id = $1 AND person_a = $2 \
             UNION ALL SELECT id, person_a, person_b, strength, note FROM connections \
             WHERE account_id = $1 AND person_b = $2 ORDER BY id"
        ))
        .bind(self.account())
        .bind(person.get())
        .fetch_all(&mut *conn)
        .await
        .db()?;
        rows.into_iter().map(ConnectionRow::into_record).collect()
    }

    pub(crate) async fn delete_connection_tx(&self, c: ConnectionId) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        delete_one(&mut conn, self.account(), &CONNECTION, c.get()).await
    }
}

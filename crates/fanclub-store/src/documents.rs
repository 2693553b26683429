//! Settings and the competency framework (JSON documents, one of each per account, read
//! and written whole), and the weekly reviews (one per ISO week).

use fanclub_core::{CoreError, CoreResult, Framework, IsoWeek, Record, Settings, WeeklyReview};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::rows::{At, day_text, record, to_json};
use crate::sql::insert_rows;
use crate::violation::DbResult;

const SETTINGS: &str = "settings";
const FRAMEWORK: &str = "framework";

async fn load_document(
    conn: &mut AnyConnection,
    account: i64,
    key: &str,
) -> CoreResult<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT body FROM documents WHERE account_id = $1 AND key = $2")
            .bind(account)
            .bind(key)
            .fetch_optional(conn)
            .await
            .db()?;
    Ok(row.map(|(body,)| body))
}

pub(crate) async fn save_document<T: Serialize>(
    conn: &mut AnyConnection,
    account: i64,
    key: &str,
    value: &T,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO documents (account_id, key, body) VALUES ($1, $2, $3) \
         ON CONFLICT (account_id, key) DO UPDATE SET body = excluded.body",
    )
    .bind(account)
    .bind(key)
    .bind(to_json(value)?)
    .execute(conn)
    .await
    .db()?;
    Ok(())
}

fn unreadable(key: &str, e: serde_json::Error) -> CoreError {
    CoreError::Storage(format!("the stored {key} cannot be read: {e}"))
}

/// The framework evidence is checked against: the member's, or the default.
pub(crate) async fn load_framework(
    conn: &mut AnyConnection,
    account: i64,
) -> CoreResult<Framework> {
    match load_document(conn, account, FRAMEWORK).await? {
        Some(body) => serde_json::from_str(&body).map_err(|e| unreadable(FRAMEWORK, e)),
        None => Ok(Framework::default_leadership()),
    }
}

pub(crate) async fn load_settings(conn: &mut AnyConnection, account: i64) -> CoreResult<Settings> {
    match load_document(conn, account, SETTINGS).await? {
        Some(body) => serde_json::from_str(&body).map_err(|e| unreadable(SETTINGS, e)),
        None => Ok(Settings::default()),
    }
}

pub(crate) async fn save_framework_on(
    conn: &mut AnyConnection,
    account: i64,
    f: &Framework,
) -> CoreResult<()> {
    f.validate()?;
    save_document(conn, account, FRAMEWORK, f).await
}

pub(crate) async fn save_settings_on(
    conn: &mut AnyConnection,
    account: i64,
    s: &Settings,
) -> CoreResult<()> {
    save_document(conn, account, SETTINGS, s).await
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    id: i64,
    week: String,
    agenda: String,
    last_week: String,
    wins: Option<String>,
    learned: Option<String>,
    helped: Option<String>,
    next_week: String,
    saved_on: String,
}

macro_rules! select_review {
    ($tail:literal) => {
        concat!(
            "SELECT id, week, agenda, last_week, wins, learned, helped, next_week, saved_on FROM reviews ",
            $tail
        )
    };
}

impl ReviewRow {
    fn into_record(self) -> CoreResult<Record<WeeklyReview>> {
        let at = At::new("reviews", self.id);
        Ok(record(
            self.id,
            WeeklyReview {
                week: at.parse("week", &self.week)?,
                agenda: at.json("agenda", &self.agenda)?,
                last_week: at.json("last_week", &self.last_week)?,
                wins: self.wins,
                learned: self.learned,
                helped: self.helped,
                next_week: at.json("next_week", &self.next_week)?,
                saved_on: at.parse("saved_on", &self.saved_on)?,
            },
        ))
    }
}

type EncodedReview<'a> = (&'a WeeklyReview, String, String, String);

fn encode(r: &WeeklyReview) -> CoreResult<EncodedReview<'_>> {
    Ok((
        r,
        to_json(&r.agenda)?,
        to_json(&r.last_week)?,
        to_json(&r.next_week)?,
    ))
}

const INSERT_REVIEW: &str = "INSERT INTO reviews (account_id, week, agenda, last_week, wins, learned, helped, next_week, saved_on)";

fn bind_review(
    t: &mut crate::sql::Tuple<'_>,
    account: i64,
    (r, agenda, last, next): &EncodedReview<'_>,
) {
    t.bind(account)
        .bind(r.week.to_string())
        .bind(agenda.clone())
        .bind(last.clone())
        .bind(r.wins.clone())
        .bind(r.learned.clone())
        .bind(r.helped.clone())
        .bind(next.clone())
        .bind(day_text(r.saved_on));
}

/// Insert reviews into an account that has none of their weeks (the import).
pub(crate) async fn insert_reviews(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&WeeklyReview],
) -> CoreResult<()> {
    let encoded = rows
        .iter()
        .map(|r| encode(r))
        .collect::<CoreResult<Vec<_>>>()?;
    insert_rows(conn, INSERT_REVIEW, 9, &encoded, false, None, |t, r| {
        bind_review(t, account, r)
    })
    .await?;
    Ok(())
}

pub(crate) async fn load_reviews(
    conn: &mut AnyConnection,
    account: i64,
    by_id: bool,
) -> CoreResult<Vec<Record<WeeklyReview>>> {
    let rows: Vec<ReviewRow> = if by_id {
        sqlx::query_as(select_review!("WHERE account_id = $1 ORDER BY id"))
    } else {
        sqlx::query_as(select_review!("WHERE account_id = $1 ORDER BY week DESC"))
    }
    .bind(account)
    .fetch_all(conn)
    .await
    .db()?;
    rows.into_iter().map(ReviewRow::into_record).collect()
}

impl SqlStore {
    pub(crate) async fn get_framework_tx(&self) -> CoreResult<Framework> {
        let mut conn = self.pool().acquire().await.db()?;
        load_framework(&mut conn, self.account()).await
    }

    pub(crate) async fn save_framework_tx(&self, f: &Framework) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        save_framework_on(&mut conn, self.account(), f).await
    }

    pub(crate) async fn get_settings_tx(&self) -> CoreResult<Settings> {
        let mut conn = self.pool().acquire().await.db()?;
        load_settings(&mut conn, self.account()).await
    }

    pub(crate) async fn save_settings_tx(&self, s: &Settings) -> CoreResult<()> {
        let mut conn = self.pool().acquire().await.db()?;
        save_settings_on(&mut conn, self.account(), s).await
    }

    pub(crate) async fn save_review_tx(
        &self,
        r: &WeeklyReview,
    ) -> CoreResult<Record<WeeklyReview>> {
        r.validate()?;
        let encoded = encode(r)?;
        let mut q = crate::sql::Sql::new(INSERT_REVIEW);
        q.values([&encoded], |t, r| bind_review(t, self.account(), r));
        // Saving a week that exists replaces it and keeps its id.
        q.push(
            " ON CONFLICT (account_id, week) DO UPDATE SET agenda = excluded.agenda, \
             last_week = excluded.last_week, wins = excluded.wins, learned = excluded.learned, \
             helped = excluded.helped, next_week = excluded.next_week, saved_on = excluded.saved_on \
             RETURNING id",
        );
        let mut conn = self.pool().acquire().await.db()?;
        let id = q
            .fetch_ints(&mut conn)
            .await?
            .pop()
            .ok_or_else(|| CoreError::Storage("saving the review returned no id".into()))?;
        Ok(record(id, r.clone()))
    }

    pub(crate) async fn get_review_tx(
        &self,
        week: IsoWeek,
    ) -> CoreResult<Option<Record<WeeklyReview>>> {
        let row: Option<ReviewRow> =
            sqlx::query_as(select_review!("WHERE account_id = $1 AND week = $2"))
                .bind(self.account())
                .bind(week.to_string())
                .fetch_optional(self.pool())
                .await
                .db()?;
        row.map(ReviewRow::into_record).transpose()
    }

    pub(crate) async fn list_reviews_tx(&self) -> CoreResult<Vec<Record<WeeklyReview>>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_reviews(&mut conn, self.account(), false).await
    }

    pub(crate) async fn delete_review_tx(&self, week: IsoWeek) -> CoreResult<()> {
        let done = sqlx::query("DELETE FROM reviews WHERE account_id = $1 AND week = $2")
            .bind(self.account())
            .bind(week.to_string())
            .execute(self.pool())
            .await
            .db()?;
        match done.rows_affected() {
            0 => Err(CoreError::NotFound {
                kind: "review",
                key: week.to_string(),
                hint: "see `fanclub review list`".into(),
            }),
            _ => Ok(()),
        }
    }
}

//! Business goals, and wins with the goals they served and who knows about them.

use std::collections::HashMap;

use fanclub_core::{CoreResult, Goal, GoalId, Record, Share, Title, Win, WinId};
use sqlx::AnyConnection;

use crate::SqlStore;
use crate::rows::{At, day_text, group, id, record, to_json};
use crate::sql::{GOAL, PERSON, Sql, WIN, ensure_exist, insert_rows};
use crate::violation::DbResult;

#[derive(sqlx::FromRow)]
pub(crate) struct GoalRow {
    id: i64,
    title: String,
    period: Option<String>,
    description: Option<String>,
}

impl GoalRow {
    pub(crate) fn into_record(self) -> CoreResult<Record<Goal>> {
        let at = At::new("goals", self.id);
        Ok(record(
            self.id,
            Goal {
                title: at.ok("title", Title::parse(&self.title))?,
                period: self.period,
                description: self.description,
            },
        ))
    }
}

pub(crate) async fn insert_goals(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Goal],
) -> CoreResult<Vec<i64>> {
    insert_rows(
        conn,
        "INSERT INTO goals (account_id, title, period, description)",
        4,
        rows,
        true,
        None,
        |t, g| {
            t.bind(account)
                .bind(g.title.as_str().to_string())
                .bind(g.period.clone())
                .bind(g.description.clone());
        },
    )
    .await
}

pub(crate) async fn load_goals(
    conn: &mut AnyConnection,
    account: i64,
) -> CoreResult<Vec<Record<Goal>>> {
    let rows: Vec<GoalRow> = sqlx::query_as(
        "SELECT id, title, period, description FROM goals WHERE account_id = $1 ORDER BY id",
    )
    .bind(account)
    .fetch_all(conn)
    .await
    .db()?;
    rows.into_iter().map(GoalRow::into_record).collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct WinRow {
    id: i64,
    on_day: String,
    title: String,
    kind: String,
    description: Option<String>,
    impact_metric: Option<String>,
    impact_before: Option<String>,
    impact_after: Option<String>,
    tracks: String,
    links: String,
}

macro_rules! select_win {
    ($tail:literal) => {
        concat!(
            "SELECT id, on_day, title, kind, description, impact_metric, impact_before, impact_after, \
             tracks, links FROM wins ",
            $tail
        )
    };
}

#[derive(sqlx::FromRow)]
struct ShareRow {
    win_id: i64,
    person_id: i64,
    on_day: String,
    channel: String,
}

impl WinRow {
    fn into_record(self, goals: Vec<i64>, shares: Vec<ShareRow>) -> CoreResult<Record<Win>> {
        let at = At::new("wins", self.id);
        let shares = shares
            .into_iter()
            .map(|s| {
                let at = At::new("win_shares", s.win_id);
                Ok(Share {
                    person: id(s.person_id),
                    on: at.parse("on_day", &s.on_day)?,
                    channel: at.parse("channel", &s.channel)?,
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        Ok(record(
            self.id,
            Win {
                on: at.parse("on_day", &self.on_day)?,
                title: at.ok("title", Title::parse(&self.title))?,
                kind: at.parse("kind", &self.kind)?,
                description: self.description,
                impact: at.impact(self.impact_metric, self.impact_before, self.impact_after)?,
                goals: goals.into_iter().map(id).collect(),
                tracks: at.json("tracks", &self.tracks)?,
                links: at.json("links", &self.links)?,
                shares,
            },
        ))
    }
}

/// Insert wins (goal and person ids already this account's) with their goal links and
/// shares; returns the new ids in order.
pub(crate) async fn insert_wins(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Win],
) -> CoreResult<Vec<i64>> {
    let encoded = rows
        .iter()
        .map(|w| Ok((*w, to_json(&w.tracks)?, to_json(&w.links)?)))
        .collect::<CoreResult<Vec<_>>>()?;
    let ids = insert_rows(
        conn,
        "INSERT INTO wins (account_id, on_day, title, kind, description, impact_metric, impact_before, \
         impact_after, tracks, links)",
        10,
        &encoded,
        true,
        None,
        |t, (w, tracks, links)| {
            t.bind(account)
                .bind(day_text(w.on))
                .bind(w.title.as_str().to_string())
                .bind(w.kind.as_str())
                .bind(w.description.clone())
                .bind(w.impact.as_ref().map(|i| i.metric.clone()))
                .bind(w.impact.as_ref().and_then(|i| i.before.clone()))
                .bind(w.impact.as_ref().and_then(|i| i.after.clone()))
                .bind(tracks.clone())
                .bind(links.clone());
        },
    )
    .await?;
    let pairs: Vec<(i64, &Win)> = ids.iter().copied().zip(rows.iter().copied()).collect();
    insert_children(conn, account, &pairs).await?;
    Ok(ids)
}

/// The goal links and shares of wins already stored.
async fn insert_children(
    conn: &mut AnyConnection,
    account: i64,
    wins: &[(i64, &Win)],
) -> CoreResult<()> {
    let goals: Vec<(i64, i64, i64)> = wins
        .iter()
        .flat_map(|(wid, w)| {
            w.goals
                .iter()
                .enumerate()
                .map(move |(pos, g)| (*wid, g.get(), pos as i64))
        })
        .collect();
    insert_rows(
        conn,
        "INSERT INTO win_goals (account_id, win_id, goal_id, position)",
        4,
        &goals,
        false,
        None,
        |t, (win, goal, position)| {
            t.bind(account).bind(*win).bind(*goal).bind(*position);
        },
    )
    .await?;
    let shares: Vec<(i64, i64, &Share)> = wins
        .iter()
        .flat_map(|(wid, w)| {
            w.shares
                .iter()
                .enumerate()
                .map(move |(pos, s)| (*wid, pos as i64, s))
        })
        .collect();
    insert_shares(conn, account, &shares).await
}

async fn insert_shares(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[(i64, i64, &Share)],
) -> CoreResult<()> {
    insert_rows(
        conn,
        "INSERT INTO win_shares (account_id, win_id, position, person_id, on_day, channel)",
        6,
        rows,
        false,
        None,
        |t, (win, position, s)| {
            t.bind(account)
                .bind(*win)
                .bind(*position)
                .bind(s.person.get())
                .bind(day_text(s.on))
                .bind(s.channel.as_str());
        },
    )
    .await?;
    Ok(())
}

/// Wins with their goals and shares: one win (`only`), or all of them, newest first or by
/// id (the export).
async fn load_wins(
    conn: &mut AnyConnection,
    account: i64,
    only: Option<i64>,
    newest_first: bool,
) -> CoreResult<Vec<Record<Win>>> {
    let rows: Vec<WinRow> = match (only, newest_first) {
        (Some(win), _) => sqlx::query_as(select_win!("WHERE account_id = $1 AND id = $2"))
            .bind(account)
            .bind(win)
            .fetch_all(&mut *conn)
            .await
            .db()?,
        (None, true) => sqlx::query_as(select_win!(
            "WHERE account_id = $1 ORDER BY on_day DESC, id DESC"
        ))
        .bind(account)
        .fetch_all(&mut *conn)
        .await
        .db()?,
        (None, false) => sqlx::query_as(select_win!("WHERE account_id = $1 ORDER BY id"))
            .bind(account)
            .fetch_all(&mut *conn)
            .await
            .db()?,
    };
    let mut q = Sql::new("SELECT win_id, goal_id FROM win_goals WHERE account_id = ");
    q.bind(account);
    if let Some(win) = only {
        q.push(" AND win_id = ").bind(win);
    }
    q.push(" ORDER BY win_id, position");
    let mut goals: HashMap<i64, Vec<i64>> = group(q.fetch_all::<(i64, i64)>(conn).await?);
    let mut q =
        Sql::new("SELECT win_id, person_id, on_day, channel FROM win_shares WHERE account_id = ");
    q.bind(account);
    if let Some(win) = only {
        q.push(" AND win_id = ").bind(win);
    }
    q.push(" ORDER BY win_id, position");
    let shares: Vec<ShareRow> = q.fetch_all(conn).await?;
    let mut shares = group(shares.into_iter().map(|s| (s.win_id, s)));
    rows.into_iter()
        .map(|r| {
            let (g, s) = (
                goals.remove(&r.id).unwrap_or_default(),
                shares.remove(&r.id).unwrap_or_default(),
            );
            r.into_record(g, s)
        })
        .collect()
}

/// Every win of the account, by id (for the export).
pub(crate) async fn load_all_wins(
    conn: &mut AnyConnection,
    account: i64,
) -> CoreResult<Vec<Record<Win>>> {
    load_wins(conn, account, None, false).await
}

async fn load_win(conn: &mut AnyConnection, account: i64, win: WinId) -> CoreResult<Record<Win>> {
    load_wins(conn, account, Some(win.get()), false)
        .await?
        .pop()
        .ok_or_else(|| WIN.not_found(win.get()))
}

/// The goals and people a win points at must be this account's.
async fn ensure_refs(conn: &mut AnyConnection, account: i64, w: &Win) -> CoreResult<()> {
    let goals: Vec<i64> = w.goals.iter().map(|g| g.get()).collect();
    ensure_exist(conn, account, &GOAL, &goals).await?;
    let people: Vec<i64> = w.shares.iter().map(|s| s.person.get()).collect();
    ensure_exist(conn, account, &PERSON, &people).await
}

impl SqlStore {
    pub(crate) async fn create_goal_tx(&self, g: &Goal) -> CoreResult<Record<Goal>> {
        let mut conn = self.pool().acquire().await.db()?;
        let ids = insert_goals(&mut conn, self.account(), &[g]).await?;
        Ok(Record::new(id(ids[0]), g.clone()))
    }

    pub(crate) async fn update_goal_tx(&self, g: &Record<Goal>) -> CoreResult<Record<Goal>> {
        let done = sqlx::query(
            "UPDATE goals SET title = $3, period = $4, description = $5 WHERE account_id = $1 AND id = $2",
        )
        .bind(self.account())
        .bind(g.id.get())
        .bind(g.title.as_str())
        .bind(g.period.clone())
        .bind(g.description.clone())
        .execute(self.pool())
        .await
        .db()?;
        match done.rows_affected() {
            0 => Err(GOAL.not_found(g.id.get())),
            _ => Ok(g.clone()),
        }
    }

    pub(crate) async fn get_goal_tx(&self, g: GoalId) -> CoreResult<Record<Goal>> {
        let row: Option<GoalRow> = sqlx::query_as(
            "SELECT id, title, period, description FROM goals WHERE account_id = $1 AND id = $2",
        )
        .bind(self.account())
        .bind(g.get())
        .fetch_optional(self.pool())
        .await
        .db()?;
        row.ok_or_else(|| GOAL.not_found(g.get()))?.into_record()
    }

    pub(crate) async fn list_goals_tx(&self) -> CoreResult<Vec<Record<Goal>>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_goals(&mut conn, self.account()).await
    }

    pub(crate) async fn delete_goal_tx(&self, g: GoalId) -> CoreResult<()> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &GOAL, &[g.get()]).await?;
        for sql in [
            "DELETE FROM win_goals WHERE account_id = $1 AND goal_id = $2",
            "DELETE FROM goals WHERE account_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(self.account())
                .bind(g.get())
                .execute(&mut *tx)
                .await
                .db()?;
        }
        tx.commit().await.db()
    }

    pub(crate) async fn create_win_tx(&self, w: &Win) -> CoreResult<Record<Win>> {
        w.validate()?;
        let mut tx = self.begin().await?;
        ensure_refs(&mut tx, self.account(), w).await?;
        let ids = insert_wins(&mut tx, self.account(), &[w]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), w.clone()))
    }

    pub(crate) async fn update_win_tx(&self, w: &Record<Win>) -> CoreResult<Record<Win>> {
        w.validate()?;
        let (account, wid) = (self.account(), w.id.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &WIN, &[wid]).await?;
        ensure_refs(&mut tx, account, w).await?;
        let (tracks, links) = (to_json(&w.tracks)?, to_json(&w.links)?);
        let mut q = Sql::new(
            "UPDATE wins SET (on_day, title, kind, description, impact_metric, impact_before, impact_after, \
             tracks, links) = ",
        );
        q.tuple(|t| {
            t.bind(day_text(w.on))
                .bind(w.title.as_str().to_string())
                .bind(w.kind.as_str())
                .bind(w.description.clone())
                .bind(w.impact.as_ref().map(|i| i.metric.clone()))
                .bind(w.impact.as_ref().and_then(|i| i.before.clone()))
                .bind(w.impact.as_ref().and_then(|i| i.after.clone()))
                .bind(tracks)
                .bind(links);
        });
        q.push(" WHERE account_id = ")
            .bind(account)
            .push(" AND id = ")
            .bind(wid);
        q.execute(&mut tx).await?;
        for sql in [
            "DELETE FROM win_goals WHERE account_id = $1 AND win_id = $2",
            "DELETE FROM win_shares WHERE account_id = $1 AND win_id = $2",
        ] {
            sqlx::query(sql)
                .bind(account)
                .bind(wid)
                .execute(&mut *tx)
                .await
                .db()?;
        }
        insert_children(&mut tx, account, &[(wid, &w.value)]).await?;
        tx.commit().await.db()?;
        Ok(w.clone())
    }

    pub(crate) async fn get_win_tx(&self, w: WinId) -> CoreResult<Record<Win>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_win(&mut conn, self.account(), w).await
    }

    pub(crate) async fn list_wins_tx(&self) -> CoreResult<Vec<Record<Win>>> {
        let mut conn = self.pool().acquire().await.db()?;
        load_wins(&mut conn, self.account(), None, true).await
    }

    pub(crate) async fn delete_win_tx(&self, w: WinId) -> CoreResult<()> {
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, self.account(), &WIN, &[w.get()]).await?;
        for sql in [
            "DELETE FROM win_shares WHERE account_id = $1 AND win_id = $2",
            "DELETE FROM win_goals WHERE account_id = $1 AND win_id = $2",
            "UPDATE evidence SET win_id = NULL WHERE account_id = $1 AND win_id = $2",
            "DELETE FROM wins WHERE account_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(self.account())
                .bind(w.get())
                .execute(&mut *tx)
                .await
                .db()?;
        }
        tx.commit().await.db()
    }

    pub(crate) async fn add_share_tx(&self, w: WinId, share: &Share) -> CoreResult<Record<Win>> {
        let account = self.account();
        let mut tx = self.begin().await?;
        let mut win = load_win(&mut tx, account, w).await?;
        win.shares.push(share.clone());
        // The win's own rules (a share is not older than the win) apply to the new share.
        win.validate()?;
        ensure_exist(&mut tx, account, &PERSON, &[share.person.get()]).await?;
        let (next,): (i64,) = sqlx::query_as(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM win_shares WHERE account_id = $1 AND win_id = $2",
        )
        .bind(account)
        .bind(w.get())
        .fetch_one(&mut *tx)
        .await
        .db()?;
        insert_shares(&mut tx, account, &[(w.get(), next, share)]).await?;
        tx.commit().await.db()?;
        Ok(win)
    }
}

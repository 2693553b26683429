//! Interactions and who took part. Each participation row repeats the interaction's date,
//! so the last contact per person and a person's history read one index.

use std::collections::HashMap;

use fanclub_core::{
    CoreResult, Interaction, InteractionFilter, InteractionId, PersonId, Record, Title,
};
use sqlx::AnyConnection;

use crate::bulk::{Children, read_children, read_rows};
use crate::rows::{At, day_text, group, id, record};
use crate::sql::{IN_CHUNK, INTERACTION, PERSON, Sql, ensure_exist, insert_rows};
use crate::violation::DbResult;
use crate::{Changed, SqlStore, ids};

/// A row of `interactions`, from a query or from a JSON array of `READ`'s columns.
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct InteractionRow {
    id: i64,
    on_day: String,
    kind: String,
    summary: String,
    notes: Option<String>,
    learned: Option<String>,
    follow_up: Option<String>,
    follow_up_due: Option<String>,
    follow_up_done: i64,
    external_ref: Option<String>,
}

/// The columns of `InteractionRow`, read from `interactions i`.
const COLUMNS: &str = "SELECT i.id, i.on_day, i.kind, i.summary, i.notes, i.learned, i.follow_up, \
     i.follow_up_due, i.follow_up_done, i.external_ref ";

impl InteractionRow {
    pub(crate) fn into_record(self, people: Vec<i64>) -> CoreResult<Record<Interaction>> {
        let at = At::new("interactions", self.id);
        Ok(record(
            self.id,
            Interaction {
                on: at.day("on_day", &self.on_day)?,
                kind: at.parse("kind", &self.kind)?,
                summary: at.ok("summary", Title::parse(&self.summary))?,
                people: people.into_iter().map(id).collect(),
                notes: self.notes,
                learned: self.learned,
                follow_up: self.follow_up,
                follow_up_due: at.day_opt("follow_up_due", self.follow_up_due.as_deref())?,
                follow_up_done: at.flag("follow_up_done", self.follow_up_done)?,
                external_ref: self.external_ref,
            },
        ))
    }
}

/// Insert interactions (people already this account's ids) and their participants;
/// returns the new ids in order.
pub(crate) async fn insert_interactions(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[&Interaction],
) -> CoreResult<Vec<i64>> {
    let rows: Vec<(&Interaction, &[PersonId])> =
        rows.iter().map(|i| (*i, i.people.as_slice())).collect();
    insert_interactions_with(conn, account, &rows).await
}

/// As `insert_interactions`, each interaction with the people given beside it instead of
/// its own (a restore maps them to new ids without copying the interaction).
pub(crate) async fn insert_interactions_with(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[(&Interaction, &[PersonId])],
) -> CoreResult<Vec<i64>> {
    let subject = match rows {
        [(one, _)] => one.external_ref.as_deref(),
        _ => None,
    };
    let ids = insert_rows(
        conn,
        "INSERT INTO interactions (account_id, on_day, kind, summary, notes, learned, follow_up, \
         follow_up_due, follow_up_done, external_ref)",
        10,
        rows,
        true,
        subject,
        |t, (i, _)| {
            t.bind(account)
                .bind(day_text(i.on))
                .bind(i.kind.as_str())
                .bind(i.summary.as_str())
                .bind(i.notes.as_deref())
                .bind(i.learned.as_deref())
                .bind(i.follow_up.as_deref())
                .bind(i.follow_up_due.map(day_text))
                .bind(i64::from(i.follow_up_done))
                .bind(i.external_ref.as_deref());
        },
    )
    .await?;
    let participants: Vec<(i64, i64, i64, String)> = rows
        .iter()
        .zip(&ids)
        .flat_map(|((i, people), iid)| {
            let on = day_text(i.on);
            people
                .iter()
                .enumerate()
                .map(move |(pos, p)| (*iid, p.get(), pos as i64, on.clone()))
        })
        .collect();
    insert_participants(conn, account, &participants).await?;
    Ok(ids)
}

pub(crate) async fn insert_participants(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[(i64, i64, i64, String)],
) -> CoreResult<()> {
    insert_rows(
        conn,
        "INSERT INTO interaction_people (account_id, interaction_id, person_id, position, on_day)",
        5,
        rows,
        false,
        None,
        |t, (interaction, person, position, on)| {
            t.bind(account)
                .bind(*interaction)
                .bind(*person)
                .bind(*position)
                .bind(on.as_str());
        },
    )
    .await?;
    let mut people: Vec<i64> = rows.iter().map(|r| r.1).collect();
    people.sort_unstable();
    people.dedup();
    refresh_contacts(conn, account, &people).await
}

/// Recompute `contact_summary` for `people` from their participations: called in the
/// transaction of every change to `interaction_people`, so the summary never drifts.
pub(crate) async fn refresh_contacts(
    conn: &mut AnyConnection,
    account: i64,
    people: &[i64],
) -> CoreResult<()> {
    for chunk in people.chunks(IN_CHUNK) {
        let mut q = Sql::new("DELETE FROM contact_summary WHERE account_id = ");
        q.bind(account).push(" AND person_id IN ").list(chunk);
        q.execute(conn).await?;
        let mut q = Sql::new(
            "INSERT INTO contact_summary (account_id, person_id, last_on, contacts) \
             SELECT account_id, person_id, MAX(on_day), COUNT(*) FROM interaction_people \
             WHERE account_id = ",
        );
        q.bind(account)
            .push(" AND person_id IN ")
            .list(chunk)
            .push(" GROUP BY account_id, person_id");
        q.execute(conn).await?;
    }
    Ok(())
}

/// The people of one interaction, before a change removes them.
async fn participants_of(
    conn: &mut AnyConnection,
    account: i64,
    interaction: i64,
) -> CoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT person_id FROM interaction_people WHERE account_id = $1 AND interaction_id = $2",
    )
    .bind(account)
    .bind(interaction)
    .fetch_all(&mut *conn)
    .await
    .db()?;
    Ok(rows.into_iter().map(|(p,)| p).collect())
}

/// The columns of `InteractionRow`, in its order, for `bulk::read_rows`.
const READ: &str = "id, on_day, kind, summary, notes, learned, follow_up, follow_up_due, \
     follow_up_done, external_ref";

/// Who took part in which interaction, and in which place.
const PARTICIPANTS: Children = Children {
    table: "interaction_people",
    columns: "interaction_id, position, person_id",
    parent: "interaction_id",
};

/// Interactions whose participants are read in one statement.
const PARTICIPANT_CHUNK: usize = 10_000;

/// Every interaction of the account, by id, with its participants (read as JSON, see
/// `bulk::read_rows`).
pub(crate) async fn load_interactions(
    conn: &mut AnyConnection,
    account: i64,
) -> CoreResult<Vec<Record<Interaction>>> {
    let rows: Vec<InteractionRow> =
        read_rows(conn, account, "interactions", READ, |r: &InteractionRow| {
            r.id
        })
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    let mut rows = rows.into_iter().peekable();
    while let Some(first) = rows.peek().map(|r| r.id) {
        let chunk: Vec<InteractionRow> = rows.by_ref().take(PARTICIPANT_CHUNK).collect();
        let last = chunk.last().map_or(first, |r| r.id);
        let participants: Vec<(i64, i64, i64)> = read_children(
            conn,
            account,
            &PARTICIPANTS,
            (first, last),
            |p: &(i64, i64, i64)| (p.0, p.1),
        )
        .await?;
        // Both in interaction order: walk them side by side.
        let mut them = participants.into_iter().peekable();
        for row in chunk {
            let mut people = Vec::new();
            while let Some((_, _, person)) = them.next_if(|p| p.0 == row.id) {
                people.push(person);
            }
            out.push(row.into_record(people)?);
        }
    }
    Ok(out)
}

fn attach(
    rows: Vec<InteractionRow>,
    mut people: HashMap<i64, Vec<i64>>,
) -> CoreResult<Vec<Record<Interaction>>> {
    rows.into_iter()
        .map(|r| {
            let with = people.remove(&r.id).unwrap_or_default();
            r.into_record(with)
        })
        .collect()
}

/// Append `FROM … WHERE … ORDER BY … LIMIT …`: the interactions a filter selects (as
/// `i`), newest first.
/// Interactions with a follow-up still to do (served by a partial index).
const OPEN_FOLLOW_UP: &str = " AND i.follow_up IS NOT NULL AND i.follow_up_done = 0";

/// `FROM … WHERE …` for the interactions `f` matches (only those in `only` if given),
/// newest first.
fn push_matching(q: &mut Sql, account: i64, f: &InteractionFilter, only: Option<&[i64]>) {
    match f.person {
        // Through the (account_id, person_id, on_day) index.
        Some(person) => {
            q.push(
                "FROM interaction_people ip JOIN interactions i \
                 ON i.account_id = ip.account_id AND i.id = ip.interaction_id \
                 WHERE ip.account_id = ",
            )
            .bind(account)
            .push(" AND ip.person_id = ")
            .bind(person.get());
            if let Some(since) = f.since {
                q.push(" AND ip.on_day >= ").bind(day_text(since));
            }
            if let Some(until) = f.until {
                q.push(" AND ip.on_day <= ").bind(day_text(until));
            }
            if f.open_follow_ups {
                q.push(OPEN_FOLLOW_UP);
            }
            if let Some(ids) = only {
                q.push(" AND ip.interaction_id IN ").list(ids);
            }
            q.push(" ORDER BY ip.on_day DESC, ip.interaction_id DESC");
        }
        None => {
            q.push("FROM interactions i WHERE i.account_id = ")
                .bind(account);
            if let Some(since) = f.since {
                q.push(" AND i.on_day >= ").bind(day_text(since));
            }
            if let Some(until) = f.until {
                q.push(" AND i.on_day <= ").bind(day_text(until));
            }
            if f.open_follow_ups {
                q.push(OPEN_FOLLOW_UP);
            }
            if let Some(ids) = only {
                q.push(" AND i.id IN ").list(ids);
            }
            q.push(" ORDER BY i.on_day DESC, i.id DESC");
        }
    }
    if let Some(limit) = f.limit {
        q.push(" LIMIT ").bind(i64::from(limit));
    }
}

impl SqlStore {
    pub(crate) async fn create_interaction_tx(
        &self,
        i: &Interaction,
    ) -> CoreResult<Record<Interaction>> {
        i.validate()?;
        let mut tx = self.begin().await?;
        let people: Vec<i64> = i.people.iter().map(|p| p.get()).collect();
        ensure_exist(&mut tx, self.account(), &PERSON, &people).await?;
        let ids = insert_interactions(&mut tx, self.account(), &[i]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(id(ids[0]), i.clone()))
    }

    pub(crate) async fn update_interaction_tx(
        &self,
        i: &Record<Interaction>,
    ) -> CoreResult<Record<Interaction>> {
        i.validate()?;
        let (account, iid) = (self.account(), i.id.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &INTERACTION, &[iid]).await?;
        let people: Vec<i64> = i.people.iter().map(|p| p.get()).collect();
        ensure_exist(&mut tx, account, &PERSON, &people).await?;
        let mut q = Sql::new(
            "UPDATE interactions SET (on_day, kind, summary, notes, learned, follow_up, follow_up_due, \
             follow_up_done, external_ref) = ",
        );
        q.tuple(|t| {
            t.bind(day_text(i.on))
                .bind(i.kind.as_str())
                .bind(i.summary.as_str().to_string())
                .bind(i.notes.clone())
                .bind(i.learned.clone())
                .bind(i.follow_up.clone())
                .bind(i.follow_up_due.map(day_text))
                .bind(i64::from(i.follow_up_done))
                .bind(i.external_ref.clone());
        });
        q.push(" WHERE account_id = ")
            .bind(account)
            .push(" AND id = ")
            .bind(iid);
        match i.external_ref.as_deref() {
            Some(external) => q.execute_about(&mut tx, external).await?,
            None => q.execute(&mut tx).await?,
        };
        let before = participants_of(&mut tx, account, iid).await?;
        sqlx::query("DELETE FROM interaction_people WHERE account_id = $1 AND interaction_id = $2")
            .bind(account)
            .bind(iid)
            .execute(&mut *tx)
            .await
            .db()?;
        let dropped: Vec<i64> = before.into_iter().filter(|p| !people.contains(p)).collect();
        refresh_contacts(&mut tx, account, &dropped).await?;
        let on = day_text(i.on);
        let participants: Vec<(i64, i64, i64, String)> = people
            .iter()
            .enumerate()
            .map(|(pos, p)| (iid, *p, pos as i64, on.clone()))
            .collect();
        insert_participants(&mut tx, account, &participants).await?;
        tx.commit().await.db()?;
        Ok(i.clone())
    }

    pub(crate) async fn get_interaction_tx(
        &self,
        i: InteractionId,
    ) -> CoreResult<Record<Interaction>> {
        let mut conn = self.pool().acquire().await.db()?;
        let mut q = Sql::new(COLUMNS);
        q.push("FROM interactions i WHERE i.account_id = ")
            .bind(self.account())
            .push(" AND i.id = ")
            .bind(i.get());
        let row = q
            .fetch_all::<InteractionRow>(&mut conn)
            .await?
            .pop()
            .ok_or_else(|| INTERACTION.not_found(i.get()))?;
        let people: Vec<(i64,)> = sqlx::query_as(
            "SELECT person_id FROM interaction_people WHERE account_id = $1 AND interaction_id = $2 \
             ORDER BY position",
        )
        .bind(self.account())
        .bind(i.get())
        .fetch_all(&mut *conn)
        .await
        .db()?;
        row.into_record(people.into_iter().map(|(p,)| p).collect())
    }

    pub(crate) async fn list_interactions_tx(
        &self,
        f: &InteractionFilter,
    ) -> CoreResult<Vec<Record<Interaction>>> {
        let mut conn = self.pool().acquire().await.db()?;
        read_interactions(&mut conn, self.account(), f, None).await
    }

    /// The list `f` matches, from the list as kept and the ids of the interactions that
    /// changed since (see `cache.rs`): those are read again and put in their place, or
    /// left out if they no longer match. A list cut at a limit is read again whole, as a
    /// change can bring in one that was past the cut.
    pub(crate) async fn interactions_patched(
        &self,
        f: &InteractionFilter,
        kept: Option<(Vec<Record<Interaction>>, Vec<Changed>)>,
    ) -> CoreResult<Vec<Record<Interaction>>> {
        let mut conn = self.pool().acquire().await.db()?;
        let (mut list, ids) = match kept {
            Some((list, changed)) if f.limit.is_none() => (list, ids(&changed)),
            _ => return read_interactions(&mut conn, self.account(), f, None).await,
        };
        let fresh = read_interactions(&mut conn, self.account(), f, Some(&ids)).await?;
        list.retain(|i| ids.binary_search(&i.id.get()).is_err());
        let newest_first = |i: &Record<Interaction>| std::cmp::Reverse((i.on, i.id.get()));
        for i in fresh {
            let at = list.partition_point(|j| newest_first(j) < newest_first(&i));
            list.insert(at, i);
        }
        Ok(list)
    }

    pub(crate) async fn delete_interaction_tx(&self, i: InteractionId) -> CoreResult<()> {
        let (account, iid) = (self.account(), i.get());
        let mut tx = self.begin().await?;
        ensure_exist(&mut tx, account, &INTERACTION, &[iid]).await?;
        let people = participants_of(&mut tx, account, iid).await?;
        for sql in [
            "UPDATE evidence SET interaction_id = NULL WHERE account_id = $1 AND interaction_id = $2",
            "DELETE FROM interaction_people WHERE account_id = $1 AND interaction_id = $2",
            "DELETE FROM interactions WHERE account_id = $1 AND id = $2",
        ] {
            sqlx::query(sql)
                .bind(account)
                .bind(iid)
                .execute(&mut *tx)
                .await
                .db()?;
        }
        refresh_contacts(&mut tx, account, &people).await?;
        tx.commit().await.db()?;
        Ok(())
    }
}

/// The interactions `f` matches (only those in `only` if given), newest first, each with
/// its participants.
async fn read_interactions(
    conn: &mut AnyConnection,
    account: i64,
    f: &InteractionFilter,
    only: Option<&[i64]>,
) -> CoreResult<Vec<Record<Interaction>>> {
    let mut q = Sql::new(COLUMNS);
    push_matching(&mut q, account, f, only);
    let mut rows: Vec<InteractionRow> = q.fetch_json(conn, READ, "interactions").await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // Newest first, as `push_matching` orders them (ISO days sort as text).
    rows.sort_unstable_by(|a, b| (&b.on_day, b.id).cmp(&(&a.on_day, a.id)));
    // The participants of exactly those interactions: the same filter as a subquery,
    // rather than a list of ids that could run to a million.
    let mut q = Sql::new(
        "SELECT interaction_id, position, person_id FROM interaction_people WHERE account_id = ",
    );
    q.bind(account).push(" AND interaction_id IN (SELECT i.id ");
    push_matching(&mut q, account, f, only);
    q.push(")");
    let mut participants: Vec<(i64, i64, i64)> = q
        .fetch_json(
            conn,
            "interaction_id, position, person_id",
            "interaction_people",
        )
        .await?;
    participants.sort_unstable();
    let participants = participants.into_iter().map(|(i, _, p)| (i, p));
    attach(rows, group(participants))
}

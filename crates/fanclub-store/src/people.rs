//! People, their e-mail addresses and their stance history. The history is written here,
//! in the same transaction as the person, so it cannot drift from the current stance.

use fanclub_core::store::LastContact;
use fanclub_core::{
    CoreError, CoreResult, Day, Handle, Name, Person, PersonId, Record, Stance, StanceChange,
};
use sqlx::AnyConnection;

use crate::bulk::{Children, read_children, read_rows};
use crate::rows::{At, day_text, emails, group, id, record, to_json};
use crate::sql::{PERSON, Sql, Tuple, ensure_exist, insert_rows};
use crate::violation::DbResult;
use crate::{Changed, SqlStore, ids};

/// The columns of `people` after `id`, in the order `bind_person` binds them.
const INSERT_PERSON: &str = "INSERT INTO people (account_id, handle, name, phones, links, organisation, \
     title, team, circle, relation, influence, interest, stance, trust_credibility, trust_reliability, \
     trust_intimacy, trust_self_orientation, goals, struggles, interests, how_met, introduced_by, \
     cadence_days, birthday, notes)";
const PERSON_COLUMNS: usize = 25;

/// A row of `people`, from a query or from a JSON array of `PERSON_READ`'s columns.
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct PersonRow {
    id: i64,
    handle: String,
    name: String,
    phones: String,
    links: String,
    organisation: Option<String>,
    title: Option<String>,
    team: Option<String>,
    circle: String,
    relation: String,
    influence: i64,
    interest: i64,
    stance: String,
    trust_credibility: Option<i64>,
    trust_reliability: Option<i64>,
    trust_intimacy: Option<i64>,
    trust_self_orientation: Option<i64>,
    goals: Option<String>,
    struggles: Option<String>,
    interests: Option<String>,
    how_met: Option<String>,
    introduced_by: Option<i64>,
    cadence_days: Option<i64>,
    birthday: Option<String>,
    notes: Option<String>,
}

macro_rules! select_person {
    ($tail:literal) => {
        concat!(
            "SELECT id, handle, name, phones, links, organisation, title, team, circle, relation, \
             influence, interest, stance, trust_credibility, trust_reliability, trust_intimacy, \
             trust_self_orientation, goals, struggles, interests, how_met, introduced_by, \
             cadence_days, birthday, notes FROM people ",
            $tail
        )
    };
}

impl PersonRow {
    pub(crate) fn into_record(self, email_texts: Vec<String>) -> CoreResult<Record<Person>> {
        let at = At::new("people", self.id);
        let person = Person {
            handle: at.ok("handle", Handle::parse(&self.handle))?,
            name: at.ok("name", Name::parse(&self.name))?,
            emails: emails(at, email_texts)?,
            phones: at.json("phones", &self.phones)?,
            links: at.json("links", &self.links)?,
            organisation: self.organisation,
            title: self.title,
            team: self.team,
            circle: at.parse("circle", &self.circle)?,
            relation: at.parse("relation", &self.relation)?,
            influence: at.influence(self.influence)?,
            interest: at.interest(self.interest)?,
            stance: at.parse("stance", &self.stance)?,
            trust: at.trust([
                self.trust_credibility,
                self.trust_reliability,
                self.trust_intimacy,
                self.trust_self_orientation,
            ])?,
            goals: self.goals,
            struggles: self.struggles,
            interests: self.interests,
            how_met: self.how_met,
            introduced_by: self.introduced_by.map(id),
            cadence: at.cadence(self.cadence_days)?,
            birthday: self.birthday,
            notes: self.notes,
        };
        Ok(record(self.id, person))
    }
}

/// Bind a person's columns (after `account_id`) in `INSERT_PERSON`'s order.
fn bind_person(
    t: &mut Tuple<'_>,
    p: &Person,
    phones: &str,
    links: &str,
    introduced_by: Option<i64>,
) {
    let trust = p.trust.map(|t| {
        [t.credibility, t.reliability, t.intimacy, t.self_orientation].map(|f| i64::from(f.get()))
    });
    let factor = |i: usize| trust.map(|t| t[i]);
    t.bind(p.handle.as_str())
        .bind(p.name.as_str())
        .bind(phones)
        .bind(links)
        .bind(p.organisation.as_deref())
        .bind(p.title.as_deref())
        .bind(p.team.as_deref())
        .bind(p.circle.as_str())
        .bind(p.relation.as_str())
        .bind(i64::from(p.influence.get()))
        .bind(i64::from(p.interest.get()))
        .bind(p.stance.as_str())
        .bind(factor(0))
        .bind(factor(1))
        .bind(factor(2))
        .bind(factor(3))
        .bind(p.goals.as_deref())
        .bind(p.struggles.as_deref())
        .bind(p.interests.as_deref())
        .bind(p.how_met.as_deref())
        .bind(introduced_by)
        .bind(p.cadence.map(|c| i64::from(c.days())))
        .bind(p.birthday.as_deref())
        .bind(p.notes.as_deref());
}

/// Insert people (each with the `introduced_by` given beside it, already one of this
/// account's ids) and their e-mail addresses; returns their new ids in order. A single
/// person's handle is named in the error when it is taken.
pub(crate) async fn insert_people(
    conn: &mut AnyConnection,
    account: i64,
    people: &[(&Person, Option<i64>)],
) -> CoreResult<Vec<i64>> {
    let encoded = people
        .iter()
        .map(|(p, by)| Ok((*p, to_json(&p.phones)?, to_json(&p.links)?, *by)))
        .collect::<CoreResult<Vec<_>>>()?;
    let subject = match people {
        [(p, _)] => Some(p.handle.as_str()),
        _ => None,
    };
    let ids = insert_rows(
        conn,
        INSERT_PERSON,
        PERSON_COLUMNS,
        &encoded,
        true,
        subject,
        |t, (p, phones, links, by)| {
            t.bind(account);
            bind_person(t, p, phones, links, *by);
        },
    )
    .await?;
    let addresses: Vec<(i64, i64, &str)> = people
        .iter()
        .zip(&ids)
        .flat_map(|((p, _), pid)| {
            p.emails
                .iter()
                .enumerate()
                .map(move |(i, e)| (*pid, i as i64, e.as_str()))
        })
        .collect();
    insert_emails(conn, account, &addresses).await?;
    Ok(ids)
}

async fn insert_emails(
    conn: &mut AnyConnection,
    account: i64,
    rows: &[(i64, i64, &str)],
) -> CoreResult<()> {
    insert_rows(
        conn,
        "INSERT INTO person_emails (account_id, person_id, position, email)",
        4,
        rows,
        false,
        None,
        |t, (person, position, email)| {
            t.bind(account).bind(*person).bind(*position).bind(*email);
        },
    )
    .await?;
    Ok(())
}

/// Insert stance changes whose person ids are already this account's.
pub(crate) async fn insert_stance_changes(
    conn: &mut AnyConnection,
    account: i64,
    changes: &[StanceChange],
) -> CoreResult<Vec<i64>> {
    insert_rows(
        conn,
        "INSERT INTO stance_changes (account_id, person_id, from_stance, to_stance, on_day, note)",
        6,
        changes,
        true,
        None,
        |t, c| {
            t.bind(account)
                .bind(c.person.get())
                .bind(c.from.map(Stance::as_str))
                .bind(c.to.as_str())
                .bind(day_text(c.on))
                .bind(c.note.as_deref());
        },
    )
    .await
}

/// The columns of `PersonRow`, in its order.
const PERSON_READ: &str = "id, handle, name, phones, links, organisation, title, team, circle, \
     relation, influence, interest, stance, trust_credibility, trust_reliability, trust_intimacy, \
     trust_self_orientation, goals, struggles, interests, how_met, introduced_by, cadence_days, \
     birthday, notes";

/// Every e-mail address of the account's people, by person and position.
const EMAILS: Children = Children {
    table: "person_emails",
    columns: "person_id, position, email",
    parent: "person_id",
};

/// People of this account, by id, with their e-mail addresses (read as JSON, see
/// `bulk::read_rows`).
pub(crate) async fn load_people(
    conn: &mut AnyConnection,
    account: i64,
) -> CoreResult<Vec<Record<Person>>> {
    let rows: Vec<PersonRow> =
        read_rows(conn, account, "people", PERSON_READ, |r: &PersonRow| r.id).await?;
    let addresses: Vec<(i64, i64, String)> = read_children(
        conn,
        account,
        &EMAILS,
        (i64::MIN, i64::MAX),
        |e: &(i64, i64, String)| (e.0, e.1),
    )
    .await?;
    let mut by_person = group(addresses.into_iter().map(|(p, _, e)| (p, e)));
    rows.into_iter()
        .map(|r| {
            let mine = by_person.remove(&r.id).unwrap_or_default();
            r.into_record(mine)
        })
        .collect()
}

/// A row of `stance_changes`, from a query or from a JSON array of `STANCE_READ`'s
/// columns.
#[derive(sqlx::FromRow, serde::Deserialize)]
pub(crate) struct StanceRow {
    id: i64,
    person_id: i64,
    from_stance: Option<String>,
    to_stance: String,
    on_day: String,
    note: Option<String>,
}

macro_rules! select_stance {
    ($tail:literal) => {
        concat!(
            "SELECT id, person_id, from_stance, to_stance, on_day, note FROM stance_changes ",
            $tail
        )
    };
}

/// The columns of `StanceRow`, in its order.
pub(crate) const STANCE_READ: &str = "id, person_id, from_stance, to_stance, on_day, note";

impl StanceRow {
    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    pub(crate) fn into_record(self) -> CoreResult<Record<StanceChange>> {
        let at = At::new("stance_changes", self.id);
        Ok(record(
            self.id,
            StanceChange {
                person: id(self.person_id),
                from: at.parse_opt("from_stance", self.from_stance.as_deref())?,
                to: at.parse("to_stance", &self.to_stance)?,
                on: at.day("on_day", &self.on_day)?,
                note: self.note,
            },
        ))
    }
}

impl SqlStore {
    pub(crate) async fn create_person_tx(
        &self,
        p: &Person,
        since: Day,
    ) -> CoreResult<Record<Person>> {
        p.validate()?;
        let mut tx = self.begin().await?;
        let by = p.introduced_by.map(|b| b.get());
        ensure_exist(&mut tx, self.account(), &PERSON, by.as_slice()).await?;
        let ids = insert_people(&mut tx, self.account(), &[(p, by)]).await?;
        let person = id(ids[0]);
        let first = StanceChange {
            person,
            from: None,
            to: p.stance,
            on: since,
            note: None,
        };
        insert_stance_changes(&mut tx, self.account(), &[first]).await?;
        tx.commit().await.db()?;
        Ok(Record::new(person, p.clone()))
    }

    pub(crate) async fn update_person_tx(
        &self,
        p: &Record<Person>,
        on: Day,
    ) -> CoreResult<Record<Person>> {
        p.validate()?;
        if p.introduced_by == Some(p.id) {
            return Err(CoreError::Conflict(format!(
                "{} cannot have introduced themselves; choose who introduced you",
                p.name
            )));
        }
        let account = self.account();
        let mut tx = self.begin().await?;
        let old: Option<(String,)> =
            sqlx::query_as("SELECT stance FROM people WHERE account_id = $1 AND id = $2")
                .bind(account)
                .bind(p.id.get())
                .fetch_optional(&mut *tx)
                .await
                .db()?;
        let Some((old,)) = old else {
            return Err(PERSON.not_found(p.id.get()));
        };
        let old: Stance = At::new("people", p.id.get()).parse("stance", &old)?;
        let by = p.introduced_by.map(|b| b.get());
        ensure_exist(&mut tx, account, &PERSON, by.as_slice()).await?;

        let (phones, links) = (to_json(&p.phones)?, to_json(&p.links)?);
        let mut q = Sql::new(
            "UPDATE people SET (handle, name, phones, links, organisation, title, team, \
             circle, relation, influence, interest, stance, trust_credibility, trust_reliability, \
             trust_intimacy, trust_self_orientation, goals, struggles, interests, how_met, introduced_by, \
             cadence_days, birthday, notes) = ",
        );
        q.tuple(|t| bind_person(t, p, &phones, &links, by));
        q.push(" WHERE account_id = ")
            .bind(account)
            .push(" AND id = ")
            .bind(p.id.get());
        q.execute_about(&mut tx, p.handle.as_str()).await?;

        sqlx::query("DELETE FROM person_emails WHERE account_id = $1 AND person_id = $2")
            .bind(account)
            .bind(p.id.get())
            .execute(&mut *tx)
            .await
            .db()?;
        let addresses: Vec<(i64, i64, &str)> = p
            .emails
            .iter()
            .enumerate()
            .map(|(i, e)| (p.id.get(), i as i64, e.as_str()))
            .collect();
        insert_emails(&mut tx, account, &addresses).await?;
        if old != p.stance {
            let change = StanceChange {
                person: p.id,
                from: Some(old),
                to: p.stance,
                on,
                note: None,
            };
            insert_stance_changes(&mut tx, account, &[change]).await?;
        }
        tx.commit().await.db()?;
        Ok(p.clone())
    }

    pub(crate) async fn get_person_tx(&self, person: PersonId) -> CoreResult<Record<Person>> {
        let mut conn = self.pool().acquire().await.db()?;
        let row: Option<PersonRow> =
            sqlx::query_as(select_person!("WHERE account_id = $1 AND id = $2"))
                .bind(self.account())
                .bind(person.get())
                .fetch_optional(&mut *conn)
                .await
                .db()?;
        let row = row.ok_or_else(|| PERSON.not_found(person.get()))?;
        let addresses: Vec<(String,)> = sqlx::query_as(
            "SELECT email FROM person_emails WHERE account_id = $1 AND person_id = $2 ORDER BY position",
        )
        .bind(self.account())
        .bind(person.get())
        .fetch_all(&mut *conn)
        .await
        .db()?;
        row.into_record(addresses.into_iter().map(|(e,)| e).collect())
    }

    pub(crate) async fn list_people_tx(&self) -> CoreResult<Vec<Record<Person>>> {
        let mut conn = self.pool().acquire().await.db()?;
        let mut people = load_people(&mut conn, self.account()).await?;
        // Sorted here rather than by ORDER BY: SQLite and PostgreSQL collate text
        // differently, and the list must read the same on both.
        people.sort_by_cached_key(by_name);
        Ok(people)
    }

    /// Everyone, from the list as kept and the ids of the people who changed since (see
    /// `cache.rs`): those are read again and put in their place by name, or left out if
    /// they were deleted.
    pub(crate) async fn people_patched(
        &self,
        kept: Option<(Vec<Record<Person>>, Vec<Changed>)>,
    ) -> CoreResult<Vec<Record<Person>>> {
        let Some((mut people, changed)) = kept else {
            return self.list_people_tx().await;
        };
        let ids = ids(&changed);
        let mut conn = self.pool().acquire().await.db()?;
        let account = self.account();
        let mut q = Sql::new(select_person!("WHERE account_id = "));
        q.bind(account).push(" AND id IN ").list(&ids);
        let rows: Vec<PersonRow> = q.fetch_all(&mut conn).await?;
        let mut q =
            Sql::new("SELECT person_id, position, email FROM person_emails WHERE account_id = ");
        q.bind(account).push(" AND person_id IN ").list(&ids);
        let mut addresses: Vec<(i64, i64, String)> = q.fetch_all(&mut conn).await?;
        addresses.sort_unstable();
        let mut by_person = group(addresses.into_iter().map(|(p, _, e)| (p, e)));
        people.retain(|p| ids.binary_search(&p.id.get()).is_err());
        for row in rows {
            let mine = by_person.remove(&row.id).unwrap_or_default();
            let person = row.into_record(mine)?;
            let key = by_name(&person);
            let at = people.partition_point(|p| by_name(p) < key);
            people.insert(at, person);
        }
        Ok(people)
    }

    pub(crate) async fn stance_history_tx(
        &self,
        person: PersonId,
    ) -> CoreResult<Vec<Record<StanceChange>>> {
        let mut conn = self.pool().acquire().await.db()?;
        ensure_exist(&mut conn, self.account(), &PERSON, &[person.get()]).await?;
        let rows: Vec<StanceRow> = sqlx::query_as(select_stance!(
            "WHERE account_id = $1 AND person_id = $2 ORDER BY on_day, id"
        ))
        .bind(self.account())
        .bind(person.get())
        .fetch_all(&mut *conn)
        .await
        .db()?;
        rows.into_iter().map(StanceRow::into_record).collect()
    }

    pub(crate) async fn stance_changes_since_tx(
        &self,
        since: Day,
    ) -> CoreResult<Vec<Record<StanceChange>>> {
        let rows: Vec<StanceRow> = sqlx::query_as(select_stance!(
            "WHERE account_id = $1 AND on_day >= $2 ORDER BY on_day, id"
        ))
        .bind(self.account())
        .bind(day_text(since))
        .fetch_all(self.pool())
        .await
        .db()?;
        rows.into_iter().map(StanceRow::into_record).collect()
    }

    /// The last contacts, from the list as kept and the people whose summary changed
    /// since (see `cache.rs`).
    pub(crate) async fn last_contacts_patched(
        &self,
        kept: Option<(Vec<LastContact>, Vec<Changed>)>,
    ) -> CoreResult<Vec<LastContact>> {
        let mut conn = self.pool().acquire().await.db()?;
        let Some((mut contacts, changed)) = kept else {
            return read_contacts(&mut conn, self.account(), None).await;
        };
        let ids = ids(&changed);
        let fresh = read_contacts(&mut conn, self.account(), Some(&ids)).await?;
        contacts.retain(|c| ids.binary_search(&c.person.get()).is_err());
        for c in fresh {
            let at = contacts.partition_point(|d| d.person < c.person);
            contacts.insert(at, c);
        }
        Ok(contacts)
    }
}

/// The order of the people list: by name whatever the case, then as written, then by id.
fn by_name(p: &Record<Person>) -> (String, String, PersonId) {
    (
        p.name.as_str().to_lowercase(),
        p.name.as_str().to_string(),
        p.id,
    )
}

/// The last contact with each person (only those in `only` if given), by person.
async fn read_contacts(
    conn: &mut AnyConnection,
    account: i64,
    only: Option<&[i64]>,
) -> CoreResult<Vec<LastContact>> {
    let mut q =
        Sql::new("SELECT person_id, last_on, contacts FROM contact_summary WHERE account_id = ");
    q.bind(account);
    if let Some(ids) = only {
        q.push(" AND person_id IN ").list(ids);
    }
    let mut rows: Vec<(i64, String, i64)> = q
        .fetch_json(conn, "person_id, last_on, contacts", "contact_summary")
        .await?;
    rows.sort_unstable_by_key(|(person, _, _)| *person);
    rows.into_iter()
        .map(|(person, on, count)| {
            Ok(LastContact {
                person: id(person),
                on: At::new("contact_summary", person).parse("on_day", &on)?,
                count: u64::try_from(count).unwrap_or(0),
            })
        })
        .collect()
}

//! Writing an import plan: new people (with their first stance), filled-in people and new
//! interactions, in one transaction and in multi-row batches, so a file of thousands of
//! contacts is written whole, fast, or not at all.

use fanclub_core::import::{ImportPlan, ImportSummary, Join, PersonUpdate, PlanPerson};
use fanclub_core::{CoreError, CoreResult, Interaction, Person, PersonId, StanceChange};
use sqlx::AnyConnection;

use crate::bulk::{Tuning, Wanted, begin_write};
use crate::change_log;
use crate::interactions::{insert_interactions, insert_participants};
use crate::people::{insert_people, insert_stance_changes};
use crate::rows::{id, to_json};
use crate::sql::{IN_CHUNK, PERSON, Sql, ensure_exist, insert_rows};
use crate::violation::DbResult;
use crate::{Backend, SqlStore};

/// Write the fields an import may fill (everything but the member's own judgements: name,
/// handle, circle, relation, scores, stance, trust) and replace the e-mail addresses.
pub(crate) async fn write_filled(
    conn: &mut AnyConnection,
    account: i64,
    people: &[(PersonId, &Person)],
) -> CoreResult<()> {
    for (pid, p) in people {
        let (phones, links) = (to_json(&p.phones)?, to_json(&p.links)?);
        let trust = p.trust.map(|t| {
            [t.credibility, t.reliability, t.intimacy, t.self_orientation]
                .map(|f| i64::from(f.get()))
        });
        let factor = |i: usize| trust.map(|t| t[i]);
        let mut q = Sql::new(
            "UPDATE people SET (phones, links, organisation, title, team, goals, struggles, \
             interests, how_met, introduced_by, cadence_days, birthday, notes, trust_credibility, \
             trust_reliability, trust_intimacy, trust_self_orientation) = ",
        );
        q.tuple(|t| {
            t.bind(phones)
                .bind(links)
                .bind(p.organisation.as_deref())
                .bind(p.title.as_deref())
                .bind(p.team.as_deref())
                .bind(p.goals.as_deref())
                .bind(p.struggles.as_deref())
                .bind(p.interests.as_deref())
                .bind(p.how_met.as_deref())
                .bind(p.introduced_by.map(|b| b.get()))
                .bind(p.cadence.map(|c| i64::from(c.days())))
                .bind(p.birthday.as_deref())
                .bind(p.notes.as_deref())
                .bind(factor(0))
                .bind(factor(1))
                .bind(factor(2))
                .bind(factor(3));
        });
        q.push(" WHERE account_id = ")
            .bind(account)
            .push(" AND id = ")
            .bind(pid.get());
        if q.execute(conn).await? == 0 {
            return Err(PERSON.not_found(pid.get()));
        }
    }
    let ids: Vec<i64> = people.iter().map(|(pid, _)| pid.get()).collect();
    for chunk in ids.chunks(IN_CHUNK) {
        let mut q = Sql::new("DELETE FROM person_emails WHERE account_id = ");
        q.bind(account).push(" AND person_id IN ").list(chunk);
        q.execute(conn).await?;
    }
    let addresses: Vec<(i64, i64, &str)> = people
        .iter()
        .flat_map(|(pid, p)| {
            p.emails
                .iter()
                .enumerate()
                .map(move |(i, e)| (pid.get(), i as i64, e.as_str()))
        })
        .collect();
    insert_rows(
        conn,
        "INSERT INTO person_emails (account_id, person_id, position, email)",
        4,
        &addresses,
        false,
        None,
        |t, (person, position, email)| {
            t.bind(account).bind(*person).bind(*position).bind(*email);
        },
    )
    .await?;
    Ok(())
}

/// Check every person of the plan before the first write, naming the record at fault.
fn validate(plan: &ImportPlan) -> CoreResult<()> {
    let at = |where_: &str, e: CoreError| e.in_field(where_);
    for c in &plan.creates {
        c.person.validate().map_err(|e| at(&c.at, e))?;
    }
    for u in &plan.updates {
        u.person.validate().map_err(|e| at(&u.at.join(", "), e))?;
    }
    Ok(())
}

impl SqlStore {
    pub(crate) async fn external_refs_tx(&self) -> CoreResult<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT external_ref FROM interactions WHERE account_id = $1 AND external_ref IS NOT NULL",
        )
        .bind(self.account())
        .fetch_all(self.pool())
        .await
        .db()?;
        Ok(rows.into_iter().map(|(r,)| r).collect())
    }

    pub(crate) async fn calendar_participants_tx(&self) -> CoreResult<Vec<(String, PersonId)>> {
        // Only imported interactions have a reference (a partial index holds just them);
        // every calendar one starts `ics:`.
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT i.external_ref, p.person_id FROM interactions i \
             JOIN interaction_people p ON p.account_id = i.account_id AND p.interaction_id = i.id \
             WHERE i.account_id = $1 AND i.external_ref IS NOT NULL \
             AND substr(i.external_ref, 1, 4) = 'ics:'",
        )
        .bind(self.account())
        .fetch_all(self.pool())
        .await
        .db()?;
        Ok(rows.into_iter().map(|(r, p)| (r, id(p))).collect())
    }

    pub(crate) async fn apply_import_tx(&self, plan: &ImportPlan) -> CoreResult<ImportSummary> {
        validate(plan)?;
        if plan.writes_nothing() {
            return Ok(ImportSummary::default());
        }
        let mut conn = self.pool().acquire().await.db()?;
        if self.backend() != Backend::Sqlite {
            return self.apply_on(&mut conn, plan).await;
        }
        // Settings are per connection: set for this import, then put back, whatever its
        // outcome. Every person the import points at is either checked to exist inside
        // its transaction (`ensure_exist`) or created by it, so SQLite need not look each
        // reference up again.
        let wanted = Wanted {
            cache_kib: None,
            references_mapped: true,
        };
        let before = Tuning::apply(&mut conn, wanted).await?;
        let result = self.apply_on(&mut conn, plan).await;
        let reset = before.restore(&mut conn).await;
        let summary = result?;
        reset?;
        Ok(summary)
    }

    /// The import's one transaction.
    async fn apply_on(
        &self,
        conn: &mut AnyConnection,
        plan: &ImportPlan,
    ) -> CoreResult<ImportSummary> {
        let account = self.account();
        let mut tx = begin_write(conn).await?;
        let muted = change_log::mute(
            &mut tx,
            Some(&[
                "people",
                "person_emails",
                "stance_changes",
                "interactions",
                "interaction_people",
                "contact_summary",
            ]),
        )
        .await?;

        // Everyone the plan names must still be here (the member may have removed someone
        // between the dry run and now).
        let mut named: Vec<i64> = plan.updates.iter().map(|u| u.id.get()).collect();
        named.extend(
            plan.joins
                .iter()
                .flat_map(|j| j.people.iter().map(|p| p.get())),
        );
        for i in &plan.interactions {
            named.extend(i.with.iter().filter_map(|w| match w {
                PlanPerson::Existing(p) => Some(p.get()),
                PlanPerson::New(_) => None,
            }));
        }
        ensure_exist(&mut tx, account, &PERSON, &named).await?;

        let new: Vec<(&Person, Option<i64>)> =
            plan.creates.iter().map(|c| (&c.person, None)).collect();
        let created = insert_people(&mut tx, account, &new).await?;
        let first_stances: Vec<StanceChange> = plan
            .creates
            .iter()
            .zip(&created)
            .map(|(c, pid)| StanceChange {
                person: id(*pid),
                from: None,
                to: c.person.stance,
                on: plan.on,
                note: None,
            })
            .collect();
        insert_stance_changes(&mut tx, account, &first_stances).await?;

        let filled: Vec<(PersonId, &Person)> = plan
            .updates
            .iter()
            .map(|u: &PersonUpdate| (u.id, &u.person))
            .collect();
        write_filled(&mut tx, account, &filled).await?;

        let interactions = plan
            .interactions
            .iter()
            .map(|n| {
                let people = n
                    .with
                    .iter()
                    .map(|w| match *w {
                        PlanPerson::Existing(p) => Ok(p),
                        PlanPerson::New(i) => created.get(i).map(|p| id(*p)).ok_or_else(|| {
                            CoreError::Storage(format!(
                                "{}: the plan names new person {i}, which it does not create",
                                n.at
                            ))
                        }),
                    })
                    .collect::<CoreResult<Vec<_>>>()?;
                let i = Interaction {
                    people,
                    ..n.interaction.clone()
                };
                i.validate().map_err(|e| e.in_field(&n.at))?;
                Ok(i)
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_interactions(&mut tx, account, &interactions.iter().collect::<Vec<_>>()).await?;
        let joined = join_meetings(&mut tx, account, &plan.joins).await?;
        muted.restore(&mut tx).await?;
        tx.commit().await.db()?;
        Ok(ImportSummary {
            people_created: created.len() as u64,
            people_updated: plan.updates.len() as u64,
            interactions_created: interactions.len() as u64,
            people_joined: joined,
            created_ids: created.into_iter().map(id).collect(),
        })
    }
}

/// Add the people of each join to the meeting imported before under its reference, after
/// the people already in it. A meeting removed since the plan was made is an error naming
/// it: the member plans the import again.
async fn join_meetings(conn: &mut AnyConnection, account: i64, joins: &[Join]) -> CoreResult<u64> {
    let mut rows: Vec<(i64, i64, i64, String)> = Vec::new();
    for j in joins {
        let found: Option<(i64, String, i64)> = sqlx::query_as(
            "SELECT i.id, i.on_day, coalesce((SELECT max(p.position) + 1 FROM interaction_people p \
             WHERE p.account_id = i.account_id AND p.interaction_id = i.id), 0) \
             FROM interactions i WHERE i.account_id = $1 AND i.external_ref = $2",
        )
        .bind(account)
        .bind(&j.reference)
        .fetch_optional(&mut *conn)
        .await
        .db()?;
        let Some((interaction, on, next)) = found else {
            return Err(CoreError::Conflict(format!(
                "{}: the meeting \"{}\" of {} imported before is no longer there; import the \
                 file again",
                j.at, j.summary, j.on
            )));
        };
        rows.extend(
            j.people
                .iter()
                .enumerate()
                .map(|(k, p)| (interaction, p.get(), next + k as i64, on.clone())),
        );
    }
    insert_participants(conn, account, &rows).await?;
    Ok(rows.len() as u64)
}

//! Importing a whole workspace into an empty account: everything is checked first, then
//! written in one transaction in dependency order, in multi-row batches, with every
//! workspace id mapped to the new one and every reference rewritten.

use std::collections::{HashMap, HashSet};

use fanclub_core::{
    Connection, CoreError, CoreResult, Decision, Evidence, EvidenceStrength, Id, Interaction,
    Opportunity, PerceptionCheck, Person, PersonId, Record, Seat, Share, StanceChange, Win,
    Workspace,
};
use sqlx::AnyConnection;

use crate::bulk::{Tuning, Wanted, begin_write};
use crate::change_log;
use crate::connections::insert_connections;
use crate::documents::{insert_reviews, save_framework_on, save_settings_on};
use crate::interactions::insert_interactions_with;
use crate::people::{insert_people, insert_stance_changes};
use crate::records::{insert_evidence, insert_opportunities, insert_perceptions};
use crate::rooms::insert_decisions;
use crate::rows::id;
use crate::sql::{IN_CHUNK, Sql};
use crate::violation::DbResult;
use crate::wins::{insert_goals, insert_wins};
use crate::workspace::count_on;
use crate::{Backend, SqlStore};

/// The record a reference is read from, named in the error when it points nowhere (and
/// only then written out: a restore maps millions of references).
#[derive(Clone, Copy)]
struct Source {
    noun: &'static str,
    id: i64,
    field: Option<&'static str>,
}

impl Source {
    fn of<T>(noun: &'static str, id: Id<T>) -> Source {
        Source {
            noun,
            id: id.get(),
            field: None,
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} #{}", self.noun, self.id)?;
        match self.field {
            Some(field) => write!(f, "'s {field}"),
            None => Ok(()),
        }
    }
}

/// Workspace ids of one kind → the ids the store gave them.
struct IdMap {
    noun: &'static str,
    ids: HashMap<i64, i64>,
}

impl IdMap {
    /// Map the records' ids, in order, to `new`; refuses a workspace that uses an id twice.
    fn new<T>(noun: &'static str, records: &[Record<T>], new: &[i64]) -> CoreResult<IdMap> {
        let mut ids = HashMap::with_capacity(records.len());
        for (r, n) in records.iter().zip(new) {
            if ids.insert(r.id.get(), *n).is_some() {
                return Err(CoreError::Conflict(format!(
                    "the workspace holds two records of {noun} #{}; each id once, please",
                    r.id
                )));
            }
        }
        Ok(IdMap { noun, ids })
    }

    /// The new id of a workspace id, or the reference that points nowhere.
    fn get<T>(&self, old: Id<T>, from: Source) -> CoreResult<Id<T>> {
        self.ids
            .get(&old.get())
            .map(|n| id(*n))
            .ok_or_else(|| CoreError::NotFound {
                kind: self.noun,
                key: format!("#{old}"),
                hint: format!(
                    "{from} names it, but the workspace holds no such {}; the archive was \
                     edited or damaged: export it again, or fix that reference",
                    self.noun
                ),
            })
    }

    fn opt<T>(&self, old: Option<Id<T>>, from: Source) -> CoreResult<Option<Id<T>>> {
        old.map(|o| self.get(o, from)).transpose()
    }
}

/// The rules each record keeps on its own, and the uniqueness rules of the workspace, all
/// checked before anything is written.
fn validate(ws: &Workspace) -> CoreResult<()> {
    ws.framework
        .validate()
        .map_err(|e| e.in_field("framework"))?;
    let mut handles = HashSet::new();
    for p in &ws.people {
        p.validate()
            .map_err(|e| e.in_field(&format!("people #{}", p.id)))?;
        if !handles.insert(p.handle.as_str()) {
            return Err(CoreError::Conflict(format!(
                "the workspace has two people with the handle {}; each handle once, please",
                p.handle
            )));
        }
    }
    for i in &ws.interactions {
        i.validate()
            .map_err(|e| e.in_field(&format!("interactions #{}", i.id)))?;
    }
    for w in &ws.wins {
        w.validate()
            .map_err(|e| e.in_field(&format!("wins #{}", w.id)))?;
    }
    for e in &ws.evidence {
        // Deleting a person detaches the evidence they witnessed or endorsed and keeps its
        // strength, so an export can hold such evidence without a person: it must import
        // again. Its other rules (the track) still hold.
        let checked = match e.person {
            None => Evidence {
                strength: EvidenceStrength::Claimed,
                ..e.value.clone()
            },
            Some(_) => e.value.clone(),
        };
        checked
            .validate(&ws.framework)
            .map_err(|err| err.in_field(&format!("evidence #{}", e.id)))?;
    }
    for d in &ws.decisions {
        d.validate()
            .map_err(|e| e.in_field(&format!("decisions #{}", d.id)))?;
    }
    let mut weeks = HashSet::new();
    for r in &ws.reviews {
        r.validate()
            .map_err(|e| e.in_field(&format!("reviews #{}", r.id)))?;
        if !weeks.insert(r.week) {
            return Err(CoreError::Conflict(format!(
                "the workspace has two reviews of week {}; one review per week",
                r.week
            )));
        }
    }
    Ok(())
}

/// Point `introduced_by` at the new ids, a chunk of people per statement.
async fn link_introductions(
    conn: &mut AnyConnection,
    account: i64,
    links: &[(i64, i64)],
) -> CoreResult<()> {
    for chunk in links.chunks(IN_CHUNK) {
        let mut q = Sql::new("UPDATE people SET introduced_by = CASE id");
        for (person, by) in chunk {
            q.push(" WHEN ").bind(*person).push(" THEN ").bind(*by);
        }
        let ids: Vec<i64> = chunk.iter().map(|(p, _)| *p).collect();
        q.push(" END WHERE account_id = ")
            .bind(account)
            .push(" AND id IN ")
            .list(&ids);
        q.execute(conn).await?;
    }
    Ok(())
}

/// SQLite's page cache for a restore, in KiB: large enough that the pages of a
/// million-interaction restore stay in memory until the commit writes them, instead of
/// spilling to the WAL and being read back mid-transaction (SQLite's default is 2 MiB).
/// Durability is unchanged: the commit writes and syncs as always.
const BULK_CACHE_KIB: i64 = 262_144;

impl SqlStore {
    pub(crate) async fn import_workspace_tx(&self, ws: &Workspace) -> CoreResult<Vec<PersonId>> {
        validate(ws)?;
        let mut conn = self.pool().acquire().await.db()?;
        if self.backend() != Backend::Sqlite {
            return self.import_on(&mut conn, ws).await;
        }
        // Settings are per connection: set for this restore, then put back, whatever
        // the restore's outcome. Every reference the restore writes goes through an
        // `IdMap` of ids this transaction gave, so SQLite need not look each one up again.
        let wanted = Wanted {
            cache_kib: Some(BULK_CACHE_KIB),
            references_mapped: true,
        };
        let before = Tuning::apply(&mut conn, wanted).await?;
        let result = self.import_on(&mut conn, ws).await;
        let reset = before.restore(&mut conn).await;
        let ids = result?;
        reset?;
        Ok(ids)
    }

    async fn import_on(
        &self,
        conn: &mut AnyConnection,
        ws: &Workspace,
    ) -> CoreResult<Vec<PersonId>> {
        let account = self.account();
        let mut tx = begin_write(conn).await?;
        let muted = change_log::mute(&mut tx, None).await?;
        let before = count_on(&mut tx, account).await?;
        if !before.is_empty() {
            return Err(CoreError::Conflict(format!(
                "this workspace already holds data ({} people, {} interactions, {} wins…); \
                 an import goes into an empty workspace: clear it first",
                before.people, before.interactions, before.wins
            )));
        }

        // People first, without introductions: those point at people not inserted yet.
        let people: Vec<(&Person, Option<i64>)> =
            ws.people.iter().map(|p| (&p.value, None)).collect();
        let new_people = insert_people(&mut tx, account, &people).await?;
        let person = IdMap::new("person", &ws.people, &new_people)?;
        let mut introductions = Vec::new();
        for (p, new) in ws.people.iter().zip(&new_people) {
            if let Some(by) = p.introduced_by {
                let by: PersonId = person.get(
                    by,
                    Source {
                        field: Some("introduced_by"),
                        ..Source::of("person", p.id)
                    },
                )?;
                introductions.push((*new, by.get()));
            }
        }
        link_introductions(&mut tx, account, &introductions).await?;

        let changes = ws
            .stance_changes
            .iter()
            .map(|c| {
                Ok(StanceChange {
                    person: person.get(c.person, Source::of("stance change", c.id))?,
                    ..c.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_stance_changes(&mut tx, account, &changes).await?;

        let connections = ws
            .connections
            .iter()
            .map(|c| {
                let from = Source::of("connection", c.id);
                Connection {
                    a: person.get(c.a, from)?,
                    b: person.get(c.b, from)?,
                    ..c.value.clone()
                }
                .normalized()
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_connections(&mut tx, account, &connections).await?;

        let goals: Vec<_> = ws.goals.iter().map(|g| &g.value).collect();
        let new_goals = insert_goals(&mut tx, account, &goals).await?;
        let goal = IdMap::new("goal", &ws.goals, &new_goals)?;

        // Each interaction's people, mapped; the interactions themselves are not copied.
        let participants = ws
            .interactions
            .iter()
            .map(|i| {
                let from = Source::of("interaction", i.id);
                i.people
                    .iter()
                    .map(|p| person.get(*p, from))
                    .collect::<CoreResult<Vec<_>>>()
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let rows: Vec<(&Interaction, &[PersonId])> = ws
            .interactions
            .iter()
            .zip(&participants)
            .map(|(i, people)| (&i.value, people.as_slice()))
            .collect();
        let new_interactions = insert_interactions_with(&mut tx, account, &rows).await?;
        let interaction = IdMap::new("interaction", &ws.interactions, &new_interactions)?;

        let wins = ws
            .wins
            .iter()
            .map(|w| {
                let from = Source::of("win", w.id);
                let goals = w
                    .goals
                    .iter()
                    .map(|g| goal.get(*g, from))
                    .collect::<CoreResult<_>>()?;
                let shares = w
                    .shares
                    .iter()
                    .map(|s| {
                        Ok(Share {
                            person: person.get(s.person, from)?,
                            ..s.clone()
                        })
                    })
                    .collect::<CoreResult<_>>()?;
                Ok(Win {
                    goals,
                    shares,
                    ..w.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let new_wins = insert_wins(&mut tx, account, &wins.iter().collect::<Vec<_>>()).await?;
        let win = IdMap::new("win", &ws.wins, &new_wins)?;

        let evidence = ws
            .evidence
            .iter()
            .map(|e| {
                let from = Source::of("evidence", e.id);
                Ok(Evidence {
                    person: person.opt(e.person, from)?,
                    win: win.opt(e.win, from)?,
                    interaction: interaction.opt(e.interaction, from)?,
                    ..e.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_evidence(&mut tx, account, &evidence.iter().collect::<Vec<_>>()).await?;

        let perceptions = ws
            .perceptions
            .iter()
            .map(|p| {
                Ok(PerceptionCheck {
                    person: person.get(p.person, Source::of("perception check", p.id))?,
                    ..p.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_perceptions(&mut tx, account, &perceptions.iter().collect::<Vec<_>>()).await?;

        let opportunities = ws
            .opportunities
            .iter()
            .map(|o| {
                Ok(Opportunity {
                    sponsor: person.opt(o.sponsor, Source::of("opportunity", o.id))?,
                    ..o.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_opportunities(&mut tx, account, &opportunities.iter().collect::<Vec<_>>()).await?;

        let decisions = ws
            .decisions
            .iter()
            .map(|d| {
                let from = Source::of("decision", d.id);
                let room = d
                    .room
                    .iter()
                    .map(|s| {
                        Ok(Seat {
                            person: person.get(s.person, from)?,
                            ..s.clone()
                        })
                    })
                    .collect::<CoreResult<_>>()?;
                Ok(Decision {
                    room,
                    ..d.value.clone()
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        insert_decisions(&mut tx, account, &decisions.iter().collect::<Vec<_>>()).await?;

        insert_reviews(
            &mut tx,
            account,
            &ws.reviews.iter().map(|r| &r.value).collect::<Vec<_>>(),
        )
        .await?;
        save_settings_on(&mut tx, account, &ws.settings).await?;
        save_framework_on(&mut tx, account, &ws.framework).await?;
        muted.restore(&mut tx).await?;
        tx.commit().await.db()?;
        Ok(new_people.into_iter().map(id).collect())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use fanclub_core::import::{ContactDefaults, IncomingContact, plan_contacts};
    use fanclub_core::sample::sample_workspace;
    use fanclub_core::{Day, Name, Store};

    use crate::{SqlStore, sqlite_url};

    /// Every connection of the pool, at once: each answers `PRAGMA foreign_keys`, and the
    /// database holds no reference to nothing.
    async fn checks_everywhere(store: &SqlStore) {
        let mut held = Vec::new();
        for _ in 0..store.pool().size() {
            held.push(store.pool().acquire().await.unwrap());
        }
        assert!(!held.is_empty());
        for conn in &mut held {
            let on: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&mut **conn)
                .await
                .unwrap();
            assert_eq!(
                on, 1,
                "a pooled connection was left without foreign-key checks"
            );
        }
        let dangling: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_all(&mut *held[0])
                .await
                .unwrap();
        assert!(dangling.is_empty(), "references to nothing: {dangling:?}");
    }

    #[tokio::test]
    async fn a_restore_writes_no_dangling_reference_and_leaves_the_checks_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqlStore::open(&sqlite_url(&dir.path().join("r.db")))
            .await
            .unwrap();
        let ws = sample_workspace(Day::parse("2026-03-01").unwrap());
        store.import_workspace(&ws).await.unwrap();
        assert_eq!(store.counts().await.unwrap().people, ws.people.len() as u64);
        checks_everywhere(&store).await;

        // A refused restore (the workspace is no longer empty) puts the settings back too.
        assert!(store.import_workspace(&ws).await.is_err());
        checks_everywhere(&store).await;

        // So does a contact import, which also writes without SQLite's checks.
        let on = Day::parse("2026-03-02").unwrap();
        let records: Vec<IncomingContact> = (0..50)
            .map(|i| IncomingContact {
                at: format!("line {i}"),
                name: Some(Name::parse(&format!("New Contact{i:02}")).unwrap()),
                connected_on: Some(on),
                ..IncomingContact::default()
            })
            .collect();
        let people = store.list_people().await.unwrap();
        let plan = plan_contacts(
            &people,
            &HashSet::new(),
            &records,
            ContactDefaults::default(),
            on,
        );
        store.apply_import(&plan).await.unwrap();
        assert_eq!(
            store.counts().await.unwrap().people,
            ws.people.len() as u64 + 50
        );
        checks_everywhere(&store).await;
        store.close().await;
    }
}

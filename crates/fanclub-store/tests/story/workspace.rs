//! The whole workspace: export, import into another account (every reference rewritten),
//! refusals, and clear.

use std::collections::HashMap;

use fanclub_core::{Framework, Id, PersonId, Record, Settings, Store, Workspace};
use fanclub_store::SqlStore;

use crate::story::fixtures::{assert_conflict, assert_not_found};

/// Ids 1, 2, 3… by position in each list, with every reference rewritten to match: two
/// workspaces that say the same thing are then equal whatever ids their stores gave.
pub fn rebase(ws: &Workspace) -> Workspace {
    fn positions<T>(list: &[Record<T>]) -> HashMap<i64, i64> {
        list.iter()
            .enumerate()
            .map(|(i, r)| (r.id.get(), i as i64 + 1))
            .collect()
    }
    fn renumber<T>(list: &mut [Record<T>]) {
        for (i, r) in list.iter_mut().enumerate() {
            r.id = Id::from_raw(i as i64 + 1);
        }
    }
    let (people, goals, interactions, wins) = (
        positions(&ws.people),
        positions(&ws.goals),
        positions(&ws.interactions),
        positions(&ws.wins),
    );
    let map = |m: &HashMap<i64, i64>, raw: i64| {
        *m.get(&raw)
            .unwrap_or_else(|| panic!("dangling reference #{raw}"))
    };
    let p = |id: PersonId| PersonId::from_raw(map(&people, id.get()));

    let mut out = ws.clone();
    renumber(&mut out.people);
    for r in &mut out.people {
        r.value.introduced_by = r.introduced_by.map(p);
    }
    renumber(&mut out.stance_changes);
    for r in &mut out.stance_changes {
        r.value.person = p(r.person);
    }
    renumber(&mut out.connections);
    for r in &mut out.connections {
        r.value = fanclub_core::Connection {
            a: p(r.a),
            b: p(r.b),
            ..r.value.clone()
        }
        .normalized()
        .unwrap();
    }
    renumber(&mut out.goals);
    renumber(&mut out.interactions);
    for r in &mut out.interactions {
        r.value.people = r.people.iter().map(|x| p(*x)).collect();
    }
    renumber(&mut out.wins);
    for r in &mut out.wins {
        r.value.goals = r
            .goals
            .iter()
            .map(|g| Id::from_raw(map(&goals, g.get())))
            .collect();
        for s in &mut r.value.shares {
            s.person = p(s.person);
        }
    }
    renumber(&mut out.evidence);
    for r in &mut out.evidence {
        r.value.person = r.person.map(p);
        r.value.win = r.win.map(|w| Id::from_raw(map(&wins, w.get())));
        r.value.interaction = r
            .interaction
            .map(|i| Id::from_raw(map(&interactions, i.get())));
    }
    renumber(&mut out.perceptions);
    for r in &mut out.perceptions {
        r.value.person = p(r.person);
    }
    renumber(&mut out.opportunities);
    for r in &mut out.opportunities {
        r.value.sponsor = r.sponsor.map(p);
    }
    renumber(&mut out.decisions);
    for r in &mut out.decisions {
        for s in &mut r.value.room {
            s.person = p(s.person);
        }
    }
    renumber(&mut out.reviews);
    out
}

fn ordered_by_id<T>(list: &[Record<T>]) -> bool {
    list.windows(2).all(|w| w[0].id < w[1].id)
}

pub async fn chapter(store: &SqlStore) {
    let counts = store.counts().await.unwrap();
    let ws = store.export_workspace().await.unwrap();
    assert_eq!(ws.people.len() as u64, counts.people);
    assert_eq!(ws.interactions.len() as u64, counts.interactions);
    assert_eq!(ws.reviews.len() as u64, counts.reviews);
    assert!(
        ordered_by_id(&ws.people)
            && ordered_by_id(&ws.interactions)
            && ordered_by_id(&ws.stance_changes)
    );
    assert!(ordered_by_id(&ws.wins) && ordered_by_id(&ws.evidence) && ordered_by_id(&ws.decisions));
    assert_eq!(ws.settings, store.get_settings().await.unwrap());
    assert_eq!(ws.framework, store.get_framework().await.unwrap());
    assert_ne!(
        ws.framework,
        Framework::default_leadership(),
        "the saved framework travels"
    );
    assert!(
        ws.stance_changes.len() > ws.people.len(),
        "the stance history travels"
    );
    assert!(ws.people.iter().any(|p| p.introduced_by.is_some()));

    // Only into an empty account.
    assert_conflict(store.import_workspace(&ws).await, &["clear it first"]);
    assert_eq!(store.counts().await.unwrap(), counts);

    // Into another account: new ids, every reference rewritten, nothing lost.
    let account = store.create_account("restored").await.unwrap();
    let restored = store.for_account(account);
    assert!(restored.counts().await.unwrap().is_empty());
    let new_ids = restored.import_workspace(&ws).await.unwrap();
    assert_eq!(new_ids.len(), ws.people.len());
    for (old, new) in ws.people.iter().zip(&new_ids) {
        assert_eq!(restored.get_person(*new).await.unwrap().handle, old.handle);
    }
    assert_eq!(restored.counts().await.unwrap(), counts);
    let again = restored.export_workspace().await.unwrap();
    assert_eq!(rebase(&again), rebase(&ws));
    let contacts = |list: Vec<fanclub_core::store::LastContact>,
                    ids: &[PersonId]|
     -> Vec<(usize, String, u64)> {
        let mut out: Vec<_> = list
            .iter()
            .map(|c| {
                (
                    ids.iter().position(|p| *p == c.person).unwrap(),
                    c.on.to_string(),
                    c.count,
                )
            })
            .collect();
        out.sort();
        out
    };
    let old_ids: Vec<PersonId> = ws.people.iter().map(|p| p.id).collect();
    assert_eq!(
        contacts(restored.last_contacts().await.unwrap(), &new_ids),
        contacts(store.last_contacts().await.unwrap(), &old_ids)
    );

    // A workspace with a reference to nowhere is refused whole.
    let mut broken = ws.clone();
    broken.interactions[0]
        .value
        .people
        .push(PersonId::from_raw(987_654));
    let empty = store.for_account(store.create_account("empty").await.unwrap());
    assert_not_found(empty.import_workspace(&broken).await, "person", "987654");
    assert!(empty.counts().await.unwrap().is_empty());
    assert!(empty.list_people().await.unwrap().is_empty());
    let mut twins = ws.clone();
    let first = twins.people[0].clone();
    twins
        .people
        .push(Record::new(PersonId::from_raw(987_655), first.value));
    assert_conflict(empty.import_workspace(&twins).await, &["handle"]);
    assert!(empty.counts().await.unwrap().is_empty());

    // Clear takes everything of that account, settings and framework too, and nothing else.
    restored.clear_workspace().await.unwrap();
    assert!(restored.counts().await.unwrap().is_empty());
    assert!(
        restored
            .export_workspace()
            .await
            .unwrap()
            .stance_changes
            .is_empty()
    );
    assert_eq!(
        restored.get_framework().await.unwrap(),
        Framework::default_leadership()
    );
    assert_eq!(restored.get_settings().await.unwrap(), Settings::default());
    assert_eq!(store.counts().await.unwrap(), counts);
    assert_eq!(
        rebase(&store.export_workspace().await.unwrap()),
        rebase(&ws)
    );
    // A cleared account takes an import again.
    restored.import_workspace(&ws).await.unwrap();
    assert_eq!(restored.counts().await.unwrap(), counts);
}

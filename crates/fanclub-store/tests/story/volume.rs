//! A large workspace, for timing the batched import and the aggregations (run with
//! `cargo test -p fanclub-store --release -- --ignored --nocapture`).

use std::time::Instant;

use fanclub_core::{Id, InteractionFilter, PersonId, Record, StanceChange, Store, Workspace};
use fanclub_store::SqlStore;

use crate::story::fixtures::{day, meeting, person};

/// `people` people and `interactions` interactions of one to three people each, spread
/// over two years; ids as a workspace file would carry them.
pub fn workspace(people: usize, interactions: usize) -> Workspace {
    let mut ws = Workspace::default();
    for i in 0..people {
        let mut p = person(
            &format!("Person {i:05}"),
            (i % 5) as i64 + 1,
            ((i / 5) % 5) as i64 + 1,
        );
        if i > 0 && i % 7 == 0 {
            p.introduced_by = Some(PersonId::from_raw(i as i64));
        }
        let id = PersonId::from_raw(i as i64 + 1);
        ws.people.push(Record::new(id, p.clone()));
        ws.stance_changes.push(Record::new(
            Id::from_raw(i as i64 + 1),
            StanceChange {
                person: id,
                from: None,
                to: p.stance,
                on: day("2025-01-01"),
                note: None,
            },
        ));
    }
    let start = day("2025-01-01");
    for n in 0..interactions {
        let a = (n * 7919) % people;
        let mut with = vec![PersonId::from_raw(a as i64 + 1)];
        if n % 3 == 0 {
            with.push(PersonId::from_raw(((a + 1) % people) as i64 + 1));
        }
        let on = start.plus_days((n % 730) as i64).to_string();
        ws.interactions.push(Record::new(
            Id::from_raw(n as i64 + 1),
            meeting(&on, "Catch-up", &with),
        ));
    }
    ws
}

pub async fn run(name: &str, store: &SqlStore, people: usize, interactions: usize) {
    let ws = workspace(people, interactions);
    let t = Instant::now();
    let ids = store.import_workspace(&ws).await.unwrap();
    eprintln!(
        "volume {name}: import {people} people + {interactions} interactions: {:?}",
        t.elapsed()
    );
    assert_eq!(ids.len(), people);
    let t = Instant::now();
    let contacts = store.last_contacts().await.unwrap();
    eprintln!(
        "volume {name}: last_contacts ({} people): {:?}",
        contacts.len(),
        t.elapsed()
    );
    assert_eq!(
        contacts.iter().map(|c| c.count).sum::<u64>(),
        (interactions + interactions.div_ceil(3)) as u64
    );
    let t = Instant::now();
    let f = InteractionFilter {
        person: Some(ids[0]),
        limit: Some(20),
        ..Default::default()
    };
    let recent = store.list_interactions(&f).await.unwrap();
    eprintln!(
        "volume {name}: list_interactions(person, limit 20): {:?}",
        t.elapsed()
    );
    assert!(!recent.is_empty());
    let t = Instant::now();
    let counts = store.counts().await.unwrap();
    eprintln!("volume {name}: counts: {:?}", t.elapsed());
    assert_eq!(counts.interactions as usize, interactions);
    let t = Instant::now();
    let out = store.export_workspace().await.unwrap();
    eprintln!("volume {name}: export: {:?}", t.elapsed());
    assert_eq!(out.interactions.len(), interactions);
    let t = Instant::now();
    store.delete_person(ids[1]).await.unwrap();
    eprintln!("volume {name}: delete_person: {:?}", t.elapsed());
    let t = Instant::now();
    store.clear_workspace().await.unwrap();
    eprintln!("volume {name}: clear: {:?}", t.elapsed());
}

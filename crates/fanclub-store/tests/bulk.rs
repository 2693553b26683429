//! Bulk writes and reads on every backend: batches larger than one statement (on SQLite a
//! batch travels as one JSON text and new ids are numbered by the store), values that JSON
//! cannot carry, ids that continue each table's sequence, and errors that still name the
//! record at fault.

use std::collections::HashSet;

use fanclub_core::archive::Archive;
use fanclub_core::generate::{GenerateSpec, generate_workspace};
use fanclub_core::import::{
    ContactDefaults, ImportPlan, IncomingContact, PlanPerson, plan_contacts,
};
use fanclub_core::{
    CoreError, Day, Email, Interaction, InteractionFilter, Name, Person, Store, Workspace,
};
use fanclub_store::SqlStore;
use fanclub_testkit::{TestStore, postgres_store, sqlite_store};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

/// A fresh store of each configured backend.
async fn backends() -> Vec<(&'static str, TestStore)> {
    let mut out = vec![("sqlite", sqlite_store().await)];
    if let Some(pg) = postgres_store().await {
        out.push(("postgres", pg));
    }
    out
}

/// `n` LinkedIn-like contacts, each with a profile, half with an address, all connected.
fn contacts(n: usize) -> Vec<IncomingContact> {
    (0..n)
        .map(|i| IncomingContact {
            at: format!("line {}", i + 2),
            name: Some(Name::parse(&format!("Contact Number{i:05}")).unwrap()),
            emails: if i % 2 == 0 {
                vec![Email::parse(&format!("contact{i}@example.com")).unwrap()]
            } else {
                Vec::new()
            },
            links: vec![format!("https://www.linkedin.com/in/contact-{i}")],
            organisation: Some(format!("Org {}", i % 7)),
            connected_on: Some(day("2024-05-01").plus_days(i as i64 % 300)),
            ..IncomingContact::default()
        })
        .collect()
}

async fn plan(store: &SqlStore, records: &[IncomingContact]) -> ImportPlan {
    let people = store.list_people().await.unwrap();
    let refs: HashSet<String> = store.external_refs().await.unwrap().into_iter().collect();
    plan_contacts(
        &people,
        &refs,
        records,
        ContactDefaults::default(),
        day("2026-03-01"),
    )
}

fn person(name: &str) -> Person {
    Person::new(Name::parse(name).unwrap())
}

/// Export, restore into `second`, export again: the two archives.
async fn round_trip(first: &SqlStore, second: &SqlStore) -> (String, String) {
    let on = day("2026-03-02");
    let text = Archive::new(first.export_workspace().await.unwrap(), on)
        .unwrap()
        .to_json();
    let read = Archive::from_json(&text).unwrap();
    second.import_workspace(&read.workspace).await.unwrap();
    assert_eq!(
        second.counts().await.unwrap(),
        first.counts().await.unwrap()
    );
    let again = Archive::new(second.export_workspace().await.unwrap(), on)
        .unwrap()
        .to_json();
    (text, again)
}

#[tokio::test]
async fn imports_larger_than_a_batch_number_ids_after_every_id_ever_used() {
    for (name, store) in backends().await {
        let a = store
            .create_person(&person("Ada First"), day("2026-01-01"))
            .await
            .unwrap();
        let gone = store
            .create_person(&person("Bo Gone"), day("2026-01-01"))
            .await
            .unwrap();
        store.delete_person(gone.id).await.unwrap();
        assert!(gone.id > a.id);

        // 6,000 new people: more than one batch of rows.
        let records = contacts(6_000);
        let p = plan(&store, &records).await;
        assert_eq!(p.creates.len(), 6_000, "{name}");
        let summary = store.apply_import(&p).await.unwrap();
        assert_eq!(summary.people_created, 6_000, "{name}");
        assert_eq!(summary.interactions_created, 6_000, "{name}");
        let ids = &summary.created_ids;
        // A deleted person's id is never given again, and ids rise in the plan's order.
        assert!(ids[0] > gone.id, "{name}: {} after {}", ids[0], gone.id);
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{name}");

        // Each id is the person the plan created in that place, with their address, on
        // both sides of the batch boundary.
        for i in [0, 4_999, 5_000, 5_999] {
            let got = store.get_person(ids[i]).await.unwrap();
            assert_eq!(got.value, p.creates[i].person, "{name}: person {i}");
            let theirs = store
                .list_interactions(&InteractionFilter {
                    person: Some(ids[i]),
                    ..InteractionFilter::default()
                })
                .await
                .unwrap();
            assert_eq!(theirs.len(), 1, "{name}: interactions of person {i}");
            assert_eq!(theirs[0].people, vec![ids[i]], "{name}");
            let planned = p
                .interactions
                .iter()
                .find(|n| matches!(n.with.as_slice(), [PlanPerson::New(k)] if *k == i))
                .unwrap();
            let expected = Interaction {
                people: vec![ids[i]],
                ..planned.interaction.clone()
            };
            assert_eq!(theirs[0].value, expected, "{name}");
        }

        // A person added afterwards takes the next id, and a re-import writes nothing.
        let later = store
            .create_person(&person("Cy Later"), day("2026-03-02"))
            .await
            .unwrap();
        assert!(later.id > ids[5_999], "{name}");
        let again = plan(&store, &records).await;
        assert!(again.writes_nothing(), "{name}");
        store.cleanup().await;
    }
}

#[tokio::test]
async fn a_bulk_write_that_breaks_a_rule_names_it_and_writes_nothing() {
    for (name, store) in backends().await {
        let records = contacts(30);
        let p = plan(&store, &records).await;
        // Someone takes the handle of the 21st new person between the plan and the write.
        let taken = p.creates[20].person.clone();
        store
            .create_person(&taken, day("2026-03-01"))
            .await
            .unwrap();
        let before = store.counts().await.unwrap();
        match store.apply_import(&p).await {
            Err(CoreError::Conflict(text)) => {
                assert!(text.contains("already taken"), "{name}: {text}");
            }
            other => panic!("{name}: expected a conflict, got {other:?}"),
        }
        assert_eq!(store.counts().await.unwrap(), before, "{name}");

        // The same interaction twice in one import: the second copy of its reference.
        let mut twice = plan(&store, &records[..3]).await;
        let copy = twice.interactions[0].clone();
        twice.interactions.push(copy);
        let reference = twice.interactions[0]
            .interaction
            .external_ref
            .clone()
            .unwrap();
        match store.apply_import(&twice).await {
            Err(CoreError::Conflict(text)) => {
                assert!(text.contains("already stored"), "{name}: {text}");
            }
            other => panic!("{name}: expected a conflict on {reference}, got {other:?}"),
        }
        assert_eq!(store.counts().await.unwrap(), before, "{name}");
        store.cleanup().await;
    }
}

#[tokio::test]
async fn workspaces_larger_than_a_chunk_round_trip_byte_for_byte() {
    // More people than one write batch, more interactions than one read chunk.
    let spec = GenerateSpec {
        people: 5_100,
        interactions: 10_500,
        connections: 5_200,
        seed: 11,
    };
    let ws = generate_workspace(&spec, day("2026-03-01"));
    for (name, first) in backends().await {
        let second = match name {
            "postgres" => postgres_store().await.unwrap(),
            _ => sqlite_store().await,
        };
        first.import_workspace(&ws).await.unwrap();
        let (text, again) = round_trip(&first, &second).await;
        assert!(text == again, "{name}: the restored archive differs");
        let restored = Archive::from_json(&again).unwrap().workspace;
        assert_eq!(restored.interactions.len(), 10_500, "{name}");
        assert_eq!(restored.people.len(), 5_100, "{name}");
        first.cleanup().await;
        second.cleanup().await;
    }
}

/// A text with a NUL character cannot travel inside SQLite's JSON; such a batch is bound
/// value by value, and it reads back whole. (PostgreSQL refuses NUL in text.)
#[tokio::test]
async fn texts_with_a_nul_character_round_trip_on_sqlite() {
    let mut ws: Workspace = fanclub_core::sample::sample_workspace(day("2026-03-01"));
    ws.people[1].notes = Some("before\u{0}after".into());
    let (first, second) = (sqlite_store().await, sqlite_store().await);
    first.import_workspace(&ws).await.unwrap();
    let people = first.list_people().await.unwrap();
    let with_nul = people
        .iter()
        .find(|p| p.handle == ws.people[1].handle)
        .unwrap();
    assert_eq!(with_nul.notes.as_deref(), Some("before\u{0}after"));
    let (text, again) = round_trip(&first, &second).await;
    assert!(text.contains("before\\u0000after"));
    assert!(text == again, "the restored archive differs");
    first.cleanup().await;
    second.cleanup().await;
}

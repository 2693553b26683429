//! The archive round trip on a real database: a workspace written to an archive, restored
//! into an empty database and archived again gives the same bytes, on SQLite and on
//! PostgreSQL, for the sample and for generated workspaces of every shape.

use fanclub_core::archive::Archive;
use fanclub_core::generate::{GenerateSpec, generate_workspace};
use fanclub_core::{Day, Store, Workspace};
use fanclub_store::SqlStore;
use fanclub_testkit::{TestStore, postgres_store, sqlite_store};
use proptest::prelude::*;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

/// Import `ws` into `first`, archive it; restore that archive into `second`, archive
/// again. Returns both texts.
async fn round_trip(ws: &Workspace, first: &SqlStore, second: &SqlStore) -> (String, String) {
    let on = day("2026-03-02");
    first.import_workspace(ws).await.unwrap();
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

/// Fresh stores of one backend, by name.
async fn fresh(backend: &str) -> Option<TestStore> {
    match backend {
        "postgres" => postgres_store().await,
        _ => Some(sqlite_store().await),
    }
}

async fn check(backend: &str, ws: &Workspace) {
    let (Some(first), Some(second)) = (fresh(backend).await, fresh(backend).await) else {
        return; // PostgreSQL not configured: the story's own test says so.
    };
    let (text, again) = round_trip(ws, &first, &second).await;
    assert!(
        text == again,
        "{backend}: the restored archive differs from the original"
    );
    first.cleanup().await;
    second.cleanup().await;
}

#[tokio::test]
async fn the_sample_round_trips_byte_for_byte() {
    let ws = fanclub_core::sample::sample_workspace(day("2026-03-01"));
    for backend in ["sqlite", "postgres"] {
        check(backend, &ws).await;
    }
}

#[tokio::test]
async fn ids_with_gaps_and_other_accounts_do_not_reach_the_archive() {
    // Deletions leave gaps, and on one database other accounts take ids from the same
    // sequences: the archive numbers records itself, so neither shows.
    let ws = fanclub_core::sample::sample_workspace(day("2026-03-01"));
    let store = sqlite_store().await;
    let other = store.for_account(store.create_account("other").await.unwrap());
    other.import_workspace(&ws).await.unwrap();
    let first = store.for_account(store.create_account("member").await.unwrap());
    first.import_workspace(&ws).await.unwrap();
    let people = first.list_people().await.unwrap();
    let before = Archive::new(first.export_workspace().await.unwrap(), day("2026-03-02"))
        .unwrap()
        .to_json();
    assert!(
        people[0].id.get() > 1,
        "the member's ids start after the other account's"
    );
    let fresh = sqlite_store().await;
    let read = Archive::from_json(&before).unwrap();
    fresh.import_workspace(&read.workspace).await.unwrap();
    let after = Archive::new(fresh.export_workspace().await.unwrap(), day("2026-03-02"))
        .unwrap()
        .to_json();
    assert!(before == after, "the archive depends on the database's ids");
    assert!(before.contains("\n      {\"id\":1,\"handle\":"));
    store.cleanup().await;
    fresh.cleanup().await;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Generated workspaces of any shape round-trip byte for byte on every backend.
    #[test]
    fn generated_workspaces_round_trip_byte_for_byte(
        seed in any::<u64>(),
        people in 0usize..60,
        interactions in 0usize..400,
        connections in 0usize..120,
    ) {
        let spec = GenerateSpec { people, interactions, connections, seed };
        let ws = generate_workspace(&spec, day("2026-03-01"));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            for backend in ["sqlite", "postgres"] {
                check(backend, &ws).await;
            }
        });
    }
}

//! Accounts: a store sees only its own account's records, and cannot point at another's.

use fanclub_core::{Framework, InteractionFilter, Store};
use fanclub_store::{Backend, SqlStore};

use crate::story::fixtures::{assert_not_found, day, meeting, person};

pub async fn chapter(store: &SqlStore) {
    assert_eq!(store.account(), 1, "a store opens on the local account");
    let mine = store.counts().await.unwrap();
    let people = store.list_people().await.unwrap();
    let dana = people
        .iter()
        .find(|p| p.handle.as_str() == "dana-kim")
        .expect("Dana is in the story");

    let account = store.create_account("coachee").await.unwrap();
    assert!(account > 1);
    let other = store.for_account(account);
    assert_eq!(
        (other.account(), other.backend()),
        (account, store.backend())
    );
    assert!(matches!(
        store.backend(),
        Backend::Sqlite | Backend::Postgres
    ));

    // Nothing of account 1 is visible from the other account.
    assert!(other.counts().await.unwrap().is_empty());
    assert!(other.list_people().await.unwrap().is_empty());
    assert!(
        other
            .list_interactions(&InteractionFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(other.last_contacts().await.unwrap().is_empty());
    assert!(
        other
            .stance_changes_since(day("1900-01-01"))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        other.get_framework().await.unwrap(),
        Framework::default_leadership()
    );
    assert_not_found(
        other.get_person(dana.id).await,
        "person",
        &dana.id.to_string(),
    );
    assert_not_found(
        other.delete_person(dana.id).await,
        "person",
        &dana.id.to_string(),
    );

    // Nor can it be pointed at: the reference is refused and nothing is written.
    let borrowed = meeting("2026-03-10", "Borrowed contact", &[dana.id]);
    assert_not_found(
        other.create_interaction(&borrowed).await,
        "person",
        &dana.id.to_string(),
    );
    assert!(other.counts().await.unwrap().is_empty());

    // Handles are unique per account, not across accounts.
    let twin = other
        .create_person(&person("Dana Kim", 2, 2), day("2026-03-10"))
        .await
        .unwrap();
    assert_eq!(twin.handle.as_str(), "dana-kim");
    assert_ne!(twin.id, dana.id);
    let chat = other
        .create_interaction(&meeting("2026-03-11", "First chat", &[twin.id]))
        .await
        .unwrap();
    assert_eq!(
        other
            .list_interactions(&InteractionFilter::default())
            .await
            .unwrap(),
        [chat]
    );
    assert_eq!(other.counts().await.unwrap().people, 1);
    assert_not_found(
        store.get_person(twin.id).await,
        "person",
        &twin.id.to_string(),
    );
    assert_eq!(store.counts().await.unwrap(), mine);
    assert_eq!(store.get_person(dana.id).await.unwrap(), *dana);
}

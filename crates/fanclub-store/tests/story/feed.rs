//! The private calendar feed's token: none until made, kept until replaced, a replacement
//! is new and random, turning off removes it, and each account has its own. Run on SQLite
//! always and on PostgreSQL when `TEST_DATABASE_URL` is set.

use fanclub_core::Store;
use fanclub_store::SqlStore;
use fanclub_testkit::{TestStore, postgres_configured, postgres_store, sqlite_store};

fn url_safe(token: &str) -> bool {
    token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn chapter(store: &SqlStore) {
    assert_eq!(store.calendar_token().await.unwrap(), None);

    let first = store.rotate_calendar_token().await.unwrap();
    // At least 128 bits of a hex or base64url alphabet, usable in a path as it is.
    assert!(first.len() >= 32, "{first}");
    assert!(url_safe(&first), "{first}");
    assert_eq!(store.calendar_token().await.unwrap(), Some(first.clone()));
    // Reading does not change it.
    assert_eq!(store.calendar_token().await.unwrap(), Some(first.clone()));

    let second = store.rotate_calendar_token().await.unwrap();
    assert_ne!(second, first);
    assert_eq!(store.calendar_token().await.unwrap(), Some(second.clone()));

    // Another account has no feed of its own until it makes one, and then a different one;
    // turning one off leaves the other.
    let account = store.create_account("coachee").await.unwrap();
    let other = store.for_account(account);
    assert_eq!(other.calendar_token().await.unwrap(), None);
    let theirs = other.rotate_calendar_token().await.unwrap();
    assert_ne!(theirs, second);
    other.remove_calendar_token().await.unwrap();
    assert_eq!(other.calendar_token().await.unwrap(), None);
    assert_eq!(store.calendar_token().await.unwrap(), Some(second));

    // Off, and off again, is fine; on again gives a fresh token.
    store.remove_calendar_token().await.unwrap();
    store.remove_calendar_token().await.unwrap();
    assert_eq!(store.calendar_token().await.unwrap(), None);
    let again = store.rotate_calendar_token().await.unwrap();
    assert_ne!(again, first);
    assert_eq!(store.calendar_token().await.unwrap(), Some(again));

    // Deleting everything turns the link off too.
    store.clear_workspace().await.unwrap();
    assert_eq!(store.calendar_token().await.unwrap(), None);
}

async fn run(name: &str, store: TestStore) {
    chapter(&store).await;
    eprintln!("calendar feed story: {name} ok");
    store.cleanup().await;
}

#[tokio::test]
async fn calendar_feed_on_sqlite() {
    run("sqlite", sqlite_store().await).await;
}

#[tokio::test]
async fn calendar_feed_on_postgres() {
    match postgres_store().await {
        Some(store) => run("postgres", store).await,
        None => {
            assert!(!postgres_configured());
            eprintln!("calendar feed story: postgres SKIPPED (TEST_DATABASE_URL not set)");
        }
    }
}

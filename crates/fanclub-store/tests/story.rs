//! The storage story: every `Store` method, told once and run on SQLite always and on
//! PostgreSQL whenever `TEST_DATABASE_URL` is set. Each chapter checks the values that
//! come back, not only that nothing failed.

/// The chapters, in tests/story/.
mod story {
    pub mod accounts;
    pub mod archive;
    pub mod cache;
    pub mod feed;
    pub mod fixtures;
    pub mod imports;
    pub mod people;
    pub mod records;
    pub mod search;
    pub mod timeline;
    pub mod volume;
    pub mod workspace;
}

use fanclub_store::SqlStore;
use fanclub_testkit::{TestStore, postgres_configured, postgres_store, sqlite_store};

/// The chapters, in order: later ones build on what earlier ones stored.
async fn tell(store: &SqlStore) {
    use story::*;
    let cast = people::chapter(store).await;
    let followed_up = timeline::chapter(store, &cast).await;
    records::chapter(store, &cast, followed_up).await;
    people::deletion_chapter(store, &cast).await;
    workspace::chapter(store).await;
    accounts::chapter(store).await;
}

async fn run(name: &str, store: TestStore) {
    tell(&store).await;
    eprintln!("store story: {name} ok");
    store.cleanup().await;
}

#[tokio::test]
async fn story_on_sqlite() {
    run("sqlite", sqlite_store().await).await;
}

#[tokio::test]
async fn story_on_postgres() {
    match postgres_store().await {
        Some(store) => run("postgres", store).await,
        None => {
            assert!(!postgres_configured());
            eprintln!("store story: postgres SKIPPED (TEST_DATABASE_URL not set)");
        }
    }
}

#[tokio::test]
async fn opening_names_the_schemes_and_hides_passwords() {
    let err = SqlStore::open("mysql://root:hunter2@localhost/fan")
        .await
        .unwrap_err();
    let (text, debug) = (err.to_string(), format!("{err:?}"));
    assert!(
        text.contains("sqlite") && text.contains("postgres://"),
        "{text}"
    );
    assert!(
        !text.contains("hunter2") && !debug.contains("hunter2"),
        "{text} / {debug}"
    );

    // Nothing listens on port 1: the connection fails, and says where without the secret.
    let err = SqlStore::open("postgres://fan:hunter2@127.0.0.1:1/fan")
        .await
        .unwrap_err();
    let (text, debug) = (err.to_string(), format!("{err:?}"));
    assert!(text.contains("127.0.0.1:1"), "{text}");
    assert!(
        !text.contains("hunter2") && !debug.contains("hunter2"),
        "{text} / {debug}"
    );
}

#[tokio::test]
async fn a_sqlite_file_reopens_with_its_data() {
    use fanclub_core::Store;
    let dir = tempfile::tempdir().unwrap();
    // A path with a space and a `#`, as members' folders have.
    let url = fanclub_store::sqlite_url(&dir.path().join("my data #1.db"));
    let store = SqlStore::open(&url).await.unwrap();
    let dana = store
        .create_person(
            &story::fixtures::person("Dana Kim", 4, 4),
            story::fixtures::day("2026-01-05"),
        )
        .await
        .unwrap();
    store.close().await;
    let again = SqlStore::open(&url).await.unwrap();
    assert_eq!(again.get_person(dana.id).await.unwrap(), dana);
    assert_eq!(again.stance_history(dana.id).await.unwrap().len(), 1);
    again.close().await;
    assert!(dir.path().join("my data #1.db").exists());
}

/// Timing on a large workspace; not part of the normal run.
#[tokio::test]
#[ignore = "slow: run with --ignored --release to time the import"]
async fn volume() {
    let people = std::env::var("VOLUME_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let interactions = std::env::var("VOLUME_INTERACTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    for (name, store) in fanclub_testkit::every_backend().await {
        story::volume::run(name, &store, people, interactions).await;
        store.cleanup().await;
    }
}

/// Lists are kept between reads on SQLite (`cache.rs`); a change from anywhere must show
/// on the very next read: this store's own writes, another store on the same file (as a
/// `fanclub` command in a second terminal is), and a plain SQL write.
#[tokio::test]
async fn cached_lists_show_every_change_at_once() {
    use fanclub_core::Store;
    use story::fixtures::{day, person};
    let dir = tempfile::tempdir().unwrap();
    let url = fanclub_store::sqlite_url(&dir.path().join("cache.db"));
    let web = SqlStore::open(&url).await.unwrap();
    let cli = SqlStore::open(&url).await.unwrap();
    let names = |people: Vec<fanclub_core::Record<fanclub_core::Person>>| {
        people
            .iter()
            .map(|p| p.name.as_str().to_string())
            .collect::<Vec<_>>()
    };

    assert!(web.list_people().await.unwrap().is_empty());
    let dana = web
        .create_person(&person("Dana Kim", 4, 4), day("2026-01-05"))
        .await
        .unwrap();
    assert_eq!(names(web.list_people().await.unwrap()), ["Dana Kim"]);
    assert_eq!(
        web.list_people().await.unwrap(),
        web.list_people().await.unwrap()
    );

    cli.create_person(&person("Eli Park", 2, 3), day("2026-01-06"))
        .await
        .unwrap();
    assert_eq!(
        names(web.list_people().await.unwrap()),
        ["Dana Kim", "Eli Park"]
    );
    assert_eq!(web.counts().await.unwrap().people, 2);

    let mut raw = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query("UPDATE people SET name = 'Dana Kim-Lee' WHERE id = $1")
        .bind(dana.id.get())
        .execute(&mut raw)
        .await
        .unwrap();
    assert_eq!(
        names(web.list_people().await.unwrap()),
        ["Dana Kim-Lee", "Eli Park"]
    );

    // Another account on the same file has lists of its own.
    let other = web.for_account(web.create_account("other").await.unwrap());
    assert!(other.list_people().await.unwrap().is_empty());
    assert_eq!(web.list_people().await.unwrap().len(), 2);

    web.delete_person(dana.id).await.unwrap();
    assert_eq!(names(cli.list_people().await.unwrap()), ["Eli Park"]);
    assert_eq!(names(web.list_people().await.unwrap()), ["Eli Park"]);
    web.close().await;
    cli.close().await;
}

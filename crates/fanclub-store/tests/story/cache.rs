//! The read cache patches kept lists from the change log (`cache.rs`): after every kind of
//! write, from this store, another store on the same file or plain SQL, each kept list must
//! equal what a store that never read anything reads from the file.

use fanclub_core::sample::sample_workspace;
use fanclub_core::{Channel, Email, InteractionFilter, Name, Share, Store, WinKind};
use fanclub_store::SqlStore;

use super::fixtures::{day, meeting, person, title};

/// Every cached list of `kept`, against a store opened afresh on the same file.
async fn same_as_fresh(kept: &SqlStore, url: &str, after: &str) {
    let fresh = SqlStore::open(url).await.unwrap();
    let people = kept.list_people().await.unwrap();
    let someone = people.first().map(|p| p.id);
    macro_rules! same {
        ($($call:ident($($arg:expr),*)),* $(,)?) => {$(
            assert_eq!(
                kept.$call($($arg),*).await.unwrap(),
                fresh.$call($($arg),*).await.unwrap(),
                "{} after {after}",
                stringify!($call),
            );
        )*};
    }
    assert_eq!(
        people,
        fresh.list_people().await.unwrap(),
        "people after {after}"
    );
    let open = InteractionFilter {
        open_follow_ups: true,
        ..InteractionFilter::default()
    };
    let theirs = InteractionFilter {
        person: someone,
        ..open.clone()
    };
    let recent = InteractionFilter {
        limit: Some(5),
        ..InteractionFilter::default()
    };
    same!(
        last_contacts(),
        list_interactions(&open),
        list_interactions(&theirs),
        list_interactions(&recent),
        list_connections(),
        list_goals(),
        list_wins(),
        list_evidence(),
        list_perceptions(),
        list_opportunities(),
        list_decisions(),
        list_reviews(),
        get_settings(),
        get_framework(),
        counts(),
        stance_changes_since(day("2000-01-01")),
    );
    fresh.close().await;
}

#[tokio::test]
async fn kept_lists_equal_a_fresh_read_after_every_kind_of_write() {
    let dir = tempfile::tempdir().unwrap();
    let url = fanclub_store::sqlite_url(&dir.path().join("patch.db"));
    let web = SqlStore::open(&url).await.unwrap();
    let cli = SqlStore::open(&url).await.unwrap();
    let today = day("2026-11-23");
    web.import_workspace(&sample_workspace(today))
        .await
        .unwrap();
    same_as_fresh(&web, &url, "the sample's import").await;

    // People: renamed (moves in the list), new addresses, added, removed, merged.
    let mut first = web.list_people().await.unwrap().remove(0);
    first.value.name = Name::parse("Zoe Last").unwrap();
    first.value.emails = vec![Email::parse("zoe@example.org").unwrap()];
    web.update_person(&first, today).await.unwrap();
    same_as_fresh(&web, &url, "a rename").await;
    let aaron = cli
        .create_person(&person("Aaron First", 5, 5), today)
        .await
        .unwrap();
    same_as_fresh(&web, &url, "another store's new person").await;

    // Interactions: a follow-up opened, done, an interaction removed.
    let mut talk = meeting("2026-11-20", "Roadmap chat", &[aaron.id, first.id]);
    talk.follow_up = Some("Send the draft".into());
    let talk = web.create_interaction(&talk).await.unwrap();
    same_as_fresh(&web, &url, "a new follow-up").await;
    let mut open = web
        .list_interactions(&InteractionFilter {
            open_follow_ups: true,
            ..InteractionFilter::default()
        })
        .await
        .unwrap();
    assert!(open.len() > 2, "the sample has open follow-ups");
    let mut done = open.remove(1);
    done.value.follow_up_done = true;
    cli.update_interaction(&done).await.unwrap();
    same_as_fresh(&web, &url, "a follow-up done").await;
    let mut moved = open.remove(1);
    moved.value.on = day("2026-11-22");
    moved.value.people = vec![aaron.id];
    web.update_interaction(&moved).await.unwrap();
    same_as_fresh(&web, &url, "an interaction moved to another day and person").await;
    web.delete_interaction(talk.id).await.unwrap();
    same_as_fresh(&web, &url, "an interaction removed").await;

    // Wins, goals, evidence, rooms, settings.
    let mut win = web.list_wins().await.unwrap().remove(0);
    web.add_share(
        win.id,
        &Share {
            person: aaron.id,
            on: today,
            channel: Channel::Email,
        },
    )
    .await
    .unwrap();
    same_as_fresh(&web, &url, "a share").await;
    win.value.title = title("Renamed win");
    win.value.kind = WinKind::Release;
    cli.update_win(&win).await.unwrap();
    same_as_fresh(&web, &url, "a win edited").await;
    let mut goal = web.list_goals().await.unwrap().remove(0);
    goal.value.title = title("Renamed goal");
    web.update_goal(&goal).await.unwrap();
    same_as_fresh(&web, &url, "a goal renamed").await;
    let mut evidence = web.list_evidence().await.unwrap().remove(0);
    evidence.value.summary = title("Restated");
    web.update_evidence(&evidence).await.unwrap();
    same_as_fresh(&web, &url, "evidence edited").await;
    let mut room = web.list_decisions().await.unwrap().remove(0);
    room.value.room.truncate(1);
    web.update_decision(&room).await.unwrap();
    same_as_fresh(&web, &url, "a room emptied").await;
    let mut settings = web.get_settings().await.unwrap();
    settings.momentum_window_days = 120;
    cli.save_settings(&settings).await.unwrap();
    same_as_fresh(&web, &url, "settings").await;

    // Removals and merges reach into many lists at once.
    let people = web.list_people().await.unwrap();
    web.delete_person(people[2].id).await.unwrap();
    same_as_fresh(&web, &url, "a person removed").await;
    web.merge_people(people[3].id, people[4].id).await.unwrap();
    same_as_fresh(&web, &url, "a merge").await;

    // Plain SQL, as another program would write.
    let mut raw = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    for sql in [
        "UPDATE people SET name = 'Aaaa Raw' WHERE id = (SELECT max(id) FROM people)",
        "UPDATE interactions SET follow_up_done = 1 WHERE id = (SELECT min(id) FROM interactions WHERE follow_up IS NOT NULL AND follow_up_done = 0)",
        "UPDATE contact_summary SET contacts = contacts + 1",
        "DELETE FROM person_emails WHERE person_id = (SELECT min(person_id) FROM person_emails)",
    ] {
        sqlx::query(sql).execute(&mut raw).await.unwrap();
        same_as_fresh(&web, &url, sql).await;
    }

    // Bulk writes set the log aside and say everything changed.
    web.clear_workspace().await.unwrap();
    same_as_fresh(&web, &url, "clearing the workspace").await;
    cli.import_workspace(&sample_workspace(today))
        .await
        .unwrap();
    same_as_fresh(&web, &url, "a restore").await;

    // The bulk writes left every trigger in place.
    let triggers: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_log_%'",
    )
    .fetch_one(&mut raw)
    .await
    .unwrap();
    assert_eq!(triggers, 61, "every table's three triggers and the pruning");
    web.close().await;
    cli.close().await;
}

/// Every table a list could be read from logs its changes: a table without triggers
/// would change under the cache unseen (it would only count as a change to everything).
#[tokio::test]
async fn every_table_logs_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let url = fanclub_store::sqlite_url(&dir.path().join("log.db"));
    let store = SqlStore::open(&url).await.unwrap();
    let mut raw = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    let unlogged: Vec<(String, i64)> = sqlx::query_as(
        "SELECT t.name, (SELECT count(*) FROM sqlite_master g WHERE g.type = 'trigger' \
           AND g.tbl_name = t.name AND g.name LIKE 'change_log_%') \
         FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' \
           AND t.name NOT LIKE 'search_index%' AND t.name NOT IN ('_sqlx_migrations', 'change_log') \
         ORDER BY t.name",
    )
    .fetch_all(&mut raw)
    .await
    .unwrap();
    assert!(unlogged.len() >= 19, "{unlogged:?}");
    for (table, triggers) in unlogged {
        assert_eq!(triggers, 3, "{table} logs its inserts, updates and deletes");
    }
    // The log keeps only its last rows.
    for n in 0..5000 {
        sqlx::query("INSERT INTO documents (account_id, key, body) VALUES (1, $1, '{}')")
            .bind(format!("k{n}"))
            .execute(&mut raw)
            .await
            .unwrap();
    }
    let (rows, last): (i64, i64) = sqlx::query_as("SELECT count(*), max(seq) FROM change_log")
        .fetch_one(&mut raw)
        .await
        .unwrap();
    assert!(
        last >= 5000 && rows <= 4096 + 1024,
        "{rows} rows up to {last}"
    );
    store.close().await;
}

//! Full-text search: records are found by the words of their notes, titles and quotes; the
//! index follows every update and delete (the database keeps it); a second account's
//! records stay out; and whatever a member types, the search answers without an error.
//! Run on SQLite always and on PostgreSQL when `TEST_DATABASE_URL` is set.

use fanclub_core::{
    EvidenceSource, EvidenceStrength, Interaction, MARK_END, MARK_START, SearchHit, SearchKind,
    Store, TrackKey, Win, WinKind, marked_parts,
};
use fanclub_store::SqlStore;
use fanclub_testkit::{TestStore, postgres_configured, postgres_store, sqlite_store};

use crate::story::fixtures::{day, meeting, person, title};

fn kinds_and_ids(hits: &[SearchHit]) -> Vec<(SearchKind, i64)> {
    hits.iter().map(|h| (h.kind, h.id)).collect()
}

fn has(hits: &[SearchHit], kind: SearchKind, id: i64) -> bool {
    hits.iter().any(|h| h.kind == kind && h.id == id)
}

async fn chapter(store: &SqlStore) {
    // Arrange: people, an interaction with notes, a win, a piece of evidence.
    let mut ana = person("Ana Rivera", 5, 4);
    ana.organisation = Some("Northwind".into());
    ana.title = Some("VP Platform".into());
    ana.goals = Some("Move the platform to the Frankfurt region".into());
    ana.notes = Some("Prefers a written agenda.\nAsks about the Frankfurt latency first.".into());
    let ana = store.create_person(&ana, day("2026-01-05")).await.unwrap();
    let omar = store
        .create_person(&person("Omar Haddad", 3, 2), day("2026-01-05"))
        .await
        .unwrap();

    let mut coffee: Interaction =
        meeting("2026-02-10", "Coffee about the roadmap", &[omar.id, ana.id]);
    coffee.notes = Some("She worries about the churn dashboards being stale".into());
    coffee.learned = Some("Ana coaches a junior volleyball team".into());
    let coffee = store.create_interaction(&coffee).await.unwrap();

    let win = Win {
        on: day("2026-03-01"),
        title: title("Launched usage-based pricing"),
        kind: WinKind::Release,
        description: Some("Moved twelve enterprise accounts to the new plans".into()),
        impact: None,
        goals: vec![],
        tracks: vec![],
        links: vec![],
        shares: vec![],
    };
    let win = store.create_win(&win).await.unwrap();

    let evidence = fanclub_core::Evidence {
        on: day("2026-03-05"),
        track: TrackKey::parse("strategy").unwrap(),
        strength: EvidenceStrength::Endorsed,
        source: EvidenceSource::Feedback,
        summary: title("Ana on the pricing choice"),
        quote: Some("The clearest tradeoff memo I have read this year".into()),
        person: Some(ana.id),
        win: Some(win.id),
        interaction: None,
    };
    let evidence = store.create_evidence(&evidence).await.unwrap();
    // Evidence nobody saw: its hit names no one.
    let claimed = fanclub_core::Evidence {
        on: day("2026-03-06"),
        track: TrackKey::parse("strategy").unwrap(),
        strength: EvidenceStrength::Claimed,
        source: EvidenceSource::Other,
        summary: title("Drafted the pricing memo alone"),
        quote: None,
        person: None,
        win: None,
        interaction: None,
    };
    let claimed = store.create_evidence(&claimed).await.unwrap();

    // A word of an interaction's notes finds it, naming its person and date, marked.
    let hits = store.search("churn", 20).await.unwrap();
    assert_eq!(
        kinds_and_ids(&hits),
        vec![(SearchKind::Interaction, coffee.id.get())]
    );
    let hit = &hits[0];
    assert_eq!(hit.person.as_deref(), Some("omar-haddad"));
    // Its people by name, in the order they were logged.
    assert_eq!(hit.people, ["Omar Haddad", "Ana Rivera"]);
    assert!(hit.about.is_empty());
    assert_eq!(hit.on, Some(day("2026-02-10")));
    assert_eq!(hit.title, "Coffee about the roadmap");
    assert!(
        marked_parts(&hit.snippet)
            .iter()
            .any(|(text, matched)| *matched && text.to_lowercase() == "churn"),
        "the matched word is marked: {:?}",
        hit.snippet
    );

    // A word of a win's title, marked in the title; stemming finds another form.
    let hits = store.search("pricing", 20).await.unwrap();
    assert!(has(&hits, SearchKind::Win, win.id.get()), "{hits:?}");
    assert!(
        has(&hits, SearchKind::Evidence, evidence.id.get()),
        "{hits:?}"
    );
    let win_hit = hits.iter().find(|h| h.kind == SearchKind::Win).unwrap();
    assert!(win_hit.title.contains(MARK_START), "{:?}", win_hit.title);
    assert_eq!(win_hit.on, Some(day("2026-03-01")));
    assert!(has(
        &store.search("launch", 20).await.unwrap(),
        SearchKind::Win,
        win.id.get()
    ));

    // Evidence by its quote, with its track and who said it.
    let hits = store.search("tradeoff memo", 20).await.unwrap();
    assert_eq!(
        kinds_and_ids(&hits),
        vec![(SearchKind::Evidence, evidence.id.get())]
    );
    assert_eq!(hits[0].track.as_deref(), Some("strategy"));
    assert_eq!(hits[0].person.as_deref(), Some("ana-rivera"));
    // Who said it by name, as an interaction names its people.
    assert_eq!(hits[0].people, ["Ana Rivera"]);
    assert!(hits[0].about.is_empty());
    let hits = store.search("memo alone", 20).await.unwrap();
    assert_eq!(
        kinds_and_ids(&hits),
        vec![(SearchKind::Evidence, claimed.id.get())]
    );
    assert_eq!(hits[0].person, None);
    assert!(hits[0].people.is_empty(), "{:?}", hits[0].people);

    // People by name, organisation or goals; the last word is a prefix; all words count.
    let hits = store.search("Frankfurt", 20).await.unwrap();
    assert_eq!(
        kinds_and_ids(&hits),
        vec![(SearchKind::Person, ana.id.get())]
    );
    assert_eq!(hits[0].person.as_deref(), Some("ana-rivera"));
    // A person's snippet: who they are, then each part that matched, named, with the
    // match marked; never the handle or the other fields run together.
    let hit = &hits[0];
    assert_eq!(
        marked_parts(&hit.about),
        [("VP Platform · Northwind".to_string(), false)]
    );
    assert!(hit.people.is_empty());
    let snippet: String = marked_parts(&hit.snippet)
        .into_iter()
        .map(|(text, matched)| if matched { format!("[{text}]") } else { text })
        .collect();
    assert_eq!(
        snippet,
        "Goals: Move the platform to the [Frankfurt] region · \
         Notes: Prefers a written agenda. Asks about the [Frankfurt] latency first."
    );
    assert!(!hit.snippet.contains("ana-rivera"), "{:?}", hit.snippet);
    // A match in the organisation is marked there; nothing else matched, no snippet.
    let hits = store.search("northw", 20).await.unwrap();
    let hit = hits.iter().find(|h| h.id == ana.id.get()).unwrap();
    assert_eq!(
        marked_parts(&hit.about),
        [
            ("VP Platform · ".to_string(), false),
            ("Northwind".to_string(), true)
        ]
    );
    assert_eq!(hit.snippet, "");
    // A stemmed match ("platforms" finds "platform") is marked where it is.
    let hits = store.search("platforms", 20).await.unwrap();
    let hit = hits.iter().find(|h| h.id == ana.id.get()).unwrap();
    assert!(
        hit.about
            .contains(&format!("{MARK_START}Platform{MARK_END}")),
        "{:?}",
        hit.about
    );
    assert!(
        hit.snippet.starts_with("Goals: ") && hit.snippet.contains(MARK_START),
        "{:?}",
        hit.snippet
    );
    assert!(has(
        &store.search("oma", 20).await.unwrap(),
        SearchKind::Person,
        omar.id.get()
    ));
    assert!(
        store
            .search("Frankfurt volleyball", 20)
            .await
            .unwrap()
            .is_empty()
    );

    // Updates are reflected: the old words are gone, the new ones found.
    let mut changed = coffee.clone();
    changed.notes = Some("She asked about the onboarding funnel".into());
    store.update_interaction(&changed).await.unwrap();
    assert!(store.search("churn", 20).await.unwrap().is_empty());
    assert!(has(
        &store.search("funnel", 20).await.unwrap(),
        SearchKind::Interaction,
        coffee.id.get()
    ));
    let mut renamed = win.clone();
    renamed.title = title("Launched seat-based billing");
    store.update_win(&renamed).await.unwrap();
    assert!(!has(
        &store.search("pricing", 20).await.unwrap(),
        SearchKind::Win,
        win.id.get()
    ));
    assert!(has(
        &store.search("billing", 20).await.unwrap(),
        SearchKind::Win,
        win.id.get()
    ));
    let mut moved = store.get_person(omar.id).await.unwrap();
    moved.organisation = Some("Contoso".into());
    store
        .update_person(&moved, day("2026-04-01"))
        .await
        .unwrap();
    assert!(has(
        &store.search("contoso", 20).await.unwrap(),
        SearchKind::Person,
        omar.id.get()
    ));

    // Deletes are reflected.
    store.delete_evidence(evidence.id).await.unwrap();
    assert!(store.search("tradeoff", 20).await.unwrap().is_empty());
    store.delete_interaction(coffee.id).await.unwrap();
    assert!(store.search("funnel", 20).await.unwrap().is_empty());
    store.delete_win(win.id).await.unwrap();
    assert!(store.search("billing", 20).await.unwrap().is_empty());
    store.delete_person(omar.id).await.unwrap();
    assert!(store.search("contoso", 20).await.unwrap().is_empty());

    // The limit holds.
    for i in 0..5 {
        store
            .create_interaction(&meeting(
                "2026-05-01",
                &format!("Roadmap sync {i}"),
                &[ana.id],
            ))
            .await
            .unwrap();
    }
    assert_eq!(store.search("roadmap", 3).await.unwrap().len(), 3);
    assert_eq!(store.search("roadmap", 50).await.unwrap().len(), 5);

    // Another account sees none of it.
    let other_account = store.create_account("search-other").await.unwrap();
    let other = store.for_account(other_account);
    assert!(other.search("roadmap", 20).await.unwrap().is_empty());
    assert!(other.search("ana", 20).await.unwrap().is_empty());

    // Hostile or empty queries answer (possibly with nothing), never with an error.
    for q in [
        "\"",
        "AND (",
        "OR",
        "NOT",
        "*",
        "ana*",
        "NEAR(ana roadmap)",
        "title:ana",
        "'); DROP TABLE people; --",
        "a & b | !c <-> d:*",
        "\\",
        "",
        "   ",
        "ü ß 東京",
    ] {
        let result = store.search(q, 20).await;
        assert!(result.is_ok(), "{q:?} failed: {result:?}");
    }
    assert!(store.search("\"", 20).await.unwrap().is_empty());
    // Quoted operators are words: "ana*" still finds Ana.
    assert!(has(
        &store.search("ana*", 20).await.unwrap(),
        SearchKind::Person,
        ana.id.get()
    ));
}

async fn run(name: &str, store: TestStore) {
    chapter(&store).await;
    eprintln!("search story: {name} ok");
    store.cleanup().await;
}

#[tokio::test]
async fn search_on_sqlite() {
    run("sqlite", sqlite_store().await).await;
}

#[tokio::test]
async fn search_on_postgres() {
    match postgres_store().await {
        Some(store) => run("postgres", store).await,
        None => {
            assert!(!postgres_configured());
            eprintln!("search story: postgres SKIPPED (TEST_DATABASE_URL not set)");
        }
    }
}

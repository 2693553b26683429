//! The pages: each renders, the sample loads, people are found, interactions are logged
//! through the form, and a mistake comes back with its error and what was typed.

use super::support::*;

const PAGES: [&str; 8] = [
    "/",
    "/people",
    "/rooms",
    "/wins",
    "/readiness",
    "/momentum",
    "/settings",
    "/interactions/new",
];

#[tokio::test]
async fn every_page_renders_on_an_empty_workspace() {
    let app = spawn_app().await;
    for path in PAGES {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        assert!(
            reply.header("content-type").starts_with("text/html"),
            "{path}"
        );
        reply.assert_contains("<main id=\"main\"");
        reply.assert_contains("Skip to content");
    }
    let welcome = app.get("/").await;
    welcome.assert_contains("Welcome to fanclub");
    welcome.assert_contains("action=\"/sample\"");
    welcome.assert_contains("Load the sample workspace");
    app.get("/people").await.assert_contains("No one yet");
    app.stop().await;
}

#[tokio::test]
async fn loading_the_sample_fills_every_page() {
    let app = spawn_app().await;
    let reply = app.load_sample().await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header("location"), "/");
    assert!(app.store.counts().await.unwrap().people > 10);

    for path in PAGES {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    }
    let week = app.get("/").await;
    week.assert_contains("Relationships to tend");
    week.assert_contains("Rooms at risk");
    week.assert_contains("Promotion committee: Senior PM to Head of Product");
    let rooms = app.get("/rooms").await;
    rooms.assert_contains("Who leads the Supplier Network initiative");
    rooms.assert_contains("covered");
    let people = app.get("/people").await;
    people.assert_contains("href=\"/people/grace-whitfield\"");
    let grace = app.get("/people/grace-whitfield").await;
    assert_eq!(grace.status, StatusCode::OK);
    grace.assert_contains("Stance history");
    grace.assert_contains("Promotion committee: Senior PM to Head of Product");
    app.get("/settings").await.assert_contains("Noor Haddad");

    // The sample only loads into an empty workspace, whichever way our origin is shown.
    let explicit = app.post_form_from(&app.origin, "/sample", &[]).await;
    assert_eq!(explicit.status, StatusCode::CONFLICT);
    let again = app.load_sample().await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_contains("only loads into an empty one");
    app.stop().await;
}

#[tokio::test]
async fn people_can_be_searched_and_filtered() {
    let app = spawn_app().await;
    app.load_sample().await;
    let found = app.get("/people?q=grace").await;
    found.assert_contains("Grace Whitfield");
    assert!(!found.body.contains("Marcus"), "{}", found.body);
    found.assert_contains("of ");
    let sponsors = app.get("/people?stance=sponsor").await;
    assert_eq!(sponsors.status, StatusCode::OK);
    assert!(!sponsors.body.contains("stance-detractor\">detractor"));
    let bad = app.get("/people?circle=galaxy").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("team, company, outside");
    let missing = app.get("/people/nobody-here").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    missing.assert_contains("nobody-here");
    app.stop().await;
}

#[tokio::test]
async fn an_interaction_logged_with_the_form_is_saved_and_confirmed() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let reply = app
        .log_interaction(&[
            ("with", "dana"),
            ("on", "2026-03-02"),
            ("kind", "coffee"),
            ("summary", "Coffee about the roadmap"),
            ("learned", "Wants to grow the platform team"),
            ("notes", ""),
            ("follow_up", ""),
            ("follow_up_due", ""),
        ])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").to_string();
    assert!(
        location.starts_with("/people/dana-kim?logged="),
        "{location}"
    );

    let saved = app
        .store
        .list_interactions(&InteractionFilter::default())
        .await
        .unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].people, vec![dana.id]);
    assert_eq!(saved[0].on.to_string(), "2026-03-02");
    assert_eq!(
        saved[0].learned.as_deref(),
        Some("Wants to grow the platform team")
    );

    let page = app.get(&location).await;
    page.assert_contains("Logged “Coffee about the roadmap” on 2026-03-02");
    page.assert_contains("Wants to grow the platform team");
    app.stop().await;
}

#[tokio::test]
async fn a_bad_date_re_renders_the_form_with_the_error_and_what_was_typed() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    let reply = app
        .log_interaction(&[
            ("with", "dana-kim"),
            ("on", "2026-02-30"),
            ("kind", "meeting"),
            ("summary", "Quarterly planning & <review>"),
            ("notes", "Bring the churn numbers"),
        ])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("Nothing was saved yet");
    reply.assert_contains("id=\"log-on-error\"");
    reply.assert_contains("a real calendar date written YYYY-MM-DD");
    // As text: a date input would blank what it cannot show.
    reply.assert_contains("name=\"on\" type=\"text\" value=\"2026-02-30\"");
    reply.assert_contains("value=\"dana-kim\"");
    reply.assert_contains("value=\"Quarterly planning &#38; &#60;review&#62;\"");
    reply.assert_contains(">Bring the churn numbers</textarea>");
    reply.assert_contains("<option value=\"meeting\" selected>");
    // Only the bad field is marked.
    assert!(!reply.body.contains("id=\"log-summary-error\""));
    let saved = app
        .store
        .list_interactions(&InteractionFilter::default())
        .await
        .unwrap();
    assert!(saved.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_person_is_reported_next_to_the_with_field() {
    let app = spawn_app().await;
    let reply = app
        .log_interaction(&[("with", "Zoe"), ("kind", "1:1"), ("summary", "Sync")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("id=\"log-with-error\"");
    reply.assert_contains("No one here matches “Zoe”");
    app.stop().await;
}

/// A long list comes in pages of 100, sorts by influence and last contact, and filters to
/// the people past their cadence by the same rule as the weekly review.
#[tokio::test]
async fn the_people_list_pages_sorts_and_finds_the_overdue() {
    use fanclub_core::{Day, Influence, Interaction, InteractionKind, Name, Person, Title};
    let app = spawn_app().await;
    let today = Day::today();
    let mut recent = Vec::new();
    for i in 0..250 {
        let mut p = Person::new(Name::parse(&format!("Person {i:03}")).unwrap());
        p.influence = Influence::new(1 + (i % 5)).unwrap();
        if i == 7 {
            p.influence = Influence::new(5).unwrap();
            p.name = Name::parse("Aaron Top").unwrap();
        }
        let p = app.store.create_person(&p, today).await.unwrap();
        if i % 50 == 0 {
            recent.push(p.id);
        }
    }
    // Five people were seen today: they are not overdue.
    app.store
        .create_interaction(&Interaction::new(
            today,
            InteractionKind::Meeting,
            Title::parse("Team lunch").unwrap(),
            recent.clone(),
        ))
        .await
        .unwrap();

    let first = app.get("/people").await;
    assert_eq!(first.status, StatusCode::OK);
    first.assert_contains("250 people; showing 1–100.");
    first.assert_contains("rel=\"next\" href=\"/people?page=2\"");
    assert_eq!(first.body.matches("<th scope=\"row\">").count(), 100);
    // By name: Aaron first.
    let aaron = first.body.find("Aaron Top").unwrap();
    let p000 = first.body.find("Person 000").unwrap();
    assert!(aaron < p000);

    let last = app.get("/people?page=3").await;
    last.assert_contains("showing 201–250.");
    assert_eq!(last.body.matches("<th scope=\"row\">").count(), 50);
    assert!(!last.body.contains("rel=\"next\""));
    last.assert_contains("rel=\"prev\" href=\"/people?page=2\"");
    // A page past the end shows the last one.
    app.get("/people?page=9")
        .await
        .assert_contains("showing 201–250.");

    let overdue = app.get("/people?overdue=yes&sort=influence").await;
    overdue.assert_contains("245 of 250 people match; showing 1–100.");
    overdue.assert_contains("href=\"/people?overdue=yes&#38;sort=influence&#38;page=2\"");
    overdue.assert_contains("aria-sort=\"descending\"");
    let rows: Vec<&str> = overdue.body.split("<th scope=\"row\">").skip(1).collect();
    // Highest influence first: every row on the first page has influence 5 or 4.
    assert!(rows[0].contains("influence 5"), "{}", rows[0]);
    assert!(
        rows.iter()
            .all(|r| r.contains("influence 5") || r.contains("influence 4"))
    );
    assert!(
        !overdue.body.contains(">Person 000<"),
        "seen today, not overdue"
    );

    let by_contact = app.get("/people?sort=last-contact&page=3").await;
    // Never contacted sorts as the longest ago: the five seen today come last.
    let tail: Vec<&str> = by_contact
        .body
        .split("<th scope=\"row\">")
        .skip(1)
        .collect();
    assert_eq!(tail.len(), 50);
    assert!(
        tail[45..].iter().all(|r| r.contains("today")),
        "{:?}",
        &tail[45..]
    );

    let bad = app.get("/people?sort=shoe-size").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("name, influence, last-contact or overdue");
    let bad_page = app.get("/people?page=0").await;
    assert_eq!(bad_page.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

/// A crowded cell of the map shows its count and stance mix, linking to the People list;
/// each quadrant lists its most influential 50 by name and links to the rest.
#[tokio::test]
async fn a_crowded_map_cell_becomes_a_count() {
    let app = spawn_app().await;
    for i in 0..70 {
        app.add_person(&format!("Crowd {i:02}")).await;
    }
    let map = app.get("/map").await;
    assert_eq!(map.status, StatusCode::OK);
    map.assert_contains("class=\"map-clusters\"");
    map.assert_contains(">70</text>");
    map.assert_contains("70 people at influence 3, interest 3");
    map.assert_contains("href=\"/people?quadrant=monitor&#38;sort=influence\"");
    // No mark of its own for anyone in the crowded cell, and a list of 50 plus a link.
    let marks = |body: &str| body.matches("tabindex=\"-1\"><title>").count();
    assert_eq!(marks(&map.body), 0, "no single marks");
    assert_eq!(map.body.matches("<li class=\"item\">").count(), 50);
    map.assert_contains("See all 70 in People");

    // A sparse map keeps one mark per person.
    let app2 = spawn_app().await;
    app2.add_person("Dana Kim").await;
    let sparse = app2.get("/map").await;
    assert_eq!(marks(&sparse.body), 1);
    assert!(!sparse.body.contains("class=\"map-clusters\""));
    app.stop().await;
    app2.stop().await;
}

/// Pages are kept while the workspace is unchanged; a change made by another program on
/// the same database (a `fanclub` command in a second terminal) shows on the next view.
#[tokio::test]
async fn a_kept_page_shows_changes_made_elsewhere_at_once() {
    use fanclub_core::{Day, Name, Person};
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    let first = app.get("/people").await;
    first.assert_contains("Dana Kim");
    let again = app.get("/people").await;
    assert_eq!(first.body, again.body);
    assert_eq!(first.header("content-type"), again.header("content-type"));
    assert_eq!(
        first.header("content-security-policy"),
        again.header("content-security-policy")
    );

    let elsewhere = fanclub_store::SqlStore::open(app.store.url())
        .await
        .unwrap();
    elsewhere
        .create_person(&Person::new(Name::parse("Eli Park").unwrap()), Day::today())
        .await
        .unwrap();
    let after = app.get("/people").await;
    after.assert_contains("Eli Park");
    after.assert_contains("Dana Kim");
    // The map, never shown before the change, shows both too.
    app.get("/map").await.assert_contains("Eli Park");
    elsewhere.close().await;
    app.stop().await;
}

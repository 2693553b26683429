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

//! The pages that explore the workspace: the map (everyone once, one room at a time),
//! intro paths (the engine's warmest chain, shown hop by hop), the outreach check (the
//! findings highlighted in the draft, the draft escaped) and full-text search.

use fanclub_core::Day;
use fanclub_core::engine::outreach::{self, Severity};
use fanclub_core::engine::paths::{IntroGraph, Reach};

use super::support::*;

/// What askama writes for a text.
fn escaped(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The part of a page between two markers.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not in the page:\n{body}"));
    let rest = &body[from..];
    let to = rest.find(end).unwrap_or(rest.len());
    &rest[..to]
}

#[tokio::test]
async fn explore_pages_render_on_an_empty_workspace() {
    let app = spawn_app().await;
    for path in ["/map", "/paths", "/check", "/search", "/search?q=anything"] {
        let reply = app.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        reply.assert_contains("<main id=\"main\"");
    }
    app.get("/map")
        .await
        .assert_contains("No one on the map yet");
    app.get("/paths")
        .await
        .assert_contains("No one in your records yet");
    app.get("/search?q=anything")
        .await
        .assert_contains("Nothing matches");
    // The header's search box is on every page, and the `/` key goes to it.
    app.get("/rooms")
        .await
        .assert_contains("id=\"site-search\" name=\"q\"");
    app.stop().await;
}

#[tokio::test]
async fn the_map_shows_everyone_once_and_one_room_on_request() {
    let app = spawn_app().await;
    app.load_sample().await;
    let people = app.store.list_people().await.unwrap();

    let map = app.get("/map").await;
    assert_eq!(map.status, StatusCode::OK);
    let svg = between(&map.body, "<svg class=\"map\"", "</svg>");
    for p in &people {
        let link = format!("href=\"/people/{}\"", p.handle);
        assert_eq!(svg.matches(&link).count(), 1, "{} once on the grid", p.name);
        assert!(
            svg.contains(&format!(
                "<title>{}: {}",
                escaped(p.name.as_str()),
                p.stance
            )),
            "{} has a tooltip naming their stance",
            p.name
        );
    }
    // Each stance also has a shape and a word in the legend, not colour alone.
    for stance in [
        "detractor",
        "unknown",
        "aware",
        "supporter",
        "advocate",
        "sponsor",
    ] {
        map.assert_contains(&format!("dot dot-{stance}"));
    }
    for quadrant in [
        "Manage closely",
        "Keep satisfied",
        "Keep informed",
        "Monitor",
    ] {
        map.assert_contains(quadrant);
    }
    // The text list holds the same people, once each.
    let list = between(&map.body, "map-list", "</main>");
    for p in &people {
        let link = format!("href=\"/people/{}\"", p.handle);
        assert_eq!(
            list.matches(&link).count(),
            1,
            "{} once in the list",
            p.name
        );
    }
    assert!(!map.body.contains("style="), "no inline styles (CSP)");

    // One room: only its members, and the room is selected in the filter.
    let room = app
        .store
        .list_decisions()
        .await
        .unwrap()
        .into_iter()
        .find(|d| !d.room.is_empty() && d.room.len() < people.len())
        .expect("a sample room");
    let filtered = app.get(&format!("/map?room={}", room.id)).await;
    assert_eq!(filtered.status, StatusCode::OK);
    filtered.assert_contains(&format!("value=\"{}\" selected", room.id));
    let svg = between(&filtered.body, "<svg class=\"map\"", "</svg>");
    assert_eq!(svg.matches("<a href=\"/people/").count(), room.room.len());
    for p in &people {
        let seated = room.room.iter().any(|s| s.person == p.id);
        let link = format!("href=\"/people/{}\"", p.handle);
        assert_eq!(svg.contains(&link), seated, "{}: seated {seated}", p.name);
    }

    // A room that does not exist, or is not a number, says so.
    let missing = app.get("/map?room=9999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    missing.assert_contains("Rooms page");
    let bad = app.get("/map?room=promotion").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

#[tokio::test]
async fn intro_paths_show_the_engines_warmest_chain() {
    let app = spawn_app().await;
    app.load_sample().await;
    let people = app.store.list_people().await.unwrap();
    let connections = app.store.list_connections().await.unwrap();
    let contacts = app.store.last_contacts().await.unwrap();
    let graph = IntroGraph::build(&people, &connections, &contacts, Day::today());
    // Someone reached only through introductions.
    let (target, expected) = people
        .iter()
        .map(|p| (p, graph.paths(p.id, 3)))
        .find(|(_, r)| r.reach == Reach::Introduction)
        .expect("someone in the sample is reached through an introduction");
    let best = &expected.paths[0];

    let reply = app.get(&format!("/paths?to={}", target.handle)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.assert_contains(&escaped(&expected.summary));
    let first = between(&reply.body, "class=\"card item path\"", "</li>\n    <li");
    for c in &best.chain {
        assert!(
            first.contains(&escaped(c.name.as_str())),
            "{} in the chain",
            c.name
        );
    }
    assert!(first.contains(&format!(
        "Ask first: <a href=\"/people/{}\">",
        best.ask_first.person.handle
    )));
    assert!(first.contains("weakest link"));
    assert!(first.contains("strength "));
    assert_eq!(
        reply.body.matches("class=\"card item path\"").count(),
        expected.paths.len()
    );

    // Fewer chains on request; a bad count and an unknown name are shown by their field.
    let one = app.get(&format!("/paths?to={}&k=1", target.handle)).await;
    assert_eq!(one.body.matches("class=\"card item path\"").count(), 1);
    let bad_k = app.get(&format!("/paths?to={}&k=99", target.handle)).await;
    assert_eq!(bad_k.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad_k.assert_contains("id=\"paths-k-error\"");
    let nobody = app.get("/paths?to=Nobody%20Atall").await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
    nobody.assert_contains("id=\"paths-to-error\"");
    nobody.assert_contains("value=\"Nobody Atall\"");
    app.stop().await;
}

#[tokio::test]
async fn intro_paths_say_when_no_chain_exists() {
    let app = spawn_app().await;
    let stranger = app.add_person("Quinn Stranger").await;
    let reply = app.get(&format!("/paths?to={}", stranger.handle)).await;
    assert_eq!(reply.status, StatusCode::OK);
    reply.assert_contains("No chain of people you know leads to Quinn Stranger");
    assert!(!reply.body.contains("class=\"card item path\""));
    app.stop().await;
}

#[tokio::test]
async fn the_check_highlights_findings_and_escapes_the_draft() {
    let app = spawn_app().await;
    let draft = "Hi Dana,\r\nI saw your talk. <script>alert(1)</script> Could you refer me for the PM role on your team?\r\nThanks";
    let reply = app
        .post_form("/check", &[("draft", draft), ("to", "")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        !reply.body.contains("<script>alert(1)"),
        "the draft is escaped"
    );
    reply.assert_contains(&escaped("<script>alert(1)</script>"));

    let text = draft.replace("\r\n", "\n");
    let report = outreach::check_message(&text);
    let ask = report
        .findings
        .iter()
        .find(|f| f.rule == "cold-ask" && f.severity == Severity::Problem)
        .expect("the engine finds the ask");
    let words = ask.spans[0].text(&text).expect("a span in the text");
    reply.assert_contains(&format!("<mark class=\"mark-problem\">{}", escaped(words)));
    reply.assert_contains(&escaped(&ask.message));
    if let Some(fix) = &ask.fix {
        reply.assert_contains(&escaped(fix));
    }
    reply.assert_contains("Rewrite it");
    reply.assert_contains(&format!("Score <strong>{}</strong>", report.score));
    // The textarea keeps the draft.
    reply.assert_contains(&format!(">\n{}</textarea>", escaped(&text)));

    // A blank draft is an error by its field; an unknown recipient too, draft kept.
    let blank = app.post_form("/check", &[("draft", "  ")]).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    blank.assert_contains("id=\"check-draft-error\"");
    let unknown = app
        .post_form(
            "/check",
            &[("draft", "Hello there"), ("to", "Nobody Atall")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    unknown.assert_contains("id=\"check-to-error\"");
    unknown.assert_contains("Hello there</textarea>");

    // Posted from another site, it is refused like every other form.
    let foreign = app
        .post_form_from("https://evil.example", "/check", &[("draft", draft)])
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn the_check_names_how_we_are_connected() {
    let app = spawn_app().await;
    app.load_sample().await;
    let people = app.store.list_people().await.unwrap();
    let someone = &people[0];
    let reply = app
        .post_form(
            "/check",
            &[
                ("draft", "Hi, I enjoyed your talk."),
                ("to", someone.handle.as_str()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.assert_contains(&format!("You and <a href=\"/people/{}\">", someone.handle));
    app.stop().await;
}

#[tokio::test]
async fn search_finds_notes_wins_and_people_grouped_by_kind() {
    let app = spawn_app().await;
    app.load_sample().await;
    // A word from a sample interaction's notes, and the title of a sample win.
    let interactions = app
        .store
        .list_interactions(&InteractionFilter::default())
        .await
        .unwrap();
    let noted = interactions
        .iter()
        .find(|i| {
            i.notes
                .as_deref()
                .is_some_and(|n| n.split_whitespace().count() > 3)
        })
        .expect("a sample interaction with notes");
    let word = noted
        .notes
        .as_deref()
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 7)
        .max_by_key(|w| w.len())
        .expect("a long word in the notes")
        .to_string();
    let reply = app.get(&format!("/search?q={word}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let group = between(&reply.body, "id=\"search-interaction\"", "</section>");
    assert!(
        group.contains(&escaped(noted.summary.as_str())) || group.contains("<mark>"),
        "the interaction is listed: {group}"
    );
    assert!(
        reply
            .body
            .to_lowercase()
            .contains(&format!("<mark>{}", word.to_lowercase())),
        "the word is highlighted"
    );

    let win = app.store.list_wins().await.unwrap().remove(0);
    let first_word = win
        .title
        .as_str()
        .split_whitespace()
        .find(|w| w.len() >= 5 && w.chars().all(char::is_alphanumeric))
        .expect("a word in the title")
        .to_string();
    let reply = app.get(&format!("/search?q={first_word}")).await;
    let group = between(&reply.body, "id=\"search-win\"", "</section>");
    assert!(
        group.contains(&format!("href=\"/wins#win-{}\"", win.id)),
        "{group}"
    );

    // A prefix of a person's name finds them, linked to their page.
    let grace = app.get("/search?q=grac").await;
    let group = between(&grace.body, "id=\"search-person\"", "</section>");
    assert!(
        group.contains("href=\"/people/grace-whitfield\""),
        "{group}"
    );

    // Hostile input is only words; the query comes back escaped.
    for q in ["%22", "AND%20(", "%3Cscript%3E", "*", "NEAR(a%20b)"] {
        let reply = app.get(&format!("/search?q={q}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{q}: {}", reply.body);
    }
    let reply = app.get("/search?q=%3Cscript%3Ealert(1)").await;
    assert!(!reply.body.contains("<script>alert"));
    reply.assert_contains(&escaped("<script>alert(1)"));
    app.stop().await;
}

#[tokio::test]
async fn search_hits_name_people_and_show_the_part_that_matched() {
    let app = spawn_app().await;
    let mut ana = fanclub_core::Person::new(fanclub_core::Name::parse("Ana Rivera").unwrap());
    ana.organisation = Some("Northwind".into());
    ana.title = Some("VP Platform".into());
    ana.goals = Some("Move the platform to the Frankfurt region".into());
    ana.interests = Some("Volleyball".into());
    app.store.create_person(&ana, Day::today()).await.unwrap();
    app.add_person("Omar Haddad").await;
    let logged = app
        .log_interaction(&[
            ("with", "omar-haddad, Ana Rivera"),
            ("kind", "coffee"),
            ("summary", "Coffee about the roadmap"),
            ("notes", "She asked about the Frankfurt latency"),
        ])
        .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);

    let reply = app.get("/search?q=frankfurt").await;
    assert_eq!(reply.status, StatusCode::OK);
    // A person: who they are, then the part of their record that matched, marked; their
    // handle only in the link, never as text.
    let person = between(&reply.body, "id=\"search-person\"", "</section>");
    assert!(person.contains(">VP Platform · Northwind</p>"), "{person}");
    assert!(
        person.contains("Goals: Move the platform to the <mark>Frankfurt</mark> region"),
        "{person}"
    );
    assert_eq!(person.matches("ana-rivera").count(), 1, "{person}");
    assert!(
        !person.contains("Volleyball"),
        "only the part that matched: {person}"
    );
    // An interaction: its people by name, in the order logged.
    let interaction = between(&reply.body, "id=\"search-interaction\"", "</section>");
    assert!(
        interaction.contains("with Omar Haddad and Ana Rivera"),
        "{interaction}"
    );
    assert!(!interaction.contains("with omar-haddad"), "{interaction}");
    // The API gives the same, as plain text.
    let api = app
        .api(Method::GET, "/search?q=frankfurt", None)
        .await
        .json();
    let hit = api
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "person")
        .unwrap()
        .clone();
    assert_eq!(hit["about"], "VP Platform · Northwind");
    assert_eq!(
        hit["snippet"],
        "Goals: Move the platform to the Frankfurt region"
    );
    app.stop().await;
}

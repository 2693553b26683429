//! The forms for people, connections, interactions, rooms and the weekly review: each
//! saves what it says (read back from the store), refuses bad input with 422, the message
//! next to the field and what was typed kept, writing nothing; answers 404 for an unknown
//! record; and refuses a post from another site.

use fanclub_core::{
    Commitment, Connection, Day, Decision, DecisionKind, Interaction, InteractionKind, Person,
    Record, RoomRole, Seat, Stance, Strength, Title, WeeklyReview,
};

use super::support::*;

const EVIL: &str = "http://evil.example";

async fn person(app: &TestApp, handle: &str) -> Option<Record<Person>> {
    app.store
        .list_people()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.handle.as_str() == handle)
}

async fn interaction_with(
    app: &TestApp,
    people: &[&Record<Person>],
    follow_up: bool,
) -> Record<Interaction> {
    let mut i = Interaction::new(
        Day::today(),
        InteractionKind::Coffee,
        Title::parse("Coffee about the roadmap").unwrap(),
        people.iter().map(|p| p.id).collect(),
    );
    if follow_up {
        i.follow_up = Some("Send the deck".into());
    }
    app.store.create_interaction(&i).await.unwrap()
}

#[tokio::test]
async fn adding_a_person_saves_every_field() {
    let app = spawn_app().await;
    let ravi = app.add_person("Ravi Patel").await;
    let form = app.get("/people/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("<label for=\"person-name\">Name");
    form.assert_contains("Add person</button>");

    let reply = app
        .post_form(
            "/people",
            &[
                ("name", "Dana Kim"),
                ("title", "VP Sales"),
                ("organisation", "Harborlight"),
                ("emails", "dana@example.com, dana.kim@example.org"),
                ("phones", "+1 555 0100"),
                ("links", "https://example.com/dana"),
                ("circle", "company"),
                ("relation", "executive"),
                ("influence", "5"),
                ("interest", "4"),
                ("stance", "aware"),
                ("since", "2026-01-15"),
                ("introduced_by", "ravi"),
                ("cadence", "3w"),
                ("birthday", "--04-12"),
                ("goals", "Grow the platform team"),
                ("notes", "Likes **data**"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header("location"), "/people/dana-kim?saved=added");
    let dana = person(&app, "dana-kim").await.expect("saved");
    assert_eq!(dana.title.as_deref(), Some("VP Sales"));
    assert_eq!(dana.emails.len(), 2);
    assert_eq!(dana.phones, vec!["+1 555 0100"]);
    assert_eq!((dana.influence.get(), dana.interest.get()), (5, 4));
    assert_eq!(dana.stance, Stance::Aware);
    assert_eq!(dana.introduced_by, Some(ravi.id));
    assert_eq!(dana.cadence.map(|c| c.days()), Some(21));
    assert_eq!(dana.birthday.as_deref(), Some("--04-12"));
    let history = app.store.stance_history(dana.id).await.unwrap();
    assert_eq!(history[0].on.to_string(), "2026-01-15");

    let page = app.get("/people/dana-kim?saved=added").await;
    page.assert_contains("Added.");
    page.assert_contains("<strong>data</strong>");
    app.stop().await;
}

#[tokio::test]
async fn a_bad_person_comes_back_with_each_error_and_nothing_saved() {
    let app = spawn_app().await;
    let reply = app
        .post_form(
            "/people",
            &[
                ("name", "Dana Kim"),
                ("title", "VP <Sales>"),
                ("influence", "9"),
                ("circle", "company"),
                ("relation", "peer"),
                ("interest", "3"),
                ("stance", "fan"),
                ("emails", "not-an-address"),
                ("introduced_by", "nobody-here"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("id=\"person-influence-error\">Use a whole number from 1 to 5.");
    reply.assert_contains("aria-describedby=\"person-influence-hint person-influence-error\"");
    reply.assert_contains("id=\"person-stance-error\"");
    reply.assert_contains("id=\"person-emails-error\"");
    reply.assert_contains("No one here matches “nobody-here”");
    // What was typed is kept (escaped), and the first field in error has the focus.
    reply.assert_contains("value=\"Dana Kim\"");
    reply.assert_contains("value=\"VP &#60;Sales&#62;\"");
    reply.assert_contains("value=\"not-an-address\"");
    reply.assert_contains("aria-invalid=\"true\" autofocus");
    assert_eq!(app.store.counts().await.unwrap().people, 0);

    let blank = app.post_form("/people", &[("name", "  ")]).await;
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    blank.assert_contains("Give their name.");
    assert_eq!(app.store.counts().await.unwrap().people, 0);
    app.stop().await;
}

#[tokio::test]
async fn editing_a_person_keeps_their_stance_and_refuses_a_taken_handle() {
    let app = spawn_app().await;
    app.add_person("Ravi Patel").await;
    let mut dana = app.add_person("Dana Kim").await;
    dana.stance = Stance::Supporter;
    app.store.update_person(&dana, Day::today()).await.unwrap();

    let form = app.get("/people/dana-kim/edit").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("value=\"Dana Kim\"");
    let fields = [
        ("name", "Dana Kim"),
        ("handle", "dana-kim"),
        ("title", "Chief Revenue Officer"),
        ("circle", "company"),
        ("relation", "executive"),
        ("influence", "5"),
        ("interest", "3"),
    ];
    let reply = app.post_form("/people/dana-kim", &fields).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let saved = person(&app, "dana-kim").await.unwrap();
    assert_eq!(saved.title.as_deref(), Some("Chief Revenue Officer"));
    assert_eq!(saved.stance, Stance::Supporter);

    let mut taken = fields;
    taken[1] = ("handle", "ravi-patel");
    taken[2] = ("title", "Changed");
    let reply = app.post_form("/people/dana-kim", &taken).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("The handle ravi-patel is already Ravi Patel");
    reply.assert_contains("value=\"Changed\"");
    let unchanged = person(&app, "dana-kim").await.unwrap();
    assert_eq!(unchanged.title.as_deref(), Some("Chief Revenue Officer"));

    assert_eq!(
        app.get("/people/zoe/edit").await.status,
        StatusCode::NOT_FOUND
    );
    let missing = app.post_form("/people/zoe", &fields).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_stance_change_is_recorded_on_its_date_and_trust_is_rated() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let reply = app
        .post_form(
            "/people/dana-kim/stance",
            &[
                ("stance", "advocate"),
                ("on", "2026-02-20"),
                ("note", "Backed me in staff"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let history = app.store.stance_history(dana.id).await.unwrap();
    let change = history
        .iter()
        .find(|c| c.to == Stance::Advocate)
        .expect("recorded");
    assert_eq!(change.on.to_string(), "2026-02-20");
    assert_eq!(change.from, Some(Stance::Unknown));
    let saved = person(&app, "dana-kim").await.unwrap();
    assert!(
        saved
            .notes
            .as_deref()
            .unwrap()
            .contains("Backed me in staff")
    );

    let bad = app
        .post_form(
            "/people/dana-kim/stance",
            &[("stance", "advocate"), ("on", "20/02/2026")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"stance-on-error\"");
    bad.assert_contains("value=\"20/02/2026\"");
    assert_eq!(
        app.store.stance_history(dana.id).await.unwrap().len(),
        history.len()
    );

    let trust = [
        ("credibility", "7"),
        ("reliability", "8"),
        ("intimacy", "4"),
        ("self_orientation", "3"),
    ];
    let reply = app.post_form("/people/dana-kim/trust", &trust).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let t = person(&app, "dana-kim")
        .await
        .unwrap()
        .trust
        .expect("rated");
    assert_eq!((t.credibility.get(), t.self_orientation.get()), (7, 3));
    let mut wrong = trust;
    wrong[2] = ("intimacy", "11");
    let bad = app.post_form("/people/dana-kim/trust", &wrong).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"trust-intimacy-error\">Use a whole number from 1 to 10.");
    let kept = person(&app, "dana-kim").await.unwrap().trust.unwrap();
    assert_eq!(kept.intimacy.get(), 4);

    let gone = app
        .post_form("/people/zoe/stance", &[("stance", "aware")])
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post_form("/people/zoe/trust", &trust).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn connections_are_added_and_removed_from_the_person_page() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    let reply = app
        .post_form(
            "/people/dana-kim/connections",
            &[
                ("other", "ravi"),
                ("strength", "4"),
                ("note", "Same cohort"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let all = app.store.list_connections().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].other(dana.id), Some(ravi.id));
    assert_eq!(all[0].strength.get(), 4);
    let page = app.get("/people/ravi-patel").await;
    page.assert_contains("href=\"/people/dana-kim\">Dana Kim</a>");

    for (other, message) in [
        ("zoe", "No one here matches “zoe”"),
        ("dana-kim", "someone other than the person themselves"),
        ("ravi-patel", ""),
    ] {
        let bad = app
            .post_form(
                "/people/dana-kim/connections",
                &[("other", other), ("strength", "3")],
            )
            .await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{other}: {}",
            bad.body
        );
        bad.assert_contains("id=\"connection-other-error\"");
        bad.assert_contains(message);
        bad.assert_contains(&format!("value=\"{other}\""));
    }
    assert_eq!(app.store.list_connections().await.unwrap().len(), 1);

    let id = all[0].id;
    let unknown = app
        .post_form("/people/dana-kim/connections/9999/delete", &[])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let reply = app
        .post_form(&format!("/people/dana-kim/connections/{id}/delete"), &[])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.store.list_connections().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn removing_a_person_says_first_what_goes_and_what_stays() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    app.store
        .create_connection(&Connection {
            a: dana.id,
            b: ravi.id,
            strength: Strength::new(3).unwrap(),
            note: None,
        })
        .await
        .unwrap();
    interaction_with(&app, &[&dana], false).await;
    let shared = interaction_with(&app, &[&dana, &ravi], false).await;

    let confirm = app.get("/people/dana-kim/delete").await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.assert_contains("Remove Dana Kim?");
    confirm.assert_contains("1 connection");
    confirm.assert_contains("1 interaction only with them");
    confirm.assert_contains("1 interaction with others");
    confirm.assert_contains("Remove person</button>");
    // Looking at the confirmation removed nothing.
    assert!(person(&app, "dana-kim").await.is_some());

    let reply = app.post_form("/people/dana-kim/delete", &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), "/people?removed=Dana+Kim");
    assert!(person(&app, "dana-kim").await.is_none());
    let kept = app.store.get_interaction(shared.id).await.unwrap();
    assert_eq!(kept.people, vec![ravi.id]);
    app.get("/people?removed=Dana+Kim")
        .await
        .assert_contains("Removed Dana Kim.");

    assert_eq!(
        app.get("/people/dana-kim/delete").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form("/people/dana-kim/delete", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

#[tokio::test]
async fn notes_are_rendered_from_markdown_without_anything_dangerous() {
    let app = spawn_app().await;
    let mut dana = app.add_person("Dana Kim").await;
    dana.notes = Some(
        "- [x] sent the deck\n\n<script>alert('notes')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[site](javascript:alert(2))"
            .into(),
    );
    app.store.update_person(&dana, Day::today()).await.unwrap();
    let mut i = interaction_with(&app, &[&dana], false).await;
    i.learned = Some("Cares about *churn* <script>alert('learned')</script>".into());
    app.store.update_interaction(&i).await.unwrap();

    let page = app.get("/people/dana-kim").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<em>churn</em>");
    page.assert_contains("type=\"checkbox\"");
    for bad in [
        "alert('notes')",
        "alert('learned')",
        "onerror",
        "javascript:",
    ] {
        assert!(
            !page.body.contains(bad),
            "{bad} got through:\n{}",
            page.body
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn people_forms_refuse_other_sites() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    app.add_person("Ravi Patel").await;
    for (path, form) in [
        ("/people", vec![("name", "Mallory")]),
        ("/people/dana-kim", vec![("name", "Mallory")]),
        ("/people/dana-kim/stance", vec![("stance", "detractor")]),
        ("/people/dana-kim/connections", vec![("other", "ravi")]),
        ("/people/dana-kim/delete", vec![]),
    ] {
        let reply = app.post_form_from(EVIL, path, &form).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    let dana = person(&app, "dana-kim").await.expect("still there");
    assert_eq!(
        (dana.name.as_str(), dana.stance),
        ("Dana Kim", Stance::Unknown)
    );
    let counts = app.store.counts().await.unwrap();
    assert_eq!((counts.people, counts.connections), (2, 0));
    app.stop().await;
}

#[tokio::test]
async fn an_interaction_is_edited_deleted_and_its_follow_up_marked_done() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    let i = interaction_with(&app, &[&dana], true).await;

    let page = app.get("/people/dana-kim").await;
    page.assert_contains(&format!("action=\"/interactions/{}/follow-up-done\"", i.id));
    let form = app
        .get(&format!("/interactions/{}/edit?back=dana-kim", i.id))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("value=\"Coffee about the roadmap\"");
    form.assert_contains("<label for=\"interaction-follow-up-done\">Follow-up done</label>");

    let reply = app
        .post_form(
            &format!("/interactions/{}", i.id),
            &[
                ("with", "dana-kim, ravi"),
                ("on", "2026-02-10"),
                ("kind", "1:1"),
                ("summary", "Roadmap 1:1"),
                ("learned", "Wants fewer meetings"),
                ("follow_up", "Send the deck"),
                ("follow_up_done", "on"),
                ("back", "dana-kim"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(
        reply
            .header("location")
            .starts_with("/people/dana-kim?saved=interaction")
    );
    let saved = app.store.get_interaction(i.id).await.unwrap();
    assert_eq!(saved.summary.as_str(), "Roadmap 1:1");
    assert_eq!(saved.people, vec![dana.id, ravi.id]);
    assert_eq!(saved.on.to_string(), "2026-02-10");
    assert!(saved.follow_up_done);

    let bad = app
        .post_form(
            &format!("/interactions/{}", i.id),
            &[
                ("with", "dana-kim"),
                ("kind", "lunch"),
                ("summary", ""),
                ("notes", "kept text"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"interaction-summary-error\">Say in a few words what happened.");
    bad.assert_contains("id=\"interaction-kind-error\"");
    bad.assert_contains(">kept text</textarea>");
    assert_eq!(app.store.get_interaction(i.id).await.unwrap(), saved);

    // Marking done, from the weekly review.
    let other = interaction_with(&app, &[&ravi], true).await;
    let reply = app
        .post_form(
            &format!("/interactions/{}/follow-up-done", other.id),
            &[("back", "week")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(
        reply
            .header("location")
            .starts_with("/?saved=follow-up-done")
    );
    assert!(
        app.store
            .get_interaction(other.id)
            .await
            .unwrap()
            .follow_up_done
    );

    let confirm = app
        .get(&format!("/interactions/{}/delete?back=dana-kim", i.id))
        .await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.assert_contains("Delete interaction</button>");
    let reply = app
        .post_form(
            &format!("/interactions/{}/delete", i.id),
            &[("back", "dana-kim")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.store.get_interaction(i.id).await.is_err());

    for path in ["/interactions/9999/edit", "/interactions/9999/delete"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/interactions/9999",
        "/interactions/9999/delete",
        "/interactions/9999/follow-up-done",
    ] {
        let reply = app
            .post_form(path, &[("with", "dana"), ("summary", "x")])
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn interaction_forms_refuse_other_sites() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let i = interaction_with(&app, &[&dana], true).await;
    for path in [
        format!("/interactions/{}", i.id),
        format!("/interactions/{}/delete", i.id),
        format!("/interactions/{}/follow-up-done", i.id),
    ] {
        let reply = app
            .post_form_from(
                EVIL,
                &path,
                &[("with", "dana"), ("kind", "coffee"), ("summary", "Forged")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.store.get_interaction(i.id).await.unwrap(), i);
    app.stop().await;
}

#[tokio::test]
async fn decisions_and_their_seats_are_managed_from_the_rooms_pages() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    let grace = app.add_person("Grace Whitfield").await;
    let soon = Day::today().plus_days(30).to_string();

    let form = app.get("/rooms/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("<label for=\"decision-title\">Decision");
    let reply = app
        .post_form(
            "/rooms",
            &[
                ("title", "Promotion committee"),
                ("kind", "promotion"),
                ("on", &soon),
                ("notes", "Chaired by **Grace**"),
                ("deciders", "dana"),
                ("voices", "ravi-patel"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let decisions = app.store.list_decisions().await.unwrap();
    let d = &decisions[0];
    assert!(
        reply
            .header("location")
            .starts_with(&format!("/rooms/{}", d.id))
    );
    assert_eq!(
        d.room,
        vec![
            Seat {
                person: dana.id,
                role: RoomRole::Decider
            },
            Seat {
                person: ravi.id,
                role: RoomRole::Voice
            },
        ]
    );
    let page = app.get(&format!("/rooms/{}", d.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("covered");
    page.assert_contains("<strong>Grace</strong>");
    page.assert_contains("<label for=\"seat-person\">Who");
    app.get("/rooms")
        .await
        .assert_contains(&format!("href=\"/rooms/{}\"", d.id));

    // Seat someone, change a role, unseat someone.
    let seat = format!("/rooms/{}/seats", d.id);
    let reply = app
        .post_form(&seat, &[("person", "grace"), ("role", "voice")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = app
        .post_form(&seat, &[("person", "ravi-patel"), ("role", "decider")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = app
        .post_form(&format!("/rooms/{}/seats/{}/delete", d.id, dana.id), &[])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let room = app.store.get_decision(d.id).await.unwrap().room.clone();
    assert_eq!(
        room,
        vec![
            Seat {
                person: ravi.id,
                role: RoomRole::Decider
            },
            Seat {
                person: grace.id,
                role: RoomRole::Voice
            },
        ]
    );
    let bad = app
        .post_form(&seat, &[("person", "zoe"), ("role", "judge")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"seat-person-error\"");
    bad.assert_contains("id=\"seat-role-error\"");
    bad.assert_contains("value=\"zoe\"");
    assert_eq!(app.store.get_decision(d.id).await.unwrap().room, room);
    let not_seated = app
        .post_form(&format!("/rooms/{}/seats/{}/delete", d.id, dana.id), &[])
        .await;
    assert_eq!(not_seated.status, StatusCode::NOT_FOUND);

    // Editing keeps the room.
    let reply = app
        .post_form(
            &format!("/rooms/{}", d.id),
            &[
                ("title", "Spring promotion committee"),
                ("kind", "promotion"),
                ("on", &soon),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let edited = app.store.get_decision(d.id).await.unwrap();
    assert_eq!(edited.title.as_str(), "Spring promotion committee");
    assert_eq!(edited.room, room);
    let bad = app
        .post_form(
            &format!("/rooms/{}", d.id),
            &[("title", "x"), ("kind", "promotion"), ("on", "soon")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"decision-on-error\"");
    assert_eq!(app.store.get_decision(d.id).await.unwrap(), edited);

    // Deleting asks first.
    let confirm = app.get(&format!("/rooms/{}/delete", d.id)).await;
    confirm.assert_contains("2 seats in its room.");
    let reply = app.post_form(&format!("/rooms/{}/delete", d.id), &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.store.list_decisions().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_bad_decision_is_refused_whole_and_unknown_rooms_are_not_found() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    let reply = app
        .post_form(
            "/rooms",
            &[
                ("title", ""),
                ("kind", "coronation"),
                ("on", "next spring"),
                ("deciders", "dana, zoe"),
                ("voices", "dana"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "decision-title-error",
        "decision-kind-error",
        "decision-on-error",
        "decision-deciders-error",
        "decision-voices-error",
    ] {
        reply.assert_contains(&format!("id=\"{id}\""));
    }
    reply.assert_contains("value=\"next spring\"");
    reply.assert_contains("value=\"dana, zoe\"");
    assert!(app.store.list_decisions().await.unwrap().is_empty());

    for path in ["/rooms/9999", "/rooms/9999/edit", "/rooms/9999/delete"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/rooms/9999",
        "/rooms/9999/delete",
        "/rooms/9999/seats",
        "/rooms/9999/seats/1/delete",
    ] {
        let reply = app
            .post_form(
                path,
                &[
                    ("title", "x"),
                    ("kind", "bonus"),
                    ("on", "2030-01-01"),
                    ("person", "dana"),
                    ("role", "voice"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn room_forms_refuse_other_sites() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let d = app
        .store
        .create_decision(&Decision {
            title: Title::parse("Bonus round").unwrap(),
            kind: DecisionKind::Bonus,
            on: Day::today().plus_days(10),
            notes: None,
            room: vec![Seat {
                person: dana.id,
                role: RoomRole::Decider,
            }],
        })
        .await
        .unwrap();
    for path in [
        "/rooms".to_string(),
        format!("/rooms/{}", d.id),
        format!("/rooms/{}/seats", d.id),
        format!("/rooms/{}/seats/{}/delete", d.id, dana.id),
        format!("/rooms/{}/delete", d.id),
    ] {
        let reply = app
            .post_form_from(
                EVIL,
                &path,
                &[("title", "Forged"), ("kind", "bonus"), ("on", "2030-01-01")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.store.list_decisions().await.unwrap(), vec![d]);
    app.stop().await;
}

async fn last_weeks_review(app: &TestApp) {
    let today = Day::today();
    app.store
        .save_review(&WeeklyReview {
            week: today.iso_week().previous(),
            agenda: Value::Null,
            last_week: Vec::new(),
            wins: None,
            learned: None,
            helped: None,
            next_week: vec!["Coffee with Dana".into(), "Share the launch".into()],
            saved_on: today.plus_days(-7),
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn the_weekly_review_is_saved_with_last_weeks_commitments_ticked() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    last_weeks_review(&app).await;
    let week = Day::today().iso_week();

    let page = app.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<label for=\"review-kept-1\">Coffee with Dana</label>");
    page.assert_contains("<label for=\"review-commitments\">Commitments for next week");
    page.assert_contains("Save this week's review</button>");

    let reply = app
        .post_form(
            "/week",
            &[
                ("kept", "2"),
                ("wins", "Shipped the supplier portal"),
                ("learned", "Dana cares about churn"),
                ("helped", "Paired with a new PM"),
                (
                    "commitments",
                    "Ask Ravi about the budget\n\nDemo to the sales team\n",
                ),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let r = app.store.get_review(week).await.unwrap().expect("saved");
    assert_eq!(r.wins.as_deref(), Some("Shipped the supplier portal"));
    assert_eq!(
        r.next_week,
        vec!["Ask Ravi about the budget", "Demo to the sales team"]
    );
    assert_eq!(
        r.last_week,
        vec![
            Commitment {
                text: "Coffee with Dana".into(),
                kept: Some(false)
            },
            Commitment {
                text: "Share the launch".into(),
                kept: Some(true)
            },
        ]
    );
    // The page shows what was saved: the tick, and the commitments to edit.
    let page = app.get("/?saved=review").await;
    page.assert_contains("Saved this week&#39;s review.");
    page.assert_contains("value=\"2\" checked");
    page.assert_contains("Ask Ravi about the budget\nDemo to the sales team</textarea>");

    // Saving again replaces the member's part, still one review for the week.
    let reply = app
        .post_form("/week", &[("kept", "1"), ("commitments", "One thing")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let r = app.store.get_review(week).await.unwrap().unwrap();
    assert_eq!(r.next_week, vec!["One thing"]);
    assert_eq!(r.last_week[0].kept, Some(true));
    assert_eq!(r.wins, None);
    assert_eq!(app.store.counts().await.unwrap().reviews, 2);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_review_is_refused_and_other_sites_cannot_save_one() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    last_weeks_review(&app).await;
    let week = Day::today().iso_week();
    let reply = app
        .post_form(
            "/week",
            &[
                ("kept", "9"),
                ("wins", "Kept words"),
                ("commitments", "Mine"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("id=\"review-kept-error\">Use a number from 1 to 2");
    reply.assert_contains(">Kept words</textarea>");
    assert!(app.store.get_review(week).await.unwrap().is_none());

    let forged = app
        .post_form_from(EVIL, "/week", &[("wins", "Forged")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.store.get_review(week).await.unwrap().is_none());
    app.stop().await;
}

//! Adding, editing and removing a person, and the forms on their page: a stance change,
//! the trust factors and their connections; their notes rendered safely.

use fanclub_core::{Connection, Day, Person, Record, Stance, Strength};

use super::super::support::*;
use super::{EVIL, interaction_with};

/// The person with this handle, as stored.
async fn person(app: &TestApp, handle: &str) -> Option<Record<Person>> {
    app.store
        .list_people()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.handle.as_str() == handle)
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

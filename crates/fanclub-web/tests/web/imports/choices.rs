//! The import choices (circle and relation; my addresses, most attendees, kind,
//! occurrences, time zone) change the preview, are refused next to their field when wrong,
//! and the confirmation imports with them.

use super::*;

#[tokio::test]
async fn calendar_choices_change_the_preview_and_the_confirmation_keeps_them() {
    let app = spawn_app().await;
    invitation_people(&app).await;

    // As the form first comes: nobody is me, meetings of up to 6 others, dated in UTC.
    let plain = upload(&app, "incoming.ics", invitations(), "auto").await;
    assert_eq!(plain.status, StatusCode::OK, "{}", plain.body);
    let plain_added = shown_count(&plain, "new interaction");
    let plain_skipped = shown_count(&plain, "skipped");
    assert!(plain_added > 0, "{}", plain.body);
    assert!(listed(&plain, "import-interactions").contains("Big A"));
    assert!(!listed(&plain, "import-interactions").contains("1997-07-02"));
    plain.assert_contains("Times written in UTC are dated in UTC.");

    // I am A, meetings of more than 2 others are left out, and I live in Tokyo.
    let fields = [
        ("format", "calendar"),
        ("me", "a@example.com"),
        ("max_attendees", "2"),
        ("time_zone", "Asia/Tokyo"),
    ];
    let chosen = upload_from(&app, "null", "incoming.ics", invitations(), &fields).await;
    assert_eq!(chosen.status, StatusCode::OK, "{}", chosen.body);
    let added = shown_count(&chosen, "new interaction");
    let skipped = shown_count(&chosen, "skipped");
    assert!(added > 0 && added < plain_added, "{added} of {plain_added}");
    assert_eq!(
        skipped - plain_skipped,
        plain_added - added,
        "each meeting left out is listed as skipped"
    );
    let interactions = listed(&chosen, "import-interactions");
    assert!(!interactions.contains("Big A"), "I am not my own person");
    assert!(interactions.contains("1997-07-02"), "dated in Tokyo");
    assert!(listed(&chosen, "import-skipped").contains("other people: more than the 2 allowed"));
    chosen.assert_contains("You are left out of every meeting: a@example.com.");
    chosen.assert_contains("more than 2 other people");
    chosen.assert_contains("dated in Asia/Tokyo");

    // The confirmation imports exactly that, with the same choices.
    let done = app
        .post_form("/import/confirm", &[("token", &token(&chosen))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(
        done.header("location")
            .contains(&format!("interactions={added}")),
        "{}",
        done.header("location")
    );
    let written = app
        .store
        .list_interactions(&InteractionFilter::default())
        .await
        .unwrap();
    assert_eq!(written.len(), added);
    let me = app
        .store
        .list_people()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.value.name.to_string() == "Big A")
        .unwrap()
        .id;
    assert!(written.iter().all(|i| !i.value.people.contains(&me)));
    assert!(
        written
            .iter()
            .any(|i| i.value.on == fanclub_core::Day::parse("1997-07-02").unwrap())
    );
    app.stop().await;
}

#[tokio::test]
async fn occurrences_and_kind_are_chosen_for_a_recurring_meeting() {
    let app = spawn_app().await;
    let dana = person_with_email(&app, "Dana Kim", "dana.kim@example.com").await;
    let bytes = fixture(&format!("{LOCAL}/team-calendar.ics"));
    let fields = [
        ("format", "calendar"),
        ("me", "me@example.com"),
        ("max_occurrences", "3"),
        ("kind", "coffee"),
    ];
    let preview = upload_from(&app, "null", "team.ics", bytes.clone(), &fields).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("At most the last 3 occurrences of each recurring meeting.");
    preview.assert_contains("Every meeting is added as “coffee”.");
    let done = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let with_dana = app
        .store
        .list_interactions(&InteractionFilter {
            person: Some(dana),
            ..InteractionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(with_dana.len(), 3, "the weekly 1:1, its last 3 occurrences");
    assert!(
        with_dana
            .iter()
            .all(|i| i.value.kind == fanclub_core::InteractionKind::Coffee)
    );

    // More occurrences later adds the earlier ones, and only those.
    let more = [("format", "calendar"), ("max_occurrences", "5")];
    let again = upload_from(&app, "null", "team.ics", bytes, &more).await;
    assert_eq!(shown_count(&again, "new interaction"), 2, "{}", again.body);
    app.stop().await;
}

#[tokio::test]
async fn contacts_are_filed_in_the_circle_and_relation_chosen() {
    let app = spawn_app().await;
    let bytes = fixture(&format!("{SHARED}/vcard/libical-leaktest.vcf"));
    let fields = [
        ("format", "vcard"),
        ("circle", "company"),
        ("relation", "cross-functional"),
    ];
    let preview = upload_from(&app, "null", "cards.vcf", bytes, &fields).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("circle “company” with the relation “cross-functional”");
    let done = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let people = app.store.list_people().await.unwrap();
    assert!(!people.is_empty());
    assert!(people.iter().all(|p| {
        p.value.circle == fanclub_core::Circle::Company
            && p.value.relation == fanclub_core::Relation::CrossFunctional
    }));
    app.stop().await;
}

#[tokio::test]
async fn bad_choices_are_refused_next_to_their_field_and_kept() {
    let app = spawn_app().await;
    invitation_people(&app).await;
    let fields = [
        ("format", "calendar"),
        ("me", "a@example.com, not-an-address"),
        ("max_attendees", "0"),
        ("kind", "lunch"),
        ("max_occurrences", "many"),
        ("time_zone", "Mars/Olympus"),
        ("circle", "galaxy"),
    ];
    let r = upload_from(&app, "null", "incoming.ics", invitations(), &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    r.assert_contains("Nothing was imported: correct the fields marked below");
    for (id, says) in [
        ("import-me", "“not-an-address” is not one"),
        ("import-max", "a whole number from 1 to 100"),
        ("import-kind", "one of: 1:1, meeting, coffee"),
        ("import-occurrences", "a whole number from 1 to 520"),
        ("import-time-zone", "an IANA zone name like Europe/Berlin"),
        ("import-circle", "one of: team, company, outside"),
    ] {
        // The error sits under its field, which points at it.
        let error = format!("<p class=\"error\" id=\"{id}-error\">");
        let at = r
            .body
            .find(&error)
            .unwrap_or_else(|| panic!("no error for {id}:\n{}", r.body));
        let text = &r.body[at..at + r.body[at..].find("</p>").unwrap_or(0)];
        assert!(text.contains(says), "{id}: {text}");
        r.assert_contains(&format!("{id}-error\" aria-invalid=\"true\""));
    }
    // What was typed stays, a wrong number in a text box so it can be corrected.
    r.assert_contains("value=\"a@example.com, not-an-address\"");
    r.assert_contains("value=\"Mars/Olympus\"");
    r.assert_contains("type=\"text\" inputmode=\"numeric\" min=\"1\" max=\"100\" value=\"0\"");
    r.assert_contains("value=\"many\"");
    assert!(
        !r.body.contains("id=\"import-format-error\""),
        "the format was fine"
    );
    assert!(!r.body.contains("name=\"token\""), "nothing to confirm");
    assert_eq!(app.store.counts().await.unwrap().interactions, 0);
    app.stop().await;
}

#[tokio::test]
async fn addresses_saved_in_settings_leave_me_out_of_calendar_imports() {
    let app = spawn_app().await;
    invitation_people(&app).await;
    let settings = |my_emails: &'static str| {
        vec![
            ("me", "Alex"),
            ("my_emails", my_emails),
            ("target_role", ""),
            ("manage_closely", "14"),
            ("keep_satisfied", "30"),
            ("keep_informed", "30"),
            ("monitor", "90"),
            ("momentum_window", "90"),
        ]
    };

    // A bad address is refused next to its field and kept; nothing is saved.
    let bad = app
        .post_form("/settings", &settings("a@example.com, nobody"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    bad.assert_contains("id=\"settings-my-emails-error\"");
    bad.assert_contains("“nobody” is not one");
    bad.assert_contains("value=\"a@example.com, nobody\"");
    assert!(app.store.get_settings().await.unwrap().my_emails.is_empty());

    let saved = app
        .post_form("/settings", &settings("A@example.com; a@example.com"))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let mine = app.store.get_settings().await.unwrap().my_emails;
    assert_eq!(mine, [fanclub_core::Email::parse("a@example.com").unwrap()]);
    app.get("/settings")
        .await
        .assert_contains("value=\"a@example.com\"");
    let form = app.get("/import").await;
    form.assert_contains("addresses saved in <a href=\"/settings\">Settings</a>: a@example.com.");

    // No address typed at the upload: the saved one leaves me out all the same.
    let preview = upload(&app, "incoming.ics", invitations(), "calendar").await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(shown_count(&preview, "new interaction") > 0);
    assert!(
        !listed(&preview, "import-interactions").contains("Big A"),
        "{}",
        preview.body
    );
    preview.assert_contains("You are left out of every meeting: a@example.com.");

    // One typed at the upload adds to the saved ones.
    let both = upload_from(
        &app,
        "null",
        "incoming.ics",
        invitations(),
        &[("format", "calendar"), ("me", "b@example.com")],
    )
    .await;
    both.assert_contains("You are left out of every meeting: a@example.com, b@example.com.");
    let interactions = listed(&both, "import-interactions");
    assert!(!interactions.contains("Big A") && !interactions.contains("Bee"));

    // The API reads and writes the same list, and refuses a bad address by its field.
    let api = app.api(Method::GET, "/settings", None).await;
    assert_eq!(api.json()["my_emails"], json!(["a@example.com"]));
    let mut body = api.json();
    body["my_emails"] = json!(["not an address"]);
    let refused = app.api(Method::PUT, "/settings", Some(body)).await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(app.store.get_settings().await.unwrap().my_emails, mine);
    app.stop().await;
}

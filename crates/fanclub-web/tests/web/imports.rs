//! `/import`: upload a real export, see what would change with nothing written, confirm
//! to write it in one go; the same file again has nothing to do; a file too large is 413,
//! one that cannot be read is 422 naming where, another site's upload is 403. The choices
//! (circle and relation; my addresses, most attendees, kind, occurrences, time zone)
//! change the preview, are refused next to their field when wrong, and the confirmation
//! imports with them; the addresses saved in Settings leave the member out of meetings.

use super::support::*;
use reqwest::multipart::{Form, Part};

/// Files written by other projects (shared/fixtures/SOURCES.md).
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/fixtures");
/// The synthetic exports the readers are tested with.
const LOCAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../fanclub-formats/tests/fixtures"
);
const EVIL: &str = "http://evil.example";

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// The upload form as a browser sends it from our own page (or from `origin`).
async fn upload_from(
    app: &TestApp,
    origin: &str,
    name: &str,
    bytes: Vec<u8>,
    fields: &[(&str, &str)],
) -> Reply {
    let mut form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
    for (k, v) in fields {
        form = form.text((*k).to_owned(), (*v).to_owned());
    }
    let mut request = app
        .request(Method::POST, "/import")
        .header("origin", origin)
        .multipart(form);
    if origin == "null" {
        request = request.header("sec-fetch-site", "same-origin");
    }
    app.send(request).await
}

async fn upload(app: &TestApp, name: &str, bytes: Vec<u8>, format: &str) -> Reply {
    upload_from(app, "null", name, bytes, &[("format", format)]).await
}

/// The confirmation token the preview page carries.
fn token(preview: &Reply) -> String {
    let marker = "name=\"token\" value=\"";
    let start = preview
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no confirm form in:\n{}", preview.body))
        + marker.len();
    preview.body[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

async fn names_in_store(app: &TestApp) -> Vec<String> {
    let mut names: Vec<String> = app
        .store
        .list_people()
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.value.name.to_string())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_linkedin_export_is_previewed_then_imported_once() {
    let app = spawn_app().await;
    let bytes = fixture(&format!("{LOCAL}/linkedin-connections.csv"));
    let expected = fanclub_formats::linkedin::parse(&bytes).unwrap();
    assert!(expected.records.len() >= 3, "the fixture lost its people");

    // The preview lists who would be created and the problems by line; nothing is written.
    let preview = upload(&app, "Connections.csv", bytes.clone(), "auto").await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("Nothing has been written yet");
    preview.assert_contains("LinkedIn Connections.csv");
    for record in &expected.records {
        let name = record.name.to_string();
        if !name.contains(['&', '<', '>', '"', '\'']) {
            preview.assert_contains(&name);
        }
    }
    for problem in &expected.problems {
        preview.assert_contains(&problem.at.to_string());
    }
    let n = expected.records.len();
    preview.assert_contains(&format!("Import {n} people"));
    assert!(names_in_store(&app).await.is_empty(), "the preview wrote");

    // Confirming writes them all and says so.
    let done = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(
        done.header("location").contains("created="),
        "{}",
        done.header("location")
    );
    let people = names_in_store(&app).await;
    assert_eq!(people.len(), n, "{people:?}");
    let notice = app.get(done.header("location")).await;
    notice.assert_contains(&format!("{n} people created"));

    // The token is spent; the same file again has nothing to do.
    let again = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(again.status, StatusCode::GONE);
    let second = upload(&app, "Connections.csv", bytes, "linkedin").await;
    assert_eq!(second.status, StatusCode::OK);
    second.assert_contains("Nothing to do");
    assert!(
        !second.body.contains("name=\"token\""),
        "nothing to confirm"
    );
    assert_eq!(names_in_store(&app).await.len(), n);
    app.stop().await;
}

#[tokio::test]
async fn a_vcard_is_planned_again_against_the_data_at_confirmation() {
    let app = spawn_app().await;
    let bytes = fixture(&format!("{SHARED}/vcard/icaljs-vcard3.vcf"));
    let expected = fanclub_formats::vcard::parse(&bytes).unwrap();
    assert!(!expected.records.is_empty());
    let preview = upload(&app, "contacts.vcf", bytes.clone(), "vcard").await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("vCard (.vcf)");
    assert!(names_in_store(&app).await.is_empty());

    // Someone imports the same file in between: the confirmation writes nothing twice.
    let other = upload(&app, "contacts.vcf", bytes, "auto").await;
    let first = app
        .post_form("/import/confirm", &[("token", &token(&other))])
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let after_first = names_in_store(&app).await;
    assert_eq!(after_first.len(), expected.records.len());
    let stale = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER);
    assert!(stale.header("location").contains("done=nothing"));
    assert_eq!(names_in_store(&app).await, after_first);
    app.stop().await;
}

#[tokio::test]
async fn bad_uploads_are_refused_and_nothing_is_written() {
    let app = spawn_app().await;

    // Too large: cut off before it is read, with the limit named.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let r = upload(&app, "huge.csv", big, "auto").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    r.assert_contains("larger than 10 MB");

    // No file chosen, and a chosen file that is empty, are told apart.
    let r = upload(&app, "", Vec::new(), "auto").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Choose a file first");
    let r = upload(&app, "Connections.csv", Vec::new(), "auto").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Connections.csv is empty (0 bytes)");

    // Not any format we read.
    let r = upload(&app, "notes.txt", b"just some words\n".to_vec(), "auto").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("Cannot tell what notes.txt is");

    // Named as LinkedIn but without its header: the reader says where it looked.
    let r = upload(&app, "x.csv", b"a,b\n1,2\n".to_vec(), "linkedin").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("header row");
    r.assert_contains("Nothing was written");

    // Not UTF-8: the line is named.
    let r = upload(
        &app,
        "x.vcf",
        b"BEGIN:VCARD\nFN:A\xff\nEND:VCARD\n".to_vec(),
        "vcard",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("line 2");

    // A bad address for the calendar options.
    let r = upload_from(
        &app,
        "null",
        "team.ics",
        fixture(&format!("{LOCAL}/team-calendar.ics")),
        &[("format", "calendar"), ("me", "not-an-address")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("not-an-address");

    // Another site cannot upload, nor confirm.
    let bytes = fixture(&format!("{LOCAL}/linkedin-connections.csv"));
    let r = upload_from(&app, EVIL, "c.csv", bytes.clone(), &[("format", "auto")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let preview = upload(&app, "c.csv", bytes, "auto").await;
    let r = app
        .post_form_from(EVIL, "/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    assert!(names_in_store(&app).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_calendar_adds_meetings_with_known_people_once() {
    let app = spawn_app().await;
    let mut dana = fanclub_core::Person::new(fanclub_core::Name::parse("Dana Kim").unwrap());
    dana.emails = vec![fanclub_core::Email::parse("dana.kim@example.com").unwrap()];
    app.store
        .create_person(&dana, fanclub_core::Day::today())
        .await
        .unwrap();
    let bytes = fixture(&format!("{LOCAL}/team-calendar.ics"));
    let fields = [
        ("format", "auto"),
        ("me", "me@example.com"),
        ("max_attendees", "6"),
    ];
    let preview = upload_from(&app, "null", "team.ics", bytes.clone(), &fields).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    preview.assert_contains("iCalendar (.ics)");
    preview.assert_contains("Dana Kim");
    preview.assert_contains("Add ");
    assert_eq!(app.store.counts().await.unwrap().interactions, 0);

    let done = app
        .post_form("/import/confirm", &[("token", &token(&preview))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let written = app
        .store
        .list_interactions(&InteractionFilter::default())
        .await
        .unwrap();
    assert!(!written.is_empty());
    assert!(
        written
            .iter()
            .all(|i| i.value.kind == fanclub_core::InteractionKind::OneOnOne),
        "I am not a person of my own meetings"
    );
    assert!(
        done.header("location")
            .contains(&format!("interactions={}", written.len()))
    );
    let again = upload_from(&app, "null", "team.ics", bytes, &fields).await;
    again.assert_contains("Nothing to do");

    let page = app.get("/import").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Detect automatically");
    page.assert_contains("enctype=\"multipart/form-data\"");
    app.stop().await;
}

/// The invitations libical tests with: meetings of A (chair), B (organizer), C and Hal (D),
/// on 1 July 1997 in UTC, late enough in the day to be 2 July in Tokyo.
fn invitations() -> Vec<u8> {
    fixture(&format!("{SHARED}/ics/libical-incoming.ics"))
}

/// The people of those invitations, with their addresses.
async fn invitation_people(app: &TestApp) {
    for (name, email) in [
        ("Big A", "a@example.com"),
        ("Bee", "b@example.com"),
        ("Cee", "c@example.com"),
        ("Hal", "d@example.com"),
    ] {
        person_with_email(app, name, email).await;
    }
}

async fn person_with_email(app: &TestApp, name: &str, email: &str) -> fanclub_core::PersonId {
    let mut person = fanclub_core::Person::new(fanclub_core::Name::parse(name).unwrap());
    person.emails = vec![fanclub_core::Email::parse(email).unwrap()];
    app.store
        .create_person(&person, fanclub_core::Day::today())
        .await
        .unwrap()
        .id
}

/// The number the preview's summary shows before `label`: `<strong>N</strong> label`.
fn shown_count(preview: &Reply, label: &str) -> usize {
    let needle = format!("</strong> {label}");
    let end = preview
        .body
        .find(&needle)
        .unwrap_or_else(|| panic!("no count of {label:?} in:\n{}", preview.body));
    let start = preview.body[..end].rfind("<strong>").unwrap_or(end) + "<strong>".len();
    preview.body[start..end]
        .parse()
        .unwrap_or_else(|e| panic!("count of {label:?}: {e}"))
}

/// The preview's list with this id (empty when it has no lines).
fn listed<'a>(preview: &'a Reply, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\"");
    match preview.body.find(&marker) {
        Some(start) => {
            let rest = &preview.body[start..];
            &rest[..rest.find("</section>").unwrap_or(rest.len())]
        }
        None => "",
    }
}

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

/// A new person with a known name at another organisation is listed as a possible
/// duplicate, with the merge that would join them, their names escaped.
#[tokio::test]
async fn a_namesake_is_shown_as_a_possible_duplicate() {
    let app = spawn_app().await;
    let mut dana = fanclub_core::Person::new(fanclub_core::Name::parse("Dana <Kim>").unwrap());
    dana.organisation = Some("Acme Corp".into());
    app.store
        .create_person(&dana, fanclub_core::Day::today())
        .await
        .unwrap();
    let card =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana <Kim>\r\nORG:Acme Corporation\r\nEND:VCARD\r\n";
    let preview = upload(&app, "contacts.vcf", card.as_bytes().to_vec(), "vcard").await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert_eq!(shown_count(&preview, "possible duplicate"), 1);
    let listed = listed(&preview, "import-duplicates");
    assert!(
        listed.contains("Dana &#60;Kim&#62; (dana-kim, Acme Corp) has the same name")
            && listed.contains("fanclub merge dana-kim dana-kim-2"),
        "{listed}"
    );
    assert!(!preview.body.contains("Dana <Kim>"), "unescaped");
    app.stop().await;
}

/// A calendar imported again after someone was added shows the meetings they join, and
/// confirming adds them.
#[tokio::test]
async fn people_added_since_join_meetings_imported_before() {
    let app = spawn_app().await;
    person_with_email(&app, "Alice Example", "alice@example.com").await;
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
        UID:planning-1\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\n\
        SUMMARY:Planning\r\nATTENDEE:mailto:alice@example.com\r\n\
        ATTENDEE:mailto:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let first = upload(&app, "team.ics", ics.as_bytes().to_vec(), "calendar").await;
    let done = app
        .post_form("/import/confirm", &[("token", &token(&first))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    person_with_email(&app, "Bob Trunc", "bob@example.com").await;
    let again = upload(&app, "team.ics", ics.as_bytes().to_vec(), "calendar").await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    let joins = listed(&again, "import-joins");
    assert!(
        joins.contains("Planning") && joins.contains("adds Bob Trunc"),
        "{joins}"
    );
    again.assert_contains("Add 1 person to meetings imported before");
    let done = app
        .post_form("/import/confirm", &[("token", &token(&again))])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let notice = app.get(done.header("location")).await;
    notice.assert_contains("1 person added to meetings imported before");
    let third = upload(&app, "team.ics", ics.as_bytes().to_vec(), "calendar").await;
    third.assert_contains("Nothing to do");
    app.stop().await;
}

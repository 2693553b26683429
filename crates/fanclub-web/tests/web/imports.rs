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

#[path = "imports/choices.rs"]
mod choices;
#[path = "imports/matching.rs"]
mod matching;

//! Matching against the people already there: a namesake is shown as a possible
//! duplicate, and people added since join the meetings imported before.

use super::*;

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

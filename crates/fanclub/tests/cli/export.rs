//! Exports end to end: the archive round trip (byte for byte), vCards, the brag document
//! and packet, and the calendar file, each from the sample workspace.

use std::fs;

use crate::support::Fc;

fn demo() -> Fc {
    let fc = Fc::new();
    fc.ok(&["demo"]);
    fc
}

#[test]
fn archive_export_import_export_is_byte_identical() {
    let fc = demo();
    let first = fc.dir.path().join("first.json");
    fc.ok(&["export", "archive", "-o", first.to_str().unwrap()]);
    // To standard output as well, the same bytes.
    let stdout = fc.ok(&["export", "archive"]);
    let first_bytes = fs::read(&first).unwrap();
    assert_eq!(stdout.as_bytes(), first_bytes.as_slice());

    let restored = Fc::new();
    let said = restored.ok(&["import", "archive", first.to_str().unwrap()]);
    assert!(said.contains("Restored"), "{said}");
    let second = restored.dir.path().join("second.json");
    restored.ok(&["export", "archive", "--output", second.to_str().unwrap()]);
    let second_bytes = fs::read(&second).unwrap();
    assert!(
        first_bytes == second_bytes,
        "export → import → export changed the archive"
    );
    // What the commands show is the same too.
    assert_eq!(restored.state(), fc.state());
}

/// An archive edited to hold a value longer than fanclub lets anyone type is refused,
/// naming the person and the field, and nothing is written.
#[test]
fn an_archive_with_a_value_past_the_limits_is_refused() {
    let fc = demo();
    let text = fc.ok(&["export", "archive"]);
    let long = "x".repeat(301);
    let edited = text.replacen(
        "\"organisation\":\"",
        &format!("\"organisation\":\"{long}"),
        1,
    );
    assert_ne!(edited, text, "the sample has an organisation");
    let file = fc.dir.path().join("edited.json");
    fs::write(&file, edited).unwrap();
    let restored = Fc::new();
    let err = restored.fails(&["import", "archive", file.to_str().unwrap()], 2);
    assert!(
        err.contains("people #") && err.contains("organisation") && err.contains("at most 300"),
        "{err}"
    );
    assert_eq!(
        restored.json(&["person", "list"]).as_array().unwrap().len(),
        0
    );
}

#[test]
fn an_archive_is_not_restored_over_data() {
    let fc = demo();
    let file = fc.dir.path().join("a.json");
    fc.ok(&["export", "archive", "-o", file.to_str().unwrap()]);
    let err = fc.refused(
        &["import", "archive", file.to_str().unwrap()],
        1,
        "fanclub reset",
    );
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_foreign_or_newer_file_is_refused_with_where_and_why() {
    let fc = Fc::new();
    let csv = fc.dir.path().join("contacts.csv");
    fs::write(&csv, "First Name,Last Name\nDana,Kim\n").unwrap();
    let err = fc.fails(&["import", "archive", csv.to_str().unwrap()], 1);
    assert!(
        err.contains("not a fanclub archive") && err.contains("line 1"),
        "{err}"
    );

    let newer = fc.dir.path().join("newer.json");
    fs::write(
        &newer,
        r#"{"format":"fanclub-archive","version":9,"workspace":{}}"#,
    )
    .unwrap();
    let err = fc.fails(&["import", "archive", newer.to_str().unwrap()], 1);
    assert!(
        err.contains("version 9") && err.contains("update fanclub"),
        "{err}"
    );

    let source = demo();
    let good = source.ok(&["export", "archive"]);
    let broken = good.replacen("\"stance\":\"", "\"stance\":\"fan-of-", 1);
    let line = broken.lines().position(|l| l.contains("fan-of-")).unwrap() + 1;
    let file = fc.dir.path().join("broken.json");
    fs::write(&file, broken).unwrap();
    let err = fc.fails(&["import", "archive", file.to_str().unwrap()], 1);
    assert!(
        err.contains(&format!("line {line}")) && err.contains("stance"),
        "{err}"
    );
    assert!(fc.json(&["person", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn vcards_hold_every_person() {
    let fc = demo();
    let people = fc.json(&["person", "list"]);
    let people = people.as_array().unwrap();
    let text = fc.ok(&["export", "vcard"]);
    assert_eq!(
        text.matches("BEGIN:VCARD\r\nVERSION:4.0\r\n").count(),
        people.len()
    );
    for p in people {
        let name = p["name"].as_str().unwrap();
        assert!(text.contains(&format!("\r\nFN:{name}\r\n")), "{name}");
    }
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn the_packet_names_goals_tracks_and_vouchers_in_markdown_and_html() {
    let fc = demo();
    let md = fc.ok(&["export", "packet"]);
    for g in fc.json(&["goal", "list"]).as_array().unwrap() {
        let title = g["title"].as_str().unwrap();
        assert!(md.contains(&format!("## Goal: {title}")), "{title}");
    }
    for t in fc.json(&["framework", "show"])["tracks"]
        .as_array()
        .unwrap()
    {
        let name = t["name"].as_str().unwrap();
        assert!(md.contains(&format!("### {name}: level")), "{name}");
    }
    assert!(md.contains("## Who can vouch for what"));

    let file = fc.dir.path().join("packet.html");
    fc.ok(&[
        "export",
        "packet",
        "--format",
        "html",
        "-o",
        file.to_str().unwrap(),
    ]);
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<style>"));
    assert!(html.contains("Who can vouch for what"));

    let brag = fc.ok(&["export", "brag", "--by", "month"]);
    for w in fc.json(&["win", "list"]).as_array().unwrap() {
        let title = w["title"].as_str().unwrap();
        assert!(brag.contains(title), "{title}");
    }
}

#[test]
fn the_calendar_file_is_crlf_with_stable_uids() {
    let fc = demo();
    let a = fc.ok(&["export", "calendar"]);
    assert!(a.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(a.contains("BEGIN:VEVENT") && a.contains("UID:fanclub-decision-"));
    let b = fc.ok(&["export", "calendar"]);
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&a), uids(&b));
    assert!(!a.replace("\r\n", "").contains('\n'));
}

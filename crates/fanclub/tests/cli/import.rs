//! `fanclub import …` and `fanclub merge`: every fixture imports or is refused cleanly, a
//! dry run writes nothing, a second import changes nothing, a match completes a person
//! instead of adding a duplicate, and a merge moves what pointed at the duplicate.

use std::path::PathBuf;

use serde_json::Value;

use super::support::Fc;

/// Files written by other projects (shared/fixtures/SOURCES.md).
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/fixtures");
/// Synthetic exports of fictional people, beside the readers' own tests.
const LOCAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../fanclub-formats/tests/fixtures"
);

fn local(name: &str) -> String {
    format!("{LOCAL}/{name}")
}

/// Every fixture file, contacts and calendars.
fn every_fixture() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        format!("{SHARED}/vcard"),
        format!("{SHARED}/ics"),
        LOCAL.to_string(),
    ] {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries {
            let path = entry.unwrap().path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("vcf" | "ics" | "csv")
            ) {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 19, "fixtures went missing: {files:?}");
    files
}

fn count(v: &Value, key: &str) -> u64 {
    v["counts"][key]
        .as_u64()
        .unwrap_or_else(|| panic!("no count {key}: {v}"))
}

fn people(fc: &Fc) -> Vec<Value> {
    fc.json(&["person", "list"]).as_array().unwrap().clone()
}

#[test]
fn every_fixture_imports_or_is_refused_and_a_second_import_changes_nothing() {
    for file in every_fixture() {
        let fc = Fc::new();
        // Someone to meet in the calendars, so some meetings become interactions.
        fc.person("Dana Kim", &["--email", "dana.kim@example.com"]);
        fc.person("Omar Haddad", &["--email", "omar@example.com"]);
        let path = file.to_str().unwrap();
        let out = fc
            .cmd()
            .args(["import", "auto", path, "--me", "me@example.com", "--json"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{path}: {stderr}");
        if !out.status.success() {
            assert_eq!(out.status.code(), Some(1), "{path}: {stderr}");
            assert!(
                stderr.starts_with("error: ") && stderr.contains(path),
                "{path}: {stderr}"
            );
            assert_eq!(
                people(&fc).len(),
                2,
                "{path}: a refused file writes nothing"
            );
            continue;
        }
        let first: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            first["written"]["people_created"], first["counts"]["created"],
            "{path}: {first}"
        );
        assert_eq!(
            people(&fc).len() as u64,
            2 + count(&first, "created"),
            "{path}"
        );

        let again = fc.json(&["import", "auto", path, "--me", "me@example.com"]);
        for key in ["created", "updated", "interactions"] {
            assert_eq!(
                count(&again, key),
                0,
                "{path}: second import {key}: {again}"
            );
        }
    }
}

#[test]
fn a_dry_run_writes_nothing_and_shows_the_plan() {
    let fc = Fc::new();
    let file = local("linkedin-connections.csv");
    let before = fc.json(&["interaction", "list"]);
    let plan = fc.json(&["import", "linkedin", &file, "--dry-run"]);
    assert_eq!(plan["dry_run"], true);
    assert!(count(&plan, "created") >= 4, "{plan}");
    assert_eq!(plan["written"]["people_created"], 0);
    assert!(
        plan["created"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Dana Kim")
    );
    assert!(people(&fc).is_empty());
    assert_eq!(fc.json(&["interaction", "list"]), before);

    let text = fc.ok(&["import", "linkedin", &file, "--dry-run"]);
    assert!(text.contains("nothing was written"), "{text}");
    assert!(text.contains("line 5: Dana Kim"), "{text}");
    assert!(people(&fc).is_empty());
}

#[test]
fn a_linkedin_import_adds_people_and_dated_connections_once() {
    let fc = Fc::new();
    let file = local("linkedin-connections.csv");
    let first = fc.json(&["import", "linkedin", &file]);
    let created = count(&first, "created");
    assert_eq!(people(&fc).len() as u64, created);
    let dana = fc.json(&["person", "show", "dana-kim"]);
    assert_eq!(dana["organisation"], "Northwind Traders");
    let interactions = fc.json(&["interaction", "list", "--with", "dana-kim"]);
    let list = interactions.as_array().unwrap();
    assert_eq!(list.len(), 1, "{interactions}");
    assert_eq!(list[0]["on"], "2024-03-12");

    let text = fc.ok(&["import", "linkedin", &file]);
    assert!(text.contains("nothing new, nothing written"), "{text}");
    assert_eq!(people(&fc).len() as u64, created);
}

#[test]
fn a_contact_matching_someone_by_email_completes_them() {
    let fc = Fc::new();
    let id = fc.person(
        "Dana K.",
        &[
            "--email",
            "dana.kim@example.com",
            "--title",
            "My skip-level",
        ],
    );
    let out = fc.json(&["import", "linkedin", &local("linkedin-connections.csv")]);
    let updated = out["updated"].as_array().unwrap();
    assert!(
        updated
            .iter()
            .any(|u| u["id"] == id && u["matched_by"] == "e-mail"),
        "{out}"
    );
    let dana = fc.json(&["person", "show", &format!("#{id}")]);
    assert_eq!(dana["name"], "Dana K.", "the member's name stays");
    assert_eq!(dana["title"], "My skip-level", "the member's title stays");
    assert_eq!(
        dana["organisation"], "Northwind Traders",
        "the gap is filled"
    );
    let names: Vec<String> = people(&fc)
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !names.contains(&"Dana Kim".to_string()),
        "no duplicate: {names:?}"
    );
}

/// Someone with a known name at another organisation is added, and the summary says
/// who they may be and how to merge them: in the dry run, the import and its JSON.
#[test]
fn a_namesake_is_added_with_the_merge_that_would_join_them() {
    let fc = Fc::new();
    fc.person("Dana Kim", &["--org", "Acme Corp"]);
    let file = fc.dir.path().join("contacts.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Kim\r\nORG:Acme Corporation\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    for args in [
        vec!["import", "vcard", "--dry-run", file],
        vec!["import", "vcard", file],
    ] {
        let out = fc.ok(&args);
        assert!(
            out.contains(
                "Possible duplicates:\n  card 1: Dana Kim (dana-kim-2) has the name of \
                 Dana Kim (dana-kim, Acme Corp); if they are one person: \
                 fanclub merge dana-kim dana-kim-2"
            ),
            "{out}"
        );
    }
    let again = fc.json(&["import", "vcard", file]);
    assert_eq!(again["counts"]["possible_duplicates"], 0, "{again}");
    assert_eq!(people(&fc).len(), 2);
}

#[test]
fn a_calendar_turns_meetings_with_known_people_into_interactions() {
    let fc = Fc::new();
    fc.person("Dana Kim", &["--email", "dana.kim@example.com"]);
    let file = local("team-calendar.ics");
    let out = fc.json(&["import", "calendar", &file, "--me", "me@example.com"]);
    let added = count(&out, "interactions");
    assert!(added > 0, "{out}");
    let list = fc.json(&["interaction", "list", "--with", "dana-kim", "--all"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len() as u64, added);
    assert!(
        list.iter().all(|i| i["kind"] == "1:1"),
        "me is not a person: {list:?}"
    );

    let again = fc.json(&["import", "calendar", &file, "--me", "me@example.com"]);
    assert_eq!(count(&again, "interactions"), 0);
}

/// Someone added after a calendar import joins the meetings imported before on the next
/// import, as the summary advised, and only once.
#[test]
fn people_added_after_a_calendar_import_join_its_meetings() {
    let fc = Fc::new();
    fc.person("Alice Example", &["--email", "alice@example.com"]);
    let file = fc.dir.path().join("group.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
         UID:planning-1\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\n\
         SUMMARY:Planning\r\nORGANIZER:mailto:me@example.com\r\n\
         ATTENDEE:mailto:alice@example.com\r\nATTENDEE:mailto:bob@example.com\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let import = |dry: bool| {
        let mut args = vec!["import", "calendar", file, "--me", "me@example.com"];
        if dry {
            args.push("--dry-run");
        }
        fc.json(&args)
    };
    assert_eq!(count(&import(false), "interactions"), 1);

    fc.person("Bob Trunc", &["--email", "bob@example.com"]);
    let dry = fc.ok(&[
        "import",
        "calendar",
        file,
        "--me",
        "me@example.com",
        "--dry-run",
    ]);
    assert!(
        dry.contains("would add 1 person to meetings imported before"),
        "{dry}"
    );
    assert!(
        dry.contains("Added to meetings imported before:")
            && dry.contains("\"Planning\": Bob Trunc"),
        "{dry}"
    );
    let joined = import(false);
    assert_eq!(joined["written"]["people_joined"], 1, "{joined}");
    assert_eq!(count(&joined, "interactions"), 0);
    let with_bob = fc.json(&["interaction", "list", "--with", "bob-trunc", "--all"]);
    let with_bob = with_bob.as_array().unwrap();
    assert_eq!(with_bob.len(), 1, "{with_bob:?}");
    assert_eq!(with_bob[0]["summary"], "Planning");
    let bob = fc.json(&["person", "show", "bob-trunc"]);
    assert!(
        bob.to_string().contains("2026-01-05"),
        "last contact kept: {bob}"
    );

    let again = import(false);
    assert_eq!(again["counts"]["joined"], 0, "{again}");
    assert_eq!(again["written"]["people_joined"], 0);
}

/// The time zone saved in Settings dates meetings written in UTC when an import names
/// none; `--time-zone` still wins; cleared, it is UTC again; a zone that is not one is
/// refused, naming it.
#[test]
fn the_time_zone_saved_in_settings_dates_calendar_imports() {
    let file_of = |fc: &Fc, uid: &str| {
        let file = fc.dir.path().join(format!("{uid}.ics"));
        std::fs::write(
            &file,
            format!(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
                 UID:{uid}\r\nDTSTART:20260106T020000Z\r\nDTEND:20260106T023000Z\r\n\
                 SUMMARY:Late call\r\nATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
                 END:VCALENDAR\r\n"
            ),
        )
        .unwrap();
        file.to_str().unwrap().to_string()
    };
    let day_of = |out: &Value| out["interactions"][0]["on"].as_str().unwrap().to_string();
    let fc = Fc::new();
    fc.person("Ann Example", &["--email", "ann@example.com"]);
    let err = fc.fails(&["settings", "set", "--time-zone", "Mars/Olympus"], 2);
    assert!(err.contains("Mars/Olympus"), "{err}");
    fc.ok(&["settings", "set", "--time-zone", "America/Los_Angeles"]);
    assert_eq!(
        fc.json(&["settings", "show"])["time_zone"],
        "America/Los_Angeles"
    );
    let file = file_of(&fc, "a");
    let out = fc.json(&["import", "calendar", &file, "--dry-run"]);
    assert_eq!(
        day_of(&out),
        "2026-01-05",
        "02:00 UTC is the evening before there"
    );
    let out = fc.json(&[
        "import",
        "calendar",
        &file,
        "--dry-run",
        "--time-zone",
        "Europe/Berlin",
    ]);
    assert_eq!(day_of(&out), "2026-01-06");
    fc.ok(&["settings", "set", "--clear", "time-zone"]);
    assert!(fc.json(&["settings", "show"])["time_zone"].is_null());
    let out = fc.json(&["import", "calendar", &file, "--dry-run"]);
    assert_eq!(day_of(&out), "2026-01-06");
}

/// The invitations libical tests with: meetings of A (chair), B (organizer), C and Hal
/// (D), on 1 July 1997 in UTC, late enough in the day to be 2 July in Tokyo.
fn invitations(fc: &Fc) -> String {
    for (name, email) in [
        ("Big A", "a@example.com"),
        ("Bee", "b@example.com"),
        ("Cee", "c@example.com"),
        ("Hal", "d@example.com"),
    ] {
        fc.person(name, &["--email", email]);
    }
    format!("{SHARED}/ics/libical-incoming.ics")
}

/// Whether any interaction of the plan is with `name`.
fn meets(plan: &Value, name: &str) -> bool {
    plan["interactions"]
        .as_array()
        .unwrap_or_else(|| panic!("no interactions: {plan}"))
        .iter()
        .any(|i| {
            i["with"]
                .as_array()
                .is_some_and(|w| w.iter().any(|n| n == name))
        })
}

#[test]
fn addresses_saved_in_settings_leave_me_out_of_calendar_imports() {
    let fc = Fc::new();
    let file = invitations(&fc);
    let dry = |extra: &[&str]| {
        let mut args = vec!["import", "calendar", file.as_str(), "--dry-run"];
        args.extend_from_slice(extra);
        fc.json(&args)
    };
    assert!(meets(&dry(&[]), "Big A"), "nobody is me yet");

    fc.ok(&[
        "settings",
        "set",
        "--my-email",
        "A@example.com,a@example.com",
    ]);
    assert_eq!(
        fc.json(&["settings", "show"])["my_emails"],
        serde_json::json!(["a@example.com"])
    );
    let saved = dry(&[]);
    assert!(count(&saved, "interactions") > 0, "{saved}");
    assert!(!meets(&saved, "Big A"), "{saved}");
    assert!(meets(&saved, "Bee"));

    // --me adds to the saved addresses, for this import only.
    let both = dry(&["--me", "b@example.com"]);
    assert!(!meets(&both, "Big A") && !meets(&both, "Bee"), "{both}");
    // `import auto` uses them too.
    let auto = fc.json(&["import", "auto", &file, "--dry-run"]);
    assert!(!meets(&auto, "Big A"), "{auto}");

    fc.refused(
        &["settings", "set", "--my-email", "nobody"],
        2,
        "--my-email",
    );
    fc.ok(&["settings", "set", "--clear", "my-emails"]);
    assert!(meets(&dry(&[]), "Big A"));
}

#[test]
fn calendar_choices_shape_what_is_imported() {
    let fc = Fc::new();
    let file = invitations(&fc);
    let plain = fc.json(&["import", "calendar", &file, "--dry-run"]);
    let on = |plan: &Value, day: &str| {
        plan["interactions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["on"] == day)
            .count()
    };
    assert_eq!(on(&plain, "1997-07-02"), 0);

    // Meetings of more than 2 others are skipped as such; Tokyo dates the late ones a day on.
    let chosen = fc.json(&[
        "import",
        "calendar",
        &file,
        "--dry-run",
        "--me",
        "a@example.com",
        "--max-attendees",
        "2",
        "--time-zone",
        "Asia/Tokyo",
    ]);
    let left_out = count(&plain, "interactions") - count(&chosen, "interactions");
    assert!(left_out > 0, "{chosen}");
    assert_eq!(
        count(&chosen, "skipped") - count(&plain, "skipped"),
        left_out
    );
    assert!(on(&chosen, "1997-07-02") > 0, "{chosen}");

    // The kind is given to every meeting; the occurrences of a series are the latest.
    fc.person("Dana Kim", &["--email", "dana.kim@example.com"]);
    let team = local("team-calendar.ics");
    fc.json(&[
        "import",
        "calendar",
        &team,
        "--me",
        "me@example.com",
        "--max-occurrences",
        "3",
        "--kind",
        "coffee",
    ]);
    let with_dana = fc.json(&["interaction", "list", "--with", "dana-kim", "--all"]);
    let with_dana = with_dana.as_array().unwrap();
    assert_eq!(with_dana.len(), 3, "{with_dana:?}");
    assert!(with_dana.iter().all(|i| i["kind"] == "coffee"));

    // Values out of range are refused by their flag, with what is accepted.
    for (flag, value, accepted) in [
        ("--max-attendees", "0", "from 1 to 100"),
        ("--max-occurrences", "521", "from 1 to 520"),
        ("--time-zone", "Mars/Olympus", "Europe/Berlin"),
        ("--kind", "lunch", "one of: 1:1"),
        ("--me", "nobody", "an e-mail address"),
    ] {
        let err = fc.refused(&["import", "calendar", &team, flag, value], 2, flag);
        assert!(err.contains(accepted), "{flag}: {err}");
    }
}

#[test]
fn an_unreadable_file_is_refused_with_its_name() {
    let fc = Fc::new();
    let missing = fc.dir.path().join("nope.csv");
    let err = fc.fails(&["import", "linkedin", missing.to_str().unwrap()], 1);
    assert!(err.contains("nope.csv"), "{err}");

    let binary = fc.dir.path().join("photo.vcf");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let err = fc.fails(&["import", "vcard", binary.to_str().unwrap()], 1);
    assert!(err.contains("photo.vcf"), "{err}");

    let calendar = local("team-calendar.ics");
    let err = fc.fails(&["import", "google", &calendar], 1);
    assert!(err.contains("team-calendar.ics"), "{err}");
    assert!(people(&fc).is_empty());
}

#[test]
fn merge_moves_everything_to_the_person_kept() {
    let fc = Fc::new();
    let keep = fc.person("Dana Kim", &["--email", "dana@acme.com"]);
    let dup = fc.person(
        "Dana K",
        &["--email", "dana@home.net", "--title", "VP Product"],
    );
    fc.ok(&["log", "Coffee", "--with", &format!("#{dup}")]);
    fc.ok(&[
        "log",
        "Planning",
        "--with",
        &format!("#{keep}"),
        "--with",
        &format!("#{dup}"),
    ]);

    let err = fc.fails(&["merge", &format!("#{keep}"), &format!("#{dup}")], 2);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(people(&fc).len(), 2, "nothing merged without confirmation");

    let out = fc.json(&["merge", &format!("#{keep}"), &format!("#{dup}"), "--yes"]);
    assert_eq!(out["merge"]["interactions_moved"], 1);
    assert_eq!(out["merge"]["interactions_shared"], 1);
    let all = people(&fc);
    assert_eq!(all.len(), 1);
    let dana = fc.json(&["person", "show", &format!("#{keep}")]);
    assert_eq!(dana["title"], "VP Product");
    assert_eq!(dana["emails"].as_array().unwrap().len(), 2);
    let list = fc.json(&["interaction", "list", "--with", &format!("#{keep}")]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let firsts: Vec<&Value> = dana["stance_history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["from"].is_null())
        .collect();
    assert_eq!(
        firsts.len(),
        1,
        "one first stance: {}",
        dana["stance_history"]
    );

    fc.fails(
        &["merge", &format!("#{keep}"), &format!("#{keep}"), "--yes"],
        2,
    );
}

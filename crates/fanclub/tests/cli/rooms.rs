//! Decisions and their rooms, opportunities, and perception checks.

use serde_json::json;

use crate::support::{Fc, id};

#[test]
fn decision_room_and_coverage() {
    let fc = Fc::new();
    let dana = fc.person(
        "Dana Kim",
        &[
            "--relation",
            "manager",
            "--influence",
            "4",
            "--stance",
            "advocate",
        ],
    );
    let marcus = fc.person(
        "Marcus Lee",
        &["--relation", "executive", "--influence", "5"],
    );
    let priya = fc.person(
        "Priya Raman",
        &["--influence", "2", "--stance", "detractor"],
    );
    let out = fc.ok(&[
        "decision",
        "add",
        "Promotion to Head of Product",
        "--kind",
        "promotion",
        "--on",
        "2030-06-30",
        "--decider",
        "dana",
        "--decider",
        "marcus",
        "--voice",
        "priya",
        "--notes",
        "Committee of three",
    ]);
    assert!(out.contains("1 of 3 in the room speak for you"), "{out}");
    fc.ok(&[
        "decision",
        "add",
        "Bonus 2020",
        "--kind",
        "bonus",
        "--on",
        "2020-01-01",
    ]);

    let upcoming = fc.json(&["decision", "list", "--upcoming"]);
    assert_eq!(upcoming.as_array().unwrap().len(), 1);
    let did = id(&upcoming[0]).to_string();
    assert_eq!(
        upcoming[0]["room"],
        json!([
            { "person": dana, "role": "decider" },
            { "person": marcus, "role": "decider" },
            { "person": priya, "role": "voice" }
        ])
    );
    assert_eq!(fc.json(&["decision", "list"]).as_array().unwrap().len(), 2);

    let shown = fc.json(&["decision", "show", &did]);
    assert_eq!(shown["coverage"]["speak_for_me"], json!([dana]));
    assert_eq!(shown["coverage"]["against"], json!([priya]));
    assert_eq!(shown["coverage"]["unknown"], json!([marcus]));
    let text = fc.ok(&["decision", "show", &did]);
    assert!(
        text.contains("Your manager is the only voice for you in this room."),
        "{text}"
    );
    assert!(text.contains("36% of the room's influence"), "{text}");
    assert!(text.contains("Priya Raman is against you."), "{text}");

    fc.ok(&[
        "decision",
        "edit",
        &did,
        "--drop",
        "priya",
        "--add-voice",
        "dana",
        "--on",
        "2030-07-15",
        "--clear",
        "notes",
    ]);
    let d = fc.json(&["decision", "show", &did]);
    assert_eq!(d["on"], "2030-07-15");
    assert_eq!(d["notes"], json!(null));
    assert_eq!(
        d["room"],
        json!([{ "person": dana, "role": "voice" }, { "person": marcus, "role": "decider" }])
    );
    assert!(
        fc.ok(&["person", "show", "marcus"])
            .contains("Promotion to Head of Product")
    );

    fc.refused(
        &[
            "decision",
            "add",
            "Staffing",
            "--kind",
            "project-staffing",
            "--on",
            "2030-01-01",
            "--decider",
            "dana",
            "--voice",
            "dana",
        ],
        2,
        "dana",
    );
    fc.refused(
        &[
            "decision",
            "add",
            "Staffing",
            "--kind",
            "reorg",
            "--on",
            "2030-01-01",
        ],
        2,
        "kind",
    );

    fc.ok(&["decision", "remove", &did]);
    assert_eq!(fc.json(&["decision", "list", "--upcoming"]), json!([]));
}

#[test]
fn opportunity_round_trip() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    let out = fc.ok(&[
        "opportunity",
        "add",
        "Lead the pricing revamp",
        "--kind",
        "project",
        "--sponsor",
        "dana",
        "--track",
        "strategy",
        "--on",
        "2026-03-01",
    ]);
    assert!(out.ends_with("(offered), thanks to Dana Kim.\n"), "{out}");
    let o = &fc.json(&["opportunity", "list"])[0];
    let oid = id(o).to_string();
    assert_eq!(o["sponsor"], dana);
    assert_eq!(o["status"], "offered");
    assert_eq!(o["tracks"], json!(["strategy"]));
    fc.ok(&[
        "opportunity",
        "edit",
        &oid,
        "--status",
        "accepted",
        "--track",
        "buy-in",
        "--notes",
        "Starts in April",
    ]);
    let o = fc.json(&["opportunity", "show", &oid]);
    assert_eq!(o["status"], "accepted");
    assert_eq!(o["tracks"], json!(["strategy", "buy-in"]));
    assert_eq!(o["notes"], "Starts in April");
    assert_eq!(
        fc.json(&["opportunity", "list", "--status", "offered"]),
        json!([])
    );
    fc.refused(
        &["opportunity", "edit", &oid, "--status", "maybe"],
        2,
        "status",
    );
    fc.ok(&["opportunity", "remove", &oid]);
    assert_eq!(fc.json(&["opportunity", "list"]), json!([]));
}

#[test]
fn perception_round_trip() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    fc.person("Sam Ortiz", &[]);
    let out = fc.ok(&[
        "perception",
        "add",
        "dana",
        "--description",
        "Runs the pricing experiments",
        "--gap",
        "Doesn't see the strategy",
        "--remedy",
        "Share the one-pager",
        "--on",
        "2026-02-01",
    ]);
    assert!(out.contains("the gap is open"), "{out}");
    fc.ok(&["perception", "add", "sam", "--description", "Great partner"]);
    let open = fc.json(&["perception", "list", "--open"]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    let pid = id(&open[0]).to_string();
    assert_eq!(open[0]["person"], dana);
    assert_eq!(open[0]["status"], "open");
    fc.ok(&["perception", "edit", &pid, "--status", "resolved"]);
    assert_eq!(fc.json(&["perception", "list", "--open"]), json!([]));
    assert_eq!(fc.json(&["perception", "show", &pid])["status"], "resolved");
    assert_eq!(
        fc.json(&["perception", "list", "--person", "sam"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    fc.refused(
        &["perception", "add", "dana", "--description", "  "],
        2,
        "description",
    );
    fc.ok(&["perception", "remove", &pid]);
    assert_eq!(
        fc.json(&["perception", "list"]).as_array().unwrap().len(),
        1
    );
}

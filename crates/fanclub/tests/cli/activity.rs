//! Interactions, the one-line log, and connections.

use serde_json::json;

use crate::support::{Fc, id, ids};

#[test]
fn interaction_round_trip() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    let priya = fc.person("Priya Raman", &[]);
    let out = fc.ok(&[
        "interaction",
        "add",
        "--with",
        "dana",
        "--with",
        "priya",
        "--kind",
        "meeting",
        "--summary",
        "Roadmap review",
        "--on",
        "2026-02-03",
        "--learned",
        "Dana owns the Q3 pricing bet",
        "--follow-up",
        "Send the churn deck",
        "--due",
        "2026-02-10",
    ]);
    assert!(
        out.starts_with("Logged meeting with Dana Kim, Priya Raman on 2026-02-03 (#"),
        "{out}"
    );
    assert!(
        out.contains("Follow-up: Send the churn deck, due 2026-02-10."),
        "{out}"
    );

    let list = fc.json(&["interaction", "list"]);
    let i = &list[0];
    let iid = id(i);
    assert_eq!(i["kind"], "meeting");
    assert_eq!(i["people"], json!([dana, priya]));
    assert_eq!(i["on"], "2026-02-03");
    assert_eq!(i["follow_up_due"], "2026-02-10");
    assert_eq!(i["follow_up_done"], false);

    let open = fc.json(&["interaction", "list", "--follow-ups"]);
    assert_eq!(ids(&open), [iid]);
    let shown = fc.ok(&["interaction", "show", &iid.to_string()]);
    assert!(
        shown.contains("Send the churn deck (open, due 2026-02-10)"),
        "{shown}"
    );

    let out = fc.ok(&[
        "interaction",
        "edit",
        &iid.to_string(),
        "--done",
        "--with",
        "dana",
        "--notes",
        "Went well",
    ]);
    assert_eq!(
        out.trim(),
        format!("Follow-up done: Send the churn deck (interaction #{iid}).")
    );
    let i = fc.json(&["interaction", "show", &iid.to_string()]);
    assert_eq!(i["follow_up_done"], true);
    assert_eq!(i["people"], json!([dana]));
    assert_eq!(i["notes"], "Went well");
    assert_eq!(fc.json(&["interaction", "list", "--follow-ups"]), json!([]));

    fc.ok(&[
        "interaction",
        "edit",
        &iid.to_string(),
        "--clear",
        "follow-up,learned",
    ]);
    let i = fc.json(&["interaction", "show", &iid.to_string()]);
    assert_eq!(i["follow_up"], json!(null));
    assert_eq!(i["learned"], json!(null));

    let out = fc.ok(&["interaction", "remove", &iid.to_string()]);
    assert_eq!(
        out.trim(),
        format!("Removed interaction #{iid}: Roadmap review.")
    );
    assert_eq!(fc.json(&["interaction", "list"]), json!([]));
    fc.fails(&["interaction", "show", &iid.to_string()], 1);
}

#[test]
fn log_is_one_line_with_sensible_defaults() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    fc.person("Sam Ortiz", &[]);
    let coffee = fc.json(&["log", "Coffee with Dana Kim", "--with", "dana"]);
    assert_eq!(coffee["kind"], "coffee");
    assert_eq!(coffee["people"], json!([dana]));
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(coffee["on"], today.as_str());

    let plain = fc.json(&[
        "log",
        "Caught up on hiring",
        "--with",
        "dana",
        "--on",
        "2026-01-05",
    ]);
    assert_eq!(plain["kind"], "1:1");
    assert_eq!(plain["on"], "2026-01-05");
    let group = fc.json(&[
        "log",
        "Caught up on hiring",
        "--with",
        "dana",
        "--with",
        "sam",
    ]);
    assert_eq!(group["kind"], "meeting");
    let chosen = fc.json(&[
        "log",
        "Coffee chat",
        "--with",
        "sam",
        "--kind",
        "help-given",
        "--follow-up",
        "Intro to Marcus",
    ]);
    assert_eq!(chosen["kind"], "help-given");
    assert_eq!(chosen["follow_up"], "Intro to Marcus");

    let out = fc.ok(&[
        "log",
        "Lunch with Sam",
        "--with",
        "sam",
        "--on",
        "2026-02-01",
    ]);
    assert!(
        out.starts_with("Logged coffee with Sam Ortiz on 2026-02-01 (#"),
        "{out}"
    );

    // Every interaction resets the clock: show reports the last contact.
    let dana_now = fc.json(&["person", "show", "dana"]);
    assert_eq!(dana_now["last_contact"], today.as_str());
    assert_eq!(dana_now["interaction_count"], 3);

    assert_eq!(
        ids(&fc.json(&[
            "interaction",
            "list",
            "--with",
            "sam",
            "--since",
            "2026-01-01",
            "--until",
            "2026-02-01"
        ]))
        .len(),
        1
    );
    assert_eq!(
        ids(&fc.json(&["interaction", "list", "--limit", "2"])).len(),
        2
    );
}

#[test]
fn connection_round_trip() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    let priya = fc.person("Priya Raman", &[]);
    fc.person("Sam Ortiz", &[]);
    let out = fc.ok(&[
        "connection",
        "add",
        "priya",
        "dana",
        "--strength",
        "4",
        "--note",
        "Worked together at Acme",
    ]);
    assert!(
        out.starts_with("Connected Dana Kim and Priya Raman (strength 4, #"),
        "{out}"
    );
    let list = fc.json(&["connection", "list"]);
    let cid = id(&list[0]);
    assert_eq!(list[0]["a"], dana);
    assert_eq!(list[0]["b"], priya);
    assert_eq!(list[0]["strength"], 4);
    assert_eq!(
        fc.json(&["connection", "list", "--person", "sam"]),
        json!([])
    );
    assert_eq!(
        ids(&fc.json(&["connection", "list", "--person", "priya"])),
        [cid]
    );

    fc.ok(&[
        "connection",
        "edit",
        &cid.to_string(),
        "--strength",
        "2",
        "--clear",
        "note",
    ]);
    let c = fc.json(&["connection", "show", &cid.to_string()]);
    assert_eq!(c["strength"], 2);
    assert_eq!(c["note"], json!(null));
    assert!(
        fc.ok(&["person", "show", "dana"])
            .contains("Priya Raman (2)")
    );

    fc.refused(&["connection", "add", "dana", "dana"], 2, "connection");
    fc.ok(&["connection", "remove", &cid.to_string()]);
    assert_eq!(fc.json(&["connection", "list"]), json!([]));
}

//! People: add, list, show, edit, remove, stance and trust, across separate runs.

use serde_json::json;

use crate::support::{Fc, id, ids};

#[test]
fn person_round_trip_survives_restarts() {
    let fc = Fc::new();
    let out = fc.ok(&[
        "person",
        "add",
        "Dana Kim",
        "--org",
        "Acme",
        "--title",
        "VP Product",
        "--relation",
        "skip-level",
        "--influence",
        "5",
        "--interest",
        "4",
        "--stance",
        "supporter",
        "--email",
        "Dana@Acme.com",
        "--cadence",
        "3w",
        "--birthday",
        "--04-12",
        "--goals",
        "Ship the pricing revamp",
        "--since",
        "2025-06-01",
    ]);
    assert_eq!(
        out.trim(),
        "Added Dana Kim (dana-kim): manage closely, supporter."
    );

    let list = fc.json(&["person", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let dana = &list[0];
    assert_eq!(dana["handle"], "dana-kim");
    assert_eq!(dana["emails"], json!(["dana@acme.com"]));
    assert_eq!(dana["influence"], 5);
    assert_eq!(dana["interest"], 4);
    assert_eq!(dana["quadrant"], "manage-closely");
    assert_eq!(dana["relation"], "skip-level");
    assert_eq!(dana["cadence"], 21);
    assert_eq!(dana["birthday"], "--04-12");

    let table = fc.ok(&["person", "list"]);
    assert!(
        table.contains("dana-kim") && table.contains("VP Product, Acme") && table.contains("5/4"),
        "{table}"
    );

    let shown = fc.ok(&["person", "show", "dana"]);
    assert!(shown.contains("Dana Kim (dana-kim, #"), "{shown}");
    assert!(shown.contains("every 21 days (their own)"), "{shown}");
    assert!(
        shown.contains("2025-06-01  supporter (first recorded)"),
        "{shown}"
    );
    assert!(shown.contains("Ship the pricing revamp"), "{shown}");

    fc.ok(&[
        "person",
        "edit",
        "dana-kim",
        "--title",
        "SVP Product",
        "--stance",
        "advocate",
        "--on",
        "2026-01-15",
        "--clear",
        "cadence,birthday",
    ]);
    let dana = fc.json(&["person", "show", "Dana Kim"]);
    assert_eq!(dana["title"], "SVP Product");
    assert_eq!(dana["stance"], "advocate");
    assert_eq!(dana["cadence"], json!(null));
    assert_eq!(dana["birthday"], json!(null));
    assert_eq!(dana["effective_cadence_days"], 14);
    let history = dana["stance_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["from"], "supporter");
    assert_eq!(history[1]["to"], "advocate");
    assert_eq!(history[1]["on"], "2026-01-15");

    let out = fc.ok(&["person", "remove", "dana", "--yes"]);
    assert!(out.starts_with("Removed Dana Kim (dana-kim)."), "{out}");
    assert_eq!(fc.json(&["person", "list"]), json!([]));
}

#[test]
fn handles_are_derived_unique_and_can_be_chosen() {
    let fc = Fc::new();
    fc.person("Dana Kim", &[]);
    let second = fc.json(&["person", "add", "Dana Kim", "--org", "Globex"]);
    assert_eq!(second["handle"], "dana-kim-2");
    let chosen = fc.json(&["person", "add", "José Álvarez", "--handle", "jose"]);
    assert_eq!(chosen["handle"], "jose");
    let err = fc.refused(&["person", "add", "Someone", "--handle", "jose"], 1, "jose");
    assert!(err.contains("José Álvarez"), "{err}");
}

#[test]
fn ambiguous_names_list_the_candidates() {
    let fc = Fc::new();
    fc.person("Dana Kim", &[]);
    fc.person("Dana Kim", &[]);
    fc.person("Dan Brown", &[]);
    let err = fc.fails(&["person", "show", "Dana Kim"], 1);
    assert!(
        err.contains("dana-kim (Dana Kim)") && err.contains("dana-kim-2 (Dana Kim)"),
        "{err}"
    );
    let err = fc.fails(&["person", "show", "dan"], 1);
    assert!(err.contains("dan-brown"), "{err}");
    // A handle is always exact.
    assert_eq!(
        fc.json(&["person", "show", "dana-kim-2"])["handle"],
        "dana-kim-2"
    );
}

#[test]
fn unknown_people_are_not_found() {
    let fc = Fc::new();
    fc.person("Dana Kim", &[]);
    let err = fc.refused(&["person", "show", "zoe"], 1, "zoe");
    assert!(err.contains("fanclub person list"), "{err}");
    fc.refused(&["log", "Coffee", "--with", "zoe"], 1, "zoe");
    fc.refused(&["person", "remove", "#99", "--yes"], 1, "#99");
}

#[test]
fn list_filters() {
    let fc = Fc::new();
    fc.person(
        "Dana Kim",
        &[
            "--influence",
            "5",
            "--interest",
            "5",
            "--stance",
            "advocate",
            "--circle",
            "company",
            "--org",
            "Acme",
        ],
    );
    fc.person(
        "Sam Ortiz",
        &["--influence", "2", "--interest", "2", "--circle", "outside"],
    );
    fc.person(
        "Priya Raman",
        &[
            "--influence",
            "5",
            "--interest",
            "2",
            "--circle",
            "team",
            "--stance",
            "sponsor",
        ],
    );
    let handles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["person", "list"];
        all.extend_from_slice(args);
        fc.json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["handle"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(handles(&["--quadrant", "manage-closely"]), ["dana-kim"]);
    assert_eq!(handles(&["--quadrant", "Keep Satisfied"]), ["priya-raman"]);
    assert_eq!(handles(&["--circle", "outside"]), ["sam-ortiz"]);
    assert_eq!(
        handles(&["--stance", "advocate", "--stance", "sponsor"]),
        ["dana-kim", "priya-raman"]
    );
    assert_eq!(handles(&["--search", "acme"]), ["dana-kim"]);
    let out = fc.ok(&["person", "list", "--search", "nobody"]);
    assert_eq!(out.trim(), "No one matches.");
}

#[test]
fn stance_and_trust() {
    let fc = Fc::new();
    fc.person("Dana Kim", &["--stance", "aware", "--since", "2025-01-10"]);
    let out = fc.ok(&[
        "person",
        "stance",
        "dana",
        "advocate",
        "--on",
        "2025-03-02",
        "--note",
        "Backed my pricing proposal",
    ]);
    assert_eq!(out.trim(), "Dana Kim: aware → advocate (up) on 2025-03-02.");
    let out = fc.ok(&[
        "person",
        "trust",
        "dana",
        "--credibility",
        "6",
        "--reliability",
        "7",
        "--intimacy",
        "5",
        "--self-orientation",
        "3",
    ]);
    assert!(
        out.starts_with("Trust with Dana Kim: 6.0 of 30. Weakest: intimacy."),
        "{out}"
    );

    let dana = fc.json(&["person", "show", "dana"]);
    assert_eq!(dana["stance"], "advocate");
    assert_eq!(dana["trust_score"], 6.0);
    assert_eq!(dana["weakest_trust_factor"], "intimacy");
    assert_eq!(dana["trust"]["self_orientation"], 3);
    assert!(
        dana["notes"]
            .as_str()
            .unwrap()
            .contains("2025-03-02, stance aware → advocate: Backed my pricing proposal")
    );
    let history: Vec<_> = dana["stance_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["on"].clone(), c["to"].clone()))
        .collect();
    assert_eq!(
        history,
        [
            (json!("2025-01-10"), json!("aware")),
            (json!("2025-03-02"), json!("advocate"))
        ]
    );

    let shown = fc.ok(&["person", "show", "dana"]);
    assert!(
        shown.contains("6.0 of 30") && shown.contains("weakest: intimacy"),
        "{shown}"
    );
}

#[test]
fn removing_a_person_reports_and_detaches() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    fc.person("Priya Raman", &["--introduced-by", "dana"]);
    fc.person("Sam Ortiz", &[]);
    fc.ok(&["connection", "add", "dana", "priya"]);
    let solo = id(&fc.json(&["log", "Coffee with Dana", "--with", "dana"]));
    let shared = id(&fc.json(&["log", "Roadmap review", "--with", "dana", "--with", "sam"]));
    let win = id(&fc.json(&["win", "add", "Pricing page", "--on", "2025-01-01"]));
    fc.ok(&[
        "win",
        "share",
        &win.to_string(),
        "--with",
        "dana",
        "--with",
        "priya",
    ]);
    fc.ok(&[
        "decision",
        "add",
        "Promotion",
        "--kind",
        "promotion",
        "--on",
        "2030-01-01",
        "--decider",
        "dana",
        "--voice",
        "sam",
    ]);
    fc.ok(&[
        "evidence",
        "add",
        "--track",
        "buy-in",
        "--summary",
        "Sales on board",
        "--strength",
        "witnessed",
        "--person",
        "dana",
    ]);
    fc.ok(&[
        "opportunity",
        "add",
        "Pricing revamp",
        "--kind",
        "project",
        "--sponsor",
        "dana",
    ]);

    let out = fc.ok(&["person", "remove", "dana", "--yes"]);
    assert!(out.starts_with("Removed Dana Kim (dana-kim)."), "{out}");
    assert!(out.contains("1 interaction only with them"), "{out}");
    assert!(out.contains("1 connection"), "{out}");
    assert!(out.contains("1 interaction with others"), "{out}");
    assert!(out.contains("1 piece of evidence"), "{out}");
    assert!(out.contains("1 opportunity they sponsored"), "{out}");
    assert!(out.contains("1 person they introduced"), "{out}");

    assert!(
        fc.json(&["person", "list"])
            .as_array()
            .unwrap()
            .iter()
            .all(|p| id(p) != dana)
    );
    let interactions = ids(&fc.json(&["interaction", "list", "--all"]));
    assert_eq!(interactions, [shared]);
    assert!(!interactions.contains(&solo));
    let left = fc.json(&["interaction", "show", &shared.to_string()]);
    assert_eq!(left["people"].as_array().unwrap().len(), 1);
    assert_eq!(fc.json(&["connection", "list"]), json!([]));
    assert_eq!(fc.json(&["evidence", "list"])[0]["person"], json!(null));
    assert_eq!(fc.json(&["opportunity", "list"])[0]["sponsor"], json!(null));
    assert_eq!(
        fc.json(&["person", "show", "priya"])["introduced_by"],
        json!(null)
    );
    assert_eq!(
        fc.json(&["win", "show", &win.to_string()])["shares"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        fc.json(&["decision", "list"])[0]["room"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn removing_needs_confirmation_without_a_terminal() {
    let fc = Fc::new();
    fc.person("Dana Kim", &[]);
    fc.refused(&["person", "remove", "dana"], 2, "--yes");
}

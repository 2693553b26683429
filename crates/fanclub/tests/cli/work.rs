//! Goals, wins and their shares, evidence, and the competency framework.

use serde_json::json;

use crate::support::{Fc, id, ids};

#[test]
fn goal_round_trip() {
    let fc = Fc::new();
    let out = fc.ok(&[
        "goal",
        "add",
        "Grow self-serve revenue 30%",
        "--period",
        "2026-H1",
    ]);
    assert!(out.starts_with("Added goal #"), "{out}");
    let goals = fc.json(&["goal", "list"]);
    let gid = id(&goals[0]);
    assert_eq!(goals[0]["title"], "Grow self-serve revenue 30%");
    assert_eq!(goals[0]["period"], "2026-H1");
    fc.ok(&[
        "goal",
        "edit",
        &gid.to_string(),
        "--description",
        "The board's first priority",
        "--clear",
        "period",
    ]);
    let g = fc.json(&["goal", "show", &gid.to_string()]);
    assert_eq!(g["description"], "The board's first priority");
    assert_eq!(g["period"], json!(null));

    let win = id(&fc.json(&["win", "add", "Checkout revamp", "--goal", &gid.to_string()]));
    assert_eq!(
        fc.json(&["goal", "show", &gid.to_string()])["wins"][0]["id"],
        win
    );
    let out = fc.ok(&["goal", "remove", &gid.to_string()]);
    assert!(out.contains("1 win is no longer linked to it"), "{out}");
    assert_eq!(fc.json(&["goal", "list"]), json!([]));
    assert_eq!(
        fc.json(&["win", "show", &win.to_string()])["goals"],
        json!([])
    );
}

#[test]
fn win_round_trip_and_sharing() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    let priya = fc.person("Priya Raman", &[]);
    let goal = id(&fc.json(&["goal", "add", "Activation"]));
    let out = fc.ok(&[
        "win",
        "add",
        "Self-serve onboarding",
        "--kind",
        "release",
        "--on",
        "2026-02-10",
        "--metric",
        "trial activation",
        "--before",
        "31%",
        "--after",
        "44%",
        "--goal",
        &goal.to_string(),
        "--track",
        "strategy",
        "--link",
        "https://dash.example.com/1",
    ]);
    assert!(out.contains("Nobody knows yet"), "{out}");
    let w = &fc.json(&["win", "list"])[0];
    let wid = id(w).to_string();
    assert_eq!(w["kind"], "release");
    assert_eq!(
        w["impact"],
        json!({ "metric": "trial activation", "before": "31%", "after": "44%" })
    );
    assert_eq!(w["goals"], json!([goal]));
    assert_eq!(w["tracks"], json!(["strategy"]));
    assert_eq!(ids(&fc.json(&["win", "list", "--unshared"])).len(), 1);

    let out = fc.ok(&[
        "win",
        "share",
        &wid,
        "--with",
        "dana",
        "--with",
        "priya",
        "--channel",
        "email",
        "--on",
        "2026-02-12",
    ]);
    assert_eq!(
        out.trim(),
        "Shared “Self-serve onboarding” with Dana Kim, Priya Raman (email, 2026-02-12). 2 people know about it now."
    );
    let w = fc.json(&["win", "show", &wid]);
    assert_eq!(
        w["shares"],
        json!([
            { "person": dana, "on": "2026-02-12", "channel": "email" },
            { "person": priya, "on": "2026-02-12", "channel": "email" }
        ])
    );
    assert_eq!(fc.json(&["win", "list", "--unshared"]), json!([]));
    assert!(
        fc.ok(&["person", "show", "dana"])
            .contains("Self-serve onboarding")
    );
    // A share cannot predate the win.
    fc.refused(
        &["win", "share", &wid, "--with", "dana", "--on", "2026-01-01"],
        2,
        "2026-01-01",
    );

    fc.ok(&[
        "win",
        "edit",
        &wid,
        "--after",
        "47%",
        "--track",
        "buy-in",
        "--title",
        "Self-serve onboarding v1",
    ]);
    let w = fc.json(&["win", "show", &wid]);
    assert_eq!(w["impact"]["after"], "47%");
    assert_eq!(w["impact"]["before"], "31%");
    assert_eq!(w["tracks"], json!(["strategy", "buy-in"]));
    assert_eq!(w["title"], "Self-serve onboarding v1");
    fc.ok(&["win", "edit", &wid, "--clear", "impact,links"]);
    let w = fc.json(&["win", "show", &wid]);
    assert_eq!(w["impact"], json!(null));
    assert_eq!(w["links"], json!([]));

    fc.ok(&["win", "remove", &wid]);
    assert_eq!(fc.json(&["win", "list"]), json!([]));
}

#[test]
fn wins_check_goals_and_tracks() {
    let fc = Fc::new();
    fc.refused(&["win", "add", "Thing", "--goal", "42"], 1, "goal");
    let err = fc.refused(&["win", "add", "Thing", "--track", "charisma"], 2, "track");
    assert!(
        err.contains("strategy, buy-in, confidence, domain, leadership"),
        "{err}"
    );
    fc.refused(&["win", "add", "Thing", "--before", "1"], 2, "--metric");
}

#[test]
fn evidence_round_trip() {
    let fc = Fc::new();
    let dana = fc.person("Dana Kim", &[]);
    let win = id(&fc.json(&["win", "add", "Pricing page", "--on", "2026-01-01"]));
    let out = fc.ok(&[
        "evidence",
        "add",
        "--track",
        "buy-in",
        "--summary",
        "Dana on the pricing rollout",
        "--strength",
        "endorsed",
        "--person",
        "dana",
        "--quote",
        "Nobody else could have got sales on board",
        "--win",
        &win.to_string(),
        "--on",
        "2026-01-20",
    ]);
    assert!(out.starts_with("Added endorsed evidence #"), "{out}");
    let e = &fc.json(&["evidence", "list", "--track", "buy-in"])[0];
    let eid = id(e).to_string();
    assert_eq!(e["person"], dana);
    assert_eq!(e["source"], "win");
    assert_eq!(e["win"], win);
    assert_eq!(e["on"], "2026-01-20");
    assert_eq!(
        fc.json(&["evidence", "list", "--track", "domain"]),
        json!([])
    );

    // Endorsed evidence needs a quote; witnessed needs a witness.
    fc.refused(
        &[
            "evidence",
            "add",
            "--track",
            "domain",
            "--summary",
            "Talk",
            "--strength",
            "endorsed",
            "--person",
            "dana",
        ],
        2,
        "quote",
    );
    fc.refused(
        &[
            "evidence",
            "add",
            "--track",
            "domain",
            "--summary",
            "Talk",
            "--strength",
            "witnessed",
        ],
        2,
        "person",
    );
    fc.refused(
        &[
            "evidence",
            "add",
            "--track",
            "domain",
            "--summary",
            "Talk",
            "--interaction",
            "77",
        ],
        1,
        "interaction",
    );

    fc.ok(&[
        "evidence",
        "edit",
        &eid,
        "--strength",
        "claimed",
        "--clear",
        "quote,person",
        "--track",
        "confidence",
    ]);
    let e = fc.json(&["evidence", "show", &eid]);
    assert_eq!(e["strength"], "claimed");
    assert_eq!(e["track"], "confidence");
    assert_eq!(e["quote"], json!(null));
    fc.ok(&["evidence", "remove", &eid]);
    assert_eq!(fc.json(&["evidence", "list"]), json!([]));
}

#[test]
fn framework_show_edit_export_load_reset() {
    let fc = Fc::new();
    let f = fc.json(&["framework", "show"]);
    let keys: Vec<_> = f["tracks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        keys,
        ["strategy", "buy-in", "confidence", "domain", "leadership"]
    );
    assert!(
        fc.ok(&["framework", "show", "buy-in"])
            .contains("Interview five people about your work")
    );

    fc.ok(&[
        "framework",
        "track",
        "strategy",
        "--target",
        "4",
        "--name",
        "Product strategy",
    ]);
    let t = fc.json(&["framework", "show", "strategy"]);
    assert_eq!(t["target"], 4);
    assert_eq!(t["name"], "Product strategy");

    fc.ok(&["framework", "track-add", "craft", "--name", "Product craft"]);
    assert_eq!(
        fc.json(&["framework", "show", "craft"])["levels"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    fc.ok(&[
        "evidence",
        "add",
        "--track",
        "craft",
        "--summary",
        "Ran discovery",
    ]);
    fc.refused(&["framework", "track-remove", "craft"], 1, "craft");

    let file = fc.dir.path().join("ladder.toml");
    let file = file.to_str().unwrap();
    fc.ok(&["framework", "export", file]);
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("key = \"craft\""), "{text}");

    fc.ok(&["framework", "reset"]);
    assert!(
        fc.json(&["framework", "show"])["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["key"] != "craft")
    );
    let out = fc.ok(&["framework", "load", file]);
    assert!(out.contains("6 tracks"), "{out}");
    assert_eq!(fc.json(&["framework", "show", "strategy"])["target"], 4);

    let broken = fc.dir.path().join("broken.toml");
    std::fs::write(&broken, "name = \"Ladder\"\n[[tracks]]\nkey = \"craft\"\nname = \"Craft\"\nsummary = \"x\"\ntarget = 9\nlevels = []\n").unwrap();
    fc.refused(
        &["framework", "load", broken.to_str().unwrap()],
        2,
        "line 6",
    );
}

//! The engine's commands end to end: each answer is checked against a small workspace
//! built through the CLI, where the right answer is known.

use std::io::Write;

use serde_json::Value;

use crate::support::Fc;

/// A date `days` from today, as the binary's own clock sees it.
fn in_days(days: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

fn f64_at(v: &Value, ptr: &str) -> f64 {
    v.pointer(ptr)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number at {ptr} in {v:#}"))
}

/// My manager speaks for me; an influential detractor sits in the same room.
fn committee(fc: &Fc) {
    fc.person(
        "Grace Boss",
        &[
            "--relation",
            "manager",
            "--influence",
            "5",
            "--interest",
            "5",
            "--stance",
            "advocate",
        ],
    );
    fc.person(
        "Rafa Doubt",
        &[
            "--influence",
            "5",
            "--interest",
            "2",
            "--stance",
            "detractor",
        ],
    );
    fc.person(
        "Uma Unsure",
        &["--influence", "2", "--interest", "2", "--stance", "unknown"],
    );
    fc.ok(&[
        "decision",
        "add",
        "Promotion to Head of Product",
        "--kind",
        "promotion",
        "--on",
        &in_days(40),
        "--decider",
        "grace",
        "--voice",
        "rafa",
        "--voice",
        "uma",
    ]);
}

#[test]
fn room_coverage_risks_warning_and_actions() {
    let fc = Fc::new();
    committee(&fc);
    let rooms = fc.json(&["room"]);
    let room = &rooms[0];
    let before = f64_at(room, "/coverage");
    assert!(before > 0.0 && before < 0.5, "{before}");
    // The influential detractor is the first risk, the unknown low-influence one second.
    assert_eq!(room["risks"][0]["person"]["handle"], "rafa-doubt");
    assert_eq!(room["risks"][1]["person"]["handle"], "uma-unsure");
    let warnings: Vec<&str> = room["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert!(warnings.contains(&"manager-only-voice"), "{warnings:?}");
    assert_eq!(room["actions"][0]["person"]["handle"], "rafa-doubt");

    // Winning Rafa over raises coverage and clears the warning.
    fc.ok(&["person", "stance", "rafa", "advocate"]);
    let after = fc.json(&["room", "promotion"]);
    assert!(f64_at(&after[0], "/coverage") > before);
    assert!(after[0]["warnings"].as_array().unwrap().is_empty());

    let text = fc.ok(&["room", "1"]);
    assert!(text.contains("Promotion to Head of Product"), "{text}");
    assert!(text.contains("Coverage"), "{text}");
    fc.fails(&["room", "no such room"], 1);
}

#[test]
fn due_orders_by_priority_and_a_log_resets_the_clock() {
    let fc = Fc::new();
    committee(&fc);
    fc.ok(&[
        "log",
        "Old coffee",
        "--with",
        "grace",
        "--on",
        &in_days(-30),
    ]);
    fc.ok(&["log", "Old coffee", "--with", "uma", "--on", &in_days(-200)]);
    let due = fc.json(&["due", "--all"]);
    let handles: Vec<&str> = due
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["person"]["handle"].as_str().unwrap())
        .collect();
    assert!(handles.contains(&"grace-boss"), "{handles:?}");
    // Influence 5 in an upcoming room comes before influence 2, however overdue.
    let pos = |h| handles.iter().position(|x| *x == h).unwrap();
    assert!(pos("grace-boss") < pos("uma-unsure"), "{handles:?}");

    fc.ok(&["log", "Quick sync", "--with", "grace"]);
    let due = fc.json(&["due", "--all"]);
    assert!(
        due.as_array()
            .unwrap()
            .iter()
            .all(|d| d["person"]["handle"] != "grace-boss"),
        "{due:#}"
    );
}

#[test]
fn visibility_shows_who_does_not_know_a_win_until_it_is_shared() {
    let fc = Fc::new();
    committee(&fc);
    fc.ok(&["goal", "add", "Cut churn", "--period", "2026"]);
    fc.ok(&[
        "win",
        "add",
        "Churn down",
        "--on",
        &in_days(-5),
        "--goal",
        "1",
    ]);
    fc.ok(&["win", "add", "Old thing", "--on", &in_days(-300)]);
    let v = fc.json(&["visibility"]);
    assert_eq!(v["wins"][0]["title"], "Churn down");
    assert_eq!(v["wins"][0]["needs_sharing"], true);
    assert_eq!(f64_at(&v, "/goal_ratio"), 0.5);
    fc.ok(&[
        "win", "share", "1", "--with", "grace", "--with", "rafa", "--with", "uma",
    ]);
    let v = fc.json(&["visibility"]);
    let churn = v["wins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["title"] == "Churn down")
        .unwrap();
    assert_eq!(churn["not_told_count"], 0);
    assert_eq!(churn["needs_sharing"], false);
}

#[test]
fn readiness_rises_with_stronger_evidence() {
    let fc = Fc::new();
    committee(&fc);
    let level = |fc: &Fc| {
        let r = fc.json(&["readiness", "domain"]);
        assert_eq!(r["tracks"].as_array().unwrap().len(), 1);
        r["tracks"][0]["level"].as_u64().unwrap()
    };
    assert_eq!(level(&fc), 0);
    fc.ok(&[
        "evidence",
        "add",
        "--track",
        "domain",
        "--summary",
        "Brown-bag on procurement",
    ]);
    let claimed = level(&fc);
    for _ in 0..4 {
        fc.ok(&[
            "evidence",
            "add",
            "--track",
            "domain",
            "--summary",
            "Meetup talk",
            "--strength",
            "endorsed",
            "--person",
            "grace",
            "--quote",
            "She knows this market cold",
        ]);
    }
    assert!(
        level(&fc) > claimed,
        "endorsed evidence must raise the level"
    );
    let text = fc.ok(&["readiness"]);
    assert!(text.contains("Try:"), "{text}");
    fc.fails(&["readiness", "juggling"], 2);
}

#[test]
fn trust_scores_and_names_the_weakest_factor() {
    let fc = Fc::new();
    committee(&fc);
    fc.ok(&[
        "person",
        "trust",
        "rafa",
        "--credibility",
        "6",
        "--reliability",
        "7",
        "--intimacy",
        "2",
        "--self-orientation",
        "5",
    ]);
    let t = fc.json(&["trust", "rafa"]);
    let r = &t["relationships"][0];
    assert_eq!(r["person"]["handle"], "rafa-doubt");
    assert!((f64_at(r, "/score") - 3.0).abs() < 1e-9);
    assert_eq!(r["weakest"], "intimacy");
    let text = fc.ok(&["trust", "grace"]);
    assert!(text.contains("not rated trust"), "{text}");
}

#[test]
fn momentum_counts_the_window() {
    let fc = Fc::new();
    committee(&fc);
    fc.ok(&[
        "evidence",
        "add",
        "--track",
        "strategy",
        "--summary",
        "Wrote the bet",
        "--on",
        &in_days(-10),
    ]);
    fc.ok(&[
        "evidence",
        "add",
        "--track",
        "strategy",
        "--summary",
        "Old",
        "--on",
        &in_days(-120),
    ]);
    fc.ok(&["person", "stance", "uma", "supporter", "--on", &in_days(-3)]);
    let m = fc.json(&["momentum"]);
    let measure = |name: &str| {
        m["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["measure"] == name)
            .unwrap_or_else(|| panic!("no {name} in {m:#}"))
            .clone()
    };
    assert_eq!(measure("evidence")["current"], 1);
    assert_eq!(measure("evidence")["previous"], 1);
    assert_eq!(measure("stance-upgrades")["current"], 1);
    assert_eq!(m["months"].as_array().unwrap().len(), 12);
    let short = fc.json(&["momentum", "--window", "7"]);
    assert_eq!(short["window_days"], 7);
    fc.fails(&["momentum", "--window", "3"], 2);
}

#[test]
fn weekly_review_saves_and_carries_commitments_over() {
    let fc = Fc::new();
    committee(&fc);
    fc.ok(&[
        "log",
        "1:1",
        "--with",
        "grace",
        "--follow-up",
        "Send the churn bet",
        "--due",
        &in_days(-1),
    ]);
    let last_week = {
        let d = chrono::Local::now().date_naive() - chrono::Duration::days(7);
        let w = chrono::Datelike::iso_week(&d);
        format!("{}-W{:02}", w.year(), w.week())
    };
    fc.ok(&[
        "week",
        "--week",
        &last_week,
        "--commit",
        "Coffee with Rafa",
        "--wins",
        "Shipped",
    ]);
    let out = fc.json(&[
        "week",
        "--kept",
        "1",
        "--learned",
        "Rafa worries about renewals",
    ]);
    let agenda = &out["agenda"];
    assert_eq!(agenda["last_week"]["commitments"][0], "Coffee with Rafa");
    assert_eq!(agenda["follow_ups"][0]["follow_up"], "Send the churn bet");
    assert_eq!(agenda["follow_ups"][0]["overdue"], true);
    assert!(agenda["tend"].as_array().unwrap().len() >= 2);
    assert_eq!(
        agenda["rooms_at_risk"][0]["title"],
        "Promotion to Head of Product"
    );
    assert_eq!(out["review"]["last_week"][0]["kept"], true);
    assert_eq!(out["review"]["learned"], "Rafa worries about renewals");

    // Running it again the same week keeps what was written.
    let again = fc.json(&["week", "--commit", "Share the deck"]);
    assert_eq!(again["review"]["learned"], "Rafa worries about renewals");
    assert_eq!(again["review"]["last_week"][0]["kept"], true);

    let shown = fc.ok(&["week", "--show", &last_week]);
    assert!(shown.contains("Coffee with Rafa"), "{shown}");
    assert_eq!(fc.json(&["review", "list"]).as_array().unwrap().len(), 2);
    fc.fails(&["week", "--show", "2026-W99"], 2);
}

#[test]
fn intro_paths_go_through_people_i_know() {
    let fc = Fc::new();
    committee(&fc);
    fc.person(
        "Tara Target",
        &["--circle", "outside", "--stance", "unknown"],
    );
    fc.person("Lone Wolf", &["--circle", "outside", "--stance", "unknown"]);
    fc.ok(&["log", "Coffee", "--with", "grace"]);
    fc.ok(&["connection", "add", "grace", "tara", "--strength", "4"]);
    let p = fc.json(&["path", "tara"]);
    assert_eq!(p["reach"], "introduction");
    let chain: Vec<&str> = p["paths"][0]["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["handle"].as_str().unwrap())
        .collect();
    assert_eq!(chain, ["grace-boss", "tara-target"]);
    assert_eq!(p["paths"][0]["ask_first"]["person"]["handle"], "grace-boss");
    assert_eq!(fc.json(&["path", "lone"])["reach"], "unreachable");
    assert_eq!(fc.json(&["path", "grace"])["reach"], "direct");
    fc.fails(&["path", "nobody-at-all"], 1);
}

#[test]
fn check_message_points_at_the_words() {
    let fc = Fc::new();
    let draft = fc.dir.path().join("draft.txt");
    let text = "Hi Sam, do you have any vacancy in your team? Can you refer me? Thanks";
    std::fs::File::create(&draft)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let r = fc.json(&["check-message", draft.to_str().unwrap()]);
    assert!(r["score"].as_u64().unwrap() < 50, "{r:#}");
    let spans: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["spans"].as_array().unwrap().iter())
        .map(|s| {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            &text[a..b]
        })
        .collect();
    assert!(spans.iter().any(|s| s.contains("refer")), "{spans:?}");

    let out = fc
        .cmd()
        .args(["check-message", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fix:"));
    fc.fails(&["check-message", "/no/such/draft.txt"], 1);
}

#[test]
fn generate_fills_an_empty_workspace_and_refuses_a_full_one() {
    let fc = Fc::new();
    fc.ok(&[
        "generate",
        "--people",
        "60",
        "--interactions",
        "500",
        "--connections",
        "100",
        "--seed",
        "7",
    ]);
    assert_eq!(fc.json(&["person", "list"]).as_array().unwrap().len(), 60);
    fc.fails(&["generate", "--people", "10"], 2);
    fc.ok(&[
        "generate",
        "--people",
        "10",
        "--interactions",
        "5",
        "--connections",
        "3",
        "--replace",
    ]);
    assert_eq!(fc.json(&["person", "list"]).as_array().unwrap().len(), 10);
}

#[test]
fn every_engine_command_answers_on_the_sample() {
    let fc = Fc::new();
    fc.ok(&["demo"]);
    let week = fc.ok(&["week", "--no-prompt"]);
    for section in [
        "Relationships to tend",
        "Wins to make visible",
        "Rooms at risk",
        "Track to grow",
    ] {
        assert!(week.contains(section), "missing {section}:\n{week}");
    }
    assert!(fc.ok(&["room"]).contains("Promotion committee"));
    assert!(fc.ok(&["due"]).contains("last contact"));
    assert!(fc.ok(&["visibility"]).contains("key people"));
    assert!(fc.ok(&["readiness"]).contains("(weakest)"));
    assert!(fc.ok(&["trust"]).contains("Trust = "));
    assert!(fc.ok(&["momentum"]).contains("The last twelve months"));
    let rooms = fc.json(&["room"]);
    assert_eq!(
        rooms.as_array().unwrap().len(),
        2,
        "two upcoming rooms in the sample"
    );
}

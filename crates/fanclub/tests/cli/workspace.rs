//! The whole workspace: reviews, settings, the demo, reset, and where the data lives.

use serde_json::json;

use crate::support::Fc;

#[test]
fn review_round_trip_with_last_weeks_commitments() {
    let fc = Fc::new();
    let out = fc.ok(&[
        "review",
        "add",
        "--week",
        "2026-W46",
        "--wins",
        "Pricing one-pager landed",
        "--commit",
        "Coffee with Marcus",
        "--commit",
        "Share churn analysis",
    ]);
    assert_eq!(
        out.trim(),
        "Saved the review for 2026-W46: 2 commitments for next week."
    );
    fc.refused(
        &["review", "add", "--week", "2026-W46"],
        1,
        "review edit 2026-W46",
    );

    fc.ok(&[
        "review",
        "add",
        "--week",
        "2026-W47",
        "--kept",
        "1",
        "--missed",
        "2",
        "--learned",
        "Dana cares about margin",
        "--helped",
        "Jo's first PRD",
    ]);
    let r = fc.json(&["review", "show", "2026-W47"]);
    assert_eq!(
        r["last_week"],
        json!([{ "text": "Coffee with Marcus", "kept": true }, { "text": "Share churn analysis", "kept": false }])
    );
    assert_eq!(r["learned"], "Dana cares about margin");
    // The agenda is kept as the engine generated it for that week.
    assert_eq!(r["agenda"]["week"], "2026-W47");
    assert_eq!(
        r["agenda"]["last_week"]["commitments"],
        json!(["Coffee with Marcus", "Share churn analysis"])
    );
    fc.refused(&["review", "edit", "2026-W47", "--kept", "3"], 2, "kept");

    fc.ok(&[
        "review",
        "edit",
        "2026-W47",
        "--commit",
        "Pre-wire the staffing decision",
        "--clear",
        "helped",
    ]);
    let r = fc.json(&["review", "show", "2026-W47"]);
    assert_eq!(r["next_week"], json!(["Pre-wire the staffing decision"]));
    assert_eq!(r["helped"], json!(null));
    let weeks: Vec<_> = fc
        .json(&["review", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["week"].clone())
        .collect();
    assert_eq!(weeks, [json!("2026-W47"), json!("2026-W46")]);
    assert!(
        fc.ok(&["review", "show", "2026-W47"])
            .contains("1. Coffee with Marcus (kept)")
    );

    fc.ok(&["review", "remove", "2026-W46"]);
    fc.fails(&["review", "show", "2026-W46"], 1);
    assert_eq!(fc.json(&["review", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn settings_show_and_set() {
    let fc = Fc::new();
    let s = fc.json(&["settings", "show"]);
    assert_eq!(s["cadence"]["manage_closely"], 14);
    assert_eq!(s["momentum_window_days"], 90);
    fc.ok(&[
        "settings",
        "set",
        "--me",
        "Alex Rivera",
        "--target-role",
        "Head of Product",
        "--cadence-manage-closely",
        "10d",
        "--cadence-monitor",
        "2m",
        "--momentum-window",
        "60",
    ]);
    let s = fc.json(&["settings", "show"]);
    assert_eq!(s["me"], "Alex Rivera");
    assert_eq!(s["target_role"], "Head of Product");
    assert_eq!(s["cadence"]["manage_closely"], 10);
    assert_eq!(s["cadence"]["monitor"], 60);
    assert_eq!(s["momentum_window_days"], 60);
    // The default cadence follows the settings.
    fc.person("Dana Kim", &["--influence", "5", "--interest", "5"]);
    assert_eq!(
        fc.json(&["person", "show", "dana"])["effective_cadence_days"],
        10
    );
    fc.ok(&["settings", "set", "--clear", "me"]);
    assert_eq!(fc.json(&["settings", "show"])["me"], json!(null));
}

#[test]
fn demo_loads_the_sample_and_reset_deletes_everything() {
    let fc = Fc::new();
    let out = fc.ok(&["demo"]);
    assert!(out.starts_with("Loaded the sample workspace: "), "{out}");
    let people = fc.json(&["person", "list"]);
    assert!(
        people.as_array().unwrap().len() >= 20,
        "the sample has a realistic cast"
    );
    assert!(
        !fc.json(&["interaction", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(
        !fc.json(&["decision", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let first = people[0]["handle"].as_str().unwrap().to_string();
    assert!(fc.ok(&["person", "list"]).contains(&first));
    fc.ok(&["person", "show", &first]);

    let err = fc.fails(&["demo"], 1);
    assert!(err.contains("--replace"), "{err}");
    fc.ok(&["demo", "--replace"]);
    assert_eq!(
        fc.json(&["person", "list"]).as_array().unwrap().len(),
        people.as_array().unwrap().len()
    );

    fc.fails(&["reset"], 2);
    let out = fc.ok(&["reset", "--yes"]);
    assert!(out.starts_with("Deleted everything: "), "{out}");
    assert_eq!(fc.json(&["person", "list"]), json!([]));
    assert_eq!(fc.json(&["interaction", "list", "--all"]), json!([]));
}

#[test]
fn where_the_data_lives() {
    let fc = Fc::new();
    let out = fc.ok(&["where"]);
    assert_eq!(out.trim(), fc.db.display().to_string());

    // The environment variable when there is no flag.
    let other = fc.dir.path().join("other.db");
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_fanclub"))
            .args(args)
            .env("FANCLUB_DATABASE_URL", &other)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run(&["where"]).trim(), other.display().to_string());
    run(&["person", "add", "Dana Kim"]);
    assert!(run(&["person", "list"]).contains("dana-kim"));
    assert!(other.exists());
    // The flag beats the environment.
    assert!(!fc.ok(&["person", "list"]).contains("dana-kim"));

    // A URL is shown without its password.
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_fanclub"))
        .args([
            "where",
            "--json",
            "--db",
            "postgres://alex:s3cret@db.example.com/fanclub",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["location"], "postgres://alex:***@db.example.com/fanclub");
    assert_eq!(v["source"], "flag");

    // With neither, the platform data directory.
    let home = fc.dir.path().join("home");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_fanclub"))
        .arg("where")
        .env_remove("FANCLUB_DATABASE_URL")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        printed.trim(),
        home.join("data")
            .join("fanclub")
            .join("fanclub.db")
            .display()
            .to_string()
    );
    assert!(
        home.join("data").join("fanclub").is_dir(),
        "the data directory is created"
    );
}

#[test]
fn json_write_output_is_the_record() {
    let fc = Fc::new();
    let v = fc.json(&["goal", "add", "Retention", "--period", "2027"]);
    assert!(v["id"].as_i64().unwrap() > 0);
    assert_eq!(v["title"], "Retention");
    assert_eq!(v["period"], "2027");
    assert_eq!(v["description"], json!(null));
}

/// Every command leaves its writes in the database file itself, none in a `-wal` file
/// beside it: a member who copies `fanclub.db` alone as a backup copies everything.
#[test]
fn the_database_file_alone_holds_every_write() {
    let fc = Fc::new();
    fc.ok(&["demo"]);
    fc.person("Ann Example", &["--org", "Acme"]);
    let wal = fc.db.with_extension("db-wal");
    let left = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(left, 0, "{} still holds {left} bytes", wal.display());

    let copy = Fc::new();
    std::fs::copy(&fc.db, &copy.db).unwrap();
    assert_eq!(copy.state(), fc.state());
    let people = copy.json(&["person", "list"]);
    assert!(people.to_string().contains("Ann Example"), "{people}");
}

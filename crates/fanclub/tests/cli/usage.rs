//! Bad input: exit code 2 with a message naming the field, the value and what is accepted,
//! and nothing written.

use crate::support::Fc;

#[test]
fn invalid_values_are_refused_before_anything_is_written() {
    let fc = Fc::new();
    fc.person("Dana Kim", &[]);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["person", "add", "Sam", "--influence", "7"],
            "influence",
            "from 1 to 5",
        ),
        (
            &["person", "add", "Sam", "--interest", "0"],
            "interest",
            "from 1 to 5",
        ),
        (&["person", "add", "   "], "name", "non-empty"),
        (
            &["person", "add", "Sam", "--circle", "galaxy"],
            "circle",
            "team, company, outside",
        ),
        (
            &["person", "add", "Sam", "--relation", "boss"],
            "relation",
            "skip-level",
        ),
        (
            &["person", "add", "Sam", "--stance", "fan"],
            "stance",
            "advocate",
        ),
        (
            &["person", "add", "Sam", "--since", "2024-13-40"],
            "date",
            "YYYY-MM-DD",
        ),
        (
            &["person", "add", "Sam", "--email", "sam"],
            "email",
            "dana@example.com",
        ),
        (
            &["person", "add", "Sam", "--cadence", "soon"],
            "cadence",
            "3w",
        ),
        (
            &["person", "add", "Sam", "--handle", "Sam!"],
            "handle",
            "lowercase",
        ),
        (
            &["person", "add", "Sam", "--birthday", "--13-01"],
            "birthday",
            "--MM-DD",
        ),
        (
            &["person", "edit", "dana", "--influence", "9"],
            "influence",
            "from 1 to 5",
        ),
        (
            &["person", "edit", "dana", "--name", ""],
            "name",
            "non-empty",
        ),
        (&["person", "stance", "dana", "hero"], "stance", "sponsor"),
        (
            &[
                "person",
                "trust",
                "dana",
                "--credibility",
                "11",
                "--reliability",
                "5",
                "--intimacy",
                "5",
                "--self-orientation",
                "5",
            ],
            "trust factor",
            "from 1 to 10",
        ),
        (
            &["log", "Coffee", "--with", "dana", "--kind", "party"],
            "kind",
            "1:1, meeting, coffee",
        ),
        (
            &["log", "Coffee", "--with", "dana", "--on", "2023-02-29"],
            "date",
            "YYYY-MM-DD",
        ),
        (&["log", "", "--with", "dana"], "summary", "non-empty"),
        (
            &["log", "Coffee", "--with", "dana", "--with", "dana"],
            "with",
            "each person once",
        ),
        (
            &[
                "interaction",
                "add",
                "--with",
                "dana",
                "--kind",
                "coffee",
                "--summary",
                "x",
                "--due",
                "2026-01-01",
            ],
            "--follow-up",
            "--due",
        ),
        (
            &["interaction", "show", "abc"],
            "id",
            "positive whole number",
        ),
        (
            &["connection", "add", "dana", "dana", "--strength", "6"],
            "strength",
            "from 1 to 5",
        ),
        (
            &["win", "add", "Launch", "--kind", "party"],
            "kind",
            "release",
        ),
        (
            &["win", "add", "Launch", "--on", "yesterday"],
            "date",
            "YYYY-MM-DD",
        ),
        (
            &[
                "evidence",
                "add",
                "--track",
                "strategy",
                "--summary",
                "x",
                "--strength",
                "rumoured",
            ],
            "strength",
            "claimed, witnessed, endorsed",
        ),
        (
            &["evidence", "add", "--track", "Bad Track!", "--summary", "x"],
            "track",
            "lowercase",
        ),
        (
            &[
                "perception",
                "add",
                "dana",
                "--description",
                "x",
                "--status",
                "closed",
            ],
            "status",
            "open, in-progress, resolved",
        ),
        (
            &["opportunity", "add", "Pricing", "--kind", "gig"],
            "kind",
            "project, role",
        ),
        (
            &[
                "decision",
                "add",
                "Promo",
                "--kind",
                "promotion",
                "--on",
                "2026-02-30",
            ],
            "date",
            "YYYY-MM-DD",
        ),
        (&["review", "add", "--week", "2026-W54"], "week", "2026-W47"),
        (&["review", "add", "--kept", "1"], "kept", "no commitments"),
        (
            &["settings", "set", "--cadence-monitor", "0"],
            "cadence",
            "730",
        ),
        (
            &["settings", "set", "--momentum-window", "2"],
            "momentum window",
            "7 to 730",
        ),
        (
            &["framework", "track", "strategy", "--target", "5"],
            "level",
            "from 0 to 4",
        ),
    ];
    for (args, field, accepted) in cases {
        let err = fc.refused(args, 2, field);
        assert!(
            err.contains(accepted),
            "fanclub {args:?} should say what is accepted ({accepted:?}):\n{err}"
        );
    }
}

#[test]
fn usage_errors_from_clap_exit_2() {
    let fc = Fc::new();
    fc.refused(&["person", "add"], 2, "NAME");
    fc.refused(&["log", "Coffee"], 2, "--with");
    fc.refused(&["dance"], 2, "dance");
    // Help is not an error.
    let help = fc.ok(&["person", "add", "--help"]);
    assert!(
        help.contains("Examples:") && help.contains("--influence"),
        "{help}"
    );
    assert!(fc.ok(&["--help"]).contains("fanclub demo"));
}

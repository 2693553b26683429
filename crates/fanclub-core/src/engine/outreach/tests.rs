//! Unit tests: each kind of rule, the spans (with accents and emoji), score and verdict.
//! The labelled corpus runs in the crate's integration tests.

use proptest::prelude::*;

use super::*;

fn finding<'a>(report: &'a OutreachReport, rule: &str) -> Option<&'a Finding> {
    report.findings.iter().find(|f| f.rule == rule)
}

fn spanned<'a>(text: &'a str, f: &Finding) -> Vec<&'a str> {
    f.spans.iter().map(|s| s.text(text).unwrap()).collect()
}

const GOOD: &str = "Hi Maya, Priya Natarajan suggested I reach out: she said you ran the pricing \
    migration at Lumen when you moved every plan to usage-based billing. I'm a PM on a \
    similar move at Fernway, and I'm curious how you kept existing customers from churning \
    during the switch, and what you would do differently now. Your post on grandfathering \
    old plans is the clearest thing I've read on it. Would you be open to a 20-minute call \
    in the next few weeks? Happy to share what we learn from our own rollout in return.";

#[test]
fn a_good_message_is_ready_and_says_why() {
    let report = check_message(GOOD);
    assert_eq!(report.verdict, Verdict::Ready, "{report:#?}");
    assert!(report.fired().is_empty(), "{:?}", report.fired());
    assert!(report.score >= 90);
    let connection = finding(&report, "connection").unwrap();
    assert_eq!(connection.severity, Severity::Good);
    assert_eq!(
        spanned(GOOD, connection),
        vec!["suggested I reach out", "said you ran", "Your post on"]
    );
    assert!(connection.message.contains("suggested I reach out"));
}

#[test]
fn a_missing_part_points_at_the_opening_line() {
    let text = "\n\n   Hello there!   \nI am a product manager. I would like to talk. Thanks.";
    let report = check_message(text);
    let connection = finding(&report, "connection").unwrap();
    assert!(connection.missing);
    assert_eq!(connection.severity, Severity::Problem);
    assert_eq!(spanned(text, connection), vec!["Hello there!"]);
    assert!(connection.fix.is_some());
}

#[test]
fn an_ask_of_a_stranger_points_at_every_ask_and_forces_a_rewrite() {
    let text = "Hi Tom, we met at the Berlin product meetup. Could you refer me for the open \
        role on your team? My resume is attached.";
    let report = check_message(text);
    assert_eq!(report.verdict, Verdict::Rewrite);
    let ask = finding(&report, "cold-ask").unwrap();
    assert_eq!(ask.severity, Severity::Problem);
    assert_eq!(
        spanned(text, ask),
        vec!["Could you refer", "open role", "My resume is attached"]
    );
    assert!(ask.message.contains("Could you refer"), "{}", ask.message);
}

#[test]
fn the_pronoun_ratio_has_three_outcomes_and_a_floor() {
    let mostly_me =
        "I am a PM and I run my team. I think my work is great and I want my next step.";
    let r = check_message(mostly_me);
    let f = finding(&r, "about-them").unwrap();
    assert_eq!(f.severity, Severity::Problem);
    assert!(f.message.contains("0 you/your"), "{}", f.message);
    assert_eq!(f.spans.len(), 7, "every I/me/my is pointed at");

    let leaning =
        "I saw your post. I run a team and I wonder how you did it. I liked my chat with Ana.";
    let f = finding(&check_message(leaning), "about-them")
        .cloned()
        .unwrap();
    assert_eq!(f.severity, Severity::Suggestion, "{}", f.message);

    let them = "You’re the one who shipped it: how did your team decide, and what would you change? I wonder.";
    let f = finding(&check_message(them), "about-them")
        .cloned()
        .unwrap();
    assert_eq!(
        f.severity,
        Severity::Good,
        "curly apostrophes count too: {}",
        f.message
    );

    assert!(finding(&check_message("Hello. Nice weather today."), "about-them").is_none());
}

#[test]
fn word_bands_and_the_excess_span() {
    let short = check_message("Hi! Quick question about your roadmap?");
    let f = finding(&short, "length").unwrap();
    assert_eq!(f.severity, Severity::Problem);
    assert_eq!(short.word_count, 6);

    let long_text = "word ".repeat(200);
    let long = check_message(&long_text);
    let f = finding(&long, "length").unwrap();
    assert_eq!(f.severity, Severity::Suggestion);
    assert_eq!(
        f.spans,
        vec![Span {
            start: 170 * 5,
            end: long_text.trim_end().len()
        }]
    );

    let too_long = check_message(&"word ".repeat(300));
    assert_eq!(
        finding(&too_long, "length").unwrap().severity,
        Severity::Problem
    );

    let ok = check_message(&"word ".repeat(100));
    assert_eq!(finding(&ok, "length").unwrap().severity, Severity::Good);
}

#[test]
fn spans_land_on_character_boundaries_in_accented_text_and_emoji() {
    let text = "¡Hola José! 👋🏽 Je t’ai vu — I saw your talk at the Café Produit meetup in Montréal 🇨🇦. \
        I’m curious how you structured the pricing research. Would you be open to a 15-minute chat? Ça marche 😊";
    let report = check_message(text);
    for f in &report.findings {
        for s in &f.spans {
            assert!(s.start <= s.end && s.end <= text.len());
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{f:?}"
            );
        }
    }
    let connection = finding(&report, "connection").unwrap();
    let found = spanned(text, connection);
    assert!(found.contains(&"saw your talk"), "{found:?}");
    assert!(
        found.iter().any(|s| s.ends_with("Café Produit meetup")),
        "{found:?}"
    );
    let curiosity = finding(&report, "curiosity").unwrap();
    // Matches do not overlap: "how you structured" is inside the first one's reach.
    assert_eq!(spanned(text, curiosity), vec!["curious how"]);
    // Emoji are not words; accented words are one word each.
    assert_eq!(check_message("José 👋 Montréal").word_count, 2);
}

#[test]
fn a_blank_text_is_a_problem_without_spans() {
    for text in ["", "   \n\t "] {
        let report = check_message(text);
        assert_eq!(report.word_count, 0);
        assert_eq!(report.verdict, Verdict::Rewrite);
        assert!(
            report.findings.iter().all(|f| f.spans.is_empty()),
            "{report:?}"
        );
    }
}

#[test]
fn findings_are_ordered_problems_first() {
    let report = check_message("Hi, are you hiring? I need an answer ASAP.");
    let severities: Vec<Severity> = report.findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert!(report.fired().contains(&"pushy") && report.fired().contains(&"cold-ask"));
}

#[test]
fn the_catalogue_lists_every_rule_once() {
    let rules = rule_catalogue();
    let mut ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(rules.iter().any(|r| r.id == "cold-ask" && r.blocking));
}

#[test]
fn the_report_serialises_as_documented() {
    let json = serde_json::to_value(check_message(GOOD)).unwrap();
    assert_eq!(json["verdict"], "ready");
    let first = &json["findings"][0];
    for key in ["rule", "severity", "message", "fix", "spans", "missing"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    assert!(json["findings"][0]["spans"][0]["start"].is_u64());
    assert!(json["word_count"].is_u64() && json["score"].is_u64());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever the input, the check does not panic and every span is a valid slice.
    #[test]
    fn never_panics_and_spans_are_valid(text in "\\PC{0,400}") {
        let report = check_message(&text);
        prop_assert!(report.score <= 100);
        for f in &report.findings {
            for s in &f.spans {
                prop_assert!(s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }

    /// The same, on text made of the rules' own vocabulary, where most rules fire.
    #[test]
    fn spans_stay_valid_on_rule_vocabulary(
        parts in proptest::collection::vec(
            prop::sample::select(vec![
                "I saw your talk", "could you refer me", "é", "👋", "\n", " ", "curious how",
                "you’re", "I'm", "ASAP", "20-minute", "résumé attached", "why", "José", "—",
            ]),
            0..60,
        )
    ) {
        let text: String = parts.concat();
        let report = check_message(&text);
        for f in &report.findings {
            for s in &f.spans {
                prop_assert!(text.get(s.start..s.end).is_some(), "{:?} in {:?}", s, text);
            }
        }
    }
}

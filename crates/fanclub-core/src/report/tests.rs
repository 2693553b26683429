use super::*;
use crate::sample::{MEMBER, sample_workspace};

fn today() -> Day {
    Day::parse("2026-03-01").unwrap()
}

#[test]
fn every_win_appears_under_each_of_its_goals_and_none_is_lost() {
    let ws = sample_workspace(today());
    let p = packet(&ws, today());
    assert_eq!(p.goals.len(), ws.goals.len());
    for w in &ws.wins {
        for g in &w.goals {
            let goal = ws.goals.iter().find(|x| x.id == *g).unwrap();
            let section = p
                .goals
                .iter()
                .find(|s| s.heading == goal.title.as_str())
                .unwrap();
            assert!(
                section.wins.iter().any(|e| e.title == w.title.as_str()),
                "{} missing under {}",
                w.title,
                goal.title
            );
        }
        if w.goals.is_empty() {
            assert!(p.unlinked.iter().any(|e| e.title == w.title.as_str()));
        }
    }
    let with_impact = ws.wins.iter().filter(|w| w.impact.is_some()).count();
    let stated = p
        .goals
        .iter()
        .flat_map(|s| &s.wins)
        .chain(&p.unlinked)
        .filter(|w| w.impact.as_deref().is_some_and(|i| i.contains('→')))
        .count();
    assert!(
        with_impact > 0 && stated > 0,
        "impacts are stated before → after"
    );
}

#[test]
fn each_track_appears_with_its_strongest_evidence_and_gaps() {
    let ws = sample_workspace(today());
    let p = packet(&ws, today());
    let names: Vec<&str> = p.tracks.iter().map(|t| t.name.as_str()).collect();
    let expected: Vec<&str> = ws
        .framework
        .tracks
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, expected);
    assert!(p.tracks.iter().any(|t| !t.strongest.is_empty()));
    assert!(
        p.tracks.iter().any(|t| !t.gaps.is_empty()),
        "the weak track shows a gap"
    );
    for t in &p.tracks {
        assert!(t.strongest.len() <= 3 && t.strongest.len() <= t.evidence_count);
    }
}

#[test]
fn vouchers_are_the_people_who_endorsed_witnessed_or_know() {
    let ws = sample_workspace(today());
    let p = packet(&ws, today());
    for e in ws
        .evidence
        .iter()
        .filter(|e| e.strength == EvidenceStrength::Endorsed)
    {
        let who = ws.people.iter().find(|x| Some(x.id) == e.person).unwrap();
        let v = p
            .vouchers
            .iter()
            .find(|v| v.person.name == who.name.as_str())
            .unwrap_or_else(|| panic!("{} endorsed but is not named", who.name));
        assert!(v.endorsed.iter().any(|s| s.starts_with(e.summary.as_str())));
    }
    for w in &ws.wins {
        for s in &w.shares {
            let who = ws.people.iter().find(|x| x.id == s.person).unwrap();
            let v = p
                .vouchers
                .iter()
                .find(|v| v.person.name == who.name.as_str())
                .unwrap();
            assert!(v.knows.iter().any(|k| k == w.title.as_str()));
        }
    }
    let ranks: Vec<_> = p
        .vouchers
        .iter()
        .map(|v| std::cmp::Reverse(v.person.stance))
        .collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "strongest stance first"
    );
    let md = markdown::packet(&p);
    assert!(md.contains(&format!("**{}**", p.vouchers[0].person.name)));
    assert!(md.contains(MEMBER));
}

#[test]
fn the_brag_document_groups_by_goal_or_by_month() {
    let ws = sample_workspace(today());
    let by_goal = brag(&ws, Grouping::Goal, today());
    let by_month = brag(&ws, Grouping::Month, today());
    let total = |b: &Brag| b.sections.iter().map(|s| s.wins.len()).sum::<usize>();
    assert_eq!(total(&by_month), ws.wins.len());
    assert!(total(&by_goal) >= ws.wins.len());
    for w in &ws.wins {
        let month = w.on.date().format("%B %Y").to_string();
        let s = by_month
            .sections
            .iter()
            .find(|s| s.heading == month)
            .unwrap();
        assert!(s.wins.iter().any(|e| e.title == w.title.as_str()));
    }
    let md = markdown::brag(&by_goal);
    for w in &ws.wins {
        assert!(
            md.contains(&markdown::escape(w.title.as_str())),
            "{}",
            w.title
        );
    }
}

#[test]
fn hostile_text_is_shown_as_written() {
    assert_eq!(
        markdown::escape("*bold* [x](http://e.vil) <b>"),
        "\\*bold\\* \\[x\\](http://e.vil) \\<b\\>"
    );
    assert_eq!(markdown::escape("# not a heading"), "\\# not a heading");
    assert_eq!(markdown::escape("- not a list"), "\\- not a list");
    assert_eq!(markdown::escape("1. not a list"), "1\\. not a list");
    assert_eq!(markdown::escape("two\nlines"), "two lines");

    let mut ws = sample_workspace(today());
    ws.wins[0].value.description = Some("<script>alert(1)</script>\n# Heading".into());
    ws.wins[0].value.title = crate::Title::parse("Shipped *everything* | fast").unwrap();
    let md = markdown::brag(&brag(&ws, Grouping::Month, today()));
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(md.contains("\n\\# Heading"), "{md}");
    assert!(md.contains("Shipped \\*everything\\* \\| fast"), "{md}");
    assert!(!md.contains("<script>"));
}

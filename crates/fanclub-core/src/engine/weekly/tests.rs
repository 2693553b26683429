//! Tests of `weekly`.

use super::*;
use crate::engine::fixtures::*;
use crate::{InteractionKind, ReviewId, RoomRole};

const TODAY: &str = "2026-03-04"; // a Wednesday of 2026-W10

fn week() -> IsoWeek {
    IsoWeek::parse("2026-W10").unwrap()
}

fn review(w: &str, next: &[&str]) -> Record<WeeklyReview> {
    Record::new(
        ReviewId::from_raw(1),
        WeeklyReview {
            week: IsoWeek::parse(w).unwrap(),
            agenda: serde_json::Value::Null,
            last_week: Vec::new(),
            wins: None,
            learned: None,
            helped: None,
            next_week: next.iter().map(|s| (*s).to_string()).collect(),
            saved_on: day("2026-02-27"),
        },
    )
}

fn interaction(
    id: i64,
    on: &str,
    with: i64,
    follow: Option<(&str, Option<&str>)>,
    done: bool,
) -> Record<Interaction> {
    let mut i = Interaction::new(
        day(on),
        InteractionKind::Coffee,
        title(&format!("Coffee {id}")),
        vec![pid(with)],
    );
    if let Some((text, due)) = follow {
        i.follow_up = Some(text.into());
        i.follow_up_due = due.map(day);
    }
    i.follow_up_done = done;
    Record::new(InteractionId::from_raw(id), i)
}

fn perception(
    id: i64,
    person: i64,
    on: &str,
    gap: Option<&str>,
    status: PerceptionStatus,
) -> Record<PerceptionCheck> {
    Record::new(
        PerceptionId::from_raw(id),
        PerceptionCheck {
            person: pid(person),
            on: day(on),
            description: "Runs the roadmap".into(),
            gap: gap.map(Into::into),
            remedy: None,
            status,
        },
    )
}

#[test]
fn a_full_agenda() {
    let people: Vec<_> = (1..=8)
        .map(|i| {
            person(
                i,
                &format!("Person {i}"),
                if i <= 2 { 5 } else { 3 },
                4,
                Stance::Aware,
            )
        })
        .collect();
    let contacts = [contact(1, "2026-03-03")]; // everyone else never contacted
    let decisions = vec![
        decision(
            1,
            "Promotion",
            "2026-04-01",
            &[(1, RoomRole::Decider), (2, RoomRole::Voice)],
        ),
        decision(
            2,
            "Last year's bonus",
            "2025-12-01",
            &[(3, RoomRole::Voice)],
        ),
    ];
    let wins = vec![
        win(1, "New onboarding", "2026-02-20", &[]),
        win(
            2,
            "Told everyone",
            "2026-02-10",
            &[(1, "2026-02-11"), (2, "2026-02-11")],
        ),
        win(3, "Ancient", "2025-01-10", &[]),
    ];
    let perceptions = vec![
        perception(
            1,
            4,
            "2026-02-01",
            Some("thinks I only ship features"),
            PerceptionStatus::Open,
        ),
        perception(
            2,
            5,
            "2026-01-01",
            Some("resolved already"),
            PerceptionStatus::Resolved,
        ),
        perception(3, 6, "2026-01-15", None, PerceptionStatus::Open),
    ];
    let interactions = vec![
        interaction(
            1,
            "2026-02-01",
            1,
            Some(("send the deck", Some("2026-02-10"))),
            false,
        ),
        interaction(
            2,
            "2026-02-20",
            2,
            Some(("intro to Lee", Some("2026-03-10"))),
            false,
        ),
        interaction(3, "2026-01-05", 3, Some(("share notes", None)), false),
        interaction(
            4,
            "2026-02-25",
            4,
            Some(("done already", Some("2026-02-26"))),
            true,
        ),
        interaction(
            5,
            "2026-02-02",
            5,
            Some(("book a demo", Some("2026-02-20"))),
            false,
        ),
        interaction(6, "2026-02-26", 6, None, false),
    ];
    let previous = review(
        "2026-W09",
        &["Coffee with Person 3", "Share the onboarding win"],
    );
    let framework = Framework::default_leadership();
    let settings = Settings::default();
    let inputs = WeekInputs {
        people: &people,
        last_contacts: &contacts,
        decisions: &decisions,
        wins: &wins,
        evidence: &[],
        framework: &framework,
        perceptions: &perceptions,
        interactions: &interactions,
        previous: Some(&previous),
        settings: &settings,
    };
    let a = agenda(week(), &inputs, day(TODAY));

    // Person 1 was seen yesterday; 2 is never contacted, influential and in the room.
    assert_eq!(a.tend_total, 7);
    assert_eq!(a.tend.len(), TEND_LIMIT);
    assert_eq!(a.tend[0].person.id.get(), 2);
    assert!(a.tend.iter().all(|d| d.person.id.get() != 1));

    let shared: Vec<i64> = a.wins_to_share.iter().map(|w| w.win.get()).collect();
    assert_eq!(shared, [1]);

    assert_eq!(a.rooms_at_risk.len(), 1);
    let room = &a.rooms_at_risk[0];
    assert_eq!(room.decision.get(), 1);
    assert!((room.coverage - 0.15).abs() < 1e-9);
    assert_eq!(room.risks, 0);
    assert!(
        room.why
            .starts_with("'Promotion' is in 28 days: coverage 0.15, below 0.5"),
        "{}",
        room.why
    );
    assert!(
        room.first_action
            .as_deref()
            .unwrap()
            .starts_with("Person 1")
    );

    let focus = a.focus.as_ref().unwrap();
    assert_eq!(focus.track.as_str(), "strategy");
    assert!(focus.practice.is_some());
    assert!(
        focus
            .why
            .contains("level 0 (Not yet shown) against a target of 3"),
        "{}",
        focus.why
    );

    assert_eq!(a.perception_gaps.len(), 1);
    assert!(
        a.perception_gaps[0]
            .why
            .contains("\"thinks I only ship features\"")
    );
    assert!(a.perception_gaps[0].why.contains("No remedy yet"));

    let follow: Vec<(i64, bool)> = a
        .follow_ups
        .iter()
        .map(|f| (f.interaction.get(), f.overdue))
        .collect();
    assert_eq!(follow, [(1, true), (5, true), (2, false), (3, false)]);
    assert_eq!(a.follow_ups_total, 4);
    assert!(
        a.follow_ups[0].why.starts_with("Overdue by 22 days"),
        "{}",
        a.follow_ups[0].why
    );
    assert!(
        a.follow_ups[2].why.starts_with("Due in 6 days"),
        "{}",
        a.follow_ups[2].why
    );
    assert!(
        a.follow_ups[3].why.contains("no due date"),
        "{}",
        a.follow_ups[3].why
    );
    assert_eq!(a.follow_ups[0].people[0].name.as_str(), "Person 1");

    let last = a.last_week.as_ref().unwrap();
    assert_eq!(
        last.commitments,
        ["Coffee with Person 3", "Share the onboarding win"]
    );
    assert!(last.why.contains("last week's review"));

    // The agenda round-trips through the JSON a review keeps.
    let r = new_review(week(), &a, Some(&previous), day(TODAY));
    let back: Agenda = serde_json::from_value(r.agenda.clone()).unwrap();
    assert_eq!(back, a);
    assert_eq!(r.last_week.len(), 2);
    assert_eq!(r.last_week[0].text, "Coffee with Person 3");
    assert_eq!(r.last_week[0].kept, None);
    assert!(r.next_week.is_empty());
    assert_eq!(r.saved_on, day(TODAY));
    r.validate().unwrap();
}

#[test]
fn the_latest_earlier_review_supplies_the_commitments() {
    let reviews = vec![
        review("2026-W07", &["old"]),
        review("2026-W08", &["skipped a week after this"]),
        review("2026-W10", &["this week itself"]),
    ];
    let prev = previous_review(&reviews, week()).unwrap();
    assert_eq!(prev.week.to_string(), "2026-W08");
    let framework = Framework::default_leadership();
    let settings = Settings::default();
    let inputs = WeekInputs {
        people: &[],
        last_contacts: &[],
        decisions: &[],
        wins: &[],
        evidence: &[],
        framework: &framework,
        perceptions: &[],
        interactions: &[],
        previous: Some(prev),
        settings: &settings,
    };
    let a = agenda(week(), &inputs, day(TODAY));
    let last = a.last_week.unwrap();
    assert!(last.why.contains("your review of 2026-W08"), "{}", last.why);
    assert!(a.tend.is_empty() && a.rooms_at_risk.is_empty() && a.follow_ups.is_empty());
    assert!(previous_review(&reviews, IsoWeek::parse("2026-W07").unwrap()).is_none());

    let fresh = new_review(
        week(),
        &agenda(
            week(),
            &WeekInputs {
                previous: None,
                ..inputs
            },
            day(TODAY),
        ),
        None,
        day(TODAY),
    );
    assert!(fresh.last_week.is_empty());
    assert_eq!(fresh.agenda["week"], "2026-W10");
}

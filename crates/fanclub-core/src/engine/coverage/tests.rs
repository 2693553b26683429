//! Tests of `coverage`.

use proptest::prelude::*;

use super::*;
use crate::engine::fixtures::*;

fn infl(n: u8) -> Influence {
    Influence::new(i64::from(n)).unwrap()
}

#[test]
fn weights_and_scores() {
    let cases: &[(&[(u8, Stance)], f64)] = &[
        (&[], 0.0),
        (&[(5, Stance::Sponsor)], 1.0),
        (&[(5, Stance::Unknown)], 0.0),
        (&[(4, Stance::Advocate), (4, Stance::Unknown)], 0.425),
        (&[(5, Stance::Sponsor), (5, Stance::Detractor)], 0.25),
        (&[(1, Stance::Sponsor), (5, Stance::Detractor)], 0.0),
        (
            &[(3, Stance::Supporter), (1, Stance::Aware)],
            (1.2 + 0.15) / 4.0,
        ),
    ];
    for (members, expect) in cases {
        let m: Vec<_> = members.iter().map(|(i, s)| (infl(*i), *s)).collect();
        assert!(
            (score(&m) - expect).abs() < 1e-9,
            "{members:?}: {} ≠ {expect}",
            score(&m)
        );
    }
}

fn sample_room() -> (Vec<Record<Person>>, Record<Decision>) {
    let people = vec![
        with_relation(
            person(1, "Mara Lind", 4, 5, Stance::Advocate),
            Relation::Manager,
        ),
        person(2, "Otto Berg", 5, 2, Stance::Detractor),
        person(3, "Ines Roy", 3, 4, Stance::Unknown),
        person(4, "Kai Sato", 5, 5, Stance::Supporter),
        person(5, "Lea Voss", 2, 2, Stance::Aware),
    ];
    let room = decision(
        10,
        "Promotion to Head of Product",
        "2026-04-01",
        &[
            (1, RoomRole::Voice),
            (2, RoomRole::Decider),
            (3, RoomRole::Voice),
            (4, RoomRole::Decider),
            (5, RoomRole::Voice),
        ],
    );
    (people, room)
}

#[test]
fn a_room_with_the_manager_as_only_voice() {
    let (people, room) = sample_room();
    let contacts = [contact(1, "2026-02-28"), contact(4, "2026-01-01")];
    let today = day("2026-03-01");
    let c = super::room(&room, &people, &contacts, &Settings::default(), today);

    // (4·0.85 − 5·0.5 + 0 + 5·0.4 + 2·0.15) / 19
    assert!(
        (c.coverage - round2(3.2 / 19.0)).abs() < 1e-9,
        "{}",
        c.coverage
    );
    assert_eq!(c.days_until, 31);
    let order: Vec<i64> = c.members.iter().map(|m| m.person.id.get()).collect();
    // Kai and Otto tie on influence and role: by name.
    assert_eq!(order, [4, 2, 1, 3, 5]);
    assert_eq!(c.members[2].days_since, Some(1));
    assert_eq!(c.members[1].last_contact, None);
    assert_eq!(c.members[0].days_since, Some(59));

    assert_eq!(c.speakers.len(), 1);
    assert_eq!(c.speakers[0].name.as_str(), "Mara Lind");
    assert_eq!(c.warnings.len(), 1);
    assert_eq!(c.warnings[0].kind, WarningKind::ManagerOnlyVoice);

    let risks: Vec<(i64, Stance)> = c
        .risks
        .iter()
        .map(|r| (r.person.id.get(), r.stance))
        .collect();
    assert_eq!(risks, [(2, Stance::Detractor), (3, Stance::Unknown)]);
    assert!(c.risks[0].why.contains("in 31 days"), "{}", c.risks[0].why);

    // Kai supporter→advocate: 5·0.45 = 2.25; Otto detractor→unknown: 5·0.5 = 2.5;
    // Mara advocate→sponsor: 4·0.15 = 0.6; Ines unknown→aware: 3·0.15 = 0.45.
    let moves: Vec<(i64, Stance)> = c
        .actions
        .iter()
        .map(|a| (a.person.id.get(), a.to))
        .collect();
    assert_eq!(
        moves,
        [
            (2, Stance::Unknown),
            (4, Stance::Advocate),
            (1, Stance::Sponsor)
        ]
    );
    assert!((c.actions[0].gain - round2(2.5 / 19.0)).abs() < 1e-9);
    assert!(c.actions[0].reconnect);
    assert!(
        c.actions[0].why.contains("not logged a contact"),
        "{}",
        c.actions[0].why
    );
    // Kai is a manage-closely person (14 days) last seen 59 days ago.
    assert!(c.actions[1].reconnect);
    assert!(
        c.actions[1].why.contains("last contact 59 days ago"),
        "{}",
        c.actions[1].why
    );
    // Mara was seen yesterday: no reconnect.
    assert!(!c.actions[2].reconnect);
}

#[test]
fn warnings_for_empty_and_silent_rooms() {
    let today = day("2026-03-01");
    let s = Settings::default();
    let empty = decision(1, "Bonus", "2026-05-01", &[]);
    let c = room(&empty, &[], &[], &s, today);
    assert_eq!(c.coverage, 0.0);
    assert_eq!(c.warnings[0].kind, WarningKind::EmptyRoom);
    assert!(c.actions.is_empty());

    let people = [person(1, "Ann", 3, 3, Stance::Supporter)];
    let silent = decision(
        2,
        "Staffing",
        "2026-05-01",
        &[(1, RoomRole::Decider), (9, RoomRole::Voice)],
    );
    let c = room(&silent, &people, &[], &s, today);
    let kinds: Vec<WarningKind> = c.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::MissingPerson, WarningKind::NoOneSpeaks]
    );
    assert_eq!(c.members.len(), 1);
}

#[test]
fn a_second_advocate_lifts_the_manager_warning() {
    let people = [
        with_relation(person(1, "Boss", 4, 4, Stance::Advocate), Relation::Manager),
        person(2, "Peer", 3, 3, Stance::Sponsor),
    ];
    let d = decision(
        1,
        "Promo",
        "2026-05-01",
        &[(1, RoomRole::Decider), (2, RoomRole::Voice)],
    );
    let c = room(&d, &people, &[], &Settings::default(), day("2026-03-01"));
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(c.speakers.len(), 2);
}

fn stance_strategy() -> impl Strategy<Value = Stance> {
    (0usize..6).prop_map(|i| Stance::ALL[i])
}

#[test]
fn holds_at_benchmark_size() {
    let w = large(10_000);
    let out = rooms(
        &w.decisions,
        &w.people,
        &w.contacts,
        &Settings::default(),
        w.today,
    );
    assert_eq!(out.len(), 100);
    assert!(
        out.iter()
            .all(|r| r.members.len() == 8 && (0.0..=1.0).contains(&r.coverage))
    );
}

proptest! {
    #[test]
    fn coverage_stays_within_bounds(members in prop::collection::vec((1u8..=5, stance_strategy()), 0..12)) {
        let m: Vec<_> = members.iter().map(|(i, s)| (infl(*i), *s)).collect();
        let c = score(&m);
        prop_assert!((0.0..=1.0).contains(&c));
    }

    #[test]
    fn raising_one_stance_never_lowers_coverage(
        members in prop::collection::vec((1u8..=5, stance_strategy()), 1..12),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut m: Vec<_> = members.iter().map(|(i, s)| (infl(*i), *s)).collect();
        let before = score(&m);
        let i = pick.index(m.len());
        if let Some(up) = next_rung(m[i].1) {
            m[i].1 = up;
            prop_assert!(score(&m) >= before);
        }
    }

    #[test]
    fn a_high_influence_detractor_is_the_first_risk(
        others in prop::collection::vec((1u8..=4, stance_strategy()), 0..10),
        at in any::<prop::sample::Index>(),
    ) {
        let mut people: Vec<Record<Person>> = others
            .iter()
            .enumerate()
            .map(|(k, (i, s))| person(k as i64 + 1, &format!("P{k}"), *i, 3, *s))
            .collect();
        let pos = at.index(people.len() + 1);
        people.insert(pos, person(100, "Zed", 5, 3, Stance::Detractor));
        let seats: Vec<(i64, RoomRole)> = people.iter().map(|p| (p.id.get(), RoomRole::Voice)).collect();
        let d = decision(1, "Promo", "2026-05-01", &seats);
        let c = room(&d, &people, &[], &Settings::default(), day("2026-03-01"));
        prop_assert_eq!(c.risks[0].person.id.get(), 100);
        prop_assert!((0.0..=1.0).contains(&c.coverage));
    }
}

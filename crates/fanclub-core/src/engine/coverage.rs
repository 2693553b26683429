//! Room coverage: for each decision about me, who in the room will speak for me, who is
//! unknown or against, and the few moves that would raise my cover most.
//!
//! # Formula
//!
//! Each stance on the ladder carries a weight: detractor −0.5, unknown 0, aware 0.15,
//! supporter 0.4, advocate 0.85, sponsor 1. Coverage is the influence-weighted mean of
//! those weights, clamped to 0..=1:
//!
//! ```text
//! coverage = clamp( Σ influence·weight(stance) / Σ influence·weight(sponsor), 0, 1 )
//! ```
//!
//! So a room of sponsors is 1, a room of strangers is 0, and a detractor pulls the room
//! down by half of what an equally influential sponsor adds. The largest step of the
//! ladder (supporter → advocate, +0.45) is the one that makes someone speak up unprompted,
//! which is what the room needs; neutralising a detractor (+0.5) is the only larger one.
//!
//! **Actions** simulate moving each member one rung up and rank the moves by the gain in
//! the *unclamped* score (influence · Δweight / Σ influence), so a room that is net against
//! me still gets ranked actions; ties go to the more influential person. Each action says
//! how to climb that rung and, when the member is past their keep-in-touch cadence (or
//! was never contacted), to reconnect first.
//!
//! **Risks** are the unknown and detractor members, most influential first; at equal
//! influence a detractor comes before an unknown and a decider before a voice.
//!
//! **Warnings**: an empty room, a room where no one speaks for me, and a room where my
//! manager is the only one who does (a committee discounts a nomination no one else backs).

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::{
    PersonRef, ago, ahead, cadence_of, contacts_by_person, days_since, people_by_id, round2,
};
use crate::store::LastContact;
use crate::{
    Day, Decision, DecisionId, DecisionKind, Influence, Person, PersonId, Record, Relation,
    RoomRole, Settings, Stance, Title,
};

/// How much a member at this stance adds to my cover (see the module doc).
pub fn stance_weight(stance: Stance) -> f64 {
    match stance {
        Stance::Detractor => -0.5,
        Stance::Unknown => 0.0,
        Stance::Aware => 0.15,
        Stance::Supporter => 0.4,
        Stance::Advocate => 0.85,
        Stance::Sponsor => 1.0,
    }
}

/// The influence-weighted coverage of a room, before clamping (may be negative).
fn raw_score(members: &[(Influence, Stance)]) -> f64 {
    let total: f64 = members.iter().map(|(i, _)| f64::from(i.get())).sum();
    if total == 0.0 {
        return 0.0;
    }
    let weighted: f64 = members
        .iter()
        .map(|(i, s)| f64::from(i.get()) * stance_weight(*s))
        .sum();
    weighted / (total * stance_weight(Stance::Sponsor))
}

/// Coverage of a room from its members' influence and stance, in 0..=1. An empty room
/// has no cover.
pub fn score(members: &[(Influence, Stance)]) -> f64 {
    raw_score(members).clamp(0.0, 1.0)
}

/// The next rung up the ladder, if any.
pub fn next_rung(stance: Stance) -> Option<Stance> {
    let i = Stance::ALL.iter().position(|s| *s == stance)?;
    Stance::ALL.get(i + 1).copied()
}

/// One decision's room, as the member should see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomCoverage {
    pub decision: DecisionId,
    pub title: Title,
    pub kind: DecisionKind,
    pub on: Day,
    /// Days from today to the decision (negative once it is past).
    pub days_until: i64,
    /// 0..=1, see the module doc.
    pub coverage: f64,
    /// Most influential first.
    pub members: Vec<RoomMember>,
    /// Members whose stance is advocate or sponsor.
    pub speakers: Vec<PersonRef>,
    pub risks: Vec<RoomRisk>,
    pub warnings: Vec<RoomWarning>,
    /// At most three, the largest gain first.
    pub actions: Vec<RoomAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomMember {
    pub person: PersonRef,
    pub stance: Stance,
    pub influence: Influence,
    pub role: RoomRole,
    pub relation: Relation,
    pub last_contact: Option<Day>,
    pub days_since: Option<i64>,
    /// The trust equation's score, when the factors are rated.
    pub trust: Option<f64>,
    pub speaks_for_me: bool,
}

/// A member who is unknown or against me.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomRisk {
    pub person: PersonRef,
    pub stance: Stance,
    pub influence: Influence,
    pub role: RoomRole,
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// Nobody is seated yet.
    EmptyRoom,
    /// Nobody in the room is an advocate or sponsor.
    NoOneSpeaks,
    /// My manager is the only advocate in the room.
    ManagerOnlyVoice,
    /// A seat names someone who is not among the people given.
    MissingPerson,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomWarning {
    pub kind: WarningKind,
    pub message: String,
}

/// Moving one member one rung up the ladder, and what it would do for the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomAction {
    pub person: PersonRef,
    pub from: Stance,
    pub to: Stance,
    /// Gain in coverage (on the unclamped score), two decimals.
    pub gain: f64,
    /// Past their keep-in-touch cadence, or never contacted.
    pub reconnect: bool,
    pub why: String,
}

/// Coverage of every given decision's room, in the order given. Pass upcoming decisions
/// only when the past ones do not matter to the caller.
pub fn rooms(
    decisions: &[Record<Decision>],
    people: &[Record<Person>],
    last_contacts: &[LastContact],
    settings: &Settings,
    today: Day,
) -> Vec<RoomCoverage> {
    let people = people_by_id(people);
    let contacts = contacts_by_person(last_contacts);
    decisions
        .iter()
        .map(|d| room_with(d, &people, &contacts, settings, today))
        .collect()
}

/// Coverage of one decision's room.
pub fn room(
    decision: &Record<Decision>,
    people: &[Record<Person>],
    last_contacts: &[LastContact],
    settings: &Settings,
    today: Day,
) -> RoomCoverage {
    rooms(
        std::slice::from_ref(decision),
        people,
        last_contacts,
        settings,
        today,
    )
    .remove(0)
}

fn room_with(
    decision: &Record<Decision>,
    people: &HashMap<PersonId, &Record<Person>>,
    contacts: &HashMap<PersonId, Day>,
    settings: &Settings,
    today: Day,
) -> RoomCoverage {
    let mut warnings = Vec::new();
    let mut seated: Vec<(&Record<Person>, RoomRole)> = Vec::with_capacity(decision.room.len());
    for seat in &decision.room {
        match people.get(&seat.person) {
            Some(p) => seated.push((p, seat.role)),
            None => warnings.push(RoomWarning {
                kind: WarningKind::MissingPerson,
                message: format!(
                    "Seat for person #{} names no one on your list; it is left out of coverage.",
                    seat.person
                ),
            }),
        }
    }
    // Most influential first; deciders before voices; then by name for a stable order.
    seated.sort_by(|(a, ra), (b, rb)| {
        (Reverse(a.influence), role_rank(*ra), &a.name).cmp(&(
            Reverse(b.influence),
            role_rank(*rb),
            &b.name,
        ))
    });

    let scores: Vec<(Influence, Stance)> = seated
        .iter()
        .map(|(p, _)| (p.influence, p.stance))
        .collect();
    let total_influence: f64 = scores.iter().map(|(i, _)| f64::from(i.get())).sum();

    let members: Vec<RoomMember> = seated
        .iter()
        .map(|(p, role)| {
            let last = contacts.get(&p.id).copied();
            RoomMember {
                person: PersonRef::of(p),
                stance: p.stance,
                influence: p.influence,
                role: *role,
                relation: p.relation,
                last_contact: last,
                days_since: last.map(|d| days_since(d, today)),
                trust: p.trust.map(|t| round2(t.score())),
                speaks_for_me: p.stance.speaks_for_me(),
            }
        })
        .collect();

    let speakers: Vec<PersonRef> = members
        .iter()
        .filter(|m| m.speaks_for_me)
        .map(|m| m.person.clone())
        .collect();

    if seated.is_empty() {
        warnings.push(RoomWarning {
            kind: WarningKind::EmptyRoom,
            message: "No one is in this room yet: add who decides and who has a voice.".to_string(),
        });
    } else if speakers.is_empty() {
        warnings.push(RoomWarning {
            kind: WarningKind::NoOneSpeaks,
            message: "No one in this room speaks for you yet: the decision will be taken on \
                      what others happen to remember."
                .to_string(),
        });
    } else if members
        .iter()
        .filter(|m| m.speaks_for_me)
        .all(|m| m.relation == Relation::Manager)
    {
        warnings.push(RoomWarning {
            kind: WarningKind::ManagerOnlyVoice,
            message: "Your manager is the only one in this room who speaks for you: a \
                      committee gives little weight to a nomination no one else backs. Win a \
                      second voice."
                .to_string(),
        });
    }

    let days_until = today.days_until(decision.on);
    let risks = risks_of(&seated, days_until);
    let actions = actions_of(&seated, total_influence, contacts, settings, today);

    RoomCoverage {
        decision: decision.id,
        title: decision.title.clone(),
        kind: decision.kind,
        on: decision.on,
        days_until,
        coverage: round2(score(&scores)),
        members,
        speakers,
        risks,
        warnings,
        actions,
    }
}

fn role_rank(role: RoomRole) -> u8 {
    match role {
        RoomRole::Decider => 0,
        RoomRole::Voice => 1,
    }
}

fn risks_of(seated: &[(&Record<Person>, RoomRole)], days_until: i64) -> Vec<RoomRisk> {
    let mut risky: Vec<&(&Record<Person>, RoomRole)> = seated
        .iter()
        .filter(|(p, _)| p.stance <= Stance::Unknown)
        .collect();
    risky.sort_by(|(a, ra), (b, rb)| {
        (Reverse(a.influence), a.stance, role_rank(*ra), &a.name).cmp(&(
            Reverse(b.influence),
            b.stance,
            role_rank(*rb),
            &b.name,
        ))
    });
    let when = if days_until >= 0 {
        format!(" before the decision ({})", ahead(days_until))
    } else {
        String::new()
    };
    risky
        .into_iter()
        .map(|(p, role)| {
            let why = if p.stance == Stance::Detractor {
                format!(
                    "Against you, with influence {} as {}: find out what they doubt{when}.",
                    p.influence,
                    role_word(*role)
                )
            } else {
                format!(
                    "Does not know your work, with influence {} as {}: they will judge you on \
                     what others say unless you get in touch{when}.",
                    p.influence,
                    role_word(*role)
                )
            };
            RoomRisk {
                person: PersonRef::of(p),
                stance: p.stance,
                influence: p.influence,
                role: *role,
                why,
            }
        })
        .collect()
}

fn role_word(role: RoomRole) -> &'static str {
    match role {
        RoomRole::Decider => "a decider",
        RoomRole::Voice => "a voice",
    }
}

/// How to climb from `from` to the next rung with this person.
fn climb(from: Stance, p: &Person) -> String {
    let name = p.name.as_str();
    match from {
        Stance::Detractor => format!(
            "Ask {name} for a 1:1 to hear what they doubt about your work, and listen before \
             you answer."
        ),
        Stance::Unknown => {
            format!("Let {name} know what you work on: share a recent win that touches their area.")
        }
        Stance::Aware => match p.goals.as_deref().filter(|g| !g.trim().is_empty()) {
            Some(goals) => {
                format!("Show {name} how your work serves what they are after ({goals}).")
            }
            None => format!(
                "Learn what {name} is trying to achieve, then show how your work serves it."
            ),
        },
        Stance::Supporter => format!(
            "Give {name} a story to tell: one win with its business impact, and ask for \
             their feedback on it."
        ),
        Stance::Advocate | Stance::Sponsor => format!(
            "Ask {name} for advice on your next step, and what would make them put you \
             forward."
        ),
    }
}

fn actions_of(
    seated: &[(&Record<Person>, RoomRole)],
    total_influence: f64,
    contacts: &HashMap<PersonId, Day>,
    settings: &Settings,
    today: Day,
) -> Vec<RoomAction> {
    if total_influence == 0.0 {
        return Vec::new();
    }
    let mut moves: Vec<(f64, &Record<Person>, RoomRole, Stance)> = seated
        .iter()
        .filter_map(|(p, role)| {
            let to = next_rung(p.stance)?;
            let gain = f64::from(p.influence.get()) * (stance_weight(to) - stance_weight(p.stance))
                / (total_influence * stance_weight(Stance::Sponsor));
            Some((gain, *p, *role, to))
        })
        .collect();
    moves.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.influence.cmp(&a.1.influence))
            .then(role_rank(a.2).cmp(&role_rank(b.2)))
            .then(a.1.name.cmp(&b.1.name))
    });
    moves
        .into_iter()
        .take(3)
        .map(|(gain, p, role, to)| {
            let cadence = cadence_of(settings, p).days();
            let since = contacts.get(&p.id).map(|d| days_since(*d, today));
            let reconnect_note = match since {
                None => {
                    Some("You have not logged a contact with them yet: start there.".to_string())
                }
                Some(n) if n > i64::from(cadence) => Some(format!(
                    "Reconnect first: last contact {} (you aim for every {cadence} days).",
                    ago(n)
                )),
                Some(_) => None,
            };
            let mut why = format!(
                "{} (influence {}, {}) is {}: moving them to {} raises coverage by {:.2}. {}",
                p.name,
                p.influence,
                role_word(role),
                stance_phrase(p.stance),
                to,
                gain,
                climb(p.stance, p)
            );
            if let Some(note) = &reconnect_note {
                why.push(' ');
                why.push_str(note);
            }
            RoomAction {
                person: PersonRef::of(p),
                from: p.stance,
                to,
                gain: round2(gain),
                reconnect: reconnect_note.is_some(),
                why,
            }
        })
        .collect()
}

fn stance_phrase(s: Stance) -> String {
    match s {
        Stance::Unknown => "unknown to you".to_string(),
        Stance::Aware => "aware of your work".to_string(),
        Stance::Advocate => "an advocate".to_string(),
        other => format!("a {other}"),
    }
}

#[cfg(test)]
mod tests {
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
}

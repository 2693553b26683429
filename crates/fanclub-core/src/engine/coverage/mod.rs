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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoomRisk {
    pub person: PersonRef,
    pub stance: Stance,
    pub influence: Influence,
    pub role: RoomRole,
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoomWarning {
    pub kind: WarningKind,
    pub message: String,
}

/// Moving one member one rung up the ladder, and what it would do for the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
mod tests;

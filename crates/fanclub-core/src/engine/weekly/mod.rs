//! The weekly review: the agenda generated for an ISO week from the member's data, and a
//! new `WeeklyReview` that keeps it, with last week's commitments carried over.
//!
//! # What goes on the agenda
//!
//! - **Relationships to tend**: the first five people `cadence::due` returns (overdue,
//!   weighted by influence and by membership of an upcoming room).
//! - **Wins to make visible**: the first three recent wins some key person has not heard
//!   of, in `visibility`'s order.
//! - **Rooms at risk**: upcoming decisions whose coverage is below 0.5, or with a member
//!   who is unknown or against me; soonest first.
//! - **The weakest track** (`readiness`) with the practice to try.
//! - **Open perception gaps** (`PerceptionCheck::is_open`), oldest first.
//! - **Open follow-ups** (`Interaction::has_open_follow_up`): overdue first (most overdue
//!   at the top), then by due date, then those without a date, oldest first; ten at most.
//! - **Last week's commitments**: the `next_week` of the latest review before this week
//!   (usually the previous week; an earlier one when the member skipped a week).
//!
//! Every item says why it is there.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::cadence::{Due, due};
use crate::engine::coverage::{RoomCoverage, WarningKind, rooms};
use crate::engine::lookup::{PersonRef, ago, ahead, days_phrase, people_by_id};
use crate::engine::readiness::{NextPractice, readiness};
use crate::engine::visibility::{WinVisibility, visibility};
use crate::store::LastContact;
use crate::{
    Commitment, Day, Decision, DecisionId, Evidence, Framework, Interaction, InteractionId,
    IsoWeek, Level, PerceptionCheck, PerceptionId, PerceptionStatus, Person, PersonId, Record,
    Settings, Stance, Title, TrackKey, WeeklyReview, Win,
};

/// How many relationships to tend a week holds.
pub const TEND_LIMIT: usize = 5;
/// How many wins to make visible a week holds.
pub const WINS_LIMIT: usize = 3;
/// How many follow-ups a week lists.
pub const FOLLOW_UPS_LIMIT: usize = 10;
/// A room whose coverage is below this is at risk.
pub const ROOM_RISK_BELOW: f64 = 0.5;

/// What the agenda is generated from. Interactions may be all of them or only those
/// with an open follow-up; the others are ignored.
#[derive(Debug, Clone, Copy)]
pub struct WeekInputs<'a> {
    pub people: &'a [Record<Person>],
    pub last_contacts: &'a [LastContact],
    pub decisions: &'a [Record<Decision>],
    pub wins: &'a [Record<Win>],
    pub evidence: &'a [Record<Evidence>],
    pub framework: &'a Framework,
    pub perceptions: &'a [Record<PerceptionCheck>],
    pub interactions: &'a [Record<Interaction>],
    /// The latest review before this week (see `previous_review`).
    pub previous: Option<&'a WeeklyReview>,
    pub settings: &'a Settings,
}

/// The generated part of a weekly review; stored as JSON in `WeeklyReview.agenda`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agenda {
    pub week: IsoWeek,
    pub generated_on: Day,
    pub tend: Vec<Due>,
    /// How many people are due in all.
    pub tend_total: usize,
    pub wins_to_share: Vec<WinVisibility>,
    pub rooms_at_risk: Vec<RoomAtRisk>,
    pub focus: Option<FocusTrack>,
    pub perception_gaps: Vec<GapItem>,
    pub follow_ups: Vec<FollowUp>,
    /// How many follow-ups are open in all.
    pub follow_ups_total: usize,
    pub last_week: Option<LastWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoomAtRisk {
    pub decision: DecisionId,
    pub title: Title,
    pub on: Day,
    pub days_until: i64,
    pub coverage: f64,
    /// Members unknown or against me.
    pub risks: usize,
    /// The most influential of them.
    pub top_risk: Option<PersonRef>,
    /// The move that would raise coverage most.
    pub first_action: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FocusTrack {
    pub track: TrackKey,
    pub name: String,
    pub level: Level,
    pub target: Level,
    pub practice: Option<NextPractice>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GapItem {
    pub perception: PerceptionId,
    pub person: PersonRef,
    pub on: Day,
    pub gap: String,
    pub remedy: Option<String>,
    pub status: PerceptionStatus,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    pub interaction: InteractionId,
    pub on: Day,
    pub summary: Title,
    pub people: Vec<PersonRef>,
    pub follow_up: String,
    pub due: Option<Day>,
    pub overdue: bool,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LastWeek {
    /// The review the commitments come from.
    pub from: IsoWeek,
    pub commitments: Vec<String>,
    pub why: String,
}

/// The latest review before `week`, whose commitments the week reviews.
pub fn previous_review(
    reviews: &[Record<WeeklyReview>],
    week: IsoWeek,
) -> Option<&Record<WeeklyReview>> {
    reviews
        .iter()
        .filter(|r| r.week < week)
        .max_by_key(|r| r.week)
}

/// The agenda of `week`, seen from `today`.
pub fn agenda(week: IsoWeek, inputs: &WeekInputs, today: Day) -> Agenda {
    let WeekInputs {
        people,
        last_contacts,
        decisions,
        wins,
        evidence,
        framework,
        perceptions,
        interactions,
        previous,
        settings,
    } = *inputs;

    let mut tend = due(people, last_contacts, decisions, settings, today);
    let tend_total = tend.len();
    tend.truncate(TEND_LIMIT);

    let wins_to_share: Vec<WinVisibility> = visibility(wins, people, decisions, today)
        .wins
        .into_iter()
        .filter(|w| w.needs_sharing)
        .take(WINS_LIMIT)
        .collect();

    let mut upcoming: Vec<Record<Decision>> = decisions
        .iter()
        .filter(|d| d.is_upcoming(today))
        .cloned()
        .collect();
    upcoming.sort_by_key(|d| (d.on, d.id));
    let rooms_at_risk = rooms(&upcoming, people, last_contacts, settings, today)
        .into_iter()
        .filter(|r| r.coverage < ROOM_RISK_BELOW || !r.risks.is_empty())
        .map(room_at_risk)
        .collect();

    let by_id = people_by_id(people);
    let (follow_ups, follow_ups_total) = follow_ups_of(interactions, &by_id, today);

    Agenda {
        week,
        generated_on: today,
        tend,
        tend_total,
        wins_to_share,
        rooms_at_risk,
        focus: focus_of(framework, evidence, today),
        perception_gaps: gaps_of(perceptions, &by_id, today),
        follow_ups,
        follow_ups_total,
        last_week: last_week_of(previous, week),
    }
}

fn focus_of(
    framework: &Framework,
    evidence: &[Record<Evidence>],
    today: Day,
) -> Option<FocusTrack> {
    let r = readiness(framework, evidence, today);
    let key = r.weakest.as_ref()?;
    let t = r.tracks.iter().find(|t| &t.track == key)?;
    let why = if t.gap > 0 {
        format!(
            "Your weakest track: {} is at level {} ({}) against a target of {}.",
            t.name, t.level, t.level_name, t.target
        )
    } else {
        format!(
            "Every track is at its target; {} has the least evidence behind it.",
            t.name
        )
    };
    Some(FocusTrack {
        track: t.track.clone(),
        name: t.name.clone(),
        level: t.level,
        target: t.target,
        practice: t.practice.clone(),
        why,
    })
}

fn gaps_of(
    perceptions: &[Record<PerceptionCheck>],
    by_id: &HashMap<PersonId, &Record<Person>>,
    today: Day,
) -> Vec<GapItem> {
    let mut gaps: Vec<&Record<PerceptionCheck>> =
        perceptions.iter().filter(|p| p.is_open()).collect();
    gaps.sort_by_key(|p| (p.on, p.id));
    gaps.into_iter()
        .filter_map(|p| {
            let person = by_id.get(&p.person)?;
            let gap = p.gap.clone().unwrap_or_default();
            let remedy = p.remedy.clone().filter(|r| !r.trim().is_empty());
            let next = match &remedy {
                Some(r) => format!("Remedy: {}.", r.trim().trim_end_matches('.')),
                None => "No remedy yet: decide what would close it.".to_string(),
            };
            Some(GapItem {
                perception: p.id,
                person: PersonRef::of(person),
                on: p.on,
                why: format!(
                    "How {} sees your work has a gap, open since {} ({}): \"{}\". {next}",
                    person.name,
                    p.on,
                    ago(p.on.days_until(today).max(0)),
                    gap.trim().trim_end_matches('.'),
                ),
                gap,
                remedy,
                status: p.status,
            })
        })
        .collect()
}

/// The first `FOLLOW_UPS_LIMIT` open follow-ups, and how many are open in all.
fn follow_ups_of(
    interactions: &[Record<Interaction>],
    by_id: &HashMap<PersonId, &Record<Person>>,
    today: Day,
) -> (Vec<FollowUp>, usize) {
    let mut open: Vec<&Record<Interaction>> = interactions
        .iter()
        .filter(|i| i.has_open_follow_up())
        .collect();
    // Dated before undated; earlier due dates (the most overdue) first; then oldest.
    open.sort_by_key(|i| (i.follow_up_due.is_none(), i.follow_up_due, i.on, i.id));
    let total = open.len();
    let shown = open
        .into_iter()
        .take(FOLLOW_UPS_LIMIT)
        .map(|i| follow_up(i, by_id, today))
        .collect();
    (shown, total)
}

fn last_week_of(previous: Option<&WeeklyReview>, week: IsoWeek) -> Option<LastWeek> {
    let p = previous.filter(|p| !p.next_week.is_empty())?;
    let when = if p.week == week.previous() {
        "last week's review".to_string()
    } else {
        format!("your review of {}", p.week)
    };
    Some(LastWeek {
        from: p.week,
        commitments: p.next_week.clone(),
        why: format!("What you committed to in {when}: say which you kept."),
    })
}

fn room_at_risk(r: RoomCoverage) -> RoomAtRisk {
    let mut parts = Vec::new();
    if r.coverage < ROOM_RISK_BELOW {
        parts.push(format!(
            "coverage {:.2}, below {ROOM_RISK_BELOW}",
            r.coverage
        ));
    }
    match r.risks.len() {
        0 => {}
        1 => parts.push(format!(
            "{} is {}",
            r.risks[0].person.name,
            if r.risks[0].stance == Stance::Detractor {
                "against you"
            } else {
                "unknown to you"
            }
        )),
        n => parts.push(format!(
            "{n} members unknown or against you, the most influential {}",
            r.risks[0].person.name
        )),
    }
    if r.warnings
        .iter()
        .any(|w| w.kind == WarningKind::ManagerOnlyVoice)
    {
        parts.push("your manager is your only voice".to_string());
    }
    let why = format!(
        "'{}' is {}: {}.",
        r.title,
        ahead(r.days_until),
        parts.join("; ")
    );
    RoomAtRisk {
        decision: r.decision,
        title: r.title,
        on: r.on,
        days_until: r.days_until,
        coverage: r.coverage,
        risks: r.risks.len(),
        top_risk: r.risks.first().map(|k| k.person.clone()),
        first_action: r.actions.into_iter().next().map(|a| a.why),
        why,
    }
}

fn follow_up(
    i: &Record<Interaction>,
    by_id: &HashMap<PersonId, &Record<Person>>,
    today: Day,
) -> FollowUp {
    let overdue = i.follow_up_due.is_some_and(|d| d < today);
    let origin = format!("after '{}' on {}", i.summary, i.on);
    let why = match i.follow_up_due {
        Some(d) if d < today => {
            format!(
                "Overdue by {}: promised {origin}.",
                days_phrase(d.days_until(today))
            )
        }
        Some(d) if d == today => format!("Due today: promised {origin}."),
        Some(d) => format!("Due {}: promised {origin}.", ahead(today.days_until(d))),
        None => format!(
            "Open since {} with no due date: give it one or close it ({origin}).",
            ago(i.on.days_until(today).max(0))
        ),
    };
    FollowUp {
        interaction: i.id,
        on: i.on,
        summary: i.summary.clone(),
        people: i
            .people
            .iter()
            .filter_map(|p| by_id.get(p).map(|r| PersonRef::of(r)))
            .collect(),
        follow_up: i.follow_up.clone().unwrap_or_default(),
        due: i.follow_up_due,
        overdue,
        why,
    }
}

/// A new review for `week`: the agenda kept as generated, last week's commitments
/// carried over (not yet marked kept), the member's part empty.
pub fn new_review(
    week: IsoWeek,
    agenda: &Agenda,
    previous: Option<&WeeklyReview>,
    today: Day,
) -> WeeklyReview {
    WeeklyReview {
        week,
        // A struct of plain fields always serialises; Null would only hide a bug.
        agenda: serde_json::to_value(agenda).unwrap_or_default(),
        last_week: previous
            .map(|p| {
                p.next_week
                    .iter()
                    .map(|text| Commitment {
                        text: text.clone(),
                        kept: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        wins: None,
        learned: None,
        helped: None,
        next_week: Vec::new(),
        saved_on: today,
    }
}

#[cfg(test)]
mod tests;

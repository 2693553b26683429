//! Everything else a workspace holds, at a size that grows slowly with the number of
//! people: goals, wins with shares, evidence in every track, perception checks,
//! opportunities, rooms and weekly reviews.

use chrono::Datelike;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::json;

use crate::{
    Channel, Commitment, Day, Decision, DecisionKind, Evidence, EvidenceSource, EvidenceStrength,
    Goal, Id, Impact, InteractionId, Opportunity, OpportunityKind, OpportunityStatus,
    PerceptionCheck, PerceptionStatus, Record, RoomRole, Seat, Share, TrackKey, WeeklyReview, Win,
    WinId, WinKind,
};

use super::{HISTORY_DAYS, Zipf, ago, pid, title, weighted};

pub(super) fn goals(today: Day) -> Vec<Record<Goal>> {
    let period = format!("FY{}", today.date().year());
    [
        "Grow net new ARR by 30%",
        "Cut gross monthly churn below 1.2%",
        "Raise 14-day activation to 60%",
        "Lift enterprise NPS to 45",
        "Open the mid-market with self-serve",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| {
        Record::new(
            Id::from_raw(i as i64 + 1),
            Goal {
                title: title(t),
                period: Some(period.clone()),
                description: None,
            },
        )
    })
    .collect()
}

pub(super) fn wins(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    tracks: &[TrackKey],
    goals: usize,
    today: Day,
) -> Vec<Record<Win>> {
    let count = (contact.len() / 20).clamp(12, 2_000);
    let kinds = [
        WinKind::Release,
        WinKind::Metric,
        WinKind::CustomerStory,
        WinKind::Process,
        WinKind::Innovation,
        WinKind::Mentoring,
    ];
    let channels = [
        Channel::OneOnOne,
        Channel::Meeting,
        Channel::Email,
        Channel::Demo,
        Channel::Chat,
    ];
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let on = ago(today, rng, HISTORY_DAYS);
        let kind = kinds[rng.random_range(0..kinds.len())];
        let mut win = Win::new(on, title(&format!("Win {}: {}", i + 1, kind)), kind);
        win.goals = (0..rng.random_range(1..=2))
            .map(|_| Id::from_raw(rng.random_range(1..=goals as i64)))
            .collect();
        win.goals.sort();
        win.goals.dedup();
        win.tracks = vec![tracks[rng.random_range(0..tracks.len())].clone()];
        if rng.random_bool(0.7) {
            let before = rng.random_range(10..60);
            win.impact = Some(Impact {
                metric: "activation rate".into(),
                before: Some(format!("{before}%")),
                after: Some(format!("{}%", before + rng.random_range(1..15))),
            });
        }
        if rng.random_bool(0.5) {
            win.links
                .push(format!("https://wiki.harborlight.example/wins/{}", i + 1));
        }
        let sharers = rng.random_range(0..=6);
        let room = on.days_until(today).min(30);
        win.shares = contact
            .draw_distinct(rng, sharers)
            .into_iter()
            .map(|p| Share {
                person: pid(p),
                on: on.plus_days(rng.random_range(0..=room)),
                channel: channels[rng.random_range(0..channels.len())],
            })
            .collect();
        out.push(Record::new(WinId::from_raw(i as i64 + 1), win));
    }
    out
}

pub(super) fn evidence(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    tracks: &[TrackKey],
    wins: usize,
    interactions: usize,
    today: Day,
) -> Vec<Record<Evidence>> {
    let count = wins * 2 + 10;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        // Round-robin over tracks so every track has evidence.
        let track = tracks[i % tracks.len()].clone();
        let strength = if contact.is_empty() {
            EvidenceStrength::Claimed
        } else {
            weighted(
                rng,
                &[
                    (EvidenceStrength::Claimed, 50),
                    (EvidenceStrength::Witnessed, 30),
                    (EvidenceStrength::Endorsed, 20),
                ],
            )
        };
        let person = (strength != EvidenceStrength::Claimed).then(|| pid(contact.draw(rng)));
        let win = (wins > 0 && rng.random_bool(0.4))
            .then(|| WinId::from_raw(rng.random_range(1..=wins as i64)));
        let interaction = (interactions > 0 && rng.random_bool(0.2))
            .then(|| InteractionId::from_raw(rng.random_range(1..=interactions as i64)));
        out.push(Record::new(
            Id::from_raw(i as i64 + 1),
            Evidence {
                on: ago(today, rng, HISTORY_DAYS),
                track,
                strength,
                source: if win.is_some() {
                    EvidenceSource::Win
                } else {
                    EvidenceSource::Feedback
                },
                summary: title("Showed this competency in visible work"),
                quote: (strength == EvidenceStrength::Endorsed)
                    .then(|| "Clear thinking, and it brought the team along.".into()),
                person,
                win,
                interaction,
            },
        ));
    }
    out
}

pub(super) fn perceptions(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    today: Day,
) -> Vec<Record<PerceptionCheck>> {
    contact
        .draw_distinct(rng, 8)
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let status = [
                PerceptionStatus::Open,
                PerceptionStatus::InProgress,
                PerceptionStatus::Resolved,
            ][i % 3];
            Record::new(
                Id::from_raw(i as i64 + 1),
                PerceptionCheck {
                    person: pid(p),
                    on: ago(today, rng, 180),
                    description: "Sees me as the person who ships the onboarding work.".into(),
                    gap: Some("Does not connect my work to revenue.".into()),
                    remedy: Some("Lead with the business goal next time.".into()),
                    status,
                },
            )
        })
        .collect()
}

pub(super) fn opportunities(
    rng: &mut ChaCha8Rng,
    powerful: &[usize],
    tracks: &[TrackKey],
    today: Day,
) -> Vec<Record<Opportunity>> {
    let kinds = [
        OpportunityKind::Project,
        OpportunityKind::Talk,
        OpportunityKind::Committee,
        OpportunityKind::Role,
    ];
    let statuses = [
        OpportunityStatus::Offered,
        OpportunityStatus::Accepted,
        OpportunityStatus::Declined,
        OpportunityStatus::Done,
    ];
    (0..6)
        .map(|i| {
            let sponsor =
                (!powerful.is_empty()).then(|| pid(powerful[rng.random_range(0..powerful.len())]));
            Record::new(
                Id::from_raw(i as i64 + 1),
                Opportunity {
                    title: title(&format!("Opportunity {}", i + 1)),
                    kind: kinds[i % kinds.len()],
                    on: ago(today, rng, 365),
                    sponsor,
                    status: statuses[i % statuses.len()],
                    tracks: vec![tracks[i % tracks.len()].clone()],
                    notes: None,
                },
            )
        })
        .collect()
}

/// Four rooms, two ahead and two behind, of five to eight seats: the manager decides, the
/// rest are mostly powerful people with some of the usual contacts.
pub(super) fn decisions(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    powerful: &[usize],
    today: Day,
) -> Vec<Record<Decision>> {
    let plan = [
        (DecisionKind::Promotion, 45),
        (DecisionKind::ProjectStaffing, 21),
        (DecisionKind::Bonus, -120),
        (DecisionKind::Hiring, -300),
    ];
    plan.iter()
        .enumerate()
        .map(|(i, (kind, offset))| {
            let seats = rng.random_range(5..=8).min(contact.len());
            let mut members: Vec<usize> = Vec::with_capacity(seats);
            if seats > 0 {
                members.push(0);
            }
            let mut tries = 0;
            while members.len() < seats {
                let p = if !powerful.is_empty() && tries < 64 && rng.random_bool(0.7) {
                    powerful[rng.random_range(0..powerful.len())]
                } else {
                    contact.draw(rng)
                };
                tries += 1;
                if !members.contains(&p) {
                    members.push(p);
                } else if tries > 256 {
                    // Few people: fill the room with whoever is left.
                    if let Some(free) = (0..contact.len()).find(|q| !members.contains(q)) {
                        members.push(free);
                    }
                }
            }
            let room = members
                .into_iter()
                .enumerate()
                .map(|(k, p)| Seat {
                    person: pid(p),
                    role: if k == 0 {
                        RoomRole::Decider
                    } else {
                        RoomRole::Voice
                    },
                })
                .collect();
            Record::new(
                Id::from_raw(i as i64 + 1),
                Decision {
                    title: title(&format!("{kind} decision")),
                    kind: *kind,
                    on: today.plus_days(*offset),
                    notes: None,
                    room,
                },
            )
        })
        .collect()
}

pub(super) fn reviews(today: Day) -> Vec<Record<WeeklyReview>> {
    let mut week = today.iso_week();
    let mut weeks = Vec::with_capacity(8);
    for _ in 0..8 {
        week = week.previous();
        weeks.push(week);
    }
    weeks.reverse();
    weeks
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            Record::new(
                Id::from_raw(i as i64 + 1),
                WeeklyReview {
                    week: w,
                    agenda: json!({}),
                    last_week: vec![Commitment {
                        text: "Share last week's win with two people".into(),
                        kept: Some(i % 2 == 0),
                    }],
                    wins: None,
                    learned: None,
                    helped: None,
                    next_week: vec!["Book a coffee with someone overdue".into()],
                    saved_on: w.monday().plus_days(4),
                },
            )
        })
        .collect()
}

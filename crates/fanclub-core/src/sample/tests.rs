//! The sample must be sound (it is the first thing a newcomer sees) and must keep telling
//! its story: every part of the product has something to show.

use std::collections::{HashMap, HashSet, VecDeque};

use super::check::assert_sound;
use super::*;
use crate::{
    CadenceDefaults, Circle, DecisionKind, EvidenceStrength, InteractionKind, OpportunityStatus,
    Person, PersonId, Quadrant, Relation, Stance, is_high,
};

fn today() -> Day {
    Day::parse("2026-03-14").unwrap()
}

fn person<'a>(ws: &'a Workspace, handle: &str) -> &'a Record<Person> {
    ws.people
        .iter()
        .find(|p| p.handle.as_str() == handle)
        .unwrap()
}

/// Each person's last contact.
fn last_contacts(ws: &Workspace) -> HashMap<PersonId, Day> {
    let mut last = HashMap::new();
    for i in &ws.interactions {
        for p in &i.people {
            let d = last.entry(*p).or_insert(i.on);
            *d = (*d).max(i.on);
        }
    }
    last
}

#[test]
fn every_record_is_sound_whatever_the_day() {
    // A leap day and a new year's day shift every relative date across month and year ends.
    for day in ["2026-03-14", "2024-02-29", "2027-01-01", "2025-12-31"] {
        let today = Day::parse(day).unwrap();
        assert_sound(&sample_workspace(today), today);
    }
}

#[test]
fn same_day_same_workspace_and_it_survives_json() {
    let a = sample_workspace(today());
    assert_eq!(a, sample_workspace(today()));
    let back: Workspace = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    assert_ne!(
        a,
        sample_workspace(today().plus_days(1)),
        "dates follow today"
    );
}

#[test]
fn member_and_target_role_are_set() {
    let ws = sample_workspace(today());
    assert_eq!(ws.settings.me.as_deref(), Some(MEMBER));
    assert_eq!(ws.settings.target_role.as_deref(), Some("Head of Product"));
    let mine: Vec<&str> = ws.settings.my_emails.iter().map(|e| e.as_str()).collect();
    assert_eq!(mine, [MEMBER_EMAIL]);
    assert!(
        ws.people
            .iter()
            .all(|p| p.value.emails.iter().all(|e| e.as_str() != MEMBER_EMAIL)),
        "the member is not one of their own people"
    );
}

#[test]
fn people_cover_every_circle_quadrant_relation_and_rung() {
    let ws = sample_workspace(today());
    assert!(
        (35..=45).contains(&ws.people.len()),
        "{} people",
        ws.people.len()
    );
    let circles: HashSet<Circle> = ws.people.iter().map(|p| p.circle).collect();
    assert_eq!(circles.len(), Circle::ALL.len());
    let quadrants: HashSet<Quadrant> = ws.people.iter().map(|p| p.quadrant()).collect();
    assert_eq!(quadrants.len(), Quadrant::ALL.len());
    let relations: HashSet<Relation> = ws.people.iter().map(|p| p.relation).collect();
    assert_eq!(relations.len(), Relation::ALL.len());
    let count = |s: Stance| ws.people.iter().filter(|p| p.stance == s).count();
    assert!((2..=3).contains(&count(Stance::Detractor)));
    assert!(count(Stance::Unknown) >= 4);
    assert!(count(Stance::Aware) >= 4);
    assert!(count(Stance::Supporter) >= 4);
    assert!(count(Stance::Advocate) >= 3);
    assert!((1..=2).contains(&count(Stance::Sponsor)));

    assert_eq!(
        ws.people
            .iter()
            .filter(|p| p.relation == Relation::Manager)
            .count(),
        1
    );
    let described = ws.people.iter().filter(|p| p.goals.is_some()).count();
    assert!(
        described * 4 >= ws.people.len() * 3,
        "goals for most people"
    );
    assert!(ws.people.iter().filter(|p| p.trust.is_some()).count() >= 8);
    assert!(
        ws.people
            .iter()
            .filter(|p| p.introduced_by.is_some())
            .count()
            >= 3
    );
    assert!(ws.people.iter().filter(|p| p.cadence.is_some()).count() >= 3);
    for p in ws.people.iter().filter(|p| p.circle != Circle::Outside) {
        assert!(
            p.emails
                .iter()
                .all(|e| e.as_str().ends_with("@harborlight.example"))
        );
        assert!(!p.emails.is_empty(), "{} has a company address", p.handle);
    }
}

#[test]
fn stance_history_shows_the_cycle_turning() {
    let ws = sample_workspace(today());
    let year_ago = today().plus_days(-365);
    let first: Vec<_> = ws
        .stance_changes
        .iter()
        .filter(|c| c.from.is_none())
        .collect();
    assert_eq!(first.len(), ws.people.len());
    assert!(first.iter().filter(|c| c.on == year_ago).count() >= ws.people.len() / 2);
    let upgrades = ws.stance_changes.iter().filter(|c| c.is_upgrade()).count();
    let downgrades = ws
        .stance_changes
        .iter()
        .filter(|c| c.from.is_some_and(|f| c.to < f))
        .count();
    assert!(upgrades >= 15, "{upgrades} upgrades");
    assert_eq!(downgrades, 1);
    assert!(
        ws.stance_changes.windows(2).all(|w| w[0].on <= w[1].on),
        "oldest first"
    );
}

#[test]
fn no_one_is_met_before_they_enter_the_story() {
    let ws = sample_workspace(today());
    let mut since: HashMap<PersonId, Day> = HashMap::new();
    for c in ws.stance_changes.iter().filter(|c| c.from.is_none()) {
        since.insert(c.person, c.on);
    }
    for i in &ws.interactions {
        for p in &i.people {
            assert!(i.on >= since[p], "interaction {} predates person {p}", i.id);
        }
    }
    for w in &ws.wins {
        for s in &w.shares {
            assert!(
                s.on >= since[&s.person],
                "win {} shared before person {}",
                w.id,
                s.person
            );
        }
    }
}

#[test]
fn some_outside_people_are_two_or_more_hops_from_anyone_i_have_met() {
    let ws = sample_workspace(today());
    let met: HashSet<PersonId> = last_contacts(&ws).into_keys().collect();
    let mut neighbours: HashMap<PersonId, Vec<PersonId>> = HashMap::new();
    for c in &ws.connections {
        neighbours.entry(c.a).or_default().push(c.b);
        neighbours.entry(c.b).or_default().push(c.a);
    }
    // Breadth-first from everyone I have met at once: hops = people between them and me.
    let mut hops: HashMap<PersonId, usize> = met.iter().map(|p| (*p, 0)).collect();
    let mut queue: VecDeque<PersonId> = met.iter().copied().collect();
    while let Some(p) = queue.pop_front() {
        for n in neighbours.get(&p).into_iter().flatten() {
            if !hops.contains_key(n) {
                hops.insert(*n, hops[&p] + 1);
                queue.push_back(*n);
            }
        }
    }
    let far: Vec<_> = ws
        .people
        .iter()
        .filter(|p| p.circle == Circle::Outside && hops.get(&p.id).is_some_and(|h| *h >= 2))
        .collect();
    assert!(
        !far.is_empty(),
        "someone outside needs a chain of introductions"
    );
    assert!(
        ws.people.iter().all(|p| hops.contains_key(&p.id)),
        "everyone is reachable"
    );
    let strengths: HashSet<u8> = ws.connections.iter().map(|c| c.strength.get()).collect();
    assert_eq!(strengths.len(), 5);
    assert!(ws.connections.len() >= 60);
}

#[test]
fn a_long_tailed_year_of_interactions() {
    let ws = sample_workspace(today());
    let n = ws.interactions.len();
    assert!((250..=350).contains(&n), "{n} interactions");
    assert!(
        ws.interactions
            .iter()
            .all(|i| i.on >= today().plus_days(-366) && i.on <= today())
    );
    assert!(
        ws.interactions.windows(2).all(|w| w[0].on <= w[1].on),
        "oldest first"
    );

    let mut per_person: HashMap<PersonId, usize> = HashMap::new();
    for i in &ws.interactions {
        for p in &i.people {
            *per_person.entry(*p).or_default() += 1;
        }
    }
    let manager = person(&ws, "grace-whitfield").id;
    let most = per_person.iter().max_by_key(|(_, n)| **n).map(|(p, _)| *p);
    assert_eq!(most, Some(manager), "the manager is seen most");
    assert!(
        per_person.values().filter(|n| **n <= 3).count() >= 10,
        "a long tail"
    );
    assert!(ws.interactions.iter().any(|i| i.people.len() >= 3));

    let kinds: HashSet<InteractionKind> = ws.interactions.iter().map(|i| i.kind).collect();
    assert_eq!(kinds.len(), InteractionKind::ALL.len());
    assert!(ws.interactions.iter().filter(|i| i.notes.is_some()).count() >= 8);
    assert!(
        ws.interactions
            .iter()
            .filter(|i| i.learned.is_some())
            .count()
            >= 10
    );

    let open: Vec<_> = ws
        .interactions
        .iter()
        .filter(|i| i.has_open_follow_up())
        .collect();
    assert!(open.len() >= 4);
    assert!(open.iter().all(|i| i.follow_up_due.is_some()));
    assert!(
        open.iter()
            .filter(|i| i.follow_up_due < Some(today()))
            .count()
            >= 2,
        "some past due"
    );
    assert!(ws.interactions.iter().any(|i| i.follow_up_done));
}

#[test]
fn several_people_are_overdue_for_their_cadence() {
    let ws = sample_workspace(today());
    let cadence = CadenceDefaults::default();
    let last = last_contacts(&ws);
    let overdue: Vec<&str> = ws
        .people
        .iter()
        .filter(|p| {
            last.get(&p.id)
                .is_some_and(|d| d.days_until(today()) > i64::from(cadence.for_person(p).days()))
        })
        .map(|p| p.handle.as_str())
        .collect();
    assert!(overdue.len() >= 5, "{overdue:?}");
    for h in [
        "marcus-oyelaran",
        "beatriz-lopes",
        "rafael-costa",
        "elena-markovic",
    ] {
        assert!(overdue.contains(&h), "{h} should be overdue: {overdue:?}");
    }
    for h in [
        "grace-whitfield",
        "ingrid-solberg",
        "hannah-berger",
        "diego-alvarez",
    ] {
        assert!(!overdue.contains(&h), "{h} is in touch");
    }
}

#[test]
fn wins_serve_goals_and_the_recent_ones_are_not_yet_visible() {
    let ws = sample_workspace(today());
    assert!((4..=6).contains(&ws.goals.len()));
    assert!((10..=14).contains(&ws.wins.len()));
    assert!(ws.wins.iter().filter(|w| !w.goals.is_empty()).count() >= ws.wins.len() - 1);
    let with_impact = ws
        .wins
        .iter()
        .filter(|w| {
            w.impact
                .as_ref()
                .is_some_and(|i| i.before.is_some() && i.after.is_some())
        })
        .count();
    assert!(with_impact >= 9);
    assert!(ws.wins.iter().all(|w| !w.tracks.is_empty()));
    for g in &ws.goals {
        assert!(
            ws.wins.iter().any(|w| w.goals.contains(&g.id)),
            "goal {} has a win",
            g.title
        );
    }
    let skip_level = person(&ws, "marcus-oyelaran").id;
    let recent: Vec<_> = ws
        .wins
        .iter()
        .filter(|w| w.on.days_until(today()) <= 30)
        .collect();
    assert!(recent.len() >= 2);
    assert!(
        recent.iter().all(|w| !w.known_by(skip_level)),
        "recent wins not yet shared up"
    );
    assert!(recent.iter().any(|w| w.shares.is_empty()));
}

#[test]
fn every_track_has_evidence_and_domain_is_weak() {
    let ws = sample_workspace(today());
    let strengths: HashSet<EvidenceStrength> = ws.evidence.iter().map(|e| e.strength).collect();
    assert_eq!(strengths.len(), EvidenceStrength::ALL.len());
    let mut per_track: HashMap<&str, Vec<EvidenceStrength>> = HashMap::new();
    for e in &ws.evidence {
        per_track
            .entry(e.track.as_str())
            .or_default()
            .push(e.strength);
    }
    for key in ws.framework.track_keys() {
        assert!(per_track.contains_key(key), "no evidence for {key}");
    }
    let domain = &per_track["domain"];
    assert!(domain.iter().all(|s| *s == EvidenceStrength::Claimed));
    assert!(per_track.values().all(|v| v.len() >= domain.len()));
    assert!(ws.evidence.iter().any(|e| e.win.is_some()));
    assert!(ws.evidence.iter().any(|e| e.interaction.is_some()));
}

#[test]
fn perception_checks_and_opportunities() {
    let ws = sample_workspace(today());
    assert!((3..=4).contains(&ws.perceptions.len()));
    assert!(ws.perceptions.iter().filter(|c| c.is_open()).count() >= 2);
    assert!((3..=4).contains(&ws.opportunities.len()));
    assert!(ws.opportunities.iter().all(|o| o.sponsor.is_some()));
    let statuses: HashSet<OpportunityStatus> = ws.opportunities.iter().map(|o| o.status).collect();
    assert!(statuses.len() >= 3);
}

#[test]
fn two_rooms_ahead_and_one_behind() {
    let ws = sample_workspace(today());
    let by_id: HashMap<PersonId, &Person> = ws.people.iter().map(|p| (p.id, &p.value)).collect();
    let upcoming: Vec<_> = ws
        .decisions
        .iter()
        .filter(|d| d.is_upcoming(today()))
        .collect();
    assert_eq!(upcoming.len(), 2);
    assert_eq!(ws.decisions.len(), 3);
    for d in &upcoming {
        assert!(
            d.room.iter().any(|s| {
                let p = by_id[&s.person];
                p.relation == Relation::Manager || is_high(p.influence.get())
            }),
            "{} has the manager or someone powerful",
            d.title
        );
    }
    let promotion = upcoming
        .iter()
        .find(|d| d.kind == DecisionKind::Promotion)
        .unwrap();
    assert!((35..=49).contains(&today().days_until(promotion.on)));
    assert!((5..=6).contains(&promotion.room.len()));
    assert!(promotion.room.iter().any(|s| {
        s.role == RoomRole::Decider && by_id[&s.person].relation == Relation::Manager
    }));
    assert!(promotion.room.iter().any(|s| {
        let p = by_id[&s.person];
        is_high(p.influence.get()) && p.stance <= Stance::Unknown
    }));
    let staffing = upcoming
        .iter()
        .find(|d| d.kind == DecisionKind::ProjectStaffing)
        .unwrap();
    assert!((14..=28).contains(&today().days_until(staffing.on)));
}

#[test]
fn last_weeks_review_holds_commitments() {
    let ws = sample_workspace(today());
    let last = ws
        .reviews
        .iter()
        .find(|r| r.week == today().iso_week().previous())
        .unwrap();
    assert!(!last.next_week.is_empty());
    assert!(last.last_week.iter().any(|c| c.kept == Some(false)));
    assert!(ws.reviews.iter().all(|r| r.saved_on < today()));
}

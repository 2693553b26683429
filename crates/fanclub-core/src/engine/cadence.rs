//! Keep-in-touch cadence: who is past the longest gap I want between contacts, and whom
//! to tend first.
//!
//! # Formula
//!
//! A person is **due** when `days since last contact ≥ cadence` (their own cadence, else
//! their grid quadrant's default). Any logged interaction resets the clock; a contact
//! dated after today counts as today.
//!
//! ```text
//! overdue ratio = days since last contact / cadence
//! priority      = influence × (1 + ln(overdue ratio)) × room weight
//! room weight   = 1 + 2 × 30 / (30 + days until their soonest upcoming room)   (1 if none)
//! ```
//!
//! The logarithm keeps someone ten cadences overdue ahead of someone twice overdue
//! without letting one forgotten contact drown everyone else. The room weight is 3 for a
//! room today, 2 a month out, 1.5 three months out, and tends to 1 further away: the
//! sooner the decision, the more its members matter now.
//!
//! **Never contacted**: there is no date to count from (people carry no "added on"), so
//! the baseline is one full cadence: ratio 1, due now, zero days overdue. They surface
//! once, say so, and sort below the people I have let slip at the same influence.
//!
//! Ordered by priority, then overdue ratio, then influence, then id.

use std::collections::HashMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::{
    PersonRef, RoomRef, ahead, cadence_of, contacts_by_person, days_since, round2, soonest_rooms,
};
use crate::store::LastContact;
use crate::{Day, Decision, Influence, Person, PersonId, Quadrant, Record, Settings};

/// Someone past their keep-in-touch cadence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Due {
    pub person: PersonRef,
    pub influence: Influence,
    pub quadrant: Quadrant,
    /// The cadence that applies, in days.
    pub cadence_days: u16,
    /// `None` when no contact was ever logged.
    pub last_contact: Option<Day>,
    pub days_since: Option<i64>,
    /// Days past the cadence (0 when due today or never contacted).
    pub days_overdue: i64,
    /// Days since last contact / cadence (1 when never contacted), two decimals.
    pub overdue_ratio: f64,
    /// The soonest upcoming room they sit in.
    pub room: Option<RoomRef>,
    /// Two decimals; higher first.
    pub priority: f64,
    pub why: String,
}

/// How much sitting in a room `days_until` days away adds to someone's priority.
pub fn room_weight(days_until: Option<i64>) -> f64 {
    match days_until {
        Some(d) => 1.0 + 2.0 * 30.0 / (30.0 + d.max(0) as f64),
        None => 1.0,
    }
}

/// The priority of tending someone, from the module doc's formula. `overdue_ratio` is
/// at least 1 for anyone due.
pub fn priority(influence: Influence, overdue_ratio: f64, room_days_until: Option<i64>) -> f64 {
    f64::from(influence.get()) * (1.0 + overdue_ratio.max(1.0).ln()) * room_weight(room_days_until)
}

/// Everyone due for a contact, most pressing first.
pub fn due(
    people: &[Record<Person>],
    last_contacts: &[LastContact],
    decisions: &[Record<Decision>],
    settings: &Settings,
    today: Day,
) -> Vec<Due> {
    let contacts = contacts_by_person(last_contacts);
    let rooms = soonest_rooms(decisions, today);
    due_with(people, &contacts, rooms, settings, today)
}

/// Built with one allocation: at 10,000 people this string is most of the cost.
fn why_due(
    since: Option<i64>,
    cadence: u16,
    ratio: f64,
    influence: Influence,
    room: Option<&RoomRef>,
) -> String {
    let mut why = String::with_capacity(160);
    // Writing to a String cannot fail.
    let _ = match since {
        Some(0) => write!(why, "Last contact today"),
        Some(1) => write!(why, "Last contact 1 day ago"),
        Some(n) => write!(why, "Last contact {n} days ago"),
        None => write!(
            why,
            "No contact logged yet: counted as due now, one full cadence of {cadence} days."
        ),
    };
    if since.is_some() {
        let _ = write!(
            why,
            "; you aim for every {cadence} days ({ratio:.1}× your cadence)."
        );
    }
    let _ = write!(why, " Influence {influence}");
    match room {
        Some(r) => {
            let _ = write!(why, "; sits in '{}' {}.", r.title, ahead(r.days_until));
        }
        None => why.push('.'),
    }
    why
}

/// Takes the rooms map by value to move each due person's room out instead of cloning it.
fn due_with(
    people: &[Record<Person>],
    contacts: &HashMap<PersonId, Day>,
    mut rooms: HashMap<PersonId, RoomRef>,
    settings: &Settings,
    today: Day,
) -> Vec<Due> {
    // First pass: numbers only, so strings are built for the people who are due.
    struct Candidate<'a> {
        person: &'a Record<Person>,
        cadence: u16,
        last: Option<Day>,
        since: Option<i64>,
        ratio: f64,
        priority: f64,
    }
    let mut candidates: Vec<Candidate> = people
        .iter()
        .filter_map(|p| {
            let cadence = cadence_of(settings, p).days();
            let last = contacts.get(&p.id).copied();
            let since = last.map(|d| days_since(d, today));
            let ratio = match since {
                Some(n) if n < i64::from(cadence) => return None,
                Some(n) => n as f64 / f64::from(cadence),
                None => 1.0,
            };
            let room_days = rooms.get(&p.id).map(|r| r.days_until);
            Some(Candidate {
                person: p,
                cadence,
                last,
                since,
                ratio,
                priority: priority(p.influence, ratio, room_days),
            })
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(b.ratio.total_cmp(&a.ratio))
            .then(b.person.influence.cmp(&a.person.influence))
            .then(a.person.id.cmp(&b.person.id))
    });

    candidates
        .into_iter()
        .map(|c| {
            let p = c.person;
            let room = rooms.remove(&p.id);
            let days_overdue = c.since.map_or(0, |n| n - i64::from(c.cadence));
            let why = why_due(c.since, c.cadence, c.ratio, p.influence, room.as_ref());
            Due {
                person: PersonRef::of(p),
                influence: p.influence,
                quadrant: p.quadrant(),
                cadence_days: c.cadence,
                last_contact: c.last,
                days_since: c.since,
                days_overdue,
                overdue_ratio: round2(c.ratio),
                room,
                priority: round2(c.priority),
                why,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::fixtures::*;
    use crate::{CadenceDays, RoomRole, Stance};

    const TODAY: &str = "2026-03-01";

    fn ids(due: &[Due]) -> Vec<i64> {
        due.iter().map(|d| d.person.id.get()).collect()
    }

    #[test]
    fn who_is_due_and_in_what_order() {
        let today = day(TODAY);
        let mut custom = person(5, "Custom", 2, 2, Stance::Aware);
        custom.cadence = Some(CadenceDays::new(7).unwrap());
        let people = vec![
            person(1, "Close", 5, 5, Stance::Supporter), // 14-day cadence
            person(2, "Monitor", 2, 2, Stance::Aware),   // 90-day cadence
            person(3, "Fresh", 5, 5, Stance::Advocate),
            person(4, "Stranger", 3, 4, Stance::Unknown), // 30 days, never contacted
            custom,
        ];
        let contacts = [
            contact(1, "2026-01-18"), // 42 days: 3×
            contact(2, "2025-12-01"), // 90 days: due today, 1×
            contact(3, "2026-02-27"),
            contact(5, "2026-02-15"), // 14 days on a 7-day cadence: 2×
        ];
        let d = due(&people, &contacts, &[], &Settings::default(), today);
        // Custom: 2 × (1 + ln 2) ≈ 3.39 edges out the stranger's 3 × 1.
        assert_eq!(ids(&d), [1, 5, 4, 2]);

        let close = &d[0];
        assert_eq!(close.cadence_days, 14);
        assert_eq!(close.days_since, Some(42));
        assert_eq!(close.days_overdue, 28);
        assert_eq!(close.overdue_ratio, 3.0);
        assert!((close.priority - round2(5.0 * (1.0 + 3f64.ln()))).abs() < 1e-9);
        assert!(
            close.why.contains("Last contact 42 days ago"),
            "{}",
            close.why
        );

        let stranger = &d[2];
        assert_eq!(stranger.last_contact, None);
        assert_eq!(stranger.overdue_ratio, 1.0);
        assert_eq!(stranger.priority, 3.0);
        assert!(
            stranger.why.starts_with("No contact logged yet"),
            "{}",
            stranger.why
        );

        assert_eq!(d[1].cadence_days, 7);
        assert_eq!(d[1].days_overdue, 7);
        assert_eq!(d[3].days_overdue, 0);
    }

    #[test]
    fn a_sooner_room_weighs_more() {
        let today = day(TODAY);
        let people = vec![
            person(1, "Far", 3, 3, Stance::Aware),
            person(2, "Near", 3, 3, Stance::Aware),
            person(3, "None", 3, 3, Stance::Aware),
        ];
        let decisions = vec![
            decision(1, "Bonus", "2026-09-01", &[(1, RoomRole::Voice)]),
            decision(2, "Promotion", "2026-03-11", &[(2, RoomRole::Decider)]),
        ];
        let d = due(&people, &[], &decisions, &Settings::default(), today);
        assert_eq!(ids(&d), [2, 1, 3]);
        assert_eq!(d[0].priority, round2(3.0 * (1.0 + 60.0 / 40.0)));
        assert!(
            d[0].why.contains("sits in 'Promotion' in 10 days"),
            "{}",
            d[0].why
        );
        assert_eq!(d[2].room, None);
    }

    #[test]
    fn room_weights() {
        for (days, w) in [
            (Some(0), 3.0),
            (Some(30), 2.0),
            (Some(90), 1.5),
            (None, 1.0),
        ] {
            assert!((room_weight(days) - w).abs() < 1e-9, "{days:?}");
        }
    }

    #[test]
    fn holds_at_benchmark_size() {
        let w = large(10_000);
        let out = due(
            &w.people,
            &w.contacts,
            &w.decisions,
            &Settings::default(),
            w.today,
        );
        assert!(out.len() > 1_000, "{}", out.len());
        assert!(out.windows(2).all(|p| p[0].priority >= p[1].priority));
    }

    proptest! {
        #[test]
        fn any_interaction_today_resets_the_clock(
            influence in 1u8..=5, interest in 1u8..=5, cadence in 1i64..=730, earlier in 0i64..2000,
        ) {
            let today = day(TODAY);
            let mut p = person(1, "Dana", influence, interest, Stance::Aware);
            p.cadence = Some(CadenceDays::new(cadence).unwrap());
            // An old contact merged with one today: only today's counts.
            let contacts = [
                LastContact { person: pid(1), on: today.plus_days(-earlier), count: 3 },
                LastContact { person: pid(1), on: today, count: 1 },
            ];
            prop_assert!(due(&[p], &contacts, &[], &Settings::default(), today).is_empty());
        }

        #[test]
        fn priority_is_monotonic_in_influence_and_days_overdue(
            a in 1u8..=5, b in 1u8..=5, since in 30i64..800, extra in 0i64..400, room in prop::option::of(0i64..400),
        ) {
            let (lo, hi) = (a.min(b), a.max(b));
            let ratio = since as f64 / 30.0;
            let more = (since + extra) as f64 / 30.0;
            let i = |n: u8| Influence::new(i64::from(n)).unwrap();
            prop_assert!(priority(i(hi), ratio, room) >= priority(i(lo), ratio, room));
            prop_assert!(priority(i(lo), more, room) >= priority(i(lo), ratio, room));
        }

        #[test]
        fn due_orders_more_overdue_first_at_equal_influence(since_a in 30i64..500, since_b in 30i64..500) {
            let today = day(TODAY);
            let people = [person(1, "A", 3, 3, Stance::Aware), person(2, "B", 3, 3, Stance::Aware)];
            let mut p = people.to_vec();
            for q in &mut p { q.cadence = Some(CadenceDays::new(30).unwrap()); }
            let contacts = [
                LastContact { person: pid(1), on: today.plus_days(-since_a), count: 1 },
                LastContact { person: pid(2), on: today.plus_days(-since_b), count: 1 },
            ];
            let d = due(&p, &contacts, &[], &Settings::default(), today);
            prop_assert_eq!(d.len(), 2);
            prop_assert!(d[0].days_since >= d[1].days_since);
        }
    }
}

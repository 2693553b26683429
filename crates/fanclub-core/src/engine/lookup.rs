//! Lookups the engine's modules share: people by id, last contacts by person, and the
//! soonest upcoming room each person sits in. Each is built once per call, so no module
//! scans a list inside a loop (the engine must stay fast at 10,000 people).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::store::LastContact;
use crate::{
    CadenceDays, Day, Decision, DecisionId, Handle, Name, Person, PersonId, Record, RoomRole,
    Settings, Title,
};

/// Who an engine answer is about, enough to name and link them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: PersonId,
    pub name: Name,
    pub handle: Handle,
}

impl PersonRef {
    pub fn of(p: &Record<Person>) -> PersonRef {
        PersonRef {
            id: p.id,
            name: p.name.clone(),
            handle: p.handle.clone(),
        }
    }
}

/// The soonest upcoming decision a person sits in, and their part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RoomRef {
    pub decision: DecisionId,
    pub title: Title,
    pub on: Day,
    /// Days from today to the decision (0 when it is today).
    pub days_until: i64,
    pub role: RoomRole,
}

pub(crate) fn people_by_id(people: &[Record<Person>]) -> HashMap<PersonId, &Record<Person>> {
    people.iter().map(|p| (p.id, p)).collect()
}

/// The store sends one row per person; should a caller merge two sources, the latest
/// date wins so that any interaction resets the clock.
pub(crate) fn contacts_by_person(contacts: &[LastContact]) -> HashMap<PersonId, Day> {
    let mut by_person: HashMap<PersonId, Day> = HashMap::with_capacity(contacts.len());
    for c in contacts {
        by_person
            .entry(c.person)
            .and_modify(|d| *d = (*d).max(c.on))
            .or_insert(c.on);
    }
    by_person
}

/// For each person in at least one upcoming room (on or after today), the soonest one.
pub(crate) fn soonest_rooms(
    decisions: &[Record<Decision>],
    today: Day,
) -> HashMap<PersonId, RoomRef> {
    let mut rooms: HashMap<PersonId, RoomRef> = HashMap::new();
    for d in decisions.iter().filter(|d| d.is_upcoming(today)) {
        for seat in &d.room {
            let sooner = rooms
                .get(&seat.person)
                .is_none_or(|r| (d.on, d.id) < (r.on, r.decision));
            if sooner {
                rooms.insert(
                    seat.person,
                    RoomRef {
                        decision: d.id,
                        title: d.title.clone(),
                        on: d.on,
                        days_until: today.days_until(d.on),
                        role: seat.role,
                    },
                );
            }
        }
    }
    rooms
}

/// Whole days since the last contact, never negative (a contact logged ahead of time
/// counts as today).
pub(crate) fn days_since(last: Day, today: Day) -> i64 {
    last.days_until(today).max(0)
}

pub(crate) fn cadence_of(settings: &Settings, p: &Person) -> CadenceDays {
    settings.cadence.for_person(p)
}

/// Two decimals: enough for a person reading JSON, and stable in snapshots.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `today`, `1 day`, `12 days`: how long ago or ahead, in words.
pub(crate) fn days_phrase(n: i64) -> String {
    match n.abs() {
        0 => "today".to_string(),
        1 => "1 day".to_string(),
        k => format!("{k} days"),
    }
}

/// `12 days ago`, `today`.
pub(crate) fn ago(n: i64) -> String {
    match n {
        0 => "today".to_string(),
        _ => format!("{} ago", days_phrase(n)),
    }
}

/// `in 12 days`, `today`.
pub(crate) fn ahead(n: i64) -> String {
    match n {
        0 => "today".to_string(),
        _ => format!("in {}", days_phrase(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixtures::*;

    #[test]
    fn the_soonest_upcoming_room_wins_and_past_rooms_are_ignored() {
        let today = day("2026-03-01");
        let decisions = vec![
            decision(1, "Bonus", "2026-06-01", &[(1, RoomRole::Voice)]),
            decision(2, "Promotion", "2026-04-01", &[(1, RoomRole::Decider)]),
            decision(3, "Old staffing", "2026-01-01", &[(2, RoomRole::Decider)]),
        ];
        let rooms = soonest_rooms(&decisions, today);
        let r = &rooms[&pid(1)];
        assert_eq!(r.decision.get(), 2);
        assert_eq!(r.days_until, 31);
        assert_eq!(r.role, RoomRole::Decider);
        assert!(!rooms.contains_key(&pid(2)));
    }

    #[test]
    fn the_latest_contact_wins() {
        let contacts = [contact(1, "2026-01-01"), contact(1, "2026-02-01")];
        assert_eq!(contacts_by_person(&contacts)[&pid(1)], day("2026-02-01"));
    }

    #[test]
    fn phrases() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "1 day ago");
        assert_eq!(ahead(12), "in 12 days");
        assert_eq!(days_since(day("2026-03-05"), day("2026-03-01")), 0);
        assert!((round2(0.12345) - 0.12).abs() < 1e-12);
    }
}

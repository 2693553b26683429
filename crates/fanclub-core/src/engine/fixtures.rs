//! Small hand-built records for the engine's tests: short to write, valid by construction.

use crate::store::LastContact;
use crate::{
    Channel, Day, Decision, DecisionKind, Evidence, EvidenceSource, EvidenceStrength, Influence,
    Interest, Name, Person, PersonId, Record, Relation, RoomRole, Seat, Share, Stance, Title,
    TrackKey, Trust, TrustFactor, Win, WinKind,
};

pub fn day(s: &str) -> Day {
    Day::parse(s).expect("test dates are valid")
}

pub fn pid(n: i64) -> PersonId {
    PersonId::from_raw(n)
}

pub fn title(s: &str) -> Title {
    Title::parse(s).expect("test titles are valid")
}

/// A person with the given grid scores and stance; everything else as a quick add.
pub fn person(id: i64, name: &str, influence: u8, interest: u8, stance: Stance) -> Record<Person> {
    let mut p = Person::new(Name::parse(name).expect("test names are valid"));
    p.influence = Influence::new(i64::from(influence)).expect("influence 1..=5");
    p.interest = Interest::new(i64::from(interest)).expect("interest 1..=5");
    p.stance = stance;
    Record::new(pid(id), p)
}

pub fn with_relation(mut p: Record<Person>, relation: Relation) -> Record<Person> {
    p.relation = relation;
    p
}

pub fn trust(c: u8, r: u8, i: u8, s: u8) -> Trust {
    let f = |n: u8| TrustFactor::new(i64::from(n)).expect("trust factors 1..=10");
    Trust {
        credibility: f(c),
        reliability: f(r),
        intimacy: f(i),
        self_orientation: f(s),
    }
}

pub fn contact(person: i64, on: &str) -> LastContact {
    LastContact {
        person: pid(person),
        on: day(on),
        count: 1,
    }
}

pub fn decision(id: i64, name: &str, on: &str, seats: &[(i64, RoomRole)]) -> Record<Decision> {
    Record::new(
        crate::DecisionId::from_raw(id),
        Decision {
            title: title(name),
            kind: DecisionKind::Promotion,
            on: day(on),
            notes: None,
            room: seats
                .iter()
                .map(|&(p, role)| Seat {
                    person: pid(p),
                    role,
                })
                .collect(),
        },
    )
}

/// A win shared with each `(person, date)`.
pub fn win(id: i64, name: &str, on: &str, shares: &[(i64, &str)]) -> Record<Win> {
    let mut w = Win::new(day(on), title(name), WinKind::Release);
    w.shares = shares
        .iter()
        .map(|&(p, d)| Share {
            person: pid(p),
            on: day(d),
            channel: Channel::OneOnOne,
        })
        .collect();
    Record::new(crate::WinId::from_raw(id), w)
}

pub fn evidence(id: i64, track: &str, strength: EvidenceStrength, on: &str) -> Record<Evidence> {
    Record::new(
        crate::EvidenceId::from_raw(id),
        Evidence {
            on: day(on),
            track: TrackKey::parse(track).expect("test track keys are valid"),
            strength,
            source: EvidenceSource::Other,
            summary: title(&format!("evidence {id}")),
            quote: None,
            person: None,
            win: None,
            interaction: None,
        },
    )
}

/// A workspace of the benchmark's size, deterministic: `n` people with every grid score
/// and stance, a last contact for nine in ten, 100 rooms of eight seats, 2,000 wins.
pub struct Large {
    pub people: Vec<Record<Person>>,
    pub contacts: Vec<LastContact>,
    pub decisions: Vec<Record<Decision>>,
    pub wins: Vec<Record<Win>>,
    pub today: Day,
}

pub fn large(n: i64) -> Large {
    let today = day("2026-03-01");
    let people = (1..=n)
        .map(|i| {
            let stance = Stance::ALL[(i % 6) as usize];
            person(
                i,
                &format!("Person {i}"),
                (i % 5 + 1) as u8,
                (i / 5 % 5 + 1) as u8,
                stance,
            )
        })
        .collect();
    let contacts = (1..=n)
        .filter(|i| i % 10 != 0)
        .map(|i| LastContact {
            person: pid(i),
            on: today.plus_days(-(i * 7919 % 400)),
            count: 100,
        })
        .collect();
    let decisions = (1..=100)
        .map(|d| {
            let seats: Vec<(i64, RoomRole)> = (0..8)
                .map(|k| {
                    (
                        (d * 97 + k * 1231) % n + 1,
                        if k < 2 {
                            RoomRole::Decider
                        } else {
                            RoomRole::Voice
                        },
                    )
                })
                .collect();
            let on = today.plus_days(d * 3 - 60).to_string();
            decision(d, &format!("Decision {d}"), &on, &seats)
        })
        .collect();
    let wins = (1..=2000)
        .map(|w| {
            let on = today.plus_days(-(w % 365));
            let shares: Vec<(i64, String)> = (0..(w % 6))
                .map(|k| ((w * 31 + k * 577) % n + 1, on.to_string()))
                .collect();
            let shares: Vec<(i64, &str)> = shares.iter().map(|(p, d)| (*p, d.as_str())).collect();
            win(w, &format!("Win {w}"), &on.to_string(), &shares)
        })
        .collect();
    Large {
        people,
        contacts,
        decisions,
        wins,
        today,
    }
}

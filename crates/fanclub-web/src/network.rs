//! The introduction network, kept between searches. Laying out 200,000 connections is
//! most of an introduction-path search; it depends only on the connections and on which
//! people there are, so it is kept while the store hands out the same list of
//! connections (the same `Arc`: the store's cache keeps it until a connection changes)
//! and the people are the same ones, in the same order. A person edited, a stance
//! recorded or an interaction logged only works out my own links again.

use std::sync::{Arc, Mutex};

use fanclub_core::engine::paths::{IntroGraph, Network};
use fanclub_core::store::LastContact;
use fanclub_core::sync::lock;
use fanclub_core::{Connection, Day, Person, Record};

type Connections = Arc<Vec<Record<Connection>>>;

#[derive(Debug, Default)]
pub(crate) struct KeptNetwork(Mutex<Option<(Connections, Arc<Network>)>>);

impl KeptNetwork {
    /// The graph of `people`, `connections` and my `contacts`, on the kept network when
    /// it was laid out from these very connections for these people.
    pub(crate) fn graph(
        &self,
        people: &[Record<Person>],
        connections: &Connections,
        contacts: &[LastContact],
        today: Day,
    ) -> IntroGraph {
        // The kept `Arc` holds its list alive, so the same pointer is the same list.
        let kept = lock(&self.0)
            .as_ref()
            .filter(|(from, network)| Arc::ptr_eq(from, connections) && network.fits(people))
            .map(|(_, network)| network.clone());
        let network = kept.unwrap_or_else(|| {
            let network = Arc::new(Network::of(people, connections));
            *lock(&self.0) = Some((connections.clone(), network.clone()));
            network
        });
        IntroGraph::with_network(people, &network, contacts, today)
    }

    /// The network kept now (for tests).
    #[cfg(test)]
    fn kept(&self) -> Option<Arc<Network>> {
        lock(&self.0).as_ref().map(|(_, network)| network.clone())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use fanclub_core::engine::paths::IntroGraph;
    use fanclub_core::sample::sample_workspace;
    use fanclub_core::{Day, Stance};

    use super::KeptNetwork;

    #[test]
    fn the_network_is_kept_while_connections_and_people_stay_and_answers_as_a_fresh_build() {
        let today = Day::parse("2026-11-23").unwrap();
        let ws = sample_workspace(today);
        let connections = Arc::new(ws.connections.clone());
        let kept = KeptNetwork::default();
        let target = ws.people[ws.people.len() - 1].id;

        let first = kept.graph(&ws.people, &connections, &[], today);
        let network = kept.kept().expect("laid out once");
        // The target's stance changed: the same network, and the answer a fresh build
        // gives, which is not the first one (my link to them is warmer).
        let mut people = ws.people.clone();
        if let Some(p) = people.iter_mut().find(|p| p.id == target) {
            p.value.stance = Stance::Advocate;
        }
        let again = kept.graph(&people, &connections, &[], today);
        assert!(Arc::ptr_eq(&network, &kept.kept().unwrap()));
        let fresh = IntroGraph::build(&people, &connections, &[], today);
        assert_eq!(again.paths(target, 3), fresh.paths(target, 3));
        assert_ne!(
            again.paths(target, 3),
            first.paths(target, 3),
            "the stance counts"
        );

        // Another list of connections, or someone added, lays it out again.
        let other = Arc::new(ws.connections.clone());
        kept.graph(&people, &other, &[], today);
        let relaid = kept.kept().unwrap();
        assert!(!Arc::ptr_eq(&network, &relaid));
        people.pop();
        kept.graph(&people, &other, &[], today);
        assert!(!Arc::ptr_eq(&relaid, &kept.kept().unwrap()));
    }
}

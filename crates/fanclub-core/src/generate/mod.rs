//! Synthetic workspaces of any size for benchmarks and load tests: deterministic from a
//! seed, and shaped like a real member's data (a few powerful people, contact that is
//! long-tailed per person, a network with hubs) so that queries meet realistic skew.
//!
//! Counts of people, interactions and connections are honoured exactly, with two caps that
//! the data itself imposes: there are no interactions without people (`people == 0` gives
//! none), and at most one connection per pair of people (`people × (people − 1) / 2`).
//! Everything else (wins, evidence, rooms, reviews) grows slowly with the number of people.
//! Work and memory are proportional to the output: 10,000 people with 1,000,000
//! interactions and 200,000 connections take a few seconds in a release build.

mod contact;
mod people;
mod work;
mod zipf;

#[cfg(test)]
mod tests;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::{Day, Framework, PersonId, Settings, Title, TrackKey, Workspace};

use zipf::Zipf;

/// How big a workspace to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GenerateSpec {
    pub people: usize,
    pub interactions: usize,
    /// Capped at one per pair of people: see [`GenerateSpec::max_connections`].
    pub connections: usize,
    pub seed: u64,
}

impl GenerateSpec {
    /// The most connections `people` people can have: one per unordered pair.
    pub fn max_connections(people: usize) -> usize {
        people.saturating_mul(people.saturating_sub(1)) / 2
    }

    /// The connections that will actually be generated.
    pub fn connections_generated(&self) -> usize {
        self.connections.min(Self::max_connections(self.people))
    }

    /// The interactions that will actually be generated: none without people.
    pub fn interactions_generated(&self) -> usize {
        if self.people == 0 {
            0
        } else {
            self.interactions
        }
    }
}

/// The span of the generated history, in days before `today`.
pub(super) const HISTORY_DAYS: i64 = 730;

/// Generate a workspace as it looks on `today`. The same spec and day always give the same
/// workspace.
pub fn generate_workspace(spec: &GenerateSpec, today: Day) -> Workspace {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let framework = Framework::default_leadership();
    let tracks: Vec<TrackKey> = framework.tracks.iter().map(|t| t.key.clone()).collect();

    let people = people::people(&mut rng, spec.people);
    let stance_changes = people::stance_changes(&mut rng, &people, today);
    let contact = Zipf::new(&mut rng, &people);
    let interactions =
        contact::interactions(&mut rng, &contact, spec.interactions_generated(), today);
    let connections = contact::connections(&mut rng, &contact, spec.connections_generated());
    let goals = work::goals(today);
    let wins = work::wins(&mut rng, &contact, &tracks, goals.len(), today);
    let evidence = work::evidence(
        &mut rng,
        &contact,
        &tracks,
        wins.len(),
        interactions.len(),
        today,
    );
    let powerful: Vec<usize> = (0..people.len())
        .filter(|i| people[*i].influence.get() >= 4)
        .collect();

    Workspace {
        settings: Settings {
            me: Some("Load Test Member".into()),
            target_role: Some("Head of Product".into()),
            ..Settings::default()
        },
        framework,
        perceptions: work::perceptions(&mut rng, &contact, today),
        opportunities: work::opportunities(&mut rng, &powerful, &tracks, today),
        decisions: work::decisions(&mut rng, &contact, &powerful, today),
        reviews: work::reviews(today),
        people,
        stance_changes,
        connections,
        goals,
        interactions,
        wins,
        evidence,
    }
}

/// Pick from weighted choices: `weights` need not sum to anything in particular.
pub(super) fn weighted<T: Copy>(rng: &mut ChaCha8Rng, choices: &[(T, u32)]) -> T {
    let total: u32 = choices.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (c, w) in choices {
        if roll < *w {
            return *c;
        }
        roll -= w;
    }
    choices[choices.len() - 1].0
}

pub(super) fn pid(index: usize) -> PersonId {
    PersonId::from_raw(index as i64 + 1)
}

pub(super) fn title(s: &str) -> Title {
    Title::parse(s).expect("generator titles are valid")
}

pub(super) fn ago(today: Day, rng: &mut ChaCha8Rng, max: i64) -> Day {
    today.plus_days(-rng.random_range(0..=max))
}

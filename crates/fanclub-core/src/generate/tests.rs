//! Counts, determinism, soundness and shape of generated workspaces.

use std::collections::HashSet;

use super::*;
use crate::Day;
use crate::sample::check::assert_sound;

fn today() -> Day {
    Day::parse("2026-03-14").unwrap()
}

fn spec(people: usize, interactions: usize, connections: usize, seed: u64) -> GenerateSpec {
    GenerateSpec {
        people,
        interactions,
        connections,
        seed,
    }
}

#[test]
fn exact_counts_are_honoured() {
    for s in [
        spec(200, 5_000, 1_000, 1),
        spec(1, 10, 0, 2),
        spec(50, 0, 300, 3),
    ] {
        let ws = generate_workspace(&s, today());
        assert_eq!(ws.people.len(), s.people);
        assert_eq!(ws.interactions.len(), s.interactions);
        assert_eq!(ws.connections.len(), s.connections);
    }
}

#[test]
fn a_small_workspace_is_sound() {
    for seed in 0..5 {
        let ws = generate_workspace(&spec(120, 3_000, 600, seed), today());
        assert_sound(&ws, today());
    }
}

#[test]
fn tiny_and_empty_workspaces_are_sound() {
    for people in [0, 1, 2, 3, 6] {
        let ws = generate_workspace(&spec(people, 40, 100, 9), today());
        assert_sound(&ws, today());
        assert_eq!(ws.connections.len(), GenerateSpec::max_connections(people));
        assert_eq!(ws.interactions.len(), if people == 0 { 0 } else { 40 });
    }
}

#[test]
fn same_seed_same_workspace_different_seed_different_one() {
    let a = generate_workspace(&spec(100, 2_000, 400, 42), today());
    assert_eq!(a, generate_workspace(&spec(100, 2_000, 400, 42), today()));
    let b = generate_workspace(&spec(100, 2_000, 400, 43), today());
    assert_ne!(a.people, b.people);
    assert_ne!(a.interactions, b.interactions);
    assert_ne!(a.connections, b.connections);
}

#[test]
fn connections_are_capped_at_one_per_pair_and_never_repeat() {
    for (people, wanted) in [
        (10, 1_000),
        (10, 45),
        (10, 44),
        (30, 300),
        (30, 250),
        (1_000, 20_000),
    ] {
        let s = spec(people, 0, wanted, 7);
        let ws = generate_workspace(&s, today());
        assert_eq!(
            ws.connections.len(),
            wanted.min(GenerateSpec::max_connections(people))
        );
        assert_eq!(ws.connections.len(), s.connections_generated());
        let mut seen = HashSet::new();
        for c in &ws.connections {
            assert!(c.a < c.b, "normalized and no self-links");
            assert!(seen.insert((c.a, c.b)), "duplicate {}-{}", c.a, c.b);
        }
    }
}

#[test]
fn shaped_like_real_data() {
    let ws = generate_workspace(&spec(2_000, 50_000, 10_000, 5), today());
    // Influence skews low, with a few powerful people.
    let high = ws.people.iter().filter(|p| p.influence.get() >= 4).count();
    assert!(
        high > 0 && high * 4 < ws.people.len(),
        "{high} powerful of {}",
        ws.people.len()
    );
    // Contact is long-tailed: the busiest tenth of people get most of it.
    let mut per_person = vec![0usize; ws.people.len()];
    for i in &ws.interactions {
        assert!((1..=3).contains(&i.people.len()));
        for p in &i.people {
            per_person[p.get() as usize - 1] += 1;
        }
    }
    let total: usize = per_person.iter().sum();
    per_person.sort_unstable_by(|a, b| b.cmp(a));
    let top: usize = per_person[..ws.people.len() / 10].iter().sum();
    assert!(top * 2 > total, "top tenth has {top} of {total}");
    // Two years of history.
    let oldest = ws.interactions.first().unwrap().on;
    assert!(oldest.days_until(today()) > 700);
    // Hubs: the best-connected person has many times the average degree.
    let mut degree = vec![0usize; ws.people.len()];
    for c in &ws.connections {
        degree[c.a.get() as usize - 1] += 1;
        degree[c.b.get() as usize - 1] += 1;
    }
    let max = degree.iter().max().copied().unwrap_or(0);
    assert!(max > 10 * (2 * ws.connections.len() / ws.people.len()));
    // Rooms, wins with shares, evidence in every track, stance changes.
    assert!(ws.decisions.iter().all(|d| (5..=8).contains(&d.room.len())));
    assert!(
        ws.decisions
            .iter()
            .filter(|d| d.is_upcoming(today()))
            .count()
            >= 2
    );
    assert!(ws.wins.iter().any(|w| !w.shares.is_empty()));
    let tracks: HashSet<_> = ws.evidence.iter().map(|e| e.track.clone()).collect();
    assert_eq!(tracks.len(), ws.framework.tracks.len());
    assert!(ws.stance_changes.iter().any(|c| c.is_upgrade()));
    assert!(ws.stance_changes.len() > ws.people.len());
}

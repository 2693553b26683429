//! The engine's speed targets, in-process (figures in BENCHMARKS.md):
//! on 10,000 people, 1,000,000 interactions and 200,000 connections, room coverage, cadence
//! and visibility each under 20 ms; one intro-path query under 50 ms on a graph of 100,000
//! people and 1,000,000 connections; the outreach check under 1 ms per message.
//!
//! Run with `cargo bench -p fanclub-core --bench engine`.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use fanclub_core::engine::{cadence, coverage, outreach, paths, visibility, weekly};
use fanclub_core::generate::{GenerateSpec, generate_workspace};
use fanclub_core::store::LastContact;
use fanclub_core::{Day, PersonId, Workspace};

/// What the store's `last_contacts()` returns: aggregated once, as SQL does.
fn last_contacts(ws: &Workspace) -> Vec<LastContact> {
    let mut by: HashMap<PersonId, (Day, u64)> = HashMap::new();
    for i in &ws.interactions {
        for p in &i.people {
            let e = by.entry(*p).or_insert((i.on, 0));
            e.0 = e.0.max(i.on);
            e.1 += 1;
        }
    }
    by.into_iter()
        .map(|(person, (on, count))| LastContact { person, on, count })
        .collect()
}

fn today() -> Day {
    Day::from_ymd(2026, 11, 23).expect("a real date")
}

fn workspace_engine(c: &mut Criterion) {
    let ws = generate_workspace(
        &GenerateSpec {
            people: 10_000,
            interactions: 1_000_000,
            connections: 200_000,
            seed: 1,
        },
        today(),
    );
    let contacts = last_contacts(&ws);
    let open: Vec<_> = ws
        .interactions
        .iter()
        .filter(|i| i.has_open_follow_up())
        .cloned()
        .collect();
    let mut g = c.benchmark_group("10k people, 1M interactions");
    g.sample_size(30);
    g.bench_function("room coverage (every room)", |b| {
        b.iter(|| coverage::rooms(&ws.decisions, &ws.people, &contacts, &ws.settings, today()))
    });
    g.bench_function("cadence (due)", |b| {
        b.iter(|| cadence::due(&ws.people, &contacts, &ws.decisions, &ws.settings, today()))
    });
    g.bench_function("visibility", |b| {
        b.iter(|| visibility::visibility(&ws.wins, &ws.people, &ws.decisions, today()))
    });
    g.bench_function("weekly agenda", |b| {
        b.iter(|| {
            let inputs = weekly::WeekInputs {
                people: &ws.people,
                last_contacts: &contacts,
                decisions: &ws.decisions,
                wins: &ws.wins,
                evidence: &ws.evidence,
                framework: &ws.framework,
                perceptions: &ws.perceptions,
                interactions: &open,
                previous: None,
                settings: &ws.settings,
            };
            weekly::agenda(today().iso_week(), &inputs, today())
        })
    });
    g.finish();
}

fn intro_paths(c: &mut Criterion) {
    let ws = generate_workspace(
        &GenerateSpec {
            people: 100_000,
            interactions: 1_000_000,
            connections: 1_000_000,
            seed: 2,
        },
        today(),
    );
    let contacts = last_contacts(&ws);
    let graph = paths::IntroGraph::build(&ws.people, &ws.connections, &contacts, today());
    // Targets spread over the graph: some near, some far.
    let targets: Vec<PersonId> = ws.people.iter().step_by(9_973).map(|p| p.id).collect();
    let mut g = c.benchmark_group("100k people, 1M connections");
    g.sample_size(20);
    let mut n = 0;
    g.bench_function("intro paths (best 3, one target)", |b| {
        b.iter(|| {
            n = (n + 1) % targets.len();
            black_box(graph.paths(targets[n], 3))
        })
    });
    g.finish();
}

const DRAFTS: [&str; 3] = [
    "Hi Sam, do you have any vacancy in your team? Can you refer me? Thanks",
    "Hi Priya,\n\nAnna Berg suggested I write to you: we both spoke at Product Circle in March. \
     I am curious how you moved your team from feature requests to outcome goals, because we \
     are about to try the same with three squads and your talk was the clearest account I have \
     seen. What did you get wrong in the first quarter, and what would you do differently?\n\n\
     Would you be open to a 20-minute call in the next few weeks? Happy to share our playbook \
     in return.\n\nBest,\nNoor",
    "Hello! I am a product manager with eight years of experience in fintech, logistics and \
     healthcare. I have led teams of up to twelve people and launched many products. I am \
     passionate about users. I think I would be a great fit for your company and I would love \
     to hear about any openings you might have.",
];

fn outreach_check(c: &mut Criterion) {
    let mut g = c.benchmark_group("outreach");
    for (i, d) in DRAFTS.iter().enumerate() {
        g.bench_function(
            format!(
                "check a draft ({} words) #{i}",
                d.split_whitespace().count()
            ),
            |b| b.iter(|| outreach::check_message(black_box(d))),
        );
    }
    g.finish();
}

criterion_group!(benches, workspace_engine, intro_paths, outreach_check);
criterion_main!(benches);

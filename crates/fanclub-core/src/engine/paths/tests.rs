//! Hand-built graphs whose best chains are known, and a property test against brute force.

use proptest::prelude::*;

use super::*;
use crate::engine::fixtures::{contact, day, person, pid};
use crate::{ConnectionId, Strength};

const TODAY: &str = "2026-03-01";

fn link(id: i64, a: i64, b: i64, strength: i64) -> Record<Connection> {
    Record::new(
        ConnectionId::from_raw(id),
        Connection {
            a: pid(a),
            b: pid(b),
            strength: Strength::new(strength).unwrap(),
            note: None,
        },
    )
}

fn at(mut p: Record<Person>, org: &str) -> Record<Person> {
    p.organisation = Some(org.to_string());
    p
}

/// Ana (supporter, seen today) and Ben (aware, never contacted) are the people I know.
/// Cleo, Dev, Eve (a detractor) and Tess, the target, I do not.
///
/// ```text
/// me ─0.42─ Ana ─0.75─ Cleo ─0.75─ Tess       warmth 0.23625
/// me ─0.14─ Ben ─0.75─ Tess                   warmth 0.105
/// me ─0.42─ Ana ─0.3── Dev  ─0.75─ Tess       warmth 0.0945
/// me ─0.42─ Ana ─0.75─ Eve  ─0.75─ Tess       0.23625 too, but Eve is a detractor
/// ```
fn village() -> IntroGraph {
    let people = vec![
        person(1, "Ana Ruiz", 3, 3, Stance::Supporter),
        person(2, "Ben Okafor", 3, 3, Stance::Aware),
        person(3, "Cleo Park", 3, 3, Stance::Unknown),
        person(4, "Dev Shah", 3, 3, Stance::Unknown),
        person(5, "Tess Lang", 3, 3, Stance::Unknown),
        person(6, "Eve Marsh", 3, 3, Stance::Detractor),
    ];
    let connections = vec![
        link(1, 1, 3, 5),
        link(2, 3, 5, 5),
        link(3, 2, 5, 5),
        link(4, 1, 4, 2),
        link(5, 4, 5, 5),
        link(6, 6, 5, 5),
        link(7, 1, 6, 5),
    ];
    IntroGraph::build(&people, &connections, &[contact(1, TODAY)], day(TODAY))
}

fn names(p: &IntroPath) -> Vec<&str> {
    p.chain.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn the_warmest_chain_comes_first_and_detractors_pass_no_one_on() {
    let result = village().paths(pid(5), 3);
    assert_eq!(result.reach, Reach::Introduction);
    let chains: Vec<Vec<&str>> = result.paths.iter().map(names).collect();
    assert_eq!(
        chains,
        vec![
            vec!["Ana Ruiz", "Cleo Park", "Tess Lang"],
            vec!["Ben Okafor", "Tess Lang"],
            vec!["Ana Ruiz", "Dev Shah", "Tess Lang"],
        ]
    );
    let warmths: Vec<f64> = result.paths.iter().map(|p| p.warmth).collect();
    assert_eq!(warmths, vec![0.2363, 0.105, 0.0945]);
    assert_eq!(result.paths[0].introductions, 2);
    assert_eq!(result.paths[0].ask_first.person.name.as_str(), "Ana Ruiz");
    assert!(
        result.paths[0].ask_first.why.contains("Cleo Park"),
        "{}",
        result.paths[0].ask_first.why
    );
    assert!(
        result.summary.contains("ask Ana Ruiz"),
        "{}",
        result.summary
    );
}

#[test]
fn the_weakest_link_is_the_coldest_one() {
    let result = village().paths(pid(5), 3);
    let best = &result.paths[0];
    assert!(
        best.weakest.from.is_none(),
        "my own link to Ana (0.42) is the coldest"
    );
    assert_eq!(best.weakest.closeness, 0.42);
    assert_eq!(
        result.paths[1].weakest.closeness, 0.14,
        "my faint link to Ben"
    );
    let third = &result.paths[2];
    assert_eq!(
        third.weakest.from.as_ref().map(|p| p.name.as_str()),
        Some("Ana Ruiz")
    );
    assert_eq!(third.weakest.to.name.as_str(), "Dev Shah");
    assert_eq!(third.weakest.strength.map(Strength::get), Some(2));
}

#[test]
fn someone_i_know_needs_no_introduction() {
    let result = village().paths(pid(1), 3);
    assert_eq!(result.reach, Reach::Direct);
    assert_eq!(result.paths[0].introductions, 0);
    assert_eq!(names(&result.paths[0]), vec!["Ana Ruiz"]);
    assert!(
        result.summary.contains("no introduction needed"),
        "{}",
        result.summary
    );
    assert!(result.paths[0].ask_first.why.contains("yourself"));
}

#[test]
fn a_faint_direct_link_can_lose_to_a_warm_introduction() {
    // Ben: aware, never contacted (0.14). Ana → Cleo → Tess → Ben is 0.177.
    let result = village().paths(pid(2), 3);
    assert_eq!(result.reach, Reach::Direct);
    assert_eq!(
        names(&result.paths[0]),
        vec!["Ana Ruiz", "Cleo Park", "Tess Lang", "Ben Okafor"]
    );
    assert!(result.paths.iter().any(|p| p.introductions == 0));
    assert!(result.summary.contains("warmer"), "{}", result.summary);
    // Asked for one chain only, the summary still compares with my own link.
    let one = village().paths(pid(2), 1);
    assert_eq!(one.paths.len(), 1);
    assert!(one.summary.contains("against 0.14"), "{}", one.summary);
}

#[test]
fn unknown_and_unreachable_targets_say_so() {
    let people = vec![
        at(person(1, "Ana Ruiz", 3, 3, Stance::Advocate), "Acme"),
        at(person(2, "Zed Moss", 3, 3, Stance::Unknown), "Globex"),
        at(person(3, "Yan Li", 3, 3, Stance::Supporter), "globex "),
        person(4, "Quinn Ford", 3, 3, Stance::Unknown),
        person(5, "Rae Stone", 3, 3, Stance::Unknown),
    ];
    let connections = vec![link(1, 4, 5, 3), link(2, 1, 3, 2)];
    let graph = IntroGraph::build(&people, &connections, &[], day(TODAY));

    let unknown = graph.paths(pid(99), 3);
    assert_eq!(unknown.reach, Reach::UnknownPerson);
    assert!(unknown.person.is_none() && unknown.paths.is_empty());
    assert!(unknown.summary.contains("#99"));

    let zed = graph.paths(pid(2), 3);
    assert_eq!(zed.reach, Reach::Unreachable);
    assert!(zed.paths.is_empty());
    assert_eq!(zed.suggestions.len(), 1);
    assert_eq!(zed.suggestions[0].person.name.as_str(), "Yan Li");
    assert!(zed.suggestions[0].same_organisation);
    assert!(
        zed.summary.contains("nobody in your records is connected"),
        "{}",
        zed.summary
    );
    assert!(zed.summary.contains("Globex"), "{}", zed.summary);

    // Quinn knows Rae, but neither is linked to anyone I know.
    let quinn = graph.paths(pid(4), 3);
    assert_eq!(quinn.reach, Reach::Unreachable);
    assert!(
        quinn.summary.contains("not linked to anyone you know"),
        "{}",
        quinn.summary
    );
    assert!(quinn.suggestions.iter().all(|s| !s.same_organisation));
    assert!(
        !quinn.suggestions.is_empty(),
        "falls back to my best-connected contacts"
    );
}

#[test]
fn duplicate_connections_keep_the_strongest_and_unknown_ends_are_ignored() {
    let people = vec![
        person(1, "Ana Ruiz", 3, 3, Stance::Sponsor),
        person(2, "Tess Lang", 3, 3, Stance::Unknown),
    ];
    let connections = vec![link(1, 1, 2, 1), link(2, 2, 1, 4), link(3, 1, 77, 5)];
    let graph = IntroGraph::build(&people, &connections, &[contact(1, TODAY)], day(TODAY));
    let result = graph.paths(pid(2), 3);
    assert_eq!(result.paths.len(), 1);
    assert_eq!(
        result.paths[0].links[1].strength.map(Strength::get),
        Some(4)
    );
}

#[test]
fn k_is_honoured_and_capped() {
    let graph = village();
    assert_eq!(graph.paths(pid(5), 1).paths.len(), 1);
    assert_eq!(graph.paths(pid(5), 2).paths.len(), 2);
    // Only three chains avoid the detractor; asking for more returns what exists.
    assert_eq!(graph.paths(pid(5), 50).paths.len(), 3);
    // Repeated queries reuse working memory and give the same answer.
    assert_eq!(graph.paths(pid(5), 3), graph.paths(pid(5), 3));
}

/// Every loop-free chain from me to `target`, by brute force, as warmths (warmest first).
fn brute_force(
    people: &[Record<Person>],
    connections: &[Record<Connection>],
    contacts: &[LastContact],
    target: i64,
) -> Vec<f64> {
    let n = people.len();
    let idx = |id: PersonId| people.iter().position(|p| p.id == id);
    let mut adj = vec![vec![0.0f64; n]; n];
    for c in connections {
        if let (Some(a), Some(b)) = (idx(c.a), idx(c.b))
            && a != b
        {
            let w = weights::connection_closeness(c.strength);
            adj[a][b] = adj[a][b].max(w);
            adj[b][a] = adj[b][a].max(w);
        }
    }
    let today = day(TODAY);
    let me: Vec<f64> = people
        .iter()
        .map(|p| {
            let days = contacts
                .iter()
                .find(|c| c.person == p.id)
                .map(|c| c.on.days_until(today).max(0));
            weights::me_link(p.stance, p.trust.as_ref(), days).map_or(0.0, |l| l.closeness)
        })
        .collect();
    let Some(t) = idx(pid(target)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    fn walk(
        v: usize,
        t: usize,
        warmth: f64,
        seen: &mut Vec<bool>,
        adj: &[Vec<f64>],
        people: &[Record<Person>],
        out: &mut Vec<f64>,
    ) {
        if v == t {
            out.push(warmth);
            return;
        }
        if people[v].stance == Stance::Detractor {
            return;
        }
        for w in 0..adj.len() {
            if adj[v][w] > 0.0 && !seen[w] {
                seen[w] = true;
                walk(w, t, warmth * adj[v][w], seen, adj, people, out);
                seen[w] = false;
            }
        }
    }
    for s in 0..n {
        if me[s] > 0.0 {
            let mut seen = vec![false; n];
            seen[s] = true;
            walk(s, t, me[s], &mut seen, &adj, people, &mut out);
        }
    }
    out.sort_by(|a, b| b.total_cmp(a));
    out
}

/// Connection `i` links people `a` and `b` (taken modulo the `n` people) at strength `s`.
fn random_links(edges: &[(usize, usize, i64)], n: usize) -> Vec<Record<Connection>> {
    edges
        .iter()
        .enumerate()
        .map(|(i, &(a, b, s))| link(i as i64 + 1, (a % n) as i64 + 1, (b % n) as i64 + 1, s))
        .collect()
}

/// A contact in January with each of the `n` people marked `contacted`.
fn random_contacts(contacted: &[bool], n: usize) -> Vec<LastContact> {
    (0..n)
        .filter(|&i| contacted[i])
        .map(|i| contact(i as i64 + 1, "2026-01-15"))
        .collect()
}

fn stance_of(n: u8) -> Stance {
    Stance::ALL[usize::from(n) % Stance::ALL.len()]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// On small random graphs, the k chains are the k warmest of all loop-free chains,
    /// distinct, warmest first.
    #[test]
    fn yen_matches_brute_force(
        stances in proptest::collection::vec(0u8..6, 2..10),
        contacted in proptest::collection::vec(any::<bool>(), 10),
        edges in proptest::collection::vec((0usize..10, 0usize..10, 1i64..=5), 0..30),
        target in 0usize..10,
        k in 1usize..5,
    ) {
        let n = stances.len();
        let people: Vec<Record<Person>> = stances
            .iter()
            .enumerate()
            .map(|(i, &s)| person(i as i64 + 1, &format!("P{i}"), 3, 3, stance_of(s)))
            .collect();
        let connections: Vec<Record<Connection>> = random_links(&edges, n)
            .into_iter()
            .filter(|c| c.a != c.b)
            .collect();
        let contacts = random_contacts(&contacted, n);
        let target = (target % n) as i64 + 1;
        let graph = IntroGraph::build(&people, &connections, &contacts, day(TODAY));
        let result = graph.paths(pid(target), k);
        let expected = brute_force(&people, &connections, &contacts, target);
        let got: Vec<f64> = result.paths.iter().map(|p| p.warmth).collect();
        prop_assert_eq!(got.len(), expected.len().min(k));
        for (g, e) in got.iter().zip(&expected) {
            prop_assert!((g - e).abs() < 1e-4, "got {:?}, expected {:?}", got, expected);
        }
        for pair in result.paths.windows(2) {
            prop_assert!(pair[0].warmth >= pair[1].warmth);
        }
        let mut chains: Vec<Vec<PersonId>> = result.paths.iter().map(|p| p.chain.iter().map(|r| r.id).collect()).collect();
        for c in &chains {
            let mut unique = c.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), c.len(), "a chain visits someone twice");
            prop_assert_eq!(c.last().copied(), Some(pid(target)));
        }
        chains.sort();
        chains.dedup();
        prop_assert_eq!(chains.len(), result.paths.len(), "chains repeat");
        let reach_ok = match result.reach {
            Reach::Unreachable => expected.is_empty(),
            Reach::Direct | Reach::Introduction => !expected.is_empty(),
            Reach::UnknownPerson => false,
        };
        prop_assert!(reach_ok);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A network laid out before, for the same people, gives the graph a fresh build
    /// gives, whatever changed since in their stances, organisations and my contacts.
    #[test]
    fn a_kept_network_answers_as_a_fresh_build(
        before in proptest::collection::vec(0u8..6, 2..10),
        after in proptest::collection::vec(0u8..6, 10),
        contacted in proptest::collection::vec(any::<bool>(), 10),
        edges in proptest::collection::vec((0usize..10, 0usize..10, 1i64..=5), 0..30),
        k in 1usize..5,
    ) {
        let n = before.len();
        let people = |stances: &[u8]| -> Vec<Record<Person>> {
            (0..n)
                .map(|i| at(
                    person(i as i64 + 1, &format!("P{i}"), 3, 3, stance_of(stances[i])),
                    if stances[i].is_multiple_of(2) { "Acme" } else { "Globex" },
                ))
                .collect()
        };
        // Links of someone to themselves included: the graph ignores them.
        let connections = random_links(&edges, n);
        let contacts = random_contacts(&contacted, n);
        let network = Network::of(&people(&before), &connections);
        let now = people(&after);
        prop_assert!(network.fits(&now));
        let kept = IntroGraph::with_network(&now, &network, &contacts, day(TODAY));
        let fresh = IntroGraph::build(&now, &connections, &contacts, day(TODAY));
        for target in 1..=n as i64 + 1 {
            prop_assert_eq!(kept.paths(pid(target), k), fresh.paths(pid(target), k));
        }
        // Someone more, or the same people in another order, is another network.
        let mut more = now.clone();
        more.push(person(99, "New", 3, 3, Stance::Supporter));
        prop_assert!(!network.fits(&more));
        if n > 1 {
            let mut turned = now.clone();
            turned.reverse();
            prop_assert!(!network.fits(&turned));
        }
    }
}

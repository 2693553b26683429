//! Intro paths: the warmest chains of people from me to someone I want to meet, so I can
//! ask for an introduction instead of writing cold (`fanclub path TARGET`).
//!
//! # Model
//!
//! The member is an implicit node, *me*. Every link has a **closeness** in (0, 0.9]
//! (`weights` documents the formulas): my links come from the person's stance, trust
//! score and how recently we were in touch; links between two other people come from
//! their connection's strength (1–5). A chain's **warmth** is the product of its links'
//! closenesses, the chance-like figure "will this chain carry me all the way"; the
//! search minimises `Σ −ln(closeness)`, which maximises that product.
//!
//! A detractor is never a link in between (I would not ask them to vouch for me), but can
//! be a target. Chains are loop-free; the best `k` (3 by default, at most
//! [`MAX_PATHS`]) are returned warmest first, with the weakest link of each and whom to
//! ask first.
//!
//! # Outcomes
//!
//! - **direct**: I already know the target (they have a link from me): no introduction is
//!   needed, and the direct link is one of the paths. An introduction may still be listed
//!   first when it is warmer than my own faint link.
//! - **introduction**: chains exist, none direct.
//! - **unreachable**: no chain; suggestions are the people I know in the target's
//!   organisation, else my best-connected contacts.
//! - **unknown-person**: the id is not in the records the graph was built from.
//!
//! # Cost
//!
//! [`IntroGraph::build`] lays the graph out once (compressed adjacency lists); a query
//! allocates nothing proportional to the graph after the first (see `search`). Most of
//! the layout is the connections' [`Network`], which a caller may keep and hand to
//! [`IntroGraph::with_network`] while the connections and the set of people stay the
//! same: only my own links are then worked out again.

mod graph;
mod search;
pub mod weights;

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::{PersonRef, ago};
use crate::store::LastContact;
use crate::{Connection, Day, Person, PersonId, Record, Stance, Strength};

pub use graph::Network;
use graph::{Graph, ME};
use search::{Found, Scratch};
use weights::MeLink;

/// How many chains a query returns unless told otherwise.
pub const DEFAULT_PATHS: usize = 3;
/// The most chains a query returns: past a handful they stop being advice.
pub const MAX_PATHS: usize = 10;
/// How many people an unreachable answer suggests asking.
const MAX_SUGGESTIONS: usize = 5;

/// How the target can be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Reach {
    /// I know them already: write to them myself.
    Direct,
    /// Through one or more introductions.
    Introduction,
    /// No chain of people I know leads to them.
    Unreachable,
    /// No such person in the records.
    UnknownPerson,
}

/// One link of a chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    /// `None` for me.
    pub from: Option<PersonRef>,
    pub to: PersonRef,
    /// In (0, 0.9], three decimals.
    pub closeness: f64,
    /// The connection's strength; `None` for my own link.
    pub strength: Option<Strength>,
    /// Where the closeness comes from, in words.
    pub basis: String,
}

/// Whom to approach first, and why them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskFirst {
    pub person: PersonRef,
    pub why: String,
}

/// One chain from me to the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntroPath {
    /// The people from my first contact to the target (me not included).
    pub chain: Vec<PersonRef>,
    /// Introductions needed: 0 when I know the target myself.
    pub introductions: usize,
    /// The product of the links' closenesses, in (0, 0.9], four decimals.
    pub warmth: f64,
    pub links: Vec<Link>,
    /// The coldest link (the first of equals): where the chain is most likely to break.
    pub weakest: Link,
    pub ask_first: AskFirst,
}

/// Someone to ask when no chain exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestion {
    pub person: PersonRef,
    /// My link to them, three decimals.
    pub closeness: f64,
    /// They work where the target works (else: one of my best-connected contacts).
    pub same_organisation: bool,
    pub why: String,
}

/// The answer to "how do I reach this person?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PathsResult {
    pub target: PersonId,
    /// `None` when the id is unknown.
    pub person: Option<PersonRef>,
    pub reach: Reach,
    /// Warmest first.
    pub paths: Vec<IntroPath>,
    /// Filled when the target is unreachable.
    pub suggestions: Vec<Suggestion>,
    /// One or two sentences for the member.
    pub summary: String,
}

/// Who knows whom, loaded once and queried many times.
#[derive(Debug)]
pub struct IntroGraph {
    graph: Graph,
    /// Working memory returned by finished queries, so the next one need not allocate
    /// per-node arrays again. Concurrent queries each take their own.
    pool: Mutex<Vec<Scratch>>,
}

impl IntroGraph {
    /// Lay out the graph: everyone in `people`, their `connections` (links naming someone
    /// not in `people` are ignored; a pair recorded twice keeps its strongest), and my
    /// links as of `today` from stance, trust and `last_contacts`.
    pub fn build(
        people: &[Record<Person>],
        connections: &[Record<Connection>],
        last_contacts: &[LastContact],
        today: Day,
    ) -> IntroGraph {
        IntroGraph {
            graph: Graph::build(people, connections, last_contacts, today),
            pool: Mutex::new(Vec::new()),
        }
    }

    /// The same graph as `build`, from a `Network` of the connections laid out before
    /// for these people (`Network::fits` says whether it is). Building the network is
    /// most of the work: it can be kept while connections do not change, whatever else
    /// about the people or my contacts does.
    pub fn with_network(
        people: &[Record<Person>],
        network: &Network,
        last_contacts: &[LastContact],
        today: Day,
    ) -> IntroGraph {
        IntroGraph {
            graph: Graph::with_network(people, network, last_contacts, today),
            pool: Mutex::new(Vec::new()),
        }
    }

    /// How many people the graph holds.
    pub fn people(&self) -> usize {
        self.graph.nodes.len()
    }

    /// The warmest `k` chains from me to `target`, warmest first. `k` is clamped to
    /// `1..=MAX_PATHS`; fewer come back when fewer loop-free chains exist.
    pub fn paths(&self, target: PersonId, k: usize) -> PathsResult {
        let Some(&t) = self.graph.index.get(&target) else {
            return PathsResult {
                target,
                person: None,
                reach: Reach::UnknownPerson,
                paths: Vec::new(),
                suggestions: Vec::new(),
                summary: format!(
                    "No person #{target} in your records: add them first, then record who knows them."
                ),
            };
        };
        let k = k.clamp(1, MAX_PATHS);
        let found = self.search(t, k);
        let node = self.graph.node(t);
        let mut paths: Vec<IntroPath> = found.iter().map(|f| self.describe(f)).collect();
        // The search orders by summed single-precision costs; the reported warmth is the
        // exact product, so order by that (a no-op but for near-ties).
        paths.sort_by(|a, b| b.warmth.total_cmp(&a.warmth));
        for p in &mut paths {
            p.warmth = round(p.warmth, 4);
        }
        let reach = if node.me_link.is_some() {
            Reach::Direct
        } else if paths.is_empty() {
            Reach::Unreachable
        } else {
            Reach::Introduction
        };
        let suggestions = if reach == Reach::Unreachable {
            self.suggestions(t)
        } else {
            Vec::new()
        };
        let summary = self.summary(t, reach, &paths, &suggestions);
        PathsResult {
            target,
            person: Some(node.person.clone()),
            reach,
            paths,
            suggestions,
            summary,
        }
    }

    fn search(&self, t: u32, k: usize) -> Vec<Found> {
        let n = self.graph.node_count();
        let reused = self.pool.lock().ok().and_then(|mut pool| pool.pop());
        let mut scratch = reused
            .filter(|s| s.fits(n))
            .unwrap_or_else(|| Scratch::new(n));
        let found = scratch.k_best(&self.graph, t, k);
        if let Ok(mut pool) = self.pool.lock() {
            pool.push(scratch);
        }
        found
    }

    fn me_link(&self, v: u32) -> Option<MeLink> {
        self.graph.node(v).me_link
    }

    fn name(&self, v: u32) -> &str {
        self.graph.node(v).person.name.as_str()
    }

    fn describe(&self, found: &Found) -> IntroPath {
        let g = &self.graph;
        let links: Vec<Link> = found
            .nodes
            .windows(2)
            .map(|pair| {
                let (a, b) = (pair[0], pair[1]);
                let to = g.node(b).person.clone();
                if a == ME {
                    let link = self.me_link(b);
                    Link {
                        from: None,
                        to,
                        closeness: round(link.map_or(0.0, |l| l.closeness), 3),
                        strength: None,
                        basis: link.map_or_else(String::new, |l| me_basis(&l)),
                    }
                } else {
                    let strength = g.strength(a, b);
                    Link {
                        from: Some(g.node(a).person.clone()),
                        to,
                        closeness: round(strength.map_or(0.0, weights::connection_closeness), 3),
                        strength,
                        basis: strength.map_or_else(String::new, |s| {
                            format!("they {} (strength {s} of 5)", weights::strength_words(s))
                        }),
                    }
                }
            })
            .collect();
        let warmth = exact_warmth(g, &found.nodes);
        let weakest = links
            .iter()
            .enumerate()
            .min_by(|(i, a), (j, b)| a.closeness.total_cmp(&b.closeness).then(i.cmp(j)))
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| links[0].clone());
        let chain: Vec<PersonRef> = found.nodes[1..]
            .iter()
            .map(|&v| g.node(v).person.clone())
            .collect();
        let ask_first = self.ask_first(&found.nodes, &links);
        IntroPath {
            introductions: chain.len() - 1,
            chain,
            warmth,
            links,
            weakest,
            ask_first,
        }
    }

    fn ask_first(&self, nodes: &[u32], links: &[Link]) -> AskFirst {
        let first = nodes[1];
        let person = self.graph.node(first).person.clone();
        let basis = &links[0].basis;
        let target = self.name(nodes[nodes.len() - 1]);
        let why = match nodes.len() {
            2 => format!(
                "You know {target} yourself ({basis}): write to them directly, no introduction needed."
            ),
            3 => format!(
                "{} knows you ({basis}) and {target}: {}. Ask them to introduce you.",
                person.name, links[1].basis
            ),
            len => format!(
                "{} knows you ({basis}) and {}: {}. Ask them to introduce you; from there the chain needs {} more introduction{} to reach {target}.",
                person.name,
                self.name(nodes[2]),
                links[1].basis,
                len - 3,
                if len - 3 == 1 { "" } else { "s" },
            ),
        };
        AskFirst { person, why }
    }

    fn suggestions(&self, t: u32) -> Vec<Suggestion> {
        let g = &self.graph;
        let target = self.name(t);
        let mut out: Vec<(f64, u32, String, bool)> = Vec::new();
        let node = g.node(t);
        if let (Some(key), Some(org)) = (&node.org_key, &node.organisation) {
            for &v in g
                .by_organisation
                .get(key)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                if let (true, Some(link)) = (v != t, self.me_link(v)) {
                    let why = format!(
                        "Works at {org} like {target}, and you know them ({}): ask whether they know {target}, and record it as a connection.",
                        me_basis(&link)
                    );
                    out.push((link.closeness, v, why, true));
                }
            }
        }
        if out.is_empty() {
            // Nobody I know at their organisation: my warmest, best-connected contacts
            // are the likeliest to know someone who knows them.
            for v in 1..u32::try_from(g.node_count()).unwrap_or(u32::MAX) {
                if let (true, Some(link)) = (v != t, self.me_link(v)) {
                    let degree = g.degree(v);
                    if degree == 0 {
                        continue;
                    }
                    let score = link.closeness * (1.0 + degree as f64).ln();
                    let why = format!(
                        "You know them ({}) and they know {degree} {} in your records: ask whether they know {target} or someone close to them.",
                        me_basis(&link),
                        if degree == 1 { "person" } else { "people" }
                    );
                    out.push((score, v, why, false));
                }
            }
        }
        out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out.truncate(MAX_SUGGESTIONS);
        out.into_iter()
            .map(|(_, v, why, same_organisation)| Suggestion {
                person: g.node(v).person.clone(),
                closeness: round(self.me_link(v).map_or(0.0, |l| l.closeness), 3),
                same_organisation,
                why,
            })
            .collect()
    }

    fn summary(
        &self,
        t: u32,
        reach: Reach,
        paths: &[IntroPath],
        suggestions: &[Suggestion],
    ) -> String {
        let node = self.graph.node(t);
        let target = node.person.name.as_str();
        let mut out = match reach {
            Reach::Direct => {
                let basis = node.me_link.map(|l| me_basis(&l)).unwrap_or_default();
                let mut s = format!("You already know {target} ({basis}): no introduction needed.");
                if let Some(best) = paths.first().filter(|p| p.introductions > 0) {
                    s.push_str(&format!(
                        " Your own link is faint, though: an introduction by {} is warmer (warmth {} against {}).",
                        best.ask_first.person.name,
                        best.warmth,
                        // My own link may be past the k chains asked for: read it directly.
                        round(node.me_link.map_or(0.0, |l| l.closeness), 4),
                    ));
                }
                s
            }
            Reach::Introduction => {
                let best = &paths[0];
                format!(
                    "{} way{} to {target}; the warmest: ask {} ({} introduction{}, warmth {}, weakest link {}).",
                    paths.len(),
                    if paths.len() == 1 { "" } else { "s" },
                    best.ask_first.person.name,
                    best.introductions,
                    if best.introductions == 1 { "" } else { "s" },
                    best.warmth,
                    best.weakest.closeness,
                )
            }
            Reach::Unreachable => {
                let mut s = if self.graph.degree(t) == 0 {
                    format!(
                        "No chain of people you know leads to {target}: nobody in your records is connected to them."
                    )
                } else {
                    format!(
                        "No chain of people you know leads to {target}: the people they know are not linked to anyone you know."
                    )
                };
                match (suggestions.first(), &node.organisation) {
                    (Some(first), Some(org)) if first.same_organisation => s.push_str(&format!(
                        " You know {} at {org}: start there.",
                        count_people(suggestions.len()),
                    )),
                    (Some(first), _) => s.push_str(&format!(
                        " Start with your best-connected contacts, such as {}.",
                        first.person.name
                    )),
                    (None, _) => {
                        s.push_str(" Record who knows them (a connection) to find a way in.")
                    }
                }
                s
            }
            Reach::UnknownPerson => String::new(),
        };
        if node.stance == Stance::Detractor {
            out.push_str(&format!(
                " {target} is a detractor: a warm introduction may open more than a note from you."
            ));
        }
        out
    }
}

fn count_people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// My link in words: "supporter, trust 6.7, last contact 12 days ago".
fn me_basis(link: &MeLink) -> String {
    let mut s = link.stance.to_string();
    if let Some(t) = link.trust {
        s.push_str(&format!(", trust {t:.1}"));
    }
    match link.days_since {
        Some(d) => s.push_str(&format!(", last contact {}", ago(d))),
        None => s.push_str(", no contact logged"),
    }
    s
}

/// The exact product of closenesses along a chain of node ids.
fn exact_warmth(g: &Graph, nodes: &[u32]) -> f64 {
    nodes
        .windows(2)
        .map(|pair| {
            if pair[0] == ME {
                g.node(pair[1]).me_link.map_or(0.0, |l| l.closeness)
            } else {
                g.strength(pair[0], pair[1])
                    .map_or(0.0, weights::connection_closeness)
            }
        })
        .product()
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

#[cfg(test)]
mod tests;

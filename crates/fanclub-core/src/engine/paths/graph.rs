//! The intro graph in memory: who I know and how well (the "me" links), who knows whom
//! (connections), laid out once as compressed adjacency lists so that every query walks
//! flat arrays instead of rebuilding anything.
//!
//! Node 0 is me; person `i` of the input is node `i + 1`. Each person's list holds their
//! connections and, when I know them, a link back to me (the reverse search from the
//! target walks it); my own list holds my links. Lists are sorted by neighbour so that a
//! link's strength can be found again by binary search when a path is explained.

use std::collections::HashMap;

use crate::engine::lookup::{PersonRef, contacts_by_person, days_since};
use crate::store::LastContact;
use crate::{Connection, Day, Person, PersonId, Record, Stance, Strength};

use super::weights::{self, MeLink};

/// The implicit member node.
pub(super) const ME: u32 = 0;

/// One directed step of the adjacency lists.
#[derive(Debug, Clone, Copy)]
pub(super) struct Arc {
    pub to: u32,
    /// `-ln(closeness)`: a sum of costs is minus the log of the product of closenesses.
    pub cost: f32,
    /// The connection's strength, 0 for a link to or from me.
    pub strength: u8,
}

/// What a query needs to know about a person beyond the arcs.
#[derive(Debug)]
pub(super) struct Node {
    pub person: PersonRef,
    pub stance: Stance,
    /// As typed, trimmed.
    pub organisation: Option<String>,
    /// Trimmed and lowercased, so "Acme " and "acme" are one organisation.
    pub org_key: Option<String>,
    pub me_link: Option<MeLink>,
}

/// The graph proper: adjacency in compressed sparse rows.
#[derive(Debug)]
pub(super) struct Graph {
    /// `nodes[v - 1]` describes node `v` (node 0, me, has no entry).
    pub nodes: Vec<Node>,
    pub index: HashMap<PersonId, u32>,
    /// Node `v`'s arcs are `arcs[offsets[v]..offsets[v + 1]]`.
    pub offsets: Vec<u32>,
    pub arcs: Vec<Arc>,
    /// May this node pass me on? Everyone but detractors: I would not ask someone who is
    /// against me to vouch for me, so they can be a target but never a link in between.
    pub relay: Vec<bool>,
    /// The cost of my link to each node, infinite where I have none (and for me).
    pub me_cost: Vec<f32>,
    /// The cheapest of those: a lower bound on the first link of any chain.
    pub min_me_cost: f64,
    /// My links, cheapest first: the search from me takes them in this order instead of
    /// pushing them all on its heap (I may know most of the graph).
    pub me_by_cost: Vec<(f32, u32)>,
    /// People by organisation (the key as in `Node::org_key`), for the suggestions
    /// made when no chain exists.
    pub by_organisation: HashMap<String, Vec<u32>>,
}

impl Graph {
    pub fn build(
        people: &[Record<Person>],
        connections: &[Record<Connection>],
        last_contacts: &[LastContact],
        today: Day,
    ) -> Graph {
        let (index, ids) = node_index(people);
        let network = Network::build(&index, ids.len() + 1, connections);
        Graph::assemble(people, index, &network, last_contacts, today)
    }

    /// The graph from a network laid out before for the same people (`Network::fits`):
    /// only what depends on the people themselves and on my contacts is worked out.
    pub fn with_network(
        people: &[Record<Person>],
        network: &Network,
        last_contacts: &[LastContact],
        today: Day,
    ) -> Graph {
        let (index, _) = node_index(people);
        Graph::assemble(people, index, network, last_contacts, today)
    }

    /// Nodes, my links, and the rows with my links put in: mine as row 0, and a link back
    /// to me at the head of each row I reach (me, node 0, sorts before everyone).
    fn assemble(
        people: &[Record<Person>],
        index: HashMap<PersonId, u32>,
        network: &Network,
        last_contacts: &[LastContact],
        today: Day,
    ) -> Graph {
        let contacts = contacts_by_person(last_contacts);
        let mut nodes = Vec::with_capacity(index.len());
        let mut relay = Vec::with_capacity(index.len() + 1);
        let mut by_organisation: HashMap<String, Vec<u32>> = HashMap::new();
        relay.push(false);
        for p in people {
            // A person listed twice keeps their first node (see `node_index`).
            let v = u32::try_from(nodes.len() + 1).unwrap_or(u32::MAX);
            if index.get(&p.id) != Some(&v) {
                continue;
            }
            let days = contacts.get(&p.id).map(|&on| days_since(on, today));
            let organisation = p
                .organisation
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(String::from);
            let org_key = organisation.as_deref().map(str::to_lowercase);
            if let Some(o) = &org_key {
                by_organisation.entry(o.clone()).or_default().push(v);
            }
            relay.push(p.stance != Stance::Detractor);
            nodes.push(Node {
                person: PersonRef::of(p),
                stance: p.stance,
                organisation,
                org_key,
                me_link: weights::me_link(p.stance, p.trust.as_ref(), days),
            });
        }
        let n = nodes.len() + 1;

        let mut me_cost = vec![f32::INFINITY; n];
        for (i, node) in nodes.iter().enumerate() {
            if let Some(link) = node.me_link {
                me_cost[i + 1] = weights::cost(link.closeness);
            }
        }
        let me_arc = |v: usize| Arc {
            to: u32::try_from(v).unwrap_or(u32::MAX),
            cost: me_cost[v],
            strength: 0,
        };
        let mine = (1..n).filter(|&v| me_cost[v].is_finite()).count();
        let mut arcs = Vec::with_capacity(network.arcs.len() + mine * 2);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        arcs.extend((1..n).filter(|&v| me_cost[v].is_finite()).map(me_arc));
        offsets.push(u32::try_from(arcs.len()).unwrap_or(u32::MAX));
        for (v, &cost) in me_cost.iter().enumerate().skip(1) {
            if cost.is_finite() {
                arcs.push(Arc {
                    to: ME,
                    cost,
                    strength: 0,
                });
            }
            arcs.extend_from_slice(network.row(v));
            offsets.push(u32::try_from(arcs.len()).unwrap_or(u32::MAX));
        }

        let min_me_cost = me_cost.iter().copied().fold(f32::INFINITY, f32::min);
        let mut me_by_cost: Vec<(f32, u32)> = arcs[offsets[0] as usize..offsets[1] as usize]
            .iter()
            .map(|a| (a.cost, a.to))
            .collect();
        me_by_cost.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        Graph {
            nodes,
            me_cost,
            min_me_cost: f64::from(min_me_cost),
            me_by_cost,
            index,
            offsets,
            arcs,
            relay,
            by_organisation,
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len() + 1
    }

    pub fn arcs_of(&self, v: u32) -> &[Arc] {
        let v = v as usize;
        &self.arcs[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    /// The person at node `v` (not me).
    pub fn node(&self, v: u32) -> &Node {
        &self.nodes[v as usize - 1]
    }

    /// The arc from `a` to `b`, when they are linked.
    pub fn arc(&self, a: u32, b: u32) -> Option<Arc> {
        let row = self.arcs_of(a);
        row.binary_search_by_key(&b, |x| x.to).ok().map(|i| row[i])
    }

    /// How many people this node is connected to, me excluded.
    pub fn degree(&self, v: u32) -> usize {
        self.arcs_of(v).iter().filter(|a| a.to != ME).count()
    }

    /// The strength of the connection between two people, if any.
    pub fn strength(&self, a: u32, b: u32) -> Option<Strength> {
        self.arc(a, b)
            .filter(|x| x.strength > 0)
            .and_then(|x| Strength::new(i64::from(x.strength)).ok())
    }
}

/// Each person's node: person `i` of the input is node `i + 1`, a person listed twice
/// keeping their first (the later copy is ignored rather than splitting their
/// connections over two nodes). Also the ids in node order.
fn node_index(people: &[Record<Person>]) -> (HashMap<PersonId, u32>, Vec<PersonId>) {
    let mut index = HashMap::with_capacity(people.len());
    let mut ids = Vec::with_capacity(people.len());
    for p in people {
        if index.contains_key(&p.id) {
            continue;
        }
        ids.push(p.id);
        index.insert(p.id, u32::try_from(ids.len()).unwrap_or(u32::MAX));
    }
    (index, ids)
}

/// Who knows whom, as compressed rows over the people's nodes, without my own links:
/// it depends only on the connections and on which person is which node, so it can be
/// kept while people's other fields and my contacts change (`Graph::with_network`).
#[derive(Debug)]
pub struct Network {
    /// The people's ids in node order: the network fits any list that gives the same.
    ids: Vec<PersonId>,
    /// Node `v`'s connections are `arcs[offsets[v]..offsets[v + 1]]` (node 0, me: none).
    offsets: Vec<u32>,
    arcs: Vec<Arc>,
}

impl Network {
    /// Lay out `connections` between `people` (links naming someone not in `people` are
    /// ignored; a pair recorded twice keeps its strongest).
    pub fn of(people: &[Record<Person>], connections: &[Record<Connection>]) -> Network {
        let (index, ids) = node_index(people);
        let mut network = Network::build(&index, ids.len() + 1, connections);
        network.ids = ids;
        network
    }

    /// Whether this network was laid out for the same people as `people`, in the same
    /// order.
    pub fn fits(&self, people: &[Record<Person>]) -> bool {
        let (_, ids) = node_index(people);
        ids == self.ids
    }

    fn row(&self, v: usize) -> &[Arc] {
        &self.arcs[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }

    fn build(
        index: &HashMap<PersonId, u32>,
        n: usize,
        connections: &[Record<Connection>],
    ) -> Network {
        // Directed arcs, both ways for every connection.
        let mut edges: Vec<(u32, Arc)> = Vec::with_capacity(connections.len() * 2);
        for c in connections {
            let (Some(&a), Some(&b)) = (index.get(&c.a), index.get(&c.b)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let cost = weights::cost(weights::connection_closeness(c.strength));
            let strength = c.strength.get();
            edges.push((
                a,
                Arc {
                    to: b,
                    cost,
                    strength,
                },
            ));
            edges.push((
                b,
                Arc {
                    to: a,
                    cost,
                    strength,
                },
            ));
        }

        // Counting sort by source, then each row sorted by neighbour with the strongest
        // duplicate kept: a pair recorded twice is one link, at its best strength.
        let mut offsets = vec![0u32; n + 1];
        for (from, _) in &edges {
            offsets[*from as usize + 1] += 1;
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let mut fill = offsets.clone();
        let placeholder = Arc {
            to: 0,
            cost: 0.0,
            strength: 0,
        };
        let mut arcs = vec![placeholder; edges.len()];
        for (from, arc) in edges {
            let slot = &mut fill[from as usize];
            arcs[*slot as usize] = arc;
            *slot += 1;
        }
        let mut compact = Vec::with_capacity(arcs.len());
        let mut new_offsets = Vec::with_capacity(n + 1);
        new_offsets.push(0u32);
        for v in 0..n {
            let row = &mut arcs[offsets[v] as usize..offsets[v + 1] as usize];
            row.sort_unstable_by(|x, y| x.to.cmp(&y.to).then(x.cost.total_cmp(&y.cost)));
            let mut last = None;
            for arc in row.iter() {
                if last != Some(arc.to) {
                    compact.push(*arc);
                    last = Some(arc.to);
                }
            }
            new_offsets.push(u32::try_from(compact.len()).unwrap_or(u32::MAX));
        }
        Network {
            ids: Vec::new(),
            offsets: new_offsets,
            arcs: compact,
        }
    }
}

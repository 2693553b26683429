//! The k warmest loop-free chains from me to a target: Yen's algorithm, with each spur
//! search an A* guided by exact distances from one reverse Dijkstra.
//!
//! # Why this shape
//!
//! The best chain comes from a **bidirectional Dijkstra**: one search from me, one from
//! the target over the undirected graph, each expanding the side with the smaller
//! frontier, stopping once the two frontiers' smallest keys add up to at least the best
//! meeting found (`top_me + top_target ≥ μ`). Balls grow quickly with their radius in a
//! social graph, so two balls of half the radius are far smaller than one of the whole:
//! a plain Dijkstra from me, who knows many people, would explore most of the graph.
//!
//! The search from the target leaves `h(v)`, the exact cost from each node it settled to
//! the target; every node it did not settle is at least `R` away, the smallest key left
//! on its frontier, so `h = min(d, R)` is a lower bound everywhere (and consistent,
//! being the minimum of a consistent bound and a constant). Yen's spur searches (a few
//! per extra chain) then run as A* with that heuristic: those near the target are
//! guided exactly, those near me explore about the half-radius ball around me.
//!
//! Removing links and root nodes (Yen) only makes distances longer, so `h` stays
//! admissible in every spur search. The searches re-open a node when they find it
//! cheaper, which keeps them exact even where floating-point rounding makes `h` a hair
//! inconsistent.
//!
//! Lawler's refinement: a chain's spur searches start at the point where it left its
//! parent chain; earlier spur points would only repeat searches already made.
//!
//! I may know most of the graph (a member who logs every meeting): my own links are never
//! pushed on a heap all at once. The search from me takes them cheapest first from a
//! sorted list, and the spur at me resumes the search from the target instead (every
//! chain is `me → w → …`, so it only needs `min c(me, w) + d(w)`), falling back to the
//! A* when that would cost more than walking my links. Measured in release builds on
//! 100,000 people and 1,000,000 connections: about 2 ms a query (5 ms at worst) when I
//! know one person in 300, about 7 ms (15 ms at worst) when I have met nine in ten.
//!
//! All per-node state lives in a `Scratch` reused across queries; an epoch stamp marks
//! which entries belong to the current search, so starting one costs nothing
//! proportional to the graph.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::graph::{Graph, ME};

/// Settled nodes the spur at me may always spend before handing over to the A*. Results
/// never depend on it, only speed: unit tests use 0 so that both routes run on small graphs.
const BUDGET_FLOOR: usize = if cfg!(test) { 0 } else { 64 };

/// One chain found: node ids from me (first) to the target (last), and its total cost.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    pub nodes: Vec<u32>,
    pub cost: f64,
    /// Where it left the chain it was derived from (Lawler).
    deviation: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    key: f64,
    g: f64,
    node: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    // Reversed, so that `BinaryHeap` (a max-heap) pops the smallest key first; ties go
    // to the lower node id so results do not depend on heap internals.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .key
            .total_cmp(&self.key)
            .then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Per-node working memory for one query at a time.
#[derive(Debug)]
pub(super) struct Scratch {
    rev_dist: Vec<f64>,
    rev_next: Vec<u32>,
    rev_stamp: Vec<u32>,
    rev_epoch: u32,
    /// Lower bound given to nodes the reverse search did not settle.
    radius: f64,
    g: Vec<f64>,
    prev: Vec<u32>,
    stamp: Vec<u32>,
    blocked: Vec<u32>,
    epoch: u32,
    heap: BinaryHeap<Entry>,
    rev_heap: BinaryHeap<Entry>,
    /// Nodes I have a link to, in the order the search from the target settled them.
    rev_order: Vec<u32>,
}

impl Scratch {
    pub fn new(n: usize) -> Scratch {
        Scratch {
            rev_dist: vec![f64::INFINITY; n],
            rev_next: vec![u32::MAX; n],
            rev_stamp: vec![0; n],
            rev_epoch: 0,
            radius: f64::INFINITY,
            g: vec![f64::INFINITY; n],
            prev: vec![u32::MAX; n],
            stamp: vec![0; n],
            blocked: vec![0; n],
            epoch: 0,
            heap: BinaryHeap::new(),
            rev_heap: BinaryHeap::new(),
            rev_order: Vec::new(),
        }
    }

    pub fn fits(&self, n: usize) -> bool {
        self.g.len() == n
    }

    fn next_rev_epoch(&mut self) {
        if self.rev_epoch == u32::MAX {
            self.rev_stamp.fill(0);
            self.rev_epoch = 0;
        }
        self.rev_epoch += 1;
    }

    fn next_epoch(&mut self) {
        if self.epoch == u32::MAX {
            self.stamp.fill(0);
            self.blocked.fill(0);
            self.epoch = 0;
        }
        self.epoch += 1;
    }

    fn rev(&self, v: u32) -> f64 {
        let v = v as usize;
        if self.rev_stamp[v] == self.rev_epoch {
            self.rev_dist[v]
        } else {
            f64::INFINITY
        }
    }

    /// The A* heuristic: a lower bound on the cost from `v` to the target.
    fn h(&self, v: u32) -> f64 {
        self.rev(v).min(self.radius)
    }

    fn cost_so_far(&self, v: u32) -> f64 {
        let v = v as usize;
        if self.stamp[v] == self.epoch {
            self.g[v]
        } else {
            f64::INFINITY
        }
    }

    /// The smallest live key of a frontier (stale entries are dropped on the way).
    fn top(&mut self, backward: bool) -> f64 {
        loop {
            let heap = if backward { &self.rev_heap } else { &self.heap };
            let Some(&Entry { key, node, .. }) = heap.peek() else {
                return f64::INFINITY;
            };
            let label = if backward {
                self.rev(node)
            } else {
                self.cost_so_far(node)
            };
            if key <= label {
                return key;
            }
            if backward {
                self.rev_heap.pop();
            } else {
                self.heap.pop();
            }
        }
    }

    /// The best chain by bidirectional Dijkstra, or `None` when there is none. Leaves the
    /// heuristic (`rev_*` and `radius`) ready for the spur searches.
    fn first(&mut self, graph: &Graph, target: u32) -> Option<Found> {
        self.next_rev_epoch();
        self.next_epoch();
        self.heap.clear();
        self.rev_heap.clear();
        self.rev_order.clear();
        let t = target as usize;
        self.rev_dist[t] = 0.0;
        self.rev_next[t] = u32::MAX;
        self.rev_stamp[t] = self.rev_epoch;
        self.rev_heap.push(Entry {
            key: 0.0,
            g: 0.0,
            node: target,
        });
        let me = ME as usize;
        self.g[me] = 0.0;
        self.prev[me] = u32::MAX;
        self.stamp[me] = self.epoch;
        // Me, expanded lazily: my links are taken cheapest first from `me_by_cost`, as
        // if they were on the heap, so knowing 90,000 people costs nothing up front.
        let mine = &graph.me_by_cost;
        let mut next_mine = 0;

        let mut best = f64::INFINITY;
        // The arc where the two searches met: (side of me, side of the target).
        let mut meet = None;
        loop {
            let mine_key = mine
                .get(next_mine)
                .map_or(f64::INFINITY, |&(c, _)| f64::from(c));
            let heap_key = self.top(false);
            let (top_me, top_target) = (heap_key.min(mine_key), self.top(true));
            if top_me + top_target >= best || top_me.is_infinite() || top_target.is_infinite() {
                break;
            }
            let forward_size = self.heap.len() + (mine.len() - next_mine);
            let backward = self.rev_heap.len() <= forward_size;
            let popped = if backward {
                self.rev_heap.pop()
            } else if mine_key <= heap_key {
                let (_, w) = mine[next_mine];
                next_mine += 1;
                if mine_key >= self.cost_so_far(w) {
                    // Reached more cheaply through someone else: that entry settles it.
                    continue;
                }
                let wi = w as usize;
                self.g[wi] = mine_key;
                self.prev[wi] = ME;
                self.stamp[wi] = self.epoch;
                if (w == target || graph.relay[wi]) && mine_key + self.rev(w) < best {
                    best = mine_key + self.rev(w);
                    meet = Some((ME, w));
                }
                Some(Entry {
                    key: mine_key,
                    g: mine_key,
                    node: w,
                })
            } else {
                self.heap.pop()
            };
            let Some(Entry { key, node: v, .. }) = popped else {
                break;
            };
            if backward && graph.me_cost[v as usize].is_finite() {
                self.rev_order.push(v);
            }
            // Chains end at the target, start at me, and pass through relays only.
            let (start, end) = if backward { (target, ME) } else { (ME, target) };
            if v == end || (v != start && !graph.relay[v as usize]) {
                continue;
            }
            for arc in graph.arcs_of(v) {
                let w = arc.to;
                if w == start {
                    continue;
                }
                let d = key + f64::from(arc.cost);
                let other = if backward {
                    if d < self.rev(w) {
                        let wi = w as usize;
                        self.rev_dist[wi] = d;
                        self.rev_next[wi] = v;
                        self.rev_stamp[wi] = self.rev_epoch;
                        self.rev_heap.push(Entry {
                            key: d,
                            g: d,
                            node: w,
                        });
                    }
                    self.cost_so_far(w)
                } else {
                    if d < self.cost_so_far(w) {
                        let wi = w as usize;
                        self.g[wi] = d;
                        self.prev[wi] = v;
                        self.stamp[wi] = self.epoch;
                        self.heap.push(Entry {
                            key: d,
                            g: d,
                            node: w,
                        });
                    }
                    self.rev(w)
                };
                // `w` joins the two halves only if a chain may pass through it.
                if (w == end || graph.relay[w as usize]) && d + other < best {
                    best = d + other;
                    meet = Some(if backward { (w, v) } else { (v, w) });
                }
            }
        }
        // Every node the search from the target did not settle is at least this far.
        self.radius = self.top(true);
        let (x, y) = meet?;
        let mut nodes = Vec::new();
        let mut u = x;
        while u != u32::MAX {
            nodes.push(u);
            u = self.prev[u as usize];
        }
        nodes.reverse();
        let mut u = y;
        while u != u32::MAX {
            nodes.push(u);
            u = self.rev_next[u as usize];
        }
        Some(Found {
            nodes,
            cost: best,
            deviation: 0,
        })
    }

    /// Yen's spur at me (the root is me alone): the best chain whose first hop is none of
    /// `removed`, if cheaper than `limit`. Such a chain is me → w → w's best chain to the
    /// target (which never comes back to me), costing `c(me, w) + d(w)`, with `d` from the
    /// search from the target. That search settles nodes in order of `d`: scan the ones it
    /// settled, then resume it until no unsettled node could do better
    /// (`frontier + cheapest link of mine ≥ best`). My own links are never walked, which
    /// matters when I know most of the graph; the resumed search also sharpens `h`.
    ///
    /// When I know few people, the A* from me is the cheaper way, so the resumed search
    /// gets a budget of settled nodes proportional to my links; past it, this returns
    /// `Err(())` and the caller runs the A* (with the sharper `h`, so nothing is wasted).
    fn spur_from_me(
        &mut self,
        graph: &Graph,
        target: u32,
        removed: &[u32],
        limit: f64,
    ) -> Result<Option<(Vec<u32>, f64)>, ()> {
        let mut budget = 2 * graph.arcs_of(ME).len() + BUDGET_FLOOR;
        let mut best = limit;
        let mut via = None;
        for &w in &self.rev_order {
            let c = self.rev(w) + f64::from(graph.me_cost[w as usize]);
            if c < best && !removed.contains(&w) {
                best = c;
                via = Some(w);
            }
        }
        loop {
            let top = self.top(true);
            if top.is_infinite() || top + graph.min_me_cost >= best {
                break;
            }
            if budget == 0 {
                self.radius = top;
                return Err(());
            }
            budget -= 1;
            let Some(Entry { key, node: v, .. }) = self.rev_heap.pop() else {
                break;
            };
            if v == ME {
                continue;
            }
            let own = graph.me_cost[v as usize];
            if own.is_finite() {
                self.rev_order.push(v);
                let c = key + f64::from(own);
                if c < best && !removed.contains(&v) {
                    best = c;
                    via = Some(v);
                }
            }
            if v != target && !graph.relay[v as usize] {
                continue;
            }
            for arc in graph.arcs_of(v) {
                let d = key + f64::from(arc.cost);
                if arc.to != target && d < self.rev(arc.to) {
                    let w = arc.to as usize;
                    self.rev_dist[w] = d;
                    self.rev_next[w] = v;
                    self.rev_stamp[w] = self.rev_epoch;
                    self.rev_heap.push(Entry {
                        key: d,
                        g: d,
                        node: arc.to,
                    });
                }
            }
        }
        self.radius = self.top(true);
        let Some(mut u) = via else {
            return Ok(None);
        };
        let mut tail = vec![u];
        while u != target {
            u = self.rev_next[u as usize];
            tail.push(u);
        }
        Ok(Some((tail, best)))
    }

    /// A* from `from` to `target`, never entering `blocked` nodes nor leaving `from`
    /// toward any of `removed_next`. Returns the nodes after `from` and the cost.
    fn spur(
        &mut self,
        graph: &Graph,
        from: u32,
        target: u32,
        blocked: &[u32],
        removed_next: &[u32],
        limit: f64,
    ) -> Option<(Vec<u32>, f64)> {
        self.next_epoch();
        self.heap.clear();
        for &b in blocked {
            self.blocked[b as usize] = self.epoch;
        }
        let f = from as usize;
        self.g[f] = 0.0;
        self.prev[f] = u32::MAX;
        self.stamp[f] = self.epoch;
        self.heap.push(Entry {
            key: self.h(from),
            g: 0.0,
            node: from,
        });
        while let Some(Entry { g, node: v, .. }) = self.heap.pop() {
            if g > self.cost_so_far(v) {
                continue;
            }
            if v == target {
                let mut tail = Vec::new();
                let mut u = v;
                while u != from {
                    tail.push(u);
                    u = self.prev[u as usize];
                }
                tail.reverse();
                return Some((tail, g));
            }
            if v != from && !graph.relay[v as usize] {
                continue;
            }
            for arc in graph.arcs_of(v) {
                let w = arc.to;
                if w == ME || self.blocked[w as usize] == self.epoch {
                    continue;
                }
                if v == from && removed_next.contains(&w) {
                    continue;
                }
                let ng = g + f64::from(arc.cost);
                let key = ng + self.h(w);
                if key >= limit {
                    continue;
                }
                if ng < self.cost_so_far(w) {
                    let wi = w as usize;
                    self.g[wi] = ng;
                    self.prev[wi] = v;
                    self.stamp[wi] = self.epoch;
                    self.heap.push(Entry {
                        key,
                        g: ng,
                        node: w,
                    });
                }
            }
        }
        None
    }

    /// Yen's k shortest loop-free paths from me to `target`, cheapest first.
    pub fn k_best(&mut self, graph: &Graph, target: u32, k: usize) -> Vec<Found> {
        let Some(first) = self.first(graph, target) else {
            return Vec::new();
        };
        let mut chosen = vec![first];
        let mut candidates: Vec<Found> = Vec::new();
        while chosen.len() < k {
            let Some(last) = chosen.last().cloned() else {
                break;
            };
            let prefix = prefix_costs(graph, &last.nodes);
            for j in last.deviation..last.nodes.len() - 1 {
                let root = &last.nodes[..=j];
                let removed: Vec<u32> = chosen
                    .iter()
                    .filter(|p| p.nodes.len() > j + 1 && p.nodes[..=j] == *root)
                    .map(|p| p.nodes[j + 1])
                    .collect();
                // Yen needs at most `k - chosen` more chains: a spur no cheaper than that
                // many candidates in hand could never be chosen, so the search may stop
                // short of it.
                let limit = nth_cost(&candidates, k - chosen.len()) - prefix[j];
                let from_target = if j == 0 {
                    self.spur_from_me(graph, target, &removed, limit)
                } else {
                    Err(())
                };
                let spur = match from_target {
                    Ok(found) => found,
                    Err(()) => self.spur(graph, last.nodes[j], target, &root[..j], &removed, limit),
                };
                let Some((tail, spur_cost)) = spur else {
                    continue;
                };
                let mut nodes = root.to_vec();
                nodes.extend(tail);
                let known = |p: &Found| p.nodes == nodes;
                if chosen.iter().any(known) || candidates.iter().any(known) {
                    continue;
                }
                candidates.push(Found {
                    nodes,
                    cost: prefix[j] + spur_cost,
                    deviation: j,
                });
            }
            let best = candidates
                .iter()
                .enumerate()
                .min_by(|(_, a), (_, b)| {
                    a.cost
                        .total_cmp(&b.cost)
                        .then_with(|| a.nodes.cmp(&b.nodes))
                })
                .map(|(i, _)| i);
            match best {
                Some(i) => chosen.push(candidates.swap_remove(i)),
                None => break,
            }
        }
        chosen
    }
}

/// The `n`-th smallest cost among the candidates (1-based), infinite when there are fewer.
fn nth_cost(candidates: &[Found], n: usize) -> f64 {
    if n == 0 || candidates.len() < n {
        return f64::INFINITY;
    }
    let mut costs: Vec<f64> = candidates.iter().map(|c| c.cost).collect();
    costs.sort_by(f64::total_cmp);
    costs[n - 1]
}

/// Cost from me to each node of a chain (`prefix[i]` is the cost to `nodes[i]`).
fn prefix_costs(graph: &Graph, nodes: &[u32]) -> Vec<f64> {
    let mut out = Vec::with_capacity(nodes.len());
    let mut total = 0.0;
    out.push(0.0);
    for pair in nodes.windows(2) {
        total += graph
            .arc(pair[0], pair[1])
            .map_or(f64::INFINITY, |a| f64::from(a.cost));
        out.push(total);
    }
    out
}

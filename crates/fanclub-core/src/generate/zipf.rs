//! The long-tailed law that decides who gets contacted and who the hubs of the network are.

use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::{Person, Record};

/// Who gets contacted: a Zipf-like law over a random ranking of people (the manager
/// first), so a few people see most of the contact and most people see very little.
/// Hubs of the network follow the same ranking: the people I see most know the most people.
pub(super) struct Zipf {
    /// Cumulative weights by rank.
    cumulative: Vec<f64>,
    /// The person at each rank.
    ranked: Vec<u32>,
}

impl Zipf {
    pub(super) fn new(rng: &mut ChaCha8Rng, people: &[Record<Person>]) -> Zipf {
        let mut ranked: Vec<u32> = (0..people.len() as u32).collect();
        ranked.shuffle(rng);
        if let Some(pos) = ranked.iter().position(|p| *p == 0) {
            // Person 1 is the manager: seen most often.
            ranked.swap(0, pos);
        }
        let mut total = 0.0;
        // The +2 keeps the first few ranks from taking nearly everything.
        let cumulative = (0..ranked.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 2.0);
                total
            })
            .collect();
        Zipf { cumulative, ranked }
    }

    pub(super) fn len(&self) -> usize {
        self.ranked.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.ranked.is_empty()
    }

    /// A person index, drawn from the long-tailed law.
    pub(super) fn draw(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let roll = rng.random::<f64>() * total;
        let rank = self
            .cumulative
            .partition_point(|c| *c <= roll)
            .min(self.ranked.len() - 1);
        self.ranked[rank] as usize
    }

    /// Up to `n` different people, long-tailed; fewer only when there are fewer people.
    pub(super) fn draw_distinct(&self, rng: &mut ChaCha8Rng, n: usize) -> Vec<usize> {
        let n = n.min(self.len());
        let mut picked: Vec<usize> = Vec::with_capacity(n);
        while picked.len() < n {
            let mut p = self.draw(rng);
            // A few tries on the law, then walk to the next free person so this always ends.
            for _ in 0..8 {
                if !picked.contains(&p) {
                    break;
                }
                p = self.draw(rng);
            }
            while picked.contains(&p) {
                p = (p + 1) % self.len();
            }
            picked.push(p);
        }
        picked
    }
}

//! Generated interactions (long-tailed per person, spread over two years) and connections
//! (skewed to hubs, one per pair at most).

use std::collections::HashSet;

use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::{
    Connection, Day, Id, Interaction, InteractionId, InteractionKind, Record, Strength, Title,
};

use super::{GenerateSpec, HISTORY_DAYS, Zipf, pid, title, weighted};

const KINDS: &[(InteractionKind, u32)] = &[
    (InteractionKind::OneOnOne, 22),
    (InteractionKind::Meeting, 30),
    (InteractionKind::Coffee, 8),
    (InteractionKind::Message, 20),
    (InteractionKind::Presentation, 4),
    (InteractionKind::Demo, 5),
    (InteractionKind::HelpGiven, 4),
    (InteractionKind::HelpReceived, 3),
    (InteractionKind::Introduction, 1),
    (InteractionKind::Feedback, 3),
];

fn summary_for(kind: InteractionKind) -> &'static str {
    match kind {
        InteractionKind::OneOnOne => "Regular 1:1",
        InteractionKind::Meeting => "Planning meeting",
        InteractionKind::Coffee => "Coffee catch-up",
        InteractionKind::Message => "Quick update by message",
        InteractionKind::Presentation => "Presented the quarterly results",
        InteractionKind::Demo => "Demo of the latest release",
        InteractionKind::HelpGiven => "Helped with a customer question",
        InteractionKind::HelpReceived => "Got help with a data question",
        InteractionKind::Introduction => "Introduction to a colleague",
        InteractionKind::Feedback => "Feedback on my proposal",
    }
}

pub(super) fn interactions(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    count: usize,
    today: Day,
) -> Vec<Record<Interaction>> {
    // Dates first, sorted oldest first, so ids follow time as they do in real use.
    let mut days: Vec<u16> = (0..count)
        .map(|_| rng.random_range(0..=HISTORY_DAYS as u16))
        .collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    let titles: Vec<(InteractionKind, Title)> = InteractionKind::ALL
        .iter()
        .map(|k| (*k, title(summary_for(*k))))
        .collect();
    let mut out = Vec::with_capacity(count);
    for (i, d) in days.into_iter().enumerate() {
        let on = today.plus_days(-i64::from(d));
        let kind = weighted(rng, KINDS);
        let size = weighted(rng, &[(1usize, 70), (2, 20), (3, 10)]);
        let people = contact
            .draw_distinct(rng, size)
            .into_iter()
            .map(pid)
            .collect();
        let summary = titles
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t.clone())
            .expect("every kind has a title");
        let mut interaction = Interaction::new(on, kind, summary, people);
        let roll = rng.random_range(0..100u32);
        if roll < 5 {
            interaction.notes = Some("Talked through priorities for next quarter.".into());
        } else if roll < 8 {
            interaction.learned = Some("Cares most about fewer escalations this quarter.".into());
        } else if roll < 10 {
            let due = on.plus_days(7);
            interaction.follow_up = Some("Send the notes and the next steps".into());
            interaction.follow_up_due = Some(due);
            // Old follow-ups are mostly done; recent ones are mostly open.
            interaction.follow_up_done = due < today.plus_days(-14) && rng.random_bool(0.9);
        }
        out.push(Record::new(
            InteractionId::from_raw(i as i64 + 1),
            interaction,
        ));
    }
    out
}

pub(super) fn connections(
    rng: &mut ChaCha8Rng,
    contact: &Zipf,
    count: usize,
) -> Vec<Record<Connection>> {
    let n = contact.len();
    let strength = |rng: &mut ChaCha8Rng| {
        Strength::new(weighted(
            rng,
            &[(1i64, 30), (2, 30), (3, 20), (4, 13), (5, 7)],
        ))
        .expect("1..=5")
    };
    let connection = |id: usize, a: usize, b: usize, strength: Strength| {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        Record::new(
            Id::from_raw(id as i64 + 1),
            Connection {
                a: pid(a),
                b: pid(b),
                strength,
                note: None,
            },
        )
    };
    let mut out = Vec::with_capacity(count);
    if count == 0 {
        return out;
    }
    if count * 2 > GenerateSpec::max_connections(n) {
        // Dense: most pairs are wanted, so pick among all of them rather than retrying
        // random draws that mostly hit pairs already taken.
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(GenerateSpec::max_connections(n));
        for a in 0..n as u32 {
            for b in a + 1..n as u32 {
                pairs.push((a, b));
            }
        }
        let (chosen, _) = pairs.partial_shuffle(rng, count);
        for (i, (a, b)) in chosen.iter().enumerate() {
            let s = strength(rng);
            out.push(connection(i, *a as usize, *b as usize, s));
        }
        return out;
    }
    // Sparse: one end from the long-tailed law (hubs), the other from it or uniform. At most
    // half the pairs are taken, so a uniform draw succeeds at least half the time.
    let mut taken: HashSet<u64> = HashSet::with_capacity(count);
    let mut misses = 0u32;
    while out.len() < count {
        let (a, b) = if misses < 32 {
            let a = contact.draw(rng);
            let b = if rng.random_bool(0.5) {
                contact.draw(rng)
            } else {
                rng.random_range(0..n)
            };
            (a, b)
        } else {
            (rng.random_range(0..n), rng.random_range(0..n))
        };
        let key = ((a.min(b) as u64) << 32) | a.max(b) as u64;
        if a == b || !taken.insert(key) {
            misses += 1;
            continue;
        }
        misses = 0;
        let s = strength(rng);
        out.push(connection(out.len(), a, b, s));
    }
    out
}

//! Whole-workspace integrity for tests: every record passes its own rules, every reference
//! points at a record that exists, ids are 1..n per kind, and the stance history agrees with
//! each person's current stance. Shared by the sample's and the generator's tests.

use std::collections::{HashMap, HashSet};

use crate::{Day, Id, Record, Stance, Workspace};

/// Every broken rule, in words; empty when the workspace is sound.
pub(crate) fn problems(ws: &Workspace, today: Day) -> Vec<String> {
    let mut out = Vec::new();
    let mut bad = |s: String| out.push(s);

    if let Err(e) = ws.framework.validate() {
        bad(format!("framework: {e}"));
    }
    ids_are_one_to_n("people", &ws.people, &mut bad);
    ids_are_one_to_n("stance changes", &ws.stance_changes, &mut bad);
    ids_are_one_to_n("connections", &ws.connections, &mut bad);
    ids_are_one_to_n("goals", &ws.goals, &mut bad);
    ids_are_one_to_n("interactions", &ws.interactions, &mut bad);
    ids_are_one_to_n("wins", &ws.wins, &mut bad);
    ids_are_one_to_n("evidence", &ws.evidence, &mut bad);
    ids_are_one_to_n("perceptions", &ws.perceptions, &mut bad);
    ids_are_one_to_n("opportunities", &ws.opportunities, &mut bad);
    ids_are_one_to_n("decisions", &ws.decisions, &mut bad);
    ids_are_one_to_n("reviews", &ws.reviews, &mut bad);

    let person = |id: Id<crate::Person>| id.get() >= 1 && id.get() as usize <= ws.people.len();
    let has = |n: usize, raw: i64| raw >= 1 && raw as usize <= n;
    let track = |k: &crate::TrackKey| ws.framework.track(k).is_some();

    let mut handles = HashSet::new();
    for p in &ws.people {
        if let Err(e) = p.validate() {
            bad(format!("person {}: {e}", p.id));
        }
        if !handles.insert(p.handle.clone()) {
            bad(format!("person {}: handle {} used twice", p.id, p.handle));
        }
        if let Some(by) = p.introduced_by
            && (!person(by) || by == p.id)
        {
            bad(format!(
                "person {}: introduced by {by}, not another person",
                p.id
            ));
        }
    }

    let mut history: HashMap<i64, Vec<&crate::StanceChange>> = HashMap::new();
    for c in &ws.stance_changes {
        if !person(c.person) {
            bad(format!(
                "stance change {}: unknown person {}",
                c.id, c.person
            ));
        }
        if c.on > today {
            bad(format!("stance change {}: dated after today", c.id));
        }
        history.entry(c.person.get()).or_default().push(&c.value);
    }
    for p in &ws.people {
        let mut changes = history.remove(&p.id.get()).unwrap_or_default();
        changes.sort_by_key(|c| c.on);
        let Some(first) = changes.first() else {
            bad(format!("person {}: no stance history", p.id));
            continue;
        };
        if first.from.is_some() {
            bad(format!("person {}: first stance change has a `from`", p.id));
        }
        let mut current: Option<Stance> = None;
        for c in &changes {
            if c.from != current {
                bad(format!(
                    "person {}: stance history skips from {:?} to {:?}",
                    p.id, current, c.from
                ));
            }
            current = Some(c.to);
        }
        if current != Some(p.stance) {
            bad(format!(
                "person {}: history ends at {current:?}, stance is {}",
                p.id, p.stance
            ));
        }
    }

    let mut pairs = HashSet::new();
    for c in &ws.connections {
        if !person(c.a) || !person(c.b) {
            bad(format!("connection {}: unknown person", c.id));
        }
        if c.value.clone().normalized().as_ref() != Ok(&c.value) {
            bad(format!("connection {}: not normalized (a < b)", c.id));
        }
        if !pairs.insert((c.a, c.b)) {
            bad(format!("connection {}: duplicate of {}-{}", c.id, c.a, c.b));
        }
    }

    for i in &ws.interactions {
        if let Err(e) = i.validate() {
            bad(format!("interaction {}: {e}", i.id));
        }
        if i.people.iter().any(|p| !person(*p)) {
            bad(format!("interaction {}: unknown person", i.id));
        }
        if i.on > today {
            bad(format!("interaction {}: dated after today", i.id));
        }
    }

    for w in &ws.wins {
        if let Err(e) = w.validate() {
            bad(format!("win {}: {e}", w.id));
        }
        if w.goals.iter().any(|g| !has(ws.goals.len(), g.get())) {
            bad(format!("win {}: unknown goal", w.id));
        }
        if !w.tracks.iter().all(track) {
            bad(format!("win {}: unknown track", w.id));
        }
        let mut sharers = HashSet::new();
        for s in &w.shares {
            if !person(s.person) || s.on > today || !sharers.insert(s.person) {
                bad(format!(
                    "win {}: share with {} unknown, repeated or in the future",
                    w.id, s.person
                ));
            }
        }
    }

    for e in &ws.evidence {
        if let Err(err) = e.validate(&ws.framework) {
            bad(format!("evidence {}: {err}", e.id));
        }
        if e.person.is_some_and(|p| !person(p))
            || e.win.is_some_and(|w| !has(ws.wins.len(), w.get()))
            || e.interaction
                .is_some_and(|i| !has(ws.interactions.len(), i.get()))
        {
            bad(format!("evidence {}: dangling reference", e.id));
        }
    }

    for c in &ws.perceptions {
        if !person(c.person) {
            bad(format!("perception {}: unknown person", c.id));
        }
    }
    for o in &ws.opportunities {
        if o.sponsor.is_some_and(|p| !person(p)) || !o.tracks.iter().all(track) {
            bad(format!("opportunity {}: unknown sponsor or track", o.id));
        }
    }
    for d in &ws.decisions {
        if let Err(e) = d.validate() {
            bad(format!("decision {}: {e}", d.id));
        }
        if d.room.iter().any(|s| !person(s.person)) {
            bad(format!("decision {}: unknown person in the room", d.id));
        }
    }
    let mut weeks = HashSet::new();
    for r in &ws.reviews {
        if let Err(e) = r.validate() {
            bad(format!("review {}: {e}", r.id));
        }
        if !weeks.insert(r.week) {
            bad(format!("review {}: week {} reviewed twice", r.id, r.week));
        }
    }
    out
}

fn ids_are_one_to_n<T>(kind: &str, records: &[Record<T>], bad: &mut impl FnMut(String)) {
    if let Some((i, r)) = records
        .iter()
        .enumerate()
        .find(|(i, r)| r.id.get() != *i as i64 + 1)
    {
        bad(format!(
            "{kind}: record {i} has id {}, expected {}",
            r.id,
            i + 1
        ));
    }
}

/// Panic with the first problems found, so a failing test says what is wrong.
pub(crate) fn assert_sound(ws: &Workspace, today: Day) {
    let found = problems(ws, today);
    assert!(
        found.is_empty(),
        "{} problems, first ones:\n{}",
        found.len(),
        found
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

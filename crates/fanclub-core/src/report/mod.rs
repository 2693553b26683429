//! The documents a member brings to their manager: the brag document (every win, by
//! business goal or by month) and the promotion packet (achievements against business
//! goals with their impact, evidence per track, and who can vouch for what).
//!
//! Each document is built here as plain data by a pure function over a [`Workspace`], so
//! the Markdown writer ([`markdown`]) and the web app's print-ready HTML page render the
//! same content. Nothing here reads the clock or the store, except [`load`], which reads
//! the records the documents need.

pub mod markdown;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::Serialize;

use crate::engine::readiness::readiness;
use crate::{
    CoreResult, Day, EvidenceStrength, Person, PersonId, Record, Stance, Store, Win, Workspace,
};

/// Everything a report needs, read through the store (interactions are left out: the
/// documents do not list them, and a workspace may hold a million).
pub async fn load(store: &dyn Store) -> CoreResult<Workspace> {
    Ok(Workspace {
        settings: store.get_settings().await?,
        framework: store.get_framework().await?,
        people: store.list_people().await?,
        goals: store.list_goals().await?,
        wins: store.list_wins().await?,
        evidence: store.list_evidence().await?,
        decisions: store.list_decisions().await?,
        opportunities: store.list_opportunities().await?,
        ..Workspace::default()
    })
}

/// Someone named in a document, with where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub stance: Stance,
}

/// One win as the documents state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WinEntry {
    pub title: String,
    pub on: Day,
    pub kind: String,
    pub description: Option<String>,
    /// `activation rate: 31% → 38%`, when the impact is known.
    pub impact: Option<String>,
    pub goals: Vec<String>,
    pub tracks: Vec<String>,
    pub links: Vec<String>,
    /// Who knows about it, strongest stance first.
    pub known_by: Vec<PersonRef>,
}

/// A group of wins under a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WinSection {
    pub heading: String,
    /// The goal's period and description, when grouped by goal.
    pub detail: Option<String>,
    pub wins: Vec<WinEntry>,
}

/// How the brag document groups wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Grouping {
    Goal,
    Month,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Brag {
    pub member: Option<String>,
    pub target_role: Option<String>,
    pub on: Day,
    pub grouping: Grouping,
    pub sections: Vec<WinSection>,
    pub win_count: usize,
}

/// One piece of evidence as the packet cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceLine {
    pub on: Day,
    pub summary: String,
    pub strength: EvidenceStrength,
    pub quote: Option<String>,
    pub person: Option<PersonRef>,
}

/// Readiness on one track of the framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackSection {
    pub name: String,
    pub level: u8,
    pub level_name: String,
    pub target: u8,
    pub evidence_count: usize,
    /// What counts most, at most three.
    pub strongest: Vec<EvidenceLine>,
    /// What is missing: the distance to the target and what the next level takes.
    pub gaps: Vec<String>,
}

/// One person who can speak to my work, and to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Voucher {
    pub person: PersonRef,
    /// Evidence they endorsed, in their words when quoted.
    pub endorsed: Vec<String>,
    /// Evidence they witnessed.
    pub witnessed: Vec<String>,
    /// Wins they know about.
    pub knows: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Packet {
    pub member: Option<String>,
    pub target_role: Option<String>,
    pub on: Day,
    /// Business goals with the wins that served them, in the order the goals were set.
    pub goals: Vec<WinSection>,
    /// Wins not yet tied to any goal.
    pub unlinked: Vec<WinEntry>,
    pub tracks: Vec<TrackSection>,
    /// Strongest stance first, then by influence.
    pub vouchers: Vec<Voucher>,
}

/// The people of a workspace by id, for naming them.
struct Names<'a>(HashMap<PersonId, &'a Record<Person>>);

impl<'a> Names<'a> {
    fn new(ws: &'a Workspace) -> Self {
        Names(ws.people.iter().map(|p| (p.id, p)).collect())
    }

    fn get(&self, id: PersonId) -> Option<PersonRef> {
        self.0.get(&id).map(|p| PersonRef {
            name: p.name.as_str().to_string(),
            title: p.title.clone(),
            organisation: p.organisation.clone(),
            stance: p.stance,
        })
    }

    /// Strongest stance first, then most influence, then by name.
    fn rank(&self, id: PersonId) -> (std::cmp::Reverse<Stance>, std::cmp::Reverse<u8>, String) {
        match self.0.get(&id) {
            Some(p) => (
                std::cmp::Reverse(p.stance),
                std::cmp::Reverse(p.influence.get()),
                p.name.as_str().to_string(),
            ),
            None => (
                std::cmp::Reverse(Stance::Detractor),
                std::cmp::Reverse(0),
                String::new(),
            ),
        }
    }
}

fn impact(w: &Win) -> Option<String> {
    let i = w.impact.as_ref()?;
    Some(match (&i.before, &i.after) {
        (Some(b), Some(a)) => format!("{}: {b} → {a}", i.metric),
        (None, Some(a)) => format!("{}: now {a}", i.metric),
        (Some(b), None) => format!("{}: from {b}", i.metric),
        (None, None) => i.metric.clone(),
    })
}

fn win_entry(ws: &Workspace, names: &Names, w: &Record<Win>) -> WinEntry {
    let goal_titles: HashMap<_, _> = ws.goals.iter().map(|g| (g.id, g.title.as_str())).collect();
    let mut knowers: Vec<PersonId> = w.shares.iter().map(|s| s.person).collect();
    knowers.sort_by_key(|p| names.rank(*p));
    knowers.dedup();
    WinEntry {
        title: w.title.as_str().to_string(),
        on: w.on,
        kind: w.kind.as_str().replace('-', " "),
        description: w.description.clone(),
        impact: impact(w),
        goals: w
            .goals
            .iter()
            .filter_map(|g| goal_titles.get(g).map(|t| t.to_string()))
            .collect(),
        tracks: w
            .tracks
            .iter()
            .map(|t| {
                ws.framework
                    .track(t)
                    .map_or_else(|| t.as_str().to_string(), |tr| tr.name.clone())
            })
            .collect(),
        links: w.links.clone(),
        known_by: knowers.into_iter().filter_map(|p| names.get(p)).collect(),
    }
}

/// Wins newest first.
fn newest_first(ws: &Workspace) -> Vec<&Record<Win>> {
    let mut wins: Vec<&Record<Win>> = ws.wins.iter().collect();
    wins.sort_by(|a, b| b.on.cmp(&a.on).then(a.id.cmp(&b.id)));
    wins
}

fn goal_sections(ws: &Workspace, names: &Names) -> (Vec<WinSection>, Vec<WinEntry>) {
    let wins = newest_first(ws);
    let sections = ws
        .goals
        .iter()
        .map(|g| {
            let detail = match (&g.period, &g.description) {
                (Some(p), Some(d)) => Some(format!("{p}. {d}")),
                (Some(p), None) => Some(p.clone()),
                (None, Some(d)) => Some(d.clone()),
                (None, None) => None,
            };
            WinSection {
                heading: g.title.as_str().to_string(),
                detail,
                wins: wins
                    .iter()
                    .filter(|w| w.goals.contains(&g.id))
                    .map(|w| win_entry(ws, names, w))
                    .collect(),
            }
        })
        .collect();
    let known: Vec<_> = ws.goals.iter().map(|g| g.id).collect();
    let unlinked = wins
        .iter()
        .filter(|w| !w.goals.iter().any(|g| known.contains(g)))
        .map(|w| win_entry(ws, names, w))
        .collect();
    (sections, unlinked)
}

/// The brag document: every win, grouped by goal (a win serving two goals shows under
/// both, and wins tied to none come last) or by month (newest first).
pub fn brag(ws: &Workspace, grouping: Grouping, today: Day) -> Brag {
    let names = Names::new(ws);
    let sections = match grouping {
        Grouping::Goal => {
            let (mut sections, unlinked) = goal_sections(ws, &names);
            sections.retain(|s| !s.wins.is_empty());
            if !unlinked.is_empty() {
                sections.push(WinSection {
                    heading: "Not tied to a business goal yet".to_string(),
                    detail: None,
                    wins: unlinked,
                });
            }
            sections
        }
        Grouping::Month => {
            let mut sections: Vec<WinSection> = Vec::new();
            for w in newest_first(ws) {
                let heading = w.on.date().format("%B %Y").to_string();
                match sections.last_mut() {
                    Some(s) if s.heading == heading => s.wins.push(win_entry(ws, &names, w)),
                    _ => sections.push(WinSection {
                        heading,
                        detail: None,
                        wins: vec![win_entry(ws, &names, w)],
                    }),
                }
            }
            sections
        }
    };
    Brag {
        member: ws.settings.me.clone(),
        target_role: ws.settings.target_role.clone(),
        on: today,
        grouping,
        sections,
        win_count: ws.wins.len(),
    }
}

/// The voucher entry of `p`, made on first use; `None` for a person the workspace lacks.
fn voucher<'m>(
    vouch: &'m mut HashMap<PersonId, Voucher>,
    names: &Names,
    p: PersonId,
) -> Option<&'m mut Voucher> {
    let person = names.get(p)?;
    Some(vouch.entry(p).or_insert_with(|| Voucher {
        person,
        endorsed: Vec::new(),
        witnessed: Vec::new(),
        knows: Vec::new(),
    }))
}

/// The promotion packet, as of `today`.
pub fn packet(ws: &Workspace, today: Day) -> Packet {
    let names = Names::new(ws);
    let (goals, unlinked) = goal_sections(ws, &names);
    let evidence: HashMap<_, _> = ws.evidence.iter().map(|e| (e.id, e)).collect();
    let tracks = readiness(&ws.framework, &ws.evidence, today)
        .tracks
        .into_iter()
        .map(|t| {
            let mut gaps = Vec::new();
            if t.gap > 0 {
                gaps.push(format!(
                    "{} level{} below the target of {}",
                    t.gap,
                    if t.gap == 1 { "" } else { "s" },
                    t.target.get()
                ));
            }
            gaps.extend(t.to_next_level.clone());
            let strongest = t
                .evidence
                .iter()
                .take(3)
                .filter_map(|c| evidence.get(&c.evidence))
                .map(|e| EvidenceLine {
                    on: e.on,
                    summary: e.summary.as_str().to_string(),
                    strength: e.strength,
                    quote: e.quote.clone(),
                    person: e.person.and_then(|p| names.get(p)),
                })
                .collect();
            TrackSection {
                name: t.name,
                level: t.level.get(),
                level_name: t.level_name,
                target: t.target.get(),
                evidence_count: t.evidence_count,
                strongest,
                gaps,
            }
        })
        .collect();

    let mut vouch: HashMap<PersonId, Voucher> = HashMap::new();
    let mut by_date: Vec<_> = ws.evidence.iter().collect();
    by_date.sort_by(|a, b| b.on.cmp(&a.on).then(a.id.cmp(&b.id)));
    for e in by_date {
        let Some(v) = e.person.and_then(|p| voucher(&mut vouch, &names, p)) else {
            continue;
        };
        match e.strength {
            EvidenceStrength::Endorsed => v.endorsed.push(match &e.quote {
                Some(q) => format!("{}: “{q}”", e.summary.as_str()),
                None => e.summary.as_str().to_string(),
            }),
            EvidenceStrength::Witnessed => v.witnessed.push(e.summary.as_str().to_string()),
            EvidenceStrength::Claimed => {}
        }
    }
    for w in newest_first(ws) {
        for s in &w.shares {
            if let Some(v) = voucher(&mut vouch, &names, s.person)
                && !v.knows.iter().any(|k| k == w.title.as_str())
            {
                v.knows.push(w.title.as_str().to_string());
            }
        }
    }
    let mut vouchers: Vec<(PersonId, Voucher)> = vouch
        .into_iter()
        .filter(|(_, v)| !(v.endorsed.is_empty() && v.witnessed.is_empty() && v.knows.is_empty()))
        .collect();
    vouchers.sort_by_key(|(p, _)| names.rank(*p));

    Packet {
        member: ws.settings.me.clone(),
        target_role: ws.settings.target_role.clone(),
        on: today,
        goals,
        unlinked,
        tracks,
        vouchers: vouchers.into_iter().map(|(_, v)| v).collect(),
    }
}

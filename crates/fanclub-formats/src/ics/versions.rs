//! Which account of an event wins when a file holds several: saved invitations, updates
//! and cancellations of one meeting (iTIP, RFC 5546) each carry the same UID.
//!
//! Versions of one UID compare by SEQUENCE, then DTSTAMP, then position in the file; the
//! highest wins. A version that only overrides some occurrences (RECURRENCE-ID) competes
//! with other messages about those occurrences, not with the whole series. A winning
//! cancellation without a date marks the occurrences of the best dated version it
//! replaces as cancelled, rather than deleting them, so the pipeline can undo what an
//! earlier import created.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDateTime;

use super::CalendarEvent;
use crate::report::{Place, Problem, quote};

/// (SEQUENCE, DTSTAMP, order in the file): the highest wins.
pub(super) type Rank = (i64, Option<NaiveDateTime>, usize);

/// One calendar's account of one UID (or of some occurrences of it).
pub(super) struct Version {
    pub uid: String,
    /// `None` for a version with the series' master; the RECURRENCE-IDs it overrides
    /// otherwise, so a later message about one occurrence does not replace the series.
    pub key: Option<String>,
    pub rank: Rank,
    pub at: Place,
    pub events: Vec<CalendarEvent>,
    /// Notes about the series, reported only if this version is the one kept.
    pub notes: Vec<Problem>,
    /// A cancellation without a date of its own.
    pub dateless_cancel: bool,
}

/// Keep the winning version of each event, drop occurrences a message about them
/// outranks, and put the rest in date order. Problems say what was left out and why.
pub(super) fn resolve(versions: Vec<Version>, problems: &mut Vec<Problem>) -> Vec<CalendarEvent> {
    let mut by_key: BTreeMap<(String, Option<String>), Vec<Version>> = BTreeMap::new();
    for v in versions {
        by_key
            .entry((v.uid.clone(), v.key.clone()))
            .or_default()
            .push(v);
    }
    let mut kept: Vec<(Rank, CalendarEvent)> = Vec::new();
    for ((uid, _), mut versions) in by_key {
        versions.sort_by_key(|v| v.rank);
        let Some(winner) = versions.pop() else {
            continue;
        };
        let events = if winner.dateless_cancel {
            match versions.iter().rposition(|v| !v.dateless_cancel) {
                Some(i) => {
                    let mut target = versions.remove(i);
                    for e in &mut target.events {
                        e.cancelled = true;
                    }
                    problems.append(&mut target.notes);
                    target.events
                }
                None => {
                    problems.push(Problem::skipped(
                            winner.at,
                            format!("this cancels event {}, which this file does not hold: nothing to import", quote(&uid)),
                        ));
                    Vec::new()
                }
            }
        } else {
            problems.extend(winner.notes);
            winner.events
        };
        for old in &versions {
            problems.push(Problem::skipped(
                old.at,
                format!(
                    "an older version of event {} (superseded by {}): skipped",
                    quote(&uid),
                    winner.at
                ),
            ));
        }
        kept.extend(events.into_iter().map(|e| (winner.rank, e)));
    }
    // A message about one occurrence outranks the series' own account of it.
    kept.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
    let mut seen = HashSet::new();
    let mut records: Vec<CalendarEvent> = kept
        .into_iter()
        .map(|(_, e)| e)
        .filter(|e| e.occurrence.is_none() || seen.insert((e.uid.clone(), e.occurrence.clone())))
        .collect();
    records.sort_by(|a, b| {
        (a.date, a.at.order(), &a.occurrence).cmp(&(b.date, b.at.order(), &b.occurrence))
    });
    records
}

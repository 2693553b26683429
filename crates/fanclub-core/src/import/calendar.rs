//! Planning a calendar import: each past meeting whose organizer or attendees are people I
//! know becomes an interaction with them on its day.
//!
//! Attendees are matched by e-mail, then by name when exactly one person has it; nobody new
//! is created from a calendar (an invitee list is not a relationship). I am not one of the
//! people: my addresses (saved in the settings, or given for one import) and my name
//! (settings) are left out. Which meetings count
//! is the member's choice: by default up to [`DEFAULT_MAX_ATTENDEES`] other people, a
//! one-to-one with one other person and a meeting otherwise. Cancelled occurrences, and
//! people who declined, are left out. Each interaction is referenced `ics:<UID>` (plus
//! `#<occurrence>` for a recurring event), so importing the same calendar again adds nothing.

use std::collections::{HashMap, HashSet};

use crate::import::contacts::same_name;
use crate::import::keys::fold;
use crate::import::plan::{ImportPlan, Imported, Join, NewInteraction, PlanPerson, Skip};
use crate::{Day, Email, Interaction, InteractionKind, Person, PersonId, Record, Title};

/// Other people a meeting may have and still count, unless the member says otherwise.
pub const DEFAULT_MAX_ATTENDEES: usize = 6;

/// One dated occurrence of a calendar event, read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingEvent {
    pub at: String,
    pub uid: String,
    /// The occurrence's original start, for a recurring event.
    pub occurrence: Option<String>,
    pub summary: Option<String>,
    pub date: Day,
    pub organizer: Option<IncomingAttendee>,
    pub attendees: Vec<IncomingAttendee>,
    /// Everyone invited, including those without a usable address (rooms excluded).
    pub attendee_count: usize,
    pub cancelled: bool,
}

/// Someone invited to, or organising, an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingAttendee {
    pub email: Email,
    pub name: Option<String>,
    /// They declined the invitation, so probably were not there.
    pub declined: bool,
}

/// Which meetings count, and who I am.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarRules {
    /// My own addresses: never a person.
    pub me: Vec<Email>,
    /// My own name, as in settings.
    pub my_name: Option<String>,
    /// Meetings with more other people than this are left out.
    pub max_attendees: usize,
    /// Every imported meeting gets this kind; by default `1:1` with one other person and
    /// `meeting` with more.
    pub kind: Option<InteractionKind>,
}

impl Default for CalendarRules {
    fn default() -> Self {
        CalendarRules {
            me: Vec::new(),
            my_name: None,
            max_attendees: DEFAULT_MAX_ATTENDEES,
            kind: None,
        }
    }
}

/// The `external_ref` of an event occurrence.
pub fn event_ref(uid: &str, occurrence: Option<&str>) -> String {
    match occurrence {
        Some(o) => format!("ics:{uid}#{o}"),
        None => format!("ics:{uid}"),
    }
}

/// Who a calendar address or name points at.
struct Directory<'a> {
    by_email: HashMap<&'a str, Vec<PersonId>>,
    by_name: HashMap<String, Vec<PersonId>>,
    names: HashMap<PersonId, &'a str>,
}

impl<'a> Directory<'a> {
    fn new(people: &'a [Record<Person>]) -> Directory<'a> {
        let mut d = Directory {
            by_email: HashMap::new(),
            by_name: HashMap::new(),
            names: HashMap::new(),
        };
        for p in people {
            for e in &p.emails {
                d.by_email.entry(e.as_str()).or_default().push(p.id);
            }
            d.by_name
                .entry(fold(p.name.as_str()))
                .or_default()
                .push(p.id);
            d.names.insert(p.id, p.name.as_str());
        }
        d
    }

    /// The one person this attendee is, if exactly one fits: by e-mail, then by name.
    fn find(&self, a: &IncomingAttendee) -> Option<PersonId> {
        if let Some(ids) = self.by_email.get(a.email.as_str()) {
            return (ids.len() == 1).then(|| ids[0]);
        }
        let name = a.name.as_deref().map(fold).filter(|n| !n.is_empty())?;
        match self.by_name.get(&name) {
            Some(ids) if ids.len() == 1 => Some(ids[0]),
            _ => None,
        }
    }
}

fn summary_of(e: &IncomingEvent) -> Title {
    let text = e.summary.as_deref().map(str::trim).unwrap_or_default();
    let short: String = text.chars().take(Title::MAX_CHARS).collect();
    Title::parse(&short)
        .unwrap_or_else(|_| Title::parse("Calendar event").expect("a fixed, valid title"))
}

/// Propose what importing `events` would add. Pure: nothing is read or written.
pub fn plan_calendar(
    people: &[Record<Person>],
    imported: &Imported,
    events: &[IncomingEvent],
    rules: &CalendarRules,
    on: Day,
) -> ImportPlan {
    let mut plan = ImportPlan::new(on);
    let dir = Directory::new(people);
    let mut planned: HashSet<String> = HashSet::new();
    let is_me = |a: &IncomingAttendee| {
        rules.me.contains(&a.email)
            || matches!((&rules.my_name, &a.name), (Some(me), Some(n)) if same_name(me, n))
    };

    for e in events {
        let label = summary_of(e).to_string();
        let skip = |plan: &mut ImportPlan, reason: String| {
            plan.skipped.push(Skip {
                at: format!("{} ({})", e.at, e.date),
                name: label.clone(),
                reason,
            });
        };
        if e.cancelled {
            skip(&mut plan, "cancelled".to_string());
            continue;
        }
        let reference = event_ref(&e.uid, e.occurrence.as_deref());
        if planned.contains(&reference) {
            skip(&mut plan, "already imported".to_string());
            continue;
        }

        // Everyone there, each once: the organizer and the attendees with an address.
        let mut everyone: Vec<&IncomingAttendee> = Vec::new();
        for a in e.organizer.iter().chain(&e.attendees) {
            if !everyone.iter().any(|b| b.email == a.email) {
                everyone.push(a);
            }
        }
        let mut with: Vec<PersonId> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        for a in everyone.iter().filter(|a| !is_me(a) && !a.declined) {
            match dir.find(a) {
                Some(id) if !with.contains(&id) => with.push(id),
                Some(_) => {}
                None => unknown.push(a.email.as_str()),
            }
        }

        if imported.refs.contains(&reference) {
            // Imported before: only people added since join it.
            let there = imported.with.get(&reference).map_or(&[][..], Vec::as_slice);
            let new: Vec<PersonId> = with.into_iter().filter(|p| !there.contains(p)).collect();
            if new.is_empty() {
                skip(&mut plan, "already imported".to_string());
            } else {
                planned.insert(reference.clone());
                plan.joins.push(Join {
                    at: e.at.clone(),
                    reference,
                    on: e.date,
                    summary: label.clone(),
                    names: new
                        .iter()
                        .map(|id| dir.names.get(id).copied().unwrap_or_default().to_string())
                        .collect(),
                    people: new,
                });
            }
            continue;
        }

        let without_address = e.attendee_count.saturating_sub(e.attendees.len());
        let me_there = everyone.iter().any(|a| is_me(a));
        let others = (everyone.len() + without_address).saturating_sub(usize::from(me_there));
        if others == 0 {
            skip(&mut plan, "nobody else was invited".to_string());
            continue;
        }
        if others > rules.max_attendees {
            skip(
                &mut plan,
                format!(
                    "{others} other people: more than the {} allowed",
                    rules.max_attendees
                ),
            );
            continue;
        }
        if with.is_empty() {
            let reason = if unknown.is_empty() {
                "nobody there is among your people".to_string()
            } else {
                format!(
                    "nobody there is among your people ({}); add them, then import again",
                    unknown.join(", ")
                )
            };
            skip(&mut plan, reason);
            continue;
        }

        let kind = rules.kind.unwrap_or(if others == 1 {
            InteractionKind::OneOnOne
        } else {
            InteractionKind::Meeting
        });
        let mut interaction = Interaction::new(e.date, kind, summary_of(e), Vec::new());
        interaction.external_ref = Some(reference.clone());
        planned.insert(reference);
        plan.interactions.push(NewInteraction {
            at: e.at.clone(),
            interaction,
            names: with
                .iter()
                .map(|id| dir.names.get(id).copied().unwrap_or_default().to_string())
                .collect(),
            with: with.into_iter().map(PlanPerson::Existing).collect(),
        });
    }
    plan
}

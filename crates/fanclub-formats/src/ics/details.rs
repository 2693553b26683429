//! What one VEVENT says apart from its dates: its UID (made up, stably, when it has none),
//! summary, organizer and attendees, status, SEQUENCE and DTSTAMP; a repeat rule that
//! cannot be read and attendees that cannot be used are reported once per component.

use std::collections::HashSet;

use calcard::icalendar::{ICalendarComponent, ICalendarProperty, ICalendarStatus, ICalendarValue};
use chrono::NaiveDateTime;

use super::people::{self, Attendee};
use crate::report::{Place, Problem, quote};

/// What one component says apart from its dates.
pub(super) struct Details {
    pub(super) uid: String,
    pub(super) summary: Option<String>,
    pub(super) organizer: Option<Attendee>,
    pub(super) attendees: Vec<Attendee>,
    pub(super) attendee_count: usize,
    pub(super) cancelled: bool,
    pub(super) sequence: i64,
    pub(super) stamp: Option<NaiveDateTime>,
    pub(super) has_start: bool,
}

/// Read what a component says apart from its dates; problems with attendees are
/// reported here, once per component rather than once per occurrence.
pub(super) fn read(comp: &ICalendarComponent, at: Place, problems: &mut Vec<Problem>) -> Details {
    for rule in comp.properties(&ICalendarProperty::Rrule) {
        let read = rule
            .values
            .iter()
            .any(|v| matches!(v, ICalendarValue::RecurrenceRule(_)));
        if !read {
            let written: Vec<&str> = rule.values.iter().filter_map(|v| v.as_text()).collect();
            problems.push(Problem::note(
                at,
                format!(
                    "its repeat rule {} could not be read: only its own date was imported",
                    quote(&format!("RRULE:{}", written.join(";")))
                ),
            ));
        }
    }
    let text = |prop: &ICalendarProperty| {
        comp.property(prop)
            .and_then(|p| p.values.first())
            .and_then(ICalendarValue::as_text)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let start = comp
        .property(&ICalendarProperty::Dtstart)
        .and_then(|p| p.values.first())
        .and_then(|v| match v {
            ICalendarValue::PartialDateTime(dt) => Some(dt),
            _ => None,
        });
    let summary = text(&ICalendarProperty::Summary);
    let uid = text(&ICalendarProperty::Uid).unwrap_or_else(|| {
        let start = start.map_or(String::new(), |d| {
            let n = |v: Option<u8>| v.map_or(0, u16::from);
            format!(
                "{:04}{:02}{:02}T{:02}{:02}{:02}",
                d.year.unwrap_or(0),
                n(d.month),
                n(d.day),
                n(d.hour),
                n(d.minute),
                n(d.second)
            )
        });
        format!(
            "no-uid-{:016x}",
            fnv1a(&format!("{start}|{}", summary.as_deref().unwrap_or("")))
        )
    });

    let mut organizer = None;
    if let Some(p) = comp.property(&ICalendarProperty::Organizer)
        && let people::Person::Usable(a) = people::read(p)
    {
        organizer = Some(a);
    }
    let (mut attendees, mut count, mut seen) = (Vec::new(), 0, HashSet::new());
    for p in comp.properties(&ICalendarProperty::Attendee) {
        match people::read(p) {
            people::Person::Resource => {}
            people::Person::Unusable(why) => {
                count += 1;
                problems.push(Problem::note(
                    at,
                    format!("{why}: this attendee was left out"),
                ));
            }
            people::Person::Usable(a) => {
                if seen.insert(a.email.clone()) {
                    count += 1;
                    attendees.push(a);
                }
            }
        }
    }
    Details {
        uid,
        summary,
        organizer,
        attendees,
        attendee_count: count,
        cancelled: comp.status() == Some(&ICalendarStatus::Cancelled),
        sequence: comp
            .property(&ICalendarProperty::Sequence)
            .and_then(|p| p.values.first())
            .and_then(|v| v.as_integer())
            .unwrap_or(0),
        stamp: comp
            .property(&ICalendarProperty::Dtstamp)
            .and_then(|p| p.values.first())
            .and_then(|v| v.as_partial_date_time())
            .and_then(|d| d.to_date_time())
            .map(|r| r.date_time),
        has_start: start.is_some() || comp.has_property(&ICalendarProperty::RecurrenceId),
    }
}

/// A stable 64-bit hash (FNV-1a): std's hasher may change between Rust releases, and a
/// made-up UID must stay the same from one import to the next.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

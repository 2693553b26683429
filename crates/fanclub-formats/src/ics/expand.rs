//! Dates of the events of one UID, recurrences expanded, with calcard.
//!
//! calcard's `ICalendar::expand_dates` does the RFC 5545 work: RRULE with every BY* part,
//! RDATE, EXDATE, RECURRENCE-ID overrides and time zones from TZID or VTIMEZONE. Its
//! occurrence limit is shared by every series of a calendar, so one endless daily rule
//! would starve the others; each UID is therefore expanded in a small calendar of its own
//! holding just its events and the time zones. An open-ended rule is first cut off at the
//! end of the `until` day, so the expansion walks no further than needed.

use std::collections::BTreeMap;

use super::is_override;
use calcard::common::PartialDateTime;
use calcard::common::timezone::Tz;
use calcard::icalendar::dates::TimeOrDelta;
use calcard::icalendar::{ICalendar, ICalendarComponent, ICalendarProperty, ICalendarValue};
use chrono::{DateTime, NaiveDate, TimeZone};

/// One dated occurrence of an event.
pub(super) struct Occurrence {
    /// Index of the component (in the original calendar) that describes it: the master of
    /// a series, or the override of this one occurrence.
    pub comp: usize,
    /// The start, in the zone the event was written in (or the member's zone, see
    /// [`super::IcsOptions::time_zone`]).
    pub start: DateTime<Tz>,
    pub all_day: bool,
    pub minutes: Option<i64>,
    /// The occurrence's original start, for a series (see `CalendarEvent::occurrence`).
    pub id: Option<String>,
}

#[derive(Default)]
pub(super) struct Expansion {
    pub occurrences: Vec<Occurrence>,
    /// (component index, what calcard could not read).
    pub errors: Vec<(usize, String)>,
    /// True when the series had more occurrences than the iteration limit allowed.
    pub hit_limit: bool,
    /// Occurrences up to `until` left out because a series had more than the maximum.
    pub dropped: usize,
    /// How many occurrences calcard generated, for the file-wide budget.
    pub iterated: usize,
}

pub(super) struct Limits {
    pub until: NaiveDate,
    pub max_occurrences: usize,
    pub iterations: usize,
    pub zone: Option<Tz>,
}

/// Expand the events `members` (indices into `cal.components`, all with one UID), with the
/// time zones `zones` (the indices of the calendar's VTIMEZONEs).
pub(super) fn expand(
    cal: &ICalendar,
    zones: &[usize],
    members: &[usize],
    limits: &Limits,
) -> Expansion {
    let recurring = members
        .iter()
        .any(|&i| cal.components[i].is_recurrent_or_override());
    let (mini, origin) = mini_calendar(cal, zones, members, limits.until);
    let expanded = mini.expand_dates(Tz::Floating, limits.iterations);
    let resolver = mini.build_tz_resolver();
    let master = members
        .iter()
        .map(|&i| &cal.components[i])
        .find(|c| !is_override(c));

    let mut out = Expansion {
        hit_limit: expanded.events.len() >= limits.iterations,
        iterated: expanded.events.len(),
        ..Expansion::default()
    };
    for e in &expanded.errors {
        if let Some(&comp) = origin.get(e.comp_id as usize) {
            out.errors.push((comp, e.error.to_string()));
        }
    }
    // Keyed by occurrence id (or position for one-off events), so an override that
    // calcard could not pair with its master replaces the master's occurrence.
    let mut by_id: BTreeMap<String, Occurrence> = BTreeMap::new();
    for (n, e) in expanded.events.iter().enumerate() {
        let Some(&comp_index) = origin.get(e.comp_id as usize) else {
            continue;
        };
        let comp = &cal.components[comp_index];
        let start_prop = comp
            .property(&ICalendarProperty::Dtstart)
            .or_else(|| master.and_then(|m| m.property(&ICalendarProperty::Dtstart)));
        let written = start_prop
            .and_then(|p| p.values.first())
            .and_then(|v| match v {
                ICalendarValue::PartialDateTime(dt) => Some(dt.as_ref()),
                _ => None,
            });
        let all_day = written.is_some_and(|dt| dt.hour.is_none());
        let mut start = e.start;
        // calcard expands a rule in floating time and re-applies only a TZID zone, so a
        // DTSTART written in UTC (`…Z`) comes back floating; put its zone back.
        if start.timezone().is_floating()
            && let Some(zone) = written
                .and_then(|dt| dt.to_date_time())
                .and_then(|r| r.tz())
        {
            start = zone
                .from_local_datetime(&start.naive_local())
                .single()
                .unwrap_or(start);
        }
        let has_end = [comp, master.unwrap_or(comp)].iter().any(|c| {
            c.has_property(&ICalendarProperty::Dtend)
                || c.has_property(&ICalendarProperty::Duration)
        });
        let minutes = match &e.end {
            _ if !has_end && !all_day => None,
            TimeOrDelta::Time(end) => Some((*end - e.start).num_minutes()),
            TimeOrDelta::Delta(d) => Some(d.num_minutes()),
        }
        .filter(|m| *m >= 0);
        let id = recurring.then(|| occurrence_id(comp, master, &start, all_day, &resolver));
        let pinned = match start.timezone() {
            Tz::Fixed(_) => true,
            zone @ Tz::Tz(_) => zone.is_utc(),
            Tz::Floating => false,
        };
        if !all_day
            && pinned
            && let Some(zone) = limits.zone
        {
            // Only times pinned to UTC or a bare offset move to the member's zone: a TZID
            // zone is the event's own, and a floating time is wall-clock time already.
            start = start.with_timezone(&zone);
        }
        let overrides = is_override(comp);
        let key = id.clone().unwrap_or_else(|| format!("#{n}"));
        let occurrence = Occurrence {
            comp: comp_index,
            start,
            all_day,
            minutes,
            id,
        };
        match by_id.get(&key) {
            Some(existing) if is_override(&cal.components[existing.comp]) && !overrides => {}
            _ => {
                by_id.insert(key, occurrence);
            }
        }
    }

    let mut occurrences: Vec<Occurrence> = by_id
        .into_values()
        .filter(|o| o.start.naive_local().date() <= limits.until)
        .collect();
    occurrences.sort_by_key(|o| o.start.naive_utc());
    if occurrences.len() > limits.max_occurrences {
        // The latest ones matter most: they set when the member last saw these people.
        out.dropped = occurrences.len() - limits.max_occurrences;
        occurrences.drain(..out.dropped);
    }
    out.occurrences = occurrences;
    out
}

/// A calendar with only the time zones of `cal` and the events `members`, plus the map from
/// its component indices back to `cal`'s.
fn mini_calendar(
    cal: &ICalendar,
    zones: &[usize],
    members: &[usize],
    until: NaiveDate,
) -> (ICalendar, Vec<usize>) {
    let bare = |c: &ICalendarComponent| ICalendarComponent {
        component_type: c.component_type.clone(),
        entries: c.entries.clone(),
        component_ids: Vec::new(),
    };
    let mut components = vec![ICalendarComponent::default()];
    let mut origin = vec![usize::MAX];
    for &i in zones {
        components.push(bare(&cal.components[i]));
        origin.push(i);
    }
    for &i in members {
        let mut c = bare(&cal.components[i]);
        cut_off(&mut c, until);
        components.push(c);
        origin.push(i);
    }
    components[0].component_ids = (1..components.len() as u32).collect();
    (ICalendar { components }, origin)
}

/// End an open-ended RRULE a day after the `until` day (the rule runs in the event's own
/// wall-clock time, which may be a day off the member's; occurrences after `until` are
/// filtered out later); drop the recurrence of a series that starts after it, whose
/// occurrences would all be thrown away.
fn cut_off(comp: &mut ICalendarComponent, until: NaiveDate) {
    use chrono::Datelike;
    let last = until.succ_opt().unwrap_or(until);
    let starts_after = comp
        .property(&ICalendarProperty::Dtstart)
        .and_then(|p| p.values.first())
        .and_then(|v| match v {
            ICalendarValue::PartialDateTime(dt) => dt.to_date_time(),
            _ => None,
        })
        .is_some_and(|r| r.date_time.date() > last);
    if starts_after {
        comp.entries
            .retain(|e| !matches!(e.name, ICalendarProperty::Rrule | ICalendarProperty::Rdate));
        return;
    }
    let end_of_day = PartialDateTime {
        year: u16::try_from(last.year()).ok(),
        month: Some(last.month() as u8),
        day: Some(last.day() as u8),
        hour: Some(23),
        minute: Some(59),
        second: Some(59),
        ..PartialDateTime::default()
    };
    for entry in comp.properties_mut(&ICalendarProperty::Rrule) {
        for value in &mut entry.values {
            if let ICalendarValue::RecurrenceRule(rule) = value
                && rule.count.is_none()
            {
                let later = rule.until.as_ref().is_none_or(|u| {
                    (u.year, u.month, u.day) > (end_of_day.year, end_of_day.month, end_of_day.day)
                });
                if later {
                    rule.until = Some(end_of_day.clone());
                }
            }
        }
    }
}

/// The occurrence's original start: RECURRENCE-ID for an override, the start for one the
/// rule generated. `20240312` for an all-day one, `20240312T090000Z` for a time in a zone,
/// `20240312T090000` for a floating time.
fn occurrence_id(
    comp: &ICalendarComponent,
    master: Option<&ICalendarComponent>,
    start: &DateTime<Tz>,
    all_day: bool,
    resolver: &calcard::icalendar::timezone::TzResolver<&str>,
) -> String {
    let rid = comp
        .property(&ICalendarProperty::RecurrenceId)
        .filter(|_| is_override(comp))
        .and_then(|p| {
            let dt = match p.values.first()? {
                ICalendarValue::PartialDateTime(dt) => dt,
                _ => return None,
            };
            let tzid = p.tz_id().or_else(|| {
                master
                    .and_then(|m| m.property(&ICalendarProperty::Dtstart))
                    .and_then(|d| d.tz_id())
            });
            Some((
                dt.to_date_time_with_tz(resolver.resolve_or_default(tzid))?,
                dt.hour.is_none(),
            ))
        });
    let (at, all_day) = rid.unwrap_or((*start, all_day));
    if all_day {
        at.naive_local().format("%Y%m%d").to_string()
    } else if at.timezone().is_floating() {
        at.naive_local().format("%Y%m%dT%H%M%S").to_string()
    } else {
        at.naive_utc().format("%Y%m%dT%H%M%SZ").to_string()
    }
}

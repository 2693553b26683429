//! iCalendar files (`.ics`): calendar exports and invitations, read with calcard, whose
//! events and attendees become interactions.
//!
//! Read: every VEVENT with its UID, SUMMARY, start (DTSTART, dated in the zone it was
//! written in; all-day events on their day), length (DTEND or DURATION), ORGANIZER and
//! ATTENDEEs (address, CN, ROLE, PARTSTAT; rooms and resources are left out), STATUS and
//! the calendar's METHOD. Recurring events are expanded by calcard (RRULE with all its
//! parts, RDATE, EXDATE, RECURRENCE-ID overrides) up to [`IcsOptions::until`], keeping at
//! most [`IcsOptions::max_occurrences`] per series, the latest ones. Anything dated after
//! `until`, one-off or recurring, is left out: it has not happened yet. Times written in
//! UTC are dated in UTC unless [`IcsOptions::time_zone`] names the member's zone.
//!
//! A file may hold several calendars, as saved invitations do (iTIP, RFC 5546): replies
//! and counter-proposals (`METHOD:REPLY`, `COUNTER`, `DECLINECOUNTER`, `REFRESH`) are not
//! meetings and are skipped; when the same event (UID) comes more than once, the version
//! with the highest SEQUENCE, then the latest DTSTAMP, then the last in the file wins; a
//! cancellation without a date (`METHOD:CANCEL`) marks the occurrences of the version it
//! replaces as cancelled.

mod details;
mod expand;
mod people;
mod versions;

use std::collections::HashMap;

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarProperty, ICalendarValue,
};
use calcard::{Entry, Parser};
use chrono::Datelike;
use serde::Serialize;

use fanclub_core::Day;

pub use people::{Attendee, AttendeeRole, Participation};

use crate::choices::TimeZone;
use crate::report::{ParseReport, Place, Problem, quote};
use crate::{Format, FormatError, input};
use details::Details;
use versions::Version;

/// Occurrences kept per recurring series unless the caller says otherwise: ten years of a
/// weekly one-to-one.
pub const DEFAULT_MAX_OCCURRENCES: usize = 520;

/// Occurrences calcard may generate for one series, and for the whole file. Rules are cut
/// off at `until`, so real series stay far below; the limits bound the work a hostile
/// file (an every-second rule, thousands of series) can cause.
const SERIES_ITERATIONS: usize = 20_000;
const FILE_ITERATIONS: usize = 500_000;

/// What to read from a calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsOptions {
    /// The last day to read occurrences for (usually today: later ones have not happened).
    pub until: Day,
    /// Occurrences kept per recurring series, the latest ones.
    pub max_occurrences: usize,
    zone: Option<Tz>,
}

impl IcsOptions {
    pub fn new(until: Day) -> IcsOptions {
        IcsOptions {
            until,
            max_occurrences: DEFAULT_MAX_OCCURRENCES,
            zone: None,
        }
    }

    pub fn max_occurrences(mut self, n: usize) -> IcsOptions {
        self.max_occurrences = n;
        self
    }

    /// Date events whose times are written in UTC (`…Z`) or as a bare offset in this IANA
    /// zone (`Europe/Berlin`) instead of in UTC, so a 23:30Z meeting lands on the member's
    /// day. Events with their own TZID keep it; floating times are wall-clock already.
    pub fn time_zone(self, name: &str) -> Result<IcsOptions, FormatError> {
        match TimeZone::parse(name) {
            Ok(zone) => Ok(self.in_zone(zone)),
            Err(_) => Err(FormatError::UnknownTimeZone {
                name: name.to_string(),
            }),
        }
    }

    /// [`IcsOptions::time_zone`] with a zone already checked.
    pub fn in_zone(mut self, zone: TimeZone) -> IcsOptions {
        self.zone = Some(zone.tz());
        self
    }
}

/// One dated occurrence of a calendar event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarEvent {
    pub at: Place,
    /// The event's UID; for an event without one, `no-uid-` and a hash of its start and
    /// summary, so importing the same file twice gives the same value.
    pub uid: String,
    /// For an occurrence of a recurring event, its original start as RECURRENCE-ID writes
    /// it (`20240312`, `20240312T090000Z`); `None` for a one-off event, so moving a
    /// one-off meeting to another day still names the same event.
    pub occurrence: Option<String>,
    pub summary: Option<String>,
    /// The day it takes place, in the event's zone.
    pub date: Day,
    pub all_day: bool,
    pub duration_minutes: Option<i64>,
    pub organizer: Option<Attendee>,
    /// People invited, with usable e-mail addresses, each once.
    pub attendees: Vec<Attendee>,
    /// How many people were invited, including those without a usable address; rooms and
    /// resources do not count.
    pub attendee_count: usize,
    /// `STATUS:CANCELLED`, or cancelled by a `METHOD:CANCEL` message.
    pub cancelled: bool,
    /// The calendar's METHOD (`PUBLISH`, `REQUEST`, `CANCEL`…), when it has one.
    pub method: Option<String>,
}

/// Read an iCalendar file.
pub fn parse(
    bytes: &[u8],
    options: &IcsOptions,
) -> Result<ParseReport<CalendarEvent>, FormatError> {
    let text = input::decode(bytes, Format::ICalendar)?;
    let upper = text.to_ascii_uppercase();
    if !upper.contains("BEGIN:VCALENDAR") && !upper.contains("BEGIN:VEVENT") {
        let reason = if upper.contains("BEGIN:VCARD") {
            "it holds contact cards (BEGIN:VCARD), not a calendar: import it as vCard"
        } else {
            "it has no BEGIN:VCALENDAR line; export the calendar, or save the invitation, as .ics and try again"
        };
        return Err(FormatError::WrongFormat {
            format: Format::ICalendar,
            reason: reason.to_string(),
        });
    }

    for (component, what) in [("VEVENT", "event"), ("VCALENDAR", "calendar")] {
        if let Some((number, line)) = input::unended(text, component) {
            return Err(FormatError::CutShort {
                format: Format::ICalendar,
                what,
                number,
                line,
                component,
            });
        }
    }

    let mut reader = Reader::new(options);
    let mut calendars = 0;
    let mut parser = Parser::new(text);
    // Every entry consumes input: more entries than bytes would mean the parser is stuck.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::Eof => break,
            Entry::ICalendar(cal) => {
                calendars += 1;
                reader.read_calendar(&cal, calendars);
            }
            Entry::VCard(_) => reader.problems.push(stray(
                calendars,
                "a contact card was ignored: import it as vCard",
            )),
            Entry::InvalidLine(line) => reader.problems.push(stray(
                calendars,
                &format!("line {} is outside any calendar: ignored", quote(&line)),
            )),
            Entry::UnexpectedComponentEnd { found, .. } => reader.problems.push(stray(
                calendars,
                &format!("an END:{} without its BEGIN was ignored", found.as_str()),
            )),
            Entry::UnterminatedComponent(name) => reader.problems.push(stray(
                calendars,
                &format!("BEGIN:{name} has no END:{name}: read up to the end of the file"),
            )),
            Entry::TooManyComponents => {
                let mut problem = stray(
                    calendars,
                    "components are nested too deeply: the rest of the file was not read",
                );
                problem.severity = crate::Severity::Skipped;
                reader.problems.push(problem);
                break;
            }
            // Entry is non-exhaustive: a kind added later is reported, not dropped silently.
            other => reader.problems.push(stray(
                calendars,
                &format!(
                    "unexpected content was ignored: {}",
                    quote(&format!("{other:?}"))
                ),
            )),
        }
    }
    if calendars == 0 {
        return Err(FormatError::WrongFormat {
            format: Format::ICalendar,
            reason: "no calendar between BEGIN:VCALENDAR and END:VCALENDAR could be read"
                .to_string(),
        });
    }
    Ok(reader.finish())
}

/// A problem with content between calendars, placed after the calendar it follows.
fn stray(calendars: usize, what: &str) -> Problem {
    match calendars {
        0 => Problem::note(Place::File, format!("before the first calendar, {what}")),
        n => Problem::note(Place::Calendar(n), format!("after this calendar, {what}")),
    }
}

/// One calendar being read, and what is known about its events.
#[derive(Clone, Copy)]
struct Calendar<'c> {
    cal: &'c ICalendar,
    /// Indices of its VTIMEZONE components.
    zones: &'c [usize],
    details: &'c HashMap<usize, Details>,
    method: Option<&'c str>,
    place: &'c dyn Fn(usize) -> Place,
}

struct Reader<'o> {
    options: &'o IcsOptions,
    budget: usize,
    versions: Vec<Version>,
    problems: Vec<Problem>,
    /// Events with no date up to `options.until`: later meetings, or a rule that never
    /// matches.
    undated: usize,
}

impl<'o> Reader<'o> {
    fn new(options: &'o IcsOptions) -> Reader<'o> {
        Reader {
            options,
            budget: FILE_ITERATIONS,
            versions: Vec::new(),
            problems: Vec::new(),
            undated: 0,
        }
    }

    fn read_calendar(&mut self, cal: &ICalendar, n: usize) {
        let method = cal
            .components
            .iter()
            .find(|c| c.component_type == ICalendarComponentType::VCalendar)
            .and_then(|c| c.property(&ICalendarProperty::Method))
            .and_then(|p| p.values.first())
            .and_then(ICalendarValue::as_text)
            .map(str::to_ascii_uppercase);
        if let Some(m @ ("REPLY" | "COUNTER" | "DECLINECOUNTER" | "REFRESH")) = method.as_deref() {
            self.problems.push(Problem::skipped(
                Place::Calendar(n),
                format!("METHOD:{m} answers an invitation; it is not a meeting: skipped"),
            ));
            return;
        }
        let events: Vec<usize> = (0..cal.components.len())
            .filter(|&i| cal.components[i].component_type == ICalendarComponentType::VEvent)
            .collect();
        if events.is_empty() {
            if cal
                .components
                .iter()
                .any(|c| c.component_type.has_time_ranges())
            {
                self.problems.push(Problem::skipped(
                    Place::Calendar(n),
                    "no events (VEVENT) here, only tasks, journal entries or free/busy times: nothing to import",
                ));
            }
            return;
        }
        let numbers: HashMap<usize, usize> = events
            .iter()
            .enumerate()
            .map(|(n, &c)| (c, n + 1))
            .collect();
        let place = |comp: usize| Place::Event {
            calendar: n,
            event: numbers.get(&comp).copied().unwrap_or(0),
        };
        let mut details: HashMap<usize, Details> = HashMap::new();
        // Groups in file order, found by UID in constant time: exports hold thousands.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for &i in &events {
            let d = details::read(&cal.components[i], place(i), &mut self.problems);
            match group_of.get(&d.uid) {
                Some(&g) => groups[g].1.push(i),
                None => {
                    group_of.insert(d.uid.clone(), groups.len());
                    groups.push((d.uid.clone(), vec![i]));
                }
            }
            details.insert(i, d);
        }
        let zones: Vec<usize> = (0..cal.components.len())
            .filter(|&i| cal.components[i].component_type == ICalendarComponentType::VTimezone)
            .collect();
        let calendar = Calendar {
            cal,
            zones: &zones,
            details: &details,
            method: method.as_deref(),
            place: &place,
        };
        for (uid, members) in groups {
            self.read_group(&calendar, &uid, &members);
        }
    }

    fn read_group(&mut self, calendar: &Calendar<'_>, uid: &str, members: &[usize]) {
        let Calendar {
            cal,
            zones,
            details,
            method,
            place,
        } = *calendar;
        let at = place(members[0]);
        let of = |i: &usize| &details[i];
        let rids: Vec<String> = members
            .iter()
            .filter_map(|&i| recurrence_id(&cal.components[i]))
            .collect();
        let key = (rids.len() == members.len()).then(|| rids.join(","));
        let rank = (
            members.iter().map(|i| of(i).sequence).max().unwrap_or(0),
            members.iter().filter_map(|i| of(i).stamp).max(),
            self.versions.len(),
        );
        let cancel_message = method == Some("CANCEL");
        let mut version = Version {
            uid: uid.to_string(),
            key,
            rank,
            at,
            events: Vec::new(),
            notes: Vec::new(),
            dateless_cancel: false,
        };
        if !members.iter().any(|i| of(i).has_start) {
            if cancel_message || members.iter().all(|i| of(i).cancelled) {
                version.dateless_cancel = true;
                self.versions.push(version);
            } else {
                self.problems.push(Problem::skipped(
                    at,
                    format!("event {} has no start date (DTSTART): skipped", quote(uid)),
                ));
            }
            return;
        }

        let limits = expand::Limits {
            until: self.options.until.date(),
            max_occurrences: self.options.max_occurrences,
            iterations: SERIES_ITERATIONS.min(self.budget).max(1),
            zone: self.options.zone,
        };
        let mut expansion = expand::expand(cal, zones, members, &limits);
        self.budget = self.budget.saturating_sub(expansion.iterated);
        for (comp, why) in expansion.errors {
            self.problems
                .push(Problem::skipped(place(comp), format!("{why}: skipped")));
        }
        if expansion.hit_limit {
            // The occurrences read are the series' first ones, not its latest: dating
            // meetings by them would put them years in the past. The series is left out.
            let why = if limits.iterations < SERIES_ITERATIONS {
                format!(
                    "the file's recurring events already produced the {FILE_ITERATIONS} \
                     occurrences one import reads, so this series was left out; import the \
                     calendar in parts (a year at a time) to read it"
                )
            } else {
                format!(
                    "this series repeats more than {SERIES_ITERATIONS} times up to {} (every \
                     minute or second, or for decades): not a series of meetings, so it was \
                     left out",
                    self.options.until
                )
            };
            self.problems.push(Problem::skipped(at, why));
            expansion.occurrences.clear();
            expansion.dropped = 0;
        }
        if expansion.occurrences.is_empty() && !expansion.hit_limit {
            self.undated += 1;
        }
        if expansion.dropped > 0 {
            version.notes.push(Problem::note(
                at,
                format!(
                    "this series has {} occurrences up to {}: only the latest {} were kept",
                    expansion.dropped + expansion.occurrences.len(),
                    self.options.until,
                    self.options.max_occurrences
                ),
            ));
        }
        let mut out_of_range = 0;
        for occ in expansion.occurrences {
            let d = of(&occ.comp);
            let date = occ.start.naive_local().date();
            // `Day` holds the years 1900 to 2200; outside them a date is a typo or a trick.
            let Some(day) = Day::from_ymd(date.year(), date.month(), date.day())
                .filter(|_| (1900..=2200).contains(&date.year()))
            else {
                out_of_range += 1;
                continue;
            };
            version.events.push(CalendarEvent {
                at: place(occ.comp),
                uid: d.uid.clone(),
                occurrence: occ.id,
                summary: d.summary.clone(),
                date: day,
                all_day: occ.all_day,
                duration_minutes: occ.minutes,
                organizer: d.organizer.clone(),
                attendees: d.attendees.clone(),
                attendee_count: d.attendee_count,
                cancelled: d.cancelled || cancel_message,
                method: method.map(str::to_string),
            });
        }
        if out_of_range > 0 {
            self.problems.push(Problem::skipped(
                at,
                format!("{out_of_range} occurrence(s) outside the years 1900 to 2200: skipped"),
            ));
        }
        self.versions.push(version);
    }

    fn finish(mut self) -> ParseReport<CalendarEvent> {
        if self.undated > 0 {
            self.problems.push(Problem::note(
                Place::File,
                format!(
                    "{} with no date up to {} (meetings still to come, or a repeat rule that \
                     never matches a day): left out",
                    match self.undated {
                        1 => "1 event".to_string(),
                        n => format!("{n} events"),
                    },
                    self.options.until
                ),
            ));
        }
        let records = versions::resolve(self.versions, &mut self.problems);
        self.problems.sort_by_key(|p| p.at.order());
        ParseReport {
            records,
            problems: self.problems,
        }
    }
}

/// Does `comp` describe one occurrence of a series (RECURRENCE-ID without a rule of its
/// own)? A component with both is read as a series, as calcard does.
fn is_override(comp: &ICalendarComponent) -> bool {
    comp.has_property(&ICalendarProperty::RecurrenceId)
        && !comp.has_property(&ICalendarProperty::Rrule)
}

/// The RECURRENCE-ID of an override as written, to tell override messages apart.
fn recurrence_id(comp: &ICalendarComponent) -> Option<String> {
    if !is_override(comp) {
        return None;
    }
    let dt = comp
        .property(&ICalendarProperty::RecurrenceId)?
        .values
        .first()?
        .as_partial_date_time()?
        .to_date_time()?;
    Some(dt.date_time.format("%Y%m%dT%H%M%S").to_string())
}

//! The iCalendar feed (RFC 5545) of what is due: open follow-ups on their due day and the
//! decisions (rooms) on theirs, as all-day events any calendar app can subscribe to.
//!
//! Each event has a stable UID (`fanclub-follow-up-12`, `fanclub-decision-3`), so a calendar
//! that fetches the feed again updates its events instead of duplicating them; a follow-up
//! marked done simply leaves the feed. Events are all-day (`DTSTART;VALUE=DATE`, with the
//! next day as the exclusive `DTEND`) and transparent, so they never show the member as busy.

use std::collections::HashMap;

use calcard::common::{CalendarScale, PartialDateTime};
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarMethod,
    ICalendarParameter, ICalendarParameterName, ICalendarParameterValue, ICalendarProperty,
    ICalendarTransparency, ICalendarValue, ICalendarValueType,
};
use chrono::{DateTime, Datelike, Timelike, Utc};

use fanclub_core::{Day, Decision, Interaction, Person, PersonId, Record};

/// The product identifier every feed carries.
pub const PRODID: &str = "-//fanclub//fanclub feed//EN";

/// One all-day event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    pub uid: String,
    pub on: Day,
    pub summary: String,
    pub description: Option<String>,
    pub category: &'static str,
}

/// The events of the feed: open follow-ups that have a due day, and every decision, in
/// date order.
pub fn feed_events(
    people: &[Record<Person>],
    interactions: &[Record<Interaction>],
    decisions: &[Record<Decision>],
) -> Vec<FeedEvent> {
    let names: HashMap<PersonId, &str> = people.iter().map(|p| (p.id, p.name.as_str())).collect();
    let who = |ids: &mut dyn Iterator<Item = PersonId>| -> String {
        ids.filter_map(|id| names.get(&id).copied())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut events = Vec::new();
    for i in interactions {
        let (Some(follow_up), Some(due)) = (&i.follow_up, i.follow_up_due) else {
            continue;
        };
        if i.follow_up_done {
            continue;
        }
        let with = who(&mut i.people.iter().copied());
        events.push(FeedEvent {
            uid: format!("fanclub-follow-up-{}", i.id),
            on: due,
            summary: if with.is_empty() {
                format!("Follow up: {follow_up}")
            } else {
                format!("Follow up with {with}: {follow_up}")
            },
            description: Some(format!(
                "From the {} on {}: {}",
                i.kind,
                i.on,
                i.summary.as_str()
            )),
            category: "Follow-up",
        });
    }
    for d in decisions {
        let room = who(&mut d.room.iter().map(|s| s.person));
        let mut description = format!("A {} decision.", d.kind);
        if !room.is_empty() {
            description.push_str(&format!(" In the room: {room}."));
        }
        if let Some(notes) = &d.notes {
            description.push('\n');
            description.push_str(notes);
        }
        events.push(FeedEvent {
            uid: format!("fanclub-decision-{}", d.id),
            on: d.on,
            summary: format!("Decision: {}", d.title.as_str()),
            description: Some(description),
            category: "Decision",
        });
    }
    events.sort_by(|a, b| (a.on, &a.uid).cmp(&(b.on, &b.uid)));
    events
}

fn entry(name: ICalendarProperty, value: ICalendarValue) -> ICalendarEntry {
    ICalendarEntry {
        name,
        params: Vec::new(),
        values: vec![value],
    }
}

fn text(s: &str) -> ICalendarValue {
    ICalendarValue::Text(s.replace("\r\n", "\n").replace('\r', "\n"))
}

fn date(name: ICalendarProperty, on: Day) -> ICalendarEntry {
    let d = on.date();
    ICalendarEntry {
        name,
        params: vec![ICalendarParameter::new(
            ICalendarParameterName::Value,
            ICalendarParameterValue::Value(ICalendarValueType::Date),
        )],
        values: vec![ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
            year: u16::try_from(d.year()).ok(),
            month: u8::try_from(d.month()).ok(),
            day: u8::try_from(d.day()).ok(),
            ..PartialDateTime::default()
        }))],
    }
}

fn utc(at: DateTime<Utc>) -> ICalendarValue {
    ICalendarValue::PartialDateTime(Box::new(PartialDateTime {
        year: u16::try_from(at.year()).ok(),
        month: u8::try_from(at.month()).ok(),
        day: u8::try_from(at.day()).ok(),
        hour: u8::try_from(at.hour()).ok(),
        minute: u8::try_from(at.minute()).ok(),
        second: u8::try_from(at.second()).ok(),
        tz_hour: Some(0),
        tz_minute: Some(0),
        tz_minus: false,
    }))
}

/// The feed as an iCalendar text (CRLF line endings, folded at 75 octets). `stamp` is the
/// DTSTAMP of every event: when the feed was written.
pub fn write_calendar(name: &str, events: &[FeedEvent], stamp: DateTime<Utc>) -> String {
    let mut components = vec![ICalendarComponent {
        component_type: ICalendarComponentType::VCalendar,
        entries: vec![
            entry(ICalendarProperty::Version, text("2.0")),
            entry(ICalendarProperty::Prodid, text(PRODID)),
            entry(
                ICalendarProperty::Calscale,
                ICalendarValue::CalendarScale(CalendarScale::Gregorian),
            ),
            entry(
                ICalendarProperty::Method,
                ICalendarValue::Method(ICalendarMethod::Publish),
            ),
            entry(ICalendarProperty::Other("X-WR-CALNAME".into()), text(name)),
        ],
        component_ids: (1..=events.len())
            .filter_map(|n| u32::try_from(n).ok())
            .collect(),
    }];
    for e in events {
        let mut entries = vec![
            entry(ICalendarProperty::Uid, text(&e.uid)),
            entry(ICalendarProperty::Dtstamp, utc(stamp)),
            date(ICalendarProperty::Dtstart, e.on),
            date(ICalendarProperty::Dtend, e.on.plus_days(1)),
            entry(ICalendarProperty::Summary, text(&e.summary)),
        ];
        if let Some(d) = &e.description {
            entries.push(entry(ICalendarProperty::Description, text(d)));
        }
        entries.push(entry(ICalendarProperty::Categories, text(e.category)));
        entries.push(entry(
            ICalendarProperty::Transp,
            ICalendarValue::Transparency(ICalendarTransparency::Transparent),
        ));
        components.push(ICalendarComponent {
            component_type: ICalendarComponentType::VEvent,
            entries,
            component_ids: Vec::new(),
        });
    }
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = ICalendar { components }.write_to(&mut out);
    out
}

/// A workspace's feed, read through the store: what `fanclub export calendar` writes and
/// the web app serves at the member's private link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFeed {
    /// The iCalendar text.
    pub text: String,
    /// How many events it holds.
    pub events: usize,
}

/// Load open follow-ups, decisions and the member's name, and write the feed.
pub async fn calendar_feed(
    store: &dyn fanclub_core::Store,
    stamp: DateTime<Utc>,
) -> fanclub_core::CoreResult<CalendarFeed> {
    let people = store.list_people().await?;
    let open = fanclub_core::InteractionFilter {
        open_follow_ups: true,
        ..fanclub_core::InteractionFilter::default()
    };
    let interactions = store.list_interactions(&open).await?;
    let decisions = store.list_decisions().await?;
    let events = feed_events(&people, &interactions, &decisions);
    let name = match store.get_settings().await?.me {
        Some(me) => format!("fanclub: {me}"),
        None => "fanclub".to_string(),
    };
    Ok(CalendarFeed {
        text: write_calendar(&name, &events, stamp),
        events: events.len(),
    })
}

#[cfg(test)]
mod tests;

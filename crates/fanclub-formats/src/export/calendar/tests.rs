use calcard::icalendar::{ICalendarComponentType, ICalendarProperty};
use calcard::{Entry, Parser};
use chrono::TimeZone;

use fanclub_core::{
    Day, Decision, DecisionKind, Id, Interaction, InteractionKind, Name, Person, PersonId, Record,
    RoomRole, Seat, Title,
};

use super::*;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn people() -> Vec<Record<Person>> {
    ["Dana Kim", "Lars Ødegård, Jr."]
        .iter()
        .zip(1..)
        .map(|(n, id)| Record::new(Id::from_raw(id), Person::new(Name::parse(n).unwrap())))
        .collect()
}

fn follow_up(id: i64, text: &str, due: Option<&str>, done: bool) -> Record<Interaction> {
    let mut i = Interaction::new(
        day("2026-03-01"),
        InteractionKind::Coffee,
        Title::parse("Coffee; roadmap, pricing").unwrap(),
        vec![PersonId::from_raw(2)],
    );
    i.follow_up = Some(text.to_string());
    i.follow_up_due = due.map(day);
    i.follow_up_done = done;
    Record::new(Id::from_raw(id), i)
}

fn events() -> Vec<FeedEvent> {
    let interactions = vec![
        follow_up(
            7,
            "Send the churn deck, with notes",
            Some("2026-03-10"),
            false,
        ),
        follow_up(8, "Already done", Some("2026-03-09"), true),
        follow_up(9, "No day yet", None, false),
    ];
    let decisions = vec![Record::new(
        Id::from_raw(3),
        Decision {
            title: Title::parse("H1 promotion committee").unwrap(),
            kind: DecisionKind::Promotion,
            on: day("2026-04-15"),
            notes: Some(format!("Bring the packet.\n{}", "Long note ".repeat(20))),
            room: vec![Seat {
                person: PersonId::from_raw(1),
                role: RoomRole::Decider,
            }],
        },
    )];
    feed_events(&people(), &interactions, &decisions)
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 5).unwrap()
}

#[test]
fn open_follow_ups_with_a_day_and_every_decision_make_the_feed() {
    let e = events();
    let uids: Vec<&str> = e.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(uids, ["fanclub-follow-up-7", "fanclub-decision-3"]);
    assert_eq!(e[0].on, day("2026-03-10"));
    assert!(e[0].summary.contains("Lars Ødegård, Jr.") && e[0].summary.contains("churn deck"));
    assert!(
        e[1].description
            .as_deref()
            .unwrap()
            .contains("In the room: Dana Kim.")
    );
}

#[test]
fn the_feed_keeps_the_rules_of_rfc_5545() {
    let text = write_calendar("fanclub: Noor", &events(), stamp());
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    // CRLF only, every physical line at most 75 octets.
    assert!(!text.replace("\r\n", "").contains('\n') && !text.replace("\r\n", "").contains('\r'));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 2);
    assert_eq!(text.matches("DTSTAMP:20260302T093005Z\r\n").count(), 2);
    assert!(text.contains("DTSTART;VALUE=DATE:20260310\r\nDTEND;VALUE=DATE:20260311\r\n"));
    assert!(text.contains("DTSTART;VALUE=DATE:20260415\r\nDTEND;VALUE=DATE:20260416\r\n"));
    assert!(text.contains("SUMMARY:Follow up with Lars Ødegård\\, Jr.: Send the churn deck\\, "));
    // Unfolded, the long description is whole again, with its line break escaped.
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("Bring the packet.\\nLong note Long note"),
        "{unfolded}"
    );
}

#[test]
fn calcard_reads_the_feed_back_with_every_event() {
    let text = write_calendar("fanclub", &events(), stamp());
    let mut parser = Parser::new(&text);
    let Entry::ICalendar(cal) = parser.entry() else {
        panic!("not read as a calendar:\n{text}");
    };
    assert!(matches!(parser.entry(), Entry::Eof));
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .collect();
    assert_eq!(events.len(), 2);
    for (event, uid) in events
        .iter()
        .zip(["fanclub-follow-up-7", "fanclub-decision-3"])
    {
        for required in [
            ICalendarProperty::Uid,
            ICalendarProperty::Dtstamp,
            ICalendarProperty::Dtstart,
        ] {
            assert!(event.property(&required).is_some(), "{required:?} missing");
        }
        let got = event
            .property(&ICalendarProperty::Uid)
            .and_then(|e| e.values.first())
            .and_then(|v| v.as_text());
        assert_eq!(got, Some(uid));
    }
    let summary = events[0]
        .property(&ICalendarProperty::Summary)
        .and_then(|e| e.values.first())
        .and_then(|v| v.as_text())
        .unwrap();
    assert_eq!(
        summary,
        "Follow up with Lars Ødegård, Jr.: Send the churn deck, with notes"
    );
}

#[test]
fn the_same_data_gives_the_same_feed() {
    assert_eq!(
        write_calendar("fanclub", &events(), stamp()),
        write_calendar("fanclub", &events(), stamp())
    );
    let empty = write_calendar("fanclub", &[], stamp());
    assert!(!empty.contains("VEVENT") && empty.contains("PRODID"));
}

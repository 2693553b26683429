//! Calendars: iCalendar exports and invitations, event by event.

use fanclub_formats::{AttendeeRole, CalendarEvent, Participation};

use super::*;

fn read_ics(bytes: &[u8], until: &str) -> ParseReport<CalendarEvent> {
    ics::parse(bytes, &IcsOptions::new(day(until))).unwrap()
}

fn with_uid<'a>(report: &'a ParseReport<CalendarEvent>, uid: &str) -> Vec<&'a CalendarEvent> {
    report.records.iter().filter(|e| e.uid == uid).collect()
}

fn dates(events: &[&CalendarEvent]) -> Vec<String> {
    events.iter().map(|e| e.date.to_string()).collect()
}

#[test]
fn google_calendar_export_with_a_time_zone() {
    let report = read_ics(&shared("ics/icaljs-minimal.ics"), "2026-01-01");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let [event] = report.records.as_slice() else {
        panic!("{:?}", report.records)
    };
    assert_eq!(event.uid, "dn4vrfmfn5p05roahsopg57h48@google.com");
    assert_eq!(
        event.summary.as_deref(),
        Some("Really long event name thing")
    );
    assert_eq!(event.date, day("2012-06-30"));
    assert_eq!(event.duration_minutes, Some(60));
    assert_eq!(event.occurrence, None, "a one-off event");
    assert!(!event.all_day && !event.cancelled);
    assert_eq!(
        event.at,
        Place::Event {
            calendar: 1,
            event: 1
        }
    );
}

#[test]
fn duration_instead_of_dtend() {
    let report = read_ics(
        &shared("ics/icaljs-duration_instead_of_dtend.ics"),
        "2026-01-01",
    );
    assert_eq!(report.records.len(), 1);
    assert_eq!(report.records[0].duration_minutes, Some(24 * 60));
    assert_eq!(report.records[0].date, day("2012-06-30"));
}

#[test]
fn a_daily_meeting_is_expanded_up_to_the_until_day() {
    let bytes = shared("ics/icaljs-daily_recur.ics");
    let report = read_ics(&bytes, "2012-08-10");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let all: Vec<&CalendarEvent> = report.records.iter().collect();
    assert_eq!(all.len(), 10);
    assert_eq!(all[0].date, day("2012-08-01"));
    assert_eq!(all[9].date, day("2012-08-10"));
    // 05:00 in Los Angeles (PDT) is 12:00 UTC.
    assert_eq!(all[0].occurrence.as_deref(), Some("20120801T120000Z"));
    assert!(
        all.iter()
            .all(|e| e.summary.as_deref() == Some("Every day recurring"))
    );
    assert!(
        all.iter().all(|e| e.attendee_count == 0),
        "the VALARM's attendee is not invited"
    );

    let options = IcsOptions::new(day("2012-08-10")).max_occurrences(3);
    let report = ics::parse(&bytes, &options).unwrap();
    let kept: Vec<&CalendarEvent> = report.records.iter().collect();
    assert_eq!(
        dates(&kept),
        ["2012-08-08", "2012-08-09", "2012-08-10"],
        "the latest ones"
    );
    assert!(
        report.problems[0].message.contains("10 occurrences"),
        "{:?}",
        report.problems
    );
    assert_eq!(report.problems[0].severity, Severity::Note);
}

#[test]
fn google_birthdays_feed() {
    let report = read_ics(&shared("ics/icaljs-google_birthday.ics"), "2026-01-01");
    let all: Vec<&CalendarEvent> = report.records.iter().collect();
    assert_eq!(
        dates(&all),
        [
            "2012-12-10",
            "2012-12-10",
            "2013-12-10",
            "2013-12-10",
            "2014-12-10",
            "2014-12-10"
        ]
    );
    assert!(
        all.iter()
            .all(|e| e.all_day && e.duration_minutes == Some(24 * 60))
    );
    assert!(
        all.iter()
            .all(|e| e.summary.as_deref() == Some("PErson #2's birthday"))
    );
    let overrides = with_uid(&report, "BIRTHDAY_79d389868f96182e@google.com");
    assert_eq!(overrides.len(), 3);
    assert_eq!(overrides[0].occurrence.as_deref(), Some("20121210"));
    // The only attendee is Google's virtual "Contacts" address: counted, not usable.
    assert!(
        all.iter()
            .all(|e| e.attendee_count == 1 && e.attendees.is_empty())
    );
    assert_eq!(report.problems.len(), 4);
    assert!(report.problems[0].message.contains("not an e-mail address"));
}

#[test]
fn a_blank_line_inside_the_calendar_is_tolerated() {
    let report = read_ics(&shared("ics/icaljs-blank_line_mid.ics"), "2026-01-01");
    assert!(report.records.is_empty());
}

#[test]
fn itip_messages_publish_request_cancel() {
    let report = read_ics(&shared("ics/libical-2446.ics"), "1998-12-31");

    let weekly = with_uid(&report, "123456@example.com");
    assert_eq!(
        weekly.len(),
        79,
        "every Tuesday from 1 July 1997 to the end of 1998"
    );
    assert_eq!(weekly[0].date, day("1997-07-01"));
    assert_eq!(weekly[78].date, day("1998-12-29"));
    assert_eq!(weekly[0].summary.as_deref(), Some("Phone Conference"));
    assert_eq!(weekly[0].method.as_deref(), Some("REQUEST"));
    assert_eq!(
        weekly[0].organizer.as_ref().unwrap().email.as_str(),
        "b@example.com"
    );

    // A dateless METHOD:CANCEL with SEQUENCE:3 cancels the monthly series it outranks.
    let (series, other): (Vec<&CalendarEvent>, Vec<&CalendarEvent>) =
        with_uid(&report, "guid-1@host1.com")
            .into_iter()
            .partition(|e| {
                e.at == Place::Event {
                    calendar: 40,
                    event: 1,
                }
            });
    assert_eq!(
        series.len(),
        19,
        "the 1st of each month, June 1997 to December 1998"
    );
    assert!(series.iter().all(|e| e.cancelled));
    assert_eq!(series[0].occurrence.as_deref(), Some("19970601T210000Z"));
    // Calendar 38 reschedules an occurrence under the same UID that no rule generates.
    let [moved] = other.as_slice() else {
        panic!("{other:?}")
    };
    assert_eq!(moved.date, day("1998-03-11"));
    assert_eq!(moved.occurrence.as_deref(), Some("19980311T160000Z"));
    assert!(!moved.cancelled);

    let game = with_uid(&report, "0981234-1234234-23@example.com");
    let [game] = game.as_slice() else {
        panic!("{game:?}")
    };
    assert_eq!(
        game.summary.as_deref(),
        Some("ST. PAUL SAINTS -VS- DULUTH-SUPERIOR DUKES")
    );
    assert_eq!(game.date, day("1997-07-02"));
    assert_eq!(game.duration_minutes, None, "it ends before it starts");

    let skipped: Vec<String> = problems_at(&report, Place::Calendar(7));
    assert!(skipped[0].contains("METHOD:REPLY"), "{skipped:?}");
    assert!(problems_at(&report, Place::Calendar(22))[0].contains("no events"));
    assert!(
        report.records.iter().all(|e| e.date <= day("1998-12-31")),
        "nothing after the until day"
    );
}

#[test]
fn incoming_invitations_with_rooms_and_reschedules() {
    let report = read_ics(&shared("ics/libical-incoming.ics"), "2026-01-01");
    assert_eq!(report.records.len(), 5);

    let first = &with_uid(&report, "calsrv.example.com-873970198738776@example.com")[0];
    assert_eq!(first.attendee_count, 5, "the room is not a person");
    let emails: Vec<&str> = first.attendees.iter().map(|a| a.email.as_str()).collect();
    assert_eq!(
        emails,
        [
            "a@example.com",
            "b@example.com",
            "c@example.com",
            "d@example.com",
            "e@example.com"
        ]
    );
    let a = &first.attendees[0];
    assert_eq!(a.name.as_deref(), Some("BIG A"));
    assert_eq!(a.role, AttendeeRole::Chair);
    assert_eq!(a.participation, Some(Participation::Accepted));
    assert_eq!(first.attendees[4].role, AttendeeRole::NonParticipant);
    assert_eq!(
        first.organizer.as_ref().unwrap().email.as_str(),
        "b@example.com"
    );
    assert_eq!(first.duration_minutes, Some(30));

    // Rescheduled twice at SEQUENCE:2; the later DTSTAMP wins; the obsolete SEQUENCE:0
    // request and the SEQUENCE:1 cancel are older.
    let pool = with_uid(&report, "calsrv.example.com-873970198738777@example.com");
    let [pool] = pool.as_slice() else {
        panic!("{pool:?}")
    };
    assert_eq!(pool.summary.as_deref(), Some("Pool party"));
    assert_eq!(
        pool.at,
        Place::Event {
            calendar: 3,
            event: 1
        }
    );
    assert!(!pool.cancelled);
    for older in [2, 4, 11] {
        let p = problems_at(
            &report,
            Place::Event {
                calendar: older,
                event: 1,
            },
        );
        assert!(p[0].contains("older version"), "calendar {older}: {p:?}");
    }
    assert!(problems_at(&report, Place::Calendar(5))[0].contains("METHOD:REPLY"));
    assert!(problems_at(&report, Place::Calendar(12))[0].contains("METHOD:COUNTER"));
}

#[test]
fn a_weekly_one_to_one_with_an_exception_and_a_moved_occurrence() {
    let report = read_ics(&local("team-calendar.ics"), "2024-06-30");
    let weekly = with_uid(&report, "weekly-1on1@example.com");
    assert_eq!(weekly.len(), 16);
    assert_eq!(
        dates(&weekly[..4]),
        ["2024-03-04", "2024-03-11", "2024-03-26", "2024-04-01"]
    );
    let moved = weekly[2];
    assert_eq!(moved.summary.as_deref(), Some("1:1 Dana / me (moved)"));
    assert_eq!(
        moved.occurrence.as_deref(),
        Some("20240325T083000Z"),
        "named by its original start"
    );
    // 09:30 in Berlin is 08:30 UTC in winter and 07:30 UTC in summer.
    assert_eq!(weekly[0].occurrence.as_deref(), Some("20240304T083000Z"));
    assert_eq!(weekly[3].occurrence.as_deref(), Some("20240401T073000Z"));
    assert_eq!(weekly[0].duration_minutes, Some(30));
    assert_eq!(weekly[0].attendee_count, 1, "the room is left out");
    assert_eq!(weekly[0].attendees[0].name.as_deref(), Some("Dana Kim"));
    assert_eq!(
        weekly[0].organizer.as_ref().unwrap().name.as_deref(),
        Some("Me")
    );

    let report = ics::parse(
        &local("team-calendar.ics"),
        &IcsOptions::new(day("2024-06-30")).max_occurrences(2),
    )
    .unwrap();
    let weekly = with_uid(&report, "weekly-1on1@example.com");
    assert_eq!(dates(&weekly), ["2024-06-17", "2024-06-24"]);
}

#[test]
fn a_monthly_meeting_written_in_utc_is_dated_in_the_members_zone_when_asked() {
    let bytes = local("team-calendar.ics");
    let report = read_ics(&bytes, "2024-06-30");
    let steerco = with_uid(&report, "steerco-2024@example.com");
    assert_eq!(
        dates(&steerco),
        ["2024-01-31", "2024-02-29", "2024-03-31"],
        "COUNT=3, last day of the month"
    );
    assert_eq!(
        steerco[0].attendee_count, 3,
        "the projector is not a person"
    );
    let omar = &steerco[0].attendees[0];
    assert_eq!(omar.name.as_deref(), Some("Omar Haddad"));
    assert_eq!(omar.role, AttendeeRole::Chair);
    let priya = &steerco[0].attendees[1];
    assert_eq!(
        (priya.role, priya.participation),
        (AttendeeRole::Optional, Some(Participation::Declined))
    );
    let notes = problems_at(
        &report,
        Place::Event {
            calendar: 1,
            event: 3,
        },
    );
    assert!(notes[0].contains("urn:uuid:not-an-address"), "{notes:?}");

    let berlin = IcsOptions::new(day("2024-06-30"))
        .time_zone("Europe/Berlin")
        .unwrap();
    let report = ics::parse(&bytes, &berlin).unwrap();
    let steerco = with_uid(&report, "steerco-2024@example.com");
    assert_eq!(dates(&steerco), ["2024-02-01", "2024-03-01", "2024-04-01"]);
    assert_eq!(
        steerco[0].occurrence.as_deref(),
        Some("20240131T233000Z"),
        "ids do not move"
    );
    let weekly = with_uid(&report, "weekly-1on1@example.com");
    assert_eq!(
        weekly[0].date,
        day("2024-03-04"),
        "a TZID event keeps its own zone"
    );
}

#[test]
fn cancelled_all_day_events_and_events_without_a_uid() {
    let bytes = local("team-calendar.ics");
    let report = read_ics(&bytes, "2024-06-30");
    let offsite = &with_uid(&report, "offsite@example.com")[0];
    assert!(offsite.cancelled && offsite.all_day);
    assert_eq!(offsite.date, day("2024-04-15"));
    assert_eq!(offsite.duration_minutes, Some(2 * 24 * 60));

    let lunch = report
        .records
        .iter()
        .find(|e| e.summary.as_deref() == Some("Lunch with Léa"))
        .unwrap();
    assert!(lunch.uid.starts_with("no-uid-"), "{}", lunch.uid);
    assert_eq!(lunch.date, day("2024-05-01"));
    assert_eq!(lunch.duration_minutes, None, "no DTEND or DURATION");
    let again = read_ics(&bytes, "2024-06-30");
    assert!(
        again.records.iter().any(|e| e.uid == lunch.uid),
        "the made-up UID is stable"
    );

    let early = read_ics(&bytes, "2024-03-10");
    let uids: Vec<&str> = early.records.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(
        uids,
        [
            "steerco-2024@example.com",
            "steerco-2024@example.com",
            "weekly-1on1@example.com"
        ]
    );
}

/// A rule that repeats every minute from 1970 reaches the iteration limit decades before
/// today: what was read are its first occurrences, not its latest, so the series is left
/// out and said to be, instead of dated in 1970. A weekly series beside it is unharmed.
#[test]
fn a_series_past_the_iteration_limit_is_left_out_not_dated_by_its_first_occurrences() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
        BEGIN:VEVENT\r\nUID:every-minute\r\nDTSTART:19700101T000000Z\r\n\
        RRULE:FREQ=MINUTELY\r\nSUMMARY:Ticker\r\n\
        ATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T103000Z\r\n\
        RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:1:1\r\n\
        ATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let report = read_ics(ics.as_bytes(), "2026-02-01");
    assert!(with_uid(&report, "every-minute").is_empty());
    assert_eq!(
        dates(&with_uid(&report, "weekly")),
        ["2026-01-05", "2026-01-12", "2026-01-19"]
    );
    let said: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        said.iter().any(
            |p| p.contains("repeats more than 20000 times up to 2026-02-01")
                && p.contains("left out")
        ),
        "{said:?}"
    );
    assert!(!said.iter().any(|p| p.contains("latest")), "{said:?}");
}

/// What a calendar holds but cannot date is said, not dropped silently: a repeat rule that
/// cannot be read, one that never matches a day, and a meeting still to come.
#[test]
fn events_left_undated_are_said() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
        BEGIN:VEVENT\r\nUID:fortnightly\r\nDTSTART:20260105T100000Z\r\n\
        RRULE:FREQ=FORTNIGHTLY\r\nSUMMARY:Sync\r\n\
        ATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:never\r\nDTSTART:20250130T100000Z\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\nSUMMARY:Never\r\n\
        ATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:later\r\nDTSTART:20260310T100000Z\r\nSUMMARY:Later\r\n\
        ATTENDEE:mailto:ann@example.com\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let report = read_ics(ics.as_bytes(), "2026-02-01");
    assert_eq!(dates(&with_uid(&report, "fortnightly")), ["2026-01-05"]);
    let said: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        said.iter().any(|p| p.contains("RRULE:FREQ=FORTNIGHTLY")
            && p.contains("only its own date was imported")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|p| p.contains("2 events with no date up to 2026-02-01")),
        "{said:?}"
    );
}

//! Property tests: no reader panics on any input, and values survive a CSV round trip.

use proptest::prelude::*;

use super::*;

fn options() -> IcsOptions {
    IcsOptions::new(day("2030-12-31")).max_occurrences(50)
}

/// Calendars of events of random, plausible properties: mostly well-formed structure, so
/// the parsers get past their first checks into expansion and version resolution.
fn calendar_like() -> impl Strategy<Value = String> {
    let property = prop_oneof![
        Just("METHOD:CANCEL".to_string()),
        Just("STATUS:CANCELLED".to_string()),
        "UID:[a-c]{1,2}",
        "SEQUENCE:[0-9]{1,2}",
        "DTSTART(;TZID=(Europe/Berlin|America-Chicago)|;VALUE=DATE)?:(19|20|00)[0-9]{2}[01][0-9][0-3][0-9](T[0-2][0-9][0-5][0-9]00Z?)?",
        "DTEND:20[0-9]{2}[01][0-9][0-3][0-9]",
        "DURATION:-?P[0-9]{1,3}[DW]",
        "RRULE:FREQ=(SECONDLY|MINUTELY|DAILY|WEEKLY|MONTHLY|YEARLY)(;INTERVAL=[0-9]{1,3})?(;COUNT=[0-9]{1,5})?(;BYDAY=(MO|-1FR|2TU))?(;BYMONTHDAY=-?[0-9]{1,2})?(;UNTIL=20[0-9]{6})?",
        "EXDATE:20[0-9]{6}(T[0-9]{6}Z)?",
        "RDATE:20[0-9]{6}",
        "RECURRENCE-ID:20[0-9]{6}(T[0-9]{6})?",
        "ATTENDEE(;CUTYPE=(ROOM|GROUP))?(;CN=[a-z ]{0,5})?:(mailto:)?[a-z@.]{0,12}",
        "ORGANIZER:mailto:[a-z]{1,3}@example.com",
        "[A-Z-]{1,10}[:;][ -~]{0,20}",
    ];
    let event = prop::collection::vec(property.clone(), 0..10)
        .prop_map(|lines| format!("BEGIN:VEVENT\r\n{}\r\nEND:VEVENT", lines.join("\r\n")));
    let item = prop_oneof![4 => event, 1 => property];
    let calendar = prop::collection::vec(item, 0..6)
        .prop_map(|items| format!("BEGIN:VCALENDAR\r\n{}\r\nEND:VCALENDAR", items.join("\r\n")));
    prop::collection::vec(calendar, 1..4).prop_map(|c| c.join("\r\n"))
}

/// Cards of random, plausible properties.
fn vcard_like() -> impl Strategy<Value = String> {
    let property = prop_oneof![
        "VERSION:( ?[2-4]\\.[01]|x)",
        "(item[0-9]\\.)?(FN|N|NICKNAME|ORG|TITLE|NOTE|CATEGORIES|URL|EMAIL|TEL|RELATED|X-ABLabel)(;TYPE=[a-z]{1,5})?:[ -~]{0,30}",
        "BDAY(;VALUE=DATE)?:(--)?[0-9-]{0,10}",
        "KIND:(individual|group|org)",
        " [ -~]{0,10}",
        "[ -~]{0,30}",
    ];
    let card = prop::collection::vec(property, 0..12)
        .prop_map(|lines| format!("BEGIN:VCARD\n{}\nEND:VCARD", lines.join("\n")));
    prop::collection::vec(card, 1..5).prop_map(|cards| cards.join("\n"))
}

fn csv_like() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        "[ -~]{0,12}",
        "\"[ -~\n]{0,12}\"",
        "(--)?[0-9/ -]{0,10}",
        "[a-z]{1,5}@[a-z]{1,5}\\.com( ::: x)?"
    ];
    let row = prop::collection::vec(cell, 0..12).prop_map(|cells| cells.join(","));
    prop::collection::vec(row, 0..20).prop_map(|rows| rows.join("\r\n"))
}

/// Quote a CSV cell the way exports do.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_reader_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = linkedin::parse(&bytes);
        let _ = google::parse(&bytes);
        let _ = vcard::parse(&bytes);
        let _ = ics::parse(&bytes, &options());
        let _ = detect(&bytes);
    }

    #[test]
    fn no_reader_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let _ = linkedin::parse(text.as_bytes());
        let _ = google::parse(text.as_bytes());
        let _ = vcard::parse(text.as_bytes());
        let _ = ics::parse(text.as_bytes(), &options());
    }

    #[test]
    fn calendars_never_panic_and_respect_the_limits(text in calendar_like()) {
        if let Ok(report) = ics::parse(text.as_bytes(), &options()) {
            for e in &report.records {
                prop_assert!(e.date <= day("2030-12-31"));
                prop_assert!(e.attendees.len() <= e.attendee_count);
            }
            let mut per_uid = std::collections::HashMap::new();
            for e in report.records.iter().filter(|e| e.occurrence.is_some()) {
                *per_uid.entry((e.at, e.uid.clone())).or_insert(0) += 1;
            }
            prop_assert!(per_uid.values().all(|&n| n <= 50), "{per_uid:?}");
        }
    }

    #[test]
    fn vcards_never_panic_and_every_record_has_a_name(text in vcard_like()) {
        if let Ok(report) = vcard::parse(text.as_bytes()) {
            for r in &report.records {
                prop_assert!(!r.name.as_str().is_empty());
                if let Some(b) = &r.birthday {
                    prop_assert!(b.len() == 10 || b.len() == 7, "{b}");
                }
            }
        }
    }

    #[test]
    fn csv_readers_never_panic_below_their_headers(body in csv_like()) {
        let linkedin_file = format!("Notes:\r\n\"x\"\r\n\r\n{}\r\n{body}", linkedin::EXPECTED_HEADER);
        // The one whole-file refusal below a header: a quote that never closes.
        let unclosed = |e: &FormatError| matches!(e, FormatError::UnclosedQuote { .. });
        match linkedin::parse(linkedin_file.as_bytes()) {
            Ok(report) => prop_assert!(report.records.iter().all(|r| r.at > Place::Line(4))),
            Err(e) => prop_assert!(unclosed(&e), "{e}"),
        }
        let google_file = format!(
            "First Name,Last Name,Labels,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value,Birthday,Notes\n{body}"
        );
        match google::parse(google_file.as_bytes()) {
            Ok(report) => {
                for r in &report.records {
                    prop_assert!(r.emails.iter().all(|e| e.as_str().contains('@')));
                }
            }
            Err(e) => prop_assert!(unclosed(&e), "{e}"),
        }
    }

    #[test]
    fn linkedin_values_survive_quoting(
        first in "\\PC{1,20}",
        last in "\\PC{0,20}",
        company in "\\PC{0,30}",
        position in "\\PC{0,30}",
    ) {
        prop_assume!(!first.trim().is_empty());
        let file = format!(
            "{}\r\n{},{},,,{},{},12 Mar 2024\r\n",
            linkedin::EXPECTED_HEADER,
            quoted(&first),
            quoted(&last),
            quoted(&company),
            quoted(&position)
        );
        let report = linkedin::parse(file.as_bytes()).unwrap();
        match report.records.as_slice() {
            [r] => {
                let name = format!("{first} {last}").split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(r.name.as_str(), name);
                prop_assert_eq!(r.organisation.as_deref().unwrap_or(""), company.trim());
                prop_assert_eq!(r.title.as_deref().unwrap_or(""), position.trim());
                prop_assert_eq!(r.connected_on, Some(day("2024-03-12")));
            }
            // A name the domain refuses (too long, control characters) is reported.
            [] => prop_assert!(!report.problems.is_empty()),
            more => prop_assert!(false, "{more:?}"),
        }
    }
}

//! Fuzz the iCalendar reader: any bytes give a report or an error, never a panic, and the
//! limits on occurrences hold.
#![no_main]

use fanclub_core::Day;
use fanclub_formats::{IcsOptions, ics};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(until) = Day::from_ymd(2030, 12, 31) else {
        return;
    };
    let options = IcsOptions::new(until).max_occurrences(20);
    if let Ok(report) = ics::parse(data, &options) {
        for event in &report.records {
            assert!(event.date <= until);
            assert!(event.attendees.len() <= event.attendee_count);
        }
    }
});

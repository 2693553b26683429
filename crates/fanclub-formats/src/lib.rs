//! Readers for the files a member already has: LinkedIn's `Connections.csv`, a Google
//! Contacts CSV export, vCard 3.0/4.0 (`.vcf`) and iCalendar (`.ics`).
//!
//! Each reader is a pure function from the file's bytes to a [`ParseReport`]: clean
//! intermediate records ([`ContactRecord`] or [`CalendarEvent`]) plus the problems met on
//! the way, each with the line, card or event it concerns. A record with a bad value keeps
//! its good values and gets a problem; a record with nothing usable is skipped with a
//! problem. Only a file that cannot be read at all (too large, binary, not UTF-8, no
//! header) is a [`FormatError`]. No reader panics on any input.
//!
//! This crate knows nothing about the database: matching records to existing people, the
//! dry run and the single write transaction belong to the import pipeline built on top.

pub mod choices;
pub mod contact;
pub mod error;
pub mod export;
pub mod google;
pub mod ics;
pub mod linkedin;
pub mod plan;
pub mod report;
pub mod vcard;

mod birthday;
mod input;
mod table;

pub use choices::{ImportChoices, TimeZone};
pub use contact::{ContactRecord, Related};
pub use error::{Format, FormatError, MAX_FILE_BYTES};
pub use ics::{Attendee, AttendeeRole, CalendarEvent, IcsOptions, Participation};
pub use plan::{PlanOptions, plan_file};
pub use report::{ParseReport, Place, Problem, Severity};

/// Guess which of the supported formats `bytes` hold, from their first few kilobytes, so
/// an import command can offer the right reader when the member did not name one.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(8192)];
    // A multi-byte character cut at the 8 KiB mark must not hide the rest of the text.
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    let upper = text.trim_start_matches('\u{feff}').to_ascii_uppercase();
    if upper.contains("BEGIN:VCALENDAR") || upper.contains("BEGIN:VEVENT") {
        return Some(Format::ICalendar);
    }
    if upper.contains("BEGIN:VCARD") {
        return Some(Format::VCard);
    }
    if upper.lines().any(linkedin::looks_like_header_line) {
        return Some(Format::LinkedIn);
    }
    if upper.lines().any(google::looks_like_header_line) {
        return Some(Format::GoogleCsv);
    }
    None
}

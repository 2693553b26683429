//! What every reader returns: the records it could read and the problems it met, each
//! with the place in the file it concerns, so a dry run can show both.

use std::fmt;

use serde::{Serialize, Serializer};

/// Where in the file a record or a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A line of a CSV file (1-based; a record spanning lines is at its first line).
    Line(u64),
    /// The n-th card of a vCard file (1-based).
    Card(usize),
    /// The n-th calendar (`BEGIN:VCALENDAR`) of an iCalendar file (1-based).
    Calendar(usize),
    /// The n-th event of the n-th calendar (both 1-based).
    Event { calendar: usize, event: usize },
}

impl Place {
    /// A key that sorts places in file order: by line, card or calendar number, then by
    /// event (the derived order would put every calendar before every event).
    pub fn order(&self) -> (u64, u64) {
        match *self {
            Place::File => (0, 0),
            Place::Line(n) => (n, 0),
            Place::Card(n) | Place::Calendar(n) => (n as u64, 0),
            Place::Event { calendar, event } => (calendar as u64, event as u64),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => f.write_str("the file"),
            Place::Line(n) => write!(f, "line {n}"),
            Place::Card(n) => write!(f, "card {n}"),
            Place::Calendar(n) => write!(f, "calendar {n}"),
            Place::Event { calendar, event } => write!(f, "calendar {calendar}, event {event}"),
        }
    }
}

impl Serialize for Place {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How much of a record a problem cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The whole record was left out.
    Skipped,
    /// One value was dropped or repaired; the rest of the record was kept.
    Note,
}

/// One thing that went wrong with one record or value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub at: Place,
    pub severity: Severity,
    /// What was wrong, with the offending value when there is one, and what was done.
    pub message: String,
}

impl Problem {
    pub fn skipped(at: Place, message: impl Into<String>) -> Problem {
        Problem {
            at,
            severity: Severity::Skipped,
            message: message.into(),
        }
    }

    pub fn note(at: Place, message: impl Into<String>) -> Problem {
        Problem {
            at,
            severity: Severity::Note,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// The outcome of reading one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParseReport<T> {
    pub records: Vec<T>,
    pub problems: Vec<Problem>,
}

impl<T> Default for ParseReport<T> {
    fn default() -> Self {
        ParseReport {
            records: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl<T> ParseReport<T> {
    /// How many records were left out whole.
    pub fn skipped(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
            .count()
    }
}

/// Shorten a value quoted in a message, so one bad multi-kilobyte cell cannot flood a report.
pub(crate) fn quote(value: &str) -> String {
    const MAX: usize = 60;
    let t = value.trim();
    if t.chars().count() <= MAX {
        format!("`{t}`")
    } else {
        format!("`{}…`", t.chars().take(MAX).collect::<String>())
    }
}

//! Whole-file failures: the file cannot be read as the format asked for at all. Problems
//! with single records are not errors; they go into the report.

use std::fmt;

use serde::Serialize;

/// The largest file one import reads (20 MiB). A LinkedIn export of 30,000 connections is
/// about 3 MiB and a busy calendar's year about 5 MiB, so anything bigger is more likely a
/// wrong file than a real export, and reading it whole would hold it all in memory.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The outside formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    LinkedIn,
    GoogleCsv,
    VCard,
    ICalendar,
}

impl Format {
    /// How to get the file again, for error messages.
    fn how_to_export(self) -> &'static str {
        match self {
            Format::LinkedIn => {
                "LinkedIn: Settings → Data privacy → Get a copy of your data → Connections; unzip the archive and pick Connections.csv"
            }
            Format::GoogleCsv => "Google Contacts: Export → Google CSV",
            Format::VCard => "your address book: export the contacts as vCard (.vcf)",
            Format::ICalendar => {
                "your calendar: export it, or save the invitation, as iCalendar (.ics)"
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::LinkedIn => "LinkedIn Connections.csv",
            Format::GoogleCsv => "Google Contacts CSV",
            Format::VCard => "vCard (.vcf)",
            Format::ICalendar => "iCalendar (.ics)",
        })
    }
}

/// Why a whole file could not be read. Each message says what was wrong, where, and what
/// to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the file is empty; export it again from {}", .format.how_to_export())]
    Empty { format: Format },

    #[error(
        "the file is {size} bytes, more than the {limit} bytes one import reads; \
         check that it is the right file, or export a smaller part and import the parts one by one"
    )]
    TooLarge { size: usize, limit: usize },

    #[error(
        "the file is UTF-16 text, but a {format} file must be UTF-8; \
         open it in a text editor, save it as UTF-8 and import it again"
    )]
    Utf16 { format: Format },

    #[error(
        "the file looks binary ({what}), not like a {format} text file; {}",
        .format.how_to_export()
    )]
    Binary { format: Format, what: &'static str },

    #[error(
        "the file is not UTF-8 text: character {column} of line {line} is in another \
         encoding; save the file as UTF-8 (a spreadsheet program: Save As \"CSV UTF-8\"; a \
         text editor: encoding UTF-8) and import it again"
    )]
    NotUtf8 {
        format: Format,
        line: usize,
        /// 1-based, in characters.
        column: usize,
    },

    #[error(
        "no {format} header row in the first {searched} lines: expected a line like `{expected}`{hint}"
    )]
    HeaderMissing {
        format: Format,
        expected: &'static str,
        searched: usize,
        /// What the file looks like instead, when that is known (starts with "; ").
        hint: String,
    },

    #[error(
        "line {line} opens a quoted value (\") that is never closed, so every line after it \
         would be read as part of that one value; close the quote (or remove it) in a text \
         editor and import the file again"
    )]
    UnclosedQuote { format: Format, line: u64 },

    #[error(
        "{what} {number}, from line {line}, has no END:{component}: the file looks cut short; \
         export it again and import the whole file"
    )]
    CutShort {
        format: Format,
        /// "card", "event", "calendar".
        what: &'static str,
        number: usize,
        line: usize,
        component: &'static str,
    },

    #[error("this is not a {format} file: {reason}")]
    WrongFormat { format: Format, reason: String },

    #[error("unknown time zone `{name}`: use an IANA name like Europe/Berlin or America/New_York")]
    UnknownTimeZone { name: String },
}

impl FormatError {
    /// The format the caller asked for, when the error is about one.
    pub fn format(&self) -> Option<Format> {
        match self {
            FormatError::Empty { format }
            | FormatError::Utf16 { format }
            | FormatError::Binary { format, .. }
            | FormatError::NotUtf8 { format, .. }
            | FormatError::HeaderMissing { format, .. }
            | FormatError::UnclosedQuote { format, .. }
            | FormatError::CutShort { format, .. }
            | FormatError::WrongFormat { format, .. } => Some(*format),
            FormatError::TooLarge { .. } | FormatError::UnknownTimeZone { .. } => None,
        }
    }
}

//! The readers against real files: every fixture in shared/fixtures (written by other
//! projects' authors) and synthetic exports of fictional people in tests/fixtures.
//!
//! Each fixture either parses, with assertions on the values extracted, or is refused with
//! an error that says what to do; none may panic.

// One test binary (cheaper to link) split into files by subject.
#[path = "formats/calendars.rs"]
mod calendars;
#[path = "formats/contacts.rs"]
mod contacts;
#[path = "formats/corpus.rs"]
mod corpus;
#[path = "formats/properties.rs"]
mod properties;

use std::path::{Path, PathBuf};

use fanclub_core::Day;
use fanclub_formats::{
    ContactRecord, Format, FormatError, IcsOptions, ParseReport, Place, Severity, detect, google,
    ics, linkedin, vcard,
};

/// Files shared with the project (kept unchanged, see shared/fixtures/SOURCES.md).
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/fixtures");
/// Synthetic exports of fictional people.
const LOCAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn shared(name: &str) -> Vec<u8> {
    read(&Path::new(SHARED).join(name))
}

fn local(name: &str) -> Vec<u8> {
    read(&Path::new(LOCAL).join(name))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// The record named `name`; fails listing the names there are.
fn person<'a>(report: &'a ParseReport<ContactRecord>, name: &str) -> &'a ContactRecord {
    report
        .records
        .iter()
        .find(|r| r.name.as_str() == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = report.records.iter().map(|r| r.name.as_str()).collect();
            panic!("no {name:?} among {names:?}")
        })
}

/// The messages of the problems at `at`.
fn problems_at<T>(report: &ParseReport<T>, at: Place) -> Vec<String> {
    report
        .problems
        .iter()
        .filter(|p| p.at == at)
        .map(|p| p.message.clone())
        .collect()
}

#[test]
fn every_shared_fixture_parses_or_is_refused_with_a_clear_error() {
    let options = IcsOptions::new(day("2026-01-01"));
    let mut seen = 0;
    for dir in ["vcard", "ics"] {
        for path in files_in(&format!("{SHARED}/{dir}")) {
            let bytes = read(&path);
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let outcome = match dir {
                "vcard" => vcard::parse(&bytes).map(|r| (r.records.len(), r.problems)),
                _ => ics::parse(&bytes, &options).map(|r| (r.records.len(), r.problems)),
            };
            match outcome {
                Ok((_, problems)) => {
                    for p in problems {
                        assert!(
                            !p.message.trim().is_empty(),
                            "{name}: empty problem at {}",
                            p.at
                        );
                    }
                }
                Err(e) => {
                    let message = e.to_string();
                    assert!(message.len() > 30, "{name}: unhelpful error {message:?}");
                }
            }
            let expected = if dir == "vcard" {
                Format::VCard
            } else {
                Format::ICalendar
            };
            assert_eq!(detect(&bytes), Some(expected), "{name}");
            seen += 1;
        }
    }
    assert_eq!(
        seen, 14,
        "a fixture was added or removed: cover it in contacts.rs or calendars.rs"
    );
}

#[test]
fn every_local_fixture_is_detected_as_its_format() {
    for path in files_in(LOCAL) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected = match name.split('-').next().unwrap() {
            "linkedin" => Format::LinkedIn,
            "google" => Format::GoogleCsv,
            _ if name.ends_with(".vcf") => Format::VCard,
            _ => Format::ICalendar,
        };
        assert_eq!(detect(&read(&path)), Some(expected), "{name}");
    }
    assert_eq!(detect(b"just some text\n"), None);
}

#[test]
fn whole_file_errors_say_what_where_and_what_to_do() {
    let zip = b"PK\x03\x04\x14\x00\x00\x00Connections.csv";
    let err = linkedin::parse(zip).unwrap_err();
    assert!(matches!(err, FormatError::Binary { .. }));
    assert!(err.to_string().contains("unzip"), "{err}");

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("First Name".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = google::parse(&utf16).unwrap_err();
    assert!(err.to_string().contains("save it as UTF-8"), "{err}");

    let latin1 = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJos\xe9,Ruiz,,,,,\n";
    let err = linkedin::parse(latin1).unwrap_err();
    assert_eq!(
        err,
        FormatError::NotUtf8 {
            format: Format::LinkedIn,
            line: 2,
            column: 4
        }
    );
    assert!(err.to_string().contains("line 2"), "{err}");

    let big = vec![b' '; fanclub_formats::MAX_FILE_BYTES + 1];
    assert!(matches!(
        vcard::parse(&big),
        Err(FormatError::TooLarge { .. })
    ));

    let err = vcard::parse(&shared("ics/icaljs-minimal.ics")).unwrap_err();
    assert!(err.to_string().contains("import it as iCalendar"), "{err}");
    let err = ics::parse(
        &shared("vcard/icaljs-vcard.vcf"),
        &IcsOptions::new(day("2026-01-01")),
    )
    .unwrap_err();
    assert!(err.to_string().contains("import it as vCard"), "{err}");
    let err = vcard::parse(b"BEGIN:VCARDS are great\n").unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::WrongFormat {
                format: Format::VCard,
                ..
            }
        ),
        "{err}"
    );

    // A quote that never closes would swallow every row after it into one value.
    let unclosed = format!(
        "{}\r\nAnn,Example,,,Acme,PM,12 Mar 2024\r\nBad,\"Quote,,,X,Y,12 Mar 2024\r\nOk,Two,,,Z,W,1 Apr 2024\r\n",
        linkedin::EXPECTED_HEADER
    );
    let err = linkedin::parse(unclosed.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        FormatError::UnclosedQuote {
            format: Format::LinkedIn,
            line: 3
        }
    );
    assert!(err.to_string().contains("line 3"), "{err}");
    let google =
        "First Name,Last Name,Labels,Notes\nAnn,Example,,\"two\nlines\"\nBo,Ek,,\"open\nCy,Do,,\n";
    assert!(matches!(
        google::parse(google.as_bytes()),
        Err(FormatError::UnclosedQuote { line: 4, .. })
    ));
    // Quotes that close, across lines and doubled inside, are values as before.
    let closed = "First Name,Last Name,Labels,Notes\nAnn,Example,,\"two \"\"quoted\"\"\nlines\"\nBo,Ek,,say \"hi\"\n";
    assert_eq!(google::parse(closed.as_bytes()).unwrap().records.len(), 2);

    // A file cut short ends inside its last card or event: refused, naming it.
    let cut = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carol Cut\r\nEMAIL:carol@fict.exa";
    let err = vcard::parse(cut.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        FormatError::CutShort {
            format: Format::VCard,
            what: "card",
            number: 2,
            line: 5,
            component: "VCARD"
        }
    );
    assert!(err.to_string().contains("card 2, from line 5"), "{err}");
    let cut = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260105T100000Z\r\nSUMMARY:1:1\r\nATTENDEE:mailto:alice@fict.ex";
    let err = ics::parse(cut.as_bytes(), &IcsOptions::new(day("2026-02-01"))).unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::CutShort {
                what: "event",
                number: 1,
                line: 3,
                ..
            }
        ),
        "{err}"
    );

    let err = IcsOptions::new(day("2026-01-01"))
        .time_zone("Mars/Olympus")
        .unwrap_err();
    assert!(err.to_string().contains("Europe/Berlin"), "{err}");
}

#[test]
fn problems_report_how_much_was_lost() {
    let report = linkedin::parse(&local("linkedin-connections.csv")).unwrap();
    assert_eq!(report.skipped(), 1);
    let notes = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Note)
        .count();
    assert_eq!(notes, 2);
    let shown: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(shown[0].starts_with("line 9: "), "{shown:?}");
}

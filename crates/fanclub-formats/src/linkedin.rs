//! LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data).
//!
//! The export starts with a notes preamble (`Notes:` and a quoted paragraph about hidden
//! e-mail addresses), then a blank line, then the header
//! `First Name,Last Name,URL,Email Address,Company,Position,Connected On`. Exports before
//! 2020 or so have no `URL` column. The header is found by its content, never by skipping
//! a fixed number of lines, because the preamble has changed over the years. Dates are
//! written `12 Mar 2024`; a file re-saved by a spreadsheet may have `12-Mar-24` or
//! `2024-03-12`, which are read too. Most e-mail cells are empty: members choose whether
//! their connections may download their address.

use chrono::NaiveDate;

use fanclub_core::Day;

use crate::contact::{ContactRecord, Draft};
use crate::report::{ParseReport, Place, Problem, quote};
use crate::table::{HEADER_SEARCH_LINES, Table, has_all};
use crate::{Format, FormatError, input};

/// The header of a current export, quoted in error messages.
pub const EXPECTED_HEADER: &str =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

/// Read a LinkedIn `Connections.csv` export.
pub fn parse(bytes: &[u8]) -> Result<ParseReport<ContactRecord>, FormatError> {
    let text = input::decode(bytes, Format::LinkedIn)?;
    let table = Table::find(text, is_header).ok_or_else(|| missing_header(text))?;
    if let Some(line) = table.unclosed_quote() {
        return Err(FormatError::UnclosedQuote {
            format: Format::LinkedIn,
            line,
        });
    }

    let first = table.column(&["First Name"]);
    let last = table.column(&["Last Name"]);
    let url = table.column(&["URL", "Profile URL"]);
    let email = table.column(&["Email Address", "E-mail Address", "Email"]);
    let company = table.column(&["Company"]);
    let position = table.column(&["Position"]);
    let connected = table.column(&["Connected On"]);

    let mut report = ParseReport::default();
    for row in table.rows() {
        let row = match row {
            Ok(row) => row,
            Err((line, reason)) => {
                report.problems.push(Problem::skipped(
                    Place::Line(line),
                    format!("this row could not be read as CSV ({reason}): skipped"),
                ));
                continue;
            }
        };
        let at = Place::Line(row.line);
        let full_name = format!("{} {}", row.cell(first), row.cell(last));
        let mut draft = Draft {
            names: vec![full_name],
            emails: vec![row.cell(email).to_string()],
            organisation: Some(row.cell(company).to_string()),
            title: Some(row.cell(position).to_string()),
            links: vec![row.cell(url).to_string()],
            ..Draft::default()
        };
        if draft.is_blank() {
            continue;
        }
        let date = row.cell(connected);
        if !date.is_empty() {
            match parse_date(date) {
                Ok(day) => draft.connected_on = Some(day),
                Err(why) => report.problems.push(Problem::note(
                    at,
                    format!(
                        "Connected On {}: {why}; the connection date was left out",
                        quote(date)
                    ),
                )),
            }
        }
        if let Some(record) = draft.finish(at, &mut report.problems) {
            report.records.push(record);
        }
    }
    Ok(report)
}

fn is_header(cells: &[String]) -> bool {
    has_all(cells, &["First Name", "Last Name"])
        && ["Connected On", "Email Address", "Company", "Position"]
            .iter()
            .any(|n| cells.iter().any(|c| c.eq_ignore_ascii_case(n)))
}

/// Does this uppercased line look like the header of a LinkedIn export?
pub(crate) fn looks_like_header_line(upper: &str) -> bool {
    upper.contains("FIRST NAME") && upper.contains("LAST NAME") && upper.contains("CONNECTED ON")
}

fn missing_header(text: &str) -> FormatError {
    let upper = text.to_ascii_uppercase();
    let hint = if upper
        .lines()
        .take(HEADER_SEARCH_LINES)
        .any(crate::google::looks_like_header_line)
    {
        "; this looks like a Google Contacts CSV: import it as one".to_string()
    } else if upper.contains("BEGIN:VCARD") {
        "; this looks like a vCard file: import it as one".to_string()
    } else {
        "; make sure it is Connections.csv from the unzipped LinkedIn archive".to_string()
    };
    FormatError::HeaderMissing {
        format: Format::LinkedIn,
        expected: EXPECTED_HEADER,
        searched: HEADER_SEARCH_LINES,
        hint,
    }
}

/// LinkedIn writes `12 Mar 2024`; spreadsheets turn it into the other unambiguous forms.
/// Numeric day/month forms are refused: `3/12/2024` means different days in different
/// countries.
fn parse_date(s: &str) -> Result<Day, String> {
    const FORMATS: [&str; 6] = [
        "%d %b %Y",
        "%d %B %Y",
        "%d-%b-%y",
        "%d-%b-%Y",
        "%Y-%m-%d",
        "%b %d, %Y",
    ];
    if s.contains('/') {
        return Err(
            "a numeric date can mean two different days; re-export from LinkedIn, whose dates read like 12 Mar 2024"
                .to_string(),
        );
    }
    let date = FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s.trim(), f).ok())
        .ok_or_else(|| "not a date like 12 Mar 2024".to_string())?;
    Day::parse(&date.format("%Y-%m-%d").to_string())
        .map_err(|_| "not a date between 1900 and 2200".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date_forms_exports_and_spreadsheets_write() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("12 Mar 2024").unwrap(), "2024-03-12");
        assert_eq!(d("02 Sep 2019").unwrap(), "2019-09-02");
        assert_eq!(d("12 March 2024").unwrap(), "2024-03-12");
        assert_eq!(d("12-Mar-24").unwrap(), "2024-03-12");
        assert_eq!(d("2024-03-12").unwrap(), "2024-03-12");
        assert!(d("3/12/2024").unwrap_err().contains("two different days"));
        assert!(d("yesterday").is_err());
        assert!(d("31 Feb 2024").is_err());
    }
}

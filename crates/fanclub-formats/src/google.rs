//! Google Contacts' CSV export ("Export → Google CSV").
//!
//! The current export's header starts `First Name,Middle Name,Last Name,Phonetic First
//! Name,…,Nickname,File As,Organization Name,Organization Title,Organization
//! Department,Birthday,Notes,Photo,Labels`, followed by numbered groups: `E-mail 1 -
//! Label,E-mail 1 - Value`, `Phone N - …`, `Address N - …`, `Relation N - …`,
//! `Website N - …`, `Event N - …`, `Custom Field N - …`. How many groups there are depends
//! on the contact with the most of each. The export before 2021 started `Name,Given
//! Name,Additional Name,Family Name,…,Group Membership` and used `Type` where the current
//! one says `Label`, and `Organization 1 - Name` for the company; both are read. One cell
//! may hold several values separated by ` ::: ` (two addresses with the same label), and
//! labels look like `* myContacts ::: Work`, where `*` marks Google's own groups. Notes are
//! quoted and may span lines.

use std::collections::BTreeMap;

use crate::birthday;
use crate::contact::{ContactRecord, Draft, Related};
use crate::report::{ParseReport, Place, Problem};
use crate::table::{HEADER_SEARCH_LINES, Row, Table};
use crate::{Format, FormatError, input};

/// The start of a current export's header, quoted in error messages.
pub const EXPECTED_HEADER: &str = "First Name,Middle Name,Last Name,…,Organization Name,Organization Title,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…";

/// Google's separator for several values in one cell.
const MULTI: &str = ":::";

/// Read a Google Contacts CSV export.
pub fn parse(bytes: &[u8]) -> Result<ParseReport<ContactRecord>, FormatError> {
    let text = input::decode(bytes, Format::GoogleCsv)?;
    let table = Table::find(text, is_header).ok_or_else(|| missing_header(text))?;
    if let Some(line) = table.unclosed_quote() {
        return Err(FormatError::UnclosedQuote {
            format: Format::GoogleCsv,
            line,
        });
    }
    let columns = Columns::new(&table);

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
        let draft = columns.draft(&row, at, &mut report.problems);
        if draft.is_blank() {
            continue;
        }
        if let Some(record) = draft.finish(at, &mut report.problems) {
            report.records.push(record);
        }
    }
    Ok(report)
}

fn is_header(cells: &[String]) -> bool {
    let has = |n: &str| cells.iter().any(|c| c.eq_ignore_ascii_case(n));
    let has_name = has("First Name") || has("Given Name") || has("Name");
    let google_only = has("E-mail 1 - Value")
        || has("Phone 1 - Value")
        || has("Labels")
        || has("Group Membership")
        || has("File As")
        || has("Given Name");
    has_name && google_only && !has("Connected On")
}

/// Does this uppercased line look like the header of a Google Contacts export?
pub(crate) fn looks_like_header_line(upper: &str) -> bool {
    !upper.contains("CONNECTED ON")
        && (upper.contains("E-MAIL 1 - VALUE")
            || upper.contains("GROUP MEMBERSHIP")
            || (upper.contains("FIRST NAME") && upper.contains("FILE AS"))
            || upper.starts_with("NAME,GIVEN NAME"))
}

fn missing_header(text: &str) -> FormatError {
    let upper = text.to_ascii_uppercase();
    let lines = || upper.lines().take(HEADER_SEARCH_LINES);
    let hint = if lines().any(crate::linkedin::looks_like_header_line) {
        "; this looks like LinkedIn's Connections.csv: import it as LinkedIn".to_string()
    } else if lines().any(|l| l.contains("E-MAIL ADDRESS") && l.contains("FIRST NAME")) {
        "; this looks like an Outlook CSV: export from Google Contacts with the Google CSV option"
            .to_string()
    } else {
        "; export from Google Contacts with the Google CSV option".to_string()
    };
    FormatError::HeaderMissing {
        format: Format::GoogleCsv,
        expected: EXPECTED_HEADER,
        searched: HEADER_SEARCH_LINES,
        hint,
    }
}

/// Where each field is in this file's header.
struct Columns {
    full_name: Option<usize>,
    given: Option<usize>,
    middle: Option<usize>,
    family: Option<usize>,
    nickname: Option<usize>,
    file_as: Option<usize>,
    organisation: Vec<usize>,
    title: Vec<usize>,
    department: Vec<usize>,
    birthday: Option<usize>,
    notes: Option<usize>,
    labels: Option<usize>,
    emails: Vec<usize>,
    phones: Vec<usize>,
    websites: Vec<usize>,
    /// (label column, value column) of each relation group.
    relations: Vec<(Option<usize>, usize)>,
}

impl Columns {
    fn new(table: &Table<'_>) -> Columns {
        // Numbered groups: "E-mail 2 - Value" → ("e-mail", 2, "value").
        let mut groups: BTreeMap<(String, u32), BTreeMap<String, usize>> = BTreeMap::new();
        for (i, cell) in table.header.iter().enumerate() {
            if let Some((kind, n, field)) = numbered(cell) {
                groups
                    .entry((kind, n))
                    .or_default()
                    .entry(field)
                    .or_insert(i);
            }
        }
        let values = |kind: &str, field: &str| -> Vec<usize> {
            groups
                .iter()
                .filter(|((k, _), _)| k == kind)
                .filter_map(|(_, fields)| fields.get(field).copied())
                .collect()
        };
        let mut organisation: Vec<usize> =
            table.column(&["Organization Name"]).into_iter().collect();
        organisation.extend(values("organization", "name"));
        let mut title: Vec<usize> = table.column(&["Organization Title"]).into_iter().collect();
        title.extend(values("organization", "title"));
        let mut department: Vec<usize> = table
            .column(&["Organization Department"])
            .into_iter()
            .collect();
        department.extend(values("organization", "department"));
        let relations = groups
            .iter()
            .filter(|((k, _), _)| k == "relation")
            .filter_map(|(_, f)| {
                let label = f.get("label").or_else(|| f.get("type")).copied();
                f.get("value").map(|&v| (label, v))
            })
            .collect();
        Columns {
            full_name: table.column(&["Name"]),
            given: table.column(&["First Name", "Given Name"]),
            middle: table.column(&["Middle Name", "Additional Name"]),
            family: table.column(&["Last Name", "Family Name"]),
            nickname: table.column(&["Nickname"]),
            file_as: table.column(&["File As"]),
            organisation,
            title,
            department,
            birthday: table.column(&["Birthday"]),
            notes: table.column(&["Notes"]),
            labels: table.column(&["Labels", "Group Membership"]),
            emails: values("e-mail", "value"),
            phones: values("phone", "value"),
            websites: values("website", "value"),
            relations,
        }
    }

    fn draft(&self, row: &Row, at: Place, problems: &mut Vec<Problem>) -> Draft {
        let composed = [self.given, self.middle, self.family]
            .iter()
            .map(|&c| row.cell(c))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let first_of = |cols: &[usize]| {
            cols.iter()
                .map(|&c| row.cell(Some(c)))
                .find(|s| !s.is_empty())
                .map(str::to_string)
        };
        let all_of = |cols: &[usize]| -> Vec<String> {
            cols.iter()
                .flat_map(|&c| split_multi(row.cell(Some(c))))
                .collect()
        };
        let mut draft = Draft {
            names: [row.cell(self.full_name).to_string(), composed]
                .into_iter()
                .chain([self.file_as, self.nickname].map(|c| row.cell(c).to_string()))
                .collect(),
            emails: all_of(&self.emails),
            phones: all_of(&self.phones),
            organisation: first_of(&self.organisation),
            team: first_of(&self.department),
            title: first_of(&self.title),
            links: all_of(&self.websites),
            notes: vec![row.cell(self.notes).to_string()],
            categories: split_multi(row.cell(self.labels))
                .into_iter()
                .filter_map(|l| label(&l))
                .collect(),
            ..Draft::default()
        };
        for &(label_col, value_col) in &self.relations {
            let relation = row.cell(label_col).trim_start_matches("* ").to_lowercase();
            for value in split_multi(row.cell(Some(value_col))) {
                draft.related.push(Related {
                    relation: (!relation.is_empty()).then(|| relation.clone()),
                    value,
                });
            }
        }
        match birthday::from_text(row.cell(self.birthday)) {
            Ok(b) => draft.birthday = b,
            Err(why) => problems.push(Problem::note(at, format!("Birthday: {why}; left out"))),
        }
        draft
    }
}

/// `"E-mail 2 - Value"` → `("e-mail", 2, "value")`.
fn numbered(cell: &str) -> Option<(String, u32, String)> {
    let (left, field) = cell.split_once(" - ")?;
    let (kind, n) = left.trim().rsplit_once(' ')?;
    let n = n.parse().ok()?;
    Some((kind.trim().to_lowercase(), n, field.trim().to_lowercase()))
}

/// `"a@x.com ::: b@y.com"` → both, trimmed, blanks dropped.
fn split_multi(cell: &str) -> Vec<String> {
    cell.split(MULTI)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A label the member chose, or `None` for Google's own groups every contact is in.
/// `* starred` is kept as `starred`: it is the member's choice, not Google's.
fn label(raw: &str) -> Option<String> {
    let name = raw.trim().trim_start_matches('*').trim();
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match key.as_str() {
        "" | "mycontacts" | "othercontacts" | "imported" => None,
        _ if raw.trim().starts_with('*') => Some(name.to_lowercase()),
        _ => Some(name.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_columns_and_labels() {
        assert_eq!(
            numbered("E-mail 12 - Value"),
            Some(("e-mail".into(), 12, "value".into()))
        );
        assert_eq!(
            numbered("Organization 1 - Title"),
            Some(("organization".into(), 1, "title".into()))
        );
        assert_eq!(numbered("Notes"), None);
        assert_eq!(split_multi(" a ::: b:::  ::: c"), ["a", "b", "c"]);
        assert_eq!(label("* myContacts"), None);
        assert_eq!(label("* My Contacts"), None);
        assert_eq!(label("* starred"), Some("starred".into()));
        assert_eq!(label("Board"), Some("Board".into()));
    }
}

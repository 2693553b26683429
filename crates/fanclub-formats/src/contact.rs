//! The intermediate record all contact readers produce, and the one place that turns raw
//! values into it, so LinkedIn, Google and vCard imports clean names, e-mails, phones and
//! links by the same rules the `Person` model checks later.

use serde::Serialize;

use fanclub_core::{Day, Email, LONG_TEXT, Name, SHORT_TEXT};

use crate::report::{Place, Problem, quote};

/// One person read from a contacts file, cleaned but not yet matched to anyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRecord {
    /// Where the record is in its file, for the dry run and problem messages.
    pub at: Place,
    pub name: Name,
    /// Unique, lowercase, in file order (the first is the preferred one when known).
    pub emails: Vec<Email>,
    pub phones: Vec<String>,
    pub organisation: Option<String>,
    /// The department or unit within the organisation.
    pub team: Option<String>,
    pub title: Option<String>,
    /// Web addresses: the LinkedIn profile first when the file has one.
    pub links: Vec<String>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown, as `Person::birthday`.
    pub birthday: Option<String>,
    pub notes: Option<String>,
    /// Labels, groups or categories the member gave the contact elsewhere.
    pub categories: Vec<String>,
    pub related: Vec<Related>,
    /// When the member connected on LinkedIn.
    pub connected_on: Option<Day>,
}

/// Someone the contact is related to, as the source file names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// How they are related (`spouse`, `colleague`, `manager`…), lowercase, when known.
    pub relation: Option<String>,
    /// A name, an e-mail address or a URI (`urn:uuid:…`), as written.
    pub value: String,
}

/// Limits `Person::validate` enforces; values past them are dropped here with a note
/// rather than failing the whole import later.
const MAX_PHONE_CHARS: usize = 60;
const MAX_LINK_CHARS: usize = 2000;

/// Raw values gathered by a reader, before cleaning.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// Name candidates, best first; the first that is a valid name wins.
    pub names: Vec<String>,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub organisation: Option<String>,
    pub team: Option<String>,
    pub title: Option<String>,
    pub links: Vec<String>,
    pub birthday: Option<String>,
    pub notes: Vec<String>,
    pub categories: Vec<String>,
    pub related: Vec<Related>,
    pub connected_on: Option<Day>,
}

impl Draft {
    /// True when the reader found nothing at all (a blank CSV row).
    pub fn is_blank(&self) -> bool {
        self.names.iter().all(|s| s.trim().is_empty())
            && self.emails.iter().all(|s| s.trim().is_empty())
            && self.phones.iter().all(|s| s.trim().is_empty())
            && self
                .organisation
                .as_deref()
                .is_none_or(|s| s.trim().is_empty())
            && self.links.iter().all(|s| s.trim().is_empty())
    }

    /// Clean every value; `None` (with a problem) when there is no name to file it under.
    pub fn finish(self, at: Place, problems: &mut Vec<Problem>) -> Option<ContactRecord> {
        let mut emails: Vec<Email> = Vec::new();
        for raw in self
            .emails
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match Email::parse(raw) {
                Ok(e) if !emails.contains(&e) => emails.push(e),
                Ok(_) => {}
                Err(_) => problems.push(Problem::note(
                    at,
                    format!("{} is not an e-mail address: left out", quote(raw)),
                )),
            }
        }

        let mut phones: Vec<String> = Vec::new();
        for raw in &self.phones {
            let Some(p) = clean_phone(raw) else { continue };
            if p.chars().count() > MAX_PHONE_CHARS {
                problems.push(Problem::note(
                    at,
                    format!(
                        "phone number {} is longer than {MAX_PHONE_CHARS} characters: left out",
                        quote(&p)
                    ),
                ));
            } else if !phones.contains(&p) {
                phones.push(p);
            }
        }

        let mut links: Vec<String> = Vec::new();
        for raw in self
            .links
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            if raw.chars().any(char::is_whitespace) || raw.chars().count() > MAX_LINK_CHARS {
                problems.push(Problem::note(
                    at,
                    format!(
                        "{} is not a web address (it has spaces or is too long): left out",
                        quote(raw)
                    ),
                ));
            } else if !links.iter().any(|l| l == raw) {
                links.push(raw.to_string());
            }
        }

        let organisation = limited(
            text(self.organisation),
            "organisation",
            SHORT_TEXT,
            at,
            problems,
        );
        let mut candidates: Vec<String> = self.names;
        // Without a personal name, the company or the e-mail address is still something
        // a member recognises, and keeps the contact's other details.
        candidates.extend(organisation.clone());
        candidates.extend(emails.first().map(|e| e.as_str().to_string()));
        let mut name = None;
        for c in candidates
            .iter()
            .map(|c| collapse_spaces(c))
            .filter(|c| !c.is_empty())
        {
            match Name::parse(&c) {
                Ok(n) => {
                    name = Some(n);
                    break;
                }
                Err(e) => problems.push(Problem::note(at, format!("name {}: {e}", quote(&c)))),
            }
        }
        let Some(name) = name else {
            problems.push(Problem::skipped(
                at,
                "no name, organisation or e-mail address to file this contact under: skipped",
            ));
            return None;
        };

        let mut categories: Vec<String> = Vec::new();
        for c in self
            .categories
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            if !categories.iter().any(|k| k.eq_ignore_ascii_case(c)) {
                categories.push(c.to_string());
            }
        }
        let notes: Vec<&str> = self
            .notes
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .collect();

        Some(ContactRecord {
            at,
            name,
            emails,
            phones,
            organisation,
            team: limited(text(self.team), "team", SHORT_TEXT, at, problems),
            title: limited(text(self.title), "title", SHORT_TEXT, at, problems),
            links,
            birthday: self.birthday,
            notes: limited(
                (!notes.is_empty()).then(|| notes.join("\n\n")),
                "notes",
                LONG_TEXT,
                at,
                problems,
            ),
            categories,
            related: self
                .related
                .into_iter()
                .filter(|r| !r.value.trim().is_empty())
                .collect(),
            connected_on: self.connected_on,
        })
    }
}

/// A trimmed text, `None` when blank.
fn text(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Names from exports sometimes carry line breaks or runs of spaces between parts.
fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `tel:+1-418-656-9254;ext=102` → `+1-418-656-9254 ext. 102`; blank → `None`.
fn clean_phone(raw: &str) -> Option<String> {
    let t = raw.trim();
    let t = t
        .strip_prefix("tel:")
        .or_else(|| t.strip_prefix("TEL:"))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return None;
    }
    Some(match t.split_once(";ext=") {
        Some((number, ext)) => format!("{number} ext. {ext}"),
        None => t.to_string(),
    })
}

/// `value` cut to `max` characters, with a note saying so: a value the member could not
/// type in fanclub is not taken whole from a file either (editing the person later would
/// refuse it), and most of it is worth keeping.
fn limited(
    value: Option<String>,
    field: &str,
    max: usize,
    at: Place,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let value = value?;
    let chars = value.chars().count();
    if chars <= max {
        return Some(value);
    }
    problems.push(Problem::note(
        at,
        format!("the {field} is {chars} characters long: the first {max} were kept"),
    ));
    Some(
        value
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_organisation_then_the_email_for_a_name() {
        let mut problems = Vec::new();
        let draft = Draft {
            emails: vec![
                "  Dana@Example.com".into(),
                "dana@example.com".into(),
                "nope".into(),
            ],
            ..Draft::default()
        };
        let r = draft.finish(Place::Line(3), &mut problems).unwrap();
        assert_eq!(r.name.as_str(), "dana@example.com");
        assert_eq!(r.emails.len(), 1);
        assert_eq!(problems.len(), 1, "{problems:?}");

        let r = Draft {
            names: vec!["  ".into()],
            organisation: Some("Acme".into()),
            ..Draft::default()
        }
        .finish(Place::Line(4), &mut problems)
        .unwrap();
        assert_eq!(r.name.as_str(), "Acme");
    }

    #[test]
    fn a_contact_without_any_name_is_skipped() {
        let mut problems = Vec::new();
        let draft = Draft {
            phones: vec!["+1 555 0100".into()],
            ..Draft::default()
        };
        assert!(draft.finish(Place::Card(2), &mut problems).is_none());
        assert_eq!(problems[0].severity, crate::Severity::Skipped);
        assert_eq!(problems[0].at, Place::Card(2));
    }

    #[test]
    fn phones_lose_the_uri_scheme() {
        assert_eq!(
            clean_phone("tel:+1-418-656-9254;ext=102").unwrap(),
            "+1-418-656-9254 ext. 102"
        );
        assert_eq!(clean_phone(" 555 "), Some("555".into()));
        assert_eq!(clean_phone(" "), None);
    }
}

//! The upload form: the file, its format and the member's choices as typed, read from the
//! multipart body within the size limit, checked into [`ImportChoices`] with each error
//! kept next to its field, and the page that shows the form.

use askama::Template;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use fanclub_core::import::{ContactDefaults, DEFAULT_MAX_ATTENDEES};
use fanclub_core::{Circle, CoreError, InteractionKind, Relation, Settings};
use fanclub_formats::choices::{
    self, DEFAULT_OCCURRENCES, MOST_ATTENDEES, MOST_OCCURRENCES, TimeZone,
};
use fanclub_formats::{Format, ImportChoices};

use crate::AppState;
use crate::forms::{FieldErrors, email_list, keep};
use crate::pages::{Choice, Layout, Nav};

/// The largest file the page accepts: a LinkedIn export of 30,000 connections is about
/// 3 MB, a busy calendar's year about 5 MB.
pub(crate) const IMPORT_FILE_LIMIT: usize = 10 * 1024 * 1024;

/// The format choices of the form.
const FORMATS: [(&str, &str); 5] = [
    ("auto", "Detect automatically"),
    ("linkedin", "LinkedIn Connections.csv"),
    ("google", "Google Contacts CSV"),
    ("vcard", "vCard (.vcf)"),
    ("calendar", "iCalendar (.ics)"),
];

/// The format named by the form's value; `None` for "detect automatically".
fn format_named(value: &str) -> Result<Option<Format>, CoreError> {
    match value.trim() {
        "auto" | "" => Ok(None),
        "linkedin" => Ok(Some(Format::LinkedIn)),
        "google" => Ok(Some(Format::GoogleCsv)),
        "vcard" => Ok(Some(Format::VCard)),
        "calendar" => Ok(Some(Format::ICalendar)),
        _ => Err(CoreError::invalid(
            "format",
            value,
            "one of the formats in the list",
        )),
    }
}

/// The upload form as sent: every field as typed.
#[derive(Debug, Clone)]
pub(super) struct ImportForm {
    pub(super) format: String,
    pub(super) circle: String,
    pub(super) relation: String,
    pub(super) me: String,
    pub(super) max_attendees: String,
    pub(super) kind: String,
    pub(super) max_occurrences: String,
    pub(super) time_zone: String,
}

impl Default for ImportForm {
    fn default() -> Self {
        let contacts = ContactDefaults::default();
        ImportForm {
            format: "auto".into(),
            circle: contacts.circle.to_string(),
            relation: contacts.relation.to_string(),
            me: String::new(),
            max_attendees: DEFAULT_MAX_ATTENDEES.to_string(),
            kind: String::new(),
            max_occurrences: DEFAULT_OCCURRENCES.to_string(),
            time_zone: String::new(),
        }
    }
}

/// A count as typed; blank takes the default.
fn count_or(
    text: &str,
    default: usize,
    parse: fn(&str) -> Result<usize, CoreError>,
) -> Result<usize, CoreError> {
    if text.trim().is_empty() {
        Ok(default)
    } else {
        parse(text)
    }
}

impl ImportForm {
    /// Set the field `name` from the form; other names are not ours and are ignored.
    fn set(&mut self, name: &str, text: String) {
        match name {
            "format" => self.format = text,
            "circle" => self.circle = text,
            "relation" => self.relation = text,
            "me" => self.me = text,
            "max_attendees" => self.max_attendees = text,
            "kind" => self.kind = text,
            "max_occurrences" => self.max_occurrences = text,
            "time_zone" => self.time_zone = text,
            _ => {}
        }
    }

    /// The format named (none: detect it) and the choices, or every field's error. The
    /// rules are those of `fanclub import`: the same parsers check both.
    pub(super) fn parse(&self) -> Result<(Option<Format>, ImportChoices), FieldErrors> {
        let mut errors = FieldErrors::default();
        let format = keep(&mut errors, "format", format_named(&self.format));
        let circle = keep(&mut errors, "circle", Circle::parse(&self.circle));
        let relation = keep(&mut errors, "relation", Relation::parse(&self.relation));
        let me = keep(&mut errors, "me", email_list(&self.me));
        let max_attendees = keep(
            &mut errors,
            "max_attendees",
            count_or(
                &self.max_attendees,
                DEFAULT_MAX_ATTENDEES,
                choices::max_attendees,
            ),
        );
        let kind = keep(
            &mut errors,
            "kind",
            match self.kind.trim() {
                "" => Ok(None),
                text => InteractionKind::parse(text).map(Some),
            },
        );
        let max_occurrences = keep(
            &mut errors,
            "max_occurrences",
            count_or(
                &self.max_occurrences,
                DEFAULT_OCCURRENCES,
                choices::max_occurrences,
            ),
        );
        let time_zone = keep(
            &mut errors,
            "time_zone",
            match self.time_zone.trim() {
                "" => Ok(None),
                text => TimeZone::parse(text).map(Some),
            },
        );
        match (
            format,
            circle,
            relation,
            me,
            max_attendees,
            kind,
            max_occurrences,
            time_zone,
        ) {
            (
                Some(format),
                Some(circle),
                Some(relation),
                Some(me),
                Some(max_attendees),
                Some(kind),
                Some(max_occurrences),
                Some(time_zone),
            ) if errors.is_empty() => Ok((
                format,
                ImportChoices {
                    contacts: ContactDefaults { circle, relation },
                    me,
                    max_attendees,
                    kind,
                    max_occurrences,
                    time_zone,
                },
            )),
            _ => Err(errors),
        }
    }
}

/// The upload form with what was wrong in it.
#[derive(Debug, Clone, Default)]
pub(super) struct ImportEditor {
    pub(super) values: ImportForm,
    pub(super) errors: FieldErrors,
}

impl ImportEditor {
    pub(super) fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    pub(super) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

#[derive(Template)]
#[template(path = "import.html")]
pub(super) struct ImportPage {
    layout: Layout,
    form: ImportEditor,
    formats: Vec<Choice>,
    circles: Vec<Choice>,
    relations: Vec<Choice>,
    kinds: Vec<Choice>,
    /// My addresses saved in the settings, on one line; empty when none are.
    saved_emails: String,
    limit_mb: usize,
    most_attendees: usize,
    most_occurrences: usize,
    /// What is wrong with the file itself, or why the upload was refused.
    pub(super) error: Option<String>,
    pub(super) notice: Option<String>,
}

/// The upload page showing `form`, with the file's `error` if any.
pub(super) async fn upload_page(
    state: &AppState,
    form: ImportEditor,
    error: Option<String>,
) -> Result<ImportPage, CoreError> {
    let settings = state.store.get_settings().await?;
    Ok(page(state, &settings, form, error))
}

fn page(
    state: &AppState,
    settings: &Settings,
    form: ImportEditor,
    error: Option<String>,
) -> ImportPage {
    let v = &form.values;
    let formats = FORMATS
        .iter()
        .map(|(value, label)| Choice {
            value: (*value).into(),
            label: (*label).into(),
            selected: *value == v.format,
        })
        .collect();
    let mut kinds = vec![Choice {
        value: String::new(),
        label: "1:1 or meeting, by size".into(),
        selected: v.kind.trim().is_empty(),
    }];
    kinds.extend(Choice::list(InteractionKind::ALL, v.kind.trim()));
    ImportPage {
        layout: Layout::with_log(Nav::People, state.today()),
        formats,
        circles: Choice::list(Circle::ALL, v.circle.trim()),
        relations: Choice::list(Relation::ALL, v.relation.trim()),
        kinds,
        saved_emails: settings
            .my_emails
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        form,
        limit_mb: IMPORT_FILE_LIMIT / (1024 * 1024),
        most_attendees: MOST_ATTENDEES,
        most_occurrences: MOST_OCCURRENCES,
        error,
        notice: None,
    }
}

/// Why an upload was refused: its status and what the member is told.
pub(super) type Refusal = (StatusCode, String);

fn too_large() -> Refusal {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "The file is larger than {} MB, so it was not read and nothing was imported. \
             Check that it is the right file, or export a smaller part and import the parts \
             one by one.",
            IMPORT_FILE_LIMIT / (1024 * 1024)
        ),
    )
}

/// The form's fields into `form`, and the file's name and bytes, read within the size
/// limit.
pub(super) async fn read_upload(
    mut multipart: Multipart,
    form: &mut ImportForm,
) -> Result<(String, Vec<u8>), Refusal> {
    let broken = |e: MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            (
                StatusCode::BAD_REQUEST,
                "The upload was cut off or malformed; choose the file and send it again.".into(),
            )
        }
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(broken)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or("the file").to_owned();
            let mut bytes: Vec<u8> = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(broken)? {
                if bytes.len() + chunk.len() > IMPORT_FILE_LIMIT {
                    return Err(too_large());
                }
                bytes.extend_from_slice(&chunk);
            }
            file = Some((file_name, bytes));
            continue;
        }
        let text = field.text().await.map_err(broken)?;
        form.set(&name, text);
    }
    match file {
        Some((name, bytes)) if !bytes.is_empty() => Ok((name, bytes)),
        // A browser sends an empty file name when no file was chosen.
        Some((name, _)) if !name.is_empty() && name != "the file" => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{name} is empty (0 bytes): export it again, or choose another file."),
        )),
        _ => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose a file first: a LinkedIn Connections.csv, a Google Contacts CSV, a vCard \
             (.vcf) or a calendar (.ics)."
                .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_commands_defaults() {
        let (format, choices) = ImportForm::default().parse().unwrap();
        assert_eq!(format, None);
        assert_eq!(choices, ImportChoices::default());
    }

    #[test]
    fn every_field_is_read() {
        let form = ImportForm {
            format: "calendar".into(),
            circle: "company".into(),
            relation: "peer".into(),
            me: "me@example.com, other@example.org".into(),
            max_attendees: "3".into(),
            kind: "coffee".into(),
            max_occurrences: "10".into(),
            time_zone: "Europe/Berlin".into(),
        };
        let (format, c) = form.parse().unwrap();
        assert_eq!(format, Some(Format::ICalendar));
        assert_eq!(c.contacts.circle, Circle::Company);
        assert_eq!(c.contacts.relation, Relation::Peer);
        assert_eq!(c.me.len(), 2);
        assert_eq!(c.max_attendees, 3);
        assert_eq!(c.kind, Some(InteractionKind::Coffee));
        assert_eq!(c.max_occurrences, 10);
        assert_eq!(
            c.time_zone.map(|z| z.to_string()).as_deref(),
            Some("Europe/Berlin")
        );
        // Blank counts take their defaults.
        let blank = ImportForm {
            max_attendees: " ".into(),
            max_occurrences: String::new(),
            ..ImportForm::default()
        };
        let (_, c) = blank.parse().unwrap();
        assert_eq!(c.max_attendees, DEFAULT_MAX_ATTENDEES);
        assert_eq!(c.max_occurrences, DEFAULT_OCCURRENCES);
    }

    #[test]
    fn every_bad_field_is_named_and_the_good_ones_are_not() {
        let form = ImportForm {
            format: "pdf".into(),
            circle: "galaxy".into(),
            me: "me@example.com, not-an-address".into(),
            max_attendees: "0".into(),
            kind: "lunch".into(),
            max_occurrences: "9999".into(),
            time_zone: "Mars/Olympus".into(),
            ..ImportForm::default()
        };
        let errors = form.parse().unwrap_err();
        for field in [
            "format",
            "circle",
            "me",
            "max_attendees",
            "kind",
            "max_occurrences",
            "time_zone",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.get("relation").is_none());
        let me = errors.message("me").unwrap_or_default();
        assert!(me.contains("not-an-address"), "{me}");
        let max = errors.message("max_attendees").unwrap_or_default();
        assert!(max.contains("from 1 to 100"), "{max}");
    }
}

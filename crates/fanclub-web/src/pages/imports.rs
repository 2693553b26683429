//! Import contacts and calendars from a file: upload it, see what would change (nothing is
//! written yet), then confirm. The uploaded bytes wait on the server under a random token
//! between the preview and the confirmation, never in the page; the confirmation plans
//! again against the data as it is then and writes the plan in one transaction.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use fanclub_core::import::{CalendarRules, DEFAULT_MAX_ATTENDEES, ImportPlan};
use fanclub_core::{CoreError, Email, Name};
use fanclub_formats::{Format, PlanOptions, Problem, plan_file};
use rand::TryRngCore;
use rand::rngs::OsRng;
use serde::Deserialize;

use super::{Layout, Nav, PageResult, render};
use crate::AppState;

/// The largest file the page accepts: a LinkedIn export of 30,000 connections is about
/// 3 MB, a busy calendar's year about 5 MB.
pub(crate) const IMPORT_FILE_LIMIT: usize = 10 * 1024 * 1024;

/// How long an upload waits for its confirmation.
const KEEP_FOR: Duration = Duration::from_secs(30 * 60);

/// Uploads kept waiting at most; the oldest goes first.
const KEEP_AT_MOST: usize = 4;

/// Lines of each list the preview shows.
const SHOWN: usize = 500;

/// The most other attendees a meeting may have to be imported, as the form accepts it.
const MAX_ATTENDEES_LIMIT: usize = 100;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/import",
            get(index).post(preview).layer(
                // The form's own fields and boundaries on top of the file; anything
                // larger is cut off by the server before it is read.
                DefaultBodyLimit::max(IMPORT_FILE_LIMIT + 64 * 1024),
            ),
        )
        .route("/import/confirm", post(confirm))
}

/// One upload waiting for its confirmation.
struct Upload {
    bytes: Arc<Vec<u8>>,
    file_name: String,
    format: Format,
    me: Vec<Email>,
    max_attendees: usize,
    since: Instant,
    /// The order uploads came in, to drop the oldest first.
    order: u64,
}

/// Uploads waiting for their confirmation, by token: in memory only, a few at a time,
/// each for at most [`KEEP_FOR`].
#[derive(Default)]
pub(crate) struct PendingImports {
    uploads: Mutex<HashMap<String, Upload>>,
}

impl PendingImports {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Upload>> {
        // A panic elsewhere while holding the lock leaves only uploads behind: keep going.
        self.uploads
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn keep(&self, token: String, mut upload: Upload) {
        let mut uploads = self.lock();
        uploads.retain(|_, u| u.since.elapsed() < KEEP_FOR);
        upload.order = uploads.values().map(|u| u.order).max().unwrap_or(0) + 1;
        while uploads.len() >= KEEP_AT_MOST {
            let oldest = uploads
                .iter()
                .min_by_key(|(_, u)| u.order)
                .map(|(t, _)| t.clone());
            match oldest {
                Some(t) => uploads.remove(&t),
                None => break,
            };
        }
        uploads.insert(token, upload);
    }

    /// The upload under `token`, if it has not expired; it stays until taken.
    fn get(&self, token: &str) -> Option<UploadView> {
        let mut uploads = self.lock();
        uploads.retain(|_, u| u.since.elapsed() < KEEP_FOR);
        uploads.get(token).map(|u| UploadView {
            bytes: u.bytes.clone(),
            file_name: u.file_name.clone(),
            format: u.format,
            me: u.me.clone(),
            max_attendees: u.max_attendees,
        })
    }

    fn forget(&self, token: &str) {
        self.lock().remove(token);
    }
}

/// A copy of what an upload holds, taken out of the lock.
struct UploadView {
    bytes: Arc<Vec<u8>>,
    file_name: String,
    format: Format,
    me: Vec<Email>,
    max_attendees: usize,
}

/// 32 random bytes as lowercase hex.
fn new_token() -> Result<String, CoreError> {
    let mut bytes = [0u8; 32];
    OsRng.try_fill_bytes(&mut bytes).map_err(|e| {
        CoreError::Storage(format!(
            "the operating system gave no random bytes for the import ({e}); try again"
        ))
    })?;
    let mut token = String::with_capacity(64);
    for b in bytes {
        // Writing into a String cannot fail.
        let _ = write!(token, "{b:02x}");
    }
    Ok(token)
}

/// The format choices of the form.
const FORMATS: [(&str, &str); 5] = [
    ("auto", "Detect automatically"),
    ("linkedin", "LinkedIn Connections.csv"),
    ("google", "Google Contacts CSV"),
    ("vcard", "vCard (.vcf)"),
    ("calendar", "iCalendar (.ics)"),
];

fn format_named(value: &str) -> Option<Format> {
    match value {
        "linkedin" => Some(Format::LinkedIn),
        "google" => Some(Format::GoogleCsv),
        "vcard" => Some(Format::VCard),
        "calendar" => Some(Format::ICalendar),
        _ => None,
    }
}

/// The upload form as sent.
#[derive(Debug, Clone)]
struct ImportForm {
    format: String,
    me: String,
    max_attendees: String,
}

impl Default for ImportForm {
    fn default() -> Self {
        ImportForm {
            format: "auto".into(),
            me: String::new(),
            max_attendees: DEFAULT_MAX_ATTENDEES.to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    form: ImportForm,
    formats: Vec<super::Choice>,
    limit_mb: usize,
    error: Option<String>,
    notice: Option<String>,
}

fn upload_page(state: &AppState, form: ImportForm, error: Option<String>) -> ImportPage {
    let formats = FORMATS
        .iter()
        .map(|(value, label)| super::Choice {
            value: (*value).into(),
            label: (*label).into(),
            selected: *value == form.format,
        })
        .collect();
    ImportPage {
        layout: Layout::with_log(Nav::People, state.today()),
        form,
        formats,
        limit_mb: IMPORT_FILE_LIMIT / (1024 * 1024),
        error,
        notice: None,
    }
}

/// What the last import wrote, carried in the address of the page it returns to.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DoneQuery {
    done: String,
    created: u64,
    updated: u64,
    interactions: u64,
}

fn done_notice(q: &DoneQuery) -> Option<String> {
    match q.done.as_str() {
        "nothing" => Some("Nothing new in the file: nothing was written.".into()),
        "imported" => Some(format!(
            "Imported in one transaction: {} created, {} updated, {} added.",
            plural(q.created, "person", "people"),
            plural(q.updated, "person", "people"),
            plural(q.interactions, "interaction", "interactions"),
        )),
        _ => None,
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

async fn index(State(state): State<AppState>, Query(q): Query<DoneQuery>) -> PageResult {
    let mut page = upload_page(&state, ImportForm::default(), None);
    page.notice = done_notice(&q);
    render(StatusCode::OK, &page)
}

/// Why an upload was refused: its status and what the member is told.
type Refusal = (StatusCode, String);

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

/// The form's fields and the file's name and bytes, read within the size limit.
async fn read_upload(
    mut multipart: Multipart,
    form: &mut ImportForm,
) -> Result<(String, Vec<u8>), Refusal> {
    let broken = |e: axum::extract::multipart::MultipartError| {
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
        match name.as_str() {
            "format" => form.format = text,
            "me" => form.me = text,
            "max_attendees" => form.max_attendees = text,
            _ => {}
        }
    }
    match file {
        Some((name, bytes)) if !bytes.is_empty() => Ok((name, bytes)),
        _ => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "Choose a file first: a LinkedIn Connections.csv, a Google Contacts CSV, a vCard \
             (.vcf) or a calendar (.ics)."
                .into(),
        )),
    }
}

/// My addresses and the attendee limit as typed, or what is wrong with them.
fn calendar_fields(form: &ImportForm) -> Result<(Vec<Email>, usize), String> {
    let me = form
        .me
        .split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|m| {
            Email::parse(m).map_err(|e| format!("Your e-mail address `{m}` is not valid: {e}."))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let max = match form.max_attendees.trim() {
        "" => DEFAULT_MAX_ATTENDEES,
        text => match text.parse::<usize>() {
            Ok(n) if (1..=MAX_ATTENDEES_LIMIT).contains(&n) => n,
            _ => {
                return Err(format!(
                    "Most other attendees `{text}` is not a number from 1 to {MAX_ATTENDEES_LIMIT}."
                ));
            }
        },
    };
    Ok((me, max))
}

/// Plan `upload` against the data as it is now.
async fn plan(
    state: &AppState,
    upload: &UploadView,
) -> Result<Result<(ImportPlan, Vec<Problem>), String>, CoreError> {
    let store = &*state.store;
    let people = store.list_people().await?;
    let refs: HashSet<String> = store.external_refs().await?.into_iter().collect();
    let settings = store.get_settings().await?;
    let today = state.today();
    let mut options = PlanOptions::new(today);
    options.calendar = CalendarRules {
        me: upload.me.clone(),
        my_name: settings.me.filter(|n| Name::parse(n).is_ok()),
        max_attendees: upload.max_attendees,
        kind: None,
    };
    Ok(plan_file(
        &upload.bytes,
        upload.format,
        &people,
        &refs,
        &options,
        today,
    )
    .map_err(|e| {
        format!(
            "{} was not imported: it cannot be read as {}: {e}. Nothing was written.",
            upload.file_name, upload.format
        )
    }))
}

/// One line of a preview list.
#[derive(Debug, Clone)]
struct Row {
    at: String,
    name: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "import_preview.html")]
struct PreviewPage {
    layout: Layout,
    file_name: String,
    format: String,
    token: String,
    confirm_label: String,
    calendar: bool,
    created: Vec<Row>,
    created_total: usize,
    updated: Vec<Row>,
    updated_total: usize,
    interactions: Vec<Row>,
    interactions_total: usize,
    skipped: Vec<Row>,
    skipped_total: usize,
    ambiguous: Vec<Row>,
    ambiguous_total: usize,
    problems: Vec<Row>,
    problems_total: usize,
    nothing_to_do: bool,
    shown: usize,
}

fn rows<T>(items: &[T], row: impl Fn(&T) -> Row) -> Vec<Row> {
    items.iter().take(SHOWN).map(row).collect()
}

fn preview_page(
    state: &AppState,
    upload: &UploadView,
    token: String,
    plan: &ImportPlan,
    problems: &[Problem],
) -> PreviewPage {
    let calendar = upload.format == Format::ICalendar;
    let people = plan.creates.len() + plan.updates.len();
    let confirm_label = if calendar {
        format!(
            "Add {}",
            plural(
                plan.interactions.len() as u64,
                "interaction",
                "interactions"
            )
        )
    } else if plan.interactions.is_empty() {
        format!("Import {}", plural(people as u64, "person", "people"))
    } else {
        format!(
            "Import {} and {}",
            plural(people as u64, "person", "people"),
            plural(
                plan.interactions.len() as u64,
                "interaction",
                "interactions"
            )
        )
    };
    PreviewPage {
        layout: Layout::with_log(Nav::People, state.today()),
        file_name: upload.file_name.clone(),
        format: upload.format.to_string(),
        token,
        confirm_label,
        calendar,
        created: rows(&plan.creates, |n| {
            let mut detail: Vec<String> = Vec::new();
            detail.extend(n.person.organisation.clone());
            detail.extend(n.person.title.clone());
            detail.extend(n.person.emails.iter().map(ToString::to_string));
            Row {
                at: n.at.clone(),
                name: n.person.name.to_string(),
                detail: detail.join(", "),
            }
        }),
        created_total: plan.creates.len(),
        updated: rows(&plan.updates, |u| Row {
            at: u.at.join(", "),
            name: u.person.name.to_string(),
            detail: format!(
                "matched by {}; fills in {}",
                u.matched_by,
                u.fields.join(", ")
            ),
        }),
        updated_total: plan.updates.len(),
        interactions: rows(&plan.interactions, |n| Row {
            at: n.at.clone(),
            name: n.interaction.summary.to_string(),
            detail: format!(
                "{} {} with {}",
                n.interaction.on,
                n.interaction.kind,
                n.names.join(", ")
            ),
        }),
        interactions_total: plan.interactions.len(),
        skipped: rows(&plan.skipped, |s| Row {
            at: s.at.clone(),
            name: s.name.clone(),
            detail: s.reason.clone(),
        }),
        skipped_total: plan.skipped.len(),
        ambiguous: rows(&plan.ambiguous, |a| Row {
            at: a.at.clone(),
            name: a.name.clone(),
            detail: format!("could be {}: {}", a.candidates.join(" or "), a.resolution),
        }),
        ambiguous_total: plan.ambiguous.len(),
        problems: rows(problems, |p| Row {
            at: p.at.to_string(),
            name: String::new(),
            detail: p.message.clone(),
        }),
        problems_total: problems.len(),
        nothing_to_do: plan.writes_nothing(),
        shown: SHOWN,
    }
}

async fn preview(State(state): State<AppState>, multipart: Multipart) -> PageResult {
    let mut form = ImportForm::default();
    let refused = |state: &AppState, form: ImportForm, (status, message): Refusal| {
        render(status, &upload_page(state, form, Some(message)))
    };
    let (file_name, bytes) = match read_upload(multipart, &mut form).await {
        Ok(file) => file,
        Err(refusal) => return refused(&state, form, refusal),
    };
    let (me, max_attendees) = match calendar_fields(&form) {
        Ok(fields) => fields,
        Err(message) => {
            return refused(&state, form, (StatusCode::UNPROCESSABLE_ENTITY, message));
        }
    };
    let format = match format_named(&form.format) {
        Some(format) => format,
        None => match fanclub_formats::detect(&bytes) {
            Some(format) => format,
            None => {
                let message = format!(
                    "Cannot tell what {file_name} is: it is not a LinkedIn or Google contacts \
                     CSV, a vCard or an iCalendar file. Choose its format in the list and \
                     upload it again. Nothing was written."
                );
                return refused(&state, form, (StatusCode::UNPROCESSABLE_ENTITY, message));
            }
        },
    };
    let upload = UploadView {
        bytes: Arc::new(bytes),
        file_name,
        format,
        me,
        max_attendees,
    };
    let (plan, problems) = match plan(&state, &upload).await? {
        Ok(planned) => planned,
        Err(message) => {
            return refused(&state, form, (StatusCode::UNPROCESSABLE_ENTITY, message));
        }
    };
    let token = new_token()?;
    if !plan.writes_nothing() {
        state.imports.keep(
            token.clone(),
            Upload {
                bytes: upload.bytes.clone(),
                file_name: upload.file_name.clone(),
                format: upload.format,
                me: upload.me.clone(),
                max_attendees: upload.max_attendees,
                since: Instant::now(),
                order: 0,
            },
        );
    }
    render(
        StatusCode::OK,
        &preview_page(&state, &upload, token, &plan, &problems),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ConfirmForm {
    token: String,
}

async fn confirm(State(state): State<AppState>, Form(form): Form<ConfirmForm>) -> PageResult {
    let Some(upload) = state.imports.get(&form.token) else {
        let message = "That preview has expired (an upload waits 30 minutes) or was \
                       imported already. Upload the file again to see what it would change."
            .to_string();
        return render(
            StatusCode::GONE,
            &upload_page(&state, ImportForm::default(), Some(message)),
        );
    };
    // The data may have changed since the preview: plan again against it as it is now.
    let (plan, _) = match plan(&state, &upload).await? {
        Ok(planned) => planned,
        Err(message) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &upload_page(&state, ImportForm::default(), Some(message)),
            );
        }
    };
    if plan.writes_nothing() {
        state.imports.forget(&form.token);
        return Ok(Redirect::to("/import?done=nothing").into_response());
    }
    let summary = state.store.apply_import(&plan).await?;
    state.imports.forget(&form.token);
    Ok(Redirect::to(&format!(
        "/import?done=imported&created={}&updated={}&interactions={}",
        summary.people_created, summary.people_updated, summary.interactions_created
    ))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_fields_name_what_is_wrong() {
        let form = ImportForm {
            me: "me@example.com, other@example.org".into(),
            ..ImportForm::default()
        };
        let (me, max) = calendar_fields(&form).unwrap();
        assert_eq!(me.len(), 2);
        assert_eq!(max, DEFAULT_MAX_ATTENDEES);
        let bad = ImportForm {
            me: "not-an-address".into(),
            ..ImportForm::default()
        };
        assert!(
            calendar_fields(&bad)
                .unwrap_err()
                .contains("not-an-address")
        );
        let zero = ImportForm {
            max_attendees: "0".into(),
            ..ImportForm::default()
        };
        assert!(calendar_fields(&zero).unwrap_err().contains("from 1 to"));
    }

    #[test]
    fn the_oldest_uploads_go_first_and_a_forgotten_one_is_gone() {
        let pending = PendingImports::default();
        for i in 0..KEEP_AT_MOST + 2 {
            pending.keep(
                format!("t{i}"),
                Upload {
                    bytes: Arc::new(vec![1]),
                    file_name: "f".into(),
                    format: Format::VCard,
                    me: Vec::new(),
                    max_attendees: 1,
                    since: Instant::now(),
                    order: 0,
                },
            );
        }
        assert!(pending.get("t0").is_none());
        assert!(pending.get(&format!("t{}", KEEP_AT_MOST + 1)).is_some());
        assert!(pending.lock().len() <= KEEP_AT_MOST);
        pending.forget(&format!("t{}", KEEP_AT_MOST + 1));
        assert!(pending.get(&format!("t{}", KEEP_AT_MOST + 1)).is_none());
    }
}

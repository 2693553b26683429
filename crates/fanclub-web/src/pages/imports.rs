//! Import contacts and calendars from a file: upload it with the member's choices (how
//! new people are filed; which meetings count, my addresses, the kind, the occurrences,
//! the time zone), see what would change (nothing is written yet), then confirm. The
//! uploaded bytes and the choices wait on the server under a random token between the
//! preview and the confirmation, never in the page; the confirmation plans again, with
//! the same choices, against the data as it is then and writes the plan in one
//! transaction.
//!
//! `upload.rs` reads and checks the form, `pending.rs` keeps uploads waiting, and
//! `preview.rs` shows the plan.

mod pending;
mod preview;
mod upload;

use std::sync::Arc;

use axum::Form;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use fanclub_core::import::{ImportPlan, Imported};
use fanclub_core::{CoreError, Settings};
use fanclub_formats::{Problem, plan_file};
use serde::Deserialize;

use super::{PageResult, render};
use crate::AppState;
use crate::forms::FieldErrors;
pub(crate) use pending::PendingImports;
use pending::{Upload, new_token};
use upload::IMPORT_FILE_LIMIT;
use upload::{ImportEditor, ImportForm, Refusal, read_upload, upload_page};

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

/// What the last import wrote, carried in the address of the page it returns to.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DoneQuery {
    done: String,
    created: u64,
    updated: u64,
    interactions: u64,
    joined: u64,
}

fn done_notice(q: &DoneQuery) -> Option<String> {
    match q.done.as_str() {
        "nothing" => Some("Nothing new in the file: nothing was written.".into()),
        "imported" => {
            let joined = if q.joined > 0 {
                format!(
                    ", {} added to meetings imported before",
                    plural(q.joined, "person", "people")
                )
            } else {
                String::new()
            };
            Some(format!(
                "Imported in one transaction: {} created, {} updated, {} added{joined}.",
                plural(q.created, "person", "people"),
                plural(q.updated, "person", "people"),
                plural(q.interactions, "interaction", "interactions"),
            ))
        }
        _ => None,
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

async fn index(State(state): State<AppState>, Query(q): Query<DoneQuery>) -> PageResult {
    let mut page = upload_page(&state, ImportEditor::default(), None).await?;
    page.notice = done_notice(&q);
    render(StatusCode::OK, &page)
}

/// Plan `upload` against the data and the settings as they are now.
async fn plan(
    state: &AppState,
    settings: &Settings,
    upload: &Upload,
) -> Result<Result<(ImportPlan, Vec<Problem>), String>, CoreError> {
    let store = &*state.store;
    let people = store.shared_people().await?;
    let imported = Imported::new(
        store.external_refs().await?,
        store.calendar_participants().await?,
    );
    let today = state.today();
    let options = upload.choices.plan_options(settings, today);
    Ok(plan_file(
        &upload.bytes,
        upload.format,
        &people,
        &imported,
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

async fn preview(State(state): State<AppState>, multipart: Multipart) -> PageResult {
    let mut values = ImportForm::default();
    let read = read_upload(multipart, &mut values).await;
    // The form as typed, with the errors of its fields, for every refusal below.
    let (parsed, errors) = match values.parse() {
        Ok(parsed) => (Some(parsed), FieldErrors::default()),
        Err(errors) => (None, errors),
    };
    let form = ImportEditor { values, errors };
    let refused = async |form: ImportEditor, (status, message): Refusal| {
        render(status, &upload_page(&state, form, Some(message)).await?)
    };
    let (file_name, bytes) = match read {
        Ok(file) => file,
        Err(refusal) => return refused(form, refusal).await,
    };
    let Some((format, choices)) = parsed else {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &upload_page(&state, form, None).await?,
        );
    };
    let format = match format.or_else(|| fanclub_formats::detect(&bytes)) {
        Some(format) => format,
        None => {
            let message = format!(
                "Cannot tell what {file_name} is: it is not a LinkedIn or Google contacts \
                 CSV, a vCard or an iCalendar file. Choose its format in the list and \
                 upload it again. Nothing was written."
            );
            return refused(form, (StatusCode::UNPROCESSABLE_ENTITY, message)).await;
        }
    };
    let upload = Upload {
        bytes: Arc::new(bytes),
        file_name,
        format,
        choices,
    };
    let settings = state.store.get_settings().await?;
    let (plan, problems) = match plan(&state, &settings, &upload).await? {
        Ok(planned) => planned,
        Err(message) => {
            return refused(form, (StatusCode::UNPROCESSABLE_ENTITY, message)).await;
        }
    };
    let token = new_token()?;
    let page = preview::preview_page(&state, &settings, &upload, token.clone(), &plan, &problems);
    if !plan.writes_nothing() {
        state.imports.keep(token, upload);
    }
    render(StatusCode::OK, &page)
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
            &upload_page(&state, ImportEditor::default(), Some(message)).await?,
        );
    };
    // The data may have changed since the preview: plan again against it as it is now,
    // with the choices the preview was made with.
    let settings = state.store.get_settings().await?;
    let (plan, _) = match plan(&state, &settings, &upload).await? {
        Ok(planned) => planned,
        Err(message) => {
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &upload_page(&state, ImportEditor::default(), Some(message)).await?,
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
        "/import?done=imported&created={}&updated={}&interactions={}&joined={}",
        summary.people_created,
        summary.people_updated,
        summary.interactions_created,
        summary.people_joined
    ))
    .into_response())
}

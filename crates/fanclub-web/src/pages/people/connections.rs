//! Adding someone this person knows, and removing a connection, from the person's page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fanclub_core::{ConnectionId, CoreError};

use super::{handles_except, person, small_form_page, to_person};
use crate::AppState;
use crate::forms::FieldErrors;
use crate::forms_people::ConnectionForm;
use crate::pages::form_view::{Field, FormView, Section};
use crate::pages::{PageResult, render};

/// The connection form, posting to the person's connections route.
pub(super) fn view(handle: &str, f: &ConnectionForm, errors: &FieldErrors) -> FormView {
    let form = "connection";
    FormView::new(
        format!("/people/{handle}/connections"),
        "Add a connection",
        "Add connection",
        vec![Section::plain(vec![
            Field::text(form, "other", "Who they know", &f.other)
                .required()
                .suggest_people()
                .hint("A handle or a name."),
            Field::select(form, "strength", "How well", &[1, 2, 3, 4, 5], &f.strength)
                .hint("1: met once. 5: close."),
            Field::text(form, "note", "Note", &f.note).optional().wide(),
        ])],
        errors,
    )
}

pub(super) async fn connect(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<ConnectionForm>,
) -> PageResult {
    let store = &*state.store;
    let (p, people) = person(store, &handle).await?;
    let result = match form.parse(p.id, &people) {
        Ok(c) => match store.create_connection(&c).await {
            Ok(_) => return Ok(to_person(&handle, "connected")),
            // Already connected: say so next to the field.
            Err(e @ CoreError::Conflict(_)) => {
                let mut errors = FieldErrors::default();
                errors.push("other", e);
                errors
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let view = view(&handle, &form, &result).people(handles_except(&people, p.id));
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &small_form_page(&p, "Add a connection", view),
    )
}

pub(super) async fn disconnect(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, i64)>,
) -> PageResult {
    let store = &*state.store;
    let (p, _) = person(store, &handle).await?;
    let c = store.get_connection(ConnectionId::from_raw(id)).await?;
    // Only from the page of one of its two ends.
    if c.other(p.id).is_none() {
        return Err(CoreError::not_found("connection", id.to_string()).into());
    }
    store.delete_connection(c.id).await?;
    Ok(to_person(&handle, "disconnected"))
}

//! A person's page: who they are, where they stand and how that changed, the trust
//! between us, who they know, our interactions and the rooms they sit in (`show`). The
//! forms to add and edit a person (`edit`), record a stance change (`stance`), rate trust
//! (`trust`), add or remove a connection (`connections`) and remove a person (`remove`)
//! each post, then redirect to the person's page, or come back with 422 and every error
//! next to its field. The list of people is `people_list`.

mod connections;
mod edit;
mod remove;
mod show;
mod stance;
mod trust;

use std::sync::Arc;

use axum::Router;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use fanclub_core::{CoreError, Person, PersonId, Record, Store};

use super::form_view::{FormPage, FormView};
use super::{Layout, Nav};
use crate::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/people", post(edit::create))
        .route("/people/new", get(edit::new))
        .route("/people/{handle}", get(show::show).post(edit::update))
        .route("/people/{handle}/edit", get(edit::edit))
        .route(
            "/people/{handle}/stance",
            get(stance::page).post(stance::record),
        )
        .route("/people/{handle}/trust", get(trust::page).post(trust::rate))
        .route("/people/{handle}/connections", post(connections::connect))
        .route(
            "/people/{handle}/connections/{id}/delete",
            post(connections::disconnect),
        )
        .route(
            "/people/{handle}/delete",
            get(remove::confirm).post(remove::delete),
        )
}

/// The handles of everyone but `me`, offered as the people they may know.
fn handles_except(people: &[Record<Person>], me: PersonId) -> Vec<String> {
    people
        .iter()
        .filter(|p| p.id != me)
        .map(|p| p.handle.to_string())
        .collect()
}

/// A person by handle, with everyone, or the page's 404.
async fn person(
    store: &dyn Store,
    handle: &str,
) -> Result<(Record<Person>, Arc<Vec<Record<Person>>>), CoreError> {
    crate::services::by_handle(store, handle).await
}

/// Back to the person's page, saying what was saved (one of `show`'s notices).
fn to_person(handle: &str, saved: &str) -> Response {
    Redirect::to(&format!("/people/{handle}?saved={saved}")).into_response()
}

/// A page with one of the small forms of a person, titled with their name.
fn small_form_page(p: &Record<Person>, title: &str, form: FormView) -> FormPage {
    FormPage {
        layout: Layout::new(Nav::People),
        title: format!("{title}: {}", p.name),
        lede: String::new(),
        cancel: format!("/people/{}", p.handle),
        cancel_label: p.name.to_string(),
        form,
    }
}

//! Logging an interaction from a form: the quick form in every page's header posts here,
//! and so does the full page. A mistake re-renders the form with each error next to its
//! field and everything that was typed kept; success goes to the person's page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{Layout, LogForm, Nav, PageResult, ok, render};
use crate::AppState;
use crate::forms::InteractionForm;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/interactions", post(create))
        .route("/interactions/new", get(new))
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    layout: Layout,
    log: LogForm,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    /// Who to prefill, as a handle or name.
    with: String,
}

async fn new(State(state): State<AppState>, Query(q): Query<NewQuery>) -> PageResult {
    let mut log = LogForm::blank(state.today());
    log.values.with = q.with;
    ok(&LogPage {
        layout: Layout::new(Nav::None),
        log,
    })
}

async fn create(State(state): State<AppState>, Form(form): Form<InteractionForm>) -> PageResult {
    let store = &*state.store;
    let people = store.list_people().await?;
    match form.draft().parse(&people, state.today()) {
        Ok(interaction) => {
            let saved = store.create_interaction(&interaction).await?;
            // To the first person's page, where the interaction now shows, confirmed.
            let first = saved
                .people
                .first()
                .and_then(|id| people.iter().find(|p| p.id == *id));
            let to = match first {
                Some(p) => format!("/people/{}?logged={}", p.handle, saved.id),
                None => "/people".to_string(),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LogPage {
                layout: Layout::new(Nav::None),
                log: LogForm {
                    values: form,
                    errors,
                },
            },
        ),
    }
}

//! This week: the weekly agenda with the reason for each item, or, for a new member, what
//! to do first and the sample workspace one click away.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use fanclub_core::engine::weekly::Agenda;

use super::{Layout, Nav, PageResult, ok};
use crate::{AppState, services};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/sample", post(load_sample))
}

#[derive(Template)]
#[template(path = "week.html")]
struct WeekPage {
    layout: Layout,
    agenda: Agenda,
}

#[derive(Template)]
#[template(path = "welcome.html")]
struct WelcomePage {
    layout: Layout,
}

async fn index(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    if services::is_empty(store).await? {
        return ok(&WelcomePage {
            layout: Layout::with_log(Nav::Week, today),
        });
    }
    let agenda = services::agenda(store, today.iso_week(), today).await?;
    ok(&WeekPage {
        layout: Layout::with_log(Nav::Week, today),
        agenda,
    })
}

/// Fill an empty workspace with the sample, then show its week.
async fn load_sample(State(state): State<AppState>) -> PageResult {
    services::load_sample(&*state.store, state.today()).await?;
    Ok(Redirect::to("/").into_response())
}

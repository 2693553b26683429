//! Settings: who I am, the keep-in-touch cadences and the momentum window, and what the
//! workspace holds. Read-only for now: the CLI's `fanclub settings` changes them.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use fanclub_core::{Counts, Settings};

use super::{Layout, Nav, PageResult, ok};
use crate::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/settings", get(index))
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    layout: Layout,
    settings: Settings,
    counts: Counts,
}

async fn index(State(state): State<AppState>) -> PageResult {
    let store = &*state.store;
    ok(&SettingsPage {
        layout: Layout::with_log(Nav::Settings, state.today()),
        settings: store.get_settings().await?,
        counts: store.counts().await?,
    })
}

//! How the cycle turns: wins and who knows about them (`engine::visibility`), readiness per
//! competency track (`engine::readiness`), and momentum over the rolling window
//! (`engine::momentum`).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use fanclub_core::engine::momentum::{Momentum, Trend};
use fanclub_core::engine::readiness::Readiness;
use fanclub_core::engine::visibility::Visibility;

use super::{Layout, Nav, PageResult, ok};
use crate::{AppState, services};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/wins", get(wins))
        .route("/readiness", get(readiness))
        .route("/momentum", get(momentum))
}

#[derive(Template)]
#[template(path = "wins.html")]
struct WinsPage {
    layout: Layout,
    v: Visibility,
}

async fn wins(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let v = services::visibility(&*state.store, today).await?;
    ok(&WinsPage {
        layout: Layout::with_log(Nav::Wins, today),
        v,
    })
}

#[derive(Template)]
#[template(path = "readiness.html")]
struct ReadinessPage {
    layout: Layout,
    r: Readiness,
}

async fn readiness(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let r = services::readiness(&*state.store, today).await?;
    ok(&ReadinessPage {
        layout: Layout::with_log(Nav::Readiness, today),
        r,
    })
}

#[derive(Template)]
#[template(path = "momentum.html")]
struct MomentumPage {
    layout: Layout,
    m: Momentum,
}

async fn momentum(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let m = services::momentum(&*state.store, today).await?;
    ok(&MomentumPage {
        layout: Layout::with_log(Nav::Momentum, today),
        m,
    })
}

/// A trend in words, with an arrow for the eye (the words are what a screen reader says).
pub(crate) fn trend(t: &Trend) -> &'static str {
    match t {
        Trend::Up => "up",
        Trend::Flat => "flat",
        Trend::Down => "down",
    }
}

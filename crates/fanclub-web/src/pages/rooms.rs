//! Rooms: each upcoming decision about the member, who in the room will speak for them,
//! the risks, and the few moves that would raise their cover most (`engine::coverage`).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use fanclub_core::engine::coverage::RoomCoverage;

use super::{Layout, Nav, PageResult, ok};
use crate::{AppState, services};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/rooms", get(index))
}

#[derive(Template)]
#[template(path = "rooms.html")]
struct RoomsPage {
    layout: Layout,
    rooms: Vec<RoomCoverage>,
}

async fn index(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let rooms = services::rooms(&*state.store, today).await?;
    ok(&RoomsPage {
        layout: Layout::with_log(Nav::Rooms, today),
        rooms,
    })
}

//! The engine's answers as JSON: room coverage, who is due, and a week's agenda.

use axum::Json;
use axum::extract::{Query, State};
use fanclub_core::IsoWeek;
use fanclub_core::engine::cadence::Due;
use fanclub_core::engine::coverage::RoomCoverage;
use fanclub_core::engine::weekly::Agenda;
use serde::Deserialize;

use super::ApiResult;
use crate::error::ApiError;
use crate::{AppState, services};

/// Every upcoming decision's room: coverage, members, risks, warnings and the moves that
/// would raise coverage most (`engine::coverage`), soonest first.
#[utoipa::path(
    get,
    path = "/rooms",
    tag = "engine",
    responses((status = OK, description = "fanclub-core's `RoomCoverage`, one per upcoming decision", body = [Object]))
)]
pub(crate) async fn rooms(State(state): State<AppState>) -> ApiResult<Json<Vec<RoomCoverage>>> {
    Ok(Json(services::rooms(&*state.store, state.today()).await?))
}

/// Everyone past their keep-in-touch cadence, most pressing first (`engine::cadence`).
#[utoipa::path(
    get,
    path = "/due",
    tag = "engine",
    responses((status = OK, description = "fanclub-core's `Due`, most pressing first", body = [Object]))
)]
pub(crate) async fn due(State(state): State<AppState>) -> ApiResult<Json<Vec<Due>>> {
    Ok(Json(services::due(&*state.store, state.today()).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct WeekQuery {
    /// `2026-W47`; this week when absent.
    week: String,
}

/// A week's agenda, every item with the reason it is there (`engine::weekly`).
#[utoipa::path(
    get,
    path = "/week",
    tag = "engine",
    params(WeekQuery),
    responses(
        (status = OK, description = "fanclub-core's `Agenda`", body = Object),
        (status = UNPROCESSABLE_ENTITY, description = "`week` is not an ISO week", body = ApiError),
    )
)]
pub(crate) async fn week(
    State(state): State<AppState>,
    Query(q): Query<WeekQuery>,
) -> ApiResult<Json<Agenda>> {
    let today = state.today();
    let week = if q.week.trim().is_empty() {
        today.iso_week()
    } else {
        IsoWeek::parse(&q.week)?
    };
    Ok(Json(services::agenda(&*state.store, week, today).await?))
}

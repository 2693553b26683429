//! The member's settings and competency framework in the API: each one document, read
//! whole and replaced whole.

use axum::Json;
use axum::extract::State;
use fanclub_core::{Framework, Settings};

use super::{ApiJson, ApiResult};
use crate::AppState;
use crate::error::ApiError;

/// The settings: who I am, the role I aim for, default cadences, the momentum window.
#[utoipa::path(
    get,
    path = "/settings",
    tag = "settings",
    responses((status = OK, description = "The settings (the defaults until saved)", body = Settings))
)]
pub(crate) async fn settings(State(state): State<AppState>) -> ApiResult<Json<Settings>> {
    Ok(Json(state.store.get_settings().await?))
}

/// Replace the settings; a field left out takes its default.
#[utoipa::path(
    put,
    path = "/settings",
    tag = "settings",
    request_body = Settings,
    responses(
        (status = OK, description = "The settings as saved", body = Settings),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn save_settings(
    State(state): State<AppState>,
    ApiJson(settings): ApiJson<Settings>,
) -> ApiResult<Json<Settings>> {
    Settings::momentum_window_in(
        "momentum_window_days",
        &settings.momentum_window_days.to_string(),
    )?;
    state.store.save_settings(&settings).await?;
    Ok(Json(state.store.get_settings().await?))
}

/// The competency framework readiness is measured against (the built-in one until the
/// member saves their own).
#[utoipa::path(
    get,
    path = "/framework",
    tag = "settings",
    responses((status = OK, description = "The active framework", body = Framework))
)]
pub(crate) async fn framework(State(state): State<AppState>) -> ApiResult<Json<Framework>> {
    Ok(Json(state.store.get_framework().await?))
}

/// Replace the framework: a name, at least one track, unique keys, levels 0 to 4 exactly
/// once per track.
#[utoipa::path(
    put,
    path = "/framework",
    tag = "settings",
    request_body = Framework,
    responses(
        (status = OK, description = "The framework as saved", body = Framework),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A rule is broken; `field` says where", body = ApiError),
    )
)]
pub(crate) async fn save_framework(
    State(state): State<AppState>,
    ApiJson(framework): ApiJson<Framework>,
) -> ApiResult<Json<Framework>> {
    state.store.save_framework(&framework).await?;
    Ok(Json(state.store.get_framework().await?))
}

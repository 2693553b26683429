//! Perception checks and weekly reviews in the API: how people see my work, and the
//! review of each ISO week (keyed by the week, not an id).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use fanclub_core::engine::weekly;
use fanclub_core::{
    Commitment, CoreError, IsoWeek, PerceptionCheck, Record, WeeklyReview, services,
};
use serde::Deserialize;

use super::{ApiJson, ApiResult, created, id};
use crate::AppState;
use crate::error::ApiError;

/// Every perception check, newest first.
#[utoipa::path(
    get,
    path = "/perceptions",
    tag = "perceptions",
    responses((status = OK, description = "Every perception check, newest first", body = [Record<PerceptionCheck>]))
)]
pub(crate) async fn perceptions(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<PerceptionCheck>>>> {
    Ok(Json(state.store.list_perceptions().await?))
}

/// Add a perception check.
#[utoipa::path(
    post,
    path = "/perceptions",
    tag = "perceptions",
    request_body = PerceptionCheck,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<PerceptionCheck>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_perception(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<PerceptionCheck>,
) -> ApiResult<Response> {
    let saved = state.store.create_perception(&value).await?;
    Ok(created(format!("/perceptions/{}", saved.id), saved))
}

/// One perception check.
#[utoipa::path(
    get,
    path = "/perceptions/{id}",
    tag = "perceptions",
    params(("id" = i64, Path, description = "The perception check's id")),
    responses(
        (status = OK, description = "The perception check", body = Record<PerceptionCheck>),
        (status = NOT_FOUND, description = "No perception check has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn perception(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<PerceptionCheck>>> {
    Ok(Json(state.store.get_perception(id(&raw)?).await?))
}

/// Replace a perception check (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/perceptions/{id}",
    tag = "perceptions",
    params(("id" = i64, Path, description = "The perception check's id")),
    request_body = PerceptionCheck,
    responses(
        (status = OK, description = "The perception check as saved", body = Record<PerceptionCheck>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No perception check has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_perception(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<PerceptionCheck>,
) -> ApiResult<Json<Record<PerceptionCheck>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_perception(&record).await?))
}

/// Delete a perception check.
#[utoipa::path(
    delete,
    path = "/perceptions/{id}",
    tag = "perceptions",
    params(("id" = i64, Path, description = "The perception check's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No perception check has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_perception(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_perception(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The member's part of a weekly review. The agenda is the engine's, kept as generated the
/// first time the week is saved.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub(crate) struct ReviewInput {
    /// Last week's commitments and whether each was kept. When absent: the commitments
    /// already on the review, or those carried over from the review before.
    last_week: Option<Vec<Commitment>>,
    /// This week's wins, in my words.
    wins: Option<String>,
    learned: Option<String>,
    /// Whom I helped, and how.
    helped: Option<String>,
    /// What I commit to for next week.
    next_week: Vec<String>,
}

/// Every weekly review, newest week first.
#[utoipa::path(
    get,
    path = "/reviews",
    tag = "reviews",
    responses((status = OK, description = "Every review, newest week first", body = [Record<WeeklyReview>]))
)]
pub(crate) async fn reviews(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<WeeklyReview>>>> {
    Ok(Json(state.store.list_reviews().await?))
}

/// The review of one ISO week.
#[utoipa::path(
    get,
    path = "/reviews/{week}",
    tag = "reviews",
    params(("week" = String, Path, description = "An ISO week, like 2026-W47")),
    responses(
        (status = OK, description = "The week's review", body = Record<WeeklyReview>),
        (status = NOT_FOUND, description = "No review was saved for this week", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "`week` is not an ISO week", body = ApiError),
    )
)]
pub(crate) async fn review(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<WeeklyReview>>> {
    let week = IsoWeek::parse(&raw)?;
    let review = state
        .store
        .get_review(week)
        .await?
        .ok_or_else(|| no_review(week))?;
    Ok(Json(review))
}

/// Save the member's part of a week's review. The first save of a week keeps the agenda as
/// the engine generates it now and carries over the commitments of the review before; a
/// later save keeps that agenda and replaces the member's part.
#[utoipa::path(
    put,
    path = "/reviews/{week}",
    tag = "reviews",
    params(("week" = String, Path, description = "An ISO week, like 2026-W47")),
    request_body = ReviewInput,
    responses(
        (status = CREATED, description = "The week's first review", body = Record<WeeklyReview>),
        (status = OK, description = "The review, replaced", body = Record<WeeklyReview>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn save_review(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(input): ApiJson<ReviewInput>,
) -> ApiResult<Response> {
    let week = IsoWeek::parse(&raw)?;
    let store = &*state.store;
    let today = state.today();
    let (mut review, existed) = match store.get_review(week).await? {
        Some(existing) => (existing.value, true),
        None => {
            let (agenda, previous) = services::week_agenda(store, week, today).await?;
            (
                weekly::new_review(week, &agenda, previous.as_ref(), today),
                false,
            )
        }
    };
    let text = |field: &str, s: Option<String>| {
        fanclub_core::optional_text(field, s.as_deref().unwrap_or(""), crate::forms::LONG_TEXT)
    };
    if let Some(last_week) = input.last_week {
        review.last_week = last_week;
    }
    review.wins = text("wins", input.wins)?;
    review.learned = text("learned", input.learned)?;
    review.helped = text("helped", input.helped)?;
    review.next_week = input.next_week;
    review.saved_on = today;
    review.validate()?;
    let saved = store.save_review(&review).await?;
    if existed {
        Ok(Json(saved).into_response())
    } else {
        Ok(created(format!("/reviews/{week}"), saved))
    }
}

/// Delete a week's review.
#[utoipa::path(
    delete,
    path = "/reviews/{week}",
    tag = "reviews",
    params(("week" = String, Path, description = "An ISO week, like 2026-W47")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No review was saved for this week", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "`week` is not an ISO week", body = ApiError),
    )
)]
pub(crate) async fn delete_review(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    let week = IsoWeek::parse(&raw)?;
    let store = &*state.store;
    if store.get_review(week).await?.is_none() {
        return Err(no_review(week).into());
    }
    store.delete_review(week).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn no_review(week: IsoWeek) -> CoreError {
    CoreError::NotFound {
        kind: "weekly review",
        key: week.to_string(),
        hint: format!("save one with PUT /api/v1/reviews/{week}"),
    }
}

//! The member's work in the API: business goals, wins (and who has heard of each),
//! evidence of competencies, and opportunities offered.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use fanclub_core::{Evidence, Goal, Opportunity, Record, Share, Win};

use super::{ApiJson, ApiResult, created, id};
use crate::AppState;
use crate::error::ApiError;

/// Every business goal, in the order they were added.
#[utoipa::path(
    get,
    path = "/goals",
    tag = "goals",
    responses((status = OK, description = "Every goal, in the order they were added", body = [Record<Goal>]))
)]
pub(crate) async fn goals(State(state): State<AppState>) -> ApiResult<Json<Vec<Record<Goal>>>> {
    Ok(Json(state.store.list_goals().await?))
}

/// Add a business goal.
#[utoipa::path(
    post,
    path = "/goals",
    tag = "goals",
    request_body = Goal,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<Goal>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_goal(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Goal>,
) -> ApiResult<Response> {
    let saved = state.store.create_goal(&value).await?;
    Ok(created(format!("/goals/{}", saved.id), saved))
}

/// One goal.
#[utoipa::path(
    get,
    path = "/goals/{id}",
    tag = "goals",
    params(("id" = i64, Path, description = "The goal's id")),
    responses(
        (status = OK, description = "The goal", body = Record<Goal>),
        (status = NOT_FOUND, description = "No goal has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn goal(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Goal>>> {
    Ok(Json(state.store.get_goal(id(&raw)?).await?))
}

/// Replace a business goal (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/goals/{id}",
    tag = "goals",
    params(("id" = i64, Path, description = "The goal's id")),
    request_body = Goal,
    responses(
        (status = OK, description = "The goal as saved", body = Record<Goal>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No goal has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_goal(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Goal>,
) -> ApiResult<Json<Record<Goal>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_goal(&record).await?))
}

/// Delete a business goal. Its wins lose the link to it.
#[utoipa::path(
    delete,
    path = "/goals/{id}",
    tag = "goals",
    params(("id" = i64, Path, description = "The goal's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No goal has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_goal(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_goal(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every win, newest first.
#[utoipa::path(
    get,
    path = "/wins",
    tag = "wins",
    responses((status = OK, description = "Every win, newest first", body = [Record<Win>]))
)]
pub(crate) async fn wins(State(state): State<AppState>) -> ApiResult<Json<Vec<Record<Win>>>> {
    Ok(Json(state.store.list_wins().await?))
}

/// Add a win.
#[utoipa::path(
    post,
    path = "/wins",
    tag = "wins",
    request_body = Win,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<Win>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_win(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Win>,
) -> ApiResult<Response> {
    let saved = state.store.create_win(&value).await?;
    Ok(created(format!("/wins/{}", saved.id), saved))
}

/// One win.
#[utoipa::path(
    get,
    path = "/wins/{id}",
    tag = "wins",
    params(("id" = i64, Path, description = "The win's id")),
    responses(
        (status = OK, description = "The win", body = Record<Win>),
        (status = NOT_FOUND, description = "No win has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn win(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Win>>> {
    Ok(Json(state.store.get_win(id(&raw)?).await?))
}

/// Replace a win (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/wins/{id}",
    tag = "wins",
    params(("id" = i64, Path, description = "The win's id")),
    request_body = Win,
    responses(
        (status = OK, description = "The win as saved", body = Record<Win>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No win has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_win(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Win>,
) -> ApiResult<Json<Record<Win>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_win(&record).await?))
}

/// Delete a win. Its evidence is detached.
#[utoipa::path(
    delete,
    path = "/wins/{id}",
    tag = "wins",
    params(("id" = i64, Path, description = "The win's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No win has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_win(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_win(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Record that someone heard about a win: when and how. A share is not later than
/// today, not earlier than the win, and recorded once per person and day.
#[utoipa::path(
    post,
    path = "/wins/{id}/shares",
    tag = "wins",
    params(("id" = i64, Path, description = "The win's id")),
    request_body = Share,
    responses(
        (status = CREATED, description = "Recorded; the win with its shares", body = Record<Win>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No win has this id, or the person is unknown", body = ApiError),
        (status = CONFLICT, description = "Already recorded for this person that day", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn share_win(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(share): ApiJson<Share>,
) -> ApiResult<Response> {
    let store = &*state.store;
    let win = store.get_win(id(&raw)?).await?;
    win.check_new_share(&share, state.today())?;
    let saved = store.add_share(win.id, &share).await?;
    Ok(created(format!("/wins/{}", saved.id), saved))
}

/// Every piece of evidence, newest first.
#[utoipa::path(
    get,
    path = "/evidence",
    tag = "evidence",
    responses((status = OK, description = "Every piece of evidence, newest first", body = [Record<Evidence>]))
)]
pub(crate) async fn evidence(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<Evidence>>>> {
    Ok(Json(state.store.list_evidence().await?))
}

/// Add a piece of evidence (its track must be in the framework; witnessed evidence names a person, endorsed evidence quotes them).
#[utoipa::path(
    post,
    path = "/evidence",
    tag = "evidence",
    request_body = Evidence,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<Evidence>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_evidence(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Evidence>,
) -> ApiResult<Response> {
    let saved = state.store.create_evidence(&value).await?;
    Ok(created(format!("/evidence/{}", saved.id), saved))
}

/// One piece of evidence.
#[utoipa::path(
    get,
    path = "/evidence/{id}",
    tag = "evidence",
    params(("id" = i64, Path, description = "The piece of evidence's id")),
    responses(
        (status = OK, description = "The piece of evidence", body = Record<Evidence>),
        (status = NOT_FOUND, description = "No piece of evidence has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn one_evidence(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Evidence>>> {
    Ok(Json(state.store.get_evidence(id(&raw)?).await?))
}

/// Replace a piece of evidence (its track must be in the framework; witnessed evidence names a person, endorsed evidence quotes them) (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/evidence/{id}",
    tag = "evidence",
    params(("id" = i64, Path, description = "The piece of evidence's id")),
    request_body = Evidence,
    responses(
        (status = OK, description = "The piece of evidence as saved", body = Record<Evidence>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No piece of evidence has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_evidence(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Evidence>,
) -> ApiResult<Json<Record<Evidence>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_evidence(&record).await?))
}

/// Delete a piece of evidence (its track must be in the framework; witnessed evidence names a person, endorsed evidence quotes them).
#[utoipa::path(
    delete,
    path = "/evidence/{id}",
    tag = "evidence",
    params(("id" = i64, Path, description = "The piece of evidence's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No piece of evidence has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_evidence(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_evidence(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every opportunity, newest first.
#[utoipa::path(
    get,
    path = "/opportunities",
    tag = "opportunities",
    responses((status = OK, description = "Every opportunity, newest first", body = [Record<Opportunity>]))
)]
pub(crate) async fn opportunities(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<Opportunity>>>> {
    Ok(Json(state.store.list_opportunities().await?))
}

/// Add an opportunity.
#[utoipa::path(
    post,
    path = "/opportunities",
    tag = "opportunities",
    request_body = Opportunity,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<Opportunity>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_opportunity(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Opportunity>,
) -> ApiResult<Response> {
    let saved = state.store.create_opportunity(&value).await?;
    Ok(created(format!("/opportunities/{}", saved.id), saved))
}

/// One opportunity.
#[utoipa::path(
    get,
    path = "/opportunities/{id}",
    tag = "opportunities",
    params(("id" = i64, Path, description = "The opportunity's id")),
    responses(
        (status = OK, description = "The opportunity", body = Record<Opportunity>),
        (status = NOT_FOUND, description = "No opportunity has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn opportunity(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Opportunity>>> {
    Ok(Json(state.store.get_opportunity(id(&raw)?).await?))
}

/// Replace an opportunity (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/opportunities/{id}",
    tag = "opportunities",
    params(("id" = i64, Path, description = "The opportunity's id")),
    request_body = Opportunity,
    responses(
        (status = OK, description = "The opportunity as saved", body = Record<Opportunity>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No opportunity has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_opportunity(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Opportunity>,
) -> ApiResult<Json<Record<Opportunity>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_opportunity(&record).await?))
}

/// Delete an opportunity.
#[utoipa::path(
    delete,
    path = "/opportunities/{id}",
    tag = "opportunities",
    params(("id" = i64, Path, description = "The opportunity's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No opportunity has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_opportunity(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_opportunity(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

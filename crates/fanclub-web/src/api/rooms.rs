//! Decisions and their rooms in the API: the decisions (with their seats), one seat at a
//! time, and each room's coverage from the engine.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use fanclub_core::engine::coverage::RoomCoverage;
use fanclub_core::{Decision, Record, RoomRole, Seat, services as core_services};
use serde::Deserialize;

use super::{ApiJson, ApiResult, created, id};
use crate::error::ApiError;
use crate::{AppState, services};

/// Every decision, soonest first.
#[utoipa::path(
    get,
    path = "/decisions",
    tag = "decisions",
    responses((status = OK, description = "Every decision, soonest first", body = [Record<Decision>]))
)]
pub(crate) async fn decisions(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<Decision>>>> {
    Ok(Json(state.store.list_decisions().await?))
}

/// Add a decision, with the people in its room.
#[utoipa::path(
    post,
    path = "/decisions",
    tag = "decisions",
    request_body = Decision,
    responses(
        (status = CREATED, description = "Created; `Location` names it", body = Record<Decision>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_decision(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Decision>,
) -> ApiResult<Response> {
    let saved = state.store.create_decision(&value).await?;
    Ok(created(format!("/decisions/{}", saved.id), saved))
}

/// One decision.
#[utoipa::path(
    get,
    path = "/decisions/{id}",
    tag = "decisions",
    params(("id" = i64, Path, description = "The decision's id")),
    responses(
        (status = OK, description = "The decision", body = Record<Decision>),
        (status = NOT_FOUND, description = "No decision has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn decision(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Decision>>> {
    Ok(Json(state.store.get_decision(id(&raw)?).await?))
}

/// Replace a decision, with the people in its room (send what `GET` returned, changed; `id` is ignored).
#[utoipa::path(
    put,
    path = "/decisions/{id}",
    tag = "decisions",
    params(("id" = i64, Path, description = "The decision's id")),
    request_body = Decision,
    responses(
        (status = OK, description = "The decision as saved", body = Record<Decision>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No decision has this id, or a record it refers to does not exist", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_decision(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Decision>,
) -> ApiResult<Json<Record<Decision>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_decision(&record).await?))
}

/// Delete a decision, with the people in its room.
#[utoipa::path(
    delete,
    path = "/decisions/{id}",
    tag = "decisions",
    params(("id" = i64, Path, description = "The decision's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No decision has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_decision(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_decision(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A seat in a room: the person's part in the decision.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct SeatInput {
    role: RoomRole,
}

/// Seat a person in a decision's room, or change their part in it.
#[utoipa::path(
    put,
    path = "/decisions/{id}/room/{person}",
    tag = "decisions",
    params(
        ("id" = i64, Path, description = "The decision's id"),
        ("person" = String, Path, description = "An id, a handle or an unambiguous name"),
    ),
    request_body = SeatInput,
    responses(
        (status = OK, description = "The decision with its room", body = Record<Decision>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No decision has this id, or no one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "`role` is not decider or voice", body = ApiError),
    )
)]
pub(crate) async fn seat(
    State(state): State<AppState>,
    Path((raw, key)): Path<(String, String)>,
    ApiJson(input): ApiJson<SeatInput>,
) -> ApiResult<Json<Record<Decision>>> {
    let store = &*state.store;
    let mut decision = store.get_decision(id(&raw)?).await?;
    let person = services::find_person(store, &key).await?.id;
    match decision.room.iter_mut().find(|s| s.person == person) {
        Some(seat) => seat.role = input.role,
        None => decision.room.push(Seat {
            person,
            role: input.role,
        }),
    }
    Ok(Json(store.update_decision(&decision).await?))
}

/// Take a person out of a decision's room.
#[utoipa::path(
    delete,
    path = "/decisions/{id}/room/{person}",
    tag = "decisions",
    params(
        ("id" = i64, Path, description = "The decision's id"),
        ("person" = String, Path, description = "An id, a handle or an unambiguous name"),
    ),
    responses(
        (status = OK, description = "The decision with its room", body = Record<Decision>),
        (status = NOT_FOUND, description = "No such decision, no one matches, or they have no seat", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn unseat(
    State(state): State<AppState>,
    Path((raw, key)): Path<(String, String)>,
) -> ApiResult<Json<Record<Decision>>> {
    let store = &*state.store;
    let mut decision = store.get_decision(id(&raw)?).await?;
    let person = services::find_person(store, &key).await?;
    let seats = decision.room.len();
    decision.room.retain(|s| s.person != person.id);
    if decision.room.len() == seats {
        return Err(fanclub_core::CoreError::NotFound {
            kind: "seat",
            key: person.handle.to_string(),
            hint: format!("{} has no seat in this room", person.name),
        }
        .into());
    }
    Ok(Json(store.update_decision(&decision).await?))
}

/// One decision's room as the engine sees it: coverage, members, risks, warnings and the
/// moves that would raise coverage most (past decisions too).
#[utoipa::path(
    get,
    path = "/decisions/{id}/coverage",
    tag = "engine",
    params(("id" = i64, Path, description = "The decision's id")),
    responses(
        (status = OK, description = "The room's coverage", body = RoomCoverage),
        (status = NOT_FOUND, description = "No decision has this id", body = ApiError),
    )
)]
pub(crate) async fn coverage(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<RoomCoverage>> {
    let store = &*state.store;
    let decision = store.get_decision(id(&raw)?).await?;
    let decision_id = decision.id;
    core_services::room_coverage(store, &[decision], state.today())
        .await?
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| {
            fanclub_core::CoreError::not_found("decision", decision_id.to_string()).into()
        })
}

/// Every upcoming decision's room, soonest first (`engine::coverage`).
#[utoipa::path(
    get,
    path = "/rooms",
    tag = "engine",
    responses((status = OK, description = "One per upcoming decision, soonest first", body = [RoomCoverage]))
)]
pub(crate) async fn rooms(State(state): State<AppState>) -> ApiResult<Json<Vec<RoomCoverage>>> {
    Ok(Json(services::rooms(&*state.store, state.today()).await?))
}

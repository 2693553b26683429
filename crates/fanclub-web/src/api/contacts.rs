//! Interactions (dated contacts) and connections (who knows whom) in the API.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use fanclub_core::{Connection, Day, Interaction, InteractionFilter, Record};
use serde::Deserialize;

use super::people::first_error;
use super::{ApiJson, ApiResult, created, id};
use crate::AppState;
use crate::error::ApiError;
use crate::forms::InteractionDraft;
use crate::services;

/// Which interactions to list; each is optional.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct InteractionQuery {
    /// Only those with this person (an id, a handle or an unambiguous name).
    person: String,
    /// Only those on or after this day, `YYYY-MM-DD`.
    since: String,
    /// Only those on or before this day, `YYYY-MM-DD`.
    until: String,
    /// `true`: only those with a follow-up still to do.
    open_follow_ups: bool,
    /// At most this many (the newest).
    limit: Option<u32>,
}

/// Interactions, newest first.
#[utoipa::path(
    get,
    path = "/interactions",
    tag = "interactions",
    params(InteractionQuery),
    responses(
        (status = OK, description = "Interactions, newest first", body = [Record<Interaction>]),
        (status = NOT_FOUND, description = "`person` matches no one", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A filter is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn interactions(
    State(state): State<AppState>,
    Query(q): Query<InteractionQuery>,
) -> ApiResult<Json<Vec<Record<Interaction>>>> {
    let store = &*state.store;
    let day = |field: &str, s: &str| -> Result<Option<Day>, ApiError> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Ok(Some(Day::parse_field(field, s)?))
        }
    };
    let person = if q.person.trim().is_empty() {
        None
    } else {
        Some(services::find_person(store, &q.person).await?.id)
    };
    let filter = InteractionFilter {
        person,
        since: day("since", &q.since)?,
        until: day("until", &q.until)?,
        open_follow_ups: q.open_follow_ups,
        limit: q.limit,
    };
    Ok(Json(store.list_interactions(&filter).await?))
}

/// Log an interaction with one or more people, named as on the command line.
#[utoipa::path(
    post,
    path = "/interactions",
    tag = "interactions",
    request_body = InteractionDraft,
    responses(
        (status = CREATED, description = "Logged; `Location` names it", body = Record<Interaction>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
        (status = NOT_FOUND, description = "Someone in `with` is not in the workspace", body = ApiError),
        (status = CONFLICT, description = "A name in `with` matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn log_interaction(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<InteractionDraft>,
) -> ApiResult<Response> {
    let store = &*state.store;
    let people = store.shared_people().await?;
    let interaction = draft.parse(&people, state.today()).map_err(first_error)?;
    let saved = store.create_interaction(&interaction).await?;
    Ok(created(format!("/interactions/{}", saved.id), saved))
}

/// One interaction.
#[utoipa::path(
    get,
    path = "/interactions/{id}",
    tag = "interactions",
    params(("id" = i64, Path, description = "The interaction's id")),
    responses(
        (status = OK, description = "The interaction", body = Record<Interaction>),
        (status = NOT_FOUND, description = "No interaction has this id", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "The id is not a positive whole number", body = ApiError),
    )
)]
pub(crate) async fn interaction(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Interaction>>> {
    Ok(Json(state.store.get_interaction(id(&raw)?).await?))
}

/// Replace an interaction (its people by id).
#[utoipa::path(
    put,
    path = "/interactions/{id}",
    tag = "interactions",
    params(("id" = i64, Path, description = "The interaction's id")),
    request_body = Interaction,
    responses(
        (status = OK, description = "The interaction as saved", body = Record<Interaction>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No interaction has this id, or a person is unknown", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_interaction(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Interaction>,
) -> ApiResult<Json<Record<Interaction>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_interaction(&record).await?))
}

/// Delete an interaction.
#[utoipa::path(
    delete,
    path = "/interactions/{id}",
    tag = "interactions",
    params(("id" = i64, Path, description = "The interaction's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No interaction has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_interaction(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_interaction(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every connection between two people.
#[utoipa::path(
    get,
    path = "/connections",
    tag = "connections",
    responses((status = OK, description = "Every connection", body = [Record<Connection>]))
)]
pub(crate) async fn connections(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<Record<Connection>>>> {
    Ok(Json(state.store.list_connections().await?))
}

/// Record that two people know each other; (a, b) and (b, a) are one connection.
#[utoipa::path(
    post,
    path = "/connections",
    tag = "connections",
    request_body = Connection,
    responses(
        (status = CREATED, description = "Recorded; `Location` names it", body = Record<Connection>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "A person is unknown", body = ApiError),
        (status = CONFLICT, description = "The two are connected already", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn create_connection(
    State(state): State<AppState>,
    ApiJson(value): ApiJson<Connection>,
) -> ApiResult<Response> {
    let saved = state.store.create_connection(&value).await?;
    Ok(created(format!("/connections/{}", saved.id), saved))
}

/// One connection.
#[utoipa::path(
    get,
    path = "/connections/{id}",
    tag = "connections",
    params(("id" = i64, Path, description = "The connection's id")),
    responses(
        (status = OK, description = "The connection", body = Record<Connection>),
        (status = NOT_FOUND, description = "No connection has this id", body = ApiError),
    )
)]
pub(crate) async fn connection(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Record<Connection>>> {
    Ok(Json(state.store.get_connection(id(&raw)?).await?))
}

/// Replace a connection.
#[utoipa::path(
    put,
    path = "/connections/{id}",
    tag = "connections",
    params(("id" = i64, Path, description = "The connection's id")),
    request_body = Connection,
    responses(
        (status = OK, description = "The connection as saved", body = Record<Connection>),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No connection has this id, or a person is unknown", body = ApiError),
        (status = CONFLICT, description = "The two are connected already", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update_connection(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    ApiJson(value): ApiJson<Connection>,
) -> ApiResult<Json<Record<Connection>>> {
    let record = Record::new(id(&raw)?, value);
    Ok(Json(state.store.update_connection(&record).await?))
}

/// Delete a connection.
#[utoipa::path(
    delete,
    path = "/connections/{id}",
    tag = "connections",
    params(("id" = i64, Path, description = "The connection's id")),
    responses(
        (status = NO_CONTENT, description = "Deleted"),
        (status = NOT_FOUND, description = "No connection has this id", body = ApiError),
    )
)]
pub(crate) async fn delete_connection(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    state.store.delete_connection(id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

//! People and interactions in the API: list (with the same filters as the People page),
//! show, create, and log an interaction.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use fanclub_core::{Interaction, Person, Quadrant, Record};
use serde::{Deserialize, Serialize};

use super::{ApiJson, ApiResult};
use crate::AppState;
use crate::error::ApiError;
use crate::forms::{InteractionDraft, PersonDraft};
use crate::services::{self, PeopleFilter};

/// A person as the API shows them: the record and its place on the grid.
#[derive(Debug, Serialize)]
pub(crate) struct PersonOut {
    #[serde(flatten)]
    person: Record<Person>,
    quadrant: Quadrant,
}

impl From<Record<Person>> for PersonOut {
    fn from(person: Record<Person>) -> Self {
        PersonOut {
            quadrant: person.quadrant(),
            person,
        }
    }
}

/// Filters for the list; each is optional, and all given must hold.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListQuery {
    /// Words that must each appear in the name, handle, organisation, title or team.
    q: String,
    /// `team`, `company` or `outside`.
    circle: String,
    /// `manage-closely`, `keep-satisfied`, `keep-informed` or `monitor`.
    quadrant: String,
    /// `detractor`, `unknown`, `aware`, `supporter`, `advocate` or `sponsor`.
    stance: String,
}

/// Everyone, ordered by name, or those the filters keep. Each person is their record
/// (fanclub-core's `Person` with its `id`) plus their `quadrant` on the power/interest grid.
#[utoipa::path(
    get,
    path = "/people",
    tag = "people",
    params(ListQuery),
    responses(
        (status = OK, description = "People, ordered by name", body = [Object]),
        (status = UNPROCESSABLE_ENTITY, description = "A filter is not one of its accepted values", body = ApiError),
    )
)]
pub(crate) async fn index(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> ApiResult<Json<Vec<PersonOut>>> {
    let filter = PeopleFilter::parse(&query.q, &query.circle, &query.quadrant, &query.stance)?;
    let people = services::people(&*state.store, &filter).await?;
    Ok(Json(people.into_iter().map(PersonOut::from).collect()))
}

/// One person, by id, handle or unambiguous name (the rules of the command line).
#[utoipa::path(
    get,
    path = "/people/{key}",
    tag = "people",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    responses(
        (status = OK, description = "The person, with their quadrant", body = Object),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> ApiResult<Json<PersonOut>> {
    let person = services::find_person(&*state.store, &key).await?;
    Ok(Json(person.into()))
}

/// Add a person; their first stance is recorded today.
#[utoipa::path(
    post,
    path = "/people",
    tag = "people",
    request_body = PersonDraft,
    responses(
        (status = CREATED, description = "Created; `Location` names the new person", body = Object),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
        (status = CONFLICT, description = "The handle is taken", body = ApiError),
    )
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<PersonDraft>,
) -> ApiResult<Response> {
    let person = draft.parse().map_err(first_error)?;
    let created =
        services::create_person(&*state.store, person, draft.handle.is_some(), state.today())
            .await?;
    let location = format!("/api/v1/people/{}", created.handle);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(PersonOut::from(created)),
    )
        .into_response())
}

/// Log an interaction with one or more people.
#[utoipa::path(
    post,
    path = "/interactions",
    tag = "interactions",
    request_body = InteractionDraft,
    responses(
        (status = CREATED, description = "Logged: fanclub-core's `Interaction` with its `id`", body = Object),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
        (status = NOT_FOUND, description = "Someone in `with` is not in the workspace", body = ApiError),
        (status = CONFLICT, description = "A name in `with` matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn log_interaction(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<InteractionDraft>,
) -> ApiResult<(StatusCode, Json<Record<Interaction>>)> {
    let store = &*state.store;
    let people = store.list_people().await?;
    let interaction = draft.parse(&people, state.today()).map_err(first_error)?;
    let saved = store.create_interaction(&interaction).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

fn first_error(errors: crate::forms::FieldErrors) -> ApiError {
    errors
        .into_first()
        .unwrap_or_else(|| fanclub_core::CoreError::invalid("body", "", "a valid request"))
        .into()
}

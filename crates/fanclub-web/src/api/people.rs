//! People in the API: list (with the same filters as the People page), create, show,
//! replace, delete, and a person's stance history. A person is addressed by id, handle or
//! unambiguous name, as on the command line.

use axum::Json;
use axum::extract::{Path, Query, State};
use fanclub_core::{Person, PersonDeletion, Quadrant, Record, StanceChange};
use serde::{Deserialize, Serialize};

use super::{ApiJson, ApiResult, created};
use crate::AppState;
use crate::error::ApiError;
use crate::forms::PersonDraft;
use crate::services::{self, PeopleFilter};

/// A person as the API shows them: their record and their place on the grid.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct PersonOut {
    #[serde(flatten)]
    person: Record<Person>,
    /// Where influence and interest put them on the power/interest grid.
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

/// Everyone, ordered by name, or those the filters keep.
#[utoipa::path(
    get,
    path = "/people",
    tag = "people",
    params(ListQuery),
    responses(
        (status = OK, description = "People, ordered by name", body = [PersonOut]),
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

/// One person.
#[utoipa::path(
    get,
    path = "/people/{key}",
    tag = "people",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    responses(
        (status = OK, description = "The person, with their quadrant", body = PersonOut),
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
        (status = CREATED, description = "Created; `Location` names the new person", body = PersonOut),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
        (status = CONFLICT, description = "The handle is taken", body = ApiError),
    )
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    ApiJson(draft): ApiJson<PersonDraft>,
) -> ApiResult<axum::response::Response> {
    let person = draft.parse().map_err(first_error)?;
    let created_person =
        services::create_person(&*state.store, person, draft.handle.is_some(), state.today())
            .await?;
    let location = format!("/people/{}", created_person.handle);
    Ok(created(location, PersonOut::from(created_person)))
}

/// Replace a person with the body (send what `GET` returned, changed; `id` and `quadrant`
/// are ignored). A changed stance is recorded in their history today.
#[utoipa::path(
    put,
    path = "/people/{key}",
    tag = "people",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    request_body = Person,
    responses(
        (status = OK, description = "The person as saved", body = PersonOut),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The handle is taken, or the name is ambiguous", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "A field is invalid; `field` says which", body = ApiError),
    )
)]
pub(crate) async fn update(
    State(state): State<AppState>,
    Path(key): Path<String>,
    ApiJson(person): ApiJson<Person>,
) -> ApiResult<Json<PersonOut>> {
    let current = services::find_person(&*state.store, &key).await?;
    let saved = state
        .store
        .update_person(&Record::new(current.id, person), state.today())
        .await?;
    Ok(Json(saved.into()))
}

/// Delete a person: what is only about them goes, what merely mentions them is detached.
#[utoipa::path(
    delete,
    path = "/people/{key}",
    tag = "people",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    responses(
        (status = OK, description = "Deleted; what was removed and what was only detached", body = PersonDeletion),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn delete(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> ApiResult<Json<PersonDeletion>> {
    let person = services::find_person(&*state.store, &key).await?;
    Ok(Json(state.store.delete_person(person.id).await?))
}

/// A person's stance history, oldest first: the evidence that the cycle turns.
#[utoipa::path(
    get,
    path = "/people/{key}/stance-history",
    tag = "people",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    responses(
        (status = OK, description = "Every stance change, oldest first", body = [Record<StanceChange>]),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn stance_history(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> ApiResult<Json<Vec<Record<StanceChange>>>> {
    let person = services::find_person(&*state.store, &key).await?;
    Ok(Json(state.store.stance_history(person.id).await?))
}

pub(crate) fn first_error(errors: crate::forms::FieldErrors) -> ApiError {
    errors
        .into_first()
        .unwrap_or_else(|| fanclub_core::CoreError::invalid("body", "", "a valid request"))
        .into()
}

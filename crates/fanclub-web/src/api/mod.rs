//! The JSON API under `/api/v1`, for scripts and other tools. It calls the same services as
//! the pages; errors are `{ "code", "message", "field" }` (see `error::ApiError`).
//!
//! Every handler carries its OpenAPI description (`#[utoipa::path]`), and the router is
//! built from those descriptions, so the document at `/api/v1/openapi.json` cannot drift
//! from the routes. Swagger UI reads it at `/api/docs`.

mod people;
mod reports;

use axum::Router;
use axum::extract::FromRequest;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;

/// Where the API lives; its OpenAPI paths are relative to it.
pub(crate) const BASE: &str = "/api/v1";
/// The OpenAPI document, and the Swagger UI that reads it.
pub(crate) const OPENAPI_JSON: &str = "/api/v1/openapi.json";
pub(crate) const DOCS: &str = "/api/docs";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "fanclub API",
        description = "The member's people, interactions and the advocacy engine's answers. \
                       Served on the loopback interface only. Record and engine types are \
                       described as objects for now; their fields follow fanclub-core's JSON.",
    ),
    servers((url = "/api/v1")),
    components(schemas(ApiError)),
    tags(
        (name = "people", description = "Stakeholders"),
        (name = "interactions", description = "Dated contacts; each resets the people's keep-in-touch clock"),
        (name = "engine", description = "Room coverage, who is due, the weekly agenda"),
    )
)]
struct ApiDoc;

/// The API's routes (to nest under `BASE`) and their OpenAPI document.
pub(crate) fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(people::index, people::create))
        .routes(routes!(people::show))
        .routes(routes!(people::log_interaction))
        .routes(routes!(reports::rooms))
        .routes(routes!(reports::due))
        .routes(routes!(reports::week))
        .split_for_parts();
    (router.fallback(not_found), openapi)
}

/// A JSON body whose rejections (bad JSON, wrong content type) answer in our error shape.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub(crate) struct ApiJson<T>(pub(crate) T);

/// What an API handler returns.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

async fn not_found() -> ApiError {
    ApiError::from(fanclub_core::CoreError::NotFound {
        kind: "API route",
        key: String::new(),
        hint: "the API lives under /api/v1 (people, interactions, rooms, due, week); \
               its description is /api/v1/openapi.json"
            .into(),
    })
}

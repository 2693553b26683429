//! The JSON API under `/api/v1`, for scripts and other tools: every record of the domain
//! (list, create, show, replace with `PUT`, delete) and every answer of the engine. It
//! calls the same `Store` and core services as the pages; errors are
//! `{ "code", "message", "field" }` (see `error::ApiError`).
//!
//! Every handler carries its OpenAPI description (`#[utoipa::path]`), and the router is
//! built from those descriptions, so the document at `/api/openapi.json` cannot drift from
//! the routes. Swagger UI reads it at `/api/docs`.

mod contacts;
mod engine;
mod people;
mod progress;
mod rooms;
mod settings;
mod work;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use fanclub_core::{CoreError, Id};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;

/// Where the API lives; its OpenAPI paths are relative to it.
pub(crate) const BASE: &str = "/api/v1";
/// The OpenAPI document (the address), the older address kept working, and the
/// Swagger UI that reads it.
pub(crate) const OPENAPI_JSON: &str = "/api/openapi.json";
pub(crate) const DOCS: &str = "/api/docs";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "fanclub API",
        description = "The member's people, interactions, wins, evidence, rooms and reviews, \
                       and the advocacy engine's answers. Served on the loopback interface \
                       only. Records are read back with their `id`; `PUT` replaces a record \
                       whole (send what `GET` returned, changed). Every error is \
                       `{code, message, field}`: 400 `malformed` (the body is not JSON), \
                       415 `unsupported_media_type`, 404 `not_found`, 409 `conflict` or \
                       `ambiguous`, 422 `invalid` (with the `field` at fault).",
    ),
    servers((url = "/api/v1")),
    components(schemas(ApiError)),
    tags(
        (name = "people", description = "Stakeholders and their stance history"),
        (name = "interactions", description = "Dated contacts; each resets the people's keep-in-touch clock"),
        (name = "connections", description = "Who knows whom"),
        (name = "goals", description = "The business goals wins serve"),
        (name = "wins", description = "Visible work, and who has heard of it"),
        (name = "evidence", description = "Dated proof of a competency"),
        (name = "perceptions", description = "How someone understands my work"),
        (name = "opportunities", description = "Assignments offered, and who put me forward"),
        (name = "decisions", description = "The rooms where my career is decided, and their seats"),
        (name = "reviews", description = "The weekly review, one per ISO week"),
        (name = "settings", description = "Settings and the competency framework"),
        (name = "engine", description = "Coverage, cadence, the weekly agenda, visibility, readiness, trust, momentum, intro paths, the outreach check"),
    )
)]
struct ApiDoc;

/// The API's routes (to nest under `BASE`) and their OpenAPI document.
pub(crate) fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, openapi) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(people::index, people::create))
        .routes(routes!(people::show, people::update, people::delete))
        .routes(routes!(people::stance_history))
        .routes(routes!(engine::person_trust))
        .routes(routes!(engine::paths))
        .routes(routes!(contacts::interactions, contacts::log_interaction))
        .routes(routes!(
            contacts::interaction,
            contacts::update_interaction,
            contacts::delete_interaction
        ))
        .routes(routes!(contacts::connections, contacts::create_connection))
        .routes(routes!(
            contacts::connection,
            contacts::update_connection,
            contacts::delete_connection
        ))
        .routes(routes!(work::goals, work::create_goal))
        .routes(routes!(work::goal, work::update_goal, work::delete_goal))
        .routes(routes!(work::wins, work::create_win))
        .routes(routes!(work::win, work::update_win, work::delete_win))
        .routes(routes!(work::share_win))
        .routes(routes!(work::evidence, work::create_evidence))
        .routes(routes!(
            work::one_evidence,
            work::update_evidence,
            work::delete_evidence
        ))
        .routes(routes!(work::opportunities, work::create_opportunity))
        .routes(routes!(
            work::opportunity,
            work::update_opportunity,
            work::delete_opportunity
        ))
        .routes(routes!(progress::perceptions, progress::create_perception))
        .routes(routes!(
            progress::perception,
            progress::update_perception,
            progress::delete_perception
        ))
        .routes(routes!(progress::reviews))
        .routes(routes!(
            progress::review,
            progress::save_review,
            progress::delete_review
        ))
        .routes(routes!(rooms::decisions, rooms::create_decision))
        .routes(routes!(
            rooms::decision,
            rooms::update_decision,
            rooms::delete_decision
        ))
        .routes(routes!(rooms::seat, rooms::unseat))
        .routes(routes!(rooms::coverage))
        .routes(routes!(rooms::rooms))
        .routes(routes!(settings::settings, settings::save_settings))
        .routes(routes!(settings::framework, settings::save_framework))
        .routes(routes!(engine::due))
        .routes(routes!(engine::week))
        .routes(routes!(engine::visibility))
        .routes(routes!(engine::readiness))
        .routes(routes!(engine::trust))
        .routes(routes!(engine::momentum))
        .routes(routes!(engine::outreach_check))
        .routes(routes!(engine::outreach_rules))
        .routes(routes!(engine::search))
        .split_for_parts();
    // The document's first address, kept for scripts that used it.
    let router = router.route(
        "/openapi.json",
        get(|| async { Redirect::permanent(OPENAPI_JSON) }),
    );
    (router.fallback(not_found), openapi)
}

/// A JSON body. Its failures answer in our error shape, and a value that does not fit
/// names the field at fault (`influence`, `room[0].role`), found by `serde_path_to_error`.
#[derive(Debug)]
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .is_some_and(|v| v == "application/json" || v.ends_with("+json"));
        if !is_json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON, with `Content-Type: application/json`".into(),
                None,
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|e| ApiError::new(e.status(), "malformed", e.body_text(), None))?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Read `bytes` as a `T`: 400 when it is not JSON at all, 422 naming the field when a
/// value does not fit.
pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let malformed = |e: &serde_json::Error| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "malformed",
            format!("the body is not valid JSON: {e}"),
            None,
        )
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    if value.is_ok() {
        de.end().map_err(|e| malformed(&e))?;
    }
    value.map_err(|e| {
        let inner = e.inner();
        if !inner.is_data() {
            return malformed(inner);
        }
        let message = inner.to_string();
        let path = e.path().to_string();
        let field = missing_field(&message)
            .map(|name| {
                if path == "." {
                    name.to_string()
                } else {
                    format!("{path}.{name}")
                }
            })
            .unwrap_or(path);
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            format!("{field}: {message}"),
            Some(field),
        )
    })
}

/// The name in serde's "missing field `title`".
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
}

/// What an API handler returns.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

/// A record id from the path: a positive whole number.
pub(crate) fn id<T>(raw: &str) -> Result<Id<T>, ApiError> {
    Ok(Id::parse("id", raw)?)
}

/// `201 Created`, with `Location` naming the new record under the API.
pub(crate) fn created(location: String, body: impl Serialize) -> Response {
    (
        StatusCode::CREATED,
        [(header::LOCATION, format!("{BASE}{location}"))],
        axum::Json(body),
    )
        .into_response()
}

async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::from(CoreError::NotFound {
        kind: "API route",
        key: format!("{method} {}", uri.path()),
        hint: "the API's routes are listed in /api/openapi.json and browsable at /api/docs".into(),
    })
}

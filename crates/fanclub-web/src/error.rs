//! How failures reach the member: a page that says what went wrong and what to do, or a
//! JSON error `{ "code", "message", "field" }` for the API. A storage failure is logged
//! with its detail and shown without it: the detail helps an attacker more than a member.

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use fanclub_core::CoreError;
use serde::Serialize;

use crate::pages::{Layout, Nav};

/// What the member is told when the app itself failed.
const INTERNAL: &str = "Something went wrong inside fanclub; nothing you did caused it. \
                        The details are in the server's log.";

/// The HTTP status of a core error.
fn status_of(e: &CoreError) -> StatusCode {
    match e {
        CoreError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        CoreError::NotFound { .. } => StatusCode::NOT_FOUND,
        CoreError::Ambiguous { .. } | CoreError::Conflict(_) => StatusCode::CONFLICT,
        CoreError::Storage(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A page handler's failure.
#[derive(Debug)]
pub(crate) enum PageError {
    Core(CoreError),
    Render(askama::Error),
}

impl From<CoreError> for PageError {
    fn from(e: CoreError) -> Self {
        PageError::Core(e)
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        PageError::Render(e)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    status: u16,
    heading: &'static str,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, heading, message) = match &self {
            PageError::Core(CoreError::Storage(detail)) => {
                tracing::error!(%detail, "a page failed on storage");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    INTERNAL.to_string(),
                )
            }
            PageError::Core(e @ CoreError::NotFound { .. }) => {
                (status_of(e), "Not found", e.to_string())
            }
            PageError::Core(e @ CoreError::Conflict(_)) => {
                (status_of(e), "That cannot be done now", e.to_string())
            }
            PageError::Core(e) => (status_of(e), "That did not work", e.to_string()),
            PageError::Render(e) => {
                tracing::error!(error = %e, "a page failed to render");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    INTERNAL.to_string(),
                )
            }
        };
        error_page(status, heading, message)
    }
}

/// The error page, or plain text should even that fail to render.
pub(crate) fn error_page(status: StatusCode, heading: &'static str, message: String) -> Response {
    let page = ErrorPage {
        layout: Layout::new(Nav::None),
        status: status.as_u16(),
        heading,
        message,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "the error page failed to render");
            (status, INTERNAL).into_response()
        }
    }
}

/// An API failure, as JSON.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(example = json!({
    "code": "invalid", "field": "influence",
    "message": "invalid influence \"7\": a whole number from 1 to 5"
}))]
pub(crate) struct ApiError {
    #[serde(skip)]
    #[schema(ignore)]
    status: StatusCode,
    /// Stable and machine-readable: `malformed` (400), `unsupported_media_type` (415),
    /// `not_found` (404), `ambiguous` or `conflict` (409), `invalid` (422), `internal`
    /// (500).
    code: &'static str,
    message: String,
    /// The request field at fault, for `invalid`: a name, or a path into the body
    /// (`room[0].role`).
    field: Option<String>,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        code: &'static str,
        message: String,
        field: Option<String>,
    ) -> ApiError {
        ApiError {
            status,
            code,
            message,
            field,
        }
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        if let CoreError::Storage(detail) = &e {
            tracing::error!(%detail, "an API call failed on storage");
            return ApiError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                code: "internal",
                message: INTERNAL.to_string(),
                field: None,
            };
        }
        ApiError {
            status: status_of(&e),
            code: e.code(),
            field: e.field().map(str::to_owned),
            message: e.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_map_to_statuses_and_storage_detail_is_hidden() {
        let e = ApiError::from(CoreError::invalid(
            "influence",
            "7",
            "a whole number from 1 to 5",
        ));
        assert_eq!(
            (e.status, e.code, e.field.as_deref()),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                Some("influence")
            )
        );
        let e = ApiError::from(CoreError::not_found("person", "zoe"));
        assert_eq!((e.status, e.code), (StatusCode::NOT_FOUND, "not_found"));
        let e = ApiError::from(CoreError::Conflict("taken".into()));
        assert_eq!(e.status, StatusCode::CONFLICT);
        let e = ApiError::from(CoreError::Storage("disk I/O error at /home/me/db".into()));
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.message.contains("/home/me"), "{}", e.message);
    }
}

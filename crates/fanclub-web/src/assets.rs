//! The stylesheet and scripts, embedded in the binary so the app works offline and from
//! any directory, served under `/assets/…`.
//!
//! Pages link each asset with its content hash (`/assets/app.css?v=3f2a…`): a URL that
//! carries the current hash can be cached for a year, since a changed file gets a new
//! URL; any other request revalidates with the ETag.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;
use serde::Deserialize;

use crate::AppState;

#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

/// The versioned URLs the layout links to.
#[derive(Debug, Clone)]
pub(crate) struct AssetUrls {
    pub(crate) css: String,
    pub(crate) app_js: String,
    pub(crate) htmx_js: String,
    pub(crate) icon: String,
}

/// Computed once: hashing the embedded files on every page would be waste.
pub(crate) static URLS: LazyLock<AssetUrls> = LazyLock::new(|| AssetUrls {
    css: url("app.css"),
    app_js: url("app.js"),
    htmx_js: url("vendor/htmx.min.js"),
    icon: url("favicon.svg"),
});

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/assets/{*path}", get(show))
}

fn url(path: &str) -> String {
    match Assets::get(path) {
        Some(file) => format!("/assets/{path}?v={}", version(&file)),
        None => format!("/assets/{path}"),
    }
}

/// The first 16 hex digits of the file's SHA-256: plenty to tell versions apart.
fn version(file: &rust_embed::EmbeddedFile) -> String {
    file.metadata.sha256_hash()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("md" | "txt") | Some("LICENSE") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[derive(Debug, Deserialize)]
struct VersionQuery {
    v: Option<String>,
}

async fn show(
    Path(path): Path<String>,
    Query(q): Query<VersionQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(file) = Assets::get(&path) else {
        return (StatusCode::NOT_FOUND, "No such asset.").into_response();
    };
    let version = version(&file);
    let etag = format!("\"{version}\"");
    let cache = if q.v.as_deref() == Some(version.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(header::CONTENT_TYPE, content_type(&path))],
            file.data.into_owned(),
        )
            .into_response()
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, etag);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_linked_asset_is_embedded_and_versioned() {
        for u in [&URLS.css, &URLS.app_js, &URLS.htmx_js, &URLS.icon] {
            assert!(u.contains("?v="), "{u}");
        }
        assert!(Assets::get("vendor/htmx.LICENSE").is_some());
        assert_eq!(content_type("app.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("vendor/htmx.min.js"),
            "text/javascript; charset=utf-8"
        );
    }
}

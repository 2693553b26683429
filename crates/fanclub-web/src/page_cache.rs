//! Pages kept while nothing changes. A page is a function of the workspace, today's date
//! and its address; when the store can say cheaply whether the workspace changed
//! (`Store::revision`: SQLite's `data_version`, which sees commits from this process and
//! from a `fanclub` command in another terminal alike), a page asked for again is sent as
//! it was rendered. Any commit makes every kept page stale at once.
//!
//! Only successful HTML answers to GET are kept, never the import pages (they show an
//! upload held in memory) nor the API, the assets or the calendar feed.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use fanclub_core::Day;
use fanclub_core::sync::lock;

use crate::AppState;

/// Pages kept at once (each address, with its query, is one).
const MAX_PAGES: usize = 256;
/// Larger pages are sent but not kept.
const MAX_PAGE_BYTES: usize = 4 << 20;

#[derive(Default)]
pub(crate) struct PageCache {
    pages: Mutex<HashMap<String, Kept>>,
}

struct Kept {
    revision: i64,
    today: Day,
    parts: axum::http::response::Parts,
    body: Bytes,
}

impl PageCache {
    fn get(&self, key: &str, revision: i64, today: Day) -> Option<Response> {
        let pages = lock(&self.pages);
        let kept = pages.get(key)?;
        if kept.revision != revision || kept.today != today {
            return None;
        }
        let mut response = Response::new(Body::from(kept.body.clone()));
        *response.status_mut() = kept.parts.status;
        *response.headers_mut() = kept.parts.headers.clone();
        Some(response)
    }

    fn put(&self, key: String, kept: Kept) {
        let mut pages = lock(&self.pages);
        pages.retain(|_, k| k.revision == kept.revision && k.today == kept.today);
        if pages.len() >= MAX_PAGES {
            pages.clear();
        }
        pages.insert(key, kept);
    }
}

/// Whether the answer to a GET of `path` may be kept.
fn keepable(path: &str) -> bool {
    !["/import", "/api", "/assets", "/calendar"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

/// The middleware: serve a kept page, or render it and keep it.
pub(crate) async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || !keepable(request.uri().path()) {
        return next.run(request).await;
    }
    // A store that cannot tell, or fails to: render every time.
    let Ok(Some(revision)) = state.store.revision().await else {
        return next.run(request).await;
    };
    let today = state.today();
    let key = request.uri().to_string();
    if let Some(hit) = state.pages.get(&key, revision, today) {
        tracing::debug!(%key, revision, "page served as kept");
        return hit;
    }
    tracing::debug!(%key, revision, "page rendered");
    let response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if response.status() != StatusCode::OK || !html {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            if bytes.len() <= MAX_PAGE_BYTES {
                let kept = Kept {
                    revision,
                    today,
                    parts: parts.clone(),
                    body: bytes.clone(),
                };
                state.pages.put(key, kept);
            }
            Response::from_parts(parts, Body::from(bytes))
        }
        // A rendered page is one string in memory: reading it cannot fail in practice.
        Err(e) => {
            tracing::error!(error = %e, "a rendered page could not be read");
            let mut response = Response::new(Body::from("The page could not be sent. Reload it."));
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}

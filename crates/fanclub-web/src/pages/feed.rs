//! The private calendar feed: open follow-ups and decision dates as iCalendar at
//! `/calendar/<token>.ics`, for a calendar app on this computer to subscribe to, and the
//! Settings buttons that create, replace and remove the link.
//!
//! The token is the only thing that guards the feed: a calendar app sends no cookies and
//! fetches with GET, so nothing else could. A wrong or missing token gets the same 404 as
//! any unknown address, and the comparison takes the same time whatever the guess.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use fanclub_core::CoreResult;
use fanclub_formats::export::calendar::calendar_feed;
use subtle::ConstantTimeEq;

use super::{PageResult, not_found};
use crate::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/calendar/{file}", get(show))
        .route("/settings/calendar", post(create))
        .route("/settings/calendar/rotate", post(rotate))
        .route("/settings/calendar/off", post(delete))
}

/// The feed's address on a host (`127.0.0.1:7878`).
fn url_at(host: &str, token: &str) -> String {
    format!("http://{host}/calendar/{token}.ics")
}

/// The private feed address of an app listening on `port` of 127.0.0.1: what
/// `fanclub export calendar --link` prints and Settings shows.
pub fn calendar_url(port: u16, token: &str) -> String {
    url_at(&format!("127.0.0.1:{port}"), token)
}

/// The feed's full address for Settings, when the feed is on.
pub(crate) async fn feed_link(state: &AppState) -> CoreResult<Option<String>> {
    let token = state.store.calendar_token().await?;
    Ok(token.map(|t| url_at(state.site.primary_host(), &t)))
}

/// Whether `given` is the stored token, in time that does not depend on where they differ.
fn matches(stored: &str, given: &str) -> bool {
    bool::from(stored.as_bytes().ct_eq(given.as_bytes()))
}

async fn show(State(state): State<AppState>, Path(file): Path<String>) -> PageResult {
    let Some(given) = file.strip_suffix(".ics") else {
        return Ok(not_found().await);
    };
    let Some(stored) = state.store.calendar_token().await? else {
        return Ok(not_found().await);
    };
    if !matches(&stored, given) {
        return Ok(not_found().await);
    }
    let feed = calendar_feed(&*state.store, chrono::Utc::now()).await?;
    let mut response: Response = feed.text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline; filename=\"fanclub.ics\""),
    );
    Ok(response)
}

/// Turn the feed on; a link that already exists is kept (a second click changes nothing).
async fn create(State(state): State<AppState>) -> PageResult {
    if state.store.calendar_token().await?.is_none() {
        state.store.rotate_calendar_token().await?;
    }
    Ok(Redirect::to("/settings?done=calendar-on#calendar").into_response())
}

/// A new link; the old one stops working.
async fn rotate(State(state): State<AppState>) -> PageResult {
    state.store.rotate_calendar_token().await?;
    Ok(Redirect::to("/settings?done=calendar-new#calendar").into_response())
}

/// Turn the feed off: no link works until a new one is made.
async fn delete(State(state): State<AppState>) -> PageResult {
    state.store.remove_calendar_token().await?;
    Ok(Redirect::to("/settings?done=calendar-off#calendar").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_token_matches() {
        let stored = "0f".repeat(32);
        assert!(matches(&stored, &stored));
        assert!(!matches(&stored, &"0e".repeat(32)));
        assert!(!matches(&stored, &stored[..63]));
        assert!(!matches(&stored, ""));
        assert!(!matches(&stored, &stored.to_uppercase()));
    }

    #[test]
    fn the_link_names_the_loopback_address() {
        assert_eq!(
            calendar_url(7878, "abc"),
            "http://127.0.0.1:7878/calendar/abc.ics"
        );
    }
}

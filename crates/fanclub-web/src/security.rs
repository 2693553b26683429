//! The one place that decides which requests are served and which headers every response
//! carries. The app listens on the loopback interface, but any web page the member opens
//! can still make their browser talk to it: the checks here close those doors.

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::ApiError;

/// The names this app answers to, and the origin its own pages are served from.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// `127.0.0.1:7878`, `localhost:7878`, `[::1]:7878`, lowercase.
    hosts: Vec<String>,
}

impl Site {
    pub(crate) fn loopback(port: u16) -> Site {
        Site {
            hosts: ["127.0.0.1", "localhost", "[::1]"]
                .iter()
                .map(|h| format!("{h}:{port}"))
                .collect(),
        }
    }

    /// `127.0.0.1:7878`: the name links to this app are written with.
    pub(crate) fn primary_host(&self) -> &str {
        self.hosts.first().map_or("127.0.0.1", String::as_str)
    }

    fn is_own_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    /// `http://127.0.0.1:7878` and its siblings: the only origins our forms post from.
    fn is_own_origin(&self, origin: &str) -> bool {
        origin
            .trim()
            .strip_prefix("http://")
            .is_some_and(|host| self.is_own_host(host))
    }

    /// A referrer is ours when it is a page of our own origin.
    fn is_own_referrer(&self, referrer: &str) -> bool {
        let Some(rest) = referrer.trim().strip_prefix("http://") else {
            return false;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        self.is_own_host(host)
    }
}

/// Refuse what must not be served, then stamp the security headers on whatever goes out
/// (refusals included).
pub(crate) async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = match check(&state.site, &request) {
        Ok(()) => next.run(request).await,
        // Scripts calling the API get the API's error shape; browsers get the sentence.
        Err((status, message)) if request.uri().path().starts_with("/api/") => {
            let code = if status == StatusCode::FORBIDDEN {
                "cross_origin"
            } else {
                "wrong_host"
            };
            ApiError::new(status, code, message.to_string(), None).into_response()
        }
        Err((status, message)) => (status, message).into_response(),
    };
    stamp(response.headers_mut());
    response
}

/// Why a request is refused: its status and what the member is told.
type Refusal = (StatusCode, &'static str);

fn check(site: &Site, request: &Request) -> Result<(), Refusal> {
    // DNS rebinding: a hostile site can point its own name at 127.0.0.1 and then read
    // our pages as same-origin. Its requests still carry its name in `Host`, so only
    // the loopback names on our port are served.
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| request.uri().authority().map(|a| a.to_string()));
    if !host.as_deref().is_some_and(|h| site.is_own_host(h)) {
        tracing::warn!(host = ?host, "refused a request for another host name");
        return Err((
            StatusCode::MISDIRECTED_REQUEST,
            "This fanclub server only answers to 127.0.0.1, localhost or [::1] on its own port.",
        ));
    }
    // CSRF: any page the member visits can submit a form to us, and the browser will
    // send it. A state-changing request must come from our own pages.
    if changes_state(request.method()) && !from_own_pages(site, request.headers()) {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "refused a cross-site request");
        return Err((
            StatusCode::FORBIDDEN,
            "This request came from another site, so fanclub refused it. Use fanclub's own pages.",
        ));
    }
    Ok(())
}

/// GET and HEAD never change anything in this app; everything else may.
fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Browsers send `Origin` on every POST, but under our `Referrer-Policy: no-referrer` the
/// Fetch standard makes it `null` even for our own forms; `Sec-Fetch-Site` is sent either
/// way and settles it. A request with none of these headers is not from a browser page
/// (a script, curl), which a web page cannot forge, so it is let through.
fn from_own_pages(site: &Site, headers: &HeaderMap) -> bool {
    let get = |name: HeaderName| headers.get(name).map(|v| v.to_str().unwrap_or("\u{0}"));
    let origin = get(header::ORIGIN);
    if let Some(origin) = origin.filter(|o| *o != "null") {
        return site.is_own_origin(origin);
    }
    if let Some(fetch_site) = get(HeaderName::from_static("sec-fetch-site")) {
        // `same-site` would admit another app on a different port of localhost.
        return matches!(fetch_site, "same-origin" | "none");
    }
    if origin.is_some() {
        // `Origin: null` with nothing to vouch for it: a sandboxed frame, a file: page,
        // or a browser too old to tell. Refuse.
        return false;
    }
    if let Some(referrer) = get(header::REFERER) {
        return site.is_own_referrer(referrer);
    }
    true
}

/// The headers every response carries, each with the reason it is there.
fn stamp(headers: &mut HeaderMap) {
    // Pages hold notes about people: keep them out of shared and disk caches. Assets set
    // their own caching and keep it.
    let page = !headers.contains_key(header::CACHE_CONTROL);
    let mut set = |name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    // Only our own embedded scripts and styles run: an injected <script> or inline
    // handler does nothing even if escaping ever failed. No frames, no foreign form
    // targets, no <base> rewriting of our links.
    set(
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    // The browser must trust our Content-Type, never guess a script out of a text file.
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Our URLs name people (`/people/dana-kim`): never leak them to a site we link to.
    set(header::REFERRER_POLICY, "no-referrer");
    // Clickjacking, for browsers that predate `frame-ancestors`.
    set(header::X_FRAME_OPTIONS, "DENY");
    if page {
        set(header::CACHE_CONTROL, "no-store");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_loopback_names_on_our_port_are_ours() {
        let site = Site::loopback(7878);
        for ok in ["127.0.0.1:7878", "LOCALHOST:7878", "[::1]:7878"] {
            assert!(site.is_own_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "127.0.0.1",
            "localhost:7879",
            "127.0.0.1:78780",
        ] {
            assert!(!site.is_own_host(bad), "{bad}");
        }
    }

    #[test]
    fn state_changes_must_come_from_our_pages() {
        let site = Site::loopback(7878);
        let check = |pairs: &[(&'static str, &'static str)]| from_own_pages(&site, &headers(pairs));
        assert!(check(&[("origin", "http://127.0.0.1:7878")]));
        assert!(check(&[("origin", "http://localhost:7878")]));
        assert!(!check(&[("origin", "http://evil.example")]));
        assert!(!check(&[("origin", "null")]));
        // What a browser sends for our own forms under `no-referrer`.
        assert!(check(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ]));
        assert!(!check(&[
            ("origin", "null"),
            ("sec-fetch-site", "cross-site")
        ]));
        // A real foreign origin is refused whatever else is claimed.
        assert!(!check(&[
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "same-origin")
        ]));
        assert!(!check(&[("origin", "https://127.0.0.1:7878")]));
        assert!(!check(&[("origin", "http://127.0.0.1:7878.evil.example")]));
        assert!(check(&[("sec-fetch-site", "same-origin")]));
        assert!(!check(&[("sec-fetch-site", "same-site")]));
        assert!(!check(&[("sec-fetch-site", "cross-site")]));
        assert!(check(&[("referer", "http://127.0.0.1:7878/people?q=a")]));
        assert!(!check(&[(
            "referer",
            "http://127.0.0.1:7878.evil.example/"
        )]));
        // A script without browser headers cannot be driven by a web page.
        assert!(check(&[]));
    }
}

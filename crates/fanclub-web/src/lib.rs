//! fanclub's web interface: the member's pages (askama templates, a little htmx) and the
//! JSON API under `/api/v1`, served by axum on the loopback interface.
//!
//! Handlers parse what the member typed into core types, load records through the
//! `Store`, and hand them to the engine (`services`); no rule of the domain lives here.
//! Every response passes through one security middleware (`security`).

mod api;
mod assets;
mod error;
mod forms;
mod forms_people;
mod markdown;
mod network;
mod page_cache;
mod pages;
mod security;
mod services;

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::Router;
use fanclub_core::{Day, Store};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use utoipa_swagger_ui::SwaggerUi;

/// The private calendar feed's address, for `fanclub export calendar --link`.
pub use pages::feed::calendar_url;
/// The promotion packet and brag document as standalone HTML, for the CLI's exports.
pub use pages::packet::{brag_html, packet_html};

/// How `fanclub serve` runs the web app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebConfig {
    /// The port on 127.0.0.1; 0 lets the system choose one.
    pub port: u16,
}

impl WebConfig {
    /// A port few other local tools use.
    pub const DEFAULT_PORT: u16 = 7878;

    /// Where the app listens: the loopback interface only, since the data is notes
    /// about other people and must not be reachable from the network.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))
    }
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            port: Self::DEFAULT_PORT,
        }
    }
}

/// What every handler shares: the member's store and the origin the app is served from.
#[derive(Clone)]
pub struct AppState {
    pub(crate) store: Arc<dyn Store>,
    pub(crate) site: Arc<security::Site>,
    /// Reads today's date; the real clock outside of tests.
    pub(crate) clock: fn() -> Day,
    /// Where the data lives, as the Settings page shows it (a path, or a URL without its
    /// password); `None` when the caller did not say.
    pub(crate) location: Option<Arc<str>>,
    /// Uploaded import files waiting between their preview and its confirmation.
    pub(crate) imports: Arc<pages::imports::PendingImports>,
    /// Pages kept while the workspace is unchanged (`page_cache.rs`).
    pub(crate) pages: Arc<page_cache::PageCache>,
    /// The introduction network last laid out (`network.rs`).
    pub(crate) network: Arc<network::KeptNetwork>,
}

impl AppState {
    /// The state for an app listening on `port` of the loopback interface.
    pub fn new(store: Arc<dyn Store>, port: u16) -> AppState {
        AppState {
            store,
            site: Arc::new(security::Site::loopback(port)),
            clock: Day::today,
            location: None,
            imports: Arc::default(),
            pages: Arc::default(),
            network: Arc::default(),
        }
    }

    /// The same state, showing where the data lives on the Settings page.
    pub fn with_location(mut self, location: impl Into<String>) -> AppState {
        self.location = Some(Arc::from(location.into()));
        self
    }

    pub(crate) fn today(&self) -> Day {
        (self.clock)()
    }
}

/// Every route of the app (pages, API, assets) behind the security middleware.
pub fn router(state: AppState) -> Router {
    let (api, openapi) = api::router();
    Router::new()
        .merge(pages::router().layer(axum::middleware::from_fn_with_state(
            state.clone(),
            page_cache::layer,
        )))
        .nest(api::BASE, api)
        // Serves the document at `OPENAPI_JSON` and Swagger UI (vendored, offline) at `DOCS`.
        .merge(SwaggerUi::new(api::DOCS).url(api::OPENAPI_JSON, openapi))
        .merge(assets::router())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serve the app on an already bound listener until `shutdown` completes. Tests bind
/// port 0; the allowed `Host` and `Origin` follow the port the listener actually got.
pub async fn serve(
    listener: TcpListener,
    store: Arc<dyn Store>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_at(listener, store, None, shutdown).await
}

/// `serve`, with where the data lives shown on the Settings page (`fanclub where`'s
/// answer: a file path, or a database URL without its password).
pub async fn serve_at(
    listener: TcpListener,
    store: Arc<dyn Store>,
    location: Option<String>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let port = listener.local_addr()?.port();
    tracing::info!(port, "serving fanclub on http://127.0.0.1:{port}/");
    let mut state = AppState::new(store, port);
    if let Some(location) = location {
        state = state.with_location(location);
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Bind `config.addr()` and serve: what `fanclub serve` needs in one call.
pub async fn run(
    config: &WebConfig,
    store: Arc<dyn Store>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = TcpListener::bind(config.addr()).await?;
    serve(listener, store, shutdown).await
}

//! The test harness: `spawn_app()` runs the real server on 127.0.0.1:0 over a fresh SQLite
//! store, and `TestApp` has a method per way of calling it.

use std::sync::Arc;

pub use fanclub_core::{InteractionFilter, Store};
pub use reqwest::header::HeaderValue;
pub use reqwest::{Method, StatusCode};
pub use serde_json::{Value, json};

use fanclub_core::{Day, Name, Person};
use fanclub_testkit::TestStore;
use reqwest::header::HeaderMap;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running app and its store.
pub struct TestApp {
    pub origin: String,
    client: reqwest::Client,
    pub store: TestStore,
    stop: Option<oneshot::Sender<()>>,
    server: JoinHandle<std::io::Result<()>>,
}

/// What came back, read whole.
pub struct Reply {
    pub status: StatusCode,
    headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    #[track_caller]
    pub fn assert_contains(&self, needle: &str) {
        assert!(
            self.body.contains(needle),
            "expected {needle:?} in the {} reply:\n{}",
            self.status,
            self.body
        );
    }
}

/// The app over a fresh SQLite store.
pub async fn spawn_app() -> TestApp {
    spawn_app_on(fanclub_testkit::sqlite_store().await).await
}

/// The app on each backend the run has: SQLite always, PostgreSQL when
/// `TEST_DATABASE_URL` is set. Each comes with its backend's name, for messages.
pub async fn every_app() -> Vec<(&'static str, TestApp)> {
    let mut apps = Vec::new();
    for (backend, store) in fanclub_testkit::every_backend().await {
        apps.push((backend, spawn_app_on(store).await));
    }
    apps
}

/// The app over the given store.
pub async fn spawn_app_on(store: TestStore) -> TestApp {
    let shared: Arc<dyn Store> = Arc::new((*store).clone());
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("local address").port();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(fanclub_web::serve(listener, shared, async {
        stopped.await.ok();
    }));
    let client = reqwest::Client::builder()
        // Redirects are part of what is tested.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        origin: format!("http://127.0.0.1:{port}"),
        client,
        store,
        stop: Some(stop),
        server,
    }
}

impl TestApp {
    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("request");
        Reply {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.client
            .request(method, format!("{}{path}", self.origin))
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(Method::GET, path)).await
    }

    /// A form posted from one of our own pages, with the headers Chromium sends: under
    /// our `Referrer-Policy: no-referrer` its `Origin` is `null`.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let request = self
            .request(Method::POST, path)
            .header("origin", "null")
            .header("sec-fetch-site", "same-origin")
            .form(form);
        self.send(request).await
    }

    pub async fn post_form_from(&self, origin: &str, path: &str, form: &[(&str, &str)]) -> Reply {
        let request = self
            .request(Method::POST, path)
            .header("origin", origin)
            .form(form);
        self.send(request).await
    }

    pub async fn load_sample(&self) -> Reply {
        self.post_form("/sample", &[]).await
    }

    pub async fn log_interaction(&self, form: &[(&str, &str)]) -> Reply {
        self.post_form("/interactions", form).await
    }

    /// A script's call: no browser headers at all.
    pub async fn api(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        let mut request = self.request(method, &format!("/api/v1{path}"));
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.send(request).await
    }

    /// A script's call with a raw body and the given content type.
    pub async fn api_raw(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> Reply {
        let request = self
            .request(method, &format!("/api/v1{path}"))
            .header("content-type", content_type)
            .body(body.to_owned());
        self.send(request).await
    }

    pub async fn add_person(&self, name: &str) -> fanclub_core::Record<Person> {
        let person = Person::new(Name::parse(name).expect("name"));
        self.store
            .create_person(&person, Day::today())
            .await
            .expect("create person")
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        self.server
            .await
            .expect("server task")
            .expect("server stopped cleanly");
    }
}

//! The JSON API: every concept's records (list, create, show, replace, delete), the
//! engine's answers, and one error shape. Each test runs on every backend of the run.
//! One module per concept; this one holds what they share: `Api`, which makes a call and
//! insists on its status, and `crud`, the whole life of one record kind.

mod engine;
mod errors;
mod people;
mod records;
mod reviews;
mod rooms;
mod settings;

use super::support::*;

/// The API of one backend's app, called as a script calls it. Each call names the status
/// it expects; any other fails the test with the backend, the call and the reply's body.
pub struct Api<'a> {
    app: &'a TestApp,
    backend: &'static str,
}

impl<'a> Api<'a> {
    pub fn new(app: &'a TestApp, backend: &'static str) -> Api<'a> {
        Api { app, backend }
    }

    /// `method /api/v1{path}` with `body` as JSON (or none), which must answer `status`:
    /// the reply, for its JSON and headers.
    pub async fn expect(
        &self,
        method: Method,
        path: &str,
        body: impl Into<Option<Value>>,
        status: StatusCode,
    ) -> Reply {
        let reply = self.app.api(method.clone(), path, body.into()).await;
        assert_eq!(
            reply.status, status,
            "{} {method} {path}: {}",
            self.backend, reply.body
        );
        reply
    }

    /// `GET /api/v1{path}`, which must answer 200 OK: its JSON.
    pub async fn get(&self, path: &str) -> Value {
        self.expect(Method::GET, path, None, StatusCode::OK)
            .await
            .json()
    }
}

pub fn today() -> String {
    fanclub_core::Day::today().to_string()
}

pub fn days_from_today(n: i64) -> String {
    fanclub_core::Day::today().plus_days(n).to_string()
}

/// Create a person through the API and return their id.
pub async fn person(api: &Api<'_>, body: Value) -> i64 {
    let created = api
        .expect(Method::POST, "/people", body, StatusCode::CREATED)
        .await;
    created.json()["id"].as_i64().expect("an id")
}

/// The full life of one record kind: create (201 with `Location`), show, list, replace,
/// delete (204), then 404 for both showing and deleting it again. Returns nothing: every
/// step is asserted here. `changed` is the field `update` sets to `to`.
pub async fn crud(api: &Api<'_>, seg: &str, create: Value, update: Value, changed: &str) {
    let backend = api.backend;
    let created = api
        .expect(
            Method::POST,
            &format!("/{seg}"),
            create.clone(),
            StatusCode::CREATED,
        )
        .await;
    let record = created.json();
    let id = record["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{seg}: no id in {record}"));
    assert_eq!(created.header("location"), format!("/api/v1/{seg}/{id}"));
    for (key, value) in create.as_object().expect("an object") {
        assert_eq!(&record[key], value, "{backend} {seg}: {key} kept as sent");
    }
    let path = format!("/{seg}/{id}");

    let shown = api.get(&path).await;
    assert_eq!(shown, record, "{backend} {seg}: shown as created");
    let listed = api.get(&format!("/{seg}")).await;
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|r| r["id"] == id)),
        "{backend} {seg}: {id} listed in {listed}"
    );

    let replaced = api
        .expect(Method::PUT, &path, update.clone(), StatusCode::OK)
        .await;
    assert_eq!(
        replaced.json()[changed],
        update[changed],
        "{backend} {seg}: replaced"
    );
    let shown = api.get(&path).await;
    assert_eq!(
        shown[changed], update[changed],
        "{backend} {seg}: the change was saved"
    );

    let missing = api
        .expect(
            Method::PUT,
            &format!("/{seg}/999999"),
            update,
            StatusCode::NOT_FOUND,
        )
        .await;
    assert_eq!(missing.json()["code"], "not_found");

    api.expect(Method::DELETE, &path, None, StatusCode::NO_CONTENT)
        .await;
    for method in [Method::GET, Method::DELETE] {
        let gone = api.expect(method, &path, None, StatusCode::NOT_FOUND).await;
        assert_eq!(gone.json()["code"], "not_found");
    }
}

/// Replace, then delete, a record created by other means.
pub async fn crud_update_and_delete(
    api: &Api<'_>,
    seg: &str,
    id: i64,
    update: Value,
    changed: &str,
) {
    let path = format!("/{seg}/{id}");
    api.expect(Method::PUT, &path, update.clone(), StatusCode::OK)
        .await;
    let shown = api.get(&path).await;
    assert_eq!(shown[changed], update[changed], "{} {seg}", api.backend);
    api.expect(Method::DELETE, &path, None, StatusCode::NO_CONTENT)
        .await;
    api.expect(Method::GET, &path, None, StatusCode::NOT_FOUND)
        .await;
}

//! The JSON API: people and interactions, the engine's answers, and one error shape.

use super::support::*;

#[tokio::test]
async fn the_api_creates_lists_and_shows_people_and_logs_interactions() {
    let app = spawn_app().await;
    let created = app
        .api(
            Method::POST,
            "/people",
            Some(json!({ "name": "Dana Kim", "organisation": "Harborlight", "influence": 5, "interest": 4, "stance": "supporter" })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.header("location"), "/api/v1/people/dana-kim");
    let body = created.json();
    assert_eq!(body["handle"], "dana-kim");
    assert_eq!(body["quadrant"], "manage-closely");

    let list = app.api(Method::GET, "/people?q=harbor", None).await.json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let shown = app.api(Method::GET, "/people/dana", None).await.json();
    assert_eq!(shown["name"], "Dana Kim");

    let logged = app
        .api(
            Method::POST,
            "/interactions",
            Some(json!({ "kind": "1:1", "with": ["dana-kim"], "summary": "Roadmap review", "on": "2026-03-02" })),
        )
        .await;
    assert_eq!(logged.status, StatusCode::CREATED, "{}", logged.body);
    assert_eq!(logged.json()["summary"], "Roadmap review");
    app.stop().await;
}

#[tokio::test]
async fn the_api_answers_the_engines_questions() {
    let app = spawn_app().await;
    app.load_sample().await;
    let rooms = app.api(Method::GET, "/rooms", None).await;
    assert_eq!(rooms.status, StatusCode::OK);
    let rooms = rooms.json();
    assert!(rooms.as_array().is_some_and(|r| r.len() == 2), "{rooms}");
    assert!(rooms[0]["coverage"].is_number());
    let due = app.api(Method::GET, "/due", None).await.json();
    assert!(due.as_array().is_some_and(|d| !d.is_empty()));
    let week = app.api(Method::GET, "/week", None).await.json();
    assert!(week["tend"].is_array(), "{week}");
    let bad_week = app.api(Method::GET, "/week?week=2026-W99", None).await;
    assert_eq!(bad_week.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad_week.json()["field"], "week");
    app.stop().await;
}

#[tokio::test]
async fn api_errors_have_one_shape() {
    let app = spawn_app().await;
    let invalid = app
        .api(
            Method::POST,
            "/people",
            Some(json!({ "name": "Dana", "influence": 9 })),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = invalid.json();
    assert_eq!(e["code"], "invalid");
    assert_eq!(e["field"], "influence");
    assert!(
        e["message"].as_str().unwrap().contains("from 1 to 5"),
        "{e}"
    );

    let missing = app.api(Method::GET, "/people/zoe", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let e = missing.json();
    assert_eq!(e["code"], "not_found");
    assert!(e["field"].is_null());

    app.api(Method::POST, "/people", Some(json!({ "name": "Dana Kim" })))
        .await;
    let taken = app
        .api(
            Method::POST,
            "/people",
            Some(json!({ "name": "Dana K", "handle": "dana-kim" })),
        )
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(taken.json()["code"], "conflict");

    let unknown = app
        .api(
            Method::POST,
            "/interactions",
            Some(json!({ "kind": "1:1", "with": ["zoe"], "summary": "x" })),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json()["code"], "not_found");

    let garbled = app
        .send(
            app.request(Method::POST, "/api/v1/people")
                .header("content-type", "application/json")
                .body("{not json"),
        )
        .await;
    assert!(garbled.status.is_client_error());
    assert_eq!(garbled.json()["code"], "invalid");

    let no_route = app.api(Method::GET, "/nothing", None).await;
    assert_eq!(no_route.status, StatusCode::NOT_FOUND);
    assert_eq!(no_route.json()["code"], "not_found");
    app.stop().await;
}

#[tokio::test]
async fn the_api_is_described_by_its_openapi_document() {
    let app = spawn_app().await;
    let reply = app.get("/api/v1/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let doc = reply.json();
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    for path in [
        "/people",
        "/people/{key}",
        "/interactions",
        "/rooms",
        "/due",
        "/week",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not described");
    }
    assert!(doc["paths"]["/people"]["post"].is_object());
    let schemas = &doc["components"]["schemas"];
    for schema in ["ApiError", "PersonDraft", "InteractionDraft"] {
        assert!(schemas[schema].is_object(), "{schema} is not described");
    }
    assert!(schemas["ApiError"]["properties"]["field"].is_object());
    assert!(schemas["ApiError"]["properties"].get("status").is_none());

    let ui = app.get("/api/docs/").await;
    assert_eq!(ui.status, StatusCode::OK);
    ui.assert_contains("swagger");
    app.stop().await;
}

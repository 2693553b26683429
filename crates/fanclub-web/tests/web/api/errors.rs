//! What the API refuses: every mistake answered in one error shape (code, field, message)
//! with the right status, and writes from another site forbidden.

use super::super::support::*;
use super::Api;

#[tokio::test]
async fn api_errors_have_one_shape() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let invalid = api
            .expect(
                Method::POST,
                "/people",
                json!({ "name": "Dana", "influence": 9 }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = invalid.json();
        assert_eq!(
            (e["code"].as_str(), e["field"].as_str()),
            (Some("invalid"), Some("influence"))
        );
        assert!(
            e["message"]
                .as_str()
                .is_some_and(|m| m.contains("from 1 to 5")),
            "{e}"
        );

        let missing_field = api
            .expect(
                Method::POST,
                "/goals",
                json!({ "period": "2026" }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(
            missing_field.json()["field"],
            "title",
            "{}",
            missing_field.body
        );
        let wrong_value = api
            .expect(
                Method::POST,
                "/goals",
                json!({ "title": "   " }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(wrong_value.json()["field"], "title", "{}", wrong_value.body);

        let missing = api
            .expect(Method::GET, "/people/zoe", None, StatusCode::NOT_FOUND)
            .await;
        let e = missing.json();
        assert_eq!(e["code"], "not_found");
        assert!(e["field"].is_null());
        api.expect(Method::GET, "/goals/424242", None, StatusCode::NOT_FOUND)
            .await;
        let not_an_id = api
            .expect(
                Method::GET,
                "/goals/first",
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(not_an_id.json()["field"], "id");

        api.expect(
            Method::POST,
            "/people",
            json!({ "name": "Dana Kim" }),
            StatusCode::CREATED,
        )
        .await;
        let taken = api
            .expect(
                Method::POST,
                "/people",
                json!({ "name": "Dana K", "handle": "dana-kim" }),
                StatusCode::CONFLICT,
            )
            .await;
        assert_eq!(taken.json()["code"], "conflict");
        api.expect(
            Method::POST,
            "/interactions",
            json!({ "kind": "1:1", "with": ["zoe"], "summary": "x" }),
            StatusCode::NOT_FOUND,
        )
        .await;

        // Bodies that are not JSON, or not only JSON, are refused before anything is read.
        let garbled = app
            .api_raw(Method::POST, "/people", "application/json", "{not json")
            .await;
        assert_eq!(garbled.status, StatusCode::BAD_REQUEST);
        assert_eq!(garbled.json()["code"], "malformed");
        let trailing = app
            .api_raw(
                Method::POST,
                "/goals",
                "application/json",
                r#"{"title":"A"} x"#,
            )
            .await;
        assert_eq!(
            trailing.status,
            StatusCode::BAD_REQUEST,
            "{}",
            trailing.body
        );
        let as_form = app
            .api_raw(
                Method::POST,
                "/goals",
                "application/x-www-form-urlencoded",
                "title=A",
            )
            .await;
        assert_eq!(as_form.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(as_form.json()["code"], "unsupported_media_type");
        let garbled_put = app
            .api_raw(Method::PUT, "/settings", "application/json", "[")
            .await;
        assert_eq!(garbled_put.status, StatusCode::BAD_REQUEST);

        let no_route = api
            .expect(Method::GET, "/nothing", None, StatusCode::NOT_FOUND)
            .await;
        assert_eq!(no_route.json()["code"], "not_found");
        assert_eq!(
            app.store.counts().await.expect("counts").goals,
            0,
            "{backend}: nothing written"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn another_site_cannot_write_through_the_api() {
    for (backend, app) in every_app().await {
        for (method, path, body) in [
            (Method::POST, "/api/v1/people", json!({ "name": "Mallory" })),
            (Method::POST, "/api/v1/goals", json!({ "title": "Pwned" })),
            (Method::PUT, "/api/v1/settings", json!({ "me": "Mallory" })),
        ] {
            let refused = app
                .send(
                    app.request(method.clone(), path)
                        .header("origin", "https://evil.example")
                        .json(&body),
                )
                .await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{backend} {method} {path}"
            );
        }
        let own = app
            .send(
                app.request(Method::POST, "/api/v1/goals")
                    .header("origin", app.origin.as_str())
                    .json(&json!({ "title": "Mine" })),
            )
            .await;
        assert_eq!(own.status, StatusCode::CREATED, "{backend}: {}", own.body);
        let counts = app.store.counts().await.expect("counts");
        assert_eq!((counts.people, counts.goals), (0, 1), "{backend}");
        assert!(
            app.store
                .get_settings()
                .await
                .expect("settings")
                .me
                .is_none()
        );
        app.stop().await;
    }
}

//! The settings and the career framework through the API: each read and replaced whole,
//! a bad value refused with its field named.

use super::super::support::*;
use super::Api;

#[tokio::test]
async fn settings_and_the_framework_are_read_and_replaced_whole() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let defaults = api.get("/settings").await;
        assert_eq!(defaults["momentum_window_days"], 90);
        api.expect(
            Method::PUT,
            "/settings",
            json!({ "me": "Sam", "momentum_window_days": 60 }),
            StatusCode::OK,
        )
        .await;
        let settings = api.get("/settings").await;
        assert_eq!(
            (
                settings["me"].clone(),
                settings["momentum_window_days"].clone()
            ),
            (json!("Sam"), json!(60))
        );
        assert_eq!(
            settings["cadence"], defaults["cadence"],
            "{backend}: left out means default"
        );
        let bad = api
            .expect(
                Method::PUT,
                "/settings",
                json!({ "cadence": { "manage_closely": 0, "keep_satisfied": 30, "keep_informed": 30, "monitor": 90 } }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad.json()["field"], "cadence.manage_closely");
        for days in [0, 6, 731] {
            let refused = api
                .expect(
                    Method::PUT,
                    "/settings",
                    json!({ "me": "Sam", "momentum_window_days": days }),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            assert_eq!(refused.json()["field"], "momentum_window_days", "{days}");
            assert!(
                refused.body.contains("from 7 to 730"),
                "{backend}: {}",
                refused.body
            );
        }
        assert_eq!(
            api.get("/settings").await["momentum_window_days"],
            60,
            "{backend}: a refused window leaves the saved one"
        );

        let mut framework = api.get("/framework").await;
        assert!(
            framework["tracks"]
                .as_array()
                .is_some_and(|t| !t.is_empty())
        );
        framework["name"] = json!("Our ladder");
        api.expect(Method::PUT, "/framework", framework.clone(), StatusCode::OK)
            .await;
        assert_eq!(api.get("/framework").await["name"], "Our ladder");
        framework["tracks"][0]["levels"] = json!([]);
        let broken = api
            .expect(
                Method::PUT,
                "/framework",
                framework,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(
            broken.json()["field"]
                .as_str()
                .is_some_and(|f| f.ends_with(".levels")),
            "{}",
            broken.body
        );
        app.stop().await;
    }
}

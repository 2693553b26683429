//! Weekly reviews through the API, kept by ISO week: created by the first replace, the
//! agenda of that first save kept, then replaced and deleted.

use super::super::support::*;
use super::Api;

#[tokio::test]
async fn weekly_reviews_are_kept_by_iso_week() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        app.load_sample().await;
        let week = fanclub_core::Day::today().iso_week().to_string();
        let path = format!("/reviews/{week}");
        api.expect(Method::GET, &path, None, StatusCode::NOT_FOUND)
            .await;
        let first = api
            .expect(
                Method::PUT,
                &path,
                json!({ "wins": "Shipped onboarding", "next_week": ["Ask Dana for feedback"] }),
                StatusCode::CREATED,
            )
            .await;
        assert_eq!(first.header("location"), format!("/api/v1{path}"));
        let saved = first.json();
        assert_eq!(saved["week"], week);
        assert!(
            saved["agenda"]["tend"].is_array(),
            "{backend}: the agenda is kept: {saved}"
        );
        api.expect(
            Method::PUT,
            &path,
            json!({ "learned": "Ask earlier", "next_week": [] }),
            StatusCode::OK,
        )
        .await;
        let shown = api.get(&path).await;
        assert_eq!(shown["learned"], "Ask earlier");
        assert!(shown["wins"].is_null());
        assert_eq!(
            shown["agenda"], saved["agenda"],
            "{backend}: the first agenda stays"
        );
        let all = api.get("/reviews").await;
        assert!(
            all.as_array()
                .is_some_and(|r| r.iter().any(|r| r["week"] == week))
        );
        let blank = api
            .expect(
                Method::PUT,
                &path,
                json!({ "next_week": ["  "] }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(blank.json()["field"], "next_week[0]");
        let bad = api
            .expect(
                Method::GET,
                "/reviews/2026-W99",
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad.json()["field"], "week");
        api.expect(Method::DELETE, &path, None, StatusCode::NO_CONTENT)
            .await;
        api.expect(Method::DELETE, &path, None, StatusCode::NOT_FOUND)
            .await;
        app.stop().await;
    }
}

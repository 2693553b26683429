//! The engine's answers through the API, on the sample workspace: rooms, who is due, the
//! week, visibility, readiness, trust, momentum, intro paths, the outreach check and
//! search; a bad parameter is refused with its name.

use super::super::support::*;
use super::Api;

#[tokio::test]
async fn the_api_answers_the_engines_questions() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        app.load_sample().await;
        let rooms = api.get("/rooms").await;
        assert!(
            rooms.as_array().is_some_and(|r| r.len() == 2),
            "{backend}: {rooms}"
        );
        assert!(rooms[0]["coverage"].is_number());
        let due = api.get("/due").await;
        assert!(due.as_array().is_some_and(|d| !d.is_empty()), "{backend}");
        let week = api.get("/week").await;
        assert!(week["tend"].is_array(), "{week}");
        let visibility = api.get("/visibility").await;
        assert!(
            visibility["wins_total"].as_u64().is_some_and(|n| n > 0),
            "{visibility}"
        );
        let readiness = api.get("/readiness").await;
        assert!(
            readiness["tracks"]
                .as_array()
                .is_some_and(|t| !t.is_empty())
        );
        let trust = api.get("/trust").await;
        assert!(
            trust["relationships"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "{trust}"
        );
        let momentum = api.get("/momentum?window=30").await;
        assert_eq!(momentum["window_days"], 30);
        assert_eq!(momentum["months"].as_array().map(Vec::len), Some(12));

        // The first person due is someone we can look for a path to.
        let handle = due[0]["person"]["handle"]
            .as_str()
            .expect("a handle")
            .to_owned();
        let paths = api.get(&format!("/people/{handle}/paths?k=2")).await;
        assert_eq!(paths["person"]["handle"], handle.as_str());
        assert!(
            paths["paths"].as_array().is_some_and(|p| p.len() <= 2),
            "{paths}"
        );
        let too_many = api
            .expect(
                Method::GET,
                &format!("/people/{handle}/paths?k=99"),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(too_many.json()["field"], "k");
        for window in ["0", "6", "731", "soon"] {
            let no_window = api
                .expect(
                    Method::GET,
                    &format!("/momentum?window={window}"),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            assert_eq!(no_window.json()["field"], "window", "{window}");
        }
        assert_eq!(api.get("/momentum?window=7").await["window_days"], 7);
        assert_eq!(api.get("/momentum?window=30d").await["window_days"], 30);

        let report = api
            .expect(
                Method::POST,
                "/outreach/check",
                json!({ "text": "Hi, can you get me a job?" }),
                StatusCode::OK,
            )
            .await
            .json();
        assert_ne!(report["verdict"], "ready", "{report}");
        assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let rules = api.get("/outreach/rules").await;
        assert!(rules.as_array().is_some_and(|r| !r.is_empty()));

        // Search finds the person due by their name, as plain text.
        let name = due[0]["person"]["name"]
            .as_str()
            .expect("a name")
            .to_owned();
        let first = name.split_whitespace().next().expect("a first name");
        let hits = api.get(&format!("/search?q={first}")).await;
        let found = hits.as_array().expect("a list of hits");
        assert!(
            found
                .iter()
                .any(|h| h["kind"] == "person" && h["person"] == handle.as_str()),
            "{backend}: {hits}"
        );
        assert!(
            !hits.to_string().contains(['\u{E000}', '\u{E001}']),
            "match marks leaked: {hits}"
        );
        let bad_limit = api
            .expect(
                Method::GET,
                "/search?q=x&limit=0",
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad_limit.json()["field"], "limit");

        let bad_week = api
            .expect(
                Method::GET,
                "/week?week=2026-W99",
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad_week.json()["field"], "week");
        app.stop().await;
    }
}

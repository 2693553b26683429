//! The records of progress through the API: goals, wins, evidence, opportunities and
//! perception checks, each with its whole life, and sharing a win.

use super::super::support::*;
use super::{Api, crud, days_from_today, person, today};

#[tokio::test]
async fn goals_wins_evidence_opportunities_and_perceptions_have_their_whole_life() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let dana = person(&api, json!({ "name": "Dana Kim" })).await;
        let on = today();
        crud(
            &api,
            "goals",
            json!({ "title": "Grow activation", "period": "2026", "description": null }),
            json!({ "title": "Grow activation to 40%", "period": "2026", "description": null }),
            "title",
        )
        .await;
        crud(
            &api,
            "wins",
            json!({ "on": on, "title": "Self-serve onboarding", "kind": "release", "description": "Shipped", "impact": { "metric": "activation", "before": "20%", "after": "31%" }, "tracks": ["strategy"] }),
            json!({ "on": on, "title": "Self-serve onboarding", "kind": "metric", "tracks": [] }),
            "kind",
        )
        .await;
        crud(
            &api,
            "evidence",
            json!({ "on": on, "track": "strategy", "strength": "claimed", "source": "other", "summary": "Wrote the bet", "quote": null, "person": null, "win": null, "interaction": null }),
            json!({ "on": on, "track": "strategy", "strength": "witnessed", "source": "other", "summary": "Wrote the bet", "person": dana }),
            "strength",
        )
        .await;
        crud(
            &api,
            "opportunities",
            json!({ "title": "Lead pricing", "kind": "project", "on": on, "sponsor": dana, "status": "offered", "tracks": ["strategy"], "notes": null }),
            json!({ "title": "Lead pricing", "kind": "project", "on": on, "sponsor": dana, "status": "accepted" }),
            "status",
        )
        .await;
        crud(
            &api,
            "perceptions",
            json!({ "person": dana, "on": on, "description": "Ships fast", "gap": "Sees no strategy", "remedy": null, "status": "open" }),
            json!({ "person": dana, "on": on, "description": "Ships fast", "gap": "Sees no strategy", "status": "resolved" }),
            "status",
        )
        .await;

        // Evidence that breaks a rule of the core names the field.
        let unwitnessed = api
            .expect(
                Method::POST,
                "/evidence",
                json!({ "on": on, "track": "strategy", "strength": "witnessed", "source": "other", "summary": "Demo" }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(unwitnessed.json()["field"], "person");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_win_is_shared_once_per_person_and_day() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let dana = person(&api, json!({ "name": "Dana Kim" })).await;
        let win = api
            .expect(
                Method::POST,
                "/wins",
                json!({ "on": days_from_today(-3), "title": "Churn down", "kind": "metric" }),
                StatusCode::CREATED,
            )
            .await
            .json();
        let id = win["id"].as_i64().expect("id");
        let shares = format!("/wins/{id}/shares");
        let share = json!({ "person": dana, "on": today(), "channel": "1:1" });
        let shared = api
            .expect(Method::POST, &shares, share.clone(), StatusCode::CREATED)
            .await;
        assert_eq!(shared.json()["shares"], json!([share]));
        api.expect(Method::POST, &shares, share, StatusCode::CONFLICT)
            .await;
        let early = api
            .expect(
                Method::POST,
                &shares,
                json!({ "person": dana, "on": days_from_today(-10), "channel": "email" }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(early.json()["field"], "date");
        api.expect(
            Method::POST,
            "/wins/999999/shares",
            json!({ "person": dana, "on": today(), "channel": "email" }),
            StatusCode::NOT_FOUND,
        )
        .await;
        app.stop().await;
    }
}

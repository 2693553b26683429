//! Decisions through the API: their whole life, seating people in their room one by one,
//! and the coverage of the room.

use super::super::support::*;
use super::{Api, crud, days_from_today, person};

#[tokio::test]
async fn decisions_have_seats_and_coverage() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let dana = person(
            &api,
            json!({ "name": "Dana Kim", "influence": 5, "stance": "sponsor" }),
        )
        .await;
        let lee = person(
            &api,
            json!({ "name": "Lee Park", "influence": 4, "stance": "detractor" }),
        )
        .await;
        let on = days_from_today(30);
        crud(
            &api,
            "decisions",
            json!({ "title": "Promotion to group PM", "kind": "promotion", "on": on, "notes": null, "room": [{ "person": dana, "role": "decider" }] }),
            json!({ "title": "Promotion to group PM", "kind": "promotion", "on": on, "room": [] }),
            "room",
        )
        .await;

        let decision = api
            .expect(
                Method::POST,
                "/decisions",
                json!({ "title": "Bonus", "kind": "bonus", "on": on }),
                StatusCode::CREATED,
            )
            .await
            .json();
        let id = decision["id"].as_i64().expect("id");
        api.expect(
            Method::PUT,
            &format!("/decisions/{id}/room/dana-kim"),
            json!({ "role": "decider" }),
            StatusCode::OK,
        )
        .await;
        api.expect(
            Method::PUT,
            &format!("/decisions/{id}/room/{lee}"),
            json!({ "role": "voice" }),
            StatusCode::OK,
        )
        .await;
        let recast = api
            .expect(
                Method::PUT,
                &format!("/decisions/{id}/room/lee-park"),
                json!({ "role": "decider" }),
                StatusCode::OK,
            )
            .await
            .json();
        assert_eq!(
            recast["room"],
            json!([{ "person": dana, "role": "decider" }, { "person": lee, "role": "decider" }]),
            "{backend}"
        );
        let bad_role = api
            .expect(
                Method::PUT,
                &format!("/decisions/{id}/room/lee-park"),
                json!({ "role": "judge" }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad_role.json()["field"], "role");

        let coverage = api.get(&format!("/decisions/{id}/coverage")).await;
        assert_eq!(coverage["decision"], id);
        assert_eq!(
            coverage["risks"][0]["person"]["handle"], "lee-park",
            "{backend}: {coverage}"
        );
        let rooms = api.get("/rooms").await;
        assert_eq!(
            rooms.as_array().map(Vec::len),
            Some(1),
            "{backend}: {rooms}"
        );

        let seat = format!("/decisions/{id}/room/lee-park");
        let unseated = api
            .expect(Method::DELETE, &seat, None, StatusCode::OK)
            .await;
        assert_eq!(
            unseated.json()["room"],
            json!([{ "person": dana, "role": "decider" }])
        );
        api.expect(Method::DELETE, &seat, None, StatusCode::NOT_FOUND)
            .await;
        let nested = api
            .expect(
                Method::POST,
                "/decisions",
                json!({ "title": "Staffing", "kind": "project-staffing", "on": on, "room": [{ "person": dana, "role": "boss" }] }),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(
            nested.json()["field"],
            "room[0].role",
            "{backend}: {}",
            nested.body
        );
        app.stop().await;
    }
}

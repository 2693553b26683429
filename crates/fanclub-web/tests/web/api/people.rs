//! People through the API (create, list with filters, show by any key, replace, delete,
//! their stance history and trust), and the interactions and connections between them.

use super::super::support::*;
use super::{Api, crud, crud_update_and_delete, person, today};

#[tokio::test]
async fn people_are_created_listed_shown_replaced_and_deleted() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let created = api
            .expect(
                Method::POST,
                "/people",
                json!({ "name": "Dana Kim", "organisation": "Harborlight", "influence": 5, "interest": 4, "stance": "aware" }),
                StatusCode::CREATED,
            )
            .await;
        assert_eq!(created.header("location"), "/api/v1/people/dana-kim");
        let dana = created.json();
        assert_eq!(dana["handle"], "dana-kim");
        assert_eq!(dana["quadrant"], "manage-closely");
        person(&api, json!({ "name": "Lee Park", "circle": "team" })).await;

        let list = api.get("/people?q=harbor").await;
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{backend}: {list}");
        let team = api.get("/people?circle=team").await;
        assert_eq!(team[0]["name"], "Lee Park", "{backend}: {team}");
        for key in ["dana", "dana-kim", &dana["id"].to_string()] {
            let shown = api.get(&format!("/people/{key}")).await;
            assert_eq!(shown["name"], "Dana Kim", "{backend}: {key}");
        }

        // Replace: what GET returned, changed. A new stance joins the history.
        let mut changed = dana.clone();
        changed["stance"] = json!("supporter");
        changed["trust"] =
            json!({ "credibility": 6, "reliability": 7, "intimacy": 3, "self_orientation": 4 });
        let replaced = api
            .expect(Method::PUT, "/people/dana-kim", changed, StatusCode::OK)
            .await;
        assert_eq!(replaced.json()["stance"], "supporter");
        let history = api.get("/people/dana-kim/stance-history").await;
        let stances: Vec<_> = history
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| (c["from"].clone(), c["to"].clone()))
            .collect();
        assert_eq!(
            stances,
            [
                (Value::Null, json!("aware")),
                (json!("aware"), json!("supporter"))
            ],
            "{backend}"
        );
        let trust = api.get("/people/dana/trust").await;
        assert_eq!(trust["person"]["handle"], "dana-kim");
        assert_eq!(trust["trust"]["weakest"], "intimacy", "{backend}: {trust}");
        let unrated = api.get("/people/lee-park/trust").await;
        assert!(unrated["trust"].is_null(), "{backend}: {unrated}");

        let deleted = api
            .expect(Method::DELETE, "/people/dana-kim", None, StatusCode::OK)
            .await;
        assert_eq!(deleted.json()["stance_changes_removed"], 2);
        api.expect(Method::GET, "/people/dana-kim", None, StatusCode::NOT_FOUND)
            .await;
        app.stop().await;
    }
}

#[tokio::test]
async fn interactions_and_connections_have_their_whole_life_in_the_api() {
    for (backend, app) in every_app().await {
        let api = Api::new(&app, backend);
        let dana = person(&api, json!({ "name": "Dana Kim" })).await;
        let lee = person(&api, json!({ "name": "Lee Park" })).await;

        let logged = api
            .expect(
                Method::POST,
                "/interactions",
                json!({ "kind": "1:1", "with": ["dana-kim"], "summary": "Roadmap review", "on": today(), "follow_up": "Send the deck" }),
                StatusCode::CREATED,
            )
            .await;
        let interaction = logged.json();
        assert_eq!(interaction["people"], json!([dana]));
        let id = interaction["id"].as_i64().expect("id");
        assert_eq!(
            logged.header("location"),
            format!("/api/v1/interactions/{id}")
        );
        let open = api
            .get("/interactions?person=dana-kim&open_follow_ups=true")
            .await;
        assert_eq!(open.as_array().map(Vec::len), Some(1), "{backend}: {open}");
        let none = api.get("/interactions?person=lee-park").await;
        assert_eq!(none, json!([]));
        let bad_since = api
            .expect(
                Method::GET,
                "/interactions?since=yesterday",
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert_eq!(bad_since.json()["field"], "since");

        let mut done = interaction.clone();
        done["follow_up_done"] = json!(true);
        done["people"] = json!([dana, lee]);
        crud_update_and_delete(&api, "interactions", id, done, "follow_up_done").await;

        crud(
            &api,
            "connections",
            json!({ "a": dana, "b": lee, "strength": 2, "note": "Same squad" }),
            json!({ "a": dana, "b": lee, "strength": 4, "note": null }),
            "strength",
        )
        .await;
        api.expect(
            Method::POST,
            "/connections",
            json!({ "a": dana, "b": dana, "strength": 2, "note": null }),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        app.stop().await;
    }
}

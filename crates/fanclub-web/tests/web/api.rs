//! The JSON API: every concept's records (list, create, show, replace, delete), the
//! engine's answers, and one error shape. Each test runs on every backend of the run.

use super::support::*;

fn today() -> String {
    fanclub_core::Day::today().to_string()
}

fn days_from_today(n: i64) -> String {
    fanclub_core::Day::today().plus_days(n).to_string()
}

/// Create a person through the API and return their id.
async fn person(app: &TestApp, body: Value) -> i64 {
    let created = app.api(Method::POST, "/people", Some(body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.json()["id"].as_i64().expect("an id")
}

/// The full life of one record kind: create (201 with `Location`), show, list, replace,
/// delete (204), then 404 for both showing and deleting it again. Returns nothing: every
/// step is asserted here. `changed` is the field `update` sets to `to`.
async fn crud(
    app: &TestApp,
    backend: &str,
    seg: &str,
    create: Value,
    update: Value,
    changed: &str,
) {
    let created = app
        .api(Method::POST, &format!("/{seg}"), Some(create.clone()))
        .await;
    assert_eq!(
        created.status,
        StatusCode::CREATED,
        "{backend} {seg}: {}",
        created.body
    );
    let record = created.json();
    let id = record["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("{seg}: no id in {record}"));
    assert_eq!(created.header("location"), format!("/api/v1/{seg}/{id}"));
    for (key, value) in create.as_object().expect("an object") {
        assert_eq!(&record[key], value, "{backend} {seg}: {key} kept as sent");
    }

    let shown = app.api(Method::GET, &format!("/{seg}/{id}"), None).await;
    assert_eq!(
        shown.status,
        StatusCode::OK,
        "{backend} {seg}: {}",
        shown.body
    );
    assert_eq!(shown.json(), record, "{backend} {seg}: shown as created");
    let listed = app.api(Method::GET, &format!("/{seg}"), None).await.json();
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|r| r["id"] == id)),
        "{backend} {seg}: {id} listed in {listed}"
    );

    let replaced = app
        .api(Method::PUT, &format!("/{seg}/{id}"), Some(update.clone()))
        .await;
    assert_eq!(
        replaced.status,
        StatusCode::OK,
        "{backend} {seg}: {}",
        replaced.body
    );
    assert_eq!(
        replaced.json()[changed],
        update[changed],
        "{backend} {seg}: replaced"
    );
    let shown = app
        .api(Method::GET, &format!("/{seg}/{id}"), None)
        .await
        .json();
    assert_eq!(
        shown[changed], update[changed],
        "{backend} {seg}: the change was saved"
    );

    let missing = app
        .api(Method::PUT, &format!("/{seg}/999999"), Some(update))
        .await;
    assert_eq!(
        missing.status,
        StatusCode::NOT_FOUND,
        "{backend} {seg}: {}",
        missing.body
    );
    assert_eq!(missing.json()["code"], "not_found");

    let deleted = app.api(Method::DELETE, &format!("/{seg}/{id}"), None).await;
    assert_eq!(
        deleted.status,
        StatusCode::NO_CONTENT,
        "{backend} {seg}: {}",
        deleted.body
    );
    for method in [Method::GET, Method::DELETE] {
        let gone = app.api(method.clone(), &format!("/{seg}/{id}"), None).await;
        assert_eq!(
            gone.status,
            StatusCode::NOT_FOUND,
            "{backend} {method} {seg}: {}",
            gone.body
        );
        assert_eq!(gone.json()["code"], "not_found");
    }
}

#[tokio::test]
async fn people_are_created_listed_shown_replaced_and_deleted() {
    for (backend, app) in every_app().await {
        let created = app
            .api(
                Method::POST,
                "/people",
                Some(json!({ "name": "Dana Kim", "organisation": "Harborlight", "influence": 5, "interest": 4, "stance": "aware" })),
            )
            .await;
        assert_eq!(
            created.status,
            StatusCode::CREATED,
            "{backend}: {}",
            created.body
        );
        assert_eq!(created.header("location"), "/api/v1/people/dana-kim");
        let dana = created.json();
        assert_eq!(dana["handle"], "dana-kim");
        assert_eq!(dana["quadrant"], "manage-closely");
        person(&app, json!({ "name": "Lee Park", "circle": "team" })).await;

        let list = app.api(Method::GET, "/people?q=harbor", None).await.json();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{backend}: {list}");
        let team = app
            .api(Method::GET, "/people?circle=team", None)
            .await
            .json();
        assert_eq!(team[0]["name"], "Lee Park", "{backend}: {team}");
        for key in ["dana", "dana-kim", &dana["id"].to_string()] {
            let shown = app.api(Method::GET, &format!("/people/{key}"), None).await;
            assert_eq!(shown.json()["name"], "Dana Kim", "{backend}: {key}");
        }

        // Replace: what GET returned, changed. A new stance joins the history.
        let mut changed = dana.clone();
        changed["stance"] = json!("supporter");
        changed["trust"] =
            json!({ "credibility": 6, "reliability": 7, "intimacy": 3, "self_orientation": 4 });
        let replaced = app
            .api(Method::PUT, "/people/dana-kim", Some(changed))
            .await;
        assert_eq!(
            replaced.status,
            StatusCode::OK,
            "{backend}: {}",
            replaced.body
        );
        assert_eq!(replaced.json()["stance"], "supporter");
        let history = app
            .api(Method::GET, "/people/dana-kim/stance-history", None)
            .await
            .json();
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
        let trust = app
            .api(Method::GET, "/people/dana/trust", None)
            .await
            .json();
        assert_eq!(trust["person"]["handle"], "dana-kim");
        assert_eq!(trust["trust"]["weakest"], "intimacy", "{backend}: {trust}");
        let unrated = app
            .api(Method::GET, "/people/lee-park/trust", None)
            .await
            .json();
        assert!(unrated["trust"].is_null(), "{backend}: {unrated}");

        let deleted = app.api(Method::DELETE, "/people/dana-kim", None).await;
        assert_eq!(
            deleted.status,
            StatusCode::OK,
            "{backend}: {}",
            deleted.body
        );
        assert_eq!(deleted.json()["stance_changes_removed"], 2);
        let gone = app.api(Method::GET, "/people/dana-kim", None).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        app.stop().await;
    }
}

#[tokio::test]
async fn interactions_and_connections_have_their_whole_life_in_the_api() {
    for (backend, app) in every_app().await {
        let dana = person(&app, json!({ "name": "Dana Kim" })).await;
        let lee = person(&app, json!({ "name": "Lee Park" })).await;

        let logged = app
            .api(
                Method::POST,
                "/interactions",
                Some(json!({ "kind": "1:1", "with": ["dana-kim"], "summary": "Roadmap review", "on": today(), "follow_up": "Send the deck" })),
            )
            .await;
        assert_eq!(
            logged.status,
            StatusCode::CREATED,
            "{backend}: {}",
            logged.body
        );
        let interaction = logged.json();
        assert_eq!(interaction["people"], json!([dana]));
        let id = interaction["id"].as_i64().expect("id");
        assert_eq!(
            logged.header("location"),
            format!("/api/v1/interactions/{id}")
        );
        let open = app
            .api(
                Method::GET,
                "/interactions?person=dana-kim&open_follow_ups=true",
                None,
            )
            .await
            .json();
        assert_eq!(open.as_array().map(Vec::len), Some(1), "{backend}: {open}");
        let none = app
            .api(Method::GET, "/interactions?person=lee-park", None)
            .await
            .json();
        assert_eq!(none, json!([]));
        let bad_since = app
            .api(Method::GET, "/interactions?since=yesterday", None)
            .await;
        assert_eq!(bad_since.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad_since.json()["field"], "since");

        let mut done = interaction.clone();
        done["follow_up_done"] = json!(true);
        done["people"] = json!([dana, lee]);
        crud_update_and_delete(&app, backend, "interactions", id, done, "follow_up_done").await;

        crud(
            &app,
            backend,
            "connections",
            json!({ "a": dana, "b": lee, "strength": 2, "note": "Same squad" }),
            json!({ "a": dana, "b": lee, "strength": 4, "note": null }),
            "strength",
        )
        .await;
        let to_self = app
            .api(
                Method::POST,
                "/connections",
                Some(json!({ "a": dana, "b": dana, "strength": 2, "note": null })),
            )
            .await;
        assert_eq!(
            to_self.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}: {}",
            to_self.body
        );
        app.stop().await;
    }
}

/// Replace, then delete, a record created by other means.
async fn crud_update_and_delete(
    app: &TestApp,
    backend: &str,
    seg: &str,
    id: i64,
    update: Value,
    changed: &str,
) {
    let replaced = app
        .api(Method::PUT, &format!("/{seg}/{id}"), Some(update.clone()))
        .await;
    assert_eq!(
        replaced.status,
        StatusCode::OK,
        "{backend} {seg}: {}",
        replaced.body
    );
    let shown = app
        .api(Method::GET, &format!("/{seg}/{id}"), None)
        .await
        .json();
    assert_eq!(shown[changed], update[changed], "{backend} {seg}");
    let deleted = app.api(Method::DELETE, &format!("/{seg}/{id}"), None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{backend} {seg}");
    let gone = app.api(Method::GET, &format!("/{seg}/{id}"), None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND, "{backend} {seg}");
}

#[tokio::test]
async fn goals_wins_evidence_opportunities_and_perceptions_have_their_whole_life() {
    for (backend, app) in every_app().await {
        let dana = person(&app, json!({ "name": "Dana Kim" })).await;
        let on = today();
        crud(
            &app,
            backend,
            "goals",
            json!({ "title": "Grow activation", "period": "2026", "description": null }),
            json!({ "title": "Grow activation to 40%", "period": "2026", "description": null }),
            "title",
        )
        .await;
        crud(
            &app,
            backend,
            "wins",
            json!({ "on": on, "title": "Self-serve onboarding", "kind": "release", "description": "Shipped", "impact": { "metric": "activation", "before": "20%", "after": "31%" }, "tracks": ["strategy"] }),
            json!({ "on": on, "title": "Self-serve onboarding", "kind": "metric", "tracks": [] }),
            "kind",
        )
        .await;
        crud(
            &app,
            backend,
            "evidence",
            json!({ "on": on, "track": "strategy", "strength": "claimed", "source": "other", "summary": "Wrote the bet", "quote": null, "person": null, "win": null, "interaction": null }),
            json!({ "on": on, "track": "strategy", "strength": "witnessed", "source": "other", "summary": "Wrote the bet", "person": dana }),
            "strength",
        )
        .await;
        crud(
            &app,
            backend,
            "opportunities",
            json!({ "title": "Lead pricing", "kind": "project", "on": on, "sponsor": dana, "status": "offered", "tracks": ["strategy"], "notes": null }),
            json!({ "title": "Lead pricing", "kind": "project", "on": on, "sponsor": dana, "status": "accepted" }),
            "status",
        )
        .await;
        crud(
            &app,
            backend,
            "perceptions",
            json!({ "person": dana, "on": on, "description": "Ships fast", "gap": "Sees no strategy", "remedy": null, "status": "open" }),
            json!({ "person": dana, "on": on, "description": "Ships fast", "gap": "Sees no strategy", "status": "resolved" }),
            "status",
        )
        .await;

        // Evidence that breaks a rule of the core names the field.
        let unwitnessed = app
            .api(
                Method::POST,
                "/evidence",
                Some(json!({ "on": on, "track": "strategy", "strength": "witnessed", "source": "other", "summary": "Demo" })),
            )
            .await;
        assert_eq!(
            unwitnessed.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        assert_eq!(unwitnessed.json()["field"], "person");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_win_is_shared_once_per_person_and_day() {
    for (backend, app) in every_app().await {
        let dana = person(&app, json!({ "name": "Dana Kim" })).await;
        let win = app
            .api(
                Method::POST,
                "/wins",
                Some(json!({ "on": days_from_today(-3), "title": "Churn down", "kind": "metric" })),
            )
            .await
            .json();
        let id = win["id"].as_i64().expect("id");
        let share = json!({ "person": dana, "on": today(), "channel": "1:1" });
        let shared = app
            .api(
                Method::POST,
                &format!("/wins/{id}/shares"),
                Some(share.clone()),
            )
            .await;
        assert_eq!(
            shared.status,
            StatusCode::CREATED,
            "{backend}: {}",
            shared.body
        );
        assert_eq!(shared.json()["shares"], json!([share]));
        let again = app
            .api(Method::POST, &format!("/wins/{id}/shares"), Some(share))
            .await;
        assert_eq!(
            again.status,
            StatusCode::CONFLICT,
            "{backend}: {}",
            again.body
        );
        let early = app
            .api(
                Method::POST,
                &format!("/wins/{id}/shares"),
                Some(json!({ "person": dana, "on": days_from_today(-10), "channel": "email" })),
            )
            .await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY, "{backend}");
        assert_eq!(early.json()["field"], "date");
        let nowhere = app
            .api(
                Method::POST,
                "/wins/999999/shares",
                Some(json!({ "person": dana, "on": today(), "channel": "email" })),
            )
            .await;
        assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
        app.stop().await;
    }
}

#[tokio::test]
async fn decisions_have_seats_and_coverage() {
    for (backend, app) in every_app().await {
        let dana = person(
            &app,
            json!({ "name": "Dana Kim", "influence": 5, "stance": "sponsor" }),
        )
        .await;
        let lee = person(
            &app,
            json!({ "name": "Lee Park", "influence": 4, "stance": "detractor" }),
        )
        .await;
        let on = days_from_today(30);
        crud(
            &app,
            backend,
            "decisions",
            json!({ "title": "Promotion to group PM", "kind": "promotion", "on": on, "notes": null, "room": [{ "person": dana, "role": "decider" }] }),
            json!({ "title": "Promotion to group PM", "kind": "promotion", "on": on, "room": [] }),
            "room",
        )
        .await;

        let decision = app
            .api(
                Method::POST,
                "/decisions",
                Some(json!({ "title": "Bonus", "kind": "bonus", "on": on })),
            )
            .await
            .json();
        let id = decision["id"].as_i64().expect("id");
        let seated = app
            .api(
                Method::PUT,
                &format!("/decisions/{id}/room/dana-kim"),
                Some(json!({ "role": "decider" })),
            )
            .await;
        assert_eq!(seated.status, StatusCode::OK, "{backend}: {}", seated.body);
        app.api(
            Method::PUT,
            &format!("/decisions/{id}/room/{lee}"),
            Some(json!({ "role": "voice" })),
        )
        .await;
        let recast = app
            .api(
                Method::PUT,
                &format!("/decisions/{id}/room/lee-park"),
                Some(json!({ "role": "decider" })),
            )
            .await
            .json();
        assert_eq!(
            recast["room"],
            json!([{ "person": dana, "role": "decider" }, { "person": lee, "role": "decider" }]),
            "{backend}"
        );
        let bad_role = app
            .api(
                Method::PUT,
                &format!("/decisions/{id}/room/lee-park"),
                Some(json!({ "role": "judge" })),
            )
            .await;
        assert_eq!(bad_role.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad_role.json()["field"], "role");

        let coverage = app
            .api(Method::GET, &format!("/decisions/{id}/coverage"), None)
            .await
            .json();
        assert_eq!(coverage["decision"], id);
        assert_eq!(
            coverage["risks"][0]["person"]["handle"], "lee-park",
            "{backend}: {coverage}"
        );
        let rooms = app.api(Method::GET, "/rooms", None).await.json();
        assert_eq!(
            rooms.as_array().map(Vec::len),
            Some(1),
            "{backend}: {rooms}"
        );

        let unseated = app
            .api(
                Method::DELETE,
                &format!("/decisions/{id}/room/lee-park"),
                None,
            )
            .await;
        assert_eq!(unseated.status, StatusCode::OK);
        assert_eq!(
            unseated.json()["room"],
            json!([{ "person": dana, "role": "decider" }])
        );
        let not_seated = app
            .api(
                Method::DELETE,
                &format!("/decisions/{id}/room/lee-park"),
                None,
            )
            .await;
        assert_eq!(not_seated.status, StatusCode::NOT_FOUND);
        let nested = app
            .api(
                Method::POST,
                "/decisions",
                Some(json!({ "title": "Staffing", "kind": "project-staffing", "on": on, "room": [{ "person": dana, "role": "boss" }] })),
            )
            .await;
        assert_eq!(nested.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            nested.json()["field"],
            "room[0].role",
            "{backend}: {}",
            nested.body
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn weekly_reviews_are_kept_by_iso_week() {
    for (backend, app) in every_app().await {
        app.load_sample().await;
        let week = fanclub_core::Day::today().iso_week().to_string();
        let path = format!("/reviews/{week}");
        let missing = app.api(Method::GET, &path, None).await;
        assert_eq!(
            missing.status,
            StatusCode::NOT_FOUND,
            "{backend}: {}",
            missing.body
        );
        let first = app
            .api(
                Method::PUT,
                &path,
                Some(
                    json!({ "wins": "Shipped onboarding", "next_week": ["Ask Dana for feedback"] }),
                ),
            )
            .await;
        assert_eq!(
            first.status,
            StatusCode::CREATED,
            "{backend}: {}",
            first.body
        );
        assert_eq!(first.header("location"), format!("/api/v1{path}"));
        let saved = first.json();
        assert_eq!(saved["week"], week);
        assert!(
            saved["agenda"]["tend"].is_array(),
            "{backend}: the agenda is kept: {saved}"
        );
        let again = app
            .api(
                Method::PUT,
                &path,
                Some(json!({ "learned": "Ask earlier", "next_week": [] })),
            )
            .await;
        assert_eq!(again.status, StatusCode::OK);
        let shown = app.api(Method::GET, &path, None).await.json();
        assert_eq!(shown["learned"], "Ask earlier");
        assert!(shown["wins"].is_null());
        assert_eq!(
            shown["agenda"], saved["agenda"],
            "{backend}: the first agenda stays"
        );
        let all = app.api(Method::GET, "/reviews", None).await.json();
        assert!(
            all.as_array()
                .is_some_and(|r| r.iter().any(|r| r["week"] == week))
        );
        let blank = app
            .api(Method::PUT, &path, Some(json!({ "next_week": ["  "] })))
            .await;
        assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(blank.json()["field"], "next_week[0]");
        let bad = app.api(Method::GET, "/reviews/2026-W99", None).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["field"], "week");
        assert_eq!(
            app.api(Method::DELETE, &path, None).await.status,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            app.api(Method::DELETE, &path, None).await.status,
            StatusCode::NOT_FOUND
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn settings_and_the_framework_are_read_and_replaced_whole() {
    for (backend, app) in every_app().await {
        let defaults = app.api(Method::GET, "/settings", None).await.json();
        assert_eq!(defaults["momentum_window_days"], 90);
        let saved = app
            .api(
                Method::PUT,
                "/settings",
                Some(json!({ "me": "Sam", "momentum_window_days": 60 })),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{backend}: {}", saved.body);
        let settings = app.api(Method::GET, "/settings", None).await.json();
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
        let bad = app
            .api(Method::PUT, "/settings", Some(json!({ "cadence": { "manage_closely": 0, "keep_satisfied": 30, "keep_informed": 30, "monitor": 90 } })))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["field"], "cadence.manage_closely");

        let mut framework = app.api(Method::GET, "/framework", None).await.json();
        assert!(
            framework["tracks"]
                .as_array()
                .is_some_and(|t| !t.is_empty())
        );
        framework["name"] = json!("Our ladder");
        let saved = app
            .api(Method::PUT, "/framework", Some(framework.clone()))
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{backend}: {}", saved.body);
        assert_eq!(
            app.api(Method::GET, "/framework", None).await.json()["name"],
            "Our ladder"
        );
        framework["tracks"][0]["levels"] = json!([]);
        let broken = app.api(Method::PUT, "/framework", Some(framework)).await;
        assert_eq!(
            broken.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}: {}",
            broken.body
        );
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

#[tokio::test]
async fn the_api_answers_the_engines_questions() {
    for (backend, app) in every_app().await {
        app.load_sample().await;
        let rooms = app.api(Method::GET, "/rooms", None).await.json();
        assert!(
            rooms.as_array().is_some_and(|r| r.len() == 2),
            "{backend}: {rooms}"
        );
        assert!(rooms[0]["coverage"].is_number());
        let due = app.api(Method::GET, "/due", None).await.json();
        assert!(due.as_array().is_some_and(|d| !d.is_empty()), "{backend}");
        let week = app.api(Method::GET, "/week", None).await.json();
        assert!(week["tend"].is_array(), "{week}");
        let visibility = app.api(Method::GET, "/visibility", None).await.json();
        assert!(
            visibility["wins_total"].as_u64().is_some_and(|n| n > 0),
            "{visibility}"
        );
        let readiness = app.api(Method::GET, "/readiness", None).await.json();
        assert!(
            readiness["tracks"]
                .as_array()
                .is_some_and(|t| !t.is_empty())
        );
        let trust = app.api(Method::GET, "/trust", None).await.json();
        assert!(
            trust["relationships"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "{trust}"
        );
        let momentum = app
            .api(Method::GET, "/momentum?window=30", None)
            .await
            .json();
        assert_eq!(momentum["window_days"], 30);
        assert_eq!(momentum["months"].as_array().map(Vec::len), Some(12));

        // The first person due is someone we can look for a path to.
        let handle = due[0]["person"]["handle"]
            .as_str()
            .expect("a handle")
            .to_owned();
        let paths = app
            .api(Method::GET, &format!("/people/{handle}/paths?k=2"), None)
            .await
            .json();
        assert_eq!(paths["person"]["handle"], handle.as_str());
        assert!(
            paths["paths"].as_array().is_some_and(|p| p.len() <= 2),
            "{paths}"
        );
        let too_many = app
            .api(Method::GET, &format!("/people/{handle}/paths?k=99"), None)
            .await;
        assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(too_many.json()["field"], "k");
        let no_window = app.api(Method::GET, "/momentum?window=0", None).await;
        assert_eq!(no_window.json()["field"], "window");

        let check = app
            .api(
                Method::POST,
                "/outreach/check",
                Some(json!({ "text": "Hi, can you get me a job?" })),
            )
            .await;
        assert_eq!(check.status, StatusCode::OK, "{}", check.body);
        let report = check.json();
        assert_ne!(report["verdict"], "ready", "{report}");
        assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
        let rules = app.api(Method::GET, "/outreach/rules", None).await.json();
        assert!(rules.as_array().is_some_and(|r| !r.is_empty()));

        // Search finds the person due by their name, as plain text.
        let name = due[0]["person"]["name"]
            .as_str()
            .expect("a name")
            .to_owned();
        let first = name.split_whitespace().next().expect("a first name");
        let hits = app
            .api(Method::GET, &format!("/search?q={first}"), None)
            .await;
        assert_eq!(hits.status, StatusCode::OK, "{}", hits.body);
        let hits = hits.json();
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
        let bad_limit = app.api(Method::GET, "/search?q=x&limit=0", None).await;
        assert_eq!(bad_limit.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad_limit.json()["field"], "limit");

        let bad_week = app.api(Method::GET, "/week?week=2026-W99", None).await;
        assert_eq!(bad_week.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad_week.json()["field"], "week");
        app.stop().await;
    }
}

#[tokio::test]
async fn api_errors_have_one_shape() {
    for (backend, app) in every_app().await {
        let invalid = app
            .api(
                Method::POST,
                "/people",
                Some(json!({ "name": "Dana", "influence": 9 })),
            )
            .await;
        assert_eq!(
            invalid.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
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

        let missing_field = app
            .api(Method::POST, "/goals", Some(json!({ "period": "2026" })))
            .await;
        assert_eq!(missing_field.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            missing_field.json()["field"],
            "title",
            "{}",
            missing_field.body
        );
        let wrong_value = app
            .api(Method::POST, "/goals", Some(json!({ "title": "   " })))
            .await;
        assert_eq!(wrong_value.json()["field"], "title", "{}", wrong_value.body);

        let missing = app.api(Method::GET, "/people/zoe", None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        let e = missing.json();
        assert_eq!(e["code"], "not_found");
        assert!(e["field"].is_null());
        let unknown_id = app.api(Method::GET, "/goals/424242", None).await;
        assert_eq!(unknown_id.status, StatusCode::NOT_FOUND);
        let not_an_id = app.api(Method::GET, "/goals/first", None).await;
        assert_eq!(not_an_id.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(not_an_id.json()["field"], "id");

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

        let no_route = app.api(Method::GET, "/nothing", None).await;
        assert_eq!(no_route.status, StatusCode::NOT_FOUND);
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

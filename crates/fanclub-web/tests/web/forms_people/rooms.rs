//! Decisions and the seats in their rooms, from the rooms pages.

use fanclub_core::{Day, Decision, DecisionKind, RoomRole, Seat, Title};

use super::super::support::*;
use super::EVIL;

#[tokio::test]
async fn decisions_and_their_seats_are_managed_from_the_rooms_pages() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    let grace = app.add_person("Grace Whitfield").await;
    let soon = Day::today().plus_days(30).to_string();

    let form = app.get("/rooms/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("<label for=\"decision-title\">Decision");
    let reply = app
        .post_form(
            "/rooms",
            &[
                ("title", "Promotion committee"),
                ("kind", "promotion"),
                ("on", &soon),
                ("notes", "Chaired by **Grace**"),
                ("deciders", "dana"),
                ("voices", "ravi-patel"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let decisions = app.store.list_decisions().await.unwrap();
    let d = &decisions[0];
    assert!(
        reply
            .header("location")
            .starts_with(&format!("/rooms/{}", d.id))
    );
    assert_eq!(
        d.room,
        vec![
            Seat {
                person: dana.id,
                role: RoomRole::Decider
            },
            Seat {
                person: ravi.id,
                role: RoomRole::Voice
            },
        ]
    );
    let page = app.get(&format!("/rooms/{}", d.id)).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("covered");
    page.assert_contains("<strong>Grace</strong>");
    page.assert_contains("<label for=\"seat-person\">Who");
    app.get("/rooms")
        .await
        .assert_contains(&format!("href=\"/rooms/{}\"", d.id));

    // Seat someone, change a role, unseat someone.
    let seat = format!("/rooms/{}/seats", d.id);
    let reply = app
        .post_form(&seat, &[("person", "grace"), ("role", "voice")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let reply = app
        .post_form(&seat, &[("person", "ravi-patel"), ("role", "decider")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = app
        .post_form(&format!("/rooms/{}/seats/{}/delete", d.id, dana.id), &[])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let room = app.store.get_decision(d.id).await.unwrap().room.clone();
    assert_eq!(
        room,
        vec![
            Seat {
                person: ravi.id,
                role: RoomRole::Decider
            },
            Seat {
                person: grace.id,
                role: RoomRole::Voice
            },
        ]
    );
    let bad = app
        .post_form(&seat, &[("person", "zoe"), ("role", "judge")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"seat-person-error\"");
    bad.assert_contains("id=\"seat-role-error\"");
    bad.assert_contains("value=\"zoe\"");
    assert_eq!(app.store.get_decision(d.id).await.unwrap().room, room);
    let not_seated = app
        .post_form(&format!("/rooms/{}/seats/{}/delete", d.id, dana.id), &[])
        .await;
    assert_eq!(not_seated.status, StatusCode::NOT_FOUND);

    // Editing keeps the room.
    let reply = app
        .post_form(
            &format!("/rooms/{}", d.id),
            &[
                ("title", "Spring promotion committee"),
                ("kind", "promotion"),
                ("on", &soon),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let edited = app.store.get_decision(d.id).await.unwrap();
    assert_eq!(edited.title.as_str(), "Spring promotion committee");
    assert_eq!(edited.room, room);
    let bad = app
        .post_form(
            &format!("/rooms/{}", d.id),
            &[("title", "x"), ("kind", "promotion"), ("on", "soon")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"decision-on-error\"");
    assert_eq!(app.store.get_decision(d.id).await.unwrap(), edited);

    // Deleting asks first.
    let confirm = app.get(&format!("/rooms/{}/delete", d.id)).await;
    confirm.assert_contains("2 seats in its room.");
    let reply = app.post_form(&format!("/rooms/{}/delete", d.id), &[]).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.store.list_decisions().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_bad_decision_is_refused_whole_and_unknown_rooms_are_not_found() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    let reply = app
        .post_form(
            "/rooms",
            &[
                ("title", ""),
                ("kind", "coronation"),
                ("on", "next spring"),
                ("deciders", "dana, zoe"),
                ("voices", "dana"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "decision-title-error",
        "decision-kind-error",
        "decision-on-error",
        "decision-deciders-error",
        "decision-voices-error",
    ] {
        reply.assert_contains(&format!("id=\"{id}\""));
    }
    reply.assert_contains("value=\"next spring\"");
    reply.assert_contains("value=\"dana, zoe\"");
    assert!(app.store.list_decisions().await.unwrap().is_empty());

    for path in ["/rooms/9999", "/rooms/9999/edit", "/rooms/9999/delete"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/rooms/9999",
        "/rooms/9999/delete",
        "/rooms/9999/seats",
        "/rooms/9999/seats/1/delete",
    ] {
        let reply = app
            .post_form(
                path,
                &[
                    ("title", "x"),
                    ("kind", "bonus"),
                    ("on", "2030-01-01"),
                    ("person", "dana"),
                    ("role", "voice"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn room_forms_refuse_other_sites() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let d = app
        .store
        .create_decision(&Decision {
            title: Title::parse("Bonus round").unwrap(),
            kind: DecisionKind::Bonus,
            on: Day::today().plus_days(10),
            notes: None,
            room: vec![Seat {
                person: dana.id,
                role: RoomRole::Decider,
            }],
        })
        .await
        .unwrap();
    for path in [
        "/rooms".to_string(),
        format!("/rooms/{}", d.id),
        format!("/rooms/{}/seats", d.id),
        format!("/rooms/{}/seats/{}/delete", d.id, dana.id),
        format!("/rooms/{}/delete", d.id),
    ] {
        let reply = app
            .post_form_from(
                EVIL,
                &path,
                &[("title", "Forged"), ("kind", "bonus"), ("on", "2030-01-01")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.store.list_decisions().await.unwrap(), vec![d]);
    app.stop().await;
}

//! Editing, deleting and marking done an interaction, from the person's page and the
//! weekly review.

use super::super::support::*;
use super::{EVIL, interaction_with};

#[tokio::test]
async fn an_interaction_is_edited_deleted_and_its_follow_up_marked_done() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let ravi = app.add_person("Ravi Patel").await;
    let i = interaction_with(&app, &[&dana], true).await;

    let page = app.get("/people/dana-kim").await;
    page.assert_contains(&format!("action=\"/interactions/{}/follow-up-done\"", i.id));
    let form = app
        .get(&format!("/interactions/{}/edit?back=dana-kim", i.id))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("value=\"Coffee about the roadmap\"");
    form.assert_contains("<label for=\"interaction-follow-up-done\">Follow-up done</label>");

    let reply = app
        .post_form(
            &format!("/interactions/{}", i.id),
            &[
                ("with", "dana-kim, ravi"),
                ("on", "2026-02-10"),
                ("kind", "1:1"),
                ("summary", "Roadmap 1:1"),
                ("learned", "Wants fewer meetings"),
                ("follow_up", "Send the deck"),
                ("follow_up_done", "on"),
                ("back", "dana-kim"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(
        reply
            .header("location")
            .starts_with("/people/dana-kim?saved=interaction")
    );
    let saved = app.store.get_interaction(i.id).await.unwrap();
    assert_eq!(saved.summary.as_str(), "Roadmap 1:1");
    assert_eq!(saved.people, vec![dana.id, ravi.id]);
    assert_eq!(saved.on.to_string(), "2026-02-10");
    assert!(saved.follow_up_done);

    let bad = app
        .post_form(
            &format!("/interactions/{}", i.id),
            &[
                ("with", "dana-kim"),
                ("kind", "lunch"),
                ("summary", ""),
                ("notes", "kept text"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"interaction-summary-error\">Say in a few words what happened.");
    bad.assert_contains("id=\"interaction-kind-error\"");
    bad.assert_contains(">kept text</textarea>");
    assert_eq!(app.store.get_interaction(i.id).await.unwrap(), saved);

    // Marking done, from the weekly review.
    let other = interaction_with(&app, &[&ravi], true).await;
    let reply = app
        .post_form(
            &format!("/interactions/{}/follow-up-done", other.id),
            &[("back", "week")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(
        reply
            .header("location")
            .starts_with("/?saved=follow-up-done")
    );
    assert!(
        app.store
            .get_interaction(other.id)
            .await
            .unwrap()
            .follow_up_done
    );

    let confirm = app
        .get(&format!("/interactions/{}/delete?back=dana-kim", i.id))
        .await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.assert_contains("Delete interaction</button>");
    let reply = app
        .post_form(
            &format!("/interactions/{}/delete", i.id),
            &[("back", "dana-kim")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(app.store.get_interaction(i.id).await.is_err());

    for path in ["/interactions/9999/edit", "/interactions/9999/delete"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        "/interactions/9999",
        "/interactions/9999/delete",
        "/interactions/9999/follow-up-done",
    ] {
        let reply = app
            .post_form(path, &[("with", "dana"), ("summary", "x")])
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn interaction_forms_refuse_other_sites() {
    let app = spawn_app().await;
    let dana = app.add_person("Dana Kim").await;
    let i = interaction_with(&app, &[&dana], true).await;
    for path in [
        format!("/interactions/{}", i.id),
        format!("/interactions/{}/delete", i.id),
        format!("/interactions/{}/follow-up-done", i.id),
    ] {
        let reply = app
            .post_form_from(
                EVIL,
                &path,
                &[("with", "dana"), ("kind", "coffee"), ("summary", "Forged")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.store.get_interaction(i.id).await.unwrap(), i);
    app.stop().await;
}

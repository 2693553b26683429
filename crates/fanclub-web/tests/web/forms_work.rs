//! The work forms: wins and shares, business goals, evidence, perception checks and
//! opportunities (settings and the framework are in `settings.rs`). Each change really
//! lands in the store; a mistake comes back as 422 with its message next to the field,
//! what was typed kept and nothing written; an unknown id is 404; another site's form is
//! refused.

use super::support::*;
use fanclub_core::{Day, EvidenceStrength};

const EVIL: &str = "http://evil.example";

#[tokio::test]
async fn a_win_is_recorded_edited_shared_and_deleted() {
    let app = spawn_app().await;
    app.load_sample().await;
    let goal = app.store.list_goals().await.unwrap()[0].clone();
    let before = app.store.list_wins().await.unwrap().len();
    let goal_id = goal.id.to_string();

    // A mistake: every bad field is named, what was typed is kept, nothing is written.
    let bad = app
        .post_form(
            "/wins",
            &[
                ("title", ""),
                ("on", "2026-02-30"),
                ("kind", "release"),
                ("before", "31%"),
                ("after", "44%"),
                ("links", "not a link"),
                ("description", "Kept <b>as typed</b>"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    bad.assert_contains("id=\"win-on-error\"");
    bad.assert_contains("YYYY-MM-DD");
    bad.assert_contains("id=\"win-title-error\"");
    bad.assert_contains("id=\"win-metric-error\"");
    bad.assert_contains("metric that moved");
    bad.assert_contains("aria-describedby=\"win-on-hint win-on-error\"");
    bad.assert_contains("value=\"2026-02-30\"");
    bad.assert_contains("Kept &#60;b&#62;as typed&#60;/b&#62;");
    assert_eq!(app.store.list_wins().await.unwrap().len(), before);

    // Success: the win is in the store with its goal, track, impact and links.
    let ok = app
        .post_form(
            "/wins",
            &[
                ("title", "Self-serve onboarding shipped"),
                ("on", "2026-01-10"),
                ("kind", "release"),
                ("goals", &goal_id),
                ("tracks", "strategy"),
                ("tracks", "buy-in"),
                ("metric", "trial activation"),
                ("before", "31%"),
                ("after", "44%"),
                (
                    "links",
                    "https://dash.example/onboarding\n\nhttps://doc.example/x",
                ),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let wins = app.store.list_wins().await.unwrap();
    assert_eq!(wins.len(), before + 1);
    let win = wins
        .iter()
        .find(|w| w.title.as_str() == "Self-serve onboarding shipped")
        .expect("the new win")
        .clone();
    assert_eq!(win.goals, vec![goal.id]);
    assert_eq!(win.tracks.len(), 2);
    assert_eq!(win.links.len(), 2);
    assert_eq!(win.impact.as_ref().unwrap().after.as_deref(), Some("44%"));
    assert_eq!(
        ok.header("location"),
        format!("/wins?done=recorded#win-{}", win.id)
    );
    let page = app.get(ok.header("location")).await;
    page.assert_contains("Win recorded");
    page.assert_contains("trial activation: 31% → 44%");
    page.assert_contains(&format!("action=\"/wins/{}/shares\"", win.id));
    page.assert_contains("Record share");
    for view in ["/wins?by=goal", "/wins?by=month"] {
        let reply = app.get(view).await;
        assert_eq!(reply.status, StatusCode::OK, "{view}");
        reply.assert_contains("Self-serve onboarding shipped");
    }
    app.get("/wins?by=goal")
        .await
        .assert_contains(goal.title.as_str());

    // Edit: the shares stay, the title changes.
    let people = app.store.list_people().await.unwrap();
    let dana = &people[0];
    let share_path = format!("/wins/{}/shares", win.id);
    let today = Day::today();
    let shared = app
        .post_form(
            &share_path,
            &[("person", dana.handle.as_str()), ("channel", "email")],
        )
        .await;
    assert_eq!(shared.status, StatusCode::SEE_OTHER, "{}", shared.body);
    let stored = app.store.get_win(win.id).await.unwrap();
    assert_eq!(stored.shares.len(), 1);
    assert_eq!(stored.shares[0].person, dana.id);
    assert_eq!(stored.shares[0].on, today, "the date defaults to today");

    // The same person the same day, and a day in the future, are refused.
    let twice = app
        .post_form(
            &share_path,
            &[
                ("person", dana.handle.as_str()),
                ("channel", "1:1"),
                ("on", &today.to_string()),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    twice.assert_contains("once per person and day");
    let tomorrow = today.plus_days(1).to_string();
    let future = app
        .post_form(
            &share_path,
            &[
                ("person", people[1].handle.as_str()),
                ("channel", "1:1"),
                ("on", &tomorrow),
            ],
        )
        .await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    future.assert_contains("or an earlier day");
    future.assert_contains(&format!("value=\"{tomorrow}\""));
    let nobody = app
        .post_form(&share_path, &[("person", ""), ("channel", "1:1")])
        .await;
    assert_eq!(nobody.status, StatusCode::UNPROCESSABLE_ENTITY);
    nobody.assert_contains("choose them in the list");
    assert_eq!(app.store.get_win(win.id).await.unwrap().shares.len(), 1);

    let edit_path = format!("/wins/{}", win.id);
    let form = app.get(&format!("/wins/{}/edit", win.id)).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("value=\"Self-serve onboarding shipped\"");
    form.assert_contains("Delete win");
    let edited = app
        .post_form(
            &edit_path,
            &[
                ("title", "Self-serve onboarding, v2"),
                ("on", "2026-01-10"),
                ("kind", "metric"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
    let stored = app.store.get_win(win.id).await.unwrap();
    assert_eq!(stored.title.as_str(), "Self-serve onboarding, v2");
    assert!(stored.goals.is_empty(), "unticked goals are removed");
    assert_eq!(stored.shares.len(), 1, "editing keeps who knows");
    // Moving the win after its first share is refused, next to the date.
    let later = app
        .post_form(
            &edit_path,
            &[("title", "x"), ("on", &tomorrow), ("kind", "metric")],
        )
        .await;
    assert_eq!(later.status, StatusCode::UNPROCESSABLE_ENTITY);
    later.assert_contains("id=\"win-on-error\"");

    // Another site cannot add, share or delete.
    let evil = app
        .post_form_from(EVIL, &format!("/wins/{}/delete", win.id), &[])
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    let evil = app
        .post_form_from(EVIL, &share_path, &[("person", people[2].handle.as_str())])
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store.get_win(win.id).await.unwrap().shares.len(), 1);

    // Unknown ids.
    for path in ["/wins/999999/edit"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in ["/wins/999999", "/wins/999999/delete", "/wins/999999/shares"] {
        let reply = app.post_form(path, &[("title", "x")]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }

    let deleted = app
        .post_form(&format!("/wins/{}/delete", win.id), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(app.store.get_win(win.id).await.is_err());
    app.stop().await;
}

#[tokio::test]
async fn business_goals_are_added_edited_and_deleted() {
    let app = spawn_app().await;
    let empty = app.get("/goals").await;
    empty.assert_contains("No business goals yet");
    empty.assert_contains("for=\"goal-title\"");

    let bad = app
        .post_form("/goals", &[("title", "  "), ("period", "2026-H1")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"goal-title-error\"");
    bad.assert_contains("value=\"2026-H1\"");
    assert!(app.store.list_goals().await.unwrap().is_empty());

    let added = app
        .post_form(
            "/goals",
            &[
                ("title", "Grow self-serve revenue 30%"),
                ("period", "2026-H1"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let goal = app.store.list_goals().await.unwrap()[0].clone();
    assert_eq!(goal.period.as_deref(), Some("2026-H1"));
    app.get("/goals")
        .await
        .assert_contains("Grow self-serve revenue 30%");

    let edited = app
        .post_form(
            &format!("/goals/{}", goal.id),
            &[("title", "Grow self-serve revenue 40%"), ("period", "")],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    let stored = app.store.get_goal(goal.id).await.unwrap();
    assert_eq!(stored.title.as_str(), "Grow self-serve revenue 40%");
    assert_eq!(stored.period, None);

    let evil = app
        .post_form_from(EVIL, "/goals", &[("title", "Planted")])
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store.list_goals().await.unwrap().len(), 1);

    assert_eq!(
        app.get("/goals/4242/edit").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form("/goals/4242", &[("title", "x")]).await.status,
        StatusCode::NOT_FOUND
    );
    let deleted = app
        .post_form(&format!("/goals/{}/delete", goal.id), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(app.store.list_goals().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn evidence_is_added_checked_edited_and_deleted() {
    let app = spawn_app().await;
    app.load_sample().await;
    let before = app.store.list_evidence().await.unwrap().len();
    let person = app.store.list_people().await.unwrap()[0].clone();

    // Witnessed evidence names its witness: the core's rule, next to the witness field.
    let bad = app
        .post_form(
            "/evidence",
            &[
                ("summary", "Steered the pricing review"),
                ("track", "confidence"),
                ("strength", "witnessed"),
                ("on", "2026-01-12"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    bad.assert_contains("id=\"evidence-person-error\"");
    bad.assert_contains("witnessed evidence names a witness");
    bad.assert_contains("value=\"Steered the pricing review\"");
    let unknown = app
        .post_form(
            "/evidence",
            &[
                ("summary", "x"),
                ("track", "juggling"),
                ("strength", "claimed"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    unknown.assert_contains("a track of the framework: strategy, buy-in");
    assert_eq!(app.store.list_evidence().await.unwrap().len(), before);

    let ok = app
        .post_form(
            "/evidence",
            &[
                ("summary", "Steered the pricing review"),
                ("track", "confidence"),
                ("strength", "endorsed"),
                ("person", person.handle.as_str()),
                ("quote", "She held the room."),
                ("on", "2026-01-12"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let all = app.store.list_evidence().await.unwrap();
    assert_eq!(all.len(), before + 1);
    let e = all
        .iter()
        .find(|e| e.summary.as_str() == "Steered the pricing review")
        .unwrap()
        .clone();
    assert_eq!(e.strength, EvidenceStrength::Endorsed);
    assert_eq!(e.person, Some(person.id));
    assert_eq!(
        e.source.to_string(),
        "feedback",
        "worked out as the CLI does"
    );
    let readiness = app.get("/readiness").await;
    readiness.assert_contains("Steered the pricing review");
    readiness.assert_contains("<svg class=\"chart level-chart\"");
    assert!(
        !readiness.body.contains("style="),
        "the CSP forbids inline styles"
    );

    let edited = app
        .post_form(
            &format!("/evidence/{}", e.id),
            &[
                ("summary", "Steered the pricing review"),
                ("track", "buy-in"),
                ("strength", "claimed"),
                ("on", "2026-01-12"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    let stored = app.store.get_evidence(e.id).await.unwrap();
    assert_eq!(stored.track.as_str(), "buy-in");
    assert_eq!(stored.person, None);

    let evil = app
        .post_form_from(EVIL, &format!("/evidence/{}/delete", e.id), &[])
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/evidence/777777/edit").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form("/evidence/777777/delete", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let deleted = app
        .post_form(&format!("/evidence/{}/delete", e.id), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.list_evidence().await.unwrap().len(), before);
    app.stop().await;
}

#[tokio::test]
async fn perception_checks_and_opportunities_have_their_forms() {
    let app = spawn_app().await;
    app.load_sample().await;
    let person = app.store.list_people().await.unwrap()[1].clone();
    let checks = app.store.list_perceptions().await.unwrap().len();
    let opportunities = app.store.list_opportunities().await.unwrap().len();

    let bad = app
        .post_form(
            "/perceptions",
            &[
                ("person", ""),
                ("gap", "Thinks I only run sprints"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"perception-person-error\"");
    bad.assert_contains("id=\"perception-description-error\"");
    bad.assert_contains("Thinks I only run sprints");
    let ok = app
        .post_form(
            "/perceptions",
            &[
                ("person", person.handle.as_str()),
                (
                    "description",
                    "The person who keeps the release train on time",
                ),
                ("gap", "Does not see the strategy work"),
                ("status", "open"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let all = app.store.list_perceptions().await.unwrap();
    assert_eq!(all.len(), checks + 1);
    let check = all
        .iter()
        .find(|c| c.gap.as_deref() == Some("Does not see the strategy work"))
        .unwrap()
        .clone();
    assert!(check.is_open());
    let resolved = app
        .post_form(
            &format!("/perceptions/{}", check.id),
            &[
                ("person", person.handle.as_str()),
                ("description", "Runs the pricing strategy"),
                ("status", "resolved"),
            ],
        )
        .await;
    assert_eq!(resolved.status, StatusCode::SEE_OTHER);
    assert!(!app.store.get_perception(check.id).await.unwrap().is_open());

    let bad = app
        .post_form(
            "/opportunities",
            &[
                ("title", "Lead the guild"),
                ("kind", "gig"),
                ("status", "offered"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"opportunity-kind-error\"");
    bad.assert_contains("value=\"Lead the guild\"");
    let ok = app
        .post_form(
            "/opportunities",
            &[
                ("title", "Lead the PM guild"),
                ("kind", "project"),
                ("status", "accepted"),
                ("sponsor", person.handle.as_str()),
                ("tracks", "leadership"),
                ("tracks", "domain"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let all = app.store.list_opportunities().await.unwrap();
    assert_eq!(all.len(), opportunities + 1);
    let o = all
        .iter()
        .find(|o| o.title.as_str() == "Lead the PM guild")
        .unwrap()
        .clone();
    assert_eq!(o.sponsor, Some(person.id));
    assert_eq!(o.tracks.len(), 2);
    let momentum = app.get("/momentum").await;
    momentum.assert_contains("<svg class=\"chart chart-opportunities\"");
    momentum.assert_contains("href=\"/opportunities\"");

    for (path, form) in [
        ("/perceptions", vec![("description", "Planted")]),
        ("/opportunities", vec![("title", "Planted")]),
    ] {
        let evil = app.post_form_from(EVIL, path, &form).await;
        assert_eq!(evil.status, StatusCode::FORBIDDEN, "{path}");
    }
    for path in ["/perceptions/5555/edit", "/opportunities/5555/edit"] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in ["/perceptions/5555/delete", "/opportunities/5555/delete"] {
        let reply = app.post_form(path, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    let gone = app
        .post_form(&format!("/opportunities/{}/delete", o.id), &[])
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    let gone = app
        .post_form(&format!("/perceptions/{}/delete", check.id), &[])
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.list_opportunities().await.unwrap().len(),
        opportunities
    );
    assert_eq!(app.store.list_perceptions().await.unwrap().len(), checks);
    app.stop().await;
}

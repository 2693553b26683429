//! The member's part of the weekly review, with last week's commitments to tick.

use fanclub_core::{Commitment, Day, WeeklyReview};

use super::super::support::*;
use super::EVIL;

/// Last week's review, with two commitments for this week.
async fn last_weeks_review(app: &TestApp) {
    let today = Day::today();
    app.store
        .save_review(&WeeklyReview {
            week: today.iso_week().previous(),
            agenda: Value::Null,
            last_week: Vec::new(),
            wins: None,
            learned: None,
            helped: None,
            next_week: vec!["Coffee with Dana".into(), "Share the launch".into()],
            saved_on: today.plus_days(-7),
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn the_weekly_review_is_saved_with_last_weeks_commitments_ticked() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    last_weeks_review(&app).await;
    let week = Day::today().iso_week();

    let page = app.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<label for=\"review-kept-1\">Coffee with Dana</label>");
    page.assert_contains("<label for=\"review-commitments\">Commitments for next week");
    page.assert_contains("Save this week's review</button>");

    let reply = app
        .post_form(
            "/week",
            &[
                ("kept", "2"),
                ("wins", "Shipped the supplier portal"),
                ("learned", "Dana cares about churn"),
                ("helped", "Paired with a new PM"),
                (
                    "commitments",
                    "Ask Ravi about the budget\n\nDemo to the sales team\n",
                ),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let r = app.store.get_review(week).await.unwrap().expect("saved");
    assert_eq!(r.wins.as_deref(), Some("Shipped the supplier portal"));
    assert_eq!(
        r.next_week,
        vec!["Ask Ravi about the budget", "Demo to the sales team"]
    );
    assert_eq!(
        r.last_week,
        vec![
            Commitment {
                text: "Coffee with Dana".into(),
                kept: Some(false)
            },
            Commitment {
                text: "Share the launch".into(),
                kept: Some(true)
            },
        ]
    );
    // The page shows what was saved: the tick, and the commitments to edit.
    let page = app.get("/?saved=review").await;
    page.assert_contains("Saved this week&#39;s review.");
    page.assert_contains("value=\"2\" checked");
    page.assert_contains("Ask Ravi about the budget\nDemo to the sales team</textarea>");

    // Saving again replaces the member's part, still one review for the week.
    let reply = app
        .post_form("/week", &[("kept", "1"), ("commitments", "One thing")])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let r = app.store.get_review(week).await.unwrap().unwrap();
    assert_eq!(r.next_week, vec!["One thing"]);
    assert_eq!(r.last_week[0].kept, Some(true));
    assert_eq!(r.wins, None);
    assert_eq!(app.store.counts().await.unwrap().reviews, 2);
    app.stop().await;
}

#[tokio::test]
async fn a_bad_review_is_refused_and_other_sites_cannot_save_one() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    last_weeks_review(&app).await;
    let week = Day::today().iso_week();
    let reply = app
        .post_form(
            "/week",
            &[
                ("kept", "9"),
                ("wins", "Kept words"),
                ("commitments", "Mine"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("id=\"review-kept-error\">Use a number from 1 to 2");
    reply.assert_contains(">Kept words</textarea>");
    assert!(app.store.get_review(week).await.unwrap().is_none());

    let forged = app
        .post_form_from(EVIL, "/week", &[("wins", "Forged")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.store.get_review(week).await.unwrap().is_none());
    app.stop().await;
}

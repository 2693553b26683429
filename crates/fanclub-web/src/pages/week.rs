//! This week: the weekly agenda with the reason for each item, then the member's own part
//! of the review as a form (last week's commitments to tick off, this week's wins, what
//! they learned, whom they helped, next week's commitments), saved per ISO week as
//! `fanclub week` saves it. For a new member: what to do first, and the sample workspace
//! one click away.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use fanclub_core::engine::weekly::{self, Agenda};
use fanclub_core::{CoreResult, Day, IsoWeek, Store, WeeklyReview, services as core_services};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, ok, render};
use crate::forms::{FieldErrors, Pairs};
use crate::forms_people::ReviewForm;
use crate::{AppState, services};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/week", post(save))
        .route("/sample", post(load_sample))
}

/// One of last week's commitments, as a checkbox.
#[derive(Debug, Clone)]
struct CommitmentBox {
    /// Numbered from 1, as the CLI's `--kept N`.
    n: usize,
    text: String,
    checked: bool,
}

/// The member's part of the review, as the form shows it.
#[derive(Debug, Clone)]
struct ReviewView {
    week: IsoWeek,
    values: ReviewForm,
    errors: FieldErrors,
    commitments: Vec<CommitmentBox>,
    /// Saved before, this week.
    saved_on: Option<Day>,
}

impl ReviewView {
    fn new(r: &WeeklyReview, values: ReviewForm, errors: FieldErrors, saved: bool) -> ReviewView {
        ReviewView {
            week: r.week,
            commitments: r
                .last_week
                .iter()
                .enumerate()
                .map(|(i, c)| CommitmentBox {
                    n: i + 1,
                    text: c.text.clone(),
                    checked: values.kept.contains(&(i + 1)),
                })
                .collect(),
            saved_on: saved.then_some(r.saved_on),
            values,
            errors,
        }
    }

    fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The first field in error, which gets the focus.
    fn first_error(&self) -> Option<&'static str> {
        ["kept", "wins", "learned", "helped", "commitments"]
            .into_iter()
            .find(|f| self.errors.get(f).is_some())
    }
}

#[derive(Template)]
#[template(path = "week.html")]
struct WeekPage {
    layout: Layout,
    agenda: Agenda,
    review: ReviewView,
    notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "welcome.html")]
struct WelcomePage {
    layout: Layout,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct WeekQuery {
    saved: String,
}

/// This week's agenda and the review to fill in: the one saved this week, or a new one
/// whose commitments to review are those of the latest earlier week. As `fanclub week`
/// does, a review saved again keeps what was written and refreshes the agenda.
async fn this_week(store: &dyn Store, today: Day) -> CoreResult<(Agenda, WeeklyReview, bool)> {
    let week = today.iso_week();
    let (agenda, previous) = core_services::week_agenda(store, week, today).await?;
    let fresh = weekly::new_review(week, &agenda, previous.as_ref(), today);
    Ok(match store.get_review(week).await? {
        Some(existing) => {
            let mut r = existing.value;
            r.agenda = fresh.agenda;
            r.saved_on = today;
            if r.last_week.is_empty() {
                r.last_week = fresh.last_week;
            }
            (agenda, r, true)
        }
        None => (agenda, fresh, false),
    })
}

async fn index(State(state): State<AppState>, Query(q): Query<WeekQuery>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    if services::is_empty(store).await? {
        return ok(&WelcomePage {
            layout: Layout::with_log(Nav::Week, today),
        });
    }
    let (agenda, review, saved) = this_week(store, today).await?;
    let view = ReviewView::new(
        &review,
        ReviewForm::of(&review),
        FieldErrors::default(),
        saved,
    );
    ok(&WeekPage {
        layout: Layout::with_log(Nav::Week, today),
        notice: match q.saved.as_str() {
            "review" => Some("Saved this week's review. Next week starts from these commitments."),
            "follow-up-done" => Some("Marked the follow-up done."),
            _ => None,
        },
        agenda,
        review: view,
    })
}

/// Save the member's part of this week's review, in one write.
async fn save(State(state): State<AppState>, axum::Form(pairs): axum::Form<Pairs>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let (agenda, mut review, saved) = this_week(store, today).await?;
    let form = ReviewForm::from_pairs(&pairs);
    match form.apply(&mut review) {
        Ok(()) => {
            store.save_review(&review).await?;
            Ok(Redirect::to("/?saved=review#review-heading").into_response())
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &WeekPage {
                layout: Layout::with_log(Nav::Week, today),
                review: ReviewView::new(&review, form, errors, saved),
                notice: None,
                agenda,
            },
        ),
    }
}

/// Fill an empty workspace with the sample, then show its week.
async fn load_sample(State(state): State<AppState>) -> PageResult {
    services::load_sample(&*state.store, state.today()).await?;
    Ok(Redirect::to("/").into_response())
}

//! Business goals: the company's goals for a period (OKRs), which wins serve. Listed with
//! the wins serving each; added, edited and deleted here.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::{CoreError, Goal, Record, Title, optional_text};
use serde::Deserialize;

use super::records::{Editor, id};
use super::{Layout, Nav, PageResult, ok, render};
use crate::AppState;
use crate::forms::{FieldErrors, LONG_TEXT, keep};

/// Longest period name (`FY27 Q1`).
const PERIOD_TEXT: usize = 100;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/goals", get(index).post(create))
        .route("/goals/{id}", post(update))
        .route("/goals/{id}/edit", get(edit))
        .route("/goals/{id}/delete", post(delete))
}

/// A goal as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct GoalForm {
    pub(crate) title: String,
    pub(crate) period: String,
    pub(crate) description: String,
}

impl GoalForm {
    fn of(g: &Goal) -> GoalForm {
        GoalForm {
            title: g.title.to_string(),
            period: g.period.clone().unwrap_or_default(),
            description: g.description.clone().unwrap_or_default(),
        }
    }

    fn parse(&self) -> Result<Goal, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = keep(&mut errors, "title", Title::parse(&self.title));
        let period = keep(
            &mut errors,
            "period",
            optional_text("period", &self.period, PERIOD_TEXT),
        );
        let description = keep(
            &mut errors,
            "description",
            optional_text("description", &self.description, LONG_TEXT),
        );
        match (title, period, description) {
            (Some(title), Some(period), Some(description)) if errors.is_empty() => Ok(Goal {
                title,
                period,
                description,
            }),
            _ => Err(errors),
        }
    }
}

/// A goal with the wins that served it.
#[derive(Debug, Clone)]
pub(crate) struct GoalRow {
    pub(crate) goal: Record<Goal>,
    pub(crate) wins: usize,
}

#[derive(Template)]
#[template(path = "goals.html")]
struct GoalsPage {
    layout: Layout,
    goals: Vec<GoalRow>,
    form: Editor<GoalForm>,
    notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "goal_form.html")]
struct GoalFormPage {
    layout: Layout,
    form: Editor<GoalForm>,
    wins: usize,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct GoalsQuery {
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "added" => Some("Goal added. Tick it on the wins that served it."),
        "updated" => Some("Goal saved."),
        "deleted" => Some("Goal deleted. Its wins stay, no longer linked to it."),
        _ => None,
    }
}

async fn page(
    state: &AppState,
    form: Editor<GoalForm>,
    done: &str,
) -> Result<GoalsPage, CoreError> {
    let store = &*state.store;
    let wins = store.list_wins().await?;
    let goals = store
        .list_goals()
        .await?
        .into_iter()
        .map(|g| GoalRow {
            wins: wins.iter().filter(|w| w.goals.contains(&g.id)).count(),
            goal: g,
        })
        .collect();
    Ok(GoalsPage {
        layout: Layout::with_log(Nav::Wins, state.today()),
        goals,
        form,
        notice: notice(done),
    })
}

async fn index(State(state): State<AppState>, Query(q): Query<GoalsQuery>) -> PageResult {
    let form = Editor::new(GoalForm::default(), "/goals");
    ok(&page(&state, form, &q.done).await?)
}

async fn create(State(state): State<AppState>, Form(values): Form<GoalForm>) -> PageResult {
    match values.parse() {
        Ok(g) => {
            let saved = state.store.create_goal(&g).await?;
            let to = format!("/goals?done=added#goal-{}", saved.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::new(values, "/goals").failed(errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, form, "").await?,
            )
        }
    }
}

async fn form_page(state: &AppState, form: Editor<GoalForm>, raw: i64) -> PageResult {
    let wins = state
        .store
        .list_wins()
        .await?
        .iter()
        .filter(|w| w.goals.contains(&id(raw)))
        .count();
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        status,
        &GoalFormPage {
            layout: Layout::with_log(Nav::Wins, state.today()),
            form,
            wins,
        },
    )
}

async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let g = state.store.get_goal(id(raw)).await?;
    let form = Editor::editing(GoalForm::of(&g), format!("/goals/{raw}"), raw);
    form_page(&state, form, raw).await
}

async fn update(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(values): Form<GoalForm>,
) -> PageResult {
    let before = state.store.get_goal(id(raw)).await?;
    match values.parse() {
        Ok(g) => {
            state.store.update_goal(&Record::new(before.id, g)).await?;
            let to = format!("/goals?done=updated#goal-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::editing(values, format!("/goals/{raw}"), raw).failed(errors);
            form_page(&state, form, raw).await
        }
    }
}

async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let g = state.store.get_goal(id(raw)).await?;
    state.store.delete_goal(g.id).await?;
    Ok(Redirect::to("/goals?done=deleted").into_response())
}

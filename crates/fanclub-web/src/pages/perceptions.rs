//! Perception checks: the buy-in interview. How someone describes my work, what they
//! misunderstand or do not buy, the remedy and where it stands. Open gaps feed the week.

use std::collections::HashSet;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::{
    CoreError, Day, PerceptionCheck, PerceptionStatus, Person, PersonId, Record, optional_text,
};
use serde::Deserialize;

use super::pick::{self, Pick};
use super::records::{Editor, id};
use super::{Choice, Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::{FieldErrors, LONG_TEXT, keep};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/perceptions", get(index).post(create))
        .route("/perceptions/{id}", post(update))
        .route("/perceptions/{id}/edit", get(edit))
        .route("/perceptions/{id}/delete", post(delete))
}

/// A perception check as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct PerceptionForm {
    /// The handle chosen among the suggestions.
    pub(crate) person: String,
    /// "Or someone else": a name or a handle, typed.
    pub(crate) person_other: String,
    pub(crate) on: String,
    pub(crate) description: String,
    pub(crate) gap: String,
    pub(crate) remedy: String,
    pub(crate) status: String,
}

impl PerceptionForm {
    fn blank(today: Day, person: &str) -> PerceptionForm {
        PerceptionForm {
            person: person.to_string(),
            on: today.to_string(),
            status: PerceptionStatus::Open.to_string(),
            ..PerceptionForm::default()
        }
    }

    fn of(p: &PerceptionCheck, people: &[Record<Person>]) -> PerceptionForm {
        PerceptionForm {
            person: people
                .iter()
                .find(|x| x.id == p.person)
                .map(|x| x.handle.to_string())
                .unwrap_or_default(),
            on: p.on.to_string(),
            description: p.description.clone(),
            gap: p.gap.clone().unwrap_or_default(),
            remedy: p.remedy.clone().unwrap_or_default(),
            status: p.status.to_string(),
            person_other: String::new(),
        }
    }

    fn parse(&self, people: &[Record<Person>], today: Day) -> Result<PerceptionCheck, FieldErrors> {
        let mut errors = FieldErrors::default();
        let person = Pick {
            field: "person",
            other: "person_other",
            chosen: &self.person,
            typed: &self.person_other,
        }
        .required(people, &mut errors, "the person you asked");
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let description = keep(
            &mut errors,
            "description",
            optional_text("description", &self.description, LONG_TEXT).and_then(|d| {
                d.ok_or_else(|| {
                    CoreError::invalid(
                        "description",
                        "",
                        "how they describe your work, in their words",
                    )
                })
            }),
        );
        let gap = keep(
            &mut errors,
            "gap",
            optional_text("gap", &self.gap, LONG_TEXT),
        );
        let remedy = keep(
            &mut errors,
            "remedy",
            optional_text("remedy", &self.remedy, LONG_TEXT),
        );
        let status = keep(&mut errors, "status", PerceptionStatus::parse(&self.status));
        match (person, on, description, gap, remedy, status) {
            (Some(person), Some(on), Some(description), Some(gap), Some(remedy), Some(status))
                if errors.is_empty() =>
            {
                Ok(PerceptionCheck {
                    person,
                    on,
                    description,
                    gap,
                    remedy,
                    status,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A check as the list shows it.
#[derive(Debug, Clone)]
pub(crate) struct PerceptionRow {
    pub(crate) check: Record<PerceptionCheck>,
    pub(crate) name: String,
    pub(crate) handle: String,
}

#[derive(Template)]
#[template(path = "perceptions.html")]
struct PerceptionsPage {
    layout: Layout,
    rows: Vec<PerceptionRow>,
    open: usize,
    form: Editor<PerceptionForm>,
    people: Vec<Choice>,
    statuses: Vec<Choice>,
    notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "perception_form.html")]
struct PerceptionFormPage {
    layout: Layout,
    form: Editor<PerceptionForm>,
    people: Vec<Choice>,
    statuses: Vec<Choice>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PerceptionsQuery {
    /// Prefill the form with this person (a handle), from their page.
    person: String,
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "added" => Some(
            "Perception check recorded. An open gap shows in this week's review until you resolve it.",
        ),
        "updated" => Some("Perception check saved."),
        "deleted" => Some("Perception check deleted."),
        _ => None,
    }
}

fn status_of(form: &Editor<PerceptionForm>) -> StatusCode {
    if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

/// Whom to ask next: the people whose view matters most (key people first) who have not
/// been asked yet.
async fn suggestions(
    state: &AppState,
    people: &[Record<Person>],
    checks: &[Record<PerceptionCheck>],
    chosen: &str,
) -> Result<Vec<Choice>, CoreError> {
    let ranked = pick::ranked(&*state.store, people, state.today()).await?;
    let asked: HashSet<PersonId> = checks.iter().map(|c| c.person).collect();
    let next = ranked
        .into_iter()
        .filter(|p| !asked.contains(&p.id))
        .take(pick::SUGGESTED);
    Ok(pick::choices("choose a person", next, chosen, people))
}

async fn list_page(state: &AppState, form: Editor<PerceptionForm>, done: &str) -> PageResult {
    let store = &*state.store;
    let people = store.shared_people().await?;
    let checks = store.list_perceptions().await?;
    let people_choices = suggestions(state, &people, &checks, &form.values.person).await?;
    let rows: Vec<PerceptionRow> = checks
        .into_iter()
        .map(|c| {
            let p = people.iter().find(|p| p.id == c.person);
            PerceptionRow {
                name: p.map(|p| p.name.to_string()).unwrap_or_default(),
                handle: p.map(|p| p.handle.to_string()).unwrap_or_default(),
                check: c,
            }
        })
        .collect();
    render(
        status_of(&form),
        &PerceptionsPage {
            layout: Layout::with_log(Nav::Readiness, state.today()),
            open: rows.iter().filter(|r| r.check.is_open()).count(),
            rows,
            people: people_choices,
            statuses: Choice::list(PerceptionStatus::ALL, &form.values.status),
            form,
            notice: notice(done),
        },
    )
}

async fn form_page(state: &AppState, form: Editor<PerceptionForm>) -> PageResult {
    let people = state.store.shared_people().await?;
    let checks = state.store.list_perceptions().await?;
    render(
        status_of(&form),
        &PerceptionFormPage {
            layout: Layout::with_log(Nav::Readiness, state.today()),
            people: suggestions(state, &people, &checks, &form.values.person).await?,
            statuses: Choice::list(PerceptionStatus::ALL, &form.values.status),
            form,
        },
    )
}

async fn index(State(state): State<AppState>, Query(q): Query<PerceptionsQuery>) -> PageResult {
    let form = Editor::new(
        PerceptionForm::blank(state.today(), &q.person),
        "/perceptions",
    );
    list_page(&state, form, &q.done).await
}

async fn create(State(state): State<AppState>, Form(values): Form<PerceptionForm>) -> PageResult {
    let people = state.store.shared_people().await?;
    match values.parse(&people, state.today()) {
        Ok(p) => {
            let saved = state.store.create_perception(&p).await?;
            let to = format!("/perceptions?done=added#perception-{}", saved.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::new(values, "/perceptions").failed(errors);
            list_page(&state, form, "").await
        }
    }
}

async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let p = state.store.get_perception(id(raw)).await?;
    let people = state.store.shared_people().await?;
    let form = Editor::editing(
        PerceptionForm::of(&p, &people),
        format!("/perceptions/{raw}"),
        raw,
    );
    form_page(&state, form).await
}

async fn update(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(values): Form<PerceptionForm>,
) -> PageResult {
    let before = state.store.get_perception(id(raw)).await?;
    let people = state.store.shared_people().await?;
    match values.parse(&people, state.today()) {
        Ok(p) => {
            state
                .store
                .update_perception(&Record::new(before.id, p))
                .await?;
            let to = format!("/perceptions?done=updated#perception-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::editing(values, format!("/perceptions/{raw}"), raw).failed(errors);
            form_page(&state, form).await
        }
    }
}

async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let p = state.store.get_perception(id(raw)).await?;
    state.store.delete_perception(p.id).await?;
    Ok(Redirect::to("/perceptions?done=deleted").into_response())
}

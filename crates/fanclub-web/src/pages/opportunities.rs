//! Opportunities: assignments offered to me (a project, a role, a talk slot, a committee
//! seat), who sponsored each, where it stands and the tracks it grows. They close the
//! cycle: advocates turn into opportunities.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::{
    Day, Framework, Opportunity, OpportunityKind, OpportunityStatus, Person, Record, Title,
    optional_text,
};
use serde::Deserialize;

use super::pick::{self, Pick};
use super::records::{Editor, id, track_choices, tracks_of};
use super::{Choice, Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::{FieldErrors, LONG_TEXT, Pairs, keep};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/opportunities", get(index).post(create))
        .route("/opportunities/{id}", post(update))
        .route("/opportunities/{id}/edit", get(edit))
        .route("/opportunities/{id}/delete", post(delete))
}

/// An opportunity as typed; tracks are checkboxes.
#[derive(Debug, Clone, Default)]
pub(crate) struct OpportunityForm {
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) on: String,
    /// The sponsor's handle, chosen among the suggestions.
    pub(crate) sponsor: String,
    /// "Or someone else": a name or a handle, typed.
    pub(crate) sponsor_other: String,
    pub(crate) status: String,
    pub(crate) tracks: Vec<String>,
    pub(crate) notes: String,
}

impl OpportunityForm {
    fn blank(today: Day) -> OpportunityForm {
        OpportunityForm {
            kind: OpportunityKind::Project.to_string(),
            on: today.to_string(),
            status: OpportunityStatus::Offered.to_string(),
            ..OpportunityForm::default()
        }
    }

    fn posted(p: &Pairs) -> OpportunityForm {
        OpportunityForm {
            title: p.one("title"),
            kind: p.one("kind"),
            on: p.one("on"),
            sponsor: p.one("sponsor"),
            sponsor_other: p.one("sponsor_other"),
            status: p.one("status"),
            tracks: p.all("tracks"),
            notes: p.one("notes"),
        }
    }

    fn of(o: &Opportunity, people: &[Record<Person>]) -> OpportunityForm {
        OpportunityForm {
            title: o.title.to_string(),
            kind: o.kind.to_string(),
            on: o.on.to_string(),
            sponsor: o
                .sponsor
                .and_then(|s| people.iter().find(|p| p.id == s))
                .map(|p| p.handle.to_string())
                .unwrap_or_default(),
            sponsor_other: String::new(),
            status: o.status.to_string(),
            tracks: o.tracks.iter().map(|t| t.to_string()).collect(),
            notes: o.notes.clone().unwrap_or_default(),
        }
    }

    fn parse(
        &self,
        people: &[Record<Person>],
        framework: &Framework,
        today: Day,
    ) -> Result<Opportunity, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = keep(&mut errors, "title", Title::parse(&self.title));
        let kind = keep(&mut errors, "kind", OpportunityKind::parse(&self.kind));
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let sponsor = Pick {
            field: "sponsor",
            other: "sponsor_other",
            chosen: &self.sponsor,
            typed: &self.sponsor_other,
        }
        .resolve(people, &mut errors)
        .ok();
        let status = keep(
            &mut errors,
            "status",
            OpportunityStatus::parse(&self.status),
        );
        let tracks = keep(&mut errors, "tracks", tracks_of(framework, &self.tracks));
        let notes = keep(
            &mut errors,
            "notes",
            optional_text("notes", &self.notes, LONG_TEXT),
        );
        match (title, kind, on, sponsor, status, tracks, notes) {
            (
                Some(title),
                Some(kind),
                Some(on),
                Some(sponsor),
                Some(status),
                Some(tracks),
                Some(notes),
            ) if errors.is_empty() => Ok(Opportunity {
                title,
                kind,
                on,
                sponsor,
                status,
                tracks,
                notes,
            }),
            _ => Err(errors),
        }
    }
}

/// An opportunity as the list shows it.
#[derive(Debug, Clone)]
pub(crate) struct OpportunityRow {
    pub(crate) opportunity: Record<Opportunity>,
    pub(crate) sponsor: Option<(String, String)>,
    pub(crate) tracks: Vec<String>,
}

/// The choices of the opportunity form.
#[derive(Debug, Clone)]
pub(crate) struct OpportunityChoices {
    pub(crate) kinds: Vec<Choice>,
    pub(crate) statuses: Vec<Choice>,
    pub(crate) sponsors: Vec<Choice>,
    pub(crate) tracks: Vec<Choice>,
}

impl OpportunityChoices {
    /// `ranked` is everyone, best first (`pick::ranked`): the sponsors suggested are the
    /// first who speak for me (advocates and sponsors), then the first of the others.
    fn of(
        form: &OpportunityForm,
        people: &[Record<Person>],
        ranked: Vec<&Record<Person>>,
        framework: &Framework,
    ) -> OpportunityChoices {
        OpportunityChoices {
            kinds: Choice::list(OpportunityKind::ALL, &form.kind),
            statuses: Choice::list(OpportunityStatus::ALL, &form.status),
            sponsors: {
                let (mut first, others): (Vec<_>, Vec<_>) =
                    ranked.into_iter().partition(|p| p.stance.speaks_for_me());
                first.extend(others);
                first.truncate(pick::SUGGESTED);
                pick::choices("nobody in particular", first, &form.sponsor, people)
            },
            tracks: track_choices(framework, &form.tracks),
        }
    }
}

#[derive(Template)]
#[template(path = "opportunities.html")]
struct OpportunitiesPage {
    layout: Layout,
    rows: Vec<OpportunityRow>,
    form: Editor<OpportunityForm>,
    choices: OpportunityChoices,
    notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "opportunity_form.html")]
struct OpportunityFormPage {
    layout: Layout,
    form: Editor<OpportunityForm>,
    choices: OpportunityChoices,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct OpportunitiesQuery {
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "added" => Some("Opportunity recorded. Thank the person who put you forward."),
        "updated" => Some("Opportunity saved."),
        "deleted" => Some("Opportunity deleted."),
        _ => None,
    }
}

fn status_of(form: &Editor<OpportunityForm>) -> StatusCode {
    if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

async fn list_page(state: &AppState, form: Editor<OpportunityForm>, done: &str) -> PageResult {
    let store = &*state.store;
    let people = store.shared_people().await?;
    let ranked = pick::ranked(store, &people, state.today()).await?;
    let framework = store.get_framework().await?;
    let rows = store
        .list_opportunities()
        .await?
        .into_iter()
        .map(|o| OpportunityRow {
            sponsor: o
                .sponsor
                .and_then(|s| people.iter().find(|p| p.id == s))
                .map(|p| (p.name.to_string(), p.handle.to_string())),
            tracks: o
                .tracks
                .iter()
                .map(|t| {
                    framework
                        .track(t)
                        .map_or_else(|| t.to_string(), |tr| tr.name.clone())
                })
                .collect(),
            opportunity: o,
        })
        .collect();
    render(
        status_of(&form),
        &OpportunitiesPage {
            layout: Layout::with_log(Nav::Momentum, state.today()),
            rows,
            choices: OpportunityChoices::of(&form.values, &people, ranked, &framework),
            form,
            notice: notice(done),
        },
    )
}

async fn form_page(state: &AppState, form: Editor<OpportunityForm>) -> PageResult {
    let people = state.store.shared_people().await?;
    let ranked = pick::ranked(&*state.store, &people, state.today()).await?;
    let framework = state.store.get_framework().await?;
    render(
        status_of(&form),
        &OpportunityFormPage {
            layout: Layout::with_log(Nav::Momentum, state.today()),
            choices: OpportunityChoices::of(&form.values, &people, ranked, &framework),
            form,
        },
    )
}

async fn index(State(state): State<AppState>, Query(q): Query<OpportunitiesQuery>) -> PageResult {
    let form = Editor::new(OpportunityForm::blank(state.today()), "/opportunities");
    list_page(&state, form, &q.done).await
}

async fn parse_posted(
    state: &AppState,
    values: &OpportunityForm,
) -> Result<Result<Opportunity, FieldErrors>, fanclub_core::CoreError> {
    let people = state.store.shared_people().await?;
    let framework = state.store.get_framework().await?;
    Ok(values.parse(&people, &framework, state.today()))
}

async fn create(State(state): State<AppState>, Form(pairs): Form<Pairs>) -> PageResult {
    let values = OpportunityForm::posted(&pairs);
    match parse_posted(&state, &values).await? {
        Ok(o) => {
            let saved = state.store.create_opportunity(&o).await?;
            let to = format!("/opportunities?done=added#opportunity-{}", saved.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::new(values, "/opportunities").failed(errors);
            list_page(&state, form, "").await
        }
    }
}

async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let o = state.store.get_opportunity(id(raw)).await?;
    let people = state.store.shared_people().await?;
    let form = Editor::editing(
        OpportunityForm::of(&o, &people),
        format!("/opportunities/{raw}"),
        raw,
    );
    form_page(&state, form).await
}

async fn update(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    let before = state.store.get_opportunity(id(raw)).await?;
    let values = OpportunityForm::posted(&pairs);
    match parse_posted(&state, &values).await? {
        Ok(o) => {
            state
                .store
                .update_opportunity(&Record::new(before.id, o))
                .await?;
            let to = format!("/opportunities?done=updated#opportunity-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::editing(values, format!("/opportunities/{raw}"), raw).failed(errors);
            form_page(&state, form).await
        }
    }
}

async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let o = state.store.get_opportunity(id(raw)).await?;
    state.store.delete_opportunity(o.id).await?;
    Ok(Redirect::to("/opportunities?done=deleted").into_response())
}

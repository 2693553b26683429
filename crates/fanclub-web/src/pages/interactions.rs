//! Logging an interaction from a form: the quick form in every page's header posts here,
//! and so does the full page. A mistake re-renders the form with each error next to its
//! field and everything that was typed kept; success goes to the person's page. From a
//! person's timeline an interaction can be edited, deleted (after a confirmation) and its
//! follow-up marked done; each returns to the page it came from (`back`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use fanclub_core::{Interaction, InteractionId, InteractionKind, Person, Record, Store};

use super::form_view::{ConfirmPage, Consequence, Field, FormPage, FormView, Section};
use super::{Layout, LogForm, Nav, PageResult, ok, render};
use crate::AppState;
use crate::forms::{FieldErrors, InteractionForm};
use crate::forms_people::{InteractionEditForm, back_to};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/interactions", post(create))
        .route("/interactions/new", get(new))
        .route("/interactions/{id}", post(update))
        .route("/interactions/{id}/edit", get(edit))
        .route(
            "/interactions/{id}/delete",
            get(confirm_delete).post(delete),
        )
        .route("/interactions/{id}/follow-up-done", post(follow_up_done))
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    layout: Layout,
    log: LogForm,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    /// Who to prefill, as a handle or name.
    with: String,
}

async fn new(State(state): State<AppState>, Query(q): Query<NewQuery>) -> PageResult {
    let mut log = LogForm::blank(state.today());
    log.values.with = q.with;
    ok(&LogPage {
        layout: Layout::new(Nav::None),
        log,
    })
}

async fn create(State(state): State<AppState>, Form(form): Form<InteractionForm>) -> PageResult {
    let store = &*state.store;
    let people = store.shared_people().await?;
    match form.draft().parse(&people, state.today()) {
        Ok(interaction) => {
            let saved = store.create_interaction(&interaction).await?;
            // To the first person's page, where the interaction now shows, confirmed.
            let first = saved
                .people
                .first()
                .and_then(|id| people.iter().find(|p| p.id == *id));
            let to = match first {
                Some(p) => format!("/people/{}?logged={}", p.handle, saved.id),
                None => "/people".to_string(),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LogPage {
                layout: Layout::new(Nav::None),
                log: LogForm {
                    values: form,
                    errors,
                },
            },
        ),
    }
}

/// Where to go after changing an interaction: the person page named by `back`, else the
/// page of its first participant, else the people list.
fn return_to(back: &str, i: &Interaction, people: &[Record<Person>], saved: &str) -> String {
    let handle = back_to(back).map(|h| h.to_string()).or_else(|| {
        i.people
            .first()
            .and_then(|id| people.iter().find(|p| p.id == *id))
            .map(|p| p.handle.to_string())
    });
    match handle {
        Some(h) => format!("/people/{h}?saved={saved}#interactions-heading"),
        None => "/people".to_string(),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BackQuery {
    /// The handle of the person page the member came from.
    back: String,
}

const IF: &str = "interaction";

fn edit_page(
    id: InteractionId,
    f: &InteractionEditForm,
    errors: &FieldErrors,
    people: &[Record<Person>],
) -> FormPage {
    let sections = vec![
        Section::plain(vec![
            Field::text(IF, "with", "With", &f.log.with)
                .required()
                .wide()
                .suggest_people()
                .hint("Handles or names, separated by commas."),
            Field::date(IF, "on", "When", &f.log.on).hint("YYYY-MM-DD; today if left blank."),
            Field::select(IF, "kind", "Kind", InteractionKind::ALL, &f.log.kind),
            Field::text(IF, "summary", "What happened", &f.log.summary)
                .required()
                .wide(),
            Field::area(IF, "learned", "What I learned about them", &f.log.learned)
                .optional()
                .hint(
                    "Their goals, what they struggle with, what they care about. Markdown works.",
                ),
            Field::area(IF, "notes", "Notes", &f.log.notes)
                .optional()
                .hint("Markdown works."),
        ]),
        Section::new(
            "Follow-up",
            vec![
                Field::text(IF, "follow_up", "Follow-up", &f.log.follow_up).optional(),
                Field::date(IF, "follow_up_due", "Follow-up due", &f.log.follow_up_due).optional(),
                Field::checkbox(
                    IF,
                    "follow_up_done",
                    "Follow-up done",
                    !f.follow_up_done.trim().is_empty(),
                ),
            ],
        ),
    ];
    let back = back_to(&f.back).map(|h| h.to_string());
    let cancel = match &back {
        Some(h) => format!("/people/{h}"),
        None => "/people".to_string(),
    };
    FormPage {
        layout: Layout::new(Nav::People),
        title: "Edit the interaction".into(),
        lede: String::new(),
        cancel_label: "Back".into(),
        cancel,
        form: FormView::new(
            format!("/interactions/{id}"),
            "Edit the interaction",
            "Save interaction",
            sections,
            errors,
        )
        .back(back)
        .people(people.iter().map(|p| p.handle.to_string()).collect()),
    }
}

async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<BackQuery>,
) -> PageResult {
    let store = &*state.store;
    let i = store.get_interaction(InteractionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    let mut f = InteractionEditForm::of(&i, &people);
    f.back = q.back;
    ok(&edit_page(i.id, &f, &FieldErrors::default(), &people))
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(form): Form<InteractionEditForm>,
) -> PageResult {
    let store = &*state.store;
    let before = store.get_interaction(InteractionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    match form.parse(&before, &people, state.today()) {
        Ok(value) => {
            let saved = store
                .update_interaction(&Record::new(before.id, value))
                .await?;
            Ok(
                Redirect::to(&return_to(&form.back, &saved, &people, "interaction"))
                    .into_response(),
            )
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(before.id, &form, &errors, &people),
        ),
    }
}

async fn confirm_delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<BackQuery>,
) -> PageResult {
    let store = &*state.store;
    let i = store.get_interaction(InteractionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    let names: Vec<String> = i
        .people
        .iter()
        .filter_map(|id| people.iter().find(|p| p.id == *id))
        .map(|p| p.name.to_string())
        .collect();
    let back = back_to(&q.back).map(|h| h.to_string());
    ok(&ConfirmPage {
        layout: Layout::new(Nav::People),
        title: "Delete this interaction?".into(),
        lede: format!(
            "“{}”, a {} on {} with {}.",
            i.summary,
            i.kind,
            i.on,
            names.join(", ")
        ),
        consequences: vec![Consequence {
            heading: "What changes",
            items: vec![
                "The interaction, its notes and its follow-up are deleted.".into(),
                "Each person's last contact is worked out again from what remains.".into(),
            ],
        }],
        action: format!("/interactions/{}/delete", i.id),
        button: "Delete interaction",
        cancel: match &back {
            Some(h) => format!("/people/{h}"),
            None => "/people".into(),
        },
        back,
    })
}

async fn delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(q): Form<BackQuery>,
) -> PageResult {
    let store = &*state.store;
    let i = store.get_interaction(InteractionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    store.delete_interaction(i.id).await?;
    Ok(Redirect::to(&return_to(&q.back, &i, &people, "interaction-removed")).into_response())
}

async fn follow_up_done(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(q): Form<BackQuery>,
) -> PageResult {
    let store: &dyn Store = &*state.store;
    let mut i = store.get_interaction(InteractionId::from_raw(id)).await?;
    if i.follow_up.is_none() {
        return Err(fanclub_core::CoreError::Conflict(
            "this interaction has no follow-up to mark done".into(),
        )
        .into());
    }
    i.follow_up_done = true;
    store.update_interaction(&i).await?;
    let people = store.shared_people().await?;
    // From the weekly review, back to it.
    if q.back == "week" {
        return Ok(Redirect::to("/?saved=follow-up-done#follow-ups-heading").into_response());
    }
    Ok(Redirect::to(&return_to(&q.back, &i, &people, "follow-up-done")).into_response())
}

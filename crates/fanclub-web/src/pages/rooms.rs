//! Rooms: each upcoming decision about the member, who in the room will speak for them,
//! the risks, and the few moves that would raise their cover most (`engine::coverage`).
//! A room has its own page (`/rooms/{id}`) where people are seated, moved between decider
//! and voice, or unseated; decisions are added, edited and deleted from forms that
//! redirect after saving and come back with 422 and each error next to its field.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::engine::coverage::RoomCoverage;
use fanclub_core::{
    CoreError, Decision, DecisionId, DecisionKind, Person, PersonId, Record, RoomRole, Store,
    services as core_services,
};
use serde::Deserialize;

use super::form_view::{ConfirmPage, Consequence, Field, FormPage, FormView, Section};
use super::{Layout, Nav, PageResult, ok, render};
use crate::forms::FieldErrors;
use crate::forms_people::{DecisionForm, SeatForm};
use crate::{AppState, markdown, services};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/rooms", get(index).post(create))
        .route("/rooms/new", get(new))
        .route("/rooms/{id}", get(show).post(update))
        .route("/rooms/{id}/edit", get(edit))
        .route("/rooms/{id}/delete", get(confirm_delete).post(delete))
        .route("/rooms/{id}/seats", post(seat))
        .route("/rooms/{id}/seats/{person}/delete", post(unseat))
}

#[derive(Template)]
#[template(path = "rooms.html")]
struct RoomsPage {
    layout: Layout,
    rooms: Vec<RoomCoverage>,
    /// Decisions already taken, newest first.
    past: Vec<Record<Decision>>,
}

async fn index(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let rooms = services::rooms(&*state.store, today).await?;
    let mut past: Vec<_> = state
        .store
        .list_decisions()
        .await?
        .into_iter()
        .filter(|d| !d.is_upcoming(today))
        .collect();
    past.reverse();
    ok(&RoomsPage {
        layout: Layout::with_log(Nav::Rooms, today),
        rooms,
        past,
    })
}

/// What one room's page shows.
#[derive(Template)]
#[template(path = "rooms/show.html")]
struct RoomPage {
    layout: Layout,
    d: Record<Decision>,
    r: RoomCoverage,
    notes_html: Option<String>,
    /// Each seat with its person, as seated (the engine orders `r.members` by influence).
    seats: Vec<(Record<Person>, RoomRole)>,
    roles: Vec<RoomRole>,
    seat_form: FormView,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SavedQuery {
    saved: String,
}

fn notice(saved: &str) -> Option<&'static str> {
    Some(match saved {
        "added" => "Added the decision. Now seat who decides and who has a voice.",
        "updated" => "Saved your changes.",
        "seated" => "Saved the seat; the coverage below counts it.",
        "unseated" => "Removed them from the room.",
        _ => return None,
    })
}

const SF: &str = "seat";

fn seat_view(
    id: DecisionId,
    f: &SeatForm,
    errors: &FieldErrors,
    people: &[Record<Person>],
) -> FormView {
    FormView::new(
        format!("/rooms/{id}/seats"),
        "Seat someone in this room",
        "Seat in room",
        vec![Section::plain(vec![
            Field::text(SF, "person", "Who", &f.person)
                .required()
                .suggest_people()
                .hint("A handle or a name; someone already seated changes role."),
            Field::select(SF, "role", "Role in the room", RoomRole::ALL, &f.role)
                .hint("Decider: decides. Voice: is heard before the decision."),
        ])],
        errors,
    )
    .people(people.iter().map(|p| p.handle.to_string()).collect())
}

async fn room_page(
    store: &dyn Store,
    d: Record<Decision>,
    seat_form: FormView,
    notice: Option<&'static str>,
    today: fanclub_core::Day,
) -> Result<RoomPage, CoreError> {
    let people = store.shared_people().await?;
    let r = core_services::room_coverage(store, std::slice::from_ref(&d), today)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| CoreError::not_found("decision", d.id.to_string()))?;
    let seats = d
        .room
        .iter()
        .filter_map(|s| Some((people.iter().find(|p| p.id == s.person)?.clone(), s.role)))
        .collect();
    Ok(RoomPage {
        layout: Layout::with_log(Nav::Rooms, today),
        notes_html: d.notes.as_deref().map(markdown::render),
        roles: RoomRole::ALL.to_vec(),
        seats,
        seat_form,
        notice,
        r,
        d,
    })
}

async fn show(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> PageResult {
    let store = &*state.store;
    let d = store.get_decision(DecisionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    let form = seat_view(d.id, &SeatForm::blank(), &FieldErrors::default(), &people);
    ok(&room_page(store, d, form, notice(&q.saved), state.today()).await?)
}

fn to_room(id: DecisionId, saved: &str) -> Response {
    Redirect::to(&format!("/rooms/{id}?saved={saved}")).into_response()
}

// Adding, editing and deleting a decision.

const DF: &str = "decision";

fn decision_page(
    f: &DecisionForm,
    errors: &FieldErrors,
    editing: Option<&Record<Decision>>,
    people: &[Record<Person>],
) -> FormPage {
    let mut fields = vec![
        Field::text(DF, "title", "Decision", &f.title)
            .required()
            .wide()
            .hint("In a few words: “Promotion committee, spring round”."),
        Field::select(DF, "kind", "Kind", DecisionKind::ALL, &f.kind),
        Field::date(DF, "on", "Date", &f.on)
            .required()
            .hint("YYYY-MM-DD: when it is decided."),
        Field::area(DF, "notes", "Notes", &f.notes)
            .optional()
            .hint("What the room weighs, who chairs it. Markdown works."),
    ];
    let handles = people.iter().map(|p| p.handle.to_string()).collect();
    match editing {
        None => {
            fields.push(
                Field::text(DF, "deciders", "Deciders", &f.deciders)
                    .optional()
                    .wide()
                    .suggest_people()
                    .hint("Who decides: handles or names, separated by commas."),
            );
            fields.push(
                Field::text(DF, "voices", "Voices", &f.voices)
                    .optional()
                    .wide()
                    .suggest_people()
                    .hint("Who is heard before the decision."),
            );
            FormPage {
                layout: Layout::new(Nav::Rooms),
                title: "Add a decision".into(),
                lede: "A decision about you taken in a room you are not in: a promotion, the staffing of a \
                       project, a bonus, a hiring. Who sits in it is what you can work on."
                    .into(),
                cancel: "/rooms".into(),
                cancel_label: "Rooms".into(),
                form: FormView::new("/rooms", "Add a decision", "Add decision", vec![Section::plain(fields)], errors)
                    .people(handles),
            }
        }
        Some(d) => FormPage {
            layout: Layout::new(Nav::Rooms),
            title: format!("Edit {}", d.title),
            lede: "Who sits in the room is changed on the room's page.".into(),
            cancel: format!("/rooms/{}", d.id),
            cancel_label: d.title.to_string(),
            form: FormView::new(
                format!("/rooms/{}", d.id),
                "Edit the decision",
                "Save decision",
                vec![Section::plain(fields)],
                errors,
            ),
        },
    }
}

async fn new(State(state): State<AppState>) -> PageResult {
    let people = state.store.shared_people().await?;
    ok(&decision_page(
        &DecisionForm::blank(),
        &FieldErrors::default(),
        None,
        &people,
    ))
}

async fn create(State(state): State<AppState>, Form(form): Form<DecisionForm>) -> PageResult {
    let store = &*state.store;
    let people = store.shared_people().await?;
    match form.parse(&people, Vec::new()) {
        // The decision and its seats are one store call, one transaction.
        Ok(d) => Ok(to_room(store.create_decision(&d).await?.id, "added")),
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &decision_page(&form, &errors, None, &people),
        ),
    }
}

async fn edit(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult {
    let store = &*state.store;
    let d = store.get_decision(DecisionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    ok(&decision_page(
        &DecisionForm::of(&d),
        &FieldErrors::default(),
        Some(&d),
        &people,
    ))
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(mut form): Form<DecisionForm>,
) -> PageResult {
    let store = &*state.store;
    let before = store.get_decision(DecisionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    // The room is not on this form: seats are kept as they are.
    form.deciders.clear();
    form.voices.clear();
    match form.parse(&people, before.room.clone()) {
        Ok(d) => Ok(to_room(
            store.update_decision(&Record::new(before.id, d)).await?.id,
            "updated",
        )),
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &decision_page(&form, &errors, Some(&before), &people),
        ),
    }
}

async fn confirm_delete(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult {
    let d = state.store.get_decision(DecisionId::from_raw(id)).await?;
    let seats = d.room.len();
    ok(&ConfirmPage {
        layout: Layout::new(Nav::Rooms),
        title: format!("Delete {}?", d.title),
        lede: format!(
            "The {} decision of {} and who sits in its room.",
            d.kind, d.on
        ),
        consequences: vec![
            Consequence {
                heading: "Removed",
                items: vec![
                    "The decision and its notes.".into(),
                    match seats {
                        0 => "No seats: nobody was in the room yet.".into(),
                        1 => "1 seat in its room.".into(),
                        n => format!("{n} seats in its room."),
                    },
                ],
            },
            Consequence {
                heading: "Kept",
                items: vec!["Everyone who sat in it, with all you know about them.".into()],
            },
        ],
        action: format!("/rooms/{}/delete", d.id),
        button: "Delete decision",
        cancel: format!("/rooms/{}", d.id),
        back: None,
    })
}

async fn delete(State(state): State<AppState>, Path(id): Path<i64>) -> PageResult {
    let d = state.store.get_decision(DecisionId::from_raw(id)).await?;
    state.store.delete_decision(d.id).await?;
    Ok(Redirect::to("/rooms").into_response())
}

// Seats.

async fn seat(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Form(form): Form<SeatForm>,
) -> PageResult {
    let store = &*state.store;
    let mut d = store.get_decision(DecisionId::from_raw(id)).await?;
    let people = store.shared_people().await?;
    match form.parse(&people) {
        Ok(seat) => {
            match d.room.iter_mut().find(|s| s.person == seat.person) {
                Some(s) => s.role = seat.role,
                None => d.room.push(seat),
            }
            store.update_decision(&d).await?;
            Ok(to_room(d.id, "seated"))
        }
        Err(errors) => {
            let view = seat_view(d.id, &form, &errors, &people);
            let page = room_page(store, d, view, None, state.today()).await?;
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn unseat(State(state): State<AppState>, Path((id, person)): Path<(i64, i64)>) -> PageResult {
    let store = &*state.store;
    let mut d = store.get_decision(DecisionId::from_raw(id)).await?;
    let person = PersonId::from_raw(person);
    if !d.room.iter().any(|s| s.person == person) {
        return Err(CoreError::not_found("seat", person.to_string()).into());
    }
    d.room.retain(|s| s.person != person);
    store.update_decision(&d).await?;
    Ok(to_room(d.id, "unseated"))
}

//! People: the list with search and filters (by circle, grid quadrant and stance), and
//! each person's page: who they are, where they stand and how that changed, the trust
//! between us, who they know, our interactions and the rooms they sit in. The forms to
//! add, edit and remove a person, record a stance change, rate trust and add or remove a
//! connection live here too; each posts, then redirects to the person's page, or comes
//! back with 422 and every error next to its field.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::{
    Circle, ConnectionId, CoreError, Interaction, InteractionFilter, Person, PersonId, Record,
    Relation, Stance, Store,
};
use serde::Deserialize;

use super::form_view::{ConfirmPage, Consequence, Field, FormPage, FormView, Section};
use super::{Layout, Nav, PageResult, ok, render};
use crate::forms::FieldErrors;
use crate::forms_people::{ConnectionForm, PersonForm, StanceForm, TrustForm};
use crate::services::{self, PersonDetail};
use crate::{AppState, markdown};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/people", post(create))
        .route("/people/new", get(new))
        .route("/people/{handle}", get(show).post(update))
        .route("/people/{handle}/edit", get(edit))
        .route("/people/{handle}/stance", get(stance_page).post(stance))
        .route("/people/{handle}/trust", get(trust_page).post(trust))
        .route("/people/{handle}/connections", post(connect))
        .route("/people/{handle}/connections/{id}/delete", post(disconnect))
        .route("/people/{handle}/delete", get(confirm_delete).post(delete))
}

/// What just happened, confirmed at the top of a person's page after a redirect.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ShowQuery {
    /// Set after logging an interaction, to confirm it.
    logged: Option<i64>,
    /// Set after another form saved: one of the `notice` keys.
    saved: String,
}

/// The confirmation for each `saved` key; unknown keys say nothing.
fn notice(saved: &str) -> Option<&'static str> {
    Some(match saved {
        "added" => "Added. Fill in what they care about as you learn it.",
        "updated" => "Saved your changes.",
        "stance" => "Recorded the stance change; the history below shows it.",
        "trust" => "Saved the trust factors.",
        "connected" => "Added the connection; intro paths can now go through it.",
        "disconnected" => "Removed the connection.",
        "interaction" => "Saved the interaction.",
        "interaction-removed" => "Removed the interaction.",
        "follow-up-done" => "Marked the follow-up done.",
        _ => return None,
    })
}

/// One of this person's connections, with the other end.
#[derive(Debug, Clone)]
struct Known {
    id: ConnectionId,
    other: Record<Person>,
    strength: u8,
    note: Option<String>,
}

/// An interaction on the timeline, with its notes rendered.
#[derive(Debug, Clone)]
struct TimelineItem {
    i: Record<Interaction>,
    notes_html: Option<String>,
    learned_html: Option<String>,
    /// The others who were there.
    with: Vec<Record<Person>>,
}

#[derive(Template)]
#[template(path = "people/show.html")]
struct ShowPage {
    layout: Layout,
    d: PersonDetail,
    /// The interaction just logged, when the member came here from the log form.
    logged: Option<Record<Interaction>>,
    notice: Option<&'static str>,
    timeline: Vec<TimelineItem>,
    known: Vec<Known>,
    notes_html: Option<String>,
    stance_form: FormView,
    trust_form: FormView,
    connection_form: FormView,
}

async fn show(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(query): Query<ShowQuery>,
) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let d = services::person_detail(store, &handle, today).await?;
    let people = store.list_people().await?;
    let logged = query
        .logged
        .and_then(|id| d.interactions.iter().find(|i| i.id.get() == id).cloned());
    let p = &d.person;
    let timeline = d
        .interactions
        .iter()
        .map(|i| TimelineItem {
            notes_html: i.notes.as_deref().map(markdown::render),
            learned_html: i.learned.as_deref().map(markdown::render),
            with: i
                .people
                .iter()
                .filter(|id| **id != p.id)
                .filter_map(|id| people.iter().find(|o| o.id == *id).cloned())
                .collect(),
            i: i.clone(),
        })
        .collect();
    let known = connections_of(store, p.id, &people).await?;
    let handles = handles_except(&people, p.id);
    let stance_form = stance_view(
        &p.handle.to_string(),
        &StanceForm::blank(p.stance, today),
        &FieldErrors::default(),
    );
    let trust_form = trust_view(
        &p.handle.to_string(),
        &TrustForm::of(p.trust.as_ref()),
        &FieldErrors::default(),
    );
    let connection_form = connection_view(
        &p.handle.to_string(),
        &ConnectionForm::blank(),
        &FieldErrors::default(),
    )
    .people(handles);
    ok(&ShowPage {
        layout: Layout::with_log(Nav::People, today).logging_with(p.handle.as_str()),
        notes_html: p.notes.as_deref().map(markdown::render),
        notice: notice(&query.saved),
        logged,
        timeline,
        known,
        stance_form,
        trust_form,
        connection_form,
        d,
    })
}

/// Everyone this person knows, closest first.
async fn connections_of(
    store: &dyn Store,
    me: PersonId,
    people: &[Record<Person>],
) -> Result<Vec<Known>, CoreError> {
    let mut known: Vec<Known> = store
        .connections_of(me)
        .await?
        .into_iter()
        .filter_map(|c| {
            let other = c.other(me)?;
            Some(Known {
                id: c.id,
                other: people.iter().find(|p| p.id == other)?.clone(),
                strength: c.strength.get(),
                note: c.note.clone(),
            })
        })
        .collect();
    known.sort_by(|a, b| {
        b.strength
            .cmp(&a.strength)
            .then(a.other.name.cmp(&b.other.name))
    });
    Ok(known)
}

fn handles_except(people: &[Record<Person>], me: PersonId) -> Vec<String> {
    people
        .iter()
        .filter(|p| p.id != me)
        .map(|p| p.handle.to_string())
        .collect()
}

/// A person by handle, or the page's 404.
async fn person(
    store: &dyn Store,
    handle: &str,
) -> Result<(Record<Person>, Vec<Record<Person>>), CoreError> {
    let people = store.list_people().await?;
    let p = people
        .iter()
        .find(|p| p.handle.as_str() == handle)
        .cloned()
        .ok_or_else(|| CoreError::NotFound {
            kind: "person",
            key: handle.to_string(),
            hint: "the People page lists everyone".into(),
        })?;
    Ok((p, people))
}

fn to_person(handle: &str, saved: &str) -> Response {
    Redirect::to(&format!("/people/{handle}?saved={saved}")).into_response()
}

// Adding and editing.

const PF: &str = "person";

fn person_sections(f: &PersonForm, adding: bool) -> Vec<Section> {
    let mut standing = vec![
        Field::select(PF, "circle", "Circle", Circle::ALL, &f.circle)
            .hint("Team: your own team. Company: your organisation outside it. Outside: other organisations."),
        Field::select(PF, "relation", "Relation to you", Relation::ALL, &f.relation),
        Field::select(PF, "influence", "Influence", &[1, 2, 3, 4, 5], &f.influence)
            .hint("Power over decisions about you: 1 none, 5 decides."),
        Field::select(PF, "interest", "Interest", &[1, 2, 3, 4, 5], &f.interest)
            .hint("Interest in your work: 1 none, 5 follows it closely."),
    ];
    if adding {
        standing.push(
            Field::select(PF, "stance", "Stance", Stance::ALL, &f.stance)
                .hint("From detractor to sponsor. Unknown until you know better."),
        );
        standing.push(
            Field::date(PF, "since", "Stance since", &f.since)
                .optional()
                .hint("YYYY-MM-DD; today if left blank."),
        );
    }
    vec![
        Section::new(
            "Who they are",
            vec![
                Field::text(PF, "name", "Name", &f.name).required(),
                Field::text(PF, "title", "Title", &f.title).optional(),
                Field::text(PF, "organisation", "Organisation", &f.organisation).optional(),
                Field::text(PF, "team", "Team", &f.team).optional(),
                Field::text(PF, "handle", "Handle", &f.handle)
                    .optional()
                    .hint("Lowercase letters, digits and dashes, for the command line; made from the name if left blank."),
            ],
        ),
        Section::new("Where they stand", standing),
        Section::new(
            "What they care about",
            vec![
                Field::area(PF, "goals", "Their goals", &f.goals)
                    .optional()
                    .hint("What they are trying to achieve at work."),
                Field::area(PF, "struggles", "Their struggles", &f.struggles).optional(),
                Field::area(PF, "interests", "Interests outside work", &f.interests)
                    .optional(),
            ],
        ),
        Section::new(
            "How you know them",
            vec![
                Field::text(PF, "how_met", "How you met", &f.how_met).optional(),
                Field::text(PF, "introduced_by", "Introduced by", &f.introduced_by)
                    .optional()
                    .suggest_people()
                    .hint("Their handle or name."),
                Field::text(PF, "cadence", "Keep in touch every", &f.cadence)
                    .optional()
                    .hint("Days, or 3w, 2m. Blank: the default for their place on the grid."),
                Field::text(PF, "birthday", "Birthday", &f.birthday)
                    .optional()
                    .hint("YYYY-MM-DD, or --MM-DD without the year."),
            ],
        ),
        Section::new(
            "How to reach them",
            vec![
                Field::text(PF, "emails", "E-mail addresses", &f.emails)
                    .optional()
                    .wide()
                    .hint("Separated by commas."),
                Field::area(PF, "phones", "Phone numbers", &f.phones)
                    .optional()
                    .rows(2)
                    .hint("One per line."),
                Field::area(PF, "links", "Links", &f.links)
                    .optional()
                    .rows(2)
                    .hint("Profile or web addresses, one per line."),
            ],
        ),
        Section::new(
            "Notes",
            vec![
                Field::area(PF, "notes", "Notes", &f.notes)
                    .optional()
                    .rows(5)
                    .hint("Markdown works: **bold**, lists, links, - [ ] tasks."),
            ],
        ),
    ]
}

fn person_form_page(
    f: &PersonForm,
    errors: &FieldErrors,
    editing: Option<&Record<Person>>,
    people: &[Record<Person>],
) -> FormPage {
    let handles = people.iter().map(|p| p.handle.to_string()).collect();
    match editing {
        None => FormPage {
            layout: Layout::new(Nav::People),
            title: "Add a person".into(),
            lede: "Someone whose view of you matters, or may one day. Only the name is needed; \
                   add the rest as you learn it."
                .into(),
            cancel: "/people".into(),
            cancel_label: "People".into(),
            form: FormView::new("/people", "Add a person", "Add person", person_sections(f, true), errors)
                .people(handles),
        },
        Some(p) => FormPage {
            layout: Layout::new(Nav::People),
            title: format!("Edit {}", p.name),
            lede: "To record a change of stance with its date, use “Record a stance change” on their page.".into(),
            cancel: format!("/people/{}", p.handle),
            cancel_label: p.name.to_string(),
            form: FormView::new(
                format!("/people/{}", p.handle),
                "Edit person",
                "Save changes",
                person_sections(f, false),
                errors,
            )
            .people(handles),
        },
    }
}

async fn new(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let people = state.store.list_people().await?;
    ok(&person_form_page(
        &PersonForm::blank(today),
        &FieldErrors::default(),
        None,
        &people,
    ))
}

async fn create(State(state): State<AppState>, Form(form): Form<PersonForm>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let people = store.list_people().await?;
    match form.parse(None, &people, today) {
        Ok(input) => {
            let saved =
                services::create_person(store, input.person, input.handle_given, input.since)
                    .await?;
            Ok(to_person(saved.handle.as_str(), "added"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &person_form_page(&form, &errors, None, &people),
        ),
    }
}

async fn edit(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, people) = person(&*state.store, &handle).await?;
    ok(&person_form_page(
        &PersonForm::of(&p, &people),
        &FieldErrors::default(),
        Some(&p),
        &people,
    ))
}

async fn update(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<PersonForm>,
) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let (before, people) = person(store, &handle).await?;
    match form.parse(Some(&before), &people, today) {
        Ok(input) => {
            let saved = store
                .update_person(&Record::new(before.id, input.person), today)
                .await?;
            Ok(to_person(saved.handle.as_str(), "updated"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &person_form_page(&form, &errors, Some(&before), &people),
        ),
    }
}

// Stance.

fn stance_view(handle: &str, f: &StanceForm, errors: &FieldErrors) -> FormView {
    let form = "stance";
    FormView::new(
        format!("/people/{handle}/stance"),
        "Record a stance change",
        "Record stance",
        vec![Section::plain(vec![
            Field::select(form, "stance", "New stance", Stance::ALL, &f.stance),
            Field::date(form, "on", "Changed on", &f.on).hint("YYYY-MM-DD; today if left blank."),
            Field::text(form, "note", "What changed their mind", &f.note)
                .optional()
                .wide()
                .hint("Kept, dated, in their notes."),
        ])],
        errors,
    )
}

async fn stance_page(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, _) = person(&*state.store, &handle).await?;
    let f = StanceForm::blank(p.stance, state.today());
    ok(&small_form_page(
        &p,
        "Record a stance change",
        stance_view(&handle, &f, &FieldErrors::default()),
    ))
}

fn small_form_page(p: &Record<Person>, title: &str, form: FormView) -> FormPage {
    FormPage {
        layout: Layout::new(Nav::People),
        title: format!("{title}: {}", p.name),
        lede: String::new(),
        cancel: format!("/people/{}", p.handle),
        cancel_label: p.name.to_string(),
        form,
    }
}

async fn stance(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<StanceForm>,
) -> PageResult {
    let store = &*state.store;
    let (mut p, _) = person(store, &handle).await?;
    let before = p.stance;
    match form.apply(&mut p.value, state.today()) {
        Ok(on) => {
            store.update_person(&p, on).await?;
            Ok(to_person(
                &handle,
                if p.stance == before {
                    "updated"
                } else {
                    "stance"
                },
            ))
        }
        Err(errors) => {
            let view = stance_view(&handle, &form, &errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &small_form_page(&p, "Record a stance change", view),
            )
        }
    }
}

// Trust.

fn trust_view(handle: &str, f: &TrustForm, errors: &FieldErrors) -> FormView {
    let form = "trust";
    let scale = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    FormView::new(
        format!("/people/{handle}/trust"),
        "Rate trust",
        "Save trust",
        vec![Section::plain(vec![
            Field::select(form, "credibility", "Credibility", &scale, &f.credibility)
                .hint("They believe what you say."),
            Field::select(form, "reliability", "Reliability", &scale, &f.reliability)
                .hint("They can depend on what you do."),
            Field::select(form, "intimacy", "Intimacy", &scale, &f.intimacy)
                .hint("They feel safe being open with you."),
            Field::select(
                form,
                "self_orientation",
                "Self-orientation",
                &scale,
                &f.self_orientation,
            )
            .hint("How focused on yourself you seem to them: lower is better."),
        ])],
        errors,
    )
}

async fn trust_page(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let (p, _) = person(&*state.store, &handle).await?;
    let f = TrustForm::of(p.trust.as_ref());
    ok(&small_form_page(
        &p,
        "Rate trust",
        trust_view(&handle, &f, &FieldErrors::default()),
    ))
}

async fn trust(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<TrustForm>,
) -> PageResult {
    let store = &*state.store;
    let (mut p, _) = person(store, &handle).await?;
    match form.parse() {
        Ok(t) => {
            p.trust = Some(t);
            store.update_person(&p, state.today()).await?;
            Ok(to_person(&handle, "trust"))
        }
        Err(errors) => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &small_form_page(&p, "Rate trust", trust_view(&handle, &form, &errors)),
        ),
    }
}

// Connections.

fn connection_view(handle: &str, f: &ConnectionForm, errors: &FieldErrors) -> FormView {
    let form = "connection";
    FormView::new(
        format!("/people/{handle}/connections"),
        "Add a connection",
        "Add connection",
        vec![Section::plain(vec![
            Field::text(form, "other", "Who they know", &f.other)
                .required()
                .suggest_people()
                .hint("A handle or a name."),
            Field::select(form, "strength", "How well", &[1, 2, 3, 4, 5], &f.strength)
                .hint("1: met once. 5: close."),
            Field::text(form, "note", "Note", &f.note).optional().wide(),
        ])],
        errors,
    )
}

async fn connect(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Form(form): Form<ConnectionForm>,
) -> PageResult {
    let store = &*state.store;
    let (p, people) = person(store, &handle).await?;
    let result = match form.parse(p.id, &people) {
        Ok(c) => match store.create_connection(&c).await {
            Ok(_) => return Ok(to_person(&handle, "connected")),
            // Already connected: say so next to the field.
            Err(e @ CoreError::Conflict(_)) => {
                let mut errors = FieldErrors::default();
                errors.push("other", e);
                errors
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let view = connection_view(&handle, &form, &result).people(handles_except(&people, p.id));
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &small_form_page(&p, "Add a connection", view),
    )
}

async fn disconnect(
    State(state): State<AppState>,
    Path((handle, id)): Path<(String, i64)>,
) -> PageResult {
    let store = &*state.store;
    let (p, _) = person(store, &handle).await?;
    let c = store.get_connection(ConnectionId::from_raw(id)).await?;
    // Only from the page of one of its two ends.
    if c.other(p.id).is_none() {
        return Err(CoreError::not_found("connection", id.to_string()).into());
    }
    store.delete_connection(c.id).await?;
    Ok(to_person(&handle, "disconnected"))
}

// Removing a person.

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What deleting `p` will remove and what it will only detach, counted the way
/// `Store::delete_person` counts it.
async fn deletion_preview(
    store: &dyn Store,
    p: &Record<Person>,
    people: &[Record<Person>],
) -> Result<Vec<Consequence>, CoreError> {
    let id = p.id;
    let stance = store.stance_history(id).await?.len();
    let connections = store
        .list_connections()
        .await?
        .iter()
        .filter(|c| c.other(id).is_some())
        .count();
    let interactions = store
        .list_interactions(&InteractionFilter {
            person: Some(id),
            ..InteractionFilter::default()
        })
        .await?;
    let solo: Vec<_> = interactions
        .iter()
        .filter(|i| i.people.len() == 1)
        .map(|i| i.id)
        .collect();
    let shared = interactions.len() - solo.len();
    let shares: usize = store
        .list_wins()
        .await?
        .iter()
        .map(|w| w.shares.iter().filter(|s| s.person == id).count())
        .sum();
    let seats = store
        .list_decisions()
        .await?
        .iter()
        .filter(|d| d.room.iter().any(|s| s.person == id))
        .count();
    let perceptions = store
        .list_perceptions()
        .await?
        .iter()
        .filter(|c| c.person == id)
        .count();
    let evidence = store
        .list_evidence()
        .await?
        .iter()
        .filter(|e| e.person == Some(id) || e.interaction.is_some_and(|i| solo.contains(&i)))
        .count();
    let opportunities = store
        .list_opportunities()
        .await?
        .iter()
        .filter(|o| o.sponsor == Some(id))
        .count();
    let introduced = people
        .iter()
        .filter(|o| o.introduced_by == Some(id))
        .count();
    let list = |parts: Vec<(usize, &str, &str)>| -> Vec<String> {
        parts
            .into_iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|(n, one, many)| plural(n, one, many))
            .collect()
    };
    Ok(vec![
        Consequence {
            heading: "Removed with them",
            items: list(vec![
                (stance, "stance change", "stance changes"),
                (connections, "connection", "connections"),
                (
                    solo.len(),
                    "interaction only with them",
                    "interactions only with them",
                ),
                (
                    shares,
                    "record that they heard of a win",
                    "records that they heard of a win",
                ),
                (seats, "seat in a room", "seats in rooms"),
                (perceptions, "perception check", "perception checks"),
            ]),
        },
        Consequence {
            heading: "Kept, without them",
            items: list(vec![
                (
                    shared,
                    "interaction with others",
                    "interactions with others",
                ),
                (
                    evidence,
                    "piece of evidence (what they witnessed or endorsed becomes your claim)",
                    "pieces of evidence (what they witnessed or endorsed becomes your claim)",
                ),
                (
                    opportunities,
                    "opportunity they sponsored",
                    "opportunities they sponsored",
                ),
                (
                    introduced,
                    "person they introduced",
                    "people they introduced",
                ),
            ]),
        },
    ])
}

async fn confirm_delete(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let store = &*state.store;
    let (p, people) = person(store, &handle).await?;
    let consequences = deletion_preview(store, &p, &people).await?;
    ok(&ConfirmPage {
        layout: Layout::new(Nav::People),
        title: format!("Remove {}?", p.name),
        lede: format!(
            "{} will no longer be in fanclub. What is only about them goes too; what merely \
             mentions them stays.",
            p.name
        ),
        consequences,
        action: format!("/people/{}/delete", p.handle),
        button: "Remove person",
        cancel: format!("/people/{}", p.handle),
        back: None,
    })
}

async fn delete(State(state): State<AppState>, Path(handle): Path<String>) -> PageResult {
    let store = &*state.store;
    let (p, _) = person(store, &handle).await?;
    store.delete_person(p.id).await?;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("removed", p.name.as_str())
        .finish();
    Ok(Redirect::to(&format!("/people?{query}")).into_response())
}

//! The person's page: who they are, where they stand and how that changed, the trust
//! between us, who they know, our interactions and the rooms they sit in, with the small
//! forms to record a stance change, rate trust and add a connection.

use askama::Template;
use axum::extract::{Path, Query, State};
use fanclub_core::{ConnectionId, CoreError, Interaction, Person, PersonId, Record, Store};
use serde::Deserialize;

use super::{connections, handles_except, stance, trust};
use crate::forms::FieldErrors;
use crate::forms_people::{ConnectionForm, StanceForm, TrustForm};
use crate::pages::form_view::FormView;
use crate::pages::{Layout, Nav, PageResult, ok};
use crate::services::{self, PersonDetail};
use crate::{AppState, markdown};

/// What just happened, confirmed at the top of a person's page after a redirect.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct ShowQuery {
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

pub(super) async fn show(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(query): Query<ShowQuery>,
) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let d = services::person_detail(store, &handle, today).await?;
    let people = store.shared_people().await?;
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
    let stance_form = stance::view(
        &p.handle.to_string(),
        &StanceForm::blank(p.stance, today),
        &FieldErrors::default(),
    );
    let trust_form = trust::view(
        &p.handle.to_string(),
        &TrustForm::of(p.trust.as_ref()),
        &FieldErrors::default(),
    );
    let connection_form = connections::view(
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

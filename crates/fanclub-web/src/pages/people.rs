//! People: the list with search and filters (by circle, grid quadrant and stance), and
//! each person's page: who they are, where they stand and how that changed, the trust
//! between us, our recent interactions and the rooms they sit in.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use fanclub_core::{Circle, Interaction, Person, Quadrant, Record, Stance};
use serde::Deserialize;

use super::{Choice, Layout, Nav, PageResult, ok};
use crate::AppState;
use crate::services::{self, PeopleFilter, PersonDetail};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/people", get(index))
        .route("/people/{handle}", get(show))
}

/// The list's query string as typed; blank values mean "any".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PeopleQuery {
    q: String,
    circle: String,
    quadrant: String,
    stance: String,
}

#[derive(Template)]
#[template(path = "people/index.html")]
struct IndexPage {
    layout: Layout,
    query: PeopleQuery,
    circles: Vec<Choice>,
    quadrants: Vec<Choice>,
    stances: Vec<Choice>,
    people: Vec<Record<Person>>,
    /// Everyone in the workspace, to say "12 of 40".
    total: usize,
    filtered: bool,
}

async fn index(State(state): State<AppState>, Query(query): Query<PeopleQuery>) -> PageResult {
    let filter = PeopleFilter::parse(&query.q, &query.circle, &query.quadrant, &query.stance)?;
    let store = &*state.store;
    let total = store.counts().await?.people as usize;
    let people = services::people(store, &filter).await?;
    ok(&IndexPage {
        layout: Layout::with_log(Nav::People, state.today()),
        circles: Choice::list(Circle::ALL, &query.circle),
        quadrants: Choice::list(Quadrant::ALL, &query.quadrant),
        stances: Choice::list(Stance::ALL, &query.stance),
        filtered: !filter.is_empty(),
        query,
        people,
        total,
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ShowQuery {
    /// Set after logging an interaction, to confirm it.
    logged: Option<i64>,
}

#[derive(Template)]
#[template(path = "people/show.html")]
struct ShowPage {
    layout: Layout,
    d: PersonDetail,
    /// The interaction just logged, when the member came here from the log form.
    logged: Option<Record<Interaction>>,
}

async fn show(
    State(state): State<AppState>,
    Path(handle): Path<String>,
    Query(query): Query<ShowQuery>,
) -> PageResult {
    let today = state.today();
    let d = services::person_detail(&*state.store, &handle, today).await?;
    let logged = query
        .logged
        .and_then(|id| d.interactions.iter().find(|i| i.id.get() == id).cloned());
    ok(&ShowPage {
        layout: Layout::with_log(Nav::People, today).logging_with(d.person.handle.as_str()),
        logged,
        d,
    })
}

//! Search: the words of people, interaction notes, wins and evidence, found by the
//! database's full-text index (`Store::search`), grouped by kind, each hit linking to where
//! the record is shown, with the matched words highlighted.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use fanclub_core::{SearchHit, SearchKind, marked_parts};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, ok};
use crate::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/search", get(index))
}

/// How many hits a search shows.
const LIMIT: u32 = 60;
/// Longer queries are cut: every word must match, so a paragraph finds nothing anyway.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct SearchQuery {
    q: String,
}

/// A run of a title or snippet; `matched` runs are highlighted.
#[derive(Debug, Clone)]
struct Part {
    text: String,
    matched: bool,
}

/// One hit, ready to show.
#[derive(Debug, Clone)]
struct Shown {
    /// Where the record is shown; `None` when no page shows it.
    href: Option<String>,
    title: Vec<Part>,
    snippet: Vec<Part>,
    on: Option<String>,
    /// "with dana-kim", "strategy": a word of context.
    context: Option<String>,
}

/// The hits of one kind.
#[derive(Debug, Clone)]
struct Group {
    kind: SearchKind,
    heading: &'static str,
    hits: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    layout: Layout,
    q: String,
    groups: Vec<Group>,
    total: usize,
    limit: usize,
}

async fn index(State(state): State<AppState>, Query(query): Query<SearchQuery>) -> PageResult {
    let q: String = query.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let hits = if q.is_empty() {
        Vec::new()
    } else {
        state.store.search(&q, LIMIT).await?
    };
    let total = hits.len();
    let groups = SearchKind::ALL
        .iter()
        .map(|&kind| Group {
            kind,
            heading: kind.plural(),
            hits: hits.iter().filter(|h| h.kind == kind).map(show).collect(),
        })
        .filter(|g| !g.hits.is_empty())
        .collect();
    ok(&SearchPage {
        layout: Layout::with_log(Nav::None, state.today()),
        q,
        groups,
        total,
        limit: LIMIT as usize,
    })
}

fn parts(text: &str) -> Vec<Part> {
    marked_parts(text)
        .into_iter()
        .map(|(text, matched)| Part { text, matched })
        .collect()
}

/// Where each kind of record is shown: a person on their page, an interaction on its
/// first person's page, a win on the Wins page, evidence under its track on Readiness.
fn show(hit: &SearchHit) -> Shown {
    let person_page = hit.person.as_ref().map(|h| format!("/people/{h}"));
    let (href, context) = match hit.kind {
        SearchKind::Person => (person_page, None),
        SearchKind::Interaction => (
            person_page,
            hit.person.as_ref().map(|h| format!("with {h}")),
        ),
        SearchKind::Win => (Some(format!("/wins#win-{}", hit.id)), None),
        SearchKind::Evidence => (
            hit.track
                .as_ref()
                .map(|t| format!("/readiness#track-{t}"))
                .or(person_page),
            hit.track.clone(),
        ),
    };
    let mut title = parts(&hit.title);
    if title.is_empty() {
        title.push(Part {
            text: format!("{} #{}", hit.kind, hit.id),
            matched: false,
        });
    }
    Shown {
        href,
        title,
        snippet: parts(&hit.snippet),
        on: hit.on.map(|d| d.to_string()),
        context,
    }
}

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
    /// Who a person is: their title and organisation.
    about: Vec<Part>,
    snippet: Vec<Part>,
    on: Option<String>,
    /// Words of context, each shown as a tag: "with Dana Kim and Lee Park" for an
    /// interaction; "strategy" and "with Ana Rivera" (who saw or said it) for evidence.
    tags: Vec<String>,
}

/// How many of an interaction's people its hit names.
const NAMES_SHOWN: usize = 3;

/// `with Dana Kim, Lee Park and 2 more`.
fn with_names(names: &[String]) -> Option<String> {
    let (shown, rest) = names.split_at(names.len().min(NAMES_SHOWN));
    match (shown, rest.len()) {
        ([], _) => None,
        ([one], 0) => Some(format!("with {one}")),
        ([init @ .., last], 0) => Some(format!("with {} and {last}", init.join(", "))),
        (all, more) => Some(format!("with {} and {more} more", all.join(", "))),
    }
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
    let (href, tags) = match hit.kind {
        SearchKind::Person => (person_page, Vec::new()),
        SearchKind::Interaction => (person_page, with_names(&hit.people).into_iter().collect()),
        SearchKind::Win => (Some(format!("/wins#win-{}", hit.id)), Vec::new()),
        SearchKind::Evidence => (
            hit.track
                .as_ref()
                .map(|t| format!("/readiness#track-{t}"))
                .or(person_page),
            hit.track
                .clone()
                .into_iter()
                .chain(with_names(&hit.people))
                .collect(),
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
        about: parts(&hit.about),
        snippet: parts(&hit.snippet),
        on: hit.on.map(|d| d.to_string()),
        tags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interaction_names_its_first_people() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(with_names(&[]), None);
        assert_eq!(with_names(&names(&["Ana"])).unwrap(), "with Ana");
        assert_eq!(
            with_names(&names(&["Ana", "Omar"])).unwrap(),
            "with Ana and Omar"
        );
        assert_eq!(
            with_names(&names(&["Ana", "Omar", "Lee"])).unwrap(),
            "with Ana, Omar and Lee"
        );
        assert_eq!(
            with_names(&names(&["Ana", "Omar", "Lee", "Kim", "Sam"])).unwrap(),
            "with Ana, Omar, Lee and 2 more"
        );
    }

    fn evidence_hit(person: Option<(&str, &str)>) -> SearchHit {
        SearchHit {
            kind: SearchKind::Evidence,
            id: 7,
            person: person.map(|(handle, _)| handle.to_string()),
            track: Some("strategy".into()),
            on: Some(fanclub_core::Day::parse("2026-03-05").unwrap()),
            title: "Ana on the pricing choice".into(),
            about: String::new(),
            people: person
                .map(|(_, name)| name.to_string())
                .into_iter()
                .collect(),
            snippet: String::new(),
        }
    }

    #[test]
    fn an_evidence_hit_names_who_saw_or_said_it() {
        let hit = evidence_hit(Some(("ana-rivera", "Ana Rivera")));
        let shown = show(&hit);
        assert_eq!(shown.tags, ["strategy", "with Ana Rivera"]);
        assert_eq!(shown.href.as_deref(), Some("/readiness#track-strategy"));
        let page = SearchPage {
            layout: Layout::new(Nav::None),
            q: "pricing".into(),
            groups: vec![Group {
                kind: SearchKind::Evidence,
                heading: SearchKind::Evidence.plural(),
                hits: vec![shown],
            }],
            total: 1,
            limit: LIMIT as usize,
        }
        .render()
        .unwrap();
        assert!(
            page.contains(
                "<span class=\"tag\">strategy</span> <span class=\"tag\">with Ana Rivera</span>"
            ),
            "{page}"
        );
        // Evidence nobody saw shows its track alone.
        assert_eq!(show(&evidence_hit(None)).tags, ["strategy"]);
    }
}

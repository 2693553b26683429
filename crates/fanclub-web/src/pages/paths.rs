//! Intro paths: pick someone to meet and see the warmest chains of people from the member
//! to them (`engine::paths`, the same answer as `fanclub path`): each hop with how well
//! the two know each other and what to ask, or, when no chain exists, whom to ask instead.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use fanclub_core::engine::paths::{DEFAULT_PATHS, MAX_PATHS, PathsResult, Reach};
use fanclub_core::resolve::resolve_person;
use fanclub_core::{CoreError, Person, Record};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::FieldErrors;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/paths", get(index))
}

/// Past this many people the name suggestions are left out: the page must stay light.
const MAX_SUGGESTED_NAMES: usize = 500;

/// The query string as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PathsQuery {
    /// Whom to reach: a handle, a name or part of one.
    to: String,
    /// How many chains; blank for the default.
    k: String,
}

/// One choice of how many chains to show.
#[derive(Debug, Clone)]
struct KChoice {
    value: usize,
    selected: bool,
}

#[derive(Template)]
#[template(path = "paths.html")]
struct PathsPage {
    layout: Layout,
    query: PathsQuery,
    ks: Vec<KChoice>,
    /// Names for the field's suggestions.
    names: Vec<String>,
    /// What was wrong with the target or k, next to its field.
    to_error: Option<String>,
    k_error: Option<String>,
    result: Option<PathsResult>,
    /// No one recorded as knowing anyone: paths cannot be found yet.
    no_connections: bool,
    people: usize,
}

async fn index(State(state): State<AppState>, Query(query): Query<PathsQuery>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let people = store.shared_people().await?;
    let (k, k_error) = match parse_k(&query.k) {
        Ok(k) => (k, None),
        Err(e) => (DEFAULT_PATHS, Some(e.to_string())),
    };
    let mut to_error = None;
    let mut result = None;
    let mut status = StatusCode::OK;
    // The network is read only when a search needs it; the empty form needs its size.
    let no_connections = store.counts().await?.connections == 0;
    if !query.to.trim().is_empty() && k_error.is_none() {
        match target(&people, &query.to) {
            Ok(id) => {
                let connections = store.shared_connections().await?;
                let contacts = store.last_contacts().await?;
                let graph = state.network.graph(&people, &connections, &contacts, today);
                result = Some(graph.paths(id, k));
            }
            Err(e) => {
                status = match e {
                    CoreError::NotFound { .. } => StatusCode::NOT_FOUND,
                    CoreError::Ambiguous { .. } => StatusCode::CONFLICT,
                    _ => StatusCode::UNPROCESSABLE_ENTITY,
                };
                let mut errors = FieldErrors::default();
                errors.push("to", e);
                to_error = errors.message("to");
            }
        }
    } else if k_error.is_some() {
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    let names = if people.len() <= MAX_SUGGESTED_NAMES {
        people.iter().map(|p| p.name.to_string()).collect()
    } else {
        Vec::new()
    };
    let ks = [1, 3, 5, MAX_PATHS]
        .into_iter()
        .map(|value| KChoice {
            value,
            selected: value == k,
        })
        .collect();
    render(
        status,
        &PathsPage {
            layout: Layout::with_log(Nav::Intros, today),
            ks,
            names,
            to_error,
            k_error,
            result,
            no_connections,
            people: people.len(),
            query,
        },
    )
}

/// How many chains: blank is the default; else a whole number from 1 to `MAX_PATHS`.
fn parse_k(raw: &str) -> Result<usize, CoreError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(DEFAULT_PATHS);
    }
    match raw.parse::<usize>() {
        Ok(k) if (1..=MAX_PATHS).contains(&k) => Ok(k),
        _ => Err(CoreError::invalid(
            "k",
            raw,
            format!("a whole number from 1 to {MAX_PATHS}"),
        )),
    }
}

/// The person the member named, by the same rules as the CLI (handle, name, prefix).
fn target(people: &[Record<Person>], key: &str) -> Result<fanclub_core::PersonId, CoreError> {
    resolve_person(people, key).map_err(|e| match e {
        CoreError::NotFound { kind, key, .. } => CoreError::NotFound {
            kind,
            key,
            hint: "type a name or handle from the People page".into(),
        },
        other => other,
    })
}

/// Whether a result lists chains to walk.
fn has_paths(r: &PathsResult) -> bool {
    matches!(r.reach, Reach::Direct | Reach::Introduction) && !r.paths.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_is_bounded() {
        assert_eq!(parse_k("").unwrap(), DEFAULT_PATHS);
        assert_eq!(parse_k(" 5 ").unwrap(), 5);
        for bad in ["0", "11", "-1", "three", "3.5"] {
            assert!(parse_k(bad).is_err(), "{bad}");
        }
    }
}

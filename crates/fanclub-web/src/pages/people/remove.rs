//! Removing a person: first a page that says what goes with them and what stays without
//! them, counted as the store counts it, then the removal itself.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use fanclub_core::{CoreError, InteractionFilter, Person, Record, Store};

use super::person;
use crate::AppState;
use crate::pages::form_view::{ConfirmPage, Consequence};
use crate::pages::{Layout, Nav, PageResult, ok};

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

pub(super) async fn confirm(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> PageResult {
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

pub(super) async fn delete(
    State(state): State<AppState>,
    Path(handle): Path<String>,
) -> PageResult {
    let store = &*state.store;
    let (p, _) = person(store, &handle).await?;
    store.delete_person(p.id).await?;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("removed", p.name.as_str())
        .finish();
    Ok(Redirect::to(&format!("/people?{query}")).into_response())
}

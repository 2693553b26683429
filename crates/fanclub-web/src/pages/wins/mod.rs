//! The brag document: wins with their impact, the goals they served and who knows about
//! each, in three views (what to share first, by month, by goal). Recording, editing and
//! deleting a win live in `form`; the one-row share form on each win posts to `share`.

mod form;
mod share;

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::{get, post};
use fanclub_core::engine::lookup::PersonRef;
use fanclub_core::engine::visibility::{Visibility, share_suggestions, visibility};
use fanclub_core::{Channel, CoreError, Day, Goal, Impact, Record, Title, Win, WinId, WinKind};
use serde::Deserialize;

use self::share::ShareForm;
use super::records::Editor;
use super::{Choice, Layout, Nav, PageResult, ok, pick};
use crate::AppState;
use crate::forms::FieldErrors;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/wins", get(index).post(form::create))
        .route("/wins/new", get(form::new))
        .route("/wins/{id}", post(form::update))
        .route("/wins/{id}/edit", get(form::edit))
        .route("/wins/{id}/delete", post(form::delete))
        .route("/wins/{id}/shares", post(share::create))
}

/// Which way the wins are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    /// The engine's order: recent wins key people have not heard of first.
    ToShare,
    Month,
    Goal,
}

impl View {
    fn parse(s: &str) -> View {
        match s {
            "month" => View::Month,
            "goal" => View::Goal,
            _ => View::ToShare,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(super) struct WinsQuery {
    by: String,
    done: String,
}

/// A share form that came back with a mistake.
pub(super) struct FailedShare {
    pub(super) win: WinId,
    pub(super) values: ShareForm,
    pub(super) errors: FieldErrors,
}

/// Someone who heard about a win.
#[derive(Debug, Clone)]
pub(crate) struct Heard {
    pub(crate) name: String,
    pub(crate) handle: String,
    pub(crate) on: Day,
    pub(crate) channel: Channel,
}

/// One win as the page shows it.
#[derive(Debug, Clone)]
pub(crate) struct WinCard {
    pub(crate) id: WinId,
    pub(crate) title: Title,
    pub(crate) kind: WinKind,
    pub(crate) on: Day,
    pub(crate) impact: Option<String>,
    pub(crate) goals: Vec<String>,
    pub(crate) tracks: Vec<String>,
    pub(crate) links: Vec<String>,
    pub(crate) description: Option<String>,
    pub(crate) heard: Vec<Heard>,
    pub(crate) needs_sharing: bool,
    pub(crate) not_told: Vec<PersonRef>,
    pub(crate) not_told_count: usize,
    pub(crate) why: String,
    pub(crate) share: Editor<ShareForm>,
    /// Whom to tell next: a few people who have not heard yet, best first (and whoever
    /// was chosen before a mistake). Anyone else is typed by name or handle.
    pub(crate) suggestions: Vec<Choice>,
    pub(crate) channels: Vec<Choice>,
}

/// A heading and its wins.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) heading: String,
    pub(crate) note: String,
    pub(crate) wins: Vec<WinCard>,
}

#[derive(Template)]
#[template(path = "wins.html")]
pub(super) struct WinsPage {
    layout: Layout,
    v: Visibility,
    view: View,
    groups: Vec<Group>,
    goal_count: usize,
    notice: Option<&'static str>,
    /// A share form came back with a mistake: the page says so at the top.
    share_failed: bool,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "recorded" => Some("Win recorded. Now tell the people who should know about it."),
        "updated" => Some("Win saved."),
        "deleted" => Some("Win deleted. Its evidence stays, no longer linked to it."),
        "shared" => Some("Share recorded: they know about it now."),
        _ => None,
    }
}

pub(crate) fn impact_text(i: &Impact) -> String {
    match (&i.before, &i.after) {
        (Some(b), Some(a)) => format!("{}: {b} → {a}", i.metric),
        (None, Some(a)) => format!("{}: now {a}", i.metric),
        (Some(b), None) => format!("{}: from {b}", i.metric),
        (None, None) => i.metric.clone(),
    }
}

/// `2026-03` → `March 2026`.
fn month_name(on: Day) -> String {
    on.date().format("%B %Y").to_string()
}

impl WinsPage {
    pub(super) async fn build(
        state: &AppState,
        q: &WinsQuery,
        failed: Option<FailedShare>,
    ) -> Result<WinsPage, CoreError> {
        let store = &*state.store;
        let today = state.today();
        // Everything is loaded once: the engine's answers are computed here, not through a
        // service that would load the people a second time.
        let wins = store.list_wins().await?;
        let people = store.shared_people().await?;
        let decisions = store.list_decisions().await?;
        let goals = store.list_goals().await?;
        let framework = store.get_framework().await?;
        let v = visibility(&wins, &people, &decisions, today);
        let mut suggested = share_suggestions(&wins, &people, &decisions, today, pick::SUGGESTED);
        let view = View::parse(&q.by);
        let by_id: HashMap<WinId, &Record<Win>> = wins.iter().map(|w| (w.id, w)).collect();
        let person: HashMap<_, _> = people.iter().map(|p| (p.id, p)).collect();
        let share_failed = failed.is_some();
        let mut failed = failed;
        let cards: Vec<WinCard> = v
            .wins
            .iter()
            .filter_map(|wv| {
                let w = by_id.get(&wv.win)?;
                let heard = w
                    .shares
                    .iter()
                    .filter_map(|s| {
                        let p = person.get(&s.person)?;
                        Some(Heard {
                            name: p.name.to_string(),
                            handle: p.handle.to_string(),
                            on: s.on,
                            channel: s.channel,
                        })
                    })
                    .collect();
                let share = match failed.take_if(|f| f.win == w.id) {
                    Some(f) => {
                        Editor::new(f.values, format!("/wins/{}/shares", w.id)).failed(f.errors)
                    }
                    None => Editor::new(ShareForm::blank(today), format!("/wins/{}/shares", w.id)),
                };
                let suggestions = pick::choices(
                    "Choose who heard…",
                    suggested
                        .remove(&w.id)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|r| person.get(&r.id).copied()),
                    &share.values.person,
                    &people,
                );
                Some(WinCard {
                    id: w.id,
                    title: w.title.clone(),
                    kind: w.kind,
                    on: w.on,
                    impact: w.impact.as_ref().map(impact_text),
                    goals: w
                        .goals
                        .iter()
                        .filter_map(|g| goals.iter().find(|k| k.id == *g))
                        .map(|g| g.title.to_string())
                        .collect(),
                    tracks: w
                        .tracks
                        .iter()
                        .map(|t| {
                            framework
                                .track(t)
                                .map_or_else(|| t.to_string(), |tr| tr.name.clone())
                        })
                        .collect(),
                    links: w.links.clone(),
                    description: w.description.clone(),
                    heard,
                    needs_sharing: wv.needs_sharing,
                    not_told: wv.not_told.clone(),
                    not_told_count: wv.not_told_count,
                    why: wv.why.clone(),
                    channels: Choice::list(Channel::ALL, &share.values.channel),
                    share,
                    suggestions,
                })
            })
            .collect();
        let groups = group(cards, view, &wins, &goals);
        Ok(WinsPage {
            layout: Layout::with_log(Nav::Wins, today),
            v,
            view,
            groups,
            goal_count: goals.len(),
            notice: notice(&q.done),
            share_failed,
        })
    }
}

/// Arrange the cards (in the engine's order) for the chosen view.
fn group(
    cards: Vec<WinCard>,
    view: View,
    wins: &[Record<Win>],
    goals: &[Record<Goal>],
) -> Vec<Group> {
    match view {
        View::ToShare => vec![Group {
            heading: String::new(),
            note: String::new(),
            wins: cards,
        }],
        View::Month => {
            let mut cards = cards;
            cards.sort_by(|a, b| b.on.cmp(&a.on).then(b.id.cmp(&a.id)));
            let mut groups: Vec<Group> = Vec::new();
            for c in cards {
                let heading = month_name(c.on);
                match groups.last_mut() {
                    Some(g) if g.heading == heading => g.wins.push(c),
                    _ => groups.push(Group {
                        heading,
                        note: String::new(),
                        wins: vec![c],
                    }),
                }
            }
            groups
        }
        View::Goal => {
            let served: HashMap<WinId, &Vec<fanclub_core::GoalId>> =
                wins.iter().map(|w| (w.id, &w.goals)).collect();
            let mut groups: Vec<Group> = goals
                .iter()
                .map(|g| Group {
                    heading: g.title.to_string(),
                    note: g.period.clone().unwrap_or_default(),
                    wins: cards
                        .iter()
                        .filter(|c| served.get(&c.id).is_some_and(|gs| gs.contains(&g.id)))
                        .cloned()
                        .collect(),
                })
                .collect();
            let loose: Vec<WinCard> = cards
                .into_iter()
                .filter(|c| served.get(&c.id).is_none_or(|gs| gs.is_empty()))
                .collect();
            if !loose.is_empty() {
                groups.push(Group {
                    heading: "Not tied to a business goal yet".into(),
                    note: "Edit each to say which goal it served; a committee asks.".into(),
                    wins: loose,
                });
            }
            groups
        }
    }
}

async fn index(State(state): State<AppState>, Query(q): Query<WinsQuery>) -> PageResult {
    ok(&WinsPage::build(&state, &q, None).await?)
}

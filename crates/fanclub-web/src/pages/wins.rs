//! The brag document: wins with their impact, the goals they served and who knows about
//! each, in three views (what to share first, by month, by goal); recording, editing and
//! deleting a win; and recording a share in one click from the win itself.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::engine::lookup::PersonRef;
use fanclub_core::engine::visibility::Visibility;
use fanclub_core::resolve::resolve_person;
use fanclub_core::{
    Channel, CoreError, Day, Framework, Goal, Impact, Person, Record, Share, Title, Win, WinId,
    WinKind, optional_text,
};
use serde::Deserialize;

use super::records::{Editor, id, people_choices, track_choices, tracks_of, with_error};
use super::{Choice, Layout, Nav, PageResult, ok, render};
use crate::forms::{FieldErrors, LONG_TEXT, Pairs, keep};
use crate::{AppState, services};

/// Longest metric name or value.
const METRIC_TEXT: usize = 200;
/// Above this many people, a win's share form lists only the key people who have not
/// heard yet, so the page stays small.
const EVERYONE_IN_SELECT: usize = 300;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/wins", get(index).post(create))
        .route("/wins/new", get(new))
        .route("/wins/{id}", post(update))
        .route("/wins/{id}/edit", get(edit))
        .route("/wins/{id}/delete", post(delete))
        .route("/wins/{id}/shares", post(share))
}

// ---- the form -------------------------------------------------------------------------

/// A win as typed. Goals and tracks are checkboxes; links are one per line.
#[derive(Debug, Clone, Default)]
pub(crate) struct WinForm {
    pub(crate) title: String,
    pub(crate) on: String,
    pub(crate) kind: String,
    pub(crate) goals: Vec<String>,
    pub(crate) tracks: Vec<String>,
    pub(crate) metric: String,
    pub(crate) before: String,
    pub(crate) after: String,
    pub(crate) links: String,
    pub(crate) description: String,
}

impl WinForm {
    fn blank(today: Day) -> WinForm {
        WinForm {
            on: today.to_string(),
            kind: WinKind::Other.to_string(),
            ..WinForm::default()
        }
    }

    fn posted(p: &Pairs) -> WinForm {
        WinForm {
            title: p.one("title"),
            on: p.one("on"),
            kind: p.one("kind"),
            goals: p.all("goals"),
            tracks: p.all("tracks"),
            metric: p.one("metric"),
            before: p.one("before"),
            after: p.one("after"),
            links: p.one("links"),
            description: p.one("description"),
        }
    }

    fn of(w: &Record<Win>) -> WinForm {
        let impact = w.impact.as_ref();
        let part =
            |f: fn(&Impact) -> Option<&String>| impact.and_then(f).cloned().unwrap_or_default();
        WinForm {
            title: w.title.to_string(),
            on: w.on.to_string(),
            kind: w.kind.to_string(),
            goals: w.goals.iter().map(|g| g.to_string()).collect(),
            tracks: w.tracks.iter().map(|t| t.to_string()).collect(),
            metric: impact.map(|i| i.metric.clone()).unwrap_or_default(),
            before: part(|i| i.before.as_ref()),
            after: part(|i| i.after.as_ref()),
            links: w.links.join("\n"),
            description: w.description.clone().unwrap_or_default(),
        }
    }

    /// Every field parsed with the core's parsers; the win's own rules checked last.
    fn parse(
        &self,
        goals: &[Record<Goal>],
        framework: &Framework,
        today: Day,
    ) -> Result<Win, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = keep(&mut errors, "title", Title::parse(&self.title));
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let kind = keep(&mut errors, "kind", WinKind::parse(&self.kind));
        let mut goal_ids = Vec::new();
        for g in &self.goals {
            let found = fanclub_core::Id::parse("goal", g).and_then(|id| {
                goals
                    .iter()
                    .find(|k| k.id == id)
                    .map(|k| k.id)
                    .ok_or_else(|| CoreError::invalid("goal", g, "one of your business goals"))
            });
            if let Some(id) = keep(&mut errors, "goals", found)
                && !goal_ids.contains(&id)
            {
                goal_ids.push(id);
            }
        }
        let tracks = keep(&mut errors, "tracks", tracks_of(framework, &self.tracks));
        let metric = keep(
            &mut errors,
            "metric",
            optional_text("metric", &self.metric, METRIC_TEXT),
        );
        let before = keep(
            &mut errors,
            "before",
            optional_text("before", &self.before, METRIC_TEXT),
        );
        let after = keep(
            &mut errors,
            "after",
            optional_text("after", &self.after, METRIC_TEXT),
        );
        let description = keep(
            &mut errors,
            "description",
            optional_text("notes", &self.description, LONG_TEXT),
        );
        let links: Vec<String> = self
            .links
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        let impact = match (metric, before, after) {
            (Some(Some(metric)), Some(before), Some(after)) => Some(Impact {
                metric,
                before,
                after,
            }),
            (Some(None), Some(b), Some(a)) if b.is_some() || a.is_some() => {
                errors.push(
                    "metric",
                    CoreError::invalid(
                        "metric",
                        "",
                        "the name of the metric that moved: before and after need it",
                    ),
                );
                None
            }
            _ => None,
        };
        let (Some(title), Some(on), Some(kind), Some(tracks), Some(description)) =
            (title, on, kind, tracks, description)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut w = Win::new(on, title, kind);
        w.goals = goal_ids;
        w.tracks = tracks;
        w.impact = impact;
        w.links = links;
        w.description = description;
        Ok(w)
    }
}

/// The win's own rules, named after the form's fields.
fn check(w: &Win) -> Result<(), FieldErrors> {
    w.validate().map_err(|e| {
        let field = match e.field() {
            Some(f) if f.starts_with("links") => "links",
            Some(f) if f.starts_with("shares") => "on",
            Some("impact metric") => "metric",
            _ => "title",
        };
        let e = match (field, e) {
            ("on", CoreError::Invalid { value, .. }) => CoreError::invalid(
                "date",
                value,
                "a date no later than the first time you told someone about it",
            ),
            (_, e) => e,
        };
        with_error(field, e)
    })
}

type WinEditor = Editor<WinForm>;

#[derive(Template)]
#[template(path = "win_form.html")]
struct WinFormPage {
    layout: Layout,
    form: WinEditor,
    kinds: Vec<Choice>,
    goals: Vec<Choice>,
    tracks: Vec<Choice>,
}

impl WinFormPage {
    async fn build(state: &AppState, form: WinEditor) -> Result<WinFormPage, CoreError> {
        let store = &*state.store;
        let goals = store.list_goals().await?;
        let framework = store.get_framework().await?;
        Ok(WinFormPage {
            layout: Layout::with_log(Nav::Wins, state.today()),
            kinds: Choice::list(WinKind::ALL, &form.values.kind),
            goals: goals
                .iter()
                .map(|g| Choice {
                    selected: form
                        .values
                        .goals
                        .iter()
                        .any(|s| s.trim() == g.id.to_string()),
                    value: g.id.to_string(),
                    label: match &g.period {
                        Some(p) => format!("{} ({p})", g.title),
                        None => g.title.to_string(),
                    },
                })
                .collect(),
            tracks: track_choices(&framework, &form.values.tracks),
            form,
        })
    }
}

async fn new(State(state): State<AppState>) -> PageResult {
    let form = WinEditor::new(WinForm::blank(state.today()), "/wins");
    ok(&WinFormPage::build(&state, form).await?)
}

async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let w = state.store.get_win(id(raw)).await?;
    let form = WinEditor::editing(WinForm::of(&w), format!("/wins/{raw}"), raw);
    ok(&WinFormPage::build(&state, form).await?)
}

async fn create(State(state): State<AppState>, Form(pairs): Form<Pairs>) -> PageResult {
    let store = &*state.store;
    let values = WinForm::posted(&pairs);
    let goals = store.list_goals().await?;
    let framework = store.get_framework().await?;
    let parsed = values
        .parse(&goals, &framework, state.today())
        .and_then(|w| check(&w).map(|()| w));
    match parsed {
        Ok(w) => {
            let saved = store.create_win(&w).await?;
            let to = format!("/wins?done=recorded#win-{}", saved.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = WinEditor::new(values, "/wins").failed(errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &WinFormPage::build(&state, form).await?,
            )
        }
    }
}

async fn update(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    let store = &*state.store;
    let before = store.get_win(id(raw)).await?;
    let values = WinForm::posted(&pairs);
    let goals = store.list_goals().await?;
    let framework = store.get_framework().await?;
    let parsed = values
        .parse(&goals, &framework, state.today())
        .map(|mut w| {
            // Who knows about it is kept: the form does not edit shares.
            w.shares = before.shares.clone();
            w
        })
        .and_then(|w| check(&w).map(|()| w));
    match parsed {
        Ok(w) => {
            store.update_win(&Record::new(before.id, w)).await?;
            let to = format!("/wins?done=updated#win-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = WinEditor::editing(values, format!("/wins/{raw}"), raw).failed(errors);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &WinFormPage::build(&state, form).await?,
            )
        }
    }
}

async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let store = &*state.store;
    let w = store.get_win(id(raw)).await?;
    store.delete_win(w.id).await?;
    Ok(Redirect::to("/wins?done=deleted").into_response())
}

// ---- sharing ----------------------------------------------------------------------------

/// A share as typed in a win's inline form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ShareForm {
    pub(crate) person: String,
    pub(crate) channel: String,
    pub(crate) on: String,
}

impl ShareForm {
    fn blank(today: Day) -> ShareForm {
        ShareForm {
            person: String::new(),
            channel: Channel::OneOnOne.to_string(),
            on: today.to_string(),
        }
    }

    fn parse(
        &self,
        win: &Win,
        people: &[Record<Person>],
        today: Day,
    ) -> Result<Share, FieldErrors> {
        let mut errors = FieldErrors::default();
        let person = if self.person.trim().is_empty() {
            errors.push(
                "person",
                CoreError::invalid("person", "", "the person you told: choose them in the list"),
            );
            None
        } else {
            keep(&mut errors, "person", resolve_person(people, &self.person))
        };
        let channel = keep(&mut errors, "channel", Channel::parse(&self.channel));
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let (Some(person), Some(channel), Some(on)) = (person, channel, on) else {
            return Err(errors);
        };
        let share = Share {
            person,
            on,
            channel,
        };
        win.check_new_share(&share, today).map_err(|e| {
            let field = if matches!(e, CoreError::Conflict(_)) {
                "person"
            } else {
                "on"
            };
            with_error(field, e)
        })?;
        Ok(share)
    }
}

async fn share(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(values): Form<ShareForm>,
) -> PageResult {
    let store = &*state.store;
    let today = state.today();
    let w = store.get_win(id(raw)).await?;
    let people = store.list_people().await?;
    match values.parse(&w, &people, today) {
        Ok(s) => {
            store.add_share(w.id, &s).await?;
            let to = format!("/wins?done=shared#win-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let failed = FailedShare {
                win: w.id,
                values,
                errors,
            };
            let page = WinsPage::build(&state, &WinsQuery::default(), Some(failed)).await?;
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

// ---- the page ---------------------------------------------------------------------------

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
struct WinsQuery {
    by: String,
    done: String,
}

/// A share form that came back with a mistake.
struct FailedShare {
    win: WinId,
    values: ShareForm,
    errors: FieldErrors,
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
    /// Key people who have not heard, then (in a workspace of ordinary size) everyone.
    pub(crate) first_choices: Vec<Choice>,
    pub(crate) other_choices: Vec<Choice>,
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
struct WinsPage {
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
    async fn build(
        state: &AppState,
        q: &WinsQuery,
        failed: Option<FailedShare>,
    ) -> Result<WinsPage, CoreError> {
        let store = &*state.store;
        let today = state.today();
        let v = services::visibility(store, today).await?;
        let wins = store.list_wins().await?;
        let people = store.list_people().await?;
        let goals = store.list_goals().await?;
        let framework = store.get_framework().await?;
        let view = View::parse(&q.by);
        let by_id: HashMap<WinId, &Record<Win>> = wins.iter().map(|w| (w.id, w)).collect();
        let person: HashMap<_, _> = people.iter().map(|p| (p.id, p)).collect();
        let everyone = people.len() <= EVERYONE_IN_SELECT;
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
                let chosen = share.values.person.trim().to_string();
                let first_choices: Vec<Choice> = wv
                    .not_told
                    .iter()
                    .map(|p| Choice {
                        selected: p.handle.as_str() == chosen,
                        value: p.handle.to_string(),
                        label: p.name.to_string(),
                    })
                    .collect();
                let other_choices = if everyone {
                    people_choices(&people, &chosen, None)
                } else {
                    Vec::new()
                };
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
                    first_choices,
                    other_choices,
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

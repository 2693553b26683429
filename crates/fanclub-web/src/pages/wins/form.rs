//! Recording, editing and deleting a win: the form as typed, parsed with the core's
//! parsers, the win's own rules checked last, each mistake next to its field.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use fanclub_core::{
    CoreError, Day, Framework, Goal, Impact, Record, Title, Win, WinKind, optional_text,
};

use crate::AppState;
use crate::forms::{FieldErrors, LONG_TEXT, Pairs, keep};
use crate::pages::records::{Editor, id, track_choices, tracks_of, with_error};
use crate::pages::{Choice, Layout, Nav, PageResult, ok, render};

/// Longest metric name or value.
const METRIC_TEXT: usize = 200;

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

pub(super) async fn new(State(state): State<AppState>) -> PageResult {
    let form = WinEditor::new(WinForm::blank(state.today()), "/wins");
    ok(&WinFormPage::build(&state, form).await?)
}

pub(super) async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let w = state.store.get_win(id(raw)).await?;
    let form = WinEditor::editing(WinForm::of(&w), format!("/wins/{raw}"), raw);
    ok(&WinFormPage::build(&state, form).await?)
}

pub(super) async fn create(State(state): State<AppState>, Form(pairs): Form<Pairs>) -> PageResult {
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

pub(super) async fn update(
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

pub(super) async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let store = &*state.store;
    let w = store.get_win(id(raw)).await?;
    store.delete_win(w.id).await?;
    Ok(Redirect::to("/wins?done=deleted").into_response())
}

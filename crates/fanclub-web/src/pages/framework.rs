//! The competency framework, edited in one form: its name, and per track the name,
//! summary, target, the five levels with their signals, and the practices. A blank block
//! at the end adds a track; a ticked box removes one (refused while evidence, wins or
//! opportunities still use it, as on the command line).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::{Form, Router};
use fanclub_core::{CoreError, Framework, Level, LevelSpec, Practice, Track, TrackKey};

use super::{Choice, Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::Pairs;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/settings/framework", get(edit).post(save))
}

/// Level names for a new track, as `fanclub framework track-add` gives.
const NEW_LEVELS: [&str; 5] = [
    "Not yet shown",
    "Emerging",
    "Practising",
    "Leading",
    "Recognised",
];

/// One level as typed: its name and its signals, one per line.
#[derive(Debug, Clone, Default)]
pub(crate) struct LevelInput {
    pub(crate) level: usize,
    pub(crate) name: String,
    pub(crate) signals: String,
}

/// One track as typed. `index` names its fields (`t2-name`).
#[derive(Debug, Clone, Default)]
pub(crate) struct TrackInput {
    pub(crate) index: usize,
    pub(crate) key: String,
    pub(crate) is_new: bool,
    pub(crate) remove: bool,
    pub(crate) name: String,
    pub(crate) summary: String,
    pub(crate) target: String,
    pub(crate) levels: Vec<LevelInput>,
    /// (title, how), with one blank pair to add a practice.
    pub(crate) practices: Vec<(String, String)>,
}

impl TrackInput {
    fn of(index: usize, t: &Track) -> TrackInput {
        let mut practices: Vec<(String, String)> = t
            .practices
            .iter()
            .map(|p| (p.title.clone(), p.how.clone()))
            .collect();
        practices.push((String::new(), String::new()));
        TrackInput {
            index,
            key: t.key.to_string(),
            is_new: false,
            remove: false,
            name: t.name.clone(),
            summary: t.summary.clone(),
            target: t.target.to_string(),
            levels: (0..5u8)
                .map(|l| {
                    let spec = t.levels.iter().find(|s| s.level.get() == l);
                    LevelInput {
                        level: usize::from(l),
                        name: spec.map(|s| s.name.clone()).unwrap_or_default(),
                        signals: spec.map(|s| s.signals.join("\n")).unwrap_or_default(),
                    }
                })
                .collect(),
            practices,
        }
    }

    fn blank(index: usize) -> TrackInput {
        TrackInput {
            index,
            is_new: true,
            target: "3".into(),
            levels: NEW_LEVELS
                .iter()
                .enumerate()
                .map(|(level, n)| LevelInput {
                    level,
                    name: (*n).into(),
                    signals: String::new(),
                })
                .collect(),
            practices: vec![(String::new(), String::new())],
            ..TrackInput::default()
        }
    }

    fn posted(p: &Pairs, index: usize) -> TrackInput {
        let f = |name: &str| p.one(&format!("t{index}-{name}"));
        let mut practices = Vec::new();
        let mut j = 0;
        while p.has(&format!("t{index}-p{j}-title")) {
            practices.push((f(&format!("p{j}-title")), f(&format!("p{j}-how"))));
            j += 1;
        }
        if practices
            .last()
            .is_none_or(|(t, h)| !t.is_empty() || !h.is_empty())
        {
            practices.push((String::new(), String::new()));
        }
        TrackInput {
            index,
            key: f("key"),
            is_new: f("new") == "1",
            remove: p.has(&format!("t{index}-remove")),
            name: f("name"),
            summary: f("summary"),
            target: f("target"),
            levels: (0..5)
                .map(|l| LevelInput {
                    level: l,
                    name: f(&format!("l{l}-name")),
                    signals: f(&format!("l{l}-signals")),
                })
                .collect(),
            practices,
        }
    }

    /// A new-track block left blank adds nothing.
    fn is_blank(&self) -> bool {
        self.is_new && self.key.trim().is_empty() && self.name.trim().is_empty()
    }

    /// The practices with their position, which names their fields.
    pub(crate) fn numbered_practices(&self) -> Vec<(usize, &str, &str)> {
        self.practices
            .iter()
            .enumerate()
            .map(|(j, (t, h))| (j, t.as_str(), h.as_str()))
            .collect()
    }

    pub(crate) fn targets(&self) -> Vec<Choice> {
        (0..=4u8)
            .map(|l| Choice {
                value: l.to_string(),
                label: format!("level {l}"),
                selected: self.target.trim() == l.to_string(),
            })
            .collect()
    }
}

/// The whole form, and its errors by field name (`t2-name`).
#[derive(Debug, Clone, Default)]
pub(crate) struct FrameworkForm {
    pub(crate) name: String,
    pub(crate) tracks: Vec<TrackInput>,
    pub(crate) errors: Vec<(String, String)>,
}

impl FrameworkForm {
    fn of(f: &Framework) -> FrameworkForm {
        let mut tracks: Vec<TrackInput> = f
            .tracks
            .iter()
            .enumerate()
            .map(|(i, t)| TrackInput::of(i, t))
            .collect();
        tracks.push(TrackInput::blank(tracks.len()));
        FrameworkForm {
            name: f.name.clone(),
            tracks,
            errors: Vec::new(),
        }
    }

    fn posted(p: &Pairs) -> FrameworkForm {
        let mut tracks = Vec::new();
        let mut i = 0;
        while p.has(&format!("t{i}-name")) {
            tracks.push(TrackInput::posted(p, i));
            i += 1;
        }
        FrameworkForm {
            name: p.one("name"),
            tracks,
            errors: Vec::new(),
        }
    }

    pub(crate) fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    fn fail(&mut self, field: String, message: impl Into<String>) {
        if self.error(&field).is_none() {
            self.errors.push((field, message.into()));
        }
    }

    /// The framework typed, or the errors kept in the form. `in_use` says how many
    /// records still use a track key (a track in use cannot be removed).
    fn parse(&mut self, in_use: impl Fn(&TrackKey) -> usize) -> Option<Framework> {
        let said = |e: &CoreError| match e {
            CoreError::Invalid { expected, .. } => format!("Use {expected}."),
            other => other.to_string(),
        };
        let name = self.name.trim().to_string();
        if name.is_empty() {
            self.fail(
                "name".into(),
                "Give the framework a name, like “Acme PM ladder”.",
            );
        }
        let mut tracks = Vec::new();
        let inputs = self.tracks.clone();
        for t in inputs.iter().filter(|t| !t.is_blank()) {
            let at = |field: &str| format!("t{}-{field}", t.index);
            let key = match TrackKey::parse(&t.key) {
                Ok(k) => Some(k),
                Err(e) => {
                    self.fail(at("key"), said(&e));
                    None
                }
            };
            if t.remove {
                if let Some(k) = &key {
                    let n = in_use(k);
                    if n > 0 {
                        self.fail(
                            at("remove"),
                            format!(
                                "{n} pieces of evidence, wins or opportunities still use this track; move or remove them first."
                            ),
                        );
                    }
                }
                continue;
            }
            if let Some(k) = &key
                && t.is_new
                && inputs
                    .iter()
                    .any(|o| !o.is_new && o.key.trim() == k.as_str())
            {
                self.fail(
                    at("key"),
                    "Another track already has this key: choose another.",
                );
            }
            if t.name.trim().is_empty() {
                self.fail(at("name"), "Give the track a name.");
            }
            let target = match Level::parse(&t.target) {
                Ok(l) => Some(l),
                Err(e) => {
                    self.fail(at("target"), said(&e));
                    None
                }
            };
            let mut levels = Vec::new();
            for (l, input) in t.levels.iter().enumerate() {
                if input.name.trim().is_empty() {
                    self.fail(at(&format!("l{l}-name")), "Name this level.");
                }
                if let Ok(level) = Level::new(l as i64) {
                    levels.push(LevelSpec {
                        level,
                        name: input.name.trim().to_string(),
                        signals: input
                            .signals
                            .lines()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    });
                }
            }
            let mut practices = Vec::new();
            for (j, (title, how)) in t.practices.iter().enumerate() {
                match (title.trim(), how.trim()) {
                    ("", "") => {}
                    ("", _) => self.fail(at(&format!("p{j}-title")), "Give the practice a title."),
                    (title, how) => practices.push(Practice {
                        title: title.to_string(),
                        how: how.to_string(),
                    }),
                }
            }
            if let (Some(key), Some(target)) = (key, target) {
                tracks.push(Track {
                    key,
                    name: t.name.trim().to_string(),
                    summary: t.summary.trim().to_string(),
                    target,
                    levels,
                    practices,
                });
            }
        }
        if !self.errors.is_empty() {
            return None;
        }
        let f = Framework { name, tracks };
        if let Err(e) = f.validate() {
            self.fail(
                "framework".into(),
                format!("The framework was not saved: {e}."),
            );
            return None;
        }
        Some(f)
    }
}

#[derive(Template)]
#[template(path = "framework.html")]
struct FrameworkPage {
    layout: Layout,
    form: FrameworkForm,
}

async fn edit(State(state): State<AppState>) -> PageResult {
    let f = state.store.get_framework().await?;
    render(
        StatusCode::OK,
        &FrameworkPage {
            layout: Layout::with_log(Nav::Settings, state.today()),
            form: FrameworkForm::of(&f),
        },
    )
}

async fn save(State(state): State<AppState>, Form(pairs): Form<Pairs>) -> PageResult {
    let store = &*state.store;
    let mut form = FrameworkForm::posted(&pairs);
    let evidence = store.list_evidence().await?;
    let wins = store.list_wins().await?;
    let opportunities = store.list_opportunities().await?;
    let in_use = |k: &TrackKey| {
        evidence.iter().filter(|e| &e.track == k).count()
            + wins.iter().filter(|w| w.tracks.contains(k)).count()
            + opportunities
                .iter()
                .filter(|o| o.tracks.contains(k))
                .count()
    };
    match form.parse(in_use) {
        Some(f) => {
            store.save_framework(&f).await?;
            Ok(Redirect::to("/settings?done=framework-saved#framework").into_response())
        }
        None => render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FrameworkPage {
                layout: Layout::with_log(Nav::Settings, state.today()),
                form,
            },
        ),
    }
}

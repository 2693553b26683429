//! Evidence: dated proof of a competency (claimed, witnessed or endorsed), listed by
//! track, added, edited and deleted here; the Readiness page counts it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use fanclub_core::{
    CoreError, Day, Evidence, EvidenceSource, EvidenceStrength, Framework, Person, PersonId,
    Record, Title, TrackKey, Win, optional_text,
};
use serde::Deserialize;

use super::pick::{self, Pick};
use super::records::{Editor, id, optional_id, track_choices};
use super::{Choice, Layout, Nav, PageResult, ok, render};
use crate::AppState;
use crate::forms::{FieldErrors, LONG_TEXT, keep};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/evidence", get(index).post(create))
        .route("/evidence/new", get(new))
        .route("/evidence/{id}", post(update))
        .route("/evidence/{id}/edit", get(edit))
        .route("/evidence/{id}/delete", post(delete))
}

/// Evidence as typed. A blank source is worked out as the CLI does: from the win, else
/// feedback for an endorsement, else other.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct EvidenceForm {
    pub(crate) summary: String,
    pub(crate) track: String,
    pub(crate) strength: String,
    pub(crate) source: String,
    pub(crate) on: String,
    /// The witness's handle, chosen among the suggestions.
    pub(crate) person: String,
    /// "Or someone else": a name or a handle, typed.
    pub(crate) person_other: String,
    pub(crate) quote: String,
    pub(crate) win: String,
}

impl EvidenceForm {
    fn blank(today: Day, track: &str) -> EvidenceForm {
        EvidenceForm {
            track: track.to_string(),
            strength: EvidenceStrength::Claimed.to_string(),
            on: today.to_string(),
            ..EvidenceForm::default()
        }
    }

    fn of(e: &Evidence, people: &[Record<Person>]) -> EvidenceForm {
        EvidenceForm {
            summary: e.summary.to_string(),
            track: e.track.to_string(),
            strength: e.strength.to_string(),
            source: e.source.to_string(),
            on: e.on.to_string(),
            person: e
                .person
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| p.handle.to_string())
                .unwrap_or_default(),
            person_other: String::new(),
            quote: e.quote.clone().unwrap_or_default(),
            win: e.win.map(|w| w.to_string()).unwrap_or_default(),
        }
    }

    fn parse(
        &self,
        framework: &Framework,
        people: &[Record<Person>],
        wins: &[Record<Win>],
        today: Day,
    ) -> Result<Evidence, FieldErrors> {
        let mut errors = FieldErrors::default();
        let summary = keep(&mut errors, "summary", Title::parse(&self.summary));
        let track = keep(&mut errors, "track", TrackKey::parse(&self.track));
        let strength = keep(
            &mut errors,
            "strength",
            EvidenceStrength::parse(&self.strength),
        );
        let source = if self.source.trim().is_empty() {
            Some(None)
        } else {
            keep(
                &mut errors,
                "source",
                EvidenceSource::parse(&self.source).map(Some),
            )
        };
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("date", &self.on))
        };
        let person = Pick {
            field: "person",
            other: "person_other",
            chosen: &self.person,
            typed: &self.person_other,
        }
        .resolve(people, &mut errors)
        .ok();
        let quote = keep(
            &mut errors,
            "quote",
            optional_text("quote", &self.quote, LONG_TEXT),
        );
        let win = keep(
            &mut errors,
            "win",
            optional_id("win", &self.win).and_then(|w| match w {
                Some(w) if !wins.iter().any(|k| k.id == w) => Err(CoreError::invalid(
                    "win",
                    &self.win,
                    "one of your wins, or none",
                )),
                other => Ok(other),
            }),
        );
        let (
            Some(summary),
            Some(track),
            Some(strength),
            Some(source),
            Some(on),
            Some(person),
            Some(quote),
            Some(win),
        ) = (summary, track, strength, source, on, person, quote, win)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let source = source.unwrap_or(match (win, strength) {
            (Some(_), _) => EvidenceSource::Win,
            (None, EvidenceStrength::Endorsed) => EvidenceSource::Feedback,
            _ => EvidenceSource::Other,
        });
        let e = Evidence {
            on,
            track,
            strength,
            source,
            summary,
            quote,
            person,
            win,
            interaction: None,
        };
        e.validate(framework).map_err(|err| {
            let field = match err.field() {
                Some("person") => "person",
                Some("quote") => "quote",
                _ => "track",
            };
            let mut errors = FieldErrors::default();
            errors.push(field, err);
            errors
        })?;
        Ok(e)
    }
}

/// The choices of the evidence form's selects.
#[derive(Debug, Clone)]
pub(crate) struct EvidenceChoices {
    pub(crate) tracks: Vec<Choice>,
    pub(crate) strengths: Vec<Choice>,
    pub(crate) sources: Vec<Choice>,
    pub(crate) people: Vec<Choice>,
    pub(crate) wins: Vec<Choice>,
}

impl EvidenceChoices {
    /// `witnesses` are the people suggested, best first.
    fn of(
        form: &EvidenceForm,
        framework: &Framework,
        people: &[Record<Person>],
        witnesses: Vec<&Record<Person>>,
        wins: &[Record<Win>],
    ) -> EvidenceChoices {
        let mut sources = vec![Choice {
            value: String::new(),
            label: "work it out (win, feedback or other)".into(),
            selected: form.source.trim().is_empty(),
        }];
        sources.extend(Choice::list(EvidenceSource::ALL, &form.source));
        let mut win_choices = vec![Choice {
            value: String::new(),
            label: "none".into(),
            selected: form.win.trim().is_empty(),
        }];
        win_choices.extend(wins.iter().map(|w| Choice {
            selected: form.win.trim() == w.id.to_string(),
            value: w.id.to_string(),
            label: format!("{} ({})", w.title, w.on),
        }));
        let mut tracks = track_choices(framework, std::slice::from_ref(&form.track));
        if !tracks.iter().any(|t| t.selected) {
            tracks.insert(
                0,
                Choice {
                    value: String::new(),
                    label: "choose a track".into(),
                    selected: true,
                },
            );
        }
        EvidenceChoices {
            tracks,
            strengths: Choice::list(EvidenceStrength::ALL, &form.strength),
            sources,
            people: pick::choices("nobody named", witnesses, &form.person, people),
            wins: win_choices,
        }
    }
}

/// Who might have seen or said it: the people last in touch, most recent first, then the
/// key people (`pick::ranked`) to fill the list.
async fn witnesses<'p>(
    state: &AppState,
    people: &'p [Record<Person>],
) -> Result<Vec<&'p Record<Person>>, CoreError> {
    let store = &*state.store;
    let by_id: HashMap<PersonId, &Record<Person>> = people.iter().map(|p| (p.id, p)).collect();
    let mut contacts = store.last_contacts().await?;
    contacts.sort_by(|a, b| b.on.cmp(&a.on).then(a.person.cmp(&b.person)));
    let mut out: Vec<&Record<Person>> = Vec::with_capacity(pick::SUGGESTED);
    let recent = contacts
        .iter()
        .filter_map(|c| by_id.get(&c.person).copied());
    let ranked = pick::ranked(store, people, state.today()).await?;
    for p in recent.chain(ranked) {
        if out.len() == pick::SUGGESTED {
            break;
        }
        if !out.iter().any(|o| o.id == p.id) {
            out.push(p);
        }
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "evidence_form.html")]
struct EvidenceFormPage {
    layout: Layout,
    form: Editor<EvidenceForm>,
    choices: EvidenceChoices,
}

async fn form_page(state: &AppState, form: Editor<EvidenceForm>) -> PageResult {
    let store = &*state.store;
    let framework = store.get_framework().await?;
    let people = store.shared_people().await?;
    let witnesses = witnesses(state, &people).await?;
    let wins = store.list_wins().await?;
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render(
        status,
        &EvidenceFormPage {
            layout: Layout::with_log(Nav::Readiness, state.today()),
            choices: EvidenceChoices::of(&form.values, &framework, &people, witnesses, &wins),
            form,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EvidenceQuery {
    track: String,
    done: String,
}

async fn new(State(state): State<AppState>, Query(q): Query<EvidenceQuery>) -> PageResult {
    let form = Editor::new(EvidenceForm::blank(state.today(), &q.track), "/evidence");
    form_page(&state, form).await
}

async fn edit(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let e = state.store.get_evidence(id(raw)).await?;
    let people = state.store.shared_people().await?;
    let form = Editor::editing(
        EvidenceForm::of(&e, &people),
        format!("/evidence/{raw}"),
        raw,
    );
    form_page(&state, form).await
}

async fn parse_posted(
    state: &AppState,
    values: &EvidenceForm,
) -> Result<Result<Evidence, FieldErrors>, CoreError> {
    let store = &*state.store;
    let framework = store.get_framework().await?;
    let people = store.shared_people().await?;
    let wins = store.list_wins().await?;
    Ok(values.parse(&framework, &people, &wins, state.today()))
}

async fn create(State(state): State<AppState>, Form(values): Form<EvidenceForm>) -> PageResult {
    match parse_posted(&state, &values).await? {
        Ok(e) => {
            let saved = state.store.create_evidence(&e).await?;
            let to = format!("/evidence?done=added#evidence-{}", saved.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => form_page(&state, Editor::new(values, "/evidence").failed(errors)).await,
    }
}

async fn update(
    State(state): State<AppState>,
    Path(raw): Path<i64>,
    Form(values): Form<EvidenceForm>,
) -> PageResult {
    let before = state.store.get_evidence(id(raw)).await?;
    match parse_posted(&state, &values).await? {
        Ok(mut e) => {
            // The form does not show the interaction it came from: keep it.
            e.interaction = before.interaction;
            state
                .store
                .update_evidence(&Record::new(before.id, e))
                .await?;
            let to = format!("/evidence?done=updated#evidence-{raw}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(errors) => {
            let form = Editor::editing(values, format!("/evidence/{raw}"), raw).failed(errors);
            form_page(&state, form).await
        }
    }
}

async fn delete(State(state): State<AppState>, Path(raw): Path<i64>) -> PageResult {
    let e = state.store.get_evidence(id(raw)).await?;
    state.store.delete_evidence(e.id).await?;
    Ok(Redirect::to("/evidence?done=deleted").into_response())
}

/// One piece of evidence as the list shows it.
#[derive(Debug, Clone)]
pub(crate) struct EvidenceRow {
    pub(crate) evidence: Record<Evidence>,
    pub(crate) track: String,
    pub(crate) person: Option<(String, String)>,
    pub(crate) win: Option<String>,
}

#[derive(Template)]
#[template(path = "evidence.html")]
struct EvidencePage {
    layout: Layout,
    rows: Vec<EvidenceRow>,
    tracks: Vec<Choice>,
    track: String,
    total: usize,
    notice: Option<&'static str>,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "added" => Some("Evidence added. Readiness counts it from now on."),
        "updated" => Some("Evidence saved."),
        "deleted" => Some("Evidence deleted."),
        _ => None,
    }
}

async fn index(State(state): State<AppState>, Query(q): Query<EvidenceQuery>) -> PageResult {
    let store = &*state.store;
    let framework = store.get_framework().await?;
    let people = store.shared_people().await?;
    let wins = store.list_wins().await?;
    let all = store.list_evidence().await?;
    let total = all.len();
    let track = q.track.trim().to_string();
    let rows = all
        .into_iter()
        .filter(|e| track.is_empty() || e.track.as_str() == track)
        .map(|e| EvidenceRow {
            track: framework
                .track(&e.track)
                .map_or_else(|| e.track.to_string(), |t| t.name.clone()),
            person: e
                .person
                .and_then(|id| people.iter().find(|p| p.id == id))
                .map(|p| (p.name.to_string(), p.handle.to_string())),
            win: e
                .win
                .and_then(|id| wins.iter().find(|w| w.id == id))
                .map(|w| w.title.to_string()),
            evidence: e,
        })
        .collect();
    let mut tracks = vec![Choice {
        value: String::new(),
        label: "every track".into(),
        selected: track.is_empty(),
    }];
    tracks.extend(track_choices(&framework, std::slice::from_ref(&track)));
    ok(&EvidencePage {
        layout: Layout::with_log(Nav::Readiness, state.today()),
        rows,
        tracks,
        track,
        total,
        notice: notice(&q.done),
    })
}

//! Settings: who I am (my name and e-mail addresses) and the role I aim for, the
//! keep-in-touch cadence per grid quadrant, the momentum window; the competency framework
//! (loaded from a TOML file or reset to the default here, edited on its own page); where
//! the data lives.

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use fanclub_core::{CadenceDays, CoreError, Counts, Framework, Settings, optional_text};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::{FieldErrors, SHORT_TEXT, email_list, keep};

/// The largest framework file accepted: a company's whole ladder is a few kilobytes.
pub(crate) const FRAMEWORK_FILE_LIMIT: usize = 256 * 1024;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/settings", get(index).post(save))
        .route(
            "/settings/framework/upload",
            // The form's own fields and boundaries on top of the file; anything larger
            // is cut off by the server before it is read.
            post(upload).layer(DefaultBodyLimit::max(FRAMEWORK_FILE_LIMIT + 16 * 1024)),
        )
        .route("/settings/framework/reset", post(reset))
}

/// The settings form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SettingsForm {
    pub(crate) me: String,
    pub(crate) my_emails: String,
    pub(crate) target_role: String,
    pub(crate) time_zone: String,
    pub(crate) manage_closely: String,
    pub(crate) keep_satisfied: String,
    pub(crate) keep_informed: String,
    pub(crate) monitor: String,
    pub(crate) momentum_window: String,
}

impl SettingsForm {
    fn of(s: &Settings) -> SettingsForm {
        SettingsForm {
            me: s.me.clone().unwrap_or_default(),
            my_emails: s
                .my_emails
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            target_role: s.target_role.clone().unwrap_or_default(),
            time_zone: s.time_zone.clone().unwrap_or_default(),
            manage_closely: s.cadence.manage_closely.days().to_string(),
            keep_satisfied: s.cadence.keep_satisfied.days().to_string(),
            keep_informed: s.cadence.keep_informed.days().to_string(),
            monitor: s.cadence.monitor.days().to_string(),
            momentum_window: s.momentum_window_days.to_string(),
        }
    }

    /// The current settings with what was typed applied; fields this form does not show
    /// are kept as they are.
    fn apply(&self, current: &Settings) -> Result<Settings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let me = keep(&mut errors, "me", optional_text("me", &self.me, SHORT_TEXT));
        let my_emails = keep(&mut errors, "my_emails", email_list(&self.my_emails));
        let role = keep(
            &mut errors,
            "target_role",
            optional_text("target role", &self.target_role, SHORT_TEXT),
        );
        let zone = keep(
            &mut errors,
            "time_zone",
            match self.time_zone.trim() {
                "" => Ok(None),
                z => fanclub_formats::TimeZone::parse(z).map(|z| Some(z.to_string())),
            },
        );
        let cadence = |errors: &mut FieldErrors, field: &'static str, s: &str| {
            keep(errors, field, CadenceDays::parse(s))
        };
        let mc = cadence(&mut errors, "manage_closely", &self.manage_closely);
        let ks = cadence(&mut errors, "keep_satisfied", &self.keep_satisfied);
        let ki = cadence(&mut errors, "keep_informed", &self.keep_informed);
        let mo = cadence(&mut errors, "monitor", &self.monitor);
        let window = keep(
            &mut errors,
            "momentum_window",
            Settings::parse_momentum_window(&self.momentum_window),
        );
        match (me, my_emails, role, mc, ks, ki, mo, window) {
            (
                Some(me),
                Some(my_emails),
                Some(role),
                Some(mc),
                Some(ks),
                Some(ki),
                Some(mo),
                Some(window),
            ) if errors.is_empty() => {
                let mut s = current.clone();
                s.time_zone = zone.flatten();
                s.me = me;
                s.my_emails = my_emails;
                s.target_role = role;
                s.cadence.manage_closely = mc;
                s.cadence.keep_satisfied = ks;
                s.cadence.keep_informed = ki;
                s.cadence.monitor = mo;
                s.momentum_window_days = window;
                Ok(s)
            }
            _ => Err(errors),
        }
    }
}

/// The settings form with its errors.
#[derive(Debug, Clone)]
pub(crate) struct SettingsEditor {
    pub(crate) values: SettingsForm,
    pub(crate) errors: FieldErrors,
}

impl SettingsEditor {
    pub(crate) fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// The framework as the settings page sums it up.
#[derive(Debug, Clone)]
pub(crate) struct FrameworkSummary {
    pub(crate) name: String,
    pub(crate) tracks: Vec<(String, u8)>,
    pub(crate) is_default: bool,
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    layout: Layout,
    form: SettingsEditor,
    framework: FrameworkSummary,
    counts: Counts,
    location: Option<String>,
    notice: Option<&'static str>,
    /// What went wrong with an uploaded framework file.
    upload_error: Option<String>,
    limit_kb: usize,
    /// The private calendar feed's address, when it is on (settings_feed.html).
    feed: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SettingsQuery {
    done: String,
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "saved" => Some("Settings saved."),
        "framework-loaded" => {
            Some("Framework loaded from the file. Readiness now measures against it.")
        }
        "framework-reset" => {
            Some("The default framework is back: the five tracks from senior PM to product leader.")
        }
        "framework-saved" => Some("Framework saved."),
        "calendar-on" => Some("Your private calendar link is ready: add it to your calendar app."),
        "calendar-new" => Some(
            "A new calendar link is ready; the old one no longer works. Update your calendar app.",
        ),
        "calendar-off" => Some("The calendar feed is off: its link no longer works."),
        _ => None,
    }
}

async fn page(
    state: &AppState,
    form: SettingsEditor,
    done: &str,
    upload_error: Option<String>,
) -> Result<SettingsPage, CoreError> {
    let store = &*state.store;
    let f = store.get_framework().await?;
    Ok(SettingsPage {
        layout: Layout::with_log(Nav::Settings, state.today()),
        framework: FrameworkSummary {
            is_default: f == Framework::default_leadership(),
            name: f.name.clone(),
            tracks: f
                .tracks
                .iter()
                .map(|t| (t.name.clone(), t.target.get()))
                .collect(),
        },
        form,
        counts: store.counts().await?,
        location: state.location.as_deref().map(str::to_owned),
        notice: notice(done),
        upload_error,
        limit_kb: FRAMEWORK_FILE_LIMIT / 1024,
        feed: super::feed::feed_link(state).await?,
    })
}

async fn index(State(state): State<AppState>, Query(q): Query<SettingsQuery>) -> PageResult {
    let settings = state.store.get_settings().await?;
    let form = SettingsEditor {
        values: SettingsForm::of(&settings),
        errors: FieldErrors::default(),
    };
    render(StatusCode::OK, &page(&state, form, &q.done, None).await?)
}

async fn save(State(state): State<AppState>, Form(values): Form<SettingsForm>) -> PageResult {
    let current = state.store.get_settings().await?;
    match values.apply(&current) {
        Ok(s) => {
            state.store.save_settings(&s).await?;
            Ok(Redirect::to("/settings?done=saved").into_response())
        }
        Err(errors) => {
            let form = SettingsEditor { values, errors };
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, form, "", None).await?,
            )
        }
    }
}

/// Why an upload was refused: its status and what the member is told.
fn too_large() -> (StatusCode, String) {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "The file is larger than {} KB, so it was not read. A framework file is a few \
             kilobytes of text: check that you chose the right file.",
            FRAMEWORK_FILE_LIMIT / 1024
        ),
    )
}

/// The framework file's text, read within the size limit.
async fn read_upload(mut multipart: Multipart) -> Result<String, (StatusCode, String)> {
    let broken = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            (
                StatusCode::BAD_REQUEST,
                "The upload was cut off or malformed; choose the file and send it again.".into(),
            )
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(broken)? {
        if field.name() != Some("file") {
            continue;
        }
        let mut bytes: Vec<u8> = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(broken)? {
            if bytes.len() + chunk.len() > FRAMEWORK_FILE_LIMIT {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err((
                StatusCode::UNPROCESSABLE_ENTITY,
                "Choose a framework file first: a .toml file like the one `fanclub framework export` writes.".into(),
            ));
        }
        return String::from_utf8(bytes).map_err(|_| {
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "The file is not text (UTF-8): a framework file is TOML, like the one `fanclub framework export` writes.".into(),
            )
        });
    }
    Err((
        StatusCode::UNPROCESSABLE_ENTITY,
        "Choose a framework file first: a .toml file like the one `fanclub framework export` writes.".into(),
    ))
}

async fn upload(State(state): State<AppState>, multipart: Multipart) -> PageResult {
    let refused = match read_upload(multipart).await {
        Ok(text) => match Framework::from_toml(&text) {
            Ok(f) => {
                state.store.save_framework(&f).await?;
                return Ok(Redirect::to("/settings?done=framework-loaded").into_response());
            }
            Err(e) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("The file was not loaded: {e}. Nothing changed."),
            ),
        },
        Err(refusal) => refusal,
    };
    let (status, message) = refused;
    let settings = state.store.get_settings().await?;
    let form = SettingsEditor {
        values: SettingsForm::of(&settings),
        errors: FieldErrors::default(),
    };
    render(status, &page(&state, form, "", Some(message)).await?)
}

async fn reset(State(state): State<AppState>) -> PageResult {
    state
        .store
        .save_framework(&Framework::default_leadership())
        .await?;
    Ok(Redirect::to("/settings?done=framework-reset").into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_setting_is_reported_and_others_are_kept() {
        let current = Settings::default();
        let form = SettingsForm {
            me: "Noor".into(),
            manage_closely: "0".into(),
            keep_satisfied: "3w".into(),
            keep_informed: "30".into(),
            monitor: "often".into(),
            momentum_window: "1000".into(),
            ..SettingsForm::default()
        };
        let errors = form.apply(&current).unwrap_err();
        for field in ["manage_closely", "monitor", "momentum_window"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.get("keep_satisfied").is_none());
        let good = SettingsForm {
            manage_closely: "2w".into(),
            monitor: "3m".into(),
            momentum_window: "60".into(),
            ..form
        };
        let s = good.apply(&current).unwrap();
        assert_eq!(s.me.as_deref(), Some("Noor"));
        assert_eq!(s.cadence.manage_closely.days(), 14);
        assert_eq!(s.cadence.keep_satisfied.days(), 21);
        assert_eq!(s.cadence.monitor.days(), 90);
        assert_eq!(s.momentum_window_days, 60);
    }
}

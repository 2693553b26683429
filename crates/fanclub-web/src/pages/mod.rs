//! The member's pages: askama templates over what the services return. Each module owns
//! one part of the navigation and exports its routes; this one holds the layout every page
//! shares (navigation, the quick "log an interaction" form) and the render helper.

mod evidence;
pub(crate) mod feed;
mod form_view;
mod framework;
mod goals;
pub(crate) mod imports;
mod interactions;
mod map;
mod opportunities;
mod outreach;
pub mod packet;
mod paths;
mod people;
mod people_list;
mod perceptions;
mod pick;
mod progress;
mod records;
mod rooms;
mod search;
mod settings;
mod week;
pub(crate) mod wins;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use fanclub_core::{Day, InteractionKind};

use crate::AppState;
use crate::assets::{AssetUrls, URLS};
use crate::error::{PageError, error_page};
use crate::forms::{FieldErrors, InteractionForm};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(week::router())
        .merge(people::router())
        .merge(people_list::router())
        .merge(rooms::router())
        .merge(interactions::router())
        .merge(progress::router())
        .merge(wins::router())
        .merge(goals::router())
        .merge(evidence::router())
        .merge(perceptions::router())
        .merge(opportunities::router())
        .merge(settings::router())
        .merge(feed::router())
        .merge(framework::router())
        .merge(map::router())
        .merge(paths::router())
        .merge(outreach::router())
        .merge(search::router())
        .merge(packet::router())
        .merge(imports::router())
}

/// What a page handler returns.
pub(crate) type PageResult = Result<Response, PageError>;

/// Render a page with a status.
pub(crate) fn render(status: StatusCode, page: &impl Template) -> PageResult {
    Ok((status, Html(page.render()?)).into_response())
}

/// Render a page with 200 OK.
pub(crate) fn ok(page: &impl Template) -> PageResult {
    render(StatusCode::OK, page)
}

pub(crate) async fn not_found() -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no page at this address. The navigation above lists every part of fanclub."
            .into(),
    )
}

/// The part of the navigation a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    Week,
    People,
    Map,
    Rooms,
    Wins,
    Readiness,
    Momentum,
    Intros,
    Outreach,
    Settings,
    /// Pages outside the navigation (errors, the log form).
    None,
}

/// One navigation link.
#[derive(Debug, Clone)]
pub(crate) struct NavLink {
    pub(crate) href: &'static str,
    pub(crate) label: &'static str,
    pub(crate) current: bool,
}

const NAV: [(Nav, &str, &str); 10] = [
    (Nav::Week, "/", "This week"),
    (Nav::People, "/people", "People"),
    (Nav::Map, "/map", "Map"),
    (Nav::Rooms, "/rooms", "Rooms"),
    (Nav::Wins, "/wins", "Wins"),
    (Nav::Readiness, "/readiness", "Readiness"),
    (Nav::Momentum, "/momentum", "Momentum"),
    (Nav::Intros, "/paths", "Intros"),
    (Nav::Outreach, "/check", "Check a message"),
    (Nav::Settings, "/settings", "Settings"),
];

/// What the base template needs on every page.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) nav: Nav,
    pub(crate) assets: &'static AssetUrls,
    /// The quick log form in the header; `None` where the page is that form.
    pub(crate) log: Option<LogForm>,
}

impl Layout {
    /// A layout without the quick log form (error pages).
    pub(crate) fn new(nav: Nav) -> Layout {
        Layout {
            nav,
            assets: &URLS,
            log: None,
        }
    }

    /// A layout with the quick log form, its date set to today.
    pub(crate) fn with_log(nav: Nav, today: Day) -> Layout {
        Layout {
            log: Some(LogForm::blank(today)),
            ..Layout::new(nav)
        }
    }

    /// The same layout with the quick log form naming someone already.
    pub(crate) fn logging_with(mut self, handle: &str) -> Layout {
        if let Some(log) = &mut self.log {
            log.values.with = handle.to_string();
        }
        self
    }

    pub(crate) fn links(&self) -> Vec<NavLink> {
        NAV.iter()
            .map(|(nav, href, label)| NavLink {
                href,
                label,
                current: *nav == self.nav,
            })
            .collect()
    }
}

/// One `<option>` of a `<select>`.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

impl Choice {
    /// A choice per value, with `current` selected.
    pub(crate) fn list<T: std::fmt::Display>(all: &[T], current: &str) -> Vec<Choice> {
        all.iter()
            .map(|v| {
                let value = v.to_string();
                Choice {
                    selected: value == current,
                    label: value.replace('-', " "),
                    value,
                }
            })
            .collect()
    }
}

/// The "log an interaction" form: what was typed and what was wrong with it.
#[derive(Debug, Clone)]
pub(crate) struct LogForm {
    pub(crate) values: InteractionForm,
    pub(crate) errors: FieldErrors,
}

impl LogForm {
    pub(crate) fn blank(today: Day) -> LogForm {
        LogForm {
            values: InteractionForm {
                on: today.to_string(),
                kind: InteractionKind::OneOnOne.to_string(),
                ..InteractionForm::default()
            },
            errors: FieldErrors::default(),
        }
    }

    pub(crate) fn kinds(&self) -> Vec<Choice> {
        Choice::list(InteractionKind::ALL, &self.values.kind)
    }

    pub(crate) fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// `0.4567` → `46%`, for coverage and ratios. Templates pass their values by reference.
pub(crate) fn percent(x: &f64) -> String {
    format!("{:.0}%", (*x * 100.0).round())
}

/// A score with at most one decimal (`6`, `6.5`).
pub(crate) fn decimal(x: &f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// A factor of the trust equation, in words.
pub(crate) fn trust_part(part: &fanclub_core::TrustPart) -> &'static str {
    use fanclub_core::TrustPart;
    match part {
        TrustPart::Credibility => "credibility",
        TrustPart::Reliability => "reliability",
        TrustPart::Intimacy => "intimacy",
        TrustPart::SelfOrientation => "self-orientation",
    }
}

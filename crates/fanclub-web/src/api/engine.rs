//! The engine's answers as JSON: who is due, a week's agenda, which wins key people know,
//! readiness per track, trust, momentum, intro paths and the outreach check. Each loads
//! through the core's services and returns the engine's own types.

use axum::Json;
use axum::extract::{Path, Query, State};
use fanclub_core::engine::cadence::Due;
use fanclub_core::engine::lookup::PersonRef;
use fanclub_core::engine::momentum::Momentum;
use fanclub_core::engine::outreach::{self, OutreachReport, RuleSummary};
use fanclub_core::engine::paths::{DEFAULT_PATHS, MAX_PATHS, PathsResult};
use fanclub_core::engine::readiness::Readiness;
use fanclub_core::engine::trust::{TrustItem, TrustReport};
use fanclub_core::engine::visibility::Visibility;
use fanclub_core::engine::weekly::Agenda;
use fanclub_core::{CoreError, IsoWeek, Settings, services as core_services};
use serde::{Deserialize, Serialize};

use super::{ApiJson, ApiResult};
use crate::error::ApiError;
use crate::{AppState, services};

/// Everyone past their keep-in-touch cadence, most pressing first (`engine::cadence`).
#[utoipa::path(
    get,
    path = "/due",
    tag = "engine",
    responses((status = OK, description = "Who is due, most pressing first", body = [Due]))
)]
pub(crate) async fn due(State(state): State<AppState>) -> ApiResult<Json<Vec<Due>>> {
    Ok(Json(services::due(&*state.store, state.today()).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct WeekQuery {
    /// `2026-W47`; this week when absent.
    week: String,
}

/// A week's agenda, every item with the reason it is there (`engine::weekly`).
#[utoipa::path(
    get,
    path = "/week",
    tag = "engine",
    params(WeekQuery),
    responses(
        (status = OK, description = "The week's agenda", body = Agenda),
        (status = UNPROCESSABLE_ENTITY, description = "`week` is not an ISO week", body = ApiError),
    )
)]
pub(crate) async fn week(
    State(state): State<AppState>,
    Query(q): Query<WeekQuery>,
) -> ApiResult<Json<Agenda>> {
    let today = state.today();
    let week = if q.week.trim().is_empty() {
        today.iso_week()
    } else {
        IsoWeek::parse(&q.week)?
    };
    Ok(Json(services::agenda(&*state.store, week, today).await?))
}

/// Which key people know about each win, most in need of sharing first
/// (`engine::visibility`).
#[utoipa::path(
    get,
    path = "/visibility",
    tag = "engine",
    responses((status = OK, description = "Wins and who knows about them", body = Visibility))
)]
pub(crate) async fn visibility(State(state): State<AppState>) -> ApiResult<Json<Visibility>> {
    Ok(Json(
        services::visibility(&*state.store, state.today()).await?,
    ))
}

/// The level per track of the framework, with its evidence, gap and a practice
/// (`engine::readiness`).
#[utoipa::path(
    get,
    path = "/readiness",
    tag = "engine",
    responses((status = OK, description = "Readiness per track", body = Readiness))
)]
pub(crate) async fn readiness(State(state): State<AppState>) -> ApiResult<Json<Readiness>> {
    Ok(Json(
        services::readiness(&*state.store, state.today()).await?,
    ))
}

/// The trust equation for every rated relationship, largest gap first (`engine::trust`).
#[utoipa::path(
    get,
    path = "/trust",
    tag = "engine",
    responses((status = OK, description = "Trust per relationship", body = TrustReport))
)]
pub(crate) async fn trust(State(state): State<AppState>) -> ApiResult<Json<TrustReport>> {
    Ok(Json(core_services::trust(&*state.store).await?))
}

/// One relationship's trust.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct PersonTrust {
    pub(crate) person: PersonRef,
    /// `null` until the four factors are rated.
    pub(crate) trust: Option<TrustItem>,
}

/// One person's trust equation: score, weakest factor and what would move it.
#[utoipa::path(
    get,
    path = "/people/{key}/trust",
    tag = "engine",
    params(("key" = String, Path, description = "An id, a handle or an unambiguous name")),
    responses(
        (status = OK, description = "The relationship's trust; `trust` is null when unrated", body = PersonTrust),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
    )
)]
pub(crate) async fn person_trust(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> ApiResult<Json<PersonTrust>> {
    let store = &*state.store;
    let person = services::find_person(store, &key).await?;
    let trust = core_services::trust(store)
        .await?
        .relationships
        .into_iter()
        .find(|t| t.person.id == person.id);
    Ok(Json(PersonTrust {
        person: PersonRef::of(&person),
        trust,
    }))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct MomentumQuery {
    /// The window in days, 7 to 730 (`90` or `90d`); the settings' window when absent.
    window: String,
}

/// The cycle's numbers: this window against the one before, and the last twelve months
/// (`engine::momentum`).
#[utoipa::path(
    get,
    path = "/momentum",
    tag = "engine",
    params(MomentumQuery),
    responses(
        (status = OK, description = "Momentum over the window", body = Momentum),
        (status = UNPROCESSABLE_ENTITY, description = "`window` is not a number of days from 7 to 730", body = ApiError),
    )
)]
pub(crate) async fn momentum(
    State(state): State<AppState>,
    Query(q): Query<MomentumQuery>,
) -> ApiResult<Json<Momentum>> {
    let window = match q.window.trim() {
        "" => None,
        text => Some(Settings::momentum_window_in("window", text)?),
    };
    Ok(Json(
        core_services::momentum(&*state.store, window, state.today()).await?,
    ))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct PathsQuery {
    /// How many chains, 1 to 10 (3 when absent).
    k: String,
}

/// The warmest introduction chains from me to a person, with the weakest link of each and
/// whom to ask first (`engine::paths`).
#[utoipa::path(
    get,
    path = "/people/{key}/paths",
    tag = "engine",
    params(
        ("key" = String, Path, description = "An id, a handle or an unambiguous name"),
        PathsQuery,
    ),
    responses(
        (status = OK, description = "The chains, warmest first, or whom to ask when none exists", body = PathsResult),
        (status = NOT_FOUND, description = "No one matches", body = ApiError),
        (status = CONFLICT, description = "The name matches more than one person", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "`k` is not from 1 to 10", body = ApiError),
    )
)]
pub(crate) async fn paths(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(q): Query<PathsQuery>,
) -> ApiResult<Json<PathsResult>> {
    let k = whole_number(
        "k",
        &q.k,
        1,
        MAX_PATHS as i64,
        "a number of paths from 1 to 10",
    )?
    .map_or(DEFAULT_PATHS, |k| k as usize);
    let store = &*state.store;
    let target = services::find_person(store, &key).await?;
    Ok(Json(
        core_services::intro_paths(store, target.id, k, state.today()).await?,
    ))
}

/// A draft to check.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub(crate) struct Draft {
    /// The message as it would be sent.
    text: String,
}

/// Check a cold outreach draft: findings with where they are in the text, a score and a
/// verdict (`engine::outreach`). Nothing is stored.
#[utoipa::path(
    post,
    path = "/outreach/check",
    tag = "engine",
    request_body = Draft,
    responses(
        (status = OK, description = "The check's findings", body = OutreachReport),
        (status = BAD_REQUEST, description = "The body is not JSON", body = ApiError),
        (status = UNPROCESSABLE_ENTITY, description = "`text` is missing or not a string", body = ApiError),
    )
)]
pub(crate) async fn outreach_check(ApiJson(draft): ApiJson<Draft>) -> Json<OutreachReport> {
    Json(outreach::check_message(&draft.text))
}

/// The rules the outreach check applies, in order.
#[utoipa::path(
    get,
    path = "/outreach/rules",
    tag = "engine",
    responses((status = OK, description = "Every rule", body = [RuleSummary]))
)]
pub(crate) async fn outreach_rules() -> Json<Vec<RuleSummary>> {
    Json(outreach::rule_catalogue())
}

/// An optional whole number in `min..=max` from a query parameter; blank means absent.
fn whole_number(
    field: &str,
    raw: &str,
    min: i64,
    max: i64,
    accepted: &str,
) -> Result<Option<i64>, ApiError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    match raw.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(CoreError::invalid(field, raw, accepted).into()),
    }
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchQuery {
    /// The words to find; the last one may be the start of a word.
    q: String,
    /// At most this many hits, 1 to 200 (50 when absent).
    limit: String,
}

/// Full-text search across people, notes, interactions, wins and evidence. Titles and
/// snippets come back as plain text (the web page's match marks are removed).
#[utoipa::path(
    get,
    path = "/search",
    tag = "engine",
    params(SearchQuery),
    responses(
        (status = OK, description = "Matching records, best first", body = [fanclub_core::SearchHit]),
        (status = UNPROCESSABLE_ENTITY, description = "`limit` is not from 1 to 200", body = ApiError),
    )
)]
pub(crate) async fn search(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> ApiResult<Json<Vec<fanclub_core::SearchHit>>> {
    let limit = match q.limit.trim() {
        "" => 50,
        text => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=200).contains(n))
            .ok_or_else(|| CoreError::invalid("limit", text, "a number from 1 to 200"))?,
    };
    let plain = |s: &str| s.replace([fanclub_core::MARK_START, fanclub_core::MARK_END], "");
    let hits = state
        .store
        .search(&q.q, limit)
        .await?
        .into_iter()
        .map(|mut h| {
            h.title = plain(&h.title);
            h.about = plain(&h.about);
            h.snippet = plain(&h.snippet);
            h
        })
        .collect();
    Ok(Json(hits))
}

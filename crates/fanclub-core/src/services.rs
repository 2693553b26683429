//! Loaders shared by the CLI and the web app: each reads what one engine answer needs
//! through the `Store`, once, and hands it to the engine. No rule lives here: the rules
//! are in `engine`; this is only the one place that knows which records each one needs.

use crate::engine::cadence::{self, Due};
use crate::engine::coverage::{self, RoomCoverage};
use crate::engine::momentum::{self, Momentum};
use crate::engine::paths::{IntroGraph, PathsResult};
use crate::engine::readiness::{self, Readiness};
use crate::engine::trust::{self, TrustReport};
use crate::engine::visibility::{self, Visibility};
use crate::engine::weekly::{self, Agenda, WeekInputs};
use crate::{
    CoreResult, Day, Decision, InteractionFilter, IsoWeek, PersonId, Record, Store, WeeklyReview,
};

/// The agenda of `week`, and the review before it (whose commitments the week reviews).
pub async fn week_agenda(
    store: &dyn Store,
    week: IsoWeek,
    today: Day,
) -> CoreResult<(Agenda, Option<WeeklyReview>)> {
    let people = store.shared_people().await?;
    let last_contacts = store.last_contacts().await?;
    let decisions = store.list_decisions().await?;
    let wins = store.list_wins().await?;
    let evidence = store.list_evidence().await?;
    let framework = store.get_framework().await?;
    let perceptions = store.list_perceptions().await?;
    // Only the interactions with something still to do: never the whole history.
    let interactions = store
        .shared_interactions(&InteractionFilter {
            open_follow_ups: true,
            ..InteractionFilter::default()
        })
        .await?;
    let reviews = store.list_reviews().await?;
    let settings = store.get_settings().await?;
    let previous = weekly::previous_review(&reviews, week).map(|r| r.value.clone());
    let inputs = WeekInputs {
        people: &people,
        last_contacts: &last_contacts,
        decisions: &decisions,
        wins: &wins,
        evidence: &evidence,
        framework: &framework,
        perceptions: &perceptions,
        interactions: &interactions,
        previous: previous.as_ref(),
        settings: &settings,
    };
    Ok((weekly::agenda(week, &inputs, today), previous))
}

/// Coverage of the given rooms.
pub async fn room_coverage(
    store: &dyn Store,
    decisions: &[Record<Decision>],
    today: Day,
) -> CoreResult<Vec<RoomCoverage>> {
    let people = store.shared_people().await?;
    let last_contacts = store.last_contacts().await?;
    let settings = store.get_settings().await?;
    Ok(coverage::rooms(
        decisions,
        &people,
        &last_contacts,
        &settings,
        today,
    ))
}

/// Everyone past their keep-in-touch cadence, most pressing first.
pub async fn due(store: &dyn Store, today: Day) -> CoreResult<Vec<Due>> {
    let people = store.shared_people().await?;
    let last_contacts = store.last_contacts().await?;
    let decisions = store.list_decisions().await?;
    let settings = store.get_settings().await?;
    Ok(cadence::due(
        &people,
        &last_contacts,
        &decisions,
        &settings,
        today,
    ))
}

/// Which key people know about each win.
pub async fn visibility(store: &dyn Store, today: Day) -> CoreResult<Visibility> {
    let wins = store.list_wins().await?;
    let people = store.shared_people().await?;
    let decisions = store.list_decisions().await?;
    Ok(visibility::visibility(&wins, &people, &decisions, today))
}

/// The level per track of the active framework.
pub async fn readiness(store: &dyn Store, today: Day) -> CoreResult<Readiness> {
    let framework = store.get_framework().await?;
    let evidence = store.list_evidence().await?;
    Ok(readiness::readiness(&framework, &evidence, today))
}

/// The cycle's numbers over `window` days (the settings' window when `None`).
pub async fn momentum(store: &dyn Store, window: Option<u16>, today: Day) -> CoreResult<Momentum> {
    let mut settings = store.get_settings().await?;
    if let Some(w) = window {
        settings.momentum_window_days = w;
    }
    // Two windows for the trend, or the twelve months, whichever reaches further back.
    let reach = (2 * i64::from(settings.momentum_window_days.max(1))).max(370);
    let changes = store.stance_changes_since(today.plus_days(-reach)).await?;
    let people = store.shared_people().await?;
    let wins = store.list_wins().await?;
    let evidence = store.list_evidence().await?;
    let opportunities = store.list_opportunities().await?;
    Ok(momentum::momentum(
        &people,
        &wins,
        &evidence,
        &changes,
        &opportunities,
        &settings,
        today,
    ))
}

/// The trust equation for every rated relationship, largest gap first.
pub async fn trust(store: &dyn Store) -> CoreResult<TrustReport> {
    let people = store.shared_people().await?;
    Ok(trust::trust(&people))
}

/// The warmest `k` introduction chains from me to `target` (`engine::paths`).
pub async fn intro_paths(
    store: &dyn Store,
    target: PersonId,
    k: usize,
    today: Day,
) -> CoreResult<PathsResult> {
    let people = store.shared_people().await?;
    let connections = store.shared_connections().await?;
    let last_contacts = store.last_contacts().await?;
    let graph = IntroGraph::build(&people, &connections, &last_contacts, today);
    Ok(graph.paths(target, k))
}

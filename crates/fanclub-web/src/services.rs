//! The work behind pages and the API alike: load what an answer needs through the `Store`,
//! hand it to the engine, return the engine's result. Pages and the API share these, not
//! each other's handlers, and neither holds a rule of the domain.

use std::collections::HashSet;
use std::sync::Arc;

use fanclub_core::engine::cadence::Due;
use fanclub_core::engine::coverage::RoomCoverage;
use fanclub_core::engine::momentum::Momentum;
use fanclub_core::engine::readiness::Readiness;
use fanclub_core::engine::trust::{self, TrustItem};
use fanclub_core::engine::visibility::Visibility;
use fanclub_core::engine::weekly::Agenda;
use fanclub_core::resolve::{resolve_person, unique_handle};
use fanclub_core::services;
use fanclub_core::store::LastContact;
use fanclub_core::{
    Circle, CoreError, CoreResult, Counts, Day, DecisionId, Interaction, InteractionFilter,
    IsoWeek, Person, Quadrant, Record, RoomRole, Stance, StanceChange, Store, Title,
};

/// How many interactions a person's page shows.
const RECENT_INTERACTIONS: u32 = 10;

/// This week's agenda (or another week's), as `engine::weekly` generates it.
pub(crate) async fn agenda(store: &dyn Store, week: IsoWeek, today: Day) -> CoreResult<Agenda> {
    Ok(services::week_agenda(store, week, today).await?.0)
}

/// Coverage of every upcoming room, soonest first.
pub(crate) async fn rooms(store: &dyn Store, today: Day) -> CoreResult<Vec<RoomCoverage>> {
    let decisions: Vec<_> = store
        .list_decisions()
        .await?
        .into_iter()
        .filter(|d| d.is_upcoming(today))
        .collect();
    services::room_coverage(store, &decisions, today).await
}

/// Everyone past their keep-in-touch cadence, most pressing first.
pub(crate) async fn due(store: &dyn Store, today: Day) -> CoreResult<Vec<Due>> {
    services::due(store, today).await
}

pub(crate) async fn visibility(store: &dyn Store, today: Day) -> CoreResult<Visibility> {
    services::visibility(store, today).await
}

pub(crate) async fn readiness(store: &dyn Store, today: Day) -> CoreResult<Readiness> {
    services::readiness(store, today).await
}

pub(crate) async fn momentum(store: &dyn Store, today: Day) -> CoreResult<Momentum> {
    services::momentum(store, None, today).await
}

/// A new member has nothing yet: the pages offer the sample workspace.
pub(crate) async fn is_empty(store: &dyn Store) -> CoreResult<bool> {
    // Anyone in it answers at once, from the list the pages read anyway; counting every
    // table (a million interactions) is left for the workspace without people.
    if !store.shared_people().await?.is_empty() {
        return Ok(false);
    }
    Ok(store.counts().await?.is_empty())
}

/// Load the sample workspace into an empty account; refuse to mix it with real data.
pub(crate) async fn load_sample(store: &dyn Store, today: Day) -> CoreResult<Counts> {
    if !is_empty(store).await? {
        return Err(CoreError::Conflict(
            "your workspace already holds records; the sample only loads into an empty one \
             (`fanclub reset` empties it)"
                .into(),
        ));
    }
    store
        .import_workspace(&fanclub_core::sample::sample_workspace(today))
        .await?;
    store.counts().await
}

/// Which people to list: every given criterion must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PeopleFilter {
    /// Words that must each appear in the name, handle, organisation, title or team.
    pub(crate) words: Vec<String>,
    pub(crate) circle: Option<Circle>,
    pub(crate) quadrant: Option<Quadrant>,
    pub(crate) stance: Option<Stance>,
}

impl PeopleFilter {
    /// Parse the raw query values with the core's parsers; blank means "any".
    pub(crate) fn parse(q: &str, circle: &str, quadrant: &str, stance: &str) -> CoreResult<Self> {
        fn any<T>(s: &str, parse: fn(&str) -> CoreResult<T>) -> CoreResult<Option<T>> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                parse(s).map(Some)
            }
        }
        Ok(PeopleFilter {
            words: q.split_whitespace().map(str::to_lowercase).collect(),
            circle: any(circle, Circle::parse)?,
            quadrant: any(quadrant, Quadrant::parse)?,
            stance: any(stance, Stance::parse)?,
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        *self == PeopleFilter::default()
    }

    pub(crate) fn matches(&self, p: &Person) -> bool {
        if self.circle.is_some_and(|c| c != p.circle)
            || self.quadrant.is_some_and(|q| q != p.quadrant())
            || self.stance.is_some_and(|s| s != p.stance)
        {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let text = [
            Some(p.name.as_str()),
            Some(p.handle.as_str()),
            p.organisation.as_deref(),
            p.title.as_deref(),
            p.team.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
        self.words.iter().all(|w| text.contains(w.as_str()))
    }
}

/// The people the filter keeps, ordered by name.
pub(crate) async fn people(
    store: &dyn Store,
    filter: &PeopleFilter,
) -> CoreResult<Vec<Record<Person>>> {
    let people = store.shared_people().await?;
    Ok(people
        .iter()
        .filter(|p| filter.matches(p))
        .cloned()
        .collect())
}

/// A person by id, handle or unambiguous name (the same rules as the CLI).
pub(crate) async fn find_person(store: &dyn Store, key: &str) -> CoreResult<Record<Person>> {
    let people = store.shared_people().await?;
    let id = resolve_person(&people, key)?;
    people
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or_else(|| CoreError::not_found("person", key))
}

/// A room a person sits in.
#[derive(Debug, Clone)]
pub(crate) struct Seat {
    pub(crate) decision: DecisionId,
    pub(crate) title: Title,
    pub(crate) on: Day,
    pub(crate) role: RoomRole,
    pub(crate) upcoming: bool,
}

/// Everything a person's page shows.
#[derive(Debug, Clone)]
pub(crate) struct PersonDetail {
    pub(crate) person: Record<Person>,
    pub(crate) introduced_by: Option<Record<Person>>,
    pub(crate) cadence_days: u16,
    pub(crate) last_contact: Option<LastContact>,
    pub(crate) trust: Option<TrustItem>,
    /// Oldest first.
    pub(crate) stance_history: Vec<Record<StanceChange>>,
    /// Newest first.
    pub(crate) interactions: Vec<Record<Interaction>>,
    /// Soonest first.
    pub(crate) rooms: Vec<Seat>,
}

/// The person with `handle`, and everyone (the list their page also needs), or the page's
/// 404.
pub(crate) async fn by_handle(
    store: &dyn Store,
    handle: &str,
) -> CoreResult<(Record<Person>, Arc<Vec<Record<Person>>>)> {
    let people = store.shared_people().await?;
    let person = people
        .iter()
        .find(|p| p.handle.as_str() == handle)
        .cloned()
        .ok_or_else(|| CoreError::NotFound {
            kind: "person",
            key: handle.to_string(),
            hint: "the People page lists everyone".into(),
        })?;
    Ok((person, people))
}

pub(crate) async fn person_detail(
    store: &dyn Store,
    handle: &str,
    today: Day,
) -> CoreResult<PersonDetail> {
    let (person, people) = by_handle(store, handle).await?;
    let introduced_by = person
        .introduced_by
        .and_then(|id| people.iter().find(|p| p.id == id).cloned());
    let settings = store.get_settings().await?;
    let last_contact = store
        .last_contacts()
        .await?
        .into_iter()
        .find(|c| c.person == person.id);
    let stance_history = store.stance_history(person.id).await?;
    let interactions = store
        .list_interactions(&InteractionFilter {
            person: Some(person.id),
            limit: Some(RECENT_INTERACTIONS),
            ..InteractionFilter::default()
        })
        .await?;
    let mut rooms: Vec<Seat> = store
        .list_decisions()
        .await?
        .into_iter()
        .filter_map(|d| {
            let seat = d.room.iter().find(|s| s.person == person.id)?;
            Some(Seat {
                decision: d.id,
                title: d.title.clone(),
                on: d.on,
                role: seat.role,
                upcoming: d.is_upcoming(today),
            })
        })
        .collect();
    rooms.sort_by_key(|r| (!r.upcoming, r.on));
    let trust = trust::trust(std::slice::from_ref(&person))
        .relationships
        .into_iter()
        .next();
    Ok(PersonDetail {
        cadence_days: settings.cadence.for_person(&person).days(),
        introduced_by,
        last_contact,
        trust,
        stance_history,
        interactions,
        rooms,
        person,
    })
}

/// Create a person; without a handle of their own they get one derived from the name.
pub(crate) async fn create_person(
    store: &dyn Store,
    mut person: Person,
    handle_given: bool,
    today: Day,
) -> CoreResult<Record<Person>> {
    let people = store.shared_people().await?;
    let taken: HashSet<&str> = people.iter().map(|p| p.handle.as_str()).collect();
    if handle_given {
        if taken.contains(person.handle.as_str()) {
            return Err(CoreError::Conflict(format!(
                "the handle {} is taken; choose another or leave it out",
                person.handle
            )));
        }
    } else {
        person.handle = unique_handle(&taken, person.name.as_str());
    }
    store.create_person(&person, today).await
}

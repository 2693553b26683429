//! The map: everyone on the power/interest grid (influence × interest, Mendelow's four
//! quadrants), one dot per person coloured *and* shaped by stance, as an SVG drawn by the
//! template; optionally only the people of one room. The same people follow as a text
//! list by quadrant, for screen readers and the keyboard.
//!
//! This module holds the page: its query, what the template draws and the handler. Where
//! each thing goes on the drawing is worked out in `grid`.

mod grid;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use fanclub_core::{CoreError, Person, Quadrant, Record, RoomRole, Stance};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, ok};
use crate::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/map", get(index))
}

/// The query string as typed; blank means everyone.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct MapQuery {
    room: String,
}

/// One person on the grid.
#[derive(Debug, Clone)]
struct Dot {
    handle: String,
    name: String,
    stance: Stance,
    influence: u8,
    interest: u8,
    quadrant: Quadrant,
    /// Their seat, when the map shows one room.
    role: Option<RoomRole>,
    /// Where the dot is drawn, formatted for the `transform` attribute.
    x: String,
    y: String,
    /// The stance's shape, as SVG path data centred on the dot.
    shape: String,
    /// Drawn as a mark of its own; false when the cell is shown as a count.
    drawn: bool,
}

/// A crowded cell, drawn as its count over a bar of its stance mix.
#[derive(Debug, Clone)]
struct Cluster {
    count: usize,
    influence: u8,
    interest: u8,
    /// The People list of the cell's quadrant, most influential first.
    href: String,
    /// Where the count goes.
    x: String,
    y: String,
    segments: Vec<Segment>,
}

/// One stance's share of a crowded cell's bar.
#[derive(Debug, Clone)]
struct Segment {
    stance: Stance,
    count: usize,
    x: String,
    y: String,
    width: String,
}

/// One quadrant of the grid, for the drawing and the list.
#[derive(Debug, Clone)]
struct Area {
    quadrant: Quadrant,
    label: &'static str,
    /// "high influence, high interest".
    meaning: &'static str,
    x: String,
    y: String,
    width: String,
    height: String,
    /// Where the label goes, and its anchor.
    label_x: String,
    label_y: String,
    anchor: &'static str,
    /// The first `grid::LIST_LIMIT` of them by influence, then name (indexes into `dots`).
    people: Vec<usize>,
    /// Everyone in the quadrant.
    count: usize,
    /// The People list of this quadrant, for those not listed here.
    href: String,
}

/// A line of the grid.
#[derive(Debug, Clone)]
struct Line {
    x1: String,
    y1: String,
    x2: String,
    y2: String,
    /// The quadrant boundary, drawn stronger.
    major: bool,
}

/// A number along an axis.
#[derive(Debug, Clone)]
struct Tick {
    x: String,
    y: String,
    value: u8,
}

/// A row of the legend.
#[derive(Debug, Clone)]
struct Key {
    stance: Stance,
    shape: String,
    count: usize,
}

/// A room to filter by.
#[derive(Debug, Clone)]
struct RoomChoice {
    id: i64,
    title: String,
    on: String,
    upcoming: bool,
    selected: bool,
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    layout: Layout,
    rooms: Vec<RoomChoice>,
    /// The room shown, when one is.
    room: Option<RoomChoice>,
    dots: Vec<Dot>,
    clusters: Vec<Cluster>,
    areas: Vec<Area>,
    lines: Vec<Line>,
    ticks_x: Vec<Tick>,
    ticks_y: Vec<Tick>,
    legend: Vec<Key>,
    total: usize,
}

async fn index(State(state): State<AppState>, Query(query): Query<MapQuery>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let people = store.shared_people().await?;
    let decisions = store.list_decisions().await?;
    let wanted = parse_room(&query.room)?;
    let room = match wanted {
        Some(id) => Some(decisions.iter().find(|d| d.id.get() == id).ok_or_else(|| {
            CoreError::NotFound {
                kind: "room",
                key: query.room.trim().to_string(),
                hint: "the Rooms page lists every decision you track".into(),
            }
        })?),
        None => None,
    };
    let seated: Vec<(&Record<Person>, Option<RoomRole>)> = match room {
        Some(d) => people
            .iter()
            .filter_map(|p| {
                let seat = d.room.iter().find(|s| s.person == p.id)?;
                Some((p, Some(seat.role)))
            })
            .collect(),
        None => people.iter().map(|p| (p, None)).collect(),
    };
    let (dots, clusters) = grid::layout_dots(&seated);
    let rooms: Vec<RoomChoice> = decisions
        .iter()
        .map(|d| RoomChoice {
            id: d.id.get(),
            title: d.title.to_string(),
            on: d.on.to_string(),
            upcoming: d.is_upcoming(today),
            selected: Some(d.id.get()) == wanted,
        })
        .collect();
    let legend = Stance::ALL
        .iter()
        .rev()
        .map(|&stance| Key {
            stance,
            shape: grid::shape(stance, 7.0),
            count: dots.iter().filter(|d| d.stance == stance).count(),
        })
        .collect();
    let (ticks_x, ticks_y) = grid::ticks();
    ok(&MapPage {
        layout: Layout::with_log(Nav::Map, today),
        room: rooms.iter().find(|r| r.selected).cloned(),
        rooms,
        areas: grid::areas(&dots),
        lines: grid::lines(),
        ticks_x,
        ticks_y,
        legend,
        total: people.len(),
        dots,
        clusters,
    })
}

/// The room's id from the query; blank is "everyone".
fn parse_room(raw: &str) -> Result<Option<i64>, CoreError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i64>()
        .map(Some)
        .map_err(|_| CoreError::invalid("room", raw, "a room from the list"))
}

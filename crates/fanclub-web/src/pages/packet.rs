//! The promotion packet and the brag document as print-ready pages (`/packet`, `/brag`),
//! and the same HTML offline for `fanclub export packet --format html`. The content comes
//! from `fanclub_core::report`; this module only lays it out.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use fanclub_core::report::{self, Brag, Grouping, Packet};
use serde::Deserialize;

use super::{PageResult, ok};
use crate::AppState;
use crate::assets::URLS;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/packet", get(show_packet))
        .route("/brag", get(show_brag))
}

/// How the page gets its styles: the app's stylesheet when served, inline when the file
/// is written for use offline.
enum Styles {
    Linked(String),
    Inline,
}

#[derive(Template)]
#[template(path = "packet.html")]
struct DocumentPage<'a> {
    title: &'static str,
    styles: Styles,
    packet: Option<&'a Packet>,
    brag: Option<&'a Brag>,
}

impl DocumentPage<'_> {
    fn stylesheet(&self) -> Option<&str> {
        match &self.styles {
            Styles::Linked(href) => Some(href),
            Styles::Inline => None,
        }
    }
}

/// The promotion packet as a standalone, print-ready HTML document (styles inline).
pub fn packet_html(packet: &Packet) -> Result<String, askama::Error> {
    DocumentPage {
        title: "Promotion packet",
        styles: Styles::Inline,
        packet: Some(packet),
        brag: None,
    }
    .render()
}

/// The brag document as a standalone, print-ready HTML document (styles inline).
pub fn brag_html(brag: &Brag) -> Result<String, askama::Error> {
    DocumentPage {
        title: "Brag document",
        styles: Styles::Inline,
        packet: None,
        brag: Some(brag),
    }
    .render()
}

async fn show_packet(State(state): State<AppState>) -> PageResult {
    let ws = report::load(&*state.store).await?;
    let packet = report::packet(&ws, state.today());
    ok(&DocumentPage {
        title: "Promotion packet",
        styles: Styles::Linked(URLS.css.clone()),
        packet: Some(&packet),
        brag: None,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BragQuery {
    by: String,
}

async fn show_brag(State(state): State<AppState>, Query(q): Query<BragQuery>) -> PageResult {
    let grouping = if q.by == "month" {
        Grouping::Month
    } else {
        Grouping::Goal
    };
    let ws = report::load(&*state.store).await?;
    let brag = report::brag(&ws, grouping, state.today());
    ok(&DocumentPage {
        title: "Brag document",
        styles: Styles::Linked(URLS.css.clone()),
        packet: None,
        brag: Some(&brag),
    })
}

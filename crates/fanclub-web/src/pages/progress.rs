//! How the cycle turns: readiness per competency track (`engine::readiness`) with a bar
//! chart, and momentum over the rolling window (`engine::momentum`) with a chart per
//! measure over twelve months. The charts are SVG drawn by the templates from the
//! coordinates computed here: no script, no inline style.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use fanclub_core::engine::momentum::{Measure, Momentum, MonthCounts, Trend};
use fanclub_core::engine::readiness::Readiness;
use fanclub_core::{Framework, Practice};

use super::{Layout, Nav, PageResult, ok};
use crate::{AppState, services};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/readiness", get(readiness))
        .route("/momentum", get(momentum))
}

/// Where the bars of the readiness chart start, after the track names.
const BAR_LEFT: u32 = 150;
/// The width of one level on the readiness chart.
const LEVEL_WIDTH: u32 = 100;
/// The height of one track's row.
const ROW: u32 = 34;

/// One track on the readiness chart, in SVG units.
#[derive(Debug, Clone)]
pub(crate) struct LevelBar {
    pub(crate) name: String,
    pub(crate) level: u8,
    pub(crate) target: u8,
    pub(crate) y: u32,
    pub(crate) text_y: u32,
    pub(crate) width: u32,
    pub(crate) target_x: u32,
    pub(crate) weakest: bool,
}

/// The readiness chart: a bar per track, level 0 to 4, with the target marked.
#[derive(Debug, Clone)]
pub(crate) struct LevelChart {
    pub(crate) bars: Vec<LevelBar>,
    pub(crate) height: u32,
    pub(crate) width: u32,
    /// Gridlines at each level: (x, label).
    pub(crate) grid: Vec<(u32, u8)>,
    pub(crate) axis_y: u32,
}

impl LevelChart {
    fn of(r: &Readiness) -> LevelChart {
        let bars: Vec<LevelBar> = r
            .tracks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let y = 8 + i as u32 * ROW;
                LevelBar {
                    name: t.name.clone(),
                    level: t.level.get(),
                    target: t.target.get(),
                    y,
                    text_y: y + 15,
                    // Level 0 still shows a sliver, so the row never looks missing.
                    width: (u32::from(t.level.get()) * LEVEL_WIDTH).max(3),
                    target_x: BAR_LEFT + u32::from(t.target.get()) * LEVEL_WIDTH,
                    weakest: r.weakest.as_ref() == Some(&t.track),
                }
            })
            .collect();
        let axis_y = 8 + bars.len() as u32 * ROW + 12;
        LevelChart {
            height: axis_y + 8,
            width: BAR_LEFT + 4 * LEVEL_WIDTH + 40,
            grid: (0..=4u8)
                .map(|l| (BAR_LEFT + u32::from(l) * LEVEL_WIDTH, l))
                .collect(),
            axis_y,
            bars,
        }
    }
}

/// A track's practices, from the framework: every suggestion, not only the next one.
#[derive(Debug, Clone)]
pub(crate) struct TrackPractices {
    pub(crate) key: String,
    pub(crate) summary: String,
    pub(crate) practices: Vec<Practice>,
}

#[derive(Template)]
#[template(path = "readiness.html")]
struct ReadinessPage {
    layout: Layout,
    r: Readiness,
    chart: LevelChart,
    practices: Vec<TrackPractices>,
    framework_name: String,
    open_gaps: usize,
}

impl ReadinessPage {
    /// The framework's summary and practices of a track.
    fn track(&self, key: &str) -> Option<&TrackPractices> {
        self.practices.iter().find(|p| p.key == key)
    }
}

fn practices(f: &Framework) -> Vec<TrackPractices> {
    f.tracks
        .iter()
        .map(|t| TrackPractices {
            key: t.key.to_string(),
            summary: t.summary.clone(),
            practices: t.practices.clone(),
        })
        .collect()
}

async fn readiness(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let store = &*state.store;
    let r = services::readiness(store, today).await?;
    let framework = store.get_framework().await?;
    let open_gaps = store
        .list_perceptions()
        .await?
        .iter()
        .filter(|p| p.is_open())
        .count();
    ok(&ReadinessPage {
        layout: Layout::with_log(Nav::Readiness, today),
        chart: LevelChart::of(&r),
        practices: practices(&framework),
        framework_name: framework.name.clone(),
        open_gaps,
        r,
    })
}

/// One month's bar on a measure's chart, in SVG units.
#[derive(Debug, Clone)]
pub(crate) struct MonthBar {
    pub(crate) x: u32,
    pub(crate) y: u32,
    pub(crate) height: u32,
    pub(crate) value: u64,
    pub(crate) month: String,
    /// `Mar`, under the bar.
    pub(crate) short: String,
}

/// One measure over the twelve months.
#[derive(Debug, Clone)]
pub(crate) struct MeasureChart {
    pub(crate) key: &'static str,
    pub(crate) label: &'static str,
    pub(crate) total: u64,
    pub(crate) max: u64,
    pub(crate) bars: Vec<MonthBar>,
}

/// Width of one month's slot, and the bars' tallest height.
const SLOT: u32 = 30;
const TALLEST: u32 = 70;
/// The baseline of the month charts.
pub(crate) const BASELINE: u32 = 80;

fn month_value(m: &MonthCounts, measure: Measure) -> u64 {
    match measure {
        Measure::Evidence => m.evidence,
        Measure::StanceUpgrades => m.stance_upgrades,
        Measure::Opportunities => m.opportunities,
        Measure::WinShares => m.win_shares,
    }
}

/// `2026-03` → `Mar`.
fn short_month(month: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    month
        .rsplit('-')
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| NAMES.get(m.wrapping_sub(1)))
        .map_or_else(|| month.to_string(), |s| (*s).to_string())
}

fn measure_charts(m: &Momentum) -> Vec<MeasureChart> {
    Measure::ALL
        .iter()
        .map(|&measure| {
            let values: Vec<u64> = m.months.iter().map(|mo| month_value(mo, measure)).collect();
            let max = values.iter().copied().max().unwrap_or(0);
            let scale = max.max(1);
            let bars = m
                .months
                .iter()
                .zip(&values)
                .enumerate()
                .map(|(i, (mo, &value))| {
                    let height = if value == 0 {
                        1
                    } else {
                        ((value * u64::from(TALLEST)).div_ceil(scale)) as u32
                    };
                    MonthBar {
                        x: 4 + i as u32 * SLOT,
                        y: BASELINE - height,
                        height,
                        value,
                        month: mo.month.clone(),
                        short: short_month(&mo.month),
                    }
                })
                .collect();
            MeasureChart {
                key: match measure {
                    Measure::Evidence => "evidence",
                    Measure::StanceUpgrades => "upgrades",
                    Measure::Opportunities => "opportunities",
                    Measure::WinShares => "shares",
                },
                label: measure.label(),
                total: values.iter().sum(),
                max,
                bars,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "momentum.html")]
struct MomentumPage {
    layout: Layout,
    m: Momentum,
    charts: Vec<MeasureChart>,
    chart_width: u32,
}

async fn momentum(State(state): State<AppState>) -> PageResult {
    let today = state.today();
    let m = services::momentum(&*state.store, today).await?;
    ok(&MomentumPage {
        layout: Layout::with_log(Nav::Momentum, today),
        charts: measure_charts(&m),
        chart_width: 8 + 12 * SLOT,
        m,
    })
}

/// A trend in words, with an arrow for the eye (the words are what a screen reader says).
pub(crate) fn trend(t: &Trend) -> &'static str {
    match t {
        Trend::Up => "up",
        Trend::Flat => "flat",
        Trend::Down => "down",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_named_short() {
        assert_eq!(short_month("2026-03"), "Mar");
        assert_eq!(short_month("2026-12"), "Dec");
        assert_eq!(short_month("garbage"), "garbage");
    }
}

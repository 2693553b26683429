//! Momentum: the career cycle as numbers. Over a rolling window (90 days by default):
//! evidence added, stance upgrades, opportunities received (and who sponsored them), and
//! shares of wins; this window against the one before, and month by month for a year.
//!
//! # Rules
//!
//! The current window is the `N` days ending today (today included); the previous window
//! is the `N` days before it. Records dated after today are not counted yet. A stance
//! change counts when `StanceChange::is_upgrade` (a first stance is not an upgrade); an
//! opportunity counts on the day it was offered, whatever became of it; a win share counts
//! on the day it was shared.
//!
//! **Trend** per measure: *flat* when the two windows differ by less than
//! `max(1, 10% of the larger)`, otherwise *up* or *down*. With small counts any change
//! shows; with large ones noise does not.
//!
//! **Months** are the last twelve calendar months, the current one included, oldest first.

use std::collections::HashMap;

use chrono::Datelike;
use serde::{Deserialize, Serialize};

use crate::engine::lookup::{PersonRef, people_by_id};
use crate::{
    Day, Evidence, Opportunity, OpportunityId, OpportunityStatus, Person, PersonId, Record,
    Settings, Stance, StanceChange, Title, Win,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Evidence,
    StanceUpgrades,
    Opportunities,
    WinShares,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::Evidence,
        Measure::StanceUpgrades,
        Measure::Opportunities,
        Measure::WinShares,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Measure::Evidence => "evidence added",
            Measure::StanceUpgrades => "stance upgrades",
            Measure::Opportunities => "opportunities received",
            Measure::WinShares => "shares of wins",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Up,
    Flat,
    Down,
}

/// Compare two windows' counts (see the module doc).
pub fn trend(current: u64, previous: u64) -> Trend {
    let diff = current as f64 - previous as f64;
    let threshold = (0.1 * current.max(previous) as f64).max(1.0);
    if diff.abs() < threshold {
        Trend::Flat
    } else if diff > 0.0 {
        Trend::Up
    } else {
        Trend::Down
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Momentum {
    pub window_days: u16,
    /// First and last day of the current window.
    pub from: Day,
    pub to: Day,
    /// First day of the previous window (it ends the day before `from`).
    pub previous_from: Day,
    /// One per measure, in `Measure::ALL` order.
    pub measures: Vec<MeasureTrend>,
    /// Upgrades in the current window, newest first.
    pub upgrades: Vec<Upgrade>,
    /// Opportunities received in the current window, newest first.
    pub opportunities: Vec<Received>,
    /// Who sponsored those opportunities, most first.
    pub sponsors: Vec<SponsorCount>,
    /// The last twelve calendar months, oldest first.
    pub months: Vec<MonthCounts>,
    pub summary: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeasureTrend {
    pub measure: Measure,
    pub current: u64,
    pub previous: u64,
    pub trend: Trend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Upgrade {
    pub person: PersonRef,
    pub from: Stance,
    pub to: Stance,
    pub on: Day,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Received {
    pub opportunity: OpportunityId,
    pub title: Title,
    pub on: Day,
    pub status: OpportunityStatus,
    pub sponsor: Option<PersonRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SponsorCount {
    pub person: PersonRef,
    pub opportunities: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCounts {
    /// `YYYY-MM`.
    pub month: String,
    pub evidence: u64,
    pub stance_upgrades: u64,
    pub opportunities: u64,
    pub win_shares: u64,
}

impl MonthCounts {
    fn add(&mut self, m: Measure) {
        match m {
            Measure::Evidence => self.evidence += 1,
            Measure::StanceUpgrades => self.stance_upgrades += 1,
            Measure::Opportunities => self.opportunities += 1,
            Measure::WinShares => self.win_shares += 1,
        }
    }
}

fn month_index(d: Day) -> i64 {
    let date = d.date();
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// Counts one dated event into both windows and the month table.
struct Tally {
    today: Day,
    window: i64,
    this_month: i64,
    current: [u64; 4],
    previous: [u64; 4],
    months: Vec<MonthCounts>,
}

impl Tally {
    fn new(today: Day, window: i64) -> Tally {
        let this_month = month_index(today);
        let months = (0..12)
            .rev()
            .map(|back| {
                let m = this_month - back;
                MonthCounts {
                    month: format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                    evidence: 0,
                    stance_upgrades: 0,
                    opportunities: 0,
                    win_shares: 0,
                }
            })
            .collect();
        Tally {
            today,
            window,
            this_month,
            current: [0; 4],
            previous: [0; 4],
            months,
        }
    }

    /// Returns whether the event falls in the current window.
    fn count(&mut self, m: Measure, on: Day) -> bool {
        let age = on.days_until(self.today);
        if age < 0 {
            return false;
        }
        let i = m as usize;
        let back = self.this_month - month_index(on);
        if (0..12).contains(&back) {
            self.months[(11 - back) as usize].add(m);
        }
        if age < self.window {
            self.current[i] += 1;
            true
        } else {
            if age < 2 * self.window {
                self.previous[i] += 1;
            }
            false
        }
    }
}

/// The cycle's numbers over `settings.momentum_window_days`, ending today.
pub fn momentum(
    people: &[Record<Person>],
    wins: &[Record<Win>],
    evidence: &[Record<Evidence>],
    stance_changes: &[Record<StanceChange>],
    opportunities: &[Record<Opportunity>],
    settings: &Settings,
    today: Day,
) -> Momentum {
    let window = i64::from(settings.momentum_window_days.max(1));
    let by_id = people_by_id(people);
    let person = |id: PersonId| by_id.get(&id).map(|p| PersonRef::of(p));
    let mut tally = Tally::new(today, window);

    for e in evidence {
        tally.count(Measure::Evidence, e.on);
    }
    for s in wins.iter().flat_map(|w| &w.shares) {
        tally.count(Measure::WinShares, s.on);
    }

    let mut upgrades = Vec::new();
    for c in stance_changes.iter().filter(|c| c.is_upgrade()) {
        if tally.count(Measure::StanceUpgrades, c.on)
            && let (Some(p), Some(from)) = (person(c.person), c.from)
        {
            upgrades.push(Upgrade {
                person: p,
                from,
                to: c.to,
                on: c.on,
            });
        }
    }
    upgrades.sort_by(|a, b| b.on.cmp(&a.on).then(a.person.id.cmp(&b.person.id)));

    let mut received = Vec::new();
    let mut sponsored: HashMap<PersonId, u64> = HashMap::new();
    for o in opportunities {
        if tally.count(Measure::Opportunities, o.on) {
            if let Some(s) = o.sponsor {
                *sponsored.entry(s).or_default() += 1;
            }
            received.push(Received {
                opportunity: o.id,
                title: o.title.clone(),
                on: o.on,
                status: o.status,
                sponsor: o.sponsor.and_then(person),
            });
        }
    }
    received.sort_by(|a, b| b.on.cmp(&a.on).then(a.opportunity.cmp(&b.opportunity)));
    let mut sponsors: Vec<SponsorCount> = sponsored
        .into_iter()
        .filter_map(|(id, n)| {
            Some(SponsorCount {
                person: person(id)?,
                opportunities: n,
            })
        })
        .collect();
    sponsors.sort_by(|a, b| {
        b.opportunities
            .cmp(&a.opportunities)
            .then(a.person.id.cmp(&b.person.id))
    });

    let measures: Vec<MeasureTrend> = Measure::ALL
        .iter()
        .map(|&m| {
            let (c, p) = (tally.current[m as usize], tally.previous[m as usize]);
            MeasureTrend {
                measure: m,
                current: c,
                previous: p,
                trend: trend(c, p),
            }
        })
        .collect();

    Momentum {
        window_days: window as u16,
        from: today.plus_days(1 - window),
        to: today,
        previous_from: today.plus_days(1 - 2 * window),
        summary: summary(&measures, window),
        measures,
        upgrades,
        opportunities: received,
        sponsors,
        months: tally.months,
    }
}

fn summary(measures: &[MeasureTrend], window: i64) -> String {
    let ups: Vec<&str> = measures
        .iter()
        .filter(|m| m.trend == Trend::Up)
        .map(|m| m.measure.label())
        .collect();
    let downs: Vec<&str> = measures
        .iter()
        .filter(|m| m.trend == Trend::Down)
        .map(|m| m.measure.label())
        .collect();
    if measures.iter().all(|m| m.current == 0) {
        format!(
            "Nothing logged in the last {window} days: one piece of evidence or one win shared \
             starts the cycle again."
        )
    } else if ups.len() > downs.len() {
        format!(
            "The cycle is turning: {} up on the previous {window} days.",
            ups.join(", ")
        )
    } else if downs.len() > ups.len() {
        format!(
            "The cycle is slowing: {} down on the previous {window} days. One change (a \
             relationship, a skill shown, an assignment) can restart it.",
            downs.join(", ")
        )
    } else {
        format!("Steady on the previous {window} days.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixtures::*;
    use crate::{EvidenceStrength, OpportunityKind, StanceChangeId};

    const TODAY: &str = "2026-03-31";

    fn change(
        id: i64,
        person: i64,
        from: Option<Stance>,
        to: Stance,
        on: &str,
    ) -> Record<StanceChange> {
        Record::new(
            StanceChangeId::from_raw(id),
            StanceChange {
                person: pid(person),
                from,
                to,
                on: day(on),
                note: None,
            },
        )
    }

    fn opportunity(id: i64, on: &str, sponsor: Option<i64>) -> Record<Opportunity> {
        Record::new(
            OpportunityId::from_raw(id),
            Opportunity {
                title: title(&format!("Opportunity {id}")),
                kind: OpportunityKind::Project,
                on: day(on),
                sponsor: sponsor.map(pid),
                status: OpportunityStatus::Accepted,
                tracks: Vec::new(),
                notes: None,
            },
        )
    }

    #[test]
    fn trends() {
        let cases = [
            (0, 0, Trend::Flat),
            (1, 0, Trend::Up),
            (0, 1, Trend::Down),
            (5, 4, Trend::Up),
            (11, 10, Trend::Flat),
            (20, 10, Trend::Up),
            (30, 34, Trend::Down),
        ];
        for (c, p, t) in cases {
            assert_eq!(trend(c, p), t, "{c} vs {p}");
        }
    }

    #[test]
    fn windows_measures_and_months() {
        let people = vec![
            person(1, "Ada Sponsor", 5, 5, Stance::Sponsor),
            person(2, "Ben Peer", 3, 3, Stance::Supporter),
        ];
        let settings = Settings {
            momentum_window_days: 30,
            ..Settings::default()
        };
        // Current window: 2026-03-02 ..= 2026-03-31; previous: 2026-01-31 ..= 2026-03-01.
        let evidence = vec![
            evidence(1, "strategy", EvidenceStrength::Claimed, "2026-03-02"),
            evidence(2, "strategy", EvidenceStrength::Claimed, "2026-03-31"),
            evidence(3, "domain", EvidenceStrength::Claimed, "2026-03-01"),
            evidence(4, "domain", EvidenceStrength::Claimed, "2026-04-05"), // not yet
            evidence(5, "domain", EvidenceStrength::Claimed, "2025-03-15"), // 13 months back
        ];
        let changes = vec![
            change(1, 2, None, Stance::Aware, "2026-03-05"), // first stance: not an upgrade
            change(2, 2, Some(Stance::Aware), Stance::Supporter, "2026-03-10"),
            change(3, 1, Some(Stance::Advocate), Stance::Sponsor, "2026-03-20"),
            change(
                4,
                1,
                Some(Stance::Supporter),
                Stance::Advocate,
                "2026-02-10",
            ),
            change(5, 2, Some(Stance::Supporter), Stance::Aware, "2026-03-12"), // downgrade
        ];
        let opportunities = vec![
            opportunity(1, "2026-03-15", Some(1)),
            opportunity(2, "2026-03-25", Some(1)),
            opportunity(3, "2026-03-26", None),
            opportunity(4, "2026-02-15", Some(2)),
        ];
        let wins = vec![win(
            1,
            "Launch",
            "2026-01-20",
            &[(1, "2026-02-01"), (2, "2026-02-02"), (2, "2026-03-03")],
        )];

        let m = momentum(
            &people,
            &wins,
            &evidence,
            &changes,
            &opportunities,
            &settings,
            day(TODAY),
        );
        assert_eq!(
            (m.from, m.to, m.previous_from),
            (day("2026-03-02"), day(TODAY), day("2026-01-31"))
        );
        let got: Vec<(Measure, u64, u64, Trend)> = m
            .measures
            .iter()
            .map(|t| (t.measure, t.current, t.previous, t.trend))
            .collect();
        assert_eq!(
            got,
            [
                (Measure::Evidence, 2, 1, Trend::Up),
                (Measure::StanceUpgrades, 2, 1, Trend::Up),
                (Measure::Opportunities, 3, 1, Trend::Up),
                (Measure::WinShares, 1, 2, Trend::Down),
            ]
        );
        assert!(
            m.summary
                .starts_with("The cycle is turning: evidence added, stance upgrades"),
            "{}",
            m.summary
        );

        let ups: Vec<(i64, Stance)> = m
            .upgrades
            .iter()
            .map(|u| (u.person.id.get(), u.to))
            .collect();
        assert_eq!(ups, [(1, Stance::Sponsor), (2, Stance::Supporter)]);
        let opps: Vec<i64> = m
            .opportunities
            .iter()
            .map(|o| o.opportunity.get())
            .collect();
        assert_eq!(opps, [3, 2, 1]);
        assert_eq!(
            m.opportunities[1].sponsor.as_ref().map(|p| p.name.as_str()),
            Some("Ada Sponsor")
        );
        assert_eq!(m.sponsors.len(), 1);
        assert_eq!(
            (m.sponsors[0].person.id.get(), m.sponsors[0].opportunities),
            (1, 2)
        );

        assert_eq!(m.months.len(), 12);
        assert_eq!(m.months[0].month, "2025-04");
        let march = &m.months[11];
        assert_eq!(march.month, "2026-03");
        assert_eq!(
            (
                march.evidence,
                march.stance_upgrades,
                march.opportunities,
                march.win_shares
            ),
            (3, 2, 3, 1)
        );
        let feb = &m.months[10];
        assert_eq!(
            (
                feb.evidence,
                feb.stance_upgrades,
                feb.opportunities,
                feb.win_shares
            ),
            (0, 1, 1, 2)
        );
        assert_eq!(m.months.iter().map(|c| c.evidence).sum::<u64>(), 3);
    }

    #[test]
    fn an_empty_window_says_so() {
        let m = momentum(&[], &[], &[], &[], &[], &Settings::default(), day(TODAY));
        assert_eq!(m.window_days, 90);
        assert!(
            m.measures
                .iter()
                .all(|t| t.trend == Trend::Flat && t.current == 0)
        );
        assert!(
            m.summary.starts_with("Nothing logged in the last 90 days"),
            "{}",
            m.summary
        );
    }

    #[test]
    fn months_cross_the_year() {
        let m = momentum(
            &[],
            &[],
            &[],
            &[],
            &[],
            &Settings::default(),
            day("2026-01-10"),
        );
        assert_eq!(m.months[0].month, "2025-02");
        assert_eq!(m.months[10].month, "2025-12");
        assert_eq!(m.months[11].month, "2026-01");
    }
}

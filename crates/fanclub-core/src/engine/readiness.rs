//! Readiness per track of the competency framework: an estimated level from the evidence
//! (how much, how strong, how recent), the gap to the track's target, and a practice that
//! would produce the missing evidence.
//!
//! # Formula
//!
//! Each piece of evidence counts `strength × decay` points:
//!
//! ```text
//! strength = claimed 1 · witnessed 2 · endorsed 3
//! decay    = 0.5 ^ (age in days / 180)        (evidence dated after today counts as new)
//! points   = Σ strength × decay over the track's evidence
//! ```
//!
//! The level is the highest whose threshold the points reach: level 1 at 1 point, 2 at 3,
//! 3 at 6, 4 at 10. My own word alone goes no further than level 2: level 3 needs at least
//! one witnessed or endorsed item, level 4 at least one endorsed item (a committee believes
//! what others saw and said). So one endorsement this month is level 2; four recent
//! endorsements are level 4; an endorsement from a year ago is worth a quarter of one
//! today.
//!
//! **Gap** = target − level (never below 0). **Weakest track**: the largest gap, then the
//! lowest level, then the fewest points, then the framework's order.
//!
//! **Next practice** rotates through the track's practices by the number of pieces of
//! evidence it holds, so logging evidence moves the suggestion on instead of repeating it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::round2;
use crate::{
    Day, Evidence, EvidenceId, EvidenceStrength, Framework, Level, Record, Title, Track, TrackKey,
};

/// Days after which a piece of evidence counts half.
pub const HALF_LIFE_DAYS: f64 = 180.0;
/// Points needed for levels 1, 2, 3 and 4.
pub const LEVEL_THRESHOLDS: [f64; 4] = [1.0, 3.0, 6.0, 10.0];

pub fn strength_weight(s: EvidenceStrength) -> f64 {
    match s {
        EvidenceStrength::Claimed => 1.0,
        EvidenceStrength::Witnessed => 2.0,
        EvidenceStrength::Endorsed => 3.0,
    }
}

/// What a piece of evidence `age_days` old still counts for, from 1 (today) toward 0.
pub fn decay(age_days: i64) -> f64 {
    0.5f64.powf(age_days.max(0) as f64 / HALF_LIFE_DAYS)
}

/// The level that `points` earn, capped by the strongest evidence there is.
pub fn level_for(points: f64, strongest: Option<EvidenceStrength>) -> Level {
    let by_points = LEVEL_THRESHOLDS.iter().filter(|t| points >= **t).count() as u8;
    let cap = match strongest {
        None | Some(EvidenceStrength::Claimed) => 2,
        Some(EvidenceStrength::Witnessed) => 3,
        Some(EvidenceStrength::Endorsed) => 4,
    };
    level(by_points.min(cap))
}

fn level(n: u8) -> Level {
    Level::new(i64::from(n.min(Level::MAX))).expect("0..=4 are levels")
}

/// Points and level from `(strength, age in days)` pairs.
pub fn estimate(items: impl IntoIterator<Item = (EvidenceStrength, i64)>) -> (f64, Level) {
    let mut points = 0.0;
    let mut strongest = None;
    for (s, age) in items {
        points += strength_weight(s) * decay(age);
        strongest = strongest.max(Some(s));
    }
    (points, level_for(points, strongest))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// In the framework's order.
    pub tracks: Vec<TrackReadiness>,
    pub weakest: Option<TrackKey>,
    /// Evidence whose track is not in the framework (after the member edited it).
    pub unmatched_evidence: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackReadiness {
    pub track: TrackKey,
    pub name: String,
    pub level: Level,
    pub level_name: String,
    /// Two decimals.
    pub points: f64,
    pub target: Level,
    pub gap: u8,
    pub evidence_count: usize,
    /// What counts most first.
    pub evidence: Vec<CountedEvidence>,
    /// What the next level takes; `None` at level 4.
    pub to_next_level: Option<String>,
    pub practice: Option<NextPractice>,
}

/// One piece of evidence and what it counts for today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountedEvidence {
    pub evidence: EvidenceId,
    pub on: Day,
    pub strength: EvidenceStrength,
    pub summary: Title,
    /// Two decimals.
    pub counts: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextPractice {
    pub title: String,
    pub how: String,
    pub why: String,
}

/// Readiness of every track of the framework.
pub fn readiness(framework: &Framework, evidence: &[Record<Evidence>], today: Day) -> Readiness {
    let mut by_track: HashMap<&TrackKey, Vec<&Record<Evidence>>> = HashMap::new();
    for e in evidence {
        by_track.entry(&e.track).or_default().push(e);
    }
    let tracks: Vec<TrackReadiness> = framework
        .tracks
        .iter()
        .map(|t| track_readiness(t, by_track.remove(&t.key).unwrap_or_default(), today))
        .collect();
    let unmatched_evidence = by_track.values().map(Vec::len).sum();

    let weakest = tracks
        .iter()
        .enumerate()
        .min_by(|(ia, a), (ib, b)| {
            b.gap
                .cmp(&a.gap)
                .then(a.level.cmp(&b.level))
                .then(a.points.total_cmp(&b.points))
                .then(ia.cmp(ib))
        })
        .map(|(_, t)| t.track.clone());

    Readiness {
        tracks,
        weakest,
        unmatched_evidence,
    }
}

fn track_readiness(t: &Track, items: Vec<&Record<Evidence>>, today: Day) -> TrackReadiness {
    let age = |e: &Evidence| e.on.days_until(today);
    let (points, lvl) = estimate(items.iter().map(|e| (e.strength, age(e))));
    let strongest = items.iter().map(|e| e.strength).max();

    let mut counted: Vec<CountedEvidence> = items
        .iter()
        .map(|e| CountedEvidence {
            evidence: e.id,
            on: e.on,
            strength: e.strength,
            summary: e.summary.clone(),
            counts: strength_weight(e.strength) * decay(age(e)),
        })
        .collect();
    counted.sort_by(|a, b| b.counts.total_cmp(&a.counts).then(b.on.cmp(&a.on)));
    for c in &mut counted {
        c.counts = round2(c.counts);
    }

    let level_name = |l: Level| {
        t.levels
            .iter()
            .find(|s| s.level == l)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| format!("Level {l}"))
    };
    let gap = t.target.get().saturating_sub(lvl.get());

    let to_next_level = (lvl.get() < Level::MAX).then(|| {
        let next = level(lvl.get() + 1);
        let needed = LEVEL_THRESHOLDS[usize::from(lvl.get())] - points;
        let mut parts = Vec::new();
        if needed > 0.0 {
            parts.push(format!(
                "{:.1} more points (an endorsement today counts 3, a witnessed item 2, your \
                 own claim 1)",
                needed
            ));
        }
        match (next.get(), strongest) {
            (3, None | Some(EvidenceStrength::Claimed)) => {
                parts.push("someone who saw your work to witness it".to_string())
            }
            (4, s) if s < Some(EvidenceStrength::Endorsed) => {
                parts.push("a stakeholder's endorsement in their own words".to_string())
            }
            _ => {}
        }
        format!(
            "Level {next} ({}) needs {}.",
            level_name(next),
            parts.join(", and ")
        )
    });

    let practice = (!t.practices.is_empty()).then(|| {
        let p = &t.practices[items.len() % t.practices.len()];
        let standing = if gap > 0 {
            format!(
                "{} is at level {lvl} of your target {}: this produces the evidence it lacks.",
                t.name, t.target
            )
        } else {
            format!(
                "{} is at your target ({}): this keeps its evidence fresh.",
                t.name, t.target
            )
        };
        NextPractice {
            title: p.title.clone(),
            how: p.how.clone(),
            why: standing,
        }
    });

    TrackReadiness {
        track: t.key.clone(),
        name: t.name.clone(),
        level: lvl,
        level_name: level_name(lvl),
        points: round2(points),
        target: t.target,
        gap,
        evidence_count: items.len(),
        evidence: counted,
        to_next_level,
        practice,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::engine::fixtures::*;
    use EvidenceStrength::{Claimed, Endorsed, Witnessed};

    const TODAY: &str = "2026-03-01";

    #[test]
    fn levels_from_evidence() {
        let cases: &[(&[(EvidenceStrength, i64)], u8)] = &[
            (&[], 0),
            (&[(Claimed, 0)], 1),
            (&[(Claimed, 180)], 0), // half a point
            (&[(Endorsed, 0)], 2),
            (&[(Claimed, 0); 12], 2), // my word alone stops at 2
            (
                &[(Witnessed, 0), (Witnessed, 0), (Claimed, 0), (Claimed, 0)],
                3,
            ),
            (&[(Witnessed, 0); 6], 3), // 12 points, but no endorsement
            (&[(Endorsed, 0); 4], 4),
            (&[(Endorsed, 360); 4], 2), // 3 points a year on
        ];
        for (items, expect) in cases {
            let (_, l) = estimate(items.iter().copied());
            assert_eq!(l.get(), *expect, "{items:?}");
        }
    }

    #[test]
    fn decay_halves_every_half_life() {
        assert!((decay(0) - 1.0).abs() < 1e-12);
        assert!((decay(180) - 0.5).abs() < 1e-12);
        assert!((decay(360) - 0.25).abs() < 1e-12);
        assert!((decay(-30) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn per_track_with_weakest_and_rotating_practice() {
        let f = Framework::default_leadership();
        let evidence = vec![
            evidence(1, "strategy", Endorsed, "2026-02-01"),
            evidence(2, "strategy", Witnessed, "2026-02-15"),
            evidence(3, "strategy", Witnessed, "2026-01-15"),
            evidence(4, "buy-in", Claimed, TODAY),
            evidence(5, "confidence", Witnessed, "2026-02-28"),
            evidence(6, "domain", Claimed, "2026-02-28"),
            evidence(7, "domain", Claimed, "2026-02-27"),
            evidence(8, "leadership", Endorsed, TODAY),
            evidence(9, "retired-track", Endorsed, "2026-02-28"),
        ];
        let r = readiness(&f, &evidence, day(TODAY));
        assert_eq!(r.unmatched_evidence, 1);
        let levels: Vec<(&str, u8, u8)> = r
            .tracks
            .iter()
            .map(|t| (t.track.as_str(), t.level.get(), t.gap))
            .collect();
        assert_eq!(
            levels,
            [
                ("strategy", 3, 0),
                ("buy-in", 1, 2),
                ("confidence", 1, 2),
                ("domain", 1, 2),
                ("leadership", 2, 1)
            ]
        );
        // Three tracks share the largest gap at level 1; buy-in has the fewest points.
        assert_eq!(r.weakest.as_ref().map(TrackKey::as_str), Some("buy-in"));

        let strategy = &r.tracks[0];
        assert_eq!(strategy.level_name, "Shapes");
        assert_eq!(
            strategy.evidence[0].evidence.get(),
            1,
            "the endorsement counts most"
        );
        assert_eq!(strategy.evidence_count, 3);
        // Three pieces of evidence, two practices: the second one.
        assert_eq!(
            strategy.practice.as_ref().map(|p| p.title.as_str()),
            Some("Write a one-page bet")
        );
        let buy_in = &r.tracks[1];
        assert_eq!(
            buy_in.practice.as_ref().map(|p| p.title.as_str()),
            Some("Pre-wire a decision")
        );
        assert!(
            buy_in
                .practice
                .as_ref()
                .unwrap()
                .why
                .contains("level 1 of your target 3")
        );
        let next = buy_in.to_next_level.as_deref().unwrap();
        assert!(
            next.starts_with("Level 2 (Aligns partners) needs 2.0 more points"),
            "{next}"
        );
        let domain_next = r.tracks[3].to_next_level.as_deref().unwrap();
        assert!(domain_next.contains("1.0 more points"), "{domain_next}");
        let leadership_next = r.tracks[4].to_next_level.as_deref().unwrap();
        assert!(leadership_next.contains("Level 3"), "{leadership_next}");
        assert!(
            !leadership_next.contains("someone who saw"),
            "an endorsement already lifts the cap"
        );
    }

    #[test]
    fn no_evidence_is_level_zero_everywhere() {
        let r = readiness(&Framework::default_leadership(), &[], day(TODAY));
        assert!(r.tracks.iter().all(|t| t.level.get() == 0 && t.gap == 3));
        assert_eq!(r.weakest.as_ref().map(TrackKey::as_str), Some("strategy"));
        let next = r.tracks[0].to_next_level.as_deref().unwrap();
        assert!(next.contains("1.0 more points"), "{next}");
        assert!(
            r.tracks[0]
                .practice
                .as_ref()
                .unwrap()
                .title
                .starts_with("Map last year")
        );
    }

    fn strength() -> impl Strategy<Value = EvidenceStrength> {
        prop_oneof![Just(Claimed), Just(Witnessed), Just(Endorsed)]
    }

    fn items() -> impl Strategy<Value = Vec<(EvidenceStrength, i64)>> {
        prop::collection::vec((strength(), 0i64..1500), 0..15)
    }

    proptest! {
        #[test]
        fn adding_evidence_never_lowers_a_level(base in items(), extra in (strength(), 0i64..1500)) {
            let (p0, l0) = estimate(base.iter().copied());
            let (p1, l1) = estimate(base.iter().copied().chain([extra]));
            prop_assert!(p1 > p0);
            prop_assert!(l1 >= l0);
        }

        #[test]
        fn stronger_evidence_counts_more(base in items(), age in 0i64..1500) {
            let (pc, lc) = estimate(base.iter().copied().chain([(Claimed, age)]));
            let (pw, lw) = estimate(base.iter().copied().chain([(Witnessed, age)]));
            let (pe, le) = estimate(base.iter().copied().chain([(Endorsed, age)]));
            prop_assert!(pc < pw && pw < pe);
            prop_assert!(lc <= lw && lw <= le);
        }

        #[test]
        fn old_evidence_counts_less(base in items(), s in strength(), age in 0i64..1500, older in 1i64..1500) {
            let (p_new, l_new) = estimate(base.iter().copied().chain([(s, age)]));
            let (p_old, l_old) = estimate(base.iter().copied().chain([(s, age + older)]));
            prop_assert!(p_old < p_new);
            prop_assert!(l_old <= l_new);
        }
    }
}

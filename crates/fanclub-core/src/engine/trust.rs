//! Trust per relationship, with the trust equation: the score, the factor holding it back,
//! a concrete way to move that factor, and which relationships most need the work.
//!
//! # Formula
//!
//! The score is `Trust::score`: (credibility + reliability + intimacy) / self-orientation,
//! 0.3 to 30, and the weakest factor is `Trust::weakest`.
//!
//! Relationships are ranked by **trust gap**, trust that is low relative to influence:
//!
//! ```text
//! normalised trust = ln(score / 0.3) / ln(100)          (0 at 0.3, 1 at 30)
//! trust gap        = influence × (1 − normalised trust)
//! ```
//!
//! The logarithm fits a ratio: going from 3 to 6 is as much progress as going from 6 to
//! 12. Highest gap first; ties go to the lower score, then the id.
//!
//! **If improved** is the score after moving the weakest factor two points the right way
//! (up, or down for self-orientation), within 1–10: what one honest step is worth.

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::{PersonRef, round2};
use crate::{Influence, Person, Record, Trust, TrustFactor, TrustPart, is_high};

/// Lowest and highest possible scores of the trust equation.
const MIN_SCORE: f64 = 0.3;
const MAX_SCORE: f64 = 30.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrustReport {
    /// Largest trust gap first.
    pub relationships: Vec<TrustItem>,
    /// People of high influence (4–5) whose trust is not rated yet.
    pub unrated_influential: Vec<PersonRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrustItem {
    pub person: PersonRef,
    pub influence: Influence,
    pub factors: Trust,
    /// Two decimals.
    pub score: f64,
    pub weakest: TrustPart,
    /// The score with the weakest factor moved two points the right way.
    pub if_improved: f64,
    /// Two decimals; see the module doc.
    pub gap: f64,
    /// What would move the weakest factor.
    pub suggestion: String,
}

/// Where a score sits between the equation's extremes, on a log scale, 0..=1.
pub fn normalised(score: f64) -> f64 {
    ((score / MIN_SCORE).ln() / (MAX_SCORE / MIN_SCORE).ln()).clamp(0.0, 1.0)
}

/// Trust that is low relative to influence; higher means more in need of work.
pub fn gap(influence: Influence, score: f64) -> f64 {
    f64::from(influence.get()) * (1.0 - normalised(score))
}

/// The factors with `part` moved `step` points the right way, within 1–10.
fn improved(t: Trust, part: TrustPart, step: i64) -> Trust {
    let nudge = |f: TrustFactor, by: i64| {
        TrustFactor::new((i64::from(f.get()) + by).clamp(1, 10)).unwrap_or(f)
    };
    let mut out = t;
    match part {
        TrustPart::Credibility => out.credibility = nudge(t.credibility, step),
        TrustPart::Reliability => out.reliability = nudge(t.reliability, step),
        TrustPart::Intimacy => out.intimacy = nudge(t.intimacy, step),
        TrustPart::SelfOrientation => out.self_orientation = nudge(t.self_orientation, -step),
    }
    out
}

/// A concrete next step for one factor with one person.
pub fn suggestion(part: TrustPart, p: &Person) -> String {
    let name = p.name.as_str();
    match part {
        TrustPart::Credibility => format!(
            "Credibility: next time you talk with {name}, bring one fact they can check (a \
             metric, a customer quote, a source), and say \"I don't know, I'll find out\" when \
             you don't, then do."
        ),
        TrustPart::Reliability => format!(
            "Reliability: make {name} one small promise this week with a date, log it as a \
             follow-up, and keep it."
        ),
        TrustPart::Intimacy => match p.goals.as_deref().filter(|g| !g.trim().is_empty()) {
            Some(goals) => format!(
                "Intimacy: ask {name} how it is going with what they are after ({goals}), and \
                 keep what they tell you to yourself."
            ),
            None => format!(
                "Intimacy: you have not noted what {name} is trying to achieve; ask about their \
                 goals and struggles over coffee, and keep what they tell you to yourself."
            ),
        },
        TrustPart::SelfOrientation => format!(
            "Self-orientation: in your next conversation with {name}, start with their \
             problems; ask, listen, and sum up what they said before mentioning your own work."
        ),
    }
}

/// Every rated relationship, the ones most in need of trust first.
pub fn trust(people: &[Record<Person>]) -> TrustReport {
    let mut relationships: Vec<TrustItem> = people
        .iter()
        .filter_map(|p| {
            let t = p.trust?;
            let score = t.score();
            let weakest = t.weakest();
            Some(TrustItem {
                person: PersonRef::of(p),
                influence: p.influence,
                factors: t,
                score,
                weakest,
                if_improved: round2(improved(t, weakest, 2).score()),
                gap: gap(p.influence, score),
                suggestion: suggestion(weakest, p),
            })
        })
        .collect();
    relationships.sort_by(|a, b| {
        b.gap
            .total_cmp(&a.gap)
            .then(a.score.total_cmp(&b.score))
            .then(a.person.id.cmp(&b.person.id))
    });
    for r in &mut relationships {
        r.score = round2(r.score);
        r.gap = round2(r.gap);
    }

    let mut unrated: Vec<&Record<Person>> = people
        .iter()
        .filter(|p| p.trust.is_none() && is_high(p.influence.get()))
        .collect();
    unrated.sort_by_key(|p| (Reverse(p.influence), p.id));

    TrustReport {
        relationships,
        unrated_influential: unrated.into_iter().map(PersonRef::of).collect(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::Stance;
    use crate::engine::fixtures::{person, trust as factors};

    #[test]
    fn ranking_by_trust_relative_to_influence() {
        let mut low_vip = person(1, "Vip Low", 5, 5, Stance::Aware);
        low_vip.trust = Some(factors(4, 4, 2, 5)); // 2.0
        let mut low_minor = person(2, "Minor Low", 1, 2, Stance::Aware);
        low_minor.trust = Some(factors(2, 2, 2, 8)); // 0.75
        let mut high_vip = person(3, "Vip High", 5, 4, Stance::Advocate);
        high_vip.trust = Some(factors(9, 9, 8, 2)); // 13.0
        let mut goals = person(4, "Goal Noted", 3, 3, Stance::Aware);
        goals.goals = Some("ship the EU launch".into());
        goals.trust = Some(factors(7, 7, 2, 2)); // 8.0, intimacy weakest
        let unrated = person(5, "Not Rated", 4, 2, Stance::Unknown);
        let r = trust(&[low_vip, low_minor, high_vip, goals, unrated]);

        let order: Vec<i64> = r.relationships.iter().map(|t| t.person.id.get()).collect();
        assert_eq!(order, [1, 3, 4, 2]);
        let vip = &r.relationships[0];
        assert_eq!(vip.score, 2.0);
        assert_eq!(vip.weakest, TrustPart::Intimacy);
        assert_eq!(vip.if_improved, 2.4); // (4 + 4 + 4) / 5
        assert_eq!(
            vip.gap,
            round2(5.0 * (1.0 - (2.0f64 / 0.3).ln() / 100f64.ln()))
        );
        assert!(
            vip.suggestion
                .contains("not noted what Vip Low is trying to achieve")
        );
        assert!(
            r.relationships[2]
                .suggestion
                .contains("(ship the EU launch)")
        );

        assert_eq!(r.unrated_influential.len(), 1);
        assert_eq!(r.unrated_influential[0].name.as_str(), "Not Rated");
    }

    #[test]
    fn improving_self_orientation_lowers_it() {
        let t = factors(8, 8, 8, 9);
        assert_eq!(t.weakest(), TrustPart::SelfOrientation);
        assert_eq!(
            improved(t, TrustPart::SelfOrientation, 2)
                .self_orientation
                .get(),
            7
        );
        // Already at the best value: stays within range.
        let best = factors(1, 8, 8, 1);
        assert_eq!(
            improved(best, TrustPart::SelfOrientation, 2)
                .self_orientation
                .get(),
            1
        );
        assert_eq!(
            improved(factors(10, 9, 9, 5), TrustPart::Credibility, 2)
                .credibility
                .get(),
            10
        );
    }

    #[test]
    fn normalised_extremes() {
        assert!(normalised(0.3).abs() < 1e-12);
        assert!((normalised(30.0) - 1.0).abs() < 1e-12);
        assert!((normalised(3.0) - 0.5).abs() < 1e-12);
    }

    proptest! {
        #[test]
        fn gap_grows_with_influence_and_shrinks_with_trust(
            a in 1u8..=5, b in 1u8..=5, s1 in 0.3f64..30.0, s2 in 0.3f64..30.0,
        ) {
            let i = |n: u8| Influence::new(i64::from(n)).unwrap();
            let (lo, hi) = (a.min(b), a.max(b));
            let (low_t, high_t) = (s1.min(s2), s1.max(s2));
            prop_assert!(gap(i(hi), low_t) >= gap(i(lo), low_t));
            prop_assert!(gap(i(lo), high_t) <= gap(i(lo), low_t));
        }

        #[test]
        fn one_step_on_the_weakest_factor_never_lowers_the_score(
            c in 1u8..=10, r in 1u8..=10, i in 1u8..=10, s in 1u8..=10,
        ) {
            let t = factors(c, r, i, s);
            prop_assert!(improved(t, t.weakest(), 2).score() >= t.score());
        }
    }
}

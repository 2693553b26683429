//! How warm each link of an intro chain is: a *closeness* in (0, 0.9], and the cost the
//! search adds up, `-ln(closeness)`.
//!
//! # My links
//!
//! ```text
//! closeness(me, p) = stance weight × trust weight × recency weight
//! stance weight    = unknown 0.25 · aware 0.4 · supporter 0.6 · advocate 0.8 · sponsor 0.9
//! trust weight     = 0.4 + 0.6 × ln(score / 0.3) / ln(100)     (0.3 → 0.4, 3 → 0.7, 30 → 1)
//!                    0.7 when no trust is recorded (the weight of a middling score of 3)
//! recency weight   = 0.5 + 0.5 × e^(−days since last contact / 180)
//!                    0.5 when no contact was ever logged
//! ```
//!
//! Who counts as someone I know: stance `aware` or above, or any logged interaction
//! (an `unknown` stance I have talked to is still a link, a faint one). Someone `unknown`
//! I never contacted is no link at all: they would not recognise my name. A detractor is
//! no link either: I would not ask them to pass me on.
//!
//! Trust goes through a logarithm because the equation's range is a ratio (0.3 to 30):
//! doubling the score should move the weight by the same amount wherever it starts. The
//! recency half-life is about four months: a contact six months old keeps 68 % of its
//! warmth, one never logged keeps half, because the stance still says they know me.
//!
//! # Connections between other people
//!
//! ```text
//! strength  1 (met once)  2     3     4     5 (close)
//! closeness 0.15          0.3   0.45  0.6   0.75
//! ```
//!
//! Read it as the chance that the person in between agrees to make the introduction and
//! that it lands warmly: even close friends decline some. No connection is worth more
//! than 0.75, so every extra introduction costs at least `-ln 0.75 ≈ 0.29`: of two chains
//! of equally close people the shorter wins, and three close introductions (0.42) beat
//! two between people who know each other fairly well (0.20) but not one (0.45).

use crate::{Stance, Strength, Trust};

/// The warmest my own link to anyone can be.
pub const MAX_CLOSENESS: f64 = 0.9;

/// My link to someone I know, with what it was computed from (to explain it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeLink {
    pub closeness: f64,
    pub stance: Stance,
    /// The trust score when one is recorded.
    pub trust: Option<f64>,
    /// Days since the last logged contact, when there was one.
    pub days_since: Option<i64>,
}

/// The stance ladder's contribution; `None` where the stance alone makes no link.
pub fn stance_weight(stance: Stance) -> Option<f64> {
    match stance {
        Stance::Detractor => None,
        Stance::Unknown => Some(0.25),
        Stance::Aware => Some(0.4),
        Stance::Supporter => Some(0.6),
        Stance::Advocate => Some(0.8),
        Stance::Sponsor => Some(0.9),
    }
}

/// The trust equation's contribution, on a log scale; a middling 0.7 when unrated.
pub fn trust_weight(score: Option<f64>) -> f64 {
    let score = score.unwrap_or(3.0).clamp(0.3, 30.0);
    0.4 + 0.6 * (score / 0.3).ln() / 100f64.ln()
}

/// The recency contribution: 1 today, halving toward 0.5 with a 180-day time constant.
pub fn recency_weight(days_since: Option<i64>) -> f64 {
    match days_since {
        Some(d) => 0.5 + 0.5 * (-(d.max(0) as f64) / 180.0).exp(),
        None => 0.5,
    }
}

/// My link to a person, or `None` when they would not know who I am.
pub fn me_link(stance: Stance, trust: Option<&Trust>, days_since: Option<i64>) -> Option<MeLink> {
    let stance_part = stance_weight(stance)?;
    if stance == Stance::Unknown && days_since.is_none() {
        return None;
    }
    let trust = trust.map(Trust::score);
    let closeness =
        (stance_part * trust_weight(trust) * recency_weight(days_since)).min(MAX_CLOSENESS);
    Some(MeLink {
        closeness,
        stance,
        trust,
        days_since,
    })
}

/// How warm a connection between two other people is.
pub fn connection_closeness(strength: Strength) -> f64 {
    match strength.get() {
        1 => 0.15,
        2 => 0.3,
        3 => 0.45,
        4 => 0.6,
        _ => 0.75,
    }
}

/// The search cost of a link. Closeness is never 0 (every weight above is positive).
pub fn cost(closeness: f64) -> f32 {
    (-closeness.max(f64::MIN_POSITIVE).ln()) as f32
}

/// A connection's strength in words, for explanations.
pub fn strength_words(strength: Strength) -> &'static str {
    match strength.get() {
        1 => "have met once",
        2 => "know each other a little",
        3 => "know each other fairly well",
        4 => "know each other well",
        _ => "are close",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixtures::trust;

    #[test]
    fn trust_weight_spans_its_range_on_a_log_scale() {
        assert!((trust_weight(Some(0.3)) - 0.4).abs() < 1e-9);
        assert!((trust_weight(Some(3.0)) - 0.7).abs() < 1e-9);
        assert!((trust_weight(Some(30.0)) - 1.0).abs() < 1e-9);
        assert!((trust_weight(None) - 0.7).abs() < 1e-9);
    }

    #[test]
    fn recency_decays_toward_half() {
        assert!((recency_weight(Some(0)) - 1.0).abs() < 1e-9);
        assert!((recency_weight(Some(180)) - (0.5 + 0.5 / std::f64::consts::E)).abs() < 1e-9);
        assert!((recency_weight(None) - 0.5).abs() < 1e-9);
        // A contact dated ahead of today counts as today.
        assert!((recency_weight(Some(-3)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn who_counts_as_known() {
        assert!(me_link(Stance::Unknown, None, None).is_none());
        assert!(me_link(Stance::Detractor, None, Some(1)).is_none());
        let faint = me_link(Stance::Unknown, None, Some(10)).unwrap();
        let aware = me_link(Stance::Aware, None, None).unwrap();
        assert!(faint.closeness > 0.0 && aware.closeness > 0.0);
        let sponsor = me_link(Stance::Sponsor, Some(&trust(10, 10, 10, 1)), Some(0)).unwrap();
        assert!((sponsor.closeness - 0.9).abs() < 1e-9);
    }

    #[test]
    fn stronger_connections_are_warmer_and_never_free() {
        let c = |s: i64| connection_closeness(Strength::new(s).unwrap());
        assert!(c(1) < c(2) && c(2) < c(3) && c(3) < c(4) && c(4) < c(5));
        assert!(f64::from(cost(c(5))) > 0.28);
    }
}

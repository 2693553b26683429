//! The member's part of the weekly review: wins, what they learned and whom they helped,
//! which of last week's commitments were kept, and the commitments for next week.

use std::collections::HashSet;

use fanclub_core::{CoreError, WeeklyReview, optional_text};

use super::{LONG_TEXT, SHORT_TEXT, items};
use crate::forms::{FieldErrors, Pairs, keep};

/// The member's part of the weekly review, as posted. Commitments for next week are one
/// per line; `kept` repeats, once per ticked commitment of last week (numbered from 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReviewForm {
    pub(crate) wins: String,
    pub(crate) learned: String,
    pub(crate) helped: String,
    pub(crate) commitments: String,
    pub(crate) kept: HashSet<usize>,
}

impl ReviewForm {
    pub(crate) fn from_pairs(p: &Pairs) -> ReviewForm {
        ReviewForm {
            wins: p.one("wins"),
            learned: p.one("learned"),
            helped: p.one("helped"),
            commitments: p.one("commitments"),
            kept: p
                .all("kept")
                .iter()
                .filter_map(|n| n.trim().parse().ok())
                .collect(),
        }
    }

    pub(crate) fn of(r: &WeeklyReview) -> ReviewForm {
        ReviewForm {
            wins: r.wins.clone().unwrap_or_default(),
            learned: r.learned.clone().unwrap_or_default(),
            helped: r.helped.clone().unwrap_or_default(),
            commitments: r.next_week.join("\n"),
            kept: r
                .last_week
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kept == Some(true))
                .map(|(i, _)| i + 1)
                .collect(),
        }
    }

    /// Write the member's part into `r`: saving the form says, for each of last week's
    /// commitments, whether it was kept (ticked) or not.
    pub(crate) fn apply(&self, r: &mut WeeklyReview) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        let wins = keep(
            &mut errors,
            "wins",
            optional_text("wins", &self.wins, LONG_TEXT),
        );
        let learned = keep(
            &mut errors,
            "learned",
            optional_text("learned", &self.learned, LONG_TEXT),
        );
        let helped = keep(
            &mut errors,
            "helped",
            optional_text("helped", &self.helped, LONG_TEXT),
        );
        let mut next = Vec::new();
        for c in items(&self.commitments, &['\n', '\r']) {
            if let Some(c) = keep(
                &mut errors,
                "commitments",
                optional_text("commitments", &c, SHORT_TEXT),
            )
            .flatten()
            {
                next.push(c);
            }
        }
        let count = r.last_week.len();
        if let Some(n) = self.kept.iter().find(|n| **n == 0 || **n > count) {
            errors.push(
                "kept",
                CoreError::invalid(
                    "kept",
                    n.to_string(),
                    format!("a number from 1 to {count} (last week's commitments)"),
                ),
            );
        }
        let (Some(wins), Some(learned), Some(helped)) = (wins, learned, helped) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        r.wins = wins;
        r.learned = learned;
        r.helped = helped;
        r.next_week = next;
        for (i, c) in r.last_week.iter_mut().enumerate() {
            c.kept = Some(self.kept.contains(&(i + 1)));
        }
        r.validate().map_err(|e| {
            errors.push("commitments", e);
            errors
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms_people::fixtures::today;

    #[test]
    fn a_review_marks_every_commitment_of_last_week() {
        let mut r = WeeklyReview {
            week: today().iso_week(),
            agenda: serde_json::Value::Null,
            last_week: vec![
                fanclub_core::Commitment {
                    text: "Coffee with Dana".into(),
                    kept: None,
                },
                fanclub_core::Commitment {
                    text: "Share the launch".into(),
                    kept: None,
                },
            ],
            wins: None,
            learned: None,
            helped: None,
            next_week: vec![],
            saved_on: today(),
        };
        let form = ReviewForm {
            commitments: "Ask Ravi about the budget\n\n  Send notes  \n".into(),
            kept: [2].into_iter().collect(),
            ..ReviewForm::default()
        };
        form.apply(&mut r).unwrap();
        assert_eq!(r.next_week, vec!["Ask Ravi about the budget", "Send notes"]);
        assert_eq!(
            r.last_week.iter().map(|c| c.kept).collect::<Vec<_>>(),
            vec![Some(false), Some(true)]
        );
        let bad = ReviewForm {
            kept: [3].into_iter().collect(),
            ..ReviewForm::default()
        };
        assert!(bad.apply(&mut r).unwrap_err().get("kept").is_some());
    }
}

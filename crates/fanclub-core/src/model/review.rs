//! The weekly review: the generated agenda kept as data, and the member's own part.

use serde::{Deserialize, Serialize};

use crate::{CoreError, Day, IsoWeek};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeeklyReview {
    pub week: IsoWeek,
    /// The agenda as it was generated that week, kept as it was.
    pub agenda: serde_json::Value,
    /// Last week's commitments, and whether I kept them.
    #[serde(default)]
    pub last_week: Vec<Commitment>,
    /// This week's wins, in my words.
    pub wins: Option<String>,
    pub learned: Option<String>,
    /// Whom I helped, and how.
    pub helped: Option<String>,
    /// What I commit to for next week.
    #[serde(default)]
    pub next_week: Vec<String>,
    pub saved_on: Day,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Commitment {
    pub text: String,
    /// `None` until I say whether I kept it.
    pub kept: Option<bool>,
}

impl WeeklyReview {
    pub fn validate(&self) -> Result<(), CoreError> {
        for (i, c) in self.next_week.iter().enumerate() {
            if c.trim().is_empty() {
                return Err(CoreError::invalid(
                    format!("next_week[{i}]"),
                    c,
                    "a commitment in words",
                ));
            }
        }
        for (i, c) in self.last_week.iter().enumerate() {
            if c.text.trim().is_empty() {
                return Err(CoreError::invalid(
                    format!("last_week[{i}]"),
                    &c.text,
                    "a commitment in words",
                ));
            }
        }
        Ok(())
    }
}

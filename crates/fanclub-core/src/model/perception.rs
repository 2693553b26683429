//! Perception checks: how someone understands my work, and the gap to close.

use serde::{Deserialize, Serialize};

use crate::{Day, PerceptionStatus, PersonId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PerceptionCheck {
    pub person: PersonId,
    pub on: Day,
    /// How they describe my work, in their words.
    pub description: String,
    /// What they misunderstand or do not buy.
    pub gap: Option<String>,
    pub remedy: Option<String>,
    pub status: PerceptionStatus,
}

impl PerceptionCheck {
    /// An open gap feeds the weekly plan.
    pub fn is_open(&self) -> bool {
        self.gap.is_some() && self.status != PerceptionStatus::Resolved
    }
}

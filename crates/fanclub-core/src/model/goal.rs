//! Business goals: the company's goals for a period, which wins serve.

use serde::{Deserialize, Serialize};

use crate::Title;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Goal {
    pub title: Title,
    /// The period it belongs to, as the company names it (`2026`, `2026-H2`, `FY27 Q1`).
    pub period: Option<String>,
    pub description: Option<String>,
}

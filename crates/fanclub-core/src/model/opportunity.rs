//! Opportunities: assignments offered to me, and who put me forward.

use serde::{Deserialize, Serialize};

use crate::{Day, OpportunityKind, OpportunityStatus, PersonId, Title, TrackKey};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Opportunity {
    pub title: Title,
    pub kind: OpportunityKind,
    /// When it was offered.
    pub on: Day,
    pub sponsor: Option<PersonId>,
    pub status: OpportunityStatus,
    /// The tracks it grows.
    #[serde(default)]
    pub tracks: Vec<TrackKey>,
    pub notes: Option<String>,
}

//! Evidence: dated proof of a competency, with how strong it is and where it came from.

use serde::{Deserialize, Serialize};

use crate::{
    CoreError, Day, EvidenceSource, EvidenceStrength, Framework, InteractionId, PersonId, Title,
    TrackKey, WinId,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub on: Day,
    pub track: TrackKey,
    pub strength: EvidenceStrength,
    pub source: EvidenceSource,
    pub summary: Title,
    /// The stakeholder's own words, for endorsed evidence.
    pub quote: Option<String>,
    /// Who saw it or said it.
    pub person: Option<PersonId>,
    pub win: Option<WinId>,
    pub interaction: Option<InteractionId>,
}

impl Evidence {
    /// Witnessed evidence names who saw it; endorsed evidence names who said it and quotes
    /// them. The track must exist in the active framework.
    pub fn validate(&self, framework: &Framework) -> Result<(), CoreError> {
        if framework.track(&self.track).is_none() {
            return Err(CoreError::invalid(
                "track",
                self.track.as_str(),
                format!(
                    "a track of the framework: {}",
                    framework.track_keys().join(", ")
                ),
            ));
        }
        match self.strength {
            EvidenceStrength::Witnessed if self.person.is_none() => Err(CoreError::invalid(
                "person",
                "",
                "the person who witnessed it (witnessed evidence names a witness)",
            )),
            EvidenceStrength::Endorsed if self.person.is_none() => Err(CoreError::invalid(
                "person",
                "",
                "the stakeholder who endorsed it (endorsed evidence names who said it)",
            )),
            EvidenceStrength::Endorsed
                if self.quote.as_deref().is_none_or(|q| q.trim().is_empty()) =>
            {
                Err(CoreError::invalid(
                    "quote",
                    "",
                    "their words: endorsed evidence quotes the stakeholder",
                ))
            }
            _ => Ok(()),
        }
    }
}

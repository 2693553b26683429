//! Interactions: dated contacts with one or more people. Each one resets their clocks.

use serde::{Deserialize, Serialize};

use crate::{CoreError, Day, InteractionKind, PersonId, Title};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Interaction {
    pub on: Day,
    pub kind: InteractionKind,
    pub summary: Title,
    /// Who was there (at least one person).
    pub people: Vec<PersonId>,
    pub notes: Option<String>,
    /// What I learned about them: their goals, struggles, what they care about.
    pub learned: Option<String>,
    /// Something I promised or want to do next.
    pub follow_up: Option<String>,
    pub follow_up_due: Option<Day>,
    #[serde(default)]
    pub follow_up_done: bool,
    /// Where an imported interaction came from (a calendar UID and occurrence), so a
    /// re-import changes nothing.
    pub external_ref: Option<String>,
}

impl Interaction {
    pub fn new(on: Day, kind: InteractionKind, summary: Title, people: Vec<PersonId>) -> Self {
        Interaction {
            on,
            kind,
            summary,
            people,
            notes: None,
            learned: None,
            follow_up: None,
            follow_up_due: None,
            follow_up_done: false,
            external_ref: None,
        }
    }

    pub fn validate(&self) -> Result<(), CoreError> {
        if self.people.is_empty() {
            return Err(CoreError::invalid(
                "with",
                "",
                "at least one person the interaction was with",
            ));
        }
        let mut seen = self.people.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != self.people.len() {
            return Err(CoreError::invalid("with", "", "each person once"));
        }
        if self.follow_up_due.is_some() && self.follow_up.is_none() {
            return Err(CoreError::invalid(
                "follow-up-due",
                self.follow_up_due
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                "a follow-up text as well as its due date",
            ));
        }
        Ok(())
    }

    /// Is there a follow-up still to do?
    pub fn has_open_follow_up(&self) -> bool {
        self.follow_up.is_some() && !self.follow_up_done
    }
}

/// Which interactions to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InteractionFilter {
    pub person: Option<PersonId>,
    pub since: Option<Day>,
    pub until: Option<Day>,
    /// Only interactions with a follow-up still to do.
    pub open_follow_ups: bool,
    /// Newest first, at most this many.
    pub limit: Option<u32>,
}

//! Decisions: the rooms where my career is decided, and who sits in them.

use serde::{Deserialize, Serialize};

use crate::{CoreError, Day, DecisionKind, PersonId, RoomRole, Title};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub title: Title,
    pub kind: DecisionKind,
    /// When the decision is (or was) taken.
    pub on: Day,
    pub notes: Option<String>,
    #[serde(default)]
    pub room: Vec<Seat>,
}

/// One person's place in a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Seat {
    pub person: PersonId,
    pub role: RoomRole,
}

impl Decision {
    pub fn validate(&self) -> Result<(), CoreError> {
        let mut people: Vec<_> = self.room.iter().map(|s| s.person).collect();
        people.sort();
        people.dedup();
        if people.len() != self.room.len() {
            return Err(CoreError::invalid(
                "room",
                "",
                "each person at most once in a room",
            ));
        }
        Ok(())
    }

    /// Is the decision still ahead, seen from `today`?
    pub fn is_upcoming(&self, today: Day) -> bool {
        self.on >= today
    }
}

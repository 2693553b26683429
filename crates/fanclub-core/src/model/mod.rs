//! The domain's records, one module per concept of DOMAIN.md.

mod decision;
mod evidence;
mod framework;
mod goal;
mod interaction;
mod opportunity;
mod perception;
mod person;
mod record;
mod review;
mod search;
mod settings;
mod win;
mod workspace;

pub use decision::*;
pub use evidence::*;
pub use framework::*;
pub use goal::*;
pub use interaction::*;
pub use opportunity::*;
pub use perception::*;
pub use person::*;
pub use review::*;
pub use search::*;
pub use settings::*;
pub use win::*;
pub use workspace::*;

use serde::Serialize;

use crate::Id;

/// A stored record: the value and the id the store gave it. Reads like the value itself.
/// In JSON, one object: the `id` beside the value's fields (read in `record.rs`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<T> {
    pub id: Id<T>,
    #[serde(flatten)]
    pub value: T,
}

impl<T> Record<T> {
    pub fn new(id: Id<T>, value: T) -> Self {
        Record { id, value }
    }
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for Record<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

pub type PersonId = Id<Person>;
pub type ConnectionId = Id<Connection>;
pub type InteractionId = Id<Interaction>;
pub type GoalId = Id<Goal>;
pub type WinId = Id<Win>;
pub type EvidenceId = Id<Evidence>;
pub type PerceptionId = Id<PerceptionCheck>;
pub type OpportunityId = Id<Opportunity>;
pub type DecisionId = Id<Decision>;
pub type ReviewId = Id<WeeklyReview>;
pub type StanceChangeId = Id<StanceChange>;

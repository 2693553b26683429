//! A whole workspace in memory: what an archive holds, what the sample loads, and what the
//! store writes or reads in one transaction.

use serde::{Deserialize, Serialize};

use crate::{
    Connection, Decision, Evidence, Framework, Goal, Interaction, Opportunity, PerceptionCheck,
    Person, Record, Settings, StanceChange, WeeklyReview, Win,
};

/// Every record of one account. Ids are the workspace's own: references between records
/// use them, and a store that imports the workspace gives them new ids and rewrites every
/// reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Workspace {
    pub settings: Settings,
    pub framework: Framework,
    pub people: Vec<Record<Person>>,
    pub stance_changes: Vec<Record<StanceChange>>,
    pub connections: Vec<Record<Connection>>,
    pub goals: Vec<Record<Goal>>,
    pub interactions: Vec<Record<Interaction>>,
    pub wins: Vec<Record<Win>>,
    pub evidence: Vec<Record<Evidence>>,
    pub perceptions: Vec<Record<PerceptionCheck>>,
    pub opportunities: Vec<Record<Opportunity>>,
    pub decisions: Vec<Record<Decision>>,
    pub reviews: Vec<Record<WeeklyReview>>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            settings: Settings::default(),
            framework: Framework::default_leadership(),
            people: Vec::new(),
            stance_changes: Vec::new(),
            connections: Vec::new(),
            goals: Vec::new(),
            interactions: Vec::new(),
            wins: Vec::new(),
            evidence: Vec::new(),
            perceptions: Vec::new(),
            opportunities: Vec::new(),
            decisions: Vec::new(),
            reviews: Vec::new(),
        }
    }
}

/// How many records of each kind a workspace holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Counts {
    pub people: u64,
    pub connections: u64,
    pub interactions: u64,
    pub goals: u64,
    pub wins: u64,
    pub evidence: u64,
    pub perceptions: u64,
    pub opportunities: u64,
    pub decisions: u64,
    pub reviews: u64,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

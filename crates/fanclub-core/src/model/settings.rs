//! The member's settings: who I am, default cadences, the momentum window.

use serde::{Deserialize, Serialize};

use crate::{CadenceDays, Person, Quadrant};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Settings {
    /// My own name, for exports and greetings.
    pub me: Option<String>,
    /// The role I am working toward (`Head of Product`).
    pub target_role: Option<String>,
    pub cadence: CadenceDefaults,
    /// The rolling window of momentum, in days.
    pub momentum_window_days: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            me: None,
            target_role: None,
            cadence: CadenceDefaults::default(),
            momentum_window_days: 90,
        }
    }
}

/// Keep-in-touch cadence by grid quadrant, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CadenceDefaults {
    pub manage_closely: CadenceDays,
    pub keep_satisfied: CadenceDays,
    pub keep_informed: CadenceDays,
    pub monitor: CadenceDays,
}

impl Default for CadenceDefaults {
    fn default() -> Self {
        let d = |n| CadenceDays::new(n).expect("default cadences are within range");
        CadenceDefaults {
            manage_closely: d(14),
            keep_satisfied: d(30),
            keep_informed: d(30),
            monitor: d(90),
        }
    }
}

impl CadenceDefaults {
    pub fn for_quadrant(&self, q: Quadrant) -> CadenceDays {
        match q {
            Quadrant::ManageClosely => self.manage_closely,
            Quadrant::KeepSatisfied => self.keep_satisfied,
            Quadrant::KeepInformed => self.keep_informed,
            Quadrant::Monitor => self.monitor,
        }
    }

    /// The person's own cadence when set, else their quadrant's default.
    pub fn for_person(&self, p: &Person) -> CadenceDays {
        p.cadence.unwrap_or_else(|| self.for_quadrant(p.quadrant()))
    }
}

//! Wins: visible work worth talking about, what it did for the business, and who knows.

use serde::{Deserialize, Serialize};

use crate::{Channel, CoreError, Day, GoalId, PersonId, Title, TrackKey, WinKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Win {
    pub on: Day,
    pub title: Title,
    pub kind: WinKind,
    pub description: Option<String>,
    pub impact: Option<Impact>,
    /// The business goals it served.
    #[serde(default)]
    pub goals: Vec<GoalId>,
    /// The competency tracks it demonstrates.
    #[serde(default)]
    pub tracks: Vec<TrackKey>,
    /// Links to evidence: a dashboard, a doc, a recording.
    #[serde(default)]
    pub links: Vec<String>,
    /// Who knows about it, when and how they learned it.
    #[serde(default)]
    pub shares: Vec<Share>,
}

/// Impact in business terms: a metric and where it moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Impact {
    /// What moved: `activation rate`, `monthly churn`, `ARR`.
    pub metric: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One person learning about one win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub person: PersonId,
    pub on: Day,
    pub channel: Channel,
}

impl Win {
    pub fn new(on: Day, title: Title, kind: WinKind) -> Self {
        Win {
            on,
            title,
            kind,
            description: None,
            impact: None,
            goals: Vec::new(),
            tracks: Vec::new(),
            links: Vec::new(),
            shares: Vec::new(),
        }
    }

    pub fn validate(&self) -> Result<(), CoreError> {
        if let Some(i) = &self.impact
            && i.metric.trim().is_empty()
        {
            return Err(CoreError::invalid(
                "impact metric",
                "",
                "the name of the metric that moved",
            ));
        }
        for (i, s) in self.shares.iter().enumerate() {
            if s.on < self.on {
                return Err(CoreError::invalid(
                    format!("shares[{i}].date"),
                    s.on.to_string(),
                    format!("a date on or after the win itself ({})", self.on),
                ));
            }
        }
        for (i, l) in self.links.iter().enumerate() {
            if l.trim().is_empty() || l.chars().any(char::is_whitespace) {
                return Err(CoreError::invalid(
                    format!("links[{i}]"),
                    l,
                    "a web address without spaces",
                ));
            }
        }
        Ok(())
    }

    /// Does this person know about the win?
    pub fn known_by(&self, person: PersonId) -> bool {
        self.shares.iter().any(|s| s.person == person)
    }
}

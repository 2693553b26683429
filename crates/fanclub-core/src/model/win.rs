//! Wins: visible work worth talking about, what it did for the business, and who knows.

use serde::{Deserialize, Serialize};

use crate::{Channel, CoreError, Day, GoalId, PersonId, Title, TrackKey, WinKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Impact {
    /// What moved: `activation rate`, `monthly churn`, `ARR`.
    pub metric: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// One person learning about one win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
            if self.shares[..i]
                .iter()
                .any(|o| o.person == s.person && o.on == s.on)
            {
                return Err(twice(s.on));
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

    /// Check a share before recording it on `today`: it happened already (not later than
    /// today), not before the win itself, and not a second time with the same person on
    /// the same day.
    pub fn check_new_share(&self, share: &Share, today: Day) -> Result<(), CoreError> {
        if share.on > today {
            return Err(CoreError::invalid(
                "date",
                share.on.to_string(),
                format!(
                    "today ({today}) or an earlier day: a share records what someone already heard"
                ),
            ));
        }
        if share.on < self.on {
            return Err(CoreError::invalid(
                "date",
                share.on.to_string(),
                format!("a date on or after the win itself ({})", self.on),
            ));
        }
        if self
            .shares
            .iter()
            .any(|s| s.person == share.person && s.on == share.on)
        {
            return Err(twice(share.on));
        }
        Ok(())
    }

    /// Does this person know about the win?
    pub fn known_by(&self, person: PersonId) -> bool {
        self.shares.iter().any(|s| s.person == person)
    }
}

/// The same person told about the same win twice on one day is one share.
fn twice(on: Day) -> CoreError {
    CoreError::Conflict(format!(
        "they were already told about this win on {on}; a share is recorded once per person and day"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn win() -> Win {
        Win::new(
            day("2026-02-10"),
            Title::parse("Self-serve onboarding").unwrap(),
            WinKind::Release,
        )
    }

    fn share(person: i64, on: &str) -> Share {
        Share {
            person: PersonId::from_raw(person),
            on: day(on),
            channel: Channel::OneOnOne,
        }
    }

    #[test]
    fn a_new_share_is_checked_against_today_the_win_and_earlier_shares() {
        let mut w = win();
        let today = day("2026-03-01");
        w.check_new_share(&share(1, "2026-03-01"), today).unwrap();
        let future = w
            .check_new_share(&share(1, "2026-03-02"), today)
            .unwrap_err();
        assert_eq!(future.field(), Some("date"), "{future}");
        assert!(future.to_string().contains("2026-03-01"), "{future}");
        let early = w
            .check_new_share(&share(1, "2026-02-09"), today)
            .unwrap_err();
        assert!(early.to_string().contains("on or after the win"), "{early}");
        w.shares.push(share(1, "2026-02-20"));
        let again = w
            .check_new_share(&share(1, "2026-02-20"), today)
            .unwrap_err();
        assert!(matches!(again, CoreError::Conflict(_)), "{again}");
        // Another day, or another person the same day, is a new share.
        w.check_new_share(&share(1, "2026-02-21"), today).unwrap();
        w.check_new_share(&share(2, "2026-02-20"), today).unwrap();
    }

    #[test]
    fn a_win_never_holds_the_same_share_twice() {
        let mut w = win();
        w.shares = vec![share(1, "2026-02-20"), share(2, "2026-02-20")];
        w.validate().unwrap();
        w.shares.push(share(1, "2026-02-20"));
        assert!(
            w.validate()
                .unwrap_err()
                .to_string()
                .contains("once per person and day")
        );
    }
}

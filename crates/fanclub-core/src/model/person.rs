//! People (stakeholders), their trust factors, stance history and who knows whom.

use serde::{Deserialize, Serialize};

use crate::{
    CadenceDays, Circle, CoreError, Day, Email, Handle, Influence, Interest, LONG_TEXT, Name,
    PersonId, Quadrant, Relation, SHORT_TEXT, Stance, Strength, TrustFactor, is_high,
};

/// A stakeholder: someone whose view of me matters, or may one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Person {
    pub handle: Handle,
    pub name: Name,
    #[serde(default)]
    pub emails: Vec<Email>,
    #[serde(default)]
    pub phones: Vec<String>,
    /// Profile and web addresses (LinkedIn profile first when known).
    #[serde(default)]
    pub links: Vec<String>,
    pub organisation: Option<String>,
    pub title: Option<String>,
    pub team: Option<String>,
    pub circle: Circle,
    pub relation: Relation,
    pub influence: Influence,
    pub interest: Interest,
    pub stance: Stance,
    pub trust: Option<Trust>,
    /// What they are trying to achieve at work.
    pub goals: Option<String>,
    /// What they struggle with.
    pub struggles: Option<String>,
    /// Their interests outside work.
    pub interests: Option<String>,
    pub how_met: Option<String>,
    pub introduced_by: Option<PersonId>,
    /// Overrides the quadrant's default keep-in-touch cadence.
    pub cadence: Option<CadenceDays>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (as vCard writes it).
    pub birthday: Option<String>,
    pub notes: Option<String>,
}

impl Person {
    /// A new person with the defaults of a quick add: someone in my company I barely know.
    pub fn new(name: Name) -> Person {
        Person {
            handle: Handle::from_name(name.as_str()),
            name,
            emails: Vec::new(),
            phones: Vec::new(),
            links: Vec::new(),
            organisation: None,
            title: None,
            team: None,
            circle: Circle::Company,
            relation: Relation::Peer,
            influence: Influence::new(3).expect("3 is within 1..=5"),
            interest: Interest::new(3).expect("3 is within 1..=5"),
            stance: Stance::Unknown,
            trust: None,
            goals: None,
            struggles: None,
            interests: None,
            how_met: None,
            introduced_by: None,
            cadence: None,
            birthday: None,
            notes: None,
        }
    }

    /// Where this person sits on the power/interest grid.
    pub fn quadrant(&self) -> Quadrant {
        quadrant(self.influence, self.interest)
    }

    /// Check the rules that span fields.
    pub fn validate(&self) -> Result<(), CoreError> {
        if let Some(b) = &self.birthday {
            validate_birthday(b)?;
        }
        // The limits the forms and the command line keep, kept here too, so that nothing
        // stored (a restored archive, an import) is longer than what can be edited.
        let texts = [
            ("organisation", &self.organisation, SHORT_TEXT),
            ("title", &self.title, SHORT_TEXT),
            ("team", &self.team, SHORT_TEXT),
            ("goals", &self.goals, LONG_TEXT),
            ("struggles", &self.struggles, LONG_TEXT),
            ("interests", &self.interests, LONG_TEXT),
            ("how met", &self.how_met, LONG_TEXT),
            ("notes", &self.notes, LONG_TEXT),
        ];
        for (field, value, max) in texts {
            if let Some(v) = value
                && v.chars().count() > max
            {
                return Err(CoreError::invalid(
                    field,
                    format!("{}…", v.chars().take(40).collect::<String>()),
                    format!("at most {max} characters"),
                ));
            }
        }
        for (i, p) in self.phones.iter().enumerate() {
            if p.trim().is_empty() || p.len() > 60 {
                return Err(CoreError::invalid(
                    format!("phones[{i}]"),
                    p,
                    "a phone number of at most 60 characters",
                ));
            }
        }
        for (i, l) in self.links.iter().enumerate() {
            if l.trim().is_empty() || l.len() > 2000 || l.chars().any(char::is_whitespace) {
                return Err(CoreError::invalid(
                    format!("links[{i}]"),
                    l,
                    "a web address without spaces",
                ));
            }
        }
        Ok(())
    }
}

/// Place an influence/interest pair on the grid: high is 4 or 5.
pub fn quadrant(influence: Influence, interest: Interest) -> Quadrant {
    match (is_high(influence.get()), is_high(interest.get())) {
        (true, true) => Quadrant::ManageClosely,
        (true, false) => Quadrant::KeepSatisfied,
        (false, true) => Quadrant::KeepInformed,
        (false, false) => Quadrant::Monitor,
    }
}

fn validate_birthday(b: &str) -> Result<(), CoreError> {
    let ok = if let Some(md) = b.strip_prefix("--") {
        // A yearless birthday: check it against a leap year so 29 February is allowed.
        Day::parse(&format!("2000-{md}")).is_ok() && md.len() == 5
    } else {
        Day::parse(b).is_ok()
    };
    if ok {
        Ok(())
    } else {
        Err(CoreError::invalid(
            "birthday",
            b,
            "YYYY-MM-DD, or --MM-DD when the year is unknown",
        ))
    }
}

/// The four factors of the trust equation for one relationship, as I honestly rate them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trust {
    /// They believe what I say.
    pub credibility: TrustFactor,
    /// They can depend on what I do.
    pub reliability: TrustFactor,
    /// They feel safe being open with me.
    pub intimacy: TrustFactor,
    /// How focused on myself I seem (lower is better).
    pub self_orientation: TrustFactor,
}

/// One factor of the trust equation, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TrustPart {
    Credibility,
    Reliability,
    Intimacy,
    SelfOrientation,
}

impl Trust {
    /// (credibility + reliability + intimacy) / self-orientation: from 0.3 to 30.
    pub fn score(&self) -> f64 {
        f64::from(self.credibility.get() + self.reliability.get() + self.intimacy.get())
            / f64::from(self.self_orientation.get())
    }

    /// The factor that holds the score back most. Self-orientation counts as weak when it
    /// is high: its "strength" is 11 minus its rating. Ties go to the earlier factor in the
    /// equation's order.
    pub fn weakest(&self) -> TrustPart {
        let parts = [
            (TrustPart::Credibility, self.credibility.get()),
            (TrustPart::Reliability, self.reliability.get()),
            (TrustPart::Intimacy, self.intimacy.get()),
            (TrustPart::SelfOrientation, 11 - self.self_orientation.get()),
        ];
        parts
            .iter()
            .min_by_key(|(_, strength)| *strength)
            .map(|(p, _)| *p)
            .unwrap_or(TrustPart::Credibility)
    }
}

/// A dated change of someone's stance: the history is the evidence that the cycle turns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StanceChange {
    pub person: PersonId,
    /// `None` for the first stance recorded.
    pub from: Option<Stance>,
    pub to: Stance,
    pub on: Day,
    pub note: Option<String>,
}

impl StanceChange {
    /// Moved up the ladder?
    pub fn is_upgrade(&self) -> bool {
        self.from.is_some_and(|f| self.to > f)
    }
}

/// Who knows whom: an undirected link between two people other than me.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Connection {
    pub a: PersonId,
    pub b: PersonId,
    pub strength: Strength,
    pub note: Option<String>,
}

impl Connection {
    /// The same connection with its ends in a canonical order (lower id first), so
    /// (a, b) and (b, a) are one connection.
    pub fn normalized(mut self) -> Result<Self, CoreError> {
        if self.a == self.b {
            return Err(CoreError::invalid(
                "connection",
                self.a.to_string(),
                "two different people",
            ));
        }
        if self.b < self.a {
            std::mem::swap(&mut self.a, &mut self.b);
        }
        Ok(self)
    }

    /// The other end, seen from `p`.
    pub fn other(&self, p: PersonId) -> Option<PersonId> {
        if self.a == p {
            Some(self.b)
        } else if self.b == p {
            Some(self.a)
        } else {
            None
        }
    }
}

/// What deleting a person removed and what it only detached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonDeletion {
    pub stance_changes_removed: u64,
    pub connections_removed: u64,
    /// Interactions that had no one else in them.
    pub interactions_removed: u64,
    /// Interactions that keep their other participants.
    pub interactions_detached: u64,
    pub shares_removed: u64,
    pub room_seats_removed: u64,
    pub perception_checks_removed: u64,
    /// Evidence they witnessed or endorsed: it keeps its quote and becomes `claimed`.
    pub evidence_detached: u64,
    pub opportunities_detached: u64,
    pub introductions_detached: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(c: u8, r: u8, i: u8, s: u8) -> Trust {
        let f = |n: u8| TrustFactor::new(i64::from(n)).unwrap();
        Trust {
            credibility: f(c),
            reliability: f(r),
            intimacy: f(i),
            self_orientation: f(s),
        }
    }

    #[test]
    fn trust_score_range() {
        assert!((t(1, 1, 1, 10).score() - 0.3).abs() < 1e-9);
        assert!((t(10, 10, 10, 1).score() - 30.0).abs() < 1e-9);
        assert!((t(6, 7, 5, 3).score() - 6.0).abs() < 1e-9);
    }

    #[test]
    fn weakest_factor_counts_high_self_orientation_as_weak() {
        assert_eq!(t(8, 8, 3, 2).weakest(), TrustPart::Intimacy);
        assert_eq!(t(8, 8, 8, 9).weakest(), TrustPart::SelfOrientation);
        assert_eq!(t(2, 8, 8, 2).weakest(), TrustPart::Credibility);
    }

    #[test]
    fn quadrants() {
        let q = |a: i64, b: i64| quadrant(Influence::new(a).unwrap(), Interest::new(b).unwrap());
        assert_eq!(q(5, 4), Quadrant::ManageClosely);
        assert_eq!(q(4, 3), Quadrant::KeepSatisfied);
        assert_eq!(q(3, 5), Quadrant::KeepInformed);
        assert_eq!(q(3, 3), Quadrant::Monitor);
    }

    #[test]
    fn birthdays() {
        let mut p = Person::new(Name::parse("A").unwrap());
        p.birthday = Some("--02-29".into());
        assert!(p.validate().is_ok());
        p.birthday = Some("--13-01".into());
        assert!(p.validate().is_err());
        p.birthday = Some("1990-04-12".into());
        assert!(p.validate().is_ok());
    }

    #[test]
    fn connections_normalize() {
        let s = Strength::new(3).unwrap();
        let c = Connection {
            a: PersonId::from_raw(9),
            b: PersonId::from_raw(2),
            strength: s,
            note: None,
        };
        let n = c.normalized().unwrap();
        assert_eq!((n.a.get(), n.b.get()), (2, 9));
        let selfish = Connection {
            a: PersonId::from_raw(2),
            b: PersonId::from_raw(2),
            strength: s,
            note: None,
        };
        assert!(selfish.normalized().is_err());
    }
}

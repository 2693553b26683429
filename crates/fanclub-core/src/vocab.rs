//! The closed vocabularies of the domain (circle, relation, stance, kinds, statuses), each
//! with one canonical spelling used by the CLI, the API, the database and the files.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// Declares a closed vocabulary: a fieldless enum with its canonical names, `parse`
/// (which names every accepted value when it fails), `Display` and serde as strings.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $field:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the domain's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The field name used in error messages.
            pub const FIELD: &'static str = $field;

            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parse the canonical name; case, spaces and underscores are forgiven
            /// (`Manage Closely`, `manage_closely` and `manage-closely` are one value).
            pub fn parse(s: &str) -> Result<Self, CoreError> {
                let wanted: String = s
                    .trim()
                    .chars()
                    .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
                    .collect();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| CoreError::invalid(
                        $field,
                        s,
                        format!("one of: {}", $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")),
                    ))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = CoreError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary! {
    /// Where a person sits relative to me.
    Circle, "circle" {
        Team => "team",
        Company => "company",
        Outside => "outside",
    }
}

vocabulary! {
    /// A person's relation to me.
    Relation, "relation" {
        Manager => "manager",
        SkipLevel => "skip-level",
        Peer => "peer",
        CrossFunctional => "cross-functional",
        Report => "report",
        Executive => "executive",
        Mentor => "mentor",
        External => "external",
    }
}

vocabulary! {
    /// The stance ladder, lowest first: the derived `Ord` is the ladder's order.
    Stance, "stance" {
        Detractor => "detractor",
        Unknown => "unknown",
        Aware => "aware",
        Supporter => "supporter",
        /// Speaks up for me unprompted.
        Advocate => "advocate",
        /// Spends their own capital to put me forward.
        Sponsor => "sponsor",
    }
}

impl Stance {
    /// Will this person speak for me in a room?
    pub fn speaks_for_me(self) -> bool {
        self >= Stance::Advocate
    }
}

vocabulary! {
    /// The power/interest grid quadrant (Mendelow), derived from influence and interest.
    Quadrant, "quadrant" {
        ManageClosely => "manage-closely",
        KeepSatisfied => "keep-satisfied",
        KeepInformed => "keep-informed",
        Monitor => "monitor",
    }
}

vocabulary! {
    /// What kind of contact an interaction was.
    InteractionKind, "kind" {
        OneOnOne => "1:1",
        Meeting => "meeting",
        Coffee => "coffee",
        Message => "message",
        Presentation => "presentation",
        Demo => "demo",
        HelpGiven => "help-given",
        HelpReceived => "help-received",
        Introduction => "introduction",
        Feedback => "feedback",
    }
}

vocabulary! {
    /// What kind of visible work a win is.
    WinKind, "kind" {
        Release => "release",
        CustomerStory => "customer-story",
        Metric => "metric",
        Innovation => "innovation",
        Talk => "talk",
        Article => "article",
        Mentoring => "mentoring",
        Process => "process",
        Other => "other",
    }
}

vocabulary! {
    /// How a win was shared with someone.
    Channel, "channel" {
        InPerson => "in-person",
        OneOnOne => "1:1",
        Meeting => "meeting",
        Email => "email",
        Chat => "chat",
        Demo => "demo",
        Presentation => "presentation",
        Newsletter => "newsletter",
        Document => "document",
    }
}

vocabulary! {
    /// How strong a piece of evidence is.
    EvidenceStrength, "strength" {
        /// My word.
        Claimed => "claimed",
        /// Someone saw it.
        Witnessed => "witnessed",
        /// A stakeholder said it, in their words.
        Endorsed => "endorsed",
    }
}

vocabulary! {
    /// Where a piece of evidence came from.
    EvidenceSource, "source" {
        Win => "win",
        Interaction => "interaction",
        Talk => "talk",
        Mentoring => "mentoring",
        Rehearsal => "rehearsal",
        Feedback => "feedback",
        Other => "other",
    }
}

vocabulary! {
    /// Where a perception gap stands.
    PerceptionStatus, "status" {
        Open => "open",
        InProgress => "in-progress",
        Resolved => "resolved",
    }
}

vocabulary! {
    /// What an opportunity is.
    OpportunityKind, "kind" {
        Project => "project",
        Role => "role",
        Talk => "talk",
        Committee => "committee",
        Other => "other",
    }
}

vocabulary! {
    /// Where an opportunity stands.
    OpportunityStatus, "status" {
        Offered => "offered",
        Accepted => "accepted",
        Declined => "declined",
        Done => "done",
    }
}

vocabulary! {
    /// What a decision about me is.
    DecisionKind, "kind" {
        Promotion => "promotion",
        ProjectStaffing => "project-staffing",
        Bonus => "bonus",
        Hiring => "hiring",
        Other => "other",
    }
}

vocabulary! {
    /// A person's part in a decision's room.
    RoomRole, "role" {
        Decider => "decider",
        Voice => "voice",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_ladder_is_ordered() {
        assert!(Stance::Detractor < Stance::Unknown);
        assert!(Stance::Unknown < Stance::Aware);
        assert!(Stance::Supporter < Stance::Advocate);
        assert!(Stance::Advocate < Stance::Sponsor);
        assert!(Stance::Advocate.speaks_for_me());
        assert!(!Stance::Supporter.speaks_for_me());
    }

    #[test]
    fn parse_forgives_case_and_separators() {
        assert_eq!(
            Quadrant::parse("Manage Closely").unwrap(),
            Quadrant::ManageClosely
        );
        assert_eq!(Relation::parse("skip_level").unwrap(), Relation::SkipLevel);
        assert_eq!(
            InteractionKind::parse("1:1").unwrap(),
            InteractionKind::OneOnOne
        );
    }

    #[test]
    fn unknown_value_names_field_and_accepted_values() {
        let err = Circle::parse("galaxy").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("circle"), "{text}");
        assert!(text.contains("galaxy"), "{text}");
        assert!(text.contains("team, company, outside"), "{text}");
    }

    #[test]
    fn every_name_round_trips() {
        for s in Stance::ALL {
            assert_eq!(Stance::parse(s.as_str()).unwrap(), *s);
        }
        for k in InteractionKind::ALL {
            assert_eq!(InteractionKind::parse(k.as_str()).unwrap(), *k);
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(&c.to_string()).unwrap(), *c);
        }
    }
}

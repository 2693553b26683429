//! The member's choices for an import: which of a calendar's meetings count and how (my
//! addresses, the most other attendees, the kind, how many past occurrences, the time
//! zone), and how people from a contacts file are filed (circle, relation). One set of
//! rules reads them from text for `fanclub import` and for the web's import page, and
//! [`ImportChoices::plan_options`] joins them with the settings into the planner's options.

use std::fmt;
use std::str::FromStr;

use calcard::common::timezone::Tz;
use fanclub_core::import::{CalendarRules, ContactDefaults, DEFAULT_MAX_ATTENDEES};
use fanclub_core::{CoreError, Day, Email, InteractionKind, Name, Settings};

use crate::{IcsOptions, PlanOptions};

/// Past occurrences of each recurring meeting imported unless the member says otherwise:
/// a year of a weekly meeting.
pub const DEFAULT_OCCURRENCES: usize = 52;

/// The most other attendees a member may allow: in a larger meeting, being in the room
/// says nothing about a relationship.
pub const MOST_ATTENDEES: usize = 100;

/// The most past occurrences per recurring meeting a member may ask for: the reader's own
/// limit, ten years of a weekly meeting.
pub const MOST_OCCURRENCES: usize = crate::ics::DEFAULT_MAX_OCCURRENCES;

/// A time zone by its IANA name (`Europe/Berlin`): meetings written in UTC are dated in it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TimeZone(Tz);

impl TimeZone {
    pub const FIELD: &'static str = "time zone";

    /// An IANA zone name (`Europe/Berlin`, `America/New_York`, `UTC`); the Windows names
    /// Outlook writes (`W. Europe Standard Time`) are understood too.
    pub fn parse(s: &str) -> Result<TimeZone, CoreError> {
        match Tz::from_str(s.trim()) {
            Ok(zone @ Tz::Tz(_)) => Ok(TimeZone(zone)),
            _ => Err(CoreError::invalid(
                Self::FIELD,
                s,
                "an IANA zone name like Europe/Berlin or America/New_York",
            )),
        }
    }

    pub(crate) fn tz(self) -> Tz {
        self.0
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Always `Tz::Tz`, whose display is its IANA name.
        self.0.fmt(f)
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZone({self})")
    }
}

impl FromStr for TimeZone {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TimeZone::parse(s)
    }
}

/// The most other attendees a meeting may have to be imported: 1 to [`MOST_ATTENDEES`].
pub fn max_attendees(s: &str) -> Result<usize, CoreError> {
    count("max attendees", s, MOST_ATTENDEES)
}

/// Past occurrences kept per recurring meeting: 1 to [`MOST_OCCURRENCES`].
pub fn max_occurrences(s: &str) -> Result<usize, CoreError> {
    count("max occurrences", s, MOST_OCCURRENCES)
}

fn count(field: &str, s: &str, most: usize) -> Result<usize, CoreError> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=most).contains(&n) => Ok(n),
        _ => Err(CoreError::invalid(
            field,
            s,
            format!("a whole number from 1 to {most}"),
        )),
    }
}

/// What the member chose for one import. The defaults are those of `fanclub import auto`
/// and of the web's form as it first shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportChoices {
    /// How people added from a contacts file are filed.
    pub contacts: ContactDefaults,
    /// My own addresses for this import, on top of those in the settings.
    pub me: Vec<Email>,
    /// Meetings with more other people than this are left out.
    pub max_attendees: usize,
    /// Every imported meeting gets this kind; by default 1:1 or meeting by its size.
    pub kind: Option<InteractionKind>,
    /// Past occurrences kept per recurring meeting, the latest ones.
    pub max_occurrences: usize,
    /// The zone meetings written in UTC are dated in; UTC when not given.
    pub time_zone: Option<TimeZone>,
}

impl Default for ImportChoices {
    fn default() -> Self {
        ImportChoices {
            contacts: ContactDefaults::default(),
            me: Vec::new(),
            max_attendees: DEFAULT_MAX_ATTENDEES,
            kind: None,
            max_occurrences: DEFAULT_OCCURRENCES,
            time_zone: None,
        }
    }
}

impl ImportChoices {
    /// My addresses: those saved in the settings, then this import's, each once.
    pub fn my_emails(&self, settings: &Settings) -> Vec<Email> {
        let mut emails = settings.my_emails.clone();
        for email in &self.me {
            if !emails.contains(email) {
                emails.push(email.clone());
            }
        }
        emails
    }

    /// The planner's options for these choices, with who I am taken from the settings.
    /// The zone meetings written in UTC are dated in: the one chosen, else the one saved
    /// in Settings (one that no longer parses, from an old archive, counts as none).
    /// `None`: UTC.
    pub fn zone(&self, settings: &Settings) -> Option<TimeZone> {
        self.time_zone.or_else(|| {
            settings
                .time_zone
                .as_deref()
                .and_then(|z| TimeZone::parse(z).ok())
        })
    }

    pub fn plan_options(&self, settings: &Settings, today: Day) -> PlanOptions {
        let mut ics = IcsOptions::new(today).max_occurrences(self.max_occurrences);
        if let Some(zone) = self.zone(settings) {
            ics = ics.in_zone(zone);
        }
        PlanOptions {
            contacts: self.contacts,
            calendar: CalendarRules {
                me: self.my_emails(settings),
                // A name the planner could not compare is no name.
                my_name: settings.me.clone().filter(|n| Name::parse(n).is_ok()),
                max_attendees: self.max_attendees,
                kind: self.kind,
            },
            ics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_whole_numbers_in_range_and_name_the_field() {
        assert_eq!(max_attendees(" 3 ").unwrap(), 3);
        assert_eq!(max_attendees("100").unwrap(), MOST_ATTENDEES);
        assert_eq!(max_occurrences("520").unwrap(), MOST_OCCURRENCES);
        for bad in ["0", "101", "-1", "2.5", "many", ""] {
            let e = max_attendees(bad).unwrap_err();
            assert_eq!(e.field(), Some("max attendees"), "{bad}");
            assert!(e.to_string().contains("from 1 to 100"), "{e}");
        }
        assert_eq!(
            max_occurrences("521").unwrap_err().field(),
            Some("max occurrences")
        );
    }

    #[test]
    fn a_zone_is_an_iana_name() {
        assert_eq!(
            TimeZone::parse(" Europe/Berlin ").unwrap().to_string(),
            "Europe/Berlin"
        );
        assert_eq!(
            TimeZone::parse("W. Europe Standard Time")
                .unwrap()
                .to_string(),
            "Europe/Berlin"
        );
        for bad in ["Mars/Olympus", "", "+02:00"] {
            let e = TimeZone::parse(bad).unwrap_err();
            assert_eq!(e.field(), Some(TimeZone::FIELD), "{bad}");
        }
    }

    #[test]
    fn the_zone_is_the_one_chosen_then_the_one_saved() {
        let zone = |z: &str| TimeZone::parse(z).unwrap();
        let saved = |z: Option<&str>| Settings {
            time_zone: z.map(str::to_string),
            ..Settings::default()
        };
        let chosen = ImportChoices {
            time_zone: Some(zone("Asia/Tokyo")),
            ..ImportChoices::default()
        };
        let none = ImportChoices::default();
        assert_eq!(
            chosen.zone(&saved(Some("Europe/Berlin"))),
            Some(zone("Asia/Tokyo"))
        );
        assert_eq!(
            none.zone(&saved(Some("Europe/Berlin"))),
            Some(zone("Europe/Berlin"))
        );
        assert_eq!(none.zone(&saved(None)), None, "UTC");
        assert_eq!(
            none.zone(&saved(Some("Mars/Olympus"))),
            None,
            "a bad saved zone: UTC"
        );
    }

    #[test]
    fn my_addresses_are_the_settings_then_the_imports_each_once() {
        let email = |s: &str| Email::parse(s).unwrap();
        let settings = Settings {
            me: Some("Noor Haddad".into()),
            my_emails: vec![email("noor@work.example")],
            ..Settings::default()
        };
        let choices = ImportChoices {
            me: vec![email("NOOR@work.example"), email("noor@home.example")],
            max_attendees: 3,
            kind: Some(InteractionKind::Coffee),
            time_zone: Some(TimeZone::parse("Europe/Berlin").unwrap()),
            ..ImportChoices::default()
        };
        let options = choices.plan_options(&settings, Day::parse("2026-03-01").unwrap());
        assert_eq!(
            options.calendar.me,
            [email("noor@work.example"), email("noor@home.example")]
        );
        assert_eq!(options.calendar.my_name.as_deref(), Some("Noor Haddad"));
        assert_eq!(options.calendar.max_attendees, 3);
        assert_eq!(options.calendar.kind, Some(InteractionKind::Coffee));
        assert_eq!(options.ics.max_occurrences, DEFAULT_OCCURRENCES);
        assert_ne!(
            options.ics,
            IcsOptions::new(Day::parse("2026-03-01").unwrap()).max_occurrences(52),
            "the zone is kept"
        );
    }
}

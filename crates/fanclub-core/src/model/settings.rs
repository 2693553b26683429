//! The member's settings: who I am, default cadences, the momentum window.

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::{CadenceDays, CoreError, Email, Person, Quadrant};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Settings {
    /// My own name, for exports and greetings.
    pub me: Option<String>,
    /// My own e-mail addresses: a calendar import leaves me out of every meeting they are
    /// in, so I am never one of my own people.
    pub my_emails: Vec<Email>,
    /// The role I am working toward (`Head of Product`).
    pub target_role: Option<String>,
    /// My time zone, an IANA name (`Europe/Berlin`): a calendar import that names no zone
    /// dates meetings written in UTC in it. `None`: UTC.
    pub time_zone: Option<String>,
    pub cadence: CadenceDefaults,
    /// The rolling window of momentum, in days.
    pub momentum_window_days: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            me: None,
            my_emails: Vec::new(),
            target_role: None,
            time_zone: None,
            cadence: CadenceDefaults::default(),
            momentum_window_days: 90,
        }
    }
}

impl Settings {
    /// The field a momentum window error names.
    pub const MOMENTUM_WINDOW_FIELD: &'static str = "momentum window";
    /// The momentum windows accepted, in days: a week to two years.
    pub const MOMENTUM_WINDOWS: RangeInclusive<u16> = 7..=730;

    /// The momentum window as a member types it, in the settings form or after
    /// `--momentum-window` / `--window`: a whole number of days, optionally followed by
    /// `d` (`90`, `90d`), from 7 to 730. The error says what was typed and what is
    /// accepted.
    pub fn parse_momentum_window(text: &str) -> Result<u16, CoreError> {
        Self::momentum_window_in(Self::MOMENTUM_WINDOW_FIELD, text)
    }

    /// [`Settings::parse_momentum_window`], with the error naming `field` (an API
    /// parameter or JSON field names it its own way).
    pub fn momentum_window_in(field: &str, text: &str) -> Result<u16, CoreError> {
        let t = text.trim();
        let days = t.strip_suffix(['d', 'D']).unwrap_or(t).trim_end();
        match days.parse::<u16>() {
            Ok(n) if Self::MOMENTUM_WINDOWS.contains(&n) => Ok(n),
            _ => Err(CoreError::invalid(
                field,
                text,
                format!(
                    "a number of days from {} to {}, written 90 or 90d",
                    Self::MOMENTUM_WINDOWS.start(),
                    Self::MOMENTUM_WINDOWS.end()
                ),
            )),
        }
    }

    /// E-mail addresses as a member types them into one field: separated by commas,
    /// semicolons, spaces or new lines; each one once, in the order typed. The error names
    /// the first address that is not one.
    pub fn parse_emails(text: &str) -> Result<Vec<Email>, CoreError> {
        let mut emails: Vec<Email> = Vec::new();
        for item in text.split([',', ';', ' ', '\t', '\n', '\r']) {
            if item.trim().is_empty() {
                continue;
            }
            let email = Email::parse(item)?;
            if !emails.contains(&email) {
                emails.push(email);
            }
        }
        Ok(emails)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split_kept_once_and_the_bad_one_is_named() {
        let emails =
            Settings::parse_emails(" Me@Example.com, me@example.com;\nme@work.example ").unwrap();
        let texts: Vec<&str> = emails.iter().map(Email::as_str).collect();
        assert_eq!(texts, ["me@example.com", "me@work.example"]);
        assert!(Settings::parse_emails("  , ").unwrap().is_empty());
        let e = Settings::parse_emails("me@example.com, not-an-address").unwrap_err();
        assert_eq!(e.field(), Some(Email::FIELD));
        assert!(e.to_string().contains("not-an-address"), "{e}");
    }

    #[test]
    fn the_momentum_window_is_a_week_to_two_years_of_days() {
        for (text, days) in [
            ("7", 7),
            ("90", 90),
            ("90d", 90),
            (" 60D ", 60),
            ("730", 730),
        ] {
            assert_eq!(Settings::parse_momentum_window(text), Ok(days), "{text:?}");
        }
        for text in [
            "", "  ", "d", "6", "0", "731", "-30", "3w", "90dd", "soon", "90 days", "99999",
        ] {
            let e = Settings::parse_momentum_window(text).unwrap_err();
            assert_eq!(e.field(), Some(Settings::MOMENTUM_WINDOW_FIELD), "{text:?}");
            let message = e.to_string();
            assert!(message.contains(&format!("{text:?}")), "{message}");
            assert!(
                message.contains("a number of days from 7 to 730"),
                "{message}"
            );
        }
    }

    #[test]
    fn a_momentum_window_error_names_the_field_it_came_from() {
        assert_eq!(Settings::momentum_window_in("window", "30d"), Ok(30));
        let e = Settings::momentum_window_in("window", "731").unwrap_err();
        assert_eq!(e.field(), Some("window"));
        assert!(e.to_string().contains("from 7 to 730"), "{e}");
    }

    #[test]
    fn settings_saved_before_my_addresses_existed_still_read() {
        let old = r#"{"me":"Noor","target_role":null,"momentum_window_days":60}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert!(s.my_emails.is_empty());
        assert_eq!(s.momentum_window_days, 60);
    }
}

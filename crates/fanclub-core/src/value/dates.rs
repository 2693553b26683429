//! Calendar values: the day every date in the domain is, and the ISO week a review keys on.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// A calendar day (`YYYY-MM-DD`), the unit of every date in the domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(NaiveDate);

impl Day {
    pub const FIELD: &'static str = "date";

    /// Parse `YYYY-MM-DD`; the field name goes into the error.
    pub fn parse_field(field: &str, s: &str) -> Result<Self, CoreError> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .ok()
            .filter(|d| (1900..=2200).contains(&d.year()))
            .map(Day)
            .ok_or_else(|| {
                CoreError::invalid(
                    field,
                    s,
                    "a real calendar date written YYYY-MM-DD, like 2026-03-14",
                )
            })
    }

    pub fn parse(s: &str) -> Result<Self, CoreError> {
        Day::parse_field(Self::FIELD, s)
    }

    pub fn from_date(d: NaiveDate) -> Day {
        Day(d)
    }

    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        NaiveDate::from_ymd_opt(y, m, d).map(Day)
    }

    /// Today on this machine's clock (local time: a member's day is their own).
    pub fn today() -> Day {
        Day(chrono::Local::now().date_naive())
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        (later.0 - self.0).num_days()
    }

    pub fn plus_days(self, n: i64) -> Day {
        Day(self.0 + chrono::Duration::days(n))
    }

    pub fn iso_week(self) -> IsoWeek {
        let w = self.0.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl std::str::FromStr for Day {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Day::parse(s)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Day::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An ISO 8601 week (`2026-W47`), the key of a weekly review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub const FIELD: &'static str = "week";

    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let bad = || {
            CoreError::invalid(
                Self::FIELD,
                s,
                "an ISO week written YYYY-Www, like 2026-W47",
            )
        };
        let t = s.trim().to_ascii_uppercase();
        let (y, w) = t.split_once("-W").ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon).ok_or_else(bad)?;
        Ok(IsoWeek { year, week })
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> Day {
        // Validated at construction, so the date exists.
        Day(
            NaiveDate::from_isoywd_opt(self.year, self.week, chrono::Weekday::Mon)
                .unwrap_or(NaiveDate::MIN),
        )
    }

    pub fn previous(self) -> IsoWeek {
        self.monday().plus_days(-7).iso_week()
    }

    pub fn next(self) -> IsoWeek {
        self.monday().plus_days(7).iso_week()
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

impl std::str::FromStr for IsoWeek {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IsoWeek::parse(s)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IsoWeek::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

//! Validated values: each has a `parse` that is the only way in, so an invalid influence,
//! date, name or handle cannot exist past the edge of the program.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// Declares a whole number within a closed range, with the field name its errors use.
macro_rules! bounded {
    ($(#[$meta:meta])* $name:ident, $field:literal, $min:literal ..= $max:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u8);

        impl $name {
            pub const MIN: u8 = $min;
            pub const MAX: u8 = $max;
            pub const FIELD: &'static str = $field;

            /// Accept `n` when it lies in the range.
            pub fn new(n: i64) -> Result<Self, CoreError> {
                if (i64::from($min)..=i64::from($max)).contains(&n) {
                    Ok($name(n as u8))
                } else {
                    Err(CoreError::invalid(
                        $field,
                        n.to_string(),
                        concat!("a whole number from ", $min, " to ", $max),
                    ))
                }
            }

            pub fn parse(s: &str) -> Result<Self, CoreError> {
                match s.trim().parse::<i64>() {
                    Ok(n) => $name::new(n),
                    Err(_) => Err(CoreError::invalid(
                        $field,
                        s,
                        concat!("a whole number from ", $min, " to ", $max),
                    )),
                }
            }

            pub const fn get(self) -> u8 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
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
                s.serialize_u8(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $name::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
            }
        }
    };
}

bounded!(
    /// Power over decisions about me, 1–5.
    Influence, "influence", 1..=5
);
bounded!(
    /// Interest in my work, 1–5.
    Interest, "interest", 1..=5
);
bounded!(
    /// One factor of the trust equation, 1–10.
    TrustFactor, "trust factor", 1..=10
);
bounded!(
    /// A competency level, 0–4.
    Level, "level", 0..=4
);
bounded!(
    /// How well two people know each other, 1 (met once) to 5 (close).
    Strength, "strength", 1..=5
);

/// Is a 1–5 score "high" on the power/interest grid?
pub fn is_high(score: u8) -> bool {
    score >= 4
}

/// Declares a string that is trimmed, non-empty and at most `max` characters.
macro_rules! text {
    ($(#[$meta:meta])* $name:ident, $field:literal, $max:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            pub const FIELD: &'static str = $field;
            pub const MAX_CHARS: usize = $max;

            pub fn parse(s: &str) -> Result<Self, CoreError> {
                let t = s.trim();
                if t.is_empty() {
                    return Err(CoreError::invalid($field, s, "a non-empty text"));
                }
                if t.chars().count() > $max {
                    return Err(CoreError::invalid(
                        $field,
                        format!("{}…", t.chars().take(40).collect::<String>()),
                        concat!("at most ", $max, " characters"),
                    ));
                }
                if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
                    return Err(CoreError::invalid($field, s, "text without control characters"));
                }
                Ok($name(t.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = CoreError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $name::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
            }
        }
    };
}

text!(
    /// A person's name.
    Name, "name", 200
);
text!(
    /// A one-line title or summary (a win, a goal, a decision, an interaction summary).
    Title, "title", 300
);

/// A short, stable, lowercase handle for a person (`dana-kim`), used on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle(String);

impl Handle {
    pub const FIELD: &'static str = "handle";

    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.len() <= 60
            && t.chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(Handle(t.to_string()))
        } else {
            Err(CoreError::invalid(
                Self::FIELD,
                s,
                "1–60 lowercase letters, digits and dashes, starting with a letter or digit (like dana-kim)",
            ))
        }
    }

    /// Derive a handle from a name: `Dana Kim-Ortega` → `dana-kim-ortega`; accents are
    /// dropped to their base letter where simple, other characters become dashes.
    pub fn from_name(name: &str) -> Handle {
        let mut out = String::new();
        for c in name.chars() {
            let c = fold_accent(c);
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        let mut out: String = out.trim_end_matches('-').chars().take(50).collect();
        if out.ends_with('-') {
            out.pop();
        }
        if out.is_empty() {
            out.push_str("person");
        }
        Handle(out)
    }

    /// The same handle with a numeric suffix, to break a tie with an existing one.
    pub fn with_suffix(&self, n: u32) -> Handle {
        Handle(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ß' => 's',
        other => other,
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Handle {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Handle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Handle::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// An e-mail address, kept lowercase so matching is exact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    pub const FIELD: &'static str = "email";

    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let t = s
            .trim()
            .trim_start_matches("mailto:")
            .trim_start_matches("MAILTO:");
        let valid = match t.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !t
                        .chars()
                        .any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
                    && !domain.contains('@')
                    && t.len() <= 254
            }
            None => false,
        };
        if valid {
            Ok(Email(t.to_lowercase()))
        } else {
            Err(CoreError::invalid(
                Self::FIELD,
                s,
                "an e-mail address like dana@example.com",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Email::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

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

/// The longest gap, in days, I want between contacts with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CadenceDays(u16);

impl CadenceDays {
    pub const FIELD: &'static str = "cadence";

    pub fn new(n: i64) -> Result<Self, CoreError> {
        if (1..=730).contains(&n) {
            Ok(CadenceDays(n as u16))
        } else {
            Err(CoreError::invalid(
                Self::FIELD,
                n.to_string(),
                "a number of days from 1 to 730",
            ))
        }
    }

    /// Accepts `21`, `21d`, `3w` (weeks) or `2m` (months of 30 days).
    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let t = s.trim().to_ascii_lowercase();
        let (num, mult) = if let Some(n) = t.strip_suffix('w') {
            (n, 7)
        } else if let Some(n) = t.strip_suffix('m') {
            (n, 30)
        } else {
            (t.strip_suffix('d').unwrap_or(&t), 1)
        };
        match num.trim().parse::<i64>() {
            Ok(n) => CadenceDays::new(n * mult).map_err(|_| {
                CoreError::invalid(
                    Self::FIELD,
                    s,
                    "from 1 to 730 days, written 21, 21d, 3w or 2m",
                )
            }),
            Err(_) => Err(CoreError::invalid(
                Self::FIELD,
                s,
                "a number of days, written 21, 21d, 3w or 2m",
            )),
        }
    }

    pub fn days(self) -> u16 {
        self.0
    }
}

impl fmt::Display for CadenceDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}d", self.0)
    }
}

impl std::str::FromStr for CadenceDays {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CadenceDays::parse(s)
    }
}

impl<'de> Deserialize<'de> for CadenceDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CadenceDays::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// The key of a competency track (`strategy`, `buy-in`): lowercase, like a handle.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackKey(String);

impl TrackKey {
    pub const FIELD: &'static str = "track";

    pub fn parse(s: &str) -> Result<Self, CoreError> {
        let t = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let ok = !t.is_empty()
            && t.len() <= 40
            && t.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && t.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(TrackKey(t))
        } else {
            Err(CoreError::invalid(
                Self::FIELD,
                s,
                "a track key of lowercase letters, digits and dashes (like strategy or buy-in)",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TrackKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for TrackKey {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TrackKey::parse(s)
    }
}

impl Serialize for TrackKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TrackKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TrackKey::parse(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// Turn an optional free text into `None` when blank, trimmed otherwise, with a length cap.
pub fn optional_text(field: &str, s: &str, max_chars: usize) -> Result<Option<String>, CoreError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > max_chars {
        return Err(CoreError::invalid(
            field,
            format!("{}…", t.chars().take(40).collect::<String>()),
            format!("at most {max_chars} characters"),
        ));
    }
    Ok(Some(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn influence_rejects_seven_and_names_the_field() {
        let err = Influence::parse("7").unwrap_err();
        assert_eq!(err.field(), Some("influence"));
        assert!(err.to_string().contains("from 1 to 5"), "{err}");
        assert_eq!(Influence::parse("5").unwrap().get(), 5);
    }

    #[test]
    fn day_rejects_impossible_dates() {
        assert!(Day::parse("2024-13-40").is_err());
        assert!(Day::parse("2023-02-29").is_err());
        assert!(Day::parse("2024-02-29").is_ok());
        assert_eq!(Day::parse("2024-13-40").unwrap_err().field(), Some("date"));
    }

    #[test]
    fn empty_name_is_rejected() {
        assert!(Name::parse("   ").is_err());
        assert_eq!(Name::parse("  Dana Kim ").unwrap().as_str(), "Dana Kim");
    }

    #[test]
    fn handles_from_names() {
        assert_eq!(Handle::from_name("Dana Kim").as_str(), "dana-kim");
        assert_eq!(
            Handle::from_name("  José  Álvarez-Núñez ").as_str(),
            "jose-alvarez-nunez"
        );
        assert_eq!(Handle::from_name("李").as_str(), "person");
        assert!(Handle::parse("Dana").is_err());
        assert!(Handle::parse("-dana").is_err());
    }

    #[test]
    fn iso_weeks() {
        let w = IsoWeek::parse("2026-W47").unwrap();
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(w.monday().to_string(), "2026-11-16");
        assert_eq!(w.previous().to_string(), "2026-W46");
        assert_eq!(
            IsoWeek::parse("2026-W01").unwrap().previous().to_string(),
            "2025-W52"
        );
        assert!(IsoWeek::parse("2026-W54").is_err());
        assert_eq!(
            Day::parse("2026-11-23").unwrap().iso_week().to_string(),
            "2026-W48"
        );
    }

    #[test]
    fn cadence_units() {
        assert_eq!(CadenceDays::parse("3w").unwrap().days(), 21);
        assert_eq!(CadenceDays::parse("2m").unwrap().days(), 60);
        assert_eq!(CadenceDays::parse("10").unwrap().days(), 10);
        assert!(CadenceDays::parse("0").is_err());
        assert!(CadenceDays::parse("soon").is_err());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse("Dana@Example.COM").unwrap().as_str(),
            "dana@example.com"
        );
        assert_eq!(Email::parse("mailto:a@b.io").unwrap().as_str(), "a@b.io");
        assert!(Email::parse("dana").is_err());
        assert!(Email::parse("a@b").is_err());
    }
}

#[cfg(test)]
mod round_trips {
    //! Property tests: every validated value displays as text that parses back to itself,
    //! and serialises to JSON that deserialises back to itself.

    use proptest::prelude::*;

    use super::*;

    fn json_round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug>(v: &T) {
        let text = serde_json::to_string(v).unwrap();
        let back: T = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, v);
    }

    proptest! {
        #[test]
        fn bounded_scores(n in -20i64..20) {
            match Influence::new(n) {
                Ok(v) => {
                    prop_assert!((1..=5).contains(&n));
                    prop_assert_eq!(Influence::parse(&v.to_string()).unwrap(), v);
                    json_round_trip(&v);
                }
                Err(e) => {
                    prop_assert!(!(1..=5).contains(&n));
                    prop_assert_eq!(e.field(), Some("influence"));
                }
            }
            prop_assert_eq!(TrustFactor::new(n).is_ok(), (1..=10).contains(&n));
            prop_assert_eq!(Level::new(n).is_ok(), (0..=4).contains(&n));
        }

        #[test]
        fn days(y in 1900i32..2200, ordinal in 1u32..366) {
            if let Some(d) = NaiveDate::from_yo_opt(y, ordinal) {
                let day = Day::from_date(d);
                prop_assert_eq!(Day::parse(&day.to_string()).unwrap(), day);
                json_round_trip(&day);
                let week = day.iso_week();
                prop_assert_eq!(IsoWeek::parse(&week.to_string()).unwrap(), week);
                prop_assert!(week.monday() <= day && day.days_until(week.monday()) > -7);
                prop_assert_eq!(week.next().previous(), week);
            }
        }

        #[test]
        fn names(s in "\\PC{0,250}") {
            match Name::parse(&s) {
                Ok(n) => {
                    prop_assert_eq!(n.as_str(), s.trim());
                    prop_assert_eq!(Name::parse(n.as_str()).unwrap(), n.clone());
                    json_round_trip(&n);
                }
                Err(e) => prop_assert_eq!(e.field(), Some("name")),
            }
        }

        #[test]
        fn handles_derived_from_any_name_are_valid(s in "\\PC{0,80}") {
            let h = Handle::from_name(&s);
            prop_assert_eq!(Handle::parse(h.as_str()).unwrap(), h.clone());
            json_round_trip(&h);
        }

        #[test]
        fn emails(local in "[a-zA-Z0-9._+-]{1,20}", domain in "[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let e = Email::parse(&format!("{local}@{domain}")).unwrap();
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e.clone());
            json_round_trip(&e);
        }

        #[test]
        fn cadences(n in 1i64..=730) {
            let c = CadenceDays::new(n).unwrap();
            prop_assert_eq!(CadenceDays::parse(&c.to_string()).unwrap(), c);
            json_round_trip(&c);
        }

        #[test]
        fn vocabularies(i in 0usize..6) {
            let s = crate::Stance::ALL[i];
            prop_assert_eq!(crate::Stance::parse(&s.to_string()).unwrap(), s);
            json_round_trip(&s);
        }
    }
}

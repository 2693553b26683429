//! Validated values: each has a `parse` that is the only way in, so an invalid influence,
//! date, name or handle cannot exist past the edge of the program.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

mod dates;
pub use dates::{Day, IsoWeek};

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
        if ok && Self::RESERVED.contains(&t) {
            return Err(CoreError::invalid(
                Self::FIELD,
                s,
                "another handle: this word names a page of the web app (try new-1)",
            ));
        }
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

    /// Words the web app uses as addresses next to handles (`/people/new`).
    const RESERVED: &'static [&'static str] = &["new"];

    /// Derive a handle from a name: `Dana Kim-Ortega` → `dana-kim-ortega`. Letters of any
    /// script are written in ASCII first (`Łukasz Żółć` → `lukasz-zolc`, `李小龍` →
    /// `li-xiao-long`); anything else becomes a dash.
    pub fn from_name(name: &str) -> Handle {
        // Only letters and digits are written in ASCII: an emoji would become its name.
        let ascii = name.chars().flat_map(|c| {
            let spelled = c
                .is_alphanumeric()
                .then(|| deunicode::deunicode_char(c))
                .flatten();
            spelled.unwrap_or("-").chars()
        });
        let mut out = String::new();
        for c in ascii {
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
        if Self::RESERVED.contains(&out.as_str()) {
            out.push_str("-1");
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

/// The longest a short free text (organisation, title, team, period) may be, in characters.
pub const SHORT_TEXT: usize = 300;
/// The longest a long free text (notes, goals, what I learned) may be, in characters.
pub const LONG_TEXT: usize = 20_000;

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
mod tests;

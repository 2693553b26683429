//! Typed record ids: an `Id<Person>` cannot be passed where an `Id<Win>` is expected.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;

/// The id of a stored record of type `T`. Positive, assigned by the store.
pub struct Id<T> {
    raw: i64,
    _kind: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    /// Wrap a raw id read from storage.
    pub const fn from_raw(raw: i64) -> Self {
        Id {
            raw,
            _kind: PhantomData,
        }
    }

    pub const fn get(self) -> i64 {
        self.raw
    }

    /// Parse a user-given id (`"42"`): must be a positive integer.
    pub fn parse(field: &str, s: &str) -> Result<Self, CoreError> {
        match s.trim().trim_start_matches('#').parse::<i64>() {
            Ok(n) if n > 0 => Ok(Id::from_raw(n)),
            _ => Err(CoreError::invalid(
                field,
                s,
                "a positive whole number (an id)",
            )),
        }
    }
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}
impl<T> Eq for Id<T> {}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}
impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state)
    }
}
impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.raw)
    }
}
impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.raw)
    }
}
impl<T> FromStr for Id<T> {
    type Err = CoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Id::parse("id", s)
    }
}
impl<T> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.raw)
    }
}
impl<'de, T> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = i64::deserialize(d)?;
        if raw <= 0 {
            return Err(serde::de::Error::custom("an id is a positive integer"));
        }
        Ok(Id::from_raw(raw))
    }
}

//! Rows as the database returns them, and their conversion into the core's validated
//! types. A value the core refuses on the way back is reported with its table, column and
//! row, never silently dropped.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::Datelike;

use fanclub_core::{
    CadenceDays, CoreError, CoreResult, Day, Email, Id, Impact, Influence, Interest, Record,
    Strength, Trust, TrustFactor,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::violation::corrupt;

/// Where a value came from, for the error when it cannot be read.
#[derive(Clone, Copy)]
pub(crate) struct At {
    pub table: &'static str,
    pub id: i64,
}

impl At {
    pub(crate) fn new(table: &'static str, id: i64) -> At {
        At { table, id }
    }

    /// Parse a text column with the core's own parser (vocabularies, handles, dates…).
    pub(crate) fn parse<T: FromStr<Err = CoreError>>(
        self,
        column: &str,
        text: &str,
    ) -> CoreResult<T> {
        text.parse()
            .map_err(|e| corrupt(self.table, column, self.id, e))
    }

    /// The result of a core parser that is not `FromStr` (handles, e-mails).
    pub(crate) fn ok<T>(self, column: &str, parsed: CoreResult<T>) -> CoreResult<T> {
        parsed.map_err(|e| corrupt(self.table, column, self.id, e))
    }

    pub(crate) fn parse_opt<T: FromStr<Err = CoreError>>(
        self,
        column: &str,
        text: Option<&str>,
    ) -> CoreResult<Option<T>> {
        text.map(|t| self.parse(column, t)).transpose()
    }

    /// A `YYYY-MM-DD` column: the form the store writes is read directly, anything else
    /// goes through `Day::parse`, which has the last word (and gives the error).
    pub(crate) fn day(self, column: &str, text: &str) -> CoreResult<Day> {
        match quick_day(text) {
            Some(day) => Ok(day),
            None => self.parse(column, text),
        }
    }

    pub(crate) fn day_opt(self, column: &str, text: Option<&str>) -> CoreResult<Option<Day>> {
        text.map(|t| self.day(column, t)).transpose()
    }

    pub(crate) fn json<T: DeserializeOwned>(self, column: &str, text: &str) -> CoreResult<T> {
        serde_json::from_str(text).map_err(|e| corrupt(self.table, column, self.id, e))
    }

    pub(crate) fn influence(self, n: i64) -> CoreResult<Influence> {
        Influence::new(n).map_err(|e| corrupt(self.table, "influence", self.id, e))
    }

    pub(crate) fn interest(self, n: i64) -> CoreResult<Interest> {
        Interest::new(n).map_err(|e| corrupt(self.table, "interest", self.id, e))
    }

    pub(crate) fn strength(self, n: i64) -> CoreResult<Strength> {
        Strength::new(n).map_err(|e| corrupt(self.table, "strength", self.id, e))
    }

    pub(crate) fn cadence(self, n: Option<i64>) -> CoreResult<Option<CadenceDays>> {
        n.map(|n| CadenceDays::new(n).map_err(|e| corrupt(self.table, "cadence_days", self.id, e)))
            .transpose()
    }

    /// The four trust factors are stored together or not at all.
    pub(crate) fn trust(self, parts: [Option<i64>; 4]) -> CoreResult<Option<Trust>> {
        let factor =
            |n: i64| TrustFactor::new(n).map_err(|e| corrupt(self.table, "trust", self.id, e));
        match parts {
            [None, None, None, None] => Ok(None),
            [Some(c), Some(r), Some(i), Some(s)] => Ok(Some(Trust {
                credibility: factor(c)?,
                reliability: factor(r)?,
                intimacy: factor(i)?,
                self_orientation: factor(s)?,
            })),
            _ => Err(corrupt(
                self.table,
                "trust",
                self.id,
                "some factors are set and some are not",
            )),
        }
    }

    pub(crate) fn impact(
        self,
        metric: Option<String>,
        before: Option<String>,
        after: Option<String>,
    ) -> CoreResult<Option<Impact>> {
        match metric {
            Some(metric) => Ok(Some(Impact {
                metric,
                before,
                after,
            })),
            None if before.is_none() && after.is_none() => Ok(None),
            None => Err(corrupt(
                self.table,
                "impact_metric",
                self.id,
                "a before/after without a metric",
            )),
        }
    }

    pub(crate) fn flag(self, column: &str, n: i64) -> CoreResult<bool> {
        match n {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(corrupt(
                self.table,
                column,
                self.id,
                format!("{other} is not 0 or 1"),
            )),
        }
    }
}

/// A list or document as JSON text.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> CoreResult<String> {
    serde_json::to_string(value)
        .map_err(|e| CoreError::Storage(format!("cannot encode as JSON: {e}")))
}

/// A day as the store writes it, `YYYY-MM-DD`: the same text as `Day`'s `Display`,
/// without a format string to interpret for each of a million rows.
pub(crate) fn day_text(d: Day) -> String {
    let date = d.date();
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return d.to_string();
    }
    let digits = |out: &mut String, n: u32, width: u32| {
        for place in (0..width).rev() {
            out.push(char::from(b'0' + ((n / 10_u32.pow(place)) % 10) as u8));
        }
    };
    let mut out = String::with_capacity(10);
    digits(&mut out, year.unsigned_abs(), 4);
    out.push('-');
    digits(&mut out, date.month(), 2);
    out.push('-');
    digits(&mut out, date.day(), 2);
    out
}

/// `YYYY-MM-DD` with a year `Day::parse` accepts, read without a format string; `None`
/// for anything else (which `Day::parse` then judges).
fn quick_day(text: &str) -> Option<Day> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0_u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Day::from_ymd(i32::try_from(year).ok()?, month, day)
}

pub(crate) fn id<T>(raw: i64) -> Id<T> {
    Id::from_raw(raw)
}

pub(crate) fn record<T>(raw: i64, value: T) -> Record<T> {
    Record::new(Id::from_raw(raw), value)
}

/// Child rows grouped by their parent id, each group in the order read.
pub(crate) fn group<T>(rows: impl IntoIterator<Item = (i64, T)>) -> HashMap<i64, Vec<T>> {
    let mut out: HashMap<i64, Vec<T>> = HashMap::new();
    for (parent, row) in rows {
        out.entry(parent).or_default().push(row);
    }
    out
}

/// A person's e-mail addresses, read back.
pub(crate) fn emails(at: At, texts: Vec<String>) -> CoreResult<Vec<Email>> {
    texts
        .iter()
        .map(|t| at.ok("email", Email::parse(t)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_and_read_as_day_does() {
        let mut d = Day::from_ymd(1899, 12, 25).unwrap();
        let last = Day::from_ymd(2201, 1, 5).unwrap();
        let at = At::new("t", 1);
        while d <= last {
            let text = day_text(d);
            assert_eq!(text, d.to_string());
            assert_eq!(
                quick_day(&text).map(|q| q == d),
                Day::parse(&text).ok().map(|_| true)
            );
            if let Ok(parsed) = Day::parse(&text) {
                assert_eq!(at.day("on_day", &text).unwrap(), parsed);
            }
            d = d.plus_days(1);
        }
        for odd in [
            "2026-3-05",
            " 2026-03-05",
            "2026-02-30",
            "20260-3-05",
            "2026/03/05",
            "abcd-ef-gh",
        ] {
            assert_eq!(at.day("on_day", odd).ok(), Day::parse(odd).ok(), "{odd}");
        }
        assert!(at.day("on_day", "2026-02-30").is_err());
        let far = Day::from_ymd(12_345, 1, 2).unwrap();
        assert_eq!(day_text(far), far.to_string());
    }
}

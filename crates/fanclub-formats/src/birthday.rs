//! Birthdays in the one shape `Person::birthday` accepts: `YYYY-MM-DD`, or `--MM-DD`
//! when the year is unknown (as vCard writes it).

use chrono::NaiveDate;

use fanclub_core::Day;

/// Address books write a year they do not know as one of these: Apple uses 1604, some
/// Android builds 0000 or 1900 is a real year; anything before 1900 is outside what `Day`
/// accepts, so such a birthday keeps its month and day only.
const EARLIEST_YEAR: i32 = 1900;

/// Build a birthday from its parts. `Err` says what was wrong, for a problem message.
pub(crate) fn from_parts(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
) -> Result<String, String> {
    let (Some(month), Some(day)) = (month, day) else {
        return Err("it has no month and day".to_string());
    };
    // 2000 is a leap year, so 29 February without a year is accepted.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(format!("month {month}, day {day} is not a calendar day"));
    }
    match year {
        Some(y) if y >= EARLIEST_YEAR => {
            let text = format!("{y:04}-{month:02}-{day:02}");
            Day::parse(&text)
                .map(|_| text)
                .map_err(|_| format!("{y:04}-{month:02}-{day:02} is not a calendar day"))
        }
        _ => Ok(format!("--{month:02}-{day:02}")),
    }
}

/// Read a birthday written as text: `1990-04-12`, `19900412`, `--04-12`, `--0412`, or
/// `1990-04-12T00:00:00` (the time is ignored). `Ok(None)` for a blank value.
pub(crate) fn from_text(s: &str) -> Result<Option<String>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || format!("`{t}` is not a date like 1990-04-12 or --04-12");
    let date = t.split(['T', ' ']).next().unwrap_or(t);
    // Byte slicing below is only safe on ASCII, and every valid date is ASCII.
    if !date.is_ascii() {
        return Err(bad());
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let num = |s: &str| s.parse::<u32>().ok();
    if let Some(md) = date.strip_prefix("--") {
        let (m, d) = match md.len() {
            5 if md.as_bytes()[2] == b'-' => (&md[..2], &md[3..]),
            4 => (&md[..2], &md[2..]),
            _ => return Err(bad()),
        };
        if !digits(m) || !digits(d) {
            return Err(bad());
        }
        return from_parts(None, num(m), num(d)).map(Some);
    }
    let (y, m, d) = match date.len() {
        10 if date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-' => {
            (&date[..4], &date[5..7], &date[8..])
        }
        8 if digits(date) => (&date[..4], &date[4..6], &date[6..]),
        _ => return Err(bad()),
    };
    if !digits(y) || !digits(m) || !digits(d) {
        return Err(bad());
    }
    let year = y.parse::<i32>().map_err(|_| bad())?;
    from_parts(Some(year), num(m), num(d)).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_full_and_yearless_birthdays() {
        let ok = |s: &str| from_text(s).unwrap().unwrap();
        assert_eq!(ok("1990-04-12"), "1990-04-12");
        assert_eq!(ok("19900412"), "1990-04-12");
        assert_eq!(ok("--04-12"), "--04-12");
        assert_eq!(ok("--0412"), "--04-12");
        assert_eq!(ok("1990-04-12T08:30:00Z"), "1990-04-12");
        assert_eq!(ok("1604-09-21"), "--09-21");
        assert_eq!(ok("--02-29"), "--02-29");
        assert_eq!(from_text("  ").unwrap(), None);
        assert!(from_text("0000").is_err());
        assert!(from_text("2023-02-29").is_err());
        assert!(from_text("12/04/1990").is_err());
        assert!(from_text("--1304").is_err());
        assert!(from_text("1990-0a-12").is_err());
    }
}

//! vCard files (`.vcf`) from phones and address books: versions 2.1, 3.0 and 4.0, one or
//! many cards per file, read with calcard.
//!
//! Read: FN (else N, else NICKNAME), EMAIL, TEL (`tel:` URIs too), ORG (first component
//! the organisation, the rest the team), TITLE (else ROLE), NOTE, BDAY (full, or yearless
//! `--0412` / `--04-12`, kept as `--04-12`), CATEGORIES, URL and Apple's X-SOCIALPROFILE,
//! RELATED and Apple's X-ABRELATEDNAMES with its `itemN.X-ABLabel`. Grouped properties
//! (`item1.EMAIL`) count like ungrouped ones; escapes (`\;`, `\,`, `\n`) are undone by the
//! parser. Addresses, photos, keys and the like are not needed and are ignored. A value
//! that cannot be read (`BDAY:0000`) is dropped with a note; a card without anything to
//! file it under, or one for a group rather than a person, is skipped with a problem.

use std::borrow::Cow;
use std::collections::HashMap;

use calcard::common::{IanaString, PartialDateTime};
use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameterName, VCardParameterValue, VCardProperty,
    VCardValue,
};
use calcard::{Entry, Parser};

use crate::birthday;
use crate::contact::{ContactRecord, Draft, Related};
use crate::report::{ParseReport, Place, Problem, quote};
use crate::{Format, FormatError, input};

/// Read a vCard file.
pub fn parse(bytes: &[u8]) -> Result<ParseReport<ContactRecord>, FormatError> {
    let (text, latin1) = match input::decode(bytes, Format::VCard) {
        Ok(text) => (Cow::Borrowed(text), false),
        // Older phones write vCard 2.1 in ISO-8859-1 and say so on each property.
        Err(FormatError::NotUtf8 { .. }) if declares_latin1(bytes) => (
            Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()),
            true,
        ),
        Err(e) => return Err(e),
    };
    let text: &str = &text;
    if !text.to_ascii_uppercase().contains("BEGIN:VCARD") {
        let reason = if text.to_ascii_uppercase().contains("BEGIN:VCALENDAR") {
            "it holds a calendar (BEGIN:VCALENDAR), not cards: import it as iCalendar"
        } else {
            "it has no BEGIN:VCARD line; export the contacts as vCard (.vcf) and try again"
        };
        return Err(FormatError::WrongFormat {
            format: Format::VCard,
            reason: reason.to_string(),
        });
    }
    if let Some((number, line)) = input::unended(text, "VCARD") {
        return Err(FormatError::CutShort {
            format: Format::VCard,
            what: "card",
            number,
            line,
            component: "VCARD",
        });
    }
    let text = normalise_dates(text);

    let mut report = ParseReport::default();
    if latin1 {
        report.problems.push(Problem::note(
            Place::File,
            "the file is not UTF-8: it was read as ISO-8859-1, the encoding its cards declare",
        ));
    }
    let mut cards = 0;
    let mut parser = Parser::new(&text);
    // Every entry consumes input, so more entries than bytes would mean the parser stopped
    // advancing; the guard turns that into a problem instead of a hang.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::Eof => break,
            Entry::VCard(card) => {
                cards += 1;
                let at = Place::Card(cards);
                if let Some(record) = read_card(&card, at, &mut report.problems) {
                    report.records.push(record);
                }
            }
            Entry::ICalendar(_) => report.problems.push(stray(
                cards,
                "a calendar was ignored: import it as iCalendar",
            )),
            Entry::InvalidLine(line) => report.problems.push(stray(
                cards,
                &format!("line {} is outside any card: ignored", quote(&line)),
            )),
            Entry::UnexpectedComponentEnd { found, .. } => report.problems.push(stray(
                cards,
                &format!("an END:{} without its BEGIN was ignored", found.as_str()),
            )),
            Entry::UnterminatedComponent(name) => report.problems.push(stray(
                cards,
                &format!("BEGIN:{name} has no END:{name}: read up to the end of the file"),
            )),
            Entry::TooManyComponents => {
                let mut problem = stray(
                    cards,
                    "components are nested too deeply: the rest of the file was not read",
                );
                problem.severity = crate::Severity::Skipped;
                report.problems.push(problem);
                break;
            }
            // Entry is non-exhaustive: a kind added later is reported, not dropped silently.
            other => report.problems.push(stray(
                cards,
                &format!(
                    "unexpected content was ignored: {}",
                    quote(&format!("{other:?}"))
                ),
            )),
        }
    }
    if cards == 0 {
        return Err(FormatError::WrongFormat {
            format: Format::VCard,
            reason: "no card between BEGIN:VCARD and END:VCARD could be read".to_string(),
        });
    }
    Ok(report)
}

/// A problem with content between cards, placed after the card it follows.
fn stray(cards: usize, what: &str) -> Problem {
    match cards {
        0 => Problem::note(Place::File, format!("before the first card, {what}")),
        n => Problem::note(Place::Card(n), format!("after this card, {what}")),
    }
}

/// Turn one card into a record, or `None` (with a problem) when it cannot be one.
fn read_card(card: &VCard, at: Place, problems: &mut Vec<Problem>) -> Option<ContactRecord> {
    check_version(card, at, problems);
    if let Some(kind) = card
        .entries
        .iter()
        .find_map(|e| match (&e.name, e.values.first()) {
            (VCardProperty::Kind, Some(VCardValue::Kind(k))) => Some(*k),
            _ => None,
        })
        && kind != VCardKind::Individual
    {
        problems.push(Problem::skipped(
            at,
            format!(
                "this card is for a {}, not a person: skipped",
                kind.as_str().to_lowercase()
            ),
        ));
        return None;
    }

    // Apple labels grouped values: `item1.X-ABRELATEDNAMES` + `item1.X-ABLabel:_$!<Spouse>!$_`.
    let labels: HashMap<String, String> = card
        .entries
        .iter()
        .filter(
            |e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-ABLABEL")),
        )
        .filter_map(|e| Some((e.group.as_ref()?.to_lowercase(), apple_label(&joined(e)))))
        .collect();

    let mut draft = Draft::default();
    let (mut full_names, mut parts_names, mut nicknames) = (Vec::new(), Vec::new(), Vec::new());
    let mut role = None;
    for entry in &card.entries {
        match &entry.name {
            VCardProperty::Fn => full_names.push(joined(entry)),
            VCardProperty::N => parts_names.push(name_from_parts(entry)),
            VCardProperty::Nickname => nicknames.extend(texts(entry)),
            VCardProperty::Email => draft.emails.push(joined(entry)),
            VCardProperty::Tel => draft.phones.push(joined(entry)),
            VCardProperty::Org if draft.organisation.is_none() => {
                let mut parts = texts(entry).into_iter();
                draft.organisation = parts.next();
                let team: Vec<String> = parts.filter(|p| !p.trim().is_empty()).collect();
                draft.team = (!team.is_empty()).then(|| team.join(" / "));
            }
            VCardProperty::Title if draft.title.is_none() => draft.title = Some(joined(entry)),
            VCardProperty::Role if role.is_none() => role = Some(joined(entry)),
            VCardProperty::Note => draft.notes.push(joined(entry)),
            VCardProperty::Bday => read_birthday(entry, &mut draft, at, problems),
            VCardProperty::Categories => draft.categories.extend(texts(entry)),
            VCardProperty::Url | VCardProperty::Socialprofile => draft.links.push(joined(entry)),
            VCardProperty::Related => draft.related.push(Related {
                relation: relation_type(entry),
                value: joined(entry),
            }),
            VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-SOCIALPROFILE") => {
                draft.links.push(joined(entry));
            }
            VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-ABRELATEDNAMES") => {
                let label = entry
                    .group
                    .as_ref()
                    .and_then(|g| labels.get(&g.to_lowercase()));
                draft.related.push(Related {
                    relation: label.cloned().or_else(|| relation_type(entry)),
                    value: joined(entry),
                });
            }
            _ => {}
        }
    }
    draft.title = draft.title.or(role);
    draft.names = full_names
        .into_iter()
        .chain(parts_names)
        .chain(nicknames)
        .collect();
    draft.finish(at, problems)
}

fn check_version(card: &VCard, at: Place, problems: &mut Vec<Problem>) {
    let version = card
        .property(&VCardProperty::Version)
        .and_then(|e| e.values.first())
        .and_then(VCardValue::as_text);
    match version {
        None => problems.push(Problem::note(at, "no VERSION line: read as vCard 4.0")),
        Some(v) if ["2.1", "3.0", "4.0"].contains(&v) => {}
        Some(v) if ["2.1", "3.0", "4.0"].contains(&v.trim()) => problems.push(Problem::note(
            at,
            format!(
                "VERSION is written `{v}`, with stray spaces: read as {}",
                v.trim()
            ),
        )),
        Some(v) => problems.push(Problem::note(
            at,
            format!(
                "VERSION {} is not 2.1, 3.0 or 4.0: read as best as possible",
                quote(v)
            ),
        )),
    }
}

fn read_birthday(entry: &VCardEntry, draft: &mut Draft, at: Place, problems: &mut Vec<Problem>) {
    let result = match entry.values.first() {
        Some(VCardValue::PartialDateTime(dt)) => from_partial(dt),
        Some(other) => other
            .as_text()
            .map_or(Ok(None), birthday::from_text)
            .and_then(|b| b.ok_or_else(|| "it is empty".to_string())),
        None => return,
    };
    match result {
        Ok(b) if draft.birthday.is_none() => draft.birthday = Some(b),
        Ok(_) => {}
        Err(why) => problems.push(Problem::note(
            at,
            format!("BDAY {}: {why}; left out", describe(entry)),
        )),
    }
}

fn from_partial(dt: &PartialDateTime) -> Result<String, String> {
    birthday::from_parts(
        dt.year.map(i32::from),
        dt.month.map(u32::from),
        dt.day.map(u32::from),
    )
}

/// A value as the member would recognise it in a message.
fn describe(entry: &VCardEntry) -> String {
    match entry.values.first() {
        Some(VCardValue::PartialDateTime(dt)) => {
            // Written back in the vCard 4.0 style: `0000`, `1990-04`, `--04-12`.
            let mut s = dt.year.map_or("-".to_string(), |y| format!("{y:04}"));
            if let Some(m) = dt.month {
                s.push_str(&format!("-{m:02}"));
            }
            if let Some(d) = dt.day {
                s.push_str(&format!("-{d:02}"));
            }
            quote(&s)
        }
        _ => quote(&joined(entry)),
    }
}

/// The text of each value: a comma list (`Component`) stays one value.
fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .filter_map(|v| match v {
            VCardValue::Component(parts) => Some(parts.join(", ")),
            other => other.as_text().map(str::to_string),
        })
        .collect()
}

/// All values of a property as one text; structured values joined with `;` as written.
fn joined(entry: &VCardEntry) -> String {
    texts(entry).join(";")
}

/// `N:Stevenson;John;Philip,Paul;Dr.;Jr.` → `John Philip Paul Stevenson`.
fn name_from_parts(entry: &VCardEntry) -> String {
    let part = |i: usize| -> String {
        match entry.values.get(i) {
            Some(VCardValue::Component(parts)) => parts.join(" "),
            Some(v) => v.as_text().unwrap_or_default().to_string(),
            None => String::new(),
        }
    };
    [part(1), part(2), part(0)]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The TYPE of a RELATED (`friend`, `colleague`), lowercase.
fn relation_type(entry: &VCardEntry) -> Option<String> {
    entry
        .parameters(&VCardParameterName::Type)
        .find_map(|v| match v {
            VCardParameterValue::Type(t) => Some(t.as_str().to_lowercase()),
            VCardParameterValue::Text(t) if !t.eq_ignore_ascii_case("pref") => {
                Some(t.to_lowercase())
            }
            _ => None,
        })
}

/// `_$!<Spouse>!$_` → `spouse`; a custom label stays as typed, lowercased.
fn apple_label(raw: &str) -> String {
    raw.trim()
        .trim_start_matches("_$!<")
        .trim_end_matches(">!$_")
        .to_lowercase()
}

/// Rewrite `BDAY` values written `1963-09-21` or `--04-12` to `19630921` and `--0412`.
///
/// calcard reads vCard 4.0's date grammar, where `1963-09` is a complete (reduced) date: it
/// drops the day of `1963-09-21` when the card says 4.0 or when BDAY comes before the
/// VERSION line, and the day of `--04-12` always. The basic forms are read right in every
/// version, so rewriting first keeps both spellings working.
/// Does a file that is not UTF-8 declare ISO-8859-1 (`CHARSET=ISO-8859-1`, as vCard 2.1
/// exports of older phones do)? Every byte is then a character of that encoding.
fn declares_latin1(bytes: &[u8]) -> bool {
    let needle = b"CHARSET=ISO-8859-1";
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn normalise_dates(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let rewritten = rewrite_date_line(line);
        match (&mut out, rewritten) {
            (None, Some(new)) => {
                let mut s = String::with_capacity(text.len());
                s.push_str(&text[..start]);
                s.push_str(&new);
                out = Some(s);
            }
            (Some(s), Some(new)) => s.push_str(&new),
            (Some(s), None) => s.push_str(line),
            (None, None) => {}
        }
        start += line.len();
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

fn rewrite_date_line(line: &str) -> Option<String> {
    let colon = line.find(':')?;
    let (head, rest) = line.split_at(colon);
    let name = head.split(';').next()?.rsplit('.').next()?;
    if !name.trim().eq_ignore_ascii_case("BDAY") {
        return None;
    }
    let value = rest[1..].trim_end_matches(['\r', '\n']);
    let ending = &rest[1 + value.len()..];
    let b = value.trim().as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let basic = if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
    {
        format!(
            "{}{}{}",
            &value.trim()[..4],
            &value.trim()[5..7],
            &value.trim()[8..]
        )
    } else if b.len() == 7 && b.starts_with(b"--") && b[4] == b'-' && digits(2..4) && digits(5..7) {
        format!("--{}{}", &value.trim()[2..4], &value.trim()[5..])
    } else {
        return None;
    };
    Some(format!("{head}:{basic}{ending}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_extended_birthdays_only() {
        let text = "BEGIN:VCARD\r\nBDAY;VALUE=DATE:1963-09-21\r\nitem1.bday:--04-12\nNOTE:1963-09-21\nBDAY:--0412\n";
        let out = normalise_dates(text);
        assert_eq!(
            out,
            "BEGIN:VCARD\r\nBDAY;VALUE=DATE:19630921\r\nitem1.bday:--0412\nNOTE:1963-09-21\nBDAY:--0412\n"
        );
        assert!(matches!(normalise_dates("FN:x\n"), Cow::Borrowed(_)));
        assert_eq!(rewrite_date_line("BDAY:1963-0é-21"), None);
    }

    #[test]
    fn apple_labels() {
        assert_eq!(apple_label("_$!<Spouse>!$_"), "spouse");
        assert_eq!(apple_label("Mentor"), "mentor");
    }
}

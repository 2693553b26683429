//! Every person as a vCard 4.0 card (RFC 6350), for a phone or any address book.
//!
//! Written: FN, N (the last word of the name as the family name, the rest as given names),
//! EMAIL, TEL, ORG (organisation; team), TITLE, NOTE, BDAY (`--MMDD` when the year is
//! unknown), URL, and CATEGORIES with the person's circle and relation to me. Line breaks
//! in notes are written as `\n`; a lone carriage return becomes a line break.

use calcard::common::PartialDateTime;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};
use chrono::Datelike;

use fanclub_core::{Day, Person};

/// The cards of `people`, in order, as one `.vcf` text.
pub fn write_vcards<'a>(people: impl IntoIterator<Item = &'a Person>) -> String {
    let mut out = String::new();
    for p in people {
        // Writing into a String cannot fail.
        let _ = card(p).write_to(&mut out, VCardVersion::V4_0);
    }
    out
}

fn text(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn entry(name: VCardProperty, value: &str) -> VCardEntry {
    VCardEntry::new(name).with_value(text(value))
}

/// One person's card.
pub fn card(p: &Person) -> VCard {
    let mut entries = vec![entry(VCardProperty::Fn, p.name.as_str())];
    let name = p.name.as_str().trim();
    let (given, family) = match name.rsplit_once(' ') {
        Some((given, family)) => (given.trim(), family),
        None => ("", name),
    };
    entries.push(
        VCardEntry::new(VCardProperty::N).with_values(
            [family, given, "", "", ""]
                .iter()
                .map(|s| VCardValue::Text(text(s)))
                .collect(),
        ),
    );
    for e in &p.emails {
        entries.push(entry(VCardProperty::Email, e.as_str()));
    }
    for t in &p.phones {
        entries.push(entry(VCardProperty::Tel, t));
    }
    if p.organisation.is_some() || p.team.is_some() {
        let mut values = vec![VCardValue::Text(text(
            p.organisation.as_deref().unwrap_or(""),
        ))];
        if let Some(team) = &p.team {
            values.push(VCardValue::Text(text(team)));
        }
        entries.push(VCardEntry::new(VCardProperty::Org).with_values(values));
    }
    if let Some(title) = &p.title {
        entries.push(entry(VCardProperty::Title, title));
    }
    if let Some(b) = p.birthday.as_deref().and_then(birthday) {
        entries
            .push(VCardEntry::new(VCardProperty::Bday).with_value(VCardValue::PartialDateTime(b)));
    }
    for l in &p.links {
        entries.push(entry(VCardProperty::Url, l));
    }
    entries.push(VCardEntry::new(VCardProperty::Categories).with_values(vec![
        VCardValue::Text(p.circle.as_str().to_string()),
        VCardValue::Text(p.relation.as_str().to_string()),
    ]));
    if let Some(notes) = &p.notes {
        entries.push(entry(VCardProperty::Note, notes));
    }
    VCard { entries }
}

/// `YYYY-MM-DD` or `--MM-DD` as vCard's date, with the year left out when unknown.
fn birthday(b: &str) -> Option<PartialDateTime> {
    let (year, date) = match b.strip_prefix("--") {
        // Checked against a leap year, so 29 February is a birthday.
        Some(md) => (None, Day::parse(&format!("2000-{md}")).ok()?.date()),
        None => {
            let d = Day::parse(b).ok()?.date();
            (u16::try_from(d.year()).ok(), d)
        }
    };
    Some(PartialDateTime {
        year,
        month: u8::try_from(date.month()).ok(),
        day: u8::try_from(date.day()).ok(),
        ..PartialDateTime::default()
    })
}

#[cfg(test)]
mod tests;

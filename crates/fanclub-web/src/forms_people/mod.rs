//! The forms of the people, interaction, room and weekly-review pages, as typed, and their
//! parsing into core values with the core's parsers (so a message reads as the CLI's).
//! Every field is checked, not just the first bad one, and each error is kept by the
//! form's own field name so the page can show it next to that field.
//!
//! One module per page: `person` (add and edit), `person_page` (the small forms on a
//! person's page), `interaction`, `room` and `review`. This one holds what they share.

mod interaction;
mod person;
mod person_page;
mod review;
mod room;

use fanclub_core::resolve::resolve_person;
use fanclub_core::{CoreError, Handle, Person, PersonId, Record, optional_text};

use crate::forms::{FieldErrors, keep};

pub(crate) use self::interaction::InteractionEditForm;
pub(crate) use self::person::PersonForm;
pub(crate) use self::person_page::{ConnectionForm, StanceForm, TrustForm};
pub(crate) use self::review::ReviewForm;
pub(crate) use self::room::{DecisionForm, SeatForm};

use fanclub_core::{LONG_TEXT, SHORT_TEXT};

fn text(errors: &mut FieldErrors, field: &'static str, s: &str, max: usize) -> Option<String> {
    keep(errors, field, optional_text(field, s, max)).flatten()
}

/// Items of a list typed in one field, split on `separators`, blanks dropped.
fn items(s: &str, separators: &[char]) -> Vec<String> {
    s.split(|c: char| separators.contains(&c))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Resolve a person typed by handle or name, never `me` (the record being edited).
fn person_key(
    errors: &mut FieldErrors,
    field: &'static str,
    key: &str,
    people: &[Record<Person>],
    me: Option<PersonId>,
) -> Option<PersonId> {
    let id = keep(errors, field, resolve_person(people, key))?;
    if Some(id) == me {
        errors.push(
            field,
            CoreError::invalid(field, key, "someone other than the person themselves"),
        );
        return None;
    }
    Some(id)
}

/// Where to return after a form: a person's page, when `back` names a valid handle.
pub(crate) fn back_to(back: &str) -> Option<Handle> {
    let b = back.trim();
    if b.is_empty() {
        None
    } else {
        Handle::parse(b).ok()
    }
}

/// What the unit tests of the forms share: two people and a fixed today.
#[cfg(test)]
mod fixtures {
    use fanclub_core::{Day, Name, Person, PersonId, Record};

    pub(super) fn people() -> Vec<Record<Person>> {
        ["Dana Kim", "Ravi Patel"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                Record::new(
                    PersonId::from_raw(i as i64 + 1),
                    Person::new(Name::parse(n).unwrap()),
                )
            })
            .collect()
    }

    pub(super) fn today() -> Day {
        Day::parse("2026-03-02").unwrap()
    }
}

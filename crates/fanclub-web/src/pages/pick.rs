//! Naming one person in a form without listing everyone: a short select of suggestions
//! (each page decides whom, best first) and a text field, "or someone else", for a name or
//! a handle, resolved here. A workspace of 10,000 people still makes a small page, and the
//! form works without JavaScript: both are plain fields with their own labels.
//!
//! A typed name must be exact (a handle, or a whole name but for case): a form that records
//! something about a person must not guess. Several people of that name, or nobody, come
//! back as an error next to the text field, with the candidates or close matches named.

use fanclub_core::engine::visibility::ranked_people;
use fanclub_core::resolve::resolve_exact_person;
use fanclub_core::{CoreError, CoreResult, Day, Person, PersonId, Record, Store};

use super::Choice;
use crate::forms::FieldErrors;

/// How many people a form suggests.
pub(crate) const SUGGESTED: usize = fanclub_core::engine::visibility::SHARE_SUGGESTIONS;

/// The two fields of a person pick as posted: the suggestion chosen (a handle) and what
/// was typed in "or someone else". `field` names the select; the text field's errors go
/// under `other`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pick<'a> {
    pub(crate) field: &'static str,
    pub(crate) other: &'static str,
    pub(crate) chosen: &'a str,
    pub(crate) typed: &'a str,
}

impl Pick<'_> {
    /// The person named, `None` when both fields are blank. A typed name counts when given;
    /// if a different person is also chosen in the list, the member is asked to keep one.
    pub(crate) fn resolve(
        &self,
        people: &[Record<Person>],
        errors: &mut FieldErrors,
    ) -> Result<Option<PersonId>, ()> {
        let chosen = self.chosen.trim();
        let typed = self.typed.trim();
        let from_list = if chosen.is_empty() {
            None
        } else {
            match people.iter().find(|p| p.handle.as_str() == chosen) {
                Some(p) => Some(p),
                None => {
                    // Only a handle the page offered can come from the list: someone
                    // removed since the page was shown.
                    errors.push(
                        self.field,
                        CoreError::not_found("person", chosen.to_string()),
                    );
                    return Err(());
                }
            }
        };
        if typed.is_empty() {
            return Ok(from_list.map(|p| p.id));
        }
        let id = match resolve_exact_person(people, typed) {
            Ok(id) => id,
            Err(e) => {
                errors.push(self.other, e);
                return Err(());
            }
        };
        if let Some(p) = from_list
            && p.id != id
        {
            errors.push(
                self.other,
                CoreError::Conflict(format!(
                    "You chose {} in the list and typed “{typed}”: clear one of the two.",
                    p.name
                )),
            );
            return Err(());
        }
        Ok(Some(id))
    }

    /// As [`Pick::resolve`], for a person the form needs: both fields blank is an error
    /// next to the select.
    pub(crate) fn required(
        &self,
        people: &[Record<Person>],
        errors: &mut FieldErrors,
        what: &str,
    ) -> Option<PersonId> {
        match self.resolve(people, errors) {
            Ok(Some(id)) => Some(id),
            Ok(None) => {
                errors.push(
                    self.field,
                    CoreError::invalid(
                        "person",
                        "",
                        format!("{what}: choose them in the list, or type their name or handle"),
                    ),
                );
                None
            }
            Err(()) => None,
        }
    }
}

/// The select's options: a blank first option labelled `blank`, then `suggested` in order.
/// The person already chosen (a form being edited, or posted back with a mistake) is kept
/// at the top when they are not among the suggestions.
pub(crate) fn choices<'p>(
    blank: &str,
    suggested: impl IntoIterator<Item = &'p Record<Person>>,
    chosen: &str,
    people: &'p [Record<Person>],
) -> Vec<Choice> {
    let chosen = chosen.trim();
    let mut out = vec![Choice {
        value: String::new(),
        label: blank.to_string(),
        selected: chosen.is_empty(),
    }];
    let suggested: Vec<&Record<Person>> = suggested.into_iter().collect();
    if !chosen.is_empty() && !suggested.iter().any(|p| p.handle.as_str() == chosen) {
        out.extend(
            people
                .iter()
                .find(|p| p.handle.as_str() == chosen)
                .map(|p| option(p, true)),
        );
    }
    out.extend(
        suggested
            .into_iter()
            .map(|p| option(p, p.handle.as_str() == chosen)),
    );
    out
}

/// Everyone, best first to suggest: key people first, in the visibility engine's order
/// (influence, the soonest room, interest). Pages filter it and take the first few.
pub(crate) async fn ranked<'p>(
    store: &dyn Store,
    people: &'p [Record<Person>],
    today: Day,
) -> CoreResult<Vec<&'p Record<Person>>> {
    let decisions = store.list_decisions().await?;
    Ok(ranked_people(people, &decisions, today))
}

fn option(p: &Record<Person>, selected: bool) -> Choice {
    Choice {
        value: p.handle.to_string(),
        label: p.name.to_string(),
        selected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanclub_core::{Handle, Name};

    fn people() -> Vec<Record<Person>> {
        ["Dana Kim", "Lee Park", "Dana Kim"]
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut p = Person::new(Name::parse(n).unwrap());
                p.handle = Handle::parse(&format!("p{i}")).unwrap();
                Record::new(PersonId::from_raw(i as i64 + 1), p)
            })
            .collect()
    }

    fn pick<'a>(chosen: &'a str, typed: &'a str) -> Pick<'a> {
        Pick {
            field: "person",
            other: "person_other",
            chosen,
            typed,
        }
    }

    #[test]
    fn a_choice_or_a_typed_name_names_one_person() {
        let ps = people();
        let mut errors = FieldErrors::default();
        assert_eq!(pick("p1", "").resolve(&ps, &mut errors), Ok(Some(ps[1].id)));
        assert_eq!(
            pick("", "lee park").resolve(&ps, &mut errors),
            Ok(Some(ps[1].id))
        );
        assert_eq!(
            pick("p1", "p1").resolve(&ps, &mut errors),
            Ok(Some(ps[1].id))
        );
        assert_eq!(pick("", " ").resolve(&ps, &mut errors), Ok(None));
        assert!(errors.is_empty());

        // Each mistake lands next to its own field.
        for (chosen, typed, field) in [
            ("", "Dana Kim", "person_other"),
            ("", "nobody", "person_other"),
            ("p0", "Lee Park", "person_other"),
            ("gone", "", "person"),
        ] {
            let mut errors = FieldErrors::default();
            assert!(pick(chosen, typed).resolve(&ps, &mut errors).is_err());
            assert!(errors.get(field).is_some(), "{chosen:?} {typed:?}");
        }
        let mut errors = FieldErrors::default();
        assert_eq!(pick("", "").required(&ps, &mut errors, "Who heard"), None);
        assert!(errors.get("person").is_some());
    }

    #[test]
    fn the_choice_is_kept_even_when_not_suggested() {
        let ps = people();
        let shown = choices("Choose…", [&ps[0]], "p1", &ps);
        let labels: Vec<(&str, bool)> = shown
            .iter()
            .map(|c| (c.value.as_str(), c.selected))
            .collect();
        assert_eq!(labels, [("", false), ("p1", true), ("p0", false)]);
        let blank = choices("Choose…", [&ps[0], &ps[1]], "", &ps);
        assert_eq!(blank.len(), 3);
        assert!(blank[0].selected);
    }
}

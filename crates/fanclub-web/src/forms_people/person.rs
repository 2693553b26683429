//! The add and edit forms of a person: every field as typed, shown back from a stored
//! person, and parsed whole, what the form does not hold kept from the person edited.

use fanclub_core::{
    CadenceDays, Circle, CoreError, Day, Email, Handle, Influence, Interest, Name, Person, Record,
    Relation, Stance,
};
use serde::Deserialize;

use super::{LONG_TEXT, SHORT_TEXT, items, person_key, text};
use crate::forms::{FieldErrors, keep};

/// The name of the stand-in person a form's defaults come from; never stored.
const PLACEHOLDER: &str = "someone";

/// A person as typed in the add and edit forms. Lists are typed in one field each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct PersonForm {
    pub(crate) name: String,
    pub(crate) handle: String,
    pub(crate) title: String,
    pub(crate) organisation: String,
    pub(crate) team: String,
    /// Separated by commas or spaces.
    pub(crate) emails: String,
    /// One per line.
    pub(crate) phones: String,
    /// One per line.
    pub(crate) links: String,
    pub(crate) circle: String,
    pub(crate) relation: String,
    pub(crate) influence: String,
    pub(crate) interest: String,
    /// Only when adding; a change later is recorded with its date on the stance form.
    pub(crate) stance: String,
    /// When adding: since when their stance holds (today if blank).
    pub(crate) since: String,
    pub(crate) how_met: String,
    pub(crate) introduced_by: String,
    pub(crate) cadence: String,
    pub(crate) birthday: String,
    pub(crate) goals: String,
    pub(crate) struggles: String,
    pub(crate) interests: String,
    pub(crate) notes: String,
}

/// What a valid person form gives.
#[derive(Debug, Clone)]
pub(crate) struct PersonInput {
    pub(crate) person: Person,
    /// Whether the member chose the handle (else it is derived from the name).
    pub(crate) handle_given: bool,
    pub(crate) since: Day,
}

impl PersonForm {
    /// The defaults of a quick add, as a form.
    pub(crate) fn blank(today: Day) -> PersonForm {
        // The defaults are the core's: a person as a quick add creates them.
        Name::parse(PLACEHOLDER)
            .map(|n| PersonForm::of(&Person::new(n), &[]).cleared(today))
            .unwrap_or_default()
    }

    fn cleared(mut self, today: Day) -> PersonForm {
        self.name.clear();
        self.handle.clear();
        self.since = today.to_string();
        self
    }

    /// A person as the edit form shows them.
    pub(crate) fn of(p: &Person, people: &[Record<Person>]) -> PersonForm {
        let join = |v: &[String], sep: &str| v.join(sep);
        PersonForm {
            name: p.name.to_string(),
            handle: p.handle.to_string(),
            title: p.title.clone().unwrap_or_default(),
            organisation: p.organisation.clone().unwrap_or_default(),
            team: p.team.clone().unwrap_or_default(),
            emails: p
                .emails
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            phones: join(&p.phones, "\n"),
            links: join(&p.links, "\n"),
            circle: p.circle.to_string(),
            relation: p.relation.to_string(),
            influence: p.influence.to_string(),
            interest: p.interest.to_string(),
            stance: p.stance.to_string(),
            since: String::new(),
            how_met: p.how_met.clone().unwrap_or_default(),
            introduced_by: p
                .introduced_by
                .and_then(|id| people.iter().find(|o| o.id == id))
                .map(|o| o.handle.to_string())
                .unwrap_or_default(),
            cadence: p.cadence.map(|c| c.to_string()).unwrap_or_default(),
            birthday: p.birthday.clone().unwrap_or_default(),
            goals: p.goals.clone().unwrap_or_default(),
            struggles: p.struggles.clone().unwrap_or_default(),
            interests: p.interests.clone().unwrap_or_default(),
            notes: p.notes.clone().unwrap_or_default(),
        }
    }

    /// Parse every field. `existing` is the person being edited: what the form does not
    /// hold (their stance, their trust) is kept from it.
    pub(crate) fn parse(
        &self,
        existing: Option<&Record<Person>>,
        people: &[Record<Person>],
        today: Day,
    ) -> Result<PersonInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = keep(&mut errors, "name", Name::parse(&self.name));
        // Without a valid name the other fields are still checked, on a stand-in.
        let mut p = match (
            existing,
            name.clone().or_else(|| Name::parse(PLACEHOLDER).ok()),
        ) {
            (Some(e), _) => e.value.clone(),
            (None, Some(n)) => Person::new(n),
            (None, None) => return Err(errors),
        };
        if let Some(n) = name {
            p.name = n;
        }
        let me = existing.map(|e| e.id);
        let handle_given = !self.handle.trim().is_empty();
        if handle_given && let Some(h) = keep(&mut errors, "handle", Handle::parse(&self.handle)) {
            if let Some(other) = people.iter().find(|o| o.handle == h && Some(o.id) != me) {
                errors.push(
                    "handle",
                    CoreError::Conflict(format!(
                        "The handle {h} is already {}'s: choose another, or leave it blank.",
                        other.name
                    )),
                );
            }
            p.handle = h;
        }
        p.title = text(&mut errors, "title", &self.title, SHORT_TEXT);
        p.organisation = text(&mut errors, "organisation", &self.organisation, SHORT_TEXT);
        p.team = text(&mut errors, "team", &self.team, SHORT_TEXT);
        p.emails.clear();
        for e in items(&self.emails, &[',', ';', ' ', '\n', '\r', '\t']) {
            if let Some(email) = keep(&mut errors, "emails", Email::parse(&e))
                && !p.emails.contains(&email)
            {
                p.emails.push(email);
            }
        }
        p.phones = items(&self.phones, &['\n', '\r', ';']);
        p.links = items(&self.links, &['\n', '\r', ' ', '\t']);
        if let Some(c) = keep(&mut errors, "circle", Circle::parse(&self.circle)) {
            p.circle = c;
        }
        if let Some(r) = keep(&mut errors, "relation", Relation::parse(&self.relation)) {
            p.relation = r;
        }
        if let Some(i) = keep(&mut errors, "influence", Influence::parse(&self.influence)) {
            p.influence = i;
        }
        if let Some(i) = keep(&mut errors, "interest", Interest::parse(&self.interest)) {
            p.interest = i;
        }
        let mut since = today;
        if existing.is_none() {
            if let Some(s) = keep(&mut errors, "stance", Stance::parse(&self.stance)) {
                p.stance = s;
            }
            if !self.since.trim().is_empty()
                && let Some(d) = keep(&mut errors, "since", Day::parse_field("since", &self.since))
            {
                since = d;
            }
        }
        p.how_met = text(&mut errors, "how_met", &self.how_met, LONG_TEXT);
        p.introduced_by = if self.introduced_by.trim().is_empty() {
            None
        } else {
            person_key(
                &mut errors,
                "introduced_by",
                &self.introduced_by,
                people,
                me,
            )
        };
        p.cadence = if self.cadence.trim().is_empty() {
            None
        } else {
            keep(&mut errors, "cadence", CadenceDays::parse(&self.cadence))
        };
        p.birthday = text(&mut errors, "birthday", &self.birthday, SHORT_TEXT);
        p.goals = text(&mut errors, "goals", &self.goals, LONG_TEXT);
        p.struggles = text(&mut errors, "struggles", &self.struggles, LONG_TEXT);
        p.interests = text(&mut errors, "interests", &self.interests, LONG_TEXT);
        p.notes = text(&mut errors, "notes", &self.notes, LONG_TEXT);
        if let Err(e) = p.validate() {
            let field = match e.field().unwrap_or("") {
                f if f.starts_with("phones") => "phones",
                f if f.starts_with("links") => "links",
                _ => "birthday",
            };
            errors.push(field, e);
        }
        if errors.is_empty() {
            Ok(PersonInput {
                person: p,
                handle_given,
                since,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms_people::fixtures::{people, today};
    use fanclub_core::PersonId;

    #[test]
    fn a_blank_person_form_has_the_quick_add_defaults() {
        let f = PersonForm::blank(today());
        assert_eq!(
            (f.circle.as_str(), f.stance.as_str(), f.influence.as_str()),
            ("company", "unknown", "3")
        );
        assert!(f.name.is_empty());
    }

    #[test]
    fn every_bad_person_field_is_reported_by_its_form_name() {
        let form = PersonForm {
            name: " ".into(),
            influence: "9".into(),
            circle: "galaxy".into(),
            emails: "dana@example.com, nope".into(),
            introduced_by: "zoe".into(),
            birthday: "13/13".into(),
            cadence: "often".into(),
            ..PersonForm::blank(today())
        };
        let errors = form.parse(None, &people(), today()).unwrap_err();
        for field in [
            "name",
            "influence",
            "circle",
            "emails",
            "introduced_by",
            "cadence",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert_eq!(errors.message("name").unwrap(), "Give their name.");
        assert!(errors.message("influence").unwrap().contains("1 to 5"));
    }

    #[test]
    fn editing_keeps_what_the_form_does_not_hold() {
        let mut dana = people().remove(0);
        dana.stance = Stance::Advocate;
        let mut form = PersonForm::of(&dana, &people());
        form.title = "VP Sales".into();
        form.introduced_by = "ravi".into();
        let got = form.parse(Some(&dana), &people(), today()).unwrap();
        assert_eq!(got.person.stance, Stance::Advocate);
        assert_eq!(got.person.title.as_deref(), Some("VP Sales"));
        assert_eq!(got.person.introduced_by, Some(PersonId::from_raw(2)));
        // Nobody introduced themselves.
        form.introduced_by = "dana-kim".into();
        assert!(form.parse(Some(&dana), &people(), today()).is_err());
    }
}

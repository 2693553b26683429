//! What the member types, as typed, and its parsing into core values with the core's
//! parsers. Every field is checked (not just the first bad one) so a form can show each
//! error next to its field and keep everything that was typed.

use fanclub_core::resolve::resolve_person;
use fanclub_core::{
    CadenceDays, Circle, CoreError, Day, Email, Handle, Influence, Interaction, InteractionKind,
    Interest, Name, Person, Record, Relation, Stance, Title, optional_text,
};
use serde::Deserialize;

/// Longest free text kept for notes and what I learned.
pub(crate) const LONG_TEXT: usize = 10_000;
/// Longest follow-up or short text field.
pub(crate) const SHORT_TEXT: usize = 2_000;

/// The errors of a form, by field, in the form's order.
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldErrors(Vec<(&'static str, CoreError)>);

impl FieldErrors {
    pub(crate) fn push(&mut self, field: &'static str, e: CoreError) {
        if self.get(field).is_none() {
            self.0.push((field, e));
        }
    }

    pub(crate) fn get(&self, field: &str) -> Option<&CoreError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    /// What to print next to `field`, in the member's terms.
    pub(crate) fn message(&self, field: &str) -> Option<String> {
        self.get(field).map(|e| message(field, e))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// The first error, named after the request's own field (for the API).
    pub(crate) fn into_first(self) -> Option<CoreError> {
        self.0.into_iter().next().map(|(field, e)| match e {
            CoreError::Invalid {
                value, expected, ..
            } => CoreError::Invalid {
                field: field.to_string(),
                value,
                expected,
            },
            other => other,
        })
    }
}

fn message(field: &str, e: &CoreError) -> String {
    match e {
        CoreError::Invalid { value, .. } if value.trim().is_empty() && field == "summary" => {
            "Say in a few words what happened.".to_string()
        }
        CoreError::Invalid { value, .. } if value.trim().is_empty() && field == "with" => {
            "Name at least one person: a handle or a name.".to_string()
        }
        CoreError::Invalid { value, .. } if value.trim().is_empty() && field == "name" => {
            "Give their name.".to_string()
        }
        CoreError::Invalid { expected, .. } => format!("Use {expected}."),
        CoreError::NotFound { key, .. } => {
            format!("No one here matches “{key}”. Check the spelling, or add them first.")
        }
        CoreError::Ambiguous {
            key, candidates, ..
        } => format!(
            "“{key}” matches more than one person: {}. Type the handle of the one you mean.",
            candidates.join(", ")
        ),
        other => other.to_string(),
    }
}

/// E-mail addresses typed into one field, separated by commas; the error names the one
/// that is not an address.
pub(crate) fn email_list(text: &str) -> Result<Vec<Email>, CoreError> {
    fanclub_core::Settings::parse_emails(text).map_err(|e| match e {
        CoreError::Invalid { field, value, .. } => CoreError::invalid(
            field,
            value.clone(),
            format!(
                "e-mail addresses like dana@example.com, separated by commas: “{}” is not one",
                value.trim()
            ),
        ),
        other => other,
    })
}

/// Keep a field's value and the first error about it.
pub(crate) fn keep<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    r: Result<T, CoreError>,
) -> Option<T> {
    r.map_err(|e| errors.push(field, e)).ok()
}

/// A posted form as its name/value pairs, in order: what `Form<T>` cannot hold when a
/// name repeats (a group of checkboxes) or names are built per row (`track-2-name`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct Pairs(Vec<(String, String)>);

impl Pairs {
    /// The first value of `name`, or blank.
    pub(crate) fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `name`, in the order posted.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Was `name` posted at all (a ticked checkbox)?
    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

/// An interaction as typed, before any parsing. `with` holds handles or names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(default)]
#[schema(example = json!({
    "on": "2026-03-02", "kind": "coffee", "with": ["dana-kim"],
    "summary": "Coffee about the roadmap", "learned": "Wants to grow the platform team"
}))]
pub(crate) struct InteractionDraft {
    /// `YYYY-MM-DD`; blank or absent means today.
    pub(crate) on: String,
    /// `1:1`, `meeting`, `coffee`, `message`, `presentation`, `demo`, `help-given`,
    /// `help-received`, `introduction` or `feedback`.
    pub(crate) kind: String,
    /// Who was there: ids, handles or unambiguous names (at least one).
    pub(crate) with: Vec<String>,
    /// What happened, in one line.
    pub(crate) summary: String,
    pub(crate) notes: String,
    /// What I learned about them: their goals, struggles, what they care about.
    pub(crate) learned: String,
    /// Something I promised or want to do next.
    pub(crate) follow_up: String,
    /// `YYYY-MM-DD`; needs a `follow_up`.
    pub(crate) follow_up_due: String,
}

impl InteractionDraft {
    /// Parse every field; `people` resolves the participants.
    pub(crate) fn parse(
        &self,
        people: &[Record<Person>],
        today: Day,
    ) -> Result<Interaction, FieldErrors> {
        let mut errors = FieldErrors::default();
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("on", &self.on))
        };
        let kind = keep(&mut errors, "kind", InteractionKind::parse(&self.kind));
        let keys: Vec<&str> = self
            .with
            .iter()
            .map(|k| k.trim())
            .filter(|k| !k.is_empty())
            .collect();
        if keys.is_empty() {
            errors.push(
                "with",
                CoreError::invalid("with", "", "at least one person"),
            );
        }
        let mut participants = Vec::with_capacity(keys.len());
        for k in keys {
            if let Some(id) = keep(&mut errors, "with", resolve_person(people, k))
                && !participants.contains(&id)
            {
                participants.push(id);
            }
        }
        let summary = keep(&mut errors, "summary", Title::parse(&self.summary));
        let notes = keep(
            &mut errors,
            "notes",
            optional_text("notes", &self.notes, LONG_TEXT),
        );
        let learned = keep(
            &mut errors,
            "learned",
            optional_text("learned", &self.learned, LONG_TEXT),
        );
        let follow_up = keep(
            &mut errors,
            "follow_up",
            optional_text("follow_up", &self.follow_up, SHORT_TEXT),
        );
        let follow_up_due = if self.follow_up_due.trim().is_empty() {
            Some(None)
        } else {
            keep(
                &mut errors,
                "follow_up_due",
                Day::parse_field("follow_up_due", &self.follow_up_due).map(Some),
            )
        };
        let (
            Some(on),
            Some(kind),
            Some(summary),
            Some(notes),
            Some(learned),
            Some(follow_up),
            Some(follow_up_due),
        ) = (on, kind, summary, notes, learned, follow_up, follow_up_due)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut interaction = Interaction::new(on, kind, summary, participants);
        interaction.notes = notes;
        interaction.learned = learned;
        interaction.follow_up = follow_up;
        interaction.follow_up_due = follow_up_due;
        // The rules that span fields are the core's; name our field when one fails.
        interaction.validate().map_err(|e| {
            let field = match e.field() {
                Some("follow-up-due") => "follow_up_due",
                _ => "with",
            };
            errors.push(field, e);
            errors
        })?;
        Ok(interaction)
    }
}

/// The interaction form as posted: `with` is one text field, comma-separated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct InteractionForm {
    pub(crate) on: String,
    pub(crate) kind: String,
    pub(crate) with: String,
    pub(crate) summary: String,
    pub(crate) notes: String,
    pub(crate) learned: String,
    pub(crate) follow_up: String,
    pub(crate) follow_up_due: String,
}

impl InteractionForm {
    pub(crate) fn draft(&self) -> InteractionDraft {
        InteractionDraft {
            on: self.on.clone(),
            kind: self.kind.clone(),
            with: self.with.split([',', ';']).map(str::to_owned).collect(),
            summary: self.summary.clone(),
            notes: self.notes.clone(),
            learned: self.learned.clone(),
            follow_up: self.follow_up.clone(),
            follow_up_due: self.follow_up_due.clone(),
        }
    }
}

/// A new person as sent to the API; only the name is required.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
#[schema(example = json!({
    "name": "Dana Kim", "organisation": "Harborlight", "title": "VP Sales",
    "circle": "company", "relation": "executive", "influence": 5, "interest": 3,
    "stance": "aware"
}))]
pub(crate) struct PersonDraft {
    pub(crate) name: String,
    /// Lowercase letters, digits and dashes; derived from the name when absent.
    pub(crate) handle: Option<String>,
    pub(crate) emails: Vec<String>,
    pub(crate) organisation: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) team: Option<String>,
    /// `team`, `company` (the default) or `outside`.
    pub(crate) circle: Option<String>,
    /// `manager`, `skip-level`, `peer` (the default), `cross-functional`, `report`,
    /// `executive`, `mentor` or `external`.
    pub(crate) relation: Option<String>,
    /// Power over decisions about me, 1–5 (3 by default).
    pub(crate) influence: Option<i64>,
    /// Interest in my work, 1–5 (3 by default).
    pub(crate) interest: Option<i64>,
    /// `detractor`, `unknown` (the default), `aware`, `supporter`, `advocate` or `sponsor`.
    pub(crate) stance: Option<String>,
    pub(crate) goals: Option<String>,
    pub(crate) struggles: Option<String>,
    pub(crate) interests: Option<String>,
    pub(crate) how_met: Option<String>,
    /// `21`, `21d`, `3w` or `2m`.
    pub(crate) cadence: Option<String>,
    pub(crate) notes: Option<String>,
}

impl PersonDraft {
    /// Parse every field; the handle is left to derive when none was given.
    pub(crate) fn parse(&self) -> Result<Person, FieldErrors> {
        let mut errors = FieldErrors::default();
        let Some(name) = keep(&mut errors, "name", Name::parse(&self.name)) else {
            return Err(errors);
        };
        let mut p = Person::new(name);
        macro_rules! set {
            ($field:ident, $key:literal, $parse:expr) => {
                if let Some(raw) = &self.$field {
                    if let Some(v) = keep(&mut errors, $key, $parse(raw)) {
                        p.$field = v;
                    }
                }
            };
        }
        set!(handle, "handle", Handle::parse);
        set!(circle, "circle", Circle::parse);
        set!(relation, "relation", Relation::parse);
        set!(stance, "stance", Stance::parse);
        set!(influence, "influence", |n: &i64| Influence::new(*n));
        set!(interest, "interest", |n: &i64| Interest::new(*n));
        set!(cadence, "cadence", |s: &str| CadenceDays::parse(s)
            .map(Some));
        let text = |field: &'static str, max: usize| move |s: &String| optional_text(field, s, max);
        set!(
            organisation,
            "organisation",
            text("organisation", SHORT_TEXT)
        );
        set!(title, "title", text("title", SHORT_TEXT));
        set!(team, "team", text("team", SHORT_TEXT));
        set!(goals, "goals", text("goals", LONG_TEXT));
        set!(struggles, "struggles", text("struggles", LONG_TEXT));
        set!(interests, "interests", text("interests", LONG_TEXT));
        set!(how_met, "how_met", text("how_met", SHORT_TEXT));
        set!(notes, "notes", text("notes", LONG_TEXT));
        for e in &self.emails {
            if let Some(email) = keep(&mut errors, "emails", Email::parse(e)) {
                p.emails.push(email);
            }
        }
        if let Err(e) = p.validate() {
            errors.push("person", e);
        }
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanclub_core::PersonId;

    fn people() -> Vec<Record<Person>> {
        vec![Record::new(
            PersonId::from_raw(1),
            Person::new(Name::parse("Dana Kim").unwrap()),
        )]
    }

    fn today() -> Day {
        Day::parse("2026-03-01").unwrap()
    }

    #[test]
    fn a_good_form_parses_and_blank_date_means_today() {
        let form = InteractionForm {
            kind: "coffee".into(),
            with: "dana".into(),
            summary: "Talked roadmap".into(),
            ..InteractionForm::default()
        };
        let i = form.draft().parse(&people(), today()).unwrap();
        assert_eq!(i.on, today());
        assert_eq!(i.people, vec![PersonId::from_raw(1)]);
        assert_eq!(i.notes, None);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let form = InteractionForm {
            on: "2026-02-30".into(),
            kind: "lunch".into(),
            with: "zoe".into(),
            follow_up_due: "soon".into(),
            ..InteractionForm::default()
        };
        let errors = form.draft().parse(&people(), today()).unwrap_err();
        for field in ["on", "kind", "with", "summary", "follow_up_due"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(errors.message("on").unwrap().contains("YYYY-MM-DD"));
        assert!(errors.message("with").unwrap().contains("zoe"));
        assert_eq!(
            errors.message("summary").unwrap(),
            "Say in a few words what happened."
        );
    }

    #[test]
    fn a_due_date_needs_a_follow_up() {
        let form = InteractionForm {
            kind: "1:1".into(),
            with: "dana-kim".into(),
            summary: "Sync".into(),
            follow_up_due: "2026-03-08".into(),
            ..InteractionForm::default()
        };
        let errors = form.draft().parse(&people(), today()).unwrap_err();
        assert!(errors.get("follow_up_due").is_some(), "{errors:?}");
    }

    #[test]
    fn person_fields_are_checked_with_their_names() {
        let draft = PersonDraft {
            name: "Dana Kim".into(),
            influence: Some(7),
            stance: Some("fan".into()),
            ..PersonDraft::default()
        };
        let errors = draft.parse().unwrap_err();
        assert_eq!(errors.len(), 2);
        let first = errors.into_first().unwrap();
        assert_eq!(first.field(), Some("stance"));
    }
}

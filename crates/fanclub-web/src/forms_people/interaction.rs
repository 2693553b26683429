//! An interaction being edited: the log form's fields, read with its rules, and whether
//! its follow-up is done.

use fanclub_core::{Day, Interaction, Person, Record};
use serde::Deserialize;

use crate::forms::{FieldErrors, InteractionForm};

/// An interaction being edited: the log form's fields and whether the follow-up is done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct InteractionEditForm {
    /// The log form's own fields, read with its rules.
    #[serde(flatten)]
    pub(crate) log: InteractionForm,
    /// `on` when ticked.
    pub(crate) follow_up_done: String,
    /// The person page to return to.
    pub(crate) back: String,
}

impl InteractionEditForm {
    pub(crate) fn of(i: &Interaction, people: &[Record<Person>]) -> InteractionEditForm {
        InteractionEditForm {
            log: InteractionForm {
                on: i.on.to_string(),
                kind: i.kind.to_string(),
                with: i
                    .people
                    .iter()
                    .filter_map(|id| people.iter().find(|p| p.id == *id))
                    .map(|p| p.handle.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                summary: i.summary.to_string(),
                notes: i.notes.clone().unwrap_or_default(),
                learned: i.learned.clone().unwrap_or_default(),
                follow_up: i.follow_up.clone().unwrap_or_default(),
                follow_up_due: i.follow_up_due.map(|d| d.to_string()).unwrap_or_default(),
            },
            follow_up_done: if i.follow_up_done {
                "on".into()
            } else {
                String::new()
            },
            back: String::new(),
        }
    }

    /// Parse with the log form's rules; what the form does not hold is kept from `before`.
    pub(crate) fn parse(
        &self,
        before: &Interaction,
        people: &[Record<Person>],
        today: Day,
    ) -> Result<Interaction, FieldErrors> {
        let mut i = self.log.draft().parse(people, today)?;
        i.follow_up_done = i.follow_up.is_some() && !self.follow_up_done.trim().is_empty();
        i.external_ref = before.external_ref.clone();
        Ok(i)
    }
}

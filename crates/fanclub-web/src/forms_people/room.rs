//! The forms of the rooms pages: a decision with the people who decide it or have a voice
//! in it, and one seat in its room.

use fanclub_core::{
    CoreError, Day, Decision, DecisionKind, Person, Record, RoomRole, Seat, Title, optional_text,
};
use serde::Deserialize;

use super::{LONG_TEXT, items, person_key};
use crate::forms::{FieldErrors, keep};

/// A decision (a room) as typed. Deciders and voices are only asked when adding; the
/// room page seats people one by one afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct DecisionForm {
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) on: String,
    pub(crate) notes: String,
    /// Handles or names, separated by commas.
    pub(crate) deciders: String,
    pub(crate) voices: String,
}

impl DecisionForm {
    pub(crate) fn blank() -> DecisionForm {
        DecisionForm {
            kind: DecisionKind::Promotion.to_string(),
            ..DecisionForm::default()
        }
    }

    pub(crate) fn of(d: &Decision) -> DecisionForm {
        DecisionForm {
            title: d.title.to_string(),
            kind: d.kind.to_string(),
            on: d.on.to_string(),
            notes: d.notes.clone().unwrap_or_default(),
            ..DecisionForm::default()
        }
    }

    /// Parse every field; `room` is the room kept when editing.
    pub(crate) fn parse(
        &self,
        people: &[Record<Person>],
        room: Vec<Seat>,
    ) -> Result<Decision, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = keep(&mut errors, "title", Title::parse(&self.title));
        let kind = keep(&mut errors, "kind", DecisionKind::parse(&self.kind));
        let on = keep(&mut errors, "on", Day::parse_field("on", &self.on));
        let notes = keep(
            &mut errors,
            "notes",
            optional_text("notes", &self.notes, LONG_TEXT),
        );
        let mut room = room;
        for (field, keys, role) in [
            ("deciders", &self.deciders, RoomRole::Decider),
            ("voices", &self.voices, RoomRole::Voice),
        ] {
            for key in items(keys, &[',', ';', '\n']) {
                let Some(person) = person_key(&mut errors, field, &key, people, None) else {
                    continue;
                };
                if room.iter().any(|s| s.person == person) {
                    errors.push(
                        field,
                        CoreError::invalid(
                            field,
                            &key,
                            "each person once in a room, as decider or as voice",
                        ),
                    );
                } else {
                    room.push(Seat { person, role });
                }
            }
        }
        let (Some(title), Some(kind), Some(on), Some(notes)) = (title, kind, on, notes) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let d = Decision {
            title,
            kind,
            on,
            notes,
            room,
        };
        d.validate().map_err(|e| {
            errors.push("deciders", e);
            errors
        })?;
        Ok(d)
    }
}

/// A seat in a room: someone and their part in the decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct SeatForm {
    pub(crate) person: String,
    pub(crate) role: String,
}

impl SeatForm {
    pub(crate) fn blank() -> SeatForm {
        SeatForm {
            person: String::new(),
            role: RoomRole::Voice.to_string(),
        }
    }

    pub(crate) fn parse(&self, people: &[Record<Person>]) -> Result<Seat, FieldErrors> {
        let mut errors = FieldErrors::default();
        let person = if self.person.trim().is_empty() {
            errors.push(
                "person",
                CoreError::invalid("person", "", "the handle or name of someone in the room"),
            );
            None
        } else {
            person_key(&mut errors, "person", &self.person, people, None)
        };
        let role = keep(&mut errors, "role", RoomRole::parse(&self.role));
        match (person, role) {
            (Some(person), Some(role)) => Ok(Seat { person, role }),
            _ => Err(errors),
        }
    }
}

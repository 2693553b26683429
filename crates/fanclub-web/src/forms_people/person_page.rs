//! The small forms on a person's page: a stance change with its date, the four trust
//! factors, and someone they know.

use fanclub_core::{
    CoreError, Day, Person, PersonId, Record, Stance, Strength, Trust, TrustFactor, optional_text,
};
use serde::Deserialize;

use super::{LONG_TEXT, person_key};
use crate::forms::{FieldErrors, keep};

/// A stance change with its date, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct StanceForm {
    pub(crate) stance: String,
    pub(crate) on: String,
    pub(crate) note: String,
}

impl StanceForm {
    pub(crate) fn blank(current: Stance, today: Day) -> StanceForm {
        StanceForm {
            stance: current.to_string(),
            on: today.to_string(),
            note: String::new(),
        }
    }

    /// The person with their new stance; the note goes, dated, into their notes (the
    /// stance history keeps no notes of its own), as the CLI does.
    pub(crate) fn apply(&self, p: &mut Person, today: Day) -> Result<Day, FieldErrors> {
        let mut errors = FieldErrors::default();
        let stance = keep(&mut errors, "stance", Stance::parse(&self.stance));
        let on = if self.on.trim().is_empty() {
            Some(today)
        } else {
            keep(&mut errors, "on", Day::parse_field("on", &self.on))
        };
        let note = keep(
            &mut errors,
            "note",
            optional_text("note", &self.note, LONG_TEXT),
        );
        let (Some(stance), Some(on), Some(note)) = (stance, on, note) else {
            return Err(errors);
        };
        if stance == p.stance && note.is_none() {
            errors.push(
                "stance",
                CoreError::invalid(
                    "stance",
                    stance.as_str(),
                    format!(
                        "a stance other than {stance}, which they already hold (or add a note)"
                    ),
                ),
            );
            return Err(errors);
        }
        if let Some(n) = note {
            let entry = format!("{on}, stance {} → {stance}: {n}", p.stance);
            p.notes = Some(match p.notes.take() {
                Some(old) => format!("{old}\n\n{entry}"),
                None => entry,
            });
        }
        p.stance = stance;
        Ok(on)
    }
}

/// The four factors of the trust equation, each 1–10.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct TrustForm {
    pub(crate) credibility: String,
    pub(crate) reliability: String,
    pub(crate) intimacy: String,
    pub(crate) self_orientation: String,
}

impl TrustForm {
    pub(crate) fn of(t: Option<&Trust>) -> TrustForm {
        let f = |x: Option<TrustFactor>, d: &str| x.map(|x| x.to_string()).unwrap_or(d.into());
        TrustForm {
            credibility: f(t.map(|t| t.credibility), "5"),
            reliability: f(t.map(|t| t.reliability), "5"),
            intimacy: f(t.map(|t| t.intimacy), "5"),
            self_orientation: f(t.map(|t| t.self_orientation), "5"),
        }
    }

    pub(crate) fn parse(&self) -> Result<Trust, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut factor =
            |field: &'static str, s: &str| keep(&mut errors, field, TrustFactor::parse(s));
        let c = factor("credibility", &self.credibility);
        let r = factor("reliability", &self.reliability);
        let i = factor("intimacy", &self.intimacy);
        let s = factor("self_orientation", &self.self_orientation);
        match (c, r, i, s) {
            (Some(credibility), Some(reliability), Some(intimacy), Some(self_orientation)) => {
                Ok(Trust {
                    credibility,
                    reliability,
                    intimacy,
                    self_orientation,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Someone this person knows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct ConnectionForm {
    /// The other person: a handle or a name.
    pub(crate) other: String,
    pub(crate) strength: String,
    pub(crate) note: String,
}

impl ConnectionForm {
    pub(crate) fn blank() -> ConnectionForm {
        ConnectionForm {
            strength: "3".into(),
            ..ConnectionForm::default()
        }
    }

    pub(crate) fn parse(
        &self,
        me: PersonId,
        people: &[Record<Person>],
    ) -> Result<fanclub_core::Connection, FieldErrors> {
        let mut errors = FieldErrors::default();
        let other = if self.other.trim().is_empty() {
            errors.push(
                "other",
                CoreError::invalid("other", "", "the handle or name of someone they know"),
            );
            None
        } else {
            person_key(&mut errors, "other", &self.other, people, Some(me))
        };
        let strength = keep(&mut errors, "strength", Strength::parse(&self.strength));
        let note = keep(
            &mut errors,
            "note",
            optional_text("note", &self.note, LONG_TEXT),
        );
        let (Some(b), Some(strength), Some(note)) = (other, strength, note) else {
            return Err(errors);
        };
        fanclub_core::Connection {
            a: me,
            b,
            strength,
            note,
        }
        .normalized()
        .map_err(|e| {
            errors.push("other", e);
            errors
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms_people::fixtures::{people, today};

    #[test]
    fn a_stance_change_needs_a_new_stance_or_a_note() {
        let mut p = people().remove(0).value;
        let same = StanceForm::blank(p.stance, today());
        assert!(same.apply(&mut p.clone(), today()).is_err());
        let up = StanceForm {
            stance: "supporter".into(),
            on: "2026-02-20".into(),
            note: "Backed my proposal".into(),
        };
        let on = up.apply(&mut p, today()).unwrap();
        assert_eq!(
            (p.stance, on.to_string().as_str()),
            (Stance::Supporter, "2026-02-20")
        );
        assert!(
            p.notes
                .unwrap()
                .contains("unknown → supporter: Backed my proposal")
        );
    }
}

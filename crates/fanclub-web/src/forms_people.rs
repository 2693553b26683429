//! The forms of the people, interaction, room and weekly-review pages, as typed, and their
//! parsing into core values with the core's parsers (so a message reads as the CLI's).
//! Every field is checked, not just the first bad one, and each error is kept by the
//! form's own field name so the page can show it next to that field.

use std::collections::HashSet;

use fanclub_core::resolve::resolve_person;
use fanclub_core::{
    CadenceDays, Circle, CoreError, Day, Decision, DecisionKind, Email, Handle, Influence,
    Interaction, Interest, Name, Person, PersonId, Record, Relation, RoomRole, Seat, Stance,
    Strength, Title, Trust, TrustFactor, WeeklyReview, optional_text,
};
use serde::Deserialize;

use crate::forms::{FieldErrors, InteractionForm, Pairs, keep};

/// The longest short text (organisation, title, team), as the CLI allows.
pub(crate) const SHORT_TEXT: usize = 300;
/// The longest free text (notes, goals, what I learned), as the CLI allows.
pub(crate) const LONG_TEXT: usize = 20_000;

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

/// The member's part of the weekly review, as posted. Commitments for next week are one
/// per line; `kept` repeats, once per ticked commitment of last week (numbered from 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReviewForm {
    pub(crate) wins: String,
    pub(crate) learned: String,
    pub(crate) helped: String,
    pub(crate) commitments: String,
    pub(crate) kept: HashSet<usize>,
}

impl ReviewForm {
    pub(crate) fn from_pairs(p: &Pairs) -> ReviewForm {
        ReviewForm {
            wins: p.one("wins"),
            learned: p.one("learned"),
            helped: p.one("helped"),
            commitments: p.one("commitments"),
            kept: p
                .all("kept")
                .iter()
                .filter_map(|n| n.trim().parse().ok())
                .collect(),
        }
    }

    pub(crate) fn of(r: &WeeklyReview) -> ReviewForm {
        ReviewForm {
            wins: r.wins.clone().unwrap_or_default(),
            learned: r.learned.clone().unwrap_or_default(),
            helped: r.helped.clone().unwrap_or_default(),
            commitments: r.next_week.join("\n"),
            kept: r
                .last_week
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kept == Some(true))
                .map(|(i, _)| i + 1)
                .collect(),
        }
    }

    /// Write the member's part into `r`: saving the form says, for each of last week's
    /// commitments, whether it was kept (ticked) or not.
    pub(crate) fn apply(&self, r: &mut WeeklyReview) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        let wins = keep(
            &mut errors,
            "wins",
            optional_text("wins", &self.wins, LONG_TEXT),
        );
        let learned = keep(
            &mut errors,
            "learned",
            optional_text("learned", &self.learned, LONG_TEXT),
        );
        let helped = keep(
            &mut errors,
            "helped",
            optional_text("helped", &self.helped, LONG_TEXT),
        );
        let mut next = Vec::new();
        for c in items(&self.commitments, &['\n', '\r']) {
            if let Some(c) = keep(
                &mut errors,
                "commitments",
                optional_text("commitments", &c, SHORT_TEXT),
            )
            .flatten()
            {
                next.push(c);
            }
        }
        let count = r.last_week.len();
        if let Some(n) = self.kept.iter().find(|n| **n == 0 || **n > count) {
            errors.push(
                "kept",
                CoreError::invalid(
                    "kept",
                    n.to_string(),
                    format!("a number from 1 to {count} (last week's commitments)"),
                ),
            );
        }
        let (Some(wins), Some(learned), Some(helped)) = (wins, learned, helped) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        r.wins = wins;
        r.learned = learned;
        r.helped = helped;
        r.next_week = next;
        for (i, c) in r.last_week.iter_mut().enumerate() {
            c.kept = Some(self.kept.contains(&(i + 1)));
        }
        r.validate().map_err(|e| {
            errors.push("commitments", e);
            errors
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use fanclub_core::PersonId;

    fn people() -> Vec<Record<Person>> {
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

    fn today() -> Day {
        Day::parse("2026-03-02").unwrap()
    }

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

    #[test]
    fn a_review_marks_every_commitment_of_last_week() {
        let mut r = WeeklyReview {
            week: today().iso_week(),
            agenda: serde_json::Value::Null,
            last_week: vec![
                fanclub_core::Commitment {
                    text: "Coffee with Dana".into(),
                    kept: None,
                },
                fanclub_core::Commitment {
                    text: "Share the launch".into(),
                    kept: None,
                },
            ],
            wins: None,
            learned: None,
            helped: None,
            next_week: vec![],
            saved_on: today(),
        };
        let form = ReviewForm {
            commitments: "Ask Ravi about the budget\n\n  Send notes  \n".into(),
            kept: [2].into_iter().collect(),
            ..ReviewForm::default()
        };
        form.apply(&mut r).unwrap();
        assert_eq!(r.next_week, vec!["Ask Ravi about the budget", "Send notes"]);
        assert_eq!(
            r.last_week.iter().map(|c| c.kept).collect::<Vec<_>>(),
            vec![Some(false), Some(true)]
        );
        let bad = ReviewForm {
            kept: [3].into_iter().collect(),
            ..ReviewForm::default()
        };
        assert!(bad.apply(&mut r).unwrap_err().get("kept").is_some());
    }
}

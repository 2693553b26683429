//! What an import proposes to do, record by record, before anything is written: the dry run
//! prints it, and the store applies it whole in one transaction.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::{Day, Interaction, Person, PersonId};

/// Someone an imported interaction is with: a person already stored, or one this plan
/// creates (by index into [`ImportPlan::creates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanPerson {
    Existing(PersonId),
    New(usize),
}

/// A person the import adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewPerson {
    /// Where the record is in its file (`line 12`, `card 3`).
    pub at: String,
    pub person: Person,
}

/// A person already stored whom the import completes: empty fields filled, new addresses,
/// phones and links added; nothing the member wrote is replaced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonUpdate {
    /// The records that matched them.
    pub at: Vec<String>,
    pub id: PersonId,
    /// How they were matched (`e-mail`, `profile`, `name and organisation`, or `name`
    /// when one side has no organisation).
    pub matched_by: &'static str,
    /// The person as they will be.
    pub person: Person,
    /// The fields that change.
    pub fields: Vec<&'static str>,
}

/// An interaction the import adds (a calendar meeting, a LinkedIn connection).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewInteraction {
    pub at: String,
    /// The interaction, its `people` left empty: they are in `with`, as some may not exist yet.
    pub interaction: Interaction,
    pub with: Vec<PlanPerson>,
    /// The names of the people in `with`, for the dry run.
    pub names: Vec<String>,
}

/// A record left alone, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skip {
    pub at: String,
    pub name: String,
    pub reason: String,
}

/// A record that could be more than one person: reported, never guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ambiguity {
    pub at: String,
    pub name: String,
    /// Who it could be (`Dana Kim (#4)`, or the place of another record in the file).
    pub candidates: Vec<String>,
    /// What the import did about it.
    pub resolution: String,
}

/// A new person whose name someone else already has (stored, or new in the same file)
/// at another organisation. Usually two people; sometimes one person whose organisation
/// two sources spell differently ("Acme Corp", "Acme Corporation"). Created, never
/// guessed, and reported with the merge that would join them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PossibleDuplicate {
    pub at: String,
    pub name: String,
    /// The new person's handle.
    pub handle: String,
    /// Who else has the name: `Dana Kim (dana-kim, Acme Corporation)`.
    pub others: Vec<String>,
    /// The command that would fold the new person into the first of them.
    pub merge: String,
}

/// People a calendar meeting imported before is with now: the member added them (or
/// their addresses) after that import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    pub at: String,
    /// The meeting's `external_ref`.
    pub reference: String,
    pub on: Day,
    pub summary: String,
    pub people: Vec<PersonId>,
    /// Their names, for the dry run.
    pub names: Vec<String>,
}

/// What earlier imports left behind: the reference of every interaction they added and,
/// for calendar meetings, who each is with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub refs: HashSet<String>,
    pub with: HashMap<String, Vec<PersonId>>,
}

impl Imported {
    /// From the store's `external_refs` and `calendar_participants`.
    pub fn new(refs: Vec<String>, participants: Vec<(String, PersonId)>) -> Imported {
        let mut with: HashMap<String, Vec<PersonId>> = HashMap::new();
        for (reference, person) in participants {
            with.entry(reference).or_default().push(person);
        }
        Imported {
            refs: refs.into_iter().collect(),
            with,
        }
    }
}

impl From<HashSet<String>> for Imported {
    fn from(refs: HashSet<String>) -> Imported {
        Imported {
            refs,
            with: HashMap::new(),
        }
    }
}

/// Everything one import would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPlan {
    /// The day the import happens: new people's first stance is dated on it.
    pub on: Day,
    pub creates: Vec<NewPerson>,
    pub updates: Vec<PersonUpdate>,
    pub interactions: Vec<NewInteraction>,
    pub skipped: Vec<Skip>,
    pub ambiguous: Vec<Ambiguity>,
    /// New people among `creates` who may be someone already known.
    pub possible_duplicates: Vec<PossibleDuplicate>,
    /// People to add to meetings imported before.
    pub joins: Vec<Join>,
}

impl ImportPlan {
    pub fn new(on: Day) -> ImportPlan {
        ImportPlan {
            on,
            creates: Vec::new(),
            updates: Vec::new(),
            interactions: Vec::new(),
            skipped: Vec::new(),
            ambiguous: Vec::new(),
            possible_duplicates: Vec::new(),
            joins: Vec::new(),
        }
    }

    /// True when applying the plan would write nothing (a re-import of the same file).
    pub fn writes_nothing(&self) -> bool {
        self.creates.is_empty()
            && self.updates.is_empty()
            && self.interactions.is_empty()
            && self.joins.is_empty()
    }

    pub fn counts(&self) -> PlanCounts {
        PlanCounts {
            created: self.creates.len() as u64,
            updated: self.updates.len() as u64,
            interactions: self.interactions.len() as u64,
            skipped: self.skipped.len() as u64,
            ambiguous: self.ambiguous.len() as u64,
            joined: self.joins.iter().map(|j| j.people.len() as u64).sum(),
        }
    }
}

/// How many of each outcome a plan holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PlanCounts {
    pub created: u64,
    pub updated: u64,
    pub interactions: u64,
    pub skipped: u64,
    pub ambiguous: u64,
    /// People added to meetings imported before.
    pub joined: u64,
}

/// What applying a plan wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub people_created: u64,
    pub people_updated: u64,
    pub interactions_created: u64,
    /// People added to meetings imported before.
    pub people_joined: u64,
    /// The new people's ids, in the order of the plan's `creates`.
    pub created_ids: Vec<PersonId>,
}

/// What merging a duplicate into the person kept moved, dropped and filled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonMerge {
    pub interactions_moved: u64,
    /// Interactions both were in: the duplicate's place in them is dropped.
    pub interactions_shared: u64,
    pub connections_moved: u64,
    /// Connections that would clash with one the person kept already has, or linked the two.
    pub connections_dropped: u64,
    pub shares_moved: u64,
    pub room_seats_moved: u64,
    /// Rooms both sat in: the kept person's seat stays.
    pub room_seats_dropped: u64,
    pub evidence_moved: u64,
    pub stance_changes_moved: u64,
    pub perception_checks_moved: u64,
    pub opportunities_moved: u64,
    pub introductions_moved: u64,
    /// The kept person's fields filled from the duplicate.
    pub fields_filled: Vec<&'static str>,
}

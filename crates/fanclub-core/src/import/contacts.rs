//! Planning a contacts import (LinkedIn, Google, vCard): each record is matched to the
//! people already there, by e-mail, then profile address, then name and organisation, and
//! becomes a new person, an update that fills gaps, or nothing at all.
//!
//! A record matching two people is reported and left out; two records of the file that are
//! the same new person become one person. LinkedIn's "connected on" becomes a `message`
//! interaction ("Connected on LinkedIn") on that day, referenced `linkedin:<profile>`, so a
//! re-import finds it and adds nothing.

use std::collections::{HashMap, HashSet};

use crate::import::fill::fill_person;
use crate::import::keys::{fold, name_key, profile_key};
use crate::import::plan::{
    Ambiguity, ImportPlan, NewInteraction, NewPerson, PersonUpdate, PlanPerson, PossibleDuplicate,
    Skip,
};
use crate::{
    Circle, Day, Email, Handle, Interaction, InteractionKind, Name, Person, PersonId, Record,
    Relation, Title,
};

/// One contact read from a file, cleaned, not yet matched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IncomingContact {
    /// Where it is in the file (`line 12`, `card 3`).
    pub at: String,
    pub name: Option<Name>,
    pub emails: Vec<Email>,
    pub phones: Vec<String>,
    pub organisation: Option<String>,
    pub team: Option<String>,
    pub title: Option<String>,
    /// The profile address first, when there is one.
    pub links: Vec<String>,
    pub birthday: Option<String>,
    pub notes: Option<String>,
    /// When the member connected with them on LinkedIn.
    pub connected_on: Option<Day>,
}

/// How new people are filed: contacts from elsewhere are usually outside my company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactDefaults {
    pub circle: Circle,
    pub relation: Relation,
}

impl Default for ContactDefaults {
    fn default() -> Self {
        ContactDefaults {
            circle: Circle::Outside,
            relation: Relation::External,
        }
    }
}

/// The `external_ref` of the "connected on LinkedIn" interaction of a contact.
pub fn linkedin_ref(c: &IncomingContact, name: &Name) -> String {
    let profile = c.links.iter().find_map(|l| profile_key(l));
    linkedin_ref_from(profile.as_ref(), c, name)
}

/// [`linkedin_ref`] with the contact's first profile key already worked out.
fn linkedin_ref_from(profile: Option<&String>, c: &IncomingContact, name: &Name) -> String {
    match profile {
        Some(profile) => format!("linkedin:{profile}"),
        None => linkedin_ref_by_name(name, c.organisation.as_deref()),
    }
}

/// The reference of a connection exported without a profile address.
fn linkedin_ref_by_name(name: &Name, organisation: Option<&str>) -> String {
    format!(
        "linkedin:{}",
        name_key(name.as_str(), organisation).replace('\u{1f}', "|")
    )
}

/// Who `who` is as the plan stands: a stored person as the plan has filled them so far, or
/// a person the plan creates.
fn as_planned<'a>(
    who: PlanPerson,
    current: &'a HashMap<PersonId, Person>,
    original: &HashMap<PersonId, &'a Person>,
    plan: &'a ImportPlan,
) -> Option<&'a Person> {
    match who {
        PlanPerson::Existing(id) => current.get(&id).or_else(|| original.get(&id).copied()),
        PlanPerson::New(i) => plan.creates.get(i).map(|c| &c.person),
    }
}

/// Match rules, in order: the first that finds anyone decides.
const RULES: [&str; 3] = ["e-mail", "profile", "name and organisation"];

/// The keys one person is found by, computed once per record: e-mail addresses, profile
/// keys (see [`profile_key`]) and the folded name.
struct Keys {
    emails: Vec<String>,
    profiles: Vec<String>,
    name: String,
}

impl Keys {
    fn of(p: &Person) -> Keys {
        Keys {
            emails: p.emails.iter().map(|e| e.as_str().to_string()).collect(),
            profiles: p.links.iter().filter_map(|l| profile_key(l)).collect(),
            name: fold(p.name.as_str()),
        }
    }
}

/// Who each key points at: people stored and people this plan creates.
struct Index {
    keys: [HashMap<String, Vec<PlanPerson>>; 3],
}

impl Index {
    /// An index sized for `people` entries, so building it never rehashes.
    fn with_capacity(people: usize) -> Index {
        Index {
            keys: [
                HashMap::with_capacity(people),
                HashMap::with_capacity(people),
                HashMap::with_capacity(people),
            ],
        }
    }

    fn add(&mut self, who: PlanPerson, keys: &Keys) {
        for e in &keys.emails {
            self.put(0, e, who);
        }
        for k in &keys.profiles {
            self.put(1, k, who);
        }
        self.put(2, &keys.name, who);
    }

    fn put(&mut self, rule: usize, key: &str, who: PlanPerson) {
        match self.keys[rule].get_mut(key) {
            Some(list) => {
                if !list.contains(&who) {
                    list.push(who);
                }
            }
            None => {
                self.keys[rule].insert(key.to_string(), vec![who]);
            }
        }
    }

    /// Everyone any rule finds, with the name of the first rule that finds anyone: a
    /// record whose address points at one person and whose profile at another is ambiguous.
    ///
    /// By name, a person matches when the organisations agree, or either has none and no
    /// other rule found anyone; `org_of`
    /// gives each candidate's organisation as it is now, filled by earlier records of the
    /// file, so the plan matches as a re-import would.
    fn find<'o>(
        &self,
        keys: &Keys,
        organisation: Option<&str>,
        org_of: impl Fn(PlanPerson) -> Option<&'o str>,
    ) -> Option<(&'static str, Vec<PlanPerson>)> {
        let by_rule: [&[String]; 3] = [
            &keys.emails,
            &keys.profiles,
            std::slice::from_ref(&keys.name),
        ];
        let org = organisation.map(fold);
        // Organisations that agree always count. A missing organisation on either side
        // counts only when neither e-mail nor profile found anyone: otherwise a later
        // record filling that organisation would change this record's match on the next
        // import, and a re-import would no longer be a no-op.
        let same_org = |who: PlanPerson, lenient: bool| match (&org, org_of(who).map(fold)) {
            (Some(a), Some(b)) => *a == b,
            _ => lenient,
        };
        let mut first = None;
        let mut found: Vec<PlanPerson> = Vec::new();
        for (rule, keys) in by_rule.iter().enumerate() {
            let lenient = found.is_empty();
            for k in *keys {
                for who in self.keys[rule].get(k).into_iter().flatten() {
                    if rule == 2 && !same_org(*who, lenient) {
                        continue;
                    }
                    // By name alone when one side has no organisation to compare.
                    let by_name_only = rule == 2 && (org.is_none() || org_of(*who).is_none());
                    first.get_or_insert(if by_name_only { "name" } else { RULES[rule] });
                    if !found.contains(who) {
                        found.push(*who);
                    }
                }
            }
        }
        first.map(|rule| (rule, found))
    }
}

/// Handles in use, so each new person gets a free one (`dana-kim`, then `dana-kim-2`…).
/// `next` remembers the next suffix to try per base, so a file with a thousand people of
/// one name does not probe the same taken handles again for each of them.
struct Handles {
    taken: HashSet<String>,
    next: HashMap<String, u32>,
}

impl Handles {
    fn claim(&mut self, name: &Name) -> Handle {
        let base = Handle::from_name(name.as_str());
        // 1 stands for the base itself; every suffix below `next` is taken.
        let mut n = self.next.get(base.as_str()).copied().unwrap_or(1);
        loop {
            let handle = if n == 1 {
                base.clone()
            } else {
                base.with_suffix(n)
            };
            n += 1;
            if self.taken.insert(handle.as_str().to_string()) {
                self.next.insert(base.as_str().to_string(), n);
                return handle;
            }
        }
    }
}

fn as_person(c: &IncomingContact, name: &Name, defaults: ContactDefaults) -> Person {
    let mut p = Person::new(name.clone());
    p.circle = defaults.circle;
    p.relation = defaults.relation;
    p.emails = c.emails.clone();
    p.phones = c.phones.clone();
    p.links = c.links.clone();
    p.organisation = c.organisation.clone();
    p.team = c.team.clone();
    p.title = c.title.clone();
    p.birthday = c.birthday.clone();
    p.notes = c.notes.clone();
    if c.connected_on.is_some() {
        p.how_met = Some("Connected on LinkedIn".to_string());
    }
    p
}

/// Propose what importing `contacts` into a workspace holding `people` (and interactions
/// with `refs` as their `external_ref`) would do. Pure: nothing is read or written.
pub fn plan_contacts(
    people: &[Record<Person>],
    refs: &HashSet<String>,
    contacts: &[IncomingContact],
    defaults: ContactDefaults,
    on: Day,
) -> ImportPlan {
    let mut plan = ImportPlan::new(on);
    let mut index = Index::with_capacity(people.len() + contacts.len());
    let mut current: HashMap<PersonId, Person> = HashMap::new();
    for p in people {
        index.add(PlanPerson::Existing(p.id), &Keys::of(&p.value));
    }
    let mut taken = HashSet::with_capacity(people.len() + contacts.len());
    taken.extend(people.iter().map(|p| p.handle.as_str().to_string()));
    let mut handles = Handles {
        taken,
        next: HashMap::new(),
    };
    let mut update_at: HashMap<PersonId, usize> = HashMap::new();
    let mut planned_refs: HashSet<String> = HashSet::new();
    // E-mail and profile keys of records left out as ambiguous, with where they were.
    let mut left_out: HashMap<String, String> = HashMap::new();
    let original: HashMap<PersonId, &Person> = people.iter().map(|p| (p.id, &p.value)).collect();
    let label = |id: &PersonId| {
        original
            .get(id)
            .map(|p| format!("{} (#{id})", p.name))
            .unwrap_or_default()
    };

    for c in contacts {
        let Some(name) = &c.name else {
            plan.skipped.push(Skip {
                at: c.at.clone(),
                name: String::new(),
                reason: "no name to file this contact under".to_string(),
            });
            continue;
        };
        let incoming = as_person(c, name, defaults);
        let keys = Keys::of(&incoming);
        // A record sharing an address or profile with one left out as ambiguous is left
        // out too: taking it would give that address an owner, and the next import would
        // then match the first record to them, so a re-import would not be a no-op.
        if let Some(first) = keys
            .emails
            .iter()
            .chain(&keys.profiles)
            .find_map(|k| left_out.get(k))
        {
            plan.ambiguous.push(Ambiguity {
                at: c.at.clone(),
                name: name.to_string(),
                candidates: vec![format!("the contact at {first}")],
                resolution: "left out: it shares an e-mail or profile with a contact left out \
                             as ambiguous; resolve that one first, then import again"
                    .to_string(),
            });
            continue;
        }
        let found = index.find(&keys, incoming.organisation.as_deref(), |who| {
            as_planned(who, &current, &original, &plan).and_then(|p| p.organisation.as_deref())
        });
        let who = match found {
            None => {
                let mut person = incoming;
                person.handle = handles.claim(name);
                let who = PlanPerson::New(plan.creates.len());
                // Anyone with this name did not match: their organisation differs.
                let namesakes = index.keys[2].get(&keys.name).cloned().unwrap_or_default();
                let others: Vec<(String, String)> = namesakes
                    .iter()
                    .filter_map(|w| as_planned(*w, &current, &original, &plan))
                    .map(|p| {
                        let mut label = vec![p.handle.to_string()];
                        label.extend(p.organisation.clone());
                        (
                            p.handle.to_string(),
                            format!("{} ({})", p.name, label.join(", ")),
                        )
                    })
                    .collect();
                if let Some((first, _)) = others.first() {
                    plan.possible_duplicates.push(PossibleDuplicate {
                        at: c.at.clone(),
                        name: name.to_string(),
                        handle: person.handle.as_str().to_string(),
                        others: others.iter().map(|(_, l)| l.clone()).collect(),
                        merge: format!("fanclub merge {first} {}", person.handle),
                    });
                }
                index.add(who, &keys);
                plan.creates.push(NewPerson {
                    at: c.at.clone(),
                    person,
                });
                who
            }
            Some((rule, found)) if found.len() > 1 => {
                let candidates = found
                    .iter()
                    .map(|w| match w {
                        PlanPerson::Existing(id) => label(id),
                        PlanPerson::New(i) => format!(
                            "{} (new, {})",
                            plan.creates[*i].person.name, plan.creates[*i].at
                        ),
                    })
                    .collect();
                for k in keys.emails.iter().chain(&keys.profiles) {
                    left_out.entry(k.clone()).or_insert_with(|| c.at.clone());
                }
                plan.ambiguous.push(Ambiguity {
                    at: c.at.clone(),
                    name: name.to_string(),
                    candidates,
                    resolution: format!(
                        "left out: it matches more than one person (first by {rule}); merge \
                         them (`fanclub merge A B`) or edit the contact, then import again"
                    ),
                });
                continue;
            }
            Some((rule, found)) => {
                let who = found[0];
                match who {
                    PlanPerson::New(i) => {
                        let created = &mut plan.creates[i];
                        fill_person(&mut created.person, &incoming);
                        plan.ambiguous.push(Ambiguity {
                            at: c.at.clone(),
                            name: name.to_string(),
                            candidates: vec![format!(
                                "{} (new, {})",
                                created.person.name, created.at
                            )],
                            resolution: format!(
                                "the same {rule} as an earlier record: both are one new person"
                            ),
                        });
                        index.add(who, &Keys::of(&created.person));
                    }
                    PlanPerson::Existing(id) => {
                        let Some(base) = current
                            .get(&id)
                            .cloned()
                            .or_else(|| original.get(&id).map(|p| (*p).clone()))
                        else {
                            continue;
                        };
                        let mut person = base;
                        let changed = fill_person(&mut person, &incoming);
                        if changed.is_empty() {
                            if let Some(&u) = update_at.get(&id) {
                                plan.updates[u].at.push(c.at.clone());
                            } else {
                                plan.skipped.push(Skip {
                                    at: c.at.clone(),
                                    name: name.to_string(),
                                    reason: format!(
                                        "already there as {} (same {rule}), nothing new",
                                        label(&id)
                                    ),
                                });
                            }
                        } else {
                            index.add(who, &Keys::of(&person));
                            current.insert(id, person.clone());
                            match update_at.get(&id) {
                                Some(&u) => {
                                    let up = &mut plan.updates[u];
                                    up.at.push(c.at.clone());
                                    for f in changed {
                                        if !up.fields.contains(&f) {
                                            up.fields.push(f);
                                        }
                                    }
                                    up.person = person;
                                }
                                None => {
                                    update_at.insert(id, plan.updates.len());
                                    plan.updates.push(PersonUpdate {
                                        at: vec![c.at.clone()],
                                        id,
                                        matched_by: rule,
                                        person,
                                        fields: changed,
                                    });
                                }
                            }
                        }
                    }
                }
                who
            }
        };

        if let Some(day) = c.connected_on {
            let reference = linkedin_ref_from(keys.profiles.first(), c, name);
            // The same connection may have been imported under another reference: from
            // an export without profile addresses (by name and organisation), or before
            // the profile address changed. Any reference the matched person answers to
            // counts as theirs: by name with and without the organisation (an import
            // may fill the organisation in later), and by every profile address.
            let mut theirs = vec![reference.clone()];
            if let Some(p) = as_planned(who, &current, &original, &plan) {
                theirs.push(linkedin_ref_by_name(&p.name, p.organisation.as_deref()));
                theirs.push(linkedin_ref_by_name(&p.name, None));
                theirs.extend(Keys::of(p).profiles.iter().map(|k| format!("linkedin:{k}")));
            }
            let known = theirs
                .iter()
                .any(|r| refs.contains(r) || planned_refs.contains(r));
            if !known && planned_refs.insert(reference.clone()) {
                let summary = Title::parse("Connected on LinkedIn");
                if let Ok(summary) = summary {
                    let mut interaction =
                        Interaction::new(day, InteractionKind::Message, summary, Vec::new());
                    interaction.external_ref = Some(reference);
                    plan.interactions.push(NewInteraction {
                        at: c.at.clone(),
                        interaction,
                        with: vec![who],
                        names: vec![name.to_string()],
                    });
                }
            }
        }
    }
    plan
}

/// Fold a name for comparison with the member's own (`settings.me`).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

//! Everyone, loaded once per command: resolving what the member typed to a person, and
//! naming people in output.

use std::collections::HashSet;

use anyhow::Result;
use fanclub_core::resolve::resolve_person;
use fanclub_core::{CoreError, Person, PersonId, Record, Store};

pub struct Roster {
    people: Vec<Record<Person>>,
}

impl Roster {
    pub async fn load(store: &dyn Store) -> Result<Roster> {
        Ok(Roster {
            people: store.list_people().await?,
        })
    }

    pub fn all(&self) -> &[Record<Person>] {
        &self.people
    }

    /// A handle, a name or `#id` to a person, or an error that says what matched.
    pub fn resolve(&self, key: &str) -> Result<PersonId, CoreError> {
        resolve_person(&self.people, key)
    }

    /// Resolve several, refusing the same person twice.
    pub fn resolve_all(&self, field: &str, keys: &[String]) -> Result<Vec<PersonId>, CoreError> {
        let mut ids = Vec::with_capacity(keys.len());
        for k in keys {
            let id = self.resolve(k)?;
            if ids.contains(&id) {
                return Err(CoreError::invalid(
                    field,
                    k,
                    format!("each person once ({} is given twice)", self.label(id)),
                ));
            }
            ids.push(id);
        }
        Ok(ids)
    }

    pub fn get(&self, id: PersonId) -> Option<&Record<Person>> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person, or a not-found error.
    pub fn record(&self, id: PersonId) -> Result<&Record<Person>, CoreError> {
        self.get(id)
            .ok_or_else(|| CoreError::not_found("person", format!("#{id}")))
    }

    /// `Dana Kim`, or `#12` for someone no longer here.
    pub fn name(&self, id: PersonId) -> String {
        self.get(id)
            .map_or_else(|| format!("#{id}"), |p| p.name.to_string())
    }

    /// `Dana Kim (dana-kim)`.
    pub fn label(&self, id: PersonId) -> String {
        self.get(id).map_or_else(
            || format!("#{id}"),
            |p| format!("{} ({})", p.name, p.handle),
        )
    }

    /// Several names, joined: `Dana Kim, Priya Raman`.
    pub fn names(&self, ids: &[PersonId]) -> String {
        ids.iter()
            .map(|id| self.name(*id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn handles(&self) -> HashSet<&str> {
        self.people.iter().map(|p| p.handle.as_str()).collect()
    }
}

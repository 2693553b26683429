//! Completing one person from another without replacing anything: what an import does with a
//! matched contact, and what a merge does with a duplicate.

use crate::Person;
use crate::import::keys::{link_key, phone_key};

/// Fill `target`'s empty fields from `from` and add `from`'s e-mail addresses, phones and
/// links it lacks; never replaces a value. Returns the names of the fields that changed.
pub fn fill_person(target: &mut Person, from: &Person) -> Vec<&'static str> {
    let mut changed = Vec::new();

    let before = target.emails.len();
    for e in &from.emails {
        if !target.emails.contains(e) {
            target.emails.push(e.clone());
        }
    }
    if target.emails.len() != before {
        changed.push("emails");
    }

    let before = target.phones.len();
    for p in &from.phones {
        let key = phone_key(p);
        if !target.phones.iter().any(|q| phone_key(q) == key) {
            target.phones.push(p.clone());
        }
    }
    if target.phones.len() != before {
        changed.push("phones");
    }

    let before = target.links.len();
    for l in &from.links {
        let key = link_key(l);
        if !target.links.iter().any(|m| link_key(m) == key) {
            target.links.push(l.clone());
        }
    }
    if target.links.len() != before {
        changed.push("links");
    }

    let mut text = |field: &'static str, t: &mut Option<String>, f: &Option<String>| {
        if t.as_deref().is_none_or(|s| s.trim().is_empty()) && f.is_some() && t != f {
            *t = f.clone();
            changed.push(field);
        }
    };
    text("organisation", &mut target.organisation, &from.organisation);
    text("title", &mut target.title, &from.title);
    text("team", &mut target.team, &from.team);
    text("goals", &mut target.goals, &from.goals);
    text("struggles", &mut target.struggles, &from.struggles);
    text("interests", &mut target.interests, &from.interests);
    text("how_met", &mut target.how_met, &from.how_met);
    text("birthday", &mut target.birthday, &from.birthday);
    text("notes", &mut target.notes, &from.notes);

    if target.trust.is_none() && from.trust.is_some() {
        target.trust = from.trust;
        changed.push("trust");
    }
    if target.cadence.is_none() && from.cadence.is_some() {
        target.cadence = from.cadence;
        changed.push("cadence");
    }
    if target.introduced_by.is_none() && from.introduced_by.is_some() {
        target.introduced_by = from.introduced_by;
        changed.push("introduced_by");
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Email, Name};

    fn person(name: &str) -> Person {
        Person::new(Name::parse(name).unwrap())
    }

    #[test]
    fn fills_only_what_is_empty() {
        let mut kept = person("Dana Kim");
        kept.title = Some("VP Product".into());
        kept.emails = vec![Email::parse("dana@acme.com").unwrap()];
        kept.phones = vec!["+1 (555) 010-0100".into()];
        let mut other = person("Dana K.");
        other.title = Some("Intern".into());
        other.organisation = Some("Acme".into());
        other.emails = vec![
            Email::parse("DANA@acme.com").unwrap(),
            Email::parse("dana@home.net").unwrap(),
        ];
        other.phones = vec!["+15550100100".into(), "+44 20 7946 0000".into()];
        other.links = vec!["https://linkedin.com/in/dana".into()];

        let changed = fill_person(&mut kept, &other);
        assert_eq!(kept.name.as_str(), "Dana Kim", "the name is never replaced");
        assert_eq!(kept.title.as_deref(), Some("VP Product"));
        assert_eq!(kept.organisation.as_deref(), Some("Acme"));
        assert_eq!(kept.emails.len(), 2);
        assert_eq!(kept.phones.len(), 2, "the same number written twice is one");
        assert_eq!(changed, vec!["emails", "phones", "links", "organisation"]);

        // Filling again from the same source changes nothing.
        let again = kept.clone();
        assert!(fill_person(&mut kept, &other).is_empty());
        assert_eq!(kept, again);
    }
}

//! Finding a person from what a member types: an id, a handle or an unambiguous name.

use std::collections::HashSet;

use crate::{CoreError, Handle, Person, PersonId, Record};

/// Resolve `key` against `people`, in this order: `#id` or a bare id, an exact handle, an
/// exact name (any case), then a name that contains every word of the key as the start of
/// a word (`dana` finds Dana Kim, `d kim` too). More than one match is an error that
/// lists the candidates' handles.
pub fn resolve_person(people: &[Record<Person>], key: &str) -> Result<PersonId, CoreError> {
    let k = key.trim();
    if k.is_empty() {
        return Err(CoreError::invalid(
            "person",
            key,
            "a handle, a name or an id",
        ));
    }
    let not_found = || CoreError::NotFound {
        kind: "person",
        key: k.to_string(),
        hint: "see `fanclub person list` for handles".into(),
    };
    if let Some(raw) = k
        .strip_prefix('#')
        .or_else(|| k.chars().all(|c| c.is_ascii_digit()).then_some(k))
    {
        let id = raw.parse::<i64>().map_err(|_| not_found())?;
        return people
            .iter()
            .find(|p| p.id.get() == id)
            .map(|p| p.id)
            .ok_or_else(not_found);
    }
    if let Some(p) = people.iter().find(|p| p.handle.as_str() == k) {
        return Ok(p.id);
    }
    let lower = k.to_lowercase();
    let exact = named(people, &lower);
    if exact.len() == 1 {
        return Ok(exact[0].id);
    }
    if exact.len() > 1 {
        return Err(ambiguous(k, &exact));
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let partial: Vec<_> = people
        .iter()
        .filter(|p| words_start(p, &words) || p.handle.as_str().starts_with(&lower))
        .collect();
    match partial.len() {
        0 => Err(not_found()),
        1 => Ok(partial[0].id),
        _ => Err(ambiguous(k, &partial)),
    }
}

/// The people whose name, but for case, is `lower`.
fn named<'a>(people: &'a [Record<Person>], lower: &str) -> Vec<&'a Record<Person>> {
    people
        .iter()
        .filter(|p| p.name.as_str().to_lowercase() == lower)
        .collect()
}

/// Whether each typed word (lower case) starts a word of the person's name.
fn words_start(p: &Record<Person>, words: &[&str]) -> bool {
    let name = p.name.as_str().to_lowercase();
    let name_words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .collect();
    words
        .iter()
        .all(|w| name_words.iter().any(|n| n.starts_with(w)))
}

/// Resolve a name or handle typed in a form where a wrong guess would record something
/// about the wrong person (who heard about a win): an exact handle, else the one person
/// whose name is `key` but for case. Several people of that name is an error naming their
/// handles; no one of that name is an error that names close matches (names with words
/// starting as typed), if any, without choosing one.
pub fn resolve_exact_person(people: &[Record<Person>], key: &str) -> Result<PersonId, CoreError> {
    let k = key.trim();
    if k.is_empty() {
        return Err(CoreError::invalid("person", key, "a name or a handle"));
    }
    if let Some(p) = people.iter().find(|p| p.handle.as_str() == k) {
        return Ok(p.id);
    }
    let lower = k.to_lowercase();
    let exact = named(people, &lower);
    match exact.as_slice() {
        [one] => return Ok(one.id),
        [_, _, ..] => return Err(ambiguous(k, &exact)),
        [] => {}
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let close: Vec<String> = people
        .iter()
        .filter(|p| words_start(p, &words))
        .take(CLOSE_MATCHES + 1)
        .map(|p| format!("{} ({})", p.name, p.handle))
        .collect();
    if close.is_empty() {
        return Err(CoreError::NotFound {
            kind: "person",
            key: k.to_string(),
            hint: "type their full name or their handle".into(),
        });
    }
    let more = if close.len() > CLOSE_MATCHES {
        ", …"
    } else {
        ""
    };
    let shown = close[..close.len().min(CLOSE_MATCHES)].join(", ");
    Err(CoreError::invalid(
        "person",
        k,
        format!("a full name or a handle; close matches: {shown}{more}"),
    ))
}

/// How many close matches an unknown name lists.
const CLOSE_MATCHES: usize = 5;

fn ambiguous(key: &str, matches: &[&Record<Person>]) -> CoreError {
    let mut candidates: Vec<String> = matches
        .iter()
        .take(8)
        .map(|p| format!("{} ({})", p.handle, p.name))
        .collect();
    if matches.len() > 8 {
        candidates.push(format!("and {} more", matches.len() - 8));
    }
    CoreError::Ambiguous {
        kind: "person",
        key: key.to_string(),
        candidates,
    }
}

/// A handle for `name` that no one in `taken` has yet: `dana-kim`, then `dana-kim-2`…
pub fn unique_handle(taken: &HashSet<&str>, name: &str) -> Handle {
    let base = Handle::from_name(name);
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| base.with_suffix(n))
        .find(|h| !taken.contains(h.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Name;

    fn people(names: &[&str]) -> Vec<Record<Person>> {
        let mut taken_owned: Vec<String> = Vec::new();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let taken: HashSet<&str> = taken_owned.iter().map(String::as_str).collect();
                let mut p = Person::new(Name::parse(n).unwrap());
                p.handle = unique_handle(&taken, n);
                taken_owned.push(p.handle.to_string());
                Record::new(PersonId::from_raw(i as i64 + 1), p)
            })
            .collect()
    }

    #[test]
    fn exact_resolution_takes_a_handle_or_a_whole_name() {
        let ps = people(&["Dana Kim", "Dan Brown", "Priya Raman", "Dana Kim"]);
        assert_eq!(resolve_exact_person(&ps, "dana-kim-2").unwrap().get(), 4);
        assert_eq!(resolve_exact_person(&ps, " PRIYA raman ").unwrap().get(), 3);
        match resolve_exact_person(&ps, "dana kim") {
            Err(CoreError::Ambiguous { candidates, .. }) => {
                assert_eq!(candidates, ["dana-kim (Dana Kim)", "dana-kim-2 (Dana Kim)"]);
            }
            other => panic!("{other:?}"),
        }
        // A part of a name is not enough, but the close matches are named.
        match resolve_exact_person(&ps, "priya") {
            Err(CoreError::Invalid { expected, .. }) => {
                assert!(expected.contains("Priya Raman (priya-raman)"), "{expected}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            resolve_exact_person(&ps, "zoe"),
            Err(CoreError::NotFound { .. })
        ));
        // Ids are not names.
        assert!(resolve_exact_person(&ps, "#3").is_err());
        assert!(resolve_exact_person(&ps, "  ").is_err());
    }

    #[test]
    fn resolution_order() {
        let ps = people(&["Dana Kim", "Dan Brown", "Priya Raman", "Dana Kim"]);
        assert_eq!(ps[3].handle.as_str(), "dana-kim-2");
        assert_eq!(resolve_person(&ps, "#3").unwrap().get(), 3);
        assert_eq!(resolve_person(&ps, "dana-kim-2").unwrap().get(), 4);
        assert_eq!(resolve_person(&ps, "priya").unwrap().get(), 3);
        assert_eq!(resolve_person(&ps, "p raman").unwrap().get(), 3);
        assert!(matches!(
            resolve_person(&ps, "Dana Kim"),
            Err(CoreError::Ambiguous { .. })
        ));
        assert!(matches!(
            resolve_person(&ps, "dan"),
            Err(CoreError::Ambiguous { .. })
        ));
        assert!(matches!(
            resolve_person(&ps, "zoe"),
            Err(CoreError::NotFound { .. })
        ));
        assert!(matches!(
            resolve_person(&ps, "99"),
            Err(CoreError::NotFound { .. })
        ));
    }
}

//! Small builders for the story's records, and assertions on the errors it expects.

use fanclub_core::{
    CoreError, CoreResult, Day, Email, Handle, Influence, Interaction, InteractionKind, Interest,
    Name, Person, PersonId, Title,
};

pub fn day(s: &str) -> Day {
    Day::parse(s).expect("a valid day in the story")
}

pub fn title(s: &str) -> Title {
    Title::parse(s).expect("a valid title in the story")
}

/// A person with the quick-add defaults, an address and a grid position.
pub fn person(name: &str, influence: i64, interest: i64) -> Person {
    let mut p = Person::new(Name::parse(name).expect("a valid name"));
    p.influence = Influence::new(influence).expect("1..=5");
    p.interest = Interest::new(interest).expect("1..=5");
    p.emails = vec![Email::parse(&format!("{}@example.com", p.handle)).expect("a valid address")];
    p
}

pub fn handle(s: &str) -> Handle {
    Handle::parse(s).expect("a valid handle")
}

pub fn meeting(on: &str, summary: &str, people: &[PersonId]) -> Interaction {
    Interaction::new(
        day(on),
        InteractionKind::Meeting,
        title(summary),
        people.to_vec(),
    )
}

/// The people of the story, by role.
#[derive(Debug, Clone, Copy)]
pub struct Cast {
    pub dana: PersonId,
    pub omar: PersonId,
    pub lee: PersonId,
    pub ana: PersonId,
}

/// The error must be NotFound for `kind` and name `key`.
pub fn assert_not_found<T: std::fmt::Debug>(r: CoreResult<T>, kind: &str, key: &str) {
    match r {
        Err(CoreError::NotFound {
            kind: k,
            key: got,
            hint,
        }) => {
            assert_eq!(k, kind, "NotFound names the kind");
            assert!(got.contains(key), "NotFound names {key}, got {got}");
            assert!(!hint.is_empty(), "NotFound says where to look");
        }
        other => panic!("expected NotFound {kind} {key}, got {other:?}"),
    }
}

/// The error must be a Conflict whose message contains every one of `words`.
pub fn assert_conflict<T: std::fmt::Debug>(r: CoreResult<T>, words: &[&str]) {
    match r {
        Err(CoreError::Conflict(message)) => {
            for w in words {
                assert!(
                    message.contains(w),
                    "conflict message {message:?} should mention {w:?}"
                );
            }
        }
        other => panic!("expected a Conflict mentioning {words:?}, got {other:?}"),
    }
}

/// The error must be Invalid about `field`.
pub fn assert_invalid<T: std::fmt::Debug>(r: CoreResult<T>, field: &str) {
    match r {
        Err(e @ CoreError::Invalid { .. }) => {
            let f = e.field().unwrap_or_default();
            assert!(
                f.contains(field),
                "invalid field {f:?} should be about {field:?}"
            );
        }
        other => panic!("expected Invalid {field}, got {other:?}"),
    }
}

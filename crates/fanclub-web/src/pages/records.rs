//! What the record forms (wins, goals, evidence, perception checks, opportunities) share:
//! a form's typed values with their errors, the choices of its selects, and the short
//! confirmation a page shows after a change.

use fanclub_core::{CoreError, Framework, Id, TrackKey};

use super::Choice;
use crate::forms::FieldErrors;

/// A form as typed and what was wrong with it: blank for a new record, filled from the
/// record to edit, or as posted after a mistake.
#[derive(Debug, Clone)]
pub(crate) struct Editor<F> {
    pub(crate) values: F,
    pub(crate) errors: FieldErrors,
    /// Where the form posts.
    pub(crate) action: String,
    /// The record being changed, or `None` for a new one.
    pub(crate) id: Option<i64>,
}

impl<F> Editor<F> {
    pub(crate) fn new(values: F, action: impl Into<String>) -> Editor<F> {
        Editor {
            values,
            errors: FieldErrors::default(),
            action: action.into(),
            id: None,
        }
    }

    pub(crate) fn editing(values: F, action: impl Into<String>, id: i64) -> Editor<F> {
        Editor {
            id: Some(id),
            ..Editor::new(values, action)
        }
    }

    pub(crate) fn failed(mut self, errors: FieldErrors) -> Editor<F> {
        self.errors = errors;
        self
    }

    pub(crate) fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    pub(crate) fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub(crate) fn is_new(&self) -> bool {
        self.id.is_none()
    }
}

/// The framework's tracks as checkboxes or options, by key.
pub(crate) fn track_choices(framework: &Framework, selected: &[String]) -> Vec<Choice> {
    framework
        .tracks
        .iter()
        .map(|t| Choice {
            selected: selected.iter().any(|s| s.trim() == t.key.as_str()),
            value: t.key.to_string(),
            label: t.name.clone(),
        })
        .collect()
}

/// Tracks as ticked: each a valid key of the framework (the CLI's message), each once.
pub(crate) fn tracks_of(
    framework: &Framework,
    keys: &[String],
) -> Result<Vec<TrackKey>, CoreError> {
    let mut out: Vec<TrackKey> = Vec::new();
    for k in keys.iter().filter(|k| !k.trim().is_empty()) {
        let key = TrackKey::parse(k)?;
        if framework.track(&key).is_none() {
            return Err(CoreError::invalid(
                "track",
                key.as_str(),
                format!(
                    "a track of the framework: {}",
                    framework.track_keys().join(", ")
                ),
            ));
        }
        if !out.contains(&key) {
            out.push(key);
        }
    }
    Ok(out)
}

/// The record named by a path id, or 404 from the store.
pub(crate) fn id<T>(raw: i64) -> Id<T> {
    Id::from_raw(raw)
}

/// Only an id the page itself put in a form can be accepted for a linked record.
pub(crate) fn optional_id<T>(field: &str, s: &str) -> Result<Option<Id<T>>, CoreError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        Id::parse(field, s).map(Some)
    }
}

/// `errors` with one more: for rules that span fields, found after the fields parsed.
pub(crate) fn with_error(field: &'static str, e: CoreError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.push(field, e);
    errors
}

//! The one error type of the core: every failure a user can cause names what, where and
//! what to do about it.

use thiserror::Error;

/// Result alias used across the core and the store.
pub type CoreResult<T> = Result<T, CoreError>;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CoreError {
    /// A value failed validation at the edge.
    #[error("invalid {field} {value:?}: {expected}")]
    Invalid {
        field: String,
        value: String,
        expected: String,
    },
    /// A referenced record does not exist (in this account).
    #[error("no {kind} matches {key:?}{}", hint_suffix(.hint))]
    NotFound {
        kind: &'static str,
        key: String,
        hint: String,
    },
    /// A name matched more than one record.
    #[error("{key:?} matches more than one {kind}: {}; use one of these handles", .candidates.join(", "))]
    Ambiguous {
        kind: &'static str,
        key: String,
        candidates: Vec<String>,
    },
    /// The change would break a rule of the data (a duplicate, a self-reference…).
    #[error("{0}")]
    Conflict(String),
    /// The storage layer failed for a reason the user did not cause.
    #[error("storage error: {0}")]
    Storage(String),
}

fn hint_suffix(hint: &str) -> String {
    if hint.is_empty() {
        String::new()
    } else {
        format!("; {hint}")
    }
}

impl CoreError {
    pub fn invalid(
        field: impl Into<String>,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        CoreError::Invalid {
            field: field.into(),
            value: value.into(),
            expected: expected.into(),
        }
    }

    pub fn not_found(kind: &'static str, key: impl ToString) -> Self {
        CoreError::NotFound {
            kind,
            key: key.to_string(),
            hint: String::new(),
        }
    }

    /// The field this error is about, when it is a validation error.
    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// A stable machine-readable code for the API and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Invalid { .. } => "invalid",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Ambiguous { .. } => "ambiguous",
            CoreError::Conflict(_) => "conflict",
            CoreError::Storage(_) => "storage",
        }
    }

    /// Prefix the field name, so a nested validation error says where it happened
    /// (`room[2].role`).
    pub fn in_field(self, prefix: &str) -> Self {
        match self {
            CoreError::Invalid {
                field,
                value,
                expected,
            } => CoreError::Invalid {
                field: format!("{prefix}.{field}"),
                value,
                expected,
            },
            other => other,
        }
    }
}

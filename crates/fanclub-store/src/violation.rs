//! Database errors turned into domain errors, in one place. The store checks what it can
//! before writing (references, validation); the constraints of the schema are the safety
//! net, and when one fires its error is named here.

use fanclub_core::{CoreError, CoreResult};
use sqlx::error::ErrorKind;

/// A schema rule a write broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Violation {
    /// `people_handle_key`: handles are unique per account.
    HandleTaken,
    /// `connections_pair_key`: one connection per pair of people.
    ConnectionExists,
    /// `interactions_external_ref_key`: one interaction per imported calendar event.
    ExternalRefTaken,
    /// Another unique rule.
    Duplicate,
    /// A reference to a record that is not in this account.
    MissingReference,
    /// A check constraint.
    Check,
}

/// Which rule an error broke, if it is a constraint error. SQLite names the columns
/// (`UNIQUE constraint failed: people.account_id, people.handle`); PostgreSQL names the
/// constraint or index (`people_handle_key`): both are matched.
pub(crate) fn classify(e: &sqlx::Error) -> Option<Violation> {
    let db = e.as_database_error()?;
    let text = format!("{} {}", db.message(), db.constraint().unwrap_or_default());
    let has = |needles: &[&str]| needles.iter().any(|n| text.contains(n));
    match db.kind() {
        ErrorKind::UniqueViolation => Some(if has(&["people_handle_key", "people.handle"]) {
            Violation::HandleTaken
        } else if has(&["connections_pair_key", "connections.person_a"]) {
            Violation::ConnectionExists
        } else if has(&["interactions_external_ref_key", "interactions.external_ref"]) {
            Violation::ExternalRefTaken
        } else {
            Violation::Duplicate
        }),
        ErrorKind::ForeignKeyViolation => Some(Violation::MissingReference),
        ErrorKind::CheckViolation | ErrorKind::NotNullViolation => Some(Violation::Check),
        _ => None,
    }
}

/// The domain error for a database error, with what the caller knows about the write
/// (the handle, the external reference) to name the culprit.
pub(crate) fn to_core(e: sqlx::Error, subject: Option<&str>) -> CoreError {
    let named = |what: &str| {
        subject
            .map(|s| format!("{what} {s}"))
            .unwrap_or_else(|| format!("that {what}"))
    };
    match classify(&e) {
        Some(Violation::HandleTaken) => CoreError::Conflict(format!(
            "the handle {} is already taken; choose another with --handle",
            subject.unwrap_or("you chose")
        )),
        Some(Violation::ConnectionExists) => CoreError::Conflict(
            "these two people are already connected; update that connection instead".into(),
        ),
        Some(Violation::ExternalRefTaken) => CoreError::Conflict(format!(
            "{} is already stored as an interaction",
            named("external reference")
        )),
        Some(Violation::Duplicate) => {
            CoreError::Conflict(format!("a record like this already exists: {e}"))
        }
        Some(Violation::MissingReference) => CoreError::NotFound {
            kind: "record",
            key: "a referenced id".into(),
            hint: "the change points at a record this account does not hold".into(),
        },
        Some(Violation::Check) => {
            CoreError::Conflict(format!("the change breaks a rule of the data: {e}"))
        }
        None => CoreError::Storage(e.to_string()),
    }
}

/// `?` for sqlx results: the error becomes a domain error.
pub(crate) trait DbResult<T> {
    fn db(self) -> CoreResult<T>;
}

impl<T> DbResult<T> for Result<T, sqlx::Error> {
    fn db(self) -> CoreResult<T> {
        self.map_err(|e| to_core(e, None))
    }
}

/// A value read back from the database that the core refuses: the data was changed
/// outside fanclub, or a bug wrote it. Named by table, column and row.
pub(crate) fn corrupt(table: &str, column: &str, id: i64, e: impl std::fmt::Display) -> CoreError {
    CoreError::Storage(format!("{table}.{column} of row {id} cannot be read: {e}"))
}

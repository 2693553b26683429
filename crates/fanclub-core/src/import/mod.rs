//! Planning imports: contacts and calendar events read from other programs' files are
//! matched to the people already there and turned into an [`ImportPlan`] (what would be
//! created, updated, skipped, and what is ambiguous), which the dry run prints and the store
//! applies in one transaction. Pure functions: nothing here reads or writes.

mod calendar;
mod contacts;
mod fill;
mod keys;
mod plan;

#[cfg(test)]
mod tests;

pub use calendar::{
    CalendarRules, DEFAULT_MAX_ATTENDEES, IncomingAttendee, IncomingEvent, event_ref, plan_calendar,
};
pub use contacts::{ContactDefaults, IncomingContact, linkedin_ref, plan_contacts};
pub use fill::fill_person;
pub use keys::{fold, name_key, phone_key, profile_key};
pub use plan::*;

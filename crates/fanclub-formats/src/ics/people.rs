//! ORGANIZER and ATTENDEE properties: who was in a meeting, which is what turns a calendar
//! event into an interaction with people.

use calcard::icalendar::{
    ICalendarEntry, ICalendarParameterName, ICalendarParameterValue, ICalendarParticipationRole,
    ICalendarParticipationStatus, ICalendarUserTypes,
};
use serde::Serialize;

use fanclub_core::Email;

use crate::report::quote;

/// Someone invited to, or organising, an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    pub email: Email,
    /// The display name (`CN`), when given.
    pub name: Option<String>,
    pub role: AttendeeRole,
    /// Their answer to the invitation (`PARTSTAT`), when given: someone who declined
    /// probably was not there.
    pub participation: Option<Participation>,
}

/// `ROLE` of an attendee (RFC 5545 §3.2.16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttendeeRole {
    Chair,
    /// The default when no role is given.
    Required,
    Optional,
    /// Copied for information only.
    NonParticipant,
}

/// `PARTSTAT` of an attendee (RFC 5545 §3.2.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Participation {
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
    Delegated,
}

/// What one ORGANIZER or ATTENDEE line turned out to be.
pub(super) enum Person {
    /// A person with a usable e-mail address.
    Usable(Attendee),
    /// A person without one: counted, but not matchable; the text says why.
    Unusable(String),
    /// A room or a piece of equipment (`CUTYPE=ROOM` / `RESOURCE`): not a person.
    Resource,
}

pub(super) fn read(entry: &ICalendarEntry) -> Person {
    let cutype = entry.parameter(&ICalendarParameterName::Cutype);
    if matches!(
        cutype,
        Some(ICalendarParameterValue::Cutype(
            ICalendarUserTypes::Room | ICalendarUserTypes::Resource
        ))
    ) {
        return Person::Resource;
    }
    let Some(address) = entry.calendar_address() else {
        return Person::Unusable("an attendee without an address".to_string());
    };
    let email = match Email::parse(address) {
        Ok(e) => e,
        Err(_) => {
            return Person::Unusable(format!("{} is not an e-mail address", quote(address)));
        }
    };
    let name = entry
        .parameter(&ICalendarParameterName::Cn)
        .and_then(ICalendarParameterValue::as_text)
        .map(|n| n.trim().trim_matches('"').trim().to_string())
        .filter(|n| !n.is_empty());
    let role = match entry.parameter(&ICalendarParameterName::Role) {
        Some(ICalendarParameterValue::Role(r)) => match r {
            ICalendarParticipationRole::Chair | ICalendarParticipationRole::Owner => {
                AttendeeRole::Chair
            }
            ICalendarParticipationRole::OptParticipant => AttendeeRole::Optional,
            ICalendarParticipationRole::NonParticipant => AttendeeRole::NonParticipant,
            ICalendarParticipationRole::ReqParticipant => AttendeeRole::Required,
        },
        _ => AttendeeRole::Required,
    };
    let participation =
        match entry.parameter(&ICalendarParameterName::Partstat) {
            Some(ICalendarParameterValue::Partstat(p)) => match p {
                ICalendarParticipationStatus::Accepted
                | ICalendarParticipationStatus::Completed => Some(Participation::Accepted),
                ICalendarParticipationStatus::Declined | ICalendarParticipationStatus::Failed => {
                    Some(Participation::Declined)
                }
                ICalendarParticipationStatus::Tentative
                | ICalendarParticipationStatus::InProcess => Some(Participation::Tentative),
                ICalendarParticipationStatus::Delegated => Some(Participation::Delegated),
                ICalendarParticipationStatus::NeedsAction => Some(Participation::NeedsAction),
            },
            _ => None,
        };
    Person::Usable(Attendee {
        email,
        name,
        role,
        participation,
    })
}

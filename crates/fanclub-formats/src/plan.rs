//! From a file's bytes to an import plan: read the file with the reader for its format,
//! turn the records into the planner's input and plan them against the people already
//! here. Shared by the command line and the web app, so both propose the same import.
//! Pure: nothing is read from or written to a store.

use fanclub_core::import::{
    CalendarRules, ContactDefaults, ImportPlan, Imported, IncomingAttendee, IncomingContact,
    IncomingEvent, plan_calendar, plan_contacts,
};
use fanclub_core::{Circle, Day, LONG_TEXT, Person, Record, Relation};

use crate::{
    CalendarEvent, ContactRecord, Format, FormatError, IcsOptions, Participation, Problem, Related,
};

/// How records become people and interactions.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOptions {
    /// How new people from a contacts file are filed.
    pub contacts: ContactDefaults,
    /// Which meetings of a calendar count, and who I am.
    pub calendar: CalendarRules,
    /// What to read from a calendar.
    pub ics: IcsOptions,
}

impl PlanOptions {
    /// The defaults of `fanclub import auto`: contacts filed as outside, external; meetings
    /// with at most the default number of others; occurrences up to `today`.
    pub fn new(today: Day) -> PlanOptions {
        crate::ImportChoices::default().plan_options(&fanclub_core::Settings::default(), today)
    }
}

/// Read `bytes` as `format` and plan importing them into a workspace holding `people`
/// (and interactions with `refs` as their external reference). Returns the plan and the
/// problems met in the file; only a file that cannot be read at all is an error.
pub fn plan_file(
    bytes: &[u8],
    format: Format,
    people: &[Record<Person>],
    imported: &Imported,
    options: &PlanOptions,
    today: Day,
) -> Result<(ImportPlan, Vec<Problem>), FormatError> {
    let contacts = match format {
        Format::LinkedIn => crate::linkedin::parse(bytes)?,
        Format::GoogleCsv => crate::google::parse(bytes)?,
        Format::VCard => crate::vcard::parse(bytes)?,
        Format::ICalendar => {
            let report = crate::ics::parse(bytes, &options.ics)?;
            let events: Vec<IncomingEvent> =
                report.records.into_iter().map(incoming_event).collect();
            let plan = plan_calendar(people, imported, &events, &options.calendar, today);
            return Ok((plan, report.problems));
        }
    };
    let mut problems = contacts.problems;
    if contacts.records.is_empty() && problems.is_empty() {
        problems.push(Problem::note(
            crate::Place::File,
            "no contacts in this file, only its header: export it again, with the contacts",
        ));
    }
    let records: Vec<IncomingContact> =
        contacts.records.into_iter().map(incoming_contact).collect();
    let plan = plan_contacts(people, &imported.refs, &records, options.contacts, today);
    Ok((plan, problems))
}

/// A contact record as the planner takes it.
pub fn incoming_contact(r: ContactRecord) -> IncomingContact {
    let notes = notes_with(r.notes, &r.categories, &r.related);
    IncomingContact {
        at: r.at.to_string(),
        name: Some(r.name),
        emails: r.emails,
        phones: r.phones,
        organisation: r.organisation,
        team: r.team,
        title: r.title,
        links: r.links,
        birthday: r.birthday,
        notes,
        connected_on: r.connected_on,
    }
}

/// A contact's notes, then what a person has no field of its own for: the labels or
/// categories given to them elsewhere, and the people they are related to. Left out:
/// Google's label of every contact (`* myContacts`), the circle and relation fanclub's own
/// vCard export writes as its categories, and relations given only as an opaque `urn:`.
fn notes_with(notes: Option<String>, categories: &[String], related: &[Related]) -> Option<String> {
    // fanclub writes the pair exactly as its vocabulary spells it; a member's own label
    // "Team" or "Mentor" stays a label.
    let circle = categories
        .iter()
        .position(|c| Circle::ALL.iter().any(|k| k.as_str() == c));
    let relation = categories
        .iter()
        .position(|c| Relation::ALL.iter().any(|k| k.as_str() == c));
    let ours =
        |i: usize| circle.is_some() && relation.is_some() && [circle, relation].contains(&Some(i));
    let labels: Vec<&str> = categories
        .iter()
        .enumerate()
        .filter(|&(i, _)| !ours(i))
        .map(|(_, c)| c.trim_start_matches('*').trim())
        .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("myContacts"))
        .collect();
    let people: Vec<String> = related
        .iter()
        .filter(|r| !r.value.to_ascii_lowercase().starts_with("urn:"))
        .map(|r| match &r.relation {
            Some(how) => format!("{} ({how})", r.value.trim()),
            None => r.value.trim().to_string(),
        })
        .collect();
    let mut parts: Vec<String> = notes.into_iter().collect();
    if !labels.is_empty() {
        parts.push(format!("Labels: {}", labels.join(", ")));
    }
    if !people.is_empty() {
        parts.push(format!("Related: {}", people.join(", ")));
    }
    let text = parts.join("\n\n");
    // Labels and relations are short, but a hostile file could hold thousands.
    let text: String = text.chars().take(LONG_TEXT).collect();
    (!text.is_empty()).then_some(text)
}

/// A calendar event as the planner takes it.
pub fn incoming_event(e: CalendarEvent) -> IncomingEvent {
    let person = |a: crate::Attendee| IncomingAttendee {
        email: a.email,
        name: a.name,
        declined: a.participation == Some(Participation::Declined),
    };
    IncomingEvent {
        at: e.at.to_string(),
        uid: e.uid,
        occurrence: e.occurrence,
        summary: e.summary,
        date: e.date,
        organizer: e.organizer.map(person),
        attendees: e.attendees.into_iter().map(person).collect(),
        attendee_count: e.attendee_count,
        cancelled: e.cancelled,
    }
}

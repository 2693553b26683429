//! The preview of an import: the choices it was planned with, what would be created,
//! filled in and added, what is skipped or ambiguous, and the problems in the file, by
//! line; the confirm button carries only the upload's token.

use askama::Template;
use fanclub_core::Settings;
use fanclub_core::import::ImportPlan;
use fanclub_formats::{Format, Problem};

use super::pending::Upload;
use super::plural;
use crate::AppState;
use crate::pages::{Layout, Nav};

/// Lines of each list the preview shows.
const SHOWN: usize = 500;

/// One line of a preview list.
#[derive(Debug, Clone)]
pub(super) struct Row {
    at: String,
    name: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "import_preview.html")]
pub(super) struct PreviewPage {
    layout: Layout,
    file_name: String,
    format: String,
    token: String,
    confirm_label: String,
    calendar: bool,
    /// The choices the plan was made with, one sentence each.
    choices: Vec<String>,
    created: Vec<Row>,
    created_total: usize,
    updated: Vec<Row>,
    updated_total: usize,
    interactions: Vec<Row>,
    interactions_total: usize,
    skipped: Vec<Row>,
    skipped_total: usize,
    ambiguous: Vec<Row>,
    ambiguous_total: usize,
    duplicates: Vec<Row>,
    duplicates_total: usize,
    joins: Vec<Row>,
    joined_total: usize,
    problems: Vec<Row>,
    problems_total: usize,
    nothing_to_do: bool,
    shown: usize,
}

fn rows<T>(items: &[T], row: impl Fn(&T) -> Row) -> Vec<Row> {
    items.iter().take(SHOWN).map(row).collect()
}

/// The choices an upload is planned with, in the member's words.
fn choice_lines(upload: &Upload, settings: &Settings) -> Vec<String> {
    let c = &upload.choices;
    if upload.format != Format::ICalendar {
        return vec![format!(
            "New people are filed in the circle “{}” with the relation “{}”.",
            c.contacts.circle, c.contacts.relation
        )];
    }
    let mine = c.my_emails(settings);
    let me = if mine.is_empty() {
        "No address of yours was given: save yours in Settings, or you may be counted as \
         one of the attendees."
            .to_string()
    } else {
        let list: Vec<&str> = mine.iter().map(|e| e.as_str()).collect();
        format!("You are left out of every meeting: {}.", list.join(", "))
    };
    let kind = match c.kind {
        Some(kind) => format!("Every meeting is added as “{kind}”."),
        None => "A meeting with one other person is added as a 1:1, a larger one as a meeting."
            .to_string(),
    };
    let zone = match c.zone(settings) {
        Some(zone) => format!("Times written in UTC are dated in {zone}."),
        None => "Times written in UTC are dated in UTC.".to_string(),
    };
    vec![
        me,
        format!(
            "Meetings with more than {} are left out.",
            plural(c.max_attendees as u64, "other person", "other people")
        ),
        kind,
        format!(
            "At most the last {} of each recurring meeting.",
            plural(c.max_occurrences as u64, "occurrence", "occurrences")
        ),
        zone,
    ]
}

fn confirm_label(calendar: bool, plan: &ImportPlan) -> String {
    let people = (plan.creates.len() + plan.updates.len()) as u64;
    let interactions = plan.interactions.len() as u64;
    if calendar && interactions == 0 {
        format!(
            "Add {} to meetings imported before",
            plural(plan.counts().joined, "person", "people")
        )
    } else if calendar {
        format!(
            "Add {}",
            plural(interactions, "interaction", "interactions")
        )
    } else if interactions == 0 {
        format!("Import {}", plural(people, "person", "people"))
    } else {
        format!(
            "Import {} and {}",
            plural(people, "person", "people"),
            plural(interactions, "interaction", "interactions")
        )
    }
}

pub(super) fn preview_page(
    state: &AppState,
    settings: &Settings,
    upload: &Upload,
    token: String,
    plan: &ImportPlan,
    problems: &[Problem],
) -> PreviewPage {
    let calendar = upload.format == Format::ICalendar;
    PreviewPage {
        layout: Layout::with_log(Nav::People, state.today()),
        file_name: upload.file_name.clone(),
        format: upload.format.to_string(),
        token,
        confirm_label: confirm_label(calendar, plan),
        calendar,
        choices: choice_lines(upload, settings),
        created: rows(&plan.creates, |n| {
            let mut detail: Vec<String> = Vec::new();
            detail.extend(n.person.organisation.clone());
            detail.extend(n.person.title.clone());
            detail.extend(n.person.emails.iter().map(ToString::to_string));
            Row {
                at: n.at.clone(),
                name: n.person.name.to_string(),
                detail: detail.join(", "),
            }
        }),
        created_total: plan.creates.len(),
        updated: rows(&plan.updates, |u| Row {
            at: u.at.join(", "),
            name: u.person.name.to_string(),
            detail: format!(
                "matched by {}; fills in {}",
                u.matched_by,
                u.fields.join(", ")
            ),
        }),
        updated_total: plan.updates.len(),
        interactions: rows(&plan.interactions, |n| Row {
            at: n.at.clone(),
            name: n.interaction.summary.to_string(),
            detail: format!(
                "{} {} with {}",
                n.interaction.on,
                n.interaction.kind,
                n.names.join(", ")
            ),
        }),
        interactions_total: plan.interactions.len(),
        skipped: rows(&plan.skipped, |s| Row {
            at: s.at.clone(),
            name: s.name.clone(),
            detail: s.reason.clone(),
        }),
        skipped_total: plan.skipped.len(),
        ambiguous: rows(&plan.ambiguous, |a| Row {
            at: a.at.clone(),
            name: a.name.clone(),
            detail: format!("could be {}: {}", a.candidates.join(" or "), a.resolution),
        }),
        ambiguous_total: plan.ambiguous.len(),
        duplicates: rows(&plan.possible_duplicates, |d| Row {
            at: d.at.clone(),
            name: d.name.clone(),
            detail: format!(
                "new, and {} has the same name; if they are one person, merge them afterwards: {}",
                d.others.join(" and "),
                d.merge
            ),
        }),
        duplicates_total: plan.possible_duplicates.len(),
        joins: rows(&plan.joins, |j| Row {
            at: j.at.clone(),
            name: j.summary.clone(),
            detail: format!("{}: adds {}", j.on, j.names.join(", ")),
        }),
        joined_total: plan.joins.len(),
        problems: rows(problems, |p| Row {
            at: p.at.to_string(),
            name: String::new(),
            detail: p.message.clone(),
        }),
        problems_total: problems.len(),
        nothing_to_do: plan.writes_nothing(),
        shown: SHOWN,
    }
}

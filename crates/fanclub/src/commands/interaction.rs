//! `fanclub interaction …` and `fanclub log`: dated contacts, which reset the clocks.

use anyhow::Result;
use fanclub_core::{Interaction, InteractionFilter, InteractionKind, PersonId, Record, Title};

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{
    InteractionAdd, InteractionClear, InteractionCommand, InteractionDetails, InteractionEdit,
    InteractionList, LogArgs,
};
use crate::output::{self, Detail, or_dash, short};

pub async fn run(app: &App, cmd: InteractionCommand) -> Result<()> {
    match cmd {
        InteractionCommand::Add(a) => add(app, a).await,
        InteractionCommand::List(a) => list(app, a).await,
        InteractionCommand::Show(a) => show(app, a.id).await,
        InteractionCommand::Edit(a) => edit(app, a).await,
        InteractionCommand::Remove(a) => remove(app, a.id).await,
    }
}

/// The kind a one-line log means when none is given: read from the summary's words, else a
/// 1:1 with one person and a meeting with several.
pub fn guess_kind(summary: &str, people: usize) -> InteractionKind {
    let lower = summary.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    let is = |options: &[&str]| words.iter().any(|w| options.contains(w));
    let starts = |prefixes: &[&str]| {
        words
            .iter()
            .any(|w| prefixes.iter().any(|p| w.starts_with(p)))
    };
    if is(&["1:1", "1on1"]) {
        InteractionKind::OneOnOne
    } else if starts(&["coffee"]) || is(&["lunch", "breakfast", "dinner", "drinks"]) {
        InteractionKind::Coffee
    } else if starts(&["demo"]) {
        InteractionKind::Demo
    } else if starts(&["presentation", "presented"]) || is(&["talk", "keynote"]) {
        InteractionKind::Presentation
    } else if starts(&["intro"]) {
        InteractionKind::Introduction
    } else if starts(&["feedback"]) {
        InteractionKind::Feedback
    } else if is(&[
        "message", "messaged", "email", "emailed", "slack", "slacked", "chat", "dm", "texted",
    ]) {
        InteractionKind::Message
    } else if is(&["helped"]) {
        InteractionKind::HelpGiven
    } else if people > 1
        || starts(&["meeting"])
        || is(&["sync", "standup", "workshop", "review", "offsite"])
    {
        InteractionKind::Meeting
    } else {
        InteractionKind::OneOnOne
    }
}

async fn create(
    app: &App,
    with: &[String],
    kind: Option<InteractionKind>,
    summary: Title,
    d: InteractionDetails,
) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let people = roster.resolve_all("with", with)?;
    let kind = kind.unwrap_or_else(|| guess_kind(summary.as_str(), people.len()));
    let mut i = Interaction::new(d.on.unwrap_or(app.today), kind, summary, people);
    i.notes = text("notes", d.notes.as_ref(), LONG_TEXT)?;
    i.learned = text("learned", d.learned.as_ref(), LONG_TEXT)?;
    i.follow_up = text("follow-up", d.follow_up.as_ref(), LONG_TEXT)?;
    i.follow_up_due = d.due;
    i.validate()?;
    let rec = app.store.create_interaction(&i).await?;
    let mut line = format!(
        "Logged {} with {} on {} (#{}).",
        rec.kind,
        roster.names(&rec.people),
        rec.on,
        rec.id
    );
    if let Some(f) = &rec.follow_up {
        let due = rec
            .follow_up_due
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        line.push_str(&format!("\nFollow-up: {f}{due}."));
    }
    report(app, &rec, line)
}

pub async fn log(app: &App, a: LogArgs) -> Result<()> {
    create(app, &a.with, a.kind, a.summary, a.details).await
}

async fn add(app: &App, a: InteractionAdd) -> Result<()> {
    create(app, &a.with, Some(a.kind), a.summary, a.details).await
}

async fn list(app: &App, a: InteractionList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let person: Option<PersonId> = a.with.as_deref().map(|k| roster.resolve(k)).transpose()?;
    let limit = (!a.all).then_some(a.limit);
    let filter = InteractionFilter {
        person,
        since: a.since,
        until: a.until,
        open_follow_ups: a.follow_ups,
        limit,
    };
    let found = app.store.list_interactions(&filter).await?;
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "date", "kind", "with", "summary", "follow-up"]);
    for i in &found {
        let follow = match (&i.follow_up, i.follow_up_done) {
            (Some(_), true) => "done".to_string(),
            (Some(f), false) => match i.follow_up_due {
                Some(d) => format!("{} (due {d})", short(f, 30)),
                None => short(f, 30),
            },
            (None, _) => String::new(),
        };
        t.add_row(vec![
            i.id.to_string(),
            i.on.to_string(),
            i.kind.to_string(),
            short(&roster.names(&i.people), 30),
            short(i.summary.as_str(), 50),
            follow,
        ]);
    }
    output::print_table(
        &t,
        "No interactions found. Log one with `fanclub log \"Coffee with Dana\" --with dana`.",
    );
    if limit.is_some_and(|n| found.len() == n as usize) {
        outln!(
            "Showing the {} most recent; use --limit N or --all for more.",
            found.len()
        );
    }
    Ok(())
}

fn print_interaction(roster: &Roster, i: &Record<Interaction>) {
    outln!("Interaction #{}: {}", i.id, i.summary);
    let mut d = Detail::new();
    d.row("date", i.on);
    d.row("kind", i.kind);
    d.row(
        "with",
        i.people
            .iter()
            .map(|p| roster.label(*p))
            .collect::<Vec<_>>()
            .join(", "),
    );
    d.opt("notes", i.notes.as_deref());
    d.opt("learned", i.learned.as_deref());
    if let Some(f) = &i.follow_up {
        let state = if i.follow_up_done { "done" } else { "open" };
        let due = i
            .follow_up_due
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        d.row("follow-up", format!("{f} ({state}{due})"));
    }
    d.opt("imported from", i.external_ref.as_deref());
    d.print();
}

async fn show(app: &App, id: fanclub_core::InteractionId) -> Result<()> {
    let i = app.store.get_interaction(id).await?;
    if app.json {
        return output::json(&i);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    print_interaction(&roster, &i);
    Ok(())
}

async fn edit(app: &App, a: InteractionEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let before = app.store.get_interaction(a.id).await?;
    let mut i = before.clone();
    for c in &a.clear {
        match c {
            InteractionClear::Notes => i.notes = None,
            InteractionClear::Learned => i.learned = None,
            InteractionClear::FollowUp => {
                i.follow_up = None;
                i.follow_up_due = None;
                i.follow_up_done = false;
            }
            InteractionClear::Due => i.follow_up_due = None,
        }
    }
    if !a.with.is_empty() {
        i.people = roster.resolve_all("with", &a.with)?;
    }
    if let Some(k) = a.kind {
        i.kind = k;
    }
    if let Some(s) = a.summary {
        i.summary = s;
    }
    if let Some(on) = a.on {
        i.on = on;
    }
    set_text(&mut i.notes, "notes", a.notes.as_ref(), LONG_TEXT)?;
    set_text(&mut i.learned, "learned", a.learned.as_ref(), LONG_TEXT)?;
    set_text(
        &mut i.follow_up,
        "follow-up",
        a.follow_up.as_ref(),
        LONG_TEXT,
    )?;
    if a.due.is_some() {
        i.follow_up_due = a.due;
    }
    if a.done || a.reopen {
        if i.follow_up.is_none() {
            return Err(crate::failure::usage(format!(
                "interaction #{} has no follow-up to mark; add one with --follow-up TEXT",
                i.id
            )));
        }
        i.follow_up_done = a.done;
    }
    i.validate()?;
    if i == before {
        return report(
            app,
            &i,
            format!("Nothing to change for interaction #{}.", i.id),
        );
    }
    let saved = app.store.update_interaction(&i).await?;
    let line = if a.done {
        format!(
            "Follow-up done: {} (interaction #{}).",
            or_dash(saved.follow_up.as_deref()),
            saved.id
        )
    } else {
        format!("Updated interaction #{}: {}.", saved.id, saved.summary)
    };
    report(app, &saved, line)
}

async fn remove(app: &App, id: fanclub_core::InteractionId) -> Result<()> {
    let i = app.store.get_interaction(id).await?;
    app.store.delete_interaction(id).await?;
    report(
        app,
        &i,
        format!("Removed interaction #{}: {}.", i.id, i.summary),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_from_the_summary() {
        assert_eq!(
            guess_kind("Coffee with Dana Kim", 1),
            InteractionKind::Coffee
        );
        assert_eq!(guess_kind("1:1 with Sam", 1), InteractionKind::OneOnOne);
        assert_eq!(
            guess_kind("Sent Priya the churn deck on Slack", 1),
            InteractionKind::Message
        );
        assert_eq!(
            guess_kind("Pricing demo for sales", 3),
            InteractionKind::Demo
        );
        assert_eq!(
            guess_kind("Caught up with Dana", 1),
            InteractionKind::OneOnOne
        );
        assert_eq!(
            guess_kind("Caught up with the leads", 3),
            InteractionKind::Meeting
        );
        assert_eq!(
            guess_kind("Introduced Jo to Marcus", 2),
            InteractionKind::Introduction
        );
        assert_eq!(
            guess_kind("Talked pricing with Dana", 1),
            InteractionKind::OneOnOne
        );
    }
}

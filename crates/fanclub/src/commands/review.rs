//! `fanclub review …`: the member's part of the weekly review, one per ISO week.

use anyhow::Result;
use fanclub_core::{CoreError, IsoWeek, Record, WeeklyReview};

use super::{App, LONG_TEXT, report, set_text};
use crate::cli::{ReviewAdd, ReviewClear, ReviewCommand, ReviewEdit, ReviewFields};
use crate::output::{self, Detail, heading, short};

pub async fn run(app: &App, cmd: ReviewCommand) -> Result<()> {
    match cmd {
        ReviewCommand::Add(a) => add(app, a).await,
        ReviewCommand::List => list(app).await,
        ReviewCommand::Show(a) => show(app, a.week).await,
        ReviewCommand::Edit(a) => edit(app, a).await,
        ReviewCommand::Remove(a) => remove(app, a.week).await,
    }
}

fn not_found(week: IsoWeek) -> CoreError {
    CoreError::NotFound {
        kind: "review",
        key: week.to_string(),
        hint: "see `fanclub review list`".into(),
    }
}

/// Apply the member's part; `--kept N`/`--missed N` refer to last week's commitments.
pub(crate) fn apply(r: &mut WeeklyReview, f: &ReviewFields) -> Result<(), CoreError> {
    set_text(&mut r.wins, "wins", f.wins.as_ref(), LONG_TEXT)?;
    set_text(&mut r.learned, "learned", f.learned.as_ref(), LONG_TEXT)?;
    set_text(&mut r.helped, "helped", f.helped.as_ref(), LONG_TEXT)?;
    r.next_week.extend(f.commits.iter().cloned());
    let count = r.last_week.len();
    for (marks, kept, field) in [(&f.kept, true, "kept"), (&f.missed, false, "missed")] {
        for n in marks {
            let expected = if count == 0 {
                format!(
                    "no commitments to mark: {} has no review with next-week commitments",
                    r.week.previous()
                )
            } else {
                format!("a number from 1 to {count} (last week's commitments)")
            };
            let c = r
                .last_week
                .get_mut(n - 1)
                .ok_or_else(|| CoreError::invalid(field, n.to_string(), expected))?;
            c.kept = Some(kept);
        }
    }
    r.validate()
}

async fn add(app: &App, a: ReviewAdd) -> Result<()> {
    let week = a.week.unwrap_or_else(|| app.today.iso_week());
    if app.store.get_review(week).await?.is_some() {
        return Err(CoreError::Conflict(format!(
            "there is already a review for {week}; change it with `fanclub review edit {week}`"
        ))
        .into());
    }
    // The agenda is kept as generated today, so the review's history shows what the
    // engine advised that week.
    let (agenda, previous) = super::engine::review_agenda(app, week).await?;
    let mut r =
        fanclub_core::engine::weekly::new_review(week, &agenda, previous.as_ref(), app.today);
    apply(&mut r, &a.fields)?;
    let rec = app.store.save_review(&r).await?;
    let line = format!(
        "Saved the review for {week}: {} for next week.",
        output::plural(rec.next_week.len(), "commitment", "commitments")
    );
    report(app, &rec, line)
}

fn kept_text(r: &WeeklyReview) -> String {
    if r.last_week.is_empty() {
        return String::new();
    }
    let kept = r.last_week.iter().filter(|c| c.kept == Some(true)).count();
    format!("{kept}/{}", r.last_week.len())
}

async fn list(app: &App) -> Result<()> {
    let reviews: Vec<Record<WeeklyReview>> = app.store.list_reviews().await?;
    if app.json {
        return output::json(&reviews);
    }
    let mut t = output::table(["week", "saved", "kept", "next week", "wins"]);
    for r in &reviews {
        t.add_row(vec![
            r.week.to_string(),
            r.saved_on.to_string(),
            kept_text(r),
            r.next_week.len().to_string(),
            short(r.wins.as_deref().unwrap_or(""), 50),
        ]);
    }
    output::print_table(
        &t,
        "No reviews yet. Fifteen minutes a week: `fanclub review add --wins … --commit …`.",
    );
    Ok(())
}

pub(crate) async fn show(app: &App, week: IsoWeek) -> Result<()> {
    let r = app
        .store
        .get_review(week)
        .await?
        .ok_or_else(|| not_found(week))?;
    if app.json {
        return output::json(&r);
    }
    outln!(
        "Review of {} (week of {}, saved {})",
        r.week,
        r.week.monday(),
        r.saved_on
    );
    if !r.last_week.is_empty() {
        heading("Last week's commitments");
        for (i, c) in r.last_week.iter().enumerate() {
            let state = match c.kept {
                Some(true) => "kept",
                Some(false) => "missed",
                None => "not marked",
            };
            outln!("  {}. {} ({state})", i + 1, c.text);
        }
    }
    heading("This week");
    let mut d = Detail::new();
    d.opt("wins", r.wins.as_deref());
    d.opt("learned", r.learned.as_deref());
    d.opt("helped", r.helped.as_deref());
    d.print();
    if !r.next_week.is_empty() {
        heading("Next week");
        for (i, c) in r.next_week.iter().enumerate() {
            outln!("  {}. {c}", i + 1);
        }
    }
    Ok(())
}

async fn edit(app: &App, a: ReviewEdit) -> Result<()> {
    let before = app
        .store
        .get_review(a.week)
        .await?
        .ok_or_else(|| not_found(a.week))?;
    let mut r = before.value.clone();
    for c in &a.clear {
        match c {
            ReviewClear::Wins => r.wins = None,
            ReviewClear::Learned => r.learned = None,
            ReviewClear::Helped => r.helped = None,
            ReviewClear::Commitments => r.next_week.clear(),
        }
    }
    apply(&mut r, &a.fields)?;
    if r == before.value {
        return report(app, &before, format!("Nothing to change for {}.", a.week));
    }
    r.saved_on = app.today;
    let saved = app.store.save_review(&r).await?;
    report(
        app,
        &saved,
        format!("Updated the review for {}.", saved.week),
    )
}

async fn remove(app: &App, week: IsoWeek) -> Result<()> {
    let r = app
        .store
        .get_review(week)
        .await?
        .ok_or_else(|| not_found(week))?;
    app.store.delete_review(week).await?;
    report(app, &r, format!("Removed the review for {week}."))
}

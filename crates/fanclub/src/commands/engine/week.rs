//! `fanclub week`: the weekly review. The agenda comes from the engine; the member's part
//! comes from flags or, on a terminal, from a few questions. Saved per ISO week.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use fanclub_core::engine::weekly::{self, Agenda};
use fanclub_core::services;
use fanclub_core::{IsoWeek, WeeklyReview};
use serde::Serialize;

use crate::cli::{ReviewFields, WeekArgs};
use crate::commands::{App, review};
use crate::output::{self, heading};

/// The agenda of `week` from everything the store holds, and the review before it.
pub async fn review_agenda(app: &App, week: IsoWeek) -> Result<(Agenda, Option<WeeklyReview>)> {
    Ok(services::week_agenda(app.store.as_ref(), week, app.today).await?)
}

#[derive(Serialize)]
struct WeekOutput<'a> {
    agenda: &'a Agenda,
    review: &'a fanclub_core::Record<WeeklyReview>,
}

pub async fn week(app: &App, mut a: WeekArgs) -> Result<()> {
    if let Some(w) = a.show {
        return show(app, w).await;
    }
    let week = a.week.unwrap_or_else(|| app.today.iso_week());
    let (agenda, previous) = review_agenda(app, week).await?;
    let mut r = match app.store.get_review(week).await? {
        // Running it again the same week refreshes the agenda and keeps what I wrote.
        Some(existing) => {
            let mut r = existing.value;
            r.agenda = serde_json::to_value(&agenda)?;
            r.saved_on = app.today;
            if r.last_week.is_empty() {
                r.last_week =
                    weekly::new_review(week, &agenda, previous.as_ref(), app.today).last_week;
            }
            r
        }
        None => weekly::new_review(week, &agenda, previous.as_ref(), app.today),
    };
    if !app.json {
        print_agenda(&agenda);
    }
    let interactive = !app.json
        && !a.no_prompt
        && is_empty(&a.fields)
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal();
    if interactive {
        ask(&r, &mut a.fields)?;
    }
    review::apply(&mut r, &a.fields)?;
    let saved = app.store.save_review(&r).await?;
    if app.json {
        return output::json(&WeekOutput {
            agenda: &agenda,
            review: &saved,
        });
    }
    outln!(
        "\nSaved the review of {week}{}. See it again with `fanclub week --show {week}`.",
        match saved.next_week.len() {
            0 => String::new(),
            n => format!(" with {}", output::plural(n, "commitment", "commitments")),
        }
    );
    Ok(())
}

fn is_empty(f: &ReviewFields) -> bool {
    f.wins.is_none()
        && f.learned.is_none()
        && f.helped.is_none()
        && f.commits.is_empty()
        && f.kept.is_empty()
        && f.missed.is_empty()
}

async fn show(app: &App, week: IsoWeek) -> Result<()> {
    let saved = app.store.get_review(week).await?;
    if !app.json
        && let Some(r) = &saved
        && let Ok(agenda) = serde_json::from_value::<Agenda>(r.agenda.clone())
    {
        print_agenda(&agenda);
        outln!();
    }
    review::show(app, week).await
}

fn print_agenda(a: &Agenda) {
    outln!("Weekly review — {} (week of {})", a.week, a.week.monday());
    if let Some(lw) = &a.last_week {
        heading("Last week's commitments");
        for (i, c) in lw.commitments.iter().enumerate() {
            outln!("  {}. {c}", i + 1);
        }
        outln!("  ({})", lw.why);
    }
    heading(&format!(
        "Relationships to tend ({} of {} due)",
        a.tend.len(),
        a.tend_total
    ));
    if a.tend.is_empty() {
        outln!("  Everyone is within their cadence.");
    }
    for d in &a.tend {
        outln!("  - {} ({}): {}", d.person.name, d.person.handle, d.why);
    }
    heading("Wins to make visible");
    if a.wins_to_share.is_empty() {
        outln!("  Your recent wins are known to the people who matter.");
    }
    for w in &a.wins_to_share {
        outln!("  - #{} {}: {}", w.win, w.title, w.why);
    }
    heading("Rooms at risk");
    if a.rooms_at_risk.is_empty() {
        outln!("  No upcoming room is at risk.");
    }
    for r in &a.rooms_at_risk {
        outln!("  - {}", r.why);
        if let Some(act) = &r.first_action {
            outln!("    Next: {act}");
        }
    }
    if let Some(f) = &a.focus {
        heading(&format!(
            "Track to grow: {} (level {} of {})",
            f.name, f.level, f.target
        ));
        outln!("  {}", f.why);
        if let Some(p) = &f.practice {
            outln!("  Try: {} — {}", p.title, p.how);
        }
    }
    if !a.perception_gaps.is_empty() {
        heading("Open perception gaps");
        for g in &a.perception_gaps {
            outln!("  - {}", g.why);
        }
    }
    if !a.follow_ups.is_empty() {
        heading(&format!(
            "Follow-ups ({} of {})",
            a.follow_ups.len(),
            a.follow_ups_total
        ));
        for f in &a.follow_ups {
            outln!("  - {} — {} ({})", f.follow_up, f.summary, f.why);
        }
    }
}

/// The member's part, asked on the terminal. Empty answers leave a field as it is.
fn ask(r: &WeeklyReview, f: &mut ReviewFields) -> Result<()> {
    eprintln!("\nYour part (press Enter to skip a question).");
    for (i, c) in r.last_week.iter().enumerate() {
        let answer = prompt(&format!("Did you keep \"{}\"? [y/n]", c.text))?;
        match answer.to_ascii_lowercase().as_str() {
            "y" | "yes" => f.kept.push(i + 1),
            "n" | "no" => f.missed.push(i + 1),
            _ => {}
        }
    }
    let text = |s: String| (!s.is_empty()).then_some(s);
    f.wins = text(prompt("This week's wins")?);
    f.learned = text(prompt("What did you learn?")?);
    f.helped = text(prompt("Whom did you help, and how?")?);
    loop {
        let c = prompt("A commitment for next week (Enter when done)")?;
        if c.is_empty() {
            break;
        }
        f.commits.push(c);
    }
    Ok(())
}

fn prompt(question: &str) -> Result<String> {
    eprint!("{question}: ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

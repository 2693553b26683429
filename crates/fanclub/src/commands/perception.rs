//! `fanclub perception …`: how people understand my work, and the gaps to close.

use anyhow::Result;
use fanclub_core::{PerceptionCheck, PerceptionId, Record};

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{
    PerceptionAdd, PerceptionClear, PerceptionCommand, PerceptionEdit, PerceptionList,
};
use crate::output::{self, Detail, or_dash, short};

pub async fn run(app: &App, cmd: PerceptionCommand) -> Result<()> {
    match cmd {
        PerceptionCommand::Add(a) => add(app, a).await,
        PerceptionCommand::List(a) => list(app, a).await,
        PerceptionCommand::Show(a) => show(app, a.id).await,
        PerceptionCommand::Edit(a) => edit(app, a).await,
        PerceptionCommand::Remove(a) => remove(app, a.id).await,
    }
}

async fn add(app: &App, a: PerceptionAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let p = PerceptionCheck {
        person: roster.resolve(&a.person)?,
        on: a.on.unwrap_or(app.today),
        description: a.description,
        gap: text("gap", a.gap.as_ref(), LONG_TEXT)?,
        remedy: text("remedy", a.remedy.as_ref(), LONG_TEXT)?,
        status: a.status,
    };
    let rec = app.store.create_perception(&p).await?;
    let gap = if rec.is_open() {
        "; the gap is open"
    } else {
        ""
    };
    let line = format!(
        "Recorded how {} sees your work (#{}){gap}.",
        roster.name(rec.person),
        rec.id
    );
    report(app, &rec, line)
}

async fn list(app: &App, a: PerceptionList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let person = a.person.as_deref().map(|k| roster.resolve(k)).transpose()?;
    let found: Vec<Record<PerceptionCheck>> = app
        .store
        .list_perceptions()
        .await?
        .into_iter()
        .filter(|p| !a.open || p.is_open())
        .filter(|p| person.is_none_or(|id| p.person == id))
        .collect();
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "date", "person", "status", "gap"]);
    for p in &found {
        t.add_row(vec![
            p.id.to_string(),
            p.on.to_string(),
            roster.name(p.person),
            p.status.to_string(),
            short(p.gap.as_deref().unwrap_or(""), 60),
        ]);
    }
    let empty = if a.open {
        "No open gaps."
    } else {
        "No perception checks yet. Ask someone how they see your work, then `fanclub perception add`."
    };
    output::print_table(&t, empty);
    Ok(())
}

async fn show(app: &App, id: PerceptionId) -> Result<()> {
    let p = app.store.get_perception(id).await?;
    if app.json {
        return output::json(&p);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    outln!("Perception check #{} with {}", p.id, roster.label(p.person));
    Detail::new()
        .row("date", p.on)
        .row("status", p.status)
        .row("they say", &p.description)
        .row("gap", or_dash(p.gap.as_deref()))
        .row("remedy", or_dash(p.remedy.as_deref()))
        .print();
    Ok(())
}

async fn edit(app: &App, a: PerceptionEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let before = app.store.get_perception(a.id).await?;
    let mut p = before.clone();
    for c in &a.clear {
        match c {
            PerceptionClear::Gap => p.gap = None,
            PerceptionClear::Remedy => p.remedy = None,
        }
    }
    if let Some(k) = &a.person {
        p.person = roster.resolve(k)?;
    }
    if let Some(d) = a.description {
        p.description = d;
    }
    set_text(&mut p.gap, "gap", a.gap.as_ref(), LONG_TEXT)?;
    set_text(&mut p.remedy, "remedy", a.remedy.as_ref(), LONG_TEXT)?;
    if let Some(s) = a.status {
        p.status = s;
    }
    if let Some(on) = a.on {
        p.on = on;
    }
    if p == before {
        return report(
            app,
            &p,
            format!("Nothing to change for perception check #{}.", p.id),
        );
    }
    let saved = app.store.update_perception(&p).await?;
    let line = format!(
        "Updated perception check #{} with {} ({}).",
        saved.id,
        roster.name(saved.person),
        saved.status
    );
    report(app, &saved, line)
}

async fn remove(app: &App, id: PerceptionId) -> Result<()> {
    let p = app.store.get_perception(id).await?;
    app.store.delete_perception(id).await?;
    report(app, &p, format!("Removed perception check #{}.", p.id))
}

//! `fanclub evidence …`: dated proof of a competency, claimed, witnessed or endorsed.

use anyhow::Result;
use fanclub_core::{Evidence, EvidenceId, EvidenceSource, EvidenceStrength, Record};

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{EvidenceAdd, EvidenceClear, EvidenceCommand, EvidenceEdit, EvidenceList};
use crate::output::{self, Detail, short};

pub async fn run(app: &App, cmd: EvidenceCommand) -> Result<()> {
    match cmd {
        EvidenceCommand::Add(a) => add(app, a).await,
        EvidenceCommand::List(a) => list(app, a).await,
        EvidenceCommand::Show(a) => show(app, a.id).await,
        EvidenceCommand::Edit(a) => edit(app, a).await,
        EvidenceCommand::Remove(a) => remove(app, a.id).await,
    }
}

/// Check the evidence against the framework, and that the win and interaction it cites
/// exist (a missing one is "not found", exit 1).
async fn check(app: &App, e: &Evidence) -> Result<()> {
    e.validate(&app.store.get_framework().await?)?;
    if let Some(w) = e.win {
        app.store.get_win(w).await?;
    }
    if let Some(i) = e.interaction {
        app.store.get_interaction(i).await?;
    }
    Ok(())
}

async fn add(app: &App, a: EvidenceAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let person = a.person.as_deref().map(|k| roster.resolve(k)).transpose()?;
    let source = a
        .source
        .unwrap_or(match (a.win, a.interaction, a.strength) {
            (Some(_), _, _) => EvidenceSource::Win,
            (None, Some(_), _) => EvidenceSource::Interaction,
            (None, None, EvidenceStrength::Endorsed) => EvidenceSource::Feedback,
            _ => EvidenceSource::Other,
        });
    let e = Evidence {
        on: a.on.unwrap_or(app.today),
        track: a.track,
        strength: a.strength,
        source,
        summary: a.summary,
        quote: text("quote", a.quote.as_ref(), LONG_TEXT)?,
        person,
        win: a.win,
        interaction: a.interaction,
    };
    check(app, &e).await?;
    let rec = app.store.create_evidence(&e).await?;
    let line = format!(
        "Added {} evidence #{} for {}: {}.",
        rec.strength, rec.id, rec.track, rec.summary
    );
    report(app, &rec, line)
}

async fn list(app: &App, a: EvidenceList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let found: Vec<Record<Evidence>> = app
        .store
        .list_evidence()
        .await?
        .into_iter()
        .filter(|e| a.track.as_ref().is_none_or(|t| &e.track == t))
        .collect();
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "date", "track", "strength", "summary", "who"]);
    for e in &found {
        t.add_row(vec![
            e.id.to_string(),
            e.on.to_string(),
            e.track.to_string(),
            e.strength.to_string(),
            short(e.summary.as_str(), 50),
            e.person.map(|p| roster.name(p)).unwrap_or_default(),
        ]);
    }
    output::print_table(
        &t,
        "No evidence yet. Add some with `fanclub evidence add --track strategy --summary TEXT`.",
    );
    Ok(())
}

async fn show(app: &App, id: EvidenceId) -> Result<()> {
    let e = app.store.get_evidence(id).await?;
    if app.json {
        return output::json(&e);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    outln!("Evidence #{}: {}", e.id, e.summary);
    let mut d = Detail::new();
    d.row("date", e.on)
        .row("track", &e.track)
        .row("strength", e.strength)
        .row("source", e.source);
    d.opt("person", e.person.map(|p| roster.label(p)));
    d.opt("quote", e.quote.as_deref().map(|q| format!("“{q}”")));
    d.opt("win", e.win.map(|w| format!("#{w}")));
    d.opt("interaction", e.interaction.map(|i| format!("#{i}")));
    d.print();
    Ok(())
}

async fn edit(app: &App, a: EvidenceEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let before = app.store.get_evidence(a.id).await?;
    let mut e = before.clone();
    for c in &a.clear {
        match c {
            EvidenceClear::Quote => e.quote = None,
            EvidenceClear::Person => e.person = None,
            EvidenceClear::Win => e.win = None,
            EvidenceClear::Interaction => e.interaction = None,
        }
    }
    if let Some(t) = a.track {
        e.track = t;
    }
    if let Some(s) = a.summary {
        e.summary = s;
    }
    if let Some(s) = a.strength {
        e.strength = s;
    }
    if let Some(s) = a.source {
        e.source = s;
    }
    if let Some(on) = a.on {
        e.on = on;
    }
    if let Some(k) = &a.person {
        e.person = Some(roster.resolve(k)?);
    }
    set_text(&mut e.quote, "quote", a.quote.as_ref(), LONG_TEXT)?;
    if a.win.is_some() {
        e.win = a.win;
    }
    if a.interaction.is_some() {
        e.interaction = a.interaction;
    }
    check(app, &e).await?;
    if e == before {
        return report(
            app,
            &e,
            format!("Nothing to change for evidence #{}.", e.id),
        );
    }
    let saved = app.store.update_evidence(&e).await?;
    report(
        app,
        &saved,
        format!("Updated evidence #{}: {}.", saved.id, saved.summary),
    )
}

async fn remove(app: &App, id: EvidenceId) -> Result<()> {
    let e = app.store.get_evidence(id).await?;
    app.store.delete_evidence(id).await?;
    report(
        app,
        &e,
        format!("Removed evidence #{}: {}.", e.id, e.summary),
    )
}

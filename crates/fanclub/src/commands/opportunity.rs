//! `fanclub opportunity …`: assignments offered to me, and who put me forward.

use anyhow::Result;
use fanclub_core::{Opportunity, OpportunityId, Record, TrackKey};

use super::win::check_tracks;
use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{
    OpportunityAdd, OpportunityClear, OpportunityCommand, OpportunityEdit, OpportunityList,
};
use crate::output::{self, Detail, short};

pub async fn run(app: &App, cmd: OpportunityCommand) -> Result<()> {
    match cmd {
        OpportunityCommand::Add(a) => add(app, a).await,
        OpportunityCommand::List(a) => list(app, a).await,
        OpportunityCommand::Show(a) => show(app, a.id).await,
        OpportunityCommand::Edit(a) => edit(app, a).await,
        OpportunityCommand::Remove(a) => remove(app, a.id).await,
    }
}

fn add_tracks(list: &mut Vec<TrackKey>, new: &[TrackKey]) {
    for t in new {
        if !list.contains(t) {
            list.push(t.clone());
        }
    }
}

async fn add(app: &App, a: OpportunityAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let mut o = Opportunity {
        title: a.title,
        kind: a.kind,
        on: a.on.unwrap_or(app.today),
        sponsor: a
            .sponsor
            .as_deref()
            .map(|k| roster.resolve(k))
            .transpose()?,
        status: a.status,
        tracks: Vec::new(),
        notes: text("notes", a.notes.as_ref(), LONG_TEXT)?,
    };
    add_tracks(&mut o.tracks, &a.tracks);
    check_tracks(&app.store.get_framework().await?, &o.tracks)?;
    let rec = app.store.create_opportunity(&o).await?;
    let by = rec
        .sponsor
        .map(|s| format!(", thanks to {}", roster.name(s)))
        .unwrap_or_default();
    report(
        app,
        &rec,
        format!(
            "Added opportunity #{}: {} ({}){by}.",
            rec.id, rec.title, rec.status
        ),
    )
}

async fn list(app: &App, a: OpportunityList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let found: Vec<Record<Opportunity>> = app
        .store
        .list_opportunities()
        .await?
        .into_iter()
        .filter(|o| a.status.is_none_or(|s| o.status == s))
        .collect();
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "date", "opportunity", "kind", "status", "sponsor"]);
    for o in &found {
        t.add_row(vec![
            o.id.to_string(),
            o.on.to_string(),
            short(o.title.as_str(), 50),
            o.kind.to_string(),
            o.status.to_string(),
            o.sponsor.map(|s| roster.name(s)).unwrap_or_default(),
        ]);
    }
    output::print_table(
        &t,
        "No opportunities yet. When someone offers you one, `fanclub opportunity add TITLE --kind project`.",
    );
    Ok(())
}

async fn show(app: &App, id: OpportunityId) -> Result<()> {
    let o = app.store.get_opportunity(id).await?;
    if app.json {
        return output::json(&o);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    outln!("Opportunity #{}: {}", o.id, o.title);
    let mut d = Detail::new();
    d.row("offered", o.on)
        .row("kind", o.kind)
        .row("status", o.status);
    d.opt("sponsor", o.sponsor.map(|s| roster.label(s)));
    d.opt(
        "tracks",
        (!o.tracks.is_empty()).then(|| {
            o.tracks
                .iter()
                .map(TrackKey::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    d.opt("notes", o.notes.as_deref());
    d.print();
    Ok(())
}

async fn edit(app: &App, a: OpportunityEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let before = app.store.get_opportunity(a.id).await?;
    let mut o = before.clone();
    for c in &a.clear {
        match c {
            OpportunityClear::Sponsor => o.sponsor = None,
            OpportunityClear::Tracks => o.tracks.clear(),
            OpportunityClear::Notes => o.notes = None,
        }
    }
    if let Some(t) = a.title {
        o.title = t;
    }
    if let Some(k) = a.kind {
        o.kind = k;
    }
    if let Some(k) = &a.sponsor {
        o.sponsor = Some(roster.resolve(k)?);
    }
    if let Some(s) = a.status {
        o.status = s;
    }
    if let Some(on) = a.on {
        o.on = on;
    }
    add_tracks(&mut o.tracks, &a.tracks);
    check_tracks(&app.store.get_framework().await?, &a.tracks)?;
    set_text(&mut o.notes, "notes", a.notes.as_ref(), LONG_TEXT)?;
    if o == before {
        return report(
            app,
            &o,
            format!("Nothing to change for opportunity #{}.", o.id),
        );
    }
    let saved = app.store.update_opportunity(&o).await?;
    report(
        app,
        &saved,
        format!(
            "Updated opportunity #{}: {} ({}).",
            saved.id, saved.title, saved.status
        ),
    )
}

async fn remove(app: &App, id: OpportunityId) -> Result<()> {
    let o = app.store.get_opportunity(id).await?;
    app.store.delete_opportunity(id).await?;
    report(
        app,
        &o,
        format!("Removed opportunity #{}: {}.", o.id, o.title),
    )
}

//! `fanclub decision …`: the rooms where decisions about me are taken, and my coverage.

use anyhow::Result;
use fanclub_core::{
    CoreError, Decision, DecisionId, Person, PersonId, Record, Relation, RoomRole, Seat, Stance,
};
use serde::Serialize;
use serde_json::json;

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{DecisionAdd, DecisionClear, DecisionCommand, DecisionEdit, DecisionList};
use crate::output::{self, Detail, dated, heading, short};

pub async fn run(app: &App, cmd: DecisionCommand) -> Result<()> {
    match cmd {
        DecisionCommand::Add(a) => add(app, a).await,
        DecisionCommand::List(a) => list(app, a).await,
        DecisionCommand::Show(a) => show(app, a.id).await,
        DecisionCommand::Edit(a) => edit(app, a).await,
        DecisionCommand::Remove(a) => remove(app, a.id).await,
    }
}

/// Who in a room will speak for me, weighted by influence.
#[derive(Debug, Serialize)]
struct Coverage {
    /// Members at advocate or sponsor.
    speak_for_me: Vec<PersonId>,
    /// Members whose stance is unknown.
    unknown: Vec<PersonId>,
    /// Detractors.
    against: Vec<PersonId>,
    /// Influence of those who speak for me over the room's total, 0–1.
    weighted: f64,
    warnings: Vec<String>,
}

fn coverage(roster: &Roster, d: &Decision) -> Coverage {
    let members: Vec<&Record<Person>> =
        d.room.iter().filter_map(|s| roster.get(s.person)).collect();
    let pick = |f: &dyn Fn(&Person) -> bool| {
        members
            .iter()
            .filter(|p| f(p))
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    let speak_for_me = pick(&|p| p.stance.speaks_for_me());
    let unknown = pick(&|p| p.stance == Stance::Unknown);
    let against = pick(&|p| p.stance == Stance::Detractor);
    let total: u32 = members.iter().map(|p| u32::from(p.influence.get())).sum();
    let mine: u32 = members
        .iter()
        .filter(|p| p.stance.speaks_for_me())
        .map(|p| u32::from(p.influence.get()))
        .sum();
    let weighted = if total == 0 {
        0.0
    } else {
        f64::from(mine) / f64::from(total)
    };
    let mut warnings = Vec::new();
    if members.is_empty() {
        warnings
            .push("Nobody is in this room yet: add who decides with `--add-decider`.".to_string());
    } else if speak_for_me.is_empty() {
        warnings.push("Nobody in this room speaks for you yet.".to_string());
    } else if speak_for_me.len() == 1
        && roster
            .get(speak_for_me[0])
            .is_some_and(|p| p.relation == Relation::Manager)
    {
        warnings.push("Your manager is the only voice for you in this room.".to_string());
    }
    if !against.is_empty() {
        let verb = if against.len() == 1 { "is" } else { "are" };
        warnings.push(format!("{} {verb} against you.", roster.names(&against)));
    }
    Coverage {
        speak_for_me,
        unknown,
        against,
        weighted,
        warnings,
    }
}

fn seat(room: &mut Vec<Seat>, person: PersonId, role: RoomRole) {
    match room.iter_mut().find(|s| s.person == person) {
        Some(s) => s.role = role,
        None => room.push(Seat { person, role }),
    }
}

async fn add(app: &App, a: DecisionAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let mut room = Vec::new();
    for (keys, role) in [
        (&a.deciders, RoomRole::Decider),
        (&a.voices, RoomRole::Voice),
    ] {
        for k in keys {
            let person = roster.resolve(k)?;
            if room.iter().any(|s: &Seat| s.person == person) {
                return Err(CoreError::invalid(
                    "room",
                    roster.label(person),
                    "each person once in a room, as decider or as voice",
                )
                .into());
            }
            room.push(Seat { person, role });
        }
    }
    let d = Decision {
        title: a.title,
        kind: a.kind,
        on: a.on,
        notes: text("notes", a.notes.as_ref(), LONG_TEXT)?,
        room,
    };
    d.validate()?;
    let rec = app.store.create_decision(&d).await?;
    let cov = coverage(&roster, &rec);
    let line = format!(
        "Added decision #{}: {} on {}. {} of {} in the room speak for you; `fanclub decision show {}` for the room.",
        rec.id,
        rec.title,
        rec.on,
        cov.speak_for_me.len(),
        rec.room.len(),
        rec.id
    );
    report(app, &rec, line)
}

async fn list(app: &App, a: DecisionList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let found: Vec<Record<Decision>> = app
        .store
        .list_decisions()
        .await?
        .into_iter()
        .filter(|d| !a.upcoming || d.is_upcoming(app.today))
        .collect();
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "date", "decision", "kind", "room", "for you"]);
    for d in &found {
        let cov = coverage(&roster, d);
        t.add_row(vec![
            d.id.to_string(),
            d.on.to_string(),
            short(d.title.as_str(), 45),
            d.kind.to_string(),
            d.room.len().to_string(),
            format!(
                "{} ({:.0}% of influence)",
                cov.speak_for_me.len(),
                cov.weighted * 100.0
            ),
        ]);
    }
    output::print_table(
        &t,
        "No decisions yet. Add the next one about you with `fanclub decision add TITLE --kind promotion --on DATE`.",
    );
    Ok(())
}

async fn show(app: &App, id: DecisionId) -> Result<()> {
    let d = app.store.get_decision(id).await?;
    let roster = Roster::load(app.store.as_ref()).await?;
    let cov = coverage(&roster, &d);
    if app.json {
        let mut v = serde_json::to_value(&d)?;
        v["coverage"] = json!(cov);
        return output::json(&v);
    }
    outln!("Decision #{}: {}", d.id, d.title);
    let mut det = Detail::new();
    det.row("date", dated(app.today, d.on)).row("kind", d.kind);
    det.opt("notes", d.notes.as_deref());
    det.print();
    heading("The room");
    let mut t = output::table([
        "person",
        "role",
        "relation",
        "stance",
        "influence",
        "for you",
    ]);
    for s in &d.room {
        let Some(p) = roster.get(s.person) else {
            continue;
        };
        let mark = if p.stance.speaks_for_me() {
            "yes"
        } else if p.stance == Stance::Detractor {
            "against"
        } else {
            ""
        };
        t.add_row(vec![
            format!("{} ({})", p.name, p.handle),
            s.role.to_string(),
            p.relation.to_string(),
            p.stance.to_string(),
            p.influence.to_string(),
            mark.to_string(),
        ]);
    }
    output::print_table(&t, "  nobody yet");
    outln!(
        "\nCoverage: {} of {} speak for you, {:.0}% of the room's influence.",
        cov.speak_for_me.len(),
        d.room.len(),
        cov.weighted * 100.0
    );
    if !cov.unknown.is_empty() {
        outln!("Unknown stance: {}.", roster.names(&cov.unknown));
    }
    for w in &cov.warnings {
        outln!("Warning: {w}");
    }
    Ok(())
}

async fn edit(app: &App, a: DecisionEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let before = app.store.get_decision(a.id).await?;
    let mut d = before.clone();
    if a.clear.contains(&DecisionClear::Notes) {
        d.notes = None;
    }
    if let Some(t) = a.title {
        d.title = t;
    }
    if let Some(k) = a.kind {
        d.kind = k;
    }
    if let Some(on) = a.on {
        d.on = on;
    }
    set_text(&mut d.notes, "notes", a.notes.as_ref(), LONG_TEXT)?;
    for (keys, role) in [
        (&a.add_deciders, RoomRole::Decider),
        (&a.add_voices, RoomRole::Voice),
    ] {
        for k in keys {
            seat(&mut d.room, roster.resolve(k)?, role);
        }
    }
    for k in &a.drop {
        let id = roster.resolve(k)?;
        if !d.room.iter().any(|s| s.person == id) {
            return Err(crate::failure::usage(format!(
                "{} is not in the room of decision #{}",
                roster.label(id),
                d.id
            )));
        }
        d.room.retain(|s| s.person != id);
    }
    d.validate()?;
    if d == before {
        return report(
            app,
            &d,
            format!("Nothing to change for decision #{}.", d.id),
        );
    }
    let saved = app.store.update_decision(&d).await?;
    let line = format!(
        "Updated decision #{}: {} ({} in the room).",
        saved.id,
        saved.title,
        saved.room.len()
    );
    report(app, &saved, line)
}

async fn remove(app: &App, id: DecisionId) -> Result<()> {
    let d = app.store.get_decision(id).await?;
    app.store.delete_decision(id).await?;
    report(app, &d, format!("Removed decision #{}: {}.", d.id, d.title))
}

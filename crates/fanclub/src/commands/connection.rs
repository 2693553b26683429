//! `fanclub connection …`: who knows whom, the raw material of warm introductions.

use anyhow::Result;
use fanclub_core::{Connection, ConnectionId, Record, Strength};

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{
    ConnectionAdd, ConnectionClear, ConnectionCommand, ConnectionEdit, ConnectionList,
};
use crate::output::{self, Detail, or_dash, short};

pub async fn run(app: &App, cmd: ConnectionCommand) -> Result<()> {
    match cmd {
        ConnectionCommand::Add(a) => add(app, a).await,
        ConnectionCommand::List(a) => list(app, a).await,
        ConnectionCommand::Show(a) => show(app, a.id).await,
        ConnectionCommand::Edit(a) => edit(app, a).await,
        ConnectionCommand::Remove(a) => remove(app, a.id).await,
    }
}

fn describe(roster: &Roster, c: &Connection) -> String {
    format!("{} and {}", roster.name(c.a), roster.name(c.b))
}

async fn add(app: &App, a: ConnectionAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let c = Connection {
        a: roster.resolve(&a.a)?,
        b: roster.resolve(&a.b)?,
        strength: a.strength.unwrap_or(Strength::new(3)?),
        note: text("note", a.note.as_ref(), LONG_TEXT)?,
    }
    .normalized()?;
    let rec = app.store.create_connection(&c).await?;
    let line = format!(
        "Connected {} (strength {}, #{}).",
        describe(&roster, &rec),
        rec.strength,
        rec.id
    );
    report(app, &rec, line)
}

async fn list(app: &App, a: ConnectionList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let person = a.person.as_deref().map(|k| roster.resolve(k)).transpose()?;
    let found: Vec<Record<Connection>> = match person {
        Some(p) => app.store.connections_of(p).await?,
        None => app.store.list_connections().await?,
    };
    if app.json {
        return output::json(&found);
    }
    let mut t = output::table(["id", "person", "knows", "strength", "note"]);
    for c in &found {
        // Seen from the person asked about, they come first.
        let (first, second) = match person {
            Some(p) if c.b == p => (c.b, c.a),
            _ => (c.a, c.b),
        };
        t.add_row(vec![
            c.id.to_string(),
            roster.name(first),
            roster.name(second),
            c.strength.to_string(),
            short(c.note.as_deref().unwrap_or(""), 50),
        ]);
    }
    output::print_table(
        &t,
        "No connections yet. Add one with `fanclub connection add A B`.",
    );
    Ok(())
}

async fn show(app: &App, id: ConnectionId) -> Result<()> {
    let c = app.store.get_connection(id).await?;
    if app.json {
        return output::json(&c);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    outln!("Connection #{}", c.id);
    Detail::new()
        .row(
            "between",
            format!("{} and {}", roster.label(c.a), roster.label(c.b)),
        )
        .row("strength", format!("{} of 5", c.strength))
        .row("note", or_dash(c.note.as_deref()))
        .print();
    Ok(())
}

async fn edit(app: &App, a: ConnectionEdit) -> Result<()> {
    let before = app.store.get_connection(a.id).await?;
    let mut c = before.clone();
    if a.clear.contains(&ConnectionClear::Note) {
        c.note = None;
    }
    if let Some(s) = a.strength {
        c.strength = s;
    }
    set_text(&mut c.note, "note", a.note.as_ref(), LONG_TEXT)?;
    let roster = Roster::load(app.store.as_ref()).await?;
    if c == before {
        return report(
            app,
            &c,
            format!("Nothing to change for connection #{}.", c.id),
        );
    }
    let saved = app.store.update_connection(&c).await?;
    let line = format!(
        "Updated connection #{} between {} (strength {}).",
        saved.id,
        describe(&roster, &saved),
        saved.strength
    );
    report(app, &saved, line)
}

async fn remove(app: &App, id: ConnectionId) -> Result<()> {
    let c = app.store.get_connection(id).await?;
    let roster = Roster::load(app.store.as_ref()).await?;
    app.store.delete_connection(id).await?;
    report(
        app,
        &c,
        format!(
            "Removed connection #{} between {}.",
            c.id,
            describe(&roster, &c)
        ),
    )
}

//! The command handlers: each loads what it needs from the store once, applies the core's
//! rules, writes, and reports a line (or JSON).

mod archive;
mod connection;
mod decision;
mod engine;
mod evidence;
mod export;
mod framework;
mod goal;
mod import;
mod import_contacts;
mod interaction;
mod merge;
mod opportunity;
mod perception;
mod person;
mod person_show;
mod review;
mod roster;
mod serve;
mod settings;
mod win;
mod workspace;

use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

use anyhow::Result;
use fanclub_core::{CoreError, Day, Store};

use crate::cli::{Cli, Command};
use crate::failure::usage;
use crate::settings::locate;

pub use roster::Roster;

/// What every handler gets: the store, today's date and the output mode.
pub struct App {
    pub store: Arc<dyn Store>,
    pub today: Day,
    pub json: bool,
}

pub async fn run(cli: Cli) -> Result<()> {
    let location = locate(cli.db.as_deref())?;
    if let Command::Where = cli.command {
        return workspace::show_where(&location, cli.json);
    }
    let store = fanclub_store::SqlStore::open(&location.url).await?;
    let app = App {
        store: Arc::new(store.clone()),
        today: Day::today(),
        json: cli.json,
    };
    let result = match cli.command {
        Command::Serve(a) => serve::serve(app.store.clone(), location.display(), a).await,
        other => dispatch(&app, other).await,
    };
    // Closing the pool lets SQLite checkpoint its journal before the process ends.
    store.close().await;
    result
}

async fn dispatch(app: &App, command: Command) -> Result<()> {
    match command {
        Command::Person(c) => person::run(app, c).await,
        Command::Log(a) => interaction::log(app, a).await,
        Command::Interaction(c) => interaction::run(app, c).await,
        Command::Connection(c) => connection::run(app, c).await,
        Command::Win(c) => win::run(app, c).await,
        Command::Goal(c) => goal::run(app, c).await,
        Command::Decision(c) => decision::run(app, c).await,
        Command::Opportunity(c) => opportunity::run(app, c).await,
        Command::Evidence(c) => evidence::run(app, c).await,
        Command::Perception(c) => perception::run(app, c).await,
        Command::Framework(c) => framework::run(app, c).await,
        Command::Review(c) => review::run(app, c).await,
        Command::Settings(c) => settings::run(app, c).await,
        Command::Week(a) => engine::week(app, a).await,
        Command::Room(a) => engine::room(app, a).await,
        Command::Due(a) => engine::due(app, a).await,
        Command::Visibility(a) => engine::visibility(app, a).await,
        Command::Readiness(a) => engine::readiness(app, a).await,
        Command::Trust(a) => engine::trust(app, a).await,
        Command::Momentum(a) => engine::momentum(app, a).await,
        Command::Path(a) => engine::path(app, a).await,
        Command::CheckMessage(a) => engine::check_message(app, a).await,
        Command::Import(c) => import::run(app, c).await,
        Command::Export(c) => export::run(app, c).await,
        Command::Merge(a) => merge::run(app, a).await,
        Command::Generate(a) => engine::generate(app, a).await,
        Command::Demo(a) => workspace::demo(app, a).await,
        Command::Reset(a) => workspace::reset(app, a).await,
        Command::Where | Command::Serve(_) => Ok(()),
    }
}

pub use fanclub_core::{LONG_TEXT, SHORT_TEXT};

/// Trim an optional free text from a flag: blank becomes `None`; too long is refused.
pub fn text(field: &str, value: Option<&String>, max: usize) -> Result<Option<String>, CoreError> {
    match value {
        Some(v) => fanclub_core::optional_text(field, v, max),
        None => Ok(None),
    }
}

/// Set `target` from a flag when it was given (a blank value empties it).
pub fn set_text(
    target: &mut Option<String>,
    field: &str,
    value: Option<&String>,
    max: usize,
) -> Result<(), CoreError> {
    if value.is_some() {
        *target = text(field, value, max)?;
    }
    Ok(())
}

/// Ask before a destructive action, described as `action` ("remove Dana Kim"). `--yes`
/// skips the question; without a terminal to ask on, the member must pass `--yes`.
pub fn confirm(action: &str, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(usage(format!(
            "not confirmed: to {action}, run again with --yes"
        )));
    }
    let mut question = action.to_string();
    if let Some(first) = question.get(..1) {
        question.replace_range(..1, &first.to_uppercase());
    }
    eprint!("{question}? [y/N] ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(anyhow::anyhow!("cancelled; nothing was changed"))
    }
}

/// Print the record as JSON in `--json` mode, else the confirmation line.
pub fn report<T: serde::Serialize + ?Sized>(
    app: &App,
    record: &T,
    line: impl std::fmt::Display,
) -> Result<()> {
    if app.json {
        crate::output::json(record)
    } else {
        outln!("{line}");
        Ok(())
    }
}

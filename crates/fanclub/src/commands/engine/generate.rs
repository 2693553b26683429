//! `fanclub generate`: a large, deterministic synthetic workspace, written in one
//! transaction, for benchmarks and load tests.

use anyhow::Result;
use fanclub_core::generate::{GenerateSpec, generate_workspace};

use crate::cli::GenerateArgs;
use crate::commands::App;
use crate::failure::usage;

pub async fn generate(app: &App, a: GenerateArgs) -> Result<()> {
    if !app.store.counts().await?.is_empty() {
        if !a.replace {
            return Err(usage(
                "this workspace already has data; generate into an empty one (--db another.db) \
                 or pass --replace to delete everything first",
            ));
        }
        app.store.clear_workspace().await?;
    }
    let spec = GenerateSpec {
        people: a.people,
        interactions: a.interactions,
        connections: a.connections,
        seed: a.seed,
    };
    let spinner = progress("generating…");
    let ws = generate_workspace(&spec, app.today);
    spinner.set_message("writing…");
    app.store.import_workspace(&ws).await?;
    spinner.finish_and_clear();
    if app.json {
        return crate::output::json(&app.store.counts().await?);
    }
    outln!(
        "Generated {} people, {} interactions, {} connections, {} wins, {} decisions (seed {}).",
        ws.people.len(),
        ws.interactions.len(),
        ws.connections.len(),
        ws.wins.len(),
        ws.decisions.len(),
        a.seed
    );
    Ok(())
}

/// A spinner on stderr, shown only to a person at a terminal.
fn progress(message: &'static str) -> indicatif::ProgressBar {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

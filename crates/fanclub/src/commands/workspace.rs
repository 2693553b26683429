//! The whole workspace: `demo` (load the sample), `reset` (delete everything) and `where`.

use anyhow::Result;
use fanclub_core::{CoreError, Counts};
use serde_json::json;

use super::{App, confirm};
use crate::cli::{DemoArgs, ResetArgs};
use crate::output;
use crate::settings::Location;

pub fn show_where(location: &Location, as_json: bool) -> Result<()> {
    let exists = location.path.as_ref().map(|p| p.exists());
    if as_json {
        return output::json(&json!({
            "location": location.display(),
            "path": location.path,
            "source": location.source,
            "exists": exists,
        }));
    }
    outln!("{}", location.display());
    let state = match exists {
        Some(false) => ", not created yet",
        _ => "",
    };
    eprintln!("({}{state})", location.source.describe());
    Ok(())
}

fn summary(c: &Counts) -> String {
    let parts = [
        (c.people, "person", "people"),
        (c.connections, "connection", "connections"),
        (c.interactions, "interaction", "interactions"),
        (c.goals, "goal", "goals"),
        (c.wins, "win", "wins"),
        (c.evidence, "piece of evidence", "pieces of evidence"),
        (c.perceptions, "perception check", "perception checks"),
        (c.opportunities, "opportunity", "opportunities"),
        (c.decisions, "decision", "decisions"),
        (c.reviews, "weekly review", "weekly reviews"),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| output::plural(*n as usize, one, many))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn demo(app: &App, a: DemoArgs) -> Result<()> {
    let before = app.store.counts().await?;
    if !before.is_empty() {
        if !a.replace {
            return Err(CoreError::Conflict(format!(
                "your workspace already holds {}; the demo only loads into an empty one. \
                 `fanclub demo --replace` deletes everything first",
                summary(&before)
            ))
            .into());
        }
        app.store.clear_workspace().await?;
    }
    let ws = fanclub_core::sample::sample_workspace(app.today);
    app.store.import_workspace(&ws).await?;
    let after = app.store.counts().await?;
    if app.json {
        return output::json(&after);
    }
    outln!("Loaded the sample workspace: {}.", summary(&after));
    outln!(
        "\nTry:\n  fanclub person list --quadrant manage-closely\n  fanclub decision list --upcoming\n  \
         fanclub win list --unshared\n  fanclub interaction list --follow-ups\n\n\
         When you are ready for your own data: `fanclub reset --yes`."
    );
    Ok(())
}

pub async fn reset(app: &App, a: ResetArgs) -> Result<()> {
    let before = app.store.counts().await?;
    confirm(
        "delete everything fanclub holds (people, notes, wins, settings)",
        a.yes,
    )?;
    app.store.clear_workspace().await?;
    if app.json {
        return output::json(&json!({ "deleted": before }));
    }
    let what = summary(&before);
    if what.is_empty() {
        outln!("Deleted everything (settings and framework back to their defaults).");
    } else {
        outln!("Deleted everything: {what}. Settings and framework are back to their defaults.");
    }
    Ok(())
}

//! `fanclub export archive` and `fanclub import archive`: every record out as one versioned
//! JSON file, and back into an empty workspace.

use anyhow::{Context, Result};
use fanclub_core::CoreError;
use fanclub_core::archive::Archive;

use super::App;
use super::export::{destination, spinner, write_output, written};
use crate::cli::{ArchiveExportArgs, ArchiveImportArgs};
use crate::output;

pub async fn export(app: &App, args: ArchiveExportArgs) -> Result<()> {
    let path = destination(args.output);
    let bar = spinner("reading the workspace…");
    let ws = app.store.export_workspace().await?;
    let what = format!(
        "an archive of {} people, {} interactions and {} wins",
        ws.people.len(),
        ws.interactions.len(),
        ws.wins.len()
    );
    let archive = Archive::new(ws, app.today)?;
    bar.set_message("writing…");
    write_output(path.as_deref(), |out| archive.write_to(out))?;
    bar.finish_and_clear();
    written(app, path.as_deref(), &what)
}

pub async fn import(app: &App, args: ArchiveImportArgs) -> Result<()> {
    let before = app.store.counts().await?;
    if !before.is_empty() {
        return Err(CoreError::Conflict(format!(
            "this workspace already holds data ({} people, {} interactions, {} wins); an \
             archive is restored into an empty workspace only. Run `fanclub reset` first \
             (after exporting what you want to keep), or restore into another file with \
             `--db other.db`",
            before.people, before.interactions, before.wins
        ))
        .into());
    }
    let bar = spinner("reading the archive…");
    let text = std::fs::read_to_string(&args.file).with_context(|| {
        format!(
            "cannot read {}; give the path of a file written by `fanclub export archive`",
            args.file.display()
        )
    })?;
    let archive = Archive::from_json(&text)
        .with_context(|| format!("cannot import {}", args.file.display()))?;
    drop(text);
    bar.set_message("restoring…");
    app.store.import_workspace(&archive.workspace).await?;
    bar.finish_and_clear();
    let counts = app.store.counts().await?;
    if app.json {
        return output::json(&counts);
    }
    outln!(
        "Restored the archive of {} from {}: {} people, {} interactions, {} wins, {} decisions.",
        archive.exported_on,
        args.file.display(),
        counts.people,
        counts.interactions,
        counts.wins,
        counts.decisions
    );
    Ok(())
}

//! `fanclub export …`: the archive, vCards, the brag document and packet, a calendar.

#[path = "export_calendar.rs"]
mod calendar;
#[path = "export_report.rs"]
mod report;
#[path = "export_vcard.rs"]
mod vcard;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{App, archive};
use crate::cli::ExportCommand;

pub async fn run(app: &App, command: ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Archive(a) => archive::export(app, a).await,
        ExportCommand::Vcard(a) => vcard::export(app, a).await,
        ExportCommand::Brag(a) => report::brag(app, a).await,
        ExportCommand::Packet(a) => report::packet(app, a).await,
        ExportCommand::Calendar(a) => calendar::export(app, a).await,
    }
}

/// Where an export goes: a file, or standard output for nothing or `-`.
pub fn destination(output: Option<PathBuf>) -> Option<PathBuf> {
    output.filter(|p| p.as_os_str() != "-")
}

/// Write an export to `path` (whole or not at all: a partial file is renamed into place
/// only once complete) or to standard output.
pub fn write_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            if let Err(e) = write(&mut lock).and_then(|()| lock.flush()) {
                crate::output::stdout_failed(e);
            }
            Ok(())
        }
        Some(path) => {
            let mut partial = path.as_os_str().to_owned();
            partial.push(".partial");
            let partial = PathBuf::from(partial);
            let result = fs::File::create(&partial).and_then(|mut f| {
                write(&mut f)?;
                f.sync_all()
            });
            if let Err(e) = result.and_then(|()| fs::rename(&partial, path)) {
                let _ = fs::remove_file(&partial);
                return Err(e).with_context(|| {
                    format!(
                        "cannot write {}; check that the folder exists and is writable",
                        path.display()
                    )
                });
            }
            Ok(())
        }
    }
}

/// Say what was written where, on stderr (stdout may be the export itself).
pub fn written(app: &App, path: Option<&Path>, what: &str) -> Result<()> {
    if let Some(path) = path {
        if app.json {
            return crate::output::json(&serde_json::json!({
                "written": path,
                "what": what,
            }));
        }
        eprintln!("Wrote {what} to {}.", path.display());
    }
    Ok(())
}

/// A spinner on stderr, shown only to a person at a terminal.
pub fn spinner(message: &'static str) -> indicatif::ProgressBar {
    let bar = if io::IsTerminal::is_terminal(&io::stderr()) {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_message(message);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

//! `fanclub export …`: the archive, vCards, the brag document and packet, a calendar.

use anyhow::Result;

use super::{App, archive};
use crate::cli::ExportCommand;

pub async fn run(app: &App, command: ExportCommand) -> Result<()> {
    match command {
        ExportCommand::Archive(a) => archive::export(app, a).await,
    }
}

//! `fanclub import …`: contacts and calendars through the matcher, archives whole.

use anyhow::Result;

use super::{App, archive};
use crate::cli::ImportCommand;

pub async fn run(app: &App, command: ImportCommand) -> Result<()> {
    match command {
        ImportCommand::Archive(a) => archive::import(app, a).await,
    }
}

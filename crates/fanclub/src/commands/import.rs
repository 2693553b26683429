//! `fanclub import …`: contacts and calendars through the matcher, archives whole.

use anyhow::Result;
use fanclub_formats::Format;

use super::{App, archive, import_contacts};
use crate::cli::ImportCommand;

pub async fn run(app: &App, command: ImportCommand) -> Result<()> {
    match command {
        ImportCommand::Archive(a) => archive::import(app, a).await,
        ImportCommand::Linkedin(a) => import_contacts::contacts(app, Format::LinkedIn, a).await,
        ImportCommand::Google(a) => import_contacts::contacts(app, Format::GoogleCsv, a).await,
        ImportCommand::Vcard(a) => import_contacts::contacts(app, Format::VCard, a).await,
        ImportCommand::Calendar(a) => import_contacts::calendar(app, a).await,
        ImportCommand::Auto(a) => import_contacts::auto(app, a).await,
    }
}

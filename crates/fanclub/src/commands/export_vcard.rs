//! `fanclub export vcard`: every person as a vCard 4.0 address book.

use anyhow::Result;
use fanclub_formats::export::vcard::write_vcards;

use super::{destination, write_output, written};
use crate::cli::OutputArgs;
use crate::commands::App;
use crate::output;

pub async fn export(app: &App, args: OutputArgs) -> Result<()> {
    let path = destination(args.output);
    let people = app.store.list_people().await?;
    let text = write_vcards(people.iter().map(|p| &p.value));
    write_output(path.as_deref(), |out| out.write_all(text.as_bytes()))?;
    written(
        app,
        path.as_deref(),
        &output::plural(people.len(), "card", "cards"),
    )
}

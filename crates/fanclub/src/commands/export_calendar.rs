//! `fanclub export calendar`: open follow-ups and decision dates as an iCalendar file, or
//! with `--link` the private address where the web app serves the same feed.

use anyhow::Result;
use fanclub_formats::export::calendar::calendar_feed;

use super::{destination, write_output, written};
use crate::cli::CalendarExportArgs;
use crate::commands::App;
use crate::output;

pub async fn export(app: &App, args: CalendarExportArgs) -> Result<()> {
    if args.link {
        return link(app, args.port).await;
    }
    let path = destination(args.output.output);
    let feed = calendar_feed(&*app.store, chrono::Utc::now()).await?;
    write_output(path.as_deref(), |out| out.write_all(feed.text.as_bytes()))?;
    written(
        app,
        path.as_deref(),
        &output::plural(feed.events, "event", "events"),
    )
}

/// Print the private feed address, making the token the first time.
async fn link(app: &App, port: u16) -> Result<()> {
    let token = match app.store.calendar_token().await? {
        Some(token) => token,
        None => app.store.rotate_calendar_token().await?,
    };
    let url = fanclub_web::calendar_url(port, &token);
    if app.json {
        return output::json(&serde_json::json!({ "url": url }));
    }
    println!("{url}");
    Ok(())
}

//! `fanclub serve`: the web app on 127.0.0.1, on the same database as the CLI, until
//! Ctrl-C.

use std::sync::Arc;

use anyhow::{Context, Result};
use fanclub_core::Store;
use tokio::net::TcpListener;

use crate::cli::ServeArgs;

/// Serve until Ctrl-C; `location` (the database, as it may be shown) appears on Settings.
pub async fn serve(store: Arc<dyn Store>, location: String, a: ServeArgs) -> Result<()> {
    let config = fanclub_web::WebConfig { port: a.port };
    let listener = TcpListener::bind(config.addr()).await.with_context(|| {
        format!(
            "cannot listen on {}: is fanclub already running? Try another port with --port {}",
            config.addr(),
            a.port.wrapping_add(1)
        )
    })?;
    let url = format!("http://{}/", listener.local_addr()?);
    eprintln!("fanclub is running at {url} (this machine only). Press Ctrl-C to stop.");
    if a.open
        && let Err(e) = open::that_detached(&url)
    {
        eprintln!("Could not open a browser ({e}): open {url} yourself.");
    }
    fanclub_web::serve_at(listener, store, Some(location), async {
        tokio::signal::ctrl_c().await.ok();
    })
    .await
    .context("the web server stopped")?;
    eprintln!("Stopped.");
    Ok(())
}

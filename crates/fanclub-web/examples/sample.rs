//! Serve the sample workspace from a temporary SQLite file, for working on the pages
//! before `fanclub serve` exists: `cargo run -p fanclub-web --example sample -- 7878`.

use std::sync::Arc;

use fanclub_core::{Day, Store};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(fanclub_web::WebConfig::DEFAULT_PORT);
    let store = fanclub_testkit::sqlite_store().await;
    store
        .import_workspace(&fanclub_core::sample::sample_workspace(Day::today()))
        .await
        .map_err(std::io::Error::other)?;
    let shared: Arc<dyn Store> = Arc::new((*store).clone());
    let config = fanclub_web::WebConfig { port };
    eprintln!("the sample workspace on http://{}/", config.addr());
    fanclub_web::run(&config, shared, async {
        tokio::signal::ctrl_c().await.ok();
    })
    .await
}

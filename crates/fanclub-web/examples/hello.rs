//! The yardstick for the load benchmark: the most trivial axum app (one handler answering
//! "ok") on the same runtime and machine as `fanclub serve`, so the home page's requests
//! per second can be compared with what the framework itself can do here.
//!
//! `cargo run --release -p fanclub-web --example hello -- 7879` (port 0 by default: the
//! system chooses one). Prints its address on standard error, like `fanclub serve`.

use std::net::{Ipv4Addr, SocketAddr};

use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = match std::env::args().nth(1) {
        None => 0,
        Some(arg) => arg.parse::<u16>().map_err(|e| {
            std::io::Error::other(format!(
                "the port must be a number (0-65535), not {arg:?}: {e}"
            ))
        })?,
    };
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    eprintln!("hello is running at http://{}/", listener.local_addr()?);
    let app = Router::new().route("/", get(|| async { "ok" }));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            tokio::signal::ctrl_c().await.ok();
        })
        .await
}

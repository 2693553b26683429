//! End-to-end tests of the `fanclub` binary: every command runs as its own process against
//! a temporary SQLite file, so each round trip also proves the data survives a restart.

#[path = "cli/serve.rs"]
mod serve;
#[path = "cli/support.rs"]
mod support;

#[path = "cli/activity.rs"]
mod activity;
#[path = "cli/engine.rs"]
mod engine;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/import.rs"]
mod import;
#[path = "cli/people.rs"]
mod people;
#[path = "cli/rooms.rs"]
mod rooms;
#[path = "cli/usage.rs"]
mod usage;
#[path = "cli/work.rs"]
mod work;
#[path = "cli/workspace.rs"]
mod workspace;

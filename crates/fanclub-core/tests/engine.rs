//! The engine's integration tests: one binary for the crate, one module per concern
//! (the modules live in `tests/engine/`).

#[path = "engine/outreach.rs"]
mod outreach;
#[path = "engine/paths.rs"]
mod paths;

//! fanclub's core: the domain model of DOMAIN.md as validated types, the `Store` trait the
//! storage layer implements, and the advocacy engine as pure functions.
//!
//! This crate knows nothing about HTTP, SQL or terminals: the CLI, the web app and the
//! importers all go through the types and services defined here.

pub mod archive;
pub mod engine;
pub mod error;
pub mod generate;
pub mod id;
pub mod import;
pub mod model;
#[cfg(feature = "openapi")]
mod openapi;
pub mod report;
pub mod resolve;
pub mod sample;
pub mod services;
pub mod store;
pub mod sync;
pub mod value;
pub mod vocab;

pub use error::{CoreError, CoreResult};
pub use id::Id;
pub use model::*;
pub use store::Store;
pub use value::*;
pub use vocab::*;

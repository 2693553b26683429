//! The advocacy engine: pure functions from the member's records (and today's date) to
//! the answers fanclub exists for. No I/O here: the callers load the data, once.

pub mod cadence;
pub mod coverage;
#[cfg(test)]
mod fixtures;
pub mod lookup;
pub mod momentum;
pub mod outreach;
pub mod paths;
pub mod readiness;
pub mod trust;
pub mod visibility;
pub mod weekly;

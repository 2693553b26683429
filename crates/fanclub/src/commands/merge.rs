//! `fanclub merge A B`.

use anyhow::{Result, bail};

use super::App;
use crate::cli::MergeArgs;

pub async fn run(_app: &App, _args: MergeArgs) -> Result<()> {
    bail!("merge: not built yet")
}

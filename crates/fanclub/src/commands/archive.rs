//! `fanclub export archive` and `fanclub import archive`.

use anyhow::{Result, bail};

use super::App;
use crate::cli::{ArchiveExportArgs, ArchiveImportArgs};

pub async fn export(_app: &App, _args: ArchiveExportArgs) -> Result<()> {
    bail!("export archive: not built yet")
}

pub async fn import(_app: &App, _args: ArchiveImportArgs) -> Result<()> {
    bail!("import archive: not built yet")
}

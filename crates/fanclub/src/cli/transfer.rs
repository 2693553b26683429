//! The grammar of moving data in and out: `import`, `export` and `merge`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `fanclub import …`: bring contacts, calendars or a whole archive in.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Restore a full archive (from `fanclub export archive`) into an empty workspace.
    Archive(ArchiveImportArgs),
}

/// `fanclub export …`: take everything out again.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every record, every field, as one versioned JSON file.
    Archive(ArchiveExportArgs),
}

#[derive(Debug, Args)]
pub struct ArchiveImportArgs {
    /// The archive file.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ArchiveExportArgs {
    /// Where to write the archive; `-` or nothing writes to standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// `fanclub merge A B`: fold a duplicate person into another.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The person to keep.
    pub keep: String,
    /// The duplicate, whose records move to the person kept; then removed.
    pub duplicate: String,
    /// Confirm without asking.
    #[arg(long)]
    pub yes: bool,
}

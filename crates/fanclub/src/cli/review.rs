//! The `review` commands: the member's own part of the weekly review, kept week by week.

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::IsoWeek;

use super::parse;

const ADD_EXAMPLES: &str = "\
Examples:
  fanclub review add --wins \"Pricing one-pager landed with sales\" \\
      --learned \"Dana cares about margin, not volume\" --helped \"Paired with Jo on her first PRD\" \\
      --commit \"Coffee with Marcus\" --commit \"Share the churn analysis with Priya\"
  fanclub review add --kept 1 --missed 2     # last week's commitments, by number

The week defaults to the current ISO week. Last week's commitments come from last week's
review; `review show LAST-WEEK` numbers them.";

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Write this week's review.
    #[command(after_help = ADD_EXAMPLES)]
    Add(ReviewAdd),
    /// List reviews, newest week first.
    #[command(visible_alias = "ls")]
    List,
    /// Show one week's review.
    Show(ReviewRef),
    /// Change a week's review.
    Edit(ReviewEdit),
    /// Remove a week's review.
    #[command(visible_alias = "rm")]
    Remove(ReviewRef),
}

#[derive(Debug, Args)]
pub struct ReviewRef {
    /// The ISO week, like 2026-W47.
    #[arg(value_name = "WEEK")]
    pub week: IsoWeek,
}

/// The member's part of a review: shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct ReviewFields {
    /// This week's wins, in your words.
    #[arg(long)]
    pub wins: Option<String>,
    /// What you learned.
    #[arg(long)]
    pub learned: Option<String>,
    /// Whom you helped, and how.
    #[arg(long)]
    pub helped: Option<String>,
    /// A commitment for next week (repeat for several).
    #[arg(long = "commit", value_name = "TEXT", value_parser = parse::commitment)]
    pub commits: Vec<String>,
    /// Last week's commitment number N was kept (repeat).
    #[arg(long, value_name = "N", value_parser = parse::position)]
    pub kept: Vec<usize>,
    /// Last week's commitment number N was missed (repeat).
    #[arg(long, value_name = "N", value_parser = parse::position)]
    pub missed: Vec<usize>,
}

#[derive(Debug, Args)]
pub struct ReviewAdd {
    /// The ISO week, like 2026-W47 [default: this week].
    #[arg(long, value_name = "WEEK")]
    pub week: Option<IsoWeek>,
    #[command(flatten)]
    pub fields: ReviewFields,
}

/// Review fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewClear {
    Wins,
    Learned,
    Helped,
    Commitments,
}

#[derive(Debug, Args)]
pub struct ReviewEdit {
    /// The ISO week, like 2026-W47.
    #[arg(value_name = "WEEK")]
    pub week: IsoWeek,
    #[command(flatten)]
    pub fields: ReviewFields,
    /// Empty a field (repeat, or separate with commas); commitments are next week's.
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<ReviewClear>,
}

//! The `win` and `goal` commands: visible work, its business impact, and who knows.

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::{Channel, Day, GoalId, Title, TrackKey, WinId, WinKind};

const ADD_EXAMPLES: &str = "\
Examples:
  fanclub win add \"Self-serve onboarding shipped\" --kind release --on 2026-02-10 \\
      --metric \"trial activation\" --before 31% --after 44% --goal 1 --track strategy
  fanclub win add \"Talk at ProductCamp\" --kind talk --track domain --link https://youtu.be/…

Kinds: release, customer-story, metric, innovation, talk, article, mentoring, process,
other (the default). A win nobody important knows about does not exist for the
committee: tell people with `fanclub win share`.";

const SHARE_EXAMPLES: &str = "\
Examples:
  fanclub win share 3 --with dana
  fanclub win share 3 --with dana --with priya --channel email --on 2026-02-12

Channels: in-person, 1:1 (the default), meeting, email, chat, demo, presentation,
newsletter, document.";

#[derive(Debug, Subcommand)]
pub enum WinCommand {
    /// Record a win.
    #[command(after_help = ADD_EXAMPLES)]
    Add(WinAdd),
    /// List wins, newest first, with who knows about them.
    #[command(visible_alias = "ls")]
    List(WinList),
    /// Show one win: impact, goals, tracks, links and who knows.
    Show(WinRef),
    /// Change a win.
    #[command(
        after_help = "Examples:\n  fanclub win edit 3 --after 47%\n  fanclub win edit 3 --clear goals --goal 2\n\n--goal, --track and --link add to the lists; --clear one of them first to replace it."
    )]
    Edit(WinEdit),
    /// Remove a win (its evidence stays, detached).
    #[command(visible_alias = "rm")]
    Remove(WinRef),
    /// Record that people learned about a win.
    #[command(after_help = SHARE_EXAMPLES)]
    Share(WinShare),
}

#[derive(Debug, Args)]
pub struct WinRef {
    /// The win's id (see `win list`).
    #[arg(value_name = "WIN")]
    pub id: WinId,
}

/// Impact in business terms: shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct ImpactArgs {
    /// The metric it moved: activation, churn, ARR, NPS…
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// The metric before (needs --metric when adding).
    #[arg(long, value_name = "VALUE")]
    pub before: Option<String>,
    /// The metric after.
    #[arg(long, value_name = "VALUE")]
    pub after: Option<String>,
}

#[derive(Debug, Args)]
pub struct WinAdd {
    /// What happened, in one line.
    #[arg(value_name = "TITLE")]
    pub title: Title,
    /// When [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// release, customer-story, metric, innovation, talk, article, mentoring, process or other.
    #[arg(long, default_value = "other")]
    pub kind: WinKind,
    /// The story, in a few sentences.
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub impact: ImpactArgs,
    /// A business goal it served, by id (repeat for several).
    #[arg(long = "goal", value_name = "ID")]
    pub goals: Vec<GoalId>,
    /// A competency track it demonstrates, like strategy (repeat for several).
    #[arg(long = "track", value_name = "KEY")]
    pub tracks: Vec<TrackKey>,
    /// A link to evidence: a dashboard, a doc, a recording (repeat for several).
    #[arg(long = "link", value_name = "URL")]
    pub links: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WinList {
    /// Only wins nobody has heard about yet.
    #[arg(long)]
    pub unshared: bool,
}

/// Optional win fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WinClear {
    Description,
    Impact,
    Goals,
    Tracks,
    Links,
    Shares,
}

#[derive(Debug, Args)]
pub struct WinEdit {
    /// The win's id.
    #[arg(value_name = "WIN")]
    pub id: WinId,
    /// What happened, in one line.
    #[arg(long)]
    pub title: Option<Title>,
    /// When.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// The kind of win.
    #[arg(long)]
    pub kind: Option<WinKind>,
    /// The story.
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub impact: ImpactArgs,
    /// Add a business goal, by id.
    #[arg(long = "goal", value_name = "ID")]
    pub goals: Vec<GoalId>,
    /// Add a competency track.
    #[arg(long = "track", value_name = "KEY")]
    pub tracks: Vec<TrackKey>,
    /// Add a link.
    #[arg(long = "link", value_name = "URL")]
    pub links: Vec<String>,
    /// Empty an optional field or list (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<WinClear>,
}

#[derive(Debug, Args)]
pub struct WinShare {
    /// The win's id.
    #[arg(value_name = "WIN")]
    pub id: WinId,
    /// Who learned about it: handle, name or #id (repeat for several).
    #[arg(long = "with", value_name = "PERSON", required = true)]
    pub with: Vec<String>,
    /// How they learned about it.
    #[arg(long, default_value = "1:1")]
    pub channel: Channel,
    /// When [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
}

#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Add a business goal (an OKR, a company priority).
    #[command(
        after_help = "Example:\n  fanclub goal add \"Grow self-serve revenue 30%\" --period 2026-H1"
    )]
    Add(GoalAdd),
    /// List business goals, with how many wins serve each.
    #[command(visible_alias = "ls")]
    List,
    /// Show a goal and the wins that served it.
    Show(GoalRef),
    /// Change a goal.
    Edit(GoalEdit),
    /// Remove a goal (its wins stay, unlinked).
    #[command(visible_alias = "rm")]
    Remove(GoalRef),
}

#[derive(Debug, Args)]
pub struct GoalRef {
    /// The goal's id (see `goal list`).
    #[arg(value_name = "ID")]
    pub id: GoalId,
}

#[derive(Debug, Args)]
pub struct GoalAdd {
    /// The goal, in the company's words.
    #[arg(value_name = "TITLE")]
    pub title: Title,
    /// The period, as the company names it: 2026, 2026-H2, FY27 Q1.
    #[arg(long)]
    pub period: Option<String>,
    /// More detail.
    #[arg(long)]
    pub description: Option<String>,
}

/// Optional goal fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GoalClear {
    Period,
    Description,
}

#[derive(Debug, Args)]
pub struct GoalEdit {
    /// The goal's id.
    #[arg(value_name = "ID")]
    pub id: GoalId,
    /// The goal, in the company's words.
    #[arg(long)]
    pub title: Option<Title>,
    /// The period.
    #[arg(long)]
    pub period: Option<String>,
    /// More detail.
    #[arg(long)]
    pub description: Option<String>,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<GoalClear>,
}

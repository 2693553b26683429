//! The `decision`, `opportunity` and `perception` commands: the rooms where careers are
//! decided, the assignments that come out of them, and how people see my work.

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::{
    Day, DecisionId, DecisionKind, OpportunityId, OpportunityKind, OpportunityStatus, PerceptionId,
    PerceptionStatus, Title, TrackKey,
};

use super::parse;

const DECISION_EXAMPLES: &str = "\
Example:
  fanclub decision add \"Promotion to Head of Product\" --kind promotion --on 2026-06-30 \\
      --decider dana --decider \"Marcus Lee\" --voice priya --voice sam

Kinds: promotion, project-staffing, bonus, hiring, other. `decision show` tells who in the
room will speak for you (advocates and sponsors), weighted by influence.";

#[derive(Debug, Subcommand)]
pub enum DecisionCommand {
    /// Record a decision about you and who is in the room.
    #[command(after_help = DECISION_EXAMPLES)]
    Add(DecisionAdd),
    /// List decisions, soonest first, with how many in each room speak for you.
    #[command(visible_alias = "ls")]
    List(DecisionList),
    /// Show a room: each member's role, stance and influence, and your coverage.
    Show(DecisionRef),
    /// Change a decision or who sits in its room.
    #[command(
        after_help = "Examples:\n  fanclub decision edit 2 --on 2026-07-15\n  fanclub decision edit 2 --add-voice sam --drop priya"
    )]
    Edit(DecisionEdit),
    /// Remove a decision.
    #[command(visible_alias = "rm")]
    Remove(DecisionRef),
}

#[derive(Debug, Args)]
pub struct DecisionRef {
    /// The decision's id (see `decision list`).
    #[arg(value_name = "ID")]
    pub id: DecisionId,
}

#[derive(Debug, Args)]
pub struct DecisionAdd {
    /// What is being decided.
    #[arg(value_name = "TITLE")]
    pub title: Title,
    /// promotion, project-staffing, bonus, hiring or other.
    #[arg(long)]
    pub kind: DecisionKind,
    /// When it is decided.
    #[arg(long, value_name = "DATE")]
    pub on: Day,
    /// What you know about it.
    #[arg(long)]
    pub notes: Option<String>,
    /// Someone who decides (repeat for several).
    #[arg(long = "decider", value_name = "PERSON")]
    pub deciders: Vec<String>,
    /// Someone whose voice counts (repeat for several).
    #[arg(long = "voice", value_name = "PERSON")]
    pub voices: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DecisionList {
    /// Only decisions still ahead.
    #[arg(long)]
    pub upcoming: bool,
}

#[derive(Debug, Args)]
pub struct DecisionEdit {
    /// The decision's id.
    #[arg(value_name = "ID")]
    pub id: DecisionId,
    /// What is being decided.
    #[arg(long)]
    pub title: Option<Title>,
    /// The kind of decision.
    #[arg(long)]
    pub kind: Option<DecisionKind>,
    /// When it is decided.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// What you know about it.
    #[arg(long)]
    pub notes: Option<String>,
    /// Empty an optional field: notes.
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<DecisionClear>,
    /// Seat someone as a decider (or make them one).
    #[arg(long = "add-decider", value_name = "PERSON")]
    pub add_deciders: Vec<String>,
    /// Seat someone as a voice (or make them one).
    #[arg(long = "add-voice", value_name = "PERSON")]
    pub add_voices: Vec<String>,
    /// Take someone out of the room.
    #[arg(long = "drop", value_name = "PERSON")]
    pub drop: Vec<String>,
}

/// Optional decision fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecisionClear {
    Notes,
}

#[derive(Debug, Subcommand)]
pub enum OpportunityCommand {
    /// Record an assignment offered to you.
    #[command(
        after_help = "Example:\n  fanclub opportunity add \"Lead the pricing revamp\" --kind project --sponsor dana \\\n      --track strategy --track buy-in\n\nKinds: project, role, talk, committee, other.\nStatuses: offered (the default), accepted, declined, done."
    )]
    Add(OpportunityAdd),
    /// List opportunities, newest first.
    #[command(visible_alias = "ls")]
    List(OpportunityList),
    /// Show one opportunity.
    Show(OpportunityRef),
    /// Change an opportunity (say, its status).
    #[command(after_help = "Example:\n  fanclub opportunity edit 4 --status accepted")]
    Edit(OpportunityEdit),
    /// Remove an opportunity.
    #[command(visible_alias = "rm")]
    Remove(OpportunityRef),
}

#[derive(Debug, Args)]
pub struct OpportunityRef {
    /// The opportunity's id (see `opportunity list`).
    #[arg(value_name = "ID")]
    pub id: OpportunityId,
}

#[derive(Debug, Args)]
pub struct OpportunityAdd {
    /// What was offered.
    #[arg(value_name = "TITLE")]
    pub title: Title,
    /// project, role, talk, committee or other.
    #[arg(long)]
    pub kind: OpportunityKind,
    /// Who put you forward.
    #[arg(long, value_name = "PERSON")]
    pub sponsor: Option<String>,
    /// offered, accepted, declined or done.
    #[arg(long, default_value = "offered")]
    pub status: OpportunityStatus,
    /// A competency track it grows (repeat for several).
    #[arg(long = "track", value_name = "KEY")]
    pub tracks: Vec<TrackKey>,
    /// When it was offered [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Anything worth remembering.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct OpportunityList {
    /// Only this status: offered, accepted, declined or done.
    #[arg(long)]
    pub status: Option<OpportunityStatus>,
}

/// Optional opportunity fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OpportunityClear {
    Sponsor,
    Tracks,
    Notes,
}

#[derive(Debug, Args)]
pub struct OpportunityEdit {
    /// The opportunity's id.
    #[arg(value_name = "ID")]
    pub id: OpportunityId,
    /// What was offered.
    #[arg(long)]
    pub title: Option<Title>,
    /// The kind of opportunity.
    #[arg(long)]
    pub kind: Option<OpportunityKind>,
    /// Who put you forward.
    #[arg(long, value_name = "PERSON")]
    pub sponsor: Option<String>,
    /// offered, accepted, declined or done.
    #[arg(long)]
    pub status: Option<OpportunityStatus>,
    /// Add a competency track it grows.
    #[arg(long = "track", value_name = "KEY")]
    pub tracks: Vec<TrackKey>,
    /// When it was offered.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Anything worth remembering.
    #[arg(long)]
    pub notes: Option<String>,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<OpportunityClear>,
}

#[derive(Debug, Subcommand)]
pub enum PerceptionCommand {
    /// Record how someone describes your work, and the gap you heard.
    #[command(
        after_help = "Example:\n  fanclub perception add dana --description \"The person who runs the pricing experiments\" \\\n      --gap \"Doesn't see the strategy behind them\" --remedy \"Share the pricing one-pager\"\n\nStatuses: open (the default), in-progress, resolved."
    )]
    Add(PerceptionAdd),
    /// List perception checks, newest first.
    #[command(visible_alias = "ls")]
    List(PerceptionList),
    /// Show one perception check.
    Show(PerceptionRef),
    /// Change a perception check (say, its status).
    #[command(after_help = "Example:\n  fanclub perception edit 2 --status resolved")]
    Edit(PerceptionEdit),
    /// Remove a perception check.
    #[command(visible_alias = "rm")]
    Remove(PerceptionRef),
}

#[derive(Debug, Args)]
pub struct PerceptionRef {
    /// The perception check's id (see `perception list`).
    #[arg(value_name = "ID")]
    pub id: PerceptionId,
}

#[derive(Debug, Args)]
pub struct PerceptionAdd {
    /// Who you asked: handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// How they describe your work, in their words.
    #[arg(long, value_name = "TEXT", value_parser = parse::description)]
    pub description: String,
    /// What they misunderstand or don't buy.
    #[arg(long, value_name = "TEXT")]
    pub gap: Option<String>,
    /// What you will do about it.
    #[arg(long, value_name = "TEXT")]
    pub remedy: Option<String>,
    /// open, in-progress or resolved.
    #[arg(long, default_value = "open")]
    pub status: PerceptionStatus,
    /// When you asked [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
}

#[derive(Debug, Args)]
pub struct PerceptionList {
    /// Only open gaps (a gap not yet resolved).
    #[arg(long)]
    pub open: bool,
    /// Only this person's.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
}

/// Optional perception fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PerceptionClear {
    Gap,
    Remedy,
}

#[derive(Debug, Args)]
pub struct PerceptionEdit {
    /// The perception check's id.
    #[arg(value_name = "ID")]
    pub id: PerceptionId,
    /// Who you asked.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// How they describe your work.
    #[arg(long, value_name = "TEXT", value_parser = parse::description)]
    pub description: Option<String>,
    /// What they misunderstand or don't buy.
    #[arg(long, value_name = "TEXT")]
    pub gap: Option<String>,
    /// What you will do about it.
    #[arg(long, value_name = "TEXT")]
    pub remedy: Option<String>,
    /// open, in-progress or resolved.
    #[arg(long)]
    pub status: Option<PerceptionStatus>,
    /// When you asked.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<PerceptionClear>,
}

//! The engine's commands: the answers fanclub exists for (who will speak for me, whom to
//! see, what to make visible, how ready I am, what to do this week).

use std::path::PathBuf;

use clap::Args;
use fanclub_core::IsoWeek;

use super::ReviewFields;

pub const ROOM_HELP: &str = "\
Coverage is the influence-weighted share of the room that will speak for you: each member
counts by their influence (1-5) times a weight for their stance (sponsor 1, advocate 0.85,
supporter 0.4, aware 0.15, unknown 0, detractor -0.5). The actions are the moves that
would raise coverage most. See ARCHITECTURE.md, \"The engine's formulas\".

Examples:
  fanclub room                 every upcoming decision
  fanclub room 1               one decision, by id
  fanclub room promotion       one decision, by a word of its title";

#[derive(Debug, Args)]
pub struct RoomArgs {
    /// A decision: its id or a word of its title [default: every upcoming decision].
    #[arg(value_name = "DECISION")]
    pub decision: Option<String>,
    /// Include decisions already taken.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// Show at most this many people.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Show everyone who is due.
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct VisibilityArgs {
    /// Show every win, not only the first twenty.
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ReadinessArgs {
    /// One track, by key (like strategy) [default: every track].
    #[arg(value_name = "TRACK")]
    pub track: Option<String>,
}

#[derive(Debug, Args)]
pub struct TrustArgs {
    /// One person: handle, name or #id [default: every rated relationship].
    #[arg(value_name = "PERSON")]
    pub person: Option<String>,
}

#[derive(Debug, Args)]
pub struct MomentumArgs {
    /// The rolling window in days [default: the settings' window, 90 days].
    #[arg(long, value_name = "DAYS", value_parser = super::parse::momentum_window)]
    pub window: Option<u16>,
}

pub const WEEK_HELP: &str = "\
Runs the weekly review: the agenda generated from your data (relationships to tend, wins to
make visible, rooms at risk, the weakest track with a practice, open perception gaps and
follow-ups, last week's commitments), each item with the reason it is there. Then your
part: on a terminal it asks for it; in scripts pass it as flags. The review is saved under
its ISO week (running it again the same week updates it).

Examples:
  fanclub week
  fanclub week --kept 1 --missed 2 --wins \"Churn analysis landed\" --commit \"Coffee with Omar\"
  fanclub week --show 2026-W47";

#[derive(Debug, Args)]
pub struct WeekArgs {
    /// Show a saved review instead of running one.
    #[arg(long, value_name = "WEEK", conflicts_with_all = ["week", "no_prompt"])]
    pub show: Option<IsoWeek>,
    /// The week to review [default: this week].
    #[arg(long, value_name = "WEEK")]
    pub week: Option<IsoWeek>,
    /// Do not ask for your part, even on a terminal.
    #[arg(long)]
    pub no_prompt: bool,
    #[command(flatten)]
    pub fields: ReviewFields,
}

pub const PATH_HELP: &str = "\
Finds the warmest chains of people from you to someone you want to meet, so you can ask
for an introduction instead of writing cold. Each hop is as warm as the relationship:
your own ties by stance, trust and how recently you spoke; the ties between others by the
strength of their connection (`fanclub connection add`).

Example:
  fanclub path \"Ana Souza\"";

#[derive(Debug, Args)]
pub struct PathArgs {
    /// The person you want to reach: handle, name or #id.
    #[arg(value_name = "TARGET")]
    pub target: String,
    /// How many alternative paths to show.
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=10))]
    pub paths: u8,
}

pub const CHECK_HELP: &str = "\
Checks a first message to someone new before you send it: does it say how you are
connected, is it specific about what you are curious about and why them, is it more about
them than you, does it avoid an immediate ask (a referral, a job, a good word) of someone
who does not know you yet, is its length kind to their time, and does it end with a light
next step. Each finding points at the words.

Examples:
  fanclub check-message draft.txt
  pbpaste | fanclub check-message -";

#[derive(Debug, Args)]
pub struct CheckMessageArgs {
    /// The draft: a text file, or - to read standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many people.
    #[arg(long, default_value_t = 1_000)]
    pub people: usize,
    /// How many interactions.
    #[arg(long, default_value_t = 20_000)]
    pub interactions: usize,
    /// How many connections between people.
    #[arg(long, default_value_t = 5_000)]
    pub connections: usize,
    /// The seed: the same seed gives the same workspace.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Clear the existing data first (deletes everything you have entered).
    #[arg(long)]
    pub replace: bool,
}

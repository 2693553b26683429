//! The `interaction`, `log` and `connection` commands: contacts with people, and who knows
//! whom.

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::{ConnectionId, Day, InteractionId, InteractionKind, Strength, Title};

use super::parse;

pub const LOG_EXAMPLES: &str = "\
Examples:
  fanclub log \"Coffee with Dana\" --with dana
  fanclub log \"Roadmap review\" --with dana --with priya --kind meeting --on 2026-03-02
  fanclub log \"1:1 with Sam\" --with sam --learned \"Worried about the Q3 hiring freeze\" \\
      --follow-up \"Send him the churn analysis\" --due 2026-03-20

Without --kind, fanclub reads the summary: coffee or lunch → coffee, demo → demo,
presentation or talk → presentation, intro → introduction, feedback → feedback,
message, email, slack or chat → message, helped → help-given, meeting or sync → meeting.
Otherwise it is a 1:1 with one person and a meeting with several. The date is today
unless you give --on.";

const ADD_EXAMPLES: &str = "\
Example:
  fanclub interaction add --with dana --kind coffee --summary \"Coffee at the offsite\" \\
      --learned \"Wants a PM to own the partner API\"

Kinds: 1:1, meeting, coffee, message, presentation, demo, help-given, help-received,
introduction, feedback. Every interaction resets that person's keep-in-touch clock.";

#[derive(Debug, Subcommand)]
pub enum InteractionCommand {
    /// Record a contact with one or more people.
    #[command(after_help = ADD_EXAMPLES)]
    Add(InteractionAdd),
    /// List interactions, newest first.
    #[command(visible_alias = "ls")]
    List(InteractionList),
    /// Show one interaction.
    Show(InteractionRef),
    /// Change an interaction, or close its follow-up with --done.
    #[command(
        after_help = "Examples:\n  fanclub interaction edit 12 --done\n  fanclub interaction edit 12 --notes \"She'll intro me to the CFO\" --clear follow-up"
    )]
    Edit(InteractionEdit),
    /// Remove an interaction.
    #[command(visible_alias = "rm")]
    Remove(InteractionRef),
}

#[derive(Debug, Args)]
pub struct InteractionRef {
    /// The interaction's id (see `interaction list`).
    #[arg(value_name = "ID")]
    pub id: InteractionId,
}

/// What was said and what comes next: shared by `log` and `interaction add`.
#[derive(Debug, Args)]
pub struct InteractionDetails {
    /// When it happened [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Notes on the conversation.
    #[arg(long)]
    pub notes: Option<String>,
    /// What you learned about them: goals, struggles, what they care about.
    #[arg(long)]
    pub learned: Option<String>,
    /// Something you promised or want to do next.
    #[arg(long, value_name = "TEXT")]
    pub follow_up: Option<String>,
    /// When the follow-up is due (needs --follow-up).
    #[arg(long, value_name = "DATE", requires = "follow_up")]
    pub due: Option<Day>,
}

#[derive(Debug, Args)]
pub struct InteractionAdd {
    /// Who was there: handle, name or #id (repeat for several).
    #[arg(long = "with", value_name = "PERSON", required = true)]
    pub with: Vec<String>,
    /// 1:1, meeting, coffee, message, presentation, demo, help-given, help-received,
    /// introduction or feedback.
    #[arg(long)]
    pub kind: InteractionKind,
    /// One line about what happened.
    #[arg(long, value_name = "TEXT", value_parser = parse::summary)]
    pub summary: Title,
    #[command(flatten)]
    pub details: InteractionDetails,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// One line about what happened, like "Coffee with Dana Kim".
    #[arg(value_name = "SUMMARY", value_parser = parse::summary)]
    pub summary: Title,
    /// Who was there: handle, name or #id (repeat for several).
    #[arg(long = "with", value_name = "PERSON", required = true)]
    pub with: Vec<String>,
    /// The kind of contact [default: read from the summary, else 1:1 or meeting].
    #[arg(long)]
    pub kind: Option<InteractionKind>,
    #[command(flatten)]
    pub details: InteractionDetails,
}

#[derive(Debug, Args)]
pub struct InteractionList {
    /// Only interactions with this person.
    #[arg(long = "with", value_name = "PERSON")]
    pub with: Option<String>,
    /// Only on or after this date.
    #[arg(long, value_name = "DATE")]
    pub since: Option<Day>,
    /// Only on or before this date.
    #[arg(long, value_name = "DATE")]
    pub until: Option<Day>,
    /// Only those with a follow-up still to do.
    #[arg(long)]
    pub follow_ups: bool,
    /// At most this many, newest first.
    #[arg(long, value_name = "N", default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// All of them (no limit).
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
}

/// Optional interaction fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InteractionClear {
    Notes,
    Learned,
    FollowUp,
    Due,
}

#[derive(Debug, Args)]
pub struct InteractionEdit {
    /// The interaction's id.
    #[arg(value_name = "ID")]
    pub id: InteractionId,
    /// Who was there (replaces the list; repeat for several).
    #[arg(long = "with", value_name = "PERSON")]
    pub with: Vec<String>,
    /// The kind of contact.
    #[arg(long)]
    pub kind: Option<InteractionKind>,
    /// One line about what happened.
    #[arg(long, value_name = "TEXT", value_parser = parse::summary)]
    pub summary: Option<Title>,
    /// When it happened.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Notes on the conversation.
    #[arg(long)]
    pub notes: Option<String>,
    /// What you learned about them.
    #[arg(long)]
    pub learned: Option<String>,
    /// Something you promised or want to do next.
    #[arg(long, value_name = "TEXT")]
    pub follow_up: Option<String>,
    /// When the follow-up is due.
    #[arg(long, value_name = "DATE")]
    pub due: Option<Day>,
    /// Mark the follow-up as done.
    #[arg(long, conflicts_with = "reopen")]
    pub done: bool,
    /// Mark the follow-up as not done.
    #[arg(long)]
    pub reopen: bool,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<InteractionClear>,
}

#[derive(Debug, Subcommand)]
pub enum ConnectionCommand {
    /// Record that two people know each other.
    #[command(
        after_help = "Example:\n  fanclub connection add dana priya --strength 4 --note \"Worked together at Acme\"\n\nStrength: 1 met once … 5 close. Connections power warm introductions."
    )]
    Add(ConnectionAdd),
    /// List connections.
    #[command(visible_alias = "ls")]
    List(ConnectionList),
    /// Show one connection.
    Show(ConnectionRef),
    /// Change a connection's strength or note.
    Edit(ConnectionEdit),
    /// Remove a connection.
    #[command(visible_alias = "rm")]
    Remove(ConnectionRef),
}

#[derive(Debug, Args)]
pub struct ConnectionRef {
    /// The connection's id (see `connection list`).
    #[arg(value_name = "ID")]
    pub id: ConnectionId,
}

#[derive(Debug, Args)]
pub struct ConnectionAdd {
    /// One person: handle, name or #id.
    #[arg(value_name = "A")]
    pub a: String,
    /// The other person.
    #[arg(value_name = "B")]
    pub b: String,
    /// How well they know each other, 1 (met once) to 5 (close) [default: 3].
    #[arg(long, value_name = "1-5")]
    pub strength: Option<Strength>,
    /// How they know each other.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConnectionList {
    /// Only this person's connections.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConnectionEdit {
    /// The connection's id.
    #[arg(value_name = "ID")]
    pub id: ConnectionId,
    /// How well they know each other, 1–5.
    #[arg(long, value_name = "1-5")]
    pub strength: Option<Strength>,
    /// How they know each other.
    #[arg(long)]
    pub note: Option<String>,
    /// Empty an optional field: note.
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<ConnectionClear>,
}

/// Optional connection fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConnectionClear {
    Note,
}

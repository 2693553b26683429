//! The command-line grammar: every command, flag and help text, as clap derive types. The
//! handlers live in `commands`; nothing here touches the store.

mod decision;
mod engine;
mod interaction;
mod parse;
mod person;
mod records;
mod review;
mod transfer;
mod win;

pub use decision::*;
pub use engine::*;
pub use interaction::*;
pub use person::*;
pub use records::*;
pub use review::*;
pub use transfer::*;
pub use win::*;

use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "\
Getting started:
  fanclub demo                                   load a realistic sample to explore
  fanclub person add \"Dana Kim\" --title \"VP Product\" --influence 5 --interest 4
  fanclub log \"Coffee with Dana\" --with dana --learned \"She owns the Q3 pricing bet\"
  fanclub win add \"Self-serve onboarding\" --metric activation --before 31% --after 44%
  fanclub win share 1 --with dana --channel 1:1
  fanclub decision add \"Promotion to Head of Product\" --kind promotion --on 2026-06-30 \\
      --decider dana --voice priya
  fanclub person list --quadrant manage-closely

People are named by handle (dana-kim), name (\"Dana Kim\", or just \"dana\") or #id.
Dates are YYYY-MM-DD. Add --json to any command for machine-readable output.

Your data stays on this machine. `fanclub where` shows where; `fanclub reset --yes`
deletes it all.";

/// fanclub: build, on purpose and on evidence, the people who speak up for you.
///
/// Keep track of your stakeholders, the interactions and wins that turn them into
/// advocates, and the rooms where decisions about your career are taken.
#[derive(Debug, Parser)]
#[command(name = "fanclub", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// The database: a file path, or a sqlite: or postgres:// URL. Defaults to
    /// $FANCLUB_DATABASE_URL, then fanclub.db in your data directory.
    #[arg(
        long,
        global = true,
        value_name = "PATH_OR_URL",
        help_heading = "Global options"
    )]
    pub db: Option<String>,

    /// Print JSON instead of tables and sentences (for scripts).
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Your stakeholders: add, list, show, edit, remove; record stance and trust.
    #[command(subcommand, visible_alias = "people")]
    Person(PersonCommand),

    /// Log an interaction in one line (the quick way to `interaction add`).
    #[command(after_help = LOG_EXAMPLES)]
    Log(LogArgs),

    /// Dated contacts with people: 1:1s, coffees, meetings, messages…
    #[command(subcommand)]
    Interaction(InteractionCommand),

    /// Who knows whom, for warm introductions.
    #[command(subcommand)]
    Connection(ConnectionCommand),

    /// Visible work worth talking about, its impact, and who knows about it.
    #[command(subcommand)]
    Win(WinCommand),

    /// The company's business goals that your wins serve.
    #[command(subcommand)]
    Goal(GoalCommand),

    /// Rooms where decisions about you are taken, and who sits in them.
    #[command(subcommand)]
    Decision(DecisionCommand),

    /// Assignments offered to you, and who put you forward.
    #[command(subcommand)]
    Opportunity(OpportunityCommand),

    /// Dated proof of a competency, from claimed to endorsed.
    #[command(subcommand)]
    Evidence(EvidenceCommand),

    /// How people understand your work, and the gaps to close.
    #[command(subcommand)]
    Perception(PerceptionCommand),

    /// The competency framework: tracks, levels and practices.
    #[command(subcommand)]
    Framework(FrameworkCommand),

    /// Your weekly review: commitments kept, wins, lessons, next steps.
    #[command(subcommand)]
    Review(ReviewCommand),

    /// Who you are, the role you aim for, default cadences.
    #[command(subcommand)]
    Settings(SettingsCommand),

    /// Open fanclub in your browser: the web app on 127.0.0.1, on this machine only.
    Serve(ServeArgs),

    /// This week's review: what to do, and why; then your part.
    #[command(after_help = WEEK_HELP)]
    Week(WeekArgs),

    /// Room coverage: who in each upcoming decision will speak for you.
    #[command(after_help = ROOM_HELP, visible_alias = "rooms")]
    Room(RoomArgs),

    /// Who is past their keep-in-touch cadence, most important first.
    Due(DueArgs),

    /// Which key people know about each win, and which do not.
    Visibility(VisibilityArgs),

    /// Your level per competency track, from evidence, and the next practice.
    Readiness(ReadinessArgs),

    /// The trust equation per relationship, its weakest factor, what would move it.
    Trust(TrustArgs),

    /// The cycle as numbers: evidence, stance upgrades, opportunities, shares.
    Momentum(MomentumArgs),

    /// The warmest introduction paths from you to someone.
    #[command(after_help = PATH_HELP)]
    Path(PathArgs),

    /// Check a first message to someone new before you send it.
    #[command(after_help = CHECK_HELP)]
    CheckMessage(CheckMessageArgs),

    /// Bring data in: LinkedIn, Google Contacts, vCard, iCalendar, or a fanclub archive.
    #[command(subcommand)]
    Import(ImportCommand),

    /// Take data out: the full archive, vCards, the brag document, a calendar feed.
    #[command(subcommand)]
    Export(ExportCommand),

    /// Fold a duplicate person into another: their records move, the duplicate goes.
    Merge(MergeArgs),

    /// Generate a large synthetic workspace (for benchmarks and load tests).
    Generate(GenerateArgs),

    /// Load a realistic sample workspace to explore fanclub.
    Demo(DemoArgs),

    /// Delete everything fanclub holds (people, notes, wins, settings).
    Reset(ResetArgs),

    /// Show where your data lives.
    Where,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port on 127.0.0.1.
    #[arg(long, default_value_t = fanclub_web::WebConfig::DEFAULT_PORT)]
    pub port: u16,
    /// Open the page in your browser once it is ready.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Clear the existing data first (deletes everything you have entered).
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Confirm: delete everything without asking.
    #[arg(long)]
    pub yes: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }
}

//! The `framework`, `evidence` and `settings` commands: what readiness means, the proof of
//! it, and the member's own settings.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::{
    CadenceDays, Day, Email, EvidenceId, EvidenceSource, EvidenceStrength, InteractionId, Level,
    Title, TrackKey, WinId,
};

use super::parse;

#[derive(Debug, Subcommand)]
pub enum FrameworkCommand {
    /// Show the framework, or one track in detail with its levels and practices.
    Show(FrameworkShow),
    /// Replace the framework with one from a TOML file (the shape `export` writes).
    #[command(
        after_help = "Example:\n  fanclub framework export ladder.toml   # edit it, then:\n  fanclub framework load ladder.toml"
    )]
    Load(FrameworkLoad),
    /// Write the framework as TOML, to a file or to the screen.
    Export(FrameworkExport),
    /// Go back to the default framework (strategy, buy-in, confidence, domain, leadership).
    Reset,
    /// Change one track's name, target level or summary.
    #[command(after_help = "Example:\n  fanclub framework track strategy --target 4")]
    Track(TrackEdit),
    /// Add a track (with levels 0–4 to fill in later).
    #[command(
        name = "track-add",
        after_help = "Example:\n  fanclub framework track-add craft --name \"Product craft\" --summary \"Discovery and delivery\""
    )]
    TrackAdd(TrackAdd),
    /// Remove a track no evidence, win or opportunity refers to.
    #[command(name = "track-remove")]
    TrackRemove(TrackRef),
}

#[derive(Debug, Args)]
pub struct FrameworkShow {
    /// A track to show in detail, like strategy.
    #[arg(value_name = "TRACK")]
    pub track: Option<TrackKey>,
}

#[derive(Debug, Args)]
pub struct FrameworkLoad {
    /// The TOML file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct FrameworkExport {
    /// Where to write it [default: the screen].
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TrackRef {
    /// The track's key, like strategy.
    #[arg(value_name = "KEY")]
    pub key: TrackKey,
}

#[derive(Debug, Args)]
pub struct TrackEdit {
    /// The track's key, like strategy.
    #[arg(value_name = "KEY")]
    pub key: TrackKey,
    /// Its display name.
    #[arg(long)]
    pub name: Option<String>,
    /// The level you aim for, 0–4.
    #[arg(long, value_name = "LEVEL")]
    pub target: Option<Level>,
    /// What the track is about.
    #[arg(long)]
    pub summary: Option<String>,
}

#[derive(Debug, Args)]
pub struct TrackAdd {
    /// The new track's key: lowercase letters, digits and dashes.
    #[arg(value_name = "KEY")]
    pub key: TrackKey,
    /// Its display name.
    #[arg(long)]
    pub name: String,
    /// What the track is about.
    #[arg(long, default_value = "")]
    pub summary: String,
    /// The level you aim for, 0–4.
    #[arg(long, value_name = "LEVEL", default_value = "3")]
    pub target: Level,
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Record a proof of a competency.
    #[command(
        after_help = "Examples:\n  fanclub evidence add --track domain --summary \"Brown-bag on churn cohorts\" --strength witnessed --person priya\n  fanclub evidence add --track buy-in --summary \"Dana on the pricing rollout\" --strength endorsed \\\n      --person dana --quote \"Nobody else could have got sales on board\"\n\nStrength: claimed (your word, the default), witnessed (names who saw it), endorsed\n(names who said it and quotes them). Source: win, interaction, talk, mentoring, rehearsal,\nfeedback, other; by default win or interaction when you link one, feedback when endorsed."
    )]
    Add(EvidenceAdd),
    /// List evidence, newest first.
    #[command(visible_alias = "ls")]
    List(EvidenceList),
    /// Show one piece of evidence.
    Show(EvidenceRef),
    /// Change a piece of evidence.
    Edit(EvidenceEdit),
    /// Remove a piece of evidence.
    #[command(visible_alias = "rm")]
    Remove(EvidenceRef),
}

#[derive(Debug, Args)]
pub struct EvidenceRef {
    /// The evidence's id (see `evidence list`).
    #[arg(value_name = "ID")]
    pub id: EvidenceId,
}

#[derive(Debug, Args)]
pub struct EvidenceAdd {
    /// The competency track, like strategy.
    #[arg(long, value_name = "KEY")]
    pub track: TrackKey,
    /// What happened, in one line.
    #[arg(long, value_name = "TEXT", value_parser = parse::summary)]
    pub summary: Title,
    /// claimed, witnessed or endorsed.
    #[arg(long, default_value = "claimed")]
    pub strength: EvidenceStrength,
    /// win, interaction, talk, mentoring, rehearsal, feedback or other.
    #[arg(long)]
    pub source: Option<EvidenceSource>,
    /// When [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Who saw it or said it.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// Their words (endorsed evidence).
    #[arg(long)]
    pub quote: Option<String>,
    /// The win it comes from, by id.
    #[arg(long, value_name = "ID")]
    pub win: Option<WinId>,
    /// The interaction it comes from, by id.
    #[arg(long, value_name = "ID")]
    pub interaction: Option<InteractionId>,
}

#[derive(Debug, Args)]
pub struct EvidenceList {
    /// Only this track.
    #[arg(long, value_name = "KEY")]
    pub track: Option<TrackKey>,
}

/// Optional evidence fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvidenceClear {
    Quote,
    Person,
    Win,
    Interaction,
}

#[derive(Debug, Args)]
pub struct EvidenceEdit {
    /// The evidence's id.
    #[arg(value_name = "ID")]
    pub id: EvidenceId,
    /// The competency track.
    #[arg(long, value_name = "KEY")]
    pub track: Option<TrackKey>,
    /// What happened, in one line.
    #[arg(long, value_name = "TEXT", value_parser = parse::summary)]
    pub summary: Option<Title>,
    /// claimed, witnessed or endorsed.
    #[arg(long)]
    pub strength: Option<EvidenceStrength>,
    /// Where it came from.
    #[arg(long)]
    pub source: Option<EvidenceSource>,
    /// When.
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// Who saw it or said it.
    #[arg(long, value_name = "PERSON")]
    pub person: Option<String>,
    /// Their words.
    #[arg(long)]
    pub quote: Option<String>,
    /// The win it comes from.
    #[arg(long, value_name = "ID")]
    pub win: Option<WinId>,
    /// The interaction it comes from.
    #[arg(long, value_name = "ID")]
    pub interaction: Option<InteractionId>,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<EvidenceClear>,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show your settings.
    Show,
    /// Change your settings.
    #[command(
        after_help = "Example:\n  fanclub settings set --me \"Alex Rivera\" --target-role \"Head of Product\" \\\n      --cadence-manage-closely 10d --momentum-window 60"
    )]
    Set(SettingsSet),
}

/// Settings `set --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SettingsClear {
    Me,
    MyEmails,
    TargetRole,
    TimeZone,
}

#[derive(Debug, Args)]
pub struct SettingsSet {
    /// Your own name.
    #[arg(long, value_name = "NAME")]
    pub me: Option<String>,
    /// Your own e-mail addresses (repeat, or separate with commas), replacing those saved:
    /// calendar imports leave you out of every meeting they are in.
    #[arg(long = "my-email", value_name = "EMAIL", value_delimiter = ',', value_parser = Email::parse)]
    pub my_emails: Vec<Email>,
    /// The role you are working toward, like "Head of Product".
    #[arg(long, value_name = "ROLE")]
    pub target_role: Option<String>,
    /// Your time zone (e.g. Europe/Berlin): calendar imports date meetings written in UTC
    /// in it unless they are given `--time-zone`.
    #[arg(long, value_name = "ZONE")]
    pub time_zone: Option<fanclub_formats::TimeZone>,
    /// Default cadence for high influence, high interest (like 14d, 2w).
    #[arg(long, value_name = "DAYS")]
    pub cadence_manage_closely: Option<CadenceDays>,
    /// Default cadence for high influence, low interest.
    #[arg(long, value_name = "DAYS")]
    pub cadence_keep_satisfied: Option<CadenceDays>,
    /// Default cadence for low influence, high interest.
    #[arg(long, value_name = "DAYS")]
    pub cadence_keep_informed: Option<CadenceDays>,
    /// Default cadence for low influence, low interest.
    #[arg(long, value_name = "DAYS")]
    pub cadence_monitor: Option<CadenceDays>,
    /// The rolling window of momentum, in days (7–730).
    #[arg(long, value_name = "DAYS", value_parser = parse::momentum_window)]
    pub momentum_window: Option<u16>,
    /// Empty a setting (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<SettingsClear>,
}

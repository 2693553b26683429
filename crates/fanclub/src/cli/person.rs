//! The `person` commands: stakeholders, their place on the grid, stance and trust.

use clap::{Args, Subcommand, ValueEnum};
use fanclub_core::{
    CadenceDays, Circle, Day, Email, Handle, Influence, Interest, Name, Quadrant, Relation, Stance,
    TrustFactor,
};

const ADD_EXAMPLES: &str = "\
Examples:
  fanclub person add \"Dana Kim\"
  fanclub person add \"Dana Kim\" --org Acme --title \"VP Product\" --relation skip-level \\
      --influence 5 --interest 4 --stance supporter --email dana@acme.com
  fanclub person add \"Sam Ortiz\" --circle outside --relation external --introduced-by dana \\
      --how-met \"ProductCamp 2025\" --cadence 2m

Defaults: circle company, relation peer, influence 3, interest 3, stance unknown.
Influence and interest of 4 or 5 count as high on the power/interest grid.";

const EDIT_EXAMPLES: &str = "\
Examples:
  fanclub person edit dana --title \"SVP Product\" --influence 5
  fanclub person edit dana --stance advocate --on 2026-03-02
  fanclub person edit dana --clear notes --clear cadence
  fanclub person edit dana --clear emails --email dana@newco.com

--email, --phone and --link add to the lists; --clear one of them first to replace it.";

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a stakeholder.
    #[command(after_help = ADD_EXAMPLES)]
    Add(PersonAdd),
    /// List people, with their quadrant and stance.
    #[command(
        visible_alias = "ls",
        after_help = "Examples:\n  fanclub person list --quadrant manage-closely\n  fanclub person list --stance advocate --stance sponsor\n  fanclub person list --search acme"
    )]
    List(PersonList),
    /// Everything about one person: fields, cadence, trust, stance history, interactions,
    /// the wins they know about and the rooms they sit in.
    Show(PersonRef),
    /// Change a person's details.
    #[command(after_help = EDIT_EXAMPLES)]
    Edit(PersonEdit),
    /// Remove a person, what is only about them, and their place in other records.
    #[command(visible_alias = "rm")]
    Remove(PersonRemove),
    /// Record where someone stands now (kept in their stance history).
    #[command(
        after_help = "The ladder: detractor < unknown < aware < supporter < advocate < sponsor.\n\nExample:\n  fanclub person stance dana advocate --on 2026-03-02 --note \"Backed my pricing proposal in staff\""
    )]
    Stance(PersonStance),
    /// Rate the trust equation for one relationship, each factor 1–10.
    #[command(
        after_help = "trust = (credibility + reliability + intimacy) / self-orientation, from 0.3 to 30.\nRate honestly; a lower self-orientation is better.\n\nExample:\n  fanclub person trust dana --credibility 7 --reliability 8 --intimacy 4 --self-orientation 3"
    )]
    Trust(PersonTrust),
}

#[derive(Debug, Args)]
pub struct PersonRef {
    /// Handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
}

/// The fields `add` and `edit` share.
#[derive(Debug, Args)]
pub struct PersonFields {
    /// Short name for the command line, like dana-kim (derived from the name when left out).
    #[arg(long, value_parser = Handle::parse)]
    pub handle: Option<Handle>,
    /// An e-mail address (repeat for several).
    #[arg(long = "email", value_name = "EMAIL", value_parser = Email::parse)]
    pub emails: Vec<Email>,
    /// A phone number (repeat for several).
    #[arg(long = "phone", value_name = "PHONE")]
    pub phones: Vec<String>,
    /// A profile or web address, LinkedIn first (repeat for several).
    #[arg(long = "link", value_name = "URL")]
    pub links: Vec<String>,
    /// Their organisation.
    #[arg(long = "org", value_name = "ORG")]
    pub organisation: Option<String>,
    /// Their job title.
    #[arg(long)]
    pub title: Option<String>,
    /// Their team.
    #[arg(long)]
    pub team: Option<String>,
    /// team (my own team), company (my organisation) or outside.
    #[arg(long)]
    pub circle: Option<Circle>,
    /// manager, skip-level, peer, cross-functional, report, executive, mentor or external.
    #[arg(long)]
    pub relation: Option<Relation>,
    /// Power over decisions about you, 1–5.
    #[arg(long, value_name = "1-5")]
    pub influence: Option<Influence>,
    /// Interest in your work, 1–5.
    #[arg(long, value_name = "1-5")]
    pub interest: Option<Interest>,
    /// detractor, unknown, aware, supporter, advocate or sponsor.
    #[arg(long)]
    pub stance: Option<Stance>,
    /// What they are trying to achieve at work.
    #[arg(long)]
    pub goals: Option<String>,
    /// What they struggle with.
    #[arg(long)]
    pub struggles: Option<String>,
    /// Their interests outside work.
    #[arg(long)]
    pub interests: Option<String>,
    /// How you met.
    #[arg(long)]
    pub how_met: Option<String>,
    /// Who introduced you (handle, name or #id).
    #[arg(long, value_name = "PERSON")]
    pub introduced_by: Option<String>,
    /// Longest gap you want between contacts: 21, 21d, 3w or 2m (default: by quadrant).
    #[arg(long, value_name = "DAYS")]
    pub cadence: Option<CadenceDays>,
    /// YYYY-MM-DD, or --MM-DD when you don't know the year.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub birthday: Option<String>,
    /// Anything else worth remembering.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct PersonAdd {
    /// Their full name.
    #[arg(value_name = "NAME")]
    pub name: Name,
    #[command(flatten)]
    pub fields: PersonFields,
    /// When you got to know them (their first stance is dated then) [default: today].
    #[arg(long, value_name = "DATE")]
    pub since: Option<Day>,
}

#[derive(Debug, Args)]
pub struct PersonList {
    /// Only this circle: team, company or outside.
    #[arg(long)]
    pub circle: Option<Circle>,
    /// Only this quadrant: manage-closely, keep-satisfied, keep-informed or monitor.
    #[arg(long)]
    pub quadrant: Option<Quadrant>,
    /// Only these stances (repeat for several).
    #[arg(long)]
    pub stance: Vec<Stance>,
    /// Only people whose name, handle, organisation, title, team or e-mail contains TEXT.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

/// Optional person fields `edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PersonClear {
    Emails,
    Phones,
    Links,
    Org,
    Title,
    Team,
    Goals,
    Struggles,
    Interests,
    HowMet,
    IntroducedBy,
    Cadence,
    Birthday,
    Notes,
    Trust,
}

#[derive(Debug, Args)]
pub struct PersonEdit {
    /// Handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// Their full name (the handle stays; change it with --handle).
    #[arg(long)]
    pub name: Option<Name>,
    #[command(flatten)]
    pub fields: PersonFields,
    /// Empty an optional field (repeat, or separate with commas).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub clear: Vec<PersonClear>,
    /// The date of a stance change [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
}

#[derive(Debug, Args)]
pub struct PersonRemove {
    /// Handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// Don't ask for confirmation.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct PersonStance {
    /// Handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// detractor, unknown, aware, supporter, advocate or sponsor.
    #[arg(value_name = "STANCE")]
    pub stance: Stance,
    /// When it changed [default: today].
    #[arg(long, value_name = "DATE")]
    pub on: Option<Day>,
    /// What happened (kept, dated, in their notes).
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct PersonTrust {
    /// Handle, name or #id.
    #[arg(value_name = "PERSON")]
    pub person: String,
    /// They believe what you say (1–10).
    #[arg(long, value_name = "1-10")]
    pub credibility: TrustFactor,
    /// They can depend on what you do (1–10).
    #[arg(long, value_name = "1-10")]
    pub reliability: TrustFactor,
    /// They feel safe being open with you (1–10).
    #[arg(long, value_name = "1-10")]
    pub intimacy: TrustFactor,
    /// How focused on yourself you seem to them (1–10, lower is better).
    #[arg(long, value_name = "1-10")]
    pub self_orientation: TrustFactor,
}

//! The grammar of moving data in and out: `import`, `export` and `merge`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use fanclub_core::import::ContactDefaults;
use fanclub_core::{Circle, Email, InteractionKind, Relation};
use fanclub_formats::choices::{self, ImportChoices, TimeZone};

/// `fanclub import …`: bring contacts, calendars or a whole archive in.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Restore a full archive (from `fanclub export archive`) into an empty workspace.
    Archive(ArchiveImportArgs),
    /// LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data).
    #[command(after_help = CONTACT_IMPORT_HELP)]
    Linkedin(ContactImportArgs),
    /// A Google Contacts CSV export (Export → Google CSV).
    #[command(after_help = CONTACT_IMPORT_HELP)]
    Google(ContactImportArgs),
    /// A vCard file (.vcf) of one or many contacts, from a phone or an address book.
    #[command(after_help = CONTACT_IMPORT_HELP)]
    Vcard(ContactImportArgs),
    /// An iCalendar file (.ics): past meetings with people you know become interactions.
    #[command(after_help = CALENDAR_IMPORT_HELP)]
    Calendar(CalendarImportArgs),
    /// Any of the above, recognised from the file's content.
    Auto(AutoImportArgs),
}

const CONTACT_IMPORT_HELP: &str = "\
Each contact is matched to the people you have, by e-mail, then profile address, then
name and organisation: a match fills the person's empty fields and adds new addresses,
phones and links (nothing you wrote is replaced); no match adds a person. A contact that
could be two people is listed and left out. Importing the same file again changes nothing.

Examples:
  fanclub import linkedin Connections.csv --dry-run    see what would happen
  fanclub import linkedin Connections.csv
  fanclub import vcard contacts.vcf --circle company";

const CALENDAR_IMPORT_HELP: &str = "\
Meetings in the past whose organizer or attendees are among your people (matched by
e-mail, then name) become interactions on their day: a 1:1 with one other person, a
meeting with more. Larger meetings, cancelled ones and people who declined are left out;
nobody new is added. Importing the same calendar again changes nothing.

Your own addresses are left out of every meeting: save them once with
`fanclub settings set --my-email me@acme.com`, or give others with --me.

Examples:
  fanclub import calendar work.ics --dry-run
  fanclub import calendar work.ics --me me@home.example --max-attendees 3
  fanclub import calendar work.ics --time-zone Europe/Berlin --kind coffee";

#[derive(Debug, Args)]
pub struct ContactImportArgs {
    /// The file to import.
    pub file: PathBuf,
    /// Show what would be created, updated and skipped; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The circle of the people added: team, company or outside.
    #[arg(long, default_value = "outside")]
    pub circle: Circle,
    /// Their relation to you: peer, external, cross-functional…
    #[arg(long, default_value = "external")]
    pub relation: Relation,
}

impl ContactImportArgs {
    /// The choices these flags make.
    pub fn choices(&self) -> ImportChoices {
        ImportChoices {
            contacts: ContactDefaults {
                circle: self.circle,
                relation: self.relation,
            },
            ..ImportChoices::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct CalendarImportArgs {
    /// The .ics file to import.
    pub file: PathBuf,
    /// Show what would be added and skipped; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Another address of yours (repeat for several), on top of those saved with
    /// `fanclub settings set --my-email`: you are not one of the people.
    #[arg(long, value_name = "EMAIL", value_parser = Email::parse)]
    pub me: Vec<Email>,
    /// Leave out meetings with more other people than this (1 to 100).
    #[arg(long, default_value_t = fanclub_core::import::DEFAULT_MAX_ATTENDEES, value_name = "N",
          value_parser = choices::max_attendees)]
    pub max_attendees: usize,
    /// Give every imported meeting this kind (default: 1:1 with one other person, else meeting).
    #[arg(long)]
    pub kind: Option<InteractionKind>,
    /// At most this many past occurrences per recurring meeting, the latest ones (1 to 520).
    #[arg(long, default_value_t = choices::DEFAULT_OCCURRENCES, value_name = "N",
          value_parser = choices::max_occurrences)]
    pub max_occurrences: usize,
    /// Date meetings written in UTC in this zone (e.g. Europe/Berlin); without it, in the
    /// zone saved with `fanclub settings set --time-zone`, else in UTC.
    #[arg(long, value_name = "ZONE")]
    pub time_zone: Option<TimeZone>,
}

impl CalendarImportArgs {
    /// The choices these flags make.
    pub fn choices(&self) -> ImportChoices {
        ImportChoices {
            me: self.me.clone(),
            max_attendees: self.max_attendees,
            kind: self.kind,
            max_occurrences: self.max_occurrences,
            time_zone: self.time_zone,
            ..ImportChoices::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct AutoImportArgs {
    /// The file to import: LinkedIn or Google CSV, vCard or iCalendar.
    pub file: PathBuf,
    /// Show what would happen; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Another address of yours, for a calendar (repeat for several), on top of those in
    /// the settings.
    #[arg(long, value_name = "EMAIL", value_parser = Email::parse)]
    pub me: Vec<Email>,
}

/// `fanclub export …`: take everything out again.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every record, every field, as one versioned JSON file.
    Archive(ArchiveExportArgs),
    /// Every person as a vCard 4.0 address book (`.vcf`).
    Vcard(OutputArgs),
    /// The brag document: every win, by business goal or by month.
    Brag(BragExportArgs),
    /// The promotion packet: wins against goals, evidence per track, who can vouch.
    Packet(PacketExportArgs),
    /// Open follow-ups and decision dates as an iCalendar file (`.ics`).
    #[command(after_help = CALENDAR_EXPORT_HELP)]
    Calendar(CalendarExportArgs),
}

const CALENDAR_EXPORT_HELP: &str = "\
With --link, prints the private address where `fanclub serve` publishes the same calendar
(created the first time), for a calendar app on this computer to subscribe to. Anyone who
has the address can read the calendar; Settings in the web app makes a new one or turns
it off.

Examples:
  fanclub export calendar -o fanclub.ics
  fanclub export calendar --link";

#[derive(Debug, Args)]
pub struct CalendarExportArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    /// Print the private feed address instead of writing the calendar.
    #[arg(long, conflicts_with = "output")]
    pub link: bool,
    /// The port `fanclub serve` listens on, for the address --link prints.
    #[arg(long, default_value_t = fanclub_web::WebConfig::DEFAULT_PORT, requires = "link")]
    pub port: u16,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Where to write; `-` or nothing writes to standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// How a document is written: Markdown, or a print-ready HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentFormat {
    Md,
    Html,
}

/// How the brag document groups wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BragGrouping {
    Goal,
    Month,
}

#[derive(Debug, Args)]
pub struct BragExportArgs {
    /// Group wins by the business goal they served, or by month.
    #[arg(long, value_enum, default_value = "goal")]
    pub by: BragGrouping,
    #[arg(long, value_enum, default_value = "md")]
    pub format: DocumentFormat,
    /// Where to write; `-` or nothing writes to standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PacketExportArgs {
    #[arg(long, value_enum, default_value = "md")]
    pub format: DocumentFormat,
    /// Where to write; `-` or nothing writes to standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
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

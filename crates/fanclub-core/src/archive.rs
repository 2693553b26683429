//! The full archive: every record of a workspace as one versioned JSON file, written by
//! `fanclub export archive` and read back by `fanclub import archive`.
//!
//! The file is an object with a format name, a version, the day it was written and the
//! workspace:
//!
//! ```json
//! {
//!   "format": "fanclub-archive",
//!   "version": 1,
//!   "exported_on": "2026-03-14",
//!   "workspace": {
//!     "settings": {…},
//!     "people": [
//!       {"id":1,"handle":"dana-kim",…},
//!       …
//!     ],
//!     …
//!   }
//! }
//! ```
//!
//! Two rules make an archive a faithful, repeatable copy:
//!
//! - **Its own numbering.** Records are numbered 1, 2, 3… per kind, in the order the store
//!   lists them (by id), and every reference is rewritten to match. The ids a database gave
//!   (with gaps left by deletions, or shared sequences on PostgreSQL) never reach the file,
//!   so exporting, restoring into an empty database and exporting again gives the same
//!   bytes. The one field that can differ between two exports is `exported_on`: two exports
//!   of the same data on the same day are byte-identical.
//! - **One record per line.** The outer structure is indented; each record is compact on
//!   a line of its own, so a file of a million interactions stays small, diffs well, and an
//!   error's line number points at one record.
//!
//! Weekly reviews keep their generated agenda exactly as it was written that week; the
//! ids inside that agenda are a snapshot and are not renumbered.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::{CoreError, CoreResult, Day, Id, Record, Workspace};

/// The `format` field of every archive.
pub const ARCHIVE_FORMAT: &str = "fanclub-archive";
/// The newest archive version this build writes and reads.
pub const ARCHIVE_VERSION: u32 = 1;

/// A workspace with the header that says what the file is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    pub format: String,
    pub version: u32,
    /// The day the archive was written (the only field that differs between two exports
    /// of the same data on different days).
    pub exported_on: Day,
    pub workspace: Workspace,
}

/// Why a file could not be read as an archive. Each says where and what to do.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    #[error(
        "this file is not a fanclub archive ({reason}); \
         an archive is the JSON file written by `fanclub export archive`"
    )]
    NotAnArchive { reason: String },
    #[error(
        "this archive is version {found}, newer than this fanclub reads (up to version \
         {ARCHIVE_VERSION}); update fanclub, then import it again"
    )]
    Newer { found: u64 },
    #[error(
        "this archive's version {found} is not one fanclub knows (versions 1 to \
         {ARCHIVE_VERSION}); was the file edited by hand?"
    )]
    UnknownVersion { found: String },
    #[error(
        "the archive ends at line {line} before it is complete: the file looks cut short \
         (a copy or a download that stopped); export it again and import the whole file"
    )]
    CutShort { line: usize },
    #[error(
        "the archive is damaged at line {line}, column {column}, in `{path}`: {message}; \
         export it again, or fix that line"
    )]
    Damaged {
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
}

/// Only the header, read first so a newer or foreign file is named as such rather than
/// failing somewhere deep inside with a confusing message.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Archive {
    /// An archive of `ws` as of `on`, with the archive's own numbering (see the module
    /// comment). Refuses a workspace whose references point at records it does not hold.
    pub fn new(mut ws: Workspace, on: Day) -> CoreResult<Archive> {
        renumber(&mut ws)?;
        Ok(Archive {
            format: ARCHIVE_FORMAT.to_string(),
            version: ARCHIVE_VERSION,
            exported_on: on,
            workspace: ws,
        })
    }

    /// Write the archive: indented outside, one compact record per line, ending in a
    /// newline.
    pub fn write_to<W: Write>(&self, out: W) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let mut ser = serde_json::Serializer::with_formatter(&mut out, RecordPerLine::default());
        self.serialize(&mut ser).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
        out.flush()
    }

    /// The archive as text (see [`Archive::write_to`]).
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        // Writing to memory cannot fail, and every value of a workspace serialises.
        if self.write_to(&mut out).is_err() {
            return String::new();
        }
        String::from_utf8(out).unwrap_or_default()
    }

    /// Read an archive, checking first that it is one and that its version is known.
    pub fn from_json(text: &str) -> Result<Archive, ArchiveError> {
        // One pass over the text when all is well (a large archive is hundreds of MB);
        // only a file that does not parse pays for reading its header first, so that a
        // foreign or newer file is named as such.
        let fast: Result<Archive, _> = serde_json::from_str(text);
        let failed = match fast {
            Ok(archive) => {
                Self::check_header(
                    Some(serde_json::Value::from(archive.format.as_str())),
                    Some(serde_json::Value::from(archive.version)),
                )?;
                return Ok(archive);
            }
            Err(e) => e,
        };
        let header: Header = serde_json::from_str(text).map_err(|e| {
            // An archive that stops early still starts like one.
            let head: String = text.chars().take(200).collect();
            if e.is_eof() && head.contains(ARCHIVE_FORMAT) {
                ArchiveError::CutShort { line: e.line() }
            } else {
                ArchiveError::NotAnArchive {
                    reason: format!("line {}, column {}: {e}", e.line(), e.column()),
                }
            }
        })?;
        Self::check_header(header.format, header.version)?;
        // Only a damaged file pays for finding the path of the failure.
        let fast = failed;
        let mut de = serde_json::Deserializer::from_str(text);
        let (path, message) = match serde_path_to_error::deserialize::<_, Archive>(&mut de) {
            Err(e) => (e.path().to_string(), e.inner().to_string()),
            Ok(_) => (".".to_string(), fast.to_string()),
        };
        // serde_json appends " at line L column C": the line is given separately.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        Err(ArchiveError::Damaged {
            line: fast.line(),
            column: fast.column(),
            path,
            message,
        })
    }

    /// The header's `format` and `version`: refuses a foreign file and a version this
    /// build does not read.
    fn check_header(
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    ) -> Result<(), ArchiveError> {
        match format.as_ref().and_then(|f| f.as_str()) {
            Some(ARCHIVE_FORMAT) => {}
            Some(other) => {
                return Err(ArchiveError::NotAnArchive {
                    reason: format!("its `format` is {other:?}, not {ARCHIVE_FORMAT:?}"),
                });
            }
            None => {
                return Err(ArchiveError::NotAnArchive {
                    reason: format!("it has no `format` field saying {ARCHIVE_FORMAT:?}"),
                });
            }
        }
        match version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if (1..=u64::from(ARCHIVE_VERSION)).contains(&v) => {}
            Some(v) if v > u64::from(ARCHIVE_VERSION) => {
                return Err(ArchiveError::Newer { found: v });
            }
            _ => {
                return Err(ArchiveError::UnknownVersion {
                    found: version
                        .map(|v| v.to_string())
                        .unwrap_or_else(|| "(missing)".to_string()),
                });
            }
        }
        Ok(())
    }
}

/// Positions 1, 2, 3… of each id in a list.
fn positions<T>(list: &[Record<T>]) -> HashMap<i64, i64> {
    list.iter().zip(1..).map(|(r, n)| (r.id.get(), n)).collect()
}

fn renumber_list<T>(list: &mut [Record<T>]) {
    for (r, n) in list.iter_mut().zip(1..) {
        r.id = Id::from_raw(n);
    }
}

/// One kind's old id → archive id, naming what points nowhere.
struct Numbering {
    noun: &'static str,
    ids: HashMap<i64, i64>,
}

impl Numbering {
    fn get<T>(&self, old: Id<T>, from: &dyn Fn() -> String) -> CoreResult<Id<T>> {
        match self.ids.get(&old.get()) {
            Some(n) => Ok(Id::from_raw(*n)),
            None => Err(CoreError::NotFound {
                kind: self.noun,
                key: format!("#{old}"),
                hint: format!(
                    "{} names it, but the workspace holds no such {}",
                    from(),
                    self.noun
                ),
            }),
        }
    }
}

/// Number every kind 1, 2, 3… in list order and rewrite every reference.
fn renumber(ws: &mut Workspace) -> CoreResult<()> {
    let person = Numbering {
        noun: "person",
        ids: positions(&ws.people),
    };
    let goal = Numbering {
        noun: "goal",
        ids: positions(&ws.goals),
    };
    let interaction = Numbering {
        noun: "interaction",
        ids: positions(&ws.interactions),
    };
    let win = Numbering {
        noun: "win",
        ids: positions(&ws.wins),
    };

    for p in &mut ws.people {
        if let Some(by) = p.value.introduced_by {
            let at = p.id;
            p.value.introduced_by =
                Some(person.get(by, &|| format!("person #{at}'s introduced_by"))?);
        }
    }
    for c in &mut ws.stance_changes {
        let at = c.id;
        c.value.person = person.get(c.person, &|| format!("stance change #{at}"))?;
    }
    for c in &mut ws.connections {
        let at = c.id;
        let from = || format!("connection #{at}");
        let mut value = c.value.clone();
        value.a = person.get(c.a, &from)?;
        value.b = person.get(c.b, &from)?;
        c.value = value.normalized()?;
    }
    for i in &mut ws.interactions {
        let at = i.id;
        for p in &mut i.value.people {
            *p = person.get(*p, &|| format!("interaction #{at}"))?;
        }
    }
    for w in &mut ws.wins {
        let at = w.id;
        let from = || format!("win #{at}");
        for g in &mut w.value.goals {
            *g = goal.get(*g, &from)?;
        }
        for s in &mut w.value.shares {
            s.person = person.get(s.person, &from)?;
        }
    }
    for e in &mut ws.evidence {
        let at = e.id;
        let from = || format!("evidence #{at}");
        e.value.person = e.person.map(|p| person.get(p, &from)).transpose()?;
        e.value.win = e.win.map(|w| win.get(w, &from)).transpose()?;
        e.value.interaction = e
            .interaction
            .map(|i| interaction.get(i, &from))
            .transpose()?;
    }
    for c in &mut ws.perceptions {
        let at = c.id;
        c.value.person = person.get(c.person, &|| format!("perception check #{at}"))?;
    }
    for o in &mut ws.opportunities {
        let at = o.id;
        o.value.sponsor = o
            .sponsor
            .map(|p| person.get(p, &|| format!("opportunity #{at}")))
            .transpose()?;
    }
    for d in &mut ws.decisions {
        let at = d.id;
        for s in &mut d.value.room {
            s.person = person.get(s.person, &|| format!("decision #{at}"))?;
        }
    }

    renumber_list(&mut ws.people);
    renumber_list(&mut ws.stance_changes);
    renumber_list(&mut ws.connections);
    renumber_list(&mut ws.goals);
    renumber_list(&mut ws.interactions);
    renumber_list(&mut ws.wins);
    renumber_list(&mut ws.evidence);
    renumber_list(&mut ws.perceptions);
    renumber_list(&mut ws.opportunities);
    renumber_list(&mut ws.decisions);
    renumber_list(&mut ws.reviews);
    Ok(())
}

/// A JSON layout with the outer three levels indented and everything deeper compact: the
/// archive object, the workspace, and each list are laid out one entry per line, and each
/// record is written on its line in full.
#[derive(Default)]
struct RecordPerLine {
    /// How many containers are open.
    depth: usize,
    /// Whether the container at each open level has written an entry yet.
    has_value: Vec<bool>,
}

/// Containers opened at this depth or shallower put each entry on a line of its own.
const INDENTED_LEVELS: usize = 3;

impl RecordPerLine {
    fn indented(&self) -> bool {
        self.depth <= INDENTED_LEVELS
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value.push(false);
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        let had = self.has_value.pop().unwrap_or(false);
        if self.indented() && had {
            newline(w, self.depth - 1)?;
        }
        self.depth = self.depth.saturating_sub(1);
        w.write_all(bracket)
    }

    fn entry<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.indented() {
            newline(w, self.depth)?;
        }
        Ok(())
    }

    fn mark(&mut self) {
        if let Some(last) = self.has_value.last_mut() {
            *last = true;
        }
    }
}

fn newline<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    w.write_all(b"\n")?;
    for _ in 0..depth {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl serde_json::ser::Formatter for RecordPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.mark();
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.entry(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.indented() {
            w.write_all(b": ")
        } else {
            w.write_all(b":")
        }
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.mark();
        Ok(())
    }
}

#[cfg(test)]
mod tests;

//! `fanclub import linkedin|google|vcard|calendar|auto FILE`: read the file, plan the
//! import against the people already here, print the plan, and (unless `--dry-run`) write
//! it in one transaction.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use fanclub_core::import::{ImportPlan, ImportSummary, Imported};
use fanclub_formats::{Format, ImportChoices, MAX_FILE_BYTES, Problem, plan_file};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::io::IsTerminal;

use super::App;
use crate::cli::{AutoImportArgs, CalendarImportArgs, ContactImportArgs};
use crate::output;

/// Lines of each list the text output shows; `--json` lists everything.
const SHOWN: usize = 20;

/// A spinner on stderr while the work is long, only when stderr is a terminal, so pipes and
/// tests see clean output.
fn spinner() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// The file's bytes, or an error naming it and what is wrong.
fn read(file: &Path) -> Result<Vec<u8>> {
    let shown = file.display();
    let meta = std::fs::metadata(file).with_context(|| format!("cannot read {shown}"))?;
    if !meta.is_file() {
        return Err(anyhow!("cannot read {shown}: it is not a file"));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(anyhow!(
            "cannot import {shown}: it is {} bytes, more than the {MAX_FILE_BYTES} bytes one import reads; \
             check that it is the right file",
            meta.len()
        ));
    }
    std::fs::read(file).with_context(|| format!("cannot read {shown}"))
}

/// What the import commands share once the file is read and planned.
struct Outcome<'a> {
    file: &'a Path,
    format: Format,
    dry_run: bool,
    plan: ImportPlan,
    problems: Vec<Problem>,
}

async fn known(app: &App) -> Result<(Vec<fanclub_core::Record<fanclub_core::Person>>, Imported)> {
    let people = app.store.list_people().await?;
    let imported = Imported::new(
        app.store.external_refs().await?,
        app.store.calendar_participants().await?,
    );
    Ok((people, imported))
}

pub async fn contacts(app: &App, format: Format, a: ContactImportArgs) -> Result<()> {
    if format == Format::ICalendar {
        return Err(anyhow!(
            "cannot import {} as contacts: it is a calendar; use `fanclub import calendar`",
            a.file.display()
        ));
    }
    let choices = a.choices();
    import(app, &a.file, format, a.dry_run, &choices).await
}

pub async fn calendar(app: &App, a: CalendarImportArgs) -> Result<()> {
    let choices = a.choices();
    import(app, &a.file, Format::ICalendar, a.dry_run, &choices).await
}

pub async fn auto(app: &App, a: AutoImportArgs) -> Result<()> {
    let bytes = read(&a.file)?;
    let Some(format) = fanclub_formats::detect(&bytes) else {
        return Err(anyhow!(
            "cannot tell what {} is: it is not a LinkedIn or Google contacts CSV, a vCard or an \
             iCalendar file; name the format (`fanclub import linkedin|google|vcard|calendar FILE`)",
            a.file.display()
        ));
    };
    let choices = ImportChoices {
        me: a.me,
        ..ImportChoices::default()
    };
    plan_and_finish(app, &a.file, &bytes, format, a.dry_run, &choices).await
}

/// Read `file` and import it as `format` with the member's `choices`.
async fn import(
    app: &App,
    file: &Path,
    format: Format,
    dry_run: bool,
    choices: &ImportChoices,
) -> Result<()> {
    let bytes = read(file)?;
    plan_and_finish(app, file, &bytes, format, dry_run, choices).await
}

/// Plan the file's `bytes` against the people here with the settings and `choices`, then
/// write the plan (unless a dry run) and print it.
async fn plan_and_finish(
    app: &App,
    file: &Path,
    bytes: &[u8],
    format: Format,
    dry_run: bool,
    choices: &ImportChoices,
) -> Result<()> {
    let bar = spinner();
    bar.set_message(format!("reading {}", file.display()));
    let (people, imported) = known(app).await?;
    let settings = app.store.get_settings().await?;
    let options = choices.plan_options(&settings, app.today);
    let (plan, problems) = plan_file(bytes, format, &people, &imported, &options, app.today)
        .map_err(|e| anyhow!("cannot import {} as {format}: {e}", file.display()))?;
    finish(
        app,
        bar,
        Outcome {
            file,
            format,
            dry_run,
            plan,
            problems,
        },
    )
    .await
}

/// Write the plan unless it is a dry run, then print what happened.
async fn finish(app: &App, bar: ProgressBar, o: Outcome<'_>) -> Result<()> {
    let summary = if o.dry_run || o.plan.writes_nothing() {
        ImportSummary::default()
    } else {
        bar.set_message("writing");
        app.store
            .apply_import(&o.plan)
            .await
            .with_context(|| format!("nothing was imported from {}", o.file.display()))?
    };
    bar.finish_and_clear();
    if app.json {
        return output::json(&as_json(&o, &summary));
    }
    print_text(&o);
    Ok(())
}

fn as_json(o: &Outcome<'_>, summary: &ImportSummary) -> serde_json::Value {
    let p = &o.plan;
    let counts = p.counts();
    json!({
        "file": o.file.display().to_string(),
        "format": o.format,
        "dry_run": o.dry_run,
        "counts": {
            "created": counts.created,
            "updated": counts.updated,
            "interactions": counts.interactions,
            "skipped": counts.skipped,
            "ambiguous": counts.ambiguous,
            "possible_duplicates": p.possible_duplicates.len(),
            "joined": counts.joined,
            "problems": o.problems.len(),
        },
        "written": {
            "people_created": summary.people_created,
            "people_updated": summary.people_updated,
            "interactions_created": summary.interactions_created,
            "people_joined": summary.people_joined,
        },
        "created": p.creates.iter().enumerate().map(|(i, c)| json!({
            "at": c.at,
            "id": summary.created_ids.get(i),
            "handle": c.person.handle,
            "name": c.person.name,
            "emails": c.person.emails,
            "organisation": c.person.organisation,
            "title": c.person.title,
        })).collect::<Vec<_>>(),
        "updated": p.updates.iter().map(|u| json!({
            "at": u.at,
            "id": u.id,
            "name": u.person.name,
            "matched_by": u.matched_by,
            "fields": u.fields,
        })).collect::<Vec<_>>(),
        "interactions": p.interactions.iter().map(|n| json!({
            "at": n.at,
            "on": n.interaction.on,
            "kind": n.interaction.kind.as_str(),
            "summary": n.interaction.summary,
            "with": n.names,
            "external_ref": n.interaction.external_ref,
        })).collect::<Vec<_>>(),
        "joins": p.joins.iter().map(|j| json!({
            "at": j.at,
            "on": j.on,
            "summary": j.summary,
            "external_ref": j.reference,
            "people": j.people,
            "names": j.names,
        })).collect::<Vec<_>>(),
        "skipped": p.skipped,
        "ambiguous": p.ambiguous,
        "possible_duplicates": p.possible_duplicates,
        "problems": o.problems,
    })
}

/// Print up to `SHOWN` lines of a list, then how many more there are.
fn section<T>(title: &str, items: &[T], line: impl Fn(&T) -> String) {
    if items.is_empty() {
        return;
    }
    outln!("{title}:");
    for item in items.iter().take(SHOWN) {
        outln!("  {}", line(item));
    }
    if items.len() > SHOWN {
        outln!(
            "  … and {} more (--json lists them all)",
            items.len() - SHOWN
        );
    }
}

fn print_text(o: &Outcome<'_>) {
    let p = &o.plan;
    let c = p.counts();
    let file = o.file.display();
    let (verb_create, verb_update, verb_add) = if o.dry_run {
        ("would create", "would update", "would add")
    } else {
        ("created", "updated", "added")
    };
    if o.dry_run {
        outln!("Dry run of {file} ({}): nothing was written.", o.format);
    } else if p.writes_nothing() {
        outln!(
            "Imported {file} ({}): nothing new, nothing written.",
            o.format
        );
    } else {
        outln!("Imported {file} ({}) in one transaction.", o.format);
    }
    let people = if o.format == Format::ICalendar {
        String::new()
    } else {
        format!(
            "{verb_create} {}, {verb_update} {}, ",
            plural(c.created, "person", "people"),
            c.updated
        )
    };
    outln!(
        "{people}{verb_add} {}; {} skipped, {} ambiguous, {} in the file.",
        plural(c.interactions, "interaction", "interactions"),
        c.skipped,
        c.ambiguous,
        plural(o.problems.len() as u64, "problem", "problems")
    );
    if c.joined > 0 {
        let verb = if o.dry_run { "would add" } else { "added" };
        outln!(
            "{verb} {} to meetings imported before.",
            plural(c.joined, "person", "people")
        );
    }
    section("New people", &p.creates, |n| {
        let mut parts = vec![format!("{}: {} ({})", n.at, n.person.name, n.person.handle)];
        parts.extend(n.person.organisation.clone());
        parts.extend(n.person.title.clone());
        parts.join(", ")
    });
    section("Updated people", &p.updates, |u| {
        format!(
            "{}: {} (#{}), matched by {}: {}",
            u.at.join(", "),
            u.person.name,
            u.id,
            u.matched_by,
            u.fields.join(", ")
        )
    });
    section("New interactions", &p.interactions, |n| {
        format!(
            "{}: {} {} \"{}\" with {}",
            n.at,
            n.interaction.on,
            n.interaction.kind,
            n.interaction.summary,
            n.names.join(", ")
        )
    });
    section("Added to meetings imported before", &p.joins, |j| {
        format!(
            "{}: {} \"{}\": {}",
            j.at,
            j.on,
            j.summary,
            j.names.join(", ")
        )
    });
    section("Ambiguous", &p.ambiguous, |a| {
        format!(
            "{}: {} could be {}: {}",
            a.at,
            a.name,
            a.candidates.join(" or "),
            a.resolution
        )
    });
    section("Possible duplicates", &p.possible_duplicates, |d| {
        format!(
            "{}: {} ({}) has the name of {}; if they are one person: {}",
            d.at,
            d.name,
            d.handle,
            d.others.join(" and "),
            d.merge
        )
    });
    section("Skipped", &p.skipped, |s| {
        if s.name.is_empty() {
            format!("{}: {}", s.at, s.reason)
        } else {
            format!("{}: {}: {}", s.at, s.name, s.reason)
        }
    });
    section("Problems in the file", &o.problems, |pr| pr.to_string());
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

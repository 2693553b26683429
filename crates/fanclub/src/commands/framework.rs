//! `fanclub framework …`: the competency framework, its tracks and levels.

use anyhow::{Context, Result};
use fanclub_core::{CoreError, Framework, Level, LevelSpec, Track, TrackKey};

use super::App;
use crate::cli::{FrameworkCommand, TrackAdd, TrackEdit};
use crate::output::{self, Detail, heading, short};

pub async fn run(app: &App, cmd: FrameworkCommand) -> Result<()> {
    match cmd {
        FrameworkCommand::Show(a) => show(app, a.track.as_ref()).await,
        FrameworkCommand::Load(a) => {
            let text = std::fs::read_to_string(&a.file)
                .with_context(|| format!("cannot read {}", a.file.display()))?;
            let f = Framework::from_toml(&text)?;
            save(
                app,
                &f,
                format!("Loaded “{}” from {}", f.name, a.file.display()),
            )
            .await
        }
        FrameworkCommand::Export(a) => {
            let toml = app.store.get_framework().await?.to_toml();
            match a.file {
                Some(path) => {
                    std::fs::write(&path, toml)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    outln!("Wrote the framework to {}.", path.display());
                }
                None => out!("{toml}"),
            }
            Ok(())
        }
        FrameworkCommand::Reset => {
            let f = Framework::default_leadership();
            save(
                app,
                &f,
                format!("Restored the default framework “{}”", f.name),
            )
            .await
        }
        FrameworkCommand::Track(a) => edit_track(app, a).await,
        FrameworkCommand::TrackAdd(a) => add_track(app, a).await,
        FrameworkCommand::TrackRemove(a) => remove_track(app, &a.key).await,
    }
}

/// Validate and save, then say so, warning about evidence left on tracks that are gone.
async fn save(app: &App, f: &Framework, what: String) -> Result<()> {
    f.validate()?;
    app.store.save_framework(f).await?;
    if app.json {
        return output::json(f);
    }
    outln!(
        "{what}: {} ({}).",
        output::plural(f.tracks.len(), "track", "tracks"),
        f.track_keys().join(", ")
    );
    let orphans = app
        .store
        .list_evidence()
        .await?
        .iter()
        .filter(|e| f.track(&e.track).is_none())
        .count();
    if orphans > 0 {
        outln!(
            "Note: {} point at tracks this framework doesn't have; `fanclub evidence list` shows them.",
            output::plural(orphans, "piece of evidence", "pieces of evidence")
        );
    }
    Ok(())
}

fn unknown_track(f: &Framework, key: &TrackKey) -> CoreError {
    CoreError::NotFound {
        kind: "track",
        key: key.to_string(),
        hint: format!("the framework has: {}", f.track_keys().join(", ")),
    }
}

async fn show(app: &App, key: Option<&TrackKey>) -> Result<()> {
    let f = app.store.get_framework().await?;
    let Some(key) = key else {
        if app.json {
            return output::json(&f);
        }
        outln!("{}", f.name);
        let mut t = output::table(["track", "name", "target", "summary"]);
        for tr in &f.tracks {
            let target = tr
                .levels
                .iter()
                .find(|l| l.level == tr.target)
                .map_or(String::new(), |l| l.name.clone());
            t.add_row(vec![
                tr.key.to_string(),
                tr.name.clone(),
                format!("{} {target}", tr.target),
                short(&tr.summary, 60),
            ]);
        }
        output::print_table(&t, "");
        outln!("`fanclub framework show TRACK` shows a track's levels and practices.");
        return Ok(());
    };
    let tr = f.track(key).ok_or_else(|| unknown_track(&f, key))?;
    if app.json {
        return output::json(tr);
    }
    outln!("{} ({})", tr.name, tr.key);
    Detail::new()
        .row("summary", &tr.summary)
        .row("target", format!("level {}", tr.target))
        .print();
    heading("Levels");
    for l in &tr.levels {
        let mark = if l.level == tr.target {
            "  ← target"
        } else {
            ""
        };
        outln!("  {}  {}{mark}", l.level, l.name);
        for s in &l.signals {
            outln!("       · {s}");
        }
    }
    if !tr.practices.is_empty() {
        heading("Practices");
        for p in &tr.practices {
            outln!("  {}\n    {}", p.title, p.how);
        }
    }
    Ok(())
}

async fn edit_track(app: &App, a: TrackEdit) -> Result<()> {
    let mut f = app.store.get_framework().await?;
    let unknown = unknown_track(&f, &a.key);
    let tr = f
        .tracks
        .iter_mut()
        .find(|t| t.key == a.key)
        .ok_or(unknown)?;
    if let Some(n) = a.name {
        tr.name = n.trim().to_string();
    }
    if let Some(t) = a.target {
        tr.target = t;
    }
    if let Some(s) = a.summary {
        tr.summary = s.trim().to_string();
    }
    let name = tr.name.clone();
    save(app, &f, format!("Updated track {} ({name})", a.key)).await
}

async fn add_track(app: &App, a: TrackAdd) -> Result<()> {
    let mut f = app.store.get_framework().await?;
    if f.track(&a.key).is_some() {
        return Err(CoreError::Conflict(format!(
            "the framework already has a track {}; change it with `fanclub framework track {}`",
            a.key, a.key
        ))
        .into());
    }
    let names = [
        "Not yet shown",
        "Emerging",
        "Practising",
        "Leading",
        "Recognised",
    ];
    let levels = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            Ok(LevelSpec {
                level: Level::new(i as i64)?,
                name: (*n).into(),
                signals: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>, CoreError>>()?;
    f.tracks.push(Track {
        key: a.key.clone(),
        name: a.name.trim().to_string(),
        summary: a.summary.trim().to_string(),
        target: a.target,
        levels,
        practices: Vec::new(),
    });
    save(app, &f, format!("Added track {}", a.key)).await
}

async fn remove_track(app: &App, key: &TrackKey) -> Result<()> {
    let mut f = app.store.get_framework().await?;
    if f.track(key).is_none() {
        return Err(unknown_track(&f, key).into());
    }
    let evidence = app
        .store
        .list_evidence()
        .await?
        .iter()
        .filter(|e| &e.track == key)
        .count();
    let wins = app
        .store
        .list_wins()
        .await?
        .iter()
        .filter(|w| w.tracks.contains(key))
        .count();
    let opportunities = app
        .store
        .list_opportunities()
        .await?
        .iter()
        .filter(|o| o.tracks.contains(key))
        .count();
    if evidence + wins + opportunities > 0 {
        return Err(CoreError::Conflict(format!(
            "track {key} is still used by {evidence} pieces of evidence, {wins} wins and {opportunities} opportunities; move or remove them first"
        ))
        .into());
    }
    f.tracks.retain(|t| &t.key != key);
    save(app, &f, format!("Removed track {key}")).await
}

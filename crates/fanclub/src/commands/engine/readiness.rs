//! `fanclub readiness [TRACK]`: the level per track from evidence, the gap, the practice.

use anyhow::Result;
use fanclub_core::services;
use fanclub_core::{CoreError, TrackKey};

use crate::cli::ReadinessArgs;
use crate::commands::App;
use crate::output::{self, heading, short};

pub async fn readiness(app: &App, a: ReadinessArgs) -> Result<()> {
    let mut r = services::readiness(app.store.as_ref(), app.today).await?;
    if let Some(key) = &a.track {
        let key = TrackKey::parse(key)?;
        if !r.tracks.iter().any(|t| t.track == key) {
            let framework = app.store.get_framework().await?;
            return Err(CoreError::invalid(
                "track",
                key.as_str(),
                format!(
                    "a track of the framework: {}",
                    framework.track_keys().join(", ")
                ),
            )
            .into());
        }
        r.tracks.retain(|t| t.track == key);
    }
    if app.json {
        return output::json(&r);
    }
    let mut t = output::table(["track", "level", "target", "evidence", "points"]);
    for tr in &r.tracks {
        let bar = format!(
            "{}{} {} {}",
            "■".repeat(usize::from(tr.level.get())),
            "□".repeat(usize::from(4 - tr.level.get())),
            tr.level,
            tr.level_name
        );
        t.add_row(vec![
            if r.weakest.as_ref() == Some(&tr.track) {
                format!("{} (weakest)", tr.name)
            } else {
                tr.name.clone()
            },
            bar,
            tr.target.to_string(),
            tr.evidence_count.to_string(),
            format!("{:.1}", tr.points),
        ]);
    }
    output::print_table(&t, "The framework has no tracks.");
    for tr in &r.tracks {
        if a.track.is_none() && r.weakest.as_ref() != Some(&tr.track) {
            continue;
        }
        heading(&format!(
            "{}: level {} of target {}",
            tr.name, tr.level, tr.target
        ));
        if let Some(next) = &tr.to_next_level {
            outln!("  {next}");
        }
        if let Some(p) = &tr.practice {
            outln!("  Try: {} — {}", p.title, p.how);
            outln!("  Why: {}", p.why);
        }
        for e in tr.evidence.iter().take(8) {
            outln!(
                "  · {} {} ({}, counts {:.2})",
                e.on,
                short(e.summary.as_str(), 60),
                e.strength,
                e.counts
            );
        }
    }
    if r.unmatched_evidence > 0 {
        outln!(
            "\n{} pieces of evidence name a track the framework no longer has.",
            r.unmatched_evidence
        );
    }
    Ok(())
}

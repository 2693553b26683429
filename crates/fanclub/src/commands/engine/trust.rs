//! `fanclub trust [PERSON]`: the trust equation per relationship and what would move it.

use anyhow::Result;
use fanclub_core::engine::trust as engine;

use crate::cli::TrustArgs;
use crate::commands::{App, Roster};
use crate::output;

pub async fn trust(app: &App, a: TrustArgs) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let mut report = engine::trust(roster.all());
    if let Some(key) = &a.person {
        let id = roster.resolve(key)?;
        report.relationships.retain(|t| t.person.id == id);
        report.unrated_influential.retain(|p| p.id == id);
        if report.relationships.is_empty() && !app.json {
            outln!(
                "You have not rated trust with {} yet:\n  fanclub person trust {} \
                 --credibility N --reliability N --intimacy N --self-orientation N (1-10)",
                roster.label(id),
                roster.record(id)?.handle
            );
            return Ok(());
        }
    }
    if app.json {
        return output::json(&report);
    }
    let mut t = output::table(["person", "infl", "C", "R", "I", "S", "trust", "weakest"]);
    for r in &report.relationships {
        t.add_row(vec![
            format!("{} ({})", r.person.name, r.person.handle),
            r.influence.to_string(),
            r.factors.credibility.to_string(),
            r.factors.reliability.to_string(),
            r.factors.intimacy.to_string(),
            r.factors.self_orientation.to_string(),
            format!("{:.1}", r.score),
            format!("{:?}", r.weakest).to_lowercase(),
        ]);
    }
    output::print_table(
        &t,
        "No trust ratings yet: `fanclub person trust HANDLE --credibility N …`.",
    );
    outln!("Trust = (credibility + reliability + intimacy) / self-orientation, from 0.3 to 30.");
    let focus: Vec<_> = report.relationships.iter().take(3).collect();
    if !focus.is_empty() {
        outln!("\nWhere trust is lowest for the influence they hold:");
        for r in focus {
            outln!(
                "  - {} ({:.1}, could be {:.1}): {}",
                r.person.name,
                r.score,
                r.if_improved,
                r.suggestion
            );
        }
    }
    if !report.unrated_influential.is_empty() {
        outln!(
            "\nInfluential people you have not rated: {}.",
            report
                .unrated_influential
                .iter()
                .map(|p| p.handle.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}

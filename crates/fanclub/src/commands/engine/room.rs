//! `fanclub room [DECISION]`: who in each room will speak for me, the risks, the moves.

use anyhow::Result;
use fanclub_core::engine::coverage::RoomCoverage;
use fanclub_core::services;
use fanclub_core::{CoreError, Decision, Record};

use super::percent;
use crate::cli::RoomArgs;
use crate::commands::App;
use crate::output::{self, ago, or_dash};

pub async fn room(app: &App, a: RoomArgs) -> Result<()> {
    let decisions = app.store.list_decisions().await?;
    let chosen: Vec<Record<Decision>> = match &a.decision {
        Some(key) => vec![find(&decisions, key)?],
        None => decisions
            .into_iter()
            .filter(|d| a.all || d.is_upcoming(app.today))
            .collect(),
    };
    let rooms = services::room_coverage(app.store.as_ref(), &chosen, app.today).await?;
    if app.json {
        return output::json(&rooms);
    }
    if rooms.is_empty() {
        outln!(
            "No upcoming decisions. Add the next room your career goes through:\n  \
             fanclub decision add \"Promotion committee\" --kind promotion --on 2027-03-01 \
             --decider <manager> --voice <peer>"
        );
        return Ok(());
    }
    for (i, r) in rooms.iter().enumerate() {
        if i > 0 {
            outln!();
        }
        print_room(app, r);
    }
    Ok(())
}

/// A decision by id, or by words of its title (one match only).
fn find(decisions: &[Record<Decision>], key: &str) -> Result<Record<Decision>, CoreError> {
    let k = key.trim().trim_start_matches('#');
    if let Ok(id) = k.parse::<i64>() {
        return decisions
            .iter()
            .find(|d| d.id.get() == id)
            .cloned()
            .ok_or_else(|| not_found(key));
    }
    let lower = k.to_lowercase();
    let hits: Vec<_> = decisions
        .iter()
        .filter(|d| d.title.as_str().to_lowercase().contains(&lower))
        .collect();
    match hits.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(not_found(key)),
        many => Err(CoreError::Ambiguous {
            kind: "decision",
            key: key.to_string(),
            candidates: many
                .iter()
                .map(|d| format!("#{} ({})", d.id, d.title))
                .collect(),
        }),
    }
}

fn not_found(key: &str) -> CoreError {
    CoreError::NotFound {
        kind: "decision",
        key: key.to_string(),
        hint: "see `fanclub decision list`".into(),
    }
}

fn print_room(app: &App, r: &RoomCoverage) {
    outln!(
        "{} — {} {} ({})",
        r.title,
        r.kind,
        r.on,
        ago(app.today, r.on)
    );
    outln!(
        "Coverage {}: {} of {} will speak for you{}",
        percent(r.coverage),
        r.speakers.len(),
        r.members.len(),
        if r.speakers.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                r.speakers
                    .iter()
                    .map(|p| p.name.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    let mut t = output::table(["member", "role", "stance", "infl", "last contact", "trust"]);
    for m in &r.members {
        t.add_row(vec![
            format!("{} ({})", m.person.name, m.person.handle),
            m.role.to_string(),
            m.stance.to_string(),
            m.influence.to_string(),
            m.last_contact
                .map_or_else(|| "never".into(), |d| ago(app.today, d)),
            or_dash(m.trust.map(|t| format!("{t:.1}")).as_deref()),
        ]);
    }
    output::print_table(
        &t,
        "Nobody in this room yet: `fanclub decision edit ID --add-decider P`.",
    );
    for w in &r.warnings {
        outln!("! {}", w.message);
    }
    if !r.risks.is_empty() {
        outln!("Risks:");
        for risk in &r.risks {
            outln!("  - {}: {}", risk.person.name, risk.why);
        }
    }
    if !r.actions.is_empty() {
        outln!("What would raise coverage most:");
        for (i, act) in r.actions.iter().enumerate() {
            outln!(
                "  {}. {} (+{} points)",
                i + 1,
                act.why,
                (act.gain * 100.0).round()
            );
        }
    }
}

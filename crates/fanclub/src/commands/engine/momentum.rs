//! `fanclub momentum`: the cycle as numbers, this window against the previous one.

use anyhow::Result;
use fanclub_core::engine::momentum::Trend;
use fanclub_core::services;

use crate::cli::MomentumArgs;
use crate::commands::App;
use crate::output;

pub async fn momentum(app: &App, a: MomentumArgs) -> Result<()> {
    let m = services::momentum(app.store.as_ref(), a.window, app.today).await?;
    if app.json {
        return output::json(&m);
    }
    outln!(
        "Momentum over the last {} days ({} to {}), against the {} days before:",
        m.window_days,
        m.from,
        m.to,
        m.window_days
    );
    let mut t = output::table(["measure", "now", "before", "trend"]);
    for mt in &m.measures {
        t.add_row(vec![
            mt.measure.label().to_string(),
            mt.current.to_string(),
            mt.previous.to_string(),
            match mt.trend {
                Trend::Up => "↑ rising".to_string(),
                Trend::Flat => "→ steady".to_string(),
                Trend::Down => "↓ stalling".to_string(),
            },
        ]);
    }
    output::print_table(&t, "");
    outln!("{}", m.summary);
    if !m.sponsors.is_empty() {
        outln!(
            "Who put you forward: {}.",
            m.sponsors
                .iter()
                .map(|s| format!("{} ({})", s.person.name, s.opportunities))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut months = output::table(["month", "evidence", "upgrades", "opportunities", "shares"]);
    for mc in &m.months {
        months.add_row(vec![
            mc.month.clone(),
            mc.evidence.to_string(),
            mc.stance_upgrades.to_string(),
            mc.opportunities.to_string(),
            mc.win_shares.to_string(),
        ]);
    }
    outln!("\nThe last twelve months:");
    output::print_table(&months, "");
    Ok(())
}

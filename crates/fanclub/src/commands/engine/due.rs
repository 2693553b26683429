//! `fanclub due`: everyone past their keep-in-touch cadence, most important first.

use anyhow::Result;
use fanclub_core::services;

use crate::cli::DueArgs;
use crate::commands::App;
use crate::output::{self, ago};

pub async fn due(app: &App, a: DueArgs) -> Result<()> {
    let mut due = services::due(app.store.as_ref(), app.today).await?;
    let total = due.len();
    if !a.all {
        due.truncate(a.limit);
    }
    if app.json {
        return output::json(&due);
    }
    if total == 0 {
        outln!("Nobody is overdue: every relationship is within its cadence.");
        return Ok(());
    }
    let mut t = output::table(["person", "last contact", "cadence", "overdue", "why"]);
    for d in &due {
        t.add_row(vec![
            format!("{} ({})", d.person.name, d.person.handle),
            d.last_contact
                .map_or_else(|| "never".into(), |day| ago(app.today, day)),
            format!("{}d", d.cadence_days),
            format!("{}d", d.days_overdue),
            d.why.clone(),
        ]);
    }
    output::print_table(&t, "");
    if due.len() < total {
        outln!("{} more are due: `fanclub due --all`.", total - due.len());
    }
    outln!("Log a contact with `fanclub log \"…\" --with HANDLE`: it resets their clock.");
    Ok(())
}

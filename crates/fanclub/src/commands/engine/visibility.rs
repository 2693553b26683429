//! `fanclub visibility`: which key people know about each win, and which do not.

use anyhow::Result;
use fanclub_core::services;

use super::percent;
use crate::cli::VisibilityArgs;
use crate::commands::App;
use crate::output::{self, short};

const SHOWN: usize = 20;

pub async fn visibility(app: &App, a: VisibilityArgs) -> Result<()> {
    let mut v = services::visibility(app.store.as_ref(), app.today).await?;
    let total = v.wins.len();
    if !a.all {
        v.wins.truncate(SHOWN);
    }
    if app.json {
        return output::json(&v);
    }
    if total == 0 {
        outln!("{}", v.goal_note);
        return Ok(());
    }
    outln!(
        "{} key people (manage closely, keep satisfied, or in an upcoming room).",
        v.key_people
    );
    let mut t = output::table(["win", "date", "key people told", "why"]);
    for w in &v.wins {
        t.add_row(vec![
            format!("#{} {}", w.win, short(w.title.as_str(), 40)),
            w.on.to_string(),
            format!("{} of {}", w.told.len(), w.told.len() + w.not_told_count),
            w.why.clone(),
        ]);
    }
    output::print_table(&t, "");
    if v.wins.len() < total {
        outln!(
            "{} more wins: `fanclub visibility --all`.",
            total - v.wins.len()
        );
    }
    outln!(
        "Tied to a business goal: {}. {}",
        percent(v.goal_ratio),
        v.goal_note
    );
    outln!("Record a share with `fanclub win share WIN --with HANDLE --channel 1:1`.");
    Ok(())
}

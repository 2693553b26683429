//! `fanclub merge A B`: fold a duplicate person into the one kept, in one transaction.

use anyhow::Result;
use serde_json::json;

use super::{App, Roster, confirm};
use crate::cli::MergeArgs;
use crate::failure::usage;
use crate::output;

pub async fn run(app: &App, args: MergeArgs) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let keep = roster.resolve(&args.keep)?;
    let duplicate = roster.resolve(&args.duplicate)?;
    if keep == duplicate {
        return Err(usage(format!(
            "{} and {} are the same person; name the person to keep, then the duplicate",
            args.keep, args.duplicate
        )));
    }
    let (kept, dup) = (roster.label(keep), roster.label(duplicate));
    confirm(
        &format!("merge {dup} into {kept}, moving everything about {dup} and removing them"),
        args.yes,
    )?;
    let merge = app.store.merge_people(keep, duplicate).await?;
    if app.json {
        return output::json(&json!({ "kept": keep, "removed": duplicate, "merge": merge }));
    }
    outln!("Merged {dup} into {kept}.");
    let lines = [
        (merge.interactions_moved, "interactions moved"),
        (merge.interactions_shared, "shared interactions kept once"),
        (merge.connections_moved, "connections moved"),
        (
            merge.connections_dropped,
            "connections dropped as duplicates",
        ),
        (merge.shares_moved, "win shares moved"),
        (merge.room_seats_moved, "room seats moved"),
        (
            merge.room_seats_dropped,
            "room seats dropped (both sat in the room)",
        ),
        (merge.evidence_moved, "evidence moved"),
        (merge.stance_changes_moved, "stance changes moved"),
        (merge.perception_checks_moved, "perception checks moved"),
        (merge.opportunities_moved, "opportunities moved"),
        (merge.introductions_moved, "introductions moved"),
    ];
    for (n, what) in lines {
        if n > 0 {
            outln!("  {n} {what}");
        }
    }
    if !merge.fields_filled.is_empty() {
        outln!(
            "  filled from the duplicate: {}",
            merge.fields_filled.join(", ")
        );
    }
    Ok(())
}

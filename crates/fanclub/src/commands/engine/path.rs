//! `fanclub path TARGET`: the warmest introduction chains from me to someone.

use anyhow::Result;
use fanclub_core::engine::paths::{IntroGraph, Reach};

use crate::cli::PathArgs;
use crate::commands::{App, Roster};
use crate::output;

pub async fn path(app: &App, a: PathArgs) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let target = roster.resolve(&a.target)?;
    let connections = app.store.list_connections().await?;
    let contacts = app.store.last_contacts().await?;
    let graph = IntroGraph::build(roster.all(), &connections, &contacts, app.today);
    let result = graph.paths(target, usize::from(a.paths));
    if app.json {
        return output::json(&result);
    }
    outln!("{}", result.summary);
    if result.reach == Reach::Direct || result.reach == Reach::Introduction {
        for (i, p) in result.paths.iter().enumerate() {
            let chain: Vec<String> = std::iter::once("you".to_string())
                .chain(p.chain.iter().map(|c| c.name.to_string()))
                .collect();
            outln!(
                "\n{}. {}  (warmth {:.0}%, {})",
                i + 1,
                chain.join(" → "),
                p.warmth * 100.0,
                output::plural(p.introductions, "introduction", "introductions")
            );
            for l in &p.links {
                let from = l
                    .from
                    .as_ref()
                    .map_or_else(|| "you".to_string(), |f| f.name.to_string());
                outln!("   {from} → {}: {}", l.to.name, l.basis);
            }
            if p.introductions == 0 {
                continue;
            }
            let weakest_from = p
                .weakest
                .from
                .as_ref()
                .map_or_else(|| "you".to_string(), |f| f.name.to_string());
            outln!("   Weakest link: {weakest_from} → {}", p.weakest.to.name);
            outln!(
                "   Ask first: {} — {}",
                p.ask_first.person.name,
                p.ask_first.why
            );
        }
    }
    if !result.suggestions.is_empty() {
        outln!("\nWho could help you find a way in:");
        for s in &result.suggestions {
            outln!("  - {} ({}): {}", s.person.name, s.person.handle, s.why);
        }
    }
    Ok(())
}

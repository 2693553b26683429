//! `fanclub goal …`: the company's business goals, which wins serve.

use anyhow::Result;
use fanclub_core::{Goal, GoalId};
use serde_json::json;

use super::{App, LONG_TEXT, SHORT_TEXT, report, set_text, text};
use crate::cli::{GoalAdd, GoalClear, GoalCommand, GoalEdit};
use crate::output::{self, Detail, heading, short};

pub async fn run(app: &App, cmd: GoalCommand) -> Result<()> {
    match cmd {
        GoalCommand::Add(a) => add(app, a).await,
        GoalCommand::List => list(app).await,
        GoalCommand::Show(a) => show(app, a.id).await,
        GoalCommand::Edit(a) => edit(app, a).await,
        GoalCommand::Remove(a) => remove(app, a.id).await,
    }
}

async fn add(app: &App, a: GoalAdd) -> Result<()> {
    let g = Goal {
        title: a.title,
        period: text("period", a.period.as_ref(), SHORT_TEXT)?,
        description: text("description", a.description.as_ref(), LONG_TEXT)?,
    };
    let rec = app.store.create_goal(&g).await?;
    let line = format!(
        "Added goal #{}: {}. Link wins to it with `--goal {}`.",
        rec.id, rec.title, rec.id
    );
    report(app, &rec, line)
}

async fn list(app: &App) -> Result<()> {
    let goals = app.store.list_goals().await?;
    let wins = app.store.list_wins().await?;
    if app.json {
        return output::json(&goals);
    }
    let mut t = output::table(["id", "goal", "period", "wins"]);
    for g in &goals {
        let served = wins.iter().filter(|w| w.goals.contains(&g.id)).count();
        t.add_row(vec![
            g.id.to_string(),
            short(g.title.as_str(), 60),
            g.period.clone().unwrap_or_default(),
            served.to_string(),
        ]);
    }
    output::print_table(
        &t,
        "No business goals yet. Add one with `fanclub goal add TITLE --period 2026`.",
    );
    Ok(())
}

async fn show(app: &App, id: GoalId) -> Result<()> {
    let g = app.store.get_goal(id).await?;
    let wins: Vec<_> = app
        .store
        .list_wins()
        .await?
        .into_iter()
        .filter(|w| w.goals.contains(&id))
        .collect();
    if app.json {
        let mut v = serde_json::to_value(&g)?;
        v["wins"] = json!(
            wins.iter()
                .map(|w| json!({ "id": w.id, "title": w.title, "on": w.on }))
                .collect::<Vec<_>>()
        );
        return output::json(&v);
    }
    outln!("Goal #{}: {}", g.id, g.title);
    let mut d = Detail::new();
    d.opt("period", g.period.as_deref());
    d.opt("description", g.description.as_deref());
    d.print();
    heading("Wins that served it");
    if wins.is_empty() {
        outln!(
            "  none yet: link one with `fanclub win edit WIN --goal {}`",
            g.id
        );
    }
    for w in &wins {
        outln!("  {}  {} (#{})", w.on, short(w.title.as_str(), 70), w.id);
    }
    Ok(())
}

async fn edit(app: &App, a: GoalEdit) -> Result<()> {
    let before = app.store.get_goal(a.id).await?;
    let mut g = before.clone();
    for c in &a.clear {
        match c {
            GoalClear::Period => g.period = None,
            GoalClear::Description => g.description = None,
        }
    }
    if let Some(t) = a.title {
        g.title = t;
    }
    set_text(&mut g.period, "period", a.period.as_ref(), SHORT_TEXT)?;
    set_text(
        &mut g.description,
        "description",
        a.description.as_ref(),
        LONG_TEXT,
    )?;
    if g == before {
        return report(app, &g, format!("Nothing to change for goal #{}.", g.id));
    }
    let saved = app.store.update_goal(&g).await?;
    report(
        app,
        &saved,
        format!("Updated goal #{}: {}.", saved.id, saved.title),
    )
}

async fn remove(app: &App, id: GoalId) -> Result<()> {
    let g = app.store.get_goal(id).await?;
    let linked = app
        .store
        .list_wins()
        .await?
        .iter()
        .filter(|w| w.goals.contains(&id))
        .count();
    app.store.delete_goal(id).await?;
    let mut line = format!("Removed goal #{}: {}.", g.id, g.title);
    if linked > 0 {
        line.push_str(&format!(
            " {} no longer linked to it.",
            output::plural(linked, "win is", "wins are")
        ));
    }
    report(app, &g, line)
}

//! `fanclub win …`: visible work, its impact in business terms, and who knows about it.

use anyhow::Result;
use fanclub_core::{CoreError, Framework, GoalId, Impact, Record, Share, TrackKey, Win, WinId};

use super::{App, LONG_TEXT, Roster, report, set_text, text};
use crate::cli::{ImpactArgs, WinAdd, WinClear, WinCommand, WinEdit, WinList, WinShare};
use crate::failure::usage;
use crate::output::{self, Detail, heading, short};

pub async fn run(app: &App, cmd: WinCommand) -> Result<()> {
    match cmd {
        WinCommand::Add(a) => add(app, a).await,
        WinCommand::List(a) => list(app, a).await,
        WinCommand::Show(a) => show(app, a.id).await,
        WinCommand::Edit(a) => edit(app, a).await,
        WinCommand::Remove(a) => remove(app, a.id).await,
        WinCommand::Share(a) => share(app, a).await,
    }
}

/// Refuse a track the framework does not have, naming the ones it has.
pub fn check_tracks(framework: &Framework, tracks: &[TrackKey]) -> Result<(), CoreError> {
    for t in tracks {
        if framework.track(t).is_none() {
            return Err(CoreError::invalid(
                "track",
                t.as_str(),
                format!(
                    "a track of the framework: {}",
                    framework.track_keys().join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Refuse a goal id that does not exist.
async fn check_goals(app: &App, goals: &[GoalId]) -> Result<()> {
    if goals.is_empty() {
        return Ok(());
    }
    let known = app.store.list_goals().await?;
    for g in goals {
        if !known.iter().any(|k| k.id == *g) {
            return Err(CoreError::NotFound {
                kind: "goal",
                key: format!("#{g}"),
                hint: "see `fanclub goal list`".into(),
            }
            .into());
        }
    }
    Ok(())
}

fn apply_impact(impact: &mut Option<Impact>, a: &ImpactArgs) -> Result<()> {
    let metric = text("metric", a.metric.as_ref(), 200)?;
    let before = text("before", a.before.as_ref(), 200)?;
    let after = text("after", a.after.as_ref(), 200)?;
    match (impact.as_mut(), metric) {
        (_, Some(m)) => {
            let i = impact.get_or_insert(Impact {
                metric: m.clone(),
                before: None,
                after: None,
            });
            i.metric = m;
            i.before = before.or(i.before.take());
            i.after = after.or(i.after.take());
        }
        (Some(i), None) => {
            i.before = before.or(i.before.take());
            i.after = after.or(i.after.take());
        }
        (None, None) if before.is_some() || after.is_some() => {
            return Err(usage(
                "--before and --after need --metric: say which metric moved",
            ));
        }
        (None, None) => {}
    }
    Ok(())
}

fn push_unique<T: PartialEq + Clone>(list: &mut Vec<T>, new: &[T]) {
    for v in new {
        if !list.contains(v) {
            list.push(v.clone());
        }
    }
}

async fn add(app: &App, a: WinAdd) -> Result<()> {
    let mut w = Win::new(a.on.unwrap_or(app.today), a.title, a.kind);
    w.description = text("description", a.description.as_ref(), LONG_TEXT)?;
    apply_impact(&mut w.impact, &a.impact)?;
    push_unique(&mut w.tracks, &a.tracks);
    push_unique(&mut w.goals, &a.goals);
    w.links = a.links.iter().map(|l| l.trim().to_string()).collect();
    w.validate()?;
    check_tracks(&app.store.get_framework().await?, &w.tracks)?;
    check_goals(app, &w.goals).await?;
    let rec = app.store.create_win(&w).await?;
    let line = format!(
        "Added win #{}: {}. Nobody knows yet: `fanclub win share {} --with PERSON`.",
        rec.id, rec.title, rec.id
    );
    report(app, &rec, line)
}

fn impact_text(i: &Impact) -> String {
    match (&i.before, &i.after) {
        (Some(b), Some(a)) => format!("{}: {b} → {a}", i.metric),
        (None, Some(a)) => format!("{}: → {a}", i.metric),
        (Some(b), None) => format!("{}: from {b}", i.metric),
        (None, None) => i.metric.clone(),
    }
}

/// Who knows about a win, each person once, in the order they learned.
fn audience(w: &Win) -> Vec<fanclub_core::PersonId> {
    let mut people = Vec::new();
    for s in &w.shares {
        if !people.contains(&s.person) {
            people.push(s.person);
        }
    }
    people
}

async fn list(app: &App, a: WinList) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let wins: Vec<Record<Win>> = app
        .store
        .list_wins()
        .await?
        .into_iter()
        .filter(|w| !a.unshared || w.shares.is_empty())
        .collect();
    if app.json {
        return output::json(&wins);
    }
    let mut t = output::table(["id", "date", "win", "kind", "impact", "known by"]);
    for w in &wins {
        let known = audience(w);
        let known_by = match known.len() {
            0 => "nobody yet".to_string(),
            1..=2 => roster.names(&known),
            n => format!("{} +{}", roster.names(&known[..2]), n - 2),
        };
        t.add_row(vec![
            w.id.to_string(),
            w.on.to_string(),
            short(w.title.as_str(), 45),
            w.kind.to_string(),
            short(&w.impact.as_ref().map(impact_text).unwrap_or_default(), 30),
            known_by,
        ]);
    }
    output::print_table(&t, "No wins yet. Record one with `fanclub win add TITLE`.");
    Ok(())
}

async fn show(app: &App, id: WinId) -> Result<()> {
    let w = app.store.get_win(id).await?;
    if app.json {
        return output::json(&w);
    }
    let roster = Roster::load(app.store.as_ref()).await?;
    let goals = app.store.list_goals().await?;
    outln!("Win #{}: {}", w.id, w.title);
    let mut d = Detail::new();
    d.row("date", w.on).row("kind", w.kind);
    d.opt("impact", w.impact.as_ref().map(impact_text));
    d.opt("description", w.description.as_deref());
    let goal_names: Vec<String> = w
        .goals
        .iter()
        .map(|g| {
            goals
                .iter()
                .find(|k| k.id == *g)
                .map_or(format!("#{g}"), |k| format!("{} (#{g})", k.title))
        })
        .collect();
    d.opt(
        "goals",
        (!goal_names.is_empty()).then(|| goal_names.join("\n")),
    );
    d.opt(
        "tracks",
        (!w.tracks.is_empty()).then(|| {
            w.tracks
                .iter()
                .map(TrackKey::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    d.opt("links", (!w.links.is_empty()).then(|| w.links.join("\n")));
    d.print();
    heading("Who knows");
    if w.shares.is_empty() {
        outln!("  nobody yet: `fanclub win share {} --with PERSON`", w.id);
    }
    for s in &w.shares {
        outln!("  {}  {} ({})", s.on, roster.label(s.person), s.channel);
    }
    Ok(())
}

async fn edit(app: &App, a: WinEdit) -> Result<()> {
    let before = app.store.get_win(a.id).await?;
    let mut w = before.clone();
    for c in &a.clear {
        match c {
            WinClear::Description => w.description = None,
            WinClear::Impact => w.impact = None,
            WinClear::Goals => w.goals.clear(),
            WinClear::Tracks => w.tracks.clear(),
            WinClear::Links => w.links.clear(),
            WinClear::Shares => w.shares.clear(),
        }
    }
    if let Some(t) = a.title {
        w.title = t;
    }
    if let Some(on) = a.on {
        w.on = on;
    }
    if let Some(k) = a.kind {
        w.kind = k;
    }
    set_text(
        &mut w.description,
        "description",
        a.description.as_ref(),
        LONG_TEXT,
    )?;
    apply_impact(&mut w.impact, &a.impact)?;
    push_unique(&mut w.goals, &a.goals);
    push_unique(&mut w.tracks, &a.tracks);
    let links: Vec<String> = a.links.iter().map(|l| l.trim().to_string()).collect();
    push_unique(&mut w.links, &links);
    w.validate()?;
    check_tracks(&app.store.get_framework().await?, &a.tracks)?;
    check_goals(app, &a.goals).await?;
    if w == before {
        return report(app, &w, format!("Nothing to change for win #{}.", w.id));
    }
    let saved = app.store.update_win(&w).await?;
    report(
        app,
        &saved,
        format!("Updated win #{}: {}.", saved.id, saved.title),
    )
}

async fn remove(app: &App, id: WinId) -> Result<()> {
    let w = app.store.get_win(id).await?;
    app.store.delete_win(id).await?;
    report(app, &w, format!("Removed win #{}: {}.", w.id, w.title))
}

async fn share(app: &App, a: WinShare) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let people = roster.resolve_all("with", &a.with)?;
    let w = app.store.get_win(a.id).await?;
    let on = a.on.unwrap_or(app.today);
    for person in &people {
        w.check_new_share(
            &Share {
                person: *person,
                on,
                channel: a.channel,
            },
            app.today,
        )?;
    }
    let mut saved = w;
    for person in &people {
        let s = Share {
            person: *person,
            on,
            channel: a.channel,
        };
        saved = app.store.add_share(a.id, &s).await?;
    }
    let known = audience(&saved).len();
    let line = format!(
        "Shared “{}” with {} ({}, {on}). {} about it now.",
        saved.title,
        roster.names(&people),
        a.channel,
        output::plural(known, "person knows", "people know")
    );
    report(app, &saved, line)
}

//! `fanclub settings …`: who I am, the role I aim for, default cadences.

use anyhow::Result;

use super::{App, SHORT_TEXT, report, set_text};
use crate::cli::{SettingsClear, SettingsCommand, SettingsSet};
use crate::output::{self, Detail, or_dash};

pub async fn run(app: &App, cmd: SettingsCommand) -> Result<()> {
    match cmd {
        SettingsCommand::Show => show(app).await,
        SettingsCommand::Set(a) => set(app, a).await,
    }
}

async fn show(app: &App) -> Result<()> {
    let s = app.store.get_settings().await?;
    if app.json {
        return output::json(&s);
    }
    Detail::new()
        .row("me", or_dash(s.me.as_deref()))
        .row("my e-mails", or_dash(Some(&my_emails(&s))))
        .row("target role", or_dash(s.target_role.as_deref()))
        .row(
            "time zone",
            s.time_zone.as_deref().unwrap_or("UTC (none set)"),
        )
        .row(
            "cadence",
            "(the longest gap between contacts, by grid quadrant)",
        )
        .row("  manage closely", s.cadence.manage_closely)
        .row("  keep satisfied", s.cadence.keep_satisfied)
        .row("  keep informed", s.cadence.keep_informed)
        .row("  monitor", s.cadence.monitor)
        .row(
            "momentum window",
            format!("{} days", s.momentum_window_days),
        )
        .print();
    Ok(())
}

async fn set(app: &App, a: SettingsSet) -> Result<()> {
    let before = app.store.get_settings().await?;
    let mut s = before.clone();
    for c in &a.clear {
        match c {
            SettingsClear::Me => s.me = None,
            SettingsClear::MyEmails => s.my_emails.clear(),
            SettingsClear::TargetRole => s.target_role = None,
            SettingsClear::TimeZone => s.time_zone = None,
        }
    }
    if let Some(zone) = &a.time_zone {
        s.time_zone = Some(zone.to_string());
    }
    set_text(&mut s.me, "me", a.me.as_ref(), SHORT_TEXT)?;
    if !a.my_emails.is_empty() {
        s.my_emails.clear();
        for email in a.my_emails {
            if !s.my_emails.contains(&email) {
                s.my_emails.push(email);
            }
        }
    }
    set_text(
        &mut s.target_role,
        "target-role",
        a.target_role.as_ref(),
        SHORT_TEXT,
    )?;
    let c = &mut s.cadence;
    for (slot, new) in [
        (&mut c.manage_closely, a.cadence_manage_closely),
        (&mut c.keep_satisfied, a.cadence_keep_satisfied),
        (&mut c.keep_informed, a.cadence_keep_informed),
        (&mut c.monitor, a.cadence_monitor),
    ] {
        if let Some(n) = new {
            *slot = n;
        }
    }
    if let Some(w) = a.momentum_window {
        s.momentum_window_days = w;
    }
    if s == before {
        return report(app, &s, "Nothing to change.");
    }
    app.store.save_settings(&s).await?;
    report(app, &s, "Settings saved.")
}

/// My addresses on one line.
fn my_emails(s: &fanclub_core::Settings) -> String {
    s.my_emails
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

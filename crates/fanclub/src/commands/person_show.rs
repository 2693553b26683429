//! `fanclub person show`: everything about one person in one view.

use anyhow::Result;
use fanclub_core::{InteractionFilter, TrustPart};
use serde_json::json;

use super::person::person_json;
use super::{App, Roster};
use crate::output::{self, Detail, dated, heading, or_dash, short};

pub fn trust_part_name(p: TrustPart) -> &'static str {
    match p {
        TrustPart::Credibility => "credibility",
        TrustPart::Reliability => "reliability",
        TrustPart::Intimacy => "intimacy",
        TrustPart::SelfOrientation => "self-orientation",
    }
}

/// What would move the weakest factor of the trust equation.
pub fn trust_advice(p: TrustPart) -> &'static str {
    match p {
        TrustPart::Credibility => {
            "Back what you say with evidence, and say plainly what you don't know."
        }
        TrustPart::Reliability => {
            "Make small promises and keep them visibly; close every follow-up."
        }
        TrustPart::Intimacy => {
            "Ask about their goals and struggles, share something real, keep confidences."
        }
        TrustPart::SelfOrientation => {
            "Lead with their problems, not yours; listen more than you pitch."
        }
    }
}

pub async fn show(app: &App, key: &str) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let id = roster.resolve(key)?;
    let p = roster.record(id)?;
    let store = app.store.as_ref();
    let settings = store.get_settings().await?;
    let history = store.stance_history(id).await?;
    let last = store
        .last_contacts()
        .await?
        .into_iter()
        .find(|c| c.person == id);
    let filter = InteractionFilter {
        person: Some(id),
        limit: Some(5),
        ..InteractionFilter::default()
    };
    let interactions = store.list_interactions(&filter).await?;
    let wins: Vec<_> = store
        .list_wins()
        .await?
        .into_iter()
        .filter(|w| w.known_by(id))
        .collect();
    let rooms: Vec<_> = store
        .list_decisions()
        .await?
        .into_iter()
        .filter_map(|d| {
            d.room
                .iter()
                .find(|s| s.person == id)
                .map(|s| (s.role, d.clone()))
        })
        .collect();
    let connections: Vec<_> = store
        .connections_of(id)
        .await?
        .into_iter()
        .filter_map(|c| c.other(id).map(|o| (o, c.strength)))
        .collect();
    let cadence = settings.cadence.for_person(p);
    let overdue = last.map(|l| l.on.days_until(app.today) as f64 / f64::from(cadence.days()));

    if app.json {
        let mut v = person_json(p);
        if let serde_json::Value::Object(map) = &mut v {
            map.insert("effective_cadence_days".into(), json!(cadence.days()));
            map.insert("cadence_is_custom".into(), json!(p.cadence.is_some()));
            map.insert("last_contact".into(), json!(last.map(|l| l.on)));
            map.insert(
                "interaction_count".into(),
                json!(last.map_or(0, |l| l.count)),
            );
            map.insert("overdue_ratio".into(), json!(overdue));
            map.insert("trust_score".into(), json!(p.trust.map(|t| t.score())));
            map.insert(
                "weakest_trust_factor".into(),
                json!(p.trust.map(|t| t.weakest())),
            );
            map.insert("stance_history".into(), json!(history));
            map.insert("recent_interactions".into(), json!(interactions));
            map.insert(
                "wins_known".into(),
                json!(
                    wins.iter()
                        .map(|w| json!({ "id": w.id, "title": w.title, "on": w.on }))
                        .collect::<Vec<_>>()
                ),
            );
            map.insert(
                "rooms".into(),
                json!(rooms.iter().map(|(role, d)| json!({ "id": d.id, "title": d.title, "on": d.on, "role": role })).collect::<Vec<_>>()),
            );
            map.insert(
                "connections".into(),
                json!(
                    connections
                        .iter()
                        .map(|(o, s)| json!({ "person": o, "strength": s }))
                        .collect::<Vec<_>>()
                ),
            );
        }
        return output::json(&v);
    }

    outln!("{} ({}, #{})", p.name, p.handle, p.id);
    let mut d = Detail::new();
    let role = [
        p.title.as_deref(),
        p.organisation.as_deref(),
        p.team.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    d.opt("role", (!role.is_empty()).then_some(role));
    d.row("circle", format!("{} · {}", p.circle, p.relation));
    d.row(
        "grid",
        format!(
            "influence {} · interest {} → {}",
            p.influence,
            p.interest,
            p.quadrant().as_str().replace('-', " ")
        ),
    );
    d.row("stance", p.stance);
    let cadence_note = if p.cadence.is_some() {
        "their own"
    } else {
        "quadrant default"
    };
    d.row(
        "cadence",
        format!("every {} days ({cadence_note})", cadence.days()),
    );
    match (last, overdue) {
        (Some(l), Some(ratio)) => {
            let state = if ratio > 1.0 {
                format!(", overdue ×{ratio:.1}")
            } else {
                String::new()
            };
            d.row(
                "last contact",
                format!(
                    "{}{state} · {} in all",
                    dated(app.today, l.on),
                    output::plural(l.count as usize, "interaction", "interactions")
                ),
            )
        }
        _ => d.row(
            "last contact",
            "never logged: `fanclub log \"…\" --with ".to_string() + p.handle.as_str() + "`",
        ),
    };
    if let Some(t) = p.trust {
        let weakest = t.weakest();
        d.row(
            "trust",
            format!(
                "{:.1} of 30 (credibility {}, reliability {}, intimacy {}, self-orientation {})\nweakest: {}. {}",
                t.score(),
                t.credibility,
                t.reliability,
                t.intimacy,
                t.self_orientation,
                trust_part_name(weakest),
                trust_advice(weakest)
            ),
        );
    }
    d.opt(
        "emails",
        (!p.emails.is_empty()).then(|| {
            p.emails
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    d.opt(
        "phones",
        (!p.phones.is_empty()).then(|| p.phones.join(", ")),
    );
    d.opt("links", (!p.links.is_empty()).then(|| p.links.join("\n")));
    d.opt("goals", p.goals.as_deref());
    d.opt("struggles", p.struggles.as_deref());
    d.opt("interests", p.interests.as_deref());
    d.opt("how we met", p.how_met.as_deref());
    d.opt("introduced by", p.introduced_by.map(|i| roster.label(i)));
    d.opt("birthday", p.birthday.as_deref());
    d.opt("notes", p.notes.as_deref());
    d.print();

    if !history.is_empty() {
        heading("Stance history");
        for c in &history {
            match c.from {
                Some(from) => outln!("  {}  {from} → {}", c.on, c.to),
                None => outln!("  {}  {} (first recorded)", c.on, c.to),
            }
        }
    }
    match last {
        Some(l) if l.count as usize > interactions.len() => heading(&format!(
            "Recent interactions ({} of {})",
            interactions.len(),
            l.count
        )),
        _ => heading("Recent interactions"),
    }
    if interactions.is_empty() {
        outln!("  none yet");
    }
    for i in &interactions {
        let open = if i.has_open_follow_up() {
            "  [follow-up open]"
        } else {
            ""
        };
        outln!(
            "  {}  {:<13} {}{open}",
            i.on,
            i.kind.as_str(),
            short(i.summary.as_str(), 60)
        );
    }
    if !wins.is_empty() {
        heading("Wins they know about");
        for w in &wins {
            let share = w
                .shares
                .iter()
                .filter(|s| s.person == id)
                .map(|s| s.on)
                .min();
            outln!(
                "  {}  {} (#{}), told {}",
                w.on,
                short(w.title.as_str(), 60),
                w.id,
                or_dash(share.map(|s| s.to_string()).as_deref())
            );
        }
    }
    if !rooms.is_empty() {
        heading("Rooms they sit in");
        for (role, dec) in &rooms {
            outln!(
                "  {}  {} (#{}), {role}",
                dec.on,
                short(dec.title.as_str(), 60),
                dec.id
            );
        }
    }
    if !connections.is_empty() {
        heading("Knows");
        let known: Vec<String> = connections
            .iter()
            .map(|(o, s)| format!("{} ({s})", roster.name(*o)))
            .collect();
        outln!("  {}", known.join(", "));
    }
    Ok(())
}

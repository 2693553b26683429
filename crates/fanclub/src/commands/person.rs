//! `fanclub person …`: add, list, edit and remove stakeholders; record stance and trust.

use anyhow::Result;
use fanclub_core::resolve::unique_handle;
use fanclub_core::{CoreError, Person, PersonDeletion, PersonId, Record, Trust};
use serde_json::{Value, json};

use super::{App, LONG_TEXT, Roster, SHORT_TEXT, confirm, report, set_text};
use crate::cli::{
    PersonAdd, PersonClear, PersonCommand, PersonEdit, PersonFields, PersonList, PersonRemove,
    PersonStance, PersonTrust,
};
use crate::output::{self, or_dash, short};

pub async fn run(app: &App, cmd: PersonCommand) -> Result<()> {
    match cmd {
        PersonCommand::Add(a) => add(app, a).await,
        PersonCommand::List(a) => list(app, a).await,
        PersonCommand::Show(a) => super::person_show::show(app, &a.person).await,
        PersonCommand::Edit(a) => edit(app, a).await,
        PersonCommand::Remove(a) => remove(app, a).await,
        PersonCommand::Stance(a) => stance(app, a).await,
        PersonCommand::Trust(a) => trust(app, a).await,
    }
}

/// A person as JSON: the record's fields plus the derived quadrant.
pub fn person_json(p: &Record<Person>) -> Value {
    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut v {
        map.insert("quadrant".into(), json!(p.quadrant()));
    }
    v
}

/// Apply the flags `add` and `edit` share. `me` is the person's own id when editing.
fn apply(
    p: &mut Person,
    f: &PersonFields,
    roster: &Roster,
    me: Option<PersonId>,
) -> Result<(), CoreError> {
    if let Some(h) = &f.handle {
        if let Some(other) = roster
            .all()
            .iter()
            .find(|o| &o.handle == h && Some(o.id) != me)
        {
            return Err(CoreError::Conflict(format!(
                "the handle {h} is already {}'s; choose another with --handle",
                other.name
            )));
        }
        p.handle = h.clone();
    }
    for e in &f.emails {
        if !p.emails.contains(e) {
            p.emails.push(e.clone());
        }
    }
    for (list, new) in [(&mut p.phones, &f.phones), (&mut p.links, &f.links)] {
        for v in new {
            let v = v.trim().to_string();
            if !list.contains(&v) {
                list.push(v);
            }
        }
    }
    set_text(
        &mut p.organisation,
        "org",
        f.organisation.as_ref(),
        SHORT_TEXT,
    )?;
    set_text(&mut p.title, "title", f.title.as_ref(), SHORT_TEXT)?;
    set_text(&mut p.team, "team", f.team.as_ref(), SHORT_TEXT)?;
    set_text(&mut p.goals, "goals", f.goals.as_ref(), LONG_TEXT)?;
    set_text(
        &mut p.struggles,
        "struggles",
        f.struggles.as_ref(),
        LONG_TEXT,
    )?;
    set_text(
        &mut p.interests,
        "interests",
        f.interests.as_ref(),
        LONG_TEXT,
    )?;
    set_text(&mut p.how_met, "how-met", f.how_met.as_ref(), LONG_TEXT)?;
    set_text(&mut p.notes, "notes", f.notes.as_ref(), LONG_TEXT)?;
    set_text(&mut p.birthday, "birthday", f.birthday.as_ref(), SHORT_TEXT)?;
    if let Some(c) = f.circle {
        p.circle = c;
    }
    if let Some(r) = f.relation {
        p.relation = r;
    }
    if let Some(i) = f.influence {
        p.influence = i;
    }
    if let Some(i) = f.interest {
        p.interest = i;
    }
    if let Some(s) = f.stance {
        p.stance = s;
    }
    if let Some(c) = f.cadence {
        p.cadence = Some(c);
    }
    if let Some(key) = &f.introduced_by {
        let id = roster.resolve(key)?;
        if Some(id) == me {
            return Err(CoreError::invalid(
                "introduced-by",
                key,
                "someone other than the person themselves",
            ));
        }
        p.introduced_by = Some(id);
    }
    p.validate()
}

async fn add(app: &App, a: PersonAdd) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let mut person = Person::new(a.name.clone());
    person.handle = unique_handle(&roster.handles(), a.name.as_str());
    apply(&mut person, &a.fields, &roster, None)?;
    let since = a.since.unwrap_or(app.today);
    let rec = app.store.create_person(&person, since).await?;
    let line = format!(
        "Added {} ({}): {}, {}.",
        rec.name,
        rec.handle,
        rec.quadrant().as_str().replace('-', " "),
        rec.stance
    );
    report(app, &person_json(&rec), line)
}

fn matches_search(p: &Person, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    let fields = [
        Some(p.name.as_str()),
        Some(p.handle.as_str()),
        p.organisation.as_deref(),
        p.title.as_deref(),
        p.team.as_deref(),
    ];
    fields
        .iter()
        .flatten()
        .any(|f| f.to_lowercase().contains(&needle))
        || p.emails.iter().any(|e| e.as_str().contains(&needle))
}

async fn list(app: &App, a: PersonList) -> Result<()> {
    let people = app.store.list_people().await?;
    let shown: Vec<&Record<Person>> = people
        .iter()
        .filter(|p| a.circle.is_none_or(|c| p.circle == c))
        .filter(|p| a.quadrant.is_none_or(|q| p.quadrant() == q))
        .filter(|p| a.stance.is_empty() || a.stance.contains(&p.stance))
        .filter(|p| a.search.as_deref().is_none_or(|s| matches_search(p, s)))
        .collect();
    if app.json {
        return output::json(&shown.iter().map(|p| person_json(p)).collect::<Vec<_>>());
    }
    let mut t = output::table([
        "handle",
        "name",
        "org / title",
        "circle",
        "quadrant",
        "stance",
        "infl/int",
    ]);
    for p in &shown {
        let role = match (&p.organisation, &p.title) {
            (Some(o), Some(t)) => format!("{t}, {o}"),
            (o, t) => or_dash(t.as_deref().or(o.as_deref())),
        };
        t.add_row(vec![
            p.handle.to_string(),
            p.name.to_string(),
            short(&role, 40),
            p.circle.to_string(),
            p.quadrant().to_string(),
            p.stance.to_string(),
            format!("{}/{}", p.influence, p.interest),
        ]);
    }
    let empty = if people.is_empty() {
        "No one yet. Add someone with `fanclub person add NAME`, or explore with `fanclub demo`."
    } else {
        "No one matches."
    };
    output::print_table(&t, empty);
    if !shown.is_empty() && shown.len() < people.len() {
        outln!("{} of {} people.", shown.len(), people.len());
    }
    Ok(())
}

async fn edit(app: &App, a: PersonEdit) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let id = roster.resolve(&a.person)?;
    let before = roster.record(id)?.clone();
    let mut rec = before.clone();
    for field in &a.clear {
        let p = &mut rec.value;
        match field {
            PersonClear::Emails => p.emails.clear(),
            PersonClear::Phones => p.phones.clear(),
            PersonClear::Links => p.links.clear(),
            PersonClear::Org => p.organisation = None,
            PersonClear::Title => p.title = None,
            PersonClear::Team => p.team = None,
            PersonClear::Goals => p.goals = None,
            PersonClear::Struggles => p.struggles = None,
            PersonClear::Interests => p.interests = None,
            PersonClear::HowMet => p.how_met = None,
            PersonClear::IntroducedBy => p.introduced_by = None,
            PersonClear::Cadence => p.cadence = None,
            PersonClear::Birthday => p.birthday = None,
            PersonClear::Notes => p.notes = None,
            PersonClear::Trust => p.trust = None,
        }
    }
    if let Some(n) = &a.name {
        rec.name = n.clone();
    }
    apply(&mut rec.value, &a.fields, &roster, Some(id))?;
    if rec == before {
        return report(
            app,
            &person_json(&rec),
            format!("Nothing to change for {}.", roster.label(id)),
        );
    }
    let on = a.on.unwrap_or(app.today);
    let saved = app.store.update_person(&rec, on).await?;
    let mut line = format!("Updated {} ({}).", saved.name, saved.handle);
    if saved.stance != before.stance {
        line.push_str(&format!(
            " Stance {} → {} on {on}.",
            before.stance, saved.stance
        ));
    }
    report(app, &person_json(&saved), line)
}

/// The lines that say what a deletion removed and what it kept, detached.
pub fn deletion_lines(d: &PersonDeletion) -> Vec<String> {
    let part =
        |n: u64, one: &str, many: &str| (n > 0).then(|| output::plural(n as usize, one, many));
    let removed: Vec<String> = [
        part(d.stance_changes_removed, "stance change", "stance changes"),
        part(d.connections_removed, "connection", "connections"),
        part(
            d.interactions_removed,
            "interaction only with them",
            "interactions only with them",
        ),
        part(d.shares_removed, "win share", "win shares"),
        part(d.room_seats_removed, "seat in a room", "seats in rooms"),
        part(
            d.perception_checks_removed,
            "perception check",
            "perception checks",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let detached: Vec<String> = [
        part(
            d.interactions_detached,
            "interaction with others",
            "interactions with others",
        ),
        part(
            d.evidence_detached,
            "piece of evidence",
            "pieces of evidence",
        ),
        part(
            d.opportunities_detached,
            "opportunity they sponsored",
            "opportunities they sponsored",
        ),
        part(
            d.introductions_detached,
            "person they introduced",
            "people they introduced",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut lines = Vec::new();
    if !removed.is_empty() {
        lines.push(format!("  removed: {}", removed.join(", ")));
    }
    if !detached.is_empty() {
        lines.push(format!("  kept, without them: {}", detached.join(", ")));
    }
    lines
}

async fn remove(app: &App, a: PersonRemove) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let id = roster.resolve(&a.person)?;
    let label = roster.label(id);
    confirm(
        &format!("remove {label} and everything only about them"),
        a.yes,
    )?;
    let deletion = app.store.delete_person(id).await?;
    if app.json {
        let p = roster.record(id)?;
        return output::json(
            &json!({ "id": id, "handle": p.handle, "name": p.name, "deletion": deletion }),
        );
    }
    outln!("Removed {label}.");
    for line in deletion_lines(&deletion) {
        outln!("{line}");
    }
    Ok(())
}

async fn stance(app: &App, a: PersonStance) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let id = roster.resolve(&a.person)?;
    let mut rec = roster.record(id)?.clone();
    let note = super::text("note", a.note.as_ref(), LONG_TEXT)?;
    let on = a.on.unwrap_or(app.today);
    let from = rec.stance;
    if from == a.stance && note.is_none() {
        return report(
            app,
            &person_json(&rec),
            format!("{} is already {}.", rec.name, from),
        );
    }
    rec.stance = a.stance;
    if let Some(n) = &note {
        // The store keeps stance changes without a note, so the why goes in the notes, dated.
        let entry = format!("{on}, stance {from} → {}: {n}", a.stance);
        rec.notes = Some(match rec.notes.take() {
            Some(old) => format!("{old}\n{entry}"),
            None => entry,
        });
    }
    let saved = app.store.update_person(&rec, on).await?;
    let arrow = if a.stance > from {
        "up"
    } else if a.stance < from {
        "down"
    } else {
        "unchanged"
    };
    let line = if from == a.stance {
        format!("{} is {}; note kept.", saved.name, from)
    } else {
        format!(
            "{}: {from} → {} ({arrow}) on {on}.",
            saved.name, saved.stance
        )
    };
    report(app, &person_json(&saved), line)
}

async fn trust(app: &App, a: PersonTrust) -> Result<()> {
    let roster = Roster::load(app.store.as_ref()).await?;
    let id = roster.resolve(&a.person)?;
    let mut rec = roster.record(id)?.clone();
    let t = Trust {
        credibility: a.credibility,
        reliability: a.reliability,
        intimacy: a.intimacy,
        self_orientation: a.self_orientation,
    };
    rec.trust = Some(t);
    let saved = app.store.update_person(&rec, app.today).await?;
    let weakest = t.weakest();
    let line = format!(
        "Trust with {}: {:.1} of 30. Weakest: {}. {}",
        saved.name,
        t.score(),
        super::person_show::trust_part_name(weakest),
        super::person_show::trust_advice(weakest)
    );
    report(app, &person_json(&saved), line)
}

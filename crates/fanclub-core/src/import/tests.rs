//! The planner's rules: matching, filling, ambiguity, idempotence.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;
use crate::{Day, Email, Handle, InteractionKind, Name, Person, PersonId, Record};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn stored(id: i64, name: &str, emails: &[&str]) -> Record<Person> {
    let mut p = Person::new(Name::parse(name).unwrap());
    p.emails = emails.iter().map(|e| Email::parse(e).unwrap()).collect();
    Record::new(PersonId::from_raw(id), p)
}

fn contact(at: &str, name: &str, emails: &[&str]) -> IncomingContact {
    IncomingContact {
        at: at.to_string(),
        name: Some(Name::parse(name).unwrap()),
        emails: emails.iter().map(|e| Email::parse(e).unwrap()).collect(),
        ..IncomingContact::default()
    }
}

fn plan(people: &[Record<Person>], contacts: &[IncomingContact]) -> ImportPlan {
    plan_contacts(
        people,
        &HashSet::new(),
        contacts,
        ContactDefaults::default(),
        day("2026-03-01"),
    )
}

/// What the store does with a plan, in memory: new people get the next ids, updates replace
/// the person, interactions leave their reference behind.
fn apply(people: &mut Vec<Record<Person>>, refs: &mut HashSet<String>, plan: &ImportPlan) {
    for u in &plan.updates {
        let p = people.iter_mut().find(|p| p.id == u.id).unwrap();
        p.value = u.person.clone();
    }
    let mut next = people.iter().map(|p| p.id.get()).max().unwrap_or(0);
    for c in &plan.creates {
        next += 1;
        people.push(Record::new(PersonId::from_raw(next), c.person.clone()));
    }
    for i in &plan.interactions {
        refs.extend(i.interaction.external_ref.clone());
    }
}

#[test]
fn an_email_match_fills_gaps_and_never_overwrites() {
    let mut dana = stored(1, "Dana Kim", &["dana@acme.com"]);
    dana.title = Some("VP Product".into());
    let mut c = contact("line 4", "Dana K", &["DANA@acme.com", "dana@home.net"]);
    c.title = Some("Intern".into());
    c.organisation = Some("Acme".into());
    let p = plan(&[dana], &[c]);
    assert!(p.creates.is_empty());
    assert_eq!(p.updates.len(), 1);
    let u = &p.updates[0];
    assert_eq!(u.matched_by, "e-mail");
    assert_eq!(u.person.name.as_str(), "Dana Kim");
    assert_eq!(u.person.title.as_deref(), Some("VP Product"));
    assert_eq!(u.person.organisation.as_deref(), Some("Acme"));
    assert_eq!(u.person.emails.len(), 2);
    assert_eq!(u.fields, vec!["emails", "organisation"]);
}

#[test]
fn a_profile_address_matches_whatever_its_spelling() {
    let mut dana = stored(1, "Dana Kim", &[]);
    dana.links = vec!["https://www.linkedin.com/in/dana-kim/".into()];
    let mut c = contact("line 5", "Dana Kim-Ortega", &[]);
    c.links = vec!["http://LinkedIn.com/in/dana-kim?trk=abc".into()];
    c.title = Some("Director".into());
    let p = plan(&[dana], &[c]);
    assert_eq!(p.updates.len(), 1, "{p:#?}");
    assert_eq!(p.updates[0].matched_by, "profile");
    assert_eq!(p.updates[0].person.links.len(), 1, "the same profile once");
}

#[test]
fn name_and_organisation_match_without_case_or_accents() {
    let mut jose = stored(7, "José Martínez", &[]);
    jose.organisation = Some("Globex".into());
    let mut same = contact("card 1", "jose  MARTINEZ", &["jose@globex.com"]);
    same.organisation = Some("globex".into());
    let mut other = contact("card 2", "José Martínez", &[]);
    other.organisation = Some("Initech".into());
    let p = plan(&[jose], &[same, other]);
    assert_eq!(p.updates.len(), 1);
    assert_eq!(p.updates[0].matched_by, "name and organisation");
    assert_eq!(p.creates.len(), 1, "another company's José is someone else");
    assert_eq!(p.creates[0].person.handle.as_str(), "jose-martinez-2");

    // Without an organisation on one side, the match is by name alone, and says so.
    let mut jose = stored(7, "José Martínez", &[]);
    jose.organisation = Some("Globex".into());
    let bare = contact("card 3", "Jose Martinez", &["jm@home.example"]);
    let p = plan(&[jose], &[bare]);
    assert_eq!(p.updates[0].matched_by, "name");
}

#[test]
fn one_record_matching_two_people_is_reported_not_guessed() {
    let a = stored(1, "Dana Kim", &["dana@acme.com"]);
    let b = stored(2, "Dana Kim (old)", &["dana@old.com"]);
    let c = contact("line 9", "Dana Kim", &["dana@acme.com", "dana@old.com"]);
    let p = plan(&[a, b], &[c]);
    assert!(p.writes_nothing(), "{p:#?}");
    assert_eq!(p.ambiguous.len(), 1);
    assert_eq!(p.ambiguous[0].candidates.len(), 2);
    assert!(p.ambiguous[0].resolution.contains("left out"));
}

#[test]
fn two_records_of_one_new_person_become_one_person() {
    let first = contact("line 2", "Sam Lee", &["sam@example.com"]);
    let mut second = contact("line 3", "Samuel Lee", &["sam@example.com"]);
    second.phones = vec!["+1 555 0100".into()];
    let p = plan(&[], &[first, second]);
    assert_eq!(p.creates.len(), 1);
    assert_eq!(p.creates[0].person.phones, vec!["+1 555 0100".to_string()]);
    assert_eq!(p.ambiguous.len(), 1, "the member is told");
}

#[test]
fn new_handles_never_clash() {
    let mut existing = stored(1, "Ann Lee", &[]);
    existing.organisation = Some("Zeta".into());
    let mut a = contact("line 2", "Ann Lee", &["ann@one.com"]);
    a.organisation = Some("One".into());
    let mut b = contact("line 3", "Ann Lee", &["ann@two.com"]);
    b.organisation = Some("Two".into());
    let p = plan(&[existing], &[a, b]);
    let handles: Vec<&str> = p.creates.iter().map(|c| c.person.handle.as_str()).collect();
    assert_eq!(handles, vec!["ann-lee-2", "ann-lee-3"]);
}

#[test]
fn linkedin_connections_are_dated_once() {
    let mut c = contact("line 5", "Dana Kim", &[]);
    c.links = vec!["https://www.linkedin.com/in/dana-kim".into()];
    c.connected_on = Some(day("2024-03-12"));
    let p = plan(&[], std::slice::from_ref(&c));
    assert_eq!(p.interactions.len(), 1);
    let i = &p.interactions[0];
    assert_eq!(i.interaction.on, day("2024-03-12"));
    assert_eq!(i.interaction.kind, InteractionKind::Message);
    assert_eq!(
        i.interaction.external_ref.as_deref(),
        Some("linkedin:linkedin.com/in/dana-kim")
    );
    assert_eq!(i.with, vec![PlanPerson::New(0)]);
    assert_eq!(
        p.creates[0].person.how_met.as_deref(),
        Some("Connected on LinkedIn")
    );

    let (mut people, mut refs) = (Vec::new(), HashSet::new());
    apply(&mut people, &mut refs, &p);
    let again = plan_contacts(&people, &refs, &[c], ContactDefaults::default(), p.on);
    assert!(again.writes_nothing(), "{again:#?}");
}

/// An export without profile addresses, one with them, and one after the profile address
/// changed are the same connection: whichever comes first, it is dated once.
#[test]
fn a_connection_is_dated_once_whatever_the_export_calls_it() {
    let at = |url: Option<&str>| {
        let mut c = contact("line 5", "Dana Kim", &[]);
        c.organisation = Some("Acme".into());
        c.links = url.map(str::to_string).into_iter().collect();
        c.connected_on = Some(day("2024-03-12"));
        c
    };
    let without = at(None);
    let with = at(Some("https://www.linkedin.com/in/dana-kim"));
    let renamed = at(Some("https://www.linkedin.com/in/dana-kim-pm"));
    let orders = [
        [&without, &with, &renamed],
        [&with, &without, &renamed],
        [&with, &renamed, &without],
    ];
    for order in orders {
        let (mut people, mut refs) = (Vec::new(), HashSet::new());
        let mut dated = 0;
        for c in order {
            let p = plan_contacts(
                &people,
                &refs,
                std::slice::from_ref(c),
                ContactDefaults::default(),
                day("2026-03-01"),
            );
            dated += p.interactions.len();
            apply(&mut people, &mut refs, &p);
        }
        assert_eq!(people.len(), 1, "{order:?}");
        assert_eq!(dated, 1, "{order:?}");
    }
    // Within one file too.
    let p = plan(&[], &[without.clone(), with.clone(), renamed.clone()]);
    assert_eq!((p.creates.len(), p.interactions.len()), (1, 1));
}

/// A new person with a known name at another organisation is created, and reported with
/// the merge that would join them: never a silent duplicate.
#[test]
fn a_namesake_at_another_organisation_is_reported() {
    let mut dana = stored(1, "Dana Kim", &[]);
    dana.organisation = Some("Acme Corp".into());
    dana.handle = Handle::parse("dana-kim").unwrap();
    let mut c = contact("line 2", "Dana Kim", &[]);
    c.organisation = Some("Acme Corporation".into());
    let mut d = contact("line 3", "dana kim", &[]);
    d.organisation = Some("Globex".into());
    let unrelated = contact("line 4", "Sam Lee", &[]);
    let p = plan(&[dana], &[c, d, unrelated]);
    let handles: Vec<&str> = p.creates.iter().map(|c| c.person.handle.as_str()).collect();
    assert_eq!(handles, ["dana-kim-2", "dana-kim-3", "sam-lee"]);
    let found: Vec<(&str, &str, Vec<&str>, &str)> = p
        .possible_duplicates
        .iter()
        .map(|d| {
            let others = d.others.iter().map(String::as_str).collect();
            (d.at.as_str(), d.handle.as_str(), others, d.merge.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "line 2",
                "dana-kim-2",
                vec!["Dana Kim (dana-kim, Acme Corp)"],
                "fanclub merge dana-kim dana-kim-2"
            ),
            (
                "line 3",
                "dana-kim-3",
                vec![
                    "Dana Kim (dana-kim, Acme Corp)",
                    "Dana Kim (dana-kim-2, Acme Corporation)"
                ],
                "fanclub merge dana-kim dana-kim-3"
            ),
        ]
    );
}

fn attendee(email: &str, name: Option<&str>) -> IncomingAttendee {
    IncomingAttendee {
        email: Email::parse(email).unwrap(),
        name: name.map(str::to_string),
        declined: false,
    }
}

fn event(uid: &str, on: &str, organizer: &str, attendees: &[&str]) -> IncomingEvent {
    IncomingEvent {
        at: "calendar 1, event 1".into(),
        uid: uid.into(),
        occurrence: None,
        summary: Some("Sync".into()),
        date: day(on),
        organizer: Some(attendee(organizer, None)),
        attendees: attendees.iter().map(|a| attendee(a, None)).collect(),
        attendee_count: attendees.len(),
        cancelled: false,
    }
}

fn rules() -> CalendarRules {
    CalendarRules {
        me: vec![Email::parse("me@acme.com").unwrap()],
        ..CalendarRules::default()
    }
}

#[test]
fn a_meeting_with_one_known_person_is_a_one_on_one() {
    let people = [stored(1, "Dana Kim", &["dana@acme.com"])];
    let e = event(
        "u1",
        "2026-02-03",
        "me@acme.com",
        &["me@acme.com", "dana@acme.com"],
    );
    let p = plan_calendar(
        &people,
        &Imported::default(),
        std::slice::from_ref(&e),
        &rules(),
        day("2026-03-01"),
    );
    assert_eq!(p.interactions.len(), 1, "{p:#?}");
    let i = &p.interactions[0];
    assert_eq!(i.interaction.kind, InteractionKind::OneOnOne);
    assert_eq!(i.with, vec![PlanPerson::Existing(PersonId::from_raw(1))]);
    assert_eq!(i.interaction.external_ref.as_deref(), Some("ics:u1"));

    let dana = PersonId::from_raw(1);
    let imported = Imported::new(vec!["ics:u1".to_string()], vec![("ics:u1".into(), dana)]);
    let again = plan_calendar(&people, &imported, &[e], &rules(), day("2026-03-01"));
    assert!(again.writes_nothing());
    assert_eq!(again.skipped[0].reason, "already imported");
}

/// Someone added after a calendar import joins the meetings imported before, once: the
/// advice "add them, then import again" holds for a meeting with someone already known.
#[test]
fn people_added_later_join_meetings_imported_before() {
    let mut people = vec![stored(1, "Dana Kim", &["dana@acme.com"])];
    let e = event(
        "u1",
        "2026-02-03",
        "me@acme.com",
        &["me@acme.com", "dana@acme.com", "bob@acme.com"],
    );
    let first = plan_calendar(
        &people,
        &Imported::default(),
        std::slice::from_ref(&e),
        &rules(),
        day("2026-03-01"),
    );
    assert_eq!(first.interactions.len(), 1);
    let dana = PersonId::from_raw(1);
    let mut imported = Imported::new(vec!["ics:u1".to_string()], vec![("ics:u1".into(), dana)]);

    people.push(stored(2, "Bob Trunc", &["bob@acme.com"]));
    let again = plan_calendar(
        &people,
        &imported,
        std::slice::from_ref(&e),
        &rules(),
        day("2026-03-01"),
    );
    assert!(again.interactions.is_empty());
    assert_eq!(again.joins.len(), 1, "{again:#?}");
    let join = &again.joins[0];
    assert_eq!(join.reference, "ics:u1");
    assert_eq!(join.people, [PersonId::from_raw(2)]);
    assert_eq!(join.names, ["Bob Trunc"]);
    assert_eq!(again.counts().joined, 1);
    assert!(!again.writes_nothing());

    imported
        .with
        .get_mut("ics:u1")
        .unwrap()
        .push(PersonId::from_raw(2));
    let third = plan_calendar(&people, &imported, &[e], &rules(), day("2026-03-01"));
    assert!(third.writes_nothing(), "{third:#?}");
}

#[test]
fn large_meetings_strangers_and_cancellations_are_left_out() {
    let people = [
        stored(1, "Dana Kim", &["dana@acme.com"]),
        stored(2, "Sam Lee", &[]),
    ];
    let many: Vec<String> = (0..10).map(|i| format!("p{i}@acme.com")).collect();
    let mut invited: Vec<&str> = many.iter().map(String::as_str).collect();
    invited.push("dana@acme.com");
    let large = event("big", "2026-02-03", "me@acme.com", &invited);
    let strangers = event("s", "2026-02-04", "x@other.com", &["y@other.com"]);
    let mut cancelled = event("c", "2026-02-05", "dana@acme.com", &["me@acme.com"]);
    cancelled.cancelled = true;
    // Sam has no address on file: the invitation's display name finds him.
    let mut by_name = event("n", "2026-02-06", "me@acme.com", &[]);
    by_name.attendees = vec![attendee("sam@elsewhere.com", Some("SAM lee"))];
    by_name.attendee_count = 1;
    // Dana declined; only Sam was there.
    let mut declined = event("d", "2026-02-07", "me@acme.com", &[]);
    declined.attendees = vec![
        IncomingAttendee {
            declined: true,
            ..attendee("dana@acme.com", None)
        },
        attendee("sam@elsewhere.com", Some("Sam Lee")),
    ];
    declined.attendee_count = 2;

    let p = plan_calendar(
        &people,
        &Imported::default(),
        &[large, strangers, cancelled, by_name, declined],
        &rules(),
        day("2026-03-01"),
    );
    let refs: Vec<&str> = p
        .interactions
        .iter()
        .filter_map(|i| i.interaction.external_ref.as_deref())
        .collect();
    assert_eq!(refs, vec!["ics:n", "ics:d"]);
    assert_eq!(
        p.interactions[1].with,
        vec![PlanPerson::Existing(PersonId::from_raw(2))]
    );
    assert_eq!(p.interactions[1].interaction.kind, InteractionKind::Meeting);
    assert_eq!(p.skipped.len(), 3);
    assert!(
        p.skipped[0].reason.ends_with(&format!(
            "11 other people: more than the {} allowed",
            rules().max_attendees
        )),
        "{}",
        p.skipped[0].reason
    );
    assert!(p.skipped[1].reason.contains("nobody there"));
    assert_eq!(p.skipped[2].reason, "cancelled");
}

#[test]
fn my_own_name_is_not_a_person() {
    let people = [
        stored(1, "Alex Morgan", &[]),
        stored(2, "Dana Kim", &["dana@acme.com"]),
    ];
    let mut e = event("u", "2026-02-03", "dana@acme.com", &[]);
    e.attendees = vec![attendee("alex@home.net", Some("Alex Morgan"))];
    e.attendee_count = 1;
    let rules = CalendarRules {
        my_name: Some("Alex Morgan".into()),
        ..CalendarRules::default()
    };
    let p = plan_calendar(
        &people,
        &Imported::default(),
        &[e],
        &rules,
        day("2026-03-01"),
    );
    assert_eq!(
        p.interactions[0].with,
        vec![PlanPerson::Existing(PersonId::from_raw(2))]
    );
    assert_eq!(
        p.interactions[0].interaction.kind,
        InteractionKind::OneOnOne
    );
}

/// Small alphabets, so generated contacts often collide on names, addresses and profiles.
fn arb_contact() -> impl Strategy<Value = IncomingContact> {
    (
        prop::sample::select(vec![
            "Dana Kim",
            "dana kim",
            "Dána Kim",
            "Sam Lee",
            "Ann Wu",
        ]),
        prop::collection::vec(
            prop::sample::select(vec!["a@x.com", "b@x.com", "c@y.org"]),
            0..3,
        ),
        prop::option::of(prop::sample::select(vec!["Acme", "acme", "Globex"])),
        prop::collection::vec(
            prop::sample::select(vec![
                "https://linkedin.com/in/dana",
                "linkedin.com/in/dana/",
                "https://linkedin.com/in/sam",
            ]),
            0..2,
        ),
        prop::option::of(prop::sample::select(vec!["CEO", "PM"])),
        prop::option::of(Just(())),
    )
        .prop_map(|(name, emails, org, links, title, connected)| {
            let mut emails: Vec<&str> = emails;
            emails.dedup();
            let mut c = contact("line 1", name, &emails);
            c.organisation = org.map(str::to_string);
            c.links = links.into_iter().map(str::to_string).collect();
            c.title = title.map(str::to_string);
            c.connected_on = connected.map(|_| day("2024-03-12"));
            c
        })
}

proptest! {
    /// Importing the same records a second time changes nothing when the file's records
    /// do not contradict each other (nothing was left out as ambiguous); when they do, the
    /// next import settles it and the one after changes nothing.
    #[test]
    fn a_reimport_is_a_no_op(
        existing in prop::collection::vec(arb_contact(), 0..4),
        incoming in prop::collection::vec(arb_contact(), 0..8),
    ) {
        let (mut people, mut refs) = (Vec::new(), HashSet::new());
        let first = plan(&[], &existing);
        apply(&mut people, &mut refs, &first);
        let p = plan_contacts(&people, &refs, &incoming, ContactDefaults::default(), first.on);
        apply(&mut people, &mut refs, &p);
        let again = plan_contacts(&people, &refs, &incoming, ContactDefaults::default(), p.on);
        let contradicted = p.ambiguous.iter().any(|a| a.resolution.starts_with("left out"));
        if !contradicted {
            prop_assert!(again.writes_nothing(), "{:#?}", again);
        } else {
            apply(&mut people, &mut refs, &again);
            let third = plan_contacts(&people, &refs, &incoming, ContactDefaults::default(), p.on);
            prop_assert!(third.writes_nothing(), "{:#?}", third);
        }
    }

    /// No two new people share an address or a profile. (Names may repeat: two people of
    /// the same name at different companies are two people.)
    #[test]
    fn never_a_silent_duplicate(incoming in prop::collection::vec(arb_contact(), 0..10)) {
        let p = plan(&[], &incoming);
        let mut seen = HashSet::new();
        for c in &p.creates {
            let mut keys: Vec<String> = c.person.emails.iter().map(|e| e.to_string()).collect();
            keys.extend(c.person.links.iter().filter_map(|l| profile_key(l)));
            for k in keys {
                prop_assert!(seen.insert(k.clone()), "two new people share {k}: {:#?}", p.creates);
            }
        }
        let handles: HashSet<&str> = p.creates.iter().map(|c| c.person.handle.as_str()).collect();
        prop_assert_eq!(handles.len(), p.creates.len());
    }

    /// Every record is accounted for exactly once: created, merged, updated, skipped or
    /// reported.
    #[test]
    fn every_record_is_accounted_for(incoming in prop::collection::vec(arb_contact(), 0..10)) {
        let p = plan(&[], &incoming);
        let updates: usize = p.updates.iter().map(|u| u.at.len()).sum();
        prop_assert_eq!(
            p.creates.len() + updates + p.skipped.len() + p.ambiguous.len(),
            incoming.len()
        );
    }
}

//! Imports and merges, on every backend: a plan is written whole or not at all, a second
//! import of the same records writes nothing, and a merge moves every record that points at
//! the duplicate.

use std::collections::HashSet;

use fanclub_core::import::{
    CalendarRules, ContactDefaults, ImportPlan, Imported, IncomingAttendee, IncomingContact,
    IncomingEvent, PersonUpdate, plan_calendar, plan_contacts,
};
use fanclub_core::{
    Connection, Decision, DecisionKind, Email, InteractionFilter, Name, PersonId, RoomRole, Seat,
    Store, Strength,
};
use fanclub_store::SqlStore;

use super::fixtures::{day, meeting, person, title};

fn contact(at: &str, name: &str, email: &str, url: &str, connected: &str) -> IncomingContact {
    IncomingContact {
        at: at.into(),
        name: Some(Name::parse(name).unwrap()),
        emails: [email]
            .iter()
            .filter(|e| !e.is_empty())
            .map(|e| Email::parse(e).unwrap())
            .collect(),
        links: vec![url.to_string()],
        organisation: Some("Globex".into()),
        connected_on: Some(day(connected)),
        ..IncomingContact::default()
    }
}

async fn plan(store: &SqlStore, records: &[IncomingContact]) -> ImportPlan {
    let people = store.list_people().await.unwrap();
    let refs: HashSet<String> = store.external_refs().await.unwrap().into_iter().collect();
    plan_contacts(
        &people,
        &refs,
        records,
        ContactDefaults::default(),
        day("2026-03-01"),
    )
}

async fn imports(store: &SqlStore) {
    let dana = store
        .create_person(&person("Dana Kim", 4, 4), day("2026-01-05"))
        .await
        .unwrap();
    let records = vec![
        contact(
            "line 4",
            "Dana Kim",
            "dana-kim@example.com",
            "https://www.linkedin.com/in/dana-kim",
            "2021-05-01",
        ),
        contact(
            "line 5",
            "Sam Lee",
            "",
            "https://www.linkedin.com/in/sam-lee",
            "2024-03-12",
        ),
        contact(
            "line 6",
            "Ana Díaz",
            "ana@globex.com",
            "https://www.linkedin.com/in/ana-diaz",
            "2025-11-30",
        ),
    ];
    let first = plan(store, &records).await;
    assert_eq!(
        (
            first.creates.len(),
            first.updates.len(),
            first.interactions.len()
        ),
        (2, 1, 3)
    );
    let summary = store.apply_import(&first).await.unwrap();
    assert_eq!(summary.people_created, 2);
    assert_eq!(summary.people_updated, 1);
    assert_eq!(summary.interactions_created, 3);

    // Dana is completed, not duplicated, and what the member wrote stays.
    let people = store.list_people().await.unwrap();
    assert_eq!(people.len(), 3);
    let got = store.get_person(dana.id).await.unwrap();
    assert_eq!(got.organisation.as_deref(), Some("Globex"));
    assert_eq!(got.influence, dana.influence);
    assert_eq!(got.links, vec!["https://www.linkedin.com/in/dana-kim"]);
    // New people have their first stance, their addresses, and a dated connection.
    let ana = summary.created_ids[1];
    let ana_rec = store.get_person(ana).await.unwrap();
    assert_eq!(ana_rec.emails[0].as_str(), "ana@globex.com");
    assert_eq!(store.stance_history(ana).await.unwrap().len(), 1);
    let last = store.last_contacts().await.unwrap();
    let ana_last = last.iter().find(|l| l.person == ana).unwrap();
    assert_eq!(ana_last.on, day("2025-11-30"));
    let refs = store.external_refs().await.unwrap();
    assert!(
        refs.contains(&"linkedin:linkedin.com/in/ana-diaz".to_string()),
        "{refs:?}"
    );

    // The same file again: nothing to write.
    let again = plan(store, &records).await;
    assert!(again.writes_nothing(), "{again:#?}");
    assert_eq!(again.skipped.len(), 3);

    // All or nothing: a plan naming someone who is gone writes none of its new people.
    let counts = store.counts().await.unwrap();
    let mut broken = plan(
        store,
        &[contact(
            "line 9",
            "Zoe Quinn",
            "zoe@x.com",
            "https://x.com/in/zoe",
            "2024-01-01",
        )],
    )
    .await;
    assert_eq!(broken.creates.len(), 1);
    broken.updates.push(PersonUpdate {
        at: vec!["line 10".into()],
        id: PersonId::from_raw(999_999),
        matched_by: "e-mail",
        person: person("Ghost", 3, 3),
        fields: vec!["emails"],
    });
    assert!(store.apply_import(&broken).await.is_err());
    assert_eq!(store.counts().await.unwrap(), counts);
    assert_eq!(store.list_people().await.unwrap().len(), 3);
}

async fn merges(store: &SqlStore) {
    let keep = store
        .create_person(&person("Omar Haddad", 4, 3), day("2026-01-05"))
        .await
        .unwrap();
    let mut dup_value = person("Omar H.", 3, 3);
    dup_value.title = Some("Head of Sales".into());
    dup_value.introduced_by = Some(keep.id);
    let mut dup = store
        .create_person(&dup_value, day("2026-01-06"))
        .await
        .unwrap();
    // A change of the duplicate's stance moves with them; their first stance, recorded
    // when they were added, does not: the person kept has one.
    dup.value.stance = fanclub_core::Stance::Supporter;
    let dup = store.update_person(&dup, day("2026-01-20")).await.unwrap();
    let third = store
        .create_person(&person("Lee Park", 3, 3), day("2026-01-05"))
        .await
        .unwrap();
    let mut introduced = person("Rita Ora", 2, 2);
    introduced.introduced_by = Some(dup.id);
    let rita = store
        .create_person(&introduced, day("2026-01-05"))
        .await
        .unwrap();

    let shared = store
        .create_interaction(&meeting("2026-02-01", "Pricing review", &[keep.id, dup.id]))
        .await
        .unwrap();
    let own = store
        .create_interaction(&meeting("2026-02-10", "Coffee", &[dup.id]))
        .await
        .unwrap();
    let s = Strength::new(3).unwrap();
    for (a, b) in [
        (keep.id, third.id),
        (dup.id, third.id),
        (keep.id, dup.id),
        (dup.id, rita.id),
    ] {
        store
            .create_connection(&Connection {
                a,
                b,
                strength: s,
                note: None,
            })
            .await
            .unwrap();
    }
    let room = store
        .create_decision(&Decision {
            title: title("Promotion"),
            kind: DecisionKind::Promotion,
            on: day("2026-06-30"),
            notes: None,
            room: vec![
                Seat {
                    person: keep.id,
                    role: RoomRole::Voice,
                },
                Seat {
                    person: dup.id,
                    role: RoomRole::Decider,
                },
            ],
        })
        .await
        .unwrap();

    let merge = store.merge_people(keep.id, dup.id).await.unwrap();
    assert_eq!(merge.interactions_shared, 1);
    assert_eq!(merge.interactions_moved, 1);
    assert_eq!((merge.connections_moved, merge.connections_dropped), (1, 2));
    assert_eq!((merge.room_seats_moved, merge.room_seats_dropped), (0, 1));
    assert_eq!(merge.stance_changes_moved, 1);
    assert_eq!(merge.introductions_moved, 1);
    assert!(merge.fields_filled.contains(&"title"));
    assert!(merge.fields_filled.contains(&"emails"));

    assert!(
        store.get_person(dup.id).await.is_err(),
        "the duplicate is gone"
    );
    let kept = store.get_person(keep.id).await.unwrap();
    assert_eq!(kept.title.as_deref(), Some("Head of Sales"));
    assert_eq!(kept.introduced_by, None, "nobody introduces themselves");
    assert_eq!(kept.emails.len(), 2);
    assert_eq!(
        store.get_person(rita.id).await.unwrap().introduced_by,
        Some(keep.id)
    );
    assert_eq!(
        store.get_interaction(shared.id).await.unwrap().people,
        vec![keep.id]
    );
    assert_eq!(
        store.get_interaction(own.id).await.unwrap().people,
        vec![keep.id]
    );
    let with_keep = store
        .list_interactions(&InteractionFilter {
            person: Some(keep.id),
            ..InteractionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(with_keep.len(), 2);
    let last = store.last_contacts().await.unwrap();
    let k = last.iter().find(|l| l.person == keep.id).unwrap();
    assert_eq!((k.on, k.count), (day("2026-02-10"), 2));
    let mut pairs: Vec<(i64, i64)> = store
        .list_connections()
        .await
        .unwrap()
        .iter()
        .filter(|c| c.a == keep.id || c.b == keep.id)
        .map(|c| (c.a.get(), c.b.get()))
        .collect();
    pairs.sort();
    let mut expected = vec![
        (
            keep.id.get().min(third.id.get()),
            keep.id.get().max(third.id.get()),
        ),
        (
            keep.id.get().min(rita.id.get()),
            keep.id.get().max(rita.id.get()),
        ),
    ];
    expected.sort();
    assert_eq!(pairs, expected);
    let seats = store.get_decision(room.id).await.unwrap().value.room;
    assert_eq!(seats.len(), 1);
    assert_eq!(seats[0].person, keep.id);
    let history = store.stance_history(keep.id).await.unwrap();
    let firsts = history.iter().filter(|c| c.value.from.is_none()).count();
    assert_eq!((history.len(), firsts), (2, 1), "{history:?}");
    assert!(store.merge_people(keep.id, keep.id).await.is_err());
}

/// Someone added after a calendar import joins its meeting on the next one: placed after
/// the people already there, with their last contact set, and only once.
async fn calendar_joins(store: &SqlStore) {
    let mut ann = person("Ann Cal", 3, 3);
    ann.emails = vec![Email::parse("ann@cal.example").unwrap()];
    let ann = store.create_person(&ann, day("2026-01-05")).await.unwrap();
    let attendee = |email: &str| IncomingAttendee {
        email: Email::parse(email).unwrap(),
        name: None,
        declined: false,
    };
    let event = IncomingEvent {
        at: "calendar 1, event 1".into(),
        uid: "join-1".into(),
        occurrence: None,
        summary: Some("Roadmap".into()),
        date: day("2026-02-02"),
        organizer: Some(attendee("me@cal.example")),
        attendees: vec![attendee("ann@cal.example"), attendee("ben@cal.example")],
        attendee_count: 2,
        cancelled: false,
    };
    let rules = CalendarRules {
        me: vec![Email::parse("me@cal.example").unwrap()],
        ..CalendarRules::default()
    };
    let plan = async |store: &SqlStore| {
        let imported = Imported::new(
            store.external_refs().await.unwrap(),
            store.calendar_participants().await.unwrap(),
        );
        let people = store.list_people().await.unwrap();
        plan_calendar(
            &people,
            &imported,
            std::slice::from_ref(&event),
            &rules,
            day("2026-03-01"),
        )
    };
    let first = plan(store).await;
    assert_eq!(
        store
            .apply_import(&first)
            .await
            .unwrap()
            .interactions_created,
        1
    );

    let mut ben = person("Ben Cal", 3, 3);
    ben.emails = vec![Email::parse("ben@cal.example").unwrap()];
    let ben = store.create_person(&ben, day("2026-02-20")).await.unwrap();
    let second = plan(store).await;
    assert_eq!(second.joins.len(), 1, "{second:#?}");
    let summary = store.apply_import(&second).await.unwrap();
    assert_eq!(
        (summary.interactions_created, summary.people_joined),
        (0, 1)
    );
    let with_ben = store
        .list_interactions(&InteractionFilter {
            person: Some(ben.id),
            ..InteractionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(with_ben.len(), 1);
    assert_eq!(with_ben[0].people, vec![ann.id, ben.id]);
    let last = store.last_contacts().await.unwrap();
    let b = last.iter().find(|l| l.person == ben.id).unwrap();
    assert_eq!((b.on, b.count), (day("2026-02-02"), 1));
    assert!(plan(store).await.writes_nothing());
}

#[tokio::test]
async fn imports_and_merges_on_every_backend() {
    for (name, store) in fanclub_testkit::every_backend().await {
        imports(&store).await;
        calendar_joins(&store).await;
        merges(&store).await;
        eprintln!("imports and merges: {name} ok");
        store.cleanup().await;
    }
}

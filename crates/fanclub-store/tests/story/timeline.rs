//! Connections and interactions: who knows whom, the dated contacts, the filters, and the
//! last contact per person as the database aggregates it.

use fanclub_core::{
    Connection, CoreError, Day, InteractionFilter, InteractionId, InteractionKind, PersonId, Store,
    Strength,
};
use fanclub_store::SqlStore;

use crate::story::fixtures::{
    Cast, assert_conflict, assert_invalid, assert_not_found, day, meeting, title,
};

fn strength(n: i64) -> Strength {
    Strength::new(n).unwrap()
}

async fn connections(store: &SqlStore, cast: &Cast) {
    // Given the wrong way round, stored the canonical way.
    let c = Connection {
        a: cast.omar,
        b: cast.dana,
        strength: strength(2),
        note: None,
    };
    let first = store.create_connection(&c).await.unwrap();
    assert_eq!(
        (first.a, first.b),
        (cast.dana.min(cast.omar), cast.dana.max(cast.omar))
    );
    assert_eq!(store.get_connection(first.id).await.unwrap(), first);

    // (b, a) is the same connection as (a, b).
    let reversed = Connection {
        a: cast.dana,
        b: cast.omar,
        strength: strength(5),
        note: None,
    };
    assert_conflict(
        store.create_connection(&reversed).await,
        &["already connected"],
    );
    let myself = Connection {
        a: cast.dana,
        b: cast.dana,
        strength: strength(1),
        note: None,
    };
    assert_invalid(store.create_connection(&myself).await, "connection");
    let nowhere = Connection {
        a: cast.dana,
        b: PersonId::from_raw(999_999),
        strength: strength(1),
        note: None,
    };
    assert_not_found(store.create_connection(&nowhere).await, "person", "999999");

    let mut closer = first.clone();
    closer.strength = strength(4);
    closer.note = Some("Worked together on pricing".into());
    assert_eq!(store.update_connection(&closer).await.unwrap(), closer);
    assert_eq!(store.get_connection(first.id).await.unwrap(), closer);

    let second = store
        .create_connection(&Connection {
            a: cast.ana,
            b: cast.dana,
            strength: strength(1),
            note: None,
        })
        .await
        .unwrap();
    // Moving a connection onto a pair that is already connected is refused too.
    let mut clash = second.clone();
    (clash.a, clash.b) = (cast.omar, cast.dana);
    assert_conflict(
        store.update_connection(&clash).await,
        &["already connected"],
    );
    assert_eq!(
        store.list_connections().await.unwrap(),
        [closer.clone(), second.clone()]
    );
    // One person's connections, whichever end of the pair they are stored as.
    assert_eq!(
        store.connections_of(cast.dana).await.unwrap(),
        [closer.clone(), second.clone()]
    );
    assert_eq!(
        store.connections_of(cast.ana).await.unwrap(),
        std::slice::from_ref(&second)
    );
    assert_eq!(
        store.connections_of(cast.omar).await.unwrap(),
        std::slice::from_ref(&closer)
    );
    assert_not_found(
        store.connections_of(PersonId::from_raw(999_999)).await,
        "person",
        "999999",
    );
    store.delete_connection(second.id).await.unwrap();
    assert_not_found(
        store.get_connection(second.id).await,
        "connection",
        &second.id.to_string(),
    );
    assert_not_found(
        store.delete_connection(second.id).await,
        "connection",
        &second.id.to_string(),
    );
    assert_eq!(store.list_connections().await.unwrap(), [closer]);
}

fn ids(list: &[fanclub_core::Record<fanclub_core::Interaction>]) -> Vec<InteractionId> {
    list.iter().map(|i| i.id).collect()
}

async fn listed(store: &SqlStore, f: InteractionFilter) -> Vec<InteractionId> {
    ids(&store.list_interactions(&f).await.unwrap())
}

async fn last_contact(store: &SqlStore, person: PersonId) -> Option<(Day, u64)> {
    store
        .last_contacts()
        .await
        .unwrap()
        .iter()
        .find(|c| c.person == person)
        .map(|c| (c.on, c.count))
}

/// Returns the interaction that carries a follow-up (the records chapter points evidence
/// at it).
pub async fn chapter(store: &SqlStore, cast: &Cast) -> InteractionId {
    connections(store, cast).await;

    let i1 = store
        .create_interaction(&meeting("2026-01-15", "Planning", &[cast.dana, cast.omar]))
        .await
        .unwrap();
    let mut coffee = meeting("2026-02-03", "Coffee", &[cast.omar]);
    coffee.kind = InteractionKind::Coffee;
    let i2 = store.create_interaction(&coffee).await.unwrap();
    let mut one_on_one = meeting("2026-02-20", "Skip-level 1:1", &[cast.dana]);
    one_on_one.kind = InteractionKind::OneOnOne;
    one_on_one.notes = Some("Talked about the pricing bet".into());
    one_on_one.learned = Some("Her OKR is net revenue retention".into());
    one_on_one.follow_up = Some("Send the churn analysis".into());
    one_on_one.follow_up_due = Some(day("2026-02-27"));
    one_on_one.external_ref = Some("ics:abc@example.com/2026-02-20".into());
    let i3 = store.create_interaction(&one_on_one).await.unwrap();
    // Same day as i1, people in a deliberate order that is not by id.
    let i4 = store
        .create_interaction(&meeting("2026-01-15", "Demo", &[cast.ana, cast.dana]))
        .await
        .unwrap();
    assert_eq!(store.get_interaction(i3.id).await.unwrap(), i3);
    assert_eq!(
        store.get_interaction(i4.id).await.unwrap().people,
        [cast.ana, cast.dana]
    );

    // Newest first; same day, later id first.
    let all = InteractionFilter::default();
    assert_eq!(
        listed(store, all.clone()).await,
        [i3.id, i2.id, i4.id, i1.id]
    );
    assert_eq!(store.list_interactions(&all).await.unwrap()[0], i3);
    let of_dana = InteractionFilter {
        person: Some(cast.dana),
        ..all.clone()
    };
    assert_eq!(listed(store, of_dana.clone()).await, [i3.id, i4.id, i1.id]);
    let dana_since = InteractionFilter {
        since: Some(day("2026-01-16")),
        ..of_dana.clone()
    };
    assert_eq!(listed(store, dana_since).await, [i3.id]);
    let until = InteractionFilter {
        until: Some(day("2026-02-03")),
        ..all.clone()
    };
    assert_eq!(listed(store, until).await, [i2.id, i4.id, i1.id]);
    let window = InteractionFilter {
        since: Some(day("2026-01-20")),
        until: Some(day("2026-02-28")),
        limit: Some(1),
        ..all.clone()
    };
    assert_eq!(listed(store, window).await, [i3.id]);
    let omar_last = InteractionFilter {
        person: Some(cast.omar),
        limit: Some(1),
        ..all.clone()
    };
    let got = store.list_interactions(&omar_last).await.unwrap();
    assert_eq!(got, std::slice::from_ref(&i2));
    let nobody_yet = InteractionFilter {
        person: Some(cast.lee),
        ..all.clone()
    };
    assert!(listed(store, nobody_yet).await.is_empty());

    // The database aggregates the last contact and the count per person.
    assert_eq!(
        last_contact(store, cast.dana).await,
        Some((day("2026-02-20"), 3))
    );
    assert_eq!(
        last_contact(store, cast.omar).await,
        Some((day("2026-02-03"), 2))
    );
    assert_eq!(
        last_contact(store, cast.ana).await,
        Some((day("2026-01-15"), 1))
    );
    assert_eq!(last_contact(store, cast.lee).await, None);

    // Refused, with nothing written: a second copy of an imported event, a person from
    // nowhere, nobody at all.
    let before = store.counts().await.unwrap();
    let mut again = meeting("2026-02-21", "Duplicate import", &[cast.omar]);
    again.external_ref = one_on_one.external_ref.clone();
    assert_conflict(
        store.create_interaction(&again).await,
        &["ics:abc@example.com/2026-02-20"],
    );
    let stranger = meeting(
        "2026-02-21",
        "With a stranger",
        &[cast.dana, PersonId::from_raw(999_999)],
    );
    assert_not_found(
        store.create_interaction(&stranger).await,
        "person",
        "999999",
    );
    let empty = meeting("2026-02-21", "Alone", &[]);
    assert!(matches!(
        store.create_interaction(&empty).await,
        Err(CoreError::Invalid { .. })
    ));
    assert_eq!(store.counts().await.unwrap(), before);
    assert_eq!(
        last_contact(store, cast.dana).await,
        Some((day("2026-02-20"), 3))
    );

    // An update moves the date and the people, and the clocks follow.
    let mut moved = i2.clone();
    moved.on = day("2026-03-01");
    moved.people = vec![cast.omar, cast.dana];
    moved.summary = title("Coffee, rescheduled");
    moved.follow_up = Some("Intro to the data team".into());
    moved.follow_up_done = true;
    assert_eq!(store.update_interaction(&moved).await.unwrap(), moved);
    assert_eq!(store.get_interaction(i2.id).await.unwrap(), moved);
    assert_eq!(
        last_contact(store, cast.dana).await,
        Some((day("2026-03-01"), 4))
    );
    assert_eq!(
        last_contact(store, cast.omar).await,
        Some((day("2026-03-01"), 2))
    );
    // Dropping someone from an interaction winds their clock back, and adding them again
    // restores it: the per-person summary follows every change.
    let mut without_omar = moved.clone();
    without_omar.people = vec![cast.dana];
    store.update_interaction(&without_omar).await.unwrap();
    let (on, count) = last_contact(store, cast.omar).await.unwrap();
    assert!(on < day("2026-03-01") && count == 1, "{on} {count}");
    store.update_interaction(&moved).await.unwrap();
    assert_eq!(
        last_contact(store, cast.omar).await,
        Some((day("2026-03-01"), 2))
    );
    let mut copied = moved.clone();
    copied.external_ref = one_on_one.external_ref.clone();
    assert_conflict(
        store.update_interaction(&copied).await,
        &["ics:abc@example.com/2026-02-20"],
    );
    let mut stray = moved.clone();
    stray.people.push(PersonId::from_raw(999_999));
    assert_not_found(store.update_interaction(&stray).await, "person", "999999");
    assert_eq!(store.get_interaction(i2.id).await.unwrap(), moved);
    let mut missing = moved.clone();
    missing.id = InteractionId::from_raw(999_999);
    assert_not_found(
        store.update_interaction(&missing).await,
        "interaction",
        "999999",
    );
    assert_not_found(
        store
            .get_interaction(InteractionId::from_raw(999_999))
            .await,
        "interaction",
        "999999",
    );
    i3.id
}

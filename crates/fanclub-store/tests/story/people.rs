//! People: create, read, list, update with stance history, handle uniqueness, bad
//! references; and, once everything else exists, deleting a person.

use fanclub_core::{
    CadenceDays, Circle, Connection, CoreError, Email, Evidence, EvidenceSource, EvidenceStrength,
    Opportunity, OpportunityKind, OpportunityStatus, PerceptionCheck, PerceptionStatus, PersonId,
    Relation, RoomRole, Seat, Share, Stance, Store, Strength, TrackKey, Trust, TrustFactor,
};
use fanclub_store::SqlStore;

use crate::story::fixtures::{
    Cast, assert_conflict, assert_not_found, day, handle, meeting, person, title,
};

fn factor(n: i64) -> TrustFactor {
    TrustFactor::new(n).expect("1..=10")
}

pub async fn chapter(store: &SqlStore) -> Cast {
    assert!(
        store.counts().await.unwrap().is_empty(),
        "a new store is empty"
    );
    assert!(store.list_people().await.unwrap().is_empty());

    // Dana, with every field set: what goes in comes back.
    let mut dana = person("Dana Kim", 5, 4);
    dana.emails
        .push(Email::parse("Dana.Kim@Corp.example").unwrap());
    dana.phones = vec!["+44 20 7946 0000".into()];
    dana.links = vec![
        "https://www.linkedin.com/in/danakim".into(),
        "https://dana.example".into(),
    ];
    dana.organisation = Some("Acme".into());
    dana.title = Some("Director of Product".into());
    dana.team = Some("Growth".into());
    dana.circle = Circle::Company;
    dana.relation = Relation::SkipLevel;
    dana.stance = Stance::Aware;
    dana.trust = Some(Trust {
        credibility: factor(7),
        reliability: factor(8),
        intimacy: factor(4),
        self_orientation: factor(3),
    });
    dana.goals = Some("Ship the pricing overhaul".into());
    dana.struggles = Some("Too many escalations".into());
    dana.interests = Some("Climbing".into());
    dana.how_met = Some("Quarterly planning".into());
    dana.cadence = Some(CadenceDays::new(21).unwrap());
    dana.birthday = Some("--02-29".into());
    dana.notes = Some("Prefers written pre-reads".into());
    let dana_rec = store.create_person(&dana, day("2026-01-05")).await.unwrap();
    assert!(dana_rec.id.get() > 0);
    assert_eq!(dana_rec.value, dana);
    assert_eq!(store.get_person(dana_rec.id).await.unwrap(), dana_rec);

    // Creating a person records their first stance on `since`.
    let history = store.stance_history(dana_rec.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (
            history[0].person,
            history[0].from,
            history[0].to,
            history[0].on
        ),
        (dana_rec.id, None, Stance::Aware, day("2026-01-05"))
    );

    let mut omar = person("Omar Haddad", 3, 5);
    omar.stance = Stance::Supporter;
    omar.introduced_by = Some(dana_rec.id);
    let omar_rec = store.create_person(&omar, day("2026-01-10")).await.unwrap();
    assert_eq!(
        store.get_person(omar_rec.id).await.unwrap().introduced_by,
        Some(dana_rec.id)
    );
    let lee = store
        .create_person(&person("lee Park", 2, 2), day("2026-01-03"))
        .await
        .unwrap();
    let ana = store
        .create_person(&person("Ana Souza", 4, 2), day("2026-01-04"))
        .await
        .unwrap();

    // By name, whatever the case, the same on both databases.
    let names: Vec<String> = store
        .list_people()
        .await
        .unwrap()
        .iter()
        .map(|p| p.name.to_string())
        .collect();
    assert_eq!(names, ["Ana Souza", "Dana Kim", "lee Park", "Omar Haddad"]);

    // Handles are unique per account, on create and on update; nothing is written.
    let before = store.counts().await.unwrap();
    let twin = store
        .create_person(&person("Dana Kim", 1, 1), day("2026-01-06"))
        .await;
    assert_conflict(twin, &["dana-kim", "--handle"]);
    let mut renamed = omar_rec.clone();
    renamed.handle = handle("dana-kim");
    assert_conflict(
        store.update_person(&renamed, day("2026-01-06")).await,
        &["dana-kim", "--handle"],
    );
    assert_eq!(store.counts().await.unwrap(), before);
    assert_eq!(store.get_person(omar_rec.id).await.unwrap(), omar_rec);

    // An update that changes the stance appends to the history.
    let mut promoted = dana_rec.clone();
    promoted.stance = Stance::Advocate;
    promoted.title = Some("VP Product".into());
    promoted.emails.truncate(1);
    promoted.trust = None;
    assert_eq!(
        store
            .update_person(&promoted, day("2026-02-01"))
            .await
            .unwrap(),
        promoted
    );
    assert_eq!(store.get_person(dana_rec.id).await.unwrap(), promoted);
    let history = store.stance_history(dana_rec.id).await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (history[1].from, history[1].to, history[1].on),
        (Some(Stance::Aware), Stance::Advocate, day("2026-02-01"))
    );
    assert!(history[1].is_upgrade());

    // An update that keeps the stance does not.
    let mut noted = promoted.clone();
    noted.notes = Some("Asked for the churn numbers".into());
    store
        .update_person(&noted, day("2026-02-02"))
        .await
        .unwrap();
    assert_eq!(store.stance_history(dana_rec.id).await.unwrap().len(), 2);

    // Every change since a day, oldest first.
    let since: Vec<(PersonId, Stance)> = store
        .stance_changes_since(day("2026-01-06"))
        .await
        .unwrap()
        .iter()
        .map(|c| (c.person, c.to))
        .collect();
    assert_eq!(
        since,
        [
            (omar_rec.id, Stance::Supporter),
            (dana_rec.id, Stance::Advocate)
        ]
    );

    // References that point nowhere are refused, and nothing is written.
    let before = store.counts().await.unwrap();
    let mut stranger = person("Zoe Quinn", 3, 3);
    stranger.introduced_by = Some(PersonId::from_raw(999_999));
    assert_not_found(
        store.create_person(&stranger, day("2026-01-07")).await,
        "person",
        "999999",
    );
    assert_eq!(store.counts().await.unwrap(), before);
    let mut itself = omar_rec.clone();
    itself.introduced_by = Some(omar_rec.id);
    assert_conflict(
        store.update_person(&itself, day("2026-01-07")).await,
        &["introduced"],
    );
    let mut ghost = omar_rec.clone();
    ghost.id = PersonId::from_raw(999_998);
    assert_not_found(
        store.update_person(&ghost, day("2026-01-07")).await,
        "person",
        "999998",
    );
    assert_not_found(
        store.get_person(PersonId::from_raw(999_997)).await,
        "person",
        "999997",
    );
    assert_not_found(
        store.stance_history(PersonId::from_raw(999_997)).await,
        "person",
        "999997",
    );
    let mut invalid = person("Bad Birthday", 3, 3);
    invalid.birthday = Some("--13-40".into());
    assert!(matches!(
        store.create_person(&invalid, day("2026-01-07")).await,
        Err(CoreError::Invalid { .. })
    ));
    assert_eq!(store.counts().await.unwrap(), before);

    Cast {
        dana: dana_rec.id,
        omar: omar_rec.id,
        lee: lee.id,
        ana: ana.id,
    }
}

/// Sam touches every kind of record; deleting Sam removes what is only about them and
/// detaches the rest, and says how much of each.
pub async fn deletion_chapter(store: &SqlStore, cast: &Cast) {
    let mut sam = person("Sam Rivera", 3, 3);
    sam.introduced_by = Some(cast.lee);
    let sam = store.create_person(&sam, day("2026-01-01")).await.unwrap();
    let mut warmer = sam.clone();
    warmer.stance = Stance::Supporter;
    store
        .update_person(&warmer, day("2026-03-02"))
        .await
        .unwrap();
    let strength = Strength::new(3).unwrap();
    for other in [cast.dana, cast.omar] {
        let c = Connection {
            a: sam.id,
            b: other,
            strength,
            note: None,
        };
        store.create_connection(&c).await.unwrap();
    }
    let solo = store
        .create_interaction(&meeting("2026-03-05", "Coffee with Sam", &[sam.id]))
        .await
        .unwrap();
    let shared = store
        .create_interaction(&meeting(
            "2026-03-06",
            "Roadmap review",
            &[sam.id, cast.dana],
        ))
        .await
        .unwrap();
    let wins = store.list_wins().await.unwrap();
    let win = wins.first().expect("the records chapter left a win");
    let share = Share {
        person: sam.id,
        on: win.on.plus_days(1),
        channel: fanclub_core::Channel::Chat,
    };
    store.add_share(win.id, &share).await.unwrap();
    let d = store
        .list_decisions()
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("a decision is left");
    let mut seated = d.clone();
    seated.room.push(Seat {
        person: sam.id,
        role: RoomRole::Voice,
    });
    store.update_decision(&seated).await.unwrap();
    let check = PerceptionCheck {
        person: sam.id,
        on: day("2026-03-07"),
        description: "Thinks I run the release train".into(),
        gap: Some("Does not see the discovery work".into()),
        remedy: None,
        status: PerceptionStatus::Open,
    };
    store.create_perception(&check).await.unwrap();
    let evidence = |person, interaction| Evidence {
        on: day("2026-03-08"),
        track: TrackKey::parse("buy-in").unwrap(),
        strength: EvidenceStrength::Witnessed,
        source: EvidenceSource::Interaction,
        summary: title("Sam saw the alignment session"),
        quote: None,
        person: Some(person),
        win: None,
        interaction,
    };
    let witnessed = store
        .create_evidence(&evidence(sam.id, None))
        .await
        .unwrap();
    let from_solo = store
        .create_evidence(&evidence(cast.dana, Some(solo.id)))
        .await
        .unwrap();
    let opportunity = Opportunity {
        title: title("Lead the pricing guild"),
        kind: OpportunityKind::Committee,
        on: day("2026-03-09"),
        sponsor: Some(sam.id),
        status: OpportunityStatus::Offered,
        tracks: vec![],
        notes: None,
    };
    let opportunity = store.create_opportunity(&opportunity).await.unwrap();
    let mut ana = store.get_person(cast.ana).await.unwrap();
    ana.introduced_by = Some(sam.id);
    store.update_person(&ana, day("2026-03-09")).await.unwrap();

    let report = store.delete_person(sam.id).await.unwrap();
    assert_eq!(
        report,
        fanclub_core::PersonDeletion {
            stance_changes_removed: 2,
            connections_removed: 2,
            interactions_removed: 1,
            interactions_detached: 1,
            shares_removed: 1,
            room_seats_removed: 1,
            perception_checks_removed: 1,
            evidence_detached: 2,
            opportunities_detached: 1,
            introductions_detached: 1,
        }
    );
    assert_not_found(
        store.get_person(sam.id).await,
        "person",
        &sam.id.to_string(),
    );
    assert_not_found(
        store.delete_person(sam.id).await,
        "person",
        &sam.id.to_string(),
    );
    assert_not_found(
        store.get_interaction(solo.id).await,
        "interaction",
        &solo.id.to_string(),
    );
    assert_eq!(
        store.get_interaction(shared.id).await.unwrap().people,
        [cast.dana]
    );
    let witnessed = store.get_evidence(witnessed.id).await.unwrap();
    assert_eq!(
        (witnessed.person, witnessed.strength),
        (None, EvidenceStrength::Claimed)
    );
    // What is left still validates, so the workspace exports and imports whole.
    witnessed
        .validate(&store.get_framework().await.unwrap())
        .unwrap();
    assert_eq!(
        from_solo_strength(store, from_solo.id).await,
        EvidenceStrength::Witnessed
    );
    let from_solo = store.get_evidence(from_solo.id).await.unwrap();
    assert_eq!(
        (from_solo.interaction, from_solo.person),
        (None, Some(cast.dana))
    );
    assert_eq!(
        store.get_opportunity(opportunity.id).await.unwrap().sponsor,
        None
    );
    assert_eq!(
        store.get_person(cast.ana).await.unwrap().introduced_by,
        None
    );
    assert_eq!(store.get_decision(d.id).await.unwrap(), d);
    assert!(!store.get_win(win.id).await.unwrap().known_by(sam.id));
    assert!(
        store
            .list_connections()
            .await
            .unwrap()
            .iter()
            .all(|c| c.other(sam.id).is_none())
    );
    assert!(
        store
            .last_contacts()
            .await
            .unwrap()
            .iter()
            .all(|c| c.person != sam.id)
    );
    assert!(
        store
            .list_perceptions()
            .await
            .unwrap()
            .iter()
            .all(|p| p.person != sam.id)
    );
    // Lee introduced Sam: deleting Sam leaves Lee alone.
    assert!(store.get_person(cast.lee).await.is_ok());
}

async fn from_solo_strength(store: &SqlStore, id: fanclub_core::EvidenceId) -> EvidenceStrength {
    store.get_evidence(id).await.unwrap().strength
}

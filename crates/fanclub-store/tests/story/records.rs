//! Goals, wins and shares, the framework, evidence, perception checks, opportunities,
//! decisions, weekly reviews and settings.

use fanclub_core::{
    Channel, Commitment, CoreError, Decision, DecisionId, DecisionKind, Evidence, EvidenceId,
    EvidenceSource, EvidenceStrength, Framework, Goal, GoalId, Impact, InteractionId, IsoWeek,
    Level, Opportunity, OpportunityId, OpportunityKind, OpportunityStatus, PerceptionCheck,
    PerceptionId, PerceptionStatus, PersonId, Quadrant, RoomRole, Seat, Settings, Share, Store,
    TrackKey, WeeklyReview, Win, WinId, WinKind,
};
use fanclub_store::SqlStore;
use serde_json::json;

use crate::story::fixtures::{Cast, assert_invalid, assert_not_found, day, title};

fn track(s: &str) -> TrackKey {
    TrackKey::parse(s).unwrap()
}

/// The default framework until one is saved; the saved one after.
async fn framework(store: &SqlStore) -> Framework {
    assert_eq!(
        store.get_framework().await.unwrap(),
        Framework::default_leadership()
    );
    let mut mine = Framework::default_leadership();
    mine.name = "Acme product ladder".into();
    let mut storytelling = mine.tracks[0].clone();
    storytelling.key = track("storytelling");
    storytelling.name = "Storytelling".into();
    storytelling.target = Level::new(4).unwrap();
    mine.tracks.push(storytelling);
    store.save_framework(&mine).await.unwrap();
    assert_eq!(store.get_framework().await.unwrap(), mine);
    let broken = Framework {
        name: "Empty".into(),
        tracks: vec![],
    };
    assert_invalid(store.save_framework(&broken).await, "tracks");
    assert_eq!(store.get_framework().await.unwrap(), mine);
    mine
}

async fn goals_and_wins(store: &SqlStore, cast: &Cast) -> (GoalId, GoalId, WinId, WinId) {
    let growth = Goal {
        title: title("Grow net revenue retention to 110%"),
        period: Some("2026".into()),
        description: None,
    };
    let g1 = store.create_goal(&growth).await.unwrap();
    let g2 = store
        .create_goal(&Goal {
            title: title("Cut onboarding time"),
            period: None,
            description: Some("Halve it".into()),
        })
        .await
        .unwrap();
    assert_eq!(store.get_goal(g1.id).await.unwrap(), g1);
    let mut g2b = g2.clone();
    g2b.period = Some("2026-H2".into());
    assert_eq!(store.update_goal(&g2b).await.unwrap(), g2b);
    assert_eq!(store.list_goals().await.unwrap(), [g1.clone(), g2b.clone()]);
    let mut ghost = g2b.clone();
    ghost.id = GoalId::from_raw(999_999);
    assert_not_found(store.update_goal(&ghost).await, "goal", "999999");

    let mut release = Win::new(
        day("2026-02-10"),
        title("Usage-based pricing launched"),
        WinKind::Release,
    );
    release.description = Some("Shipped to every new account".into());
    release.impact = Some(Impact {
        metric: "activation rate".into(),
        before: Some("31%".into()),
        after: Some("38%".into()),
    });
    release.goals = vec![g2.id, g1.id];
    release.tracks = vec![track("strategy"), track("buy-in")];
    release.links = vec!["https://dash.example/pricing".into()];
    release.shares = vec![Share {
        person: cast.omar,
        on: day("2026-02-11"),
        channel: Channel::Email,
    }];
    let w1 = store.create_win(&release).await.unwrap();
    assert_eq!(store.get_win(w1.id).await.unwrap(), w1);
    let talk = Win {
        goals: vec![g1.id],
        ..Win::new(day("2026-03-01"), title("Meetup talk"), WinKind::Talk)
    };
    let w2 = store.create_win(&talk).await.unwrap();
    assert_eq!(store.list_wins().await.unwrap(), [w2.clone(), w1.clone()]);

    // Shares: appended in order; not before the win; only of real wins and people.
    let told = Share {
        person: cast.dana,
        on: day("2026-02-15"),
        channel: Channel::OneOnOne,
    };
    let shared = store.add_share(w1.id, &told).await.unwrap();
    assert_eq!(shared.shares, [release.shares[0].clone(), told.clone()]);
    assert_eq!(store.get_win(w1.id).await.unwrap(), shared);
    let early = Share {
        on: day("2026-02-01"),
        ..told.clone()
    };
    assert_invalid(store.add_share(w1.id, &early).await, "shares");
    assert_not_found(
        store.add_share(WinId::from_raw(999_999), &told).await,
        "win",
        "999999",
    );
    let stranger = Share {
        person: PersonId::from_raw(999_999),
        ..told.clone()
    };
    assert_not_found(store.add_share(w1.id, &stranger).await, "person", "999999");
    assert_eq!(store.get_win(w1.id).await.unwrap().shares.len(), 2);

    let before = store.counts().await.unwrap();
    let orphan = Win {
        goals: vec![GoalId::from_raw(999_999)],
        ..talk.clone()
    };
    assert_not_found(store.create_win(&orphan).await, "goal", "999999");
    assert_eq!(store.counts().await.unwrap(), before);

    let mut w2b = w2.clone();
    w2b.title = title("Meetup talk: pricing lessons");
    w2b.goals = vec![g2.id];
    w2b.shares = vec![Share {
        person: cast.ana,
        on: day("2026-03-02"),
        channel: Channel::Presentation,
    }];
    assert_eq!(store.update_win(&w2b).await.unwrap(), w2b);
    assert_eq!(store.get_win(w2.id).await.unwrap(), w2b);

    // Deleting a goal unlinks it from its wins.
    store.delete_goal(g1.id).await.unwrap();
    assert_not_found(store.get_goal(g1.id).await, "goal", &g1.id.to_string());
    assert_eq!(store.get_win(w1.id).await.unwrap().goals, [g2.id]);
    assert_not_found(store.delete_goal(g1.id).await, "goal", &g1.id.to_string());
    (g1.id, g2.id, w1.id, w2.id)
}

fn evidence(on: &str, key: &str, strength: EvidenceStrength) -> Evidence {
    Evidence {
        on: day(on),
        track: track(key),
        strength,
        source: EvidenceSource::Win,
        summary: title("Proof"),
        quote: None,
        person: None,
        win: None,
        interaction: None,
    }
}

async fn evidence_chapter(
    store: &SqlStore,
    cast: &Cast,
    w1: WinId,
    followed_up: InteractionId,
) -> EvidenceId {
    let witnessed = Evidence {
        person: Some(cast.omar),
        win: Some(w1),
        ..evidence("2026-02-12", "strategy", EvidenceStrength::Witnessed)
    };
    let e1 = store.create_evidence(&witnessed).await.unwrap();
    let endorsed = Evidence {
        person: Some(cast.dana),
        quote: Some("She brought the whole org along".into()),
        interaction: Some(followed_up),
        source: EvidenceSource::Feedback,
        ..evidence("2026-02-21", "buy-in", EvidenceStrength::Endorsed)
    };
    let e2 = store.create_evidence(&endorsed).await.unwrap();
    // A track of the saved framework, not of the default one.
    let e3 = store
        .create_evidence(&evidence(
            "2026-01-20",
            "storytelling",
            EvidenceStrength::Claimed,
        ))
        .await
        .unwrap();
    assert_eq!(store.get_evidence(e2.id).await.unwrap(), e2);
    assert_eq!(
        store.list_evidence().await.unwrap(),
        [e2.clone(), e1.clone(), e3.clone()]
    );

    let before = store.counts().await.unwrap();
    assert_invalid(
        store
            .create_evidence(&evidence(
                "2026-02-01",
                "juggling",
                EvidenceStrength::Claimed,
            ))
            .await,
        "track",
    );
    assert_invalid(
        store
            .create_evidence(&evidence(
                "2026-02-01",
                "domain",
                EvidenceStrength::Witnessed,
            ))
            .await,
        "person",
    );
    let lost = Evidence {
        win: Some(WinId::from_raw(999_999)),
        ..evidence("2026-02-01", "domain", EvidenceStrength::Claimed)
    };
    assert_not_found(store.create_evidence(&lost).await, "win", "999999");
    let lost = Evidence {
        interaction: Some(InteractionId::from_raw(999_999)),
        ..lost
    };
    assert_not_found(
        store.create_evidence(&Evidence { win: None, ..lost }).await,
        "interaction",
        "999999",
    );
    assert_eq!(store.counts().await.unwrap(), before);

    let mut e3b = e3.clone();
    e3b.summary = title("Told the pricing story at the all-hands");
    e3b.person = Some(cast.ana);
    e3b.strength = EvidenceStrength::Witnessed;
    assert_eq!(store.update_evidence(&e3b).await.unwrap(), e3b);
    assert_eq!(store.get_evidence(e3.id).await.unwrap(), e3b);
    store.delete_evidence(e3.id).await.unwrap();
    assert_not_found(
        store.get_evidence(e3.id).await,
        "evidence",
        &e3.id.to_string(),
    );
    assert_not_found(
        store.delete_evidence(e3.id).await,
        "evidence",
        &e3.id.to_string(),
    );

    // Deleting a win or an interaction detaches the evidence that pointed at it.
    store.delete_win(w1).await.unwrap();
    assert_not_found(store.get_win(w1).await, "win", &w1.to_string());
    assert_eq!(store.get_evidence(e1.id).await.unwrap().win, None);
    assert_eq!(store.list_wins().await.unwrap().len(), 1);
    store.delete_interaction(followed_up).await.unwrap();
    assert_not_found(
        store.get_interaction(followed_up).await,
        "interaction",
        &followed_up.to_string(),
    );
    assert_not_found(
        store.delete_interaction(followed_up).await,
        "interaction",
        &followed_up.to_string(),
    );
    assert_eq!(store.get_evidence(e2.id).await.unwrap().interaction, None);
    let dana_last = store
        .last_contacts()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.person == cast.dana)
        .unwrap();
    assert_eq!((dana_last.on, dana_last.count), (day("2026-03-01"), 3));
    e1.id
}

async fn perceptions(store: &SqlStore, cast: &Cast) -> PerceptionId {
    let check = |person, on: &str, status| PerceptionCheck {
        person,
        on: day(on),
        description: "The pricing person".into(),
        gap: Some("Misses the discovery work".into()),
        remedy: Some("Share the research digest".into()),
        status,
    };
    let p1 = store
        .create_perception(&check(cast.omar, "2026-02-05", PerceptionStatus::Open))
        .await
        .unwrap();
    let p2 = store
        .create_perception(&check(cast.dana, "2026-02-25", PerceptionStatus::Resolved))
        .await
        .unwrap();
    assert_eq!(
        store.list_perceptions().await.unwrap(),
        [p2.clone(), p1.clone()]
    );
    let mut p1b = p1.clone();
    p1b.status = PerceptionStatus::InProgress;
    p1b.remedy = None;
    assert_eq!(store.update_perception(&p1b).await.unwrap(), p1b);
    assert_eq!(store.get_perception(p1.id).await.unwrap(), p1b);
    let nowhere = check(
        PersonId::from_raw(999_999),
        "2026-02-06",
        PerceptionStatus::Open,
    );
    assert_not_found(store.create_perception(&nowhere).await, "person", "999999");
    store.delete_perception(p2.id).await.unwrap();
    assert_not_found(
        store.get_perception(p2.id).await,
        "perception check",
        &p2.id.to_string(),
    );
    assert_not_found(
        store.delete_perception(p2.id).await,
        "perception check",
        &p2.id.to_string(),
    );
    p1.id
}

async fn opportunities(store: &SqlStore, cast: &Cast) -> OpportunityId {
    let offered = Opportunity {
        title: title("Lead the packaging project"),
        kind: OpportunityKind::Project,
        on: day("2026-02-28"),
        sponsor: Some(cast.dana),
        status: OpportunityStatus::Offered,
        tracks: vec![track("strategy"), track("buy-in")],
        notes: Some("Dana put my name forward".into()),
    };
    let o1 = store.create_opportunity(&offered).await.unwrap();
    let slot = Opportunity {
        sponsor: None,
        kind: OpportunityKind::Talk,
        on: day("2026-01-30"),
        tracks: vec![],
        ..offered.clone()
    };
    let o2 = store.create_opportunity(&slot).await.unwrap();
    assert_eq!(
        store.list_opportunities().await.unwrap(),
        [o1.clone(), o2.clone()]
    );
    let mut o2b = o2.clone();
    o2b.status = OpportunityStatus::Accepted;
    o2b.sponsor = Some(cast.omar);
    assert_eq!(store.update_opportunity(&o2b).await.unwrap(), o2b);
    assert_eq!(store.get_opportunity(o2.id).await.unwrap(), o2b);
    let nowhere = Opportunity {
        sponsor: Some(PersonId::from_raw(999_999)),
        ..offered
    };
    assert_not_found(store.create_opportunity(&nowhere).await, "person", "999999");
    store.delete_opportunity(o2.id).await.unwrap();
    assert_not_found(
        store.get_opportunity(o2.id).await,
        "opportunity",
        &o2.id.to_string(),
    );
    assert_not_found(
        store.delete_opportunity(o2.id).await,
        "opportunity",
        &o2.id.to_string(),
    );
    o1.id
}

async fn decisions(store: &SqlStore, cast: &Cast) -> DecisionId {
    let seat = |person, role| Seat { person, role };
    let promotion = Decision {
        title: title("Promotion to Head of Product"),
        kind: DecisionKind::Promotion,
        on: day("2026-06-30"),
        notes: None,
        room: vec![
            seat(cast.dana, RoomRole::Decider),
            seat(cast.omar, RoomRole::Voice),
        ],
    };
    let d1 = store.create_decision(&promotion).await.unwrap();
    let staffing = Decision {
        title: title("Who leads the pricing squad"),
        kind: DecisionKind::ProjectStaffing,
        on: day("2026-04-15"),
        notes: Some("Quarterly planning".into()),
        room: vec![seat(cast.ana, RoomRole::Voice)],
    };
    let d2 = store.create_decision(&staffing).await.unwrap();
    assert_eq!(
        store.list_decisions().await.unwrap(),
        [d2.clone(), d1.clone()],
        "soonest first"
    );
    assert_eq!(store.get_decision(d1.id).await.unwrap(), d1);
    let twice = Decision {
        room: vec![
            seat(cast.ana, RoomRole::Voice),
            seat(cast.ana, RoomRole::Decider),
        ],
        ..staffing.clone()
    };
    assert_invalid(store.create_decision(&twice).await, "room");
    let nowhere = Decision {
        room: vec![seat(PersonId::from_raw(999_999), RoomRole::Voice)],
        ..staffing
    };
    assert_not_found(store.create_decision(&nowhere).await, "person", "999999");
    let mut d1b = d1.clone();
    d1b.room = vec![seat(cast.dana, RoomRole::Decider)];
    d1b.notes = Some("Calibration in June".into());
    assert_eq!(store.update_decision(&d1b).await.unwrap(), d1b);
    assert_eq!(store.get_decision(d1.id).await.unwrap(), d1b);
    store.delete_decision(d2.id).await.unwrap();
    assert_not_found(
        store.get_decision(d2.id).await,
        "decision",
        &d2.id.to_string(),
    );
    assert_not_found(
        store.delete_decision(d2.id).await,
        "decision",
        &d2.id.to_string(),
    );
    d1.id
}

async fn reviews(store: &SqlStore) {
    let week = |s: &str| IsoWeek::parse(s).unwrap();
    let review = WeeklyReview {
        week: week("2026-W08"),
        agenda: json!({"tend": [{"person": 1, "overdue": 1.5}], "risks": []}),
        last_week: vec![
            Commitment {
                text: "Send the pre-read".into(),
                kept: Some(true),
            },
            Commitment {
                text: "Book Omar".into(),
                kept: None,
            },
        ],
        wins: Some("Pricing shipped".into()),
        learned: None,
        helped: Some("Paired with a junior PM".into()),
        next_week: vec!["Share the launch numbers with Dana".into()],
        saved_on: day("2026-02-20"),
    };
    let r1 = store.save_review(&review).await.unwrap();
    assert_eq!(
        store.get_review(week("2026-W08")).await.unwrap(),
        Some(r1.clone())
    );
    // Saving the same week again replaces it and keeps its id.
    let redo = WeeklyReview {
        wins: Some("Pricing shipped, activation up".into()),
        learned: Some("Ask earlier".into()),
        ..review.clone()
    };
    let r1b = store.save_review(&redo).await.unwrap();
    assert_eq!(r1b.id, r1.id);
    assert_eq!(
        store.get_review(week("2026-W08")).await.unwrap(),
        Some(r1b.clone())
    );
    let r2 = store
        .save_review(&WeeklyReview {
            week: week("2026-W09"),
            saved_on: day("2026-02-27"),
            ..review.clone()
        })
        .await
        .unwrap();
    assert_ne!(r2.id, r1.id);
    assert_eq!(
        store.list_reviews().await.unwrap(),
        [r2.clone(), r1b.clone()],
        "newest week first"
    );
    assert_eq!(store.get_review(week("2026-W10")).await.unwrap(), None);
    let blank = WeeklyReview {
        next_week: vec!["  ".into()],
        ..review
    };
    assert_invalid(store.save_review(&blank).await, "next_week");
    store.delete_review(week("2026-W09")).await.unwrap();
    assert_eq!(store.get_review(week("2026-W09")).await.unwrap(), None);
    assert_not_found(
        store.delete_review(week("2026-W09")).await,
        "review",
        "2026-W09",
    );
    assert_eq!(store.list_reviews().await.unwrap(), [r1b]);
}

async fn settings(store: &SqlStore) {
    assert_eq!(store.get_settings().await.unwrap(), Settings::default());
    let mut mine = Settings {
        me: Some("Alex Moreau".into()),
        my_emails: Settings::parse_emails("alex@work.example, alex@home.example").unwrap(),
        target_role: Some("Head of Product".into()),
        ..Settings::default()
    };
    mine.momentum_window_days = 60;
    mine.cadence.monitor = fanclub_core::CadenceDays::new(60).unwrap();
    store.save_settings(&mine).await.unwrap();
    assert_eq!(store.get_settings().await.unwrap(), mine);
    assert_eq!(
        store
            .get_settings()
            .await
            .unwrap()
            .cadence
            .for_quadrant(Quadrant::Monitor)
            .days(),
        60
    );
}

pub async fn chapter(store: &SqlStore, cast: &Cast, followed_up: InteractionId) {
    framework(store).await;
    let (_deleted_goal, _g2, w1, _w2) = goals_and_wins(store, cast).await;
    evidence_chapter(store, cast, w1, followed_up).await;
    perceptions(store, cast).await;
    opportunities(store, cast).await;
    decisions(store, cast).await;
    reviews(store).await;
    settings(store).await;

    // What is left, kind by kind.
    let counts = store.counts().await.unwrap();
    assert_eq!(
        counts,
        fanclub_core::Counts {
            people: 4,
            connections: 1,
            interactions: 3,
            goals: 1,
            wins: 1,
            evidence: 2,
            perceptions: 1,
            opportunities: 1,
            decisions: 1,
            reviews: 1,
        }
    );
    assert!(!matches!(
        store.get_framework().await,
        Err(CoreError::Storage(_))
    ));
}

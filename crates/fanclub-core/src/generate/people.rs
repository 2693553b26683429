//! Generated people and their stance histories: influence skewed low, a manager and a
//! skip-level first, names made unique by their handles.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::{
    CadenceDays, Circle, Day, Email, Handle, Id, Influence, Interest, Name, Person, Record,
    Relation, Stance, StanceChange, Trust, TrustFactor,
};

use super::{HISTORY_DAYS, pid, weighted};

const FIRST: &[&str] = &[
    "Ada", "Bilal", "Chen", "Dara", "Elif", "Femi", "Greta", "Hamid", "Ines", "Joon", "Kaia",
    "Luca", "Maya", "Nikhil", "Olu", "Pilar", "Quinn", "Rosa", "Sami", "Tova", "Umar", "Vera",
    "Wanjiru", "Xavier", "Yara", "Zane", "Amara", "Bjorn", "Carla", "Dmitri", "Esme", "Farah",
];
const LAST: &[&str] = &[
    "Abbott",
    "Bashir",
    "Castillo",
    "Dlamini",
    "Eriksen",
    "Fujita",
    "Gomez",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindgren",
    "Mbeki",
    "Novak",
    "Ortiz",
    "Park",
    "Quispe",
    "Rahman",
    "Silva",
    "Takahashi",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhou",
    "Achebe",
    "Brennan",
];
const ORGS: &[(&str, &str)] = &[
    ("Northgate Labs", "northgate.example"),
    ("Bluefin Systems", "bluefin.example"),
    ("Cobalt Freight", "cobaltfreight.example"),
    ("Driftwood Health", "driftwood.example"),
    ("Emberline", "emberline.example"),
    ("Foxglove Retail", "foxglove.example"),
    ("Granite Payroll", "granitepayroll.example"),
    ("Helix Logistics", "helix.example"),
];
const TEAMS: &[&str] = &[
    "Product",
    "Engineering",
    "Design",
    "Sales",
    "Customer Success",
    "Finance",
    "Marketing",
    "Data",
];
const GOALS_TEXT: &[&str] = &[
    "Help the squad ship the next release on time",
    "Grow their accounts by a fifth this year",
    "Move into a leadership role",
    "Reduce escalations from enterprise customers",
];
const STRUGGLES_TEXT: &[&str] = &[
    "Too many priorities and no one to say no",
    "Learns about product changes too late",
    "Short of senior people on the team",
];

pub(super) fn people(rng: &mut ChaCha8Rng, n: usize) -> Vec<Record<Person>> {
    let score = |n: u8| Influence::new(i64::from(n)).expect("1..=5");
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let first = FIRST[rng.random_range(0..FIRST.len())];
        let last = LAST[rng.random_range(0..LAST.len())];
        let mut p = Person::new(
            Name::parse(&format!("{first} {last}")).expect("generated names are valid"),
        );
        // The suffix keeps handles unique however many share a name.
        p.handle = Handle::parse(&format!(
            "{}-{}-{}",
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase(),
            i + 1
        ))
        .expect("generated handles are valid");
        let (circle, relation) = match i {
            0 => (Circle::Team, Relation::Manager),
            1 => (Circle::Company, Relation::SkipLevel),
            _ => match weighted(
                rng,
                &[
                    (Circle::Team, 8),
                    (Circle::Company, 52),
                    (Circle::Outside, 40),
                ],
            ) {
                Circle::Team => (
                    Circle::Team,
                    weighted(
                        rng,
                        &[
                            (Relation::Peer, 40),
                            (Relation::CrossFunctional, 45),
                            (Relation::Report, 15),
                        ],
                    ),
                ),
                Circle::Company => (
                    Circle::Company,
                    weighted(
                        rng,
                        &[
                            (Relation::Peer, 30),
                            (Relation::CrossFunctional, 62),
                            (Relation::Executive, 8),
                        ],
                    ),
                ),
                Circle::Outside => (
                    Circle::Outside,
                    weighted(rng, &[(Relation::External, 95), (Relation::Mentor, 5)]),
                ),
            },
        };
        p.circle = circle;
        p.relation = relation;
        // Influence is skewed low: most people have little say over decisions about me.
        let influence = match relation {
            Relation::Manager | Relation::SkipLevel => 5,
            Relation::Executive => rng.random_range(4..=5),
            _ => weighted(rng, &[(1u8, 45), (2, 28), (3, 15), (4, 8), (5, 4)]),
        };
        p.influence = score(influence);
        let interest = if relation == Relation::Manager {
            5
        } else {
            weighted(rng, &[(1u8, 15), (2, 25), (3, 30), (4, 20), (5, 10)])
        };
        p.interest = Interest::new(i64::from(interest)).expect("1..=5");
        p.stance = match relation {
            Relation::Manager => Stance::Advocate,
            _ => weighted(
                rng,
                &[
                    (Stance::Detractor, 4),
                    (Stance::Unknown, 35),
                    (Stance::Aware, 30),
                    (Stance::Supporter, 20),
                    (Stance::Advocate, 8),
                    (Stance::Sponsor, 3),
                ],
            ),
        };
        let (org, domain) = if circle == Circle::Outside {
            ORGS[rng.random_range(0..ORGS.len())]
        } else {
            ("Harborlight", "harborlight.example")
        };
        p.organisation = Some(org.into());
        p.emails = vec![
            Email::parse(&format!("{}@{domain}", p.handle.as_str()))
                .expect("generated addresses are valid"),
        ];
        if circle != Circle::Outside {
            p.team = Some(TEAMS[rng.random_range(0..TEAMS.len())].into());
        }
        if rng.random_bool(0.2) {
            p.goals = Some(GOALS_TEXT[rng.random_range(0..GOALS_TEXT.len())].into());
            p.struggles = Some(STRUGGLES_TEXT[rng.random_range(0..STRUGGLES_TEXT.len())].into());
        }
        if influence >= 4 || rng.random_bool(0.05) {
            let f =
                |rng: &mut ChaCha8Rng| TrustFactor::new(rng.random_range(2..=9)).expect("1..=10");
            p.trust = Some(Trust {
                credibility: f(rng),
                reliability: f(rng),
                intimacy: f(rng),
                self_orientation: f(rng),
            });
        }
        if rng.random_bool(0.03) {
            p.cadence =
                Some(CadenceDays::new(rng.random_range(7..=180)).expect("7..=180 is a cadence"));
        }
        if i > 2 && rng.random_bool(0.05) {
            p.introduced_by = Some(pid(rng.random_range(0..i)));
        }
        out.push(Record::new(pid(i), p));
    }
    out
}

/// A first stance for everyone, and for some one or two later changes that end at the
/// current stance: mostly up the ladder, now and then down.
pub(super) fn stance_changes(
    rng: &mut ChaCha8Rng,
    people: &[Record<Person>],
    today: Day,
) -> Vec<Record<StanceChange>> {
    let mut out = Vec::with_capacity(people.len() * 3 / 2);
    let mut chain = Vec::with_capacity(3);
    let mut days = Vec::with_capacity(3);
    for p in people {
        chain.clear();
        chain.push(p.stance);
        let steps = weighted(rng, &[(0usize, 55), (1, 30), (2, 15)]);
        for _ in 0..steps {
            let later = chain[chain.len() - 1];
            let rung = Stance::ALL.iter().position(|s| *s == later).unwrap_or(0);
            // Walk back in time: the earlier stance was usually lower.
            let earlier = if rung > 0 && rng.random_bool(0.85) {
                Stance::ALL[rng.random_range(0..rung)]
            } else if rung + 1 < Stance::ALL.len() {
                Stance::ALL[rng.random_range(rung + 1..Stance::ALL.len())]
            } else {
                Stance::ALL[rung - 1]
            };
            chain.push(earlier);
        }
        chain.reverse();
        days.clear();
        days.extend((0..chain.len()).map(|_| rng.random_range(0..=HISTORY_DAYS)));
        days.sort_unstable_by(|a, b| b.cmp(a));
        let mut from = None;
        for (stance, d) in chain.iter().zip(&days) {
            out.push(StanceChange {
                person: p.id,
                from,
                to: *stance,
                on: today.plus_days(-d),
                note: None,
            });
            from = Some(*stance);
        }
    }
    out.sort_by_key(|c| c.on);
    out.into_iter()
        .enumerate()
        .map(|(i, c)| Record::new(Id::from_raw(i as i64 + 1), c))
        .collect()
}

//! Visibility: which key people know about each win, which do not yet, and how much of my
//! work I can tie to a business goal. A win nobody important knows about does not exist
//! for the committee.
//!
//! # Rules
//!
//! **Key people** are those on the high-influence half of the grid (manage closely or keep
//! satisfied) and anyone seated in an upcoming room. They are ranked by influence, then by
//! the soonest room they sit in, then by interest, and "still to tell" lists the top five
//! of them who do not know (with the full count beside it), so the answer stays short and
//! fast at 10,000 people.
//!
//! **Order of wins**: wins of the last 90 days that no key person knows about come first,
//! then recent wins some key people still have to hear about, then the rest; newest first
//! inside each group.
//!
//! **Whom to tell next** (a win's share form): the people who have not heard of it yet,
//! best first and at most [`SHARE_SUGGESTIONS`]: key people in the order above, then
//! everyone else by influence, the soonest room and interest, so the form suggests someone
//! even once every key person knows. One ranking serves every win.
//!
//! **Goal ratio** = wins linked to at least one business goal / all wins (0 when there are
//! no wins): a member who cannot tie their work to the goals is not yet thinking like a
//! product leader.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::engine::lookup::{PersonRef, RoomRef, ago, ahead, round2, soonest_rooms};
use crate::{
    Channel, Day, Decision, Influence, Interest, Person, PersonId, Quadrant, Record, Title, Win,
    WinId, WinKind,
};

/// How far back a win counts as recent.
pub const RECENT_DAYS: i64 = 90;
/// How many key people "still to tell" names per win.
pub const NOT_TOLD_SHOWN: usize = 5;
/// How many people a win's share form suggests.
pub const SHARE_SUGGESTIONS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Visibility {
    /// How many key people there are.
    pub key_people: usize,
    /// Most in need of sharing first.
    pub wins: Vec<WinVisibility>,
    pub wins_total: usize,
    pub wins_with_goal: usize,
    /// `wins_with_goal / wins_total`, two decimals.
    pub goal_ratio: f64,
    pub goal_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WinVisibility {
    pub win: WinId,
    pub title: Title,
    pub kind: WinKind,
    pub on: Day,
    pub days_ago: i64,
    /// Within the last 90 days.
    pub recent: bool,
    /// Recent, and at least one key person does not know yet.
    pub needs_sharing: bool,
    pub has_goal: bool,
    /// Key people who know, most important first, with when and how they heard.
    pub told: Vec<Told>,
    /// The most important key people who do not know yet (at most five).
    pub not_told: Vec<PersonRef>,
    pub not_told_count: usize,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Told {
    pub person: PersonRef,
    pub on: Day,
    pub channel: Channel,
}

struct Key<'a> {
    person: &'a Record<Person>,
    room: Option<&'a RoomRef>,
}

/// Where a person stands in the order of whom to tell: smaller first.
type Rank = (bool, Reverse<Influence>, i64, Reverse<Interest>, PersonId);

impl Key<'_> {
    /// Key people first, then by influence, the soonest room, interest, and id (so the
    /// order never depends on how the store listed them).
    fn order(&self, key: bool) -> Rank {
        (
            !key,
            Reverse(self.person.influence),
            self.room.map_or(i64::MAX, |r| r.days_until),
            Reverse(self.person.interest),
            self.person.id,
        )
    }
}

/// On the high-influence half of the grid, or seated in an upcoming room.
fn is_key(p: &Record<Person>, rooms: &HashMap<PersonId, RoomRef>) -> bool {
    matches!(
        p.quadrant(),
        Quadrant::ManageClosely | Quadrant::KeepSatisfied
    ) || rooms.contains_key(&p.id)
}

/// Who knows about each win, and the share of wins tied to a business goal.
pub fn visibility(
    wins: &[Record<Win>],
    people: &[Record<Person>],
    decisions: &[Record<Decision>],
    today: Day,
) -> Visibility {
    let rooms = soonest_rooms(decisions, today);
    let mut key: Vec<Key> = people
        .iter()
        .filter(|p| is_key(p, &rooms))
        .map(|p| Key {
            person: p,
            room: rooms.get(&p.id),
        })
        .collect();
    key.sort_by_key(|k| k.order(true));
    let rank: HashMap<PersonId, usize> = key
        .iter()
        .enumerate()
        .map(|(i, k)| (k.person.id, i))
        .collect();

    let mut out: Vec<(u8, WinVisibility)> = wins
        .iter()
        .map(|w| {
            let v = win_visibility(w, &key, &rank, today);
            let group = match (v.recent, v.told.is_empty(), v.not_told_count > 0) {
                (true, true, true) => 0,
                (true, _, true) => 1,
                _ => 2,
            };
            (group, v)
        })
        .collect();
    out.sort_by(|(ga, a), (gb, b)| ga.cmp(gb).then(b.on.cmp(&a.on)).then(a.win.cmp(&b.win)));

    let wins_total = wins.len();
    let wins_with_goal = wins.iter().filter(|w| !w.goals.is_empty()).count();
    let goal_ratio = if wins_total == 0 {
        0.0
    } else {
        wins_with_goal as f64 / wins_total as f64
    };
    let goal_note = if wins_total == 0 {
        "No wins logged yet: log the next release, metric moved or talk you give.".to_string()
    } else if wins_with_goal == wins_total {
        format!("All {wins_total} wins are tied to a business goal.")
    } else {
        format!(
            "{wins_with_goal} of {wins_total} wins are tied to a business goal: name the goal \
             each of the others served, in revenue, churn or activation terms."
        )
    };

    Visibility {
        key_people: key.len(),
        wins: out.into_iter().map(|(_, v)| v).collect(),
        wins_total,
        wins_with_goal,
        goal_ratio: round2(goal_ratio),
        goal_note,
    }
}

/// Everyone, best first to tell about my work: key people in the order "still to tell"
/// uses, then everyone else by influence, the soonest room and interest. Forms that name
/// one person suggest the first few of this order.
pub fn ranked_people<'a>(
    people: &'a [Record<Person>],
    decisions: &[Record<Decision>],
    today: Day,
) -> Vec<&'a Record<Person>> {
    let rooms = soonest_rooms(decisions, today);
    let mut ranked: Vec<(_, &'a Record<Person>)> = people
        .iter()
        .map(|p| {
            let k = Key {
                person: p,
                room: rooms.get(&p.id),
            };
            (k.order(is_key(p, &rooms)), p)
        })
        .collect();
    ranked.sort_unstable_by_key(|(order, _)| *order);
    ranked.into_iter().map(|(_, p)| p).collect()
}

/// Whom to tell next about each win: at most `n` people who have not heard of it, best
/// first (see the module's rules). Wins everyone has heard of get an empty list.
pub fn share_suggestions(
    wins: &[Record<Win>],
    people: &[Record<Person>],
    decisions: &[Record<Decision>],
    today: Day,
    n: usize,
) -> HashMap<WinId, Vec<PersonRef>> {
    let ranked = ranked_people(people, decisions, today);
    wins.iter()
        .map(|w| {
            // Shares per win are few: a scan of them beats building a set.
            let suggested = ranked
                .iter()
                .filter(|p| !w.shares.iter().any(|s| s.person == p.id))
                .take(n)
                .map(|p| PersonRef::of(p))
                .collect();
            (w.id, suggested)
        })
        .collect()
}

fn win_visibility(
    w: &Record<Win>,
    key: &[Key],
    rank: &HashMap<PersonId, usize>,
    today: Day,
) -> WinVisibility {
    // The first time each key person heard of it: (rank, date, channel), by rank. Shares
    // per win are few, so a sorted vector beats a hash map here.
    let mut heard: Vec<(usize, Day, Channel)> = w
        .shares
        .iter()
        .filter_map(|s| rank.get(&s.person).map(|&r| (r, s.on, s.channel)))
        .collect();
    heard.sort_unstable_by_key(|h| (h.0, h.1));
    heard.dedup_by_key(|h| h.0);

    // Walk the ranked key people and the told ranks together; stop after five.
    let mut not_told_keys: Vec<&Key> = Vec::with_capacity(NOT_TOLD_SHOWN);
    let mut next_told = heard.iter().map(|h| h.0).peekable();
    for (r, k) in key.iter().enumerate() {
        if not_told_keys.len() == NOT_TOLD_SHOWN {
            break;
        }
        if next_told.peek() == Some(&r) {
            next_told.next();
        } else {
            not_told_keys.push(k);
        }
    }

    let told: Vec<Told> = heard
        .into_iter()
        .map(|(r, on, channel)| Told {
            person: PersonRef::of(key[r].person),
            on,
            channel,
        })
        .collect();
    let not_told_count = key.len() - told.len();

    let days_ago = w.on.days_until(today);
    let recent = days_ago <= RECENT_DAYS;
    let has_goal = !w.goals.is_empty();

    let mut why = match (key.len(), told.len(), not_told_count) {
        (0, _, _) => "You have no key people yet: rate who has high influence, or seat people \
                      in an upcoming room."
            .to_string(),
        (n, 0, _) => format!(
            "From {}, and none of your {n} key people know yet: start with {}.",
            ago(days_ago.max(0)),
            names(&not_told_keys)
        ),
        (n, k, 0) => format!(
            "From {}; all {n} key people know ({k} told).",
            ago(days_ago.max(0))
        ),
        (n, k, _) => format!(
            "From {}; {k} of {n} key people know. Still to tell: {}.",
            ago(days_ago.max(0)),
            names(&not_told_keys)
        ),
    };
    if !has_goal {
        why.push_str(" Not tied to a business goal yet: name the goal it served.");
    }

    WinVisibility {
        win: w.id,
        title: w.title.clone(),
        kind: w.kind,
        on: w.on,
        days_ago,
        recent,
        needs_sharing: recent && not_told_count > 0,
        has_goal,
        told,
        not_told: not_told_keys
            .iter()
            .map(|k| PersonRef::of(k.person))
            .collect(),
        not_told_count,
        why,
    }
}

/// `Dana Kim (in the room for 'Promotion' in 12 days), Lee Park`: the first two, by rank.
fn names(keys: &[&Key]) -> String {
    keys.iter()
        .take(2)
        .map(|k| match k.room {
            Some(r) => format!(
                "{} (in the room for '{}' {})",
                k.person.name,
                r.title,
                ahead(r.days_until)
            ),
            None => k.person.name.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixtures::*;
    use crate::{GoalId, RoomRole, Stance};

    const TODAY: &str = "2026-03-01";

    fn people() -> Vec<Record<crate::Person>> {
        vec![
            person(1, "Vera Chief", 5, 5, Stance::Supporter), // manage closely
            person(2, "Sam Board", 4, 2, Stance::Aware),      // keep satisfied
            person(3, "Ola Peer", 2, 5, Stance::Advocate),    // keep informed: key via the room
            person(4, "Tim Quiet", 2, 2, Stance::Unknown),    // monitor: not key
        ]
    }

    fn rooms() -> Vec<Record<Decision>> {
        vec![decision(
            1,
            "Promotion",
            "2026-04-01",
            &[(3, RoomRole::Voice)],
        )]
    }

    #[test]
    fn unshared_recent_wins_come_first() {
        let mut with_goal = win(1, "Old launch", "2025-06-01", &[]);
        with_goal.goals = vec![GoalId::from_raw(7)];
        let wins = vec![
            with_goal,
            win(
                2,
                "Partly told",
                "2026-02-20",
                &[(1, "2026-02-21"), (4, "2026-02-21")],
            ),
            win(3, "Untold, older", "2026-01-10", &[(4, "2026-01-11")]),
            win(4, "Untold, newest", "2026-02-25", &[]),
            win(
                5,
                "All told",
                "2026-02-01",
                &[(1, "2026-02-02"), (2, "2026-02-02"), (3, "2026-02-03")],
            ),
        ];
        let v = visibility(&wins, &people(), &rooms(), day(TODAY));
        assert_eq!(v.key_people, 3);
        let order: Vec<i64> = v.wins.iter().map(|w| w.win.get()).collect();
        assert_eq!(order, [4, 3, 2, 5, 1]);

        let newest = &v.wins[0];
        assert!(newest.needs_sharing && newest.told.is_empty());
        assert_eq!(newest.not_told_count, 3);
        let names: Vec<&str> = newest.not_told.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Vera Chief", "Sam Board", "Ola Peer"]);
        assert!(
            newest.why.contains("none of your 3 key people know"),
            "{}",
            newest.why
        );
        assert!(
            newest.why.contains("Not tied to a business goal"),
            "{}",
            newest.why
        );

        // Tim (not key) knowing win 3 does not count.
        assert!(v.wins[1].told.is_empty());

        let partly = &v.wins[2];
        assert_eq!(partly.told.len(), 1);
        assert_eq!(partly.told[0].person.name.as_str(), "Vera Chief");
        assert_eq!(partly.not_told_count, 2);
        assert!(
            partly.why.contains("1 of 3 key people know"),
            "{}",
            partly.why
        );
        assert!(
            partly
                .why
                .contains("Ola Peer (in the room for 'Promotion' in 31 days)"),
            "{}",
            partly.why
        );

        assert!(!v.wins[3].needs_sharing);
        assert!(!v.wins[4].recent);
        assert!(v.wins[4].has_goal);
    }

    #[test]
    fn goal_ratio() {
        let cases: &[(usize, usize, f64)] = &[(0, 0, 0.0), (1, 4, 0.25), (3, 3, 1.0), (2, 3, 0.67)];
        for &(with, total, expect) in cases {
            let wins: Vec<_> = (0..total)
                .map(|i| {
                    let mut w = win(i as i64 + 1, "W", "2026-01-01", &[]);
                    if i < with {
                        w.goals = vec![GoalId::from_raw(1)];
                    }
                    w
                })
                .collect();
            let v = visibility(&wins, &people(), &[], day(TODAY));
            assert_eq!((v.wins_with_goal, v.wins_total), (with, total));
            assert_eq!(v.goal_ratio, expect);
        }
    }

    #[test]
    fn the_earliest_share_is_the_one_kept() {
        let mut w = win(
            1,
            "Launch",
            "2026-02-01",
            &[(1, "2026-02-10"), (1, "2026-02-03")],
        );
        w.shares[1].channel = Channel::Email;
        let v = visibility(&[w], &people(), &[], day(TODAY));
        assert_eq!(v.wins[0].told.len(), 1);
        assert_eq!(v.wins[0].told[0].on, day("2026-02-03"));
        assert_eq!(v.wins[0].told[0].channel, Channel::Email);
    }

    #[test]
    fn no_key_people_says_so() {
        let v = visibility(&[win(1, "W", "2026-02-01", &[])], &[], &[], day(TODAY));
        assert_eq!(v.key_people, 0);
        assert!(
            v.wins[0].why.starts_with("You have no key people yet"),
            "{}",
            v.wins[0].why
        );
        assert!(!v.wins[0].needs_sharing);
    }

    #[test]
    fn suggestions_are_who_has_not_heard_key_people_first() {
        let mut people = people();
        people.push(person(5, "Kai Loud", 3, 5, Stance::Aware)); // keep informed: not key
        let wins = vec![
            win(1, "Untold", "2026-02-20", &[]),
            win(2, "Vera knows", "2026-02-20", &[(1, "2026-02-21")]),
            win(
                3,
                "Everyone knows",
                "2026-02-20",
                &[
                    (1, "2026-02-21"),
                    (2, "2026-02-21"),
                    (3, "2026-02-21"),
                    (4, "2026-02-21"),
                    (5, "2026-02-21"),
                ],
            ),
        ];
        let s = share_suggestions(&wins, &people, &rooms(), day(TODAY), SHARE_SUGGESTIONS);
        let names = |id: i64| -> Vec<String> {
            s[&WinId::from_raw(id)]
                .iter()
                .map(|p| p.name.to_string())
                .collect()
        };
        // Key people in the visibility order, then the others by influence.
        assert_eq!(
            names(1),
            [
                "Vera Chief",
                "Sam Board",
                "Ola Peer",
                "Kai Loud",
                "Tim Quiet"
            ]
        );
        assert_eq!(
            names(2),
            ["Sam Board", "Ola Peer", "Kai Loud", "Tim Quiet"],
            "who heard is never suggested"
        );
        assert!(names(3).is_empty());
        // The key people come in the order "still to tell" names them.
        let v = visibility(&wins, &people, &rooms(), day(TODAY));
        let untold = v.wins.iter().find(|w| w.win.get() == 1).unwrap();
        let told: Vec<String> = untold.not_told.iter().map(|p| p.name.to_string()).collect();
        assert_eq!(told, names(1)[..3]);
        // The cap holds.
        let two = share_suggestions(&wins, &people, &rooms(), day(TODAY), 2);
        assert_eq!(two[&WinId::from_raw(1)].len(), 2);
    }

    #[test]
    fn holds_at_benchmark_size() {
        let w = large(10_000);
        let out = visibility(&w.wins, &w.people, &w.decisions, w.today);
        assert_eq!(out.wins.len(), 2_000);
        assert!(out.key_people > 1_000, "{}", out.key_people);
        assert!(out.wins.iter().all(|v| v.not_told.len() <= NOT_TOLD_SHOWN));
        let s = share_suggestions(&w.wins, &w.people, &w.decisions, w.today, SHARE_SUGGESTIONS);
        assert_eq!(s.len(), 2_000);
        assert!(s.values().all(|p| p.len() == SHARE_SUGGESTIONS));
    }
}

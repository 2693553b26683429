//! The sample workspace `fanclub demo` loads: a year in the life of one senior PM building,
//! on purpose, the people who will speak for her, with every date counted back from today
//! so the example always looks current.
//!
//! The story the data tells: Noor Haddad, Senior PM at Harborlight (a fictional B2B SaaS for
//! supplier onboarding), wants to become Head of Product. Over the year her manager became
//! an advocate and the VP of Customer Success a sponsor; the VP of Sales turned against her
//! over a deferred feature. The promotion committee meets in six weeks, with a detractor and
//! two unknowns in the room, several high-influence people overdue for contact, recent wins
//! that the deciders have not heard about, and a weak `domain` track with a talk slot on
//! offer that would fix it.
//!
//! Everything is written as data tables in the submodules, one per part of the story;
//! records refer to people by handle and to each other by tag, and ids are assigned here.

mod cast;
mod contacts;
mod network;
mod proof;
mod wins;

#[cfg(test)]
pub(crate) mod check;
#[cfg(test)]
mod tests;

use chrono::Datelike;
use serde_json::json;

use crate::{
    Commitment, Day, Decision, DecisionKind, Goal, GoalId, Id, IsoWeek, Record, RoomRole, Seat,
    Settings, Title, WeeklyReview, Workspace,
};

use cast::Cast;

/// The member's name in the sample.
pub const MEMBER: &str = "Noor Haddad";
/// The sample member's own work address, left out of calendar imports.
pub const MEMBER_EMAIL: &str = "noor.haddad@harborlight.example";
/// The role the sample member is working toward.
pub const TARGET_ROLE: &str = "Head of Product";

/// Build the sample workspace as it looks on `today`. Deterministic: the same day gives the
/// same workspace.
pub fn sample_workspace(today: Day) -> Workspace {
    let cast = Cast::new(today);
    let goals = goals(today);
    let interactions = contacts::interactions(&cast, today);
    let wins = wins::wins(&cast, today);
    let evidence = proof::evidence(&cast, &wins, &interactions, today);
    Workspace {
        settings: Settings {
            me: Some(MEMBER.into()),
            // Parsed from a constant: an empty list would only lose the calendar default.
            my_emails: Settings::parse_emails(MEMBER_EMAIL).unwrap_or_default(),
            target_role: Some(TARGET_ROLE.into()),
            ..Settings::default()
        },
        connections: network::connections(&cast),
        perceptions: proof::perceptions(&cast, today),
        opportunities: proof::opportunities(&cast, today),
        decisions: decisions(&cast, today),
        reviews: reviews(today),
        goals,
        interactions: interactions.records,
        wins: wins.records,
        evidence,
        people: cast.people,
        stance_changes: cast.stance_changes,
        ..Workspace::default()
    }
}

/// `n` days before `today`.
fn ago(today: Day, n: i64) -> Day {
    today.plus_days(-n)
}

/// The sample's titles are fixed text, checked by the tests.
fn title(s: &str) -> Title {
    Title::parse(s).expect("sample titles are valid")
}

fn text(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Give records ids 1..n in the order given.
fn numbered<T>(values: impl IntoIterator<Item = T>) -> Vec<Record<T>> {
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| Record::new(Id::from_raw(i as i64 + 1), v))
        .collect()
}

/// The company's goals for the period, in the order of the `GOAL_*` ids below.
const GOALS: &[(&str, &str)] = &[
    (
        "Grow net new ARR to $48M",
        "Revenue: new logos in logistics and manufacturing, and expansion of existing accounts.",
    ),
    (
        "Cut gross monthly churn below 1.2%",
        "Churn: catch renewal risk a quarter earlier and give Customer Success a playbook.",
    ),
    (
        "Raise 14-day activation of new accounts to 60%",
        "Activation: a new account counts as active once its first ten suppliers are approved.",
    ),
    (
        "Lift enterprise NPS to 45",
        "NPS: enterprise customers rated us 31 at the start of the year.",
    ),
    (
        "Open the mid-market with self-serve onboarding",
        "Expansion: accounts under 200 suppliers sign up and go live without a sales call.",
    ),
];

pub(crate) const GOAL_REVENUE: GoalId = GoalId::from_raw(1);
pub(crate) const GOAL_CHURN: GoalId = GoalId::from_raw(2);
pub(crate) const GOAL_ACTIVATION: GoalId = GoalId::from_raw(3);
pub(crate) const GOAL_NPS: GoalId = GoalId::from_raw(4);
pub(crate) const GOAL_MID_MARKET: GoalId = GoalId::from_raw(5);

fn goals(today: Day) -> Vec<Record<Goal>> {
    // The plan year that holds most of the sample's year: the one six months back.
    let period = format!("FY{}", ago(today, 180).date().year() + 1);
    numbered(GOALS.iter().map(|(t, d)| Goal {
        title: title(t),
        period: Some(period.clone()),
        description: text(d),
    }))
}

/// The rooms: two ahead (the promotion committee, the staffing of a visible initiative) and
/// one behind (last half-year's bonus calibration).
fn decisions(cast: &Cast, today: Day) -> Vec<Record<Decision>> {
    let room = |seats: &[(&str, RoomRole)]| -> Vec<Seat> {
        seats
            .iter()
            .map(|(h, role)| Seat {
                person: cast.id(h),
                role: *role,
            })
            .collect()
    };
    use RoomRole::{Decider, Voice};
    numbered([
        Decision {
            title: title("Promotion committee: Senior PM to Head of Product"),
            kind: DecisionKind::Promotion,
            on: today.plus_days(42),
            notes: text(
                "Grace nominates. Two promotion slots for the whole product org this cycle; \
                 the committee reads the packet the week before.",
            ),
            room: room(&[
                ("grace-whitfield", Decider),
                ("marcus-oyelaran", Decider),
                ("helena-voss", Voice),
                ("rafael-costa", Voice),
                ("ingrid-solberg", Voice),
                ("jonas-lindqvist", Voice),
            ]),
        },
        Decision {
            title: title("Who leads the Supplier Network initiative"),
            kind: DecisionKind::ProjectStaffing,
            on: today.plus_days(20),
            notes: text(
                "The most visible bet of next year. Henrik decides after the planning offsite; \
                 Olivia tracks it for the CEO.",
            ),
            room: room(&[
                ("henrik-aalto", Decider),
                ("beatriz-lopes", Voice),
                ("grace-whitfield", Voice),
                ("olivia-brennan", Voice),
                ("owen-gallagher", Voice),
            ]),
        },
        Decision {
            title: title("Mid-year bonus calibration"),
            kind: DecisionKind::Bonus,
            on: ago(today, 150),
            notes: text("Grace argued for the top band; Marcus agreed after the trial results."),
            room: room(&[
                ("grace-whitfield", Decider),
                ("marcus-oyelaran", Voice),
                ("beatriz-lopes", Voice),
            ]),
        },
    ])
}

/// The two most recent weekly reviews: the week before last, and last week's, whose
/// commitments are the ones this week's review asks about.
fn reviews(today: Day) -> Vec<Record<WeeklyReview>> {
    let last = today.iso_week().previous();
    let before = last.previous();
    // Reviews are done on Fridays.
    let friday = |w: IsoWeek| w.monday().plus_days(4);
    let kept = |t: &str, k: bool| Commitment {
        text: t.into(),
        kept: Some(k),
    };
    let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    numbered([
        WeeklyReview {
            week: before,
            agenda: json!({}),
            last_week: vec![
                kept("Finish the last three supplier network interviews", true),
                kept("Ask Ravi for the activation cohort by account size", true),
                kept(
                    "Thank Yusuf for the design-system council nomination",
                    false,
                ),
            ],
            wins: text("Diego demoed approval routing end to end; 41% of accounts already use it."),
            learned: text(
                "Julia's board wants audit trails before peak season, not more features.",
            ),
            helped: text("Reviewed Emily's problem statement before her guild presentation."),
            next_week: strings(&[
                "Ask Henrik for a coffee about the Supplier Network initiative",
                "Send Julia the SSO case study draft for approval",
                "Tell Marcus about Diego's approval routing release",
            ]),
            saved_on: friday(before),
        },
        WeeklyReview {
            week: last,
            agenda: json!({}),
            last_week: vec![
                kept(
                    "Ask Henrik for a coffee about the Supplier Network initiative",
                    true,
                ),
                kept("Send Julia the SSO case study draft for approval", false),
                kept("Tell Marcus about Diego's approval routing release", false),
            ],
            wins: text("Synthesised the twelve supplier network interviews into one page."),
            learned: text(
                "Henrik worries the initiative gets whoever is free, not whoever knows suppliers.",
            ),
            helped: text("Gave Nadia the renewal cohort numbers for her at-risk accounts."),
            next_week: strings(&[
                "Send Henrik my two-page take on the initiative's scope",
                "Share the supplier network synthesis with Marcus and Henrik",
                "Book a coffee with Jonas before the promotion committee",
                "Send Marcus the one-page churn bet I promised him",
            ]),
            saved_on: friday(last),
        },
    ])
}

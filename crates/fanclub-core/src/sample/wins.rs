//! The sample's visible work: wins tied to the business goals, their impact, and who knows
//! about each of them.

use std::collections::HashMap;

use crate::{Channel, Day, GoalId, Impact, Record, Share, TrackKey, Win, WinId, WinKind};

use super::cast::Cast;
use super::{
    GOAL_ACTIVATION, GOAL_CHURN, GOAL_MID_MARKET, GOAL_NPS, GOAL_REVENUE, ago, numbered, text,
    title,
};

/// Every win, oldest first, and the ids of their tags for evidence to cite.
pub(super) struct Wins {
    pub records: Vec<Record<Win>>,
    tags: HashMap<&'static str, WinId>,
}

impl Wins {
    pub(super) fn id(&self, tag: &str) -> WinId {
        *self
            .tags
            .get(tag)
            .unwrap_or_else(|| panic!("the sample refers to win {tag:?}, which it lacks"))
    }
}

pub(super) fn track(key: &str) -> TrackKey {
    TrackKey::parse(key).expect("sample tracks are keys of the default framework")
}

struct WinRow {
    tag: &'static str,
    days: i64,
    kind: WinKind,
    title: &'static str,
    description: &'static str,
    /// (metric, before, after)
    impact: Option<(&'static str, &'static str, &'static str)>,
    goals: &'static [GoalId],
    tracks: &'static [&'static str],
    links: &'static [&'static str],
    /// (who, days after the win, how)
    shares: &'static [(&'static str, i64, Channel)],
}

use Channel as C;

/// The year's wins. The last three are recent and have not reached the people deciding
/// the two upcoming rooms: the weekly review should say so.
const WINS: &[WinRow] = &[
    WinRow {
        tag: "onboarding",
        days: 330,
        kind: WinKind::Release,
        title: "Rebuilt supplier onboarding",
        description: "Replaced the twelve-step supplier form with a guided flow that pre-fills from the buyer's ERP.",
        impact: Some(("14-day activation of new accounts", "38%", "47%")),
        goals: &[GOAL_ACTIVATION],
        tracks: &["strategy"],
        links: &["https://wiki.harborlight.example/onboarding-rebuild"],
        shares: &[
            ("hannah-berger", 0, C::InPerson),
            ("grace-whitfield", 1, C::OneOnOne),
            ("marcus-oyelaran", 2, C::Presentation),
            ("mei-lin-chen", 14, C::Newsletter),
        ],
    },
    WinRow {
        tag: "churn-playbook",
        days: 290,
        kind: WinKind::Process,
        title: "Churn early-warning playbook with Customer Success",
        description: "Flags accounts whose supplier activity falls for three weeks and hands them to a CSM with a script.",
        impact: Some(("gross monthly churn", "1.6%", "1.4%")),
        goals: &[GOAL_CHURN],
        tracks: &["buy-in", "strategy"],
        links: &["https://wiki.harborlight.example/churn-playbook"],
        shares: &[
            ("ingrid-solberg", 0, C::Meeting),
            ("nadia-petrova", 0, C::Meeting),
            ("grace-whitfield", 2, C::OneOnOne),
            ("marcus-oyelaran", 20, C::Document),
        ],
    },
    WinRow {
        tag: "baltic-story",
        days: 255,
        kind: WinKind::CustomerStory,
        title: "Baltic Freight halves supplier approval time",
        description: "Case study written with Julia Nowak: document requests now go out automatically.",
        impact: Some(("supplier approval time", "9 days", "4 days")),
        goals: &[GOAL_NPS, GOAL_REVENUE],
        tracks: &["domain"],
        links: &["https://harborlight.example/customers/baltic-freight"],
        shares: &[
            ("julia-nowak", 0, C::Email),
            ("grace-whitfield", 1, C::Chat),
            ("owen-gallagher", 3, C::Email),
            ("rafael-costa", 10, C::Newsletter),
        ],
    },
    WinRow {
        tag: "bulk-import",
        days: 220,
        kind: WinKind::Release,
        title: "Bulk supplier import",
        description: "Buyers bring their whole supplier list from a spreadsheet or their ERP in one step.",
        impact: Some(("14-day activation of new accounts", "47%", "52%")),
        goals: &[GOAL_ACTIVATION],
        tracks: &["buy-in"],
        links: &[],
        shares: &[
            ("grace-whitfield", 0, C::Demo),
            ("beatriz-lopes", 1, C::Demo),
            ("arjun-mehta", 5, C::Demo),
        ],
    },
    WinRow {
        tag: "apm-mentoring",
        days: 180,
        kind: WinKind::Mentoring,
        title: "Started a mentoring track for associate PMs",
        description: "Fortnightly sessions with a goal per quarter; Emily Thornton is the first mentee.",
        impact: None,
        goals: &[],
        tracks: &["leadership"],
        links: &[],
        shares: &[
            ("fatima-zahra-benali", 2, C::Chat),
            ("grace-whitfield", 3, C::OneOnOne),
            ("sofia-rossi", 5, C::Email),
        ],
    },
    WinRow {
        tag: "renewal-risk",
        days: 150,
        kind: WinKind::Metric,
        title: "Renewal-risk score in the admin dashboard",
        description: "The playbook's signal, built into the product so every CSM sees it a quarter ahead.",
        impact: Some(("churn among flagged accounts", "3.1%", "2.2%")),
        goals: &[GOAL_CHURN, GOAL_REVENUE],
        tracks: &["strategy", "confidence"],
        links: &["https://dashboards.harborlight.example/renewal-risk"],
        shares: &[
            ("ingrid-solberg", 0, C::Demo),
            ("nadia-petrova", 0, C::Demo),
            ("grace-whitfield", 1, C::OneOnOne),
            ("marcus-oyelaran", 3, C::Presentation),
            ("rafael-costa", 7, C::Meeting),
        ],
    },
    WinRow {
        tag: "self-serve-trial",
        days: 120,
        kind: WinKind::Release,
        title: "Self-serve trial for mid-market accounts",
        description: "Accounts under 200 suppliers sign up, import and go live without a sales call.",
        impact: Some(("trial-to-paid conversion", "8%", "13%")),
        goals: &[GOAL_MID_MARKET, GOAL_REVENUE],
        tracks: &["strategy", "buy-in"],
        links: &["https://wiki.harborlight.example/self-serve-trial"],
        shares: &[
            ("grace-whitfield", 0, C::OneOnOne),
            ("owen-gallagher", 1, C::Email),
            ("marcus-oyelaran", 2, C::Presentation),
            ("mei-lin-chen", 2, C::Presentation),
            ("daniel-okonkwo", 10, C::Document),
            ("olivia-brennan", 20, C::Email),
        ],
    },
    WinRow {
        tag: "fewer-tickets",
        days: 90,
        kind: WinKind::Process,
        title: "Halved onboarding support tickets",
        description: "Rewrote the five onboarding emails that caused most tickets, with Nadia's team.",
        impact: Some(("support tickets per new account", "5.2", "2.9")),
        goals: &[GOAL_ACTIVATION, GOAL_NPS],
        tracks: &["buy-in"],
        links: &[],
        shares: &[
            ("nadia-petrova", 0, C::Chat),
            ("grace-whitfield", 1, C::OneOnOne),
            ("ingrid-solberg", 4, C::Email),
        ],
    },
    WinRow {
        tag: "pricing-test",
        days: 55,
        kind: WinKind::Innovation,
        title: "Pricing page experiment",
        description: "Tested value-based tiers on the pricing page after pre-wiring it with sales, customer success and finance.",
        impact: Some(("paid conversion from the pricing page", "2.1%", "2.6%")),
        goals: &[GOAL_REVENUE],
        tracks: &["confidence", "buy-in"],
        links: &["https://experiments.harborlight.example/pricing-tiers"],
        shares: &[
            ("grace-whitfield", 0, C::OneOnOne),
            ("daniel-okonkwo", 3, C::Meeting),
            ("rafael-costa", 7, C::Email),
            ("ingrid-solberg", 7, C::Email),
            ("owen-gallagher", 10, C::Chat),
        ],
    },
    WinRow {
        tag: "enterprise-nps",
        days: 35,
        kind: WinKind::Metric,
        title: "Enterprise NPS up after SSO and the audit log",
        description: "The release I argued for over custom fields; enterprise detractors fell by half.",
        impact: Some(("enterprise NPS", "31", "42")),
        goals: &[GOAL_NPS],
        tracks: &["strategy", "confidence"],
        links: &["https://dashboards.harborlight.example/nps"],
        shares: &[
            ("grace-whitfield", 1, C::Meeting),
            ("ingrid-solberg", 1, C::Meeting),
        ],
    },
    WinRow {
        tag: "approval-routing",
        days: 16,
        kind: WinKind::Mentoring,
        title: "Diego shipped approval routing end to end",
        description: "Coached Diego through his first feature from discovery to launch.",
        impact: Some(("accounts using approval routing", "0%", "41%")),
        goals: &[GOAL_ACTIVATION],
        tracks: &["leadership"],
        links: &[],
        shares: &[
            ("grace-whitfield", 1, C::Demo),
            ("hannah-berger", 1, C::Demo),
        ],
    },
    WinRow {
        tag: "supplier-network",
        days: 5,
        kind: WinKind::Innovation,
        title: "Supplier network discovery: twelve customer interviews",
        description: "Suppliers would pay to be approved once for many buyers; sized the opportunity with Ravi.",
        impact: Some(("qualified pipeline for a supplier network", "none", "$1.2M")),
        goals: &[GOAL_REVENUE, GOAL_MID_MARKET],
        tracks: &["strategy", "domain"],
        links: &["https://wiki.harborlight.example/supplier-network-synthesis"],
        shares: &[],
    },
];

pub(super) fn wins(cast: &Cast, today: Day) -> Wins {
    let records = numbered(WINS.iter().map(|w| {
        let on = ago(today, w.days);
        let mut win = Win::new(on, title(w.title), w.kind);
        win.description = text(w.description);
        win.impact = w.impact.map(|(metric, before, after)| Impact {
            metric: metric.into(),
            before: text(before),
            after: text(after),
        });
        win.goals = w.goals.to_vec();
        win.tracks = w.tracks.iter().map(|t| track(t)).collect();
        win.links = w.links.iter().map(|l| l.to_string()).collect();
        win.shares = w
            .shares
            .iter()
            .map(|(who, after, channel)| Share {
                person: cast.id(who),
                on: on.plus_days(*after),
                channel: *channel,
            })
            .collect();
        win
    }));
    let tags = WINS
        .iter()
        .zip(&records)
        .map(|(w, r)| (w.tag, r.id))
        .collect();
    Wins { records, tags }
}

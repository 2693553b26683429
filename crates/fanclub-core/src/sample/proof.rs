//! What the sample's work proves and how it is seen: evidence per competency track,
//! perception checks, and the opportunities people put my way.

use crate::{
    Day, Evidence, EvidenceSource, EvidenceStrength, Opportunity, OpportunityKind,
    OpportunityStatus, PerceptionCheck, PerceptionStatus, Record,
};

use super::cast::Cast;
use super::contacts::Contacts;
use super::wins::{Wins, track};
use super::{ago, numbered, text, title};

struct Proof {
    days: i64,
    track: &'static str,
    strength: EvidenceStrength,
    source: EvidenceSource,
    summary: &'static str,
    quote: &'static str,
    person: Option<&'static str>,
    win: Option<&'static str>,
    interaction: Option<&'static str>,
}

use EvidenceSource as Src;
use EvidenceStrength::{Claimed, Endorsed, Witnessed};

/// Evidence for every track; `domain` is the weak one (two old claims of my own), which the
/// offered meetup talk would fix.
const PROOFS: &[Proof] = &[
    Proof {
        days: 330,
        track: "strategy",
        strength: Claimed,
        source: Src::Win,
        summary: "Tied the onboarding rebuild to the activation goal before writing the spec",
        quote: "",
        person: None,
        win: Some("onboarding"),
        interaction: None,
    },
    Proof {
        days: 200,
        track: "strategy",
        strength: Witnessed,
        source: Src::Interaction,
        summary: "Cut two roadmap items that served neither churn nor activation",
        quote: "",
        person: Some("grace-whitfield"),
        win: None,
        interaction: Some("roadmap-cut"),
    },
    Proof {
        days: 76,
        track: "strategy",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Framed renewal risk in net revenue retention for the exec team",
        quote: "She put renewal risk in the numbers the board reads. That is what got it funded.",
        person: Some("ingrid-solberg"),
        win: None,
        interaction: Some("ingrid-offsite"),
    },
    Proof {
        days: 5,
        track: "strategy",
        strength: Claimed,
        source: Src::Win,
        summary: "Sized the supplier network opportunity against the revenue goal",
        quote: "",
        person: None,
        win: Some("supplier-network"),
        interaction: None,
    },
    Proof {
        days: 290,
        track: "buy-in",
        strength: Witnessed,
        source: Src::Win,
        summary: "Customer Success adopted the churn playbook in every region",
        quote: "",
        person: Some("nadia-petrova"),
        win: Some("churn-playbook"),
        interaction: None,
    },
    Proof {
        days: 152,
        track: "buy-in",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Brought engineering into the roadmap trade-off before dates were set",
        quote: "The first roadmap review where we saw the trade-off before the dates. I want that every quarter.",
        person: Some("beatriz-lopes"),
        win: None,
        interaction: Some("beatriz-feedback"),
    },
    Proof {
        days: 62,
        track: "buy-in",
        strength: Claimed,
        source: Src::Interaction,
        summary: "Pre-wired the pricing test one to one with sales, customer success and finance",
        quote: "",
        person: None,
        win: None,
        interaction: Some("prewire-ingrid"),
    },
    Proof {
        days: 36,
        track: "buy-in",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Got four squads to agree on one design system",
        quote: "Noor got four squads onto one component library. Design alone could not have done it.",
        person: Some("yusuf-demir"),
        win: None,
        interaction: Some("yusuf-feedback"),
    },
    Proof {
        days: 212,
        track: "confidence",
        strength: Witnessed,
        source: Src::Rehearsal,
        summary: "Rehearsed the business review against a sceptical CFO until the payback case held",
        quote: "",
        person: Some("hannah-berger"),
        win: None,
        interaction: Some("hannah-rehearsal"),
    },
    Proof {
        days: 128,
        track: "confidence",
        strength: Witnessed,
        source: Src::Interaction,
        summary: "Held the recommendation to ship SSO before custom fields under pressure from sales",
        quote: "",
        person: Some("marcus-oyelaran"),
        win: None,
        interaction: Some("exec-custom-fields"),
    },
    Proof {
        days: 70,
        track: "confidence",
        strength: Claimed,
        source: Src::Interaction,
        summary: "Asked Elena for advice before the first pricing council",
        quote: "",
        person: None,
        win: None,
        interaction: Some("elena-advice"),
    },
    Proof {
        days: 34,
        track: "confidence",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Stood by the SSO decision until the NPS moved",
        quote: "You did not flinch when sales pushed back, and the enterprise NPS proved you right.",
        person: Some("grace-whitfield"),
        win: Some("enterprise-nps"),
        interaction: Some("nps-readout"),
    },
    Proof {
        days: 252,
        track: "domain",
        strength: Claimed,
        source: Src::Talk,
        summary: "Ran a brown-bag on how procurement teams evaluate suppliers",
        quote: "",
        person: None,
        win: None,
        interaction: Some("brown-bag"),
    },
    Proof {
        days: 250,
        track: "domain",
        strength: Claimed,
        source: Src::Win,
        summary: "Wrote the Baltic Freight case study from first-hand customer calls",
        quote: "",
        person: None,
        win: Some("baltic-story"),
        interaction: None,
    },
    Proof {
        days: 175,
        track: "leadership",
        strength: Claimed,
        source: Src::Mentoring,
        summary: "Started fortnightly mentoring with Emily",
        quote: "",
        person: None,
        win: Some("apm-mentoring"),
        interaction: None,
    },
    Proof {
        days: 46,
        track: "leadership",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Coached Diego to challenge estimates in planning",
        quote: "The spec reviews with Noor are why I push back in planning now instead of nodding along.",
        person: Some("diego-alvarez"),
        win: None,
        interaction: Some("diego-feedback"),
    },
    Proof {
        days: 41,
        track: "leadership",
        strength: Witnessed,
        source: Src::Mentoring,
        summary: "Emily presented her first spec at the PM guild",
        quote: "",
        person: Some("fatima-zahra-benali"),
        win: None,
        interaction: Some("emily-guild"),
    },
    Proof {
        days: 15,
        track: "leadership",
        strength: Witnessed,
        source: Src::Win,
        summary: "Diego shipped approval routing end to end",
        quote: "",
        person: Some("grace-whitfield"),
        win: Some("approval-routing"),
        interaction: Some("diego-ship"),
    },
    Proof {
        days: 9,
        track: "leadership",
        strength: Endorsed,
        source: Src::Feedback,
        summary: "Emily on what the mentoring changed",
        quote: "She never hands me the answer; she asks the question that gets me there.",
        person: Some("emily-thornton"),
        win: None,
        interaction: None,
    },
];

pub(super) fn evidence(
    cast: &Cast,
    wins: &Wins,
    contacts: &Contacts,
    today: Day,
) -> Vec<Record<Evidence>> {
    let mut proofs: Vec<&Proof> = PROOFS.iter().collect();
    proofs.sort_by_key(|p| std::cmp::Reverse(p.days));
    numbered(proofs.into_iter().map(|p| Evidence {
        on: ago(today, p.days),
        track: track(p.track),
        strength: p.strength,
        source: p.source,
        summary: title(p.summary),
        quote: text(p.quote),
        person: p.person.map(|h| cast.id(h)),
        win: p.win.map(|t| wins.id(t)),
        interaction: p.interaction.map(|t| contacts.id(t)),
    }))
}

pub(super) fn perceptions(cast: &Cast, today: Day) -> Vec<Record<PerceptionCheck>> {
    let check =
        |who: &str, days, description: &str, gap: &str, remedy: &str, status| PerceptionCheck {
            person: cast.id(who),
            on: ago(today, days),
            description: description.into(),
            gap: text(gap),
            remedy: text(remedy),
            status,
        };
    numbered([
        check(
            "beatriz-lopes",
            152,
            "The PM who plans with engineering rather than at it.",
            "Thought I traded tech debt away to hit dates.",
            "Bring the tech-debt trade-off to every roadmap review before dates are set.",
            PerceptionStatus::Resolved,
        ),
        check(
            "rafael-costa",
            63,
            "Product says no to sales by default, and I am the one saying it.",
            "Believes custom fields were dropped without a reason and cost him a renewal.",
            "Walk him through the deals SSO unblocked and give sales a dated plan for custom fields.",
            PerceptionStatus::Open,
        ),
        check(
            "marcus-oyelaran",
            47,
            "The person who fixed supplier onboarding and keeps it running.",
            "Does not connect my work to net revenue retention or the churn numbers.",
            "Open the next skip-level with renewal-risk results in retention terms, and send the one-page churn bet.",
            PerceptionStatus::InProgress,
        ),
        check(
            "henrik-aalto",
            12,
            "The onboarding PM; he has not seen strategy work of mine.",
            "Does not know I ran the supplier network discovery.",
            "Send him the interview synthesis and a two-page scope before the staffing decision.",
            PerceptionStatus::Open,
        ),
    ])
}

pub(super) fn opportunities(cast: &Cast, today: Day) -> Vec<Record<Opportunity>> {
    let offer =
        |t: &str, kind, days, sponsor: &str, status, tracks: &[&str], notes: &str| Opportunity {
            title: title(t),
            kind,
            on: ago(today, days),
            sponsor: Some(cast.id(sponsor)),
            status,
            tracks: tracks.iter().map(|k| track(k)).collect(),
            notes: text(notes),
        };
    numbered([
        offer(
            "Run the self-serve trial for mid-market accounts",
            OpportunityKind::Project,
            240,
            "grace-whitfield",
            OpportunityStatus::Done,
            &["strategy", "buy-in"],
            "Released four months ago; trial-to-paid went from 8% to 13%.",
        ),
        offer(
            "Interim lead of the Integrations squad during Aiko's leave",
            OpportunityKind::Role,
            230,
            "beatriz-lopes",
            OpportunityStatus::Declined,
            &["leadership"],
            "Declined: it would have stalled the self-serve trial. Thanked Beatriz and said why.",
        ),
        offer(
            "Lead the renewal-risk workstream",
            OpportunityKind::Project,
            75,
            "ingrid-solberg",
            OpportunityStatus::Accepted,
            &["strategy", "buy-in"],
            "Ingrid proposed me at the exec offsite.",
        ),
        offer(
            "Fifteen-minute talk at the Product Circle meetup",
            OpportunityKind::Talk,
            60,
            "kofi-mensah",
            OpportunityStatus::Offered,
            &["domain"],
            "Would start to fix my weakest track. Kofi is waiting for a title and abstract.",
        ),
    ])
}

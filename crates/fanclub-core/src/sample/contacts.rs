//! The sample's year of interactions: routine contact on each relationship's rhythm (often
//! with the manager and the squad, rarely with everyone else), plus the moments that tell
//! the story, with notes, what I learned and follow-ups.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::{Day, Interaction, InteractionId, InteractionKind, PersonId, Record};

use super::cast::Cast;
use super::{ago, text, title};

/// Every interaction, oldest first, and the ids of the tagged moments that evidence cites.
pub(super) struct Contacts {
    pub records: Vec<Record<Interaction>>,
    tags: HashMap<&'static str, InteractionId>,
}

impl Contacts {
    pub fn id(&self, tag: &str) -> InteractionId {
        *self
            .tags
            .get(tag)
            .unwrap_or_else(|| panic!("the sample refers to interaction {tag:?}, which it lacks"))
    }
}

/// Recurring contact with the same people: from `since` days ago to `last` days ago, about
/// every `every` days give or take a quarter, cycling through `beats`.
struct Rhythm {
    with: &'static [&'static str],
    every: i64,
    last: i64,
    since: i64,
    beats: &'static [(InteractionKind, &'static str)],
}

use InteractionKind::*;

/// The `last` values set who is overdue today: Marcus, Beatriz, Rafael, Elena, Olivia and
/// Benjamin are all past their cadence, and some of them sit in the promotion room.
const RHYTHMS: &[Rhythm] = &[
    Rhythm {
        with: &["grace-whitfield"],
        every: 7,
        last: 10,
        since: 360,
        beats: &[
            (OneOnOne, "Weekly 1:1 with Grace"),
            (OneOnOne, "1:1: roadmap and staffing"),
            (OneOnOne, "1:1: priorities for the week"),
            (Message, "Async update on the onboarding metrics"),
        ],
    },
    Rhythm {
        with: &["diego-alvarez"],
        every: 14,
        last: 5,
        since: 295,
        beats: &[
            (OneOnOne, "Coaching 1:1 with Diego"),
            (OneOnOne, "1:1: reviewing Diego's spec"),
            (Feedback, "Feedback on Diego's stakeholder update"),
        ],
    },
    Rhythm {
        with: &["hannah-berger", "kwame-asante", "ravi-subramanian"],
        every: 21,
        last: 2,
        since: 360,
        beats: &[
            (Meeting, "Squad planning"),
            (Meeting, "Squad retrospective"),
            (Demo, "Sprint demo"),
        ],
    },
    Rhythm {
        with: &["hannah-berger"],
        every: 21,
        last: 8,
        since: 360,
        beats: &[
            (OneOnOne, "1:1 with Hannah on delivery risks"),
            (Coffee, "Coffee with Hannah"),
            (Meeting, "Architecture review prep"),
        ],
    },
    Rhythm {
        with: &["ingrid-solberg"],
        every: 24,
        last: 16,
        since: 340,
        beats: &[
            (Meeting, "Renewal-risk sync"),
            (OneOnOne, "1:1 with Ingrid"),
            (Message, "Shared notes on the churn dashboard"),
        ],
    },
    Rhythm {
        with: &["nadia-petrova"],
        every: 30,
        last: 11,
        since: 360,
        beats: &[
            (Meeting, "At-risk account review"),
            (Message, "Escalation on a renewal"),
            (
                HelpGiven,
                "Joined a customer call to walk through the roadmap",
            ),
        ],
    },
    Rhythm {
        with: &["aiko-tanaka"],
        every: 35,
        last: 18,
        since: 360,
        beats: &[
            (Coffee, "Coffee with Aiko"),
            (Meeting, "Integrations handoff"),
            (HelpReceived, "Aiko reviewed my API spec"),
        ],
    },
    Rhythm {
        with: &["tomasz-wisniewski"],
        every: 50,
        last: 40,
        since: 360,
        beats: &[
            (Coffee, "Coffee with Tomasz"),
            (HelpGiven, "Shared the onboarding research with payments"),
        ],
    },
    Rhythm {
        with: &["kwame-asante"],
        every: 45,
        last: 25,
        since: 360,
        beats: &[
            (OneOnOne, "Design critique with Kwame"),
            (Coffee, "Coffee with Kwame"),
        ],
    },
    Rhythm {
        with: &["ravi-subramanian"],
        every: 60,
        last: 30,
        since: 360,
        beats: &[
            (Meeting, "Metrics review with Ravi"),
            (HelpReceived, "Ravi built the activation cohort query"),
        ],
    },
    Rhythm {
        with: &["emily-thornton"],
        every: 14,
        last: 9,
        since: 175,
        beats: &[
            (OneOnOne, "Mentoring session with Emily"),
            (Feedback, "Reviewed Emily's problem statement"),
        ],
    },
    Rhythm {
        with: &["beatriz-lopes"],
        every: 35,
        last: 26,
        since: 340,
        beats: &[
            (OneOnOne, "Monthly sync with Beatriz"),
            (Meeting, "Tech-debt trade-off review"),
        ],
    },
    Rhythm {
        with: &["marcus-oyelaran"],
        every: 40,
        last: 47,
        since: 330,
        beats: &[
            (OneOnOne, "Skip-level with Marcus"),
            (Presentation, "Quarterly product review"),
        ],
    },
    Rhythm {
        with: &["yusuf-demir"],
        every: 45,
        last: 22,
        since: 360,
        beats: &[
            (Coffee, "Coffee with Yusuf"),
            (Meeting, "Design-system council"),
        ],
    },
    Rhythm {
        with: &["owen-gallagher"],
        every: 45,
        last: 20,
        since: 360,
        beats: &[
            (Meeting, "Launch planning with Owen"),
            (Message, "Reviewed the release notes with Owen"),
        ],
    },
    Rhythm {
        with: &["arjun-mehta"],
        every: 50,
        last: 28,
        since: 360,
        beats: &[
            (Demo, "Demo rehearsal with Arjun"),
            (HelpGiven, "Set up a demo environment for sales"),
        ],
    },
    Rhythm {
        with: &["fatima-zahra-benali"],
        every: 60,
        last: 35,
        since: 360,
        beats: &[(Meeting, "PM guild"), (Coffee, "Coffee with Fatima")],
    },
    Rhythm {
        with: &["chloe-martin"],
        every: 70,
        last: 50,
        since: 360,
        beats: &[(Meeting, "Platform dependency review")],
    },
    Rhythm {
        with: &["rafael-costa"],
        every: 70,
        last: 33,
        since: 320,
        beats: &[
            (Meeting, "Sales and product pipeline review"),
            (Message, "Deal feedback from Rafael"),
        ],
    },
    Rhythm {
        with: &["julia-nowak"],
        every: 50,
        last: 45,
        since: 320,
        beats: &[
            (Meeting, "Customer check-in with Baltic Freight"),
            (Demo, "Previewed the approval routing beta for Julia"),
        ],
    },
    Rhythm {
        with: &["mateo-ruiz"],
        every: 90,
        last: 55,
        since: 360,
        beats: &[(Meeting, "Quarterly check-in with Greenfield Foods")],
    },
    Rhythm {
        with: &["elena-markovic"],
        every: 40,
        last: 70,
        since: 360,
        beats: &[(Coffee, "Mentoring call with Elena")],
    },
    Rhythm {
        with: &["tariq-hussein"],
        every: 90,
        last: 75,
        since: 360,
        beats: &[(Meeting, "Churn model review with Tariq")],
    },
    Rhythm {
        with: &["sofia-rossi"],
        every: 120,
        last: 100,
        since: 360,
        beats: &[(Meeting, "Briefing on the promotion process")],
    },
    Rhythm {
        with: &["henrik-aalto"],
        every: 50,
        last: 40,
        since: 135,
        beats: &[(Meeting, "Platform roadmap sync")],
    },
    Rhythm {
        with: &["olivia-brennan"],
        every: 50,
        last: 65,
        since: 95,
        beats: &[(Message, "Sent Olivia the trial results deck")],
    },
    Rhythm {
        with: &["wei-zhang"],
        every: 100,
        last: 90,
        since: 300,
        beats: &[(Message, "Deal feedback from Wei")],
    },
    Rhythm {
        with: &["gabriel-dubois"],
        every: 170,
        last: 150,
        since: 360,
        beats: &[(Coffee, "Catch-up with Gabriel")],
    },
    Rhythm {
        with: &["benjamin-clarke"],
        every: 150,
        last: 130,
        since: 360,
        beats: &[(Coffee, "Catch-up call with Benjamin")],
    },
    Rhythm {
        with: &["kofi-mensah"],
        every: 45,
        last: 30,
        since: 150,
        beats: &[(Message, "Caught up with Kofi about the meetup")],
    },
    Rhythm {
        with: &["zoe-papadopoulos"],
        every: 150,
        last: 120,
        since: 300,
        beats: &[(Message, "Check-in from Zoe at Talentbridge")],
    },
    Rhythm {
        with: &["priscilla-mwangi"],
        every: 110,
        last: 80,
        since: 200,
        beats: &[(Coffee, "Call with Priscilla about payroll integrations")],
    },
];

/// A moment of the story: one interaction with what it taught me.
struct Moment {
    tag: &'static str,
    days: i64,
    kind: InteractionKind,
    with: &'static [&'static str],
    summary: &'static str,
    notes: &'static str,
    learned: &'static str,
    /// (what, due in days from today: negative is past, done?)
    follow_up: Option<(&'static str, i64, bool)>,
}

const fn moment(
    tag: &'static str,
    days: i64,
    kind: InteractionKind,
    with: &'static [&'static str],
    summary: &'static str,
) -> Moment {
    Moment {
        tag,
        days,
        kind,
        with,
        summary,
        notes: "",
        learned: "",
        follow_up: None,
    }
}

impl Moment {
    const fn notes(mut self, notes: &'static str) -> Self {
        self.notes = notes;
        self
    }
    const fn learned(mut self, learned: &'static str) -> Self {
        self.learned = learned;
        self
    }
    const fn follow_up(mut self, what: &'static str, due: i64, done: bool) -> Self {
        self.follow_up = Some((what, due, done));
        self
    }
}

const MOMENTS: &[Moment] = &[
    moment("julia-first", 330, Meeting, &["julia-nowak", "ingrid-solberg"], "Renewal call with Baltic Freight")
        .learned("Julia's team chases suppliers for documents by email; onboarding a supplier takes nine days."),
    moment("onboarding-review", 328, Presentation, &["grace-whitfield", "marcus-oyelaran", "hannah-berger"], "Onboarding rebuild results review")
        .notes("Showed 14-day activation up nine points. Marcus asked how it ties to expansion revenue; I had no answer ready.")
        .learned("Marcus judges product work by net revenue retention, not by features shipped."),
    moment("churn-pilot", 292, Meeting, &["ingrid-solberg", "nadia-petrova"], "Kick-off of the churn early-warning pilot")
        .learned("Ingrid's team finds out about churn risk at renewal, too late to act.")
        .follow_up("Send Ingrid the list of accounts with falling supplier activity", -285, true),
    moment("brown-bag", 252, Presentation, &["fatima-zahra-benali", "tomasz-wisniewski", "aiko-tanaka", "chloe-martin"], "Brown-bag: how procurement teams evaluate suppliers"),
    moment("hannah-rehearsal", 212, HelpReceived, &["hannah-berger"], "Rehearsed the business review with Hannah playing the sceptical CFO")
        .notes("She kept raising the stakes until my answers on payback period held."),
    moment("priscilla-summit", 210, Coffee, &["priscilla-mwangi"], "Met Priscilla at the SaaS Operations Summit")
        .learned("Lumen Payroll integrates with the same ERPs we do; she is hiring a PM for it."),
    moment("roadmap-cut", 200, Meeting, &["grace-whitfield", "marcus-oyelaran", "beatriz-lopes"], "Second-half roadmap review")
        .notes("Proposed dropping the vendor scorecard and the custom report builder: neither moves churn or activation. Both cut."),
    moment("lukas-sso", 200, Meeting, &["lukas-brandt", "hannah-berger"], "SSO security review"),
    moment("emily-start", 183, Coffee, &["emily-thornton", "sofia-rossi"], "Mentoring kick-off with Emily")
        .learned("Emily wants to move to a customer-facing squad within a year."),
    moment("carmen-erp", 170, Meeting, &["carmen-delgado", "aiko-tanaka"], "ERP partner scoping"),
    moment("kofi-intro", 158, Introduction, &["kofi-mensah", "elena-markovic"], "Elena introduced me to Kofi")
        .learned("Kofi runs Product Circle and looks for speakers with customer stories, not frameworks."),
    moment("beatriz-feedback", 152, Feedback, &["beatriz-lopes"], "Beatriz's feedback after the tech-debt review")
        .notes("She said it was the first roadmap review where engineering saw the trade-off before the dates."),
    moment("helena-migration", 150, Presentation, &["helena-voss", "beatriz-lopes"], "Migration risk review with Helena")
        .learned("Helena wants product asks three months ahead of the data-region migration."),
    moment("exec-custom-fields", 128, Meeting, &["marcus-oyelaran", "rafael-costa", "helena-voss"], "Exec review: custom fields or SSO first")
        .notes("Held the recommendation to ship SSO and the audit log first. Rafael disagreed strongly; Marcus backed the evidence.")
        .learned("Rafael has a renewal at risk that he ties to custom fields.")
        .follow_up("Send Rafael the list of deals SSO unblocks", -121, true),
    moment("wei-deal", 124, Message, &["wei-zhang"], "Wei's note on the lost logistics deal")
        .learned("He thinks product never explains what it says no to."),
    moment("all-hands", 118, Presentation, &["mei-lin-chen", "marcus-oyelaran", "olivia-brennan", "grace-whitfield"], "All-hands: self-serve trial results"),
    moment("jonas-coffee", 80, Coffee, &["jonas-lindqvist"], "First coffee with Jonas")
        .learned("He reads promotion packets for business outcomes first, then for who vouches for them.")
        .follow_up("Send Jonas the renewal-risk write-up", -70, true),
    moment("ingrid-offsite", 76, Presentation, &["ingrid-solberg", "mei-lin-chen", "daniel-okonkwo", "olivia-brennan"], "Presented renewal risk at the exec offsite"),
    moment("elena-advice", 70, Coffee, &["elena-markovic"], "Asked Elena how to handle the pricing council")
        .notes("Her advice: bring one recommendation and its evidence, not three options.")
        .follow_up("Send Elena the outline of the meetup talk", -50, true),
    moment("prewire-rafael", 63, OneOnOne, &["rafael-costa"], "Pre-wired the pricing page test with Rafael")
        .notes("He agreed not to block the test if sales sees the results every week.")
        .follow_up("Send Rafael the weekly results of the pricing test", -56, true),
    moment("prewire-ingrid", 62, OneOnOne, &["ingrid-solberg"], "Pre-wired the pricing page test with Ingrid"),
    moment("kofi-offer", 60, Message, &["kofi-mensah"], "Kofi offered a talk slot at Product Circle")
        .follow_up("Reply to Kofi with a talk title and abstract", 7, false),
    moment("pricing-council", 58, Meeting, &["daniel-okonkwo", "marcus-oyelaran", "grace-whitfield"], "First pricing council")
        .learned("Daniel wants every pricing change tied to average contract value."),
    moment("marcus-skip", 47, OneOnOne, &["marcus-oyelaran"], "Skip-level: renewal-risk results")
        .learned("He is short of leaders for the Supplier Network initiative.")
        .follow_up("Send Marcus the one-page churn bet", -40, false),
    moment("diego-feedback", 46, Feedback, &["diego-alvarez"], "Diego's feedback on our coaching sessions")
        .notes("The spec reviews gave him the nerve to challenge estimates in planning."),
    moment("emily-guild", 41, Presentation, &["emily-thornton", "fatima-zahra-benali"], "Emily presented her first spec at the PM guild"),
    moment("yusuf-feedback", 36, Feedback, &["yusuf-demir"], "Yusuf's feedback on the design-system council"),
    moment("nps-readout", 34, Meeting, &["grace-whitfield", "ingrid-solberg"], "Enterprise NPS readout"),
    moment("julia-call", 20, Meeting, &["julia-nowak"], "Check-in call with Julia")
        .learned("Her board asked for audit trails before peak season.")
        .follow_up("Send Julia the SSO case study draft for approval", -6, false),
    moment("diego-ship", 15, Demo, &["diego-alvarez", "grace-whitfield", "hannah-berger"], "Diego demoed approval routing to Grace"),
    moment("henrik-coffee", 12, Coffee, &["henrik-aalto"], "Coffee with Henrik about the Supplier Network initiative")
        .learned("He worries the initiative will be staffed with whoever is free rather than whoever knows suppliers.")
        .follow_up("Send Henrik my two-page take on the initiative's scope", 4, false),
    moment("supplier-interviews", 7, Meeting, &["nadia-petrova", "kwame-asante"], "Last of twelve supplier network interviews")
        .learned("Suppliers would pay to be pre-approved once for many buyers."),
    moment("ingrid-cohort", 6, Meeting, &["ingrid-solberg", "nadia-petrova"], "Renewal cohort review")
        .follow_up("Share the third-quarter renewal cohort analysis with Ingrid", 5, false),
    moment("grace-packet", 3, OneOnOne, &["grace-whitfield"], "1:1: promotion packet outline")
        .notes("Grace wants the packet to lead with business outcomes and to name who can vouch for each.")
        .follow_up("Draft the achievements section against this year's goals", 10, false),
];

pub(super) fn interactions(cast: &Cast, today: Day) -> Contacts {
    let ids = |with: &[&str]| -> Vec<PersonId> { with.iter().map(|h| cast.id(h)).collect() };
    let mut all: Vec<(Option<&'static str>, Interaction)> = Vec::new();
    for m in MOMENTS {
        let mut i = Interaction::new(ago(today, m.days), m.kind, title(m.summary), ids(m.with));
        i.notes = text(m.notes);
        i.learned = text(m.learned);
        if let Some((what, due, done)) = m.follow_up {
            i.follow_up = text(what);
            i.follow_up_due = Some(today.plus_days(due));
            i.follow_up_done = done;
        }
        all.push((Some(m.tag), i));
    }
    // A fixed seed: the jitter only keeps routine contact from looking machine-made.
    let mut rng = ChaCha8Rng::seed_from_u64(0x5EED_FA4C);
    for r in RHYTHMS {
        let people = ids(r.with);
        let spread = r.every / 4;
        let mut days = r.last;
        let mut beat = 0;
        while days <= r.since {
            // A moment with any of these people close by stands in for the routine contact.
            let covered = MOMENTS
                .iter()
                .any(|m| (m.days - days).abs() <= 2 && m.with.iter().any(|h| r.with.contains(h)));
            if !covered {
                let (kind, summary) = r.beats[beat % r.beats.len()];
                all.push((
                    None,
                    Interaction::new(ago(today, days), kind, title(summary), people.clone()),
                ));
                beat += 1;
            }
            days += (r.every + rng.random_range(-spread..=spread)).max(1);
        }
    }
    // Oldest first, so ids follow time as they would after a year of logging.
    all.sort_by_key(|(_, i)| i.on);
    let mut tags = HashMap::new();
    let mut records = Vec::with_capacity(all.len());
    for (n, (tag, i)) in all.into_iter().enumerate() {
        let id = InteractionId::from_raw(n as i64 + 1);
        if let Some(tag) = tag {
            tags.insert(tag, id);
        }
        records.push(Record::new(id, i));
    }
    Contacts { records, tags }
}

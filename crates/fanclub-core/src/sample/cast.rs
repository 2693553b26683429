//! The sample's people: who they are, what they care about, how their stance moved over the
//! year, and who knows whom.

use std::collections::HashMap;

use crate::{
    CadenceDays, Circle, Day, Email, Handle, Influence, Interest, Name, Person, PersonId, Record,
    Relation, Stance, StanceChange, Trust, TrustFactor,
};

use super::{ago, numbered, text};

const HARBORLIGHT: &str = "Harborlight";
const HARBORLIGHT_DOMAIN: &str = "harborlight.example";

/// The people of the sample with their ids, and every stance change, oldest first per
/// person.
pub(super) struct Cast {
    pub people: Vec<Record<Person>>,
    pub stance_changes: Vec<Record<StanceChange>>,
    ids: HashMap<String, PersonId>,
}

impl Cast {
    pub fn new(today: Day) -> Cast {
        let drafts = drafts();
        let ids: HashMap<String, PersonId> = drafts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (
                    d.person.handle.as_str().to_string(),
                    PersonId::from_raw(i as i64 + 1),
                )
            })
            .collect();
        let mut people = Vec::with_capacity(drafts.len());
        let mut changes = Vec::new();
        for (i, mut d) in drafts.into_iter().enumerate() {
            let id = PersonId::from_raw(i as i64 + 1);
            d.person.introduced_by = d.introduced_by.map(|h| lookup(&ids, h));
            let mut from = None;
            for (days, stance, note) in &d.history {
                changes.push(StanceChange {
                    person: id,
                    from,
                    to: *stance,
                    on: ago(today, *days),
                    note: text(note),
                });
                from = Some(*stance);
            }
            d.person.stance = from.expect("every sample person has a stance history");
            people.push(Record::new(id, d.person));
        }
        // Oldest first, as the store returns them, so the history reads as a timeline.
        changes.sort_by_key(|c| c.on);
        Cast {
            people,
            stance_changes: numbered(changes),
            ids,
        }
    }

    /// The id of the person with this handle; the sample's tables only name people it has.
    pub fn id(&self, handle: &str) -> PersonId {
        lookup(&self.ids, handle)
    }
}

fn lookup(ids: &HashMap<String, PersonId>, handle: &str) -> PersonId {
    *ids.get(handle)
        .unwrap_or_else(|| panic!("the sample refers to {handle}, who is not in its cast"))
}

/// One person being written, with what can only be resolved once everyone has an id.
struct Draft {
    person: Person,
    introduced_by: Option<&'static str>,
    /// (days ago, stance, note): the first entry is the stance first recorded.
    history: Vec<(i64, Stance, &'static str)>,
}

fn draft(
    name: &str,
    circle: Circle,
    relation: Relation,
    influence: i64,
    interest: i64,
    title: &str,
) -> Draft {
    let mut person = Person::new(Name::parse(name).expect("sample names are valid"));
    person.circle = circle;
    person.relation = relation;
    person.influence = Influence::new(influence).expect("sample influence is 1..=5");
    person.interest = Interest::new(interest).expect("sample interest is 1..=5");
    person.title = text(title);
    if circle != Circle::Outside {
        person.organisation = text(HARBORLIGHT);
        person.emails = vec![email(&person.handle, HARBORLIGHT_DOMAIN)];
    }
    Draft {
        person,
        introduced_by: None,
        history: Vec::new(),
    }
}

/// `first.last@domain`, from the handle so accents never reach an address.
fn email(handle: &Handle, domain: &str) -> Email {
    Email::parse(&format!("{}@{domain}", handle.as_str().replace('-', ".")))
        .expect("sample addresses are valid")
}

impl Draft {
    /// A handle of my choosing, where the name has letters the derivation drops.
    fn handle(mut self, h: &str) -> Self {
        self.person.handle = Handle::parse(h).expect("sample handles are valid");
        if let Some(e) = self.person.emails.first_mut() {
            let domain = e
                .as_str()
                .split_once('@')
                .map(|(_, d)| d.to_string())
                .unwrap_or_default();
            *e = email(&self.person.handle, &domain);
        }
        self
    }

    fn team(mut self, team: &str) -> Self {
        self.person.team = text(team);
        self
    }

    /// Where an outside person works, and the mail domain when I have their address.
    fn org(mut self, organisation: &str, domain: Option<&str>) -> Self {
        self.person.organisation = text(organisation);
        self.person.emails = domain
            .map(|d| email(&self.person.handle, d))
            .into_iter()
            .collect();
        self
    }

    fn cares(mut self, goals: &str, struggles: &str) -> Self {
        self.person.goals = text(goals);
        self.person.struggles = text(struggles);
        self
    }

    fn outside_work(mut self, interests: &str) -> Self {
        self.person.interests = text(interests);
        self
    }

    fn met(mut self, how: &str, introduced_by: Option<&'static str>) -> Self {
        self.person.how_met = text(how);
        self.introduced_by = introduced_by;
        self
    }

    fn trust(
        mut self,
        credibility: i64,
        reliability: i64,
        intimacy: i64,
        self_orientation: i64,
    ) -> Self {
        let f = |n| TrustFactor::new(n).expect("sample trust factors are 1..=10");
        self.person.trust = Some(Trust {
            credibility: f(credibility),
            reliability: f(reliability),
            intimacy: f(intimacy),
            self_orientation: f(self_orientation),
        });
        self
    }

    fn cadence(mut self, days: i64) -> Self {
        self.person.cadence = Some(CadenceDays::new(days).expect("sample cadences are in range"));
        self
    }

    fn birthday(mut self, b: &str) -> Self {
        self.person.birthday = text(b);
        self
    }

    fn link(mut self, url: &str) -> Self {
        self.person.links.push(url.into());
        self
    }

    fn notes(mut self, notes: &str) -> Self {
        self.person.notes = text(notes);
        self
    }

    fn stances(mut self, history: &[(i64, Stance, &'static str)]) -> Self {
        self.history = history.to_vec();
        self
    }
}

/// Everyone in the sample, in id order: my team, the rest of the company, then outside.
fn drafts() -> Vec<Draft> {
    use Circle::{Company, Outside, Team};
    use Relation::*;
    use Stance::*;
    vec![
        // My team.
        draft("Grace Whitfield", Team, Manager, 5, 5, "Director of Product, Supplier Experience")
            .team("Product")
            .cares(
                "Get the supplier experience group funded for two more squads next year",
                "Stretched across three squads and the pricing work; needs PMs who decide without her",
            )
            .outside_work("Trail running; restores old road bikes")
            .met("Became my manager in last year's re-org", None)
            .trust(8, 8, 6, 3)
            .cadence(7)
            .birthday("--04-12")
            .stances(&[
                (365, Supporter, "Inherited as my manager after the re-org"),
                (240, Advocate, "Put me forward to run the self-serve trial without being asked"),
            ]),
        draft("Tomasz Wiśniewski", Team, Peer, 2, 3, "Senior Product Manager, Payments")
            .handle("tomasz-wisniewski")
            .team("Payments")
            .cares(
                "Launch card payments for suppliers in two new markets",
                "Compliance reviews keep moving his dates",
            )
            .outside_work("Chess; bakes sourdough")
            .stances(&[
                (365, Aware, ""),
                (280, Supporter, "Asked to reuse my onboarding research for payments"),
            ]),
        draft("Aiko Tanaka", Team, Peer, 3, 4, "Senior Product Manager, Integrations")
            .team("Integrations")
            .cares("Make the ERP connectors self-serve", "Partner teams ship on their own calendar")
            .outside_work("Ceramics; runs a neighbourhood book club")
            .stances(&[
                (365, Aware, ""),
                (200, Supporter, "After we split the approval-routing work cleanly"),
            ]),
        draft("Diego Álvarez", Team, Report, 1, 5, "Associate Product Manager")
            .team("Supplier Experience")
            .cares(
                "Own a feature area end to end by the end of the year",
                "Hesitates to push back on engineering estimates",
            )
            .outside_work("Plays bass in a covers band")
            .met("Joined the squad as an APM reporting to me", None)
            .trust(8, 8, 8, 2)
            .cadence(7)
            .stances(&[
                (300, Supporter, "Joined the squad"),
                (150, Advocate, "Told Grace the weekly coaching is why he stayed"),
            ]),
        draft("Hannah Berger", Team, CrossFunctional, 3, 5, "Engineering Lead, Supplier Experience")
            .team("Supplier Experience")
            .cares(
                "Pay down the import pipeline's debt without stalling delivery",
                "Two senior engineers leave in the spring",
            )
            .outside_work("Bouldering; board games")
            .trust(9, 8, 7, 2)
            .stances(&[
                (365, Supporter, ""),
                (210, Advocate, "Backed my plan at the architecture review before I asked"),
            ]),
        draft("Kwame Asante", Team, CrossFunctional, 2, 4, "Product Designer")
            .team("Supplier Experience")
            .cares("Build a design system the other squads adopt", "Research time is the first thing cut")
            .outside_work("Photography; collects highlife records")
            .stances(&[(365, Supporter, "")]),
        draft("Ravi Subramanian", Team, CrossFunctional, 2, 3, "Data Analyst")
            .team("Supplier Experience")
            .cares("Move the squad from ad-hoc queries to a shared metrics layer", "")
            .outside_work("Cricket; cooks for friends on Sundays")
            .stances(&[(365, Aware, "")]),
        draft("Chloé Martin", Team, Peer, 3, 3, "Senior Product Manager, Core Platform")
            .team("Core Platform")
            .cares(
                "Make the platform roadmap visible to the other squads",
                "Her squad is seen as a cost centre",
            )
            .stances(&[(365, Aware, "")]),
        // The rest of the company.
        draft("Marcus Oyelaran", Company, SkipLevel, 5, 3, "VP Product")
            .team("Product")
            .cares(
                "Show the board a product org that moves net revenue retention",
                "Too many initiatives, too few leaders to run them",
            )
            .outside_work("Jazz piano; coaches his daughter's football team")
            .trust(6, 7, 4, 4)
            .stances(&[
                (365, Unknown, "Barely knew my work"),
                (260, Aware, "After the onboarding rebuild review"),
                (110, Supporter, "Asked me to present the trial results to the exec team"),
            ]),
        draft("Helena Voss", Company, Executive, 5, 2, "Chief Technology Officer")
            .team("Engineering")
            .cares(
                "Move the platform to the new data region by the third quarter",
                "Hears about product asks too late to plan for them",
            )
            .outside_work("Sailing")
            .trust(5, 5, 2, 5)
            .stances(&[(365, Unknown, "")]),
        draft("Rafael Costa", Company, Executive, 4, 4, "VP Sales")
            .team("Sales")
            .cares(
                "Close three enterprise logos in logistics",
                "Deals stall on requests for custom fields",
            )
            .outside_work("Marathons; follows Brazilian football")
            .trust(4, 5, 3, 6)
            .notes("Sits on the promotion committee. Lost a renewal he ties to the custom-fields deferral.")
            .stances(&[
                (365, Unknown, ""),
                (300, Aware, "Joined a customer call I ran"),
                (130, Detractor, "Custom fields were deferred; he blames it for a lost renewal"),
            ]),
        draft("Ingrid Solberg", Company, Executive, 4, 5, "VP Customer Success")
            .team("Customer Success")
            .cares(
                "Gross churn below 1.2% and an expansion motion her team can run",
                "Renewal risk shows up late in the quarter",
            )
            .outside_work("Cross-country skiing; keeps bees")
            .trust(9, 8, 8, 2)
            .stances(&[
                (365, Aware, ""),
                (280, Supporter, "After the churn playbook pilot"),
                (170, Advocate, "Credited the playbook to me in the quarterly business review"),
                (75, Sponsor, "Proposed me to lead the renewal-risk workstream at the exec offsite"),
            ]),
        draft("Yusuf Demir", Company, CrossFunctional, 3, 4, "Head of Design")
            .team("Design")
            .cares("Get research budget ring-fenced", "")
            .outside_work("Calligraphy")
            .stances(&[
                (365, Supporter, ""),
                (90, Advocate, "Put me forward as product lead for the design-system council"),
            ]),
        draft("Beatriz Lopes", Company, CrossFunctional, 4, 4, "Director of Engineering")
            .team("Engineering")
            .cares(
                "Halve incidents from the import pipeline",
                "Product commits to dates before engineering sizes the work",
            )
            .outside_work("Open-water swimming")
            .trust(7, 6, 5, 4)
            .stances(&[
                (365, Aware, ""),
                (200, Supporter, "After I brought her the tech-debt trade-off before the roadmap review"),
            ]),
        draft("Owen Gallagher", Company, CrossFunctional, 3, 4, "Head of Product Marketing")
            .team("Marketing")
            .cares("A launch calendar sales can trust", "Finds out about releases from the changelog")
            .outside_work("Does stand-up at open-mic nights")
            .stances(&[(365, Aware, ""), (230, Supporter, "")]),
        draft("Fatima Zahra Benali", Company, Peer, 3, 3, "Senior Product Manager, Growth")
            .team("Growth")
            .cares("Run a PM guild people actually attend", "")
            .outside_work("Learning Portuguese; climbing")
            .stances(&[(365, Supporter, "")]),
        draft("Jonas Lindqvist", Company, Peer, 4, 2, "Principal Product Manager")
            .team("Product")
            .cares(
                "Hold the product bar on the promotion committee",
                "Sees too many PMs who talk about features, not outcomes",
            )
            .outside_work("Builds synthesizers")
            .trust(5, 6, 3, 5)
            .notes("On the promotion committee; reads every packet for business outcomes first.")
            .stances(&[(365, Unknown, "")]),
        draft("Mei-Lin Chen", Company, Executive, 5, 1, "Chief Executive Officer")
            .cares("Take the company to profitability before the next raise", "")
            .team("Leadership")
            .cadence(60)
            .stances(&[
                (365, Unknown, ""),
                (115, Aware, "Saw the trial results at the all-hands"),
            ]),
        draft("Daniel Okonkwo", Company, Executive, 4, 2, "Chief Financial Officer")
            .team("Finance")
            .cares("Pricing that lifts average contract value", "")
            .outside_work("Amateur astronomy")
            .stances(&[(365, Unknown, "")]),
        draft("Sofia Rossi", Company, CrossFunctional, 3, 2, "People Partner, Product and Engineering")
            .team("People")
            .cares("A promotion process people trust", "")
            .stances(&[(365, Aware, "")]),
        draft("Arjun Mehta", Company, CrossFunctional, 2, 4, "Lead Solutions Engineer")
            .team("Sales")
            .cares("Fewer custom demos, more reusable ones", "")
            .outside_work("Cycling; Carnatic music")
            .stances(&[
                (365, Aware, ""),
                (190, Supporter, "After I set up a demo environment with him"),
            ]),
        draft("Nadia Petrova", Company, CrossFunctional, 2, 5, "Senior Customer Success Manager")
            .team("Customer Success")
            .cares(
                "Keep her accounts above 110% net retention",
                "Escalations that no product owner picks up",
            )
            .outside_work("Ballet; volunteers at an animal shelter")
            .trust(9, 9, 8, 2)
            .stances(&[
                (365, Supporter, ""),
                (240, Advocate, "Brings me into every at-risk renewal since the playbook"),
            ]),
        draft("Tariq Hussein", Company, CrossFunctional, 3, 3, "Data Science Lead")
            .team("Data")
            .cares("Ship a churn model the business trusts", "")
            .outside_work("Five-a-side football")
            .stances(&[(365, Aware, "")]),
        draft("Emily Thornton", Company, Peer, 1, 4, "Associate Product Manager, Growth")
            .team("Growth")
            .cares(
                "Move to a customer-facing squad within a year",
                "Writing crisp problem statements",
            )
            .outside_work("Improv theatre")
            .met("Matched through the APM mentoring programme", Some("sofia-rossi"))
            .stances(&[
                (185, Aware, "Asked me to mentor her"),
                (120, Supporter, ""),
                (40, Advocate, "Told the guild the mentoring changed how she writes specs"),
            ]),
        draft("Lukas Brandt", Company, CrossFunctional, 3, 1, "Security and Compliance Lead")
            .cares("Pass the SOC 2 audit without a single exception", "Learns about new data flows after they ship")
            .team("Security")
            .stances(&[(365, Unknown, "")]),
        draft("Carmen Delgado", Company, CrossFunctional, 3, 2, "Head of Partnerships")
            .team("Partnerships")
            .cares("Sign two ERP partnerships this year", "")
            .stances(&[(365, Unknown, "")]),
        draft("Henrik Aalto", Company, CrossFunctional, 4, 3, "Director of Product, Platform")
            .team("Product")
            .cares(
                "Staff the Supplier Network initiative with someone who knows suppliers",
                "Worries the initiative gets whoever is free",
            )
            .outside_work("Sauna; restoring a wooden boat")
            .met("Grace introduced us at the product offsite", Some("grace-whitfield"))
            .trust(6, 5, 4, 4)
            .stances(&[(140, Aware, "Met at the product offsite")]),
        draft("Olivia Brennan", Company, CrossFunctional, 4, 3, "Chief of Staff to the CEO")
            .team("Leadership")
            .cares("Keep the exec team's initiatives staffed and on track", "")
            .stances(&[
                (365, Unknown, ""),
                (100, Aware, "Asked for the trial results deck after the all-hands"),
            ]),
        draft("Wei Zhang", Company, CrossFunctional, 2, 3, "Enterprise Account Executive")
            .team("Sales")
            .cares("Make President's Club this year", "Lost a logistics deal he links to custom fields")
            .stances(&[(365, Detractor, "Thinks product ignores what sales asks for")]),
        // Outside the company.
        draft("Elena Marković", Outside, Mentor, 3, 4, "VP Product")
            .handle("elena-markovic")
            .org("Copperleaf Health", Some("copperleaf.example"))
            .cares("Building her first product org from scratch", "")
            .outside_work("Opera; long walks with her greyhound")
            .met("My manager two jobs ago; we have talked monthly since", None)
            .trust(9, 9, 9, 1)
            .cadence(45)
            .stances(&[
                (365, Advocate, ""),
                (160, Sponsor, "Vouched for me to the meetup organisers"),
            ]),
        draft("Kofi Mensah", Outside, External, 2, 3, "Organiser, Product Circle meetup")
            .cares("Grow the meetup past a hundred regulars", "Finding speakers with real stories")
            .org("Product Circle", Some("productcircle.example"))
            .met("Elena introduced us by email", Some("elena-markovic"))
            .stances(&[
                (158, Aware, "Elena introduced us"),
                (60, Supporter, "Offered me a talk slot"),
            ]),
        draft("Julia Nowak", Outside, External, 2, 4, "Head of Procurement")
            .org("Baltic Freight", Some("balticfreight.example"))
            .cares(
                "Onboard 400 suppliers before peak season",
                "Her team still chases suppliers for documents by email",
            )
            .met("Ingrid brought me to a renewal call", Some("ingrid-solberg"))
            .cadence(60)
            .stances(&[
                (330, Aware, ""),
                (250, Supporter, "Agreed to be a case study"),
                (150, Advocate, "Referred two peers to us"),
            ]),
        draft("Mateo Ruiz", Outside, External, 2, 3, "Operations Director")
            .cares("Cut the cost of onboarding a new supplier", "")
            .org("Greenfield Foods", Some("greenfieldfoods.example"))
            .met("Nadia asked me to join a rescue call", Some("nadia-petrova"))
            .stances(&[(365, Aware, ""), (200, Supporter, "")]),
        draft("Sarah Goldberg", Outside, External, 3, 2, "Host, The Build Log podcast")
            .org("The Build Log", None)
            .link("https://buildlog.example/podcast")
            .notes("I would like to pitch an episode on procurement software; only Kofi knows her.")
            .stances(&[(60, Unknown, "")]),
        draft("Ahmed El-Sayed", Outside, External, 4, 1, "VP Product")
            .org("Orbitwise", Some("orbitwise.example"))
            .notes("Orbitwise is building a product leadership team; no warm path to him yet.")
            .stances(&[(90, Unknown, "")]),
        draft("Zoe Papadopoulos", Outside, External, 3, 2, "Senior Recruiter")
            .cares("Place product leaders in growth-stage companies", "")
            .org("Talentbridge", Some("talentbridge.example"))
            .stances(&[(300, Aware, "")]),
        draft("Benjamin Clarke", Outside, External, 3, 3, "Director of Product")
            .cares("Build Fernway's first platform team", "")
            .org("Fernway", Some("fernway.example"))
            .met("We sat next to each other at my first PM job", None)
            .outside_work("Fly fishing")
            .stances(&[(365, Supporter, "")]),
        draft("Leila Farahani", Outside, External, 3, 2, "Principal Analyst")
            .org("Meridian Research", None)
            .notes("Writes the yearly report on procurement software buyers.")
            .stances(&[(45, Unknown, "")]),
        draft("Hiroshi Nakamura", Outside, External, 5, 1, "Chief Product Officer")
            .org("Tidepool Logistics", None)
            .notes("Tidepool is a logistics platform our customers use; a good person to learn from.")
            .stances(&[(30, Unknown, "")]),
        draft("Priscilla Mwangi", Outside, External, 2, 2, "Head of Product")
            .cares("Hire a PM for payroll integrations", "")
            .org("Lumen Payroll", Some("lumenpayroll.example"))
            .met("Met at the SaaS Operations Summit", None)
            .stances(&[(210, Aware, "")]),
        draft("Gabriel Dubois", Outside, External, 1, 2, "Founder")
            .cares("Find a first enterprise customer for Quaystone", "")
            .org("Quaystone", Some("quaystone.example"))
            .cadence(180)
            .stances(&[(365, Supporter, "")]),
    ]
}

//! Who knows whom in the sample, with how well: a company graph around a few hubs, and
//! outside people reachable only through a chain of introductions.

use crate::{Connection, Record, Strength};

use super::cast::Cast;
use super::{numbered, text};

/// Who knows whom, with how well (1–5). Outside targets like Hiroshi or Sarah are only
/// reachable through two or three people, so intro paths have something to find.
const LINKS: &[(&str, &str, i64, &str)] = &[
    (
        "grace-whitfield",
        "marcus-oyelaran",
        5,
        "Marcus hired Grace",
    ),
    ("grace-whitfield", "helena-voss", 3, ""),
    ("grace-whitfield", "ingrid-solberg", 4, ""),
    ("grace-whitfield", "beatriz-lopes", 4, ""),
    (
        "grace-whitfield",
        "henrik-aalto",
        4,
        "Both on the product leadership team",
    ),
    ("grace-whitfield", "jonas-lindqvist", 3, ""),
    ("grace-whitfield", "tomasz-wisniewski", 4, ""),
    ("grace-whitfield", "aiko-tanaka", 4, ""),
    ("grace-whitfield", "chloe-martin", 3, ""),
    ("grace-whitfield", "diego-alvarez", 2, ""),
    ("grace-whitfield", "olivia-brennan", 3, ""),
    (
        "grace-whitfield",
        "elena-markovic",
        2,
        "Met at a product leaders' dinner",
    ),
    ("marcus-oyelaran", "mei-lin-chen", 5, ""),
    ("marcus-oyelaran", "helena-voss", 4, ""),
    ("marcus-oyelaran", "rafael-costa", 3, ""),
    ("marcus-oyelaran", "daniel-okonkwo", 3, ""),
    ("marcus-oyelaran", "henrik-aalto", 5, ""),
    (
        "marcus-oyelaran",
        "jonas-lindqvist",
        4,
        "Jonas was Marcus's first product hire",
    ),
    ("marcus-oyelaran", "olivia-brennan", 4, ""),
    ("helena-voss", "beatriz-lopes", 5, ""),
    ("helena-voss", "lukas-brandt", 4, ""),
    ("helena-voss", "mei-lin-chen", 4, ""),
    ("helena-voss", "tariq-hussein", 3, ""),
    ("rafael-costa", "wei-zhang", 5, ""),
    ("rafael-costa", "arjun-mehta", 4, ""),
    ("rafael-costa", "carmen-delgado", 3, ""),
    ("rafael-costa", "mei-lin-chen", 3, ""),
    (
        "rafael-costa",
        "ingrid-solberg",
        3,
        "They share the renewal forecast",
    ),
    ("ingrid-solberg", "nadia-petrova", 5, ""),
    ("ingrid-solberg", "mei-lin-chen", 3, ""),
    (
        "ingrid-solberg",
        "julia-nowak",
        3,
        "Executive sponsor of the Baltic Freight account",
    ),
    (
        "ingrid-solberg",
        "leila-farahani",
        2,
        "Leila interviewed her for a report on churn",
    ),
    ("beatriz-lopes", "hannah-berger", 4, ""),
    ("beatriz-lopes", "henrik-aalto", 4, ""),
    ("beatriz-lopes", "lukas-brandt", 3, ""),
    ("hannah-berger", "kwame-asante", 4, ""),
    ("hannah-berger", "ravi-subramanian", 3, ""),
    ("hannah-berger", "diego-alvarez", 4, ""),
    ("kwame-asante", "yusuf-demir", 5, "Yusuf hired Kwame"),
    ("yusuf-demir", "owen-gallagher", 3, ""),
    ("yusuf-demir", "chloe-martin", 2, ""),
    ("owen-gallagher", "arjun-mehta", 3, ""),
    (
        "owen-gallagher",
        "kofi-mensah",
        2,
        "Marketing sponsors the meetup's venue",
    ),
    ("owen-gallagher", "carmen-delgado", 3, ""),
    (
        "fatima-zahra-benali",
        "emily-thornton",
        4,
        "Emily's manager",
    ),
    ("fatima-zahra-benali", "tomasz-wisniewski", 3, ""),
    ("fatima-zahra-benali", "tariq-hussein", 3, ""),
    ("tomasz-wisniewski", "aiko-tanaka", 4, ""),
    ("aiko-tanaka", "chloe-martin", 3, ""),
    ("aiko-tanaka", "carmen-delgado", 4, "Partner integrations"),
    ("jonas-lindqvist", "henrik-aalto", 4, ""),
    ("jonas-lindqvist", "chloe-martin", 4, ""),
    ("daniel-okonkwo", "olivia-brennan", 3, ""),
    ("mei-lin-chen", "olivia-brennan", 5, ""),
    ("sofia-rossi", "emily-thornton", 2, ""),
    ("sofia-rossi", "olivia-brennan", 3, ""),
    ("nadia-petrova", "julia-nowak", 4, ""),
    ("nadia-petrova", "mateo-ruiz", 3, ""),
    ("arjun-mehta", "mateo-ruiz", 2, ""),
    ("tariq-hussein", "gabriel-dubois", 2, ""),
    (
        "elena-markovic",
        "benjamin-clarke",
        4,
        "Worked together at Fernway",
    ),
    ("elena-markovic", "kofi-mensah", 3, ""),
    ("elena-markovic", "zoe-papadopoulos", 2, ""),
    (
        "benjamin-clarke",
        "ahmed-el-sayed",
        3,
        "Both advise a product school",
    ),
    ("benjamin-clarke", "gabriel-dubois", 3, ""),
    (
        "ahmed-el-sayed",
        "hiroshi-nakamura",
        4,
        "Ahmed reported to Hiroshi at Tidepool",
    ),
    ("leila-farahani", "hiroshi-nakamura", 2, ""),
    (
        "kofi-mensah",
        "sarah-goldberg",
        3,
        "Sarah recorded an episode at the meetup",
    ),
    ("kofi-mensah", "priscilla-mwangi", 3, ""),
    (
        "zoe-papadopoulos",
        "ahmed-el-sayed",
        2,
        "Recruits for Orbitwise",
    ),
    ("zoe-papadopoulos", "priscilla-mwangi", 2, ""),
    (
        "julia-nowak",
        "mateo-ruiz",
        1,
        "Met at a customer advisory board",
    ),
];

pub(super) fn connections(cast: &Cast) -> Vec<Record<Connection>> {
    numbered(LINKS.iter().map(|(a, b, strength, note)| {
        Connection {
            a: cast.id(a),
            b: cast.id(b),
            strength: Strength::new(*strength).expect("sample strengths are 1..=5"),
            note: text(note),
        }
        .normalized()
        .expect("sample connections join two different people")
    }))
}

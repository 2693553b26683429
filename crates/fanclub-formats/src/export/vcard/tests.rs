use proptest::prelude::*;

use fanclub_core::{Circle, Email, Name, Person, Relation};

use super::*;
use crate::vcard::parse;

fn person(name: &str) -> Person {
    Person::new(Name::parse(name).unwrap())
}

#[test]
fn a_card_has_every_field_escaped_and_folded() {
    let mut p = person("Zoë van der Berg");
    p.emails = vec![Email::parse("zoe@example.com").unwrap()];
    p.phones = vec!["+31 20 555 0100".into()];
    p.organisation = Some("Harbor, Light; Inc.".into());
    p.team = Some("Growth".into());
    p.title = Some("VP, Product".into());
    p.birthday = Some("--02-29".into());
    p.links = vec!["https://example.com/zoe".into()];
    p.notes = Some(format!(
        "Met at the offsite; likes sailing, tea.\n{}",
        "long ".repeat(40)
    ));
    let text = write_vcards([&p]);
    assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë van der Berg\r\n"));
    assert!(text.contains("\r\nN:Berg;Zoë van der;;;\r\n"), "{text}");
    assert!(
        text.contains("\r\nORG:Harbor\\, Light\\; Inc.;Growth\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\nTITLE:VP\\, Product\r\n"), "{text}");
    assert!(text.contains("\r\nBDAY:--0229\r\n"), "{text}");
    assert!(text.contains("\r\nCATEGORIES:company,peer\r\n"), "{text}");
    assert!(
        text.contains("NOTE:Met at the offsite\\; likes sailing\\, tea.\\n"),
        "{text}"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    assert!(text.ends_with("END:VCARD\r\n"));
}

#[test]
fn a_full_birthday_keeps_its_year() {
    let mut p = person("Ada");
    p.birthday = Some("1985-07-04".into());
    let text = write_vcards([&p]);
    assert!(text.contains("\r\nBDAY:19850704\r\n"), "{text}");
    assert!(text.contains("\r\nN:Ada;;;;\r\n"), "{text}");
    let back = parse(text.as_bytes()).unwrap();
    assert_eq!(back.records[0].birthday.as_deref(), Some("1985-07-04"));
}

/// Awkward text: the characters vCard escapes, line breaks, non-Latin scripts and emoji.
fn awkward(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_string()),
        Just(";".to_string()),
        Just("\\".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z0-9]{1,6}",
        "[éøßçñ漢字カタカナ🙂Ωж]{1,3}",
    ];
    proptest::collection::vec(piece, 1..max)
        .prop_map(|parts| parts.concat())
        .prop_filter_map("needs visible text", |s| {
            let t = s.trim().to_string();
            (!t.is_empty()).then_some(t)
        })
}

/// One line of awkward text: names never hold line breaks in an address book.
fn one_line(max: usize) -> impl Strategy<Value = String> {
    awkward(max).prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

prop_compose! {
    fn people()(
        name in one_line(8),
        org in proptest::option::of(one_line(6)),
        team in proptest::option::of(one_line(4)),
        title in proptest::option::of(one_line(6)),
        notes in proptest::option::of(awkward(30)),
        user in "[a-z0-9._]{1,12}",
        phone in proptest::option::of("\\+?[0-9]{3,12}"),
        link in proptest::option::of("https://example\\.com/[a-z0-9,;%_-]{1,20}"),
        birthday in proptest::option::of(prop_oneof![
            (1930i32..2010, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            (1u32..13, 1u32..29).prop_map(|(m, d)| format!("--{m:02}-{d:02}")),
        ]),
        circle in proptest::sample::select(Circle::ALL),
        relation in proptest::sample::select(Relation::ALL),
    ) -> Person {
        let mut p = person(&name);
        p.organisation = org;
        p.team = team;
        p.title = title;
        p.notes = notes;
        p.emails = vec![Email::parse(&format!("{user}x@example.org")).unwrap()];
        p.phones = phone.into_iter().collect();
        p.links = link.into_iter().collect();
        p.birthday = birthday;
        p.circle = circle;
        p.relation = relation;
        p
    }
}

proptest! {
    /// Export, then read back with the vCard reader: the same people, field by field.
    #[test]
    fn export_then_import_gives_the_same_people(people in proptest::collection::vec(people(), 1..6)) {
        let text = write_vcards(&people);
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75, "line longer than 75 octets: {:?}", line);
        }
        let report = parse(text.as_bytes()).unwrap();
        prop_assert_eq!(report.records.len(), people.len(), "{:?}", report.problems);
        for (p, r) in people.iter().zip(&report.records) {
            prop_assert_eq!(&r.name, &p.name);
            prop_assert_eq!(&r.emails, &p.emails);
            prop_assert_eq!(&r.phones, &p.phones);
            prop_assert_eq!(&r.organisation, &p.organisation);
            prop_assert_eq!(&r.team, &p.team);
            prop_assert_eq!(&r.title, &p.title);
            prop_assert_eq!(&r.links, &p.links);
            prop_assert_eq!(&r.birthday, &p.birthday);
            prop_assert_eq!(&r.notes, &p.notes);
            prop_assert_eq!(
                &r.categories,
                &vec![p.circle.as_str().to_string(), p.relation.as_str().to_string()]
            );
        }
    }
}

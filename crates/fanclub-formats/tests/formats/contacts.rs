//! Contacts: LinkedIn, Google CSV and vCard fixtures, value by value.

use super::*;

#[test]
fn linkedin_current_export_with_preamble_bom_and_crlf() {
    let report = linkedin::parse(&local("linkedin-connections.csv")).unwrap();
    let names: Vec<&str> = report.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Dana Kim",
            "Omar Haddad",
            "Priya Raman",
            "Léa Dubois",
            "Sam Okafor"
        ]
    );

    let dana = person(&report, "Dana Kim");
    assert_eq!(dana.at, Place::Line(5), "the header is on line 4");
    assert_eq!(dana.emails[0].as_str(), "dana.kim@example.com");
    assert_eq!(dana.organisation.as_deref(), Some("Northwind Traders"));
    assert_eq!(dana.title.as_deref(), Some("Director, Product"));
    assert_eq!(dana.links, ["https://www.linkedin.com/in/dana-kim-example"]);
    assert_eq!(dana.connected_on, Some(day("2024-03-12")));

    let omar = person(&report, "Omar Haddad");
    assert!(
        omar.emails.is_empty(),
        "most connections hide their address"
    );
    assert_eq!(omar.organisation.as_deref(), Some("Contoso, Ltd."));
    assert_eq!(omar.connected_on, Some(day("2019-09-02")));

    assert_eq!(
        person(&report, "Priya Raman").title.as_deref(),
        Some("Head of \"Growth\"")
    );
    assert_eq!(
        person(&report, "Léa Dubois").emails[0].as_str(),
        "lea@example.org"
    );

    let sam = person(&report, "Sam Okafor");
    assert_eq!(sam.connected_on, None);
    assert!(sam.emails.is_empty());
    let sam_problems = problems_at(&report, Place::Line(10));
    assert_eq!(sam_problems.len(), 2, "{sam_problems:?}");
    assert!(sam_problems.iter().any(|m| m.contains("`sometime`")));
    assert!(sam_problems.iter().any(|m| m.contains("`not-an-email`")));

    // A deleted member: a URL and nothing to call them by.
    assert_eq!(report.problems[0].at, Place::Line(9));
    assert_eq!(report.problems[0].severity, Severity::Skipped);
}

#[test]
fn linkedin_old_export_without_url() {
    let report = linkedin::parse(&local("linkedin-connections-old.csv")).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let mara = person(&report, "Mara Lindqvist");
    assert_eq!(mara.at, Place::Line(5));
    assert!(mara.links.is_empty());
    assert_eq!(mara.emails[0].as_str(), "mara@example.net");
    assert_eq!(mara.title.as_deref(), Some("Chief of Staff"));
    assert_eq!(mara.connected_on, Some(day("2018-06-15")));
    assert_eq!(
        person(&report, "Theo Brandt").connected_on,
        Some(day("2017-02-03"))
    );
}

#[test]
fn linkedin_resaved_by_a_european_spreadsheet() {
    let text = "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n\
                Ana;Lopes;;ana@example.com;\"Acme; Iberia\";CFO;12-Mar-24\r\n\
                Ben;Ortiz;;;;;3/12/2024\r\n";
    let report = linkedin::parse(text.as_bytes()).unwrap();
    let ana = person(&report, "Ana Lopes");
    assert_eq!(ana.organisation.as_deref(), Some("Acme; Iberia"));
    assert_eq!(ana.connected_on, Some(day("2024-03-12")));
    let ben = problems_at(&report, Place::Line(3));
    assert!(ben[0].contains("two different days"), "{ben:?}");
}

#[test]
fn linkedin_refuses_another_export_and_says_which_it_is() {
    let err = linkedin::parse(&local("google-contacts.csv")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains(linkedin::EXPECTED_HEADER), "{message}");
    assert!(
        message.contains("Google Contacts CSV: import it as one"),
        "{message}"
    );
    assert!(message.contains("first 100 lines"), "{message}");
}

#[test]
fn google_current_export() {
    let report = google::parse(&local("google-contacts.csv")).unwrap();
    let names: Vec<&str> = report.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ines Maria Castro",
            "Kenji Watanabe",
            "Proseware",
            "Noor Aziz"
        ]
    );

    let ines = person(&report, "Ines Maria Castro");
    assert_eq!(ines.at, Place::Line(2));
    let emails: Vec<&str> = ines.emails.iter().map(|e| e.as_str()).collect();
    assert_eq!(emails, ["ines.castro@example.com", "ines@example.net"]);
    assert_eq!(
        ines.phones,
        ["+44 20 7946 0018", "+44 20 7946 0019", "+44 20 7946 0020"]
    );
    assert_eq!(ines.organisation.as_deref(), Some("Adventure Works"));
    assert_eq!(ines.team.as_deref(), Some("Product"));
    assert_eq!(ines.title.as_deref(), Some("Chief Product Officer"));
    assert_eq!(ines.birthday.as_deref(), Some("1984-07-19"));
    assert_eq!(
        ines.notes.as_deref(),
        Some("Met at the offsite.\nCares about: pricing, onboarding.\nFollow up in Q3.")
    );
    assert_eq!(ines.categories, ["Work", "starred"]);
    assert_eq!(
        ines.links,
        ["https://www.linkedin.com/in/ines-castro-example"]
    );
    assert_eq!(ines.related[0].relation.as_deref(), Some("manager"));
    assert_eq!(ines.related[0].value, "Rafael Costa");

    let kenji = person(&report, "Kenji Watanabe");
    assert_eq!(kenji.at, Place::Line(6), "the notes above span three lines");
    assert_eq!(kenji.birthday.as_deref(), Some("--04-12"));
    assert!(
        kenji.categories.is_empty(),
        "`* myContacts` is Google's, not the member's"
    );

    let proseware = person(&report, "Proseware");
    assert_eq!(proseware.phones, ["+1 555 0100"]);

    let noor = person(&report, "Noor Aziz");
    assert_eq!(noor.at, Place::Line(9), "the blank row is skipped silently");
    assert_eq!(noor.categories, ["Board"]);
    let notes = problems_at(&report, Place::Line(9));
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().any(|m| m.contains("`31/02/1990`")));
    assert!(notes.iter().any(|m| m.contains("`noor@`")));
}

#[test]
fn google_older_export() {
    let report = google::parse(&local("google-contacts-old.csv")).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let astrid = person(&report, "Astrid Holm");
    assert_eq!(astrid.emails[0].as_str(), "astrid.holm@example.com");
    assert_eq!(astrid.phones, ["+45 32 12 34 56"]);
    assert_eq!(astrid.organisation.as_deref(), Some("Trey Research"));
    assert_eq!(astrid.title.as_deref(), Some("Head of Strategy"));
    assert_eq!(astrid.team.as_deref(), Some("Strategy"));
    assert_eq!(astrid.birthday.as_deref(), Some("1979-11-02"));
    assert_eq!(astrid.categories, ["Advisors"]);
    assert_eq!(astrid.links, ["https://astrid.example.com"]);
}

#[test]
fn google_refuses_a_linkedin_export_and_says_so() {
    let err = google::parse(&local("linkedin-connections.csv")).unwrap_err();
    assert!(
        err.to_string().contains("LinkedIn's Connections.csv"),
        "{err}"
    );
    assert_eq!(err.format(), Some(Format::GoogleCsv));
}

#[test]
fn vcard4_with_nearly_every_property() {
    let report = vcard::parse(&shared("vcard/icaljs-vcard.vcf")).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let doe = person(&report, "J. Doe");
    assert_eq!(doe.at, Place::Card(1));
    assert_eq!(doe.emails[0].as_str(), "jqpublic@xyz.example.com");
    assert_eq!(
        doe.phones,
        ["+33-01-23-45-67"],
        "the tel: URI scheme is dropped"
    );
    assert_eq!(
        doe.organisation.as_deref(),
        Some("ABC, Inc."),
        "`\\,` is unescaped"
    );
    assert_eq!(
        doe.team.as_deref(),
        Some("North American Division / Marketing")
    );
    assert_eq!(doe.title.as_deref(), Some("Research Scientist"));
    assert_eq!(
        doe.birthday.as_deref(),
        Some("--02-03"),
        "yearless BDAY:--0203"
    );
    assert_eq!(
        doe.notes.as_deref(),
        Some("This fax number is operational 0800 to 1715 EST, Mon-Fri")
    );
    assert_eq!(doe.related.len(), 1);
    assert_eq!(doe.related[0].relation.as_deref(), Some("friend"));
    assert_eq!(
        doe.related[0].value,
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"
    );
}

#[test]
fn vcard3_with_folded_lines_and_repeated_properties() {
    let report = vcard::parse(&shared("vcard/icaljs-vcard3.vcf")).unwrap();
    let john = person(&report, "Mr. John Q. Public, Esq.");
    let emails: Vec<&str> = john.emails.iter().map(|e| e.as_str()).collect();
    assert_eq!(
        emails,
        ["jqpublic@xyz.dom1.com", "jdoe@isp.net", "jane_doe@abc.com"]
    );
    assert_eq!(
        john.birthday.as_deref(),
        Some("1996-04-15"),
        "the first of three BDAYs"
    );
    assert_eq!(
        john.title.as_deref(),
        Some("Director, Research and Development")
    );
    assert_eq!(john.phones, ["+1-213-555-1234"]);
    assert_eq!(
        john.categories,
        [
            "TRAVEL AGENT",
            "INTERNET",
            "IETF",
            "INDUSTRY",
            "INFORMATION TECHNOLOGY"
        ]
    );
    assert_eq!(
        john.notes.as_deref(),
        Some("This fax number is operational 0800 to 1715 EST, Mon-Fri."),
        "a folded NOTE is unfolded"
    );
}

#[test]
fn the_rfc_6350_author_card() {
    let report = vcard::parse(&shared("vcard/icaljs-vcard_author.vcf")).unwrap();
    let simon = person(&report, "Simon Perreault");
    assert_eq!(simon.emails[0].as_str(), "simon.perreault@viagenie.ca");
    assert_eq!(
        simon.phones,
        ["+1-418-656-9254 ext. 102", "+1-418-262-6501"]
    );
    assert_eq!(simon.organisation.as_deref(), Some("Viagenie"));
    assert_eq!(simon.links, ["http://nomis80.org"]);
    assert_eq!(simon.birthday.as_deref(), Some("--02-03"));
}

#[test]
fn a_card_with_only_addresses_is_skipped_with_a_problem() {
    let report = vcard::parse(&shared("vcard/icaljs-vcard_grouped.vcf")).unwrap();
    assert!(report.records.is_empty());
    assert_eq!(report.skipped(), 1);
    assert_eq!(report.problems[0].at, Place::Card(1));
}

#[test]
fn escaped_semicolons_and_apple_labels() {
    let report = vcard::parse(&shared("vcard/icaljs-escape_semicolon.vcf")).unwrap();
    let card = person(&report, "First Last NextCloud");
    assert_eq!(card.phones, ["11111111", "205333", "205246;;,;", "222222"]);
    assert_eq!(card.emails.len(), 2);
    assert_eq!(card.organisation.as_deref(), Some("Firma"));
    assert_eq!(
        card.birthday.as_deref(),
        Some("2019-02-10"),
        "the time of day is dropped"
    );
    assert_eq!(card.categories, ["Test-Kontakte"]);
}

#[test]
fn several_business_cards_in_one_file() {
    let report = vcard::parse(&shared("vcard/libical-leaktest.vcf")).unwrap();
    let names: Vec<&str> = report.records.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["Derik Stenerson", "Anik Ganguly", "Robert Moskowitz"]
    );
    let derik = person(&report, "Derik Stenerson");
    // BDAY comes before VERSION:3.0 here, which calcard would read by vCard 4.0's rules.
    assert_eq!(derik.birthday.as_deref(), Some("1963-09-21"));
    assert_eq!(derik.emails[0].as_str(), "deriks@microsoft.com");
    assert_eq!(derik.phones, ["+1-425-936-5522", "+1-425-936-7329"]);
    assert_eq!(
        person(&report, "Anik Ganguly").organisation.as_deref(),
        Some("Open Text Inc.")
    );
    assert_eq!(report.records[2].at, Place::Card(3));
}

#[test]
fn malformed_values_become_problems_not_failures() {
    let report = vcard::parse(&shared("vcard/libical-test.vcf")).unwrap();
    let simon = person(&report, "Simon Perreault");
    assert_eq!(simon.birthday.as_deref(), Some("--02-03"));
    assert_eq!(simon.categories, ["foo", "bar"]);
    assert_eq!(simon.notes.as_deref(), Some("Test vCard"));
    assert_eq!(
        simon.links,
        ["http://nomis80.org"],
        "read past the blank line"
    );
    assert_eq!(person(&report, "Mickey Mouse").at, Place::Card(2));

    let card1 = problems_at(&report, Place::Card(1));
    assert!(
        card1
            .iter()
            .any(|m| m.contains("VERSION is written ` 4.0`")),
        "{card1:?}"
    );
    assert!(card1.iter().any(|m| m.contains("BDAY `0000`")), "{card1:?}");
    assert!(problems_at(&report, Place::Card(2))[0].contains("no VERSION"));
    assert_eq!(report.skipped(), 0);
}

#[test]
fn apple_address_book_export() {
    let report = vcard::parse(&local("apple-contacts.vcf")).unwrap();
    let sam = person(&report, "Sam Okafor");
    let emails: Vec<&str> = sam.emails.iter().map(|e| e.as_str()).collect();
    assert_eq!(
        emails,
        ["sam.okafor@example.com", "sam@tailspin.example"],
        "item1.EMAIL counts"
    );
    assert_eq!(sam.organisation.as_deref(), Some("Tailspin Toys"));
    assert_eq!(sam.team.as_deref(), Some("Platform"));
    assert_eq!(sam.birthday.as_deref(), Some("--04-12"), "BDAY:--04-12");
    assert_eq!(sam.related[0].relation.as_deref(), Some("spouse"));
    assert_eq!(sam.related[0].value, "Ada Okafor");
    assert_eq!(
        sam.links,
        ["https://www.linkedin.com/in/sam-okafor-example"]
    );
    assert_eq!(sam.categories, ["Platform", "Budget holders"]);
    assert_eq!(
        sam.notes.as_deref(),
        Some("Prefers short updates; hates slides, loves demos.\nAsk about the migration.")
    );

    assert!(problems_at(&report, Place::Card(2))[0].contains("group"));
    let yusuf = person(&report, "Yusuf Demir");
    assert_eq!(yusuf.at, Place::Card(3));
    assert_eq!(
        yusuf.birthday.as_deref(),
        Some("1963-09-21"),
        "BDAY:1963-09-21 in a 4.0 card"
    );
    assert_eq!(yusuf.related[0].relation.as_deref(), Some("colleague"));
}

/// What a person has no field for is kept in their notes, not dropped: labels and
/// categories, and whom the contact is related to. fanclub's own circle and relation
/// (written as categories by its vCard export) and Google's label of every contact are not.
#[test]
fn labels_and_relations_are_kept_in_the_notes() {
    let (plan, _) = planned(&local("apple-contacts.vcf"), Format::VCard);
    let sam = plan
        .creates
        .iter()
        .find(|c| c.person.name.as_str() == "Sam Okafor")
        .unwrap();
    assert_eq!(
        sam.person.notes.as_deref(),
        Some(
            "Prefers short updates; hates slides, loves demos.\nAsk about the migration.\n\n\
             Labels: Platform, Budget holders\n\nRelated: Ada Okafor (spouse)"
        )
    );

    let google = "First Name,Last Name,Labels,Notes\n\
                  Ann,Example,* myContacts ::: Work ::: Mentors,\n\
                  Bo,Ek,* myContacts,\n";
    let (plan, _) = planned(google.as_bytes(), Format::GoogleCsv);
    let notes: Vec<Option<&str>> = plan
        .creates
        .iter()
        .map(|c| c.person.notes.as_deref())
        .collect();
    assert_eq!(notes, [Some("Labels: Work, Mentors"), None]);

    let ours = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cy Do\r\nCATEGORIES:company,peer\r\nEND:VCARD\r\n";
    let (plan, _) = planned(ours.as_bytes(), Format::VCard);
    assert_eq!(plan.creates[0].person.notes, None);
    let mine = ours.replace("company,peer", "Team,Mentor");
    let (plan, _) = planned(mine.as_bytes(), Format::VCard);
    assert_eq!(
        plan.creates[0].person.notes.as_deref(),
        Some("Labels: Team, Mentor")
    );
}

/// A value longer than fanclub lets a member type is cut to that length, with a note: the
/// person can then be edited without the form refusing what the import stored.
#[test]
fn values_past_fanclubs_limits_are_cut_with_a_note() {
    let position = "Principal ".repeat(41);
    let file = format!(
        "{}\r\nDana,Kim,,,Acme,{position},12 Mar 2024\r\n",
        linkedin::EXPECTED_HEADER
    );
    let report = linkedin::parse(file.as_bytes()).unwrap();
    let title = report.records[0].title.as_deref().unwrap();
    assert_eq!(
        title.chars().count(),
        299,
        "{title}: cut at 300, the last space trimmed"
    );
    assert!(position.starts_with(title));
    assert!(
        problems_at(&report, Place::Line(2))
            .iter()
            .any(|p| p.contains("the title is 409 characters long: the first 300 were kept")),
        "{:?}",
        report.problems
    );
}

/// A file with a header and nothing below it says so, rather than "nothing new".
#[test]
fn a_file_with_only_its_header_says_it_has_no_contacts() {
    let file = format!("{}\r\n", linkedin::EXPECTED_HEADER);
    let (plan, problems) = planned(file.as_bytes(), Format::LinkedIn);
    assert!(plan.writes_nothing());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.contains("no contacts in this file"),
        "{problems:?}"
    );
}

/// A vCard 2.1 from an older phone, in ISO-8859-1 as its properties declare, is read in
/// that encoding (with a note), plain and quoted-printable values alike; a file that is
/// not UTF-8 and declares nothing is still refused.
#[test]
fn a_vcard_declaring_iso_8859_1_is_read_in_it() {
    let card: &[u8] = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n\
        FN;CHARSET=ISO-8859-1:J\xfcrgen M\xfcller\r\n\
        ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:B=E4ckerei\r\nEND:VCARD\r\n";
    let report = vcard::parse(card).unwrap();
    let j = person(&report, "Jürgen Müller");
    assert_eq!(j.organisation.as_deref(), Some("Bäckerei"));
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message.contains("ISO-8859-1")),
        "{:?}",
        report.problems
    );
    assert!(matches!(
        vcard::parse(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:J\xfcrgen\r\nEND:VCARD\r\n"),
        Err(FormatError::NotUtf8 { .. })
    ));
}

/// A file planned against an empty workspace on 2026-03-01, as `fanclub import` plans it.
fn planned(
    bytes: &[u8],
    format: Format,
) -> (
    fanclub_core::import::ImportPlan,
    Vec<fanclub_formats::Problem>,
) {
    fanclub_formats::plan_file(
        bytes,
        format,
        &[],
        &fanclub_core::import::Imported::default(),
        &fanclub_formats::PlanOptions::new(day("2026-03-01")),
        day("2026-03-01"),
    )
    .unwrap()
}

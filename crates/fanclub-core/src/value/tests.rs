//! Tests of `value`.

use chrono::NaiveDate;

use super::*;

mod unit {
    use super::*;

    #[test]
    fn influence_rejects_seven_and_names_the_field() {
        let err = Influence::parse("7").unwrap_err();
        assert_eq!(err.field(), Some("influence"));
        assert!(err.to_string().contains("from 1 to 5"), "{err}");
        assert_eq!(Influence::parse("5").unwrap().get(), 5);
    }

    #[test]
    fn day_rejects_impossible_dates() {
        assert!(Day::parse("2024-13-40").is_err());
        assert!(Day::parse("2023-02-29").is_err());
        assert!(Day::parse("2024-02-29").is_ok());
        assert_eq!(Day::parse("2024-13-40").unwrap_err().field(), Some("date"));
    }

    #[test]
    fn empty_name_is_rejected() {
        assert!(Name::parse("   ").is_err());
        assert_eq!(Name::parse("  Dana Kim ").unwrap().as_str(), "Dana Kim");
    }

    #[test]
    fn handles_from_names() {
        assert_eq!(Handle::from_name("Dana Kim").as_str(), "dana-kim");
        assert_eq!(
            Handle::from_name("  José  Álvarez-Núñez ").as_str(),
            "jose-alvarez-nunez"
        );
        for (name, handle) in [
            ("Elena Marković", "elena-markovic"),
            ("Tomasz Wiśniewski", "tomasz-wisniewski"),
            ("Łukasz Żółć", "lukasz-zolc"),
            ("Nguyễn Văn An", "nguyen-van-an"),
            ("Straße", "strasse"),
            ("李小龍", "li-xiao-long"),
            ("Αλέξανδρος", "alexandros"),
            ("O'Brien", "o-brien"),
        ] {
            assert_eq!(Handle::from_name(name).as_str(), handle, "{name}");
        }
        assert_eq!(Handle::from_name("🙂").as_str(), "person");
        assert!(Handle::parse("Dana").is_err());
        assert!(Handle::parse("-dana").is_err());
        // `/people/new` is the add page: no one may be called that.
        assert!(Handle::parse("new").is_err());
        assert_eq!(Handle::from_name("New").as_str(), "new-1");
        assert!(Handle::parse("newton").is_ok());
    }

    #[test]
    fn iso_weeks() {
        let w = IsoWeek::parse("2026-W47").unwrap();
        assert_eq!(w.to_string(), "2026-W47");
        assert_eq!(w.monday().to_string(), "2026-11-16");
        assert_eq!(w.previous().to_string(), "2026-W46");
        assert_eq!(
            IsoWeek::parse("2026-W01").unwrap().previous().to_string(),
            "2025-W52"
        );
        assert!(IsoWeek::parse("2026-W54").is_err());
        assert_eq!(
            Day::parse("2026-11-23").unwrap().iso_week().to_string(),
            "2026-W48"
        );
    }

    #[test]
    fn cadence_units() {
        assert_eq!(CadenceDays::parse("3w").unwrap().days(), 21);
        assert_eq!(CadenceDays::parse("2m").unwrap().days(), 60);
        assert_eq!(CadenceDays::parse("10").unwrap().days(), 10);
        assert!(CadenceDays::parse("0").is_err());
        assert!(CadenceDays::parse("soon").is_err());
    }

    #[test]
    fn emails_are_lowercased_and_checked() {
        assert_eq!(
            Email::parse("Dana@Example.COM").unwrap().as_str(),
            "dana@example.com"
        );
        assert_eq!(Email::parse("mailto:a@b.io").unwrap().as_str(), "a@b.io");
        assert!(Email::parse("dana").is_err());
        assert!(Email::parse("a@b").is_err());
    }
}

mod round_trips {
    //! Property tests: every validated value displays as text that parses back to itself,
    //! and serialises to JSON that deserialises back to itself.

    use proptest::prelude::*;

    use super::*;

    fn json_round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug>(v: &T) {
        let text = serde_json::to_string(v).unwrap();
        let back: T = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, v);
    }

    proptest! {
        #[test]
        fn bounded_scores(n in -20i64..20) {
            match Influence::new(n) {
                Ok(v) => {
                    prop_assert!((1..=5).contains(&n));
                    prop_assert_eq!(Influence::parse(&v.to_string()).unwrap(), v);
                    json_round_trip(&v);
                }
                Err(e) => {
                    prop_assert!(!(1..=5).contains(&n));
                    prop_assert_eq!(e.field(), Some("influence"));
                }
            }
            prop_assert_eq!(TrustFactor::new(n).is_ok(), (1..=10).contains(&n));
            prop_assert_eq!(Level::new(n).is_ok(), (0..=4).contains(&n));
        }

        #[test]
        fn days(y in 1900i32..2200, ordinal in 1u32..366) {
            if let Some(d) = NaiveDate::from_yo_opt(y, ordinal) {
                let day = Day::from_date(d);
                prop_assert_eq!(Day::parse(&day.to_string()).unwrap(), day);
                json_round_trip(&day);
                let week = day.iso_week();
                prop_assert_eq!(IsoWeek::parse(&week.to_string()).unwrap(), week);
                prop_assert!(week.monday() <= day && day.days_until(week.monday()) > -7);
                prop_assert_eq!(week.next().previous(), week);
            }
        }

        #[test]
        fn names(s in "\\PC{0,250}") {
            match Name::parse(&s) {
                Ok(n) => {
                    prop_assert_eq!(n.as_str(), s.trim());
                    prop_assert_eq!(Name::parse(n.as_str()).unwrap(), n.clone());
                    json_round_trip(&n);
                }
                Err(e) => prop_assert_eq!(e.field(), Some("name")),
            }
        }

        #[test]
        fn handles_derived_from_any_name_are_valid(s in "\\PC{0,80}") {
            let h = Handle::from_name(&s);
            prop_assert_eq!(Handle::parse(h.as_str()).unwrap(), h.clone());
            json_round_trip(&h);
        }

        #[test]
        fn emails(local in "[a-zA-Z0-9._+-]{1,20}", domain in "[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let e = Email::parse(&format!("{local}@{domain}")).unwrap();
            prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e.clone());
            json_round_trip(&e);
        }

        #[test]
        fn cadences(n in 1i64..=730) {
            let c = CadenceDays::new(n).unwrap();
            prop_assert_eq!(CadenceDays::parse(&c.to_string()).unwrap(), c);
            json_round_trip(&c);
        }

        #[test]
        fn vocabularies(i in 0usize..6) {
            let s = crate::Stance::ALL[i];
            prop_assert_eq!(crate::Stance::parse(&s.to_string()).unwrap(), s);
            json_round_trip(&s);
        }
    }
}

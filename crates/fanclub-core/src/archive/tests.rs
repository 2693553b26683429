use proptest::prelude::*;

use super::*;
use crate::generate::{GenerateSpec, generate_workspace};
use crate::sample::sample_workspace;
use crate::{PersonId, WinId};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn sample() -> Workspace {
    sample_workspace(day("2026-03-01"))
}

#[test]
fn an_archive_reads_back_as_written_and_writes_the_same_bytes() {
    let archive = Archive::new(sample(), day("2026-03-02")).unwrap();
    let text = archive.to_json();
    let back = Archive::from_json(&text).unwrap();
    assert_eq!(back, archive);
    assert_eq!(back.to_json(), text);
    assert!(text.starts_with("{\n  \"format\": \"fanclub-archive\",\n  \"version\": 1,\n"));
    assert!(text.contains("\n  \"exported_on\": \"2026-03-02\",\n"));
    assert!(text.ends_with("}\n"));
}

#[test]
fn each_record_is_one_line_of_json() {
    let ws = sample();
    let text = Archive::new(ws.clone(), day("2026-03-02"))
        .unwrap()
        .to_json();
    let people: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("      {\"id\":") && l.contains("\"handle\":"))
        .collect();
    assert_eq!(people.len(), ws.people.len());
    for line in people {
        let record: serde_json::Value =
            serde_json::from_str(line.trim().trim_end_matches(',')).unwrap();
        assert!(record["name"].is_string(), "{line}");
    }
}

#[test]
fn numbering_is_the_archives_own_and_references_follow() {
    let mut ws = sample();
    // Ids as a database with deletions would give them: gaps and large numbers.
    let shift = |n: i64| n * 10 + 7;
    let p = |id: PersonId| PersonId::from_raw(shift(id.get()));
    for r in &mut ws.people {
        r.id = p(r.id);
        r.value.introduced_by = r.introduced_by.map(p);
    }
    for r in &mut ws.interactions {
        r.value.people = r.people.iter().map(|x| p(*x)).collect();
    }
    for r in &mut ws.wins {
        r.id = WinId::from_raw(shift(r.id.get()));
        for s in &mut r.value.shares {
            s.person = p(s.person);
        }
    }
    for r in &mut ws.evidence {
        r.value.person = r.person.map(p);
        r.value.win = r.win.map(|w| WinId::from_raw(shift(w.get())));
    }
    for r in &mut ws.stance_changes {
        r.value.person = p(r.person);
    }
    for r in &mut ws.connections {
        r.value.a = p(r.a);
        r.value.b = p(r.b);
    }
    for r in &mut ws.perceptions {
        r.value.person = p(r.person);
    }
    for r in &mut ws.opportunities {
        r.value.sponsor = r.sponsor.map(p);
    }
    for r in &mut ws.decisions {
        for s in &mut r.value.room {
            s.person = p(s.person);
        }
    }
    let shifted = Archive::new(ws, day("2026-03-02")).unwrap();
    let plain = Archive::new(sample(), day("2026-03-02")).unwrap();
    assert_eq!(shifted.to_json(), plain.to_json());
    let ids: Vec<i64> = shifted
        .workspace
        .people
        .iter()
        .map(|r| r.id.get())
        .collect();
    assert_eq!(ids, (1..=ids.len() as i64).collect::<Vec<_>>());
}

#[test]
fn a_reference_to_nowhere_is_refused() {
    let mut ws = sample();
    ws.interactions[0]
        .value
        .people
        .push(PersonId::from_raw(9999));
    let err = Archive::new(ws, day("2026-03-02")).unwrap_err().to_string();
    assert!(
        err.contains("#9999") && err.contains("interaction #"),
        "{err}"
    );
}

fn refused(text: &str) -> ArchiveError {
    Archive::from_json(text).unwrap_err()
}

#[test]
fn a_foreign_file_is_named_as_such() {
    let err = refused("name,email\nDana,dana@example.com\n");
    assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err}");
    assert!(err.to_string().contains("line 1"), "{err}");
    let err = refused(r#"{"people": []}"#);
    assert!(err.to_string().contains("no `format`"), "{err}");
    let err = refused(r#"{"format": "vcard", "version": 1}"#);
    assert!(err.to_string().contains("\"vcard\""), "{err}");
    let err = refused("[1, 2]");
    assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err}");
}

#[test]
fn a_newer_or_unknown_version_is_named() {
    let err = refused(r#"{"format": "fanclub-archive", "version": 2, "workspace": {"x": 1}}"#);
    assert_eq!(err, ArchiveError::Newer { found: 2 });
    assert!(err.to_string().contains("update fanclub"), "{err}");
    for v in ["0", "\"1\"", "-1", "1.5"] {
        let err = refused(&format!(
            r#"{{"format": "fanclub-archive", "version": {v}}}"#
        ));
        assert!(
            matches!(err, ArchiveError::UnknownVersion { .. }),
            "{v}: {err}"
        );
    }
    let err = refused(r#"{"format": "fanclub-archive"}"#);
    assert!(err.to_string().contains("(missing)"), "{err}");
}

#[test]
fn damage_names_the_line_and_the_field() {
    let text = Archive::new(sample(), day("2026-03-02")).unwrap().to_json();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("\"handle\":") && l.contains("\"influence\":"))
        .unwrap();
    lines[at] = lines[at].replacen("\"influence\":", "\"influence\":9,\"was\":", 1);
    let err = refused(&lines.join("\n"));
    match &err {
        ArchiveError::Damaged { line, path, .. } => {
            assert_eq!(*line, at + 1, "{err}");
            assert!(path.starts_with("workspace.people[0]"), "{err}");
        }
        other => panic!("expected damage, got {other}"),
    }
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("line {}", at + 1)) && msg.contains("influence"),
        "{msg}"
    );
}

/// An archive that stops early (a copy or download cut off) is named as cut short, with
/// the line it ends on, not as something else than an archive.
#[test]
fn an_archive_cut_short_is_named_as_such() {
    let text = Archive::new(sample(), day("2026-03-02")).unwrap().to_json();
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let cut = &text[..half];
    let err = refused(cut);
    let lines = cut.lines().count();
    assert!(
        matches!(err, ArchiveError::CutShort { line } if line == lines),
        "{err}"
    );
    assert!(err.to_string().contains("cut short"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any generated workspace: an archive reads back equal and writes the same bytes, and
    /// numbering an archive again changes nothing.
    #[test]
    fn generated_workspaces_round_trip(
        seed in any::<u64>(),
        people in 0usize..40,
        interactions in 0usize..200,
        connections in 0usize..80,
    ) {
        let spec = GenerateSpec { people, interactions, connections, seed };
        let ws = generate_workspace(&spec, day("2026-03-01"));
        let archive = Archive::new(ws, day("2026-03-01")).unwrap();
        let text = archive.to_json();
        let back = Archive::from_json(&text).unwrap();
        prop_assert_eq!(&back, &archive);
        let again = Archive::new(back.workspace, day("2026-03-01")).unwrap();
        prop_assert_eq!(again.to_json(), text);
    }
}

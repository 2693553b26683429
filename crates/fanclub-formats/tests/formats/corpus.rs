//! The fuzz corpus replayed on every test run: each file under `fuzz/corpus/<target>/`
//! (the inputs cargo-fuzz kept, and any crash it found once fixed) and every fixture goes
//! through every reader. A reader may refuse a file, but none may panic.

use std::path::Path;

use super::{LOCAL, SHARED, day, files_in};
use fanclub_formats::{IcsOptions, google, ics, linkedin, vcard};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus");

/// Every reader over `bytes`; the results do not matter, only that each returns.
fn every_reader(bytes: &[u8]) {
    let options = IcsOptions::new(day("2030-12-31")).max_occurrences(20);
    let _ = linkedin::parse(bytes);
    let _ = google::parse(bytes);
    let _ = vcard::parse(bytes);
    let _ = ics::parse(bytes, &options);
}

#[test]
fn the_corpus_and_every_fixture_pass_every_reader_without_a_panic() {
    let mut dirs: Vec<String> = vec![
        LOCAL.to_string(),
        format!("{SHARED}/ics"),
        format!("{SHARED}/vcard"),
    ];
    if Path::new(CORPUS).is_dir() {
        for target in std::fs::read_dir(CORPUS).unwrap() {
            let path = target.unwrap().path();
            if path.is_dir() {
                dirs.push(path.to_string_lossy().into_owned());
            }
        }
    }
    let mut replayed = 0;
    for dir in &dirs {
        for file in files_in(dir) {
            every_reader(&std::fs::read(&file).unwrap());
            replayed += 1;
        }
    }
    assert!(
        replayed > 10,
        "only {replayed} files replayed from {dirs:?}"
    );
}

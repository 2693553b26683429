//! Fuzz the vCard reader: any bytes give a report or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = fanclub_formats::vcard::parse(data) {
        // Every record the reader keeps has a name to file it under.
        for record in &report.records {
            assert!(!record.name.as_str().is_empty());
        }
    }
});

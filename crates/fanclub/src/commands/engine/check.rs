//! `fanclub check-message FILE|-`: a first message to someone new, checked before sending.

use std::io::Read;

use anyhow::{Context, Result};
use fanclub_core::engine::outreach::{self, Severity};

use crate::cli::CheckMessageArgs;
use crate::commands::App;
use crate::failure::usage;
use crate::output;

/// A first message longer than this is not a first message.
const MAX_BYTES: u64 = 64 * 1024;

pub async fn check_message(app: &App, a: CheckMessageArgs) -> Result<()> {
    let text = read(&a)?;
    let report = outreach::check_message(&text);
    if app.json {
        return output::json(&report);
    }
    outln!(
        "Score {}/100 — {} ({} words)",
        report.score,
        report.verdict,
        report.word_count
    );
    for f in &report.findings {
        let mark = match f.severity {
            Severity::Problem => "✗",
            Severity::Suggestion => "!",
            Severity::Good => "✓",
        };
        outln!("\n{mark} {}", f.message);
        for s in &f.spans {
            if let Some(words) = text.get(s.start..s.end)
                && !words.trim().is_empty()
                && s.end - s.start < 200
            {
                outln!("    at bytes {}–{}: \"{}\"", s.start, s.end, words.trim());
            }
        }
        if let Some(fix) = f.fix.as_deref().filter(|_| f.severity != Severity::Good) {
            outln!("    Fix: {fix}");
        }
    }
    Ok(())
}

fn read(a: &CheckMessageArgs) -> Result<String> {
    let mut bytes = Vec::new();
    if a.file.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read the draft from standard input")?;
    } else {
        std::fs::File::open(&a.file)
            .with_context(|| format!("cannot open the draft {}", a.file.display()))?
            .take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the draft {}", a.file.display()))?;
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(usage(format!(
            "the draft is longer than {} KiB: a first message should be a few short paragraphs",
            MAX_BYTES / 1024
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        usage(format!(
            "the draft is not UTF-8 text (invalid byte at offset {}): save it as plain UTF-8 text",
            e.utf8_error().valid_up_to()
        ))
    })
}

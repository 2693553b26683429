//! Value parsers for flags whose field name differs from the core type's (`--summary` is a
//! `Title`), so every error names the flag the member typed.

use fanclub_core::{CoreError, Settings, Title};

fn renamed(err: CoreError, field: &str) -> CoreError {
    match err {
        CoreError::Invalid {
            value, expected, ..
        } => CoreError::invalid(field, value, expected),
        other => other,
    }
}

/// A one-line summary (of an interaction, a piece of evidence).
pub fn summary(s: &str) -> Result<Title, CoreError> {
    Title::parse(s).map_err(|e| renamed(e, "summary"))
}

/// A required free text: trimmed, not empty, at most 20,000 characters.
fn required_text(field: &str, s: &str) -> Result<String, CoreError> {
    match fanclub_core::optional_text(field, s, 20_000)? {
        Some(t) => Ok(t),
        None => Err(CoreError::invalid(field, s, "a non-empty text")),
    }
}

/// How someone describes my work (a perception check).
pub fn description(s: &str) -> Result<String, CoreError> {
    required_text("description", s)
}

/// A commitment for next week.
pub fn commitment(s: &str) -> Result<String, CoreError> {
    required_text("commitment", s)
}

/// The momentum window in days (`--momentum-window`, `--window`): the settings' own rule,
/// shared with the settings page.
pub fn momentum_window(s: &str) -> Result<u16, CoreError> {
    Settings::parse_momentum_window(s)
}

/// A 1-based position in a list (last week's commitments).
pub fn position(s: &str) -> Result<usize, CoreError> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(CoreError::invalid(
            "commitment number",
            s,
            "a number from 1 (as listed by `review show`)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_flag() {
        assert_eq!(summary("  ").unwrap_err().field(), Some("summary"));
        assert_eq!(description("").unwrap_err().field(), Some("description"));
        assert_eq!(
            momentum_window("3").unwrap_err().field(),
            Some("momentum window")
        );
        assert_eq!(momentum_window("90d").unwrap(), 90);
        assert!(position("0").is_err());
    }
}

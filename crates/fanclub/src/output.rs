//! How results look: tables and detail views for people, JSON for scripts (`--json`).

use anyhow::Result;
use comfy_table::{ContentArrangement, Table, modifiers, presets};
use fanclub_core::Day;
use serde::Serialize;

/// Stdout failed: a closed pipe ends the program quietly (the reader has what it wanted);
/// anything else is reported once.
pub fn stdout_failed(err: std::io::Error) -> ! {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write the output: {err}");
    std::process::exit(1);
}

/// Print any serialisable value as pretty JSON on stdout.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A table with the house style and the given header.
pub fn table<I, S>(header: I) -> Table
where
    I: IntoIterator<Item = S>,
    S: Into<comfy_table::Cell>,
{
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header);
    t
}

/// Print a table, or a friendly line when it has no rows.
pub fn print_table(t: &Table, empty: &str) {
    if t.row_count() == 0 {
        outln!("{empty}");
    } else {
        outln!("{t}");
    }
}

/// A labelled list of fields, printed with the labels aligned.
#[derive(Default)]
pub struct Detail {
    rows: Vec<(String, String)>,
}

impl Detail {
    pub fn new() -> Detail {
        Detail::default()
    }

    /// Add a row (kept even when the value is empty: use `opt` to skip empty ones).
    pub fn row(&mut self, label: &str, value: impl ToString) -> &mut Detail {
        self.rows.push((label.to_string(), value.to_string()));
        self
    }

    /// Add a row only when there is a value.
    pub fn opt(&mut self, label: &str, value: Option<impl ToString>) -> &mut Detail {
        if let Some(v) = value {
            let v = v.to_string();
            if !v.trim().is_empty() {
                self.rows.push((label.to_string(), v));
            }
        }
        self
    }

    pub fn print(&self) {
        let width = self
            .rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in &self.rows {
            let mut lines = value.lines();
            outln!("  {label:<width$}  {}", lines.next().unwrap_or(""));
            for more in lines {
                outln!("  {:<width$}  {more}", "");
            }
        }
    }
}

/// A section heading in a detail view.
pub fn heading(title: &str) {
    outln!("\n{title}");
}

/// `today`, `yesterday`, `3 days ago`, `in 5 days`.
pub fn ago(today: Day, day: Day) -> String {
    match day.days_until(today) {
        0 => "today".into(),
        1 => "yesterday".into(),
        -1 => "tomorrow".into(),
        n if n > 0 => format!("{n} days ago"),
        n => format!("in {} days", -n),
    }
}

/// A date with how far it is from today: `2026-03-01 (12 days ago)`.
pub fn dated(today: Day, day: Day) -> String {
    format!("{day} ({})", ago(today, day))
}

/// Shorten a text to `max` characters on one line, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// `1 interaction`, `3 interactions`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// An optional text, or a dash.
pub fn or_dash(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.to_string(),
        _ => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_days() {
        let d = |s| Day::parse(s).unwrap();
        assert_eq!(ago(d("2026-03-14"), d("2026-03-14")), "today");
        assert_eq!(ago(d("2026-03-14"), d("2026-03-01")), "13 days ago");
        assert_eq!(ago(d("2026-03-14"), d("2026-03-19")), "in 5 days");
    }

    #[test]
    fn shortening() {
        assert_eq!(short("a  b\nc", 10), "a b c");
        assert_eq!(short("abcdefghijkl", 5), "abcd…");
    }
}

//! The outreach rules as data: `rules.toml` (compiled into the binary) read once into
//! typed definitions, with every pattern compiled once, case-insensitive. Adding or
//! tuning a rule is an edit of the data file, not code.
//!
//! Each pattern stays its own regular expression rather than one alternation per rule:
//! the connection rule's two dozen patterns joined into one overflowed the lazy DFA's
//! cache and took over a millisecond per message on their own, where every pattern of
//! every rule run one after the other takes about 0.2 ms.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

/// A rule's patterns, each compiled on its own.
pub(super) type Patterns = Vec<Regex>;
use serde::Deserialize;

use super::Severity;

/// The rule file shipped with fanclub.
const RULES_TOML: &str = include_str!("rules.toml");

/// The rules, parsed and compiled on first use. The file is part of the build and a
/// unit test loads it, so a broken rule fails the test suite, never a member's command.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    load(RULES_TOML).unwrap_or_else(|e| panic!("the built-in outreach rules are invalid: {e}"))
});

/// Words, for counting and for the pronoun ratio: letters and digits, with inner
/// apostrophes and hyphens (`you're`, `20-minute`) kept inside one word.
pub(super) static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
        .unwrap_or_else(|e| panic!("word pattern: {e}"))
});

/// One rule, ready to run.
#[derive(Debug)]
pub(super) struct Rule {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// A problem from this rule alone makes the verdict "rewrite".
    pub blocking: bool,
    pub check: Check,
}

/// What a rule looks for.
#[derive(Debug)]
pub(super) enum Check {
    Present {
        patterns: Patterns,
        severity: Severity,
        good: String,
        missing: String,
        fix: String,
    },
    Absent {
        patterns: Patterns,
        severity: Severity,
        good: Option<String>,
        found: String,
        fix: String,
    },
    Ratio {
        theirs: HashSet<String>,
        mine: HashSet<String>,
        min_count: usize,
        good_from: f64,
        suggestion_from: f64,
        good: String,
        suggestion: String,
        problem: String,
        fix: String,
    },
    Words {
        bands: Vec<Band>,
    },
}

/// One band of the word count.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Band {
    /// Inclusive upper bound; `None` for the last band.
    pub max: Option<usize>,
    pub severity: Severity,
    pub message: String,
    pub fix: Option<String>,
    /// Point at the text after this many words (for "too long"); else at the whole text.
    pub span_after_words: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    rule: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    title: String,
    kind: Kind,
    weight: f64,
    #[serde(default)]
    blocking: bool,
    severity: Option<Severity>,
    #[serde(default)]
    patterns: Vec<String>,
    good: Option<String>,
    missing: Option<String>,
    found: Option<String>,
    suggestion: Option<String>,
    problem: Option<String>,
    fix: Option<String>,
    theirs: Option<Vec<String>>,
    mine: Option<Vec<String>>,
    min_count: Option<usize>,
    good_from: Option<f64>,
    suggestion_from: Option<f64>,
    bands: Option<Vec<Band>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Present,
    Absent,
    Ratio,
    Words,
}

/// Parse and compile a rule file; the error names the rule and the field at fault.
pub(super) fn load(text: &str) -> Result<Vec<Rule>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut seen = HashSet::new();
    file.rule
        .into_iter()
        .map(|def| {
            if !seen.insert(def.id.clone()) {
                return Err(format!("rule {:?} is defined twice", def.id));
            }
            compile(def)
        })
        .collect()
}

fn compile(def: RuleDef) -> Result<Rule, String> {
    let id = def.id.clone();
    let need =
        |field: &str, v: Option<String>| v.ok_or_else(|| format!("rule {id:?} needs `{field}`"));
    let check = match def.kind {
        Kind::Present => Check::Present {
            patterns: compile_patterns(&id, &def.patterns)?,
            severity: def
                .severity
                .ok_or_else(|| format!("rule {id:?} needs `severity`"))?,
            good: need("good", def.good)?,
            missing: need("missing", def.missing)?,
            fix: need("fix", def.fix)?,
        },
        Kind::Absent => Check::Absent {
            patterns: compile_patterns(&id, &def.patterns)?,
            severity: def
                .severity
                .ok_or_else(|| format!("rule {id:?} needs `severity`"))?,
            good: def.good,
            found: need("found", def.found)?,
            fix: need("fix", def.fix)?,
        },
        Kind::Ratio => {
            let words = |v: Option<Vec<String>>, field: &str| {
                v.filter(|w| !w.is_empty())
                    .map(|w| w.iter().map(|s| normalise(s)).collect::<HashSet<_>>())
                    .ok_or_else(|| format!("rule {id:?} needs a non-empty `{field}` list"))
            };
            let good_from = def
                .good_from
                .ok_or_else(|| format!("rule {id:?} needs `good_from`"))?;
            let suggestion_from = def
                .suggestion_from
                .ok_or_else(|| format!("rule {id:?} needs `suggestion_from`"))?;
            if !(0.0..=1.0).contains(&suggestion_from)
                || suggestion_from > good_from
                || good_from > 1.0
            {
                return Err(format!(
                    "rule {id:?}: need 0 ≤ suggestion_from ≤ good_from ≤ 1"
                ));
            }
            Check::Ratio {
                theirs: words(def.theirs, "theirs")?,
                mine: words(def.mine, "mine")?,
                min_count: def.min_count.unwrap_or(1),
                good_from,
                suggestion_from,
                good: need("good", def.good)?,
                suggestion: need("suggestion", def.suggestion)?,
                problem: need("problem", def.problem)?,
                fix: need("fix", def.fix)?,
            }
        }
        Kind::Words => {
            let bands = def
                .bands
                .filter(|b| !b.is_empty())
                .ok_or_else(|| format!("rule {id:?} needs `bands`"))?;
            let ordered = bands.windows(2).all(|w| {
                matches!((w[0].max, w[1].max), (Some(a), Some(b)) if a < b)
                    || (w[0].max.is_some() && w[1].max.is_none())
            });
            if !ordered || bands.last().is_some_and(|b| b.max.is_some()) {
                return Err(format!(
                    "rule {id:?}: bands must rise, and the last has no `max`"
                ));
            }
            if bands
                .iter()
                .any(|b| b.severity != Severity::Good && b.fix.is_none())
            {
                return Err(format!(
                    "rule {id:?}: every band that is not good needs a `fix`"
                ));
            }
            Check::Words { bands }
        }
    };
    if !(def.weight.is_finite() && def.weight >= 0.0) {
        return Err(format!("rule {id:?}: weight must be a number ≥ 0"));
    }
    Ok(Rule {
        id: def.id,
        title: def.title,
        weight: def.weight,
        blocking: def.blocking,
        check,
    })
}

/// Compile every pattern, case-insensitive; an apostrophe matches both ' and ’. An
/// error names the rule and the pattern at fault.
fn compile_patterns(id: &str, patterns: &[String]) -> Result<Patterns, String> {
    if patterns.is_empty() {
        return Err(format!("rule {id:?} needs `patterns`"));
    }
    patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            RegexBuilder::new(&widen_apostrophes(p))
                .case_insensitive(true)
                .build()
                .map_err(|e| format!("rule {id:?}, pattern {}: {e}", i + 1))
        })
        .collect()
}

fn widen_apostrophes(p: &str) -> String {
    p.replace('\'', "['’]")
}

/// Lowercase with the typographic apostrophe folded to the plain one.
pub(super) fn normalise(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_load() {
        let rules = load(RULES_TOML).unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        for id in [
            "connection",
            "curiosity",
            "why-you",
            "about-them",
            "cold-ask",
            "pushy",
            "length",
            "next-step",
            "generic",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        assert!(rules.iter().any(|r| r.blocking));
    }

    #[test]
    fn errors_name_the_rule_and_the_pattern() {
        let bad = r#"
            [[rule]]
            id = "broken"
            title = "Broken"
            kind = "absent"
            weight = 1
            severity = "problem"
            found = "x"
            fix = "y"
            patterns = ['fine', '(unclosed']
        "#;
        let err = load(bad).unwrap_err();
        assert!(
            err.contains("\"broken\"") && err.contains("pattern 2"),
            "{err}"
        );

        let missing = r#"
            [[rule]]
            id = "quiet"
            title = "Quiet"
            kind = "present"
            weight = 1
            severity = "problem"
            patterns = ['x']
        "#;
        assert!(load(missing).unwrap_err().contains("needs `good`"));
    }

    #[test]
    fn bands_must_rise_and_end_open() {
        let text = r#"
            [[rule]]
            id = "len"
            title = "Length"
            kind = "words"
            weight = 1
            [[rule.bands]]
            max = 10
            severity = "good"
            message = "ok"
        "#;
        assert!(load(text).unwrap_err().contains("bands must rise"));
    }

    #[test]
    fn apostrophes_match_both_spellings() {
        let re = compile_patterns("t", &["you're".to_string()]).unwrap();
        assert!(re[0].is_match("YOU'RE") && re[0].is_match("you’re"));
    }
}

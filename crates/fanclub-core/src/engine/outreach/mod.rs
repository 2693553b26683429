//! The outreach check (`fanclub check-message`): a draft first message to someone new,
//! checked before it is sent against what makes a stranger want to answer. Does it say
//! how we are connected, what I am curious about and why them; is it about them more
//! than me; does it avoid asking a favour (a referral, a job, a good word) of someone who
//! does not know me; is it a length they will read; does it end with a light next step?
//!
//! The rules are data (`rules.toml`, documented there); this module is the one engine
//! that interprets them. Each finding points at the words it is about, as byte spans
//! into the input (always on character boundaries); a finding about something missing
//! points at the opening line, where the missing part usually belongs.
//!
//! # Score and verdict
//!
//! ```text
//! score   = floor(100 × Σ weight × credit / Σ weight)
//! credit  = 1 for a good result (or a rule that does not apply), ½ for a suggestion,
//!           0 for a problem
//! verdict = rewrite  when a blocking rule (an ask of a stranger) has a problem,
//!                    or the score is below 60
//!           ready    when there is no problem and the score is at least 90
//!           revise   otherwise
//! ```
//!
//! A single blocking problem outweighs everything else because an early favour asked of
//! a stranger is the one mistake a good opening does not repair. With the shipped
//! weights (120 in all) "ready" allows at most two small suggestions: each costs 2 to 6
//! points. The score is rounded down so that it never shows 90 for a draft short of it.

mod rules;

use serde::{Deserialize, Serialize};

use rules::{Check, RULES, Rule, WORD};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Fix before sending.
    Problem,
    /// Worth a second look.
    Suggestion,
    /// Already right: kept so the member sees what works.
    Good,
}

/// What to do with the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Send it.
    Ready,
    /// Good bones; fix the findings first.
    Revise,
    /// Start again: it asks too much of a stranger or misses most of what matters.
    Rewrite,
}

impl Verdict {
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Revise => "revise",
            Verdict::Rewrite => "rewrite",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byte range of the checked text, `start..end`, on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The words this span covers in `text` (the text that was checked).
    pub fn text<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

/// One thing the check noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    /// The rule's id in `rules.toml` (`connection`, `cold-ask`…).
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// How to fix it; `None` for good findings.
    pub fix: Option<String>,
    /// Where it is. For something missing: the opening line (or nothing, for a blank text).
    pub spans: Vec<Span>,
    /// The finding is about something the text lacks.
    pub missing: bool,
}

/// The check's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutreachReport {
    /// 0–100.
    pub score: u8,
    pub verdict: Verdict,
    /// Problems first, then suggestions, then what is good; in rule order within each.
    pub findings: Vec<Finding>,
    pub word_count: usize,
}

impl OutreachReport {
    /// The rules that found something to fix (a problem or a suggestion).
    pub fn fired(&self) -> Vec<&str> {
        self.findings
            .iter()
            .filter(|f| f.severity != Severity::Good)
            .map(|f| f.rule.as_str())
            .collect()
    }
}

/// A rule as listed for help pages and the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleSummary {
    pub id: String,
    pub title: String,
    pub weight: f64,
    pub blocking: bool,
}

/// Every rule the check applies, in order.
pub fn rule_catalogue() -> Vec<RuleSummary> {
    RULES
        .iter()
        .map(|r| RuleSummary {
            id: r.id.clone(),
            title: r.title.clone(),
            weight: r.weight,
            blocking: r.blocking,
        })
        .collect()
}

/// Check a draft first message.
pub fn check_message(text: &str) -> OutreachReport {
    let words: Vec<Span> = WORD
        .find_iter(text)
        .map(|m| Span {
            start: m.start(),
            end: m.end(),
        })
        .collect();
    let ctx = Context {
        text,
        words: &words,
        opening: opening_line(text),
    };
    let mut findings = Vec::new();
    let (mut earned, mut total) = (0.0, 0.0);
    let mut blocked = false;
    for rule in RULES.iter() {
        let (severity, finding) = evaluate(rule, &ctx);
        total += rule.weight;
        earned += rule.weight * credit(severity);
        blocked |= rule.blocking && severity == Severity::Problem;
        findings.extend(finding);
    }
    // Stable: rule order is kept within each severity.
    findings.sort_by_key(|f| f.severity);
    let score = if total > 0.0 {
        (100.0 * earned / total).floor().clamp(0.0, 100.0) as u8
    } else {
        100
    };
    let any_problem = findings.iter().any(|f| f.severity == Severity::Problem);
    let verdict = if blocked || score < 60 {
        Verdict::Rewrite
    } else if !any_problem && score >= 90 {
        Verdict::Ready
    } else {
        Verdict::Revise
    };
    OutreachReport {
        score,
        verdict,
        findings,
        word_count: words.len(),
    }
}

/// What every rule gets to look at, computed once.
struct Context<'a> {
    text: &'a str,
    words: &'a [Span],
    /// The first line with any text on it, trimmed; empty at 0 for a blank text.
    opening: Span,
}

fn credit(severity: Severity) -> f64 {
    match severity {
        Severity::Good => 1.0,
        Severity::Suggestion => 0.5,
        Severity::Problem => 0.0,
    }
}

/// Run one rule: its outcome (for the score) and the finding to show, if any.
fn evaluate(rule: &Rule, ctx: &Context<'_>) -> (Severity, Option<Finding>) {
    let finding =
        |severity, message: String, fix: Option<&str>, spans: Vec<Span>, missing| Finding {
            rule: rule.id.clone(),
            severity,
            message,
            fix: fix.map(str::to_string),
            spans,
            missing,
        };
    match &rule.check {
        Check::Present {
            patterns,
            severity,
            good,
            missing,
            fix,
        } => {
            let spans = matches(patterns, ctx.text);
            match spans.first() {
                Some(first) => {
                    let message = fill(good, &[("match", &quote(ctx.text, *first))]);
                    (
                        Severity::Good,
                        Some(finding(Severity::Good, message, None, spans, false)),
                    )
                }
                None => {
                    let spans = ctx.opening_spans();
                    (
                        *severity,
                        Some(finding(*severity, missing.clone(), Some(fix), spans, true)),
                    )
                }
            }
        }
        Check::Absent {
            patterns,
            severity,
            good,
            found,
            fix,
        } => {
            let spans = matches(patterns, ctx.text);
            match spans.first() {
                Some(first) => {
                    let message = fill(found, &[("match", &quote(ctx.text, *first))]);
                    (
                        *severity,
                        Some(finding(*severity, message, Some(fix), spans, false)),
                    )
                }
                None => {
                    let shown = good
                        .as_ref()
                        .map(|g| finding(Severity::Good, g.clone(), None, Vec::new(), false));
                    (Severity::Good, shown)
                }
            }
        }
        Check::Ratio {
            theirs,
            mine,
            min_count,
            good_from,
            suggestion_from,
            good,
            suggestion,
            problem,
            fix,
        } => {
            let (mut their_spans, mut my_spans) = (Vec::new(), Vec::new());
            for w in ctx.words {
                let word = rules::normalise(&ctx.text[w.start..w.end]);
                if theirs.contains(&word) {
                    their_spans.push(*w);
                } else if mine.contains(&word) {
                    my_spans.push(*w);
                }
            }
            let (t, m) = (their_spans.len(), my_spans.len());
            if t + m < *min_count {
                // Too few pronouns to say whom the message is about.
                return (Severity::Good, None);
            }
            let share = t as f64 / (t + m) as f64;
            let values = [
                ("theirs", t.to_string()),
                ("mine", m.to_string()),
                ("share", format!("{:.0}", share * 100.0)),
            ];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if share >= *good_from {
                (
                    Severity::Good,
                    Some(finding(
                        Severity::Good,
                        fill(good, &values),
                        None,
                        their_spans,
                        false,
                    )),
                )
            } else if share >= *suggestion_from {
                let f = finding(
                    Severity::Suggestion,
                    fill(suggestion, &values),
                    Some(fix),
                    my_spans,
                    false,
                );
                (Severity::Suggestion, Some(f))
            } else {
                let f = finding(
                    Severity::Problem,
                    fill(problem, &values),
                    Some(fix),
                    my_spans,
                    false,
                );
                (Severity::Problem, Some(f))
            }
        }
        Check::Words { bands } => {
            let count = ctx.words.len();
            let Some(band) = bands.iter().find(|b| b.max.is_none_or(|max| count <= max)) else {
                return (Severity::Good, None);
            };
            let whole = match (ctx.words.first(), ctx.words.last()) {
                (Some(a), Some(b)) => vec![Span {
                    start: a.start,
                    end: b.end,
                }],
                _ => ctx.opening_spans(),
            };
            let spans = match (band.span_after_words, ctx.words.last()) {
                (Some(n), Some(last)) if count > n => vec![Span {
                    start: ctx.words[n].start,
                    end: last.end,
                }],
                _ => whole,
            };
            let message = fill(&band.message, &[("words", &count.to_string())]);
            (
                band.severity,
                Some(finding(
                    band.severity,
                    message,
                    band.fix.as_deref(),
                    spans,
                    false,
                )),
            )
        }
    }
}

impl Context<'_> {
    fn opening_spans(&self) -> Vec<Span> {
        if self.opening.start == self.opening.end {
            Vec::new()
        } else {
            vec![self.opening]
        }
    }
}

/// Every match of any of a rule's patterns, in text order; where two overlap, the one
/// that starts first (then the longer) is kept, as one alternation would have done.
fn matches(patterns: &[regex::Regex], text: &str) -> Vec<Span> {
    let mut all: Vec<Span> = patterns
        .iter()
        .flat_map(|re| re.find_iter(text))
        .filter(|m| !m.is_empty())
        .map(|m| Span {
            start: m.start(),
            end: m.end(),
        })
        .collect();
    all.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(all.len());
    for s in all {
        if kept.last().is_none_or(|k| s.start >= k.end) {
            kept.push(s);
        }
    }
    kept.into_iter().map(|s| trim_span(text, s)).collect()
}

/// Narrow a span to exclude surrounding whitespace (patterns may consume a space).
fn trim_span(text: &str, span: Span) -> Span {
    let inner = &text[span.start..span.end];
    let start = span.start + (inner.len() - inner.trim_start().len());
    Span {
        start,
        end: start + inner.trim().len(),
    }
}

/// The first line with any text on it, trimmed.
fn opening_line(text: &str) -> Span {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            return trim_span(
                text,
                Span {
                    start: offset,
                    end: offset + line.len(),
                },
            );
        }
        offset += line.len();
    }
    Span { start: 0, end: 0 }
}

/// The words at a span, shortened for a message (on a character boundary).
fn quote(text: &str, span: Span) -> String {
    const MAX_CHARS: usize = 60;
    let s = span.text(text).unwrap_or_default();
    match s.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// Replace `{name}` placeholders.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests;

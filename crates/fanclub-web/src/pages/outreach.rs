//! Check a message: paste a first message to someone new and see what the outreach check
//! (`engine::outreach`, as `fanclub check-message`) finds, with the words each finding is
//! about highlighted in the text. Posted, because a draft can be long; it changes nothing.
//!
//! The highlighted draft is a list of plain-text segments, each marked or not, that the
//! template escapes like any other text: what the member pasted is never taken as markup.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use fanclub_core::engine::outreach::{self, Finding, OutreachReport, Severity, Verdict};
use fanclub_core::engine::paths::PathsResult;
use fanclub_core::resolve::resolve_person;
use fanclub_core::{CoreError, CoreResult, Day};
use serde::Deserialize;

use super::{Layout, Nav, PageResult, render};
use crate::AppState;
use crate::forms::FieldErrors;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/check", get(new).post(check))
}

/// A first message longer than this is not a first message (the CLI's limit too).
const MAX_DRAFT_BYTES: usize = 64 * 1024;

/// The form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CheckForm {
    draft: String,
    /// Whom the message is for, optionally: a handle or a name.
    to: String,
}

/// A run of the draft, highlighted when a finding points at it.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    text: String,
    /// The strongest finding over these words: `problem` or `suggestion`.
    mark: Option<&'static str>,
    /// The numbers of the findings over these words (1-based, as listed).
    findings: Vec<usize>,
}

/// A finding as listed, with its number and the words it points at.
#[derive(Debug, Clone)]
struct Listed {
    number: usize,
    finding: Finding,
    severity: &'static str,
    /// The words it is about, when it points at some (not for something missing).
    quotes: Vec<String>,
}

/// The recipient, and how the member is connected to them.
#[derive(Debug, Clone)]
struct Recipient {
    name: String,
    handle: String,
    paths: PathsResult,
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    layout: Layout,
    form: CheckForm,
    errors: FieldErrors,
    report: Option<OutreachReport>,
    segments: Vec<Segment>,
    problems: Vec<Listed>,
    good: Vec<Listed>,
    recipient: Option<Recipient>,
}

impl CheckPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.message(field)
    }

    fn verdict_class(&self) -> &'static str {
        match self.report.as_ref().map(|r| r.verdict) {
            Some(Verdict::Ready) => "notice-ok",
            Some(Verdict::Rewrite) => "notice-error",
            _ => "notice-warn",
        }
    }
}

fn blank(today: Day) -> CheckPage {
    CheckPage {
        layout: Layout::with_log(Nav::Outreach, today),
        form: CheckForm::default(),
        errors: FieldErrors::default(),
        report: None,
        segments: Vec::new(),
        problems: Vec::new(),
        good: Vec::new(),
        recipient: None,
    }
}

async fn new(State(state): State<AppState>) -> PageResult {
    render(StatusCode::OK, &blank(state.today()))
}

async fn check(State(state): State<AppState>, Form(mut form): Form<CheckForm>) -> PageResult {
    // Browsers send CRLF line ends; the findings' spans are byte offsets into what is
    // checked, so check, mark and give back the same text.
    form.draft = form.draft.replace("\r\n", "\n");
    let today = state.today();
    let mut page = blank(today);
    if form.draft.trim().is_empty() {
        page.errors.push(
            "draft",
            CoreError::invalid(
                "draft",
                "",
                "a draft: paste the message you are about to send",
            ),
        );
    } else if form.draft.len() > MAX_DRAFT_BYTES {
        page.errors.push(
            "draft",
            CoreError::invalid(
                "draft",
                format!("{} KiB", form.draft.len() / 1024),
                format!(
                    "at most {} KiB: a first message is a few short paragraphs",
                    MAX_DRAFT_BYTES / 1024
                ),
            ),
        );
    }
    if !form.to.trim().is_empty() {
        match recipient(&state, &form.to, today).await {
            Ok(r) => page.recipient = Some(r),
            Err(e @ (CoreError::NotFound { .. } | CoreError::Ambiguous { .. })) => {
                page.errors.push("to", e)
            }
            Err(e) => return Err(e.into()),
        }
    }
    if page.errors.get("draft").is_none() {
        let draft = form.draft.as_str();
        let report = outreach::check_message(draft);
        let mut numbered: Vec<Listed> = report
            .findings
            .iter()
            .cloned()
            .enumerate()
            .map(|(k, finding)| Listed {
                number: k + 1,
                severity: severity_name(finding.severity),
                quotes: quotes(draft, &finding),
                finding,
            })
            .collect();
        page.good = numbered
            .iter()
            .filter(|l| l.finding.severity == Severity::Good)
            .cloned()
            .collect();
        numbered.retain(|l| l.finding.severity != Severity::Good);
        page.segments = segments(draft, &report.findings);
        page.problems = numbered;
        page.report = Some(report);
    }
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page.form = form;
    render(status, &page)
}

/// Who the message is for, and the warmest way the member is connected to them.
async fn recipient(state: &AppState, key: &str, today: Day) -> CoreResult<Recipient> {
    let store = &*state.store;
    let people = store.shared_people().await?;
    let id = resolve_person(&people, key)?;
    let person = people
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| CoreError::not_found("person", key))?;
    let connections = store.shared_connections().await?;
    let contacts = store.last_contacts().await?;
    let graph = state.network.graph(&people, &connections, &contacts, today);
    Ok(Recipient {
        name: person.name.to_string(),
        handle: person.handle.to_string(),
        paths: graph.paths(id, 1),
    })
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "problem",
        Severity::Suggestion => "suggestion",
        Severity::Good => "good",
    }
}

/// Findings that point at words, not at a place where something is missing.
fn points_at_words(f: &Finding) -> bool {
    !f.missing && f.severity != Severity::Good
}

/// The words a finding points at, trimmed; long runs shortened.
fn quotes(text: &str, f: &Finding) -> Vec<String> {
    if !points_at_words(f) {
        return Vec::new();
    }
    f.spans
        .iter()
        .filter_map(|s| s.text(text))
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().count() > 80 {
                let head: String = w.chars().take(77).collect();
                format!("{}…", head.trim_end())
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// A finding that points at words: its index, severity and spans (byte ranges that fit).
type Marked = (usize, Severity, Vec<(usize, usize)>);

/// Split `text` at every edge of a finding's span; each piece carries the findings over it.
/// Findings about something missing are listed, not highlighted: they point at where the
/// missing words would go, not at words that are wrong.
fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    // (finding number - 1, severity, its spans that fit the text). Spans are on character
    // boundaries; one that is not, or lies outside the text, is ignored, never a panic.
    let marked: Vec<Marked> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| points_at_words(f))
        .map(|(k, f)| {
            let spans = f
                .spans
                .iter()
                .filter(|s| s.start < s.end && text.get(s.start..s.end).is_some())
                // A finding about the whole draft (its length) would paint all of it.
                .filter(|s| (s.end - s.start) * 10 < text.trim().len() * 9)
                .map(|s| (s.start, s.end))
                .collect();
            (k, f.severity, spans)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, _, spans) in &marked {
        for &(start, end) in spans {
            cuts.push(start);
            cuts.push(end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(piece) = text.get(start..end) else {
            continue;
        };
        let over: Vec<&Marked> = marked
            .iter()
            .filter(|(_, _, spans)| spans.iter().any(|&(s, e)| s <= start && end <= e))
            .collect();
        let mark = over.iter().map(|(_, sev, _)| *sev).min().map(severity_name);
        let findings: Vec<usize> = over.iter().map(|(k, _, _)| k + 1).collect();
        match out.last_mut() {
            Some(last) if last.mark == mark && last.findings == findings => {
                last.text.push_str(piece)
            }
            _ => out.push(Segment {
                text: piece.to_string(),
                mark,
                findings,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text_and_mark_what_findings_point_at() {
        let text = "Hi Ana, could you refer me for the PM role? I am great.";
        let report = outreach::check_message(text);
        let segs = segments(text, &report.findings);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text, "segments rebuild the text exactly");
        let ask = report
            .findings
            .iter()
            .position(|f| f.rule == "cold-ask")
            .expect("the ask is found")
            + 1;
        let marked: String = segs
            .iter()
            .filter(|s| s.mark == Some("problem") && s.findings.contains(&ask))
            .map(|s| s.text.as_str())
            .collect();
        let words = report.findings[ask - 1].spans[0]
            .text(text)
            .unwrap_or_default();
        assert!(
            !words.is_empty() && marked.contains(words),
            "the ask is marked as a problem: {segs:?}"
        );
    }

    #[test]
    fn overlapping_spans_split_cleanly() {
        let f = |start, end, severity| Finding {
            rule: "r".into(),
            severity,
            message: "m".into(),
            fix: None,
            spans: vec![outreach::Span { start, end }],
            missing: false,
        };
        let text = "abcdefghij";
        let segs = segments(
            text,
            &[f(2, 6, Severity::Suggestion), f(4, 8, Severity::Problem)],
        );
        let shape: Vec<(&str, Option<&str>, Vec<usize>)> = segs
            .iter()
            .map(|s| (s.text.as_str(), s.mark, s.findings.clone()))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("ab", None, vec![]),
                ("cd", Some("suggestion"), vec![1]),
                ("ef", Some("problem"), vec![1, 2]),
                ("gh", Some("problem"), vec![2]),
                ("ij", None, vec![]),
            ]
        );
        // A span outside the text or off a character boundary is ignored.
        let segs = segments(
            "é",
            &[f(1, 2, Severity::Problem), f(0, 99, Severity::Problem)],
        );
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].mark, None);
    }
}

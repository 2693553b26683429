//! The brag document and the promotion packet as Markdown. Every text the member or a
//! stakeholder wrote is escaped, so a `*`, `#`, `[link](…)` or `<tag>` in a note is shown
//! as written and never becomes formatting, a link or HTML.

use std::fmt::Write;

use super::{Brag, EvidenceLine, Grouping, Packet, PersonRef, WinEntry};

/// Characters that mean something to Markdown anywhere in a line.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#', '!', '&',
];

/// User text on one line: special characters escaped, line breaks become spaces, and
/// what would start a list, a quote or a heading is escaped too.
pub fn escape(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading `-`, `+`, `=` or `1.` would start a list or underline a heading.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// User text that may span lines: each line escaped, kept as a line break.
fn escape_block(text: &str, indent: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{indent}{}", escape(l)))
        .collect::<Vec<_>>()
        .join("  \n")
}

fn person(p: &PersonRef) -> String {
    let mut s = format!("**{}**", escape(&p.name));
    let role: Vec<&str> = [p.title.as_deref(), p.organisation.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !role.is_empty() {
        let _ = write!(s, ", {}", escape(&role.join(", ")));
    }
    let _ = write!(s, " ({})", p.stance);
    s
}

fn header(out: &mut String, title: &str, member: Option<&str>, role: Option<&str>, on: &str) {
    let _ = writeln!(out, "# {title}\n");
    match (member, role) {
        (Some(m), Some(r)) => {
            let _ = writeln!(out, "{}, working toward {}.", escape(m), escape(r));
        }
        (Some(m), None) => {
            let _ = writeln!(out, "{}.", escape(m));
        }
        (None, Some(r)) => {
            let _ = writeln!(out, "Working toward {}.", escape(r));
        }
        (None, None) => {}
    }
    let _ = writeln!(out, "As of {on}.\n");
}

fn win(out: &mut String, w: &WinEntry, show_goals: bool) {
    let _ = writeln!(out, "### {} ({}, {})\n", escape(&w.title), w.on, w.kind);
    if let Some(i) = &w.impact {
        let _ = writeln!(out, "- **Impact:** {}", escape(i));
    }
    if show_goals && !w.goals.is_empty() {
        let goals: Vec<String> = w.goals.iter().map(|g| escape(g)).collect();
        let _ = writeln!(out, "- **Goals:** {}", goals.join("; "));
    }
    if !w.tracks.is_empty() {
        let tracks: Vec<String> = w.tracks.iter().map(|t| escape(t)).collect();
        let _ = writeln!(out, "- **Shows:** {}", tracks.join(", "));
    }
    if w.known_by.is_empty() {
        let _ = writeln!(out, "- **Who knows:** nobody yet");
    } else {
        let who: Vec<String> = w.known_by.iter().map(person).collect();
        let _ = writeln!(out, "- **Who knows:** {}", who.join("; "));
    }
    for l in &w.links {
        let _ = writeln!(out, "- Evidence: <{}>", l.replace(['<', '>', ' '], ""));
    }
    if let Some(d) = &w.description {
        let _ = writeln!(out, "\n{}", escape_block(d, ""));
    }
    out.push('\n');
}

/// The brag document as Markdown.
pub fn brag(b: &Brag) -> String {
    let mut out = String::new();
    header(
        &mut out,
        "Brag document",
        b.member.as_deref(),
        b.target_role.as_deref(),
        &b.on.to_string(),
    );
    if b.sections.is_empty() {
        out.push_str("No wins recorded yet.\n");
    }
    for s in &b.sections {
        let _ = writeln!(out, "## {}\n", escape(&s.heading));
        if let Some(d) = &s.detail {
            let _ = writeln!(out, "{}\n", escape_block(d, ""));
        }
        for w in &s.wins {
            win(&mut out, w, b.grouping == Grouping::Month);
        }
    }
    out
}

fn evidence(e: &EvidenceLine) -> String {
    let mut s = format!("{} ({}, {})", escape(&e.summary), e.strength, e.on);
    if let Some(p) = &e.person {
        let _ = write!(s, ", {}", person(p));
    }
    if let Some(q) = &e.quote {
        let _ = write!(s, ": “{}”", escape(q));
    }
    s
}

/// The promotion packet as Markdown.
pub fn packet(p: &Packet) -> String {
    let mut out = String::new();
    header(
        &mut out,
        "Promotion packet",
        p.member.as_deref(),
        p.target_role.as_deref(),
        &p.on.to_string(),
    );
    out.push_str("## Achievements against business goals\n\n");
    for g in &p.goals {
        let _ = writeln!(out, "## Goal: {}\n", escape(&g.heading));
        if let Some(d) = &g.detail {
            let _ = writeln!(out, "{}\n", escape_block(d, ""));
        }
        if g.wins.is_empty() {
            out.push_str("No win tied to this goal yet.\n\n");
        }
        for w in &g.wins {
            win(&mut out, w, false);
        }
    }
    if !p.unlinked.is_empty() {
        out.push_str("## Other achievements\n\n");
        for w in &p.unlinked {
            win(&mut out, w, false);
        }
    }
    out.push_str("## Evidence per track\n\n");
    for t in &p.tracks {
        let _ = writeln!(
            out,
            "### {}: level {} of 4, {} (target {})\n",
            escape(&t.name),
            t.level,
            escape(&t.level_name),
            t.target
        );
        let _ = writeln!(out, "- **Evidence:** {} piece(s)", t.evidence_count);
        for e in &t.strongest {
            let _ = writeln!(out, "- {}", evidence(e));
        }
        for g in &t.gaps {
            let _ = writeln!(out, "- **Gap:** {}", escape(g));
        }
        out.push('\n');
    }
    out.push_str("## Who can vouch for what\n\n");
    if p.vouchers.is_empty() {
        out.push_str("Nobody has witnessed, endorsed or heard of a win yet.\n");
    }
    for v in &p.vouchers {
        let _ = writeln!(out, "- {}", person(&v.person));
        for e in &v.endorsed {
            let _ = writeln!(out, "  - Endorsed: {}", escape(e));
        }
        for e in &v.witnessed {
            let _ = writeln!(out, "  - Witnessed: {}", escape(e));
        }
        if !v.knows.is_empty() {
            let wins: Vec<String> = v.knows.iter().map(|w| escape(w)).collect();
            let _ = writeln!(out, "  - Knows about: {}", wins.join("; "));
        }
    }
    out
}

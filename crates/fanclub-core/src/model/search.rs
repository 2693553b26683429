//! Full-text search results: one hit per matching record (a person, an interaction, a win
//! or a piece of evidence), with a title and a snippet whose matched words are marked.
//!
//! The store marks matches with two private-use characters, [`MARK_START`] and
//! [`MARK_END`], rather than HTML: the web page splits on them ([`marked_parts`]) and lets
//! its templates escape every part, so nothing a member typed is ever taken as markup.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::{CoreError, Day};

/// Opens a matched run of words in a hit's title or snippet.
pub const MARK_START: char = '\u{E000}';
/// Closes a matched run of words.
pub const MARK_END: char = '\u{E001}';

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum SearchKind {
    Person,
    Interaction,
    Win,
    Evidence,
}

impl SearchKind {
    /// Every kind, in the order results are grouped.
    pub const ALL: &'static [SearchKind] = &[
        SearchKind::Person,
        SearchKind::Interaction,
        SearchKind::Win,
        SearchKind::Evidence,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            SearchKind::Person => "person",
            SearchKind::Interaction => "interaction",
            SearchKind::Win => "win",
            SearchKind::Evidence => "evidence",
        }
    }

    /// The heading of a group of hits of this kind.
    pub const fn plural(self) -> &'static str {
        match self {
            SearchKind::Person => "People",
            SearchKind::Interaction => "Interactions",
            SearchKind::Win => "Wins",
            SearchKind::Evidence => "Evidence",
        }
    }

    /// The kind a stored name stands for.
    pub fn parse(s: &str) -> Result<SearchKind, CoreError> {
        SearchKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                CoreError::invalid("kind", s, "one of: person, interaction, win, evidence")
            })
    }
}

impl std::fmt::Display for SearchKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record that matched a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The record's id in its own kind.
    pub id: i64,
    /// The handle of the person the hit is about: the person themself, the first person
    /// of an interaction, who saw or said a piece of evidence.
    pub person: Option<String>,
    /// The competency track of a piece of evidence.
    pub track: Option<String>,
    /// The record's date (none for people).
    pub on: Option<Day>,
    /// A person's name, an interaction's summary, a win's title, the evidence's summary;
    /// matched words marked.
    pub title: String,
    /// Who a person is, `VP Product · Northwind` (their title and organisation), matched
    /// words marked; empty for other kinds.
    #[serde(default)]
    pub about: String,
    /// The names of an interaction's people, in the order they were logged, or of the
    /// person who saw or said a piece of evidence; empty for other kinds.
    #[serde(default)]
    pub people: Vec<String>,
    /// A few words of the rest of the record around the matches, marked; may be empty.
    /// For a person, the part of what is known about them that matched, each part named
    /// (`Goals: …`); empty when only their name, title or organisation matched.
    pub snippet: String,
}

/// The words (lowercased) that `marked` has inside marks: what the search index matched
/// in a text. Marked runs are split into words as the index splits them.
pub fn marked_words(marked: &str) -> HashSet<String> {
    marked_parts(marked)
        .into_iter()
        .filter(|(_, matched)| *matched)
        .flat_map(|(text, _)| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `text` with every word of `words` (lowercased, as [`marked_words`] gives them) marked:
/// the index's matches carried over to a field of the same record.
pub fn mark_words(text: &str, words: &HashSet<String>) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if words.contains(&word.to_lowercase()) {
            out.push(MARK_START);
            out.push_str(word);
            out.push(MARK_END);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// At most `max_words` words of a marked text around its first mark, whitespace
/// collapsed, with `…` where words were cut; the text's start when nothing is marked.
pub fn excerpt(marked: &str, max_words: usize) -> String {
    let words: Vec<&str> = marked.split_whitespace().collect();
    let first = words
        .iter()
        .position(|w| w.contains(MARK_START))
        .unwrap_or(0);
    // A little of what comes before the match, most of what follows it.
    let start = first
        .saturating_sub(max_words / 3)
        .min(words.len().saturating_sub(max_words));
    let end = (start + max_words).min(words.len());
    let mut out = String::new();
    if start > 0 {
        out.push_str("… ");
    }
    out.push_str(&words[start..end].join(" "));
    if end < words.len() {
        out.push_str(" …");
    }
    out
}

/// A marked text split into its runs: `(text, matched)`, in order, without the marks.
/// Unbalanced marks are tolerated: a stray end mark is dropped, an unclosed start mark
/// runs to the end.
pub fn marked_parts(text: &str) -> Vec<(String, bool)> {
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    for c in text.chars() {
        let switch_to = match c {
            MARK_START => Some(true),
            MARK_END => Some(false),
            _ => None,
        };
        match switch_to {
            Some(next) => {
                if next != matched {
                    if !current.is_empty() {
                        parts.push((std::mem::take(&mut current), matched));
                    }
                    matched = next;
                }
            }
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        parts.push((current, matched));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_split_into_runs() {
        let text = format!("the {MARK_START}pricing{MARK_END} review with {MARK_START}Ana");
        assert_eq!(
            marked_parts(&text),
            vec![
                ("the ".to_string(), false),
                ("pricing".to_string(), true),
                (" review with ".to_string(), false),
                ("Ana".to_string(), true),
            ]
        );
        assert_eq!(
            marked_parts(&format!("{MARK_END}plain")),
            vec![("plain".to_string(), false)]
        );
        assert!(marked_parts("").is_empty());
    }

    #[test]
    fn matches_carry_over_to_the_same_words_elsewhere() {
        let body = format!(
            "Northwind · {MARK_START}Frankfurt{MARK_END} move · {MARK_START}Pricing{MARK_END}"
        );
        let words = marked_words(&body);
        assert_eq!(
            words,
            HashSet::from(["frankfurt".to_string(), "pricing".to_string()])
        );
        assert_eq!(
            mark_words("Move to Frankfurt-Main; pricing, Frankfurter", &words),
            format!(
                "Move to {MARK_START}Frankfurt{MARK_END}-Main; {MARK_START}pricing{MARK_END}, Frankfurter"
            )
        );
        assert_eq!(mark_words("", &words), "");
    }

    #[test]
    fn excerpts_show_the_words_around_the_first_match() {
        let text: Vec<String> = (1..=40).map(|i| format!("w{i}")).collect();
        let mut marked = text.clone();
        marked[29] = format!("{MARK_START}w30{MARK_END}");
        let got = excerpt(&marked.join(" \n "), 10);
        assert!(got.starts_with("… w27 w28 w29"), "{got}");
        assert!(got.ends_with("w36 …"), "{got}");
        assert_eq!(got.split_whitespace().count(), 12, "{got}");
        // Near the start, no leading cut; short texts whole.
        assert!(excerpt(&format!("{MARK_START}a{MARK_END} b c"), 10).starts_with(MARK_START));
        assert_eq!(excerpt("a  b\tc", 10), "a b c");
        assert_eq!(excerpt("", 10), "");
        // Near the end, the window still holds `max_words` words.
        let mut late = text.clone();
        late[39] = format!("{MARK_START}w40{MARK_END}");
        assert_eq!(excerpt(&late.join(" "), 10).split_whitespace().count(), 11);
    }

    #[test]
    fn kinds_round_trip() {
        for k in SearchKind::ALL {
            assert_eq!(SearchKind::parse(k.as_str()).unwrap(), *k);
        }
        assert!(SearchKind::parse("goal").is_err());
    }
}

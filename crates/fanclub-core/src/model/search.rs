//! Full-text search results: one hit per matching record (a person, an interaction, a win
//! or a piece of evidence), with a title and a snippet whose matched words are marked.
//!
//! The store marks matches with two private-use characters, [`MARK_START`] and
//! [`MARK_END`], rather than HTML: the web page splits on them ([`marked_parts`]) and lets
//! its templates escape every part, so nothing a member typed is ever taken as markup.

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
    /// A few words of the rest of the record around the matches, marked; may be empty.
    pub snippet: String,
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
    fn kinds_round_trip() {
        for k in SearchKind::ALL {
            assert_eq!(SearchKind::parse(k.as_str()).unwrap(), *k);
        }
        assert!(SearchKind::parse("goal").is_err());
    }
}

//! Full-text search: what the member typed turned into a safe query for the backend (FTS5
//! on SQLite, tsquery on PostgreSQL), run against the index the database keeps itself
//! (migrations `0003_search.sql`), read back as `SearchHit`s with the matches marked.
//!
//! A member's words are never passed through as query syntax: only runs of letters and
//! digits are kept, each quoted, all required, the last one matched as a prefix (so the
//! results follow as they type). `"`, `AND (` or `*` find nothing rather than fail.

use std::collections::HashMap;

use fanclub_core::{
    CoreResult, Day, MARK_END, MARK_START, SearchHit, SearchKind, excerpt, mark_words, marked_words,
};

use crate::rows::At;
use crate::sql::{IN_CHUNK, Sql};
use crate::violation::DbResult;
use crate::{Backend, SqlStore};

/// At most this many words of a query are used: a longer query is a pasted paragraph,
/// and every word must match anyway.
const MAX_TERMS: usize = 12;
/// Longer words are cut: no word in the index is longer, and it keeps queries small.
const MAX_TERM_CHARS: usize = 64;
/// The most hits one search returns.
pub(crate) const MAX_LIMIT: u32 = 200;

/// The words of a query: runs of letters and digits, lowercased, at most `MAX_TERMS`.
pub(crate) fn terms(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_TERMS)
        .map(|w| {
            w.chars()
                .take(MAX_TERM_CHARS)
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

/// An FTS5 query: every term quoted (so none is read as an operator), all required, the
/// last a prefix. `None` when there is nothing to search for.
pub(crate) fn fts5_query(query: &str) -> Option<String> {
    let terms = terms(query);
    let last = terms.len().checked_sub(1)?;
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            // Terms hold only letters and digits; doubling quotes keeps that true even if
            // the rule above ever changes.
            let quoted = format!("\"{}\"", t.replace('"', "\"\""));
            if i == last { quoted + "*" } else { quoted }
        })
        .collect();
    Some(parts.join(" "))
}

/// A PostgreSQL `to_tsquery` text: every term quoted, joined by `&`, the last a prefix.
pub(crate) fn tsquery(query: &str) -> Option<String> {
    let terms = terms(query);
    let last = terms.len().checked_sub(1)?;
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let quoted = format!("'{}'", t.replace('\'', "''").replace('\\', ""));
            if i == last { quoted + ":*" } else { quoted }
        })
        .collect();
    Some(parts.join(" & "))
}

#[derive(sqlx::FromRow)]
struct HitRow {
    kind: String,
    id: i64,
    person: Option<String>,
    track: Option<String>,
    on_day: Option<String>,
    title: Option<String>,
    snippet: Option<String>,
}

impl HitRow {
    fn into_hit(self) -> CoreResult<SearchHit> {
        let at = At::new("search", self.id);
        Ok(SearchHit {
            kind: at.ok("kind", SearchKind::parse(&self.kind))?,
            id: self.id,
            person: self.person,
            track: self.track,
            on: self
                .on_day
                .map(|d| at.ok("on_day", Day::parse(&d)))
                .transpose()?,
            title: self.title.unwrap_or_default(),
            about: String::new(),
            people: Vec::new(),
            snippet: self.snippet.unwrap_or_default(),
        })
    }
}

/// How many words a person's excerpt shows per part, and how many parts at most.
const EXCERPT_WORDS: usize = 24;
const EXCERPT_PARTS: usize = 2;

/// What the index knows about a person, field by field, to cut their snippet from.
#[derive(sqlx::FromRow)]
struct PersonFields {
    id: i64,
    organisation: Option<String>,
    title: Option<String>,
    team: Option<String>,
    goals: Option<String>,
    struggles: Option<String>,
    interests: Option<String>,
    how_met: Option<String>,
    notes: Option<String>,
}

impl PersonFields {
    /// `hit.snippet` holds the person's whole indexed text with every match marked (the
    /// query asks for all of it): the words it marks are marked again in each field, so
    /// the page shows who they are and the part that matched, never the joined fields.
    fn fill(&self, hit: &mut SearchHit) {
        let words = marked_words(&hit.snippet);
        let mark = |f: &Option<String>| {
            f.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| mark_words(t, &words))
        };
        hit.about = [mark(&self.title), mark(&self.organisation)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let parts = [
            ("Team", &self.team),
            ("Goals", &self.goals),
            ("Struggles", &self.struggles),
            ("Interests", &self.interests),
            ("How we met", &self.how_met),
            ("Notes", &self.notes),
        ];
        hit.snippet = parts
            .into_iter()
            .filter_map(|(label, f)| {
                let marked = mark(f)?;
                marked
                    .contains(MARK_START)
                    .then(|| format!("{label}: {}", excerpt(&marked, EXCERPT_WORDS)))
            })
            .take(EXCERPT_PARTS)
            .collect::<Vec<_>>()
            .join(" · ");
    }
}

/// A person of a hit by name: one of an interaction's people, or who saw or said a
/// piece of evidence.
#[derive(sqlx::FromRow)]
struct Named {
    record_id: i64,
    name: String,
}

/// FTS5: one index table; the person, track and date are looked up per hit. A person's
/// snippet is their whole indexed text, marked: `PersonFields::fill` cuts it per field.
const SQLITE_SEARCH: &str = "
SELECT kind, record_id AS id,
    CASE kind
        WHEN 'person' THEN (SELECT handle FROM people WHERE id = record_id)
        WHEN 'interaction' THEN (SELECT p.handle FROM interaction_people ip
            JOIN people p ON p.account_id = ip.account_id AND p.id = ip.person_id
            WHERE ip.interaction_id = record_id ORDER BY ip.position LIMIT 1)
        WHEN 'evidence' THEN (SELECT p.handle FROM evidence e
            JOIN people p ON p.account_id = e.account_id AND p.id = e.person_id
            WHERE e.id = record_id)
    END AS person,
    CASE kind WHEN 'evidence' THEN (SELECT track FROM evidence WHERE id = record_id) END AS track,
    CASE kind
        WHEN 'interaction' THEN (SELECT on_day FROM interactions WHERE id = record_id)
        WHEN 'win' THEN (SELECT on_day FROM wins WHERE id = record_id)
        WHEN 'evidence' THEN (SELECT on_day FROM evidence WHERE id = record_id)
    END AS on_day,
    highlight(search_index, 3, $1, $2) AS title,
    CASE kind
        WHEN 'person' THEN highlight(search_index, 4, $3, $4)
        ELSE snippet(search_index, 4, $3, $4, '…', 24)
    END AS snippet
FROM search_index
WHERE search_index MATCH $5 AND account_id = $6
ORDER BY bm25(search_index, 0.0, 0.0, 0.0, 4.0, 1.0), kind, record_id
LIMIT $7";

/// tsvector: the generated `search` column of each table, through its GIN index. The
/// snippets are cut from the same columns the migration indexes (joined with `·` here,
/// which a generated column cannot do: `concat_ws` is not immutable). A person's snippet
/// is their whole text with every match marked (the title's options, `$2`), as on SQLite.
const POSTGRES_SEARCH: &str = "
WITH q AS (SELECT to_tsquery('english', $1) AS query)
SELECT kind, id, person, track, on_day, title, snippet FROM (
    SELECT 'person' AS kind, p.id, p.handle AS person, NULL AS track, NULL AS on_day,
        ts_headline('english', p.name, q.query, $2) AS title,
        ts_headline('english',
            concat_ws(' · ', p.organisation, p.title, p.team, p.goals, p.struggles, p.interests,
                p.how_met, p.notes, p.handle),
            q.query, $2) AS snippet,
        ts_rank(p.search, q.query)::float8 AS rank
    FROM people p, q WHERE p.account_id = $4 AND p.search @@ q.query
    UNION ALL
    SELECT 'interaction', i.id,
        (SELECT pe.handle FROM interaction_people ip
            JOIN people pe ON pe.account_id = ip.account_id AND pe.id = ip.person_id
            WHERE ip.account_id = i.account_id AND ip.interaction_id = i.id
            ORDER BY ip.position LIMIT 1),
        NULL, i.on_day,
        ts_headline('english', i.summary, q.query, $2),
        ts_headline('english',
            concat_ws(' · ', i.notes, i.learned, i.follow_up),
            q.query, $3),
        ts_rank(i.search, q.query)::float8
    FROM interactions i, q WHERE i.account_id = $4 AND i.search @@ q.query
    UNION ALL
    SELECT 'win', w.id, NULL, NULL, w.on_day,
        ts_headline('english', w.title, q.query, $2),
        ts_headline('english',
            concat_ws(' · ', w.description, w.impact_metric), q.query, $3),
        ts_rank(w.search, q.query)::float8
    FROM wins w, q WHERE w.account_id = $4 AND w.search @@ q.query
    UNION ALL
    SELECT 'evidence', e.id,
        (SELECT pe.handle FROM people pe WHERE pe.account_id = e.account_id AND pe.id = e.person_id),
        e.track, e.on_day,
        ts_headline('english', e.summary, q.query, $2),
        ts_headline('english', coalesce(e.quote, ''), q.query, $3),
        ts_rank(e.search, q.query)::float8
    FROM evidence e, q WHERE e.account_id = $4 AND e.search @@ q.query
) hits
ORDER BY rank DESC, kind, id
LIMIT $5";

impl SqlStore {
    pub(crate) async fn search_tx(&self, query: &str, limit: u32) -> CoreResult<Vec<SearchHit>> {
        let limit = i64::from(limit.clamp(1, MAX_LIMIT));
        let (start, end) = (MARK_START.to_string(), MARK_END.to_string());
        let rows: Vec<HitRow> = match self.backend() {
            Backend::Sqlite => {
                let Some(q) = fts5_query(query) else {
                    return Ok(Vec::new());
                };
                sqlx::query_as(SQLITE_SEARCH)
                    .bind(start.clone())
                    .bind(end.clone())
                    .bind(start)
                    .bind(end)
                    .bind(q)
                    .bind(self.account())
                    .bind(limit)
                    .fetch_all(self.pool())
                    .await
                    .db()?
            }
            Backend::Postgres => {
                let Some(q) = tsquery(query) else {
                    return Ok(Vec::new());
                };
                // The marks are private-use characters: no quoting is needed in options.
                let title = format!("StartSel={start}, StopSel={end}, HighlightAll=true");
                let snippet = format!(
                    "StartSel={start}, StopSel={end}, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \""
                );
                sqlx::query_as(POSTGRES_SEARCH)
                    .bind(q)
                    .bind(title)
                    .bind(snippet)
                    .bind(self.account())
                    .bind(limit)
                    .fetch_all(self.pool())
                    .await
                    .db()?
            }
        };
        let mut hits: Vec<SearchHit> = rows
            .into_iter()
            .map(HitRow::into_hit)
            .collect::<CoreResult<_>>()?;
        self.fill_snippets(&mut hits).await?;
        Ok(hits)
    }

    /// Make each hit read well: a person's title and organisation and the part of their
    /// record that matched; an interaction's people, and who saw or said a piece of
    /// evidence, by name.
    async fn fill_snippets(&self, hits: &mut [SearchHit]) -> CoreResult<()> {
        let ids = |kind: SearchKind| -> Vec<i64> {
            hits.iter()
                .filter(|h| h.kind == kind)
                .map(|h| h.id)
                .collect()
        };
        let (people, interactions, evidence) = (
            ids(SearchKind::Person),
            ids(SearchKind::Interaction),
            ids(SearchKind::Evidence),
        );
        if people.is_empty() && interactions.is_empty() && evidence.is_empty() {
            return Ok(());
        }
        let mut conn = self.pool().acquire().await.db()?;
        let mut fields: HashMap<i64, PersonFields> = HashMap::new();
        for chunk in people.chunks(IN_CHUNK) {
            let mut q = Sql::new(
                "SELECT id, organisation, title, team, goals, struggles, interests, how_met, \
                 notes FROM people WHERE account_id = ",
            );
            q.bind(self.account()).push(" AND id IN ").list(chunk);
            let rows: Vec<PersonFields> = q.fetch_all(&mut conn).await?;
            fields.extend(rows.into_iter().map(|r| (r.id, r)));
        }
        let mut names: HashMap<i64, Vec<String>> = HashMap::new();
        for chunk in interactions.chunks(IN_CHUNK) {
            let mut q = Sql::new(
                "SELECT ip.interaction_id AS record_id, p.name FROM interaction_people ip \
                 JOIN people p ON p.account_id = ip.account_id AND p.id = ip.person_id \
                 WHERE ip.account_id = ",
            );
            q.bind(self.account())
                .push(" AND ip.interaction_id IN ")
                .list(chunk)
                .push(" ORDER BY ip.interaction_id, ip.position");
            let rows: Vec<Named> = q.fetch_all(&mut conn).await?;
            for r in rows {
                names.entry(r.record_id).or_default().push(r.name);
            }
        }
        let mut witnesses: HashMap<i64, String> = HashMap::new();
        for chunk in evidence.chunks(IN_CHUNK) {
            let mut q = Sql::new(
                "SELECT e.id AS record_id, p.name FROM evidence e \
                 JOIN people p ON p.account_id = e.account_id AND p.id = e.person_id \
                 WHERE e.account_id = ",
            );
            q.bind(self.account()).push(" AND e.id IN ").list(chunk);
            let rows: Vec<Named> = q.fetch_all(&mut conn).await?;
            witnesses.extend(rows.into_iter().map(|r| (r.record_id, r.name)));
        }
        for hit in hits.iter_mut() {
            match hit.kind {
                SearchKind::Person => match fields.get(&hit.id) {
                    Some(f) => f.fill(hit),
                    // Removed between the two reads: show the name alone.
                    None => hit.snippet.clear(),
                },
                SearchKind::Interaction => {
                    hit.people = names.remove(&hit.id).unwrap_or_default();
                }
                SearchKind::Evidence => {
                    hit.people = witnesses.remove(&hit.id).into_iter().collect();
                }
                SearchKind::Win => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_keep_only_words() {
        assert_eq!(fts5_query("pricing"), Some("\"pricing\"*".into()));
        assert_eq!(
            fts5_query("Grace   Whit"),
            Some("\"grace\" \"whit\"*".into())
        );
        assert_eq!(tsquery("grace whit"), Some("'grace' & 'whit':*".into()));
        for hostile in [
            "\"",
            "AND (",
            "*",
            "   ",
            "'); DROP TABLE people; --",
            "NEAR(",
            ":*&|!",
        ] {
            let q = fts5_query(hostile);
            assert!(
                q.as_deref()
                    .is_none_or(|q| !q.contains('(') && !q.contains(';')),
                "{hostile:?} -> {q:?}"
            );
        }
        assert_eq!(fts5_query("AND ("), Some("\"and\"*".into()));
        assert_eq!(fts5_query("\""), None);
        assert_eq!(tsquery("o'brien"), Some("'o' & 'brien':*".into()));
    }

    #[test]
    fn long_queries_are_cut() {
        let many = "word ".repeat(100);
        assert_eq!(terms(&many).len(), MAX_TERMS);
        let long = "x".repeat(500);
        assert_eq!(terms(&long)[0].chars().count(), MAX_TERM_CHARS);
        assert_eq!(terms("Marković"), vec!["marković".to_string()]);
    }
}

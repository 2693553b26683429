//! The People list: search, filters (circle, grid quadrant, stance, overdue), a sort, and
//! pages of `PAGE_SIZE`, so a workspace of ten thousand people reads as quickly as one of
//! ten. Whether someone is overdue comes from the cadence engine, the same rule as the
//! weekly review's.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use fanclub_core::{
    Circle, CoreError, Day, Person, PersonId, Quadrant, Record, Stance, engine::cadence,
};
use serde::Deserialize;

use super::{Choice, Layout, Nav, PageResult, ok};
use crate::AppState;
use crate::services::PeopleFilter;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/people", get(index))
}

/// People per page.
pub(crate) const PAGE_SIZE: usize = 100;

/// The list's query string as typed; blank values mean "any".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PeopleQuery {
    q: String,
    circle: String,
    quadrant: String,
    stance: String,
    /// "yes" keeps only the people past their cadence.
    overdue: String,
    sort: String,
    page: String,
    /// The name of someone just removed, to confirm it.
    removed: String,
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// A to Z.
    Name,
    /// Most influence first.
    Influence,
    /// Longest since the last contact first (never contacted before all).
    LastContact,
    /// Furthest past their cadence first.
    Overdue,
}

impl Sort {
    const ALL: [Sort; 4] = [
        Sort::Name,
        Sort::Influence,
        Sort::LastContact,
        Sort::Overdue,
    ];

    fn key(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::Influence => "influence",
            Sort::LastContact => "last-contact",
            Sort::Overdue => "overdue",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Sort::Name => "Name",
            Sort::Influence => "Influence, highest first",
            Sort::LastContact => "Last contact, longest ago first",
            Sort::Overdue => "Most overdue first",
        }
    }

    fn parse(raw: &str) -> Result<Sort, CoreError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(Sort::Name);
        }
        Sort::ALL
            .into_iter()
            .find(|s| s.key() == raw)
            .ok_or_else(|| {
                CoreError::invalid(
                    "sort",
                    raw,
                    "one of name, influence, last-contact or overdue",
                )
            })
    }
}

/// One row of the list.
#[derive(Debug, Clone)]
struct Row<P = Record<Person>> {
    p: P,
    /// Days since the last logged contact; `None` when there is none.
    days_since: Option<i64>,
    /// Days past their cadence, when they are due.
    overdue_by: Option<i64>,
}

/// A link to another page of the list.
#[derive(Debug, Clone)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
}

/// A column header that sorts.
#[derive(Debug, Clone)]
struct SortLink {
    href: String,
    /// `aria-sort`'s value on the current sort's column.
    active: bool,
}

#[derive(Template)]
#[template(path = "people/index.html")]
struct IndexPage {
    layout: Layout,
    query: PeopleQuery,
    circles: Vec<Choice>,
    quadrants: Vec<Choice>,
    stances: Vec<Choice>,
    sorts: Vec<Choice>,
    overdue_only: bool,
    rows: Vec<Row>,
    /// How many match, on every page.
    matched: usize,
    /// Everyone in the workspace, to say "12 of 40".
    total: usize,
    filtered: bool,
    /// The first and last row's positions on this page (1-based).
    first: usize,
    last: usize,
    pages: Vec<PageLink>,
    previous: Option<String>,
    next: Option<String>,
    by_name: SortLink,
    by_influence: SortLink,
    by_last_contact: SortLink,
}

async fn index(State(state): State<AppState>, Query(query): Query<PeopleQuery>) -> PageResult {
    let filter = PeopleFilter::parse(&query.q, &query.circle, &query.quadrant, &query.stance)?;
    let sort = Sort::parse(&query.sort)?;
    let overdue_only = parse_overdue(&query.overdue)?;
    let page = parse_page(&query.page)?;
    let today = state.today();
    let store = &*state.store;
    let people = store.shared_people().await?;
    let contacts = store.last_contacts().await?;
    let decisions = store.list_decisions().await?;
    let settings = store.get_settings().await?;
    let due: HashMap<PersonId, i64> =
        cadence::due(&people, &contacts, &decisions, &settings, today)
            .into_iter()
            .map(|d| (d.person.id, d.days_overdue))
            .collect();
    let last: HashMap<PersonId, Day> = contacts.iter().map(|c| (c.person, c.on)).collect();
    let total = people.len();
    // Rows of the shared list; only the page's rows are copied out of it.
    let mut rows: Vec<Row<&Record<Person>>> = people
        .iter()
        .filter(|p| filter.matches(p))
        .filter(|p| !overdue_only || due.contains_key(&p.id))
        .map(|p| Row {
            days_since: last.get(&p.id).map(|on| on.days_until(today)),
            overdue_by: due.get(&p.id).copied(),
            p,
        })
        .collect();
    order(&mut rows, sort);

    let matched = rows.len();
    let page_count = matched.div_ceil(PAGE_SIZE).max(1);
    // A page past the end (the list shrank since the link was made) shows the last one.
    let page = page.min(page_count);
    let start = (page - 1) * PAGE_SIZE;
    let rows: Vec<Row> = rows
        .into_iter()
        .skip(start)
        .take(PAGE_SIZE)
        .map(|r| Row {
            p: r.p.clone(),
            days_since: r.days_since,
            overdue_by: r.overdue_by,
        })
        .collect();
    let link = |sort: Sort, page: usize| href(&query, sort, overdue_only, page);
    let sort_link = |s: Sort| SortLink {
        href: link(s, 1),
        active: s == sort,
    };
    ok(&IndexPage {
        layout: Layout::with_log(Nav::People, today),
        circles: Choice::list(Circle::ALL, &query.circle),
        quadrants: Choice::list(Quadrant::ALL, &query.quadrant),
        stances: Choice::list(Stance::ALL, &query.stance),
        sorts: Sort::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().to_string(),
                label: s.label().to_string(),
                selected: *s == sort,
            })
            .collect(),
        filtered: !filter.is_empty() || overdue_only,
        overdue_only,
        first: if rows.is_empty() { 0 } else { start + 1 },
        last: start + rows.len(),
        pages: page_numbers(page, page_count)
            .into_iter()
            .map(|n| PageLink {
                number: n,
                href: link(sort, n),
                current: n == page,
            })
            .collect(),
        previous: (page > 1).then(|| link(sort, page - 1)),
        next: (page < page_count).then(|| link(sort, page + 1)),
        by_name: sort_link(Sort::Name),
        by_influence: sort_link(Sort::Influence),
        by_last_contact: sort_link(Sort::LastContact),
        rows,
        matched,
        total,
        query,
    })
}

/// The checkbox: present ("yes") or absent.
fn parse_overdue(raw: &str) -> Result<bool, CoreError> {
    match raw.trim() {
        "" | "no" => Ok(false),
        "yes" | "on" | "true" => Ok(true),
        other => Err(CoreError::invalid("overdue", other, "yes, or leave it out")),
    }
}

/// A page number from 1; blank is the first.
fn parse_page(raw: &str) -> Result<usize, CoreError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(1);
    }
    match raw.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(CoreError::invalid("page", raw, "a page number from 1")),
    }
}

/// Sort in place; ties always fall back to the name, then the id, so the order is stable.
fn order(rows: &mut [Row<&Record<Person>>], sort: Sort) {
    let name = |r: &Row<&Record<Person>>| (r.p.name.as_str().to_lowercase(), r.p.id);
    match sort {
        // The store lists everyone by name already.
        Sort::Name => {}
        Sort::Influence => {
            rows.sort_by_cached_key(|r| (std::cmp::Reverse(r.p.influence.get()), name(r)))
        }
        Sort::LastContact => rows.sort_by_cached_key(|r| {
            // Never contacted sorts as the longest ago.
            (std::cmp::Reverse(r.days_since.unwrap_or(i64::MAX)), name(r))
        }),
        Sort::Overdue => rows.sort_by_cached_key(|r| {
            (
                r.overdue_by.is_none(),
                std::cmp::Reverse(r.overdue_by.unwrap_or(0)),
                name(r),
            )
        }),
    }
}

/// The list's address with the current filters, another sort or page.
fn href(q: &PeopleQuery, sort: Sort, overdue: bool, page: usize) -> String {
    let mut url = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in [
        ("q", q.q.trim()),
        ("circle", q.circle.trim()),
        ("quadrant", q.quadrant.trim()),
        ("stance", q.stance.trim()),
    ] {
        if !value.is_empty() {
            url.append_pair(key, value);
        }
    }
    if overdue {
        url.append_pair("overdue", "yes");
    }
    if sort != Sort::Name {
        url.append_pair("sort", sort.key());
    }
    if page > 1 {
        url.append_pair("page", &page.to_string());
    }
    let query = url.finish();
    if query.is_empty() {
        "/people".to_string()
    } else {
        format!("/people?{query}")
    }
}

/// The page numbers to offer: the first, the last, and two either side of the current
/// one (gaps are shown by the template where numbers jump).
fn page_numbers(current: usize, count: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = (1..=count)
        .filter(|&n| n == 1 || n == count || n.abs_diff(current) <= 2)
        .collect();
    pages.dedup();
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_keep_the_ends_and_the_neighbourhood() {
        assert_eq!(page_numbers(1, 1), [1]);
        assert_eq!(page_numbers(1, 3), [1, 2, 3]);
        assert_eq!(page_numbers(50, 100), [1, 48, 49, 50, 51, 52, 100]);
        assert_eq!(page_numbers(100, 100), [1, 98, 99, 100]);
    }

    #[test]
    fn links_keep_the_filters_and_drop_defaults() {
        let q = PeopleQuery {
            q: "ana lee".into(),
            stance: "sponsor".into(),
            ..PeopleQuery::default()
        };
        assert_eq!(
            href(&q, Sort::Name, false, 1),
            "/people?q=ana+lee&stance=sponsor"
        );
        assert_eq!(
            href(&q, Sort::Overdue, true, 3),
            "/people?q=ana+lee&stance=sponsor&overdue=yes&sort=overdue&page=3"
        );
        assert_eq!(
            href(&PeopleQuery::default(), Sort::Name, false, 1),
            "/people"
        );
    }

    #[test]
    fn bad_values_name_the_field() {
        assert!(Sort::parse("shoe size").is_err());
        assert_eq!(Sort::parse("").unwrap(), Sort::Name);
        assert!(parse_page("0").is_err());
        assert!(parse_page("two").is_err());
        assert_eq!(parse_page(" 2 ").unwrap(), 2);
        assert!(parse_overdue("maybe").is_err());
    }
}

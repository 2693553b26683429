//! The private calendar feed: made from Settings, served to a calendar app with a GET and
//! no cookies, readable by a real iCalendar parser; a wrong, replaced or removed link is an
//! unknown page; another site cannot make one.

use calcard::Entry;
use calcard::Parser;
use calcard::icalendar::{ICalendarComponentType, ICalendarProperty};

use crate::support::{Method, Reply, StatusCode, Store, TestApp, spawn_app};

/// The feed's address as Settings shows it, when it is on.
fn shown_link(settings: &Reply) -> Option<String> {
    let at = settings.body.find("id=\"calendar-url\"")?;
    let rest = &settings.body[at..];
    let value = rest.find("value=\"")? + "value=\"".len();
    let end = rest[value..].find('"')?;
    Some(rest[value..value + end].to_string())
}

/// The path part of a link shown on Settings, checked to point at this app.
fn path_of(app: &TestApp, link: &str) -> String {
    let path = link
        .strip_prefix(&app.origin)
        .unwrap_or_else(|| panic!("{link} is not on {}", app.origin));
    assert!(
        path.starts_with("/calendar/") && path.ends_with(".ics"),
        "{path}"
    );
    path.to_string()
}

/// A calendar app's fetch: a plain GET, no cookies, no browser headers.
async fn fetch(app: &TestApp, path: &str) -> Reply {
    app.get(path).await
}

/// The summaries of the feed's events, as calcard reads them.
fn summaries(text: &str) -> Vec<String> {
    let mut parser = Parser::new(text);
    let Entry::ICalendar(cal) = parser.entry() else {
        panic!("not read as a calendar:\n{text}");
    };
    cal.components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .filter_map(|c| {
            c.property(&ICalendarProperty::Summary)
                .and_then(|e| e.values.first())
                .and_then(|v| v.as_text())
                .map(str::to_string)
        })
        .collect()
}

async fn not_found_page(app: &TestApp) -> Reply {
    app.get("/no-such-page").await
}

#[tokio::test]
async fn the_link_serves_the_feed_until_replaced_or_turned_off() {
    let app = spawn_app().await;
    assert_eq!(app.load_sample().await.status, StatusCode::SEE_OTHER);

    // Off at first: Settings offers to make the link.
    let settings = app.get("/settings").await;
    settings.assert_contains("Create a private calendar link");
    assert_eq!(shown_link(&settings), None);

    // Made from the Settings form.
    let made = app.post_form("/settings/calendar", &[]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let settings = app.get("/settings").await;
    settings.assert_contains("Make a new link");
    settings.assert_contains("Turn off");
    settings.assert_contains("Google Calendar");
    let link = shown_link(&settings).expect("the link is shown");
    let path = path_of(&app, &link);
    let token = path
        .trim_start_matches("/calendar/")
        .trim_end_matches(".ics");
    assert!(token.len() >= 32, "a 128-bit token at least: {token}");
    assert_eq!(
        app.store.calendar_token().await.unwrap().as_deref(),
        Some(token)
    );

    // A second click keeps the same link.
    app.post_form("/settings/calendar", &[]).await;
    assert_eq!(
        shown_link(&app.get("/settings").await).as_deref(),
        Some(&*link)
    );

    // Served as a calendar that a parser reads, with the sample's decisions in it.
    let feed = fetch(&app, &path).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.header("content-type"), "text/calendar; charset=utf-8");
    let events = summaries(&feed.body);
    let decisions = app.store.list_decisions().await.unwrap();
    let decision = decisions.first().expect("the sample has decisions");
    let wanted = format!("Decision: {}", decision.title.as_str());
    assert!(events.contains(&wanted), "{wanted} not in {events:?}");
    assert!(events.len() >= decisions.len());
    // A HEAD, as some apps check first, works too.
    let head = app.send(app.request(Method::HEAD, &path)).await;
    assert_eq!(head.status, StatusCode::OK);

    // A wrong or missing token is the same 404 as any unknown page.
    let unknown = not_found_page(&app).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let mut wrong = token.to_string();
    let last = if wrong.ends_with('0') { "1" } else { "0" };
    wrong.replace_range(wrong.len() - 1.., last);
    for bad in [
        format!("/calendar/{wrong}.ics"),
        format!("/calendar/{token}"),
        "/calendar/.ics".to_string(),
        "/calendar/".to_string(),
        format!("/calendar/{}.ics", &token[..token.len() - 1]),
    ] {
        let reply = fetch(&app, &bad).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{bad}");
        assert_eq!(reply.body, unknown.body, "{bad}");
    }

    // A new link: the old one stops working.
    let rotated = app.post_form("/settings/calendar/rotate", &[]).await;
    assert_eq!(rotated.status, StatusCode::SEE_OTHER);
    let new_link = shown_link(&app.get("/settings").await).expect("a new link");
    assert_ne!(new_link, link);
    assert_eq!(fetch(&app, &path).await.status, StatusCode::NOT_FOUND);
    let new_path = path_of(&app, &new_link);
    let feed = fetch(&app, &new_path).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(summaries(&feed.body).contains(&wanted));

    // Turned off: no link works, and Settings offers to make one again.
    let off = app.post_form("/settings/calendar/off", &[]).await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    assert_eq!(fetch(&app, &new_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.store.calendar_token().await.unwrap(), None);
    let settings = app.get("/settings").await;
    settings.assert_contains("Create a private calendar link");
    assert_eq!(shown_link(&settings), None);
    app.stop().await;
}

#[tokio::test]
async fn another_site_cannot_make_or_change_the_link() {
    let app = spawn_app().await;
    for path in ["/settings/calendar", "/settings/calendar/rotate"] {
        let forged = app.post_form_from("http://evil.example", path, &[]).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.store.calendar_token().await.unwrap(), None);

    let token = app.store.rotate_calendar_token().await.unwrap();
    let forged = app
        .post_form_from("http://evil.example", "/settings/calendar/off", &[])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.calendar_token().await.unwrap(),
        Some(token.clone())
    );

    // The feed answers only to this app's own host names, like every page.
    let port = app.origin.rsplit(':').next().unwrap().to_string();
    let path = format!("/calendar/{token}.ics");
    let rebound = app
        .send(
            app.request(Method::GET, &path)
                .header("host", format!("evil.example:{port}")),
        )
        .await;
    assert_eq!(rebound.status, StatusCode::MISDIRECTED_REQUEST);
    let local = app
        .send(
            app.request(Method::GET, &path)
                .header("host", format!("localhost:{port}")),
        )
        .await;
    assert_eq!(local.status, StatusCode::OK);
    app.stop().await;
}

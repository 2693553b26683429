//! The web app end to end: a real server on 127.0.0.1:0 over a fresh SQLite store per
//! test, driven over HTTP as a browser (or a script) would. One test binary; its parts
//! live in `tests/web/`.

#[path = "web/api/mod.rs"]
mod api;
#[path = "web/api_doc.rs"]
mod api_doc;
#[path = "web/explore.rs"]
mod explore;
#[path = "web/feed.rs"]
mod feed;
#[path = "web/forms_people/mod.rs"]
mod forms_people;
#[path = "web/forms_work.rs"]
mod forms_work;
#[path = "web/imports.rs"]
mod imports;
#[path = "web/pages.rs"]
mod pages;
#[path = "web/security.rs"]
mod security;
#[path = "web/settings.rs"]
mod settings;
#[path = "web/sharing.rs"]
mod sharing;
#[path = "web/support.rs"]
mod support;

//! Every page's server time, in-process (target: under 20 ms at the median on the
//! 10,000-person generated workspace; figures in BENCHMARKS.md). Each request goes
//! through the whole router (security middleware, handler, store, template) on a SQLite
//! store, as `fanclub serve` runs it, without the network.
//!
//! `FANCLUB_BENCH_DB=path/to/fanclub.db` benches a workspace made beforehand with
//! `fanclub generate` (scripts/bench makes one of 10,000 people, 1,000,000 interactions
//! and 200,000 connections); without it, one of 10,000 people, 100,000 interactions and
//! 200,000 connections is generated into a temporary file first.
//!
//! Run with `cargo bench -p fanclub-web --bench pages`.

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use fanclub_core::generate::{GenerateSpec, generate_workspace};
use fanclub_core::{Day, Store};
use fanclub_store::{SqlStore, sqlite_url};
use tokio::runtime::Runtime;
use tower::ServiceExt;

/// The allocator `fanclub serve` runs with (see `crates/fanclub/src/main.rs`), so the
/// figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The port the security middleware is told the app listens on; no socket is opened.
const PORT: u16 = 7878;

/// The store to bench on, and the temporary folder holding it when it was generated here.
fn open_store(rt: &Runtime) -> (SqlStore, Option<tempfile::TempDir>) {
    let (path, dir) = match std::env::var_os("FANCLUB_BENCH_DB") {
        Some(path) => (PathBuf::from(path), None),
        None => {
            let dir = tempfile::tempdir().expect("a temporary folder for the workspace");
            (dir.path().join("fanclub.db"), Some(dir))
        }
    };
    let store = rt
        .block_on(SqlStore::open(&sqlite_url(&path)))
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    if dir.is_some() {
        eprintln!("generating 10,000 people, 100,000 interactions, 200,000 connections…");
        let ws = generate_workspace(
            &GenerateSpec {
                people: 10_000,
                interactions: 100_000,
                connections: 200_000,
                seed: 1,
            },
            Day::today(),
        );
        rt.block_on(store.import_workspace(&ws))
            .expect("the generated workspace imports");
    }
    (store, dir)
}

/// A GET as the browser sends it to `fanclub serve`.
fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, format!("127.0.0.1:{PORT}"))
        .body(Body::empty())
        .expect("a valid request")
}

/// Send one request through the router and read the whole body, as a browser would.
async fn fetch(app: &Router, path: &str) -> (StatusCode, usize) {
    let response = app
        .clone()
        .oneshot(get(path))
        .await
        .expect("the router never fails");
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("the body reads");
    (status, body.len())
}

/// One kind of change a member makes, made before a timed request.
type Change<'a> = Box<dyn Fn() + 'a>;

fn pages(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let (store, _dir) = open_store(&rt);
    let people = rt.block_on(store.list_people()).expect("people load");
    let person = people
        .first()
        .map(|p| format!("/people/{}", p.handle))
        .expect("the workspace has people");
    // Someone other than the member's first contact, to search intro paths to.
    let target = people
        .get(people.len() / 2)
        .map(|p| format!("/paths?to={}", p.handle))
        .expect("the workspace has people");
    eprintln!("workspace: {} people", people.len());
    let writer = store.clone();
    let shared: Arc<dyn Store> = Arc::new(store);
    let app = fanclub_web::router(fanclub_web::AppState::new(shared, PORT));

    let paths = [
        "/".to_string(),
        "/people".to_string(),
        person,
        "/map".to_string(),
        "/rooms".to_string(),
        "/wins".to_string(),
        "/readiness".to_string(),
        "/momentum".to_string(),
        "/paths".to_string(),
        target,
        "/people?sort=overdue&page=50".to_string(),
        "/check".to_string(),
        "/settings".to_string(),
        "/search?q=platform".to_string(),
    ];
    let mut g = c.benchmark_group("pages");
    g.sample_size(20);
    // Person pages differ only by handle: one name for all, so runs compare.
    let name = |path: &str| {
        if path.starts_with("/people/") {
            "/people/{handle}".to_string()
        } else if path.starts_with("/paths?to=") {
            "/paths?to={handle}".to_string()
        } else {
            path.to_string()
        }
    };
    let mut served = Vec::new();
    for path in &paths {
        let (status, bytes) = rt.block_on(fetch(&app, path));
        if status != StatusCode::OK {
            eprintln!("skipped {path}: it answers {status}");
            continue;
        }
        eprintln!("{path}: {bytes} bytes");
        served.push(path.as_str());
        g.bench_function(name(path), |b| b.iter(|| rt.block_on(fetch(&app, path))));
    }
    // The pages above are served from what the store and the app keep while the database
    // is unchanged. The first view after a change reads and renders again: before each
    // timed request, one real change of a kind a member makes (a write that changes
    // nothing is not a change to SQLite). The store then re-reads only what the change
    // touched (`fanclub-store/src/cache.rs`); the page is rendered whole.
    let first = people[0].clone();
    let other = people[people.len() / 3].id;
    let changes: [(&str, Change<'_>); 3] = [
        (
            "settings saved",
            Box::new(|| {
                rt.block_on(async {
                    let mut settings = writer.get_settings().await.expect("settings load");
                    settings.momentum_window_days = if settings.momentum_window_days == 90 {
                        91
                    } else {
                        90
                    };
                    writer
                        .save_settings(&settings)
                        .await
                        .expect("settings save");
                })
            }),
        ),
        (
            "a person edited",
            Box::new(|| {
                rt.block_on(async {
                    let mut person = writer.get_person(first.id).await.expect("person load");
                    person.value.title = Some(match person.value.title.as_deref() {
                        Some("Director") => "Senior Director".to_string(),
                        _ => "Director".to_string(),
                    });
                    writer
                        .update_person(&person, Day::today())
                        .await
                        .expect("person save");
                })
            }),
        ),
        (
            "an interaction logged",
            Box::new(|| {
                rt.block_on(async {
                    let mut talk = fanclub_core::Interaction::new(
                        Day::today(),
                        fanclub_core::InteractionKind::Coffee,
                        fanclub_core::Title::parse("Coffee").expect("a title"),
                        vec![first.id, other],
                    );
                    talk.follow_up = Some("Send the notes".to_string());
                    writer
                        .create_interaction(&talk)
                        .await
                        .expect("interaction save");
                })
            }),
        ),
    ];
    // Every page after the change that reaches most lists (a person edited); the home
    // page and the people list after each kind.
    for (change, touch) in &changes {
        let pages: &[&str] = if *change == "a person edited" {
            &served
        } else {
            &["/", "/people"]
        };
        for &path in pages {
            g.bench_function(format!("{} after {change}", name(path)), |b| {
                b.iter_batched(
                    touch,
                    |()| rt.block_on(fetch(&app, path)),
                    BatchSize::PerIteration,
                )
            });
        }
    }
    g.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);

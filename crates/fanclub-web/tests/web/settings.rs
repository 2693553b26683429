//! The settings form and the framework: loaded from a file, edited and reset. A mistake
//! comes back as 422 with its message next to the field, what was typed kept and nothing
//! written; another site's form is refused.

use super::support::*;
use fanclub_core::Framework;

const EVIL: &str = "http://evil.example";

/// A multipart upload of `bytes` as the framework file, as a browser sends it.
async fn upload(app: &TestApp, bytes: &[u8]) -> Reply {
    let boundary = "----fanclubtestboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ladder.toml\"\r\nContent-Type: application/toml\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = app
        .request(Method::POST, "/settings/framework/upload")
        .header("origin", "null")
        .header("sec-fetch-site", "same-origin")
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body);
    app.send(request).await
}

#[tokio::test]
async fn settings_are_edited_and_the_framework_loaded_edited_and_reset() {
    let app = spawn_app().await;
    let page = app.get("/settings").await;
    page.assert_contains("for=\"settings-me\"");
    page.assert_contains("enctype=\"multipart/form-data\"");
    page.assert_contains("Data location");

    let full = |me: &'static str, mc: &'static str, window: &'static str| {
        vec![
            ("me", me),
            ("target_role", "Head of Product"),
            ("manage_closely", mc),
            ("keep_satisfied", "30"),
            ("keep_informed", "30"),
            ("monitor", "3m"),
            ("momentum_window", window),
        ]
    };
    let bad = app
        .post_form("/settings", &full("Noor Haddad", "0", "3"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"settings-manage-closely-error\"");
    bad.assert_contains("id=\"settings-momentum-window-error\"");
    bad.assert_contains("a number of days from 7 to 730");
    bad.assert_contains("value=\"Noor Haddad\"");
    assert_eq!(app.store.get_settings().await.unwrap().me, None);

    let ok = app
        .post_form("/settings", &full("Noor Haddad", "2w", "60"))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let s = app.store.get_settings().await.unwrap();
    assert_eq!(s.me.as_deref(), Some("Noor Haddad"));
    assert_eq!(s.target_role.as_deref(), Some("Head of Product"));
    assert_eq!(s.cadence.manage_closely.days(), 14);
    assert_eq!(s.cadence.monitor.days(), 90);
    assert_eq!(s.momentum_window_days, 60);
    assert_eq!(s.time_zone, None, "left empty: UTC");

    // A time zone: refused next to its field when it is not one, kept when it is.
    let mut zoned = full("Noor Haddad", "2w", "60");
    zoned.push(("time_zone", "Mars/Olympus"));
    let bad = app.post_form("/settings", &zoned).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("id=\"settings-time-zone-error\"");
    bad.assert_contains("value=\"Mars/Olympus\"");
    zoned.pop();
    zoned.push(("time_zone", " Europe/Berlin "));
    let ok = app.post_form("/settings", &zoned).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let s = app.store.get_settings().await.unwrap();
    assert_eq!(s.time_zone.as_deref(), Some("Europe/Berlin"));
    app.get("/settings")
        .await
        .assert_contains("value=\"Europe/Berlin\"");

    // Load a company ladder from a file: one track, renamed.
    let mut ladder = Framework::default_leadership();
    ladder.name = "Acme PM ladder".into();
    ladder.tracks.truncate(1);
    let loaded = upload(&app, ladder.to_toml().as_bytes()).await;
    assert_eq!(loaded.status, StatusCode::SEE_OTHER, "{}", loaded.body);
    assert_eq!(app.store.get_framework().await.unwrap(), ladder);

    let broken = upload(
        &app,
        b"name = \"Ladder\"\n[[tracks]]\nkey = \"craft\"\ntarget = 9\n",
    )
    .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    broken.assert_contains("id=\"framework-file-error\"");
    broken.assert_contains("line");
    let huge = vec![b'#'; 300 * 1024];
    let refused = upload(&app, &huge).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    refused.assert_contains("larger than 256 KB");
    assert_eq!(
        app.store.get_framework().await.unwrap().name,
        "Acme PM ladder"
    );

    // The editor: rename the track, add one, and a mistake keeps what was typed.
    let editor = app.get("/settings/framework").await;
    editor.assert_contains("for=\"t0-name\"");
    editor.assert_contains("for=\"t1-key\"");
    let mut form: Vec<(String, String)> = vec![("name".into(), "Acme PM ladder".into())];
    let track = |i: usize, key: &str, name: &str, new: bool| {
        let mut f = vec![
            (format!("t{i}-new"), if new { "1" } else { "0" }.to_string()),
            (format!("t{i}-key"), key.to_string()),
            (format!("t{i}-name"), name.to_string()),
            (format!("t{i}-summary"), String::new()),
            (format!("t{i}-target"), "3".to_string()),
            (format!("t{i}-p0-title"), "Write a one-page bet".to_string()),
            (format!("t{i}-p0-how"), "Pick one opportunity.".to_string()),
        ];
        for l in 0..5 {
            f.push((format!("t{i}-l{l}-name"), format!("Level {l}")));
            f.push((format!("t{i}-l{l}-signals"), "One\nTwo".to_string()));
        }
        f
    };
    form.extend(track(0, "strategy", "Product strategy", false));
    form.extend(track(1, "Craft!", "Craft", true));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let bad = app.post_form("/settings/framework", &pairs).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    bad.assert_contains("id=\"t1-key-error\"");
    bad.assert_contains("value=\"Product strategy\"");
    assert_eq!(app.store.get_framework().await.unwrap(), ladder);
    let fixed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|&(k, v)| if k == "t1-key" { (k, "craft") } else { (k, v) })
        .collect();
    let saved = app.post_form("/settings/framework", &fixed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let f = app.store.get_framework().await.unwrap();
    assert_eq!(f.track_keys(), ["strategy", "craft"]);
    assert_eq!(f.tracks[0].name, "Product strategy");
    assert_eq!(f.tracks[1].levels[2].signals, ["One", "Two"]);
    assert_eq!(f.tracks[1].practices.len(), 1);

    let evil = app
        .post_form_from(EVIL, "/settings/framework/reset", &[])
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    let evil = app
        .post_form_from(EVIL, "/settings", &full("Mallory", "14", "90"))
        .await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.get_settings().await.unwrap().me.as_deref(),
        Some("Noor Haddad")
    );
    let reset = app.post_form("/settings/framework/reset", &[]).await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.get_framework().await.unwrap(),
        Framework::default_leadership()
    );
    app.stop().await;
}

//! What must never get through: unescaped names, other host names, cross-site posts;
//! and what every response carries: the security headers, and caching only for assets.

use super::support::*;

#[tokio::test]
async fn names_are_escaped_everywhere() {
    let app = spawn_app().await;
    let evil = app.add_person("<script>alert(1)</script>").await;
    let list = app.get("/people").await;
    list.assert_contains("&#60;script&#62;alert(1)&#60;/script&#62;");
    assert!(!list.body.contains("<script>alert(1)"), "{}", list.body);
    let page = app.get(&format!("/people/{}", evil.handle)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)"), "{}", page.body);
    app.stop().await;
}

#[tokio::test]
async fn requests_for_another_host_are_refused() {
    let app = spawn_app().await;
    let reply = app
        .send(app.request(Method::GET, "/").header("host", "evil.example"))
        .await;
    assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(!reply.body.contains("<main"), "{}", reply.body);
    // Also with our port, under a rebound name.
    let port = app.origin.rsplit(':').next().unwrap().to_string();
    let rebound = app
        .send(
            app.request(Method::GET, "/api/v1/people")
                .header("host", format!("evil.example:{port}")),
        )
        .await;
    assert_eq!(rebound.status, StatusCode::MISDIRECTED_REQUEST);
    // `localhost` is ours.
    let local = app
        .send(
            app.request(Method::GET, "/")
                .header("host", format!("localhost:{port}")),
        )
        .await;
    assert_eq!(local.status, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_write_nothing() {
    let app = spawn_app().await;
    app.add_person("Dana Kim").await;
    let reply = app
        .post_form_from("http://evil.example", "/sample", &[])
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let form = [("with", "dana"), ("kind", "coffee"), ("summary", "Forged")];
    let forged = app
        .post_form_from("http://evil.example", "/interactions", &form)
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // A form in a sandboxed frame of another site: `Origin: null`, cross-site fetch.
    let fetched = app
        .send(
            app.request(Method::POST, "/interactions")
                .header("origin", "null")
                .header("sec-fetch-site", "cross-site")
                .form(&form),
        )
        .await;
    assert_eq!(fetched.status, StatusCode::FORBIDDEN);
    let api = app
        .send(
            app.request(Method::POST, "/api/v1/people")
                .header("origin", "null")
                .json(&json!({ "name": "Mallory" })),
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    // Scripts get the API's error shape, not a sentence.
    assert_eq!(api.json()["code"], "cross_origin");
    assert!(
        api.json()["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );

    let counts = app.store.counts().await.unwrap();
    assert_eq!((counts.people, counts.interactions), (1, 0));
    app.stop().await;
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let not_found = app.get("/no-such-page").await;
    let refused = app
        .send(app.request(Method::GET, "/").header("host", "evil.example"))
        .await;
    let api = app.api(Method::GET, "/people", None).await;
    for reply in [&page, &not_found, &refused, &api] {
        assert_eq!(
            reply.header("content-security-policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        );
        assert_eq!(reply.header("x-content-type-options"), "nosniff");
        assert_eq!(reply.header("referrer-policy"), "no-referrer");
        assert_eq!(reply.header("x-frame-options"), "DENY");
    }
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(not_found.status, StatusCode::NOT_FOUND);
    not_found.assert_contains("There is no page at this address");
    // No inline script or style anywhere: the CSP would block it.
    assert!(!page.body.contains("<script>") && !page.body.contains("style="));
    app.stop().await;
}

#[tokio::test]
async fn assets_are_served_with_their_types_and_cached_by_version() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let css_url = page
        .body
        .split("href=\"")
        .find_map(|s| {
            s.split('"')
                .next()
                .filter(|u| u.starts_with("/assets/app.css?v="))
        })
        .expect("the layout links the stylesheet with its version")
        .to_string();
    let css = app.get(&css_url).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    css.assert_contains("@media print");

    let htmx = app.get("/assets/vendor/htmx.min.js").await;
    assert_eq!(
        htmx.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(htmx.header("cache-control"), "no-cache");
    let etag = htmx.header("etag").to_string();
    let again = app
        .send(
            app.request(Method::GET, "/assets/vendor/htmx.min.js")
                .header("if-none-match", HeaderValue::from_str(&etag).unwrap()),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert_eq!(
        app.get("/assets/nope.js").await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

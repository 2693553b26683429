//! The API's OpenAPI document: it is a valid OpenAPI 3.1 document (checked against the
//! OpenAPI Initiative's JSON Schema, vendored in `tests/data`), it matches the router in
//! both directions, and what the API answers fits the schemas it documents.

use std::collections::BTreeMap;

use super::support::*;

const OAS_31_SCHEMA: &str = include_str!("../data/openapi-3.1.schema.json");
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    let reply = app.get("/api/openapi.json").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

/// Every documented operation: (path, method).
fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                ops.push((path.clone(), method.to_owned()));
            }
        }
    }
    ops
}

/// A validator for `schema`, resolving `#/components/...` in the document's components.
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    if let Some(object) = root.as_object_mut() {
        object.insert("components".into(), doc["components"].clone());
        object.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
    }
    jsonschema::validator_for(&root)
        .unwrap_or_else(|e| panic!("not a usable JSON Schema ({e}): {schema}"))
}

#[track_caller]
fn assert_fits(doc: &Value, schema: &Value, what: &str, instance: &Value) {
    let v = validator(doc, schema);
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not fit its documented schema:\n{}\n{instance}",
        errors.join("\n")
    );
}

#[tokio::test]
async fn the_document_is_valid_openapi_3_1() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1.")),
        "{}",
        doc["openapi"]
    );
    let schema: Value = serde_json::from_str(OAS_31_SCHEMA).expect("the vendored schema");
    let oas = jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles");
    let errors: Vec<String> = oas
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid OpenAPI 3.1:\n{}",
        errors.join("\n")
    );

    // The same schema refuses a broken document, so the check above has teeth.
    let mut broken = doc.clone();
    broken["paths"]["/people"]["get"]["responses"] = json!("none");
    assert!(!oas.is_valid(&broken));
    let mut no_info = doc.clone();
    no_info.as_object_mut().expect("object").remove("info");
    assert!(!oas.is_valid(&no_info));

    // Every `$ref` points at a schema the document holds.
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = piece.split('"').next().unwrap_or_default();
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{name} is referenced but not described"
        );
    }

    // The older address still leads to the document.
    let old = app.get("/api/v1/openapi.json").await;
    assert_eq!(old.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(old.header("location"), "/api/openapi.json");
    let ui = app.get("/api/docs/").await;
    assert_eq!(ui.status, StatusCode::OK);
    ui.assert_contains("swagger");
    app.stop().await;
}

#[tokio::test]
async fn records_and_vocabularies_have_real_schemas() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    // Vocabularies are string enums of their canonical spellings.
    assert_eq!(schemas["Stance"]["type"], "string");
    assert_eq!(
        schemas["Stance"]["enum"],
        json!([
            "detractor",
            "unknown",
            "aware",
            "supporter",
            "advocate",
            "sponsor"
        ])
    );
    assert!(
        schemas["InteractionKind"]["enum"]
            .as_array()
            .is_some_and(|k| k.contains(&json!("1:1")))
    );
    // Validated values carry their constraints.
    assert_eq!(
        (
            schemas["Influence"]["minimum"].as_f64(),
            schemas["Influence"]["maximum"].as_f64()
        ),
        (Some(1.0), Some(5.0))
    );
    assert_eq!(schemas["Name"]["maxLength"], 200);
    assert_eq!(schemas["Day"]["format"], "date");
    assert!(schemas["Handle"]["pattern"].is_string());
    assert_eq!(schemas["Id"]["minimum"].as_f64(), Some(1.0));
    // Records are objects with their fields, not a bare `object`.
    for name in [
        "Person",
        "Interaction",
        "Win",
        "Decision",
        "Framework",
        "Agenda",
        "RoomCoverage",
        "PathsResult",
        "OutreachReport",
    ] {
        assert!(
            schemas[name]["properties"]
                .as_object()
                .is_some_and(|p| !p.is_empty()),
            "{name} has no properties: {}",
            schemas[name]
        );
    }
    assert_eq!(
        schemas["Person"]["properties"]["stance"]["$ref"],
        "#/components/schemas/Stance"
    );
    // Engine enums follow serde's kebab-case.
    assert!(
        schemas["Reach"]["enum"]
            .as_array()
            .is_some_and(|r| r.contains(&json!("unknown-person")))
    );
    // ApiError is the documented error, without the HTTP status it travels with.
    assert!(schemas["ApiError"]["properties"]["field"].is_object());
    assert!(schemas["ApiError"]["properties"].get("status").is_none());

    // A value that breaks a documented constraint is refused by the schema too.
    let person = json!({ "$ref": "#/components/schemas/Person" });
    let valid = json!({ "handle": "dana-kim", "name": "Dana Kim", "organisation": null, "title": null, "team": null,
        "circle": "company", "relation": "peer", "influence": 3, "interest": 3, "stance": "unknown", "trust": null,
        "goals": null, "struggles": null, "interests": null, "how_met": null, "introduced_by": null, "cadence": null,
        "birthday": null, "notes": null });
    assert!(validator(&doc, &person).is_valid(&valid));
    let mut loud = valid.clone();
    loud["influence"] = json!(9);
    assert!(!validator(&doc, &person).is_valid(&loud));
    let mut vague = valid;
    vague["stance"] = json!("fan");
    assert!(!validator(&doc, &person).is_valid(&vague));
    app.stop().await;
}

/// Sample values for each path parameter, from a workspace with the sample loaded.
async fn sample_params(app: &TestApp) -> BTreeMap<String, String> {
    let first_id = |v: Value| {
        v[0]["id"]
            .as_i64()
            .map(|id| id.to_string())
            .unwrap_or_default()
    };
    let mut ids = BTreeMap::new();
    for seg in [
        "interactions",
        "connections",
        "goals",
        "wins",
        "evidence",
        "perceptions",
        "opportunities",
        "decisions",
    ] {
        let list = app.api(Method::GET, &format!("/{seg}"), None).await.json();
        let id = first_id(list);
        assert!(!id.is_empty(), "the sample holds no {seg}");
        ids.insert(seg.to_owned(), id);
    }
    let decision = app
        .api(
            Method::GET,
            &format!("/decisions/{}", ids["decisions"]),
            None,
        )
        .await
        .json();
    let seated = decision["room"][0]["person"]
        .as_i64()
        .expect("a seated person");
    ids.insert("person".into(), seated.to_string());
    let people = app.api(Method::GET, "/people", None).await.json();
    ids.insert(
        "key".into(),
        people[0]["handle"].as_str().expect("a handle").to_owned(),
    );
    let week = fanclub_core::Day::today().iso_week().to_string();
    let saved = app
        .api(Method::PUT, &format!("/reviews/{week}"), Some(json!({})))
        .await;
    assert!(saved.status.is_success(), "{}", saved.body);
    ids.insert("week".into(), week);
    ids
}

/// The documented path with its parameters filled in.
fn concrete(path: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut first = true;
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        if !first {
            out.push('/');
        }
        first = false;
        match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some("id") => out.push_str(&params[segments[i - 1]]),
            Some(name) => out.push_str(&params[name]),
            None => out.push_str(seg),
        }
    }
    out
}

fn is_router_miss(reply: &Reply) -> bool {
    reply.status == StatusCode::METHOD_NOT_ALLOWED
        || (reply.status == StatusCode::NOT_FOUND && reply.body.contains("no API route"))
}

#[tokio::test]
async fn the_document_and_the_router_match_and_answers_fit_their_schemas() {
    let app = spawn_app().await;
    app.load_sample().await;
    let doc = document(&app).await;
    let params = sample_params(&app).await;
    let mut ops = operations(&doc);
    assert!(ops.len() >= 50, "only {} operations documented", ops.len());
    // Reads first, then writes, deletions last: a deletion must not starve a later call.
    let rank = |m: &str| match m {
        "get" => 0,
        "delete" => 2,
        _ => 1,
    };
    ops.sort_by_key(|(path, method)| (rank(method), path.clone()));

    for (path, method) in &ops {
        let url = concrete(path, &params);
        let operation = &doc["paths"][path.as_str()][method.as_str()];
        let http = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
        // A body that is valid JSON but may not be a valid record: any answer but "no
        // such route" shows the route exists.
        let body = operation.get("requestBody").map(|_| json!({}));
        let reply = app.api(http.clone(), &url, body).await;
        assert!(
            !is_router_miss(&reply),
            "documented {method} {path} ({url}) is not routed: {} {}",
            reply.status,
            reply.body
        );
        if reply.status == StatusCode::OK
            && reply.header("content-type").starts_with("application/json")
        {
            let schema = &operation["responses"]["200"]["content"]["application/json"]["schema"];
            assert!(
                schema.is_object(),
                "{method} {path} answers 200 with JSON but documents no schema"
            );
            assert_fits(&doc, schema, &format!("{method} {path}"), &reply.json());
        }
        if reply.status.is_client_error() && reply.status != StatusCode::NOT_FOUND {
            let status = reply.status.as_u16().to_string();
            assert!(
                operation["responses"][status.as_str()].is_object(),
                "{method} {path} answered {status}, which it does not document: {}",
                reply.body
            );
            let e = reply.json();
            assert!(
                e["code"].is_string() && e["message"].is_string(),
                "{method} {path}: {e}"
            );
        }
    }

    // The other direction: on each documented path, the undocumented methods are refused
    // by the router (405), so no method is served without being described.
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let url = concrete(path, &params);
        for method in METHODS.into_iter().filter(|m| item.get(*m).is_none()) {
            let http = Method::from_bytes(method.to_uppercase().as_bytes()).expect("a method");
            let reply = app.api(http, &url, None).await;
            assert_eq!(
                reply.status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} answers without being documented: {}",
                reply.body
            );
        }
    }
    // And paths beside the documented ones are not routed.
    for path in [
        "/person",
        "/people/x/y",
        "/wins/1/share",
        "/reviews/2026-W01/x",
        "/decisions/1/room",
        "/engine",
    ] {
        let reply = app.api(Method::GET, path, None).await;
        assert!(
            is_router_miss(&reply),
            "{path} answers without being documented: {}",
            reply.status
        );
        assert_eq!(reply.json()["code"], "not_found");
    }
    app.stop().await;
}

#[tokio::test]
async fn created_records_and_errors_fit_their_documented_schemas() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let created = app
        .api(
            Method::POST,
            "/people",
            Some(json!({ "name": "Dana Kim", "emails": ["dana@example.com"], "influence": 5 })),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let schema = &doc["paths"]["/people"]["post"]["responses"]["201"]["content"]["application/json"]
        ["schema"];
    assert_fits(&doc, schema, "POST /people", &created.json());
    let id = created.json()["id"].as_i64().expect("id");
    let win = app
        .api(Method::POST, "/wins", Some(json!({ "on": fanclub_core::Day::today().to_string(), "title": "Churn down", "kind": "metric" })))
        .await;
    let shared = app
        .api(
            Method::POST,
            &format!("/wins/{}/shares", win.json()["id"]),
            Some(json!({ "person": id, "on": fanclub_core::Day::today().to_string(), "channel": "email" })),
        )
        .await;
    let schema = &doc["paths"]["/wins/{id}/shares"]["post"]["responses"]["201"]["content"]["application/json"]
        ["schema"];
    assert_fits(&doc, schema, "POST /wins/{id}/shares", &shared.json());

    let error = app
        .api(Method::POST, "/people", Some(json!({ "name": "" })))
        .await;
    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_fits(
        &doc,
        &json!({ "$ref": "#/components/schemas/ApiError" }),
        "an error",
        &error.json(),
    );
    app.stop().await;
}

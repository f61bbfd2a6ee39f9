//! Persisted operations (issue 11, item 5): Apollo's automatic persisted queries, documents
//! by id from a manifest (Relay's `doc_id`, `documentId`), and the allow-list mode that
//! runs only the manifest's operations — over HTTP and over the WebSocket.

use serde_json::{Value, json};

use crate::helpers::{Engine, TestApp, error_code, spawn_app, spawn_app_with};

const QUERY: &str = "{ clusters(first: 3) { nodes { code } } }";
const SUBSCRIPTION: &str = "subscription { planStatusChanged { plan { id } } }";

fn sha256(text: &str) -> String {
    wijkgraph::persisted::sha256(text)
}

fn apq(hash: &str) -> Value {
    json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } })
}

/// POSTs `body` as the public.
async fn post(app: &TestApp, body: Value) -> Value {
    app.client
        .post(format!("{}/graphql", app.address))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// GETs with these query parameters as the public.
async fn get(app: &TestApp, parameters: &[(&str, String)]) -> Value {
    app.client
        .get(format!("{}/graphql", app.address))
        .query(parameters)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hash_alone_is_not_found_until_sent_with_its_query_and_then_answers_by_post_and_get() {
    let app = spawn_app(Engine::Sqlite).await;
    let hash = sha256(QUERY);
    let unknown = post(&app, json!({ "extensions": apq(&hash) })).await;
    assert_eq!(
        unknown["errors"][0]["message"], "PersistedQueryNotFound",
        "Apollo's link retries on this: {unknown}"
    );
    assert_eq!(error_code(&unknown), "PERSISTED_QUERY_NOT_FOUND");

    let registered = post(&app, json!({ "query": QUERY, "extensions": apq(&hash) })).await;
    assert_eq!(
        registered["data"]["clusters"]["nodes"][0]["code"], "BCO",
        "{registered}"
    );
    let by_hash = post(&app, json!({ "extensions": apq(&hash) })).await;
    assert_eq!(by_hash["data"], registered["data"]);
    let by_get = get(&app, &[("extensions", apq(&hash).to_string())]).await;
    assert_eq!(by_get["data"], registered["data"], "{by_get}");

    let mismatch = post(
        &app,
        json!({ "query": "{ __typename }", "extensions": apq(&hash) }),
    )
    .await;
    assert_eq!(error_code(&mismatch), "BAD_REQUEST", "{mismatch}");
}

/// An app with a manifest holding the query and the subscription, allow-list mode if `only`.
async fn with_manifest(only: bool) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("persisted_queries.json");
    std::fs::write(
        &path,
        json!({ "q1": QUERY, "s1": SUBSCRIPTION }).to_string(),
    )
    .unwrap();
    let path = path.display().to_string();
    let mut settings = vec![("WIJKGRAPH_PERSISTED_OPERATIONS", path.as_str())];
    if only {
        settings.push(("WIJKGRAPH_PERSISTED_ONLY", "true"));
    }
    (spawn_app_with(Engine::Sqlite, &settings).await, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_id_from_the_manifest_runs_by_post_and_get_and_an_unknown_one_is_refused() {
    let (app, _dir) = with_manifest(false).await;
    let relay = post(&app, json!({ "doc_id": "q1", "variables": {} })).await;
    assert_eq!(
        relay["data"]["clusters"]["nodes"][0]["code"], "BCO",
        "{relay}"
    );
    let spec = get(&app, &[("documentId", "q1".to_owned())]).await;
    assert_eq!(spec["data"], relay["data"], "{spec}");
    let unknown = post(&app, json!({ "documentId": "nope" })).await;
    assert_eq!(error_code(&unknown), "BAD_REQUEST", "{unknown}");
    // Without allow-list mode, other operations still run.
    let other = post(&app, json!({ "query": "{ __typename }" })).await;
    assert_eq!(other["data"]["__typename"], "Query");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_list_mode_runs_only_the_manifests_operations_over_http_and_the_websocket() {
    let (app, _dir) = with_manifest(true).await;
    let by_id = post(&app, json!({ "documentId": "q1" })).await;
    assert!(by_id["data"]["clusters"].is_object(), "{by_id}");
    let same_text = post(&app, json!({ "query": QUERY })).await;
    assert!(
        same_text["data"]["clusters"].is_object(),
        "the manifest's text itself: {same_text}"
    );
    for refused in [
        post(&app, json!({ "query": "{ __typename }" })).await,
        post(
            &app,
            json!({ "query": "{ __typename }", "extensions": apq(&sha256("{ __typename }")) }),
        )
        .await,
        post(
            &app,
            json!({ "extensions": apq(&sha256("{ __typename }")) }),
        )
        .await,
    ] {
        assert_eq!(
            error_code(&refused),
            "PERSISTED_QUERY_REQUIRED",
            "{refused}"
        );
    }

    let mut live = crate::live::Live::connect(&app, &[]).await;
    live.subscribe("1", "subscription { progressReported { occurredAt } }")
        .await;
    // `connect` has seen the acknowledgement; the subscription is refused.
    let answer = live
        .message(crate::live::PATIENCE)
        .await
        .expect("an answer");
    assert_eq!(
        answer["payload"]["errors"][0]["extensions"]["code"], "PERSISTED_QUERY_REQUIRED",
        "{answer}"
    );
}

//! GraphQL over HTTP (issue 11, item 4): the answer's media type follows `Accept`, request
//! errors answer 400 without `data` under `application/graphql-response+json`, and the
//! `graphql-http` audit (npm, installed into `tests/clients` by `.ci/run`) passes. A document
//! sent again (answered from the parsed-document cache) answers for its own variables and
//! operation.

use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::{Value, json};

use crate::helpers::{Engine, TestApp, spawn_app};

const STRICT: &str = "application/graphql-response+json";

/// POSTs `body` with this `Accept` (none when `None`): status, content type and body.
async fn post(app: &TestApp, accept: Option<&str>, body: Value) -> (u16, String, Value) {
    let mut request = app
        .client
        .post(format!("{}/graphql", app.address))
        .json(&body);
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    let media = response.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    (status, media, response.json().await.expect("a JSON body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_answer_is_json_unless_graphql_response_json_is_preferred() {
    let app = spawn_app(Engine::Sqlite).await;
    let query = json!({ "query": "{ __typename }" });
    for accept in [None, Some("application/json"), Some("*/*")] {
        let (status, media, body) = post(&app, accept, query.clone()).await;
        assert_eq!(
            (status, media.as_str()),
            (200, "application/json; charset=utf-8"),
            "{accept:?}"
        );
        assert_eq!(body["data"]["__typename"], "Query");
    }
    let preferred = format!("{STRICT}, application/json;q=0.9");
    let (status, media, _) = post(&app, Some(&preferred), query).await;
    assert_eq!(
        (status, media.as_str()),
        (200, "application/graphql-response+json; charset=utf-8")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_errors_answer_400_without_data_under_graphql_response_json_and_200_with_null_data_under_json()
 {
    let app = spawn_app(Engine::Sqlite).await;
    let unparsable = json!({ "query": "{" });
    let invalid = json!({ "query": "{ noSuchField }" });
    let uncoerced = json!({ "query": "query($n: Int) { plans(first: $n) { totalCount } }", "variables": { "n": "ten" } });
    for (what, body) in [
        ("parse", unparsable),
        ("validation", invalid),
        ("variables", uncoerced),
    ] {
        let (status, _, strict) = post(&app, Some(STRICT), body.clone()).await;
        assert_eq!(status, 400, "{what}: {strict}");
        assert!(
            strict.get("data").is_none() && strict["errors"][0]["message"].is_string(),
            "{what}: {strict}"
        );
        let (status, _, legacy) = post(&app, Some("application/json"), body).await;
        assert_eq!(status, 200, "{what}: {legacy}");
        assert!(
            legacy["data"].is_null() && legacy["errors"].is_array(),
            "{what}: {legacy}"
        );
    }
    // An execution error is not a request error: 200 with its data.
    let (status, _, executed) = post(
        &app,
        Some(STRICT),
        json!({ "query": r#"{ __typename node(id: "nonsense") { id } }"# }),
    )
    .await;
    assert_eq!(status, 200, "{executed}");
    assert_eq!(executed["data"]["__typename"], "Query");
    let (status, _, missing) = post(&app, Some(STRICT), json!({ "variables": {} })).await;
    assert_eq!(
        (status, &missing["errors"][0]["extensions"]["code"]),
        (400, &json!("BAD_REQUEST"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_graphql_http_audit_passes_every_must_and_should() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/clients");
    assert!(
        std::path::Path::new(folder)
            .join("node_modules/graphql-http")
            .is_dir(),
        "run `npm ci --prefix tests/clients` first (.ci/run does)"
    );
    let app = spawn_app(Engine::Sqlite).await;
    let url = format!("{}/graphql", app.address);
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .arg("audit.mjs")
            .arg(&url)
            .current_dir(folder)
            .output()
    })
    .await
    .unwrap()
    .expect("node runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: Value =
        serde_json::from_str(printed.lines().last().unwrap_or_default()).expect("the summary line");
    assert_eq!(summary["MUST"][0], summary["MUST"][1], "{printed}");
    assert_eq!(summary["SHOULD"][0], summary["SHOULD"][1], "{printed}");
    assert!(summary["MUST"][1].as_u64().unwrap() >= 13, "{printed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_sent_again_answers_for_its_own_variables_and_operation() {
    let app = spawn_app(Engine::Sqlite).await;
    let document = "query Plans($titles: Boolean!, $n: Int) { plans(first: $n) { nodes { id title @include(if: $titles) } } }
        query Count { plans { totalCount } }";
    let ask = |variables: Value, operation: &str| json!({ "query": document, "variables": variables, "operationName": operation });
    let mut answers = Vec::new();
    // Each request twice: the first parses the document, the later ones copy it.
    for (variables, operation) in [
        (json!({ "titles": true, "n": 2 }), "Plans"),
        (json!({ "titles": false, "n": 3 }), "Plans"),
        (json!({}), "Count"),
    ] {
        let (status, _, first) = post(&app, None, ask(variables.clone(), operation)).await;
        let (_, _, again) = post(&app, None, ask(variables, operation)).await;
        assert_eq!((status, &first), (200, &again), "{operation}");
        answers.push(first);
    }
    let nodes = |answer: &Value| {
        answer["data"]["plans"]["nodes"]
            .as_array()
            .cloned()
            .unwrap()
    };
    let with_titles = nodes(&answers[0]);
    assert_eq!(with_titles.len(), 2, "{}", answers[0]);
    assert!(with_titles.iter().all(|plan| plan["title"].is_string()));
    // The skipped field of the next request is not carried over from the first, nor is
    // it removed for good from the document kept.
    let without = nodes(&answers[1]);
    assert_eq!(without.len(), 3, "{}", answers[1]);
    assert!(without.iter().all(|plan| plan.get("title").is_none()));
    assert!(answers[2]["data"]["plans"]["totalCount"].as_u64() > Some(3));
    let (_, _, titles_again) =
        post(&app, None, ask(json!({ "titles": true, "n": 2 }), "Plans")).await;
    assert_eq!(titles_again, answers[0]);
}

//! HTTP itself: GraphiQL and GET, health and readiness, oversized and non-JSON bodies, and
//! errors that carry a code and no internals.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_gets_graphiql_and_a_client_gets_graphql_over_get() {
    let app = spawn_app(Engine::Sqlite).await;
    let page = app
        .client
        .get(format!("{}/graphql", app.address))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("GraphiQL"));
    assert!(
        !html.contains("https://") && !html.contains("unpkg"),
        "the page must not need a CDN"
    );
    for asset in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "react-dom.production.min.js",
    ] {
        assert!(
            html.contains(&format!("/graphiql/{asset}")),
            "{asset} not referenced"
        );
        let response = app
            .client
            .get(format!("{}/graphiql/{asset}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{asset}");
        assert!(
            response.bytes().await.unwrap().len() > 10_000,
            "{asset} is embedded whole"
        );
    }

    let response: serde_json::Value = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", "{ clusters { totalCount } }")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(response["data"]["clusters"]["totalCount"], 7);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_answer() {
    let app = spawn_app(Engine::Sqlite).await;
    for path in ["healthz", "readyz"] {
        let response = app
            .client
            .get(format!("{}/{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
    }
    let data = app.data("{ __typename }", json!({})).await;
    assert_eq!(data["__typename"], "Query");
}

async fn post_raw(
    app: &crate::helpers::TestApp,
    content_type: &str,
    body: String,
) -> (u16, serde_json::Value) {
    let response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_edge_refuses_oversized_non_json_and_get_mutations() {
    let app =
        crate::helpers::spawn_app_with(Engine::Sqlite, &[("WIJKGRAPH_MAX_BODY_BYTES", "4096")])
            .await;
    let padding = "#".repeat(8192);
    let (status, body) = post_raw(
        &app,
        "application/json",
        json!({ "query": format!("{{ __typename }}\n{padding}") }).to_string(),
    )
    .await;
    assert_eq!(status, 413, "{body}");

    let (status, body) = post_raw(
        &app,
        "text/plain",
        json!({ "query": "{ __typename }" }).to_string(),
    )
    .await;
    assert_eq!(status, 415);
    assert_eq!(crate::helpers::error_code(&body), "UNSUPPORTED_MEDIA_TYPE");
    let (status, _) = post_raw(
        &app,
        "application/x-www-form-urlencoded",
        "query={__typename}".to_owned(),
    )
    .await;
    assert_eq!(status, 415);

    let response = app
        .client
        .get(format!("{}/graphql", app.address))
        .query(&[("query", "mutation { __typename }")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(crate::helpers::error_code(&body), "METHOD_NOT_ALLOWED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_has_a_code_and_leaks_no_internals() {
    let app = spawn_app(Engine::Sqlite).await;
    let public = app.as_roles(&[]);
    for query in [
        "{ areas { nosuchfield } }",
        "{ areas(",
        "query { node(id: true) { id } }",
        &format!("{{ {} }}", "a".repeat(5000)),
    ] {
        let response = public.graphql(query, json!({})).await;
        let errors = response["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{query}: {response}"));
        for error in errors {
            assert!(error["extensions"]["code"].is_string(), "{query}: {error}");
            let message = error["message"].as_str().unwrap();
            assert!(
                message.chars().count() <= 301,
                "{query}: message not capped"
            );
            for leak in ["sqlx", "SELECT", "/root", "/work", "panicked", "127.0.0.1"] {
                assert!(!message.contains(leak), "{query}: {message}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_serves_introspection_to_admins_only_and_field_suggestions_to_nobody() {
    let jwks = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/jwks.json");
    let app = crate::helpers::spawn_app_with(
        Engine::Sqlite,
        &[
            ("WIJKGRAPH_MODE", "production"),
            ("WIJKGRAPH_JWKS", jwks),
            ("WIJKGRAPH_JWT_SECRET", ""),
        ],
    )
    .await;
    let introspection = "{ __schema { queryType { name } } }";
    let response = app.as_roles(&[]).graphql(introspection, json!({})).await;
    // Introspection is off for the caller: the schema field answers null.
    assert!(response["data"]["__schema"].is_null(), "{response}");
    let response = app
        .as_roles(&[])
        .graphql("{ arias { totalCount } }", json!({}))
        .await;
    assert!(!response.to_string().contains("Did you mean"), "{response}");

    let key =
        jsonwebtoken::EncodingKey::from_rsa_pem(include_bytes!("../../fixtures/rsa-private.pem"))
            .unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256);
    header.kid = Some("test-rsa".to_owned());
    let now = chrono::Utc::now().timestamp();
    let claims = json!({ "sub": "office", "iss": "wijkgraph-dev", "aud": "wijkgraph", "iat": now, "nbf": now, "exp": now + 600, "roles": ["admin"] });
    let admin = jsonwebtoken::encode(&header, &claims, &key).unwrap();
    let data = app.with_token(&admin).data(introspection, json!({})).await;
    assert_eq!(data["__schema"]["queryType"]["name"], "Query");
    // Suggestions would spell out the schema to whoever mistypes: off even for the admin.
    let mistyped = app
        .with_token(&admin)
        .graphql("{ arias { totalCount } }", json!({}))
        .await;
    let message = mistyped["errors"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("arias") && !message.contains("Did you mean"),
        "{mistyped}"
    );
}

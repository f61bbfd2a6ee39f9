//! The HTTP edge: GraphiQL for browsers, GraphQL over GET, health and readiness.

use serde_json::json;

use crate::helpers::{Engine, spawn_app};

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
    assert!(
        page.text()
            .await
            .unwrap()
            .to_lowercase()
            .contains("graphiql")
    );

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

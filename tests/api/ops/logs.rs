//! Request ids and the log: one access line per request, an internal error logged once.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_gets_one_access_log_line_in_json_with_its_request_id() {
    let url = seeded_postgres().await;
    let server = Server::start(&url, &[("WIJKGRAPH_LOG_FORMAT", "json")]);
    let client = reqwest::Client::new();
    let answered = client
        .post(server.url("/graphql"))
        .bearer_auth(admin_token())
        .header("x-request-id", "portal-7f3a")
        .json(&json!({ "query": PLANS, "operationName": "Plans" }))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.headers()["x-request-id"], "portal-7f3a");
    let refused = client
        .post(server.url("/graphql"))
        .header(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .header("authorization", "Bearer not-a-token")
        .json(&json!({ "query": PLANS }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert_eq!(
        refused.headers()["x-request-id"],
        "4bf92f3577b34da6a3ce929d0e0e4736"
    );
    let access = server
        .json_lines(|line| line["target"] == "wijkgraph::access", 2)
        .await;
    assert_eq!(access.len(), 2, "{access:#?}");
    let first = &access[0];
    assert_eq!(first["span"]["id"], "portal-7f3a", "{first}");
    assert_eq!(first["fields"]["status"], 200);
    assert_eq!(first["fields"]["operation_type"], "query");
    assert_eq!(first["fields"]["operation_name"], "Plans");
    assert!(
        first["fields"]["subject"]
            .as_str()
            .unwrap()
            .starts_with("user-")
    );
    assert!(first["fields"]["duration_ms"].as_f64().unwrap() > 0.0);
    let second = &access[1];
    assert_eq!(second["span"]["id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    assert_eq!(second["fields"]["status"], 401);
    assert_eq!(second["fields"]["codes"], "UNAUTHENTICATED");
    assert!(
        server.log().iter().all(|line| !line.contains('\u{1b}')),
        "no colour codes in a log that is not a terminal"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_without_an_id_gets_a_fresh_one_in_the_response() {
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    let mut seen = Vec::new();
    for _ in 0..2 {
        let response = app
            .client
            .post(format!("{}/graphql", app.address))
            .json(&json!({ "query": "{ areas { totalCount } }" }))
            .send()
            .await
            .unwrap();
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(id.len(), 32, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        seen.push(id);
    }
    assert_ne!(seen[0], seen[1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internal_error_is_logged_once_with_its_error_id_request_id_path_and_cause() {
    let url = seeded_postgres().await;
    let server = Server::start(&url, &[("WIJKGRAPH_LOG_FORMAT", "json")]);
    // A schema the service does not expect: the failure is ours, not the caller's.
    let db = wijkgraph::db::connect(&url).await.unwrap();
    db.execute_unprepared("ALTER TABLE area RENAME TO area_gone")
        .await
        .unwrap();
    let response = reqwest::Client::new()
        .post(server.url("/graphql"))
        .bearer_auth(admin_token())
        .header("x-request-id", "broken-1")
        .json(&json!({ "query": "{ areas { nodes { id } } }" }))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "INTERNAL", "{body}");
    let error_id = body["errors"][0]["extensions"]["errorId"].clone();
    assert!(error_id.is_number(), "{body}");
    assert_eq!(
        body["errors"][0]["message"], "internal error",
        "no internals: {body}"
    );
    // Any further line for the same error would be written with the first.
    let logged = server
        .json_lines(|line| line["fields"]["message"] == "internal error", 1)
        .await;
    assert_eq!(logged.len(), 1, "{logged:#?}");
    let line = &logged[0];
    assert_eq!(line["level"], "ERROR");
    assert_eq!(line["fields"]["error_id"], error_id);
    assert_eq!(line["span"]["id"], "broken-1");
    assert_eq!(line["fields"]["path"], "areas");
    assert!(
        line["fields"]["error"].as_str().unwrap().contains("area"),
        "{line}"
    );
    db.execute_unprepared("ALTER TABLE area_gone RENAME TO area")
        .await
        .unwrap();
}

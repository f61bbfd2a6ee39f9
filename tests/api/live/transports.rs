//! Other ways in: Server-Sent Events, two instances on one PostgreSQL, and the graphql-ws
//! client library.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_over_server_sent_events_streams_each_change() {
    let app = spawn_app(Engine::Sqlite).await;
    let (action, clusters) = setting(&app).await;
    let token = token_for(&app.config, &["cluster_manager:SB"]);
    let mut response = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("accept", "text/event-stream")
        .header("authorization", format!("Bearer {token}"))
        .json(&json!({ "query": COMMITMENTS }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    let id = request(&app, &action, &clusters["SB"]).await;
    let mut received = String::new();
    let found = tokio::time::timeout(PATIENCE, async {
        while let Ok(Some(chunk)) = response.chunk().await {
            received.push_str(&String::from_utf8_lossy(&chunk));
            if received.contains("event: next")
                && received.contains("\n\n")
                && received.contains("REQUESTED")
            {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(found, Ok(true), "{received}");
    let data = received
        .lines()
        .find(|line| line.starts_with("data: {"))
        .unwrap()
        .trim_start_matches("data: ");
    let event: Value = serde_json::from_str(data).unwrap();
    assert_eq!(event["data"]["commitmentChanged"]["commitment"]["id"], id);
}

/// Two instances on one PostgreSQL: a subscriber on the second hears of a change made
/// through the first, and a passed deadline is announced once between them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_postgresql_share_events_and_announce_a_passed_deadline_once() {
    let (url, _dir) = fresh_database(Engine::Postgres).await;
    let scan = [("WIJKGRAPH_DEADLINE_SCAN_SECONDS", "2")];
    let first = spawn_app_on(&url, &scan).await;
    let second = spawn_app_on(&url, &scan).await;
    let mut live = Live::connect(&second, &["admin"]).await;
    live.subscribe("all", COMMITMENTS).await;

    // A request made through the first instance whose deadline has just passed: announced
    // once, by whichever instance found it first. The demo's request overdue since 2016 is
    // history, not news.
    let (action, clusters) = setting(&first).await;
    let late = request(&first, &action, &clusters["SO"]).await;
    let heard = live.next(PATIENCE).await.expect("the request");
    assert_eq!(
        heard["data"]["commitmentChanged"]["kind"], "REQUESTED",
        "{heard}"
    );
    let passed = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    let sql = format!(
        "UPDATE commitment SET response_deadline = '{passed}' WHERE id = {}",
        crate::authz::db_id(&late)
    );
    use sea_orm::ConnectionTrait;
    first
        .db
        .execute_raw(sea_orm::Statement::from_string(
            first.db.get_database_backend(),
            sql,
        ))
        .await
        .unwrap();
    let heard = live.next(PATIENCE).await.expect("the passed deadline");
    assert_eq!(
        heard["data"]["commitmentChanged"]["kind"], "DEADLINE_PASSED",
        "{heard}"
    );
    assert_eq!(heard["data"]["commitmentChanged"]["commitment"]["id"], late);
    assert!(
        live.next(Duration::from_secs(5)).await.is_none(),
        "announced once, though both instances scan every 2 s"
    );
    assert_eq!(count_rows(&first.db, "deadline_notice").await, 1);

    let id = request(&first, &action, &clusters["DV"]).await;
    let heard = live
        .next(PATIENCE)
        .await
        .expect("a change made through the other instance");
    assert_eq!(heard["data"]["commitmentChanged"]["commitment"]["id"], id);
    assert_eq!(heard["data"]["commitmentChanged"]["kind"], "REQUESTED");
}

/// The `graphql-ws` library, as portal front ends use it (installed into `tests/clients`
/// by `.ci/run`), receives an answer live.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_graphql_ws_library_hears_a_commitment_answered() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/clients");
    assert!(
        std::path::Path::new(folder)
            .join("node_modules/graphql-ws")
            .is_dir(),
        "run `npm ci --prefix tests/clients` first (.ci/run does)"
    );
    let app = spawn_app_with(Engine::Sqlite, &[]).await;
    let (action, clusters) = setting(&app).await;
    let id = request(&app, &action, &clusters["MO"]).await;
    let url = format!("{}/graphql", app.address.replacen("http://", "ws://", 1));
    let token = token_for(&app.config, &["cluster_member:MO"]);
    let query =
        "subscription { commitmentChanged(kinds: [ANSWERED]) { kind commitment { id status } } }";
    let client = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .args(["subscribe.mjs", &url, &token, "1", query])
            .current_dir(folder)
            .output()
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let line = app
        .data(
            r#"{ budgetLines(filter: {year: 2016}, first: 100) { nodes { id description } } }"#,
            json!({}),
        )
        .await["budgetLines"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["description"] == "MO-HVW WK059910 2016")
        .unwrap()["id"]
        .clone();
    let answer = json!({ "input": { "id": id, "expectedVersion": 1, "answer": "ACCEPT", "hours": "8", "amount": "100", "budgetLineId": line } });
    app.as_roles(&["cluster_member:MO"]).data("mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }", answer).await;
    let output = tokio::time::timeout(PATIENCE, client)
        .await
        .expect("the client finishes")
        .unwrap()
        .expect("node runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    let result: Value = printed
        .lines()
        .find(|line| line.starts_with('{'))
        .map(|line| serde_json::from_str(line).unwrap())
        .unwrap_or_default();
    assert_eq!(
        result["data"]["commitmentChanged"],
        json!({ "kind": "ANSWERED", "commitment": { "id": id, "status": "ACCEPTED" } }),
        "{printed}"
    );
}

//! Live updates (issue 11, items 1 and 2): subscriptions over graphql-transport-ws and
//! Server-Sent Events deliver an event only when the subscriber may read the changed row at
//! that moment, only after the change commits, across instances on one PostgreSQL, and
//! close when the token expires.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::helpers::{
    Engine, TestApp, count_rows, fresh_database, run_on_both_databases, spawn_app, spawn_app_on,
    spawn_app_with, token_for,
};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-transport-ws client: enough of the protocol to subscribe and read.
pub(crate) struct Live {
    pub(crate) socket: Socket,
}

/// How long a test waits for an event that must come.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);
/// How long a test waits to be sure an event does not come.
const QUIET: Duration = Duration::from_millis(1500);

impl Live {
    /// Opens a socket to `app` and sends `connection_init` with `token` (none: the public).
    pub(crate) async fn open(app: &TestApp, token: Option<String>) -> Self {
        let url = format!("{}/graphql", app.address.replacen("http://", "ws://", 1));
        let mut request = url.into_client_request().unwrap();
        request.headers_mut().insert(
            "sec-websocket-protocol",
            "graphql-transport-ws".parse().unwrap(),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connect");
        let payload = match token {
            Some(token) => json!({ "authorization": format!("Bearer {token}") }),
            None => json!({}),
        };
        socket
            .send(Message::text(
                json!({ "type": "connection_init", "payload": payload }).to_string(),
            ))
            .await
            .unwrap();
        Self { socket }
    }

    /// Opens a socket as `roles` and waits for the acknowledgement.
    pub(crate) async fn connect(app: &TestApp, roles: &[&str]) -> Self {
        let token = (!roles.is_empty()).then(|| token_for(&app.config, roles));
        let mut live = Self::open(app, token).await;
        let ack = live.message(PATIENCE).await.expect("connection_ack");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        live
    }

    /// Starts subscription `id`.
    pub(crate) async fn subscribe(&mut self, id: &str, query: &str) {
        let message = json!({ "id": id, "type": "subscribe", "payload": { "query": query } });
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
    }

    /// The next protocol message within `within`; a close frame as
    /// `{"type": "closed", "code": …}`.
    pub(crate) async fn message(&mut self, within: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let next = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .ok()??;
            match next {
                Ok(Message::Text(text)) => {
                    let message: Value = serde_json::from_str(text.as_str()).unwrap();
                    if message["type"] == "ping" {
                        continue;
                    }
                    return Some(message);
                }
                Ok(Message::Close(frame)) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or((1005, String::new()));
                    return Some(json!({ "type": "closed", "code": code, "reason": reason }));
                }
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }

    /// The payload of the next `next` message within `within`.
    pub(crate) async fn next(&mut self, within: Duration) -> Option<Value> {
        let message = self.message(within).await?;
        assert_eq!(message["type"], "next", "{message}");
        Some(message["payload"].clone())
    }
}

const COMMITMENTS: &str =
    "subscription { commitmentChanged { kind commitment { id status cluster { code } } } }";
const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }";

/// An Afrikaanderwijk action and the clusters' ids by code.
async fn setting(app: &TestApp) -> (Value, Value) {
    let data = app
        .data(
            r#"{ clusters(first: 20) { nodes { id code } }
                 plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
            json!({}),
        )
        .await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    let clusters: serde_json::Map<String, Value> = data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap().to_owned(), c["id"].clone()))
        .collect();
    (action, Value::Object(clusters))
}

/// Requests a commitment of `cluster` on `action` as Afrikaanderwijk's manager; its id.
async fn request(app: &TestApp, action: &Value, cluster: &Value) -> Value {
    let input = json!({ "input": { "actionId": action, "clusterId": cluster, "question": "Kunnen jullie dit oppakken?" } });
    app.as_roles(&["neighbourhood_manager:BU05991086"])
        .data(REQUEST, input)
        .await["requestCommitment"]["commitment"]["id"]
        .clone()
}

async fn a_cluster_hears_of_its_own_commitments_only_and_the_public_of_none(app: TestApp) {
    let (action, clusters) = setting(&app).await;
    let mut mo = Live::connect(&app, &["cluster_member:MO"]).await;
    let mut so = Live::connect(&app, &["cluster_member:SO"]).await;
    let mut public = Live::connect(&app, &[]).await;
    for (live, id) in [(&mut mo, "mo"), (&mut so, "so"), (&mut public, "public")] {
        live.subscribe(id, COMMITMENTS).await;
    }
    // Let the subscriptions start before the changes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let for_so = request(&app, &action, &clusters["SO"]).await;
    let for_mo = request(&app, &action, &clusters["MO"]).await;

    let heard = mo.next(PATIENCE).await.expect("MO hears of its request");
    assert_eq!(
        heard["data"]["commitmentChanged"],
        json!({ "kind": "REQUESTED", "commitment": { "id": for_mo, "status": "REQUESTED", "cluster": { "code": "MO" } } })
    );
    let heard = so.next(PATIENCE).await.expect("SO hears of its request");
    assert_eq!(
        heard["data"]["commitmentChanged"]["commitment"]["id"], for_so,
        "SO's first event is its own, not MO's"
    );
    assert!(
        mo.next(QUIET).await.is_none(),
        "MO never hears of SO's request"
    );
    assert!(
        public.next(QUIET).await.is_none(),
        "the public reads no commitments"
    );
}

run_on_both_databases!(a_cluster_hears_of_its_own_commitments_only_and_the_public_of_none);

async fn withdrawals_in_a_change_that_rolls_back_are_never_heard_and_the_next_commit_is(
    app: TestApp,
) {
    let (action, clusters) = setting(&app).await;
    let mut admin = Live::connect(&app, &["admin"]).await;
    admin.subscribe("all", COMMITMENTS).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A merge that drops Bloemhof's priorities withdraws their open commitments (events
    // staged) and is then refused for the stale version: it all rolls back.
    let plans = app.data(r#"{ plans(filter: {status: ADOPTED, year: 2016, kind: NEIGHBOURHOOD_ACTION_PLAN}, first: 20) { nodes { id version title } } }"#, json!({})).await;
    let find = |name: &str| {
        plans["plans"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["title"].as_str().unwrap().contains(name))
            .unwrap()
            .clone()
    };
    let (surviving, merged) = (find("Afrikaanderwijk"), find("Bloemhof"));
    let open = "commitment WHERE status IN ('REQUESTED', 'ACCEPTED', 'ACCEPTED_WITH_RESERVATION')";
    let open_before = count_rows(&app.db, open).await;
    let merge = json!({ "input": { "survivingPlanId": surviving["id"], "survivingPlanVersion": surviving["version"],
        "mergedPlanId": merged["id"], "mergedPlanVersion": merged["version"].as_i64().unwrap() + 7, "movePriorityIds": [] } });
    let refused = app
        .as_roles(&["area_director:WK059910"])
        .graphql(
            "mutation($input: MergePlansInput!) { mergePlans(input: $input) { plan { id } } }",
            merge,
        )
        .await;
    assert_eq!(
        crate::helpers::error_code(&refused),
        "CONFLICT",
        "{refused}"
    );
    assert_eq!(
        count_rows(&app.db, open).await,
        open_before,
        "the withdrawals rolled back"
    );
    let done = request(&app, &action, &clusters["WI"]).await;
    let heard = admin
        .next(PATIENCE)
        .await
        .expect("the request that committed");
    assert_eq!(
        heard["data"]["commitmentChanged"]["commitment"]["id"], done,
        "nothing of the refused change: {heard}"
    );
}

run_on_both_databases!(
    withdrawals_in_a_change_that_rolls_back_are_never_heard_and_the_next_commit_is
);

async fn a_plan_is_heard_of_by_the_public_only_while_it_is_published(app: TestApp) {
    let data = app.data(r#"{ plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { id version } } }"#, json!({})).await;
    let plan = data["plans"]["nodes"][0].clone();
    let query = "subscription { planStatusChanged { plan { id status } } }";
    let mut public = Live::connect(&app, &[]).await;
    let mut manager = Live::connect(&app, &["neighbourhood_manager:BU05991086"]).await;
    public.subscribe("p", query).await;
    manager.subscribe("m", query).await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Each step is heard (the row as it is when the event arrives) before the next one.
    let heard_status = async |live: &mut Live| {
        let heard = live
            .next(PATIENCE)
            .await
            .expect("the manager hears each step");
        tokio::time::sleep(Duration::from_millis(300)).await;
        heard["data"]["planStatusChanged"]["plan"]["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let as_manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let version = plan["version"].as_i64().unwrap();
    as_manager.data("mutation($input: RevisePlanInput!) { revisePlan(input: $input) { plan { id } } }",
        json!({ "input": { "id": plan["id"], "expectedVersion": version, "reason": "Bijstellen" } })).await;
    assert_eq!(heard_status(&mut manager).await, "DRAFT");
    as_manager
        .data(
            "mutation($input: PlanStepInput!) { submitPlan(input: $input) { plan { id } } }",
            json!({ "input": { "id": plan["id"], "expectedVersion": version + 1 } }),
        )
        .await;
    assert_eq!(heard_status(&mut manager).await, "IN_CONSULTATION");
    let director = app.as_roles(&["area_director:WK059910"]);
    let adopt =
        "mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { plan { status } } }";
    let step = |waivers: Value| json!({ "input": { "id": plan["id"], "expectedVersion": version + 2, "waivers": waivers } });
    let gaps =
        director.graphql(adopt, step(json!([]))).await["errors"][0]["extensions"]["gaps"].clone();
    let waivers: Vec<Value> = gaps.as_array().unwrap().iter().flat_map(|gap| {
        gap["missing"].as_array().unwrap().iter().map(|missing| json!({ "itemId": gap["item"], "gap": missing, "reason": "Mondeling akkoord" })).collect::<Vec<_>>()
    }).collect();
    director.data(adopt, step(json!(waivers))).await;
    assert_eq!(heard_status(&mut manager).await, "ADOPTED");
    // The draft and the consultation were not the public's to read; the adoption is.
    let heard = public
        .next(PATIENCE)
        .await
        .expect("the public hears of the adoption");
    assert_eq!(
        heard["data"]["planStatusChanged"]["plan"],
        json!({ "id": plan["id"], "status": "ADOPTED" })
    );
    assert!(public.next(QUIET).await.is_none());
}

run_on_both_databases!(a_plan_is_heard_of_by_the_public_only_while_it_is_published);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_socket_closes_with_4401_when_the_token_expires_and_with_4403_for_a_token_that_does_not_verify()
 {
    let app = spawn_app(Engine::Sqlite).await;
    let short = wijkgraph::auth::issue_development_token(
        &app.config.auth,
        "user-brief",
        &["admin".to_owned()],
        2,
    )
    .unwrap();
    let mut brief = Live::open(&app, Some(short)).await;
    assert_eq!(
        brief.message(PATIENCE).await.unwrap()["type"],
        "connection_ack"
    );
    brief.subscribe("s", COMMITMENTS).await;
    let closed = brief.message(PATIENCE).await.expect("closed at expiry");
    assert_eq!(
        (&closed["type"], &closed["code"]),
        (&json!("closed"), &json!(4401)),
        "{closed}"
    );

    let mut forged = Live::open(&app, Some("not.a.token".to_owned())).await;
    let closed = forged.message(PATIENCE).await.expect("closed at once");
    assert_eq!(
        (&closed["type"], &closed["code"]),
        (&json!("closed"), &json!(4403)),
        "{closed}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_are_refused_over_the_socket_with_a_reason() {
    let app = spawn_app(Engine::Sqlite).await;
    let mut live = Live::connect(&app, &["admin"]).await;
    live.subscribe("q", "{ plans { totalCount } }").await;
    let answer = live.next(PATIENCE).await.expect("an answer");
    assert_eq!(
        answer["errors"][0]["extensions"]["code"], "BAD_REQUEST",
        "{answer}"
    );
    assert!(
        answer["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("only subscriptions")
    );
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_socket_runs_at_most_twenty_subscriptions_at_once_and_a_completed_one_frees_its_place() {
    let app = spawn_app(Engine::Sqlite).await;
    let mut live = Live::connect(&app, &["admin"]).await;
    for id in 1..=20 {
        live.subscribe(&id.to_string(), COMMITMENTS).await;
    }
    live.subscribe("21", COMMITMENTS).await;
    let refused = live.message(PATIENCE).await.expect("the 21st is refused");
    assert_eq!(
        (&refused["type"], &refused["id"]),
        (&json!("next"), &json!("21")),
        "{refused}"
    );
    assert!(
        refused["payload"]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("at most 20"),
        "{refused}"
    );
    live.socket
        .send(Message::text(
            json!({ "id": "1", "type": "complete" }).to_string(),
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    live.subscribe("22", COMMITMENTS).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (action, clusters) = setting(&app).await;
    request(&app, &action, &clusters["MO"]).await;
    let mut heard = Vec::new();
    while let Some(message) = live.message(QUIET).await {
        heard.push(message);
    }
    let of = |id: &str| {
        heard
            .iter()
            .filter(|m| m["id"] == id)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("22").len(),
        1,
        "the 22nd runs and hears the request: {heard:?}"
    );
    assert!(of("22")[0]["payload"]["errors"].is_null(), "{heard:?}");
    assert!(
        of("1").iter().all(|m| m["type"] == "complete"),
        "the completed one hears nothing: {heard:?}"
    );
}
